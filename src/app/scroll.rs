//! Scrolling a pane by lines across items of different heights, touching only the items it
//! passes over (so the cost does not grow with the briefing). No I/O here.

use crate::app::content::Content;
use crate::app::screen::Geometry;
use crate::app::state::{Pane, PaneView};

/// The furthest a pane can scroll: the last item's last line at the bottom of the pane.
/// Asked several times a frame, so the content keeps the last answer per pane; worked out by
/// walking up from the last item, which wraps only the items of the last screen.
pub fn max_top(content: &Content, pane: Pane, geo: Geometry) -> PaneView {
    if let Some(top) = content.known_max_top(pane, geo.width, geo.height) {
        return top;
    }
    let top = find_max_top(content, pane, geo);
    content.keep_max_top(pane, geo.width, geo.height, top);
    top
}

/// [`max_top`], worked out.
fn find_max_top(content: &Content, pane: Pane, geo: Geometry) -> PaneView {
    let len = content.len(pane);
    let mut remaining = usize::from(geo.height).max(1);
    for item in (0..len).rev() {
        let h = content.height(pane, item, geo.width);
        if h >= remaining {
            return PaneView {
                item,
                line: h - remaining,
            };
        }
        remaining -= h;
    }
    PaneView::default()
}

/// Counts the lines of every pane shown in `state`'s layout, at its width, as far as its
/// scrollbar may ever need (where each item starts, to the end): a frame counts only what it
/// shows, and the edge calls this once the frame is on screen, so the keys that scroll on
/// find them counted.
pub fn count_lines(state: &crate::app::State) {
    if state.mode.base() == crate::app::state::Base::Present {
        return;
    }
    for (pane, geo) in Pane::ALL
        .into_iter()
        .zip(crate::app::screen::pane_geometries(state))
    {
        let len = state.content.len(pane);
        if len <= EXACT_BAR_MAX_ITEMS {
            state.content.starts_until(pane, geo.width, len, usize::MAX);
        }
    }
}

/// True when the whole pane fits without scrolling.
pub fn fits(content: &Content, pane: Pane, geo: Geometry) -> bool {
    max_top(content, pane, geo) == PaneView::default()
}

/// `view` moved down by `n` lines, stopping at [`max_top`].
pub fn forward(content: &Content, pane: Pane, geo: Geometry, view: PaneView, n: usize) -> PaneView {
    let max = max_top(content, pane, geo);
    let mut v = view.min(max);
    let mut n = n;
    while n > 0 && v < max {
        let h = content.height(pane, v.item, geo.width);
        if v.line + n < h {
            v.line += n;
            break;
        }
        n -= h - v.line;
        v = PaneView {
            item: v.item + 1,
            line: 0,
        };
    }
    v.min(max)
}

/// `view` moved up by `n` lines, stopping at the top.
pub fn backward(
    content: &Content,
    pane: Pane,
    geo: Geometry,
    view: PaneView,
    n: usize,
) -> PaneView {
    let mut v = clamp(content, pane, geo, view);
    let mut n = n;
    loop {
        if n <= v.line {
            v.line -= n;
            return v;
        }
        n -= v.line;
        if v.item == 0 {
            return PaneView::default();
        }
        v.item -= 1;
        v.line = content.height(pane, v.item, geo.width);
    }
}

/// `view` brought back within bounds: an existing item, a line inside it, not past the end.
pub fn clamp(content: &Content, pane: Pane, geo: Geometry, view: PaneView) -> PaneView {
    let len = content.len(pane);
    if len == 0 {
        return PaneView::default();
    }
    let mut v = view;
    if v.item >= len {
        v = PaneView {
            item: len - 1,
            line: 0,
        };
    }
    let h = content.height(pane, v.item, geo.width);
    v.line = v.line.min(h.saturating_sub(1));
    v.min(max_top(content, pane, geo))
}

/// The item the status line reports: the first one with a line in view (an item scrolled up
/// to its trailing blank line is out of view), or the last once the end is in view.
pub fn current_item(content: &Content, pane: Pane, geo: Geometry, view: PaneView) -> usize {
    let len = content.len(pane);
    if len > 0 && view != PaneView::default() && view >= max_top(content, pane, geo) {
        return len - 1;
    }
    let h = content.height(pane, view.item, geo.width);
    if view.item + 1 < len && view.line + 1 >= h {
        view.item + 1
    } else {
        view.item
    }
}

/// Panes with more items than this place the scrollbar by item (and by line within an
/// item), so that a frame's cost does not grow with the briefing; smaller ones by line.
pub const EXACT_BAR_MAX_ITEMS: usize = 500;

/// A scrollbar's figures, as ratatui's `ScrollbarState` takes them: the positions there are,
/// the current one, and the share the viewport takes, in one unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bar {
    /// Positions the top can take (the last is `content - 1`).
    pub content: usize,
    /// The current position, from 0.
    pub position: usize,
    /// How much of the pane is in view.
    pub viewport: usize,
}

/// The scrollbar of `pane` scrolled to `view`: by line (thumb position and length follow the
/// lines above and in view), or for a pane of more than [`EXACT_BAR_MAX_ITEMS`] items, by
/// item with the share of each item's lines, touching only the items in view.
pub fn bar(content: &Content, pane: Pane, geo: Geometry, view: PaneView) -> Bar {
    bar_on(content, pane, geo, view, usize::MAX)
}

/// [`bar`] as a scrollbar with a track of `track` cells shows it. A pane's lines are counted
/// from the top only as far as the thumb depends on them: past `rows × track` lines the thumb
/// is one cell long, and past `2 × above × track` it stands at the top (`above` the lines
/// above the view), whatever the total. The figures then stand for a pane of the lines
/// counted, which such a track shows alike: a long pane's first frame wraps its first screens
/// only.
pub fn bar_on(content: &Content, pane: Pane, geo: Geometry, view: PaneView, track: usize) -> Bar {
    let len = content.len(pane);
    let rows = usize::from(geo.height).max(1);
    if len <= EXACT_BAR_MAX_ITEMS {
        let item = view.item.min(len);
        let at_item = content.starts_until(pane, geo.width, item, 0);
        let above = if view.item < len {
            at_item.item_start + view.line.min(at_item.item_end - at_item.item_start)
        } else {
            at_item.lines
        };
        let enough = rows.saturating_mul(track).max(
            above
                .saturating_mul(track)
                .saturating_mul(2)
                .saturating_add(1),
        );
        let total = content.starts_until(pane, geo.width, item, enough).lines;
        return Bar {
            content: total.saturating_sub(rows) + 1,
            position: above,
            viewport: rows,
        };
    }
    // Each item counts UNIT, shared among its lines.
    const UNIT: usize = 1000;
    let share = |item: usize, lines: usize| {
        let h = content.height(pane, item, geo.width).max(1);
        lines.min(h) * UNIT / h
    };
    let position = view.item * UNIT + share(view.item, view.line);
    let (mut shown, mut left, mut v) = (0, rows, view);
    while left > 0 && v.item < len {
        let h = content.height(pane, v.item, geo.width);
        let take = h.saturating_sub(v.line).min(left);
        shown += share(v.item, v.line + take) - share(v.item, v.line);
        left -= take.min(left);
        v = PaneView {
            item: v.item + 1,
            line: 0,
        };
    }
    let last = (len * UNIT).saturating_sub(shown.max(1));
    Bar {
        content: last + 1,
        position: position.min(last),
        viewport: shown.max(1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;
    use std::sync::Arc;

    fn content() -> Content {
        Content::new(Arc::new(crate::model::bundled().unwrap()), Lang::Fr)
    }

    const GEO: Geometry = Geometry {
        width: 30,
        height: 10,
    };

    #[test]
    fn max_top_kept_per_pane_answers_as_worked_out_whatever_the_order_of_sizes() {
        let c = content();
        for round in 0..3 {
            for (width, height) in [(30, 10), (30, 11), (31, 10), (98, 26), (30, 10), (1, 0)] {
                for pane in Pane::ALL {
                    let geo = Geometry { width, height };
                    let worked_out = find_max_top(&c, pane, geo);
                    assert_eq!(
                        max_top(&c, pane, geo),
                        worked_out,
                        "{pane:?} {geo:?} {round}"
                    );
                    assert_eq!(max_top(&c, pane, geo), worked_out, "{pane:?} {geo:?} again");
                }
            }
        }
    }

    #[test]
    fn counting_lines_counts_every_item_of_every_pane_a_start_left_uncounted() {
        let one = crate::model::bundled().unwrap();
        let mut b = one.clone();
        for _ in 0..40 {
            b.quotes.extend(one.quotes.iter().cloned());
        }
        let state = crate::app::State::new(b, Lang::Fr, crate::app::Size::new(100, 30));
        let c = &state.content;
        assert!(c.wrapped_items(Pane::Quotes) < c.len(Pane::Quotes));
        count_lines(&state);
        for pane in Pane::ALL {
            assert_eq!(c.wrapped_items(pane), c.len(pane), "{pane:?}");
        }
    }

    #[test]
    fn forward_then_backward_returns_to_start() {
        let c = content();
        let start = PaneView::default();
        let down = forward(&c, Pane::Quotes, GEO, start, 13);
        assert_ne!(down, start);
        assert_eq!(backward(&c, Pane::Quotes, GEO, down, 13), start);
    }

    #[test]
    fn forward_stops_at_the_end_with_a_full_pane() {
        let c = content();
        let end = forward(&c, Pane::Quotes, GEO, PaneView::default(), 100_000);
        assert_eq!(end, max_top(&c, Pane::Quotes, GEO));
        let mut shown = 0;
        let mut v = end;
        while v.item < c.len(Pane::Quotes) {
            shown += c.height(Pane::Quotes, v.item, GEO.width) - v.line;
            v = PaneView {
                item: v.item + 1,
                line: 0,
            };
        }
        assert_eq!(shown, usize::from(GEO.height));
    }

    #[test]
    fn line_steps_visit_every_line_once() {
        let c = content();
        let total: usize = (0..c.len(Pane::Areas))
            .map(|i| c.height(Pane::Areas, i, 30))
            .sum();
        let mut v = PaneView::default();
        let mut steps = 0;
        while v < max_top(&c, Pane::Areas, GEO) {
            v = forward(&c, Pane::Areas, GEO, v, 1);
            steps += 1;
        }
        assert_eq!(steps, total - usize::from(GEO.height));
    }

    #[test]
    fn the_bar_spans_its_track_from_top_to_end_small_and_large() {
        let small = content();
        let mut b = crate::model::bundled().unwrap();
        let one = b.clone();
        for _ in 0..200 {
            b.cooperation_areas
                .extend(one.cooperation_areas.iter().cloned());
        }
        let large = Content::new(Arc::new(b), Lang::Fr);
        assert!(large.len(Pane::Areas) > EXACT_BAR_MAX_ITEMS);
        for c in [&small, &large] {
            let top = bar(c, Pane::Areas, GEO, PaneView::default());
            assert_eq!(top.position, 0);
            let end = bar(c, Pane::Areas, GEO, max_top(c, Pane::Areas, GEO));
            assert_eq!(end.position + 1, end.content, "the thumb reaches the end");
            let mid = forward(c, Pane::Areas, GEO, PaneView::default(), 7);
            let moved = bar(c, Pane::Areas, GEO, mid);
            assert!(moved.position > 0 && moved.position < end.position);
        }
        // Small: exactly the lines.
        let lines: usize = (0..small.len(Pane::Areas))
            .map(|i| small.height(Pane::Areas, i, GEO.width))
            .sum();
        let top = bar(&small, Pane::Areas, GEO, PaneView::default());
        assert_eq!(top.content, lines - usize::from(GEO.height) + 1);
        assert_eq!(top.viewport, usize::from(GEO.height));
    }

    #[test]
    fn the_bar_of_a_short_pane_counts_the_lines_above_the_view() {
        let c = content();
        for pane in Pane::ALL {
            let mut v = PaneView::default();
            loop {
                let above: usize = (0..v.item)
                    .map(|i| c.height(pane, i, GEO.width))
                    .sum::<usize>()
                    + v.line;
                assert_eq!(bar(&c, pane, GEO, v).position, above, "{pane:?} {v:?}");
                let next = forward(&c, pane, GEO, v, 1);
                if next == v {
                    break;
                }
                v = next;
            }
        }
    }

    /// The furthest view, walked up from the last item as a long pane does.
    fn walked_max_top(c: &Content, pane: Pane, geo: Geometry) -> PaneView {
        let mut remaining = usize::from(geo.height).max(1);
        for item in (0..c.len(pane)).rev() {
            let h = c.height(pane, item, geo.width);
            if h >= remaining {
                return PaneView {
                    item,
                    line: h - remaining,
                };
            }
            remaining -= h;
        }
        PaneView::default()
    }

    #[test]
    fn max_top_of_a_short_pane_is_the_walked_one_at_every_size() {
        let c = content();
        for pane in Pane::ALL {
            for width in [1, 2, 7, 30, 80, 200] {
                for height in [0, 1, 2, 5, 10, 40, 100, 1000] {
                    let geo = Geometry { width, height };
                    assert_eq!(
                        max_top(&c, pane, geo),
                        walked_max_top(&c, pane, geo),
                        "{pane:?} {width}x{height}"
                    );
                }
            }
        }
    }

    #[test]
    fn clamp_fixes_a_line_past_its_item() {
        let c = content();
        let v = clamp(&c, Pane::Quotes, GEO, PaneView { item: 0, line: 999 });
        assert_eq!(v.item, 0);
        assert!(v.line < c.height(Pane::Quotes, 0, GEO.width));
        let far = clamp(&c, Pane::Quotes, GEO, PaneView { item: 99, line: 0 });
        assert_eq!(far, max_top(&c, Pane::Quotes, GEO));
    }
}
