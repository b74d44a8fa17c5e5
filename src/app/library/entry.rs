//! One file of a library as the list needs it: what a row shows, what the filters and the
//! facets read, and the briefing's text folded once so that a search is a byte search. Built
//! from a loaded briefing; no I/O here.

use std::ops::Range;
use std::sync::Arc;

use crate::app::text::fold_text;
use crate::model::{Briefing, Date};

/// One item of a briefing that a search can find and the reader can open at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ItemRef {
    /// The headline.
    Title,
    /// A paragraph of the summary.
    Paragraph(usize),
    /// A quote.
    Quote(usize),
    /// A cooperation area.
    Area(usize),
    /// A threat.
    Threat(usize),
}

/// A loaded briefing, summarized for the library.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// The briefing itself, for the reader.
    pub briefing: Arc<Briefing>,
    /// Its publisher, else its first party, else empty.
    pub publisher: String,
    /// Names of the parties, full names too.
    pub parties: Vec<String>,
    /// Names of the people who speak or are listed.
    pub people: Vec<String>,
    /// The taxonomy's ids of its areas' and threats' categories, each once.
    pub categories: Vec<String>,
    /// Every item's text folded ([`fold_text`]), one item per line.
    pub folded: String,
    /// Where each item starts in `folded`, in order.
    pub items: Vec<(usize, ItemRef)>,
}

impl Summary {
    /// Summarizes `briefing`.
    pub fn of(briefing: Arc<Briefing>) -> Summary {
        let b = &*briefing;
        let publisher = b
            .source
            .clone()
            .or_else(|| b.parties.first().map(|p| p.name.clone()))
            .unwrap_or_default();
        let mut parties = Vec::new();
        let mut people = Vec::new();
        for p in &b.parties {
            parties.push(p.name.clone());
            parties.extend(p.full_name.clone());
            people.extend(p.people.iter().map(|x| x.name.clone()));
        }
        for q in &b.quotes {
            for name in q.speaker.names() {
                if !people.iter().any(|p| p == name) {
                    people.push(name.to_string());
                }
            }
        }
        let mut categories: Vec<String> = Vec::new();
        let cats = b
            .cooperation_areas
            .iter()
            .filter_map(|a| a.category.as_ref())
            .chain(b.threats.iter().filter_map(|t| t.category.as_ref()));
        for c in cats {
            if !categories.contains(c) {
                categories.push(c.clone());
            }
        }
        let mut folded = String::new();
        let mut items = Vec::new();
        let mut add = |text: &str, item: ItemRef| {
            items.push((folded.len(), item));
            // One line per item: a match never spans two.
            folded.extend(
                fold_text(text)
                    .chars()
                    .map(|c| if c == '\n' { ' ' } else { c }),
            );
            folded.push('\n');
        };
        add(&b.title, ItemRef::Title);
        for (i, p) in b.summary.iter().enumerate() {
            add(p, ItemRef::Paragraph(i));
        }
        for (i, q) in b.quotes.iter().enumerate() {
            let who: Vec<&str> = q.speaker.names().collect();
            add(
                &format!("{} — {}", q.text, who.join(", ")),
                ItemRef::Quote(i),
            );
        }
        for (i, a) in b.cooperation_areas.iter().enumerate() {
            let detail = a.detail.as_deref().unwrap_or("");
            add(&format!("{} {detail}", a.label), ItemRef::Area(i));
        }
        for (i, t) in b.threats.iter().enumerate() {
            let detail = t.detail.as_deref().unwrap_or("");
            add(&format!("{} {detail}", t.label), ItemRef::Threat(i));
        }
        Summary {
            briefing,
            publisher,
            parties,
            people,
            categories,
            folded,
            items,
        }
    }

    /// The headline.
    pub fn title(&self) -> &str {
        &self.briefing.title
    }

    /// The date, if the briefing has one.
    pub fn date(&self) -> Option<Date> {
        self.briefing.date
    }

    /// The language tag, or empty.
    pub fn lang(&self) -> &str {
        self.briefing.lang.as_deref().unwrap_or("")
    }

    /// True when the folded `needle` occurs anywhere in the briefing.
    pub fn contains(&self, needle: &str) -> bool {
        needle.is_empty()
            || memchr::memmem::find(self.folded.as_bytes(), needle.as_bytes()).is_some()
    }

    /// The items where the folded `needle` occurs, each once, in order.
    pub fn items_matching(&self, needle: &str) -> Vec<ItemRef> {
        let mut out: Vec<ItemRef> = Vec::new();
        if needle.is_empty() {
            return out;
        }
        for at in memchr::memmem::find_iter(self.folded.as_bytes(), needle.as_bytes()) {
            let i = self.items.partition_point(|(start, _)| *start <= at);
            if let Some((_, item)) = i.checked_sub(1).and_then(|i| self.items.get(i))
                && out.last() != Some(item)
            {
                out.push(*item);
            }
        }
        out
    }

    /// The text of `item` as the match list shows it.
    pub fn item_text(&self, item: ItemRef) -> String {
        let b = &self.briefing;
        let text = match item {
            ItemRef::Title => Some(b.title.clone()),
            ItemRef::Paragraph(i) => b.summary.get(i).cloned(),
            ItemRef::Quote(i) => b.quotes.get(i).map(|q| {
                let who: Vec<&str> = q.speaker.names().collect();
                if who.is_empty() {
                    q.text.clone()
                } else {
                    format!("{} — {}", q.text, who.join(", "))
                }
            }),
            ItemRef::Area(i) => b
                .cooperation_areas
                .get(i)
                .map(|a| with_detail(&a.label, a.detail.as_deref())),
            ItemRef::Threat(i) => b
                .threats
                .get(i)
                .map(|t| with_detail(&t.label, t.detail.as_deref())),
        };
        text.unwrap_or_default()
    }
}

fn with_detail(label: &str, detail: Option<&str>) -> String {
    match detail {
        Some(d) if !d.is_empty() => format!("{label} — {d}"),
        _ => label.to_string(),
    }
}

/// One file of the library: its path relative to the library's folder, and what it gave.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The path, relative to the library's folder, with `/` between names.
    pub path: String,
    /// The summarized briefing, or the first line of why the file does not load.
    pub loaded: Result<Arc<Summary>, String>,
}

impl Entry {
    /// An entry for a briefing that loaded.
    pub fn ok(path: impl Into<String>, briefing: Briefing) -> Entry {
        Entry {
            path: path.into(),
            loaded: Ok(Arc::new(Summary::of(Arc::new(briefing)))),
        }
    }

    /// An entry for a file that does not load, and why.
    pub fn failed(path: impl Into<String>, why: impl Into<String>) -> Entry {
        Entry {
            path: path.into(),
            loaded: Err(why.into()),
        }
    }

    /// The summary, when the file loaded.
    pub fn summary(&self) -> Option<&Summary> {
        self.loaded.as_deref().ok()
    }
}

/// The byte ranges of `needle`'s matches in `text`, folded alike, for highlighting.
pub fn highlights(text: &str, query: &str) -> Vec<Range<usize>> {
    crate::app::text::Needle::new(query).find_in(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled() -> Summary {
        Summary::of(Arc::new(crate::model::bundled().unwrap()))
    }

    #[test]
    fn summary_reads_publisher_counts_and_people() {
        let s = bundled();
        assert!(!s.publisher.is_empty());
        assert!(!s.people.is_empty(), "{:?}", s.people);
        assert_eq!(s.items.first(), Some(&(0, ItemRef::Title)));
    }

    #[test]
    fn a_search_finds_items_regardless_of_case_and_accents() {
        let s = bundled();
        assert!(s.contains(&fold_text("INTERPOL")));
        assert!(!s.contains("zzqx"));
        let found = s.items_matching(&fold_text("Interpol"));
        assert_eq!(found.first(), Some(&ItemRef::Title));
        assert!(
            found
                .iter()
                .any(|i| matches!(i, ItemRef::Quote(_) | ItemRef::Paragraph(_)))
        );
        // Each item once, however many times it matches.
        let mut dedup = found.clone();
        dedup.dedup();
        assert_eq!(dedup, found);
    }
}
