//! What the election pages show, computed from the engine's results: the list's summaries, the
//! votes-and-seats section with its charts and indices, and the notes that say what the data
//! leaves out. View types only: numbers are formatted here, in the reader's language ([`Say`]),
//! and every sentence comes from the catalogs; templates just place them.

use accord_core::ElectionFile;
use accord_elections::indices::{indices, shares};
use accord_elections::{AllocateError, Allocation, Election, Indices, allocate};
use minijinja::{Value, context};

use crate::election_words;
use crate::svg::{self, Say};

/// One line of the list of a case's elections (with the engine's reason, in the reader's
/// language, when the file cannot be read).
pub(super) fn summary(say: &Say<'_>, file: &ElectionFile) -> Value {
    match Election::from_json(&file.json) {
        Ok(e) => context! {
            id => &file.id,
            name => &e.name,
            method => e.method.name(),
            seats => e.total_seats(),
            constituencies => e.constituencies.len(),
            parties => Palette::new(&e).order,
            error => Option::<String>::None,
        },
        Err(err) => context! {
            id => &file.id,
            name => &file.id,
            error => election_words::input_error(say, &err),
        },
    }
}

/// Parties in a fixed order (most votes first, then file order), which gives each its colour:
/// the same party has the same colour in every chart of the page.
#[derive(Debug, Clone)]
pub(super) struct Palette {
    pub(super) order: Vec<String>,
}

impl Palette {
    pub(super) fn new(election: &Election) -> Palette {
        let votes = election.national_votes();
        let mut idx: Vec<usize> = (0..election.parties.len()).collect();
        idx.sort_by(|&a, &b| votes[b].cmp(&votes[a]).then(a.cmp(&b)));
        Palette {
            order: idx
                .into_iter()
                .map(|i| election.parties[i].clone())
                .collect(),
        }
    }

    /// The palette position of a party (unknown names go after the known ones).
    pub(super) fn of(&self, party: &str) -> usize {
        self.order
            .iter()
            .position(|p| p == party)
            .unwrap_or(self.order.len())
    }
}

/// The figures of the election's facts list.
pub(super) fn facts(say: &Say<'_>, election: &Election) -> Value {
    let fraction = |f: accord_elections::Fraction| {
        (f.num > 0).then(|| {
            say.lang
                .percent(f.as_f64() * 100.0, places(f.as_f64() * 100.0))
        })
    };
    context! {
        method => election.method.name(),
        seats => election.total_seats(),
        constituencies => election.constituencies.len(),
        parties => election.parties.len(),
        threshold => fraction(election.threshold),
        constituency_threshold => fraction(election.constituency_threshold),
        votes => election.national_votes().iter().sum::<u64>(),
    }
}

/// The indices as table lines (`name`, `about`, one value per column).
/// The template writes each index's name and explanation (`el-index-<name>`,
/// `el-index-<name>-about`).
pub(super) fn index_lines(say: &Say<'_>, columns: &[Indices]) -> Vec<Value> {
    let line = |name: &str, f: fn(&Indices) -> f64| {
        let values: Vec<String> = columns.iter().map(|i| say.decimal(f(i), 2)).collect();
        context! { name, values }
    };
    vec![
        line("gallagher", |i| i.gallagher),
        line("loosemore-hanby", |i| i.loosemore_hanby),
        line("sainte-lague", |i| i.sainte_lague),
        line("enp-votes", |i| i.enp_votes),
        line("enp-seats", |i| i.enp_seats),
    ]
}

/// The official seats per party (by party number), when every constituency records them.
pub(super) fn recorded_totals(election: &Election) -> Option<Vec<u64>> {
    if !election.has_recorded_seats() {
        return None;
    }
    let mut totals = vec![0u64; election.parties.len()];
    for c in &election.constituencies {
        for &(p, s) in c.recorded_seats.as_deref().unwrap_or(&[]) {
            totals[p] = totals[p].saturating_add(s);
        }
    }
    Some(totals)
}

/// The votes-and-seats section: the official seats when the file records them (else the
/// computed ones), the chart, the diagram, the indices and the engine's notes.
pub(super) fn result(say: &Say<'_>, election: &Election, palette: &Palette) -> Value {
    let votes = election.national_votes();
    let computed: Result<Allocation, AllocateError> = allocate(election);
    let computed_seats: Option<Vec<u64>> = computed.as_ref().ok().map(|a| {
        election
            .parties
            .iter()
            .map(|p| a.totals.get(p).copied().unwrap_or(0))
            .collect()
    });
    let official = recorded_totals(election);
    // Which seats are shown: the template writes `el-basis-<basis>`.
    let (basis, seats) = match (&official, &computed_seats) {
        (Some(o), _) => ("official", o.clone()),
        (None, Some(c)) => ("computed", c.clone()),
        (None, None) => ("none", vec![0; election.parties.len()]),
    };
    let show_computed = official.is_some() && computed_seats.is_some();
    let (vs, ss) = (shares(&votes), shares(&seats));
    let order: Vec<usize> = palette
        .order
        .iter()
        .filter_map(|p| election.party_index(p))
        .collect();
    let rows: Vec<Value> = order
        .iter()
        .map(|&p| {
            context! {
                party => &election.parties[p],
                votes => votes[p],
                vote_share => say.percent(vs[p]),
                seats => seats[p],
                seat_share => say.percent(ss[p]),
                difference => say.points(ss[p] - vs[p]),
                computed => computed_seats
                    .as_ref()
                    .filter(|_| show_computed)
                    .map(|c| c[p]),
            }
        })
        .collect();
    let chart = svg::votes_seats(
        say,
        "votes-seats",
        &say.msg(
            "el-chart-votes-seats",
            &[("name", election.name.as_str().into())],
        ),
        &order
            .iter()
            .map(|&p| svg::ShareRow {
                label: election.parties[p].clone(),
                vote_share: vs[p],
                seat_share: ss[p],
                colour: palette.of(&election.parties[p]),
            })
            .collect::<Vec<_>>(),
    );
    let hemicycle = svg::hemicycle(
        say,
        "hemicycle",
        &say.msg("el-chart-seats", &[("name", election.name.as_str().into())]),
        &seat_groups(election, palette, &seats),
    );
    let mut index_columns = vec![if official.is_some() {
        say.t("el-index-official")
    } else {
        say.t("el-index-computed")
    }];
    let mut columns = vec![indices(&votes, &seats)];
    if let (true, Some(c)) = (show_computed, &computed_seats) {
        index_columns.push(say.msg(
            "el-index-computed-by",
            &[("method", election.method.name().into())],
        ));
        columns.push(indices(&votes, c));
    }
    let breakdown: Vec<Value> = election
        .recorded
        .breakdown
        .iter()
        .map(|u| {
            context! {
                name => &u.name,
                seats => u.seats,
                won => seat_list(say, u.won.iter().map(|(p, s)| (p, *s))),
            }
        })
        .collect();
    context! {
        basis,
        rows,
        show_computed,
        chart,
        hemicycle,
        index_columns,
        indices => index_lines(say, &columns),
        breakdown,
        flags => flags(say, election, &computed),
    }
}

/// Seat groups for a diagram, in palette order.
pub(super) fn seat_groups(
    election: &Election,
    palette: &Palette,
    seats: &[u64],
) -> Vec<svg::SeatGroup> {
    palette
        .order
        .iter()
        .filter_map(|p| election.party_index(p).map(|i| (p, i)))
        .map(|(p, i)| svg::SeatGroup {
            label: p.clone(),
            seats: seats.get(i).copied().unwrap_or(0),
            colour: palette.of(p),
        })
        .collect()
}

/// What the engine's results say about the data that a reader must not miss.
fn flags(
    say: &Say<'_>,
    election: &Election,
    computed: &Result<Allocation, AllocateError>,
) -> Vec<String> {
    let mut out = Vec::new();
    let method = election.method.name();
    match computed {
        Err(e) => out.push(say.msg(
            "el-flag-cannot-allocate",
            &[
                ("method", method.into()),
                ("reason", election_words::allocate_error(say, e).into()),
            ],
        )),
        Ok(a) => {
            if let Some(rec) = a.recorded.as_ref().filter(|r| !r.matches) {
                let shown: Vec<String> = rec
                    .differences
                    .iter()
                    .take(8)
                    .map(|d| {
                        let args = [
                            ("party", d.party.as_str().into()),
                            ("place", d.constituency.as_str().into()),
                            ("computed", d.computed.into()),
                            ("recorded", d.recorded.into()),
                        ];
                        if election.constituencies.len() > 1 {
                            say.msg("el-flag-difference-in", &args)
                        } else {
                            say.msg("el-flag-difference", &args)
                        }
                    })
                    .collect();
                let more = rec.differences.len().saturating_sub(shown.len());
                out.push(say.msg(
                    "el-flag-differ",
                    &[
                        ("method", method.into()),
                        ("differences", shown.join("; ").into()),
                        ("more", more.into()),
                    ],
                ));
            }
            for t in &a.ties {
                out.push(say.msg("el-flag-tie", &election_words::tie_args(say, t)));
            }
            if !a.below_threshold.is_empty() {
                out.push(say.msg(
                    "el-flag-below-threshold",
                    &[("parties", a.below_threshold.join(", ").into())],
                ));
            }
        }
    }
    if !election.recorded.breakdown.is_empty() {
        out.push(say.msg(
            "el-flag-breakdown",
            &[("units", election.recorded.breakdown.len().into())],
        ));
    }
    out
}

/// `A 3, B 2` (parties without seats left out).
pub(super) fn seat_list<'a>(say: &Say<'_>, seats: impl Iterator<Item = (&'a str, u64)>) -> String {
    let parts: Vec<String> = seats
        .filter(|(_, s)| *s > 0)
        .map(|(p, s)| format!("{p} {}", say.num(s)))
        .collect();
    if parts.is_empty() {
        say.t("el-no-seat")
    } else {
        parts.join(", ")
    }
}

/// How many decimals a short figure needs (`5`, `3.5`, `0.25`; at most four).
fn places(x: f64) -> usize {
    let s = format!("{x:.4}");
    let trimmed = s.trim_end_matches('0');
    trimmed
        .split_once('.')
        .map_or(0, |(_, fraction)| fraction.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_decimals() {
        assert_eq!(places(5.0), 0);
        assert_eq!(places(3.5), 1);
        assert_eq!(places(0.25), 2);
        let fr = crate::svg::Say::new(crate::i18n::test_catalogs(), accord_core::Lang::Fr);
        assert_eq!(fr.lang.percent(3.5, places(3.5)), "3,5\u{202F}%");
    }

    #[test]
    fn palette_order_is_by_votes_then_file_order() {
        let e = Election::from_json(
            r#"{"name": "x", "method": "dhondt", "constituencies": [
                {"name": "N", "seats": 3, "votes": {"A": 10, "B": 30, "C": 10}}]}"#,
        )
        .unwrap();
        let p = Palette::new(&e);
        assert_eq!(p.order, vec!["B", "A", "C"]);
        assert_eq!(p.of("B"), 0);
        assert_eq!(p.of("C"), 2);
        assert_eq!(p.of("?"), 3);
    }

    #[test]
    fn a_tie_the_method_cannot_settle_is_a_note_not_a_failure() {
        let e = Election::from_json(
            r#"{"name": "x", "method": "dhondt", "constituencies": [
                {"name": "N", "seats": 1, "votes": {"A": 10, "B": 10}}]}"#,
        )
        .unwrap();
        let say = crate::i18n::english();
        let notes = flags(&say, &e, &allocate(&e));
        assert!(
            notes.iter().any(|f| f.contains("cannot allocate")),
            "{notes:?}"
        );
        // And the section still renders (no seats, every party listed).
        let v = result(&say, &e, &Palette::new(&e));
        assert_eq!(v.get_attr("rows").unwrap().len(), Some(2));
    }
}
