//! Where things go on screen, as a pure function of the state: header, tab bar, panes, status
//! line, overlay. The renderer draws into these rectangles and `update` uses the same ones for
//! paging and mouse hits, so the two can never disagree. No I/O here. (Named `screen` and
//! [`Regions`] so as not to be taken for ratatui's `Layout` or the importer's body layout.)

use ratatui::layout::Rect;

use crate::app::state::{Base, Mode, Pane, Size, State};
use crate::model::Lang;

/// Below this size the reader only says the terminal is too small.
pub const MIN_SIZE: Size = Size::new(20, 6);

/// From this width on, the four panes sit in a 2×2 grid; below it, one pane under tabs.
pub const GRID_MIN_WIDTH: u16 = 100;

/// The fewest lines of text a pane of the grid must keep; with fewer, one pane under tabs.
pub const GRID_MIN_PANE_ROWS: u16 = 3;

/// The rectangles of one frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Regions {
    /// The header: title, date and event, parties.
    pub header: Rect,
    /// The tab bar, in the narrow layout.
    pub tabs: Option<Rect>,
    /// Each visible pane's outer rectangle (borders included), by [`Pane::index`].
    pub panes: [Option<Rect>; 4],
    /// The status line.
    pub status: Rect,
    /// The help overlay, when open.
    pub overlay: Option<Rect>,
}

/// The text area of a pane: its size in columns and rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Geometry {
    /// Columns text wraps to.
    pub width: u16,
    /// Rows of text shown.
    pub height: u16,
}

/// True when `size` is below [`MIN_SIZE`].
pub fn is_too_small(size: Size) -> bool {
    size.width < MIN_SIZE.width || size.height < MIN_SIZE.height
}

/// How many header rows a terminal of `height` rows gets, before the title is wrapped.
fn header_budget(height: u16) -> u16 {
    match height {
        20.. => 4,
        12..20 => 2,
        8..12 => 1,
        _ => 0,
    }
}

/// What the header shows: how many title lines, and whether the date/place/event line and the
/// parties line are there. The renderer draws exactly this, so the header's height and its
/// content cannot disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct HeaderLines {
    /// Title lines (0 to 2); a title cut short ends with "…".
    pub title: u16,
    /// The date, place and event line.
    pub meta: bool,
    /// The parties and their heads.
    pub parties: bool,
}

impl HeaderLines {
    /// The rows these lines take.
    pub fn rows(self) -> u16 {
        self.title + u16::from(self.meta) + u16::from(self.parties)
    }
}

/// The header's lines for this state: up to two title lines, then date and event, then
/// parties, as the terminal's height allows.
pub fn header_lines(state: &State) -> HeaderLines {
    let budget = header_budget(state.size.height);
    let facts = state.content.header_facts();
    let has_parties = facts.parties;
    if budget < 4 {
        return HeaderLines {
            title: u16::from(budget >= 1),
            meta: false,
            parties: budget >= 2 && has_parties,
        };
    }
    let width = state.size.width.saturating_sub(2);
    let title: u16 = match state.content.title_line_count(width) {
        0 => 0,
        1 => 1,
        _ => 2,
    };
    HeaderLines {
        title,
        meta: facts.meta,
        parties: has_parties,
    }
}

/// The header's rows for this state (see [`header_lines`]).
pub fn header_rows(state: &State) -> u16 {
    header_lines(state).rows()
}

/// The regions of `state`'s current mode.
pub fn regions(state: &State) -> Regions {
    let mut l = regions_for(state, state.mode.base());
    match state.mode {
        Mode::Help(_) => l.overlay = Some(help_rect(state.size, state.lang())),
        Mode::Links(_) if !is_too_small(state.size) => l.overlay = Some(overlay_rect(state.size)),
        _ => {}
    }
    l
}

/// The regions for `base`, ignoring overlays.
pub fn regions_for(state: &State, base: Base) -> Regions {
    let Size { width, height } = state.size;
    let mut l = Regions::default();
    // Slides take the whole screen and lay themselves out.
    if is_too_small(state.size) || base == Base::Present {
        return l;
    }
    let header = header_rows(state).min(height.saturating_sub(4));
    l.header = Rect::new(0, 0, width, header);
    l.status = Rect::new(0, height - 1, width, 1);
    let body = Rect::new(0, header, width, height.saturating_sub(header + 1));
    match base {
        Base::Zoom => l.panes[state.focus.index()] = Some(body),
        // The grid only while each pane keeps a few lines of text; else one pane under tabs.
        Base::Reading if width >= GRID_MIN_WIDTH && body.height / 2 >= GRID_MIN_PANE_ROWS + 2 => {
            let (w1, h1) = (width / 2, body.height / 2);
            let cells = [
                Rect::new(0, body.y, w1, h1),
                Rect::new(w1, body.y, width - w1, h1),
                Rect::new(0, body.y + h1, w1, body.height - h1),
                Rect::new(w1, body.y + h1, width - w1, body.height - h1),
            ];
            l.panes = cells.map(Some);
        }
        Base::Reading | Base::Present => {
            l.tabs = Some(Rect::new(0, body.y, width, 1));
            let rest = Rect::new(0, body.y + 1, width, body.height.saturating_sub(1));
            l.panes[state.focus.index()] = Some(rest);
        }
    }
    l
}

/// The help overlay's rectangle, centred.
pub fn overlay_rect(size: Size) -> Rect {
    let w = size.width.saturating_sub(4).min(76).max(size.width.min(20));
    let h = size.height.saturating_sub(2);
    Rect::new((size.width - w) / 2, (size.height - h) / 2, w, h)
}

/// Width of the help overlay's keys column.
pub const HELP_KEYS_COLUMN: u16 = 32;

/// The help overlay's rectangle, centred: as wide as its longest line needs (so nothing is
/// cut when the terminal has room), no wider than the terminal less a margin.
pub fn help_rect(size: Size, lang: Lang) -> Rect {
    let desc = crate::app::keymap::help_lines(lang)
        .iter()
        .map(|line| match line {
            crate::app::keymap::HelpLine::Section(title) => {
                crate::app::text::width(title).saturating_sub(usize::from(HELP_KEYS_COLUMN) + 2)
            }
            crate::app::keymap::HelpLine::Keys(_, desc) => crate::app::text::width(desc),
        })
        .max()
        .unwrap_or(0);
    // Border, margin, keys column, gap, description, margin, border.
    let needed = u16::try_from(desc)
        .unwrap_or(u16::MAX)
        .saturating_add(HELP_KEYS_COLUMN + 6);
    let w = needed
        .min(size.width.saturating_sub(4))
        .max(size.width.min(20));
    let h = size.height.saturating_sub(2);
    Rect::new((size.width - w) / 2, (size.height - h) / 2, w, h)
}

/// The text area inside a pane's borders: one column of padding on each side when there is
/// room.
pub fn text_area(outer: Rect) -> Rect {
    let inner = Rect::new(
        outer.x.saturating_add(1),
        outer.y.saturating_add(1),
        outer.width.saturating_sub(2),
        outer.height.saturating_sub(2),
    );
    if inner.width >= 8 {
        Rect::new(inner.x + 1, inner.y, inner.width - 2, inner.height)
    } else {
        inner
    }
}

/// The text geometry `pane` has, or would have when shown, in the current mode: the zoomed
/// pane is measured full screen, every other pane where reading mode puts it.
pub fn pane_geometry(state: &State, pane: Pane) -> Geometry {
    let base = match state.mode.base() {
        Base::Zoom if pane == state.focus => Base::Zoom,
        _ => Base::Reading,
    };
    geometry_in(&regions_for(state, base), pane)
}

/// [`pane_geometry`] of every pane, the layout worked out once (a key clamps every pane's
/// scroll position).
pub fn pane_geometries(state: &State) -> [Geometry; 4] {
    let reading = regions_for(state, Base::Reading);
    let zoomed = (state.mode.base() == Base::Zoom).then(|| regions_for(state, Base::Zoom));
    Pane::ALL.map(|pane| match &zoomed {
        Some(zoomed) if pane == state.focus => geometry_in(zoomed, pane),
        _ => geometry_in(&reading, pane),
    })
}

/// The geometry of `pane`'s text in the regions `l`.
fn geometry_in(l: &Regions, pane: Pane) -> Geometry {
    let outer = l.panes[pane.index()].unwrap_or_else(|| {
        // Hidden under tabs: it would take the focused pane's place.
        // No pane at all (too small, or presenting): an empty area.
        l.panes.iter().flatten().next().copied().unwrap_or_default()
    });
    let area = text_area(outer);
    Geometry {
        width: area.width.max(1),
        height: area.height,
    }
}

/// What is under a mouse position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    /// Inside a pane.
    Pane(Pane),
    /// On a tab of the tab bar.
    Tab(Pane),
    /// Nothing that reacts.
    Nothing,
}

/// What is at column `x`, row `y`. `tab_spans` are the tab bar's column ranges, as drawn.
pub fn hit(state: &State, x: u16, y: u16) -> Hit {
    let l = regions(state);
    let inside = |r: Rect| x >= r.x && x < r.right() && y >= r.y && y < r.bottom();
    if let Some(tabs) = l.tabs
        && inside(tabs)
    {
        for (pane, range) in Pane::ALL.iter().zip(tab_spans(state, tabs.width)) {
            if range.contains(&x) {
                return Hit::Tab(*pane);
            }
        }
        return Hit::Nothing;
    }
    for pane in Pane::ALL {
        if let Some(r) = l.panes[pane.index()]
            && inside(r)
        {
            return Hit::Pane(pane);
        }
    }
    Hit::Nothing
}

/// The tab labels as drawn: full names when they fit, otherwise the focused one in full (or
/// cut short) and numbers for the rest, so that every tab stays on the bar. Returns each
/// tab's text.
pub fn tab_labels(state: &State, width: u16) -> [String; 4] {
    let tabs = state.content.lang.labels().tabs;
    let full = Pane::ALL.map(|p| format!(" {} {} ", p.index() + 1, tabs[p.index()]));
    // Each tab is followed by a one-column separator but the last.
    let total = |labels: &[String; 4]| -> usize {
        labels
            .iter()
            .map(|t| crate::app::text::width(t))
            .sum::<usize>()
            + 3
    };
    if total(&full) <= usize::from(width) {
        return full;
    }
    let mut short = Pane::ALL.map(|p| format!(" {} ", p.index() + 1));
    let numbers = total(&short);
    let focus = state.focus.index();
    let room = usize::from(width).saturating_sub(numbers - crate::app::text::width(&short[focus]));
    let name = format!("{} {}", focus + 1, tabs[focus]);
    // The focused tab's name, cut to the room left by the numbers of the others.
    if room >= 4 {
        short[focus] = format!(" {} ", crate::app::text::truncate(&name, room - 2));
    }
    short
}

/// Column ranges of the tabs, as drawn by the renderer (one column between tabs).
pub fn tab_spans(state: &State, width: u16) -> [std::ops::Range<u16>; 4] {
    let labels = tab_labels(state, width);
    let mut x = 0u16;
    let mut spans: [std::ops::Range<u16>; 4] = Default::default();
    for (i, label) in labels.iter().enumerate() {
        let w = u16::try_from(crate::app::text::width(label)).unwrap_or(u16::MAX);
        spans[i] = x..x.saturating_add(w);
        x = x.saturating_add(w).saturating_add(1);
    }
    spans
}
