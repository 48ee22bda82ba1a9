//! The coordinator's compose page: a letter's fields and body template, with a preview of the
//! letter as it will print. Without JavaScript, "Preview" re-renders the page with the preview;
//! with htmx, the preview follows the typing. "Save" stores the letter only if the case with it
//! validates and its body composes (a template error is shown with its line).

use accord_core::validate::is_id;
use accord_core::{Addressee, Day, Letter, Named, SignatoryOrder, SignatureState, ValidCase};
use accord_letters::{Composed, compose_letter, render_html_fragment};
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use minijinja::{Value, context};

use super::{letter, load_case};
use crate::access::CaseAccess;
use crate::auth::Viewer;
use crate::forms::Fields;
use crate::routes::{see_other, with_case};
use crate::{AppError, AppState};

/// The form's fields as typed, so a refused form comes back as it was.
#[derive(Debug, Default)]
struct Values {
    id: String,
    title: String,
    date: String,
    place: String,
    language: String,
    closing: String,
    order: String,
    /// One addressee per line: `name | title | organisation | role`.
    addressees: String,
    /// One entry per line.
    cc: String,
    body: String,
}

impl Values {
    fn of(l: &Letter) -> Values {
        Values {
            id: l.id.clone(),
            title: l.title.clone(),
            date: l.date.to_string(),
            place: l.place.clone().unwrap_or_default(),
            language: l.language.clone(),
            closing: l.closing.clone().unwrap_or_default(),
            order: l.signatory_order.as_str().to_owned(),
            addressees: l
                .addressees
                .iter()
                .map(|a| {
                    let parts = [
                        Some(a.name.as_str()),
                        a.title.as_deref(),
                        a.organisation.as_deref(),
                        a.role.as_deref(),
                    ];
                    let mut parts: Vec<&str> = parts.iter().map(|p| p.unwrap_or("")).collect();
                    while parts.len() > 1 && parts.last() == Some(&"") {
                        parts.pop();
                    }
                    parts.join(" | ")
                })
                .collect::<Vec<_>>()
                .join("\n"),
            cc: l.cc.join("\n"),
            body: l.body.clone(),
        }
    }

    fn from_form(f: &Fields) -> Values {
        let get = |k: &str| f.get(k).unwrap_or("").to_owned();
        Values {
            id: get("id"),
            title: get("title"),
            date: get("date"),
            place: get("place"),
            language: get("language"),
            closing: get("closing"),
            order: get("signatory_order"),
            addressees: f.text("addressees").unwrap_or("").to_owned(),
            cc: f.text("cc").unwrap_or("").to_owned(),
            // The body is Markdown: leading spaces and blank lines mean something.
            body: f.text("body").unwrap_or("").replace("\r\n", "\n"),
        }
    }

    fn ctx(&self) -> Value {
        context! {
            id => &self.id, title => &self.title, date => &self.date, place => &self.place,
            language => &self.language, closing => &self.closing, order => &self.order,
            addressees => &self.addressees, cc => &self.cc, body => &self.body,
        }
    }
}

type Errors = Vec<(&'static str, String)>;

/// The letter the form describes, keeping what the form does not edit (coordinator,
/// signatories) from `base`.
fn letter_from(v: &Values, base: Option<&Letter>, errors: &mut Errors) -> Option<Letter> {
    let date = Day::parse(&v.date)
        .map_err(|e| errors.push(("date", e.to_string())))
        .ok();
    let order = if v.order.is_empty() {
        Some(SignatoryOrder::Alphabetical)
    } else {
        SignatoryOrder::from_name(&v.order)
            .map_err(|e| errors.push(("signatory_order", e.to_string())))
            .ok()
    };
    if v.title.is_empty() {
        errors.push(("title", "a letter needs a title".to_owned()));
    }
    if v.language.is_empty() {
        errors.push(("language", "a language tag such as en or km".to_owned()));
    }
    let mut addressees = Vec::new();
    for (i, line) in v.addressees.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let mut parts = line.split('|').map(str::trim);
        let name = parts.next().unwrap_or("").to_owned();
        if name.is_empty() {
            errors.push((
                "addressees",
                format!("line {}: the name comes first", i + 1),
            ));
        }
        let mut next = || parts.next().filter(|p| !p.is_empty()).map(str::to_owned);
        let (title, organisation, role) = (next(), next(), next());
        let actor = base.and_then(|b| {
            b.addressees
                .iter()
                .find(|a| a.name == name)
                .and_then(|a| a.actor.clone())
        });
        addressees.push(Addressee {
            name,
            title,
            organisation,
            role,
            actor,
        });
    }
    let opt = |s: &str| Some(s.to_owned()).filter(|s| !s.is_empty());
    Some(Letter {
        id: v.id.clone(),
        title: v.title.clone(),
        date: date?,
        place: opt(&v.place),
        language: v.language.clone(),
        coordinator: base.and_then(|b| b.coordinator.clone()),
        body: v.body.clone(),
        closing: opt(&v.closing),
        signatory_order: order?,
        addressees,
        cc: v
            .cc
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect(),
        signatories: base.map(|b| b.signatories.clone()).unwrap_or_default(),
        // Editing the original keeps the letter's language versions.
        versions: base.map(|b| b.versions.clone()).unwrap_or_default(),
    })
}

/// Checks the letter against the case (the core's validation) and composes it.
fn check(case: &ValidCase, letter: &Letter, errors: &mut Errors) -> Option<Composed> {
    let mut draft = case.case().clone();
    match draft.letters.iter_mut().find(|l| l.id == letter.id) {
        Some(l) => *l = letter.clone(),
        None => draft.letters.push(letter.clone()),
    }
    if let Err(problems) = accord_core::validate(draft) {
        for p in problems.0 {
            if matches!(p.entity, accord_core::validate::Entity::Letter(_)) {
                errors.push(("letter", format!("{}: {}", p.field, p.message)));
            }
        }
        if errors.is_empty() {
            errors.push((
                "letter",
                "the case would not be valid with this letter".to_owned(),
            ));
        }
    }
    match compose_letter(case, letter) {
        Ok(c) => Some(c),
        Err(e) => {
            errors.push(("body", e.to_string()));
            None
        }
    }
}

struct Page<'a> {
    access: &'a CaseAccess,
    /// `None` for a new letter.
    letter_id: Option<&'a str>,
    values: &'a Values,
    errors: &'a Errors,
    preview: Option<&'a Composed>,
    /// The stored letter's current text hash, to warn about signatures a change would outdate.
    stored_sha256: Option<String>,
    stored: Option<&'a Letter>,
}

fn render(state: &AppState, viewer: &Viewer, p: &Page<'_>) -> Result<Response, AppError> {
    let outdated = match (p.preview, &p.stored_sha256, p.stored) {
        (Some(c), Some(old), Some(l)) if c.signed_text.sha256 != *old => l
            .signatories
            .iter()
            .filter(|s| {
                // Without a recorded hash, a signature is pinned to the stored text on save.
                matches!(s.state, SignatureState::Signed | SignatureState::Verified)
                    && s.signed_text_sha256.as_deref().is_none_or(|h| h == old)
            })
            .count(),
        _ => 0,
    };
    let action = match p.letter_id {
        Some(l) => format!("/cases/{}/letters/{l}/edit", p.access.case.id),
        None => format!("/cases/{}/letters", p.access.case.id),
    };
    let ctx = context! {
        title => state.text(viewer.lang, if p.letter_id.is_some() { "compose-edit" } else { "letters-new" }),
        letter_id => p.letter_id,
        action,
        v => p.values.ctx(),
        errors => p.errors.iter().map(|(f, m)| context! { field => *f, message => m }).collect::<Vec<_>>(),
        preview => p.preview.map(|c| Value::from_safe_string(render_html_fragment(&c.document))),
        sha256 => p.preview.map(|c| c.signed_text.sha256.clone()),
        outdated,
        // The letter's other languages, each marked when the original changed since it was
        // translated (edited one at a time on the versions page).
        versions => p.stored.map(|l| l.versions.iter().map(|v| context! {
            tag => &v.lang, out_of_date => v.is_out_of_date(l),
        }).collect::<Vec<_>>()).unwrap_or_default(),
    };
    let mut r = state
        .page(viewer, "letters/compose.html", with_case(p.access, ctx))?
        .into_response();
    if !p.errors.is_empty() {
        *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(r)
}

pub(crate) async fn new_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    access.require_manage(&viewer)?;
    let values = Values {
        language: "en".to_owned(),
        order: SignatoryOrder::Alphabetical.as_str().to_owned(),
        ..Values::default()
    };
    render(
        &state,
        &viewer,
        &Page {
            access: &access,
            letter_id: None,
            values: &values,
            errors: &Vec::new(),
            preview: None,
            stored_sha256: None,
            stored: None,
        },
    )
}

pub(crate) async fn edit_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, letter_id)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    access.require_manage(&viewer)?;
    let case = load_case(&state, &id).await?;
    let stored = letter(&case, &letter_id)?;
    let mut errors = Vec::new();
    // A stored letter whose body no longer composes opens with the error shown.
    let preview = check(&case, stored, &mut errors);
    render(
        &state,
        &viewer,
        &Page {
            access: &access,
            letter_id: Some(&letter_id),
            values: &Values::of(stored),
            errors: &errors,
            preview: preview.as_ref(),
            stored_sha256: preview.as_ref().map(|c| c.signed_text.sha256.clone()),
            stored: Some(stored),
        },
    )
}

/// Save (or preview) an existing letter.
pub(crate) async fn save(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, letter_id)): Path<(String, String)>,
    body: Bytes,
) -> Result<Response, AppError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    access.require_manage(&viewer)?;
    let case = load_case(&state, &id).await?;
    let stored = letter(&case, &letter_id)?;
    let f = Fields::from_body(&body);
    let mut values = Values::from_form(&f);
    // The id of an existing letter is its URL; the form cannot rename it.
    values.id.clone_from(&letter_id);
    let stored_sha256 = accord_letters::compose(&case, &letter_id)
        .ok()
        .map(|c| c.signed_text.sha256);
    submit(
        &state,
        &viewer,
        &access,
        &case,
        &values,
        Some(stored),
        stored_sha256,
        &f,
    )
    .await
}

/// Create (or preview) a new letter.
pub(crate) async fn create(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, AppError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    access.require_manage(&viewer)?;
    let case = load_case(&state, &id).await?;
    let f = Fields::from_body(&body);
    let values = Values::from_form(&f);
    submit(&state, &viewer, &access, &case, &values, None, None, &f).await
}

#[expect(
    clippy::too_many_arguments,
    reason = "one call site per route; a struct would only rename the same arguments"
)]
async fn submit(
    state: &AppState,
    viewer: &Viewer,
    access: &CaseAccess,
    case: &ValidCase,
    values: &Values,
    stored: Option<&Letter>,
    stored_sha256: Option<String>,
    f: &Fields,
) -> Result<Response, AppError> {
    let mut errors = Vec::new();
    if stored.is_none() {
        if !is_id(&values.id) {
            errors.push((
                "id",
                "1-100 ASCII letters, digits, '.', '_' or '-', starting with a letter or digit"
                    .to_owned(),
            ));
        } else if case.letter(&values.id).is_some() {
            errors.push((
                "id",
                format!("the case already has a letter {:?}", values.id),
            ));
        }
    }
    let letter = letter_from(values, stored, &mut errors);
    let preview = letter.as_ref().and_then(|l| check(case, l, &mut errors));
    let page = Page {
        access,
        letter_id: stored.map(|l| l.id.as_str()),
        values,
        errors: &errors,
        preview: preview.as_ref(),
        stored_sha256,
        stored,
    };
    if f.get("action") == Some("preview") || !errors.is_empty() {
        return render(state, viewer, &page);
    }
    let Some(letter) = letter else {
        return render(state, viewer, &page);
    };
    state
        .actions
        .save_letter(
            &case.id,
            &letter,
            page.stored_sha256.as_deref(),
            &viewer.audit_name(),
        )
        .await?;
    Ok(see_other(&format!(
        "/cases/{}/letters/{}",
        case.id, letter.id
    )))
}
