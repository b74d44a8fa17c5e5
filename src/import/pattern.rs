//! Rules as patterns over tokens: a small matcher with sequences, alternatives, optional and
//! bounded repeated parts over atoms (a lexicon class, a capitalised word, an acronym, a
//! punctuation mark, a quote), and named captures that become a fact's fields.
//!
//! Patterns are `static` data built from [`Pat`]'s variants, so a rule table reads as a list
//! of named patterns. Matching backtracks only inside one pattern over one sentence, with
//! bounded repetitions: the work per starting token is bounded by the pattern, so a rule runs
//! in time linear in the sentence. No I/O here.

use super::lexicon::{Class, Classes};
use super::token::{Kind, Sent, Token, punct_bit, shape};

mod program;
pub(crate) use program::Program;

/// The fields a pattern can capture; each rule family reads the ones it knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum Slot {
    /// Who speaks, as written: a name, a role, a pronoun, an organisation.
    Source,
    /// A person's name.
    Name,
    /// A role.
    Role,
    /// An organisation.
    Org,
    /// A quote token.
    Quote,
    /// The speech verb or cue.
    Cue,
    /// The circumstances of a quote.
    Context,
    /// A day of the month.
    Day,
    /// A month name.
    Month,
    /// A year.
    Year,
    /// A place.
    Place,
    /// An honorific.
    Title,
    /// Several people at once.
    Joint,
    /// An organisation named again by its kind.
    OrgRef,
}

const SLOTS: usize = 14;

/// Token ranges captured by a match, by [`Slot`], as 32-bit token positions: a match is
/// copied whole at each lookahead and each match found, so it is kept small. Matching refuses
/// sentences of [`MAX_MATCH_TOKENS`] tokens or more (no text held in memory has that many).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Captures([(u32, u32); SLOTS]);

/// A capture slot with nothing in it.
const NO_CAPTURE: (u32, u32) = (u32::MAX, u32::MAX);

/// Sentences of this many tokens or more match no pattern: their positions would not fit a
/// capture.
pub(crate) const MAX_MATCH_TOKENS: usize = u32::MAX as usize;

impl Default for Captures {
    fn default() -> Self {
        Captures([NO_CAPTURE; SLOTS])
    }
}

impl Captures {
    /// The token range captured in `slot`.
    pub fn get(&self, slot: Slot) -> Option<(usize, usize)> {
        self.0
            .get(slot as usize)
            .filter(|range| **range != NO_CAPTURE)
            .map(|&(start, end)| (start as usize, end as usize))
    }

    /// Sets `slot` to `range`, whose positions are below [`MAX_MATCH_TOKENS`] (matching
    /// refuses longer sentences).
    fn set(&mut self, slot: Slot, range: Option<(usize, usize)>) {
        let packed = range
            .and_then(|(start, end)| Some((u32::try_from(start).ok()?, u32::try_from(end).ok()?)))
            .unwrap_or(NO_CAPTURE);
        debug_assert!(range.is_none() || packed != NO_CAPTURE);
        if let Some(cell) = self.0.get_mut(slot as usize) {
            *cell = packed;
        }
    }
}

/// A pattern over tokens.
#[derive(Debug)]
pub(crate) enum Pat {
    /// A phrase of the class (one or more tokens, the longest).
    Is(Class),
    /// Any word.
    Word,
    /// A capitalised word.
    Capital,
    /// A capitalised word that is a phrase of the class, or a word of one ("Executive").
    CapIs(Class),
    /// A word in capitals that is a phrase of the class ("DA", not "da" of "da Silva").
    UpperIs(Class),
    /// A capitalised word that may be part of an organisation's name: no given name, no
    /// role.
    OrgCapital,
    /// An organisation capital that is not all in capitals ("Security", not "INTERPOL").
    OrgTitle,
    /// A word in capitals of two letters or more ("ONUDC", "G7").
    Acronym,
    /// A lowercase word (not starting with a capital or a digit).
    Lower,
    /// A word made of digits.
    Number,
    /// A word with a digit in it.
    WithDigit,
    /// The punctuation character.
    P(char),
    /// One of the punctuation characters.
    AnyOf(&'static str),
    /// A direct quote.
    Quote,
    /// A capitalised word that may be part of a person's name: no lexicon word that is no
    /// name (articles, roles, organisation nouns...).
    NameWord,
    /// A name word that is a known given name ("Paul", "Maria").
    GivenNameWord,
    /// An initial: one capital letter and its period ("B.").
    Initial,
    /// The parts in order.
    Seq(&'static [Pat]),
    /// The first of the parts that lets the rest match.
    Alt(&'static [Pat]),
    /// The part, or nothing.
    Opt(&'static Pat),
    /// The part repeated, at least `min` and at most `max` times, as many as possible first.
    Rep(&'static Pat, u8, u8),
    /// The part, captured in the slot.
    Save(Slot, &'static Pat),
    /// The part, unless the token where it starts is a word of the class alone.
    Unless(Class, &'static Pat),
    /// The end of the sentence.
    End,
    /// The part matches here, and nothing is taken (a lookahead).
    Peek(&'static Pat),
    /// Another pattern, by reference (to share one pattern between rules).
    Ref(&'static Pat),
    /// A verb with its pronoun after it ("a-t-il", "ajoute-t-elle").
    Inverted,
    /// A mention of someone already read in the sentence ([`Sent::spans`]).
    Mention,
    /// A mention with a role, title or known given name.
    StrongMention,
    /// A word where no person's named mention starts.
    PlainWord,
}

/// Classes a word cannot have and still be part of a person's name.
const NOT_NAME: &[Class] = &[
    Class::Stop,
    Class::Determiner,
    Class::Weekday,
    Class::Role,
    Class::RoleWord,
    Class::OrgWord,
    Class::OrgName,
    Class::Honorific,
    Class::HonorificM,
    Class::HonorificF,
    Class::SpeechVerb,
    Class::PronounM,
    Class::PronounF,
    Class::PronounPlural,
    Class::AccordingTo,
    Class::TimeWord,
    Class::EventNoun,
    Class::Indefinite,
    Class::ListConnector,
    Class::Complementizer,
    Class::TitleCue,
    Class::PostNominal,
    Class::NotName,
];

/// [`NOT_NAME`] as one set.
#[allow(
    clippy::indexing_slicing,
    reason = "a const block has no iterators: k < len"
)]
const NOT_NAME_MASK: Classes = {
    let mut mask = 0;
    let mut k = 0;
    while k < NOT_NAME.len() {
        mask |= NOT_NAME[k].bit();
        k += 1;
    }
    mask
};

/// True when token `i` could be a word of a person's name.
pub(crate) fn is_name_word(sent: &Sent<'_>, i: usize) -> bool {
    let Some(tok) = sent.tok(i) else {
        return false;
    };
    let mask = NOT_NAME_MASK;
    tok.is_word()
        && tok.end - tok.start > 1
        && tok.has(shape::CAP | shape::LETTER)
        && (!tok.has(shape::UPPER)
            || tok.end - tok.start <= 3 && tok.has(shape::CAP)
            || surname_in_capitals(sent, i))
        && (tok.single & mask == 0
            // "Will Kerr", "May Chen": a given name that is also a small word, before a name.
            || tok.is(Class::GivenName)
                && tok.single & (mask & !Class::Stop.bit()) == 0
                && sent.tok(i + 1).is_some_and(|t| t.has(shape::CAP)))
}

/// True when token `i`, a word in capitals, is a surname written in capitals as many
/// official releases do ("Andrzej BUŁA", "M. Gérald DARMANIN", "Mr OMARJEE", "Snježana
/// KOBEŠĆAK SMODIŠ"): after a given name in mixed case, an honorific, or one such surname.
/// An acronym elsewhere is no name ("the EMPACT platform").
fn surname_in_capitals(sent: &Sent<'_>, i: usize) -> bool {
    let mixed_name = |j: usize| {
        sent.tok(j)
            .is_some_and(|t| !t.has(shape::UPPER) && t.has(shape::CAP))
            && is_name_word(sent, j)
    };
    let honorific = |j: usize| {
        sent.is(j, Class::Honorific)
            || sent.is(j, Class::HonorificF)
            || sent.is(j, Class::HonorificM)
    };
    let caps = |j: usize| {
        sent.tok(j).is_some_and(|t| {
            t.is_word()
                && t.has(shape::UPPER | shape::CAP | shape::LETTER)
                && !t.has(shape::HAS_DIGIT)
                && t.single & NOT_NAME_MASK == 0
        })
    };
    if !caps(i) || i == 0 {
        return false;
    }
    let before = i - 1;
    // "M. DARMANIN": the honorific's period.
    let titled = |j: usize| honorific(j) || sent.is_punct(j, '.') && j > 0 && honorific(j - 1);
    mixed_name(before)
        || titled(before)
        || caps(before) && before > 0 && (mixed_name(before - 1) || titled(before - 1))
}

/// The gender of the pronoun a verb carries ("a-t-elle": feminine), for a word that ends
/// with one of the lexicon's inverted pronouns after a verb stem.
#[inline]
pub(crate) fn inverted_gender(
    sent: &Sent<'_>,
    at: usize,
) -> Option<crate::import::lexicon::Gender> {
    let word = sent.lower(at)?;
    // Most words hold no first character of an ending ("-" of "-t-il"): tried at every
    // token of a sentence with a quote.
    if !word.bytes().any(|b| sent.vocab.may_start_inverted(b)) {
        return None;
    }
    sent.vocab
        .inverted_pronouns
        .iter()
        .find(|(suffix, _)| word.len() > suffix.len() && word.ends_with(suffix.as_str()))
        .map(|(_, gender)| *gender)
}

/// Where a pattern of one step ends when it starts at `at` (a token test, the end, a
/// mention); none for a pattern of parts, or when it does not match.
fn atom(pat: &Pat, sent: &Sent<'_>, at: usize) -> Option<usize> {
    let tok = sent.tok(at);
    let one = |ok: bool| ok.then_some(at + 1);
    match pat {
        Pat::OrgCapital | Pat::OrgTitle => one(tok.is_some_and(|t| {
            t.has(shape::CAP)
                && (matches!(pat, Pat::OrgCapital) || !t.has(shape::UPPER | shape::LETTER))
                && t.single
                    & (Class::GivenName.bit()
                        | Class::Role.bit()
                        | Class::Honorific.bit()
                        | Class::HonorificF.bit()
                        | Class::HonorificM.bit()
                        | Class::Determiner.bit()
                        | Class::SpeechVerb.bit()
                        | Class::Month.bit()
                        | Class::Weekday.bit())
                    == 0
                // "Attribute to …", "According to …": a cue, not an organisation.
                && !t.may_start(Class::AccordingTo.bit())
        })),
        Pat::Word => one(tok.is_some_and(|t| t.is_word())),
        Pat::Capital => one(tok.is_some_and(|t| t.has(shape::CAP))),
        Pat::CapIs(class) => one(tok.is_some_and(|t| t.has(shape::CAP) && t.is(*class))),
        Pat::UpperIs(class) => one(tok.is_some_and(|t| t.has(shape::UPPER) && t.is(*class))),
        Pat::Acronym => one(tok.is_some_and(|t| t.has(shape::UPPER | shape::LETTER))),
        Pat::Lower => {
            one(tok.is_some_and(|t| t.is_word() && t.shape & (shape::CAP | shape::DIGIT) == 0))
        }
        Pat::Number => one(tok.is_some_and(|t| t.has(shape::NUMBER))),
        Pat::WithDigit => one(tok.is_some_and(|t| t.has(shape::HAS_DIGIT))),
        Pat::P(c) => one(tok.is_some_and(|t| t.is_punct(*c))),
        Pat::AnyOf(set) => one(tok.and_then(|t| t.punct()).is_some_and(|c| set.contains(c))),
        Pat::Quote => one(tok.is_some_and(|t| matches!(t.kind, Kind::Quote(_)))),
        Pat::NameWord => one(is_name_word(sent, at)),
        Pat::GivenNameWord => one(is_name_word(sent, at) && sent.is(at, Class::GivenName)),
        Pat::Initial => (tok.is_some_and(|t| t.has(shape::CAP) && t.end - t.start == 1)
            && sent.is_punct(at + 1, '.'))
        .then_some(at + 2),
        Pat::End => (at >= sent.len()).then_some(at),
        Pat::Inverted => one(inverted_gender(sent, at).is_some()),
        Pat::Mention => sent.span_at(at).map(|s| s.end),
        Pat::StrongMention => sent.span_at(at).filter(|s| s.strong).map(|s| s.end),
        Pat::PlainWord => {
            one(tok.is_some_and(|t| t.is_word()) && sent.span_at(at).is_none_or(|s| !s.named))
        }
        Pat::Is(_)
        | Pat::Ref(_)
        | Pat::Unless(..)
        | Pat::Seq(_)
        | Pat::Alt(_)
        | Pat::Opt(_)
        | Pat::Peek(_)
        | Pat::Rep(..)
        | Pat::Save(..) => None,
    }
}

/// Calls `next` with each position where `pat` can end when it starts at `at`, until `next`
/// says it is done (true). When it returns false, `caps` is as it was.
///
/// The reference matcher, which defines what a pattern matches: rules run on their compiled
/// [`Program`], which the tests hold to the same matches.
#[cfg(test)]
fn walk(
    pat: &Pat,
    sent: &Sent<'_>,
    at: usize,
    caps: &mut Captures,
    next: &mut dyn FnMut(usize, &mut Captures) -> bool,
) -> bool {
    match pat {
        Pat::Is(class) => phrases(*class, sent, at, caps, next),
        Pat::Ref(part) => walk(part, sent, at, caps, next),
        Pat::Unless(class, part) => !sent.is(at, *class) && walk(part, sent, at, caps, next),
        Pat::Seq(parts) => seq(parts, sent, at, caps, next),
        Pat::Alt(parts) => parts.iter().any(|part| walk(part, sent, at, caps, next)),
        Pat::Opt(part) => walk(part, sent, at, caps, next) || next(at, caps),
        Pat::Peek(part) => {
            let mut scratch = *caps;
            walk(part, sent, at, &mut scratch, &mut |_, _| true) && next(at, caps)
        }
        Pat::Rep(part, min, max) => rep(part, *min, *max, sent, at, caps, next),
        Pat::Save(slot, part) => {
            let before = caps.get(*slot);
            let found = walk(part, sent, at, caps, &mut |end, caps| {
                caps.set(*slot, Some((at, end)));
                next(end, caps)
            });
            if !found {
                caps.set(*slot, before);
            }
            found
        }
        _ => atom(pat, sent, at).is_some_and(|end| next(end, caps)),
    }
}

/// Each phrase of `class` starting at `at`, longest first, then `next` after it.
pub(super) fn phrases(
    class: Class,
    sent: &Sent<'_>,
    at: usize,
    caps: &mut Captures,
    next: &mut dyn FnMut(usize, &mut Captures) -> bool,
) -> bool {
    let Some(first) = sent.tok(at) else {
        return false;
    };
    // Of the word's longer phrases, those that start with the next token's word, in order
    // (see `Sent::phrase_at`).
    if sent.held(at) & class.bit() != 0
        && let Some(word) = first.word
        && let Some(second) = sent.tok(at + 1).and_then(|t| t.word)
    {
        for (_, rest) in sent.vocab.phrases_from(word, second, class.bit()) {
            if sent.holds_at(at + 1, rest) && next(at + 1 + rest.len(), caps) {
                return true;
            }
        }
    }
    first.is(class) && next(at + 1, caps)
}

#[cfg(test)]
fn seq(
    parts: &[Pat],
    sent: &Sent<'_>,
    at: usize,
    caps: &mut Captures,
    next: &mut dyn FnMut(usize, &mut Captures) -> bool,
) -> bool {
    match parts.split_first() {
        None => next(at, caps),
        Some((first, rest)) => walk(first, sent, at, caps, &mut |end, caps| {
            seq(rest, sent, end, caps, next)
        }),
    }
}

#[cfg(test)]
fn rep(
    part: &Pat,
    min: u8,
    max: u8,
    sent: &Sent<'_>,
    at: usize,
    caps: &mut Captures,
    next: &mut dyn FnMut(usize, &mut Captures) -> bool,
) -> bool {
    if max > 0 {
        let more = walk(part, sent, at, caps, &mut |end, caps| {
            // A part that matched nothing would repeat forever.
            end > at && rep(part, min.saturating_sub(1), max - 1, sent, end, caps, next)
        });
        if more {
            return true;
        }
    }
    min == 0 && next(at, caps)
}

/// A match of a pattern: the tokens it covers and what it captured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Match {
    /// The first token.
    pub start: usize,
    /// Just after the last token.
    pub end: usize,
    /// The captures.
    pub caps: Captures,
}

/// The first way `pat` matches starting at token `at` (alternatives in order, repetitions as
/// long as possible), by the reference matcher.
#[cfg(test)]
pub(crate) fn match_at(pat: &Pat, sent: &Sent<'_>, at: usize) -> Option<Match> {
    if sent.len() >= MAX_MATCH_TOKENS {
        return None;
    }
    let mut found = None;
    let mut caps = Captures::default();
    walk(pat, sent, at, &mut caps, &mut |end, caps| {
        found = Some(Match {
            start: at,
            end,
            caps: *caps,
        });
        true
    });
    found
}

/// What the first token of a match can be: a cheap test that lets a scan skip the tokens
/// where a rule cannot start. Worked out at compile time from the pattern.
///
/// It may admit more than the pattern can start with (punctuation outside ASCII is kept as
/// bits of a small hash), never less: a token it admits is only tried. It is kept small (64
/// bytes): the matcher reads one at every part it tries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FirstSet {
    /// Classes every match holds a token of ([`needs`]): where the sentence has none from the
    /// first token on, the pattern cannot match.
    needs: Classes,
    /// A word that is, or starts where it holds ([`Sent::held`]), a phrase of these classes.
    classes: Classes,
    /// These ASCII punctuation characters, one bit each.
    ascii_puncts: u128,
    /// These other punctuation characters, by the bit of their code point modulo 64.
    other_puncts: u64,
    /// What else it admits, as bits of [`admit`].
    flags: u16,
    /// A token where a mention of the sentence starts ([`Sent::span_at`]): what a
    /// [`Pat::Mention`] starts with, which most words are not.
    mention: bool,
}

/// The bits of [`FirstSet::flags`].
mod admit {
    /// The pattern can match nothing: it may start anywhere.
    pub const ANYWHERE: u16 = 1;
    /// Any punctuation character.
    pub const ANY_PUNCT: u16 = 2;
    /// Any word.
    pub const WORD: u16 = 4;
    /// A capitalised word.
    pub const CAP: u16 = 8;
    /// A lowercase word.
    pub const LOWER: u16 = 16;
    /// A word of two letters or more without a lowercase one ("UNODC", "25ÈME", "北京").
    pub const UPPER: u16 = 32;
    /// A word starting with a digit.
    pub const DIGIT: u16 = 64;
    /// A quote token.
    pub const QUOTE: u16 = 128;
    /// A word with a digit in it ("2021-02-03", "Newsroom2021").
    pub const HAS_DIGIT: u16 = 256;
}

/// For each word [`shape`], the [`admit`] flags of which any one lets a word of that shape
/// start a match: the matcher tests a word's shape against a first set at every part it
/// tries, so the tests are made once, here, instead of one per flag.
#[allow(
    clippy::indexing_slicing,
    reason = "a const block has no iterators: k < 256"
)]
const WORD_ADMITS: [u16; 256] = {
    let mut table = [0; 256];
    let mut k = 0;
    while k < 256 {
        let bits = k as u8;
        let mut flags = admit::ANYWHERE | admit::WORD;
        if bits & shape::CAP != 0 {
            flags |= admit::CAP;
        }
        if bits & shape::DIGIT != 0 {
            flags |= admit::DIGIT;
        }
        if bits & (shape::CAP | shape::DIGIT) == 0 {
            flags |= admit::LOWER;
        }
        if bits & shape::UPPER != 0 {
            flags |= admit::UPPER;
        }
        if bits & shape::HAS_DIGIT != 0 {
            flags |= admit::HAS_DIGIT;
        }
        table[k] = flags;
        k += 1;
    }
    table
};

/// The [`admit`] flags that let a word of shape `shape` start a match (see [`WORD_ADMITS`]).
#[inline]
fn word_admits(shape: u8) -> u16 {
    WORD_ADMITS.get(usize::from(shape)).copied().unwrap_or(0)
}

impl FirstSet {
    const EMPTY: FirstSet = FirstSet {
        needs: 0,
        classes: 0,
        ascii_puncts: 0,
        other_puncts: 0,
        flags: 0,
        mention: false,
    };

    /// True when a match may start at this token, which holds phrases of two words or more
    /// of the classes `held` (see [`Sent::held`]).
    #[inline(always)]
    fn admits(&self, tok: &Token, held: Classes) -> bool {
        let flags = self.flags;
        match tok.kind {
            Kind::Word => {
                flags & word_admits(tok.shape) != 0 || (tok.single | held) & self.classes != 0
            }
            Kind::Punct(c) => {
                flags & (admit::ANYWHERE | admit::ANY_PUNCT) != 0
                    || if c.is_ascii() {
                        self.ascii_puncts & (1 << u32::from(c)) != 0
                    } else {
                        self.other_puncts & (1 << (u32::from(c) % 64)) != 0
                    }
            }
            Kind::Quote(_) => flags & (admit::ANYWHERE | admit::QUOTE) != 0,
        }
    }

    /// True when a match may start at token `at` of the sentence, `tok`: the token is
    /// admitted, or a mention starts there and the set admits one.
    #[inline(always)]
    fn admits_token_at(&self, tok: &Token, sent: &Sent<'_>, at: usize) -> bool {
        self.admits(tok, sent.held(at)) || self.mention && sent.span_at(at).is_some()
    }

    /// True when a match may start at token `at` of the sentence: the token is admitted (or
    /// the pattern can match nothing at the end), and the sentence holds what it needs from
    /// there on.
    #[inline(always)]
    fn admits_at(&self, sent: &Sent<'_>, at: usize) -> bool {
        let admitted = match sent.tok(at) {
            Some(tok) => self.admits_token_at(tok, sent, at),
            None => self.flags & admit::ANYWHERE != 0,
        };
        admitted && sent.may_hold(at, self.needs)
    }

    /// Where a match of any of `rules` may start: a token that no rule may start at is
    /// ruled out by one test instead of one per rule. It admits what any rule's first set
    /// admits, and needs only the classes every rule needs.
    fn of_any(rules: &[Rule]) -> FirstSet {
        let none = FirstSet {
            needs: Classes::MAX,
            ..FirstSet::EMPTY
        };
        rules.iter().fold(none, |set, rule| {
            let mut set = set.union(rule.first);
            set.needs &= rule.first.needs;
            set
        })
    }

    const fn with(mut self, flag: u16) -> FirstSet {
        self.flags |= flag;
        self
    }

    const fn with_punct(mut self, c: char) -> FirstSet {
        if c.is_ascii() {
            self.ascii_puncts |= 1 << (c as u32);
        } else {
            self.other_puncts |= 1 << (c as u32 % 64);
        }
        self
    }

    const fn union(mut self, other: FirstSet) -> FirstSet {
        self.flags |= other.flags;
        self.mention |= other.mention;
        self.classes |= other.classes;
        self.ascii_puncts |= other.ascii_puncts;
        self.other_puncts |= other.other_puncts;
        self
    }
}

/// True when the pattern can match no token at all.
#[allow(
    clippy::indexing_slicing,
    reason = "a const fn has no iterators: each index is below the length its loop checks"
)]
const fn nullable(pat: &Pat) -> bool {
    match pat {
        Pat::Opt(_) | Pat::End | Pat::Peek(_) => true,
        Pat::Rep(part, min, _) => *min == 0 || nullable(part),
        Pat::Seq(parts) => {
            let mut k = 0;
            while k < parts.len() {
                if !nullable(&parts[k]) {
                    return false;
                }
                k += 1;
            }
            true
        }
        Pat::Alt(parts) => {
            let mut k = 0;
            while k < parts.len() {
                if nullable(&parts[k]) {
                    return true;
                }
                k += 1;
            }
            false
        }
        Pat::Save(_, part) | Pat::Ref(part) | Pat::Unless(_, part) => nullable(part),
        _ => false,
    }
}

/// Where a rule of pattern `pat` may start: anywhere when it can match no token at all (an
/// empty match is still a match, and stops the search for the rules after it), else at the
/// tokens [`first_of`] admits.
pub(crate) const fn starts_of(pat: &Pat) -> FirstSet {
    let mut set = first_of(pat);
    set.needs = needs(pat).classes;
    if nullable(pat) {
        set.with(admit::ANYWHERE)
    } else {
        set
    }
}

/// What every match of a pattern holds: the classes it holds a token of (a token that is, or
/// starts a phrase of, the class) and the ASCII punctuation marks, as [`punct_bit`]s. A cheap
/// test of a sentence rules a pattern out where it holds none of one of them ("…, Yury
/// Fedotov" needs its comma).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Needs {
    pub classes: Classes,
    pub puncts: u32,
}

impl Needs {
    const NOTHING: Needs = Needs {
        classes: 0,
        puncts: 0,
    };
    const EVERYTHING: Needs = Needs {
        classes: Classes::MAX,
        puncts: u32::MAX,
    };
}

/// What every match of `pat` holds: what the parts of a sequence that must match hold, what
/// all alternatives share.
#[allow(
    clippy::indexing_slicing,
    reason = "a const fn has no iterators: each index is below the length its loop checks"
)]
pub(crate) const fn needs(pat: &Pat) -> Needs {
    match pat {
        Pat::Is(class) | Pat::CapIs(class) | Pat::UpperIs(class) => Needs {
            classes: class.bit(),
            puncts: 0,
        },
        Pat::GivenNameWord => Needs {
            classes: Class::GivenName.bit(),
            puncts: 0,
        },
        Pat::P(c) => Needs {
            classes: 0,
            puncts: punct_bit(*c),
        },
        Pat::Seq(parts) => {
            let mut all = Needs::NOTHING;
            let mut k = 0;
            while k < parts.len() {
                let part = needs(&parts[k]);
                all.classes |= part.classes;
                all.puncts |= part.puncts;
                k += 1;
            }
            all
        }
        Pat::Alt(parts) => {
            let mut shared = Needs::EVERYTHING;
            let mut k = 0;
            while k < parts.len() {
                let part = needs(&parts[k]);
                shared.classes &= part.classes;
                shared.puncts &= part.puncts;
                k += 1;
            }
            shared
        }
        Pat::Rep(part, min, _) if *min > 0 => needs(part),
        // A lookahead matches from the same token: what it needs is there too.
        Pat::Save(_, part) | Pat::Ref(part) | Pat::Unless(_, part) | Pat::Peek(part) => needs(part),
        _ => Needs::NOTHING,
    }
}

/// What the first token of a match of `pat` that takes at least one token can be. The parts
/// that take none (optional parts, repetitions of none, a lookahead, the end) add nothing of
/// their own: what follows them in a sequence takes that token, and the sequence adds it.
#[allow(
    clippy::indexing_slicing,
    reason = "a const fn has no iterators: each index is below the length its loop checks"
)]
pub(crate) const fn first_of(pat: &Pat) -> FirstSet {
    let mut set = FirstSet::EMPTY;
    match pat {
        Pat::Is(class) => set.classes = class.bit(),
        Pat::Word | Pat::Inverted | Pat::PlainWord => set = set.with(admit::WORD),
        Pat::WithDigit => set = set.with(admit::HAS_DIGIT),
        // Where a mention starts, and nowhere else (see `atom`).
        Pat::Mention | Pat::StrongMention => set.mention = true,
        Pat::Capital
        | Pat::CapIs(_)
        | Pat::UpperIs(_)
        | Pat::OrgCapital
        | Pat::OrgTitle
        | Pat::NameWord
        | Pat::GivenNameWord
        | Pat::Initial => set = set.with(admit::CAP),
        Pat::Lower => set = set.with(admit::LOWER),
        // Not only capitals: "25ÈME", and words of a script without case.
        Pat::Acronym => set = set.with(admit::UPPER),
        Pat::Number => set = set.with(admit::DIGIT),
        Pat::P(c) => set = set.with_punct(*c),
        Pat::AnyOf(chars) => {
            let bytes = chars.as_bytes();
            let mut k = 0;
            // The characters decoded from UTF-8 (a const fn has no `chars()`); a byte that
            // does not decode admits any punctuation.
            while k < bytes.len() {
                let lead = bytes[k] as u32;
                let (len, bits) = match lead {
                    0..=0x7f => (1, lead),
                    0xc0..=0xdf => (2, lead & 0x1f),
                    0xe0..=0xef => (3, lead & 0x0f),
                    _ => (4, lead & 0x07),
                };
                let mut code = bits;
                let mut m = 1;
                while m < len && k + m < bytes.len() {
                    code = (code << 6) | (bytes[k + m] as u32 & 0x3f);
                    m += 1;
                }
                match char::from_u32(code) {
                    Some(c) => set = set.with_punct(c),
                    None => set = set.with(admit::ANY_PUNCT),
                }
                k += len;
            }
        }
        Pat::Quote => set = set.with(admit::QUOTE),
        // They take no token: what follows them takes the first (see `Seq`).
        Pat::End | Pat::Peek(_) => {}
        Pat::Seq(parts) => {
            let mut k = 0;
            while k < parts.len() {
                set = set.union(first_of(&parts[k]));
                if !nullable(&parts[k]) {
                    return set;
                }
                k += 1;
            }
        }
        Pat::Alt(parts) => {
            let mut k = 0;
            while k < parts.len() {
                set = set.union(first_of(&parts[k]));
                k += 1;
            }
        }
        // What a part repeated, made optional, saved or guarded starts with.
        Pat::Opt(part)
        | Pat::Rep(part, _, _)
        | Pat::Save(_, part)
        | Pat::Ref(part)
        | Pat::Unless(_, part) => set = first_of(part),
    }
    set
}

/// A named pattern of a rule family.
#[derive(Debug)]
pub(crate) struct Rule {
    /// What the rule reads, for tests and debugging.
    pub name: &'static str,
    /// The pattern.
    pub pat: &'static Pat,
    /// What its first token can be.
    pub first: FirstSet,
    /// The ASCII punctuation marks every match holds ([`needs`]).
    pub puncts: u32,
    /// The pattern compiled for matching, on first use.
    pub program: &'static std::sync::LazyLock<Program>,
}

impl Rule {
    /// True when the rule may match from token `at`.
    #[inline(always)]
    pub fn may_start(&self, sent: &Sent<'_>, at: usize) -> bool {
        sent.tok(at)
            .is_none_or(|tok| self.first.admits_token_at(tok, sent, at))
            && sent.may_hold(at, self.first.needs)
            && sent.may_hold_puncts(at, self.puncts)
    }
}

/// Declares a rule: `rule!(name_comma_role, Seq(&[...]))`; the name is an identifier, so
/// rule tables hold no quoted words.
macro_rules! rule {
    ($name:ident, $pat:expr) => {{
        static PAT: &$crate::import::pattern::Pat = &$pat;
        static PROGRAM: std::sync::LazyLock<$crate::import::pattern::Program> =
            std::sync::LazyLock::new(|| $crate::import::pattern::Program::compile(PAT));
        $crate::import::pattern::Rule {
            name: stringify!($name),
            pat: PAT,
            first: $crate::import::pattern::starts_of(PAT),
            puncts: $crate::import::pattern::needs(PAT).puncts,
            program: &PROGRAM,
        }
    }};
}
pub(crate) use rule;

/// The first rule of `rules` that matches at token `at`, with its match.
pub(crate) fn first_rule<'r>(
    rules: &'r [Rule],
    sent: &Sent<'_>,
    at: usize,
) -> Option<(&'r Rule, Match)> {
    rules
        .iter()
        .filter(|rule| rule.may_start(sent, at))
        .find_map(|rule| rule.program.match_started(sent, at).map(|m| (rule, m)))
}

/// Every match of `rules` in the sentence, left to right, without overlaps: at each token the
/// first rule that matches wins and the search goes on after its match.
pub(crate) fn scan<'r>(rules: &'r [Rule], sent: &Sent<'_>) -> Vec<(&'r Rule, Match)> {
    let mut out = Vec::new();
    let any = FirstSet::of_any(rules);
    let mut at = 0;
    while at < sent.len() {
        // Most tokens start no rule (the item cues are a few phrases): one test skips them.
        if !any.admits_at(sent, at) {
            at += 1;
            continue;
        }
        match first_rule(rules, sent, at) {
            Some((rule, m)) if m.end > at => {
                at = m.end;
                out.push((rule, m));
            }
            _ => at += 1,
        }
    }
    out
}

#[cfg(test)]
#[allow(
    clippy::indexing_slicing,
    reason = "a test fails loudly on a wrong length"
)]
mod tests {
    use super::Pat::*;
    use super::*;
    use crate::import::lexicon::vocab;
    use crate::import::token::{TokenBuf, tokenize};
    use crate::model::Lang;

    fn with_sent<T>(text: &str, lang: Lang, f: impl FnOnce(Sent<'_>) -> T) -> T {
        let v = vocab(lang);
        let mut buf = TokenBuf::default();
        tokenize(text, &mut buf);
        buf.annotate(v);
        f(buf.sent(text, 0..buf.len(), v))
    }

    static NAME: Pat = Seq(&[
        NameWord,
        Rep(&Alt(&[NameWord, Is(Class::NameParticle)]), 0, 4),
    ]);
    static SAID_NAME: Pat = Seq(&[
        P(','),
        Save(Slot::Cue, &Is(Class::SpeechVerb)),
        Save(Slot::Name, &NAME),
    ]);

    fn captured(text: &str, lang: Lang, pat: &Pat, slot: Slot) -> Option<String> {
        with_sent(text, lang, |sent| {
            let m = match_at(pat, &sent, 0)?;
            let (a, b) = m.caps.get(slot)?;
            sent.slice(a, b).map(str::to_string)
        })
    }

    #[test]
    fn sequences_capture_their_parts() {
        assert_eq!(
            captured(", said Maria Lind.", Lang::En, &SAID_NAME, Slot::Name).as_deref(),
            Some("Maria Lind")
        );
        assert_eq!(
            captured(", said Maria Lind.", Lang::En, &SAID_NAME, Slot::Cue).as_deref(),
            Some("said")
        );
    }

    #[test]
    fn names_take_lowercase_particles() {
        assert_eq!(
            captured(
                ", déclare Nicoletta della Valle",
                Lang::Fr,
                &SAID_NAME,
                Slot::Name
            )
            .as_deref(),
            Some("Nicoletta della Valle")
        );
    }

    #[test]
    fn alternatives_backtrack_into_the_rest() {
        static PAT: Pat = Seq(&[Rep(&Word, 0, 5), Save(Slot::Year, &Number), End]);
        assert_eq!(
            captured("in the year 2016", Lang::En, &PAT, Slot::Year).as_deref(),
            Some("2016")
        );
    }

    #[test]
    fn a_failed_save_leaves_no_capture() {
        static PAT: Pat = Alt(&[Seq(&[Save(Slot::Day, &Number), P('!')]), Word]);
        with_sent("12 juin", Lang::Fr, |sent| {
            let m = match_at(&PAT, &sent, 0).unwrap();
            assert_eq!(m.caps.get(Slot::Day), None);
            assert_eq!(m.end, 1);
        });
    }

    /// The shape table admits a word exactly when one of the first set's flags does, tested
    /// one by one, for every shape and every set of flags.
    #[test]
    fn word_admits_agrees_with_each_flag() {
        for shape_bits in 0..=u8::MAX {
            for flags in 0..=0x1ff {
                let want = flags & admit::ANYWHERE != 0
                    || flags & admit::WORD != 0
                    || flags & admit::CAP != 0 && shape_bits & shape::CAP != 0
                    || flags & admit::DIGIT != 0 && shape_bits & shape::DIGIT != 0
                    || flags & admit::LOWER != 0 && shape_bits & (shape::CAP | shape::DIGIT) == 0
                    || flags & admit::UPPER != 0 && shape_bits & shape::UPPER != 0
                    || flags & admit::HAS_DIGIT != 0 && shape_bits & shape::HAS_DIGIT != 0;
                assert_eq!(
                    flags & word_admits(shape_bits) != 0,
                    want,
                    "{shape_bits} {flags}"
                );
            }
        }
    }

    /// The test of any rule admits every token one of the rules may start at.
    #[test]
    fn any_rule_admits_where_a_rule_may_start() {
        let texts = [
            (
                "Les menaces émergentes, y compris la cybercriminalité (ONUDC) « oui » 2016.",
                Lang::Fr,
            ),
            (
                "UNODC Executive Director Ghada Waly said: cooperation against terrorism, 12 May.",
                Lang::En,
            ),
        ];
        let tables = [
            crate::import::rules::items::RULES,
            crate::import::rules::people::RULES,
            crate::import::rules::speech::RULES,
            crate::import::rules::dates::RULES,
        ];
        for (text, lang) in texts {
            with_sent(text, lang, |sent| {
                for rules in tables {
                    let any = FirstSet::of_any(rules);
                    for at in 0..sent.len() {
                        let some = rules.iter().any(|rule| rule.may_start(&sent, at));
                        assert!(!some || any.admits_at(&sent, at), "{text} {at}");
                    }
                }
            });
        }
    }

    #[test]
    fn scan_finds_matches_without_overlap() {
        static RULES: &[Rule] = &[rule!(number, Save(Slot::Day, &Number))];
        with_sent("1 2 three 4", Lang::En, |sent| {
            assert_eq!(scan(RULES, &sent).len(), 3);
        });
    }

    #[test]
    fn optional_parts_do_not_make_a_rule_start_anywhere() {
        static RULES: &[Rule] = &[rule!(
            role_after_article,
            Seq(&[Opt(&Is(Class::Determiner)), Rep(&P(','), 0, 2), Capital])
        )];
        with_sent("the Minister , xyzzy", Lang::En, |sent| {
            let admitted: Vec<bool> = (0..sent.len())
                .map(|at| RULES[0].may_start(&sent, at))
                .collect();
            assert_eq!(admitted, [true, true, true, false]);
        });
    }

    #[test]
    fn a_rule_that_starts_with_a_mention_starts_where_one_does() {
        static RULES: &[Rule] = &[rule!(
            mention_then_end,
            Seq(&[Opt(&P('-')), Save(Slot::Source, &StrongMention), End])
        )];
        with_sent("said Maria Lind", Lang::En, |plain| {
            let spans = [crate::import::token::Span {
                start: 1,
                end: 3,
                strong: true,
                named: true,
            }];
            let sent = plain.with_spans(&spans);
            let admitted: Vec<bool> = (0..sent.len())
                .map(|at| RULES[0].may_start(&sent, at))
                .collect();
            // "said" is a word, but no mention starts there; "Lind" is inside one.
            assert_eq!(admitted, [false, true, false]);
            assert!(!FirstSet::of_any(RULES).admits_at(&sent, 0));
            assert_eq!(first_rule(RULES, &sent, 1).map(|(_, m)| m.end), Some(3));
            assert_eq!(scan(RULES, &sent).len(), 1);
        });
    }

    #[test]
    fn punctuation_sets_admit_their_characters_only() {
        static RULES: &[Rule] = &[rule!(open_marks, AnyOf("«“("))];
        with_sent("« » “ ” ( )", Lang::Fr, |sent| {
            let admitted: Vec<bool> = (0..sent.len())
                .map(|at| RULES[0].may_start(&sent, at))
                .collect();
            assert_eq!(admitted, [true, false, true, false, true, false]);
        });
    }

    #[test]
    fn acronyms_may_start_with_a_digit_or_a_letter_without_case() {
        static RULES: &[Rule] = &[rule!(acronym, Acronym)];
        with_sent("UNODC 25ÈME 北京 unodc", Lang::Fr, |sent| {
            let admitted: Vec<bool> = (0..sent.len())
                .map(|at| RULES[0].may_start(&sent, at))
                .collect();
            assert_eq!(admitted, [true, true, true, false]);
            assert!(match_at(&Acronym, &sent, 1).is_some());
        });
    }

    #[test]
    fn a_rule_is_ruled_out_where_the_rest_of_the_sentence_lacks_a_class_it_needs() {
        static RULES: &[Rule] = &[rule!(
            capital_then_role,
            Seq(&[
                Capital,
                Opt(&Is(Class::Determiner)),
                Alt(&[Is(Class::Role), Seq(&[Lower, Is(Class::Role)])]),
            ])
        )];
        assert_eq!(needs(RULES[0].pat).classes, Class::Role.bit());
        with_sent("Paris the minister Lyon", Lang::En, |sent| {
            let admitted: Vec<bool> = (0..sent.len())
                .map(|at| RULES[0].may_start(&sent, at))
                .collect();
            // "Lyon" is a capital, but no role follows it.
            assert_eq!(admitted, [true, false, false, false]);
            assert_eq!(first_rule(RULES, &sent, 0).map(|(_, m)| m.end), Some(3));
        });
        // Optional parts, and alternatives that do not all need it, need nothing.
        assert_eq!(needs(&Opt(&Is(Class::Role))).classes, 0);
        assert_eq!(needs(&Alt(&[Is(Class::Role), Capital])).classes, 0);
        assert_eq!(
            needs(&Peek(&Rep(&Is(Class::Month), 1, 2))).classes,
            Class::Month.bit()
        );
    }

    #[test]
    fn a_rule_is_ruled_out_where_the_rest_of_the_sentence_lacks_a_mark_it_needs() {
        static RULES: &[Rule] = &[rule!(
            capital_comma_capital,
            Seq(&[Capital, P(','), Opt(&P(':')), Capital])
        )];
        let bit = punct_bit;
        assert_eq!(needs(RULES[0].pat).puncts, bit(','));
        with_sent("Paris , Lyon and Nice", Lang::En, |sent| {
            let admitted: Vec<bool> = (0..sent.len())
                .map(|at| RULES[0].may_start(&sent, at))
                .collect();
            // "Lyon" and "Nice" are capitals, but no comma follows them.
            assert_eq!(admitted, [true, false, false, false, false]);
            assert_eq!(first_rule(RULES, &sent, 0).map(|(_, m)| m.end), Some(3));
        });
        // Optional parts, alternatives that do not all need it, and marks outside ASCII need
        // nothing.
        assert_eq!(needs(&Rep(&P(','), 0, 2)).puncts, 0);
        assert_eq!(
            needs(&Alt(&[Seq(&[P(','), P('(')]), P(',')])).puncts,
            bit(',')
        );
        assert_eq!(needs(&Alt(&[P(','), P(';')])).puncts, 0);
        assert_eq!(needs(&P('«')).puncts, 0);
    }

    #[test]
    fn a_rule_that_can_match_nothing_starts_anywhere() {
        static RULES: &[Rule] = &[rule!(
            maybe_number,
            Seq(&[Opt(&Number), Peek(&Word), Rep(&Capital, 0, 2)])
        )];
        with_sent("xyzzy , 2016", Lang::En, |sent| {
            assert!((0..=sent.len()).all(|at| RULES[0].may_start(&sent, at)));
            assert_eq!(first_rule(RULES, &sent, 0).map(|(_, m)| m.end), Some(0));
        });
    }

    /// Every rule of every family, over the sentences of the fixture releases (quote marks
    /// standing for quotes, mentions read as extraction reads them): wherever a rule matches,
    /// its first set admits the token, so skipping the tokens it does not admit changes no
    /// match; and its compiled program matches as the pattern does.
    #[test]
    fn first_sets_admit_every_token_where_a_rule_matches() {
        use crate::import::rules::{dates, event, items, people, speech};
        let tables: [&[Rule]; 7] = [
            people::RULES,
            speech::RULES,
            speech::QUOTELESS_RULES,
            items::RULES,
            dates::RULES,
            event::RULES,
            event::PLACE_RULES,
        ];
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import");
        let mut paths: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "md"))
            .collect();
        paths.sort();
        let (mut tried, mut matched) = (0usize, 0usize);
        let odd = "LA 25ÈME SESSION, 3D 北京 G7 l'ONUDC d'INTERPOL (UNODC) « Oui », a-t-il dit.";
        for (n, path) in paths.iter().enumerate() {
            let read = std::fs::read_to_string(path).unwrap();
            let v = vocab(crate::import::lexicon::detect(&read));
            // Every word capitalised, or none: shapes a first set must not forget (the start
            // of the release: capitals everywhere make the reference matcher slow).
            let start = crate::import::words::head(&read, if n % 8 == 0 { 300 } else { 0 });
            let text = format!(
                "{read}\n\n{}\n\n{}\n\n{odd}",
                start.to_uppercase(),
                start.to_lowercase()
            );
            for para in text.split("\n\n") {
                let mut buf = TokenBuf::default();
                tokenize(para, &mut buf);
                buf.annotate(v);
                for (n, tok) in buf.toks.iter_mut().enumerate() {
                    if tok.punct().is_some_and(|c| "«»“”\"".contains(c)) {
                        tok.kind = Kind::Quote(n);
                    }
                }
                for range in crate::import::token::sentences(&buf.toks) {
                    let plain = buf.sent(para, range, v);
                    let spans = people::spans_of(&people::mentions(&plain));
                    let sent = plain.with_spans(&spans);
                    for rule in tables.iter().flat_map(|t| t.iter()) {
                        for at in 0..=sent.len() {
                            tried += 1;
                            let found = match_at(rule.pat, &sent, at);
                            assert_eq!(
                                rule.program.match_at(&sent, at),
                                found,
                                "{} at {at} of {:?}",
                                rule.name,
                                sent.slice(0, sent.len())
                            );
                            if found.is_some() {
                                matched += 1;
                                assert!(
                                    rule.may_start(&sent, at),
                                    "{} matches at {at} of {:?} in {}",
                                    rule.name,
                                    sent.slice(0, sent.len()),
                                    path.display()
                                );
                            }
                        }
                    }
                }
            }
        }
        assert!(matched > 1000, "{matched} of {tried}");
    }

    /// A match is copied at each lookahead and each match found: it stays small, and keeps
    /// what it captured.
    #[test]
    fn captures_are_small_and_keep_their_ranges() {
        assert!(std::mem::size_of::<Match>() <= 128);
        let mut caps = Captures::default();
        assert_eq!(caps.get(Slot::Name), None);
        caps.set(Slot::Name, Some((0, 599)));
        caps.set(Slot::Org, Some((7, 7)));
        assert_eq!(caps.get(Slot::Name), Some((0, 599)));
        assert_eq!(caps.get(Slot::Org), Some((7, 7)));
        caps.set(Slot::Name, None);
        assert_eq!(caps.get(Slot::Name), None);
        assert_eq!(caps, {
            let mut only_org = Captures::default();
            only_org.set(Slot::Org, Some((7, 7)));
            only_org
        });
    }

    #[test]
    fn repetition_of_nothing_ends() {
        static PAT: Pat = Rep(&Opt(&Number), 0, 200);
        with_sent("a b c", Lang::En, |sent| {
            assert_eq!(match_at(&PAT, &sent, 0).map(|m| m.end), Some(0));
        });
    }
}
