//! Case bundles: a directory of TOML files a researcher writes by hand (see `docs/case-format.md`).
//!
//! This module is pure: the caller reads the directory and hands over `(relative path, contents)`
//! pairs; [`read`] turns them into a [`ValidCase`] or into the complete list of problems, each with
//! file, line and field; [`write`] turns a case back into files, always in the same canonical form,
//! so that export → import → export is byte-identical.

mod ahead;
mod files;
mod locate;

use std::collections::HashSet;

use toml::Spanned;

use crate::citation::Citation;
use crate::date::{DateSpec, Day};
use crate::model::{
    ActorRole, Addressee, Case, ElectionFile, EvidenceRef, Finding, Incident, Instrument,
    Mechanism, Provision, Signatory, Source, Translation,
};
use crate::names::Named;
use crate::sensitivity::Sensitivity;
use crate::validate::{self, Entity, ValidCase};
use files::{
    ActorsFile, CaseFile, FindingsFile, FollowThroughFile, IncidentsFile, InstrumentFile,
    LetterFile, MechanismsFile, ObservationsFile, SourcesFile, TranslationsFile,
};
pub use files::{Sharding, WriteError};
use locate::{Locations, line_of};

/// One file of a bundle: its path relative to the bundle directory (with `/`) and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BundleFile {
    pub path: String,
    pub contents: String,
}

/// One problem in a bundle, located as precisely as the input allows.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.render())]
pub struct BundleError {
    /// Relative path inside the bundle.
    pub file: String,
    pub line: Option<usize>,
    /// e.g. `findings[2].provision`
    pub field: Option<String>,
    pub message: String,
}

impl BundleError {
    fn render(&self) -> String {
        let mut s = self.file.clone();
        if let Some(l) = self.line {
            s.push_str(&format!(":{l}"));
        }
        s.push_str(": ");
        if let Some(f) = &self.field {
            s.push_str(f);
            s.push_str(": ");
        }
        s.push_str(&self.message);
        s
    }

    /// The same error with the bundle directory in front of the file name.
    pub fn with_root(mut self, root: &str) -> BundleError {
        let root = root.trim_end_matches('/');
        if !root.is_empty() {
            self.file = format!("{root}/{}", self.file);
        }
        self
    }
}

/// Every problem found in a bundle.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct BundleErrors(pub Vec<BundleError>);

impl std::fmt::Display for BundleErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let lines: Vec<String> = self.0.iter().map(ToString::to_string).collect();
        f.write_str(&lines.join("\n"))
    }
}

/// A binary file of a bundle, under its `evidence/` directory: the caller streams the bytes through
/// SHA-256 (they can be gigabytes) and hands over what it measured; the core never sees the bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BundleBlob {
    /// Relative path inside the bundle, starting with `evidence/`.
    pub path: String,
    /// SHA-256 of the bytes, lower-case hexadecimal.
    pub sha256: String,
    pub size: u64,
    /// Sniffed from the content.
    pub media_type: String,
}

/// The directory of a bundle that holds evidence files.
pub const EVIDENCE_DIR: &str = "evidence";

/// Whether a path inside a bundle is an evidence file (binary, not read as text).
pub fn is_evidence_path(path: &str) -> bool {
    path.strip_prefix(EVIDENCE_DIR)
        .is_some_and(|rest| rest.starts_with('/'))
}

/// The name of the letter body file that [`write`] produces.
pub const LETTER_BODY_FILE: &str = "body.md";

/// Read a bundle whose evidence files, if any, are among `files` as text (small text bundles, as
/// tests and the embedded demo case have them). Every problem is reported at once; nothing
/// partial is returned.
pub fn read(files: &[BundleFile]) -> Result<ValidCase, BundleErrors> {
    use sha2::{Digest, Sha256};
    let blobs: Vec<BundleBlob> = files
        .iter()
        .filter(|f| is_evidence_path(&f.path))
        .map(|f| BundleBlob {
            path: f.path.clone(),
            sha256: hex::encode(Sha256::digest(f.contents.as_bytes())),
            size: f.contents.len() as u64,
            media_type: "text/plain".into(),
        })
        .collect();
    read_with_blobs(files, &blobs)
}

/// Where [`read_from`] gets a bundle's text files. The caller does the reading (the core does no
/// I/O), one file at a time, when the reader asks: a case of a million incidents is read shard by
/// shard, and the text of a shard of records is let go once its records are taken, so memory holds
/// the records and one shard, not every file's text.
pub trait BundleSource {
    /// The path of every text file of the bundle, relative to it, with `/` (any order).
    fn paths(&self) -> Vec<String>;
    /// The text of file `index` of [`BundleSource::paths`]. Asked once while the bundle is read,
    /// and again only to find the line of a problem. An error is reported against the file.
    fn text(&mut self, index: usize) -> Result<String, String>;
}

/// Files already in memory (tests, the embedded demo case) as a [`BundleSource`].
#[derive(Debug)]
pub struct InMemory<'a>(pub &'a [BundleFile]);

impl BundleSource for InMemory<'_> {
    fn paths(&self) -> Vec<String> {
        self.0.iter().map(|f| f.path.clone()).collect()
    }

    fn text(&mut self, index: usize) -> Result<String, String> {
        self.0
            .get(index)
            .map(|f| f.contents.clone())
            .ok_or_else(|| "no such file".to_owned())
    }
}

/// Read a bundle whose `evidence/` files the caller has hashed: each evidence record must name a
/// file that is there with the SHA-256 it states, and each file must be named by a record.
pub fn read_with_blobs(
    files: &[BundleFile],
    blobs: &[BundleBlob],
) -> Result<ValidCase, BundleErrors> {
    read_from(&mut InMemory(files), blobs)
}

/// [`read_with_blobs`] with the text files read from `source` as they are needed.
pub fn read_from(
    source: &mut dyn BundleSource,
    blobs: &[BundleBlob],
) -> Result<ValidCase, BundleErrors> {
    let paths = source.paths();
    let mut r = Reader {
        texts: vec![None; paths.len()],
        paths,
        source,
        ahead: ahead::Ahead::default(),
        blobs,
        errors: Vec::new(),
        loc: Locations::default(),
        bad_fields: HashSet::new(),
        syntax_errors: 0,
        evidence_spans: Vec::new(),
        actors_unmarked: Vec::new(),
    };
    let case = r.read_all();
    let Some(case) = case else {
        return Err(BundleErrors(r.errors));
    };
    // A file that does not parse hides its records, so every reference to them would look
    // dangling: report the syntax errors alone until they are fixed.
    if r.syntax_errors > 0 {
        return Err(BundleErrors(r.errors));
    }
    // The case is checked once (a million records' id maps are not built twice); its problems,
    // if any, are located in the files.
    let problems = match validate::validate(case) {
        Ok(valid) if r.errors.is_empty() => return Ok(valid),
        Ok(_) => Vec::new(),
        Err(p) => p.0,
    };
    // Validation problems on fields that already failed to convert would only repeat them.
    for p in problems {
        let head = p.field.split(['[', '.']).next().unwrap_or("").to_owned();
        if r.bad_fields.contains(&(p.entity, head)) {
            continue;
        }
        if let Some(file) = r.loc.file_of(p.entity) {
            r.load(file);
        }
        let err = r
            .loc
            .locate(&r.paths, &r.texts, p.entity, &p.field, p.message);
        r.errors.push(err);
    }
    // Not empty: a field is only marked bad when its error is recorded.
    r.errors
        .sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
    Err(BundleErrors(r.errors))
}

struct Reader<'f> {
    source: &'f mut dyn BundleSource,
    /// The record files parsed on a second thread while [`Reader::read_all`] converts.
    ahead: ahead::Ahead,
    /// The text files' paths, as the source gave them.
    paths: Vec<String>,
    /// The text of each file while it is read; kept after for the small files (case, instruments,
    /// letters, evidence), let go for the files of records (see [`Kind::is_records`]).
    texts: Vec<Option<String>>,
    blobs: &'f [BundleBlob],
    errors: Vec<BundleError>,
    loc: Locations,
    /// (entity, top-level field) pairs that failed to convert.
    bad_fields: HashSet<(Entity, String)>,
    /// Files that did not parse at all.
    syntax_errors: usize,
    /// Per evidence record: (file index, offset of its `file` value, offset of its `sha256`).
    evidence_spans: Vec<(usize, usize, usize)>,
    /// Positions of actors whose record does not say how sensitive it is.
    actors_unmarked: Vec<usize>,
}

/// What a path inside a bundle is.
enum Kind<'p> {
    Case,
    Actors,
    Sources,
    Incidents,
    Findings,
    Mechanisms,
    Observations,
    FollowThrough,
    /// `translations.toml`: records' languages.
    Translations,
    Instrument(&'p str),
    Letter(&'p str),
    LetterBody,
    Election(&'p str),
    Evidence,
    /// A binary file under `evidence/`: handed over as a [`BundleBlob`], never as text.
    EvidenceBlob,
    Ignored,
    Unknown,
}

fn classify(path: &str) -> Kind<'_> {
    let parts: Vec<&str> = path.split('/').collect();
    if parts.iter().any(|p| p.starts_with('.')) {
        return Kind::Ignored;
    }
    match parts.as_slice() {
        ["case.toml"] => Kind::Case,
        ["actors.toml"] | ["actors", _] => Kind::Actors,
        ["sources.toml"] | ["sources", _] => Kind::Sources,
        ["incidents.toml"] | ["incidents", _] => Kind::Incidents,
        ["findings.toml"] | ["findings", _] => Kind::Findings,
        ["mechanisms.toml"] | ["mechanisms", _] => Kind::Mechanisms,
        ["observations.toml"] | ["observations", _] => Kind::Observations,
        ["follow-through.toml"] => Kind::FollowThrough,
        ["translations.toml"] => Kind::Translations,
        ["evidence.toml"] => Kind::Evidence,
        [EVIDENCE_DIR, _, ..] => Kind::EvidenceBlob,
        [one] if one.ends_with(".md") || one.starts_with("LICENSE") => Kind::Ignored,
        ["instruments", name] => name
            .strip_suffix(".toml")
            .map_or(Kind::Unknown, Kind::Instrument),
        ["letters", id, "letter.toml"] => Kind::Letter(id),
        ["letters", _, name] if !name.ends_with(".toml") => Kind::LetterBody,
        ["elections", name] => name
            .strip_suffix(".json")
            .map_or(Kind::Unknown, Kind::Election),
        _ => Kind::Unknown,
    }
    .filter_dir_files(&parts)
}

impl Kind<'_> {
    /// A file of records that can be sharded (`incidents.toml`, `incidents/*.toml`, ...): its text
    /// is let go once its records are taken, and read again only to locate a problem.
    fn is_records(&self) -> bool {
        matches!(
            self,
            Kind::Actors
                | Kind::Sources
                | Kind::Incidents
                | Kind::Findings
                | Kind::Mechanisms
                | Kind::Observations
        )
    }

    /// Whether the reader needs the file's text.
    fn is_text(&self) -> bool {
        !matches!(self, Kind::EvidenceBlob | Kind::Ignored | Kind::Unknown)
    }

    /// Files inside `actors/` etc. must be TOML.
    fn filter_dir_files(self, parts: &[&str]) -> Self {
        match (&self, parts) {
            (
                Kind::Actors
                | Kind::Sources
                | Kind::Incidents
                | Kind::Findings
                | Kind::Mechanisms
                | Kind::Observations,
                [_, name],
            ) if !name.ends_with(".toml") => Kind::Unknown,
            _ => self,
        }
    }
}

impl Reader<'_> {
    /// Have file `file`'s text at hand (asking the source again if it was let go); `false` if the
    /// source could not give it.
    fn load(&mut self, file: usize) -> bool {
        if self.texts[file].is_some() {
            return true;
        }
        match self.source.text(file) {
            Ok(text) => {
                self.texts[file] = Some(text);
                true
            }
            Err(_) => false,
        }
    }

    fn text(&self, file: usize) -> &str {
        self.texts[file].as_deref().unwrap_or("")
    }

    /// The line of a byte offset in a file whose text is at hand.
    fn line(&mut self, file: usize, offset: usize) -> Option<usize> {
        self.load(file).then(|| line_of(self.text(file), offset))
    }

    fn error(&mut self, file: usize, line: Option<usize>, field: Option<String>, message: String) {
        self.errors.push(BundleError {
            file: self.paths[file].clone(),
            line,
            field,
            message,
        });
    }

    fn parse<T: serde::de::DeserializeOwned + 'static>(&mut self, file: usize) -> Option<T> {
        let parsed = match self.ahead.take::<T>(file) {
            Some(parsed) => parsed,
            None => toml::from_str::<T>(self.text(file)),
        };
        match parsed {
            Ok(v) => Some(v),
            Err(e) => {
                let line = e.span().map(|s| line_of(self.text(file), s.start));
                self.syntax_errors += 1;
                self.error(file, line, None, e.message().trim().to_owned());
                None
            }
        }
    }

    /// Convert a spanned string with `f`; on failure record the error at the value's line.
    fn conv<T, E: std::fmt::Display>(
        &mut self,
        file: usize,
        entity: Entity,
        field: &str,
        value: &Spanned<String>,
        f: impl FnOnce(&str) -> Result<T, E>,
    ) -> Option<T> {
        match f(value.get_ref()) {
            Ok(v) => Some(v),
            Err(e) => {
                let line = self.line(file, value.span().start);
                let path = self.loc.field_path(entity, field);
                self.error(file, line, Some(path), e.to_string());
                let head = field.split(['[', '.']).next().unwrap_or("").to_owned();
                self.bad_fields.insert((entity, head));
                None
            }
        }
    }

    fn read_all(&mut self) -> Option<Case> {
        let mut order: Vec<usize> = (0..self.paths.len()).collect();
        order.sort_by(|&a, &b| self.paths[a].cmp(&self.paths[b]));
        self.ahead = ahead::Ahead::start(
            order
                .iter()
                .copied()
                .filter(|&i| classify(&self.paths[i]).is_text())
                .collect(),
        );
        let mut case = Case::default();
        let mut have_case = false;
        let mut bodies = Vec::new();
        for &i in &order {
            let path = self.paths[i].clone();
            let kind = classify(&path);
            if kind.is_text() {
                match self.ahead.text(&mut *self.source, &self.paths, i) {
                    Ok(text) => self.texts[i] = Some(text),
                    Err(message) => {
                        self.syntax_errors += 1;
                        self.error(i, None, None, message);
                        continue;
                    }
                }
            }
            let records = kind.is_records();
            match kind {
                Kind::Case => {
                    have_case = true;
                    if let Some(f) = self.parse::<CaseFile>(i) {
                        self.case_file(i, f, &mut case);
                    }
                }
                Kind::Actors => {
                    if let Some(f) = self.parse::<ActorsFile>(i) {
                        self.actors(i, f, &mut case);
                    }
                }
                Kind::Sources => {
                    if let Some(f) = self.parse::<SourcesFile>(i) {
                        self.sources(i, f, &mut case);
                    }
                }
                Kind::Incidents => {
                    if let Some(f) = self.parse::<IncidentsFile>(i) {
                        self.incidents(i, f, &mut case);
                    }
                }
                Kind::Findings => {
                    if let Some(f) = self.parse::<FindingsFile>(i) {
                        self.findings(i, f, &mut case);
                    }
                }
                Kind::Mechanisms => {
                    if let Some(f) = self.parse::<MechanismsFile>(i) {
                        self.mechanisms(i, f, &mut case);
                    }
                }
                Kind::Observations => {
                    if let Some(f) = self.parse::<ObservationsFile>(i) {
                        self.observations(i, f, &mut case);
                    }
                }
                Kind::FollowThrough => {
                    if let Some(f) = self.parse::<FollowThroughFile>(i) {
                        self.follow_through(i, f, &mut case);
                    }
                }
                Kind::Translations => {
                    if let Some(f) = self.parse::<TranslationsFile>(i) {
                        self.translations(i, f, &mut case);
                    }
                }
                Kind::Instrument(stem) => {
                    if let Some(f) = self.parse::<InstrumentFile>(i) {
                        self.instrument(i, stem, f, &mut case);
                    }
                }
                Kind::Letter(dir) => {
                    if let Some(f) = self.parse::<LetterFile>(i) {
                        self.letter(i, dir, f, &mut case);
                    }
                }
                Kind::LetterBody => bodies.push(i),
                Kind::Election(stem) => {
                    let entity = Entity::Election(case.elections.len());
                    self.loc.top(entity, i, "elections");
                    case.elections.push(ElectionFile {
                        id: stem.to_owned(),
                        json: self.text(i).to_owned(),
                    });
                }
                Kind::Evidence => {
                    if let Some(f) = self.parse::<files::EvidenceFile>(i) {
                        self.evidence(i, f, &mut case);
                    }
                }
                Kind::EvidenceBlob | Kind::Ignored => {}
                Kind::Unknown => self.error(
                    i,
                    None,
                    None,
                    "unknown file in a case bundle (see docs/case-format.md for the layout)".into(),
                ),
            }
            if records {
                self.texts[i] = None;
            }
        }
        // The parser thread ends.
        self.ahead = ahead::Ahead::default();
        if !have_case {
            self.errors.push(BundleError {
                file: "case.toml".into(),
                line: None,
                field: None,
                message: "missing: every bundle needs a case.toml".into(),
            });
        }
        self.attach_bodies(&bodies, &mut case);
        self.match_blobs(&mut case);
        self.protect_unmarked(&mut case);
        have_case.then_some(case)
    }

    fn evidence(&mut self, i: usize, f: files::EvidenceFile, case: &mut Case) {
        for (k, ev) in f.evidence.into_iter().enumerate() {
            let e = Entity::Evidence(case.evidence.len());
            self.loc.entry(e, i, "evidence", k, ev.span().start);
            let ev = ev.into_inner();
            let sensitivity = self.sensitivity(i, e, ev.sensitivity.as_ref());
            let mut custody = Vec::new();
            for (n, c) in ev.custody.into_iter().enumerate() {
                let field = format!("custody[{n}].action");
                if let Some(action) = self.conv(i, e, &field, &c.action, |a| {
                    crate::evidence::CustodyAction::from_name(a)
                }) {
                    custody.push(crate::evidence::CustodyEvent {
                        at: c.at,
                        by: c.by,
                        action,
                        note: c.note,
                    });
                }
            }
            self.evidence_spans
                .push((i, ev.file.span().start, ev.sha256.span().start));
            case.evidence.push(crate::evidence::Evidence {
                id: ev.id,
                sha256: ev.sha256.into_inner(),
                size: 0,
                media_type: ev.media_type.unwrap_or_default(),
                file: ev.file.into_inner(),
                incident: ev.incident,
                source: ev.source,
                note: ev.note,
                capture: crate::evidence::Capture {
                    captured_at: ev.capture.captured_at,
                    captured_by: ev.capture.captured_by,
                    source_url: ev.capture.source_url,
                    method: ev.capture.method,
                    tool: ev.capture.tool,
                    place: ev.capture.place,
                },
                derived_from: ev.derived_from.map(|d| crate::evidence::Derivation {
                    original: d.original,
                    what: d.what,
                }),
                custody,
                sensitivity,
                restricted_to: ev.restricted_to,
            });
        }
    }

    /// Each evidence record against the file it names: there, and with the SHA-256 it states
    /// (re-hashed by the caller); each file under `evidence/` named by some record.
    fn match_blobs(&mut self, case: &mut Case) {
        let mut used = vec![false; self.blobs.len()];
        for (n, ev) in case.evidence.iter_mut().enumerate() {
            let Some(&(file, file_at, sha_at)) = self.evidence_spans.get(n) else {
                continue;
            };
            let path = format!("{EVIDENCE_DIR}/{}", ev.file);
            let Some(k) = self.blobs.iter().position(|b| b.path == path) else {
                let line = self.line(file, file_at);
                let field = self.loc.field_path(Entity::Evidence(n), "file");
                self.error(
                    file,
                    line,
                    Some(field),
                    format!("{path}: no such file in the bundle"),
                );
                continue;
            };
            used[k] = true;
            let blob = &self.blobs[k];
            if blob.sha256 != ev.sha256 {
                let line = self.line(file, sha_at);
                let field = self.loc.field_path(Entity::Evidence(n), "sha256");
                self.error(
                    file,
                    line,
                    Some(field),
                    format!(
                        "{path}: the file's SHA-256 is {}, not the {} recorded here (the file changed, or the record is wrong)",
                        blob.sha256, ev.sha256
                    ),
                );
            }
            ev.size = blob.size;
            if ev.media_type.is_empty() {
                ev.media_type.clone_from(&blob.media_type);
            }
        }
        for (k, blob) in self.blobs.iter().enumerate() {
            if !used[k] {
                self.errors.push(BundleError {
                    file: blob.path.clone(),
                    line: None,
                    field: None,
                    message: "an evidence file that no record in evidence.toml names".into(),
                });
            }
        }
    }

    fn case_file(&mut self, i: usize, f: CaseFile, case: &mut Case) {
        self.loc.top(Entity::Case, i, "");
        case.id = f.id.into_inner();
        case.title = f.title;
        case.country = f.country;
        case.period = f
            .period
            .as_ref()
            .and_then(|p| self.conv(i, Entity::Case, "period", p, str::parse::<DateSpec>));
        case.summary = f.summary;
        case.language = f.language;
    }

    fn translations(&mut self, i: usize, f: TranslationsFile, case: &mut Case) {
        use crate::translation::{RecordLanguages, RecordTranslation, TextKind, TranslatedField};
        for (k, r) in f.records.into_iter().enumerate() {
            let e = Entity::Translation(case.translations.len());
            let start = r.span().start;
            self.loc.entry(e, i, "records", k, start);
            let r = r.into_inner();
            let kind = self
                .conv(i, e, "kind", &r.kind, TextKind::from_name)
                .unwrap_or(TextKind::Case);
            let mut translations = Vec::new();
            for (n, mut t) in r.translations.into_iter().enumerate() {
                let at = t
                    .at
                    .as_ref()
                    .and_then(|d| self.conv(i, e, &format!("translations[{n}].at"), d, Day::parse));
                let mut shas = std::mem::take(&mut t.original_sha256).into_pairs();
                let mut fields: Vec<TranslatedField> = t
                    .texts()
                    .into_pairs()
                    .into_iter()
                    .map(|(name, text)| {
                        let original_sha256 = shas
                            .iter()
                            .position(|(n, _)| *n == name)
                            .map(|p| shas.swap_remove(p).1);
                        TranslatedField {
                            field: name.to_owned(),
                            text,
                            original_sha256,
                        }
                    })
                    .collect();
                fields.sort_by_key(|f| {
                    kind.fields()
                        .iter()
                        .position(|n| *n == f.field)
                        .unwrap_or(usize::MAX)
                });
                for (name, _) in shas {
                    let path = self
                        .loc
                        .field_path(e, &format!("translations[{n}].original_sha256.{name}"));
                    let line = self.line(i, start);
                    self.error(
                        i,
                        line,
                        Some(path),
                        "a hash of a field that is not translated".into(),
                    );
                }
                translations.push(RecordTranslation {
                    lang: t.lang,
                    fields,
                    by: t.by,
                    at,
                });
            }
            case.translations.push(RecordLanguages {
                kind,
                id: r.id,
                original: r.original,
                translations,
            });
        }
    }

    fn actors(&mut self, i: usize, f: ActorsFile, case: &mut Case) {
        for (k, a) in f.actors.into_iter().enumerate() {
            let e = Entity::Actor(case.actors.len());
            self.loc.entry(e, i, "actors", k, a.span().start);
            let a = a.into_inner();
            if a.sensitivity.is_none() {
                self.actors_unmarked.push(case.actors.len());
            }
            let sensitivity = self.sensitivity(i, e, a.sensitivity.as_ref());
            let kind = self
                .conv(i, e, "kind", &a.kind, crate::model::ActorKind::from_name)
                .unwrap_or(crate::model::ActorKind::Organisation);
            case.actors.push(crate::model::Actor {
                id: a.id,
                kind,
                name: a.name,
                aliases: a.aliases,
                country: a.country,
                members: a.members,
                sensitivity,
                restricted_to: a.restricted_to,
            });
        }
    }

    fn sources(&mut self, i: usize, f: SourcesFile, case: &mut Case) {
        for (k, s) in f.sources.into_iter().enumerate() {
            let e = Entity::Source(case.sources.len());
            self.loc.entry(e, i, "sources", k, s.span().start);
            let s = s.into_inner();
            let sensitivity = self.sensitivity(i, e, s.sensitivity.as_ref());
            let date = s
                .date
                .as_ref()
                .and_then(|d| self.conv(i, e, "date", d, str::parse::<DateSpec>));
            let accessed = s
                .accessed
                .as_ref()
                .and_then(|d| self.conv(i, e, "accessed", d, Day::parse));
            case.sources.push(Source {
                id: s.id,
                authors: s.authors,
                title: s.title,
                publisher: s.publisher,
                date,
                url: s.url,
                accessed,
                note: s.note,
                sensitivity,
                restricted_to: s.restricted_to,
            });
        }
    }

    fn incidents(&mut self, i: usize, f: IncidentsFile, case: &mut Case) {
        for (k, inc) in f.incidents.into_iter().enumerate() {
            let e = Entity::Incident(case.incidents.len());
            self.loc.entry(e, i, "incidents", k, inc.span().start);
            let inc = inc.into_inner();
            let sensitivity = self.sensitivity(i, e, inc.sensitivity.as_ref());
            let date = self
                .conv(i, e, "date", &inc.date, str::parse::<DateSpec>)
                .unwrap_or(DateSpec::At(crate::date::Point::Year(1970)));
            let kind = self
                .conv(
                    i,
                    e,
                    "kind",
                    &inc.kind,
                    crate::model::IncidentKind::from_name,
                )
                .unwrap_or(crate::model::IncidentKind::Other);
            let mut actors = Vec::new();
            for (n, ar) in inc.actors.into_iter().enumerate() {
                let role = self
                    .conv(
                        i,
                        e,
                        &format!("actors[{n}].role"),
                        &ar.role,
                        crate::model::Role::from_name,
                    )
                    .unwrap_or(crate::model::Role::Other);
                actors.push(ActorRole {
                    actor: ar.actor,
                    role,
                });
            }
            case.incidents.push(Incident {
                id: inc.id,
                date,
                title: inc.title,
                kind,
                summary: inc.summary,
                place: inc.place,
                themes: inc.themes,
                sources: inc.sources,
                actors,
                evidence: inc
                    .evidence
                    .into_iter()
                    .map(|ev| EvidenceRef {
                        sha256: ev.sha256,
                        name: ev.name,
                        media_type: ev.media_type,
                    })
                    .collect(),
                sensitivity,
                restricted_to: inc.restricted_to,
            });
        }
    }

    /// A record's sensitivity: as written, or `case` when it says nothing (actors named as
    /// victims or witnesses are settled once every incident is read, in `protect_unmarked`).
    fn sensitivity(
        &mut self,
        file: usize,
        e: Entity,
        value: Option<&Spanned<String>>,
    ) -> Sensitivity {
        value
            .and_then(|v| self.conv(file, e, "sensitivity", v, Sensitivity::from_name))
            .unwrap_or_default()
    }

    /// Actors whose record says nothing of its sensitivity and whom an incident names as a
    /// victim or a witness are restricted: their identity is protected unless marked otherwise.
    fn protect_unmarked(&self, case: &mut Case) {
        for &n in &self.actors_unmarked {
            if let Some(a) = case.actors.get(n) {
                let s = crate::sensitivity::default_for_actor(&a.id, &case.incidents);
                if let Some(a) = case.actors.get_mut(n) {
                    a.sensitivity = s;
                }
            }
        }
    }

    fn findings(&mut self, i: usize, f: FindingsFile, case: &mut Case) {
        for (k, fi) in f.findings.into_iter().enumerate() {
            let e = Entity::Finding(case.findings.len());
            self.loc.entry(e, i, "findings", k, fi.span().start);
            let fi = fi.into_inner();
            let provision = self.conv(i, e, "provision", &fi.provision, Citation::parse);
            let verdict = self.conv(
                i,
                e,
                "verdict",
                &fi.verdict,
                crate::model::Verdict::from_name,
            );
            let status = self.conv(
                i,
                e,
                "status",
                &fi.status,
                crate::model::FindingStatus::from_name,
            );
            case.findings.push(Finding {
                id: fi.id,
                incidents: fi.incidents,
                provision: provision.unwrap_or_else(placeholder_citation),
                verdict: verdict.unwrap_or(crate::model::Verdict::Concern),
                status: status.unwrap_or(crate::model::FindingStatus::Draft),
                rationale: fi.rationale,
                author: fi.author,
                reviewed_by: fi.reviewed_by,
            });
        }
    }

    fn follow_through(&mut self, i: usize, f: FollowThroughFile, case: &mut Case) {
        use crate::follow_through::{DeliveryMethod, FollowThrough, Record, ResponseAction};
        let placeholder = Day::EPOCH;
        for (k, d) in f.deliveries.into_iter().enumerate() {
            let e = Entity::FollowThrough(case.follow_through.len());
            self.loc.entry(e, i, "deliveries", k, d.span().start);
            let d = d.into_inner();
            let date = self.conv(i, e, "date", &d.date, Day::parse);
            let method = self.conv(i, e, "method", &d.method, DeliveryMethod::from_name);
            case.follow_through.push(FollowThrough {
                id: d.id,
                letter: d.letter,
                what: Record::Delivery {
                    to: d.to,
                    date: date.unwrap_or(placeholder),
                    method: method.unwrap_or(DeliveryMethod::Other),
                    note: d.note,
                },
            });
        }
        for (k, r) in f.responses.into_iter().enumerate() {
            let e = Entity::FollowThrough(case.follow_through.len());
            self.loc.entry(e, i, "responses", k, r.span().start);
            let r = r.into_inner();
            let date = self.conv(i, e, "date", &r.date, Day::parse);
            let action = self.conv(i, e, "action", &r.action, ResponseAction::from_name);
            case.follow_through.push(FollowThrough {
                id: r.id,
                letter: r.letter,
                what: Record::Response {
                    from: r.from,
                    date: date.unwrap_or(placeholder),
                    action: action.unwrap_or(ResponseAction::Acknowledged),
                    summary: r.summary,
                    text: r.text,
                    source: r.source,
                },
            });
        }
        for (k, d) in f.deadlines.into_iter().enumerate() {
            let e = Entity::FollowThrough(case.follow_through.len());
            self.loc.entry(e, i, "deadlines", k, d.span().start);
            let d = d.into_inner();
            let date = self.conv(i, e, "date", &d.date, Day::parse);
            case.follow_through.push(FollowThrough {
                id: d.id,
                letter: d.letter,
                what: Record::Deadline {
                    date: date.unwrap_or(placeholder),
                    addressee: d.addressee,
                    asked: d.asked,
                },
            });
        }
        for (k, u) in f.follow_ups.into_iter().enumerate() {
            let e = Entity::FollowThrough(case.follow_through.len());
            self.loc.entry(e, i, "follow_ups", k, u.span().start);
            let u = u.into_inner();
            case.follow_through.push(FollowThrough {
                id: u.id,
                letter: u.letter,
                what: Record::FollowUp { cites: u.cites },
            });
        }
    }

    fn observations(&mut self, i: usize, f: ObservationsFile, case: &mut Case) {
        for (k, o) in f.observations.into_iter().enumerate() {
            let e = Entity::Observation(case.observations.len());
            self.loc.entry(e, i, "observations", k, o.span().start);
            let o = o.into_inner();
            let provision = self.conv(i, e, "provision", &o.provision, Citation::parse);
            let date = self.conv(i, e, "date", &o.date, crate::observation::parse_date);
            let score = self.score(i, e, &o.score);
            let status = self.conv(
                i,
                e,
                "status",
                &o.status,
                crate::observation::ObservationStatus::from_name,
            );
            case.observations.push(crate::observation::Observation {
                id: o.id,
                provision: provision.unwrap_or_else(placeholder_citation),
                date: date.unwrap_or(crate::date::Point::Year(1970)),
                score: score.unwrap_or(crate::observation::Score::MIN),
                sources: o.sources,
                coded_by: o.coded_by,
                note: o.note,
                status: status.unwrap_or(crate::observation::ObservationStatus::Draft),
                reviewed_by: o.reviewed_by,
            });
        }
    }

    /// An observation's score: an integer on the scale, reported at its line otherwise.
    fn score(
        &mut self,
        file: usize,
        e: Entity,
        value: &Spanned<i64>,
    ) -> Option<crate::observation::Score> {
        match crate::observation::Score::new(*value.get_ref()) {
            Ok(s) => Some(s),
            Err(err) => {
                let line = self.line(file, value.span().start);
                let path = self.loc.field_path(e, "score");
                self.error(file, line, Some(path), err.to_string());
                self.bad_fields.insert((e, "score".to_owned()));
                None
            }
        }
    }

    fn mechanisms(&mut self, i: usize, f: MechanismsFile, case: &mut Case) {
        for (k, m) in f.mechanisms.into_iter().enumerate() {
            let e = Entity::Mechanism(case.mechanisms.len());
            self.loc.entry(e, i, "mechanisms", k, m.span().start);
            let m = m.into_inner();
            let provision = self
                .conv(i, e, "provision", &m.provision, Citation::parse)
                .unwrap_or_else(placeholder_citation);
            let counts = m
                .counts
                .iter()
                .enumerate()
                .filter_map(|(n, c)| {
                    self.conv(
                        i,
                        e,
                        &format!("counts[{n}]"),
                        c,
                        crate::model::Verdict::from_name,
                    )
                })
                .collect();
            let scope_provisions = m
                .scope_provisions
                .iter()
                .enumerate()
                .filter_map(|(n, c)| {
                    self.conv(i, e, &format!("scope_provisions[{n}]"), c, Citation::parse)
                })
                .collect();
            case.mechanisms.push(Mechanism {
                id: m.id,
                name: m.name,
                provision,
                counts,
                scope_instruments: m.scope_instruments,
                scope_provisions,
                requested_by: m.requested_by,
                responsible: m.responsible,
                consult: m.consult,
                action: m.action,
            });
        }
    }

    fn instrument(&mut self, i: usize, stem: &str, f: InstrumentFile, case: &mut Case) {
        let idx = case.instruments.len();
        let e = Entity::Instrument(idx);
        self.loc.top(e, i, "");
        if f.id.get_ref() != stem {
            let line = self.line(i, f.id.span().start);
            self.error(
                i,
                line,
                Some("id".into()),
                format!(
                    "{:?} does not match the file name (expected id = {stem:?})",
                    f.id.get_ref()
                ),
            );
        }
        let kind = self
            .conv(
                i,
                e,
                "kind",
                &f.kind,
                crate::model::InstrumentKind::from_name,
            )
            .unwrap_or(crate::model::InstrumentKind::Other);
        let date = f
            .date
            .as_ref()
            .and_then(|d| self.conv(i, e, "date", d, str::parse::<DateSpec>));
        let mut provisions = Vec::new();
        for (k, p) in f.provisions.into_iter().enumerate() {
            let pe = Entity::Provision(idx, k);
            self.loc.entry(pe, i, "provisions", k, p.span().start);
            let p = p.into_inner();
            let citation = self
                .conv(i, pe, "cite", &p.cite, Citation::parse)
                .unwrap_or_else(placeholder_citation);
            let status = self
                .conv(
                    i,
                    pe,
                    "text_status",
                    &p.text_status,
                    crate::model::TextStatus::from_name,
                )
                .unwrap_or(crate::model::TextStatus::Missing);
            let translations = p
                .translations
                .into_iter()
                .enumerate()
                .map(|(n, t)| Translation {
                    status: self
                        .conv(
                            i,
                            pe,
                            &format!("translations[{n}].status"),
                            &t.status,
                            crate::model::TextStatus::from_name,
                        )
                        .unwrap_or(crate::model::TextStatus::Translation),
                    lang: t.lang,
                    text: t.text,
                    source: t.source,
                })
                .collect();
            provisions.push(Provision {
                citation,
                heading: p.heading,
                themes: p.themes,
                text: p.text,
                status,
                text_source: p.text_source,
                translations,
            });
        }
        case.instruments.push(Instrument {
            id: f.id.into_inner(),
            kind,
            title: f.title,
            date,
            place: f.place,
            parties: f.parties,
            parent: f.parent,
            url: f.url,
            notes: f.notes,
            provisions,
        });
    }

    fn letter(&mut self, i: usize, dir: &str, f: LetterFile, case: &mut Case) {
        let e = Entity::Letter(case.letters.len());
        self.loc.top(e, i, "");
        if f.id.get_ref() != dir {
            let line = self.line(i, f.id.span().start);
            self.error(
                i,
                line,
                Some("id".into()),
                format!(
                    "{:?} does not match the directory name (expected id = {dir:?})",
                    f.id.get_ref()
                ),
            );
        }
        let date = self
            .conv(i, e, "date", &f.date, Day::parse)
            .unwrap_or(Day::EPOCH);
        let signatory_order = f
            .signatory_order
            .as_ref()
            .and_then(|o| {
                self.conv(
                    i,
                    e,
                    "signatory_order",
                    o,
                    crate::model::SignatoryOrder::from_name,
                )
            })
            .unwrap_or_default();
        let body_name = f.body.get_ref().clone();
        if body_name.contains('/') || body_name.starts_with('.') || body_name.ends_with(".toml") {
            let line = self.line(i, f.body.span().start);
            self.error(
                i,
                line,
                Some("body".into()),
                format!("{body_name:?} must be a file name next to letter.toml"),
            );
        }
        let signatories: Vec<Signatory> = f
            .signatories
            .into_iter()
            .enumerate()
            .map(|(n, s)| {
                let s = s.into_inner();
                Signatory {
                    state: self
                        .conv(
                            i,
                            e,
                            &format!("signatories[{n}].state"),
                            &s.state,
                            crate::model::SignatureState::from_name,
                        )
                        .unwrap_or(crate::model::SignatureState::Invited),
                    organisation: s.organisation,
                    country: s.country,
                    representative: s.representative,
                    url: s.url,
                    order: s.order,
                    signed_text_sha256: s.signed_text_sha256,
                }
            })
            .collect();
        let versions = self.letter_versions(i, e, f.versions, &signatories);
        self.loc.body_file(e, format!("letters/{dir}/{body_name}"));
        case.letters.push(crate::model::Letter {
            id: f.id.into_inner(),
            title: f.title,
            date,
            place: f.place,
            language: f.language,
            coordinator: f.coordinator,
            body: String::new(),
            closing: f.closing,
            signatory_order,
            addressees: f
                .addressees
                .into_iter()
                .map(|a| Addressee {
                    name: a.name,
                    title: a.title,
                    organisation: a.organisation,
                    role: a.role,
                    actor: a.actor,
                })
                .collect(),
            cc: f.cc,
            signatories,
            versions,
        });
    }

    /// A letter's `[[versions]]`: dates parsed and signatories found by the name they print
    /// (each problem located); the rest is checked with the case (`letter_version::problems`).
    fn letter_versions(
        &mut self,
        i: usize,
        e: Entity,
        entries: Vec<files::LetterVersionEntry>,
        signatories: &[Signatory],
    ) -> Vec<crate::letter_version::LetterVersion> {
        let mut out = Vec::with_capacity(entries.len());
        for (k, v) in entries.into_iter().enumerate() {
            let translated_at = v.translated_at.as_ref().and_then(|d| {
                self.conv(i, e, &format!("versions[{k}].translated_at"), d, Day::parse)
            });
            let mut signatures = Vec::with_capacity(v.signatures.len());
            for (n, s) in v.signatures.into_iter().enumerate() {
                let who = self.conv(
                    i,
                    e,
                    &format!("versions[{k}].signatures[{n}].signatory"),
                    &s.signatory,
                    |name| {
                        signatories
                            .iter()
                            .position(|x| x.organisation == name)
                            .and_then(|p| u32::try_from(p).ok())
                            .ok_or_else(|| format!("no signatory {name:?} on this letter"))
                    },
                );
                if let Some(signatory) = who {
                    signatures.push(crate::letter_version::VersionSignature {
                        signatory,
                        sha256: s.sha256,
                    });
                }
            }
            out.push(crate::letter_version::LetterVersion {
                lang: v.lang,
                title: v.title,
                place: v.place,
                body: v.body,
                closing: v.closing,
                translated_by: v.translated_by,
                translated_at,
                original_sha256: v.original_sha256,
                signatures,
                addressees: v
                    .addressees
                    .into_iter()
                    .map(|a| crate::letter_version::AddresseeText {
                        name: a.name,
                        title: a.title,
                        organisation: a.organisation,
                        role: a.role,
                    })
                    .collect(),
                cc: v.cc,
            });
        }
        out
    }

    /// Letter bodies live in their own files; attach each to its letter, and report strays.
    fn attach_bodies(&mut self, bodies: &[usize], case: &mut Case) {
        let mut used = HashSet::new();
        for (n, letter) in case.letters.iter_mut().enumerate() {
            let Some(want) = self.loc.body_path(Entity::Letter(n)) else {
                continue;
            };
            match bodies.iter().find(|&&b| self.paths[b] == want) {
                Some(&b) => {
                    letter.body = self.text(b).to_owned();
                    used.insert(b);
                }
                None => {
                    let file = self.loc.file_of(Entity::Letter(n));
                    self.error(
                        file.unwrap_or(0),
                        None,
                        Some("body".into()),
                        format!("the body file {want:?} is missing"),
                    );
                }
            }
        }
        for &b in bodies {
            if !used.contains(&b) {
                self.error(
                    b,
                    None,
                    None,
                    "no letter.toml in this directory names this file as its body".into(),
                );
            }
        }
    }
}

/// Only used after an error has been recorded, to keep the record (and references to it) alive so
/// that validation does not report follow-on problems.
fn placeholder_citation() -> Citation {
    Citation::instrument_only("INVALID")
}

/// Write a case as a bundle, in canonical form: the same case always gives the same bytes. A
/// kind with more than [`Sharding::default`]'s records is split into shard files.
pub fn write(case: &Case) -> Result<Vec<BundleFile>, WriteError> {
    files::write(case, Sharding::default())
}

/// [`write`] one file at a time: each file is handed to `emit` as soon as it is made, so a
/// caller writing them to disk holds one shard's text at a time (files come in no particular
/// order; [`write`] sorts them by path). An error from `emit` stops the writing.
pub fn write_each(
    case: &Case,
    emit: &mut dyn FnMut(BundleFile) -> Result<(), WriteError>,
) -> Result<(), WriteError> {
    files::write_each(case, Sharding::default(), emit)
}

/// [`write`] with other bounds for the shard files (tests use small ones).
pub fn write_sharded(case: &Case, sharding: Sharding) -> Result<Vec<BundleFile>, WriteError> {
    files::write(case, sharding)
}
