//! Embeds htmx from its npm package (installed by the README's commands into web/node_modules)
//! so that Accord serves it itself: no CDN, works offline and on a LAN. Without it every page
//! still works; htmx only enhances them.

use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let htmx = manifest.join("../../web/node_modules/htmx.org/dist/htmx.min.js");
    println!("cargo:rerun-if-changed={}", htmx.display());
    let code = if htmx.is_file() {
        format!(
            "pub(crate) const HTMX: Option<&[u8]> = Some(include_bytes!({:?}));\n",
            htmx.display().to_string()
        )
    } else {
        println!(
            "cargo:warning=htmx not found at {} (run `npm ci` in web/): pages will work without it",
            htmx.display()
        );
        "pub(crate) const HTMX: Option<&[u8]> = None;\n".to_owned()
    };
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default()).join("htmx.rs");
    if let Err(e) = std::fs::write(&out, code) {
        println!("cargo:warning=cannot write {}: {e}", out.display());
    }
}
