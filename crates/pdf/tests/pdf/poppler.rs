//! pdftotext, pdftoppm and pdfinfo (Debian `poppler-utils`), run on rendered PDFs. A missing
//! tool fails the test with the package to install: the checks they make are the point of the
//! tests, so skipping them would pass a render nobody looked at.

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

/// The text of the PDF in content-stream order (`-raw`), which keeps line-end hyphens.
pub fn text_raw(pdf: &[u8]) -> String {
    with_file(pdf, |path| {
        let out = run("pdftotext", &["-raw", "-enc", "UTF-8", path_str(path), "-"]);
        String::from_utf8(out).expect("pdftotext writes UTF-8")
    })
}

/// The text of the PDF in pdftotext's default reading order, which is what someone copying
/// from a viewer gets, and which recovers Khmer best.
pub fn text(pdf: &[u8]) -> String {
    with_file(pdf, |path| {
        let out = run("pdftotext", &["-enc", "UTF-8", path_str(path), "-"]);
        String::from_utf8(out).expect("pdftotext writes UTF-8")
    })
}

/// `pdfinfo`'s "Key: value" lines.
pub fn info(pdf: &[u8]) -> Vec<(String, String)> {
    with_file(pdf, |path| {
        let out = run("pdfinfo", &["-enc", "UTF-8", path_str(path)]);
        String::from_utf8(out)
            .expect("pdfinfo writes UTF-8")
            .lines()
            .filter_map(|line| {
                let (key, value) = line.split_once(':')?;
                Some((key.trim().to_owned(), value.trim().to_owned()))
            })
            .collect()
    })
}

pub fn info_value(pdf: &[u8], key: &str) -> String {
    info(pdf)
        .into_iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v)
        .unwrap_or_else(|| panic!("pdfinfo shows no {key}"))
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

fn path_str(path: &Path) -> &str {
    path.to_str().expect("temporary paths are UTF-8")
}
