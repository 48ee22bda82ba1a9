#![doc = include_str!("../README.md")]

mod elections;

use clap::{Parser, Subcommand};

/// Accord: hold governments to the commitments they signed.
#[derive(Debug, Parser)]
#[command(name = "accord", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Compute seat allocations, dissolution scenarios and simulations
    #[command(subcommand)]
    Elections(elections::ElectionsCommand),
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Command::Elections(cmd) => elections::run(cmd),
    }
}
