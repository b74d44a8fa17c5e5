//! Parties and people: organisations (acronyms, "Full Name (ACR)", "the Ministry of ..."),
//! people named next to a role ("le directeur exécutif de l'ONUDC, Yury Fedotov", "Ms. Smith,
//! Minister of the Interior"), and the resolution of a quote's subject (a name, a surname, an
//! honorific, a role, a pronoun, an organisation) to one of them. No I/O here.

mod resolve;
mod scan;

use super::lexicon::FastMap;
use super::sent::Sent;
use super::text::name_key;

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
    /// Organisation names the release defines that do not look like one ("Frontex, the
    /// European Border and Coast Guard Agency", "About Northwind Bank"), by [`name_key`].
    learned: FastMap<String, ()>,
}

/// At most this many people and organisations are kept; a release names a handful.
const MAX_ENTRIES: usize = 500;
/// A learned organisation name has at most this many words.
const MAX_LEARNED_WORDS: usize = 5;

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
        // Named in full first (in the title), then defined: one organisation, called by its
        // short name.
        let acr_key = People::org_key(acr);
        if !self.org_index.contains_key(&acr_key)
            && let Some(&i) = self.org_index.get(&People::org_key(full))
            && let Some(o) = self.orgs.get_mut(i)
            && o.full_name.is_none()
        {
            o.full_name = Some(full.to_string());
            o.name = acr.to_string();
            self.org_index.insert(acr_key, i);
            return;
        }
        if let Some(i) = self.org(acr, false) {
            if let Some(o) = self.orgs.get_mut(i)
                && o.full_name.is_none()
            {
                o.full_name = Some(full.to_string());
            }
            self.org_index.entry(People::org_key(full)).or_insert(i);
        }
    }

    /// Learns that `name` names an organisation, though it does not look like one.
    pub fn learn(&mut self, name: &str) {
        let words = name.split_whitespace().count();
        if (1..=MAX_LEARNED_WORDS).contains(&words) && self.learned.len() < MAX_ENTRIES {
            self.learned.insert(name_key(name), ());
        }
    }

    /// True when tokens `a..e` of `s` are an organisation name the release taught.
    fn is_learned(&self, s: Sent<'_>, a: usize, e: usize) -> bool {
        !self.learned.is_empty()
            && e > a
            && e - a <= 2 * MAX_LEARNED_WORDS
            && s.tok(a).is_some_and(|t| t.word && t.cap)
            && self.learned.contains_key(&name_key(s.slice(a, e)))
    }

    /// True when token `i` alone names an organisation: an acronym, a name of the lexicon,
    /// or one the release taught.
    fn is_org_at(&self, s: Sent<'_>, i: usize) -> bool {
        s.is_org(i) || self.is_learned(s, i, i + 1)
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
    #[case::en_org_after_name(
        "said Chief Inspector Rachel Moore of the British Transport Police.",
        Lang::En,
        "Rachel Moore",
        "Chief Inspector",
        Some("British Transport Police")
    )]
    #[case::en_acronym_before_name(
        "The Executive Secretary of the Economic Community of Central African States (ECCAS), Gilberto Da Piedade Verissimo, said",
        Lang::En,
        "Gilberto Da Piedade Verissimo",
        "Executive Secretary of the Economic Community of Central African States (ECCAS)",
        Some("ECCAS")
    )]
    #[case::en_of_a_role(
        "Leonardo Santos Simão, Special Representative of the Secretary-General for West Africa, said",
        Lang::En,
        "Leonardo Santos Simão",
        "Special Representative of the Secretary-General for West Africa",
        None
    )]
    #[case::en_irish_particle(
        "said Donncha Ó Cearbhaill, Head of the Security Lab.",
        Lang::En,
        "Donncha Ó Cearbhaill",
        "Head of the Security Lab",
        Some("Security Lab")
    )]
    #[case::en_police_title(
        "Detective Superintendent Jamie Daniels, who led the operation, said",
        Lang::En,
        "Jamie Daniels",
        "Detective Superintendent",
        None
    )]
    #[case::en_org_name_tail(
        "this is part of a pattern of surveillance, said Donncha Ó Cearbhaill, Head of Amnesty International's Security Lab.",
        Lang::En,
        "Donncha Ó Cearbhaill",
        "Head of Amnesty International's Security Lab",
        Some("Amnesty International")
    )]
    #[case::en_no_org(
        "spokesperson Jane Doe said",
        Lang::En,
        "Jane Doe",
        "spokesperson",
        None
    )]
    #[case::en_org_name_prefix(
        "Europol Executive Director Catherine De Bolle noted that",
        Lang::En,
        "Catherine De Bolle",
        "Europol Executive Director",
        Some("Europol")
    )]
    #[case::en_prefix_org_wins(
        "Jeremy Milsom, UNODC Representative for Mozambique, spoke",
        Lang::En,
        "Jeremy Milsom",
        "UNODC Representative for Mozambique",
        Some("UNODC")
    )]
    #[case::en_portfolio(
        "Border Security Minister Jane Porter said",
        Lang::En,
        "Jane Porter",
        "Border Security Minister",
        None
    )]
    #[case::fr_org_name_in_complement(
        "a déclaré le directeur des services de police d'Interpol, Stephen Kavanagh.",
        Lang::Fr,
        "Stephen Kavanagh",
        "directeur des services de police d'Interpol",
        Some("Interpol")
    )]
    #[case::fr_org_name_then_region(
        "la directrice régionale de l'Unicef pour l'Europe et l'Asie centrale, Regina De Dominicis, a dit",
        Lang::Fr,
        "Regina De Dominicis",
        "directrice régionale de l'Unicef pour l'Europe et l'Asie centrale",
        Some("Unicef")
    )]
    #[case::fr_complement_ends_sentence(
        "a indiqué Camille Chaize, porte-parole du ministère de l'Intérieur.",
        Lang::Fr,
        "Camille Chaize",
        "porte-parole du ministère de l'Intérieur",
        Some("Ministère de l'Intérieur")
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

    fn people_of(text: &str, lang: Lang) -> People {
        let mut people = People::default();
        scan_all(&mut people, text, lang);
        people
    }

    #[rstest]
    #[case::capital_particle("Catherine De Bolle", "De Bolle")]
    #[case::two_particles("Ursula von der Leyen", "von der Leyen")]
    #[case::arabic("Ahmed Al Hussein", "Al Hussein")]
    #[case::hyphen("Zeid Ra'ad Al-Hussein", "Al-Hussein")]
    #[case::portuguese("Sofia dos Santos", "dos Santos")]
    #[case::french("Claire de Villepin", "de Villepin")]
    #[case::dutch("Jannine van den Berg", "van den Berg")]
    fn surnames_with_particles_resolve_to_the_full_name(#[case] full: &str, #[case] said: &str) {
        let mut people = people_of(&format!("Spokesperson {full} spoke."), Lang::En);
        assert_eq!(
            resolve(&mut people, said, Lang::En, Recent::default()).as_deref(),
            Some(full)
        );
    }

    #[rstest]
    #[case::en(
        "a Frontex spokesperson",
        Lang::En,
        "Hans Leijtens, Executive Director of Frontex, spoke.",
        "org:Frontex"
    )]
    #[case::en_known_org(
        "A Home Office spokesperson",
        Lang::En,
        "It rained.",
        "org:Home Office"
    )]
    #[case::fr(
        "un porte-parole d'Interpol",
        Lang::Fr,
        "le directeur d'Interpol, Jean Dupont, a dit.",
        "org:Interpol"
    )]
    #[case::named_holder(
        "the Executive Director of Frontex",
        Lang::En,
        "Hans Leijtens, Executive Director of Frontex, spoke.",
        "Hans Leijtens"
    )]
    fn unnamed_role_holders_speak_for_their_organisation(
        #[case] subject: &str,
        #[case] lang: Lang,
        #[case] before: &str,
        #[case] want: &str,
    ) {
        let mut people = people_of(before, lang);
        assert_eq!(
            resolve(&mut people, subject, lang, Recent::default()).as_deref(),
            Some(want)
        );
    }

    #[rstest]
    #[case::justice("la ministre de la Justice", Some("Claire de Villepin"))]
    #[case::interior("le ministre de l'Intérieur", Some("Gérald Dumont"))]
    #[case::ambiguous("le ministre", None)]
    fn role_complements_pick_among_holders(#[case] subject: &str, #[case] want: Option<&str>) {
        let mut people = people_of(
            "Le ministre de l'Intérieur, Gérald Dumont, et la ministre de la Justice, Claire de Villepin, ont dit",
            Lang::Fr,
        );
        assert_eq!(
            resolve(&mut people, subject, Lang::Fr, Recent::default()).as_deref(),
            want
        );
    }

    #[test]
    fn role_complement_may_name_the_organisation_in_full() {
        let mut people = people_of(
            "The United Nations Office on Drugs and Crime (UNODC) Executive Director Ghada Waly spoke.",
            Lang::En,
        );
        let subject = "the Executive Director of the United Nations Office on Drugs and Crime";
        assert_eq!(
            resolve(&mut people, subject, Lang::En, Recent::default()).as_deref(),
            Some("Ghada Waly")
        );
    }

    #[test]
    fn acronym_in_parentheses_before_a_role_is_the_holders_organisation() {
        let people = people_of(
            "The United Nations Office on Drugs and Crime (UNODC) Executive Director Ghada Waly spoke.",
            Lang::En,
        );
        let waly = people.persons.iter().find(|p| p.name == "Ghada Waly");
        let org = waly
            .and_then(|p| p.org)
            .map(|o| people.orgs[o].name.as_str());
        assert_eq!(org, Some("UNODC"));
        assert_eq!(waly.map(|p| p.role.as_str()), Some("Executive Director"));
    }

    #[test]
    fn a_role_nobody_holds_is_no_speaker_rather_than_its_organisation() {
        let mut people = people_of("UNODC and INTERPOL met in Vienna.", Lang::En);
        assert_eq!(
            resolve(
                &mut people,
                "the Executive Director of UNODC",
                Lang::En,
                Recent::default()
            ),
            None
        );
        assert_eq!(
            resolve(
                &mut people,
                "a UNODC spokesperson",
                Lang::En,
                Recent::default()
            )
            .as_deref(),
            Some("org:UNODC")
        );
    }

    fn parties_of_title(title: &str, lang: Lang) -> Vec<String> {
        let mut people = People::default();
        let (mut toks, mut lower) = (Vec::new(), String::new());
        tokenize(title, &mut toks, &mut lower);
        people.note_parties(
            Sent {
                src: title,
                toks: &toks,
                lower: &lower,
                vocab: lang.vocab(),
            },
            true,
        );
        people.orgs.iter().map(|o| o.name.clone()).collect()
    }

    #[rstest]
    #[case::written_out(
        "Ministry of the Interior and Europol agree on joint action",
        Lang::En,
        &["Ministry of the Interior", "Europol"]
    )]
    #[case::fr(
        "Le Conseil de l'Europe et l'OSCE unissent leurs forces",
        Lang::Fr,
        &["Conseil de l'Europe", "OSCE"]
    )]
    #[case::adjective_only("L'ONUDC et l'Union africaine renforcent leur coopération", Lang::Fr, &["ONUDC"])]
    #[case::title_case(
        "Ministry Of Health Launches New Fund With Unicef",
        Lang::En,
        &["Unicef"]
    )]
    #[case::mixed_case("Europol and Eurojust help take down a network", Lang::En, &["Europol", "Eurojust"])]
    fn titles_name_parties(#[case] title: &str, #[case] lang: Lang, #[case] want: &[&str]) {
        assert_eq!(parties_of_title(title, lang), want);
    }

    #[test]
    fn organisation_named_in_full_then_defined_is_one_party() {
        let mut people = People::default();
        people.org("Office of the High Commissioner for Human Rights", true);
        people.define("OHCHR", "Office of the High Commissioner for Human Rights");
        assert_eq!(people.orgs.len(), 1);
        assert_eq!(people.orgs[0].name, "OHCHR");
        assert_eq!(
            people.orgs[0].full_name.as_deref(),
            Some("Office of the High Commissioner for Human Rights")
        );
    }

    #[rstest]
    #[case::apposition(
        "with Frontex, the European Border and Coast Guard Agency, to share data",
        Lang::En,
        Some(("Frontex", "European Border and Coast Guard Agency"))
    )]
    #[case::apposition_fr(
        "L'Unicef et Frontex, l'Agence européenne de garde-frontières et de garde-côtes, ont signé",
        Lang::Fr,
        Some(("Frontex", "Agence européenne de garde-frontières et de garde-côtes"))
    )]
    #[case::list_is_not_apposition("UNODC, the World Bank, UNDP and INTERPOL met", Lang::En, None)]
    #[case::list_with_and("l'ONUDC, la Banque mondiale, et INTERPOL ont signé", Lang::Fr, None)]
    #[case::short_in_parentheses(
        "the European Union Agency for Law Enforcement Cooperation (Europol) said",
        Lang::En,
        Some(("Europol", "European Union Agency for Law Enforcement Cooperation"))
    )]
    #[case::short_in_parentheses_fr(
        "avec l'Agence de l'Union européenne pour la coopération des services répressifs (Europol)",
        Lang::Fr,
        Some(("Europol", "Agence de l'Union européenne pour la coopération des services répressifs"))
    )]
    fn full_names_are_read_from_appositions_and_parentheses(
        #[case] text: &str,
        #[case] lang: Lang,
        #[case] want: Option<(&str, &str)>,
    ) {
        let people = people_of(text, lang);
        let got = people
            .orgs
            .iter()
            .find_map(|o| o.full_name.as_deref().map(|f| (o.name.as_str(), f)));
        assert_eq!(got, want);
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
