//! Facts: what the rules read in each sentence, as plain data with their place in the body.
//! Extraction ([`super::extract`]) makes them sentence by sentence; resolution
//! ([`super::resolve`]) is the only stage that looks across sentences. No I/O here.

use super::lexicon::Gender;
use super::outline::Section;
use crate::model::CategoryKind;

/// A place in the body: paragraph, then token of its frame, so facts sort in reading order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub(crate) struct Pos {
    /// The paragraph.
    pub para: usize,
    /// The token of the paragraph's frame.
    pub tok: usize,
}

/// Who a sentence says speaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Source {
    /// A named person.
    Person(PersonRef),
    /// A role with no name ("the minister", "le directeur d'INTERPOL").
    Role {
        /// The role as written.
        role: String,
        /// Its organisation.
        org: Option<String>,
        /// What the words say of gender.
        gender: Option<Gender>,
    },
    /// A pronoun, or a verb carrying one ("a-t-elle").
    Pronoun(Gender),
    /// Several people ("les deux ministres"), as written.
    Joint(String),
    /// An organisation speaking for itself.
    Org(String),
    /// An organisation named again by its kind ("the agency"), as written.
    OrgRef(String),
}

/// A person as one mention names them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PersonRef {
    /// The name as written, without honorific.
    pub name: String,
    /// The role written beside it.
    pub role: Option<String>,
    /// The organisation of that role.
    pub org: Option<String>,
    /// What the words say of gender.
    pub gender: Option<Gender>,
}

/// A direct quote and what its sentence says about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct QuoteFact {
    /// The words, without the marks.
    pub text: String,
    /// The first and last paragraph it spans.
    pub paras: (usize, usize),
    /// Where it stands.
    pub pos: Pos,
    /// It opens its paragraph (nothing but spaces before it).
    pub opens_para: bool,
    /// The source an attribution rule read, with the rule's name; boxed, as most quotes of a
    /// long release have none and a release may hold tens of thousands.
    pub source: Option<Box<(Source, &'static str)>>,
    /// Where the source stands (for a pronoun, what came before it counts).
    pub source_pos: Pos,
    /// When or where it was said.
    pub context: Option<String>,
    /// A word before it calls it a title ("the report “…”"): no speech unless attributed.
    pub after_title_cue: bool,
}

/// A person named in the body, the title or the front.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PersonFact {
    /// Who.
    pub person: PersonRef,
    /// Where.
    pub pos: Pos,
}

/// A role named with no name at a place ("the minister said"): coreference for pronouns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct MentionFact {
    /// What it points at.
    pub source: Source,
    /// Where.
    pub pos: Pos,
}

/// An organisation named somewhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct OrgFact {
    /// As written, its short name in parentheses included ("Office fédéral de la police
    /// (fedpol)").
    pub name: String,
    /// Named in the title or the lead: a party of the release.
    pub in_front: bool,
    /// Named where a name alone says nothing of taking part: as the host of the occasion
    /// ("en marge de la session de la Commission du Crime"), in a headline whose every word
    /// has a capital. A party only if named elsewhere too.
    pub named_again_only: bool,
    /// Where.
    pub pos: Pos,
}

/// A threat or a cooperation area.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ItemFact {
    /// Threat or area.
    pub kind: CategoryKind,
    /// The taxonomy's id, when it names the item.
    pub category: Option<&'static str>,
    /// The release's own words.
    pub label: String,
    /// The sentence it was read in (shared by the items of one sentence).
    pub detail: std::rc::Rc<str>,
    /// Called new or emerging.
    pub emerging: bool,
    /// The list it was read in: paragraph, sentence and list number.
    pub list: Option<(usize, usize, usize)>,
    /// The chain of threats named in prose it was read in: paragraph, sentence and number.
    pub chain: Option<(usize, usize, usize)>,
    /// A name: the same as another item only by its words.
    pub proper: bool,
    /// Found by a word of cooperation and its partners alone: a form said later of the same
    /// category names it better.
    pub partnered: bool,
    /// Its section.
    pub section: Section,
    /// Where.
    pub pos: Pos,
}

/// An attribution with no quote in its sentence: a colon or reported speech, whose source the
/// quote opening the next paragraph keeps; or a line after a quote ("– Caroline Xavier").
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ColonFact {
    /// The paragraph of the attribution.
    pub para: usize,
    /// The source.
    pub source: Source,
    /// Where.
    pub pos: Pos,
    /// How it finds its quote.
    pub how: super::rules::speech::How,
}

/// Everything extraction read.
#[derive(Debug, Default)]
pub(crate) struct Facts {
    /// Quotes, in order.
    pub quotes: Vec<QuoteFact>,
    /// People named, in order.
    pub people: Vec<PersonFact>,
    /// Roles, pronouns and organisations that point at people, in order.
    pub mentions: Vec<MentionFact>,
    /// Organisations named.
    pub orgs: Vec<OrgFact>,
    /// Threats and areas, merged as they are read.
    pub items: super::merge::Items,
    /// Colons that leave a quote to the next paragraph.
    pub colons: Vec<ColonFact>,
    /// The people the contacts sections name with their role ("Alain Fontaine", "Press
    /// officer"), in order.
    pub contacts: Vec<PersonRef>,
}
