//! The letters benchmark: the reference letter of 23 October 2017 composed and rendered to PDF,
//! warm, end to end (template, notes, signed text, signatories, typst). A plain clock rather than
//! criterion: one render is long enough to time, and criterion would add to every cold build.
//!
//! Run from the workspace root: `cargo run --release -p accord-letters --example bench`
//! (optionally `-- ITERATIONS`, default 20). Results are written up in `crates/letters/BENCH.md`.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use accord_core::ValidCase;
use accord_core::bundle::{self, BundleFile};
use accord_letters::{compose, render_html, render_markdown, render_pdf};
use accord_pdf::Fonts;

const LETTER: &str = "2017-10-23-reconvene-paris-conference";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let iterations: usize = std::env::args()
        .nth(1)
        .map(|s| s.parse())
        .transpose()?
        .unwrap_or(20);
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/cases/cambodia-2017");
    let mut files = Vec::new();
    collect(&root, &root, &mut files)?;
    let case = bundle::read(&files)?;

    let t = Instant::now();
    let fonts = Fonts::load(&Fonts::default_paths())?;
    println!("fonts loaded in {:.1} ms", ms(t.elapsed()));

    let t = Instant::now();
    let first = render_pdf(&compose(&case, LETTER)?.document, &fonts)?;
    println!(
        "first compose + PDF: {:.1} ms ({} bytes)",
        ms(t.elapsed()),
        first.len()
    );

    report("compose only", iterations, || {
        compose(&case, LETTER).map(|_| ()).map_err(Into::into)
    })?;
    report("compose + Markdown + HTML", iterations, || {
        let c = compose(&case, LETTER)?;
        std::hint::black_box((render_markdown(&c.document), render_html(&c.document)));
        Ok(())
    })?;
    report("compose + PDF, same letter", iterations, || {
        let c = compose(&case, LETTER)?;
        std::hint::black_box(render_pdf(&c.document, &fonts)?);
        Ok(())
    })?;
    // A coordinator editing: the body changes on every render, so typst's cache helps less.
    let mut n = 0;
    report("compose + PDF, edited letter", iterations, || {
        n += 1;
        let edited = edited(&case, n);
        let c = compose(&edited, LETTER)?;
        std::hint::black_box(render_pdf(&c.document, &fonts)?);
        Ok(())
    })?;
    Ok(())
}

/// The case with the letter's first paragraph changed (edit number `n`).
fn edited(case: &ValidCase, n: usize) -> ValidCase {
    let mut c = case.case().clone();
    if let Some(l) = c.letters.iter_mut().find(|l| l.id == LETTER) {
        l.body = l.body.replacen("Dear", &format!("Dear (draft {n})"), 1);
    }
    accord_core::validate(c).unwrap_or_else(|_| case.clone())
}

fn report(
    name: &str,
    iterations: usize,
    mut f: impl FnMut() -> Result<(), Box<dyn std::error::Error>>,
) -> Result<(), Box<dyn std::error::Error>> {
    f()?;
    let mut times = Vec::with_capacity(iterations);
    for _ in 0..iterations {
        let t = Instant::now();
        f()?;
        times.push(ms(t.elapsed()));
    }
    times.sort_by(f64::total_cmp);
    let mean = times.iter().sum::<f64>() / times.len().max(1) as f64;
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    println!(
        "{name:32} n={iterations}  min {:7.2} ms  median {:7.2} ms  mean {:7.2} ms  max {:7.2} ms",
        at(0.0),
        at(0.5),
        mean,
        at(1.0)
    );
    Ok(())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn collect(dir: &Path, root: &Path, out: &mut Vec<BundleFile>) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect(&path, root, out)?;
        } else if let Ok(rel) = path.strip_prefix(root) {
            out.push(BundleFile {
                path: rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect::<Vec<_>>()
                    .join("/"),
                contents: std::fs::read_to_string(&path)?,
            });
        }
    }
    Ok(())
}
