//! Translating records through the action layer on a real store: a translation is checked
//! against the case as stored, written as a logged version (`accord verify` stays clean), and
//! a translated incident is found by search in its new language, with each script's analysis
//! (French folded, Khmer segmented); bad input is refused naming the field and writes nothing.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

use std::path::PathBuf;
use std::sync::Arc;

use accord_actions::{ActionError, Actions, LogKeyConfig, NewTranslation};
use accord_core::bundle::{self, BundleFile};
use accord_core::translation::TextKind;
use accord_core::{Day, ValidCase};
use accord_search::{SearchIndex, SearchQuery};
use accord_store::{FsBlobStore, ImportMode, RecordKind};

const CASE: &str = "example-2030";

fn example() -> ValidCase {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/examples/minimal-case");
    let mut files = Vec::new();
    for rel in [
        "case.toml",
        "actors.toml",
        "sources.toml",
        "incidents.toml",
        "findings.toml",
        "mechanisms.toml",
        "instruments/FPA.toml",
        "letters/appeal-2030/letter.toml",
        "letters/appeal-2030/body.md",
    ] {
        files.push(BundleFile {
            path: rel.into(),
            contents: std::fs::read_to_string(root.join(rel)).unwrap(),
        });
    }
    bundle::read(&files).unwrap()
}

async fn world() -> (Actions, Arc<SearchIndex>, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let store = accord_store::testing::fresh_store(dir.path())
        .await
        .unwrap();
    let index = Arc::new(SearchIndex::in_memory().unwrap());
    let actions = Actions::new(
        store,
        Arc::new(FsBlobStore::open(dir.path().join("blobs")).unwrap()),
        Some(index.clone()),
        LogKeyConfig {
            path: dir.path().join("log.key"),
            name_if_new: Some("test.example/log".into()),
        },
    )
    .with_today(Day::parse("2030-12-01").unwrap());
    actions
        .import_bundle(&example(), ImportMode::New, "test")
        .await
        .unwrap();
    (actions, index, dir)
}

fn tr(kind: TextKind, id: &str, lang: &str, fields: &[(&str, &str)]) -> NewTranslation {
    NewTranslation {
        kind,
        id: id.into(),
        lang: lang.into(),
        fields: fields
            .iter()
            .map(|(f, t)| ((*f).to_owned(), (*t).to_owned()))
            .collect(),
        by: None,
    }
}

fn hits(index: &SearchIndex, text: &str) -> Vec<String> {
    index
        .search(&SearchQuery {
            text: text.into(),
            case_ids: vec![CASE.into()],
            limit: 10,
            ..SearchQuery::default()
        })
        .unwrap()
        .hits
        .into_iter()
        .map(|h| h.id)
        .collect()
}

#[tokio::test]
async fn a_translated_incident_is_kept_logged_and_found_in_its_new_language() {
    let (a, index, _dir) = world().await;
    assert!(hits(&index, "dissous").is_empty());
    let record = a
        .translate(
            CASE,
            &tr(
                TextKind::Incident,
                "party-dissolved",
                "fr",
                &[
                    ("title", "Parti d’opposition dissous par arrêté ministériel"),
                    (
                        "summary",
                        "Le ministère de l’Intérieur a dissous le principal parti.",
                    ),
                ],
            ),
            "translator@example.org",
        )
        .await
        .unwrap();
    let fr = record.translation("fr").unwrap();
    assert_eq!(fr.by.as_deref(), Some("translator@example.org"));
    assert_eq!(fr.at, Some(Day::parse("2030-12-01").unwrap()));
    // Found by its French words, accents or not, and still by its English ones.
    let want = vec![format!("{CASE}/party-dissolved")];
    assert_eq!(hits(&index, "arrêté ministériel"), want);
    assert_eq!(hits(&index, "arrete ministeriel"), want);
    assert_eq!(hits(&index, "opposition"), want);
    assert_eq!(hits(&index, "decree"), want);

    // A Khmer title: found by a Khmer word inside it (no spaces in Khmer).
    a.translate(
        CASE,
        &tr(
            TextKind::Incident,
            "party-dissolved",
            "km",
            &[("title", "គណបក្សប្រឆាំងត្រូវបានរំលាយដោយប្រកាសរបស់ក្រសួង")],
        ),
        "translator@example.org",
    )
    .await
    .unwrap();
    assert_eq!(hits(&index, "រំលាយ"), want);
    assert_eq!(hits(&index, "គណបក្សប្រឆាំង"), want);
    // The French translation is still there.
    assert_eq!(hits(&index, "dissous"), want);

    let case = a.store().load_case(CASE).await.unwrap().unwrap();
    assert_eq!(case.translations.len(), 1);
    assert_eq!(case.translations[0].translations.len(), 2);
    let versions = a
        .store()
        .history(CASE, RecordKind::Translation, "incident/party-dissolved")
        .await
        .unwrap();
    assert_eq!(versions.len(), 2);
    let report = a.verify(&|_| {}).await.unwrap();
    assert!(report.ok, "{:?}", report.problems);

    // Other kinds: a provision's text (its id is its citation), the case's title.
    a.translate(
        CASE,
        &tr(
            TextKind::Provision,
            "FPA Art. 3(1)",
            "km",
            &[("text", "សេរីភាពនៃការបង្កើតសមាគម")],
        ),
        "t",
    )
    .await
    .unwrap();
    a.translate(
        CASE,
        &tr(TextKind::Case, CASE, "fr", &[("title", "Freedonia 2030")]),
        "t",
    )
    .await
    .unwrap();
    let case = a.store().load_case(CASE).await.unwrap().unwrap();
    assert_eq!(case.translations.len(), 3);
}

#[tokio::test]
async fn bad_translations_are_refused_naming_the_field_and_nothing_is_written() {
    let (a, _index, _dir) = world().await;
    let refused = |r: Result<accord_core::RecordLanguages, ActionError>| match r {
        Err(ActionError::Invalid { field, message }) => (field, message),
        other => panic!("expected a refusal, got {other:?}"),
    };
    let inc = |lang: &str, fields: &[(&str, &str)]| {
        tr(TextKind::Incident, "party-dissolved", lang, fields)
    };
    let (field, message) = refused(a.translate(CASE, &inc("fr", &[("title", "  ")]), "t").await);
    assert_eq!(
        (field.as_str(), message.as_str()),
        ("fields.title", "must not be empty")
    );
    let (field, message) = refused(
        a.translate(CASE, &inc("français", &[("title", "x")]), "t")
            .await,
    );
    assert_eq!(field, "lang");
    assert!(message.contains("not a language tag"), "{message}");
    let (field, message) = refused(a.translate(CASE, &inc("en", &[("title", "x")]), "t").await);
    assert_eq!(field, "lang");
    assert!(message.contains("original language"), "{message}");
    let (field, _) = refused(a.translate(CASE, &inc("fr", &[("name", "x")]), "t").await);
    assert_eq!(field, "fields.name");
    let (field, _) = refused(a.translate(CASE, &inc("fr", &[]), "t").await);
    assert_eq!(field, "fields");
    let missing = a
        .translate(
            CASE,
            &tr(TextKind::Incident, "no-such", "fr", &[("title", "x")]),
            "t",
        )
        .await;
    assert!(
        matches!(missing, Err(ActionError::NotFound { .. })),
        "{missing:?}"
    );
    let case = a.store().load_case(CASE).await.unwrap().unwrap();
    assert!(case.translations.is_empty());
}

/// Removing a translation (issue 16 §2): a new logged version, the incident re-indexed so search
/// no longer finds it by the removed words; a translation that does not exist is `NotFound`.
/// Setting an original language: refused naming `lang` for an unknown language or one the record
/// has a translation into; the case's language refused while a record has a translation into it.
#[tokio::test]
async fn a_removed_translation_leaves_search_and_original_languages_are_checked() {
    use accord_actions::RecordRef;
    let (a, index, _dir) = world().await;
    let incident = RecordRef {
        kind: TextKind::Incident,
        id: "party-dissolved".into(),
    };
    a.translate(
        CASE,
        &tr(
            TextKind::Incident,
            "party-dissolved",
            "fr",
            &[("title", "Parti d’opposition dissous")],
        ),
        "t",
    )
    .await
    .unwrap();
    let want = vec![format!("{CASE}/party-dissolved")];
    assert_eq!(hits(&index, "dissous"), want);
    assert!(matches!(
        a.remove_translation(CASE, &incident, "km", "t").await,
        Err(ActionError::NotFound { .. })
    ));
    let after = a
        .remove_translation(CASE, &incident, "fr", "remover")
        .await
        .unwrap();
    assert!(after.translations.is_empty());
    assert!(hits(&index, "dissous").is_empty());
    let versions = a
        .history(CASE, RecordKind::Translation, "incident/party-dissolved")
        .await
        .unwrap();
    assert_eq!(versions.len(), 2);
    assert_eq!(versions[1].actor, "remover");
    // The record left without languages is no longer kept, and the log still verifies.
    let report = a.verify(&|_| {}).await.unwrap();
    assert!(report.ok, "{:?}", report.problems);

    for (lang, says) in [
        ("xx", "not a known language"),
        ("fr CA", "not a language tag"),
    ] {
        match a.set_original_language(CASE, &incident, lang, "t").await {
            Err(ActionError::Invalid { field, message }) => {
                assert_eq!(field, "lang");
                assert!(message.contains(says), "{message}");
            }
            other => panic!("{lang}: {other:?}"),
        }
    }
    a.translate(
        CASE,
        &tr(TextKind::Actor, "freedonia", "km", &[("name", "ហ្វ្រីដូនៀ")]),
        "t",
    )
    .await
    .unwrap();
    let actor = RecordRef {
        kind: TextKind::Actor,
        id: "freedonia".into(),
    };
    assert!(matches!(
        a.set_original_language(CASE, &actor, "km", "t").await,
        Err(ActionError::Invalid { .. })
    ));
    let case = RecordRef {
        kind: TextKind::Case,
        id: CASE.into(),
    };
    assert!(matches!(
        a.set_original_language(CASE, &case, "km", "t").await,
        Err(ActionError::Invalid { .. })
    ));
    assert_eq!(
        a.set_original_language(CASE, &actor, "fr", "t")
            .await
            .unwrap(),
        "fr"
    );
    assert_eq!(
        a.set_original_language(CASE, &case, "de", "owner")
            .await
            .unwrap(),
        "de"
    );
    let stored = a.store().load_case(CASE).await.unwrap().unwrap();
    assert_eq!(stored.language.as_deref(), Some("de"));
    let actor_langs = stored
        .translations
        .iter()
        .find(|r| r.kind == TextKind::Actor)
        .unwrap();
    assert_eq!(actor_langs.original.as_deref(), Some("fr"));
    let report = a.verify(&|_| {}).await.unwrap();
    assert!(report.ok, "{:?}", report.problems);
}

/// A source nothing cites is translated as any other (the case the checks read holds only the
/// cited sources; another is read by id).
#[tokio::test]
async fn a_source_nothing_cites_is_translated() {
    let (a, _index, _dir) = world().await;
    a.add_source(
        CASE,
        accord_core::Source {
            id: "uncited-report".into(),
            title: "A report nobody cites yet".into(),
            ..accord_core::Source::default()
        },
        "editor@example.org",
    )
    .await
    .unwrap();
    let langs = a
        .translate(
            CASE,
            &tr(
                TextKind::Source,
                "uncited-report",
                "km",
                &[("title", "របាយការណ៍")],
            ),
            "editor@example.org",
        )
        .await
        .unwrap();
    assert_eq!(langs.id, "uncited-report");
    assert_eq!(langs.translations.len(), 1);
    assert_eq!(langs.translations[0].lang, "km");
}
