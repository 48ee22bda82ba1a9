//! Times `render_pdf` on the reference letter (55 signatories, 21 CC entries, three notes):
//! the goal is under 300 ms per warm render. `cargo bench -p accord-pdf`.
//!
//! A plain `harness = false` bench rather than criterion: one render is long enough to time
//! with a clock, and criterion would add to every cold build of the workspace. Three cases,
//! because typst memoises layout across renders:
//! - same letter: the identical letter again (a re-download), mostly served from the cache;
//! - edited letter: the title changes every time (a coordinator editing), the usual case;
//! - no cache: typst's cache emptied before each render, the worst warm case.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use accord_pdf::{Fonts, LetterDoc, render_pdf};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let iters: usize = std::env::var("ACCORD_BENCH_ITERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20);
    let fixture =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/reference-letter.json");
    let doc: LetterDoc = serde_json::from_str(&std::fs::read_to_string(fixture)?)?;

    let started = Instant::now();
    let fonts = Fonts::load(&Fonts::default_paths())?;
    println!("fonts loaded (default path): {:?}", started.elapsed());

    let started = Instant::now();
    let pdf = render_pdf(&doc, &fonts)?;
    println!(
        "first render (cold: typst library built, fonts read): {:?}, {} bytes",
        started.elapsed(),
        pdf.len()
    );

    report("same letter", iters, |_| {
        render_pdf(&doc, &fonts)?;
        Ok(())
    })?;
    report("edited letter", iters, |i| {
        let mut edited = doc.clone();
        edited.title = format!("{} (draft {i})", doc.title);
        render_pdf(&edited, &fonts)?;
        Ok(())
    })?;
    report("no cache", iters, |_| {
        typst::comemo::evict(0);
        render_pdf(&doc, &fonts)?;
        Ok(())
    })?;
    Ok(())
}

fn report(
    name: &str,
    iters: usize,
    mut run: impl FnMut(usize) -> Result<(), accord_pdf::PdfError>,
) -> Result<(), accord_pdf::PdfError> {
    let mut times: Vec<Duration> = Vec::with_capacity(iters);
    for i in 0..iters {
        let started = Instant::now();
        run(i)?;
        times.push(started.elapsed());
    }
    times.sort();
    let mean = times.iter().sum::<Duration>() / u32::try_from(iters.max(1)).unwrap_or(u32::MAX);
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{name:<14} n={iters:<3} min {:7.1} ms  median {:7.1} ms  mean {:7.1} ms  max {:7.1} ms",
        ms(times[0]),
        ms(times[times.len() / 2]),
        ms(mean),
        ms(times[times.len() - 1]),
    );
    Ok(())
}
