//! `accord log key|checkpoint|cosign`: the signed tamper-evident log as others check it.
//!
//! The verifier key and the checkpoints are what an instance publishes; a partner organisation
//! co-signs a checkpoint only after checking it is consistent with the last one it co-signed,
//! which is what makes a rewrite by the instance's own administrator detectable by others.

use std::path::PathBuf;
use std::process::ExitCode;

use accord_store::Create;
use clap::Subcommand;

use crate::config::Config;
use crate::failure::{Said, SayContext};
use crate::setup;
use crate::words::Words;

#[derive(Debug, Subcommand)]
pub(crate) enum LogCommand {
    /// Print the log's verifier key (signed-note format: name+keyid+base64 key); the key is
    /// created on first use
    Key,
    /// Print the latest signed checkpoint exactly as signed, signing a new one first if the log
    /// grew
    Checkpoint,
    /// Co-sign the latest checkpoint as a witness: checked to be consistent with the last
    /// checkpoint this witness co-signed, then signed; prints the co-signed note
    Cosign {
        /// The witness's signing key file
        #[arg(long, value_name = "FILE")]
        witness_key: PathBuf,
        /// Where the witness keeps the last checkpoint it co-signed [default: the key file +
        /// ".state"]
        #[arg(long, value_name = "FILE")]
        state: Option<PathBuf>,
        /// The witness's name (e.g. the organisation's domain), used when its key is created
        #[arg(long, value_name = "NAME", default_value = "witness")]
        name: String,
    },
}

pub(crate) async fn run(config: &Config, cmd: LogCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        LogCommand::Key => {
            let actions = setup::actions(config, Create::IfMissing).await?;
            let key = actions.verifier_key().said(|| log_key_unusable(config))?;
            println!("{}", key.trim_end());
        }
        LogCommand::Checkpoint => {
            let actions = setup::actions(config, Create::MustExist).await?;
            actions.checkpoint().await.said(cannot_sign)?;
            let note = actions
                .latest_checkpoint()
                .await?
                .said(|| Said::new("cli-err-log-empty", &[]))?;
            // Exactly as signed: a signed note ends with its last signature line's newline.
            print!("{note}");
        }
        LogCommand::Cosign {
            witness_key,
            state,
            name,
        } => {
            let state = state.unwrap_or_else(|| {
                let mut s = witness_key.clone().into_os_string();
                s.push(".state");
                PathBuf::from(s)
            });
            let actions = setup::actions(config, Create::MustExist).await?;
            actions.checkpoint().await.said(cannot_sign)?;
            // Load the witness's key, or create it under the name given.
            let witness = accord_actions::cosigner_from_file(&witness_key, &name)
                .said(|| Said::new("cli-err-witness-key", &[("path", &witness_key.display())]))?;
            let note = actions
                .cosign(&witness_key, &state)
                .await
                .said(|| Said::new("cli-err-not-cosigned", &[]))?;
            print!("{note}");
            let words = Words::new(config.language)?;
            eprintln!(
                "{}",
                words.msg(
                    "cli-log-cosigned",
                    &[("key", witness.verifier().verifier_key().into())],
                )
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `log_key: cannot read or create FILE`, above why.
pub(crate) fn log_key_unusable(config: &Config) -> Said {
    Said::new(
        "cli-err-log-key",
        &[("path", &config.evidence.log_key.display())],
    )
}

fn cannot_sign() -> Said {
    Said::new("cli-err-cannot-sign", &[])
}
