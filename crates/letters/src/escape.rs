//! Escaping literal text for Markdown and HTML: the one place that decides how data from a case
//! stays data, whichever format it lands in.

/// Escapes `text` so that CommonMark reads it back as exactly this text, on a line of its own
/// or inside a line.
///
/// `line_start` says whether the text begins a line, where `#`, `>`, `-`, `+`, `=` and
/// ordered-list numbers ("1." / "1)") would start a block. Inside a line, the characters that
/// open inline markup (`\`, `` ` ``, `*`, `_` unless inside a word, `[`, `]`, `<`, `~`, `#`)
/// are escaped, and `&`
/// when it could start an entity; everything else is left alone so that the Markdown stays
/// readable. Whitespace runs containing a line break become one space: the text must not break
/// the line it is placed on.
pub fn markdown(text: &str, line_start: bool) -> String {
    let flat = one_line(text);
    let mut out = String::with_capacity(flat.len() + 8);
    let chars: Vec<char> = flat.chars().collect();
    if line_start {
        push_line_start(&chars, &mut out);
    }
    let skip = if line_start {
        line_start_len(&chars)
    } else {
        0
    };
    for (i, &c) in chars.iter().enumerate().skip(skip) {
        match c {
            // An underscore between two letters or digits can neither open nor close emphasis
            // (CommonMark's flanking rules), so URLs and identifiers stay readable.
            '_' if i > 0
                && chars[i - 1].is_alphanumeric()
                && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric()) =>
            {
                out.push('_');
            }
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '~' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '&' if chars
                .get(i + 1)
                .is_some_and(|n| n.is_ascii_alphanumeric() || *n == '#') =>
            {
                out.push_str("\\&");
            }
            _ => out.push(c),
        }
    }
    out
}

/// How many leading characters [`push_line_start`] has already written.
fn line_start_len(chars: &[char]) -> usize {
    let spaces = chars.iter().take_while(|c| **c == ' ').count();
    let rest = &chars[spaces..];
    match rest.first() {
        Some('>' | '-' | '+' | '=') => spaces + 1,
        Some(c) if c.is_ascii_digit() => {
            let digits = rest.iter().take_while(|c| c.is_ascii_digit()).count();
            match rest.get(digits) {
                Some('.' | ')') if digits <= 9 => spaces + digits + 1,
                _ => spaces,
            }
        }
        _ => spaces,
    }
}

/// Writes the start of a line so that it cannot open a block: leading spaces are dropped (four
/// would start a code block), and a block marker is escaped.
fn push_line_start(chars: &[char], out: &mut String) {
    let spaces = chars.iter().take_while(|c| **c == ' ').count();
    let rest = &chars[spaces..];
    match rest.first() {
        Some(&c @ ('>' | '-' | '+' | '=')) => {
            out.push('\\');
            out.push(c);
        }
        Some(c) if c.is_ascii_digit() => {
            let digits = rest.iter().take_while(|c| c.is_ascii_digit()).count();
            if let Some(&mark @ ('.' | ')')) = rest.get(digits)
                && digits <= 9
            {
                out.extend(&rest[..digits]);
                out.push('\\');
                out.push(mark);
            }
        }
        _ => {}
    }
}

/// Collapses every whitespace run that contains a line break into one space.
pub fn one_line(text: &str) -> String {
    if !text.contains(['\n', '\r']) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut pending = String::new();
    let mut broke = false;
    for c in text.chars() {
        if c.is_whitespace() {
            broke |= c == '\n' || c == '\r';
            pending.push(c);
        } else {
            if broke {
                out.push(' ');
            } else {
                out.push_str(&pending);
            }
            pending.clear();
            broke = false;
            out.push(c);
        }
    }
    if !broke {
        out.push_str(&pending);
    }
    out
}

/// Escapes text for HTML element content and for double- or single-quoted attribute values.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_md(input: &str, line_start: bool, expected: &str) {
        assert_eq!(markdown(input, line_start), expected, "escaping {input:?}");
    }

    #[test]
    fn markdown_escapes_only_what_could_be_markup() {
        check_md(
            "Democracy & Human Rights",
            false,
            "Democracy & Human Rights",
        );
        check_md("a &amp; b", false, "a \\&amp; b");
        check_md(
            "*bold* _it_ `code`",
            false,
            "\\*bold\\* \\_it\\_ \\`code\\`",
        );
        check_md("[x](http://e.org)", false, "\\[x\\](http://e.org)");
        check_md("<b>x</b>", false, "\\<b>x\\</b>");
        check_md("C# and ~~gone~~", false, "C\\# and \\~\\~gone\\~\\~");
        check_md("back\\slash", false, "back\\\\slash");
        check_md("2016_10_21_x.pdf", false, "2016_10_21_x.pdf");
        check_md("_x_ and a_ b", false, "\\_x\\_ and a\\_ b");
    }

    #[test]
    fn markdown_escapes_block_markers_at_line_start_only() {
        check_md("- to ensure", true, "\\- to ensure");
        check_md("- to ensure", false, "- to ensure");
        check_md("> quoted", true, "\\> quoted");
        check_md("+ plus", true, "\\+ plus");
        check_md("=== rule", true, "\\=== rule");
        check_md("1. Each State", true, "1\\. Each State");
        check_md("2017) was", true, "2017\\) was");
        check_md("1991 Paris", true, "1991 Paris");
        check_md("    indented", true, "indented");
        check_md("# heading", true, "\\# heading");
    }

    #[test]
    fn line_breaks_become_spaces() {
        assert_eq!(one_line("a\nb"), "a b");
        assert_eq!(one_line("a  \r\n  b"), "a b");
        assert_eq!(one_line("a  b"), "a  b");
        assert_eq!(one_line("end\n"), "end");
    }

    #[test]
    fn html_escapes_markup_and_quotes() {
        assert_eq!(
            html(r#"<script>"x" & 'y'</script>"#),
            "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;"
        );
    }
}
