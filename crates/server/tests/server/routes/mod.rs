//! Router tests: the whole application called without a socket (STYLE.md rule 13).
//!
//! One binary, one module per concern. Every test builds a fresh app on a temporary SQLite file
//! holding the documented example case (`docs/examples/minimal-case`), private unless a test
//! publishes it.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

mod support;

mod attribution;
mod auth;
mod evidence;
mod history;
mod languages;
mod letters;
mod pages;
mod privacy;
mod search;
mod sensitivity;
mod tables;
mod translations;
mod workflow;
