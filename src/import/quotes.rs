//! Direct quotes: finding them (« », “ ”, „ “, ‘ ’, " ", ‹ ›), and reading the attribution
//! clause around each one ("a noté M. Fedotov", "Juergen Stock a dit", "said the minister").
//!
//! The scan is one forward pass with a small state machine. A quote may run across up to
//! [`MAX_QUOTE_PARAGRAPHS`] paragraphs (each new paragraph may reopen it, as English
//! typography does) and [`MAX_QUOTE_BYTES`] bytes. An opening mark with no closing mark
//! within those limits, or followed by another opening mark of its kind before its close, is
//! left as text, with a warning; the scan then resumes just after it. A failed opening mark
//! is retried at most once per region, so the work stays linear. No I/O here.

use std::ops::Range;

use super::lexicon::{Kind, Vocab};
use super::sent::Sent;
use super::text::{Token, ceil_boundary, collapse_ws, floor_boundary};

/// The longest quote, in bytes of the release.
pub const MAX_QUOTE_BYTES: usize = 8 * 1024;
/// The most paragraphs one quote may span.
pub const MAX_QUOTE_PARAGRAPHS: usize = 5;
/// Attribution clauses are looked for within this many bytes of a quote.
const WINDOW_BYTES: usize = 240;

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

fn mark_at(body: &str, i: usize) -> Option<Mark> {
    let c = body.get(i..)?.chars().next()?;
    let prev = body.get(..i).and_then(|s| s.chars().next_back());
    let next = body.get(i + c.len_utf8()..).and_then(|s| s.chars().next());
    let m = |opens: Option<Family>, closes: u8| Mark {
        len: c.len_utf8(),
        opens,
        closes,
        glyph: c,
    };
    Some(match c {
        '«' => m(Some(Family::Guillemets), 0),
        '»' => m(None, Family::Guillemets.bit()),
        '‹' => m(Some(Family::Angle), 0),
        '›' => m(None, Family::Angle.bit()),
        '“' => m(Some(Family::Curly), Family::Low.bit()),
        '”' => m(None, Family::Curly.bit() | Family::Low.bit()),
        '„' => m(Some(Family::Low), 0),
        '‘' if !prev.is_some_and(char::is_alphanumeric) => m(Some(Family::Single), 0),
        '’' if prev.is_some_and(|p| !p.is_whitespace())
            && !next.is_some_and(char::is_alphanumeric) =>
        {
            m(None, Family::Single.bit())
        }
        '"' => {
            let open_side = prev.is_none_or(|p| p.is_whitespace() || "([{-—–/".contains(p));
            let close_side = prev.is_some_and(|p| !p.is_whitespace())
                && next.is_none_or(|n| n.is_whitespace() || !n.is_alphanumeric());
            if open_side && next.is_some_and(|n| !n.is_whitespace()) {
                m(Some(Family::Straight), 0)
            } else if close_side {
                m(None, Family::Straight.bit())
            } else {
                return None;
            }
        }
        _ => return None,
    })
}

/// A quote as found: byte ranges in the body, and the paragraphs it spans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawQuote {
    /// Where the opening mark is.
    pub open: usize,
    /// The words between the marks.
    pub inner: Range<usize>,
    /// Just after the closing mark.
    pub close_end: usize,
    /// The first and last paragraph (indexes into the paragraph list).
    pub paras: (usize, usize),
}

/// Problems worth telling the user: byte offsets in the body and messages, the first
/// [`Warnings::KEPT`] of them, and how many more there were.
#[derive(Debug, Default)]
pub struct Warnings {
    /// The first warnings, as (byte offset, message).
    pub list: Vec<(usize, String)>,
    /// How many more were not kept.
    pub more: usize,
}

impl Warnings {
    /// Warnings kept; a release full of stray marks must not fill memory with messages.
    pub const KEPT: usize = 64;

    /// Adds a warning, or counts it when enough are kept (then the message is not made).
    pub fn push(&mut self, at: usize, message: impl FnOnce() -> String) {
        if self.list.len() < Warnings::KEPT {
            self.list.push((at, message()));
        } else {
            self.more += 1;
        }
    }
}

/// Finds every quote of `body`, whose paragraphs are `paras` (in order, not overlapping).
pub fn scan(body: &str, paras: &[Range<usize>], warnings: &mut Warnings) -> Vec<RawQuote> {
    let mut out = Vec::new();
    let mut pos = 0;
    let mut para = 0;
    // (family, opening position, its length, its paragraph)
    let mut inside: Option<(Family, usize, usize, usize, char)> = None;
    // The last paragraph the open quote reached, and whether it reopens at each paragraph.
    let mut seen_para = 0;
    let mut style: Option<bool> = None;
    let bytes = body.as_bytes();
    loop {
        if pos >= body.len() {
            // A mark still open at the end: what followed it may hold quotes of its own.
            if let Some((fam, open, len, open_para, glyph)) = inside.take() {
                unbalanced(fam, open, glyph, warnings);
                pos = open + len;
                para = open_para;
                continue;
            }
            break;
        }
        while paras.get(para).is_some_and(|p| pos >= p.end) {
            para += 1;
        }
        // Crossing into new paragraphs: each reopens the quote (English style) or none does
        // (French style); one quote must keep one style.
        let mut mixed = false;
        if let Some((fam, ..)) = inside {
            while seen_para < para && !mixed {
                seen_para += 1;
                let reopens = paras.get(seen_para).is_some_and(|p| {
                    let lead = body.get(p.clone()).unwrap_or("");
                    let at = p.start + (lead.len() - lead.trim_start().len());
                    mark_at(body, at).is_some_and(|m| m.opens == Some(fam))
                });
                mixed = style.is_some_and(|s| s != reopens);
                style = Some(reopens);
            }
        }
        if let Some((fam, open, len, open_para, glyph)) = inside
            && (mixed || pos - open > MAX_QUOTE_BYTES || para >= open_para + MAX_QUOTE_PARAGRAPHS)
        {
            unbalanced(fam, open, glyph, warnings);
            inside = None;
            pos = open + len;
            para = open_para;
            continue;
        }
        let b = bytes.get(pos).copied().unwrap_or(0);
        // Every mark starts with one of these bytes; jump to the next one (no further than
        // where an open quote would be too long, so that limit is seen in time).
        if !matches!(b, b'"' | 0xC2 | 0xE2) {
            let limit = inside.map_or(body.len(), |(_, open, ..)| {
                (open + MAX_QUOTE_BYTES + 1).min(body.len())
            });
            pos = memchr::memchr3(
                b'"',
                0xC2,
                0xE2,
                bytes.get(pos..limit.max(pos + 1)).unwrap_or(&[]),
            )
            .map_or(limit.max(pos + 1), |k| pos + k);
            continue;
        }
        let Some(mark) = mark_at(body, pos) else {
            pos = ceil_boundary(body, pos + 1);
            continue;
        };
        match inside {
            None => {
                if let Some(fam) = mark.opens {
                    inside = Some((fam, pos, mark.len, para, mark.glyph));
                    seen_para = para;
                    style = None;
                }
            }
            Some((fam, open, len, open_para, glyph)) => {
                if mark.closes & fam.bit() != 0 {
                    out.push(RawQuote {
                        open,
                        inner: open + len..pos,
                        close_end: pos + mark.len,
                        paras: (open_para, para),
                    });
                    inside = None;
                } else if mark.opens == Some(fam) {
                    let at_para_start = para > open_para
                        && paras.get(para).is_some_and(|p| {
                            body.get(p.start..pos).is_some_and(|s| s.trim().is_empty())
                        });
                    if !at_para_start {
                        // Two openings in a row: the first never closed.
                        unbalanced(fam, open, glyph, warnings);
                        inside = None;
                        pos = open + len;
                        para = open_para;
                        continue;
                    }
                }
            }
        }
        pos += mark.len;
    }
    out
}

fn unbalanced(fam: Family, open: usize, glyph: char, warnings: &mut Warnings) {
    // Lone single marks are mostly apostrophes; not worth a warning.
    if fam != Family::Single {
        warnings.push(open, || {
            format!("'{glyph}' opens a quote that is never closed; left as text")
        });
    }
}

/// The words of a quote: each paragraph's part, trimmed, without the mark that reopens a
/// continued paragraph, joined by a blank line.
pub fn quote_text(body: &str, paras: &[Range<usize>], q: &RawQuote) -> String {
    let mut parts = Vec::new();
    for p in q.paras.0..=q.paras.1 {
        let Some(range) = paras.get(p) else { continue };
        let a = q.inner.start.max(range.start);
        let b = q.inner.end.min(range.end);
        let Some(mut part) = body.get(a..b.max(a)).map(str::trim) else {
            continue;
        };
        if p > q.paras.0 {
            part = part
                .trim_start_matches(['«', '“', '„', '"', '‘', '‹'])
                .trim_start();
        }
        let part = collapse_ws(part);
        if !part.is_empty() {
            parts.push(part);
        }
    }
    let text = parts.join("\n\n");
    text.trim_end_matches([',', ';', ' ', '\u{a0}', '\u{202f}'])
        .to_string()
}

/// A clause that attributes a quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    /// The window of text the clause was read from.
    pub window: String,
    /// Its tokens.
    pub toks: Vec<Token>,
    /// Their lowercase buffer.
    pub lower: String,
    /// The subject's tokens within it.
    pub subject: Range<usize>,
    /// When or where it was said.
    pub context: Option<String>,
}

/// The text after a quote, up to the end of its sentence or the next quote.
pub fn after_window<'a>(body: &'a str, paras: &[Range<usize>], q: &RawQuote) -> &'a str {
    let end = paras.get(q.paras.1).map_or(body.len(), |p| p.end);
    let end = floor_boundary(body, end.min(q.close_end + WINDOW_BYTES));
    let w = body.get(q.close_end..end.max(q.close_end)).unwrap_or("");
    match w.find(['«', '“', '„', '"', '‹']) {
        Some(i) => w.get(..i).unwrap_or(w),
        None => w,
    }
}

/// The text before a quote, from the end of the previous quote of the same paragraph (or
/// the paragraph's start) to the opening mark.
pub fn before_window<'a>(
    body: &'a str,
    paras: &[Range<usize>],
    q: &RawQuote,
    prev_close: Option<usize>,
) -> &'a str {
    let para_start = paras.get(q.paras.0).map_or(0, |p| p.start);
    let mut start = para_start.max(q.open.saturating_sub(WINDOW_BYTES));
    if let Some(c) = prev_close
        && c > start
        && c <= q.open
    {
        start = c;
    }
    let start = ceil_boundary(body, start);
    let w = body.get(start..q.open.max(start)).unwrap_or("");
    if w.trim().is_empty() && q.paras.0 > 0 && prev_close.is_none_or(|c| c < para_start) {
        // A quote opening its paragraph, after a paragraph that ends "he said:".
        if let Some(prev) = paras.get(q.paras.0 - 1) {
            let text = body.get(prev.clone()).unwrap_or("");
            if text.trim_end().ends_with(':') {
                let from = floor_boundary(text, text.len().saturating_sub(WINDOW_BYTES));
                return text.get(from..).unwrap_or("");
            }
        }
    }
    w
}

fn ends_sentence(toks: &[Token], src: &str, lower: &str, i: usize, vocab: &Vocab) -> bool {
    let Some(t) = toks.get(i) else { return false };
    match t.punct(src) {
        Some('!' | '?' | '…') => true,
        Some('.') => {
            let prev = i.checked_sub(1).and_then(|k| toks.get(k));
            !prev.is_some_and(|p| {
                let l = p.lower(lower);
                p.word
                    && (l.chars().count() == 1
                        || vocab.is_any(l, &[Kind::Abbreviation, Kind::Honorific]))
            })
        }
        _ => false,
    }
}

fn is_boundary(t: &Token, src: &str) -> bool {
    matches!(t.punct(src), Some(',' | ';' | ':' | '(' | ')' | '—' | '–'))
}

/// Reads an attribution clause right after a quote: ", a noté M. Fedotov lors de ...",
/// ", said the minister", ", he added", ", a-t-il affirmé", ", selon l'ONUDC".
pub fn clause_after(window: &str, vocab: &Vocab) -> Option<Clause> {
    // Only the first sentence can hold the clause.
    let end = super::text::first_sentences(window, vocab, 1)
        .first()
        .map_or(window.len(), |r| r.end);
    let window = window.get(..end).unwrap_or(window);
    let (mut toks, mut lower) = (Vec::with_capacity(64), String::with_capacity(window.len()));
    vocab.tokenize(window, &mut toks, &mut lower);
    let (subject, context) = after_in(window, &toks, &lower, vocab)?;
    Some(Clause {
        window: window.to_string(),
        toks,
        lower,
        subject,
        context,
    })
}

/// A subject (token range) and the circumstances of the quote.
type Found = (Range<usize>, Option<String>);

fn after_in(window: &str, toks: &[Token], lower: &str, vocab: &Vocab) -> Option<Found> {
    let end = (0..toks.len())
        .find(|&i| ends_sentence(toks, window, lower, i, vocab))
        .unwrap_or(toks.len());
    let toks = toks.get(..end)?;
    let mut i = 0;
    while toks.get(i).is_some_and(|t| !t.word) {
        i += 1;
    }
    if i >= toks.len() {
        return None;
    }
    let s = Sent {
        src: window,
        toks,
        lower,
        vocab,
    };
    if let Some(m) = vocab.match_at(toks, lower, i, Kind::AccordingTo) {
        return subject_after(s, i + m);
    }
    for v in i..toks.len().min(i + 10) {
        let t = toks.get(v)?;
        if is_boundary(t, window) {
            return None;
        }
        let l = t.lower(lower);
        if let Some(suffix) = vocab.lex.inverted_pronouns.iter().find(|s| l.ends_with(*s)) {
            let base = l.get(..l.len() - suffix.len()).unwrap_or("");
            if vocab.is_any(base, &[Kind::SpeechVerb, Kind::VerbFiller]) {
                let ctx = context_from(
                    s,
                    v + 1
                        + usize::from(vocab.is(
                            toks.get(v + 1).map_or("", |t| t.lower(lower)),
                            Kind::SpeechVerb,
                        )),
                );
                return Some((v..v + 1, ctx));
            }
        }
        if let Some(m) = vocab.match_at(toks, lower, v, Kind::SpeechVerb) {
            let mut a = v;
            while a > i
                && s.toks
                    .get(a - 1)
                    .is_some_and(|t| t.word && vocab.token_is(t, lower, &[Kind::VerbFiller]))
            {
                a -= 1;
            }
            if a > i {
                return Some((i..a, context_from(s, v + m)));
            }
            let mut b = v + m;
            while toks
                .get(b)
                .is_some_and(|t| t.word && vocab.token_is(t, lower, &[Kind::VerbFiller]))
            {
                b += 1;
            }
            return subject_after(s, b);
        }
    }
    None
}

/// The subject that follows a verb: up to a comma, a context phrase, or eight words.
fn subject_after(s: Sent<'_>, from: usize) -> Option<Found> {
    let mut end = from;
    while let Some(t) = s.toks.get(end) {
        if is_boundary(t, s.src)
            || end > from
                && s.vocab
                    .match_at(s.toks, s.lower, end, Kind::ContextCue)
                    .is_some()
            || end - from >= 8
        {
            break;
        }
        end += 1;
    }
    (end > from).then(|| (from..end, context_from(s, end)))
}

/// The circumstances after the subject, when they start with a context cue.
fn context_from(s: Sent<'_>, from: usize) -> Option<String> {
    let mut i = from;
    if s.toks.get(i).is_some_and(|t| t.is(s.src, ',')) {
        i += 1;
    }
    s.vocab.match_at(s.toks, s.lower, i, Kind::ContextCue)?;
    let start = s.toks.get(i)?.start;
    let end = s.toks.last()?.end;
    let text = collapse_ws(s.src.get(start..end)?);
    let text = text.trim_end_matches(['.', ',', ';', ' ']).to_string();
    (text.split(' ').count() <= 16).then(|| super::text::lowercase_first(&text))
}

/// Reads an attribution clause ending right before a quote: "Juergen Stock a dit",
/// "The minister said:", "Selon M. Fedotov,", "X a déclaré que".
pub fn clause_before(window: &str, vocab: &Vocab) -> Option<Clause> {
    // Only the last sentence can hold the clause.
    let start = super::text::sentences(window, vocab)
        .last()
        .map_or(0, |r| r.start);
    let window = window.get(start..).unwrap_or(window);
    let (mut toks, mut lower) = (Vec::with_capacity(64), String::with_capacity(window.len()));
    vocab.tokenize(window, &mut toks, &mut lower);
    let (subject, context) = before_in(window, &toks, &lower, vocab)?;
    Some(Clause {
        window: window.to_string(),
        toks,
        lower,
        subject,
        context,
    })
}

fn before_in(window: &str, toks: &[Token], lower: &str, vocab: &Vocab) -> Option<Found> {
    let start = (0..toks.len())
        .rev()
        .find(|&i| ends_sentence(toks, window, lower, i, vocab))
        .map_or(0, |i| i + 1);
    let mut end = toks.len();
    while end > start
        && toks.get(end - 1).is_some_and(|t| {
            matches!(t.punct(window), Some(':' | ',' | '—' | '–' | '-'))
                || t.word
                    && vocab.token_is(t, lower, &[Kind::ListStopper])
                    && matches!(t.lower(lower), "que" | "qu'" | "that")
        })
    {
        end -= 1;
    }
    let toks = toks.get(start..end)?;
    let s = Sent {
        src: window,
        toks,
        lower,
        vocab,
    };
    let n = toks.len();
    // "Selon M. Fedotov, « ... »"
    for k in (0..n).rev().take(8) {
        if let Some(m) = vocab.match_at(toks, lower, k, Kind::AccordingTo) {
            // The subject ends at the first comma: "Selon Kristian Vanderwaeren, administrateur
            // général des douanes, « ... »".
            let end = (k + m..n)
                .find(|&j| toks.get(j).is_some_and(|t| is_boundary(t, window)))
                .unwrap_or(n);
            return (k + m < end).then(|| (start + k + m..start + end, None));
        }
    }
    // The verb ends the clause: "... Juergen Stock a dit".
    let last_verb = (n.saturating_sub(3)..n).find(|&k| {
        vocab
            .match_at(toks, lower, k, Kind::SpeechVerb)
            .is_some_and(|m| k + m == n)
    });
    let v = match last_verb {
        Some(v) => v,
        None => {
            // The quote ends reported words: "Selon Hans Leijtens, l'accord permettra de",
            // "X noted that the partnership", "X said the operation showed"; the nearest
            // cue wins.
            let according = (0..n).rev().find_map(|k| {
                vocab
                    .match_at(toks, lower, k, Kind::AccordingTo)
                    .map(|m| (k, m))
            });
            let reported = reported_verb(toks, lower, vocab, n);
            match (according, reported) {
                (Some((k, m)), r) if r.is_none_or(|v| v < k) => {
                    let end = (k + m..n)
                        .find(|&j| toks.get(j).is_some_and(|t| is_boundary(t, window)))
                        .unwrap_or(n);
                    return (k + m < end).then(|| (start + k + m..start + end, None));
                }
                (_, Some(v)) => v,
                _ => return None,
            }
        }
    };
    let mut a = v;
    while a > 0
        && toks
            .get(a - 1)
            .is_some_and(|t| t.word && vocab.token_is(t, lower, &[Kind::VerbFiller]))
    {
        a -= 1;
    }
    // The subject is the clause after the last comma; if that is empty, the one before.
    let mut b = (0..a)
        .rev()
        .find(|&k| toks.get(k).is_some_and(|t| is_boundary(t, window)));
    let mut subject_end = a;
    if b.is_some_and(|b| b + 1 == a) {
        subject_end = b.unwrap_or(0);
        b = (0..subject_end)
            .rev()
            .find(|&k| toks.get(k).is_some_and(|t| is_boundary(t, window)));
    }
    let mut subject_start = b.map_or(0, |b| b + 1);
    if subject_start >= subject_end {
        return None;
    }
    // "M. Dupont, directeur de la police, a déclaré": a role alone between commas goes with
    // the name before it.
    let named = |from: usize, to: usize| {
        (from..to).any(|k| toks.get(k).is_some_and(|t| t.word && t.cap && k > from))
            || toks
                .get(from)
                .is_some_and(|t| t.word && t.cap && !vocab.token_is(t, lower, &[Kind::Determiner]))
    };
    if let Some(comma) = b
        && !named(subject_start, subject_end)
        && subject_end < a
    {
        let before = (0..comma)
            .rev()
            .find(|&k| toks.get(k).is_some_and(|t| is_boundary(t, window)))
            .map_or(0, |k| k + 1);
        if named(before, comma) {
            subject_start = before;
            b = before.checked_sub(1);
        }
    }
    let context = b.and_then(|b| {
        let (c0, _) = (0..b)
            .rev()
            .find(|&k| toks.get(k).is_some_and(|t| is_boundary(t, window)))
            .map_or((0, ()), |k| (k + 1, ()));
        vocab.match_at(toks, lower, c0, Kind::ContextCue)?;
        let text = collapse_ws(window.get(toks.get(c0)?.start..toks.get(b - 1)?.end)?);
        Some(super::text::lowercase_first(&text))
    });
    let _ = s;
    Some((start + subject_start..start + subject_end, context))
}

/// The farthest reported words a quote may end, in tokens after the verb.
const MAX_REPORTED_TOKENS: usize = 40;

/// The last speech verb of a clause that opens reported words running into the quote: one
/// followed by "that"/"que", an article, a pronoun or a capitalised word ("noted that the
/// partnership", "said the operation showed", "a rappelé que les trafiquants").
fn reported_verb(toks: &[Token], lower: &str, vocab: &Vocab, n: usize) -> Option<usize> {
    let from = n.saturating_sub(MAX_REPORTED_TOKENS + 2);
    (from..n).rev().find(|&k| {
        let Some(m) = vocab.match_at(toks, lower, k, Kind::SpeechVerb) else {
            return false;
        };
        let mut b = k + m;
        while toks
            .get(b)
            .is_some_and(|t| t.word && vocab.token_is(t, lower, &[Kind::VerbFiller]))
        {
            b += 1;
        }
        b < n
            && toks.get(b).is_some_and(|t| {
                t.word
                    && (t.cap
                        || vocab.token_is(
                            t,
                            lower,
                            &[Kind::Complementizer, Kind::Determiner, Kind::Pronoun],
                        ))
            })
    })
}

/// True when the few words before a quote name a title ("the report", "intitulé"): the
/// last word is the cue, or the cue is a word or two before and the quote is capitalised
/// like a title ("the report "World Drug Report"", not "the operation showed "what ...").
pub fn after_title_cue(before: &str, quote: &str, vocab: &Vocab) -> bool {
    let tail = before
        .get(floor_boundary(before, before.len().saturating_sub(60))..)
        .unwrap_or("");
    let (mut toks, mut lower) = (Vec::new(), String::new());
    vocab.tokenize(tail, &mut toks, &mut lower);
    let is_cue = |t: &&Token| vocab.token_is(t, &lower, &[Kind::TitleCue]);
    let mut last = toks.iter().rev().filter(|t| t.word).take(3);
    if last.next().is_some_and(|t| is_cue(&t)) {
        return true;
    }
    let capitalised = quote
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| !c.is_lowercase());
    // A speech verb between the cue and the quote introduces words, not a title ("who led
    // the operation, said: "..."", "the operation, said Smith: "..."").
    let said = |t: &&Token| vocab.token_is(t, &lower, &[Kind::SpeechVerb]);
    capitalised
        && last.take_while(|t| !said(t)).any(|t| is_cue(&t))
        && !toks.iter().rev().find(|t| t.word).is_some_and(|t| said(&t))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::Lang;
    use crate::import::text::tokenize;
    use rstest::rstest;

    fn found(text: &str) -> (Vec<String>, usize) {
        let paras = paras_of(text);
        let mut warnings = Warnings::default();
        let qs = scan(text, &paras, &mut warnings);
        (
            qs.iter().map(|q| quote_text(text, &paras, q)).collect(),
            warnings.list.len(),
        )
    }

    fn paras_of(text: &str) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut start = 0;
        for part in text.split("\n\n") {
            out.push(start..start + part.len());
            start += part.len() + 2;
        }
        out
    }

    #[rstest]
    #[case::guillemets("« Bonjour à tous », a-t-il dit.", &["Bonjour à tous"], 0)]
    #[case::curly("“We agree,” he said, “on all points.”", &["We agree", "on all points."], 0)]
    #[case::low("„Guten Tag“, sagte er.", &["Guten Tag"], 0)]
    #[case::single("‘It works,’ she said.", &["It works"], 0)]
    #[case::straight("\"It is done,\" he said.", &["It is done"], 0)]
    #[case::nested("« Il a dit “non” hier », a noté X.", &["Il a dit “non” hier"], 0)]
    #[case::apostrophe("l’ONUDC et l’INTERPOL", &[], 0)]
    #[case::across("“First part.\n\n“Second part,” she said.", &["First part.\n\nSecond part"], 0)]
    #[case::french_across("« Début\n\nfin », dit-il.", &["Début\n\nfin"], 0)]
    #[case::unbalanced("« Jamais fermé. Puis « ouvert et fermé ».", &["ouvert et fermé"], 1)]
    #[case::unbalanced_tail("Texte « sans fin", &[], 1)]
    #[case::lone_inside("“A lone « mark,” he said.", &["A lone « mark"], 0)]
    fn quotes_are_found(#[case] text: &str, #[case] want: &[&str], #[case] warnings: usize) {
        assert_eq!(
            found(text),
            (want.iter().map(|s| s.to_string()).collect(), warnings)
        );
    }

    #[rstest]
    #[case::report("the latest report ", "World Drug Report", true)]
    #[case::operation_title("as part of operation ", "Pangea", true)]
    #[case::said_colon(
        "Jamie Daniels, who led the operation, said: ",
        "County lines gangs",
        false
    )]
    #[case::said_name("who led the operation, said Smith: ", "County lines gangs", false)]
    fn title_cues_stop_at_speech_verbs(
        #[case] before: &str,
        #[case] quote: &str,
        #[case] want: bool,
    ) {
        let vocab = Lang::En.vocab();
        assert_eq!(after_title_cue(before, quote, vocab), want);
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

    fn subject(c: &Clause) -> String {
        let (mut toks, mut lower) = (Vec::new(), String::new());
        tokenize(&c.window, &mut toks, &mut lower);
        let a = toks[c.subject.start].start;
        let b = toks[c.subject.end - 1].end;
        c.window[a..b].to_string()
    }

    #[rstest]
    #[case::fr_inverted(
        ", a noté M. Fedotov lors de ses remarques liminaires.",
        Lang::Fr,
        "M. Fedotov",
        Some("lors de ses remarques liminaires")
    )]
    #[case::fr_pronoun(", a-t-il affirmé.", Lang::Fr, "a-t-il", None)]
    #[case::fr_role(
        ", a conclu le directeur d'INTERPOL.",
        Lang::Fr,
        "le directeur d'INTERPOL",
        None
    )]
    #[case::fr_selon(", selon l'ONUDC.", Lang::Fr, "l'ONUDC", None)]
    #[case::en_said_name(
        ", said Jane Doe, Minister of the Interior.",
        Lang::En,
        "Jane Doe",
        None
    )]
    #[case::en_he_said(", he said.", Lang::En, "he", None)]
    #[case::en_name_said(
        " Smith added during the meeting.",
        Lang::En,
        "Smith",
        Some("during the meeting")
    )]
    #[case::en_according(", according to the ministry.", Lang::En, "the ministry", None)]
    fn clauses_after_quotes(
        #[case] window: &str,
        #[case] lang: Lang,
        #[case] subj: &str,
        #[case] ctx: Option<&str>,
    ) {
        let c = clause_after(window, lang.vocab()).expect("a clause");
        assert_eq!(subject(&c), subj);
        assert_eq!(c.context.as_deref(), ctx);
    }

    #[rstest]
    #[case::fr_verb_last(
        "Lors de son propre discours, le Secrétaire général d'INTERPOL Juergen Stock a dit ",
        Lang::Fr,
        "le Secrétaire général d'INTERPOL Juergen Stock",
        Some("lors de son propre discours")
    )]
    #[case::en_colon("Mr. Smith said: ", Lang::En, "Mr. Smith", None)]
    #[case::fr_selon("Selon M. Fedotov, ", Lang::Fr, "M. Fedotov", None)]
    #[case::fr_apposition(
        "Le directeur, Yury Fedotov, a déclaré : ",
        Lang::Fr,
        "Yury Fedotov",
        None
    )]
    #[case::en_that("The minister stressed that ", Lang::En, "The minister", None)]
    #[case::second_sentence(
        "Mme Schmid a rappelé les faits. Elle a déclaré : ",
        Lang::Fr,
        "Elle",
        None
    )]
    #[case::apposition_role(
        "M. Marc Dupont, directeur de la police, a déclaré : ",
        Lang::Fr,
        "M. Marc Dupont, directeur de la police",
        None
    )]
    #[case::selon_apposition(
        "Selon Kristian Vanderwaeren, administrateur général des douanes, ",
        Lang::Fr,
        "Kristian Vanderwaeren",
        None
    )]
    fn clauses_before_quotes(
        #[case] window: &str,
        #[case] lang: Lang,
        #[case] subj: &str,
        #[case] ctx: Option<&str>,
    ) {
        let c = clause_before(window, lang.vocab()).expect("a clause");
        assert_eq!(subject(&c), subj);
        assert_eq!(c.context.as_deref(), ctx);
    }

    #[rstest]
    #[case(" The weather was fine.", Lang::En)]
    #[case(". Il est parti.", Lang::Fr)]
    fn no_clause_in_plain_sentences(#[case] window: &str, #[case] lang: Lang) {
        assert_eq!(clause_after(window, lang.vocab()), None);
    }
}
