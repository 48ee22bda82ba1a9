//! The few words a letter prints that are not its own text (the date, "CC:", "Notes"), in the
//! letter's language. English is the fallback for any language not listed here.

use accord_core::{DateSpec, Day};

/// Words and date format of one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Locale {
    /// Heading of the carbon-copy list.
    pub(crate) cc: &'static str,
    /// Heading of the notes when they are printed after the letter (Markdown, HTML).
    pub(crate) notes: &'static str,
    months: [&'static str; 12],
    style: DateStyle,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DateStyle {
    /// "23 October 2017".
    English,
    /// "1er octobre 2017", "23 octobre 2017".
    French,
    /// "ថ្ងៃទី២៣ ខែតុលា ឆ្នាំ២០១៧", in Khmer digits.
    Khmer,
}

const ENGLISH: Locale = Locale {
    cc: "CC:",
    notes: "Notes",
    months: [
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
    ],
    style: DateStyle::English,
};

const FRENCH: Locale = Locale {
    cc: "Copie :",
    notes: "Notes",
    months: [
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
    ],
    style: DateStyle::French,
};

const KHMER: Locale = Locale {
    cc: "ចម្លងជូន៖",
    notes: "កំណត់សម្គាល់",
    months: [
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
    ],
    style: DateStyle::Khmer,
};

impl Locale {
    /// The locale of a BCP 47 tag, by its primary language subtag.
    pub(crate) fn of(lang: &str) -> Locale {
        let primary = lang.split(['-', '_']).next().unwrap_or_default();
        match primary.to_ascii_lowercase().as_str() {
            "fr" => FRENCH,
            "km" => KHMER,
            _ => ENGLISH,
        }
    }

    /// A day, written out.
    pub(crate) fn day(&self, day: Day) -> String {
        let month = self.months[usize::try_from(day.month().saturating_sub(1)).unwrap_or(0) % 12];
        match self.style {
            DateStyle::English => format!("{} {month} {}", day.day(), day.year()),
            DateStyle::French if day.day() == 1 => format!("1er {month} {}", day.year()),
            DateStyle::French => format!("{} {month} {}", day.day(), day.year()),
            DateStyle::Khmer => format!(
                "ថ្ងៃទី{} ខែ{month} ឆ្នាំ{}",
                khmer_digits(&day.day().to_string()),
                khmer_digits(&day.year().to_string())
            ),
        }
    }

    /// "Stockholm, 23 October 2017"; Khmer letters separate the place with a space only
    /// ("ភ្នំពេញ ថ្ងៃទី២៣ ខែតុលា ឆ្នាំ២០១៧").
    pub(crate) fn place_date(&self, place: &str, date: &str) -> String {
        match self.style {
            DateStyle::Khmer => format!("{place} {date}"),
            DateStyle::English | DateStyle::French => format!("{place}, {date}"),
        }
    }

    /// A date of any precision: a single day in this locale, anything vaguer in the English
    /// form the core writes ("September 2017", "July 2017 – 23 October 2017").
    pub(crate) fn date(&self, date: DateSpec) -> String {
        match date.as_day() {
            Some(day) => self.day(day),
            None => date.to_human(),
        }
    }
}

fn khmer_digits(ascii: &str) -> String {
    ascii
        .chars()
        .map(|c| match c.to_digit(10) {
            Some(d) => char::from_u32(0x17E0 + d).unwrap_or(c),
            None => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Day {
        s.parse().expect("a test date")
    }

    #[test]
    fn days_in_each_language() {
        let d = day("2017-10-23");
        assert_eq!(Locale::of("en").day(d), "23 October 2017");
        assert_eq!(Locale::of("en-GB").day(d), "23 October 2017");
        assert_eq!(Locale::of("fr").day(d), "23 octobre 2017");
        assert_eq!(Locale::of("fr").day(day("2017-10-01")), "1er octobre 2017");
        assert_eq!(Locale::of("km").day(d), "ថ្ងៃទី២៣ ខែតុលា ឆ្នាំ២០១៧");
        assert_eq!(Locale::of("xx").day(d), "23 October 2017");
    }

    #[test]
    fn vague_dates_use_the_core_wording() {
        let month: DateSpec = "2017-09".parse().expect("a test date");
        assert_eq!(Locale::of("en").date(month), "September 2017");
    }
}
