//! A letter's language versions in the store (migrations 0017 and 0022): stored with the letter when a
//! case is imported, read back onto it, exported as they came in (export → import → export
//! byte-identical), changed by saving the letter (a new, logged version of the letter record
//! that carries them), and kept apart per language with their own signatures. Each test runs
//! on every backend (SQLite, and PostgreSQL when `ACCORD_TEST_POSTGRES_URL` names a server).

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

use std::path::{Path, PathBuf};
use std::sync::Arc;

use accord_core::bundle::{self, BundleFile};
use accord_core::letter_version::original_fingerprint;
use accord_core::{AddresseeText, Case, Day, LetterVersion, ValidCase, VersionSignature};
use accord_store::{ImportMode, RecordKind, SaveOutcome, Store};

const CASE: &str = "cambodia-2017";
const LETTER: &str = "2017-10-23-reconvene-paris-conference";

async fn backends() -> Vec<(Arc<dyn Store>, tempfile::TempDir)> {
    accord_store::testing::every_backend(|| tempfile::tempdir().unwrap())
        .await
        .unwrap()
}

fn collect(dir: &Path, root: &Path, out: &mut Vec<BundleFile>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect(&path, root, out);
        } else if let Ok(contents) = std::fs::read_to_string(&path) {
            let rel = path.strip_prefix(root).unwrap();
            out.push(BundleFile {
                path: rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect::<Vec<_>>()
                    .join("/"),
                contents,
            });
        }
    }
}

fn reference_files() -> Vec<BundleFile> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/cases/cambodia-2017");
    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    files
}

/// A written bundle with the reference case's evidence files beside it (`write` gives the
/// records only; reading checks every evidence file is there).
fn with_evidence(mut files: Vec<BundleFile>) -> Vec<BundleFile> {
    files.extend(
        reference_files()
            .into_iter()
            .filter(|f| f.path.starts_with("evidence/")),
    );
    files
}

/// The reference case with its letter in Khmer (signed by its first signatory) and French.
fn with_versions() -> Case {
    let mut case = bundle::read(&reference_files()).unwrap().into_case();
    let letter = case.letters.iter_mut().find(|l| l.id == LETTER).unwrap();
    let fingerprint = original_fingerprint(letter);
    letter.versions = vec![
        LetterVersion {
            lang: "km".into(),
            title: "សំណើឱ្យកោះប្រជុំសន្និសីទទីក្រុងប៉ារីសស្តីពីកម្ពុជាឡើងវិញ".into(),
            place: Some("ភ្នំពេញ".into()),
            body: "យើងខ្ញុំសូមស្នើឱ្យមានការកោះប្រជុំសន្និសីទទីក្រុងប៉ារីសស្តីពីកម្ពុជាឡើងវិញ។\n".into(),
            closing: Some("ដោយសេចក្តីគោរព".into()),
            translated_by: Some("translator@example.org".into()),
            translated_at: Some(Day::parse("2017-10-25").unwrap()),
            original_sha256: Some(fingerprint),
            signatures: vec![VersionSignature {
                signatory: 0,
                sha256: "ab".repeat(32),
            }],
            // The first addressee and the first CC line in Khmer (migration 0022).
            addressees: vec![AddresseeText {
                name: "ឯកឧត្តម អគ្គលេខាធិការ".into(),
                title: None,
                organisation: Some("អង្គការសហប្រជាជាតិ".into()),
                role: Some("សហប្រធាន".into()),
            }],
            cc: vec!["រដ្ឋាភិបាលនៃព្រះរាជាណាចក្រកម្ពុជា".into()],
        },
        LetterVersion {
            lang: "fr".into(),
            title: "Demande de reconvocation de la Conférence de Paris sur le Cambodge".into(),
            place: None,
            body: "Nous demandons que la Conférence de Paris soit convoquée de nouveau.\n".into(),
            closing: None,
            translated_by: None,
            translated_at: None,
            original_sha256: None,
            signatures: Vec::new(),
            addressees: Vec::new(),
            cc: Vec::new(),
        },
    ];
    case
}

fn valid(case: Case) -> ValidCase {
    accord_core::validate(case).unwrap()
}

fn text(files: &[BundleFile]) -> Vec<(String, String)> {
    files
        .iter()
        .map(|f| (f.path.clone(), f.contents.clone()))
        .collect()
}

#[tokio::test]
async fn versions_are_stored_read_back_and_exported_byte_identical() {
    let case = with_versions();
    let first = bundle::write(&case).unwrap();
    let letter_toml = &first
        .iter()
        .find(|f| f.path == format!("letters/{LETTER}/letter.toml"))
        .unwrap()
        .contents;
    assert!(letter_toml.contains("[[versions]]"), "{letter_toml}");
    assert!(letter_toml.contains("lang = \"km\""));
    // Read back from the bundle: the same versions, signatures by signatory name.
    let read = bundle::read(&with_evidence(bundle::write(&case).unwrap())).unwrap();
    assert_eq!(
        read.letter(LETTER).unwrap().versions,
        case.letters[0].versions
    );
    for (store, _dir) in backends().await {
        store
            .import_case(&read, ImportMode::New, "test")
            .await
            .unwrap();
        let loaded = store.load_case(CASE).await.unwrap().unwrap();
        let letter = loaded.letter(LETTER).unwrap();
        assert_eq!(letter.versions, case.letters[0].versions);
        assert_eq!(letter.languages(), vec!["en", "km", "fr"]);
        let again = bundle::write(loaded.case()).unwrap();
        assert_eq!(text(&again), text(&first), "export → import → export");
        // The letters composing reads carry them too.
        let for_letters = store
            .load_case_for_letters(CASE, Some(LETTER))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            for_letters.letter(LETTER).unwrap().versions,
            case.letters[0].versions
        );
    }
}

#[tokio::test]
async fn saving_the_letter_changes_its_versions_and_logs_them() {
    for (store, _dir) in backends().await {
        let case = valid(with_versions());
        store
            .import_case(&case, ImportMode::New, "test")
            .await
            .unwrap();
        let before = store
            .history(CASE, RecordKind::Letter, LETTER)
            .await
            .unwrap();
        let mut letter = case.letter(LETTER).unwrap().clone();
        // The translator changes the Khmer wording; the French version is dropped.
        letter.versions[0].body = "យើងខ្ញុំសូមស្នើ។\n".into();
        letter.versions.truncate(1);
        let outcome = store
            .save_letter(CASE, &letter, None, "translator")
            .await
            .unwrap();
        assert_eq!(outcome, SaveOutcome::Updated);
        let loaded = store.load_case(CASE).await.unwrap().unwrap();
        let stored = loaded.letter(LETTER).unwrap();
        assert_eq!(stored.versions, letter.versions);
        // The signature on the Khmer version stays with it; the original's signatories are
        // untouched.
        assert_eq!(
            stored.versions[0].signature_of(0),
            Some("ab".repeat(32).as_str())
        );
        assert_eq!(stored.signatories, case.letter(LETTER).unwrap().signatories);
        let after = store
            .history(CASE, RecordKind::Letter, LETTER)
            .await
            .unwrap();
        assert_eq!(after.len(), before.len() + 1, "one more letter version");
        let json = after.last().unwrap().body.as_deref().unwrap();
        assert!(json.contains("\"versions\":[{"), "{json}");
        assert!(json.contains("យើងខ្ញុំសូមស្នើ។"), "{json}");
        assert!(
            json.contains("\"cc\":[\"រដ្ឋាភិបាលនៃព្រះរាជាណាចក្រកម្ពុជា\"]"),
            "{json}"
        );
        assert!(json.contains("\"name\":\"ឯកឧត្តម អគ្គលេខាធិការ\""), "{json}");
        assert!(!json.contains("Conférence"), "{json}");
        // Dropping every version: the record's JSON has no `versions` key, as before versions.
        letter.versions.clear();
        store
            .save_letter(CASE, &letter, None, "translator")
            .await
            .unwrap();
        let last = store
            .history(CASE, RecordKind::Letter, LETTER)
            .await
            .unwrap();
        let json = last.last().unwrap().body.as_deref().unwrap();
        assert!(!json.contains("versions"), "{json}");
        let loaded = store.load_case(CASE).await.unwrap().unwrap();
        assert!(loaded.letter(LETTER).unwrap().versions.is_empty());
    }
}

#[tokio::test]
async fn a_version_signature_on_an_unknown_signatory_is_refused_before_the_store() {
    let mut case = with_versions();
    case.letters[0].versions[0].signatures[0].signatory = 999;
    let problems = accord_core::validate(case).unwrap_err();
    let text = problems.to_string();
    assert!(
        text.contains("versions[0].signatures[0].signatory"),
        "{text}"
    );
    let mut case = with_versions();
    case.letters[0].versions[1].lang = "en".into();
    let text = accord_core::validate(case).unwrap_err().to_string();
    assert!(text.contains("is the original's language"), "{text}");
}

fn hash(n: u8) -> String {
    format!("{n:02x}").repeat(32)
}

/// Signing a version through a sign link records the signature on that version only: the
/// original's hash stays unrecorded, the link is used up, and a letter without that version is
/// `NotFound` with the link left unused (it then signs the original as before).
#[tokio::test]
async fn a_sign_link_signs_one_version() {
    for (store, _dir) in backends().await {
        let case = valid(with_versions());
        store
            .import_case(&case, ImportMode::New, "test")
            .await
            .unwrap();
        let invite = |name: &str, token: u8| accord_store::NewInvitation {
            organisation: name.to_owned(),
            country: None,
            contact: "office@example.org".to_owned(),
            link: accord_store::NewLink {
                token_sha256: hash(token),
                expires_unix: NOW + 86_400,
            },
        };
        let signature = |name: &str, text: u8, withdraw: u8| accord_store::NewSignature {
            representative: "R. Presentative".to_owned(),
            organisation: name.to_owned(),
            url: None,
            text_sha256: hash(text),
            withdraw_token_sha256: hash(withdraw),
        };
        let position = store
            .invite_signatory(CASE, LETTER, &invite("Khmer Signers", 1), "test")
            .await
            .unwrap();
        let done = store
            .sign_letter_version(&hash(1), "km", &signature("Khmer Signers", 7, 2), NOW)
            .await
            .unwrap();
        assert!(
            matches!(done, accord_store::LinkOutcome::Done(_)),
            "{done:?}"
        );
        let loaded = store.load_case(CASE).await.unwrap().unwrap();
        let letter = loaded.letter(LETTER).unwrap();
        let index = usize::try_from(position).unwrap();
        assert_eq!(
            letter.version("km").unwrap().signature_of(index),
            Some(hash(7).as_str())
        );
        assert_eq!(letter.version("fr").unwrap().signature_of(index), None);
        let s = &letter.signatories[index];
        assert_eq!(s.state, accord_core::SignatureState::Signed);
        assert_eq!(s.signed_text_sha256, None, "the original is not signed");
        // The link is used up.
        let again = store
            .sign_letter_version(&hash(1), "km", &signature("Khmer Signers", 7, 3), NOW)
            .await
            .unwrap();
        assert!(
            matches!(again, accord_store::LinkOutcome::Used { .. }),
            "{again:?}"
        );

        // A version the letter lacks: refused, the link still open for the original.
        store
            .invite_signatory(CASE, LETTER, &invite("Other Signers", 4), "test")
            .await
            .unwrap();
        let err = store
            .sign_letter_version(&hash(4), "de", &signature("Other Signers", 8, 5), NOW)
            .await
            .unwrap_err();
        assert!(
            matches!(err, accord_store::StoreError::NotFound { .. }),
            "{err:?}"
        );
        let done = store
            .sign_letter(&hash(4), &signature("Other Signers", 8, 5), NOW)
            .await
            .unwrap();
        assert!(
            matches!(done, accord_store::LinkOutcome::Done(_)),
            "{done:?}"
        );
    }
}

/// A fixed "now" for link expiry.
const NOW: i64 = 2_000_000_000;
