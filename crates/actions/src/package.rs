//! An evidence package for a court or a UN body: the originals, their records, and the log's
//! proof that those records were written when the log says, checkable offline without Accord.
//!
//! ```text
//! README.md            how to check the package by hand
//! SHA256SUMS           `sha256sum -c SHA256SUMS` checks every original
//! originals/<file>     the exact bytes received
//! records.json         the incidents and evidence items: capture records, custody logs
//! log/entries.jsonl    each log entry about them, with its leaf index and inclusion proof
//! log/checkpoint       the signed checkpoint the proofs lead to
//! log/key              the log's verifier key
//! ```

use std::path::Path;

use accord_core::CustodyAction;
use accord_store::{LogEntry, record};
use accord_tlog::{Checkpoint, NoteVerifier, merkle};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use tokio::io::AsyncWriteExt;

use crate::verify::{Defect, Subject, VerifyReport, problem as p};
use crate::{ActionError, Actions, invalid, io_error, key};

/// What a package holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PackageReport {
    pub files: usize,
    pub entries: usize,
}

/// One line of `log/entries.jsonl`.
#[derive(Debug, Serialize, Deserialize)]
struct ProvedEntry {
    entry: EntryFields,
    leaf_index: u64,
    leaf_hash: String,
    inclusion_proof: Vec<String>,
}

/// The entry's fields, in the log's canonical order (see accord-store's `log` module).
#[derive(Debug, Serialize, Deserialize)]
struct EntryFields {
    seq: u64,
    at: String,
    actor: String,
    action: String,
    case: Option<String>,
    record: Option<String>,
    record_sha256: Option<String>,
    evidence_sha256: Option<String>,
}

impl From<&LogEntry> for EntryFields {
    fn from(e: &LogEntry) -> Self {
        EntryFields {
            seq: e.seq,
            at: e.at.clone(),
            actor: e.actor.clone(),
            action: e.action.clone(),
            case: e.case_id.clone(),
            record: e.record.clone(),
            record_sha256: e.record_sha256.clone(),
            evidence_sha256: e.evidence_sha256.clone(),
        }
    }
}

const README: &str = include_str!("package-readme.md");

pub(crate) async fn write(
    actions: &Actions,
    case_id: &str,
    incidents: &[String],
    out: &Path,
    by: &str,
) -> Result<PackageReport, ActionError> {
    if incidents.is_empty() {
        return Err(invalid("incident", "name at least one incident"));
    }
    if out.exists()
        && std::fs::read_dir(out)
            .map_err(io_error(out))?
            .next()
            .is_some()
    {
        return Err(invalid(
            "out",
            format!("{}: exists and is not empty", out.display()),
        ));
    }
    let store = actions.store.as_ref();
    let found = store.incidents(case_id, incidents).await?;
    if let Some(missing) = incidents
        .iter()
        .find(|i| !found.iter().any(|f| &f.id == *i))
    {
        return Err(ActionError::NotFound {
            what: "incident",
            id: missing.clone(),
        });
    }
    let mut items = Vec::new();
    for inc in incidents {
        items.extend(store.evidence_of_incident(case_id, inc).await?);
    }
    // Written beside `out` under a temporary name and renamed into place once complete, so a
    // package that fails half-way (an unreadable evidence file, a full disk) leaves nothing that
    // could be mistaken for a package.
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent).map_err(io_error(&parent))?;
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| invalid("out", format!("{}: not a directory name", out.display())))?;
    let mut tail = [0u8; 4];
    let _ = getrandom::fill(&mut tail);
    let staging = parent.join(format!(".{name}.partial-{}", hex::encode(tail)));
    let filled = fill(actions, case_id, &found, &items, &staging, by).await;
    let placed = filled.and_then(|report| {
        // `out` is absent or an empty directory (checked above), which rename replaces.
        if out.is_dir() {
            std::fs::remove_dir(out).map_err(io_error(out))?;
        }
        std::fs::rename(&staging, out).map_err(io_error(out))?;
        Ok(report)
    });
    if placed.is_err() {
        let _ = std::fs::remove_dir_all(&staging);
    }
    placed
}

/// Write the package's files into `dir`: the originals first (each export is a custody event in
/// the log), then a checkpoint that covers those events, and the proofs against it.
async fn fill(
    actions: &Actions,
    case_id: &str,
    found: &[accord_core::Incident],
    items: &[accord_core::Evidence],
    dir: &Path,
    by: &str,
) -> Result<PackageReport, ActionError> {
    let store = actions.store.as_ref();
    for d in [dir.to_path_buf(), dir.join("originals"), dir.join("log")] {
        std::fs::create_dir_all(&d).map_err(io_error(&d))?;
    }
    let mut sums = String::new();
    for item in items {
        let (_, mut reader) = actions
            .open_evidence(case_id, &item.id, by, CustodyAction::Exported)
            .await?;
        let dest = dir.join("originals").join(&item.file);
        if let Some(d) = dest.parent() {
            std::fs::create_dir_all(d).map_err(io_error(d))?;
        }
        let mut file = tokio::fs::File::create(&dest)
            .await
            .map_err(io_error(&dest))?;
        tokio::io::copy(&mut reader.reader, &mut file)
            .await
            .map_err(io_error(&dest))?;
        file.flush().await.map_err(io_error(&dest))?;
        sums.push_str(&format!("{}  originals/{}\n", item.sha256, item.file));
    }
    // A checkpoint that covers everything written so far, the export events included, so that
    // every custody event in records.json has its entry and proof in the package.
    let note = actions
        .latest_checkpoint()
        .await?
        .ok_or_else(|| ActionError::Log("the log is empty".into()))?;
    let verifier = key::verifier(actions)?;
    let opened = accord_tlog::open(&note, std::slice::from_ref(&verifier))
        .map_err(|e| ActionError::Log(e.to_string()))?;
    let cp = Checkpoint::parse(&opened.text).map_err(|e| ActionError::Log(e.to_string()))?;
    let leaves = key::leaves(actions, cp.size()).await?;
    // Records as they stand after the export events.
    let mut evidence_json = Vec::new();
    let mut names: Vec<String> = found
        .iter()
        .map(|i| record::incident(i).log_name())
        .collect();
    for item in items {
        let now = store
            .evidence(case_id, &item.id)
            .await?
            .unwrap_or_else(|| item.clone());
        let body = record::evidence(&now);
        let mut value: serde_json::Value =
            serde_json::from_str(&body.json).unwrap_or(serde_json::Value::Null);
        value["custody"] = now
            .custody
            .iter()
            .map(|c| {
                serde_json::json!({"at": c.at, "by": c.by, "action": c.action.as_str(), "note": c.note})
            })
            .collect();
        evidence_json.push(value);
        names.push(body.log_name());
    }
    let incidents_json: Vec<serde_json::Value> = found
        .iter()
        .map(|i| serde_json::from_str(&record::incident(i).json).unwrap_or_default())
        .collect();
    let records = serde_json::json!({
        "case": case_id,
        "incidents": incidents_json,
        "evidence": evidence_json,
    });
    let mut lines = String::new();
    let mut n_entries = 0;
    for e in store.log_entries_of(case_id, &names).await? {
        if e.seq >= cp.size() {
            continue;
        }
        let proof =
            merkle::inclusion_proof(&leaves, e.seq).map_err(|e| ActionError::Log(e.to_string()))?;
        let line = ProvedEntry {
            entry: EntryFields::from(&e),
            leaf_index: e.seq,
            leaf_hash: hex::encode(e.leaf_hash()),
            inclusion_proof: proof.iter().map(hex::encode).collect(),
        };
        lines.push_str(&serde_json::to_string(&line).unwrap_or_default());
        lines.push('\n');
        n_entries += 1;
    }
    let files: [(&str, String); 6] = [
        ("README.md", README.to_owned()),
        ("SHA256SUMS", sums),
        (
            "records.json",
            serde_json::to_string_pretty(&records).unwrap_or_default() + "\n",
        ),
        ("log/entries.jsonl", lines),
        ("log/checkpoint", note),
        ("log/key", verifier.verifier_key() + "\n"),
    ];
    for (name, text) in files {
        let path = dir.join(name);
        std::fs::write(&path, text).map_err(io_error(&path))?;
    }
    Ok(PackageReport {
        files: items.len(),
        entries: n_entries,
    })
}

fn read(dir: &Path, name: &str) -> Result<String, ActionError> {
    let path = dir.join(name);
    std::fs::read_to_string(&path).map_err(io_error(&path))
}

fn sha256_file(path: &Path) -> Result<String, std::io::Error> {
    use std::io::Read;
    let mut f = std::fs::File::open(path)?;
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 {
            break;
        }
        h.update(&buf[..n]);
    }
    Ok(hex::encode(h.finalize()))
}

/// Check a package offline: every original against SHA256SUMS and its record, every log entry's
/// inclusion in the signed checkpoint, the checkpoint's signature by the package's key, and that
/// each original's arrival is among the proved entries.
pub fn verify_package(dir: &Path) -> Result<VerifyReport, ActionError> {
    let mut problems = Vec::new();
    let key = read(dir, "log/key")?;
    let verifier =
        NoteVerifier::parse(key.trim()).map_err(|e| invalid("log/key", e.to_string()))?;
    let note = read(dir, "log/checkpoint")?;
    let cp = match accord_tlog::open(&note, std::slice::from_ref(&verifier))
        .and_then(|o| Checkpoint::parse(&o.text))
    {
        Ok(cp) => Some(cp),
        Err(e) => {
            problems.push(p(
                "checkpoint",
                Subject::File("log/checkpoint".into()),
                Defect::Note(e),
            ));
            None
        }
    };
    let mut proved_evidence = std::collections::HashSet::new();
    let entries = read(dir, "log/entries.jsonl")?;
    let mut n_entries = 0u64;
    for (i, line) in entries.lines().enumerate() {
        let what = Subject::Line {
            file: "log/entries.jsonl".into(),
            line: i + 1,
        };
        let e: ProvedEntry = match serde_json::from_str(line) {
            Ok(e) => e,
            Err(err) => {
                problems.push(p("log_entry", what, Defect::NotAnEntry(err.to_string())));
                continue;
            }
        };
        n_entries += 1;
        let bytes = serde_json::to_vec(&e.entry).unwrap_or_default();
        let leaf = merkle::leaf_hash(&bytes);
        if hex::encode(leaf) != e.leaf_hash || e.entry.seq != e.leaf_index {
            problems.push(p("log_entry", what, Defect::LeafDiffers));
            continue;
        }
        let proof: Result<Vec<merkle::Hash>, _> = e
            .inclusion_proof
            .iter()
            .map(|h| {
                hex::decode(h)
                    .ok()
                    .and_then(|b| <merkle::Hash>::try_from(b).ok())
                    .ok_or(())
            })
            .collect();
        let included = match (&cp, proof) {
            (Some(cp), Ok(proof)) => {
                merkle::verify_inclusion(&leaf, e.leaf_index, cp.size(), &proof, cp.root()).is_ok()
            }
            _ => false,
        };
        if included {
            if let Some(s) = &e.entry.evidence_sha256 {
                proved_evidence.insert(s.clone());
            }
        } else {
            problems.push(p("log_entry", what, Defect::NotIncluded));
        }
    }
    let sums = read(dir, "SHA256SUMS")?;
    let mut n_files = 0u64;
    for line in sums.lines() {
        let Some((hash, name)) = line.split_once("  ") else {
            problems.push(p(
                "evidence",
                Subject::File("SHA256SUMS".into()),
                Defect::MalformedLine(line.to_owned()),
            ));
            continue;
        };
        n_files += 1;
        if name.contains("..") || name.starts_with('/') {
            problems.push(p(
                "evidence",
                Subject::File(name.to_owned()),
                Defect::OutsidePackage,
            ));
            continue;
        }
        match sha256_file(&dir.join(name)) {
            Ok(actual) if actual == hash => {}
            Ok(actual) => problems.push(p(
                "evidence",
                Subject::File(name.to_owned()),
                Defect::HashDiffers {
                    actual,
                    recorded: hash.to_owned(),
                },
            )),
            Err(e) => problems.push(p(
                "evidence",
                Subject::File(name.to_owned()),
                Defect::FileUnreadable(e.to_string()),
            )),
        }
        if !proved_evidence.contains(hash) {
            problems.push(p(
                "evidence",
                Subject::File(name.to_owned()),
                Defect::NoArrival,
            ));
        }
    }
    Ok(VerifyReport {
        ok: problems.is_empty(),
        entries: n_entries,
        evidence: n_files,
        problems,
    })
}
