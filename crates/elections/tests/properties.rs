//! Invariants of the methods, checked on generated inputs (proptest): seats add up, order does
//! not matter, divisor methods are house-monotone, Hamilton keeps to quota, zero votes win
//! nothing, and Cambodia's LEMNA rule is D'Hondt whenever D'Hondt has no exact tie.

use accord_elections::{Method, SeatError, TieBreaker, TiePolicy, allocate_seats};
use proptest::prelude::*;

const ALL: [Method; 10] = [
    Method::DHondt,
    Method::SainteLague,
    Method::ModifiedSainteLague {
        first_divisor: accord_elections::method::DEFAULT_FIRST_DIVISOR,
    },
    Method::Imperiali,
    Method::Danish,
    Method::HuntingtonHill,
    Method::Adams,
    Method::Hare,
    Method::Droop,
    Method::Cambodia,
];

const DIVISOR: [Method; 7] = [
    Method::DHondt,
    Method::SainteLague,
    Method::ModifiedSainteLague {
        first_divisor: accord_elections::method::DEFAULT_FIRST_DIVISOR,
    },
    Method::Imperiali,
    Method::Danish,
    Method::HuntingtonHill,
    Method::Adams,
];

/// Seats, or None when the input has an exact tie for the last seat.
fn seats(method: Method, votes: &[u64], house: u64) -> Option<Vec<u64>> {
    match allocate_seats(method, votes, house, &mut TieBreaker::new(TiePolicy::Error)) {
        Ok(s) => Some(s),
        Err(SeatError::Tie { .. }) => None,
        Err(e) => panic!("{method} {votes:?} {house}: {e:?}"),
    }
}

fn votes_strategy() -> impl Strategy<Value = Vec<u64>> {
    // At least one party with votes; some zero-vote parties mixed in.
    prop::collection::vec(prop_oneof![1 => Just(0u64), 6 => 1u64..2_000_000], 1..12)
        .prop_filter("someone has votes", |v| v.iter().any(|&x| x > 0))
}

/// Any JSON value a careless or hostile file might hold where a number belongs.
fn wild_value() -> impl Strategy<Value = serde_json::Value> {
    prop_oneof![
        any::<i64>().prop_map(serde_json::Value::from),
        any::<u64>().prop_map(serde_json::Value::from),
        any::<f64>().prop_map(|f| serde_json::Number::from_f64(f)
            .map_or(serde_json::Value::Null, serde_json::Value::Number)),
        "[a-z0-9]{0,4}".prop_map(serde_json::Value::from),
        Just(serde_json::Value::Null),
        Just(serde_json::Value::Bool(true)),
        (0u64..50).prop_map(serde_json::Value::from),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn wild_files_are_errors_or_results_never_panics(
        seats in wild_value(), a in wild_value(), b in wild_value(), blank in wild_value(),
        threshold in wild_value(), method in prop::sample::select(vec!["dhondt", "hare", "droop", "adams", "huntington-hill", "cambodia", "x"]),
        name_a in "[A-B ]{0,2}",
    ) {
        let file = serde_json::json!({"name": "w", "method": method, "threshold": threshold,
            "constituencies": [{"name": "c", "seats": seats, "votes": {name_a: a, "B2": b}, "blank_votes": blank}]});
        if let Ok(e) = accord_elections::Election::from_json(&file.to_string()) {
            let _ = accord_elections::allocate(&e);
            let _ = accord_elections::dissolve(&e, "B2", &accord_elections::DissolveRule::Rerun, None);
        }
    }

    #[test]
    fn seats_add_up_and_zero_votes_win_nothing(votes in votes_strategy(), house in 1u64..60, m in 0usize..10) {
        let method = ALL[m];
        let with_votes = votes.iter().filter(|&&v| v > 0).count() as u64;
        // Adams and Huntington–Hill give every party with votes a first seat before any second.
        if let Some(s) = seats(method, &votes, house) {
            prop_assert_eq!(s.iter().sum::<u64>(), house);
            for (v, s) in votes.iter().zip(&s) {
                if *v == 0 { prop_assert_eq!(*s, 0); }
            }
            if matches!(method, Method::Adams | Method::HuntingtonHill) && house >= with_votes {
                prop_assert!(votes.iter().zip(&s).all(|(v, s)| *v == 0 || *s >= 1));
            }
        }
    }

    #[test]
    fn party_order_does_not_matter(votes in votes_strategy(), house in 1u64..60, m in 0usize..10, rot in 0usize..12) {
        let method = ALL[m];
        let k = rot % votes.len();
        let mut turned = votes.clone();
        turned.rotate_left(k);
        let a = seats(method, &votes, house);
        let b = seats(method, &turned, house);
        match (a, b) {
            (Some(a), Some(mut b)) => { b.rotate_right(k); prop_assert_eq!(a, b); }
            (None, None) => {}
            (a, b) => prop_assert!(false, "a tie in one order only: {:?} {:?}", a, b),
        }
    }

    #[test]
    fn divisor_methods_are_house_monotone(votes in votes_strategy(), house in 1u64..60, m in 0usize..7) {
        let method = DIVISOR[m];
        if let (Some(small), Some(big)) = (seats(method, &votes, house), seats(method, &votes, house + 1)) {
            prop_assert!(small.iter().zip(&big).all(|(a, b)| a <= b), "{:?} -> {:?}", small, big);
        }
    }

    #[test]
    fn hamilton_keeps_to_quota(votes in votes_strategy(), house in 1u64..60) {
        let total: u128 = votes.iter().map(|&v| u128::from(v)).sum();
        if let Some(s) = seats(Method::Hare, &votes, house) {
            for (v, s) in votes.iter().zip(&s) {
                // floor(q) <= s <= ceil(q), q = v S / V, in integers.
                let num = u128::from(*v) * u128::from(house);
                let floor = num / total;
                let ceil = num.div_ceil(total);
                prop_assert!(u128::from(*s) >= floor && u128::from(*s) <= ceil);
            }
        }
    }

    #[test]
    fn lemna_equals_dhondt_without_ties(votes in votes_strategy(), house in 1u64..60) {
        if let Some(d) = seats(Method::DHondt, &votes, house) {
            prop_assert_eq!(seats(Method::Cambodia, &votes, house), Some(d));
        }
    }

    #[test]
    fn lots_give_the_same_answer_for_the_same_seed(votes in votes_strategy(), house in 1u64..30, seed in any::<u64>()) {
        let draw = || allocate_seats(Method::SainteLague, &votes, house, &mut TieBreaker::new(TiePolicy::Lot { seed }));
        let a = draw().unwrap();
        prop_assert_eq!(a.iter().sum::<u64>(), house);
        prop_assert_eq!(a, draw().unwrap());
    }
}

#[test]
fn alabama_paradox_under_hamilton() {
    // Populations 6, 6, 2 (the apportionment-paradox example of Wikipedia, "Apportionment
    // paradox"). 10 seats: quotas 4.29, 4.29, 1.43 -> 4, 4, 1 and the last seat to C (.43) ->
    // 4, 4, 2. 11 seats: quotas 4.71, 4.71, 1.57 -> 4, 4, 1 and two seats to A and B (.71) ->
    // 5, 5, 1. C loses a seat when the house grows.
    assert_eq!(seats(Method::Hare, &[6, 6, 2], 10), Some(vec![4, 4, 2]));
    assert_eq!(seats(Method::Hare, &[6, 6, 2], 11), Some(vec![5, 5, 1]));
    // A divisor method cannot do that.
    for method in DIVISOR {
        let (a, b) = (seats(method, &[6, 6, 2], 10), seats(method, &[6, 6, 2], 11));
        if let (Some(a), Some(b)) = (a, b) {
            assert!(a.iter().zip(&b).all(|(x, y)| x <= y), "{method}");
        }
    }
}

#[test]
fn exact_arithmetic_where_floats_fail() {
    // 0.1 + 0.2 style traps: claims that are equal as rationals must tie, and claims that differ
    // by one vote in 10^15 must not. 3 * 333_333_333_333_333 = 999_999_999_999_999 < 10^15.
    let votes = [1_000_000_000_000_000u64, 333_333_333_333_333];
    // D'Hondt, 4 seats: A's 4th quotient 250e12 vs B's first 333e12; B wins a seat.
    assert_eq!(seats(Method::DHondt, &votes, 4), Some(vec![3, 1]));
    // A 10^15 / 3 = 333_333_333_333_333.33 > B 333_333_333_333_333: A takes the 3rd seat.
    assert_eq!(seats(Method::DHondt, &votes, 3), Some(vec![3, 0]));
    // Huntington–Hill, irrational divisors: after A 1, B 2 seats the 4th seat is A's
    // 10^14 / sqrt(2) against B's v / sqrt(6); they cross at v = 10^14 sqrt(3) =
    // 173_205_080_756_887.73 (checked with Python integers: 6 * 10^28 against 2 v^2).
    let a = 100_000_000_000_000u64;
    assert_eq!(
        seats(Method::HuntingtonHill, &[a, 173_205_080_756_887], 4),
        Some(vec![2, 2])
    );
    assert_eq!(
        seats(Method::HuntingtonHill, &[a, 173_205_080_756_888], 4),
        Some(vec![1, 3])
    );
}
