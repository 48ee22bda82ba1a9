//! Sign-in limits: how many password guesses an account or an address may make, how many argon2
//! hashes run at once, and which address a request comes from.
//!
//! - **Check and count are one step.** An attempt reserves its place before the password is
//!   verified ([`LoginLimiter::reserve`]) and is settled afterwards: a failure is counted, a
//!   success refunds it. Attempts in flight count, so a burst of parallel guesses cannot all pass
//!   the check before any of them is recorded.
//! - **Per account and per address, with back-off.** After [`Policy::per_account`] failures for
//!   an account (from anywhere), or [`Policy::per_address`] from one address, each further attempt
//!   waits a delay that doubles with every failure, from [`Policy::base_delay`] up to
//!   [`Policy::max_delay`], and only one attempt at a time is evaluated. A few wrong guesses
//!   pause an account for seconds, not a quarter of an hour; a steady guesser slows to one guess
//!   per `max_delay`. A successful sign-in clears the account's count and its address's.
//! - **Across servers.** The counts are kept in the store (`Store::update_signin_limits`), read,
//!   judged by this module's rule and written back in one transaction, so every server on one
//!   database counts the same failures and a guesser gains nothing by spreading guesses over the
//!   servers behind a proxy; a restart forgets nothing. An attempt whose server died before
//!   settling it stops counting as in flight after [`Policy::in_flight_lease`].
//! - **Bounded storage.** Keys are SHA-256 digests (32 bytes, whatever was submitted as the
//!   e-mail, and never the e-mail or address itself in the database), entries are forgotten
//!   [`Policy::forget_after`] once their pause is over, and at most [`Policy::max_entries`] are
//!   kept, the least recently used evicted first.
//! - **Bounded hashing.** At most one argon2 hash per core runs at once (each takes 19 MiB):
//!   guesses queue for a slot instead of exhausting memory. This part is per process, rightly:
//!   it protects this server's CPU and memory.
//!
//! The clock is a parameter (`now`), so tests control time.

use std::net::{IpAddr, Ipv6Addr};
use std::str::FromStr;
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use accord_store::{SigninCount, Store, StoreError};
use axum::http::HeaderMap;
use sha2::{Digest, Sha256};
use tokio::sync::{Semaphore, SemaphorePermit};

/// The limits; [`Policy::default`] is what the server uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    /// Failures for one account, from any address, before attempts are slowed down.
    pub per_account: u32,
    /// Failures from one address (an IPv4 address, or an IPv6 /64), for any accounts, before its
    /// attempts are slowed down. Higher than `per_account`: an office or a campus shares one.
    pub per_address: u32,
    /// The wait after the failure that reaches a limit; it doubles with each further failure.
    pub base_delay: Duration,
    /// The longest wait.
    pub max_delay: Duration,
    /// How long an entry is kept once its wait is over and no new failure came.
    pub forget_after: Duration,
    /// The most entries kept (accounts and addresses together).
    pub max_entries: usize,
    /// How long a reserved attempt counts as in flight at most: longer than any password check
    /// takes (waiting for a hashing slot included), so only an attempt whose server died before
    /// settling it is let go.
    pub in_flight_lease: Duration,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            per_account: 5,
            per_address: 30,
            base_delay: Duration::from_secs(30),
            max_delay: Duration::from_secs(15 * 60),
            forget_after: Duration::from_secs(60 * 60),
            max_entries: 100_000,
            in_flight_lease: Duration::from_secs(120),
        }
    }
}

impl Policy {
    /// The wait after `failures` failures against a limit of `limit`: none below the limit, then
    /// `base_delay` doubling per failure, at most `max_delay`.
    fn delay(&self, failures: u32, limit: u32) -> Duration {
        if failures < limit {
            return Duration::ZERO;
        }
        let doublings = (failures - limit).min(31);
        self.base_delay
            .saturating_mul(1 << doublings)
            .min(self.max_delay)
    }

    /// The wait before a key with count `c` and limit `limit` may make another attempt at `now`
    /// (milliseconds since the epoch); zero when it may now.
    fn wait(&self, c: &SigninCount, limit: u32, now: i64) -> Duration {
        if c.failures.saturating_add(c.in_flight) < limit {
            return Duration::ZERO;
        }
        if c.in_flight > 0 {
            // At the limit only one attempt at a time: wait for those in flight, and as long as
            // they would make it wait if they fail.
            return self
                .delay(c.failures.saturating_add(c.in_flight), limit)
                .max(Duration::from_secs(1));
        }
        let until = c.last_failure_ms.map_or(now, |t| {
            t.saturating_add(millis(self.delay(c.failures, limit)))
        });
        Duration::from_millis(u64::try_from(until.saturating_sub(now)).unwrap_or(0))
    }

    /// Forget reservations older than the lease (their server died before settling them).
    fn lapse(&self, c: &mut SigninCount, now: i64) {
        if c.in_flight > 0 && now.saturating_sub(c.in_flight_at_ms) >= millis(self.in_flight_lease)
        {
            c.in_flight = 0;
        }
    }

    /// When a count may be deleted: its wait over plus `forget_after`, and no attempt in flight
    /// within the lease.
    fn forget_at(&self, c: &SigninCount, limit: u32) -> i64 {
        let waited = c.last_failure_ms.map_or(0, |t| {
            t.saturating_add(millis(self.delay(c.failures, limit)))
                .saturating_add(millis(self.forget_after))
        });
        let flying = if c.in_flight > 0 {
            c.in_flight_at_ms
                .saturating_add(millis(self.in_flight_lease))
        } else {
            0
        };
        waited.max(flying)
    }
}

/// A key of the table: the SHA-256 of what it counts (`account:` or `address:` and the value),
/// so a 2 MiB "e-mail address" takes 32 bytes.
type Key = [u8; 32];

/// Sign-in attempts per account and per address (in the store), and the slots for hashing
/// passwords (in this process).
#[derive(Debug)]
pub struct LoginLimiter {
    policy: Policy,
    store: Arc<dyn Store>,
    hashing: Semaphore,
}

/// A reserved attempt: settle it with [`Attempt::failed`] or [`Attempt::succeeded`]. Dropped
/// unsettled (the store failed, say), it is refunded without counting.
#[derive(Debug)]
#[must_use = "an attempt is settled as failed or succeeded"]
pub struct Attempt {
    policy: Policy,
    store: Arc<dyn Store>,
    keys: Vec<Key>,
    limits: Vec<u32>,
    settled: bool,
}

impl LoginLimiter {
    pub fn new(policy: Policy, store: Arc<dyn Store>) -> LoginLimiter {
        let cores = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
        LoginLimiter {
            policy,
            store,
            hashing: Semaphore::new(cores),
        }
    }

    /// Reserves one attempt for `account` from `address`, or `Ok(Err(wait))` when either must
    /// wait. Refused attempts are not counted (they cost nothing), so a flood does not lengthen
    /// the wait; only evaluated failures do.
    pub async fn reserve(
        &self,
        account: &str,
        address: Option<IpAddr>,
        now: SystemTime,
    ) -> Result<Result<Attempt, Duration>, StoreError> {
        let mut keys = vec![key("account", account.as_bytes())];
        let mut limits = vec![self.policy.per_account];
        if let Some(a) = address {
            keys.push(key("address", &address_bucket(a)));
            limits.push(self.policy.per_address);
        }
        let now = unix_ms(now);
        let policy = self.policy;
        let rule_limits = limits.clone();
        let rule = move |counts: &mut [SigninCount]| -> Option<u64> {
            let mut wait = Duration::ZERO;
            for (c, limit) in counts.iter_mut().zip(&rule_limits) {
                policy.lapse(c, now);
                wait = wait.max(policy.wait(c, *limit, now));
            }
            if wait.is_zero() {
                for c in counts.iter_mut() {
                    c.in_flight = c.in_flight.saturating_add(1);
                    c.in_flight_at_ms = now;
                }
            }
            for (c, limit) in counts.iter_mut().zip(&rule_limits) {
                c.forget_at_ms = policy.forget_at(c, *limit);
            }
            (!wait.is_zero()).then(|| u64::try_from(wait.as_millis()).unwrap_or(u64::MAX))
        };
        let waited = self
            .store
            .update_signin_limits(&keys, now, self.max_entries(), &rule)
            .await?;
        Ok(match waited {
            Some(ms) => Err(Duration::from_millis(ms)),
            None => Ok(Attempt {
                policy,
                store: self.store.clone(),
                keys,
                limits,
                settled: false,
            }),
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

    /// How many entries the store holds (for tests of its bounds).
    #[cfg(test)]
    async fn len(&self) -> u64 {
        self.store.signin_limit_entries().await.unwrap_or(u64::MAX)
    }

    fn max_entries(&self) -> u64 {
        u64::try_from(self.policy.max_entries).unwrap_or(u64::MAX)
    }
}

#[derive(Debug, Clone, Copy)]
enum Outcome {
    Failed(i64),
    Succeeded,
    Refunded,
}

impl Attempt {
    /// The password was wrong (or the account unknown): counts against the account and address.
    pub async fn failed(mut self, now: SystemTime) -> Result<(), StoreError> {
        self.settled = true;
        settle(self.parts(), Outcome::Failed(unix_ms(now))).await
    }

    /// Signed in: the attempt is refunded and the account's and address's counts cleared.
    pub async fn succeeded(mut self) -> Result<(), StoreError> {
        self.settled = true;
        settle(self.parts(), Outcome::Succeeded).await
    }

    /// The attempt was not evaluated: its place is given back at once (the routes let a dropped
    /// attempt do it on a task of its own).
    #[cfg(test)]
    pub async fn refunded(mut self) -> Result<(), StoreError> {
        self.settled = true;
        settle(self.parts(), Outcome::Refunded).await
    }

    fn parts(&self) -> Parts {
        Parts {
            policy: self.policy,
            store: self.store.clone(),
            keys: self.keys.clone(),
            limits: self.limits.clone(),
        }
    }
}

impl Drop for Attempt {
    fn drop(&mut self) {
        if self.settled {
            return;
        }
        // Dropped unsettled (the request failed or was cancelled): give the place back. Without a
        // runtime to do it on, the reservation lapses after the lease.
        if let Ok(runtime) = tokio::runtime::Handle::try_current() {
            let parts = self.parts();
            runtime.spawn(async move {
                if let Err(e) = settle(parts, Outcome::Refunded).await {
                    tracing::warn!(error = %e, "sign-in limits: cannot refund an attempt");
                }
            });
        }
    }
}

/// What settling an attempt needs, owned (a refund runs on a task of its own).
struct Parts {
    policy: Policy,
    store: Arc<dyn Store>,
    keys: Vec<Key>,
    limits: Vec<u32>,
}

async fn settle(parts: Parts, outcome: Outcome) -> Result<(), StoreError> {
    let Parts {
        policy,
        store,
        keys,
        limits,
    } = parts;
    let now = match outcome {
        Outcome::Failed(now) => now,
        Outcome::Succeeded | Outcome::Refunded => unix_ms(SystemTime::now()),
    };
    let rule = move |counts: &mut [SigninCount]| -> Option<u64> {
        for (c, limit) in counts.iter_mut().zip(&limits) {
            policy.lapse(c, now);
            c.in_flight = c.in_flight.saturating_sub(1);
            match outcome {
                Outcome::Failed(at) => {
                    c.failures = c.failures.saturating_add(1);
                    c.last_failure_ms = Some(at);
                }
                Outcome::Succeeded => {
                    c.failures = 0;
                    c.last_failure_ms = None;
                }
                Outcome::Refunded => {}
            }
            c.forget_at_ms = policy.forget_at(c, *limit);
        }
        None
    };
    let max_entries = u64::try_from(policy.max_entries).unwrap_or(u64::MAX);
    store
        .update_signin_limits(&keys, now, max_entries, &rule)
        .await
        .map(drop)
}

fn millis(d: Duration) -> i64 {
    i64::try_from(d.as_millis()).unwrap_or(i64::MAX)
}

/// Milliseconds since the Unix epoch (0 for a clock set before it).
fn unix_ms(t: SystemTime) -> i64 {
    t.duration_since(UNIX_EPOCH).map_or(0, millis)
}

fn key(kind: &str, value: &[u8]) -> Key {
    let mut h = Sha256::new();
    h.update(kind.as_bytes());
    h.update(b"\0");
    h.update(value);
    h.finalize().into()
}

/// What an address counts as: an IPv4 address, or the /64 network of an IPv6 address (one
/// machine easily holds a whole /64, so counting single IPv6 addresses would count nothing).
fn address_bucket(ip: IpAddr) -> Vec<u8> {
    match ip.to_canonical() {
        IpAddr::V4(v4) => v4.octets().to_vec(),
        IpAddr::V6(v6) => v6.octets()[..8].to_vec(),
    }
}

/// A proxy whose `X-Forwarded-For` header is believed: one address, or a network in CIDR
/// notation (`10.0.0.0/8`, `fd00::/8`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrustedProxy {
    network: IpAddr,
    prefix: u8,
}

/// A `trusted_proxies` entry that is not an address or a network.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("trusted proxy {value:?} is not an IP address or a network such as 10.0.0.0/8")]
pub struct TrustedProxyError {
    pub value: String,
}

impl FromStr for TrustedProxy {
    type Err = TrustedProxyError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || TrustedProxyError {
            value: s.to_owned(),
        };
        let s = s.trim();
        let (addr, prefix) = match s.split_once('/') {
            Some((a, p)) => (a, Some(p)),
            None => (s, None),
        };
        let network = IpAddr::from_str(addr).map_err(|_| err())?.to_canonical();
        let max = if network.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            None => max,
            Some(p) => p.parse::<u8>().ok().filter(|p| *p <= max).ok_or_else(err)?,
        };
        Ok(TrustedProxy { network, prefix })
    }
}

impl std::fmt::Display for TrustedProxy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.network, self.prefix)
    }
}

impl TrustedProxy {
    pub fn contains(&self, ip: IpAddr) -> bool {
        match (self.network, ip.to_canonical()) {
            (IpAddr::V4(n), IpAddr::V4(a)) => prefix_eq(
                u128::from(n.to_bits()) << 96,
                u128::from(a.to_bits()) << 96,
                self.prefix,
            ),
            (IpAddr::V6(n), IpAddr::V6(a)) => prefix_eq(n.to_bits(), a.to_bits(), self.prefix),
            _ => false,
        }
    }
}

/// Whether the first `prefix` bits of `a` and `b` agree.
fn prefix_eq(a: u128, b: u128, prefix: u8) -> bool {
    let mask = u128::MAX.checked_shl(128 - u32::from(prefix)).unwrap_or(0);
    a & mask == b & mask
}

/// The address a request comes from. The connecting peer, unless the peer is a trusted proxy:
/// then the right-most address of `X-Forwarded-For` that is not itself a trusted proxy (the
/// left part of the header is whatever the client wrote, so only what trusted proxies appended
/// is believed). `None` without a peer (a router called directly, as in tests).
pub fn client_address(
    peer: Option<IpAddr>,
    headers: &HeaderMap,
    trusted: &[TrustedProxy],
) -> Option<IpAddr> {
    let peer = peer?.to_canonical();
    let is_trusted = |ip: IpAddr| trusted.iter().any(|t| t.contains(ip));
    if !is_trusted(peer) {
        return Some(peer);
    }
    let forwarded: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .collect();
    for hop in forwarded.iter().rev() {
        let Some(ip) = parse_hop(hop) else {
            // Not an address: nothing further left can be believed either.
            return Some(peer);
        };
        if !is_trusted(ip) {
            return Some(ip);
        }
    }
    // Only trusted proxies (or no header): the request started at a proxy.
    Some(peer)
}

/// One `X-Forwarded-For` entry: an address, possibly with a port (`1.2.3.4:80`, `[::1]:80`).
fn parse_hop(hop: &str) -> Option<IpAddr> {
    let hop = hop.trim();
    IpAddr::from_str(hop)
        .ok()
        .or_else(|| std::net::SocketAddr::from_str(hop).ok().map(|s| s.ip()))
        .or_else(|| {
            hop.strip_prefix('[')
                .and_then(|h| h.strip_suffix(']'))
                .and_then(|h| Ipv6Addr::from_str(h).ok())
                .map(IpAddr::V6)
        })
        .map(|ip| ip.to_canonical())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy() -> Policy {
        Policy {
            per_account: 2,
            per_address: 3,
            base_delay: Duration::from_secs(10),
            max_delay: Duration::from_secs(40),
            forget_after: Duration::from_secs(100),
            max_entries: 1000,
            in_flight_lease: Duration::from_secs(120),
        }
    }

    /// A limiter on a fresh store, and the directory holding its database.
    async fn limiter(policy: Policy) -> (LoginLimiter, tempfile::TempDir) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("accord.db");
        let store = accord_store::open(path.to_str().unwrap(), accord_store::Create::IfMissing)
            .await
            .unwrap();
        (LoginLimiter::new(policy, store), dir)
    }

    fn ip(s: &str) -> Option<IpAddr> {
        Some(s.parse().unwrap())
    }

    fn at(t0: SystemTime, secs: u64) -> SystemTime {
        t0 + Duration::from_secs(secs)
    }

    async fn reserve(
        l: &LoginLimiter,
        account: &str,
        address: Option<IpAddr>,
        now: SystemTime,
    ) -> Result<Attempt, Duration> {
        l.reserve(account, address, now).await.unwrap()
    }

    async fn fail(l: &LoginLimiter, account: &str, address: Option<IpAddr>, now: SystemTime) {
        reserve(l, account, address, now)
            .await
            .unwrap()
            .failed(now)
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn limits_per_account_and_per_address_with_doubling_waits() {
        let (l, _dir) = limiter(policy()).await;
        let t0 = SystemTime::now();
        fail(&l, "a", ip("1.2.3.4"), t0).await;
        fail(&l, "a", ip("1.2.3.4"), t0).await;
        // Per account, from anywhere: 10 s, then 20 s, 40 s, capped at 40 s.
        assert_eq!(
            reserve(&l, "a", ip("9.9.9.9"), t0).await.unwrap_err(),
            Duration::from_secs(10)
        );
        let t1 = at(t0, 10);
        fail(&l, "a", ip("9.9.9.9"), t1).await;
        assert_eq!(
            reserve(&l, "a", None, t1).await.unwrap_err(),
            Duration::from_secs(20)
        );
        let t2 = at(t1, 20);
        fail(&l, "a", None, t2).await;
        let t3 = at(t2, 40);
        fail(&l, "a", None, t3).await;
        assert_eq!(
            reserve(&l, "a", None, t3).await.unwrap_err(),
            Duration::from_secs(40)
        );
        // Per address: 1.2.3.4 has 2 failures; one more (another account) reaches its limit.
        fail(&l, "b", ip("1.2.3.4"), t0).await;
        assert!(
            reserve(&l, "c", ip("1.2.3.4"), t0).await.is_err(),
            "per address"
        );
        assert!(
            reserve(&l, "c", ip("1.2.3.5"), t0).await.is_ok(),
            "another address"
        );
    }

    #[tokio::test]
    async fn attempts_in_flight_count() {
        let (l, _dir) = limiter(policy()).await;
        let now = SystemTime::now();
        let first = reserve(&l, "a", None, now).await.unwrap();
        let second = reserve(&l, "a", None, now).await.unwrap();
        assert!(
            reserve(&l, "a", None, now).await.is_err(),
            "two in flight fill the limit"
        );
        // A refund (the attempt never ran) gives the place back; a success clears the count.
        first.refunded().await.unwrap();
        let third = reserve(&l, "a", None, now).await.unwrap();
        second.failed(now).await.unwrap();
        third.succeeded().await.unwrap();
        let fourth = reserve(&l, "a", None, now).await.unwrap();
        assert_eq!(l.len().await, 1, "only the reservation just made");
        fourth.refunded().await.unwrap();
        assert_eq!(l.len().await, 0, "a refund leaves nothing behind");
    }

    #[tokio::test]
    async fn an_attempt_dropped_unsettled_is_refunded() {
        let (l, _dir) = limiter(policy()).await;
        let now = SystemTime::now();
        drop(reserve(&l, "a", None, now).await.unwrap());
        // The refund runs on a task of its own: wait for it, boundedly.
        for _ in 0..200 {
            if l.len().await == 0 {
                return;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        panic!("the dropped attempt was never refunded");
    }

    #[tokio::test]
    async fn an_attempt_never_settled_lapses_after_the_lease() {
        // A server that died while checking passwords never settles its attempts; they stop
        // counting once the lease is over.
        let (l, _dir) = limiter(policy()).await;
        let t0 = SystemTime::now();
        let a = reserve(&l, "a", None, t0).await.unwrap();
        let b = reserve(&l, "a", None, t0).await.unwrap();
        std::mem::forget((a, b));
        assert!(reserve(&l, "a", None, at(t0, 119)).await.is_err());
        assert!(reserve(&l, "a", None, at(t0, 120)).await.is_ok());
    }

    #[tokio::test]
    async fn a_success_clears_the_address_and_the_account() {
        let (l, _dir) = limiter(policy()).await;
        let now = SystemTime::now();
        for account in ["x", "y"] {
            fail(&l, account, ip("1.2.3.4"), now).await;
        }
        reserve(&l, "z", ip("1.2.3.4"), now)
            .await
            .unwrap()
            .succeeded()
            .await
            .unwrap();
        for account in ["u", "v"] {
            fail(&l, account, ip("1.2.3.4"), now).await;
        }
        assert!(
            reserve(&l, "w", ip("1.2.3.4"), now).await.is_ok(),
            "the count started again after the success"
        );
    }

    #[tokio::test]
    async fn entries_expire() {
        let (l, _dir) = limiter(policy()).await;
        let t0 = SystemTime::now();
        fail(&l, "a", ip("1.2.3.4"), t0).await;
        fail(&l, "a", ip("1.2.3.4"), t0).await;
        assert_eq!(l.len().await, 2);
        // Blocked for 10 s, remembered for 100 s more.
        assert!(reserve(&l, "a", None, at(t0, 9)).await.is_err());
        let later = at(t0, 10 + 100);
        let attempt = reserve(&l, "other", None, later).await.unwrap();
        assert_eq!(
            l.len().await,
            1,
            "both old entries are gone, the new one is kept"
        );
        attempt.refunded().await.unwrap();
        assert_eq!(l.len().await, 0);
    }

    #[tokio::test]
    async fn keys_are_fixed_size_digests_whatever_was_submitted() {
        let (l, dir) = limiter(policy()).await;
        let now = SystemTime::now();
        let huge = "x".repeat(2 * 1024 * 1024);
        fail(&l, &huge, ip("1.2.3.4"), now).await;
        // Below the store: what the database holds is two 32-byte digests, never the text.
        use sqlx::Connection as _;
        let url = format!("sqlite://{}", dir.path().join("accord.db").display());
        let mut db = sqlx::SqliteConnection::connect(&url).await.unwrap();
        let keys: Vec<Vec<u8>> = sqlx::query_scalar("SELECT key FROM signin_limits")
            .fetch_all(&mut db)
            .await
            .unwrap();
        assert_eq!(keys.len(), 2);
        assert!(keys.iter().all(|k| k.len() == 32));
        assert!(keys.contains(&key("account", huge.as_bytes()).to_vec()));
    }

    #[tokio::test]
    async fn the_table_never_grows_past_its_cap() {
        let (l, _dir) = limiter(Policy {
            max_entries: 50,
            ..policy()
        })
        .await;
        let now = SystemTime::now();
        for i in 0..200 {
            fail(&l, &format!("user{i}@example.org"), None, now).await;
            assert!(l.len().await <= 50);
        }
        assert_eq!(l.len().await, 50);
        // The most recent are kept, the oldest evicted.
        fail(&l, "user199@example.org", None, now).await;
        assert!(reserve(&l, "user199@example.org", None, now).await.is_err());
        assert!(reserve(&l, "user0@example.org", None, now).await.is_ok());
    }

    #[tokio::test]
    async fn ipv6_addresses_count_by_their_slash_64() {
        let (l, _dir) = limiter(policy()).await;
        let now = SystemTime::now();
        for (i, account) in ["a", "b", "c"].iter().enumerate() {
            fail(&l, account, ip(&format!("2001:db8::{}", i + 1)), now).await;
        }
        assert!(reserve(&l, "d", ip("2001:db8::ffff"), now).await.is_err());
        assert!(reserve(&l, "d", ip("2001:db8:0:1::1"), now).await.is_ok());
        // An IPv4 address written as IPv6 counts as itself.
        assert_eq!(
            address_bucket("::ffff:1.2.3.4".parse().unwrap()),
            address_bucket("1.2.3.4".parse().unwrap())
        );
    }

    #[tokio::test]
    async fn hashing_slots_are_bounded() {
        let (l, _dir) = limiter(Policy::default()).await;
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

    fn check_proxy(spec: &str, inside: &[&str], outside: &[&str]) {
        let p: TrustedProxy = spec.parse().unwrap();
        for a in inside {
            assert!(p.contains(a.parse().unwrap()), "{a} in {spec}");
        }
        for a in outside {
            assert!(!p.contains(a.parse().unwrap()), "{a} not in {spec}");
        }
    }

    #[test]
    fn trusted_proxies_are_addresses_or_networks() {
        check_proxy(
            "10.0.0.0/8",
            &["10.1.2.3", "::ffff:10.0.0.1"],
            &["11.0.0.1", "::1"],
        );
        check_proxy("127.0.0.1", &["127.0.0.1"], &["127.0.0.2"]);
        check_proxy("0.0.0.0/0", &["1.2.3.4"], &["::1"]);
        check_proxy("fd00::/8", &["fd12::1"], &["fe80::1", "10.0.0.1"]);
        check_proxy("::1", &["::1"], &["::2"]);
        for bad in [
            "",
            "10.0.0.0/33",
            "::/129",
            "example.org",
            "10.0.0.0/",
            "10.0.0/8",
            "1.2.3.4/-1",
        ] {
            assert!(bad.parse::<TrustedProxy>().is_err(), "{bad:?}");
        }
    }

    fn check_client(peer: &str, forwarded: &[&str], expected: &str) {
        let trusted: Vec<TrustedProxy> = ["10.0.0.0/8", "fd00::/8"]
            .iter()
            .map(|s| s.parse().unwrap())
            .collect();
        let mut headers = HeaderMap::new();
        for f in forwarded {
            headers.append("x-forwarded-for", f.parse().unwrap());
        }
        assert_eq!(
            client_address(ip(peer), &headers, &trusted),
            ip(expected),
            "peer {peer}, X-Forwarded-For {forwarded:?}"
        );
    }

    #[test]
    fn the_forwarded_address_is_believed_only_from_a_trusted_proxy() {
        // An untrusted peer: the header is ignored.
        check_client("203.0.113.7", &["198.51.100.1"], "203.0.113.7");
        // A trusted proxy: the right-most address it did not itself trust.
        check_client("10.0.0.2", &["198.51.100.1"], "198.51.100.1");
        check_client(
            "10.0.0.2",
            &["6.6.6.6, 198.51.100.1, 10.0.0.9"],
            "198.51.100.1",
        );
        check_client("10.0.0.2", &["6.6.6.6", "198.51.100.1"], "198.51.100.1");
        check_client("10.0.0.2", &["198.51.100.1:4711"], "198.51.100.1");
        check_client("fd00::2", &["[2001:db8::1]:80"], "2001:db8::1");
        // Nothing usable: the proxy itself.
        check_client("10.0.0.2", &[], "10.0.0.2");
        check_client("10.0.0.2", &["10.0.0.3"], "10.0.0.2");
        check_client("10.0.0.2", &["6.6.6.6, not-an-address"], "10.0.0.2");
        assert_eq!(client_address(None, &HeaderMap::new(), &[]), None);
    }
}
