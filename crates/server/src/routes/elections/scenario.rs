//! The dissolution scenario of an election page: reading the form (a GET query, so a scenario is
//! a link anyone can share), checking it field by field, running the engine under one or more
//! rules side by side, and what the page shows of the results.
//!
//! Without a query the page shows the scenario the data itself suggests: the first dissolution the
//! election file records, under the recorded rule and the minor-parties rule, so that what an
//! authority decided stands beside what a stated rule computes. Nothing here knows any country.

use accord_elections::{
    AllocateError, Basis, DissolveRule, Election, RecordedDissolution, Scenario, Scope, dissolve,
};
use minijinja::{Value, context};

use super::view::{Palette, index_lines, seat_groups, seat_list};
use crate::forms::Fields;
use crate::svg;

/// The rules a visitor may pick, in the order the form lists them.
const RULES: [(&str, &str); 3] = [
    (
        "recorded",
        "Recorded: what the authority decided, as the election file records it",
    ),
    (
        "minor-parties",
        "Minor parties: the seats go only to parties that won none, by highest average; declined seats pass to seated parties",
    ),
    (
        "rerun",
        "Rerun: the election's method applied again as if the party had not stood",
    ),
];

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
pub(super) fn request(election: &Election, q: &Fields) -> Result<Option<Request>, Vec<FieldError>> {
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
            errors.push(invalid("party", "choose the party to dissolve".to_owned()));
            None
        }
        Some(p) if election.party_index(p).is_none() => {
            errors.push(invalid(
                "party",
                format!(
                    "\"{}\" does not stand in this election (parties: {})",
                    shown(p),
                    election.parties.join(", ")
                ),
            ));
            None
        }
        Some(p) => Some(p.to_owned()),
    };

    let mut rules: Vec<&'static str> = Vec::new();
    for r in q.all("rule") {
        match RULES.iter().find(|(name, _)| *name == r) {
            Some((name, _)) if !rules.contains(name) => rules.push(name),
            Some(_) => {}
            None => errors.push(invalid(
                "rule",
                format!(
                    "unknown rule \"{}\" (rules: recorded, minor-parties, rerun)",
                    shown(&r)
                ),
            )),
        }
    }
    if rules.is_empty() && !errors.iter().any(|e| e.field == "rule") {
        errors.push(invalid("rule", "choose at least one rule".to_owned()));
    }
    if let Some(p) = &party
        && rules.contains(&"recorded")
        && recorded_for(election, p).is_none()
    {
        errors.push(invalid(
            "rule",
            format!("the election file records no dissolution of \"{p}\"; choose another rule"),
        ));
    }

    let scope = match q.get("scope") {
        None | Some("national") => Scope::National,
        Some("constituency") => Scope::Constituency,
        Some(other) => {
            errors.push(invalid(
                "scope",
                format!(
                    "unknown scope \"{}\" (national or constituency)",
                    shown(other)
                ),
            ));
            Scope::National
        }
    };

    let basis = match q.get("basis") {
        None => None,
        Some("computed") => Some(Basis::Computed),
        Some("recorded") if election.has_recorded_seats() => Some(Basis::Recorded),
        Some("recorded") => {
            errors.push(invalid(
                "basis",
                "the election file does not record official seats for every constituency"
                    .to_owned(),
            ));
            None
        }
        Some(other) => {
            errors.push(invalid(
                "basis",
                format!("unknown basis \"{}\" (recorded or computed)", shown(other)),
            ));
            None
        }
    };

    let mut declined = Vec::new();
    for d in q.all("declined") {
        if election.party_index(&d).is_none() {
            errors.push(invalid(
                "declined",
                format!("\"{}\" does not stand in this election", shown(&d)),
            ));
        } else if party.as_deref() == Some(d.as_str()) {
            errors.push(invalid(
                "declined",
                format!("\"{d}\" is the dissolved party; it cannot also decline"),
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
    let choice = |value: &str, label: &str, selected: bool| context! { value, label, selected };
    context! {
        parties => palette
            .order
            .iter()
            .map(|p| choice(p, p, *p == party))
            .collect::<Vec<_>>(),
        rules => RULES
            .iter()
            .map(|(v, l)| choice(v, l, rules.iter().any(|r| r == v)))
            .collect::<Vec<_>>(),
        scopes => [
            ("national", "national: parties without a seat anywhere"),
            (
                "constituency",
                "per constituency: parties without a seat there",
            ),
        ]
        .iter()
        .map(|(v, l)| choice(v, l, scope == *v))
        .collect::<Vec<_>>(),
        bases => [
            (
                "",
                "default: the official seats when the file records them all",
            ),
            ("recorded", "the official seats"),
            ("computed", "the seats the election's method computes"),
        ]
        .iter()
        .map(|(v, l)| choice(v, l, basis == *v))
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

fn title_of(name: &str, r: &Request) -> String {
    match name {
        "minor-parties" => {
            let scope = match r.scope {
                Scope::National => "national",
                Scope::Constituency => "per constituency",
            };
            if r.declined.is_empty() {
                format!("Minor parties ({scope}, D'Hondt)")
            } else {
                format!(
                    "Minor parties ({scope}, D'Hondt; declined: {})",
                    r.declined.join(", ")
                )
            }
        }
        "recorded" => "Recorded (what the authority decided)".to_owned(),
        _ => format!("Rerun without {}", r.party),
    }
}

/// Runs every rule of the request and lays the results side by side: a diagram before and one
/// per rule after, a column per rule (its steps, notes and what the file records), one table of
/// seats and seat-minus-vote shares across the rules that computed, their indices and a chart of
/// the differences. A rule the engine refuses shows the engine's reason in its column.
pub(super) fn compute(election: &Election, palette: &Palette, r: &Request) -> Value {
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
        .map(|(name, res)| column(election, palette, r, name, res))
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
                                    0 => "±0".to_owned(),
                                    c => format!("{c:+}"),
                                },
                                difference => svg::points(a.difference_after),
                            },
                            None => context! { seats => 0, change => "", difference => "" },
                        },
                    )
                    .collect();
                context! {
                    party => &row.party,
                    vote_share => svg::percent(row.vote_share),
                    before => row.seats_before,
                    before_difference => svg::points(row.difference_before),
                    after,
                }
            })
            .collect()
    });

    let mut index_columns = Vec::new();
    let mut index_heads = Vec::new();
    if let Some(f) = first {
        index_heads.push("before".to_owned());
        index_columns.push(f.indices_before);
        for (name, s) in &ok {
            index_heads.push(format!("after: {name}"));
            index_columns.push(s.indices_after);
        }
    }
    let mut series: Vec<&str> = vec!["before"];
    series.extend(ok.iter().map(|(n, _)| *n));
    let differences = first.map_or_else(String::new, |f| {
        svg::differences(
            "seat-vote-gap",
            "Seat share minus vote share, before and after",
            &series,
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
            seat_list(f.totals_before.iter().map(|(p, n)| (p, *n)))
        }),
        before_hemicycle => first.map_or_else(String::new, |f| {
            svg::hemicycle(
                "before",
                &format!("Before: seats with {}", r.party),
                &seat_groups(election, palette, &seats_by_party(election, f, false)),
            )
        }),
        columns,
        heads => ok.iter().map(|(n, _)| (*n).to_owned()).collect::<Vec<_>>(),
        rows,
        index_heads,
        indices => index_lines(&index_columns),
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
            context! {
                date => &d.date,
                note => &d.note,
                sources => &d.sources,
            }
        });
    let title = title_of(name, r);
    // The engine repeats the record's note among its notes; the record is shown on its own.
    let record_note = recorded_for(election, &r.party).and_then(|d| d.note.as_deref());
    match res {
        Ok(s) => {
            let notes: Vec<String> = s
                .notes
                .iter()
                .filter(|n| name != "recorded" || Some(n.as_str()) != record_note)
                .cloned()
                .chain(s.ties.iter().map(|t| {
                    format!(
                        "tie in {} from seat {} between {}, settled by \"{}\" for {}",
                        t.constituency,
                        t.seat,
                        t.tied.join(", "),
                        t.rule,
                        t.winners.join(", ")
                    )
                }))
                .collect();
            let steps: Vec<String> = s
                .steps
                .iter()
                .map(|st| {
                    format!(
                        "{}: {}",
                        st.description,
                        seat_list(st.seats.iter().map(|(p, n)| (p, *n)))
                    )
                })
                .collect();
            context! {
                rule => name,
                hemicycle => svg::hemicycle(
                    &format!("after-{name}"),
                    &format!("After: {title}"),
                    &seat_groups(election, palette, &seats_by_party(election, s, true)),
                ),
                title,
                error => Option::<String>::None,
                seats => seat_list(s.totals_after.iter().map(|(p, n)| (p, *n))),
                steps,
                notes,
                record,
            }
        }
        Err(e) => context! {
            rule => name,
            title,
            error => e.to_string(),
            record,
        },
    }
}
