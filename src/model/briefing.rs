//! The briefing types: plain serde data, shared by every part of the program.
//!
//! No I/O and no validation here; [`crate::model::parse`] builds these from text and
//! [`crate::model::validate`] checks what serde cannot.

use serde::{Deserialize, Serialize};

use super::date::Date;

/// One press release or briefing, structured for reading and presenting.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Briefing {
    /// The headline.
    pub title: String,
    /// The date of the release.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// The language of the text, a BCP 47 tag such as `fr` or `en`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// The occasion of the release (a meeting, a signing, a session).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
    /// Where it happened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Who published the release.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The photo caption or standfirst.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    /// The gist, one string per paragraph.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub summary: Vec<String>,
    /// The organisations involved and the people who speak for them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parties: Vec<Party>,
    /// Direct quotes, in the order of the release.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quotes: Vec<Quote>,
    /// What the parties do or will do together.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cooperation_areas: Vec<Area>,
    /// The dangers the release names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub threats: Vec<Threat>,
    /// Further reading ("Plus d'informations", "For more information").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    /// Presenter notes, one per section; the audience never sees them.
    #[serde(default, skip_serializing_if = "Notes::is_empty")]
    pub notes: Notes,
}

/// An organisation taking part, with its people.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Party {
    /// The short name used in the text, such as `ONUDC` or `INTERPOL`.
    pub name: String,
    /// The name written out in full.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub full_name: Option<String>,
    /// People who speak or act for the party.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<Person>,
}

/// A person and the role they hold.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Full name, as quotes refer to it in `speaker`.
    pub name: String,
    /// Title or function, such as "Secrétaire général d'INTERPOL".
    #[serde(default)]
    pub role: String,
}

/// A direct quote.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    /// Who says it: the `name` of a person in [`Briefing::parties`], or several for a joint
    /// statement; none when the release does not say.
    #[serde(default, skip_serializing_if = "Speakers::is_empty")]
    pub speaker: Speakers,
    /// The words, verbatim, without the quotation marks.
    pub text: String,
    /// When or where it was said ("lors de ses remarques liminaires").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
}

/// A field of cooperation.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    /// A short label.
    pub label: String,
    /// The canonical category, an area id of [`super::categories`] such as `training`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// The release's own words about it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

/// A danger the parties address.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Threat {
    /// A short label.
    pub label: String,
    /// The canonical category, a threat id of [`super::categories`] such as `ransomware`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// The release's own words about it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// Whether the release calls it new or emerging.
    #[serde(default, skip_serializing_if = "is_false")]
    pub emerging: bool,
}

/// The speakers of a quote: none, one (written `speaker = "Name"`), or several for a joint
/// statement (`speaker = ["Name", "Name"]`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Speakers(Vec<String>);

impl Speakers {
    /// No speaker.
    pub fn none() -> Speakers {
        Speakers(Vec::new())
    }

    /// One speaker.
    pub fn one(name: impl Into<String>) -> Speakers {
        Speakers(vec![name.into()])
    }

    /// Several speakers, in order; duplicates are dropped.
    pub fn many(names: impl IntoIterator<Item = String>) -> Speakers {
        let mut out: Vec<String> = Vec::new();
        for name in names {
            if !out.contains(&name) {
                out.push(name);
            }
        }
        Speakers(out)
    }

    /// True when the release does not say who speaks.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The speakers' names, in order.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(String::as_str)
    }

    /// The first speaker, or the only one.
    pub fn first(&self) -> Option<&str> {
        self.0.first().map(String::as_str)
    }

    /// The names for editing in place.
    pub fn names_mut(&mut self) -> impl Iterator<Item = &mut String> {
        self.0.iter_mut()
    }
}

impl Serialize for Speakers {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0.as_slice() {
            [one] => serializer.serialize_str(one),
            many => many.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for Speakers {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Speakers;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a name, or a list of names for a joint statement")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Speakers, E> {
                Ok(Speakers::one(v))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Speakers, A::Error> {
                let mut names = Vec::new();
                while let Some(name) = seq.next_element::<String>()? {
                    names.push(name);
                }
                Ok(Speakers(names))
            }
        }
        deserializer.deserialize_any(Visit)
    }
}

/// A pointer to further reading.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    /// What the link is called in the release.
    pub title: String,
    /// Where it points, when known (http, https or mailto).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// Presenter notes keyed by section.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Notes {
    /// For the title slide.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// For the summary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// For the quotes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quotes: Option<String>,
    /// For the cooperation areas.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cooperation_areas: Option<String>,
    /// For the threats.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threats: Option<String>,
    /// For the links.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub links: Option<String>,
}

impl Notes {
    /// True when no section has a note.
    pub fn is_empty(&self) -> bool {
        *self == Notes::default()
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// The keys each table of the file format accepts, by table; the unknown-key check and its
/// suggestions read this, and a test keeps it equal to the serde types above.
pub(crate) mod keys {
    pub const BRIEFING: &[&str] = &[
        "title",
        "date",
        "lang",
        "event",
        "place",
        "source",
        "caption",
        "summary",
        "parties",
        "quotes",
        "cooperation_areas",
        "threats",
        "links",
        "notes",
    ];
    pub const PARTY: &[&str] = &["name", "full_name", "people"];
    pub const PERSON: &[&str] = &["name", "role"];
    pub const QUOTE: &[&str] = &["speaker", "text", "context"];
    pub const AREA: &[&str] = &["label", "category", "detail"];
    pub const THREAT: &[&str] = &["label", "category", "detail", "emerging"];
    pub const LINK: &[&str] = &["title", "url"];
    pub const NOTES: &[&str] = &[
        "title",
        "summary",
        "quotes",
        "cooperation_areas",
        "threats",
        "links",
    ];
}

impl Person {
    /// "Yury Fedotov, directeur exécutif de l'ONUDC", or the name alone without a role.
    pub fn described(&self) -> String {
        if self.role.is_empty() {
            self.name.clone()
        } else {
            format!("{}, {}", self.name, self.role)
        }
    }
}

impl Party {
    /// The people who speak for the party, without the party itself: a release may quote an
    /// organisation ("a Frontex spokesperson said"), and the importer files it as a person of
    /// its own party, under the party's name.
    pub fn members(&self) -> impl Iterator<Item = &Person> {
        self.people.iter().filter(|p| p.name != self.name)
    }

    /// "ONUDC : Yury Fedotov, directeur exécutif de l'ONUDC": the party shown as `shown`, then
    /// `colon` (": ", or " : " in French) and its [members](Party::members) separated by
    /// `separator` ("; ", or " ; " in French).
    pub fn with_people(&self, shown: &str, colon: &str, separator: &str) -> String {
        let people: Vec<String> = self.members().map(Person::described).collect();
        if people.is_empty() {
            return shown.to_string();
        }
        format!("{shown}{colon}{}", people.join(separator))
    }
}

impl Briefing {
    /// Every person of every party, with their party, in the file's order.
    pub fn people(&self) -> impl Iterator<Item = (&Party, &Person)> {
        self.parties
            .iter()
            .flat_map(|party| party.people.iter().map(move |p| (party, p)))
    }

    /// Finds a person by the exact `name` used in quotes, with the party they belong to.
    pub fn person(&self, name: &str) -> Option<(&Party, &Person)> {
        self.people().find(|(_, p)| p.name == name)
    }

    /// Applies `f` to every string of the briefing; used to sanitize text once, at load.
    pub fn map_text(&mut self, mut f: impl FnMut(&str) -> String) {
        let mut one = |s: &mut String| *s = f(s);
        one(&mut self.title);
        for s in [
            &mut self.lang,
            &mut self.event,
            &mut self.place,
            &mut self.source,
            &mut self.caption,
        ]
        .into_iter()
        .flatten()
        {
            one(s);
        }
        self.summary.iter_mut().for_each(&mut one);
        for party in &mut self.parties {
            one(&mut party.name);
            party.full_name.iter_mut().for_each(&mut one);
            for person in &mut party.people {
                one(&mut person.name);
                one(&mut person.role);
            }
        }
        for quote in &mut self.quotes {
            quote.speaker.names_mut().for_each(&mut one);
            one(&mut quote.text);
            quote.context.iter_mut().for_each(&mut one);
        }
        for area in &mut self.cooperation_areas {
            one(&mut area.label);
            area.detail.iter_mut().for_each(&mut one);
        }
        for threat in &mut self.threats {
            one(&mut threat.label);
            threat.detail.iter_mut().for_each(&mut one);
        }
        for link in &mut self.links {
            one(&mut link.title);
            link.url.iter_mut().for_each(&mut one);
        }
        let n = &mut self.notes;
        for s in [
            &mut n.title,
            &mut n.summary,
            &mut n.quotes,
            &mut n.cooperation_areas,
            &mut n.threats,
            &mut n.links,
        ]
        .into_iter()
        .flatten()
        {
            one(s);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str, role: &str) -> Person {
        Person {
            name: name.to_string(),
            role: role.to_string(),
        }
    }

    #[test]
    fn a_party_lists_its_people_but_not_itself() {
        let party = Party {
            name: "Frontex".to_string(),
            full_name: None,
            people: vec![
                person("Hans Leijtens", "Executive Director"),
                person("Frontex", "the organisation itself"),
                person("Aija Kalnaja", "Deputy Executive Director"),
            ],
        };
        assert_eq!(
            party.with_people("Frontex", ": ", "; "),
            "Frontex: Hans Leijtens, Executive Director; Aija Kalnaja, Deputy Executive Director"
        );
        let alone = Party {
            people: vec![person("Frontex", "the organisation itself")],
            ..party
        };
        assert_eq!(
            alone.with_people("Frontex (EBCG)", ": ", "; "),
            "Frontex (EBCG)"
        );
    }

    fn keys_of(value: serde_json::Value) -> Vec<String> {
        match value {
            serde_json::Value::Object(map) => map.keys().cloned().collect(),
            _ => Vec::new(),
        }
    }

    fn sorted(keys: &[&str]) -> Vec<String> {
        let mut v: Vec<String> = keys.iter().map(|s| s.to_string()).collect();
        v.sort();
        v
    }

    fn full() -> Briefing {
        let s = || "x".to_string();
        Briefing {
            title: s(),
            date: Some(Date::new(2016, 5, 23).unwrap()),
            lang: Some(s()),
            event: Some(s()),
            place: Some(s()),
            source: Some(s()),
            caption: Some(s()),
            summary: vec![s()],
            parties: vec![Party {
                name: s(),
                full_name: Some(s()),
                people: vec![Person {
                    name: s(),
                    role: s(),
                }],
            }],
            quotes: vec![Quote {
                speaker: Speakers::one(s()),
                text: s(),
                context: Some(s()),
            }],
            cooperation_areas: vec![Area {
                label: s(),
                category: Some(s()),
                detail: Some(s()),
            }],
            threats: vec![Threat {
                label: s(),
                category: Some(s()),
                detail: Some(s()),
                emerging: true,
            }],
            links: vec![Link {
                title: s(),
                url: Some(s()),
            }],
            notes: Notes {
                title: Some(s()),
                summary: Some(s()),
                quotes: Some(s()),
                cooperation_areas: Some(s()),
                threats: Some(s()),
                links: Some(s()),
            },
        }
    }

    #[test]
    fn key_tables_match_the_serde_types() {
        let b = full();
        let check = |value: serde_json::Value, table: &[&str]| {
            let mut got = keys_of(value);
            got.sort();
            assert_eq!(got, sorted(table));
        };
        check(serde_json::to_value(&b).unwrap(), keys::BRIEFING);
        check(serde_json::to_value(&b.parties[0]).unwrap(), keys::PARTY);
        check(
            serde_json::to_value(&b.parties[0].people[0]).unwrap(),
            keys::PERSON,
        );
        check(serde_json::to_value(&b.quotes[0]).unwrap(), keys::QUOTE);
        check(
            serde_json::to_value(&b.cooperation_areas[0]).unwrap(),
            keys::AREA,
        );
        check(serde_json::to_value(&b.threats[0]).unwrap(), keys::THREAT);
        check(serde_json::to_value(&b.links[0]).unwrap(), keys::LINK);
        check(serde_json::to_value(&b.notes).unwrap(), keys::NOTES);
    }

    #[test]
    fn map_text_reaches_every_string() {
        let mut b = full();
        b.map_text(|_| "y".to_string());
        // A category is an id of the taxonomy, not text: it stays as written.
        let json = serde_json::to_string(&b)
            .unwrap()
            .replace(r#""category":"x""#, "");
        assert!(!json.contains("\"x\""), "a string was missed: {json}");
    }

    #[test]
    fn person_finds_speaker_with_party() {
        let b = full();
        let (party, person) = b.person("x").unwrap();
        assert_eq!((party.name.as_str(), person.role.as_str()), ("x", "x"));
        assert!(b.person("nobody").is_none());
    }
}
