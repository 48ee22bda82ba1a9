//! The records a case is made of, from the instrument down to the signatory of a letter.
//!
//! These are domain types only: no serde, no SQL. The bundle format, the store and the web each have
//! their own types and convert by hand, so a change to a file format or a table never forces a change
//! here (STYLE.md, "one type per layer").

use crate::citation::Citation;
use crate::date::{DateSpec, Day};
use crate::names::Named;
use crate::sensitivity::Sensitivity;

/// A whole case: the unit of access control, of import and of export.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Case {
    pub id: String,
    pub title: String,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    pub period: Option<DateSpec>,
    pub summary: Option<String>,
    pub instruments: Vec<Instrument>,
    pub actors: Vec<Actor>,
    pub sources: Vec<Source>,
    pub incidents: Vec<Incident>,
    pub findings: Vec<Finding>,
    pub mechanisms: Vec<Mechanism>,
    pub letters: Vec<Letter>,
    pub elections: Vec<ElectionFile>,
    /// Evidence files (their records; the bytes live in a blob store).
    pub evidence: Vec<crate::evidence::Evidence>,
    /// Dated observations of how far provisions have been implemented.
    pub observations: Vec<crate::observation::Observation>,
    /// What happened after letters were sent: deliveries, responses, deadlines, follow-ups.
    pub follow_through: Vec<crate::follow_through::FollowThrough>,
    /// The language the case's records are written in (BCP 47); `None`: not said, read as
    /// English.
    pub language: Option<String>,
    /// Records' original languages and translations, beside the records (`translation.rs`).
    pub translations: Vec<crate::translation::RecordLanguages>,
}

impl Case {
    /// Every provision of every instrument, in file order.
    pub fn provisions(&self) -> impl Iterator<Item = &Provision> {
        self.instruments.iter().flat_map(|i| i.provisions.iter())
    }

    pub fn provision(&self, citation: &Citation) -> Option<&Provision> {
        self.provisions().find(|p| &p.citation == citation)
    }
    pub fn instrument(&self, id: &str) -> Option<&Instrument> {
        self.instruments.iter().find(|i| i.id == id)
    }
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actors.iter().find(|a| a.id == id)
    }
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }
    pub fn incident(&self, id: &str) -> Option<&Incident> {
        self.incidents.iter().find(|i| i.id == id)
    }
    /// The ids of the sources that the case's incidents, observations, follow-through records
    /// and evidence cite. A case read with some of its incidents needs these of its sources, and
    /// no others, to stay whole: a case of a million incidents has hundreds of thousands of
    /// sources, and a dashboard needs the few its findings' incidents cite.
    pub fn cited_source_ids(&self) -> std::collections::BTreeSet<&str> {
        let responses = self.follow_through.iter().filter_map(|f| match &f.what {
            crate::follow_through::Record::Response { source, .. } => source.as_deref(),
            _ => None,
        });
        self.incidents
            .iter()
            .flat_map(|i| i.sources.iter().map(String::as_str))
            .chain(
                self.observations
                    .iter()
                    .flat_map(|o| o.sources.iter().map(String::as_str)),
            )
            .chain(responses)
            .chain(self.evidence.iter().filter_map(|e| e.source.as_deref()))
            .collect()
    }
    pub fn finding(&self, id: &str) -> Option<&Finding> {
        self.findings.iter().find(|f| f.id == id)
    }
    pub fn mechanism(&self, id: &str) -> Option<&Mechanism> {
        self.mechanisms.iter().find(|m| m.id == id)
    }
    pub fn letter(&self, id: &str) -> Option<&Letter> {
        self.letters.iter().find(|l| l.id == id)
    }
    pub fn observation(&self, id: &str) -> Option<&crate::observation::Observation> {
        self.observations.iter().find(|o| o.id == id)
    }
}

/// An agreement, annex, covenant, constitution, law or declaration.
#[derive(Debug, Clone, PartialEq)]
pub struct Instrument {
    pub id: String,
    pub kind: InstrumentKind,
    pub title: String,
    pub date: Option<DateSpec>,
    pub place: Option<String>,
    /// Actor ids of the parties.
    pub parties: Vec<String>,
    /// An instrument this one belongs to or amends.
    pub parent: Option<String>,
    pub url: Option<String>,
    pub notes: Option<String>,
    pub provisions: Vec<Provision>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InstrumentKind {
    Agreement,
    Annex,
    Covenant,
    Constitution,
    Law,
    Declaration,
    Other,
}

impl Named for InstrumentKind {
    const WHAT: &'static str = "instrument kind";
    const NAMES: &'static [(Self, &'static str)] = &[
        (Self::Agreement, "agreement"),
        (Self::Annex, "annex"),
        (Self::Covenant, "covenant"),
        (Self::Constitution, "constitution"),
        (Self::Law, "law"),
        (Self::Declaration, "declaration"),
        (Self::Other, "other"),
    ];
}

/// A citable provision and how far its text can be trusted.
#[derive(Debug, Clone, PartialEq)]
pub struct Provision {
    pub citation: Citation,
    pub heading: Option<String>,
    pub themes: Vec<String>,
    /// The text in the instrument's working language; `None` exactly when `status` is `Missing`.
    pub text: Option<String>,
    pub status: TextStatus,
    /// Where the text comes from.
    pub text_source: Option<String>,
    pub translations: Vec<Translation>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Translation {
    pub lang: String,
    pub text: String,
    pub status: TextStatus,
    pub source: Option<String>,
}

/// Provenance of a provision's text: Accord never shows unverified text as verified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TextStatus {
    Verified,
    Unverified,
    Translation,
    Quoted,
    Missing,
}

impl Named for TextStatus {
    const WHAT: &'static str = "text status";
    const NAMES: &'static [(Self, &'static str)] = &[
        (Self::Verified, "verified"),
        (Self::Unverified, "unverified"),
        (Self::Translation, "translation"),
        (Self::Quoted, "quoted"),
        (Self::Missing, "missing"),
    ];
}

/// A state, body, official, party, organisation, outlet, person or group.
#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    pub id: String,
    pub kind: ActorKind,
    pub name: String,
    pub aliases: Vec<String>,
    pub country: Option<String>,
    /// For groups and bodies: the actors they are made of.
    pub members: Vec<String>,
    /// Who may see the record.
    pub sensitivity: Sensitivity,
    /// The members (by e-mail address) who may see it when it is restricted, besides the owners.
    pub restricted_to: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActorKind {
    State,
    GovernmentBody,
    Official,
    Party,
    Organisation,
    Media,
    Person,
    InternationalBody,
    Group,
}

impl Named for ActorKind {
    const WHAT: &'static str = "actor kind";
    const NAMES: &'static [(Self, &'static str)] = &[
        (Self::State, "state"),
        (Self::GovernmentBody, "government_body"),
        (Self::Official, "official"),
        (Self::Party, "party"),
        (Self::Organisation, "organisation"),
        (Self::Media, "media"),
        (Self::Person, "person"),
        (Self::InternationalBody, "international_body"),
        (Self::Group, "group"),
    ];
}

/// Enough about a publication to print a footnote.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Source {
    pub id: String,
    pub authors: Vec<String>,
    pub title: String,
    pub publisher: Option<String>,
    pub date: Option<DateSpec>,
    pub url: Option<String>,
    pub accessed: Option<Day>,
    pub note: Option<String>,
    /// Who may see the record.
    pub sensitivity: Sensitivity,
    /// The members (by e-mail address) who may see it when it is restricted, besides the owners.
    pub restricted_to: Vec<String>,
}

impl Source {
    /// The source as a footnote: `George Wright, ‘Title’, Publisher, 23 August 2017, URL`.
    pub fn citation_text(&self) -> String {
        let mut parts = Vec::new();
        if !self.authors.is_empty() {
            parts.push(join_names(&self.authors));
        }
        parts.push(format!("‘{}’", self.title));
        parts.extend(self.publisher.clone());
        parts.extend(self.date.map(DateSpec::to_human));
        parts.extend(self.url.clone());
        let mut s = parts.join(", ");
        if let Some(a) = self.accessed {
            s.push_str(&format!(
                " (accessed {})",
                DateSpec::At(crate::date::Point::Day(a)).to_human()
            ));
        }
        s
    }
}

fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Something that happened: an arrest, a closure, a new law.
#[derive(Debug, Clone, PartialEq)]
pub struct Incident {
    pub id: String,
    pub date: DateSpec,
    pub title: String,
    pub kind: IncidentKind,
    pub summary: Option<String>,
    pub place: Option<String>,
    pub themes: Vec<String>,
    /// Source ids.
    pub sources: Vec<String>,
    pub actors: Vec<ActorRole>,
    pub evidence: Vec<EvidenceRef>,
    /// Who may see the record.
    pub sensitivity: Sensitivity,
    /// The members (by e-mail address) who may see it when it is restricted, besides the owners.
    pub restricted_to: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IncidentKind {
    Arrest,
    Detention,
    Closure,
    Ban,
    Dissolution,
    Deregistration,
    Legislation,
    Suspension,
    Expulsion,
    TaxAction,
    Threat,
    Statement,
    Surveillance,
    Harassment,
    Exile,
    Other,
}

impl Named for IncidentKind {
    const WHAT: &'static str = "incident kind";
    const NAMES: &'static [(Self, &'static str)] = &[
        (Self::Arrest, "arrest"),
        (Self::Detention, "detention"),
        (Self::Closure, "closure"),
        (Self::Ban, "ban"),
        (Self::Dissolution, "dissolution"),
        (Self::Deregistration, "deregistration"),
        (Self::Legislation, "legislation"),
        (Self::Suspension, "suspension"),
        (Self::Expulsion, "expulsion"),
        (Self::TaxAction, "tax_action"),
        (Self::Threat, "threat"),
        (Self::Statement, "statement"),
        (Self::Surveillance, "surveillance"),
        (Self::Harassment, "harassment"),
        (Self::Exile, "exile"),
        (Self::Other, "other"),
    ];
}

#[derive(Debug, Clone, PartialEq)]
pub struct ActorRole {
    pub actor: String,
    pub role: Role,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    Perpetrator,
    Target,
    Victim,
    Witness,
    Other,
}

impl Named for Role {
    const WHAT: &'static str = "role";
    const NAMES: &'static [(Self, &'static str)] = &[
        (Self::Perpetrator, "perpetrator"),
        (Self::Target, "target"),
        (Self::Victim, "victim"),
        (Self::Witness, "witness"),
        (Self::Other, "other"),
    ];
}

/// A file whose integrity can be proven later by its SHA-256.
#[derive(Debug, Clone, PartialEq)]
pub struct EvidenceRef {
    /// 64 lower-case hexadecimal digits.
    pub sha256: String,
    pub name: String,
    pub media_type: Option<String>,
}

/// An incident (or several) judged against a provision.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub id: String,
    pub incidents: Vec<String>,
    pub provision: Citation,
    pub verdict: Verdict,
    pub status: FindingStatus,
    pub rationale: String,
    pub author: Option<String>,
    pub reviewed_by: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Verdict {
    Violation,
    ThreatOfViolation,
    Concern,
}

impl Named for Verdict {
    const WHAT: &'static str = "verdict";
    const NAMES: &'static [(Self, &'static str)] = &[
        (Self::Violation, "violation"),
        (Self::ThreatOfViolation, "threat_of_violation"),
        (Self::Concern, "concern"),
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FindingStatus {
    Draft,
    Confirmed,
    Retracted,
}

impl Named for FindingStatus {
    const WHAT: &'static str = "finding status";
    const NAMES: &'static [(Self, &'static str)] = &[
        (Self::Draft, "draft"),
        (Self::Confirmed, "confirmed"),
        (Self::Retracted, "retracted"),
    ];
}

/// What a provision sets in motion when it is violated (e.g. ACPS Art. 29's consultations).
#[derive(Debug, Clone, PartialEq)]
pub struct Mechanism {
    pub id: String,
    pub name: String,
    /// The provision that creates the mechanism.
    pub provision: Citation,
    /// The verdicts that count towards triggering it.
    pub counts: Vec<Verdict>,
    /// Every provision of these instruments is in scope...
    pub scope_instruments: Vec<String>,
    /// ...and these provisions with their sub-divisions.
    pub scope_provisions: Vec<Citation>,
    /// Actor ids.
    pub requested_by: Vec<String>,
    pub responsible: Vec<String>,
    pub consult: Vec<String>,
    pub action: String,
}

impl Mechanism {
    /// Whether a violation of `provision` falls within this mechanism's scope.
    pub fn in_scope(&self, provision: &Citation) -> bool {
        self.scope_instruments
            .iter()
            .any(|i| i == provision.instrument())
            || self.scope_provisions.iter().any(|c| c.covers(provision))
    }
}

/// A joint letter as data; `accord-letters` renders it.
#[derive(Debug, Clone, PartialEq)]
pub struct Letter {
    pub id: String,
    pub title: String,
    pub date: Day,
    pub place: Option<String>,
    /// BCP 47 language tag.
    pub language: String,
    /// Actor id of the coordinating organisation.
    pub coordinator: Option<String>,
    /// The body template (Markdown with template functions).
    pub body: String,
    pub closing: Option<String>,
    pub signatory_order: SignatoryOrder,
    pub addressees: Vec<Addressee>,
    /// Carbon copies, in order.
    pub cc: Vec<String>,
    pub signatories: Vec<Signatory>,
    /// The letter in other languages than its original (`language`), in the order they were
    /// added (`letter_version.rs`).
    pub versions: Vec<crate::letter_version::LetterVersion>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Addressee {
    pub name: String,
    pub title: Option<String>,
    pub organisation: Option<String>,
    pub role: Option<String>,
    pub actor: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Signatory {
    /// The organisation's name as it is printed.
    pub organisation: String,
    pub country: Option<String>,
    pub representative: Option<String>,
    pub url: Option<String>,
    pub state: SignatureState,
    /// Position in a manual order.
    pub order: Option<u32>,
    /// SHA-256 of the exact text signed, when known.
    pub signed_text_sha256: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SignatureState {
    Invited,
    Signed,
    Declined,
    Withdrawn,
    Verified,
}

impl Named for SignatureState {
    const WHAT: &'static str = "signature state";
    const NAMES: &'static [(Self, &'static str)] = &[
        (Self::Invited, "invited"),
        (Self::Signed, "signed"),
        (Self::Declined, "declined"),
        (Self::Withdrawn, "withdrawn"),
        (Self::Verified, "verified"),
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SignatoryOrder {
    #[default]
    Alphabetical,
    Manual,
}

impl Named for SignatoryOrder {
    const WHAT: &'static str = "signatory order";
    const NAMES: &'static [(Self, &'static str)] = &[
        (Self::Alphabetical, "alphabetical"),
        (Self::Manual, "manual"),
    ];
}

/// A member's role in a case: what they may see and do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CaseRole {
    Owner,
    Editor,
    Reviewer,
    Viewer,
}

impl Named for CaseRole {
    const WHAT: &'static str = "role";
    const NAMES: &'static [(Self, &'static str)] = &[
        (Self::Owner, "owner"),
        (Self::Editor, "editor"),
        (Self::Reviewer, "reviewer"),
        (Self::Viewer, "viewer"),
    ];
}

impl CaseRole {
    /// Record incidents, sources and draft findings.
    pub fn can_edit(self) -> bool {
        matches!(self, CaseRole::Owner | CaseRole::Editor)
    }
    /// Confirm or retract findings.
    pub fn can_review(self) -> bool {
        matches!(self, CaseRole::Owner | CaseRole::Reviewer)
    }
    /// Manage members, publish the case, coordinate letters.
    pub fn can_manage(self) -> bool {
        self == CaseRole::Owner
    }
}

/// An election attached to a case, kept as the election-file JSON of docs/contracts.md.
///
/// The core does not interpret it (the election engine does), so that the engine stays independent.
#[derive(Debug, Clone, PartialEq)]
pub struct ElectionFile {
    pub id: String,
    pub json: String,
}
