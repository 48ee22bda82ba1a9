//! The integration tests of accord-tlog: one binary, one module per format.
//!
//! Published test vectors come first in each module (RFC 6962, transparency-dev/merkle, C2SP,
//! Go's sumdb/note), then properties checked against a naive model written from the RFC text.

// Test helpers unwrap freely: a panic is the test failing, with the value in the message.
#![allow(clippy::unwrap_used, reason = "tests")]

mod checkpoint;
mod cosign;
mod frontier;
mod merkle;
mod note;
mod proofs;
mod support;
