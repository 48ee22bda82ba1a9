//! A case's incidents, findings and sources as tables, for CSV, XLSX and Uwazi.
//!
//! Pure: records in, rows out. Which records go in is the caller's business (the command line
//! exports every record; the timeline's download only what its reader may see, filtered).

use accord_core::{Case, Finding, Incident, Named, Role, Source};

use crate::extras;

/// One table: a CSV file or a sheet of a workbook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    /// The sheet's (or the file's) name: `incidents`, `findings`, `sources`.
    pub name: &'static str,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

/// How records name what they refer to: an actor's name and a source's title by id (the id
/// itself when it is not known, or not to be shown).
pub trait Names {
    fn actor(&self, id: &str) -> String;
    fn source(&self, id: &str) -> String;
}

impl Names for Case {
    fn actor(&self, id: &str) -> String {
        Case::actor(self, id).map_or_else(|| id.to_owned(), |a| a.name.clone())
    }
    fn source(&self, id: &str) -> String {
        Case::source(self, id).map_or_else(|| id.to_owned(), |s| s.title.clone())
    }
}

/// The names of an incident's actors in one role, joined by `sep`.
fn actors_in(names: &dyn Names, inc: &Incident, role: Role, sep: &str) -> String {
    inc.actors
        .iter()
        .filter(|r| r.role == role)
        .map(|r| names.actor(&r.actor))
        .collect::<Vec<_>>()
        .join(sep)
}

const ROLES: [(Role, &str); 5] = [
    (Role::Perpetrator, "perpetrators"),
    (Role::Target, "targets"),
    (Role::Victim, "victims"),
    (Role::Witness, "witnesses"),
    (Role::Other, "other_actors"),
];

/// Incidents, one a row; several values in a cell are separated by `; `.
pub fn incidents(names: &dyn Names, incidents: &[&Incident]) -> Sheet {
    let mut headers = strings(&[
        "id", "date", "title", "kind", "summary", "place", "themes", "sources",
    ]);
    headers.extend(ROLES.iter().map(|(_, n)| (*n).to_owned()));
    headers.push("sensitivity".to_owned());
    let rows = incidents
        .iter()
        .map(|i| {
            let mut row = vec![
                i.id.clone(),
                i.date.to_string(),
                i.title.clone(),
                i.kind.as_str().to_owned(),
                i.summary.clone().unwrap_or_default(),
                i.place.clone().unwrap_or_default(),
                i.themes.join("; "),
                i.sources.join("; "),
            ];
            row.extend(ROLES.iter().map(|(r, _)| actors_in(names, i, *r, "; ")));
            row.push(i.sensitivity.as_str().to_owned());
            row
        })
        .collect();
    Sheet {
        name: "incidents",
        headers,
        rows,
    }
}

/// Findings, one a row.
pub fn findings(findings: &[&Finding]) -> Sheet {
    Sheet {
        name: "findings",
        headers: strings(&[
            "id",
            "incidents",
            "provision",
            "verdict",
            "status",
            "rationale",
            "author",
            "reviewed_by",
        ]),
        rows: findings
            .iter()
            .map(|f| {
                vec![
                    f.id.clone(),
                    f.incidents.join("; "),
                    f.provision.to_string(),
                    f.verdict.as_str().to_owned(),
                    f.status.as_str().to_owned(),
                    f.rationale.clone(),
                    f.author.clone().unwrap_or_default(),
                    f.reviewed_by.clone().unwrap_or_default(),
                ]
            })
            .collect(),
    }
}

/// Sources, one a row.
pub fn sources(sources: &[&Source]) -> Sheet {
    Sheet {
        name: "sources",
        headers: strings(&[
            "id",
            "title",
            "authors",
            "publisher",
            "date",
            "url",
            "accessed",
            "note",
            "sensitivity",
        ]),
        rows: sources
            .iter()
            .map(|s| {
                vec![
                    s.id.clone(),
                    s.title.clone(),
                    s.authors.join("; "),
                    s.publisher.clone().unwrap_or_default(),
                    s.date.map(|d| d.to_string()).unwrap_or_default(),
                    s.url.clone().unwrap_or_default(),
                    s.accessed.map(|d| d.to_string()).unwrap_or_default(),
                    s.note.clone().unwrap_or_default(),
                    s.sensitivity.as_str().to_owned(),
                ]
            })
            .collect(),
    }
}

/// Incidents as a Uwazi CSV: `title`, the properties Accord has, values separated by `|`, a
/// `sharedId` (the incident's id, so importing it back finds the same records), and the fields
/// of each summary's `Imported from …:` block as columns of their own (`title__km`,
/// `coordinates` as `lat|lon`, …).
pub fn uwazi(names: &dyn Names, incidents: &[&Incident]) -> Sheet {
    let mut headers = strings(&[
        "title", "date", "kind", "summary", "place", "themes", "sources",
    ]);
    headers.extend(ROLES.iter().take(4).map(|(_, n)| (*n).to_owned()));
    headers.push("sharedId".to_owned());
    let fixed = headers.len();
    let split: Vec<(String, Vec<(String, String)>)> = incidents
        .iter()
        .map(|i| extras::split(i.summary.as_deref().unwrap_or_default()))
        .collect();
    for (_, fields) in &split {
        for (k, _) in fields {
            if !headers.iter().any(|h| h.eq_ignore_ascii_case(k)) {
                headers.push(k.clone());
            }
        }
    }
    let rows = incidents
        .iter()
        .zip(&split)
        .map(|(i, (text, fields))| {
            let source_titles: Vec<String> = i.sources.iter().map(|s| names.source(s)).collect();
            let mut row = vec![
                i.title.clone(),
                i.date.to_string(),
                i.kind.as_str().to_owned(),
                text.clone(),
                i.place.clone().unwrap_or_default(),
                i.themes.join("|"),
                source_titles.join("|"),
            ];
            row.extend(
                ROLES
                    .iter()
                    .take(4)
                    .map(|(r, _)| actors_in(names, i, *r, "|")),
            );
            row.push(i.id.clone());
            row.resize(headers.len(), String::new());
            for (k, v) in fields {
                if let Some(at) = headers[fixed..].iter().position(|h| h == k) {
                    row[fixed + at] = v.clone();
                }
            }
            row
        })
        .collect();
    Sheet {
        name: "incidents",
        headers,
        rows,
    }
}

/// How a cell is written into a CSV meant for people: a value a spreadsheet would run as a
/// formula (`=`, `+`, `@`, or `-` before something other than a number) gets a leading `'`.
pub fn spreadsheet_safe(value: &str) -> std::borrow::Cow<'_, str> {
    let risky = match value.as_bytes() {
        [b'=' | b'+' | b'@' | b'\t' | b'\r', ..] => true,
        [b'-', next, ..] => !next.is_ascii_digit() && *next != b'.',
        _ => false,
    };
    if risky {
        format!("'{value}").into()
    } else {
        value.into()
    }
}

/// A sheet as CSV bytes (UTF-8, with a header row). `safe`: cells are passed through
/// [`spreadsheet_safe`] (for files opened in spreadsheets; Uwazi's import reads them as they are).
pub fn to_csv(sheet: &Sheet, safe: bool) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut write = |cells: &[String]| {
        // Writing into memory cannot fail; a failure would only leave the row out.
        let _ = if safe {
            w.write_record(cells.iter().map(|c| spreadsheet_safe(c).into_owned()))
        } else {
            w.write_record(cells)
        };
    };
    write(&sheet.headers);
    for row in &sheet.rows {
        write(row);
    }
    w.into_inner().unwrap_or_default()
}
