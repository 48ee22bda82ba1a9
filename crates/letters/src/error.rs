//! Why a letter could not be composed: each error names the letter and, for a problem in the
//! body template, the line of `body.md` where it is, so a coordinator can go straight to it.

use std::fmt;

/// A letter could not be composed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ComposeError {
    /// The case has no letter with this id.
    #[error("case {case:?} has no letter {letter:?}")]
    NoLetter { case: String, letter: String },
    /// The letter is written neither in this language nor has a version in it.
    #[error("letter {letter:?} has no version in {lang:?}")]
    NoLanguage { letter: String, lang: String },
    /// The body template is wrong; `line` is its line in `body.md`, when the template engine
    /// knows it.
    #[error("letter {letter:?}: {} {problem}", Line(*.line))]
    Body {
        letter: String,
        line: Option<usize>,
        problem: BodyProblem,
    },
}

/// What is wrong in a body template.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BodyProblem {
    /// `quote("...")` names no provision of the case.
    #[error("quote({citation:?}): no provision {citation:?} in this case")]
    UnknownCitation { citation: String },
    /// `quote("...")` is not a citation at all.
    #[error("quote({citation:?}): not a citation: {reason}")]
    BadCitation { citation: String, reason: String },
    /// The provision exists but its text is not known (`text_status = "missing"`).
    #[error("quote({citation:?}): the text of {citation} is missing from the case")]
    MissingText { citation: String },
    /// `cite("...")` names no source of the case.
    #[error("cite({id:?}): no source {id:?} in this case")]
    UnknownSource { id: String },
    /// `incidents_of("...")` names neither a mechanism nor a finding.
    #[error("incidents_of({id:?}): no mechanism or finding {id:?} in this case")]
    UnknownMechanismOrFinding { id: String },
    /// The body contains a character Accord reserves for note markers (U+E000 or U+E001).
    #[error("the body contains the reserved character U+{code:04X}")]
    ReservedCharacter { code: u32 },
    /// The body is larger than [`crate::MAX_BODY_BYTES`]; the error's line is where the limit
    /// is crossed.
    #[error("the body is {bytes} bytes, more than the limit of {max} bytes")]
    TooLarge { bytes: usize, max: usize },
    /// Block quotes, lists, emphasis, links or images nest more than [`crate::MAX_NESTING`]
    /// levels deep; the error's line is where the level too many opens.
    #[error("block quotes, lists, emphasis, links or images nest more than {max} levels deep")]
    TooDeep { max: usize },
    /// The body nests too deeply only once its template has run (a loop writing `>`, say):
    /// `line` is the line of the rendered text, which need not be a line of `body.md`.
    #[error(
        "as its template renders it, the body nests block quotes, lists, emphasis, links or images more than {max} levels deep (line {line} of the rendered text)"
    )]
    TooDeepRendered { line: usize, max: usize },
    /// Any other template error (syntax, unknown function or variable), as the template engine
    /// words it.
    #[error("{message}")]
    Template { message: String },
}

/// "body line 12:" or "body:" when the line is unknown.
struct Line(Option<usize>);

impl fmt::Display for Line {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(line) => write!(f, "body.md line {line}:"),
            None => write!(f, "body.md:"),
        }
    }
}
