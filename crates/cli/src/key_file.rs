//! The instance key file on disk: reading the key the database names (finishing a key change
//! that was interrupted between the database and the file), and the vault's view of the stored
//! key record. Shared by `setup` (every command that opens the keys), `keys` and `restore`.

use std::path::{Path, PathBuf};

use accord_store::VaultKeys;
use accord_vault::{InstanceKey, KeyRecord, VaultError, WrappedKey};

use crate::failure::{Said, SayContext};

/// The vault's view of the stored key record.
pub(crate) fn record_of(stored: &VaultKeys) -> KeyRecord {
    KeyRecord {
        instance_recipient: stored.instance_recipient.clone(),
        recovery_recipient: stored.recovery_recipient.clone(),
        data_keys: stored
            .data_keys
            .iter()
            .map(|k| WrappedKey {
                id: k.id,
                wrapped: k.wrapped.clone(),
            })
            .collect(),
    }
}

/// Where a new key waits while the database is changed.
pub(crate) fn next_path(key_file: &Path) -> PathBuf {
    let mut name = key_file.as_os_str().to_owned();
    name.push(".next");
    PathBuf::from(name)
}

/// The instance key the database names, from the key file. A key change that stored its new key
/// but stopped before moving the file into place is finished here. A missing or wrong file is
/// refused, saying how to get the key back.
pub(crate) fn instance_key(path: &Path, record: &KeyRecord) -> anyhow::Result<InstanceKey> {
    let current = InstanceKey::read(path);
    if let Ok(key) = &current
        && key.recipient() == record.instance_recipient
    {
        return current.map_err(Into::into);
    }
    let next = next_path(path);
    if let Ok(key) = InstanceKey::read(&next)
        && key.recipient() == record.instance_recipient
    {
        std::fs::rename(&next, path).said(|| {
            Said::new(
                "cli-err-cannot-move",
                &[("from", &next.display()), ("to", &path.display())],
            )
        })?;
        sync_dir(path);
        eprintln!(
            "{}",
            crate::failure::in_language(&Said::new(
                "cli-note-key-change-finished",
                &[("path", &path.display())]
            ))
        );
        return Ok(key);
    }
    match current {
        Err(VaultError::KeyFileMissing { .. }) => {
            Err(Said::new("cli-err-key-file-missing", &[("path", &path.display())]).into())
        }
        Ok(_) => Err(Said::new("cli-err-key-file-wrong", &[("path", &path.display())]).into()),
        Err(e) => Err(e).said(|| Said::new("cli-err-setting", &[("setting", &"key_file")])),
    }
}

pub(crate) fn sync_dir(file: &Path) {
    if let Some(dir) = file.parent() {
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
    }
}
