//! Direct quotes: where they are (« », “ ”, „ “, ‘ ’, " ", ‹ ›), and their words.
//!
//! The scan is one forward pass with a small state machine. A quote may run across up to
//! [`MAX_QUOTE_PARAGRAPHS`] paragraphs (each new paragraph may reopen it, as English typography
//! does, or none does, as French does) and [`MAX_QUOTE_BYTES`] bytes. An opening mark with no
//! closing mark within those limits, or followed by another opening mark of its kind before its
//! close, is left as text, with a warning; the scan then resumes just after it, so the work
//! stays linear. Who says a quote is the speech rules' business (`rules/speech.rs`).
//! No I/O here.

use std::ops::Range;

use super::words::{ceil_boundary, collapse_ws, slice};

/// The longest quote, in bytes of the release.
pub(crate) const MAX_QUOTE_BYTES: usize = 8 * 1024;
/// The most paragraphs one quote may span.
pub(crate) const MAX_QUOTE_PARAGRAPHS: usize = 5;

/// A kind of quotation mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Guillemets,
    Curly,
    Low,
    Single,
    Straight,
    Angle,
}

impl Family {
    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// What a character at a position can do.
#[derive(Debug, Clone, Copy)]
struct Mark {
    len: usize,
    opens: Option<Family>,
    closes: u8,
    glyph: char,
}

fn mark_at(body: &str, at: usize) -> Option<Mark> {
    let c = body.get(at..)?.chars().next()?;
    let prev = body.get(..at).and_then(|s| s.chars().next_back());
    let next = body.get(at + c.len_utf8()..).and_then(|s| s.chars().next());
    let mark = |opens: Option<Family>, closes: u8| Mark {
        len: c.len_utf8(),
        opens,
        closes,
        glyph: c,
    };
    Some(match c {
        '«' => mark(Some(Family::Guillemets), 0),
        '»' => mark(None, Family::Guillemets.bit()),
        '‹' => mark(Some(Family::Angle), 0),
        '›' => mark(None, Family::Angle.bit()),
        '“' => mark(Some(Family::Curly), Family::Low.bit()),
        '”' => mark(None, Family::Curly.bit() | Family::Low.bit()),
        '„' => mark(Some(Family::Low), 0),
        '‘' if !prev.is_some_and(char::is_alphanumeric) => mark(Some(Family::Single), 0),
        // Two closing single marks typed for a double one: “…’’.
        '’' if next == Some('’') && prev.is_some_and(|p| !p.is_whitespace()) => Mark {
            len: 2 * c.len_utf8(),
            opens: None,
            closes: Family::Curly.bit(),
            glyph: c,
        },
        '’' if prev.is_some_and(|p| !p.is_whitespace())
            && !next.is_some_and(char::is_alphanumeric) =>
        {
            mark(None, Family::Single.bit())
        }
        '"' => {
            let open_side = prev.is_none_or(|p| p.is_whitespace() || "([{-—–/".contains(p));
            let close_side = prev.is_some_and(|p| !p.is_whitespace())
                && next.is_none_or(|n| n.is_whitespace() || !n.is_alphanumeric());
            if open_side && next.is_some_and(|n| !n.is_whitespace()) {
                mark(Some(Family::Straight), 0)
            } else if close_side {
                // A page copied by hand may close “ with a straight mark.
                mark(None, Family::Straight.bit() | Family::Curly.bit())
            } else {
                return None;
            }
        }
        _ => return None,
    })
}

/// A quote as found: byte ranges in the body, and the paragraphs it spans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    /// Where the opening mark is.
    pub open: usize,
    /// The words between the marks.
    pub inner: Range<usize>,
    /// Just after the closing mark.
    pub close_end: usize,
    /// The first and last paragraph (indexes into the paragraph list).
    pub paras: (usize, usize),
}

/// Quotation marks left open: byte offsets in the body and the mark, the first
/// [`Warnings::KEPT`] of them, and how many more there were. The module root words them.
#[derive(Debug, Default)]
pub(crate) struct Warnings {
    /// The first marks left open, as (byte offset, mark).
    pub list: Vec<(usize, char)>,
    /// How many more were not kept.
    pub more: usize,
}

impl Warnings {
    /// Warnings kept; a release full of stray marks must not fill memory.
    pub const KEPT: usize = 64;

    /// Notes a mark left open at byte `at`.
    pub fn push(&mut self, at: usize, mark: char) {
        if self.list.len() < Warnings::KEPT {
            self.list.push((at, mark));
        } else {
            self.more += 1;
        }
    }
}

/// An opening mark waiting for its close.
#[derive(Debug, Clone, Copy)]
struct Opened {
    family: Family,
    at: usize,
    len: usize,
    para: usize,
    glyph: char,
}

/// The scanner's state.
struct Scan<'a> {
    body: &'a str,
    paras: &'a [Range<usize>],
    out: Vec<Found>,
    pos: usize,
    para: usize,
    inside: Option<Opened>,
    /// The last paragraph the open quote reached.
    seen_para: usize,
    /// Whether the open quote reopens at each new paragraph (English style).
    reopens: Option<bool>,
}

/// Finds every quote of `body`, whose paragraphs are `paras` (in order, not overlapping).
pub(crate) fn scan(body: &str, paras: &[Range<usize>], warnings: &mut Warnings) -> Vec<Found> {
    let mut scan = Scan {
        body,
        paras,
        out: Vec::new(),
        pos: 0,
        para: 0,
        inside: None,
        seen_para: 0,
        reopens: None,
    };
    while scan.step(warnings) {}
    scan.out
}

impl Scan<'_> {
    /// Gives up the open quote: its mark stays text, and the scan goes on after it.
    fn give_up(&mut self, open: Opened, warnings: &mut Warnings) {
        // Lone single marks are mostly apostrophes; not worth a warning.
        if open.family != Family::Single {
            warnings.push(open.at, open.glyph);
        }
        self.inside = None;
        self.pos = open.at + open.len;
        self.para = open.para;
    }

    /// True when crossing into new paragraphs broke the open quote's style.
    fn crossed_mixed(&mut self, family: Family) -> bool {
        while self.seen_para < self.para {
            self.seen_para += 1;
            let reopens = self.paras.get(self.seen_para).is_some_and(|p| {
                let lead = slice(self.body, p.clone());
                let at = p.start + (lead.len() - lead.trim_start().len());
                mark_at(self.body, at).is_some_and(|m| m.opens == Some(family))
            });
            if self.reopens.is_some_and(|style| style != reopens) {
                return true;
            }
            self.reopens = Some(reopens);
        }
        false
    }

    /// One step of the scan; false when done.
    fn step(&mut self, warnings: &mut Warnings) -> bool {
        if self.pos >= self.body.len() {
            // A mark still open at the end: what followed it may hold quotes of its own.
            return match self.inside {
                Some(open) => {
                    self.give_up(open, warnings);
                    true
                }
                None => false,
            };
        }
        while self.paras.get(self.para).is_some_and(|p| self.pos >= p.end) {
            self.para += 1;
        }
        if let Some(open) = self.inside {
            let mixed = self.crossed_mixed(open.family);
            if mixed
                || self.pos - open.at > MAX_QUOTE_BYTES
                || self.para >= open.para + MAX_QUOTE_PARAGRAPHS
            {
                self.give_up(open, warnings);
                return true;
            }
        }
        let bytes = self.body.as_bytes();
        let byte = bytes.get(self.pos).copied();
        // Every mark starts with one of these bytes; jump to the next one (no further than
        // where an open quote would be too long, so that limit is seen in time).
        if !matches!(byte, Some(b'"' | 0xC2 | 0xE2)) {
            let limit = self.inside.map_or(self.body.len(), |open| {
                (open.at + MAX_QUOTE_BYTES + 1).min(self.body.len())
            });
            let window = bytes
                .get(self.pos..limit.max(self.pos + 1))
                .unwrap_or_default();
            self.pos = memchr::memchr3(b'"', 0xC2, 0xE2, window)
                .map_or(limit.max(self.pos + 1), |k| self.pos + k);
            return true;
        }
        let Some(mark) = mark_at(self.body, self.pos) else {
            self.pos = ceil_boundary(self.body, self.pos + 1);
            return true;
        };
        match self.inside {
            None => {
                if let Some(family) = mark.opens {
                    self.inside = Some(Opened {
                        family,
                        at: self.pos,
                        len: mark.len,
                        para: self.para,
                        glyph: mark.glyph,
                    });
                    self.seen_para = self.para;
                    self.reopens = None;
                }
            }
            Some(open) => {
                if mark.closes & open.family.bit() != 0 {
                    self.out.push(Found {
                        open: open.at,
                        inner: open.at + open.len..self.pos,
                        close_end: self.pos + mark.len,
                        paras: (open.para, self.para),
                    });
                    self.inside = None;
                } else if mark.opens == Some(open.family) {
                    let at_para_start = self.para > open.para
                        && self.paras.get(self.para).is_some_and(|p| {
                            self.body
                                .get(p.start..self.pos)
                                .is_some_and(|s| s.trim().is_empty())
                        });
                    if !at_para_start {
                        // Two openings in a row: the first never closed.
                        self.give_up(open, warnings);
                        return true;
                    }
                }
            }
        }
        self.pos += mark.len;
        true
    }
}

/// The words of a quote: each paragraph's part, trimmed, without the mark that reopens a
/// continued paragraph, joined by a space.
pub(crate) fn quote_text(body: &str, paras: &[Range<usize>], quote: &Found) -> String {
    let mut parts = Vec::new();
    for p in quote.paras.0..=quote.paras.1 {
        let Some(range) = paras.get(p) else { continue };
        let from = quote.inner.start.max(range.start);
        let to = quote.inner.end.min(range.end).max(from);
        let mut part = slice(body, from..to).trim();
        if p > quote.paras.0 {
            part = part
                .trim_start_matches(['«', '“', '„', '"', '‘', '‹'])
                .trim_start();
        }
        let part = collapse_ws(part);
        if !part.is_empty() {
            parts.push(part);
        }
    }
    parts
        .join(" ")
        .trim_end_matches([',', ';', ' ', '\u{a0}', '\u{202f}'])
        .trim_start_matches([' ', '\u{a0}', '\u{202f}'])
        .to_string()
}

#[cfg(test)]
#[allow(
    clippy::indexing_slicing,
    reason = "a test fails loudly on a wrong length"
)]
mod tests {
    use super::*;
    use rstest::rstest;

    fn paras_of(text: &str) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut start = 0;
        for part in text.split("\n\n") {
            out.push(start..start + part.len());
            start += part.len() + 2;
        }
        out
    }

    fn found(text: &str) -> (Vec<String>, usize) {
        let paras = paras_of(text);
        let mut warnings = Warnings::default();
        let quotes = scan(text, &paras, &mut warnings);
        (
            quotes.iter().map(|q| quote_text(text, &paras, q)).collect(),
            warnings.list.len(),
        )
    }

    #[rstest]
    #[case::guillemets("« Bonjour à tous », a-t-il dit.", &["Bonjour à tous"], 0)]
    #[case::curly("“We agree,” he said, “on all points.”", &["We agree", "on all points."], 0)]
    #[case::low("„Guten Tag“, sagte er.", &["Guten Tag"], 0)]
    #[case::single("‘It works,’ she said.", &["It works"], 0)]
    #[case::straight("\"It is done,\" he said.", &["It is done"], 0)]
    #[case::nested("« Il a dit “non” hier », a noté X.", &["Il a dit “non” hier"], 0)]
    #[case::apostrophe("l’ONUDC et l’INTERPOL", &[], 0)]
    #[case::across("“First part.\n\n“Second part,” she said.", &["First part. Second part"], 0)]
    #[case::french_across("« Début\n\nfin », dit-il.", &["Début fin"], 0)]
    #[case::unbalanced("« Jamais fermé. Puis « ouvert et fermé ».", &["ouvert et fermé"], 1)]
    #[case::unbalanced_tail("Texte « sans fin", &[], 1)]
    #[case::lone_inside("“A lone « mark,” he said.", &["A lone « mark"], 0)]
    #[case::curly_closed_straight("He said: “We will find them.\" Then he left.", &["We will find them."], 0)]
    #[case::two_singles("“We will not stand by,’’ she said.", &["We will not stand by"], 0)]
    fn quotes_are_found(#[case] text: &str, #[case] want: &[&str], #[case] warnings: usize) {
        assert_eq!(
            found(text),
            (want.iter().map(|s| s.to_string()).collect(), warnings)
        );
    }

    #[test]
    fn unclosed_quote_does_not_swallow_later_paragraphs() {
        let mut text = String::from("« Ouvert\n\n");
        for _ in 0..6 {
            text.push_str("Un paragraphe.\n\n");
        }
        text.push_str("« Vrai », dit-il.");
        let (quotes, warnings) = found(&text);
        assert_eq!(quotes, ["Vrai"]);
        assert_eq!(warnings, 1);
    }
}
