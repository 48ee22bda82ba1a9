//! Votes against seats: for each party its share of the votes and its share of the seats as two
//! bars side by side, the question every disproportionality argument starts from.

use std::fmt::Write as _;

use super::{REFERENCE, Say, clip, colour, escape, n, open, text, text_width};

/// One party's shares, in percent.
#[derive(Debug, Clone, PartialEq)]
pub struct ShareRow {
    pub label: String,
    pub vote_share: f64,
    pub seat_share: f64,
    /// Palette position (see [`super::colour`]).
    pub colour: usize,
}

const WIDTH: f64 = 600.0;
const BAR: f64 = 12.0;
const ROW: f64 = 2.0 * BAR + 3.0 + 12.0;
const TOP: f64 = 44.0;
const VALUE_SPACE: f64 = 92.0;
const MAX_LABEL: usize = 24;

/// The chart: parties sorted by share of votes (largest first; equal shares keep their order),
/// each with a grey "votes" bar and a coloured "seats" bar, both labelled with their numbers.
pub fn votes_seats(say: &Say<'_>, id: &str, title: &str, rows: &[ShareRow]) -> String {
    let mut rows: Vec<&ShareRow> = rows.iter().collect();
    rows.sort_by(|a, b| clamp(b.vote_share).total_cmp(&clamp(a.vote_share)));

    let label_width = rows
        .iter()
        .map(|r| text_width(&clip(&r.label, MAX_LABEL), 12.0))
        .fold(40.0, f64::max)
        + 10.0;
    let plot = WIDTH - label_width - VALUE_SPACE;
    let largest = rows
        .iter()
        .map(|r| clamp(r.vote_share).max(clamp(r.seat_share)))
        .fold(0.0, f64::max);
    // The axis ends at the next multiple of 10 %, so small parties are not squeezed to nothing.
    let scale = ((largest / 10.0).ceil() * 10.0).clamp(10.0, 100.0);
    let rows_len = f64::from(u32::try_from(rows.len()).unwrap_or(u32::MAX));
    let height = TOP + rows_len * ROW + 8.0;

    let share_of = |r: &ShareRow| {
        say.msg(
            "chart-vs-party",
            &[
                ("party", r.label.as_str().into()),
                ("votes", say.percent(clamp(r.vote_share)).into()),
                ("seats", say.percent(clamp(r.seat_share)).into()),
            ],
        )
    };
    let desc = if rows.is_empty() {
        say.t("chart-no-party")
    } else {
        let parts: Vec<String> = rows.iter().map(|r| share_of(r)).collect();
        say.msg("chart-vs-desc", &[("parts", parts.join("; ").into())])
    };

    let mut out = String::with_capacity(600 + rows.len() * 520);
    open(&mut out, id, WIDTH, height, title, &desc);

    // Key: which bar is which, in words as well as in colour.
    let _ = write!(
        out,
        "<rect x=\"{x}\" y=\"4\" width=\"14\" height=\"10\" fill=\"{REFERENCE}\"/>",
        x = n(label_width)
    );
    text(
        &mut out,
        label_width + 18.0,
        13.0,
        "start",
        &say.t("chart-vs-key-votes"),
    );
    let _ = write!(
        out,
        "<rect x=\"{x}\" y=\"4\" width=\"14\" height=\"10\" fill=\"#555\"/>",
        x = n(label_width + 130.0)
    );
    text(
        &mut out,
        label_width + 148.0,
        13.0,
        "start",
        &say.t("chart-vs-key-seats"),
    );

    // Grid every 10 %, labelled.
    out.push_str("<g stroke=\"#d9d6cf\" stroke-width=\"1\">");
    let mut tick = 0.0;
    while tick <= scale + 0.001 {
        let x = label_width + tick / scale * plot;
        let _ = write!(
            out,
            "<line x1=\"{x}\" y1=\"{y1}\" x2=\"{x}\" y2=\"{y2}\"/>",
            x = n(x),
            y1 = n(TOP - 6.0),
            y2 = n(height - 6.0)
        );
        tick += 10.0;
    }
    out.push_str("</g><g font-size=\"10\" fill=\"#5b5b5b\">");
    let mut tick = 0.0;
    while tick <= scale + 0.001 {
        let x = label_width + tick / scale * plot;
        text(
            &mut out,
            x,
            TOP - 10.0,
            "middle",
            &say.lang.percent(tick, 0),
        );
        tick += 10.0;
    }
    out.push_str("</g>");

    let mut y = TOP;
    for r in rows {
        let (v, s) = (clamp(r.vote_share), clamp(r.seat_share));
        let _ = write!(
            out,
            "<g data-party=\"{label}\"><title>{title}</title>",
            label = escape(&r.label),
            title = escape(&share_of(r)),
        );
        text(
            &mut out,
            label_width - 8.0,
            y + BAR + 5.0,
            "end",
            &clip(&r.label, MAX_LABEL),
        );
        for (i, (share, fill, word)) in [
            (v, REFERENCE, "chart-vs-bar-votes"),
            (s, colour(r.colour), "chart-vs-bar-seats"),
        ]
        .into_iter()
        .enumerate()
        {
            let top = if i == 0 { y } else { y + BAR + 3.0 };
            let length = share / scale * plot;
            let _ = write!(
                out,
                "<rect x=\"{x}\" y=\"{top}\" width=\"{length}\" height=\"{BAR}\" fill=\"{fill}\" stroke=\"#1b1b1b\" stroke-width=\"0.5\"/>",
                x = n(label_width),
                top = n(top),
                length = n(length),
            );
            text(
                &mut out,
                label_width + length + 4.0,
                top + BAR - 2.0,
                "start",
                &say.msg(word, &[("share", say.percent(share).into())]),
            );
        }
        out.push_str("</g>");
        y += ROW;
    }
    out.push_str("</svg>");
    out
}

/// A share as drawn: finite and within 0..=100.
fn clamp(x: f64) -> f64 {
    if x.is_finite() {
        x.clamp(0.0, 100.0)
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(label: &str, v: f64, s: f64, colour: usize) -> ShareRow {
        ShareRow {
            label: label.to_owned(),
            vote_share: v,
            seat_share: s,
            colour,
        }
    }

    #[test]
    fn parties_are_sorted_by_votes_and_carry_their_numbers() {
        let svg = votes_seats(
            &crate::i18n::english(),
            "vs",
            "Votes and seats",
            &[
                row("Small", 3.7, 0.0, 2),
                row("Big", 48.8, 55.3, 0),
                row("Mid", 44.5, 44.7, 1),
            ],
        );
        let big = svg.find("data-party=\"Big\"").unwrap();
        let mid = svg.find("data-party=\"Mid\"").unwrap();
        let small = svg.find("data-party=\"Small\"").unwrap();
        assert!(big < mid && mid < small);
        assert!(svg.contains("votes 48.8%"));
        assert!(svg.contains("seats 55.3%"));
        assert!(svg.contains("seats 0.0%"));
        // The seats bar of the first party in the palette order has its colour.
        assert!(svg.contains(colour(0)));
        assert!(svg.contains("role=\"img\""));
        assert!(svg.contains("<title id=\"vs-title\">Votes and seats</title>"));
        assert!(svg.contains("Big: 48.8% of the votes, 55.3% of the seats"));
    }

    #[test]
    fn the_axis_fits_the_largest_share() {
        let svg = votes_seats(
            &crate::i18n::english(),
            "a",
            "t",
            &[row("A", 23.0, 31.0, 0)],
        );
        assert!(svg.contains(">40%</text>"));
        assert!(!svg.contains(">50%</text>"));
    }

    #[test]
    fn labels_are_escaped_and_bad_numbers_do_not_break_the_drawing() {
        let svg = votes_seats(
            &crate::i18n::english(),
            "x",
            "<T&>",
            &[row("<script>&", f64::NAN, f64::INFINITY, 0)],
        );
        assert!(!svg.contains("<script>"));
        assert!(svg.contains("&lt;script&gt;&amp;"));
        assert!(svg.contains("&lt;T&amp;&gt;"));
        assert!(!svg.contains("NaN") && !svg.contains("inf"));
    }

    #[test]
    fn no_party_is_still_a_valid_chart() {
        let svg = votes_seats(&crate::i18n::english(), "e", "Empty", &[]);
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains("No party to show."));
    }
}
