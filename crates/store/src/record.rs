//! Records as canonical JSON: what a version of a record is, byte for byte, on every backend.
//!
//! Every version of an incident, source, finding, actor, letter text, evidence item or observation
//! is kept as this JSON, and the tamper-evident log commits to its SHA-256. `accord verify`
//! recomputes the JSON from the record as it is stored now and compares: a record edited behind
//! Accord's back (with the sqlite3 shell, say) no longer matches its last version. Keys are written in a fixed
//! order and every optional field is present (as `null`) — except a sensitivity left at its
//! default, which is absent (see `with_sensitivity`) — so equal records give equal bytes.

use accord_core::follow_through::{FollowThrough, Record};
use accord_core::{
    Actor, Evidence, Finding, Incident, Letter, Named, Observation, Sensitive, Sensitivity, Source,
};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

/// The kinds of record whose versions are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RecordKind {
    Actor,
    Source,
    Incident,
    Finding,
    Letter,
    Evidence,
    Observation,
    /// A letter's delivery, response, deadline or follow-up.
    FollowThrough,
    /// A record's original language and translations (`translations.toml`); its id is
    /// `<kind>/<record id>`.
    Translation,
}

impl RecordKind {
    pub const ALL: [RecordKind; 9] = [
        RecordKind::Actor,
        RecordKind::Source,
        RecordKind::Incident,
        RecordKind::Finding,
        RecordKind::Letter,
        RecordKind::Evidence,
        RecordKind::Observation,
        RecordKind::FollowThrough,
        RecordKind::Translation,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RecordKind::Actor => "actor",
            RecordKind::Source => "source",
            RecordKind::Incident => "incident",
            RecordKind::Finding => "finding",
            RecordKind::Letter => "letter",
            RecordKind::Evidence => "evidence",
            RecordKind::Observation => "observation",
            RecordKind::FollowThrough => "follow_through",
            RecordKind::Translation => "translation",
        }
    }

    pub fn from_name(name: &str) -> Option<RecordKind> {
        RecordKind::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

/// A record's canonical JSON and its SHA-256.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordBody {
    pub kind: RecordKind,
    pub id: String,
    pub json: String,
    pub sha256: String,
    /// Whether the record is `restricted`: its versions are then kept sealed when the instance
    /// has keys.
    pub restricted: bool,
}

impl RecordBody {
    fn new(kind: RecordKind, id: &str, value: &Value) -> RecordBody {
        let restricted = value.get("sensitivity").and_then(Value::as_str)
            == Some(Sensitivity::Restricted.as_str());
        RecordBody::hashed(kind, id, value.to_string(), restricted)
    }

    /// A body from canonical JSON already written (see [`actor`], [`source`], [`incident`]).
    fn from_json(kind: RecordKind, id: &str, json: String, sensitivity: Sensitivity) -> RecordBody {
        RecordBody::hashed(kind, id, json, sensitivity == Sensitivity::Restricted)
    }

    /// The body of `json`, with its SHA-256.
    fn hashed(kind: RecordKind, id: &str, json: String, restricted: bool) -> RecordBody {
        let sha256 = hex::encode(Sha256::digest(json.as_bytes()));
        RecordBody {
            kind,
            id: id.to_owned(),
            json,
            sha256,
            restricted,
        }
    }

    /// `kind/id`, as the log names a record.
    pub fn log_name(&self) -> String {
        format!("{}/{}", self.kind.as_str(), self.id)
    }
}

/// A record's sensitivity in its canonical JSON: `sensitivity` and `restricted_to` are there
/// only when they are not the default (`case`, nobody named), so a record written before
/// sensitivity existed keeps the hash its logged versions have, and every change of sensitivity
/// is a new version of the record, hashed and logged like any other change.
fn with_sensitivity(mut v: Value, r: &impl Sensitive) -> Value {
    if let Value::Object(map) = &mut v {
        if r.sensitivity() != Sensitivity::Case {
            map.insert("sensitivity".into(), r.sensitivity().as_str().into());
        }
        if !r.restricted_to().is_empty() {
            map.insert("restricted_to".into(), r.restricted_to().into());
        }
    }
    v
}

pub fn actor(a: &Actor) -> RecordBody {
    let json = canonical(&ActorJson {
        aliases: &a.aliases,
        country: a.country.as_deref(),
        id: &a.id,
        kind: a.kind.as_str(),
        members: &a.members,
        name: &a.name,
        restricted_to: &a.restricted_to,
        sensitivity: not_default(a.sensitivity),
    });
    RecordBody::from_json(RecordKind::Actor, &a.id, json, a.sensitivity)
}

pub fn source(s: &Source) -> RecordBody {
    let json = canonical(&SourceJson {
        accessed: s.accessed.map(|d| d.to_string()),
        authors: &s.authors,
        date: s.date.map(|d| d.to_string()),
        id: &s.id,
        note: s.note.as_deref(),
        publisher: s.publisher.as_deref(),
        restricted_to: &s.restricted_to,
        sensitivity: not_default(s.sensitivity),
        title: &s.title,
        url: s.url.as_deref(),
    });
    RecordBody::from_json(RecordKind::Source, &s.id, json, s.sensitivity)
}

pub fn incident(i: &Incident) -> RecordBody {
    let json = canonical(&IncidentJson {
        actors: i
            .actors
            .iter()
            .map(|a| ActorRoleJson {
                actor: &a.actor,
                role: a.role.as_str(),
            })
            .collect(),
        date: i.date.to_string(),
        evidence: i
            .evidence
            .iter()
            .map(|e| EvidenceRefJson {
                media_type: e.media_type.as_deref(),
                name: &e.name,
                sha256: &e.sha256,
            })
            .collect(),
        id: &i.id,
        kind: i.kind.as_str(),
        place: i.place.as_deref(),
        restricted_to: &i.restricted_to,
        sensitivity: not_default(i.sensitivity),
        sources: &i.sources,
        summary: i.summary.as_deref(),
        themes: &i.themes,
        title: &i.title,
    });
    RecordBody::from_json(RecordKind::Incident, &i.id, json, i.sensitivity)
}

// The canonical JSON of the records an import brings by the hundred thousand (actors, sources,
// incidents), written straight from the record: building a `serde_json::Value` first (a map of
// owned keys and copied strings per record) was a large share of an import's time. The fields
// are declared in the order `Value`'s map writes its keys (sorted by bytes, serde_json without
// `preserve_order`), and the two sensitivity fields only when they are not the default, as
// `with_sensitivity` does: the bytes are the same (tested against the `json!` form below).

/// Compact JSON of a record's fields (serialising borrowed strings and numbers cannot fail; an
/// empty body would not verify, so the error path is still safe).
fn canonical(fields: &impl serde::Serialize) -> String {
    serde_json::to_string(fields).unwrap_or_default()
}

/// A sensitivity as the canonical JSON has it: absent at the default.
fn not_default(s: Sensitivity) -> Option<&'static str> {
    (s != Sensitivity::Case).then(|| s.as_str())
}

#[derive(serde::Serialize)]
struct ActorJson<'a> {
    aliases: &'a [String],
    country: Option<&'a str>,
    id: &'a str,
    kind: &'a str,
    members: &'a [String],
    name: &'a str,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    restricted_to: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    sensitivity: Option<&'static str>,
}

#[derive(serde::Serialize)]
struct SourceJson<'a> {
    accessed: Option<String>,
    authors: &'a [String],
    date: Option<String>,
    id: &'a str,
    note: Option<&'a str>,
    publisher: Option<&'a str>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    restricted_to: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    sensitivity: Option<&'static str>,
    title: &'a str,
    url: Option<&'a str>,
}

#[derive(serde::Serialize)]
struct IncidentJson<'a> {
    actors: Vec<ActorRoleJson<'a>>,
    date: String,
    evidence: Vec<EvidenceRefJson<'a>>,
    id: &'a str,
    kind: &'a str,
    place: Option<&'a str>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    restricted_to: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    sensitivity: Option<&'static str>,
    sources: &'a [String],
    summary: Option<&'a str>,
    themes: &'a [String],
    title: &'a str,
}

#[derive(serde::Serialize)]
struct ActorRoleJson<'a> {
    actor: &'a str,
    role: &'a str,
}

#[derive(serde::Serialize)]
struct EvidenceRefJson<'a> {
    media_type: Option<&'a str>,
    name: &'a str,
    sha256: &'a str,
}

pub fn finding(f: &Finding) -> RecordBody {
    let v = json!({
        "id": f.id,
        "incidents": f.incidents,
        "provision": f.provision.to_string(),
        "verdict": f.verdict.as_str(),
        "status": f.status.as_str(),
        "rationale": f.rationale,
        "author": f.author,
        "reviewed_by": f.reviewed_by,
    });
    RecordBody::new(RecordKind::Finding, &f.id, &v)
}

/// A letter's text and addressing; its signatories change through sign-on and are logged there.
pub fn letter(l: &Letter) -> RecordBody {
    let addressees: Vec<Value> = l
        .addressees
        .iter()
        .map(|a| {
            json!({
                "name": a.name, "title": a.title, "organisation": a.organisation,
                "role": a.role, "actor": a.actor,
            })
        })
        .collect();
    let v = json!({
        "id": l.id,
        "title": l.title,
        "date": l.date.to_string(),
        "place": l.place,
        "language": l.language,
        "coordinator": l.coordinator,
        "body": l.body,
        "closing": l.closing,
        "signatory_order": l.signatory_order.as_str(),
        "addressees": addressees,
        "cc": l.cc,
    });
    RecordBody::new(RecordKind::Letter, &l.id, &with_versions(v, l))
}

/// A letter's language versions in its canonical JSON (`versions`: their wording, who translated
/// them, when and from which original; not their signatures, as the letter's own signatories
/// are not in it), only when it has some, so a letter written before versions existed keeps the
/// hash its logged versions have; adding or changing a version is a new version of the letter.
fn with_versions(mut v: Value, l: &Letter) -> Value {
    if let (Value::Object(map), false) = (&mut v, l.versions.is_empty()) {
        let versions: Vec<Value> = l
            .versions
            .iter()
            .map(|x| {
                let mut version = json!({
                    "lang": x.lang, "title": x.title, "place": x.place, "body": x.body,
                    "closing": x.closing, "translated_by": x.translated_by,
                    "translated_at": x.translated_at.map(|d| d.to_string()),
                    "original_sha256": x.original_sha256,
                });
                // The addressees and CC in the version's language, only when it has them, so a
                // version written before they could be translated keeps its hash.
                if let Value::Object(m) = &mut version {
                    if !x.addressees.is_empty() {
                        let list = x.addressees.iter().map(|a| {
                            json!({
                                "name": a.name, "title": a.title,
                                "organisation": a.organisation, "role": a.role,
                            })
                        });
                        m.insert("addressees".into(), Value::Array(list.collect()));
                    }
                    if !x.cc.is_empty() {
                        m.insert("cc".into(), json!(x.cc));
                    }
                }
                version
            })
            .collect();
        map.insert("versions".into(), Value::Array(versions));
    }
    v
}

/// An evidence item's record (its custody log is appended to separately, each event logged).
pub fn evidence(e: &Evidence) -> RecordBody {
    let c = &e.capture;
    let v = json!({
        "id": e.id,
        "sha256": e.sha256,
        "size": e.size,
        "media_type": e.media_type,
        "file": e.file,
        "incident": e.incident,
        "source": e.source,
        "note": e.note,
        "capture": {
            "captured_at": c.captured_at, "captured_by": c.captured_by,
            "source_url": c.source_url, "method": c.method, "tool": c.tool, "place": c.place,
        },
        "derived_from": e.derived_from.as_ref().map(|d| json!({"original": d.original, "what": d.what})),
    });
    let v = with_sensitivity(v, e);
    RecordBody::new(RecordKind::Evidence, &e.id, &v)
}

/// An implementation observation (its review status and reviewer included: a review is a new
/// version).
pub fn observation(o: &Observation) -> RecordBody {
    let v = json!({
        "id": o.id,
        "provision": o.provision.to_string(),
        "date": o.date.to_string(),
        "score": o.score.value(),
        "sources": o.sources,
        "coded_by": o.coded_by,
        "note": o.note,
        "status": o.status.as_str(),
        "reviewed_by": o.reviewed_by,
    });
    RecordBody::new(RecordKind::Observation, &o.id, &v)
}

/// A letter's follow-through record: its kind and every field of that kind.
pub fn follow_through(f: &FollowThrough) -> RecordBody {
    let v = match &f.what {
        Record::Delivery {
            to,
            date,
            method,
            note,
        } => json!({
            "id": f.id, "kind": f.what.kind(), "letter": f.letter, "to": to,
            "date": date.to_string(), "method": method.as_str(), "note": note,
        }),
        Record::Response {
            from,
            date,
            action,
            summary,
            text,
            source,
        } => json!({
            "id": f.id, "kind": f.what.kind(), "letter": f.letter, "from": from,
            "date": date.to_string(), "action": action.as_str(), "summary": summary,
            "text": text, "source": source,
        }),
        Record::Deadline {
            date,
            addressee,
            asked,
        } => json!({
            "id": f.id, "kind": f.what.kind(), "letter": f.letter, "date": date.to_string(),
            "addressee": addressee, "asked": asked,
        }),
        Record::FollowUp { cites } => json!({
            "id": f.id, "kind": f.what.kind(), "letter": f.letter, "cites": cites,
        }),
    };
    RecordBody::new(RecordKind::FollowThrough, &f.id, &v)
}

/// Every versioned record of a case, in a fixed order.
pub fn all(case: &accord_core::Case) -> Vec<RecordBody> {
    bodies(case).collect()
}

/// [`all`], one body at a time: a bulk import of a million records takes them a batch at a
/// time, so their canonical JSON is never all in memory at once.
pub fn bodies(case: &accord_core::Case) -> impl Iterator<Item = RecordBody> + '_ {
    case.actors
        .iter()
        .map(actor)
        .chain(case.sources.iter().map(source))
        .chain(case.incidents.iter().map(incident))
        .chain(case.findings.iter().map(finding))
        .chain(case.letters.iter().map(letter))
        .chain(case.evidence.iter().map(evidence))
        .chain(case.observations.iter().map(observation))
        .chain(case.follow_through.iter().map(follow_through))
        .chain(case.translations.iter().map(translation))
}

/// A record's languages: a version of their own, so a translation added or changed is logged.
pub fn translation(r: &accord_core::RecordLanguages) -> RecordBody {
    RecordBody::new(
        RecordKind::Translation,
        &crate::translations::log_id(r.kind, &r.id),
        &crate::translations::to_json(r),
    )
}

#[cfg(test)]
mod tests {
    use accord_core::{ActorKind, ActorRole, DateSpec, EvidenceRef, IncidentKind, Role};

    use super::*;

    // The bodies as they were written before the derived forms: through `json!` and
    // `with_sensitivity`. Every logged version's SHA-256 was taken over these bytes, so the
    // derived forms must write them exactly.
    fn actor_value(a: &Actor) -> String {
        let v = json!({
            "id": a.id, "kind": a.kind.as_str(), "name": a.name, "aliases": a.aliases,
            "country": a.country, "members": a.members,
        });
        with_sensitivity(v, a).to_string()
    }

    fn source_value(s: &Source) -> String {
        let v = json!({
            "id": s.id, "authors": s.authors, "title": s.title, "publisher": s.publisher,
            "date": s.date.map(|d| d.to_string()), "url": s.url,
            "accessed": s.accessed.map(|d| d.to_string()), "note": s.note,
        });
        with_sensitivity(v, s).to_string()
    }

    fn incident_value(i: &Incident) -> String {
        let actors: Vec<Value> = i
            .actors
            .iter()
            .map(|a| json!({"actor": a.actor, "role": a.role.as_str()}))
            .collect();
        let evidence: Vec<Value> = i
            .evidence
            .iter()
            .map(|e| json!({"sha256": e.sha256, "name": e.name, "media_type": e.media_type}))
            .collect();
        let v = json!({
            "id": i.id, "date": i.date.to_string(), "title": i.title, "kind": i.kind.as_str(),
            "summary": i.summary, "place": i.place, "themes": i.themes, "sources": i.sources,
            "actors": actors, "evidence": evidence,
        });
        with_sensitivity(v, i).to_string()
    }

    fn date(text: &str) -> DateSpec {
        text.parse()
            .unwrap_or(DateSpec::At(accord_core::date::Point::Year(2017)))
    }

    /// Text that JSON escapes or that is not ASCII: quotes, backslashes, control characters,
    /// Khmer, a line break.
    const AWKWARD: &str = "Quote \" back\\slash \u{1} tab\t ការចាប់ខ្លួន\nline";

    #[test]
    fn derived_bodies_are_the_bytes_json_values_wrote() {
        for sensitivity in [
            Sensitivity::Case,
            Sensitivity::Public,
            Sensitivity::Restricted,
        ] {
            for restricted_to in [vec![], vec!["a@example.org".to_owned()]] {
                let a = Actor {
                    id: "actor-1".into(),
                    kind: ActorKind::GovernmentBody,
                    name: AWKWARD.into(),
                    aliases: vec!["x".into(), AWKWARD.into()],
                    country: Some("Cambodia".into()),
                    members: vec![],
                    sensitivity,
                    restricted_to: restricted_to.clone(),
                };
                let bare = Actor {
                    country: None,
                    aliases: vec![],
                    ..a.clone()
                };
                for a in [a, bare] {
                    let body = actor(&a);
                    assert_eq!(body.json, actor_value(&a));
                    assert_eq!(body.restricted, sensitivity == Sensitivity::Restricted);
                }
                let s = Source {
                    id: "src-1".into(),
                    authors: vec![AWKWARD.into()],
                    title: "Title".into(),
                    publisher: Some(AWKWARD.into()),
                    date: Some(date("2017-09")),
                    url: Some("https://example.org/?a=1&b=\"2\"".into()),
                    accessed: "2017-10-23".parse().ok(),
                    note: Some(AWKWARD.into()),
                    sensitivity,
                    restricted_to: restricted_to.clone(),
                };
                for s in [
                    s.clone(),
                    Source {
                        id: "src-2".into(),
                        ..Source::default()
                    },
                ] {
                    assert_eq!(source(&s).json, source_value(&s));
                }
                let i = Incident {
                    id: "KHM1".into(),
                    date: date("2017-09-03"),
                    title: AWKWARD.into(),
                    kind: IncidentKind::Arrest,
                    summary: Some(AWKWARD.into()),
                    place: Some("Phnom Penh".into()),
                    themes: vec!["Protests".into(), AWKWARD.into()],
                    sources: vec!["src-1".into()],
                    actors: vec![
                        ActorRole {
                            actor: "actor-1".into(),
                            role: Role::Perpetrator,
                        },
                        ActorRole {
                            actor: "actor-2".into(),
                            role: Role::Target,
                        },
                    ],
                    evidence: vec![EvidenceRef {
                        sha256: "ab".repeat(32),
                        name: AWKWARD.into(),
                        media_type: Some("image/jpeg".into()),
                    }],
                    sensitivity,
                    restricted_to: restricted_to.clone(),
                };
                let bare = Incident {
                    summary: None,
                    place: None,
                    themes: vec![],
                    sources: vec![],
                    actors: vec![],
                    evidence: vec![],
                    date: date("2017"),
                    ..i.clone()
                };
                for i in [i, bare] {
                    let body = incident(&i);
                    assert_eq!(body.json, incident_value(&i));
                    assert_eq!(
                        body.sha256,
                        hex::encode(Sha256::digest(incident_value(&i).as_bytes()))
                    );
                }
            }
        }
    }
}
