//! Evidence files as records: what was captured, by whom, how, and everything done to it since.
//!
//! The bytes themselves never enter the core (they can be gigabytes); a record names them by their
//! SHA-256 and size, which the edges compute while the bytes stream past. The Berkeley Protocol
//! asks for the original to be kept unchanged, hashed at collection, with every custodian and
//! every copy recorded: the capture record and the custody log below are that record, and a
//! working copy (a redaction, a transcript, a clip) is an item of its own that names its original.

use std::collections::{HashMap, HashSet};

use crate::validate::{Entity, Problem, is_id, is_sha256, is_web_url};

/// One evidence file of a case.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Evidence {
    pub id: String,
    /// SHA-256 of the exact bytes, 64 lower-case hexadecimal digits (what `sha256sum` prints).
    pub sha256: String,
    pub size: u64,
    /// Sniffed from the content when it was received, never taken from the name alone.
    pub media_type: String,
    /// The file's name inside a bundle's `evidence/` directory (a relative path with `/`),
    /// unique in the case.
    pub file: String,
    /// The incident this file documents, if any.
    pub incident: Option<String>,
    /// The source this file is a copy of, if any.
    pub source: Option<String>,
    pub note: Option<String>,
    pub capture: Capture,
    /// Set for a working copy: the original it was made from, and what was done.
    pub derived_from: Option<Derivation>,
    /// Oldest first; only ever appended to.
    pub custody: Vec<CustodyEvent>,
    /// Who may see the item.
    pub sensitivity: crate::sensitivity::Sensitivity,
    /// The members (by e-mail address) who may see it when it is restricted, besides the owners.
    pub restricted_to: Vec<String>,
}

/// How an item was captured, as its collector recorded it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Capture {
    /// UTC, `YYYY-MM-DDTHH:MM:SSZ`.
    pub captured_at: Option<String>,
    pub captured_by: Option<String>,
    /// Where the original was found (http or https only).
    pub source_url: Option<String>,
    /// How it was obtained: download, screenshot, handed over by a witness, ...
    pub method: Option<String>,
    /// The tool or device used.
    pub tool: Option<String>,
    pub place: Option<String>,
}

/// What a working copy was made from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Derivation {
    /// Id of the original evidence item.
    pub original: String,
    /// What was done: "faces blurred", "transcript of 00:00–03:10", ...
    pub what: String,
}

/// One event in an item's chain of custody.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustodyEvent {
    /// UTC, `YYYY-MM-DDTHH:MM:SSZ`.
    pub at: String,
    pub by: String,
    pub action: CustodyAction,
    pub note: Option<String>,
}

/// What happened to an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CustodyAction {
    /// It came into the coalition's hands (upload, import of a file obtained elsewhere).
    Received,
    Viewed,
    Downloaded,
    Copied,
    /// Written out in a bundle or an evidence package.
    Exported,
    /// Given to another organisation (say which in the note).
    HandedOver,
    /// Its bytes were re-hashed and matched.
    Verified,
    /// A working copy was made from it.
    Derived,
}

impl CustodyAction {
    pub const ALL: [(CustodyAction, &'static str); 8] = [
        (Self::Received, "received"),
        (Self::Viewed, "viewed"),
        (Self::Downloaded, "downloaded"),
        (Self::Copied, "copied"),
        (Self::Exported, "exported"),
        (Self::HandedOver, "handed_over"),
        (Self::Verified, "verified"),
        (Self::Derived, "derived"),
    ];

    pub fn as_str(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(a, _)| *a == self)
            .map_or("received", |(_, n)| n)
    }

    pub fn from_name(name: &str) -> Result<Self, String> {
        Self::ALL
            .iter()
            .find(|(_, n)| *n == name)
            .map(|(a, _)| *a)
            .ok_or_else(|| {
                let names: Vec<&str> = Self::ALL.iter().map(|(_, n)| *n).collect();
                format!(
                    "unknown custody action {name:?} (expected one of {})",
                    names.join(", ")
                )
            })
    }
}

/// Whether `s` is a UTC time written `YYYY-MM-DDTHH:MM:SSZ` (a real calendar day and time).
pub fn is_utc_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 20 || b[4] != b'-' || b[7] != b'-' || b[10] != b'T' || b[13] != b':' {
        return false;
    }
    if b[16] != b':' || b[19] != b'Z' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = s.get(r)?;
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())
            .flatten()
    };
    let (Some(y), Some(mo), Some(d), Some(h), Some(mi), Some(se)) = (
        num(0..4),
        num(5..7),
        num(8..10),
        num(11..13),
        num(14..16),
        num(17..19),
    ) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match mo {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d) && h < 24 && mi < 60 && se < 60
}

/// Whether `name` can be a file name inside a bundle's `evidence/` directory: a relative path of
/// plain components (no `..`, no hidden parts, no backslash or control characters), so that an
/// export can never write outside its directory.
pub fn is_bundle_file_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 255
        && !name.starts_with('/')
        && name.split('/').all(|part| {
            !part.is_empty()
                && !part.starts_with('.')
                && part
                    .chars()
                    .all(|c| !c.is_control() && c != '\\' && c != ':')
        })
}

/// A file name for a received file: its last path component with anything unsafe replaced, never
/// empty. Used when an upload or a command line names the file.
pub fn safe_file_name(original: &str) -> String {
    let last = original
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or_default()
        .trim();
    // At most 120 bytes (not characters: a Khmer or emoji name has several bytes a character),
    // cut at a character boundary, so the result always passes `is_bundle_file_name`.
    let mut cleaned = String::new();
    for c in last.chars() {
        let c = if c.is_control() || c == ':' { '_' } else { c };
        if cleaned.len() + c.len_utf8() > 120 {
            break;
        }
        cleaned.push(c);
    }
    let cleaned = cleaned.trim_start_matches('.').to_owned();
    if cleaned.is_empty() {
        "file".to_owned()
    } else {
        cleaned
    }
}

/// Problems with one evidence record on its own: id, hash, names, times, URL.
pub fn evidence_problems(ev: &Evidence) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut push = |field: &str, message: String| out.push((field.to_owned(), message));
    if !is_id(&ev.id) {
        push("id", format!("{:?} is not an id", ev.id));
    }
    if !is_sha256(&ev.sha256) {
        push(
            "sha256",
            format!(
                "{:?} is not a SHA-256 (64 lower-case hexadecimal digits)",
                ev.sha256
            ),
        );
    }
    if !is_bundle_file_name(&ev.file) {
        push(
            "file",
            format!(
                "{:?} is not a file name inside evidence/ (plain relative path, no '..' or hidden parts)",
                ev.file
            ),
        );
    }
    if ev.media_type.trim().is_empty() || ev.media_type.chars().any(char::is_whitespace) {
        push(
            "media_type",
            format!(
                "{:?} is not a media type such as \"image/jpeg\"",
                ev.media_type
            ),
        );
    }
    if let Some(t) = &ev.capture.captured_at
        && !is_utc_timestamp(t)
    {
        push(
            "capture.captured_at",
            format!("{t:?} is not a UTC time such as \"2017-09-03T00:40:00Z\""),
        );
    }
    if let Some(u) = &ev.capture.source_url
        && !is_web_url(u)
    {
        push(
            "capture.source_url",
            format!("{u:?} is not an http:// or https:// address"),
        );
    }
    if let Some(d) = &ev.derived_from {
        if d.original == ev.id {
            push(
                "derived_from.original",
                "an item cannot be derived from itself".to_owned(),
            );
        }
        if d.what.trim().is_empty() {
            push(
                "derived_from.what",
                "say what was done to the original".to_owned(),
            );
        }
    }
    for (k, c) in ev.custody.iter().enumerate() {
        if !is_utc_timestamp(&c.at) {
            push(
                &format!("custody[{k}].at"),
                format!(
                    "{:?} is not a UTC time such as \"2017-09-03T00:40:00Z\"",
                    c.at
                ),
            );
        }
        if c.by.trim().is_empty() {
            push(&format!("custody[{k}].by"), "must not be empty".to_owned());
        }
    }
    for (field, message) in crate::sensitivity::problems(ev) {
        push(field, message);
    }
    out
}

/// Every problem with a case's evidence records: each on its own, then their references.
pub(crate) fn case_problems(
    evidence: &[Evidence],
    incidents: &HashMap<&str, usize>,
    sources: &HashMap<&str, usize>,
) -> Vec<Problem> {
    let mut out = Vec::new();
    let ids: HashSet<&str> = evidence.iter().map(|e| e.id.as_str()).collect();
    let mut seen = HashSet::new();
    let mut files = HashSet::new();
    for (i, ev) in evidence.iter().enumerate() {
        let entity = Entity::Evidence(i);
        let mut push = |field: &str, message: String| {
            out.push(Problem {
                entity,
                field: field.to_owned(),
                message,
            });
        };
        for (field, message) in evidence_problems(ev) {
            push(&field, message);
        }
        if !seen.insert(ev.id.as_str()) {
            push("id", format!("duplicate evidence id {:?}", ev.id));
        }
        if !files.insert(ev.file.as_str()) {
            push(
                "file",
                format!("{:?} is the file of another evidence item", ev.file),
            );
        }
        if let Some(inc) = &ev.incident
            && !incidents.contains_key(inc.as_str())
        {
            push("incident", format!("no incident {inc:?} in this case"));
        }
        if let Some(s) = &ev.source
            && !sources.contains_key(s.as_str())
        {
            push("source", format!("no source {s:?} in this case"));
        }
        if let Some(d) = &ev.derived_from
            && d.original != ev.id
            && !ids.contains(d.original.as_str())
        {
            push(
                "derived_from.original",
                format!("no evidence item {:?} in this case", d.original),
            );
        }
    }
    out
}
