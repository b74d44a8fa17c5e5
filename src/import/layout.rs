//! The body of a release: the paragraphs after the lead, without headings, the further-reading
//! sections (kept aside as link blocks) and what follows an "About" heading or an end mark.
//! No I/O here.

use std::ops::Range;

use super::blocks::{BlockKind, Doc};
use super::text::collapse_ws;
use super::{front, lexicon, links};

/// The body of the release, gathered from its blocks.
pub(super) struct Layout {
    /// The body paragraphs, separated by blank lines.
    pub body: String,
    /// Each paragraph's range in `body`.
    pub paras: Vec<Range<usize>>,
    /// Each paragraph's kind.
    pub kinds: Vec<BlockKind>,
    /// Each paragraph's first line in the release.
    pub lines: Vec<usize>,
    /// Blocks of the further-reading sections.
    pub link_blocks: Vec<usize>,
    /// Names of "About X" / "À propos de X" headings: the release's own organisations.
    pub about: Vec<String>,
}

impl Layout {
    /// The release line of a byte offset of the body.
    pub(super) fn line_of(&self, at: usize) -> usize {
        let p = self
            .paras
            .partition_point(|r| r.end < at)
            .min(self.paras.len().saturating_sub(1));
        let start = self.paras.get(p).map_or(0, |r| r.start);
        let within = self
            .body
            .get(start..at.max(start))
            .map_or(0, |s| s.matches('\n').count());
        self.lines.get(p).copied().unwrap_or(1) + within
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Section {
    Body,
    Links,
    End,
}

pub(super) fn is_end_marker(text: &str) -> bool {
    if text.len() > 16 {
        return false;
    }
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let lower = t.to_lowercase();
    (!t.is_empty() && t.chars().all(|c| c == '#'))
        || [
            "-30-",
            "30",
            "-ends-",
            "ends",
            "-fin-",
            "–fin–",
            "fin",
            "end",
            "-end-",
        ]
        .contains(&lower.as_str())
}

/// The organisation an end heading is about: "About Northwind Bank" -> "Northwind Bank",
/// "À propos de l'Unicef" -> "Unicef"; nothing for "Notes to editors".
fn about_name(heading: &str, vocab: &lexicon::Vocab) -> Option<String> {
    let text = collapse_ws(heading);
    let text = text.trim_matches(|c: char| c == '#' || c == ':' || c.is_whitespace());
    let lower = text.to_lowercase();
    let phrase = vocab
        .lex
        .end_headings
        .iter()
        .filter(|p| lower.starts_with(*p))
        .max_by_key(|p| p.len())?;
    let at = text
        .char_indices()
        .nth(phrase.chars().count())
        .map_or(text.len(), |(i, _)| i);
    let mut rest = text.get(at..).unwrap_or("").trim_start();
    for det in [
        "de la ", "de l'", "de l’", "l'", "l’", "la ", "le ", "les ", "d'", "d’", "de ", "du ",
        "des ", "the ",
    ] {
        if rest.len() > det.len()
            && rest
                .get(..det.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(det))
        {
            rest = rest.get(det.len()..).unwrap_or(rest).trim_start();
            break;
        }
    }
    let words = rest.split_whitespace().count();
    let named = rest.starts_with(char::is_uppercase)
        && (1..=5).contains(&words)
        && !rest.contains(['.', ',', ';', '?', '!', '(']);
    named.then(|| rest.to_string())
}

pub(super) fn layout(doc: &Doc, front: &front::Front, vocab: &lexicon::Vocab) -> Layout {
    let mut l = Layout {
        body: String::new(),
        paras: Vec::new(),
        kinds: Vec::new(),
        lines: Vec::new(),
        link_blocks: Vec::new(),
        about: Vec::new(),
    };
    let Some((lead, offset)) = front.lead else {
        return l;
    };
    let mut section = Section::Body;
    for b in lead..doc.blocks.len() {
        let Some(block) = doc.blocks.get(b) else {
            break;
        };
        let mut text = doc.block_text(b);
        if b == lead {
            text = text.get(offset..).unwrap_or("");
        } else if front::heading_matches(doc, b, vocab.lex.more_info_headings)
            || front::first_line_matches(doc, b, vocab.lex.more_info_headings)
        {
            section = Section::Links;
            // "For more information, see https://...": the heading line may hold a link.
            if text.contains("://")
                || text.contains("www.")
                || text.contains('@')
                || text.contains('\n')
            {
                l.link_blocks.push(b);
            }
            continue;
        } else if is_end_marker(text) || front::heading_matches(doc, b, vocab.lex.end_headings) {
            section = Section::End;
            l.about.extend(about_name(text, vocab));
            continue;
        } else if block.kind == BlockKind::Heading {
            section = Section::Body;
            continue;
        }
        match section {
            Section::Links if links::is_link_block(doc, b) => {
                l.link_blocks.push(b);
                continue;
            }
            Section::Links => section = Section::Body,
            Section::End => continue,
            Section::Body => {}
        }
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        if !l.body.is_empty() {
            l.body.push_str("\n\n");
        }
        let start = l.body.len();
        l.body.push_str(text);
        l.paras.push(start..l.body.len());
        l.kinds.push(block.kind);
        l.lines.push(block.line);
    }
    l
}
