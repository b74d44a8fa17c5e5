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

    /// A capitalised word, not in capitals, that names an organisation: one of the lexicon's
    /// organisation names ("Europol", "Unicef") or a word with an organisation's ending
    /// ("Afripol"), unless the lexicon says it is not one ("Sevastopol").
    pub fn is_org_name(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| {
            if !t.word || !t.cap || t.upper {
                return false;
            }
            if self.vocab.token_is(t, self.lower, &[Kind::OrgName]) {
                return true;
            }
            let l = t.lower(self.lower);
            self.vocab
                .lex
                .org_endings
                .iter()
                .any(|e| l.len() > e.len() + 2 && l.ends_with(e))
                && !self.vocab.token_is(t, self.lower, &[Kind::NotOrg])
        })
    }

    /// An acronym or an organisation name: a word that alone names an organisation.
    pub fn is_org(&self, i: usize) -> bool {
        self.is_acronym(i) || self.is_org_name(i)
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
        }) && !self.is_org_name(i)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::Lang;
    use rstest::rstest;

    fn first(text: &str, lang: Lang, test: impl Fn(&Sent<'_>) -> bool) -> bool {
        let (mut toks, mut lower) = (Vec::new(), String::new());
        let vocab = lang.vocab();
        vocab.tokenize(text, &mut toks, &mut lower);
        test(&Sent {
            src: text,
            toks: &toks,
            lower: &lower,
            vocab,
        })
    }

    #[rstest]
    #[case::listed("Europol", Lang::En, true, true)]
    #[case::listed_fr("Unicef", Lang::Fr, true, true)]
    #[case::ending("Afripol", Lang::En, true, true)]
    #[case::capitals("INTERPOL", Lang::En, false, true)]
    #[case::city_with_the_ending("Sevastopol", Lang::En, false, false)]
    #[case::place("Europe", Lang::En, false, false)]
    #[case::short_word("Pol", Lang::En, false, false)]
    #[case::lowercase("interpol", Lang::En, false, false)]
    fn organisation_names_are_told_from_names(
        #[case] word: &str,
        #[case] lang: Lang,
        #[case] name: bool,
        #[case] org: bool,
    ) {
        assert_eq!(first(word, lang, |s| s.is_org_name(0)), name);
        assert_eq!(first(word, lang, |s| s.is_org(0)), org);
        if name {
            assert!(!first(word, lang, |s| s.is_name_word(0)));
        }
    }

    #[rstest]
    #[case::capital_particle("De Bolle added", 2, 1)]
    #[case::two_particles("Ursula von der Leyen said", 4, 2)]
    #[case::arabic("Al Hussein said", 2, 1)]
    #[case::full("Catherine De Bolle said", 3, 2)]
    #[case::org_first("Europol Executive Director", 0, 0)]
    fn name_runs_take_particles(#[case] text: &str, #[case] end: usize, #[case] words: usize) {
        let got = first(text, Lang::En, |s| {
            s.name_run(0) == (words > 0).then_some((end, words))
        });
        assert!(got, "{text}");
    }
}
