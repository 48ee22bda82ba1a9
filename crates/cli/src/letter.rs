//! `accord letter list|render`: joint letters from the command line (owned by the letters work).

use std::process::ExitCode;

use clap::Subcommand;

use crate::config::Config;

#[derive(Debug, Subcommand)]
pub(crate) enum LetterCommand {
    /// List a case's letters
    List {
        /// The case id
        case: String,
    },
}

pub(crate) async fn run(_config: &Config, cmd: LetterCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        LetterCommand::List { case } => anyhow::bail!("letters are not implemented yet ({case})"),
    }
}
