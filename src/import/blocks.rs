//! Lines -> blocks: the release cut into headings, paragraphs and list items, with Markdown
//! markup removed and the URLs of Markdown links kept aside.
//!
//! Plain text comes in two shapes: one paragraph per line (text copied from a web page, like
//! the seed), or paragraphs hard-wrapped at some width and separated by blank lines. When at
//! least a quarter of the lines are long, every line is a paragraph; otherwise lines are
//! joined until a blank line, a heading, a list item, or a short line that ends a sentence.
//! No I/O here.

use std::ops::Range;

/// What a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A Markdown heading (`#`, or underlined with `===`/`---`).
    Heading,
    /// A paragraph of prose.
    Paragraph,
    /// One item of a bulleted or numbered list.
    Item,
}

/// A heading, paragraph or list item: a range of [`Doc::text`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// What it is.
    pub kind: BlockKind,
    /// Where its text is in [`Doc::text`]; lines of one block are joined with `\n`.
    pub range: Range<usize>,
    /// The 1-based line of the release it starts on.
    pub line: usize,
    /// The whole block was in `*emphasis*` or `_emphasis_` (a standfirst, often).
    pub emphasis: bool,
}

/// A Markdown link: its text is in a block, its URL is here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MdLink {
    /// The block it is in.
    pub block: usize,
    /// The link text, in [`Doc::text`].
    pub title: Range<usize>,
    /// The target as written.
    pub url: String,
}

/// The release as blocks of clean text.
#[derive(Debug, Default)]
pub struct Doc {
    /// The text of every block, one after the other, separated by blank lines.
    pub text: String,
    /// The blocks, in order.
    pub blocks: Vec<Block>,
    /// The Markdown links.
    pub links: Vec<MdLink>,
}

impl Doc {
    /// The text of block `i`.
    pub fn block_text(&self, i: usize) -> &str {
        self.blocks
            .get(i)
            .and_then(|b| self.text.get(b.range.clone()))
            .unwrap_or("")
    }
}

/// A line is long (a whole paragraph on one line) past this many bytes.
const LONG_LINE: usize = 200;
/// URLs of Markdown links longer than this are not taken as links.
const MAX_URL: usize = 2048;

/// Cuts a release into blocks.
pub fn parse_blocks(text: &str) -> Doc {
    let (mut nonblank, mut long, mut widest) = (0usize, 0usize, 0usize);
    for line in text.split('\n') {
        let len = line.trim().len();
        if len > 0 {
            nonblank += 1;
            widest = widest.max(len);
            if len > LONG_LINE {
                long += 1;
            }
        }
    }
    let one_per_line = long * 4 >= nonblank && long > 0;
    let mut b = Builder {
        doc: Doc::default(),
        open: None,
        one_per_line,
        short_line: widest * 6 / 10,
        last_line_ended: false,
    };
    let lines: Vec<&str> = text.split('\n').collect();
    for (n, raw) in lines.iter().enumerate() {
        b.line(raw, n + 1, lines.get(n + 1).copied());
    }
    b.close();
    b.doc
}

struct Open {
    kind: BlockKind,
    start: usize,
    line: usize,
    lines: usize,
    emphasis: bool,
}

struct Builder {
    doc: Doc,
    open: Option<Open>,
    one_per_line: bool,
    short_line: usize,
    /// The last line joined ended a sentence and was short: the paragraph ended there.
    last_line_ended: bool,
}

fn bullet_len(line: &str) -> Option<usize> {
    for marker in ["- ", "* ", "+ ", "• ", "· ", "– ", "— ", "▪ ", "◦ "] {
        if line.starts_with(marker) {
            return Some(marker.len());
        }
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let rest = line.get(digits..).unwrap_or("");
        if rest.starts_with(". ") || rest.starts_with(") ") {
            return Some(digits + 2);
        }
    }
    None
}

fn is_rule(line: &str) -> bool {
    let Some(first) = line.bytes().find(|b| !b.is_ascii_whitespace()) else {
        return false;
    };
    matches!(first, b'-' | b'*' | b'_' | b'=')
        && line.bytes().filter(|&b| b == first).count() >= 3
        && line.bytes().all(|b| b == first || b.is_ascii_whitespace())
}

impl Builder {
    fn close(&mut self) {
        if let Some(open) = self.open.take() {
            let text = self.doc.text.get(open.start..).unwrap_or("");
            let trimmed = text.trim_end();
            let end = open.start + trimmed.len();
            let empty = trimmed.trim().is_empty();
            self.doc.text.truncate(end);
            if empty {
                self.doc.links.retain(|l| l.block < self.doc.blocks.len());
            } else {
                self.doc.blocks.push(Block {
                    kind: open.kind,
                    range: open.start..end,
                    line: open.line,
                    emphasis: open.emphasis && open.lines == 1,
                });
            }
        }
        self.last_line_ended = false;
    }

    fn start(&mut self, kind: BlockKind, line: usize) {
        self.close();
        if !self.doc.text.is_empty() {
            self.doc.text.push_str("\n\n");
        }
        self.open = Some(Open {
            kind,
            start: self.doc.text.len(),
            line,
            lines: 0,
            emphasis: false,
        });
    }

    fn line(&mut self, raw: &str, n: usize, next: Option<&str>) {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            self.close();
            return;
        }
        // Setext heading: this line underlined by the next.
        let underlined = next.is_some_and(|l| {
            let l = l.trim();
            l.len() >= 3 && (l.chars().all(|c| c == '=') || l.chars().all(|c| c == '-'))
        });
        if is_rule(trimmed) {
            self.close();
            return;
        }
        let mut body = trimmed;
        while let Some(rest) = body.strip_prefix('>') {
            body = rest.trim_start();
        }
        if body.is_empty() {
            self.close();
            return;
        }
        let hashes = body.bytes().take_while(|b| *b == b'#').count();
        if (1..=6).contains(&hashes) && body.get(hashes..).is_some_and(|r| r.starts_with(' ')) {
            let text = body
                .get(hashes..)
                .unwrap_or("")
                .trim()
                .trim_end_matches('#')
                .trim();
            self.start(BlockKind::Heading, n);
            self.push_inline(text);
            self.close();
            return;
        }
        if underlined && self.open.is_none() {
            self.start(BlockKind::Heading, n);
            self.push_inline(body);
            self.close();
            return;
        }
        if let Some(len) = bullet_len(body) {
            self.start(BlockKind::Item, n);
            self.push_inline(body.get(len..).unwrap_or("").trim_start());
            return;
        }
        let joins = match &self.open {
            Some(open) => {
                !self.one_per_line
                    && !self.last_line_ended
                    && (open.kind == BlockKind::Paragraph || raw.starts_with([' ', '\t']))
                    && open.kind != BlockKind::Heading
            }
            None => false,
        };
        if joins {
            self.doc.text.push('\n');
        } else {
            self.start(BlockKind::Paragraph, n);
        }
        self.push_inline(body);
        self.last_line_ended = !self.one_per_line
            && body.len() < self.short_line
            && body.ends_with(['.', '!', '?', ':', '»', '”', '"']);
    }

    /// Appends one line of Markdown as plain text.
    fn push_inline(&mut self, line: &str) {
        let Some(open) = self.open.as_mut() else {
            return;
        };
        open.lines += 1;
        let emphasis = (line.len() > 2
            && ((line.starts_with('*') && line.ends_with('*'))
                || (line.starts_with('_') && line.ends_with('_'))))
            && !line.starts_with("**")
            || (line.starts_with("**") && line.ends_with("**") && line.len() > 4);
        if open.lines == 1 {
            open.emphasis = emphasis;
        } else if !emphasis {
            open.emphasis = false;
        }
        let block = self.doc.blocks.len();
        let out = &mut self.doc.text;
        let bytes = line.as_bytes();
        // Positions found by forward searches only move forward, so a line full of '['
        // stays linear.
        let mut next_close_bracket: Option<usize> = None;
        let mut i = 0;
        while i < line.len() {
            // Copy plain text up to the next byte that may be markup, in one go.
            let rest = bytes.get(i..).unwrap_or(&[]);
            let plain = [
                memchr::memchr3(b'*', b'_', b'[', rest),
                memchr::memchr3(b'\\', b'`', b'<', rest),
                memchr::memchr(b'!', rest),
            ]
            .into_iter()
            .flatten()
            .min()
            .map_or(line.len(), |p| i + p);
            if plain > i {
                out.push_str(line.get(i..plain).unwrap_or(""));
                i = plain;
                continue;
            }
            let Some(c) = line.get(i..).and_then(|s| s.chars().next()) else {
                break;
            };
            match c {
                '\\' if bytes.get(i + 1).is_some_and(u8::is_ascii_punctuation) => {
                    if let Some(&p) = bytes.get(i + 1) {
                        out.push(char::from(p));
                    }
                    i += 2;
                    continue;
                }
                '*' | '`' => {
                    i += 1;
                    continue;
                }
                '_' => {
                    let prev_word = line
                        .get(..i)
                        .and_then(|s| s.chars().next_back())
                        .is_some_and(char::is_alphanumeric);
                    let next_word = line
                        .get(i + 1..)
                        .and_then(|s| s.chars().next())
                        .is_some_and(char::is_alphanumeric);
                    if !(prev_word && next_word) {
                        i += 1;
                        continue;
                    }
                }
                '!' if bytes.get(i + 1) == Some(&b'[') => {
                    i += 1;
                    continue;
                }
                '[' => {
                    if next_close_bracket.is_none_or(|p| p < i) {
                        next_close_bracket = line.get(i..).and_then(|s| s.find(']')).map(|p| p + i);
                    }
                    if let Some(close) = next_close_bracket
                        && let Some(link) = md_link(line, i, close)
                    {
                        let title = line.get(i + 1..close).unwrap_or("").replace(['*', '`'], "");
                        let start = out.len();
                        out.push_str(&title);
                        self.doc.links.push(MdLink {
                            block,
                            title: start..out.len(),
                            url: link.1,
                        });
                        i = link.0;
                        continue;
                    }
                }
                '<' => {
                    // An autolink: <https://...>.
                    let rest = line.get(i + 1..).unwrap_or("");
                    if (rest.starts_with("http://") || rest.starts_with("https://"))
                        && let Some(end) = rest
                            .get(..rest.len().min(MAX_URL))
                            .and_then(|r| r.find('>'))
                    {
                        out.push_str(rest.get(..end).unwrap_or(""));
                        i += end + 2;
                        continue;
                    }
                }
                _ => {}
            }
            out.push(c);
            i += c.len_utf8();
        }
    }
}

/// `[title](url)` starting at `open` with its `]` at `close`: the end of the link and the URL.
fn md_link(line: &str, open: usize, close: usize) -> Option<(usize, String)> {
    let title = line.get(open + 1..close)?;
    if title.contains('[') {
        return None;
    }
    let rest = line.get(close + 1..)?;
    let rest = rest.strip_prefix('(')?;
    let window = rest.get(..rest.len().min(MAX_URL)).unwrap_or(rest);
    let end = window.find(')')?;
    let inside = window.get(..end)?.trim();
    // Markdown allows a title after the URL: [t](url "title").
    let url = inside.split_whitespace().next().unwrap_or("");
    if url.is_empty() {
        return None;
    }
    Some((
        close + 2 + end + 1,
        url.trim_matches(['<', '>']).to_string(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(doc: &Doc) -> Vec<(BlockKind, &str)> {
        (0..doc.blocks.len())
            .map(|i| (doc.blocks[i].kind, doc.block_text(i)))
            .collect()
    }

    #[test]
    fn markdown_headings_items_and_links_become_blocks() {
        let doc = parse_blocks(
            "# Title *here*\n\nSome **bold** text\nwrapped.\n\n- one\n- [two](https://x.org/a)\n",
        );
        assert_eq!(
            texts(&doc),
            [
                (BlockKind::Heading, "Title here"),
                (BlockKind::Paragraph, "Some bold text\nwrapped."),
                (BlockKind::Item, "one"),
                (BlockKind::Item, "two"),
            ]
        );
        assert_eq!(doc.links.len(), 1);
        assert_eq!(doc.links[0].url, "https://x.org/a");
        assert_eq!(&doc.text[doc.links[0].title.clone()], "two");
        assert_eq!(doc.links[0].block, 3);
    }

    #[test]
    fn long_lines_are_paragraphs_even_without_blank_lines() {
        let long = "x ".repeat(150);
        let doc = parse_blocks(&format!("Title\n{long}\n{long}\n"));
        assert_eq!(doc.blocks.len(), 3);
    }

    #[test]
    fn short_line_ending_a_sentence_ends_a_wrapped_paragraph() {
        let doc = parse_blocks(
            "A first paragraph that is wrapped at some width\nand ends here.\nThe second one is wrapped too\nand ends.",
        );
        assert_eq!(doc.blocks.len(), 2);
    }

    #[test]
    fn setext_heading_and_emphasis_are_seen() {
        let doc = parse_blocks("Title\n=====\n\n*A standfirst.*\n\nBody.");
        assert_eq!(doc.blocks[0].kind, BlockKind::Heading);
        assert!(doc.blocks[1].emphasis);
        assert_eq!(doc.block_text(1), "A standfirst.");
    }

    #[test]
    fn brackets_without_links_stay_text() {
        let doc = parse_blocks("[a] [b](no close and [c]");
        assert_eq!(doc.block_text(0), "[a] [b](no close and [c]");
    }
}
