//! Login rate limiting: a few failures per account and per address, then a pause; and a bound on
//! the argon2 hashes running at once.
//!
//! Checking and counting are one step: an attempt reserves its place before the password is
//! verified ([`LoginLimiter::reserve`]) and is settled afterwards, a failure counted and a
//! success refunded. Attempts in flight count, so a burst of parallel guesses cannot all pass the
//! check before any of them is recorded. Each hash holds 19 MiB, so at most one per core runs at
//! once and guesses queue for a slot instead of exhausting memory.
//!
//! Kept in memory: a restart forgets the counts, which is acceptable for slowing down password
//! guessing on a single server (argon2 already makes each guess expensive).

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use tokio::sync::{Semaphore, SemaphorePermit};

#[derive(Debug)]
pub struct LoginLimiter {
    window: Duration,
    per_account: usize,
    per_address: usize,
    counts: Mutex<HashMap<String, Counts>>,
    hashing: Semaphore,
}

/// What one account or address has done recently.
#[derive(Debug, Default)]
struct Counts {
    failures: Vec<Instant>,
    in_flight: usize,
}

impl Default for LoginLimiter {
    fn default() -> Self {
        LoginLimiter::new(Duration::from_secs(15 * 60), 5, 30)
    }
}

/// A reserved attempt: settle it with [`Attempt::failed`] or [`Attempt::succeeded`]. Dropped
/// unsettled (the store failed, say), it is refunded without counting.
#[derive(Debug)]
#[must_use = "an attempt is settled as failed or succeeded"]
pub struct Attempt<'a> {
    limiter: &'a LoginLimiter,
    keys: Vec<String>,
    settled: bool,
}

impl LoginLimiter {
    pub fn new(window: Duration, per_account: usize, per_address: usize) -> LoginLimiter {
        let cores = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
        LoginLimiter {
            window,
            per_account,
            per_address,
            counts: Mutex::new(HashMap::new()),
            hashing: Semaphore::new(cores),
        }
    }

    /// Reserves one attempt for `account` from `address`, or `Err(seconds to wait)` when either
    /// has failed too often recently, counting the attempts still in flight as failures.
    pub fn reserve(&self, account: &str, address: Option<&str>) -> Result<Attempt<'_>, u64> {
        let now = Instant::now();
        let mut keys = vec![(format!("account:{account}"), self.per_account)];
        if let Some(a) = address {
            keys.push((format!("address:{a}"), self.per_address));
        }
        let mut map = self.lock();
        let mut wait = 0;
        for (key, limit) in &keys {
            if let Some(c) = map.get_mut(key) {
                c.failures.retain(|t| now.duration_since(*t) < self.window);
                if c.failures.len() + c.in_flight >= *limit {
                    let left = c.failures.first().map_or(self.window, |oldest| {
                        self.window.saturating_sub(now.duration_since(*oldest))
                    });
                    wait = wait.max(left.as_secs().max(1));
                }
            }
        }
        if wait > 0 {
            return Err(wait);
        }
        for (key, _) in &keys {
            map.entry(key.clone()).or_default().in_flight += 1;
        }
        Ok(Attempt {
            limiter: self,
            keys: keys.into_iter().map(|(k, _)| k).collect(),
            settled: false,
        })
    }

    /// A slot to hash a password in; waits while every core is hashing. `None` after `patience`
    /// (the server is saturated: better to answer than to queue without end).
    pub async fn hashing_slot(&self, patience: Duration) -> Option<SemaphorePermit<'_>> {
        tokio::time::timeout(patience, self.hashing.acquire())
            .await
            .ok()?
            .ok()
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<String, Counts>> {
        // The map holds counts only; one left half-updated by a panic is still usable.
        self.counts.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn settle(&self, keys: &[String], outcome: Outcome) {
        let now = Instant::now();
        let mut map = self.lock();
        for key in keys {
            let Some(c) = map.get_mut(key) else { continue };
            c.in_flight = c.in_flight.saturating_sub(1);
            match outcome {
                Outcome::Failed => c.failures.push(now),
                // A success clears the account's failures, as before; the address keeps its own.
                Outcome::Succeeded if key.starts_with("account:") => c.failures.clear(),
                Outcome::Succeeded | Outcome::Refunded => {}
            }
            if c.failures.is_empty() && c.in_flight == 0 {
                map.remove(key);
            }
        }
    }
}

#[derive(Debug, Clone, Copy)]
enum Outcome {
    Failed,
    Succeeded,
    Refunded,
}

impl Attempt<'_> {
    /// The password was wrong (or the account unknown): counts against the account and address.
    pub fn failed(mut self) {
        self.settled = true;
        self.limiter.settle(&self.keys, Outcome::Failed);
    }

    /// Signed in: the attempt is refunded and the account's failures cleared.
    pub fn succeeded(mut self) {
        self.settled = true;
        self.limiter.settle(&self.keys, Outcome::Succeeded);
    }
}

impl Drop for Attempt<'_> {
    fn drop(&mut self) {
        if !self.settled {
            self.limiter.settle(&self.keys, Outcome::Refunded);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fail(l: &LoginLimiter, account: &str, address: Option<&str>) {
        l.reserve(account, address).unwrap().failed();
    }

    #[test]
    fn blocks_after_the_limit_and_forgets_after_the_window() {
        let l = LoginLimiter::new(Duration::from_millis(200), 2, 3);
        assert!(l.reserve("a", Some("1.2.3.4")).is_ok());
        fail(&l, "a", Some("1.2.3.4"));
        fail(&l, "a", Some("1.2.3.4"));
        assert!(l.reserve("a", Some("9.9.9.9")).is_err(), "per account");
        assert!(l.reserve("b", Some("1.2.3.4")).is_ok());
        fail(&l, "b", Some("1.2.3.4"));
        assert!(l.reserve("c", Some("1.2.3.4")).is_err(), "per address");
        std::thread::sleep(Duration::from_millis(250));
        assert!(l.reserve("a", Some("1.2.3.4")).is_ok());
        fail(&l, "a", None);
        l.reserve("a", None).unwrap().succeeded();
        assert!(l.reserve("a", None).is_ok());
    }

    #[test]
    fn attempts_in_flight_count() {
        let l = LoginLimiter::new(Duration::from_secs(60), 2, 3);
        let first = l.reserve("a", None).unwrap();
        let second = l.reserve("a", None).unwrap();
        assert!(
            l.reserve("a", None).is_err(),
            "two in flight fill the limit"
        );
        // A refund (the attempt never ran) gives the place back; a success clears the count.
        drop(first);
        let third = l.reserve("a", None).unwrap();
        second.failed();
        third.succeeded();
        let fourth = l.reserve("a", None).unwrap();
        assert_eq!(l.lock().len(), 1, "only the reservation just made");
        drop(fourth);
        assert!(l.lock().is_empty(), "a refund leaves nothing behind");
    }

    #[tokio::test]
    async fn hashing_slots_are_bounded() {
        let l = LoginLimiter::default();
        let cores = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
        let mut held = Vec::new();
        for _ in 0..cores {
            held.push(l.hashing_slot(Duration::from_millis(10)).await.unwrap());
        }
        assert!(
            l.hashing_slot(Duration::from_millis(10)).await.is_none(),
            "every slot is taken"
        );
        held.pop();
        assert!(l.hashing_slot(Duration::from_millis(10)).await.is_some());
    }
}
