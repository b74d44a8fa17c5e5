//! Repaints only what changed since the last frame. A reading frame is cut into parts (the
//! header, the tab bar, each pane's frame and body, the status line), each with a key made of
//! everything it is drawn from; a part is redrawn only when its key changed, and only the
//! cells of redrawn parts are compared with what the terminal shows. Scrolling one pane so
//! costs that pane and the status line, switching panes two frames and the status line.
//!
//! Anything else (slides, overlays, a screen too small) is drawn whole, as [`super::render`]
//! draws it. Pure: the edge writes the changed cells wherever it likes. A property test holds
//! every painted frame equal to [`super::render`]'s.

use std::sync::Arc;

use ratatui::buffer::{Buffer, Cell, CellWidth};
use ratatui::layout::Rect;

use crate::app::content::Content;
use crate::app::screen;
use crate::app::state::{Base, Match, Pane, PaneView, Size, State};
use crate::app::text::Needle;
use crate::ui::put::{clear, is_one_column};
use crate::ui::{Theme, draw, header, pane, status};

/// One part of a reading frame and what it is drawn from (beyond the content and theme,
/// which are the same for every part of a painter's frames).
#[derive(Debug, Clone, PartialEq)]
enum Part {
    Header(Rect),
    Tabs {
        area: Rect,
        focus: Pane,
    },
    Frame {
        area: Rect,
        pane: Pane,
        focused: bool,
        zoomed: bool,
        view: PaneView,
    },
    Body {
        area: Rect,
        pane: Pane,
        view: PaneView,
        needle: Needle,
        current: Option<Match>,
    },
}

impl Part {
    /// The cells this part owns.
    fn rects(&self) -> Vec<Rect> {
        match self {
            Part::Header(area) | Part::Tabs { area, .. } => vec![*area],
            Part::Frame { area, .. } => pane::ring(*area).to_vec(),
            Part::Body { area, .. } => vec![pane::inside(*area)],
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
            Part::Body { area, pane, .. } => pane::render_body(state, theme, *pane, *area, buf),
        }
    }
}

/// The parts of a reading frame, or `None` when the frame is drawn whole.
fn parts(state: &State) -> Option<(Vec<Part>, Rect)> {
    if screen::is_too_small(state.size) || state.mode.base() == Base::Present {
        return None;
    }
    let regions = screen::regions(state);
    if regions.overlay.is_some() {
        return None;
    }
    let mut parts = vec![Part::Header(regions.header)];
    if let Some(area) = regions.tabs {
        parts.push(Part::Tabs {
            area,
            focus: state.focus,
        });
    }
    let zoomed = state.mode.base() == Base::Zoom;
    for p in Pane::ALL {
        let Some(area) = regions.panes[p.index()] else {
            continue;
        };
        let view = state.view(p);
        parts.push(Part::Frame {
            area,
            pane: p,
            focused: p == state.focus,
            zoomed,
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
    Some((parts, regions.status))
}

/// Keeps the last frame and what the terminal shows, and repaints only what changed.
#[derive(Debug)]
pub struct Painter {
    theme: Theme,
    /// What the terminal shows.
    shown: Buffer,
    /// The frame being built; between frames, the last one.
    next: Buffer,
    /// The parts `next` holds, or none when the next frame must be drawn whole.
    parts: Vec<Part>,
    /// The content `next` was drawn from.
    content: Option<Arc<Content>>,
    /// Rectangles redrawn in this frame.
    dirty: Vec<Rect>,
    /// Cells that differ from what the terminal shows.
    changes: Vec<(u16, u16)>,
    /// The dirty spans of each row, in column order (kept to spare allocations).
    rows: Vec<Vec<(u16, u16)>>,
}

impl Painter {
    /// A painter for a blank terminal of `size`.
    pub fn new(theme: Theme, size: Size) -> Painter {
        let area = Rect::new(0, 0, size.width, size.height);
        Painter {
            theme,
            shown: Buffer::empty(area),
            next: Buffer::empty(area),
            parts: Vec::new(),
            content: None,
            dirty: Vec::new(),
            changes: Vec::new(),
            rows: vec![Vec::new(); usize::from(size.height)],
        }
    }

    /// Forgets what the terminal shows and takes it as blank, at `size` (after the edge has
    /// cleared the screen, as on a resize): the next frame is drawn whole.
    pub fn reset(&mut self, size: Size) {
        *self = Painter::new(self.theme, size);
    }

    /// The frame as the terminal will show it once the last changes are written.
    pub fn shown(&self) -> &Buffer {
        &self.shown
    }

    /// Paints `state` and returns the cells that differ from what the terminal shows, in
    /// the order a terminal writes them best (row by row); from then on they count as shown.
    /// A state of another size than the painter's is painted as blank first.
    pub fn paint(&mut self, state: &State) -> impl Iterator<Item = (u16, u16, &Cell)> {
        if self.next.area.width != state.size.width || self.next.area.height != state.size.height {
            self.reset(state.size);
        }
        self.dirty.clear();
        let same_content = self
            .content
            .as_ref()
            .is_some_and(|c| Arc::ptr_eq(c, &state.content));
        match parts(state) {
            Some((parts, status_area)) => {
                let same_layout = same_content
                    && self.parts.len() == parts.len()
                    && self
                        .parts
                        .iter()
                        .zip(&parts)
                        .all(|(a, b)| a.rects() == b.rects());
                if !same_layout {
                    self.next.reset();
                    self.dirty.push(self.next.area);
                }
                for (i, part) in parts.iter().enumerate() {
                    if same_layout && self.parts.get(i) == Some(part) {
                        continue;
                    }
                    part.draw(state, &self.theme, &mut self.next);
                    if same_layout {
                        self.dirty.extend(part.rects());
                    }
                }
                // The status line changes with nearly every key and is one row: always drawn.
                clear(&mut self.next, status_area);
                status::render_status(state, &self.theme, status_area, &mut self.next);
                self.dirty.push(status_area);
                self.parts = parts;
            }
            None => {
                self.next.reset();
                draw(state, &self.theme, &mut self.next);
                self.dirty.push(self.next.area);
                self.parts.clear();
            }
        }
        self.content = Some(Arc::clone(&state.content));
        self.diff();
        let shown = &self.shown.content;
        let width = usize::from(self.shown.area.width);
        self.changes.iter().filter_map(move |&(x, y)| {
            let i = usize::from(y) * width + usize::from(x);
            shown.get(i).map(|c| (x, y, c))
        })
    }

    /// Compares the dirty rectangles of `next` with `shown`, row by row, as ratatui's own diff
    /// does (a wide character hides the cells after it, and replacing one redraws them), and
    /// makes `shown` equal to `next` there. Changes come out in row order, then column order,
    /// as the terminal's cursor moves best, without sorting them.
    fn diff(&mut self) {
        self.changes.clear();
        let area = self.next.area;
        let width = usize::from(area.width);
        let rows = &mut self.rows;
        rows.iter_mut().for_each(Vec::clear);
        for r in &self.dirty {
            let r = r.intersection(area);
            for y in r.top()..r.bottom() {
                if let Some(row) = rows.get_mut(usize::from(y)) {
                    row.push((r.left(), r.right()));
                }
            }
        }
        for (y, spans) in (0u16..).zip(rows.iter_mut()) {
            spans.sort_unstable();
            let mut done = 0u16;
            for &(left, right) in spans.iter() {
                // Spans may overlap: compare each column once.
                let left = left.max(done);
                if left >= right {
                    continue;
                }
                done = right;
                let start = usize::from(y) * width + usize::from(left);
                let end = start + usize::from(right - left);
                let (Some(next), Some(shown)) = (
                    self.next.content.get(start..end),
                    self.shown.content.get_mut(start..end),
                ) else {
                    continue;
                };
                let mut invalidated = 0u16;
                let mut to_skip = 0u16;
                for (x, (cur, old)) in (left..).zip(next.iter().zip(shown.iter_mut())) {
                    let (cur_symbol, old_symbol) = (cur.symbol(), old.symbol());
                    let cur_width = symbol_width(cur_symbol);
                    let old_width = symbol_width(old_symbol);
                    // Most changed cells differ by their symbol: that settles it without the
                    // full comparison.
                    if !same_symbol(cur_symbol, old_symbol) || cur != old {
                        if to_skip == 0 {
                            self.changes.push((x, y));
                        }
                        old.clone_from(cur);
                    } else if invalidated > 0 && to_skip == 0 {
                        self.changes.push((x, y));
                    }
                    to_skip = cur_width.saturating_sub(1);
                    invalidated = cur_width.max(old_width).max(invalidated).saturating_sub(1);
                }
            }
        }
    }
}

/// Symbols are nearly always one byte: compare those without a call to `memcmp`.
fn same_symbol(a: &str, b: &str) -> bool {
    match (a.as_bytes(), b.as_bytes()) {
        ([x], [y]) => x == y,
        (a, b) => a == b,
    }
}

fn symbol_width(s: &str) -> u16 {
    if is_one_column(s) { 1 } else { s.cell_width() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::screen::text_area;
    use crate::app::{Key, press};
    use crate::model::Lang;

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
        let b = crate::model::bundled().unwrap();
        let mut state = State::new(b, Lang::Fr, size);
        let mut painter = Painter::new(Theme::default(), size);
        let mut terminal = Buffer::empty(Rect::new(0, 0, size.width, size.height));
        let mut step = |state: &State, painter: &mut Painter| {
            for (x, y, cell) in painter.paint(state) {
                terminal[(x, y)] = cell.clone();
            }
            let whole = frame_of(state);
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
    fn text_area_of_a_pane_is_inside_its_frame() {
        let area = Rect::new(3, 4, 30, 10);
        let inside = pane::inside(area);
        assert_eq!(inside.intersection(text_area(area)), text_area(area));
        assert_eq!(inside, Rect::new(4, 5, 28, 8));
    }
}
