//! Incident pages and the incident form (create and edit), with its sources.

use accord_actions::ActionError;
use accord_core::translation::{TextKind, Translations};
use accord_core::{ActorRole, DateSpec, Incident, IncidentKind, Named, Role, Source};
use accord_store::{CaseRefs, SaveOutcome};
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use minijinja::{Value, context};

use crate::access::CaseAccess;
use crate::auth::Viewer;
use crate::disclosure::Disclosure;
use crate::forms::Fields;
use crate::routes::cases::finding_chain;
use crate::routes::table::{Routes, get, post};
use crate::routes::{evidence, history, see_other, with_case};
use crate::visibility::Visibility;
use crate::{AppError, AppState, secrets};

pub(crate) fn router() -> Routes {
    Routes::new()
        .route("/cases/{id}/incidents/new", get(new_form))
        .route("/cases/{id}/incidents", post(create))
        .route("/cases/{id}/incidents/{incident}", get(show).post(update))
        .route("/cases/{id}/incidents/{incident}/edit", get(edit_form))
}

async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, incident)): Path<(String, String)>,
    RawQuery(q): RawQuery,
) -> Result<Response, AppError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    // An incident this reader may not see does not exist for them.
    let vis = Visibility::load(&state, &access).await?;
    let inc = state
        .store
        .incidents(&id, std::slice::from_ref(&incident))
        .await?
        .pop()
        .and_then(|i| vis.incident(&i))
        .ok_or(AppError::NotFound)?;
    let snap = crate::case_cache::snapshot(&state, &access.case).await?;
    let case = &vis.case(&snap.case)?;
    // A reader outside the case sees confirmed findings only, their people as they chose.
    let disclosure = Disclosure::load(&state, &access).await?;
    let stored: Vec<accord_core::Finding> = state
        .store
        .findings_of_incident(&id, &incident)
        .await?
        .into_iter()
        .map(|mut f| {
            f.incidents.retain(|i| vis.sees_incident(i));
            f
        })
        .collect();
    let stored_findings: Vec<accord_core::Finding> = disclosure.findings(&stored).collect();
    // A confirmed finding whose incident changed since says so, on its card.
    let changed =
        history::changes_since_confirmation(&state, &id, &incident, &stored_findings).await?;
    let findings: Vec<Value> = stored_findings
        .iter()
        .map(|f| {
            let since = changed
                .iter()
                .find(|(fid, _)| *fid == f.id)
                .map(|(_, c)| c.clone());
            minijinja::value::merge_maps([
                finding_chain(case, f),
                context! { changed_since_confirmed => since },
            ])
        })
        .collect();
    let evidence: Vec<Value> = state
        .store
        .evidence_of_incident(&id, &incident)
        .await?
        .iter()
        .filter(|e| vis.sees_evidence(e))
        .map(|e| evidence::item(&state, viewer.lang, &disclosure.evidence(e)))
        .collect();
    let refs = crate::case_cache::refs(&state, &access.case).await?;
    // Each source as cited (its original title), with its title in the reader's language beside
    // it where translated; it links to the source's page. Read by id: the cached case holds only
    // the sources of the incidents behind findings.
    let cited = vis.sources(&state, &id, &inc.sources).await?;
    let cited_languages = crate::case_cache::record_languages(
        &state,
        &access.case,
        TextKind::Source,
        cited.iter().map(|s| s.id.clone()).collect(),
    )
    .await?;
    let case_tr = Translations::new(case.language.as_deref(), cited_languages.iter());
    let sources: Vec<Value> = cited
        .iter()
        .map(|s| {
            let l = case_tr.localize(TextKind::Source, &s.id, "title", &s.title, viewer.lang.tag());
            let translated = (!l.original && l.text != s.title)
                .then(|| context! { lang => l.lang, text => l.text, out_of_date => l.out_of_date });
            context! { id => &s.id, text => s.citation_text(), url => super::link(s.url.as_deref()), translated }
        })
        .collect();
    let actors: Vec<Value> = inc
        .actors
        .iter()
        .map(|a| {
            let name = refs
                .actors
                .iter()
                .find(|(i, _)| *i == a.actor)
                .map_or(a.actor.clone(), |(_, n)| n.clone());
            context! { id => &a.actor, name, role => a.role.as_str() }
        })
        .collect();
    let notice = Fields::from_query(q.as_deref())
        .get("saved")
        .map(|_| state.text(viewer.lang, "incident-saved"));
    // The incident in the reader's language where it is translated, else the original, marked.
    let own = state
        .store
        .record_languages(&id, TextKind::Incident, std::slice::from_ref(&incident))
        .await?;
    let tr = Translations::new(case.language.as_deref(), own.iter());
    let field = |name: &str, text: &str| {
        super::translations::shown(&tr, TextKind::Incident, &inc.id, name, text, viewer.lang)
    };
    let shown = context! {
        title => field("title", &inc.title),
        summary => inc.summary.as_deref().map(|s| field("summary", s)),
        place => inc.place.as_deref().map(|p| field("place", p)),
    };
    let translate = access.can_edit().then(|| {
        super::translations::form(
            &tr,
            TextKind::Incident,
            &inc.id,
            &[
                Some(&inc.title),
                inc.summary.as_deref(),
                inc.place.as_deref(),
            ],
            viewer.lang,
            &format!("/cases/{id}/incidents/{incident}"),
        )
    });
    let ctx = context! {
        title => tr.localize(TextKind::Incident, &inc.id, "title", &inc.title, viewer.lang.tag()).text,
        shown,
        translate,
        notice,
        findings,
        evidence,
        upload_limit => evidence::human_size_in(&state, viewer.lang, state.config.upload_limit),
        i => context! {
            id => &inc.id, title => &inc.title, date => viewer.lang.date(inc.date), precision => inc.date.precision(),
            kind => inc.kind.as_str(), place => &inc.place, summary => &inc.summary,
            themes => &inc.themes, actors, sources,
            // Files named by hash only (typed in before files could be uploaded).
            evidence => inc.evidence.iter().map(|e| context! { name => &e.name, sha256 => &e.sha256 }).collect::<Vec<_>>(),
        },
    };
    Ok(state
        .page(&viewer, "incident.html", with_case(&access, ctx))?
        .into_response())
}

/// The form's values, as typed (so a refused form comes back as the user left it).
#[derive(Debug, Default)]
struct FormValues {
    title: String,
    date: String,
    kind: String,
    place: String,
    summary: String,
    themes: String,
    actors: Vec<(String, String)>,
    sources: Vec<String>,
    new_source: [String; 5],
}

impl FormValues {
    fn from_incident(i: &Incident) -> FormValues {
        FormValues {
            title: i.title.clone(),
            date: i.date.to_string(),
            kind: i.kind.as_str().to_owned(),
            place: i.place.clone().unwrap_or_default(),
            summary: i.summary.clone().unwrap_or_default(),
            themes: i.themes.join(", "),
            actors: i
                .actors
                .iter()
                .map(|a| (a.actor.clone(), a.role.as_str().to_owned()))
                .collect(),
            sources: i.sources.clone(),
            new_source: Default::default(),
        }
    }

    fn from_fields(f: &Fields) -> FormValues {
        let actors = f.all_raw("actor");
        let roles = f.all_raw("role");
        FormValues {
            title: f.get("title").unwrap_or("").to_owned(),
            date: f.get("date").unwrap_or("").to_owned(),
            kind: f.get("kind").unwrap_or("").to_owned(),
            place: f.get("place").unwrap_or("").to_owned(),
            summary: f.text("summary").unwrap_or("").trim().to_owned(),
            themes: f.get("themes").unwrap_or("").to_owned(),
            actors: actors
                .into_iter()
                .zip(roles.into_iter().chain(std::iter::repeat(String::new())))
                .filter(|(a, _)| !a.trim().is_empty())
                .collect(),
            sources: chosen_sources(f),
            new_source: [
                "new_source_title",
                "new_source_authors",
                "new_source_publisher",
                "new_source_date",
                "new_source_url",
            ]
            .map(|n| f.get(n).unwrap_or("").to_owned()),
        }
    }

    fn to_value(&self) -> Value {
        let mut rows: Vec<Value> = self
            .actors
            .iter()
            .map(|(a, r)| context! { actor => a, role => r })
            .collect();
        // Two empty rows to add actors without JavaScript.
        for _ in 0..2 {
            rows.push(context! { actor => "", role => "perpetrator" });
        }
        context! {
            title => &self.title, date => &self.date, kind => &self.kind, place => &self.place,
            summary => &self.summary, themes => &self.themes, actor_rows => rows, sources => &self.sources,
            new_source_title => &self.new_source[0], new_source_authors => &self.new_source[1],
            new_source_publisher => &self.new_source[2], new_source_date => &self.new_source[3],
            new_source_url => &self.new_source[4],
        }
    }
}

/// The sources picked in the list and those named by id (`source_ids`, comma- or
/// space-separated), each once, in that order.
fn chosen_sources(f: &Fields) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let typed = f.get("source_ids").unwrap_or("");
    let named = typed
        .split([',', ' ', '\n', '\t'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned);
    for id in f.all("source").into_iter().chain(named) {
        if !out.contains(&id) {
            out.push(id);
        }
    }
    out
}

/// The sources the form lists to pick from: the chosen ones that are not among the newest (read
/// by id, so that a source chosen by id stays chosen when the form comes back with an error),
/// then the newest (`CaseRefs::recent_sources`). Others are named by id: a list of tens of
/// thousands would make the form megabytes long.
async fn source_choices(
    state: &AppState,
    vis: &Visibility,
    case_id: &str,
    recent: &[(String, String)],
    chosen: &[String],
) -> Result<Vec<(String, String)>, AppError> {
    let older: Vec<String> = chosen
        .iter()
        .filter(|c| !recent.iter().any(|(id, _)| id == *c))
        .cloned()
        .collect();
    let mut choices: Vec<(String, String)> = vis
        .sources(state, case_id, &older)
        .await?
        .into_iter()
        .map(|s| (s.id, s.title))
        .collect();
    choices.extend(recent.iter().cloned());
    Ok(choices)
}

/// One problem in the form: which field (its element id), its label (a catalog message), what
/// is wrong.
struct FieldError {
    field: &'static str,
    label: &'static str,
    message: String,
}

fn label_of(field: &str) -> (&'static str, &'static str) {
    match field.split(['[', '.']).next().unwrap_or("") {
        "title" => ("title", "form-title"),
        "date" => ("date", "form-date"),
        "kind" => ("kind", "form-kind"),
        "actors" => ("actor-1", "form-actors"),
        "sources" => ("sources", "form-sources"),
        "new_source_title" => ("new_source_title", "form-field-new-source-title"),
        "new_source_date" => ("new_source_date", "form-field-new-source-date"),
        // The incident has no address of its own: a refused URL is the new source's.
        "url" => ("new_source_url", "form-source-url"),
        _ => ("title", "form-field-form"),
    }
}

#[expect(
    clippy::too_many_arguments,
    reason = "a form page is all of these things"
)]
async fn form_page(
    state: &AppState,
    viewer: &Viewer,
    access: &CaseAccess,
    vis: &Visibility,
    refs: &CaseRefs,
    heading: &str,
    action: &str,
    values: &FormValues,
    errors: &[FieldError],
) -> Result<Response, AppError> {
    let sources = source_choices(
        state,
        vis,
        &access.case.id,
        &refs.recent_sources,
        &values.sources,
    )
    .await?;
    let sources_total = refs.source_count;
    // `heading` is a catalog message: the page is written in the reader's language.
    let heading = state.text(viewer.lang, heading);
    let ctx = context! {
        title => &heading, heading, action,
        v => values.to_value(),
        errors => errors.iter().map(|e| context! { field => e.field, label => state.text(viewer.lang, e.label), message => &e.message }).collect::<Vec<_>>(),
        kinds => IncidentKind::all().map(Named::as_str).collect::<Vec<_>>(),
        roles => Role::all().map(Named::as_str).collect::<Vec<_>>(),
        actors => &refs.actors,
        sources, sources_total,
        themes => &refs.themes,
    };
    let mut r = state
        .page(viewer, "incident_form.html", with_case(access, ctx))?
        .into_response();
    if !errors.is_empty() {
        *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(r)
}

async fn new_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    access.require_edit(&viewer)?;
    let vis = Visibility::load(&state, &access).await?;
    let refs = vis.refs(state.store.case_refs(&id).await?);
    let values = FormValues {
        kind: "other".into(),
        ..FormValues::default()
    };
    form_page(
        &state,
        &viewer,
        &access,
        &vis,
        &refs,
        "form-new-incident",
        &format!("/cases/{id}/incidents"),
        &values,
        &[],
    )
    .await
}

async fn edit_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, incident)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    access.require_edit(&viewer)?;
    let vis = Visibility::load(&state, &access).await?;
    let inc = state
        .store
        .incidents(&id, std::slice::from_ref(&incident))
        .await?
        .pop()
        .and_then(|i| vis.incident(&i))
        .ok_or(AppError::NotFound)?;
    let refs = vis.refs(state.store.case_refs(&id).await?);
    let action = format!("/cases/{id}/incidents/{incident}");
    form_page(
        &state,
        &viewer,
        &access,
        &vis,
        &refs,
        "form-edit-incident",
        &action,
        &FormValues::from_incident(&inc),
        &[],
    )
    .await
}

async fn create(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, AppError> {
    save(state, viewer, id, None, body).await
}

async fn update(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, incident)): Path<(String, String)>,
    body: Bytes,
) -> Result<Response, AppError> {
    save(state, viewer, id, Some(incident), body).await
}

fn new_id(title: &str) -> Result<String, AppError> {
    secrets::record_id(title, "incident").map_err(|e| AppError::Internal(e.to_string()))
}

async fn save(
    state: AppState,
    viewer: Viewer,
    id: String,
    existing: Option<String>,
    body: Bytes,
) -> Result<Response, AppError> {
    let access = CaseAccess::load(&state, &viewer, &id).await?;
    access.require_edit(&viewer)?;
    let vis = Visibility::load(&state, &access).await?;
    // The form edits neither the incident's files nor who may see it: an edit keeps what the
    // incident had, a new incident is for the members of the case. An incident this editor may
    // not see does not exist for them.
    let prior = match &existing {
        Some(i) => Some(
            state
                .store
                .incidents(&id, std::slice::from_ref(i))
                .await?
                .pop()
                .filter(|i| vis.sees_incident(&i.id))
                .ok_or(AppError::NotFound)?,
        ),
        None => None,
    };
    let fields = Fields::from_body(&body);
    let values = FormValues::from_fields(&fields);
    let refs = vis.refs(state.store.case_refs(&id).await?);
    let (heading, action) = match &existing {
        Some(inc) => ("form-edit-incident", format!("/cases/{id}/incidents/{inc}")),
        None => ("form-new-incident", format!("/cases/{id}/incidents")),
    };

    let mut errors = Vec::new();
    let mut err = |field: &str, message: String| {
        let (f, l) = label_of(field);
        errors.push(FieldError {
            field: f,
            label: l,
            message,
        });
    };
    if values.title.is_empty() {
        err("title", state.text(viewer.lang, "form-required"));
    }
    let date = match values.date.parse::<DateSpec>() {
        Ok(d) => Some(d),
        Err(e) => {
            err(
                "date",
                crate::refusals::beside_field(&state.say(viewer.lang), &e.to_string()),
            );
            None
        }
    };
    let kind = match IncidentKind::from_name(&values.kind) {
        Ok(k) => Some(k),
        Err(e) => {
            err("kind", e.to_string());
            None
        }
    };
    let mut actors = Vec::new();
    for (a, r) in &values.actors {
        match Role::from_name(r) {
            Ok(role) => actors.push(ActorRole {
                actor: a.clone(),
                role,
            }),
            Err(e) => err("actors", e.to_string()),
        }
    }
    // A new source, when its title is given.
    let new_source = if values.new_source[0].is_empty() {
        None
    } else {
        let date = (!values.new_source[3].is_empty())
            .then(|| values.new_source[3].parse::<DateSpec>())
            .transpose()
            .unwrap_or_else(|e| {
                err("new_source_date", e.to_string());
                None
            });
        Some(Source {
            id: new_id(&values.new_source[0])?,
            authors: values.new_source[1]
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect(),
            title: values.new_source[0].clone(),
            publisher: Some(values.new_source[2].clone()).filter(|s| !s.is_empty()),
            date,
            url: Some(values.new_source[4].clone()).filter(|s| !s.is_empty()),
            accessed: None,
            note: None,
            sensitivity: accord_core::Sensitivity::Case,
            restricted_to: Vec::new(),
        })
    };
    let mut sources = values.sources.clone();
    if let Some(s) = &new_source {
        sources.push(s.id.clone());
    }
    let incident = match (date, kind) {
        (Some(date), Some(kind)) if errors.is_empty() => Some(Incident {
            id: match &existing {
                Some(i) => i.clone(),
                None => new_id(&values.title)?,
            },
            date,
            title: values.title.clone(),
            kind,
            summary: Some(values.summary.clone()).filter(|s| !s.is_empty()),
            place: Some(values.place.clone()).filter(|s| !s.is_empty()),
            themes: values
                .themes
                .split(',')
                .map(|t| t.trim().to_lowercase().replace(' ', "_"))
                .filter(|t| !t.is_empty())
                .collect(),
            sources,
            actors,
            evidence: prior
                .as_ref()
                .map(|i| i.evidence.clone())
                .unwrap_or_default(),
            sensitivity: prior.as_ref().map(|i| i.sensitivity).unwrap_or_default(),
            restricted_to: prior
                .as_ref()
                .map(|i| i.restricted_to.clone())
                .unwrap_or_default(),
        }),
        _ => None,
    };
    // Actors and sources this editor may not see were not on the form: they stay on the incident.
    let incident = incident.map(|mut i| {
        if let Some(p) = &prior {
            vis.keep_hidden_references(p, &mut i);
        }
        i
    });
    let Some(incident) = incident.filter(|_| errors.is_empty()) else {
        return form_page(
            &state, &viewer, &access, &vis, &refs, heading, &action, &values, &errors,
        )
        .await;
    };
    // The action checks the references against the store and writes the new source and the
    // incident in one transaction; a refusal comes back to the form, on its field.
    let incident_id = incident.id.clone();
    let outcome = match state
        .actions
        .save_incident(&id, incident, new_source, &viewer.audit_name())
        .await
    {
        Ok(outcome) => outcome,
        Err(ActionError::Invalid { field, message }) => {
            let (f, l) = label_of(&field);
            let errors = [FieldError {
                field: f,
                label: l,
                message: crate::refusals::beside_field(&state.say(viewer.lang), &message),
            }];
            return form_page(
                &state, &viewer, &access, &vis, &refs, heading, &action, &values, &errors,
            )
            .await;
        }
        Err(e) => return Err(e.into()),
    };
    tracing::info!(case = %id, incident = %incident_id, created = outcome == SaveOutcome::Created, "incident saved");
    Ok(see_other(&format!(
        "/cases/{id}/incidents/{incident_id}?saved=1"
    )))
}
