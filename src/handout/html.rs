//! The handout as one self-contained HTML file: the CSS inline, no scripts, no external
//! resources (a Content-Security-Policy says so to the browser as well), readable on a phone
//! (a viewport, one narrow column) and printable on A4 with a page break between sections.
//! Every text from the briefing is escaped, and only web and mail URLs become links.

use std::fmt::Write;

use super::{Block, Handout, is_safe_url};

const STYLE: &str = "
  :root { color-scheme: light dark; }
  body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    line-height: 1.5; max-width: 42rem; margin: 0 auto; padding: 1rem;
    overflow-wrap: anywhere; }
  h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 .5rem; }
  h2 { font-size: 1.25rem; border-bottom: 1px solid #8884; padding-bottom: .2rem;
    margin-top: 2rem; }
  h3 { font-size: 1.05rem; margin-top: 1.5rem; }
  .caption { font-style: italic; }
  dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
  dl.facts dt { font-weight: bold; }
  dl.facts dd { margin: 0; }
  figure { margin: 1rem 0; }
  blockquote { margin: 0; padding-left: 1rem; border-left: .25rem solid #8888;
    font-size: 1.05rem; }
  figcaption { margin-top: .3rem; padding-left: 1.25rem; }
  .context { font-style: italic; }
  ul { padding-left: 1.25rem; }
  li { margin: .4rem 0; }
  .category { color: #777; }
  .detail { display: block; }
  .url { display: block; font-family: ui-monospace, monospace; font-size: .9em; }
  aside.notes { border: 1px dashed #8888; padding: .5rem 1rem; margin: 1rem 0; }
  @page { size: A4; margin: 18mm 16mm; }
  @media print {
    body { max-width: none; padding: 0; font-size: 11pt; }
    section:not(:first-of-type) { break-before: page; }
    h2, h3 { break-after: avoid; }
    figure, li { break-inside: avoid; }
    a { color: inherit; text-decoration: none; }
  }
";

pub(super) fn write(h: &Handout) -> String {
    let l = h.lang.labels();
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'\">\n<title>{title}</title>\n<style>{STYLE}</style>\n\
         </head>\n<body>\n<header>\n<h1>{title}</h1>\n",
        lang = h.lang.tag(),
        title = escape(&h.title),
    );
    if let Some(c) = &h.caption {
        let _ = writeln!(out, "<p class=\"caption\">{}</p>", escape(c));
    }
    if !h.facts.is_empty() {
        out.push_str("<dl class=\"facts\">\n");
        for (label, value) in &h.facts {
            let _ = writeln!(out, "<dt>{}</dt><dd>{}</dd>", escape(label), escape(value));
        }
        out.push_str("</dl>\n");
    }
    if let Some(n) = &h.notes {
        notes(&mut out, l.notes, n);
    }
    out.push_str("</header>\n");
    for s in &h.sections {
        let _ = writeln!(out, "<section>\n<h2>{}</h2>", escape(&s.heading));
        let mut in_list = false;
        for b in &s.blocks {
            let is_list = matches!(
                b,
                Block::Party { .. } | Block::Item { .. } | Block::Link { .. }
            );
            if is_list && !in_list {
                out.push_str("<ul>\n");
            }
            if !is_list && in_list {
                out.push_str("</ul>\n");
            }
            in_list = is_list;
            block(&mut out, b, h);
        }
        if in_list {
            out.push_str("</ul>\n");
        }
        if let Some(n) = &s.notes {
            notes(&mut out, l.notes, n);
        }
        out.push_str("</section>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn block(out: &mut String, b: &Block, h: &Handout) {
    let l = h.lang.labels();
    let colon = h.lang.colon();
    match b {
        Block::Paragraph(p) => {
            let _ = writeln!(out, "<p>{}</p>", escape(p));
        }
        Block::Party { name, people } => {
            let _ = write!(out, "<li><strong>{}</strong>", escape(name));
            if !people.is_empty() {
                let _ = write!(
                    out,
                    "{}{}",
                    escape(colon),
                    escape(&people.join(h.lang.semicolon()))
                );
            }
            out.push_str("</li>\n");
        }
        Block::Quote {
            text,
            speaker,
            context,
        } => {
            let (open, close) = l.quote_marks;
            let _ = write!(
                out,
                "<figure>\n<blockquote><p>{}</p></blockquote>\n<figcaption>— {}",
                escape(&format!("{open}{text}{close}")),
                escape(speaker)
            );
            if let Some(c) = context {
                let _ = write!(out, ", <span class=\"context\">{}</span>", escape(c));
            }
            out.push_str("</figcaption>\n</figure>\n");
        }
        Block::Item {
            label,
            category,
            detail,
        } => {
            let _ = write!(out, "<li><strong>{}</strong>", escape(label));
            if let Some(c) = category {
                let _ = write!(out, " <span class=\"category\">({})</span>", escape(c));
            }
            if let Some(d) = detail {
                let _ = write!(out, "<span class=\"detail\">{}</span>", escape(d));
            }
            out.push_str("</li>\n");
        }
        Block::Subheading(t) => {
            let _ = writeln!(out, "<h3>{}</h3>", escape(t));
        }
        Block::Link { title, url } => {
            match url {
                Some(url) if is_safe_url(url) => {
                    let _ = write!(
                        out,
                        "<li><a href=\"{}\">{}</a><span class=\"url\">{}</span>",
                        escape(url.trim()),
                        escape(title),
                        escape(url)
                    );
                }
                Some(url) => {
                    let _ = write!(
                        out,
                        "<li>{}<span class=\"url\">{}</span>",
                        escape(title),
                        escape(url)
                    );
                }
                None => {
                    let _ = write!(out, "<li>{}", escape(title));
                }
            }
            out.push_str("</li>\n");
        }
    }
}

fn notes(out: &mut String, label: &str, text: &str) {
    let _ = writeln!(
        out,
        "<aside class=\"notes\"><strong>{}</strong><p>{}</p></aside>",
        escape(label),
        escape(text)
    );
}

/// Text and attribute values: the five characters HTML gives a meaning are written as
/// references.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
