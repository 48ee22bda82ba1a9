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
    if let Some(reason) = import_problem(say, message) {
        return Some(reason);
    }
    if let Some(reason) = file_problem(say, message) {
        return Some(reason);
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

/// A table import's row problem (`accord-tables`' and the importers' own words), by its kind.
fn import_problem(say: &Say<'_>, message: &str) -> Option<String> {
    for (sentence, id) in [
        (
            "an ACLED export has this column; is this an ACLED file (--format acled)?",
            "refusal-import-acled-column",
        ),
        (
            "a PA-X agreements file has this column; is this PA-X's CSV (--format pax)?",
            "refusal-import-pax-column",
        ),
        (
            "AgtId is PA-X's agreement number",
            "refusal-import-pax-agtid",
        ),
        (
            "every agreement has a name",
            "refusal-import-agreement-name",
        ),
        (
            "a PA-X provision code is 0, 1, 2 or 3 (or the column is not one PA-X has)",
            "refusal-import-pax-code",
        ),
        ("every record needs a title", "refusal-import-title"),
        (
            "the id column is empty: each row needs its id so that a second import finds it",
            "refusal-import-id-empty",
        ),
        (
            "a geolocation is lat|lon, e.g. 11.5564|104.9282",
            "refusal-import-geolocation",
        ),
        ("not a web address Accord can link to", "refusal-import-url"),
        (
            "not an event id: letters, digits, '.', '_' or '-', at most 100",
            "refusal-import-event-id",
        ),
        (
            "the row is not UTF-8 text: save the file as UTF-8",
            "refusal-import-utf8",
        ),
        ("not a date", "refusal-import-not-date"),
        (
            "not a date: expected 2017-10-23, 2017-10, 2017, 23 Oct 2017 or a numeric date in the mapping's date_order",
            "refusal-import-date-any",
        ),
        (
            "not a date: expected e.g. 23 Oct 2017",
            "refusal-import-date-day-month",
        ),
        (
            "not a date: expected e.g. Oct 23, 2017",
            "refusal-import-date-month-day",
        ),
        (
            "not a date: expected e.g. Oct 2017",
            "refusal-import-date-month",
        ),
        (
            "not a date: a numeric date needs a four-digit year",
            "refusal-import-date-year",
        ),
        ("not a Unix time", "refusal-import-unix-time"),
        ("a Unix time out of range", "refusal-import-unix-range"),
    ] {
        if message == sentence {
            return Some(say.t(id));
        }
    }
    // The catalogs hold no quotation mark (they are written into pages as they are): the
    // settings the sentences quote are their arguments.
    if message == "not a date in the order year, month, day (date_order = \"ymd\")" {
        return Some(say.msg(
            "refusal-import-date-ymd",
            &[("setting", "date_order = \"ymd\"".into())],
        ));
    }
    if message
        == "day and month are both numbers: say which comes first with date_order = \"dmy\" or \"mdy\" in the mapping"
    {
        return Some(say.msg(
            "refusal-import-date-order",
            &[
                ("dmy", "date_order = \"dmy\"".into()),
                ("mdy", "\"mdy\"".into()),
            ],
        ));
    }
    if let Some(row) = message
        .strip_prefix("row ")
        .and_then(|m| m.strip_suffix(" has this id already: each row is one record"))
        .and_then(|r| r.parse::<u64>().ok())
    {
        return Some(say.msg("refusal-import-duplicate", &[("row", row.into())]));
    }
    if let Some(field) = message
        .strip_prefix("the mapping maps ")
        .and_then(|m| m.strip_suffix(" to this column, which the file does not have"))
    {
        return Some(say.msg("refusal-import-mapping-column", &[("field", field.into())]));
    }
    if let Some(rest) = message.strip_prefix("the mapping says which column is the ")
        && let Some((field, example)) = rest.split_once(" (")
        && let Some(example) = example.strip_suffix(')')
    {
        return Some(say.msg(
            "refusal-import-mapping-required",
            &[("field", field.into()), ("example", example.into())],
        ));
    }
    if let Some(rest) =
        message.strip_prefix("not an incident kind: say what it is in the mapping's [kinds] (")
        && let Some((example, kinds)) = rest.split_once("); the kinds are ")
    {
        return Some(say.msg(
            "refusal-import-kind",
            &[("example", example.into()), ("kinds", kinds.into())],
        ));
    }
    if let Some(day) = message.strip_suffix(" does not exist")
        && day.len() == 10
        && day.bytes().all(|b| b.is_ascii_digit() || b == b'-')
    {
        return Some(say.msg("refusal-import-no-day", &[("day", day.into())]));
    }
    message
        .strip_prefix("the row cannot be read: ")
        .map(|detail| say.msg("refusal-import-unreadable", &[("detail", detail.into())]))
}

/// A value outside a closed vocabulary, a score off the scale, a key a TOML file may not have
/// or lacks, and a case bundle's own refusals of a file: the core's words (`names.rs`,
/// `observation.rs`, `bundle.rs`), serde's for TOML, the command line's for a bundle's text.
fn file_problem(say: &Say<'_>, message: &str) -> Option<String> {
    for (sentence, id) in [
        (
            "unknown file in a case bundle (see docs/case-format.md for the layout)",
            "refusal-bundle-unknown-file",
        ),
        (
            "missing: every bundle needs a case.toml",
            "refusal-bundle-no-case-file",
        ),
        (
            "an evidence file that no record in evidence.toml names",
            "refusal-bundle-unnamed-evidence",
        ),
    ] {
        if message == sentence {
            return Some(say.t(id));
        }
    }
    // A mapping file's refusals of its settings (`accord-tables`' `mapping.rs`).
    if let Some(fields) = message
        .strip_prefix("not a field; the fields are ")
        .and_then(|m| m.strip_suffix(" and title__LANG (title__km)"))
    {
        return Some(say.msg("refusal-mapping-field", &[("fields", fields.into())]));
    }
    if message == "one character, e.g. \";\"" {
        return Some(say.msg("refusal-mapping-separator", &[("example", "\";\"".into())]));
    }
    if let Some((value, " is not dmy, mdy or ymd")) = quoted_head(message) {
        return Some(say.msg("refusal-mapping-date-order", &[("value", value.into())]));
    }
    // The command line's refusals of a bundle's text file as it reads it for the core
    // (`accord-cli`'s `bundle_dir.rs`): the file grew past the limit, or cannot be read.
    if let Some(mib) = message
        .strip_prefix("larger than ")
        .and_then(|m| m.strip_suffix(BUNDLE_TEXT_TOO_LARGE))
        .and_then(|m| m.parse::<u64>().ok())
    {
        return Some(say.msg(
            "refusal-bundle-text-too-large",
            &[("mib", say.plain(mib).into())],
        ));
    }
    if let Some(detail) = message.strip_prefix("cannot read: ") {
        return Some(say.msg("refusal-bundle-cannot-read", &[("detail", detail.into())]));
    }
    if let Some(path) = message.strip_suffix(": no such file in the bundle") {
        return Some(say.msg("refusal-bundle-no-file", &[("path", path.into())]));
    }
    if let Some(byte) = message
        .strip_prefix("not UTF-8 text (byte ")
        .and_then(|b| b.strip_suffix(')'))
        .and_then(|b| b.parse::<u64>().ok())
    {
        return Some(say.msg("refusal-bundle-utf8", &[("byte", say.plain(byte).into())]));
    }
    if let Some(value) = message.strip_suffix(
        " is not on the Peace Accords Matrix scale: 0 (not implemented), 1 (minimal), 2 (intermediate) or 3 (full implementation)",
    ) {
        return Some(say.msg("refusal-score", &[("value", value.into())]));
    }
    // serde's words for a TOML key: "unknown field `x`, expected one of `a`, `b`" or
    // "expected `a`", and "missing field `x`".
    if let Some(rest) = message.strip_prefix("unknown field `")
        && let Some((field, rest)) = rest.split_once("`, expected ")
    {
        // "`a` or `b`" for two: a list in every language.
        let expected = rest
            .strip_prefix("one of ")
            .unwrap_or(rest)
            .replace("` or `", "`, `");
        return Some(say.msg(
            "refusal-unknown-key",
            &[("key", field.into()), ("expected", expected.into())],
        ));
    }
    if let Some(field) = message
        .strip_prefix("missing field `")
        .and_then(|m| m.strip_suffix('`'))
    {
        return Some(say.msg("refusal-missing-key", &[("key", field.into())]));
    }
    unknown_name(say, message)
}

/// The end of the command line's refusal of a bundle's text file that is too large.
const BUNDLE_TEXT_TOO_LARGE: &str = " MiB, the most a text file of a bundle may hold (split records into shards, as accord export does: see docs/case-format.md; evidence files belong under evidence/)";

/// `unknown role "x" (expected one of: owner, editor)`: a name outside a closed vocabulary
/// (`accord_core::names::UnknownName`; custody actions write it without the colon), the
/// vocabulary by its name in the language (`vocabulary-<what>`).
fn unknown_name(say: &Say<'_>, message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown ")?;
    let space = rest.find(" \"")?;
    let what = &rest[..space];
    let (value, rest) = quoted_head(&rest[space + 1..])?;
    let expected = rest
        .strip_prefix(" (expected one of")?
        .strip_suffix(')')?
        .trim_start_matches(':')
        .trim_start();
    let id = format!("vocabulary-{}", what.replace(' ', "-"));
    let what = match say.t(&id) {
        text if text == id => what.to_owned(),
        text => text,
    };
    Some(say.msg(
        "refusal-unknown-name",
        &[
            ("what", what.into()),
            ("value", value.into()),
            ("expected", expected.to_owned().into()),
        ],
    ))
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
/// a sentence of an unknown kind stays English under a translated introduction. The command
/// line says the action layer's refused fields with it (`accord-cli`'s `failure.rs`).
pub fn refused(say: &Say<'_>, field: &str, message: &str) -> String {
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
/// A table import's row problems are said the same way (the import page, `accord import FILE
/// --format ...`).
pub fn beside_field(say: &Say<'_>, message: &str) -> String {
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

    /// A table import's row problems: each kind said in French and Khmer, its English the
    /// importers' own sentence (their sources hold each fixed one, so that a rewording fails
    /// here), an unknown one left in English under the translated introduction.
    #[test]
    fn import_problems_are_said_in_each_language() {
        let sources = [
            include_str!("../../tables/src/acled.rs"),
            include_str!("../../tables/src/pax.rs"),
            include_str!("../../tables/src/spreadsheet.rs"),
            include_str!("../../tables/src/read.rs"),
            include_str!("../../tables/src/dates.rs"),
        ]
        .concat()
        .replace("\\\"", "\"");
        let samples: [(&str, &[(&str, FluentValue<'_>)]); 27] = [
            ("refusal-import-acled-column", &[]),
            ("refusal-import-pax-column", &[]),
            ("refusal-import-pax-agtid", &[]),
            ("refusal-import-agreement-name", &[]),
            ("refusal-import-pax-code", &[]),
            ("refusal-import-title", &[]),
            ("refusal-import-id-empty", &[]),
            ("refusal-import-geolocation", &[]),
            ("refusal-import-url", &[]),
            ("refusal-import-event-id", &[]),
            ("refusal-import-utf8", &[]),
            ("refusal-import-not-date", &[]),
            ("refusal-import-date-any", &[]),
            ("refusal-import-date-day-month", &[]),
            ("refusal-import-date-month-day", &[]),
            ("refusal-import-date-month", &[]),
            ("refusal-import-date-year", &[]),
            (
                "refusal-import-date-ymd",
                &[("setting", FluentValue::from("date_order = \"ymd\""))],
            ),
            (
                "refusal-import-date-order",
                &[
                    ("dmy", FluentValue::from("date_order = \"dmy\"")),
                    ("mdy", FluentValue::from("\"mdy\"")),
                ],
            ),
            ("refusal-import-unix-time", &[]),
            ("refusal-import-unix-range", &[]),
            (
                "refusal-import-no-day",
                &[("day", FluentValue::from("2020-02-31"))],
            ),
            ("refusal-import-duplicate", &[("row", FluentValue::from(3))]),
            (
                "refusal-import-mapping-column",
                &[("field", FluentValue::from("date"))],
            ),
            (
                "refusal-import-mapping-required",
                &[
                    ("field", FluentValue::from("title")),
                    ("example", FluentValue::from("[columns] title = \"...\"")),
                ],
            ),
            (
                "refusal-import-kind",
                &[
                    ("example", FluentValue::from("\"raid\" = \"arrest\"")),
                    ("kinds", FluentValue::from("arrest, closure")),
                ],
            ),
            (
                "refusal-import-unreadable",
                &[("detail", FluentValue::from("found record with 3 fields"))],
            ),
        ];
        for (id, args) in samples {
            let english = say(Lang::En).msg(id, args);
            let fixed = args
                .iter()
                .all(|(name, _)| matches!(*name, "setting" | "dmy" | "mdy"));
            if fixed {
                assert!(
                    sources.contains(&english),
                    "{id}: {english:?} not in accord-tables"
                );
            }
            assert_eq!(
                explain(&say(Lang::En), &english).as_deref(),
                Some(&*english)
            );
            let fr = beside_field(&say(Lang::Fr), &english);
            let km = beside_field(&say(Lang::Km), &english);
            assert_eq!(fr, say(Lang::Fr).msg(id, args), "{id}");
            assert_eq!(km, say(Lang::Km).msg(id, args), "{id}");
            assert_ne!(fr, english, "{id}");
            assert!(
                km.chars().any(|c| ('\u{1780}'..='\u{17FF}').contains(&c)),
                "{id}: {km}"
            );
        }
        // Its values are carried over: the row, the field, the kind typed.
        assert!(
            beside_field(
                &say(Lang::Fr),
                "row 12 has this id already: each row is one record"
            )
            .contains("12")
        );
        let kind = "not an incident kind: say what it is in the mapping's [kinds] (\"raid\" = \"arrest\"); the kinds are arrest, closure";
        let km = beside_field(&say(Lang::Km), kind);
        assert!(
            km.contains("\"raid\"") && km.contains("arrest, closure"),
            "{km}"
        );
        let unknown = beside_field(&say(Lang::Km), "a Uwazi file for Accord has a Title column");
        assert!(
            unknown.contains("a Uwazi file for Accord has a Title column"),
            "{unknown}"
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

    /// A name outside a vocabulary, a score off the scale, serde's refusals of a TOML key and a
    /// bundle's refusals of a file, from the core's and serde's own errors where they are made
    /// here, so that a change of their wording fails here.
    #[test]
    fn names_scores_keys_and_bundle_files_are_said_in_each_language() {
        use accord_core::Named as _;
        let role = accord_core::CaseRole::from_name("boss")
            .unwrap_err()
            .to_string();
        check(
            &role,
            "unknown role “boss” (expected one of: owner, editor, reviewer, viewer)",
            "rôle\u{202F}: valeur inconnue «\u{202F}boss\u{202F}» (valeurs admises\u{202F}: owner, editor, reviewer, viewer)",
            "តួនាទី៖ តម្លៃមិនស្គាល់ “boss” (តម្លៃដែលទទួលយក៖ owner, editor, reviewer, viewer)",
        );
        let custody = accord_core::CustodyAction::from_name("eaten").unwrap_err();
        let said = explain(&say(Lang::Fr), &custody).unwrap_or_default();
        assert!(
            said.starts_with(
                "action de possession\u{202F}: valeur inconnue «\u{202F}eaten\u{202F}»"
            ),
            "{said}"
        );
        let score = accord_core::Score::parse("7").unwrap_err().to_string();
        let fr = explain(&say(Lang::Fr), &score).unwrap_or_default();
        assert!(fr.starts_with("7 n’est pas sur l’échelle"), "{fr}");
        let km = explain(&say(Lang::Km), &score).unwrap_or_default();
        assert!(km.contains("ពេញលេញ"), "{km}");
        // serde's own words for a key a TOML file may not hold, or lacks (as `toml` gives them).
        use serde::de::Error as _;
        let unknown = serde::de::value::Error::unknown_field("titel", &["title", "date"]);
        check(
            &unknown.to_string(),
            "unknown key `titel`: the keys here are `title`, `date`",
            "clé inconnue `titel`\u{202F}: les clés admises ici sont `title`, `date`",
            "កូនសោមិនស្គាល់ `titel`៖ កូនសោដែលអាចប្រើនៅទីនេះគឺ `title`, `date`",
        );
        let missing = serde::de::value::Error::missing_field("title");
        check(
            &missing.to_string(),
            "the key `title` is missing",
            "la clé `title` manque",
            "ខ្វះកូនសោ `title`",
        );
        // A mapping file's refusals of its settings, as `accord-tables` makes them.
        for (text, fr) in [
            (
                "[columns]\ncolour = \"red\"\n",
                "pas un champ\u{202F}; les champs sont id, date, title",
            ),
            (
                "separator = \";;\"\n",
                "un seul caractère, par exemple \";\"",
            ),
            (
                "date_order = \"yyy\"\n",
                "«\u{202F}yyy\u{202F}» n’est ni dmy, ni mdy, ni ymd",
            ),
        ] {
            let Err(accord_tables::mapping::MappingError::Field { message, .. }) =
                accord_tables::Mapping::parse(text)
            else {
                panic!("{text}")
            };
            let said = explain(&say(Lang::Fr), &message).unwrap_or_default();
            assert!(said.starts_with(fr), "{message}: {said}");
            let said = explain(&say(Lang::Km), &message);
            assert!(said.is_some_and(|s| !s.is_ascii()), "{message}");
        }
        // A bundle's refusals of a file, as the core makes them.
        let file = |path: &str, contents: &str| accord_core::bundle::BundleFile {
            path: path.into(),
            contents: contents.into(),
        };
        let errors = accord_core::bundle::read(&[file("notes.toml", "")]).unwrap_err();
        let messages: Vec<&str> = errors.0.iter().map(|e| e.message.as_str()).collect();
        for message in &messages {
            let said = explain(&say(Lang::Km), message);
            assert!(said.is_some_and(|s| !s.is_ascii()), "{message}");
        }
        assert!(
            messages.contains(&"missing: every bundle needs a case.toml"),
            "{messages:?}"
        );
        check(
            "evidence/a.pdf: no such file in the bundle",
            "evidence/a.pdf: no such file in the bundle",
            "evidence/a.pdf\u{202F}: aucun fichier de ce nom dans le paquet",
            "evidence/a.pdf៖ គ្មានឯកសារនេះក្នុងកញ្ចប់ទេ",
        );
        // The command line's own refusals of a bundle's text file, as `bundle_dir.rs` words them.
        let cli = include_str!("../../cli/src/bundle_dir.rs");
        assert!(cli.contains("format!(\"cannot read: {e}\")"));
        assert!(cli.contains("\"larger than {} MiB, the most a text file of a bundle may hold"));
        let fr = say(Lang::Fr);
        let said =
            explain(&fr, &format!("larger than 64{BUNDLE_TEXT_TOO_LARGE}")).unwrap_or_default();
        assert!(said.starts_with("plus de 64 Mio"), "{said}");
        let said = explain(&fr, "cannot read: Permission denied (os error 13)").unwrap_or_default();
        assert!(said.starts_with("illisible"), "{said}");
        check(
            "not UTF-8 text (byte 12)",
            "not UTF-8 text (byte 12)",
            "ce n’est pas du texte UTF-8 (octet 12)",
            "មិនមែនជាអត្ថបទ UTF-8 ទេ (បៃទី១២)",
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
