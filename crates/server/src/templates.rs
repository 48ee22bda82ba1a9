//! Page templates, compiled into the binary (one file to deploy) and rendered with strict
//! undefined-variable checking, so that a typo in a template fails a test instead of printing "".
//! Auto-escaping is on for `.html`: data never becomes markup.
//!
//! Every sentence a page shows comes from the message catalogs (`i18n.rs`) through `t`:
//! `{{ t("timeline-count", total=total) }}` is the message `timeline-count` in the language the
//! page is rendered in (the context's `lang`), its keyword arguments given to Fluent (numbers
//! stay numbers, for plurals and the language's digits). `{{ n | num }}` writes a number the
//! same way outside a message. Templates hold no sentence of their own (tested: `i18n_check`).

use std::collections::HashMap;
use std::sync::Arc;

use accord_core::Lang;
use fluent_bundle::{FluentArgs, FluentValue};
use minijinja::value::{Kwargs, ValueKind};
use minijinja::{Environment, State, UndefinedBehavior, Value};

use crate::i18n::Catalogs;

#[derive(Debug)]
pub(crate) struct Templates {
    env: Environment<'static>,
}

/// Every template, by name. A route module that brings templates adds its lines here.
const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../templates/base.html")),
    ("case_nav.html", include_str!("../templates/case_nav.html")),
    ("login.html", include_str!("../templates/login.html")),
    ("account.html", include_str!("../templates/account.html")),
    ("cases.html", include_str!("../templates/cases.html")),
    (
        "dashboard.html",
        include_str!("../templates/dashboard.html"),
    ),
    ("timeline.html", include_str!("../templates/timeline.html")),
    ("search.html", include_str!("../templates/search.html")),
    ("import.html", include_str!("../templates/import.html")),
    (
        "letters/list.html",
        include_str!("../templates/letters/list.html"),
    ),
    (
        "letters/show.html",
        include_str!("../templates/letters/show.html"),
    ),
    (
        "letters/compose.html",
        include_str!("../templates/letters/compose.html"),
    ),
    (
        "letters/versions.html",
        include_str!("../templates/letters/versions.html"),
    ),
    (
        "letters/signatories.html",
        include_str!("../templates/letters/signatories.html"),
    ),
    (
        "letters/link.html",
        include_str!("../templates/letters/link.html"),
    ),
    (
        "letters/sign.html",
        include_str!("../templates/letters/sign.html"),
    ),
    (
        "letters/sign_status.html",
        include_str!("../templates/letters/sign_status.html"),
    ),
    (
        "letters/withdraw.html",
        include_str!("../templates/letters/withdraw.html"),
    ),
    (
        "elections_simulation.html",
        include_str!("../templates/elections_simulation.html"),
    ),
    (
        "letters/follow_through.html",
        include_str!("../templates/letters/follow_through.html"),
    ),
    (
        "letters/awaiting.html",
        include_str!("../templates/letters/awaiting.html"),
    ),
    ("incident.html", include_str!("../templates/incident.html")),
    ("evidence.html", include_str!("../templates/evidence.html")),
    ("history.html", include_str!("../templates/history.html")),
    (
        "incident_form.html",
        include_str!("../templates/incident_form.html"),
    ),
    (
        "finding_form.html",
        include_str!("../templates/finding_form.html"),
    ),
    (
        "suggestions.html",
        include_str!("../templates/suggestions.html"),
    ),
    (
        "provisions.html",
        include_str!("../templates/provisions.html"),
    ),
    (
        "provision.html",
        include_str!("../templates/provision.html"),
    ),
    ("actor.html", include_str!("../templates/actor.html")),
    (
        "mechanism.html",
        include_str!("../templates/mechanism.html"),
    ),
    ("members.html", include_str!("../templates/members.html")),
    (
        "elections.html",
        include_str!("../templates/elections.html"),
    ),
    (
        "elections_show.html",
        include_str!("../templates/elections_show.html"),
    ),
    (
        "translators.html",
        include_str!("../templates/translators.html"),
    ),
    (
        "translation_form.html",
        include_str!("../templates/translation_form.html"),
    ),
    (
        "translation_mark.html",
        include_str!("../templates/translation_mark.html"),
    ),
    ("source.html", include_str!("../templates/source.html")),
    (
        "instrument.html",
        include_str!("../templates/instrument.html"),
    ),
];

impl Templates {
    pub(crate) fn load(catalogs: Arc<Catalogs>) -> Result<Templates, minijinja::Error> {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        // The messages without arguments, formatted once: a page asks for dozens of them.
        let constants: Arc<Vec<HashMap<&'static str, Value>>> = Arc::new(
            Lang::ALL
                .iter()
                .map(|l| {
                    catalogs
                        .constants(*l)
                        .into_iter()
                        .map(|(id, text)| (id, Value::from_safe_string(text)))
                        .collect()
                })
                .collect(),
        );
        let relative = Arc::clone(&catalogs);
        env.add_function(
            "t",
            move |state: &mut State, id: &str, kwargs: Kwargs| -> Result<Value, minijinja::Error> {
                let lang = page_lang(state);
                if kwargs.args().next().is_none()
                    && let Some(text) = constants.get(slot(lang)).and_then(|m| m.get(id))
                {
                    return Ok(text.clone());
                }
                // The same message with the same arguments is formatted once per page (a
                // list's rows often say the same thing, as "original (en)" on each title).
                let key = memo_key(id, &kwargs)?;
                if let Some(text) = words(state).said.get(&key) {
                    kwargs.assert_all_used()?;
                    return Ok(text.clone());
                }
                let mut args = FluentArgs::new();
                for name in kwargs.args() {
                    let value: Value = kwargs.get(name)?;
                    args.set(name.to_owned(), fluent_value(&value));
                }
                kwargs.assert_all_used()?;
                // The catalogs are ours and hold no markup character (tested); the arguments
                // are data, escaped above. So the message goes out as it is written.
                let text = Value::from_safe_string(catalogs.message(lang, id, Some(&args)));
                words(state).said.insert(key, text.clone());
                Ok(text)
            },
        );
        // `ago(days)`: a day `days` before today ("3 days ago", "yesterday"; negative: after
        // today, "in 3 days"), in the page's language with its plurals.
        env.add_function("ago", move |state: &mut State, days: i64| -> Value {
            let (id, n) = if days >= 0 {
                ("ago-past", days)
            } else {
                ("ago-future", days.saturating_neg())
            };
            let mut args = FluentArgs::new();
            args.set("days", n);
            Value::from_safe_string(relative.message(page_lang(state), id, Some(&args)))
        });
        env.add_filter("num", |state: &mut State, n: i64| {
            page_lang(state).number(n)
        });
        // ASCII digits in the page's language's digits (a time of day: "14:05", "១៤:០៥").
        env.add_filter("digits", |state: &mut State, text: &str| {
            page_lang(state).digits(text)
        });
        // `YYYY-MM-DD` written out in the page's language; anything else as it is.
        env.add_filter(
            "day",
            |state: &mut State, iso: &str| match accord_core::Day::parse(iso) {
                Ok(day) => page_lang(state).day(day),
                Err(_) => iso.to_owned(),
            },
        );
        // A date as recorded (`2017-09`, `2017-07..`) written out in the page's language.
        env.add_filter("date", |state: &mut State, spec: &str| match spec
            .parse::<accord_core::DateSpec>()
        {
            Ok(date) => page_lang(state).date(date),
            Err(_) => spec.to_owned(),
        });
        for (name, source) in TEMPLATES {
            env.add_template(name, source)?;
        }
        Ok(Templates { env })
    }

    pub(crate) fn render(&self, name: &str, ctx: Value) -> Result<String, minijinja::Error> {
        self.env.get_template(name)?.render(ctx)
    }
}

/// What one rendering of a page keeps for its words: its language (looked up once, not by each
/// message, number and date) and the messages with arguments it has said.
struct PageWords {
    lang: Lang,
    said: HashMap<String, Value>,
}

/// The page's words, started by the first message, number or date of a rendering.
fn words<'s>(state: &'s mut State) -> &'s mut PageWords {
    if state.get_extension::<PageWords>().is_none() {
        let lang = lang_of(state);
        state.get_or_insert_extension(PageWords {
            lang,
            said: HashMap::new(),
        });
    }
    state.get_or_insert_extension_with(|| PageWords {
        lang: Lang::En,
        said: HashMap::new(),
    })
}

fn page_lang(state: &mut State) -> Lang {
    words(state).lang
}

/// A language's place in [`Lang::ALL`].
fn slot(lang: Lang) -> usize {
    Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0)
}

/// A message and its arguments as one text, which two calls share only if Fluent would be given
/// the same message and the same arguments: each argument's name and value are written with
/// their lengths, and a value with what [`fluent_value`] makes of it (a number, escaped text or
/// markup).
fn memo_key(id: &str, kwargs: &Kwargs) -> Result<String, minijinja::Error> {
    use std::fmt::Write as _;
    let mut key = String::with_capacity(id.len() + 32);
    key.push_str(id);
    for name in kwargs.args() {
        let value: Value = kwargs.get(name)?;
        let form = if value.kind() == ValueKind::Number {
            'n'
        } else if value.is_safe() {
            's'
        } else {
            't'
        };
        let text = value.to_string();
        let _ = write!(key, "|{}:{name}{form}{}:{text}", name.len(), text.len());
    }
    Ok(key)
}

/// The language a page is rendered in: its context's `lang` (set by `AppState::page`).
fn lang_of(state: &State) -> Lang {
    state
        .lookup("lang")
        .and_then(|v| v.as_str().map(Lang::of))
        .unwrap_or(Lang::En)
}

/// A template value as a Fluent argument: whole numbers as numbers (plural selection, digits),
/// anything else as its text, HTML-escaped unless it is markup already made safe (a message).
fn fluent_value(value: &Value) -> FluentValue<'static> {
    if value.kind() == ValueKind::Number
        && let Ok(n) = i64::try_from(value.clone())
    {
        return FluentValue::from(n);
    }
    let text = value.to_string();
    if value.is_safe() {
        FluentValue::from(text)
    } else {
        FluentValue::from(escape(&text))
    }
}

/// The escaping minijinja applies to `.html` templates.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#x27;"),
            '/' => out.push_str("&#x2f;"),
            _ => out.push(c),
        }
    }
    out
}

/// The interface's templates are written in no language: every sentence, label and heading of
/// the templates below comes from the catalogs (`t(..)`), so a page in Khmer or French carries
/// no English of the templates' own. How that is checked, precisely: in the template's source,
/// with every `{{ .. }}`, `{% .. %}` and `{# .. #}` removed, the text between tags and the
/// attributes a reader sees or hears (`placeholder`, `title`, `aria-label`, `alt`) contain no
/// Latin letter, except the names in [`i18n_check::ALLOWED`] (a hash algorithm's name, a URL
/// scheme, the names of file formats). Data the pages show (titles of records, e-mail
/// addresses) comes through `{{ .. }}` and is not the templates' text.
#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use accord_core::Lang;
    use fluent_bundle::FluentArgs;
    use minijinja::Value;

    use super::{Templates, fluent_value};
    use crate::i18n::{Catalogs, SOURCES};

    /// What `t` wrote before it kept anything: the message formatted by Fluent on each call.
    fn fluent(catalogs: &Catalogs, lang: Lang, id: &str, args: &[(&str, Value)]) -> String {
        let mut fluent = FluentArgs::new();
        for (name, value) in args {
            fluent.set(*name, fluent_value(value));
        }
        catalogs.message(lang, id, Some(&fluent))
    }

    /// Every message of every catalog, asked for without arguments, reads as Fluent writes it
    /// (those kept from the start and those, needing arguments, formatted on the spot).
    #[test]
    fn messages_kept_from_the_start_read_as_fluent_writes_them() {
        let catalogs = Arc::new(Catalogs::load().unwrap());
        let templates = Templates::load(Arc::clone(&catalogs)).unwrap();
        let mut kept = 0;
        for lang in Lang::ALL {
            kept += catalogs.constants(lang).len();
            let (_, _, source) = SOURCES.iter().find(|(l, _, _)| *l == lang).unwrap();
            for id in crate::i18n::message_ids(source).chain(["no-such-message"]) {
                let page = templates
                    .env
                    .render_str(
                        "{{ t(id) }}",
                        minijinja::context! { lang => lang.tag(), id },
                    )
                    .unwrap();
                assert_eq!(page, fluent(&catalogs, lang, id, &[]), "{lang:?} {id}");
            }
        }
        assert!(kept > 900, "most messages need no argument ({kept} kept)");
        let english = catalogs.constants(Lang::En);
        assert!(english.iter().any(|(id, _)| *id == "nav-timeline"));
        assert!(
            english.iter().all(|(id, _)| *id != "translation-original"),
            "a message with a variable is formatted on each page"
        );
    }

    /// A message said again with the same arguments in one page reads the same; other
    /// arguments (another number, the same text as markup or as data, an argument's text that
    /// looks like two arguments) give their own text.
    #[test]
    fn messages_with_arguments_read_as_fluent_writes_them() {
        let catalogs = Arc::new(Catalogs::load().unwrap());
        let templates = Templates::load(Arc::clone(&catalogs)).unwrap();
        let source = "{% for n in [1, 2, 1, 100000, 1] %}{{ t(\"timeline-page\", page=n, pages=3) }};{% endfor %}\
            {{ t(\"translation-original\", lang=\"<b>\") }};{{ t(\"translation-original\", lang=\"<b>\" | safe) }};\
            {{ t(\"translation-original\", lang=\"<b>\") }};\
            {{ t(\"translation-original\", lang=\"a|1:xt1:b\") }};{{ t(\"translation-original\", lang=\"a\", x=\"b\") }};\
            {{ t(\"translation-original\", lang=\"a|1:xt1:b\") }}";
        for lang in Lang::ALL {
            let page = templates
                .env
                .render_str(source, minijinja::context! { lang => lang.tag() })
                .unwrap();
            let page_of = |n: i64| {
                fluent(
                    &catalogs,
                    lang,
                    "timeline-page",
                    &[("page", Value::from(n)), ("pages", Value::from(3))],
                )
            };
            let original =
                |v: Value| fluent(&catalogs, lang, "translation-original", &[("lang", v)]);
            let expected = [
                page_of(1),
                page_of(2),
                page_of(1),
                page_of(100_000),
                page_of(1),
                original(Value::from("<b>")),
                original(Value::from_safe_string("<b>".into())),
                original(Value::from("<b>")),
                original(Value::from("a|1:xt1:b")),
                original(Value::from("a")),
                original(Value::from("a|1:xt1:b")),
            ]
            .join(";");
            assert_eq!(page, expected, "{lang:?}");
        }
        // The texts differ where they should (the check above compares what differs).
        let page = |l: &str| {
            templates
                .env
                .render_str(source, minijinja::context! { lang => l })
                .unwrap()
        };
        assert!(page("km").contains("&lt;b&gt;") && page("km").contains("(<b>)"));
        assert!(page("en").contains("original (a)") && page("en").contains("original (a|1:xt1:b)"));
    }

    /// `ago(days)` says a day before or after today in the page's language, with its plurals
    /// and digits.
    #[test]
    fn relative_days_follow_the_language() {
        let templates = Templates::load(Arc::new(Catalogs::load().unwrap())).unwrap();
        let ago = |lang: &str, days: i64| {
            templates
                .env
                .render_str("{{ ago(d) }}", minijinja::context! { lang, d => days })
                .unwrap()
        };
        assert_eq!(ago("en", 0), "today");
        assert_eq!(ago("en", 1), "yesterday");
        assert_eq!(ago("en", 3), "3 days ago");
        assert_eq!(ago("en", 1200), "1,200 days ago");
        assert_eq!(ago("en", -1), "tomorrow");
        assert_eq!(ago("en", -3), "in 3 days");
        assert_eq!(ago("fr", 1), "hier");
        assert_eq!(ago("fr", 2), "il y a 2 jours");
        assert_eq!(ago("fr", 1200), "il y a 1\u{202F}200 jours");
        assert_eq!(ago("fr", -2), "dans 2 jours");
        assert_eq!(ago("km", 0), "ថ្ងៃនេះ");
        assert_eq!(ago("km", 3), "៣ ថ្ងៃមុន");
        assert_eq!(ago("km", -1), "ថ្ងៃស្អែក");
        assert_eq!(ago("km", -12), "១២ ថ្ងៃទៀត");
    }
}

#[cfg(test)]
mod i18n_check {
    use accord_core::{
        ActorKind, CaseRole, CustodyAction, FindingStatus, IncidentKind, Named, Role, Verdict,
    };

    use super::TEMPLATES;

    /// The templates converted to the catalogs: every one of them.
    const CONVERTED: &[&str] = &[
        "base.html",
        "case_nav.html",
        "cases.html",
        "login.html",
        "account.html",
        "members.html",
        "timeline.html",
        "incident.html",
        "incident_form.html",
        "finding_form.html",
        "actor.html",
        "evidence.html",
        "history.html",
        "suggestions.html",
        "dashboard.html",
        "letters/list.html",
        "letters/show.html",
        "letters/link.html",
        "letters/signatories.html",
        "letters/sign.html",
        "letters/sign_status.html",
        "letters/withdraw.html",
        "provisions.html",
        "letters/compose.html",
        "letters/versions.html",
        "mechanism.html",
        "letters/follow_through.html",
        "letters/awaiting.html",
        "provision.html",
        "elections.html",
        "elections_simulation.html",
        "import.html",
        "elections_show.html",
        "translators.html",
        "translation_form.html",
        "translation_mark.html",
        "source.html",
        "instrument.html",
        "search.html",
    ];

    /// Every template is converted (a new one must join the list above).
    #[test]
    fn every_template_is_checked() {
        for (name, _) in TEMPLATES {
            assert!(CONVERTED.contains(name), "{name} is not under the check");
        }
    }

    /// Literal names a converted template may show as they are, in every language.
    pub(super) const ALLOWED: &[&str] = &["SHA-256", "https://", "PDF", "HTML", "Markdown"];

    /// `source` without its template tags.
    fn without_tags(source: &str) -> String {
        let mut out = String::with_capacity(source.len());
        let mut rest = source;
        while let Some(start) = rest.find(['{']) {
            let (before, from) = rest.split_at(start);
            out.push_str(before);
            let close = match from.get(..2) {
                Some("{{") => "}}",
                Some("{%") => "%}",
                Some("{#") => "#}",
                _ => {
                    out.push('{');
                    rest = &from[1..];
                    continue;
                }
            };
            match from.find(close) {
                Some(end) => {
                    out.push(' ');
                    rest = &from[end + 2..];
                }
                None => {
                    rest = "";
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// The literal English of a template: each piece of text or visible attribute that holds
    /// a Latin letter outside the allowed names.
    pub(super) fn literal_english(source: &str) -> Vec<String> {
        let html = without_tags(source);
        let mut found = Vec::new();
        let mut check = |piece: &str| {
            let mut rest = piece.to_owned();
            for allowed in ALLOWED {
                rest = rest.replace(allowed, " ");
            }
            // Character references (&amp;, &#x27;) are not words.
            let words: String = rest
                .split('&')
                .enumerate()
                .map(|(i, p)| {
                    if i == 0 {
                        p
                    } else {
                        p.split_once(';').map_or(p, |(_, t)| t)
                    }
                })
                .collect();
            if words.chars().any(|c| c.is_ascii_alphabetic()) {
                found.push(piece.trim().to_owned());
            }
        };
        let mut rest = html.as_str();
        while let Some(open) = rest.find('<') {
            check(&rest[..open]);
            let Some(close) = rest[open..].find('>') else {
                break;
            };
            let tag = &rest[open..open + close];
            for attribute in ["placeholder=\"", "title=\"", "aria-label=\"", "alt=\""] {
                let mut t = tag;
                while let Some(at) = t.find(attribute) {
                    let value = &t[at + attribute.len()..];
                    let end = value.find('"').unwrap_or(value.len());
                    check(&value[..end]);
                    t = &value[end..];
                }
            }
            rest = &rest[open + close + 1..];
        }
        check(rest);
        found
    }

    fn source(name: &str) -> &'static str {
        TEMPLATES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, s)| *s)
            .unwrap_or_else(|| panic!("no template {name}"))
    }

    #[test]
    fn converted_templates_hold_no_english_sentence() {
        for name in CONVERTED {
            let english = literal_english(source(name));
            assert!(
                english.is_empty(),
                "{name} writes English itself: {english:?}"
            );
        }
    }

    #[test]
    fn the_check_sees_english() {
        assert_eq!(literal_english("<p>Saved.</p>"), vec!["Saved."]);
        assert_eq!(
            literal_english("<input placeholder=\"e.g. ICCPR\">"),
            vec!["e.g. ICCPR"]
        );
        assert_eq!(
            literal_english("<p>{{ t(\"x\") }} · SHA-256 &amp; —</p>"),
            Vec::<String>::new()
        );
        assert_eq!(
            literal_english("<figcaption>Before</figcaption>{{ t(\"el-before\") }}"),
            vec!["Before"]
        );
    }

    /// Every message a converted template asks for exists in English (and so, by
    /// `i18n::tests::catalogs_match_english`, in every catalog), including those it builds
    /// from a closed vocabulary (`t("kind-" ~ k)`).
    #[test]
    fn every_message_a_template_asks_for_exists() {
        let catalogs = crate::i18n::Catalogs::load().unwrap();
        let exists = |id: &str| catalogs.text(accord_core::Lang::En, id) != id;
        for name in CONVERTED {
            let mut rest = source(name);
            while let Some(at) = rest.find("t(\"") {
                let after = &rest[at + 3..];
                let end = after.find('"').unwrap();
                let id = &after[..end];
                let built = after[end + 1..].trim_start().starts_with('~');
                if !built {
                    assert!(exists(id), "{name} asks for {id}, which en.ftl lacks");
                }
                rest = &after[end..];
            }
        }
        fn names<T: Named>() -> Vec<&'static str> {
            T::all().map(Named::as_str).collect()
        }
        let vocabularies: [(&str, Vec<&str>); 29] = [
            ("dash-lane-", vec!["triggered", "letters", "responses"]),
            (
                "signon-link-",
                vec!["open", "open-forever", "expired", "used"],
            ),
            (
                "signon-use-",
                vec!["signed", "declined", "withdrawn", "replaced"],
            ),
            ("el-rule-", vec!["recorded", "minor-parties", "rerun"]),
            ("el-rule-short-", vec!["recorded", "minor-parties", "rerun"]),
            ("el-scope-", vec!["national", "constituency"]),
            ("el-scope-short-", vec!["national", "constituency"]),
            ("el-basis-", vec!["official", "computed", "none"]),
            ("el-basis-choice-", vec!["default", "recorded", "computed"]),
            ("el-before-basis-", vec!["recorded", "computed"]),
            (
                "el-field-",
                vec!["party", "rule", "scope", "basis", "declined"],
            ),
            (
                "el-index-",
                [
                    "gallagher",
                    "loosemore-hanby",
                    "sainte-lague",
                    "enp-votes",
                    "enp-seats",
                    "gallagher-about",
                    "loosemore-hanby-about",
                    "sainte-lague-about",
                    "enp-votes-about",
                    "enp-seats-about",
                ]
                .to_vec(),
            ),
            ("kind-", names::<IncidentKind>()),
            ("actor-kind-", names::<ActorKind>()),
            ("role-", names::<Role>()),
            ("verdict-", names::<Verdict>()),
            ("status-", names::<FindingStatus>()),
            ("case-role-", [names::<CaseRole>(), vec!["none"]].concat()),
            (
                "custody-",
                CustodyAction::ALL.iter().map(|(_, n)| *n).collect(),
            ),
            (
                "precision-",
                vec!["day", "month", "year", "range", "ongoing"],
            ),
            ("noun-", vec!["incident", "finding", "source", "record"]),
            ("outcome-", names::<accord_core::follow_through::Outcome>()),
            (
                "delivery-method-",
                names::<accord_core::follow_through::DeliveryMethod>(),
            ),
            (
                "error-title-",
                vec![
                    "400", "401", "403", "404", "409", "413", "422", "429", "500", "503",
                ],
            ),
            ("state-", names::<accord_core::ProvisionState>()),
            ("score-", vec!["0", "1", "2", "3"]),
            ("instrument-kind-", names::<accord_core::InstrumentKind>()),
            ("text-status-", names::<accord_core::TextStatus>()),
            (
                "signon-",
                vec![
                    "invited",
                    "signed",
                    "signed-earlier",
                    "declined",
                    "withdrawn",
                    "verified",
                ],
            ),
        ];
        for (prefix, values) in vocabularies {
            for v in values {
                assert!(exists(&format!("{prefix}{v}")), "en.ftl lacks {prefix}{v}");
            }
        }
    }
}
