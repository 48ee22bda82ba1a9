//! Per-case cache of what the dashboard shows, valid for one case version.
//!
//! Trigger status is a pure function of the case, so it only changes when the case does; every
//! write bumps the case's version. Reading the version is one indexed query, so a busy dashboard
//! on a case with a hundred thousand incidents does not re-read them on each request.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use accord_core::{Incident, ValidCase};

/// What is cached for one version of a case.
#[derive(Debug)]
pub struct Snapshot {
    pub version: i64,
    /// The case with the incidents its findings name (enough to evaluate triggers).
    pub case: ValidCase,
    /// The newest incidents, for the dashboard.
    pub latest: Vec<Incident>,
    pub incident_count: u64,
}

#[derive(Debug, Default)]
pub struct StatusCache {
    map: Mutex<HashMap<String, Arc<Snapshot>>>,
}

impl StatusCache {
    pub fn get(&self, case_id: &str, version: i64) -> Option<Arc<Snapshot>> {
        let map = self.map.lock().ok()?;
        map.get(case_id).filter(|s| s.version == version).cloned()
    }

    pub fn put(&self, case_id: &str, snapshot: Arc<Snapshot>) {
        if let Ok(mut map) = self.map.lock() {
            map.insert(case_id.to_owned(), snapshot);
        }
    }
}
