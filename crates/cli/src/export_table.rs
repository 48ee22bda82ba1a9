//! `accord export CASE --format csv|xlsx|uwazi --out FILE`: a case's incidents, findings and
//! sources as tables (a CSV file each, a sheet each in XLSX, or incidents as a Uwazi CSV).
//!
//! An operator's tool, like the bundle export: every record, restricted ones included (each row
//! says its sensitivity). The timeline's download button exports what its reader may see.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use accord_store::Create;
use accord_tables::export::{self, Sheet};

use crate::config::Config;
use crate::failure::{Said, SayContext};
use crate::setup;
use crate::words::Words;

pub(crate) async fn run(
    config: &Config,
    case_id: &str,
    format: &str,
    out: &Path,
    force: bool,
) -> anyhow::Result<ExitCode> {
    if !matches!(format, "csv" | "xlsx" | "uwazi") {
        return Err(crate::failure::Said::new(
            "cli-err-export-format",
            &[("format", &format!("{format:?}"))],
        )
        .into());
    }
    let actions = setup::actions(config, Create::MustExist).await?;
    let case = actions
        .store()
        .load_case(case_id)
        .await?
        .said(|| crate::failure::no_case(case_id, &config.db))?;
    let incidents: Vec<_> = case.incidents.iter().collect();
    let written: Vec<PathBuf> = match format {
        "uwazi" => {
            let sheet = export::uwazi(case.case(), &incidents);
            write_new(out, &export::to_csv(&sheet, false), force)?;
            vec![out.to_owned()]
        }
        _ => {
            let findings: Vec<_> = case.findings.iter().collect();
            let sources: Vec<_> = case.sources.iter().collect();
            let sheets = [
                export::incidents(case.case(), &incidents),
                export::findings(&findings),
                export::sources(&sources),
            ];
            if format == "xlsx" {
                write_new(out, &xlsx(&sheets)?, force)?;
                vec![out.to_owned()]
            } else {
                let mut paths = Vec::new();
                for sheet in &sheets {
                    let path = csv_path(out, sheet.name);
                    write_new(&path, &export::to_csv(sheet, true), force)?;
                    paths.push(path);
                }
                paths
            }
        }
    };
    let words = Words::new(config.language)?;
    let written = written
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ");
    println!(
        "{}",
        words.msg(
            "cli-exported-table",
            &[
                ("case", case.id.as_str().into()),
                ("incidents", words.n(case.incidents.len())),
                ("findings", words.n(case.findings.len())),
                ("sources", words.n(case.sources.len())),
                ("files", written.into()),
            ],
        )
    );
    Ok(ExitCode::SUCCESS)
}

/// `cases.csv` → `cases-incidents.csv` (and `-findings`, `-sources`).
fn csv_path(out: &Path, name: &str) -> PathBuf {
    let stem = out
        .file_stem()
        .map_or_else(|| "export".into(), |s| s.to_string_lossy().into_owned());
    out.with_file_name(format!("{stem}-{name}.csv"))
}

/// The sheets as an XLSX workbook: every cell written as text (never a formula).
pub(crate) fn xlsx(sheets: &[Sheet]) -> anyhow::Result<Vec<u8>> {
    let mut book = rust_xlsxwriter::Workbook::new();
    for sheet in sheets {
        let ws = book.add_worksheet();
        ws.set_name(sheet.name)?;
        for (c, h) in sheet.headers.iter().enumerate() {
            ws.write_string(0, col(c)?, h)?;
        }
        for (r, row) in sheet.rows.iter().enumerate() {
            let r = u32::try_from(r + 1).said(|| Said::new("cli-err-sheet-rows", &[]))?;
            for (c, cell) in row.iter().enumerate() {
                if !cell.is_empty() {
                    ws.write_string(r, col(c)?, cell)?;
                }
            }
        }
    }
    Ok(book.save_to_buffer()?)
}

fn col(c: usize) -> anyhow::Result<u16> {
    u16::try_from(c).said(|| Said::new("cli-err-sheet-columns", &[]))
}

/// Write a new file (an existing one only with --force), never through a symbolic link.
fn write_new(path: &Path, bytes: &[u8], force: bool) -> anyhow::Result<()> {
    if let Ok(meta) = std::fs::symlink_metadata(path) {
        if meta.file_type().is_symlink() {
            return Err(Said::new("cli-err-symlink-out", &[("path", &path.display())]).into());
        }
        if !force {
            return Err(crate::failure::Said::new(
                "cli-err-exists-force",
                &[("path", &path.display())],
            )
            .into());
        }
    }
    std::fs::write(path, bytes).said(|| crate::failure::cannot_write(path))
}
