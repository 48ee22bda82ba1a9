//! The targets, one module each.

pub mod bundle;
pub mod citation;
pub mod date;
pub mod election_csv;
pub mod election_json;
pub mod forms;
pub mod letters;
pub mod search;
