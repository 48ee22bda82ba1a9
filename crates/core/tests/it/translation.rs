//! Records in several languages: the bundle file, the checks, what a reader sees and what a
//! translator has left to do.

use accord_core::bundle::{self, BundleFile};
use accord_core::translation::{self, FieldState, TextKind, fingerprint, pending};
use accord_core::{Day, Named, Translations};

use crate::support::{edit, example, example_case};

fn with_translations() -> Vec<BundleFile> {
    let mut files = example();
    files.push(BundleFile {
        path: "translations.toml".to_owned(),
        contents: include_str!("../../../../docs/examples/translations.toml").to_owned(),
    });
    files
}

#[test]
fn the_documented_translations_are_read() {
    let case = bundle::read(&with_translations()).unwrap();
    assert_eq!(case.translations.len(), 3);
    let inc = &case.translations[1];
    assert_eq!(
        (inc.kind, inc.id.as_str()),
        (TextKind::Incident, "party-dissolved")
    );
    let fr = inc.translation("fr").unwrap();
    assert_eq!(fr.fields.len(), 2);
    assert_eq!(fr.fields[0].field, "title");
    assert_eq!(
        fr.fields[0].original_sha256.as_deref(),
        Some(fingerprint("Opposition party dissolved by ministerial decree").as_str())
    );
    assert_eq!(fr.at, Some(Day::parse("2030-07-01").unwrap()));
    let km = inc.translation("km").unwrap();
    assert_eq!(km.fields[0].original_sha256, None);
    assert_eq!(km.by.as_deref(), Some("ក្រុមបកប្រែ"));
}

#[test]
fn translations_round_trip_byte_identical() {
    let first = bundle::write(&bundle::read(&with_translations()).unwrap()).unwrap();
    assert!(first.iter().any(|f| f.path == "translations.toml"));
    let again = bundle::write(&bundle::read(&first).unwrap()).unwrap();
    assert_eq!(first, again);
    assert_eq!(
        bundle::read(&first).unwrap(),
        bundle::read(&with_translations()).unwrap()
    );
}

#[test]
fn a_bundle_without_translations_reads_and_writes_as_before() {
    let case = example_case();
    assert!(case.translations.is_empty());
    assert_eq!(case.language, None);
    let files = bundle::write(&case).unwrap();
    assert!(!files.iter().any(|f| f.path == "translations.toml"));
    let case_toml = files.iter().find(|f| f.path == "case.toml").unwrap();
    assert!(!case_toml.contents.contains("language"));
}

/// One edit of translations.toml must give exactly these errors.
fn check(from: &str, to: &str, expected: &[&str]) {
    let mut files = with_translations();
    edit(&mut files, "translations.toml", from, to);
    let errors = bundle::read(&files).unwrap_err();
    let rendered: Vec<String> = errors.0.iter().map(ToString::to_string).collect();
    assert_eq!(rendered, expected, "got:\n{}", rendered.join("\n"));
}

#[test]
fn bad_translations_name_file_line_and_field() {
    check(
        "id = \"party-dissolved\"",
        "id = \"no-such-incident\"",
        &["translations.toml:16: records[1].id: no incident \"no-such-incident\" in this case"],
    );
    check(
        "lang = \"km\"",
        "lang = \"khmer language\"",
        &[
            "translations.toml:18: records[1].translations[1].lang: \"khmer language\" is not a language tag such as \"km\", \"fr\" or \"fr-CA\"",
        ],
    );
    check(
        "lang = \"km\"",
        "lang = \"en\"",
        &[
            "translations.toml:18: records[1].translations[1].lang: \"en\" is the record's original language",
        ],
    );
    check(
        "name = \"Freedonie\"",
        "name = \"  \"",
        &["translations.toml:38: records[2].translations[0].fields.name: must not be empty"],
    );
    check(
        "name = \"Freedonie\"",
        "title = \"Freedonie\"",
        &[
            "translations.toml:38: records[2].translations[0].fields.title: \"title\" is not a translatable field of actor records (expected one of: name)",
        ],
    );
    check(
        "lang = \"fr\"\nname",
        "lang = \"km\"\n[[records.translations]]\nlang = \"km\"\nname",
        &[
            "translations.toml:38: records[2].translations[0].fields: a translation needs at least one field",
            "translations.toml:38: records[2].translations[1].lang: a second translation into \"km\"",
        ],
    );
}

#[test]
fn an_unknown_key_in_a_translation_is_refused() {
    let mut files = with_translations();
    edit(
        &mut files,
        "translations.toml",
        "name = \"Freedonie\"",
        "nom = \"Freedonie\"",
    );
    let errors = bundle::read(&files).unwrap_err();
    assert!(
        errors.0[0].to_string().contains("unknown field `nom`"),
        "{errors:?}"
    );
}

#[test]
fn a_translation_of_a_restricted_record_is_refused() {
    let mut files = with_translations();
    edit(
        &mut files,
        "incidents.toml",
        "id = \"party-dissolved\"\nsensitivity = \"public\"",
        "id = \"party-dissolved\"\nsensitivity = \"restricted\"",
    );
    let errors = bundle::read(&files).unwrap_err();
    assert!(
        errors.0.iter().any(|e| e
            .to_string()
            .contains("records[1].id: incident \"party-dissolved\" is restricted")),
        "{errors:?}"
    );
}

#[test]
fn a_reader_sees_their_language_else_the_original_marked() {
    let case = bundle::read(&with_translations()).unwrap();
    let t = Translations::of(&case);
    let inc = case.incident("party-dissolved").unwrap();
    let fr = t.localize(TextKind::Incident, &inc.id, "title", &inc.title, "fr");
    assert_eq!(fr.text, "Parti d’opposition dissous par arrêté ministériel");
    assert!(!fr.original && !fr.out_of_date);
    assert_eq!(fr.lang, "fr");
    // French Canadian readers get the French translation too? No: only an exact tag matches a
    // translation; they see the original, marked as English.
    let en = t.localize(TextKind::Incident, &inc.id, "title", &inc.title, "en");
    assert_eq!((en.text, en.original), (inc.title.as_str(), false));
    // No Khmer summary: the English original, marked.
    let summary = inc.summary.as_deref().unwrap();
    let km = t.localize(TextKind::Incident, &inc.id, "summary", summary, "km");
    assert_eq!((km.text, km.lang, km.original), (summary, "en", true));
}

#[test]
fn a_changed_original_puts_its_translations_out_of_date() {
    let mut case = bundle::read(&with_translations()).unwrap().into_case();
    let missing_fr: Vec<String> = pending(&case, "fr")
        .iter()
        .map(|p| format!("{} {} {}", p.kind.as_str(), p.id, p.field))
        .collect();
    assert!(missing_fr.contains(&"incident gazette-closed title".to_owned()));
    assert!(!missing_fr.contains(&"incident party-dissolved title".to_owned()));
    assert!(!missing_fr.contains(&"incident party-dissolved summary".to_owned()));
    // Its place has no French translation.
    assert!(missing_fr.contains(&"incident party-dissolved place".to_owned()));
    // The case's summary has no French translation; its title has.
    assert!(missing_fr.contains(&"case example-2030 summary".to_owned()));
    assert!(!missing_fr.contains(&"case example-2030 title".to_owned()));
    // Nothing is pending in the original language.
    assert!(pending(&case, "en").is_empty());

    case.incidents[0].title = "Opposition party dissolved by decree".to_owned();
    let fr = pending(&case, "fr");
    let p = fr
        .iter()
        .find(|p| p.id == "party-dissolved" && p.field == "title")
        .unwrap();
    assert_eq!(p.state, FieldState::OutOfDate);
    // The Khmer title has no hash: taken as translated from the current original.
    assert!(
        !pending(&case, "km")
            .iter()
            .any(|p| p.id == "party-dissolved" && p.field == "title")
    );
    let t = Translations::of(&case);
    let shown = t.localize(
        TextKind::Incident,
        "party-dissolved",
        "title",
        &case.incidents[0].title,
        "fr",
    );
    assert!(shown.out_of_date);
}

#[test]
fn adding_a_translation_keeps_the_others_and_remembers_the_original() {
    let case = bundle::read(&with_translations()).unwrap().into_case();
    let day = Day::parse("2030-08-01").unwrap();
    let record = translation::with_translation(
        &case,
        TextKind::Incident,
        "party-dissolved",
        "km",
        &[(
            "summary".to_owned(),
            "ក្រសួងមហាផ្ទៃបានរំលាយគណបក្សប្រឆាំងធំជាងគេ។".to_owned(),
        )],
        Some("sokha@example.org"),
        day,
    );
    let km = record.translation("km").unwrap();
    let names: Vec<&str> = km.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(names, ["title", "summary"]);
    assert_eq!(
        km.fields[1].original_sha256.as_deref(),
        Some(fingerprint(case.incidents[0].summary.as_deref().unwrap()).as_str())
    );
    assert_eq!(
        (km.by.as_deref(), km.at),
        (Some("sokha@example.org"), Some(day))
    );
    assert!(record.translation("fr").is_some());
    let problems = translation::record_problems(
        &case,
        accord_core::validate::Entity::Translation(0),
        &record,
    );
    assert!(problems.is_empty(), "{problems:?}");
}
