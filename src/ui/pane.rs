//! One pane: a bordered box, its title with the position, the visible lines with search
//! matches marked, and a scrollbar when the content overflows.
//!
//! The frame (borders, title, scrollbar) and the body (the text inside) are drawn apart, so
//! the [`Painter`](super::Painter) can redraw one without the other: switching panes redraws
//! two frames, scrolling one pane redraws its frame and body. Each draws every cell it owns,
//! and nothing outside: the frame its outer ring, the body the rectangle inside.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::style::Style;
use ratatui::symbols::border;

use crate::app::content::Line;
use crate::app::screen::{Geometry, text_area};
use crate::app::scroll;
use crate::app::state::{Pane, State};
use crate::ui::Theme;
use crate::ui::put::{clear, put_str};

/// Draws the whole pane: frame and body.
pub(super) fn render_pane(state: &State, theme: &Theme, pane: Pane, area: Rect, buf: &mut Buffer) {
    render_frame(state, theme, pane, area, buf);
    render_body(state, theme, pane, area, buf);
}

/// The ring of cells the frame owns: the outer rows and columns of `area`.
pub(super) fn ring(area: Rect) -> [Rect; 4] {
    let bottom = area.bottom().saturating_sub(1);
    let right = area.right().saturating_sub(1);
    let inner_h = area.height.saturating_sub(2);
    [
        Rect::new(area.x, area.y, area.width, area.height.min(1)),
        Rect::new(area.x, bottom, area.width, u16::from(area.height > 1)),
        Rect::new(area.x, area.y.saturating_add(1), area.width.min(1), inner_h),
        Rect::new(
            right,
            area.y.saturating_add(1),
            u16::from(area.width > 1),
            inner_h,
        ),
    ]
}

/// The rectangle inside the frame that the body owns.
pub(super) fn inside(area: Rect) -> Rect {
    area.inner(Margin {
        vertical: 1,
        horizontal: 1,
    })
}

fn geometry(area: Rect) -> Geometry {
    let text = text_area(area);
    Geometry {
        width: text.width.max(1),
        height: text.height,
    }
}

/// What a pane's frame shows: drawing it is all that is left. Worked out on every frame that
/// moves the pane, so it holds no text of its own: the title is written out only to be drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct FrameLook {
    /// The pane's number, from 1.
    number: usize,
    /// The pane's name.
    label: &'static str,
    /// The current item and the number of items, when there are any.
    position: Option<(usize, usize)>,
    /// The focused pane's frame is thick.
    focused: bool,
    /// The scrollbar as drawn, when the content overflows: most keys that scroll a long pane
    /// leave its thumb where it was, and then the frame is not drawn again.
    bar: Option<Thumb>,
}

/// Where a vertical scrollbar's thumb is drawn on its track, in cells, as ratatui's
/// `Scrollbar` places it (a test holds the two equal): the track is the bar's column between
/// its two arrows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Thumb {
    /// Track cells above the thumb.
    start: usize,
    /// Thumb cells.
    len: usize,
    /// All the track's cells.
    track: usize,
}

impl Thumb {
    /// The thumb of `b` on a track of `track` cells (`None` when ratatui draws no bar: no
    /// track, or nothing to scroll through). The thumb's length is the viewport's share of the
    /// positions, its start the position's, each rounded to the nearest cell; it is at least
    /// one cell long and always fits on the track.
    fn of(b: scroll::Bar, track: usize) -> Option<Thumb> {
        if b.content == 0 || track == 0 {
            return None;
        }
        let nearest = |n: usize, d: usize| n.saturating_add(d / 2) / d;
        let last = b.content - 1;
        let viewport = if b.viewport == 0 {
            track + 2
        } else {
            b.viewport
        };
        let span = last.saturating_add(viewport);
        if span == 0 {
            return Some(Thumb {
                start: 0,
                len: track,
                track,
            });
        }
        let len = nearest(viewport.saturating_mul(track), span).clamp(1, track);
        let start = nearest(b.position.min(last).saturating_mul(track), span).min(track - len);
        Some(Thumb { start, len, track })
    }
}

impl FrameLook {
    /// Whether this is the focused pane's frame.
    pub(super) fn is_focused(&self) -> bool {
        self.focused
    }

    /// The title: a marker on the focused pane, the number, the name and the position.
    fn title(&self) -> String {
        use std::fmt::Write as _;
        let mut title = String::with_capacity(32);
        if self.focused {
            title.push('▶');
        }
        let _ = write!(title, " {} {} ", self.number, self.label);
        if let Some((current, len)) = self.position {
            let _ = write!(title, "{current}/{len} ");
        }
        title
    }
}

/// Draws the borders, the title with the position, and the scrollbar when the content
/// overflows. The borders are drawn cell by cell on the ring only, as ratatui's bordered
/// `Block` would draw them (a test holds the two equal), without touching the inside.
pub(super) fn render_frame(state: &State, theme: &Theme, pane: Pane, area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    draw_frame(&frame_look(state, pane, area), theme, area, buf);
}

/// What the frame of `pane` in `area` shows.
pub(super) fn frame_look(state: &State, pane: Pane, area: Rect) -> FrameLook {
    let labels = state.lang().labels();
    let focused = pane == state.focus;
    let content = &state.content;
    let geo = geometry(area);
    let view = state.view(pane);
    let len = content.len(pane);
    let current = scroll::current_item(content, pane, geo, view);

    // By line, not by item: a long item moves the thumb as it scrolls, and the thumb's
    // length is the share of the lines in view (see scroll::bar for long panes).
    // The bar's column runs between the frame's corners, an arrow at each end.
    let track = usize::from(area.height.saturating_sub(4));
    let bar = (len > 0 && area.height > 2 && !scroll::fits(content, pane, geo))
        .then(|| Thumb::of(scroll::bar_on(content, pane, geo, view, track), track))
        .flatten();
    FrameLook {
        number: pane.index() + 1,
        label: labels.panes[pane.index()],
        position: (len > 0).then_some((current + 1, len)),
        focused,
        bar,
    }
}

/// Draws `look` on the ring of `area`.
pub(super) fn draw_frame(look: &FrameLook, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    let focused = look.focused;
    let set = if focused {
        border::THICK
    } else {
        border::PLAIN
    };
    draw_box(
        area,
        set,
        theme.border(focused),
        &look.title(),
        theme.pane_title(focused),
        buf,
    );
    if let Some(b) = look.bar {
        draw_bar(b, theme.border(focused), area, buf);
    }
}

/// Draws the scrollbar `t` over the right side of the frame of `area` (already clipped), as
/// ratatui's `Scrollbar` with arrows draws it: an arrow at each end, the thumb on a double
/// line, in `style` over the border's.
fn draw_bar(t: Thumb, style: Style, area: Rect, buf: &mut Buffer) {
    let Some(x) = area.right().checked_sub(1) else {
        return;
    };
    let top = area.y.saturating_add(1);
    let track = ratatui::symbols::scrollbar::DOUBLE_VERTICAL;
    let cells = std::iter::once("↑")
        .chain(std::iter::repeat_n(track.track, t.start))
        .chain(std::iter::repeat_n(track.thumb, t.len))
        .chain(std::iter::repeat_n(track.track, t.track - t.start - t.len))
        .chain(std::iter::once("↓"));
    for (y, symbol) in (top..area.bottom().saturating_sub(1)).zip(cells) {
        if let Some(c) = buf.cell_mut((x, y)) {
            c.set_symbol(symbol).set_style(style);
        }
    }
}

/// When the frame of `area` (already clipped) goes from `old` to `new` by its scrollbar
/// alone (a scroll inside the pane), draws the right side again as [`draw_frame`] draws it
/// and says which cells it drew: the title, the corners and the other sides are left as they
/// are. `None` when more than the scrollbar changed.
pub(super) fn redraw_bar(
    old: &FrameLook,
    new: &FrameLook,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) -> Option<Rect> {
    let area = area.intersection(buf.area);
    let same_title = (old.number, old.label, old.position, old.focused)
        == (new.number, new.label, new.position, new.focused);
    if !same_title || area.width < 2 {
        return None;
    }
    let (Some(_), Some(b)) = (old.bar, new.bar) else {
        return None;
    };
    let _ = b;
    Some(draw_right_side(new, theme, area, buf))
}

/// Draws the right side of the frame of `area` (already clipped) as [`draw_frame`] draws it,
/// its corners left out, over whatever was there; says which cells it drew.
pub(super) fn draw_right_side(
    look: &FrameLook,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) -> Rect {
    let [_, _, _, side] = ring(area);
    let focused = look.focused;
    let set = if focused {
        border::THICK
    } else {
        border::PLAIN
    };
    clear(buf, side);
    let style = theme.border(focused);
    for y in side.top()..side.bottom() {
        if let Some(c) = buf.cell_mut((side.x, y)) {
            c.set_symbol(set.vertical_right).set_style(style);
        }
    }
    if let Some(b) = look.bar {
        draw_bar(b, style, area, buf);
    }
    side
}

/// Draws the top side of the frame of `area` (already clipped), its corners and the title, as
/// [`draw_frame`] draws it, over whatever was there; says which cells it drew. A scroll to
/// another item changes the title alone (and maybe the scrollbar), and the other sides, far
/// apart in memory, are left as they are.
pub(super) fn draw_top_side(look: &FrameLook, theme: &Theme, area: Rect, buf: &mut Buffer) -> Rect {
    let [top, ..] = ring(area);
    clear(buf, top);
    if area.is_empty() {
        return top;
    }
    let focused = look.focused;
    let set = if focused {
        border::THICK
    } else {
        border::PLAIN
    };
    let style = theme.border(focused);
    // As `draw_border` leaves the top row: the line, then the corners over it, the left one
    // last.
    let right = area.right().saturating_sub(1);
    for x in area.left()..area.right() {
        if let Some(c) = buf.cell_mut((x, area.y)) {
            c.set_symbol(set.horizontal_top).set_style(style);
        }
    }
    for (x, symbol) in [(right, set.top_right), (area.left(), set.top_left)] {
        if let Some(c) = buf.cell_mut((x, area.y)) {
            c.set_symbol(symbol).set_style(style);
        }
    }
    if area.width > 2 {
        put_str(
            buf,
            area.x + 1,
            area.y,
            &look.title(),
            usize::from(area.width - 2),
            theme.pane_title(focused),
        );
    }
    top
}

/// The sides of the ring of `area` that differ when the frame goes from `old` to `new` by its
/// title's position (a scroll to another item) and maybe its scrollbar: the top side, and the
/// right one when the bar changed (empty otherwise). None when more changed.
pub(super) fn changed_sides(old: &FrameLook, new: &FrameLook, area: Rect) -> Option<[Rect; 2]> {
    let same_box = (old.number, old.label, old.focused) == (new.number, new.label, new.focused);
    if !same_box {
        return None;
    }
    let [top, _, _, right] = ring(area);
    let side = if old.bar == new.bar {
        Rect::ZERO
    } else {
        right
    };
    Some([top, side])
}

/// A box on the ring of `area` in `set`'s symbols with `title` on its top side, as ratatui's
/// bordered `Block` with a title draws it.
fn draw_box(
    area: Rect,
    set: border::Set<'_>,
    style: Style,
    title: &str,
    title_style: Style,
    buf: &mut Buffer,
) {
    if area.is_empty() {
        return;
    }
    draw_border(area, set, style, buf);
    if area.width > 2 {
        put_str(
            buf,
            area.x + 1,
            area.y,
            title,
            usize::from(area.width - 2),
            title_style,
        );
    }
}

/// The ring of `area` in `set`'s symbols: sides first, then corners over them.
fn draw_border(area: Rect, set: border::Set<'_>, style: Style, buf: &mut Buffer) {
    let right = area.right().saturating_sub(1);
    let bottom = area.bottom().saturating_sub(1);
    for y in area.top()..area.bottom() {
        for x in [area.left(), right] {
            if let Some(c) = buf.cell_mut((x, y)) {
                c.set_symbol(if x == area.left() {
                    set.vertical_left
                } else {
                    set.vertical_right
                })
                .set_style(style);
            }
        }
    }
    for x in area.left()..area.right() {
        for (y, symbol) in [
            (area.top(), set.horizontal_top),
            (bottom, set.horizontal_bottom),
        ] {
            if let Some(c) = buf.cell_mut((x, y)) {
                c.set_symbol(symbol).set_style(style);
            }
        }
    }
    for (x, y, symbol) in [
        (right, bottom, set.bottom_right),
        (right, area.top(), set.top_right),
        (area.left(), bottom, set.bottom_left),
        (area.left(), area.top(), set.top_left),
    ] {
        if let Some(c) = buf.cell_mut((x, y)) {
            c.set_symbol(symbol).set_style(style);
        }
    }
}

/// Clears the inside of the frame and draws the lines from the pane's scroll position down,
/// marking search matches (the match jumped to gets its own style), or the empty label.
pub(super) fn render_body(state: &State, theme: &Theme, pane: Pane, area: Rect, buf: &mut Buffer) {
    clear(buf, inside(area));
    let text = text_area(area);
    if state.content.len(pane) == 0 {
        put_str(
            buf,
            text.x,
            text.y,
            state.lang().labels().empty,
            usize::from(text.width),
            Style::default(),
        );
        return;
    }
    render_lines(state, theme, pane, text, buf);
}

/// Draws the lines from the pane's scroll position down, marking search matches; the match
/// jumped to gets its own style.
fn render_lines(state: &State, theme: &Theme, pane: Pane, text: Rect, buf: &mut Buffer) {
    visit_rows(state, theme, pane, text, |y, row| {
        put_row(buf, text, y, row)
    });
}

/// One row of a pane's text as it is drawn: the line and its styled runs, in order, from the
/// text area's left edge.
pub(super) struct Row<'a> {
    /// The line shown.
    pub line: &'a Line,
    /// Byte ranges of the line's text and their styles, covering it whole.
    pub runs: &'a [(Range<usize>, Style)],
}

/// Puts `row` at row `y` of `text` as [`render_body`] does (over a cleared row).
pub(super) fn put_row(buf: &mut Buffer, text: Rect, y: u16, row: &Row<'_>) {
    let mut x = text.x;
    let mut room = usize::from(text.width);
    for (s, style) in row.texts() {
        (x, room) = put_run(buf, x, y, s, room, style);
    }
}

impl<'a> Row<'a> {
    /// The text of each run, with its style.
    pub fn texts(&self) -> impl Iterator<Item = (&'a str, Style)> + '_ {
        self.runs.iter().map(|(r, style)| {
            let s = self.line.text.get(r.clone());
            // The runs were cut from this very text, at its character boundaries.
            debug_assert!(s.is_some(), "run {r:?} off the line {:?}", self.line.text);
            (s.unwrap_or_default(), *style)
        })
    }
}

/// Calls `f` with each row of the pane's text from its scroll position down, with the styled
/// runs of its line: search matches marked, the match jumped to in its own style. Rows below
/// the last line are not visited.
pub(super) fn visit_rows(
    state: &State,
    theme: &Theme,
    pane: Pane,
    text: Rect,
    f: impl FnMut(u16, &Row<'_>),
) {
    let rows = text.top()..text.bottom();
    visit_rows_with(state, theme, pane, text, rows, &mut Vec::new(), f);
}

/// [`visit_rows`] of the rows `rows` (screen rows) only, with `runs` as room for each row's
/// runs (a caller that visits rows on every key keeps it, rather than allocate it each time).
/// The items above the first row are stepped over by their heights, their lines left alone
/// (a scroll lays out the row that comes in, not the 25 that move).
pub(super) fn visit_rows_with(
    state: &State,
    theme: &Theme,
    pane: Pane,
    text: Rect,
    rows: Range<u16>,
    runs: &mut Vec<(Range<usize>, Style)>,
    mut f: impl FnMut(u16, &Row<'_>),
) {
    let content = &state.content;
    let needle = &state.search.needle;
    let current = state
        .search
        .current
        .and_then(|i| state.search.matches.get(i))
        .filter(|m| m.pane == pane);
    let mut view = state.view(pane);
    let mut row = 0u16;
    let width = text.width.max(1);
    let first = rows.start.saturating_sub(text.y).min(text.height);
    let end = rows.end.saturating_sub(text.y).min(text.height);
    // Without marks to count, the rows above the first are stepped over.
    if needle.is_empty() {
        while row < first && view.item < content.len(pane) {
            let left = content
                .height(pane, view.item, width)
                .saturating_sub(view.line);
            let skip = usize::from(first - row);
            if skip < left {
                view.line += skip;
                row = first;
                break;
            }
            row = row.saturating_add(u16::try_from(left).unwrap_or(u16::MAX));
            view.item += 1;
            view.line = 0;
        }
    }
    while row < end && view.item < content.len(pane) {
        let lines = content.lines(pane, view.item, width);
        // Occurrences above the first shown line, so the current match is counted right.
        let mut nth = if needle.is_empty() || current.is_none_or(|m| m.item != view.item) {
            0
        } else {
            lines
                .iter()
                .take(view.line)
                .map(|l| needle.find_in(&l.text).len())
                .sum()
        };
        for line in lines.iter().skip(view.line) {
            if row >= end {
                break;
            }
            let base = theme.role(line.role);
            runs.clear();
            let mut at = 0;
            if !needle.is_empty() {
                for r in needle.find_in(&line.text) {
                    runs.push((at..r.start, base));
                    let is_current = current.is_some_and(|m| m.item == view.item && m.nth == nth);
                    let style = if is_current {
                        theme.found_current()
                    } else {
                        theme.found()
                    };
                    at = r.end;
                    runs.push((r, base.patch(style)));
                    nth += 1;
                }
            }
            runs.push((at..line.text.len(), base));
            if row >= first {
                f(text.y + row, &Row { line, runs });
            }
            row += 1;
        }
        view.item += 1;
        view.line = 0;
    }
}

/// One styled run of a line at `x` with `room` columns left; returns where the next run goes
/// and the room left then.
fn put_run(buf: &mut Buffer, x: u16, y: u16, s: &str, room: usize, style: Style) -> (u16, usize) {
    if room == 0 {
        return (x, 0);
    }
    let (end, _) = put_str(buf, x, y, s, room, style);
    (end, room.saturating_sub(usize::from(end.saturating_sub(x))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::buffer::Cell;
    use ratatui::text::Span;
    use ratatui::widgets::{Block, BorderType, Widget};

    /// The bundled briefing with its quotes and areas `n` times over.
    fn repeated(n: usize) -> crate::app::content::Content {
        let one = crate::model::bundled().unwrap();
        let mut b = one.clone();
        for _ in 1..n {
            b.quotes.extend(one.quotes.iter().cloned());
            b.cooperation_areas
                .extend(one.cooperation_areas.iter().cloned());
        }
        crate::app::content::Content::new(std::sync::Arc::new(b), crate::model::Lang::Fr)
    }

    #[test]
    fn a_thumb_from_the_lines_counted_so_far_is_the_thumb_from_all_of_them() {
        let mut checked = 0;
        for n in [1, 3, 40] {
            for (width, height) in [(30u16, 5u16), (48, 10), (98, 27), (20, 40)] {
                for track in [1, 2, 6, 23] {
                    let geo = Geometry { width, height };
                    for pane in [Pane::Quotes, Pane::Areas] {
                        // Contents of their own, so the lazy one counts only what its thumbs
                        // need, scrolling down.
                        let (lazy, all) = (repeated(n), repeated(n));
                        let mut v = crate::app::state::PaneView::default();
                        for _ in 0..40 {
                            let whole = Thumb::of(scroll::bar(&all, pane, geo, v), track);
                            let counted =
                                Thumb::of(scroll::bar_on(&lazy, pane, geo, v, track), track);
                            assert_eq!(counted, whole, "x{n} {geo:?} track {track} {v:?}");
                            checked += 1;
                            v = scroll::forward(&all, pane, geo, v, 7);
                        }
                    }
                }
            }
        }
        assert!(checked > 1000, "{checked}");
    }

    #[test]
    fn a_long_panes_first_frame_wraps_its_first_screens_only() {
        let c = repeated(40);
        let (pane, track) = (Pane::Quotes, 9);
        let geo = Geometry {
            width: 48,
            height: 10,
        };
        let top = crate::app::state::PaneView::default();
        assert!(!scroll::fits(&c, pane, geo));
        let thumb = Thumb::of(scroll::bar_on(&c, pane, geo, top, track), track);
        assert_eq!(thumb.map(|t| (t.start, t.len)), Some((0, 1)));
        let wrapped = c.wrapped_items(pane);
        assert!(
            wrapped * 4 < c.len(pane),
            "{wrapped} of {} items wrapped",
            c.len(pane)
        );
    }

    #[test]
    fn scrollbar_equals_ratatuis_with_arrows_for_every_small_case() {
        use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget};
        let style = Style::default().fg(ratatui::style::Color::Cyan);
        let mut drawn = 0;
        for h in 0..14u16 {
            let area = Rect::new(1, 1, 3, h);
            let canvas = Rect::new(0, 0, 5, h + 2);
            for content in 0..24usize {
                for viewport in 0..16usize {
                    for position in 0..content + 2 {
                        let b = scroll::Bar {
                            content,
                            position,
                            viewport,
                        };
                        let mut ours = Buffer::empty(canvas);
                        let track = usize::from(h.saturating_sub(4));
                        if let Some(t) = Thumb::of(b, track) {
                            draw_bar(t, style, area, &mut ours);
                            drawn += 1;
                        }
                        let mut theirs = Buffer::empty(canvas);
                        let mut sb = ScrollbarState::new(content)
                            .position(position)
                            .viewport_content_length(viewport);
                        Scrollbar::new(ScrollbarOrientation::VerticalRight)
                            .style(style)
                            .begin_symbol(Some("↑"))
                            .end_symbol(Some("↓"))
                            .render(
                                area.inner(Margin {
                                    vertical: 1,
                                    horizontal: 0,
                                }),
                                &mut theirs,
                                &mut sb,
                            );
                        assert_eq!(ours, theirs, "{b:?} at height {h}");
                    }
                }
            }
        }
        assert!(drawn > 10_000, "{drawn}");
    }

    #[test]
    fn a_thumb_that_stays_put_leaves_the_frame_as_it_was() {
        let b = |position| scroll::Bar {
            content: 3_000,
            position,
            viewport: 56,
        };
        assert_eq!(Thumb::of(b(100), 54), Thumb::of(b(101), 54));
        assert_ne!(Thumb::of(b(100), 54), Thumb::of(b(200), 54));
    }

    #[test]
    fn top_and_right_sides_drawn_alone_equal_the_whole_frames() {
        let theme = Theme::default();
        let mut drawn = 0;
        for focused in [false, true] {
            for bar in [
                None,
                Some(Thumb {
                    start: 1,
                    len: 2,
                    track: 4,
                }),
            ] {
                for w in 0..9u16 {
                    for h in 0..9u16 {
                        let look = FrameLook {
                            number: 2,
                            label: "Citations",
                            position: Some((3, 12)),
                            focused,
                            bar: bar.filter(|b| usize::from(h) == b.track + 4),
                        };
                        let area = Rect::new(1, 1, w, h);
                        let canvas = Rect::new(0, 0, 11, 11);
                        let mut whole = Buffer::empty(canvas);
                        draw_frame(&look, &theme, area, &mut whole);
                        let mut sides = Buffer::empty(canvas);
                        let [top, bottom, left, right] = ring(area);
                        assert_eq!(draw_top_side(&look, &theme, area, &mut sides), top);
                        if w > 1 {
                            assert_eq!(draw_right_side(&look, &theme, area, &mut sides), right);
                        }
                        for r in [top, right] {
                            for at in r.positions() {
                                let (x, y) = (at.x, at.y);
                                if w > 1 || r == top {
                                    assert_eq!(sides[(x, y)], whole[(x, y)], "{w}x{h} at {x},{y}");
                                    drawn += 1;
                                }
                            }
                        }
                        for r in [bottom, left] {
                            for at in r.positions() {
                                let (x, y) = (at.x, at.y);
                                if !top.contains(at) && !right.contains(at) {
                                    assert_eq!(sides[(x, y)], Cell::EMPTY, "{w}x{h} at {x},{y}");
                                }
                            }
                        }
                    }
                }
            }
        }
        assert!(drawn > 500, "{drawn}");
    }

    #[test]
    fn border_and_title_equal_ratatuis_bordered_block_at_every_small_size() {
        let border_style = Style::default().fg(ratatui::style::Color::Cyan);
        let title_style = Style::default().add_modifier(ratatui::style::Modifier::BOLD);
        let title = "▶ 2 Citations 3/12 ";
        for (thick, set) in [(true, border::THICK), (false, border::PLAIN)] {
            for w in 0..8u16 {
                for h in 0..5u16 {
                    let area = Rect::new(1, 1, w, h);
                    let canvas = Rect::new(0, 0, 10, 7);
                    let mut ours = Buffer::empty(canvas);
                    draw_box(area, set, border_style, title, title_style, &mut ours);
                    let mut theirs = Buffer::empty(canvas);
                    Block::bordered()
                        .border_type(if thick {
                            BorderType::Thick
                        } else {
                            BorderType::Plain
                        })
                        .border_style(border_style)
                        .title(Span::styled(title, title_style))
                        .render(area, &mut theirs);
                    assert_eq!(ours, theirs, "{w}x{h} thick {thick}");
                }
            }
        }
    }
}
