//! Putting text and blanks into a buffer fast. Pane text was measured when it was wrapped, and
//! nearly all of it is characters one column wide that form a grapheme cluster each (Latin
//! letters, French punctuation, box drawing): those go straight into their cell, and only
//! the rest of a line from the first other character on goes through ratatui's grapheme
//! segmentation. The result is the same as [`Buffer::set_stringn`]'s (a test compares them).

use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::app::text::is_plain;

/// True for a symbol known to be one column wide without a table lookup: printable ASCII, box
/// drawing and block elements (the borders and scrollbars). False says nothing.
pub(crate) fn is_one_column(symbol: &str) -> bool {
    let mut chars = symbol.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => is_one_column_char(c),
        _ => false,
    }
}

/// [`is_one_column`] of the symbol of the one character `c`.
pub(crate) fn is_one_column_char(c: char) -> bool {
    matches!(u32::from(c), 0x20..=0x7e | 0x2500..=0x259f)
}

/// Writes `s` at (`x`, `y`) in `style`, at most `max_width` columns and never past the
/// buffer's right edge; returns the position after the last cell written, as
/// [`Buffer::set_stringn`] does. A row outside the buffer is left alone.
pub(crate) fn put_str(
    buf: &mut Buffer,
    mut x: u16,
    y: u16,
    s: &str,
    max_width: usize,
    style: Style,
) -> (u16, u16) {
    if y < buf.area.top() || y >= buf.area.bottom() {
        return (x, y);
    }
    let max_width = u16::try_from(max_width).unwrap_or(u16::MAX);
    let mut remaining = buf.area.right().saturating_sub(x).min(max_width);
    let mut chars = s.chars();
    loop {
        let rest = chars.as_str();
        let Some(c) = chars.next() else {
            break;
        };
        let next_plain = chars.clone().next().is_none_or(is_plain);
        if !(is_plain(c) && next_plain) {
            // A cluster may start here: the rest goes through segmentation.
            return buf.set_stringn(x, y, rest, usize::from(remaining), style);
        }
        if remaining == 0 {
            break;
        }
        remaining -= 1;
        if let Some(cell) = buf.cell_mut((x, y)) {
            cell.set_char(c).set_style(style);
        }
        x += 1;
    }
    (x, y)
}

/// Resets every cell of `area` (clipped to the buffer), a row at a time.
pub(crate) fn clear(buf: &mut Buffer, area: Rect) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    for y in area.top()..area.bottom() {
        let start = buf.index_of(area.x, y);
        if let Some(row) = buf.content.get_mut(start..start + usize::from(area.width)) {
            row.fill(Cell::EMPTY);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::{Color, Modifier};

    fn both(s: &str, x: u16, max: usize) -> (Buffer, Buffer, (u16, u16), (u16, u16)) {
        let area = Rect::new(0, 0, 12, 2);
        let style = Style::default().fg(Color::Red).add_modifier(Modifier::BOLD);
        let mut ours = Buffer::empty(area);
        let mut theirs = Buffer::empty(area);
        let a = put_str(&mut ours, x, 1, s, max, style);
        let b = theirs.set_stringn(x, 1, s, max, style);
        (ours, theirs, a, b)
    }

    #[test]
    fn put_str_matches_set_stringn_on_every_kind_of_text() {
        let texts = [
            "plain ascii text that overflows",
            "«\u{a0}Le besoin\u{202f}» — été…",
            "e\u{301}te\u{301} combining",
            "日本語 wide",
            "a\u{200d}b zwj, tab\there",
            "flag \u{1f1eb}\u{1f1f7} ok",
            "▶ ◆ ● ↑ ▲ ─│┏",
            "soft\u{ad}hyphen",
            "\u{1b}[31m esc",
            "",
        ];
        for s in texts {
            for x in [0, 3, 11, 12] {
                for max in [0, 1, 5, 40] {
                    let (ours, theirs, a, b) = both(s, x, max);
                    assert_eq!(ours, theirs, "{s:?} at {x} max {max}");
                    assert_eq!(a, b, "{s:?} at {x} max {max}");
                }
            }
        }
    }

    #[test]
    fn one_column_symbols_are_one_column_wide() {
        for c in (0x20u32..0x7f)
            .chain(0x2500..0x25a0)
            .filter_map(char::from_u32)
        {
            let s = c.to_string();
            assert!(is_one_column(&s));
            assert_eq!(
                ratatui::buffer::CellWidth::cell_width(s.as_str()),
                1,
                "{c:?}"
            );
        }
        assert!(!is_one_column("ab"));
        assert!(!is_one_column("中"));
    }

    #[test]
    fn clear_resets_only_the_area_inside_the_buffer() {
        let mut buf = Buffer::with_lines(["abcd", "efgh", "ijkl"]);
        clear(&mut buf, Rect::new(1, 1, 10, 10));
        assert_eq!(buf, Buffer::with_lines(["abcd", "e   ", "i   "]));
    }
}
