//! Sign-in limits as the store keeps them: counts of failed and pending password attempts per
//! account and per address, shared by every server on one database.
//!
//! The rules (how many failures before a wait, how long the wait) are the server's
//! (`accord-server`'s `ratelimit.rs`); the store only reads the counts of some keys, lets the
//! server's rule change them and decide, and writes them back in one transaction that no other
//! server's update can interleave with, so two servers never both let an attempt pass a check
//! before either counts it.

/// What a count is kept under: the SHA-256 the server makes of what it counts (`account:` or
/// `address:` and the value), so whatever was typed as an e-mail address takes 32 bytes and the
/// database never holds the address or the e-mail itself.
pub type SigninKey = [u8; 32];

/// One account's or address's count, as stored (a key with no row reads as the default: no
/// failure, nothing in flight). Times are milliseconds since the Unix epoch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SigninCount {
    /// Failed attempts since the last success (or since the count was forgotten).
    pub failures: u32,
    /// Attempts reserved and not yet settled (their password is being checked).
    pub in_flight: u32,
    /// When the latest attempt in flight was reserved: a server that dies while checking a
    /// password never settles it, so the rule treats reservations older than a lease as gone.
    pub in_flight_at_ms: i64,
    /// When the latest failure was counted.
    pub last_failure_ms: Option<i64>,
    /// From when the row may be deleted (its wait is long over and nothing is in flight).
    pub forget_at_ms: i64,
}

impl SigninCount {
    /// A count that says nothing: the store deletes it rather than keep it.
    pub fn is_empty(&self) -> bool {
        self.failures == 0 && self.in_flight == 0
    }
}

/// The server's rule, run inside the store's transaction: it may change the counts of the keys
/// asked for (in the same order) and returns what the caller wants to know (a wait, say).
pub type SigninUpdate<'a> = &'a (dyn Fn(&mut [SigninCount]) -> Option<u64> + Send + Sync);
