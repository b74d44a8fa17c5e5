//! One file of a library as the list needs it: what a row shows, what the filters and the
//! facets read, and the briefing's text folded once so that a search is a byte search. Built
//! from a loaded briefing; no I/O here.

use std::ops::Range;
use std::sync::{Arc, OnceLock};

use crate::app::text::fold_into;
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

/// A summary's briefing: parsed, or the JSON a library's index keeps it as, parsed the first
/// time it is asked for (a warm start reads the summaries of thousands of briefings, and the
/// reader opens one).
#[derive(Debug, Clone)]
pub struct BriefingCell(Arc<Cell>);

#[derive(Debug)]
struct Cell {
    json: Option<Box<[u8]>>,
    parsed: OnceLock<Option<Arc<Briefing>>>,
}

impl BriefingCell {
    /// A briefing parsed already.
    pub fn parsed(briefing: Arc<Briefing>) -> BriefingCell {
        BriefingCell(Arc::new(Cell {
            json: None,
            parsed: OnceLock::from(Some(briefing)),
        }))
    }

    /// A briefing as JSON, parsed when first asked for.
    pub fn json(json: Vec<u8>) -> BriefingCell {
        BriefingCell(Arc::new(Cell {
            json: Some(json.into_boxed_slice()),
            parsed: OnceLock::new(),
        }))
    }

    /// The briefing; `None` when its JSON does not read back (serde only: the model's checks
    /// passed when it was written).
    pub fn get(&self) -> Option<Arc<Briefing>> {
        self.0
            .parsed
            .get_or_init(|| {
                let json = self.0.json.as_deref()?;
                serde_json::from_slice::<Briefing>(json).ok().map(Arc::new)
            })
            .clone()
    }

    /// The JSON it was made from, if it was.
    pub fn json_bytes(&self) -> Option<&[u8]> {
        self.0.json.as_deref()
    }
}

impl PartialEq for BriefingCell {
    fn eq(&self, other: &BriefingCell) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || self.get() == other.get()
    }
}

/// A loaded briefing, summarized for the library: what its row, the filters, the facets and
/// the search read, and the briefing itself for the reader.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// The briefing itself, for the reader and the matches' text.
    pub cell: BriefingCell,
    /// The headline.
    pub title: String,
    /// The date, if the briefing has one.
    pub date: Option<Date>,
    /// The language tag, or empty.
    pub lang: String,
    /// How many quotes.
    pub quotes: usize,
    /// How many threats.
    pub threats: usize,
    /// Its publisher, else its first party, else empty.
    pub publisher: String,
    /// Names of the parties, full names too.
    pub parties: Vec<String>,
    /// Names of the people who speak or are listed.
    pub people: Vec<String>,
    /// The taxonomy's ids of its areas' and threats' categories, each once.
    pub categories: Vec<String>,
    /// Every item's text folded ([`fold_text`](crate::app::text::fold_text)), one item per
    /// line.
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
        let mut folded = String::with_capacity(1024);
        let mut items = Vec::new();
        // Each item folded straight into the one text, its parts in a row (every briefing of a
        // library is summarized as it loads: no copy on the way).
        let mut add = |parts: &[&str], item: ItemRef| {
            let start = folded.len();
            items.push((start, item));
            for part in parts {
                fold_into(&mut folded, part);
            }
            // One line per item: a match never spans two.
            if folded.get(start..).is_some_and(|t| t.contains('\n')) {
                let tail = folded.split_off(start);
                folded.push_str(&tail.replace('\n', " "));
            }
            folded.push('\n');
        };
        add(&[&b.title], ItemRef::Title);
        for (i, p) in b.summary.iter().enumerate() {
            add(&[p], ItemRef::Paragraph(i));
        }
        for (i, q) in b.quotes.iter().enumerate() {
            let who: Vec<&str> = q.speaker.names().collect();
            add(&[&q.text, " — ", &who.join(", ")], ItemRef::Quote(i));
        }
        for (i, a) in b.cooperation_areas.iter().enumerate() {
            let detail = a.detail.as_deref().unwrap_or("");
            add(&[&a.label, " ", detail], ItemRef::Area(i));
        }
        for (i, t) in b.threats.iter().enumerate() {
            let detail = t.detail.as_deref().unwrap_or("");
            add(&[&t.label, " ", detail], ItemRef::Threat(i));
        }
        Summary {
            title: b.title.clone(),
            date: b.date,
            lang: b.lang.clone().unwrap_or_default(),
            quotes: b.quotes.len(),
            threats: b.threats.len(),
            cell: BriefingCell::parsed(Arc::clone(&briefing)),
            publisher,
            parties,
            people,
            categories,
            folded,
            items,
        }
    }

    /// The briefing (parsed now if it was kept as JSON); `None` when it does not read back.
    pub fn briefing(&self) -> Option<Arc<Briefing>> {
        self.cell.get()
    }

    /// The headline.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The date, if the briefing has one.
    pub fn date(&self) -> Option<Date> {
        self.date
    }

    /// The language tag, or empty.
    pub fn lang(&self) -> &str {
        &self.lang
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
        let Some(b) = self.briefing() else {
            return String::new();
        };
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
    use crate::app::text::fold_text;

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
    fn the_folded_text_is_each_item_folded_on_its_line() {
        let s = bundled();
        let b = s.briefing().unwrap();
        let mut lines = vec![b.title.clone()];
        lines.extend(b.summary.iter().cloned());
        for q in &b.quotes {
            let who: Vec<&str> = q.speaker.names().collect();
            lines.push(format!("{} — {}", q.text, who.join(", ")));
        }
        for a in &b.cooperation_areas {
            lines.push(format!("{} {}", a.label, a.detail.as_deref().unwrap_or("")));
        }
        for t in &b.threats {
            lines.push(format!("{} {}", t.label, t.detail.as_deref().unwrap_or("")));
        }
        let want: String = lines
            .iter()
            .map(|l| fold_text(l).replace('\n', " ") + "\n")
            .collect();
        assert_eq!(s.folded, want);
        assert_eq!(s.items.len(), lines.len());
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
