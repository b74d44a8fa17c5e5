//! Parties and people: organisations (acronyms, "Full Name (ACR)", "the Ministry of ..."),
//! people named next to a role ("le directeur exécutif de l'ONUDC, Yury Fedotov", "Ms. Smith,
//! Minister of the Interior"), and the resolution of a quote's subject (a name, a surname, an
//! honorific, a role, a pronoun, an organisation) to one of them. No I/O here.

use super::lexicon::{FastMap, Kind, Vocab};
use super::text::{Token, name_key};

/// A person or an organisation speaking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Speaker {
    /// An index into [`People::persons`].
    Person(usize),
    /// An index into [`People::orgs`]: the organisation speaks for itself.
    Org(usize),
}

/// An organisation found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Org {
    /// The short name, as written ("ONUDC", "Ministry of the Interior").
    pub name: String,
    /// The name in full, from a "Full Name (ACR)" definition.
    pub full_name: Option<String>,
    /// Whether it takes part: named in the title or lead, by a role, or as a speaker.
    pub party: bool,
}

/// A person found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// The name as written; "Ms. Smith" when only the surname is known.
    pub name: String,
    /// The role as written ("directeur exécutif de l'ONUDC"), or empty.
    pub role: String,
    /// The organisation the role names.
    pub org: Option<usize>,
    /// The role phrase of the lexicon, lowercase ("directeur exécutif").
    role_head: Option<String>,
    surname: String,
    /// Known by honorific and surname only.
    partial: bool,
    /// Named with a role, or quoted: worth listing.
    pub listed: bool,
}

/// Who "he", "she" and "the organisation" may refer to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Recent {
    /// The person a pronoun refers to.
    pub person: Option<Speaker>,
    /// The organisation a generic "the organisation" refers to.
    pub org: Option<Speaker>,
}

/// Everyone and every organisation found so far.
#[derive(Debug, Default)]
pub struct People {
    /// Organisations, in order of first mention.
    pub orgs: Vec<Org>,
    /// People, in order of first mention.
    pub persons: Vec<Person>,
    org_index: FastMap<String, usize>,
    by_name: FastMap<String, usize>,
    by_surname: FastMap<String, Vec<usize>>,
}

/// At most this many people and organisations are kept; a release names a handful.
const MAX_ENTRIES: usize = 500;

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
    fn tok(&self, i: usize) -> Option<&'a Token> {
        self.toks.get(i)
    }

    fn low(&self, i: usize) -> &'a str {
        self.tok(i).map_or("", |t| t.lower(self.lower))
    }

    fn is(&self, i: usize, kinds: &[Kind]) -> bool {
        self.tok(i)
            .is_some_and(|t| t.word && self.vocab.token_is(t, self.lower, kinds))
    }

    fn punct(&self, i: usize, c: char) -> bool {
        self.tok(i).is_some_and(|t| t.is(self.src, c))
    }

    fn slice(&self, from: usize, to: usize) -> &'a str {
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
    fn is_name_start(&self, i: usize) -> bool {
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

    fn is_name_word(&self, i: usize) -> bool {
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

    fn is_initial(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| {
            t.word && t.cap && t.text(self.src).chars().count() == 1 && self.punct(i + 1, '.')
        })
    }

    /// The number of lowercase particles at `i` followed by a name word ("von der Leyen").
    fn particles(&self, i: usize) -> usize {
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

impl People {
    fn org_key(name: &str) -> String {
        name_key(name)
    }

    /// Finds or adds an organisation; `party` marks it as taking part.
    pub fn org(&mut self, name: &str, party: bool) -> Option<usize> {
        let name = name.trim();
        if name.is_empty() {
            return None;
        }
        let key = People::org_key(name);
        if let Some(&i) = self.org_index.get(&key) {
            if let Some(o) = self.orgs.get_mut(i) {
                o.party |= party;
            }
            return Some(i);
        }
        if self.orgs.len() >= MAX_ENTRIES {
            return None;
        }
        self.orgs.push(Org {
            name: super::text::capitalize_first(name),
            full_name: None,
            party,
        });
        let i = self.orgs.len() - 1;
        self.org_index.insert(key, i);
        Some(i)
    }

    /// Records that `full` is the full name of the acronym `acr`.
    pub fn define(&mut self, acr: &str, full: &str) {
        if let Some(i) = self.org(acr, false) {
            if let Some(o) = self.orgs.get_mut(i)
                && o.full_name.is_none()
            {
                o.full_name = Some(full.to_string());
            }
            self.org_index.entry(People::org_key(full)).or_insert(i);
        }
    }

    fn person(&mut self, name: &str, partial: bool) -> Option<usize> {
        let surname = name.split_whitespace().last().unwrap_or(name);
        let skey = name_key(surname);
        if partial {
            if let Some(ids) = self.by_surname.get(&skey)
                && let [one] = ids.as_slice()
            {
                return Some(*one);
            }
            if !self.by_surname.contains_key(&skey)
                && let Some(i) = self.by_part(surname)
            {
                return Some(i);
            }
        } else {
            let key = name_key(name);
            if let Some(&i) = self.by_name.get(&key) {
                return Some(i);
            }
            // "Ms. Smith" met before "Jane Smith": the same person, now with a full name.
            let partial_match = self.by_surname.get(&skey).and_then(|ids| {
                ids.iter()
                    .copied()
                    .find(|&i| self.persons.get(i).is_some_and(|p| p.partial))
            });
            if let Some(i) = partial_match {
                if let Some(p) = self.persons.get_mut(i) {
                    p.name = name.to_string();
                    p.partial = false;
                }
                self.by_name.insert(key, i);
                return Some(i);
            }
            // "Pejčinović Burić" for "Marija Pejčinović Burić": one name ends the other, or
            // both start alike.
            let first = |k: &str| k.split(' ').next().unwrap_or("").to_string();
            let compatible = self.by_surname.get(&skey).and_then(|ids| {
                ids.iter().copied().find(|&i| {
                    self.persons.get(i).is_some_and(|p| {
                        let known = name_key(&p.name);
                        known.ends_with(&format!(" {key}"))
                            || key.ends_with(&format!(" {known}"))
                            || first(&known) == first(&key)
                    })
                })
            });
            if compatible.is_some() {
                return compatible;
            }
        }
        if self.persons.len() >= MAX_ENTRIES {
            return None;
        }
        self.persons.push(Person {
            name: name.to_string(),
            role: String::new(),
            org: None,
            role_head: None,
            surname: skey.clone(),
            partial,
            listed: false,
        });
        let i = self.persons.len() - 1;
        if !partial {
            self.by_name.insert(name_key(name), i);
        }
        self.by_surname.entry(skey).or_default().push(i);
        Some(i)
    }

    fn set_role(&mut self, i: usize, role: &str, head: &str, org: Option<usize>) {
        if let Some(p) = self.persons.get_mut(i)
            && p.role.is_empty()
        {
            p.role = role.to_string();
            p.role_head = Some(head.to_string());
            p.org = org;
            p.listed = true;
        }
        if let Some(o) = org.and_then(|o| self.orgs.get_mut(o)) {
            o.party = true;
        }
    }

    /// Marks a person as worth listing (they speak).
    pub fn list(&mut self, speaker: Speaker) {
        match speaker {
            Speaker::Person(i) => {
                if let Some(p) = self.persons.get_mut(i) {
                    p.listed = true;
                }
            }
            Speaker::Org(i) => {
                if let Some(o) = self.orgs.get_mut(i) {
                    o.party = true;
                }
            }
        }
    }

    /// Marks the acronyms of a sentence (the title, the lead) as parties.
    pub fn note_parties(&mut self, s: Sent<'_>) {
        if shouting(s) {
            return;
        }
        for i in 0..s.toks.len() {
            if s.is_acronym(i) {
                self.org(s.tok(i).map_or("", |t| t.text(s.src)), true);
            }
        }
    }

    /// Learns from one sentence: acronym definitions, people next to roles, people named
    /// with an honorific.
    pub fn scan(&mut self, s: Sent<'_>) {
        if shouting(s) {
            return;
        }
        let interesting = Kind::mask(&[Kind::Role, Kind::Honorific]);
        let mut i = 0;
        while i < s.toks.len() {
            if s.tok(i)
                .is_some_and(|t| t.word && !Vocab::may_start(t, interesting))
            {
                i += 1;
                continue;
            }
            if s.punct(i, '(') && s.is_acronym(i + 1) && s.punct(i + 2, ')') {
                self.definition(s, i);
            }
            if let Some(n) = s.vocab.match_at(s.toks, s.lower, i, Kind::Role) {
                i = self.apposition(s, i, n).max(i + 1);
                continue;
            }
            if let Some(n) = s.vocab.match_at(s.toks, s.lower, i, Kind::Honorific)
                && let Some((end, words)) = s.name_run(i + n)
            {
                let name = if words == 1 {
                    s.slice(i, end)
                } else {
                    s.slice(i + n, end)
                };
                self.person(name, words == 1);
                i = end;
                continue;
            }
            i += 1;
        }
    }

    /// "Full Name (ACR)": the words before the parenthesis whose initials spell the acronym.
    fn definition(&mut self, s: Sent<'_>, paren: usize) {
        let Some(acr) = s.tok(paren + 1).map(|t| t.text(s.src)) else {
            return;
        };
        let want: Vec<char> = name_key(acr)
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect();
        let mut initials: Vec<char> = Vec::new();
        let mut start = paren;
        while start > 0 && paren - start < 16 {
            start -= 1;
            let Some(t) = s.tok(start) else { break };
            if !t.word {
                break;
            }
            let small = s.is(start, &[Kind::Stop, Kind::Determiner, Kind::OrgConnector]) && !t.cap;
            if !small {
                let first = name_key(t.text(s.src)).chars().next().unwrap_or(' ');
                initials.insert(0, first);
            }
            if initials.len() > want.len() {
                return;
            }
            if initials == want && t.cap {
                self.define(acr, s.slice(start, paren));
                return;
            }
        }
    }

    /// A role at token `i` (`n` tokens long): reads the organisation around it and the person
    /// named beside it. Returns where scanning resumes.
    fn apposition(&mut self, s: Sent<'_>, i: usize, n: usize) -> usize {
        let head = (i..i + n).map(|k| s.low(k)).collect::<Vec<_>>().join(" ");
        let mut role_start = i;
        while role_start > 0 && s.is(role_start - 1, &[Kind::RoleModifier]) {
            role_start -= 1;
        }
        let mut re = i + n;
        while s.is(re, &[Kind::RoleModifier]) {
            re += 1;
        }
        let mut org: Option<String> = None;
        // "INTERPOL Secretary General", "UNODC's Executive Director".
        let mut k = role_start;
        if k >= 2 && s.low(k - 1) == "s" && s.punct(k - 2, '\'') {
            k -= 2;
        }
        if k >= 1 && s.is_acronym(k - 1) {
            org = Some(s.slice(k - 1, k).to_string());
            role_start = k - 1;
        } else {
            // "United Nations Secretary-General": capitalised words naming an organisation.
            let mut a = k;
            while a > 0 && k - a < 5 && s.tok(a - 1).is_some_and(|t| t.word && t.cap) {
                a -= 1;
            }
            if a < k && (a..k).any(|j| s.is(j, &[Kind::OrgWord])) {
                let run = s.slice(a, k);
                org = Some(match self.acronym_of(run) {
                    Some(acr) => {
                        self.define(&acr, run);
                        acr
                    }
                    None => run.to_string(),
                });
                role_start = a;
            }
        }
        // "... de l'ONUDC", "... of the Interior".
        let mut ce = re;
        let mut name_inside: Option<(usize, usize)> = None;
        if s.is(re, &[Kind::RolePreposition]) {
            let mut p = re + 1;
            while s.is(p, &[Kind::Determiner]) && !s.tok(p).is_some_and(|t| t.cap) {
                p += 1;
            }
            if s.is_acronym(p) {
                org = Some(s.slice(p, p + 1).to_string());
                ce = p + 1;
            } else if s.tok(p).is_some_and(|t| t.word && t.cap) {
                let mut e = p;
                let mut caps = Vec::new();
                while let Some(t) = s.tok(e) {
                    if t.word && t.cap {
                        caps.push(e);
                        e += 1;
                    } else if s.is(e, &[Kind::OrgConnector])
                        && s.tok(e + 1).is_some_and(|t| t.word && t.cap)
                    {
                        e += 1;
                    } else if s.is(e, &[Kind::OrgConnector])
                        && s.is(e + 1, &[Kind::Determiner])
                        && s.tok(e + 2).is_some_and(|t| t.word && t.cap)
                    {
                        e += 2;
                    } else {
                        break;
                    }
                    if e - p > 12 {
                        break;
                    }
                }
                // "Minister of the Interior Jane Smith": the name ends the run.
                if caps.len() >= 3 && !s.punct(e, ',') {
                    let a = caps.get(caps.len() - 2).copied().unwrap_or(e);
                    if s.name_run(a) == Some((e, 2)) && s.vocab.is(s.low(e - 1), Kind::OrgWord) {
                        // An organisation's own word: keep the run whole.
                    } else if s.name_run(a) == Some((e, 2)) {
                        name_inside = Some((a, e));
                        e = a;
                    }
                }
                let org_text = s.slice(p, e);
                let institution = s
                    .vocab
                    .lex
                    .role_institutions
                    .iter()
                    .find(|(r, _)| *r == head)
                    .map(|(_, inst)| *inst);
                org = Some(match institution {
                    Some(inst) => format!("{inst} {}", s.slice(re, e)),
                    None => org_text.to_string(),
                });
                ce = e;
            }
        }
        // A complement in lowercase: "de la gendarmerie nationale, Christian Rodriguez".
        if ce == re && s.is(re, &[Kind::RolePreposition]) {
            let p = p_org(s, re);
            let mut k = p;
            while k < p + 6 && s.tok(k).is_some_and(|t| t.word) {
                k += 1;
            }
            if k > p && s.punct(k, ',') && s.name_run(k + 1).is_some_and(|(_, w)| w >= 2) {
                if s.is(p, &[Kind::OrgWord]) && org.is_none() {
                    org = Some(s.slice(p, k).to_string());
                }
                ce = k;
            }
        }
        // Words after the organisation, up to the comma before a name or an "(ACR)":
        // "de la Commission européenne, ...", "de l'Office européen de lutte antifraude
        // (OLAF), ...".
        if ce > re {
            let mut k = ce;
            while k < ce + 8 && s.tok(k).is_some_and(|t| t.word) {
                k += 1;
            }
            if k > ce && s.punct(k, '(') && s.is_acronym(k + 1) && s.punct(k + 2, ')') {
                let full = s.slice(p_org(s, re), k).to_string();
                let acr = s.slice(k + 1, k + 2).to_string();
                self.define(&acr, &full);
                org = Some(acr);
                ce = k + 3;
            } else if k > ce && s.punct(k, ',') && s.name_run(k + 1).is_some_and(|(_, w)| w >= 2) {
                if org.as_deref() == Some(s.slice(p_org(s, re), ce)) {
                    org = Some(s.slice(p_org(s, re), k).to_string());
                }
                ce = k;
            }
        }
        let role = s.slice(role_start, ce).to_string();
        // The name after the role: ", Yury Fedotov", " Juergen Stock", ", M. Dupont".
        let named = name_inside.map(|(a, e)| (a, e, 2)).or_else(|| {
            let mut p = ce;
            if s.punct(p, ',') {
                p += 1;
            }
            let h = s
                .vocab
                .match_at(s.toks, s.lower, p, Kind::Honorific)
                .unwrap_or(0);
            let (end, words) = s.name_run(p + h)?;
            if words >= 2 {
                Some((p + h, end, words))
            } else if h > 0 {
                Some((p, end, 1))
            } else {
                None
            }
        });
        // Or before it: "Yury Fedotov, Executive Director of UNODC", "Ms. Smith, Minister".
        let named = named.or_else(|| {
            let mut q = role_start;
            if q > 0 && s.is(q - 1, &[Kind::Determiner]) {
                q -= 1;
            }
            if q == 0 || !s.punct(q - 1, ',') {
                return None;
            }
            let end = q - 1;
            (end.saturating_sub(6)..end).find_map(|a| {
                let h = s
                    .vocab
                    .match_at(s.toks, s.lower, a, Kind::Honorific)
                    .unwrap_or(0);
                match s.name_run(a + h) {
                    Some((e, w)) if e == end && (w >= 2 || h > 0) && (h == 0 || a + h > a) => {
                        Some(if w >= 2 { (a + h, e, w) } else { (a, e, 1) })
                    }
                    _ => None,
                }
            })
        });
        let Some((a, e, words)) = named else {
            return ce;
        };
        let org = org.and_then(|o| self.org(&o, true));
        if let Some(p) = self.person(s.slice(a, e), words == 1) {
            self.set_role(p, role.trim(), &head, org);
        }
        ce.max(e)
    }

    /// Resolves the subject of a speech verb to a speaker. `last` answers a pronoun.
    pub fn resolve(&mut self, s: Sent<'_>, last: Recent) -> Option<Speaker> {
        let words: Vec<usize> = (0..s.toks.len())
            .filter(|&i| s.tok(i).is_some_and(|t| t.word))
            .collect();
        let first = *words.first()?;
        if s.is(first, &[Kind::Pronoun]) {
            return last.person;
        }
        if s.vocab
            .lex
            .inverted_pronouns
            .iter()
            .any(|suf| s.low(first).ends_with(suf))
        {
            return last.person;
        }
        // A name, with or without an honorific.
        let mut i = 0;
        while i < s.toks.len() {
            let h = s
                .vocab
                .match_at(s.toks, s.lower, i, Kind::Honorific)
                .unwrap_or(0);
            if let Some((end, n)) = s.name_run(i + h) {
                if n >= 2 {
                    return self.person(s.slice(i + h, end), false).map(Speaker::Person);
                }
                if h > 0 {
                    let run = s.slice(i + h, end);
                    let id = self
                        .find_name(run)
                        .or_else(|| self.person(s.slice(i, end), true));
                    return id.map(Speaker::Person);
                }
                // A surname alone: "Fedotov said".
                if let Some(ids) = self.by_surname.get(&name_key(run_text(s, i, end)))
                    && let [one] = ids.as_slice()
                {
                    return Some(Speaker::Person(*one));
                }
                i = end;
                continue;
            }
            i += 1;
        }
        // A role: "le directeur d'INTERPOL", "the minister".
        for i in 0..s.toks.len() {
            if let Some(n) = s.vocab.match_at(s.toks, s.lower, i, Kind::Role) {
                let head = (i..i + n).map(|k| s.low(k)).collect::<Vec<_>>().join(" ");
                return self.by_role(s, &head, i + n);
            }
        }
        // An organisation: "INTERPOL", "the ministry".
        for i in 0..s.toks.len() {
            if s.is_acronym(i) {
                return self.org(s.slice(i, i + 1), true).map(Speaker::Org);
            }
        }
        for i in 0..s.toks.len() {
            if s.is(i, &[Kind::OrgWord]) {
                let word = name_key(s.low(i));
                let found: Vec<usize> = (0..self.orgs.len())
                    .filter(|&o| {
                        self.orgs
                            .get(o)
                            .is_some_and(|org| name_key(&org.name).split(' ').any(|w| w == word))
                    })
                    .collect();
                if let [one] = found.as_slice() {
                    return Some(Speaker::Org(*one));
                }
                // "the organization warned": the organisation just named.
                if !s.tok(i).is_some_and(|t| t.cap) && last.org.is_some() {
                    return last.org;
                }
                if s.tok(i).is_some_and(|t| t.cap) {
                    // "the Ministry of Health said": a new organisation.
                    let mut e = i + 1;
                    while s
                        .tok(e)
                        .is_some_and(|t| t.word && (t.cap || s.is(e, &[Kind::OrgConnector])))
                    {
                        e += 1;
                    }
                    while e > i + 1 && !s.tok(e - 1).is_some_and(|t| t.cap) {
                        e -= 1;
                    }
                    return self.org(s.slice(i, e), true).map(Speaker::Org);
                }
            }
        }
        None
    }

    /// The last known person named in `s` (by full name, honorific and surname, or surname),
    /// for "he" and "she".
    pub fn last_mention(&self, s: Sent<'_>) -> Recent {
        let mut found = Recent::default();
        let mut i = 0;
        while i < s.toks.len() {
            if s.is_acronym(i)
                && let Some(&o) = self.org_index.get(&People::org_key(s.slice(i, i + 1)))
            {
                found.org = Some(Speaker::Org(o));
            }
            let h = s
                .vocab
                .match_at(s.toks, s.lower, i, Kind::Honorific)
                .unwrap_or(0);
            if let Some((end, _)) = s.name_run(i + h) {
                if let Some(p) = self.find_name(s.slice(i + h, end)) {
                    found.person = Some(Speaker::Person(p));
                }
                i = end;
            } else {
                i += 1;
            }
        }
        found
    }

    fn find_name(&self, run: &str) -> Option<usize> {
        if let Some(&i) = self.by_name.get(&name_key(run)) {
            return Some(i);
        }
        let surname = run.split_whitespace().last()?;
        match self.by_surname.get(&name_key(surname)).map(Vec::as_slice) {
            Some([one]) => Some(*one),
            Some(_) => None,
            // "Dr. Tedros" for "Tedros Adhanom Ghebreyesus": a single name that is part of
            // exactly one known full name.
            None if !run.contains(' ') => self.by_part(run),
            None => None,
        }
    }

    fn by_part(&self, word: &str) -> Option<usize> {
        let key = name_key(word);
        let mut found =
            self.persons.iter().enumerate().filter(|(_, p)| {
                !p.partial && name_key(&p.name).split(' ').any(|part| part == key)
            });
        match (found.next(), found.next()) {
            (Some((i, _)), None) => Some(i),
            _ => None,
        }
    }

    /// The acronym of a known organisation whose initials `full` spells ("United Nations"
    /// for "UN").
    fn acronym_of(&self, full: &str) -> Option<String> {
        if let Some(&i) = self.org_index.get(&People::org_key(full)) {
            return self.orgs.get(i).map(|o| o.name.clone());
        }
        let initials: String = full
            .split_whitespace()
            .filter_map(|w| w.chars().next())
            .filter(|c| c.is_uppercase())
            .collect();
        let i = *self.org_index.get(&People::org_key(&initials))?;
        self.orgs.get(i).map(|o| o.name.clone())
    }

    /// The person who holds the role `head` (of the organisation named in `s`, if any).
    fn by_role(&self, s: Sent<'_>, head: &str, after: usize) -> Option<Speaker> {
        let span = name_key(s.slice(0, s.toks.len()));
        let org = (0..s.toks.len())
            .find(|&i| s.is_acronym(i))
            .and_then(|i| self.org_index.get(&People::org_key(s.slice(i, i + 1))))
            .copied()
            .or_else(|| {
                self.orgs.iter().position(|o| {
                    let key = name_key(&o.name);
                    key.len() > 3 && span.contains(&key)
                })
            });
        // "le ministre colombien": a qualifier the holder's role must share.
        let qualifiers: Vec<String> = (after..s.toks.len())
            .take_while(|&i| s.tok(i).is_some_and(|t| t.word))
            .filter(|&i| {
                s.tok(i).is_some_and(|t| !t.cap)
                    && !s.is(
                        i,
                        &[
                            Kind::Stop,
                            Kind::Determiner,
                            Kind::RolePreposition,
                            Kind::OrgConnector,
                        ],
                    )
            })
            .map(|i| name_key(s.low(i)))
            .collect();
        let fits = |p: &Person| {
            let role = name_key(&p.role);
            qualifiers.iter().all(|q| role.contains(q.as_str()))
        };
        let holders = |f: &dyn Fn(&Person) -> bool| -> Vec<usize> {
            (0..self.persons.len())
                .filter(|&i| self.persons.get(i).is_some_and(f))
                .collect()
        };
        let pick = |ids: Vec<usize>| match ids.as_slice() {
            [one] => Some(Speaker::Person(*one)),
            _ => None,
        };
        if let Some(org) = org {
            let of_org = holders(&|p| p.org == Some(org) && fits(p));
            if of_org.len() == 1 {
                return pick(of_org);
            }
            return pick(holders(&|p| {
                p.org == Some(org) && p.role_head.as_deref() == Some(head) && fits(p)
            }));
        }
        let same = holders(&|p| p.role_head.as_deref() == Some(head) && fits(p));
        if !same.is_empty() {
            return pick(same);
        }
        pick(holders(&|p| {
            name_key(&p.role).contains(&name_key(head)) && fits(p)
        }))
    }

    /// The people of organisation `org`, in order.
    pub fn people_of(&self, org: Option<usize>) -> impl Iterator<Item = &Person> {
        self.persons
            .iter()
            .filter(move |p| p.listed && p.org == org)
    }

    /// The surname key of person `i`, for tests.
    #[cfg(test)]
    fn surname(&self, i: usize) -> &str {
        self.persons.get(i).map_or("", |p| p.surname.as_str())
    }
}

/// The first token of the organisation after the preposition at `re`, past articles.
fn p_org(s: Sent<'_>, re: usize) -> usize {
    let mut p = re + 1;
    while s.is(p, &[Kind::Determiner]) && !s.tok(p).is_some_and(|t| t.cap) {
        p += 1;
    }
    p
}

fn run_text<'a>(s: Sent<'a>, i: usize, end: usize) -> &'a str {
    s.slice(i, end)
}

/// A sentence in capitals: its acronyms are not acronyms.
fn shouting(s: Sent<'_>) -> bool {
    let words = s.toks.iter().filter(|t| t.word && t.text(s.src).len() > 1);
    let (mut n, mut upper) = (0, 0);
    for t in words {
        n += 1;
        if t.upper {
            upper += 1;
        }
    }
    n >= 4 && upper * 2 > n
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::Lang;
    use crate::import::text::tokenize;
    use rstest::rstest;

    fn scan_all(people: &mut People, text: &str, lang: Lang) {
        let (mut toks, mut lower) = (Vec::new(), String::new());
        tokenize(text, &mut toks, &mut lower);
        people.scan(Sent {
            src: text,
            toks: &toks,
            lower: &lower,
            vocab: lang.vocab(),
        });
    }

    fn resolve(people: &mut People, text: &str, lang: Lang, last: Recent) -> Option<String> {
        let (mut toks, mut lower) = (Vec::new(), String::new());
        tokenize(text, &mut toks, &mut lower);
        let s = Sent {
            src: text,
            toks: &toks,
            lower: &lower,
            vocab: lang.vocab(),
        };
        people.resolve(s, last).map(|sp| match sp {
            Speaker::Person(i) => people.persons[i].name.clone(),
            Speaker::Org(i) => format!("org:{}", people.orgs[i].name),
        })
    }

    fn roles(people: &People) -> Vec<(String, String, Option<String>)> {
        people
            .persons
            .iter()
            .filter(|p| p.listed)
            .map(|p| {
                let org = p.org.map(|o| people.orgs[o].name.clone());
                (p.name.clone(), p.role.clone(), org)
            })
            .collect()
    }

    #[rstest]
    #[case::fr_comma(
        "le directeur exécutif de l'ONUDC, Yury Fedotov, a signé",
        Lang::Fr,
        "Yury Fedotov",
        "directeur exécutif de l'ONUDC",
        Some("ONUDC")
    )]
    #[case::fr_no_comma(
        "le Secrétaire général d'INTERPOL Juergen Stock a dit",
        Lang::Fr,
        "Juergen Stock",
        "Secrétaire général d'INTERPOL",
        Some("INTERPOL")
    )]
    #[case::en_prefix(
        "INTERPOL Secretary General Jürgen Stock said",
        Lang::En,
        "Jürgen Stock",
        "INTERPOL Secretary General",
        Some("INTERPOL")
    )]
    #[case::en_after(
        "Ms. Smith, Minister of the Interior, said",
        Lang::En,
        "Ms. Smith",
        "Minister of the Interior",
        Some("Ministry of the Interior")
    )]
    #[case::en_name_first(
        "Yury Fedotov, Executive Director of UNODC, said",
        Lang::En,
        "Yury Fedotov",
        "Executive Director of UNODC",
        Some("UNODC")
    )]
    #[case::fr_ministre(
        "la ministre de l'Intérieur, Anne Dupont, a dit",
        Lang::Fr,
        "Anne Dupont",
        "ministre de l'Intérieur",
        Some("Ministère de l'Intérieur")
    )]
    #[case::en_of_org(
        "the President of the European Commission, Ursula von der Leyen, said",
        Lang::En,
        "Ursula von der Leyen",
        "President of the European Commission",
        Some("European Commission")
    )]
    #[case::en_no_org(
        "spokesperson Jane Doe said",
        Lang::En,
        "Jane Doe",
        "spokesperson",
        None
    )]
    fn roles_and_names_are_read_from_appositions(
        #[case] text: &str,
        #[case] lang: Lang,
        #[case] name: &str,
        #[case] role: &str,
        #[case] org: Option<&str>,
    ) {
        let mut people = People::default();
        scan_all(&mut people, text, lang);
        assert_eq!(
            roles(&people),
            [(name.to_string(), role.to_string(), org.map(str::to_string))]
        );
    }

    fn seed_people() -> People {
        let mut people = People::default();
        scan_all(
            &mut people,
            "le directeur exécutif de l'ONUDC, Yury Fedotov, et le Secrétaire général d'INTERPOL, Juergen Stock, ont signé",
            Lang::Fr,
        );
        people
    }

    #[rstest]
    #[case::honorific("M. Fedotov", Some("Yury Fedotov"))]
    #[case::surname("Fedotov", Some("Yury Fedotov"))]
    #[case::full(
        "le Secrétaire général d'INTERPOL Juergen Stock",
        Some("Juergen Stock")
    )]
    #[case::umlaut("Jürgen Stock", Some("Juergen Stock"))]
    #[case::role_of_org("le directeur d'INTERPOL", Some("Juergen Stock"))]
    #[case::role_only("le directeur exécutif", Some("Yury Fedotov"))]
    #[case::ambiguous_role("le ministre", None)]
    #[case::qualified_role("le directeur exécutif adjoint", None)]
    #[case::other_qualifier("le directeur colombien", None)]
    #[case::pronoun("il", Some("Juergen Stock"))]
    #[case::inverted("a-t-il", Some("Juergen Stock"))]
    #[case::org("INTERPOL", Some("org:INTERPOL"))]
    #[case::nobody("les participants", None)]
    fn subjects_resolve_to_people(#[case] subject: &str, #[case] want: Option<&str>) {
        let mut people = seed_people();
        let last = Recent {
            person: Some(Speaker::Person(1)),
            org: None,
        };
        assert_eq!(
            resolve(&mut people, subject, Lang::Fr, last).as_deref(),
            want
        );
    }

    #[test]
    fn honorific_first_then_full_name_is_one_person() {
        let mut people = People::default();
        scan_all(
            &mut people,
            "Ms. Smith, Minister of the Interior, spoke.",
            Lang::En,
        );
        assert_eq!(
            resolve(&mut people, "Jane Smith", Lang::En, Recent::default()).as_deref(),
            Some("Jane Smith")
        );
        assert_eq!(people.persons.len(), 1);
        assert_eq!(people.surname(0), "smith");
    }

    #[rstest]
    #[case(
        "United Nations Office on Drugs and Crime (UNODC)",
        Lang::En,
        "UNODC",
        "United Nations Office on Drugs and Crime"
    )]
    #[case(
        "l'Office des Nations Unies contre la drogue et le crime (ONUDC)",
        Lang::Fr,
        "ONUDC",
        "Office des Nations Unies contre la drogue et le crime"
    )]
    fn acronym_definitions_give_full_names(
        #[case] text: &str,
        #[case] lang: Lang,
        #[case] acr: &str,
        #[case] full: &str,
    ) {
        let mut people = People::default();
        scan_all(&mut people, text, lang);
        let org = people.orgs.iter().find(|o| o.name == acr).unwrap();
        assert_eq!(org.full_name.as_deref(), Some(full));
    }
}
