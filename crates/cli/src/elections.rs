//! `accord elections ...`: the command-line face of the election engine (owned by the elections work).

use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub(crate) enum ElectionsCommand {
    /// Allocate seats for an election file
    Allocate {
        /// Election file (JSON or CSV)
        file: std::path::PathBuf,
    },
}

pub(crate) fn run(cmd: ElectionsCommand) -> anyhow::Result<()> {
    match cmd {
        ElectionsCommand::Allocate { file } => anyhow::bail!("not implemented yet: {}", file.display()),
    }
}
