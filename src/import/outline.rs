//! Blocks -> outline: the front of a release (title, caption or standfirst, date, place,
//! publisher, lead paragraph) and its body, cut into sections: the story, background sections
//! that still tell it ("Background", "Notes to editors"), the publisher's boilerplate ("About
//! Europol"), further reading, contacts, and the page furniture of a copied web page
//! (navigation, share bars, cookie notices, "Related news"), which is dropped.
//! No I/O here.

use super::blocks::{BlockKind, Doc};
use super::lexicon::{Class, LineClass, Vocab};
use super::rules::dates::{dates_in, may_hold_date};
use super::token::{Sent, TokenBuf, shape, tokenize};
use super::words::{collapse_ws, cut_chars, fold_eq, fold_key, has_words, head, soften_caps};
use crate::model::Date;

/// Titles longer than this are cut.
pub(crate) const MAX_TITLE_CHARS: usize = 300;
/// The summary is at most this many characters.
pub(crate) const MAX_SUMMARY_CHARS: usize = 1500;
/// The front (title to lead) is looked for in this many blocks.
const FRONT_BLOCKS: usize = 12;
/// A dateline is looked for in this many bytes at the start of a block.
const DATELINE_BYTES: usize = 240;
/// A block longer than this is prose, never a label or a navigation line.
const SHORT_LINE_CHARS: usize = 160;
/// The contacts sections keep at most this many lines.
const MAX_CONTACT_LINES: usize = 64;

/// Where a body paragraph stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Section {
    /// The release's title: its threats and areas count, though the body's words, where it
    /// names them again, tell them better.
    Title,
    /// The release's story, from the lead on.
    Story,
    /// A section that still tells it: its threats and areas count.
    Background,
    /// The publisher's boilerplate: people and parties only.
    About,
}

/// A paragraph of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Para {
    /// Where its text is in [`Outline::text`] (for the lead, without its dateline).
    pub range: std::ops::Range<usize>,
    /// Its block's kind.
    pub kind: BlockKind,
    /// The release line it starts on.
    pub line: usize,
    /// Its section.
    pub section: Section,
}

/// The front and body of a release.
#[derive(Debug, Default)]
pub(crate) struct Outline {
    /// The headline.
    pub title: String,
    /// The photo caption or standfirst.
    pub caption: Option<String>,
    /// The release's date.
    pub date: Option<Date>,
    /// The dateline's place.
    pub place: Option<String>,
    /// The publisher, when a line names it.
    pub source: Option<String>,
    /// The body's paragraphs; the lead first, when there is one.
    pub paras: Vec<Para>,
    /// The text of the body's paragraphs, one after the other, separated by blank lines: one
    /// string, not one per paragraph, so the body is held once.
    pub text: String,
    /// Which of `paras` is the lead, when there is one: the first, or the one after the lines
    /// that introduce it ("La déclaration suivante a été communiquée …:").
    pub lead: Option<usize>,
    /// Blocks of further reading.
    pub link_blocks: Vec<usize>,
    /// Organisations the "About X" headings name.
    pub about: Vec<String>,
    /// The lines of a masthead above the title, in the case of prose ("The Hon Jane Roe MP",
    /// "Senator The Hon. John Doe" of "SENATOR THE HON. JOHN DOE"): the people it names are
    /// the release's.
    pub masthead: Vec<String>,
    /// The lines of the contacts sections, in order ("Alain Fontaine", "Press officer",
    /// "+32 2 281 00 00"): who speaks for the publisher.
    pub contacts: Vec<String>,
}

impl Outline {
    /// Adds a paragraph of the body: `text`, trimmed, after the others; `text` starts at
    /// byte `start` of the Doc's text. Until [`Draft::into_outline`], paragraph ranges are
    /// ranges of the Doc's text.
    fn push_para(
        &mut self,
        start: usize,
        text: &str,
        kind: BlockKind,
        line: usize,
        section: Section,
    ) {
        let start = start + (text.len() - text.trim_start().len());
        self.paras.push(Para {
            range: start..start + text.trim().len(),
            kind,
            line,
            section,
        });
    }

    /// Keeps of the body only the lead (when there is one), its text cut after it: what is
    /// read once the facts are.
    pub fn keep_only_lead(&mut self) {
        let kept = self.lead.map_or(0, |at| at + 1);
        let end = self
            .paras
            .get(kept.wrapping_sub(1))
            .map_or(0, |para| para.range.end);
        self.paras.truncate(kept);
        if self.text.is_char_boundary(end) {
            self.text.truncate(end);
            self.text.shrink_to_fit();
        }
    }

    /// Adds the lines of a contacts block, as far as [`MAX_CONTACT_LINES`] go.
    fn push_contact(&mut self, text: &str) {
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
            if self.contacts.len() >= MAX_CONTACT_LINES {
                return;
            }
            if line.chars().nth(SHORT_LINE_CHARS).is_none() {
                self.contacts.push(line.to_string());
            }
        }
    }

    /// The text of paragraph `i`.
    pub fn para_text(&self, i: usize) -> Option<&str> {
        self.text.get(self.paras.get(i)?.range.clone())
    }
}

/// An outline just read: its paragraphs are still ranges of the Doc's text, which
/// [`Draft::into_outline`] takes over, so the body is never held twice.
#[derive(Debug)]
pub(crate) struct Draft(Outline);

/// What separates two paragraphs in [`Outline::text`].
const PARA_SEPARATOR: &str = "\n\n";

impl Draft {
    /// The headline, the date and the publisher read so far: what a list shows of a release
    /// before it is structured ([`crate::import::front`]).
    pub fn front(&self) -> (&str, Option<Date>, Option<&str>) {
        (&self.0.title, self.0.date, self.0.source.as_deref())
    }

    /// Blocks of further reading.
    pub fn link_blocks(&self) -> &[usize] {
        &self.0.link_blocks
    }

    /// The outline, its body's text made from `doc_text`, the text of the Doc it was read
    /// from: the paragraphs are moved to its start, one after the other, separated by blank
    /// lines, and the rest is cut. Paragraphs come from blocks in order, each after a blank
    /// line, so each moves to where it was or before; the text is not copied.
    pub fn into_outline(self, mut doc_text: String) -> Outline {
        let Draft(mut out) = self;
        // Where each paragraph goes: never after where it is, nor into one not yet moved.
        let mut at = 0;
        let mut read = 0;
        let mut in_place = true;
        // How many bytes replacing each gap that is no blank line where it is would move.
        let mut moved = 0;
        for para in &out.paras {
            let blank = blank_before(at);
            let to = at + blank.len();
            in_place &= to <= para.range.start
                && read <= para.range.start
                && para.range.start <= para.range.end
                && para.range.end <= doc_text.len()
                && doc_text.is_char_boundary(para.range.start)
                && doc_text.is_char_boundary(para.range.end);
            if in_place && doc_text.get(read..para.range.start) != Some(blank) {
                moved += doc_text.len() - para.range.start;
            }
            at = to + para.range.len();
            read = para.range.end;
        }
        out.text = if !in_place {
            copy_paras(&doc_text, &mut out.paras)
        } else if moved <= MAX_MOVES * doc_text.len() {
            replace_gaps(&mut doc_text, &mut out.paras);
            doc_text
        } else {
            compact(doc_text, &mut out.paras)
        };
        out
    }
}

/// What goes before a paragraph whose text would start at byte `at`: a blank line when
/// there is text before it.
fn blank_before(at: usize) -> &'static str {
    if at == 0 { "" } else { PARA_SEPARATOR }
}

/// The gaps between paragraphs are replaced where they are when that moves at most this many
/// times the text (less work than checking that a text moved in one pass is UTF-8).
const MAX_MOVES: usize = 4;

/// Replaces what lies before and between `paras` (in order, on character boundaries, each
/// where it goes or after) by blank lines, from the last gap to the first, and cuts what
/// follows the last; their ranges become ranges of the result.
fn replace_gaps(text: &mut String, paras: &mut [Para]) {
    let end = paras.last().map_or(0, |para| para.range.end);
    if text.is_char_boundary(end) {
        text.truncate(end);
    }
    // Whether each paragraph has text before it in the result.
    let mut before = Vec::with_capacity(paras.len());
    let mut at = 0;
    for para in paras.iter() {
        before.push(at > 0);
        at += blank_before(at).len() + para.range.len();
    }
    for k in (0..paras.len()).rev() {
        let from = k
            .checked_sub(1)
            .and_then(|j| paras.get(j))
            .map_or(0, |p| p.range.end);
        let (Some(para), Some(&has_text)) = (paras.get(k), before.get(k)) else {
            continue;
        };
        let blank = if has_text { PARA_SEPARATOR } else { "" };
        let gap = from..para.range.start;
        if text.get(gap.clone()) != Some(blank) && text.is_char_boundary(gap.start) {
            text.replace_range(gap, blank);
        }
    }
    text.shrink_to_fit();
    let mut at = 0;
    for para in paras.iter_mut() {
        let start = at + blank_before(at).len();
        para.range = start..start + para.range.len();
        at = para.range.end;
    }
}

/// Moves `paras`, ranges of `text` in order, each starting no later than where it goes, to
/// the start of `text`, separated by blank lines; their ranges become ranges of the result.
fn compact(text: String, paras: &mut [Para]) -> String {
    let mut bytes = text.into_bytes();
    let mut at = 0;
    for para in paras.iter_mut() {
        let blank = blank_before(at);
        if let Some(gap) = bytes.get_mut(at..at + blank.len()) {
            gap.copy_from_slice(blank.as_bytes());
        }
        at += blank.len();
        let len = para.range.len();
        bytes.copy_within(para.range.clone(), at);
        para.range = at..at + len;
        at += len;
    }
    bytes.truncate(at);
    bytes.shrink_to_fit();
    // Whole characters were moved (each range was a `str` slice), and blank lines: the bytes
    // are UTF-8.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Copies `paras`, ranges of `text`, into a new text, separated by blank lines; their ranges
/// become ranges of the result.
fn copy_paras(text: &str, paras: &mut [Para]) -> String {
    let mut out = String::with_capacity(
        paras
            .iter()
            .map(|p| p.range.len() + PARA_SEPARATOR.len())
            .sum(),
    );
    for para in paras.iter_mut() {
        if !out.is_empty() {
            out.push_str(PARA_SEPARATOR);
        }
        let start = out.len();
        out.push_str(text.get(para.range.clone()).unwrap_or_default());
        para.range = start..out.len();
    }
    out
}

/// A date read at the start of a block, with the place before it and where the text after it
/// starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Dateline {
    /// The date.
    pub date: Date,
    /// The place, when written before the date.
    pub place: Option<String>,
    /// Where the rest starts, in bytes of the block.
    pub rest: usize,
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '−' | ':' | '|')
}

/// Tokens of the start of `text`, annotated.
pub(crate) fn tokens_of(text: &str, vocab: &Vocab) -> TokenBuf {
    let mut buf = TokenBuf::spare();
    tokenize(text, &mut buf);
    buf.annotate(vocab);
    buf
}

/// True when the tokens before a date can be a dateline's place: capitalised words, commas,
/// parentheses, a weekday, an article ("Paris, le", "Vienne (Autriche),", "The Hague,").
fn is_place_prefix(sent: &Sent<'_>, end: usize) -> bool {
    (0..end).all(|i| {
        sent.tok(i).is_some_and(|t| {
            if t.is_word() {
                t.has(super::token::shape::CAP)
                    || t.is(Class::Weekday)
                    || t.is(Class::DateArticle)
                    || t.is(Class::Determiner)
                    || t.is(Class::NameParticle)
            } else {
                matches!(
                    t.punct(),
                    Some(',' | '(' | ')' | '/' | '-' | '–' | '—' | '.')
                )
            }
        })
    })
}

/// The place written before a date: its capitalised words, an article kept only when
/// capitalised ("The Hague", "Le Havre"), in title case.
fn place_of(sent: &Sent<'_>, end: usize) -> Option<String> {
    let first = (0..end).find(|&i| {
        sent.tok(i).is_some_and(|t| {
            t.has(super::token::shape::CAP) && !t.is(Class::Weekday) && !t.is(Class::Month)
        })
    })?;
    let last = (first..end).rev().find(|&i| {
        sent.tok(i).is_some_and(|t| {
            t.has(super::token::shape::CAP) && !t.is(Class::Weekday) || t.is_punct(')')
        })
    })?;
    let text = sent.slice(first, last + 1)?;
    let text = text.trim_matches(|c: char| c == ',' || c.is_whitespace());
    (!text.is_empty()).then(|| soften_caps(text))
}

/// A dateline at the start of `text`: "23 mai 2016 -", "VIENNA, 8-9 JUNE 2023 –", "Paris, le
/// 12 mars 2024", "NEW YORK, May 23, 2016 /PRNewswire/ --", a block that is only a date.
pub(crate) fn dateline(text: &str, vocab: &Vocab) -> Option<Dateline> {
    let start = head(text, DATELINE_BYTES);
    if !may_hold_date(start) {
        return None;
    }
    let buf = tokens_of(start, vocab);
    let sent = buf.sent(start, 0..buf.len(), vocab);
    let (date, m) = dates_in(&sent.part(0, 16)).into_iter().next()?;
    if !is_place_prefix(&sent, m.start) {
        return None;
    }
    let place = place_of(&sent, m.start);
    let mut at = m.end;
    // "BRUXELLES, 01/04/2016. - Ce matin": a period between the date and its dash.
    if sent.is_punct(at, '.')
        && sent
            .tok(at + 1)
            .and_then(|t| t.punct())
            .is_some_and(is_dash)
    {
        at += 1;
    }
    // "NEW YORK, May 23, 2016 /PRNewswire/ --", "23 May 2016, Lyon -".
    if sent
        .tok(at)
        .is_some_and(|t| matches!(t.punct(), Some('/' | ',' | '(')))
    {
        let dash = (at + 1..sent.len().min(at + 8))
            .find(|&k| sent.tok(k).and_then(|t| t.punct()).is_some_and(is_dash));
        at = dash?;
    }
    let Some(tok) = sent.tok(at) else {
        // The block is only a date (or the head is all date).
        return (start.len() == text.len()).then_some(Dateline {
            date,
            place,
            rest: text.len(),
        });
    };
    // "Berne, le 3.6.2005. La Suisse entend …": a place's dateline closed by a period.
    if m.start > 0
        && place.is_some()
        && tok.is_punct('.')
        && let Some(next) = sent.tok(at + 1).filter(|t| t.has(super::token::shape::CAP))
    {
        return Some(Dateline {
            date,
            place,
            rest: next.start,
        });
    }
    if !tok.punct().is_some_and(is_dash) {
        // "23 mai 2016 Lors d'..." without a dash: only at the very start, before a capital.
        if m.start != 0 || !tok.has(super::token::shape::CAP) {
            return None;
        }
    }
    while sent.tok(at).and_then(|t| t.punct()).is_some_and(is_dash) {
        at += 1;
    }
    let rest = sent.tok(at).map_or(text.len(), |t| t.start);
    Some(Dateline { date, place, rest })
}

/// A dateline without a date: a place in capitals before a dash ("WASHINGTON — "), or a
/// place and a news agency ("GENEVA (Reuters) -"). The place and where the rest starts.
fn wire_place(text: &str, vocab: &Vocab) -> Option<(String, usize)> {
    let start = head(text, 120);
    let buf = tokens_of(start, vocab);
    let sent = buf.sent(start, 0..buf.len(), vocab);
    let cap = super::token::shape::CAP;
    let upper = super::token::shape::UPPER;
    if let Some(placed) = bracketed_place(&sent) {
        return Some(placed);
    }
    let end = (0..sent.len().min(4))
        .find(|&i| !sent.tok(i).is_some_and(|t| t.has(cap)))
        .unwrap_or(sent.len().min(4));
    if end == 0 || (0..end).any(|i| sent.is(i, Class::Weekday) || sent.is(i, Class::Month)) {
        return None;
    }
    let capitals = (0..end).all(|i| sent.tok(i).is_some_and(|t| t.has(upper)));
    let mut at = end;
    let mut place_end = end;
    // "LYON, France –": the city in capitals, its country after a comma.
    if capitals && sent.is_punct(at, ',') {
        let country = (at + 1..sent.len().min(at + 4))
            .take_while(|&k| sent.tok(k).is_some_and(|t| t.has(cap)))
            .count();
        if country > 0 {
            at += 1 + country;
            place_end = at;
        }
    }
    let mut agency = false;
    if sent.is_punct(at, '(') {
        let close = (at + 1..sent.len().min(at + 6))
            .find(|&k| sent.tok(k).is_some_and(|t| !t.is_word()))?;
        let named = (at + 1..close).all(|k| sent.tok(k).is_some_and(|t| t.has(cap)));
        if !sent.is_punct(close, ')') || close == at + 1 || !named {
            return None;
        }
        agency = true;
        at = close + 1;
    }
    let dashes = (at..sent.len())
        .take_while(|&k| {
            sent.tok(k)
                .and_then(|t| t.punct())
                .is_some_and(|c| matches!(c, '-' | '–' | '—'))
        })
        .count();
    let next = sent.tok(at + dashes)?;
    if dashes == 0 || !(capitals || agency) || !next.has(cap) {
        return None;
    }
    Some((soften_caps(sent.slice(0, place_end)?), next.start))
}

/// A place between parentheses before a dash, as US prosecutors write it: "(Dallas) –",
/// "(Houston, TX) - Today, …". The place and where the rest starts.
fn bracketed_place(sent: &Sent<'_>) -> Option<(String, usize)> {
    if !sent.is_punct(0, '(') {
        return None;
    }
    let close = (1..sent.len().min(PLACE_TOKENS + 2)).find(|&k| sent.is_punct(k, ')'))?;
    let named = close > 1
        && (1..close).all(|k| {
            sent.tok(k)
                .is_some_and(|t| t.has(super::token::shape::CAP) || t.is_punct(','))
        });
    let dash = sent
        .tok(close + 1)
        .and_then(|t| t.punct())
        .is_some_and(is_dash);
    let next = sent.tok(close + 2)?;
    let place = sent.slice(1, close)?;
    // "(HOUSTON, TX)" is softened; "(Houston, TX)" keeps its state's code.
    let place = if place.chars().any(char::is_lowercase) {
        place.to_string()
    } else {
        soften_caps(place)
    };
    (named && dash && next.has(super::token::shape::CAP)).then_some((place, next.start))
}

/// The most tokens of a place between parentheses ("(Houston, TX)").
const PLACE_TOKENS: usize = 5;

/// A line of metadata with a date: "Published on 03 Feb 2021", "Par la rédaction – Publié le
/// 14 février 2024", "Communiqué de presse | Bruxelles, le 28 novembre 2023", "12/10/2023",
/// "Newsroom2021-02-03 09:12:44", "Issued by the Secretariat, Kuala Lumpur, 7 November 2025",
/// "April 9, 2025 — Surrey". Lines of an update give none.
fn metadata_date(text: &str, vocab: &Vocab) -> Option<Date> {
    if text.chars().nth(SHORT_LINE_CHARS).is_some() || !may_hold_date(text) {
        return None;
    }
    text.lines().find_map(|line| line_date(line, vocab))
}

/// True when `text` opens with a date's label ("Issued by …", "Publié le …").
fn starts_with_date_label(text: &str, vocab: &Vocab) -> bool {
    let buf = tokens_of(text, vocab);
    let sent = buf.sent(text, 0..buf.len(), vocab);
    sent.phrase_at(0, Class::DateLabel).is_some()
}

fn line_date(line: &str, vocab: &Vocab) -> Option<Date> {
    let buf = tokens_of(line, vocab);
    let sent = buf.sent(line, 0..buf.len(), vocab);
    let (date, m) = dates_in(&sent).into_iter().next()?;
    let before = |i: usize| sent.tok(i);
    if (0..m.start).any(|i| sent.phrase_at(i, Class::UpdateLabel).is_some()) {
        return None;
    }
    // The last label before the date: what stands between it and the date is a place. The
    // label may end with the date's article ("Publié le" of "le 14 février").
    let label_end = (0..m.start)
        .filter_map(|i| {
            sent.phrase_at(i, Class::DateLabel)
                .map(|n| (i + n).min(m.start))
        })
        .max();
    let mut from = label_end.unwrap_or(0);
    // "Published: 04 June 2025", "Date | 4 June 2025": the label's punctuation.
    if label_end.is_some() {
        while from < m.start
            && sent
                .tok(from)
                .and_then(|t| t.punct())
                .is_some_and(|c| c == ':' || c == '|' || is_dash(c))
        {
            from += 1;
        }
    }
    let placed = is_place_prefix(&sent.part(from, m.start), m.start - from);
    // "Issued by the ASEANAPOL Secretariat, Kuala Lumpur, 7 November 2025": a signature
    // whose date comes after a comma or a dash.
    // Not after other days: "les 28, 29 et 30 mars 2024" are an event's days.
    let signed = m.start > 0
        && before(m.start - 1)
            .and_then(|t| t.punct())
            .is_some_and(|c| c == ',' || is_dash(c))
        && m.start
            .checked_sub(2)
            .and_then(before)
            .is_none_or(|t| !t.has(super::token::shape::HAS_DIGIT));
    // "E41/04   7 April 2004": a release's number before its date, letterheads' way.
    let numbered = m.start > 0
        && m.start <= REFERENCE_TOKENS
        && (0..m.start).all(|i| {
            sent.tok(i).is_some_and(|t| {
                t.has(super::token::shape::HAS_DIGIT)
                    || matches!(t.punct(), Some('/' | '-' | '.' | ','))
            })
        });
    let before_ok = placed || numbered || signed && m.start <= SIGNATURE_WORDS;
    // After the date: nothing, a time, or a place after a dash ("April 9, 2025 — Surrey").
    let place_after = sent.tok(m.end).and_then(|t| t.punct()).is_some_and(is_dash)
        && is_place_prefix(&sent.from(m.end + 1), sent.len() - m.end - 1);
    // "January 14, 2024 Contact: Claire Crouch": the date, then the press contact.
    let contact_after = sent.tok(m.end).is_some_and(|t| {
        line.get(t.start..)
            .and_then(|rest| rest.split_once(':'))
            .is_some_and(|(label, _)| vocab.line_phrase(label, LineClass::Contact) == Some(""))
    });
    let after_ok = place_after
        || contact_after
        || (m.end..sent.len()).all(|i| {
            sent.tok(i).is_some_and(|t| {
                !t.is_word() || t.has(super::token::shape::DIGIT) || t.is_punct(':')
            }) || sent.lower(i).is_some_and(|w| w.len() <= 3)
        });
    // "7 October 2024 Law and Crime Prevention": a date, then the section's name.
    let tagged = m.start == 0
        && sent.len() - m.end <= 6
        && (m.end..sent.len()).all(|i| {
            sent.tok(i).is_some_and(|t| {
                t.is_word() && (t.has(super::token::shape::CAP) || t.is(Class::Stop))
            })
        });
    (before_ok && (after_ok || tagged)).then_some(date)
}

/// The most tokens of a release's number before its date ("E41/04", "2004/41").
const REFERENCE_TOKENS: usize = 5;

/// The most tokens of a signature before its date.
const SIGNATURE_WORDS: usize = 16;

/// What a block of the front is.
#[derive(Debug, Clone, PartialEq)]
enum FrontBlock {
    /// Navigation, a share bar, a label: dropped.
    Furniture,
    /// A line of metadata with the release's date.
    Dated(Date),
    /// A line naming the publisher.
    Publisher(String),
    /// A photo caption.
    Caption,
    /// A paragraph opening with a dateline.
    WithDateline(Dateline),
    /// Prose.
    Prose,
    /// A short line or heading.
    Short,
}

/// True when a short block is page furniture: a clutter or boilerplate line, a breadcrumb
/// ("Home > News > Press releases"), a bar of clutter words ("Share Facebook Twitter").
pub(crate) fn is_furniture(text: &str, vocab: &Vocab) -> bool {
    if vocab.line_is(head(text, 200), LineClass::Notice) {
        return text.chars().nth(1200).is_none();
    }
    // A menu's words run together with a blurb ("WHO WE AREThe International …").
    if vocab.starts_glued(head(text, 200), LineClass::Clutter) {
        return text.chars().nth(1200).is_none();
    }
    if text.chars().nth(SHORT_LINE_CHARS).is_some() {
        return false;
    }
    // Markup copied with the page: `" class="menu" title="…">`.
    if text.contains("=\"") && text.contains('>') {
        return true;
    }
    if vocab.line_is(text, LineClass::Clutter) || vocab.line_is(text, LineClass::Boilerplate) {
        return true;
    }
    // A count before a label: "2 min read", "3 min de lecture".
    let line = text.trim_start();
    let counted = line
        .trim_start_matches(|c: char| c.is_ascii_digit())
        .trim_start();
    if counted.len() < line.len()
        && !counted.is_empty()
        && vocab.line_is(counted, LineClass::Clutter)
    {
        return true;
    }
    // "Analysis | Press release": labels between bars.
    if text.contains('|')
        && text.split('|').any(|part| {
            vocab.line_is(part, LineClass::Boilerplate) || vocab.line_is(part, LineClass::Clutter)
        })
    {
        return true;
    }
    // A breadcrumb: words between separators ("Home > News > Press releases"); a closing
    // guillemet that has its opening one ends a quote ("« … », a souligné M. Itälä. « … »").
    let guillemets = text
        .matches('»')
        .count()
        .saturating_sub(text.matches('«').count());
    let separators = text.matches(['>', '›', '|', '/']).count() + guillemets;
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    if separators >= 2 && letters >= 4 && !text.trim_end().ends_with(['.', '!', '?']) {
        return true;
    }
    // Every word a clutter word: "Share Facebook Twitter LinkedIn Email".
    let words: Vec<&str> = text.split_whitespace().collect();
    words.len() >= 2
        && words.iter().all(|w| {
            vocab.line_is(
                w.trim_matches(|c: char| !c.is_alphanumeric()),
                LineClass::Clutter,
            )
        })
}

fn has_photo_cue(text: &str, vocab: &Vocab) -> bool {
    // The length first: a long block is no caption, and is not tokenized to be told so.
    if text.chars().nth(400).is_some() {
        return false;
    }
    let buf = tokens_of(head(text, 600), vocab);
    let lower: Vec<&str> = (0..buf.len()).filter_map(|i| buf.lower(i)).collect();
    vocab
        .line_phrases(LineClass::PhotoCue)
        .iter()
        .any(|cue| lower.contains(&cue.as_str()))
}

/// True when a block reads as a paragraph of prose.
fn is_prose(text: &str) -> bool {
    let ends = text
        .trim_end()
        .ends_with(['.', '!', '?', '…', '»', '”', '"', ')']);
    // "Participating countries: Bulgaria, Finland, …": a label and its list.
    let label = text
        .split_once(':')
        .is_some_and(|(before, _)| !has_words(before, 4) && !before.contains('\n'));
    // Lines of labels joined into one block ("News release\nApril 9, 2025\nFrom: …").
    let listing = text.lines().nth(1).is_some()
        && text
            .lines()
            .all(|l| l.chars().nth(69).is_none() && !l.trim_end().ends_with('.'));
    !label && !listing && (has_words(text, 40) || has_words(text, 6) && ends)
}

/// What follows a publisher's label on a short line ("From: Europol" gives "Europol"), or on
/// the line after a label alone, as newswires set it ("NEWS PROVIDED BY" and the publisher on
/// the next line).
fn source_label<'t>(text: &'t str, vocab: &Vocab) -> Option<&'t str> {
    if text.chars().nth(SHORT_LINE_CHARS).is_some() {
        return None;
    }
    if let Some((label, publisher)) = text.split_once('\n')
        && !publisher.contains('\n')
        && is_bare_source_label(label, vocab)
    {
        return Some(publisher.trim());
    }
    text.contains(':')
        .then(|| vocab.line_phrase(text, LineClass::SourceLabel))
        .flatten()
}

/// A publisher's label alone on its line ("NOUVELLES FOURNIES PAR"), the publisher on the next.
fn is_bare_source_label(text: &str, vocab: &Vocab) -> bool {
    !text.contains(['\n', ':']) && vocab.line_phrase(text, LineClass::SourceLabel) == Some("")
}

/// The publisher a block names after a label alone in the block before it.
fn labelled_publisher<'d>(doc: &'d Doc, i: usize, vocab: &Vocab) -> Option<&'d str> {
    let label = doc.block_text(i.checked_sub(1)?)?;
    let text = doc.block_text(i)?;
    (is_bare_source_label(label, vocab) && text.chars().nth(SHORT_LINE_CHARS).is_none())
        .then(|| text.trim())
}

fn classify(doc: &Doc, i: usize, vocab: &Vocab) -> Option<FrontBlock> {
    let text = doc.block_text(i)?;
    if is_bare_source_label(text, vocab) {
        return Some(FrontBlock::Furniture);
    }
    if let Some(publisher) = labelled_publisher(doc, i, vocab) {
        return Some(FrontBlock::Publisher(publisher.to_string()));
    }
    if let Some(date) = metadata_date(text, vocab) {
        return Some(FrontBlock::Dated(date));
    }
    if is_furniture(text, vocab) {
        return Some(FrontBlock::Furniture);
    }
    if let Some(rest) = source_label(text, vocab).filter(|r| !r.is_empty()) {
        return Some(FrontBlock::Publisher(rest.to_string()));
    }
    if has_photo_cue(text, vocab) && !is_prose_with_dateline(text, vocab) {
        return Some(FrontBlock::Caption);
    }
    if let Some(d) = dateline(text, vocab) {
        return Some(FrontBlock::WithDateline(d));
    }
    // A heading of a sentence's length is a standfirst: prose, the lead.
    let heading = doc.kind(i) == Some(BlockKind::Heading);
    let standfirst = heading && has_words(text, STANDFIRST_WORDS);
    if standfirst || !heading && is_prose(text) {
        return Some(FrontBlock::Prose);
    }
    Some(FrontBlock::Short)
}

/// The fewest words of a sentence that introduces the text under it.
const INTRODUCTION_WORDS: usize = 8;

/// Whether a block is a sentence that introduces the text under it: a line of some length
/// that ends with a colon ("The following statement was issued today by …:").
fn is_introduction(text: &str) -> bool {
    !text.contains('\n') && has_words(text, INTRODUCTION_WORDS) && text.trim_end().ends_with(':')
}

fn is_prose_with_dateline(text: &str, vocab: &Vocab) -> bool {
    dateline(text, vocab).is_some() && is_prose(text)
}

/// The title: the first block that is no furniture and no date, cut to one line.
/// The title's block and text, and whether the block is too long to be only a title.
fn title_at(doc: &Doc, vocab: &Vocab) -> Option<(usize, String, bool)> {
    let candidate = |i: usize| {
        doc.block_text(i).is_some_and(|text| {
            !is_furniture(text, vocab)
                && metadata_date(text, vocab).is_none()
                && text.chars().any(char::is_alphanumeric)
                && !has_photo_cue(text, vocab)
                // "De : Gendarmerie royale du Canada", "From: Europol": a label, not a title;
                // nor is a label alone or the publisher after it.
                && source_label(text, vocab).is_none()
                && !is_bare_source_label(text, vocab)
                && labelled_publisher(doc, i, vocab).is_none()
                && !is_letterhead(text, vocab)
        })
    };
    // The searches below ask again about the same blocks: each is judged once.
    let searched = doc
        .blocks
        .len()
        .min(TITLE_SEARCH_BLOCKS.max(FRONT_BLOCKS * 2));
    let judged = vec![std::cell::Cell::new(None); searched];
    let is_candidate = |i: usize| match judged.get(i) {
        Some(cell) => cell.get().unwrap_or_else(|| {
            let is = candidate(i);
            cell.set(Some(is));
            is
        }),
        None => candidate(i),
    };
    // A list's entry is a menu's ("- Data and Research") when anything else can be the title.
    let front = 0..doc.blocks.len().min(FRONT_BLOCKS * 2);
    let first = front
        .clone()
        .find(|&i| is_candidate(i) && doc.kind(i) != Some(BlockKind::Item))
        .or_else(|| front.clone().find(|&i| is_candidate(i)))?;
    // A page copied from a browser: the title follows the last line of furniture before the
    // article's first paragraph ("Press release", "Home > News", a date line).
    let first_prose = (first..doc.blocks.len().min(TITLE_SEARCH_BLOCKS)).find(|&i| {
        doc.block_text(i)
            .is_some_and(|t| is_prose(t) && has_words(t, 15))
    });
    // The title is the first block after the last run of furniture before the article's
    // first paragraph that leaves room for one.
    let after_furniture = first_prose.and_then(|p| {
        let mut end = p;
        while let Some(last) = (first..end)
            .rev()
            .find(|&i| !is_candidate(i) && !has_photo_cue_at(doc, i, vocab))
        {
            // A member of a list is a menu's entry ("- Data and Research"), and a line in
            // lowercase an image's description ("drapeaux français et allemand"): no title.
            let found = (last + 1..end).find(|&i| {
                is_candidate(i)
                    && doc.kind(i) != Some(BlockKind::Item)
                    && doc.block_text(i).is_some_and(|t| {
                        has_words(t, 3) && !t.trim_start().starts_with(char::is_lowercase)
                    })
            });
            if let Some(at) = found {
                return Some(
                    headline_above(doc, (first, last), at, &is_candidate, vocab).unwrap_or(at),
                );
            }
            end = last;
        }
        // No title between furniture and prose: the title is the block just above the
        // furniture that precedes the prose ("Title" / "Published: 04 June 2025" / lead).
        let mut run = p;
        while run > first && !is_candidate(run - 1) {
            run -= 1;
        }
        (run < p && run > first)
            .then(|| run - 1)
            .filter(|&i| doc.block_text(i).is_some_and(|t| has_words(t, 3)))
    });
    // A page copied whole names its title first (the window's title), then again above the
    // article, after the site's navigation: the release starts there.
    let first_text = doc.block_text(first)?;
    // A heading that opens the text (Markdown's "# Title") is the title as written.
    let heading_first = (doc.kind(first) == Some(BlockKind::Heading)).then_some(first);
    // The repeat opens the article only when prose follows it: a publisher's name signed at
    // the end ("SINGAPORE POLICE FORCE" under the release) opens nothing.
    let prose_after = |r: &usize| {
        (r + 1..doc.blocks.len()).any(|i| {
            doc.block_text(i)
                .is_some_and(|t| is_prose(t) && has_words(t, 15) && !is_furniture(t, vocab))
        })
    };
    let found = repeated_title(doc, first, first_text)
        .filter(prose_after)
        .or(heading_first)
        .or(after_furniture)
        .unwrap_or(first);
    // A line of a word or two is a page's section or a document's number ("Global",
    // "SC/12446"), not its headline, when a headline follows before the article.
    let i = if doc.block_text(found).is_some_and(|t| has_words(t, 3)) {
        found
    } else {
        first_prose
            .and_then(|p| {
                (found + 1..=p).find(|&k| {
                    is_candidate(k)
                        && doc.kind(k) != Some(BlockKind::Item)
                        && doc.block_text(k).is_some_and(|t| {
                            has_words(t, HEADLINE_WORDS)
                                && !t.contains('\n')
                                && !t.trim_end().ends_with(['.', '!', '?', ':'])
                        })
                })
            })
            .unwrap_or(found)
    };
    // "For Immediate Release: Office Launches New Unit" above the article: the label says
    // which line is the headline, also when furniture stands below it. The last one before
    // the article: a page copied whole may give it first in the window's title.
    let labelled = (0..first_prose.unwrap_or(front.end).min(front.end))
        .rev()
        .find_map(|k| {
            doc.block_text(k)
                .and_then(|t| labelled_headline(t, vocab))
                .map(|headline| (k, headline))
        });
    if let Some((at, headline)) = labelled {
        return Some((
            at,
            cut_chars(&collapse_ws(headline), MAX_TITLE_CHARS),
            false,
        ));
    }
    let i = first_prose
        .and_then(|p| listed_headline(doc, p, vocab))
        .unwrap_or(i);
    let text = doc.block_text(i)?;
    let first_line = text.lines().next().unwrap_or(text);
    if first_line.chars().nth(MAX_TITLE_CHARS).is_none() {
        Some((i, collapse_ws(first_line), false))
    } else {
        // A text that starts with prose: its start names it, and it is also the lead.
        Some((
            i,
            cut_chars(&collapse_ws(first_line), MAX_TITLE_CHARS),
            true,
        ))
    }
}

/// A page's own headline in its list of the site's news: a headline under a date
/// ("Aug 15, 2025" / "Man Charged with Murder …") that stands again above the article, which
/// starts at block `prose`. The block of the headline above the article.
fn listed_headline(doc: &Doc, prose: usize, vocab: &Vocab) -> Option<usize> {
    (0..prose).find_map(|dated| {
        doc.block_text(dated)
            .and_then(|t| metadata_date(t, vocab))?;
        let headline = doc.block_text(dated + 1)?;
        if !has_words(headline, HEADLINE_WORDS) || headline.contains('\n') {
            return None;
        }
        let key = fold_key(headline);
        (dated + 2..prose).find(|&again| doc.block_text(again).is_some_and(|t| fold_eq(t, &key)))
    })
}

/// A letterhead: a release's label, then who it is from by their roles ("JOINT MEDIA
/// RELEASE  THE MINISTER FOR FOREIGN AFFAIRS, …"), no title.
fn is_letterhead(text: &str, vocab: &Vocab) -> bool {
    // In the case of prose, a label and roles are a headline: "Communiqué de presse conjoint
    // de M. Gérald Darmanin, ministre de l'Intérieur, …".
    if text.chars().nth(MASTHEAD_CHARS).is_some() || text.chars().any(char::is_lowercase) {
        return false;
    }
    let lower = text.to_lowercase();
    let labelled = vocab
        .line_phrases(LineClass::Boilerplate)
        .iter()
        .any(|label| {
            lower.strip_prefix(label.as_str()).is_some_and(|rest| {
                rest.starts_with(char::is_whitespace) && !rest.trim().is_empty()
            })
        });
    labelled && {
        let buf = tokens_of(text, vocab);
        let sent = buf.sent(text, 0..buf.len(), vocab);
        (0..sent.len()).any(|i| sent.is(i, Class::Role))
    }
}

/// The headline a release's label introduces on its line: "For Immediate Release: Office
/// Launches New Unit" gives "Office Launches New Unit" (on as many lines as the block holds).
fn labelled_headline<'t>(text: &'t str, vocab: &Vocab) -> Option<&'t str> {
    let (label, headline) = text.split_once(':')?;
    let headline = headline.trim();
    (!label.contains('\n')
        && vocab.line_phrase(label, LineClass::Boilerplate) == Some("")
        && has_words(headline, HEADLINE_WORDS)
        && !headline.starts_with(|c: char| c.is_lowercase())
        && !is_prose(headline))
    .then_some(headline)
}

/// How far the article's first paragraph is looked for, in blocks.
const TITLE_SEARCH_BLOCKS: usize = 80;

/// The fewest words of a headline: a block of fewer after a page's date is a section or an
/// office ("Paix et sécurité", "Office of Public Affairs") when a headline stands above.
const HEADLINE_WORDS: usize = 5;

/// The headline above the furniture that ends at block `last` (a date, "For Immediate
/// Release"), when the block `found` after it is too short to be one: a section's or an
/// office's line set between the date and the article. Or when the text opens with the
/// headline and its date, as news pages do ("Headline" / "12 December 2023" / "Standfirst"):
/// then `found` is the standfirst. `first` is the first candidate.
fn headline_above(
    doc: &Doc,
    (first, last): (usize, usize),
    found: usize,
    is_candidate: &impl Fn(usize) -> bool,
    vocab: &Vocab,
) -> Option<usize> {
    let mut start = last;
    while start > first && !is_candidate(start - 1) {
        start -= 1;
    }
    let above = start.checked_sub(1)?;
    let above_text = doc.block_text(above)?;
    let headline = above >= first
        && is_candidate(above)
        && doc.kind(above) != Some(BlockKind::Item)
        && has_words(above_text, HEADLINE_WORDS);
    let short_found = doc
        .block_text(found)
        .is_some_and(|t| !has_words(t, HEADLINE_WORDS));
    (headline && (short_found || headline_then_date(doc, above, found, vocab))).then_some(above)
}

/// Whether the text opens with the block `above`, only its date follows before `found`, and
/// `above` is no name the body says again (a publisher's: "Global Initiative Against
/// Transnational Organized Crime" / "5 September 2023" / headline).
fn headline_then_date(doc: &Doc, above: usize, found: usize, vocab: &Vocab) -> bool {
    let only_furniture_before = (0..above).all(|i| {
        doc.block_text(i)
            .is_none_or(|text| is_furniture(text, vocab))
    });
    let only_dates_between = (above + 1..found).all(|i| {
        doc.block_text(i)
            .is_some_and(|text| metadata_date(text, vocab).is_some())
    });
    let named_again = doc.block_text(above).is_some_and(|text| {
        let key = fold_key(text);
        (found..doc.blocks.len().min(found + FRONT_BLOCKS * 2))
            .filter_map(|i| doc.block_text(i))
            .any(|body| fold_key(body).contains(&key))
    });
    only_furniture_before && found > above + 1 && only_dates_between && !named_again
}

fn has_photo_cue_at(doc: &Doc, i: usize, vocab: &Vocab) -> bool {
    doc.block_text(i).is_some_and(|t| has_photo_cue(t, vocab))
}

/// How far a title is looked for again, in blocks.
const TITLE_REPEAT_BLOCKS: usize = 400;

/// The block, after the title's, that repeats it: the heading above the article.
fn repeated_title(doc: &Doc, first: usize, title: &str) -> Option<usize> {
    let key = fold_key(title);
    if key.split(' ').count() < 3 {
        return None;
    }
    (first + 1..doc.blocks.len().min(first + TITLE_REPEAT_BLOCKS))
        .rev()
        .find(|&i| doc.block_text(i).is_some_and(|text| fold_eq(text, &key)))
}

/// What the front gave: the lead (block, byte offset of its text), and the rest.
#[derive(Debug, Default)]
struct Front {
    lead: Option<(usize, usize)>,
    caption: Option<String>,
    date: Option<Date>,
    place: Option<String>,
    source: Option<String>,
    /// The block after the front.
    body_from: usize,
    /// Sentences of the front that introduce the lead ("La déclaration suivante a été
    /// communiquée aujourd'hui par le Porte-parole de M. Ban Ki-moon :"): read as the body is.
    intros: Vec<usize>,
}

/// Reads the blocks after the title up to the lead.
fn read_front(doc: &Doc, title: usize, vocab: &Vocab) -> Front {
    let mut front = Front::default();
    let mut candidate: Option<usize> = None;
    let mut i = title + 1;
    let end = doc.blocks.len().min(title + 1 + FRONT_BLOCKS);
    while i < end {
        let Some(kind) = classify(doc, i, vocab) else {
            break;
        };
        match kind {
            FrontBlock::Furniture => {}
            FrontBlock::Short => {
                if doc.block_text(i).is_some_and(is_introduction) {
                    front.intros.push(i);
                }
            }
            FrontBlock::Publisher(name) => front.source = front.source.or(Some(name)),
            FrontBlock::Caption => {
                front.caption = doc.block_text(i).map(collapse_ws);
            }
            FrontBlock::Dated(date) => {
                front.date.get_or_insert(date);
                // A labelled date after a paragraph: that paragraph was a standfirst.
                let labelled = doc
                    .block_text(i)
                    .is_some_and(|t| dateline(t, vocab).is_none());
                if labelled && let Some(c) = candidate.take() {
                    front.caption = doc.block_text(c).map(collapse_ws);
                }
            }
            FrontBlock::WithDateline(d) => {
                front.date.get_or_insert(d.date);
                front.place = front.place.take().or(d.place.clone());
                if candidate.is_some() {
                    break;
                }
                let rest = doc
                    .block_text(i)
                    .and_then(|t| t.get(d.rest..))
                    .unwrap_or_default();
                if is_prose(rest) {
                    front.lead = Some((i, d.rest));
                    front.body_from = i + 1;
                    return front;
                }
            }
            FrontBlock::Prose => {
                if candidate.is_some() {
                    break;
                }
                candidate = Some(i);
            }
        }
        i += 1;
    }
    match candidate {
        Some(c) => {
            front.lead = Some((c, 0));
            front.body_from = c + 1;
        }
        None => {
            // No prose in the front: the first paragraph after the title.
            let first = (title + 1..doc.blocks.len()).find(|&k| {
                doc.kind(k) == Some(BlockKind::Paragraph)
                    && doc.block_text(k).is_some_and(|t| !is_furniture(t, vocab))
            });
            front.lead = first.map(|k| (k, 0));
            front.body_from = first.map_or(title + 1, |k| k + 1);
        }
    }
    if let Some((k, 0)) = front.lead
        && let Some(text) = doc.block_text(k)
        && let Some((place, rest)) = wire_place(text, vocab)
    {
        front.place.get_or_insert(place);
        front.lead = Some((k, rest));
    }
    front
}

/// The heading-like text of a block: a heading, or a short line with no final period.
fn heading_text(doc: &Doc, i: usize) -> Option<&str> {
    let text = doc.block_text(i)?;
    let short = text.chars().nth(80).is_none() && !text.contains('\n');
    let heading = doc.kind(i) == Some(BlockKind::Heading)
        || short && !text.trim_end().ends_with(['.', '!', '?', '»', '”', '"']);
    heading.then_some(text)
}

/// The signature that the text's last blocks from block `i` on make, its lines joined (a
/// page saved as text gives each line its block).
fn signature_at(doc: &Doc, i: usize, vocab: &Vocab) -> Option<String> {
    let left = doc.blocks.len().checked_sub(i)?;
    if !(1..=SIGNATURE_BLOCKS_MAX).contains(&left) {
        return None;
    }
    let card = (i..doc.blocks.len())
        .map(|k| doc.block_text(k))
        .collect::<Option<Vec<&str>>>()?
        .join("\n");
    is_signature_card(&card, vocab).then_some(card)
}

/// The most blocks of a signature at the end of the text.
const SIGNATURE_BLOCKS_MAX: usize = 3;

/// True when a block is a signature: a name of two or three capitalised words, a known given
/// name first, then a line or two of its role, no sentence ("Jane Roe" / "Chief, Agency").
fn is_signature_card(text: &str, vocab: &Vocab) -> bool {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let Some((name, role)) = lines.split_first() else {
        return false;
    };
    if !(2..=3).contains(&name.split_whitespace().count()) {
        return false;
    }
    // Capitalised words that are no role's, organisation's or date's ("Thank you", "Press
    // Office").
    let buf = tokens_of(name, vocab);
    let sent = buf.sent(name, 0..buf.len(), vocab);
    let named = (0..sent.len()).all(|k| {
        sent.tok(k).is_some_and(|t| {
            t.is_word()
                && t.has(shape::CAP)
                && !t.has(shape::UPPER)
                && ![
                    Class::Stop,
                    Class::Role,
                    Class::RoleWord,
                    Class::OrgWord,
                    Class::OrgName,
                    Class::Month,
                    Class::Weekday,
                ]
                .into_iter()
                .any(|class| t.is(class))
        })
    });
    named
        && (1..=2).contains(&role.len())
        && lines
            .iter()
            .all(|l| l.chars().nth(SIGNATURE_LINE_CHARS).is_none() && !ends_sentence(l))
}

/// The longest line of a signature, in characters.
const SIGNATURE_LINE_CHARS: usize = 80;

/// True when a line ends a sentence.
fn ends_sentence(line: &str) -> bool {
    line.trim_end().ends_with(['.', '!', '?', '…'])
}

/// True when a block is a contacts' label and the contacts after it on the line, with a
/// telephone number: "Contacts: Jane Roe 0400 000 000 (Minister)".
fn is_contact_line(text: &str, vocab: &Vocab) -> bool {
    text.chars().nth(SHORT_LINE_CHARS * 2).is_none()
        && text.split_once(':').is_some_and(|(label, rest)| {
            !label.contains('\n')
                && vocab.line_phrase(label, LineClass::Contact) == Some("")
                && rest.chars().filter(char::is_ascii_digit).count() >= PHONE_DIGITS
        })
}

/// The fewest digits of a telephone number.
const PHONE_DIGITS: usize = 6;

/// The most words of a byline's name.
const MAX_BYLINE_WORDS: usize = 4;

/// The label and the name of a byline, a line of its own: "Author: Amy McKenzie", "Auteur :
/// Jean Dupont". The name is two to four capitalised words, no digit.
pub(crate) fn byline<'t>(text: &'t str, vocab: &Vocab) -> Option<(&'t str, &'t str)> {
    let (label, name) = text.split_once(':')?;
    let (label, name) = (label.trim(), name.trim());
    let words = name.split_whitespace().count();
    let named = (2..=MAX_BYLINE_WORDS).contains(&words)
        && name.split_whitespace().all(|w| {
            w.starts_with(char::is_uppercase) && !w.contains(|c: char| c.is_ascii_digit())
        });
    (!text.contains('\n') && named && vocab.line_phrase(label, LineClass::Byline) == Some(""))
        .then_some((label, name))
}

/// Where the body reading is.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Reading {
    /// Paragraphs of a section.
    Body(Section),
    /// Further reading; the count of lines in a row that were no link.
    Links(usize),
    /// Page furniture, until prose comes back.
    Skip,
    /// Contacts (names, roles, telephone numbers), until prose comes back.
    Contacts,
    /// After an end mark: nothing more but an "About" section.
    End,
}

/// A paragraph this long, ending a sentence, is prose again after contacts or furniture.
const PROSE_AGAIN_WORDS: usize = 40;
/// Lines in a row that are no link end a further-reading section (site navigation).
const MAX_NON_LINKS: usize = 3;

/// True when a paragraph's last sentence points to more on the web: it opens with a "more
/// information" phrase and holds an address ("For more information, visit www.x.org.").
fn points_to_more(text: &str, vocab: &Vocab) -> bool {
    let text = text.trim_end();
    let body = text.trim_end_matches('.');
    let last = body
        .rfind(". ")
        .and_then(|at| body.get(at + 2..))
        .unwrap_or(body);
    vocab.line_phrase(last, LineClass::MoreInfo).is_some() && super::links::has_web_address(last)
}

/// True when block `i` among contacts is further reading: a link of the page's or the
/// Markdown's own markup to a web page, with no contact data in its line (an address for
/// mail, a handle, a telephone number).
fn is_marked_reading(doc: &Doc, i: usize, text: &str) -> bool {
    super::links::has_marked_link(doc, i)
        && doc
            .links
            .iter()
            .filter(|link| link.block == i)
            .all(|link| link.url.contains("://"))
        && !text.contains('@')
        && !text.chars().any(|c| c.is_ascii_digit())
}

/// True when a link section's line is one: an address, or a title of more than two words.
fn is_link_line(text: &str) -> bool {
    super::links::has_web_address(text) || text.split_whitespace().count() > 2
}

/// Reads a release's blocks into its outline, the body's text still the Doc's (see
/// [`Draft::into_outline`]); none when it has no title.
pub(crate) fn read(doc: &Doc, vocab: &Vocab) -> Option<Draft> {
    let (title_block, title, is_prose) = title_at(doc, vocab)?;
    let front = if is_prose {
        Front {
            lead: Some((title_block, 0)),
            body_from: title_block + 1,
            ..Front::default()
        }
    } else {
        read_front(doc, title_block, vocab)
    };
    let mut out = Outline {
        title,
        caption: front.caption,
        date: front.date,
        place: front.place,
        source: front.source,
        ..Outline::default()
    };
    if title_block <= MASTHEAD_BLOCKS {
        out.masthead = masthead(doc, title_block, vocab);
    }
    // The title may hold the date: "… (Abidjan, 15 mai 2024)".
    if out.date.is_none() {
        let buf = tokens_of(&out.title, vocab);
        let sent = buf.sent(&out.title, 0..buf.len(), vocab);
        out.date = dates_in(&sent)
            .into_iter()
            .find(|(_, m)| {
                (m.end..sent.len()).all(|i| sent.tok(i).is_some_and(|t| !t.is_word()))
                    && ends_a_title_as_dateline(&sent, m.start)
            })
            .map(|(date, _)| date);
    }
    // Date-only and metadata lines above the title still date the release.
    if out.date.is_none() {
        out.date = date_above(doc, title_block, &out.title, vocab);
    }
    let lead_block = front.lead.map(|(k, _)| k);
    for &k in front
        .intros
        .iter()
        .filter(|&&k| lead_block.is_some_and(|l| k < l))
    {
        if let (Some(text), Some(block)) = (doc.block_text(k), doc.blocks.get(k)) {
            out.push_para(
                block.range.start,
                text,
                block.kind,
                block.line,
                Section::Story,
            );
        }
    }
    if let Some((k, offset)) = front.lead
        && let Some(text) = doc.block_text(k).and_then(|t| t.get(offset..))
        && let Some(block) = doc.blocks.get(k)
    {
        out.push_para(
            block.range.start + offset,
            text,
            block.kind,
            block.line,
            Section::Story,
        );
        out.lead = Some(out.paras.len() - 1);
    }
    let body = read_body(doc, front.body_from, vocab, &mut out);
    // The date may be signed at the end: "Lyon, le 4 avril 2023", just after the story's last
    // paragraph (not in a list of related news).
    if out.date.is_none() {
        out.date = body
            .dated
            .iter()
            .rev()
            .find(|(block, _)| *block + SIGNATURE_BLOCKS >= body.last_para)
            .map(|(_, date)| *date)
            .or(body.signature);
    }
    Some(Draft(out))
}

/// The most blocks above a title that can be a masthead: further down, they are a page's
/// navigation and its list of other news.
const MASTHEAD_BLOCKS: usize = 6;

/// The lines of the blocks above the title (block `title_block`) that are no furniture, no
/// date and no caption: a letterhead's parts, cut where a layout's wide gaps part them
/// ("The Hon Jane Roe MP  Minister for Justice"), a shouted line in the case of prose.
fn masthead(doc: &Doc, title_block: usize, vocab: &Vocab) -> Vec<String> {
    let parts: Vec<String> = (0..title_block)
        .filter_map(|i| doc.block_text(i))
        .filter(|text| {
            text.chars().nth(MASTHEAD_CHARS).is_none()
                && !is_furniture(text, vocab)
                && metadata_date(text, vocab).is_none()
                && !has_photo_cue(text, vocab)
        })
        .flat_map(str::lines)
        .flat_map(|line| line.split("  "))
        .map(str::trim)
        .filter(|part| part.chars().any(char::is_alphabetic) && !is_furniture(part, vocab))
        .map(|part| {
            if part.chars().any(char::is_lowercase) {
                collapse_ws(part)
            } else {
                soften_caps(&collapse_ws(part))
            }
        })
        .collect();
    // A name's role is the part after it: "The Hon Jane Roe MP" / "Minister for Justice";
    // a part with a comma is whole ("The Minister for Justice, John Doe").
    (0..parts.len())
        .filter_map(|i| match (parts.get(i), parts.get(i + 1)) {
            (Some(part), Some(next)) if !part.contains(',') => Some(format!("{part}, {next}")),
            (part, _) => part.cloned(),
        })
        .collect()
}

/// The longest block of a masthead, in characters.
const MASTHEAD_CHARS: usize = 400;

/// The date of a date-only or metadata line above the title (block `title_block`). Several
/// dates there are a list of the site's news ("Mar 26, 2026" / headline / "Aug 15, 2025" /
/// headline): the release's is the one whose headline is the title, else none.
fn date_above(doc: &Doc, title_block: usize, title: &str, vocab: &Vocab) -> Option<Date> {
    let dated: Vec<(usize, Date)> = (0..title_block)
        .filter_map(|i| Some((i, doc.block_text(i).and_then(|t| metadata_date(t, vocab))?)))
        .collect();
    let first = dated.first()?.1;
    if dated.iter().all(|(_, date)| *date == first) {
        return Some(first);
    }
    let key = fold_key(title);
    dated
        .iter()
        .find(|(i, _)| {
            doc.block_text(i + 1)
                .is_some_and(|next| fold_key(next) == key)
        })
        .map(|(_, date)| *date)
}

/// True when a date at token `start` of a title is set off as its dateline: in brackets or
/// after a dash ("… (Abidjan, 15 mai 2024)", "… – 4 June 2024"), after a place and a comma,
/// not after other days ("les 28, 29 et 30 mars 2024": an event's days).
fn ends_a_title_as_dateline(sent: &Sent<'_>, start: usize) -> bool {
    let Some(before) = start.checked_sub(1) else {
        return false;
    };
    let set_off = ['(', '[', '–', '—', '-', '|', ':']
        .iter()
        .any(|&mark| sent.is_punct(before, mark));
    let after_place = sent.is_punct(before, ',')
        && before
            .checked_sub(1)
            .and_then(|place| sent.tok(place))
            .is_some_and(|t| t.is_word() && t.has(shape::CAP) && !t.has(shape::HAS_DIGIT));
    set_off || after_place
}

/// What reading the body noticed besides its paragraphs.
#[derive(Debug, Default)]
struct BodyRead {
    /// Lines of the body that were only a date, with their block.
    dated: Vec<(usize, Date)>,
    /// A date line that ends the page after its further reading.
    signature: Option<Date>,
    /// The block of the last paragraph.
    last_para: usize,
}

/// A heading of this many words at least is prose (a standfirst set as a heading).
const STANDFIRST_WORDS: usize = 20;

/// A date line this many blocks from the story's end at most is its signature.
const SIGNATURE_BLOCKS: usize = 3;

/// Reads the blocks from `from` on into paragraphs, sections and link blocks.
fn read_body(doc: &Doc, from: usize, vocab: &Vocab, out: &mut Outline) -> BodyRead {
    let mut read = BodyRead::default();
    let mut reading = Reading::Body(Section::Story);
    for i in from..doc.blocks.len() {
        let (Some(text), Some(block)) = (doc.block_text(i), doc.blocks.get(i)) else {
            continue;
        };
        // "Media contacts: Jane Roe 0400 000 000 or John Doe 0411 111 111": a contacts
        // section on one line, its people on it.
        if is_contact_line(text, vocab) {
            reading = Reading::Contacts;
            out.push_contact(text);
            continue;
        }
        // "Author: Amy McKenzie": who wrote the page, a contact of its own, wherever it is.
        if byline(text, vocab).is_some() {
            out.push_contact(text);
            continue;
        }
        if let Some(heading) = heading_text(doc, i) {
            if let Some(next) = section_of(heading, vocab, out) {
                // Under "Related Posts", each post's "Read More" is its teaser's button.
                if reading == Reading::Skip && vocab.line_is(heading, LineClass::TeaserButton) {
                    continue;
                }
                // Furniture among contacts ("Twitter account: @EP_Regional") ends no card.
                if reading == Reading::Contacts && next == Reading::Skip {
                    continue;
                }
                // Contacts and "About" come after the end mark ("ENDS", "###").
                if reading != Reading::End
                    || matches!(next, Reading::Body(Section::About) | Reading::Contacts)
                {
                    reading = next;
                }
                // "For more information: https://..." holds its own link.
                // "[En savoir plus sur la plateforme](https://…)": a link named as a heading.
                let marked_title = super::links::has_marked_link(doc, i)
                    && vocab.line_phrase(heading, LineClass::MoreInfo) != Some("");
                if next == Reading::Links(0)
                    && (super::links::has_web_address(text) || text.contains('\n') || marked_title)
                {
                    out.link_blocks.push(i);
                }
                continue;
            }
            // A heading of a sentence's length is a standfirst: read as a paragraph.
            if block.kind == BlockKind::Heading && !has_words(text, STANDFIRST_WORDS) {
                // A contact's name set as a heading ("Janne OJAMO").
                if reading == Reading::Contacts {
                    out.push_contact(text);
                    continue;
                }
                if matches!(reading, Reading::Skip | Reading::Links(_)) {
                    reading = Reading::Body(Section::Story);
                }
                continue;
            }
        }
        // A teaser cut short ("… has been charged with murder following the …") is a list's
        // entry, never the story's paragraph.
        let teaser = text.trim_end().ends_with(['…']) || text.trim_end().ends_with("...");
        let prose = has_words(text, PROSE_AGAIN_WORDS) && is_prose(text) && !teaser;
        match reading {
            Reading::Skip | Reading::Contacts if prose => {
                reading = Reading::Body(Section::Story);
            }
            // "[En savoir plus sur la plateforme](https://…)" after the contacts.
            Reading::Contacts if is_marked_reading(doc, i, text) => {
                out.link_blocks.push(i);
                continue;
            }
            // "Préfecture du Rhône – Lyon, le 4 avril 2023" under the contacts: signed.
            Reading::Contacts if let Some(date) = metadata_date(text, vocab) => {
                read.dated.push((i, date));
                continue;
            }
            Reading::Contacts => {
                out.push_contact(text);
                continue;
            }
            Reading::End | Reading::Skip => continue,
            Reading::Links(misses) if super::links::is_link_block(doc, i) && !prose => {
                let marked = super::links::has_marked_link(doc, i);
                // "Issued by the ASEANAPOL Secretariat, Kuala Lumpur, 7 November 2025" under
                // the documents, closing the page: the release's signature, no link.
                if i + 1 == doc.blocks.len()
                    && !marked
                    && starts_with_date_label(text, vocab)
                    && let Some(date) = metadata_date(text, vocab)
                {
                    read.signature = Some(date);
                    continue;
                }
                if is_link_line(text) || marked {
                    out.link_blocks.push(i);
                    reading = Reading::Links(0);
                } else if misses + 1 >= MAX_NON_LINKS {
                    reading = Reading::Skip;
                } else {
                    reading = Reading::Links(misses + 1);
                }
                continue;
            }
            Reading::Links(_) => reading = Reading::Body(Section::Story),
            Reading::Body(_) => {}
        }
        let Reading::Body(section) = reading else {
            continue;
        };
        if let Some(date) = metadata_date(text, vocab) {
            read.dated.push((i, date));
            continue;
        }
        if is_furniture(text, vocab) {
            continue;
        }
        // The publisher's mandate, set without a heading: boilerplate, as an "About" section.
        let section = if section == Section::Story && vocab.line_is(text, LineClass::Mandate) {
            Section::About
        } else {
            section
        };
        // "Greta Bossenmaier" / "Chief, Communications Security Establishment" closing the
        // text: a signature, read as a contact's card.
        if let Some(card) = signature_at(doc, i, vocab) {
            out.push_contact(&card);
            break;
        }
        // "… For more information, visit www.northwind.example.com.": a link as well.
        if points_to_more(text, vocab) {
            out.link_blocks.push(i);
        }
        read.last_para = i;
        out.push_para(block.range.start, text, block.kind, block.line, section);
    }
    read
}

/// The most words of the name in an "About" heading.
const ABOUT_NAME_WORDS: usize = 8;

/// The section a heading opens, when it opens one.
fn section_of(heading: &str, vocab: &Vocab, out: &mut Outline) -> Option<Reading> {
    if vocab.line_is(heading, LineClass::EndMark) {
        return Some(Reading::End);
    }
    if vocab.line_is(heading, LineClass::MoreInfo) {
        return Some(Reading::Links(0));
    }
    if vocab.line_is(heading, LineClass::Contact) {
        return Some(Reading::Contacts);
    }
    // "About Europol", not "About EUR 120 million saved thanks to mitigation efforts".
    if let Some(name) = vocab.line_phrase(heading, LineClass::About)
        && !has_words(name, ABOUT_NAME_WORDS + 1)
        && !name.chars().any(|c| c.is_ascii_digit())
    {
        let name = strip_article(name, vocab);
        if !name.is_empty() && name.chars().next().is_some_and(char::is_uppercase) {
            out.about.push(name.to_string());
        }
        return Some(Reading::Body(Section::About));
    }
    if vocab.line_is(heading, LineClass::Background) {
        return Some(Reading::Body(Section::Background));
    }
    if vocab.line_is(heading, LineClass::Clutter) {
        return Some(Reading::Skip);
    }
    None
}

/// `name` without a leading article ("l'ONUDC" -> "ONUDC", "the UNODC" -> "UNODC").
pub(crate) fn strip_article<'n>(name: &'n str, vocab: &Vocab) -> &'n str {
    let buf = tokens_of(name, vocab);
    let sent = buf.sent(name, 0..buf.len(), vocab);
    let mut at = 0;
    while let Some(n) = sent.phrase_at(at, Class::Determiner) {
        at += n;
    }
    match sent.tok(at) {
        Some(tok) if at > 0 => name.get(tok.start..).unwrap_or(name),
        _ => name,
    }
}

#[cfg(test)]
#[allow(
    clippy::indexing_slicing,
    reason = "a test fails loudly on a wrong length"
)]
mod tests {
    use super::*;
    use crate::import::blocks::parse_blocks;
    use crate::import::lexicon::vocab;
    use crate::model::Lang;
    use rstest::rstest;

    /// The outline of `doc`, its body made from a copy of the Doc's text.
    fn outline(doc: &Doc, vocab: &Vocab) -> Option<Outline> {
        read(doc, vocab).map(|draft| draft.into_outline(doc.text.clone()))
    }

    /// A draft whose paragraphs are `ranges` of a text.
    fn draft_of(ranges: &[std::ops::Range<usize>]) -> Draft {
        Draft(Outline {
            paras: ranges
                .iter()
                .map(|range| Para {
                    range: range.clone(),
                    kind: BlockKind::Paragraph,
                    line: 1,
                    section: Section::Story,
                })
                .collect(),
            ..Outline::default()
        })
    }

    /// The body as the paragraphs pushed one by one onto a text would make it.
    fn pushed(text: &str, ranges: &[std::ops::Range<usize>]) -> (String, Vec<String>) {
        let mut body = String::new();
        let mut paras = Vec::new();
        for range in ranges {
            if !body.is_empty() {
                body.push_str("\n\n");
            }
            body.push_str(&text[range.clone()]);
            paras.push(text[range.clone()].to_string());
        }
        (body, paras)
    }

    #[rstest]
    #[case::in_place("Title\n\nLead é\n\nSecond", &[7..14, 16..22])]
    #[case::furniture_between("T\n\nlead «x»\n\nShare\n\nnext — y\n\nend", &[3..13, 22..32])]
    #[case::empty_first("T\n\n\n\nnext\n\nlast", &[3..3, 5..9, 11..15])]
    #[case::one_byte_gaps("a b c d", &[0..1, 2..3, 4..5, 6..7])]
    #[case::none("only a title", &[])]
    fn into_outline_gives_the_paragraphs_joined_by_blank_lines(
        #[case] text: &str,
        #[case] ranges: &[std::ops::Range<usize>],
    ) {
        let (want, paras) = pushed(text, ranges);
        // Gaps replaced where they are, paragraphs moved in one pass, or copied.
        let replaced = draft_of(ranges).into_outline(text.to_string());
        // Moving in one pass needs room for the blank lines (not so with one-byte gaps).
        let mut moved_paras = draft_of(ranges).0.paras;
        let moved = if text.contains("\n\n") {
            compact(text.to_string(), &mut moved_paras)
        } else {
            copy_paras(text, &mut moved_paras)
        };
        let mut copied_paras = draft_of(ranges).0.paras;
        let copied = copy_paras(text, &mut copied_paras);
        for (body, ranges) in [
            (&replaced.text, &replaced.paras),
            (&moved, &moved_paras),
            (&copied, &copied_paras),
        ] {
            assert_eq!(body, &want);
            let got: Vec<&str> = ranges.iter().map(|p| &body[p.range.clone()]).collect();
            assert_eq!(got, paras);
        }
    }

    #[test]
    fn into_outline_copies_paragraphs_out_of_order() {
        let text = "first\n\nsecond";
        let out = draft_of(&[7..13, 0..5]).into_outline(text.to_string());
        assert_eq!(out.text, "second\n\nfirst");
        assert_eq!(out.para_text(1), Some("first"));
    }

    #[test]
    fn keep_only_lead_cuts_the_text_after_the_lead() {
        let doc = parse_blocks(crate::model::BUNDLED_RELEASE);
        let mut out = outline(&doc, vocab(Lang::Fr)).unwrap();
        let lead = out.para_text(0).unwrap().to_string();
        assert!(out.paras.len() > 1 && out.text.len() > lead.len());
        out.keep_only_lead();
        assert_eq!(out.text, lead);
        assert_eq!(out.paras.len(), 1);
        assert_eq!(out.para_text(0), Some(lead.as_str()));
    }

    #[rstest]
    #[case::french(
        "23 mai 2016 - Lors d'un événement",
        Lang::Fr,
        "2016-05-23",
        None,
        "Lors"
    )]
    #[case::premier("1er juin 2020 – Texte", Lang::Fr, "2020-06-01", None, "Texte")]
    #[case::city_fr(
        "Vienne (Autriche), le 23 mai 2016 – Texte",
        Lang::Fr,
        "2016-05-23",
        Some("Vienne (Autriche)"),
        "Texte"
    )]
    #[case::us("May 23, 2016 - Text", Lang::En, "2016-05-23", None, "Text")]
    #[case::british(
        "VIENNA, 23 May 2016 – Text",
        Lang::En,
        "2016-05-23",
        Some("Vienna"),
        "Text"
    )]
    #[case::range(
        "VIENNA, 8-9 JUNE 2023 – Text",
        Lang::En,
        "2023-06-08",
        Some("Vienna"),
        "Text"
    )]
    #[case::weekday("Monday, 23 May 2016: Text", Lang::En, "2016-05-23", None, "Text")]
    #[case::wire(
        "NEW YORK, May 23, 2016 /PRNewswire/ -- Text",
        Lang::En,
        "2016-05-23",
        Some("New York"),
        "Text"
    )]
    #[case::iso("2016-05-23 - Text", Lang::En, "2016-05-23", None, "Text")]
    #[case::article_city(
        "The Hague, 14 September 2021 – Text",
        Lang::En,
        "2021-09-14",
        Some("The Hague"),
        "Text"
    )]
    #[case::figures_period(
        "BRUXELLES, 01/04/2016. - Ce matin",
        Lang::Fr,
        "2016-04-01",
        Some("Bruxelles"),
        "Ce matin"
    )]
    #[case::weekday_fr(
        "Le Havre, le lundi 3 juin 2024 - Texte",
        Lang::Fr,
        "2024-06-03",
        Some("Le Havre"),
        "Texte"
    )]
    #[case::closed_by_a_period(
        "Berne, le 3.6.2005. La Suisse entend coopérer",
        Lang::Fr,
        "2005-06-03",
        Some("Berne"),
        "La Suisse"
    )]
    fn dateline_forms_are_read(
        #[case] text: &str,
        #[case] lang: Lang,
        #[case] date: &str,
        #[case] place: Option<&str>,
        #[case] rest: &str,
    ) {
        let d = dateline(text, vocab(lang)).expect("a dateline");
        assert_eq!(d.date.to_string(), date);
        assert_eq!(d.place.as_deref(), place);
        assert!(text[d.rest..].starts_with(rest), "{}", &text[d.rest..]);
    }

    #[rstest]
    #[case::body_date("Lors de la réunion du 23 mai 2016, les ministres", Lang::Fr)]
    #[case::sentence("The meeting on May 23, 2016 was long.", Lang::En)]
    #[case::impossible("31 February 2016 - Text", Lang::En)]
    #[case::period_without_place("On 3 June 2005. The office opened.", Lang::En)]
    fn dates_in_sentences_are_no_datelines(#[case] text: &str, #[case] lang: Lang) {
        assert_eq!(dateline(text, vocab(lang)), None);
    }

    #[rstest]
    #[case::published("Published on 03 Feb 2021", Lang::En, Some("2021-02-03"))]
    #[case::glued("Newsroom2021-02-03 09:12:44", Lang::En, Some("2021-02-03"))]
    #[case::colon("Published: 04 June 2025", Lang::En, Some("2025-06-04"))]
    #[case::fr_colon("Publié : 14 février 2024", Lang::Fr, Some("2024-02-14"))]
    #[case::masthead("Police News Releases", Lang::En, None)]
    #[case::fr("Publié le 1er avril 2024", Lang::Fr, Some("2024-04-01"))]
    #[case::updated("Updated 14 February 2024", Lang::En, None)]
    #[case::issued_by(
        "Issued by the ASEANAPOL Secretariat, Kuala Lumpur, 7 November 2025",
        Lang::En,
        Some("2025-11-07")
    )]
    #[case::sentence(
        "Published 14 February 2024 by the Home Office team in London",
        Lang::En,
        None
    )]
    #[case::numbered("E41/04             7  April  2004", Lang::En, Some("2004-04-07"))]
    #[case::numbered_with_a_word("Room 41/04 7 April 2004", Lang::En, None)]
    #[case::contact_after(
        "January 14, 2024 Contact: Claire Crouch",
        Lang::En,
        Some("2024-01-14")
    )]
    #[case::words_after("January 14, 2024 Crouch said: yes", Lang::En, None)]
    fn metadata_dates_are_read(#[case] text: &str, #[case] lang: Lang, #[case] want: Option<&str>) {
        assert_eq!(
            metadata_date(text, vocab(lang))
                .map(|d| d.to_string())
                .as_deref(),
            want
        );
    }

    #[rstest]
    #[case::breadcrumb("Home > News & Events > News", true)]
    #[case::breadcrumb_guillemets("Accueil » Actualités » Communiqués", true)]
    #[case::two_quotes(
        "« Nous avons déjà obtenu des résultats concrets », a souligné M. Itälä. « Avec ce protocole, nous irons plus loin. »",
        false
    )]
    #[case::share("Share Facebook Twitter LinkedIn Email", true)]
    #[case::content_type("Content type: Press release", true)]
    #[case::cookies("This website uses cookies to improve your experience.", true)]
    #[case::title("INTERPOL and UNODC sign agreement", false)]
    #[case::editors_note("Editor's note: Images and vision available via Hightail", true)]
    #[case::markup("\" class=\"we-megamenu-nolink\" title=\"Open the menu\">", true)]
    #[case::search_box("What are you looking for?", true)]
    #[case::reading_time("2 min read", true)]
    #[case::site_cookies("This site uses cookies. Visit our cookies policy page.", true)]
    #[case::a_count_of_things("297 arrested", false)]
    fn furniture_is_told_from_text(#[case] text: &str, #[case] want: bool) {
        assert_eq!(is_furniture(text, vocab(Lang::En)), want);
    }

    #[test]
    fn a_page_copied_from_a_browser_gives_the_lead_not_the_clutter() {
        let page = "Home > News > Press releases\n\nShare\n\nEuropol and Eurojust dismantle a fraud network\n\nContent type: Press release\n\nPublished on 03 Feb 2021\n\nThe Hague, 3 February 2021 – Police in five countries arrested 12 suspects of an investment fraud that cost victims EUR 20 million.\n\nThe suspects lured victims through fake trading platforms.\n\nRelated news\n\nAnother story\n\nYet another story\n";
        let doc = parse_blocks(page);
        let out = outline(&doc, vocab(Lang::En)).unwrap();
        assert_eq!(out.title, "Europol and Eurojust dismantle a fraud network");
        assert_eq!(
            out.date.map(|d| d.to_string()).as_deref(),
            Some("2021-02-03")
        );
        assert!(
            out.para_text(0)
                .unwrap()
                .starts_with("Police in five countries"),
            "{:?}",
            out.paras
        );
        assert_eq!(out.paras.len(), 2, "{:?}", out.paras);
    }

    #[test]
    fn a_publisher_signed_under_the_release_is_no_second_title() {
        let text = "Singapore Police Force\nPolice News Releases\n\nMore Than 1,800 Persons Arrested In Month-Long Operation\n\nPublished: 04 June 2025\n\nThe Singapore Police Force took part in a month-long transnational operation against scam syndicates together with law enforcement agencies from seven jurisdictions.\n\nPUBLIC AFFAIRS DEPARTMENT\nSINGAPORE POLICE FORCE\n04 June 2025 @ 3:20 PM\n";
        let v = vocab(Lang::En);
        let out = outline(&parse_blocks(text), v).unwrap();
        assert_eq!(
            out.title,
            "More Than 1,800 Persons Arrested In Month-Long Operation"
        );
        assert!(out.text.contains("scam syndicates"));
    }

    #[rstest]
    #[case::city("LONDON – The agency said", Some("London"))]
    #[case::city_country("LYON, France – More than a hundred tortoises", Some("Lyon, France"))]
    #[case::no_dash("LYON, France is a city", None)]
    #[case::sentence("The agency said – nothing", None)]
    #[case::bracketed("(Dallas) – The office announced", Some("Dallas"))]
    #[case::bracketed_state("(Houston, TX) - Today, the office", Some("Houston, TX"))]
    #[case::bracketed_aside("(The office said) it would", None)]
    fn wire_places_are_read(#[case] text: &str, #[case] want: Option<&str>) {
        let got = wire_place(text, vocab(Lang::En)).map(|(p, _)| p);
        assert_eq!(got.as_deref(), want);
    }

    #[rstest]
    #[case::back_link(
        "Retour à la liste des communiqués\n\nTrafic d'armes à feu : frappe policière à Montréal\n\nMontréal, le 11 décembre 2024 – Les policiers de l'équipe intégrée ont mené une opération contre le trafic d'armes dans la région.\n",
        Lang::Fr,
        "Trafic d'armes à feu : frappe policière à Montréal"
    )]
    #[case::from_label(
        "Communiqué de presse\n\nLa GRC met en garde contre la sextorsion\n\n18 novembre 2024 - Ottawa (Ontario)\nDe : Gendarmerie royale du Canada\n\nSur cette page\n\nLa Gendarmerie royale du Canada et ses partenaires mettent en garde les parents contre la hausse des cas de sextorsion visant les adolescents.\n",
        Lang::Fr,
        "La GRC met en garde contre la sextorsion"
    )]
    #[case::image_description(
        "Ministère de l'Intérieur\nAccueil > Actualités > Communiqués de presse\n\nCommuniqué de presse conjoint de M. Gérald Darmanin, ministre de l'Intérieur, et de Mme Nancy Faeser, ministre fédérale de l'Intérieur, à l'issue du Conseil des ministres\n\n  • Communiqués de presse\n  • Publié le 13/03/2024\n\ndrapeaux français et allemand\n\nÀ l'occasion de la participation de Mme Nancy Faeser au Conseil des ministres du 13 mars 2024, les deux ministres ont arrêté les modalités de leur coopération.\n",
        Lang::Fr,
        "Communiqué de presse conjoint de M. Gérald Darmanin, ministre de l'Intérieur, et de Mme Nancy Faeser, ministre fédérale de l'Intérieur, à l'issue du Conseil des ministres"
    )]
    #[case::menu_entries(
        "-\nWho we are\n-\nOur Work\n- Where we work\n- Data and Research\n\nIOM Trains Immigration Officers to Tackle Human Trafficking\n\nThailand - Millions of migrants leave from, pass through or settle in Thailand, whose long land borders link it to four neighbours.\n",
        Lang::En,
        "IOM Trains Immigration Officers to Tackle Human Trafficking"
    )]
    #[case::labelled_headline(
        "March 3, 2025 Contact: Ann Lee\nCounty Prosecutor’s Office\n555-123-4567 (Office)\nFor Immediate Release: County Prosecutor’s Office Opens a New Fraud Unit to Protect Older\nResidents of the County\n(Springfield) – The County Prosecutor opened a unit today that will prosecute fraud against\nolder residents of the county and help the victims of such fraud to recover what they lost.\n",
        Lang::En,
        "County Prosecutor’s Office Opens a New Fraud Unit to Protect Older Residents of the County"
    )]
    #[case::last_labelled_headline(
        "FOR IMMEDIATE RELEASE: Ten Charged in Fraud Ring - Office of the County Prosecutor\n\nNews\n\nFOR IMMEDIATE RELEASE: Ten Charged in Fraud Ring\n\nSpringfield – March 3, 2025\n\nThe County Prosecutor charged ten people today with running a fraud ring across the state for years.\n",
        Lang::En,
        "Ten Charged in Fraud Ring"
    )]
    #[case::listed_headline(
        "More News\nMar 26, 2025\nProsecutor Files Charges in an Old Case\nAug 15, 2024\nMan Charged with Fraud Returned from Spain\nNews Releases\nJohn Roe Accused of Defrauding Pensioners\nMan Charged with Fraud Returned from Spain\nToday, the County Prosecutor announced that a man charged with fraud was returned from Spain to face trial.\n",
        Lang::En,
        "Man Charged with Fraud Returned from Spain"
    )]
    fn page_labels_are_no_titles(#[case] text: &str, #[case] lang: Lang, #[case] want: &str) {
        let out = outline(&parse_blocks(text), vocab(lang)).unwrap();
        assert_eq!(out.title, want);
    }

    #[test]
    fn a_lone_dash_is_no_title() {
        let text = "-\nWho we are\n-\nOur Work\n\nIOM Trains Immigration Officers to Tackle Human Trafficking\n\nThailand - Millions of migrants leave from, pass through or settle in Thailand, whose long land borders link it to four neighbours.\n";
        let out = outline(&parse_blocks(text), vocab(Lang::En)).unwrap();
        assert_eq!(
            out.title,
            "IOM Trains Immigration Officers to Tackle Human Trafficking"
        );
    }

    #[test]
    fn a_mandate_paragraph_without_heading_is_boilerplate() {
        let text = "Agencies dismantle a ransomware network\n\nTHE HAGUE, 3 May 2024 - Police in ten countries took down the servers of a ransomware group today.\n\nHeadquartered in The Hague, the Netherlands, Europol supports the 27 EU Member States in their fight against terrorism and serious crime.\n";
        let doc = parse_blocks(text);
        let out = outline(&doc, vocab(Lang::En)).unwrap();
        let sections: Vec<Section> = out.paras.iter().map(|p| p.section).collect();
        assert_eq!(sections, [Section::Story, Section::About]);
    }

    #[rstest]
    #[case::place_comma(
        "Lancement d'une plateforme (Abidjan, 15 mai 2024)\n\nLa plateforme ouvre.\n",
        Lang::Fr,
        Some("2024-05-15")
    )]
    #[case::dash(
        "Ministers agree on a plan – 4 June 2024\n\nThe ministers met.\n",
        Lang::En,
        Some("2024-06-04")
    )]
    #[case::event_days(
        "Le Drupalcamp se tiendra à Rennes les 28, 29 et 30 mars 2024.\n\nL'association organise.\n",
        Lang::Fr,
        None
    )]
    #[case::event_on(
        "The forum will meet in Vienna on 8 June 2024\n\nThe forum meets.\n",
        Lang::En,
        None
    )]
    fn a_title_dates_the_release_only_with_a_dateline(
        #[case] text: &str,
        #[case] lang: Lang,
        #[case] want: Option<&str>,
    ) {
        let doc = parse_blocks(text);
        let out = outline(&doc, vocab(lang)).unwrap();
        assert_eq!(out.date.map(|d| d.to_string()).as_deref(), want);
    }

    #[test]
    fn a_first_line_ending_in_an_events_days_is_the_title() {
        let text = "Le Drupalcamp se tiendra à Rennes les 28, 29 et 30 mars 2024\n\n\
                    L'association organise la onzième édition de son rendez-vous annuel.\n";
        let doc = parse_blocks(text);
        let out = outline(&doc, vocab(Lang::Fr)).unwrap();
        assert_eq!(
            out.title,
            "Le Drupalcamp se tiendra à Rennes les 28, 29 et 30 mars 2024"
        );
        assert_eq!(out.date, None);
    }

    #[test]
    fn seed_front_is_read() {
        let doc = parse_blocks(crate::model::BUNDLED_RELEASE);
        let out = outline(&doc, vocab(Lang::Fr)).unwrap();
        assert!(out.title.starts_with("Un accord entre l'ONUDC et INTERPOL"));
        assert_eq!(
            out.date.map(|d| d.to_string()).as_deref(),
            Some("2016-05-23")
        );
        assert!(out.caption.as_deref().unwrap().ends_with("Photo : ONUDC"));
        assert!(
            out.para_text(0)
                .unwrap()
                .starts_with("Lors d'un événement parallèle")
        );
        let texts: Vec<_> = out.link_blocks.iter().map(|&i| doc.block_text(i)).collect();
        assert_eq!(out.link_blocks.len(), 3, "{texts:?}");
    }
}
