//! Helpers shared by the server's test binaries: reading case bundles from the repository.

#![allow(dead_code, reason = "each test binary uses a different subset")]

use std::path::{Path, PathBuf};
use std::sync::Arc;

use accord_actions::{Actions, LogKeyConfig};
use accord_core::bundle::BundleFile;
use accord_search::SearchIndex;
use accord_store::{FsBlobStore, Store};

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

/// The action layer over a test store: evidence files and the log's key in `dir`.
pub fn actions(dir: &Path, store: Arc<dyn Store>, search: Option<Arc<SearchIndex>>) -> Actions {
    let blobs = FsBlobStore::open(dir.join("evidence")).expect("a blob directory");
    Actions::new(
        store,
        Arc::new(blobs),
        search,
        LogKeyConfig {
            path: dir.join("log.key"),
            name_if_new: Some("accord-test".into()),
        },
    )
}

/// The application state over a test store, with this configuration (files it needs in `dir`).
pub fn state(
    dir: &Path,
    store: Arc<dyn Store>,
    search: Option<Arc<SearchIndex>>,
    config: accord_server::ServerConfig,
) -> accord_server::AppState {
    accord_server::AppState::new(actions(dir, store, search), config)
        .expect("the application state")
}
