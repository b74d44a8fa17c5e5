//! The people and roles family: who is named, with what role, for which organisation, and
//! the other ways a sentence points at a person (a role alone, a pronoun, several people at
//! once, an organisation speaking for itself).
//!
//! The patterns read names with particles ("Nicoletta della Valle", "Jan Op Gen Oorth"), roles
//! before or after a name, with their organisation ("Head of the Canadian Centre for Cyber
//! Security (CCCS)", "la directrice de l'Office fédéral de la police (fedpol)"), and the words
//! that give a person's gender. [`mentions`] reads a sentence; [`mention_of`] reads the source
//! of a quote. No I/O here.

use crate::import::lexicon::{Class, Gender, given_name_gender};
use crate::import::pattern::Pat::{self, *};
use crate::import::pattern::{Match, Rule, Slot, first_rule, rule};
use crate::import::token::{Sent, Span, shape};

/// A person's name: capitalised words, with particles between them.
pub(crate) static NAME: Pat = Seq(&[Ref(&LEADING_PARTICLES), NameWord, Rep(&NAME_TAIL, 0, 4)]);

/// A name of two words or more ("Ivica Dačić", "De Bolle"): where a one-word name could be
/// the last word of what comes before ("Minister of Internal Affairs Ivica Dačić").
static LONG_NAME: Pat = Alt(&[
    Seq(&[
        CapIs(Class::NameParticle),
        Rep(&Is(Class::NameParticle), 0, 1),
        NameWord,
        Rep(&NAME_TAIL, 0, 4),
    ]),
    Seq(&[NameWord, Rep(&NAME_TAIL, 1, 4)]),
]);

/// Capitalised particles before a surname: "De Bolle", "Van den Berghe", "Le Drian".
static LEADING_PARTICLES: Pat = Opt(&Seq(&[
    CapIs(Class::NameParticle),
    Rep(&Is(Class::NameParticle), 0, 1),
]));

/// A word of a name after its first: a name word, an initial ("Merrick B. Garland"), or
/// particles and a name word ("della Valle").
static NAME_TAIL: Pat = Alt(&[
    Initial,
    NameWord,
    Seq(&[Rep(&Is(Class::NameParticle), 1, 2), NameWord]),
]);

/// A name of two words or more that starts with a known given name: a name with nothing
/// around it that says it is a person's ("Juergen Stock", not "West Africa").
static GIVEN_FULL_NAME: Pat = Seq(&[GivenNameWord, Rep(&NAME_TAIL, 1, 4)]);

/// An honorific of any gender.
static HONORIFIC: Pat = Alt(&[
    Is(Class::HonorificF),
    Is(Class::HonorificM),
    Is(Class::Honorific),
    UpperIs(Class::RoleAbbreviation),
]);

/// A word inside an organisation's name after its first.
static ORG_TAIL_WORD: Pat = Alt(&[
    Is(Class::OrgWord),
    OrgCapital,
    Acronym,
    Is(Class::OrgAdjective),
    Seq(&[
        // Not "in" ("the Bureau in Dar es Salaam"): a role's place.
        Unless(
            Class::RolePlacePreposition,
            &Unless(Class::ListConnector, &Rep(&Is(Class::OrgConnector), 1, 3)),
        ),
        Alt(&[OrgCapital, Acronym, Is(Class::OrgWord)]),
    ]),
    // After "and", "et": a word of the same name ("Police and Border Guard"), not another
    // organisation ("UNODC and INTERPOL") or a country ("Sweden and Norway").
    Seq(&[
        Is(Class::ListConnector),
        Rep(&Is(Class::OrgConnector), 0, 2),
        Unless(Class::OrgName, &Alt(&[OrgTitle, Is(Class::OrgWord)])),
    ]),
]);

/// An organisation's short name in parentheses: "(UNODC)", "(fedpol)".
static SHORT_NAME: Pat = Seq(&[P('('), Alt(&[Acronym, Is(Class::OrgName), Capital]), P(')')]);

/// An organisation: an acronym, a known name, or words headed by an organisation noun, with
/// its short name in parentheses.
pub(crate) static ORG: Pat = Seq(&[
    Alt(&[
        Seq(&[
            Rep(&Alt(&[OrgCapital, Acronym]), 0, 3),
            Is(Class::OrgWord),
            Rep(&ORG_TAIL_WORD, 0, 8),
        ]),
        Seq(&[Is(Class::OrgName), Rep(&OrgCapital, 0, 2)]),
        Seq(&[OrgCapital, Rep(&ORG_TAIL_WORD, 1, 8)]),
        Acronym,
    ]),
    Opt(&SHORT_NAME),
]);

/// The words before a role that belong to it: "deputy", "Executive", "UNODC", "maritime
/// security".
static ROLE_LEAD: Pat = Rep(
    &Alt(&[
        Is(Class::RoleModifier),
        Is(Class::ItemAdjective),
        Acronym,
        Is(Class::OrgName),
        CapIs(Class::RoleWord),
    ]),
    0,
    4,
);

/// The organisation of a role: "of the National Cyber Unit", "d'INTERPOL", "du C3N".
static ROLE_ORG: Pat = Seq(&[
    Is(Class::RolePreposition),
    Opt(&Is(Class::Determiner)),
    Save(Slot::Org, &ORG),
]);

/// A role without its organisation: "Chief Postal Inspector", "directeur exécutif", "Director
/// General (Threats)".
static ROLE_HEAD: Pat = Seq(&[
    Ref(&ROLE_LEAD),
    Is(Class::Role),
    // "Chief Postal Inspector", "Special Agent in Charge", "directeur adjoint".
    Rep(
        &Alt(&[
            Is(Class::RoleModifier),
            Is(Class::Role),
            Seq(&[Rep(&OrgCapital, 1, 2), Is(Class::Role)]),
        ]),
        0,
        3,
    ),
    // "Director General (Threats) at the NCA": a qualifier in parentheses.
    Opt(&Seq(&[P('('), Rep(&Alt(&[Capital, Lower]), 1, 3), P(')')])),
]);

/// A role with what qualifies it: "directeur exécutif de l'ONUDC", "Head of the Canadian
/// Centre for Cyber Security (CCCS)", "Minister of Justice".
pub(crate) static ROLE: Pat = Seq(&[
    Ref(&ROLE_HEAD),
    // "de l'Intérieur" + "et des Outre-mer": a complement joined by "et", "and".
    Rep(
        &Seq(&[Opt(&Is(Class::ListConnector)), Ref(&ROLE_COMPLEMENT)]),
        0,
        5,
    ),
    // "de l'Office européen de lutte antifraude (OLAF)": the short name after the words.
    Opt(&SHORT_NAME),
]);

/// What a role is of, for or at, one prepositional phrase at a time: "for Albania" + "at
/// Eurojust", "de sécurité intérieure" + "de Roumanie" + "à Paris".
static ROLE_COMPLEMENT: Pat = Alt(&[
    Ref(&ROLE_ORG),
    // "in Dar es Salaam", "basé à Nairobi": a place, capitalised.
    Seq(&[
        Is(Class::RolePlacePreposition),
        Rep(&Seq(&[Opt(&Lower), OrgCapital]), 1, 4),
    ]),
    Seq(&[
        Is(Class::RolePreposition),
        Opt(&Is(Class::Determiner)),
        // Words of a field ("of criminal investigations"), never an article or a preposition
        // ("préfet de la" + "Martinique", "magistrat … à" + "Cotonou").
        Rep(
            &Alt(&[
                Unless(
                    Class::Determiner,
                    &Unless(Class::RolePreposition, &Alt(&[OrgCapital, Lower])),
                ),
                // "of UNODC's Human Trafficking Section".
                Seq(&[P('\''), Lower]),
            ]),
            1,
            8,
        ),
    ]),
]);

/// An organisation written before a role: "UNODC", "IRS Criminal Investigation", "U.S.
/// Secret Service", "FBI San Diego".
static ORG_BEFORE_ROLE: Pat = Seq(&[
    Ref(&ORG_WORDS_BEFORE_ROLE),
    // "City of Miami Police Chief Manuel Morales": the name's connector, once.
    Opt(&Seq(&[
        Is(Class::OrgConnector),
        Ref(&ORG_WORDS_BEFORE_ROLE),
    ])),
]);

/// The capitalised words of [`ORG_BEFORE_ROLE`] between its connectors.
static ORG_WORDS_BEFORE_ROLE: Pat = Rep(
    &Alt(&[
        // "New Zealand": a word that may qualify a role, followed by a name's word.
        Seq(&[
            CapIs(Class::RoleModifier),
            Unless(Class::RoleWord, &Unless(Class::RoleModifier, &OrgCapital)),
        ]),
        Acronym,
        Is(Class::OrgName),
        Initial,
        Unless(Class::RoleWord, &Unless(Class::RoleModifier, &OrgCapital)),
        Is(Class::OrgWord),
    ]),
    1,
    6,
);

/// A role with an organisation written before it: "UNODC Executive Director", "Europol's
/// spokesperson", "USPIS Chief Postal Inspector".
static ORG_ROLE: Pat = Seq(&[
    Save(Slot::Org, &ORG_BEFORE_ROLE),
    Opt(&Seq(&[P('\''), Word])),
    Ref(&ROLE),
]);

/// [`ORG_ROLE`] without the role's own organisation: "Europol spokesperson".
static ORG_ROLE_HEAD: Pat = Seq(&[
    Save(Slot::Org, &ORG_BEFORE_ROLE),
    Opt(&Seq(&[P('\''), Word])),
    Ref(&ROLE_HEAD),
]);

/// A member's political group and country in parentheses after the name: "(EPP, PL)",
/// "(the Left, FR)", "(S&D, DE)".
static AFFILIATION: Pat = Seq(&[
    P('('),
    Rep(&Alt(&[Word, P(','), AnyOf("&/")]), 1, 6),
    P(')'),
]);

/// "Maria Lind, Director of the National Cyber Unit," / "Yury Fedotov, directeur exécutif".
static NAME_COMMA_ROLE: Pat = Seq(&[
    // One word alone is a name only after an honorific: "Speaking in London, the Minister".
    Alt(&[
        Seq(&[Save(Slot::Title, &HONORIFIC), Save(Slot::Name, &NAME)]),
        Save(Slot::Name, &LONG_NAME),
    ]),
    // "The Hon Jane Roe MP, Minister for Justice": honours after the name.
    Rep(&Is(Class::PostNominal), 0, 2),
    // "Steven Masada - Assistant General Counsel": a byline's dash; "Andrzej BUŁA (EPP, PL),
    // co-rapporteur": a member's group and country between the name and the role.
    Alt(&[
        Seq(&[Ref(&AFFILIATION), Opt(&Alt(&[P(','), AnyOf("–—-")]))]),
        Alt(&[P(','), AnyOf("–—-")]),
    ]),
    Alt(&[
        Seq(&[
            Opt(&Alt(&[Is(Class::Determiner), Is(Class::Indefinite)])),
            Save(
                Slot::Role,
                &Seq(&[Alt(&[Ref(&ORG_ROLE), Ref(&ROLE)]), Opt(&ROLE_NOUN_TAIL)]),
            ),
        ]),
        // "Ama Owusu, a maritime security analyst": the field of a role, after "a".
        Seq(&[
            Is(Class::Indefinite),
            Save(Slot::Role, &Seq(&[Rep(&Lower, 1, 3), Ref(&ROLE)])),
        ]),
    ]),
]);

/// The nouns that close a role's organisation written as a name ("co-rapporteur for the
/// RESTORE regulation", "… (EAFRD) related regulation"), up to the comma or the verb.
static ROLE_NOUN_TAIL: Pat = Seq(&[
    Rep(&Lower, 1, 2),
    Peek(&Alt(&[P(','), Is(Class::SpeechVerb)])),
]);

/// "le directeur exécutif de l'ONUDC, Yury Fedotov" / "Minister of Justice, Anna Karlsson".
static ROLE_COMMA_NAME: Pat = Seq(&[
    Opt(&Is(Class::Determiner)),
    Alt(&[
        Seq(&[
            Save(Slot::Role, &ROLE_BEFORE_COMMA),
            P(','),
            // "l'honorable Daniel Fortier"; "le colonel Moussa Ouattara": a rank after the
            // post is no second role.
            Opt(&Seq(&[
                Opt(&Is(Class::Determiner)),
                Alt(&[Save(Slot::Title, &HONORIFIC), Is(Class::Rank)]),
            ])),
        ]),
        // "MJB Deputy Bureau Chief, Assistant State's Attorney David Williams": two posts, the
        // second written before the name is theirs (a list of people and posts, "Bob Debus,
        // Minister for Home Affairs, Senator Chris Evans", gives the first to someone else).
        Seq(&[
            Ref(&ROLE_BEFORE_COMMA),
            P(','),
            Opt(&Is(Class::Determiner)),
            Save(Slot::Role, &Alt(&[Ref(&ORG_ROLE_HEAD), Ref(&ROLE_HEAD)])),
        ]),
    ]),
    Save(Slot::Name, &NAME),
    Rep(&Is(Class::PostNominal), 0, 2),
    // "le Président du Conseil de sécurité, M. Koro Bessho (Japon) :": the member's country.
    Opt(&AFFILIATION),
    // The comma after the name is left to what follows: an apposition (", who leads the
    // unit,"), the verb's.
    Alt(&[
        Peek(&P(',')),
        P('.'),
        P(')'),
        // The colon is the speech rules' ("…, Caroline Pickering:" + the quote).
        Peek(&P(':')),
        Is(Class::SpeechVerb),
        Is(Class::VerbFiller),
        End,
    ]),
]);

/// The post of [`ROLE_COMMA_NAME`] before its comma.
static ROLE_BEFORE_COMMA: Pat = Seq(&[
    Alt(&[Ref(&ORG_ROLE), Ref(&ROLE)]),
    // "Manager Investigations, Cam Moore": the role's field after it.
    Rep(&OrgCapital, 0, 2),
]);

/// "l'adjudant-chef Mathieu Garnier, enquêteur au département des investigations du C3N,":
/// a rank before the name, the post after it: the rank is the role ("the superintendent" is
/// how the release names them again), the post gives the organisation.
static ROLE_NAME_COMMA_ROLE: Pat = Seq(&[
    Opt(&Is(Class::Determiner)),
    Save(Slot::Role, &Alt(&[Ref(&ORG_ROLE_HEAD), Ref(&ROLE_HEAD)])),
    Opt(&Save(Slot::Title, &HONORIFIC)),
    Save(Slot::Name, &LONG_NAME),
    P(','),
    Opt(&Alt(&[Is(Class::Determiner), Is(Class::Indefinite)])),
    Alt(&[Ref(&ORG_ROLE), Ref(&ROLE)]),
    // Not the role of the next person named ("…, the Minister of X Bob Smith").
    Peek(&Alt(&[
        P(','),
        P('.'),
        P(')'),
        P(':'),
        Is(Class::SpeechVerb),
        End,
    ])),
]);

/// "UNODC Executive Director Ghada Waly" / "le Secrétaire général d'INTERPOL Juergen Stock".
///
/// After a role's organisation, a name of one word could be the organisation's last word
/// ("Minister of the Interior", "head of the UN Office for West Africa"): the name then has
/// two words or more.
static ROLE_NAME: Pat = Seq(&[
    Opt(&Is(Class::Determiner)),
    Alt(&[
        // "AFP Commander Pacific Melinda Phelan": capitals between a role and a known given
        // name are the role's (its region or portfolio), not the name's.
        Seq(&[
            Save(
                Slot::Role,
                &Seq(&[
                    Alt(&[Ref(&ORG_ROLE_HEAD), Ref(&ROLE_HEAD)]),
                    Rep(&Unless(Class::GivenName, &OrgCapital), 1, 2),
                ]),
            ),
            Save(Slot::Name, &GIVEN_FULL_NAME),
        ]),
        Seq(&[
            Save(Slot::Role, &Alt(&[Ref(&ORG_ROLE_HEAD), Ref(&ROLE_HEAD)])),
            Opt(&Save(Slot::Title, &HONORIFIC)),
            Save(Slot::Name, &NAME),
        ]),
        Seq(&[
            Save(Slot::Role, &Alt(&[Ref(&ORG_ROLE), Ref(&ROLE)])),
            Opt(&Save(Slot::Title, &HONORIFIC)),
            Save(Slot::Name, &LONG_NAME),
        ]),
    ]),
]);

/// "M. Fedotov", "Ms. Ama Owusu".
static TITLE_NAME: Pat = Seq(&[Save(Slot::Title, &HONORIFIC), Save(Slot::Name, &NAME)]);

/// "les deux ministres", "the ministers", "les trois chefs d'autorité".
static JOINT: Pat = Save(
    Slot::Joint,
    &Alt(&[
        Is(Class::JointSubject),
        Seq(&[
            Is(Class::JointCount),
            Is(Class::JointNoun),
            Opt(&Seq(&[Is(Class::RolePreposition), Lower])),
        ]),
    ]),
);

/// "le communiqué de la DGSN", "the statement by the ministry": the organisation speaks.
static STATEMENT_OF: Pat = Seq(&[
    Opt(&Is(Class::Determiner)),
    Is(Class::StatementNoun),
    Alt(&[Is(Class::RolePreposition), Is(Class::StatementBy)]),
    Opt(&Is(Class::Determiner)),
    Save(Slot::Org, &ORG),
]);

/// "the organization", "l'agence": an organisation named before.
static ORG_ANAPHOR: Pat = Save(Slot::OrgRef, &Is(Class::OrgAnaphor));

/// "the minister", "la commissaire", "le directeur d'INTERPOL".
static ROLE_ALONE: Pat = Seq(&[
    Opt(&Is(Class::Determiner)),
    Save(Slot::Role, &Alt(&[Ref(&ORG_ROLE), Ref(&ROLE)])),
]);

/// "il", "she", "they".
static PRONOUN: Pat = Save(
    Slot::Source,
    &Alt(&[
        Is(Class::PronounF),
        Is(Class::PronounM),
        Is(Class::PronounPlural),
    ]),
);

/// "Juergen Stock" anywhere: a full name that starts with a given name.
static GIVEN_NAMED: Pat = Save(Slot::Name, &GIVEN_FULL_NAME);

/// "Fedotov", "dos Santos" (a surname alone, only as a quote's source).
static SURNAME: Pat = Save(
    Slot::Name,
    &Alt(&[
        Ref(&NAME),
        Seq(&[Rep(&Is(Class::NameParticle), 1, 2), NameWord]),
    ]),
);

/// [`SURNAME`], compiled.
static SURNAME_RULE: Rule = rule!(surname, SURNAME);

/// "Europol", "l'ONUDC", "the Ministry of the Interior".
static ORGANISATION: Pat = Seq(&[Opt(&Is(Class::Determiner)), Save(Slot::Org, &ORG)]);

/// The ways a sentence names or points at a person, most specific first.
pub(crate) static RULES: &[Rule] = &[
    rule!(name_comma_role, NAME_COMMA_ROLE),
    rule!(role_comma_name, ROLE_COMMA_NAME),
    rule!(role_name_comma_role, ROLE_NAME_COMMA_ROLE),
    rule!(role_name, ROLE_NAME),
    rule!(title_name, TITLE_NAME),
    rule!(joint, JOINT),
    rule!(statement_of, STATEMENT_OF),
    rule!(org_anaphor, ORG_ANAPHOR),
    rule!(role_alone, ROLE_ALONE),
    rule!(pronoun, PRONOUN),
    rule!(given_full_name, GIVEN_NAMED),
    rule!(organisation, ORGANISATION),
];

/// What a mention points at, as token ranges of its sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Mention {
    /// A named person, with a role and organisation when written beside the name.
    Person {
        /// The name (without honorific).
        name: (usize, usize),
        /// The role, with its organisation.
        role: Option<(usize, usize)>,
        /// The organisation named in or before the role.
        org: Option<(usize, usize)>,
        /// What the words say of gender.
        gender: Option<Gender>,
    },
    /// A role with no name: "the minister", "le directeur d'INTERPOL".
    Role {
        /// The role.
        role: (usize, usize),
        /// Its organisation.
        org: Option<(usize, usize)>,
        /// What the words say of gender.
        gender: Option<Gender>,
    },
    /// A personal pronoun.
    Pronoun(Gender),
    /// Several people at once.
    Joint((usize, usize)),
    /// An organisation.
    Org((usize, usize)),
    /// An organisation named again by its kind ("the agency").
    OrgRef((usize, usize)),
    /// A capitalised name with nothing around it ("Lind"): someone only when a speech verb
    /// makes it a quote's source.
    Name((usize, usize)),
}

/// The gender the words of `range` give (honorifics, role forms, an article, a given name);
/// none when they disagree or say nothing.
pub(crate) fn gender_of(
    sent: &Sent<'_>,
    range: (usize, usize),
    name: Option<(usize, usize)>,
    org: Option<(usize, usize)>,
) -> Option<Gender> {
    let (mut feminine, mut masculine) = (false, false);
    let inside =
        |span: Option<(usize, usize)>, i: usize| span.is_some_and(|(a, b)| (a..b).contains(&i));
    for i in range.0..range.1 {
        let Some(tok) = sent.tok(i) else { break };
        // The name, the organisation and the articles inside ("de la police") say nothing of
        // gender; the article before the role does ("la commissaire").
        if inside(name, i) || inside(org, i) || i > range.0 && tok.is(Class::Determiner) {
            continue;
        }
        feminine |= tok.is(Class::Feminine) || tok.is(Class::HonorificF);
        masculine |= tok.is(Class::Masculine) || tok.is(Class::HonorificM);
    }
    if let Some(first) = name.and_then(|(a, _)| sent.lower(a))
        && !(feminine || masculine)
    {
        return given_name_gender(first);
    }
    match (feminine, masculine) {
        (true, false) => Some(Gender::Feminine),
        (false, true) => Some(Gender::Masculine),
        _ => None,
    }
}

/// Trims an organisation's range: no connector, article or punctuation at its end.
fn trim_org(sent: &Sent<'_>, (start, mut end): (usize, usize)) -> Option<(usize, usize)> {
    while end > start
        && sent.tok(end - 1).is_some_and(|t| {
            !t.is_word() && !t.is_punct(')')
                || t.is(Class::OrgConnector)
                || t.is(Class::Determiner)
                || t.is(Class::RolePreposition)
        })
    {
        end -= 1;
    }
    let acronym_only = end == start + 1 && sent.tok(start).is_some_and(|t| t.is(Class::NotOrg));
    (end > start && !acronym_only).then_some((start, end))
}

/// The mention a match of [`RULES`] makes.
fn mention_from(sent: &Sent<'_>, m: &Match) -> Option<Mention> {
    let role = m.caps.get(Slot::Role);
    // "co-rapporteur for the RESTORE regulation": a name the role's lowercase nouns follow
    // qualifies them (a regulation, a programme), and is no organisation.
    let raw_org = m.caps.get(Slot::Org).filter(|&(org_start, org_end)| {
        !role.is_some_and(|(role_start, role_end)| {
            org_start > role_start
                && role_end > org_end
                && (org_end..role_end).all(|k| {
                    sent.tok(k)
                        .is_some_and(|t| t.is_word() && !t.has(shape::CAP))
                })
        })
    });
    let org = raw_org.and_then(|o| trim_org(sent, o));
    if let Some(name) = m.caps.get(Slot::Name) {
        let gender = gender_of(sent, (m.start, m.end), Some(name), raw_org);
        // A possessive after the name ("Lind's") is no part of it.
        return Some(Mention::Person {
            name,
            role,
            org,
            gender,
        });
    }
    if let Some(role) = role {
        let gender = gender_of(sent, (m.start, m.end), None, raw_org);
        return Some(Mention::Role { role, org, gender });
    }
    if let Some(noun) = m.caps.get(Slot::OrgRef) {
        return Some(Mention::OrgRef(noun));
    }
    if let Some(joint) = m.caps.get(Slot::Joint) {
        return Some(Mention::Joint(joint));
    }
    if let Some(source) = m.caps.get(Slot::Source) {
        let tok = sent.tok(source.0)?;
        let gender = if tok.is(Class::PronounF) {
            Gender::Feminine
        } else if tok.is(Class::PronounM) {
            Gender::Masculine
        } else {
            Gender::Plural
        };
        return Some(Mention::Pronoun(gender));
    }
    org.map(Mention::Org)
}

/// Every mention of a person or organisation in the sentence, left to right, each with the
/// tokens it covers.
pub(crate) fn mentions(sent: &Sent<'_>) -> Vec<(Mention, (usize, usize))> {
    let interesting = [
        Class::Role,
        Class::RoleModifier,
        Class::Honorific,
        Class::HonorificF,
        Class::HonorificM,
        Class::JointSubject,
        Class::PronounF,
        Class::PronounM,
        Class::PronounPlural,
        Class::Determiner,
        Class::OrgWord,
        Class::OrgName,
    ]
    .iter()
    .fold(0, |mask, class| mask | class.bit());
    let mut out = Vec::new();
    let mut at = 0;
    while at < sent.len() {
        let worth = sent
            .tok(at)
            .is_some_and(|t| t.is_word() && (t.may_start(interesting) || t.has(shape::CAP)));
        if worth
            && let Some((_, m)) = first_rule(RULES, sent, at)
            && let Some(mention) = mention_from(sent, &m)
        {
            // "Nicole Rose PSM", "James Wolffe QC": honours after a name are the mention's.
            let mut end = m.end;
            if matches!(mention, Mention::Person { name, .. } if name.1 == end) {
                while sent.is(end, Class::PostNominal) {
                    end += sent.phrase_at(end, Class::PostNominal).unwrap_or(1);
                }
            }
            out.push((mention, (m.start, end)));
            at = end.max(at + 1);
            continue;
        }
        if let Some(m) = SURNAME_RULE
            .program
            .match_at(sent, at)
            .filter(|m| m.end > at)
        {
            out.push((Mention::Name((m.start, m.end)), (m.start, m.end)));
            at = m.end;
            continue;
        }
        at += 1;
    }
    out
}

/// The spans speech rules see of a sentence's mentions: a bare surname or an organisation is
/// a weak mention (a source only where a rule says so), anyone else a strong one.
pub(crate) fn spans_of(found: &[(Mention, (usize, usize))]) -> Vec<Span> {
    found
        .iter()
        .map(|(mention, (start, end))| Span {
            start: *start,
            end: *end,
            strong: !matches!(mention, Mention::Name(_) | Mention::Org(_)),
            named: matches!(mention, Mention::Person { .. }),
        })
        .collect()
}

#[cfg(test)]
#[allow(
    clippy::indexing_slicing,
    reason = "a test fails loudly on a wrong length"
)]
mod tests {
    use super::*;
    use crate::import::lexicon::vocab;
    use crate::import::token::{TokenBuf, tokenize};
    use crate::model::Lang;
    use rstest::rstest;

    /// The people of a sentence as (name, role, org, gender).
    fn people(text: &str, lang: Lang) -> Vec<(String, String, String, Option<Gender>)> {
        let v = vocab(lang);
        let mut buf = TokenBuf::default();
        tokenize(text, &mut buf);
        buf.annotate(v);
        let sent = buf.sent(text, 0..buf.len(), v);
        let show = |r: Option<(usize, usize)>| {
            r.and_then(|(a, b)| sent.slice(a, b))
                .unwrap_or_default()
                .to_string()
        };
        mentions(&sent)
            .into_iter()
            .filter_map(|(m, _)| match m {
                Mention::Person {
                    name,
                    role,
                    org,
                    gender,
                } => Some((show(Some(name)), show(role), show(org), gender)),
                _ => None,
            })
            .collect()
    }

    use Gender::{Feminine as F, Masculine as M};

    #[rstest]
    #[case::seed_fr(
        "le directeur exécutif de l'ONUDC, Yury Fedotov, et le Secrétaire général d'INTERPOL, Juergen Stock, ont signé",
        Lang::Fr,
        &[("Yury Fedotov", "directeur exécutif de l'ONUDC", "ONUDC", Some(M)), ("Juergen Stock", "Secrétaire général d'INTERPOL", "INTERPOL", Some(M))]
    )]
    #[case::colon_en(
        "Maria Lind, Director of the National Cyber Unit, said:",
        Lang::En,
        &[("Maria Lind", "Director of the National Cyber Unit", "National Cyber Unit", Some(F))]
    )]
    #[case::acronym_role(
        "Sami Khoury, Head of the Canadian Centre for Cyber Security (CCCS), said",
        Lang::En,
        &[("Sami Khoury", "Head of the Canadian Centre for Cyber Security (CCCS)", "Canadian Centre for Cyber Security (CCCS)", Some(M))]
    )]
    #[case::org_role_name(
        "Europol spokesperson Jan Op Gen Oorth said",
        Lang::En,
        &[("Jan Op Gen Oorth", "Europol spokesperson", "Europol", Some(M))]
    )]
    #[case::org_with_connector_role_name(
        "said City of Miami Police Chief Manuel Morales.",
        Lang::En,
        &[("Manuel Morales", "City of Miami Police Chief", "City of Miami Police", Some(M))]
    )]
    #[case::us_prosecutor(
        "said Harris County District Attorney Sean Teare.",
        Lang::En,
        &[("Sean Teare", "Harris County District Attorney", "Harris County", Some(M))]
    )]
    #[case::particle(
        "la directrice de l'Office fédéral de la police (fedpol), Nicoletta della Valle, a indiqué",
        Lang::Fr,
        &[("Nicoletta della Valle", "directrice de l'Office fédéral de la police (fedpol)", "Office fédéral de la police (fedpol)", Some(F))]
    )]
    #[case::minister(
        "Minister of Justice Anna Karlsson opened the meeting.",
        Lang::En,
        &[("Anna Karlsson", "Minister of Justice", "", Some(F))]
    )]
    #[case::two_people_fr(
        "La directrice générale des douanes, Florence Martin, et le directeur général de la police nationale, Paul Durand, ont signé un accord.",
        Lang::Fr,
        &[("Florence Martin", "directrice générale des douanes", "douanes", Some(F)), ("Paul Durand", "directeur général de la police nationale", "police nationale", Some(M))]
    )]
    #[case::role_qualifier(
        "James Babbage, Director General (Threats) at the NCA, said:",
        Lang::En,
        &[("James Babbage", "Director General (Threats) at the NCA", "NCA", Some(M))]
    )]
    #[case::role_word_then_comma_name(
        "New Zealand Customs Service Manager Investigations, Cam Moore, says",
        Lang::En,
        &[("Cam Moore", "New Zealand Customs Service Manager Investigations", "New Zealand Customs Service", None)]
    )]
    #[case::role_comma_role_name(
        "MJB Deputy Bureau Chief, Assistant State's Attorney David Williams, who leads CCROC, said.",
        Lang::En,
        &[("David Williams", "Assistant State's Attorney", "MJB Deputy Bureau", Some(M))]
    )]
    #[case::detective(
        "Attribute to Detective Inspector Tom Wakefield, National Organised Crime Group:",
        Lang::En,
        &[("Tom Wakefield", "Detective Inspector", "", Some(M))]
    )]
    #[case::interior(
        "Spanish Minister of the Interior Fernando Grande-Marlaska Gómez said",
        Lang::En,
        &[("Fernando Grande-Marlaska Gómez", "Spanish Minister of the Interior", "Spanish", Some(M))]
    )]
    #[case::surname_in_capitals_with_group(
        "Andrzej BUŁA (EPP, PL), co-rapporteur for the RESTORE regulation said:",
        Lang::En,
        &[("Andrzej BUŁA", "co-rapporteur for the RESTORE regulation", "", Some(M))]
    )]
    #[case::group_without_comma(
        "Younous OMARJEE (the Left, FR) co-rapporteur for the RESTORE regulation stated:",
        Lang::En,
        &[("Younous OMARJEE", "co-rapporteur for the RESTORE regulation", "", Some(M))]
    )]
    #[case::surname_in_capitals_fr(
        "Le ministre de l'Intérieur, M. Gérald DARMANIN, a déclaré :",
        Lang::Fr,
        &[("Gérald DARMANIN", "ministre de l'Intérieur", "", Some(M))]
    )]
    #[case::two_surnames_in_capitals(
        "Snježana KOBEŠĆAK SMODIŠ, spokesperson of the Parliament, said",
        Lang::En,
        &[("Snježana KOBEŠĆAK SMODIŠ", "spokesperson of the Parliament", "Parliament", Some(F))]
    )]
    #[case::acronym_after_a_name_is_no_surname(
        "Europol EMPACT priorities and the INTERPOL ASEANAPOL meeting",
        Lang::En,
        &[]
    )]
    #[case::region_between_role_and_name(
        "AFP Commander Pacific Sarah Phelan said",
        Lang::En,
        &[("Sarah Phelan", "AFP Commander Pacific", "AFP", Some(F))]
    )]
    #[case::internal_affairs(
        "Serbia's Minister of Internal Affairs Ivica Dačić said",
        Lang::En,
        &[("Ivica Dačić", "Serbia's Minister of Internal Affairs", "Internal Affairs", Some(M))]
    )]
    #[case::place_after_role_fr(
        "le magistrat de liaison français à Cotonou, compétent pour la région",
        Lang::Fr,
        &[]
    )]
    #[case::place_before_comma(
        "Speaking in London, the Minister for Border Security and Asylum, Angela Eagle, said",
        Lang::En,
        &[("Angela Eagle", "Minister for Border Security and Asylum", "Border Security and Asylum", Some(F))]
    )]
    #[case::region_after_org(
        "the head of the UN Office for West Africa and the Sahel, Leonardo Santos Simão, said",
        Lang::En,
        &[("Leonardo Santos Simão", "head of the UN Office for West Africa and the Sahel", "UN Office for West Africa and the Sahel", Some(M))]
    )]
    #[case::chained_complements(
        "L'attachée de sécurité intérieure de Roumanie à Paris, Ioana Popescu, a salué",
        Lang::Fr,
        // The organisation reads wide ("Roumanie à Paris"): a known limit, the name and role hold.
        &[("Ioana Popescu", "attachée de sécurité intérieure de Roumanie à Paris", "Roumanie à Paris", Some(F))]
    )]
    #[case::honorable(
        "le ministre de la Sécurité publique du Canada, l'honorable Daniel Fortier, et la procureure générale adjointe des États-Unis, Margaret Ellison, ont coprésidé",
        Lang::Fr,
        &[("Daniel Fortier", "ministre de la Sécurité publique du Canada", "Sécurité publique du Canada", Some(M)), ("Margaret Ellison", "procureure générale adjointe des États-Unis", "", Some(F))]
    )]
    #[case::post_nominal(
        "Quotes attributable to AUSTRAC CEO Nicole Rose PSM:",
        Lang::En,
        &[("Nicole Rose", "AUSTRAC CEO", "AUSTRAC", Some(F))]
    )]
    #[case::role_name_country_fr(
        "la déclaration faite par le Président du Conseil de sécurité pour le mois de juillet, M. Koro Bessho (Japon) :",
        Lang::Fr,
        &[("Koro Bessho", "Président du Conseil de sécurité pour le mois de juillet", "", Some(M))]
    )]
    #[case::post_nominal_then_role(
        "The Hon Jane Roe MP, Minister for Justice, met the minister.",
        Lang::En,
        &[("Jane Roe", "Minister for Justice", "", Some(F))]
    )]
    #[case::role_colon(
        "Quote attributable to the Head of the Fiji Financial Intelligence Unit, Caroline Pickering:",
        Lang::En,
        &[("Caroline Pickering", "Head of the Fiji Financial Intelligence Unit", "Fiji Financial Intelligence Unit", Some(F))]
    )]
    #[case::rank_after_post_fr(
        "Pour le directeur de l'Informatique et des Traces Technologiques (DITT), le colonel Moussa Guelpétchin Ouattara, ces chiffres",
        Lang::Fr,
        &[("Moussa Guelpétchin Ouattara", "directeur de l'Informatique et des Traces Technologiques (DITT)", "Informatique et des Traces Technologiques (DITT)", Some(M))]
    )]
    #[case::rank_after_post_en(
        "the head of the Serious Crime Unit, Detective Superintendent Ana Ruiz, said",
        Lang::En,
        &[("Ana Ruiz", "head of the Serious Crime Unit", "Serious Crime Unit", Some(F))]
    )]
    #[case::indefinite_field_role(
        "Ms. Ama Owusu, a maritime security analyst in Accra, said",
        Lang::En,
        &[("Ama Owusu", "maritime security analyst in Accra", "", Some(F))]
    )]
    #[case::byline_dash(
        "Steven Masada - Assistant General Counsel, Digital Crimes Unit",
        Lang::En,
        &[("Steven Masada", "Assistant General Counsel", "", Some(M))]
    )]
    #[case::short_name_after_lowercase_org(
        "le directeur général de l'Office européen de lutte antifraude (OLAF), Ville Itälä, a signé",
        Lang::Fr,
        &[("Ville Itälä", "directeur général de l'Office européen de lutte antifraude (OLAF)", "Office européen", Some(M))]
    )]
    #[case::course_is_no_name(
        "the first Pacific Financial Intelligence Analyst Course opened",
        Lang::En,
        &[]
    )]
    #[case::sir(
        "James Wolffe QC welcomed Sir Julian King to Gartcosh.",
        Lang::En,
        &[("James Wolffe", "", "", Some(M)), ("Julian King", "", "", Some(M))]
    )]
    #[case::rank_abbreviations(
        "said Police Maj. Gen. Surapan Thaiprasert, Commander of the NED.",
        Lang::En,
        &[("Surapan Thaiprasert", "Police Maj. Gen.", "NED", None)]
    )]
    #[case::modal_given_name(
        "Deputy Chief Constable Will Kerr, who sits on the Executive Committee, said:",
        Lang::En,
        &[("Will Kerr", "Deputy Chief Constable", "", Some(M))]
    )]
    #[case::possessive_in_role(
        "The Chief of UNODC's Human Trafficking and Migrant Smuggling Section, Ilias Chatzis, said",
        Lang::En,
        &[("Ilias Chatzis", "Chief of UNODC's Human Trafficking and Migrant Smuggling Section", "", Some(M))]
    )]
    #[case::place_in_role(
        "Neema Mwakalinga, head of the National Central Bureau in Dar es Salaam, said",
        Lang::En,
        &[("Neema Mwakalinga", "head of the National Central Bureau in Dar es Salaam", "National Central Bureau", None)]
    )]
    #[case::chained_with_et(
        "M. Gérald Darmanin, ministre de l'Intérieur et des Outre-mer, et Mme Nancy Faeser, ministre fédérale de l'Intérieur et du Territoire, ont signé",
        Lang::Fr,
        &[("Gérald Darmanin", "ministre de l'Intérieur et des Outre-mer", "", Some(M)), ("Nancy Faeser", "ministre fédérale de l'Intérieur et du Territoire", "Intérieur et du Territoire", Some(F))]
    )]
    #[case::rank_name_post(
        "Selon l'adjudant-chef Mathieu Garnier, enquêteur au département des investigations du C3N, les développeurs",
        Lang::Fr,
        &[("Mathieu Garnier", "adjudant-chef", "C3N", Some(M))]
    )]
    #[case::role_name_then_next_person(
        "the Minister of Justice Anna Karlsson, the Minister of the Interior Bob Smith and others",
        Lang::En,
        &[("Anna Karlsson", "Minister of Justice", "", Some(F)), ("Bob Smith", "Minister of the Interior", "", Some(M))]
    )]
    #[case::honorific("Mme Schmid a rappelé les faits.", Lang::Fr, &[("Schmid", "", "", Some(F))])]
    #[case::role_abbreviation("the unit, DA Creuzot added, will help.", Lang::En, &[("Creuzot", "", "", None)])]
    #[case::particle_in_lowercase("Maria da Silva welcomed the plan.", Lang::En, &[("Maria da Silva", "", "", Some(F))])]
    fn people_are_read_with_role_org_and_gender(
        #[case] text: &str,
        #[case] lang: Lang,
        #[case] want: &[(&str, &str, &str, Option<Gender>)],
    ) {
        let want: Vec<(String, String, String, Option<Gender>)> = want
            .iter()
            .map(|(a, b, c, g)| (a.to_string(), b.to_string(), c.to_string(), *g))
            .collect();
        assert_eq!(people(text, lang), want);
    }
}
