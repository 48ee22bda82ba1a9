//! Charts over time: a case's events on a shared time axis (mechanisms triggered, letters sent,
//! responses received), counts per period stacked by kind (confirmed findings per month by
//! verdict), and a score's steps (a provision's implementation on the Peace Accords Matrix's
//! 0-3 scale). Days are given as days since 1970-01-01; every label is escaped.

use std::fmt::Write as _;

use super::{Say, clip, colour, escape, n, open, text, text_width};

/// Something that happened on a day.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Days since 1970-01-01.
    pub day: i64,
    /// `1970-01-01`, as the axis does not print every day.
    pub date: String,
    pub label: String,
}

/// One row of a timeline: a kind of event.
#[derive(Debug, Clone, PartialEq)]
pub struct Lane {
    pub label: String,
    pub events: Vec<Event>,
    /// Palette position (see [`super::colour`]).
    pub colour: usize,
}

/// Counts of one period (a month, a year), one per series.
#[derive(Debug, Clone, PartialEq)]
pub struct Period {
    pub label: String,
    pub counts: Vec<u64>,
}

/// A score on a day.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub day: i64,
    pub date: String,
    pub value: u8,
}

const WIDTH: f64 = 640.0;
const LANE: f64 = 30.0;
const MAX_LABEL: usize = 22;

/// The first day of each year from the year of `from` to the year after `to`, as days.
fn years(from: i64, to: i64) -> Vec<(i32, i64)> {
    let first = accord_core::Day::from_days_since_epoch(from).map_or(1970, accord_core::Day::year);
    let last = accord_core::Day::from_days_since_epoch(to).map_or(first, accord_core::Day::year);
    (first..=last.saturating_add(1))
        .filter_map(|y| accord_core::Day::new(y, 1, 1).map(|d| (y, d.days_since_epoch())))
        .collect()
}

/// The time axis: from the first of January of the first event's year to the first of January
/// after the last event's, with a labelled tick every year (every few years on a long span).
struct Axis {
    from: i64,
    to: i64,
    left: f64,
    width: f64,
    ticks: Vec<(i32, i64)>,
}

impl Axis {
    fn new(days: impl Iterator<Item = i64>, left: f64, width: f64) -> Option<Axis> {
        let (mut lo, mut hi) = (i64::MAX, i64::MIN);
        for d in days {
            lo = lo.min(d);
            hi = hi.max(d);
        }
        if lo > hi {
            return None;
        }
        let all = years(lo, hi);
        let from = all.first().map_or(lo, |y| y.1);
        let to = all.last().map_or(hi + 1, |y| y.1).max(from + 1);
        let step = all.len().div_ceil(12).max(1);
        let ticks = all.into_iter().step_by(step).collect();
        Some(Axis {
            from,
            to,
            left,
            width,
            ticks,
        })
    }

    fn x(&self, day: i64) -> f64 {
        let span = (self.to - self.from) as f64;
        self.left + (day - self.from) as f64 / span * self.width
    }

    fn draw(&self, say: &Say<'_>, out: &mut String, top: f64, bottom: f64) {
        out.push_str("<g stroke=\"#d9d6cf\" stroke-width=\"1\">");
        for (_, day) in &self.ticks {
            let x = n(self.x(*day));
            let _ = write!(
                out,
                "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\"/>",
                n(top),
                n(bottom)
            );
        }
        out.push_str("</g><g font-size=\"10\" fill=\"#5b5b5b\">");
        for (year, day) in &self.ticks {
            text(out, self.x(*day), bottom + 12.0, "middle", &say.plain(year));
        }
        out.push_str("</g>");
    }
}

/// Events on a shared time axis, one lane per kind; each marker carries its date and label as a
/// tooltip (`<title>`). The page prints the same events as a table.
pub fn timeline(say: &Say<'_>, id: &str, title: &str, lanes: &[Lane]) -> String {
    let label_width = lanes
        .iter()
        .map(|l| text_width(&clip(&l.label, MAX_LABEL), 12.0))
        .fold(40.0, f64::max)
        + 12.0;
    let lanes_len = f64::from(u32::try_from(lanes.len()).unwrap_or(u32::MAX));
    let height = 16.0 + lanes_len * LANE + 22.0;
    let total: usize = lanes.iter().map(|l| l.events.len()).sum();
    let desc = if total == 0 {
        say.t("chart-nothing-yet")
    } else {
        let parts: Vec<String> = lanes
            .iter()
            .map(|l| {
                let dates: Vec<&str> = l.events.iter().map(|e| e.date.as_str()).collect();
                if dates.is_empty() {
                    say.msg("chart-lane-none", &[("lane", l.label.as_str().into())])
                } else {
                    format!("{}: {}", l.label, dates.join(", "))
                }
            })
            .collect();
        say.msg("chart-list", &[("parts", parts.join("; ").into())])
    };
    let mut out = String::with_capacity(800 + total * 160);
    open(&mut out, id, WIDTH, height, title, &desc);
    let axis = Axis::new(
        lanes.iter().flat_map(|l| l.events.iter().map(|e| e.day)),
        label_width,
        WIDTH - label_width - 16.0,
    );
    if let Some(axis) = &axis {
        axis.draw(say, &mut out, 8.0, height - 20.0);
    }
    let mut y = 16.0;
    for lane in lanes {
        text(
            &mut out,
            label_width - 8.0,
            y + 4.0,
            "end",
            &clip(&lane.label, MAX_LABEL),
        );
        let _ = write!(
            out,
            "<line x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"#d9d6cf\"/>",
            n(label_width),
            n(WIDTH - 16.0),
            y = n(y)
        );
        if let Some(axis) = &axis {
            for e in &lane.events {
                let _ = write!(
                    out,
                    "<g><title>{date}: {label}</title><circle cx=\"{x}\" cy=\"{y}\" r=\"6\" fill=\"{fill}\" stroke=\"#1b1b1b\" stroke-width=\"0.5\" fill-opacity=\"0.8\"/></g>",
                    date = escape(&e.date),
                    label = escape(&e.label),
                    x = n(axis.x(e.day)),
                    y = n(y),
                    fill = colour(lane.colour),
                );
            }
        }
        y += LANE;
    }
    out.push_str("</svg>");
    out
}

/// Counts per period as stacked bars, one colour per series (the key names them); each bar
/// carries its numbers as a tooltip and its total above it.
pub fn stacked(
    say: &Say<'_>,
    id: &str,
    title: &str,
    series: &[&str],
    periods: &[Period],
) -> String {
    let height = 240.0;
    let (left, top, bottom) = (36.0, 34.0, height - 40.0);
    let plot_w = WIDTH - left - 10.0;
    let totals: Vec<u64> = periods.iter().map(|p| p.counts.iter().sum()).collect();
    let max = totals.iter().copied().max().unwrap_or(0).max(1);
    // The axis ends at a round number: 1, 2, 5, 10, 20, 50, ...
    let scale = nice(max);
    let desc = if periods.is_empty() {
        say.t("chart-nothing-yet")
    } else {
        let parts: Vec<String> = periods
            .iter()
            .map(|p| {
                let each: Vec<String> = series
                    .iter()
                    .zip(&p.counts)
                    .filter(|(_, c)| **c > 0)
                    .map(|(s, c)| format!("{s} {}", say.num(*c)))
                    .collect();
                format!("{}: {}", p.label, each.join(", "))
            })
            .collect();
        say.msg("chart-list", &[("parts", parts.join("; ").into())])
    };
    let mut out = String::with_capacity(800 + periods.len() * 300);
    open(&mut out, id, WIDTH, height, title, &desc);
    // Key.
    let mut x = left;
    for (i, s) in series.iter().enumerate() {
        let _ = write!(
            out,
            "<rect x=\"{}\" y=\"6\" width=\"12\" height=\"10\" fill=\"{}\"/>",
            n(x),
            colour(i)
        );
        text(&mut out, x + 16.0, 15.0, "start", s);
        x += 28.0 + text_width(s, 12.0);
    }
    // Grid: 0, half, full.
    out.push_str("<g stroke=\"#d9d6cf\" stroke-width=\"1\">");
    for f in [0.0, 0.5, 1.0] {
        let y = bottom - f * (bottom - top);
        let _ = write!(
            out,
            "<line x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\"/>",
            n(left),
            n(WIDTH - 10.0),
            y = n(y)
        );
    }
    out.push_str("</g><g font-size=\"10\" fill=\"#5b5b5b\">");
    for f in [0.0, 0.5, 1.0] {
        let y = bottom - f * (bottom - top);
        let v = scale as f64 * f;
        let tick = if v.fract() == 0.0 {
            say.plain(n(v))
        } else {
            say.decimal(v, 1)
        };
        text(&mut out, left - 4.0, y + 3.0, "end", &tick);
    }
    out.push_str("</g>");
    let count = periods.len().max(1);
    let slot = plot_w / count as f64;
    let bar = (slot * 0.7).clamp(1.0, 40.0);
    let label_every = (count as f64 * 40.0 / plot_w).ceil().max(1.0) as usize;
    for (i, (p, total)) in periods.iter().zip(&totals).enumerate() {
        let x = left + slot * i as f64 + (slot - bar) / 2.0;
        let each: Vec<String> = series
            .iter()
            .zip(&p.counts)
            .map(|(s, c)| format!("{s} {}", say.num(*c)))
            .collect();
        let _ = write!(
            out,
            "<g data-period=\"{label}\"><title>{label}: {each}</title>",
            label = escape(&p.label),
            each = escape(&each.join(", "))
        );
        let mut y = bottom;
        for (k, c) in p.counts.iter().enumerate() {
            if *c == 0 {
                continue;
            }
            let h = *c as f64 / scale as f64 * (bottom - top);
            y -= h;
            let _ = write!(
                out,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" stroke=\"#1b1b1b\" stroke-width=\"0.5\"/>",
                n(x),
                n(y),
                n(bar),
                n(h),
                colour(k)
            );
        }
        if *total > 0 {
            text(&mut out, x + bar / 2.0, y - 3.0, "middle", &say.num(*total));
        }
        out.push_str("</g>");
        if i % label_every == 0 {
            text(
                &mut out,
                x + bar / 2.0,
                bottom + 14.0,
                "middle",
                &clip(&p.label, 8),
            );
        }
    }
    out.push_str("</svg>");
    out
}

/// A round number at least `max`: 1, 2, 5, 10, 20, 50, ...
fn nice(max: u64) -> u64 {
    let mut step = 1u64;
    loop {
        for m in [1, 2, 5] {
            let v = step.saturating_mul(m);
            if v >= max {
                return v;
            }
        }
        if step > u64::MAX / 10 {
            return max;
        }
        step *= 10;
    }
}

/// A score on the Peace Accords Matrix's scale over time: a step line through each dated score
/// (it holds until the next one), each point labelled with its score.
pub fn score_steps(say: &Say<'_>, id: &str, title: &str, steps: &[Step]) -> String {
    let height = 170.0;
    let (left, top, bottom) = (128.0, 14.0, height - 30.0);
    let desc = if steps.is_empty() {
        say.t("chart-no-observation")
    } else {
        let parts: Vec<String> = steps
            .iter()
            .map(|s| format!("{}: {}", s.date, say.plain(s.value)))
            .collect();
        say.msg("chart-score-desc", &[("parts", parts.join("; ").into())])
    };
    let mut out = String::with_capacity(900 + steps.len() * 200);
    open(&mut out, id, WIDTH, height, title, &desc);
    let y_of = |v: u8| bottom - f64::from(v.min(3)) / 3.0 * (bottom - top);
    out.push_str("<g stroke=\"#d9d6cf\" stroke-width=\"1\">");
    for v in 0..=3u8 {
        let _ = write!(
            out,
            "<line x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\"/>",
            n(left),
            n(WIDTH - 16.0),
            y = n(y_of(v))
        );
    }
    out.push_str("</g><g font-size=\"10\" fill=\"#5b5b5b\">");
    for v in 0..=3u8 {
        let word = format!("{} {}", say.plain(v), say.t(&format!("score-{v}")));
        text(&mut out, left - 6.0, y_of(v) + 3.0, "end", &word);
    }
    out.push_str("</g>");
    let Some(axis) = Axis::new(steps.iter().map(|s| s.day), left, WIDTH - left - 16.0) else {
        out.push_str("</svg>");
        return out;
    };
    axis.draw(say, &mut out, top, bottom);
    let mut path = String::new();
    for (i, s) in steps.iter().enumerate() {
        let (x, y) = (axis.x(s.day), y_of(s.value));
        if i == 0 {
            let _ = write!(path, "M{} {}", n(x), n(y));
        } else {
            let _ = write!(path, " H{} V{}", n(x), n(y));
        }
    }
    if let Some(last) = steps.last() {
        let _ = write!(path, " H{}", n(axis.x(axis.to).max(axis.x(last.day))));
    }
    let _ = write!(
        out,
        "<path d=\"{path}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\"/>",
        colour(0)
    );
    for s in steps {
        let _ = write!(
            out,
            "<g><title>{date}: {v}</title><circle cx=\"{x}\" cy=\"{y}\" r=\"4\" fill=\"{c}\"/></g>",
            date = escape(&s.date),
            v = say.plain(s.value),
            x = n(axis.x(s.day)),
            y = n(y_of(s.value)),
            c = colour(0)
        );
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(day: i64, label: &str) -> Event {
        Event {
            day,
            date: format!("day {day}"),
            label: label.to_owned(),
        }
    }

    #[test]
    fn a_timeline_has_a_lane_per_kind_and_escapes_its_labels() {
        let svg = timeline(
            &crate::i18n::english(),
            "t",
            "Timeline",
            &[
                Lane {
                    label: "Letters <sent>".into(),
                    events: vec![event(17_462, "Request & <script>")],
                    colour: 0,
                },
                Lane {
                    label: "Responses".into(),
                    events: Vec::new(),
                    colour: 1,
                },
            ],
        );
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(!svg.contains("<script>") && !svg.contains("<sent>"));
        assert!(svg.contains("Request &amp; &lt;script&gt;"));
        assert!(svg.contains("Responses: none"));
        // 17,462 days after 1970 is in 2017: the axis runs from 2017 to 2018.
        assert!(svg.contains(">2017</text>") && svg.contains(">2018</text>"));
        assert_eq!(svg.matches("<circle").count(), 1);
    }

    #[test]
    fn an_empty_timeline_is_still_a_chart() {
        let svg = timeline(&crate::i18n::english(), "e", "Empty", &[]);
        assert!(svg.contains("Nothing to show yet.") && svg.ends_with("</svg>"));
    }

    #[test]
    fn stacked_bars_carry_their_totals_and_a_round_axis() {
        let svg = stacked(
            &crate::i18n::english(),
            "s",
            "Findings",
            &["violation", "concern"],
            &[
                Period {
                    label: "2017-02".into(),
                    counts: vec![2, 1],
                },
                Period {
                    label: "2017-09".into(),
                    counts: vec![0, 0],
                },
            ],
        );
        assert!(svg.contains("2017-02: violation 2, concern 1"));
        assert!(svg.contains(">3</text>"), "the total");
        assert!(svg.contains(">5</text>"), "the axis ends at 5: {svg}");
        assert_eq!(svg.matches("<rect").count(), 2 + 2, "two keys, two pieces");
        assert_eq!(nice(1), 1);
        assert_eq!(nice(3), 5);
        assert_eq!(nice(11), 20);
        assert_eq!(nice(500), 500);
    }

    #[test]
    fn scores_are_steps_on_the_zero_to_three_scale() {
        let svg = score_steps(
            &crate::i18n::english(),
            "p",
            "Implementation",
            &[
                Step {
                    day: 21_550,
                    date: "2029".into(),
                    value: 3,
                },
                Step {
                    day: 21_915,
                    date: "2030".into(),
                    value: 1,
                },
            ],
        );
        assert!(svg.contains("Implementation score by date: 2029: 3; 2030: 1."));
        assert!(svg.contains("<path d=\"M"));
        assert!(svg.contains(">3 full</text>"));
        assert_eq!(svg.matches("<circle").count(), 2);
        let none = score_steps(&crate::i18n::english(), "q", "None", &[]);
        assert!(none.contains("No confirmed observation yet.") && none.ends_with("</svg>"));
    }
}
