//! pdftotext and pdftoppm (Debian `poppler-utils`), run on rendered PDFs. A missing tool fails
//! the test with the package to install: the checks they make are the point of the tests.

use std::path::Path;
use std::process::Command;

fn run(tool: &str, args: &[&str]) -> Vec<u8> {
    let output = match Command::new(tool).args(args).output() {
        Ok(output) => output,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => panic!(
            "{tool} is not installed: these tests need the Debian package poppler-utils \
             (apt-get install -y poppler-utils)"
        ),
        Err(err) => panic!("cannot run {tool}: {err}"),
    };
    assert!(
        output.status.success(),
        "{tool} {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

fn with_file<T>(pdf: &[u8], f: impl FnOnce(&Path) -> T) -> T {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("letter.pdf");
    std::fs::write(&path, pdf).expect("write the PDF");
    f(&path)
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("temporary paths are UTF-8")
}

/// The text of the PDF in pdftotext's reading order.
pub fn text(pdf: &[u8]) -> String {
    with_file(pdf, |path| {
        let out = run("pdftotext", &["-enc", "UTF-8", path_str(path), "-"]);
        String::from_utf8(out).expect("pdftotext writes UTF-8")
    })
}

/// The text of the PDF in content-stream order, which keeps each line whole.
pub fn text_raw(pdf: &[u8]) -> String {
    with_file(pdf, |path| {
        let out = run("pdftotext", &["-raw", "-enc", "UTF-8", path_str(path), "-"]);
        String::from_utf8(out).expect("pdftotext writes UTF-8")
    })
}

/// Page `page` (from 1) as an 8-bit grey PNG at `dpi`.
pub fn page_png(pdf: &[u8], page: u32, dpi: u32) -> Vec<u8> {
    with_file(pdf, |path| {
        let dir = path.parent().expect("the PDF is in a folder");
        let prefix = dir.join("page");
        let (page, dpi) = (page.to_string(), dpi.to_string());
        run(
            "pdftoppm",
            &[
                "-png",
                "-gray",
                "-r",
                &dpi,
                "-f",
                &page,
                "-l",
                &page,
                "-singlefile",
                path_str(path),
                path_str(&prefix),
            ],
        );
        std::fs::read(dir.join("page.png")).expect("pdftoppm wrote the page")
    })
}
