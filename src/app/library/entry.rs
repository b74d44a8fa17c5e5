//! One file of a library as the list needs it: what a row shows, what the filters and the
//! facets read, and the briefing's text folded once so that a search is a byte search. Built
//! from a loaded briefing; no I/O here.

use std::ops::Range;
use std::sync::Arc;

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

/// A summary's briefing: parsed, or kept by the edge (a library's index keeps it on disk) and
/// read each time it is asked for: a warm start reads the summaries of thousands of briefings
/// and not their briefings, which the reader and the matches' text need only a few of.
#[derive(Debug, Clone)]
pub enum BriefingCell {
    /// Parsed already.
    Parsed(Arc<Briefing>),
    /// Kept elsewhere.
    Stored(Arc<dyn StoredBriefing>),
    /// Not structured yet: only the front is known ([`Summary::front`]).
    Pending,
}

/// A briefing kept by the edge, read when asked for. The core only asks; the edge reads.
pub trait StoredBriefing: std::fmt::Debug + Send + Sync + std::any::Any {
    /// The briefing; `None` when it cannot be read back.
    fn load(&self) -> Option<Arc<Briefing>>;
    /// Itself, for the edge that made it to know its own.
    fn as_any(&self) -> &dyn std::any::Any;
}

impl BriefingCell {
    /// A briefing parsed already.
    pub fn parsed(briefing: Arc<Briefing>) -> BriefingCell {
        BriefingCell::Parsed(briefing)
    }

    /// The briefing; `None` when it is kept and does not read back.
    pub fn get(&self) -> Option<Arc<Briefing>> {
        match self {
            BriefingCell::Parsed(b) => Some(Arc::clone(b)),
            BriefingCell::Stored(s) => s.load(),
            BriefingCell::Pending => None,
        }
    }
}

impl PartialEq for BriefingCell {
    fn eq(&self, other: &BriefingCell) -> bool {
        match (self, other) {
            (BriefingCell::Parsed(a), BriefingCell::Parsed(b)) if Arc::ptr_eq(a, b) => true,
            (BriefingCell::Stored(a), BriefingCell::Stored(b)) if Arc::ptr_eq(a, b) => true,
            _ => self.get() == other.get(),
        }
    }
}

/// A summary's folded text: its own, or a part of bytes many summaries share (a library's
/// index, read as one buffer: a warm start copies none of it). Always UTF-8.
#[derive(Debug, Clone)]
pub struct Folded {
    bytes: Arc<Vec<u8>>,
    range: Range<usize>,
}

impl Folded {
    /// Text of its own.
    pub fn own(text: String) -> Folded {
        let range = 0..text.len();
        Folded {
            bytes: Arc::new(text.into_bytes()),
            range,
        }
    }

    /// The part `range` of `bytes`, shared; `None` when it is not there or not UTF-8.
    pub fn part(bytes: &Arc<Vec<u8>>, range: Range<usize>) -> Option<Folded> {
        std::str::from_utf8(bytes.get(range.clone())?).ok()?;
        Some(Folded {
            bytes: Arc::clone(bytes),
            range,
        })
    }

    /// The text's bytes.
    pub fn as_bytes(&self) -> &[u8] {
        let bytes = self.bytes.get(self.range.clone());
        // Checked when made (own, part).
        debug_assert!(
            bytes.is_some(),
            "folded range {:?} off its bytes",
            self.range
        );
        bytes.unwrap_or_default()
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        let text = std::str::from_utf8(self.as_bytes());
        // Checked when made (own, part).
        debug_assert!(text.is_ok(), "folded text not UTF-8");
        text.unwrap_or_default()
    }
}

impl PartialEq for Folded {
    fn eq(&self, other: &Folded) -> bool {
        self.as_bytes() == other.as_bytes()
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
    pub folded: Folded,
    /// Where each item starts in `folded`, in order.
    pub items: Vec<(usize, ItemRef)>,
    /// True while only the release's front is known ([`Summary::front`]): its counts,
    /// parties, people, categories and text but the headline are still to come.
    pub pending: bool,
}

impl Summary {
    /// Summarizes `briefing`.
    pub fn of(briefing: Arc<Briefing>) -> Summary {
        let b = &*briefing;
        let publisher = b
            .source
            .clone()
            .or_else(|| b.parties.first().map(|p| p.name.clone()))
            // Neither: the publisher column stays blank.
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
            // No language tag: empty, as the field says.
            lang: b.lang.clone().unwrap_or_default(),
            quotes: b.quotes.len(),
            threats: b.threats.len(),
            cell: BriefingCell::parsed(Arc::clone(&briefing)),
            publisher,
            parties,
            people,
            categories,
            folded: Folded::own(folded),
            items,
            pending: false,
        }
    }

    /// What a release's front tells before it is structured: its headline, date, language
    /// and publisher (`None`: not known yet). Its counts are pending, its text is its
    /// headline, and it has no briefing to open until the full summary replaces it.
    pub fn front(
        title: String,
        date: Option<Date>,
        lang: String,
        publisher: Option<String>,
    ) -> Summary {
        let mut folded = String::with_capacity(title.len() + 1);
        fold_into(&mut folded, &title);
        let folded = folded.replace('\n', " ") + "\n";
        Summary {
            cell: BriefingCell::Pending,
            title,
            date,
            lang,
            quotes: 0,
            threats: 0,
            publisher: publisher.unwrap_or_default(),
            parties: Vec::new(),
            people: Vec::new(),
            categories: Vec::new(),
            folded: Folded::own(folded),
            items: vec![(0, ItemRef::Title)],
            pending: true,
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
        // Items come from this summary's own list (items_matching).
        debug_assert!(text.is_some(), "no {item:?} in {:?}", self.title);
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
        assert_eq!(s.folded.as_str(), want);
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
