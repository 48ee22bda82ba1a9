//! `accord import FILE --format acled|uwazi|pax|table --case CASE`: a table into a case.
//!
//! The thin layer around `Actions::import_table`: open the file (CSV read as it goes, XLSX read
//! whole), read the mapping file, show a progress bar on a terminal, print every problem with
//! its row, column and value, write the bad rows to `--skip-bad OUT`, and end with one summary
//! line (or, with `--json`, `{"created", "updated", "unchanged", "problems"}`).

use std::io::{BufReader, IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

use accord_actions::{TableImport, TableReport};
use accord_store::{Create, KindCounts};
use accord_tables::read::{self, Rows, TableRows};
use accord_tables::{Format, Mapping};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde_json::{Value, json};

use crate::config::Config;
use crate::failure::{Said, SayContext};
use crate::setup::{self, ACTOR};
use crate::words::Words;

/// The table-import flags of `accord import`.
#[derive(Debug)]
pub(crate) struct TableArgs {
    pub(crate) path: PathBuf,
    pub(crate) format: String,
    pub(crate) case: Option<String>,
    pub(crate) title: Option<String>,
    pub(crate) mapping: Option<PathBuf>,
    pub(crate) dry_run: bool,
    pub(crate) skip_bad: Option<PathBuf>,
    pub(crate) json: bool,
}

pub(crate) async fn run(config: &Config, args: TableArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let Some(format) = Format::from_name(&args.format) else {
        return Err(Said::new(
            "cli-err-table-format",
            &[("format", &format!("{:?}", args.format))],
        )
        .into());
    };
    let Some(case) = args.case.clone() else {
        return Err(Said::new("cli-err-table-case", &[]).into());
    };
    let shown = args.path.display().to_string();
    let words = Words::new(config.language)?;
    let mapping = match &args.mapping {
        Some(p) => {
            let text = std::fs::read_to_string(p).said(|| crate::failure::cannot_read(p))?;
            Some(
                Mapping::parse(&text)
                    .said(|| Said::new("cli-err-setting", &[("setting", &p.display())]))?,
            )
        }
        None => None,
    };
    let (headers, rows, total) =
        open_rows(&args.path, mapping.as_ref()).said(|| crate::failure::cannot_read(&args.path))?;
    if format == Format::Table && mapping.is_none() {
        eprintln!(
            "{}\n",
            words.msg(
                "cli-table-needs-mapping",
                &[("file", shown.as_str().into())]
            )
        );
        eprintln!("{}", Mapping::suggest(&headers).to_toml());
        return Err(Said::new("cli-err-no-mapping", &[("file", &shown)]).into());
    }
    if let Some(out) = &args.skip_bad
        && out.exists()
    {
        return Err(Said::new("cli-err-skip-bad-exists", &[("path", &out.display())]).into());
    }

    // A dry run into a database that does not exist yet works on a scratch copy, so that it
    // writes nothing, not even an empty database.
    let scratch = (args.dry_run && !Path::new(&config.db).exists())
        .then(|| std::env::temp_dir().join(format!("accord-dry-run-{}.db", std::process::id())));
    let mut effective = config.clone();
    if let Some(s) = &scratch {
        effective.db = s.display().to_string();
        effective.evidence.evidence_dir = s.with_extension("evidence");
        effective.evidence.evidence_dir_set = None;
        effective.evidence.evidence_store = None;
        effective.evidence.log_key = s.with_extension("log-key");
    }
    let result = import(
        &effective,
        &args,
        format,
        case.clone(),
        mapping,
        headers,
        rows,
        total,
    )
    .await;
    if let Some(s) = &scratch {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", s.display()));
        }
        let _ = std::fs::remove_file(s.with_extension("log-key"));
        let _ = std::fs::remove_dir_all(s.with_extension("evidence"));
    }
    let (report, actions) = result?;

    for p in &report.problems {
        eprintln!(
            "{}",
            words.msg(
                "cli-table-problem",
                &[
                    ("file", shown.as_str().into()),
                    ("row", words.n(p.row)),
                    ("column", format!("{:?}", p.column).into()),
                    ("message", words.refusal(&p.message).into()),
                    ("value", format!("{:?}", p.value).into()),
                ],
            )
        );
    }
    if let Some(out) = &args.skip_bad
        && !report.bad_rows.is_empty()
    {
        write_bad_rows(out, &report)
            .said(|| Said::new("cli-err-skip-bad-write", &[("path", &out.display())]))?;
    }
    if report.written {
        crate::evidence::checkpoint(&actions).await?;
    }
    if args.json {
        println!("{}", serde_json::to_string_pretty(&json_report(&report))?);
    }
    let line = summary(
        &words,
        &report,
        &shown,
        &case,
        args.dry_run,
        args.skip_bad.as_deref(),
        started,
    );
    if args.json {
        eprintln!("{line}");
    } else {
        println!("{line}");
    }
    let refused = !report.problems.is_empty() && args.skip_bad.is_none();
    Ok(if refused {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

#[expect(
    clippy::too_many_arguments,
    reason = "the import's parts, opened above"
)]
async fn import(
    config: &Config,
    args: &TableArgs,
    format: Format,
    case: String,
    mapping: Option<Mapping>,
    headers: Vec<String>,
    rows: Box<dyn Rows>,
    total: u64,
) -> anyhow::Result<(TableReport, accord_actions::Actions)> {
    let actions = setup::actions(config, Create::IfMissing).await?;
    let bar = progress_bar(total, &Words::new(config.language)?);
    let shown = bar.clone();
    let request = TableImport {
        case,
        title: args.title.clone(),
        format,
        mapping,
        dry_run: args.dry_run,
        skip_bad: args.skip_bad.is_some(),
    };
    let report = actions
        .import_table(
            &request,
            headers,
            rows,
            Arc::new(move |done| shown.set_position(done)),
            ACTOR,
        )
        .await;
    bar.finish_and_clear();
    Ok((report?, actions))
}

/// The file's header and rows: XLSX (by its name or its zip signature) read whole, anything else
/// read as CSV a row at a time. The total is the file's size for a CSV, its rows for a workbook.
fn open_rows(
    path: &Path,
    mapping: Option<&Mapping>,
) -> anyhow::Result<(Vec<String>, Box<dyn Rows>, u64)> {
    let mut file = std::fs::File::open(path)?;
    let mut magic = [0u8; 4];
    let n = file.read(&mut magic)?;
    let is_xlsx = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
        || (n == 4 && magic == *b"PK\x03\x04");
    if is_xlsx {
        let bytes = std::fs::read(path)?;
        let table = read::xlsx(&bytes, mapping.and_then(|m| m.sheet.as_deref()))?;
        let headers = table.headers.clone();
        let total = u64::try_from(table.rows.len()).unwrap_or(0);
        return Ok((headers, Box::new(TableRows::new(table)), total));
    }
    let total = file.metadata()?.len();
    let file = std::fs::File::open(path)?;
    let (headers, rows) = read::csv(BufReader::with_capacity(1 << 20, file))?;
    Ok((headers, Box::new(rows), total))
}

/// A progress bar on standard error, drawn only on a terminal.
fn progress_bar(total: u64, words: &Words) -> ProgressBar {
    let target = if std::io::stderr().is_terminal() {
        ProgressDrawTarget::stderr()
    } else {
        ProgressDrawTarget::hidden()
    };
    let bar = ProgressBar::with_draw_target(Some(total), target);
    bar.set_style(
        ProgressStyle::with_template(&format!(
            "{{bar:40}} {{percent:>3}}% {{elapsed}} ({})",
            words.t("cli-table-eta")
        ))
        .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar
}

fn kinds(k: &KindCounts) -> Value {
    json!({"incidents": k.incidents, "actors": k.actors, "sources": k.sources, "instruments": k.instruments})
}

/// `{"created": {...}, "updated": {...}, "unchanged": N, "problems": [...]}`.
pub(crate) fn json_report(report: &TableReport) -> Value {
    let problems: Vec<Value> = report
        .problems
        .iter()
        .map(|p| json!({"row": p.row, "column": p.column, "value": p.value, "message": p.message}))
        .collect();
    json!({
        "created": kinds(&report.counts.created),
        "updated": kinds(&report.counts.updated),
        "unchanged": report.counts.unchanged,
        "problems": problems,
    })
}

/// `4 incidents, 7 actors` (kinds with none left out; `nothing` when all are).
fn counted(words: &Words, k: &KindCounts) -> String {
    let parts: Vec<String> = [
        (k.incidents, "cli-table-incidents"),
        (k.actors, "cli-table-actors"),
        (k.sources, "cli-table-sources"),
        (k.instruments, "cli-table-instruments"),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, id)| words.msg(id, &[("n", (*n).into()), ("shown", words.n(n))]))
    .collect();
    if parts.is_empty() {
        words.t("cli-table-nothing")
    } else {
        parts.join(", ")
    }
}

fn summary(
    words: &Words,
    report: &TableReport,
    file: &str,
    case: &str,
    dry_run: bool,
    skip_bad: Option<&Path>,
    started: Instant,
) -> String {
    let c = &report.counts;
    let secs = started.elapsed().as_secs_f64();
    let rate = if secs > 0.0 {
        words.msg(
            "cli-table-rate",
            &[("rate", words.n(format!("{:.0}", report.rows as f64 / secs)))],
        )
    } else {
        String::new()
    };
    let what = words.msg(
        "cli-table-what",
        &[
            ("created", counted(words, &c.created).into()),
            ("updated", counted(words, &c.updated).into()),
            ("unchanged", words.n(c.unchanged)),
        ],
    );
    let bad = report.bad_rows.len();
    if !report.problems.is_empty() && skip_bad.is_none() {
        return words.msg(
            "cli-table-refused",
            &[
                ("file", file.into()),
                ("n", report.problems.len().into()),
                ("shown", words.n(report.problems.len())),
                ("bad", bad.into()),
                ("shown_bad", words.n(bad)),
                ("rows", words.n(report.rows)),
            ],
        );
    }
    let skipped = match skip_bad {
        Some(out) if bad > 0 => words.msg(
            "cli-table-set-aside",
            &[
                ("bad", words.n(bad)),
                ("out", out.display().to_string().into()),
            ],
        ),
        _ => String::new(),
    };
    let args = [
        ("file", file.into()),
        ("case", case.into()),
        ("what", what.into()),
        ("skipped", skipped.into()),
        ("rows", words.n(report.rows)),
        ("secs", words.lang.decimal(secs, 1).into()),
        ("rate", rate.into()),
    ];
    if dry_run {
        words.msg("cli-table-dry-run", &args)
    } else {
        words.msg("cli-table-imported", &args)
    }
}

/// The bad rows as a CSV: the file's columns and `problem`, saying what is wrong.
fn write_bad_rows(out: &Path, report: &TableReport) -> anyhow::Result<()> {
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(out)?;
    let mut w = csv::Writer::from_writer(file);
    let mut header = report.headers.clone();
    header.push("problem".to_owned());
    header.push("row".to_owned());
    w.write_record(&header)?;
    for bad in &report.bad_rows {
        let mut cells = bad.cells.clone();
        cells.resize(report.headers.len(), String::new());
        cells.push(bad.problems.clone());
        cells.push(bad.row.to_string());
        w.write_record(&cells)?;
    }
    w.flush()?;
    Ok(())
}
