//! The field's taxonomy, compiled for matching: the surface forms of each category of threat
//! and cooperation area in `src/model/taxonomy.toml`, the modifiers that put a generic head in
//! a category ("cocaine" in "cocaine trafficking", "stupéfiants" in "trafic de stupéfiants"),
//! and the generic heads themselves ("trafficking", "trafic", "fraud").
//!
//! [`Taxonomy::mention_at`] tells what category a phrase starting at a token names, and how
//! far it goes. No I/O here: the file is compiled in.

use std::sync::LazyLock;

use super::lexicon::{Class, Vocab, WordId, tables, vocab};
use super::token::{Sent, shape};
use crate::model::{CategoryKind, Lang};

/// The taxonomy of one language as build.rs writes it from the file (`taxonomy-en.rs`,
/// `taxonomy-fr.rs`): every phrase already cut into words as the tokenizer cuts it, its words
/// by their numbers in the language's vocabulary (which holds every word of the taxonomy),
/// indexed by its first word and longest first, forms with their other number. Nothing is
/// built at start (building it from the file, then indexing it by words, was most of the time
/// to a release's first frame), and a token is matched by its word's number: no word is
/// looked up as text.
struct Compiled {
    /// Each category's id and kind, by [`CategoryId`].
    ids: &'static [(&'static str, CategoryKind)],
    /// The ids of the categories that name actors.
    actors: &'static [&'static str],
    /// The ids of the categories of cooperation in general.
    generals: &'static [&'static str],
    forms: PhraseTable,
    modifiers: PhraseTable,
    instruments: PhraseTable,
    /// For each word of the vocabulary (by number, from 1), 0 or the place after its own in
    /// `head_list`.
    heads: &'static [u8],
    /// Each head word's kind, category alone, and whether it is a verb.
    head_list: &'static [(CategoryKind, Option<u16>, bool)],
    /// The words of cooperation (by number) that name a category when their partners follow,
    /// and the words that bring the partners.
    partnered: &'static [(u32, u16, PartnersBy)],
}

/// The words that bring the partners of a word of cooperation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PartnersBy {
    /// A noun's ([`Class::ItemPartner`]): "cooperation between Australia and Indonesia".
    Partners,
    /// Those who receive it ([`Class::ItemBeneficiary`]): "support to national teams", "appui
    /// aux gardes-frontières".
    Beneficiaries,
    /// No partners: the threat a study is of ("a new assessment of trafficking in Djibouti").
    Studied,
}

/// The taxonomy of one language by words, as build.rs writes it for the tests
/// (`taxonomy-words-en.rs`): what [`Compiled`] says by numbers.
#[cfg(test)]
struct CompiledWords {
    ids: &'static [(&'static str, CategoryKind)],
    actors: &'static [&'static str],
    generals: &'static [&'static str],
    forms: &'static [FirstWord],
    modifiers: &'static [FirstWord],
    instruments: &'static [FirstWord],
    heads: &'static [(&'static str, CategoryKind, Option<u16>, bool)],
    partnered: &'static [(&'static str, u16, PartnersBy)],
}

/// A first word and the phrases it starts: their other words and category, longest first.
#[cfg(test)]
type FirstWord = (&'static str, &'static [(&'static [&'static str], u16)]);

/// Phrases indexed by their first word, as build.rs writes them: for each word of the
/// vocabulary, its phrases (their other words and category), longest first, and for a word
/// that starts many, where they are by their second word.
#[derive(Debug)]
struct PhraseTable {
    /// For each word (by number, from 1), where its phrases end (they start where the word
    /// before's end).
    ends: &'static [u32],
    /// Where each phrase's other words end in `rests`.
    rest_ends: &'static [u32],
    /// The other words of every phrase, by number.
    rests: &'static [u32],
    /// Each phrase's category (a [`CategoryId`]'s number).
    categories: &'static [u16],
    /// For a first word of more than [`tables::LONG_LIST`] phrases: by the pair of its number
    /// and a second word's (0 for the phrases of one word), as [`tables`] lays a table out,
    /// where the places of those phrases among the first word's are in `places`, and how many.
    pairs: &'static [(u64, u32, u32)],
    /// See `pairs`.
    places: &'static [u32],
}

/// A category, by its index in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct CategoryId(u16);

impl PhraseTable {
    /// Where the phrases of word `first` are, as places among all the phrases.
    #[inline]
    fn phrases_of(&self, first: WordId) -> std::ops::Range<usize> {
        let at = first.get() as usize - 1;
        let start = match at.checked_sub(1) {
            Some(before) => self.ends.get(before).copied().unwrap_or(0),
            None => 0,
        };
        let end = self.ends.get(at).copied().unwrap_or(start);
        start as usize..end as usize
    }

    /// Phrase `place`'s other words and category.
    #[inline]
    fn phrase(&self, place: usize) -> Option<(&'static [u32], CategoryId)> {
        let start = match place.checked_sub(1) {
            Some(before) => *self.rest_ends.get(before)?,
            None => 0,
        };
        let rest = self
            .rests
            .get(start as usize..*self.rest_ends.get(place)? as usize)?;
        Some((rest, CategoryId(*self.categories.get(place)?)))
    }

    /// The places among `first`'s phrases of those whose second word is `second` (0: those
    /// of one word), for a first word of a long list.
    fn by_second(&self, first: WordId, second: u32) -> &'static [u32] {
        let key = u64::from(first.get()) << 32 | u64::from(second);
        let size = self.pairs.len();
        let mut at = tables::place(key, size);
        loop {
            match self.pairs.get(at) {
                Some(&(taken, start, len)) if taken == key => {
                    return self
                        .places
                        .get(start as usize..start as usize + len as usize)
                        .unwrap_or_default();
                }
                Some((0, ..)) | None => return &[],
                Some(_) => at = tables::next_place(at, size),
            }
        }
    }

    /// The longest phrase starting at token `at`: its length in tokens and category. Articles
    /// and qualifying adjectives the phrase does not have may stand between its words
    /// ("share their intelligence", "exchange of operational information").
    #[inline]
    fn longest_at(&self, sent: &Sent<'_>, at: usize) -> Option<(usize, CategoryId)> {
        // Most tokens start no phrase: turned away here, where the callers test every token.
        let first = sent.tok(at)?.word?;
        let phrases = self.phrases_of(first);
        if phrases.is_empty() {
            return None;
        }
        self.longest_of(sent, at, first, phrases)
    }

    /// [`Self::longest_at`] for a token whose word `first` starts the phrases `phrases`.
    fn longest_of(
        &self,
        sent: &Sent<'_>,
        at: usize,
        first: WordId,
        phrases: std::ops::Range<usize>,
    ) -> Option<(usize, CategoryId)> {
        let fit = |place: usize| {
            let (rest, id) = self.phrase(place)?;
            fits(sent, at + 1, rest).map(|end| (end - at, id))
        };
        if phrases.len() <= tables::LONG_LIST {
            return phrases.filter_map(fit).max_by_key(|(n, _)| *n);
        }
        // A phrase's second word is one of the next words, past at most MAX_SKIPPED skipped
        // ones (see `fits`): the others cannot fit. Of the longest, the one latest in the list
        // wins, as with every phrase tried in order; a place found twice changes nothing.
        let seconds = (at + 1..=at + 1 + MAX_SKIPPED)
            .filter_map(|i| sent.tok(i).and_then(|t| t.word))
            .map(|next| self.by_second(first, next.get()));
        let mut best: Option<(usize, u32, CategoryId)> = None;
        for &place in self.by_second(first, 0).iter().chain(seconds.flatten()) {
            if let Some((n, id)) = fit(phrases.start + place as usize)
                && best.is_none_or(|(best_n, best_place, _)| (n, place) > (best_n, best_place))
            {
                best = Some((n, place, id));
            }
        }
        best.map(|(n, _, id)| (n, id))
    }

    /// [`Self::longest_at`] trying every phrase of the first word.
    #[cfg(test)]
    fn longest_at_slowly(&self, sent: &Sent<'_>, at: usize) -> Option<(usize, CategoryId)> {
        self.phrases_of(sent.tok(at)?.word?)
            .filter_map(|place| {
                let (rest, id) = self.phrase(place)?;
                fits(sent, at + 1, rest).map(|end| (end - at, id))
            })
            .max_by_key(|(n, _)| *n)
    }

    /// True when word `word` starts a phrase.
    #[inline]
    fn starts(&self, word: WordId) -> bool {
        !self.phrases_of(word).is_empty()
    }
}

/// Where the words `rest` (by number) end when they follow from token `at`, with at most
/// [`MAX_SKIPPED`] articles or adjectives of the text skipped between them.
fn fits(sent: &Sent<'_>, mut at: usize, rest: &[u32]) -> Option<usize> {
    let mut skipped = 0;
    for want in rest {
        loop {
            let got = sent.tok(at)?.word.map(WordId::get);
            if got == Some(*want) {
                break;
            }
            let skippable = sent.is(at, Class::Determiner) || sent.is(at, Class::ItemAdjective);
            if !skippable || skipped == MAX_SKIPPED {
                return None;
            }
            skipped += 1;
            at += 1;
        }
        at += 1;
    }
    Some(at)
}

/// The most words of the text a phrase may skip ("their", "operational").
const MAX_SKIPPED: usize = 2;

/// The taxonomy of one language, as build.rs writes it, with the vocabulary that numbers its
/// words.
#[derive(Debug)]
pub(crate) struct Taxonomy {
    ids: &'static [(&'static str, CategoryKind)],
    /// The ids of the categories that name actors.
    actors: &'static [&'static str],
    /// The ids of the categories of cooperation in general ("international cooperation"): a
    /// release that names no other area has them as its area.
    generals: &'static [&'static str],
    forms: &'static PhraseTable,
    modifiers: &'static PhraseTable,
    /// The words that end a name of an area of its own ("Platform", "Fichier").
    instruments: &'static PhraseTable,
    /// Generic heads: their kind, and the category of the head alone (none: it names
    /// nothing alone), by word (see [`Compiled::heads`]).
    heads: &'static [u8],
    head_list: &'static [(CategoryKind, Option<u16>, bool)],
    /// The words of cooperation that name a category when their partners follow ("cooperation
    /// between Australia and Indonesia"), and the words that bring the partners.
    partnered: &'static [(u32, u16, PartnersBy)],
    /// The vocabulary of the language: it numbers every word of the taxonomy.
    vocab: &'static Vocab,
}

/// A generic head word.
#[derive(Debug, Clone, Copy)]
struct Head {
    /// What it heads: a modifier of the other kind makes no item ("financial exploitation").
    kind: CategoryKind,
    /// Its category when alone.
    default: Option<CategoryId>,
    /// A verb: its object follows with no preposition.
    verb: bool,
}

/// What a phrase names, and where it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Mention {
    /// The first token.
    pub start: usize,
    /// Just after the last token.
    pub end: usize,
    /// The category.
    pub category: CategoryId,
    /// Found by a whole form (rather than a head and its modifier, or a head alone).
    pub form: bool,
    /// Found by a word of cooperation and its partners alone ("cooperation between Australia
    /// and Indonesia", "funded by the European Union"): a form said later names it better.
    pub partnered: bool,
}

/// True when token `at` is a lowercase verb's form in "-ing" (the language's gerund
/// suffixes), of two letters at least before the suffix ("using", "working", not "king").
fn is_gerund(sent: &Sent<'_>, at: usize) -> bool {
    sent.tok(at)
        .is_some_and(|t| t.is_word() && !t.has(shape::CAP))
        && sent.lower(at).is_some_and(|word| {
            sent.vocab
                .gerund_suffixes
                .iter()
                .any(|suffix| word.len() >= suffix.len() + 2 && word.ends_with(suffix.as_str()))
        })
}

/// True when the word at `at` ends with a plural's ending, not written twice ("teams",
/// "autorités"; not "access").
fn is_plural(sent: &Sent<'_>, at: usize) -> bool {
    sent.tok(at).is_some_and(|t| t.is_word())
        && sent.lower(at).is_some_and(|word| {
            sent.vocab.plural_suffixes.iter().any(|suffix| {
                word.strip_suffix(suffix.as_str())
                    .is_some_and(|stem| stem.len() >= 2 && !stem.ends_with(suffix.as_str()))
            })
        })
}

/// True when the list connector at token `at` joins a verb and its object rather than one more
/// partner: "… between law enforcement agencies and established a website" (a lowercase word,
/// then an article that is no preposition: not "des" of "les services répressifs et judiciaires
/// des États membres").
fn starts_a_clause(sent: &Sent<'_>, at: usize) -> bool {
    let article = |i: usize| {
        (sent.is(i, Class::Determiner) || sent.is(i, Class::Indefinite))
            && !sent.is(i, Class::ItemPreposition)
    };
    sent.is(at, Class::ListConnector)
        && sent
            .tok(at + 1)
            .is_some_and(|t| t.is_word() && !t.has(shape::CAP))
        && !article(at + 1)
        && article(at + 2)
}

/// True when token `at` joins two capitalised words of one name ("the Government of Japan",
/// "the Office of the Governor").
fn inside_a_name(sent: &Sent<'_>, at: usize) -> bool {
    let cap = |i: usize| {
        sent.tok(i)
            .is_some_and(|t| t.is_word() && t.has(shape::CAP))
    };
    let after = at + 1 + usize::from(sent.is(at + 1, Class::Determiner));
    sent.is(at, Class::OrgConnector)
        && !sent.is(at, Class::ListConnector)
        && at.checked_sub(1).is_some_and(cap)
        && cap(after)
}

/// The most tokens of the partners after a word of cooperation.
const MAX_PARTNER_TOKENS: usize = 12;

/// The most adjectives read on the far side of a head ("illicit cross-border drug trafficking").
const MAX_ADJECTIVES: usize = 3;

impl Taxonomy {
    fn new(compiled: &'static Compiled, vocab: &'static Vocab) -> Taxonomy {
        Taxonomy {
            ids: compiled.ids,
            actors: compiled.actors,
            generals: compiled.generals,
            forms: &compiled.forms,
            modifiers: &compiled.modifiers,
            instruments: &compiled.instruments,
            heads: compiled.heads,
            head_list: compiled.head_list,
            partnered: compiled.partnered,
            vocab,
        }
    }

    /// The id and kind of a category.
    pub fn category(&self, id: CategoryId) -> Option<(&str, CategoryKind)> {
        self.ids
            .get(usize::from(id.0))
            .map(|&(name, kind)| (name, kind))
    }

    /// The generic head that word `word` is.
    #[inline]
    fn head_of(&self, word: WordId) -> Option<Head> {
        let place = usize::from(*self.heads.get(word.get() as usize - 1)?).checked_sub(1)?;
        let &(kind, default, verb) = self.head_list.get(place)?;
        Some(Head {
            kind,
            default: default.map(CategoryId),
            verb,
        })
    }

    #[inline]
    fn head(&self, sent: &Sent<'_>, at: usize) -> Option<Head> {
        self.head_of(sent.tok(at)?.word?)
    }

    /// The number of a lowercase word of the taxonomy.
    fn word(&self, lower: &str) -> Option<WordId> {
        self.vocab.lookup(lower).2
    }

    /// True when the category of id `id` names actors rather than a crime.
    pub fn is_actor(&self, id: &str) -> bool {
        self.actors.contains(&id)
    }

    /// True when the category of id `id` names cooperation in general, no form of it.
    pub fn is_general(&self, id: &str) -> bool {
        self.generals.contains(&id)
    }

    /// True when `word` (lowercase) is a generic head of threats ("trafficking", "trafic").
    pub fn is_threat_head(&self, word: &str) -> bool {
        self.word(word)
            .and_then(|id| self.head_of(id))
            .is_some_and(|h| h.kind == CategoryKind::Threat && !h.verb)
    }

    /// The instrument word at token `at` ("Platform", "action plan"): its end and the area it
    /// makes of a name.
    pub fn instrument_at(&self, sent: &Sent<'_>, at: usize) -> Option<(usize, CategoryId)> {
        self.instruments
            .longest_at(sent, at)
            .map(|(n, id)| (at + n, id))
    }

    /// The kind of the generic head at token `at`.
    pub fn head_kind(&self, sent: &Sent<'_>, at: usize) -> Option<CategoryKind> {
        self.head(sent, at).map(|h| h.kind)
    }

    /// The category of the whole form of two words `first second` (lowercase), if any: "coopération
    /// judiciaire" for "judiciaire" of "la coopération policière et judiciaire".
    pub fn pair_form(&self, first: &str, second: &str) -> Option<CategoryId> {
        let (first, second) = (self.word(first)?, self.word(second)?);
        self.forms
            .phrases_of(first)
            .filter_map(|place| self.forms.phrase(place))
            .find(|(rest, _)| *rest == [second.get()])
            .map(|(_, id)| id)
    }

    /// The modifier phrase at token `at` (after an article): its end and category.
    pub fn modifier_at(&self, sent: &Sent<'_>, at: usize) -> Option<(usize, CategoryId)> {
        let start = at + sent.phrase_at(at, Class::Determiner).unwrap_or(0);
        self.modifiers
            .longest_at(sent, start)
            .map(|(n, id)| (start + n, id))
    }

    /// True when a modifier's category may qualify the head.
    fn agrees(&self, head: Head, category: CategoryId) -> bool {
        self.category(category)
            .is_some_and(|(_, kind)| kind == head.kind)
    }

    /// The phrase naming a category that starts at token `at`, if any: a whole form ("money
    /// laundering"), modifiers and a head ("cocaine trafficking"), a head and its complement
    /// ("trafficking in human beings", "trafic de stupéfiants"), or a head with a default
    /// category alone ("fraud"). The longest wins.
    pub fn mention_at(&self, sent: &Sent<'_>, at: usize) -> Option<Mention> {
        // A mention starts with a form, a modifier or a head: most words of a text are none
        // (no word of the vocabulary at all).
        let word = sent.tok(at)?.word?;
        if !self.forms.starts(word) && !self.modifiers.starts(word) && self.head_of(word).is_none()
        {
            return None;
        }
        let form = self
            .forms
            .longest_at(sent, at)
            .map(|(n, category)| Mention {
                start: at,
                end: at + n,
                category,
                form: true,
                partnered: false,
            });
        let headed = self.headed_at(sent, at);
        match (form, headed) {
            (Some(f), Some(h)) if h.end > f.end => Some(h),
            (Some(f), _) => Some(f),
            (None, h) => h,
        }
    }

    /// A head with a modifier before it ("drug trafficking"), after it ("trafic de
    /// stupéfiants", "criminalité environnementale"), or alone with its default.
    fn headed_at(&self, sent: &Sent<'_>, at: usize) -> Option<Mention> {
        // Modifiers before the head, adjectives between: "drug trafficking", "online
        // investment fraud".
        if let Some((n, category)) = self.modifiers.longest_at(sent, at) {
            let mut head = at + n;
            let mut category = category;
            for _ in 0..MAX_ADJECTIVES {
                if self.head(sent, head).is_some() {
                    break;
                }
                if let Some((m, nearer)) = self.modifiers.longest_at(sent, head) {
                    head += m;
                    category = nearer;
                } else if sent.is(head, Class::ItemAdjective) {
                    head += 1;
                } else {
                    break;
                }
            }
            if let Some(found) = self.head(sent, head)
                && self.agrees(found, category)
            {
                let end = self
                    .complement_end(sent, head + 1, found)
                    .map_or(head + 1, |(end, _)| end);
                return Some(Mention {
                    start: at,
                    end,
                    category,
                    form: false,
                    partnered: false,
                });
            }
        }
        let head = self.head(sent, at)?;
        let default = head.default;
        // Adjectives after the head, then a complement: "trafic illicite de stupéfiants".
        let mut after = at + 1;
        let mut category = None;
        for _ in 0..MAX_ADJECTIVES {
            if let Some((m, by_modifier)) = self
                .modifiers
                .longest_at(sent, after)
                .filter(|(_, c)| self.agrees(head, *c))
            {
                after += m;
                category = Some(by_modifier);
            } else if sent.is(after, Class::ItemAdjective) {
                after += 1;
            } else {
                break;
            }
        }
        if let Some((end, by_complement)) = self.complement_end(sent, after, head) {
            return Some(Mention {
                start: at,
                end,
                category: by_complement,
                form: false,
                partnered: false,
            });
        }
        if let Some(category) = category.or(default) {
            return Some(Mention {
                start: at,
                end: after,
                category,
                form: false,
                partnered: false,
            });
        }
        self.partners_end(sent, at, after)
    }

    /// A word of cooperation at `at` and its partners from token `after` ("cooperation
    /// between Australia and Indonesia", "collaboration avec l'Union africaine, la CEDEAO
    /// et la CEEAC"): the partners run to the end of the clause, a place or an aim ("in the
    /// fight against…"), at most [`MAX_PARTNER_TOKENS`].
    fn partners_end(&self, sent: &Sent<'_>, at: usize, after: usize) -> Option<Mention> {
        let word = sent.tok(at)?.word?.get();
        let &(_, id, by) = self.partnered.iter().find(|(w, _, _)| *w == word)?;
        let mut next = match by {
            PartnersBy::Partners => after + sent.phrase_at(after, Class::ItemPartner)?,
            PartnersBy::Beneficiaries => after + sent.phrase_at(after, Class::ItemBeneficiary)?,
            PartnersBy::Studied => return self.threat_studied(sent, at, after, CategoryId(id)),
        };
        let first = next;
        let stops = [
            Class::ItemTail,
            Class::Focus,
            Class::ItemPreposition,
            Class::ClauseMark,
            Class::ListStopper,
            Class::SpeechVerb,
        ];
        let mut end = first;
        // Where the partners end before the last comma, and whether a list connector came
        // after it.
        let mut before_comma = usize::MAX;
        let mut listed = true;
        while next < first + MAX_PARTNER_TOKENS
            && let Some(tok) = sent.tok(next)
        {
            // A phrase of a stop class ends the partners, not a word that only starts one
            // ("l'" of "l'an dernier"); so does a verb's form in "-ing" ("retailers working
            // to…").
            let word = tok.is_word()
                && (inside_a_name(sent, next)
                    || !stops
                        .iter()
                        .any(|class| sent.phrase_at(next, *class).is_some())
                        && !is_gerund(sent, next)
                        && !starts_a_clause(sent, next));
            // Commas between partners, hyphens inside their names, a name's possessive ("the
            // DA's office": "'" then "s").
            let possessive = (tok.is_punct('\'') || tok.is_punct('’'))
                && sent.tok(next + 1).is_some_and(|t| t.is_word());
            if !(word || possessive || tok.is_punct(',') || tok.is_punct('-')) {
                break;
            }
            if tok.is_punct(',') {
                before_comma = end;
                listed = false;
            }
            listed |= sent.is(next, Class::ListConnector);
            next += 1;
            if word {
                end = next;
            }
        }
        // After its last comma, a list goes on to "and": "avec la Fédération bancaire
        // française, une campagne…" stops at the comma.
        if !listed {
            end = before_comma.max(first).min(end);
        }
        // The partners are named: a word that is no article.
        let named = (first..end)
            .any(|i| sent.tok(i).is_some_and(|t| t.is_word()) && !sent.is(i, Class::Determiner));
        // Partners the taxonomy knows name the category: "cooperation with internet service
        // providers" is a partnership with the private sector. Partners that name the word's
        // own category ("the PSNI's Paramilitary Crime Task Force") leave it found by its
        // partners.
        let known = (first..end).find_map(|i| {
            self.forms
                .longest_at(sent, i)
                .or_else(|| self.modifiers.longest_at(sent, i))
                .map(|(_, category)| category)
                .filter(|c| {
                    self.category(*c)
                        .is_some_and(|(_, kind)| kind == CategoryKind::Area)
                })
        });
        let known = known.filter(|c| *c != CategoryId(id));
        // Those who receive support are named, not a verb's infinitive ("support to tackle
        // crime"): an article, a capital, or a plural ("support to national teams").
        // "the Regional Emergency Support to Reconstruction": a word of support capitalised
        // inside a sentence is a name's.
        let named_support = at > 0 && sent.tok(at).is_some_and(|t| t.has(shape::CAP));
        let received = by != PartnersBy::Beneficiaries
            || !named_support
                && ((first..end).any(|i| {
                    sent.is(i, Class::Determiner)
                        || sent
                            .tok(i)
                            .is_some_and(|t| t.is_word() && t.has(shape::CAP))
                }) || end.checked_sub(1).is_some_and(|last| is_plural(sent, last)));
        (named && received).then_some(Mention {
            start: at,
            end,
            category: known.unwrap_or(CategoryId(id)),
            form: false,
            partnered: known.is_none(),
        })
    }

    /// A study at `at` of the threat from token `after` ("évaluation de la traite",
    /// "assessment of the terrorist threat"): research, named with its threat.
    fn threat_studied(
        &self,
        sent: &Sent<'_>,
        at: usize,
        after: usize,
        id: CategoryId,
    ) -> Option<Mention> {
        let mut next = after + sent.phrase_at(after, Class::ItemPreposition)?;
        next += sent.phrase_at(next, Class::Determiner).unwrap_or(0);
        let threat = self.mention_at(sent, next).filter(|m| {
            self.category(m.category)
                .is_some_and(|(_, kind)| kind == CategoryKind::Threat)
        })?;
        Some(Mention {
            start: at,
            end: threat.end,
            category: id,
            form: false,
            partnered: false,
        })
    }

    /// A complement that puts a head in a category: a preposition, an article maybe, and a
    /// modifier ("in human beings", "de stupéfiants", "aux faux conseillers bancaires").
    fn complement_end(
        &self,
        sent: &Sent<'_>,
        at: usize,
        head: Head,
    ) -> Option<(usize, CategoryId)> {
        // "l'échange en temps réel d'informations", "partager en temps réel les informations":
        // how it is done, between the head and its complement.
        let at = at + sent.phrase_at(at, Class::ItemManner).unwrap_or(0);
        let n = match sent.phrase_at(at, Class::ItemPreposition) {
            Some(n) => n,
            // A verb's object may stand after an adverb: "échange également des informations".
            None if head.verb => sent.phrase_at(at, Class::ItemFiller).unwrap_or(0),
            None => return None,
        };
        let mut next = at + n;
        if let Some(det) = sent.phrase_at(next, Class::Determiner) {
            next += det;
        }
        while sent.is(next, Class::ItemAdjective) && next < at + n + MAX_ADJECTIVES + 1 {
            next += 1;
        }
        let (m, category) = self
            .modifiers
            .longest_at(sent, next)
            .filter(|(_, c)| self.agrees(head, *c))?;
        let mut end = next + m;
        while sent.is(end, Class::ItemAdjective) && end < next + m + MAX_ADJECTIVES {
            end += 1;
        }
        Some((end, category))
    }
}

/// The taxonomy of English, as build.rs writes it.
static EN_TABLE: Compiled = include!(concat!(env!("OUT_DIR"), "/taxonomy-en.rs"));
/// The taxonomy of French, as build.rs writes it.
static FR_TABLE: Compiled = include!(concat!(env!("OUT_DIR"), "/taxonomy-fr.rs"));

/// The taxonomy of `lang`, with its vocabulary.
pub(crate) fn taxonomy(lang: Lang) -> &'static Taxonomy {
    static EN: LazyLock<Taxonomy> = LazyLock::new(|| Taxonomy::new(&EN_TABLE, vocab(Lang::En)));
    static FR: LazyLock<Taxonomy> = LazyLock::new(|| Taxonomy::new(&FR_TABLE, vocab(Lang::Fr)));
    match lang {
        Lang::En => &EN,
        Lang::Fr => &FR,
    }
}

#[cfg(test)]
#[allow(
    clippy::indexing_slicing,
    reason = "a test fails loudly on a wrong length"
)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use std::collections::BTreeMap;

    /// The taxonomy file as written, as far as these tests read it.
    #[derive(Debug, Default, Deserialize)]
    struct TaxonomyFile {
        #[serde(default)]
        category: Vec<CategoryFile>,
        #[serde(default)]
        heads: PerLang<BTreeMap<String, toml::Value>>,
        #[serde(default)]
        instruments: PerLang<BTreeMap<String, String>>,
        #[serde(default)]
        verbs: PerLang<BTreeMap<String, toml::Value>>,
        #[serde(default)]
        number: NumberFile,
    }

    /// One category as the file writes it.
    #[derive(Debug, Deserialize)]
    struct CategoryFile {
        id: String,
        #[serde(default)]
        en: Vec<String>,
        #[serde(default)]
        fr: Vec<String>,
        #[serde(default)]
        modifiers: PerLang<Vec<String>>,
    }

    #[derive(Debug, Default, Deserialize)]
    struct PerLang<T> {
        #[serde(default)]
        en: T,
        #[serde(default)]
        fr: T,
    }

    impl<T> PerLang<T> {
        fn get(&self, lang: Lang) -> &T {
            match lang {
                Lang::En => &self.en,
                Lang::Fr => &self.fr,
            }
        }
    }

    /// The `[number]` table: letters that are no consonant, and endings of the other number.
    #[derive(Debug, Default, Deserialize)]
    struct NumberFile {
        #[serde(default)]
        vowels: String,
        #[serde(default)]
        endings: Vec<(String, String)>,
    }

    /// The taxonomy by words, as build.rs writes it for these tests.
    static EN_WORDS: CompiledWords = include!(concat!(env!("OUT_DIR"), "/taxonomy-words-en.rs"));
    static FR_WORDS: CompiledWords = include!(concat!(env!("OUT_DIR"), "/taxonomy-words-fr.rs"));

    /// The tables by word numbers say what the tables by words say: each first word's phrases,
    /// in order, with their categories; every head; every word of cooperation; and the first
    /// words of mentions are those of forms, modifiers and heads.
    #[test]
    fn tables_by_number_say_what_the_words_say() {
        for (lang, words) in [(Lang::En, &EN_WORDS), (Lang::Fr, &FR_WORDS)] {
            let tax = taxonomy(lang);
            let v = vocab(lang);
            let id = |word: &str| v.lookup(word).2.unwrap_or_else(|| panic!("{word}"));
            assert_eq!(tax.ids, words.ids);
            assert_eq!(tax.actors, words.actors);
            assert_eq!(tax.generals, words.generals);
            for (table, firsts) in [
                (tax.forms, words.forms),
                (tax.modifiers, words.modifiers),
                (tax.instruments, words.instruments),
            ] {
                let mut firsts_seen = 0;
                for (word, number) in v.words() {
                    let got: Vec<(Vec<u32>, CategoryId)> = table
                        .phrases_of(number)
                        .map(|place| {
                            let (rest, id) = table.phrase(place).unwrap();
                            (rest.to_vec(), id)
                        })
                        .collect();
                    let want: Vec<(Vec<u32>, CategoryId)> = firsts
                        .iter()
                        .find(|(first, _)| *first == word)
                        .map(|(_, list)| {
                            list.iter()
                                .map(|(rest, n)| {
                                    (rest.iter().map(|w| id(w).get()).collect(), CategoryId(*n))
                                })
                                .collect()
                        })
                        .unwrap_or_default();
                    firsts_seen += usize::from(!want.is_empty());
                    assert_eq!(got, want, "{lang:?} {word}");
                }
                assert_eq!(firsts_seen, firsts.len(), "{lang:?}");
            }
            for &(word, kind, default, verb) in words.heads {
                let head = tax.head_of(id(word)).unwrap();
                assert_eq!(
                    (head.kind, head.default, head.verb),
                    (kind, default.map(CategoryId), verb),
                    "{word}"
                );
            }
            let heads = v.words().filter(|(_, n)| tax.head_of(*n).is_some()).count();
            assert_eq!(heads, words.heads.len());
            let partnered: Vec<(u32, u16, PartnersBy)> = words
                .partnered
                .iter()
                .map(|(word, n, by)| (id(word).get(), *n, *by))
                .collect();
            assert_eq!(tax.partnered, partnered);
        }
    }

    /// The phrases tried by their second word give what trying them all gives, at every
    /// token of texts full of the long lists' first words.
    #[test]
    fn phrases_tried_by_second_word_match_all_tried() {
        use crate::import::lexicon::vocab;
        use crate::import::token::{TokenBuf, tokenize};
        use crate::model::Lang;
        let texts = [
            (
                Lang::Fr,
                "le trafic illicite de stupéfiants, le trafic de migrants et la fraude aux faux ordres de virement, la criminalité organisée transnationale et la coopération policière et judiciaire en matière pénale",
            ),
            (
                Lang::En,
                "illicit trafficking in cultural property, joint investigation teams, the illegal wildlife trade, criminal networks and child sexual abuse material, trafficking of human beings and exchange of operational information",
            ),
        ];
        for (lang, text) in texts {
            let (v, tax) = (vocab(lang), taxonomy(lang));
            let mut buf = TokenBuf::default();
            tokenize(text, &mut buf);
            buf.annotate(v);
            let sent = buf.sent(text, 0..buf.len(), v);
            let mut found = 0;
            for index in [&tax.forms, &tax.modifiers, &tax.instruments] {
                for at in 0..sent.len() {
                    let fast = index.longest_at(&sent, at);
                    assert_eq!(fast, index.longest_at_slowly(&sent, at), "{text} at {at}");
                    found += usize::from(fast.is_some());
                }
            }
            assert!(found >= 5, "{text}");
        }
        let fr = vocab(Lang::Fr);
        assert!(
            fr.words().any(
                |(_, word)| taxonomy(Lang::Fr).forms.phrases_of(word).len() > tables::LONG_LIST
            )
        );
    }

    fn other_number(form: &str, number: &NumberFile) -> Option<String> {
        crate::import::split::other_number(form, &number.vowels, &number.endings)
    }

    fn number() -> NumberFile {
        let file: TaxonomyFile = toml::from_str(crate::model::TAXONOMY_TOML).unwrap();
        file.number
    }

    /// Every phrase of the file (forms, their other numbers, modifiers, heads, verbs,
    /// instruments), in both languages.
    fn every_phrase(file: &TaxonomyFile) -> Vec<String> {
        let mut phrases = Vec::new();
        for lang in Lang::ALL {
            for category in &file.category {
                let forms = category.en.iter().chain(&category.fr);
                let others = forms.filter_map(|form| other_number(form, &file.number));
                phrases.extend(
                    category
                        .en
                        .iter()
                        .chain(&category.fr)
                        .cloned()
                        .chain(others),
                );
                phrases.extend(category.modifiers.get(lang).iter().cloned());
            }
            phrases.extend(file.heads.get(lang).keys().cloned());
            phrases.extend(file.verbs.get(lang).keys().cloned());
            phrases.extend(file.instruments.get(lang).keys().cloned());
        }
        phrases
    }

    /// build.rs cuts the phrases with `split::words`; it cuts every phrase of the taxonomy and
    /// of the lexicons as the tokenizer does, so the words written at build time are those the
    /// text's tokens are compared with.
    #[test]
    fn build_time_words_are_the_tokenizers_for_every_phrase() {
        use crate::import::lexicon::{elisions, possessives, words_of};
        let file: TaxonomyFile = toml::from_str(crate::model::TAXONOMY_TOML).unwrap();
        let mut phrases = every_phrase(&file);
        for lexicon in [
            include_str!("lexicon/en.toml"),
            include_str!("lexicon/fr.toml"),
        ] {
            let table: toml::Table = toml::from_str(lexicon).unwrap();
            let lists = table["phrases"].as_table().unwrap().values();
            let words = lists.flat_map(|list| list.as_array().unwrap().iter());
            phrases.extend(words.map(|word| word.as_str().unwrap().to_string()));
        }
        assert!(phrases.len() > 5000, "{}", phrases.len());
        assert!(phrases.iter().any(|p| p.contains('\'')));
        for phrase in &phrases {
            let at_build = crate::import::split::words(phrase, elisions(), possessives());
            assert_eq!(at_build, words_of(phrase), "{phrase:?}");
        }
    }

    /// The index build.rs writes holds every form of the file under its first word, as the
    /// tokenizer cuts it, with its category; each first word's phrases longest first.
    #[test]
    fn compiled_index_holds_every_form_of_the_file() {
        use crate::import::lexicon::words_of;
        let file: TaxonomyFile = toml::from_str(crate::model::TAXONOMY_TOML).unwrap();
        for lang in Lang::ALL {
            let tax = taxonomy(lang);
            for (n, category) in file.category.iter().enumerate() {
                assert_eq!(tax.ids[n].0, category.id);
                let forms = match lang {
                    Lang::En => &category.en,
                    Lang::Fr => &category.fr,
                };
                let modifiers = category.modifiers.get(lang);
                for (index, phrase) in (forms.iter().map(|f| (&tax.forms, f)))
                    .chain(modifiers.iter().map(|m| (&tax.modifiers, m)))
                {
                    let words = words_of(phrase);
                    let id = |word: &String| vocab(lang).lookup(word).2.unwrap();
                    let list: Vec<(&[u32], CategoryId)> = index
                        .phrases_of(id(&words[0]))
                        .map(|place| index.phrase(place).unwrap())
                        .collect();
                    let held = list.iter().any(|(rest, c)| {
                        usize::from(c.0) == n
                            && rest
                                .iter()
                                .copied()
                                .eq(words[1..].iter().map(|w| id(w).get()))
                    });
                    assert!(held, "{lang:?} {phrase}");
                    assert!(list.windows(2).all(|w| w[0].0.len() >= w[1].0.len()));
                }
            }
            let v = vocab(lang);
            let heads = v.words().filter(|(_, w)| tax.head_of(*w).is_some()).count();
            let instruments = v
                .words()
                .filter(|(_, w)| tax.instruments.starts(*w))
                .count();
            assert!(heads >= 10 && instruments >= 5);
        }
    }

    #[test]
    fn forms_of_several_words_come_in_both_numbers() {
        assert_eq!(
            other_number("joint customs operations", &number()).as_deref(),
            Some("joint customs operation")
        );
        assert_eq!(
            other_number("joint investigation team", &number()).as_deref(),
            Some("joint investigation teams")
        );
        assert_eq!(
            other_number("misuse of cryptocurrencies", &number()).as_deref(),
            Some("misuse of cryptocurrency")
        );
        assert_eq!(
            other_number("use of cryptocurrency", &number()).as_deref(),
            Some("use of cryptocurrencies")
        );
        assert_eq!(
            other_number("joint survey", &number()).as_deref(),
            Some("joint surveys")
        );
        assert_eq!(other_number("operations", &number()), None);
        assert_eq!(other_number("cross-border", &number()), None);
        assert_eq!(other_number("mutual legal access", &number()), None);
    }
    use crate::import::lexicon::vocab;
    use crate::import::token::{TokenBuf, tokenize};
    use rstest::rstest;

    fn named(text: &str, lang: Lang) -> Vec<(String, String)> {
        let v = vocab(lang);
        let tax = taxonomy(lang);
        let mut buf = TokenBuf::default();
        tokenize(text, &mut buf);
        buf.annotate(v);
        let sent = buf.sent(text, 0..buf.len(), v);
        let mut out = Vec::new();
        let mut at = 0;
        while at < sent.len() {
            match tax.mention_at(&sent, at) {
                Some(m) => {
                    let id = tax.category(m.category).unwrap().0.to_string();
                    out.push((sent.slice(m.start, m.end).unwrap().to_string(), id));
                    at = m.end;
                }
                None => at += 1,
            }
        }
        out
    }

    #[rstest]
    #[case::form_en("against money laundering and terrorism", Lang::En, &[("money laundering", "money-laundering"), ("terrorism", "terrorism")])]
    #[case::modifier_head("illicit cocaine trafficking rose", Lang::En, &[("cocaine trafficking", "drug-trafficking")])]
    #[case::head_complement("trafficking in human beings", Lang::En, &[("trafficking in human beings", "trafficking-in-human-beings")])]
    #[case::fr_complement("le trafic illicite de stupéfiants", Lang::Fr, &[("trafic illicite de stupéfiants", "drug-trafficking")])]
    #[case::fr_elided("le trafic d'armes", Lang::Fr, &[("trafic d'armes", "firearms-trafficking")])]
    #[case::verb_object_fr("les services partagent leurs renseignements en temps réel", Lang::Fr, &[("partagent leurs renseignements", "information-exchange")])]
    #[case::verb_object_en("the agencies pooled their data on suspects", Lang::En, &[("pooled their data", "information-exchange")])]
    #[case::verb_alone_en("they shared the stage", Lang::En, &[])]
    #[case::build_intelligence_en("to build intelligence together", Lang::En, &[("build intelligence", "information-exchange")])]
    #[case::transmettre_fr("fedpol peut transmettre les informations livrées par Europol", Lang::Fr, &[("transmettre les informations", "information-exchange")])]
    #[case::a_study_of_a_threat_fr("une nouvelle évaluation de la traite à Djibouti", Lang::Fr, &[("évaluation de la traite", "research-and-analysis")])]
    #[case::a_study_of_a_threat_en("a study of online scams in the region", Lang::En, &[("study of online scams", "research-and-analysis")])]
    #[case::a_study_alone_en("the study was published", Lang::En, &[])]
    #[case::a_manner_before_the_complement_fr("l'échange en temps réel d'informations entre les services", Lang::Fr, &[("échange en temps réel d'informations", "information-exchange")])]
    #[case::a_manner_before_the_object_fr("partager en temps réel les informations sur les saisies", Lang::Fr, &[("partager en temps réel les informations", "information-exchange")])]
    #[case::a_participle_after_its_noun_en("the evidence gathered by the team", Lang::En, &[])]
    #[case::technology_en("the criminal use of encrypted communications is growing", Lang::En, &[("criminal use of encrypted communications", "criminal-use-of-technology")])]
    #[case::technology_fr("l'usage des messageries chiffrées par les trafiquants", Lang::Fr, &[("usage des messageries chiffrées", "criminal-use-of-technology")])]
    #[case::verb_adverb_object_fr("Elle échange également des informations avec Europol", Lang::Fr, &[("échange également des informations", "information-exchange")])]
    #[case::verb_adverb_alone_fr("il partage aussi son bureau", Lang::Fr, &[])]
    #[case::what_is_done_with_a_drug("one of the largest methamphetamine importations", Lang::En, &[("methamphetamine importations", "drug-trafficking")])]
    #[case::what_is_done_with_arms_fr("la production de méthamphétamine et la vente d'armes", Lang::Fr, &[("production de méthamphétamine", "drug-trafficking"), ("vente d'armes", "firearms-trafficking")])]
    #[case::sanctions_imposed("MEPs call for personal sanctions against those responsible", Lang::En, &[("personal sanctions", "sanctions")])]
    #[case::sanctions_evaded("the network organised sanctions evasion through third countries", Lang::En, &[("sanctions evasion", "sanctions-evasion")])]
    #[case::abuses_of_the_person("Arbitrary detentions, torture and extrajudicial killings", Lang::En, &[("Arbitrary detentions", "kidnapping"), ("torture", "violent-crime"), ("extrajudicial killings", "violent-crime")])]
    #[case::abuses_of_the_person_fr("les disparitions forcées et les actes de torture", Lang::Fr, &[("disparitions forcées", "kidnapping"), ("actes de torture", "violent-crime")])]
    #[case::supply_of_an_area_thing("the supply of equipment and the production of the report", Lang::En, &[("equipment", "funding-and-equipment")])]
    #[case::crops("cannabis cultivation keeps spreading", Lang::En, &[("cannabis cultivation", "drug-trafficking")])]
    #[case::crops_fr("la culture de cannabis progresse", Lang::Fr, &[("culture de cannabis", "drug-trafficking")])]
    #[case::usury("profits from loan sharking", Lang::En, &[("loan sharking", "extortion")])]
    #[case::secure_network("through INTERPOL's I-24/7 network", Lang::En, &[("INTERPOL's I-24/7 network", "information-exchange")])]
    #[case::across_borders_fr("renforcer la coopération transfrontalière", Lang::Fr, &[("coopération transfrontalière", "coordination")])]
    #[case::reintegration_fr("des programmes de réinsertion pour les anciens combattants", Lang::Fr, &[("programmes de réinsertion", "return-and-readmission")])]
    #[case::medicines_fr("la vente de médicaments illicites en ligne", Lang::Fr, &[("vente de médicaments illicites", "counterfeiting")])]
    #[case::bank_adviser_fr("les arnaques au faux conseiller bancaire se multiplient", Lang::Fr, &[("arnaques au faux conseiller bancaire", "fraud")])]
    #[case::embezzlement_fr("poursuivi pour détournement de fonds publics", Lang::Fr, &[("détournement de fonds publics", "corruption")])]
    #[case::bec_fr("la compromission de messagerie d'entreprise vise les PME", Lang::Fr, &[("compromission de messagerie d'entreprise", "business-email-compromise")])]
    #[case::precursors("chemical precursors diverted from legal trade", Lang::En, &[("chemical precursors", "drug-trafficking")])]
    #[case::doping("sold doping products online", Lang::En, &[("doping products", "illicit-trafficking")])]
    #[case::doping_fr("des médicaments falsifiés et des produits dopants", Lang::Fr, &[("médicaments falsifiés", "counterfeiting"), ("produits dopants", "illicit-trafficking")])]
    #[case::controlled_delivery("a controlled delivery led officers to the warehouse", Lang::En, &[("controlled delivery", "special-investigative-techniques")])]
    #[case::controlled_delivery_fr("une livraison surveillée a permis d'interpeller le destinataire", Lang::Fr, &[("livraison surveillée", "special-investigative-techniques")])]
    #[case::empact("threats posed by organised and serious international crime", Lang::En, &[("organised and serious international crime", "organised-crime")])]
    #[case::exploits("new threats, including zero-click exploits delivered through messaging apps", Lang::En, &[("zero-click exploits", "cybercrime")])]
    #[case::wildlife_online_fr("la vente en ligne d'animaux sauvages progresse", Lang::Fr, &[("vente en ligne d'animaux sauvages", "wildlife-crime")])]
    fn phrases_name_their_category(
        #[case] text: &str,
        #[case] lang: Lang,
        #[case] want: &[(&str, &str)],
    ) {
        let got = named(text, lang);
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn every_category_has_forms_in_both_languages() {
        let file: TaxonomyFile = toml::from_str(crate::model::TAXONOMY_TOML).unwrap();
        assert!(file.category.len() >= 60, "{}", file.category.len());
        for category in &file.category {
            assert!(
                !category.en.is_empty() && !category.fr.is_empty(),
                "{}",
                category.id
            );
        }
    }
}
