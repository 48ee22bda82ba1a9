#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]
//! Every format's example file (docs/examples/import/, written by the team: ACLED's terms do not
//! allow passing on its data) mapped to records, and every kind of bad row refused with its row,
//! column and value.

use accord_core::{IncidentKind, Named, Role, Sensitivity};
use accord_tables::{Collector, Format, Mapping, Problem, RowRecords, mapper, read};

const EXAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/examples/import/");

fn example(name: &str) -> Vec<u8> {
    std::fs::read(format!("{EXAMPLES}{name}")).unwrap()
}

/// Map a whole CSV: the records of the good rows and every problem.
fn map(format: Format, bytes: &[u8], mapping: Option<&Mapping>) -> (Vec<RowRecords>, Vec<Problem>) {
    let (table, mut problems) = read::csv_table(bytes).unwrap();
    let m = match mapper(format, &table.headers, mapping) {
        Ok(m) => m,
        Err(p) => return (Vec::new(), p),
    };
    let mut collector = Collector::new();
    let mut out = Vec::new();
    for (i, row) in table.rows.iter().enumerate() {
        let cells: Vec<&str> = row.iter().map(String::as_str).collect();
        match m.map(i + 2, &cells) {
            Ok(r) => match collector.admit(i + 2, "id", r) {
                Ok(r) => out.push(r),
                Err(p) => problems.push(p),
            },
            Err(p) => problems.extend(p),
        }
    }
    (out, problems)
}

#[test]
fn acled_current_codebook_with_a_byte_order_mark() {
    let (rows, problems) = map(Format::Acled, &example("acled.csv"), None);
    assert_eq!(problems, vec![]);
    assert_eq!(rows.len(), 4);
    let protest = rows[0].incident.as_ref().unwrap();
    assert_eq!(protest.id, "XKH1001");
    assert_eq!(protest.date.to_string(), "2023-01-31");
    assert_eq!(protest.title, "Peaceful protest in Phnom Penh");
    assert_eq!(
        protest.place.as_deref(),
        Some("Phnom Penh, Chamkar Mon, Phnom Penh, Cambodia")
    );
    assert_eq!(
        protest.themes,
        vec![
            "Demonstrations",
            "Protests",
            "Peaceful protest",
            "crowd size=around 200"
        ]
    );
    // Several sources and associated actors separated by ';'.
    assert_eq!(
        protest.sources,
        vec!["src-example-daily", "src-example-radio"]
    );
    assert_eq!(protest.actors.len(), 3);
    assert!(
        protest.actors.iter().all(|a| a.role == Role::Other),
        "protesters are not perpetrators"
    );
    let summary = protest.summary.as_deref().unwrap();
    assert!(summary.contains("\n- fatalities: 0"), "{summary}");
    assert!(
        summary.contains("\n- coordinates: 11.5564|104.9282"),
        "{summary}"
    );
    // 5-May-20.
    let attack = rows[1].incident.as_ref().unwrap();
    assert_eq!(attack.date.to_string(), "2020-05-05");
    assert!(
        attack.summary.as_deref().unwrap().contains("ដំណឹងពីសហជីព"),
        "Khmer kept"
    );
    assert_eq!(
        attack
            .actors
            .iter()
            .filter(|a| a.role == Role::Target)
            .count(),
        2
    );
    // 16 May 2025, time precision 2 (the week around the day): an arrest by state forces.
    let arrest = rows[2].incident.as_ref().unwrap();
    assert_eq!(arrest.kind, IncidentKind::Arrest);
    assert_eq!(arrest.date.to_string(), "2025-05-13..2025-05-19");
    assert_eq!(rows[2].actors[0].kind.as_str(), "government_body");
    // Time precision 3: the month.
    assert_eq!(
        rows[3].incident.as_ref().unwrap().date.to_string(),
        "2021-03"
    );
    // One actor record per distinct name across rows.
    let actors: Vec<&str> = rows
        .iter()
        .flat_map(|r| r.actors.iter().map(|a| a.name.as_str()))
        .collect();
    assert_eq!(
        actors
            .iter()
            .filter(|n| **n == "Civilians (Cambodia)")
            .count(),
        1
    );
    assert_eq!(
        actors
            .iter()
            .filter(|n| **n == "Labor Group (Cambodia)")
            .count(),
        1
    );
}

#[test]
fn acled_older_and_monadic_exports() {
    let (rows, problems) = map(Format::Acled, &example("acled-older.csv"), None);
    assert_eq!(problems, vec![]);
    let arrest = rows[1].incident.as_ref().unwrap();
    assert_eq!(arrest.date.to_string(), "2017-09-03");
    assert_eq!(arrest.kind, IncidentKind::Arrest);
    // Numeric inter codes: 1 is state forces.
    assert_eq!(rows[1].actors[0].kind.as_str(), "government_body");
    assert!(arrest.summary.as_deref().unwrap().contains("- iso3: KHM"));
    let (rows, problems) = map(Format::Acled, &example("acled-monadic.csv"), None);
    assert_eq!(problems, vec![]);
    assert_eq!(rows[0].incident.as_ref().unwrap().actors.len(), 1);
}

#[test]
fn acled_bad_rows_name_row_column_and_value() {
    let text = "event_id_cnty,event_date,year,time_precision,event_type,actor1,fatalities,latitude,longitude\n\
                KHM1,2020-01-01,2020,1,Protests,Protesters,0,11.5,104.9\n\
                KHM 2,31-Feb-20,2020,4,Protests,Protesters,many,95,104.9\n\
                KHM3,2020-01-02,2019,1,,,-1,,\n\
                KHM1,2020-01-01,2020,1,Protests,Protesters,0,,\n";
    let (rows, problems) = map(Format::Acled, text.as_bytes(), None);
    assert_eq!(rows.len(), 1);
    let got: Vec<(usize, &str, &str)> = problems
        .iter()
        .map(|p| (p.row, p.column.as_str(), p.value.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            (3, "event_id_cnty", "KHM 2"),
            (3, "event_date", "31-Feb-20"),
            (3, "time_precision", "4"),
            (3, "fatalities", "many"),
            (3, "latitude", "95"),
            (4, "year", "2019"),
            (4, "fatalities", "-1"),
            (4, "event_type", ""),
            (4, "actor1", ""),
            (5, "id", "KHM1"),
        ]
    );
    // A file that is not ACLED's says which columns it lacks.
    let (_, problems) = map(Format::Acled, b"title,date\nx,2020-01-01\n", None);
    assert_eq!(
        problems
            .iter()
            .map(|p| p.column.as_str())
            .collect::<Vec<_>>(),
        vec!["event_id_cnty", "event_date", "event_type", "actor1"]
    );
}

#[test]
fn uwazi_conventions() {
    let (rows, problems) = map(Format::Uwazi, &example("uwazi.csv"), None);
    assert_eq!(problems, vec![]);
    let arrest = rows[0].incident.as_ref().unwrap();
    assert_eq!(arrest.id, "arrest-of-a-land-activist");
    assert_eq!(arrest.kind, IncidentKind::Arrest);
    assert_eq!(arrest.themes, vec!["freedom of assembly", "land"]);
    assert_eq!(arrest.sources.len(), 2);
    assert_eq!(
        rows[0].sources[0].url.as_deref(),
        Some("https://example.org/report-1")
    );
    let summary = arrest.summary.as_deref().unwrap();
    assert!(summary.starts_with("A land activist was arrested after a protest."));
    assert!(
        summary.contains("- title__km: ការចាប់ខ្លួនសកម្មជនដីធ្លី"),
        "{summary}"
    );
    assert!(
        summary.contains("- geolocation: 11.5564|104.9282"),
        "{summary}"
    );
    assert!(summary.contains("- case_status: open"), "{summary}");
    // Victims are restricted until someone marks them otherwise.
    let victim = rows[0]
        .actors
        .iter()
        .find(|a| a.name == "Activist A (example)")
        .unwrap();
    assert_eq!(victim.sensitivity, Sensitivity::Restricted);
    assert_eq!(
        rows[1].incident.as_ref().unwrap().date.to_string(),
        "2017-08-25"
    );

    let bad = "title,date,geolocation\n,2017-01-01,\nX,someday,11.5\n";
    let (_, problems) = map(Format::Uwazi, bad.as_bytes(), None);
    let got: Vec<(usize, &str)> = problems
        .iter()
        .map(|p| (p.row, p.column.as_str()))
        .collect();
    assert_eq!(got, vec![(2, "title"), (3, "date"), (3, "geolocation")]);
}

#[test]
fn uwazi_export_reads_back_as_the_same_incidents() {
    let (rows, _) = map(Format::Uwazi, &example("uwazi.csv"), None);
    let mut case = accord_core::Case::default();
    for r in &rows {
        case.actors.extend(r.actors.clone());
        case.sources.extend(r.sources.clone());
        case.incidents.extend(r.incident.clone());
    }
    let incidents: Vec<_> = case.incidents.iter().collect();
    let sheet = accord_tables::export::uwazi(&case, &incidents);
    let bytes = accord_tables::export::to_csv(&sheet, false);
    let (again, problems) = map(Format::Uwazi, &bytes, None);
    assert_eq!(problems, vec![]);
    let again: Vec<_> = again.into_iter().filter_map(|r| r.incident).collect();
    assert_eq!(again.len(), case.incidents.len());
    for (a, b) in again.iter().zip(&case.incidents) {
        assert_eq!(a.id, b.id);
        assert_eq!(a.title, b.title);
        assert_eq!(a.date, b.date);
        assert_eq!(a.kind, b.kind);
        assert_eq!(a.themes, b.themes);
        assert_eq!(a.actors, b.actors);
        assert_eq!(
            a.summary, b.summary,
            "the title__km and every kept field come back"
        );
    }
}

#[test]
fn pax_agreements_become_instruments() {
    let mapping = Mapping::parse("[instruments]\n\"252\" = \"ACPS\"\n").unwrap();
    let (rows, problems) = map(Format::Pax, &example("pax.csv"), Some(&mapping));
    assert_eq!(problems, vec![]);
    let acps = rows[0].instrument.as_ref().unwrap();
    assert_eq!(acps.id, "ACPS");
    assert_eq!(
        acps.date.map(|d| d.to_string()).as_deref(),
        Some("1991-10-23")
    );
    let notes = acps.notes.as_deref().unwrap();
    assert!(notes.contains("- AgtId: 252"), "{notes}");
    assert!(
        notes.contains("- codes: HrGen 3, HrFra 2, Pol 3, Eps 1, Ce 2"),
        "{notes}"
    );
    let other = rows[1].instrument.as_ref().unwrap();
    assert_eq!(other.id, "pax-9001");
    assert_eq!(
        other.date.map(|d| d.to_string()).as_deref(),
        Some("1990-10-23")
    );
    let bad = "AgtId,Agt,Dat,GeWom\nx,A,1991-10-23,4\n";
    let (_, problems) = map(Format::Pax, bad.as_bytes(), None);
    let got: Vec<(usize, &str, &str)> = problems
        .iter()
        .map(|p| (p.row, p.column.as_str(), p.value.as_str()))
        .collect();
    assert_eq!(got, vec![(2, "AgtId", "x"), (2, "GeWom", "4")]);
}

/// The reference case's own PA-X file (PA-X V3's coding of the Paris instruments, with PA-X's
/// metadata columns `PP`, `Ver`, `Loc1ISO`, …): every agreement maps onto the case's instrument,
/// and only provision categories are counted as codes.
#[test]
fn the_reference_cases_pax_coding_maps_onto_its_instruments() {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/provenance/cambodia-2017/law/"
    );
    let mapping =
        Mapping::parse(&std::fs::read_to_string(format!("{dir}pax_mapping.toml")).unwrap())
            .unwrap();
    let csv = std::fs::read(format!("{dir}pax_agreements.csv")).unwrap();
    let (rows, problems) = map(Format::Pax, &csv, Some(&mapping));
    assert_eq!(problems, vec![]);
    let ids: Vec<&str> = rows
        .iter()
        .map(|r| r.instrument.as_ref().unwrap().id.as_str())
        .collect();
    assert_eq!(ids, ["ACPS", "ASIT", "FA"]);
    let acps = rows[0].instrument.as_ref().unwrap();
    let notes = acps.notes.as_deref().unwrap();
    assert!(notes.contains("- AgtId: 252"), "{notes}");
    let codes = notes
        .lines()
        .find_map(|l| l.strip_prefix("- codes: "))
        .unwrap();
    for code in ["Cons 3", "Ele 3", "Polps 3", "HrDem 3", "GRef 3"] {
        assert!(codes.split(", ").any(|c| c == code), "{code} in {codes}");
    }
    // PA-X V3's version column (1) and the process number (17) are metadata, not codes.
    assert!(
        !codes
            .split(", ")
            .any(|c| c.starts_with("Ver ") || c.starts_with("PP ")),
        "{codes}"
    );
}

#[test]
fn spreadsheets_with_a_mapping() {
    let mapping = Mapping::parse(&String::from_utf8(example("table.toml")).unwrap()).unwrap();
    let (rows, problems) = map(Format::Table, &example("table.csv"), Some(&mapping));
    assert_eq!(problems, vec![]);
    let dates: Vec<String> = rows
        .iter()
        .map(|r| r.incident.as_ref().unwrap().date.to_string())
        .collect();
    assert_eq!(dates, vec!["2017-10-23", "2017-10-23", "2017-10"]);
    let kinds: Vec<&str> = rows
        .iter()
        .map(|r| r.incident.as_ref().unwrap().kind.as_str())
        .collect();
    assert_eq!(kinds, vec!["arrest", "threat", "ban"]);
    let first = rows[0].incident.as_ref().unwrap();
    assert_eq!(first.id, "LH-2017-001");
    let summary = first.summary.as_deref().unwrap();
    assert!(
        summary.contains("- title__km: ការចាប់ខ្លួនក្រុមប្រឹក្សាឃុំ"),
        "{summary}"
    );
    assert!(
        summary.contains("- Follow-up: lawyer informed"),
        "unmapped columns are kept: {summary}"
    );
    assert_eq!(rows[2].incident.as_ref().unwrap().sources.len(), 2);

    // Without a stated order, 23/10/2017 is refused, not guessed.
    let no_order =
        Mapping::parse("[columns]\ndate = \"Date\"\ntitle = \"Title\"\nid = \"Ref\"\n").unwrap();
    let (_, problems) = map(Format::Table, &example("table.csv"), Some(&no_order));
    assert_eq!(
        problems
            .iter()
            .map(|p| (p.row, p.column.as_str(), p.value.as_str()))
            .collect::<Vec<_>>(),
        vec![(2, "Date", "23/10/2017")]
    );
    // A mapping naming a column the file lacks.
    let wrong = Mapping::parse("[columns]\ndate = \"When\"\ntitle = \"Title\"\n").unwrap();
    let (_, problems) = map(Format::Table, &example("table.csv"), Some(&wrong));
    assert_eq!(problems[0].column, "When");
    // An unknown kind value names what to add to the mapping.
    let bare = Mapping::parse("date_order = \"dmy\"\n[columns]\ndate = \"Date\"\ntitle = \"Title\"\nkind = \"Type\"\nid = \"Ref\"\n").unwrap();
    let (_, problems) = map(Format::Table, &example("table.csv"), Some(&bare));
    assert_eq!(problems[0].value, "Arbitrary arrest");
    assert!(problems[0].message.contains("[kinds]"));
}
