//! Who may see a record: the sensitivity of incidents, actors, sources and evidence items.
//!
//! A coalition records things that can endanger the people in them: a witness's name, a victim's
//! account. Each of these records says who may see it — the public (`public`), the members of its
//! case (`case`, the default), or only the members it names and the case's owners (`restricted`).
//! A record a reader may not see does not exist for them: [`visible`] gives the case as that
//! reader may see it, with every reference to a hidden record removed, so that whatever is derived
//! from it (pages, counts, trigger status, letters, exports) cannot reveal what it left out. The
//! rule is pure and written once here; the server, the search index, letters and exports apply it.

use std::collections::HashSet;

use crate::model::{Actor, Case, Incident, Role, Source};
use crate::names::Named;

/// Who may see a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub enum Sensitivity {
    /// Anyone who may read the case, including the public of a published case.
    Public,
    /// The members of the case. The default of a record that says nothing.
    #[default]
    Case,
    /// Only the members the record names (`restricted_to`) and the case's owners.
    Restricted,
}

impl Named for Sensitivity {
    const WHAT: &'static str = "sensitivity";
    const NAMES: &'static [(Self, &'static str)] = &[
        (Self::Public, "public"),
        (Self::Case, "case"),
        (Self::Restricted, "restricted"),
    ];
}

/// A record that carries a sensitivity: an incident, an actor, a source or an evidence item.
pub trait Sensitive {
    fn sensitivity(&self) -> Sensitivity;
    /// The members (by e-mail address) who may see the record when it is restricted.
    fn restricted_to(&self) -> &[String];
}

macro_rules! sensitive {
    ($($t:ty),*) => {$(
        impl Sensitive for $t {
            fn sensitivity(&self) -> Sensitivity {
                self.sensitivity
            }
            fn restricted_to(&self) -> &[String] {
                &self.restricted_to
            }
        }
    )*};
}
sensitive!(Incident, Actor, Source, crate::evidence::Evidence);

/// A reader of a case, as far as sensitivity goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Reader<'a> {
    /// Not a member of the case (the public of a published case).
    Public,
    /// A member who is not an owner, by the e-mail address `restricted_to` names members by.
    Member(&'a str),
    /// An owner of the case (or the instance's administrator, or the operator at the command
    /// line): sees every record.
    Owner,
}

impl Reader<'_> {
    /// Whether this reader may see the record.
    pub fn may_see(&self, record: &impl Sensitive) -> bool {
        match (self, record.sensitivity()) {
            (Reader::Owner, _) | (_, Sensitivity::Public) => true,
            (Reader::Public, _) => false,
            (Reader::Member(_), Sensitivity::Case) => true,
            (Reader::Member(me), Sensitivity::Restricted) => record
                .restricted_to()
                .iter()
                .any(|who| who.eq_ignore_ascii_case(me)),
        }
    }
}

/// The ids of the records [`visible`] left out, by kind: what an export made for a reader lists
/// instead of their content.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Omitted {
    pub incidents: Vec<String>,
    pub actors: Vec<String>,
    pub sources: Vec<String>,
    pub evidence: Vec<String>,
    /// Findings about incidents that are all left out.
    pub findings: Vec<String>,
}

impl Omitted {
    pub fn is_empty(&self) -> bool {
        self.incidents.is_empty()
            && self.actors.is_empty()
            && self.sources.is_empty()
            && self.evidence.is_empty()
            && self.findings.is_empty()
    }
}

/// The case as `reader` may see it, and what was left out.
///
/// Hidden records are removed, and so is every reference to them: an incident's actors, sources
/// and files, a group's members, an instrument's parties, a mechanism's actors, a letter's
/// coordinator and addressees' actors, an observation's sources. A finding keeps only the
/// incidents the reader may see and is left out when none remain, so a trigger computed from the
/// result counts nothing the reader cannot see. An evidence item is shown only when it, and the
/// incident and source it documents, may be seen. What remains is still a valid case.
pub fn visible(case: &Case, reader: Reader<'_>) -> (Case, Omitted) {
    let mut out = case.clone();
    let mut omitted = Omitted::default();
    if reader == Reader::Owner {
        return (out, omitted);
    }
    let hidden_actors = hide(&mut out.actors, reader, |a| &a.id, &mut omitted.actors);
    let hidden_sources = hide(&mut out.sources, reader, |s| &s.id, &mut omitted.sources);
    let hidden_incidents = hide(
        &mut out.incidents,
        reader,
        |i| &i.id,
        &mut omitted.incidents,
    );
    out.evidence.retain(|e| {
        let shown = reader.may_see(e)
            && e.incident
                .as_ref()
                .is_none_or(|i| !hidden_incidents.contains(i))
            && e.source
                .as_ref()
                .is_none_or(|s| !hidden_sources.contains(s));
        if !shown {
            omitted.evidence.push(e.id.clone());
        }
        shown
    });
    let shown_files: HashSet<&str> = out.evidence.iter().map(|e| e.sha256.as_str()).collect();
    let hidden_files: HashSet<String> = case
        .evidence
        .iter()
        .filter(|e| !shown_files.contains(e.sha256.as_str()))
        .map(|e| e.sha256.clone())
        .collect();
    // Derivations name their original: a copy whose original is hidden keeps no trace of it.
    for e in &mut out.evidence {
        if e.derived_from
            .as_ref()
            .is_some_and(|d| omitted.evidence.contains(&d.original))
        {
            e.derived_from = None;
        }
    }
    let keep =
        |ids: &mut Vec<String>, hidden: &HashSet<String>| ids.retain(|i| !hidden.contains(i));
    for a in &mut out.actors {
        keep(&mut a.members, &hidden_actors);
    }
    for i in &mut out.incidents {
        keep(&mut i.sources, &hidden_sources);
        i.actors.retain(|r| !hidden_actors.contains(&r.actor));
        i.evidence.retain(|r| !hidden_files.contains(&r.sha256));
    }
    for ins in &mut out.instruments {
        keep(&mut ins.parties, &hidden_actors);
    }
    for m in &mut out.mechanisms {
        keep(&mut m.requested_by, &hidden_actors);
        keep(&mut m.responsible, &hidden_actors);
        keep(&mut m.consult, &hidden_actors);
    }
    for l in &mut out.letters {
        if l.coordinator
            .as_ref()
            .is_some_and(|c| hidden_actors.contains(c))
        {
            l.coordinator = None;
        }
        for a in &mut l.addressees {
            if a.actor.as_ref().is_some_and(|c| hidden_actors.contains(c)) {
                a.actor = None;
            }
        }
    }
    for o in &mut out.observations {
        keep(&mut o.sources, &hidden_sources);
    }
    for f in &mut out.follow_through {
        crate::follow_through::redact(f, &case.letters, &hidden_actors, &hidden_sources);
    }
    // A hidden record's translations are its text too.
    out.translations.retain(|r| {
        use crate::translation::TextKind;
        match r.kind {
            TextKind::Actor => !hidden_actors.contains(&r.id),
            TextKind::Source => !hidden_sources.contains(&r.id),
            TextKind::Incident => !hidden_incidents.contains(&r.id),
            _ => true,
        }
    });
    out.findings.retain_mut(|f| {
        keep(&mut f.incidents, &hidden_incidents);
        if f.incidents.is_empty() {
            omitted.findings.push(f.id.clone());
        }
        !f.incidents.is_empty()
    });
    (out, omitted)
}

fn hide<T: Sensitive>(
    records: &mut Vec<T>,
    reader: Reader<'_>,
    id: impl Fn(&T) -> &String,
    omitted: &mut Vec<String>,
) -> HashSet<String> {
    let mut hidden = HashSet::new();
    records.retain(|r| {
        let shown = reader.may_see(r);
        if !shown {
            hidden.insert(id(r).clone());
            omitted.push(id(r).clone());
        }
        shown
    });
    hidden
}

/// The sensitivity of an actor whose record does not say: `restricted` when some incident of the
/// case names them as a victim or a witness (their identity is protected unless a member with the
/// right marks it otherwise), `case` otherwise.
pub fn default_for_actor(actor: &str, incidents: &[Incident]) -> Sensitivity {
    let protected = incidents.iter().any(|i| {
        i.actors
            .iter()
            .any(|r| r.actor == actor && matches!(r.role, Role::Victim | Role::Witness))
    });
    if protected {
        Sensitivity::Restricted
    } else {
        Sensitivity::Case
    }
}

/// Whether `s` looks like an e-mail address (the core knows no accounts: that the address is a
/// member's is for the store to say).
pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains('@')
        && s.len() <= 254
        && !s.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// The problems of one record's sensitivity fields, as (field, message).
pub fn problems(record: &impl Sensitive) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    let named = record.restricted_to();
    if !named.is_empty() && record.sensitivity() != Sensitivity::Restricted {
        out.push((
            "restricted_to",
            "names members only a restricted record is shown to: set sensitivity = \"restricted\" or leave it out".to_owned(),
        ));
    }
    let mut seen = HashSet::new();
    for who in named {
        if !is_email(who) {
            out.push(("restricted_to", format!("{who:?} is not an e-mail address")));
        } else if !seen.insert(who.to_ascii_lowercase()) {
            out.push(("restricted_to", format!("{who:?} is named twice")));
        }
    }
    out
}
