//! What happened after a letter was sent: to whom it was delivered and how, what each addressee
//! answered and did, the deadlines it set, and the later letters that follow it up.
//!
//! A coalition's coordinator decides when to write again from these records: which mechanisms
//! were asked for and when, whether the party that must act answered, and which deadlines passed
//! without an answer. The rules here are pure: a delivery or a response names an addressee of its
//! letter (by the addressee's actor id or printed name), is dated on or after the letter (and, when
//! written, not after today), a response's source is a source of the case, and a follow-up cites
//! another letter of the same case that is not younger than itself.
//!
//! Which mechanisms a letter asks for is read from its text: a letter requests a mechanism when its
//! body quotes the provision that creates it (`quote("ACPS Art. 29")`) or lists the incidents
//! behind it (`incidents_of("acps-art-29")`). Nothing has to be declared twice, and the reference
//! case's letter of 2017 requests ACPS Art. 29 without any record being invented for it.

use std::collections::{HashMap, HashSet};

use crate::citation::Citation;
use crate::date::Day;
use crate::model::{Addressee, Case, Letter, Mechanism};
use crate::names::Named;
use crate::validate::{Entity, Problem, is_id};

/// One follow-through record of a letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowThrough {
    /// Unique among the case's follow-through records.
    pub id: String,
    /// The letter it is about (for a follow-up: the later letter, which cites another).
    pub letter: String,
    pub what: Record,
}

/// What a follow-through record says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Record {
    /// The letter reached an addressee.
    Delivery {
        /// An addressee of the letter: its actor id, or its name as printed.
        to: String,
        date: Day,
        method: DeliveryMethod,
        note: Option<String>,
    },
    /// An addressee answered.
    Response {
        /// An addressee of the letter: its actor id, or its name as printed.
        from: String,
        date: Day,
        /// What the addressee did.
        action: ResponseAction,
        /// The coordinator's summary of the answer.
        summary: String,
        /// The answer's text, when it was written down.
        text: Option<String>,
        /// A source of the case that holds the answer.
        source: Option<String>,
    },
    /// The letter asked for something by a day.
    Deadline {
        date: Day,
        /// The addressee it binds (its actor id or name); `None`: every addressee.
        addressee: Option<String>,
        /// What was asked for by then.
        asked: String,
    },
    /// The letter follows up an earlier letter of the case.
    FollowUp {
        /// The earlier letter's id.
        cites: String,
    },
}

/// How a letter reached an addressee.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DeliveryMethod {
    Email,
    Post,
    Hand,
    Fax,
    OnlineForm,
    Published,
    Other,
}

impl Named for DeliveryMethod {
    const WHAT: &'static str = "delivery method";
    const NAMES: &'static [(Self, &'static str)] = &[
        (Self::Email, "email"),
        (Self::Post, "post"),
        (Self::Hand, "hand"),
        (Self::Fax, "fax"),
        (Self::OnlineForm, "online_form"),
        (Self::Published, "published"),
        (Self::Other, "other"),
    ];
}

/// What an addressee did in answer to a letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ResponseAction {
    /// Did what was asked, or part of it.
    Acted,
    /// Answered without acting.
    Acknowledged,
    /// Refused.
    Declined,
}

impl Named for ResponseAction {
    const WHAT: &'static str = "response action";
    const NAMES: &'static [(Self, &'static str)] = &[
        (Self::Acted, "acted"),
        (Self::Acknowledged, "acknowledged"),
        (Self::Declined, "declined"),
    ];
}

/// What a party did about a letter: its latest response's action, or no response.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Outcome {
    Acted,
    Acknowledged,
    Declined,
    NoResponse,
}

impl Named for Outcome {
    const WHAT: &'static str = "outcome";
    const NAMES: &'static [(Self, &'static str)] = &[
        (Self::Acted, "acted"),
        (Self::Acknowledged, "acknowledged"),
        (Self::Declined, "declined"),
        (Self::NoResponse, "no_response"),
    ];
}

impl From<ResponseAction> for Outcome {
    fn from(a: ResponseAction) -> Self {
        match a {
            ResponseAction::Acted => Outcome::Acted,
            ResponseAction::Acknowledged => Outcome::Acknowledged,
            ResponseAction::Declined => Outcome::Declined,
        }
    }
}

impl Record {
    /// The record's kind as files, URLs and JSON spell it.
    pub fn kind(&self) -> &'static str {
        match self {
            Record::Delivery { .. } => "delivery",
            Record::Response { .. } => "response",
            Record::Deadline { .. } => "deadline",
            Record::FollowUp { .. } => "follow_up",
        }
    }

    /// The day the record is dated (a follow-up has none of its own: its letter's date).
    pub fn date(&self) -> Option<Day> {
        match self {
            Record::Delivery { date, .. }
            | Record::Response { date, .. }
            | Record::Deadline { date, .. } => Some(*date),
            Record::FollowUp { .. } => None,
        }
    }
}

/// The key an addressee is named by in follow-through records: its actor id when it has one,
/// else its name as printed.
pub fn addressee_key(a: &Addressee) -> &str {
    a.actor.as_deref().unwrap_or(&a.name)
}

/// The id of the letter a follow-up cites: `LETTER`, or `CASE/LETTER` naming its case.
pub fn cited_letter(cites: &str) -> &str {
    cites.split_once('/').map_or(cites, |(_, l)| l)
}

/// The follow-up letters that cite `letter`: (the follow-up's id, the record), in case order.
pub fn follow_ups_of<'a>(case: &'a Case, letter: &str) -> Vec<&'a FollowThrough> {
    case.follow_through
        .iter()
        .filter(|f| matches!(&f.what, Record::FollowUp { cites } if cited_letter(cites) == letter))
        .collect()
}

/// The addressee of `letter` that `who` names (its actor id or its printed name, ignoring case and
/// surrounding spaces).
pub fn addressee<'a>(letter: &'a Letter, who: &str) -> Option<&'a Addressee> {
    let who = who.trim();
    letter
        .addressees
        .iter()
        .find(|a| a.actor.as_deref() == Some(who) || a.name.trim().eq_ignore_ascii_case(who))
}

/// The mechanisms `letter` asks for: those whose provision its body quotes, or whose incidents it
/// lists (`incidents_of("<mechanism id>")`), in the case's order.
pub fn requested_mechanisms<'a>(case: &'a Case, letter: &Letter) -> Vec<&'a Mechanism> {
    let quoted: HashSet<Citation> = template_args(&letter.body, "quote")
        .into_iter()
        .filter_map(|c| Citation::parse(c).ok())
        .collect();
    let listed: HashSet<&str> = template_args(&letter.body, "incidents_of")
        .into_iter()
        .collect();
    case.mechanisms
        .iter()
        .filter(|m| quoted.contains(&m.provision) || listed.contains(m.id.as_str()))
        .collect()
}

/// The string arguments of every call `name("…")` (or `name('…')`) in a letter's body.
fn template_args<'b>(body: &'b str, name: &str) -> Vec<&'b str> {
    let mut out = Vec::new();
    let mut rest = body;
    while let Some(at) = rest.find(name) {
        let before_ok = rest[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_ascii_alphanumeric() || c == '_'));
        let after = &rest[at + name.len()..];
        rest = after;
        if !before_ok {
            continue;
        }
        let Some(args) = after.trim_start().strip_prefix('(') else {
            continue;
        };
        let args = args.trim_start();
        let Some(quote) = args.chars().next().filter(|c| matches!(c, '"' | '\'')) else {
            continue;
        };
        let inner = &args[1..];
        if let Some(end) = inner.find(quote) {
            out.push(&inner[..end]);
        }
    }
    out
}

/// What one addressee did about one letter, as a mechanism's page and the dashboard say it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartyOutcome<'a> {
    /// The addressee's key ([`addressee_key`]), or a responsible actor the letter was not
    /// addressed to.
    pub party: String,
    /// Whether the letter was addressed to them.
    pub addressed: bool,
    /// The latest delivery to them.
    pub delivered: Option<&'a FollowThrough>,
    /// Their latest response (latest date; of two on one day, the one recorded later).
    pub response: Option<&'a FollowThrough>,
    pub outcome: Outcome,
}

/// The follow-through records of `letter`, in the case's order.
pub fn of_letter<'a>(case: &'a Case, letter: &str) -> impl Iterator<Item = &'a FollowThrough> {
    let letter = letter.to_owned();
    case.follow_through
        .iter()
        .filter(move |f| f.letter == letter)
}

/// What each addressee of `letter`, and each of `also` (actor ids, e.g. a mechanism's responsible
/// parties) the letter was not addressed to, did about it.
pub fn outcomes<'a>(case: &'a Case, letter: &'a Letter, also: &[String]) -> Vec<PartyOutcome<'a>> {
    let mut parties: Vec<(String, bool)> = letter
        .addressees
        .iter()
        .map(|a| (addressee_key(a).to_owned(), true))
        .collect();
    for actor in also {
        if !parties.iter().any(|(p, _)| p == actor) {
            parties.push((actor.clone(), false));
        }
    }
    let records: Vec<&FollowThrough> = of_letter(case, &letter.id).collect();
    let names = |who: &str| addressee(letter, who).map(addressee_key);
    parties
        .into_iter()
        .map(|(party, addressed)| {
            let delivered = records
                .iter()
                .enumerate()
                .filter(|(_, f)| match &f.what {
                    Record::Delivery { to, .. } => names(to) == Some(party.as_str()),
                    _ => false,
                })
                .max_by_key(|(i, f)| (f.what.date(), *i))
                .map(|(_, f)| *f);
            let response = records
                .iter()
                .enumerate()
                .filter(|(_, f)| match &f.what {
                    Record::Response { from, .. } => names(from) == Some(party.as_str()),
                    _ => false,
                })
                .max_by_key(|(i, f)| (f.what.date(), *i))
                .map(|(_, f)| *f);
            let outcome = match response.map(|r| &r.what) {
                Some(Record::Response { action, .. }) => Outcome::from(*action),
                _ => Outcome::NoResponse,
            };
            PartyOutcome {
                party,
                addressed,
                delivered,
                response,
                outcome,
            }
        })
        .collect()
}

/// The letters that request `mechanism`, oldest first (by date, then case order).
pub fn letters_requesting<'a>(case: &'a Case, mechanism: &Mechanism) -> Vec<&'a Letter> {
    let mut out: Vec<(usize, &Letter)> = case
        .letters
        .iter()
        .enumerate()
        .filter(|(_, l)| {
            requested_mechanisms(case, l)
                .iter()
                .any(|m| m.id == mechanism.id)
        })
        .collect();
    out.sort_by_key(|(i, l)| (l.date, *i));
    out.into_iter().map(|(_, l)| l).collect()
}

/// When a mechanism was last asked for, and the latest answer to any letter that asked for it.
#[derive(Debug, Clone, PartialEq)]
pub struct LastAsked<'a> {
    /// The latest letter requesting the mechanism.
    pub letter: &'a Letter,
    /// How many letters requested it.
    pub letters: usize,
    /// The latest response to any of them.
    pub response: Option<&'a FollowThrough>,
}

/// When `mechanism` was last asked for, if ever, and the latest response to those letters.
pub fn last_asked<'a>(case: &'a Case, mechanism: &Mechanism) -> Option<LastAsked<'a>> {
    let letters = letters_requesting(case, mechanism);
    let letter = *letters.last()?;
    let ids: HashSet<&str> = letters.iter().map(|l| l.id.as_str()).collect();
    let response = case
        .follow_through
        .iter()
        .enumerate()
        .filter(|(_, f)| {
            ids.contains(f.letter.as_str()) && matches!(f.what, Record::Response { .. })
        })
        .max_by_key(|(i, f)| (f.what.date(), *i))
        .map(|(_, f)| f);
    Some(LastAsked {
        letter,
        letters: letters.len(),
        response,
    })
}

/// A deadline that passed without an answer from the addressee it binds (any addressee, when it
/// binds them all).
#[derive(Debug, Clone, PartialEq)]
pub struct Overdue<'a> {
    pub letter: &'a Letter,
    pub deadline: &'a FollowThrough,
    pub date: Day,
    pub addressee: Option<String>,
    pub asked: String,
    /// Days since the deadline, on `today`.
    pub days_late: i64,
}

/// The letters awaiting a response past a deadline, on `today`: each deadline dated before
/// `today` with no response (dated on or before `today`) from the addressee it binds. Most
/// overdue first.
pub fn awaiting(case: &Case, today: Day) -> Vec<Overdue<'_>> {
    let mut out = Vec::new();
    for f in &case.follow_through {
        let Record::Deadline {
            date,
            addressee: bound,
            asked,
        } = &f.what
        else {
            continue;
        };
        if *date >= today {
            continue;
        }
        let Some(letter) = case.letter(&f.letter) else {
            continue;
        };
        let key = |who: &str| addressee(letter, who).map(addressee_key);
        let answered = of_letter(case, &letter.id).any(|r| match &r.what {
            Record::Response { from, date: on, .. } => {
                *on <= today
                    && bound
                        .as_deref()
                        .is_none_or(|b| key(b).is_some() && key(b) == key(from))
            }
            _ => false,
        });
        if !answered {
            out.push(Overdue {
                letter,
                deadline: f,
                date: *date,
                addressee: bound.clone(),
                asked: asked.clone(),
                days_late: today.days_since_epoch() - date.days_since_epoch(),
            });
        }
    }
    out.sort_by(|a, b| {
        b.days_late
            .cmp(&a.days_late)
            .then_with(|| a.letter.id.cmp(&b.letter.id))
    });
    out
}

/// The case's follow-through as it stood on `day`: the records dated on or before it (a
/// deadline is kept: it was set when its letter was), and the follow-ups whose letter existed.
pub fn as_of(records: &mut Vec<FollowThrough>, letters: &[Letter], day: Day) {
    records.retain(|f| match &f.what {
        Record::Delivery { date, .. } | Record::Response { date, .. } => *date <= day,
        Record::Deadline { .. } | Record::FollowUp { .. } => letters
            .iter()
            .find(|l| l.id == f.letter)
            .is_some_and(|l| l.date <= day),
    });
}

/// A readable id for a new record that no record of `case` has: `response-<letter>-<date>`,
/// then `-2`, `-3`, ... (cut to fit an id's 100 characters).
pub fn new_id(case: &Case, what: &Record, letter: &str) -> String {
    let mut base = match what.date() {
        Some(d) => format!("{}-{letter}-{d}", what.kind().replace('_', "-")),
        None => format!("{}-{letter}", what.kind().replace('_', "-")),
    };
    base.truncate(90);
    let taken = |id: &str| case.follow_through.iter().any(|f| f.id == id);
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .unwrap_or(base)
}

/// A record as a reader who may not see `hidden_actors` and `hidden_sources` sees it: an
/// addressee named by a hidden actor's id is named by the name the letter prints (the letter's
/// addressee loses its actor too), and a hidden source is not named. `letters` are the case's
/// letters before hiding.
pub(crate) fn redact(
    f: &mut FollowThrough,
    letters: &[Letter],
    hidden_actors: &HashSet<String>,
    hidden_sources: &HashSet<String>,
) {
    let letter = letters.iter().find(|l| l.id == f.letter);
    let rename = |who: &mut String| {
        if hidden_actors.contains(who.as_str())
            && let Some(a) = letter.and_then(|l| addressee(l, who))
        {
            *who = a.name.clone();
        }
    };
    match &mut f.what {
        Record::Delivery { to, .. } => rename(to),
        Record::Response { from, source, .. } => {
            rename(from);
            if source.as_ref().is_some_and(|s| hidden_sources.contains(s)) {
                *source = None;
            }
        }
        Record::Deadline {
            addressee: Some(who),
            ..
        } => rename(who),
        Record::Deadline { .. } | Record::FollowUp { .. } => {}
    }
}

/// The problems of one record written today (a form, the API, the command line): those a case
/// file would have ([`case_problems`]), an id taken, and a delivery or response dated after today.
pub fn record_problems(case: &Case, f: &FollowThrough, today: Day) -> Vec<Problem> {
    let e = Entity::FollowThrough(0);
    let mut out = Vec::new();
    if !is_id(&f.id) {
        out.push(problem(e, "id", format!("{:?} is not an id", f.id)));
    } else if case.follow_through.iter().any(|o| o.id == f.id) {
        out.push(problem(
            e,
            "id",
            format!("a follow-through record {:?} already exists", f.id),
        ));
    }
    one(case, e, f, &mut out);
    if let Record::Delivery { date, .. } | Record::Response { date, .. } = &f.what
        && *date > today
    {
        out.push(problem(
            e,
            "date",
            format!("{date} is in the future (today is {today})"),
        ));
    }
    out
}

/// Every problem of a case's follow-through records: ids, letters, addressees, sources and
/// dates. (A date after today needs today, which a case file does not have: writers check it
/// with [`record_problems`].)
pub(crate) fn case_problems(case: &Case) -> Vec<Problem> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut out = Vec::new();
    for (i, f) in case.follow_through.iter().enumerate() {
        let e = Entity::FollowThrough(i);
        if !is_id(&f.id) {
            out.push(problem(
                e,
                "id",
                format!(
                    "{:?} is not an id (1-100 ASCII letters, digits, '.', '_' or '-', starting with a letter or digit)",
                    f.id
                ),
            ));
        }
        if seen.insert(f.id.as_str(), i).is_some() {
            out.push(problem(
                e,
                "id",
                format!("duplicate follow-through id {:?}", f.id),
            ));
        }
        one(case, e, f, &mut out);
    }
    out
}

/// The checks of one record against its case.
fn one(case: &Case, e: Entity, f: &FollowThrough, out: &mut Vec<Problem>) {
    let Some(letter) = case.letter(&f.letter) else {
        out.push(problem(
            e,
            "letter",
            format!("no letter {:?} in this case", f.letter),
        ));
        return;
    };
    let addressees = || {
        letter
            .addressees
            .iter()
            .map(|a| {
                if a.actor.is_some() {
                    format!("{} ({})", addressee_key(a), a.name)
                } else {
                    a.name.clone()
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let party = |field: &str, who: &str, out: &mut Vec<Problem>| {
        if addressee(letter, who).is_none() {
            out.push(problem(
                e,
                field,
                format!(
                    "{who:?} is not an addressee of letter {:?} (its addressees: {})",
                    letter.id,
                    match addressees() {
                        s if s.is_empty() => "none".to_owned(),
                        s => s,
                    }
                ),
            ));
        }
    };
    let before_letter = |date: Day, out: &mut Vec<Problem>| {
        if date < letter.date {
            out.push(problem(
                e,
                "date",
                format!(
                    "{date} is before the letter {:?} was dated ({})",
                    letter.id, letter.date
                ),
            ));
        }
    };
    match &f.what {
        Record::Delivery { to, date, note, .. } => {
            party("to", to, out);
            before_letter(*date, out);
            if note.as_deref().is_some_and(|n| n.trim().is_empty()) {
                out.push(problem(e, "note", "must not be empty when given".into()));
            }
        }
        Record::Response {
            from,
            date,
            summary,
            text,
            source,
            ..
        } => {
            party("from", from, out);
            before_letter(*date, out);
            if summary.trim().is_empty() {
                out.push(problem(
                    e,
                    "summary",
                    "say in a sentence what the answer was".into(),
                ));
            }
            if text.as_deref().is_some_and(|t| t.trim().is_empty()) {
                out.push(problem(e, "text", "must not be empty when given".into()));
            }
            if let Some(s) = source
                && case.source(s).is_none()
            {
                out.push(problem(
                    e,
                    "source",
                    format!("no source {s:?} in this case"),
                ));
            }
        }
        Record::Deadline {
            date,
            addressee: bound,
            asked,
        } => {
            if let Some(who) = bound {
                party("addressee", who, out);
            }
            before_letter(*date, out);
            if asked.trim().is_empty() {
                out.push(problem(
                    e,
                    "asked",
                    "say what was asked for by this day".into(),
                ));
            }
        }
        Record::FollowUp { cites } => {
            if let Some((other, _)) = cites.split_once('/')
                && other != case.id
            {
                out.push(problem(
                    e,
                    "cites",
                    format!(
                        "{cites:?} is a letter of another case ({other:?}): a follow-up cites a letter of its own case"
                    ),
                ));
                return;
            }
            let cited_id = cited_letter(cites);
            match case.letter(cited_id) {
                None => out.push(problem(
                    e,
                    "cites",
                    format!("no letter {cited_id:?} in this case"),
                )),
                Some(cited) if cited.id == letter.id => out.push(problem(
                    e,
                    "cites",
                    "a letter cannot follow itself up".into(),
                )),
                Some(cited) if cited.date > letter.date => out.push(problem(
                    e,
                    "cites",
                    format!(
                        "{:?} is dated {}, after this letter ({}): a follow-up comes after the letter it cites",
                        cited.id, cited.date, letter.date
                    ),
                )),
                Some(_) => {}
            }
        }
    }
}

fn problem(entity: Entity, field: &str, message: String) -> Problem {
    Problem {
        entity,
        field: field.to_owned(),
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_calls_are_found_with_either_quote() {
        let body = "A {{ quote(\"ACPS Art. 29\") }} and {{incidents_of('fpa-art-9')}}; \
                    misquote(\"X Art. 1\") is not a call, nor is quote without brackets.";
        assert_eq!(template_args(body, "quote"), vec!["ACPS Art. 29"]);
        assert_eq!(template_args(body, "incidents_of"), vec!["fpa-art-9"]);
        assert!(template_args("quote(\"unterminated", "quote").is_empty());
    }
}
