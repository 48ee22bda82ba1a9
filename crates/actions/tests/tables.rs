//! Table imports through the action layer on a real SQLite store: repeatable (a second import
//! adds nothing, a changed row is a new version), all or nothing by default, bad rows set aside
//! on request, a dry run writes nothing, and `accord verify` finds every version logged.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

use std::path::PathBuf;
use std::sync::Arc;

use accord_actions::{Actions, LogKeyConfig, TableImport, TableReport};
use accord_store::{FsBlobStore, RecordKind};
use accord_tables::{Format, Mapping, read};

struct World {
    actions: Actions,
    _dir: tempfile::TempDir,
}

async fn world() -> World {
    let dir = tempfile::tempdir().unwrap();
    let store = accord_store::testing::fresh_store(dir.path())
        .await
        .unwrap();
    let actions = Actions::new(
        store,
        Arc::new(FsBlobStore::open(dir.path().join("evidence")).unwrap()),
        None,
        LogKeyConfig {
            path: dir.path().join("log.key"),
            name_if_new: Some("test.example/log".into()),
        },
    );
    World { actions, _dir: dir }
}

fn example(name: &str) -> Vec<u8> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/examples/import");
    std::fs::read(root.join(name)).unwrap()
}

fn request(format: Format, case: &str) -> TableImport {
    TableImport {
        case: case.into(),
        title: Some("Imported".into()),
        format,
        mapping: None,
        dry_run: false,
        skip_bad: false,
    }
}

async fn import(w: &World, req: &TableImport, bytes: Vec<u8>) -> TableReport {
    let (headers, rows) = read::csv(std::io::Cursor::new(bytes)).unwrap();
    w.actions
        .import_table(req, headers, Box::new(rows), Arc::new(|_| {}), "tester")
        .await
        .unwrap()
}

#[tokio::test]
async fn acled_import_is_repeatable_and_a_changed_row_is_a_new_version() {
    let w = world().await;
    let req = request(Format::Acled, "acled");
    let first = import(&w, &req, example("acled.csv")).await;
    assert!(first.written && first.problems.is_empty(), "{first:?}");
    assert_eq!(first.counts.created.incidents, 4);
    assert_eq!(first.counts.created.sources, 3);
    assert_eq!(first.counts.created.actors, 8);
    let case = w.actions.store().load_case("acled").await.unwrap().unwrap();
    assert_eq!(case.title, "Imported");
    assert_eq!(case.incidents.len(), 4);
    let attack = case.incident("XKH1002").unwrap();
    assert!(attack.summary.as_deref().unwrap().contains("ដំណឹងពីសហជីព"));

    // The same file again: nothing created, nothing updated.
    let again = import(&w, &req, example("acled.csv")).await;
    assert_eq!(
        again.counts.created.total() + again.counts.updated.total(),
        0
    );
    assert_eq!(again.counts.unchanged, 15);

    // One row changed (fatalities 0 → 2): one incident updated, a second version kept.
    let changed = String::from_utf8(example("acled.csv"))
        .unwrap()
        .replace("land dispute.\",0,", "land dispute.\",2,");
    let third = import(&w, &req, changed.into_bytes()).await;
    assert_eq!(third.counts.updated.incidents, 1, "{third:?}");
    assert_eq!(third.counts.created.total(), 0);
    let history = w
        .actions
        .history("acled", RecordKind::Incident, "XKH1003")
        .await
        .unwrap();
    assert_eq!(history.len(), 2);
    assert!(
        history[1]
            .body
            .as_deref()
            .unwrap()
            .contains("fatalities: 2")
    );
    let case = w.actions.store().load_case("acled").await.unwrap().unwrap();
    assert_eq!(
        case.incidents.iter().position(|i| i.id == "XKH1003"),
        Some(2),
        "it keeps its place"
    );

    let report = w.actions.verify(&|_| {}).await.unwrap();
    assert!(report.ok, "{:?}", report.problems);
}

#[tokio::test]
async fn one_bad_row_and_nothing_is_written_unless_bad_rows_are_set_aside() {
    let w = world().await;
    let text = String::from_utf8(example("acled.csv"))
        .unwrap()
        .replace("5-May-20", "31-Feb-20");
    let req = request(Format::Acled, "acled");
    let refused = import(&w, &req, text.clone().into_bytes()).await;
    assert!(!refused.written);
    assert_eq!(refused.problems.len(), 1);
    assert_eq!(
        (
            refused.problems[0].row,
            refused.problems[0].column.as_str(),
            refused.problems[0].value.as_str()
        ),
        (3, "event_date", "31-Feb-20")
    );
    assert!(
        w.actions
            .store()
            .case_head("acled")
            .await
            .unwrap()
            .is_none(),
        "not even the case"
    );

    let skip = TableImport {
        skip_bad: true,
        ..req
    };
    let report = import(&w, &skip, text.into_bytes()).await;
    assert!(report.written);
    assert_eq!(report.counts.created.incidents, 3);
    assert_eq!(report.bad_rows.len(), 1);
    assert_eq!(report.bad_rows[0].row, 3);
    assert_eq!(report.bad_rows[0].cells[0], "XKH1002");
    assert!(
        report.bad_rows[0].problems.starts_with("event_date: "),
        "{:?}",
        report.bad_rows
    );
    let case = w.actions.store().load_case("acled").await.unwrap().unwrap();
    assert!(case.incident("XKH1002").is_none());
}

#[tokio::test]
async fn a_dry_run_counts_and_writes_nothing() {
    let w = world().await;
    let dry = TableImport {
        dry_run: true,
        ..request(Format::Uwazi, "uwazi")
    };
    let report = import(&w, &dry, example("uwazi.csv")).await;
    assert!(!report.written);
    assert_eq!(report.counts.created.incidents, 2);
    assert!(
        w.actions
            .store()
            .case_head("uwazi")
            .await
            .unwrap()
            .is_none()
    );
    // Into an existing case: what would change, against what is there.
    import(&w, &request(Format::Uwazi, "uwazi"), example("uwazi.csv")).await;
    let before = w.actions.store().case_head("uwazi").await.unwrap().unwrap();
    let changed = String::from_utf8(example("uwazi.csv"))
        .unwrap()
        .replace("case_status", "status")
        .replace(",closed", ",reopened");
    let report = import(&w, &dry, changed.into_bytes()).await;
    assert_eq!(report.counts.updated.incidents, 2);
    let after = w.actions.store().case_head("uwazi").await.unwrap().unwrap();
    assert_eq!(before.version, after.version, "the dry run wrote nothing");
}

#[tokio::test]
async fn pax_agreements_attach_to_the_case_instruments() {
    let w = world().await;
    let req = TableImport {
        mapping: Some(Mapping::parse("[instruments]\n\"252\" = \"ACPS\"\n").unwrap()),
        ..request(Format::Pax, "pax")
    };
    // The case already holds ACPS, with notes of its own.
    let head = accord_core::Instrument {
        id: "ACPS".into(),
        kind: accord_core::InstrumentKind::Agreement,
        title: "Agreement on a Comprehensive Political Settlement".into(),
        date: None,
        place: Some("Paris".into()),
        parties: vec![],
        parent: None,
        url: None,
        notes: Some("Our own notes on the agreement.".into()),
        provisions: vec![],
    };
    let case = accord_core::Case {
        id: "pax".into(),
        title: "PA-X".into(),
        instruments: vec![head],
        ..accord_core::Case::default()
    };
    w.actions
        .import_bundle(
            &accord_core::validate(case).unwrap(),
            accord_store::ImportMode::New,
            "tester",
        )
        .await
        .unwrap();
    let report = import(&w, &req, example("pax.csv")).await;
    assert_eq!(report.counts.created.instruments, 1, "{report:?}");
    assert_eq!(report.counts.updated.instruments, 1, "{report:?}");
    let again = import(&w, &req, example("pax.csv")).await;
    assert_eq!(again.counts.unchanged, 2);
    let case = w.actions.store().load_case("pax").await.unwrap().unwrap();
    let acps = case.instrument("ACPS").unwrap();
    let notes = acps.notes.as_deref().unwrap();
    assert!(
        notes.starts_with("Our own notes on the agreement.\n\nImported from PA-X:"),
        "{notes}"
    );
    assert!(notes.contains("- AgtId: 252"));
    assert_eq!(
        acps.title, "Agreement on a Comprehensive Political Settlement",
        "it keeps its own fields"
    );
    // A changed code replaces the block, not the notes.
    let changed = String::from_utf8(example("pax.csv"))
        .unwrap()
        .replace(",3,2,3,1,2\n", ",3,2,3,1,3\n");
    let third = import(&w, &req, changed.into_bytes()).await;
    assert_eq!(third.counts.updated.instruments, 1, "{third:?}");
    let case = w.actions.store().load_case("pax").await.unwrap().unwrap();
    let notes = case.instrument("ACPS").unwrap().notes.clone().unwrap();
    assert_eq!(notes.matches("Imported from PA-X:").count(), 1, "{notes}");
    assert!(
        notes.contains("Ce 3") && notes.starts_with("Our own notes"),
        "{notes}"
    );
}
