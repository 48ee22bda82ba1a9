//! What a record has no field for, kept in its summary.
//!
//! Incidents have no fields for fatalities, coordinates, a title in a second language or the
//! columns of a spreadsheet nobody mapped. Dropping them would lose what the coalition recorded;
//! a side table would not be versioned with the record. So they are written at the end of the
//! summary, after a blank line, as
//!
//! ```text
//! Imported from ACLED:
//! - fatalities: 3
//! - coordinates: 11.5564|104.9282
//! - title__km: ការចាប់ខ្លួន
//! ```
//!
//! readable on the incident's page, found by search, part of the record's versions (a changed
//! value is a new version), and read back by the exports ([`split`]).

/// The line that opens the block.
const OPENING: &str = "Imported from ";

/// A summary made of the text (if any) and the extra fields (if any), in the order given.
/// Line breaks inside a value become spaces, so each field stays one line.
pub fn summary(text: &str, origin: &str, fields: &[(String, String)]) -> Option<String> {
    let text = text.trim();
    let fields: Vec<&(String, String)> = fields.iter().filter(|(_, v)| !v.is_empty()).collect();
    if fields.is_empty() {
        return (!text.is_empty()).then(|| text.to_owned());
    }
    let mut out = String::new();
    if !text.is_empty() {
        out.push_str(text);
        out.push_str("\n\n");
    }
    out.push_str(OPENING);
    out.push_str(origin);
    out.push(':');
    for (k, v) in fields {
        out.push_str("\n- ");
        out.push_str(k);
        out.push_str(": ");
        out.push_str(&v.split_whitespace().collect::<Vec<_>>().join(" "));
    }
    Some(out)
}

/// A summary split into its text and the fields of its `Imported from …:` block (none when it
/// has no block).
pub fn split(summary: &str) -> (String, Vec<(String, String)>) {
    let (text, block) = match summary.rfind(OPENING) {
        Some(at) if at == 0 || summary[..at].ends_with('\n') => {
            (summary[..at].trim_end(), &summary[at..])
        }
        _ => return (summary.to_owned(), Vec::new()),
    };
    let mut lines = block.lines();
    let opening = lines.next().unwrap_or_default();
    if !opening.ends_with(':') {
        return (summary.to_owned(), Vec::new());
    }
    let mut fields = Vec::new();
    for line in lines {
        let Some((k, v)) = line.strip_prefix("- ").and_then(|l| l.split_once(": ")) else {
            // Not a block this module wrote: leave the summary whole.
            return (summary.to_owned(), Vec::new());
        };
        fields.push((k.to_owned(), v.to_owned()));
    }
    (text.to_owned(), fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_block_reads_back_what_was_written() {
        let fields = vec![
            ("fatalities".to_owned(), "3".to_owned()),
            ("title__km".to_owned(), "ការចាប់ខ្លួន\nអ្នកនយោបាយ".to_owned()),
            ("empty".to_owned(), String::new()),
        ];
        let s = summary("Police arrested him.", "ACLED", &fields).unwrap_or_default();
        assert_eq!(
            s,
            "Police arrested him.\n\nImported from ACLED:\n- fatalities: 3\n- title__km: ការចាប់ខ្លួន អ្នកនយោបាយ"
        );
        let (text, back) = split(&s);
        assert_eq!(text, "Police arrested him.");
        assert_eq!(
            back,
            vec![
                ("fatalities".to_owned(), "3".to_owned()),
                ("title__km".to_owned(), "ការចាប់ខ្លួន អ្នកនយោបាយ".to_owned()),
            ]
        );
        assert_eq!(summary("", "ACLED", &[]), None);
        assert_eq!(
            split("Imported from nowhere, said the note."),
            ("Imported from nowhere, said the note.".to_owned(), vec![])
        );
    }
}
