//! Seat share minus vote share per party, for several series (before a dissolution, and after it
//! under each rule): bars to the right of zero for a party over-represented, to the left for one
//! under-represented. It shows at a glance who gains from a redistribution beyond their votes.

use std::fmt::Write as _;

use super::{REFERENCE, Say, clip, colour, escape, n, open, text, text_width};

/// One party's differences, in percentage points, one value per series.
#[derive(Debug, Clone, PartialEq)]
pub struct DifferenceRow {
    pub label: String,
    pub values: Vec<f64>,
    /// Palette position (see [`super::colour`]).
    pub colour: usize,
}

const WIDTH: f64 = 600.0;
const BAR: f64 = 11.0;
const GAP: f64 = 2.0;
const TOP: f64 = 26.0;
const MARGIN: f64 = 125.0;
const MAX_LABEL: usize = 24;

/// The chart, parties in the order given. `series` names each value (for example `before`,
/// `recorded`); the first series is drawn grey, the others in the party's colour, and every bar
/// carries its series name and value as text.
pub fn differences(
    say: &Say<'_>,
    id: &str,
    title: &str,
    series: &[&str],
    rows: &[DifferenceRow],
) -> String {
    let per_row = series.len().max(1);
    let row_height = as_f64(per_row) * (BAR + GAP) + 10.0;
    let label_width = rows
        .iter()
        .map(|r| text_width(&clip(&r.label, MAX_LABEL), 12.0))
        .fold(40.0, f64::max)
        + 10.0;
    let plot_left = label_width + MARGIN;
    let plot_right = WIDTH - MARGIN;
    let zero = f64::midpoint(plot_left, plot_right);
    let half = (plot_right - plot_left) / 2.0;
    let largest = rows
        .iter()
        .flat_map(|r| r.values.iter())
        .map(|v| finite(*v).abs())
        .fold(0.0, f64::max);
    // Symmetric axis to the next multiple of 5 points.
    let scale = ((largest / 5.0).ceil() * 5.0).clamp(5.0, 100.0);
    let height = TOP + as_f64(rows.len()) * row_height + 8.0;

    let desc = if rows.is_empty() {
        say.t("chart-no-party")
    } else {
        let parts: Vec<String> = rows
            .iter()
            .map(|r| {
                let values: Vec<String> = series
                    .iter()
                    .zip(&r.values)
                    .map(|(s, v)| format!("{s} {}", say.points(*v)))
                    .collect();
                format!("{}: {}", r.label, values.join(", "))
            })
            .collect();
        say.msg("chart-diff-desc", &[("parts", parts.join("; ").into())])
    };

    let mut out = String::with_capacity(600 + rows.len() * per_row * 260);
    open(&mut out, id, WIDTH, height, title, &desc);
    let _ = write!(
        out,
        "<line x1=\"{z}\" y1=\"{y1}\" x2=\"{z}\" y2=\"{y2}\" stroke=\"#1b1b1b\" stroke-width=\"1\"/>",
        z = n(zero),
        y1 = n(TOP - 8.0),
        y2 = n(height - 4.0)
    );
    out.push_str("<g font-size=\"10\" fill=\"#5b5b5b\">");
    text(&mut out, zero, TOP - 12.0, "middle", &say.plain(0));
    text(
        &mut out,
        plot_left,
        TOP - 12.0,
        "middle",
        &say.msg(
            "chart-diff-axis",
            &[("points", say.lang.signed(-scale, 0).into())],
        ),
    );
    text(
        &mut out,
        plot_right,
        TOP - 12.0,
        "middle",
        &say.msg(
            "chart-diff-axis",
            &[("points", say.lang.signed(scale, 0).into())],
        ),
    );
    out.push_str("</g>");

    let mut y = TOP;
    for r in rows {
        let _ = write!(
            out,
            "<g data-party=\"{}\"><title>{}</title>",
            escape(&r.label),
            escape(&r.label)
        );
        text(
            &mut out,
            label_width - 8.0,
            y + BAR,
            "end",
            &clip(&r.label, MAX_LABEL),
        );
        for (i, (name, value)) in series.iter().zip(&r.values).enumerate() {
            let v = finite(*value).clamp(-scale, scale);
            let w = v.abs() / scale * half;
            let x = if v < 0.0 { zero - w } else { zero };
            let top = y + as_f64(i) * (BAR + GAP);
            let (fill, opacity) = if i == 0 {
                (REFERENCE, "1")
            } else {
                (colour(r.colour), if i == 1 { "1" } else { "0.6" })
            };
            let _ = write!(
                out,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{BAR}\" fill=\"{fill}\" fill-opacity=\"{opacity}\" stroke=\"#1b1b1b\" stroke-width=\"0.5\"/>",
                n(x),
                n(top),
                n(w),
            );
            let label = format!("{} {}", clip(name, 16), say.points(*value));
            if v < 0.0 {
                text(&mut out, x - 4.0, top + BAR - 2.0, "end", &label);
            } else {
                text(&mut out, x + w + 4.0, top + BAR - 2.0, "start", &label);
            }
        }
        out.push_str("</g>");
        y += row_height;
    }
    out.push_str("</svg>");
    out
}

fn as_f64(x: usize) -> f64 {
    x as f64
}

fn finite(x: f64) -> f64 {
    if x.is_finite() { x } else { 0.0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positive_goes_right_negative_left_with_named_values() {
        let svg = differences(
            &crate::i18n::english(),
            "d",
            "Differences",
            &["before", "recorded"],
            &[
                DifferenceRow {
                    label: "CPP".into(),
                    values: vec![6.5, 15.4],
                    colour: 0,
                },
                DifferenceRow {
                    label: "CNRP".into(),
                    values: vec![0.3, -44.5],
                    colour: 1,
                },
            ],
        );
        assert!(svg.contains(">before +6.5</text>"));
        assert!(svg.contains(">recorded +15.4</text>"));
        assert!(svg.contains(">recorded -44.5</text>"));
        // The axis reaches the next multiple of 5 points beyond the largest difference.
        assert!(svg.contains(">+45 pts</text>") && svg.contains(">-45 pts</text>"));
        // The CNRP "recorded" bar lies left of zero and ends at the axis.
        let cnrp = &svg[svg.find("data-party=\"CNRP\"").unwrap()..];
        let rects: Vec<&str> = cnrp.split("<rect").skip(1).collect();
        let x_of = |r: &str| -> f64 {
            r.split("x=\"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap()
                .parse()
                .unwrap()
        };
        let w_of = |r: &str| -> f64 {
            r.split("width=\"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap()
                .parse()
                .unwrap()
        };
        let zero_x = x_of(rects[0]);
        assert!(x_of(rects[1]) < zero_x);
        assert!((x_of(rects[1]) + w_of(rects[1]) - zero_x).abs() < 0.2);
    }

    #[test]
    fn labels_are_escaped() {
        let svg = differences(
            &crate::i18n::english(),
            "d",
            "t",
            &["<s>"],
            &[DifferenceRow {
                label: "A&B<".into(),
                values: vec![1.0],
                colour: 0,
            }],
        );
        assert!(svg.contains("A&amp;B&lt;"));
        assert!(svg.contains("&lt;s&gt; +1.0"));
        assert!(!svg.contains("<s>"));
    }
}
