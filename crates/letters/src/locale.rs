//! The few words a letter prints that are not its own text ("CC:", "Notes"), in the letter's
//! language, and its dates, written as the whole application writes them
//! ([`accord_core::Lang`], the one table of date and number wording). English is the fallback
//! for any language not listed here.

use accord_core::{DateSpec, Day, Lang};

/// Words and date format of one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Locale {
    /// Heading of the carbon-copy list.
    pub(crate) cc: &'static str,
    /// Heading of the notes when they are printed after the letter (Markdown, HTML).
    pub(crate) notes: &'static str,
    lang: Lang,
}

const ENGLISH: Locale = Locale {
    cc: "CC:",
    notes: "Notes",
    lang: Lang::En,
};

const FRENCH: Locale = Locale {
    cc: "Copie :",
    notes: "Notes",
    lang: Lang::Fr,
};

const KHMER: Locale = Locale {
    cc: "ចម្លងជូន៖",
    notes: "កំណត់សម្គាល់",
    lang: Lang::Km,
};

impl Locale {
    /// The locale of a BCP 47 tag, by its primary language subtag.
    pub(crate) fn of(lang: &str) -> Locale {
        match Lang::of(lang) {
            Lang::En => ENGLISH,
            Lang::Fr => FRENCH,
            Lang::Km => KHMER,
        }
    }

    /// A day, written out ("23 October 2017", "1er octobre 2017", "ថ្ងៃទី២៣ ខែតុលា ឆ្នាំ២០១៧").
    pub(crate) fn day(&self, day: Day) -> String {
        self.lang.day(day)
    }

    /// "Stockholm, 23 October 2017"; Khmer letters separate the place with a space only
    /// ("ភ្នំពេញ ថ្ងៃទី២៣ ខែតុលា ឆ្នាំ២០១៧").
    pub(crate) fn place_date(&self, place: &str, date: &str) -> String {
        match self.lang {
            Lang::Km => format!("{place} {date}"),
            Lang::En | Lang::Fr => format!("{place}, {date}"),
        }
    }

    /// A date of any precision, in this language ("September 2017", "septembre 2017",
    /// "ខែកញ្ញា ឆ្នាំ២០១៧").
    pub(crate) fn date(&self, date: DateSpec) -> String {
        self.lang.date(date)
    }
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
    fn vague_dates_in_each_language() {
        let month: DateSpec = "2017-09".parse().expect("a test date");
        assert_eq!(Locale::of("en").date(month), "September 2017");
        assert_eq!(Locale::of("fr").date(month), "septembre 2017");
        assert_eq!(Locale::of("km").date(month), "ខែកញ្ញា ឆ្នាំ២០១៧");
    }
}
