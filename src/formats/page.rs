//! What a saved web page or a PDF gives the importer besides its text: the kind of source a
//! file is ([`Source`]), the page's metadata ([`PageMeta`]), and the builder both front-ends
//! fill with the importer's blocks ([`DocBuilder`]). No I/O here.

use crate::import::blocks::{Block, BlockKind, Doc, DocLink};
pub(crate) use crate::import::words;
use crate::model::sanitize::sanitize;
use crate::model::{Date, Lang};

/// What a release file is, by its extension or by `--from`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// Plain text.
    Text,
    /// Markdown (read by the same reader as plain text).
    Markdown,
    /// A saved web page.
    Html,
    /// A PDF with a text layer.
    Pdf,
}

impl Source {
    /// The source a path names by its extension (`.html`, `.htm`, `.xhtml`, `.pdf`, `.txt`,
    /// `.md`...); `None` for a briefing or an unknown extension.
    pub fn of_path(path: &str) -> Option<Source> {
        let lower = path.to_ascii_lowercase();
        let ext = lower.rsplit_once('.').map(|(_, e)| e)?;
        if lower.ends_with('/') || ext.contains('/') {
            return None;
        }
        match ext {
            "html" | "htm" | "xhtml" | "shtml" => Some(Source::Html),
            "pdf" => Some(Source::Pdf),
            "md" | "markdown" => Some(Source::Markdown),
            _ if crate::import::is_release_path(path) => Some(Source::Text),
            _ => None,
        }
    }

    /// The source `--from` names: `html`, `pdf`, `text`, `markdown`.
    pub fn from_name(name: &str) -> Option<Source> {
        match name.to_ascii_lowercase().as_str() {
            "html" | "htm" => Some(Source::Html),
            "pdf" => Some(Source::Pdf),
            "text" | "txt" => Some(Source::Text),
            "markdown" | "md" => Some(Source::Markdown),
            _ => None,
        }
    }
}

/// What a page says about itself, used where its text says nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct PageMeta {
    /// The headline (`og:title`, JSON-LD `headline`, `<h1>`, the PDF's `Title`).
    pub title: Option<String>,
    /// The publication date (`article:published_time`, JSON-LD `datePublished`, `<time>`).
    pub date: Option<Date>,
    /// The language (`<html lang>`).
    pub lang: Option<Lang>,
    /// The publisher (`og:site_name`, JSON-LD `publisher`).
    pub source: Option<String>,
    /// What the reader had to guess or leave out, for the user.
    pub warnings: Vec<String>,
}

/// A date at the start of a timestamp: `2016-05-23`, `2016-05-23T10:00:00+02:00`.
pub(crate) fn date_of_timestamp(text: &str) -> Option<Date> {
    Date::parse_iso(text.trim().get(..10)?)
}

/// Collapses whitespace, drops what must not reach a terminal, and cuts to `max` characters.
pub(crate) fn clean_line(text: &str, max: usize) -> Option<String> {
    let clean = sanitize(text);
    let line = clean.split_whitespace().collect::<Vec<_>>().join(" ");
    let line: String = line.chars().take(max).collect();
    line.chars().any(char::is_alphanumeric).then_some(line)
}

/// Builds a [`Doc`] block by block: text is sanitized and its whitespace collapsed as it comes,
/// blocks are separated by blank lines, links keep their ranges.
#[derive(Debug, Default)]
pub(crate) struct DocBuilder {
    doc: Doc,
    open: Option<(BlockKind, usize)>,
    /// The last character pushed was a space (or the block is empty).
    space: bool,
    /// Newlines counted so far: up to which byte, and how many (block lines in linear time).
    counted: (usize, usize),
}

impl DocBuilder {
    /// Ends the open block; an empty one is dropped.
    pub fn close(&mut self) {
        let Some((kind, start)) = self.open.take() else {
            return;
        };
        let text = &mut self.doc.text;
        let end = start + text.get(start..).map_or(0, |t| t.trim_end().len());
        text.truncate(end);
        let count = self.doc.blocks.len();
        if end == start {
            // Nothing was written: take back the separator too.
            let keep = text.trim_end_matches('\n').len();
            text.truncate(keep);
            self.doc.links.retain(|l| l.block < count);
            return;
        }
        self.doc
            .links
            .retain(|l| l.block < count || l.title.end <= end);
        for link in &mut self.doc.links {
            link.title.end = link.title.end.min(end);
        }
        // Blocks start further and further on: count only the newlines since the last one.
        let (from, before) = self.counted;
        let since = text.get(from..start).map_or(0, |t| t.matches('\n').count());
        self.counted = (start, before + since);
        let line = 1 + before + since;
        self.doc.blocks.push(Block {
            kind,
            range: start..end,
            line,
            emphasis: false,
        });
    }

    /// Opens a block of `kind` (closing the open one).
    pub fn open(&mut self, kind: BlockKind) {
        self.close();
        if !self.doc.text.is_empty() {
            self.doc.text.push_str("\n\n");
        }
        self.open = Some((kind, self.doc.text.len()));
        self.space = true;
    }

    /// Appends inline text to the open block (opening one of `kind` if none is), whitespace
    /// collapsed to single spaces.
    pub fn text(&mut self, text: &str, kind: BlockKind) {
        if text.is_empty() {
            return;
        }
        let clean = if text.chars().any(crate::model::sanitize::is_unsafe) {
            std::borrow::Cow::Owned(sanitize(text))
        } else {
            std::borrow::Cow::Borrowed(text)
        };
        for c in clean.chars() {
            if c.is_whitespace() && c != '\u{a0}' && c != '\u{202f}' {
                if !self.space && self.open.is_some() {
                    self.doc.text.push(' ');
                    self.space = true;
                }
                continue;
            }
            if self.open.is_none() {
                self.open(kind);
            }
            self.doc.text.push(c);
            self.space = false;
        }
    }

    /// Starts a new line within the open block (`<br>`, a line of a PDF paragraph).
    pub fn line_break(&mut self) {
        if self.open.is_some() && !self.doc.text.ends_with(['\n']) {
            let keep = self.doc.text.trim_end_matches(' ').len();
            self.doc.text.truncate(keep);
            self.doc.text.push('\n');
            self.space = true;
        }
    }

    /// Where the next character will go, for a link's start.
    pub fn at(&self) -> usize {
        self.doc.text.len()
    }

    /// Records a link whose text runs from `start` to here, in the open block.
    pub fn link(&mut self, start: usize, url: &str) {
        let end = self.doc.text.trim_end().len();
        if self.open.is_none() || end <= start || url.is_empty() {
            return;
        }
        // The block the link is in will be the next one closed.
        let block = self.doc.blocks.len();
        let url: String = sanitize(url).split_whitespace().collect();
        self.doc.links.push(DocLink {
            block,
            title: start..end,
            url,
        });
    }

    /// The blocks, the last one closed.
    pub fn finish(mut self) -> Doc {
        self.close();
        self.doc
    }
}

#[cfg(test)]
#[allow(
    clippy::indexing_slicing,
    reason = "a test fails loudly on a wrong length"
)]
mod tests {
    use super::*;

    #[test]
    fn builder_collapses_space_sanitizes_and_keeps_links() {
        let mut b = DocBuilder::default();
        b.text("  Title \n here ", BlockKind::Heading);
        b.close();
        b.text("Read ", BlockKind::Paragraph);
        let start = b.at();
        b.text("the\u{1b}[2J report", BlockKind::Paragraph);
        b.link(start, "https://example.org/r");
        b.text(" now.", BlockKind::Paragraph);
        b.open(BlockKind::Item);
        b.close();
        let doc = b.finish();
        assert_eq!(doc.text, "Title here\n\nRead the report now.");
        assert_eq!(doc.blocks.len(), 2);
        assert_eq!(doc.blocks[0].kind, BlockKind::Heading);
        assert_eq!(doc.block_text(1), Some("Read the report now."));
        assert_eq!(&doc.text[doc.links[0].title.clone()], "the report");
        assert_eq!(doc.links[0].block, 1);
        assert_eq!(doc.blocks[1].line, 3);
    }

    #[test]
    fn sources_come_from_extensions_and_names() {
        assert_eq!(Source::of_path("a/Page.HTM"), Some(Source::Html));
        assert_eq!(Source::of_path("r.pdf"), Some(Source::Pdf));
        assert_eq!(Source::of_path("r.md"), Some(Source::Markdown));
        assert_eq!(Source::of_path("r.txt"), Some(Source::Text));
        assert_eq!(Source::of_path("b.toml"), None);
        assert_eq!(Source::of_path("-"), None);
        assert_eq!(Source::from_name("PDF"), Some(Source::Pdf));
        assert_eq!(Source::from_name("doc"), None);
    }

    #[test]
    fn timestamps_give_their_date() {
        assert_eq!(
            date_of_timestamp("2016-05-23T10:00:00+02:00").map(|d| d.to_string()),
            Some("2016-05-23".to_string())
        );
        assert_eq!(date_of_timestamp("May 2016"), None);
    }
}
