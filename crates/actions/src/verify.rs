//! `accord verify`: recompute everything the log commits to and report every disagreement.
//!
//! 1. Every entry is rebuilt from its columns; its leaf must match, and sequence numbers must run
//!    0, 1, 2, … (a removed or reordered entry breaks the run or the leaves).
//! 2. The tree is rebuilt from the recomputed leaves: its root must match the stored edge, and
//!    every checkpoint's signature and root must hold, each consistent with the next.
//! 3. Every record as stored now must equal the last version in its history, whose SHA-256 the
//!    log entry of that version names (a record edited behind Accord's back shows here).
//! 4. Every evidence file is read again and re-hashed; dead uploads' temporary files are removed.

use std::collections::HashMap;
use std::time::Duration;

use accord_store::record;
use accord_tlog::{Checkpoint, merkle};
use serde::Serialize;

use crate::{ActionError, Actions, key};

/// How far a verification has come (for a progress bar).
#[derive(Debug, Clone, Copy)]
pub struct VerifyProgress {
    pub stage: &'static str,
    pub done: u64,
    pub total: u64,
}

/// What `accord verify --json` prints.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct VerifyReport {
    pub ok: bool,
    pub entries: u64,
    pub evidence: u64,
    pub problems: Vec<VerifyProblem>,
}

/// One thing that is wrong.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct VerifyProblem {
    /// `log_entry`, `log_order`, `log_root`, `checkpoint`, `record`, `version`, `evidence`.
    pub kind: String,
    /// Which entry, record, checkpoint or file: [`VerifyProblem::subject`] in English.
    pub what: String,
    /// [`VerifyProblem::defect`] in English.
    pub detail: String,
    /// Which entry, record, checkpoint or file, with the values that name it.
    #[serde(skip)]
    pub subject: Subject,
    /// What is wrong, by kind, with the values it is about: a caller that speaks another
    /// language says it from these (the command line); the JSON keeps the English.
    #[serde(skip)]
    pub defect: Defect,
}

/// What a problem is about. Its `Display` is the English `what`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    Entry(u64),
    Log,
    Checkpoint(u64),
    /// `case: kind/id`, as the log names a record.
    Record(String),
    Version {
        record: String,
        version: u64,
    },
    EvidenceFile(String),
    /// A file of an evidence package, by its path in the package.
    File(String),
    /// A line of a file of an evidence package.
    Line {
        file: String,
        line: usize,
    },
}

impl std::fmt::Display for Subject {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Subject::Entry(seq) => write!(f, "entry {seq}"),
            Subject::Log => f.write_str("the log"),
            Subject::Checkpoint(size) => write!(f, "checkpoint of size {size}"),
            Subject::Record(name) | Subject::File(name) => f.write_str(name),
            Subject::Version { record, version } => write!(f, "{record} version {version}"),
            Subject::EvidenceFile(sha256) => write!(f, "evidence file {sha256}"),
            Subject::Line { file, line } => write!(f, "{file} line {line}"),
        }
    }
}

/// What is wrong, with the values it is about. Its `Display` is the English `detail`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Defect {
    #[error("found where entry {expected} should be: an entry was removed or the log reordered")]
    OutOfOrder { expected: u64 },
    #[error("its content does not match its leaf hash: the entry was changed")]
    EntryChanged,
    #[error(
        "rebuilt from its entries the tree has {entries} leaves and root {root}, but the log's stored edge says {stored_size} leaves and root {stored_root}"
    )]
    RootDiffers {
        entries: u64,
        root: String,
        stored_size: u64,
        stored_root: String,
    },
    /// The checkpoint's signature does not verify with the log's key.
    #[error("signature: {0}")]
    Signature(accord_tlog::Error),
    /// The checkpoint is not a checkpoint (or, in a package, its note does not open).
    #[error("{0}")]
    Note(accord_tlog::Error),
    #[error("signs a tree of {signed} entries; the log has {entries}")]
    SignsMore { signed: u64, entries: u64 },
    #[error(
        "the signed root differs from the root of the log's first entries: entries were changed, removed or reordered after it was signed"
    )]
    SignedRootDiffers,
    #[error("stored, but has no history: it was written behind Accord's back")]
    NoHistory,
    #[error(
        "differs from its last version ({version}, by {actor} at {at}): it was changed behind Accord's back"
    )]
    DiffersFromHistory {
        version: u64,
        actor: String,
        at: String,
    },
    #[error("its history has it, but it is not stored: it was deleted behind Accord's back")]
    Deleted,
    #[error("its bytes now hash to {actual} ({size} bytes): the file was changed")]
    BytesChanged { actual: String, size: u64 },
    /// The file could not be read (the blob store's or the file system's English words).
    #[error("cannot be read: {0}")]
    Unreadable(String),
    #[error("the kept version does not hash to its recorded SHA-256")]
    VersionHash,
    #[error("log entry {seq} does not commit to this version of the record")]
    NotCommitted { seq: u64 },
    /// A line of a package's `log/entries.jsonl` that is not an entry (serde's English words).
    #[error("{0}")]
    NotAnEntry(String),
    #[error("the entry does not hash to its leaf")]
    LeafDiffers,
    #[error("not included in the signed checkpoint (the proof does not lead to its root)")]
    NotIncluded,
    #[error("malformed line {0:?}")]
    MalformedLine(String),
    #[error("a path outside the package")]
    OutsidePackage,
    #[error("hashes to {actual}, not the {recorded} recorded")]
    HashDiffers { actual: String, recorded: String },
    /// A file of a package that could not be read (its error's English words).
    #[error("{0}")]
    FileUnreadable(String),
    #[error("no log entry in the package proves when this file was received")]
    NoArrival,
}

pub(crate) fn problem(kind: &str, subject: Subject, defect: Defect) -> VerifyProblem {
    VerifyProblem {
        kind: kind.to_owned(),
        what: subject.to_string(),
        detail: defect.to_string(),
        subject,
        defect,
    }
}

/// Leftovers younger than this may belong to an upload still in progress.
const LEFTOVER_AGE: Duration = Duration::from_secs(60);

pub(crate) async fn verify(
    actions: &Actions,
    progress: &(dyn Fn(VerifyProgress) + Send + Sync),
) -> Result<VerifyReport, ActionError> {
    let mut problems = Vec::new();
    let store = actions.store.as_ref();
    // Re-hashing the evidence reads every byte: it runs beside the database checks below.
    let evidence = tokio::spawn(rehash_all(actions.clone()));

    // 1. Entries and leaves.
    let (head_size, head_root) = store.log_head().await?;
    let mut leaves: Vec<merkle::Hash> = Vec::new();
    // What each entry commits a record to, as a fingerprint (no strings kept per entry).
    let mut entries_by_seq: HashMap<u64, [u8; 32]> = HashMap::new();
    let mut next = 0u64;
    loop {
        let batch = store.log_entries(next, 20_000).await?;
        let Some((last, _)) = batch.last() else { break };
        let after = last.seq.saturating_add(1);
        for (entry, stored_leaf) in batch {
            let expected = leaves.len() as u64;
            if entry.seq != expected {
                problems.push(problem(
                    "log_order",
                    Subject::Entry(entry.seq),
                    Defect::OutOfOrder { expected },
                ));
            }
            let leaf = entry.leaf_hash();
            if leaf != stored_leaf {
                problems.push(problem(
                    "log_entry",
                    Subject::Entry(entry.seq),
                    Defect::EntryChanged,
                ));
            }
            leaves.push(leaf);
            if let (Some(case), Some(record)) = (&entry.case_id, &entry.record) {
                let sha = entry.record_sha256.as_deref();
                entries_by_seq.insert(entry.seq, commitment(case, record, sha));
            }
        }
        next = after;
        progress(VerifyProgress {
            stage: "log",
            done: leaves.len() as u64,
            total: head_size,
        });
    }
    let entries = leaves.len() as u64;
    let root = merkle::root(&leaves);
    if entries != head_size || root != head_root {
        problems.push(problem(
            "log_root",
            Subject::Log,
            Defect::RootDiffers {
                entries,
                root: hex::encode(root),
                stored_size: head_size,
                stored_root: hex::encode(head_root),
            },
        ));
    }

    // 2. Checkpoints: each signature, then each signed root against the root of the log's first
    // entries, computed in one pass over the leaves (a checkpoint a second over months must not
    // cost a pass each). Checkpoints whose roots are the roots of prefixes of one sequence of
    // leaves are consistent with each other by construction.
    let verifier = key::verifier(actions)?;
    let mut signed: Vec<(Subject, Checkpoint)> = Vec::new();
    for cp in store.checkpoints().await? {
        let what = Subject::Checkpoint(cp.size);
        let parsed = accord_tlog::open(&cp.note, std::slice::from_ref(&verifier))
            .map_err(Defect::Signature)
            .and_then(|o| Checkpoint::parse(&o.text).map_err(Defect::Note));
        match parsed {
            Err(e) => problems.push(problem("checkpoint", what, e)),
            Ok(c) if c.size() != cp.size || c.size() > entries => problems.push(problem(
                "checkpoint",
                what,
                Defect::SignsMore {
                    signed: c.size(),
                    entries,
                },
            )),
            Ok(c) => signed.push((what, c)),
        }
    }
    signed.sort_by_key(|(_, c)| c.size());
    let mut edge = accord_tlog::Frontier::new();
    let mut next_leaf = leaves.iter();
    for (what, cp) in signed {
        while edge.size() < cp.size() {
            let Some(leaf) = next_leaf.next() else { break };
            edge.push(*leaf)
                .map_err(|e| ActionError::Log(e.to_string()))?;
        }
        if &edge.root() != cp.root() {
            problems.push(problem("checkpoint", what, Defect::SignedRootDiffers));
        }
    }

    // 3. Records against their last versions, and versions against the log.
    let cases = store.list_cases().await?;
    let total_cases = cases.len() as u64;
    for (n, summary) in cases.iter().enumerate() {
        progress(VerifyProgress {
            stage: "records",
            done: n as u64,
            total: total_cases,
        });
        let case_id = &summary.id;
        let Some(case) = store.load_case(case_id).await? else {
            continue;
        };
        let mut latest: HashMap<(accord_store::RecordKind, String), accord_store::RecordVersion> =
            store
                .latest_versions(case_id)
                .await?
                .into_iter()
                .map(|(k, id, v)| ((k, id), v))
                .collect();
        for body in record::all(&case) {
            let name = Subject::Record(format!("{case_id}: {}", body.log_name()));
            match latest.remove(&(body.kind, body.id.clone())) {
                None => problems.push(problem("record", name, Defect::NoHistory)),
                Some(v) if v.sha256.as_deref() != Some(body.sha256.as_str()) => {
                    problems.push(problem(
                        "record",
                        name,
                        Defect::DiffersFromHistory {
                            version: u64::from(v.version),
                            actor: v.actor.clone(),
                            at: v.at.clone(),
                        },
                    ));
                }
                Some(v) => check_version(
                    &mut problems,
                    &entries_by_seq,
                    case_id,
                    &body.log_name(),
                    &v,
                ),
            }
        }
        for ((kind, id), v) in latest {
            if v.body.is_some() {
                problems.push(problem(
                    "record",
                    Subject::Record(format!("{case_id}: {}/{id}", kind.as_str())),
                    Defect::Deleted,
                ));
            }
        }
    }

    // 4. Evidence bytes (hashed meanwhile, on the other core).
    let (total, evidence_problems) = evidence
        .await
        .map_err(|e| ActionError::Log(format!("the evidence check stopped: {e}")))??;
    progress(VerifyProgress {
        stage: "evidence",
        done: total,
        total,
    });
    problems.extend(evidence_problems);
    // Temporary files of uploads that died are removed once old enough. A stored file that no
    // record names yet is left alone: it may be an upload whose record is being committed right
    // now (the file is stored first, then its record), and removing it would lose evidence. A
    // file left by an upload killed between the two steps costs only space, and an upload of the
    // same bytes later finds it.
    let _ = actions.blobs.sweep_temporary(LEFTOVER_AGE).await;
    Ok(VerifyReport {
        ok: problems.is_empty(),
        entries,
        evidence: total,
        problems,
    })
}

/// Re-hash every evidence file a record names: (how many, what is wrong).
async fn rehash_all(actions: Actions) -> Result<(u64, Vec<VerifyProblem>), ActionError> {
    let named = actions.store.referenced_blobs().await?;
    let mut problems = Vec::new();
    for sha in &named {
        match actions.blobs.rehash(sha).await {
            Ok((actual, _)) if &actual == sha => {}
            Ok((actual, size)) => problems.push(problem(
                "evidence",
                Subject::EvidenceFile(sha.clone()),
                Defect::BytesChanged { actual, size },
            )),
            Err(e) => problems.push(problem(
                "evidence",
                Subject::EvidenceFile(sha.clone()),
                Defect::Unreadable(e.to_string()),
            )),
        }
    }
    Ok((named.len() as u64, problems))
}

/// A fingerprint of what a log entry says of a record: its case, its name and its SHA-256.
fn commitment(case: &str, record: &str, sha256: Option<&str>) -> [u8; 32] {
    use sha2::Digest;
    let mut h = sha2::Sha256::new();
    for part in [case, record, sha256.unwrap_or("-")] {
        h.update(part.as_bytes());
        h.update([0u8]);
    }
    h.finalize().into()
}

fn check_version(
    problems: &mut Vec<VerifyProblem>,
    entries: &HashMap<u64, [u8; 32]>,
    case_id: &str,
    record: &str,
    v: &accord_store::RecordVersion,
) {
    let what = Subject::Version {
        record: format!("{case_id}: {record}"),
        version: u64::from(v.version),
    };
    let body_ok = v.body.as_deref().is_some_and(|b| {
        use sha2::Digest;
        Some(hex::encode(sha2::Sha256::digest(b.as_bytes()))) == v.sha256
    });
    if !body_ok {
        problems.push(problem("version", what.clone(), Defect::VersionHash));
    }
    match entries.get(&v.log_seq) {
        Some(c) if *c == commitment(case_id, record, v.sha256.as_deref()) => {}
        _ => problems.push(problem(
            "version",
            what,
            Defect::NotCommitted { seq: v.log_seq },
        )),
    }
}
