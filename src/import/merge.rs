//! Threats and areas merged as extraction reads them: one item per phenomenon, in order of
//! first mention, each kept with its folded label. An item that names a phenomenon already
//! kept goes at once (only what it adds stays: "emerging", a fuller name for a bare head), so
//! a release holds at most a few hundred items, not one per mention. No I/O here.

use super::assemble::MAX_ITEMS;
use super::facts::ItemFact;
use super::lexicon::{Class, FastMap, Vocab};
use super::outline::Section;
use super::taxonomy::Taxonomy;
use super::words::fold_key;
use crate::model::CategoryKind;

/// The items kept so far.
#[derive(Debug, Default)]
pub(crate) struct Items {
    /// Each item with its folded label, in order of first mention.
    kept: Vec<(ItemFact, String)>,
    /// Items kept, by category (none for those without one): only those can be the same.
    by_category: FastMap<Option<&'static str>, Vec<usize>>,
}

impl Items {
    /// The items kept, in order of first mention.
    pub fn kept(&self) -> impl Iterator<Item = &ItemFact> {
        self.kept.iter().map(|(item, _)| item)
    }

    /// Adds an item just read: merged into the one it names again, else kept (up to twice
    /// [`MAX_ITEMS`]). The item as kept when it is (in its own place or in the place of the
    /// one it names more fully), for the caller to fill in its detail; none when it is not.
    pub fn add(
        &mut self,
        item: ItemFact,
        taxonomy: &Taxonomy,
        vocab: &Vocab,
    ) -> Option<&mut ItemFact> {
        if item.section == Section::About {
            return None;
        }
        let key = fold_key(&item.label);
        let kept = &self.kept;
        let same = |k: &usize| {
            kept.get(*k).is_some_and(|(known, known_key)| {
                same_item(known, known_key, &item, &key, (taxonomy, vocab))
            })
        };
        let known = self
            .by_category
            .get(&item.category)
            .and_then(|list| list.iter().copied().find(same))
            .or_else(|| {
                self.by_category
                    .get(&None)
                    .and_then(|list| list.iter().copied().find(same))
            })
            .or_else(|| {
                item.category
                    .is_none()
                    .then(|| (0..kept.len()).find(same))
                    .flatten()
            });
        match known {
            Some(k) => {
                let (known, known_key) = self.kept.get_mut(k)?;
                known.emerging |= item.emerging;
                // A bare head said first ("scam" of "anti-scam") is named by the first
                // mention that says which.
                // A phenomenon a list names is named as the list does ("people smuggling"
                // over the "people smuggler" a sentence named first).
                let listed = known.list.is_none()
                    && item.list.is_some()
                    && item.section != Section::Title
                    && item.kind == CategoryKind::Threat
                    && opens_with_one_stem(known_key, &key);
                // A form of cooperation names it better than a word of cooperation and its
                // partners ("la fourniture d'équipements" of a project "financé par la France").
                let formed = known.partnered && !item.partnered && known.category == item.category;
                if bare_head(known_key, taxonomy) && !bare_head(&key, taxonomy) || listed || formed
                {
                    let emerging = known.emerging;
                    *known = item;
                    known.emerging = emerging;
                    *known_key = key;
                    return Some(known);
                }
                None
            }
            None if self.kept.len() < 2 * MAX_ITEMS => {
                self.by_category
                    .entry(item.category)
                    .or_default()
                    .push(self.kept.len());
                self.kept.push((item, key));
                self.kept.last_mut().map(|(item, _)| item)
            }
            None => None,
        }
    }
}

/// The most words of an actor's label that make it the actor alone ("transnational organised
/// crime groups").
const MAX_ACTOR_WORDS: usize = 4;

/// Whether two items are one: the same words, or prose mentions of one category; one label
/// inside the other, unless the taxonomy tells them apart. `ka`, `kb`: their folded labels.
fn same_item(
    a: &ItemFact,
    ka: &str,
    b: &ItemFact,
    kb: &str,
    (taxonomy, vocab): (&Taxonomy, &Vocab),
) -> bool {
    if a.kind != b.kind {
        return false;
    }
    if ka == kb {
        return true;
    }
    // Mentions in prose of one category are one phenomenon; members of lists are what their
    // list names apart. Areas of one category in different lists are one form of cooperation
    // too, and so are actors ("criminal networks", "organised crime groups"); threats of one
    // category in different lists may be distinct crimes.
    // An actor named in a longer phrase is a phenomenon of its own ("liens entre les réseaux
    // de criminalité organisée et les groupes terroristes").
    let short = |key: &str| key.split(' ').count() <= MAX_ACTOR_WORDS;
    let actors = a.category.is_some_and(|id| taxonomy.is_actor(id)) && short(ka) && short(kb);
    let one_per_category = a.kind == CategoryKind::Area || actors;
    // The title names a phenomenon the body tells, whatever list the body names it in.
    let titled = a.section == Section::Title || b.section == Section::Title;
    let chained = a.chain.is_some() && a.chain == b.chain;
    let apart = match (a.list, b.list) {
        _ if titled => false,
        _ if chained => true,
        (None, None) => false,
        (Some(la), Some(lb)) if one_per_category => la == lb,
        _ if one_per_category => false,
        // A phenomenon a list names and prose names again in words of the same stem ("people
        // smuggling" in a list, "a people smuggler" in a sentence) is one.
        (Some(_), None) | (None, Some(_)) => {
            !opens_with_one_stem(ka, kb) && !one_stem(ka, kb, taxonomy, vocab)
        }
        _ => true,
    };
    // A name is one thing: the same as another item only by its words.
    let named = a.proper || b.proper;
    let by_category = a.category.is_some()
        && a.category == b.category
        && !apart
        && !named
        && !other_partners(a, b);
    // One label inside the other names one thing, unless the taxonomy tells them apart
    // ("Terrorisme" and "Vente de propriété culturelle … pour financer le terrorisme").
    let compatible = a.category.is_none() || b.category.is_none() || a.category == b.category;
    by_category || compatible && (ka.contains(kb) || kb.contains(ka))
}

/// Whether two items found by a word of cooperation and its partners alone name different
/// partners: "cooperation between Australia and Indonesia" and "the broader cooperation of the
/// Bali Process" are two; "coopération entre la Suisse et Europol" and "coopération
/// multilatérale avec Europol" are one. Partners are told by their capitalised words.
fn other_partners(a: &ItemFact, b: &ItemFact) -> bool {
    let names = |item: &ItemFact| -> Vec<String> {
        item.label
            .split(|c: char| !c.is_alphanumeric())
            .skip(1)
            .filter(|word| word.chars().next().is_some_and(char::is_uppercase))
            .map(str::to_lowercase)
            .collect()
    };
    if !(a.partnered && b.partnered) {
        return false;
    }
    let (of_a, of_b) = (names(a), names(b));
    !of_a.is_empty() && !of_b.is_empty() && !of_a.iter().any(|name| of_b.contains(name))
}

/// The letters two words share at their start that make them of one stem ("terrorist",
/// "terrorism").
const STEM_CHARS: usize = 5;

/// Whether two folded labels say which phenomenon in words of the same stems: "people
/// smuggler" and "people smuggling", "terrorist attacks" and "terrorism", "global terrorism"
/// and "terror attacks"; not "cocaine trafficking" and "drug trafficking", which share only
/// their head, nor "ransomware attacks" and "double-extortion ransomware", a kind of it.
fn one_stem(ka: &str, kb: &str, taxonomy: &Taxonomy, vocab: &Vocab) -> bool {
    // The words that say which phenomenon: not a threat's generic head ("trafficking" of
    // "cocaine trafficking" and "drug trafficking"), nor an adjective any threat may take
    // ("global" of "global terrorism").
    let stems = |key: &'_ str| -> Vec<String> {
        let mut stems: Vec<String> = key
            .split(' ')
            .filter(|word| !taxonomy.is_threat_head(word) && !vocab.is(word, Class::ItemAdjective))
            .filter(|word| word.chars().nth(STEM_CHARS - 1).is_some())
            .map(|word| word.chars().take(STEM_CHARS).collect())
            .collect();
        stems.sort();
        stems.dedup();
        stems
    };
    let of_a = stems(ka);
    !of_a.is_empty() && of_a == stems(kb)
}

/// Whether two folded labels open with words of one stem: "people smuggler" and "people
/// smuggling", "terrorist attacks" and "terrorism".
fn opens_with_one_stem(ka: &str, kb: &str) -> bool {
    let stem = |key: &str| -> Option<String> {
        let first = key.split(' ').next()?;
        first
            .chars()
            .nth(STEM_CHARS - 1)
            .is_some()
            .then(|| first.chars().take(STEM_CHARS).collect())
    };
    stem(ka).is_some_and(|a| stem(kb).is_some_and(|b| a == b))
}

/// Whether a folded label is a threat's generic head alone ("trafficking", "scams").
pub(crate) fn bare_head(key: &str, taxonomy: &Taxonomy) -> bool {
    !key.contains(' ') && taxonomy.is_threat_head(key)
}
