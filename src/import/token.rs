//! Tokens: a text cut into words and punctuation, each word with its lowercase form, its shape
//! (capitalised, acronym, number) and the lexicon classes it is or starts; and [`Sent`], a
//! sentence's view of them that rules match against.
//!
//! Token positions are byte ranges found while walking the text's characters, so they always
//! fall on character boundaries of the text they were cut from; [`Sent::slice`] is the one
//! place that turns them back into text. Linear in the input. No I/O here.

use super::lexicon::{self, Class, Classes, Vocab, WordId};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters and digits, with inner hyphens and apostrophes ("e-learning", "aujourd'hui").
    Word,
    /// One punctuation character.
    Punct(char),
    /// A whole direct quote, marks included, standing for its words in a sentence's frame:
    /// the number of the quote.
    Quote(usize),
}

/// The shape of a word, as bits.
pub(crate) mod shape {
    /// Starts with an uppercase letter.
    pub const CAP: u8 = 1;
    /// Two letters or more and no lowercase letter ("ONUDC", "G20").
    pub const UPPER: u8 = 2;
    /// Starts with a digit.
    pub const DIGIT: u8 = 4;
    /// Only digits.
    pub const NUMBER: u8 = 8;
    /// Has a letter.
    pub const LETTER: u8 = 16;
    /// Has a digit.
    pub const HAS_DIGIT: u8 = 32;
}

/// One word, punctuation character or quote of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    /// Where it starts in the text, in bytes (a character boundary).
    pub start: usize,
    /// Where it ends.
    pub end: usize,
    /// Where its lowercase form is in the buffer's lowercase text, as 32-bit offsets: a token
    /// is kept small (80 bytes, not 96), as a buffer holds one per word. An offset past them
    /// (a lowercase text of 4 GiB) reads as no lowercase form.
    lower_start: u32,
    lower_end: u32,
    /// What it is.
    pub kind: Kind,
    /// Its [`shape`] bits.
    pub shape: u8,
    /// Lexicon classes for which the word alone is a phrase.
    pub single: Classes,
    /// Lexicon classes with a longer phrase starting with the word.
    pub starts: Classes,
    /// The lexicon's number for the word or punctuation character, when a phrase holds it
    /// (see [`TokenBuf::annotate`]).
    pub word: Option<WordId>,
}

/// Where the next lowercase form starts; past 4 GiB, an offset that slices nothing.
fn offset(lower: &str) -> u32 {
    u32::try_from(lower.len()).unwrap_or(u32::MAX)
}

impl Token {
    /// Where its lowercase form is in its buffer's lowercase text; a range that slices
    /// nothing when it ends past 4 GiB.
    #[inline]
    fn lower_range(&self) -> std::ops::Range<usize> {
        if self.lower_end == u32::MAX {
            return usize::MAX..usize::MAX;
        }
        self.lower_start as usize..self.lower_end as usize
    }
    /// True for a word.
    #[inline]
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }

    /// True for the punctuation character `c`.
    #[inline]
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }

    /// The punctuation character, for a punctuation token.
    #[inline]
    pub fn punct(&self) -> Option<char> {
        match self.kind {
            Kind::Punct(c) => Some(c),
            _ => None,
        }
    }

    /// True for a word with all the `bits` of [`shape`].
    #[inline]
    pub fn has(&self, bits: u8) -> bool {
        self.is_word() && self.shape & bits == bits
    }

    /// True when the word alone is a phrase of `class`.
    #[inline]
    pub fn is(&self, class: Class) -> bool {
        self.single & class.bit() != 0
    }

    /// True when the word is or starts a phrase of any class of `classes`.
    #[inline]
    pub fn may_start(&self, classes: Classes) -> bool {
        (self.single | self.starts) & classes != 0
    }
}

/// Tokens and the lowercase text they point into; kept and refilled to save allocations.
#[derive(Debug, Default, Clone)]
pub(crate) struct TokenBuf {
    /// The tokens, in order.
    pub toks: Vec<Token>,
    /// Every word in lowercase, one after the other.
    pub lower: String,
    /// For each token, the classes of which a phrase of two words or more starting there
    /// holds, the next tokens being its other words: its [`Token::starts`] narrowed to the
    /// phrases the text completes (see [`Sent::held`]); filled in by [`Self::annotate`].
    held: Vec<Classes>,
    /// For each token, the classes of it and every token after it (see [`Sent::may_hold`]);
    /// filled in by [`Self::annotate`], empty before.
    rest: Vec<Classes>,
    /// For each token, the ASCII punctuation marks among it and the tokens after it, as
    /// [`punct_bit`]s (see [`Sent::may_hold_puncts`]); filled in with `rest`. Apart from it:
    /// a buffer holds one of each per token, and with the classes they would take twice the
    /// room of the classes alone.
    rest_puncts: Vec<u32>,
}

/// The most tokens a buffer holds room for and is still kept for the next tokenizing (see
/// [`TokenBuf::spare`]): a paragraph's (a few hundred), not a line of megabytes.
const MAX_SPARE_TOKENS: usize = 4096;

/// The most buffers kept per thread.
const MAX_SPARE_BUFFERS: usize = 4;

thread_local! {
    /// Buffers dropped, with their room, for the next ones (see [`TokenBuf::spare`]).
    static SPARE: std::cell::RefCell<Vec<TokenBuf>> = const { std::cell::RefCell::new(Vec::new()) };
}

impl Drop for TokenBuf {
    /// A buffer of a paragraph's size is kept for the next one this thread makes: a release is
    /// tokenized in some fifty pieces, and each fresh buffer took four allocations, growing.
    fn drop(&mut self) {
        let room = self.toks.capacity();
        if room == 0 || room > MAX_SPARE_TOKENS {
            return;
        }
        // Not while the thread's buffers are dropped, nor from within a push.
        let _ = SPARE.try_with(|spare| {
            if let Ok(mut spare) = spare.try_borrow_mut()
                && spare.len() < MAX_SPARE_BUFFERS
            {
                spare.push(TokenBuf {
                    toks: std::mem::take(&mut self.toks),
                    lower: std::mem::take(&mut self.lower),
                    held: std::mem::take(&mut self.held),
                    rest: std::mem::take(&mut self.rest),
                    rest_puncts: std::mem::take(&mut self.rest_puncts),
                });
            }
        });
    }
}

impl TokenBuf {
    /// A buffer to tokenize into, with the room of one this thread dropped when there is one:
    /// it holds what it held, which [`tokenize`] and [`TokenBuf::frame_into`] replace.
    pub fn spare() -> TokenBuf {
        SPARE
            .try_with(|spare| spare.try_borrow_mut().ok().and_then(|mut s| s.pop()))
            .ok()
            .flatten()
            .unwrap_or_default()
    }

    /// The number of tokens.
    #[inline]
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// The lowercase form of token `i`.
    pub fn lower(&self, i: usize) -> Option<&str> {
        let tok = self.toks.get(i)?;
        self.lower.get(tok.lower_range())
    }

    /// Fills in every word's lexicon classes, and the lexicon's number of every word and
    /// punctuation character a phrase holds.
    pub fn annotate(&mut self, vocab: &Vocab) {
        for tok in &mut self.toks {
            match tok.kind {
                Kind::Word => {
                    if let Some(word) = self.lower.get(tok.lower_range()) {
                        (tok.single, tok.starts, tok.word) = vocab.lookup(word);
                    }
                }
                Kind::Punct(c) => {
                    tok.word = vocab.punct_id(lower_punct(c));
                }
                Kind::Quote(_) => {}
            }
        }
        self.held.clear();
        self.held
            .extend((0..self.toks.len()).map(|at| held_at(&self.toks, at, vocab)));
        rest_of(
            &self.toks,
            &self.held,
            &mut self.rest,
            &mut self.rest_puncts,
        );
    }

    /// The frame of these tokens: each quote (a byte range of the text and its number)
    /// becomes one [`Kind::Quote`] token, so rules see the sentence around it. Written into
    /// `frame`, whose room is reused.
    pub fn frame_into(&self, quotes: &[(usize, usize, usize)], frame: &mut TokenBuf) {
        let toks = &mut frame.toks;
        toks.clear();
        toks.reserve(self.toks.len());
        // A phrase the frame holds the buffer holds: the frame's tokens between quotes are
        // the buffer's, one after the other.
        let held = &mut frame.held;
        held.clear();
        let mut quotes = quotes.iter().peekable();
        let mut inside: Option<usize> = None;
        for (at, tok) in self.toks.iter().enumerate() {
            if inside.is_some_and(|end| tok.start < end) {
                continue;
            }
            inside = None;
            while quotes.peek().is_some_and(|(_, end, _)| *end <= tok.start) {
                quotes.next();
            }
            if let Some(&&(start, end, n)) = quotes.peek()
                && tok.start >= start
            {
                toks.push(Token {
                    start,
                    end,
                    lower_start: tok.lower_start,
                    lower_end: tok.lower_start,
                    kind: Kind::Quote(n),
                    shape: 0,
                    single: 0,
                    starts: 0,
                    word: None,
                });
                held.push(0);
                inside = Some(end);
                quotes.next();
                continue;
            }
            toks.push(*tok);
            held.push(self.held.get(at).copied().unwrap_or(tok.starts));
        }
        if self.rest.is_empty() {
            frame.held.clear();
            frame.rest.clear();
            frame.rest_puncts.clear();
        } else {
            rest_of(
                &frame.toks,
                &frame.held,
                &mut frame.rest,
                &mut frame.rest_puncts,
            );
        }
        frame.lower.clear();
        frame.lower.push_str(&self.lower);
    }

    /// A view of tokens `range` of a text `text` (the one they were cut from).
    pub fn sent<'a>(
        &'a self,
        text: &'a str,
        range: std::ops::Range<usize>,
        vocab: &'a Vocab,
    ) -> Sent<'a> {
        let (held, rest, rest_puncts) = if self.rest.len() == self.toks.len() {
            (
                self.held.get(range.clone()).unwrap_or_default(),
                self.rest.get(range.clone()).unwrap_or_default(),
                self.rest_puncts.get(range.clone()).unwrap_or_default(),
            )
        } else {
            (&[][..], &[][..], &[][..])
        };
        Sent {
            id: next_sent_id(),
            text,
            toks: self.toks.get(range).unwrap_or_default(),
            lower: &self.lower,
            held,
            rest,
            rest_puncts,
            vocab,
            spans: &[],
        }
    }
}

/// For each token, the classes it and the tokens after it are or start phrases of, and the
/// ASCII punctuation marks among them: what a rule needs from there on is looked up once
/// instead of sought. Written into `rest` and `rest_puncts`, whose room is reused; `held` is
/// each token's held phrases (see [`TokenBuf::held`]).
fn rest_of(toks: &[Token], held: &[Classes], rest: &mut Vec<Classes>, rest_puncts: &mut Vec<u32>) {
    rest.clear();
    rest.resize(toks.len(), 0);
    rest_puncts.clear();
    rest_puncts.resize(toks.len(), 0);
    let (mut classes, mut puncts): (Classes, u32) = (0, 0);
    let cells = rest.iter_mut().zip(rest_puncts.iter_mut());
    for (at, (tok, (class_cell, punct_cell))) in toks.iter().zip(cells).enumerate().rev() {
        classes |= tok.single | held.get(at).copied().unwrap_or(tok.starts);
        if let Kind::Punct(c) = tok.kind {
            puncts |= punct_bit(c);
        }
        *class_cell = classes;
        *punct_cell = puncts;
    }
}

/// The bit of an ASCII punctuation mark among the 32 there are ("!" to "/", ":" to "@", "["
/// to "`", "{" to "~"); none for another character.
pub(crate) const fn punct_bit(c: char) -> u32 {
    let code = c as u32;
    let place = match code {
        0x21..=0x2f => code - 0x21,
        0x3a..=0x40 => code - 0x3a + 15,
        0x5b..=0x60 => code - 0x5b + 22,
        0x7b..=0x7e => code - 0x7b + 28,
        _ => return 0,
    };
    1 << place
}

pub(crate) use super::split::is_word_char;
use super::split::{is_apostrophe, is_joiner};

/// Appends `c` in lowercase, the apostrophe ’ as '; quick for ASCII and Latin-1.
#[inline]
fn push_lowercase(c: char, out: &mut String) {
    match u32::from(c) {
        0..=0x7f => out.push(c.to_ascii_lowercase()),
        // Latin-1 capitals (À to Þ but ×) are their small letter less 0x20.
        code @ 0xc0..=0xde if code != 0xd7 => out.push(char::from_u32(code + 0x20).unwrap_or(c)),
        0xdf..=0xff => out.push(c),
        0x2019 => out.push('\''),
        _ => out.extend(c.to_lowercase()),
    }
}

/// What `char::is_alphabetic` and `char::is_lowercase` say of `c`, quick for ASCII and
/// Latin-1 (the accented letters of French), which is most of a release.
#[inline]
fn letter_case(c: char) -> (bool, bool) {
    match u32::from(c) {
        0..=0x7f => (c.is_ascii_alphabetic(), c.is_ascii_lowercase()),
        0xd7 | 0xf7 => (false, false),
        0xc0..=0xde => (true, false),
        0xdf..=0xff => (true, true),
        _ => {
            let alphabetic = c.is_alphabetic();
            (alphabetic, alphabetic && c.is_lowercase())
        }
    }
}

/// The character starting at byte `at`.
#[inline]
fn char_at(text: &str, at: usize) -> Option<char> {
    match text.as_bytes().get(at) {
        Some(&byte) if byte < 0x80 => Some(char::from(byte)),
        Some(_) => text.get(at..).and_then(|rest| rest.chars().next()),
        None => None,
    }
}

/// A piece of text as the tokenizer cuts it.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Piece<'a> {
    /// A word, as written.
    Word(&'a str),
    /// One punctuation character.
    Punct(char),
}

/// The words and punctuation characters of a text, in order, each with where it starts: the
/// one cutting loop, which [`tokenize`] builds tokens from and language detection reads words
/// from (without building tokens).
pub(crate) struct Pieces<'a> {
    text: &'a str,
    at: usize,
}

/// The pieces of `text`, as [`tokenize`] cuts it.
pub(crate) fn pieces(text: &str) -> Pieces<'_> {
    Pieces { text, at: 0 }
}

impl<'a> Iterator for Pieces<'a> {
    type Item = (usize, Piece<'a>);

    // Inlined into the loops that read it: the tokenizer's is the importer's hottest loop.
    #[inline(always)]
    fn next(&mut self) -> Option<Self::Item> {
        let bytes = self.text.as_bytes();
        while let Some(&byte) = bytes.get(self.at) {
            let at = self.at;
            // ASCII, most of a text: a byte is a character, and a word of letters and digits
            // that nothing joins to the next ends where they do.
            let class = class_of(byte);
            if class & byte::ALNUM != 0 {
                let end = at
                    + bytes.get(at..).map_or(0, |rest| {
                        rest.iter()
                            .take_while(|&&b| class_of(b) & byte::ALNUM != 0)
                            .count()
                    });
                if bytes
                    .get(end)
                    .is_none_or(|&b| class_of(b) & byte::ENDS_WORD != 0)
                {
                    let Some(word) = self.text.get(at..end) else {
                        self.at = self.text.len();
                        return None;
                    };
                    self.at = end;
                    return Some((at, Piece::Word(word)));
                }
            } else if class & byte::SPACE != 0 {
                self.at += 1;
                continue;
            } else if class & byte::MARK != 0 {
                self.at += 1;
                return Some((at, Piece::Punct(char::from(byte))));
            }
            let c = char_at(self.text, at)?;
            if c.is_whitespace() {
                self.at += c.len_utf8();
                continue;
            }
            if !is_word_char(c) {
                self.at += c.len_utf8();
                return Some((at, Piece::Punct(c)));
            }
            let end = word_end(self.text, at);
            let Some(word) = self.text.get(at..end) else {
                self.at = self.text.len();
                return None;
            };
            self.at = end;
            return Some((at, Piece::Word(word)));
        }
        None
    }
}

/// Appends the lowercase form a token of `piece` has (see [`TokenBuf::lower`]) to `out`,
/// stopping once `out` is longer than `max` bytes: language detection looks up short
/// words only.
#[inline]
pub(crate) fn push_lower_upto(piece: Piece<'_>, max: usize, out: &mut String) {
    match piece {
        Piece::Punct(c) => out.push(lower_punct(c)),
        Piece::Word(word) => {
            for ch in word.chars() {
                push_lowercase(ch, out);
                if out.len() > max {
                    return;
                }
            }
        }
    }
}

/// What the tokenizer's ASCII path needs to know of a byte, as bits (see [`BYTE_CLASS`]).
mod byte {
    /// A lowercase ASCII letter.
    pub const LOWER: u8 = 1;
    /// An uppercase ASCII letter.
    pub const UPPER: u8 = 2;
    /// An ASCII digit.
    pub const DIGIT: u8 = 4;
    /// ASCII whitespace (`char::is_whitespace`).
    pub const SPACE: u8 = 8;
    /// Another ASCII character: a punctuation token of its own.
    pub const MARK: u8 = 16;
    /// An ASCII letter or digit: part of a word.
    pub const ALNUM: u8 = LOWER | UPPER | DIGIT;
    /// After a word of ASCII letters and digits, a byte that ends it: whitespace, or a mark
    /// that is no hyphen and no apostrophe (a character outside ASCII may be a letter or a
    /// joiner, and a word before one is cut as [`super::word_end`] cuts it).
    pub const ENDS_WORD: u8 = 32;
}

/// The [`byte`] bits of each byte; none for a byte of a character outside ASCII.
#[allow(
    clippy::indexing_slicing,
    reason = "a const block has no iterators: k < 256"
)]
const BYTE_CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut k = 0;
    while k < 128 {
        let b = k as u8;
        table[k] = if b.is_ascii_lowercase() {
            byte::LOWER
        } else if b.is_ascii_uppercase() {
            byte::UPPER
        } else if b.is_ascii_digit() {
            byte::DIGIT
        } else if matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r') {
            byte::SPACE | byte::ENDS_WORD
        } else if b == b'-' || b == b'\'' {
            byte::MARK
        } else {
            byte::MARK | byte::ENDS_WORD
        };
        k += 1;
    }
    table
};

/// The [`byte`] bits of `b`.
#[inline(always)]
fn class_of(b: u8) -> u8 {
    BYTE_CLASS.get(usize::from(b)).copied().unwrap_or(0)
}

/// Cuts `text` into tokens, replacing the contents of `buf`. Classes are left empty (see
/// [`TokenBuf::annotate`]).
pub(crate) fn tokenize(text: &str, buf: &mut TokenBuf) {
    buf.toks.clear();
    buf.lower.clear();
    buf.held.clear();
    buf.rest.clear();
    buf.rest_puncts.clear();
    buf.toks.reserve(text.len() / 5);
    buf.lower.reserve(text.len());
    let bytes = text.as_bytes();
    let mut cut = pieces(text);
    while let Some(&first) = bytes.get(cut.at) {
        // Most of a text is ASCII: its words, spaces and marks are read a byte at a time,
        // each byte's kind from one table.
        let class = class_of(first);
        if class & byte::ALNUM != 0 {
            if let Some(end) = push_ascii_word(buf, text, cut.at) {
                cut.at = end;
                continue;
            }
        } else if class & byte::SPACE != 0 {
            cut.at += 1;
            continue;
        } else if class & byte::MARK != 0 {
            push_punct(buf, cut.at, char::from(first));
            cut.at += 1;
            continue;
        }
        match cut.next() {
            Some((at, Piece::Punct(c))) => push_punct(buf, at, c),
            Some((at, Piece::Word(word))) => push_word(buf, at, word),
            None => break,
        }
    }
}

/// Appends the token of the word of ASCII letters and digits starting at byte `at`, when
/// nothing after it goes on with the word (a hyphen, an apostrophe, a letter outside ASCII:
/// then none is appended, and the word is cut as [`word_end`] cuts it). Where it ends.
#[inline]
fn push_ascii_word(buf: &mut TokenBuf, text: &str, at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let rest = bytes.get(at..)?;
    // The kinds of the word's bytes together, and how many are digits.
    let (mut seen, mut digits) = (0u8, 0usize);
    let mut len = 0;
    for &b in rest {
        let class = class_of(b);
        if class & byte::ALNUM == 0 {
            break;
        }
        seen |= class;
        digits += usize::from(class & byte::DIGIT != 0);
        len += 1;
    }
    let end = at + len;
    // At the end of the text, or before a byte that ends a word.
    if bytes
        .get(end)
        .is_some_and(|&b| class_of(b) & byte::ENDS_WORD == 0)
    {
        return None;
    }
    let word = text.get(at..end)?;
    let lower_start = offset(&buf.lower);
    let from = buf.lower.len();
    buf.lower.push_str(word);
    if seen & byte::UPPER != 0
        && let Some(added) = buf.lower.get_mut(from..)
    {
        added.make_ascii_lowercase();
    }
    let first = class_of(*rest.first()?);
    let letters = len - digits;
    let mut shape = 0;
    if first & byte::UPPER != 0 {
        shape |= shape::CAP;
    }
    if letters >= 2 && seen & byte::LOWER == 0 {
        shape |= shape::UPPER;
    }
    if first & byte::DIGIT != 0 {
        shape |= shape::DIGIT;
        if letters == 0 {
            shape |= shape::NUMBER;
        }
    }
    if letters > 0 {
        shape |= shape::LETTER;
    }
    if digits > 0 {
        shape |= shape::HAS_DIGIT;
    }
    buf.toks.push(Token {
        start: at,
        end,
        lower_start,
        lower_end: offset(&buf.lower),
        kind: Kind::Word,
        shape,
        single: 0,
        starts: 0,
        word: None,
    });
    Some(end)
}

/// The [`shape`] of a word starting with `first`, of `letters` letters of which `lowers` are
/// lowercase, and `digits` ASCII digits; `all_digits` when it has nothing else.
#[inline]
fn shape_of(first: char, letters: usize, lowers: usize, digits: usize, all_digits: bool) -> u8 {
    let mut shape = 0;
    if first.is_uppercase() {
        shape |= shape::CAP;
    }
    if letters >= 2 && lowers == 0 {
        shape |= shape::UPPER;
    }
    if first.is_ascii_digit() {
        shape |= shape::DIGIT;
        if all_digits {
            shape |= shape::NUMBER;
        }
    }
    if letters > 0 {
        shape |= shape::LETTER;
    }
    if digits > 0 {
        shape |= shape::HAS_DIGIT;
    }
    shape
}

/// A punctuation character as the lower-case text holds it: every apostrophe is `'`.
fn lower_punct(c: char) -> char {
    if is_apostrophe(c) { '\'' } else { c }
}

/// Appends the token of punctuation character `c` at byte `at`.
#[inline]
fn push_punct(buf: &mut TokenBuf, at: usize, c: char) {
    let lower_start = offset(&buf.lower);
    buf.lower.push(lower_punct(c));
    buf.toks.push(Token {
        start: at,
        end: at + c.len_utf8(),
        lower_start,
        lower_end: offset(&buf.lower),
        kind: Kind::Punct(c),
        shape: 0,
        single: 0,
        starts: 0,
        word: None,
    });
}

/// Appends the token of `word`, at byte `at`, with its lowercase form and its shape.
#[inline]
fn push_word(buf: &mut TokenBuf, at: usize, word: &str) {
    let Some(c) = word.chars().next() else {
        return;
    };
    let lower_start = offset(&buf.lower);
    let (mut letters, mut lowers, mut digits) = (0usize, 0usize, 0usize);
    for ch in word.chars() {
        let (alphabetic, lowercase) = letter_case(ch);
        if alphabetic {
            letters += 1;
            lowers += usize::from(lowercase);
        }
        digits += usize::from(ch.is_ascii_digit());
        push_lowercase(ch, &mut buf.lower);
    }
    let all_digits = c.is_ascii_digit() && word.bytes().all(|b| b.is_ascii_digit());
    let shape = shape_of(c, letters, lowers, digits, all_digits);
    buf.toks.push(Token {
        start: at,
        end: at + word.len(),
        lower_start,
        lower_end: offset(&buf.lower),
        kind: Kind::Word,
        shape,
        single: 0,
        starts: 0,
        word: None,
    });
}

/// The end of the word starting at byte `start`. Inner hyphens and apostrophes join
/// ("e-learning", "aujourd'hui"), except after an elision ("d'INTERPOL": the elision is a
/// word) and before a possessive ("UNODC's": "UNODC", "'", "s").
#[inline]
fn word_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut end = start;
    while let Some(&byte) = bytes.get(end) {
        if byte.is_ascii_alphanumeric() {
            end += 1;
            continue;
        }
        let Some(c) = char_at(text, end) else {
            break;
        };
        if is_word_char(c) {
            end += c.len_utf8();
            continue;
        }
        if !is_joiner(c) {
            break;
        }
        let so_far = text.get(start..end).unwrap_or_default();
        if is_apostrophe(c) && is_elision(so_far) {
            return end + c.len_utf8();
        }
        let after = end + c.len_utf8();
        if !char_at(text, after).is_some_and(is_word_char) {
            break;
        }
        if is_apostrophe(c) && is_possessive(text, after) {
            break;
        }
        end = after;
    }
    end
}

fn is_elision(word: &str) -> bool {
    word.len() <= 7
        && lexicon::elisions()
            .iter()
            .any(|elision| elision.eq_ignore_ascii_case(word))
}

/// True when the letters at `at` are a possessive ending followed by no letter.
fn is_possessive(text: &str, at: usize) -> bool {
    let rest = text.get(at..).unwrap_or_default();
    lexicon::possessives().iter().any(|ending| {
        rest.get(..ending.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(ending))
            && !char_at(rest, ending.len()).is_some_and(is_word_char)
    })
}

/// The classes of which a phrase of two words or more starting at token `at` of `toks`
/// (annotated with word numbers) holds: the token's word starts it, and the next tokens are
/// its other words.
#[inline]
fn held_at(toks: &[Token], at: usize, vocab: &Vocab) -> Classes {
    let Some(tok) = toks.get(at).filter(|tok| tok.starts != 0) else {
        return 0;
    };
    let (Some(first), Some(second)) = (tok.word, toks.get(at + 1).and_then(|next| next.word))
    else {
        return 0;
    };
    let mut held = 0;
    for (class, words) in vocab.phrases_from(first, second, tok.starts) {
        let bit = class.bit();
        if held & bit == 0
            && toks.get(at + 1..at + 1 + words.len()).is_some_and(|next| {
                next.iter()
                    .zip(words)
                    .all(|(tok, want)| tok.word.map(WordId::get) == Some(*want))
            })
        {
            held |= bit;
        }
    }
    held
}

/// A number no other view of tokens made by this process has (see [`Sent::id`]).
fn next_sent_id() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// A sentence (or any run of tokens) of a text, with its lexicon: what rules match against.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Sent<'a> {
    /// This view's own number: each view (a sentence, a part of one, one with its mentions)
    /// gets a new one, so what the matcher learns of a view's tokens is kept under it alone
    /// (a refilled buffer's tokens are another view, at the same address).
    pub id: u64,
    /// The text the tokens were cut from (a whole paragraph, often).
    pub text: &'a str,
    /// The tokens of this sentence.
    pub toks: &'a [Token],
    lower: &'a str,
    /// The classes of which a phrase of two words or more starts at each token and holds in
    /// the buffer (see [`Self::held`]); empty when unknown.
    held: &'a [Classes],
    /// The classes of each token and those after it, in the buffer the sentence is part of
    /// (so also of tokens after the sentence); empty when unknown.
    rest: &'a [Classes],
    /// The punctuation marks of each token and those after it, as `rest`.
    rest_puncts: &'a [u32],
    /// The language's lexicon.
    pub vocab: &'a Vocab,
    /// The mentions of people and organisations already read in this sentence, in order:
    /// rules that need a source match them in one step.
    pub spans: &'a [Span],
}

/// Tokens of a sentence that a reading has found to name someone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span {
    /// The first token.
    pub start: usize,
    /// Just after the last token.
    pub end: usize,
    /// Named with a role, a title or a known given name (not a bare capitalised word).
    pub strong: bool,
    /// Holds a person's name (not only a role, a pronoun or an organisation).
    pub named: bool,
}

impl<'a> Sent<'a> {
    /// The number of tokens.
    #[inline]
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// Token `i`.
    #[inline]
    pub fn tok(&self, i: usize) -> Option<&'a Token> {
        self.toks.get(i)
    }

    /// Token `i` in lowercase (the quote's marks, for a quote).
    #[inline]
    pub fn lower(&self, i: usize) -> Option<&'a str> {
        let tok = self.toks.get(i)?;
        self.lower.get(tok.lower_range())
    }

    /// Tokens `from..to` as written, with what stands between them.
    pub fn slice(&self, from: usize, to: usize) -> Option<&'a str> {
        let first = self.toks.get(from)?;
        let last = self.toks.get(to.checked_sub(1)?)?;
        let text = self.text.get(first.start..last.end.max(first.start));
        debug_assert!(text.is_some());
        text
    }

    /// The same tokens from `from` on (without mentions: their places would move).
    pub fn from(&self, from: usize) -> Sent<'a> {
        Sent {
            id: next_sent_id(),
            toks: self.toks.get(from..).unwrap_or_default(),
            held: self.held.get(from..).unwrap_or_default(),
            rest: self.rest.get(from..).unwrap_or_default(),
            rest_puncts: self.rest_puncts.get(from..).unwrap_or_default(),
            spans: &[],
            ..*self
        }
    }

    /// Tokens `from..to` as a sentence of their own (without mentions).
    pub fn part(&self, from: usize, to: usize) -> Sent<'a> {
        let to = to.min(self.toks.len());
        Sent {
            id: next_sent_id(),
            toks: self.toks.get(from..to).unwrap_or_default(),
            held: self.held.get(from..to).unwrap_or_default(),
            rest: self.rest.get(from..to).unwrap_or_default(),
            rest_puncts: self.rest_puncts.get(from..to).unwrap_or_default(),
            spans: &[],
            ..*self
        }
    }

    /// The same sentence with the mentions read in it.
    pub fn with_spans(self, spans: &'a [Span]) -> Sent<'a> {
        Sent {
            id: next_sent_id(),
            spans,
            ..self
        }
    }

    /// The classes of which a phrase of two words or more may start at token `at`: those of
    /// the phrases the buffer holds there (a phrase this view holds, the buffer holds too),
    /// or when that is not known, all those the token starts.
    #[inline]
    pub fn held(&self, at: usize) -> Classes {
        match (self.held.get(at), self.toks.get(at)) {
            (Some(held), _) => *held,
            (None, Some(tok)) => tok.starts,
            (None, None) => 0,
        }
    }

    /// False when no match from token `at` can hold a token of each class of `needs`: no
    /// token from there on is or starts a phrase of one of them. True when not known.
    #[inline]
    pub fn may_hold(&self, at: usize, needs: Classes) -> bool {
        needs == 0 || self.rest.get(at).is_none_or(|rest| rest & needs == needs)
    }

    /// False when no match from token `at` can hold each ASCII punctuation mark of `puncts`
    /// ([`punct_bit`]s): the sentence has none of one of them from there on. True when not
    /// known.
    #[inline]
    pub fn may_hold_puncts(&self, at: usize, puncts: u32) -> bool {
        puncts == 0
            || self
                .rest_puncts
                .get(at)
                .is_none_or(|rest| rest & puncts == puncts)
    }

    /// The mention that starts at token `at`.
    #[inline]
    pub fn span_at(&self, at: usize) -> Option<&'a Span> {
        let i = self.spans.partition_point(|s| s.start < at);
        self.spans.get(i).filter(|s| s.start == at)
    }

    /// The number of tokens of the longest phrase of `class` starting at token `i`.
    #[inline]
    pub fn phrase_at(&self, i: usize, class: Class) -> Option<usize> {
        // Most tokens hold no longer phrase of the class: told here, where the rules ask at
        // token after token.
        if self.held(i) & class.bit() == 0 {
            return self.toks.get(i)?.is(class).then_some(1);
        }
        self.longer_phrase_at(i, class)
    }

    /// [`Self::phrase_at`] at a token where a longer phrase of `class` holds.
    fn longer_phrase_at(&self, i: usize, class: Class) -> Option<usize> {
        let first = self.toks.get(i)?;
        // A longer phrase's second word is the next token's: of the word's phrases, only
        // those that start with the two words are tried, in the same order.
        if let Some(word) = first.word
            && let Some(second) = self.toks.get(i + 1).and_then(|next| next.word)
        {
            for (_, rest) in self.vocab.phrases_from(word, second, class.bit()) {
                if self.holds_at(i + 1, rest) {
                    return Some(rest.len() + 1);
                }
            }
        }
        first.is(class).then_some(1)
    }

    /// True when the tokens from `at` on are the lexicon's words `words`.
    #[inline]
    pub fn holds_at(&self, at: usize, words: &[u32]) -> bool {
        self.toks.get(at..at + words.len()).is_some_and(|toks| {
            toks.iter()
                .zip(words)
                .all(|(tok, want)| tok.word.map(WordId::get) == Some(*want))
        })
    }

    /// True when token `i` is a word alone in `class`.
    #[inline]
    pub fn is(&self, i: usize, class: Class) -> bool {
        self.toks.get(i).is_some_and(|tok| tok.is(class))
    }

    /// True when token `i` is the punctuation character `c`.
    #[inline]
    pub fn is_punct(&self, i: usize, c: char) -> bool {
        self.toks.get(i).is_some_and(|tok| tok.is_punct(c))
    }
}

/// The longest sentence, in tokens: past it, the text is no prose and is cut anyway, so every
/// rule's work per sentence stays bounded.
pub(crate) const MAX_SENTENCE_TOKENS: usize = 600;

fn closes_sentence(tok: &Token) -> bool {
    matches!(
        tok.kind,
        Kind::Punct('»' | '”' | '"' | '\'' | ')' | ']' | '›' | '’')
    )
}

fn opens_sentence(tok: &Token) -> bool {
    match tok.kind {
        Kind::Word => tok.shape & (shape::CAP | shape::DIGIT) != 0,
        Kind::Quote(_) => true,
        Kind::Punct(c) => matches!(
            c,
            '«' | '“' | '"' | '„' | '‘' | '\'' | '(' | '[' | '-' | '–' | '—' | '•'
        ),
    }
}

/// Cuts tokens `toks` (annotated) into sentences: ranges of token indexes. A period after a
/// one-letter word or a known abbreviation ("M.", "Mr.", "etc.") ends no sentence; closing
/// marks stay with the sentence they close.
pub(crate) fn sentences(toks: &[Token]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while let Some(tok) = toks.get(i) {
        let ends = match tok.kind {
            Kind::Punct('!' | '?' | '…') => true,
            Kind::Punct('.') => !i
                .checked_sub(1)
                .and_then(|p| toks.get(p))
                .is_some_and(is_abbreviation),
            _ => false,
        };
        let mut next = i + 1;
        if ends {
            while toks.get(next).is_some_and(closes_sentence) {
                next += 1;
            }
            if toks.get(next).is_none_or(opens_sentence) {
                out.push(start..next);
                start = next;
            }
        } else if next - start >= MAX_SENTENCE_TOKENS {
            out.push(start..next);
            start = next;
        }
        i = next;
    }
    if start < toks.len() {
        out.push(start..toks.len());
    }
    out
}

/// True for a word whose period ends no sentence: an initial, or an abbreviation.
fn is_abbreviation(tok: &Token) -> bool {
    tok.is_word()
        && (tok.end - tok.start == 1
            || tok.is(Class::Abbreviation)
            || tok.is(Class::Honorific)
            || tok.is(Class::HonorificM)
            || tok.is(Class::HonorificF))
}

#[cfg(test)]
#[allow(
    clippy::indexing_slicing,
    reason = "a test fails loudly on a wrong length"
)]
mod tests {
    use super::*;
    use crate::import::lexicon::vocab;
    use crate::model::Lang;
    use rstest::rstest;

    fn words(text: &str) -> Vec<String> {
        let mut buf = TokenBuf::default();
        tokenize(text, &mut buf);
        (0..buf.len())
            .map(|i| buf.lower(i).unwrap().to_string())
            .collect()
    }

    #[rstest]
    #[case::elision("d'INTERPOL", &["d'", "interpol"])]
    #[case::curly_elision("l’ONUDC", &["l'", "onudc"])]
    #[case::inverted("a-t-il affirmé", &["a-t-il", "affirmé"])]
    #[case::possessive("UNODC's head", &["unodc", "'", "s", "head"])]
    #[case::contraction("don't", &["don't"])]
    #[case::today("aujourd'hui", &["aujourd'hui"])]
    #[case::iso("2016-05-23", &["2016-05-23"])]
    #[case::punct("« Oui », a-t-elle dit.", &["«", "oui", "»", ",", "a-t-elle", "dit", "."])]
    #[case::dash("2016 - Lors", &["2016", "-", "lors"])]
    fn tokenize_cuts_words_like_a_reader(#[case] text: &str, #[case] want: &[&str]) {
        assert_eq!(words(text), want);
    }

    /// What language detection reads of a text is what the tokens hold: the same pieces,
    /// lowercased the same way.
    #[rstest]
    #[case("« Oui », a-t-elle dit à l’ONUDC's İstanbul office. KELVIN \u{212A} aujourd’hui")]
    #[case("UNODC's head, d'INTERPOL: 2016-05-23 — e-learning…")]
    fn cut_pieces_lowercase_as_tokens(#[case] text: &str) {
        let mut buf = TokenBuf::default();
        tokenize(text, &mut buf);
        let cut: Vec<(usize, String)> = pieces(text)
            .map(|(at, piece)| {
                let mut lower = String::new();
                push_lower_upto(piece, usize::MAX, &mut lower);
                (at, lower)
            })
            .collect();
        let tokens: Vec<(usize, String)> = (0..buf.len())
            .map(|i| (buf.toks[i].start, buf.lower(i).unwrap().to_string()))
            .collect();
        assert_eq!(cut, tokens);
        // Cut short, a lowercase form is only ever longer than the limit.
        for (_, piece) in pieces(text) {
            let mut whole = String::new();
            push_lower_upto(piece, usize::MAX, &mut whole);
            let mut short = String::new();
            push_lower_upto(piece, 8, &mut short);
            assert!(short == whole || short.len() > 8 && whole.starts_with(&short));
        }
    }

    /// The pieces of a text, cut a character at a time, as the cutting loop was before
    /// ASCII was read a byte at a time.
    fn pieces_by_character(text: &str) -> Vec<(usize, String)> {
        let mut out = Vec::new();
        let mut at = 0;
        while let Some(c) = char_at(text, at) {
            if c.is_whitespace() {
                at += c.len_utf8();
            } else if !is_word_char(c) {
                out.push((at, c.to_string()));
                at += c.len_utf8();
            } else {
                let end = word_end(text, at);
                out.push((at, text[at..end].to_string()));
                at = end;
            }
        }
        out
    }

    /// ASCII read a byte at a time cuts pieces as characters do: words that end at a space,
    /// a mark, a hyphen, an apostrophe, a letter or a space outside ASCII.
    #[rstest]
    #[case("fin- -tiret O'NEILL rock'n'roll l'ONUDC d’INTERPOL UNODC's it's G20 2016 3.5 ")]
    #[case("25ÈME naïveté Ötzi ABC x\u{a0}y A\u{2011}B abc«def» e-learning\t2016-05-23\r\n.")]
    #[case("\u{1f}a\u{7f}b c\u{85}d")]
    fn ascii_pieces_are_cut_as_characters(#[case] text: &str) {
        let cut: Vec<(usize, String)> = pieces(text)
            .map(|(at, piece)| match piece {
                Piece::Word(word) => (at, word.to_string()),
                Piece::Punct(c) => (at, c.to_string()),
            })
            .collect();
        assert_eq!(cut, pieces_by_character(text));
    }

    /// Words of ASCII letters and digits, read a byte at a time, are cut, lowercased and
    /// shaped as the general path cuts any piece: next to hyphens, apostrophes, letters
    /// outside ASCII and spaces outside ASCII.
    #[rstest]
    #[case("fin- -tiret O'NEILL rock'n'roll l'ONUDC d’INTERPOL UNODC's it's G20 2016 3.5")]
    #[case("25ÈME naïveté Ötzi ABC x\u{a0}y A\u{2011}B abc«def» e-learning 2016-05-23 \t\r\n")]
    fn ascii_words_are_cut_as_any_word(#[case] text: &str) {
        let mut fast = TokenBuf::default();
        tokenize(text, &mut fast);
        let mut general = TokenBuf::default();
        for (at, piece) in pieces(text) {
            match piece {
                Piece::Punct(c) => push_punct(&mut general, at, c),
                Piece::Word(word) => push_word(&mut general, at, word),
            }
        }
        assert_eq!(fast.toks, general.toks);
        assert_eq!(fast.lower, general.lower);
    }

    /// A token holds a class's longer phrase exactly when one of the class's phrases of two
    /// words or more starting with its word has its other words next, over the fixture
    /// releases in both languages; the frame keeps the buffer's (a quote holds no phrase).
    #[test]
    fn held_phrases_are_those_whose_words_follow() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import");
        let mut held_somewhere = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "txt") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let v = vocab(crate::import::lexicon::detect(&text));
            let mut buf = TokenBuf::default();
            tokenize(&text, &mut buf);
            buf.annotate(v);
            let sent = buf.sent(&text, 0..buf.len(), v);
            for (at, tok) in buf.toks.iter().enumerate() {
                let want = tok.word.map_or(0, |word| {
                    v.longer_phrases(word)
                        .filter(|(_, rest)| sent.holds_at(at + 1, rest))
                        .fold(0, |held, (class, _)| held | class.bit())
                });
                assert_eq!(sent.held(at), want, "{} at {at}", path.display());
                held_somewhere += usize::from(want != 0);
            }
            let mut frame = TokenBuf::default();
            buf.frame_into(&[], &mut frame);
            assert_eq!(frame.held, buf.held);
        }
        assert!(held_somewhere > 100, "{held_somewhere}");
    }

    /// A buffer of a paragraph's size, dropped, is handed out again with its room, and
    /// tokenizing into it replaces what it held; a buffer of a huge line is not kept.
    #[test]
    fn dropped_buffers_are_kept_for_the_next_paragraph() {
        // Held to the end: dropped, each would be kept again.
        let _kept_before = SPARE.with_borrow_mut(std::mem::take);
        let mut first = TokenBuf::spare();
        tokenize("one two three four", &mut first);
        let room = first.toks.capacity();
        assert!(room > 0);
        drop(first);
        let mut again = TokenBuf::spare();
        assert_eq!(again.toks.capacity(), room);
        tokenize("five", &mut again);
        assert_eq!(words_of_buf(&again), ["five"]);
        drop(again);
        let _kept_since = SPARE.with_borrow_mut(std::mem::take);
        let mut huge = TokenBuf::spare();
        tokenize(&"word ".repeat(MAX_SPARE_TOKENS + 1), &mut huge);
        drop(huge);
        assert_eq!(TokenBuf::spare().toks.capacity(), 0);
    }

    fn words_of_buf(buf: &TokenBuf) -> Vec<&str> {
        (0..buf.len()).filter_map(|i| buf.lower(i)).collect()
    }

    fn count_sentences(text: &str, lang: Lang) -> usize {
        let mut buf = TokenBuf::default();
        tokenize(text, &mut buf);
        buf.annotate(vocab(lang));
        sentences(&buf.toks).len()
    }

    #[rstest]
    #[case::honorific("a noté M. Fedotov. Puis il part.", 2)]
    #[case::mister("Mr. Smith said so. He left!", 2)]
    #[case::initial("J. Smith spoke. Then left.", 2)]
    #[case::quote_close("« Oui. » Il part.", 2)]
    #[case::lowercase_after("Il a 3.5 millions. ok", 1)]
    #[case::etc("Armes, drogues, etc. Et plus.", 1)]
    fn sentences_end_where_a_reader_would_stop(#[case] text: &str, #[case] n: usize) {
        assert_eq!(count_sentences(text, Lang::Fr), n, "{text}");
    }

    #[test]
    fn sentences_are_cut_when_too_long() {
        let text = "word ".repeat(2_000);
        assert!(count_sentences(&text, Lang::En) >= 3);
    }

    /// The quick paths for Latin-1 say what the standard library says of every character
    /// up to U+0400, and lowercase them alike.
    #[test]
    fn latin_letters_are_read_as_the_standard_library_reads_them() {
        for code in 0..0x400u32 {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            let alphabetic = c.is_alphabetic();
            assert_eq!(
                letter_case(c),
                (alphabetic, alphabetic && c.is_lowercase()),
                "{c:?}"
            );
            let mut quick = String::new();
            push_lowercase(c, &mut quick);
            let want: String = if c == '\u{2019}' {
                "'".to_string()
            } else {
                c.to_lowercase().collect()
            };
            assert_eq!(quick, want, "{c:?}");
        }
    }

    /// A buffer holds one token per word: tokens stay small.
    #[test]
    fn tokens_are_small() {
        assert!(std::mem::size_of::<Token>() <= 80);
    }

    #[test]
    fn shapes_tell_capitals_acronyms_and_numbers() {
        let mut buf = TokenBuf::default();
        tokenize("Vienna UNODC G20 2016 word", &mut buf);
        // "G20" has one letter: no acronym.
        let shapes: Vec<u8> = buf.toks.iter().map(|t| t.shape).collect();
        use shape::*;
        assert_eq!(
            shapes,
            [
                CAP | LETTER,
                CAP | UPPER | LETTER,
                CAP | LETTER | HAS_DIGIT,
                DIGIT | NUMBER | HAS_DIGIT,
                LETTER
            ]
        );
    }

    /// The punctuation inside a phrase is matched as its words are, by the lexicon's number:
    /// "U.S. Attorney" is five tokens.
    #[test]
    fn phrases_with_punctuation_match_as_tokenized() {
        let v = vocab(Lang::En);
        let mut buf = TokenBuf::default();
        let text = "the U.S. Attorney said";
        tokenize(text, &mut buf);
        buf.annotate(v);
        let sent = buf.sent(text, 0..buf.len(), v);
        assert_eq!(sent.phrase_at(1, Class::Role), Some(5));
        assert_eq!(sent.slice(1, 6), Some("U.S. Attorney"));
        // Without the lexicon's numbers of its words, no phrase is read.
        let mut bare = TokenBuf::default();
        tokenize(text, &mut bare);
        bare.annotate(v);
        for tok in &mut bare.toks {
            tok.word = None;
        }
        assert_eq!(
            bare.sent(text, 0..bare.len(), v).phrase_at(1, Class::Role),
            None
        );
    }

    #[test]
    fn phrases_match_as_tokenized() {
        let v = vocab(Lang::Fr);
        let mut buf = TokenBuf::default();
        let text = "le Secrétaire général d'INTERPOL";
        tokenize(text, &mut buf);
        buf.annotate(v);
        let sent = buf.sent(text, 0..buf.len(), v);
        assert_eq!(sent.phrase_at(1, Class::Role), Some(2));
        assert_eq!(sent.slice(1, 3), Some("Secrétaire général"));
        assert_eq!(sent.phrase_at(0, Class::Role), None);
    }
}
