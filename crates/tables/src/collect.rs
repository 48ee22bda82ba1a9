//! Across the rows of a file: one actor per name, one source per name, and no record id twice.
//!
//! Rows are mapped one at a time (a file of a million rows is never held whole); this keeps what
//! must be known across them: the ids seen so far, with the row that first had each.

use std::collections::{HashMap, HashSet};

use crate::{Problem, RowRecords};

#[derive(Debug, Default)]
pub struct Collector {
    /// Incident and instrument ids, with the row that had them first.
    records: HashMap<String, usize>,
    actors: HashSet<String>,
    sources: HashSet<String>,
}

impl Collector {
    pub fn new() -> Collector {
        Collector::default()
    }

    /// Admit a row's records: a record id an earlier row had is a problem (the row is refused);
    /// actors and sources already admitted are dropped from the row (the first row's record of
    /// them stands).
    pub fn admit(
        &mut self,
        row: usize,
        id_column: &str,
        mut records: RowRecords,
    ) -> Result<RowRecords, Problem> {
        let id = records
            .incident
            .as_ref()
            .map(|i| i.id.clone())
            .or_else(|| records.instrument.as_ref().map(|i| i.id.clone()));
        if let Some(id) = id {
            if let Some(first) = self.records.get(&id) {
                return Err(Problem::new(
                    row,
                    id_column,
                    id.clone(),
                    format!("row {first} has this id already: each row is one record"),
                ));
            }
            self.records.insert(id, row);
        }
        records.actors.retain(|a| self.actors.insert(a.id.clone()));
        records
            .sources
            .retain(|s| self.sources.insert(s.id.clone()));
        Ok(records)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use accord_core::{Actor, ActorKind, Sensitivity};

    fn actor(id: &str) -> Actor {
        Actor {
            id: id.to_owned(),
            kind: ActorKind::Group,
            name: id.to_owned(),
            aliases: vec![],
            country: None,
            members: vec![],
            sensitivity: Sensitivity::Case,
            restricted_to: vec![],
        }
    }

    #[test]
    fn actors_once_and_ids_never_twice() {
        let mut c = Collector::new();
        let first = RowRecords {
            actors: vec![actor("a"), actor("b")],
            ..RowRecords::default()
        };
        let admitted = c.admit(2, "id", first.clone());
        assert_eq!(admitted.map(|r| r.actors.len()), Ok(2));
        let again = c.admit(3, "id", first);
        assert_eq!(again.map(|r| r.actors.len()), Ok(0));
        let inc = RowRecords {
            incident: Some(accord_core::Incident {
                id: "x1".into(),
                date: "2020-01-01".parse().unwrap_or(accord_core::DateSpec::At(
                    accord_core::date::Point::Year(2020),
                )),
                title: "t".into(),
                kind: accord_core::IncidentKind::Other,
                summary: None,
                place: None,
                themes: vec![],
                sources: vec![],
                actors: vec![],
                evidence: vec![],
                sensitivity: Sensitivity::Case,
                restricted_to: vec![],
            }),
            ..RowRecords::default()
        };
        assert!(c.admit(4, "id", inc.clone()).is_ok());
        let e = c.admit(9, "event_id_cnty", inc).err();
        assert_eq!(
            e.map(|p| (p.row, p.column, p.value)),
            Some((9, "event_id_cnty".into(), "x1".into()))
        );
    }
}
