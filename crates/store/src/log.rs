//! The tamper-evident log's entries: their canonical bytes, which are the leaves of the Merkle tree.
//!
//! Every write appends one entry per record it changed (or one for the action, when no versioned
//! record changed). An entry's bytes are compact JSON with the keys in this order:
//! `{"seq":N,"at":"YYYY-MM-DDTHH:MM:SSZ","actor":"…","action":"…","case":"…"|null,
//! "record":"kind/id"|null,"record_sha256":"hex"|null,"evidence_sha256":"hex"|null}` — anyone can
//! rebuild them from an exported entry with a JSON library and check a leaf with `sha256sum`.

use serde::Serialize;

/// One entry of the log, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LogEntry {
    /// Its index in the log and leaf index in the tree, from 0.
    pub seq: u64,
    pub at: String,
    pub actor: String,
    pub action: String,
    #[serde(rename = "case")]
    pub case_id: Option<String>,
    /// `kind/id` of the record whose new version this entry commits to.
    pub record: Option<String>,
    /// SHA-256 of the record's canonical JSON (`None`: the record was removed, or no record).
    pub record_sha256: Option<String>,
    /// SHA-256 of the evidence bytes this entry concerns.
    pub evidence_sha256: Option<String>,
}

impl LogEntry {
    /// The entry's canonical bytes (what the leaf hash is taken over).
    pub fn canonical_bytes(&self) -> Vec<u8> {
        // Serialising a struct of strings and integers cannot fail; an empty leaf would not
        // verify, so the error path is still safe.
        serde_json::to_vec(self).unwrap_or_default()
    }

    /// The RFC 6962 leaf hash of the entry.
    pub fn leaf_hash(&self) -> [u8; 32] {
        accord_tlog::merkle::leaf_hash(&self.canonical_bytes())
    }
}

/// A signed checkpoint as kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredCheckpoint {
    pub size: u64,
    /// The signed note, exactly as signed (and co-signed).
    pub note: String,
    pub created_at: String,
    /// The tree's right edge at this size (accord-tlog's `Frontier` bytes), when kept.
    pub frontier: Option<Vec<u8>>,
}

/// One version of a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordVersion {
    pub version: u32,
    pub at: String,
    pub actor: String,
    /// The canonical JSON (`None`: the record was removed in this version).
    pub body: Option<String>,
    pub sha256: Option<String>,
    /// The log entry that committed to this version.
    pub log_seq: u64,
}
