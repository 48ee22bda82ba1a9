//! A refused field's explanation in the reader's language.
//!
//! The action layer and the core refuse a field with a field name and an English sentence
//! (`ActionError::Invalid { field, message }`), which the CLI prints and the JSON API keeps as
//! its `error`. The pages and the API's `message` say it in the reader's language: the field by
//! its label (`field-<name>`, its last part for `actors[2].actor`), and the sentence by its kind,
//! recognised here from the stable wording the core gives each kind (a date that does not parse,
//! a record the case does not hold, an empty field, ...), its values carried over. A sentence
//! of a kind not listed here stays as the core wrote it, introduced as English (`error-detail`).
//! An English reader reads the core's sentence itself, as the command line prints it (the
//! English messages `refusal-*` are the reference the translations are made from).
//! Recognising sentences keeps the core's errors plain `String`s for every other caller; the
//! tests below hold every kind to the core's current wording, so a reworded error fails them.

use accord_core::Lang;
use fluent_bundle::FluentValue;

use crate::i18n::Say;

/// The explanation in `say`'s language, if it is of a kind this module knows.
pub(crate) fn explain(say: &Say<'_>, message: &str) -> Option<String> {
    let message = message.trim();
    if message == "must not be empty" {
        return Some(say.t("refusal-empty"));
    }
    // Whole sentences, each a kind of its own (the core's and the handlers' own words).
    for (sentence, id) in [
        (
            "a finding needs at least one incident",
            "refusal-finding-incident",
        ),
        ("must be true or false", "refusal-true-false"),
        (
            "choose confirmed, retracted or draft",
            "refusal-review-status",
        ),
        ("must be a page number", "refusal-page"),
        ("choose en, fr or km", "refusal-lang"),
    ] {
        if message == sentence {
            return Some(say.t(id));
        }
    }
    if let Some(rest) = message.strip_prefix("no provision ")
        && let Some(citation) = rest.strip_suffix(" in this case")
    {
        return Some(say.msg("refusal-no-provision", &[("id", citation.into())]));
    }
    for what in ["actor", "incident", "source", "instrument"] {
        if let Some(rest) = message.strip_prefix(&format!("no {what} "))
            && let Some(quoted) = rest.strip_suffix(" in this case")
            && let Some(id) = unquote(quoted)
        {
            return Some(say.msg(&format!("refusal-no-{what}"), &[("id", id.into())]));
        }
    }
    let (value, rest) = quoted_head(message)?;
    let value = FluentValue::from(value);
    let with = |id: &str| Some(say.msg(id, &[("value", value.clone())]));
    match rest {
        " is not a date: expected YYYY-MM-DD, YYYY-MM, YYYY, A..B or A.." => with("refusal-date"),
        " is not a date range: it ends before it starts" => with("refusal-date-range"),
        ": a single day is needed here (YYYY-MM-DD)" => with("refusal-day"),
        " is not a web address starting with https:// or http://" => with("refusal-url"),
        _ if rest.starts_with(" is not an id (") => with("refusal-id"),
        _ => {
            if let Some(month) = rest
                .strip_prefix(" is not a date: month ")
                .and_then(|m| m.strip_suffix(" does not exist"))
                .and_then(|m| m.parse::<u64>().ok())
            {
                return Some(say.msg(
                    "refusal-date-month",
                    &[("value", value), ("month", month.into())],
                ));
            }
            // "February 2017 has 28 days": the month in the reader's language.
            let (month_year, days) = rest
                .strip_prefix(" is not a date: ")?
                .strip_suffix(" days")?
                .split_once(" has ")?;
            let (month, year) = month_year.split_once(' ')?;
            let number = (1..=12).find(|m| Lang::En.month(*m) == month)?;
            let year: i32 = year.parse().ok()?;
            let days: u64 = days.parse().ok()?;
            Some(say.msg(
                "refusal-date-days",
                &[
                    ("value", value),
                    ("month", say.lang.month_year(year, number).into()),
                    ("days", days.into()),
                ],
            ))
        }
    }
}

/// A field's label in `say`'s language: `field-<name>` of its last part (`actors[2].actor` is
/// `actor`), or the field's own name when the catalogs have no label for it.
pub(crate) fn field_label(say: &Say<'_>, field: &str) -> String {
    let last = field
        .rsplit('.')
        .next()
        .unwrap_or(field)
        .split('[')
        .next()
        .unwrap_or(field);
    let id = format!("field-{last}");
    match say.t(&id) {
        label if label == id => field.to_owned(),
        label => label,
    }
}

/// A refused field said in full: "Title: this field must not be empty", in `say`'s language;
/// a sentence of an unknown kind stays English under a translated introduction.
pub(crate) fn refused(say: &Say<'_>, field: &str, message: &str) -> String {
    if say.lang == Lang::En {
        return format!("{field}: {message}");
    }
    match explain(say, message) {
        Some(reason) => say.msg(
            "refusal-field",
            &[
                ("field", field_label(say, field).into()),
                ("reason", reason.into()),
            ],
        ),
        None => say.msg(
            "error-detail",
            &[("detail", format!("{field}: {message}").into())],
        ),
    }
}

/// A form's refusal of one field, shown next to the field (its label is on the page already):
/// the explanation alone, or the English sentence when its kind is not known.
pub(crate) fn beside_field(say: &Say<'_>, message: &str) -> String {
    if say.lang == Lang::En {
        return message.to_owned();
    }
    match explain(say, message) {
        Some(reason) => reason,
        None => say.msg("error-detail", &[("detail", message.into())]),
    }
}

/// `"x" rest` as (`x`, ` rest`): a value the core quoted with `{:?}`.
fn quoted_head(message: &str) -> Option<(String, &str)> {
    let body = message.strip_prefix('"')?;
    let mut escaped = false;
    for (i, c) in body.char_indices() {
        match c {
            '\\' if !escaped => escaped = true,
            '"' if !escaped => return Some((unescape(&body[..i]), &body[i + 1..])),
            _ => escaped = false,
        }
    }
    None
}

fn unquote(quoted: &str) -> Option<String> {
    match quoted_head(quoted)? {
        (value, "") => Some(value),
        _ => None,
    }
}

/// The few escapes `{:?}` writes in what people type.
fn unescape(s: &str) -> String {
    s.replace("\\\"", "\"").replace("\\\\", "\\")
}

#[cfg(test)]
mod tests {
    use accord_core::DateSpec;

    use super::*;
    use crate::i18n::test_catalogs;

    fn say(lang: Lang) -> Say<'static> {
        Say::new(test_catalogs(), lang)
    }

    fn check(message: &str, en: &str, fr: &str, km: &str) {
        assert_eq!(
            explain(&say(Lang::En), message).as_deref(),
            Some(en),
            "{message}"
        );
        assert_eq!(
            explain(&say(Lang::Fr), message).as_deref(),
            Some(fr),
            "{message}"
        );
        assert_eq!(
            explain(&say(Lang::Km), message).as_deref(),
            Some(km),
            "{message}"
        );
    }

    /// Each kind, from the core's own errors where the core makes them, so that a change of
    /// their wording fails here.
    #[test]
    fn each_kind_is_said_in_each_language() {
        let parse = |s: &str| s.parse::<DateSpec>().unwrap_err().to_string();
        check(
            &parse("next tuesday"),
            "“next tuesday” is not a date: write 2017-09-03, 2017-09, 2017, a range A..B or A..",
            "«\u{202F}next tuesday\u{202F}» n'est pas une date\u{202F}: écrivez 2017-09-03, 2017-09, 2017, une période A..B ou A..",
            "“next tuesday” មិនមែនជាកាលបរិច្ឆេទទេ៖ សូមសរសេរ 2017-09-03, 2017-09, 2017, រយៈពេល A..B ឬ A..",
        );
        check(
            &parse("2017-13"),
            "“2017-13” is not a date: there is no month 13",
            "«\u{202F}2017-13\u{202F}» n'est pas une date\u{202F}: il n'y a pas de mois 13",
            "“2017-13” មិនមែនជាកាលបរិច្ឆេទទេ៖ គ្មានខែទី១៣ទេ",
        );
        check(
            &parse("2017-02-30"),
            "“2017-02-30” is not a date: February 2017 has 28 days",
            "«\u{202F}2017-02-30\u{202F}» n'est pas une date\u{202F}: février 2017 a 28 jours",
            "“2017-02-30” មិនមែនជាកាលបរិច្ឆេទទេ៖ ខែកុម្ភៈ ឆ្នាំ២០១៧ មាន ២៨ ថ្ងៃ",
        );
        check(
            &parse("2017-10..2017-09"),
            "“2017-10..2017-09” is not a date range: it ends before it starts",
            "«\u{202F}2017-10..2017-09\u{202F}» n'est pas une période\u{202F}: elle finit avant de commencer",
            "“2017-10..2017-09” មិនមែនជារយៈពេលទេ៖ វាបញ្ចប់មុនពេលចាប់ផ្តើម",
        );
        check(
            "must not be empty",
            "this field must not be empty",
            "ce champ ne doit pas être vide",
            "វាលនេះមិនត្រូវទទេទេ",
        );
        check(
            "no actor \"police\" in this case",
            "this case has no actor “police”",
            "ce dossier n'a pas d'acteur «\u{202F}police\u{202F}»",
            "សំណុំរឿងនេះគ្មានតួអង្គ “police” ទេ",
        );
        check(
            "no provision ACPS Art. 99 in this case",
            "this case has no provision ACPS Art. 99",
            "ce dossier n'a pas de disposition ACPS Art. 99",
            "សំណុំរឿងនេះគ្មានបទប្បញ្ញត្តិ ACPS Art. 99 ទេ",
        );
    }

    /// The handlers' own sentences, as they write them.
    #[test]
    fn the_handlers_sentences_are_said_too() {
        let km = say(Lang::Km);
        for sentence in [
            "must be true or false",
            "choose confirmed, retracted or draft",
            "must be a page number",
            "choose en, fr or km",
        ] {
            let said = explain(&km, sentence).unwrap_or_else(|| panic!("{sentence}"));
            assert!(!said.is_ascii(), "{sentence}: {said}");
        }
        assert_eq!(
            explain(&say(Lang::Fr), "must be true or false").as_deref(),
            Some("doit être true ou false")
        );
    }

    #[test]
    fn a_refusal_names_its_field_and_an_unknown_kind_stays_english() {
        let fr = say(Lang::Fr);
        assert_eq!(
            refused(&fr, "title", "must not be empty"),
            "Titre\u{202F}: ce champ ne doit pas être vide"
        );
        assert_eq!(
            refused(&fr, "actors[2].actor", "no actor \"x\" in this case"),
            "Acteur\u{202F}: ce dossier n'a pas d'acteur «\u{202F}x\u{202F}»"
        );
        let unknown = refused(&fr, "weird", "the moon is not aligned");
        assert!(
            unknown.ends_with("weird: the moon is not aligned"),
            "{unknown}"
        );
        assert!(unknown.starts_with("Détail (en anglais)"), "{unknown}");
        assert_eq!(
            refused(&say(Lang::En), "weird", "the moon is not aligned"),
            "weird: the moon is not aligned"
        );
        assert_eq!(explain(&fr, "\"unterminated"), None);
    }
}
