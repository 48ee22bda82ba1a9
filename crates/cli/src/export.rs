//! `accord export CASE DIR`: write a stored case as a canonical bundle, evidence files included.
//!
//! Each evidence file is copied from the blob store and checked against its hash on the way, and
//! its chain of custody records the export.

use std::path::PathBuf;
use std::process::ExitCode;

use accord_core::CustodyAction;
use accord_core::bundle::{BundleFile, EVIDENCE_DIR, WriteError};
use accord_store::Create;
use clap::Args;

use crate::bundle_dir::{self, ExportBlob};
use crate::config::Config;
use crate::failure::{Said, SayContext};
use crate::setup::{self, ACTOR};
use crate::words::Words;

#[derive(Debug, Args)]
pub(crate) struct ExportArgs {
    /// The case id (see `accord case list`)
    case: String,
    /// The directory to write a bundle into; it must not exist or be empty
    #[arg(required_unless_present = "format")]
    path: Option<PathBuf>,
    /// Write into a directory that already has files (or over an existing --out file)
    #[arg(long)]
    force: bool,
    /// Export incidents, findings and sources as tables instead of a bundle: csv (a file each),
    /// xlsx (a sheet each) or uwazi (incidents as a Uwazi CSV)
    #[arg(long, value_name = "FORMAT", requires = "out", conflicts_with = "path")]
    format: Option<String>,
    /// The file to write with --format (csv: FILE's name with -incidents, -findings, -sources)
    #[arg(long, value_name = "FILE", requires = "format")]
    out: Option<PathBuf>,
    /// Export a bundle for these readers only: `public` (readers outside the case) or
    /// `member:EMAIL` (a member who is not an owner). What they may not see is left out, and
    /// OMITTED.md lists it, without content [default: everything, as the case's owners see it]
    #[arg(long = "for", value_name = "READER", conflicts_with = "format")]
    for_reader: Option<String>,
}

pub(crate) async fn run(config: &Config, args: ExportArgs) -> anyhow::Result<ExitCode> {
    if let (Some(format), Some(out)) = (&args.format, &args.out) {
        return crate::export_table::run(config, &args.case, format, out, args.force).await;
    }
    let Some(path) = args.path.clone() else {
        return Err(crate::failure::Said::new("cli-err-export-where", &[]).into());
    };
    let reader = args.for_reader.as_deref().map(for_reader).transpose()?;
    let args = BundleArgs {
        case: args.case,
        path,
        force: args.force,
    };
    let actions = setup::actions(config, Create::MustExist).await?;
    let case = actions
        .store()
        .load_case(&args.case)
        .await?
        .said(|| crate::failure::no_case(&args.case, &config.db))?;
    let (case, omitted) = match &reader {
        None => (case, None),
        Some(reader) => {
            let (shown, omitted) =
                accord_core::sensitivity::visible(case.case(), reader.as_reader());
            let shown = accord_core::validate(shown)
                .said(|| Said::new("cli-err-export-invalid", &[]).with("reader", reader.said()))?;
            (shown, Some((reader, omitted)))
        }
    };
    let blobs: Vec<ExportBlob> = case
        .evidence
        .iter()
        .map(|e| ExportBlob {
            path: format!("{EVIDENCE_DIR}/{}", e.file),
            sha256: e.sha256.clone(),
            size: e.size,
        })
        .collect();
    let mut omitted_file = omitted.as_ref().map(|(reader, omitted)| BundleFile {
        path: "OMITTED.md".into(),
        contents: omitted_note(reader, omitted),
    });
    // The files are written as they are made: a case of a million incidents is 780 MB of text,
    // which was held whole (with the case) before the first file was written.
    let mut texts = |emit: &mut dyn FnMut(BundleFile) -> Result<(), WriteError>| {
        accord_core::bundle::write_each(&case, emit)?;
        match omitted_file.take() {
            Some(f) => emit(f),
            None => Ok(()),
        }
    };
    let written = bundle_dir::write(
        &args.path,
        &mut texts,
        &blobs,
        actions.blobs().as_ref(),
        args.force,
    )
    .await?;
    let note = format!("exported in a bundle to {}", args.path.display());
    for e in &case.evidence {
        actions
            .add_custody(
                &case.id,
                &e.id,
                CustodyAction::Exported,
                Some(note.clone()),
                ACTOR,
            )
            .await
            .said(|| Said::new("cli-err-export-custody", &[("id", &e.id)]))?;
    }
    if !case.evidence.is_empty() {
        crate::evidence::checkpoint(&actions).await?;
    }
    let words = Words::new(config.language)?;
    if let Some((reader, omitted)) = &omitted {
        let n = omitted.incidents.len()
            + omitted.actors.len()
            + omitted.sources.len()
            + omitted.evidence.len()
            + omitted.findings.len();
        let who = match reader {
            ExportReader::Public => words.t("cli-export-public"),
            ExportReader::Member(email) => {
                words.msg("cli-export-member", &[("email", email.as_str().into())])
            }
        };
        println!(
            "{}",
            words.msg(
                "cli-export-omitted",
                &[("who", who.into()), ("n", words.n(n))]
            )
        );
    }
    println!(
        "{}",
        words.msg(
            "cli-exported",
            &[
                ("case", case.id.as_str().into()),
                ("path", args.path.display().to_string().into()),
                ("files", words.n(written + blobs.len())),
                ("evidence", words.n(blobs.len())),
            ],
        )
    );
    Ok(ExitCode::SUCCESS)
}

/// A bundle export's arguments, once checked.
struct BundleArgs {
    case: String,
    path: PathBuf,
    force: bool,
}

/// Who a bundle is exported for (`--for`).
enum ExportReader {
    Public,
    Member(String),
}

impl ExportReader {
    fn as_reader(&self) -> accord_core::sensitivity::Reader<'_> {
        match self {
            ExportReader::Public => accord_core::sensitivity::Reader::Public,
            ExportReader::Member(email) => accord_core::sensitivity::Reader::Member(email),
        }
    }

    /// Who the export is for, as an error says it.
    fn said(&self) -> Said {
        match self {
            ExportReader::Public => Said::new("cli-export-reader-public", &[]),
            ExportReader::Member(email) => {
                Said::new("cli-export-reader-member", &[("email", email)])
            }
        }
    }

    /// Who the export is for, as OMITTED.md says it (a file of the bundle, in English like
    /// the bundle's other files).
    fn describe(&self) -> String {
        match self {
            ExportReader::Public => "readers outside the case".into(),
            ExportReader::Member(email) => format!("the member {email}"),
        }
    }
}

fn for_reader(text: &str) -> anyhow::Result<ExportReader> {
    match text.split_once(':') {
        None if text == "public" => Ok(ExportReader::Public),
        Some(("member", email)) if accord_core::sensitivity::is_email(email) => {
            Ok(ExportReader::Member(email.to_owned()))
        }
        _ => Err(Said::new("cli-err-export-for", &[("value", &format!("{text:?}"))]).into()),
    }
}

/// OMITTED.md: what an export for `reader` left out, by kind and id, without content. A `.md`
/// file is not read back by `accord import`.
fn omitted_note(reader: &ExportReader, omitted: &accord_core::sensitivity::Omitted) -> String {
    let mut note = format!(
        "# Left out of this export\n\nThis bundle holds the case as {} see it. These records \
         exist in the case and were left out, with every reference to them; only their ids are \
         listed here.\n\n",
        reader.describe()
    );
    let kinds: [(&str, &Vec<String>); 5] = [
        ("Incidents", &omitted.incidents),
        ("Actors", &omitted.actors),
        ("Sources", &omitted.sources),
        ("Evidence", &omitted.evidence),
        (
            "Findings (every incident they cite was left out)",
            &omitted.findings,
        ),
    ];
    if omitted.is_empty() {
        note.push_str("Nothing was left out.\n");
    }
    for (kind, ids) in kinds.iter().filter(|(_, ids)| !ids.is_empty()) {
        note.push_str(&format!("{kind}: {}\n\n", ids.len()));
        for id in *ids {
            note.push_str(&format!("- `{id}`\n"));
        }
        note.push('\n');
    }
    note
}
