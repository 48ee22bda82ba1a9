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
//! - **Bounded memory.** Keys are SHA-256 digests (32 bytes, whatever was submitted as the
//!   e-mail), entries are forgotten [`Policy::forget_after`] once their pause is over, and at most
//!   [`Policy::max_entries`] are kept, the least recently used evicted first.
//! - **Bounded hashing.** At most one argon2 hash per core runs at once (each takes 19 MiB):
//!   guesses queue for a slot instead of exhausting memory.
//!
//! Kept in memory: a restart forgets the counts, which is acceptable for slowing down password
//! guessing on a single server (argon2 already makes each guess expensive). The clock is a
//! parameter (`now`), so tests control time.

use std::collections::{BTreeMap, HashMap};
use std::net::{IpAddr, Ipv6Addr};
use std::str::FromStr;
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

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
    /// The most entries kept (accounts and addresses together); about 100 bytes each.
    pub max_entries: usize,
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
}

/// A key of the table: the SHA-256 of what it counts (`account:` or `address:` and the value),
/// so a 2 MiB "e-mail address" takes 32 bytes.
type Key = [u8; 32];

#[derive(Debug)]
struct Entry {
    failures: u32,
    in_flight: u32,
    last_failure: Option<Instant>,
    /// When this entry was last used: its place in [`Table::order`].
    tick: u64,
}

#[derive(Debug, Default)]
struct Table {
    entries: HashMap<Key, Entry>,
    /// Keys by last use, oldest first: eviction and expiry start at the front.
    order: BTreeMap<u64, Key>,
    next_tick: u64,
}

/// Sign-in attempts per account and per address, and the slots for hashing passwords.
#[derive(Debug)]
pub struct LoginLimiter {
    policy: Policy,
    table: Mutex<Table>,
    hashing: Semaphore,
}

impl Default for LoginLimiter {
    fn default() -> Self {
        LoginLimiter::new(Policy::default())
    }
}

/// A reserved attempt: settle it with [`Attempt::failed`] or [`Attempt::succeeded`]. Dropped
/// unsettled (the store failed, say), it is refunded without counting.
#[derive(Debug)]
#[must_use = "an attempt is settled as failed or succeeded"]
pub struct Attempt<'a> {
    limiter: &'a LoginLimiter,
    keys: Vec<Key>,
    settled: bool,
}

impl LoginLimiter {
    pub fn new(policy: Policy) -> LoginLimiter {
        let cores = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
        LoginLimiter {
            policy,
            table: Mutex::new(Table::default()),
            hashing: Semaphore::new(cores),
        }
    }

    /// Reserves one attempt for `account` from `address`, or `Err(wait)` when either must wait.
    /// Refused attempts are not counted (they cost nothing), so a flood does not lengthen the
    /// wait; only evaluated failures do.
    pub fn reserve(
        &self,
        account: &str,
        address: Option<IpAddr>,
        now: Instant,
    ) -> Result<Attempt<'_>, Duration> {
        let mut keys = vec![key("account", account.as_bytes())];
        let mut limits = vec![self.policy.per_account];
        if let Some(a) = address {
            keys.push(key("address", &address_bucket(a)));
            limits.push(self.policy.per_address);
        }
        let mut table = self.lock();
        table.expire(&self.policy, now);
        let mut wait = Duration::ZERO;
        for (k, limit) in keys.iter().zip(&limits) {
            if let Some(e) = table.entries.get(k) {
                wait = wait.max(self.wait(e, *limit, now));
            }
        }
        if !wait.is_zero() {
            return Err(wait);
        }
        for k in &keys {
            table.touch(*k, self.policy.max_entries).in_flight += 1;
        }
        Ok(Attempt {
            limiter: self,
            keys,
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

    /// How many entries the table holds (for tests of its bounds).
    #[cfg(test)]
    fn len(&self) -> usize {
        self.lock().entries.len()
    }

    /// The wait before entry `e` may make another attempt; zero when it may now.
    fn wait(&self, e: &Entry, limit: u32, now: Instant) -> Duration {
        if e.failures.saturating_add(e.in_flight) < limit {
            return Duration::ZERO;
        }
        if e.in_flight > 0 {
            // At the limit only one attempt at a time: wait for those in flight, and as long as
            // they would make it wait if they fail.
            return self
                .policy
                .delay(e.failures.saturating_add(e.in_flight), limit)
                .max(Duration::from_secs(1));
        }
        let until = e
            .last_failure
            .map_or(now, |t| t + self.policy.delay(e.failures, limit));
        until.saturating_duration_since(now)
    }

    fn lock(&self) -> MutexGuard<'_, Table> {
        // The table holds counts only; one left half-updated by a panic is still usable.
        self.table.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn settle(&self, keys: &[Key], outcome: Outcome) {
        let mut table = self.lock();
        for k in keys {
            let Some(e) = table.entries.get_mut(k) else {
                // Evicted while the attempt was in flight.
                continue;
            };
            e.in_flight = e.in_flight.saturating_sub(1);
            match outcome {
                Outcome::Failed(now) => {
                    e.failures = e.failures.saturating_add(1);
                    e.last_failure = Some(now);
                }
                Outcome::Succeeded => {
                    e.failures = 0;
                    e.last_failure = None;
                }
                Outcome::Refunded => {}
            }
            if e.failures == 0 && e.in_flight == 0 {
                table.remove(k);
            }
        }
    }
}

#[derive(Debug, Clone, Copy)]
enum Outcome {
    Failed(Instant),
    Succeeded,
    Refunded,
}

impl Attempt<'_> {
    /// The password was wrong (or the account unknown): counts against the account and address.
    pub fn failed(mut self, now: Instant) {
        self.settled = true;
        self.limiter.settle(&self.keys, Outcome::Failed(now));
    }

    /// Signed in: the attempt is refunded and the account's and address's counts cleared.
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

impl Table {
    /// The entry for `k`, created if need be (evicting the least recently used one when full),
    /// and marked as the most recently used.
    fn touch(&mut self, k: Key, max_entries: usize) -> &mut Entry {
        let tick = self.next_tick;
        self.next_tick += 1;
        if let Some(old) = self.entries.get(&k).map(|e| e.tick) {
            self.order.remove(&old);
        } else {
            while self.entries.len() >= max_entries.max(1) {
                let Some((_, oldest)) = self.order.pop_first() else {
                    break;
                };
                self.entries.remove(&oldest);
            }
        }
        self.order.insert(tick, k);
        let e = self.entries.entry(k).or_insert(Entry {
            failures: 0,
            in_flight: 0,
            last_failure: None,
            tick,
        });
        e.tick = tick;
        e
    }

    fn remove(&mut self, k: &Key) {
        if let Some(e) = self.entries.remove(k) {
            self.order.remove(&e.tick);
        }
    }

    /// Drops entries whose wait ended more than `forget_after` ago. Looks at the least recently
    /// used entries only, and stops at the first one still needed, so each call costs little.
    fn expire(&mut self, policy: &Policy, now: Instant) {
        while let Some((&tick, k)) = self.order.first_key_value() {
            let expired = self.entries.get(k).is_none_or(|e| {
                e.in_flight == 0
                    && e.last_failure.is_none_or(|t| {
                        // The longer of the two limits' waits: an entry does not know which it is.
                        let wait =
                            policy.delay(e.failures, policy.per_account.min(policy.per_address));
                        now.saturating_duration_since(t) >= wait + policy.forget_after
                    })
            });
            if !expired {
                break;
            }
            let k = *k;
            self.order.remove(&tick);
            self.entries.remove(&k);
        }
    }
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
        }
    }

    fn ip(s: &str) -> Option<IpAddr> {
        Some(s.parse().unwrap())
    }

    fn fail(l: &LoginLimiter, account: &str, address: Option<IpAddr>, now: Instant) {
        l.reserve(account, address, now).unwrap().failed(now);
    }

    #[test]
    fn limits_per_account_and_per_address_with_doubling_waits() {
        let l = LoginLimiter::new(policy());
        let t0 = Instant::now();
        fail(&l, "a", ip("1.2.3.4"), t0);
        fail(&l, "a", ip("1.2.3.4"), t0);
        // Per account, from anywhere: 10 s, then 20 s, 40 s, capped at 40 s.
        assert_eq!(
            l.reserve("a", ip("9.9.9.9"), t0).unwrap_err(),
            Duration::from_secs(10)
        );
        let t1 = t0 + Duration::from_secs(10);
        fail(&l, "a", ip("9.9.9.9"), t1);
        assert_eq!(
            l.reserve("a", None, t1).unwrap_err(),
            Duration::from_secs(20)
        );
        let t2 = t1 + Duration::from_secs(20);
        fail(&l, "a", None, t2);
        let t3 = t2 + Duration::from_secs(40);
        fail(&l, "a", None, t3);
        assert_eq!(
            l.reserve("a", None, t3).unwrap_err(),
            Duration::from_secs(40)
        );
        // Per address: 1.2.3.4 has 2 failures; one more (another account) reaches its limit.
        fail(&l, "b", ip("1.2.3.4"), t0);
        assert!(l.reserve("c", ip("1.2.3.4"), t0).is_err(), "per address");
        assert!(l.reserve("c", ip("1.2.3.5"), t0).is_ok(), "another address");
    }

    #[test]
    fn attempts_in_flight_count() {
        let l = LoginLimiter::new(policy());
        let now = Instant::now();
        let first = l.reserve("a", None, now).unwrap();
        let second = l.reserve("a", None, now).unwrap();
        assert!(
            l.reserve("a", None, now).is_err(),
            "two in flight fill the limit"
        );
        // A refund (the attempt never ran) gives the place back; a success clears the count.
        drop(first);
        let third = l.reserve("a", None, now).unwrap();
        second.failed(now);
        third.succeeded();
        let fourth = l.reserve("a", None, now).unwrap();
        assert_eq!(l.len(), 1, "only the reservation just made");
        drop(fourth);
        assert_eq!(l.len(), 0, "a refund leaves nothing behind");
    }

    #[test]
    fn a_success_clears_the_address_and_the_account() {
        let l = LoginLimiter::new(policy());
        let now = Instant::now();
        for account in ["x", "y"] {
            fail(&l, account, ip("1.2.3.4"), now);
        }
        l.reserve("z", ip("1.2.3.4"), now).unwrap().succeeded();
        for account in ["u", "v"] {
            fail(&l, account, ip("1.2.3.4"), now);
        }
        assert!(
            l.reserve("w", ip("1.2.3.4"), now).is_ok(),
            "the count started again after the success"
        );
    }

    #[test]
    fn entries_expire() {
        let l = LoginLimiter::new(policy());
        let t0 = Instant::now();
        fail(&l, "a", ip("1.2.3.4"), t0);
        fail(&l, "a", ip("1.2.3.4"), t0);
        assert_eq!(l.len(), 2);
        // Blocked for 10 s, remembered for 100 s more.
        assert!(l.reserve("a", None, t0 + Duration::from_secs(9)).is_err());
        let later = t0 + Duration::from_secs(10 + 100);
        let attempt = l.reserve("other", None, later).unwrap();
        assert_eq!(l.len(), 1, "both old entries are gone, the new one is kept");
        drop(attempt);
        assert_eq!(l.len(), 0);
    }

    #[test]
    fn keys_are_fixed_size_digests_whatever_was_submitted() {
        let l = LoginLimiter::new(policy());
        let now = Instant::now();
        let huge = "x".repeat(2 * 1024 * 1024);
        fail(&l, &huge, ip("1.2.3.4"), now);
        let table = l.lock();
        assert_eq!(table.entries.len(), 2);
        assert!(table.entries.keys().all(|k| k.len() == 32));
        assert!(table.entries.contains_key(&key("account", huge.as_bytes())));
    }

    #[test]
    fn the_table_never_grows_past_its_cap() {
        let l = LoginLimiter::new(Policy {
            max_entries: 100,
            ..policy()
        });
        let now = Instant::now();
        for i in 0..1000 {
            fail(&l, &format!("user{i}@example.org"), None, now);
            assert!(l.len() <= 100);
        }
        assert_eq!(l.len(), 100);
        // The most recent are kept, the oldest evicted.
        fail(&l, "user999@example.org", None, now);
        assert!(l.reserve("user999@example.org", None, now).is_err());
        assert!(l.reserve("user0@example.org", None, now).is_ok());
    }

    #[test]
    fn ipv6_addresses_count_by_their_slash_64() {
        let l = LoginLimiter::new(policy());
        let now = Instant::now();
        for (i, account) in ["a", "b", "c"].iter().enumerate() {
            fail(&l, account, ip(&format!("2001:db8::{}", i + 1)), now);
        }
        assert!(l.reserve("d", ip("2001:db8::ffff"), now).is_err());
        assert!(l.reserve("d", ip("2001:db8:0:1::1"), now).is_ok());
        // An IPv4 address written as IPv6 counts as itself.
        assert_eq!(
            address_bucket("::ffff:1.2.3.4".parse().unwrap()),
            address_bucket("1.2.3.4".parse().unwrap())
        );
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
