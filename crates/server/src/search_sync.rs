//! Rebuilding the full-text index from the store (at start, when it is missing or stale).
//!
//! The store is the source of truth; the index is derived and can always be rebuilt. Incident ids
//! are unique within a case only, so an index document's id is `case/incident`. Confirmed
//! verdicts are indexed as `verdict:<name>` themes (and `<theme>|verdict:<name>` pairs) so the
//! timeline's verdict filter also works, exactly, with a text search.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use accord_search::{IncidentDoc, SearchIndex};
use accord_store::Store;

use crate::AppError;

// One definition of the index documents and tags, shared with the action layer that keeps the
// index in step after each write (re-indexing is the action's job, not a route's).
pub use accord_actions::search::{doc, doc_id, incident_id, theme_verdict_tag, verdict_tag};

/// Rebuild the whole index from the store, streaming batches into the index's bulk build.
pub async fn rebuild(store: Arc<dyn Store>, index: Arc<SearchIndex>) -> Result<usize, AppError> {
    let (tx, rx) = std::sync::mpsc::sync_channel::<IncidentDoc>(10_000);
    let builder = tokio::task::spawn_blocking(move || index.rebuild(rx.into_iter()));
    let mut after = None;
    loop {
        let batch = store.all_incidents(after.clone(), 5_000).await?;
        let Some((case, last, _)) = batch.last() else {
            break;
        };
        after = Some((case.clone(), last.id.clone()));
        for (case, inc, verdicts) in &batch {
            if tx.send(doc(case, inc, verdicts)).is_err() {
                break;
            }
        }
    }
    drop(tx);
    builder
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?
        .map_err(|e| AppError::Internal(format!("search index: {e}")))
}

/// Fill the in-memory part of the index with every restricted incident (their text is sealed in
/// the store and never written to the index directory): at each start, when the directory is in
/// step and no rebuild brings them in. Returns how many.
pub async fn load_restricted(
    store: &dyn Store,
    index: Arc<SearchIndex>,
) -> Result<usize, AppError> {
    let docs: Vec<IncidentDoc> = store
        .restricted_incidents()
        .await?
        .iter()
        .map(|(case, inc, verdicts)| doc(case, inc, verdicts))
        .collect();
    let n = docs.len();
    tokio::task::spawn_blocking(move || index.upsert(&docs))
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?
        .map_err(|e| AppError::Internal(format!("search index: {e}")))?;
    Ok(n)
}

/// The file beside the index that says up to which log entry the index reflects the store.
fn marker(dir: &Path) -> PathBuf {
    dir.join("accord-log-size")
}

/// Whether the index must be rebuilt: it is in step only if it was marked at the log's current
/// size. Every write appends to the log, so a write made while no server kept the index in step —
/// an import, even one that replaces a redacted text with the same number of incidents — shows
/// here, where a count of documents would not.
pub async fn needs_rebuild(store: &dyn Store, dir: &Path) -> Result<bool, AppError> {
    let (size, _) = store.log_head().await?;
    let marked = std::fs::read_to_string(marker(dir))
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok());
    Ok(marked != Some(size))
}

/// Record that the index reflects the store as of the log's size `size` (taken before a rebuild
/// began). Writes made later while serving keep the index in step, but the mark is not moved for
/// them: another process may have written too, so the next start rebuilds rather than guess.
pub fn mark_in_step(dir: &Path, size: u64) -> Result<(), AppError> {
    std::fs::write(marker(dir), format!("{size}\n"))
        .map_err(|e| AppError::Internal(format!("{}: {e}", marker(dir).display())))
}
