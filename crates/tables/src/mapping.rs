//! The mapping file: which column of a spreadsheet is which field of an incident.
//!
//! ```toml
//! date_order = "dmy"          # 23/10/2017; "mdy" for 10/23/2017
//! separator = ";"             # between several values in one cell
//! sheet = "Incidents"         # XLSX: the sheet to read (default: the first)
//!
//! [columns]                   # field = "column header"
//! id = "Ref"
//! date = "Date"
//! title = "Title"
//! title__km = "Title (Khmer)"
//! summary = "Description"
//! place = "Location"
//! kind = "Type"
//! themes = "Rights"
//! sources = "Source"
//! perpetrators = "Perpetrator"
//! victims = "Victim"
//!
//! [kinds]                     # a value of the kind column = an incident kind
//! "Arbitrary arrest" = "arrest"
//! ```
//!
//! The web's upload preview writes one from the header ([`Mapping::suggest`]); the command line
//! takes it with `--mapping FILE`. A mapping is checked whole when read: an unknown field, kind
//! or day order is an error naming it.

use std::collections::BTreeMap;

use accord_core::{IncidentKind, Named};
use serde::Deserialize;

use crate::dates::DayOrder;

/// The incident fields a column can be mapped to (besides `title__LANG`).
pub const FIELDS: [&str; 12] = [
    "id",
    "date",
    "title",
    "summary",
    "place",
    "kind",
    "themes",
    "sources",
    "perpetrators",
    "targets",
    "victims",
    "witnesses",
];

/// A checked mapping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mapping {
    pub sheet: Option<String>,
    pub date_order: Option<DayOrder>,
    /// Between several values in one cell.
    pub separator: char,
    /// (field, column header), in the file's order.
    pub columns: Vec<(String, String)>,
    /// Values of the kind column and the incident kinds they stand for.
    pub kinds: Vec<(String, IncidentKind)>,
    /// PA-X: agreement ids (`AgtId`) that are instruments the case has (`252` = `ACPS`).
    pub instruments: Vec<(String, String)>,
}

impl Default for Mapping {
    fn default() -> Mapping {
        Mapping {
            sheet: None,
            date_order: None,
            separator: ';',
            columns: Vec::new(),
            kinds: Vec::new(),
            instruments: Vec::new(),
        }
    }
}

/// Why a mapping file was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MappingError {
    #[error("the mapping is not valid TOML: {0}")]
    Toml(String),
    #[error("the mapping's {key}: {message}")]
    Field { key: String, message: String },
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MappingFile {
    sheet: Option<String>,
    date_order: Option<String>,
    separator: Option<String>,
    #[serde(default)]
    columns: BTreeMap<String, String>,
    #[serde(default)]
    kinds: BTreeMap<String, String>,
    #[serde(default)]
    instruments: BTreeMap<String, String>,
}

fn field_error(key: impl Into<String>, message: impl Into<String>) -> MappingError {
    MappingError::Field {
        key: key.into(),
        message: message.into(),
    }
}

/// Whether `field` is a title in another language (`title__km`).
pub fn is_language_title(field: &str) -> bool {
    field.strip_prefix("title__").is_some_and(|lang| {
        (2..=8).contains(&lang.len())
            && lang.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    })
}

impl Mapping {
    /// Read and check a mapping file's text.
    pub fn parse(text: &str) -> Result<Mapping, MappingError> {
        let file: MappingFile =
            toml::from_str(text).map_err(|e| MappingError::Toml(e.message().to_owned()))?;
        let date_order = file
            .date_order
            .map(|o| {
                DayOrder::from_name(&o).ok_or_else(|| {
                    field_error("date_order", format!("{o:?} is not dmy, mdy or ymd"))
                })
            })
            .transpose()?;
        let separator = match file.separator.as_deref() {
            None => ';',
            Some(s) => {
                let mut chars = s.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => c,
                    _ => return Err(field_error("separator", "one character, e.g. \";\"")),
                }
            }
        };
        let mut columns = Vec::new();
        for (field, column) in file.columns {
            if !FIELDS.contains(&field.as_str()) && !is_language_title(&field) {
                return Err(field_error(
                    format!("columns.{field}"),
                    format!(
                        "not a field; the fields are {} and title__LANG (title__km)",
                        FIELDS.join(", ")
                    ),
                ));
            }
            columns.push((field, column));
        }
        let mut kinds = Vec::new();
        for (value, kind) in file.kinds {
            let k = IncidentKind::from_name(&kind)
                .map_err(|e| field_error(format!("kinds.{value:?}"), e.to_string()))?;
            kinds.push((value, k));
        }
        Ok(Mapping {
            sheet: file.sheet,
            date_order,
            separator,
            columns,
            kinds,
            instruments: file.instruments.into_iter().collect(),
        })
    }

    /// The column mapped to a field.
    pub fn column(&self, field: &str) -> Option<&str> {
        self.columns
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, c)| c.as_str())
    }

    /// A mapping guessed from a header: each column whose name is a field, or a common name for
    /// one, is mapped to it. The preview shows it to be checked before anything is imported.
    pub fn suggest(headers: &[String]) -> Mapping {
        const NAMES: [(&str, &[&str]); 12] = [
            (
                "id",
                &[
                    "id",
                    "ref",
                    "reference",
                    "code",
                    "case number",
                    "no",
                    "number",
                ],
            ),
            (
                "date",
                &["date", "event date", "event_date", "incident date", "when"],
            ),
            ("title", &["title", "headline", "name", "incident"]),
            (
                "summary",
                &["summary", "description", "details", "notes", "narrative"],
            ),
            ("place", &["place", "location", "province", "where"]),
            (
                "kind",
                &["kind", "type", "category", "incident type", "violation"],
            ),
            ("themes", &["themes", "theme", "rights", "tags", "right"]),
            ("sources", &["sources", "source", "reference link", "url"]),
            (
                "perpetrators",
                &[
                    "perpetrators",
                    "perpetrator",
                    "alleged perpetrator",
                    "actor",
                ],
            ),
            ("targets", &["targets", "target"]),
            ("victims", &["victims", "victim"]),
            ("witnesses", &["witnesses", "witness"]),
        ];
        let headers = crate::clean_headers(headers);
        let mut columns: Vec<(String, String)> = Vec::new();
        for (field, names) in NAMES {
            if let Some(h) = headers
                .iter()
                .find(|h| names.iter().any(|n| h.eq_ignore_ascii_case(n)))
            {
                columns.push((field.to_owned(), h.clone()));
            }
        }
        for h in &headers {
            if let Some(lang) = h.to_ascii_lowercase().strip_prefix("title__") {
                let field = format!("title__{lang}");
                if is_language_title(&field) {
                    columns.push((field, h.clone()));
                }
            }
        }
        Mapping {
            columns,
            ..Mapping::default()
        }
    }

    /// The mapping as a mapping file (what [`Mapping::parse`] reads back).
    pub fn to_toml(&self) -> String {
        let q = |s: &str| {
            let mut out = String::from("\"");
            for c in s.chars() {
                match c {
                    '"' => out.push_str("\\\""),
                    '\\' => out.push_str("\\\\"),
                    '\n' => out.push_str("\\n"),
                    c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
                    c => out.push(c),
                }
            }
            out.push('"');
            out
        };
        let mut out = String::new();
        if let Some(s) = &self.sheet {
            out.push_str(&format!("sheet = {}\n", q(s)));
        }
        match self.date_order {
            Some(DayOrder::Dmy) => out.push_str("date_order = \"dmy\"\n"),
            Some(DayOrder::Mdy) => out.push_str("date_order = \"mdy\"\n"),
            Some(DayOrder::Ymd) => out.push_str("date_order = \"ymd\"\n"),
            None => out.push_str("# date_order = \"dmy\"   # or \"mdy\": how 03/04/2017 is read\n"),
        }
        out.push_str(&format!(
            "separator = {}\n\n[columns]\n",
            q(&self.separator.to_string())
        ));
        for (f, c) in &self.columns {
            out.push_str(&format!("{f} = {}\n", q(c)));
        }
        if !self.kinds.is_empty() {
            out.push_str("\n[kinds]\n");
            for (v, k) in &self.kinds {
                out.push_str(&format!("{} = {}\n", q(v), q(k.as_str())));
            }
        }
        if !self.instruments.is_empty() {
            out.push_str("\n[instruments]\n");
            for (a, i) in &self.instruments {
                out.push_str(&format!("{} = {}\n", q(a), q(i)));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mapping_reads_back_what_it_writes() {
        let text = r#"
date_order = "dmy"
separator = "|"
[columns]
id = "Ref"
date = "Date"
title = "Title"
title__km = "ចំណងជើង"
[kinds]
"Arbitrary arrest" = "arrest"
"#;
        let m = Mapping::parse(text).unwrap_or_default();
        assert_eq!(m.date_order, Some(DayOrder::Dmy));
        assert_eq!(m.separator, '|');
        assert_eq!(m.column("title__km"), Some("ចំណងជើង"));
        assert_eq!(
            m.kinds,
            vec![("Arbitrary arrest".to_owned(), IncidentKind::Arrest)]
        );
        assert_eq!(Mapping::parse(&m.to_toml()), Ok(m));
    }

    #[test]
    fn a_mapping_names_what_is_wrong() {
        let err = |t: &str| {
            Mapping::parse(t)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default()
        };
        assert!(err("date_order = \"dm\"").contains("date_order"));
        assert!(err("[columns]\nfatalities = \"Deaths\"").contains("columns.fatalities"));
        assert!(err("[kinds]\nx = \"massacre\"").contains("kinds"));
        assert!(err("colums = 1").contains("colums"));
    }

    #[test]
    fn suggest_maps_common_header_names() {
        let headers: Vec<String> = [
            "\u{feff}Ref",
            "Date",
            "Description",
            "Victim",
            "Title__km",
            "Other",
        ]
        .map(str::to_owned)
        .to_vec();
        let m = Mapping::suggest(&headers);
        assert_eq!(m.column("id"), Some("Ref"));
        assert_eq!(m.column("summary"), Some("Description"));
        assert_eq!(m.column("victims"), Some("Victim"));
        assert_eq!(m.column("title__km"), Some("Title__km"));
        assert_eq!(m.column("title"), None);
    }
}
