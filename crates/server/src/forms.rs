//! Form and query-string fields, parsed by hand so that repeated fields (checkboxes, multi-selects)
//! keep every value and every error can name the field it is about.

use axum::body::Bytes;

/// The fields of one form or query string, in order.
#[derive(Debug, Clone, Default)]
pub struct Fields(Vec<(String, String)>);

impl Fields {
    pub fn parse(bytes: &[u8]) -> Fields {
        Fields(
            form_urlencoded::parse(bytes)
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
        )
    }

    pub fn from_body(body: &Bytes) -> Fields {
        Fields::parse(body)
    }

    pub fn from_query(query: Option<&str>) -> Fields {
        Fields::parse(query.unwrap_or("").as_bytes())
    }

    /// The first value, trimmed; `None` when absent or blank.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    }

    /// Every non-blank value of a repeated field.
    pub fn all(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.trim().to_owned())
            .filter(|v| !v.is_empty())
            .collect()
    }

    /// Every value of a repeated field, blanks included (to keep rows of paired fields aligned).
    pub fn all_raw(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.trim().to_owned())
            .collect()
    }

    /// The raw value (not trimmed), for text areas where leading spaces matter.
    pub fn text(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.trim().is_empty())
    }

    /// A query string with `name` set to `value` (for pager links), other fields kept.
    pub fn with(&self, name: &str, value: &str) -> String {
        let mut s = form_urlencoded::Serializer::new(String::new());
        for (k, v) in &self.0 {
            if k != name && !v.is_empty() {
                s.append_pair(k, v);
            }
        }
        s.append_pair(name, value);
        s.finish()
    }
}
