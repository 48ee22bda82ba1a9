//! The route × role matrix (issue 11): every route the router serves — listed by the router
//! itself through `accord_server::route_table`, not by hand — requested by every kind of caller,
//! on a private and on a published case, and compared with one table of expected answers.
//!
//! Two tables, one per way in: [`PAGES`] (browsers: a session cookie, forms with their CSRF
//! token) and [`API`] (`/api/…`: bearer tokens, including a read-only, a revoked and an expired
//! one). A route the router serves without a row, or a row for a route it no longer serves, fails
//! [`every_route_has_one_row`], naming it. Each row says what it proves.
//!
//! Cells expect a class of answer, not a page: [`HIDE`] (404, the answer a missing case gets),
//! [`AUTH`] (401), [`DENY`] (403), and for callers who are let in [`OK`] (2xx), [`SEE`] (a
//! redirect after a form) or [`BAD`] (400 or 422). A write is sent with a body the handler
//! refuses wherever a success would change what later cells see (publishing, roles, a finding's
//! status): a 422 for those let in against a 403/404 for the others proves who is refused before
//! the body matters, and nothing changes. Signed-in callers send a valid CSRF token with every
//! form (anonymous ones the token of their anonymous cookie), so no cell is refused for a
//! missing token instead of for who the caller is.
//!
//! All cells of a table run against one application (a fresh session per cell), except rows
//! marked `fresh`, whose success uses something up (a withdraw link, sign-in attempts): each of
//! their cells gets an application of its own.
//!
//! To add a route: add its row (method, path pattern as registered, what to send, what it
//! proves, the expected answers on the private and on the published case), and if its path has
//! a new parameter, give it a value in [`Fixture::value`].

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::sync::Arc;

use accord_actions::{Actions, NewEvidence};
use accord_core::bundle::{self, BundleFile};
use accord_core::{Capture, CaseRole};
use accord_letters::signon::LinkToken;
use accord_search::SearchIndex;
use accord_server::{AppState, ServerConfig, route_table, secrets};
use accord_store::{
    ImportMode, LinkOutcome, NewApiToken, NewInvitation, NewLink, NewSession, NewSignature, Store,
};
use axum::Router;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use tower::ServiceExt;

use crate::common;

// --- What a cell expects ------------------------------------------------------------------------

/// The class of answer a cell expects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Want {
    /// 2xx: let in, and served.
    Ok,
    /// 3xx: let in, and sent on (after a form).
    See,
    /// 400 or 422: let in, and the body refused.
    Bad,
    /// 401: sign in (or send a valid token) first.
    Auth,
    /// 403: signed in, but the role (or the token's scope) does not allow it.
    Deny,
    /// 404: nothing here, or a private case the caller may not see (the same answer).
    Hide,
    /// The htmx asset: 2xx when the binary embeds it (`build.rs` finds it in `web/node_modules`,
    /// as `scripts/test` installs it), else 404.
    Htmx,
}

const OK: Want = Want::Ok;
const SEE: Want = Want::See;
const BAD: Want = Want::Bad;
const AUTH: Want = Want::Auth;
const DENY: Want = Want::Deny;
const HIDE: Want = Want::Hide;
const HTMX: Want = Want::Htmx;

impl Want {
    fn admits(self, status: StatusCode) -> bool {
        let code = status.as_u16();
        match self {
            Want::Ok => status.is_success(),
            Want::See => status.is_redirection(),
            Want::Bad => code == 400 || code == 422,
            Want::Auth => code == 401,
            Want::Deny => code == 403,
            Want::Hide => code == 404,
            Want::Htmx if htmx_built() => status.is_success(),
            Want::Htmx => code == 404,
        }
    }

    fn label(self) -> &'static str {
        match self {
            Want::Ok => "2xx",
            Want::See => "3xx",
            Want::Bad => "400/422",
            Want::Auth => "401",
            Want::Deny => "403",
            Want::Hide => "404",
            Want::Htmx if htmx_built() => "2xx",
            Want::Htmx => "404",
        }
    }
}

/// Whether the server embeds htmx: `build.rs` looks for it in the same place.
fn htmx_built() -> bool {
    common::repo("web/node_modules/htmx.org/dist/htmx.min.js").is_file()
}

/// What a request carries besides its path.
#[derive(Debug, Clone, Copy)]
enum Payload {
    /// Nothing (GET).
    Nothing,
    /// A form: the caller's CSRF token and these fields.
    Form(&'static [(&'static str, &'static str)]),
    /// An empty multipart form (an upload without its file), the CSRF token in the query string
    /// as the upload form sends it.
    Upload,
    /// A JSON body (the API).
    Json(&'static str),
}

use Payload::{Form, Json, Nothing, Upload};

/// One route and the answer each caller should get, on the private case and on the published one.
#[derive(Debug, Clone, Copy)]
struct Row<const N: usize> {
    method: &'static str,
    /// The path pattern as the route is registered (`/cases/{id}`).
    path: &'static str,
    send: Payload,
    /// What the row proves; printed beside a mismatch.
    proves: &'static str,
    private: [Want; N],
    published: [Want; N],
    /// Every cell gets an application of its own (the request uses something up).
    fresh: bool,
}

const fn row<const N: usize>(
    method: &'static str,
    path: &'static str,
    send: Payload,
    proves: &'static str,
    private: [Want; N],
    published: [Want; N],
) -> Row<N> {
    Row {
        method,
        path,
        send,
        proves,
        private,
        published,
        fresh: false,
    }
}

const fn fresh<const N: usize>(r: Row<N>) -> Row<N> {
    Row { fresh: true, ..r }
}

const GET: &str = "GET";
const POST: &str = "POST";
const PUT: &str = "PUT";
const PATCH: &str = "PATCH";
const DELETE: &str = "DELETE";

// --- The pages ------------------------------------------------------------------------------

/// The callers of a page, in the order of a row's columns.
const PEOPLE: [&str; 7] = [
    "anonymous",
    "non-member",
    "viewer",
    "editor",
    "reviewer",
    "owner",
    "admin",
];

/// Every route outside `/api/`. Columns: anonymous (holding the anonymous CSRF cookie), a
/// signed-in non-member, viewer, editor, reviewer, owner, and an instance administrator without
/// a role; first on the private case, then on the published one.
#[rustfmt::skip]
const PAGES: &[Row<7>] = &[
    // Assets and the case list: the same for everyone.
    row(GET, "/assets/accord.css", Nothing, "assets are public",
        //anon  outside viewer editor reviewer owner admin
        [OK,   OK,   OK,   OK,   OK,   OK,   OK],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
    row(GET, "/assets/htmx.min.js", Nothing, "assets are public",
        [HTMX, HTMX, HTMX, HTMX, HTMX, HTMX, HTMX],
        [HTMX, HTMX, HTMX, HTMX, HTMX, HTMX, HTMX]),
    row(GET, "/assets/upload.js", Nothing, "assets are public",
        [OK,   OK,   OK,   OK,   OK,   OK,   OK],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
    row(POST, "/language", Form(&[("lang", "km"), ("next", "/")]),
        "anyone may choose the interface's language (a cookie), and is sent back to the page",
        [SEE,  SEE,  SEE,  SEE,  SEE,  SEE,  SEE],
        [SEE,  SEE,  SEE,  SEE,  SEE,  SEE,  SEE]),
    row(GET, "/", Nothing, "the case list is open to all (what it lists is tested in routes::privacy)",
        [OK,   OK,   OK,   OK,   OK,   OK,   OK],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK]),

    // Signing in and out, and one's own account: no case involved, so both columns are alike.
    row(GET, "/login", Nothing, "the sign-in form is open to all; whoever is signed in already is sent on",
        [OK,   SEE,  SEE,  SEE,  SEE,  SEE,  SEE],
        [OK,   SEE,  SEE,  SEE,  SEE,  SEE,  SEE]),
    fresh(row(POST, "/login", Form(&[("email", "nobody@example.org"), ("password", "wrong")]),
        "anyone may try to sign in; wrong credentials are 401 whoever asks (fresh: attempts are counted)",
        [AUTH, AUTH, AUTH, AUTH, AUTH, AUTH, AUTH],
        [AUTH, AUTH, AUTH, AUTH, AUTH, AUTH, AUTH])),
    row(POST, "/logout", Form(&[]), "signing out needs no role; it ends only the caller's session",
        [SEE,  SEE,  SEE,  SEE,  SEE,  SEE,  SEE],
        [SEE,  SEE,  SEE,  SEE,  SEE,  SEE,  SEE]),
    row(GET, "/account", Nothing, "the account page is for signed-in people",
        [AUTH, OK,   OK,   OK,   OK,   OK,   OK],
        [AUTH, OK,   OK,   OK,   OK,   OK,   OK]),
    row(POST, "/account/tokens", Form(&[]), "only signed-in people create tokens (no name: 422, nothing created)",
        [AUTH, BAD,  BAD,  BAD,  BAD,  BAD,  BAD],
        [AUTH, BAD,  BAD,  BAD,  BAD,  BAD,  BAD]),
    row(POST, "/account/tokens/revoke", Form(&[("name", "no-such-token")]),
        "only signed-in people revoke, and only their own tokens: a name they do not hold is 404",
        [AUTH, HIDE, HIDE, HIDE, HIDE, HIDE, HIDE],
        [AUTH, HIDE, HIDE, HIDE, HIDE, HIDE, HIDE]),
    row(POST, "/account/password", Form(&[("new", "short"), ("confirm", "short")]),
        "only signed-in people change a password (too short: 422, nothing changed)",
        [AUTH, BAD,  BAD,  BAD,  BAD,  BAD,  BAD],
        [AUTH, BAD,  BAD,  BAD,  BAD,  BAD,  BAD]),
    row(POST, "/account/sessions/end", Form(&[]), "only signed-in people end their sessions",
        [AUTH, SEE,  SEE,  SEE,  SEE,  SEE,  SEE],
        [AUTH, SEE,  SEE,  SEE,  SEE,  SEE,  SEE]),
    row(POST, "/account/attribution", Form(&[("shown_as", "nobody-knows")]),
        "only signed-in people choose how they are named (an unknown choice: 422)",
        [AUTH, BAD,  BAD,  BAD,  BAD,  BAD,  BAD],
        [AUTH, BAD,  BAD,  BAD,  BAD,  BAD,  BAD]),

    // Reading a case: members and administrators on a private case (404 to anyone else, like a
    // missing case); everyone on a published one.
    row(GET, "/cases/{id}", Nothing, "reading a case",
        [HIDE, HIDE, OK,   OK,   OK,   OK,   OK],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
    row(GET, "/cases/{id}/timeline", Nothing, "reading a case",
        [HIDE, HIDE, OK,   OK,   OK,   OK,   OK],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
    row(GET, "/cases/{id}/timeline.csv", Nothing, "reading a case (the file holds what the reader's timeline shows: routes::table_download)",
        [HIDE, HIDE, OK,   OK,   OK,   OK,   OK],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
    row(GET, "/cases/{id}/actors/{actor}", Nothing, "reading a case",
        [HIDE, HIDE, OK,   OK,   OK,   OK,   OK],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
    row(GET, "/cases/{id}/actors/{actor}/history", Nothing, "reading a case",
        [HIDE, HIDE, OK,   OK,   OK,   OK,   OK],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
    row(GET, "/cases/{id}/mechanisms/{mechanism}", Nothing, "reading a case",
        [HIDE, HIDE, OK,   OK,   OK,   OK,   OK],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
    row(GET, "/cases/{id}/provisions", Nothing, "reading a case",
        [HIDE, HIDE, OK,   OK,   OK,   OK,   OK],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
    row(GET, "/cases/{id}/provisions/suggest", Nothing, "reading a case",
        [HIDE, HIDE, OK,   OK,   OK,   OK,   OK],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
    row(GET, "/cases/{id}/provisions/{citation}", Nothing, "reading a case",
        [HIDE, HIDE, OK,   OK,   OK,   OK,   OK],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
    row(GET, "/cases/{id}/elections", Nothing, "reading a case",
        [HIDE, HIDE, OK,   OK,   OK,   OK,   OK],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
    row(GET, "/cases/{id}/elections/{election}", Nothing, "reading a case",
        [HIDE, HIDE, OK,   OK,   OK,   OK,   OK],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
    row(GET, "/cases/{id}/elections/{election}/simulation", Nothing,
        "reading a case: the projection's form (nothing is run until it is submitted)",
        [HIDE, HIDE, OK,   OK,   OK,   OK,   OK],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
    row(GET, "/cases/{id}/incidents/{incident}", Nothing, "reading a case",
        [HIDE, HIDE, OK,   OK,   OK,   OK,   OK],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
    row(GET, "/cases/{id}/incidents/{incident}/history", Nothing, "reading a case",
        [HIDE, HIDE, OK,   OK,   OK,   OK,   OK],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
    row(GET, "/cases/{id}/findings/{finding}/history", Nothing,
        "reading a case (a confirmed finding: readers outside see it)",
        [HIDE, HIDE, OK,   OK,   OK,   OK,   OK],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
    row(GET, "/cases/{id}/sources/{source}/history", Nothing, "reading a case",
        [HIDE, HIDE, OK,   OK,   OK,   OK,   OK],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
    row(GET, "/cases/{id}/evidence/{evidence}", Nothing, "reading a case",
        [HIDE, HIDE, OK,   OK,   OK,   OK,   OK],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
    row(GET, "/cases/{id}/evidence/{evidence}/file", Nothing, "reading a case: the file's bytes",
        [HIDE, HIDE, OK,   OK,   OK,   OK,   OK],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
    row(GET, "/cases/{id}/letters", Nothing, "reading a case",
        [HIDE, HIDE, OK,   OK,   OK,   OK,   OK],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
    row(GET, "/cases/{id}/letters/{letter}", Nothing, "reading a case",
        [HIDE, HIDE, OK,   OK,   OK,   OK,   OK],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
    row(GET, "/cases/{id}/letters/{letter}/history", Nothing,
        "a letter's earlier texts: members only, outsiders of a published case get 404 (Disclosure::versions)",
        [HIDE, HIDE, OK,   OK,   OK,   OK,   OK],
        [HIDE, HIDE, OK,   OK,   OK,   OK,   OK]),
    row(GET, "/cases/{id}/letters/{letter}/download/{format}", Nothing, "reading a case: a download",
        [HIDE, HIDE, OK,   OK,   OK,   OK,   OK],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
    row(GET, "/cases/{id}/letters/{letter}/follow-through", Nothing,
        "reading a case: what happened after a letter",
        [HIDE, HIDE, OK,   OK,   OK,   OK,   OK],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
    row(GET, "/cases/{id}/awaiting", Nothing, "reading a case: letters awaiting a response",
        [HIDE, HIDE, OK,   OK,   OK,   OK,   OK],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
    row(GET, "/cases/{id}/translations", Nothing,
        "reading a case: what is not yet translated, from what the reader may see",
        [HIDE, HIDE, OK,   OK,   OK,   OK,   OK],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
    row(GET, "/cases/{id}/sources/{source}", Nothing, "reading a case: a source in the reader's language",
        [HIDE, HIDE, OK,   OK,   OK,   OK,   OK],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
    row(GET, "/cases/{id}/instruments/{instrument}", Nothing, "reading a case: an instrument in the reader's language",
        [HIDE, HIDE, OK,   OK,   OK,   OK,   OK],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
    row(GET, "/cases/{id}/instruments/{instrument}/history", Nothing,
        "reading a case: the versions of an instrument's translations",
        [HIDE, HIDE, OK,   OK,   OK,   OK,   OK],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
    row(GET, "/cases/{id}/provisions/{citation}/history", Nothing,
        "reading a case: the versions of a provision's translations",
        [HIDE, HIDE, OK,   OK,   OK,   OK,   OK],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
    row(GET, "/cases/{id}/mechanisms/{mechanism}/history", Nothing,
        "reading a case: the versions of a mechanism's translations",
        [HIDE, HIDE, OK,   OK,   OK,   OK,   OK],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
    row(GET, "/cases/{id}/search", Nothing,
        "reading a case: search over its records (what each reader finds: routes::search)",
        [HIDE, HIDE, OK,   OK,   OK,   OK,   OK],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK]),

    // Editing: editors, owners and administrators. On a published case an anonymous visitor is
    // asked to sign in and a signed-in reader is refused.
    row(GET, "/cases/{id}/incidents/new", Nothing, "editors edit",
        [HIDE, HIDE, DENY, OK,   DENY, OK,   OK],
        [AUTH, DENY, DENY, OK,   DENY, OK,   OK]),
    row(POST, "/cases/{id}/incidents", Form(&[]), "editors edit (an empty incident: 422, nothing saved)",
        [HIDE, HIDE, DENY, BAD,  DENY, BAD,  BAD],
        [AUTH, DENY, DENY, BAD,  DENY, BAD,  BAD]),
    row(POST, "/cases/{id}/incidents/{incident}", Form(&[]), "editors edit (an emptied incident: 422, nothing saved)",
        [HIDE, HIDE, DENY, BAD,  DENY, BAD,  BAD],
        [AUTH, DENY, DENY, BAD,  DENY, BAD,  BAD]),
    row(GET, "/cases/{id}/incidents/{incident}/edit", Nothing, "editors edit",
        [HIDE, HIDE, DENY, OK,   DENY, OK,   OK],
        [AUTH, DENY, DENY, OK,   DENY, OK,   OK]),
    row(POST, "/cases/{id}/incidents/{incident}/evidence", Upload,
        "editors upload, checked before a byte of the body is read (no file: 400/422, nothing kept)",
        [HIDE, HIDE, DENY, BAD,  DENY, BAD,  BAD],
        [AUTH, DENY, DENY, BAD,  DENY, BAD,  BAD]),
    row(GET, "/cases/{id}/import", Nothing, "editors import tables",
        [HIDE, HIDE, DENY, OK,   DENY, OK,   OK],
        [AUTH, DENY, DENY, OK,   DENY, OK,   OK]),
    row(POST, "/cases/{id}/import", Upload,
        "editors import tables, checked before a byte of the body is read (no file: 422, nothing written)",
        [HIDE, HIDE, DENY, BAD,  DENY, BAD,  BAD],
        [AUTH, DENY, DENY, BAD,  DENY, BAD,  BAD]),
    row(GET, "/cases/{id}/findings/new", Nothing, "editors draft findings",
        [HIDE, HIDE, DENY, OK,   DENY, OK,   OK],
        [AUTH, DENY, DENY, OK,   DENY, OK,   OK]),
    row(POST, "/cases/{id}/findings", Form(&[]), "editors draft findings (no provision: 422, nothing saved)",
        [HIDE, HIDE, DENY, BAD,  DENY, BAD,  BAD],
        [AUTH, DENY, DENY, BAD,  DENY, BAD,  BAD]),
    row(POST, "/cases/{id}/evidence/{evidence}/copies", Upload,
        "editors add working copies (no file: 400/422, nothing kept)",
        [HIDE, HIDE, DENY, BAD,  DENY, BAD,  BAD],
        [AUTH, DENY, DENY, BAD,  DENY, BAD,  BAD]),
    row(POST, "/cases/{id}/evidence/{evidence}/custody", Form(&[("action", "lost")]),
        "editors record custody by hand (an unknown action: 422, nothing recorded)",
        [HIDE, HIDE, DENY, BAD,  DENY, BAD,  BAD],
        [AUTH, DENY, DENY, BAD,  DENY, BAD,  BAD]),
    row(POST, "/cases/{id}/evidence/{evidence}/verify", Form(&[]),
        "editors and reviewers check a stored file again (it matches: recorded, 303)",
        [HIDE, HIDE, DENY, SEE,  SEE,  SEE,  SEE],
        [AUTH, DENY, DENY, SEE,  SEE,  SEE,  SEE]),
    row(POST, "/cases/{id}/provisions/{citation}/observations", Form(&[("score", "9")]),
        "editors record observations (a score outside 0-3: 422, nothing written)",
        [HIDE, HIDE, DENY, BAD,  DENY, BAD,  BAD],
        [AUTH, DENY, DENY, BAD,  DENY, BAD,  BAD]),
    row(POST, "/cases/{id}/letters/{letter}/follow-through", Form(&[]),
        "editors record deliveries, responses, deadlines and follow-ups (no kind: 422, nothing written)",
        [HIDE, HIDE, DENY, BAD,  DENY, BAD,  BAD],
        [AUTH, DENY, DENY, BAD,  DENY, BAD,  BAD]),
    row(POST, "/cases/{id}/translations", Form(&[]),
        "editors translate records (no kind: 422, nothing written)",
        [HIDE, HIDE, DENY, BAD,  DENY, BAD,  BAD],
        [AUTH, DENY, DENY, BAD,  DENY, BAD,  BAD]),
    row(POST, "/cases/{id}/translations/remove", Form(&[]),
        "editors remove a record's translation (no kind: 422, nothing written)",
        [HIDE, HIDE, DENY, BAD,  DENY, BAD,  BAD],
        [AUTH, DENY, DENY, BAD,  DENY, BAD,  BAD]),
    row(POST, "/cases/{id}/translations/original", Form(&[]),
        "editors say which language a record was written in, owners the case's (no kind: 422, nothing written)",
        [HIDE, HIDE, DENY, BAD,  DENY, BAD,  BAD],
        [AUTH, DENY, DENY, BAD,  DENY, BAD,  BAD]),

    // Reviewing: reviewers, owners and administrators.
    row(POST, "/cases/{id}/findings/{finding}/status", Form(&[("status", "maybe")]),
        "reviewers confirm and retract (an unknown status: 422, nothing changed)",
        [HIDE, HIDE, DENY, DENY, BAD,  BAD,  BAD],
        [AUTH, DENY, DENY, DENY, BAD,  BAD,  BAD]),
    row(POST, "/cases/{id}/observations/{observation}/status", Form(&[("status", "maybe")]),
        "reviewers confirm and retract observations (an unknown status: 422, nothing changed)",
        [HIDE, HIDE, DENY, DENY, BAD,  BAD,  BAD],
        [AUTH, DENY, DENY, DENY, BAD,  BAD,  BAD]),

    // Managing: owners and administrators.
    row(GET, "/cases/{id}/members", Nothing, "owners manage members",
        [HIDE, HIDE, DENY, DENY, DENY, OK,   OK],
        [AUTH, DENY, DENY, DENY, DENY, OK,   OK]),
    row(POST, "/cases/{id}/members", Form(&[("email", "viewer@example.org")]),
        "owners manage members (no role chosen: 422, nothing changed)",
        [HIDE, HIDE, DENY, DENY, DENY, BAD,  BAD],
        [AUTH, DENY, DENY, DENY, DENY, BAD,  BAD]),
    row(POST, "/cases/{id}/publish", Form(&[("published", "perhaps")]),
        "owners publish (neither true nor false: 422, nothing changed)",
        [HIDE, HIDE, DENY, DENY, DENY, BAD,  BAD],
        [AUTH, DENY, DENY, DENY, DENY, BAD,  BAD]),
    row(POST, "/cases/{id}/self-review", Form(&[("allowed", "perhaps")]),
        "owners allow self-review (neither true nor false: 422, nothing changed)",
        [HIDE, HIDE, DENY, DENY, DENY, BAD,  BAD],
        [AUTH, DENY, DENY, DENY, DENY, BAD,  BAD]),
    row(POST, "/cases/{id}/letters", Form(&[]), "owners coordinate letters (an empty letter: 422, nothing saved)",
        [HIDE, HIDE, DENY, DENY, DENY, BAD,  BAD],
        [AUTH, DENY, DENY, DENY, DENY, BAD,  BAD]),
    row(GET, "/cases/{id}/letters/new", Nothing, "owners coordinate letters",
        [HIDE, HIDE, DENY, DENY, DENY, OK,   OK],
        [AUTH, DENY, DENY, DENY, DENY, OK,   OK]),
    row(GET, "/cases/{id}/letters/{letter}/edit", Nothing, "owners coordinate letters",
        [HIDE, HIDE, DENY, DENY, DENY, OK,   OK],
        [AUTH, DENY, DENY, DENY, DENY, OK,   OK]),
    row(POST, "/cases/{id}/letters/{letter}/edit", Form(&[]), "owners coordinate letters (an empty letter: 422, nothing saved)",
        [HIDE, HIDE, DENY, DENY, DENY, BAD,  BAD],
        [AUTH, DENY, DENY, DENY, DENY, BAD,  BAD]),
    row(GET, "/cases/{id}/letters/{letter}/versions", Nothing, "owners coordinate a letter's languages",
        [HIDE, HIDE, DENY, DENY, DENY, OK,   OK],
        [AUTH, DENY, DENY, DENY, DENY, OK,   OK]),
    row(POST, "/cases/{id}/letters/{letter}/versions", Form(&[]),
        "owners coordinate a letter's languages (no language: 422, nothing saved)",
        [HIDE, HIDE, DENY, DENY, DENY, BAD,  BAD],
        [AUTH, DENY, DENY, DENY, DENY, BAD,  BAD]),
    row(GET, "/cases/{id}/letters/{letter}/signatories", Nothing, "owners see who was invited and their contacts",
        [HIDE, HIDE, DENY, DENY, DENY, OK,   OK],
        [AUTH, DENY, DENY, DENY, DENY, OK,   OK]),
    row(POST, "/cases/{id}/letters/{letter}/signatories", Form(&[]),
        "owners invite signatories (no organisation: 422, nobody invited)",
        [HIDE, HIDE, DENY, DENY, DENY, BAD,  BAD],
        [AUTH, DENY, DENY, DENY, DENY, BAD,  BAD]),
    row(POST, "/cases/{id}/letters/{letter}/signatories/{position}/verify", Form(&[]),
        "owners verify signatures (this one is only invited: 422, nothing changed)",
        [HIDE, HIDE, DENY, DENY, DENY, BAD,  BAD],
        [AUTH, DENY, DENY, DENY, DENY, BAD,  BAD]),
    row(POST, "/cases/{id}/letters/{letter}/signatories/{position}/link", Form(&[("days", "forever")]),
        "owners make new sign links (a bad expiry: 422, the old link still works)",
        [HIDE, HIDE, DENY, DENY, DENY, BAD,  BAD],
        [AUTH, DENY, DENY, DENY, DENY, BAD,  BAD]),

    // Sign-on links: the link is the credential, whoever holds it and whatever the case's
    // privacy; it opens its one letter and nothing else.
    row(GET, "/sign/{token}", Nothing, "a sign link opens its letter for whoever holds it",
        [OK,   OK,   OK,   OK,   OK,   OK,   OK],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
    row(POST, "/sign/{token}", Form(&[]), "whoever holds a sign link may answer (no name: 422, the link stays open)",
        [BAD,  BAD,  BAD,  BAD,  BAD,  BAD,  BAD],
        [BAD,  BAD,  BAD,  BAD,  BAD,  BAD,  BAD]),
    row(GET, "/withdraw/{token}", Nothing, "a withdraw link opens its page for whoever holds it",
        [OK,   OK,   OK,   OK,   OK,   OK,   OK],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
    fresh(row(POST, "/withdraw/{token}", Form(&[]),
        "whoever holds a withdraw link may withdraw the signature (fresh: the link is used up)",
        [OK,   OK,   OK,   OK,   OK,   OK,   OK],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK])),
];

// --- The API --------------------------------------------------------------------------------

/// The callers of the API, in the order of a row's columns.
const TOKENS: [&str; 10] = [
    "no token",
    "non-member",
    "viewer",
    "editor",
    "reviewer",
    "owner",
    "admin",
    "read-only",
    "revoked",
    "expired",
];

/// Every route under `/api/`. Columns: no token, then the tokens of a non-member, viewer,
/// editor, reviewer, owner and administrator, then three tokens of the owner: read-only, revoked
/// and expired (the owner's, so that a refusal is the token's doing, not the role's).
#[rustfmt::skip]
const API: &[Row<10>] = &[
    row(GET, "/api/openapi.json", Nothing, "the document is public; a dead token is refused even here",
        //none outside viewer editor reviewer owner admin  read-only revoked expired
        [OK,   OK,   OK,   OK,   OK,   OK,   OK,   OK,   AUTH, AUTH],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK,   OK,   AUTH, AUTH]),
    row(GET, "/api/{*rest}", Nothing, "unknown API paths are JSON 404s; a dead token is 401 first",
        [HIDE, HIDE, HIDE, HIDE, HIDE, HIDE, HIDE, HIDE, AUTH, AUTH],
        [HIDE, HIDE, HIDE, HIDE, HIDE, HIDE, HIDE, HIDE, AUTH, AUTH]),
    row(POST, "/api/{*rest}", Json("{}"), "unknown API paths; a read-only token may not write anywhere",
        [HIDE, HIDE, HIDE, HIDE, HIDE, HIDE, HIDE, DENY, AUTH, AUTH],
        [HIDE, HIDE, HIDE, HIDE, HIDE, HIDE, HIDE, DENY, AUTH, AUTH]),
    row(PUT, "/api/{*rest}", Json("{}"), "unknown API paths; a read-only token may not write anywhere",
        [HIDE, HIDE, HIDE, HIDE, HIDE, HIDE, HIDE, DENY, AUTH, AUTH],
        [HIDE, HIDE, HIDE, HIDE, HIDE, HIDE, HIDE, DENY, AUTH, AUTH]),
    row(PATCH, "/api/{*rest}", Json("{}"), "unknown API paths; a read-only token may not write anywhere",
        [HIDE, HIDE, HIDE, HIDE, HIDE, HIDE, HIDE, DENY, AUTH, AUTH],
        [HIDE, HIDE, HIDE, HIDE, HIDE, HIDE, HIDE, DENY, AUTH, AUTH]),
    row(DELETE, "/api/{*rest}", Nothing, "unknown API paths; a read-only token may not write anywhere",
        [HIDE, HIDE, HIDE, HIDE, HIDE, HIDE, HIDE, DENY, AUTH, AUTH],
        [HIDE, HIDE, HIDE, HIDE, HIDE, HIDE, HIDE, DENY, AUTH, AUTH]),
    row(GET, "/api/v1/cases", Nothing, "the list is open to all (members' cases, published ones)",
        [OK,   OK,   OK,   OK,   OK,   OK,   OK,   OK,   AUTH, AUTH],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK,   OK,   AUTH, AUTH]),

    // Reading a case.
    row(GET, "/api/v1/cases/{id}", Nothing, "reading a case",
        [HIDE, HIDE, OK,   OK,   OK,   OK,   OK,   OK,   AUTH, AUTH],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK,   OK,   AUTH, AUTH]),
    row(GET, "/api/v1/cases/{id}/status", Nothing, "reading a case",
        [HIDE, HIDE, OK,   OK,   OK,   OK,   OK,   OK,   AUTH, AUTH],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK,   OK,   AUTH, AUTH]),
    row(GET, "/api/v1/cases/{id}/provisions", Nothing, "reading a case",
        [HIDE, HIDE, OK,   OK,   OK,   OK,   OK,   OK,   AUTH, AUTH],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK,   OK,   AUTH, AUTH]),
    row(GET, "/api/v1/cases/{id}/provisions/{citation}", Nothing, "reading a case",
        [HIDE, HIDE, OK,   OK,   OK,   OK,   OK,   OK,   AUTH, AUTH],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK,   OK,   AUTH, AUTH]),
    row(GET, "/api/v1/cases/{id}/incidents", Nothing, "reading a case",
        [HIDE, HIDE, OK,   OK,   OK,   OK,   OK,   OK,   AUTH, AUTH],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK,   OK,   AUTH, AUTH]),
    row(GET, "/api/v1/cases/{id}/incidents/{incident}", Nothing, "reading a case",
        [HIDE, HIDE, OK,   OK,   OK,   OK,   OK,   OK,   AUTH, AUTH],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK,   OK,   AUTH, AUTH]),
    row(GET, "/api/v1/cases/{id}/search", Nothing,
        "reading a case: search over its records (what each reader finds: routes::search)",
        [HIDE, HIDE, OK,   OK,   OK,   OK,   OK,   OK,   AUTH, AUTH],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK,   OK,   AUTH, AUTH]),
    row(GET, "/api/v1/cases/{id}/incidents/{incident}/history", Nothing, "reading a case",
        [HIDE, HIDE, OK,   OK,   OK,   OK,   OK,   OK,   AUTH, AUTH],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK,   OK,   AUTH, AUTH]),
    row(GET, "/api/v1/cases/{id}/findings", Nothing, "reading a case",
        [HIDE, HIDE, OK,   OK,   OK,   OK,   OK,   OK,   AUTH, AUTH],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK,   OK,   AUTH, AUTH]),
    row(GET, "/api/v1/cases/{id}/findings/{finding}", Nothing,
        "reading a case (a confirmed finding: readers outside see it)",
        [HIDE, HIDE, OK,   OK,   OK,   OK,   OK,   OK,   AUTH, AUTH],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK,   OK,   AUTH, AUTH]),
    row(GET, "/api/v1/cases/{id}/findings/{finding}/history", Nothing,
        "reading a case (a confirmed finding: readers outside see it)",
        [HIDE, HIDE, OK,   OK,   OK,   OK,   OK,   OK,   AUTH, AUTH],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK,   OK,   AUTH, AUTH]),
    row(GET, "/api/v1/cases/{id}/observations", Nothing, "reading a case",
        [HIDE, HIDE, OK,   OK,   OK,   OK,   OK,   OK,   AUTH, AUTH],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK,   OK,   AUTH, AUTH]),
    row(GET, "/api/v1/cases/{id}/observations/{observation}", Nothing,
        "reading a case (a confirmed observation: readers outside see it)",
        [HIDE, HIDE, OK,   OK,   OK,   OK,   OK,   OK,   AUTH, AUTH],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK,   OK,   AUTH, AUTH]),
    row(GET, "/api/v1/cases/{id}/letters/{letter}/follow-through", Nothing,
        "reading a case: what happened after a letter",
        [HIDE, HIDE, OK,   OK,   OK,   OK,   OK,   OK,   AUTH, AUTH],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK,   OK,   AUTH, AUTH]),
    row(GET, "/api/v1/cases/{id}/letters/{letter}/versions", Nothing,
        "reading a case: a letter's languages",
        [HIDE, HIDE, OK,   OK,   OK,   OK,   OK,   OK,   AUTH, AUTH],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK,   OK,   AUTH, AUTH]),
    row(GET, "/api/v1/cases/{id}/awaiting", Nothing, "reading a case: letters awaiting a response",
        [HIDE, HIDE, OK,   OK,   OK,   OK,   OK,   OK,   AUTH, AUTH],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK,   OK,   AUTH, AUTH]),
    row(GET, "/api/v1/cases/{id}/translations", Nothing,
        "reading a case: its records' languages, from what the reader may see",
        [HIDE, HIDE, OK,   OK,   OK,   OK,   OK,   OK,   AUTH, AUTH],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK,   OK,   AUTH, AUTH]),
    row(GET, "/api/v1/cases/{id}/sources", Nothing, "reading a case",
        [HIDE, HIDE, OK,   OK,   OK,   OK,   OK,   OK,   AUTH, AUTH],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK,   OK,   AUTH, AUTH]),
    row(GET, "/api/v1/cases/{id}/sources/{source}", Nothing, "reading a case",
        [HIDE, HIDE, OK,   OK,   OK,   OK,   OK,   OK,   AUTH, AUTH],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK,   OK,   AUTH, AUTH]),
    row(GET, "/api/v1/cases/{id}/sources/{source}/history", Nothing, "reading a case",
        [HIDE, HIDE, OK,   OK,   OK,   OK,   OK,   OK,   AUTH, AUTH],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK,   OK,   AUTH, AUTH]),
    row(GET, "/api/v1/cases/{id}/actors", Nothing, "reading a case",
        [HIDE, HIDE, OK,   OK,   OK,   OK,   OK,   OK,   AUTH, AUTH],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK,   OK,   AUTH, AUTH]),
    row(GET, "/api/v1/cases/{id}/actors/{actor}", Nothing, "reading a case",
        [HIDE, HIDE, OK,   OK,   OK,   OK,   OK,   OK,   AUTH, AUTH],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK,   OK,   AUTH, AUTH]),
    row(GET, "/api/v1/cases/{id}/evidence/{evidence}", Nothing, "reading a case",
        [HIDE, HIDE, OK,   OK,   OK,   OK,   OK,   OK,   AUTH, AUTH],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK,   OK,   AUTH, AUTH]),
    row(GET, "/api/v1/cases/{id}/evidence/{evidence}/file", Nothing, "reading a case: the file's bytes",
        [HIDE, HIDE, OK,   OK,   OK,   OK,   OK,   OK,   AUTH, AUTH],
        [OK,   OK,   OK,   OK,   OK,   OK,   OK,   OK,   AUTH, AUTH]),

    // Editing: editors, owners and administrators, with a token that may write. Bodies are
    // refused once let in (`{}` lacks every required field: 422), so nothing changes.
    row(POST, "/api/v1/cases/{id}/incidents", Json("{}"), "editors edit",
        [HIDE, HIDE, DENY, BAD,  DENY, BAD,  BAD,  DENY, AUTH, AUTH],
        [AUTH, DENY, DENY, BAD,  DENY, BAD,  BAD,  DENY, AUTH, AUTH]),
    row(PUT, "/api/v1/cases/{id}/incidents/{incident}", Json("{}"), "editors edit",
        [HIDE, HIDE, DENY, BAD,  DENY, BAD,  BAD,  DENY, AUTH, AUTH],
        [AUTH, DENY, DENY, BAD,  DENY, BAD,  BAD,  DENY, AUTH, AUTH]),
    row(POST, "/api/v1/cases/{id}/findings", Json("{}"), "editors draft findings",
        [HIDE, HIDE, DENY, BAD,  DENY, BAD,  BAD,  DENY, AUTH, AUTH],
        [AUTH, DENY, DENY, BAD,  DENY, BAD,  BAD,  DENY, AUTH, AUTH]),
    row(POST, "/api/v1/cases/{id}/observations", Json("{}"), "editors record observations",
        [HIDE, HIDE, DENY, BAD,  DENY, BAD,  BAD,  DENY, AUTH, AUTH],
        [AUTH, DENY, DENY, BAD,  DENY, BAD,  BAD,  DENY, AUTH, AUTH]),
    row(POST, "/api/v1/cases/{id}/letters/{letter}/follow-through", Json("{}"),
        "editors record what happened after a letter",
        [HIDE, HIDE, DENY, BAD,  DENY, BAD,  BAD,  DENY, AUTH, AUTH],
        [AUTH, DENY, DENY, BAD,  DENY, BAD,  BAD,  DENY, AUTH, AUTH]),
    row(POST, "/api/v1/cases/{id}/translations", Json("{}"),
        "editors translate records (an empty body: 422, nothing written)",
        [HIDE, HIDE, DENY, BAD,  DENY, BAD,  BAD,  DENY, AUTH, AUTH],
        [AUTH, DENY, DENY, BAD,  DENY, BAD,  BAD,  DENY, AUTH, AUTH]),
    row(DELETE, "/api/v1/cases/{id}/translations", Json("{}"),
        "editors remove a record's translation (an empty body: 422, nothing written)",
        [HIDE, HIDE, DENY, BAD,  DENY, BAD,  BAD,  DENY, AUTH, AUTH],
        [AUTH, DENY, DENY, BAD,  DENY, BAD,  BAD,  DENY, AUTH, AUTH]),
    row(PUT, "/api/v1/cases/{id}/translations/original", Json("{}"),
        "editors say which language a record was written in, owners the case's (an empty body: 422, nothing written)",
        [HIDE, HIDE, DENY, BAD,  DENY, BAD,  BAD,  DENY, AUTH, AUTH],
        [AUTH, DENY, DENY, BAD,  DENY, BAD,  BAD,  DENY, AUTH, AUTH]),
    row(PUT, "/api/v1/cases/{id}/letters/{letter}/versions/{lang}", Json("{}"),
        "owners coordinate a letter's languages (an empty body: 422, nothing written)",
        [HIDE, HIDE, DENY, DENY, DENY, BAD,  BAD,  DENY, AUTH, AUTH],
        [AUTH, DENY, DENY, DENY, DENY, BAD,  BAD,  DENY, AUTH, AUTH]),
    row(DELETE, "/api/v1/cases/{id}/letters/{letter}/versions/{lang}", Nothing,
        "owners coordinate a letter's languages (the fixture's letter has no Khmer version: 404, nothing written)",
        [HIDE, HIDE, DENY, DENY, DENY, HIDE, HIDE, DENY, AUTH, AUTH],
        [AUTH, DENY, DENY, DENY, DENY, HIDE, HIDE, DENY, AUTH, AUTH]),
    row(POST, "/api/v1/cases/{id}/sources", Json("{}"), "editors add sources",
        [HIDE, HIDE, DENY, BAD,  DENY, BAD,  BAD,  DENY, AUTH, AUTH],
        [AUTH, DENY, DENY, BAD,  DENY, BAD,  BAD,  DENY, AUTH, AUTH]),
    row(POST, "/api/v1/cases/{id}/incidents/{incident}/evidence", Nothing,
        "editors upload, checked before the body is read (no file name: 422, nothing kept)",
        [HIDE, HIDE, DENY, BAD,  DENY, BAD,  BAD,  DENY, AUTH, AUTH],
        [AUTH, DENY, DENY, BAD,  DENY, BAD,  BAD,  DENY, AUTH, AUTH]),
    row(POST, "/api/v1/cases/{id}/evidence/{evidence}/custody", Json("{}"), "editors record custody",
        [HIDE, HIDE, DENY, BAD,  DENY, BAD,  BAD,  DENY, AUTH, AUTH],
        [AUTH, DENY, DENY, BAD,  DENY, BAD,  BAD,  DENY, AUTH, AUTH]),

    // Reviewing: reviewers, owners and administrators.
    row(POST, "/api/v1/cases/{id}/findings/{finding}/status", Json("{}"), "reviewers confirm and retract",
        [HIDE, HIDE, DENY, DENY, BAD,  BAD,  BAD,  DENY, AUTH, AUTH],
        [AUTH, DENY, DENY, DENY, BAD,  BAD,  BAD,  DENY, AUTH, AUTH]),
    row(POST, "/api/v1/cases/{id}/observations/{observation}/status", Json("{}"),
        "reviewers confirm and retract observations",
        [HIDE, HIDE, DENY, DENY, BAD,  BAD,  BAD,  DENY, AUTH, AUTH],
        [AUTH, DENY, DENY, DENY, BAD,  BAD,  BAD,  DENY, AUTH, AUTH]),
];

// --- The tests ------------------------------------------------------------------------------

/// The router's routes and the tables' rows are the same set, and no route has two rows.
#[test]
fn every_route_has_one_row() {
    let served: BTreeSet<(String, String)> = route_table()
        .into_iter()
        .map(|(method, path)| (method.as_str().to_owned(), path))
        .collect();
    let mut rows = BTreeSet::new();
    let mut problems = Vec::new();
    let keys = PAGES
        .iter()
        .map(|r| (r.method, r.path))
        .chain(API.iter().map(|r| (r.method, r.path)));
    for (method, path) in keys {
        if !rows.insert((method.to_owned(), path.to_owned())) {
            problems.push(format!("two rows for {method} {path}"));
        }
    }
    for (method, path) in served.difference(&rows) {
        problems.push(format!(
            "{method} {path} is served but has no row in tests/server/matrix.rs: add one"
        ));
    }
    for (method, path) in rows.difference(&served) {
        problems.push(format!(
            "{method} {path} has a row but is not served: remove it"
        ));
    }
    for r in PAGES {
        if r.path.starts_with("/api/") {
            problems.push(format!("{} {} belongs in API, not PAGES", r.method, r.path));
        }
    }
    for r in API {
        if !r.path.starts_with("/api/") {
            problems.push(format!("{} {} belongs in PAGES, not API", r.method, r.path));
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[tokio::test]
async fn pages_answer_every_role_as_the_table_says() {
    let shared = Fixture::new().await;
    let mut report = Report::default();
    for r in PAGES {
        for case in [Case::Private, Case::Published] {
            let wants = match case {
                Case::Private => &r.private,
                Case::Published => &r.published,
            };
            for (who, want) in wants.iter().enumerate() {
                let status = if r.fresh {
                    Fixture::new().await.page(r, who, case).await
                } else {
                    shared.page(r, who, case).await
                };
                report.check(r, PEOPLE[who], case, *want, status);
            }
        }
    }
    report.finish();
}

#[tokio::test]
async fn api_answers_every_token_as_the_table_says() {
    let shared = Fixture::new().await;
    let mut report = Report::default();
    for r in API {
        for case in [Case::Private, Case::Published] {
            let wants = match case {
                Case::Private => &r.private,
                Case::Published => &r.published,
            };
            for (caller, want) in wants.iter().enumerate() {
                let status = if r.fresh {
                    Fixture::new().await.api(r, caller, case).await
                } else {
                    shared.api(r, caller, case).await
                };
                report.check(r, TOKENS[caller], case, *want, status);
            }
        }
    }
    report.finish();
}

/// Every cell compared; the mismatches printed together, then one failure.
#[derive(Default)]
struct Report {
    cells: usize,
    wrong: Vec<[String; 6]>,
}

impl Report {
    fn check<const N: usize>(
        &mut self,
        r: &Row<N>,
        caller: &str,
        case: Case,
        want: Want,
        got: StatusCode,
    ) {
        self.cells += 1;
        if !want.admits(got) {
            self.wrong.push([
                format!("{} {}", r.method, r.path),
                caller.to_owned(),
                case.name().to_owned(),
                want.label().to_owned(),
                got.as_u16().to_string(),
                r.proves.to_owned(),
            ]);
        }
    }

    fn finish(self) {
        if self.wrong.is_empty() {
            return;
        }
        let heading = [
            "route",
            "caller",
            "case",
            "expected",
            "got",
            "the row proves",
        ]
        .map(str::to_owned);
        let mut widths = [0usize; 6];
        for line in std::iter::once(&heading).chain(&self.wrong) {
            for (w, cell) in widths.iter_mut().zip(line) {
                *w = (*w).max(cell.chars().count());
            }
        }
        let mut out = format!(
            "{} of {} cells differ from the table:\n",
            self.wrong.len(),
            self.cells
        );
        for line in std::iter::once(&heading).chain(&self.wrong) {
            for (w, cell) in widths.iter().zip(line) {
                let _ = write!(out, "{cell:<w$}  ");
            }
            out.push('\n');
        }
        panic!("\n{out}");
    }
}

// --- The application under test -------------------------------------------------------------

const PRIVATE: &str = "example-2030";
const PUBLISHED: &str = "open-2031";
const TITLE: &str = "Freedonia 2030: closing the civic space";
const LETTER: &str = "appeal-2030";
const EVIDENCE: &str = "matrix-note";

#[derive(Debug, Clone, Copy)]
enum Case {
    Private,
    Published,
}

impl Case {
    fn id(self) -> &'static str {
        match self {
            Case::Private => PRIVATE,
            Case::Published => PUBLISHED,
        }
    }

    fn index(self) -> usize {
        match self {
            Case::Private => 0,
            Case::Published => 1,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Case::Private => "private",
            Case::Published => "published",
        }
    }
}

/// The sign-on links of a case's letter: an invited signatory's open sign link, and a signed
/// one's withdraw link.
struct Links {
    sign: String,
    position: u32,
    withdraw: String,
}

/// The example case twice (private, and a copy published), users with each role in both, their
/// API tokens, an evidence file and sign-on links in each case.
struct Fixture {
    app: Router,
    store: Arc<dyn Store>,
    /// User ids by column of [`PEOPLE`] (none for the anonymous visitor).
    users: Vec<Option<i64>>,
    /// The anonymous CSRF cookie a visitor got from the sign-in page.
    anonymous: String,
    /// Tokens by column of [`TOKENS`] (none for "no token").
    tokens: Vec<Option<String>>,
    links: [Links; 2],
    _dir: tempfile::TempDir,
}

impl Fixture {
    async fn new() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let store = accord_store::testing::fresh_store(dir.path())
            .await
            .unwrap();
        let files = common::example_files();
        store
            .import_case(&bundle::read(&files).unwrap(), ImportMode::New, "test")
            .await
            .unwrap();
        // The same case under another id and title, published.
        let open: Vec<BundleFile> = files
            .iter()
            .map(|f| BundleFile {
                path: f.path.clone(),
                contents: if f.path == "case.toml" {
                    f.contents
                        .replace(PRIVATE, PUBLISHED)
                        .replace(TITLE, "Sylvania 2031: an open case")
                } else {
                    f.contents.clone()
                },
            })
            .collect();
        store
            .import_case(&bundle::read(&open).unwrap(), ImportMode::New, "test")
            .await
            .unwrap();
        store.set_published(PUBLISHED, true, "test").await.unwrap();
        let index = Arc::new(SearchIndex::in_memory().unwrap());
        accord_server::search_sync::rebuild(store.clone(), index.clone())
            .await
            .unwrap();
        let actions = common::actions(dir.path(), store.clone(), Some(index));
        let state = AppState::new(actions.clone(), ServerConfig::default()).unwrap();
        let app = accord_server::router(state);

        let roles = [
            None,
            Some(CaseRole::Viewer),
            Some(CaseRole::Editor),
            Some(CaseRole::Reviewer),
            Some(CaseRole::Owner),
            None,
        ];
        let mut users = vec![None];
        for (name, role) in PEOPLE[1..].iter().zip(roles) {
            let admin = *name == "admin";
            let user = store
                .create_user(&format!("{name}@example.org"), "unused", admin)
                .await
                .unwrap();
            for case in [PRIVATE, PUBLISHED] {
                if let Some(r) = role {
                    store
                        .set_role(case, user.id, Some(r), "test")
                        .await
                        .unwrap();
                }
            }
            users.push(Some(user.id));
        }
        let mut tokens = vec![None];
        for id in users.iter().flatten() {
            tokens.push(Some(token(&store, *id, "matrix", None, false).await));
        }
        let owner = users[5].unwrap();
        let now = now();
        tokens.push(Some(token(&store, owner, "read-only", None, true).await));
        let revoked = token(&store, owner, "revoked", None, false).await;
        assert!(
            store
                .revoke_api_token(owner, "revoked", "test")
                .await
                .unwrap()
        );
        tokens.push(Some(revoked));
        tokens.push(Some(
            token(&store, owner, "expired", Some(now - 60), false).await,
        ));

        for case in [PRIVATE, PUBLISHED] {
            evidence(&actions, case).await;
        }
        let links = [
            links(&actions, &store, PRIVATE).await,
            links(&actions, &store, PUBLISHED).await,
        ];

        let mut fixture = Fixture {
            app,
            store,
            users,
            anonymous: String::new(),
            tokens,
            links,
            _dir: dir,
        };
        fixture.anonymous = fixture.visitor().await;
        fixture
    }

    /// An anonymous visitor's CSRF cookie, as the sign-in page sets it.
    async fn visitor(&self) -> String {
        let req = Request::get("/login").body(Body::empty()).unwrap();
        let res = self.app.clone().oneshot(req).await.unwrap();
        res.headers()
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find_map(|c| c.strip_prefix("accord_csrf="))
            .and_then(|c| c.split(';').next())
            .expect("an anonymous CSRF cookie")
            .to_owned()
    }

    /// The value of a path parameter of `pattern`, on `case`.
    fn value(&self, name: &str, pattern: &str, case: Case) -> String {
        let links = &self.links[case.index()];
        match name {
            "id" => case.id().to_owned(),
            "incident" => "party-dissolved".to_owned(),
            // Confirmed: readers outside the case may see it.
            "finding" => "f-dissolution".to_owned(),
            // Confirmed too.
            "observation" => "o-fpa-3-1-2030".to_owned(),
            "source" => "gazette-2030-02".to_owned(),
            "actor" => "freedonia".to_owned(),
            "mechanism" => "fpa-art-9".to_owned(),
            "instrument" => "FPA".to_owned(),
            "citation" => "FPA%20Art.%203(1)".to_owned(),
            "election" => "2029-parliament".to_owned(),
            "letter" => LETTER.to_owned(),
            "format" => "md".to_owned(),
            // A letter's version in another language.
            "lang" => "km".to_owned(),
            "evidence" => EVIDENCE.to_owned(),
            "position" => links.position.to_string(),
            "token" if pattern.starts_with("/withdraw/") => links.withdraw.clone(),
            "token" => links.sign.clone(),
            "*rest" => "v1/no-such-thing".to_owned(),
            other => panic!(
                "no value for the path parameter {{{other}}} of {pattern}: add one to Fixture::value"
            ),
        }
    }

    /// `pattern` with its parameters filled in.
    fn path(&self, pattern: &str, case: Case) -> String {
        let mut out = String::new();
        let mut rest = pattern;
        while let Some(open) = rest.find('{') {
            let close = rest[open..].find('}').expect("a closing brace") + open;
            out.push_str(&rest[..open]);
            out.push_str(&self.value(&rest[open + 1..close], pattern, case));
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
        out
    }

    /// The status a page row's request gets from the caller of column `who`, on `case`.
    async fn page(&self, r: &Row<7>, who: usize, case: Case) -> StatusCode {
        let (cookie, csrf) = match self.users[who] {
            Some(user) => self.session(user).await,
            None => (
                format!("accord_csrf={}", self.anonymous),
                self.anonymous.clone(),
            ),
        };
        let mut path = self.path(r.path, case);
        let mut req = Request::builder()
            .method(Method::from_bytes(r.method.as_bytes()).unwrap())
            .header(header::COOKIE, cookie);
        let body = match r.send {
            Payload::Nothing => Body::empty(),
            Payload::Form(fields) => {
                let mut form = form_urlencoded::Serializer::new(String::new());
                form.append_pair("csrf", &csrf);
                for (k, v) in fields {
                    form.append_pair(k, v);
                }
                req = req.header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
                Body::from(form.finish())
            }
            Payload::Upload => {
                path = format!("{path}?csrf={csrf}");
                req = req.header(
                    header::CONTENT_TYPE,
                    "multipart/form-data; boundary=matrix-boundary",
                );
                Body::from("--matrix-boundary--\r\n")
            }
            Payload::Json(_) => panic!("{} {}: pages take forms", r.method, r.path),
        };
        self.status(req.uri(path).body(body).unwrap()).await
    }

    /// The status an API row's request gets with the token of column `caller`, on `case`.
    async fn api(&self, r: &Row<10>, caller: usize, case: Case) -> StatusCode {
        let mut req = Request::builder()
            .method(Method::from_bytes(r.method.as_bytes()).unwrap())
            .uri(self.path(r.path, case));
        if let Some(token) = &self.tokens[caller] {
            req = req.header(header::AUTHORIZATION, format!("Bearer {token}"));
        }
        let body = match r.send {
            Payload::Nothing => Body::empty(),
            Payload::Json(json) => {
                req = req.header(header::CONTENT_TYPE, "application/json");
                Body::from(json)
            }
            Payload::Form(_) | Payload::Upload => {
                panic!("{} {}: the API takes JSON", r.method, r.path)
            }
        };
        self.status(req.body(body).unwrap()).await
    }

    async fn status(&self, req: Request<Body>) -> StatusCode {
        let res = self.app.clone().oneshot(req).await.unwrap();
        let status = res.status();
        // Read the whole answer, as a client would (a streamed download runs to its end).
        res.into_body().collect().await.unwrap();
        status
    }

    /// A new session of `user`: its cookie and CSRF token (each cell has its own, so that signing
    /// out in one cell changes no other).
    async fn session(&self, user: i64) -> (String, String) {
        let token = secrets::token().unwrap();
        let csrf = secrets::token().unwrap();
        self.store
            .create_session(&NewSession {
                token_sha256: secrets::digest(&token),
                user_id: user,
                csrf: csrf.clone(),
                expires_unix: i64::MAX,
            })
            .await
            .unwrap();
        (format!("accord_session={token}"), csrf)
    }
}

fn now() -> i64 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    i64::try_from(secs).unwrap()
}

/// A new API token of `user`.
async fn token(
    store: &Arc<dyn Store>,
    user: i64,
    name: &str,
    expires_unix: Option<i64>,
    read_only: bool,
) -> String {
    let token = secrets::token().unwrap();
    store
        .add_api_token(
            user,
            &NewApiToken {
                name: name.to_owned(),
                token_sha256: secrets::digest(&token),
                expires_unix,
                read_only,
            },
            "test",
        )
        .await
        .unwrap();
    token
}

/// An evidence file on the incident the rows use.
async fn evidence(actions: &Actions, case: &str) {
    let mut body: &[u8] = b"what the matrix uploads";
    actions
        .add_evidence(
            case,
            NewEvidence {
                id: Some(EVIDENCE.to_owned()),
                file_name: "note.txt".to_owned(),
                incident: Some("party-dissolved".to_owned()),
                capture: Capture {
                    captured_at: Some("2030-02-01T10:00:00Z".to_owned()),
                    captured_by: Some("a researcher".to_owned()),
                    ..Capture::default()
                },
                // Published with the case: the rows prove reading it, not its sensitivity.
                sensitivity: accord_core::Sensitivity::Public,
                ..NewEvidence::default()
            },
            &mut body,
            1 << 20,
            "test",
        )
        .await
        .unwrap();
}

/// Two organisations invited to the case's letter: one left with its sign link open, one that
/// signed (its withdraw link open).
async fn links(actions: &Actions, store: &Arc<dyn Store>, case: &str) -> Links {
    let invite = |organisation: &'static str, token: &LinkToken| {
        let link = NewLink {
            token_sha256: token.sha256(),
            expires_unix: now() + 86_400,
        };
        async move {
            actions
                .invite_signatory(
                    case,
                    LETTER,
                    &NewInvitation {
                        organisation: organisation.to_owned(),
                        country: None,
                        contact: "matrix@example.org".to_owned(),
                        link,
                    },
                    "test",
                )
                .await
                .unwrap()
        }
    };
    let sign = LinkToken::generate().unwrap();
    let position = invite("Matrix Open Org", &sign).await;
    let signer = LinkToken::generate().unwrap();
    invite("Matrix Signed Org", &signer).await;
    let withdraw = LinkToken::generate().unwrap();
    let whole = store.load_case(case).await.unwrap().unwrap();
    let text = accord_letters::compose(&whole, LETTER).unwrap().signed_text;
    let outcome = actions
        .sign_letter(
            &signer.sha256(),
            &NewSignature {
                representative: "A. Signer".to_owned(),
                organisation: "Matrix Signed Org".to_owned(),
                url: None,
                text_sha256: text.sha256,
                withdraw_token_sha256: withdraw.sha256(),
            },
            now(),
        )
        .await
        .unwrap();
    assert!(matches!(outcome, LinkOutcome::Done(_)), "{outcome:?}");
    Links {
        sign: sign.as_str().to_owned(),
        position,
        withdraw: withdraw.as_str().to_owned(),
    }
}
