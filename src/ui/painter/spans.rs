//! The changed cells of a frame as runs of a row ([`Span`]s) rather than cell by cell: a
//! scrolled pane changes nearly every cell of its rows, and each cell noted, merged, gap-filled
//! and read back one at a time cost more than comparing it did. Pure.

use crate::ui::grid::Grid;

/// Columns `left..right` of row `y`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Span {
    pub y: u16,
    pub left: u16,
    pub right: u16,
}

impl Span {
    /// The columns of the span.
    pub fn columns(self) -> std::ops::Range<u16> {
        self.left..self.right
    }
}

/// Notes column `x` of row `y` as changed, after every change noted so far in `spans` (row
/// order, then column order): it lengthens the last span when it follows it.
pub(super) fn push_cell(spans: &mut Vec<Span>, x: u16, y: u16) {
    if let Some(last) = spans.last_mut()
        && last.y == y
        && last.right == x
    {
        last.right = x.saturating_add(1);
        return;
    }
    spans.push(Span {
        y,
        left: x,
        right: x.saturating_add(1),
    });
}

/// Sorts `spans` by row, then column, as they are most often already (then it only looks):
/// counted into place row by row, each row's few put in column order. `scratch` and `counts`
/// are room to do it in.
pub(super) fn sort_by_row(spans: &mut Vec<Span>, scratch: &mut Vec<Span>, counts: &mut Vec<u32>) {
    let key = |s: &Span| u64::from(s.y) << 32 | u64::from(s.left) << 16 | u64::from(s.right);
    if spans.is_sorted_by_key(key) {
        return;
    }
    let rows = spans.iter().map(|s| usize::from(s.y)).max().unwrap_or(0) + 1;
    counts.clear();
    counts.resize(rows + 1, 0);
    for s in spans.iter() {
        if let Some(c) = counts.get_mut(usize::from(s.y) + 1) {
            *c += 1;
        }
    }
    for i in 1..counts.len() {
        let before = counts.get(i - 1).copied().unwrap_or(0);
        if let Some(c) = counts.get_mut(i) {
            *c += before;
        }
    }
    scratch.clear();
    scratch.resize(
        spans.len(),
        Span {
            y: 0,
            left: 0,
            right: 0,
        },
    );
    for s in spans.iter() {
        if let Some(at) = counts.get_mut(usize::from(s.y)) {
            if let Some(slot) = scratch.get_mut(usize::try_from(*at).unwrap_or(usize::MAX)) {
                *slot = *s;
            }
            *at += 1;
        }
    }
    // Each row's spans, in the order they came: put in column order by insertion.
    for i in 1..scratch.len() {
        let mut j = i;
        while j > 0 && scratch.get(j - 1).map(key) > scratch.get(j).map(key) {
            scratch.swap(j - 1, j);
            j -= 1;
        }
    }
    std::mem::swap(spans, scratch);
}

/// Notes columns `left..right` of row `y`, after the runs in `runs`; joins the last run when
/// it follows it on the same row.
pub(super) fn push_run(runs: &mut Vec<Span>, y: u16, left: u16, right: u16) {
    if let Some(last) = runs.last_mut()
        && last.y == y
        && last.right == left
    {
        last.right = right;
        return;
    }
    runs.push(Span { y, left, right });
}

/// Adds the runs `painted` (of one row, in column order, apart from the spans found) to the
/// spans found from `from` on (the same row's, in order), keeping column order.
pub(super) fn merge_row(
    spans: &mut Vec<Span>,
    from: usize,
    painted: &[Span],
    scratch: &mut Vec<Span>,
) {
    let Some(&Span { left: first, .. }) = painted.first() else {
        return;
    };
    if spans.len() == from || spans.last().is_some_and(|s| s.right <= first) {
        for &run in painted {
            push_joined(spans, run, from);
        }
        return;
    }
    scratch.clear();
    // `from` is where this row's spans started: the spans only grew since.
    debug_assert!(from <= spans.len(), "row start {from} past {}", spans.len());
    let found = spans.get(from..).unwrap_or_default();
    let (mut fi, mut pi) = (0, 0);
    loop {
        let next = match (found.get(fi), painted.get(pi)) {
            (Some(f), Some(p)) if p.left < f.left => {
                pi += 1;
                *p
            }
            (Some(f), _) => {
                fi += 1;
                *f
            }
            (None, Some(p)) => {
                pi += 1;
                *p
            }
            (None, None) => break,
        };
        push_joined(scratch, next, 0);
    }
    spans.truncate(from);
    spans.append(scratch);
}

/// Pushes `span` on `spans`, joined to the last one (at or after `from`) when it follows it.
fn push_joined(spans: &mut Vec<Span>, span: Span, from: usize) {
    if spans.len() > from
        && let Some(last) = spans.last_mut()
        && last.y == span.y
        && last.right == span.left
    {
        last.right = span.right;
        return;
    }
    spans.push(span);
}

/// Joins two spans of a row when writing the few unchanged cells between them again takes
/// fewer bytes than moving the cursor over them: one column wide, in the style the cell before
/// them leaves the terminal in, three bytes at most (a move forward is four). `filled` is room
/// to build the result in; it is swapped with `spans`.
pub(super) fn fill_gaps(spans: &mut Vec<Span>, shown: &Grid, filled: &mut Vec<Span>) {
    const MOVE: usize = 4;
    filled.clear();
    for &span in spans.iter() {
        if let Some(prev) = filled.last_mut()
            && prev.y == span.y
            && span.left > prev.right
            && usize::from(span.left - prev.right) < MOVE
            && let Some(before) = shown.get(prev.right - 1, span.y)
            && shown.width(before) == 1
        {
            let mut bytes = 0;
            let fits = (prev.right..span.left).all(|gx| {
                shown.get(gx, span.y).is_some_and(|g| {
                    bytes += shown.symbol_len(g);
                    g.pen() == before.pen() && shown.width(g) == 1
                })
            });
            if fits && bytes < MOVE {
                prev.right = span.right;
                continue;
            }
        }
        filled.push(span);
    }
    std::mem::swap(spans, filled);
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;

    fn spans_of(cells: &[(u16, u16)]) -> Vec<Span> {
        let mut spans = Vec::new();
        for &(x, y) in cells {
            push_cell(&mut spans, x, y);
        }
        spans
    }

    #[test]
    fn cells_that_follow_each_other_make_one_span() {
        let spans = spans_of(&[(1, 0), (2, 0), (3, 0), (5, 0), (6, 1)]);
        let expected = [(0, 1, 4), (0, 5, 6), (1, 6, 7)];
        let expected: Vec<Span> = expected
            .iter()
            .map(|&(y, left, right)| Span { y, left, right })
            .collect();
        assert_eq!(spans, expected);
    }

    #[test]
    fn painted_runs_merge_with_found_spans_in_column_order() {
        let mut spans = spans_of(&[(0, 0), (4, 1), (9, 1)]);
        let mut scratch = Vec::new();
        let painted = [(1, 3), (5, 7), (10, 12)].map(|(left, right)| Span { y: 1, left, right });
        merge_row(&mut spans, 1, &painted, &mut scratch);
        let cells: Vec<(u16, u16)> = spans
            .iter()
            .flat_map(|s| s.columns().map(move |x| (x, s.y)))
            .collect();
        let mut expected = vec![(0, 0)];
        expected.extend([1, 2, 4, 5, 6, 9, 10, 11].map(|x| (x, 1)));
        assert_eq!(cells, expected);
        // Touching runs are one span: 4..7 and 9..12.
        assert_eq!(spans.len(), 4, "{spans:?}");
    }

    #[test]
    fn spans_sorted_by_row_come_in_row_then_column_order() {
        let span = |y, left| Span {
            y,
            left,
            right: left + 1,
        };
        let mut spans = vec![
            span(3, 9),
            span(1, 0),
            span(3, 2),
            span(0, 5),
            span(1, 7),
            span(3, 0),
        ];
        let mut expected = spans.clone();
        expected.sort_by_key(|s| (s.y, s.left));
        sort_by_row(&mut spans, &mut Vec::new(), &mut Vec::new());
        assert_eq!(spans, expected);
    }

    #[test]
    fn a_short_gap_in_one_style_is_filled_and_a_long_one_is_not() {
        let grid = Grid::new(Rect::new(0, 0, 20, 1));
        let mut spans = spans_of(&[(0, 0), (3, 0), (10, 0)]);
        let mut filled = Vec::new();
        fill_gaps(&mut spans, &grid, &mut filled);
        assert_eq!(
            spans,
            [
                Span {
                    y: 0,
                    left: 0,
                    right: 4
                },
                Span {
                    y: 0,
                    left: 10,
                    right: 11
                }
            ]
        );
    }
}
