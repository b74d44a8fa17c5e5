//! The items family: threats and cooperation areas, found two ways in every sentence of the
//! body (quotes included).
//!
//! - **Mentions**: any phrase of the taxonomy ([`Taxonomy::mention_at`]), wherever it stands:
//!   "cooperation against terrorism and organised crime", "the network was used for phishing
//!   campaigns and to recruit money mules".
//! - **Lists after a cue**: "emerging threats such as A, B and C", "s'inquiètent de A, B et C",
//!   "cooperate on A and B": each member is an item labelled with the release's own words,
//!   in the category of the taxonomy phrase inside it, or in none when the cue vouches for it.
//!
//! An item is a noun phrase with a known head or form, or a member of a cue's list; never a
//! verb, a number, a sentence fragment. No I/O here.

use crate::import::lexicon::Class;
use crate::import::pattern::Pat::{self, *};
use crate::import::pattern::{Rule, Slot, rule, scan};
use crate::import::taxonomy::{CategoryId, Mention, Taxonomy};
use crate::import::token::{Kind, Sent, shape};
use crate::model::CategoryKind;

/// "emerging threats such as", "les menaces émergentes, y compris", "threats posed by".
static THREAT_LIST: Pat = Seq(&[
    Save(
        Slot::Cue,
        &Seq(&[
            Opt(&Is(Class::Emerging)),
            Is(Class::ThreatCue),
            Opt(&Is(Class::Emerging)),
        ]),
    ),
    Opt(&P(',')),
    Is(Class::ListIntro),
]);

/// "s'inquiètent notamment de", "warned of".
static THREAT_INTRO: Pat = Seq(&[
    Save(Slot::Cue, &Is(Class::ThreatIntro)),
    Opt(&Is(Class::ItemFiller)),
]);

/// "cooperate on", "coopération en matière de", "areas of cooperation include".
static AREA_LIST: Pat = Seq(&[
    Save(Slot::Cue, &Is(Class::AreaCue)),
    Opt(&P(':')),
    Opt(&Is(Class::ListIntro)),
]);

/// "the agreement covers", "englobe": what follows may be anything the taxonomy knows.
static SCOPE_LIST: Pat = Seq(&[
    Save(Slot::Cue, &Is(Class::ScopeCue)),
    Opt(&P(':')),
    Opt(&Is(Class::ListIntro)),
]);

/// "against", "lutte contre", "to combat": what follows is fought, so it is a threat if the
/// taxonomy knows it.
static FOCUS_LIST: Pat = Seq(&[Save(Slot::Cue, &Is(Class::Focus))]);

/// The cues of lists.
pub(crate) static RULES: &[Rule] = &[
    rule!(threat_list, THREAT_LIST),
    rule!(threat_intro, THREAT_INTRO),
    rule!(area_list, AREA_LIST),
    rule!(scope_list, SCOPE_LIST),
    rule!(focus_list, FOCUS_LIST),
];

/// An item found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Item {
    /// Threat or area.
    pub kind: CategoryKind,
    /// Its category, when the taxonomy names it.
    pub category: Option<CategoryId>,
    /// The tokens of its label.
    pub label: (usize, usize),
    /// Tokens of an earlier member its label shares, written before it ("trafic" of "le
    /// trafic d'humains et de migrants" for "de migrants").
    pub shared_head: Option<(usize, usize)>,
    /// Tokens of a later form its label shares, written after it ("cooperation" of "police and
    /// judicial cooperation" for "police").
    pub shared_tail: Option<(usize, usize)>,
    /// Called new or emerging.
    pub emerging: bool,
    /// The number of the list it was read in, within its sentence (items of one list are
    /// distinct things, even of one category).
    pub list: Option<usize>,
    /// The number of the chain it was read in, within its sentence: threats named one after
    /// the other in prose ("investment scams, job scams and e-commerce scams") are distinct
    /// from each other, and otherwise prose mentions.
    pub chain: Option<usize>,
    /// A name ("European Multidisciplinary Platform Against Criminal Threats"): one thing of
    /// its own, the same as another item only by its words.
    pub proper: bool,
    /// Found by a word of cooperation and its partners alone (see [`Mention::partnered`]).
    pub partnered: bool,
    /// An event's name ("43rd ASEANAPOL Conference"): an area of a release about it, not of
    /// one that names it in passing.
    pub event: bool,
}

impl Item {
    /// A name that is an area or threat of its own (an instrument, an event), at tokens
    /// `label`.
    fn named(kind: CategoryKind, category: CategoryId, label: (usize, usize), event: bool) -> Item {
        Item {
            kind,
            category: Some(category),
            label,
            shared_head: None,
            shared_tail: None,
            emerging: false,
            list: None,
            chain: None,
            proper: true,
            partnered: false,
            event,
        }
    }
}

/// The most tokens of a modifier alone taken as an item ("les armes à feu").
const MAX_BARE_MODIFIER: usize = 4;
/// The most words a member may have around its item when its cue vouches for nothing.
const MAX_EXTRA_TOKENS: usize = 3;

/// The most tokens of one list member; longer, the list has become prose.
const MAX_MEMBER_TOKENS: usize = 14;
/// How far back a word of newness may stand from a mention ("the growing threat of").
const EMERGING_LOOKBACK: usize = 4;

/// What a list cue says of its members.
#[derive(Debug, Clone, Copy)]
struct Cue {
    /// The kind of a member the taxonomy does not know.
    kind: CategoryKind,
    /// Whether such a member is taken at all.
    vouches: bool,
    /// Whether the cue calls its members new.
    emerging: bool,
}

/// The members of a list from token `from` to token `until` at most: token ranges.
/// `starts_mention` tells whether a token starts a mention of the taxonomy.
fn members(
    sent: &Sent<'_>,
    (from, until): (usize, usize),
    starts_mention: impl Fn(usize) -> bool,
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = from;
    let mut at = from;
    let mut paired = false;
    // Inside a verb's clause ("to move drugs"), a one-word connector before a bare noun joins
    // the verb's objects ("and weapons"); before an article or a mention it starts a member.
    let mut in_clause = false;
    let close = |out: &mut Vec<(usize, usize)>, a: usize, b: usize| {
        if b > a {
            out.push((a, b));
        }
    };
    while let Some(tok) = sent.tok(at).filter(|_| at < until) {
        let ends_list = match tok.kind {
            Kind::Punct(c) => matches!(
                c,
                '.' | ';' | ':' | '!' | '?' | '(' | ')' | '«' | '»' | '“' | '”' | '"'
            ),
            Kind::Quote(_) => true,
            Kind::Word => at == start && (tok.is(Class::ListStopper) || tok.is(Class::SpeechVerb)),
        };
        if ends_list || at - start > MAX_MEMBER_TOKENS {
            break;
        }
        if let Some(n) = sent.phrase_at(at, Class::FixedPhrase) {
            at += n;
            continue;
        }
        if tok.is(Class::PairWord) {
            paired = true;
        }
        if let Some(n) = sent.phrase_at(at, Class::ClauseMark) {
            in_clause |= sent.tok(at + n).is_some_and(|t| t.is_word());
        }
        let connector = sent.phrase_at(at, Class::ListConnector);
        if tok.is_punct(',') || connector.is_some() {
            if connector.is_some() && paired {
                paired = false;
                at += 1;
                continue;
            }
            // A connector of several words ("and the", "as well as") starts a member.
            if connector == Some(1) && in_clause {
                let next = at + 1;
                let object = sent.tok(next).is_some_and(|t| {
                    t.is_word() && !t.is(Class::Determiner) && !t.is(Class::ListConnector)
                });
                if object && !starts_mention(next) {
                    at = next;
                    continue;
                }
            }
            in_clause = false;
            close(&mut out, start, at);
            at += if tok.is_punct(',') {
                // ", and" / ", et": one separator.
                1 + sent.phrase_at(at + 1, Class::ListConnector).unwrap_or(0)
            } else {
                connector.unwrap_or(1)
            };
            // "ainsi que les", "as well as the": the connector may end with an article.
            start = at;
            continue;
        }
        at += 1;
    }
    if at - start <= MAX_MEMBER_TOKENS {
        close(&mut out, start, at);
    }
    out
}

/// A member without its leading articles and fillers, and without a trailing drop ("entre
/// autres"); none when nothing is left or it ends with a list stopper.
fn trimmed(sent: &Sent<'_>, (mut a, mut b): (usize, usize)) -> Option<(usize, usize)> {
    // "de saisie", "sur leurs sources": a member that starts with a preposition starts with
    // what it is not.
    while let Some(n) = sent
        .phrase_at(a, Class::ItemFiller)
        .or_else(|| sent.phrase_at(a, Class::Determiner))
        .or_else(|| sent.phrase_at(a, Class::ListConnector))
        .or_else(|| sent.phrase_at(a, Class::ItemPreposition))
    {
        a += n;
    }
    while b > a && sent.tok(b - 1).is_some_and(|t| !t.is_word()) {
        b -= 1;
    }
    if (a..b).any(|i| {
        sent.phrase_at(i, Class::ListDrop)
            .is_some_and(|n| i + n >= b)
    }) {
        return None;
    }
    (b > a).then_some((a, b))
}

/// True when a member the taxonomy does not know still reads as an item: a short noun
/// phrase, with no figure, no verb of speech, no pronoun.
fn reads_as_item(sent: &Sent<'_>, (a, b): (usize, usize)) -> bool {
    let words = (a..b)
        .filter(|&i| sent.tok(i).is_some_and(|t| t.is_word()))
        .count();
    (2..=10).contains(&words)
        && sent
            .tok(a)
            .is_some_and(|t| t.is_word() && t.shape & shape::DIGIT == 0)
        && (a..b).all(|i| {
            sent.tok(i).is_some_and(|t| {
                !t.has(shape::HAS_DIGIT)
                    && !t.is(Class::SpeechVerb)
                    && !t.is(Class::PronounF)
                    && !t.is(Class::PronounM)
                    && !t.is(Class::PronounPlural)
                    && !t.is(Class::ListStopper)
                    && !t.is(Class::ThreatCue)
                    && !t.is(Class::AreaCue)
            })
        })
}

/// True when `mention` is a name rather than a thing: every word capitalised, inside the
/// sentence ("the Canadian Centre for Cyber Security").
fn inside_a_name(sent: &Sent<'_>, mention: &Mention) -> bool {
    mention.start > 0
        && (mention.start..mention.end).all(|i| {
            sent.tok(i)
                .is_none_or(|t| !t.is_word() || t.has(shape::CAP) || t.is(Class::OrgConnector))
        })
}

/// True when a word of newness stands just before token `at`, in the same clause.
fn new_before(sent: &Sent<'_>, at: usize) -> bool {
    (at.saturating_sub(EMERGING_LOOKBACK)..at)
        .rev()
        .take_while(|&i| sent.tok(i).is_some_and(|t| t.is_word() || t.is_punct('\'')))
        .any(|i| sent.is(i, Class::Emerging))
}

/// The taxonomy's mentions in the sentence, left to right, without overlaps.
fn mentions_in(sent: &Sent<'_>, taxonomy: &Taxonomy) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < sent.len() {
        match taxonomy.mention_at(sent, at) {
            Some(m) if m.end > at => {
                // A threat's words in a name ("the European Cybercrime Centre") name the
                // organisation; an area's ("the Joint Agency Task Force") name the area.
                let threat =
                    taxonomy.category(m.category).map(|(_, k)| k) == Some(CategoryKind::Threat);
                let named = threat && inside_a_name(sent, &m) && !an_event_s_topic(sent, &m);
                if !named && !verb_with_object(sent, &m) {
                    out.push(m);
                }
                at = m.end;
            }
            _ => at += 1,
        }
    }
    out
}

/// The most tokens between an event's noun and a threat its name is about.
const MAX_TOPIC_GAP: usize = 12;

/// True when `mention` is in the name of an event it is the topic of: "the Regional Ministerial
/// Conference on People Smuggling, Trafficking in Persons and Related Transnational Crime", a
/// "Summit against Online Scams". Back from the mention, over words of the name, commas and
/// connectors, an event's noun that names no body ("Commission on Narcotic Drugs" is a body).
fn an_event_s_topic(sent: &Sent<'_>, mention: &Mention) -> bool {
    let lower_bound = mention.start.saturating_sub(MAX_TOPIC_GAP);
    for at in (lower_bound..mention.start).rev() {
        if sent.is(at, Class::EventNoun) {
            return !sent.is(at, Class::OrgWord);
        }
        let goes_on = sent
            .tok(at)
            .is_some_and(|t| t.is_punct(',') || t.is_word() && t.has(shape::CAP))
            || sent.is(at, Class::OrgConnector)
            || sent.is(at, Class::ListConnector);
        if !goes_on {
            return false;
        }
    }
    false
}

/// True when a mention of one word is a verb's form with its object after it: "safeguarding
/// the maritime sector's competitiveness" names no area.
fn verb_with_object(sent: &Sent<'_>, mention: &Mention) -> bool {
    mention.end == mention.start + 1
        && sent.is(mention.end, Class::Determiner)
        && sent.lower(mention.start).is_some_and(|word| {
            sent.vocab
                .gerund_suffixes
                .iter()
                .any(|suffix| word.len() > suffix.len() + 2 && word.ends_with(suffix.as_str()))
        })
}

/// The kind of a category.
fn kind_of(taxonomy: &Taxonomy, id: CategoryId) -> Option<CategoryKind> {
    taxonomy.category(id).map(|(_, kind)| kind)
}

/// True when tokens `a..b` are capitalised words inside an organisation's name: "Drugs" of
/// "Office on Drugs and Crime", "Cybercrime" of "Cybercrime Unit".
fn in_proper_name(sent: &Sent<'_>, a: usize, b: usize) -> bool {
    let cap = |i: usize| sent.tok(i).is_some_and(|t| t.has(shape::CAP));
    let all_cap = (a..b).all(|i| {
        sent.tok(i)
            .is_some_and(|t| !t.is_word() || t.has(shape::CAP))
    });
    let org_word_after = cap(b) && sent.is(b, Class::OrgWord);
    let org_before = a.checked_sub(1).is_some_and(|before| {
        cap(before) && sent.is(before, Class::OrgWord)
            || sent.is(before, Class::OrgConnector)
                && before
                    .checked_sub(1)
                    .is_some_and(|name| cap(name) && sent.tok(name).is_some_and(|t| t.is_word()))
    });
    // Sentence case starts with a capital: the first word alone says nothing, but a body's
    // noun in capitals after it does ("Frauds Bureau", "Human Trafficking Unit" in a list of
    // an office's units).
    all_cap && (a > 0 && org_before || org_word_after)
}

/// True when tokens `a..b` are capitalised words with a word of a name on either side, in a
/// sentence whose capitals tell names: "Prevention" of "Human Trafficking Prevention Month",
/// "Training" of "Police Training Academy Director", "Task Force" of "the Joint Agency Task
/// Force". A name whose last word makes it an area
/// ("Network", "Platform") is read whole by the instruments' rule.
fn between_name_words(sent: &Sent<'_>, a: usize, b: usize) -> bool {
    let all_cap = (a..b).all(|i| {
        sent.tok(i)
            .is_some_and(|t| !t.is_word() || t.has(shape::CAP))
    });
    // A body's noun closes a name: "Task Force" of "Paramilitary Crime Task Force".
    let closes_a_body = b
        .checked_sub(1)
        .is_some_and(|last| sent.is(last, Class::OrgWord));
    all_cap
        && a.checked_sub(1)
            .is_some_and(|before| before > 0 && name_word(sent, before))
        && (name_word(sent, b) || closes_a_body)
        // A headline in title case tells no names, but one word of it between two others of
        // a name is no more likely an area than part of that name.
        && (b == a + 1 || !crate::import::extract::capitals_say_nothing(sent))
}

/// The most words of a body's name written in sentence case, before the acronym in brackets
/// that closes it.
const MAX_BODY_NAME_WORDS: usize = 16;

/// True when tokens `a..b` lie in a body's name written in sentence case and closed by its
/// acronym: "traite des êtres humains" of "l'Office central pour la répression de la traite
/// des êtres humains (OCRTEH)". The name starts with a capitalised organisation noun inside
/// the sentence; lowercase words only stand between it, the tokens and the acronym.
fn in_sentence_case_name(sent: &Sent<'_>, a: usize, b: usize) -> bool {
    let noun = (a.saturating_sub(MAX_BODY_NAME_WORDS)..a)
        .rev()
        .take_while(|&i| i > 0)
        .find(|&i| !lower_in_name(sent, i))
        .filter(|&i| sent.is(i, Class::OrgWord) && sent.tok(i).is_some_and(|t| t.has(shape::CAP)));
    noun.is_some() && acronym_after_lower(sent, b, MAX_BODY_NAME_WORDS).is_some()
}

/// True when token `i` is a lowercase word, or an elision's apostrophe, of a name in sentence
/// case ("de la", "l'").
fn lower_in_name(sent: &Sent<'_>, i: usize) -> bool {
    sent.tok(i)
        .is_some_and(|t| t.is_word() && !t.has(shape::CAP))
        || sent.is_punct(i, '\'')
}

/// The end of the acronym in brackets that closes a name at token `at`, or after at most
/// `most` lowercase words from there ("… de la traite des êtres humains (OCRTEH)").
fn acronym_after_lower(sent: &Sent<'_>, at: usize, most: usize) -> Option<usize> {
    (at..=at + most)
        .find(|&i| !lower_in_name(sent, i))
        .and_then(|i| acronym_at(sent, i))
}

/// True when tokens `a..b` are capitalised words after a capitalised organisation noun and its
/// preposition: "Crime Prevention" of "Commission on Crime Prevention".
fn after_a_body_noun(sent: &Sent<'_>, a: usize, b: usize) -> bool {
    let all_cap = (a..b).all(|i| {
        sent.tok(i)
            .is_some_and(|t| !t.is_word() || t.has(shape::CAP))
    });
    all_cap
        && a.checked_sub(1).is_some_and(|before| {
            sent.is(before, Class::OrgConnector)
                && before.checked_sub(1).is_some_and(|noun| {
                    sent.is(noun, Class::OrgWord)
                        && sent.tok(noun).is_some_and(|t| t.has(shape::CAP))
                })
        })
}

/// The most words of a name on either side of its instrument word.
const MAX_NAME_WORDS: usize = 6;
/// The most lowercase words between a capitalised instrument word and the acronym in brackets
/// that closes its name ("Plateforme pluridisciplinaire européenne contre les menaces
/// criminelles (EMPACT)").
const MAX_LOWER_NAME_WORDS: usize = 8;

/// True when token `i` is a word of a name: capitalised, no article ("The").
fn name_word(sent: &Sent<'_>, i: usize) -> bool {
    sent.tok(i)
        .is_some_and(|t| t.is_word() && t.has(shape::CAP) && !t.is(Class::Determiner))
}

/// Where a run of name words starting at `at` ends, over the connectors inside it ("Counter-
/// Terrorism for the Western Balkans"); `at` itself when there is none.
fn name_words_end(sent: &Sent<'_>, at: usize) -> usize {
    let mut end = at;
    let mut next = at;
    while next < at + MAX_NAME_WORDS {
        if name_word(sent, next) {
            next += 1;
            end = next;
        } else if next > at
            && sent.is(next, Class::OrgConnector)
            && !sent.is(next, Class::ListConnector)
        {
            next += 1;
            next += sent.phrase_at(next, Class::Determiner).unwrap_or(0);
        } else {
            break;
        }
    }
    end
}

/// The end of an acronym in brackets at token `at` ("(EMPACT)").
fn acronym_at(sent: &Sent<'_>, at: usize) -> Option<usize> {
    let acronym = sent.tok(at + 1).is_some_and(|t| t.has(shape::UPPER));
    (sent.is_punct(at, '(') && acronym && sent.is_punct(at + 2, ')')).then_some(at + 3)
}

/// The name around an instrument word at `head..head_end`, if it is one: name words before
/// it ("European Multidisciplinary Platform", "Get Cyber Safe campaign"), or the word itself
/// capitalised inside the sentence with a complement in capitals ("Accord de San José") or
/// an acronym in brackets closing it; then that complement and acronym.
fn name_around(sent: &Sent<'_>, head: usize, head_end: usize) -> Option<(usize, usize)> {
    let mut start = head;
    while start > 0 && head - start < MAX_NAME_WORDS && name_word(sent, start - 1) {
        start -= 1;
    }
    // The sentence's first word is capitalised by the sentence, not by a name.
    let before = if start == 0 {
        head.saturating_sub(1)
    } else {
        head - start
    };
    let capital = name_word(sent, head);
    // "of", "against", "de"; not "and": "the Action Plan and the EU toolbox" are two; nor a
    // place or a time: "the ASEANAPOL Conference in Bangkok".
    let complement = (!sent.is(head_end, Class::ListConnector)
        && !sent.is(head_end, Class::ItemTail))
    .then(|| sent.phrase_at(head_end, Class::OrgConnector))
    .flatten()
    .map(|n| head_end + n)
    .map(|at| at + sent.phrase_at(at, Class::Determiner).unwrap_or(0))
    .map(|at| name_words_end(sent, at))
    .filter(|&end| name_word(sent, end.saturating_sub(1)) && end > head_end + 1);
    let end = complement.unwrap_or(head_end);
    // Right after the name, or after lowercase words when the instrument word is capitalised
    // inside the sentence ("Plateforme pluridisciplinaire … (EMPACT)").
    let most = if capital && head > 0 {
        MAX_LOWER_NAME_WORDS
    } else {
        0
    };
    let (end, acronym) = match acronym_after_lower(sent, end, most) {
        Some(after) => (after, true),
        None => (end, false),
    };
    // An instrument of several words, each capitalised inside the sentence, is a name of its
    // own ("the Experts' Groups have developed Plans of Action").
    let capitalised = head_end > head + 1
        && (head..head_end).all(|i| name_word(sent, i) || sent.is(i, Class::OrgConnector));
    // A lowercase instrument word takes two name words before it: "the Europol platform" is
    // Europol's, the "Get Cyber Safe campaign" a name.
    let named = if capital {
        before >= 1 || head > 0 && (complement.is_some() || acronym || capitalised)
    } else {
        before >= 2
    };
    named.then_some((start, end))
}

/// Names that are areas of their own: a platform, a network, an action plan, a campaign, a
/// database, named with capitals ("the European Multidisciplinary Platform Against Criminal
/// Threats (EMPACT)", "the Get Cyber Safe campaign", "l'Accord de San José").
fn named_instruments(sent: &Sent<'_>, taxonomy: &Taxonomy) -> Vec<Item> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < sent.len() {
        let Some((head_end, category)) = taxonomy.instrument_at(sent, at) else {
            at += 1;
            continue;
        };
        let Some((start, end)) = name_around(sent, at, head_end) else {
            at = head_end;
            continue;
        };
        if let Some(kind) = kind_of(taxonomy, category) {
            let event = (at..head_end).any(|i| sent.is(i, Class::EventNoun));
            out.push(Item::named(kind, category, (start, end), event));
        }
        at = end;
    }
    out
}

/// Forms of two words whose head is shared across "and" with a form just before or after:
/// "judiciaire" of "la coopération policière et judiciaire", "police" of "police and judicial
/// cooperation". Each is an item of the category its own form names.
fn coordinated(sent: &Sent<'_>, taxonomy: &Taxonomy, mentions: &[Mention]) -> Vec<Item> {
    let one_word_and = |i: usize| sent.phrase_at(i, Class::ListConnector) == Some(1);
    let free = |i: usize| {
        sent.tok(i)
            .is_some_and(|t| t.is_word() && t.shape & shape::CAP == 0)
            && !sent.is(i, Class::Determiner)
            && !mentions.iter().any(|x| x.start <= i && i < x.end)
    };
    let form_of = |first: usize, second: usize| {
        sent.lower(first)
            .zip(sent.lower(second))
            .and_then(|(a, b)| taxonomy.pair_form(a, b))
    };
    let item = |category: CategoryId, word: usize, head: (usize, usize), before: bool| {
        kind_of(taxonomy, category).map(|kind| Item {
            kind,
            category: Some(category),
            label: (word, word + 1),
            shared_head: (!before).then_some(head),
            shared_tail: before.then_some(head),
            emerging: false,
            list: None,
            chain: None,
            proper: false,
            partnered: false,
            event: false,
        })
    };
    // A comma or "and" between two members of the chain.
    let joins = |i: usize| one_word_and(i) || sent.tok(i).is_some_and(|t| t.is_punct(','));
    let mut out = Vec::new();
    for m in mentions.iter().filter(|m| m.form && m.end == m.start + 2) {
        // The head first: "coopération policière, douanière et judiciaire".
        let mut at = m.end;
        while joins(at)
            && free(at + 1)
            && let Some(category) = form_of(m.start, at + 1)
        {
            out.extend(item(category, at + 1, (m.start, m.start + 1), false));
            at += 2;
        }
        // The head last: "police, customs and judicial cooperation".
        let head = m.end - 1;
        let mut at = m.start;
        while let Some(before) = at.checked_sub(2)
            && joins(before + 1)
            && free(before)
            && let Some(category) = form_of(before, head)
        {
            out.extend(item(category, before, (head, head + 1), true));
            at = before;
        }
    }
    out
}

/// The most words of a member of a chain before its head, that the taxonomy does not know
/// ("job" of "investment scams, job scams and e-commerce scams").
const MAX_CHAIN_WORDS: usize = 3;

/// Threats named one after the other in prose, joined by commas and "and": "investment
/// scams, job scams, e-commerce scams and internet love scams" are distinct crimes, as the
/// members of a cue's list are. For each mention: where its label starts (a member's words
/// before a head the taxonomy knows alone count), and the number of its chain, if any.
fn chained(
    sent: &Sent<'_>,
    taxonomy: &Taxonomy,
    mentions: &[Mention],
) -> Vec<(usize, Option<usize>)> {
    let threat = |m: &Mention| kind_of(taxonomy, m.category) == Some(CategoryKind::Threat);
    // The first word after the separator that joins `before` to `after`, if one does.
    let joined = |before: &Mention, after: &Mention| {
        let mut at = before.end;
        if sent.tok(at).is_some_and(|t| t.is_punct(',')) {
            at += 1;
        }
        match sent.phrase_at(at, Class::ListConnector) {
            Some(n) => at += n,
            None if at == before.end => return None,
            None => {}
        }
        let free = |i: usize| {
            sent.tok(i).is_some_and(|t| {
                t.is_word() && t.shape & shape::CAP == 0 && !t.has(shape::HAS_DIGIT)
            }) && ![
                Class::Determiner,
                Class::ListStopper,
                Class::ListIntro,
                Class::ItemFiller,
                Class::ItemPreposition,
            ]
            .into_iter()
            .any(|class| sent.is(i, class))
                && sent.phrase_at(i, Class::ListConnector).is_none()
        };
        let words = after.start.checked_sub(at)?;
        // Words before a head only where the members share it ("investment scams, job
        // scams"): "phishing campaigns and to recruit money mules" is no member "to recruit".
        let same_head = sent.lower(before.end - 1).is_some()
            && sent.lower(before.end - 1) == sent.lower(after.end - 1);
        let fits = words == 0 || same_head && words <= MAX_CHAIN_WORDS;
        (fits && (at..after.start).all(free)).then_some(at)
    };
    // A head alone names no crime of its own ("online fraud and scams").
    let bare = |m: &Mention, start: usize| {
        start == m.start && m.end == m.start + 1 && taxonomy.head_kind(sent, m.start).is_some()
    };
    let mut out: Vec<(usize, Option<usize>)> = mentions.iter().map(|m| (m.start, None)).collect();
    let mut chains = 0;
    for (i, pair) in mentions.windows(2).enumerate() {
        let [before, after] = pair else { continue };
        if !(threat(before) && threat(after)) {
            continue;
        }
        let Some(start) = joined(before, after) else {
            continue;
        };
        let before_start = out.get(i).map_or(before.start, |(s, _)| *s);
        if bare(before, before_start) || bare(after, start) {
            continue;
        }
        let chain = match out.get(i).and_then(|(_, c)| *c) {
            Some(n) => n,
            None => {
                chains += 1;
                chains
            }
        };
        if let Some(first) = out.get_mut(i) {
            first.1 = Some(chain);
        }
        if let Some(second) = out.get_mut(i + 1) {
            *second = (start, Some(chain));
        }
    }
    out
}

/// The most tokens of an event's topic in a headline.
const MAX_TOPIC_TOKENS: usize = 16;

/// The most adjectives between an event's noun and its topic ("atelier régional sur").
const MAX_EVENT_ADJECTIVES: usize = 3;

/// The event a headline is about, named in lowercase with its topic: "Ouverture de l'atelier
/// régional sur la coopération en matière de trafic illicite de stupéfiants", "EU-Western
/// Balkans ministerial forum on justice and home affairs: …". An event's noun the taxonomy
/// lists as an instrument, its adjectives, a topic's preposition and the topic, up to the
/// clause's end. Not "UNODC meeting in Vienna": a place is no topic.
pub(crate) fn headline_event(sent: &Sent<'_>, taxonomy: &Taxonomy) -> Option<Item> {
    (0..sent.len()).find_map(|at| {
        if !sent.is(at, Class::EventNoun) {
            return None;
        }
        let (head_end, category) = taxonomy.instrument_at(sent, at)?;
        let adjective =
            |i: usize| sent.is(i, Class::ItemAdjective) || sent.is(i, Class::OrgAdjective);
        let mut start = at;
        while start > 0 && adjective(start - 1) {
            start -= 1;
        }
        let mut topic = head_end;
        while adjective(topic) && topic < head_end + MAX_EVENT_ADJECTIVES {
            topic += 1;
        }
        let mut end = topic + sent.phrase_at(topic, Class::EventTopic)?;
        while end < topic + MAX_TOPIC_TOKENS
            && sent.tok(end).is_some_and(|t| {
                t.is_word() || t.is_punct('\'') || t.is_punct('’') || t.is_punct('-')
            })
        {
            end += 1;
        }
        let kind = kind_of(taxonomy, category)?;
        (end > topic + 1).then_some(Item::named(kind, category, (start, end), true))
    })
}

/// The sentence's mentions that are no words of a name, and its named instruments.
fn mentions_and_names(sent: &Sent<'_>, taxonomy: &Taxonomy) -> (Vec<Mention>, Vec<Item>) {
    let mut mentions = mentions_in(sent, taxonomy);
    // A threat inside an organisation's name is no threat; an area may be one ("ASEAN Police
    // Forensic Science Network" is a network the parties run).
    // An area's words after a body's noun and its preposition name that body ("the Commission
    // on Crime Prevention and Criminal Justice"), not an area; "INTERPOL Red Notices" and the
    // "Joint Agency Task Force" still are areas.
    // A body's name in sentence case names the body, whatever its words ("l'Office central pour
    // la répression de la traite des êtres humains (OCRTEH)").
    mentions.retain(|m| {
        let named = match kind_of(taxonomy, m.category) {
            Some(CategoryKind::Threat) => in_proper_name(sent, m.start, m.end),
            _ => {
                after_a_body_noun(sent, m.start, m.end) || between_name_words(sent, m.start, m.end)
            }
        };
        !named && !in_sentence_case_name(sent, m.start, m.end)
    });
    // A name is one item: the taxonomy's words inside it are its own, but for the threats an
    // event is about ("the Regional Ministerial Conference on People Smuggling").
    let names = named_instruments(sent, taxonomy);
    mentions.retain(|m| {
        !names.iter().any(|n| {
            let topic = kind_of(taxonomy, m.category) == Some(CategoryKind::Threat)
                && (n.label.0..m.start).any(|i| sent.is(i, Class::EventNoun));
            m.start < n.label.1 && n.label.0 < m.end && !topic
        })
    });
    (mentions, names)
}

/// Every threat and area of a sentence.
pub(crate) fn items_in(sent: &Sent<'_>, taxonomy: &Taxonomy) -> Vec<Item> {
    let (mut mentions, names) = mentions_and_names(sent, taxonomy);
    let mut out = coordinated(sent, taxonomy, &mentions);
    out.extend(names);
    let cues = scan(RULES, sent);
    // A list ends where the next cue starts: "englobe les menaces émergentes, y compris ...".
    let ends: Vec<usize> = cues
        .iter()
        .skip(1)
        .map(|(_, m)| m.start)
        .chain(std::iter::once(sent.len()))
        .collect();
    for (list, ((rule, m), until)) in cues.iter().zip(ends).enumerate() {
        // The list starts right after its cue.
        let from = m.end;
        let cue_new = m
            .caps
            .get(Slot::Cue)
            .is_some_and(|(a, b)| (a..b).any(|i| sent.is(i, Class::Emerging)));
        let cue = cue_for(rule, cue_new);
        let starts_mention = |at: usize| mentions.iter().any(|x| x.start == at);
        let listed: Vec<(usize, usize)> = members(sent, (from, until), starts_mention)
            .into_iter()
            .filter_map(|member| trimmed(sent, member))
            .collect();
        // A member the taxonomy does not know is vouched for only by a list that names at
        // least one item the taxonomy knows.
        let known = listed
            .iter()
            .any(|(a, b)| mentions.iter().any(|x| x.start >= *a && x.end <= *b));
        let mut previous_head: Option<usize> = None;
        for (a, b) in listed {
            let inside: Vec<Mention> = mentions
                .iter()
                .filter(|x| x.start >= a && x.end <= b)
                .copied()
                .collect();
            mentions.retain(|x| !(x.start >= a && x.end <= b));
            let head_here = taxonomy.head_kind(sent, a).map(|_| a);
            let mut category = inside.first().map(|x| x.category);
            let mut shared_head = None;
            if category.is_none() {
                let bare = taxonomy.modifier_at(sent, a).filter(|(end, _)| *end >= b);
                // "le trafic d'humains et de migrants": "de migrants" shares "trafic".
                let elided = a
                    .checked_sub(1)
                    .is_some_and(|p| sent.is(p, Class::ItemPreposition));
                match (bare, previous_head) {
                    (Some((_, id)), Some(head))
                        if elided && taxonomy.head_kind(sent, head) == kind_of(taxonomy, id) =>
                    {
                        category = Some(id);
                        shared_head = Some((head, head + 1));
                    }
                    // "contre les armes à feu": a modifier alone, after a threat cue.
                    (Some((_, id)), _)
                        if cue.kind == CategoryKind::Threat
                            && kind_of(taxonomy, id) == Some(CategoryKind::Threat)
                            && b - a <= MAX_BARE_MODIFIER =>
                    {
                        category = Some(id);
                    }
                    _ => {}
                }
            }
            previous_head = head_here.or(previous_head);
            let kind = category.and_then(|id| kind_of(taxonomy, id));
            if category.is_none() && !(cue.vouches && known && reads_as_item(sent, (a, b))) {
                continue;
            }
            let label = member_label(sent, cue, inside.first(), (a, b), shared_head.is_some());
            // "contre le terrorisme et la criminalité, en étroite collaboration avec l'Union
            // africaine, la CEDEAO et …": after a form of cooperation, a threat's list goes on
            // with its partners, no threats.
            let partners_follow =
                cue.kind == CategoryKind::Threat && kind == Some(CategoryKind::Area);
            out.push(Item {
                kind: kind.unwrap_or(cue.kind),
                category,
                label,
                shared_head,
                shared_tail: None,
                emerging: cue.emerging || inside.iter().any(|x| new_before(sent, x.start)),
                list: Some(list),
                chain: None,
                proper: false,
                partnered: false,
                event: false,
            });
            if partners_follow {
                break;
            }
        }
    }
    let chains = chained(sent, taxonomy, &mentions);
    for (mention, (start, chain)) in mentions.into_iter().zip(chains) {
        let Some(kind) = kind_of(taxonomy, mention.category) else {
            continue;
        };
        out.push(Item {
            kind,
            category: Some(mention.category),
            label: (start, mention.end),
            shared_head: None,
            shared_tail: None,
            emerging: kind == CategoryKind::Threat && new_before(sent, mention.start),
            list: None,
            chain,
            proper: false,
            partnered: mention.partnered,
            event: false,
        });
    }
    out.sort_by_key(|item| item.label.0);
    out
}

/// The label of a list member `(a, b)` with the first mention `inside` it.
fn member_label(
    sent: &Sent<'_>,
    cue: Cue,
    inside: Option<&Mention>,
    (a, b): (usize, usize),
    shared_head: bool,
) -> (usize, usize) {
    // A long member after a cue that vouches for nothing is prose around its item:
    // the item's own words are the label.
    match inside {
        Some(x) if !cue.vouches && (b - a) > (x.end - x.start) + MAX_EXTRA_TOKENS => {
            (x.start, x.end)
        }
        // "against online fraud led to 3,000 arrests": a figure after the item is the
        // clause going on, no part of it.
        Some(x) if (x.end..b).any(|i| sent.tok(i).is_some_and(|t| t.has(shape::HAS_DIGIT))) => {
            (a, x.end)
        }
        // "drug trafficking across the region": where and when are no part of it.
        Some(x) if x.end < b && sent.phrase_at(x.end, Class::ItemTail).is_some() => (a, x.end),
        // The preposition after the shared head: "trafic" + "de migrants".
        _ if shared_head => (a.saturating_sub(1), b),
        _ => (a, b),
    }
}

/// What the cue of `rule` says of its members.
fn cue_for(rule: &Rule, cue_new: bool) -> Cue {
    let (kind, vouches) = if std::ptr::eq(rule.pat, &SCOPE_LIST) {
        (CategoryKind::Area, false)
    } else if std::ptr::eq(rule.pat, &THREAT_LIST) || std::ptr::eq(rule.pat, &THREAT_INTRO) {
        (CategoryKind::Threat, true)
    } else if std::ptr::eq(rule.pat, &AREA_LIST) {
        (CategoryKind::Area, true)
    } else {
        (CategoryKind::Threat, false)
    };
    Cue {
        kind,
        vouches,
        emerging: cue_new,
    }
}

#[cfg(test)]
#[allow(
    clippy::indexing_slicing,
    reason = "a test fails loudly on a wrong length"
)]
mod tests {
    use super::*;
    use crate::import::lexicon::vocab;
    use crate::import::taxonomy::taxonomy;
    use crate::import::token::{TokenBuf, tokenize};
    use crate::model::Lang;
    use rstest::rstest;

    fn items(text: &str, lang: Lang) -> Vec<(String, &'static str, Option<String>, bool)> {
        let v = vocab(lang);
        let tax = taxonomy(lang);
        let mut buf = TokenBuf::default();
        tokenize(text, &mut buf);
        buf.annotate(v);
        let sent = buf.sent(text, 0..buf.len(), v);
        items_in(&sent, tax)
            .into_iter()
            .map(|item| {
                let kind = match item.kind {
                    CategoryKind::Threat => "threat",
                    CategoryKind::Area => "area",
                };
                (
                    sent.slice(item.label.0, item.label.1).unwrap().to_string(),
                    kind,
                    item.category
                        .and_then(|c| tax.category(c))
                        .map(|(id, _)| id.to_string()),
                    item.emerging,
                )
            })
            .collect()
    }

    #[test]
    fn a_conference_s_topic_is_a_threat() {
        let got = items(
            "Ministers met at the Regional Ministerial Conference on People Smuggling, Trafficking in Persons and Related Transnational Crime.",
            Lang::En,
        );
        assert!(
            got.iter()
                .any(|(l, kind, ..)| l == "Trafficking in Persons" && *kind == "threat"),
            "{got:?}"
        );
    }

    #[rstest]
    #[case::undercover_en(
        "It was led by an NYPD undercover detective who bought 51 guns.",
        Lang::En,
        "undercover detective"
    )]
    #[case::wiretaps_en(
        "The investigation relied on wiretaps and video surveillance.",
        Lang::En,
        "wiretaps"
    )]
    #[case::ecoutes_fr(
        "Les enquêteurs ont mené des écoutes téléphoniques pendant six mois.",
        Lang::Fr,
        "écoutes téléphoniques"
    )]
    fn special_investigative_techniques_are_areas(
        #[case] text: &str,
        #[case] lang: Lang,
        #[case] label: &str,
    ) {
        let got = items(text, lang);
        assert!(
            got.iter().any(|(l, _, c, _)| l == label
                && c.as_deref() == Some("special-investigative-techniques")),
            "{got:?}"
        );
    }

    #[test]
    fn prose_names_threats_without_a_cue() {
        let got = items(
            "The network was used for phishing campaigns and to recruit money mules.",
            Lang::En,
        );
        let labels: Vec<&str> = got.iter().map(|(l, ..)| l.as_str()).collect();
        assert!(labels.iter().any(|l| l.starts_with("phishing")), "{got:?}");
        assert!(labels.contains(&"money mules"), "{got:?}");
    }

    #[rstest]
    #[case::a_month_s_name("It is launched during Human Trafficking Prevention Month.", Lang::En)]
    #[case::an_academy_s_name(
        "Ms Owusu, an analyst at the Kofi Annan International Peacekeeping Training Centre, warned.",
        Lang::En
    )]
    #[case::a_task_force_s_name(
        "The Paramilitary Crime Task Force and the Mexican Fugitive Task Force arrested him.",
        Lang::En
    )]
    #[case::a_headline_word(
        "Office Launches New Unit During Human Trafficking Prevention Month",
        Lang::En
    )]
    fn an_area_s_words_inside_a_name_are_no_area(#[case] text: &str, #[case] lang: Lang) {
        let got = items(text, lang);
        assert!(got.iter().all(|(_, kind, ..)| *kind != "area"), "{got:?}");
    }

    #[rstest]
    #[case::a_unit_first_in_its_line("Human Trafficking Unit", Lang::En)]
    #[case::a_bureau_first_in_its_line("Frauds Bureau", Lang::En)]
    #[case::a_body_inside_a_sentence(
        "The Office on Drugs and Crime and the European Cybercrime Centre met.",
        Lang::En
    )]
    fn a_threat_s_words_in_a_body_s_name_are_no_threat(#[case] text: &str, #[case] lang: Lang) {
        let got = items(text, lang);
        assert!(got.iter().all(|(_, kind, ..)| *kind != "threat"), "{got:?}");
    }

    #[rstest]
    #[case::treaty(
        "It demonstrates the strength of the Lombok Treaty.",
        Lang::En,
        "Lombok Treaty",
        "legal-frameworks"
    )]
    #[case::a_conference_not_its_place(
        "The chiefs concluded the 43rd ASEANAPOL Conference in Bangkok on Friday.",
        Lang::En,
        "ASEANAPOL Conference",
        "coordination"
    )]
    #[case::a_conference_and_its_topic(
        "Ministers met at the Second Regional Ministerial Conference on People Smuggling.",
        Lang::En,
        "Second Regional Ministerial Conference on People Smuggling",
        "coordination"
    )]
    #[case::un_atelier(
        "Il a ouvert le Séminaire de Dakar sur la criminalité organisée.",
        Lang::Fr,
        "Séminaire de Dakar",
        "training"
    )]
    #[case::a_coalition(
        "Australia and Lebanon are members of the Global Coalition Against ISIS.",
        Lang::En,
        "Global Coalition Against ISIS",
        "coordination"
    )]
    #[case::capitalised_plural(
        "Both groups have developed Plans of Action which will be presented.",
        Lang::En,
        "Plans of Action",
        "coordination"
    )]
    #[case::a_task_force_in_lowercase(
        "They announced a national task force to combat fraud.",
        Lang::En,
        "task force",
        "coordination"
    )]
    fn named_instruments_are_areas(
        #[case] text: &str,
        #[case] lang: Lang,
        #[case] label: &str,
        #[case] category: &str,
    ) {
        let got = items(text, lang);
        assert!(
            got.iter()
                .any(|(l, _, c, _)| l == label && c.as_deref() == Some(category)),
            "{got:?}"
        );
    }

    #[rstest]
    #[case::partners_en(
        "The arrest follows close cooperation between Australia and Indonesia in the fight against people smuggling.",
        Lang::En,
        "cooperation between Australia and Indonesia",
        "coordination"
    )]
    #[case::partners_fr(
        "Il salue l'étroite collaboration avec l'Union africaine, la CEDEAO et la CEEAC.",
        Lang::Fr,
        "collaboration avec l'Union africaine, la CEDEAO et la CEEAC",
        "coordination"
    )]
    #[case::partners_the_taxonomy_knows(
        "It calls for cooperation with internet service providers and banks.",
        Lang::En,
        "cooperation with internet service providers and banks",
        "public-private-partnership"
    )]
    #[case::partners_end_at_a_verb(
        "Cooperation with local law enforcement agencies has grown.",
        Lang::En,
        "Cooperation with local law enforcement agencies",
        "coordination"
    )]
    #[case::partners_end_at_a_gerund(
        "It promotes collaboration between private retailers, law enforcement and prosecutors working to improve safety.",
        Lang::En,
        "collaboration between private retailers, law enforcement and prosecutors",
        "public-private-partnership"
    )]
    #[case::partners_end_at_a_comma_with_no_list(
        "Elle mène, en partenariat avec la Fédération bancaire française, une campagne de sensibilisation.",
        Lang::Fr,
        "partenariat avec la Fédération bancaire française",
        "public-private-partnership"
    )]
    #[case::partners_end_before_a_verb_and_its_object(
        "They strengthened cooperation between law enforcement agencies and established a website.",
        Lang::En,
        "cooperation between law enforcement agencies",
        "coordination"
    )]
    #[case::partners_with_adjectives_fr(
        "Ils demandent un renforcement de la coopération entre les services répressifs et judiciaires des États membres.",
        Lang::Fr,
        "coopération entre les services répressifs et judiciaires",
        "mutual-legal-assistance"
    )]
    #[case::partners_of(
        "With the cooperation of USMS authorities in Mexico, both were transported.",
        Lang::En,
        "cooperation of USMS authorities",
        "coordination"
    )]
    #[case::funded_by_a_name_with_of(
        "The programme is funded by the European Union and the Government of Japan.",
        Lang::En,
        "funded by the European Union and the Government of Japan",
        "funding-and-equipment"
    )]
    #[case::finance_par(
        "Le cours, financé par le Gouvernement du Japon, a duré cinq jours.",
        Lang::Fr,
        "financé par le Gouvernement du Japon",
        "funding-and-equipment"
    )]
    #[case::support_to_receivers(
        "The agency provides support to national teams across the region.",
        Lang::En,
        "support to national teams",
        "technical-assistance"
    )]
    #[case::appui_aux(
        "La Commission propose un appui aux gardes-frontières des États membres.",
        Lang::Fr,
        "appui aux gardes-frontières",
        "technical-assistance"
    )]
    #[case::a_grant_from(
        "It is made possible through a $207,520 grant from the Office of the Governor that funds a unit.",
        Lang::En,
        "grant from the Office of the Governor",
        "funding-and-equipment"
    )]
    #[case::liaison_with_a_possessive(
        "The unit provides 24/7 liaison between the DA's office and local and federal partners.",
        Lang::En,
        "liaison between the DA's office and local and federal partners",
        "liaison-officers"
    )]
    fn cooperation_with_partners_is_an_area(
        #[case] text: &str,
        #[case] lang: Lang,
        #[case] label: &str,
        #[case] category: &str,
    ) {
        let got = items(text, lang);
        assert!(
            got.iter()
                .any(|(l, _, c, _)| l == label && c.as_deref() == Some(category)),
            "{got:?}"
        );
    }

    #[rstest]
    #[case::an_infinitive("It offers support to tackle the problem at its roots.")]
    #[case::who_helped("The arrests were made with the support of Europol and Eurojust.")]
    #[case::a_name("The Regional Emergency Support to Reconstruction proposal was adopted.")]
    fn support_names_no_area_but_to_its_receivers(#[case] text: &str) {
        let got = items(text, Lang::En);
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn cooperation_alone_is_no_area() {
        let got = items("Cooperation is essential, and so is trust.", Lang::En);
        assert!(got.is_empty(), "{got:?}");
    }

    #[rstest]
    #[case::seed_emerging(
        "L'accord englobe également les menaces émergentes, y compris la vente de propriété culturelle trafiquée pour financer le terrorisme, les combattants terroristes étrangers, l'extrémisme violent et l'abus d'internet à des fins terroristes, les engins explosifs improvisés et les liens entre les réseaux de criminalité organisée et les groupes terroristes.",
        Lang::Fr,
        6
    )]
    #[case::en_emerging(
        "The agreement also addresses emerging threats such as ransomware, the misuse of cryptocurrencies and synthetic drugs.",
        Lang::En,
        3
    )]
    fn cue_lists_give_one_emerging_item_per_member(
        #[case] text: &str,
        #[case] lang: Lang,
        #[case] n: usize,
    ) {
        let got = items(text, lang);
        let emerging: Vec<_> = got.iter().filter(|i| i.3).collect();
        assert_eq!(emerging.len(), n, "{got:?}");
    }

    #[test]
    fn partners_after_cooperation_in_a_threat_list_are_no_threats() {
        let got = items(
            "Les pays luttent contre le terrorisme et la criminalité transnationale, en étroite collaboration avec l'Union africaine, la Communauté économique des États de l'Afrique de l'Ouest et la Ligue des États arabes.",
            Lang::Fr,
        );
        let threats: Vec<&str> = got
            .iter()
            .filter(|item| item.1 == "threat")
            .map(|item| item.0.as_str())
            .collect();
        assert_eq!(threats.len(), 2, "{got:?}");
        assert!(!threats.iter().any(|l| l.contains("Communauté")), "{got:?}");
        assert!(got.iter().any(|item| item.1 == "area"), "{got:?}");
    }

    #[test]
    fn a_verb_s_objects_are_one_member() {
        let labels = |text: &str| -> Vec<String> {
            items(text, Lang::En).into_iter().map(|(l, ..)| l).collect()
        };
        let drones = labels(
            "Ministers warned of emerging threats such as the use of drones to move drugs and weapons across borders and the use of encrypted phones by criminal networks.",
        );
        assert!(
            drones
                .iter()
                .any(|l| l.contains("to move drugs and weapons")),
            "{drones:?}"
        );
        assert!(
            !drones.iter().any(|l| l.starts_with("weapons")),
            "{drones:?}"
        );
        // An article or a connector of several words after the verb's object starts a member.
        let cookies = labels(
            "Europol warns of emerging threats such as the abuse of artificial intelligence to write phishing emails and the trade in stolen session cookies.",
        );
        assert!(
            cookies.iter().any(|l| l.starts_with("trade in stolen")),
            "{cookies:?}"
        );
        // So does a mention the taxonomy knows.
        let ransomware = labels(
            "Police warned of emerging threats such as the use of drones to move drugs and ransomware.",
        );
        assert!(
            ransomware.iter().any(|l| l == "ransomware"),
            "{ransomware:?}"
        );
    }

    #[test]
    fn a_body_s_own_tools_are_areas() {
        let got = items(
            "Officers checked the INTERPOL Red Notices at the border.",
            Lang::En,
        );
        assert!(
            got.iter()
                .any(|(_, _, c, _)| c.as_deref() == Some("extradition")),
            "{got:?}"
        );
    }

    #[test]
    fn agents_of_a_crime_name_it_only_with_their_modifier() {
        let got = items(
            "Prosecutors can move against drug traffickers and people traffickers.",
            Lang::En,
        );
        let labels: Vec<(&str, Option<&str>)> = got
            .iter()
            .map(|(l, _, c, _)| (l.as_str(), c.as_deref()))
            .collect();
        assert_eq!(
            labels,
            [
                ("drug traffickers", Some("drug-trafficking")),
                ("people traffickers", Some("trafficking-in-human-beings"))
            ]
        );
        assert_eq!(items("The traffickers were arrested in May.", Lang::En), []);
        let fraud = items(
            "The operation against online fraud led to 3,000 arrests.",
            Lang::En,
        );
        assert_eq!(
            fraud
                .iter()
                .map(|(l, _, c, _)| (l.as_str(), c.as_deref()))
                .collect::<Vec<_>>(),
            [("online fraud", Some("online-scams"))]
        );
        // The activity itself, not the verb with its object.
        assert_eq!(
            items("Partners will step up safeguarding and training.", Lang::En).len(),
            2
        );
        assert_eq!(items("Les trafiquants ont été arrêtés.", Lang::Fr), []);
    }

    #[rstest]
    #[case::blocked("Blocked: 1,200 websites on a daily basis.", Lang::En)]
    #[case::frozen("With over 500 000 accounts frozen, the operation ended.", Lang::En)]
    #[case::daily("On a daily basis, analysts review the reports.", Lang::En)]
    #[case::unit_name("Officers of the Cybercrime Unit met the prosecutors.", Lang::En)]
    #[case::commission_name(
        "The session of the Commission on Crime Prevention and Criminal Justice opened.",
        Lang::En
    )]
    #[case::office_name(
        "Le rapport de l'Office des Drogues et du Crime paraît demain.",
        Lang::Fr
    )]
    #[case::sentence_case_body(
        "Les enquêteurs de l'Office central pour la répression de la traite des êtres humains (OCRTEH) ont interpellé trois suspects.",
        Lang::Fr
    )]
    #[case::sentence_case_centre(
        "Le Centre interrégional de coordination (CIC) a suivi les navires.",
        Lang::Fr
    )]
    #[case::verb_with_object(
        "Parliament's position ensures our targets are met, safeguarding the maritime sector's competitiveness.",
        Lang::En
    )]
    fn fragments_are_no_items(#[case] text: &str, #[case] lang: Lang) {
        assert_eq!(items(text, lang), []);
    }

    #[rstest]
    #[case::platform_acronym(
        "It was carried out under the European Multidisciplinary Platform Against Criminal Threats (EMPACT).",
        Lang::En,
        "European Multidisciplinary Platform Against Criminal Threats (EMPACT)",
        "coordination"
    )]
    #[case::possessive_before(
        "The Cyber Centre's National Cyber Threat Assessment warns of it.",
        Lang::En,
        "National Cyber Threat Assessment",
        "research-and-analysis"
    )]
    #[case::lowercase_word(
        "Visit the Get Cyber Safe campaign for advice.",
        Lang::En,
        "Get Cyber Safe campaign",
        "prevention-and-awareness"
    )]
    #[case::first_word_and_complement(
        "Joint Action Plan on Counter-Terrorism for the Western Balkans was renewed.",
        Lang::En,
        "Joint Action Plan on Counter-Terrorism for the Western Balkans",
        "coordination"
    )]
    #[case::not_and(
        "It builds on the EU Customs Action Plan and the EU Toolbox.",
        Lang::En,
        "EU Customs Action Plan",
        "coordination"
    )]
    #[case::fr_acronym(
        "Elle s'inscrit dans la Plateforme pluridisciplinaire européenne contre les menaces criminelles (EMPACT).",
        Lang::Fr,
        "Plateforme pluridisciplinaire européenne contre les menaces criminelles (EMPACT)",
        "coordination"
    )]
    fn names_of_instruments_are_areas_of_their_own(
        #[case] text: &str,
        #[case] lang: Lang,
        #[case] label: &str,
        #[case] category: &str,
    ) {
        let got = items(text, lang);
        assert!(
            got.iter().any(|(l, kind, c, _)| l == label
                && *kind == "area"
                && c.as_deref() == Some(category)),
            "{got:?}"
        );
        // The name is one item: no threat read inside it ("Criminal Threats").
        assert!(
            got.iter()
                .all(|(l, ..)| !label.contains(l.as_str()) || l == label),
            "{got:?}"
        );
    }

    #[test]
    fn a_threat_with_its_acronym_outside_a_name_is_a_threat() {
        let got = items(
            "Les autorités luttent contre la traite des êtres humains (TEH) en Europe.",
            Lang::Fr,
        );
        assert!(
            got.iter().any(|(_, kind, c, _)| *kind == "threat"
                && c.as_deref() == Some("trafficking-in-human-beings")),
            "{got:?}"
        );
    }

    #[rstest]
    #[case::owner_only("Analysts used the Europol platform to share the data.", Lang::En)]
    #[case::sentence_start("Campaign material was seized.", Lang::En)]
    #[case::fr_lowercase(
        "Les victimes peuvent écrire à la plateforme de signalement.",
        Lang::Fr
    )]
    fn an_instrument_word_alone_is_no_name(#[case] text: &str, #[case] lang: Lang) {
        let mut buf = TokenBuf::default();
        tokenize(text, &mut buf);
        buf.annotate(vocab(lang));
        let sent = buf.sent(text, 0..buf.len(), vocab(lang));
        let got = items_in(&sent, taxonomy(lang));
        assert!(got.iter().all(|item| !item.proper), "{got:?}");
    }
}
