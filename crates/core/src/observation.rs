//! Implementation observations: how far a provision had been carried out on a given date, on the
//! Peace Accords Matrix's scale.
//!
//! Findings say that something went wrong; observations follow a commitment through time: "by
//! 2017, ACPS Art. 29 had been minimally implemented". The Peace Accords Matrix (Kroc Institute)
//! codes each provision of a comprehensive peace agreement every year from 0 (not implemented) to
//! 3 (full implementation); an observation holds one such code, for a provision of a case, with
//! the date it describes, its sources, who coded it and a note. Like a finding, it is reviewed
//! (draft, confirmed, retracted) and only confirmed observations are shown as a provision's
//! status.
//!
//! An observation describes a day, a month or a year, and says where things stood at its end: the
//! Matrix codes the level of implementation reached by the end of each year. So the status as of a
//! day counts the observations whose date has ended by then ([`crate::trigger::as_of`]), and the
//! latest observation is the one whose date ends last. A date that has not begun yet cannot have
//! been observed ([`future`]); a date that ended before the instrument existed describes nothing.

use std::collections::{HashMap, HashSet};

use crate::citation::Citation;
use crate::date::{DateSpec, Day, Point};
use crate::model::Case;
use crate::names::Named;
use crate::validate::{Entity, Problem, is_id};

/// One coded observation of a provision's implementation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Observation {
    pub id: String,
    /// The provision observed.
    pub provision: Citation,
    /// The date the observation describes: a day, a month or a year (a Peace Accords Matrix code
    /// describes a year).
    pub date: Point,
    pub score: Score,
    /// Source ids.
    pub sources: Vec<String>,
    /// Who coded it: an account's address, or a name as a bundle gives it ("Peace Accords
    /// Matrix").
    pub coded_by: Option<String>,
    pub note: Option<String>,
    pub status: ObservationStatus,
    /// Who last confirmed, retracted or returned it to draft.
    pub reviewed_by: Option<String>,
}

/// A Peace Accords Matrix implementation score: 0 to 3, nothing else can be built.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Score(u8);

/// A number outside the scale.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{got} is not on the Peace Accords Matrix scale: 0 (not implemented), 1 (minimal), 2 (intermediate) or 3 (full implementation)"
)]
pub struct ScoreError {
    pub got: String,
}

impl Score {
    /// 0: not implemented.
    pub const MIN: Score = Score(0);
    pub const MAX: u8 = 3;

    /// A score, if `n` is on the scale.
    pub fn new(n: i64) -> Result<Score, ScoreError> {
        u8::try_from(n)
            .ok()
            .filter(|n| *n <= Score::MAX)
            .map(Score)
            .ok_or_else(|| ScoreError { got: n.to_string() })
    }

    /// A score as people type it (`2`, ` 3 `).
    pub fn parse(s: &str) -> Result<Score, ScoreError> {
        let t = s.trim();
        let n: i64 = t.parse().map_err(|_| ScoreError {
            got: format!("{t:?}"),
        })?;
        Score::new(n)
    }

    pub fn value(self) -> u8 {
        self.0
    }

    /// The scale's words for it: "not implemented", "minimal", "intermediate", "full".
    pub fn label(self) -> &'static str {
        match self.0 {
            0 => "not implemented",
            1 => "minimal",
            2 => "intermediate",
            _ => "full",
        }
    }
}

/// Where an observation stands in review, as a finding does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ObservationStatus {
    Draft,
    Confirmed,
    Retracted,
}

impl Named for ObservationStatus {
    const WHAT: &'static str = "observation status";
    const NAMES: &'static [(Self, &'static str)] = &[
        (Self::Draft, "draft"),
        (Self::Confirmed, "confirmed"),
        (Self::Retracted, "retracted"),
    ];
}

/// Parse the date an observation describes: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, not a range.
pub fn parse_date(s: &str) -> Result<Point, String> {
    match s.parse::<DateSpec>().map_err(|e| e.to_string())? {
        DateSpec::At(p) => Ok(p),
        _ => Err(format!(
            "{s:?}: an observation describes a day, a month or a year (YYYY-MM-DD, YYYY-MM or YYYY), not a range"
        )),
    }
}

/// The latest confirmed observation of a provision among `observations` (in case order): the one
/// whose date ends last; of two that end on the same day, the one listed later.
pub fn latest_confirmed<'a>(
    observations: &'a [Observation],
    provision: &Citation,
) -> Option<&'a Observation> {
    observations
        .iter()
        .enumerate()
        .filter(|(_, o)| o.status == ObservationStatus::Confirmed && &o.provision == provision)
        .max_by_key(|(i, o)| (o.date.last_day(), *i))
        .map(|(_, o)| o)
}

/// A readable id for an observation of `provision` describing `date`: `<prefix>-fpa-art-3-1-2030`.
pub fn default_id(prefix: &str, provision: &Citation, date: Point) -> String {
    let words: Vec<String> = format!("{provision} {date}")
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    format!("{prefix}-{}", words.join("-"))
}

/// One row of a table in the Peace Accords Matrix's shape, as text: the agreement, the provision,
/// the year coded and the implementation score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PamRow<'a> {
    pub agreement: &'a str,
    pub provision: &'a str,
    pub year: &'a str,
    pub score: &'a str,
}

/// The observation a Peace Accords Matrix row codes in `case`, as a draft with the id
/// `pam-<citation>-<year>`; or every problem of the row, by column.
///
/// `agreement` names an instrument of the case by its id (`ACPS`) or its title; `provision` is a
/// citation, whole (`ACPS Art. 29`) or without the instrument (`Art. 29`), or the heading of one
/// of the instrument's provisions (the Matrix names provisions by subject: "Amnesty"); `year` is
/// the year coded (`2017`); `score` 0 to 3. Whether the year is after today or before the
/// instrument is checked where the observation is written.
pub fn from_pam_row(
    case: &Case,
    row: PamRow<'_>,
    coded_by: Option<&str>,
    sources: &[String],
) -> Result<Observation, Vec<(&'static str, String)>> {
    let mut errors = Vec::new();
    let agreement = row.agreement.trim();
    let instrument = case.instruments.iter().find(|i| {
        i.id.eq_ignore_ascii_case(agreement) || i.title.trim().eq_ignore_ascii_case(agreement)
    });
    if instrument.is_none() {
        errors.push((
            "agreement",
            format!("no instrument {agreement:?} in this case (give its id or its title)"),
        ));
    }
    let provision = instrument.and_then(|ins| {
        let wanted = row.provision.trim();
        let by_citation = [wanted.to_owned(), format!("{} {wanted}", ins.id)]
            .iter()
            .filter_map(|c| Citation::parse(c).ok())
            .find_map(|c| ins.provisions.iter().find(|p| p.citation == c));
        let by_heading = || {
            let mut matches = ins.provisions.iter().filter(|p| {
                p.heading
                    .as_deref()
                    .is_some_and(|h| h.trim().eq_ignore_ascii_case(wanted))
            });
            match (matches.next(), matches.next()) {
                (Some(p), None) => Some(p),
                _ => None,
            }
        };
        let found = by_citation.or_else(by_heading).map(|p| p.citation.clone());
        if found.is_none() {
            errors.push((
                "provision",
                format!(
                    "no provision {wanted:?} in {} (give a citation such as \"{} Art. 1\", or the heading of exactly one of its provisions)",
                    ins.id, ins.id
                ),
            ));
        }
        found
    });
    let year = row.year.trim();
    let date = match year.parse::<i32>() {
        Ok(y) if year.len() == 4 && y > 0 => Some(Point::Year(y)),
        _ => {
            errors.push(("year", format!("{year:?} is not a year (YYYY)")));
            None
        }
    };
    let score = Score::parse(row.score)
        .map_err(|e| errors.push(("score", e.to_string())))
        .ok();
    match (provision, date, score) {
        (Some(provision), Some(date), Some(score)) if errors.is_empty() => Ok(Observation {
            id: default_id("pam", &provision, date),
            provision,
            date,
            score,
            sources: sources.to_vec(),
            coded_by: coded_by.map(str::to_owned),
            note: None,
            status: ObservationStatus::Draft,
            reviewed_by: None,
        }),
        _ => Err(errors),
    }
}

/// The problems of one observation written today (a form, the API, the command line, an
/// import): those of [`case_problems`], and a date in the future.
pub fn observation_problems(case: &Case, o: &Observation, today: Day) -> Vec<Problem> {
    let sources: HashSet<&str> = case.sources.iter().map(|s| s.id.as_str()).collect();
    let mut out = Vec::new();
    if !is_id(&o.id) {
        out.push(problem(
            Entity::Observation(0),
            "id",
            format!("{:?} is not an id", o.id),
        ));
    }
    one(case, Entity::Observation(0), o, &sources, &mut out);
    if let Some(p) = future(o, today) {
        out.push(p);
    }
    out
}

/// A date that begins after `today`: nobody can have observed it yet. (A year under way may be
/// coded as it stands; it counts in a status as of a day only once it has ended.)
pub fn future(o: &Observation, today: Day) -> Option<Problem> {
    (o.date.first_day() > today).then(|| {
        problem(
            Entity::Observation(0),
            "date",
            format!("{} is in the future (today is {today})", o.date),
        )
    })
}

/// Every problem with a case's observations: ids, the provision observed, the sources, and a
/// date before the instrument existed. (A date in the future needs today's date, which a case
/// file does not have: callers that write check it with [`future`].)
pub(crate) fn case_problems(case: &Case) -> Vec<Problem> {
    let sources: HashSet<&str> = case.sources.iter().map(|s| s.id.as_str()).collect();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut out = Vec::new();
    for (i, o) in case.observations.iter().enumerate() {
        let e = Entity::Observation(i);
        if !is_id(&o.id) {
            out.push(problem(
                e,
                "id",
                format!(
                    "{:?} is not an id (1-100 ASCII letters, digits, '.', '_' or '-', starting with a letter or digit)",
                    o.id
                ),
            ));
        }
        if seen.insert(o.id.as_str(), i).is_some() {
            out.push(problem(
                e,
                "id",
                format!("duplicate observation id {:?}", o.id),
            ));
        }
        one(case, e, o, &sources, &mut out);
    }
    out
}

/// The checks of one observation against its case.
fn one(case: &Case, e: Entity, o: &Observation, sources: &HashSet<&str>, out: &mut Vec<Problem>) {
    match case
        .instruments
        .iter()
        .find(|i| i.id == o.provision.instrument())
    {
        Some(ins) if ins.provisions.iter().any(|p| p.citation == o.provision) => {
            if let Some(made) = ins.date
                && o.date.last_day() < made.earliest()
            {
                out.push(problem(
                    e,
                    "date",
                    format!(
                        "{} is before {} existed ({})",
                        o.date,
                        ins.id,
                        made.to_human()
                    ),
                ));
            }
        }
        _ => out.push(problem(
            e,
            "provision",
            format!("no provision {} in this case", o.provision),
        )),
    }
    for (k, s) in o.sources.iter().enumerate() {
        if !sources.contains(s.as_str()) {
            out.push(problem(
                e,
                &format!("sources[{k}]"),
                format!("no source {s:?} in this case"),
            ));
        }
    }
    if o.coded_by.as_deref().is_some_and(|c| c.trim().is_empty()) {
        out.push(problem(
            e,
            "coded_by",
            "must not be empty when given".into(),
        ));
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
    fn the_scale_is_zero_to_three() {
        for n in 0..=3 {
            assert_eq!(Score::new(n).map(Score::value), Ok(n as u8));
        }
        for bad in [-1, 4, 255, 256, i64::MAX] {
            let e = Score::new(bad).expect_err("off the scale");
            assert!(
                e.to_string().starts_with(&format!("{bad} is not on")),
                "{e}"
            );
        }
        assert_eq!(Score::parse(" 2 ").map(Score::value), Ok(2));
        assert!(Score::parse("two").is_err());
        assert!(Score::parse("2.5").is_err());
    }

    #[test]
    fn ids_read_like_the_citation_and_the_date() {
        let c = Citation::parse("ACPS Art. 15(2)(a)").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            default_id("pam", &c, Point::Year(2017)),
            "pam-acps-art-15-2-a-2017"
        );
    }

    #[test]
    fn an_observation_describes_a_point_not_a_range() {
        assert_eq!(parse_date("2017"), Ok(Point::Year(2017)));
        assert!(parse_date("2017-02").is_ok());
        assert!(parse_date("2017-02-01").is_ok());
        let e = parse_date("2017..2018").expect_err("a range");
        assert!(e.contains("not a range"), "{e}");
        assert!(parse_date("2017-13").is_err());
    }
}
