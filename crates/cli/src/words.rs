//! The command line's human output in the language of the user's setting (`language` in the
//! configuration file, `ACCORD_LANGUAGE`): the same catalogs as the web interface
//! (`crates/server/locales`, their `cli-*` messages), the same table of dates and numbers
//! (`accord_core::Lang`). JSON output is never translated.
//!
//! English output stays as scripts have read it: days as `YYYY-MM-DD` and the closed
//! vocabularies (verdicts, provision states) by their names; French and Khmer write days out and
//! use the words of the interface, with Khmer digits.

use accord_core::{Day, Lang};
use accord_server::i18n::{Catalogs, FluentValue, Say};

/// The catalogs and the language of one run of the command line.
pub(crate) struct Words {
    catalogs: Catalogs,
    pub(crate) lang: Lang,
}

impl Words {
    /// The catalogs are compiled in; one that does not parse is a bug that a test catches, and
    /// is reported rather than panicking.
    pub(crate) fn new(lang: Lang) -> anyhow::Result<Words> {
        Ok(Words {
            catalogs: Catalogs::load()?,
            lang,
        })
    }

    pub(crate) fn say(&self) -> Say<'_> {
        Say::new(&self.catalogs, self.lang)
    }

    pub(crate) fn t(&self, id: &str) -> String {
        self.say().t(id)
    }

    pub(crate) fn msg(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        self.say().msg(id, args)
    }

    /// A day: `2017-10-23` in English, written out in French and Khmer.
    pub(crate) fn day(&self, day: Day) -> String {
        match self.lang {
            Lang::En => day.to_string(),
            lang => lang.day(day),
        }
    }

    /// A refusal from the layers below (a table import's row problem, a refused field's reason)
    /// in the language when its kind is known, else in English under a translated introduction.
    pub(crate) fn refusal(&self, message: &str) -> String {
        accord_server::refusals::beside_field(&self.say(), message)
    }

    /// A refused field in full ("Title: this field must not be empty"), as the pages say it:
    /// the field by its label, the reason by its kind, else the English under a translated
    /// introduction.
    pub(crate) fn refused(&self, field: &str, message: &str) -> String {
        accord_server::refusals::refused(&self.say(), field, message)
    }

    /// A date as precise as it is known (`2017-10`, `2017-10-23`): as written in English, in
    /// words in French and Khmer.
    pub(crate) fn point(&self, point: accord_core::date::Point) -> String {
        match self.lang {
            Lang::En => point.to_string(),
            lang => lang.point(point),
        }
    }

    /// A whole number in the language's digits (no grouping: counts in tables).
    pub(crate) fn count(&self, n: usize) -> String {
        self.lang.digits(&n.to_string())
    }

    /// A number as a message argument shown as it is counted in tables: the language's digits,
    /// no grouping (sizes in bytes stay copyable). Plurals select on a separate number argument.
    pub(crate) fn n(&self, n: impl std::fmt::Display) -> FluentValue<'static> {
        FluentValue::from(self.lang.digits(&n.to_string()))
    }

    /// A number in a table's cell: the language's digits, no grouping.
    pub(crate) fn count_of(&self, n: impl std::fmt::Display) -> String {
        self.lang.digits(&n.to_string())
    }

    /// A closed-vocabulary name (`violated`, `threat_of_violation`): itself in English, the
    /// interface's word for it (`<prefix><name>`) in French and Khmer.
    pub(crate) fn name(&self, prefix: &str, name: &str) -> String {
        match self.lang {
            Lang::En => name.to_owned(),
            _ => self.t(&format!("{prefix}{name}")),
        }
    }
}

/// The language of this run once the configuration is read, for the error line `main` prints.
pub(crate) static LANGUAGE: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

/// `text` padded with spaces to `width` characters (Khmer's combining signs take no column of
/// their own, so a Khmer column is counted in base characters).
pub(crate) fn pad(text: &str, width: usize) -> String {
    let shown = columns(text);
    format!("{text}{}", " ".repeat(width.saturating_sub(shown)))
}

/// `text` right-aligned in `width` columns.
pub(crate) fn pad_left(text: &str, width: usize) -> String {
    let shown = columns(text);
    format!("{}{text}", " ".repeat(width.saturating_sub(shown)))
}

/// How many columns a terminal gives `text`: Khmer vowel signs, the coeng (្) and other
/// combining signs (U+17B4–U+17D3, U+17DD) sit on the character before them.
pub(crate) fn columns(text: &str) -> usize {
    text.chars()
        .filter(|c| !matches!(u32::from(*c), 0x17B4..=0x17D3 | 0x17DD))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_and_names_follow_the_language() {
        let day = Day::parse("2017-10-23").unwrap_or_else(|e| panic!("{e}"));
        let en = Words::new(Lang::En).unwrap_or_else(|e| panic!("{e}"));
        let km = Words::new(Lang::Km).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(en.day(day), "2017-10-23");
        assert_eq!(km.day(day), "ថ្ងៃទី២៣ ខែតុលា ឆ្នាំ២០១៧");
        assert_eq!(en.name("state-", "violated"), "violated");
        assert_eq!(km.count(12), "១២");
        assert_eq!(columns("ខ្មែរ"), 3);
        assert_eq!(pad("ab", 4), "ab  ");
        assert_eq!(pad_left("ab", 4), "  ab");
    }
}
