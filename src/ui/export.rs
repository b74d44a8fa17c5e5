//! A rendered buffer as text: plain, or with its styles as ANSI escape sequences.
//!
//! Cell symbols come from sanitized text and our own glyphs, and ratatui drops control
//! characters when it writes a cell, so nothing here can carry a stray escape sequence.

use std::fmt::Write;

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier, Style};
use unicode_width::UnicodeWidthStr;

/// One line per row; wide characters count once, the cells they cover are skipped.
pub fn to_text(buf: &Buffer) -> String {
    let area = buf.area;
    let mut out = String::new();
    for y in area.top()..area.bottom() {
        let mut skip = 0;
        for x in area.left()..area.right() {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buf.cell((x, y)).map_or(" ", |c| c.symbol());
            out.push_str(symbol);
            skip = symbol.width().saturating_sub(1);
        }
        if y + 1 < area.bottom() {
            out.push('\n');
        }
    }
    out
}

/// Like [`to_text`] with SGR sequences for colours and modifiers, reset at each line end.
pub fn to_ansi(buf: &Buffer) -> String {
    let mut last = Style::default();
    let mut out = String::new();
    let area = buf.area;
    for y in area.top()..area.bottom() {
        let mut skip = 0;
        for x in area.left()..area.right() {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let Some(cell) = buf.cell((x, y)) else {
                continue;
            };
            let style = cell.style();
            if style != last {
                out.push_str(&sgr(style));
                last = style;
            }
            let symbol = cell.symbol();
            out.push_str(symbol);
            skip = symbol.width().saturating_sub(1);
        }
        out.push_str("\u{1b}[0m");
        last = Style::default();
        if y + 1 < area.bottom() {
            out.push('\n');
        }
    }
    out
}

fn sgr(style: Style) -> String {
    let mut codes = vec!["0".to_string()];
    let m = style.add_modifier;
    for (flag, code) in [
        (Modifier::BOLD, "1"),
        (Modifier::DIM, "2"),
        (Modifier::ITALIC, "3"),
        (Modifier::UNDERLINED, "4"),
        (Modifier::REVERSED, "7"),
        (Modifier::CROSSED_OUT, "9"),
    ] {
        if m.contains(flag) {
            codes.push(code.to_string());
        }
    }
    if let Some(c) = style.fg.and_then(|c| color_code(c, false)) {
        codes.push(c);
    }
    if let Some(c) = style.bg.and_then(|c| color_code(c, true)) {
        codes.push(c);
    }
    let mut s = String::from("\u{1b}[");
    let _ = write!(s, "{}m", codes.join(";"));
    s
}

fn color_code(color: Color, bg: bool) -> Option<String> {
    let base = if bg { 40 } else { 30 };
    let bright = if bg { 100 } else { 90 };
    let n = match color {
        Color::Reset => return None,
        Color::Black => base,
        Color::Red => base + 1,
        Color::Green => base + 2,
        Color::Yellow => base + 3,
        Color::Blue => base + 4,
        Color::Magenta => base + 5,
        Color::Cyan => base + 6,
        Color::Gray => base + 7,
        Color::DarkGray => bright,
        Color::LightRed => bright + 1,
        Color::LightGreen => bright + 2,
        Color::LightYellow => bright + 3,
        Color::LightBlue => bright + 4,
        Color::LightMagenta => bright + 5,
        Color::LightCyan => bright + 6,
        Color::White => bright + 7,
        Color::Indexed(i) => return Some(format!("{};5;{i}", if bg { 48 } else { 38 })),
        Color::Rgb(r, g, b) => return Some(format!("{};2;{r};{g};{b}", if bg { 48 } else { 38 })),
    };
    Some(n.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;

    #[test]
    fn wide_characters_are_not_followed_by_padding() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 6, 1));
        buf.set_string(0, 0, "中文ab", Style::default());
        assert_eq!(to_text(&buf), "中文ab");
    }

    #[test]
    fn ansi_resets_at_line_end_and_marks_bold() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 3, 2));
        buf.set_string(0, 0, "ab", Style::default().add_modifier(Modifier::BOLD));
        let ansi = to_ansi(&buf);
        assert!(
            ansi.starts_with("\u{1b}[0;1mab\u{1b}[0m \u{1b}[0m\n"),
            "{ansi:?}"
        );
    }
}
