//! From "finding 3, field provision" to "findings.toml:41: findings[2].provision".
//!
//! TOML spans tell where each `[[entry]]` header is; the line of a particular key is found by
//! scanning that entry's lines. This keeps the file structs simple (most fields are plain strings)
//! while every validation problem still points at a line.

use std::collections::HashMap;

use super::BundleError;
use crate::validate::Entity;

/// The 1-based line of a byte offset.
pub(super) fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

#[derive(Debug, Clone)]
struct Loc {
    file: usize,
    /// The array the entry belongs to (`findings`), or empty for a whole-file record.
    array: &'static str,
    index: Option<usize>,
    /// Byte offset of the entry's `[[array]]` header.
    start: usize,
}

#[derive(Debug, Default)]
pub(super) struct Locations {
    map: HashMap<Entity, Loc>,
    bodies: HashMap<Entity, String>,
}

impl Locations {
    /// A record that is a whole file (case, instrument, letter, election).
    pub(super) fn top(&mut self, e: Entity, file: usize, array: &'static str) {
        self.map.insert(
            e,
            Loc {
                file,
                array,
                index: None,
                start: 0,
            },
        );
    }

    /// A record that is entry `index` of `[[array]]`, whose header starts at `start`.
    pub(super) fn entry(
        &mut self,
        e: Entity,
        file: usize,
        array: &'static str,
        index: usize,
        start: usize,
    ) {
        self.map.insert(
            e,
            Loc {
                file,
                array,
                index: Some(index),
                start,
            },
        );
    }

    pub(super) fn body_file(&mut self, e: Entity, path: String) {
        self.bodies.insert(e, path);
    }

    pub(super) fn body_path(&self, e: Entity) -> Option<String> {
        self.bodies.get(&e).cloned()
    }

    pub(super) fn file_of(&self, e: Entity) -> Option<usize> {
        self.map.get(&e).map(|l| l.file)
    }

    /// The field's path as a user reads it: `findings[2].provision`.
    pub(super) fn field_path(&self, e: Entity, field: &str) -> String {
        match self.map.get(&e) {
            Some(Loc {
                array,
                index: Some(i),
                ..
            }) => format!("{array}[{i}].{field}"),
            _ => field.to_owned(),
        }
    }

    /// Turn a problem in domain terms into a located bundle error.
    /// `texts` holds the text of the entity's file (`None` if it could not be read again: the
    /// problem is then given without a line).
    pub(super) fn locate(
        &self,
        paths: &[String],
        texts: &[Option<String>],
        e: Entity,
        field: &str,
        message: String,
    ) -> BundleError {
        let Some(loc) = self.map.get(&e) else {
            return BundleError {
                file: "case.toml".into(),
                line: None,
                field: Some(field.to_owned()),
                message,
            };
        };
        let text = texts.get(loc.file).and_then(Option::as_deref);
        let line = match text {
            Some(text) if loc.array != "elections" => Some(field_line(text, loc, field)),
            _ => None,
        };
        BundleError {
            file: paths.get(loc.file).cloned().unwrap_or_default(),
            line,
            field: Some(self.field_path(e, field)),
            message,
        }
    }
}

/// The line of `field`'s key inside the record at `loc`; the record's first line if not found.
fn field_line(text: &str, loc: &Loc, field: &str) -> usize {
    let key = field.split(['[', '.']).next().unwrap_or(field);
    let region_start = loc.start;
    let rest = &text[region_start.min(text.len())..];
    let sibling = format!("[[{}]]", loc.array);
    let mut offset = region_start;
    for (n, line) in rest.split_inclusive('\n').enumerate() {
        let t = line.trim();
        let is_header = t.starts_with('[');
        if n > 0 && is_header {
            // A whole-file record ends at its first table; an entry at its next sibling.
            if loc.index.is_none() || t == sibling {
                break;
            }
        }
        if let Some(after) = t.strip_prefix(key)
            && after.trim_start().starts_with('=')
        {
            return line_of(text, offset);
        }
        if is_header && t.ends_with(&format!(".{key}]]")) {
            return line_of(text, offset);
        }
        offset += line.len();
    }
    line_of(text, region_start)
}
