//! The instance's log key, checkpoints and co-signatures.
//!
//! The key file holds one line in the form Go's `note` package uses for private keys:
//! `PRIVATE+KEY+<name>+<key id hex>+<base64(0x01 || 32-byte Ed25519 seed)>`. It is created on
//! first use, readable by its owner only; its name is the log's origin. A checkpoint is signed
//! only when the log grew, at most one a second, and only if it is consistent with the previous
//! checkpoint: a log must never sign two checkpoints that disagree about the past.

use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use accord_tlog::{Checkpoint, CosignerKey, Frontier, NoteSigner, NoteVerifier, merkle};
use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;

use crate::{ActionError, Actions, io_error};

/// Where the key lives, and the name to give it if it must be created.
#[derive(Debug, Clone)]
pub struct LogKeyConfig {
    pub path: PathBuf,
    /// The log's origin when the key is created (default: `accord-` and 8 random hex digits).
    pub name_if_new: Option<String>,
}

#[derive(Debug)]
pub(crate) struct LogKey {
    config: LogKeyConfig,
    signer: Mutex<Option<NoteSigner>>,
}

fn log_err(e: impl std::fmt::Display) -> ActionError {
    ActionError::Log(e.to_string())
}

/// Why the log refuses to sign or co-sign a checkpoint: it does not extend what was signed
/// before. Its `Display` is the English the logs and the JSON carry; the command line says each
/// kind in the user's language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LogRefusal {
    #[error("the log is empty: nothing to co-sign")]
    NothingToCosign,
    #[error("the log shrank from {old} to {new} entries since this witness last co-signed")]
    Shrank { old: u64, new: u64 },
    #[error(
        "the latest checkpoint is not consistent with the one this witness co-signed at size {old_size}: {proof}"
    )]
    NotConsistent {
        old_size: u64,
        proof: accord_tlog::Error,
    },
    #[error(
        "{file}: the line for {origin} has {defect}; the witness state is damaged, so the consistency of the log cannot be checked (restore the file, nothing was co-signed)"
    )]
    WitnessState {
        file: String,
        origin: String,
        defect: StateDefect,
    },
    #[error(
        "the log does not extend its checkpoint of size {size}: {why}; refusing to sign (run `accord verify`)"
    )]
    NotExtending { size: u64, why: Extension },
}

/// What a witness's state file lacks on the line of a log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum StateDefect {
    #[error("no tree size")]
    NoTreeSize,
    #[error("no root hash")]
    NoRootHash,
}

/// How the log fails to extend its last signed checkpoint.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Extension {
    #[error("its kept edge does not match its signed root")]
    EdgeDiffers,
    #[error("the entries added since do not lead to the new root")]
    EntriesDiffer,
    /// The consistency proof does not hold.
    #[error("{0}")]
    Proof(accord_tlog::Error),
}

/// Read a private key file: (name, seed, type byte).
fn read_key_file(path: &Path) -> Result<(String, [u8; 32], u8), ActionError> {
    let text = std::fs::read_to_string(path).map_err(io_error(path))?;
    let line = text.trim();
    // The name and the hex id hold no '+'; base64 may, so the key is everything after the fourth.
    let parts: Vec<&str> = line.splitn(5, '+').collect();
    let bad = |why: &str| ActionError::Log(format!("{}: not a key file ({why})", path.display()));
    let ["PRIVATE", "KEY", name, _id, key] = parts.as_slice() else {
        return Err(bad("expected PRIVATE+KEY+name+id+key"));
    };
    let bytes = B64.decode(key).map_err(|_| bad("the key is not base64"))?;
    let (ty, seed) = bytes.split_first().ok_or_else(|| bad("empty key"))?;
    let seed: [u8; 32] = seed
        .try_into()
        .map_err(|_| bad("the key is not 32 bytes"))?;
    Ok(((*name).to_owned(), seed, *ty))
}

/// Create a key file (refusing to replace one), readable by its owner only.
fn write_key_file(
    path: &Path,
    name: &str,
    seed: &[u8; 32],
    ty: u8,
    id: [u8; 4],
) -> Result<(), ActionError> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(io_error(dir))?;
    }
    let mut bytes = vec![ty];
    bytes.extend_from_slice(seed);
    let line = format!(
        "PRIVATE+KEY+{name}+{}+{}\n",
        hex::encode(id),
        B64.encode(bytes)
    );
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(io_error(path))?;
    f.write_all(line.as_bytes()).map_err(io_error(path))?;
    f.sync_all().map_err(io_error(path))
}

fn new_seed() -> Result<[u8; 32], ActionError> {
    let mut seed = [0u8; 32];
    getrandom::fill(&mut seed)
        .map_err(|e| ActionError::Log(format!("no randomness for a key: {e}")))?;
    Ok(seed)
}

impl LogKey {
    pub(crate) fn new(config: LogKeyConfig) -> LogKey {
        LogKey {
            config,
            signer: Mutex::new(None),
        }
    }

    pub(crate) fn path(&self) -> PathBuf {
        self.config.path.clone()
    }

    /// The signer, loading or creating the key file on first use.
    pub(crate) fn signer(&self) -> Result<NoteSigner, ActionError> {
        let mut slot = self
            .signer
            .lock()
            .map_err(|_| ActionError::Log("key lock poisoned".into()))?;
        if let Some(s) = slot.as_ref() {
            return Ok(s.clone());
        }
        let path = &self.config.path;
        let signer = if path.exists() {
            let (name, seed, ty) = read_key_file(path)?;
            if ty != 0x01 {
                return Err(ActionError::Log(format!(
                    "{}: not an Ed25519 log key (type {ty:#04x})",
                    path.display()
                )));
            }
            NoteSigner::new(&name, &seed).map_err(log_err)?
        } else {
            let seed = new_seed()?;
            let name = match &self.config.name_if_new {
                Some(n) => n.clone(),
                None => {
                    let mut tail = [0u8; 4];
                    let _ = getrandom::fill(&mut tail);
                    format!("accord-{}", hex::encode(tail))
                }
            };
            let signer = NoteSigner::new(&name, &seed).map_err(log_err)?;
            write_key_file(path, &name, &seed, 0x01, signer.key_id())?;
            tracing::info!(key = %path.display(), name = %name, "created the log's signing key");
            signer
        };
        *slot = Some(signer.clone());
        Ok(signer)
    }
}

/// A witness's co-signing key from its file (created on first use, like the instance key).
pub fn cosigner_from_file(path: &Path, name_if_new: &str) -> Result<CosignerKey, ActionError> {
    if path.exists() {
        let (name, seed, ty) = read_key_file(path)?;
        if ty != 0x04 {
            return Err(ActionError::Log(format!(
                "{}: not a co-signing key (type {ty:#04x})",
                path.display()
            )));
        }
        CosignerKey::new(&name, &seed).map_err(log_err)
    } else {
        let seed = new_seed()?;
        let key = CosignerKey::new(name_if_new, &seed).map_err(log_err)?;
        write_key_file(path, name_if_new, &seed, 0x04, key.key_id())?;
        Ok(key)
    }
}

/// Every leaf hash of the log up to `size`, as stored.
pub(crate) async fn leaves(actions: &Actions, size: u64) -> Result<Vec<merkle::Hash>, ActionError> {
    let mut out = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    while (out.len() as u64) < size {
        let batch = actions.store.log_entries(out.len() as u64, 50_000).await?;
        if batch.is_empty() {
            break;
        }
        for (_, leaf) in batch {
            if (out.len() as u64) < size {
                out.push(leaf);
            }
        }
    }
    Ok(out)
}

pub(crate) async fn checkpoint(actions: &Actions) -> Result<Option<String>, ActionError> {
    let grown = |previous: &Option<accord_store::StoredCheckpoint>, size: u64| {
        size > 0 && previous.as_ref().is_none_or(|p| p.size < size)
    };
    let previous = actions.store.latest_checkpoint().await?;
    let size = Frontier::from_bytes(&actions.store.log_frontier().await?)
        .map_err(log_err)?
        .size();
    if !grown(&previous, size) {
        return Ok(None);
    }
    // At most one checkpoint a second: when the last was signed in this second (the store keeps
    // when, to the second), wait for the next one. The entries written meanwhile are covered too.
    if let Some(prev) = &previous {
        wait_for_a_new_second(&prev.created_at).await;
    }
    let head = Frontier::from_bytes(&actions.store.log_frontier().await?).map_err(log_err)?;
    let (size, root) = (head.size(), head.root());
    let previous = actions.store.latest_checkpoint().await?;
    if !grown(&previous, size) {
        return Ok(None);
    }
    let signer = actions.key.signer()?;
    if let Some(prev) = &previous {
        let opened = accord_tlog::open(&prev.note, &[signer.verifier()]).map_err(log_err)?;
        let old = Checkpoint::parse(&opened.text).map_err(log_err)?;
        extends(actions, &old, prev.frontier.as_deref(), size, &root).await?;
    }
    let cp = Checkpoint::new(signer.name(), size, root).map_err(log_err)?;
    let note = signer.sign(&cp.to_text()).map_err(log_err)?;
    actions
        .store
        .add_checkpoint(size, &note, Some(&head.to_bytes()))
        .await?;
    Ok(Some(note))
}

/// Sleep until the clock's second (`YYYY-MM-DDTHH:MM:SSZ`, as the store writes it) is no longer
/// `last`. A clock that went back is not waited for (the wait would be unbounded); a few tries
/// bound the wait whatever the clock does.
async fn wait_for_a_new_second(last: &str) {
    for _ in 0..3 {
        if crate::evidence::now_utc() != last {
            return;
        }
        let into_second = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_millis());
        let wait = u64::from(1000_u32.saturating_sub(into_second)) + 5;
        tokio::time::sleep(std::time::Duration::from_millis(wait)).await;
    }
}

/// Check that the log of `size` leaves with root `root` extends the signed checkpoint `old`: a log
/// must never sign two checkpoints that disagree about the past. With the tree's edge kept at the
/// old checkpoint, only the leaves added since are read; without it, a consistency proof over the
/// whole log is built and checked.
async fn extends(
    actions: &Actions,
    old: &Checkpoint,
    old_frontier: Option<&[u8]>,
    size: u64,
    root: &merkle::Hash,
) -> Result<(), ActionError> {
    let refuse = |why: Extension| {
        ActionError::LogRefused(LogRefusal::NotExtending {
            size: old.size(),
            why,
        })
    };
    if let Some(bytes) = old_frontier {
        let mut f = Frontier::from_bytes(bytes).map_err(log_err)?;
        if f.size() != old.size() || &f.root() != old.root() {
            return Err(refuse(Extension::EdgeDiffers));
        }
        while f.size() < size {
            let batch = actions.store.log_entries(f.size(), 50_000).await?;
            if batch.is_empty() {
                break;
            }
            for (_, leaf) in batch {
                if f.size() < size {
                    f.push(leaf).map_err(log_err)?;
                }
            }
        }
        return if f.size() == size && &f.root() == root {
            Ok(())
        } else {
            Err(refuse(Extension::EntriesDiffer))
        };
    }
    let all = leaves(actions, size).await?;
    let proof = merkle::consistency_proof(&all, old.size()).map_err(log_err)?;
    merkle::verify_consistency(old.size(), size, old.root(), root, &proof)
        .map_err(|e| refuse(Extension::Proof(e)))
}

pub(crate) async fn cosign(
    actions: &Actions,
    witness_key_file: &Path,
    state_file: &Path,
) -> Result<String, ActionError> {
    let Some(latest) = actions.latest_checkpoint().await? else {
        return Err(ActionError::LogRefused(LogRefusal::NothingToCosign));
    };
    let signer = actions.key.signer()?;
    let opened = accord_tlog::open(&latest, &[signer.verifier()]).map_err(log_err)?;
    let cp = Checkpoint::parse(&opened.text).map_err(log_err)?;
    let witness = cosigner_from_file(witness_key_file, "witness")?;
    // The last checkpoint this witness co-signed for this origin: `origin size base64(root)`.
    // No file yet: this witness's first co-signature. Any other failure to read it, or a line
    // for this origin that does not parse, refuses: co-signing without the consistency check
    // would let a rewritten log through.
    let state = match std::fs::read_to_string(state_file) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(io_error(state_file)(e)),
    };
    let bad_state = |defect: StateDefect| {
        ActionError::LogRefused(LogRefusal::WitnessState {
            file: state_file.display().to_string(),
            origin: cp.origin().to_owned(),
            defect,
        })
    };
    let prior = state.lines().find_map(|l| {
        let mut it = l.split(' ');
        let o = it.next()?;
        (o == cp.origin()).then(|| (it.next().and_then(|s| s.parse::<u64>().ok()), it.next()))
    });
    if let Some((size, root)) = prior {
        let old_size = size.ok_or_else(|| bad_state(StateDefect::NoTreeSize))?;
        let old_root: merkle::Hash = root
            .and_then(|r| B64.decode(r).ok())
            .and_then(|r| r.try_into().ok())
            .ok_or_else(|| bad_state(StateDefect::NoRootHash))?;
        if old_size > cp.size() {
            return Err(ActionError::LogRefused(LogRefusal::Shrank {
                old: old_size,
                new: cp.size(),
            }));
        }
        if old_size > 0 {
            let all = leaves(actions, cp.size()).await?;
            let proof = merkle::consistency_proof(&all, old_size).map_err(log_err)?;
            merkle::verify_consistency(old_size, cp.size(), &old_root, cp.root(), &proof).map_err(
                |proof| ActionError::LogRefused(LogRefusal::NotConsistent { old_size, proof }),
            )?;
        }
    }
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let line = witness.cosign(&opened.text, now).map_err(log_err)?;
    let note = accord_tlog::add_signature_line(&latest, &line).map_err(log_err)?;
    actions.store.add_checkpoint(cp.size(), &note, None).await?;
    let mut lines: Vec<String> = state
        .lines()
        .filter(|l| l.split(' ').next() != Some(cp.origin()))
        .map(str::to_owned)
        .collect();
    lines.push(format!(
        "{} {} {}",
        cp.origin(),
        cp.size(),
        B64.encode(cp.root())
    ));
    std::fs::write(state_file, lines.join("\n") + "\n").map_err(io_error(state_file))?;
    Ok(note)
}

/// The instance's verifier, for checking checkpoints.
pub(crate) fn verifier(actions: &Actions) -> Result<NoteVerifier, ActionError> {
    Ok(actions.key.signer()?.verifier())
}
