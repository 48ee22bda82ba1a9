//! Allocation methods by name, and the exact arithmetic they share.
//!
//! Every comparison between two parties' claims to a seat is made on integers: a divisor method
//! compares `v_a / d(s_a)` with `v_b / d(s_b)` as `v_a * d(s_b)` against `v_b * d(s_a)`, with the
//! divisors scaled to integers and the products taken to 256 bits, so no real vote count can be
//! mis-ranked by floating-point rounding.

use std::cmp::Ordering;
use std::fmt;

/// A non-negative exact fraction `num / den` read from a decimal number in a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fraction {
    pub num: u128,
    pub den: u128,
}

impl Fraction {
    pub const ZERO: Fraction = Fraction { num: 0, den: 1 };

    /// Reads a finite, non-negative `f64` through its shortest decimal form (`0.03` is `3/100`,
    /// not the binary value nearest to it), which is what the person who wrote the file meant.
    pub fn from_f64(value: f64) -> Option<Fraction> {
        if !value.is_finite() || value < 0.0 {
            return None;
        }
        Fraction::from_decimal(&format!("{value}"))
    }

    /// Parses a plain decimal such as `1.4`, `3` or `0.035`; at most 30 digits after the point.
    pub fn from_decimal(text: &str) -> Option<Fraction> {
        let text = text.trim();
        let (int_part, frac_part) = match text.split_once('.') {
            Some((i, f)) => (i, f),
            None => (text, ""),
        };
        if int_part.is_empty() && frac_part.is_empty() {
            return None;
        }
        if !int_part.bytes().all(|b| b.is_ascii_digit())
            || !frac_part.bytes().all(|b| b.is_ascii_digit())
            || frac_part.len() > 30
        {
            return None;
        }
        let mut num: u128 = 0;
        for b in int_part.bytes().chain(frac_part.bytes()) {
            num = num.checked_mul(10)?.checked_add(u128::from(b - b'0'))?;
        }
        let den = 10u128.checked_pow(u32::try_from(frac_part.len()).ok()?)?;
        Some(Fraction { num, den }.reduced())
    }

    fn reduced(self) -> Fraction {
        let g = gcd(self.num, self.den);
        if g <= 1 {
            return self;
        }
        Fraction {
            num: self.num / g,
            den: self.den / g,
        }
    }

    pub fn is_zero(&self) -> bool {
        self.num == 0
    }

    /// `self < 1`.
    pub fn below_one(&self) -> bool {
        self.num < self.den
    }

    /// Whether `part / whole >= self`, exactly. A zero threshold admits everyone, even a zero
    /// total; a positive one admits nobody when the total is zero.
    pub fn reached_by(&self, part: u64, whole: u64) -> bool {
        if self.num == 0 {
            return true;
        }
        wide_mul(u128::from(part), self.den) >= wide_mul(u128::from(whole), self.num)
    }

    pub fn as_f64(&self) -> f64 {
        #[expect(clippy::cast_precision_loss, reason = "display only")]
        let v = self.num as f64 / self.den as f64;
        v
    }
}

impl fmt::Display for Fraction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.as_f64())
    }
}

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        let t = a % b;
        a = b;
        b = t;
    }
    a
}

/// A seat-allocation method.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// D'Hondt (Jefferson): divisors 1, 2, 3, ...
    DHondt,
    /// Sainte-Laguë (Webster): divisors 1, 3, 5, ...
    SainteLague,
    /// Sainte-Laguë with a different first divisor (1.4 in Norway; 1.2 in Sweden since 2018).
    ModifiedSainteLague { first_divisor: Fraction },
    /// Imperiali: divisors 2, 3, 4, ...
    Imperiali,
    /// Danish: divisors 1, 4, 7, 10, ...
    Danish,
    /// Huntington–Hill (equal proportions): divisors sqrt(s (s + 1)), so 0, 1.41, 2.45, ...
    HuntingtonHill,
    /// Adams (smallest divisors): divisors 0, 1, 2, ...
    Adams,
    /// Largest remainder with the Hare quota V / S (Hamilton, Hare–Niemeyer).
    Hare,
    /// Largest remainder with the Droop quota floor(V / (S + 1)) + 1.
    Droop,
    /// Cambodia's LEMNA rule: first round floor(v / (V / S)), then the remaining seats one at a
    /// time to the highest v / (seats won + 1).
    Cambodia,
}

/// The default first divisor of modified Sainte-Laguë (Norway; Sweden before 2018).
pub const DEFAULT_FIRST_DIVISOR: Fraction = Fraction { num: 7, den: 5 };

/// Every accepted name, its canonical form first. Names are matched after lower-casing and
/// turning `_`, spaces and apostrophes into nothing or `-` (see `normalise`).
pub const METHOD_NAMES: &[(&str, &[&str])] = &[
    (
        "dhondt",
        &[
            "d-hondt",
            "dhont",
            "d-hont",
            "jefferson",
            "hagenbach-bischoff",
            "greatest-divisors",
        ],
    ),
    (
        "sainte-lague",
        &["saint-lague", "webster", "major-fractions"],
    ),
    (
        "modified-sainte-lague",
        &[
            "modified-saint-lague",
            "sainte-lague-modified",
            "modified-webster",
        ],
    ),
    ("imperiali", &[]),
    ("danish", &[]),
    (
        "huntington-hill",
        &["equal-proportions", "hill", "hill-huntington"],
    ),
    ("adams", &["smallest-divisors"]),
    (
        "hare",
        &[
            "hamilton",
            "hare-niemeyer",
            "vinton",
            "largest-remainder",
            "largest-remainder-hare",
            "hare-quota",
        ],
    ),
    ("droop", &["largest-remainder-droop", "droop-quota"]),
    ("cambodia", &["lemna"]),
];

fn normalise(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.trim().chars() {
        match c {
            '\'' | '\u{2019}' => {}
            '_' | ' ' => out.push('-'),
            'ë' | 'Ë' => out.push('e'),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

impl Method {
    /// Looks a method up by any of its names; `first_divisor` is used by modified Sainte-Laguë
    /// only (the caller rejects it for other methods).
    pub fn from_name(name: &str, first_divisor: Option<Fraction>) -> Option<Method> {
        let n = normalise(name);
        let canonical = METHOD_NAMES
            .iter()
            .find(|(c, aliases)| *c == n || aliases.contains(&n.as_str()))
            .map(|(c, _)| *c)?;
        Some(match canonical {
            "dhondt" => Method::DHondt,
            "sainte-lague" => Method::SainteLague,
            "modified-sainte-lague" => Method::ModifiedSainteLague {
                first_divisor: first_divisor.unwrap_or(DEFAULT_FIRST_DIVISOR),
            },
            "imperiali" => Method::Imperiali,
            "danish" => Method::Danish,
            "huntington-hill" => Method::HuntingtonHill,
            "adams" => Method::Adams,
            "hare" => Method::Hare,
            "droop" => Method::Droop,
            _ => Method::Cambodia,
        })
    }

    /// The canonical name, as written in results.
    pub fn name(&self) -> &'static str {
        match self {
            Method::DHondt => "dhondt",
            Method::SainteLague => "sainte-lague",
            Method::ModifiedSainteLague { .. } => "modified-sainte-lague",
            Method::Imperiali => "imperiali",
            Method::Danish => "danish",
            Method::HuntingtonHill => "huntington-hill",
            Method::Adams => "adams",
            Method::Hare => "hare",
            Method::Droop => "droop",
            Method::Cambodia => "cambodia",
        }
    }

    /// The divisor sequence, for divisor methods.
    pub fn divisor(&self) -> Option<Divisor> {
        Some(match *self {
            Method::DHondt => Divisor::Linear {
                a: 1,
                b: 1,
                first: None,
            },
            Method::SainteLague => Divisor::Linear {
                a: 2,
                b: 1,
                first: None,
            },
            Method::ModifiedSainteLague { first_divisor } => Divisor::Linear {
                // Scale by the fraction's denominator q: d(0) = p, d(s) = q (2 s + 1).
                a: 2 * first_divisor.den,
                b: first_divisor.den,
                first: Some(first_divisor.num),
            },
            Method::Imperiali => Divisor::Linear {
                a: 1,
                b: 2,
                first: None,
            },
            Method::Danish => Divisor::Linear {
                a: 3,
                b: 1,
                first: None,
            },
            Method::Adams => Divisor::Linear {
                a: 1,
                b: 0,
                first: None,
            },
            Method::HuntingtonHill => Divisor::Geometric,
            Method::Hare | Method::Droop | Method::Cambodia => return None,
        })
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A divisor sequence d(s), s = seats already won, in exact integer form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Divisor {
    /// d(s) = a s + b (times a common scale), except d(0) = `first` when given.
    Linear {
        a: u128,
        b: u128,
        first: Option<u128>,
    },
    /// d(s) = sqrt(s (s + 1)); compared through squares.
    Geometric,
}

impl Divisor {
    /// The claim of a party with `votes` and `seats`, as a (weight, divisor) pair whose ratio
    /// is the priority, both integers: `weight / divisor` (or their squares for Huntington–Hill).
    #[inline]
    pub fn claim(&self, votes: u64, seats: u64) -> Claim {
        let s = u128::from(seats);
        match *self {
            Divisor::Linear { a, b, first } => Claim {
                weight: u128::from(votes),
                divisor: match first {
                    Some(f) if seats == 0 => f,
                    _ => a.saturating_mul(s).saturating_add(b),
                },
            },
            Divisor::Geometric => Claim {
                weight: u128::from(votes) * u128::from(votes),
                divisor: s.saturating_mul(s + 1),
            },
        }
    }
}

/// A party's claim to the next seat: `weight / divisor`, where a zero divisor is an infinite
/// claim (ranked among other infinite claims by weight, the limit of `weight / divisor`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Claim {
    pub weight: u128,
    pub divisor: u128,
}

impl Claim {
    /// Orders two claims exactly.
    #[inline]
    pub fn compare(&self, other: &Claim) -> Ordering {
        if self.divisor != 0 && other.divisor != 0 {
            // Fast path, by far the common one: every factor fits in 64 bits, so each product
            // is one 64 x 64 -> 128-bit multiplication.
            if (self.weight | self.divisor | other.weight | other.divisor) >> 64 == 0 {
                let left = u128::from(low64(self.weight)) * u128::from(low64(other.divisor));
                let right = u128::from(low64(other.weight)) * u128::from(low64(self.divisor));
                return left.cmp(&right);
            }
            return wide_mul(self.weight, other.divisor).cmp(&wide_mul(other.weight, self.divisor));
        }
        match (self.divisor == 0, other.divisor == 0) {
            (true, true) => self.weight.cmp(&other.weight),
            (true, false) => {
                // 0 / 0: a party without votes has no claim at all.
                if self.weight > 0 {
                    Ordering::Greater
                } else if other.weight == 0 {
                    Ordering::Equal
                } else {
                    Ordering::Less
                }
            }
            _ => other.compare(self).reverse(),
        }
    }
}

/// The low 64 bits (the caller has checked that the high ones are zero).
#[inline]
fn low64(x: u128) -> u64 {
    #[expect(
        clippy::cast_possible_truncation,
        reason = "the high half is known to be zero"
    )]
    let low = x as u64;
    low
}

/// `a * b` as a 256-bit number (high, low), compared lexicographically.
#[inline]
pub(crate) fn wide_mul(a: u128, b: u128) -> (u128, u128) {
    if (a | b) >> 64 == 0 {
        return (0, u128::from(low64(a)) * u128::from(low64(b)));
    }
    let mask = u128::from(u64::MAX);
    let (a_hi, a_lo) = (a >> 64, a & mask);
    let (b_hi, b_lo) = (b >> 64, b & mask);
    let lo_lo = a_lo * b_lo;
    let hi_lo = a_hi * b_lo;
    let lo_hi = a_lo * b_hi;
    let hi_hi = a_hi * b_hi;
    let cross = (lo_lo >> 64) + (hi_lo & mask) + (lo_hi & mask);
    let low = (cross << 64) | (lo_lo & mask);
    let high = hi_hi + (hi_lo >> 64) + (lo_hi >> 64) + (cross >> 64);
    (high, low)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fractions_read_the_decimal_that_was_written() {
        assert_eq!(
            Fraction::from_f64(0.03),
            Some(Fraction { num: 3, den: 100 })
        );
        assert_eq!(Fraction::from_f64(1.4), Some(Fraction { num: 7, den: 5 }));
        assert_eq!(Fraction::from_f64(0.0), Some(Fraction { num: 0, den: 1 }));
        assert_eq!(Fraction::from_f64(-0.1), None);
        assert_eq!(Fraction::from_f64(f64::NAN), None);
        assert_eq!(Fraction::from_decimal("abc"), None);
        // 3 % of 1000 is exactly 30: reached, 29 is not.
        let t = Fraction::from_f64(0.03).unwrap();
        assert!(t.reached_by(30, 1000));
        assert!(!t.reached_by(29, 1000));
    }

    #[test]
    fn wide_multiplication_matches_small_products_and_orders_large_ones() {
        assert_eq!(wide_mul(6, 7), (0, 42));
        assert_eq!(wide_mul(u128::MAX, 2), (1, u128::MAX - 1));
        assert_eq!(wide_mul(u128::MAX, u128::MAX), (u128::MAX - 1, 1));
        assert!(wide_mul(u128::MAX, 3) > wide_mul(u128::MAX - 1, 3));
    }

    #[test]
    fn claims_compare_exactly() {
        let d = Method::DHondt.divisor().unwrap();
        // 10000 / 3 vs 6000 / 2: 3333.3 > 3000.
        assert_eq!(
            d.claim(10_000, 2).compare(&d.claim(6_000, 1)),
            Ordering::Greater
        );
        assert_eq!(
            d.claim(6_000, 1).compare(&d.claim(9_000, 2)),
            Ordering::Equal
        );
        let hh = Method::HuntingtonHill.divisor().unwrap();
        // A party with no seat has an infinite claim; two such are ranked by votes.
        assert_eq!(
            hh.claim(5, 0).compare(&hh.claim(1_000_000, 3)),
            Ordering::Greater
        );
        assert_eq!(hh.claim(5, 0).compare(&hh.claim(6, 0)), Ordering::Less);
        // sqrt(2) ~ 1.41421356: 141421 / sqrt(2) < 100000 < 141422 / sqrt(2).
        let hundred_thousand = Claim {
            weight: 100_000 * 100_000,
            divisor: 1,
        };
        assert_eq!(
            hh.claim(141_421, 1).compare(&hundred_thousand),
            Ordering::Less
        );
        assert_eq!(
            hh.claim(141_422, 1).compare(&hundred_thousand),
            Ordering::Greater
        );
    }

    #[test]
    fn method_names_and_aliases() {
        assert_eq!(Method::from_name("D'Hondt", None), Some(Method::DHondt));
        assert_eq!(
            Method::from_name("huntington_hill", None),
            Some(Method::HuntingtonHill)
        );
        assert_eq!(
            Method::from_name("Sainte-Laguë", None),
            Some(Method::SainteLague)
        );
        assert_eq!(Method::from_name("Hamilton", None), Some(Method::Hare));
        assert_eq!(Method::from_name("plurality", None), None);
        assert_eq!(
            Method::from_name("modified-sainte-lague", None),
            Some(Method::ModifiedSainteLague {
                first_divisor: DEFAULT_FIRST_DIVISOR
            })
        );
    }
}
