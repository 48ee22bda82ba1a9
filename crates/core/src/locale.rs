//! How dates and numbers are written in each language Accord speaks: the one table the web
//! pages, the command line's human output and the letters share.
//!
//! English, French and Khmer. Khmer is written with Khmer digits (០–៩) and its solar month names
//! (មករា … ធ្នូ), and a day as "ថ្ងៃទី២៣ ខែតុលា ឆ្នាំ២០១៧", as in the long date format of the
//! `km_KH` locale of the GNU C library (`/usr/share/i18n/locales/km_KH`, Debian `locales`),
//! whose month names these are. French writes the first of the month "1er". Any other language
//! tag falls back to English. The wording was written by the team and is open to review by
//! native speakers (README, "Languages").

use crate::date::{DateSpec, Day, Point};

/// A language of the interface and of letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    En,
    Fr,
    Km,
}

impl Lang {
    /// Every language, in the order a language switch lists them.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Fr, Lang::Km];

    /// The BCP 47 tag (`en`, `fr`, `km`).
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Km => "km",
        }
    }

    /// The language's name in itself, as a language switch shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "Français",
            Lang::Km => "ខ្មែរ",
        }
    }

    /// The language of a BCP 47 tag, by its primary subtag (`fr-CA` is French); `None` for a
    /// language Accord does not speak.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or_default();
        match primary.to_ascii_lowercase().as_str() {
            "en" => Some(Lang::En),
            "fr" => Some(Lang::Fr),
            "km" => Some(Lang::Km),
            _ => None,
        }
    }

    /// The language of a tag, English for any other.
    pub fn of(tag: &str) -> Lang {
        Lang::from_tag(tag).unwrap_or(Lang::En)
    }

    /// A month's name (1 = January); out-of-range months wrap rather than fail.
    pub fn month(self, month: u32) -> &'static str {
        let names = match self {
            Lang::En => &EN_MONTHS,
            Lang::Fr => &FR_MONTHS,
            Lang::Km => &KM_MONTHS,
        };
        names[usize::try_from(month.saturating_sub(1)).unwrap_or(0) % 12]
    }

    /// ASCII digits in this language's digits (Khmer: ០–៩); everything else unchanged.
    pub fn digits(self, ascii: &str) -> String {
        match self {
            Lang::En | Lang::Fr => ascii.to_owned(),
            Lang::Km => ascii
                .chars()
                .map(|c| match c.to_digit(10) {
                    Some(d) => char::from_u32(0x17E0 + d).unwrap_or(c),
                    None => c,
                })
                .collect(),
        }
    }

    /// A whole number with this language's digit grouping: "100,000", "100 000" (narrow
    /// no-break space, as French typography and CLDR have it), "១០០.០០០" (CLDR's Khmer
    /// grouping separator).
    pub fn number(self, n: i64) -> String {
        let separator = match self {
            Lang::En => ",",
            Lang::Fr => "\u{202F}",
            Lang::Km => ".",
        };
        let digits = n.unsigned_abs().to_string();
        let mut grouped = String::with_capacity(digits.len() + digits.len() / 3 * 3 + 1);
        if n < 0 {
            grouped.push('-');
        }
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                grouped.push_str(separator);
            }
            grouped.push(c);
        }
        self.digits(&grouped)
    }

    /// A number of tenths with one decimal: "1.4", "1,4" (French and Khmer write a decimal
    /// comma), "១,៤".
    pub fn decimal_tenths(self, tenths: u64) -> String {
        let point = match self {
            Lang::En => ".",
            Lang::Fr | Lang::Km => ",",
        };
        self.digits(&format!("{}{point}{}", tenths / 10, tenths % 10))
    }

    /// A year as a number: no grouping ("2017", "២០១៧").
    fn year(self, year: i32) -> String {
        self.digits(&year.to_string())
    }

    /// A day, written out: "23 October 2017", "1er octobre 2017",
    /// "ថ្ងៃទី២៣ ខែតុលា ឆ្នាំ២០១៧".
    pub fn day(self, day: Day) -> String {
        let month = self.month(day.month());
        match self {
            Lang::En => format!("{} {month} {}", day.day(), day.year()),
            Lang::Fr if day.day() == 1 => format!("1er {month} {}", day.year()),
            Lang::Fr => format!("{} {month} {}", day.day(), day.year()),
            Lang::Km => format!(
                "ថ្ងៃទី{} ខែ{month} ឆ្នាំ{}",
                self.digits(&day.day().to_string()),
                self.year(day.year())
            ),
        }
    }

    /// A month of a year: "September 2017", "septembre 2017", "ខែកញ្ញា ឆ្នាំ២០១៧".
    pub fn month_year(self, year: i32, month: u32) -> String {
        let name = self.month(month);
        match self {
            Lang::En | Lang::Fr => format!("{name} {year}"),
            Lang::Km => format!("ខែ{name} ឆ្នាំ{}", self.year(year)),
        }
    }

    /// A point of any precision.
    pub fn point(self, point: Point) -> String {
        match point {
            Point::Day(d) => self.day(d),
            Point::Month { year, month } => self.month_year(year, u32::from(month)),
            Point::Year(y) => match self {
                Lang::En | Lang::Fr => y.to_string(),
                Lang::Km => format!("ឆ្នាំ{}", self.year(y)),
            },
        }
    }

    /// A date as recorded: "3 September 2017", "September 2017 – October 2017",
    /// "since July 2017"; "depuis le 3 septembre 2017"; "ចាប់តាំងពីខែកក្កដា ឆ្នាំ២០១៧".
    pub fn date(self, date: DateSpec) -> String {
        match date {
            DateSpec::At(p) => self.point(p),
            DateSpec::Range(a, b) => format!("{} – {}", self.point(a), self.point(b)),
            DateSpec::Since(a) => match (self, a) {
                (Lang::En, _) => format!("since {}", self.point(a)),
                (Lang::Fr, Point::Day(_)) => format!("depuis le {}", self.point(a)),
                (Lang::Fr, _) => format!("depuis {}", self.point(a)),
                (Lang::Km, _) => format!("ចាប់តាំងពី{}", self.point(a)),
            },
        }
    }
}

/// Figures with a fractional part: shares, percentages, indices and averages, written with the
/// language's decimal separator and digits (CLDR: "." in English, "," in French and Khmer).
impl Lang {
    /// `x` rounded to `places` decimals, its whole part grouped as [`Lang::number`] groups it:
    /// "1,234.5", "1 234,5", "១.២៣៤,៥". A value that is not finite is written as 0; a value
    /// that rounds to zero has no minus sign.
    pub fn decimal(self, x: f64, places: usize) -> String {
        let x = if x.is_finite() { x } else { 0.0 };
        let ascii = format!("{:.*}", places, x.abs());
        let (whole, fraction) = ascii.split_once('.').unwrap_or((&ascii, ""));
        let negative = x < 0.0 && ascii.bytes().any(|b| b.is_ascii_digit() && b != b'0');
        let mut out = String::new();
        if negative {
            out.push('-');
        }
        out.push_str(&self.number(whole.parse().unwrap_or(0)));
        if !fraction.is_empty() {
            out.push_str(match self {
                Lang::En => ".",
                Lang::Fr | Lang::Km => ",",
            });
            out.push_str(&self.digits(fraction));
        }
        out
    }

    /// [`Lang::decimal`] with its sign always written ("+6.3", "-3.0"; what rounds to zero as
    /// "0.0").
    pub fn signed(self, x: f64, places: usize) -> String {
        let written = self.decimal(x, places);
        let rounds_above_zero = format!("{:.*}", places, x)
            .bytes()
            .any(|b| (b'1'..=b'9').contains(&b));
        if x > 0.0 && rounds_above_zero {
            format!("+{written}")
        } else {
            written
        }
    }

    /// A percentage: "48.8%", "48,8 %" (a narrow no-break space before the sign, as French
    /// typography writes it), "៤៨,៨%".
    pub fn percent(self, x: f64, places: usize) -> String {
        let number = self.decimal(x, places);
        match self {
            Lang::En | Lang::Km => format!("{number}%"),
            Lang::Fr => format!("{number}\u{202F}%"),
        }
    }
}

const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const FR_MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// The solar months, as the `km_KH` locale (glibc) and Cambodian official usage name them.
const KM_MONTHS: [&str; 12] = [
    "មករា",
    "កុម្ភៈ",
    "មីនា",
    "មេសា",
    "ឧសភា",
    "មិថុនា",
    "កក្កដា",
    "សីហា",
    "កញ្ញា",
    "តុលា",
    "វិច្ឆិកា",
    "ធ្នូ",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> DateSpec {
        s.parse().unwrap()
    }

    fn check(lang: Lang, input: &str, expected: &str) {
        assert_eq!(lang.date(date(input)), expected, "{lang:?} {input}");
    }

    #[test]
    fn dates_in_each_language() {
        check(Lang::En, "2017-10-23", "23 October 2017");
        check(Lang::Fr, "2017-10-23", "23 octobre 2017");
        check(Lang::Fr, "2017-10-01", "1er octobre 2017");
        check(Lang::Km, "2017-10-23", "ថ្ងៃទី២៣ ខែតុលា ឆ្នាំ២០១៧");
        check(Lang::En, "2017-09", "September 2017");
        check(Lang::Fr, "2017-09", "septembre 2017");
        check(Lang::Km, "2017-09", "ខែកញ្ញា ឆ្នាំ២០១៧");
        check(Lang::En, "2017", "2017");
        check(Lang::Km, "2017", "ឆ្នាំ២០១៧");
        check(
            Lang::En,
            "2017-09..2017-10",
            "September 2017 – October 2017",
        );
        check(Lang::En, "2017-07..", "since July 2017");
        check(Lang::Fr, "2017-07-04..", "depuis le 4 juillet 2017");
        check(Lang::Fr, "2017-07..", "depuis juillet 2017");
        check(Lang::Km, "2017-07..", "ចាប់តាំងពីខែកក្កដា ឆ្នាំ២០១៧");
    }

    #[test]
    fn every_month_has_a_name_in_every_language() {
        for lang in Lang::ALL {
            let names: std::collections::BTreeSet<_> = (1..=12).map(|m| lang.month(m)).collect();
            assert_eq!(names.len(), 12, "{lang:?}");
        }
        assert_eq!(Lang::Km.month(2), "កុម្ភៈ");
        assert_eq!(Lang::Km.month(12), "ធ្នូ");
    }

    #[test]
    fn numbers_are_grouped_and_khmer_has_its_digits() {
        assert_eq!(Lang::En.number(100_000), "100,000");
        assert_eq!(Lang::En.number(999), "999");
        assert_eq!(Lang::En.number(-1_234_567), "-1,234,567");
        assert_eq!(Lang::Fr.number(100_000), "100\u{202F}000");
        assert_eq!(Lang::Km.number(100_000), "១០០.០០០");
        assert_eq!(Lang::Km.number(0), "០");
        assert_eq!(Lang::Km.digits("2017-10-23"), "២០១៧-១០-២៣");
        assert_eq!(Lang::En.decimal_tenths(14), "1.4");
        assert_eq!(Lang::Fr.decimal_tenths(14), "1,4");
        assert_eq!(Lang::Km.decimal_tenths(140), "១៤,០");
    }

    #[test]
    fn decimals_percentages_and_signs_follow_the_language() {
        assert_eq!(Lang::En.decimal(1234.56, 1), "1,234.6");
        assert_eq!(Lang::Fr.decimal(1234.56, 1), "1\u{202F}234,6");
        assert_eq!(Lang::Km.decimal(1234.56, 1), "១.២៣៤,៦");
        assert_eq!(Lang::En.decimal(-0.04, 1), "0.0");
        assert_eq!(Lang::En.decimal(-3.0, 1), "-3.0");
        assert_eq!(Lang::En.decimal(f64::NAN, 2), "0.00");
        assert_eq!(Lang::En.decimal(7.0, 0), "7");
        assert_eq!(Lang::En.percent(48.83, 1), "48.8%");
        assert_eq!(Lang::Fr.percent(48.83, 1), "48,8\u{202F}%");
        assert_eq!(Lang::Km.percent(48.83, 1), "៤៨,៨%");
        assert_eq!(Lang::En.signed(6.34, 1), "+6.3");
        assert_eq!(Lang::Km.signed(6.34, 1), "+៦,៣");
        assert_eq!(Lang::Fr.signed(-3.0, 1), "-3,0");
        assert_eq!(Lang::En.signed(-0.04, 1), "0.0");
        assert_eq!(Lang::Km.signed(0.0, 1), "០,០");
    }

    #[test]
    fn tags() {
        assert_eq!(Lang::of("fr-CA"), Lang::Fr);
        assert_eq!(Lang::of("KM_kh"), Lang::Km);
        assert_eq!(Lang::of("de"), Lang::En);
        assert_eq!(Lang::from_tag("de"), None);
        for lang in Lang::ALL {
            assert_eq!(Lang::from_tag(lang.tag()), Some(lang));
        }
    }
}
