//! A rendered buffer as text: plain, or with its styles as ANSI escape sequences; and the
//! changed cells of a frame as the escape sequences a terminal needs to show them.
//!
//! Cell symbols come from sanitized text and our own glyphs, and ratatui drops control
//! characters when it writes a cell, so nothing here can carry a stray escape sequence.

use ratatui::buffer::{Buffer, Cell};
use ratatui::style::{Color, Modifier, Style};
use unicode_width::UnicodeWidthStr;

use crate::ui::hyperlinks::Hyperlink;
use crate::ui::osc;

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

/// Appends to `out` what a terminal needs to show `changes` (cells in row order, as
/// [`super::Painter::paint`] gives them): a cursor move where a cell does not follow the one
/// before, an SGR sequence where the style changes (a whole one, from a reset), the symbols of
/// each run as they are, and a reset at the end. One run of text costs one move and its bytes,
/// not a command per cell.
pub fn write_changes<'a>(out: &mut Vec<u8>, changes: impl Iterator<Item = (u16, u16, &'a Cell)>) {
    write_linked_changes(out, changes, &[]);
}

/// [`write_changes`], with the cells inside `links` (in row order) written as OSC 8
/// hyperlinks and every other cell outside any, so a cell that stops being a link loses it.
pub fn write_linked_changes<'a>(
    out: &mut Vec<u8>,
    changes: impl Iterator<Item = (u16, u16, &'a Cell)>,
    links: &[Hyperlink],
) {
    // Where the terminal's cursor is, when known.
    let mut cursor: Option<(u16, u16)> = None;
    let plain = (Color::Reset, Color::Reset, Modifier::empty());
    let mut style = plain;
    // The hyperlink the cells being written belong to.
    let mut open: Option<&Hyperlink> = None;
    for (x, y, cell) in changes {
        let link = links.iter().find(|l| l.y == y && l.x.contains(&x));
        if link.map(|l| &l.url) != open.map(|l| &l.url) {
            if open.is_some() {
                osc::close_hyperlink(out);
            }
            if let Some(l) = link {
                osc::open_hyperlink(out, &l.url);
            }
            open = link;
        }
        if cursor != Some((x, y)) {
            out.extend_from_slice(b"\x1b[");
            push_number(out, u32::from(y) + 1);
            out.push(b';');
            push_number(out, u32::from(x) + 1);
            out.push(b'H');
        }
        let cell_style = (cell.fg, cell.bg, cell.modifier);
        if cell_style != style {
            let full = Style::default()
                .fg(cell.fg)
                .bg(cell.bg)
                .add_modifier(cell.modifier);
            push_sgr(out, full);
            style = cell_style;
        }
        let symbol = cell.symbol();
        if let &[byte] = symbol.as_bytes() {
            out.push(byte);
            cursor = Some((x.saturating_add(1), y));
        } else {
            out.extend_from_slice(symbol.as_bytes());
            // After a wide character, where the cursor lands depends on the terminal: move.
            let one = crate::ui::put::is_one_column(symbol) || symbol.width() == 1;
            cursor = one.then(|| (x.saturating_add(1), y));
        }
    }
    if open.is_some() {
        osc::close_hyperlink(out);
    }
    if style != plain {
        out.extend_from_slice(b"\x1b[0m");
    }
}

/// Appends `n` in decimal.
fn push_number(out: &mut Vec<u8>, mut n: u32) {
    let mut digits = [0u8; 10];
    let mut at = digits.len();
    loop {
        at -= 1;
        // A digit: n % 10 < 10.
        digits[at] = b'0' + u8::try_from(n % 10).unwrap_or(0);
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[at..]);
}

fn sgr(style: Style) -> String {
    let mut out = Vec::new();
    push_sgr(&mut out, style);
    String::from_utf8(out).unwrap_or_default()
}

/// Appends the SGR sequence of `style`, from a reset: "ESC [ 0 ; codes m".
fn push_sgr(out: &mut Vec<u8>, style: Style) {
    out.extend_from_slice(b"\x1b[0");
    let m = style.add_modifier;
    for (flag, code) in [
        (Modifier::BOLD, b'1'),
        (Modifier::DIM, b'2'),
        (Modifier::ITALIC, b'3'),
        (Modifier::UNDERLINED, b'4'),
        (Modifier::SLOW_BLINK, b'5'),
        (Modifier::RAPID_BLINK, b'6'),
        (Modifier::REVERSED, b'7'),
        (Modifier::HIDDEN, b'8'),
        (Modifier::CROSSED_OUT, b'9'),
    ] {
        if m.contains(flag) {
            out.extend_from_slice(&[b';', code]);
        }
    }
    if let Some(c) = style.fg {
        push_color(out, c, false);
    }
    if let Some(c) = style.bg {
        push_color(out, c, true);
    }
    out.push(b'm');
}

/// Appends ";code" for a colour; nothing for the terminal's default.
fn push_color(out: &mut Vec<u8>, color: Color, bg: bool) {
    let base = if bg { 40 } else { 30 };
    let bright = if bg { 100 } else { 90 };
    let extended = if bg { 48 } else { 38 };
    let n = match color {
        Color::Reset => return,
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
        Color::Indexed(i) => {
            out.push(b';');
            push_number(out, extended);
            out.extend_from_slice(b";5;");
            push_number(out, u32::from(i));
            return;
        }
        Color::Rgb(r, g, b) => {
            out.push(b';');
            push_number(out, extended);
            out.extend_from_slice(b";2");
            for c in [r, g, b] {
                out.push(b';');
                push_number(out, u32::from(c));
            }
            return;
        }
    };
    out.push(b';');
    push_number(out, n);
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

    /// Feeds a terminal emulator what [`write_changes`] writes for `changes` and checks every
    /// cell of its screen against `buf`.
    fn assert_shows(vt: &mut vt100::Parser, buf: &Buffer, bytes: &[u8]) {
        vt.process(bytes);
        let screen = vt.screen();
        for y in 0..buf.area.height {
            for x in 0..buf.area.width {
                let ours = &buf[(x, y)];
                let Some(theirs) = screen.cell(y, x) else {
                    panic!("no cell at {x},{y}");
                };
                if theirs.is_wide_continuation() {
                    continue;
                }
                let shown = if theirs.has_contents() {
                    theirs.contents()
                } else {
                    " "
                };
                assert_eq!(shown, ours.symbol(), "symbol at {x},{y}");
                assert_eq!(
                    theirs.bold(),
                    ours.modifier.contains(Modifier::BOLD),
                    "{x},{y}"
                );
                assert_eq!(theirs.italic(), ours.modifier.contains(Modifier::ITALIC));
                assert_eq!(theirs.inverse(), ours.modifier.contains(Modifier::REVERSED));
                let fg = match ours.fg {
                    Color::Reset => vt100::Color::Default,
                    Color::Cyan => vt100::Color::Idx(6),
                    Color::Yellow => vt100::Color::Idx(3),
                    c => panic!("unexpected colour {c:?}"),
                };
                assert_eq!(theirs.fgcolor(), fg, "fg at {x},{y}");
            }
        }
    }

    #[test]
    fn a_terminal_fed_the_changes_shows_the_buffer() {
        let area = Rect::new(0, 0, 12, 3);
        let bold_cyan = Style::default()
            .fg(Color::Cyan)
            .add_modifier(Modifier::BOLD);
        let mut first = Buffer::empty(area);
        first.set_string(0, 0, "abc 中文 def", bold_cyan);
        first.set_string(2, 1, "« été »", Style::default().fg(Color::Yellow));
        first.set_string(
            0,
            2,
            "tail",
            Style::default().add_modifier(Modifier::REVERSED),
        );
        let mut second = first.clone();
        second.set_string(1, 0, "XY", Style::default().add_modifier(Modifier::ITALIC));
        second.set_string(4, 0, "文", bold_cyan);
        second.set_string(3, 1, "plain", Style::default());
        let nz = |n: u16| std::num::NonZeroU16::new(n).unwrap();
        let mut vt = vt100::Parser::new(nz(3), nz(12), 0);
        let mut bytes = Vec::new();
        write_changes(&mut bytes, Buffer::empty(area).diff(&first).into_iter());
        assert_shows(&mut vt, &first, &bytes);
        bytes.clear();
        write_changes(&mut bytes, first.diff(&second).into_iter());
        assert_shows(&mut vt, &second, &bytes);
        assert!(bytes.ends_with(b"\x1b[0m"), "{bytes:?}");
    }

    #[test]
    fn a_run_of_cells_costs_one_cursor_move() {
        let area = Rect::new(0, 0, 20, 2);
        let mut buf = Buffer::empty(area);
        buf.set_string(3, 1, "one-run-of-text", Style::default());
        let mut bytes = Vec::new();
        write_changes(&mut bytes, Buffer::empty(area).diff(&buf).into_iter());
        assert_eq!(
            String::from_utf8(bytes).unwrap(),
            "\u{1b}[2;4Hone-run-of-text"
        );
    }

    #[test]
    fn cells_inside_a_link_are_written_inside_its_hyperlink_and_others_outside() {
        let area = Rect::new(0, 0, 10, 2);
        let mut buf = Buffer::empty(area);
        buf.set_string(0, 0, "ab link cd", Style::default());
        buf.set_string(0, 1, "xy", Style::default());
        let links = [Hyperlink {
            y: 0,
            x: 3..7,
            url: "https://x.org".into(),
        }];
        let mut bytes = Vec::new();
        write_linked_changes(
            &mut bytes,
            Buffer::empty(area).diff(&buf).into_iter(),
            &links,
        );
        assert_eq!(
            String::from_utf8(bytes).unwrap(),
            "\u{1b}[1;1Hab\u{1b}]8;;https://x.org\u{1b}\\\u{1b}[1;4Hlink\u{1b}]8;;\u{1b}\\\
             \u{1b}[1;9Hcd\u{1b}[2;1Hxy"
        );
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
