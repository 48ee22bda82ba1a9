//! Login rate limiting: a few failures per account and per address, then a pause.
//!
//! Kept in memory: a restart forgets the counts, which is acceptable for slowing down password
//! guessing on a single server (argon2 already makes each guess expensive).

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

#[derive(Debug)]
pub struct LoginLimiter {
    window: Duration,
    per_account: usize,
    per_address: usize,
    failures: Mutex<HashMap<String, Vec<Instant>>>,
}

impl Default for LoginLimiter {
    fn default() -> Self {
        LoginLimiter::new(Duration::from_secs(15 * 60), 5, 30)
    }
}

impl LoginLimiter {
    pub fn new(window: Duration, per_account: usize, per_address: usize) -> LoginLimiter {
        LoginLimiter {
            window,
            per_account,
            per_address,
            failures: Mutex::new(HashMap::new()),
        }
    }

    /// `Err(seconds to wait)` when this account or address has failed too often recently.
    pub fn check(&self, account: &str, address: Option<&str>) -> Result<(), u64> {
        let now = Instant::now();
        let Ok(mut map) = self.failures.lock() else {
            return Ok(());
        };
        let mut wait = 0;
        for (key, limit) in [
            (Some(format!("account:{account}")), self.per_account),
            (address.map(|a| format!("address:{a}")), self.per_address),
        ] {
            let Some(key) = key else { continue };
            if let Some(times) = map.get_mut(&key) {
                times.retain(|t| now.duration_since(*t) < self.window);
                if times.len() >= limit
                    && let Some(oldest) = times.first()
                {
                    let left = self.window.saturating_sub(now.duration_since(*oldest));
                    wait = wait.max(left.as_secs().max(1));
                }
            }
        }
        if wait > 0 { Err(wait) } else { Ok(()) }
    }

    pub fn failed(&self, account: &str, address: Option<&str>) {
        if let Ok(mut map) = self.failures.lock() {
            let now = Instant::now();
            map.entry(format!("account:{account}"))
                .or_default()
                .push(now);
            if let Some(a) = address {
                map.entry(format!("address:{a}")).or_default().push(now);
            }
        }
    }

    pub fn succeeded(&self, account: &str) {
        if let Ok(mut map) = self.failures.lock() {
            map.remove(&format!("account:{account}"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_after_the_limit_and_forgets_after_the_window() {
        let l = LoginLimiter::new(Duration::from_millis(200), 2, 3);
        assert!(l.check("a", Some("1.2.3.4")).is_ok());
        l.failed("a", Some("1.2.3.4"));
        l.failed("a", Some("1.2.3.4"));
        assert!(l.check("a", Some("9.9.9.9")).is_err(), "per account");
        assert!(l.check("b", Some("1.2.3.4")).is_ok());
        l.failed("b", Some("1.2.3.4"));
        assert!(l.check("c", Some("1.2.3.4")).is_err(), "per address");
        std::thread::sleep(Duration::from_millis(250));
        assert!(l.check("a", Some("1.2.3.4")).is_ok());
        l.failed("a", None);
        l.succeeded("a");
        assert!(l.check("a", None).is_ok());
    }
}
