//! Source -> blocks: a release cut into headings, paragraphs, list items and quote blocks, with
//! Markdown markup removed and the URLs of Markdown links kept aside. This is the interface
//! every source format feeds (text and Markdown here; saved pages and PDFs later).
//!
//! Plain text comes in two shapes: one paragraph per line (text copied from a web page, like
//! the seed), or paragraphs hard-wrapped at some width and separated by blank lines. When at
//! least a quarter of the lines are long, every line is a paragraph; otherwise lines are joined
//! until a blank line, a heading, a list item, or a short line that ends a sentence.
//! No I/O here.

use std::ops::Range;

use super::words::{has_words, slice};

/// What a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BlockKind {
    /// A heading (`#`, or underlined with `===`/`---`).
    Heading,
    /// A paragraph of prose.
    Paragraph,
    /// One item of a bulleted or numbered list.
    Item,
    /// A quotation block (`>`).
    Quote,
}

/// A block: a range of [`Doc::text`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Block {
    /// What it is.
    pub kind: BlockKind,
    /// Where its text is in [`Doc::text`]; lines of one block are joined with `\n`.
    pub range: Range<usize>,
    /// The 1-based line of the release it starts on.
    pub line: usize,
    /// The whole block was in `*emphasis*` (a standfirst, often).
    pub emphasis: bool,
}

/// A link: its text is in a block, its target is here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DocLink {
    /// The block it is in.
    pub block: usize,
    /// The link text, in [`Doc::text`].
    pub title: Range<usize>,
    /// The target as written.
    pub url: String,
}

/// The release as blocks of clean text.
#[derive(Debug, Default)]
pub(crate) struct Doc {
    /// The text of every block, one after the other, separated by blank lines.
    pub text: String,
    /// The blocks, in order.
    pub blocks: Vec<Block>,
    /// The links.
    pub links: Vec<DocLink>,
}

impl Doc {
    /// The text of block `i`.
    pub fn block_text(&self, i: usize) -> Option<&str> {
        let block = self.blocks.get(i)?;
        self.text.get(block.range.clone())
    }

    /// The kind of block `i`.
    pub fn kind(&self, i: usize) -> Option<BlockKind> {
        self.blocks.get(i).map(|b| b.kind)
    }
}

/// A line is long (a whole paragraph on one line) past this many bytes.
const LONG_LINE: usize = 200;
/// Link targets longer than this are not taken as links.
const MAX_URL: usize = 2048;

/// Cuts a release into blocks.
pub(crate) fn parse_blocks(text: &str) -> Doc {
    let (mut nonblank, mut long, mut widest) = (0usize, 0usize, 0usize);
    for line in text.split('\n') {
        let len = line.trim().len();
        if len > 0 {
            nonblank += 1;
            widest = widest.max(len);
            long += usize::from(len > LONG_LINE);
        }
    }
    let mut doc = Doc::default();
    // The text without its markup is at most as long: one allocation, no doubling.
    doc.text.reserve(text.len());
    let mut builder = Builder {
        doc,
        open: None,
        one_per_line: long > 0 && long * 4 >= nonblank,
        short_line: widest * 6 / 10,
        last_line_ended: false,
        attribution_lines: 0,
        continues: false,
    };
    let lines: Vec<&str> = text.split('\n').collect();
    let continued = continued_lines(&lines);
    for (n, raw) in lines.iter().enumerate() {
        let next = lines.get(n + 1).copied();
        builder.continues = continued.get(n).copied().unwrap_or(false);
        builder.line(raw, n + 1, next);
    }
    builder.close();
    builder.doc
}

/// Which lines go on with the sentence the lines before them left open: a page saved as
/// text breaks a line where a link or a bold name began ("San Diego County District
/// Attorney" / "Jane Roe" / "today announced …"). A line that starts in lowercase continues
/// the short lines just above it that end no sentence; those lines continue each other.
fn continued_lines(lines: &[&str]) -> Vec<bool> {
    let mut continued = vec![false; lines.len()];
    for (n, line) in lines.iter().enumerate() {
        let line = line.trim();
        let lowercase = line.chars().next().is_some_and(char::is_lowercase);
        if !lowercase || line.contains(['@', '/']) || bullet_len(line).is_some() {
            continue;
        }
        let open = (n.saturating_sub(ATTRIBUTION_LINES)..n)
            .rev()
            .take_while(|&k| {
                lines.get(k).is_some_and(|above| {
                    let above = above.trim();
                    !above.is_empty()
                        && !ends_sentence(above)
                        && !has_words(above, ATTRIBUTION_PART_WORDS + 1)
                        && bullet_len(above).is_none()
                        && atx_heading(above).is_none()
                        && !is_rule(above)
                })
            })
            .last();
        if let Some(first) = open {
            for flag in continued.get_mut(first + 1..=n).into_iter().flatten() {
                *flag = true;
            }
        }
    }
    continued
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
    /// How many more lines may join as the attribution of a quote that the paragraph left
    /// open ("…economic issue,”" / "Cook County" / "State's Attorney Jane Roe said."): a page
    /// saved as text breaks a line where a link or a tag began.
    attribution_lines: usize,
    /// The line being read goes on with the sentence of the line before it (see
    /// [`continued_lines`]).
    continues: bool,
}

/// The most lines a quote's attribution runs to after the quote's line.
const ATTRIBUTION_LINES: usize = 3;
/// The most words of a line of an attribution that does not end it ("Cook County").
const ATTRIBUTION_PART_WORDS: usize = 8;

/// Whether a line ends a quote and its sentence goes on: "…issue,”" or "… données »,".
fn leaves_attribution_open(line: &str) -> bool {
    let closing = |c: char| matches!(c, '”' | '"' | '»' | '’');
    let line = line.trim_end();
    let before_comma = line.strip_suffix(',').map(str::trim_end);
    let before_quote = line.strip_suffix(closing).map(str::trim_end);
    before_comma.is_some_and(|rest| rest.ends_with(closing))
        || before_quote.is_some_and(|rest| rest.ends_with(','))
}

/// Whether a line ends its sentence.
fn ends_sentence(line: &str) -> bool {
    line.trim_end()
        .trim_end_matches(['”', '"', '»', '’', ')'])
        .ends_with(['.', '!', '?', ':', '…'])
}

/// Whether `text` ends with a hyphen right after a letter: a word cut at the end of its line.
fn hyphen_ends_word(text: &str) -> bool {
    let mut back = text.chars().rev();
    back.next() == Some('-') && back.next().is_some_and(char::is_alphabetic)
}

/// The length of a list marker at the start of `line` ("- ", "• ", "12. ").
fn bullet_len(line: &str) -> Option<usize> {
    for marker in [
        "- ", "* ", "+ ", "• ", "· ", "– ", "— ", "▪ ", "◦ ", "► ", "→ ",
    ] {
        if line.starts_with(marker) {
            return Some(marker.len());
        }
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let rest = line.get(digits..)?;
    ((1..=3).contains(&digits) && (rest.starts_with(". ") || rest.starts_with(") ")))
        .then_some(digits + 2)
}

/// A thematic break: `---`, `***`, `___`, `===`.
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
            let kept = slice(&self.doc.text, open.start..self.doc.text.len());
            let end = open.start + kept.trim_end().len();
            let empty = kept.trim().is_empty();
            self.doc.text.truncate(end);
            if empty {
                let count = self.doc.blocks.len();
                self.doc.links.retain(|l| l.block < count);
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
        if trimmed.is_empty() || is_rule(trimmed) {
            self.close();
            return;
        }
        let mut body = trimmed;
        let mut quoted = false;
        while let Some(rest) = body.strip_prefix('>') {
            body = rest.trim_start();
            quoted = true;
        }
        if body.is_empty() {
            self.close();
            return;
        }
        if let Some(text) = atx_heading(body) {
            self.start(BlockKind::Heading, n);
            self.push_inline(text);
            self.close();
            return;
        }
        let underlined = next.is_some_and(|line| {
            let line = line.trim();
            line.len() >= 3 && (line.bytes().all(|b| b == b'=') || line.bytes().all(|b| b == b'-'))
        });
        if underlined && self.open.is_none() {
            self.start(BlockKind::Heading, n);
            self.push_inline(body);
            self.close();
            return;
        }
        if let Some(len) = bullet_len(body) {
            self.start(BlockKind::Item, n);
            self.push_inline(body.get(len..).unwrap_or(body).trim_start());
            return;
        }
        let kind = if quoted {
            BlockKind::Quote
        } else {
            BlockKind::Paragraph
        };
        let attribution = self.attribution_lines > 0 && kind == BlockKind::Paragraph;
        let joins = self.open.as_ref().is_some_and(|open| {
            let wrapped = !self.one_per_line
                && !self.last_line_ended
                && open.kind != BlockKind::Heading
                && (open.kind == kind || raw.starts_with([' ', '\t']));
            let paragraph = open.kind == BlockKind::Paragraph && kind == BlockKind::Paragraph;
            wrapped || (attribution || self.continues) && paragraph
        });
        // A word cut after its hyphen at the end of a line goes on at the next one's start:
        // "Anti-" / "Trafficking Task Force" is "Anti-Trafficking". The line's break moves to
        // the first space after the word, so lines are still counted right.
        let glued = joins
            && hyphen_ends_word(&self.doc.text)
            && body.starts_with(char::is_alphabetic)
            && body.contains(' ');
        if joins && !glued {
            self.doc.text.push('\n');
        } else if !joins {
            self.start(kind, n);
        }
        let from = self.doc.text.len();
        self.push_inline(body);
        if glued && let Some(space) = self.doc.text.get(from..).and_then(|s| s.find(' ')) {
            self.doc
                .text
                .replace_range(from + space..from + space + 1, "\n");
        }
        // A short line ends its paragraph: wrapped prose fills its lines, and lines of a
        // header ("Royal Canadian Mounted Police" / "Home > News") are short.
        self.last_line_ended = !self.one_per_line && body.len() < self.short_line;
        self.attribution_lines = if leaves_attribution_open(body) {
            ATTRIBUTION_LINES
        } else if joins
            && attribution
            && !ends_sentence(body)
            && !has_words(body, ATTRIBUTION_PART_WORDS + 1)
        {
            self.attribution_lines - 1
        } else {
            0
        };
        if self.attribution_lines > 0 {
            self.last_line_ended = false;
        }
    }

    /// Appends one line of Markdown as plain text.
    fn push_inline(&mut self, line: &str) {
        let Some(open) = self.open.as_mut() else {
            return;
        };
        open.lines += 1;
        let emphasis = is_emphasised(line);
        open.emphasis = if open.lines == 1 {
            emphasis
        } else {
            open.emphasis && emphasis
        };
        let block = self.doc.blocks.len();
        let bytes = line.as_bytes();
        // Found by forward searches only, so a line full of '[' stays linear.
        let mut next_close_bracket: Option<usize> = None;
        let mut at = 0;
        while at < line.len() {
            // Copy plain text up to the next byte that may be markup, in one go.
            let rest = bytes.get(at..).unwrap_or_default();
            let plain = [
                memchr::memchr3(b'*', b'_', b'[', rest),
                memchr::memchr3(b'\\', b'`', b'<', rest),
                memchr::memchr(b'!', rest),
            ]
            .into_iter()
            .flatten()
            .min()
            .map_or(line.len(), |p| at + p);
            if plain > at {
                self.doc.text.push_str(slice(line, at..plain));
                at = plain;
                continue;
            }
            let Some(c) = line.get(at..).and_then(|s| s.chars().next()) else {
                break;
            };
            if let Some(skip) = self.markup(line, at, c, block, &mut next_close_bracket) {
                at = skip;
                continue;
            }
            self.doc.text.push(c);
            at += c.len_utf8();
        }
    }

    /// Handles the markup character `c` at byte `at` of `line`: where to go on from, when it
    /// was markup.
    fn markup(
        &mut self,
        line: &str,
        at: usize,
        c: char,
        block: usize,
        next_close_bracket: &mut Option<usize>,
    ) -> Option<usize> {
        let bytes = line.as_bytes();
        match c {
            '\\' => {
                let escaped = bytes.get(at + 1).filter(|b| b.is_ascii_punctuation())?;
                self.doc.text.push(char::from(*escaped));
                Some(at + 2)
            }
            '*' | '`' => Some(at + 1),
            '_' => {
                let prev_word = line
                    .get(..at)
                    .and_then(|s| s.chars().next_back())
                    .is_some_and(char::is_alphanumeric);
                let next_word = line
                    .get(at + 1..)
                    .and_then(|s| s.chars().next())
                    .is_some_and(char::is_alphanumeric);
                (!(prev_word && next_word)).then_some(at + 1)
            }
            '!' if bytes.get(at + 1) == Some(&b'[') => Some(at + 1),
            '[' => {
                if next_close_bracket.is_none_or(|p| p < at) {
                    *next_close_bracket = line.get(at..).and_then(|s| s.find(']')).map(|p| p + at);
                }
                let close = (*next_close_bracket)?;
                let (end, url) = md_link(line, at, close)?;
                let title = slice(line, at + 1..close).replace(['*', '`'], "");
                let start = self.doc.text.len();
                self.doc.text.push_str(&title);
                self.doc.links.push(DocLink {
                    block,
                    title: start..self.doc.text.len(),
                    url,
                });
                Some(end)
            }
            '<' => {
                // An autolink: <https://...>.
                let rest = line.get(at + 1..)?;
                let end = rest
                    .get(..rest.len().min(MAX_URL))
                    .and_then(|r| r.find('>'))?;
                let url = slice(rest, 0..end);
                if !super::links::is_web_address(url) {
                    return None;
                }
                self.doc.text.push_str(url);
                Some(at + end + 2)
            }
            _ => None,
        }
    }
}

/// The text of an ATX heading (`## Title ##`).
fn atx_heading(line: &str) -> Option<&str> {
    let hashes = line.bytes().take_while(|b| *b == b'#').count();
    let rest = line.get(hashes..)?;
    ((1..=6).contains(&hashes) && rest.starts_with(' '))
        .then(|| rest.trim().trim_end_matches('#').trim())
}

/// A line wholly in `*emphasis*`, `_emphasis_` or `**strong**`.
fn is_emphasised(line: &str) -> bool {
    let single = line.len() > 2
        && ((line.starts_with('*') && line.ends_with('*'))
            || (line.starts_with('_') && line.ends_with('_')))
        && !line.starts_with("**");
    let strong = line.len() > 4 && line.starts_with("**") && line.ends_with("**");
    single || strong
}

/// `[title](url)` starting at `open` with its `]` at `close`: the end of the link and the URL.
fn md_link(line: &str, open: usize, close: usize) -> Option<(usize, String)> {
    let title = line.get(open + 1..close)?;
    if title.contains('[') {
        return None;
    }
    let rest = line.get(close + 1..)?.strip_prefix('(')?;
    let window = rest.get(..rest.len().min(MAX_URL)).unwrap_or(rest);
    let end = window.find(')')?;
    // Markdown allows a title after the URL: [t](url "title").
    let url = window.get(..end)?.split_whitespace().next()?;
    Some((
        close + 2 + end + 1,
        url.trim_matches(['<', '>']).to_string(),
    ))
}

#[cfg(test)]
#[allow(
    clippy::indexing_slicing,
    reason = "a test fails loudly on a wrong length"
)]
mod tests {
    use super::*;

    fn texts(doc: &Doc) -> Vec<(BlockKind, &str)> {
        (0..doc.blocks.len())
            .map(|i| (doc.blocks[i].kind, doc.block_text(i).unwrap()))
            .collect()
    }

    #[test]
    fn markdown_headings_items_quotes_and_links_become_blocks() {
        let doc = parse_blocks(
            "# Title *here*\n\nSome **bold** text\nwrapped.\n\n- one\n- [two](https://x.org/a)\n\n> A quoted line.\n",
        );
        assert_eq!(
            texts(&doc),
            [
                (BlockKind::Heading, "Title here"),
                (BlockKind::Paragraph, "Some bold text\nwrapped."),
                (BlockKind::Item, "one"),
                (BlockKind::Item, "two"),
                (BlockKind::Quote, "A quoted line."),
            ]
        );
        assert_eq!(doc.links.len(), 1);
        assert_eq!(doc.links[0].url, "https://x.org/a");
        assert_eq!(&doc.text[doc.links[0].title.clone()], "two");
        assert_eq!(doc.links[0].block, 3);
    }

    #[test]
    fn long_lines_are_paragraphs_even_without_blank_lines() {
        // Paragraphs start with a capital: a line in lowercase goes on with the one above.
        let long = format!("X {}", "x ".repeat(149));
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
    fn a_sentence_broken_where_a_name_was_set_apart_is_one_paragraph() {
        let long = format!("Word {}", "word ".repeat(49));
        let text = format!(
            "Title\n{long}.\nCounty District Attorney\nJane Roe\ntoday announced a verdict.\nLinks\nmail@example.org\n{long}.\n"
        );
        let doc = parse_blocks(&text);
        let got = texts(&doc);
        assert_eq!(
            got.get(2).map(|(_, text)| *text),
            Some("County District Attorney\nJane Roe\ntoday announced a verdict."),
            "{got:?}"
        );
        // An address for mail in lowercase goes on with nothing.
        assert_eq!(got.len(), 6, "{got:?}");
        // A line that ends a sentence is no part of the next one's.
        let doc = parse_blocks(&format!("Title\n{long}.\nHe left.\nthen came back.\n"));
        assert_eq!(texts(&doc).len(), 4);
    }

    #[test]
    fn a_quote_s_attribution_broken_over_lines_joins_its_paragraph() {
        let long = format!("Word {}", "word ".repeat(49));
        let text = format!(
            "Title\n“{long}economic issue,”\nCook County\nState’s Attorney Jane Roe said.\nNext line.\n{long}\n"
        );
        let doc = parse_blocks(&text);
        let got = texts(&doc);
        assert_eq!(got.len(), 4, "{got:?}");
        assert!(
            got[1]
                .1
                .ends_with("issue,”\nCook County\nState’s Attorney Jane Roe said."),
            "{got:?}"
        );
        // French: the comma after the closing guillemet.
        let doc = parse_blocks(&format!(
            "Titre\n« {long}données »,\na-t-elle déclaré.\n{long}\n"
        ));
        assert_eq!(texts(&doc).len(), 3, "{:?}", texts(&doc));
        // A quote that ends its sentence leaves nothing open.
        let doc = parse_blocks(&format!("Title\n“{long}issue.”\nCook County\n{long}\n"));
        assert_eq!(texts(&doc).len(), 4, "{:?}", texts(&doc));
    }

    #[test]
    fn a_word_cut_after_its_hyphen_goes_on_at_the_next_line() {
        let text = "Title\n\nThe unit works with the North Texas Anti-\nTrafficking Task Force and with\nother partners - every day.\n";
        let doc = parse_blocks(text);
        let got = texts(&doc);
        assert_eq!(
            got[1].1,
            "The unit works with the North Texas Anti-Trafficking\nTask Force and with\nother partners - every day.",
            "{got:?}"
        );
    }

    #[test]
    fn setext_heading_and_emphasis_are_seen() {
        let doc = parse_blocks("Title\n=====\n\n*A standfirst.*\n\nBody.");
        assert_eq!(doc.blocks[0].kind, BlockKind::Heading);
        assert!(doc.blocks[1].emphasis);
        assert_eq!(doc.block_text(1), Some("A standfirst."));
    }

    #[test]
    fn brackets_without_links_stay_text() {
        let doc = parse_blocks("[a] [b](no close and [c]");
        assert_eq!(doc.block_text(0), Some("[a] [b](no close and [c]"));
    }
}
