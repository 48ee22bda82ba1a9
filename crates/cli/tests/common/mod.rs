//! Helpers shared by the tests that run the real `accord` binary. Each test file uses some.

#![allow(dead_code, reason = "each test file uses a different subset")]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub fn reference() -> PathBuf {
    repo().join("data/cases/cambodia-2017")
}

/// Run `accord --db DB ARGS...`, with none of the environment that could point it elsewhere.
pub fn accord(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_accord"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("ACCORD_DB")
        .env_remove("ACCORD_CONFIG")
        .env_remove("ACCORD_FONT_PATH")
        .output()
        .expect("run accord")
}

/// The standard output of a command that must have succeeded.
pub fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "failed: {}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).expect("UTF-8 output")
}
