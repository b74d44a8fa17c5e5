//! A view of one tokenized sentence, and what the importer asks of its words: is this an
//! acronym, does a person's name start here. No I/O here.

use super::lexicon::{Kind, Vocab};
use super::text::Token;

/// A view of one tokenized sentence.
#[derive(Clone, Copy)]
pub struct Sent<'a> {
    /// The sentence text.
    pub src: &'a str,
    /// Its tokens.
    pub toks: &'a [Token],
    /// The lowercase buffer of the tokens.
    pub lower: &'a str,
    /// The lexicon.
    pub vocab: &'a Vocab,
}

impl<'a> Sent<'a> {
    /// Token `i`.
    pub fn tok(&self, i: usize) -> Option<&'a Token> {
        self.toks.get(i)
    }

    /// Token `i` in lowercase, or "" past the end.
    pub fn low(&self, i: usize) -> &'a str {
        self.tok(i).map_or("", |t| t.lower(self.lower))
    }

    /// True when token `i` is a word that alone is a phrase of one of `kinds`.
    pub fn is(&self, i: usize, kinds: &[Kind]) -> bool {
        self.tok(i)
            .is_some_and(|t| t.word && self.vocab.token_is(t, self.lower, kinds))
    }

    /// True when token `i` is the punctuation character `c`.
    pub fn punct(&self, i: usize, c: char) -> bool {
        self.tok(i).is_some_and(|t| t.is(self.src, c))
    }

    /// The text from token `from` to the end of token `to - 1`.
    pub fn slice(&self, from: usize, to: usize) -> &'a str {
        match (self.tok(from), to.checked_sub(1).and_then(|k| self.tok(k))) {
            (Some(a), Some(b)) if a.start <= b.end => self.src.get(a.start..b.end).unwrap_or(""),
            _ => "",
        }
    }

    /// An acronym that may name an organisation: "ONUDC", "G20", not "CEO" or "II".
    pub fn is_acronym(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| {
            t.word
                && t.upper
                && t.text(self.src)
                    .chars()
                    .next()
                    .is_some_and(char::is_alphabetic)
                && !self.vocab.is_any(
                    t.lower(self.lower),
                    &[
                        Kind::NotOrg,
                        Kind::Month,
                        Kind::Weekday,
                        Kind::Honorific,
                        Kind::Stop,
                    ],
                )
        })
    }

    /// A capitalised word that may start a person's name.
    pub fn is_name_start(&self, i: usize) -> bool {
        self.is_name_word(i)
            && !self.is(
                i,
                &[
                    Kind::Month,
                    Kind::Weekday,
                    Kind::AccordingTo,
                    Kind::EventNoun,
                    Kind::ThreatCue,
                    Kind::ContextCue,
                    Kind::ItemFiller,
                ],
            )
    }

    /// A capitalised word that may be part of a person's name.
    pub fn is_name_word(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| {
            t.word
                && t.cap
                && !t.upper
                && t.text(self.src).chars().any(char::is_lowercase)
                && !self.vocab.token_is(
                    t,
                    self.lower,
                    &[
                        Kind::Stop,
                        Kind::Determiner,
                        Kind::Pronoun,
                        Kind::RoleWord,
                        Kind::Honorific,
                        Kind::OrgWord,
                        Kind::SpeechVerb,
                        Kind::RolePreposition,
                        Kind::OrgConnector,
                        Kind::ListConnector,
                        Kind::VerbFiller,
                    ],
                )
        })
    }

    /// An initial: one capital letter and a period ("J.").
    pub fn is_initial(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| {
            t.word && t.cap && t.text(self.src).chars().count() == 1 && self.punct(i + 1, '.')
        })
    }

    /// The number of lowercase particles at `i` followed by a name word ("von der Leyen").
    pub fn particles(&self, i: usize) -> usize {
        let mut k = i;
        while k < i + 3 && self.is(k, &[Kind::NameParticle]) {
            k += 1;
        }
        if k > i && self.is_name_word(k) {
            k - i
        } else {
            0
        }
    }

    /// A person's name starting at token `i`: its end, and how many words it has.
    pub fn name_run(&self, i: usize) -> Option<(usize, usize)> {
        // A name may open with a capitalised particle: "De Bolle", "Van Rompuy".
        let lead = if self.tok(i).is_some_and(|t| t.cap) && self.particles(i) > 0 {
            self.particles(i)
        } else {
            0
        };
        if !(lead > 0 || self.is_name_start(i) || self.is_initial(i)) {
            return None;
        }
        let (mut end, mut words) = (i + lead, 0);
        loop {
            if self.is_initial(end) {
                end += 2;
                words += 1;
            } else if self.is_name_word(end) || end == i && self.is_name_start(end) {
                end += 1;
                words += 1;
            } else if words > 0 && self.particles(end) > 0 {
                end += self.particles(end);
            } else {
                break;
            }
            if words >= 4 {
                break;
            }
        }
        (words > 0).then_some((end, words))
    }
}
