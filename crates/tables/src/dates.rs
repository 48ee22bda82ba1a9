//! Dates as files write them: ACLED's three spellings, Uwazi's, and what people type in
//! spreadsheets.
//!
//! `03/04/2017` is the 3rd of April in Phnom Penh and the 4th of March in New York: a date whose
//! day and month are both numbers is read in the order the mapping states (`date_order`), and is
//! refused when none is stated — never guessed from the row (a 13 in one row does not tell how
//! to read the others).

use accord_core::date::Point;
use accord_core::{DateSpec, Day};

/// In which order a date's numeric day and month are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DayOrder {
    /// 23/10/2017
    Dmy,
    /// 10/23/2017
    Mdy,
    /// 2017/10/23
    Ymd,
}

impl DayOrder {
    pub fn from_name(name: &str) -> Option<DayOrder> {
        match name.to_ascii_lowercase().as_str() {
            "dmy" => Some(DayOrder::Dmy),
            "mdy" => Some(DayOrder::Mdy),
            "ymd" => Some(DayOrder::Ymd),
            _ => None,
        }
    }
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A month's number from its English name or a common abbreviation (`Oct`, `Sept`).
fn month(name: &str) -> Option<u32> {
    let n = name.trim_end_matches('.').to_ascii_lowercase();
    if n.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| *m == n || (m.starts_with(&n) && (n.len() == 3 || n == "sept")))
        .and_then(|i| u32::try_from(i + 1).ok())
}

fn number(s: &str) -> Option<u32> {
    (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

fn year(s: &str) -> Option<i32> {
    (s.len() == 4)
        .then(|| number(s))
        .flatten()
        .and_then(|y| i32::try_from(y).ok())
}

/// A two-digit year as ACLED writes it (`5-May-20`): ACLED's data starts in 1997, so 90–99 are
/// the 1990s and the rest this century.
fn short_year(s: &str) -> Option<i32> {
    if s.len() != 2 {
        return year(s);
    }
    let y = i32::try_from(number(s)?).ok()?;
    Some(if y >= 90 { 1900 + y } else { 2000 + y })
}

fn day(y: i32, m: u32, d: u32) -> Result<Day, String> {
    Day::new(y, m, d).ok_or_else(|| format!("{y:04}-{m:02}-{d:02} does not exist"))
}

/// An ACLED `event_date`: `2023-01-31`, `5-May-20` or `16 May 2025` (each seen in real exports).
pub fn acled(text: &str) -> Result<Day, String> {
    let t = text.trim();
    let bad = || "not a date: ACLED writes 2023-01-31, 5-May-20 or 16 May 2025".to_owned();
    if let Ok(d) = Day::parse(t) {
        return Ok(d);
    }
    let parts: Vec<&str> = if t.contains('-') {
        t.split('-').collect()
    } else {
        t.split_whitespace().collect()
    };
    let [d, m, y] = parts[..] else {
        return Err(bad());
    };
    let (Some(d), Some(m), Some(y)) = (number(d), month(m), short_year(y)) else {
        return Err(bad());
    };
    day(y, m, d)
}

/// A date as people type it in a spreadsheet, with the precision they typed: `2017-10-23`,
/// `2017-10`, `2017`, `23 Oct 2017`, `October 23, 2017`, `Oct 2017`, and numeric dates
/// (`23/10/2017`, `23.10.2017`, `2017/10/23`) in the stated `order`.
pub fn typed(text: &str, order: Option<DayOrder>) -> Result<DateSpec, String> {
    let t = text.trim();
    if let Ok(spec) = t.parse::<DateSpec>() {
        return Ok(spec);
    }
    // Words: `23 Oct 2017`, `Oct 23, 2017`, `October 2017`.
    let words: Vec<&str> = t
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    if words.iter().any(|w| month(w).is_some()) {
        return match words[..] {
            [d, m, y] if month(m).is_some() => {
                let (Some(d), Some(m), Some(y)) = (number(d), month(m), year(y)) else {
                    return Err("not a date: expected e.g. 23 Oct 2017".to_owned());
                };
                day(y, m, d).map(|d| DateSpec::At(Point::Day(d)))
            }
            [m, d, y] => {
                let (Some(m), Some(d), Some(y)) = (month(m), number(d), year(y)) else {
                    return Err("not a date: expected e.g. Oct 23, 2017".to_owned());
                };
                day(y, m, d).map(|d| DateSpec::At(Point::Day(d)))
            }
            [m, y] => match (month(m), year(y)) {
                (Some(m), Some(y)) => Ok(DateSpec::At(Point::Month {
                    year: y,
                    month: u8::try_from(m).unwrap_or(1),
                })),
                _ => Err("not a date: expected e.g. Oct 2017".to_owned()),
            },
            _ => Err("not a date: expected e.g. 23 Oct 2017".to_owned()),
        };
    }
    // Numbers: 23/10/2017, 23.10.2017, 2017/10/23, 23-10-2017.
    let parts: Vec<&str> = t.split(['/', '.', '-']).collect();
    let [a, b, c] = parts[..] else {
        return Err(
            "not a date: expected 2017-10-23, 2017-10, 2017, 23 Oct 2017 or a numeric date in the mapping's date_order".to_owned(),
        );
    };
    let (Some(na), Some(nb), Some(nc)) = (number(a), number(b), number(c)) else {
        return Err("not a date".to_owned());
    };
    let spec = |y: i32, m: u32, d: u32| day(y, m, d).map(|d| DateSpec::At(Point::Day(d)));
    if a.len() == 4 {
        // Year first is never ambiguous in practice: 2017/10/23.
        return spec(i32::try_from(na).unwrap_or(0), nb, nc);
    }
    let Some(y) = year(c) else {
        return Err("not a date: a numeric date needs a four-digit year".to_owned());
    };
    match order {
        Some(DayOrder::Dmy) => spec(y, nb, na),
        Some(DayOrder::Mdy) => spec(y, na, nb),
        Some(DayOrder::Ymd) => Err("not a date in the order year, month, day (date_order = \"ymd\")".to_owned()),
        None => Err(
            "day and month are both numbers: say which comes first with date_order = \"dmy\" or \"mdy\" in the mapping".to_owned(),
        ),
    }
}

/// A date in a Uwazi CSV: what [`typed`] reads, or a Unix time in seconds (how Uwazi stores
/// dates).
pub fn uwazi(text: &str, order: Option<DayOrder>) -> Result<DateSpec, String> {
    let t = text.trim();
    if t.len() >= 6
        && t.trim_start_matches('-')
            .bytes()
            .all(|b| b.is_ascii_digit())
    {
        let secs: i64 = t.parse().map_err(|_| "not a Unix time".to_owned())?;
        return Day::from_days_since_epoch(secs.div_euclid(86_400))
            .map(|d| DateSpec::At(Point::Day(d)))
            .ok_or_else(|| "a Unix time out of range".to_owned());
    }
    typed(t, order)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_acled(input: &str, expected: Result<&str, ()>) {
        let got = acled(input).map(|d| d.to_string()).map_err(|_| ());
        assert_eq!(got.as_deref().map_err(|_| ()), expected, "{input:?}");
    }

    #[test]
    fn acled_dates_in_every_spelling_seen() {
        check_acled("2023-01-31", Ok("2023-01-31"));
        check_acled("5-May-20", Ok("2020-05-05"));
        check_acled("16 May 2025", Ok("2025-05-16"));
        check_acled("31-Dec-97", Ok("1997-12-31"));
        check_acled("05 September 2019", Ok("2019-09-05"));
        check_acled("30-Feb-20", Err(()));
        check_acled("2023-13-01", Err(()));
        check_acled("May 2020", Err(()));
        check_acled("", Err(()));
    }

    fn check_typed(input: &str, order: Option<DayOrder>, expected: Result<&str, ()>) {
        let got = typed(input, order).map(|d| d.to_string()).map_err(|_| ());
        assert_eq!(
            got.as_deref().map_err(|_| ()),
            expected,
            "{input:?} {order:?}"
        );
    }

    #[test]
    fn typed_dates_keep_their_precision_and_never_guess_the_order() {
        use DayOrder::*;
        check_typed("23/10/2017", Some(Dmy), Ok("2017-10-23"));
        check_typed("10/23/2017", Some(Mdy), Ok("2017-10-23"));
        check_typed("23.10.2017", Some(Dmy), Ok("2017-10-23"));
        check_typed("2017/10/23", None, Ok("2017-10-23"));
        check_typed("23 Oct 2017", None, Ok("2017-10-23"));
        check_typed("October 23, 2017", None, Ok("2017-10-23"));
        check_typed("Oct 2017", None, Ok("2017-10"));
        check_typed("2017-10", None, Ok("2017-10"));
        check_typed("2017", None, Ok("2017"));
        // Ambiguous without an order, even when one number is above 12.
        check_typed("23/10/2017", None, Err(()));
        check_typed("03/04/2017", None, Err(()));
        // Read in the stated order, a day that does not exist is refused, not swapped.
        check_typed("10/23/2017", Some(Dmy), Err(()));
        check_typed("31 Feb 2017", None, Err(()));
        check_typed("someday", None, Err(()));
    }

    #[test]
    fn uwazi_dates_may_be_unix_times() {
        assert_eq!(
            uwazi("1508716800", None).map(|d| d.to_string()),
            Ok("2017-10-23".to_owned())
        );
        assert_eq!(
            uwazi("2017-10-23", None).map(|d| d.to_string()),
            Ok("2017-10-23".to_owned())
        );
    }
}
