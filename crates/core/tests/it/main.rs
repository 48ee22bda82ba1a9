//! The core's integration tests: one binary, one module per feature (STYLE.md, crates.io habit).
//!
//! They touch no file system at run time: bundles come in as strings (`include_str!`).

// Test helpers unwrap freely: a panic is the test failing, with the value in the message.
#![allow(clippy::unwrap_used, reason = "tests")]

mod bundle;
mod follow_through;
mod observation;
mod sensitivity;
mod support;
mod translation;
mod trigger;
mod validation;
