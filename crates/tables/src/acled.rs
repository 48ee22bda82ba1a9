//! ACLED's CSV exports: a row is an event, which becomes an incident, its actors and its sources.
//!
//! Three shapes are read: the current codebook's 31 columns; the older export (with `data_id`,
//! `event_id_no_cnty`, `iso3` and numeric `inter1`/`inter2` codes); and monadic exports (one actor
//! per row, no `actor2`). Columns are found by name, in any order.

use accord_core::date::Point;
use accord_core::{
    Actor, ActorKind, ActorRole, DateSpec, Day, Incident, IncidentKind, Role, Sensitivity, Source,
};

use crate::{Columns, Problem, RowMapper, RowRecords, cell, dates, extras, ids, split_values};

/// Columns an ACLED row cannot be mapped without.
const REQUIRED: [&str; 4] = ["event_id_cnty", "event_date", "event_type", "actor1"];

/// Columns kept in the incident's summary block, in this order, when they have a value.
const KEPT: [&str; 17] = [
    "event_id_cnty",
    "data_id",
    "event_id_no_cnty",
    "time_precision",
    "interaction",
    "civilian_targeting",
    "inter1",
    "inter2",
    "iso",
    "iso3",
    "region",
    "fatalities",
    "latitude",
    "longitude",
    "geo_precision",
    "source_scale",
    "timestamp",
];

#[derive(Debug)]
pub struct AcledMapper {
    columns: Columns,
    id: usize,
    date: usize,
    year: Option<usize>,
    time_precision: Option<usize>,
    disorder_type: Option<usize>,
    event_type: usize,
    sub_event_type: Option<usize>,
    actor1: usize,
    assoc1: Option<usize>,
    inter1: Option<usize>,
    actor2: Option<usize>,
    assoc2: Option<usize>,
    inter2: Option<usize>,
    country: Option<usize>,
    admin: [Option<usize>; 3],
    location: Option<usize>,
    latitude: Option<usize>,
    longitude: Option<usize>,
    source: Option<usize>,
    notes: Option<usize>,
    fatalities: Option<usize>,
    tags: Option<usize>,
    kept: Vec<(usize, &'static str)>,
}

impl AcledMapper {
    pub fn new(headers: &[String]) -> Result<AcledMapper, Vec<Problem>> {
        let columns = Columns::new(headers);
        let missing: Vec<Problem> = REQUIRED
            .iter()
            .filter(|c| columns.find(c).is_none())
            .map(|c| {
                Problem::new(
                    1,
                    *c,
                    "",
                    "an ACLED export has this column; is this an ACLED file (--format acled)?",
                )
            })
            .collect();
        let req = |name: &str| columns.find(name).unwrap_or(0);
        if !missing.is_empty() {
            return Err(missing);
        }
        let kept = KEPT
            .iter()
            .filter_map(|k| columns.find(k).map(|i| (i, *k)))
            .collect();
        Ok(AcledMapper {
            id: req("event_id_cnty"),
            date: req("event_date"),
            year: columns.find("year"),
            time_precision: columns.find("time_precision"),
            disorder_type: columns.find("disorder_type"),
            event_type: req("event_type"),
            sub_event_type: columns.find("sub_event_type"),
            actor1: req("actor1"),
            assoc1: columns.find("assoc_actor_1"),
            inter1: columns.find("inter1"),
            actor2: columns.find("actor2"),
            assoc2: columns.find("assoc_actor_2"),
            inter2: columns.find("inter2"),
            country: columns.find("country"),
            admin: [
                columns.find("admin3"),
                columns.find("admin2"),
                columns.find("admin1"),
            ],
            location: columns.find("location"),
            latitude: columns.find("latitude"),
            longitude: columns.find("longitude"),
            source: columns.find("source"),
            notes: columns.find("notes"),
            fatalities: columns.find("fatalities"),
            tags: columns.find("tags"),
            kept,
            columns,
        })
    }
}

/// The kind of actor an ACLED interaction code names: numeric in the older export (`1`),
/// words in the current one (`State forces`).
fn actor_kind(inter: &str) -> ActorKind {
    let t = inter.trim().to_ascii_lowercase();
    match t.as_str() {
        "1" | "state forces" => ActorKind::GovernmentBody,
        "8" | "external/other forces" => ActorKind::InternationalBody,
        _ => ActorKind::Group,
    }
}

/// The incident kind of an ACLED event type and sub-event type (most have none of their own:
/// `other`, with the types kept as themes).
fn incident_kind(sub_event_type: &str) -> IncidentKind {
    match sub_event_type.trim().to_ascii_lowercase().as_str() {
        "arrests" => IncidentKind::Arrest,
        "abduction/forced disappearance" => IncidentKind::Detention,
        _ => IncidentKind::Other,
    }
}

/// A coordinate: a decimal number within `limit` degrees of zero.
fn coordinate(text: &str, limit: f64) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(v) if v.is_finite() && v.abs() <= limit => Ok(v),
        _ => Err(format!(
            "not a coordinate (a decimal number from -{limit} to {limit})"
        )),
    }
}

/// An actor of the row, its role and the kind of actor its interaction code says.
fn push_actor(
    out: &mut RowRecords,
    roles: &mut Vec<ActorRole>,
    name: &str,
    kind: ActorKind,
    role: Role,
    country: &str,
) {
    let id = ids::actor(name);
    if roles.iter().any(|r| r.actor == id) {
        return;
    }
    roles.push(ActorRole {
        actor: id.clone(),
        role,
    });
    out.actors.push(Actor {
        id,
        kind,
        name: name.to_owned(),
        aliases: Vec::new(),
        country: (!country.is_empty()).then(|| country.to_owned()),
        members: Vec::new(),
        sensitivity: Sensitivity::Case,
        restricted_to: Vec::new(),
    });
}

impl RowMapper for AcledMapper {
    fn map(&self, row: usize, cells: &[&str]) -> Result<RowRecords, Vec<Problem>> {
        let get = |i: Option<usize>| cell(cells, i);
        let mut problems = Vec::new();
        let mut bad = |col: Option<usize>, value: &str, message: String| {
            let column = col.map_or("", |c| self.columns.name(c)).to_owned();
            problems.push(Problem::new(row, column, value, message));
        };

        let id = get(Some(self.id));
        if !accord_core::validate::is_id(id) {
            bad(
                Some(self.id),
                id,
                "not an event id: letters, digits, '.', '_' or '-', at most 100".to_owned(),
            );
        }
        let date_text = get(Some(self.date));
        let day = match dates::acled(date_text) {
            Ok(d) => Some(d),
            Err(e) => {
                bad(Some(self.date), date_text, e);
                None
            }
        };
        if let (Some(d), Some(col)) = (day, self.year) {
            let y = get(Some(col));
            if !y.is_empty() && y != d.year().to_string() {
                bad(
                    Some(col),
                    y,
                    format!("the year differs from event_date's ({})", d.year()),
                );
            }
        }
        let precision = get(self.time_precision);
        if !matches!(precision, "" | "1" | "2" | "3") {
            bad(
                self.time_precision,
                precision,
                "time_precision is 1, 2 or 3".to_owned(),
            );
        }
        let fatalities = get(self.fatalities);
        if !fatalities.is_empty() && fatalities.parse::<u32>().is_err() {
            bad(
                self.fatalities,
                fatalities,
                "not a number of fatalities (a whole number, 0 or more)".to_owned(),
            );
        }
        let lat = get(self.latitude);
        let lon = get(self.longitude);
        for (col, v, limit) in [(self.latitude, lat, 90.0), (self.longitude, lon, 180.0)] {
            if !v.is_empty()
                && let Err(e) = coordinate(v, limit)
            {
                bad(col, v, e);
            }
        }
        let event_type = get(Some(self.event_type));
        if event_type.is_empty() {
            bad(
                Some(self.event_type),
                "",
                "every ACLED event has a type".to_owned(),
            );
        }
        let actor1 = get(Some(self.actor1));
        if actor1.is_empty() {
            bad(
                Some(self.actor1),
                "",
                "every ACLED event has an actor1".to_owned(),
            );
        }
        let (Some(day), true) = (day, problems.is_empty()) else {
            return Err(problems);
        };

        // The date, as precise as time_precision says it is known.
        let date = match precision {
            "2" => {
                let n = day.days_since_epoch();
                match (
                    Day::from_days_since_epoch(n - 3),
                    Day::from_days_since_epoch(n + 3),
                ) {
                    (Some(a), Some(b)) => DateSpec::Range(Point::Day(a), Point::Day(b)),
                    _ => DateSpec::At(Point::Day(day)),
                }
            }
            "3" => DateSpec::At(Point::Month {
                year: day.year(),
                month: u8::try_from(day.month()).unwrap_or(1),
            }),
            _ => DateSpec::At(Point::Day(day)),
        };
        let country = get(self.country);
        let mut out = RowRecords::default();
        let mut roles = Vec::new();
        let protest = event_type.eq_ignore_ascii_case("Protests");
        let side1 = if protest {
            Role::Other
        } else {
            Role::Perpetrator
        };
        let kind1 = actor_kind(get(self.inter1));
        push_actor(&mut out, &mut roles, actor1, kind1, side1, country);
        for name in split_values(get(self.assoc1), ';') {
            push_actor(
                &mut out,
                &mut roles,
                &name,
                ActorKind::Group,
                side1,
                country,
            );
        }
        let actor2 = get(self.actor2);
        if !actor2.is_empty() {
            let kind2 = actor_kind(get(self.inter2));
            push_actor(&mut out, &mut roles, actor2, kind2, Role::Target, country);
        }
        for name in split_values(get(self.assoc2), ';') {
            push_actor(
                &mut out,
                &mut roles,
                &name,
                ActorKind::Group,
                Role::Target,
                country,
            );
        }
        let mut sources = Vec::new();
        for name in split_values(get(self.source), ';') {
            let id = ids::source(&name);
            if sources.contains(&id) {
                continue;
            }
            sources.push(id.clone());
            out.sources.push(Source {
                id,
                title: name.clone(),
                publisher: Some(name),
                ..Source::default()
            });
        }
        let mut themes: Vec<String> = Vec::new();
        let sub_event_type = get(self.sub_event_type);
        for t in [get(self.disorder_type), event_type, sub_event_type]
            .into_iter()
            .map(str::to_owned)
            .chain(split_values(get(self.tags), ';'))
        {
            if !t.is_empty() && !themes.contains(&t) {
                themes.push(t);
            }
        }
        let location = get(self.location);
        let mut place: Vec<&str> = Vec::new();
        for p in [location]
            .into_iter()
            .chain(self.admin.iter().map(|c| get(*c)))
            .chain([country])
        {
            if !p.is_empty() && place.last() != Some(&p) {
                place.push(p);
            }
        }
        let what = if sub_event_type.is_empty() {
            event_type
        } else {
            sub_event_type
        };
        let title = match (location.is_empty(), country.is_empty()) {
            (false, _) => format!("{what} in {location}"),
            (true, false) => format!("{what} in {country}"),
            (true, true) => what.to_owned(),
        };
        let mut fields: Vec<(String, String)> = self
            .kept
            .iter()
            .filter(|(_, k)| !matches!(*k, "latitude" | "longitude"))
            .map(|(i, k)| ((*k).to_owned(), get(Some(*i)).to_owned()))
            .collect();
        if !lat.is_empty() && !lon.is_empty() {
            fields.push(("coordinates".to_owned(), format!("{lat}|{lon}")));
        }
        out.incident = Some(Incident {
            id: id.to_owned(),
            date,
            title,
            kind: incident_kind(sub_event_type),
            summary: extras::summary(get(self.notes), "ACLED", &fields),
            place: (!place.is_empty()).then(|| place.join(", ")),
            themes,
            sources,
            actors: roles,
            evidence: Vec::new(),
            sensitivity: Sensitivity::Case,
            restricted_to: Vec::new(),
        });
        Ok(out)
    }
}
