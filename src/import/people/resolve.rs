//! Resolving the subject of a speech verb to a speaker: a name, a surname, an honorific, a
//! role ("le directeur d'INTERPOL"), a pronoun or an organisation. No I/O here.

use super::{People, Person, Recent, Sent, Speaker};
use crate::import::lexicon::Kind;
use crate::import::text::name_key;

impl People {
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
                // A surname alone: "Fedotov said", "De Bolle added" (a person is filed under
                // the last word of their name).
                let run = run_text(s, i, end);
                let last = run.split_whitespace().last().unwrap_or(run);
                if let Some(ids) = self.by_surname.get(&name_key(last))
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
                if !(0..i).any(|k| s.is(k, &[Kind::Indefinite])) {
                    // "the Executive Director of UNODC": its holder, or nobody rather than a
                    // guess.
                    return self.by_role(s, &head, i + n);
                }
                // "a Frontex spokesperson", "un porte-parole d'Interpol": nobody named holds
                // the role, so the organisation named speaks.
                break;
            }
        }
        // An organisation: "INTERPOL", "the ministry".
        for i in 0..s.toks.len() {
            if self.is_org_at(s, i) {
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
                    // "the Ministry of Health said", "a Home Office spokesperson": a new
                    // organisation.
                    let mut a = i;
                    while a > 0 && i - a < 3 && s.is_name_word(a - 1) {
                        a -= 1;
                    }
                    let i = a;
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
            if self.is_org_at(s, i)
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

    /// The person who holds the role `head` (of the organisation named in `s`, if any).
    fn by_role(&self, s: Sent<'_>, head: &str, after: usize) -> Option<Speaker> {
        let span = name_key(s.slice(0, s.toks.len()));
        let org = (0..s.toks.len())
            .find(|&i| self.is_org_at(s, i))
            .and_then(|i| self.org_index.get(&People::org_key(s.slice(i, i + 1))))
            .copied()
            .or_else(|| {
                self.orgs.iter().position(|o| {
                    let key = name_key(&o.name);
                    key.len() > 3 && span.contains(&key)
                })
            });
        // "le ministre colombien", "la ministre de la Justice": qualifiers the holder's role
        // must share (an organisation's own name is matched above).
        let qualifiers: Vec<String> = (after..s.toks.len())
            .take_while(|&i| s.tok(i).is_some_and(|t| t.word))
            .filter(|&i| {
                !self.is_org_at(s, i)
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
            let mut known = name_key(&p.role);
            if let Some(o) = p.org.and_then(|o| self.orgs.get(o)) {
                known.push(' ');
                known.push_str(&name_key(&o.name));
                if let Some(full) = &o.full_name {
                    known.push(' ');
                    known.push_str(&name_key(full));
                }
            }
            qualifiers.iter().all(|q| known.contains(q.as_str()))
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
            if !of_org.is_empty() {
                return pick(holders(&|p| {
                    p.org == Some(org) && p.role_head.as_deref() == Some(head) && fits(p)
                }));
            }
            // Nobody filed under the organisation: the one holder of the role whose
            // organisation the release did not make clear.
            return pick(holders(&|p| {
                p.org.is_none() && p.role_head.as_deref() == Some(head)
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
}

fn run_text<'a>(s: Sent<'a>, i: usize, end: usize) -> &'a str {
    s.slice(i, end)
}
