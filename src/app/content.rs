//! What each pane shows, built once from a briefing: items made of styled blocks, wrapped on
//! demand per width and cached, so a frame only lays out the lines it shows.
//!
//! The cache is a memo of a pure function (item, width) -> lines; it never changes what a
//! [`Content`] means, so equality and `Debug` ignore it. No I/O here.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use crate::app::labels::Labels;
use crate::app::state::{Pane, PaneView};
use crate::app::text::{self, Needle};
use crate::model::Briefing;
use crate::model::Lang;

/// What a piece of text is, so the theme can style it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// Body text.
    Plain,
    /// The photo caption or standfirst.
    Caption,
    /// The words of a quote.
    Quote,
    /// Who said it.
    Speaker,
    /// When or where it was said.
    Context,
    /// An area or threat label.
    Label,
    /// Its detail.
    Detail,
    /// An emerging threat's label.
    Emerging,
    /// A heading inside a pane.
    Heading,
    /// A link title.
    Link,
}

/// A run of text with one role, wrapped with a first-line prefix and a hanging indent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// How it is styled.
    pub role: Role,
    /// The text (sanitized, French spaces glued).
    pub text: String,
    /// Put before the first line ("• ").
    pub first: &'static str,
    /// Put before the other lines ("  ").
    pub rest: &'static str,
    /// The briefing's link it shows, by index in [`Content::links`].
    pub link: Option<usize>,
}

/// One entry of a pane: a paragraph, a quote with its speaker, an area, a threat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// Its blocks, top to bottom.
    pub blocks: Vec<Block>,
    /// What of the briefing it shows.
    pub origin: Origin,
}

/// What of the briefing an [`Item`] shows, with its index in the briefing's own list: what
/// `y` copies and where `e` opens the editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Origin {
    /// The caption.
    Caption,
    /// The date, event, place, source and parties.
    Facts,
    /// A paragraph of the summary.
    Paragraph(usize),
    /// The links, all in one item.
    Links,
    /// A quote.
    Quote(usize),
    /// A cooperation area.
    Area(usize),
    /// A threat (the pane shows the emerging ones last, so its order may differ).
    Threat(usize),
}

/// One display line: the role of the block it came from and its text, indent included.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// How it is styled.
    pub role: Role,
    /// The text, no wider than the width it was wrapped to.
    pub text: String,
    /// The briefing's link it shows, if any (a terminal that knows OSC 8 makes it clickable).
    pub link: Option<usize>,
    /// Every character is [`text::is_plain`]: one cell each, measured once here so that
    /// drawing the line on each frame needs no grapheme segmentation.
    pub plain: bool,
}

/// Where the first items start, per (pane index, width): worked out from the top as far as
/// asked (see [`Content::starts_until`]), the pane's total last once every item is.
type Starts = HashMap<(usize, u16), Vec<usize>, foldhash::fast::FixedState>;

/// What [`Content::starts_until`] says of a pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StartsSoFar {
    /// The line the item asked for starts at.
    pub item_start: usize,
    /// The line after its last one.
    pub item_end: usize,
    /// The lines counted from the top: the pane's total when `complete`, else fewer.
    pub lines: usize,
    /// Every item was counted.
    pub complete: bool,
}

/// Most cached (pane, item, width) entries kept; past it the cache starts over.
const CACHE_LIMIT: usize = 8192;

type CacheKey = (usize, usize, u16);

/// The cache is read for every item a frame shows: foldhash rather than SipHash, as keys are
/// small integers and come from our own state, not from outside.
type Cache = HashMap<CacheKey, Arc<[Line]>, foldhash::fast::FixedState>;

/// A pane's furthest scroll and the (width, height) it is for.
type KeptTop = ((u16, u16), PaneView);

/// What of the briefing the header shows lines for, beside its title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeaderFacts {
    /// It has a date, an event or a place.
    pub meta: bool,
    /// It has parties.
    pub parties: bool,
}

impl HeaderFacts {
    fn of(b: &Briefing) -> HeaderFacts {
        HeaderFacts {
            meta: b.date.is_some() || b.event.is_some() || b.place.is_some(),
            parties: !b.parties.is_empty(),
        }
    }
}

/// The four panes' items for one briefing and interface language.
pub struct Content {
    /// The briefing shown.
    pub briefing: Arc<Briefing>,
    /// The interface language.
    pub lang: Lang,
    panes: [Vec<Item>; 4],
    cache: Mutex<Cache>,
    /// Where each item starts, in lines, per (pane, width): see [`Content::starts`].
    starts: Mutex<Starts>,
    /// The title wrapped for the header, at the last width asked.
    title: Mutex<Option<(u16, Arc<[String]>)>>,
    /// How many lines the title takes at the last width asked, as `width << 16 | lines + 1`
    /// (0: none asked yet): the layout asks on every key, and needs no lines.
    title_count: AtomicU64,
    /// Whether the briefing has a date, event or place, and parties: what the header shows,
    /// asked for the layout on every key (kept here, beside the title's count, rather than read
    /// from the briefing each time).
    facts: HeaderFacts,
    /// Whether a link has an address the terminal may open ([`safe_url`]): asked on every
    /// frame, where most briefings have none (a walk over every link, each one far from the
    /// processor's caches, on every key).
    ///
    /// [`safe_url`]: crate::app::links::safe_url
    addresses: bool,
    /// Per pane, the furthest it scrolls at the last (width, height) asked: see
    /// [`Content::known_max_top`].
    max_tops: Mutex<[Option<KeptTop>; 4]>,
}

impl std::fmt::Debug for Content {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Content")
            .field("title", &self.briefing.title)
            .field("lang", &self.lang)
            .field("items", &self.panes.each_ref().map(Vec::len))
            .finish()
    }
}

impl PartialEq for Content {
    fn eq(&self, other: &Content) -> bool {
        self.lang == other.lang && self.briefing == other.briefing
    }
}

/// Whether one of `links` has an address the terminal may open.
fn any_address(links: &[crate::model::Link]) -> bool {
    let safe = |url: &str| crate::app::links::safe_url(url).is_some();
    links.iter().any(|l| l.url.as_deref().is_some_and(safe))
}

fn block(role: Role, text: String, first: &'static str, rest: &'static str) -> Block {
    Block {
        role,
        text,
        first,
        rest,
        link: None,
    }
}

impl Content {
    /// Builds the panes of `briefing` with the words of `lang`.
    pub fn new(briefing: Arc<Briefing>, lang: Lang) -> Content {
        let l = lang.labels();
        let fix = |s: &str| lang.typeset(s);
        let b = &briefing;

        let mut summary: Vec<Item> = Vec::new();
        if let Some(caption) = &b.caption {
            summary.push(Item {
                blocks: vec![block(Role::Caption, fix(caption), "", "")],
                origin: Origin::Caption,
            });
        }
        // The facts in full: the header has to cut them on narrow screens.
        let colon = lang.colon();
        let mut facts = Vec::new();
        let values = [
            b.date.map(|d| crate::app::labels::format_date(d, lang)),
            b.event.clone(),
            b.place.clone(),
            b.source.clone(),
        ];
        for (label, value) in l.facts.iter().zip(values) {
            if let Some(v) = value {
                facts.push(block(
                    Role::Detail,
                    fix(&format!("{label}{colon}{v}")),
                    "",
                    "  ",
                ));
            }
        }
        for p in &b.parties {
            let shown = match &p.full_name {
                Some(full) => format!("{} ({full})", p.name),
                None => p.name.clone(),
            };
            facts.push(block(
                Role::Speaker,
                fix(&p.with_people(&shown, lang.colon(), lang.semicolon())),
                "",
                "  ",
            ));
        }
        if !facts.is_empty() {
            summary.push(Item {
                blocks: facts,
                origin: Origin::Facts,
            });
        }
        for (i, paragraph) in b.summary.iter().enumerate() {
            summary.push(Item {
                blocks: vec![block(Role::Plain, fix(paragraph), "", "")],
                origin: Origin::Paragraph(i),
            });
        }
        if !b.links.is_empty() {
            summary.push(links_item(b, l, &fix));
        }

        let quotes = b
            .quotes
            .iter()
            .enumerate()
            .map(|(i, q)| quote_item(b, q, l, &fix, i))
            .collect();

        let areas = b
            .cooperation_areas
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let mut blocks = vec![block(Role::Label, fix(&a.label), "• ", "  ")];
                blocks.extend(category_block(&a.label, a.category.as_deref(), lang));
                if let Some(d) = &a.detail {
                    blocks.push(block(Role::Detail, fix(d), "  ", "  "));
                }
                Item {
                    blocks,
                    origin: Origin::Area(i),
                }
            })
            .collect();

        // Standing threats first, then the emerging ones under their own heading.
        let mut threats: Vec<Item> = Vec::new();
        let (emerging, standing): (Vec<_>, Vec<_>) =
            b.threats.iter().enumerate().partition(|(_, t)| t.emerging);
        for (n, t) in standing {
            let mut blocks = vec![block(Role::Label, fix(&t.label), "• ", "  ")];
            blocks.extend(category_block(&t.label, t.category.as_deref(), lang));
            if let Some(d) = &t.detail {
                blocks.push(block(Role::Detail, fix(d), "  ", "  "));
            }
            threats.push(Item {
                blocks,
                origin: Origin::Threat(n),
            });
        }
        for (i, (n, t)) in emerging.into_iter().enumerate() {
            let mut blocks = Vec::new();
            if i == 0 {
                blocks.push(block(Role::Heading, l.emerging.to_string(), "", ""));
            }
            let label = format!("{} [{}]", fix(&t.label), l.emerging_badge);
            blocks.push(block(Role::Emerging, label, "◆ ", "  "));
            blocks.extend(category_block(&t.label, t.category.as_deref(), lang));
            if let Some(d) = &t.detail {
                blocks.push(block(Role::Detail, fix(d), "  ", "  "));
            }
            threats.push(Item {
                blocks,
                origin: Origin::Threat(n),
            });
        }

        Content {
            facts: HeaderFacts::of(b),
            addresses: any_address(&b.links),
            briefing,
            lang,
            panes: [summary, quotes, areas, threats],
            cache: Mutex::new(Cache::default()),
            starts: Mutex::new(HashMap::default()),
            title: Mutex::new(None),
            title_count: AtomicU64::new(0),
            max_tops: Mutex::new([None; 4]),
        }
    }

    /// The furthest `pane` scrolls with `width` columns and `height` rows of text, if it was
    /// kept ([`crate::app::scroll::max_top`] works it out; a key asks it several times, for
    /// the same pane and size, and each time it reads where every item starts, or walks up
    /// from the last one).
    pub fn known_max_top(&self, pane: Pane, width: u16, height: u16) -> Option<PaneView> {
        let tops = self.max_tops.lock().ok()?;
        match tops.get(pane.index()).copied().flatten() {
            Some((size, top)) if size == (width, height) => Some(top),
            _ => None,
        }
    }

    /// Keeps `top` as the furthest `pane` scrolls at `width` and `height`.
    pub fn keep_max_top(&self, pane: Pane, width: u16, height: u16, top: PaneView) {
        if let Ok(mut tops) = self.max_tops.lock()
            && let Some(slot) = tops.get_mut(pane.index())
        {
            *slot = Some(((width, height), top));
        }
    }

    /// The briefing's title wrapped to `width` for the header; layout and render both ask on
    /// every frame, so the last width's lines are kept.
    pub fn title_lines(&self, width: u16) -> Arc<[String]> {
        if let Ok(cached) = self.title.lock()
            && let Some((w, lines)) = cached.as_ref()
            && *w == width
        {
            return Arc::clone(lines);
        }
        let lines: Arc<[String]> =
            text::wrap(&self.briefing.title, usize::from(width), "", "").into();
        if let Ok(mut cached) = self.title.lock() {
            *cached = Some((width, Arc::clone(&lines)));
        }
        lines
    }

    /// How many lines [`Content::title_lines`] has at `width`.
    pub fn title_line_count(&self, width: u16) -> usize {
        let known = self.title_count.load(Ordering::Relaxed);
        if known != 0 && known >> 16 == u64::from(width) {
            return usize::try_from((known & 0xffff) - 1).unwrap_or(usize::MAX);
        }
        let count = self.title_lines(width).len();
        // A title of more than 65534 lines is not kept: it is counted again.
        if let Ok(n) = u64::try_from(count + 1)
            && n <= 0xffff
        {
            self.title_count
                .store(u64::from(width) << 16 | n, Ordering::Relaxed);
        }
        count
    }

    /// What of the briefing the header has lines for.
    pub fn header_facts(&self) -> HeaderFacts {
        self.facts
    }

    /// How many summary items come before the first paragraph (caption, facts).
    pub fn summary_lead(&self) -> usize {
        let b = &self.briefing;
        let has_facts = b.date.is_some()
            || b.event.is_some()
            || b.place.is_some()
            || b.source.is_some()
            || !b.parties.is_empty();
        usize::from(b.caption.is_some()) + usize::from(has_facts)
    }

    /// The briefing's links, in the order the links list shows them.
    pub fn links(&self) -> &[crate::model::Link] {
        &self.briefing.links
    }

    /// Whether a link has an address the terminal may open as a hyperlink.
    pub fn has_addresses(&self) -> bool {
        self.addresses
    }

    /// The items of `pane`.
    pub fn items(&self, pane: Pane) -> &[Item] {
        &self.panes[pane.index()]
    }

    /// How many items `pane` has.
    pub fn len(&self, pane: Pane) -> usize {
        self.items(pane).len()
    }

    /// The lines of item `item` of `pane` wrapped to `width`, with a blank line after every
    /// item but the last. Cached; an out-of-range item has no lines.
    pub fn lines(&self, pane: Pane, item: usize, width: u16) -> Arc<[Line]> {
        let key = (pane.index(), item, width);
        if let Ok(cache) = self.cache.lock()
            && let Some(lines) = cache.get(&key)
        {
            return Arc::clone(lines);
        }
        let lines: Arc<[Line]> = self.wrap_item(pane, item, width).into();
        if let Ok(mut cache) = self.cache.lock() {
            if cache.len() >= CACHE_LIMIT {
                cache.clear();
            }
            cache.insert(key, Arc::clone(&lines));
        }
        lines
    }

    /// The line each item of `pane` starts at when wrapped to `width`, counted from the
    /// pane's first line, and last the pane's total: `len + 1` entries. It wraps every item:
    /// a frame needs only [`Content::starts_until`].
    pub fn starts(&self, pane: Pane, width: u16) -> Arc<[usize]> {
        self.starts_until(pane, width, self.len(pane), usize::MAX);
        let key = (pane.index(), width);
        let starts = self.starts.lock().ok().and_then(|s| s.get(&key).cloned());
        starts.unwrap_or_default().into()
    }

    /// Where item `item` of `pane` starts and ends at `width`, with the lines counted from
    /// the top so far: items are wrapped from the top, once, as far as `item` and until
    /// `lines` lines are counted (or the pane ends). A long pane's first frame needs its first
    /// screens only.
    pub fn starts_until(&self, pane: Pane, width: u16, item: usize, lines: usize) -> StartsSoFar {
        let key = (pane.index(), width);
        let len = self.len(pane);
        // `starts` holds the start of each item counted and, last, where the next one starts.
        let enough = |starts: &[usize]| {
            let counted = starts.len().saturating_sub(1);
            let at = starts.last().copied().unwrap_or_default();
            counted >= len || (counted > item && at >= lines)
        };
        let answer = |starts: &[usize]| {
            let at = |i: usize| {
                let i = i.min(starts.len().saturating_sub(1));
                starts.get(i).copied().unwrap_or_default()
            };
            StartsSoFar {
                item_start: at(item),
                item_end: at(item + 1),
                lines: starts.last().copied().unwrap_or_default(),
                complete: starts.len() > len,
            }
        };
        // Most often, as far as it was counted before is far enough: no copy.
        let mut starts = match self.starts.lock() {
            Ok(cache) => match cache.get(&key) {
                Some(known) if enough(known) => return answer(known),
                Some(known) => known.clone(),
                None => vec![0],
            },
            Err(_) => vec![0],
        };
        while !enough(&starts) {
            let counted = starts.len() - 1;
            let at = starts.last().copied().unwrap_or_default();
            starts.push(at + self.height(pane, counted, width));
        }
        let so_far = answer(&starts);
        if let Ok(mut cache) = self.starts.lock() {
            // A few widths at most (a resize, a zoom): start over past a handful.
            if cache.len() >= 64 {
                cache.clear();
            }
            let longer = cache.get(&key).is_none_or(|s| s.len() < starts.len());
            if longer {
                cache.insert(key, starts);
            }
        }
        so_far
    }

    /// How many items of `pane` are wrapped (at any width), for tests of what a frame wraps.
    #[cfg(test)]
    pub(crate) fn wrapped_items(&self, pane: Pane) -> usize {
        self.cache
            .lock()
            .map(|c| c.keys().filter(|(p, _, _)| *p == pane.index()).count())
            .unwrap_or_default()
    }

    /// The height of an item at `width`, in lines: from where the items start, once they are
    /// counted that far (no look at the item's lines, far apart in memory), else from its
    /// lines.
    pub fn height(&self, pane: Pane, item: usize, width: u16) -> usize {
        if let Ok(starts) = self.starts.lock()
            && let Some(known) = starts.get(&(pane.index(), width))
            && let (Some(&start), Some(&end)) = (known.get(item), known.get(item + 1))
        {
            return end - start;
        }
        self.lines(pane, item, width).len()
    }

    fn wrap_item(&self, pane: Pane, item: usize, width: u16) -> Vec<Line> {
        let items = self.items(pane);
        let Some(it) = items.get(item) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for b in &it.blocks {
            for text in text::wrap(&b.text, usize::from(width), b.first, b.rest) {
                out.push(Line {
                    role: b.role,
                    plain: text.chars().all(text::is_plain),
                    text,
                    link: b.link,
                });
            }
        }
        if item + 1 < items.len() {
            out.push(Line {
                role: Role::Plain,
                text: String::new(),
                link: None,
                plain: true,
            });
        }
        out
    }

    /// Counts the matches of `needle` in an item, block by block.
    pub fn count_matches(&self, pane: Pane, item: usize, needle: &Needle, limit: usize) -> usize {
        let Some(it) = self.items(pane).get(item) else {
            return 0;
        };
        let mut n = 0;
        for b in &it.blocks {
            if n >= limit {
                break;
            }
            n += needle.count_in(&b.text, limit - n);
        }
        n
    }
}

/// The links at the end of the summary, each line knowing its link.
fn links_item(b: &Briefing, l: &Labels, fix: &dyn Fn(&str) -> String) -> Item {
    let mut blocks = vec![block(Role::Heading, l.more_info.to_string(), "", "")];
    for (i, link) in b.links.iter().enumerate() {
        let text = match &link.url {
            Some(url) => format!("{} <{url}>", link.title),
            None => link.title.clone(),
        };
        let mut shown = block(Role::Link, fix(&text), "• ", "  ");
        shown.link = link.url.is_some().then_some(i);
        blocks.push(shown);
    }
    Item {
        blocks,
        origin: Origin::Links,
    }
}

fn quote_item(
    b: &Briefing,
    q: &crate::model::Quote,
    l: &Labels,
    fix: &dyn Fn(&str) -> String,
    index: usize,
) -> Item {
    let (open, close) = l.quote_marks;
    let mut blocks = vec![block(
        Role::Quote,
        fix(&format!("{open}{}{close}", q.text)),
        "",
        "",
    )];
    let described: Vec<String> = q
        .speaker
        .names()
        .map(|name| match b.person(name) {
            Some((_, person)) => person.described(),
            None => name.to_string(),
        })
        .collect();
    let who = if described.is_empty() {
        format!("— ({})", l.unknown_speaker)
    } else {
        format!("— {}", described.join(l.speakers_separator))
    };
    blocks.push(block(Role::Speaker, fix(&who), "  ", "    "));
    if let Some(context) = &q.context {
        blocks.push(block(Role::Context, fix(context), "    ", "    "));
    }
    Item {
        blocks,
        origin: Origin::Quote(index),
    }
}

/// The name of an item's category under its label, when the category is known and its name
/// is not the label again: "Trafic de cocaïne" shows "Trafic de stupéfiants".
fn category_block(label: &str, category: Option<&str>, lang: Lang) -> Option<Block> {
    let name = crate::model::category(category?)?.name(lang);
    let same = |a: &str, b: &str| a.to_lowercase().trim() == b.to_lowercase().trim();
    (!same(name, label)).then(|| block(Role::Context, format!("({name})"), "  ", "  "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled() -> Content {
        Content::new(Arc::new(crate::model::bundled().unwrap()), Lang::Fr)
    }

    #[test]
    fn title_line_count_is_the_number_of_title_lines_whatever_the_order_of_widths() {
        let c = bundled();
        let mut counts = std::collections::BTreeSet::new();
        for width in [98u16, 20, 98, 0, 1, 40, 40, 198, 20, u16::MAX] {
            let fresh = bundled().title_lines(width).len();
            assert_eq!(c.title_line_count(width), fresh, "at {width}");
            assert_eq!(c.title_line_count(width), fresh, "again at {width}");
            counts.insert(fresh);
        }
        assert!(counts.len() > 2, "{counts:?}");
    }

    #[test]
    fn a_category_shows_under_a_label_that_does_not_name_it() {
        let mut b = crate::model::bundled().unwrap();
        b.threats = vec![
            crate::model::Threat {
                label: "Trafic de cocaïne".into(),
                category: Some("drug-trafficking".into()),
                detail: None,
                emerging: false,
            },
            crate::model::Threat {
                label: "Trafic de stupéfiants".into(),
                category: Some("drug-trafficking".into()),
                detail: None,
                emerging: false,
            },
        ];
        let c = Content::new(Arc::new(b), Lang::Fr);
        let texts: Vec<String> = c.panes[3]
            .iter()
            .flat_map(|item| item.blocks.iter().map(|b| b.text.clone()))
            .collect();
        assert_eq!(
            texts,
            [
                "Trafic de cocaïne",
                "(Trafic de stupéfiants)",
                "Trafic de stupéfiants"
            ]
        );
    }

    #[test]
    fn quotes_show_speaker_and_role() {
        let c = bundled();
        let lines = c.lines(Pane::Quotes, 3, 60);
        let speaker: Vec<&str> = lines
            .iter()
            .filter(|l| l.role == Role::Speaker)
            .map(|l| l.text.as_str())
            .collect();
        assert_eq!(
            speaker,
            ["  — Juergen Stock, Secrétaire général d'INTERPOL"]
        );
        assert!(lines[0].text.starts_with("«\u{a0}Cet accord"));
    }

    #[test]
    fn emerging_threats_come_last_under_their_heading() {
        let c = bundled();
        let first_emerging = c
            .items(Pane::Threats)
            .iter()
            .position(|i| i.blocks[0].role == Role::Heading);
        assert_eq!(first_emerging, Some(3));
        assert_eq!(c.len(Pane::Threats), 9);
        let lines = c.lines(Pane::Threats, 3, 80);
        assert_eq!(lines[0].text, "Menaces émergentes");
        let label: String = lines
            .iter()
            .filter(|l| l.role == Role::Emerging)
            .map(|l| l.text.trim())
            .collect::<Vec<_>>()
            .join(" ");
        assert!(label.ends_with("[émergente]"), "{label}");
    }

    #[test]
    fn lines_are_cached_and_fit_the_width() {
        let c = bundled();
        let a = c.lines(Pane::Summary, 1, 30);
        let b = c.lines(Pane::Summary, 1, 30);
        assert!(Arc::ptr_eq(&a, &b));
        assert!(a.iter().all(|l| text::width(&l.text) <= 30));
        assert!(c.lines(Pane::Summary, 99, 30).is_empty());
    }

    #[test]
    fn starts_sum_the_heights_before_each_item() {
        let c = bundled();
        for pane in Pane::ALL {
            let starts = c.starts(pane, 30);
            assert_eq!(starts.len(), c.len(pane) + 1);
            let mut at = 0;
            for item in 0..c.len(pane) {
                assert_eq!(starts[item], at, "{pane:?} {item}");
                at += c.height(pane, item, 30);
            }
            assert_eq!(starts[c.len(pane)], at);
            assert_eq!(starts, c.starts(pane, 30));
        }
    }

    #[test]
    fn summary_ends_with_the_links() {
        let c = bundled();
        let last = c.items(Pane::Summary).last().unwrap();
        assert_eq!(last.blocks[0].text, "Plus d'informations");
        assert_eq!(last.blocks.len(), 4);
    }
}
