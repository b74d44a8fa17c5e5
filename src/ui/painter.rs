//! Repaints only what changed since the last frame. A reading frame is cut into parts (the
//! header, the tab bar, each pane's frame and body, the status line), each with a key made of
//! everything it is drawn from; a part is redrawn only when its key changed, and only the
//! cells of redrawn parts are compared with what the terminal shows. Scrolling one pane so
//! costs that pane and the status line, switching panes two frames and the status line.
//!
//! Anything else (slides, overlays, a screen too small) is drawn whole, as [`super::render`]
//! draws it. Pure: the edge writes the changed cells wherever it likes. A property test holds
//! every painted frame equal to [`super::render`]'s.

mod spans;

use std::sync::Arc;

use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::app::content::Content;
use crate::app::screen::{self, text_area};
use crate::app::state::{Base, Match, Pane, PaneView, Size, State};
use crate::app::text::Needle;
use crate::ui::export::Encoder;
use crate::ui::grid::{Glyph, Grid, Pen, Shown};
use crate::ui::put::clear;
use crate::ui::{Theme, draw, header, pane, status};
use spans::Span;

/// One part of a reading frame and what it is drawn from (beyond the content and theme,
/// which are the same for every part of a painter's frames).
#[derive(Debug, Clone, PartialEq)]
enum Part {
    Header(Rect),
    Tabs {
        area: Rect,
        focus: Pane,
    },
    /// A pane's frame: its look is worked out only when one of these changed, and it is
    /// drawn again only when its look did.
    Frame {
        area: Rect,
        pane: Pane,
        focused: bool,
        view: PaneView,
    },
    Body {
        area: Rect,
        pane: Pane,
        view: PaneView,
        needle: Needle,
        current: Option<Match>,
    },
    Status {
        area: Rect,
        key: StatusKey,
    },
}

impl Part {
    /// The cells this part owns, padded with empty rectangles (no allocation: the layout is
    /// compared on every frame).
    fn rects(&self) -> [Rect; 4] {
        let one = |r: Rect| [r, Rect::ZERO, Rect::ZERO, Rect::ZERO];
        match self {
            Part::Header(area) | Part::Tabs { area, .. } | Part::Status { area, .. } => one(*area),
            Part::Frame { area, .. } => pane::ring(*area),
            Part::Body { area, .. } => one(pane::inside(*area)),
        }
    }

    fn draw(&self, state: &State, theme: &Theme, buf: &mut Buffer) {
        match self {
            Part::Header(area) => {
                clear(buf, *area);
                header::render_header(state, theme, *area, buf);
            }
            Part::Tabs { area, .. } => {
                clear(buf, *area);
                status::render_tabs(state, theme, *area, buf);
            }
            Part::Frame { area, pane, .. } => {
                for r in pane::ring(*area) {
                    clear(buf, r);
                }
                pane::render_frame(state, theme, *pane, *area, buf);
            }
            Part::Status { area, .. } => {
                clear(buf, *area);
                status::render_status(state, theme, *area, buf);
            }
            Part::Body { area, pane, .. } => pane::render_body(state, theme, *pane, *area, buf),
        }
    }
}

/// The parts of a reading frame, or `None` when the frame is drawn whole; `spare` is room to
/// put them in (a painter keeps the last frame's and one more, rather than allocate on every
/// key).
fn parts(state: &State, spare: Vec<Part>) -> Result<(Vec<Part>, screen::Regions), Vec<Part>> {
    let mut parts = spare;
    parts.clear();
    if screen::is_too_small(state.size) || state.mode.base() == Base::Present {
        return Err(parts);
    }
    let regions = screen::regions(state);
    if regions.overlay.is_some() {
        return Err(parts);
    }
    parts.push(Part::Header(regions.header));
    if let Some(area) = regions.tabs {
        parts.push(Part::Tabs {
            area,
            focus: state.focus,
        });
    }
    for p in Pane::ALL {
        let Some(area) = regions.panes[p.index()] else {
            continue;
        };
        let view = state.view(p);
        parts.push(Part::Frame {
            area,
            pane: p,
            focused: p == state.focus,
            view,
        });
        let current = state
            .search
            .current
            .and_then(|i| state.search.matches.get(i))
            .filter(|m| m.pane == p)
            .copied();
        parts.push(Part::Body {
            area,
            pane: p,
            view,
            needle: state.search.needle.clone(),
            current,
        });
    }
    parts.push(Part::Status {
        area: regions.status,
        key: StatusKey::of(state),
    });
    Ok((parts, regions))
}

/// How many lines the text of a body part scrolled by from `old` to `new` (down when
/// positive), when that is all that changed and the rows it keeps show as they did: the same
/// place, no search marks. None when it moved a pane's height or more.
fn scrolled_by(state: &State, old: &Part, new: &Part) -> Option<isize> {
    let (
        Part::Body {
            area,
            pane,
            view: from,
            needle,
            current,
        },
        Part::Body {
            area: new_area,
            pane: new_pane,
            view: to,
            needle: new_needle,
            current: new_current,
        },
    ) = (old, new)
    else {
        return None;
    };
    if area != new_area
        || pane != new_pane
        || !needle.is_empty()
        || !new_needle.is_empty()
        || current.is_some()
        || new_current.is_some()
    {
        return None;
    }
    let text = text_area(*area);
    let limit = usize::from(text.height);
    let width = text.width.max(1);
    let lines = |a: PaneView, b: PaneView| lines_between(&state.content, *pane, width, a, b, limit);
    if to > from {
        lines(*from, *to).and_then(|n| isize::try_from(n).ok())
    } else {
        lines(*to, *from)
            .and_then(|n| isize::try_from(n).ok())
            .map(|n| -n)
    }
}

/// The lines from view `a` down to view `b` (at or below it) of `pane` at `width`, when fewer
/// than `limit`.
fn lines_between(
    content: &Content,
    pane: Pane,
    width: u16,
    a: PaneView,
    b: PaneView,
    limit: usize,
) -> Option<usize> {
    let mut n = 0;
    let mut v = a;
    while v.item < b.item {
        n += content.height(pane, v.item, width).checked_sub(v.line)?;
        if n >= limit {
            return None;
        }
        v = PaneView {
            item: v.item + 1,
            line: 0,
        };
    }
    n += b.line.checked_sub(v.line)?;
    (n < limit).then_some(n)
}

/// The rectangles of a frame's regions, the panes' in pane order whichever panes they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Layout {
    header: Rect,
    tabs: Option<Rect>,
    panes: [Rect; 4],
    status: Rect,
}

impl Layout {
    fn of(regions: &screen::Regions) -> Layout {
        let mut panes = [Rect::ZERO; 4];
        for (slot, area) in panes.iter_mut().zip(regions.panes.iter().flatten()) {
            *slot = *area;
        }
        Layout {
            header: regions.header,
            tabs: regions.tabs,
            panes,
            status: regions.status,
        }
    }
}

/// What the status line is drawn from (beyond the content, the keymap and the theme): most
/// keys change none of it (a line scrolled inside an item, a pane's frame restyled).
#[derive(Debug, Clone, PartialEq)]
struct StatusKey {
    mode: crate::app::state::Mode,
    focus: Pane,
    /// The focused pane's current item.
    item: usize,
    session: crate::app::state::Session,
    query: String,
    regex: bool,
    invalid: Option<String>,
    matches: usize,
    current: Option<usize>,
    note: Option<String>,
    file_error: Option<String>,
}

impl StatusKey {
    fn of(state: &State) -> StatusKey {
        let focus = state.focus;
        let geo = screen::pane_geometry(state, focus);
        let s = &state.search;
        StatusKey {
            mode: state.mode,
            focus,
            item: crate::app::scroll::current_item(&state.content, focus, geo, state.view(focus)),
            session: state.session,
            query: s.query.clone(),
            regex: s.regex,
            invalid: s.invalid.clone(),
            matches: s.matches.len(),
            current: s.current,
            note: state.note.clone(),
            file_error: state.file_error.clone(),
        }
    }
}

/// What a part shows, for the parts whose glyphs are kept to be put back (see
/// [`Painter::keep_part`]).
#[derive(Debug, Clone, PartialEq)]
enum Look {
    Frame(pane::FrameLook),
    Status(StatusKey),
}

/// Keeps the last frame and what the terminal shows, and repaints only what changed.
#[derive(Debug)]
pub struct Painter {
    theme: Theme,
    /// What the terminal shows.
    shown: Grid,
    /// The frame being built; between frames, the last one.
    next: Buffer,
    /// The parts `next` holds, or none when the next frame must be drawn whole.
    parts: Vec<Part>,
    /// Room for the next frame's parts.
    spare_parts: Vec<Part>,
    /// The rectangles the parts were cut from, when they were.
    layout: Option<Layout>,
    /// The content `next` was drawn from.
    content: Option<Arc<Content>>,
    /// Rectangles redrawn in this frame.
    dirty: Vec<Rect>,
    /// Cells that differ from what the terminal shows, as runs of a row in row order.
    changes: Vec<Span>,
    /// The rows of the dirty rectangles, sorted before they are compared (kept to spare
    /// allocations). One list for the screen rather than one per row: a key then touches the
    /// few rows it changed, not a list head per row of the screen.
    rows: Vec<Span>,
    /// The runs of columns painted in `shown` directly (a pane's text, kept glyphs put back:
    /// see [`Painter::paint_body`]), in the order they were painted; sorted by row and column
    /// when merged with the changes.
    painted: Vec<Span>,
    /// Room to count spans per row in, when sorting them.
    row_counts: Vec<u32>,
    /// Per row, whether `shown` may hold a cell there that is not one column wide (a wide
    /// character, or a zero-width one): such rows are compared as ratatui compares them.
    wide: Vec<bool>,
    /// Room to merge a row's changes in.
    scratch: Vec<Span>,
    /// Room for a span's cells as drawn and as shown, with their widths.
    span: Vec<(Glyph, u16, Glyph, u16)>,
    /// Room to lay out a row of a pane's text in before it is compared.
    row_glyphs: Vec<Glyph>,
    /// The pens of the styles rows were laid out in.
    pens: Pens,
    /// Room for the styled runs of a row of a pane's text.
    runs: Vec<(std::ops::Range<usize>, Style)>,
    /// What the frame of each part (by its place in `parts`) shows in `next`.
    looks: Vec<Option<pane::FrameLook>>,
    /// The glyphs of each part (by its place in `parts`) in the looks it showed last, rectangle
    /// by rectangle as [`Part::rects`] lists them: a pane switch goes back and forth between
    /// two looks of each frame and of the status line, and puts them back without drawing them
    /// again.
    kept: Vec<Vec<(Look, Vec<Glyph>)>>,
}

impl Painter {
    /// A painter for a blank terminal of `size`.
    pub fn new(theme: Theme, size: Size) -> Painter {
        let area = Rect::new(0, 0, size.width, size.height);
        Painter {
            theme,
            shown: Grid::new(area),
            next: Buffer::empty(area),
            parts: Vec::new(),
            spare_parts: Vec::new(),
            layout: None,
            content: None,
            dirty: Vec::new(),
            changes: Vec::new(),
            rows: Vec::new(),
            painted: Vec::new(),
            row_counts: Vec::new(),
            wide: vec![false; usize::from(size.height)],
            scratch: Vec::new(),
            span: Vec::new(),
            row_glyphs: Vec::new(),
            pens: Pens::default(),
            runs: Vec::new(),
            looks: Vec::new(),
            kept: Vec::new(),
        }
    }

    /// Forgets what the terminal shows and takes it as blank, at `size` (after the edge has
    /// cleared the screen, as on a resize): the next frame is drawn whole.
    pub fn reset(&mut self, size: Size) {
        *self = Painter::new(self.theme, size);
    }

    /// The screen the painter paints for.
    pub fn area(&self) -> Rect {
        self.shown.area
    }

    /// The cell at (`x`, `y`) as the terminal will show it once the last changes are written.
    pub fn cell(&self, x: u16, y: u16) -> Option<Shown<'_>> {
        self.shown.get(x, y).map(|g| self.shown.shown(g))
    }

    /// Paints `state` and returns the cells that differ from what the terminal shows, in
    /// the order a terminal writes them best (row by row); from then on they count as shown.
    /// A state of another size than the painter's is painted as blank first.
    pub fn paint(&mut self, state: &State) -> impl Iterator<Item = (u16, u16, Shown<'_>)> {
        self.update(state);
        self.changes()
    }

    /// The cells the last paint changed, in row order.
    pub fn changes(&self) -> impl Iterator<Item = (u16, u16, Shown<'_>)> {
        let shown = &self.shown;
        self.changes.iter().flat_map(move |&span| {
            span.columns()
                .filter_map(move |x| shown.get(x, span.y).map(|g| (x, span.y, shown.shown(g))))
        })
    }

    /// Appends to `out` the escape sequences that show the cells the last paint changed,
    /// those inside `links` as hyperlinks: what [`super::export::write_linked_changes`]
    /// writes for [`Painter::changes`], straight from the painter's screen.
    pub fn write(&mut self, out: &mut Vec<u8>, links: &[crate::ui::hyperlinks::Hyperlink]) {
        let mut enc = Encoder::new(links);
        let mut pen = 0;
        // Runs of consecutive cells of a row; a cell by itself where links must be looked up.
        for &span in &self.changes {
            if links.is_empty() {
                let n = usize::from(span.right - span.left);
                self.shown
                    .write_run(&mut enc, out, (span.left, span.y), n, &mut pen);
            } else {
                for x in span.columns() {
                    self.shown
                        .write_run(&mut enc, out, (x, span.y), 1, &mut pen);
                }
            }
        }
        enc.finish(out);
    }

    /// Paints `state`: afterwards, [`Painter::changes`] are the cells that differ from what
    /// the terminal showed, and count as shown.
    pub fn update(&mut self, state: &State) {
        if self.next.area.width != state.size.width || self.next.area.height != state.size.height {
            self.reset(state.size);
        }
        self.dirty.clear();
        if self.shown.renumber_pens() {
            // The pens kept outside the screen's table are numbered no more.
            self.pens = Pens::default();
            self.kept.iter_mut().for_each(Vec::clear);
        }
        let same_content = self
            .content
            .as_ref()
            .is_some_and(|c| Arc::ptr_eq(c, &state.content));
        match parts(state, std::mem::take(&mut self.spare_parts)) {
            Ok((parts, regions)) => {
                // The parts' rectangles all come from the regions, the panes' in pane order:
                // the same regions, whichever panes show in them, the same rectangles, part
                // for part (a pane switch under tabs shows another pane in the same place).
                let layout = Layout::of(&regions);
                let same_layout =
                    same_content && self.parts.len() == parts.len() && self.layout == Some(layout);
                self.layout = Some(layout);
                if !same_layout {
                    self.next.reset();
                    self.dirty.push(self.next.area);
                    self.looks = vec![None; parts.len()];
                    self.kept = vec![Vec::new(); parts.len()];
                }
                for (i, part) in parts.iter().enumerate() {
                    if same_layout && self.parts.get(i) == Some(part) {
                        continue;
                    }
                    if same_layout
                        && let Part::Body { area, pane, .. } = part
                        && state.content.len(*pane) > 0
                    {
                        let scrolled = self
                            .parts
                            .get(i)
                            .and_then(|old| scrolled_by(state, old, part));
                        self.paint_body(state, *pane, *area, scrolled);
                        continue;
                    }
                    if let Part::Frame { area, pane, .. } = part {
                        self.paint_frame(state, i, *area, *pane, same_layout);
                        continue;
                    }
                    if same_layout
                        && let Part::Status { area, key } = part
                        && self.put_status_back(i, *area, key)
                    {
                        continue;
                    }
                    part.draw(state, &self.theme, &mut self.next);
                    if same_layout {
                        self.dirty
                            .extend(part.rects().into_iter().filter(|r| !r.is_empty()));
                    }
                }
                self.spare_parts = std::mem::replace(&mut self.parts, parts);
            }
            Err(spare) => {
                self.spare_parts = spare;
                self.layout = None;
                self.next.reset();
                draw(state, &self.theme, &mut self.next);
                self.dirty.push(self.next.area);
                self.parts.clear();
            }
        }
        self.content = Some(Arc::clone(&state.content));
        self.diff();
        spans::fill_gaps(&mut self.changes, &self.shown, &mut self.scratch);
    }

    /// Paints the frame of `pane` in `area`, the `i`th part, when its look changed: when only
    /// its scrollbar moved, that side alone; when it shows a look it showed before (a pane
    /// switch, back and forth), the glyphs kept from then, straight into `shown`; else drawn
    /// into `next` and compared as any other part.
    fn paint_frame(&mut self, state: &State, i: usize, area: Rect, pane: Pane, same_layout: bool) {
        // Scrolling inside an item often leaves the title and the thumb as they were.
        let clipped = area.intersection(self.next.area);
        let look = pane::frame_look(state, pane, clipped);
        let Some(known) = self.looks.get(i).copied() else {
            return;
        };
        if same_layout && known == Some(look) {
            return;
        }
        // Most often only the thumb moved: its side alone is drawn again.
        if same_layout
            && let Some(old) = known
            && let Some(side) = pane::redraw_bar(&old, &look, &self.theme, clipped, &mut self.next)
        {
            self.dirty.push(side);
            self.set_look(i, look);
            return;
        }
        if same_layout
            && clipped == area
            && let Some(old) = known
            && old.is_focused() != look.is_focused()
            && self.rows_are_narrow(area)
        {
            let rects = pane::ring(area);
            self.keep_part(i, Look::Frame(old), rects);
            if self.put_kept_part(i, &Look::Frame(look), rects) {
                self.set_look(i, look);
                return;
            }
        }
        // A scroll to another item changes the title's position (and maybe the bar): the
        // other sides show as they did, and are neither drawn nor compared.
        let sides = known
            .filter(|_| same_layout && clipped == area)
            .and_then(|old| pane::changed_sides(&old, &look, area));
        if let Some([_, right]) = sides {
            let top = pane::draw_top_side(&look, &self.theme, area, &mut self.next);
            self.dirty.push(top);
            if !right.is_empty() {
                let right = pane::draw_right_side(&look, &self.theme, area, &mut self.next);
                self.dirty.push(right);
            }
            self.set_look(i, look);
            return;
        }
        for r in pane::ring(area) {
            clear(&mut self.next, r);
        }
        if !clipped.is_empty() {
            pane::draw_frame(&look, &self.theme, clipped, &mut self.next);
        }
        self.set_look(i, look);
        if same_layout {
            self.dirty
                .extend(pane::ring(area).into_iter().filter(|r| !r.is_empty()));
        }
    }

    fn set_look(&mut self, i: usize, look: pane::FrameLook) {
        if let Some(known) = self.looks.get_mut(i) {
            *known = Some(look);
        }
    }

    /// When the status line, the `i`th part, goes from one pane's to another's (a pane
    /// switch), keeps the glyphs it shows and puts back those of the new one if they are kept;
    /// false when it must be drawn.
    fn put_status_back(&mut self, i: usize, area: Rect, key: &StatusKey) -> bool {
        let old = match self.parts.get(i) {
            Some(Part::Status { key: old, .. }) if old.focus != key.focus => old.clone(),
            _ => return false,
        };
        if !self.rows_are_narrow(area) {
            return false;
        }
        let old = Look::Status(old);
        let rects = [area, Rect::ZERO, Rect::ZERO, Rect::ZERO];
        self.keep_part(i, old, rects);
        self.put_kept_part(i, &Look::Status(key.clone()), rects)
    }

    /// Whether every row of `area` holds only glyphs one column wide in `shown`, so that its
    /// cells can be read and put back one for one.
    fn rows_are_narrow(&mut self, area: Rect) -> bool {
        (area.top()..area.bottom()).all(|y| !self.is_wide(y))
    }

    /// Keeps what `shown` holds on `rects` as the glyphs of the `i`th part in `look` (what it
    /// shows since the last frame), unless a glyph is a cluster of the grid's table
    /// (renumbered when the table is rebuilt). Two looks are kept per part.
    fn keep_part(&mut self, i: usize, look: Look, rects: [Rect; 4]) {
        let Some(kept) = self.kept.get_mut(i) else {
            return;
        };
        if kept.iter().any(|(known, _)| *known == look) {
            return;
        }
        let mut glyphs = Vec::with_capacity(cells_of(&rects));
        for r in rects {
            for y in r.top()..r.bottom() {
                glyphs.extend_from_slice(self.shown.row_mut(y, r.left(), r.right()));
            }
        }
        if !glyphs.iter().all(|g| g.is_char()) {
            return;
        }
        if kept.len() >= 2 {
            kept.remove(0);
        }
        kept.push((look, glyphs));
    }

    /// Puts the kept glyphs of the `i`th part in `look` on `rects` in `shown`, noting the
    /// cells that change; false when none are kept.
    fn put_kept_part(&mut self, i: usize, look: &Look, rects: [Rect; 4]) -> bool {
        let Some((_, glyphs)) = self
            .kept
            .get(i)
            .and_then(|kept| kept.iter().find(|(known, _)| known == look))
        else {
            return false;
        };
        if glyphs.len() != cells_of(&rects) {
            return false;
        }
        // Where each rectangle's glyphs start among the kept ones.
        let mut starts = [0usize; 4];
        let mut at = 0;
        for (start, r) in starts.iter_mut().zip(&rects) {
            *start = at;
            at += usize::from(r.width) * usize::from(r.height);
        }
        // Row by row, so the runs noted come in row order (a frame's sides share rows).
        let rows = rects.iter().filter(|r| !r.is_empty());
        let (top, bottom) = rows.fold((u16::MAX, 0), |(t, b), r| {
            (t.min(r.top()), b.max(r.bottom()))
        });
        for y in top..bottom {
            for (r, start) in rects.iter().zip(starts) {
                if y < r.top() || y >= r.bottom() {
                    continue;
                }
                let from = start + usize::from(y - r.top()) * usize::from(r.width);
                let Some(row) = glyphs.get(from..from + usize::from(r.width)) else {
                    continue;
                };
                let shown = self.shown.row_mut(y, r.left(), r.right());
                put_row_glyphs(shown, row, (r.left(), y), &mut self.painted);
            }
        }
        true
    }

    /// Paints the text of a pane that only scrolled or changed its marks: each row straight
    /// into `shown`, cell by cell against what the terminal shows, noting the cells that
    /// change; no cleared rectangle, no second buffer, no segmentation (the line's characters
    /// were measured when it was wrapped). A row with other characters, or where the terminal
    /// may show a wide one, is drawn into `next` and compared as any other part.
    fn paint_body(&mut self, state: &State, pane: Pane, area: Rect, scrolled: Option<isize>) {
        let inside = pane::inside(area).intersection(self.shown.area);
        if inside.is_empty() {
            return;
        }
        // Rows the text only moved to: taken from the row they were on (see
        // `Painter::shift_rows`); the others are laid out.
        let kept = scrolled.map_or(0..0, |lines| self.shift_rows(inside, lines));
        let text = text_area(area);
        let theme = self.theme;
        // The rows left to lay out: those the text did not move to, at one end.
        let rows = if kept.is_empty() {
            inside.top()..inside.bottom()
        } else if kept.start > inside.top() {
            inside.top()..kept.start
        } else {
            kept.end..inside.bottom()
        };
        let mut y_next = rows.start;
        let mut runs = std::mem::take(&mut self.runs);
        pane::visit_rows_with(state, &theme, pane, text, rows, &mut runs, |y, row| {
            if y < inside.top() || y >= inside.bottom() {
                return;
            }
            y_next = y + 1;
            if !kept.contains(&y) {
                self.paint_row(inside, text, y, Some(row));
            }
        });
        self.runs = runs;
        for y in y_next..inside.bottom() {
            if !kept.contains(&y) {
                self.paint_row(inside, text, y, None);
            }
        }
    }

    /// When a pane's text scrolled by `lines` (down when positive) and less than its height,
    /// moves the rows of `inside` that stay in view to where they now show, in `shown`,
    /// noting the cells that change; returns the rows done so. None when a row of `inside`
    /// may hold a cell that is not one column wide (a wide character moved over part of
    /// another pane's row is not one for one).
    fn shift_rows(&mut self, inside: Rect, lines: isize) -> std::ops::Range<u16> {
        let height = usize::from(inside.height);
        let by = lines.unsigned_abs();
        if by == 0 || by >= height || (inside.top()..inside.bottom()).any(|y| self.is_wide(y)) {
            return 0..0;
        }
        let by16 = u16::try_from(by).unwrap_or(u16::MAX);
        let kept = if lines > 0 {
            inside.top()..inside.bottom() - by16
        } else {
            inside.top() + by16..inside.bottom()
        };
        // Down: top to bottom, each row taken from one below that is not yet overwritten; up:
        // bottom to top.
        for i in 0..kept.len() {
            let i = u16::try_from(i).unwrap_or(u16::MAX);
            let y = if lines > 0 {
                kept.start + i
            } else {
                kept.end - 1 - i
            };
            let from = if lines > 0 { y + by16 } else { y - by16 };
            if let Some((to, from)) =
                self.shown
                    .row_pair_mut(y, from, inside.left(), inside.right())
            {
                put_row_span(to, from, (inside.left(), y), &mut self.painted);
            }
        }
        kept
    }

    /// One row of [`Painter::paint_body`]: `row` over a blank row of `inside` (all blank when
    /// `None`). The row's glyphs are laid out first, then compared with what the terminal shows
    /// in one pass: two tight loops rather than a comparison and a branch per character.
    fn paint_row(&mut self, inside: Rect, text: Rect, y: u16, row: Option<&pane::Row<'_>>) {
        let plain = row.is_none_or(|r| r.line.plain);
        if !plain || self.is_wide(y) {
            let r = Rect::new(inside.x, y, inside.width, 1);
            clear(&mut self.next, r);
            if let Some(row) = row {
                pane::put_row(&mut self.next, text, y, row);
            }
            self.dirty.push(r);
            return;
        }
        // Where the text goes: from the text area's left edge, as far as it and the screen
        // reach; blank around it.
        let left = text.left().clamp(inside.left(), inside.right());
        let right = text.right().clamp(left, inside.right());
        let glyphs = &mut self.row_glyphs;
        glyphs.resize(usize::from(inside.width), Glyph::BLANK);
        glyphs.fill(Glyph::BLANK);
        if let Some(row) = row {
            let start = usize::from(left - inside.left());
            let end = usize::from(right - inside.left());
            let mut room = glyphs.get_mut(start..end).unwrap_or_default();
            for (s, style) in row.texts() {
                if room.is_empty() {
                    break;
                }
                let pen = self.pens.pen(&mut self.shown, style);
                let used = lay_out(room, s, pen);
                room = room.get_mut(used..).unwrap_or_default();
            }
        }
        let shown = self.shown.row_mut(y, inside.left(), inside.right());
        put_row_glyphs(shown, glyphs, (inside.left(), y), &mut self.painted);
    }

    /// Whether row `y` of `shown` may hold a cell that is not one column wide; looks again
    /// when it was so, as the row may have been repainted since.
    fn is_wide(&mut self, y: u16) -> bool {
        let Some(wide) = self.wide.get_mut(usize::from(y)) else {
            return true;
        };
        if *wide {
            let shown = &self.shown;
            *wide = shown.row(y).iter().any(|&g| shown.width(g) != 1);
        }
        *wide
    }

    /// Compares the dirty rectangles of `next` with `shown`, row by row, as ratatui's own diff
    /// does (a wide character hides the cells after it, and replacing one redraws them), and
    /// makes `shown` equal to `next` there. Changes come out in row order, then column order,
    /// as the terminal's cursor moves best.
    fn diff(&mut self) {
        self.changes.clear();
        let area = self.next.area;
        let width = usize::from(area.width);
        let rows = &mut self.rows;
        rows.clear();
        for r in &self.dirty {
            let r = r.intersection(area);
            for y in r.top()..r.bottom() {
                rows.push(Span {
                    y,
                    left: r.left(),
                    right: r.right(),
                });
            }
        }
        spans::sort_by_row(rows, &mut self.scratch, &mut self.row_counts);
        spans::sort_by_row(&mut self.painted, &mut self.scratch, &mut self.row_counts);
        let (mut di, mut pi) = (0, 0);
        loop {
            let y = match (self.rows.get(di), self.painted.get(pi)) {
                (Some(d), Some(p)) => d.y.min(p.y),
                (Some(d), None) => d.y,
                (None, Some(p)) => p.y,
                (None, None) => break,
            };
            let row_start = self.changes.len();
            let mut wide = false;
            let mut done = 0u16;
            while let Some(&Span { y: dy, left, right }) = self.rows.get(di) {
                if dy != y {
                    break;
                }
                di += 1;
                // Spans may overlap: compare each column once.
                let left = left.max(done);
                if left >= right {
                    continue;
                }
                done = right;
                let start = usize::from(y) * width + usize::from(left);
                let end = start + usize::from(right - left);
                let Some(next) = self.next.content.get(start..end) else {
                    continue;
                };
                // Each cell drawn and shown, with their widths; then what to write.
                let span = &mut self.span;
                span.clear();
                let shown = &mut self.shown;
                for (x, cur) in (left..).zip(next) {
                    let cur = shown.glyph_of(cur);
                    let old = shown.get(x, y).unwrap_or(Glyph::BLANK);
                    span.push((cur, shown.width(cur), old, shown.width(old)));
                }
                let row = shown.row_mut(y, left, right);
                let mut invalidated = 0u16;
                let mut to_skip = 0u16;
                for ((x, &(cur, cur_width, old, old_width)), g) in
                    (left..).zip(span.iter()).zip(row.iter_mut())
                {
                    if cur != old {
                        if to_skip == 0 {
                            spans::push_cell(&mut self.changes, x, y);
                        }
                        *g = cur;
                    } else if invalidated > 0 && to_skip == 0 {
                        spans::push_cell(&mut self.changes, x, y);
                    }
                    wide |= cur_width != 1;
                    to_skip = cur_width.saturating_sub(1);
                    invalidated = cur_width.max(old_width).max(invalidated).saturating_sub(1);
                }
            }
            if wide && let Some(w) = self.wide.get_mut(usize::from(y)) {
                *w = true;
            }
            let from = pi;
            while self.painted.get(pi).is_some_and(|p| p.y == y) {
                pi += 1;
            }
            if let Some(painted) = self.painted.get(from..pi)
                && !painted.is_empty()
            {
                spans::merge_row(&mut self.changes, row_start, painted, &mut self.scratch);
            }
        }
        self.painted.clear();
    }
}

/// Makes `shown` (a row's cells from column `x` of row `y` on) equal to `glyphs`, noting in
/// `changed` the runs of columns that differ.
fn put_row_glyphs(
    shown: &mut [Glyph],
    glyphs: &[Glyph],
    (x, y): (u16, u16),
    changed: &mut Vec<Span>,
) {
    let n = shown.len().min(glyphs.len());
    let (Some(old), Some(new)) = (shown.get_mut(..n), glyphs.get(..n)) else {
        return;
    };
    if let ([cell], [glyph]) = (&mut *old, new) {
        // One cell (a frame's side).
        if cell != glyph {
            *cell = *glyph;
            spans::push_run(changed, y, x, x.saturating_add(1));
        }
        return;
    }
    let column = |i: usize| x.saturating_add(u16::try_from(i).unwrap_or(u16::MAX));
    let mut at = 0;
    while at < n {
        let (was, now) = (
            old.get(at..).unwrap_or_default(),
            new.get(at..).unwrap_or_default(),
        );
        let same = was.iter().zip(now).take_while(|(a, b)| a == b).count();
        let start = at + same;
        let (was, now) = (
            was.get(same..).unwrap_or_default(),
            now.get(same..).unwrap_or_default(),
        );
        let differ = was.iter().zip(now).take_while(|(a, b)| a != b).count();
        if differ == 0 {
            break;
        }
        at = start + differ;
        spans::push_run(changed, y, column(start), column(at));
    }
    old.copy_from_slice(new);
}

/// Makes `shown` (a row's cells from column `x` of row `y` on) equal to `glyphs`, noting in
/// `changed` the columns from the first that differs to the last: a line moved to another row
/// shares few cells with the one it replaces, and the two ends are where those are (its
/// indent, the blanks after both).
fn put_row_span(
    shown: &mut [Glyph],
    glyphs: &[Glyph],
    (x, y): (u16, u16),
    changed: &mut Vec<Span>,
) {
    let n = shown.len().min(glyphs.len());
    let (Some(old), Some(new)) = (shown.get_mut(..n), glyphs.get(..n)) else {
        return;
    };
    let differs = |(a, b): (&Glyph, &Glyph)| a != b;
    let first = old.iter().zip(new).position(differs);
    let last = old.iter().zip(new).rposition(differs);
    if let (Some(first), Some(last)) = (first, last) {
        let column = |i: usize| x.saturating_add(u16::try_from(i).unwrap_or(u16::MAX));
        spans::push_run(changed, y, column(first), column(last + 1));
    }
    old.copy_from_slice(new);
}

/// Lays out the characters of `s` (each one column wide, see [`crate::app::text::is_plain`])
/// in pen `pen` from the start of `room`, as far as it goes; returns how many cells it took.
/// The bytes are read once: ASCII as it is, other characters decoded from their UTF-8.
fn lay_out(room: &mut [Glyph], s: &str, pen: u32) -> usize {
    let mut bytes = s.bytes();
    let mut used = 0;
    for g in room.iter_mut() {
        let Some(b) = bytes.next() else {
            break;
        };
        *g = if b < 0x80 {
            Glyph::plain(char::from(b), pen)
        } else {
            // A lead byte, then its continuation bytes: `s` is valid UTF-8.
            let (len, lead) = match b {
                0xc0..=0xdf => (1, u32::from(b & 0x1f)),
                0xe0..=0xef => (2, u32::from(b & 0x0f)),
                _ => (3, u32::from(b & 0x07)),
            };
            let c = bytes
                .by_ref()
                .take(len)
                .fold(lead, |c, next| c << 6 | u32::from(next & 0x3f));
            Glyph::plain(
                char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER),
                pen,
            )
        };
        used += 1;
    }
    used
}

/// The pens of the styles a pane's text is drawn in, as numbers of the screen's table: a row
/// looks up one to three, out of a handful for the whole briefing.
#[derive(Debug, Default)]
struct Pens {
    known: Vec<(Style, u32)>,
}

impl Pens {
    /// The number of `style`'s pen in `grid`'s table.
    fn pen(&mut self, grid: &mut Grid, style: Style) -> u32 {
        if let Some(&(_, pen)) = self.known.iter().find(|(s, _)| *s == style) {
            return pen;
        }
        let pen = grid.pen(pen_of(style));
        // A theme has a few dozen styles at most; past that, look them up as they come.
        if self.known.len() < 64 {
            self.known.push((style, pen));
        }
        pen
    }
}

/// How many cells `rects` cover.
fn cells_of(rects: &[Rect; 4]) -> usize {
    rects
        .iter()
        .map(|r| usize::from(r.width) * usize::from(r.height))
        .sum()
}

/// The style a cell of `style` has, drawn over a blank one.
fn pen_of(style: Style) -> Pen {
    let mut cell = Cell::EMPTY;
    cell.set_style(style);
    Pen::of(&cell)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::screen::text_area;
    use crate::app::{Key, press};
    use crate::model::Lang;
    use crate::ui::put::is_one_column;
    use ratatui::buffer::CellWidth;

    fn symbol_width(s: &str) -> u16 {
        if is_one_column(s) { 1 } else { s.cell_width() }
    }

    fn frame_of(state: &State) -> Buffer {
        let mut buf = Buffer::empty(Rect::new(0, 0, state.size.width, state.size.height));
        super::super::render(state, &Theme::default(), &mut buf);
        buf
    }

    /// A terminal shows nothing of the cells a wide character covers, and the painter, as
    /// ratatui, writes none: take them as what `frame` has there.
    fn hide_covered(frame: &Buffer, terminal: &mut Buffer) {
        let mut covered = 0u16;
        for (i, cell) in frame.content.iter().enumerate() {
            if covered > 0 {
                terminal.content[i] = cell.clone();
                covered -= 1;
            } else {
                covered = symbol_width(cell.symbol()).saturating_sub(1);
            }
        }
    }

    /// Paints `keys` one at a time and checks after each that the terminal, fed only the
    /// changed cells, shows what a whole render shows.
    fn check(size: Size, keys: &str) {
        check_with(crate::model::bundled().unwrap(), size, keys);
    }

    /// The bundled briefing's quotes and threats many times over, some with wide characters
    /// and combining marks (rows the painter must compare as ratatui does), and a title of
    /// wide characters (a header row of them beside nothing).
    fn long_and_mixed() -> crate::model::Briefing {
        let one = crate::model::bundled().unwrap();
        let mut b = one.clone();
        for i in 0..12 {
            for q in &one.quotes {
                let mut q = q.clone();
                if i % 3 == 1 {
                    q.text = format!("漢字の引用 {} 終わり", q.text);
                } else if i % 3 == 2 {
                    q.text = q.text.replace('e', "e\u{301}");
                }
                b.quotes.push(q);
            }
            b.threats.extend(one.threats.iter().cloned());
        }
        b
    }

    /// The first cell (column, row) where two terminals' screens differ: symbol (an erased
    /// cell shows as a space), colours or attributes.
    fn differing_cell(a: &vt100::Screen, b: &vt100::Screen, size: Size) -> Option<(u16, u16)> {
        let look = |c: &vt100::Cell| {
            let symbol = if c.has_contents() { c.contents() } else { " " };
            let attrs = (c.bold(), c.italic(), c.underline(), c.inverse(), c.dim());
            (
                symbol.to_string(),
                c.fgcolor(),
                c.bgcolor(),
                attrs,
                c.is_wide(),
            )
        };
        (0..size.height)
            .flat_map(|y| (0..size.width).map(move |x| (x, y)))
            .find(|&(x, y)| a.cell(y, x).map(look) != b.cell(y, x).map(look))
    }

    fn check_with(b: crate::model::Briefing, size: Size, keys: &str) {
        let mut state = State::new(b, Lang::Fr, size);
        let mut painter = Painter::new(Theme::default(), size);
        let mut terminal = Buffer::empty(Rect::new(0, 0, size.width, size.height));
        let mut last = Buffer::empty(Rect::new(0, 0, size.width, size.height));
        let vt = || {
            let n = |v: u16| std::num::NonZeroU16::new(v.max(1)).unwrap();
            vt100::Parser::new(n(size.height), n(size.width), 0)
        };
        // Terminals fed the painter's bytes and the general encoder's.
        let mut vts = (vt(), vt());
        let mut step = |state: &State, painter: &mut Painter| {
            let mut changed = Vec::new();
            for (x, y, cell) in painter.paint(state) {
                terminal[(x, y)] = cell.to_cell();
                changed.push((x, y));
            }
            // The painter's own encoder writes what the general one writes for its changes,
            // links or not.
            let links = [crate::ui::hyperlinks::Hyperlink {
                y: size.height / 2,
                x: 3..size.width / 2,
                url: "https://x.org".into(),
            }];
            for links in [&links[..], &[]] {
                let (mut ours, mut theirs) = (Vec::new(), Vec::new());
                painter.write(&mut ours, links);
                crate::ui::export::write_linked_changes(&mut theirs, painter.changes(), links);
                if !links.is_empty() {
                    // Written a cell at a time, to look each one's link up: the same bytes.
                    assert_eq!(ours, theirs, "after {keys:?} at {size:?}");
                    continue;
                }
                // Blank runs may be erased rather than written: the same screen, in fewer
                // bytes.
                vts.0.process(&ours);
                vts.1.process(&theirs);
                assert_eq!(
                    differing_cell(vts.0.screen(), vts.1.screen(), size),
                    None,
                    "after {keys:?} at {size:?}"
                );
                assert!(ours.len() <= theirs.len(), "after {keys:?} at {size:?}");
            }
            let whole = frame_of(state);
            // A wide character replaced by a narrow one: the cell it covered is written again,
            // whatever it holds (a terminal may keep half of the old character there).
            for (i, (before, now)) in last.content.iter().zip(&whole.content).enumerate() {
                let (x, y) = whole.pos_of(i);
                if symbol_width(before.symbol()) == 2
                    && symbol_width(now.symbol()) == 1
                    && x + 1 < size.width
                {
                    assert!(
                        changed.contains(&(x + 1, y)),
                        "after {keys:?} at {size:?}: ({}, {y}) not written again",
                        x + 1
                    );
                }
            }
            last = whole.clone();
            hide_covered(&whole, &mut terminal);
            let first = (0..whole.content.len()).find(|&i| terminal.content[i] != whole.content[i]);
            let at = first.map(|i| (whole.pos_of(i), &terminal.content[i], &whole.content[i]));
            assert!(
                first.is_none(),
                "after {keys:?}, first difference at {at:?}"
            );
        };
        step(&state, &mut painter);
        for key in crate::app::parse_keys(keys).unwrap() {
            press(&mut state, key);
            step(&state, &mut painter);
        }
    }

    #[test]
    fn painted_frames_equal_whole_renders_while_reading() {
        check(Size::new(120, 40), "2jjjj<C-d>]]ll<S-Tab>4G");
        check(Size::new(80, 24), "jjj<Tab>jj2<End>kk1");
        check(Size::new(40, 12), "jj<Tab>jj<Tab><Tab>j");
    }

    #[test]
    fn painted_frames_equal_whole_renders_with_wide_characters_typed() {
        check(Size::new(80, 24), "/中");
        check(Size::new(80, 24), "/a中b<BS><BS>");
    }

    #[test]
    fn painted_frames_equal_whole_renders_across_modes() {
        check(
            Size::new(100, 30),
            "2j<Enter>jj<Enter>/INTERPOL<Enter>nnN<Esc>?j?pjj<Esc>",
        );
    }

    #[test]
    fn painted_frames_equal_whole_renders_over_wide_and_combining_text() {
        check_with(
            long_and_mixed(),
            Size::new(120, 40),
            "2jjjjjjjjjjjjjjjjjjjj<C-d><C-d>kkkk/漢字<Enter>nnnN<Esc>4jjj<C-d>",
        );
        check_with(
            long_and_mixed(),
            Size::new(80, 24),
            "2<C-d><C-d>jjjjkkk<Enter>jjjj",
        );
    }

    #[test]
    fn painted_frames_equal_whole_renders_switching_panes_back_and_forth() {
        check(Size::new(200, 60), "lhlhlh2jlhl<Tab>hjj1lhlh");
        check(Size::new(40, 12), "lhlhjlh");
        check_with(
            long_and_mixed(),
            Size::new(120, 40),
            "lhlh2jjjhlhl/漢字<Enter>lhlh<Esc>lh",
        );
    }

    #[test]
    fn switching_back_puts_the_kept_frames_and_status_line_back_without_drawing_them() {
        let b = crate::model::bundled().unwrap();
        let size = Size::new(200, 60);
        let mut state = State::new(b, Lang::Fr, size);
        let mut painter = Painter::new(Theme::default(), size);
        painter.update(&state);
        let kept: Vec<Rect> = painter
            .parts
            .iter()
            .filter(|p| matches!(p, Part::Frame { .. } | Part::Status { .. }))
            .flat_map(Part::rects)
            .filter(|r| !r.is_empty())
            .collect();
        for key in ['l', 'h', 'l'] {
            press(&mut state, Key::Char(key));
            painter.update(&state);
        }
        // The second switch found each frame's look and the status line of before the first.
        assert!(
            painter.dirty.iter().all(|r| !kept.contains(r)),
            "{:?}",
            painter.dirty
        );
        let rows: Vec<u16> = painter.changes.iter().map(|span| span.y).collect();
        assert!(rows.contains(&(size.height - 1)), "the status line changes");
        assert!(rows.len() > 4, "the two frames change");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

        /// Whatever the keys and the size, a terminal fed only the cells the painter says
        /// changed (most of them painted straight into what it shows) shows the whole render.
        #[test]
        fn painted_frames_equal_whole_renders_for_random_keys_and_sizes(
            keys in proptest::collection::vec(
                proptest::sample::select(vec![
                    "j", "k", "j", "j", "k", "<C-d>", "<C-u>", "G", "g", "l", "h", "1", "2",
                    "3", "4", "<Enter>", "]", "[", "n", "N", "/e<Enter>", "/漢<Enter>",
                    "<Esc>", "<Space>", "b",
                ]),
                1..40,
            ),
            w in 20u16..=200,
            h in 10u16..=60,
        ) {
            check_with(long_and_mixed(), Size::new(w, h), &keys.join(" "));
        }
    }

    #[test]
    fn scrolling_one_pane_repaints_only_that_pane_and_the_status_line() {
        let b = crate::model::bundled().unwrap();
        let size = Size::new(200, 60);
        let mut state = State::new(b, Lang::Fr, size);
        let mut painter = Painter::new(Theme::default(), size);
        let _ = painter.paint(&state).count();
        press(&mut state, Key::Char('2'));
        let _ = painter.paint(&state).count();
        press(&mut state, Key::Char('j'));
        let changed: Vec<(u16, u16)> = painter.paint(&state).map(|(x, y, _)| (x, y)).collect();
        let quotes = screen::regions(&state).panes[Pane::Quotes.index()].unwrap();
        let status = screen::regions(&state).status;
        // Only the quotes pane and the status line were drawn and compared.
        let inside = |r: &Rect| quotes.intersection(*r) == *r || status.intersection(*r) == *r;
        assert!(painter.dirty.iter().all(inside), "{:?}", painter.dirty);
        assert!(!changed.is_empty());
        assert!(
            changed
                .iter()
                .all(|&(x, y)| quotes.contains((x, y).into()) || status.contains((x, y).into())),
            "{changed:?}"
        );
        // Painting the same state again writes nothing.
        assert_eq!(painter.paint(&state).count(), 0);
    }

    #[test]
    fn scrolling_inside_an_item_redraws_only_the_side_of_the_frame_with_the_scrollbar() {
        let size = Size::new(200, 60);
        let mut state = State::new(long_and_mixed(), Lang::Fr, size);
        let mut painter = Painter::new(Theme::default(), size);
        press(&mut state, Key::Char('2'));
        let _ = painter.paint(&state).count();
        let quotes = screen::regions(&state).panes[Pane::Quotes.index()].unwrap();
        let [top, bottom, left, right] = pane::ring(quotes);
        let bar_of = |state: &State| {
            let frame = frame_of(state);
            (right.top()..right.bottom())
                .map(|y| frame[(right.x, y)].clone())
                .collect::<Vec<_>>()
        };
        let (mut moved, mut still) = (0, 0);
        for _ in 0..120 {
            let before = StatusKey::of(&state);
            let bar_before = bar_of(&state);
            press(&mut state, Key::Char('j'));
            let _ = painter.paint(&state).count();
            if StatusKey::of(&state).item != before.item {
                continue;
            }
            // Same item, so the same title: of the ring, only the side with the bar, and
            // only when its thumb moved.
            for r in [top, bottom, left] {
                assert!(
                    painter.dirty.iter().all(|d| d.intersection(r).is_empty()),
                    "{:?}",
                    painter.dirty
                );
            }
            if bar_of(&state) == bar_before {
                assert!(
                    painter
                        .dirty
                        .iter()
                        .all(|d| d.intersection(right).is_empty()),
                    "{:?}",
                    painter.dirty
                );
                still += 1;
            } else {
                assert!(painter.dirty.contains(&right), "{:?}", painter.dirty);
                moved += 1;
            }
        }
        assert!(moved > 3 && still > 10, "{moved} {still}");
    }

    #[test]
    fn switching_panes_repaints_two_frames_and_the_status_line() {
        let b = crate::model::bundled().unwrap();
        let size = Size::new(200, 60);
        let mut state = State::new(b, Lang::Fr, size);
        let mut painter = Painter::new(Theme::default(), size);
        let _ = painter.paint(&state).count();
        press(&mut state, Key::Char('l'));
        let _ = painter.paint(&state).count();
        let cells: u32 = painter.dirty.iter().map(|r| r.area()).sum();
        let regions = screen::regions(&state);
        let ring = |p: Pane| {
            let r = regions.panes[p.index()].unwrap();
            2 * u32::from(r.width) + 2 * u32::from(r.height) - 4
        };
        let expected = ring(Pane::Summary) + ring(Pane::Quotes) + u32::from(size.width);
        assert_eq!(cells, expected, "{:?}", painter.dirty);
    }

    #[test]
    fn switching_panes_under_tabs_leaves_the_header_undrawn() {
        let b = crate::model::bundled().unwrap();
        let size = Size::new(80, 24);
        let mut state = State::new(b, Lang::Fr, size);
        let mut painter = Painter::new(Theme::default(), size);
        let _ = painter.paint(&state).count();
        press(&mut state, Key::Char('l'));
        let _ = painter.paint(&state).count();
        let regions = screen::regions(&state);
        assert!(regions.tabs.is_some(), "{regions:?}");
        // Another pane in the same place: the same layout, so the header is not drawn again.
        let header = regions.header;
        assert!(
            painter
                .dirty
                .iter()
                .all(|r| r.intersection(header).is_empty()),
            "{:?}",
            painter.dirty
        );
    }

    #[test]
    fn text_area_of_a_pane_is_inside_its_frame() {
        let area = Rect::new(3, 4, 30, 10);
        let inside = pane::inside(area);
        assert_eq!(inside.intersection(text_area(area)), text_area(area));
        assert_eq!(inside, Rect::new(4, 5, 28, 8));
    }
}
