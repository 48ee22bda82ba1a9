//! Helpers shared by the server's test binaries: reading case bundles from the repository.

#![allow(dead_code, reason = "each test binary uses a different subset")]

use std::path::{Path, PathBuf};

use accord_core::bundle::BundleFile;

/// A path inside the repository.
pub fn repo(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(rel)
}

/// Every file of a bundle directory, with its path relative to the bundle.
pub fn bundle_files(root: &Path) -> Vec<BundleFile> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).expect("read the bundle directory") {
            let p = e.expect("a directory entry").path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(BundleFile {
                    path: p
                        .strip_prefix(root)
                        .expect("below the bundle")
                        .to_string_lossy()
                        .replace('\\', "/"),
                    contents: std::fs::read_to_string(&p).expect("a UTF-8 file"),
                });
            }
        }
    }
    out
}

/// The documented example case (`docs/examples/minimal-case`).
pub fn example_files() -> Vec<BundleFile> {
    bundle_files(&repo("docs/examples/minimal-case"))
}

/// The application state over a test store, with this configuration (files it needs in `dir`).
pub fn state(
    _dir: &Path,
    store: std::sync::Arc<dyn accord_store::Store>,
    search: Option<std::sync::Arc<accord_search::SearchIndex>>,
    config: accord_server::ServerConfig,
) -> accord_server::AppState {
    accord_server::AppState::new(store, config, search).expect("the application state")
}
