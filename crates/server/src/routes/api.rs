//! The JSON API under `/api/v1` and the OpenAPI document that describes it.
//!
//! Every handler carries a `#[utoipa::path]` description and is registered through
//! `utoipa_axum::routes!`, which adds the route to the axum router and the operation to the
//! OpenAPI document in one step: a route cannot be served without being documented, nor documented
//! without being served. The document is served at `/api/openapi.json`.
//!
//! The API speaks its own serde types (one module per resource), converted by hand from the domain
//! types, so that a change in `accord-core` never silently changes the JSON. Access rules are the
//! HTML's ([`crate::access::CaseAccess`]); errors are [`ApiError`]s (`{"error", "status", "field"?}`).

mod actors;
mod cases;
mod evidence;
mod findings;
mod follow_through;
mod history;
mod incidents;
mod letter_versions;
mod observations;
mod provisions;
mod search;
mod sources;
mod translations;

use std::collections::HashMap;
use std::sync::Arc;

use accord_core::Lang;
use axum::Extension;
use axum::body::Bytes;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::routes::table::{Routes, any, get};
use crate::{ApiError, AppError, AppState};

/// The name of the bearer-token security scheme in the OpenAPI document.
pub(crate) const BEARER: &str = "bearer";

/// The API's routes and `/api/openapi.json`; uploads may be as large as `upload_limit`. The
/// documented routes are listed from the document built with them.
pub(crate) fn router(upload_limit: u64) -> Routes {
    let (router, doc) = documented_routes(upload_limit).split_for_parts();
    // Serialised once per language: the document is a function of the code, not of the request.
    let documents = Arc::new(documents(&doc));
    Routes::documented(router, &doc)
        .route(
            "/api/openapi.json",
            get(move |lang: Option<Extension<Lang>>| {
                let lang = lang.map_or(Lang::En, |Extension(l)| l);
                let json = documents
                    .iter()
                    .find(|(l, _)| *l == lang)
                    .or_else(|| documents.first())
                    .map_or_else(|| Err("no document".to_owned()), |(_, j)| j.clone());
                async move { openapi_json(lang, json) }
            }),
        )
        // Unknown paths under /api answer in JSON too (the HTML 404 page means nothing to a client).
        .route("/api/{*rest}", any(no_route))
}

/// Every documented endpoint, with the document's fixed parts (info, security scheme, schemas).
fn documented_routes(upload_limit: u64) -> OpenApiRouter<AppState> {
    // The upload's own body limit applies to its route only.
    let uploads = OpenApiRouter::new()
        .routes(routes!(evidence::upload))
        .layer(crate::routes::evidence::upload_body_limit(upload_limit));
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(cases::list))
        .routes(routes!(cases::show))
        .routes(routes!(cases::status))
        .routes(routes!(provisions::list))
        .routes(routes!(provisions::show))
        .routes(routes!(incidents::list, incidents::create))
        .routes(routes!(incidents::show, incidents::update))
        .routes(routes!(findings::list, findings::create))
        .routes(routes!(findings::show))
        .routes(routes!(findings::set_status))
        .routes(routes!(observations::list, observations::create))
        .routes(routes!(observations::show))
        .routes(routes!(observations::set_status))
        .routes(routes!(follow_through::show, follow_through::create))
        .routes(routes!(follow_through::awaiting))
        .routes(routes!(letter_versions::list))
        .routes(routes!(letter_versions::put, letter_versions::remove))
        .routes(routes!(sources::list, sources::create))
        .routes(routes!(sources::show))
        .routes(routes!(actors::list))
        .routes(routes!(actors::show))
        .routes(routes!(
            translations::list,
            translations::create,
            translations::remove
        ))
        .routes(routes!(translations::set_original))
        .routes(routes!(history::incident))
        .routes(routes!(history::finding))
        .routes(routes!(history::source))
        .routes(routes!(search::search))
        .routes(routes!(evidence::show))
        .routes(routes!(evidence::file))
        .routes(routes!(evidence::add_custody))
        .merge(uploads)
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Accord API",
        description = "Cases, incidents, findings, provisions and trigger status of Accord, as JSON. \
            Send `Authorization: Bearer <token>` (create a token on your account page or with \
            `accord user token EMAIL NAME`). Without a token only published cases are visible, \
            read-only. A private case you may not see answers 404, exactly like a missing one."
    ),
    modifiers(&BearerScheme),
    components(schemas(ErrorBody)),
    tags(
        (name = "cases", description = "Cases and their trigger status"),
        (name = "provisions", description = "The provisions of a case's instruments"),
        (name = "incidents", description = "What happened, with dates, actors and sources"),
        (name = "findings", description = "Incidents judged against provisions, and their review"),
        (name = "observations", description = "How far provisions have been implemented, dated, on the Peace Accords Matrix scale (0-3), and their review"),
        (name = "letters", description = "What happened after a letter: deliveries, responses, deadlines, follow-ups, and the letters awaiting a response"),
        (name = "sources", description = "Where statements and facts come from"),
        (name = "actors", description = "The states, bodies, officials and organisations a case names"),
        (name = "evidence", description = "Files, hashed as they arrive, with their capture record and chain of custody"),
        (name = "history", description = "Every version of a record, oldest first"),
        (name = "translations", description = "Records in several languages: each record's original language, its translations (who, when), and which are out of date"),
        (name = "search", description = "Every kind of record of a case, found by any of its languages"),
    )
)]
struct ApiDoc;

/// Adds the bearer-token security scheme that the operations' `security` entries name.
#[derive(Debug)]
struct BearerScheme;

impl Modify for BearerScheme {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            BEARER,
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "A personal API token (`accord user token EMAIL NAME`, or the account page)",
                    ))
                    .build(),
            ),
        );
    }
}

/// The body of every error response (built by [`ApiError`]).
#[derive(Debug, ToSchema)]
#[expect(
    dead_code,
    reason = "documents the JSON that ApiError writes; never constructed"
)]
pub(crate) struct ErrorBody {
    /// What went wrong, for people, in English (as it always was). A 404 never says whether
    /// the case exists.
    error: String,
    /// What went wrong, for programs: a stable English code (`bad_request`, `unauthorized`,
    /// `forbidden`, `not_found`, `conflict`, `too_large`, `invalid`, `too_many_requests`,
    /// `unavailable`, `internal`).
    code: String,
    /// What went wrong, in the language the request asked for (`Accept-Language`: `en`, `fr`
    /// or `km`; else the instance's default). A refused field is named by its label and its
    /// reason said in that language when Accord knows the kind of refusal; otherwise it is
    /// given in English under a translated introduction.
    message: String,
    /// The HTTP status, repeated.
    status: u16,
    /// The request field the error is about (validation errors, status 422), as a path into the
    /// JSON body (`title`, `actors[0].role`) or the query parameter's name.
    field: Option<String>,
}

/// The document in each language (`Lang::ALL`'s order): English as the code writes it; in French
/// and Khmer every `description` and `summary` whose English text is a catalog message `api-*`
/// is that message in the language (a test checks that every text of the document is one), and
/// everything else (paths, operation ids, schemas, names) is the English document's.
fn documents(doc: &utoipa::openapi::OpenApi) -> Vec<(Lang, Result<Bytes, String>)> {
    let english = serde_json::to_vec(doc)
        .map(Bytes::from)
        .map_err(|e| e.to_string());
    let mut out = vec![(Lang::En, english.clone())];
    let (Ok(value), Ok(catalogs)) = (serde_json::to_value(doc), crate::i18n::Catalogs::load())
    else {
        // Without catalogs (a test catches a broken one) every language gets the English one.
        out.extend([(Lang::Fr, english.clone()), (Lang::Km, english)]);
        return out;
    };
    let table = crate::i18n::english_texts(&catalogs, "api-");
    for lang in [Lang::Fr, Lang::Km] {
        let mut translated = value.clone();
        translate(
            &mut translated,
            &table,
            &crate::i18n::Say::new(&catalogs, lang),
        );
        out.push((
            lang,
            serde_json::to_vec(&translated)
                .map(Bytes::from)
                .map_err(|e| e.to_string()),
        ));
    }
    out
}

/// Every `description` and `summary` string of `value` that the table knows, in `say`'s
/// language. A schema property that happens to be called `description` is an object, and is
/// walked into, not replaced.
fn translate(
    value: &mut serde_json::Value,
    table: &HashMap<String, String>,
    say: &crate::i18n::Say<'_>,
) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                match v {
                    serde_json::Value::String(text) if key == "description" || key == "summary" => {
                        if let Some(id) = table.get(&crate::i18n::plain_spaces(text)) {
                            *text = say.t(id);
                        }
                    }
                    other => translate(other, table, say),
                }
            }
        }
        serde_json::Value::Array(items) => {
            for v in items {
                translate(v, table, say);
            }
        }
        _ => {}
    }
}

fn openapi_json(lang: Lang, json: Result<Bytes, String>) -> Response {
    match json {
        Ok(bytes) => (
            [
                (
                    header::CONTENT_TYPE,
                    HeaderValue::from_static("application/json"),
                ),
                (
                    header::CONTENT_LANGUAGE,
                    HeaderValue::from_static(lang.tag()),
                ),
            ],
            bytes,
        )
            .into_response(),
        Err(e) => ApiError(AppError::Internal(format!("OpenAPI document: {e}"))).into_response(),
    }
}

/// A record's `sensitivity` as an API body gives it: absent is `case`, the default of a new
/// record.
pub(crate) fn sensitivity(name: Option<&str>) -> Result<accord_core::Sensitivity, ApiError> {
    use accord_core::Named;
    name.map_or(Ok(accord_core::Sensitivity::Case), |n| {
        accord_core::Sensitivity::from_name(n.trim())
            .map_err(|e| invalid("sensitivity", e.to_string()))
    })
}

async fn no_route() -> ApiError {
    ApiError(AppError::NotFound)
}

/// Parse a JSON request body: a body that is not JSON is 400; a field of the wrong shape, a
/// missing or an unknown one is 422 naming the field (`title`, `actors[1].role`).
pub(crate) fn parse_body<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    // Syntax first, so that a truncated body is "not JSON" rather than "missing field".
    let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| {
        ApiError(AppError::BadRequest(format!(
            "the request body is not JSON: {e}"
        )))
    })?;
    serde_path_to_error::deserialize(value).map_err(|e| {
        let message = strip_position(&e.inner().to_string());
        let path = e.path().to_string();
        let parent = (path != ".").then_some(path);
        // Serde names a missing or unknown field in its message only; the path is the object.
        let named = ["missing field `", "unknown field `"]
            .iter()
            .find_map(|p| message.strip_prefix(p))
            .and_then(|rest| rest.split('`').next());
        let field = match (parent, named) {
            (Some(p), Some(n)) if !p.ends_with(n) => format!("{p}.{n}"),
            (Some(p), _) => p,
            (None, Some(n)) => n.to_owned(),
            (None, None) => "body".to_owned(),
        };
        ApiError(AppError::invalid(&field, message))
    })
}

/// serde_json ends its messages with "at line 1 column 7"; the field says more than that.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

/// A validation error as an API error.
pub(crate) fn invalid(field: &str, message: impl Into<String>) -> ApiError {
    ApiError(AppError::invalid(field, message))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every `description` and `summary` string of the value, with its JSON pointer.
    fn texts(value: &serde_json::Value, at: &str, out: &mut Vec<(String, String)>) {
        match value {
            serde_json::Value::Object(map) => {
                for (key, v) in map {
                    let here = format!("{at}/{}", key.replace('~', "~0").replace('/', "~1"));
                    match v {
                        serde_json::Value::String(text)
                            if key == "description" || key == "summary" =>
                        {
                            out.push((here, text.clone()));
                        }
                        other => texts(other, &here, out),
                    }
                }
            }
            serde_json::Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    texts(v, &format!("{at}/{i}"), out);
                }
            }
            _ => {}
        }
    }

    /// Every text a person reads in the OpenAPI document is a catalog message (`api-*`), so that
    /// French and Khmer readers get it in their language: a new field, parameter or response
    /// documented without its message fails here, naming where it is and what it says.
    #[test]
    fn every_text_of_the_openapi_document_is_a_message() {
        let (_, doc) = documented_routes(1).split_for_parts();
        let value = serde_json::to_value(&doc).unwrap_or_default();
        let catalogs = crate::i18n::test_catalogs();
        let table = crate::i18n::english_texts(catalogs, "api-");
        let mut all = Vec::new();
        texts(&value, "", &mut all);
        assert!(all.len() > 300, "{}", all.len());
        let missing: Vec<String> = all
            .iter()
            .filter(|(_, text)| !table.contains_key(&crate::i18n::plain_spaces(text)))
            .map(|(at, text)| format!("{at}\t{}", crate::i18n::plain_spaces(text)))
            .collect();
        assert!(
            missing.is_empty(),
            "{} texts of the OpenAPI document without a message (add each to locales/en.ftl as \
             api-<operation id>-param-<name>, -resp-<status> or api-schema-<Schema>-<field>, \
             and its translations to fr.ftl and km.ftl):\n{}",
            missing.len(),
            missing.join("\n")
        );
    }
}
