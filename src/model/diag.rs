//! Diagnostics for bad input files: position, message, source excerpt and caret.
//!
//! The format follows ../shared/STYLE.md §6:
//!
//! ```text
//! briefings/oops.toml:12:9: error: expected a date like '2016-05-23', found '23/05/16'
//!    |
//! 12 | date = "23/05/16"
//!    |        ^^^^^^^^^^ not an ISO 8601 date
//!    = help: write the date as YYYY-MM-DD
//! ```
//!
//! `Display` never contains ANSI codes. No I/O here.

use std::fmt;
use std::ops::Range;

use crate::model::sanitize::char_columns;

/// The widest excerpt line shown, in columns; longer lines are cut around the caret.
const EXCERPT_WIDTH: usize = 100;
/// Values quoted in messages are cut after this many characters.
const QUOTE_CHARS: usize = 40;

/// A 1-based line and column (the column counts characters, not bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SourcePos {
    /// Line number, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub col: usize,
}

impl SourcePos {
    /// The position of byte `offset` in `source` (clamped to the text and to a char boundary).
    pub fn of_offset(source: &str, offset: usize) -> SourcePos {
        let offset = floor_char_boundary(source, offset.min(source.len()));
        let before = &source[..offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        SourcePos {
            line: before.matches('\n').count() + 1,
            col: before[line_start..].chars().count() + 1,
        }
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The shown part of the offending line, with where the caret goes.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Excerpt {
    text: String,
    caret_col: usize,
    caret_width: usize,
}

/// One problem in one input, ready to print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file (or other origin) as the user named it.
    pub origin: String,
    /// Where in the file, when the problem has a place.
    pub pos: Option<SourcePos>,
    /// `expected <what>, found <what>`, lowercase, no trailing period.
    pub message: String,
    /// A few words under the caret.
    pub label: Option<String>,
    /// How to fix it, when known.
    pub help: Option<String>,
    /// "error", or "warning" for a problem the program goes on with.
    pub severity: &'static str,
    excerpt: Option<Excerpt>,
}

impl Diagnostic {
    /// A problem with the input as a whole (missing file, too large...).
    pub fn whole(origin: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            origin: origin.to_string(),
            pos: None,
            message: message.into(),
            label: None,
            help: None,
            severity: "error",
            excerpt: None,
        }
    }

    /// A problem at byte range `span` of `source`.
    pub fn at(
        origin: &str,
        source: &str,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> Diagnostic {
        let start = floor_char_boundary(source, span.start.min(source.len()));
        let end = floor_char_boundary(source, span.end.clamp(start, source.len()));
        Diagnostic {
            origin: origin.to_string(),
            pos: Some(SourcePos::of_offset(source, start)),
            message: message.into(),
            label: None,
            help: None,
            severity: "error",
            excerpt: Some(excerpt(source, start, end)),
        }
    }

    /// Adds the words shown under the caret.
    pub fn with_label(mut self, label: impl Into<String>) -> Diagnostic {
        self.label = Some(label.into());
        self
    }

    /// Adds a `help:` line.
    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    /// Makes it a warning: a problem the program goes on with.
    pub fn as_warning(mut self) -> Diagnostic {
        self.severity = "warning";
        self
    }

    /// The first line alone: `path:line:col: error: message`.
    pub fn headline(&self) -> String {
        match self.pos {
            Some(p) => format!(
                "{}:{}:{}: {}: {}",
                self.origin, p.line, p.col, self.severity, self.message
            ),
            None => format!("{}: {}: {}", self.origin, self.severity, self.message),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.headline())?;
        let gutter = self.pos.map_or(1, |p| p.line.to_string().len());
        let pad = " ".repeat(gutter);
        if let (Some(pos), Some(ex)) = (self.pos, &self.excerpt) {
            write!(f, "\n{pad} |\n{} | {}", pos.line, ex.text)?;
            write!(
                f,
                "\n{pad} | {}{}",
                " ".repeat(ex.caret_col),
                "^".repeat(ex.caret_width.max(1))
            )?;
            if let Some(label) = &self.label {
                write!(f, " {label}")?;
            }
        }
        if let Some(help) = &self.help {
            write!(f, "\n{pad} = help: {help}")?;
        }
        Ok(())
    }
}

/// Escapes one character for display in an excerpt or a quoted value, so that nothing from the
/// file reaches the terminal as a control.
fn escape_char(c: char, out: &mut String) {
    match c {
        '\t' => out.push_str("    "),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        c if super::sanitize::is_unsafe(c) => out.push_str(&c.escape_unicode().to_string()),
        c => out.push(c),
    }
}

fn escaped(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    s.chars().for_each(|c| escape_char(c, &mut out));
    out
}

fn width(s: &str) -> usize {
    s.chars().map(char_columns).sum()
}

fn excerpt(source: &str, start: usize, end: usize) -> Excerpt {
    let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = source[start..]
        .find('\n')
        .map_or(source.len(), |i| start + i);
    let line = source[line_start..line_end].trim_end_matches('\r');
    let prefix = &source[line_start..start.min(line_start + line.len())];
    let marked = &source[start.min(line_start + line.len())..end.min(line_start + line.len())];

    let (mut prefix_shown, marked_shown) = (escaped(prefix), escaped(marked));
    let rest_start = (prefix.len() + marked.len()).min(line.len());
    let mut rest_shown = escaped(&line[rest_start..]);

    // Keep long lines short: some context before the caret, then cut.
    let mut lead = "";
    let line_width = width(&prefix_shown) + width(&marked_shown) + width(&rest_shown);
    if line_width > EXCERPT_WIDTH && width(&prefix_shown) > EXCERPT_WIDTH / 2 {
        let keep: Vec<char> = prefix_shown.chars().rev().collect();
        let mut w = 0;
        let mut kept = String::new();
        for c in keep {
            w += char_columns(c);
            if w > EXCERPT_WIDTH / 2 - 1 {
                break;
            }
            kept.insert(0, c);
        }
        prefix_shown = kept;
        lead = "…";
    }
    let room = EXCERPT_WIDTH.saturating_sub(width(&prefix_shown) + width(&marked_shown));
    let mut marked_cut = marked_shown;
    if width(&marked_cut) > EXCERPT_WIDTH / 2 {
        marked_cut = cut_to_width(&marked_cut, EXCERPT_WIDTH / 2);
        rest_shown.clear();
    } else if width(&rest_shown) > room {
        rest_shown = cut_to_width(&rest_shown, room.saturating_sub(1));
        rest_shown.push('…');
    }
    Excerpt {
        text: format!("{lead}{prefix_shown}{marked_cut}{rest_shown}"),
        caret_col: width(lead) + width(&prefix_shown),
        caret_width: width(&marked_cut),
    }
}

fn cut_to_width(s: &str, max: usize) -> String {
    let mut w = 0;
    s.chars()
        .take_while(|c| {
            w += char_columns(*c);
            w <= max
        })
        .collect()
}

/// A value as it appears inside `'...'` in a message: control characters escaped, cut at
/// about 40 characters.
pub fn quote_value(s: &str) -> String {
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i == QUOTE_CHARS {
            out.push('…');
            break;
        }
        escape_char(c, &mut out);
    }
    out
}

/// Turns serde's wording ("invalid type: string \"x\", expected a boolean") into ours
/// ("expected a boolean, found string 'x'").
pub fn humanize_serde_message(message: &str) -> String {
    let message = message.trim().trim_end_matches('.');
    for prefix in ["invalid type: ", "invalid value: ", "invalid length "] {
        if let Some(rest) = message.strip_prefix(prefix)
            && let Some((found, expected)) = rest.rsplit_once(", expected ")
        {
            let found = found.replace(['"', '`'], "'");
            let expected = expected
                .replace('`', "'")
                .replace("a sequence", "a list")
                .replace("a map", "a table");
            let found = found
                .replacen("sequence", "list", 1)
                .replacen("map", "table", 1);
            return format!("expected {expected}, found {found}");
        }
    }
    if let Some(rest) = message.strip_prefix("missing field ") {
        let name = rest.trim_matches('`');
        return format!("expected a value for '{name}', found none");
    }
    let mut out = message.replace('`', "'");
    if let Some(first) = out.get(0..1)
        && first.chars().all(|c| c.is_ascii_uppercase())
        && !out
            .get(1..2)
            .is_some_and(|s| s.chars().all(|c| c.is_ascii_uppercase()))
    {
        out.replace_range(0..1, &first.to_ascii_lowercase());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn position_counts_lines_and_chars_from_one() {
        let src = "a\nété = 1\n";
        assert_eq!(SourcePos::of_offset(src, 0), SourcePos { line: 1, col: 1 });
        let eq = src.find('=').unwrap();
        assert_eq!(SourcePos::of_offset(src, eq), SourcePos { line: 2, col: 5 });
        assert_eq!(SourcePos::of_offset(src, 3), SourcePos { line: 2, col: 1 });
    }

    #[test]
    fn diagnostic_renders_style_guide_example() {
        let src = "title = \"x\"\ndate = \"23/05/16\"\n";
        let start = src.find("\"23").unwrap();
        let d = Diagnostic::at("oops.toml", src, start..start + 10, "expected a date")
            .with_label("not an ISO 8601 date")
            .with_help("write the date as YYYY-MM-DD");
        assert_eq!(
            d.to_string(),
            "oops.toml:2:8: error: expected a date\n  |\n2 | date = \"23/05/16\"\n  \
             |        ^^^^^^^^^^ not an ISO 8601 date\n  = help: write the date as YYYY-MM-DD"
        );
    }

    #[test]
    fn caret_uses_display_width_of_wide_chars() {
        let src = "t = \"中文\" x";
        let x = src.find('x').unwrap();
        let d = Diagnostic::at("f", src, x..x + 1, "m");
        let caret_line = d.to_string().lines().last().unwrap().to_string();
        assert_eq!(caret_line, format!("  | {}^", " ".repeat(11)));
    }

    #[test]
    fn excerpt_escapes_control_characters() {
        let src = "title = \"\u{1b}]0;pwned\u{7}\"";
        let d = Diagnostic::at("f", src, 0..5, "m");
        assert!(!d.to_string().contains('\u{1b}'));
        assert!(d.to_string().contains("\\u{1b}"));
    }

    #[test]
    fn excerpt_of_a_huge_line_stays_short() {
        let src = format!("{}X{}", "a".repeat(100_000), "b".repeat(100_000));
        let at = 100_000;
        let d = Diagnostic::at("f", &src, at..at + 1, "m");
        let text = d.to_string();
        let line = text.lines().nth(2).unwrap();
        assert!(line.chars().count() <= EXCERPT_WIDTH + 8, "{}", line.len());
        let caret = text.lines().nth(3).unwrap();
        let col = caret.find('^').unwrap();
        assert_eq!(line.chars().nth(col), Some('X'));
    }

    #[test]
    fn quote_value_truncates_and_escapes() {
        assert_eq!(quote_value("a\nb"), "a\\nb");
        assert_eq!(quote_value(&"x".repeat(50)), format!("{}…", "x".repeat(40)));
    }

    #[test]
    fn serde_messages_become_expected_found() {
        assert_eq!(
            humanize_serde_message("invalid type: string \"yes\", expected a boolean"),
            "expected a boolean, found string 'yes'"
        );
        assert_eq!(
            humanize_serde_message("missing field `title`"),
            "expected a value for 'title', found none"
        );
    }
}
