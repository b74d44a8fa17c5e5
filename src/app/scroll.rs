//! Scrolling a pane by lines across items of different heights, touching only the items it
//! passes over (so the cost does not grow with the briefing). No I/O here.

use crate::app::content::Content;
use crate::app::screen::Geometry;
use crate::app::state::{Pane, PaneView};

/// The furthest a pane can scroll: the last item's last line at the bottom of the pane.
pub fn max_top(content: &Content, pane: Pane, geo: Geometry) -> PaneView {
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
    if len > 0 && view >= max_top(content, pane, geo) && view != PaneView::default() {
        return len - 1;
    }
    let h = content.height(pane, view.item, geo.width);
    if view.item + 1 < len && view.line + 1 >= h {
        view.item + 1
    } else {
        view.item
    }
}

/// Where `view` is in the pane's lines: how many lines are above the top, and how many lines
/// the pane has in all. Measures every item (wrapped lines are cached per width).
pub fn line_position(
    content: &Content,
    pane: Pane,
    geo: Geometry,
    view: PaneView,
) -> (usize, usize) {
    let mut above = 0;
    let mut total = 0;
    for item in 0..content.len(pane) {
        let h = content.height(pane, item, geo.width);
        if item < view.item {
            above += h;
        } else if item == view.item {
            above += view.line.min(h);
        }
        total += h;
    }
    (above, total)
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
    fn clamp_fixes_a_line_past_its_item() {
        let c = content();
        let v = clamp(&c, Pane::Quotes, GEO, PaneView { item: 0, line: 999 });
        assert_eq!(v.item, 0);
        assert!(v.line < c.height(Pane::Quotes, 0, GEO.width));
        let far = clamp(&c, Pane::Quotes, GEO, PaneView { item: 99, line: 0 });
        assert_eq!(far, max_top(&c, Pane::Quotes, GEO));
    }
}
