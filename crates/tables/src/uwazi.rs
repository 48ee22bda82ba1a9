//! Uwazi's CSV, as its import reads and its export writes it.
//!
//! Uwazi's conventions: a required `title` column; other columns matched to properties by name;
//! a title in another language in `title__LANG` (`title__km`); several values in one cell
//! separated by `|`; a geolocation as `lat|lon`; dates in Uwazi's accepted forms (and Unix times,
//! as Uwazi stores them). A row's id is its `sharedId` when the file has one, else its title.

use crate::mapping::{Mapping, is_language_title};
use crate::spreadsheet::{Dialect, TableMapper};
use crate::{Columns, Problem};

/// The property names (any letter case) read as each incident field; the first present wins.
pub const PROPERTIES: [(&str, &[&str]); 12] = [
    ("id", &["sharedId", "shared_id"]),
    ("title", &["title"]),
    ("date", &["date", "event_date", "incident_date"]),
    ("summary", &["summary", "description"]),
    ("place", &["place", "location"]),
    ("kind", &["kind", "type", "incident_type"]),
    ("themes", &["themes", "theme", "tags", "rights"]),
    ("sources", &["sources", "source"]),
    ("perpetrators", &["perpetrators", "perpetrator", "actors"]),
    ("targets", &["targets", "target"]),
    ("victims", &["victims", "victim"]),
    ("witnesses", &["witnesses", "witness"]),
];

#[derive(Debug)]
pub struct UwaziMapper;

impl UwaziMapper {
    /// The mapper of a Uwazi CSV: the mapping may state a `date_order`; `|` separates values.
    #[expect(
        clippy::new_ret_no_self,
        reason = "Uwazi's mapper is the spreadsheet mapper set up by Uwazi's conventions"
    )]
    pub fn new(headers: &[String], mapping: &Mapping) -> Result<TableMapper, Vec<Problem>> {
        let columns = Columns::new(headers);
        let mut fields: Vec<(String, usize)> = PROPERTIES
            .iter()
            .filter_map(|(field, names)| columns.find_any(names).map(|i| ((*field).to_owned(), i)))
            .collect();
        for (i, h) in columns.names().iter().enumerate() {
            let field = h.to_ascii_lowercase();
            if is_language_title(&field) {
                fields.push((field, i));
            }
        }
        let mut problems = Vec::new();
        for (field, what) in [
            ("title", "a required title column"),
            ("date", "a date column (date, event_date or incident_date)"),
        ] {
            if !fields.iter().any(|(f, _)| f == field) {
                problems.push(Problem::new(
                    1,
                    field,
                    "",
                    format!("a Uwazi file for Accord has {what}"),
                ));
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let mapping = Mapping {
            separator: '|',
            ..mapping.clone()
        };
        Ok(TableMapper::build(
            columns,
            &fields,
            Dialect::Uwazi,
            "Uwazi",
            &mapping,
        ))
    }
}
