//! The handout in Markdown (CommonMark, as GitHub, GitLab and pandoc read it). Every text from
//! the briefing is escaped so that it renders as written: no emphasis, link, HTML tag, entity,
//! heading or list comes out of a briefing's words.

use std::fmt::Write;

use super::{Block, Handout, is_safe_url};

pub(super) fn write(h: &Handout) -> String {
    let l = h.lang.labels();
    let colon = h.lang.colon();
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape(&h.title));
    if let Some(c) = &h.caption {
        let _ = writeln!(out, "*{}*\n", escape(c));
    }
    for (label, value) in &h.facts {
        let _ = writeln!(
            out,
            "- **{}**{}",
            escape(label),
            escape_rest(&format!("{colon}{value}"))
        );
    }
    if !h.facts.is_empty() {
        out.push('\n');
    }
    if let Some(n) = &h.notes {
        notes(&mut out, l.notes, colon, n);
    }
    for s in &h.sections {
        let _ = writeln!(out, "## {}\n", escape(&s.heading));
        let mut in_list = false;
        for b in &s.blocks {
            let is_list = matches!(
                b,
                Block::Party { .. } | Block::Item { .. } | Block::Link { .. }
            );
            if in_list && !is_list {
                out.push('\n');
            }
            in_list = is_list;
            block(&mut out, b, h, colon);
        }
        if in_list {
            out.push('\n');
        }
        if let Some(n) = &s.notes {
            notes(&mut out, l.notes, colon, n);
        }
    }
    // One newline at the end, not a blank line.
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn block(out: &mut String, b: &Block, h: &Handout, colon: &str) {
    let l = h.lang.labels();
    match b {
        Block::Paragraph(p) => {
            let _ = writeln!(out, "{}\n", escape(p));
        }
        Block::Party { name, people } => {
            if people.is_empty() {
                let _ = writeln!(out, "- **{}**", escape(name));
            } else {
                let people = people.join(h.lang.semicolon());
                let _ = writeln!(
                    out,
                    "- **{}**{}",
                    escape(name),
                    escape_rest(&format!("{colon}{people}"))
                );
            }
        }
        Block::Quote {
            text,
            speaker,
            context,
        } => {
            let (open, close) = l.quote_marks;
            let _ = writeln!(out, "> {}\n>", escape(&format!("{open}{text}{close}")));
            let _ = write!(out, "> — {}", escape_rest(speaker));
            if let Some(c) = context {
                let _ = write!(out, ", *{}*", escape(c));
            }
            out.push_str("\n\n");
        }
        Block::Item {
            label,
            category,
            detail,
        } => {
            let _ = write!(out, "- **{}**", escape(label));
            if let Some(c) = category {
                let _ = write!(out, " ({})", escape(c));
            }
            if let Some(d) = detail {
                // A hard break (backslash) keeps the detail in the item, on its own line.
                let _ = write!(out, "\\\n  {}", escape(d));
            }
            out.push('\n');
        }
        Block::Subheading(t) => {
            let _ = writeln!(out, "### {}\n", escape(t));
        }
        Block::Link { title, url } => match url {
            Some(url) if is_safe_url(url) => {
                let _ = writeln!(out, "- [{}](<{}>)", escape(title), destination(url));
            }
            Some(url) => {
                let _ = writeln!(
                    out,
                    "- {}{}",
                    escape(title),
                    escape_rest(&format!("{colon}{url}"))
                );
            }
            None => {
                let _ = writeln!(out, "- {}", escape(title));
            }
        },
    }
}

fn notes(out: &mut String, label: &str, colon: &str, text: &str) {
    let _ = writeln!(
        out,
        "> **{}**{}\n",
        escape(label),
        escape_rest(&format!("{colon}{text}"))
    );
}

/// Text that starts a block (a paragraph, a list item's first words): escaped as
/// [`escape_rest`], and what would open a heading, a list, a quote or a code block at the
/// start of a line is escaped as well.
pub(super) fn escape(text: &str) -> String {
    let flat = one_line(text);
    let mut out = escape_rest(&flat);
    // A list number ("1." or "1)") at the start: escape its mark.
    let digits = out.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && digits <= 9 && matches!(out[digits..].chars().next(), Some('.' | ')')) {
        out.insert(digits, '\\');
    }
    if out.starts_with(['#', '+', '-', '=', '>']) {
        out.insert(0, '\\');
    }
    out
}

/// Text in the middle of a line: every character Markdown could read as markup is escaped
/// with a backslash (any ASCII punctuation may be), and lines are joined.
pub(super) fn escape_rest(text: &str) -> String {
    let flat = one_line(text);
    let mut out = String::with_capacity(flat.len() + 8);
    for c in flat.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '|' | '~' | '!' | '#'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Runs of ASCII whitespace (newlines too) as one space, and no leading space that would
/// indent a code block. No-break spaces (French typography) are kept.
fn one_line(text: &str) -> String {
    text.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}

/// A link destination inside `<...>`: the characters that would end or escape it are
/// percent-encoded.
fn destination(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.trim().chars() {
        match c {
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '\\' => out.push_str("%5C"),
            c => out.push(c),
        }
    }
    out
}
