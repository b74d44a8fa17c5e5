//! Learning people and organisations from sentences: acronyms of the title and lead,
//! "Full Name (ACR)" definitions, and people named beside a role. No I/O here.

use super::{MAX_LEARNED_WORDS, People, Sent};
use crate::import::lexicon::{Kind, Vocab};
use crate::import::text::name_key;

impl People {
    /// Marks the organisations a sentence names (the title, the lead) as parties: acronyms,
    /// organisation names ("Europol") and names the release taught ("Northwind Bank"). In
    /// the title (`title`), also names written out that start with an organisation word
    /// ("Ministry of the Interior", "Conseil de l'Europe"), unless every word is capitalised.
    pub fn note_parties(&mut self, s: Sent<'_>, title: bool) {
        if shouting(s) {
            return;
        }
        let runs = title && !title_case(s);
        let mut i = 0;
        while i < s.toks.len() {
            if runs && let Some(e) = org_run(s, i) {
                self.org(s.slice(i, e), true);
                i = e;
                continue;
            }
            if self.is_org_at(s, i) {
                // "SOS Humanité", "Amnesty International": capitalised words right after
                // the name complete it.
                let mut e = i + 1;
                while e < i + 3 && !title_case(s) && is_name_tail(s, e) {
                    e += 1;
                }
                if e > i + 1 && s.tok(e).is_some_and(|t| t.word && t.cap) {
                    e = i + 1;
                }
                self.org(s.slice(i, e), true);
                i = e;
                continue;
            }
            let longest = (i + 2..=(i + 2 * MAX_LEARNED_WORDS).min(s.toks.len()))
                .rev()
                .find(|&e| self.is_learned(s, i, e));
            if let Some(e) = longest {
                self.org(s.slice(i, e), true);
                i = e;
                continue;
            }
            i += 1;
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
            // "Frontex, the European Border and Coast Guard Agency, ...".
            if s.tok(i).is_some_and(|t| t.word && t.cap) && s.punct(i + 1, ',') && s.is_org(i) {
                self.apposed_name(s, i);
            }
            if s.tok(i)
                .is_some_and(|t| t.word && !Vocab::may_start(t, interesting))
            {
                i += 1;
                continue;
            }
            if s.punct(i, '(') && s.punct(i + 2, ')') {
                if s.is_acronym(i + 1) {
                    self.definition(s, i);
                } else if s.tok(i + 1).is_some_and(|t| t.word && t.cap) {
                    self.short_definition(s, i);
                }
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

    /// "the European Union Agency for Law Enforcement Cooperation (Europol)": a short name
    /// in parentheses after a name that starts with a capitalised organisation word, within
    /// a few words and no punctuation ("l'Agence de l'Union européenne pour la coopération
    /// des services répressifs (Europol)").
    fn short_definition(&mut self, s: Sent<'_>, paren: usize) {
        let mut start = None;
        let mut k = paren;
        while k > 0 && paren - k < 14 {
            k -= 1;
            let Some(t) = s.tok(k) else { break };
            if !t.word || s.is_org(k) {
                break;
            }
            if t.cap && s.is(k, &[Kind::OrgWord]) {
                start = Some(k);
            }
        }
        let Some(mut a) = start else { return };
        // "European Union Agency": capitalised words before the organisation word.
        while a > 0 && start.is_some_and(|st| st - a < 3) && s.is_name_word(a - 1) {
            a -= 1;
        }
        let short = s.slice(paren + 1, paren + 2).to_string();
        let full = s.slice(a, paren).to_string();
        self.learn(&short);
        self.define(&short, &full);
    }

    /// "Frontex, the European Border and Coast Guard Agency, ...": an organisation followed
    /// by its full name between commas, as long as the commas do not separate a list
    /// ("UNODC, the World Bank, UNDP and ...").
    fn apposed_name(&mut self, s: Sent<'_>, org: usize) {
        let mut p = org + 2;
        if !s.is(p, &[Kind::Determiner]) {
            return;
        }
        p += 1;
        if !s.tok(p).is_some_and(|t| t.word && t.cap) {
            return;
        }
        let mut e = p;
        while e < p + 12 && s.tok(e).is_some_and(|t| t.word) && !s.is_org(e) {
            e += 1;
        }
        let closed = s.punct(e, ',');
        let then_list = s.tok(e + 1).is_none_or(|t| {
            !t.word
                || t.cap
                || s.is_org(e + 1)
                || s.is(e + 1, &[Kind::Determiner, Kind::ListConnector])
        });
        let named = (p..e).any(|k| s.tok(k).is_some_and(|t| t.cap) && s.is(k, &[Kind::OrgWord]));
        if closed && !then_list && named && e > p {
            let short = s.slice(org, org + 1).to_string();
            let full = s.slice(p, e).to_string();
            self.define(&short, &full);
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
        // One or two adjectives before the organisation: "administrateur général des douanes".
        for extra in 1..=2 {
            let adjectives = (re..re + extra).all(|k| {
                s.tok(k).is_some_and(|t| t.word && !t.cap)
                    && !s.is(
                        k,
                        &[
                            Kind::Stop,
                            Kind::Determiner,
                            Kind::RolePreposition,
                            Kind::SpeechVerb,
                        ],
                    )
            });
            if adjectives && s.is(re + extra, &[Kind::RolePreposition]) {
                re += extra;
                break;
            }
        }
        let mut org: Option<String> = None;
        // "INTERPOL Secretary General", "UNODC's Executive Director".
        let mut k = role_start;
        if k >= 2 && s.low(k - 1) == "s" && s.punct(k - 2, '\'') {
            k -= 2;
        }
        if k >= 1 && self.is_org_at(s, k - 1) {
            org = Some(s.slice(k - 1, k).to_string());
            role_start = k - 1;
        } else if k < role_start
            && k >= 2
            && s.is(k - 1, &[Kind::OrgWord])
            && s.is(k - 2, &[Kind::Determiner])
        {
            // "The organization's spokesperson": the party the release is about.
            org = Some(s.low(k - 1).to_string());
        } else if k >= 3 && s.punct(k - 3, '(') && s.is_acronym(k - 2) && s.punct(k - 1, ')') {
            // "The United Nations Office on Drugs and Crime (UNODC) Executive Director".
            // The role reads without the parenthesis; the organisation is recorded apart.
            org = Some(s.slice(k - 2, k - 1).to_string());
        } else {
            // "United Nations Secretary-General": capitalised words naming an organisation.
            let mut a = k;
            while a > 0 && k - a < 5 && s.tok(a - 1).is_some_and(|t| t.word && t.cap) {
                a -= 1;
            }
            if a < k && ((a..k).any(|j| s.is(j, &[Kind::OrgWord])) || self.is_learned(s, a, k)) {
                let run = s.slice(a, k);
                org = Some(match self.acronym_of(run) {
                    Some(acr) => {
                        self.define(&acr, run);
                        acr
                    }
                    None => run.to_string(),
                });
                role_start = a;
            } else if k == role_start {
                // "Border Security Minister", "Interior Minister": capitalised words naming
                // the portfolio belong to the role.
                let mut b = k;
                while b > a && k - b < 3 && is_portfolio_word(s, b - 1) {
                    b -= 1;
                }
                role_start = b;
            }
        }
        // An organisation named before the role is the person's; what follows the role only
        // completes it ("UNODC Representative for Mozambique").
        let prefix_org = org.is_some();
        // "... de l'ONUDC", "... of the Interior".
        let mut ce = re;
        let mut name_inside: Option<(usize, usize)> = None;
        if s.is(re, &[Kind::RolePreposition]) {
            let mut p = re + 1;
            while s.is(p, &[Kind::Determiner]) && !s.tok(p).is_some_and(|t| t.cap) {
                p += 1;
            }
            if self.is_org_at(s, p) {
                let mut e = p + 1;
                while e < p + 3 && !title_case(s) && is_name_tail(s, e) {
                    e += 1;
                }
                if e > p + 1 && s.tok(e).is_some_and(|t| t.word && t.cap) {
                    e = p + 1;
                }
                if !prefix_org {
                    org = Some(s.slice(p, e).to_string());
                }
                ce = e;
                // "Head of Amnesty International's Security Lab": the unit is the role's.
                if s.punct(ce, '\'') && s.low(ce + 1) == "s" {
                    let mut k = ce + 2;
                    while k < ce + 6 && s.tok(k).is_some_and(|t| t.word && t.cap) {
                        k += 1;
                    }
                    if k > ce + 2 {
                        ce = k;
                    }
                }
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
                // "Special Representative of the Secretary-General": a role, not an
                // organisation.
                let of_role = s.vocab.match_at(s.toks, s.lower, p, Kind::Role).is_some();
                if !prefix_org && !of_role {
                    org = Some(match institution {
                        Some(inst) => format!("{inst} {}", s.slice(re, e)),
                        None => org_text.to_string(),
                    });
                }
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
            // Before a name, or closing an apposition after one ("M. Dupont, directeur de
            // la police judiciaire, a déclaré").
            let after_name = role_start >= 2 && s.punct(role_start - 1, ',');
            // ... or ending the sentence after one ("a indiqué Camille Chaize, porte-parole du
            // ministère de l'Intérieur.").
            let ends = k >= s.toks.len() || s.punct(k, '.') || s.punct(k, ';');
            let closes = s.punct(k, ',')
                && (after_name || s.name_run(k + 1).is_some_and(|(_, w)| w >= 2))
                || after_name && ends;
            if k > p && closes {
                // "directeur des services de police d'Interpol": the organisation the
                // complement names, else the complement when it is one.
                let named = (p..k).rev().find(|&j| self.is_org_at(s, j));
                if org.is_none() {
                    if let Some(j) = named {
                        org = Some(s.slice(j, j + 1).to_string());
                    } else if s.is(p, &[Kind::OrgWord]) {
                        org = Some(s.slice(p, k).to_string());
                    } else if s.is(k - 1, &[Kind::OrgWord]) {
                        // "directrice des opérations de l'ONG": a bare organisation word.
                        org = Some(s.low(k - 1).to_string());
                    }
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
            // The "(ACR)" may follow the name at once ("of the Economic Community of
            // Central African States (ECCAS), ...").
            if s.punct(k, '(') && s.is_acronym(k + 1) && s.punct(k + 2, ')') {
                let full = s.slice(p_org(s, re), k).to_string();
                let acr = s.slice(k + 1, k + 2).to_string();
                self.define(&acr, &full);
                org = Some(acr);
                ce = k + 3;
            } else if k > ce && s.punct(k, ',') && s.name_run(k + 1).is_some_and(|(_, w)| w >= 2) {
                // "de la Commission européenne": the words complete the organisation's name,
                // unless it is a name of its own ("de l'Unicef pour l'Europe").
                let own_name = ce == p_org(s, re) + 1 && self.is_org_at(s, ce - 1);
                if !own_name && org.as_deref() == Some(s.slice(p_org(s, re), ce)) {
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
        // "Chief Inspector Rachel Moore of the British Transport Police": the organisation
        // after the name is the role's.
        let mut end = ce.max(e);
        if org.is_none()
            && a >= ce
            && let Some((o, oe)) = self.org_after_name(s, e)
        {
            org = Some(o);
            end = oe;
        }
        // "de l'ONG", "of the organisation": the word alone stands for the party the
        // release is about, when there is one.
        let generic = org.as_deref().is_some_and(|o| {
            !o.contains(' ')
                && (s.vocab.is(&o.to_lowercase(), Kind::OrgWord)
                    || o.starts_with(char::is_lowercase))
        });
        let org = match generic
            .then(|| self.orgs.iter().position(|o| o.party))
            .flatten()
        {
            Some(main) => Some(main),
            None => org.and_then(|o| self.org(&o, true)),
        };
        if let Some(p) = self.person(s.slice(a, e), words == 1) {
            self.set_role(p, role.trim(), &head, org);
        }
        end
    }

    /// An organisation named after a person's name: "of the British Transport Police",
    /// "de la Gendarmerie nationale" (a known organisation, or capitalised words with an
    /// organisation word among them). The name and where it ends.
    fn org_after_name(&self, s: Sent<'_>, e: usize) -> Option<(String, usize)> {
        if !s.is(e, &[Kind::RolePreposition]) || s.punct(e + 1, ',') {
            return None;
        }
        let p = p_org(s, e);
        if self.is_org_at(s, p) {
            return Some((s.slice(p, p + 1).to_string(), p + 1));
        }
        let (mut k, mut end) = (p, p);
        while k < p + 8 {
            if s.tok(k).is_some_and(|t| t.word && t.cap) {
                k += 1;
                end = k;
            } else if end > p && s.is(k, &[Kind::OrgConnector]) && !s.is(k, &[Kind::ListConnector])
            {
                k += 1;
            } else {
                break;
            }
        }
        ((p..end).any(|j| s.is(j, &[Kind::OrgWord])) && end > p)
            .then(|| (s.slice(p, end).to_string(), end))
    }
}

/// A capitalised word before a role that names its portfolio ("Interior" in "Interior
/// Minister"), not a word of the sentence around it.
fn is_portfolio_word(s: Sent<'_>, i: usize) -> bool {
    s.tok(i).is_some_and(|t| t.word && t.cap && !t.upper)
        && !s.is_org(i)
        && !s.is(
            i,
            &[
                Kind::Stop,
                Kind::Determiner,
                Kind::Month,
                Kind::Weekday,
                Kind::TimeWord,
                Kind::Honorific,
                Kind::ListStopper,
                Kind::ContextCue,
                Kind::AccordingTo,
                Kind::SpeechVerb,
                Kind::Pronoun,
                Kind::ListConnector,
                Kind::RolePreposition,
            ],
        )
}

/// The first token of the organisation after the preposition at `re`, past articles.
fn p_org(s: Sent<'_>, re: usize) -> usize {
    let mut p = re + 1;
    while s.is(p, &[Kind::Determiner]) && !s.tok(p).is_some_and(|t| t.cap) {
        p += 1;
    }
    p
}

/// The end of an organisation's name written out at token `i`: a capitalised organisation
/// word, then capitalised words and connectors, ending on a capitalised word ("Ministry of
/// the Interior"); "and"/"et" end it, as does an acronym. At least two capitalised words.
fn org_run(s: Sent<'_>, i: usize) -> Option<usize> {
    if !(s.tok(i).is_some_and(|t| t.word && t.cap) && s.is(i, &[Kind::OrgWord])) || s.is_org(i) {
        return None;
    }
    let (mut e, mut end) = (i + 1, i + 1);
    while e < i + 10 {
        if s.tok(e).is_some_and(|t| t.word && t.cap) && !s.is_org(e) {
            e += 1;
            end = e;
        } else if s.is(e, &[Kind::OrgConnector]) && !s.is(e, &[Kind::ListConnector]) {
            e += 1;
        } else {
            break;
        }
    }
    (end > i + 1).then_some(end)
}

/// A capitalised word that may end an organisation's name ("Humanité" in "SOS Humanité"):
/// not a role, an acronym, a known organisation, a month or a stop word.
fn is_name_tail(s: Sent<'_>, i: usize) -> bool {
    s.tok(i).is_some_and(|t| t.word && t.cap && !t.upper)
        && !s.is_org(i)
        && s.vocab.match_at(s.toks, s.lower, i, Kind::Role).is_none()
        && !s.is(
            i,
            &[
                Kind::Stop,
                Kind::Month,
                Kind::Weekday,
                Kind::Determiner,
                Kind::OrgWord,
            ],
        )
}

/// A title in title case ("Ministry Of Health Launches New Fund"): its capitals say nothing.
fn title_case(s: Sent<'_>) -> bool {
    let (mut n, mut caps) = (0, 0);
    for t in s.toks.iter().filter(|t| t.word && t.end - t.start > 3) {
        n += 1;
        if t.cap {
            caps += 1;
        }
    }
    n >= 3 && caps * 10 >= n * 6
}

/// A sentence in capitals: its acronyms are not acronyms.
fn shouting(s: Sent<'_>) -> bool {
    // A token's byte range is its text's: its length needs no slicing.
    let words = s.toks.iter().filter(|t| t.word && t.end - t.start > 1);
    let (mut n, mut upper) = (0, 0);
    for t in words {
        n += 1;
        if t.upper {
            upper += 1;
        }
    }
    n >= 4 && upper * 2 > n
}
