//! What the importer knows about a language, as data: `lexicon/fr.toml` and `lexicon/en.toml`,
//! read once with serde, and compiled into a [`Vocab`] that tells, in one hash lookup per token,
//! which phrase classes a word is or starts.
//!
//! Rules name classes ([`Class`]), never words: a new cue is one line in a TOML file. Phrases
//! are lowercase and go through the same tokenizer as the text, so "d'INTERPOL" and "a-t-il"
//! match the way they are written. No I/O here: the files are compiled in.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use serde::Deserialize;

use super::token;
#[cfg(test)]
use super::token::{TokenBuf, tokenize};
use crate::model::{Lang, compiled_table};

pub(crate) mod tables;

/// A hash map keyed by short strings: foldhash, seeded per process, so a release cannot be
/// written to collide. No map is iterated in an order that shows.
pub(crate) type FastMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;

/// The most bytes of a word [`short_key`] gives a number for.
const SHORT_WORD_BYTES: usize = tables::SHORT_WORD_BYTES;

/// The number the bytes of a word make, zeros after it, for a word of ASCII characters
/// (none of them a zero byte) of at most [`SHORT_WORD_BYTES`] bytes: no two such words make one
/// number. None for another word.
#[inline]
fn short_key(bytes: impl ExactSizeIterator<Item = u8>) -> Option<u64> {
    if bytes.len() > SHORT_WORD_BYTES {
        return None;
    }
    let mut key = 0;
    for (place, byte) in bytes.enumerate() {
        if byte == 0 || !byte.is_ascii() {
            return None;
        }
        key |= u64::from(byte) << (8 * place);
    }
    (key != 0).then_some(key)
}

/// [`short_key`] of a word's bytes, read eight at a time instead of one by one: the key of
/// every word a text's tokens are looked up by.
#[inline]
fn short_key_of(bytes: &[u8]) -> Option<u64> {
    tables::short_key(bytes)
}

/// A [`short_key`] with its ASCII capitals lowercased: the key of the word in lowercase. Each
/// byte below 0x80, a capital gets 0x20 added, eight at a time.
#[inline]
fn ascii_lowercase_key(key: u64) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The high bit of each byte set from 'A' on, and from the byte after 'Z' on.
    let from_a = key + 0x3f3f_3f3f_3f3f_3f3f;
    let past_z = key + 0x2525_2525_2525_2525;
    let capitals = from_a & !past_z & HIGH;
    key | capitals >> 2
}

/// A table of short ASCII words by their [`short_key`]: found with a multiplication and a
/// probe or two, where a map of strings hashes the word and compares it. Most words of a text
/// are such words, and each is looked up once per paragraph and again to detect the
/// language.
#[derive(Debug, Clone, Default)]
struct ShortWords<V> {
    /// The keys, a zero where there is none; at most half are taken.
    keys: Vec<u64>,
    /// The value of each key, in the same place.
    values: Vec<V>,
    /// The bits of a key's hash that are not its place.
    shift: u32,
}

impl<V: Copy + Default> ShortWords<V> {
    /// The table of `entries` (keys from [`short_key`]; a key given twice keeps its last
    /// value, as a map collected from them does).
    fn of(entries: impl IntoIterator<Item = (u64, V)>) -> ShortWords<V> {
        let entries: Vec<(u64, V)> = entries.into_iter().collect();
        let size = (entries.len() * 2).next_power_of_two().max(16);
        let mut table = ShortWords {
            keys: vec![0; size],
            values: vec![V::default(); size],
            shift: 64 - size.trailing_zeros(),
        };
        for (key, value) in entries {
            let mut place = table.place(key);
            while let Some(&taken) = table.keys.get(place) {
                if taken == 0 || taken == key {
                    if let (Some(k), Some(v)) =
                        (table.keys.get_mut(place), table.values.get_mut(place))
                    {
                        (*k, *v) = (key, value);
                    }
                    break;
                }
                place = (place + 1) % size;
            }
        }
        table
    }

    /// Where a key's probe starts.
    #[inline]
    fn place(&self, key: u64) -> usize {
        // The high bits of a multiplication by 2^64 divided by the golden ratio (Fibonacci
        // hashing): the bytes of short words differ mostly in their low bits.
        usize::try_from(key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift).unwrap_or(0)
    }

    /// The value of a key.
    #[inline]
    fn get(&self, key: u64) -> Option<V> {
        let mut place = self.place(key);
        loop {
            match self.keys.get(place) {
                Some(&taken) if taken == key => return self.values.get(place).copied(),
                Some(0) | None => return None,
                Some(_) => place = (place + 1) % self.keys.len(),
            }
        }
    }
}

/// The grammatical gender a word gives a person, or a pronoun refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
pub(crate) enum Gender {
    /// Feminine: "elle", "she", "Mme", "directrice".
    #[serde(rename = "f")]
    Feminine,
    /// Masculine: "il", "he", "M.", "directeur".
    #[serde(rename = "m")]
    Masculine,
    /// Several people: "ils", "they".
    #[serde(rename = "p")]
    Plural,
}

/// Declares the phrase classes once: the [`Class`] enum and the `[phrases]` table of a
/// lexicon file, field for variant.
macro_rules! classes {
    ($($(#[$doc:meta])* $variant:ident => $field:ident,)*) => {
        /// A class of phrases of the lexicon; a token may be or start phrases of several.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub(crate) enum Class {
            $($(#[$doc])* $variant,)*
            /// A month name or abbreviation (from `[months]`).
            Month,
            /// Any word of a role phrase.
            RoleWord,
            /// A given name (from `lexicon/names.toml`).
            GivenName,
        }

        /// The `[phrases]` table of a lexicon file (build.rs writes it as words: see
        /// [`LexiconPhrases`]).
        #[derive(Debug, Default, Deserialize)]
        #[cfg_attr(not(test), allow(dead_code, reason = "build.rs reads it"))]
        #[serde(deny_unknown_fields)]
        struct Phrases {
            $(#[serde(default)] $field: Vec<String>,)*
        }

        #[cfg(test)]
        impl Phrases {
            fn lists(&self) -> Vec<(Class, &[String])> {
                vec![$((Class::$variant, self.$field.as_slice()),)*]
            }
        }
    };
}

classes! {
    /// Frequent short words; language detection counts them.
    Stop => stop,
    /// Day names, skipped in datelines.
    Weekday => weekday,
    /// Labels of a metadata line whose date is the release's ("Published on").
    DateLabel => date_label,
    /// Labels of a metadata line whose date is not the release's ("Updated").
    UpdateLabel => update_label,
    /// Words between a place and a date ("Paris, le 12 mars").
    DateArticle => date_article,
    /// Words of a date range ("8 to 9 June", "du 8 au 9 juin").
    RangeWord => range_word,
    /// Verbs that introduce or follow a quote.
    SpeechVerb => speech_verb,
    /// Words between a speaker and a speech verb ("a quant à lui", "has also").
    VerbFiller => verb_filler,
    /// Phrases whose speaker follows them ("selon", "according to").
    AccordingTo => according_to,
    /// A masculine personal pronoun.
    PronounM => pronoun_m,
    /// A feminine personal pronoun.
    PronounF => pronoun_f,
    /// A plural personal pronoun.
    PronounPlural => pronoun_plural,
    /// Titles before a name that say nothing of gender ("Dr").
    Honorific => honorific,
    /// Masculine titles before a name ("M.", "Mr").
    HonorificM => honorific_m,
    /// Feminine titles before a name ("Mme", "Ms").
    HonorificF => honorific_f,
    /// Roles people hold ("directeur exécutif", "minister").
    Role => role,
    /// Words that qualify a role ("adjoint", "deputy").
    RoleModifier => role_modifier,
    /// Words linking a role to its organisation ("de", "of").
    RolePreposition => role_preposition,
    /// Words that make a person feminine.
    Feminine => feminine,
    /// Words that make a person masculine.
    Masculine => masculine,
    /// Several speakers at once ("les deux ministres", "the ministers").
    JointSubject => joint_subject,
    /// An organisation named again by its kind ("the organization", "l'agence").
    OrgAnaphor => org_anaphor,
    /// Letters after a name that are no part of it ("QC", "PSM", "OBE", "Jr.").
    PostNominal => post_nominal,
    /// Ranks of the police and the armed forces, which stand before a name after a post
    /// ("the head of the unit, Colonel Jane Roe").
    Rank => rank,
    /// Capitalised nouns of titles that are never a person's name ("Course", "Campus").
    NotName => not_name,
    /// Prepositions of a role's place ("head of the bureau in Dar es Salaam").
    RolePlacePreposition => role_place_preposition,
    /// Prepositions of place and time after an item, no part of its label ("across the
    /// region", "dans la région").
    ItemTail => item_tail,
    /// The prepositions that name partners after a word of cooperation ("cooperation between
    /// Australia and Indonesia", "collaboration avec l'Union africaine").
    ItemPartner => item_partner,
    /// The prepositions that name those who receive support ("support to national teams",
    /// "appui aux gardes-frontières"); never one an infinitive follows ("support to tackle").
    ItemBeneficiary => item_beneficiary,
    /// The prepositions of an event's topic ("forum on justice", "atelier sur la coopération").
    EventTopic => event_topic,
    /// How an area is done, between its word and its complement ("l'échange en temps réel
    /// d'informations").
    ItemManner => item_manner,
    /// A role's abbreviation written in capitals before a surname, as a title ("DA
    /// Creuzot"); in lowercase it is something else ("da" of "da Silva").
    RoleAbbreviation => role_abbreviation,
    /// The mark of a verb's clause inside a list member ("to", "pour"): "the use of drones to
    /// move drugs and weapons" coordinates the verb's objects, not two members.
    ClauseMark => clause_mark,
    /// Words that make a name no party: an event, a document, an operation ("Octopus
    /// Conference", "UNODC Study on …", "Operation Protected Childhood").
    NotParty => not_party,
    /// Words of a region or a sea ("Balkans", "Ocean", "golfe"): a name with one and no word
    /// of an organisation is a place, no party ("Western Balkans", "Gulf of Guinea").
    Region => region,
    /// Words of a minister's portfolio ("Affairs", "Justice", "Intérieur"): a name of such
    /// words and no word of an organisation is a post's field, no party ("Minister for
    /// Foreign Affairs", "ministre de la Justice"; not "Department of Foreign Affairs").
    Portfolio => portfolio,
    /// Words that name a news outlet ("News", "Info", "Times"): a publisher named with one
    /// reports the release, it takes no part in it ("UN News", "ONU Info").
    NewsOutlet => news_outlet,
    /// Counts before a plural noun of several speakers ("les trois", "the two", "both").
    JointCount => joint_count,
    /// Plural nouns of several speakers after a count ("chefs", "heads", "ministers").
    JointNoun => joint_noun,
    /// "by" of "the statement by the ministry".
    StatementBy => statement_by,
    /// A role that speaks for an organisation ("spokesperson", "porte-parole").
    Spokesperson => spokesperson,
    /// Nouns that name an organisation ("ministry", "office").
    OrgWord => org_word,
    /// Small words inside an organisation's name ("of", "de").
    OrgConnector => org_connector,
    /// Lowercase adjectives inside an organisation's name ("fédéral").
    OrgAdjective => org_adjective,
    /// Acronyms and capitalised words that are no organisation.
    NotOrg => not_org,
    /// Organisations written like a name ("Europol").
    OrgName => org_name,
    /// Articles and possessives.
    Determiner => determiner,
    /// Indefinite articles.
    Indefinite => indefinite,
    /// Lowercase words inside a person's name ("della", "van").
    NameParticle => name_particle,
    /// Phrases that introduce the occasion ("en marge de").
    EventCue => event_cue,
    /// Nouns that name an occasion ("session").
    EventNoun => event_noun,
    /// Words of time ("today").
    TimeWord => time_word,
    /// Phrases that introduce a place ("held in").
    PlaceCue => place_cue,
    /// Phrases that start the circumstances of a quote ("lors de", "during").
    ContextCue => context_cue,
    /// Phrases after which a sentence lists fields of cooperation.
    AreaCue => area_cue,
    /// Verbs of what an agreement covers, whatever it is ("includes", "englobe").
    ScopeCue => scope_cue,
    /// Nouns that name dangers ("threats").
    ThreatCue => threat_cue,
    /// Phrases that introduce dangers ("warned of").
    ThreatIntro => threat_intro,
    /// Words that mark a threat as new ("emerging").
    Emerging => emerging,
    /// Phrases between a cue and its list ("such as").
    ListIntro => list_intro,
    /// Words that join list items ("and").
    ListConnector => list_connector,
    /// What the parties fight ("against"): an adversary follows.
    Focus => focus,
    /// Words that cannot start a list item.
    ListStopper => list_stopper,
    /// Items that are not items ("among others").
    ListDrop => list_drop,
    /// Adverbs dropped at the start of an item ("also").
    ItemFiller => item_filler,
    /// Words after which "and" joins two halves of one item ("between").
    PairWord => pair_word,
    /// Expressions whose "and" joins no two items ("search and rescue").
    FixedPhrase => fixed_phrase,
    /// Phrases that announce a bullet list of commitments ("commit to").
    BulletCue => bullet_cue,
    /// Words that open reported speech ("that", "que").
    Complementizer => complementizer,
    /// Words before a quoted title, which is not speech ("report").
    TitleCue => title_cue,
    /// Abbreviations whose period ends no sentence.
    Abbreviation => abbreviation,
    /// Nouns of a statement ("communiqué", "statement").
    StatementNoun => statement_noun,
    /// Adjectives that qualify a threat or an area ("illicit", "illicite").
    ItemAdjective => item_adjective,
    /// Words between a threat's or area's head and its complement ("of", "de").
    ItemPreposition => item_preposition,
}

impl Class {
    /// This class as one bit of a [`Classes`] set.
    pub(crate) const fn bit(self) -> Classes {
        1 << (self as u8)
    }
}

/// A set of classes, one bit each.
pub(crate) type Classes = u128;

/// Declares the line classes: the [`LineClass`] enum and the `[lines]` table.
macro_rules! line_classes {
    ($($(#[$doc:meta])* $variant:ident => $field:ident,)*) => {
        /// A class of whole lines: headings, labels and page furniture.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub(crate) enum LineClass { $($(#[$doc])* $variant,)* }

        impl LineClass {
            /// Every line class, in order (`class as usize` is its place).
            const ALL: &'static [LineClass] = &[$(LineClass::$variant,)*];
        }

        /// The `[lines]` table of a lexicon file.
        #[derive(Debug, Default, Clone, Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Lines { $(#[serde(default)] $field: Vec<String>,)* }

        impl Lines {
            fn get(&self, class: LineClass) -> &[String] {
                match class { $(LineClass::$variant => &self.$field,)* }
            }
        }
    };
}

line_classes! {
    /// Labels that are not the title ("press release").
    Boilerplate => boilerplate,
    /// Web page furniture ("Share", "Home", cookie notices).
    Clutter => clutter,
    /// Sentences of a site's notices ("We use cookies…"), furniture whatever follows.
    Notice => notice,
    /// Headings of further reading ("For more information").
    MoreInfo => more_info,
    /// A teaser's button ("Read more"): among other posts' teasers, it opens no links.
    TeaserButton => teaser_button,
    /// Headings of contacts ("Media contact").
    Contact => contact,
    /// Headings of the publisher's boilerplate ("About Europol").
    About => about,
    /// Openings of a paragraph on the publisher's standing mandate, boilerplate without a
    /// heading ("Headquartered in The Hague, Europol supports…").
    Mandate => mandate,
    /// Headings of sections that still tell the story ("Background").
    Background => background,
    /// Lines that end the release ("###").
    EndMark => end_mark,
    /// Words of a photo caption ("Photo").
    PhotoCue => photo_cue,
    /// Labels of a line naming the publisher ("From: Home Office").
    SourceLabel => source_label,
    /// Labels of a byline naming who wrote the page ("Author: Jane Roe").
    Byline => byline,
}

/// A lexicon file as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconFile {
    tag: String,
    other_speakers: String,
    /// Read by build.rs into [`LexiconWords`], as are `possessives`.
    #[serde(default)]
    #[cfg_attr(not(test), allow(dead_code, reason = "build.rs reads it"))]
    elisions: Vec<String>,
    #[serde(default)]
    inverted_pronouns: BTreeMap<String, Gender>,
    #[serde(default)]
    ordinal_suffixes: Vec<String>,
    #[serde(default)]
    gerund_suffixes: Vec<String>,
    #[serde(default)]
    plural_suffixes: Vec<String>,
    #[serde(default)]
    #[cfg_attr(not(test), allow(dead_code, reason = "build.rs reads it"))]
    possessives: Vec<String>,
    /// Left out of the JSON copy, as are `phrases`: compiled in as words ([`LexiconPhrases`]).
    #[serde(default)]
    #[cfg_attr(not(test), allow(dead_code, reason = "build.rs reads it"))]
    months: BTreeMap<String, i8>,
    #[serde(default)]
    #[cfg_attr(not(test), allow(dead_code, reason = "build.rs reads it"))]
    phrases: Phrases,
    #[serde(default)]
    lines: Lines,
}

/// Given names with their usual gender, shared by every language (as written; the program
/// reads [`GivenNames`]).
#[cfg(test)]
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct NamesFile {
    feminine: Vec<String>,
    masculine: Vec<String>,
}

/// What the table says about one lowercase word, as the lexicon is read (the tests' reference
/// of what build.rs writes, see [`VocabTables`]).
#[cfg(test)]
#[derive(Debug, Default)]
struct RawEntry {
    /// Classes for which the word alone is a phrase.
    single: Classes,
    /// Classes with a longer phrase starting with the word.
    starts: Classes,
    /// Longer phrases starting with the word: class and the following words.
    multi: Vec<(Class, &'static [&'static str])>,
}

/// The phrases and months of a lexicon file as build.rs writes them (`lexicon-en.rs`,
/// `lexicon-fr.rs`), already cut into words as the tokenizer cuts them: what the tests build
/// the reference of a vocabulary from. The JSON copy of the file leaves them out.
#[cfg(test)]
struct LexiconPhrases {
    /// Each `[phrases]` list: its class and its phrases' words.
    phrases: &'static [(Class, &'static [&'static [&'static str]])],
    /// Each month name, its words and its number, in the file's key order.
    months: &'static [(&'static str, &'static [&'static str], i8)],
}

/// The given names of `lexicon/names.toml` as build.rs writes them (`names.rs`), lowercase.
struct GivenNames {
    feminine: &'static [&'static str],
    masculine: &'static [&'static str],
}

/// A word of the vocabulary (of a phrase, a month, a given name or the taxonomy), by its
/// number in the [`VocabTables`] (the first is 1): annotated tokens carry theirs, so matching
/// a phrase compares numbers instead of looking words up and comparing text.
pub(crate) type WordId = std::num::NonZeroU32;

/// The number of a pair of words (see [`VocabTables::pair_keys`]).
#[inline]
fn pair_key(first: WordId, second: u32) -> u64 {
    u64::from(first.get()) << 32 | u64::from(second)
}

/// What a lowercase word is: the classes it is alone, those it starts a longer phrase of,
/// and its number (none for a word the vocabulary does not hold).
pub(crate) type Lookup = (Classes, Classes, Option<WordId>);

/// A language's vocabulary as build.rs writes it (`vocab-en.rs`, `vocab-fr.rs`): every word,
/// numbered, with what the lexicon says of it, and the tables that find a word's number, as
/// numbers and one string. Nothing is built at start (building the tables was a sixth of a
/// release's first frame), and the loader relocates no pointer per word (the words as
/// `&str`s took some 9,000 relocations). Tables are laid out as [`tables`] says.
pub(crate) struct VocabTables {
    /// The words, one after the other.
    text: &'static str,
    /// Where each word ends in `text` (word `n` is at place `n - 1`; it starts where the one
    /// before ends).
    ends: &'static [u32],
    /// The table of words that have a [`short_key`]: the key of each place (0: none) and the
    /// number of its word, side by side (one look-up reads one cache line).
    short: &'static [(u64, u32)],
    /// The table of the other words: the [`tables::long_hash`] of each place's word and its
    /// number (0: none).
    long: &'static [(u64, u32)],
    /// For each word, the classes for which the word alone is a phrase and those with a
    /// longer phrase starting with the word.
    classes: &'static [(Classes, Classes)],
    /// For each word, where its longer phrases end among the phrases (they start where the
    /// word before's end): longest first, and as the file lists them among those of one class
    /// as long.
    multi_ends: &'static [u32],
    /// Each longer phrase's class.
    phrase_classes: &'static [Class],
    /// Where each phrase's words after its first end in `phrase_words`.
    phrase_ends: &'static [u32],
    /// The words after the first of every phrase, by number.
    phrase_words: &'static [u32],
    /// The phrases of two words or more by their first two words ([`pair_key`], 0: none):
    /// of the many phrases a word like "de" or "the" starts, the few that may hold where a
    /// given word follows it.
    pair_keys: &'static [u64],
    /// Where the pair's phrases are in `pair_places`, and how many.
    pair_ranges: &'static [(u32, u32)],
    /// The places of a pair's phrases among its first word's phrases.
    pair_places: &'static [u32],
    /// The punctuation characters inside phrases ("e.g.", "Procureur-général" is one word),
    /// with their numbers: punctuation tokens are matched by them without a look-up.
    puncts: &'static [(char, u32)],
    /// Each month name and abbreviation, sorted, with its number.
    months: &'static [(&'static str, i8)],
    /// The longest word, in bytes.
    longest: usize,
}

impl VocabTables {
    /// The text of word `id`.
    fn word(&self, id: u32) -> Option<&'static str> {
        let at = usize::try_from(id).ok()?.checked_sub(1)?;
        let start = match at.checked_sub(1) {
            Some(before) => *self.ends.get(before)?,
            None => 0,
        };
        self.text.get(start as usize..*self.ends.get(at)? as usize)
    }

    /// The number of a lowercase word.
    #[inline]
    fn id(&self, lower: &str) -> Option<WordId> {
        if lower.len() > self.longest {
            return None;
        }
        let id = match short_key_of(lower.as_bytes()) {
            Some(key) => {
                let size = self.short.len();
                let mut at = tables::place(key, size);
                loop {
                    match self.short.get(at) {
                        Some(&(taken, id)) if taken == key => break Some(id),
                        Some((0, _)) | None => break None,
                        Some(_) => at = tables::next_place(at, size),
                    }
                }
            }
            None => {
                let hash = tables::long_hash(lower.as_bytes());
                let size = self.long.len();
                let mut at = tables::place(hash, size);
                loop {
                    let &(taken, id) = self.long.get(at)?;
                    if id == 0 {
                        break None;
                    }
                    if taken == hash && self.word(id) == Some(lower) {
                        break Some(id);
                    }
                    at = tables::next_place(at, size);
                }
            }
        };
        id.and_then(WordId::new)
    }

    /// The places of word `id`'s longer phrases among the phrases.
    #[inline]
    fn phrases_of(&self, id: WordId) -> std::ops::Range<usize> {
        let at = id.get() as usize - 1;
        let start = match at.checked_sub(1) {
            Some(before) => self.multi_ends.get(before).copied().unwrap_or(0),
            None => 0,
        };
        let end = self.multi_ends.get(at).copied().unwrap_or(start);
        start as usize..end as usize
    }

    /// Phrase `place`'s class and words after its first.
    #[inline]
    fn phrase(&self, place: usize) -> Option<(Class, &'static [u32])> {
        let start = match place.checked_sub(1) {
            Some(before) => *self.phrase_ends.get(before)?,
            None => 0,
        };
        let words = self
            .phrase_words
            .get(start as usize..*self.phrase_ends.get(place)? as usize)?;
        Some((*self.phrase_classes.get(place)?, words))
    }

    /// Where the phrases of two words or more starting with `first` and `second` are among
    /// the first word's phrases.
    #[inline]
    fn pair_places(&self, first: WordId, second: WordId) -> &'static [u32] {
        let key = pair_key(first, second.get());
        let size = self.pair_keys.len();
        let mut at = tables::place(key, size);
        loop {
            match self.pair_keys.get(at) {
                Some(&taken) if taken == key => {
                    return self
                        .pair_ranges
                        .get(at)
                        .and_then(|&(start, len)| {
                            self.pair_places
                                .get(start as usize..start as usize + len as usize)
                        })
                        .unwrap_or_default();
                }
                Some(0) | None => return &[],
                Some(_) => at = tables::next_place(at, size),
            }
        }
    }
}

/// A lexicon compiled for matching.
#[derive(Debug)]
pub(crate) struct Vocab {
    /// The language.
    pub lang: Lang,
    /// The party of speakers whose organisation is not named.
    pub other_speakers: String,
    /// Endings of inverted verbs with their pronoun's gender, longest first.
    pub inverted_pronouns: Vec<(String, Gender)>,
    /// Endings of ordinal days.
    pub ordinal_suffixes: Vec<String>,
    /// Endings of a verb's form that also names an activity ("safeguarding"): before an
    /// article, the verb with its object.
    pub gerund_suffixes: Vec<String>,
    /// Endings of a noun's plural ("teams", "autorités").
    pub plural_suffixes: Vec<String>,
    /// The first bytes of `inverted_pronouns`, a bit each.
    inverted_starts: [u64; 4],
    /// Every word, what the lexicon says of it and how it is found.
    tables: &'static VocabTables,
    /// The lexicon file's lines (read once, kept for the program's life).
    lines: &'static Lines,
    /// The phrases of each line class by their first character, by `class as usize`.
    line_heads: Vec<LineHeads<'static>>,
}

impl std::fmt::Debug for VocabTables {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("VocabTables")
            .field("words", &self.ends.len())
            .finish_non_exhaustive()
    }
}

/// The phrases of a line class by their first character: a line is checked against the few
/// that start with its own first one.
#[derive(Debug, Default)]
struct LineHeads<'a> {
    /// A phrase may start any line: it is empty, or has a sigma (σ or ς: a capital sigma
    /// lowercases to either by its place, see [`may_start_line`]).
    always: bool,
    /// The other phrases, by their first character.
    by_head: FastMap<char, Vec<&'a str>>,
}

impl<'a> LineHeads<'a> {
    fn of(phrases: &'a [String]) -> LineHeads<'a> {
        let mut heads = LineHeads::default();
        for phrase in phrases {
            let sigma = phrase.contains(['σ', 'ς']);
            match phrase.chars().next() {
                Some(head) if !sigma => {
                    heads.by_head.entry(head).or_default().push(phrase);
                }
                _ => heads.always = true,
            }
        }
        heads
    }
}

/// Adds `phrase` to the table being read as a phrase of `class`.
#[cfg(test)]
fn add(raw: &mut FastMap<&'static str, RawEntry>, class: Class, words: &'static [&'static str]) {
    let Some((first, rest)) = words.split_first() else {
        return;
    };
    let entry = raw.entry(*first).or_default();
    if rest.is_empty() {
        entry.single |= class.bit();
    } else {
        entry.starts |= class.bit();
        entry.multi.push((class, rest));
    }
}

/// The lowercase words of a phrase, as the tokenizer cuts them (build.rs cuts the tables'
/// phrases with `split::words`; the tests hold the two equal).
#[cfg(test)]
pub(crate) fn words_of(phrase: &str) -> Vec<String> {
    thread_local! {
        /// Refilled for each phrase: the tables are thousands of phrases, and a fresh buffer
        /// for each was a tenth of building them.
        static BUF: std::cell::RefCell<TokenBuf> = std::cell::RefCell::new(TokenBuf::default());
    }
    BUF.with(|cell| match cell.try_borrow_mut() {
        Ok(mut buf) => words_in(phrase, &mut buf),
        Err(_) => words_in(phrase, &mut TokenBuf::default()),
    })
}

/// [`words_of`], tokenizing into `buf`.
#[cfg(test)]
fn words_in(phrase: &str, buf: &mut TokenBuf) -> Vec<String> {
    tokenize(phrase, buf);
    (0..buf.len())
        .filter_map(|i| buf.lower(i).map(str::to_string))
        .collect()
}

impl Vocab {
    fn new(lang: Lang, file: &'static LexiconFile, tables: &'static VocabTables) -> Vocab {
        let mut inverted_pronouns: Vec<(String, Gender)> = file
            .inverted_pronouns
            .iter()
            .map(|(suffix, gender)| (suffix.clone(), *gender))
            .collect();
        inverted_pronouns.sort_by_key(|(suffix, _)| std::cmp::Reverse(suffix.len()));
        let mut inverted_starts = [0u64; 4];
        for first in inverted_pronouns
            .iter()
            .filter_map(|(s, _)| s.bytes().next())
        {
            if let Some(bits) = inverted_starts.get_mut(usize::from(first / 64)) {
                *bits |= 1 << (first % 64);
            }
        }
        Vocab {
            inverted_starts,
            lang,
            other_speakers: file.other_speakers.clone(),
            inverted_pronouns,
            ordinal_suffixes: file.ordinal_suffixes.clone(),
            gerund_suffixes: file.gerund_suffixes.clone(),
            plural_suffixes: file.plural_suffixes.clone(),
            tables,
            line_heads: LineClass::ALL
                .iter()
                .map(|class| LineHeads::of(file.lines.get(*class)))
                .collect(),
            lines: &file.lines,
        }
    }

    /// True when an inverted pronoun's ending starts with the byte `b`.
    #[inline]
    pub(crate) fn may_start_inverted(&self, b: u8) -> bool {
        self.inverted_starts
            .get(usize::from(b / 64))
            .is_some_and(|bits| bits >> (b % 64) & 1 == 1)
    }

    /// What the table says of a lowercase word (see [`Lookup`]).
    #[inline]
    pub(crate) fn lookup(&self, lower: &str) -> Lookup {
        let Some(id) = self.tables.id(lower) else {
            return (0, 0, None);
        };
        let (single, starts) = self
            .tables
            .classes
            .get(id.get() as usize - 1)
            .copied()
            .unwrap_or_default();
        (single, starts, Some(id))
    }

    /// The number of a punctuation character (as lowercased: ' for ’) inside a phrase.
    pub(crate) fn punct_id(&self, c: char) -> Option<WordId> {
        self.tables
            .puncts
            .iter()
            .find(|(p, _)| *p == c)
            .and_then(|(_, id)| WordId::new(*id))
    }

    /// The classes a lowercase word alone is, and those it starts a longer phrase of.
    #[inline]
    pub(crate) fn classes_of(&self, lower: &str) -> (Classes, Classes) {
        let (single, starts, _) = self.lookup(lower);
        (single, starts)
    }

    /// True when the lowercase word alone is a phrase of `class`.
    #[inline]
    pub(crate) fn is(&self, lower: &str, class: Class) -> bool {
        self.classes_of(lower).0 & class.bit() != 0
    }

    /// The longer phrases of `class` starting with the word `first`: the words after it,
    /// longest first.
    #[cfg(test)]
    pub(crate) fn phrases_after(
        &self,
        first: WordId,
        class: Class,
    ) -> impl Iterator<Item = &'static [u32]> + '_ {
        self.tables
            .phrases_of(first)
            .filter_map(|place| self.tables.phrase(place))
            .filter(move |(c, _)| *c == class)
            .map(|(_, rest)| rest)
    }

    /// The phrases of two words or more of a class among `classes` that start with the words
    /// `first` and `second`: their class and their words after the first.
    #[inline]
    pub(crate) fn phrases_from(
        &self,
        first: WordId,
        second: WordId,
        classes: Classes,
    ) -> impl Iterator<Item = (Class, &'static [u32])> + '_ {
        let start = self.tables.phrases_of(first).start;
        self.tables
            .pair_places(first, second)
            .iter()
            .filter_map(move |&place| {
                let (class, rest) = self.tables.phrase(start + place as usize)?;
                (classes & class.bit() != 0).then_some((class, rest))
            })
    }

    /// Every phrase of two words or more that starts with the word `first`: its class and
    /// its words after the first.
    #[cfg(test)]
    pub(crate) fn longer_phrases(
        &self,
        first: WordId,
    ) -> impl Iterator<Item = (Class, &'static [u32])> + '_ {
        self.tables
            .phrases_of(first)
            .filter_map(|place| self.tables.phrase(place))
    }

    /// Every word of the vocabulary, with its number.
    #[cfg(test)]
    pub(crate) fn words(&self) -> impl Iterator<Item = (&'static str, WordId)> + '_ {
        (1..=self.tables.ends.len()).filter_map(|n| {
            let id = u32::try_from(n).ok()?;
            Some((self.tables.word(id)?, WordId::new(id)?))
        })
    }

    /// The month number of a month name or abbreviation.
    pub(crate) fn month(&self, lower: &str) -> Option<i8> {
        let months = self.tables.months;
        months
            .binary_search_by(|(name, _)| (*name).cmp(lower))
            .ok()
            .and_then(|at| months.get(at))
            .map(|(_, month)| *month)
    }

    /// False when no phrase of `class` can start `line` (see [`may_start_line`]).
    fn may_start_line(&self, line: &str, class: LineClass) -> bool {
        self.line_heads
            .get(class as usize)
            .is_none_or(|heads| may_start_line(line, heads))
    }

    /// The phrases of a line class.
    pub(crate) fn line_phrases(&self, class: LineClass) -> &[String] {
        self.lines.get(class)
    }

    /// True when `line`, folded to lowercase with its punctuation trimmed, is one of the
    /// phrases of `class`, or starts with one followed by a separator or a name ("About
    /// Europol", "For more information:", "Contact presse : ...").
    pub(crate) fn line_is(&self, line: &str, class: LineClass) -> bool {
        self.line_phrase(line, class).is_some()
    }

    /// True when `line` starts with a phrase of `class` in capitals glued to the next word
    /// ("WHO WE AREThe …"): a menu run together with what follows it.
    pub(crate) fn starts_glued(&self, line: &str, class: LineClass) -> bool {
        let trimmed = line.trim_matches(is_line_trim);
        if !self.may_start_line(trimmed, class) {
            return false;
        }
        let lower = trimmed.to_lowercase();
        self.lines.get(class).iter().any(|phrase| {
            lower.starts_with(phrase.as_str()) && glued_label(trimmed, phrase.chars().count())
        })
    }

    /// The phrase of `class` that `line` is or starts with, and the rest of the line.
    pub(crate) fn line_phrase<'l>(&self, line: &'l str, class: LineClass) -> Option<&'l str> {
        if class == LineClass::EndMark {
            // An end mark is the whole line: "###", "- ENDS -". Each character folds to one
            // or more: a line of more characters than a mark has bytes is none.
            let longest = self.lines.get(class).iter().map(String::len).max();
            if line
                .chars()
                .filter(|c| !c.is_whitespace())
                .nth(longest.unwrap_or(0))
                .is_some()
            {
                return None;
            }
            let folded: String = line
                .chars()
                .filter(|c| !c.is_whitespace())
                .flat_map(char::to_lowercase)
                .collect();
            let is_mark = self.lines.get(class).iter().any(|mark| {
                mark.chars()
                    .filter(|c| !c.is_whitespace())
                    .collect::<String>()
                    == folded
            });
            return is_mark.then_some("");
        }
        let trimmed = line.trim_matches(is_line_trim);
        if !self.may_start_line(trimmed, class) {
            return None;
        }
        let lower = trimmed.to_lowercase();
        let best = self
            .lines
            .get(class)
            .iter()
            .filter(|phrase| {
                lower.strip_prefix(phrase.as_str()).is_some_and(|rest| {
                    // Page furniture is the whole line, or a label before a separator
                    // ("Content type: Press release", "Home > News"): "Home Secretary Yvette
                    // Cooper said:" is no navigation line.
                    let label_only = matches!(class, LineClass::Clutter | LineClass::Boilerplate);
                    let after = rest.trim_start();
                    rest.is_empty()
                        || phrase.ends_with('\'')
                        || if label_only {
                            after.is_empty()
                                || after.starts_with([':', '>', '|', '/', '›', '»', '-', '–', '—'])
                                || after.starts_with(|c: char| c.is_ascii_digit())
                                || glued_label(trimmed, phrase.chars().count())
                        } else {
                            rest.starts_with(|c: char| !c.is_alphanumeric())
                        }
                })
            })
            .max_by_key(|phrase| phrase.len())?;
        // The rest in the original case: lowercasing keeps char boundaries of these scripts
        // only when lengths agree, so walk characters instead of bytes.
        let skip = best.chars().count();
        let at = trimmed
            .char_indices()
            .nth(skip)
            .map_or(trimmed.len(), |(at, _)| at);
        trimmed
            .get(at..)
            .map(|rest| rest.trim_matches(is_line_trim))
    }
}

/// False when no phrase of `heads` (lowercase) can start `line` in lowercase: its first
/// characters, lowercased one by one, start with none. Lowercasing only a head keeps a long
/// paragraph from being copied for each class it is checked against. A head lowercases as the
/// whole line does, but for a capital sigma (σ or ς, by what follows): a phrase with either
/// is checked on the whole line.
fn may_start_line(line: &str, heads: &LineHeads<'_>) -> bool {
    if heads.always {
        return true;
    }
    // The line's first character in lowercase, once: most phrases start with another.
    let Some(first) = line.chars().flat_map(char::to_lowercase).next() else {
        return false;
    };
    heads.by_head.get(&first).is_some_and(|phrases| {
        phrases.iter().any(|phrase| {
            // A phrase in ASCII over a line that starts in ASCII (most): byte by byte, each
            // of the line's lowercased as `char::to_lowercase` lowercases it.
            if let Some(head) = line.as_bytes().get(..phrase.len())
                && phrase.is_ascii()
                && head.is_ascii()
            {
                return head
                    .iter()
                    .zip(phrase.as_bytes())
                    .all(|(got, want)| got.to_ascii_lowercase() == *want);
            }
            // The line's characters lowercased one by one, as far as the phrase goes.
            let mut lower = line.chars().flat_map(char::to_lowercase);
            phrase.chars().all(|want| lower.next() == Some(want))
        })
    })
}

/// True when the first `n` characters of `line` are a label in capitals glued to a capitalised
/// word: a menu's text run together by a page's copy ("WHO WE AREThe International …").
fn glued_label(line: &str, n: usize) -> bool {
    let mut chars = line.chars();
    let label: String = chars.by_ref().take(n).collect();
    label.chars().any(char::is_uppercase)
        && !label.chars().any(char::is_lowercase)
        && chars.next().is_some_and(char::is_uppercase)
}

/// Punctuation trimmed from the ends of a heading or label line.
fn is_line_trim(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            ':' | '*' | '#' | '-' | '–' | '—' | '|' | '>' | '.' | '•' | '?'
        )
}

fn parse(lang: Lang, source: &str) -> LexiconFile {
    let file: LexiconFile = compiled_table(source);
    debug_assert_eq!(file.tag, lang.tag(), "a lexicon file names its language");
    file
}

/// The lexicon file of `lang`, read once, when the vocabulary of `lang` is built. The files are read as build.rs writes them, in JSON (the same
/// data, read several times faster than the TOML they are written in).
fn file(lang: Lang) -> &'static LexiconFile {
    static FR: LazyLock<LexiconFile> = LazyLock::new(|| {
        parse(
            Lang::Fr,
            include_str!(concat!(env!("OUT_DIR"), "/lexicon-fr.json")),
        )
    });
    static EN: LazyLock<LexiconFile> = LazyLock::new(|| {
        parse(
            Lang::En,
            include_str!(concat!(env!("OUT_DIR"), "/lexicon-en.json")),
        )
    });
    match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    }
}

/// The compiled lexicon of `lang`, built once.
pub(crate) fn vocab(lang: Lang) -> &'static Vocab {
    #[allow(
        clippy::indexing_slicing,
        reason = "build.rs names each set by its place in the constant it writes"
    )]
    static FR_TABLES: VocabTables = include!(concat!(env!("OUT_DIR"), "/vocab-fr.rs"));
    #[allow(
        clippy::indexing_slicing,
        reason = "build.rs names each set by its place in the constant it writes"
    )]
    static EN_TABLES: VocabTables = include!(concat!(env!("OUT_DIR"), "/vocab-en.rs"));
    static FR: LazyLock<Vocab> = LazyLock::new(|| Vocab::new(Lang::Fr, file(Lang::Fr), &FR_TABLES));
    static EN: LazyLock<Vocab> = LazyLock::new(|| Vocab::new(Lang::En, file(Lang::En), &EN_TABLES));
    match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    }
}

/// The given names of `lexicon/names.toml`.
static GIVEN_NAMES: GivenNames = include!(concat!(env!("OUT_DIR"), "/names.rs"));

/// Every given name, lowercase.
#[cfg(test)]
fn given_names() -> impl Iterator<Item = &'static str> {
    GIVEN_NAMES
        .feminine
        .iter()
        .chain(GIVEN_NAMES.masculine)
        .copied()
}

/// Given names with their usual gender, lowercase.
pub(crate) fn given_name_gender(lower: &str) -> Option<Gender> {
    static NAMES: LazyLock<FastMap<&'static str, Gender>> = LazyLock::new(|| {
        let mut map = FastMap::default();
        for &name in GIVEN_NAMES.feminine {
            map.insert(name, Gender::Feminine);
        }
        for &name in GIVEN_NAMES.masculine {
            // A name given to both is no evidence.
            if map.get(name) == Some(&Gender::Feminine) {
                map.remove(name);
            } else {
                map.insert(name, Gender::Masculine);
            }
        }
        map
    });
    NAMES.get(lower).copied()
}

/// What the importer knows whatever the language (`lexicon/common.toml`).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Common {
    /// Schemes of links a briefing may hold ("https://").
    pub url_schemes: Vec<String>,
    /// Address starts that stand for a web address without a scheme ("www.").
    pub web_prefixes: Vec<String>,
    /// The scheme given to such an address.
    pub default_scheme: String,
    /// The scheme given to an e-mail address.
    pub mail_scheme: String,
    /// Extensions of a release file ("txt", "md").
    pub release_extensions: Vec<String>,
}

/// The language-independent table, read once.
pub(crate) fn common() -> &'static Common {
    static COMMON: LazyLock<Common> = LazyLock::new(|| {
        compiled_table(include_str!(concat!(
            env!("OUT_DIR"),
            "/lexicon-common.json"
        )))
    });
    &COMMON
}

/// What the tokenizer and language detection need of every language's lexicon, as build.rs
/// writes it (`lexicon-words.rs`): so that cutting and detecting read no lexicon file, and
/// only the vocabulary of the language found is built.
struct LexiconWords {
    /// Words cut before an apostrophe, in every language, sorted.
    elisions: &'static [&'static str],
    /// Possessive endings, in the order of [`Lang::ALL`].
    possessives: &'static [&'static str],
    /// The stop list's one-word phrases of every language, each with the languages it is one
    /// of (bit `k` for `Lang::ALL[k]`), cut as the tokenizer cuts them.
    stop: &'static [(&'static str, u8)],
}

static LEXICON_WORDS: LexiconWords = include!(concat!(env!("OUT_DIR"), "/lexicon-words.rs"));

/// Words cut before an apostrophe, in every language: the tokenizer runs before the
/// language is known.
pub(crate) fn elisions() -> &'static [&'static str] {
    LEXICON_WORDS.elisions
}

/// Possessive endings in every language ("'s").
pub(crate) fn possessives() -> &'static [&'static str] {
    LEXICON_WORDS.possessives
}

/// Picks the language whose stop words are most frequent in the first 16 KB of `text`;
/// English when no table has any.
pub fn detect(text: &str) -> Lang {
    const SAMPLE_BYTES: usize = 16 * 1024;
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = text.get(..end).unwrap_or_default();
    let mut best = (Lang::En, 0usize);
    for (lang, score) in Lang::ALL.into_iter().zip(stop_counts(sample)) {
        if score > best.1 {
            best = (lang, score);
        }
    }
    best.0
}

/// How many of `text`'s words are stop words of each language of [`Lang::ALL`].
fn stop_counts(text: &str) -> [usize; Lang::ALL.len()] {
    // Each word looked up once, for every language at once; cut as the tokenizer cuts it, with
    // no tokens built, and lowercased only as far as a stop word goes. An ASCII word (most
    // are) is lowercased in place and looked up as one number: building a string of each
    // word's lowercase was 60% of detecting (7% of importing a release).
    let (stop, ascii) = (stop_words(), ascii_stop_words());
    let mut scores = [0usize; Lang::ALL.len()];
    let mut lower = String::new();
    for (_, piece) in token::pieces(text) {
        let langs = match piece {
            token::Piece::Word(word) if word.is_ascii() => {
                let Some(key) = short_key_of(word.as_bytes()).map(ascii_lowercase_key) else {
                    continue;
                };
                ascii.get(key)
            }
            _ => {
                lower.clear();
                token::push_lower_upto(piece, MAX_STOP_BYTES, &mut lower);
                if lower.len() > MAX_STOP_BYTES {
                    continue;
                }
                stop.get(lower.as_str()).copied()
            }
        };
        let Some(langs) = langs else {
            continue;
        };
        for (k, score) in scores.iter_mut().enumerate() {
            *score += usize::from(langs >> k & 1 == 1);
        }
    }
    scores
}

/// Words longer than this (in bytes, lowercase) are not counted by [`detect`].
const MAX_STOP_BYTES: usize = 8;

/// The stop words of every language, each with the languages it is one of (bit `k` for
/// `Lang::ALL[k]`): what [`detect`] counts. They are the stop list's one-word phrases, the
/// words a [`Vocab`] marks [`Class::Stop`] alone; read from the files, so that detecting the
/// language builds no vocabulary of a language the text is not in (building both was a fifth
/// of the first frame of a release).
fn stop_words() -> &'static FastMap<&'static str, u8> {
    static STOP: LazyLock<FastMap<&'static str, u8>> =
        LazyLock::new(|| LEXICON_WORDS.stop.iter().copied().collect());
    &STOP
}

/// The stop words of [`stop_words`] that are ASCII and at most [`MAX_STOP_BYTES`] long, by
/// the number their bytes make ([`short_key`]).
fn ascii_stop_words() -> &'static ShortWords<u8> {
    static ASCII: LazyLock<ShortWords<u8>> = LazyLock::new(|| {
        ShortWords::of(
            LEXICON_WORDS
                .stop
                .iter()
                .filter_map(|&(word, langs)| Some((short_key(word.bytes())?, langs))),
        )
    });
    &ASCII
}

#[cfg(test)]
#[allow(
    clippy::indexing_slicing,
    reason = "a test fails loudly on a wrong length"
)]
mod tests {
    use super::*;
    use rstest::rstest;

    /// The table of short words finds each word of a lexicon that the map of words finds,
    /// with its number, and no other; a word longer than a number holds, or outside ASCII,
    /// has none.
    #[test]
    fn short_keys_of_bytes_are_those_of_the_bytes_one_by_one() {
        for word in [
            "",
            "a",
            "de",
            "the",
            "abcdefgh",
            "abcdefghi",
            "a\0b",
            "\0",
            "abcdefg\0",
            "é",
            "caf\u{e9}",
            "zzzzzzzz",
            "\u{7f}",
            "A1-b'c",
        ] {
            assert_eq!(
                short_key_of(word.as_bytes()),
                short_key(word.bytes()),
                "{word:?}"
            );
        }
    }

    #[test]
    fn keys_lowercase_as_their_words_do() {
        for word in [
            "", "A", "Z", "@[`{", "THE", "The", "aZ09-'_", "ABCDEFGH", "\u{7f}x",
        ] {
            let key = short_key_of(word.as_bytes()).map(ascii_lowercase_key);
            assert_eq!(
                key,
                short_key(word.bytes().map(|b| b.to_ascii_lowercase())),
                "{word:?}"
            );
        }
    }

    #[test]
    fn every_word_is_found_by_its_number() {
        for lang in Lang::ALL {
            let v = vocab(lang);
            let (mut short, mut long) = (0, 0);
            for (word, id) in v.words() {
                assert_eq!(v.tables.id(word), Some(id), "{word}");
                assert_eq!(v.lookup(word).2, Some(id), "{word}");
                match short_key_of(word.as_bytes()) {
                    Some(_) => short += 1,
                    None => long += 1,
                }
            }
            assert!(short > 100 && long > 100, "{short} {long}");
            for other in [
                "zzzz",
                "qwertyui",
                "a1b2c3",
                "x",
                "zzzzzzzzzzzzé",
                "anticonstitutionnellement",
            ] {
                assert_eq!(v.tables.id(other), None, "{other}");
            }
        }
        assert_eq!(short_key("abcdefghi".bytes()), None);
        assert_eq!(short_key("é".bytes()), None);
        assert_eq!(short_key("".bytes()), None);
        assert_ne!(short_key("ab".bytes()), short_key("ab\u{1}".bytes()));
    }

    /// What the reference vocabulary says of a word: its classes alone, those it starts, and
    /// its longer phrases by class, each as words in the order they are tried.
    type Said = (Classes, Classes, BTreeMap<u8, Vec<Vec<String>>>);

    /// The vocabulary of `compiled` as the lexicon's rules build it, word by word (what
    /// build.rs writes ahead, see [`VocabTables`]): each list's phrases added in the order of
    /// the classes, the words of roles, the given names, the months.
    fn reference(compiled: &LexiconPhrases) -> FastMap<&'static str, Said> {
        let mut raw: FastMap<&'static str, RawEntry> = FastMap::default();
        let mut lists = compiled.phrases.to_vec();
        lists.sort_by_key(|(class, _)| *class as u8);
        for &(class, phrases) in &lists {
            for words in phrases {
                add(&mut raw, class, words);
            }
        }
        for &(class, phrases) in &lists {
            for word in phrases.iter().flat_map(|words| words.iter()) {
                if class == Class::Role {
                    raw.entry(*word).or_default().single |= Class::RoleWord.bit();
                }
            }
        }
        for name in given_names() {
            raw.entry(name).or_default().single |= Class::GivenName.bit();
        }
        for &(_, words, _) in compiled.months {
            add(&mut raw, Class::Month, words);
        }
        raw.into_iter()
            .map(|(word, entry)| {
                let mut multi = entry.multi;
                multi.sort_by_key(|(_, rest)| std::cmp::Reverse(rest.len()));
                let mut by_class: BTreeMap<u8, Vec<Vec<String>>> = BTreeMap::new();
                for (class, rest) in multi {
                    let rest = rest.iter().map(|w| w.to_string()).collect();
                    by_class.entry(class as u8).or_default().push(rest);
                }
                (word, (entry.single, entry.starts, by_class))
            })
            .collect()
    }

    /// The tables build.rs writes say of every word what the lexicon's rules say, its phrases
    /// of each class in the order they are tried; the words they add (the taxonomy's) have no
    /// class; each pair of first words finds the phrases it starts, and no other; the months
    /// and punctuation marks are there.
    #[test]
    fn written_tables_say_what_the_lexicon_says() {
        for (lang, compiled) in [(Lang::Fr, &FR_TEST), (Lang::En, &EN_TEST)] {
            let v = vocab(lang);
            let want = reference(compiled);
            let text = |words: &[u32]| -> Vec<String> {
                words
                    .iter()
                    .map(|&w| v.tables.word(w).unwrap().to_string())
                    .collect()
            };
            let mut found = 0;
            for (word, id) in v.words() {
                let (single, starts, _) = v.lookup(word);
                let mut by_class: BTreeMap<u8, Vec<Vec<String>>> = BTreeMap::new();
                for (class, rest) in v.longer_phrases(id) {
                    by_class.entry(class as u8).or_default().push(text(rest));
                    // The pair of its first two words finds the phrase.
                    let second = WordId::new(rest[0]).unwrap();
                    assert!(
                        v.phrases_from(id, second, Classes::MAX)
                            .any(|(c, r)| c == class && r == rest),
                        "{word} {rest:?}"
                    );
                }
                let got = (single, starts, by_class);
                match want.get(word) {
                    Some(said) => {
                        assert_eq!(&got, said, "{word}");
                        found += 1;
                    }
                    None => assert_eq!(got, (0, 0, BTreeMap::new()), "{word}"),
                }
                for (_, second) in v.words().take(200) {
                    for (class, rest) in v.phrases_from(id, second, Classes::MAX) {
                        assert_eq!(rest[0], second.get(), "{word} {class:?}");
                    }
                }
            }
            assert_eq!(found, want.len(), "{lang:?}");
            for &(name, _, month) in compiled.months {
                assert_eq!(v.month(name), Some(month), "{name}");
            }
            assert_eq!(v.month("zzz"), None);
            for &(c, id) in v.tables.puncts {
                assert_eq!(v.punct_id(c).map(WordId::get), Some(id));
                assert_eq!(v.tables.word(id), Some(c.to_string().as_str()));
            }
        }
        assert!(vocab(Lang::Fr).punct_id('.').is_some());
    }

    /// The head a line is checked on before it is lowercased whole never turns away a line
    /// that starts with a phrase: letters that lowercase to two ("İ"), a whole phrase in
    /// capitals, a line exactly as long as the phrase.
    #[test]
    fn a_line_head_admits_every_line_a_phrase_starts() {
        let phrases = [
            "i̇stanbul".to_string(),
            "à propos".to_string(),
            "about us".to_string(),
        ];
        for line in [
            "İSTANBUL",
            "İstanbul office",
            "À PROPOS DE L'ONUDC",
            "à propos",
            "ABOUT US",
            "About Us: Europol",
        ] {
            assert!(may_start_line(line, &LineHeads::of(&phrases)), "{line}");
        }
        for line in [
            "Istan",
            "A propos",
            "",
            "propos",
            "About",
            "About-us",
            "About ÜS",
        ] {
            assert!(!may_start_line(line, &LineHeads::of(&phrases)), "{line}");
        }
        let classes = [
            LineClass::Boilerplate,
            LineClass::Clutter,
            LineClass::Notice,
            LineClass::MoreInfo,
            LineClass::Contact,
            LineClass::About,
            LineClass::Mandate,
            LineClass::Background,
            LineClass::PhotoCue,
            LineClass::SourceLabel,
        ];
        for lang in [Lang::En, Lang::Fr] {
            for class in classes {
                let phrases = vocab(lang).line_phrases(class);
                let heads = LineHeads::of(phrases);
                for phrase in phrases {
                    let line = format!("{} : la suite", phrase.to_uppercase());
                    assert!(may_start_line(&line, &heads), "{line}");
                    assert!(may_start_line(phrase, &heads), "{phrase}");
                }
            }
        }
    }

    #[test]
    fn stop_words_are_the_words_each_vocabulary_marks_stop() {
        let mut from_vocabs: FastMap<&str, u8> = FastMap::default();
        for (k, lang) in Lang::ALL.into_iter().enumerate() {
            let vocab = vocab(lang);
            for (word, _) in vocab.words() {
                if vocab.is(word, Class::Stop) {
                    *from_vocabs.entry(word).or_default() |= 1 << k;
                }
            }
        }
        assert!(from_vocabs.len() > 50, "{}", from_vocabs.len());
        assert_eq!(stop_words(), &from_vocabs);
    }

    static FR_TEST: LexiconPhrases = include!(concat!(env!("OUT_DIR"), "/lexicon-fr.rs"));
    static EN_TEST: LexiconPhrases = include!(concat!(env!("OUT_DIR"), "/lexicon-en.rs"));

    #[test]
    fn json_tables_hold_what_the_toml_files_say() {
        let fr: LexiconFile = toml::from_str(include_str!("lexicon/fr.toml")).unwrap();
        let en: LexiconFile = toml::from_str(include_str!("lexicon/en.toml")).unwrap();
        // The JSON leaves out the phrases and months, compiled in as words.
        for (lang, toml_file, compiled) in [(Lang::Fr, &fr, &FR_TEST), (Lang::En, &en, &EN_TEST)] {
            let mut without = format!("{toml_file:?}");
            let phrases = format!("{:?}", toml_file.phrases);
            let months = format!("{:?}", toml_file.months);
            without = without.replacen(&phrases, &format!("{:?}", Phrases::default()), 1);
            without = without.replacen(&months, "{}", 1);
            assert_eq!(format!("{:?}", file(lang)), without);
            let mut lists: Vec<(Class, Vec<Vec<String>>)> = compiled
                .phrases
                .iter()
                .map(|(class, list)| {
                    let words = list
                        .iter()
                        .map(|w| w.iter().map(|w| w.to_string()).collect());
                    (*class, words.collect())
                })
                .collect();
            lists.sort_by_key(|(class, _)| *class as u8);
            let from_toml: Vec<(Class, Vec<Vec<String>>)> = toml_file
                .phrases
                .lists()
                .into_iter()
                .filter(|(_, list)| !list.is_empty())
                .map(|(class, list)| (class, list.iter().map(|p| words_of(p)).collect()))
                .collect();
            assert_eq!(
                lists
                    .into_iter()
                    .filter(|(_, l)| !l.is_empty())
                    .collect::<Vec<_>>(),
                from_toml
            );
            let months: Vec<(&str, i8)> = compiled.months.iter().map(|m| (m.0, m.2)).collect();
            let toml_months: Vec<(&str, i8)> = toml_file
                .months
                .iter()
                .map(|(n, m)| (n.as_str(), *m))
                .collect();
            assert_eq!(months, toml_months);
        }
        let mut elisions: Vec<&str> = (fr.elisions.iter().chain(&en.elisions))
            .map(String::as_str)
            .collect();
        elisions.sort_unstable();
        elisions.dedup();
        assert_eq!(super::elisions(), elisions);
        let possessives = en.possessives.iter().chain(&fr.possessives);
        assert!(super::possessives().iter().eq(possessives));
        let names: NamesFile = toml::from_str(include_str!("lexicon/names.toml")).unwrap();
        assert!(GIVEN_NAMES.feminine.iter().eq(&names.feminine));
        assert!(GIVEN_NAMES.masculine.iter().eq(&names.masculine));
        let common_toml: Common = toml::from_str(include_str!("lexicon/common.toml")).unwrap();
        assert_eq!(format!("{:?}", common()), format!("{common_toml:?}"));
        assert!(!names.feminine.is_empty() && !common_toml.url_schemes.is_empty());
    }

    #[test]
    fn every_lexicon_file_loads_with_every_class_filled() {
        for source in [
            include_str!("lexicon/fr.toml"),
            include_str!("lexicon/en.toml"),
        ] {
            let file: LexiconFile = toml::from_str(source).unwrap();
            assert!(!file.months.is_empty());
            // English writes the adjectives of an organisation's name with capitals.
            let empty: Vec<Class> = file
                .phrases
                .lists()
                .into_iter()
                .filter(|(class, list)| list.is_empty() && *class != Class::OrgAdjective)
                .map(|(class, _)| class)
                .collect();
            assert_eq!(empty, [], "{}", file.tag);
        }
        let names: NamesFile = toml::from_str(include_str!("lexicon/names.toml")).unwrap();
        assert!(names.feminine.len() > 100 && names.masculine.len() > 100);
    }

    #[rstest]
    #[case::french_seed(crate::model::BUNDLED_RELEASE, Lang::Fr)]
    #[case::english(
        "The minister said that the agreement will help the police and the courts.",
        Lang::En
    )]
    #[case::french_short(
        "Le ministre a déclaré que l'accord aidera la police et les tribunaux.",
        Lang::Fr
    )]
    #[case::nothing("12345 !!!", Lang::En)]
    fn detect_picks_the_language_with_more_stop_words(#[case] text: &str, #[case] want: Lang) {
        assert_eq!(detect(text), want);
    }

    #[test]
    fn multiword_phrases_are_indexed_by_their_first_word() {
        let fr = vocab(Lang::Fr);
        assert!(fr.classes_of("secrétaire").1 & Class::Role.bit() != 0);
        let (_, _, Some(first)) = fr.lookup("secrétaire") else {
            panic!("'secrétaire' has no number");
        };
        let general = fr.lookup("général").2.map(WordId::get);
        let rest: Vec<&[u32]> = fr.phrases_after(first, Class::Role).collect();
        assert!(rest.iter().any(|r| r.len() == 1 && Some(r[0]) == general));
        assert!(fr.is("directrice", Class::Feminine));
        assert_eq!(fr.month("mai"), Some(5));
    }

    #[rstest]
    #[case("For more information:", LineClass::MoreInfo, true)]
    #[case("About Europol", LineClass::About, true)]
    #[case("Aboutissement", LineClass::About, false)]
    #[case("Share this page", LineClass::Clutter, true)]
    #[case(
        "WHO WE AREThe International Organization for Migration is part of the UN System",
        LineClass::Clutter,
        true
    )]
    #[case("Home Secretary Yvette Cooper said:", LineClass::Clutter, false)]
    #[case("HOME SECRETARY SIGNS AGREEMENT", LineClass::Clutter, false)]
    fn lines_match_their_class(#[case] line: &str, #[case] class: LineClass, #[case] want: bool) {
        assert_eq!(vocab(Lang::En).line_is(line, class), want);
    }

    #[test]
    fn line_phrase_gives_the_rest_of_the_line() {
        let en = vocab(Lang::En);
        assert_eq!(
            en.line_phrase("About Europol", LineClass::About),
            Some("Europol")
        );
        let fr = vocab(Lang::Fr);
        assert_eq!(
            fr.line_phrase("À propos de l'ONUDC :", LineClass::About),
            Some("l'ONUDC")
        );
    }

    /// The counts as [`detect`] made them before its ASCII shortcut: every word's lowercase
    /// built as a string and looked up as one.
    fn stop_counts_by_strings(text: &str) -> [usize; Lang::ALL.len()] {
        let mut scores = [0usize; Lang::ALL.len()];
        let mut lower = String::new();
        for (_, piece) in token::pieces(text) {
            lower.clear();
            token::push_lower_upto(piece, MAX_STOP_BYTES, &mut lower);
            if lower.len() > MAX_STOP_BYTES {
                continue;
            }
            if let Some(&langs) = stop_words().get(lower.as_str()) {
                for (k, score) in scores.iter_mut().enumerate() {
                    *score += usize::from(langs >> k & 1 == 1);
                }
            }
        }
        scores
    }

    /// ASCII words looked up as numbers count as their lowercase strings do: in every text
    /// of the fixtures, the real releases and the pages, and in words of every case, length
    /// and apostrophe, or that lowercase to ASCII from outside it (the Kelvin sign).
    #[test]
    fn stop_words_count_alike_looked_up_as_numbers_or_as_strings() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let mut texts = vec![
            "THE The tHe the OF of Of AND and LE la LES Les DES des À à Été ÉTÉ été".to_string(),
            "L'ONU l'ONU L\u{2019}ONU d'un D'UN qu'il QU'IL it's IT'S the's".to_string(),
            "\u{212a} \u{212a}ELVIN \u{130}L \u{130}STANBUL aa bbbbbbbb ccccccccc THEREFORE"
                .to_string(),
            "Deux-Sèvres co-operation-with AND-THE e-mail ÉTAIENT était étaient".to_string(),
        ];
        let mut dirs = vec![root];
        while let Some(dir) = dirs.pop() {
            for path in std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()) {
                if path.is_dir() {
                    dirs.push(path);
                } else if path
                    .extension()
                    .is_some_and(|e| e == "txt" || e == "md" || e == "html")
                    && let Ok(text) = std::fs::read_to_string(&path)
                {
                    texts.push(text);
                }
            }
        }
        assert!(texts.len() > 100, "{} texts", texts.len());
        let mut counted = 0;
        for text in &texts {
            let want = stop_counts_by_strings(text);
            assert_eq!(
                stop_counts(text),
                want,
                "{}",
                crate::import::words::cut_chars(text, 80)
            );
            counted += want.iter().sum::<usize>();
        }
        assert!(counted > 10_000, "{counted} stop words");
        // Capitals count: the shortcut lowercases as the tokenizer does.
        assert_eq!(stop_counts("THE OF AND"), stop_counts("the of and"));
        assert!(stop_counts("THE OF AND").iter().sum::<usize>() >= 3);
    }

    #[test]
    fn given_names_have_a_gender() {
        assert_eq!(given_name_gender("florence"), Some(Gender::Feminine));
        assert_eq!(given_name_gender("paul"), Some(Gender::Masculine));
    }
}
