#![doc = include_str!("../README.md")]

mod backup;
mod bench_data;
mod bundle_dir;
mod case;
mod config;
mod copy;
mod elections;
mod evidence;
mod export;
mod export_table;
mod failure;
mod follow_through;
mod help;
mod import;
mod import_table;
mod key_file;
mod keys;
mod letter;
mod log;
mod observation;
mod serve;
mod setup;
mod translation;
mod user;
mod verify;
mod words;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};

/// mimalloc instead of the system's malloc, for the whole binary (server included). Bulk imports
/// build and free tens of millions of small strings, a record parsed on one thread and freed on
/// another; glibc's malloc spent a fifth of an import's CPU in `malloc`/`free` and kept memory
/// fragmented across its per-thread arenas (bench/RESULTS.md, "Imports": the allocator).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Accord: hold governments to the commitments they signed.
///
/// Cases (instruments, incidents, findings, mechanisms, letters) live in a database: by default the
/// SQLite file ./accord.db, or the one --db or ACCORD_DB names. Start with
/// `accord import data/cases/cambodia-2017` or `accord serve --demo`.
#[derive(Debug, Parser)]
#[command(name = "accord", version, about, long_about)]
struct Cli {
    /// Database: a SQLite file path [default: ./accord.db]
    #[arg(long, global = true, env = "ACCORD_DB", value_name = "PATH")]
    db: Option<String>,
    /// Configuration file (TOML: db, addr, font_paths, evidence_dir, evidence_store, log_key,
    /// log_name, upload_limit, key_file)
    #[arg(long, global = true, env = "ACCORD_CONFIG", value_name = "FILE")]
    config: Option<PathBuf>,
    /// Directory of evidence files [default: the database path + ".evidence"]
    #[arg(long, global = true, env = "ACCORD_EVIDENCE_DIR", value_name = "DIR")]
    evidence_dir: Option<PathBuf>,
    /// Evidence in S3-compatible object storage instead of a directory: s3://bucket/prefix
    /// (endpoint, region and credentials from AWS_ENDPOINT, AWS_REGION, AWS_ACCESS_KEY_ID,
    /// AWS_SECRET_ACCESS_KEY, AWS_ALLOW_HTTP, ...)
    #[arg(long, global = true, env = "ACCORD_EVIDENCE_STORE", value_name = "URL")]
    evidence_store: Option<String>,
    /// The log's signing key, created on first use [default: the database path + ".log-key"]
    #[arg(long, global = true, env = "ACCORD_LOG_KEY", value_name = "FILE")]
    log_key: Option<PathBuf>,
    /// The log's name (checkpoint origin) when its key is created, e.g. accord.example.org/log
    #[arg(long, global = true, env = "ACCORD_LOG_NAME", value_name = "NAME")]
    log_name: Option<String>,
    /// The largest evidence file accepted, in bytes [default: 4294967296 (4 GiB)]
    #[arg(long, global = true, env = "ACCORD_UPLOAD_LIMIT", value_name = "BYTES")]
    upload_limit: Option<u64>,
    /// The instance key file, which opens the keys that encrypt evidence (`accord keys init`
    /// creates it); keep it off the data disk [default: the database path + ".instance-key"]
    #[arg(long, global = true, env = "ACCORD_KEY_FILE", value_name = "FILE")]
    key_file: Option<PathBuf>,
    /// The site's public address, e.g. https://accord.example.org: sign-on links are built from
    /// it (never from the request's Host header)
    #[arg(long, global = true, env = "ACCORD_BASE_URL", value_name = "URL")]
    base_url: Option<String>,
    /// A session unused for this long ends (30m, 12h, 1d) [default: 12h]
    #[arg(
        long,
        global = true,
        env = "ACCORD_IDLE_TIMEOUT",
        value_name = "DURATION"
    )]
    idle_timeout: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the web interface
    Serve(serve::ServeArgs),
    /// Import a case bundle (a directory; see docs/case-format.md), or a table (ACLED, Uwazi,
    /// PA-X, a spreadsheet) into a case with --format (see docs/import.md)
    Import(import::ImportArgs),
    /// Export a case as a bundle directory (canonical form), or its incidents, findings and
    /// sources as CSV, XLSX or Uwazi CSV with --format
    Export(export::ExportArgs),
    /// List cases and show their status
    #[command(subcommand)]
    Case(case::CaseCommand),
    /// Evidence files: add, get, list, show, package for a court
    #[command(subcommand)]
    Evidence(evidence::EvidenceCommand),
    /// The signed tamper-evident log: verifier key, checkpoints, co-signing
    #[command(subcommand)]
    Log(log::LogCommand),
    /// The keys that encrypt evidence at rest: init, recover, rotate, status
    #[command(subcommand)]
    Keys(keys::KeysCommand),
    /// Check the log, every record and every evidence file (or an evidence package) for tampering
    Verify(verify::VerifyArgs),
    /// Back up the whole instance (database, evidence, log key) while it runs
    Backup(backup::BackupArgs),
    /// Restore a backup into --db (refuses to replace a database without --force), then verify
    Restore(backup::RestoreArgs),
    /// Copy the whole instance into another database (SQLite to PostgreSQL and back), with its
    /// history, log and evidence; refuses a non-empty target without --force
    Copy(copy::CopyArgs),
    /// Implementation observations: list, add, review, import Peace Accords Matrix tables
    #[command(subcommand)]
    Observation(observation::ObservationCommand),
    /// Compose and render joint letters
    #[command(subcommand)]
    Letter(letter::LetterCommand),
    /// Compute seat allocations, dissolution scenarios and simulations
    #[command(subcommand)]
    Elections(elections::ElectionsCommand),
    /// Records in several languages: translate a record, list what a language still lacks
    #[command(subcommand)]
    Translation(translation::TranslationCommand),
    /// Create accounts and API tokens
    #[command(subcommand)]
    User(user::UserCommand),
    /// Generate a large synthetic case (English and Khmer) for benchmarks
    BenchData(bench_data::BenchDataArgs),
}

fn main() -> ExitCode {
    quiet_on_closed_pipe();
    // A command line that does not parse, or asks for help, is answered in the user's language
    // (ACCORD_LANGUAGE, else the configuration file's); the help's words are only looked up then
    // (`help.rs`).
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return help::refused(Cli::command(), &e),
    };
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("{}", failure::error_line(&e));
            ExitCode::FAILURE
        }
    }
}

/// A reader that stops reading (`accord log show | head`) closes the pipe: the next line printed
/// fails with EPIPE and `println!` panics. That is the reader's choice, not a failure of the
/// command: the process ends quietly with the status a shell gives a process that SIGPIPE ended
/// (128 + 13), as `cat` or `grep` do. Every other panic is reported as before.
fn quiet_on_closed_pipe() {
    /// Linux's EPIPE, as `std::io::Error` names it in the panic's message.
    const EPIPE: &str = "(os error 32)";
    let report = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| payload.downcast_ref::<&str>().copied())
            .unwrap_or_default();
        if message.starts_with("failed printing to stdout") && message.ends_with(EPIPE) {
            std::process::exit(141);
        }
        report(info);
    }));
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    // `accord copy --from URL` names the instance it reads, in place of --db and ACCORD_DB.
    let db = match &cli.command {
        Command::Copy(args) if args.from.is_some() => args.from.clone(),
        _ => cli.db,
    };
    let config = config::Config::build(cli.config.as_deref(), db)?
        .with_evidence_flags(config::EvidenceFlags {
            evidence_dir: cli.evidence_dir,
            evidence_store: cli.evidence_store,
            log_key: cli.log_key,
            log_name: cli.log_name,
            upload_limit: cli.upload_limit,
            key_file: cli.key_file,
        })?
        .with_site_flags(cli.base_url, cli.idle_timeout)?;
    let _ = words::LANGUAGE.set(config.language);
    match cli.command {
        Command::Elections(cmd) => {
            elections::run(&words::Words::new(config.language)?, cmd).map(|()| ExitCode::SUCCESS)
        }
        Command::Serve(args) => runtime()?.block_on(serve::run(&config, args)),
        Command::Import(args) => runtime()?.block_on(import::run(&config, args)),
        Command::Export(args) => runtime()?.block_on(export::run(&config, args)),
        Command::Case(cmd) => runtime()?.block_on(case::run(&config, cmd)),
        Command::Evidence(cmd) => runtime()?.block_on(evidence::run(&config, cmd)),
        Command::Log(cmd) => runtime()?.block_on(log::run(&config, cmd)),
        Command::Verify(args) => runtime()?.block_on(verify::run(&config, args)),
        Command::Keys(cmd) => runtime()?.block_on(keys::run(&config, cmd)),
        Command::Backup(args) => runtime()?.block_on(backup::backup(&config, args)),
        Command::Restore(args) => runtime()?.block_on(backup::restore(&config, args)),
        Command::Copy(args) => runtime()?.block_on(copy::run(&config, args)),
        Command::Observation(cmd) => runtime()?.block_on(observation::run(&config, cmd)),
        Command::Letter(cmd) => runtime()?.block_on(letter::run(&config, cmd)),
        Command::Translation(cmd) => runtime()?.block_on(translation::run(&config, cmd)),
        Command::User(cmd) => runtime()?.block_on(user::run(&config, cmd)),
        Command::BenchData(args) => runtime()?.block_on(bench_data::run(&config, args)),
    }
}

fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    Ok(tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?)
}
