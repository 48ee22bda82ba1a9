//! Dates as researchers know them: sometimes a day, often only a month, a span or "since then".
//!
//! An incident reported as "in February" must not be stored as 1 February: that would claim a
//! precision the record does not have. [`DateSpec`] keeps the precision; [`DateSpec::earliest`] gives
//! the single day used where one is needed (sorting, "triggered since").

use std::fmt;
use std::str::FromStr;

use crate::locale::Lang;

/// A calendar day (proleptic Gregorian), always valid once constructed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    year: i32,
    month: u8,
    day: u8,
}

/// A point with the precision it is known to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Point {
    Day(Day),
    Month { year: i32, month: u8 },
    Year(i32),
}

/// A date as recorded: a point, a range between two points, or ongoing since a point.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateSpec {
    At(Point),
    Range(Point, Point),
    Since(Point),
}

/// Why a date string was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("{input:?} is not a date: expected YYYY-MM-DD, YYYY-MM, YYYY, A..B or A..")]
    Syntax { input: String },
    #[error("{input:?} is not a date: month {month} does not exist")]
    Month { input: String, month: u32 },
    #[error("{input:?} is not a date: {month_name} {year} has {days} days")]
    DayOfMonth {
        input: String,
        month_name: &'static str,
        year: i32,
        days: u8,
    },
    #[error("{input:?} is not a date range: it ends before it starts")]
    Backwards { input: String },
    #[error("{input:?}: a single day is needed here (YYYY-MM-DD)")]
    NotADay { input: String },
}

impl Day {
    /// 1970-01-01.
    pub const EPOCH: Day = Day {
        year: 1970,
        month: 1,
        day: 1,
    };

    /// A day, if it exists in the calendar.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Day> {
        let m = u8::try_from(month).ok().filter(|m| (1..=12).contains(m))?;
        let d = u8::try_from(day).ok()?;
        (d >= 1 && d <= days_in_month(year, m)).then_some(Day {
            year,
            month: m,
            day: d,
        })
    }

    pub fn year(self) -> i32 {
        self.year
    }
    pub fn month(self) -> u32 {
        u32::from(self.month)
    }
    pub fn day(self) -> u32 {
        u32::from(self.day)
    }

    /// Days since 1970-01-01 (negative before), for compact storage and range filters.
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil: exact for the whole proleptic Gregorian calendar.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The inverse of [`Day::days_since_epoch`].
    pub fn from_days_since_epoch(days: i64) -> Option<Day> {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        Day::new(
            i32::try_from(y).ok()?,
            u32::try_from(m).ok()?,
            u32::try_from(d).ok()?,
        )
    }

    /// The month's name in English, for readable output ("23 October 2017"); other languages:
    /// [`Lang::month`].
    pub fn month_name(self) -> &'static str {
        Lang::En.month(self.month())
    }

    /// Parse exactly `YYYY-MM-DD`.
    pub fn parse(input: &str) -> Result<Day, DateError> {
        match parse_point(input, input)? {
            Point::Day(d) => Ok(d),
            _ => Err(DateError::NotADay {
                input: input.to_owned(),
            }),
        }
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Day {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Day::parse(s)
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Point {
    /// The first day this point may stand for.
    pub fn first_day(self) -> Day {
        match self {
            Point::Day(d) => d,
            Point::Month { year, month } => Day {
                year,
                month,
                day: 1,
            },
            Point::Year(year) => Day {
                year,
                month: 1,
                day: 1,
            },
        }
    }

    /// The last day this point may stand for.
    pub fn last_day(self) -> Day {
        match self {
            Point::Day(d) => d,
            Point::Month { year, month } => Day {
                year,
                month,
                day: days_in_month(year, month),
            },
            Point::Year(year) => Day {
                year,
                month: 12,
                day: 31,
            },
        }
    }

    /// `day`, `month` or `year`.
    pub fn precision(self) -> &'static str {
        match self {
            Point::Day(_) => "day",
            Point::Month { .. } => "month",
            Point::Year(_) => "year",
        }
    }
}

impl fmt::Display for Point {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Point::Day(d) => d.fmt(f),
            Point::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            Point::Year(y) => write!(f, "{y:04}"),
        }
    }
}

impl DateSpec {
    /// The earliest day the date allows: what "since" and sorting use.
    pub fn earliest(self) -> Day {
        match self {
            DateSpec::At(p) | DateSpec::Range(p, _) | DateSpec::Since(p) => p.first_day(),
        }
    }

    /// The latest day the date allows; `None` for an ongoing date.
    pub fn latest(self) -> Option<Day> {
        match self {
            DateSpec::At(p) | DateSpec::Range(_, p) => Some(p.last_day()),
            DateSpec::Since(_) => None,
        }
    }

    /// `day`, `month`, `year`, `range` or `ongoing`.
    pub fn precision(self) -> &'static str {
        match self {
            DateSpec::At(p) => p.precision(),
            DateSpec::Range(..) => "range",
            DateSpec::Since(_) => "ongoing",
        }
    }

    /// The day, when the date is known to the day.
    pub fn as_day(self) -> Option<Day> {
        match self {
            DateSpec::At(Point::Day(d)) => Some(d),
            _ => None,
        }
    }

    /// Human-readable English form: "3 September 2017", "September 2017",
    /// "September 2017 – October 2017", "since July 2017"; other languages: [`Lang::date`].
    pub fn to_human(self) -> String {
        Lang::En.date(self)
    }
}

impl fmt::Display for DateSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateSpec::At(p) => p.fmt(f),
            DateSpec::Range(a, b) => write!(f, "{a}..{b}"),
            DateSpec::Since(a) => write!(f, "{a}.."),
        }
    }
}

impl FromStr for DateSpec {
    type Err = DateError;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let s = input.trim();
        match s.split_once("..") {
            None => Ok(DateSpec::At(parse_point(s, input)?)),
            Some((a, "")) => Ok(DateSpec::Since(parse_point(a, input)?)),
            Some((a, b)) => {
                let (a, b) = (parse_point(a, input)?, parse_point(b, input)?);
                if b.last_day() < a.first_day() {
                    return Err(DateError::Backwards {
                        input: input.to_owned(),
                    });
                }
                Ok(DateSpec::Range(a, b))
            }
        }
    }
}

fn parse_point(s: &str, input: &str) -> Result<Point, DateError> {
    let syntax = || DateError::Syntax {
        input: input.to_owned(),
    };
    let parts: Vec<&str> = s.split('-').collect();
    let number = |p: &str, len: usize| -> Result<u32, DateError> {
        if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) {
            p.parse().map_err(|_| syntax())
        } else {
            Err(syntax())
        }
    };
    let year =
        i32::try_from(number(parts.first().copied().unwrap_or(""), 4)?).map_err(|_| syntax())?;
    let month = |m: u32| -> Result<u8, DateError> {
        u8::try_from(m)
            .ok()
            .filter(|m| (1..=12).contains(m))
            .ok_or(DateError::Month {
                input: input.to_owned(),
                month: m,
            })
    };
    match parts.as_slice() {
        [_] => Ok(Point::Year(year)),
        [_, m] => Ok(Point::Month {
            year,
            month: month(number(m, 2)?)?,
        }),
        [_, m, d] => {
            let m = month(number(m, 2)?)?;
            let d = number(d, 2)?;
            Day::new(year, u32::from(m), d)
                .map(Point::Day)
                .ok_or(DateError::DayOfMonth {
                    input: input.to_owned(),
                    month_name: Lang::En.month(u32::from(m)),
                    year,
                    days: days_in_month(year, m),
                })
        }
        _ => Err(syntax()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: Result<&str, &str>) {
        let got = input.parse::<DateSpec>();
        match (got, expected) {
            (Ok(d), Ok(printed)) => assert_eq!(d.to_string(), printed, "{input}"),
            (Err(e), Err(msg)) => assert!(
                e.to_string().contains(msg),
                "{input}: error {e:?} does not mention {msg:?}"
            ),
            (got, expected) => panic!("{input}: got {got:?}, expected {expected:?}"),
        }
    }

    #[test]
    fn parses_every_precision() {
        check("2017-09-03", Ok("2017-09-03"));
        check("2017-09", Ok("2017-09"));
        check("2017", Ok("2017"));
        check("2017-09-01..2017-09-14", Ok("2017-09-01..2017-09-14"));
        check("2017-09..2017-10", Ok("2017-09..2017-10"));
        check("2017-07..", Ok("2017-07.."));
        check(" 2017-07-04 ", Ok("2017-07-04"));
        check("2016-02-29", Ok("2016-02-29"));
        check("2000-02-29", Ok("2000-02-29"));
    }

    #[test]
    fn refuses_impossible_dates() {
        check("2017-02-29", Err("February 2017 has 28 days"));
        check("1900-02-29", Err("February 1900 has 28 days"));
        check("2017-02-30", Err("February 2017 has 28 days"));
        check("2017-13-01", Err("month 13 does not exist"));
        check("2017-00", Err("month 0 does not exist"));
        check("2017-9-3", Err("is not a date"));
        check("3 September 2017", Err("is not a date"));
        check("", Err("is not a date"));
        check("2017-10-01..2017-09-30", Err("ends before it starts"));
        check("..2017", Err("is not a date"));
    }

    #[test]
    fn earliest_and_latest_days() {
        let d: DateSpec = "2017-02".parse().unwrap();
        assert_eq!(d.earliest().to_string(), "2017-02-01");
        assert_eq!(d.latest().unwrap().to_string(), "2017-02-28");
        let d: DateSpec = "2017-07..".parse().unwrap();
        assert_eq!(d.earliest().to_string(), "2017-07-01");
        assert_eq!(d.latest(), None);
        assert_eq!(d.precision(), "ongoing");
    }

    #[test]
    fn epoch_days_round_trip() {
        let d = Day::new(1970, 1, 1).unwrap();
        assert_eq!(d.days_since_epoch(), 0);
        let d = Day::new(2017, 10, 23).unwrap();
        assert_eq!(d.days_since_epoch(), 17_462);
        for n in [-800_000_i64, -1, 0, 1, 17_462, 59, 60, 1_000_000, 2_900_000] {
            let d = Day::from_days_since_epoch(n).unwrap();
            assert_eq!(d.days_since_epoch(), n);
        }
    }

    #[test]
    fn human_form() {
        let d: DateSpec = "2017-09-03".parse().unwrap();
        assert_eq!(d.to_human(), "3 September 2017");
        let d: DateSpec = "2017-09..2017-10".parse().unwrap();
        assert_eq!(d.to_human(), "September 2017 – October 2017");
    }

    proptest::proptest! {
        #[test]
        fn every_day_prints_and_parses_back(n in -354_000i64..2_900_000) {
            let d = Day::from_days_since_epoch(n).unwrap();
            let back: Day = d.to_string().parse().unwrap();
            proptest::prop_assert_eq!(back, d);
        }
    }
}
