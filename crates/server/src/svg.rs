//! Charts drawn on the server as SVG, so that they need no JavaScript, print, and load fast.
//!
//! Every function here is pure: plain numbers and labels in, an SVG string out, ready to be put
//! inline in a page (the caller marks it safe; this module is what makes that true). The rules
//! every chart follows:
//!
//! - every label is escaped ([`escape`]); nothing from the caller becomes markup;
//! - no script and no `style` attribute (the Content-Security-Policy forbids inline styles):
//!   colours are presentation attributes;
//! - `role="img"`, a `<title>` and a `<desc>` that says in words what the chart shows (the page
//!   also prints the same numbers as a table);
//! - readable in greyscale: each party's bars and seats carry its name and numbers as text, and
//!   the colours only help;
//! - colours come from one fixed palette by position ([`colour`]), so the same party list always
//!   gets the same colours, in every chart of a page;
//! - every word and figure is in the reader's language: the words from the catalogs and the
//!   numbers, shares and years from `Lang`, through the [`Say`] each chart is given.

mod bars;
mod difference;
mod hemicycle;
mod ranges;
mod time;

use std::fmt::Write as _;

pub use crate::i18n::Say;

pub use bars::{ShareRow, votes_seats};
pub use difference::{DifferenceRow, differences};
pub use hemicycle::{MAX_DOTS, SeatGroup, hemicycle, seat_layout};
pub use ranges::{HistogramRow, RangeRow, seat_histograms, seat_ranges};
pub use time::{Event, Lane, Period, Step, score_steps, stacked, timeline};

/// Okabe and Ito's eight colours, told apart by people with the common colour-vision
/// deficiencies, then four more from Tol's palette; a list longer than twelve repeats them
/// (the labels still tell the parties apart).
pub const PALETTE: [&str; 12] = [
    "#0072B2", "#D55E00", "#009E73", "#E69F00", "#CC79A7", "#56B4E9", "#F0E442", "#000000",
    "#882255", "#44AA99", "#999933", "#AA4499",
];

/// The grey used for "share of votes" and other reference series.
pub const REFERENCE: &str = "#b8b3a7";

/// The palette colour at `index` (by party order), repeating after the last.
pub fn colour(index: usize) -> &'static str {
    PALETTE[index % PALETTE.len()]
}

/// Escapes text for SVG/XML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters are not allowed in XML 1.0 text at all.
            c if c.is_control() && c != '\n' && c != '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// An element id made safe: letters, digits, `-` and `_` only (ids are also used in
/// `aria-labelledby`, a space-separated list).
fn safe_id(id: &str) -> String {
    let cleaned: String = id
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    if cleaned.is_empty() {
        "chart".to_owned()
    } else {
        cleaned
    }
}

/// A coordinate or length, to one decimal (enough for the screen, and small pages).
fn n(x: f64) -> String {
    let x = if x.is_finite() { x } else { 0.0 };
    let rounded = (x * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    }
}

/// An estimate of a text's width in the sans-serif charts use (no font metrics on the server).
fn text_width(text: &str, size: f64) -> f64 {
    // Generous on purpose: a label drawn wider than estimated would be cut at the chart's edge.
    // Khmer clusters are drawn about as wide as the font is high (a consonant with its vowel
    // signs and subscripts); Latin letters about two thirds of it.
    let mut width = 0.0;
    let mut after_coeng = false;
    for c in text.chars() {
        if !combining(c) && !after_coeng {
            width += if ('\u{1780}'..='\u{17FF}').contains(&c) {
                1.15
            } else {
                0.66
            };
        }
        after_coeng = c == '\u{17D2}';
    }
    width * size
}

/// How many characters `text` shows: marks count with the character they sit on, and after a
/// Khmer coeng (្) the next consonant is part of the same cluster.
fn clusters(text: &str) -> usize {
    let mut count = 0;
    let mut after_coeng = false;
    for c in text.chars() {
        if !combining(c) && !after_coeng {
            count += 1;
        }
        after_coeng = c == '\u{17D2}';
    }
    count
}

/// A mark drawn on the character before it, taking no width of its own: Khmer's vowel signs,
/// its coeng (្, which stacks the next consonant below) and its other signs, and the general
/// combining diacritics.
fn combining(c: char) -> bool {
    matches!(u32::from(c), 0x17B4..=0x17D3 | 0x17DD | 0x0300..=0x036F)
}

/// A label cut to `max` characters as drawn (with an ellipsis), so a long name cannot push a
/// chart apart; the full name stays in the group's `<title>` and in the page's table. Marks that
/// sit on a character count with it, and a cut never falls inside a cluster: after a Khmer coeng
/// (្) the next consonant belongs to the same cluster.
fn clip(label: &str, max: usize) -> String {
    if clusters(label) <= max {
        return label.to_owned();
    }
    let mut s = String::new();
    let mut bases = 0;
    let mut after_coeng = false;
    for c in label.chars() {
        let starts_cluster = !combining(c) && !after_coeng;
        if starts_cluster {
            if bases == max.saturating_sub(1) {
                break;
            }
            bases += 1;
        }
        after_coeng = c == '\u{17D2}';
        s.push(c);
    }
    s.push('…');
    s
}

/// Opens an `<svg>` with its accessible name and description; the caller closes it.
fn open(out: &mut String, id: &str, width: f64, height: f64, title: &str, desc: &str) {
    let id = safe_id(id);
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"{id}\" role=\"img\" \
         aria-labelledby=\"{id}-title {id}-desc\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" \
         font-family=\"system-ui, sans-serif\" font-size=\"12\" fill=\"#1b1b1b\">\
         <title id=\"{id}-title\">{title}</title><desc id=\"{id}-desc\">{desc}</desc>",
        w = n(width),
        h = n(height),
        title = escape(title),
        desc = escape(desc),
    );
}

/// A line of text; `anchor` is `start`, `middle` or `end`.
fn text(out: &mut String, x: f64, y: f64, anchor: &str, content: &str) {
    let _ = write!(
        out,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\">{}</text>",
        n(x),
        n(y),
        escape(content)
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_covers_markup_quotes_and_controls() {
        assert_eq!(
            escape("<b>A & B</b> \"q\" 'a'\u{7}"),
            "&lt;b&gt;A &amp; B&lt;/b&gt; &quot;q&quot; &#39;a&#39; "
        );
        assert_eq!(escape("ខ្មែរ"), "ខ្មែរ");
    }

    #[test]
    fn ids_keep_only_safe_characters() {
        assert_eq!(safe_id("before \"x\" <y>"), "beforexy");
        assert_eq!(safe_id("<>"), "chart");
        assert_eq!(safe_id("after-recorded_1"), "after-recorded_1");
    }

    #[test]
    fn numbers_are_short_and_signed_where_it_matters() {
        assert_eq!(n(12.0), "12");
        assert_eq!(n(12.04), "12");
        assert_eq!(n(12.06), "12.1");
        assert_eq!(n(f64::NAN), "0");
        let en = crate::i18n::english();
        assert_eq!(en.percent(48.83), "48.8%");
        assert_eq!(en.points(6.34), "+6.3");
        assert_eq!(en.points(-3.0), "-3.0");
        assert_eq!(en.points(-0.04), "0.0");
    }

    #[test]
    fn palette_repeats_deterministically() {
        assert_eq!(colour(0), colour(12));
        assert_ne!(colour(0), colour(1));
        let distinct: std::collections::HashSet<_> = PALETTE.iter().collect();
        assert_eq!(distinct.len(), PALETTE.len());
    }

    #[test]
    fn long_labels_are_clipped() {
        assert_eq!(clip("short", 10), "short");
        assert_eq!(clip("abcdefghijk", 5), "abcd…");
        // Khmer is counted and cut by clusters: "យន្តការ" is យ ន្ត កា រ, four clusters (with
        // the coeng's consonant in its cluster); a cut keeps whole clusters.
        assert_eq!(clip("យន្តការ", 4), "យន្តការ");
        assert_eq!(clip("យន្តការដែល", 4), "យន្តកា…");
        // Four Khmer clusters, each about as wide as the font is high.
        assert!((text_width("យន្តការ", 10.0) - 46.0).abs() < 0.01);
        assert!((text_width("abc", 10.0) - 19.8).abs() < 0.01);
    }
}
