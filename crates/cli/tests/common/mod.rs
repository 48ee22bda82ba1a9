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
    accord_with_env(db, args, &[])
}

/// Run `accord --db DB ARGS...` with these `ACCORD_*` variables (and no others).
pub fn accord_with_env(db: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_accord"));
    cmd.arg("--db").arg(db).args(args);
    for var in [
        "ACCORD_DB",
        "ACCORD_CONFIG",
        "ACCORD_FONT_PATH",
        "ACCORD_EVIDENCE_DIR",
        "ACCORD_EVIDENCE_STORE",
        "ACCORD_LOG_KEY",
        "ACCORD_LOG_NAME",
        "ACCORD_UPLOAD_LIMIT",
        "ACCORD_BASE_URL",
        "ACCORD_IDLE_TIMEOUT",
        "ACCORD_TRUSTED_PROXIES",
        "ACCORD_KEY_FILE",
    ] {
        cmd.env_remove(var);
    }
    // Every test database signs with the known test key, unless the test names another.
    cmd.env("ACCORD_LOG_KEY", test_log_key());
    cmd.envs(env.iter().copied());
    cmd.output().expect("run accord")
}

/// A log signing key for tests only (tests/data/log-key).
pub fn test_log_key() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/log-key")
}

/// The standard error of a command that must have failed.
pub fn fails(out: &Output) -> String {
    assert!(
        !out.status.success(),
        "succeeded but should have failed: {}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Every file under `root` (hidden ones too) with its bytes, by relative path.
pub fn read_tree(root: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).expect("readable directory") {
            let path = e.expect("directory entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path
                    .strip_prefix(root)
                    .expect("inside the root")
                    .to_string_lossy()
                    .into_owned();
                out.push((rel, std::fs::read(&path).expect("readable file")));
            }
        }
    }
    out.sort();
    out
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
