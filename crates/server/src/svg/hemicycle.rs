//! The parliament diagram: every seat a dot, in concentric arcs, each party a wedge in its colour,
//! the way an assembly is usually pictured; with a legend that names every party and its seats.
//!
//! The layout is computed here, not borrowed: rows of seats on half-circles between 40 % and
//! 100 % of the radius, as few rows as can hold the house with dots at least one row-spacing
//! apart, seats shared among rows in proportion to their length (largest remainders), then all
//! seats taken left to right by angle so that each party fills one wedge.

use std::f64::consts::PI;
use std::fmt::Write as _;

use super::{Say, clip, colour, escape, n, open, text, text_width};

/// One party's seats.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeatGroup {
    pub label: String,
    pub seats: u64,
    /// Palette position (see [`super::colour`]).
    pub colour: usize,
}

/// Houses larger than this are drawn as coloured wedges, not dots (a dot per seat would make
/// the page heavy and the dots too small to see).
pub const MAX_DOTS: u64 = 3000;

/// Seat centres and the dot radius, in unit coordinates: the outer edge is radius 1, the centre
/// of the half-circle is (0, 0) and `y` grows upwards.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// Left to right (by angle, inner rows first at equal angles).
    pub seats: Vec<(f64, f64)>,
    pub dot_radius: f64,
}

const INNER: f64 = 0.4;
// Three diagrams (before and two rules) fit side by side in the page's 64rem column.
const WIDTH: f64 = 310.0;
const RADIUS: f64 = 140.0;
const CENTRE_X: f64 = WIDTH / 2.0;
const TOP: f64 = 8.0;
const MAX_LABEL: usize = 24;

/// Where each of `count` seats goes.
pub fn seat_layout(count: usize) -> Layout {
    if count == 0 {
        return Layout {
            seats: Vec::new(),
            dot_radius: 0.0,
        };
    }
    // The fewest rows whose capacity (dots at least `spacing` apart along each arc) holds them.
    let mut rows = 1usize;
    let (radii, capacities, spacing) = loop {
        let spacing = (1.0 - INNER) / as_f64(rows);
        let radii: Vec<f64> = (0..rows)
            .map(|i| INNER + (as_f64(i) + 0.5) * spacing)
            .collect();
        let capacities: Vec<usize> = radii
            .iter()
            .map(|r| float_to_usize((PI * r / spacing).floor()) + 1)
            .collect();
        if capacities.iter().sum::<usize>() >= count {
            break (radii, capacities, spacing);
        }
        rows += 1;
    };
    let per_row = share_out(count, &capacities);
    let mut seats: Vec<(f64, f64, f64)> = Vec::with_capacity(count);
    for (r, &k) in radii.iter().zip(&per_row) {
        for j in 0..k {
            let angle = if k == 1 {
                PI / 2.0
            } else {
                PI * (1.0 - as_f64(j) / as_f64(k - 1))
            };
            seats.push((angle, *r, 0.0));
        }
    }
    // Left (angle pi) to right (angle 0); at equal angles, inner rows first.
    seats.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.total_cmp(&b.1)));
    Layout {
        seats: seats
            .into_iter()
            .map(|(a, r, _)| (r * a.cos(), r * a.sin()))
            .collect(),
        dot_radius: 0.4 * spacing,
    }
}

/// `count` shared among rows in proportion to their capacities, by largest remainders (outer
/// rows first at equal remainders); never more than a row holds, since `count` <= the total.
fn share_out(count: usize, capacities: &[usize]) -> Vec<usize> {
    let total: usize = capacities.iter().sum();
    let mut out: Vec<usize> = capacities.iter().map(|c| count * c / total).collect();
    let given: usize = out.iter().sum();
    let mut order: Vec<usize> = (0..capacities.len()).collect();
    order.sort_by(|&a, &b| {
        ((count * capacities[b]) % total)
            .cmp(&((count * capacities[a]) % total))
            .then(b.cmp(&a))
    });
    for &row in order.iter().take(count - given) {
        out[row] += 1;
    }
    out
}

// Plain `as` casts: only drawing coordinates and small row capacities go through them, and a
// float-to-integer `as` saturates instead of wrapping.
fn as_f64(x: usize) -> f64 {
    x as f64
}

fn float_to_usize(x: f64) -> usize {
    x as usize
}

/// The diagram: dots (or, above [`MAX_DOTS`] seats, wedges) for the parties in the order given,
/// left to right, the house size and majority in the middle, and a legend below.
pub fn hemicycle(say: &Say<'_>, id: &str, title: &str, groups: &[SeatGroup]) -> String {
    let total = groups
        .iter()
        .fold(0u64, |acc, g| acc.saturating_add(g.seats));
    let seated: Vec<&SeatGroup> = groups.iter().filter(|g| g.seats > 0).collect();
    let majority = total / 2 + 1;

    let draw_dots = total <= MAX_DOTS;
    let layout = if draw_dots {
        seat_layout(usize::try_from(total).unwrap_or(0))
    } else {
        seat_layout(0)
    };
    let dot = layout.dot_radius * RADIUS;
    let centre_y = TOP + RADIUS;

    // Legend lines, laid out before drawing so the height is known.
    let mut legend: Vec<(f64, f64, &SeatGroup, String)> = Vec::new();
    let (mut x, mut y) = (8.0, centre_y + dot.max(2.0) + 22.0);
    for g in &seated {
        let label = format!("{} {}", clip(&g.label, MAX_LABEL), say.num(g.seats));
        let w = 18.0 + text_width(&label, 12.0) + 14.0;
        if x > 8.0 && x + w > WIDTH - 8.0 {
            x = 8.0;
            y += 20.0;
        }
        legend.push((x, y, g, label));
        x += w;
    }
    let height = if legend.is_empty() {
        centre_y + dot + 12.0
    } else {
        y + 10.0
    };

    let desc = if total == 0 {
        say.t("chart-no-seats")
    } else {
        let parts: Vec<String> = seated
            .iter()
            .map(|g| format!("{} {}", g.label, say.num(g.seats)))
            .collect();
        say.msg(
            "chart-hemi-desc",
            &[
                ("total", total.into()),
                ("parts", parts.join(", ").into()),
                ("majority", majority.into()),
            ],
        )
    };
    let seats_of = |g: &SeatGroup| {
        escape(&say.msg(
            "chart-hemi-party",
            &[
                ("party", g.label.as_str().into()),
                ("seats", g.seats.into()),
            ],
        ))
    };

    let mut out =
        String::with_capacity(1200 + usize::try_from(total.min(MAX_DOTS)).unwrap_or(0) * 48);
    open(&mut out, id, WIDTH, height, title, &desc);

    if draw_dots {
        let mut next = layout.seats.iter();
        for g in &seated {
            let _ = write!(
                out,
                "<g class=\"seats\" data-party=\"{label}\" data-seats=\"{seats}\" fill=\"{fill}\" stroke=\"#1b1b1b\" stroke-width=\"0.4\"><title>{title}</title>",
                label = escape(&g.label),
                seats = g.seats,
                fill = colour(g.colour),
                title = seats_of(g),
            );
            for &(ux, uy) in next.by_ref().take(usize::try_from(g.seats).unwrap_or(0)) {
                let _ = write!(
                    out,
                    "<circle cx=\"{}\" cy=\"{}\" r=\"{}\"/>",
                    n(CENTRE_X + ux * RADIUS),
                    n(centre_y - uy * RADIUS),
                    n(dot)
                );
            }
            out.push_str("</g>");
        }
    } else {
        let mut start = 0u64;
        for g in &seated {
            let end = start.saturating_add(g.seats);
            let (a0, a1) = (
                PI * (1.0 - ratio(start, total)),
                PI * (1.0 - ratio(end, total)),
            );
            let point = |a: f64, r: f64| {
                format!(
                    "{} {}",
                    n(CENTRE_X + r * a.cos()),
                    n(centre_y - r * a.sin())
                )
            };
            let inner = INNER * RADIUS;
            let _ = write!(
                out,
                "<g class=\"seats\" data-party=\"{label}\" data-seats=\"{seats}\" fill=\"{fill}\" stroke=\"#1b1b1b\" stroke-width=\"0.4\"><title>{title}</title>\
                 <path d=\"M {p0} A {r} {r} 0 0 1 {p1} L {q1} A {ri} {ri} 0 0 0 {q0} Z\"/></g>",
                label = escape(&g.label),
                seats = g.seats,
                fill = colour(g.colour),
                p0 = point(a0, RADIUS),
                p1 = point(a1, RADIUS),
                q1 = point(a1, inner),
                q0 = point(a0, inner),
                r = n(RADIUS),
                ri = n(inner),
                title = seats_of(g),
            );
            start = end;
        }
    }

    out.push_str("<g font-weight=\"700\" font-size=\"18\">");
    text(
        &mut out,
        CENTRE_X,
        centre_y - 22.0,
        "middle",
        &say.msg("chart-hemi-total", &[("total", total.into())]),
    );
    out.push_str("</g><g font-size=\"11\" fill=\"#5b5b5b\">");
    if total > 0 {
        text(
            &mut out,
            CENTRE_X,
            centre_y - 6.0,
            "middle",
            &say.msg("chart-hemi-majority", &[("majority", majority.into())]),
        );
    }
    out.push_str("</g>");

    for (x, y, g, label) in &legend {
        let _ = write!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"12\" height=\"12\" fill=\"{}\" stroke=\"#1b1b1b\" stroke-width=\"0.4\"/>",
            n(*x),
            n(*y - 10.0),
            colour(g.colour)
        );
        text(&mut out, x + 16.0, *y, "start", label);
    }
    out.push_str("</svg>");
    out
}

fn ratio(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(label: &str, seats: u64, colour: usize) -> SeatGroup {
        SeatGroup {
            label: label.to_owned(),
            seats,
            colour,
        }
    }

    /// The circles inside the group of one party.
    fn dots_of(svg: &str, party: &str) -> usize {
        let start = svg
            .find(&format!("data-party=\"{party}\""))
            .unwrap_or_else(|| panic!("no group for {party}"));
        let end = start + svg[start..].find("</g>").unwrap();
        svg[start..end].matches("<circle").count()
    }

    #[test]
    fn every_seat_gets_one_dot_and_dots_do_not_overlap() {
        for count in [1usize, 2, 3, 5, 17, 123, 435, 650, 2999] {
            let layout = seat_layout(count);
            assert_eq!(layout.seats.len(), count, "{count} seats");
            let min = 2.0 * layout.dot_radius;
            // Neighbouring seats (same row or next row) are at least two dot radii apart.
            for (i, a) in layout.seats.iter().enumerate() {
                for b in layout.seats.iter().skip(i + 1).take(40) {
                    let d = ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt();
                    assert!(
                        d >= min * 0.999,
                        "{count} seats: dots {a:?} and {b:?} overlap"
                    );
                }
                let r = (a.0 * a.0 + a.1 * a.1).sqrt();
                assert!((INNER..=1.0).contains(&r) && a.1 >= -1e-9, "{a:?} outside");
            }
        }
    }

    #[test]
    fn rows_share_seats_in_proportion_and_never_overfill() {
        assert_eq!(share_out(10, &[10, 20]), vec![3, 7]);
        assert_eq!(share_out(30, &[10, 20]), vec![10, 20]);
        assert_eq!(share_out(1, &[4]), vec![1]);
        let caps = [15, 18, 21, 24, 27, 30];
        let out = share_out(123, &caps);
        assert_eq!(out.iter().sum::<usize>(), 123);
        assert!(out.iter().zip(caps).all(|(o, c)| *o <= c));
    }

    #[test]
    fn each_party_has_its_seats_as_dots_in_one_wedge_left_to_right() {
        let svg = hemicycle(
            &crate::i18n::english(),
            "h",
            "Seats",
            &[
                group("CPP", 68, 0),
                group("CNRP", 55, 1),
                group("RDP", 0, 2),
            ],
        );
        assert_eq!(dots_of(&svg, "CPP"), 68);
        assert_eq!(dots_of(&svg, "CNRP"), 55);
        assert_eq!(svg.matches("<circle").count(), 123);
        // A party without seats has no group and no legend entry.
        assert!(!svg.contains("data-party=\"RDP\""));
        assert!(!svg.contains("RDP 0"));
        assert!(svg.contains(">CPP 68</text>") && svg.contains(">CNRP 55</text>"));
        assert!(svg.contains(">123 seats</text>") && svg.contains(">majority 62</text>"));
        assert!(svg.contains("A majority is 62 seats"));
        // The first party takes the left side: its first dot is left of the centre.
        let first = svg.find("data-party=\"CPP\"").unwrap();
        let cx: f64 = svg[first..]
            .split("cx=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap()
            .parse()
            .unwrap();
        assert!(cx < CENTRE_X);
    }

    #[test]
    fn labels_are_escaped() {
        let svg = hemicycle(
            &crate::i18n::english(),
            "h",
            "A <b>",
            &[group("<Lib & Dem>", 3, 0)],
        );
        assert!(!svg.contains("<Lib"));
        assert!(!svg.contains("<b>"));
        assert!(svg.contains("data-party=\"&lt;Lib &amp; Dem&gt;\""));
        assert_eq!(dots_of(&svg, "&lt;Lib &amp; Dem&gt;"), 3);
    }

    #[test]
    fn a_huge_house_is_drawn_as_wedges() {
        let svg = hemicycle(
            &crate::i18n::english(),
            "h",
            "Big",
            &[group("A", 2000, 0), group("B", 1500, 1)],
        );
        assert_eq!(svg.matches("<circle").count(), 0);
        assert_eq!(svg.matches("<path").count(), 2);
        assert!(svg.contains(">3,500 seats</text>"));
        assert!(svg.len() < 5000);
    }

    #[test]
    fn an_empty_house_is_still_a_valid_picture() {
        let svg = hemicycle(&crate::i18n::english(), "h", "None", &[group("A", 0, 0)]);
        assert!(svg.ends_with("</svg>"));
        assert!(svg.contains("No seats to show."));
        assert_eq!(svg.matches("<circle").count(), 0);
    }
}
