//! `accord user`: accounts are created here (there is no self-registration: a coalition decides
//! who gets in), and taken back here: disabled, enabled, deleted, given a new password; API
//! tokens are created (with an expiry and a read-only scope), listed and revoked.
//!
//! Every change is logged with the actor `cli` (the audit list and the tamper-evident log);
//! secrets never are, and a token is printed once, when it is created.

use std::io::Read as _;
use std::process::ExitCode;
use std::sync::Arc;

use accord_store::{Create, NewApiToken, Store, StoreError, User};
use clap::Subcommand;

use crate::config::Config;
use crate::failure::{Said, SayContext};
use crate::words::Words;

#[derive(Debug, Subcommand)]
pub(crate) enum UserCommand {
    /// Create an account
    Add {
        /// The e-mail address the person signs in with
        email: String,
        /// Make the account an instance administrator (sees and manages every case)
        #[arg(long)]
        admin: bool,
        /// Read the password from standard input (the only way: never on the command line)
        #[arg(long, required = true)]
        password_stdin: bool,
    },
    /// Disable an account: it cannot sign in, its sessions end, its tokens are refused
    Disable { email: String },
    /// Enable a disabled account (its tokens work again; it signs in anew)
    Enable { email: String },
    /// Delete an account with its sessions, tokens and case roles (what it wrote stays)
    Delete { email: String },
    /// Set a new password (read from standard input); every session of the account ends
    Password {
        email: String,
        /// Read the password from standard input (the only way: never on the command line)
        #[arg(long, required = true)]
        password_stdin: bool,
    },
    /// API tokens: `token EMAIL NAME` creates one and prints it (once); `token list EMAIL`
    /// lists them; `token revoke EMAIL NAME` revokes one
    Token {
        /// EMAIL NAME, or list EMAIL, or revoke EMAIL NAME
        #[arg(num_args = 2..=3, required = true, value_name = "ARGS")]
        args: Vec<String>,
        /// The token stops working after this many days (1 to 3650) [default: never]
        #[arg(long, value_name = "N")]
        expires_in_days: Option<i64>,
        /// The token may read and never change anything (the API answers 403 otherwise)
        #[arg(long)]
        read_only: bool,
        /// `token list`: print JSON
        #[arg(long)]
        json: bool,
    },
}

const MIN_PASSWORD: usize = 10;
const MAX_TOKEN_DAYS: i64 = 3650;
/// Who the log says did what the command line did.
const ACTOR: &str = "cli";

/// What `accord user token …` asks for, once its arguments are checked.
#[derive(Debug, PartialEq, Eq)]
enum TokenCommand {
    Create {
        email: String,
        name: String,
        expires_in_days: Option<i64>,
        read_only: bool,
    },
    List {
        email: String,
        json: bool,
    },
    Revoke {
        email: String,
        name: String,
    },
}

/// Check `token`'s plain arguments into one command (an e-mail address always holds `@`, so
/// `list` and `revoke` cannot be taken for one).
fn token_command(
    args: Vec<String>,
    expires_in_days: Option<i64>,
    read_only: bool,
    json: bool,
) -> anyhow::Result<TokenCommand> {
    let creating_flags = expires_in_days.is_some() || read_only;
    let mut args = args.into_iter();
    let first = args.next().unwrap_or_default();
    let second = args.next().unwrap_or_default();
    let third = args.next();
    let cmd = match (first.as_str(), third) {
        ("list", None) => TokenCommand::List {
            email: second,
            json,
        },
        ("revoke", Some(name)) => TokenCommand::Revoke {
            email: second,
            name,
        },
        ("list" | "revoke", _) => {
            return Err(Said::new("cli-err-token-usage-list", &[]).into());
        }
        (_, Some(_)) => {
            return Err(Said::new("cli-err-token-usage-create", &[]).into());
        }
        (_, None) => {
            if let Some(days) = expires_in_days
                && !(1..=MAX_TOKEN_DAYS).contains(&days)
            {
                return Err(Said::new("cli-err-token-days", &[])
                    .digits("days", days)
                    .digits("most", MAX_TOKEN_DAYS)
                    .into());
            }
            if second.trim().is_empty() || second.chars().count() > 100 {
                return Err(Said::new("cli-err-token-name", &[]).into());
            }
            return Ok(TokenCommand::Create {
                email: first,
                name: second,
                expires_in_days,
                read_only,
            });
        }
    };
    if creating_flags {
        return Err(Said::new("cli-err-token-creating-flags", &[]).into());
    }
    Ok(cmd)
}

pub(crate) async fn run(config: &Config, cmd: UserCommand) -> anyhow::Result<ExitCode> {
    let words = Words::new(config.language)?;
    match cmd {
        UserCommand::Add { email, admin, .. } => {
            if !email.contains('@') || email.trim().len() < 3 {
                return Err(
                    Said::new("cli-err-not-an-email", &[("email", &format!("{email:?}"))]).into(),
                );
            }
            let hash = password_from_stdin().await?;
            let store = accord_store::open(&config.db, Create::IfMissing).await?;
            let user = match store.create_user(&email, &hash, admin).await {
                Err(StoreError::Exists { .. }) => {
                    return Err(Said::new("cli-err-account-exists", &[("email", &email)]).into());
                }
                other => other?,
            };
            let id = if user.is_admin {
                "cli-user-created-admin"
            } else {
                "cli-user-created"
            };
            println!(
                "{}",
                words.msg(
                    id,
                    &[
                        ("email", user.email.as_str().into()),
                        ("id", user.id.to_string().into()),
                    ],
                )
            );
        }
        UserCommand::Disable { email } => {
            let store = open(config).await?;
            found(store.set_disabled(&email, true, ACTOR).await, &email)?;
            println!(
                "{}",
                words.msg("cli-user-disabled", &[("email", email.as_str().into())])
            );
        }
        UserCommand::Enable { email } => {
            let store = open(config).await?;
            found(store.set_disabled(&email, false, ACTOR).await, &email)?;
            println!(
                "{}",
                words.msg("cli-user-enabled", &[("email", email.as_str().into())])
            );
        }
        UserCommand::Delete { email } => {
            let store = open(config).await?;
            refuse_orphaning(&store, &email).await?;
            let user = found(store.delete_user(&email, ACTOR).await, &email)?;
            println!(
                "{}",
                words.msg("cli-user-deleted", &[("email", user.email.as_str().into())])
            );
        }
        UserCommand::Password { email, .. } => {
            let store = open(config).await?;
            let user = account(&store, &email).await?;
            let hash = password_from_stdin().await?;
            let ended = store.set_password(user.id, &hash, None, ACTOR).await?;
            println!(
                "{}",
                words.msg(
                    "cli-user-password",
                    &[
                        ("email", user.email.as_str().into()),
                        ("ended", words.n(ended)),
                    ],
                )
            );
        }
        UserCommand::Token {
            args,
            expires_in_days,
            read_only,
            json,
        } => {
            token(
                config,
                token_command(args, expires_in_days, read_only, json)?,
            )
            .await?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

async fn token(config: &Config, cmd: TokenCommand) -> anyhow::Result<()> {
    let store = open(config).await?;
    let words = Words::new(config.language)?;
    match cmd {
        TokenCommand::Create {
            email,
            name,
            expires_in_days,
            read_only,
        } => {
            let user = account(&store, &email).await?;
            let token =
                accord_server::secrets::token().said(|| Said::new("cli-err-no-randomness", &[]))?;
            let expires_unix = expires_in_days.map(|d| unix_now().saturating_add(d * 86_400));
            let new = NewApiToken {
                name: name.clone(),
                token_sha256: accord_server::secrets::digest(&token),
                expires_unix,
                read_only,
            };
            match store.add_api_token(user.id, &new, ACTOR).await {
                Err(StoreError::Exists { .. }) => {
                    return Err(Said::new(
                        "cli-err-token-exists",
                        &[("email", &email), ("name", &format!("{name:?}"))],
                    )
                    .into());
                }
                other => other?,
            }
            println!("{token}");
        }
        TokenCommand::List { email, json } => {
            let user = account(&store, &email).await?;
            let tokens = store.api_tokens(user.id).await?;
            if json {
                let list: Vec<_> = tokens
                    .iter()
                    .map(|t| {
                        serde_json::json!({
                            "name": t.name,
                            "read_only": t.read_only,
                            "created_at": t.created_at,
                            "expires_at": t.expires_unix.map(rfc3339),
                            "last_used_at": t.last_used_unix.map(rfc3339),
                        })
                    })
                    .collect();
                println!("{}", serde_json::to_string_pretty(&list)?);
            } else if tokens.is_empty() {
                println!(
                    "{}",
                    words.msg("cli-token-none", &[("email", email.as_str().into())])
                );
            } else {
                let now = unix_now();
                for t in &tokens {
                    let at = |id: &str, unix: i64| words.msg(id, &[("at", rfc3339(unix).into())]);
                    let expires = match t.expires_unix {
                        None => words.t("cli-token-never-expires"),
                        Some(e) if e <= now => at("cli-token-expired", e),
                        Some(e) => at("cli-token-expires", e),
                    };
                    println!(
                        "{}\t{}\t{}\t{expires}\t{}",
                        t.name,
                        words.t(if t.read_only {
                            "cli-token-read-only"
                        } else {
                            "cli-token-read-write"
                        }),
                        words.msg("cli-token-created", &[("at", t.created_at.as_str().into())]),
                        t.last_used_unix.map_or_else(
                            || words.t("cli-token-never-used"),
                            |u| at("cli-token-last-used", u)
                        )
                    );
                }
            }
        }
        TokenCommand::Revoke { email, name } => {
            let user = account(&store, &email).await?;
            if !store.revoke_api_token(user.id, &name, ACTOR).await? {
                return Err(Said::new(
                    "cli-err-no-token",
                    &[("email", &email), ("name", &format!("{name:?}"))],
                )
                .into());
            }
            println!(
                "{}",
                words.msg(
                    "cli-token-revoked",
                    &[
                        ("email", email.as_str().into()),
                        ("name", format!("{name:?}").into()),
                    ],
                )
            );
        }
    }
    Ok(())
}

/// Deleting the only owner of a case would leave nobody to manage its members or publication
/// but the instance's administrators: refused, naming the cases.
async fn refuse_orphaning(store: &Arc<dyn Store>, email: &str) -> anyhow::Result<()> {
    let Some((user, _)) = store.user_by_email(email).await? else {
        return Ok(());
    };
    let mut alone = Vec::new();
    for (case, role) in store.roles_of_user(user.id).await? {
        if role == accord_core::CaseRole::Owner
            && !store
                .members(&case)
                .await?
                .iter()
                .any(|(u, r)| *r == accord_core::CaseRole::Owner && u.id != user.id)
        {
            alone.push(case);
        }
    }
    if !alone.is_empty() {
        return Err(Said::new(
            "cli-err-only-owner",
            &[("email", &email), ("cases", &alone.join(", "))],
        )
        .into());
    }
    Ok(())
}

async fn open(config: &Config) -> anyhow::Result<Arc<dyn Store>> {
    Ok(accord_store::open(&config.db, Create::MustExist).await?)
}

async fn account(store: &Arc<dyn Store>, email: &str) -> anyhow::Result<User> {
    Ok(store
        .user_by_email(email)
        .await?
        .said(|| no_account(email))?
        .0)
}

/// `no account for EMAIL`.
fn no_account(email: &str) -> Said {
    Said::new("cli-err-no-account", &[("email", &email)])
}

/// The store's answer, with "no account" said plainly.
fn found(result: Result<User, StoreError>, email: &str) -> anyhow::Result<User> {
    match result {
        Err(StoreError::NotFound { .. }) => Err(no_account(email).into()),
        other => Ok(other?),
    }
}

/// Read a password from standard input, check it and hash it.
async fn password_from_stdin() -> anyhow::Result<String> {
    let mut password = String::new();
    std::io::stdin()
        .read_to_string(&mut password)
        .said(|| Said::new("cli-err-read-password", &[]))?;
    let password = password.trim_end_matches(['\n', '\r']).to_owned();
    if password.chars().count() < MIN_PASSWORD {
        return Err(Said::new("cli-err-password-short", &[])
            .count("min", MIN_PASSWORD)
            .into());
    }
    accord_server::password::hash(password)
        .await
        .map_err(anyhow::Error::msg)
        .said(|| Said::new("cli-err-hash-password", &[]))
}

fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// `YYYY-MM-DDTHH:MM:SSZ`, as the store writes its times.
fn rfc3339(unix: i64) -> String {
    let (days, rem) = (unix.div_euclid(86_400), unix.rem_euclid(86_400));
    accord_core::Day::from_days_since_epoch(days).map_or_else(
        || unix.to_string(),
        |d| {
            format!(
                "{d}T{:02}:{:02}:{:02}Z",
                rem / 3600,
                (rem % 3600) / 60,
                rem % 60
            )
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(
        args: &[&str],
        days: Option<i64>,
        read_only: bool,
        expected: Result<TokenCommand, &str>,
    ) {
        let got = token_command(
            args.iter().map(|s| (*s).to_owned()).collect(),
            days,
            read_only,
            false,
        )
        .map_err(|e| e.to_string());
        match expected {
            Ok(cmd) => assert_eq!(got.unwrap(), cmd, "{args:?}"),
            Err(part) => assert!(got.unwrap_err().contains(part), "{args:?}"),
        }
    }

    #[test]
    fn token_arguments_become_one_command() {
        check(
            &["a@example.org", "ci"],
            Some(30),
            true,
            Ok(TokenCommand::Create {
                email: "a@example.org".into(),
                name: "ci".into(),
                expires_in_days: Some(30),
                read_only: true,
            }),
        );
        check(
            &["list", "a@example.org"],
            None,
            false,
            Ok(TokenCommand::List {
                email: "a@example.org".into(),
                json: false,
            }),
        );
        check(
            &["revoke", "a@example.org", "ci"],
            None,
            false,
            Ok(TokenCommand::Revoke {
                email: "a@example.org".into(),
                name: "ci".into(),
            }),
        );
        check(&["list", "a@example.org", "x"], None, false, Err("usage"));
        check(&["revoke", "a@example.org"], None, false, Err("usage"));
        check(&["a@example.org", "ci", "x"], None, false, Err("usage"));
        check(
            &["a@example.org", "ci"],
            Some(0),
            false,
            Err("--expires-in-days"),
        );
        check(
            &["a@example.org", "ci"],
            Some(3651),
            false,
            Err("--expires-in-days"),
        );
        check(&["list", "a@example.org"], None, true, Err("for creating"));
    }
}
