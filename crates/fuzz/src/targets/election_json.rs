//! Election and apportionment files (JSON): `Election::from_json`, `Election::to_json`
//! round trip, `allocate` and `dissolve` on what parses (seats and parties bounded so that an
//! allocation stays fast), and `Apportionment::from_json` + `apportion`.

use accord_elections::scenario::{DissolveRule, Scope};
use accord_elections::{Apportionment, Election, allocate, dissolve};
use serde_json::{Map, Value, json};

use crate::Target;
use crate::gen_text::words;
use crate::mutate::{mutate, mutate_seed, special};
use crate::rng::Rng;
use crate::seeds::ELECTIONS_JSON;

pub const TARGET: Target = Target {
    name: "election-json",
    about: "accord_elections::Election::from_json (and to_json round trip), allocate and dissolve on what parses; Apportionment::from_json and apportion",
    generate,
    run,
};

/// Allocation is run only below these sizes (above, it is correct but slow by design).
pub const MAX_ALLOCATED_SEATS: u64 = 2_000;
pub const MAX_ALLOCATED_PARTIES: usize = 60;

const METHODS: &[&str] = &[
    "dhondt",
    "sainte-lague",
    "modified-sainte-lague",
    "imperiali",
    "danish",
    "huntington-hill",
    "adams",
    "hare",
    "droop",
    "DHONDT",
    "",
    "x",
];
const TIES: &[&str] = &["error", "most-votes", "lot", "x"];
const PARTIES: &[&str] = &[
    "A",
    "B",
    "C",
    "CPP",
    "CNRP",
    "FUNCINPEC",
    "",
    " ",
    "ក",
    "a\"b",
];

fn count(rng: &mut Rng) -> Value {
    match rng.below(16) {
        0 => json!(-1),
        1 => json!(u64::MAX),
        2 => json!(1.5),
        3 => json!("12"),
        4 => Value::Null,
        5 => json!(0),
        6 => json!(accord_elections::election::MAX_SEATS + 1),
        7 => json!(1e300),
        _ => json!(rng.below(50)),
    }
}

fn votes(rng: &mut Rng) -> Value {
    match rng.below(12) {
        0 => json!(u64::MAX),
        1 => json!(u64::MAX / 2),
        2 => json!(-5),
        3 => json!(0),
        4 => json!("100"),
        _ => json!(rng.below(100_000)),
    }
}

fn fraction(rng: &mut Rng) -> Value {
    match rng.below(12) {
        0 => json!(-0.1),
        1 => json!(1.0),
        2 => json!(1e-300),
        3 => json!(0.999_999_999_999),
        4 => json!("0.05"),
        5 => json!(u64::MAX),
        6 => Value::Null,
        7 => json!(5e-324),
        _ => json!(rng.below(20) as f64 / 100.0),
    }
}

fn party_map(rng: &mut Rng, f: fn(&mut Rng) -> Value) -> Value {
    let mut m = Map::new();
    for _ in 0..rng.small(8) {
        let name = if rng.one_in(6) {
            words(rng, 2)
        } else {
            (rng.pick(PARTIES)).to_owned()
        };
        m.insert(name, f(rng));
    }
    Value::Object(m)
}

fn election(rng: &mut Rng) -> Value {
    let mut e = Map::new();
    if !rng.one_in(20) {
        e.insert("name".into(), json!(words(rng, 3)));
    }
    if !rng.one_in(4) {
        e.insert("method".into(), json!(rng.pick(METHODS)));
    }
    if rng.one_in(3) {
        let fd = match rng.below(6) {
            0 => json!(0),
            1 => json!(-1.4),
            2 => json!(1e308),
            3 => json!(f64::MIN_POSITIVE),
            _ => json!(1.4),
        };
        e.insert("first_divisor".into(), fd);
    }
    if rng.one_in(2) {
        e.insert("threshold".into(), fraction(rng));
    }
    if rng.one_in(3) {
        e.insert("constituency_threshold".into(), fraction(rng));
    }
    if rng.one_in(4) {
        e.insert(
            "threshold_rule".into(),
            json!(rng.pick(&["any", "all", "x"])),
        );
    }
    if rng.one_in(3) {
        e.insert("ties".into(), json!(rng.pick(TIES)));
    }
    if rng.one_in(4) {
        e.insert("seed".into(), votes(rng));
    }
    let mut cs = Vec::new();
    for _ in 0..rng.small(12) {
        let mut c = Map::new();
        c.insert(
            "name".into(),
            json!(if rng.one_in(5) {
                words(rng, 2)
            } else {
                format!("D{}", rng.below(6))
            }),
        );
        c.insert("seats".into(), count(rng));
        c.insert("votes".into(), party_map(rng, votes));
        if rng.one_in(3) {
            c.insert("blank_votes".into(), votes(rng));
        }
        if rng.one_in(3) {
            c.insert("recorded_seats".into(), party_map(rng, count));
        }
        if rng.one_in(30) {
            c.insert(special(rng), json!(1));
        }
        cs.push(Value::Object(c));
    }
    e.insert("constituencies".into(), Value::Array(cs));
    if rng.one_in(4) {
        e.insert(
            "notes".into(),
            if rng.one_in(2) {
                json!(words(rng, 5))
            } else {
                json!([words(rng, 5)])
            },
        );
    }
    if rng.one_in(4) {
        e.insert("sources".into(), json!([words(rng, 3)]));
    }
    if rng.one_in(3) {
        let mut r = Map::new();
        if rng.one_in(2) {
            r.insert(
                "breakdown".into(),
                json!([{ "name": words(rng, 2), "seats": count(rng), "won": party_map(rng, count) }]),
            );
        }
        let mut d = Map::new();
        d.insert("party".into(), json!(rng.pick(PARTIES)));
        if rng.one_in(2) {
            d.insert("date".into(), json!(crate::gen_text::date(rng)));
        }
        d.insert("awarded".into(), party_map(rng, count));
        if rng.one_in(2) {
            d.insert("declined".into(), json!([rng.pick(PARTIES)]));
            d.insert("declined_to".into(), party_map(rng, count));
        }
        r.insert("dissolutions".into(), json!([d]));
        e.insert("recorded".into(), Value::Object(r));
    }
    Value::Object(e)
}

fn apportionment(rng: &mut Rng) -> Value {
    let mut a = Map::new();
    a.insert("name".into(), json!(words(rng, 2)));
    if !rng.one_in(4) {
        a.insert("method".into(), json!(rng.pick(METHODS)));
    }
    a.insert("seats".into(), count(rng));
    if rng.one_in(2) {
        a.insert("min_seats".into(), count(rng));
    }
    a.insert("populations".into(), party_map(rng, votes));
    if rng.one_in(3) {
        a.insert("ties".into(), json!(rng.pick(TIES)));
        a.insert("seed".into(), json!(rng.next_u64()));
    }
    if rng.one_in(4) {
        a.insert("first_divisor".into(), json!(1.4));
    }
    Value::Object(a)
}

fn generate(rng: &mut Rng) -> Vec<u8> {
    let text = match rng.below(8) {
        0..=2 => mutate_seed(rng, ELECTIONS_JSON, &["[", "{\"a\":", "[{"], 256 * 1024),
        3 => apportionment(rng).to_string(),
        4 => {
            let v = election(rng).to_string();
            mutate(rng, &v, ELECTIONS_JSON, &["[", "{\"a\":"], 64 * 1024)
        }
        _ => {
            let v = election(rng);
            if rng.one_in(2) {
                serde_json::to_string_pretty(&v).unwrap_or_default()
            } else {
                v.to_string()
            }
        }
    };
    text.into_bytes()
}

/// Whether an election is small enough to allocate in the fuzz loop.
pub fn small_enough(e: &Election) -> bool {
    e.constituencies
        .iter()
        .try_fold(0u64, |acc, c| acc.checked_add(c.seats))
        .is_some_and(|s| s <= MAX_ALLOCATED_SEATS)
        && e.parties.len() <= MAX_ALLOCATED_PARTIES
}

/// Allocation and scenarios on a parsed election.
pub fn compute(e: &Election) {
    if !small_enough(e) {
        return;
    }
    let _ = allocate(e);
    if let Some(first) = e.parties.first() {
        let _ = dissolve(e, first, &DissolveRule::Rerun, None);
        let _ = dissolve(
            e,
            first,
            &DissolveRule::MinorParties {
                scope: Scope::National,
                declined: e.parties.iter().skip(1).take(1).cloned().collect(),
                method: None,
            },
            None,
        );
        let _ = dissolve(e, first, &DissolveRule::Recorded, None);
    }
}

/// The first field that differs between two elections, with both values.
fn first_difference(a: &Election, b: &Election) -> String {
    macro_rules! cmp {
        ($($f:ident),*) => {$(
            if a.$f != b.$f {
                return format!("{}: {:?} became {:?}", stringify!($f), a.$f, b.$f)
                    .chars()
                    .take(600)
                    .collect();
            }
        )*};
    }
    cmp!(
        name,
        method,
        threshold,
        constituency_threshold,
        threshold_rule,
        ties,
        parties,
        constituencies,
        notes,
        sources,
        recorded
    );
    "(no field differs)".to_owned()
}

fn run(input: &[u8]) -> Result<(), String> {
    let text = String::from_utf8_lossy(input);
    if let Ok(e) = Election::from_json(&text) {
        let written = e.to_json();
        match Election::from_json(&written) {
            Ok(again) if again == e => {}
            Ok(again) => {
                return Err(format!(
                    "to_json does not round-trip: {}",
                    first_difference(&e, &again)
                ));
            }
            Err(err) => {
                return Err(format!(
                    "to_json gives a file that does not read ({err}): {written}"
                ));
            }
        }
        compute(&e);
    }
    let _ = Election::from_json_with_method(&text, Some("sainte-lague"));
    if let Ok(a) = Apportionment::from_json(&text, None)
        && a.seats <= MAX_ALLOCATED_SEATS
        && a.populations.len() <= 500
    {
        let _ = a.apportion();
    }
    Ok(())
}
