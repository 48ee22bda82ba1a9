//! `accord translation add|remove|original|pending`: translate a record of a case into a
//! language, remove a translation, say which language a record (or the case) was written in, and
//! list what a language still lacks (the web's translators' page, on the command line). Writes go
//! through the action layer, as the record pages' forms and the API do.

use std::process::ExitCode;

use accord_actions::{Actions, NewTranslation, RecordRef};
use accord_core::Lang;
use accord_core::Named;
use accord_core::translation::{FieldState, Pending, TextKind, pending};
use accord_store::Create;
use clap::Subcommand;

use crate::config::Config;
use crate::failure::{Said, SayContext};
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
    /// (every language of the interface and of the case's translations without --lang)
    Pending {
        /// The case id
        case: String,
        /// The language: a BCP 47 tag [default: every language but the case's own]
        #[arg(long, value_name = "TAG")]
        lang: Option<String>,
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
            let kind = TextKind::from_name(&kind).said(|| crate::failure::flag("--kind"))?;
            let fields = fields
                .iter()
                .map(|f| {
                    f.split_once('=')
                        .map(|(n, t)| (n.trim().to_owned(), t.to_owned()))
                        .said(|| Said::new("cli-err-field-syntax", &[("field", &format!("{f:?}"))]))
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
                .said(|| crate::failure::no_case(&case, &config.db))?;
            print_pending(&words, &stored, lang.as_deref(), json);
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// `translation pending`: for `lang`, or for each language of the interface and of the case's
/// translations but the case's own (as the translators' page lists them), what is not yet
/// translated into it or is out of date. JSON: one object per text (`lang`, `kind`, `id`,
/// `field`, `state`). In English, one tab-separated line per text (names, as scripts read
/// them); in another language the kinds, fields and states in its words, under a heading per
/// language with its counts.
fn print_pending(words: &Words, case: &accord_core::Case, lang: Option<&str>, json: bool) {
    let languages = match lang {
        Some(tag) => vec![tag.to_owned()],
        None => pending_languages(case),
    };
    let lists: Vec<(String, Vec<Pending>)> = languages
        .into_iter()
        .map(|tag| {
            let todo = pending(case, &tag);
            (tag, todo)
        })
        .collect();
    if json {
        let items: Vec<serde_json::Value> = lists
            .iter()
            .flat_map(|(tag, todo)| {
                todo.iter().map(move |p| {
                    serde_json::json!({
                        "lang": tag, "kind": p.kind.as_str(), "id": p.id, "field": p.field,
                        "state": p.state.as_str(),
                    })
                })
            })
            .collect();
        println!("{}", serde_json::Value::from(items));
        return;
    }
    let english = words.lang == Lang::En;
    for (tag, todo) in &lists {
        if lang.is_none() {
            println!("{}", pending_heading(words, tag, todo));
        } else if todo.is_empty() {
            println!(
                "{}",
                words.msg(
                    "cli-translation-none-pending",
                    &[
                        ("case", case.id.as_str().into()),
                        ("lang", tag.as_str().into())
                    ],
                )
            );
        }
        if todo.is_empty() {
            continue;
        }
        if english {
            for p in todo {
                println!(
                    "{}\t{}\t{}\t{}",
                    p.kind.as_str(),
                    p.id,
                    p.field,
                    p.state.as_str()
                );
            }
            continue;
        }
        let rows: Vec<[String; 3]> = todo
            .iter()
            .map(|p| {
                [
                    format!(
                        "{} {}",
                        words.t(&format!("translation-kind-{}", p.kind.as_str())),
                        p.id
                    ),
                    words.t(&format!("translation-field-{}", p.field)),
                    words.t(&format!("translation-state-{}", p.state.as_str())),
                ]
            })
            .collect();
        let header = [
            words.t("translators-record"),
            words.t("translators-field"),
            words.t("translators-state"),
        ];
        let width = |i: usize| {
            rows.iter()
                .map(|r| crate::words::columns(&r[i]))
                .chain([crate::words::columns(&header[i])])
                .max()
                .unwrap_or(0)
        };
        let (w0, w1) = (width(0), width(1));
        for row in std::iter::once(&header).chain(&rows) {
            println!(
                "{}  {}  {}",
                crate::words::pad(&row[0], w0),
                crate::words::pad(&row[1], w1),
                row[2]
            );
        }
    }
}

/// The languages the translators' page lists: the interface's and those the case's records are
/// translated into, but the case's own.
fn pending_languages(case: &accord_core::Case) -> Vec<String> {
    let original = case
        .language
        .clone()
        .unwrap_or_else(|| accord_core::translation::DEFAULT_LANGUAGE.to_owned());
    let primary = |t: &str| {
        t.split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase()
    };
    let mut tags: Vec<String> = Lang::ALL.iter().map(|l| l.tag().to_owned()).collect();
    for record in &case.translations {
        for t in &record.translations {
            if !tags.iter().any(|x| x.eq_ignore_ascii_case(&t.lang)) {
                tags.push(t.lang.clone());
            }
        }
    }
    tags.retain(|t| primary(t) != primary(&original));
    tags
}

/// `Khmer (km): 3 texts not yet translated. 1 translation out of date.`, or that everything is.
fn pending_heading(words: &Words, tag: &str, todo: &[Pending]) -> String {
    let name = Lang::from_tag(tag).map_or_else(|| tag.to_owned(), |l| l.native_name().to_owned());
    let missing = todo
        .iter()
        .filter(|p| p.state == FieldState::Missing)
        .count();
    let out_of_date = todo.len() - missing;
    let mut counts = Vec::new();
    if todo.is_empty() {
        counts.push(words.t("translators-done"));
    }
    if missing > 0 {
        counts.push(words.msg("translators-missing", &[("count", missing.into())]));
    }
    if out_of_date > 0 {
        counts.push(words.msg("translators-out-of-date", &[("count", out_of_date.into())]));
    }
    words.msg(
        "cli-pending-heading",
        &[
            ("name", name.into()),
            ("tag", tag.into()),
            ("counts", counts.join(" ").into()),
        ],
    )
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
    let kind = TextKind::from_name(kind).said(|| crate::failure::flag("--kind"))?;
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
