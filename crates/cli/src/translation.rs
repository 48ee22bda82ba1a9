//! `accord translation add|remove|original|pending`: translate a record of a case into a
//! language, remove a translation, say which language a record (or the case) was written in, and
//! list what a language still lacks (the web's translators' page, on the command line). Writes go
//! through the action layer, as the record pages' forms and the API do.

use std::process::ExitCode;

use accord_actions::{Actions, NewTranslation, RecordRef};
use accord_core::Named;
use accord_core::translation::{TextKind, pending};
use accord_store::Create;
use anyhow::Context;
use clap::Subcommand;

use crate::config::Config;
use crate::setup::{self, ACTOR};
use crate::words::Words;

#[derive(Debug, Subcommand)]
pub(crate) enum TranslationCommand {
    /// Add or change one language's translation of a record
    Add {
        /// The case id
        case: String,
        /// The record's kind: case, instrument, provision, actor, source, incident or mechanism
        #[arg(long)]
        kind: String,
        /// The record's id (a provision's citation: "ACPS Art. 29"; the case's own id)
        #[arg(long, value_name = "ID")]
        id: String,
        /// The language of the translation: a BCP 47 tag (km, fr, fr-CA, ...)
        #[arg(long, value_name = "TAG")]
        lang: String,
        /// A translated field, as NAME=TEXT (title, summary, place, name, heading, text, notes,
        /// note or action, as the kind has them); repeat for several
        #[arg(long = "field", value_name = "NAME=TEXT", required = true)]
        fields: Vec<String>,
        /// Who translated it [default: whoever --by names]
        #[arg(long, value_name = "WHO")]
        translator: Option<String>,
        /// Recorded as the author of the change in the log
        #[arg(long, value_name = "WHO", default_value = ACTOR)]
        by: String,
        /// Print the record's languages as JSON
        #[arg(long)]
        json: bool,
    },
    /// Remove one language's translation of a record (the record's history keeps it)
    Remove {
        /// The case id
        case: String,
        /// The record's kind: case, instrument, provision, actor, source, incident or mechanism
        #[arg(long)]
        kind: String,
        /// The record's id (a provision's citation: "ACPS Art. 29"; the case's own id)
        #[arg(long, value_name = "ID")]
        id: String,
        /// The language of the translation to remove: a BCP 47 tag
        #[arg(long, value_name = "TAG")]
        lang: String,
        /// Recorded as the author of the change in the log
        #[arg(long, value_name = "WHO", default_value = ACTOR)]
        by: String,
    },
    /// Say which language a record was written in; with --kind case and the case's id, which
    /// language the case's records are written in
    Original {
        /// The case id
        case: String,
        /// The record's kind: case, instrument, provision, actor, source, incident or mechanism
        #[arg(long)]
        kind: String,
        /// The record's id (a provision's citation; the case's own id with --kind case)
        #[arg(long, value_name = "ID")]
        id: String,
        /// The language: a BCP 47 tag of a known language (km, fr, en, fr-CA, ...)
        #[arg(long, value_name = "TAG")]
        lang: String,
        /// Recorded as the author of the change in the log
        #[arg(long, value_name = "WHO", default_value = ACTOR)]
        by: String,
    },
    /// List the texts not yet translated into a language, or whose translation is out of date
    Pending {
        /// The case id
        case: String,
        /// The language: a BCP 47 tag
        #[arg(long, value_name = "TAG")]
        lang: String,
        /// Print JSON
        #[arg(long)]
        json: bool,
    },
}

pub(crate) async fn run(config: &Config, cmd: TranslationCommand) -> anyhow::Result<ExitCode> {
    let actions = setup::actions(config, Create::MustExist).await?;
    let words = Words::new(config.language)?;
    match cmd {
        TranslationCommand::Add {
            case,
            kind,
            id,
            lang,
            fields,
            translator,
            by,
            json,
        } => {
            let kind = TextKind::from_name(&kind).map_err(|e| anyhow::anyhow!("--kind: {e}"))?;
            let fields = fields
                .iter()
                .map(|f| {
                    f.split_once('=')
                        .map(|(n, t)| (n.trim().to_owned(), t.to_owned()))
                        .ok_or_else(|| anyhow::anyhow!("--field {f:?}: write it as NAME=TEXT"))
                })
                .collect::<anyhow::Result<Vec<_>>>()?;
            add(
                &actions, &words, &case, kind, id, lang, fields, translator, &by, json,
            )
            .await
        }
        TranslationCommand::Remove {
            case,
            kind,
            id,
            lang,
            by,
        } => {
            let record = record_ref(&kind, id)?;
            actions
                .remove_translation(&case, &record, &lang, &by)
                .await?;
            say_done(&words, "cli-translation-removed", &record, &lang)
        }
        TranslationCommand::Original {
            case,
            kind,
            id,
            lang,
            by,
        } => {
            let record = record_ref(&kind, id)?;
            let lang = actions
                .set_original_language(&case, &record, &lang, &by)
                .await?;
            say_done(&words, "cli-translation-original", &record, &lang)
        }
        TranslationCommand::Pending { case, lang, json } => {
            let stored = actions
                .store()
                .load_case(&case)
                .await?
                .with_context(|| format!("no case {case:?}"))?;
            let todo = pending(&stored, &lang);
            if json {
                let items: Vec<serde_json::Value> = todo
                    .iter()
                    .map(|p| {
                        serde_json::json!({
                            "kind": p.kind.as_str(), "id": p.id, "field": p.field,
                            "state": p.state.as_str(),
                        })
                    })
                    .collect();
                println!("{}", serde_json::Value::from(items));
            } else if todo.is_empty() {
                println!(
                    "{}",
                    words.msg(
                        "cli-translation-none-pending",
                        &[
                            ("case", case.as_str().into()),
                            ("lang", lang.as_str().into())
                        ],
                    )
                );
            } else {
                for p in &todo {
                    println!(
                        "{}\t{}\t{}\t{}",
                        p.kind.as_str(),
                        p.id,
                        p.field,
                        p.state.as_str()
                    );
                }
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

#[expect(
    clippy::too_many_arguments,
    reason = "the command's arguments, checked"
)]
async fn add(
    actions: &Actions,
    words: &Words,
    case: &str,
    kind: TextKind,
    id: String,
    lang: String,
    fields: Vec<(String, String)>,
    translator: Option<String>,
    by: &str,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let record = actions
        .translate(
            case,
            &NewTranslation {
                kind,
                id,
                lang: lang.clone(),
                fields,
                by: translator,
            },
            by,
        )
        .await?;
    if json {
        let value = serde_json::json!({
            "kind": record.kind.as_str(),
            "id": record.id,
            "original": record.original,
            "translations": record.translations.iter().map(|t| serde_json::json!({
                "lang": t.lang,
                "by": t.by,
                "at": t.at.map(|d| d.to_string()),
                "fields": t.fields.iter().map(|f| (f.field.clone(), serde_json::Value::from(f.text.clone()))).collect::<serde_json::Map<_, _>>(),
            })).collect::<Vec<_>>(),
        });
        println!("{value}");
    } else {
        println!(
            "{}",
            words.msg(
                "cli-translated",
                &[
                    ("kind", record.kind.as_str().into()),
                    ("id", record.id.as_str().into()),
                    ("lang", lang.as_str().into()),
                ],
            )
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// The record `--kind` and `--id` name.
fn record_ref(kind: &str, id: String) -> anyhow::Result<RecordRef> {
    let kind = TextKind::from_name(kind).map_err(|e| anyhow::anyhow!("--kind: {e}"))?;
    Ok(RecordRef { kind, id })
}

/// Say that a change to one record's languages is done (`msg` takes kind, id and lang).
fn say_done(words: &Words, msg: &str, record: &RecordRef, lang: &str) -> anyhow::Result<ExitCode> {
    println!(
        "{}",
        words.msg(
            msg,
            &[
                ("kind", record.kind.as_str().into()),
                ("id", record.id.as_str().into()),
                ("lang", lang.into()),
            ],
        )
    );
    Ok(ExitCode::SUCCESS)
}
