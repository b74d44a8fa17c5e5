//! Presentation mode: slides derived from the briefing, paginated for the screen, with the
//! position, timer, blanking and overview that a presenter drives. Pure data; the clock comes
//! in through [`crate::app::Action::Tick`]. No I/O here.

mod deck;
mod timer;

use std::sync::Arc;

use crate::app::content::{Content, Role};
use crate::app::state::{Pane, Size};

pub use deck::slide_text_geometry;
pub use timer::{Timer, format_elapsed};

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
    pub link: LinkStatus,
    /// For a presenter view: the presenter's screen size.
    pub presenter_size: Option<Size>,
    /// For a presenter view following nothing while another briefing is presented: the
    /// command that would follow that presentation.
    pub other_command: Option<String>,
    /// For a presenter view: how many lines of the notes are scrolled out above the box.
    pub notes_scroll: usize,
}

/// The state of a presenter view's link to the presentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum LinkStatus {
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
    use crate::app::text;
    use crate::model::Lang;

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
