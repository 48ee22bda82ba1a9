//! Renders a letter given as JSON (a serialised `LetterDoc`) to a PDF file, to look at the
//! template's output by hand: `cargo run -p accord-pdf --example render -- IN.json OUT.pdf`.
//! Font folders beyond the default can be added with `ACCORD_FONT_PATH` (colon-separated).

use std::error::Error;
use std::time::Instant;

use accord_pdf::{Fonts, LetterDoc, render_pdf};

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(input), Some(output)) = (args.next(), args.next()) else {
        return Err("usage: render IN.json OUT.pdf".into());
    };
    let mut paths = Fonts::default_paths();
    if let Ok(extra) = std::env::var("ACCORD_FONT_PATH") {
        paths.extend(std::env::split_paths(&extra));
    }
    let started = Instant::now();
    let fonts = Fonts::load(&paths)?;
    eprintln!("fonts loaded in {:?}", started.elapsed());
    let doc: LetterDoc = serde_json::from_str(&std::fs::read_to_string(&input)?)?;
    for round in ["cold", "warm"] {
        let started = Instant::now();
        let pdf = render_pdf(&doc, &fonts)?;
        eprintln!("{round} render in {:?}", started.elapsed());
        std::fs::write(&output, pdf)?;
    }
    Ok(())
}
