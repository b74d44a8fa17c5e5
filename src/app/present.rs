//! Presentation mode: slides derived from the briefing, paginated for the screen, with the
//! position, timer, blanking and overview that a presenter drives. Pure data; the clock comes
//! in through [`crate::app::Action::Tick`]. No I/O here.

use std::sync::Arc;

use crate::app::content::{Content, Role};
use crate::app::state::{Pane, Size};
use crate::labels::{Lang, format_date};
use crate::text::{self, wrap};

/// The sections slides come from, in presentation order.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
pub enum Section {
    /// Title, date, event, parties and heads.
    #[default]
    Title,
    /// The summary paragraphs.
    Summary,
    /// One quote, by index.
    Quote(usize),
    /// The cooperation areas.
    Areas,
    /// The threats, emerging ones apart.
    Threats,
    /// The links.
    Links,
}

impl Section {
    /// The reader pane that shows this section.
    pub fn pane(self) -> Pane {
        match self {
            Section::Title | Section::Summary | Section::Links => Pane::Summary,
            Section::Quote(_) => Pane::Quotes,
            Section::Areas => Pane::Areas,
            Section::Threats => Pane::Threats,
        }
    }
}

/// How a slide line is placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Align {
    /// From the left margin.
    Left,
    /// Centred in the slide.
    Center,
}

/// One line of a slide.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlideLine {
    /// Its style.
    pub role: Role,
    /// Its text, no wider than the slide's text width.
    pub text: String,
    /// Its placement.
    pub align: Align,
}

/// Where a page starts in its section, independent of the screen size: the unit (paragraph,
/// item) and the line within it. Followers of another size find their own page from it.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Default,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize,
)]
pub struct Anchor {
    /// Unit index in the section.
    pub unit: usize,
    /// Line within the unit.
    pub line: usize,
}

/// One page of one section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slide {
    /// The section it shows.
    pub section: Section,
    /// The section's title, as shown at the top.
    pub title: String,
    /// Page number within the section, from 0.
    pub page: usize,
    /// Pages the section takes.
    pub pages: usize,
    /// Where the page starts.
    pub anchor: Anchor,
    /// The lines.
    pub lines: Vec<SlideLine>,
    /// True when the lines should sit in the middle of the slide (quotes, title).
    pub centered: bool,
}

/// The slides for one screen size.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Deck {
    /// The size it was laid out for.
    pub size: Size,
    /// The slides in order; never empty once built.
    pub slides: Vec<Slide>,
}

/// The slide area inside a screen: margins around, the bottom row for progress and timer.
pub fn slide_text_geometry(size: Size) -> (usize, usize) {
    let margin = usize::from(size.width / 10).clamp(1, 8);
    let width = usize::from(size.width).saturating_sub(2 * margin).max(1);
    // Title row, a blank row, then text; the last row holds the progress.
    let height = usize::from(size.height).saturating_sub(4).max(1);
    (width, height)
}

/// A unit of a section: lines that belong together and are kept on one page when they fit.
struct Unit {
    lines: Vec<SlideLine>,
}

fn left(role: Role, text: &str, width: usize, first: &str, rest: &str) -> Vec<SlideLine> {
    wrap(text, width, first, rest)
        .into_iter()
        .map(|t| SlideLine {
            role,
            text: t,
            align: Align::Left,
        })
        .collect()
}

fn center(role: Role, text: &str, width: usize) -> Vec<SlideLine> {
    wrap(text, width, "", "")
        .into_iter()
        .map(|t| SlideLine {
            role,
            text: t,
            align: Align::Center,
        })
        .collect()
}

fn blank() -> SlideLine {
    SlideLine {
        role: Role::Plain,
        text: String::new(),
        align: Align::Left,
    }
}

impl Deck {
    /// Lays out the slides of `content` for a screen of `size`.
    pub fn build(content: &Content, size: Size) -> Deck {
        let (width, height) = slide_text_geometry(size);
        let b = &content.briefing;
        let lang = content.lang;
        let l = lang.labels();
        let fix = |s: &str| {
            if lang == Lang::Fr {
                text::glue_french(s)
            } else {
                s.to_string()
            }
        };
        let mut slides = Vec::new();

        // Title: the title, date, event, caption, then each party and its heads.
        let mut units = vec![Unit {
            lines: center(Role::Label, &fix(&b.title), width),
        }];
        let mut meta = Vec::new();
        if let Some(d) = b.date {
            meta.push(format_date(d, lang));
        }
        meta.extend(b.place.iter().cloned());
        if !meta.is_empty() {
            units.push(Unit {
                lines: center(Role::Speaker, &meta.join(" · "), width),
            });
        }
        if let Some(event) = &b.event {
            units.push(Unit {
                lines: center(Role::Context, &fix(event), width),
            });
        }
        for p in &b.parties {
            let mut lines = center(Role::Heading, &p.name, width);
            for person in &p.people {
                lines.extend(center(Role::Plain, &fix(&person.described()), width));
            }
            units.push(Unit { lines });
        }
        paginate(&mut slides, Section::Title, &b.title, units, height, true);

        if !b.summary.is_empty() {
            let units = b
                .summary
                .iter()
                .map(|p| Unit {
                    lines: left(Role::Plain, &fix(p), width, "", ""),
                })
                .collect();
            paginate(
                &mut slides,
                Section::Summary,
                l.panes[0],
                units,
                height,
                false,
            );
        }

        let quote_width = width.min(72);
        let (open, close) = l.quote_marks;
        for (i, q) in b.quotes.iter().enumerate() {
            let mut lines = center(
                Role::Quote,
                &fix(&format!("{open}{}{close}", q.text)),
                quote_width,
            );
            lines.push(blank());
            match q.speaker.as_deref().map(|s| (s, b.person(s))) {
                Some((_, Some((party, person)))) => {
                    lines.extend(center(
                        Role::Speaker,
                        &format!("— {}", person.name),
                        quote_width,
                    ));
                    let role = if person.role.is_empty() {
                        party.name.clone()
                    } else {
                        person.role.clone()
                    };
                    lines.extend(center(Role::Context, &fix(&role), quote_width));
                }
                Some((name, None)) => {
                    lines.extend(center(Role::Speaker, &format!("— {name}"), quote_width))
                }
                None => lines.extend(center(
                    Role::Context,
                    &format!("— ({})", l.unknown_speaker),
                    quote_width,
                )),
            }
            if let Some(c) = &q.context {
                lines.extend(center(Role::Context, &fix(c), quote_width));
            }
            let title = format!("{} {}/{}", l.quote, i + 1, b.quotes.len());
            paginate(
                &mut slides,
                Section::Quote(i),
                &title,
                vec![Unit { lines }],
                height,
                true,
            );
        }

        if !b.cooperation_areas.is_empty() {
            let units = b
                .cooperation_areas
                .iter()
                .map(|a| Unit {
                    lines: left(Role::Label, &fix(&a.label), width, "• ", "  "),
                })
                .collect();
            paginate(
                &mut slides,
                Section::Areas,
                l.panes[2],
                units,
                height,
                false,
            );
        }

        if !b.threats.is_empty() {
            let (emerging, standing): (Vec<_>, Vec<_>) = b.threats.iter().partition(|t| t.emerging);
            let mut units: Vec<Unit> = standing
                .iter()
                .map(|t| Unit {
                    lines: left(Role::Label, &fix(&t.label), width, "• ", "  "),
                })
                .collect();
            for (i, t) in emerging.iter().enumerate() {
                let mut lines = Vec::new();
                if i == 0 {
                    lines.extend(left(Role::Heading, l.emerging, width, "", ""));
                }
                lines.extend(left(Role::Emerging, &fix(&t.label), width, "◆ ", "  "));
                units.push(Unit { lines });
            }
            paginate(
                &mut slides,
                Section::Threats,
                l.panes[3],
                units,
                height,
                false,
            );
        }

        if !b.links.is_empty() {
            let units = b
                .links
                .iter()
                .map(|k| {
                    let text = match &k.url {
                        Some(url) => format!("{} <{url}>", k.title),
                        None => k.title.clone(),
                    };
                    Unit {
                        lines: left(Role::Link, &fix(&text), width, "• ", "  "),
                    }
                })
                .collect();
            paginate(
                &mut slides,
                Section::Links,
                l.more_info,
                units,
                height,
                false,
            );
        }
        Deck { size, slides }
    }

    /// The slide showing `section` at `anchor` (the page holding it), or the nearest one.
    pub fn find(&self, section: Section, anchor: Anchor) -> usize {
        let mut best = None;
        for (i, s) in self.slides.iter().enumerate() {
            if s.section == section {
                if s.anchor <= anchor || best.is_none() {
                    best = Some(i);
                }
                if s.anchor > anchor {
                    break;
                }
            }
        }
        best.unwrap_or_else(|| self.first_of(section.pane()))
    }

    /// The first slide of the section shown by `pane` (title for the summary pane's caption).
    pub fn first_of(&self, pane: Pane) -> usize {
        self.slides
            .iter()
            .position(|s| s.section != Section::Title && s.section.pane() == pane)
            .unwrap_or(0)
    }

    /// How many slides there are.
    pub fn len(&self) -> usize {
        self.slides.len()
    }

    /// True before the deck is built.
    pub fn is_empty(&self) -> bool {
        self.slides.is_empty()
    }
}

/// Splits a section into pages of at most `height` lines, keeping units whole when they fit;
/// a unit taller than a page continues on the next one. Units are spaced by a blank line,
/// unless dropping the spacing saves a page.
fn paginate(
    slides: &mut Vec<Slide>,
    section: Section,
    title: &str,
    units: Vec<Unit>,
    height: usize,
    centered: bool,
) {
    let spaced = pages_of(&units, height, true);
    let pages = if spaced.len() > 1 {
        let tight = pages_of(&units, height, false);
        if tight.len() < spaced.len() {
            tight
        } else {
            spaced
        }
    } else {
        spaced
    };
    let count = pages.len();
    for (page, (anchor, lines)) in pages.into_iter().enumerate() {
        slides.push(Slide {
            section,
            title: title.to_string(),
            page,
            pages: count,
            anchor,
            lines,
            centered,
        });
    }
}

fn pages_of(units: &[Unit], height: usize, spaced: bool) -> Vec<(Anchor, Vec<SlideLine>)> {
    let height = height.max(1);
    let mut pages: Vec<(Anchor, Vec<SlideLine>)> = Vec::new();
    let mut current: Vec<SlideLine> = Vec::new();
    let mut anchor = Anchor::default();
    for (u, unit) in units.iter().enumerate() {
        let gap = usize::from(spaced && !current.is_empty());
        let need = unit.lines.len() + gap;
        if !current.is_empty() && current.len() + need > height {
            pages.push((anchor, std::mem::take(&mut current)));
            anchor = Anchor { unit: u, line: 0 };
        } else if current.is_empty() {
            anchor = Anchor { unit: u, line: 0 };
        } else if gap == 1 {
            current.push(blank());
        }
        for (line_no, line) in unit.lines.iter().enumerate() {
            if current.len() >= height {
                pages.push((anchor, std::mem::take(&mut current)));
                anchor = Anchor {
                    unit: u,
                    line: line_no,
                };
            }
            current.push(line.clone());
        }
    }
    if !current.is_empty() || pages.is_empty() {
        pages.push((anchor, current));
    }
    pages
}

/// An elapsed-time counter driven by the clock the edge passes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Timer {
    /// Time counted before the current run, in milliseconds.
    pub banked_ms: u64,
    /// When the current run started, on the edge's clock; `None` when paused.
    pub since_ms: Option<u64>,
    /// False until first started; the timer is only shown once started.
    pub started: bool,
}

impl Timer {
    /// Elapsed milliseconds at `now_ms`.
    pub fn elapsed(&self, now_ms: u64) -> u64 {
        self.banked_ms + self.since_ms.map_or(0, |s| now_ms.saturating_sub(s))
    }

    /// Starts or pauses at `now_ms`.
    pub fn toggle(&mut self, now_ms: u64) {
        match self.since_ms {
            Some(_) => {
                self.banked_ms = self.elapsed(now_ms);
                self.since_ms = None;
            }
            None => {
                self.since_ms = Some(now_ms);
                self.started = true;
            }
        }
    }

    /// True while counting.
    pub fn is_running(&self) -> bool {
        self.since_ms.is_some()
    }
}

/// `mm:ss`, or `h:mm:ss` past an hour.
pub fn format_elapsed(ms: u64) -> String {
    let s = ms / 1000;
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{:02}:{:02}", s / 60, s % 60)
    }
}

/// The presentation's state inside [`crate::app::State`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Presentation {
    /// The slides for the current size; built when a presentation starts.
    pub deck: Arc<Deck>,
    /// The current slide.
    pub index: usize,
    /// Where the current slide is in its section, to find it again after a resize.
    pub section: Section,
    /// See [`Anchor`].
    pub anchor: Anchor,
    /// The elapsed-time counter.
    pub timer: Timer,
    /// True while the screen is blanked.
    pub blank: bool,
    /// Digits typed before Enter, to jump to a slide.
    pub number: Option<u32>,
    /// The selected line of the overview.
    pub overview: usize,
    /// The reader's place when the presentation started, and the slide it started on.
    pub entry: Option<(Pane, [crate::app::state::PaneView; 4], usize)>,
    /// Whether the reader was zoomed when the presentation started.
    pub entry_base: crate::app::state::Base,
    /// For a presenter view: whether a presentation of this briefing is being followed.
    pub link: Link,
    /// For a presenter view: the presenter's screen size.
    pub presenter_size: Option<Size>,
}

/// The state of a presenter view's link to the presentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Link {
    /// No presentation found yet, or it ended.
    #[default]
    Waiting,
    /// A presentation runs, but of another briefing.
    Other,
    /// Following a presentation of this briefing.
    Live,
}

impl Presentation {
    /// The current slide, if the deck is built.
    pub fn slide(&self) -> Option<&Slide> {
        self.deck.slides.get(self.index)
    }

    /// Rebuilds the deck for `size` if needed and finds the current slide in it again.
    pub fn layout(&mut self, content: &Content, size: Size) {
        if self.deck.size != size || self.deck.is_empty() {
            self.deck = Arc::new(Deck::build(content, size));
            self.index = self.deck.find(self.section, self.anchor);
        }
        self.go(self.index);
        self.overview = self.overview.min(self.deck.len().saturating_sub(1));
    }

    /// Moves to slide `index` (clamped), remembering its place in the section.
    pub fn go(&mut self, index: usize) {
        self.index = index.min(self.deck.len().saturating_sub(1));
        if let Some(s) = self.deck.slides.get(self.index) {
            self.section = s.section;
            self.anchor = s.anchor;
        }
    }

    /// Checks indexes against the deck.
    pub fn check_invariants(&self) -> Result<(), String> {
        if !self.deck.is_empty() && self.index >= self.deck.len() {
            return Err(format!("slide {} of {}", self.index, self.deck.len()));
        }
        if !self.deck.is_empty() && self.overview >= self.deck.len() {
            return Err(format!(
                "overview line {} of {}",
                self.overview,
                self.deck.len()
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content() -> Content {
        Content::new(Arc::new(crate::model::bundled().unwrap()), Lang::Fr)
    }

    #[test]
    fn bundled_deck_has_title_summary_quotes_areas_threats_links() {
        let d = Deck::build(&content(), Size::new(160, 45));
        let sections: Vec<Section> = d.slides.iter().map(|s| s.section).collect();
        assert_eq!(
            sections,
            [
                Section::Title,
                Section::Summary,
                Section::Quote(0),
                Section::Quote(1),
                Section::Quote(2),
                Section::Quote(3),
                Section::Quote(4),
                Section::Areas,
                Section::Threats,
                Section::Links
            ]
        );
    }

    #[test]
    fn small_screens_paginate_and_lose_nothing() {
        let c = content();
        let (width, height) = slide_text_geometry(Size::new(40, 12));
        let d = Deck::build(&c, Size::new(40, 12));
        for s in &d.slides {
            assert!(
                s.lines.len() <= height,
                "{:?} page {} overflows",
                s.section,
                s.page
            );
            assert!(s.lines.iter().all(|l| text::width(&l.text) <= width));
        }
        let areas: Vec<&Slide> = d
            .slides
            .iter()
            .filter(|s| s.section == Section::Areas)
            .collect();
        assert!(areas.len() > 1);
        let shown: Vec<&str> = areas
            .iter()
            .flat_map(|s| &s.lines)
            .map(|l| l.text.as_str())
            .collect();
        for a in &c.briefing.cooperation_areas {
            let first_word = a.label.split_whitespace().next().unwrap();
            assert!(
                shown.iter().any(|t| t.contains(first_word)),
                "{} missing",
                a.label
            );
        }
        assert!(areas.iter().all(|s| s.pages == areas.len()));
    }

    #[test]
    fn find_gets_the_page_holding_an_anchor_at_another_size() {
        let c = content();
        let small = Deck::build(&c, Size::new(40, 12));
        let i = small
            .slides
            .iter()
            .rposition(|s| s.section == Section::Areas)
            .unwrap();
        let big = Deck::build(&c, Size::new(160, 45));
        let j = big.find(Section::Areas, small.slides[i].anchor);
        assert_eq!(big.slides[j].section, Section::Areas);
    }

    #[test]
    fn timer_counts_only_while_running() {
        let mut t = Timer::default();
        assert!(!t.started);
        t.toggle(1_000);
        assert_eq!(t.elapsed(4_000), 3_000);
        t.toggle(4_000);
        assert_eq!(t.elapsed(60_000), 3_000);
        t.toggle(70_000);
        assert_eq!(t.elapsed(71_500), 4_500);
        assert_eq!(format_elapsed(3_723_000), "1:02:03");
        assert_eq!(format_elapsed(65_000), "01:05");
    }
}
