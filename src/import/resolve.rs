//! Facts -> resolution, the one stage that looks across sentences: people merged (a surname,
//! "M. Fedotov", "Minister Karlsson" to the full name), quotes' sources resolved to people
//! (a role to the person who holds it, a pronoun to the last person of its gender, "les deux
//! ministres" to both), and quotes with no attribution of their own given the speaker the
//! news conventions give them (the same paragraph, a colon before, a paragraph continuing the
//! previous one). When two people fit equally, no speaker: never a guess. No I/O here.

use super::facts::{Facts, PersonRef, Pos, QuoteFact, Source};
use super::lexicon::FastMap;
use super::lexicon::Gender;
use super::rules::speech::How;
use super::words::fold_key;

/// A person of the release, all mentions merged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Person {
    /// The fullest form of the name.
    pub name: String,
    /// The first role written beside it.
    pub role: Option<String>,
    /// The organisation of that role.
    pub org: Option<String>,
    /// The gender the words gave, when they agreed.
    pub gender: Option<Gender>,
    /// Where first named.
    pub first: Pos,
}

/// Who says a quote.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) enum Speaker {
    /// The release does not say, or not clearly enough.
    #[default]
    Unknown,
    /// People of [`Resolution::people`], by index (several for a joint statement).
    People(Vec<usize>),
    /// An organisation speaking for itself, as written.
    Org(String),
}

/// What resolution decided.
#[derive(Debug, Default)]
pub(crate) struct Resolution {
    /// Everyone named, in order of first mention.
    pub people: Vec<Person>,
    /// The speaker of each quote of [`Facts::quotes`].
    pub speakers: Vec<Speaker>,
    /// Whether each quote is speech (not a title, not a fragment).
    pub kept: Vec<bool>,
}

/// Quotes shorter than this many words are scare quotes or terms, not speech.
const MIN_QUOTE_WORDS: usize = 4;
/// A pronoun looks for its person this many paragraphs back.
const PRONOUN_PARAGRAPHS: usize = 2;
/// Role words match on their first letters ("directeur" and "directrice").
const ROLE_STEM: usize = 5;
/// The most people a release is read for: past them, new names are not learned (a release
/// names a few dozen; a text with thousands is no release, and must stay linear).
const MAX_PEOPLE: usize = 1000;

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

/// The last word of a folded name.
fn last_word(key: &str) -> &str {
    key.rsplit(' ').next().unwrap_or(key)
}

/// People, with indexes for finding them by name.
#[derive(Debug, Default)]
struct Registry {
    /// Index of each person by folded full name.
    by_key: FastMap<String, usize>,
    /// Indexes of people by the last word of their folded name.
    by_last: FastMap<String, Vec<usize>>,
}

impl Registry {
    /// Indexes person `i` under `name`.
    fn insert(&mut self, name: &str, i: usize) {
        let key = fold_key(name);
        self.by_last
            .entry(last_word(&key).to_string())
            .or_default()
            .push(i);
        self.by_key.insert(key, i);
    }
}

impl Resolution {
    /// The person named `name`: the same name, or a name that ends like one person's only
    /// ("Karlsson", "De Bolle", "Merrick B. Garland" for "Garland").
    fn find(&self, index: &Registry, name: &str) -> Option<usize> {
        let key = fold_key(name);
        if let Some(&i) = index.by_key.get(&key) {
            return Some(i);
        }
        let Some(same_end) = index.by_last.get(last_word(&key)) else {
            return self.by_given_name(&key);
        };
        let found: Vec<usize> = same_end
            .iter()
            .copied()
            .filter(|&i| {
                self.people.get(i).is_some_and(|p| {
                    let full = fold_key(&p.name);
                    full.ends_with(&format!(" {key}"))
                        || key.ends_with(&format!(" {full}"))
                        || is_short_form(&key, &full)
                        || is_short_form(&full, &key)
                })
            })
            .collect();
        match found.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }

    /// "Sir Julian" for "Julian King": a known given name alone is the one person it starts.
    fn by_given_name(&self, key: &str) -> Option<usize> {
        if key.contains(' ') || crate::import::lexicon::given_name_gender(key).is_none() {
            return None;
        }
        let prefix = format!("{key} ");
        let mut found = self
            .people
            .iter()
            .enumerate()
            .filter(|(_, p)| fold_key(&p.name).starts_with(&prefix))
            .map(|(i, _)| i);
        match (found.next(), found.next()) {
            (Some(one), None) => Some(one),
            _ => None,
        }
    }

    /// Adds or merges a person; none past [`MAX_PEOPLE`] new people.
    fn learn(&mut self, index: &mut Registry, person: &PersonRef, pos: Pos) -> Option<usize> {
        if let Some(i) = self.find(index, &person.name) {
            if let Some(known) = self.people.get_mut(i) {
                // The longer name stays: "Christopher Ellison" over "Chris Ellison".
                let longer = words(&person.name) > words(&known.name)
                    || words(&person.name) == words(&known.name)
                        && person.name.len() > known.name.len();
                if longer {
                    known.name.clone_from(&person.name);
                    index.insert(&known.name, i);
                }
                if known.role.is_none() {
                    known.role.clone_from(&person.role);
                    known.org.clone_from(&person.org);
                }
                known.gender = match (known.gender, person.gender) {
                    (Some(a), Some(b)) if a != b => None,
                    (a, b) => a.or(b),
                };
            }
            return Some(i);
        }
        if self.people.len() >= MAX_PEOPLE {
            return None;
        }
        let i = self.people.len();
        index.insert(&person.name, i);
        self.people.push(Person {
            name: person.name.clone(),
            role: person.role.clone(),
            org: person.org.clone(),
            gender: person.gender,
            first: pos,
        });
        Some(i)
    }
}

/// The fewest letters of a given name's short form ("Chris", "Sam").
const SHORT_GIVEN_NAME: usize = 3;

/// True when `short` is `full` with its given name cut short: "chris ellison" of
/// "christopher ellison", "alex de bolle" of "alexander de bolle" (keys, the rest the same).
fn is_short_form(short: &str, full: &str) -> bool {
    let (Some((short_given, short_rest)), Some((full_given, full_rest))) =
        (short.split_once(' '), full.split_once(' '))
    else {
        return false;
    };
    short_rest == full_rest
        && short_given.len() < full_given.len()
        && short_given.chars().count() >= SHORT_GIVEN_NAME
        && full_given.starts_with(short_given)
}

/// Gender agreement: a known gender must agree; an unknown one may.
fn agrees(person: Option<Gender>, wanted: Gender) -> Option<bool> {
    match person {
        Some(g) if g == wanted => Some(true),
        Some(_) => None,
        None => Some(false),
    }
}

/// The stems of a role's words, for matching one role against another.
fn role_stems(role: &str) -> Vec<String> {
    fold_key(role)
        .split(' ')
        .filter(|w| w.chars().count() >= 4)
        .map(|w| w.chars().take(ROLE_STEM).collect())
        .collect()
}

/// Where facts are, by paragraph, so each quote looks only at its neighbours.
#[derive(Debug, Default)]
struct Places {
    /// The first person or pointer named in each paragraph.
    first_named: FastMap<usize, Pos>,
    /// The last colon or reported speech of each paragraph (not the lines after a quote).
    lead_in: FastMap<usize, usize>,
    /// The line naming a source, by paragraph.
    dash: FastMap<usize, usize>,
    /// The last quote ending in each paragraph.
    last_quote_ending: FastMap<usize, usize>,
}

/// The state of resolution over the quotes, in order.
struct Resolver<'f> {
    facts: &'f Facts,
    out: Resolution,
    index: Registry,
    places: Places,
    /// People mentioned, with where, in order.
    salient: Vec<(Pos, usize)>,
    /// The speakers of the quotes resolved so far, with where, in order; after the people
    /// mentioned at the same place (kept apart: inserting them among the mentions took
    /// time quadratic in the release).
    speakers: Vec<(Pos, usize)>,
    /// For each quote, the nearest quote before and after it in its paragraph that has an
    /// attribution of its own.
    attributed_before: Vec<Option<usize>>,
    attributed_after: Vec<Option<usize>>,
}

/// Resolves every quote's speaker.
pub(crate) fn resolve(facts: &Facts) -> Resolution {
    let mut r = Resolver {
        facts,
        out: Resolution::default(),
        index: Registry::default(),
        places: Places::default(),
        salient: Vec::new(),
        speakers: Vec::new(),
        attributed_before: Vec::new(),
        attributed_after: Vec::new(),
    };
    r.index_places();
    for fact in &facts.people {
        if let Some(i) = r.out.learn(&mut r.index, &fact.person, fact.pos) {
            r.salient.push((fact.pos, i));
        }
    }
    // "The superintendent added that…": a role named with no name is its holder, for the
    // pronouns after it.
    for mention in &facts.mentions {
        if let Source::Role { role, org, gender } = &mention.source
            && let Speaker::People(people) = r.holder_of(role, org.as_deref(), *gender)
            && let [one] = people.as_slice()
        {
            r.salient.push((mention.pos, *one));
        }
    }
    r.salient.sort_by_key(|(pos, _)| *pos);
    // A title said again is a title: 'Atelier « Vers une répression concertée »', then
    // '… dans la sous-région : « Vers une répression concertée ».'
    let titles: Vec<&str> = facts
        .quotes
        .iter()
        .filter(|q| q.after_title_cue && q.source.is_none())
        .map(|q| q.text.as_str())
        .collect();
    for quote in &facts.quotes {
        let titled = quote.source.is_none() && titles.contains(&quote.text.as_str());
        r.out.kept.push(is_speech(quote) && !titled);
    }
    for n in 0..facts.quotes.len() {
        let speaker = r.speaker_of(n);
        if let Speaker::People(people) = &speaker
            && let (Some(quote), [one]) = (facts.quotes.get(n), people.as_slice())
        {
            // Quotes come in order: this is the end, but for a quote placed before another.
            let at = r.speakers.partition_point(|(pos, _)| *pos <= quote.pos);
            r.speakers.insert(at, (quote.pos, *one));
        }
        r.out.speakers.push(speaker);
    }
    r.out
}

/// The people mentioned and the speakers placed in `from..to`, most recent first; at one
/// place, a speaker is more recent than a mention.
fn salient_between<'s>(
    mentioned: &'s [(Pos, usize)],
    speakers: &'s [(Pos, usize)],
    from: Pos,
    to: Pos,
) -> impl Iterator<Item = &'s (Pos, usize)> {
    let within = |list: &'s [(Pos, usize)]| {
        let first = list.partition_point(|(pos, _)| *pos < from);
        let end = list.partition_point(|(pos, _)| *pos < to);
        list.get(first..end)
            .unwrap_or_default()
            .iter()
            .rev()
            .peekable()
    };
    let (mut mentioned, mut speakers) = (within(mentioned), within(speakers));
    std::iter::from_fn(move || match (mentioned.peek(), speakers.peek()) {
        (Some(m), Some(s)) if m.0 > s.0 => mentioned.next(),
        (_, Some(_)) => speakers.next(),
        (Some(_), None) => mentioned.next(),
        (None, None) => None,
    })
}

/// Speech, not a title or a scare quote.
fn is_speech(quote: &QuoteFact) -> bool {
    let attributed = quote.source.is_some();
    let n = words(&quote.text);
    let title_case = quote
        .text
        .split_whitespace()
        .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()));
    n >= MIN_QUOTE_WORDS && (attributed || !quote.after_title_cue && (!title_case || n > 6))
}

impl Resolver<'_> {
    /// Indexes where facts are, by paragraph.
    fn index_places(&mut self) {
        let facts = self.facts;
        let places = &mut self.places;
        for pos in facts
            .people
            .iter()
            .map(|p| p.pos)
            .chain(facts.mentions.iter().map(|m| m.pos))
        {
            places
                .first_named
                .entry(pos.para)
                .and_modify(|first| *first = (*first).min(pos))
                .or_insert(pos);
        }
        for (i, colon) in facts.colons.iter().enumerate() {
            let table = if colon.how == How::Dash {
                &mut places.dash
            } else {
                &mut places.lead_in
            };
            table.insert(colon.para, i);
        }
        let mut last_attributed: Option<(usize, usize)> = None;
        for (n, quote) in facts.quotes.iter().enumerate() {
            places.last_quote_ending.insert(quote.paras.1, n);
            let before = last_attributed
                .filter(|(p, _)| *p == quote.pos.para)
                .map(|(_, m)| m);
            self.attributed_before.push(before);
            if quote.source.is_some() {
                last_attributed = Some((quote.pos.para, n));
            }
        }
        let mut next_attributed: Option<(usize, usize)> = None;
        let mut after = vec![None; facts.quotes.len()];
        for (n, quote) in facts.quotes.iter().enumerate().rev() {
            if let Some(slot) = after.get_mut(n) {
                *slot = next_attributed
                    .filter(|(p, _)| *p == quote.pos.para)
                    .map(|(_, m)| m);
            }
            if quote.source.is_some() {
                next_attributed = Some((quote.pos.para, n));
            }
        }
        self.attributed_after = after;
    }

    fn speaker_of(&mut self, n: usize) -> Speaker {
        let facts = self.facts;
        let Some(quote) = facts.quotes.get(n) else {
            return Speaker::Unknown;
        };
        if let Some((source, _)) = quote.source.as_deref() {
            return self.resolve_source(source, quote.source_pos);
        }
        // Another quote of the same paragraph with an attribution: the same speaker.
        if let Some(m) = self.attributed_before.get(n).copied().flatten() {
            return self.out.speakers.get(m).cloned().unwrap_or_default();
        }
        if let Some(other) = self
            .attributed_after
            .get(n)
            .copied()
            .flatten()
            .and_then(|m| facts.quotes.get(m))
            && let Some((source, _)) = other.source.as_deref()
        {
            return self.resolve_source(source, other.source_pos);
        }
        // "– Caroline Xavier, Chief" on the line after the quote.
        if let Some(dash) = self
            .places
            .dash
            .get(&(quote.paras.1 + 1))
            .and_then(|&i| facts.colons.get(i))
        {
            return self.resolve_source(&dash.source, dash.pos);
        }
        if !quote.opens_para {
            return Speaker::Unknown;
        }
        // A quote after a name line that signed the quote before it: the same speaker goes on.
        if let Some(dash) = quote
            .pos
            .para
            .checked_sub(1)
            .and_then(|p| self.places.dash.get(&p))
            .and_then(|&i| facts.colons.get(i))
        {
            return self.resolve_source(&dash.source, dash.pos);
        }
        // "X a quant à lui indiqué :", or "X said the operation…", at the end of the paragraph
        // before.
        let before = quote.pos.para.checked_sub(1);
        if let Some(colon) = before
            .and_then(|p| self.places.lead_in.get(&p))
            .and_then(|&i| facts.colons.get(i))
        {
            return self.resolve_source(&colon.source, colon.pos);
        }
        // A quote paragraph that continues the previous paragraph's quote.
        let previous = before
            .and_then(|p| self.places.last_quote_ending.get(&p))
            .copied();
        let named_between = self
            .places
            .first_named
            .get(&quote.pos.para)
            .is_some_and(|first| *first < quote.pos);
        match previous.and_then(|m| self.out.speakers.get(m)) {
            Some(speaker) if !named_between => speaker.clone(),
            _ => Speaker::Unknown,
        }
    }

    fn resolve_source(&mut self, source: &Source, at: Pos) -> Speaker {
        match source {
            Source::Person(person) => match self.out.learn(&mut self.index, person, at) {
                Some(i) => Speaker::People(vec![i]),
                None => Speaker::Unknown,
            },
            Source::Role { role, org, gender } => self.holder_of(role, org.as_deref(), *gender),
            Source::Pronoun(Gender::Plural) => Speaker::Unknown,
            Source::Pronoun(gender) => self.pronoun(*gender, at),
            Source::Joint(words) => self.joint(words),
            Source::OrgRef(words) => self.org_named_before(words, at),
            // Capitalised words read as an organisation may be someone's surname ("De Bolle").
            Source::Org(name) => self
                .out
                .find(&self.index, name)
                .map_or_else(|| Speaker::Org(name.clone()), |i| Speaker::People(vec![i])),
        }
    }

    /// The one person who holds `role` (of `org`), in agreement with `gender`.
    fn holder_of(&self, role: &str, org: Option<&str>, gender: Option<Gender>) -> Speaker {
        let stems = role_stems(role);
        let org_key = org.map(fold_key);
        let fits = |p: &Person| {
            let by_org = org_key.as_ref().is_some_and(|k| {
                p.org
                    .as_deref()
                    .map(fold_key)
                    .is_some_and(|o| o.contains(k.as_str()) || k.contains(o.as_str()))
                    || p.role
                        .as_deref()
                        .map(fold_key)
                        .is_some_and(|r| r.contains(k.as_str()))
            });
            let by_role = p.role.as_deref().is_some_and(|r| {
                let theirs = role_stems(r);
                stems.first().is_some_and(|s| theirs.contains(s))
            });
            let gender_ok = match (gender, p.gender) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            };
            gender_ok && (by_org || by_role && org_key.is_none())
        };
        let found: Vec<usize> = self
            .out
            .people
            .iter()
            .enumerate()
            .filter(|(_, p)| fits(p))
            .map(|(i, _)| i)
            .collect();
        // Several fit by their roles' words: the one whose role is written the same way
        // ("Secretary-General", not "General Secretary of Viet Nam").
        let exact = |i: &usize| {
            self.out
                .people
                .get(*i)
                .and_then(|p| p.role.as_deref())
                .is_some_and(|r| fold_key(r) == fold_key(role))
        };
        match found.as_slice() {
            [one] => Speaker::People(vec![*one]),
            [_, _, ..] => match found
                .iter()
                .filter(|i| exact(i))
                .collect::<Vec<_>>()
                .as_slice()
            {
                [one] => Speaker::People(vec![**one]),
                _ => Speaker::Unknown,
            },
            [] => Speaker::Unknown,
        }
    }

    /// The person a pronoun points at: in its own paragraph, the one person who agrees;
    /// else, from the paragraphs before, the last one named of its gender, or a person of
    /// unknown gender when no one else fits.
    fn pronoun(&self, gender: Gender, at: Pos) -> Speaker {
        let window = Pos {
            para: at.para.saturating_sub(PRONOUN_PARAGRAPHS),
            tok: 0,
        };
        // (person, paragraph of its last mention, sure of the gender), most recent first.
        let mut agreeing: Vec<(usize, usize, bool)> = Vec::new();
        for (pos, i) in salient_between(&self.salient, &self.speakers, window, at) {
            if agreeing.iter().any(|(j, ..)| j == i) {
                continue;
            }
            let Some(person) = self.out.people.get(*i) else {
                continue;
            };
            if let Some(sure) = agrees(person.gender, gender) {
                agreeing.push((*i, pos.para, sure));
            }
        }
        let here: Vec<&(usize, usize, bool)> =
            agreeing.iter().filter(|(_, p, _)| *p == at.para).collect();
        match (here.as_slice(), agreeing.as_slice()) {
            ([(i, ..)] | [(i, _, true), ..], _) | ([], [(i, _, true), ..] | [(i, _, false)]) => {
                Speaker::People(vec![*i])
            }
            _ => Speaker::Unknown,
        }
    }

    /// The organisation "the agency" points at: the last one named before it, in its
    /// paragraph or the two before, whose name holds the noun ("European Union Agency for
    /// Law Enforcement Cooperation"); else the last one named at all.
    fn org_named_before(&self, words: &str, at: Pos) -> Speaker {
        let noun = fold_key(last_word(words));
        let from = at.para.saturating_sub(PRONOUN_PARAGRAPHS);
        let before: Vec<&str> = self
            .facts
            .orgs
            .iter()
            .filter(|o| o.pos < at && o.pos.para >= from)
            .map(|o| o.name.as_str())
            .collect();
        let holds = |name: &&&str| fold_key(name).split(' ').any(|w| w == noun);
        before
            .iter()
            .rev()
            .find(holds)
            .or_else(|| before.last())
            .map_or(Speaker::Unknown, |name| Speaker::Org((*name).to_string()))
    }

    /// The people a joint source names: everyone whose role shares its noun.
    fn joint(&self, words: &str) -> Speaker {
        let stems = role_stems(words);
        let Some(noun) = stems.iter().rev().find(|s| s.len() > 3) else {
            return Speaker::Unknown;
        };
        let found: Vec<usize> = self
            .out
            .people
            .iter()
            .enumerate()
            .filter(|(_, p)| {
                p.role
                    .as_deref()
                    .is_some_and(|r| role_stems(r).contains(noun))
            })
            .map(|(i, _)| i)
            .collect();
        if found.len() >= 2 {
            Speaker::People(found)
        } else {
            // Without a role in common, who "the three heads" are is a guess: no one.
            Speaker::Unknown
        }
    }
}

#[cfg(test)]
#[allow(
    clippy::indexing_slicing,
    reason = "a test fails loudly on a wrong length"
)]
mod tests {
    use super::*;
    use crate::import::facts::{ColonFact, OrgFact, PersonFact};

    /// The order the list of people and speakers kept when each speaker was inserted into
    /// it after everyone at its place or before: most recent first, at one place the
    /// speaker before the people mentioned.
    #[test]
    fn salient_people_come_most_recent_first_speakers_after_mentions() {
        let at = |para, tok| Pos { para, tok };
        let mentioned = [(at(0, 1), 0), (at(1, 2), 1), (at(1, 2), 2), (at(2, 0), 3)];
        let speakers = [(at(1, 2), 10), (at(1, 5), 11), (at(3, 0), 12)];
        let mut inserted = mentioned.to_vec();
        for speaker in speakers {
            let i = inserted.partition_point(|(pos, _)| *pos <= speaker.0);
            inserted.insert(i, speaker);
        }
        for (from, to) in [
            (at(0, 0), at(9, 0)),
            (at(1, 0), at(2, 0)),
            (at(1, 2), at(1, 3)),
        ] {
            let want: Vec<usize> = inserted
                .iter()
                .filter(|(pos, _)| from <= *pos && *pos < to)
                .rev()
                .map(|(_, i)| *i)
                .collect();
            let got: Vec<usize> = salient_between(&mentioned, &speakers, from, to)
                .map(|(_, i)| *i)
                .collect();
            assert_eq!(got, want, "{from:?}..{to:?}");
        }
        let all: Vec<usize> = salient_between(&mentioned, &speakers, at(0, 0), at(9, 0))
            .map(|(_, i)| *i)
            .collect();
        assert_eq!(all, [12, 3, 11, 10, 2, 1, 0]);
    }

    fn person(name: &str, role: &str, gender: Option<Gender>) -> PersonRef {
        PersonRef {
            name: name.to_string(),
            role: (!role.is_empty()).then(|| role.to_string()),
            org: None,
            gender,
        }
    }

    fn quote(para: usize, source: Option<Source>, opens: bool) -> QuoteFact {
        QuoteFact {
            text: "We will share our data with them".to_string(),
            paras: (para, para),
            pos: Pos { para, tok: 30 },
            opens_para: opens,
            source: source.map(|s| Box::new((s, "test"))),
            source_pos: Pos { para, tok: 20 },
            context: None,
            after_title_cue: false,
        }
    }

    fn names(r: &Resolution) -> Vec<Option<String>> {
        r.speakers
            .iter()
            .map(|s| match s {
                Speaker::People(p) => Some(
                    p.iter()
                        .map(|i| r.people[*i].name.clone())
                        .collect::<Vec<_>>()
                        .join(" + "),
                ),
                Speaker::Org(o) => Some(o.clone()),
                Speaker::Unknown => None,
            })
            .collect()
    }

    #[test]
    fn the_agency_is_the_organisation_of_that_kind_named_last() {
        let org = |name: &str, para: usize| OrgFact {
            name: name.to_string(),
            in_front: false,
            named_again_only: false,
            pos: Pos { para, tok: 0 },
        };
        let facts = Facts {
            orgs: vec![
                org("European Union Agency for Law Enforcement Cooperation", 1),
                org("INTERPOL", 2),
                org("Ministry of Justice", 9),
            ],
            quotes: vec![
                quote(3, Some(Source::OrgRef("the agency".to_string())), false),
                quote(
                    3,
                    Some(Source::OrgRef("the organization".to_string())),
                    false,
                ),
                // Named too long before: no one.
                quote(8, Some(Source::OrgRef("the agency".to_string())), false),
            ],
            ..Facts::default()
        };
        assert_eq!(
            names(&resolve(&facts)),
            [
                Some("European Union Agency for Law Enforcement Cooperation".to_string()),
                Some("INTERPOL".to_string()),
                None
            ]
        );
    }

    #[test]
    fn a_joint_source_is_everyone_whose_role_it_names_or_no_one() {
        let at = |para| Pos { para, tok: 0 };
        let named = |name: &str, role: &str, para| PersonFact {
            person: person(name, role, None),
            pos: at(para),
        };
        let facts = Facts {
            people: vec![
                named("Ann Lee", "director of police", 0),
                named("Stefan Blättler", "procureur général", 1),
                named("Jean Bohnert", "procureur financier", 1),
                named("Nick Ephgrave", "directeur du SFO", 2),
            ],
            quotes: vec![
                // No role in common: taking the three named last would be a guess.
                quote(
                    3,
                    Some(Source::Joint("les trois chefs d'autorité".to_string())),
                    false,
                ),
                quote(
                    4,
                    Some(Source::Joint("les deux procureurs".to_string())),
                    false,
                ),
            ],
            ..Facts::default()
        };
        assert_eq!(
            names(&resolve(&facts)),
            [None, Some("Stefan Blättler + Jean Bohnert".to_string())]
        );
    }

    #[test]
    fn sir_and_a_given_name_is_the_one_person_it_starts() {
        let at = |para| Pos { para, tok: 0 };
        let facts = Facts {
            people: vec![
                PersonFact {
                    person: person("Julian King", "", None),
                    pos: at(0),
                },
                PersonFact {
                    person: person("James Wolffe", "", None),
                    pos: at(0),
                },
            ],
            quotes: vec![
                quote(1, Some(Source::Person(person("Julian", "", None))), false),
                // Not a given name: no one.
                quote(
                    2,
                    Some(Source::Person(person("Wolffe James", "", None))),
                    false,
                ),
            ],
            ..Facts::default()
        };
        assert_eq!(
            names(&resolve(&facts)),
            [
                Some("Julian King".to_string()),
                Some("Wolffe James".to_string())
            ]
        );
    }

    #[test]
    fn a_pronoun_never_goes_to_a_person_of_the_other_gender() {
        let facts = Facts {
            people: vec![
                PersonFact {
                    person: person(
                        "Florence Martin",
                        "directrice générale des douanes",
                        Some(Gender::Feminine),
                    ),
                    pos: Pos { para: 0, tok: 1 },
                },
                PersonFact {
                    person: person(
                        "Paul Durand",
                        "directeur général de la police",
                        Some(Gender::Masculine),
                    ),
                    pos: Pos { para: 0, tok: 9 },
                },
            ],
            quotes: vec![quote(0, Some(Source::Pronoun(Gender::Feminine)), false)],
            ..Facts::default()
        };
        assert_eq!(
            names(&resolve(&facts)),
            [Some("Florence Martin".to_string())]
        );
    }

    #[test]
    fn two_people_of_unknown_gender_leave_a_pronoun_unresolved() {
        let facts = Facts {
            people: vec![
                PersonFact {
                    person: person("Kim Lee", "director", None),
                    pos: Pos { para: 0, tok: 1 },
                },
                PersonFact {
                    person: person("Sam Park", "minister", None),
                    pos: Pos { para: 0, tok: 9 },
                },
            ],
            quotes: vec![quote(0, Some(Source::Pronoun(Gender::Feminine)), false)],
            ..Facts::default()
        };
        assert_eq!(names(&resolve(&facts)), [None]);
    }

    #[test]
    fn a_given_name_cut_short_is_the_same_person_under_the_longer_name() {
        let facts = Facts {
            people: vec![
                PersonFact {
                    person: person("Christopher Ellison", "Senator", None),
                    pos: Pos::default(),
                },
                PersonFact {
                    person: person("Chris Ellison", "Minister for Justice", None),
                    pos: Pos { para: 1, tok: 0 },
                },
                PersonFact {
                    person: person("Jo Ellison", "Minister", None),
                    pos: Pos { para: 1, tok: 9 },
                },
            ],
            quotes: vec![quote(
                2,
                Some(Source::Person(person("Chris Ellison", "", None))),
                false,
            )],
            ..Facts::default()
        };
        let resolution = resolve(&facts);
        assert_eq!(
            names(&resolution),
            [Some("Christopher Ellison".to_string())]
        );
        let people: Vec<&str> = resolution.people.iter().map(|p| p.name.as_str()).collect();
        // "Jo" is too short to be a short form: another person.
        assert_eq!(people, ["Christopher Ellison", "Jo Ellison"]);
        assert!(is_short_form("alex de bolle", "alexander de bolle"));
        assert!(!is_short_form("chris ellison", "christopher elliott"));
    }

    #[test]
    fn a_surname_and_a_role_resolve_to_the_full_name() {
        let facts = Facts {
            people: vec![PersonFact {
                person: person(
                    "Anna Karlsson",
                    "Minister of Justice",
                    Some(Gender::Feminine),
                ),
                pos: Pos::default(),
            }],
            quotes: vec![
                quote(
                    1,
                    Some(Source::Person(person("Karlsson", "Minister", None))),
                    false,
                ),
                quote(
                    2,
                    Some(Source::Role {
                        role: "the minister".to_string(),
                        org: None,
                        gender: None,
                    }),
                    false,
                ),
            ],
            ..Facts::default()
        };
        let r = resolve(&facts);
        assert_eq!(
            names(&r),
            [
                Some("Anna Karlsson".to_string()),
                Some("Anna Karlsson".to_string())
            ]
        );
        assert_eq!(r.people.len(), 1);
    }

    #[test]
    fn colons_and_continued_paragraphs_keep_the_speaker() {
        let facts = Facts {
            people: vec![PersonFact {
                person: person(
                    "Paul Ferrand",
                    "chef du bureau national",
                    Some(Gender::Masculine),
                ),
                pos: Pos::default(),
            }],
            colons: vec![ColonFact {
                para: 0,
                source: Source::Person(person("Paul Ferrand", "", None)),
                pos: Pos::default(),
                how: How::Colon,
            }],
            quotes: vec![
                quote(1, None, true),
                quote(2, None, true),
                quote(3, None, false),
            ],
            ..Facts::default()
        };
        assert_eq!(
            names(&resolve(&facts)),
            [
                Some("Paul Ferrand".to_string()),
                Some("Paul Ferrand".to_string()),
                None
            ]
        );
    }

    #[test]
    fn a_joint_statement_has_both_ministers() {
        let facts = Facts {
            people: vec![
                PersonFact {
                    person: person("Gérald Darmanin", "ministre de l'Intérieur", None),
                    pos: Pos::default(),
                },
                PersonFact {
                    person: person("Khaled Nouri", "ministre de l'Intérieur tunisien", None),
                    pos: Pos { para: 0, tok: 5 },
                },
            ],
            quotes: vec![quote(
                1,
                Some(Source::Joint("les deux ministres".to_string())),
                false,
            )],
            ..Facts::default()
        };
        assert_eq!(
            names(&resolve(&facts)),
            [Some("Gérald Darmanin + Khaled Nouri".to_string())]
        );
    }
}
