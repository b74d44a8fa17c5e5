//! The handout as plain text, wrapped at [`WIDTH`] columns (display width, so wide and
//! combining characters wrap right), headings underlined.

use super::{Block, Handout};
use crate::app::text::{width, wrap};

/// The width text is wrapped at.
const WIDTH: usize = 78;

pub(super) fn write(h: &Handout) -> String {
    let l = h.lang.labels();
    let colon = h.lang.colon();
    let mut out: Vec<String> = Vec::new();
    heading(&mut out, &h.title, '=');
    if let Some(c) = &h.caption {
        out.extend(wrap(c, WIDTH, "", ""));
        out.push(String::new());
    }
    for (label, value) in &h.facts {
        out.extend(wrap(&format!("{label}{colon}{value}"), WIDTH, "", "  "));
    }
    if !h.facts.is_empty() {
        out.push(String::new());
    }
    if let Some(n) = &h.notes {
        notes(&mut out, l.notes, colon, n);
    }
    for s in &h.sections {
        out.push(String::new());
        heading(&mut out, &s.heading, '-');
        for b in &s.blocks {
            block(&mut out, b, h);
        }
        if let Some(n) = &s.notes {
            notes(&mut out, l.notes, colon, n);
        }
    }
    while out.last().is_some_and(String::is_empty) {
        out.pop();
    }
    let mut text = out
        .iter()
        .map(|line| line.trim_end())
        .collect::<Vec<_>>()
        .join("\n");
    text.push('\n');
    text
}

fn heading(out: &mut Vec<String>, text: &str, underline: char) {
    let lines = wrap(text, WIDTH, "", "");
    let w = lines.iter().map(|l| width(l)).max().unwrap_or(0);
    out.extend(lines);
    out.push(underline.to_string().repeat(w));
    out.push(String::new());
}

fn block(out: &mut Vec<String>, b: &Block, h: &Handout) {
    let l = h.lang.labels();
    let colon = h.lang.colon();
    match b {
        Block::Paragraph(p) => {
            out.extend(wrap(p, WIDTH, "", ""));
            out.push(String::new());
        }
        Block::Party { name, people } => {
            let text = if people.is_empty() {
                name.clone()
            } else {
                format!("{name}{colon}{}", people.join(h.lang.semicolon()))
            };
            out.extend(wrap(&text, WIDTH, "• ", "  "));
            out.push(String::new());
        }
        Block::Quote {
            text,
            speaker,
            context,
        } => {
            let (open, close) = l.quote_marks;
            out.extend(wrap(&format!("{open}{text}{close}"), WIDTH, "", ""));
            out.extend(wrap(&format!("— {speaker}"), WIDTH, "  ", "    "));
            if let Some(c) = context {
                out.extend(wrap(c, WIDTH, "    ", "    "));
            }
            out.push(String::new());
        }
        Block::Item {
            label,
            category,
            detail,
        } => {
            out.extend(wrap(label, WIDTH, "• ", "  "));
            if let Some(c) = category {
                out.extend(wrap(&format!("({c})"), WIDTH, "  ", "  "));
            }
            if let Some(d) = detail {
                out.extend(wrap(d, WIDTH, "  ", "  "));
            }
            out.push(String::new());
        }
        Block::Subheading(t) => {
            out.push(String::new());
            heading(out, t, '~');
        }
        Block::Link { title, url } => {
            out.extend(wrap(title, WIDTH, "• ", "  "));
            if let Some(url) = url {
                // A URL is not wrapped: cut, it could not be copied.
                out.push(format!("  <{url}>"));
            }
            out.push(String::new());
        }
    }
}

fn notes(out: &mut Vec<String>, label: &str, colon: &str, text: &str) {
    out.extend(wrap(&format!("{label}{colon}{text}"), WIDTH, "| ", "| "));
    out.push(String::new());
}
