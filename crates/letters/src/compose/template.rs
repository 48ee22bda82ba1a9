//! The body template: minijinja with the four letter functions, each of which inserts data from
//! the case as escaped Markdown (never as markup) and records notes beside the text.
//!
//! minijinja functions must own their data (`'static`), so the few things a body can ask for are
//! gathered first into [`Tables`]: provision texts, source citations and incident lists.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use accord_core::{Case, Citation, ValidCase, evaluate};
use minijinja::{AutoEscape, Environment, Error, ErrorKind, UndefinedBehavior};

use crate::error::BodyProblem;
use crate::escape;
use crate::locale::Locale;

/// Opens a note marker in the rendered Markdown; the note's index follows, then [`MARK_CLOSE`].
/// Private-use characters: a body may not contain them (checked), and Markdown leaves them alone.
pub(crate) const MARK_OPEN: char = '\u{E000}';
pub(crate) const MARK_CLOSE: char = '\u{E001}';

/// How much work a body template may do (minijinja "fuel"): far above any letter, low enough
/// that a runaway loop in a template cannot hold a server thread for long.
const FUEL: u64 = 2_000_000;

/// The body rendered to Markdown, with the notes its markers point to.
#[derive(Debug)]
pub(crate) struct RenderedBody {
    pub(crate) markdown: String,
    /// Marker `k` refers to `notes[k]`.
    pub(crate) notes: Vec<Note>,
}

/// A note asked for by `cite` or `footnote`.
#[derive(Debug, Clone)]
pub(crate) struct Note {
    /// Notes with the same key share one number (a source cited twice).
    pub(crate) key: String,
    /// Literal text.
    pub(crate) text: String,
}

/// What the template functions may look up.
struct Tables {
    /// Canonical citation → the text to quote (`None`: missing).
    provisions: HashMap<String, Option<String>>,
    /// Source id → its footnote text.
    sources: HashMap<String, String>,
    /// Mechanism or finding id → the incidents behind it, by date.
    incidents: HashMap<String, Vec<IncidentLine>>,
}

struct IncidentLine {
    date: String,
    title: String,
    sources: Vec<String>,
}

#[derive(Default)]
struct Calls {
    notes: Vec<Note>,
    /// The first problem a function met: minijinja carries only a message, this keeps its kind.
    problem: Option<BodyProblem>,
}

/// Renders `body` (the letter's template) against `case`. On failure, the problem and the line
/// of the body where it is.
pub(crate) fn render(
    case: &ValidCase,
    lang: &str,
    body: &str,
) -> Result<RenderedBody, (Option<usize>, BodyProblem)> {
    if let Some((line, c)) = reserved_character(body) {
        return Err((
            Some(line),
            BodyProblem::ReservedCharacter { code: u32::from(c) },
        ));
    }
    let tables = Arc::new(tables(case, lang));
    let calls = Arc::new(Mutex::new(Calls::default()));
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_auto_escape_callback(|_| AutoEscape::None);
    env.set_fuel(Some(FUEL));
    add_functions(&mut env, &tables, &calls);

    if let Some((line, message)) = expression_problem(body) {
        return Err((Some(line), BodyProblem::Template { message }));
    }
    let mut out = Bounded {
        buf: Vec::new(),
        max: MAX_RENDERED_BYTES,
    };
    let rendered = env
        .template_from_named_str("body.md", body)
        .and_then(|t| t.render_captured_to((), &mut out).map(|_| ()))
        .map(|()| String::from_utf8_lossy(&out.buf).into_owned());
    let mut calls = calls.lock().unwrap_or_else(PoisonError::into_inner);
    match rendered {
        Ok(markdown) => Ok(RenderedBody {
            markdown,
            notes: std::mem::take(&mut calls.notes),
        }),
        Err(err) => {
            let problem = calls
                .problem
                .take()
                .unwrap_or_else(|| BodyProblem::Template {
                    message: match err.detail() {
                        // Only the bounded output fails to write.
                        _ if err.kind() == ErrorKind::WriteFailure => format!(
                            "the letter grows beyond {} MiB when its template runs",
                            MAX_RENDERED_BYTES / (1024 * 1024)
                        ),
                        Some(detail) => format!("{}: {detail}", err.kind()),
                        None => err.kind().to_string(),
                    },
                });
            Err((err.line(), problem))
        }
    }
}

fn add_functions(env: &mut Environment<'_>, tables: &Arc<Tables>, calls: &Arc<Mutex<Calls>>) {
    let (t, c) = (Arc::clone(tables), Arc::clone(calls));
    env.add_function("quote", move |citation: String| {
        quote(&t, &citation).map_err(|p| fail(&c, p))
    });

    let (t, c) = (Arc::clone(tables), Arc::clone(calls));
    env.add_function("cite", move |id: String| {
        let Some(text) = t.sources.get(&id) else {
            return Err(fail(&c, BodyProblem::UnknownSource { id }));
        };
        Ok(note(&c, format!("source:{id}"), text.clone()))
    });

    let c = Arc::clone(calls);
    env.add_function("footnote", move |text: String| {
        let mut calls = c.lock().unwrap_or_else(PoisonError::into_inner);
        let key = format!("note:{}", calls.notes.len());
        push_note(&mut calls, key, text)
    });

    let (t, c) = (Arc::clone(tables), Arc::clone(calls));
    env.add_function("incidents_of", move |id: String| {
        let Some(lines) = t.incidents.get(&id) else {
            return Err(fail(&c, BodyProblem::UnknownMechanismOrFinding { id }));
        };
        let mut out = String::from("\n\n");
        for line in lines {
            out.push_str("- ");
            out.push_str(&escape::markdown(&line.date, false));
            out.push_str(": ");
            out.push_str(&escape::markdown(&line.title, false));
            for source in &line.sources {
                if let Some(text) = t.sources.get(source) {
                    out.push_str(&note(&c, format!("source:{source}"), text.clone()));
                }
            }
            out.push('\n');
        }
        out.push('\n');
        Ok(out)
    });
}

/// A provision's text as a block quote, one paragraph per non-empty line, every line escaped.
fn quote(tables: &Tables, input: &str) -> Result<String, BodyProblem> {
    let citation = Citation::parse(input).map_err(|e| BodyProblem::BadCitation {
        citation: input.to_owned(),
        reason: e.to_string(),
    })?;
    let canonical = citation.to_string();
    let text = match tables.provisions.get(&canonical) {
        None => {
            return Err(BodyProblem::UnknownCitation {
                citation: input.to_owned(),
            });
        }
        Some(None) => {
            return Err(BodyProblem::MissingText {
                citation: canonical,
            });
        }
        Some(Some(text)) => text,
    };
    let paragraphs: Vec<String> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| format!("> {}\n", escape::markdown(l, true)))
        .collect();
    Ok(format!("\n\n{}\n", paragraphs.join(">\n")))
}

fn note(calls: &Mutex<Calls>, key: String, text: String) -> String {
    let mut calls = calls.lock().unwrap_or_else(PoisonError::into_inner);
    push_note(&mut calls, key, text)
}

fn push_note(calls: &mut Calls, key: String, text: String) -> String {
    let index = calls.notes.len();
    calls.notes.push(Note { key, text });
    format!("{MARK_OPEN}{index}{MARK_CLOSE}")
}

/// Keeps the problem for the caller and hands minijinja an error carrying the same message, so
/// that minijinja attaches the template line to it.
fn fail(calls: &Mutex<Calls>, problem: BodyProblem) -> Error {
    let message = problem.to_string();
    let mut calls = calls.lock().unwrap_or_else(PoisonError::into_inner);
    calls.problem.get_or_insert(problem);
    Error::new(ErrorKind::InvalidOperation, message)
}

/// The most a body may grow to when its template runs: a loop that prints megabytes is refused
/// instead of costing seconds of CPU on every preview and visit.
const MAX_RENDERED_BYTES: usize = 2 * 1024 * 1024;

/// The most operators one `{{ … }}` or `{% … %}` block may chain. A letter needs a handful; a
/// chain of thousands overflows the template engine's recursive evaluation and aborts the
/// process, so it is refused before the engine sees it.
const MAX_OPERATORS: usize = 64;

/// The most characters one template block may hold (a footnote's text included).
const MAX_BLOCK_CHARS: usize = 16 * 1024;

/// An output that refuses to grow past `max` bytes.
struct Bounded {
    buf: Vec<u8>,
    max: usize,
}

impl std::io::Write for Bounded {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        if self.buf.len() + data.len() > self.max {
            return Err(std::io::Error::other(format!(
                "the letter grows beyond {} MiB when its template runs",
                self.max / (1024 * 1024)
            )));
        }
        self.buf.extend_from_slice(data);
        Ok(data.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The first template block (`{{ … }}` or `{% … %}`) that is too long or chains too many
/// operators, with its line. Operators inside string literals do not count.
fn expression_problem(body: &str) -> Option<(usize, String)> {
    let bytes = body.as_bytes();
    let mut i = 0;
    while i + 1 < bytes.len() {
        let open = &bytes[i..i + 2];
        if open != b"{{" && open != b"{%" {
            i += 1;
            continue;
        }
        let close: &[u8] = if open == b"{{" { b"}}" } else { b"%}" };
        let start = i;
        let line = body[..start].matches('\n').count() + 1;
        let (mut operators, mut quote) = (0usize, None::<u8>);
        let mut j = i + 2;
        while j < bytes.len() {
            let b = bytes[j];
            match quote {
                Some(_) if b == b'\\' => j += 1,
                Some(q) if b == q => quote = None,
                Some(_) => {}
                None if b == b'"' || b == b'\'' => quote = Some(b),
                None if bytes[j..].starts_with(close) => break,
                None if b"+-*/%~<>=!|.([".contains(&b) => operators += 1,
                None => {}
            }
            j += 1;
        }
        if operators > MAX_OPERATORS {
            return Some((
                line,
                format!("a template block chains {operators} operators (at most {MAX_OPERATORS})"),
            ));
        }
        if j - start > MAX_BLOCK_CHARS {
            return Some((
                line,
                format!("a template block is longer than {MAX_BLOCK_CHARS} characters"),
            ));
        }
        i = j + 2;
    }
    None
}

fn reserved_character(body: &str) -> Option<(usize, char)> {
    body.lines().enumerate().find_map(|(i, line)| {
        line.chars()
            .find(|c| matches!(*c, MARK_OPEN | MARK_CLOSE))
            .map(|c| (i + 1, c))
    })
}

fn tables(valid: &ValidCase, lang: &str) -> Tables {
    let case: &Case = valid.case();
    let locale = Locale::of(lang);
    let provisions = case
        .provisions()
        .map(|p| {
            // A translation into the letter's language, if the case has one, reads better in
            // that letter than the working-language text.
            let text = p
                .translations
                .iter()
                .find(|t| same_language(&t.lang, lang))
                .map(|t| t.text.clone())
                .or_else(|| p.text.clone());
            (p.citation.to_string(), text)
        })
        .collect();
    let sources = case
        .sources
        .iter()
        .map(|s| (s.id.clone(), s.citation_text()))
        .collect();

    // A letter is published: `incidents_of` lists only the incidents its readers, the public, may
    // see, each footnoted with its public sources only. Members composing it see the same
    // text, so what they preview is what signatories sign and readers read.
    let incident_index: HashMap<&str, &accord_core::Incident> = case
        .incidents
        .iter()
        .filter(|i| i.sensitivity == accord_core::Sensitivity::Public)
        .map(|i| (i.id.as_str(), i))
        .collect();
    let public_source = |id: &String| {
        case.source(id)
            .is_some_and(|s| s.sensitivity == accord_core::Sensitivity::Public)
    };
    let lines = |ids: &mut dyn Iterator<Item = &String>| -> Vec<IncidentLine> {
        let mut found: Vec<&accord_core::Incident> = Vec::new();
        for id in ids {
            if let Some(i) = incident_index.get(id.as_str())
                && !found.iter().any(|f| f.id == i.id)
            {
                found.push(i);
            }
        }
        found.sort_by(|a, b| (a.date.earliest(), &a.id).cmp(&(b.date.earliest(), &b.id)));
        found
            .into_iter()
            .map(|i| IncidentLine {
                date: locale.date(i.date),
                title: i.title.clone(),
                sources: i
                    .sources
                    .iter()
                    .filter(|s| public_source(s))
                    .cloned()
                    .collect(),
            })
            .collect()
    };
    let mut incidents = HashMap::new();
    for f in &case.findings {
        incidents.insert(f.id.clone(), lines(&mut f.incidents.iter()));
    }
    // Mechanism ids win over finding ids if the two ever coincide: a mechanism is what a letter
    // most often reports on.
    for m in evaluate(valid).mechanisms {
        let list = lines(&mut m.findings.iter().flat_map(|f| f.incidents.iter()));
        incidents.insert(m.mechanism.id.clone(), list);
    }
    Tables {
        provisions,
        sources,
        incidents,
    }
}

fn same_language(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
}
