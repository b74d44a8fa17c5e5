//! Resolution -> briefing: parties with their people, quotes with their speakers, threats and
//! areas deduplicated (one item per phenomenon; members of one list stay apart), the summary,
//! links and front matter. Makes a briefing valid whatever the release: every speaker is a
//! person of `parties`, every label is non-empty. No I/O here.

use super::facts::{Facts, ItemFact, Pos};
use super::lexicon::Vocab;
use super::lexicon::{Class, FastMap};
use super::merge::bare_head;
use super::outline::{MAX_SUMMARY_CHARS, Outline, strip_article};
use super::resolve::{Resolution, Speaker};
use super::rules;
use super::taxonomy::{Taxonomy, taxonomy};
use super::token::{TokenBuf, sentences, tokenize};
use super::words::{collapse_ws, cut_chars, fold_key};
use crate::model::{Area, Briefing, CategoryKind, Party, Person, Quote, Speakers, Threat};

/// At most this many items of each kind are kept.
pub(crate) const MAX_ITEMS: usize = 500;
/// At most this many parties.
const MAX_PARTIES: usize = 40;

/// An organisation as a party: its short name and its full name.
#[derive(Debug, Clone)]
struct Org {
    name: String,
    full: Option<String>,
}

impl Org {
    /// "Office fédéral de la police (fedpol)" -> fedpol, Office fédéral de la police;
    /// "l'ONUDC" -> ONUDC.
    fn parse(written: &str, vocab: &Vocab) -> Option<Org> {
        let written = collapse_ws(strip_article(written.trim(), vocab));
        if written.is_empty() {
            return None;
        }
        if let Some(open) = written.rfind('(')
            && written.ends_with(')')
        {
            let short = written.get(open + 1..written.len() - 1)?.trim().to_string();
            // "la Suisse et l’Office européen de police (Europol)": the name before the
            // brackets is the last of a list.
            let spelled = written.get(..open)?;
            let full = list_parts(spelled, vocab)
                .pop()
                .unwrap_or(spelled)
                .trim()
                .to_string();
            if !short.is_empty() && !full.is_empty() {
                return Some(Org {
                    name: short,
                    full: Some(full),
                });
            }
        }
        Some(Org {
            name: written,
            full: None,
        })
    }

    fn keys(&self) -> Vec<String> {
        std::iter::once(fold_key(&self.name))
            .chain(self.full.as_deref().map(fold_key))
            .collect()
    }
}

/// An organisation's keys, as [`Org::keys`] and each between spaces (the empty ones left
/// out), to tell whether a text names it ([`Keys::named_in`]); worked out once per party.
struct Keys {
    keys: Vec<String>,
    spaced: Vec<String>,
}

impl Keys {
    fn of(org: &Org) -> Keys {
        let keys = org.keys();
        let spaced = keys
            .iter()
            .filter(|k| !k.is_empty())
            .map(|k| format!(" {k} "))
            .collect();
        Keys { keys, spaced }
    }

    /// True when a text (an organisation or a role), folded between spaces
    /// ([`spaced_key`]), names this organisation.
    fn named_in(&self, spaced_text: &str) -> bool {
        self.spaced.iter().any(|k| spaced_text.contains(k.as_str()))
    }

    /// True when one of `other` is one of these keys.
    fn shares(&self, other: &[String]) -> bool {
        other.iter().any(|k| self.keys.contains(k))
    }
}

/// An organisation's name as written beside a person or as a publisher, folded once to be
/// compared with every party's [`Keys`].
struct OrgName {
    spaced: String,
    parsed: Option<Vec<String>>,
}

impl OrgName {
    fn of(name: &str, vocab: &Vocab) -> OrgName {
        OrgName {
            spaced: spaced_key(name),
            parsed: Org::parse(name, vocab).map(|o| o.keys()),
        }
    }

    /// True when it names the party of `keys`: one of them within it, or a key in common.
    fn names(&self, keys: &Keys) -> bool {
        keys.named_in(&self.spaced) || self.parsed.as_ref().is_some_and(|p| keys.shares(p))
    }
}

/// `text` folded ([`fold_key`]) between spaces.
fn spaced_key(text: &str) -> String {
    format!(" {} ", fold_key(text))
}

/// An organisation as a party, or none when the words name no party: common nouns alone
/// ("police", "programme"), the dateline's place ("LYON"), an event, a document or an
/// operation ("Octopus Conference"), one common capitalised word ("Security").
fn party(mut org: Org, place: &[String], vocab: &Vocab) -> Option<Org> {
    // "agency AUSTRAC": the common noun before the name goes.
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let words: Vec<&str> = org.name.split(' ').collect();
    let first = words.iter().position(|w| capital(w))?;
    if first > 0 {
        org.name = words.get(first..)?.join(" ");
    }
    let key = fold_key(&org.name);
    if place.contains(&key) {
        return None;
    }
    let named = org.keys().join(" ");
    if named.split(' ').any(|w| vocab.is(w, Class::NotParty)) {
        return None;
    }
    // "Foreign Affairs", "Justice and Customs": a minister's portfolio, no organisation.
    let lower = org.name.to_lowercase();
    let words = || lower.split([' ', '\'', '’']).filter(|w| !w.is_empty());
    if words().any(|w| vocab.is(w, Class::Portfolio))
        && words().all(|w| {
            vocab.is(w, Class::Portfolio)
                || vocab.is(w, Class::OrgConnector)
                || vocab.is(w, Class::ListConnector)
                || vocab.is(w, Class::Determiner)
        })
    {
        return None;
    }
    // "Salome Zourabichvili": a known given name and no word of an organisation is a person.
    let words: Vec<&str> = key.split(' ').collect();
    if words.len() >= 2
        && words
            .first()
            .is_some_and(|w| crate::import::lexicon::given_name_gender(w).is_some())
        && !words
            .iter()
            .any(|w| vocab.is(w, Class::OrgWord) || vocab.is(w, Class::OrgName))
    {
        return None;
    }
    let acronym = org
        .name
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    // "Western Balkans", "Golfe de Guinée": a place, unless an organisation's word or short
    // name says otherwise ("Pacific Islands Forum", "Caribbean Community (CARICOM)").
    let lower: Vec<String> = org
        .name
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .map(str::to_lowercase)
        .collect();
    // "Belgium and the Netherlands", "France et le Bénin", "Justice and Law" (a minister's
    // portfolio): names joined by "and" with no word of an organisation are several places or
    // a portfolio, no party ("Police and Border Guard" keeps its organisation's word).
    if lower.iter().any(|w| vocab.is(w, Class::ListConnector))
        && !lower.iter().any(|w| vocab.is(w, Class::OrgWord))
        && org.full.is_none()
    {
        return None;
    }
    if is_place(&org.name, vocab)
        && !lower
            .iter()
            .any(|w| vocab.is(w, Class::OrgWord) || vocab.is(w, Class::OrgName))
        && org.full.is_none()
        && !acronym
    {
        return None;
    }
    let one_word = !key.contains(' ') && org.full.is_none();
    // One capitalised word that the lexicon knows as a common word is no name.
    let (single, _) = vocab.classes_of(&key);
    if one_word && !acronym && single != 0 && !vocab.is(&key, Class::OrgName) {
        return None;
    }
    Some(org)
}

/// True when `name` is a region's or a sea's: a region word last ("Western Balkans", "Indian
/// Ocean"), or with a lowercase word after it ("Gulf of Guinea", "Afrique de l'Ouest",
/// "Méditerranée centrale", "South America to European"); not a body named after one
/// ("Pacific Islands Forum").
fn is_place(name: &str, vocab: &Vocab) -> bool {
    let words: Vec<&str> = name
        .split(|c: char| c.is_whitespace() || c == '\'' || c == '’')
        .filter(|w| !w.is_empty())
        .collect();
    let region = |w: Option<&&str>| w.is_some_and(|w| vocab.is(&w.to_lowercase(), Class::Region));
    let lower =
        |w: Option<&&str>| w.is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase));
    region(words.last())
        || words
            .iter()
            .enumerate()
            .any(|(n, w)| region(Some(w)) && lower(words.get(n + 1)))
}

/// True when a release's publisher is one of its parties: one organisation (not a list
/// of them, "Home Office and Foreign, Commonwealth & Development Office"), neither a news
/// outlet ("UN News", "Le Monde.fr") nor a press office ("Service de presse du ministre").
fn publisher_takes_part(source: &str, vocab: &Vocab) -> bool {
    if source.contains([',', '&', ';', '/', '|']) {
        return false;
    }
    let buf = super::outline::tokens_of(source, vocab);
    let sent = buf.sent(source, 0..buf.len(), vocab);
    let press_office = sent.phrase_at(0, Class::Spokesperson).is_some();
    let listed_or_outlet = (0..sent.len()).any(|i| {
        sent.phrase_at(i, Class::ListConnector).is_some()
            || sent.phrase_at(i, Class::NewsOutlet).is_some()
    });
    // A web address: "Le Monde.fr".
    let address = source
        .split_whitespace()
        .any(|w| w.trim_end_matches('.').contains('.'));
    !press_office && !listed_or_outlet && !address
}

/// The fewest capitalised words of an organisation's name that takes part when named once.
const MIN_HEADED_NAME_CAPITALS: usize = 2;

/// True when a name is an organisation's by its words: an organisation noun among capitalised
/// words ("Homestead Police Department", "Gouvernement du Japon"), not a run of capitals that
/// might be anything ("Super Bowl"), a heading in capitals ("PUBLIC AFFAIRS DEPARTMENT"), a
/// list ending in common words ("NCA to the Serbian police") or a place ("Bureau de l'OIM à
/// Djibouti").
fn is_headed_name(name: &str, vocab: &Vocab) -> bool {
    let words: Vec<String> = name.split(' ').map(str::to_lowercase).collect();
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let capitals = name.split(' ').filter(|w| capital(w)).count();
    let shouted = words.len() > 1 && !name.chars().any(char::is_lowercase);
    let small_words_only = name.split(' ').zip(&words).all(|(written, lower)| {
        capital(written)
            || (vocab.is(lower, Class::OrgConnector) || vocab.is(lower, Class::OrgAdjective))
                && !vocab.is(lower, Class::RolePlacePreposition)
    });
    let ends_capital = name.split(' ').next_back().is_some_and(capital);
    capitals >= MIN_HEADED_NAME_CAPITALS
        && !shouted
        && small_words_only
        && ends_capital
        && words.iter().any(|w| vocab.is(w, Class::OrgWord))
}

/// The names of a list read as one name, split before each "and the", "et les" (a list
/// connector and an article).
fn list_parts<'a>(name: &'a str, vocab: &Vocab) -> Vec<&'a str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut words = name.match_indices(' ').map(|(at, _)| at + 1);
    let starts: Vec<usize> = std::iter::once(0).chain(&mut words).collect();
    for pair in starts.windows(3) {
        let (Some(&conn), Some(&det), Some(&next)) = (pair.first(), pair.get(1), pair.get(2))
        else {
            continue;
        };
        let word = |from: usize, to: usize| name.get(from..to).map(|w| w.trim().to_lowercase());
        if !word(conn, det).is_some_and(|w| vocab.is(&w, Class::ListConnector)) {
            continue;
        }
        // "et la Gendarmerie", or an elided article glued to the next name: "et l’Office".
        let elided = || {
            let written = name.get(det..next)?;
            let (cut, mark) = written
                .char_indices()
                .find(|(_, c)| matches!(c, '\'' | '’'))?;
            let article = written.get(..cut)?.to_lowercase();
            let named_at = cut + mark.len_utf8();
            let capital = written
                .get(named_at..)?
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
            (capital && vocab.is(&format!("{article}'"), Class::Determiner))
                .then_some(det + named_at)
        };
        let named = if word(det, next).is_some_and(|w| vocab.is(&w, Class::Determiner)) {
            Some(next)
        } else {
            elided()
        };
        if let Some(from) = named {
            if let Some(part) = name.get(start..conn) {
                parts.push(part.trim());
            }
            start = from;
        }
    }
    if let Some(part) = name.get(start..) {
        parts.push(part.trim());
    }
    parts
}

/// The parties: organisations of the front, of people's roles, of speakers, of "About"
/// headings and those the body names twice or the lexicon knows, in order of appearance (the
/// front's first), merged by name.
fn parties(outline: &Outline, facts: &Facts, resolution: &Resolution, vocab: &Vocab) -> Vec<Org> {
    let mut written: Vec<(bool, Pos, &str)> = facts
        .orgs
        .iter()
        .filter(|o| o.in_front)
        .map(|o| (true, o.pos, o.name.as_str()))
        .collect();
    for person in &resolution.people {
        if let Some(org) = &person.org {
            written.push((false, person.first, org));
        }
    }
    let last = Pos {
        para: usize::MAX,
        tok: 0,
    };
    for speaker in &resolution.speakers {
        if let Speaker::Org(name) = speaker {
            written.push((false, last, name));
        }
    }
    // An organisation the body names twice, or one the lexicon knows by name ("Europol"),
    // takes part: "Europol facilitated the exchange of information".
    let mut times: FastMap<String, usize> = FastMap::default();
    for org in &facts.orgs {
        *times.entry(fold_key(&org.name)).or_default() += 1;
    }
    for org in facts.orgs.iter().filter(|o| !o.in_front) {
        let key = fold_key(&org.name);
        if times.get(&key).is_some_and(|&n| n >= 2) || vocab.is(&key, Class::OrgName) {
            written.push((false, org.pos, org.name.as_str()));
        } else if !org.named_again_only {
            // Named once, an organisation takes part when its words say it is one; a list
            // read as one name ("the Homestead Police Department and the Coral Gables Police
            // Department") is read name by name.
            for part in list_parts(&org.name, vocab) {
                if is_headed_name(part, vocab) {
                    written.push((false, org.pos, part));
                }
            }
        }
    }
    // The publisher takes part in its own release ("European Parliament"), ahead of the
    // others.
    if let Some(source) = outline
        .source
        .as_deref()
        .filter(|s| publisher_takes_part(s, vocab))
    {
        written.insert(0, (true, Pos::default(), source));
    }
    written.sort_by_key(|(front, pos, _)| (!*front, *pos));
    let about = outline
        .about
        .iter()
        .map(|name| (false, last, name.as_str()));
    // The parties so far, each with its keys (computed once, not at each name compared).
    let mut out: Vec<(Org, Vec<String>)> = Vec::new();
    // "Lyon, France": the city alone names no party either.
    // Someone read as a person is no organisation.
    let people: std::collections::HashSet<String, foldhash::fast::RandomState> = resolution
        .people
        .iter()
        .map(|p| fold_key(&p.name))
        .collect();
    let place: Vec<String> = outline
        .place
        .iter()
        .flat_map(|p| [fold_key(p), fold_key(p.split(',').next().unwrap_or(p))])
        .collect();
    for (_, _, name) in written.into_iter().chain(about) {
        let Some(org) = Org::parse(name, vocab)
            .and_then(|o| party(o, &place, vocab))
            .filter(|o| !people.contains(&fold_key(&o.name)))
        else {
            continue;
        };
        let keys = org.keys();
        let count = out.len();
        match out
            .iter_mut()
            .find(|(_, known)| known.iter().any(|k| keys.contains(k)))
        {
            Some((known, known_keys)) if known.full.is_none() => {
                // "Gendarmerie royale du Canada", then "Gendarmerie royale du Canada (GRC)":
                // the short name in parentheses is the party's name.
                if org.full.is_some() {
                    known.name = org.name;
                }
                known.full = org.full;
                *known_keys = known.keys();
            }
            None if count < MAX_PARTIES => out.push((org, keys)),
            Some(_) | None => {}
        }
    }
    let mut orgs: Vec<Org> = out.into_iter().map(|(org, _)| org).collect();
    merge_acronyms(&mut orgs, vocab);
    orgs
}

/// The longest acronym merged with the name it abbreviates.
const MAX_ACRONYM_CHARS: usize = 8;

/// The initials of a name's words, its small words left out ("European Parliament" -> "EP",
/// "Gendarmerie royale du Canada" -> "GRC", "Canadian Centre for Cyber Security" -> "CCCS").
fn initials(name: &str, vocab: &Vocab) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-' || c == '\'' || c == '’')
        .filter(|w| {
            let lower = w.to_lowercase();
            !w.is_empty()
                && !vocab.is(&lower, Class::OrgConnector)
                && !vocab.is(&lower, Class::Determiner)
        })
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .collect()
}

/// Merges a party named by an acronym alone ("EP") with the one party whose name it
/// abbreviates ("European Parliament"): one party, "EP" with its full name. Two parties
/// with the same initials ("European Commission", "European Council" for "EC") stay apart.
fn merge_acronyms(orgs: &mut Vec<Org>, vocab: &Vocab) {
    let mut at = 0;
    while let Some(org) = orgs.get(at) {
        let acronym = org.name.clone();
        let is_acronym = org.full.is_none()
            && (2..=MAX_ACRONYM_CHARS).contains(&acronym.chars().count())
            && acronym.chars().all(char::is_uppercase);
        let spelled: Vec<usize> = if is_acronym {
            (0..orgs.len())
                .filter(|&n| {
                    n != at
                        && orgs.get(n).is_some_and(|o| {
                            o.full.is_none()
                                && o.name.contains(' ')
                                && initials(&o.name, vocab) == acronym
                        })
                })
                .collect()
        } else {
            Vec::new()
        };
        // The acronym's place goes: the next party moves into it.
        if let [one] = spelled[..] {
            if let Some(full) = orgs.get_mut(one) {
                full.full = Some(std::mem::replace(&mut full.name, acronym));
            }
            orgs.remove(at);
        } else {
            at += 1;
        }
    }
}

/// Builds the briefing's parties and quotes; returns the name each quote's speakers go by.
fn people_and_quotes(
    briefing: &mut Briefing,
    outline: &Outline,
    facts: &mut Facts,
    resolution: &Resolution,
    vocab: &Vocab,
) {
    let orgs = parties(outline, facts, resolution, vocab);
    let org_keys: Vec<Keys> = orgs.iter().map(Keys::of).collect();
    let mut parties: Vec<Party> = orgs
        .iter()
        .map(|o| Party {
            name: o.name.clone(),
            full_name: o.full.clone(),
            people: Vec::new(),
        })
        .collect();
    let mut other = Party {
        name: vocab.other_speakers.clone(),
        ..Party::default()
    };
    let mut speaking = vec![false; resolution.people.len()];
    for (speaker, kept) in resolution.speakers.iter().zip(&resolution.kept) {
        if let (Speaker::People(people), true) = (speaker, kept) {
            for &i in people {
                if let Some(s) = speaking.get_mut(i) {
                    *s = true;
                }
            }
        }
    }
    for (i, person) in resolution.people.iter().enumerate() {
        if person.role.is_none() && !speaking.get(i).copied().unwrap_or_default() {
            continue;
        }
        let entry = Person {
            name: person.name.clone(),
            role: person.role.clone().unwrap_or_default(),
        };
        // The person's organisation and role, folded once for all the parties.
        let org = person.org.as_deref().map(|org| OrgName::of(org, vocab));
        let role = person.role.as_deref().map(spaced_key);
        let party = org_keys.iter().position(|keys| {
            org.as_ref().is_some_and(|org| org.names(keys))
                || role.as_ref().is_some_and(|r| keys.named_in(r))
        });
        match party.and_then(|p| parties.get_mut(p)) {
            Some(party) => party.people.push(entry),
            None => other.people.push(entry),
        }
    }
    contacts(&mut parties, &mut other, &org_keys, outline, facts, vocab);
    // The quotes' words move into the briefing: a long release's are not held twice.
    for (n, quote) in std::mem::take(&mut facts.quotes).into_iter().enumerate() {
        if !resolution.kept.get(n).copied().unwrap_or_default() {
            continue;
        }
        let speaker = match resolution.speakers.get(n) {
            Some(Speaker::People(people)) => Speakers::many(
                people
                    .iter()
                    .filter_map(|i| resolution.people.get(*i).map(|p| p.name.clone())),
            ),
            Some(Speaker::Org(name)) => Org::parse(name, vocab)
                .and_then(|org| {
                    let keys = org.keys();
                    orgs.iter()
                        .zip(&org_keys)
                        .find(|(_, known)| known.shares(&keys))
                        .map(|(party, _)| party)
                })
                .map_or_else(Speakers::none, |party| Speakers::one(party.name.clone())),
            _ => Speakers::none(),
        };
        briefing.quotes.push(Quote {
            speaker,
            text: quote.text,
            context: quote.context,
        });
    }
    if !other.people.is_empty() {
        parties.push(other);
    }
    briefing.parties = parties;
}

/// Adds the people of the contacts sections the release does not name already, to the
/// publisher's party (the one its source names), or with the other people when there is none.
fn contacts(
    parties: &mut [Party],
    other: &mut Party,
    org_keys: &[Keys],
    outline: &Outline,
    facts: &Facts,
    vocab: &Vocab,
) {
    let publisher = outline.source.as_deref().and_then(|source| {
        let source = OrgName::of(source, vocab);
        org_keys.iter().position(|keys| source.names(keys))
    });
    for contact in &facts.contacts {
        let key = fold_key(&contact.name);
        let known = parties
            .iter()
            .chain(std::iter::once(&*other))
            .flat_map(|p| &p.people)
            .any(|p| fold_key(&p.name) == key);
        if known {
            continue;
        }
        let entry = Person {
            name: contact.name.clone(),
            role: contact.role.clone().unwrap_or_default(),
        };
        // A publisher that is no party known here gives its contacts to no party: the first
        // party would be a guess (a minister's country for the Council's press officer).
        match publisher.and_then(|at| parties.get_mut(at)) {
            Some(party) => party.people.push(entry),
            None => other.people.push(entry),
        }
    }
}

/// The threats and areas, one per phenomenon, in order of first mention (merged as they
/// were read, see [`super::merge::Items`]). Cooperation in general ("la coopération
/// internationale est plus que jamais essentielle") is an area only of a release that names no
/// form of it, unless a list names it among others.
fn items(briefing: &mut Briefing, facts: &Facts, taxonomy: &Taxonomy) {
    let general = |item: &ItemFact| {
        item.list.is_none() && item.category.is_some_and(|id| taxonomy.is_general(id))
    };
    let specific = facts
        .items
        .kept()
        .any(|item| item.kind == CategoryKind::Area && !general(item));
    for item in facts.items.kept() {
        if specific && general(item) {
            continue;
        }
        let detail = Some(item.detail.to_string()).filter(|d| !d.is_empty());
        match item.kind {
            CategoryKind::Threat if briefing.threats.len() < MAX_ITEMS => {
                briefing.threats.push(Threat {
                    label: item.label.clone(),
                    category: item.category.map(str::to_string),
                    detail,
                    emerging: item.emerging,
                });
            }
            CategoryKind::Area if briefing.cooperation_areas.len() < MAX_ITEMS => {
                briefing.cooperation_areas.push(Area {
                    label: item.label.clone(),
                    category: item.category.map(str::to_string),
                    detail,
                });
            }
            _ => {}
        }
    }
}

/// Drops a threat named by a generic head alone ("Trafficking", "Trafics") when another
/// threat names it in full ("Drug trafficking", "Trafic de stupéfiants"): the same danger said
/// twice, the second time without what makes it specific.
fn drop_bare_heads(briefing: &mut Briefing, taxonomy: &Taxonomy) {
    let keys: Vec<String> = briefing
        .threats
        .iter()
        .map(|t| fold_key(&t.label))
        .collect();
    let mut n = 0;
    briefing.threats.retain(|_| {
        let key = keys.get(n).map_or("", String::as_str);
        n += 1;
        let bare = bare_head(key, taxonomy);
        // "trafic" inside "trafic de stupéfiants", "trafics" inside "trafics illicites".
        let stem = key.trim_end_matches('s');
        !(bare
            && keys.iter().any(|other| {
                other != key && other.split(' ').any(|w| w.trim_end_matches('s') == stem)
            }))
    });
}

/// The event and the place the lead's first two sentences name.
fn occasion(lead: &str, vocab: &Vocab) -> (Option<String>, Option<String>) {
    let mut buf = TokenBuf::spare();
    tokenize(lead, &mut buf);
    buf.annotate(vocab);
    let (mut event, mut place) = (None, None);
    for range in sentences(&buf.toks).into_iter().take(2) {
        let sent = buf.sent(lead, range, vocab);
        event = event.or_else(|| rules::event::event_in(&sent));
        place = place.or_else(|| rules::event::place_in(&sent));
    }
    (event, place)
}

/// The briefing of a release.
pub(crate) fn briefing(
    outline: &Outline,
    mut facts: Facts,
    resolution: &Resolution,
    vocab: &Vocab,
) -> Briefing {
    let mut briefing = Briefing {
        title: outline.title.clone(),
        date: outline.date,
        lang: Some(vocab.lang.tag().to_string()),
        place: outline.place.clone(),
        source: outline.source.clone(),
        caption: outline.caption.clone(),
        ..Briefing::default()
    };
    if let Some(lead) = outline.lead.and_then(|at| outline.para_text(at)) {
        let text = collapse_ws(lead);
        if !text.is_empty() {
            briefing.summary.push(cut_chars(&text, MAX_SUMMARY_CHARS));
        }
        let (event, place) = occasion(lead, vocab);
        briefing.event = event;
        if briefing.place.is_none() {
            briefing.place = place;
        }
    }
    people_and_quotes(&mut briefing, outline, &mut facts, resolution, vocab);
    items(&mut briefing, &facts, taxonomy(vocab.lang));
    drop_bare_heads(&mut briefing, taxonomy(vocab.lang));
    briefing
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::lexicon::vocab;
    use crate::model::Lang;
    use rstest::rstest;

    #[rstest]
    #[case::police_department("Homestead Police Department", Lang::En, true)]
    #[case::government_fr("Gouvernement du Japon", Lang::Fr, true)]
    #[case::event("Super Bowl", Lang::En, false)]
    #[case::shouted_heading("PUBLIC AFFAIRS DEPARTMENT", Lang::En, false)]
    #[case::ends_in_common_words("NCA to the Serbian police", Lang::En, false)]
    #[case::place_fr("Bureau de l'OIM à Djibouti", Lang::Fr, false)]
    #[case::one_capital("Police nationale", Lang::Fr, false)]
    fn headed_names_count_when_named_once(
        #[case] name: &str,
        #[case] lang: Lang,
        #[case] headed: bool,
    ) {
        assert_eq!(is_headed_name(name, vocab(lang)), headed, "{name}");
    }

    #[test]
    fn a_list_read_as_one_name_is_read_name_by_name() {
        let v = vocab(Lang::En);
        assert_eq!(
            list_parts(
                "Homestead Police Department and the Coral Gables Police Department",
                v
            ),
            [
                "Homestead Police Department",
                "Coral Gables Police Department"
            ]
        );
        assert_eq!(
            list_parts("Police and Border Guard", v),
            ["Police and Border Guard"]
        );
        assert_eq!(
            list_parts(
                "Police nationale et la Gendarmerie nationale",
                vocab(Lang::Fr)
            ),
            ["Police nationale", "Gendarmerie nationale"]
        );
        assert_eq!(
            list_parts("Suisse et l’Office européen de police", vocab(Lang::Fr)),
            ["Suisse", "Office européen de police"]
        );
        assert_eq!(
            list_parts("Office de la drogue et l'ordre", vocab(Lang::Fr)),
            ["Office de la drogue et l'ordre"]
        );
    }

    #[rstest]
    #[case::region("Western Balkans", Lang::En, false)]
    #[case::regions("Southeast Asia and the Pacific", Lang::En, false)]
    #[case::sea("Gulf of Guinea", Lang::En, false)]
    #[case::sea_fr("le Golfe de Guinée", Lang::Fr, false)]
    #[case::region_fr("l'Afrique de l'Ouest", Lang::Fr, false)]
    #[case::two_countries("Belgium and the Netherlands", Lang::En, false)]
    #[case::two_countries_fr("la France et le Bénin", Lang::Fr, false)]
    #[case::portfolio("Justice and Law", Lang::En, false)]
    #[case::portfolio_of_a_minister("Foreign Affairs", Lang::En, false)]
    #[case::portfolios("Justice and Customs", Lang::En, false)]
    #[case::department_of_a_portfolio("Department of Foreign Affairs and Trade", Lang::En, true)]
    #[case::portfolio_fr("Affaires étrangères", Lang::Fr, false)]
    #[case::ministry_of_a_portfolio_fr("Ministère de la Justice", Lang::Fr, true)]
    #[case::regional_body("Pacific Islands Forum", Lang::En, true)]
    #[case::regional_body_short("Caribbean Community (CARICOM)", Lang::En, true)]
    #[case::joined_body("Police and Border Guard", Lang::En, true)]
    #[case::country("New Zealand", Lang::En, true)]
    #[case::body_of_a_region("Union africaine", Lang::Fr, true)]
    fn places_and_joined_names_are_no_parties(
        #[case] name: &str,
        #[case] lang: Lang,
        #[case] is_party: bool,
    ) {
        let v = vocab(lang);
        let org = Org::parse(name, v).expect("a name");
        assert_eq!(party(org, &[], v).is_some(), is_party, "{name}");
    }

    #[rstest]
    #[case::body("European Parliament", Lang::En, true)]
    #[case::ministry("Ministère de l'Intérieur", Lang::Fr, true)]
    #[case::news("UN News", Lang::En, false)]
    #[case::info("ONU Info", Lang::Fr, false)]
    #[case::site_address("Le Monde.fr", Lang::Fr, false)]
    #[case::two_publishers(
        "Home Office and Foreign, Commonwealth & Development Office",
        Lang::En,
        false
    )]
    #[case::press_office("Service de presse du ministre de l'Intérieur", Lang::Fr, false)]
    fn a_publisher_takes_part_unless_it_reports(
        #[case] source: &str,
        #[case] lang: Lang,
        #[case] takes_part: bool,
    ) {
        assert_eq!(
            publisher_takes_part(source, vocab(lang)),
            takes_part,
            "{source}"
        );
    }

    fn org(name: &str, full: Option<&str>) -> Org {
        Org {
            name: name.to_string(),
            full: full.map(str::to_string),
        }
    }

    #[test]
    fn an_acronym_merges_with_the_one_name_it_abbreviates() {
        let v = vocab(Lang::En);
        let mut orgs = vec![
            org("European Parliament", None),
            org("NATO", None),
            org("EP", None),
        ];
        merge_acronyms(&mut orgs, v);
        let names: Vec<(&str, Option<&str>)> = orgs
            .iter()
            .map(|o| (o.name.as_str(), o.full.as_deref()))
            .collect();
        assert_eq!(names, [("EP", Some("European Parliament")), ("NATO", None)]);
        assert_eq!(initials("Canadian Centre for Cyber Security", v), "CCCS");
        assert_eq!(
            initials("Gendarmerie royale du Canada", vocab(Lang::Fr)),
            "GRC"
        );
        // Two names with its initials: which one it abbreviates is unsure.
        let mut two = vec![
            org("European Commission", None),
            org("European Council", None),
            org("EC", None),
        ];
        merge_acronyms(&mut two, v);
        assert_eq!(two.len(), 3);
    }
}
