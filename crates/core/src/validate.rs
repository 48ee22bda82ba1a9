//! Validation of a whole case, reporting every problem at once.
//!
//! A researcher fixing a bundle wants the full list, not one error per run. Problems are located in
//! domain terms (which record, which field); the bundle loader turns that into file and line.

use std::collections::{HashMap, HashSet};
use std::fmt;

use crate::citation::Citation;
use crate::model::{Actor, Case, Finding, Incident, Provision, SignatoryOrder, Source, TextStatus};

/// Which record a problem is in, by position in the case's lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Entity {
    Case,
    Instrument(usize),
    /// (instrument index, provision index within it)
    Provision(usize, usize),
    Actor(usize),
    Source(usize),
    Incident(usize),
    Finding(usize),
    Mechanism(usize),
    Letter(usize),
    Election(usize),
    Evidence(usize),
    Observation(usize),
    FollowThrough(usize),
    /// A record's languages (`Case::translations`).
    Translation(usize),
}

/// One problem: where, which field, what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub entity: Entity,
    /// Field path inside the record, e.g. `provision` or `actors[1].actor`.
    pub field: String,
    pub message: String,
}

/// A case that passed [`validate`]: every reference resolves, every id is unique.
///
/// Functions that rely on that (trigger evaluation, letter composition) take this type, so the
/// precondition is in the signature rather than re-checked inside. Because ids are unique, a valid
/// case also keeps an index from id (or citation) to position: its lookups (`incident`, `source`,
/// ...) take constant time, where [`Case`]'s scan the list — which matters when a dashboard
/// follows a thousand findings into a case of a hundred thousand incidents and sources.
#[derive(Debug, Clone)]
pub struct ValidCase {
    case: Case,
    index: Index,
}

/// Positions of a valid case's records by id.
#[derive(Debug, Clone, Default)]
struct Index {
    actors: HashMap<String, usize>,
    sources: HashMap<String, usize>,
    incidents: HashMap<String, usize>,
    findings: HashMap<String, usize>,
    /// (instrument position, provision position) by citation.
    provisions: HashMap<Citation, (usize, usize)>,
}

fn positions<'a>(ids: impl Iterator<Item = &'a String>) -> HashMap<String, usize> {
    ids.enumerate().map(|(i, id)| (id.clone(), i)).collect()
}

impl Index {
    fn of(case: &Case) -> Self {
        let mut provisions = HashMap::new();
        for (i, inst) in case.instruments.iter().enumerate() {
            for (j, p) in inst.provisions.iter().enumerate() {
                provisions.entry(p.citation.clone()).or_insert((i, j));
            }
        }
        Self {
            actors: positions(case.actors.iter().map(|a| &a.id)),
            sources: positions(case.sources.iter().map(|s| &s.id)),
            incidents: positions(case.incidents.iter().map(|i| &i.id)),
            findings: positions(case.findings.iter().map(|f| &f.id)),
            provisions,
        }
    }
}

impl PartialEq for ValidCase {
    fn eq(&self, other: &Self) -> bool {
        self.case == other.case
    }
}

impl ValidCase {
    fn new(case: Case) -> Self {
        let index = Index::of(&case);
        Self { case, index }
    }
    pub fn case(&self) -> &Case {
        &self.case
    }
    pub fn into_case(self) -> Case {
        self.case
    }
    pub fn provision(&self, citation: &Citation) -> Option<&Provision> {
        let (i, j) = *self.index.provisions.get(citation)?;
        self.case.instruments.get(i)?.provisions.get(j)
    }
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.case.actors.get(*self.index.actors.get(id)?)
    }
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.case.sources.get(*self.index.sources.get(id)?)
    }
    pub fn incident(&self, id: &str) -> Option<&Incident> {
        self.case.incidents.get(*self.index.incidents.get(id)?)
    }
    pub fn finding(&self, id: &str) -> Option<&Finding> {
        self.case.findings.get(*self.index.findings.get(id)?)
    }
    pub fn evidence_item(&self, id: &str) -> Option<&crate::evidence::Evidence> {
        self.case.evidence.iter().find(|e| e.id == id)
    }
}

impl std::ops::Deref for ValidCase {
    type Target = Case;
    fn deref(&self) -> &Case {
        &self.case
    }
}

/// Every problem found in a case.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct Problems(pub Vec<Problem>);

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{:?}: {}: {}", p.entity, p.field, p.message)?;
        }
        Ok(())
    }
}

/// Check a case; on success it becomes a [`ValidCase`].
pub fn validate(case: Case) -> Result<ValidCase, Problems> {
    let problems = problems(&case);
    if problems.is_empty() {
        Ok(ValidCase::new(case))
    } else {
        Err(Problems(problems))
    }
}

/// Problems of one incident, checked against the ids its case knows (a web form edits one
/// record at a time; the case around it is already valid).
pub fn incident_problems(
    inc: &Incident,
    actor_exists: &dyn Fn(&str) -> bool,
    source_exists: &dyn Fn(&str) -> bool,
) -> Vec<Problem> {
    let mut v = Checker { out: Vec::new() };
    if !is_id(&inc.id) {
        v.push(
            Entity::Incident(0),
            "id",
            format!("{:?} is not an id", inc.id),
        );
    }
    v.incident(Entity::Incident(0), inc, actor_exists, source_exists);
    v.out
}

/// Problems of one source (a web form adds one at a time). The bundle import runs the same
/// checks on every source of a case.
pub fn source_problems(s: &Source) -> Vec<Problem> {
    let mut v = Checker { out: Vec::new() };
    if !is_id(&s.id) {
        v.push(Entity::Source(0), "id", format!("{:?} is not an id", s.id));
    }
    v.source(Entity::Source(0), s);
    v.out
}

/// Problems of one finding, checked against the ids and provisions its case knows.
pub fn finding_problems(
    f: &Finding,
    incident_exists: &dyn Fn(&str) -> bool,
    provision_exists: &dyn Fn(&Citation) -> bool,
) -> Vec<Problem> {
    let mut v = Checker { out: Vec::new() };
    if !is_id(&f.id) {
        v.push(Entity::Finding(0), "id", format!("{:?} is not an id", f.id));
    }
    v.finding(Entity::Finding(0), f, incident_exists, provision_exists);
    v.out
}

/// Every problem in the case, in a stable order (by record, then as found).
pub fn problems(case: &Case) -> Vec<Problem> {
    let mut v = Checker { out: Vec::new() };
    v.case(case);
    v.out.sort_by_key(|p| p.entity);
    v.out
}

struct Checker {
    out: Vec<Problem>,
}

/// Ids of one kind, with the index of their first appearance.
fn index<'a>(ids: impl Iterator<Item = &'a str>) -> HashMap<&'a str, usize> {
    let mut m = HashMap::new();
    for (i, id) in ids.enumerate() {
        m.entry(id).or_insert(i);
    }
    m
}

impl Checker {
    fn push(&mut self, entity: Entity, field: impl Into<String>, message: impl Into<String>) {
        self.out.push(Problem {
            entity,
            field: field.into(),
            message: message.into(),
        });
    }

    fn id(&mut self, entity: Entity, id: &str, seen: &mut HashSet<String>, what: &str) {
        if !is_id(id) {
            self.push(
                entity,
                "id",
                format!(
                    "{id:?} is not an id (1-100 ASCII letters, digits, '.', '_' or '-', starting with a letter or digit)"
                ),
            );
        }
        if !seen.insert(id.to_owned()) {
            self.push(entity, "id", format!("duplicate {what} id {id:?}"));
        }
    }

    fn required(&mut self, entity: Entity, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.push(entity, field, "must not be empty");
        }
    }

    /// The checks of a source besides its id.
    fn source(&mut self, e: Entity, s: &Source) {
        self.required(e, "title", &s.title);
        self.sensitive(e, s);
        // The address becomes a link on every page that cites the source: anything but a web
        // address (`javascript:`, `data:`) would run or load in the reader's browser.
        self.web_url(e, "url", s.url.as_deref());
    }

    /// The sensitivity fields of an incident, actor or source.
    fn sensitive(&mut self, e: Entity, record: &impl crate::sensitivity::Sensitive) {
        for (field, message) in crate::sensitivity::problems(record) {
            self.push(e, field, message);
        }
    }

    /// An address that pages and letters turn into a link: a web address or nothing.
    fn web_url(&mut self, e: Entity, field: &str, url: Option<&str>) {
        if let Some(url) = url
            && !is_web_url(url)
        {
            self.push(
                e,
                field,
                format!("{url:?} is not a web address starting with https:// or http://"),
            );
        }
    }

    fn refs(
        &mut self,
        entity: Entity,
        field: &str,
        ids: &[String],
        known: &HashMap<&str, usize>,
        what: &str,
    ) {
        for (i, id) in ids.iter().enumerate() {
            if !known.contains_key(id.as_str()) {
                self.push(
                    entity,
                    format!("{field}[{i}]"),
                    format!("no {what} {id:?} in this case"),
                );
            }
        }
    }

    fn case(&mut self, case: &Case) {
        if !is_id(&case.id) {
            self.push(Entity::Case, "id", format!("{:?} is not an id", case.id));
        }
        self.required(Entity::Case, "title", &case.title);
        if let Some(c) = &case.country
            && !(c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()))
        {
            self.push(
                Entity::Case,
                "country",
                format!("{c:?} is not an ISO 3166-1 alpha-2 code such as \"KH\""),
            );
        }

        let actors = index(case.actors.iter().map(|a| a.id.as_str()));
        let sources = index(case.sources.iter().map(|s| s.id.as_str()));
        let incidents = index(case.incidents.iter().map(|i| i.id.as_str()));
        let instruments = index(case.instruments.iter().map(|i| i.id.as_str()));
        let provisions: HashSet<&Citation> = case.provisions().map(|p| &p.citation).collect();

        self.instruments(case, &actors, &instruments);
        self.actors(case, &actors);
        let mut seen = HashSet::new();
        for (i, s) in case.sources.iter().enumerate() {
            let e = Entity::Source(i);
            self.id(e, &s.id, &mut seen, "source");
            self.source(e, s);
        }
        self.incidents(case, &actors, &sources);
        self.findings(case, &incidents, &provisions);
        self.mechanisms(case, &actors, &instruments, &provisions);
        self.letters(case, &actors);
        let mut seen = HashSet::new();
        for (i, el) in case.elections.iter().enumerate() {
            self.id(Entity::Election(i), &el.id, &mut seen, "election");
        }
        self.out.extend(crate::evidence::case_problems(
            &case.evidence,
            &incidents,
            &sources,
        ));
        self.out.extend(crate::observation::case_problems(case));
        self.out.extend(crate::follow_through::case_problems(case));
        self.out.extend(crate::translation::case_problems(case));
    }

    fn instruments(
        &mut self,
        case: &Case,
        actors: &HashMap<&str, usize>,
        instruments: &HashMap<&str, usize>,
    ) {
        let mut seen = HashSet::new();
        let mut cites = HashSet::new();
        for (i, ins) in case.instruments.iter().enumerate() {
            let e = Entity::Instrument(i);
            self.id(e, &ins.id, &mut seen, "instrument");
            self.required(e, "title", &ins.title);
            self.refs(e, "parties", &ins.parties, actors, "actor");
            self.web_url(e, "url", ins.url.as_deref());
            if let Some(p) = &ins.parent {
                if p == &ins.id {
                    self.push(e, "parent", "an instrument cannot be its own parent");
                } else if !instruments.contains_key(p.as_str()) {
                    self.push(e, "parent", format!("no instrument {p:?} in this case"));
                } else if parent_cycle(case, i) {
                    self.push(
                        e,
                        "parent",
                        format!("parent {p:?} leads back to {:?}", ins.id),
                    );
                }
            }
            for (j, p) in ins.provisions.iter().enumerate() {
                let e = Entity::Provision(i, j);
                if p.citation.instrument() != ins.id {
                    self.push(
                        e,
                        "cite",
                        format!(
                            "{} belongs to instrument {:?}, not {:?}",
                            p.citation,
                            p.citation.instrument(),
                            ins.id
                        ),
                    );
                }
                if !cites.insert(p.citation.clone()) {
                    self.push(e, "cite", format!("duplicate provision {}", p.citation));
                }
                match (p.status, &p.text) {
                    (TextStatus::Missing, Some(_)) => {
                        self.push(e, "text", "text_status is \"missing\" but a text is given");
                    }
                    (TextStatus::Missing, None) => {}
                    (_, None) => self.push(
                        e,
                        "text",
                        "no text given: set text_status = \"missing\" if it is not available",
                    ),
                    (_, Some(t)) if t.trim().is_empty() => {
                        self.push(e, "text", "must not be empty");
                    }
                    (_, Some(_)) => {
                        if p.text_source.as_deref().is_none_or(|s| s.trim().is_empty()) {
                            self.push(e, "text_source", "say where the text comes from");
                        }
                    }
                }
                for (k, t) in p.translations.iter().enumerate() {
                    if t.status == TextStatus::Missing {
                        self.push(
                            e,
                            format!("translations[{k}].status"),
                            "a translation that is missing should be left out",
                        );
                    }
                    if t.text.trim().is_empty() {
                        self.push(e, format!("translations[{k}].text"), "must not be empty");
                    }
                    if t.lang.trim().is_empty() {
                        self.push(e, format!("translations[{k}].lang"), "must not be empty");
                    }
                }
            }
        }
    }

    fn actors(&mut self, case: &Case, actors: &HashMap<&str, usize>) {
        let mut seen = HashSet::new();
        for (i, a) in case.actors.iter().enumerate() {
            let e = Entity::Actor(i);
            self.id(e, &a.id, &mut seen, "actor");
            self.required(e, "name", &a.name);
            self.sensitive(e, a);
            self.refs(e, "members", &a.members, actors, "actor");
            if a.members.iter().any(|m| m == &a.id) {
                self.push(e, "members", "an actor cannot be its own member");
            }
        }
    }

    fn incidents(
        &mut self,
        case: &Case,
        actors: &HashMap<&str, usize>,
        sources: &HashMap<&str, usize>,
    ) {
        let mut seen = HashSet::new();
        for (i, inc) in case.incidents.iter().enumerate() {
            let e = Entity::Incident(i);
            self.id(e, &inc.id, &mut seen, "incident");
            self.incident(e, inc, &|a| actors.contains_key(a), &|s| {
                sources.contains_key(s)
            });
        }
    }

    /// The checks of one incident that do not depend on its siblings.
    fn incident(
        &mut self,
        e: Entity,
        inc: &Incident,
        actor_exists: &dyn Fn(&str) -> bool,
        source_exists: &dyn Fn(&str) -> bool,
    ) {
        self.required(e, "title", &inc.title);
        self.sensitive(e, inc);
        for (k, s) in inc.sources.iter().enumerate() {
            if !source_exists(s) {
                self.push(
                    e,
                    format!("sources[{k}]"),
                    format!("no source {s:?} in this case"),
                );
            }
        }
        for (k, ar) in inc.actors.iter().enumerate() {
            if !actor_exists(&ar.actor) {
                self.push(
                    e,
                    format!("actors[{k}].actor"),
                    format!("no actor {:?} in this case", ar.actor),
                );
            }
        }
        for (k, ev) in inc.evidence.iter().enumerate() {
            if !is_sha256(&ev.sha256) {
                self.push(
                    e,
                    format!("evidence[{k}].sha256"),
                    format!("{:?} is not 64 lower-case hexadecimal digits", ev.sha256),
                );
            }
            self.required(e, &format!("evidence[{k}].name"), &ev.name);
        }
    }

    fn findings(
        &mut self,
        case: &Case,
        incidents: &HashMap<&str, usize>,
        provisions: &HashSet<&Citation>,
    ) {
        let mut seen = HashSet::new();
        for (i, f) in case.findings.iter().enumerate() {
            let e = Entity::Finding(i);
            self.id(e, &f.id, &mut seen, "finding");
            self.finding(e, f, &|id| incidents.contains_key(id), &|c| {
                provisions.contains(c)
            });
        }
    }

    /// The checks of one finding that do not depend on its siblings.
    fn finding(
        &mut self,
        e: Entity,
        f: &Finding,
        incident_exists: &dyn Fn(&str) -> bool,
        provision_exists: &dyn Fn(&Citation) -> bool,
    ) {
        if f.incidents.is_empty() {
            self.push(e, "incidents", "a finding needs at least one incident");
        }
        for (k, id) in f.incidents.iter().enumerate() {
            if !incident_exists(id) {
                self.push(
                    e,
                    format!("incidents[{k}]"),
                    format!("no incident {id:?} in this case"),
                );
            }
        }
        if !provision_exists(&f.provision) {
            self.push(
                e,
                "provision",
                format!("no provision {} in this case", f.provision),
            );
        }
        self.required(e, "rationale", &f.rationale);
    }

    fn mechanisms(
        &mut self,
        case: &Case,
        actors: &HashMap<&str, usize>,
        instruments: &HashMap<&str, usize>,
        provisions: &HashSet<&Citation>,
    ) {
        let mut seen = HashSet::new();
        for (i, m) in case.mechanisms.iter().enumerate() {
            let e = Entity::Mechanism(i);
            self.id(e, &m.id, &mut seen, "mechanism");
            self.required(e, "name", &m.name);
            if !provisions.contains(&m.provision) {
                self.push(
                    e,
                    "provision",
                    format!("no provision {} in this case", m.provision),
                );
            }
            if m.counts.is_empty() {
                self.push(
                    e,
                    "counts",
                    "list the verdicts that count, e.g. [\"violation\"]",
                );
            }
            if m.scope_instruments.is_empty() && m.scope_provisions.is_empty() {
                self.push(
                    e,
                    "scope_instruments",
                    "the scope is empty: name instruments or provisions",
                );
            }
            self.refs(
                e,
                "scope_instruments",
                &m.scope_instruments,
                instruments,
                "instrument",
            );
            for (k, c) in m.scope_provisions.iter().enumerate() {
                if !provisions.iter().any(|p| c.covers(p)) {
                    self.push(
                        e,
                        format!("scope_provisions[{k}]"),
                        format!("{c} covers no provision in this case"),
                    );
                }
            }
            self.refs(e, "requested_by", &m.requested_by, actors, "actor");
            self.refs(e, "responsible", &m.responsible, actors, "actor");
            self.refs(e, "consult", &m.consult, actors, "actor");
        }
    }

    fn letters(&mut self, case: &Case, actors: &HashMap<&str, usize>) {
        let mut seen = HashSet::new();
        for (i, l) in case.letters.iter().enumerate() {
            let e = Entity::Letter(i);
            self.id(e, &l.id, &mut seen, "letter");
            self.required(e, "title", &l.title);
            self.required(e, "language", &l.language);
            if let Some(c) = &l.coordinator
                && !actors.contains_key(c.as_str())
            {
                self.push(e, "coordinator", format!("no actor {c:?} in this case"));
            }
            for (k, a) in l.addressees.iter().enumerate() {
                self.required(e, &format!("addressees[{k}].name"), &a.name);
                if let Some(id) = &a.actor
                    && !actors.contains_key(id.as_str())
                {
                    self.push(
                        e,
                        format!("addressees[{k}].actor"),
                        format!("no actor {id:?} in this case"),
                    );
                }
            }
            for (k, c) in l.cc.iter().enumerate() {
                self.required(e, &format!("cc[{k}]"), c);
            }
            self.out.extend(crate::letter_version::problems(i, l));
            let mut names = HashSet::new();
            let mut orders = HashMap::new();
            for (k, s) in l.signatories.iter().enumerate() {
                let field = format!("signatories[{k}]");
                self.required(e, &format!("{field}.organisation"), &s.organisation);
                self.web_url(e, &format!("{field}.url"), s.url.as_deref());
                if !names.insert(s.organisation.trim().to_lowercase()) {
                    self.push(
                        e,
                        format!("{field}.organisation"),
                        format!("{:?} signs twice", s.organisation),
                    );
                }
                if let Some(h) = &s.signed_text_sha256
                    && !is_sha256(h)
                {
                    self.push(
                        e,
                        format!("{field}.signed_text_sha256"),
                        format!("{h:?} is not 64 lower-case hexadecimal digits"),
                    );
                }
                match (l.signatory_order, s.order) {
                    (_, Some(o)) => {
                        if let Some(first) = orders.insert(o, k) {
                            self.push(
                                e,
                                format!("{field}.order"),
                                format!("order {o} is already taken by signatories[{first}]"),
                            );
                        }
                    }
                    (SignatoryOrder::Manual, None) => self.push(
                        e,
                        format!("{field}.order"),
                        "signatory_order is \"manual\": every signatory needs an order",
                    ),
                    (SignatoryOrder::Alphabetical, None) => {}
                }
            }
        }
    }
}

fn parent_cycle(case: &Case, start: usize) -> bool {
    let mut seen = HashSet::new();
    let mut cur = &case.instruments[start];
    while let Some(p) = &cur.parent {
        if !seen.insert(p.as_str()) {
            return true;
        }
        if p == &case.instruments[start].id {
            return true;
        }
        match case.instrument(p) {
            Some(next) => cur = next,
            None => return false,
        }
    }
    false
}

/// Whether `s` is a valid record id.
pub fn is_id(s: &str) -> bool {
    (1..=100).contains(&s.len())
        && s.starts_with(|c: char| c.is_ascii_alphanumeric())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

/// The longest web address accepted, in characters (browsers and servers stop near 2,000).
pub const MAX_URL_CHARS: usize = 2000;

/// Whether `url` is a web address Accord may turn into a link: `http://` or `https://` (in any
/// case), a host, no whitespace or control character anywhere, at most [`MAX_URL_CHARS`]
/// characters. Every other scheme (`javascript:`, `data:`, `file:`) is refused. The one rule for
/// every address a page links to: sources here, signatories' addresses in `accord-letters`.
pub fn is_web_url(url: &str) -> bool {
    let Some(rest) = ["https://", "http://"].iter().find_map(|scheme| {
        let head = url.get(..scheme.len())?;
        head.eq_ignore_ascii_case(scheme)
            .then(|| url.get(scheme.len()..))
            .flatten()
    }) else {
        return false;
    };
    // The host: not empty, so that `https:///path` is not read by a browser as something else.
    !rest.is_empty()
        && !rest.starts_with(['/', '\\', '?', '#'])
        && url.chars().count() <= MAX_URL_CHARS
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Whether `s` is a SHA-256 in lower-case hexadecimal.
pub fn is_sha256(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::{self, BundleFile};

    /// One source with this address: accepted (`true`) or refused on its `url` field.
    fn check(url: &str, accepted: bool) {
        let source = Source {
            id: "s".into(),
            title: "A report".into(),
            url: Some(url.to_owned()),
            ..Source::default()
        };
        let problems = source_problems(&source);
        if accepted {
            assert!(problems.is_empty(), "{url:?} was refused: {problems:?}");
        } else {
            assert!(
                problems
                    .iter()
                    .any(|p| p.entity == Entity::Source(0) && p.field == "url"),
                "{url:?} was accepted"
            );
        }
        assert_eq!(is_web_url(url), accepted, "{url:?}");
    }

    #[test]
    fn only_web_addresses_are_source_urls() {
        for url in [
            "https://example.org/report",
            "http://example.org",
            "HTTPS://Example.org/A?b=c#d",
            "https://[2001:db8::1]/x",
            "https://example.org/ខ្មែរ",
        ] {
            check(url, true);
        }
        let too_long = format!("https://example.org/{}", "a".repeat(MAX_URL_CHARS));
        for url in [
            "javascript:alert(1)",
            "JavaScript:alert(document.cookie)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox",
            "file:///etc/passwd",
            "ftp://example.org",
            "//evil.example",
            "/relative/path",
            "example.org",
            "",
            " ",
            "https://",
            "https:///path",
            "https:/\\evil.example",
            "https://\\evil.example",
            "https://exa mple.org",
            "https://example.org/\n",
            " https://example.org",
            "https://example.org\u{0}",
            "http:example.org",
            too_long.as_str(),
        ] {
            check(url, false);
        }
    }

    #[test]
    fn a_bundle_with_a_script_source_url_is_refused_naming_file_line_and_field() {
        let sources = "[[sources]]\nid = \"ok\"\ntitle = \"Fine\"\nurl = \"https://example.org\"\n\n\
                       [[sources]]\nid = \"bad\"\ntitle = \"Hostile\"\nurl = \"javascript:alert(1)\"\n";
        let files = [
            ("case.toml", "id = \"t\"\ntitle = \"Test case\"\n"),
            ("sources.toml", sources),
        ]
        .map(|(path, contents)| BundleFile {
            path: path.to_owned(),
            contents: contents.to_owned(),
        });
        let errors = bundle::read(&files).expect_err("the bundle is refused");
        let rendered: Vec<String> = errors.0.iter().map(ToString::to_string).collect();
        assert_eq!(
            rendered,
            [
                "sources.toml:9: sources[1].url: \"javascript:alert(1)\" is not a web address starting with https:// or http://"
            ],
            "{rendered:?}"
        );
    }

    #[test]
    fn instrument_and_signatory_addresses_must_be_web_addresses() {
        let instrument = "id = \"X\"\nkind = \"agreement\"\ntitle = \"X accord\"\n\
                          url = \"data:text/html,<script>alert(1)</script>\"\n";
        let files = [
            ("case.toml", "id = \"t\"\ntitle = \"Test case\"\n"),
            ("instruments/X.toml", instrument),
        ]
        .map(|(path, contents)| BundleFile {
            path: path.to_owned(),
            contents: contents.to_owned(),
        });
        let errors = bundle::read(&files).expect_err("the bundle is refused");
        let rendered: Vec<String> = errors.0.iter().map(ToString::to_string).collect();
        assert_eq!(rendered.len(), 1, "{rendered:?}");
        assert!(
            rendered[0].starts_with("instruments/X.toml:")
                && rendered[0].contains("url: \"data:text/html"),
            "{rendered:?}"
        );
    }
}
