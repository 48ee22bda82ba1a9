//! Dates (`2017-09`, `2017-09-01..2017-09-14`, `2017-07..`): `DateSpec` and `Day` parsing, with
//! `parse(print(d)) == d` and the day arithmetic on what parses.

use accord_core::{DateSpec, Day};

use crate::Target;
use crate::gen_text::date;
use crate::mutate::mutate_seed;
use crate::rng::Rng;

pub const TARGET: Target = Target {
    name: "date",
    about: "accord_core::DateSpec::from_str and Day::parse; parse(print(d)) == d, to_human, earliest/latest, days_since_epoch round trip",
    generate,
    run,
};

const SEEDS: &[&str] = &[
    "2017-09-03",
    "2017-09",
    "2017",
    "2017-09-01..2017-09-14",
    "2017-09..2017-10",
    "2017-07..",
    " 2017-07-04 ",
    "2016-02-29",
    "0000-01-01",
    "9999-12-31",
];

fn generate(rng: &mut Rng) -> Vec<u8> {
    let text = if rng.one_in(3) {
        mutate_seed(rng, SEEDS, &["..", "-"], 1024)
    } else {
        date(rng)
    };
    text.into_bytes()
}

fn run(input: &[u8]) -> Result<(), String> {
    let text = String::from_utf8_lossy(input);
    if let Ok(d) = text.parse::<DateSpec>() {
        let printed = d.to_string();
        match printed.parse::<DateSpec>() {
            Ok(again) if again == d => {}
            other => {
                return Err(format!(
                    "round trip: {text:?} parses to {d:?}, printed {printed:?}, which gives {other:?}"
                ));
            }
        }
        let _ = d.to_human();
        let _ = d.precision();
        let first = d.earliest();
        if let Some(last) = d.latest()
            && last < first
        {
            return Err(format!("{text:?}: latest {last} before earliest {first}"));
        }
        check_day(first)?;
    }
    if let Ok(day) = Day::parse(&text) {
        check_day(day)?;
        let printed = day.to_string();
        if Day::parse(&printed) != Ok(day) {
            return Err(format!("round trip: day {text:?} printed {printed:?}"));
        }
    }
    Ok(())
}

fn check_day(day: Day) -> Result<(), String> {
    let n = day.days_since_epoch();
    if Day::from_days_since_epoch(n) != Some(day) {
        return Err(format!("{day}: days_since_epoch {n} does not come back"));
    }
    let _ = day.month_name();
    Ok(())
}
