//! The dissolution scenario of an election page: reading the form (a GET query, so a scenario is
//! a link anyone can share), checking it field by field, running the engine under one or more
//! rules side by side, and what the page shows of the results.
//!
//! Without a query the page shows the scenario the data itself suggests: the first dissolution the
//! election file records, under the recorded rule and the minor-parties rule, so that what an
//! authority decided stands beside what a stated rule computes. Nothing here knows any country.
//!
//! Every word is in the reader's language: the form's labels are the template's (`el-rule-*`,
//! `el-scope-*`, `el-basis-*`), the refusals and the columns' titles are catalog messages, and
//! the engine's steps, notes, tie rules and refusals, typed values, are worded by
//! [`election_words`] (a record's own note is shown as its author wrote it).

use accord_elections::{
    AllocateError, Basis, DissolveRule, Election, RecordedDissolution, Scenario, ScenarioNote,
    Scope, dissolve,
};
use minijinja::{Value, context};

use super::view::{Palette, index_lines, seat_groups, seat_list};
use crate::election_words;
use crate::forms::Fields;
use crate::svg::{self, Say};

/// The rules a visitor may pick, in the order the form lists them (the template writes
/// `el-rule-<name>`).
const RULES: [&str; 3] = ["recorded", "minor-parties", "rerun"];

/// A problem with one field of the scenario form.
#[derive(Debug, Clone)]
pub(super) struct FieldError {
    pub(super) field: &'static str,
    pub(super) message: String,
}

impl FieldError {
    pub(super) fn value(&self) -> Value {
        context! { field => self.field, message => &self.message }
    }
}

fn invalid(field: &'static str, message: String) -> FieldError {
    FieldError { field, message }
}

/// A checked scenario request.
#[derive(Debug, Clone)]
pub(super) struct Request {
    party: String,
    rules: Vec<&'static str>,
    scope: Scope,
    basis: Option<Basis>,
    declined: Vec<String>,
    /// Whether the request came from the data (no query) rather than from the form.
    from_data: bool,
}

/// A value echoed in an error message, shortened so a huge query cannot make a huge page.
fn shown(value: &str) -> String {
    let mut s: String = value.chars().take(60).collect();
    if value.chars().count() > 60 {
        s.push('…');
    }
    s
}

fn recorded_for<'e>(election: &'e Election, party: &str) -> Option<&'e RecordedDissolution> {
    election
        .recorded
        .dissolutions
        .iter()
        .find(|d| d.party == party)
}

/// The scenario asked for: `Ok(None)` when there is no query and the data suggests none.
pub(super) fn request(
    say: &Say<'_>,
    election: &Election,
    q: &Fields,
) -> Result<Option<Request>, Vec<FieldError>> {
    let asked = ["party", "rule", "scope", "basis", "declined"]
        .iter()
        .any(|f| !q.all_raw(f).is_empty());
    if !asked {
        return Ok(election.recorded.dissolutions.first().map(|d| Request {
            party: d.party.clone(),
            rules: vec!["recorded", "minor-parties"],
            scope: Scope::National,
            basis: None,
            declined: d.declined.clone(),
            from_data: true,
        }));
    }
    let mut errors = Vec::new();

    let party = match q.get("party") {
        None => {
            errors.push(invalid("party", say.t("el-err-party-missing")));
            None
        }
        Some(p) if election.party_index(p).is_none() => {
            errors.push(invalid(
                "party",
                say.msg(
                    "el-err-party-unknown",
                    &[
                        ("party", shown(p).into()),
                        ("parties", election.parties.join(", ").into()),
                    ],
                ),
            ));
            None
        }
        Some(p) => Some(p.to_owned()),
    };

    let mut rules: Vec<&'static str> = Vec::new();
    for r in q.all("rule") {
        match RULES.iter().find(|name| **name == r) {
            Some(name) if !rules.contains(name) => rules.push(name),
            Some(_) => {}
            None => errors.push(invalid(
                "rule",
                say.msg("el-err-rule-unknown", &[("rule", shown(&r).into())]),
            )),
        }
    }
    if rules.is_empty() && !errors.iter().any(|e| e.field == "rule") {
        errors.push(invalid("rule", say.t("el-err-rule-missing")));
    }
    if let Some(p) = &party
        && rules.contains(&"recorded")
        && recorded_for(election, p).is_none()
    {
        errors.push(invalid(
            "rule",
            say.msg("el-err-rule-not-recorded", &[("party", p.as_str().into())]),
        ));
    }

    let scope = match q.get("scope") {
        None | Some("national") => Scope::National,
        Some("constituency") => Scope::Constituency,
        Some(other) => {
            errors.push(invalid(
                "scope",
                say.msg("el-err-scope-unknown", &[("scope", shown(other).into())]),
            ));
            Scope::National
        }
    };

    let basis = match q.get("basis") {
        None => None,
        Some("computed") => Some(Basis::Computed),
        Some("recorded") if election.has_recorded_seats() => Some(Basis::Recorded),
        Some("recorded") => {
            errors.push(invalid("basis", say.t("el-err-basis-not-recorded")));
            None
        }
        Some(other) => {
            errors.push(invalid(
                "basis",
                say.msg("el-err-basis-unknown", &[("basis", shown(other).into())]),
            ));
            None
        }
    };

    let mut declined = Vec::new();
    for d in q.all("declined") {
        if election.party_index(&d).is_none() {
            errors.push(invalid(
                "declined",
                say.msg("el-err-declined-unknown", &[("party", shown(&d).into())]),
            ));
        } else if party.as_deref() == Some(d.as_str()) {
            errors.push(invalid(
                "declined",
                say.msg("el-err-declined-dissolved", &[("party", d.as_str().into())]),
            ));
        } else if !declined.contains(&d) {
            declined.push(d);
        }
    }

    match party {
        Some(party) if errors.is_empty() => Ok(Some(Request {
            party,
            rules,
            scope,
            basis,
            declined,
            from_data: false,
        })),
        _ => Err(errors),
    }
}

/// The form's state (`parties`, `rules`, `scopes`, `bases`, `declined`, each a list of
/// `value`, `label`, `selected`): from the checked request, or from the raw query on an error.
pub(super) fn form(palette: &Palette, q: &Fields, checked: Option<&Request>) -> Value {
    // What to show as selected: the request when there is one, else what was typed (so a
    // visitor can correct one field), else a neutral start (the first party, rerun).
    let (party, rules, scope, basis, declined): (String, Vec<String>, String, String, Vec<String>) =
        match checked {
            Some(r) => (
                r.party.clone(),
                r.rules.iter().map(|s| (*s).to_owned()).collect(),
                scope_name(r.scope).to_owned(),
                r.basis.map_or("", basis_name).to_owned(),
                r.declined.clone(),
            ),
            None if q.all_raw("party").is_empty() && q.all_raw("rule").is_empty() => (
                palette.order.first().cloned().unwrap_or_default(),
                vec!["rerun".to_owned()],
                "national".to_owned(),
                String::new(),
                Vec::new(),
            ),
            None => (
                q.get("party").unwrap_or("").to_owned(),
                q.all("rule"),
                q.get("scope").unwrap_or("national").to_owned(),
                q.get("basis").unwrap_or("").to_owned(),
                q.all("declined"),
            ),
        };
    // Parties are shown by their names; rules, scopes and bases by their values, which the
    // template writes out (`el-rule-*`, `el-scope-*`, `el-basis-choice-*`).
    let choice = |value: &str, label: &str, selected: bool| context! { value, label, selected };
    context! {
        parties => palette
            .order
            .iter()
            .map(|p| choice(p, p, *p == party))
            .collect::<Vec<_>>(),
        rules => RULES
            .iter()
            .map(|v| choice(v, v, rules.iter().any(|r| r == v)))
            .collect::<Vec<_>>(),
        scopes => ["national", "constituency"]
            .iter()
            .map(|v| choice(v, v, scope == *v))
            .collect::<Vec<_>>(),
        bases => ["", "recorded", "computed"]
            .iter()
            .map(|v| choice(v, if v.is_empty() { "default" } else { v }, basis == *v))
            .collect::<Vec<_>>(),
        declined => palette
            .order
            .iter()
            .map(|p| choice(p, p, declined.contains(p)))
            .collect::<Vec<_>>(),
    }
}

fn scope_name(s: Scope) -> &'static str {
    match s {
        Scope::National => "national",
        Scope::Constituency => "constituency",
    }
}

fn basis_name(b: Basis) -> &'static str {
    match b {
        Basis::Recorded => "recorded",
        Basis::Computed => "computed",
    }
}

fn rule_of(name: &str, r: &Request) -> DissolveRule {
    match name {
        "minor-parties" => DissolveRule::MinorParties {
            scope: r.scope,
            declined: r.declined.clone(),
            method: None,
        },
        "recorded" => DissolveRule::Recorded,
        _ => DissolveRule::Rerun,
    }
}

fn title_of(say: &Say<'_>, name: &str, r: &Request) -> String {
    match name {
        "minor-parties" => {
            let scope = say.t(&format!("el-scope-short-{}", scope_name(r.scope)));
            if r.declined.is_empty() {
                say.msg("el-title-minor", &[("scope", scope.into())])
            } else {
                say.msg(
                    "el-title-minor-declined",
                    &[
                        ("scope", scope.into()),
                        ("declined", r.declined.join(", ").into()),
                    ],
                )
            }
        }
        "recorded" => say.t("el-title-recorded"),
        _ => say.msg("el-title-rerun", &[("party", r.party.as_str().into())]),
    }
}

/// Runs every rule of the request and lays the results side by side: a diagram before and one
/// per rule after, a column per rule (its steps, notes and what the file records), one table of
/// seats and seat-minus-vote shares across the rules that computed, their indices and a chart of
/// the differences. A rule the engine refuses shows the engine's reason in its column.
pub(super) fn compute(say: &Say<'_>, election: &Election, palette: &Palette, r: &Request) -> Value {
    let results: Vec<(&str, Result<Scenario, AllocateError>)> = r
        .rules
        .iter()
        .map(|name| {
            (
                *name,
                dissolve(election, &r.party, &rule_of(name, r), r.basis),
            )
        })
        .collect();
    let ok: Vec<(&str, &Scenario)> = results
        .iter()
        .filter_map(|(n, res)| res.as_ref().ok().map(|s| (*n, s)))
        .collect();
    let first = ok.first().map(|(_, s)| *s);

    let columns: Vec<Value> = results
        .iter()
        .map(|(name, res)| column(say, election, palette, r, name, res))
        .collect();

    let rows: Vec<Value> = first.map_or_else(Vec::new, |f| {
        f.parties
            .iter()
            .map(|row| {
                let after: Vec<Value> = ok
                    .iter()
                    .map(
                        |(_, s)| match s.parties.iter().find(|x| x.party == row.party) {
                            Some(a) => context! {
                                seats => a.seats_after,
                                change => match a.change {
                                    0 => say.lang.digits("±0"),
                                    c if c > 0 => format!("+{}", say.lang.number(c)),
                                    c => say.lang.number(c),
                                },
                                difference => say.points(a.difference_after),
                            },
                            None => context! { seats => 0, change => "", difference => "" },
                        },
                    )
                    .collect();
                context! {
                    party => &row.party,
                    vote_share => say.percent(row.vote_share),
                    before => row.seats_before,
                    before_difference => say.points(row.difference_before),
                    after,
                }
            })
            .collect()
    });

    let mut index_columns = Vec::new();
    let mut index_heads = Vec::new();
    let rule_word = |name: &str| say.t(&format!("el-rule-short-{name}"));
    if let Some(f) = first {
        index_heads.push(say.t("el-before"));
        index_columns.push(f.indices_before);
        for (name, s) in &ok {
            index_heads.push(say.msg("el-after", &[("rule", rule_word(name).into())]));
            index_columns.push(s.indices_after);
        }
    }
    let mut series: Vec<String> = vec![say.t("el-before")];
    series.extend(ok.iter().map(|(n, _)| rule_word(n)));
    let differences = first.map_or_else(String::new, |f| {
        svg::differences(
            say,
            "seat-vote-gap",
            &say.t("el-chart-differences"),
            &series.iter().map(String::as_str).collect::<Vec<_>>(),
            &f.parties
                .iter()
                .map(|row| {
                    let mut values = vec![row.difference_before];
                    values.extend(ok.iter().map(|(_, s)| {
                        s.parties
                            .iter()
                            .find(|x| x.party == row.party)
                            .map_or(0.0, |x| x.difference_after)
                    }));
                    svg::DifferenceRow {
                        label: row.party.clone(),
                        values,
                        colour: palette.of(&row.party),
                    }
                })
                .collect::<Vec<_>>(),
        )
    });

    context! {
        party => &r.party,
        from_data => r.from_data,
        basis => first.map_or_else(String::new, |f| f.basis.clone()),
        before_seats => first.map_or_else(String::new, |f| {
            seat_list(say, f.totals_before.iter().map(|(p, n)| (p, *n)))
        }),
        before_hemicycle => first.map_or_else(String::new, |f| {
            svg::hemicycle(
                say,
                "before",
                &say.msg("el-chart-before", &[("party", r.party.as_str().into())]),
                &seat_groups(election, palette, &seats_by_party(election, f, false)),
            )
        }),
        columns,
        heads => ok.iter().map(|(n, _)| rule_word(n)).collect::<Vec<_>>(),
        rows,
        index_heads,
        indices => index_lines(say, &index_columns),
        differences,
    }
}

/// Seats per party (by party number), before or after.
fn seats_by_party(election: &Election, s: &Scenario, after: bool) -> Vec<u64> {
    election
        .parties
        .iter()
        .map(|p| {
            s.parties
                .iter()
                .find(|row| row.party == *p)
                .map_or(0, |row| {
                    if after {
                        row.seats_after
                    } else {
                        row.seats_before
                    }
                })
        })
        .collect()
}

/// One rule's column: its diagram, seats, steps and notes, or the engine's reason it failed.
fn column(
    say: &Say<'_>,
    election: &Election,
    palette: &Palette,
    r: &Request,
    name: &str,
    res: &Result<Scenario, AllocateError>,
) -> Value {
    let record = (name == "recorded")
        .then(|| recorded_for(election, &r.party))
        .flatten()
        .map(|d| {
            let mut line = match d.date.as_deref().map(accord_core::Day::parse) {
                Some(Ok(day)) => say.msg("el-recorded-on", &[("date", say.lang.day(day).into())]),
                Some(Err(_)) => say.msg(
                    "el-recorded-on",
                    &[("date", d.date.clone().unwrap_or_default().into())],
                ),
                None => say.t("el-recorded"),
            };
            if !d.sources.is_empty() {
                line = say.msg(
                    "el-recorded-sources",
                    &[
                        ("recorded", line.into()),
                        ("sources", d.sources.join(", ").into()),
                    ],
                );
            }
            match &d.note {
                Some(note) => say.msg(
                    "el-recorded-note",
                    &[("recorded", line.into()), ("note", note.as_str().into())],
                ),
                None => line,
            }
        });
    let title = title_of(say, name, r);
    match res {
        Ok(s) => {
            // The engine repeats the record's note among its notes; the record is shown on its
            // own (`record` above).
            let notes: Vec<String> = s
                .notes
                .iter()
                .filter(|n| !matches!(n, ScenarioNote::Recorded(_)))
                .map(|n| election_words::scenario_note(say, n))
                .chain(
                    s.ties
                        .iter()
                        .map(|t| say.msg("el-note-tie", &election_words::tie_args(say, t))),
                )
                .collect();
            let steps: Vec<String> = s
                .steps
                .iter()
                .map(|st| {
                    say.msg(
                        "el-step-seats",
                        &[
                            ("step", election_words::step(say, st).into()),
                            (
                                "seats",
                                seat_list(say, st.seats.iter().map(|(p, n)| (p, *n))).into(),
                            ),
                        ],
                    )
                })
                .collect();
            context! {
                rule => name,
                rule_word => say.t(&format!("el-rule-short-{name}")),
                hemicycle => svg::hemicycle(
                    say,
                    &format!("after-{name}"),
                    &say.msg("el-after", &[("rule", title.as_str().into())]),
                    &seat_groups(election, palette, &seats_by_party(election, s, true)),
                ),
                title,
                error => Option::<String>::None,
                seats => seat_list(say, s.totals_after.iter().map(|(p, n)| (p, *n))),
                steps,
                notes,
                record,
            }
        }
        Err(e) => context! {
            rule => name,
            rule_word => say.t(&format!("el-rule-short-{name}")),
            title,
            error => election_words::allocate_error(say, e),
            record,
        },
    }
}
