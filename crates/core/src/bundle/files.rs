//! The shapes of the bundle's TOML files, used both to read (with spans) and to write.
//!
//! These types are the file format; the domain types in `model.rs` are converted by hand in
//! `bundle.rs`, so the format can evolve (with a migration path) without touching the domain.
//! Unknown keys are errors, so a misspelt key is never silently dropped.

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::{BundleFile, LETTER_BODY_FILE};
use crate::model::Case;
use crate::names::Named;

type S<T> = Spanned<T>;

fn sp<T>(v: T) -> S<T> {
    Spanned::new(0..0, v)
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct CaseFile {
    pub id: S<String>,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<S<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// The language the case's records are written in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct InstrumentFile {
    pub id: S<String>,
    pub kind: S<String>,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<S<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parties: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub provisions: Vec<S<ProvisionEntry>>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ProvisionEntry {
    pub cite: S<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<String>,
    pub text_status: S<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub translations: Vec<TranslationEntry>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct TranslationEntry {
    pub lang: String,
    pub status: S<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    pub text: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ActorsFile {
    pub actors: Vec<S<ActorEntry>>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ActorEntry {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sensitivity: Option<S<String>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub restricted_to: Vec<String>,
    pub kind: S<String>,
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<String>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct SourcesFile {
    pub sources: Vec<S<SourceEntry>>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct SourceEntry {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sensitivity: Option<S<String>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub restricted_to: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<S<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accessed: Option<S<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct IncidentsFile {
    pub incidents: Vec<S<IncidentEntry>>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct IncidentEntry {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sensitivity: Option<S<String>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub restricted_to: Vec<String>,
    pub date: S<String>,
    pub title: String,
    pub kind: S<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<ActorRoleEntry>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<EvidenceEntry>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ActorRoleEntry {
    pub actor: String,
    pub role: S<String>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct EvidenceEntry {
    pub sha256: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_type: Option<String>,
}

/// `evidence.toml`: the records of the files under the bundle's `evidence/` directory.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct EvidenceFile {
    pub evidence: Vec<S<EvidenceItemEntry>>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct EvidenceItemEntry {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sensitivity: Option<S<String>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub restricted_to: Vec<String>,
    pub file: S<String>,
    pub sha256: S<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub incident: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "CaptureEntry::is_empty")]
    pub capture: CaptureEntry,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub derived_from: Option<DerivationEntry>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub custody: Vec<CustodyEntry>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct CaptureEntry {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub captured_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub captured_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tool: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
}

impl CaptureEntry {
    fn is_empty(&self) -> bool {
        self.captured_at.is_none()
            && self.captured_by.is_none()
            && self.source_url.is_none()
            && self.method.is_none()
            && self.tool.is_none()
            && self.place.is_none()
    }
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct DerivationEntry {
    pub original: String,
    pub what: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct CustodyEntry {
    pub at: String,
    pub by: String,
    pub action: S<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FindingsFile {
    pub findings: Vec<S<FindingEntry>>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FindingEntry {
    pub id: String,
    pub incidents: Vec<String>,
    pub provision: S<String>,
    pub verdict: S<String>,
    pub status: S<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewed_by: Option<String>,
    pub rationale: String,
}

/// `observations.toml`: dated observations of provisions' implementation.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ObservationsFile {
    pub observations: Vec<S<ObservationEntry>>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ObservationEntry {
    pub id: String,
    pub provision: S<String>,
    pub date: S<String>,
    pub score: S<i64>,
    pub status: S<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coded_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewed_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// `follow-through.toml`: what happened after the case's letters were sent.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FollowThroughFile {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deliveries: Vec<S<DeliveryEntry>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub responses: Vec<S<ResponseEntry>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deadlines: Vec<S<DeadlineEntry>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub follow_ups: Vec<S<FollowUpEntry>>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct DeliveryEntry {
    pub id: String,
    pub letter: String,
    pub to: String,
    pub date: S<String>,
    pub method: S<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ResponseEntry {
    pub id: String,
    pub letter: String,
    pub from: String,
    pub date: S<String>,
    pub action: S<String>,
    pub summary: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct DeadlineEntry {
    pub id: String,
    pub letter: String,
    pub date: S<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub addressee: Option<String>,
    pub asked: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FollowUpEntry {
    pub id: String,
    pub letter: String,
    pub cites: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct MechanismsFile {
    pub mechanisms: Vec<S<MechanismEntry>>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct MechanismEntry {
    pub id: String,
    pub name: String,
    pub provision: S<String>,
    pub counts: Vec<S<String>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scope_instruments: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scope_provisions: Vec<S<String>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requested_by: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub responsible: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub consult: Vec<String>,
    pub action: String,
}

fn default_body() -> S<String> {
    sp(LETTER_BODY_FILE.to_owned())
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct LetterFile {
    pub id: S<String>,
    pub title: String,
    pub date: S<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    pub language: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coordinator: Option<String>,
    #[serde(default = "default_body")]
    pub body: S<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closing: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signatory_order: Option<S<String>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cc: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub addressees: Vec<AddresseeEntry>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub signatories: Vec<S<SignatoryEntry>>,
    /// The letter in other languages (`[[versions]]`), after its signatories.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub versions: Vec<LetterVersionEntry>,
}

/// One language version of a letter: its wording (the body inline), who translated it, when,
/// from which original, and who signed it.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct LetterVersionEntry {
    pub lang: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    pub body: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closing: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub translated_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub translated_at: Option<S<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original_sha256: Option<String>,
    /// The original's CC lines in this language, in order (absent: the original's).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cc: Vec<String>,
    /// The original's addressees in this language, in order (absent: the original's).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub addressees: Vec<VersionAddresseeEntry>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub signatures: Vec<VersionSignatureEntry>,
}

/// How a version writes one of the original's addressees (`[[versions.addressees]]`): the
/// wording only; who the addressee is (`actor`) stays the original's.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct VersionAddresseeEntry {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

/// A signature on a letter version: the signatory by the name it prints, and the SHA-256 of the
/// version's text it signed.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct VersionSignatureEntry {
    pub signatory: S<String>,
    pub sha256: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct AddresseeEntry {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct SignatoryEntry {
    pub organisation: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub representative: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    pub state: S<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed_text_sha256: Option<String>,
}

fn letter_version_entry(
    l: &crate::model::Letter,
    v: &crate::letter_version::LetterVersion,
) -> LetterVersionEntry {
    LetterVersionEntry {
        lang: v.lang.clone(),
        title: v.title.clone(),
        place: v.place.clone(),
        body: v.body.clone(),
        closing: v.closing.clone(),
        translated_by: v.translated_by.clone(),
        translated_at: v.translated_at.map(|d| sp(d.to_string())),
        original_sha256: v.original_sha256.clone(),
        cc: v.cc.clone(),
        addressees: v
            .addressees
            .iter()
            .map(|a| VersionAddresseeEntry {
                name: a.name.clone(),
                title: a.title.clone(),
                organisation: a.organisation.clone(),
                role: a.role.clone(),
            })
            .collect(),
        signatures: v
            .signatures
            .iter()
            .map(|s| VersionSignatureEntry {
                signatory: sp(usize::try_from(s.signatory)
                    .ok()
                    .and_then(|i| l.signatories.get(i))
                    .map_or_else(|| s.signatory.to_string(), |x| x.organisation.clone())),
                sha256: s.sha256.clone(),
            })
            .collect(),
    }
}

fn to_toml<T: Serialize>(value: &T, path: &str) -> Result<String, WriteError> {
    toml::to_string_pretty(value).map_err(|e| WriteError {
        path: path.to_owned(),
        message: e.to_string(),
    })
}

/// A case that could not be written as TOML (never expected; reported rather than writing a
/// truncated file).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: cannot be written: {message}")]
pub struct WriteError {
    pub path: String,
    pub message: String,
}

fn file(path: String, contents: String) -> BundleFile {
    BundleFile { path, contents }
}

fn toml_file<T: Serialize>(path: String, value: &T) -> Result<BundleFile, WriteError> {
    let contents = to_toml(value, &path)?;
    Ok(BundleFile { path, contents })
}

/// How [`write`] splits the large record kinds into shard files (see `docs/case-format.md`,
/// "Large cases").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sharding {
    /// Records of one kind past which they go into `<kind>/NNNNNN.toml` files of at most this
    /// many records each, instead of one `<kind>.toml`.
    pub records: usize,
    /// Bytes past which a file is split further (in halves, until it fits or holds one record),
    /// so every file stays far below the 64 MiB a bundle text file may hold.
    pub bytes: usize,
}

impl Default for Sharding {
    fn default() -> Self {
        Sharding {
            records: 10_000,
            bytes: 16 << 20,
        }
    }
}

/// The canonical bundle of a case, its files in path order.
pub(super) fn write(case: &Case, sharding: Sharding) -> Result<Vec<BundleFile>, WriteError> {
    let mut out = Vec::new();
    write_each(case, sharding, &mut |f| {
        out.push(f);
        Ok(())
    })?;
    out.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(out)
}

/// The canonical bundle of a case, each file handed to `emit` as soon as it is made (in no
/// particular order): a caller that writes them out holds one shard's text at a time, not the
/// whole bundle's (a million incidents make 780 MB of text). An error from `emit` stops the
/// writing and is returned.
pub(super) fn write_each(
    case: &Case,
    sharding: Sharding,
    emit: &mut dyn FnMut(BundleFile) -> Result<(), WriteError>,
) -> Result<(), WriteError> {
    emit(toml_file(
        "case.toml".into(),
        &CaseFile {
            id: sp(case.id.clone()),
            title: case.title.clone(),
            country: case.country.clone(),
            period: case.period.map(|p| sp(p.to_string())),
            summary: case.summary.clone(),
            language: case.language.clone(),
        },
    )?)?;
    sharded(emit, "actors", &case.actors, sharding, |chunk| ActorsFile {
        actors: chunk
            .iter()
            .map(|a| {
                sp(ActorEntry {
                    id: a.id.clone(),
                    sensitivity: Some(sp(a.sensitivity.as_str().to_owned())),
                    restricted_to: a.restricted_to.clone(),
                    kind: sp(a.kind.as_str().to_owned()),
                    name: a.name.clone(),
                    aliases: a.aliases.clone(),
                    country: a.country.clone(),
                    members: a.members.clone(),
                })
            })
            .collect(),
    })?;
    sharded(emit, "sources", &case.sources, sharding, |chunk| {
        SourcesFile {
            sources: chunk
                .iter()
                .map(|s| {
                    sp(SourceEntry {
                        id: s.id.clone(),
                        sensitivity: Some(sp(s.sensitivity.as_str().to_owned())),
                        restricted_to: s.restricted_to.clone(),
                        authors: s.authors.clone(),
                        title: s.title.clone(),
                        publisher: s.publisher.clone(),
                        date: s.date.map(|d| sp(d.to_string())),
                        url: s.url.clone(),
                        accessed: s.accessed.map(|d| sp(d.to_string())),
                        note: s.note.clone(),
                    })
                })
                .collect(),
        }
    })?;
    sharded(emit, "incidents", &case.incidents, sharding, |chunk| {
        IncidentsFile {
            incidents: chunk
                .iter()
                .map(|i| {
                    sp(IncidentEntry {
                        id: i.id.clone(),
                        sensitivity: Some(sp(i.sensitivity.as_str().to_owned())),
                        restricted_to: i.restricted_to.clone(),
                        date: sp(i.date.to_string()),
                        title: i.title.clone(),
                        kind: sp(i.kind.as_str().to_owned()),
                        place: i.place.clone(),
                        themes: i.themes.clone(),
                        sources: i.sources.clone(),
                        summary: i.summary.clone(),
                        actors: i
                            .actors
                            .iter()
                            .map(|a| ActorRoleEntry {
                                actor: a.actor.clone(),
                                role: sp(a.role.as_str().to_owned()),
                            })
                            .collect(),
                        evidence: i
                            .evidence
                            .iter()
                            .map(|e| EvidenceEntry {
                                sha256: e.sha256.clone(),
                                name: e.name.clone(),
                                media_type: e.media_type.clone(),
                            })
                            .collect(),
                    })
                })
                .collect(),
        }
    })?;
    sharded(emit, "findings", &case.findings, sharding, |chunk| {
        FindingsFile {
            findings: chunk
                .iter()
                .map(|f| {
                    sp(FindingEntry {
                        id: f.id.clone(),
                        incidents: f.incidents.clone(),
                        provision: sp(f.provision.to_string()),
                        verdict: sp(f.verdict.as_str().to_owned()),
                        status: sp(f.status.as_str().to_owned()),
                        author: f.author.clone(),
                        reviewed_by: f.reviewed_by.clone(),
                        rationale: f.rationale.clone(),
                    })
                })
                .collect(),
        }
    })?;
    sharded(emit, "mechanisms", &case.mechanisms, sharding, |chunk| {
        MechanismsFile {
            mechanisms: chunk
                .iter()
                .map(|m| {
                    sp(MechanismEntry {
                        id: m.id.clone(),
                        name: m.name.clone(),
                        provision: sp(m.provision.to_string()),
                        counts: m.counts.iter().map(|v| sp(v.as_str().to_owned())).collect(),
                        scope_instruments: m.scope_instruments.clone(),
                        scope_provisions: m
                            .scope_provisions
                            .iter()
                            .map(|c| sp(c.to_string()))
                            .collect(),
                        requested_by: m.requested_by.clone(),
                        responsible: m.responsible.clone(),
                        consult: m.consult.clone(),
                        action: m.action.clone(),
                    })
                })
                .collect(),
        }
    })?;
    sharded(
        emit,
        "observations",
        &case.observations,
        sharding,
        |chunk| ObservationsFile {
            observations: chunk
                .iter()
                .map(|o| {
                    sp(ObservationEntry {
                        id: o.id.clone(),
                        provision: sp(o.provision.to_string()),
                        date: sp(o.date.to_string()),
                        score: sp(i64::from(o.score.value())),
                        status: sp(o.status.as_str().to_owned()),
                        sources: o.sources.clone(),
                        coded_by: o.coded_by.clone(),
                        reviewed_by: o.reviewed_by.clone(),
                        note: o.note.clone(),
                    })
                })
                .collect(),
        },
    )?;
    if !case.follow_through.is_empty() {
        emit(toml_file(
            "follow-through.toml".into(),
            &follow_through_file(&case.follow_through),
        )?)?;
    }
    if !case.translations.is_empty() {
        emit(toml_file(
            "translations.toml".into(),
            &translations_file(&case.translations),
        )?)?;
    }
    for ins in &case.instruments {
        let provisions = ins
            .provisions
            .iter()
            .map(|p| {
                sp(ProvisionEntry {
                    cite: sp(p.citation.to_string()),
                    heading: p.heading.clone(),
                    themes: p.themes.clone(),
                    text_status: sp(p.status.as_str().to_owned()),
                    text_source: p.text_source.clone(),
                    text: p.text.clone(),
                    translations: p
                        .translations
                        .iter()
                        .map(|t| TranslationEntry {
                            lang: t.lang.clone(),
                            status: sp(t.status.as_str().to_owned()),
                            source: t.source.clone(),
                            text: t.text.clone(),
                        })
                        .collect(),
                })
            })
            .collect();
        emit(toml_file(
            format!("instruments/{}.toml", ins.id),
            &InstrumentFile {
                id: sp(ins.id.clone()),
                kind: sp(ins.kind.as_str().to_owned()),
                title: ins.title.clone(),
                date: ins.date.map(|d| sp(d.to_string())),
                place: ins.place.clone(),
                parties: ins.parties.clone(),
                parent: ins.parent.clone(),
                url: ins.url.clone(),
                notes: ins.notes.clone(),
                provisions,
            },
        )?)?;
    }
    for l in &case.letters {
        let signatories = l
            .signatories
            .iter()
            .map(|s| {
                sp(SignatoryEntry {
                    organisation: s.organisation.clone(),
                    country: s.country.clone(),
                    representative: s.representative.clone(),
                    url: s.url.clone(),
                    state: sp(s.state.as_str().to_owned()),
                    order: s.order,
                    signed_text_sha256: s.signed_text_sha256.clone(),
                })
            })
            .collect();
        emit(toml_file(
            format!("letters/{}/letter.toml", l.id),
            &LetterFile {
                id: sp(l.id.clone()),
                title: l.title.clone(),
                date: sp(l.date.to_string()),
                place: l.place.clone(),
                language: l.language.clone(),
                coordinator: l.coordinator.clone(),
                body: sp(LETTER_BODY_FILE.to_owned()),
                closing: l.closing.clone(),
                signatory_order: Some(sp(l.signatory_order.as_str().to_owned())),
                cc: l.cc.clone(),
                addressees: l
                    .addressees
                    .iter()
                    .map(|a| AddresseeEntry {
                        name: a.name.clone(),
                        title: a.title.clone(),
                        organisation: a.organisation.clone(),
                        role: a.role.clone(),
                        actor: a.actor.clone(),
                    })
                    .collect(),
                signatories,
                versions: l
                    .versions
                    .iter()
                    .map(|v| letter_version_entry(l, v))
                    .collect(),
            },
        )?)?;
        emit(file(
            format!("letters/{}/{LETTER_BODY_FILE}", l.id),
            l.body.clone(),
        ))?;
    }
    for e in &case.elections {
        emit(file(format!("elections/{}.json", e.id), e.json.clone()))?;
    }
    if !case.evidence.is_empty() {
        let evidence = case.evidence.iter().map(evidence_entry).collect();
        emit(toml_file(
            "evidence.toml".into(),
            &EvidenceFile { evidence },
        )?)?;
    }
    Ok(())
}

/// Write the records of one kind as `<kind>.toml`, or, past [`Sharding`]'s bounds, as
/// `<kind>/000001.toml`, `<kind>/000002.toml`, ...: the reader takes them in file-name order, so
/// the records come back in the order they were written and a second export is byte-identical.
/// Only one chunk's entries and text are built at a time, each shard handed to `emit` once made.
fn sharded<R, F: Serialize>(
    emit: &mut dyn FnMut(BundleFile) -> Result<(), WriteError>,
    kind: &str,
    records: &[R],
    sharding: Sharding,
    file_of: impl Fn(&[R]) -> F,
) -> Result<(), WriteError> {
    if records.is_empty() {
        return Ok(());
    }
    let single = format!("{kind}.toml");
    if records.len() <= sharding.records.max(1) {
        let text = to_toml(&file_of(records), &single)?;
        if text.len() <= sharding.bytes || records.len() == 1 {
            return emit(file(single, text));
        }
    }
    let mut shard = Shard {
        kind,
        next: 1,
        emit,
    };
    for chunk in records.chunks(sharding.records.max(1)) {
        split_to_fit(chunk, &single, sharding.bytes, &file_of, &mut shard)?;
    }
    Ok(())
}

/// The next shard file of a kind: numbered in six digits, so that file-name order is record
/// order (a million shards of 10,000 records each would be ten billion records: refused).
struct Shard<'a, 'e> {
    kind: &'a str,
    next: usize,
    emit: &'a mut (dyn FnMut(BundleFile) -> Result<(), WriteError> + 'e),
}

impl Shard<'_, '_> {
    fn push(&mut self, text: String) -> Result<(), WriteError> {
        if self.next > 999_999 {
            return Err(WriteError {
                path: format!("{}/", self.kind),
                message: "more than 999,999 shard files".into(),
            });
        }
        let path = format!("{}/{:06}.toml", self.kind, self.next);
        self.next += 1;
        (self.emit)(file(path, text))
    }
}

/// `chunk` as one file's text, or as several (halving) when it is larger than `bytes`.
fn split_to_fit<R, F: Serialize>(
    chunk: &[R],
    path: &str,
    bytes: usize,
    file_of: &impl Fn(&[R]) -> F,
    shard: &mut Shard<'_, '_>,
) -> Result<(), WriteError> {
    let text = to_toml(&file_of(chunk), path)?;
    if text.len() <= bytes || chunk.len() == 1 {
        return shard.push(text);
    }
    drop(text);
    let (a, b) = chunk.split_at(chunk.len() / 2);
    split_to_fit(a, path, bytes, file_of, shard)?;
    split_to_fit(b, path, bytes, file_of, shard)
}

fn evidence_entry(e: &crate::evidence::Evidence) -> S<EvidenceItemEntry> {
    let c = &e.capture;
    sp(EvidenceItemEntry {
        id: e.id.clone(),
        sensitivity: Some(sp(e.sensitivity.as_str().to_owned())),
        restricted_to: e.restricted_to.clone(),
        file: sp(e.file.clone()),
        sha256: sp(e.sha256.clone()),
        media_type: Some(e.media_type.clone()),
        incident: e.incident.clone(),
        source: e.source.clone(),
        note: e.note.clone(),
        capture: CaptureEntry {
            captured_at: c.captured_at.clone(),
            captured_by: c.captured_by.clone(),
            source_url: c.source_url.clone(),
            method: c.method.clone(),
            tool: c.tool.clone(),
            place: c.place.clone(),
        },
        derived_from: e.derived_from.as_ref().map(|d| DerivationEntry {
            original: d.original.clone(),
            what: d.what.clone(),
        }),
        custody: e
            .custody
            .iter()
            .map(|k| CustodyEntry {
                at: k.at.clone(),
                by: k.by.clone(),
                action: sp(k.action.as_str().to_owned()),
                note: k.note.clone(),
            })
            .collect(),
    })
}

/// The follow-through records by kind, each kind in the case's order.
fn follow_through_file(records: &[crate::follow_through::FollowThrough]) -> FollowThroughFile {
    use crate::follow_through::Record;
    let mut f = FollowThroughFile::default();
    for r in records {
        let id = r.id.clone();
        let letter = r.letter.clone();
        match &r.what {
            Record::Delivery {
                to,
                date,
                method,
                note,
            } => f.deliveries.push(sp(DeliveryEntry {
                id,
                letter,
                to: to.clone(),
                date: sp(date.to_string()),
                method: sp(method.as_str().to_owned()),
                note: note.clone(),
            })),
            Record::Response {
                from,
                date,
                action,
                summary,
                text,
                source,
            } => f.responses.push(sp(ResponseEntry {
                id,
                letter,
                from: from.clone(),
                date: sp(date.to_string()),
                action: sp(action.as_str().to_owned()),
                summary: summary.clone(),
                source: source.clone(),
                text: text.clone(),
            })),
            Record::Deadline {
                date,
                addressee,
                asked,
            } => f.deadlines.push(sp(DeadlineEntry {
                id,
                letter,
                date: sp(date.to_string()),
                addressee: addressee.clone(),
                asked: asked.clone(),
            })),
            Record::FollowUp { cites } => f.follow_ups.push(sp(FollowUpEntry {
                id,
                letter,
                cites: cites.clone(),
            })),
        }
    }
    f
}

/// `translations.toml`: records' original languages and translations, one `[[records]]` per
/// record that has either.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct TranslationsFile {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub records: Vec<S<RecordLanguagesEntry>>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RecordLanguagesEntry {
    pub kind: S<String>,
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub translations: Vec<RecordTranslationEntry>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RecordTranslationEntry {
    pub lang: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<S<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    /// SHA-256 of the original text each field was translated from.
    #[serde(default, skip_serializing_if = "FieldTexts::is_empty")]
    pub original_sha256: FieldTexts,
}

impl RecordTranslationEntry {
    /// The translated texts (the same keys as [`FieldTexts`], written inline).
    pub fn texts(&mut self) -> FieldTexts {
        FieldTexts {
            title: self.title.take(),
            name: self.name.take(),
            heading: self.heading.take(),
            summary: self.summary.take(),
            place: self.place.take(),
            text: self.text.take(),
            notes: self.notes.take(),
            note: self.note.take(),
            action: self.action.take(),
        }
    }
}

/// Every translatable field of every kind (`translation::TextKind::fields`), each optional.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FieldTexts {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
}

impl FieldTexts {
    fn slots(&mut self) -> [(&'static str, &mut Option<String>); 9] {
        [
            ("title", &mut self.title),
            ("name", &mut self.name),
            ("heading", &mut self.heading),
            ("summary", &mut self.summary),
            ("place", &mut self.place),
            ("text", &mut self.text),
            ("notes", &mut self.notes),
            ("note", &mut self.note),
            ("action", &mut self.action),
        ]
    }

    pub fn is_empty(&self) -> bool {
        [
            &self.title,
            &self.name,
            &self.heading,
            &self.summary,
            &self.place,
            &self.text,
            &self.notes,
            &self.note,
            &self.action,
        ]
        .iter()
        .all(|f| f.is_none())
    }

    /// The fields that are set, as (name, value).
    pub fn into_pairs(mut self) -> Vec<(&'static str, String)> {
        self.slots()
            .into_iter()
            .filter_map(|(n, v)| v.take().map(|v| (n, v)))
            .collect()
    }

    fn set(&mut self, name: &str, value: String) {
        if let Some((_, slot)) = self.slots().into_iter().find(|(n, _)| *n == name) {
            *slot = Some(value);
        }
    }
}

fn translations_file(records: &[crate::translation::RecordLanguages]) -> TranslationsFile {
    TranslationsFile {
        records: records
            .iter()
            .map(|r| {
                sp(RecordLanguagesEntry {
                    kind: sp(r.kind.as_str().to_owned()),
                    id: r.id.clone(),
                    original: r.original.clone(),
                    translations: r
                        .translations
                        .iter()
                        .map(|t| {
                            let mut fields = FieldTexts::default();
                            let mut original_sha256 = FieldTexts::default();
                            for f in &t.fields {
                                fields.set(&f.field, f.text.clone());
                                if let Some(sha) = &f.original_sha256 {
                                    original_sha256.set(&f.field, sha.clone());
                                }
                            }
                            RecordTranslationEntry {
                                lang: t.lang.clone(),
                                by: t.by.clone(),
                                at: t.at.map(|d| sp(d.to_string())),
                                title: fields.title,
                                name: fields.name,
                                heading: fields.heading,
                                summary: fields.summary,
                                place: fields.place,
                                text: fields.text,
                                notes: fields.notes,
                                note: fields.note,
                                action: fields.action,
                                original_sha256,
                            }
                        })
                        .collect(),
                })
            })
            .collect(),
    }
}
