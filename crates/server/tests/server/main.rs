//! The server's integration tests, in one binary (one link of the whole application instead of
//! six: on 2 cores and a small disk that is minutes and gigabytes). Each module is one concern;
//! the whole application is called without a socket (STYLE.md rule 13) except in `slow_clients`.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

mod common;

mod accounts;
mod api;
mod as_of;
mod elections;
mod follow_through;
mod hardening;
mod matrix;
mod observations;
mod over_time;
mod routes;
mod search_backlog;
mod slow_clients;
