//! Records in several languages: the language a record was written in and its translations.
//!
//! A case is written in one language (`Case::language`, English when not said); a record may say
//! it was written in another (`RecordLanguages::original`). A translation gives, for one language,
//! some or all of the record's translatable fields ([`TextKind::fields`]), who translated them and
//! when. Each translated field keeps the SHA-256 of the original text it was translated from, so
//! a translation whose original changed since is known to be *out of date* without keeping old
//! versions around. Pages show the reader's language where a translation exists, else the
//! original, marked as such ([`Localized`]); the translators' page lists what is missing or out
//! of date per language ([`pending`]).
//!
//! Translations live beside the records, keyed by kind and id, rather than inside each record
//! type: a record's own fields, files and tables stay as they were, and a case without
//! translations is read, stored and hashed exactly as before.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use sha2::{Digest, Sha256};

use crate::date::Day;
use crate::model::Case;
use crate::names::Named;
use crate::sensitivity::Sensitivity;
use crate::validate::{Entity, Problem};

/// The language of a case that does not say (the reference case and every older bundle).
pub const DEFAULT_LANGUAGE: &str = "en";

/// The kinds of record whose text can be translated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TextKind {
    Case,
    Instrument,
    Provision,
    Actor,
    Source,
    Incident,
    Mechanism,
}

impl Named for TextKind {
    const WHAT: &'static str = "record kind";
    const NAMES: &'static [(Self, &'static str)] = &[
        (Self::Case, "case"),
        (Self::Instrument, "instrument"),
        (Self::Provision, "provision"),
        (Self::Actor, "actor"),
        (Self::Source, "source"),
        (Self::Incident, "incident"),
        (Self::Mechanism, "mechanism"),
    ];
}

impl TextKind {
    /// The fields of this kind that can be translated, in the order they are written.
    pub fn fields(self) -> &'static [&'static str] {
        match self {
            TextKind::Case => &["title", "summary"],
            TextKind::Instrument => &["title", "notes"],
            TextKind::Provision => &["heading", "text"],
            TextKind::Actor => &["name"],
            TextKind::Source => &["title", "note"],
            TextKind::Incident => &["title", "summary", "place"],
            TextKind::Mechanism => &["name", "action"],
        }
    }
}

/// A record's languages: the one it was written in, and its translations.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordLanguages {
    pub kind: TextKind,
    /// The record's id; a provision's is its citation as printed (`ACPS Art. 15(1)`), the
    /// case's is the case id.
    pub id: String,
    /// The language the record was written in, when not the case's.
    pub original: Option<String>,
    /// One per language, in the order they were added.
    pub translations: Vec<RecordTranslation>,
}

/// A record's text in one language other than its original.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordTranslation {
    /// BCP 47 tag.
    pub lang: String,
    /// The translated fields, in [`TextKind::fields`] order.
    pub fields: Vec<TranslatedField>,
    /// Who translated it (a name or an e-mail address).
    pub by: Option<String>,
    pub at: Option<Day>,
}

/// One field of a translation.
#[derive(Debug, Clone, PartialEq)]
pub struct TranslatedField {
    pub field: String,
    pub text: String,
    /// SHA-256 (hex) of the original text this was translated from; `None` when not known
    /// (written by hand in a bundle), which is read as translated from the current original.
    pub original_sha256: Option<String>,
}

impl RecordTranslation {
    pub fn field(&self, name: &str) -> Option<&TranslatedField> {
        self.fields.iter().find(|f| f.field == name)
    }
}

impl RecordLanguages {
    pub fn translation(&self, lang: &str) -> Option<&RecordTranslation> {
        self.translations.iter().find(|t| same_lang(&t.lang, lang))
    }
}

/// SHA-256 of a text as lower-case hex: what a translated field remembers of its original.
pub fn fingerprint(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let mut s = String::with_capacity(64);
    for b in digest {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

/// Whether two language tags name the same language (case-insensitive, `_` as `-`).
pub fn same_lang(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes().zip(b.bytes()).all(|(x, y)| {
            let norm = |c: u8| {
                if c == b'_' {
                    b'-'
                } else {
                    c.to_ascii_lowercase()
                }
            };
            norm(x) == norm(y)
        })
}

/// Whether `tag` is a well-formed BCP 47 language tag of the common shape: a language subtag of
/// 2-3 letters (or 4-8 for registered ones), then subtags of 1-8 letters or digits, separated by
/// `-` (`km`, `fr-CA`, `zh-Hant-TW`). Private-use and grandfathered tags are not accepted.
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let Some(first) = parts.next() else {
        return false;
    };
    if !(2..=8).contains(&first.len()) || !first.bytes().all(|b| b.is_ascii_alphabetic()) {
        return false;
    }
    parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// The two-letter language codes of ISO 639-1, sorted: what a language tag's primary subtag
/// must be when it has two letters, for a tag to name a known language.
const ISO_639_1: &[&str] = &[
    "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg", "bh",
    "bi", "bm", "bn", "bo", "br", "bs", "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv", "cy", "da",
    "de", "dv", "dz", "ee", "el", "en", "eo", "es", "et", "eu", "fa", "ff", "fi", "fj", "fo", "fr",
    "fy", "ga", "gd", "gl", "gn", "gu", "gv", "ha", "he", "hi", "ho", "hr", "ht", "hu", "hy", "hz",
    "ia", "id", "ie", "ig", "ii", "ik", "io", "is", "it", "iu", "ja", "jv", "ka", "kg", "ki", "kj",
    "kk", "kl", "km", "kn", "ko", "kr", "ks", "ku", "kv", "kw", "ky", "la", "lb", "lg", "li", "ln",
    "lo", "lt", "lu", "lv", "mg", "mh", "mi", "mk", "ml", "mn", "mr", "ms", "mt", "my", "na", "nb",
    "nd", "ne", "ng", "nl", "nn", "no", "nr", "nv", "ny", "oc", "oj", "om", "or", "os", "pa", "pi",
    "pl", "ps", "pt", "qu", "rm", "rn", "ro", "ru", "rw", "sa", "sc", "sd", "se", "sg", "si", "sk",
    "sl", "sm", "sn", "so", "sq", "sr", "ss", "st", "su", "sv", "sw", "ta", "te", "tg", "th", "ti",
    "tk", "tl", "tn", "to", "tr", "ts", "tt", "tw", "ty", "ug", "uk", "ur", "uz", "ve", "vi", "vo",
    "wa", "wo", "xh", "yi", "yo", "za", "zh", "zu",
];

/// Whether a well-formed tag names a known language: its primary subtag, when of two letters,
/// is an ISO 639-1 code (`xx` is not); three-letter primary subtags (ISO 639-2/3, thousands of
/// them) are taken as given. What the forms, the API and the CLI check before a record's or a
/// case's original language is set.
pub fn is_known_language(tag: &str) -> bool {
    if !is_language_tag(tag) {
        return false;
    }
    let primary = tag.split('-').next().unwrap_or("").to_ascii_lowercase();
    match primary.len() {
        2 => ISO_639_1.binary_search(&primary.as_str()).is_ok(),
        3 => true,
        _ => false,
    }
}

/// Why a tag is refused as a language: malformed, or well formed but naming no known language.
pub fn language_problem(tag: &str) -> Option<String> {
    if !is_language_tag(tag) {
        Some(bad_tag(tag))
    } else if !is_known_language(tag) {
        Some(format!(
            "{tag:?} is not a known language (its first part must be an ISO 639 code such as \"km\", \"fr\" or \"en\")"
        ))
    } else {
        None
    }
}

/// The current original text of a record's field, `None` when the record does not exist, the
/// field is not translatable, or the record leaves it empty.
pub fn original_text<'c>(case: &'c Case, kind: TextKind, id: &str, field: &str) -> Option<&'c str> {
    let text: Option<&'c str> = match kind {
        TextKind::Case if case.id == id => match field {
            "title" => Some(case.title.as_str()),
            "summary" => case.summary.as_deref(),
            _ => None,
        },
        TextKind::Case => None,
        TextKind::Instrument => case.instrument(id).and_then(|i| match field {
            "title" => Some(i.title.as_str()),
            "notes" => i.notes.as_deref(),
            _ => None,
        }),
        TextKind::Provision => case
            .provisions()
            .find(|p| p.citation.to_string() == id)
            .and_then(|p| match field {
                "heading" => p.heading.as_deref(),
                "text" => p.text.as_deref(),
                _ => None,
            }),
        TextKind::Actor => case.actor(id).and_then(|a| match field {
            "name" => Some(a.name.as_str()),
            _ => None,
        }),
        TextKind::Source => case.source(id).and_then(|s| match field {
            "title" => Some(s.title.as_str()),
            "note" => s.note.as_deref(),
            _ => None,
        }),
        TextKind::Incident => case.incident(id).and_then(|i| match field {
            "title" => Some(i.title.as_str()),
            "summary" => i.summary.as_deref(),
            "place" => i.place.as_deref(),
            _ => None,
        }),
        TextKind::Mechanism => case.mechanism(id).and_then(|m| match field {
            "name" => Some(m.name.as_str()),
            "action" => Some(m.action.as_str()),
            _ => None,
        }),
    };
    text.filter(|t| !t.trim().is_empty())
}

/// How a field of a translation stands against the original.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FieldState {
    /// No translation of this field in this language.
    Missing,
    /// Translated from the current original.
    Current,
    /// Translated from a text the original no longer has.
    OutOfDate,
}

impl Named for FieldState {
    const WHAT: &'static str = "translation state";
    const NAMES: &'static [(Self, &'static str)] = &[
        (Self::Missing, "missing"),
        (Self::Current, "current"),
        (Self::OutOfDate, "out_of_date"),
    ];
}

/// How a translated field stands against the current original text.
pub fn field_state(field: Option<&TranslatedField>, original: &str) -> FieldState {
    match field {
        None => FieldState::Missing,
        Some(f) => match &f.original_sha256 {
            Some(sha) if *sha != fingerprint(original) => FieldState::OutOfDate,
            _ => FieldState::Current,
        },
    }
}

/// A field as a reader sees it: in their language when translated, else the original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Localized<'a> {
    pub text: &'a str,
    /// The language the text is in.
    pub lang: &'a str,
    /// Whether the text is the original (the reader's language had no translation).
    pub original: bool,
    /// A translation made from an earlier original.
    pub out_of_date: bool,
}

/// Every record's languages by kind and id, for pages that show many records.
#[derive(Debug, Clone)]
pub struct Translations<'c> {
    case_lang: &'c str,
    /// By record id, then kind (ids of different kinds may be equal).
    by_record: HashMap<&'c str, Vec<&'c RecordLanguages>>,
}

impl<'c> Translations<'c> {
    /// The languages of some records, read without their case (a page of incidents): `language`
    /// is the case's.
    pub fn new(
        language: Option<&'c str>,
        records: impl IntoIterator<Item = &'c RecordLanguages>,
    ) -> Self {
        Self {
            case_lang: language.unwrap_or(DEFAULT_LANGUAGE),
            by_record: records.into_iter().fold(HashMap::new(), |mut m, r| {
                m.entry(r.id.as_str()).or_insert_with(Vec::new).push(r);
                m
            }),
        }
    }

    pub fn of(case: &'c Case) -> Self {
        Self {
            case_lang: case.language.as_deref().unwrap_or(DEFAULT_LANGUAGE),
            by_record: case.translations.iter().fold(HashMap::new(), |mut m, r| {
                m.entry(r.id.as_str()).or_insert_with(Vec::new).push(r);
                m
            }),
        }
    }

    /// Whether the case has any translation at all (pages skip the lookups when not).
    pub fn is_empty(&self) -> bool {
        self.by_record.is_empty()
    }

    pub fn record(&self, kind: TextKind, id: &str) -> Option<&'c RecordLanguages> {
        self.by_record
            .get(id)
            .and_then(|v| v.iter().find(|r| r.kind == kind))
            .copied()
    }

    /// The language a record was written in.
    pub fn original_lang(&self, kind: TextKind, id: &str) -> &'c str {
        self.record(kind, id)
            .and_then(|r| r.original.as_deref())
            .unwrap_or(self.case_lang)
    }

    /// A field in the reader's language: the translation when there is one, else `original`
    /// (the record's own text) marked as the original. A reader whose language is the
    /// original's gets the original, unmarked.
    pub fn localize<'a>(
        &'a self,
        kind: TextKind,
        id: &str,
        field: &str,
        original: &'a str,
        reader: &str,
    ) -> Localized<'a>
    where
        'c: 'a,
    {
        let lang = self.original_lang(kind, id);
        let plain = Localized {
            text: original,
            lang,
            original: !primary_same(lang, reader),
            out_of_date: false,
        };
        if !plain.original {
            return plain;
        }
        let translated = self
            .record(kind, id)
            .and_then(|r| r.translation(reader))
            .and_then(|t| Some((t, t.field(field)?)));
        match translated {
            Some((t, f)) => Localized {
                text: &f.text,
                lang: &t.lang,
                original: false,
                out_of_date: field_state(Some(f), original) == FieldState::OutOfDate,
            },
            None => plain,
        }
    }
}

/// Whether two tags share their primary language subtag (`fr` and `fr-CA`).
fn primary_same(a: &str, b: &str) -> bool {
    let p = |t: &str| {
        t.split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase()
    };
    p(a) == p(b)
}

/// One field a translator has to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    pub kind: TextKind,
    pub id: String,
    pub field: &'static str,
    pub state: FieldState,
}

/// Every translatable field of the case, in the case's order (case, instruments and their
/// provisions, actors, sources, incidents, mechanisms), that has no translation into `lang` or
/// whose translation is out of date. Records written in `lang` need none; empty fields need none.
pub fn pending(case: &Case, lang: &str) -> Vec<Pending> {
    let index = Translations::of(case);
    let mut out = Vec::new();
    each_record(case, |kind, id, _, texts| {
        let orig = index.original_lang(kind, &id);
        if primary_same(orig, lang) {
            return;
        }
        let translation = index.record(kind, &id).and_then(|r| r.translation(lang));
        for (&field, original) in kind.fields().iter().zip(texts) {
            let Some(original) = original.filter(|t| !t.trim().is_empty()) else {
                continue;
            };
            let state = field_state(translation.and_then(|t| t.field(field)), original);
            if state != FieldState::Current {
                out.push(Pending {
                    kind,
                    id: id.to_string(),
                    field,
                    state,
                });
            }
        }
    });
    out
}

/// Every translatable record of the case in the case's order (case, instruments and their
/// provisions, actors, sources, incidents, mechanisms), with its sensitivity and the original
/// text of each of its fields in [`TextKind::fields`] order.
pub fn each_record<'c>(
    case: &'c Case,
    mut f: impl FnMut(TextKind, Cow<'c, str>, Sensitivity, &[Option<&'c str>]),
) {
    let public = Sensitivity::Public;
    f(
        TextKind::Case,
        Cow::Borrowed(&case.id),
        public,
        &[Some(&case.title), case.summary.as_deref()],
    );
    for ins in &case.instruments {
        f(
            TextKind::Instrument,
            Cow::Borrowed(&ins.id),
            public,
            &[Some(&ins.title), ins.notes.as_deref()],
        );
        for p in &ins.provisions {
            f(
                TextKind::Provision,
                Cow::Owned(p.citation.to_string()),
                public,
                &[p.heading.as_deref(), p.text.as_deref()],
            );
        }
    }
    for a in &case.actors {
        f(
            TextKind::Actor,
            Cow::Borrowed(&a.id),
            a.sensitivity,
            &[Some(&a.name)],
        );
    }
    for s in &case.sources {
        f(
            TextKind::Source,
            Cow::Borrowed(&s.id),
            s.sensitivity,
            &[Some(&s.title), s.note.as_deref()],
        );
    }
    for i in &case.incidents {
        f(
            TextKind::Incident,
            Cow::Borrowed(&i.id),
            i.sensitivity,
            &[Some(&i.title), i.summary.as_deref(), i.place.as_deref()],
        );
    }
    for m in &case.mechanisms {
        f(
            TextKind::Mechanism,
            Cow::Borrowed(&m.id),
            public,
            &[Some(&m.name), Some(&m.action)],
        );
    }
}

/// The sensitivity of each record the case's translations are of (absent: no such record).
fn sensitivities(case: &Case) -> HashMap<(TextKind, String), Sensitivity> {
    let wanted: HashSet<(TextKind, &str)> = case
        .translations
        .iter()
        .map(|r| (r.kind, r.id.as_str()))
        .collect();
    let mut out = HashMap::new();
    if wanted.is_empty() {
        return out;
    }
    each_record(case, |kind, id, sensitivity, _| {
        if wanted.contains(&(kind, id.as_ref())) {
            out.insert((kind, id.into_owned()), sensitivity);
        }
    });
    out
}

/// Drop the languages of records the case does not hold (a case loaded with only some of its
/// incidents keeps the translations of those).
pub fn retain_present(case: &mut Case) {
    if case.translations.is_empty() {
        return;
    }
    let present = sensitivities(case);
    case.translations
        .retain(|r| present.contains_key(&(r.kind, r.id.clone())));
}

/// Add or replace one language's translation of a record (what the translation form does):
/// the fields given replace those of an existing translation in that language, the others stay.
/// Each field given remembers the SHA-256 of the current original. Returns the record's new
/// languages; the caller checks them with [`record_problems`].
pub fn with_translation(
    case: &Case,
    kind: TextKind,
    id: &str,
    lang: &str,
    fields: &[(String, String)],
    by: Option<&str>,
    at: Day,
) -> RecordLanguages {
    let mut record = case
        .translations
        .iter()
        .find(|r| r.kind == kind && r.id == id)
        .cloned()
        .unwrap_or_else(|| RecordLanguages {
            kind,
            id: id.to_owned(),
            original: None,
            translations: Vec::new(),
        });
    let pos = match record
        .translations
        .iter()
        .position(|t| same_lang(&t.lang, lang))
    {
        Some(p) => p,
        None => {
            record.translations.push(RecordTranslation {
                lang: lang.to_owned(),
                fields: Vec::new(),
                by: None,
                at: None,
            });
            record.translations.len() - 1
        }
    };
    let Some(t) = record.translations.get_mut(pos) else {
        return record;
    };
    t.by = by.map(str::to_owned);
    t.at = Some(at);
    for (name, text) in fields {
        let original_sha256 = original_text(case, kind, id, name).map(fingerprint);
        let new = TranslatedField {
            field: name.clone(),
            text: text.clone(),
            original_sha256,
        };
        match t.fields.iter_mut().find(|f| f.field == *name) {
            Some(f) => *f = new,
            None => t.fields.push(new),
        }
    }
    // Fields in the kind's order, unknown ones (refused by the checks) last.
    let order = |f: &TranslatedField| {
        kind.fields()
            .iter()
            .position(|n| *n == f.field)
            .unwrap_or(usize::MAX)
    };
    t.fields.sort_by_key(order);
    record
}

/// A record's languages without its translation into `lang` (what removing a translation
/// does); `None` when the record has none in that language.
pub fn without_translation(record: &RecordLanguages, lang: &str) -> Option<RecordLanguages> {
    let pos = record
        .translations
        .iter()
        .position(|t| same_lang(&t.lang, lang))?;
    let mut out = record.clone();
    out.translations.remove(pos);
    Some(out)
}

pub fn record_problems(case: &Case, entity: Entity, r: &RecordLanguages) -> Vec<Problem> {
    let mut sensitivity = None;
    each_record(case, |kind, id, s, _| {
        if kind == r.kind && id == r.id.as_str() {
            sensitivity = Some(s);
        }
    });
    problems_of(case, entity, r, sensitivity)
}

fn problems_of(
    case: &Case,
    entity: Entity,
    r: &RecordLanguages,
    sensitivity: Option<Sensitivity>,
) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut push = |field: String, message: String| {
        out.push(Problem {
            entity,
            field,
            message,
        });
    };
    match sensitivity {
        None => push(
            "id".into(),
            format!("no {} {:?} in this case", r.kind.as_str(), r.id),
        ),
        // A restricted record's text is kept sealed; a translation of it would not be.
        Some(Sensitivity::Restricted) => push(
            "id".into(),
            format!(
                "{} {:?} is restricted: its text is not translated (a translation would be kept unsealed)",
                r.kind.as_str(),
                r.id
            ),
        ),
        Some(_) => {}
    }
    if let Some(o) = &r.original
        && !is_language_tag(o)
    {
        push("original".into(), bad_tag(o));
    }
    let original = r
        .original
        .as_deref()
        .or(case.language.as_deref())
        .unwrap_or(DEFAULT_LANGUAGE);
    let mut langs: HashSet<String> = HashSet::new();
    for (i, t) in r.translations.iter().enumerate() {
        let at = |f: &str| format!("translations[{i}].{f}");
        if !is_language_tag(&t.lang) {
            push(at("lang"), bad_tag(&t.lang));
        } else if same_lang(&t.lang, original) {
            push(
                at("lang"),
                format!("{:?} is the record's original language", t.lang),
            );
        }
        if !langs.insert(t.lang.to_ascii_lowercase().replace('_', "-")) {
            push(
                at("lang"),
                format!("a second translation into {:?}", t.lang),
            );
        }
        if t.fields.is_empty() {
            push(
                at("fields"),
                "a translation needs at least one field".into(),
            );
        }
        if t.by.as_deref().is_some_and(|b| b.trim().is_empty()) {
            push(at("by"), "must not be empty".into());
        }
        let mut seen = HashSet::new();
        for f in &t.fields {
            let name = at(&format!("fields.{}", f.field));
            if !r.kind.fields().contains(&f.field.as_str()) {
                push(
                    name,
                    format!(
                        "{:?} is not a translatable field of {} records (expected one of: {})",
                        f.field,
                        r.kind.as_str(),
                        r.kind.fields().join(", ")
                    ),
                );
                continue;
            }
            if !seen.insert(f.field.as_str()) {
                push(name, "given twice".into());
            } else if f.text.trim().is_empty() {
                push(name, "must not be empty".into());
            } else if f
                .original_sha256
                .as_deref()
                .is_some_and(|s| !crate::validate::is_sha256(s))
            {
                push(
                    name,
                    "its original_sha256 is not 64 hexadecimal digits".into(),
                );
            }
        }
    }
    out
}

fn bad_tag(tag: &str) -> String {
    format!("{tag:?} is not a language tag such as \"km\", \"fr\" or \"fr-CA\"")
}

/// Problems of every record's languages and of the case's own language.
pub(crate) fn case_problems(case: &Case) -> Vec<Problem> {
    let mut out = Vec::new();
    if let Some(l) = &case.language
        && !is_language_tag(l)
    {
        out.push(Problem {
            entity: Entity::Case,
            field: "language".into(),
            message: bad_tag(l),
        });
    }
    let present = sensitivities(case);
    let mut seen = HashSet::new();
    for (i, r) in case.translations.iter().enumerate() {
        let e = Entity::Translation(i);
        if !seen.insert((r.kind, r.id.as_str())) {
            out.push(Problem {
                entity: e,
                field: "id".into(),
                message: format!("a second entry for {} {:?}", r.kind.as_str(), r.id),
            });
        }
        let sensitivity = present.get(&(r.kind, r.id.clone())).copied();
        out.extend(problems_of(case, e, r, sensitivity));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags() {
        for good in ["en", "km", "fr", "fr-CA", "zh-Hant-TW", "km-KH", "es-419"] {
            assert!(is_language_tag(good), "{good}");
        }
        for bad in [
            "",
            "k",
            "fr_",
            "fr--CA",
            "1a",
            "fr-CA!",
            "français",
            "fr CA",
            "-fr",
        ] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }

    #[test]
    fn same_language_ignores_case_and_underscore() {
        assert!(same_lang("fr-CA", "fr_ca"));
        assert!(!same_lang("fr", "fr-CA"));
        assert!(primary_same("fr", "fr-CA"));
    }

    #[test]
    fn known_languages() {
        assert!(ISO_639_1.windows(2).all(|w| w[0] < w[1]), "sorted");
        for good in ["km", "fr", "en", "fr-CA", "KM", "zh-Hant-TW", "khm"] {
            assert!(is_known_language(good), "{good}");
            assert_eq!(language_problem(good), None);
        }
        for bad in ["xx", "qq-CA", "zz"] {
            assert!(!is_known_language(bad), "{bad}");
            assert!(
                language_problem(bad)
                    .unwrap_or_default()
                    .contains("not a known language")
            );
        }
        assert!(
            language_problem("fr_")
                .unwrap_or_default()
                .contains("not a language tag")
        );
    }

    #[test]
    fn a_translation_is_removed_and_the_others_kept() {
        let t = |lang: &str| RecordTranslation {
            lang: lang.into(),
            fields: vec![],
            by: None,
            at: None,
        };
        let r = RecordLanguages {
            kind: TextKind::Actor,
            id: "a".into(),
            original: None,
            translations: vec![t("km"), t("fr")],
        };
        let without = without_translation(&r, "KM");
        assert_eq!(
            without.map(|w| w
                .translations
                .iter()
                .map(|t| t.lang.clone())
                .collect::<Vec<_>>()),
            Some(vec!["fr".to_owned()])
        );
        assert_eq!(without_translation(&r, "de"), None);
    }

    #[test]
    fn fingerprint_is_sha256_hex() {
        assert_eq!(
            fingerprint("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
