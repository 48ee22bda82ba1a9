//! What readers who are not members of a case see of its people and of its unfinished work.
//!
//! A published case is read by anyone, including those it documents. Members of the case (and
//! instance administrators) see every record as stored. Everyone else sees only confirmed
//! findings — a draft or a retracted finding does not exist for them: not listed, not counted,
//! its page and history answer 404 — and sees each person a record names (a finding's author and
//! reviewer, whoever made a version, whoever handled a file) by the attribution that person chose
//! on their account page (`accord_store::attribution`), never by e-mail address.
//!
//! Every page and API answer that shows findings or names people goes through [`Disclosure`].

use std::collections::HashMap;

use accord_core::{Evidence, Finding, FindingStatus, Named};
use accord_store::attribution::UNNAMED_MEMBER;
use accord_store::{RecordKind, RecordVersion};

use crate::access::CaseAccess;
use crate::{AppError, AppState};

/// How much of a case one reader may see of its people and its findings.
#[derive(Debug)]
pub(crate) struct Disclosure {
    /// `None` for a member of the case: everything as stored. Otherwise each account's address
    /// with the words shown instead.
    names: Option<HashMap<String, String>>,
}

impl Disclosure {
    /// The disclosure for the reader of `access` (one query for a reader who is not a member).
    pub(crate) async fn load(state: &AppState, access: &CaseAccess) -> Result<Self, AppError> {
        if access.role.is_some() || access.admin {
            return Ok(Disclosure { names: None });
        }
        let authors = state.store.public_authors(&access.case.id).await?;
        Ok(Disclosure {
            names: Some(
                authors
                    .into_iter()
                    .map(|a| {
                        let name = a.attribution.public_name(a.role);
                        (a.email, name)
                    })
                    .collect(),
            ),
        })
    }

    /// Whether the reader is a member of the case (or an administrator): sees everything.
    pub(crate) fn member(&self) -> bool {
        self.names.is_none()
    }

    /// Whether the reader may see this finding at all.
    pub(crate) fn shows(&self, f: &Finding) -> bool {
        self.member() || f.status == FindingStatus::Confirmed
    }

    /// A person named by a record, as this reader may see them. An address that no account has
    /// (a former account, or a bundle from another instance) is never shown to a non-member; a
    /// name without `@` was written as case data (a bundle's `author = "Signatories of …"`) and
    /// is shown as written.
    pub(crate) fn person(&self, who: &str) -> String {
        match &self.names {
            None => who.to_owned(),
            Some(names) => match names.get(who) {
                Some(name) => name.clone(),
                None if who.contains('@') => UNNAMED_MEMBER.to_owned(),
                None => who.to_owned(),
            },
        }
    }

    /// A finding as this reader sees it (its author and reviewer named as they chose).
    pub(crate) fn finding(&self, f: &Finding) -> Finding {
        let mut f = f.clone();
        if !self.member() {
            f.author = f.author.as_deref().map(|a| self.person(a));
            f.reviewed_by = f.reviewed_by.as_deref().map(|r| self.person(r));
        }
        f
    }

    /// The findings this reader may see, as they see them.
    pub(crate) fn findings<'a>(
        &'a self,
        all: impl IntoIterator<Item = &'a Finding> + 'a,
    ) -> impl Iterator<Item = Finding> + 'a {
        all.into_iter()
            .filter(|f| self.shows(f))
            .map(|f| self.finding(f))
    }

    /// An evidence file as this reader sees it: whoever captured or handled it named as they
    /// chose.
    pub(crate) fn evidence(&self, e: &Evidence) -> Evidence {
        let mut e = e.clone();
        if !self.member() {
            e.capture.captured_by = e.capture.captured_by.as_deref().map(|b| self.person(b));
            for c in &mut e.custody {
                c.by = self.person(&c.by);
            }
        }
        e
    }

    /// A record's versions as this reader may see them. For a reader outside the case, a letter's
    /// history and a finding whose latest version is not confirmed do not exist (404), and each
    /// version names its maker, and a finding's author and reviewer, as they chose. Such a version is no longer the
    /// byte-exact record whose hash the log holds (its `sha256` is withheld): proving a version
    /// against the log is for members, with `accord verify` or an evidence package.
    pub(crate) fn versions(
        &self,
        kind: RecordKind,
        mut versions: Vec<RecordVersion>,
    ) -> Result<Vec<RecordVersion>, AppError> {
        if self.member() {
            return Ok(versions);
        }
        // A letter's earlier texts are drafts its coalition wrote among themselves: a reader
        // outside the case sees the letter as it stands, never its history.
        if kind == RecordKind::Letter {
            return Err(AppError::NotFound);
        }
        if kind == RecordKind::Finding {
            let latest = versions
                .last()
                .and_then(|v| v.body.as_deref())
                .and_then(|b| serde_json::from_str::<serde_json::Value>(b).ok());
            let confirmed = latest
                .as_ref()
                .and_then(|r| r.get("status"))
                .and_then(serde_json::Value::as_str)
                == Some(FindingStatus::Confirmed.as_str());
            if !confirmed {
                return Err(AppError::NotFound);
            }
        }
        for v in &mut versions {
            v.actor = self.person(&v.actor);
            if kind == RecordKind::Finding {
                v.body = v
                    .body
                    .as_deref()
                    .map(|b| self.redact_finding_json(b))
                    .transpose()?;
                v.sha256 = None;
            }
        }
        Ok(versions)
    }

    /// A finding's canonical JSON with its author and reviewer named for this reader.
    fn redact_finding_json(&self, body: &str) -> Result<String, AppError> {
        let mut record: serde_json::Value = serde_json::from_str(body)
            .map_err(|e| AppError::Internal(format!("a stored finding is not JSON: {e}")))?;
        if let Some(fields) = record.as_object_mut() {
            for key in ["author", "reviewed_by"] {
                if let Some(serde_json::Value::String(who)) = fields.get(key) {
                    let shown = self.person(who);
                    fields.insert(key.to_owned(), serde_json::Value::String(shown));
                }
            }
        }
        Ok(record.to_string())
    }
}
