//! The case over time, in pictures (issue 14 §3): what the dashboard and a provision's page draw
//! (with `svg`) and print as tables, computed from the case a reader may see, as of a day when
//! asked. Pure functions of the case: the dashboard's are computed once per case version with the
//! rest of its status.
//!
//! - a provision: its confirmed implementation scores over time, and its confirmed findings per
//!   year by verdict;
//! - the dashboard: the mechanisms triggered, the letters sent and the responses received on one
//!   time axis, and the confirmed findings per month by verdict (per year when they span more than
//!   ten years).
//!
//! Every word is in the reader's language ([`Say`]); the tables beside the charts get ISO dates
//! and closed-vocabulary names, which the templates write out.

use std::collections::BTreeMap;

use accord_core::follow_through::{self, Record};
use accord_core::trigger::finding_day;
use accord_core::{
    CaseStatus, Day, Finding, FindingStatus, Named, ObservationStatus, ProvisionStatus, ValidCase,
    Verdict,
};
use minijinja::{Value, context};

use crate::svg::{self, Say};

/// The verdicts, in the order the charts stack them.
const VERDICTS: [Verdict; 3] = [
    Verdict::Violation,
    Verdict::ThreatOfViolation,
    Verdict::Concern,
];

/// Periods longer than this many months are drawn per year.
const MAX_MONTHS: i64 = 120;

/// A provision's page: its implementation scores and its violations over time.
pub(crate) fn provision(say: &Say<'_>, case: &ValidCase, ps: &ProvisionStatus<'_>) -> Value {
    let mut scores: Vec<&accord_core::Observation> = case
        .observations
        .iter()
        .filter(|o| {
            o.status == ObservationStatus::Confirmed && o.provision == ps.provision.citation
        })
        .collect();
    // A code says where things stood at the end of the date it describes.
    scores.sort_by_key(|o| o.date.last_day());
    let steps: Vec<svg::Step> = scores
        .iter()
        .map(|o| svg::Step {
            day: o.date.last_day().days_since_epoch(),
            date: say.lang.point(o.date),
            value: o.score.value(),
        })
        .collect();
    let citation = ps.provision.citation.to_string();
    let score_chart = svg::score_steps(
        say,
        "implementation-chart",
        &say.msg(
            "chart-implementation-title",
            &[("citation", citation.as_str().into())],
        ),
        &steps,
    );
    let score_rows: Vec<Value> = scores
        .iter()
        .map(|o| context! { date => o.date.to_string(), score => o.score.value(), label => o.score.label() })
        .collect();
    let (series, periods) = per_period(say, case, &ps.findings, true);
    let violations_chart = svg::stacked(
        say,
        "violations-chart",
        &say.msg(
            "chart-violations-title",
            &[("citation", citation.as_str().into())],
        ),
        &series.iter().map(String::as_str).collect::<Vec<_>>(),
        &drawn(say, &periods),
    );
    context! {
        score_chart => Value::from_safe_string(score_chart), score_rows,
        violations_chart => Value::from_safe_string(violations_chart),
        series_ids => series_ids(), violation_rows => rows(&periods),
    }
}

/// The dashboard: the case's timeline, and its confirmed findings per month by verdict.
pub(crate) fn dashboard(say: &Say<'_>, case: &ValidCase, status: &CaseStatus<'_>) -> Value {
    let mut triggered = Vec::new();
    for m in status.mechanisms.iter().filter(|m| m.triggered) {
        if let Some(i) = m.since_incident {
            let day = i.date.earliest();
            triggered.push(event(
                say,
                day,
                say.msg(
                    "chart-event-triggered",
                    &[
                        ("provision", m.mechanism.provision.to_string().into()),
                        ("mechanism", m.mechanism.name.as_str().into()),
                    ],
                ),
            ));
        }
    }
    let letters: Vec<Dated> = case
        .letters
        .iter()
        .map(|l| {
            event(
                say,
                l.date,
                say.msg("chart-event-letter", &[("title", l.title.as_str().into())]),
            )
        })
        .collect();
    let responses: Vec<Dated> = case
        .follow_through
        .iter()
        .filter_map(|f| match &f.what {
            Record::Response {
                from, date, action, ..
            } => {
                let who = case
                    .letter(&f.letter)
                    .and_then(|l| follow_through::addressee(l, from))
                    .map_or_else(|| from.clone(), |a| a.name.clone());
                Some(event(
                    say,
                    *date,
                    say.msg(
                        "chart-event-response",
                        &[
                            ("who", who.into()),
                            (
                                "action",
                                say.t(&format!("outcome-{}", action.as_str())).into(),
                            ),
                            ("letter", f.letter.as_str().into()),
                        ],
                    ),
                ))
            }
            _ => None,
        })
        .collect();
    // Each lane by its name (`triggered`, `letters`, `responses`): the table writes it out.
    let lanes = [
        ("triggered", triggered),
        ("letters", letters),
        ("responses", responses),
    ];
    let timeline_rows: Vec<Value> = {
        let mut all: Vec<(&str, &Dated)> = lanes
            .iter()
            .flat_map(|(kind, events)| events.iter().map(move |e| (*kind, e)))
            .collect();
        all.sort_by_key(|(_, e)| e.lane.day);
        all.iter()
            .map(|(kind, e)| context! { date => &e.iso, kind => *kind, what => &e.lane.label })
            .collect()
    };
    let lanes: Vec<svg::Lane> = lanes
        .into_iter()
        .enumerate()
        .map(|(i, (kind, events))| svg::Lane {
            label: say.t(&format!("dash-lane-{kind}")),
            events: events.into_iter().map(|e| e.lane).collect(),
            colour: i,
        })
        .collect();
    let timeline = svg::timeline(say, "case-timeline", &say.t("chart-timeline-title"), &lanes);
    let confirmed: Vec<&Finding> = case
        .findings
        .iter()
        .filter(|f| f.status == FindingStatus::Confirmed)
        .collect();
    let (series, periods) = per_period(say, case, &confirmed, false);
    let per = if periods.first().is_some_and(|p| p.label.len() == 4) {
        "year"
    } else {
        "month"
    };
    let findings_chart = svg::stacked(
        say,
        "findings-chart",
        &say.t(&format!("chart-findings-title-{per}")),
        &series.iter().map(String::as_str).collect::<Vec<_>>(),
        &drawn(say, &periods),
    );
    context! {
        timeline => Value::from_safe_string(timeline), timeline_rows,
        findings_chart => Value::from_safe_string(findings_chart), per,
        series_ids => series_ids(),
        findings_rows => rows(&periods),
    }
}

/// The verdicts' names (`violation`, ...), in the charts' order: the pages write them in the
/// reader's language (`verdict-*` messages).
fn series_ids() -> Vec<&'static str> {
    VERDICTS.iter().map(|v| v.as_str()).collect()
}

/// An event of the dashboard's timeline: the chart's (dated in the reader's language) and the
/// table's ISO day.
struct Dated {
    lane: svg::Event,
    iso: String,
}

fn event(say: &Say<'_>, day: Day, label: String) -> Dated {
    Dated {
        lane: svg::Event {
            day: day.days_since_epoch(),
            date: say.lang.day(day),
            label,
        },
        iso: day.to_string(),
    }
}

/// The periods as the charts print them: `2017-09` and `2017` in the reader's digits.
fn drawn(say: &Say<'_>, periods: &[svg::Period]) -> Vec<svg::Period> {
    periods
        .iter()
        .map(|p| svg::Period {
            label: say.lang.digits(&p.label),
            counts: p.counts.clone(),
        })
        .collect()
}

/// Findings counted per period (the day of their earliest incident) and verdict: every month (or
/// year, with `yearly` or over a long span) from the first to the last, empty ones included.
fn per_period(
    say: &Say<'_>,
    case: &ValidCase,
    findings: &[&Finding],
    yearly: bool,
) -> (Vec<String>, Vec<svg::Period>) {
    let series: Vec<String> = VERDICTS
        .iter()
        .map(|v| say.t(&format!("verdict-{}", v.as_str())))
        .collect();
    let days: Vec<(Day, Verdict)> = findings
        .iter()
        .filter_map(|f| finding_day(case, f).map(|d| (d, f.verdict)))
        .collect();
    let (Some(first), Some(last)) = (
        days.iter().map(|(d, _)| *d).min(),
        days.iter().map(|(d, _)| *d).max(),
    ) else {
        return (series, Vec::new());
    };
    let month = |d: Day| i64::from(d.year()) * 12 + i64::from(d.month()) - 1;
    let yearly = yearly || month(last) - month(first) >= MAX_MONTHS;
    let key = |d: Day| {
        if yearly {
            i64::from(d.year())
        } else {
            month(d)
        }
    };
    let mut counts: BTreeMap<i64, Vec<u64>> = BTreeMap::new();
    for k in key(first)..=key(last) {
        counts.insert(k, vec![0; VERDICTS.len()]);
    }
    for (d, v) in &days {
        if let Some(c) = counts.get_mut(&key(*d))
            && let Some(i) = VERDICTS.iter().position(|x| x == v)
        {
            c[i] += 1;
        }
    }
    let periods = counts
        .into_iter()
        .map(|(k, counts)| svg::Period {
            label: if yearly {
                format!("{k:04}")
            } else {
                format!("{:04}-{:02}", k.div_euclid(12), k.rem_euclid(12) + 1)
            },
            counts,
        })
        .collect();
    (series, periods)
}

/// The periods as table rows (those with at least one finding).
fn rows(periods: &[svg::Period]) -> Vec<Value> {
    periods
        .iter()
        .filter(|p| p.counts.iter().any(|c| *c > 0))
        .map(|p| context! { period => &p.label, counts => &p.counts, total => p.counts.iter().sum::<u64>() })
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests")]
    use super::*;

    #[test]
    fn every_verdict_has_its_words() {
        let say = crate::i18n::english();
        for v in VERDICTS {
            let id = format!("verdict-{}", v.as_str());
            assert_ne!(say.t(&id), id);
        }
    }
}
