//! `accord user add|token`: accounts are created here (there is no self-registration: a
//! coalition decides who gets in).

use std::io::Read as _;
use std::process::ExitCode;

use accord_store::{Create, StoreError};
use anyhow::{Context, bail};
use clap::Subcommand;

use crate::config::Config;

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
    /// Create an API token for an account and print it (once)
    Token {
        email: String,
        /// A name to recognise the token by
        name: String,
    },
}

const MIN_PASSWORD: usize = 10;

pub(crate) async fn run(config: &Config, cmd: UserCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        UserCommand::Add { email, admin, .. } => {
            if !email.contains('@') || email.trim().len() < 3 {
                bail!("{email:?} is not an e-mail address");
            }
            let mut password = String::new();
            std::io::stdin()
                .read_to_string(&mut password)
                .context("cannot read the password from standard input")?;
            let password = password.trim_end_matches(['\n', '\r']).to_owned();
            if password.chars().count() < MIN_PASSWORD {
                bail!("the password must have at least {MIN_PASSWORD} characters");
            }
            let hash = accord_server::password::hash(password)
                .await
                .map_err(|e| anyhow::anyhow!("cannot hash the password: {e}"))?;
            let store = accord_store::open(&config.db, Create::IfMissing).await?;
            let user = match store.create_user(&email, &hash, admin).await {
                Err(StoreError::Exists { .. }) => bail!("an account for {email} already exists"),
                other => other?,
            };
            println!(
                "created {}account {} ({})",
                if user.is_admin { "administrator " } else { "" },
                user.email,
                user.id
            );
        }
        UserCommand::Token { email, name } => {
            let store = accord_store::open(&config.db, Create::MustExist).await?;
            let (user, _) = store
                .user_by_email(&email)
                .await?
                .with_context(|| format!("no account for {email}"))?;
            let token = accord_server::secrets::token()
                .map_err(|e| anyhow::anyhow!("no randomness: {e}"))?;
            store
                .create_api_token(user.id, &name, &accord_server::secrets::digest(&token))
                .await?;
            println!("{token}");
        }
    }
    Ok(ExitCode::SUCCESS)
}
