//! The reader's state: plain data, cheap to clone, buildable in one line in a test.

use std::sync::Arc;

use crate::app::content::Content;
use crate::app::keymap::Keymap;
use crate::app::present::{Anchor, Presentation, Section};
use crate::app::text::Needle;
use crate::model::Briefing;
use crate::model::Lang;

/// The four panes, in reading order.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
pub enum Pane {
    /// The summary (with the caption and the links).
    #[default]
    Summary,
    /// The quotes.
    Quotes,
    /// The cooperation areas.
    Areas,
    /// The threats.
    Threats,
}

impl Pane {
    /// All panes in order.
    pub const ALL: [Pane; 4] = [Pane::Summary, Pane::Quotes, Pane::Areas, Pane::Threats];

    /// 0 to 3.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The pane after this one, wrapping around.
    pub fn next(self) -> Pane {
        Pane::ALL[(self.index() + 1) % 4]
    }

    /// The pane before this one, wrapping around.
    pub fn prev(self) -> Pane {
        Pane::ALL[(self.index() + 3) % 4]
    }
}

/// A terminal size in cells.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
pub struct Size {
    /// Columns.
    pub width: u16,
    /// Rows.
    pub height: u16,
}

impl Size {
    /// A size of `width` columns and `height` rows.
    pub const fn new(width: u16, height: u16) -> Size {
        Size { width, height }
    }
}

/// Where a pane is scrolled to: the item at the top and how many of its lines are above.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Default,
    serde::Serialize,
    serde::Deserialize,
)]
pub struct PaneView {
    /// The item at the top of the pane.
    pub item: usize,
    /// Lines of that item scrolled out above the top.
    pub line: usize,
}

/// What the reader is doing under an overlay.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
pub enum Base {
    /// Four panes (or one under tabs).
    #[default]
    Reading,
    /// The focused pane, full screen.
    Zoom,
    /// Slides, full screen.
    Present,
}

/// The reader's modes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Mode {
    /// Reading the panes.
    #[default]
    Reading,
    /// The focused pane full screen.
    Zoom,
    /// Typing a search query over `Base`.
    Search(Base),
    /// The help overlay over `Base`.
    Help(Base),
    /// The list of the briefing's links over `Base`, one selected, to open or copy.
    Links(Base),
    /// Presenting, slide by slide.
    Present,
    /// The list of slides, to pick one (over the presentation).
    Overview,
    /// The presenter's private view: current slide, next, notes, timer.
    PresenterView,
    /// The program is ending.
    Quit,
}

impl Mode {
    /// The mode underneath any overlay.
    pub fn base(self) -> Base {
        match self {
            Mode::Reading | Mode::Quit => Base::Reading,
            Mode::Zoom => Base::Zoom,
            Mode::Present | Mode::Overview | Mode::PresenterView => Base::Present,
            Mode::Search(b) | Mode::Help(b) | Mode::Links(b) => b,
        }
    }
}

impl From<Base> for Mode {
    fn from(base: Base) -> Mode {
        match base {
            Base::Reading => Mode::Reading,
            Base::Zoom => Mode::Zoom,
            Base::Present => Mode::Present,
        }
    }
}

/// One search match: which pane and item, and which occurrence within the item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Match {
    /// The pane.
    pub pane: Pane,
    /// The item in the pane.
    pub item: usize,
    /// The occurrence in the item, from 0.
    pub nth: usize,
}

/// The most matches a search records; the count then shows as "10000+".
pub const MAX_MATCHES: usize = 10_000;

/// The most queries the search history keeps.
pub const MAX_HISTORY: usize = 100;

/// The search query and its matches in every pane.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Search {
    /// What was typed.
    pub query: String,
    /// True when the query is a regular expression (still case- and accent-insensitive).
    pub regex: bool,
    /// Why the query is not a valid regular expression, while it is not.
    pub invalid: Option<String>,
    /// The query folded for matching.
    pub needle: Needle,
    /// Matches in pane order, then item order.
    pub matches: Vec<Match>,
    /// The match last jumped to.
    pub current: Option<usize>,
}

impl Search {
    /// No query, the regular-expression switch kept as it was.
    pub fn cleared(&self) -> Search {
        Search {
            regex: self.regex,
            ..Search::default()
        }
    }
}

/// Who is looking at this state, for the status line and the follow logic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Session {
    /// A reader on its own terminal.
    #[default]
    Local,
    /// The presenter of `briefing serve`, with how many attendees are connected.
    Presenter {
        /// Connected attendees.
        watchers: usize,
    },
    /// An attendee over SSH.
    Attendee {
        /// True while the view follows the presenter's.
        following: bool,
    },
    /// The presenter view of `briefing present --notes`, which always follows the
    /// presentation running on the same machine.
    PresenterView,
}

impl Session {
    /// True when [`crate::app::Action::FollowTo`] applies: a following attendee, or the
    /// presenter view.
    pub fn is_following(self) -> bool {
        matches!(
            self,
            Session::Attendee { following: true } | Session::PresenterView
        )
    }
}

/// What a presenter shares with followers: where they are, never what keys they pressed.
/// Overlays (help, search, overview) stay private to each viewer. Slides are given by section
/// and anchor, not by number, because each follower paginates for its own screen.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
pub struct Position {
    /// Reading, zoomed or presenting.
    pub base: Base,
    /// The focused pane.
    pub focus: Pane,
    /// Each pane's scroll position.
    pub views: [PaneView; 4],
    /// The slide's section.
    pub section: Section,
    /// Where the slide starts in it.
    pub anchor: Anchor,
    /// True while the presenter blanks the screen.
    pub blank: bool,
    /// The presenter's timer: elapsed milliseconds when shared.
    pub elapsed_ms: u64,
    /// Whether the timer is counting.
    pub timer_running: bool,
    /// Whether the timer was ever started (it shows only then).
    pub timer_started: bool,
    /// The presenter's screen size, so a presenter view can number slides the same way.
    pub size: Size,
    /// The presenter's version of the briefing ([`State::revision`]): a new one tells
    /// followers over SSH to take the reloaded briefing.
    #[serde(default)]
    pub revision: u32,
}

/// Everything the reader shows, as plain data.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// The panes' content (shared, immutable).
    pub content: Arc<Content>,
    /// The current mode.
    pub mode: Mode,
    /// The focused pane.
    pub focus: Pane,
    /// Each pane's scroll position, by [`Pane::index`].
    pub views: [PaneView; 4],
    /// The search, active when its query is not empty.
    pub search: Search,
    /// Focus and views when the search started, restored if it is cancelled.
    pub search_origin: Option<(Pane, [PaneView; 4])>,
    /// The viewport.
    pub size: Size,
    /// How far the help overlay is scrolled.
    pub help_scroll: usize,
    /// Local reader, presenter or attendee.
    pub session: Session,
    /// The presentation: slides, position, timer.
    pub present: Presentation,
    /// The edge's clock, in milliseconds, as of the last [`crate::app::Action::Tick`].
    pub now_ms: u64,
    /// What the last key did, for the status line ("copied: ..."), until the next key.
    pub note: Option<String>,
    /// Why the file on disk does not load any more; shown until a reload succeeds, while the
    /// last good version stays on screen.
    pub file_error: Option<String>,
    /// How many times the briefing was reloaded; followers and frame caches tell versions
    /// apart by it.
    pub revision: u32,
    /// True while the reader takes the mouse; false leaves it to the terminal, to select text.
    pub mouse: bool,
    /// The link selected in the links overlay.
    pub link: usize,
    /// Queries searched before, oldest first.
    pub history: Vec<String>,
    /// The history entry shown in the search prompt, while stepping through it.
    pub history_at: Option<usize>,
    /// The keys: the built-in table, or the user's configuration over it.
    pub keymap: Arc<Keymap>,
}

impl State {
    /// A reader on `briefing` with labels in `lang`, at `size`.
    pub fn new(briefing: Briefing, lang: Lang, size: Size) -> State {
        let content = Arc::new(Content::new(Arc::new(briefing), lang));
        let mut state = State {
            content,
            mode: Mode::Reading,
            focus: Pane::Summary,
            views: [PaneView::default(); 4],
            search: Search::default(),
            search_origin: None,
            size,
            help_scroll: 0,
            session: Session::Local,
            present: Presentation::default(),
            now_ms: 0,
            note: None,
            file_error: None,
            revision: 0,
            mouse: true,
            link: 0,
            history: Vec::new(),
            history_at: None,
            keymap: Keymap::builtin(),
        };
        crate::app::update::normalize(&mut state);
        state
    }

    /// Where this viewer is, as a presenter shares it.
    pub fn position(&self) -> Position {
        let p = &self.present;
        Position {
            base: self.mode.base(),
            focus: self.focus,
            views: self.views,
            section: p.section,
            anchor: p.anchor,
            blank: p.blank,
            elapsed_ms: p.timer.elapsed(self.now_ms),
            timer_running: p.timer.is_running(),
            timer_started: p.timer.started,
            size: self.size,
            revision: self.revision,
        }
    }

    /// The size slides are laid out for: the screen's, or in a presenter view, the
    /// presenter's (so both number the slides alike).
    pub fn deck_size(&self) -> Size {
        match (self.mode, self.present.presenter_size) {
            (Mode::PresenterView, Some(size)) => size,
            _ => self.size,
        }
    }

    /// The view of `pane`.
    pub fn view(&self, pane: Pane) -> PaneView {
        self.views[pane.index()]
    }

    /// The interface language.
    pub fn lang(&self) -> Lang {
        self.content.lang
    }

    /// Checks every index against its bounds; used by property tests after every step.
    pub fn check_invariants(&self) -> Result<(), String> {
        for pane in Pane::ALL {
            let v = self.view(pane);
            let len = self.content.len(pane);
            if len == 0 && v != PaneView::default() {
                return Err(format!("{pane:?}: scrolled {v:?} in an empty pane"));
            }
            if len > 0 && v.item >= len {
                return Err(format!("{pane:?}: item {} of {len}", v.item));
            }
            let geo = crate::app::screen::pane_geometry(self, pane);
            if len > 0 {
                let h = self.content.height(pane, v.item, geo.width);
                if v.line >= h {
                    return Err(format!("{pane:?}: line {} of an item of {h}", v.line));
                }
                let max = crate::app::scroll::max_top(&self.content, pane, geo);
                if v > max {
                    return Err(format!("{pane:?}: {v:?} past the end {max:?}"));
                }
            }
        }
        if let Some(c) = self.search.current
            && c >= self.search.matches.len()
        {
            return Err(format!("match {c} of {}", self.search.matches.len()));
        }
        if self.mode == Mode::Links(self.mode.base()) && self.link >= self.content.links().len() {
            return Err(format!(
                "link {} of {}",
                self.link,
                self.content.links().len()
            ));
        }
        if self.search.matches.len() > MAX_MATCHES {
            return Err("too many matches kept".to_string());
        }
        if self.mode == Mode::PresenterView
            && self.present.notes_scroll > crate::app::notes::max_notes_scroll(self)
        {
            return Err(format!(
                "notes scrolled {} past their end",
                self.present.notes_scroll
            ));
        }
        if self.mode.base() == Base::Present && self.present.deck.size != self.deck_size() {
            return Err("the deck is laid out for another size".to_string());
        }
        self.present.check_invariants()
    }
}
