//! The PA-X peace agreements database's agreements CSV: an agreement becomes an instrument.
//!
//! A row has the agreement's id (`AgtId`), name (`Agt`), date (`Dat`), country or entity
//! (`Con`), peace process, stage, parties as a text (`Part`, `ThrdPart`) and, in the other
//! columns, PA-X's provision codes: 0 (not addressed) to 3 (detailed). The instrument keeps the
//! date and title; the parties' text, the process and every non-zero code go in its notes, in
//! an `Imported from PA-X:` block (PA-X names parties in prose, not as a list of actors). An
//! agreement the case already holds is named in the mapping's `[instruments]` (`"252" =
//! "ACPS"`): that instrument keeps its own fields and provisions and gets the block.

use accord_core::{Instrument, InstrumentKind};

use crate::dates::{self, DayOrder};
use crate::mapping::Mapping;
use crate::{Columns, Problem, RowMapper, RowRecords, cell, extras};

/// PA-X's columns that are not provision codes.
const METADATA: [&str; 27] = [
    "AgtId",
    "Reg",
    "Con",
    "Contp",
    "PP",
    "PPName",
    "Agt",
    "Dat",
    "Status",
    "Lgt",
    "N_characters",
    "Agtp",
    "Stage",
    "StageSub",
    "Part",
    "ThrdPart",
    "OthAgr",
    "Loc1ISO",
    "Loc2ISO",
    "Loc1GWNO",
    "Loc2GWNO",
    "UcdpCon",
    "UcdpAgr",
    "PamAgr",
    "CowWar",
    "Version",
    // The version of the agreement's coding in PA-X V3's own file (1, 2…): not a code.
    "Ver",
];

/// Metadata kept in the notes block, in this order.
const KEPT: [&str; 10] = [
    "Con", "Contp", "PPName", "Reg", "Status", "Agtp", "Stage", "StageSub", "Part", "ThrdPart",
];

#[derive(Debug)]
pub struct PaxMapper {
    columns: Columns,
    id: usize,
    title: usize,
    date: usize,
    kept: Vec<usize>,
    codes: Vec<usize>,
    instruments: Vec<(String, String)>,
}

impl PaxMapper {
    pub fn new(headers: &[String], mapping: &Mapping) -> Result<PaxMapper, Vec<Problem>> {
        let columns = Columns::new(headers);
        let missing: Vec<Problem> = ["AgtId", "Agt", "Dat"]
            .iter()
            .filter(|c| columns.find(c).is_none())
            .map(|c| {
                Problem::new(
                    1,
                    *c,
                    "",
                    "a PA-X agreements file has this column; is this PA-X's CSV (--format pax)?",
                )
            })
            .collect();
        if !missing.is_empty() {
            return Err(missing);
        }
        let find = |c: &str| columns.find(c).unwrap_or(0);
        let codes = (0..columns.names().len())
            .filter(|i| {
                let n = columns.name(*i);
                !n.is_empty() && !METADATA.iter().any(|m| m.eq_ignore_ascii_case(n))
            })
            .collect();
        Ok(PaxMapper {
            id: find("AgtId"),
            title: find("Agt"),
            date: find("Dat"),
            kept: KEPT.iter().filter_map(|k| columns.find(k)).collect(),
            codes,
            instruments: mapping.instruments.clone(),
            columns,
        })
    }
}

impl RowMapper for PaxMapper {
    fn map(&self, row: usize, cells: &[&str]) -> Result<RowRecords, Vec<Problem>> {
        let get = |i: usize| cell(cells, Some(i));
        let name = |i: usize| self.columns.name(i).to_owned();
        let mut problems = Vec::new();
        let agt = get(self.id);
        if agt.is_empty() || !agt.bytes().all(|b| b.is_ascii_digit()) || agt.len() > 9 {
            problems.push(Problem::new(
                row,
                name(self.id),
                agt,
                "AgtId is PA-X's agreement number",
            ));
        }
        let title = get(self.title);
        if title.is_empty() {
            problems.push(Problem::new(
                row,
                name(self.title),
                "",
                "every agreement has a name",
            ));
        }
        let date_text = get(self.date);
        // PA-X writes dates as 1991-10-23 or 23/10/1991 (Edinburgh: day first).
        let date = dates::typed(date_text, Some(DayOrder::Dmy))
            .map_err(|e| problems.push(Problem::new(row, name(self.date), date_text, e)))
            .ok();
        let mut codes = Vec::new();
        for &c in &self.codes {
            let v = get(c);
            match v {
                "" | "0" => {}
                "1" | "2" | "3" => codes.push(format!("{} {v}", name(c))),
                _ => problems.push(Problem::new(
                    row,
                    name(c),
                    v,
                    "a PA-X provision code is 0, 1, 2 or 3 (or the column is not one PA-X has)",
                )),
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let mut fields: Vec<(String, String)> = vec![("AgtId".to_owned(), agt.to_owned())];
        fields.extend(self.kept.iter().map(|&k| (name(k), get(k).to_owned())));
        fields.push(("codes".to_owned(), codes.join(", ")));
        let id = self
            .instruments
            .iter()
            .find(|(a, _)| a == agt)
            .map_or_else(|| format!("pax-{agt}"), |(_, i)| i.clone());
        Ok(RowRecords {
            instrument: Some(Instrument {
                id,
                kind: InstrumentKind::Agreement,
                title: title.to_owned(),
                date,
                place: None,
                parties: Vec::new(),
                parent: None,
                url: None,
                notes: extras::summary("", "PA-X", &fields),
                provisions: Vec::new(),
            }),
            ..RowRecords::default()
        })
    }
}
