//! The interface in the reader's language: message catalogs, the choice of language per
//! request, the language switch, and the error page and API error messages in that language.
//!
//! Catalogs are Fluent files (`locales/en.ftl`, `fr.ftl`, `km.ftl`), compiled into the binary
//! and parsed once at start; a syntax error stops the server from starting (and fails a test).
//! English is the reference: the other catalogs hold exactly its messages (tested). Plurals
//! follow each language's CLDR rules (Fluent's selectors); numbers passed to a message are
//! written with the language's digits and grouping, and dates are written by the handlers with
//! [`accord_core::Lang`] — the one table of date and number wording the CLI and the letters use
//! too.
//!
//! The language of a request is, in order: the reader's choice (the `accord_lang` cookie the
//! language switch sets, on every page, without JavaScript), the browser's `Accept-Language`,
//! the instance's default (`ServerConfig::default_lang`). The [`layer`] decides it once per
//! request and puts it in the request's extensions, where the auth layer hands it to the
//! [`Viewer`](crate::Viewer) that every page is rendered for.

use std::fmt::Write as _;

use accord_core::Lang;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
/// A message argument (a number or a text), for callers of [`Say::msg`] outside this crate.
pub use fluent_bundle::FluentValue;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

use crate::AppState;

/// The cookie holding the reader's choice of language (not a secret: a language tag).
pub const LANG_COOKIE: &str = "accord_lang";

/// Every catalog, by language, as compiled in.
pub(crate) const SOURCES: [(Lang, &str, &str); 3] = [
    (Lang::En, "en.ftl", include_str!("../locales/en.ftl")),
    (Lang::Fr, "fr.ftl", include_str!("../locales/fr.ftl")),
    (Lang::Km, "km.ftl", include_str!("../locales/km.ftl")),
];

/// A catalog that does not parse or load.
#[derive(Debug, thiserror::Error)]
#[error("message catalog locales/{file}: {problem}")]
pub struct CatalogError {
    pub file: &'static str,
    pub problem: String,
}

/// The parsed catalogs, shared by every request.
pub struct Catalogs {
    bundles: Vec<(Lang, FluentBundle<FluentResource>)>,
}

impl std::fmt::Debug for Catalogs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalogs")
            .field(
                "languages",
                &self
                    .bundles
                    .iter()
                    .map(|(l, _)| l.tag())
                    .collect::<Vec<_>>(),
            )
            .finish()
    }
}

impl Catalogs {
    /// Parses every catalog; the first problem (file, line and what is wrong) is the error.
    pub fn load() -> Result<Catalogs, CatalogError> {
        let mut bundles = Vec::with_capacity(SOURCES.len());
        for (lang, file, source) in SOURCES {
            let resource = parse(file, source)?;
            let id = lang.tag().parse().map_err(|e| CatalogError {
                file,
                problem: format!("language tag {}: {e}", lang.tag()),
            })?;
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // Unicode isolation marks around arguments would land in every page and attribute;
            // the pages set `dir` themselves where it matters (no right-to-left language yet).
            bundle.set_use_isolating(false);
            bundle.set_formatter(Some(match lang {
                Lang::En => number_en,
                Lang::Fr => number_fr,
                Lang::Km => number_km,
            }));
            bundle
                .add_resource(resource)
                .map_err(|errors| CatalogError {
                    file,
                    problem: format!("{errors:?}"),
                })?;
            bundles.push((lang, bundle));
        }
        Ok(Catalogs { bundles })
    }

    /// A message in `lang`, English if that catalog lacks it, its id if English lacks it too
    /// (a test keeps every id a page uses in the English catalog).
    pub fn message(&self, lang: Lang, id: &str, args: Option<&FluentArgs<'_>>) -> String {
        for lang in [lang, Lang::En] {
            let Some((_, bundle)) = self.bundles.iter().find(|(l, _)| *l == lang) else {
                continue;
            };
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, args, &mut errors);
                if !errors.is_empty() {
                    tracing::warn!(
                        id,
                        lang = lang.tag(),
                        ?errors,
                        "message formatted with errors"
                    );
                }
                return text.into_owned();
            }
        }
        id.to_owned()
    }

    /// A message without arguments.
    pub fn text(&self, lang: Lang, id: &str) -> String {
        self.message(lang, id, None)
    }

    /// Every message of `lang`'s own catalog that needs no argument, by id, with its text as
    /// [`Catalogs::message`] writes it: what the pages say most often, formatted once at start
    /// rather than by Fluent on each request (`templates.rs`). A message with a variable is not
    /// among them (formatting it without arguments is an error), nor is one another catalog
    /// would have to supply.
    pub(crate) fn constants(&self, lang: Lang) -> Vec<(&'static str, String)> {
        let Some(((_, bundle), (_, _, source))) = self
            .bundles
            .iter()
            .zip(SOURCES)
            .find(|((l, _), _)| *l == lang)
        else {
            return Vec::new();
        };
        message_ids(source)
            .filter_map(|id| {
                let pattern = bundle.get_message(id)?.value()?;
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, None, &mut errors);
                errors.is_empty().then(|| (id, text.into_owned()))
            })
            .collect()
    }
}

/// The ids of a catalog's messages: each line that starts with an identifier followed by `=`
/// (Fluent's syntax: terms start with `-`, comments with `#`, a message's other lines are
/// indented).
pub(crate) fn message_ids(source: &'static str) -> impl Iterator<Item = &'static str> {
    source.lines().filter_map(|line| {
        let (id, _) = line.split_once('=')?;
        let id = id.trim_end();
        let mut chars = id.chars();
        let first = chars.next()?;
        (first.is_ascii_alphabetic()
            && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .then_some(id)
    })
}

/// The words of one language, for what is written outside a template: the charts' words
/// (`svg`), the sentences handlers build, the OpenAPI descriptions. Numbers, shares and days go
/// through [`Lang`], as in the templates' `num`, `day` and `date` filters.
#[derive(Clone, Copy)]
pub struct Say<'a> {
    pub lang: Lang,
    catalogs: &'a Catalogs,
}

impl std::fmt::Debug for Say<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Say").field("lang", &self.lang).finish()
    }
}

impl<'a> Say<'a> {
    pub fn new(catalogs: &'a Catalogs, lang: Lang) -> Say<'a> {
        Say { lang, catalogs }
    }

    /// A message without arguments.
    pub fn t(&self, id: &str) -> String {
        self.catalogs.text(self.lang, id)
    }

    /// A message with arguments (numbers as numbers: plurals and the language's digits).
    pub fn msg(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut fluent = FluentArgs::new();
        for (name, value) in args {
            fluent.set(*name, value.clone());
        }
        self.catalogs.message(self.lang, id, Some(&fluent))
    }

    /// A whole number in the language's digits and grouping.
    pub fn num(&self, n: u64) -> String {
        self.lang.number(i64::try_from(n).unwrap_or(i64::MAX))
    }

    /// A year or another number written without grouping, in the language's digits.
    pub fn plain(&self, n: impl std::fmt::Display) -> String {
        self.lang.digits(&n.to_string())
    }

    /// A figure with `places` decimals ("3.5", "3,5", "៣,៥").
    pub fn decimal(&self, x: f64, places: usize) -> String {
        self.lang.decimal(x, places)
    }

    /// A percentage with one decimal ("48.8%", "48,8 %", "៤៨,៨%").
    pub fn percent(&self, x: f64) -> String {
        self.lang.percent(x, 1)
    }

    /// A difference in percentage points, one decimal, signed ("+6.3", "-3.0", "0.0").
    pub fn points(&self, x: f64) -> String {
        self.lang.signed(x, 1)
    }
}

/// Text written in English elsewhere than the catalogs (the OpenAPI document's descriptions,
/// written in the code), by the id of the English message that holds the same text, for the
/// messages whose id starts with `prefix`. Texts are compared with their runs of white space
/// made one space ([`plain_spaces`]), as a doc comment's lines are joined.
pub(crate) fn english_texts(
    catalogs: &Catalogs,
    prefix: &str,
) -> std::collections::HashMap<String, String> {
    // A message's id starts its first line (Fluent syntax), as `api-info = ...`.
    SOURCES[0]
        .2
        .lines()
        .filter_map(|line| line.split_once(" = ").map(|(id, _)| id))
        .filter(|id| id.starts_with(prefix) && !id.contains(char::is_whitespace))
        .map(|id| (plain_spaces(&catalogs.text(Lang::En, id)), id.to_owned()))
        .collect()
}

/// `text` with each run of white space made one space, and none at its ends.
pub(crate) fn plain_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The catalogs, parsed once for the tests of the modules that write words.
#[cfg(test)]
pub(crate) fn test_catalogs() -> &'static Catalogs {
    static CATALOGS: std::sync::LazyLock<Catalogs> =
        std::sync::LazyLock::new(|| Catalogs::load().unwrap_or_else(|e| panic!("{e}")));
    &CATALOGS
}

/// English words, for tests.
#[cfg(test)]
pub(crate) fn english() -> Say<'static> {
    Say::new(test_catalogs(), Lang::En)
}

fn parse(file: &'static str, source: &str) -> Result<FluentResource, CatalogError> {
    FluentResource::try_new(source.to_owned()).map_err(|(_, errors)| {
        let first = errors.first().map_or_else(String::new, |e| {
            let line = source
                .get(..e.pos.start)
                .map_or(0, |before| before.matches('\n').count() + 1);
            format!("line {line}: {:?}", e.kind)
        });
        CatalogError {
            file,
            problem: format!("{} syntax error(s); {first}", errors.len()),
        }
    })
}

/// Whole numbers in each language's digits and grouping ([`Lang::number`]); fractions are left
/// to Fluent (none of the interface's messages has one).
fn number(lang: Lang, value: &FluentValue<'_>) -> Option<String> {
    match value {
        FluentValue::Number(n) if n.value.fract() == 0.0 && n.value.abs() < 9.0e15 => {
            #[expect(
                clippy::cast_possible_truncation,
                reason = "a whole number below 2^53, checked above"
            )]
            let whole = n.value as i64;
            Some(lang.number(whole))
        }
        _ => None,
    }
}

fn number_en<M>(value: &FluentValue<'_>, _: &M) -> Option<String> {
    number(Lang::En, value)
}
fn number_fr<M>(value: &FluentValue<'_>, _: &M) -> Option<String> {
    number(Lang::Fr, value)
}
fn number_km<M>(value: &FluentValue<'_>, _: &M) -> Option<String> {
    number(Lang::Km, value)
}

/// The language of a request: the reader's cookie, else the first language of
/// `Accept-Language` (by quality) that Accord speaks, else `default`.
pub fn negotiate(headers: &HeaderMap, default: Lang) -> Lang {
    if let Some(lang) = crate::auth::cookie(headers, LANG_COOKIE).and_then(Lang::from_tag) {
        return lang;
    }
    headers
        .get_all(header::ACCEPT_LANGUAGE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(accept_language)
        .unwrap_or(default)
}

/// The best language of one `Accept-Language` value (RFC 9110 §12.5.4): the highest quality
/// wins, the earlier one among equals; `q=0` means "not this one"; `*` and unknown languages
/// are passed over.
fn accept_language(value: &str) -> Option<Lang> {
    let mut best: Option<(u16, Lang)> = None;
    for item in value.split(',').take(32) {
        let mut parts = item.split(';');
        let tag = parts.next().unwrap_or_default().trim();
        let quality = parts
            .filter_map(|p| p.trim().strip_prefix("q="))
            .next()
            .map_or(Some(1000), parse_quality);
        let (Some(q), Some(lang)) = (quality, Lang::from_tag(tag)) else {
            continue;
        };
        if q > 0 && best.is_none_or(|(b, _)| q > b) {
            best = Some((q, lang));
        }
    }
    best.map(|(_, lang)| lang)
}

/// A quality value in thousandths ("0.8" is 800); `None` if malformed.
fn parse_quality(q: &str) -> Option<u16> {
    let (whole, fraction) = q.split_once('.').unwrap_or((q, ""));
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let thousandths: u16 = format!("{fraction:0<3}").parse().ok()?;
    match whole {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

/// What an error says, kept on its response until [`layer`] writes it in the reader's language.
#[derive(Debug, Clone)]
pub(crate) struct ErrorText {
    pub(crate) status: StatusCode,
    /// A catalog message, with at most one number argument.
    pub(crate) key: Option<(&'static str, Option<(&'static str, u64)>)>,
    /// A message from deeper down (a refused field, a forbidden action), in English.
    pub(crate) detail: String,
    /// The API answers JSON; pages answer the error page.
    pub(crate) api: bool,
    pub(crate) field: Option<String>,
    /// A refused field's explanation as the action layer gave it (English), which
    /// `refusals.rs` says in the reader's language when it knows its kind.
    pub(crate) reason: Option<String>,
}

impl ErrorText {
    /// The message in `lang`: the catalog's, or the English detail (introduced as such in
    /// another language).
    fn message(&self, catalogs: &Catalogs, lang: Lang) -> String {
        match self.key {
            Some((key, None)) => catalogs.text(lang, key),
            Some((key, Some((name, n)))) => {
                let mut args = FluentArgs::new();
                args.set(name, n);
                catalogs.message(lang, key, Some(&args))
            }
            None if lang == Lang::En => self.detail.clone(),
            None if self.field.is_some() && self.reason.is_some() => {
                let field = self.field.as_deref().unwrap_or_default();
                let reason = self.reason.as_deref().unwrap_or_default();
                crate::refusals::refused(&Say::new(catalogs, lang), field, reason)
            }
            None => {
                let mut args = FluentArgs::new();
                args.set("detail", self.detail.as_str());
                catalogs.message(lang, "error-detail", Some(&args))
            }
        }
    }
}

/// Decides the request's language, and writes error answers in it.
pub(crate) async fn layer(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let lang = negotiate(req.headers(), state.config.default_lang);
    req.extensions_mut().insert(lang);
    let mut response = next.run(req).await;
    let Some(error) = response.extensions_mut().remove::<ErrorText>() else {
        return response;
    };
    let (mut parts, _) = response.into_parts();
    let message = error.message(&state.catalogs, lang);
    let body = if error.api {
        let mut body = serde_json::json!({
            "error": error.detail,
            "code": code(error.status),
            "message": message,
            "status": error.status.as_u16(),
        });
        if let Some(field) = &error.field {
            body["field"] = serde_json::json!(field);
        }
        body.to_string()
    } else {
        error_page(&state.catalogs, lang, &error, &message)
    };
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.headers.insert(
        header::CONTENT_LANGUAGE,
        HeaderValue::from_static(lang.tag()),
    );
    Response::from_parts(parts, axum::body::Body::from(body))
}

/// The stable, English code of an error status, for programs: `not_found`, `invalid`, ...
pub(crate) fn code(status: StatusCode) -> &'static str {
    match status.as_u16() {
        400 => "bad_request",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not_found",
        409 => "conflict",
        413 => "too_large",
        422 => "invalid",
        429 => "too_many_requests",
        503 => "unavailable",
        _ => "internal",
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The error page, in the reader's language.
fn error_page(catalogs: &Catalogs, lang: Lang, error: &ErrorText, message: &str) -> String {
    let key = format!("error-title-{}", error.status.as_u16());
    let title = match catalogs.text(lang, &key) {
        t if t == key => catalogs.text(lang, "error-title-500"),
        t => t,
    };
    let t = |id: &str| escape(&catalogs.text(lang, id));
    let mut page = format!(
        "<!doctype html><html lang=\"{tag}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title} · Accord</title><link rel=\"stylesheet\" href=\"/assets/accord.css\"></head>\
         <body><header class=\"site\"><a class=\"brand\" href=\"/\">{site}</a></header>\
         <main id=\"main\"><h1>{title}</h1><p>{message}</p>",
        tag = lang.tag(),
        title = escape(&title),
        site = t("site-name"),
        message = escape(message),
    );
    if error.status == StatusCode::UNAUTHORIZED {
        let _ = write!(page, "<p><a href=\"/login\">{}</a></p>", t("sign-in"));
    }
    let _ = write!(
        page,
        "<p><a href=\"/\">{}</a></p></main></body></html>",
        t("error-back")
    );
    page
}

/// `POST /language`: the language switch. Sets the reader's language (a cookie for a year) and
/// sends them back to the page they were on (`next`, a path of this site; `/` otherwise).
pub(crate) async fn switch(
    State(state): State<AppState>,
    body: axum::body::Bytes,
) -> Result<Response, crate::AppError> {
    let fields = crate::forms::Fields::from_body(&body);
    let lang = fields
        .get("lang")
        .and_then(Lang::from_tag)
        .ok_or_else(|| crate::AppError::invalid("lang", "choose en, fr or km"))?;
    let next = crate::routes::safe_next(fields.get("next"));
    let mut response = crate::routes::see_other(&next);
    let mut cookie = format!(
        "{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax",
        lang.tag()
    );
    if state.config.secure_cookies {
        cookie.push_str("; Secure");
    }
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        response.headers_mut().append(header::SET_COOKIE, v);
    }
    Ok(response)
}

/// The languages a language switch offers, with the one in use marked.
pub(crate) fn switch_context(current: Lang) -> Vec<minijinja::Value> {
    Lang::ALL
        .iter()
        .map(|l| {
            minijinja::context! {
                tag => l.tag(), name => l.native_name(), current => *l == current,
            }
        })
        .collect()
}

/// An HTML answer for an error, in English, carrying what [`layer`] needs to write it again in
/// the reader's language.
pub(crate) fn with_text(html: Html<String>, status: StatusCode, text: ErrorText) -> Response {
    let mut response = (status, html).into_response();
    response.extensions_mut().insert(text);
    response
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use fluent_bundle::FluentResource;
    use fluent_syntax::ast;

    use super::*;

    /// A message: the variables it shows, those it only chooses a variant by, and its text.
    #[derive(Debug, Default)]
    struct Message {
        shown: BTreeSet<String>,
        selectors: BTreeSet<String>,
        text: String,
    }

    /// Each message of a catalog.
    fn messages(source: &str) -> BTreeMap<String, Message> {
        fn pattern(p: &ast::Pattern<&str>, m: &mut Message) {
            for element in &p.elements {
                match element {
                    ast::PatternElement::TextElement { value } => m.text.push_str(value),
                    ast::PatternElement::Placeable { expression } => expr(expression, m),
                }
            }
        }
        fn inline(e: &ast::InlineExpression<&str>, m: &mut Message) {
            match e {
                ast::InlineExpression::VariableReference { id } => {
                    m.shown.insert(id.name.to_owned());
                }
                ast::InlineExpression::Placeable { expression } => expr(expression, m),
                _ => {}
            }
        }
        fn expr(e: &ast::Expression<&str>, m: &mut Message) {
            match e {
                ast::Expression::Inline(i) => inline(i, m),
                ast::Expression::Select { selector, variants } => {
                    if let ast::InlineExpression::VariableReference { id } = selector {
                        m.selectors.insert(id.name.to_owned());
                    }
                    for v in variants {
                        pattern(&v.value, m);
                    }
                }
            }
        }
        let resource = FluentResource::try_new(source.to_owned()).unwrap();
        let mut out = BTreeMap::new();
        for entry in resource.entries() {
            match entry {
                ast::Entry::Message(msg) => {
                    let mut m = Message::default();
                    if let Some(value) = &msg.value {
                        pattern(value, &mut m);
                    }
                    assert!(
                        msg.attributes.is_empty(),
                        "{}: attributes are not used",
                        msg.id.name
                    );
                    out.insert(msg.id.name.to_owned(), m);
                }
                ast::Entry::Junk { content } => panic!("unparsed: {content}"),
                _ => {}
            }
        }
        out
    }

    /// Every catalog holds exactly English's messages, each showing exactly the variables its
    /// English original shows (a translation cannot drop a number or misspell an argument); a
    /// variable may choose a variant (a plural) in one language and not in another.
    #[test]
    fn catalogs_match_english() {
        let english = messages(SOURCES[0].2);
        assert!(english.len() > 300, "the English catalog is read");
        for (lang, file, source) in &SOURCES[1..] {
            let other = messages(source);
            let missing: Vec<_> = english.keys().filter(|k| !other.contains_key(*k)).collect();
            let extra: Vec<_> = other.keys().filter(|k| !english.contains_key(*k)).collect();
            assert!(missing.is_empty(), "{file} lacks {missing:?}");
            assert!(
                extra.is_empty(),
                "{file} holds messages English lacks: {extra:?}"
            );
            for (id, m) in &other {
                let en = &english[id];
                assert_eq!(
                    m.shown, en.shown,
                    "{file}: {id} shows other variables ({lang:?})"
                );
                let known: BTreeSet<_> = en.shown.union(&en.selectors).collect();
                assert!(
                    m.selectors.iter().all(|v| known.contains(v)),
                    "{file}: {id} chooses by a variable English does not have"
                );
            }
        }
    }

    /// The check above fails on a catalog missing a message or holding an extra one.
    #[test]
    fn the_catalog_check_sees_a_missing_and_an_extra_message() {
        let english = messages(SOURCES[0].2);
        let short = messages("nav-cases = Dossiers\nextra-message = x\n");
        assert!(english.keys().any(|k| !short.contains_key(k)));
        assert!(short.keys().any(|k| !english.contains_key(k)));
    }

    /// Messages are written into pages as they are (`templates.rs`): no markup character in
    /// any catalog's text. The OpenAPI document's descriptions (`api-*`) go into JSON, never
    /// into a page, and may name `<token>`.
    #[test]
    fn messages_hold_no_markup() {
        for (_, file, source) in SOURCES {
            for (id, m) in messages(source)
                .into_iter()
                .filter(|(id, _)| !id.starts_with("api-"))
            {
                assert!(
                    !m.text.contains(['<', '>', '&', '"']),
                    "{file}: {id} holds a markup character: {}",
                    m.text
                );
            }
        }
    }

    /// French typography: a narrow no-break space (U+202F) before « : ; ? ! » and inside
    /// « », never an ordinary space, which would let the sign start a line on its own.
    fn french_spacing(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        let mut wrong = Vec::new();
        for (i, c) in chars.iter().enumerate() {
            let before = i.checked_sub(1).map(|j| chars[j]);
            let after = chars.get(i + 1).copied();
            let bad = match c {
                ':' | ';' | '?' | '!' | '»' => before.is_some_and(|b| b == ' ' || b == '\t'),
                '«' => after == Some(' '),
                _ => false,
            };
            if bad {
                let from = i.saturating_sub(20);
                wrong.push(chars[from..(i + 2).min(chars.len())].iter().collect());
            }
        }
        wrong
    }

    /// Khmer ends a sentence with the khan (។), not an ASCII full stop: a full stop after a
    /// Khmer letter, or after a closing bracket or an argument that follows Khmer, at the end of
    /// the text or before a space, is one. The abbreviation ឧ. ("for example") is not a
    /// sentence's end.
    fn khmer_full_stops(text: &str) -> Vec<String> {
        let khmer = |c: char| ('\u{1780}'..='\u{17FF}').contains(&c);
        let chars: Vec<char> = text.chars().collect();
        let mut wrong = Vec::new();
        for (i, c) in chars.iter().enumerate() {
            if *c != '.' || chars.get(i + 1).is_some_and(|n| !n.is_whitespace()) {
                continue;
            }
            // What the full stop closes: the last letter before it, past brackets and spaces.
            let before: String = chars[..i].iter().collect();
            let trimmed = before.trim_end_matches([')', ' ', '}', '$']);
            let Some(last) = trimmed.chars().last() else {
                continue;
            };
            let abbreviation = before.ends_with('ឧ');
            let ellipsis = before.ends_with('.');
            if khmer(last) && !abbreviation && !ellipsis {
                let from = i.saturating_sub(20);
                wrong.push(chars[from..=i].iter().collect());
            }
        }
        wrong
    }

    #[test]
    fn french_and_khmer_punctuation() {
        for (id, m) in messages(SOURCES[1].2) {
            let wrong = french_spacing(&m.text);
            assert!(
                wrong.is_empty(),
                "fr.ftl: {id}: an ordinary space before or inside French punctuation: {wrong:?}"
            );
        }
        for (id, m) in messages(SOURCES[2].2) {
            let wrong = khmer_full_stops(&m.text);
            assert!(
                wrong.is_empty(),
                "km.ftl: {id}: a Khmer sentence ends with an ASCII full stop: {wrong:?}"
            );
        }
    }

    /// The two checks above fail where they should, and only there.
    #[test]
    fn the_punctuation_checks_see_what_they_look_for() {
        assert_eq!(french_spacing("Erreur : x"), vec!["Erreur : "]);
        assert_eq!(french_spacing("Vraiment ?"), vec!["Vraiment ?"]);
        assert_eq!(french_spacing("« x »").len(), 2);
        assert!(french_spacing("Erreur\u{202F}: x ; «\u{202F}y\u{202F}» https://a").len() == 1);
        assert!(french_spacing("Erreur\u{202F}: «\u{202F}y\u{202F}» dirichlet:K").is_empty());
        assert_eq!(khmer_full_stops("សំណុំរឿង."), vec!["សំណុំរឿង."]);
        assert_eq!(khmer_full_stops("សំណុំរឿង (ក). y").len(), 1);
        assert!(khmer_full_stops("សំណុំរឿង។ ឧ. ICCPR Art. 22, ១០០.០០០ ...").is_empty());
    }

    #[test]
    fn catalogs_parse() {
        let c = Catalogs::load().unwrap();
        assert_eq!(c.text(Lang::Fr, "nav-timeline"), "Chronologie");
        assert_eq!(c.text(Lang::Km, "nav-timeline"), "កាលប្បវត្តិ");
        assert_eq!(c.text(Lang::Km, "no-such-message"), "no-such-message");
    }

    #[test]
    fn plurals_and_numbers_follow_the_language() {
        let c = Catalogs::load().unwrap();
        let count = |lang, n: u64| {
            let mut args = FluentArgs::new();
            args.set("total", n);
            c.message(lang, "actor-count", Some(&args))
        };
        assert_eq!(count(Lang::En, 1), "1 incident involves this actor.");
        assert_eq!(
            count(Lang::En, 100_000),
            "100,000 incidents involve this actor."
        );
        // French: 0 and 1 are singular.
        assert_eq!(count(Lang::Fr, 0), "0 incident implique cet acteur.");
        assert_eq!(count(Lang::Fr, 2), "2 incidents impliquent cet acteur.");
        assert_eq!(
            count(Lang::Fr, 100_000),
            "100\u{202F}000 incidents impliquent cet acteur."
        );
        assert_eq!(
            count(Lang::Km, 100_000),
            "មានហេតុការណ៍ ១០០.០០០ ពាក់ព័ន្ធនឹងតួអង្គនេះ។"
        );
    }

    fn check(accept: &str, expected: Option<Lang>) {
        assert_eq!(accept_language(accept), expected, "{accept}");
    }

    #[test]
    fn accept_language_picks_the_best_language_spoken() {
        check("km", Some(Lang::Km));
        check("km-KH,km;q=0.9,en;q=0.8", Some(Lang::Km));
        check("de-DE,fr;q=0.7,en;q=0.5", Some(Lang::Fr));
        check("en;q=0.2, fr;q=0.9", Some(Lang::Fr));
        check("fr;q=0, en", Some(Lang::En));
        check("de, *", None);
        check("", None);
        check("fr;q=2", None);
        check("fr;q=0.1234", None);
        check("en, fr", Some(Lang::En));
    }

    #[test]
    fn the_cookie_wins_over_the_browser_then_the_default() {
        let mut h = HeaderMap::new();
        assert_eq!(negotiate(&h, Lang::Fr), Lang::Fr);
        h.insert(header::ACCEPT_LANGUAGE, HeaderValue::from_static("km"));
        assert_eq!(negotiate(&h, Lang::Fr), Lang::Km);
        h.insert(header::COOKIE, HeaderValue::from_static("accord_lang=fr"));
        assert_eq!(negotiate(&h, Lang::En), Lang::Fr);
        h.insert(header::COOKIE, HeaderValue::from_static("accord_lang=xx"));
        assert_eq!(negotiate(&h, Lang::En), Lang::Km);
    }
}
