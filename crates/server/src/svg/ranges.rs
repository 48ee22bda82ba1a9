//! A Monte-Carlo seat distribution: for each party the range of seats 90 % of runs fell in (5th to
//! 95th percentile) as a bar, its median as a tick and its mean as a dot, on one seat axis with
//! the majority line.

use std::fmt::Write as _;

use super::{Say, clip, colour, escape, n, open, text, text_width};

/// One party's distribution over the runs.
#[derive(Debug, Clone, PartialEq)]
pub struct RangeRow {
    pub label: String,
    pub p5: u64,
    pub p50: u64,
    pub p95: u64,
    pub mean: f64,
    /// Palette position (see [`super::colour`]).
    pub colour: usize,
}

const WIDTH: f64 = 640.0;
const ROW: f64 = 26.0;
const TOP: f64 = 30.0;
const MAX_LABEL: usize = 24;

/// The chart, parties in the order given; `majority` draws the line a majority must reach.
pub fn seat_ranges(
    say: &Say<'_>,
    id: &str,
    title: &str,
    rows: &[RangeRow],
    majority: u64,
) -> String {
    let label_width = rows
        .iter()
        .map(|r| text_width(&clip(&r.label, MAX_LABEL), 12.0))
        .fold(40.0, f64::max)
        + 10.0;
    let plot = WIDTH - label_width - 110.0;
    let largest = rows
        .iter()
        .map(|r| r.p95.max(r.p50).max(r.p5))
        .max()
        .unwrap_or(0)
        .max(majority)
        .max(1);
    let scale = largest as f64 * 1.05;
    let x = |seats: f64| label_width + seats.clamp(0.0, scale) / scale * plot;
    let rows_len = f64::from(u32::try_from(rows.len()).unwrap_or(u32::MAX));
    let height = TOP + rows_len * ROW + 10.0;
    let desc = if rows.is_empty() {
        say.t("chart-no-party")
    } else {
        let parts: Vec<String> = rows
            .iter()
            .map(|r| {
                say.msg(
                    "chart-range-party",
                    &[
                        ("party", r.label.as_str().into()),
                        ("low", r.p5.into()),
                        ("high", r.p95.into()),
                        ("median", r.p50.into()),
                        ("mean", say.decimal(mean(r.mean), 1).into()),
                    ],
                )
            })
            .collect();
        say.msg(
            "chart-majority-desc",
            &[
                ("parts", parts.join("; ").into()),
                ("majority", majority.into()),
            ],
        )
    };
    let mut out = String::with_capacity(800 + rows.len() * 400);
    open(&mut out, id, WIDTH, height, title, &desc);
    // The majority line, labelled.
    let mx = x(majority as f64);
    let _ = write!(
        out,
        "<line x1=\"{mx}\" y1=\"{}\" x2=\"{mx}\" y2=\"{}\" stroke=\"#1b1b1b\" stroke-dasharray=\"4 3\"/>",
        n(TOP - 12.0),
        n(height - 6.0),
        mx = n(mx)
    );
    text(
        &mut out,
        mx,
        TOP - 16.0,
        "middle",
        &say.msg("chart-majority-line", &[("majority", majority.into())]),
    );
    let mut y = TOP;
    for r in rows {
        let _ = write!(
            out,
            "<g data-party=\"{label}\"><title>{title}</title>",
            label = escape(&r.label),
            title = escape(&say.msg(
                "chart-range-title",
                &[
                    ("party", r.label.as_str().into()),
                    ("p5", r.p5.into()),
                    ("median", r.p50.into()),
                    ("p95", r.p95.into()),
                    ("mean", say.decimal(mean(r.mean), 1).into()),
                ],
            )),
        );
        text(
            &mut out,
            label_width - 8.0,
            y + 13.0,
            "end",
            &clip(&r.label, MAX_LABEL),
        );
        let (a, b) = (x(r.p5 as f64), x(r.p95 as f64));
        let _ = write!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"12\" fill=\"{}\" fill-opacity=\"0.6\" stroke=\"#1b1b1b\" stroke-width=\"0.5\"/>",
            n(a),
            n(y + 3.0),
            n((b - a).max(1.5)),
            colour(r.colour)
        );
        let m = x(r.p50 as f64);
        let _ = write!(
            out,
            "<line x1=\"{m}\" y1=\"{}\" x2=\"{m}\" y2=\"{}\" stroke=\"#1b1b1b\" stroke-width=\"2\"/>",
            n(y),
            n(y + 18.0),
            m = n(m)
        );
        let _ = write!(
            out,
            "<circle cx=\"{}\" cy=\"{}\" r=\"3\" fill=\"#ffffff\" stroke=\"#1b1b1b\"/>",
            n(x(mean(r.mean))),
            n(y + 9.0)
        );
        text(
            &mut out,
            b + 6.0,
            y + 13.0,
            "start",
            &say.msg(
                "chart-range-label",
                &[
                    ("low", r.p5.into()),
                    ("high", r.p95.into()),
                    ("median", r.p50.into()),
                ],
            ),
        );
        out.push_str("</g>");
        y += ROW;
    }
    out.push_str("</svg>");
    out
}

/// One party's distribution: how many runs gave it each number of seats.
#[derive(Debug, Clone, PartialEq)]
pub struct HistogramRow {
    pub label: String,
    /// (seats, runs), fewest seats first.
    pub counts: Vec<(u64, u64)>,
    /// Palette position (see [`super::colour`]).
    pub colour: usize,
}

const HIST_ROW: f64 = 46.0;

/// The distribution of each party's seats over the runs: one small histogram per party on a
/// shared seat axis (each scaled to its own most frequent count), with the majority line.
pub fn seat_histograms(
    say: &Say<'_>,
    id: &str,
    title: &str,
    rows: &[HistogramRow],
    majority: u64,
) -> String {
    let label_width = rows
        .iter()
        .map(|r| text_width(&clip(&r.label, MAX_LABEL), 12.0))
        .fold(40.0, f64::max)
        + 10.0;
    let plot = WIDTH - label_width - 16.0;
    let largest = rows
        .iter()
        .flat_map(|r| r.counts.iter().map(|(s, _)| *s))
        .max()
        .unwrap_or(0)
        .max(majority)
        .max(1);
    let slots = largest as f64 + 1.0;
    let slot = plot / slots;
    let x = |seats: u64| label_width + seats as f64 * slot;
    let rows_len = f64::from(u32::try_from(rows.len()).unwrap_or(u32::MAX));
    let height = TOP + rows_len * HIST_ROW + 18.0;
    let desc = if rows.is_empty() {
        say.t("chart-no-party")
    } else {
        let parts: Vec<String> = rows
            .iter()
            .map(|r| {
                let each: Vec<String> = r
                    .counts
                    .iter()
                    .map(|(s, c)| {
                        say.msg(
                            "chart-hist-each",
                            &[("seats", (*s).into()), ("runs", (*c).into())],
                        )
                    })
                    .collect();
                format!("{}: {}", r.label, each.join(", "))
            })
            .collect();
        say.msg(
            "chart-majority-desc",
            &[
                ("parts", parts.join("; ").into()),
                ("majority", majority.into()),
            ],
        )
    };
    let mut out = String::with_capacity(800 + rows.len() * 2000);
    open(&mut out, id, WIDTH, height, title, &desc);
    let mx = x(majority) + slot / 2.0;
    let _ = write!(
        out,
        "<line x1=\"{mx}\" y1=\"{}\" x2=\"{mx}\" y2=\"{}\" stroke=\"#1b1b1b\" stroke-dasharray=\"4 3\"/>",
        n(TOP - 12.0),
        n(height - 16.0),
        mx = n(mx)
    );
    text(
        &mut out,
        mx,
        TOP - 16.0,
        "middle",
        &say.msg("chart-majority-line", &[("majority", majority.into())]),
    );
    // The seat axis: a tick every tenth of the house, labelled.
    let step = (largest / 10).max(1);
    let mut tick = 0;
    out.push_str("<g font-size=\"10\" fill=\"#5b5b5b\">");
    while tick <= largest {
        text(
            &mut out,
            x(tick) + slot / 2.0,
            height - 4.0,
            "middle",
            &say.plain(tick),
        );
        tick += step;
    }
    out.push_str("</g>");
    let mut y = TOP;
    for r in rows {
        let most = r.counts.iter().map(|(_, c)| *c).max().unwrap_or(1).max(1);
        let _ = write!(
            out,
            "<g data-party=\"{label}\"><title>{label}: {desc}</title>",
            label = escape(&r.label),
            desc = escape(
                &r.counts
                    .iter()
                    .map(|(s, c)| format!("{}: {}", say.plain(s), say.num(*c)))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        );
        text(
            &mut out,
            label_width - 8.0,
            y + HIST_ROW - 16.0,
            "end",
            &clip(&r.label, MAX_LABEL),
        );
        let base = y + HIST_ROW - 10.0;
        let _ = write!(
            out,
            "<line x1=\"{}\" y1=\"{b}\" x2=\"{}\" y2=\"{b}\" stroke=\"#d9d6cf\"/>",
            n(label_width),
            n(WIDTH - 16.0),
            b = n(base)
        );
        for (seats, count) in &r.counts {
            let h = *count as f64 / most as f64 * (HIST_ROW - 14.0);
            let _ = write!(
                out,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>",
                n(x(*seats) + slot * 0.1),
                n(base - h),
                n((slot * 0.8).max(0.5)),
                n(h),
                colour(r.colour)
            );
        }
        out.push_str("</g>");
        y += HIST_ROW;
    }
    out.push_str("</svg>");
    out
}

fn mean(x: f64) -> f64 {
    if x.is_finite() { x.max(0.0) } else { 0.0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_party_has_its_histogram_on_one_seat_axis() {
        let svg = seat_histograms(
            &crate::i18n::english(),
            "dist",
            "Distribution",
            &[
                HistogramRow {
                    label: "A & <b>".into(),
                    counts: vec![(60, 10), (61, 30), (62, 5)],
                    colour: 0,
                },
                HistogramRow {
                    label: "B".into(),
                    counts: vec![(0, 45)],
                    colour: 1,
                },
            ],
            62,
        );
        assert!(svg.contains(
            "A &amp; &lt;b&gt;: 60 seats in 10 runs, 61 seats in 30 runs, 62 seats in 5 runs"
        ));
        assert!(svg.contains("B: 0 seats in 45 runs"));
        assert_eq!(svg.matches("<rect").count(), 4);
        assert!(svg.contains("majority: 62") && svg.ends_with("</svg>"));
        let empty = seat_histograms(&crate::i18n::english(), "e", "None", &[], 0);
        assert!(empty.contains("No party to show."));
    }

    #[test]
    fn each_party_carries_its_range_median_and_mean() {
        let svg = seat_ranges(
            &crate::i18n::english(),
            "sim",
            "Seats over 1,000 runs",
            &[
                RangeRow {
                    label: "CPP".into(),
                    p5: 62,
                    p50: 68,
                    p95: 73,
                    mean: 67.9,
                    colour: 0,
                },
                RangeRow {
                    label: "<b>CNRP</b>".into(),
                    p5: 50,
                    p50: 55,
                    p95: 61,
                    mean: f64::NAN,
                    colour: 1,
                },
            ],
            62,
        );
        assert!(svg.contains("CPP: 90 % of runs between 62 and 73 seats, median 68, mean 67.9"));
        assert!(svg.contains("62–73 (median 68)"));
        assert!(svg.contains("majority: 62"));
        assert!(!svg.contains("<b>") && svg.contains("&lt;b&gt;CNRP&lt;/b&gt;"));
        assert!(!svg.contains("NaN"));
        assert_eq!(svg.matches("<circle").count(), 2);
        let empty = seat_ranges(&crate::i18n::english(), "e", "None", &[], 0);
        assert!(empty.contains("No party to show.") && empty.ends_with("</svg>"));
    }
}
