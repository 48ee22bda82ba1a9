//! Evidence actions: receive a file (hash while storing, then record), open it (logged), and
//! append to its chain of custody.

use accord_core::evidence::{evidence_problems, safe_file_name};
use accord_core::{Capture, CustodyAction, CustodyEvent, Derivation, Evidence};
use accord_store::blob::BlobReader;
use tokio::io::AsyncRead;

use crate::{ActionError, Actions, invalid};

/// The custody events people record by hand. `received`, `downloaded`, `derived` and the
/// exports of `accord export` and evidence packages are recorded by Accord itself as they
/// happen, and `verified` only by [`Actions::check_evidence`], after the bytes were checked.
pub const CUSTODY_BY_HAND: [CustodyAction; 4] = [
    CustodyAction::Viewed,
    CustodyAction::Copied,
    CustodyAction::Exported,
    CustodyAction::HandedOver,
];

/// What the person adding a file says about it (the bytes come separately).
#[derive(Debug, Clone, Default)]
pub struct NewEvidence {
    /// A record id; made from the file name when not given.
    pub id: Option<String>,
    /// The file's name as received (only its last component is kept).
    pub file_name: String,
    pub incident: Option<String>,
    pub source: Option<String>,
    pub note: Option<String>,
    pub capture: Capture,
    pub derived_from: Option<Derivation>,
    /// Who may see the file (`case`, the members of the case, unless said otherwise).
    pub sensitivity: accord_core::Sensitivity,
    /// For a restricted file: the members (by e-mail address) it is shown to, besides owners.
    pub restricted_to: Vec<String>,
}

/// Now, as `YYYY-MM-DDTHH:MM:SSZ`.
pub(crate) fn now_utc() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    let rem = secs % 86_400;
    let day = accord_core::Day::from_days_since_epoch(days).unwrap_or(accord_core::Day::EPOCH);
    format!(
        "{day}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        (rem % 3600) / 60,
        rem % 60
    )
}

/// A record id from a file name: lower-case letters, digits and '-', with a short random tail so
/// two files of the same name get different ids.
fn id_from(name: &str) -> String {
    let mut base: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    while base.contains("--") {
        base = base.replace("--", "-");
    }
    let base: String = base.trim_matches('-').chars().take(60).collect();
    let mut tail = [0u8; 3];
    let _ = getrandom::fill(&mut tail);
    if base.is_empty() {
        format!("evidence-{}", hex::encode(tail))
    } else {
        format!("{base}-{}", hex::encode(tail))
    }
}

impl Actions {
    /// Receive a file: stream it into the blob store (hashed as it arrives, never whole in
    /// memory, at most `limit` bytes), then record it with a `received` custody event. If the
    /// record is refused, the bytes are removed again unless another record already had them.
    pub async fn add_evidence(
        &self,
        case: &str,
        new: NewEvidence,
        body: &mut (dyn AsyncRead + Unpin + Send),
        limit: u64,
        by: &str,
    ) -> Result<Evidence, ActionError> {
        // Refuse what can be refused before reading a byte.
        if self.store.case_head(case).await?.is_none() {
            return Err(ActionError::NotFound {
                what: "case",
                id: case.to_owned(),
            });
        }
        if let Some(inc) = &new.incident
            && self
                .store
                .incidents(case, std::slice::from_ref(inc))
                .await?
                .is_empty()
        {
            return Err(ActionError::NotFound {
                what: "incident",
                id: inc.clone(),
            });
        }
        let file = safe_file_name(&new.file_name);
        let id = new.id.clone().unwrap_or_else(|| id_from(&file));
        let at = now_utc();
        let mut evidence = Evidence {
            id,
            sha256: "0".repeat(64),
            size: 0,
            media_type: "application/octet-stream".into(),
            file: file.clone(),
            incident: new.incident,
            source: new.source,
            note: new.note.filter(|n| !n.trim().is_empty()),
            capture: new.capture,
            derived_from: new.derived_from,
            custody: vec![CustodyEvent {
                at: at.clone(),
                by: by.to_owned(),
                action: CustodyAction::Received,
                note: None,
            }],
            sensitivity: new.sensitivity,
            restricted_to: new.restricted_to,
        };
        if let Some((field, message)) = evidence_problems(&evidence).into_iter().next() {
            return Err(invalid(&field, message));
        }
        let stored = self.blobs.put(body, limit).await?;
        evidence.sha256 = stored.sha256.clone();
        evidence.size = stored.size;
        evidence.media_type = stored.media_type.clone();
        let mut result = self.store.add_evidence(case, &evidence, by).await;
        if let Err(accord_store::StoreError::Exists {
            what: "evidence file name",
            ..
        }) = result
        {
            // The same name twice in a case: keep both, the later one prefixed by its id.
            evidence.file = format!("{}-{file}", evidence.id);
            result = self.store.add_evidence(case, &evidence, by).await;
        }
        match result {
            Ok(()) => Ok(evidence),
            Err(e) => {
                if !stored.existed {
                    let still_named = self
                        .store
                        .referenced_blobs()
                        .await
                        .map(|all| all.contains(&stored.sha256))
                        .unwrap_or(true);
                    if !still_named {
                        let _ = self.blobs.remove(&stored.sha256).await;
                    }
                }
                Err(e.into())
            }
        }
    }

    /// Open an item's bytes, recording who opened it and why (`downloaded`, `viewed`,
    /// `exported`) in its chain of custody.
    pub async fn open_evidence(
        &self,
        case: &str,
        id: &str,
        by: &str,
        action: CustodyAction,
    ) -> Result<(Evidence, BlobReader), ActionError> {
        let Some(evidence) = self.store.evidence(case, id).await? else {
            return Err(ActionError::NotFound {
                what: "evidence item",
                id: id.to_owned(),
            });
        };
        let reader = self.blobs.open(&evidence.sha256).await?;
        self.add_custody(case, id, action, None, by).await?;
        Ok((evidence, reader))
    }

    /// Record by hand what was done with an item (one of [`CUSTODY_BY_HAND`]): the rule every
    /// caller shares — the other events are Accord's own, and a hand-over says to whom.
    pub async fn record_custody(
        &self,
        case: &str,
        id: &str,
        action: CustodyAction,
        note: Option<String>,
        by: &str,
    ) -> Result<(), ActionError> {
        if !CUSTODY_BY_HAND.contains(&action) {
            return Err(invalid(
                "action",
                format!(
                    "{} is recorded by Accord itself; record viewed, copied, exported or handed_over",
                    action.as_str()
                ),
            ));
        }
        let note = note.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty());
        if action == CustodyAction::HandedOver && note.is_none() {
            return Err(invalid("note", "say to whom it was handed, and how"));
        }
        self.add_custody(case, id, action, note, by).await
    }

    /// Check an item's stored bytes now: re-hash them and, when their SHA-256 and size are the
    /// record's, record `verified` in its chain of custody. A mismatch records nothing and is
    /// [`ActionError::Changed`], naming both hashes.
    pub async fn check_evidence(
        &self,
        case: &str,
        id: &str,
        by: &str,
    ) -> Result<Evidence, ActionError> {
        let Some(item) = self.store.evidence(case, id).await? else {
            return Err(ActionError::NotFound {
                what: "evidence item",
                id: id.to_owned(),
            });
        };
        let (sha256, size) = self.blobs.rehash(&item.sha256).await?;
        if sha256 != item.sha256 || size != item.size {
            tracing::error!(case = %case, evidence = %id, expected = %item.sha256, found = %sha256, "stored evidence bytes changed");
            return Err(ActionError::Changed(format!(
                "the stored file of {id} no longer matches its record: SHA-256 {sha256} and \
                 {size} bytes, where {} and {} bytes were received; run `accord verify` and tell \
                 the instance's administrator",
                item.sha256, item.size
            )));
        }
        self.add_custody(
            case,
            id,
            CustodyAction::Verified,
            Some("SHA-256 recomputed from the stored bytes: it matches".into()),
            by,
        )
        .await?;
        Ok(item)
    }

    /// Append an event to an item's chain of custody.
    pub async fn add_custody(
        &self,
        case: &str,
        id: &str,
        action: CustodyAction,
        note: Option<String>,
        by: &str,
    ) -> Result<(), ActionError> {
        if by.trim().is_empty() {
            return Err(invalid("by", "say who did it"));
        }
        let event = CustodyEvent {
            at: now_utc(),
            by: by.to_owned(),
            action,
            note: note.filter(|n| !n.trim().is_empty()),
        };
        self.store.add_custody(case, id, &event).await?;
        Ok(())
    }
}
