//! `accord --help`, `accord <command> --help` and the refusals of a command line that does not
//! parse, in the user's language (issue 16 §1): `ACCORD_LANGUAGE`, else the `language` of the
//! configuration file `--config` or `ACCORD_CONFIG` names (`config::early_language`).
//!
//! The commands and their arguments are declared once, with clap's derive and their English doc
//! comments, which are the English help. In French and Khmer the same tree is said from the
//! catalogs: each command's description is `cli-help-<path>` (`cli-help-case-status`; the
//! binary itself is `cli-help-accord`) and each argument's `cli-arg-<path>--<id>` where a command
//! gives it a meaning of its own, else `cli-arg-<id>` (`cli-arg-json`, `cli-arg-case`). The help's
//! headings come from a template of the language. A test walks the whole tree and fails on a
//! command or an argument without its message.
//!
//! Only a command line that did not parse pays for this: the tree is said in the language when
//! clap refused the arguments or was asked for help, never on a run that goes on to work.
//! clap's own refusals ("unexpected argument", "required argument not provided") are written
//! here from their kind and context (`cli-usage-*`), the usage line and the pointer to `--help`
//! with them; their exit code stays clap's (2, or 0 for help and version).

use std::process::ExitCode;

use accord_core::Lang;
use clap::Command;
use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::words::Words;

/// What to do with a command line clap refused (or a request for help): in English, clap's own
/// answer as always; in another language, the same answer said in it.
pub(crate) fn refused(command: Command, error: &clap::Error) -> ExitCode {
    let lang = crate::config::early_language();
    let words = match lang {
        Lang::En => None,
        lang => Words::new(lang).ok(),
    };
    let Some(words) = words else { error.exit() };
    let mut command = localized(command, &words);
    // The same arguments again, on the tree in the language: clap finds the same fault, and
    // renders help from the translated tree.
    let Err(error) = command.try_get_matches_from_mut(std::env::args_os()) else {
        error.exit()
    };
    let text = match error.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            placeholders(&words, &error.render().to_string())
        }
        _ => usage_error(&words, &error),
    };
    if error.use_stderr() {
        eprintln!("{}", text.trim_end());
    } else {
        println!("{}", text.trim_end());
    }
    ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2))
}

/// The command tree with every description and argument's help in `words`' language, the
/// help's headings, defaults and possible values in it too.
pub(crate) fn localized(command: Command, words: &Words) -> Command {
    // clap takes a usage placeholder as a `&'static str`: the language's word, made once for
    // the one tree this run says (help or an error is printed, then the process ends).
    let placeholder: &'static str =
        Box::leak(words.t("cli-help-command-placeholder").into_boxed_str());
    let mut command = say_command(command, words, None, placeholder);
    // clap adds `--help`, `--version` and the `help` command when it builds the tree; they are
    // said once they exist.
    command.build();
    say_built(command, words)
}

/// The message id of a command's description: `cli-help-case-status`, `cli-help-accord` for
/// the binary itself.
pub(crate) fn command_message(path: Option<&str>) -> String {
    format!("cli-help-{}", path.unwrap_or("accord"))
}

/// The message ids that may say an argument's help, the command's own first.
pub(crate) fn arg_messages(path: Option<&str>, id: &str) -> [String; 2] {
    let id = id.replace('_', "-");
    [
        format!("cli-arg-{}--{id}", path.unwrap_or("accord")),
        format!("cli-arg-{id}"),
    ]
}

/// The first of `ids` the catalogs hold (English's included), said in `words`' language.
pub(crate) fn first_message(words: &Words, ids: &[String]) -> Option<String> {
    ids.iter().find_map(|id| match words.t(id) {
        text if text == *id => None,
        text => Some(text),
    })
}

fn say_command(
    command: Command,
    words: &Words,
    path: Option<&str>,
    placeholder: &'static str,
) -> Command {
    let about = words.t(&command_message(path));
    let layout = template(words, &command);
    let mut command = command
        .about(about)
        .long_about(None::<&'static str>)
        .help_template(layout)
        .subcommand_value_name(placeholder);
    if path.is_none() {
        command = command.long_about(words.t("cli-help-accord-long"));
    }
    // A note after the help (the election file's format): the command's own, else its group's.
    if command.get_after_help().is_some() {
        let ids = path.map_or_else(Vec::new, |p| {
            let group = p.split('-').next().unwrap_or(p);
            vec![
                format!("cli-help-after-{p}"),
                format!("cli-help-after-{group}"),
            ]
        });
        if let Some(after) = first_message(words, &ids) {
            command = command
                .after_help(after)
                .after_long_help(None::<&'static str>);
        }
    }
    let here = path.map(str::to_owned);
    command = command.mut_args(|arg| say_arg(arg, words, here.as_deref()));
    command.mut_subcommands(|sub| {
        let name = sub.get_name().to_owned();
        let sub_path = match &here {
            Some(p) => format!("{p}-{name}"),
            None => name,
        };
        say_command(sub, words, Some(&sub_path), placeholder)
    })
}

fn say_arg(arg: clap::Arg, words: &Words, path: Option<&str>) -> clap::Arg {
    let Some(mut help) = first_message(words, &arg_messages(path, arg.get_id().as_str())) else {
        return arg;
    };
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() && !arg.is_hide_default_value_set() && arg.get_action().takes_values() {
        let values = defaults.join(", ");
        help.push_str(&format!(
            " [{}]",
            words.msg("cli-help-default", &[("values", values.into())])
        ));
    }
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_owned())
        .collect();
    if !values.is_empty() && !arg.is_hide_possible_values_set() && arg.get_action().takes_values() {
        let values = values.join(", ");
        help.push_str(&format!(
            " [{}]",
            words.msg("cli-help-values", &[("values", values.into())])
        ));
    }
    let takes_values = arg.get_action().takes_values();
    let arg = arg.help(help).long_help(None::<&'static str>);
    // Clap's own "[default: …]" and "[possible values: …]" are said above; a flag that takes no
    // value has neither (and clap's debug builds refuse hiding them on one).
    if takes_values {
        arg.hide_default_value(true).hide_possible_values(true)
    } else {
        arg
    }
}

/// The built tree's own arguments and `help` commands, said.
fn say_built(command: Command, words: &Words) -> Command {
    let mut command = command;
    if command.get_arguments().any(|a| a.get_id() == "help") {
        command = command.mut_arg("help", |a| {
            a.help(words.t("cli-arg-help"))
                .long_help(None::<&'static str>)
        });
    }
    if command.get_arguments().any(|a| a.get_id() == "version") {
        command = command.mut_arg("version", |a| {
            a.help(words.t("cli-arg-version"))
                .long_help(None::<&'static str>)
        });
    }
    command.mut_subcommands(|sub| {
        if sub.get_name() == "help" {
            say_help_command(sub, words)
        } else {
            say_built(sub, words)
        }
    })
}

/// `accord help [COMMAND]`: its own description and its nested `help`.
fn say_help_command(command: Command, words: &Words) -> Command {
    command
        .about(words.t("cli-help-help"))
        .help_template(template(words, &Command::new("help")))
        .mut_subcommands(|sub| {
            if sub.get_name() == "help" {
                sub.about(words.t("cli-help-help"))
            } else {
                sub
            }
        })
}

/// The help's layout with the language's headings, and only the sections `command` has.
fn template(words: &Words, command: &Command) -> String {
    let mut t = format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n",
        words.t("cli-help-usage")
    );
    if command.get_positionals().next().is_some() {
        t.push_str(&format!(
            "\n{}\n{{positionals}}\n",
            words.t("cli-help-arguments")
        ));
    }
    if command.has_subcommands() {
        t.push_str(&format!(
            "\n{}\n{{subcommands}}\n",
            words.t("cli-help-commands")
        ));
    }
    t.push_str(&format!("\n{}\n{{options}}\n", words.t("cli-help-options")));
    t.push_str("{after-help}");
    t
}

/// clap's placeholders in a usage line (`[OPTIONS]`, `<COMMAND>`) in the language.
fn placeholders(words: &Words, text: &str) -> String {
    text.replace(
        "[OPTIONS]",
        &format!("[{}]", words.t("cli-help-options-placeholder")),
    )
}

/// A refused command line: what is wrong, a tip when clap has one, the usage, and where to
/// read more, in the language.
fn usage_error(words: &Words, error: &clap::Error) -> String {
    let text = |kind: ContextKind| error.get(kind).map(ContextValue::to_string);
    let arg = text(ContextKind::InvalidArg).unwrap_or_default();
    let value = text(ContextKind::InvalidValue).unwrap_or_default();
    let with = |id: &str, args: &[(&str, String)]| {
        let args: Vec<(&str, accord_server::i18n::FluentValue<'_>)> = args
            .iter()
            .map(|(name, v)| (*name, v.as_str().into()))
            .collect();
        words.msg(id, &args)
    };
    let mut lines = vec![match error.kind() {
        ErrorKind::UnknownArgument => with("cli-usage-unknown-argument", &[("arg", arg)]),
        ErrorKind::InvalidSubcommand => with(
            "cli-usage-unknown-command",
            &[(
                "command",
                text(ContextKind::InvalidSubcommand).unwrap_or_default(),
            )],
        ),
        ErrorKind::MissingRequiredArgument => with("cli-usage-missing-argument", &[("args", arg)]),
        ErrorKind::MissingSubcommand => with(
            "cli-usage-missing-command",
            &[(
                "command",
                text(ContextKind::InvalidSubcommand).unwrap_or_default(),
            )],
        ),
        ErrorKind::InvalidValue if value.is_empty() => {
            with("cli-usage-missing-value", &[("arg", arg)])
        }
        ErrorKind::InvalidValue => {
            let mut line = with("cli-usage-invalid-value", &[("arg", arg), ("value", value)]);
            if let Some(valid) = text(ContextKind::ValidValue) {
                line.push_str(&format!(
                    " [{}]",
                    words.msg("cli-help-values", &[("values", valid.into())])
                ));
            }
            line
        }
        ErrorKind::ValueValidation => {
            let reason = std::error::Error::source(error)
                .map(|e| words.refusal(&e.to_string()))
                .unwrap_or_default();
            with(
                "cli-usage-bad-value",
                &[("arg", arg), ("value", value), ("reason", reason)],
            )
        }
        ErrorKind::ArgumentConflict => with(
            "cli-usage-conflict",
            &[
                ("arg", arg),
                ("other", text(ContextKind::PriorArg).unwrap_or_default()),
            ],
        ),
        ErrorKind::TooManyValues | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            with("cli-usage-value-count", &[("arg", arg)])
        }
        ErrorKind::NoEquals => with("cli-usage-no-equals", &[("arg", arg)]),
        ErrorKind::InvalidUtf8 => words.t("cli-usage-utf8"),
        _ => words.msg(
            "error-detail",
            &[("detail", error.kind().to_string().into())],
        ),
    }];
    lines[0] = words.msg("cli-error", &[("error", lines[0].as_str().into())]);
    for kind in [
        ContextKind::SuggestedArg,
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedValue,
    ] {
        if let Some(similar) = text(kind) {
            lines.push(with("cli-usage-similar", &[("similar", similar)]));
        }
    }
    if let Some(trailing) = text(ContextKind::TrailingArg)
        && trailing == "true"
    {
        lines.push(with("cli-usage-trailing", &[("arg", value_or_arg(error))]));
    }
    if let Some(usage) = text(ContextKind::Usage) {
        let usage = usage.trim().trim_start_matches("Usage:").trim();
        lines.push(String::new());
        lines.push(format!(
            "{} {}",
            words.t("cli-help-usage"),
            placeholders(words, usage)
        ));
    }
    lines.push(String::new());
    lines.push(words.t("cli-usage-more"));
    lines.join("\n")
}

fn value_or_arg(error: &clap::Error) -> String {
    error
        .get(ContextKind::InvalidArg)
        .map(ContextValue::to_string)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    const CATALOGS: [(Lang, &str); 2] = [
        (Lang::Fr, include_str!("../../server/locales/fr.ftl")),
        (Lang::Km, include_str!("../../server/locales/km.ftl")),
    ];

    /// Every command (`None`) and argument (`Some(id)`) of the tree, by the path its messages
    /// are named by, with the command itself.
    fn walk<'c>(
        command: &'c Command,
        path: Option<&str>,
        out: &mut Vec<(Option<String>, Option<String>, Vec<&'c Command>)>,
        parents: &[&'c Command],
    ) {
        let mut here = parents.to_vec();
        here.push(command);
        out.push((path.map(str::to_owned), None, here.clone()));
        for arg in command.get_arguments() {
            out.push((
                path.map(str::to_owned),
                Some(arg.get_id().to_string()),
                here.clone(),
            ));
        }
        for sub in command.get_subcommands() {
            let name = sub.get_name();
            let sub_path = path.map_or_else(|| name.to_owned(), |p| format!("{p}-{name}"));
            walk(sub, Some(&sub_path), out, &here);
        }
    }

    fn words(lang: Lang) -> Words {
        Words::new(lang).unwrap_or_else(|e| panic!("{e}"))
    }

    /// A subcommand or an argument without its message in Khmer or French fails here: each is
    /// looked up as `help.rs` looks it up, and found in that language's own catalog (not the
    /// English one a missing message falls back to), in Khmer script, in French words that
    /// are not the English ones.
    #[test]
    fn every_command_and_argument_has_its_message_in_khmer_and_french() {
        let mut tree = crate::Cli::command();
        tree.build();
        let mut items = Vec::new();
        walk(&tree, None, &mut items, &[]);
        // The walk sees the whole tree: commands nested two deep, and their arguments.
        assert!(items.len() > 300, "{}", items.len());
        assert!(
            items
                .iter()
                .any(|(p, a, _)| p.as_deref() == Some("case-status")
                    && a.as_deref() == Some("as_of"))
        );
        let en = words(Lang::En);
        let mut missing = Vec::new();
        for (path, arg, _) in &items {
            // clap's own `help` command repeats the tree under it: it is said as one.
            if path
                .as_deref()
                .is_some_and(|p| p.split('-').any(|s| s == "help"))
            {
                continue;
            }
            let ids: Vec<String> = match arg {
                None => vec![command_message(path.as_deref())],
                Some(id) => arg_messages(path.as_deref(), id).to_vec(),
            };
            let Some(english) = first_message(&en, &ids) else {
                missing.push(format!("{path:?} {arg:?}: none of {ids:?} in en.ftl"));
                continue;
            };
            for (lang, source) in CATALOGS {
                let Some(id) = ids.iter().find(|id| {
                    source
                        .lines()
                        .any(|l| l.split_once(" = ").is_some_and(|(i, _)| i == *id))
                }) else {
                    missing.push(format!(
                        "{path:?} {arg:?}: none of {ids:?} in {}",
                        lang.tag()
                    ));
                    continue;
                };
                let said = words(lang).t(id);
                let in_language = match lang {
                    Lang::Km => said.chars().any(|c| ('\u{1780}'..='\u{17FF}').contains(&c)),
                    _ => said != english,
                };
                if !in_language {
                    missing.push(format!(
                        "{path:?} {arg:?}: {id} in {} is {said:?}",
                        lang.tag()
                    ));
                }
            }
        }
        assert!(missing.is_empty(), "{}", missing.join("\n"));
    }

    /// The help of every command, in Khmer and French, holds none of the English help's
    /// sentences (descriptions and argument help) and none of clap's headings.
    #[test]
    fn every_help_page_is_said_in_the_language() {
        let mut english = crate::Cli::command();
        english.build();
        let mut items = Vec::new();
        walk(&english, None, &mut items, &[]);
        let mut sentences: Vec<String> = Vec::new();
        for (_, arg, chain) in &items {
            let Some(command) = chain.last() else {
                continue;
            };
            let text = match arg {
                None => command.get_about().map(ToString::to_string),
                Some(id) => command
                    .get_arguments()
                    .find(|a| a.get_id() == id)
                    .and_then(|a| a.get_help().map(ToString::to_string)),
            };
            if let Some(text) = text.filter(|t| t.len() >= 10 && t.contains(' ')) {
                sentences.push(text);
            }
            // A note after the help, line by line.
            if arg.is_none()
                && let Some(after) = command.get_after_help()
            {
                let after = after.to_string();
                sentences.extend(
                    after
                        .lines()
                        .map(str::trim)
                        .filter(|l| l.len() >= 10)
                        .map(str::to_owned),
                );
            }
        }
        sentences.sort();
        sentences.dedup();
        assert!(
            sentences.iter().any(|s| s == "The case id"),
            "{sentences:?}"
        );
        for lang in [Lang::Fr, Lang::Km] {
            let words = words(lang);
            let mut said = localized(crate::Cli::command(), &words);
            let mut pages = vec![("accord".to_owned(), said.render_long_help().to_string())];
            let paths: Vec<Vec<String>> = items
                .iter()
                .filter(|(p, a, _)| p.is_some() && a.is_none())
                .map(|(_, _, chain)| chain[1..].iter().map(|c| c.get_name().to_owned()).collect())
                .filter(|names: &Vec<String>| !names.iter().any(|n| n == "help"))
                .collect();
            for names in paths {
                let mut command = &mut said;
                for name in &names {
                    command = command
                        .find_subcommand_mut(name)
                        .unwrap_or_else(|| panic!("{names:?}"));
                }
                pages.push((names.join(" "), command.render_long_help().to_string()));
                pages.push((names.join(" "), command.render_help().to_string()));
            }
            let mut english_left = Vec::new();
            for (name, page) in &pages {
                for sentence in &sentences {
                    if page.contains(sentence.as_str()) {
                        english_left.push(format!("{} {name}: {sentence:?}", lang.tag()));
                    }
                }
                for heading in [
                    "Usage:",
                    "Options:",
                    "Commands:",
                    "Arguments:",
                    "Print help",
                    "[default:",
                    "[possible values",
                ] {
                    if page.contains(heading) {
                        english_left.push(format!("{} {name}: {heading:?}", lang.tag()));
                    }
                }
            }
            assert!(english_left.is_empty(), "{}", english_left.join("\n"));
        }
    }
}
