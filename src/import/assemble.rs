//! From what was found to a valid briefing: parties with their people (and organisations that
//! speak for themselves), and a last pass that makes the briefing pass validation whatever
//! the input. No I/O here.

use std::collections::HashSet;

use super::attribute::Found;
use super::people::{People, Speaker};
use super::{front, lexicon};
use crate::import::text::{collapse_ws, cut_chars};
use crate::model::{Briefing, Party, Person};

pub(super) fn speaker_name(people: &People, s: Speaker) -> String {
    match s {
        Speaker::Person(i) => people
            .persons
            .get(i)
            .map_or_else(String::new, |p| p.name.clone()),
        Speaker::Org(i) => people
            .orgs
            .get(i)
            .map_or_else(String::new, |o| o.name.clone()),
    }
}

pub(super) fn assemble_parties(
    briefing: &mut Briefing,
    people: &People,
    quotes: &[Found],
    vocab: &lexicon::Vocab,
) {
    let speaking_orgs: HashSet<usize> = quotes
        .iter()
        .filter_map(|q| match q.speaker {
            Some(Speaker::Org(i)) => Some(i),
            _ => None,
        })
        .collect();
    for (i, org) in people.orgs.iter().enumerate() {
        if !org.party {
            continue;
        }
        let mut members: Vec<Person> = people
            .people_of(Some(i))
            .map(|p| Person {
                name: p.name.clone(),
                role: p.role.clone(),
            })
            .collect();
        if speaking_orgs.contains(&i) {
            members.push(Person {
                name: org.name.clone(),
                role: vocab.lex.organisation_role.to_string(),
            });
        }
        briefing.parties.push(Party {
            name: org.name.clone(),
            full_name: org.full_name.clone(),
            people: members,
        });
    }
    let others: Vec<Person> = people
        .people_of(None)
        .map(|p| Person {
            name: p.name.clone(),
            role: p.role.clone(),
        })
        .collect();
    if !others.is_empty() {
        briefing.parties.push(Party {
            name: vocab.lex.other_speakers.to_string(),
            full_name: None,
            people: others,
        });
    }
}

/// Makes the briefing valid whatever the input: no empty labels or names, each person once,
/// every speaker a listed person, no newline in one-line fields.
pub(super) fn tidy(b: &mut Briefing) {
    let line = |s: &mut String| *s = collapse_ws(s);
    line(&mut b.title);
    b.title = cut_chars(&b.title, front::MAX_TITLE_CHARS);
    for s in [&mut b.event, &mut b.place, &mut b.caption]
        .into_iter()
        .flatten()
    {
        line(s);
    }
    for field in [&mut b.event, &mut b.place, &mut b.caption] {
        if field.as_deref().is_some_and(|s| s.trim().is_empty()) {
            *field = None;
        }
    }
    b.summary.retain(|s| !s.trim().is_empty());
    let mut names = HashSet::new();
    for party in &mut b.parties {
        line(&mut party.name);
        party.people.retain_mut(|p| {
            p.name = collapse_ws(&p.name);
            p.role = collapse_ws(&p.role);
            !p.name.is_empty() && names.insert(p.name.clone())
        });
    }
    b.parties.retain(|p| !p.name.trim().is_empty());
    for q in &mut b.quotes {
        if q.speaker.as_ref().is_some_and(|s| !names.contains(s)) {
            q.speaker = None;
        }
    }
    b.quotes.retain(|q| !q.text.trim().is_empty());
    b.cooperation_areas.retain(|a| !a.label.trim().is_empty());
    b.threats.retain(|t| !t.label.trim().is_empty());
    b.links.retain(|l| !l.title.trim().is_empty());
    for l in &mut b.links {
        line(&mut l.title);
    }
}
