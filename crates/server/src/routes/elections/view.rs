//! What the election pages show, computed from the engine's results: the list's summaries, the
//! votes-and-seats section with its charts and indices, and the notes that say what the data
//! leaves out. View types only: numbers are formatted here, templates just place them.

use accord_core::ElectionFile;
use accord_elections::indices::{indices, shares};
use accord_elections::{AllocateError, Allocation, Election, Indices, allocate};
use minijinja::{Value, context};

use crate::svg;

/// One line of the list of a case's elections (with the engine's error when the file cannot be
/// read).
pub(super) fn summary(file: &ElectionFile) -> Value {
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
            error => err.to_string(),
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
pub(super) fn facts(election: &Election) -> Value {
    let fraction = |f: accord_elections::Fraction| {
        (f.num > 0).then(|| format!("{}%", trim_float(f.as_f64() * 100.0)))
    };
    context! {
        method => election.method.name(),
        seats => election.total_seats(),
        constituencies => election.constituencies.len(),
        parties => election.parties.len(),
        threshold => fraction(election.threshold),
        constituency_threshold => fraction(election.constituency_threshold),
        votes => thousands(election.national_votes().iter().sum()),
    }
}

/// The indices as table lines (`name`, `about`, one value per column).
pub(super) fn index_lines(columns: &[Indices]) -> Vec<Value> {
    let line = |name: &str, about: &str, f: fn(&Indices) -> f64| {
        let values: Vec<String> = columns.iter().map(|i| format!("{:.2}", f(i))).collect();
        context! { name, about, values }
    };
    vec![
        line(
            "Gallagher",
            "least-squares index, in percent: 0 is perfectly proportional",
            |i| i.gallagher,
        ),
        line(
            "Loosemore–Hanby",
            "half the sum of the gaps between seat and vote shares, in percent",
            |i| i.loosemore_hanby,
        ),
        line(
            "Sainte-Laguë index",
            "sum of squared gaps weighted by vote share",
            |i| i.sainte_lague,
        ),
        line(
            "Effective parties (votes)",
            "Laakso–Taagepera, by votes",
            |i| i.enp_votes,
        ),
        line(
            "Effective parties (seats)",
            "Laakso–Taagepera, by seats",
            |i| i.enp_seats,
        ),
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
pub(super) fn result(election: &Election, palette: &Palette) -> Value {
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
    let (basis, seats) = match (&official, &computed_seats) {
        (Some(o), _) => (
            "the official seats recorded in the election file",
            o.clone(),
        ),
        (None, Some(c)) => ("the seats computed by the election's method", c.clone()),
        (None, None) => (
            "no seats: the method cannot allocate these votes (see the notes)",
            vec![0; election.parties.len()],
        ),
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
                votes => thousands(votes[p]),
                vote_share => svg::percent(vs[p]),
                seats => seats[p],
                seat_share => svg::percent(ss[p]),
                difference => svg::points(ss[p] - vs[p]),
                computed => computed_seats
                    .as_ref()
                    .filter(|_| show_computed)
                    .map(|c| c[p]),
            }
        })
        .collect();
    let chart = svg::votes_seats(
        "votes-seats",
        &format!("{}: share of votes and share of seats", election.name),
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
        "hemicycle",
        &format!("{}: seats", election.name),
        &seat_groups(election, palette, &seats),
    );
    let mut index_columns = vec![if official.is_some() {
        "official seats".to_owned()
    } else {
        "computed seats".to_owned()
    }];
    let mut columns = vec![indices(&votes, &seats)];
    if let (true, Some(c)) = (show_computed, &computed_seats) {
        index_columns.push(format!("computed ({})", election.method.name()));
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
                won => seat_list(u.won.iter().map(|(p, s)| (p, *s))),
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
        indices => index_lines(&columns),
        breakdown,
        flags => flags(election, &computed),
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
fn flags(election: &Election, computed: &Result<Allocation, AllocateError>) -> Vec<String> {
    let mut out = Vec::new();
    match computed {
        Err(e) => out.push(format!(
            "The election's method ({}) cannot allocate these votes: {e}.",
            election.method.name()
        )),
        Ok(a) => {
            if let Some(rec) = a.recorded.as_ref().filter(|r| !r.matches) {
                let shown: Vec<String> = rec
                    .differences
                    .iter()
                    .take(8)
                    .map(|d| {
                        let place = if election.constituencies.len() > 1 {
                            format!(" in {}", d.constituency)
                        } else {
                            String::new()
                        };
                        format!(
                            "{}{place}: {} computed, {} recorded",
                            d.party, d.computed, d.recorded
                        )
                    })
                    .collect();
                let more = rec.differences.len().saturating_sub(shown.len());
                out.push(format!(
                    "The seats the method ({}) computes from these votes differ from the official ones — {}{}. The page shows the official seats.",
                    election.method.name(),
                    shown.join("; "),
                    if more > 0 {
                        format!(" and {more} more")
                    } else {
                        String::new()
                    }
                ));
            }
            for t in &a.ties {
                out.push(format!(
                    "Tie in {} from seat {}: {} were exactly equal; settled by \"{}\" for {}.",
                    t.constituency,
                    t.seat,
                    t.tied.join(", "),
                    t.rule,
                    t.winners.join(", ")
                ));
            }
            if !a.below_threshold.is_empty() {
                out.push(format!(
                    "Below the national threshold: {}.",
                    a.below_threshold.join(", ")
                ));
            }
        }
    }
    if !election.recorded.breakdown.is_empty() {
        out.push(format!(
            "Official seats are also recorded for {} units that are not the file's constituencies (listed below); their votes are not in the file, so nothing here is computed per unit.",
            election.recorded.breakdown.len()
        ));
    }
    out
}

/// `A 3, B 2` (parties without seats left out).
pub(super) fn seat_list<'a>(seats: impl Iterator<Item = (&'a str, u64)>) -> String {
    let parts: Vec<String> = seats
        .filter(|(_, s)| *s > 0)
        .map(|(p, s)| format!("{p} {s}"))
        .collect();
    if parts.is_empty() {
        "none".to_owned()
    } else {
        parts.join(", ")
    }
}

/// 3235969 as `3,235,969`.
pub(super) fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A short decimal without trailing zeros (`5`, `3.5`, `0.25`).
fn trim_float(x: f64) -> String {
    let s = format!("{x:.4}");
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(3_235_969), "3,235,969");
        assert_eq!(thousands(12_345_678_901), "12,345,678,901");
    }

    #[test]
    fn short_decimals() {
        assert_eq!(trim_float(5.0), "5");
        assert_eq!(trim_float(3.5), "3.5");
        assert_eq!(trim_float(0.25), "0.25");
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
        let notes = flags(&e, &allocate(&e));
        assert!(
            notes.iter().any(|f| f.contains("cannot allocate")),
            "{notes:?}"
        );
        // And the section still renders (no seats, every party listed).
        let v = result(&e, &Palette::new(&e));
        assert_eq!(v.get_attr("rows").unwrap().len(), Some(2));
    }
}
