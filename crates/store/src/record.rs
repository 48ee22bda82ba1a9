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
        let json = value.to_string();
        let sha256 = hex::encode(Sha256::digest(json.as_bytes()));
        RecordBody {
            kind,
            id: id.to_owned(),
            json,
            sha256,
            restricted: value.get("sensitivity").and_then(Value::as_str)
                == Some(Sensitivity::Restricted.as_str()),
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
    let v = json!({
        "id": a.id,
        "kind": a.kind.as_str(),
        "name": a.name,
        "aliases": a.aliases,
        "country": a.country,
        "members": a.members,
    });
    let v = with_sensitivity(v, a);
    RecordBody::new(RecordKind::Actor, &a.id, &v)
}

pub fn source(s: &Source) -> RecordBody {
    let v = json!({
        "id": s.id,
        "authors": s.authors,
        "title": s.title,
        "publisher": s.publisher,
        "date": s.date.map(|d| d.to_string()),
        "url": s.url,
        "accessed": s.accessed.map(|d| d.to_string()),
        "note": s.note,
    });
    let v = with_sensitivity(v, s);
    RecordBody::new(RecordKind::Source, &s.id, &v)
}

pub fn incident(i: &Incident) -> RecordBody {
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
        "id": i.id,
        "date": i.date.to_string(),
        "title": i.title,
        "kind": i.kind.as_str(),
        "summary": i.summary,
        "place": i.place,
        "themes": i.themes,
        "sources": i.sources,
        "actors": actors,
        "evidence": evidence,
    });
    let v = with_sensitivity(v, i);
    RecordBody::new(RecordKind::Incident, &i.id, &v)
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
