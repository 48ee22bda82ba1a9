//! Apportionment: seats to states or constituencies by population, with a minimum per unit
//! (the US House gives every state at least one of its 435 seats).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::allocation::AllocateError;
use crate::election::{
    InputError, count, count_seats, field, json_error, parse_method, parse_ties, zero_seats,
};
use crate::method::{Fraction, Method};
use crate::party_map::PartyMap;
use crate::problem::{Key, NameKind, Problem};
use crate::seats::{SeatError, TieBreaker, TiePolicy, allocate_with_minimum};

/// A validated apportionment file.
#[derive(Debug, Clone, PartialEq)]
pub struct Apportionment {
    pub name: String,
    pub method: Method,
    pub seats: u64,
    pub min_seats: u64,
    pub ties: TiePolicy,
    /// Units and populations, in file order.
    pub populations: Vec<(String, u64)>,
}

/// The apportionment result: `{"name", "method", "seats": {unit: seats}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApportionmentResult {
    pub name: String,
    pub method: String,
    /// Seats per unit, in file order (units with no seat included).
    pub seats: PartyMap<u64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawApportionment {
    name: String,
    #[serde(default)]
    method: Option<String>,
    #[serde(default)]
    first_divisor: Option<f64>,
    seats: Value,
    #[serde(default)]
    min_seats: Option<Value>,
    populations: PartyMap<Value>,
    #[serde(default)]
    ties: Option<String>,
    #[serde(default)]
    seed: Option<u64>,
    // Documentation fields: accepted so that a file can carry its provenance, not used.
    #[serde(default, rename = "notes")]
    _notes: Option<Value>,
    #[serde(default, rename = "sources")]
    _sources: Vec<String>,
}

impl Apportionment {
    /// Reads an apportionment file; `method` from outside wins over the file's.
    pub fn from_json(text: &str, method: Option<&str>) -> Result<Apportionment, InputError> {
        let raw: RawApportionment = serde_json::from_str(text).map_err(|e| json_error(&e))?;
        let first_divisor = match raw.first_divisor {
            None => None,
            Some(f) => Some(
                Fraction::from_f64(f)
                    .filter(|x| x.num > 0 && x.num <= 3 * x.den)
                    .ok_or_else(|| {
                        field(
                            "first_divisor",
                            Problem::NotFirstDivisor { got: f.to_string() },
                        )
                    })?,
            ),
        };
        let name = method
            .or(raw.method.as_deref())
            .ok_or_else(|| field("method", Problem::MethodMissing))?;
        let method = parse_method(name, first_divisor)?;
        let seats = count_seats(&raw.seats).map_err(|p| field("seats", p))?;
        if seats == 0 {
            return Err(field("seats", zero_seats()));
        }
        if seats > crate::election::MAX_SEATS {
            return Err(field(
                "seats",
                Problem::TooManySeats {
                    max: crate::election::MAX_SEATS,
                    got: seats,
                },
            ));
        }
        let min_seats = match &raw.min_seats {
            None | Some(Value::Null) => 0,
            Some(v) => count(v).map_err(|p| field("min_seats", p))?,
        };
        if raw.populations.is_empty() {
            return Err(field(
                "populations",
                Problem::NoneListed {
                    kind: NameKind::Unit,
                },
            ));
        }
        if let Some(dup) = raw.populations.first_duplicate() {
            return Err(field(
                "populations",
                Problem::Repeated {
                    kind: NameKind::Unit,
                    name: dup.to_owned(),
                },
            ));
        }
        let mut populations = Vec::with_capacity(raw.populations.len());
        for (unit, value) in &raw.populations.0 {
            if unit.trim().is_empty() {
                return Err(field(
                    "populations",
                    Problem::EmptyName {
                        kind: NameKind::Unit,
                    },
                ));
            }
            let p = count(value).map_err(|problem| InputError::Field {
                field: Key::entry("populations", unit),
                problem: Box::new(problem),
            })?;
            populations.push((unit.clone(), p));
        }
        let needed = u128::from(min_seats) * populations.len() as u128;
        if needed > u128::from(seats) {
            return Err(field(
                "min_seats",
                Problem::MinimumTooHigh {
                    min_seats,
                    units: populations.len(),
                    needed,
                    seats,
                },
            ));
        }
        let ties = parse_ties(raw.ties.as_deref(), raw.seed)?;
        Ok(Apportionment {
            name: raw.name,
            method,
            seats,
            min_seats,
            ties,
            populations,
        })
    }

    /// Apportions the seats.
    pub fn apportion(&self) -> Result<ApportionmentResult, AllocateError> {
        let pops: Vec<u64> = self.populations.iter().map(|(_, p)| *p).collect();
        let mut ties = TieBreaker::new(self.ties);
        let won = allocate_with_minimum(self.method, &pops, self.seats, self.min_seats, &mut ties)
            .map_err(|e| match e {
                SeatError::Tie {
                    seat,
                    tied,
                    seats_left,
                } => AllocateError::Tie {
                    constituency: self.name.clone(),
                    seat,
                    seats: self.seats,
                    seats_left,
                    parties: tied
                        .iter()
                        .map(|&i| self.populations[i].0.clone())
                        .collect(),
                },
                SeatError::NoCandidates { seats_left } => AllocateError::Unapportioned {
                    seats: self.seats,
                    seats_left,
                },
            })?;
        Ok(ApportionmentResult {
            name: self.name.clone(),
            method: self.method.name().to_owned(),
            seats: PartyMap(
                self.populations
                    .iter()
                    .zip(won)
                    .map(|((u, _), s)| (u.clone(), s))
                    .collect(),
            ),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minimum_and_errors() {
        let text = r#"{"name": "x", "method": "huntington-hill", "seats": 5, "min_seats": 1,
            "populations": {"Big": 1000000, "Small": 10}}"#;
        let r = Apportionment::from_json(text, None)
            .unwrap()
            .apportion()
            .unwrap();
        assert_eq!(
            r.seats,
            PartyMap(vec![("Big".into(), 4), ("Small".into(), 1)])
        );
        let bad = text.replace("\"min_seats\": 1", "\"min_seats\": 3");
        assert_eq!(
            Apportionment::from_json(&bad, None)
                .unwrap_err()
                .to_string(),
            "min_seats: 3 for each of 2 units needs 6 seats, more than the 5 to apportion"
        );
        let bad = text.replace("10}", "-10}");
        assert_eq!(
            Apportionment::from_json(&bad, None)
                .unwrap_err()
                .to_string(),
            "populations for \"Small\": must be a non-negative integer, got -10"
        );
        let bad = text.replace("\"seats\": 5", "\"seats\": 0");
        assert_eq!(
            Apportionment::from_json(&bad, None)
                .unwrap_err()
                .to_string(),
            "seats: must be a positive integer, got 0"
        );
        // Hamilton with a floor: Small's quota is far below 1, it still gets its seat.
        let r = Apportionment::from_json(text, Some("hamilton"))
            .unwrap()
            .apportion()
            .unwrap();
        assert_eq!(
            r.seats,
            PartyMap(vec![("Big".into(), 4), ("Small".into(), 1)])
        );
        assert_eq!(r.method, "hare");
    }
}
