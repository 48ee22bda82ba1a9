//! Timestamps for audit entries and `updated_at`, as RFC 3339 UTC strings.
//!
//! A whole date-time crate is not worth its build time for one format; the calendar arithmetic
//! comes from the core's `Day`.

use std::time::{SystemTime, UNIX_EPOCH};

use accord_core::Day;

/// Now, as `YYYY-MM-DDTHH:MM:SSZ`.
pub(crate) fn now() -> String {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    format_unix(secs)
}

/// Now, in Unix seconds (0 before the epoch, which a working clock never is).
pub(crate) fn unix_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

pub(crate) fn format_unix(secs: u64) -> String {
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    let rem = secs % 86_400;
    let day = Day::from_days_since_epoch(days).unwrap_or(Day::EPOCH);
    format!(
        "{day}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        (rem % 3600) / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn formats_rfc3339() {
        assert_eq!(super::format_unix(0), "1970-01-01T00:00:00Z");
        assert_eq!(
            super::format_unix(1_508_716_800 + 3661),
            "2017-10-23T01:01:01Z"
        );
    }
}
