//! Spreadsheets (CSV or XLSX) with a mapping file, and the field-by-field mapper Uwazi's CSV
//! shares with them.
//!
//! A row is one incident. The mapping names the column of each field; a column nobody mapped is
//! kept in the incident's summary block under its header. Several values in a cell (actors,
//! sources, themes) are split on the mapping's separator (`;` by default, `|` in Uwazi).

use accord_core::validate::is_web_url;
use accord_core::{
    Actor, ActorKind, ActorRole, DateSpec, Incident, IncidentKind, Named, Role, Sensitivity, Source,
};

use crate::dates::{self, DayOrder};
use crate::mapping::{Mapping, is_language_title};
use crate::{Columns, Problem, RowMapper, RowRecords, cell, extras, ids, split_values};

/// How a format reads what the mapping does not say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dialect {
    /// A spreadsheet: an unknown kind value is a problem (the mapping's `[kinds]` says what
    /// each value means).
    Table,
    /// Uwazi: dates may be Unix times; a kind outside Accord's list is `other`, its value kept;
    /// `lat|lon` geolocation columns are checked.
    Uwazi,
}

/// Columns of actors and the role and kind of actor they give.
const ROLE_FIELDS: [(&str, Role, ActorKind); 4] = [
    ("perpetrators", Role::Perpetrator, ActorKind::Group),
    ("targets", Role::Target, ActorKind::Group),
    ("victims", Role::Victim, ActorKind::Person),
    ("witnesses", Role::Witness, ActorKind::Person),
];

#[derive(Debug)]
pub struct TableMapper {
    columns: Columns,
    dialect: Dialect,
    origin: &'static str,
    separator: char,
    date_order: Option<DayOrder>,
    kinds: Vec<(String, IncidentKind)>,
    id: Option<usize>,
    date: usize,
    title: usize,
    summary: Option<usize>,
    place: Option<usize>,
    kind: Option<usize>,
    themes: Option<usize>,
    sources: Option<usize>,
    roles: Vec<(usize, Role, ActorKind)>,
    /// Titles in other languages: (column, `title__LANG`).
    titles: Vec<(usize, String)>,
    /// Columns kept in the summary block, under their headers.
    kept: Vec<usize>,
    /// Uwazi geolocation columns (`lat|lon`), kept too.
    geolocation: Vec<usize>,
}

impl TableMapper {
    /// A spreadsheet's mapper: every column the mapping names must be in the header.
    pub fn new(headers: &[String], mapping: &Mapping) -> Result<TableMapper, Vec<Problem>> {
        let columns = Columns::new(headers);
        let mut problems = Vec::new();
        let mut fields: Vec<(String, usize)> = Vec::new();
        for (field, column) in &mapping.columns {
            match columns.find(column) {
                Some(i) => fields.push((field.clone(), i)),
                None => problems.push(Problem::new(
                    1,
                    column.clone(),
                    "",
                    format!(
                        "the mapping maps {field} to this column, which the file does not have"
                    ),
                )),
            }
        }
        for required in ["date", "title"] {
            if mapping.column(required).is_none() {
                problems.push(Problem::new(
                    0,
                    "",
                    "",
                    format!("the mapping says which column is the {required} ([columns] {required} = \"...\")"),
                ));
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(TableMapper::build(
            columns,
            &fields,
            Dialect::Table,
            "the spreadsheet",
            mapping,
        ))
    }

    pub(crate) fn build(
        columns: Columns,
        fields: &[(String, usize)],
        dialect: Dialect,
        origin: &'static str,
        mapping: &Mapping,
    ) -> TableMapper {
        let get = |f: &str| fields.iter().find(|(n, _)| n == f).map(|(_, i)| *i);
        let titles: Vec<(usize, String)> = fields
            .iter()
            .filter(|(f, _)| is_language_title(f))
            .map(|(f, i)| (*i, f.clone()))
            .collect();
        let geolocation: Vec<usize> = if dialect == Dialect::Uwazi {
            (0..columns.names().len())
                .filter(|i| {
                    let n = columns.name(*i).to_ascii_lowercase();
                    n == "geolocation"
                        || n.ends_with("_geolocation")
                        || n.starts_with("geolocation_")
                })
                .collect()
        } else {
            Vec::new()
        };
        let used: Vec<usize> = fields.iter().map(|(_, i)| *i).collect();
        let kept = (0..columns.names().len())
            .filter(|i| !used.contains(i) && !geolocation.contains(i))
            .filter(|i| !columns.name(*i).is_empty())
            .collect();
        TableMapper {
            dialect,
            origin,
            separator: mapping.separator,
            date_order: mapping.date_order,
            kinds: mapping.kinds.clone(),
            id: get("id"),
            date: get("date").unwrap_or(0),
            title: get("title").unwrap_or(0),
            summary: get("summary"),
            place: get("place"),
            kind: get("kind"),
            themes: get("themes"),
            sources: get("sources"),
            roles: ROLE_FIELDS
                .iter()
                .filter_map(|(f, role, kind)| get(f).map(|i| (i, *role, *kind)))
                .collect(),
            titles,
            kept,
            geolocation,
            columns,
        }
    }

    fn kind_of(&self, value: &str) -> Option<IncidentKind> {
        if value.is_empty() {
            return Some(IncidentKind::Other);
        }
        if let Some((_, k)) = self
            .kinds
            .iter()
            .find(|(v, _)| v.eq_ignore_ascii_case(value))
        {
            return Some(*k);
        }
        let name = value.trim().to_ascii_lowercase().replace([' ', '-'], "_");
        IncidentKind::from_name(&name).ok()
    }
}

/// `lat|lon`, each a decimal number in range.
fn geolocation(text: &str) -> bool {
    let Some((lat, lon)) = text.split_once('|') else {
        return false;
    };
    let ok = |v: &str, limit: f64| {
        v.trim()
            .parse::<f64>()
            .is_ok_and(|v| v.is_finite() && v.abs() <= limit)
    };
    ok(lat, 90.0) && ok(lon, 180.0)
}

impl RowMapper for TableMapper {
    fn map(&self, row: usize, cells: &[&str]) -> Result<RowRecords, Vec<Problem>> {
        let get = |i: Option<usize>| cell(cells, i);
        let name = |i: usize| self.columns.name(i).to_owned();
        let mut problems = Vec::new();

        let title = get(Some(self.title));
        if title.is_empty() {
            problems.push(Problem::new(
                row,
                name(self.title),
                "",
                "every record needs a title",
            ));
        }
        let date_text = get(Some(self.date));
        let date: Option<DateSpec> = match self.dialect {
            Dialect::Table => dates::typed(date_text, self.date_order),
            Dialect::Uwazi => dates::uwazi(date_text, self.date_order),
        }
        .map_err(|e| problems.push(Problem::new(row, name(self.date), date_text, e)))
        .ok();
        let id_text = get(self.id);
        let id = if id_text.is_empty() {
            if self.id.is_some() && self.dialect == Dialect::Table {
                problems.push(Problem::new(
                    row,
                    self.id.map(name).unwrap_or_default(),
                    "",
                    "the id column is empty: each row needs its id so that a second import finds it",
                ));
            }
            ids::from_name("", title)
        } else if accord_core::validate::is_id(id_text) {
            id_text.to_owned()
        } else {
            ids::from_name("", id_text)
        };
        let kind_text = get(self.kind);
        let mut fields: Vec<(String, String)> = Vec::new();
        let kind = match self.kind_of(kind_text) {
            Some(k) => k,
            None if self.dialect == Dialect::Uwazi => {
                fields.push((
                    self.kind.map(name).unwrap_or_default(),
                    kind_text.to_owned(),
                ));
                IncidentKind::Other
            }
            None => {
                problems.push(Problem::new(
                    row,
                    self.kind.map(name).unwrap_or_default(),
                    kind_text,
                    format!(
                        "not an incident kind: say what it is in the mapping's [kinds] (\"{kind_text}\" = \"arrest\"); the kinds are {}",
                        IncidentKind::all().map(Named::as_str).collect::<Vec<_>>().join(", ")
                    ),
                ));
                IncidentKind::Other
            }
        };
        for &g in &self.geolocation {
            let v = get(Some(g));
            if !v.is_empty() && !geolocation(v) {
                problems.push(Problem::new(
                    row,
                    name(g),
                    v,
                    "a geolocation is lat|lon, e.g. 11.5564|104.9282",
                ));
            }
        }
        let mut out = RowRecords::default();
        let mut sources = Vec::new();
        for value in split_values(get(self.sources), self.separator) {
            let is_url = value.starts_with("http://") || value.starts_with("https://");
            if is_url && !is_web_url(&value) {
                problems.push(Problem::new(
                    row,
                    self.sources.map(name).unwrap_or_default(),
                    value.clone(),
                    "not a web address Accord can link to",
                ));
                continue;
            }
            let id = ids::source(&value);
            if sources.contains(&id) {
                continue;
            }
            sources.push(id.clone());
            out.sources.push(Source {
                id,
                title: value.clone(),
                url: is_url.then(|| value.clone()),
                ..Source::default()
            });
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let Some(date) = date else {
            return Err(problems);
        };
        let mut roles: Vec<ActorRole> = Vec::new();
        for &(col, role, kind) in &self.roles {
            for actor_name in split_values(get(Some(col)), self.separator) {
                let id = ids::actor(&actor_name);
                if roles.iter().any(|r| r.actor == id && r.role == role) {
                    continue;
                }
                roles.push(ActorRole {
                    actor: id.clone(),
                    role,
                });
                // Victims and witnesses are protected: only the case's owners see them until
                // someone with the right marks them otherwise (docs/case-format.md).
                let sensitivity = if matches!(role, Role::Victim | Role::Witness) {
                    Sensitivity::Restricted
                } else {
                    Sensitivity::Case
                };
                out.actors.push(Actor {
                    id,
                    kind,
                    name: actor_name,
                    aliases: Vec::new(),
                    country: None,
                    members: Vec::new(),
                    sensitivity,
                    restricted_to: Vec::new(),
                });
            }
        }
        for (col, field) in &self.titles {
            fields.push((field.clone(), get(Some(*col)).to_owned()));
        }
        for &g in &self.geolocation {
            fields.push((name(g), get(Some(g)).to_owned()));
        }
        for &k in &self.kept {
            fields.push((name(k), get(Some(k)).to_owned()));
        }
        let place = get(self.place);
        out.incident = Some(Incident {
            id,
            date,
            title: title.to_owned(),
            kind,
            summary: extras::summary(get(self.summary), self.origin, &fields),
            place: (!place.is_empty()).then(|| place.to_owned()),
            themes: split_values(get(self.themes), self.separator),
            sources,
            actors: roles,
            evidence: Vec::new(),
            sensitivity: Sensitivity::Case,
            restricted_to: Vec::new(),
        });
        Ok(out)
    }
}
