//! A rendered buffer as text: plain, or with its styles as ANSI escape sequences; and the
//! changed cells of a frame as the escape sequences a terminal needs to show them.
//!
//! Cell symbols come from sanitized text and our own glyphs, and ratatui drops control
//! characters when it writes a cell, so nothing here can carry a stray escape sequence.

use ratatui::buffer::{Buffer, Cell};
use ratatui::style::{Color, Modifier, Style};
use unicode_width::UnicodeWidthStr;

use crate::ui::grid::Shown;
use crate::ui::hyperlinks::Hyperlink;
use crate::ui::osc;
use crate::ui::put::is_one_column;

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

/// A cell as the encoder reads it: a ratatui [`Cell`], or a [`Shown`] glyph of the painter's.
pub trait Written {
    /// What the cell shows.
    fn symbol(&self) -> &str;
    /// Its foreground and background colours and its modifiers.
    fn colors(&self) -> (Color, Color, Modifier);
}

impl Written for &Cell {
    fn symbol(&self) -> &str {
        Cell::symbol(self)
    }
    fn colors(&self) -> (Color, Color, Modifier) {
        (self.fg, self.bg, self.modifier)
    }
}

impl Written for Shown<'_> {
    fn symbol(&self) -> &str {
        Shown::symbol(self)
    }
    fn colors(&self) -> (Color, Color, Modifier) {
        (self.pen.fg, self.pen.bg, self.pen.modifier)
    }
}

/// Appends to `out` what a terminal needs to show `changes` (cells in row order, as
/// [`super::Painter::paint`] gives them): a cursor move where a cell does not follow the one
/// before, an SGR sequence where the style changes (a whole one, from a reset), the symbols of
/// each run as they are, and a reset at the end. One run of text costs one move and its bytes,
/// not a command per cell.
pub fn write_changes<C: Written>(out: &mut Vec<u8>, changes: impl Iterator<Item = (u16, u16, C)>) {
    write_linked_changes(out, changes, &[]);
}

/// [`write_changes`], with the cells inside `links` (in row order) written as OSC 8
/// hyperlinks and every other cell outside any, so a cell that stops being a link loses it.
pub fn write_linked_changes<C: Written>(
    out: &mut Vec<u8>,
    changes: impl Iterator<Item = (u16, u16, C)>,
    links: &[Hyperlink],
) {
    let mut enc = Encoder::new(links);
    for (x, y, cell) in changes {
        enc.go(out, x, y);
        enc.style(out, cell.colors());
        let symbol = cell.symbol();
        out.extend_from_slice(symbol.as_bytes());
        let narrow = symbol.len() == 1 || is_one_column(symbol) || symbol.width() == 1;
        enc.wrote(x, y, narrow);
    }
    enc.finish(out);
}

/// Writes cells in row order as escape sequences: where the cursor is and what style and
/// hyperlink the terminal writes in are kept, so only what changes from one cell to the
/// next is written (a move, a style change, a link opened or closed).
pub(crate) struct Encoder<'l> {
    /// Where the terminal's cursor is, when known.
    cursor: Option<(u16, u16)>,
    /// The colours and modifiers cells are written in.
    style: (Color, Color, Modifier),
    links: &'l [Hyperlink],
    /// The hyperlink the cells being written belong to.
    open: Option<&'l Hyperlink>,
}

const PLAIN: (Color, Color, Modifier) = (Color::Reset, Color::Reset, Modifier::empty());

impl<'l> Encoder<'l> {
    /// An encoder from a terminal in the default style, outside any link, its cursor
    /// somewhere unknown; cells inside `links` (in row order) are written as hyperlinks.
    pub(crate) fn new(links: &'l [Hyperlink]) -> Encoder<'l> {
        Encoder {
            cursor: None,
            style: PLAIN,
            links,
            open: None,
        }
    }

    /// Gets ready to write the cell at (`x`, `y`): inside its link or outside any, the cursor
    /// there.
    pub(crate) fn go(&mut self, out: &mut Vec<u8>, x: u16, y: u16) {
        if !self.links.is_empty() || self.open.is_some() {
            let link = self.links.iter().find(|l| l.y == y && l.x.contains(&x));
            if link.map(|l| &l.url) != self.open.map(|l| &l.url) {
                if self.open.is_some() {
                    osc::close_hyperlink(out);
                }
                if let Some(l) = link {
                    osc::open_hyperlink(out, &l.url);
                }
                self.open = link;
            }
        }
        // The sequence is put together here and copied once.
        let mut seq = Seq::default();
        match self.cursor {
            Some(at) if at == (x, y) => return,
            // Forward on the same row: a shorter move than to a row and column.
            Some((cx, cy)) if cy == y && cx < x => {
                seq.push(b"\x1b[");
                seq.number(u32::from(x - cx));
                seq.push(b"C");
            }
            _ => {
                seq.push(b"\x1b[");
                seq.number(u32::from(y) + 1);
                seq.push(b";");
                seq.number(u32::from(x) + 1);
                seq.push(b"H");
            }
        }
        out.extend_from_slice(seq.bytes());
    }

    /// Writes in `to` from now on, as [`Encoder::style`] does, with `sgr` the bytes it writes
    /// to change from `from` to `to` (kept by the caller); they are used only when the
    /// terminal writes in `from`.
    pub(crate) fn restyle(
        &mut self,
        out: &mut Vec<u8>,
        from: (Color, Color, Modifier),
        to: (Color, Color, Modifier),
        sgr: Option<&[u8]>,
    ) {
        match sgr {
            Some(bytes) if self.style == from => {
                out.extend_from_slice(bytes);
                self.style = to;
            }
            _ => self.style(out, to),
        }
    }

    /// Writes in `colors` from now on.
    pub(crate) fn style(&mut self, out: &mut Vec<u8>, colors: (Color, Color, Modifier)) {
        if colors != self.style {
            push_sgr_change(out, self.style, colors);
            self.style = colors;
        }
    }

    /// Blanks `n` cells from (`x`, `y`), where the cursor is (moved there or just written up
    /// to), in the default style, with one erase (ECH); the cursor stays where it is. The terminal must be writing in the default
    /// style, so the erased cells take the default colours whatever the terminal's
    /// background-colour-erase habit.
    pub(crate) fn erase(&mut self, out: &mut Vec<u8>, x: u16, y: u16, n: u16) {
        debug_assert_eq!(self.style, PLAIN, "erasing in another style");
        let mut seq = Seq::default();
        seq.push(b"\x1b[");
        seq.number(u32::from(n));
        seq.push(b"X");
        out.extend_from_slice(seq.bytes());
        self.cursor = Some((x, y));
    }

    /// The cell at (`x`, `y`) was written, one column wide or not: after a wide one, where
    /// the cursor lands depends on the terminal, so the next cell moves it.
    pub(crate) fn wrote(&mut self, x: u16, y: u16, narrow: bool) {
        self.cursor = narrow.then(|| (x.saturating_add(1), y));
    }

    /// Leaves any link and the style, as the terminal was.
    pub(crate) fn finish(self, out: &mut Vec<u8>) {
        if self.open.is_some() {
            osc::close_hyperlink(out);
        }
        if self.style != PLAIN {
            out.extend_from_slice(b"\x1b[0m");
        }
    }
}

/// A cursor move being put together: room for `ESC [ row ; column H` with 10-digit numbers.
#[derive(Default)]
struct Seq {
    bytes: [u8; 24],
    len: usize,
}

impl Seq {
    fn push(&mut self, bytes: &[u8]) {
        for &b in bytes {
            if let Some(slot) = self.bytes.get_mut(self.len) {
                *slot = b;
                self.len += 1;
            }
        }
    }

    /// Appends `n` in decimal: a row or column, most often under a thousand.
    fn number(&mut self, n: u32) {
        let digit = |d: u32| b'0' + d.to_le_bytes()[0];
        match n {
            0..=9 => self.push(&[digit(n)]),
            10..=99 => self.push(&[digit(n / 10), digit(n % 10)]),
            100..=999 => self.push(&[digit(n / 100), digit(n / 10 % 10), digit(n % 10)]),
            _ => {
                let mut digits = [0u8; 10];
                let mut at = digits.len();
                let mut n = n;
                loop {
                    at -= 1;
                    if let Some(d) = digits.get_mut(at) {
                        *d = digit(n % 10);
                    }
                    n /= 10;
                    if n == 0 {
                        break;
                    }
                }
                self.push(digits.get(at..).unwrap_or_default());
            }
        }
    }

    fn bytes(&self) -> &[u8] {
        self.bytes.get(..self.len).unwrap_or_default()
    }
}

/// Appends `n` in decimal.
fn push_number(out: &mut Vec<u8>, mut n: u32) {
    let mut digits = [0u8; 10];
    let mut at = digits.len();
    loop {
        at -= 1;
        // A digit, n % 10 < 10: its lowest byte is all of it.
        let [digit, ..] = (n % 10).to_le_bytes();
        digits[at] = b'0' + digit;
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
    // An SGR sequence is ASCII: nothing is ever replaced.
    String::from_utf8_lossy(&out).into_owned()
}

/// Appends the SGR sequence that turns `from` into `to` (colours and modifiers): only what
/// changes when nothing is taken away, a whole one from a reset when a modifier is.
fn push_sgr_change(
    out: &mut Vec<u8>,
    from: (Color, Color, Modifier),
    to: (Color, Color, Modifier),
) {
    let (fg, bg, modifier) = to;
    if !(from.2 - modifier).is_empty() {
        let full = Style::default().fg(fg).bg(bg).add_modifier(modifier);
        push_sgr(out, full);
        return;
    }
    out.extend_from_slice(b"\x1b[");
    let start = out.len();
    push_modifiers(out, modifier - from.2);
    if fg != from.0 {
        push_color_or_default(out, fg, false);
    }
    if bg != from.1 {
        push_color_or_default(out, bg, true);
    }
    // Codes come as ";n": the first one goes without its separator.
    if out.get(start) == Some(&b';') {
        out.remove(start);
    }
    out.push(b'm');
}

/// Appends ";code" for a colour, the terminal's default (39, 49) included.
fn push_color_or_default(out: &mut Vec<u8>, color: Color, bg: bool) {
    if color == Color::Reset {
        out.extend_from_slice(if bg { b";49" } else { b";39" });
    } else {
        push_color(out, color, bg);
    }
}

/// Appends ";code" for each modifier of `m`.
fn push_modifiers(out: &mut Vec<u8>, m: Modifier) {
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
}

/// Appends the SGR sequence of `style`, from a reset: "ESC [ 0 ; codes m".
fn push_sgr(out: &mut Vec<u8>, style: Style) {
    out.extend_from_slice(b"\x1b[0");
    push_modifiers(out, style.add_modifier);
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
        if let Err(e) = check_screen(vt.screen(), buf) {
            panic!("{e}");
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
            "\u{1b}[1;1Hab\u{1b}]8;;https://x.org\u{1b}\\\u{1b}[1Clink\u{1b}]8;;\u{1b}\\\
             \u{1b}[1Ccd\u{1b}[2;1Hxy"
        );
    }

    #[test]
    fn a_style_change_writes_only_what_changes_unless_a_modifier_goes() {
        let area = Rect::new(0, 0, 6, 1);
        let mut buf = Buffer::empty(area);
        let bold = Style::default().add_modifier(Modifier::BOLD);
        buf.set_string(0, 0, "a", bold.fg(Color::Cyan));
        buf.set_string(1, 0, "b", bold.fg(Color::Yellow));
        buf.set_string(2, 0, "c", bold.fg(Color::Yellow).bg(Color::Indexed(17)));
        buf.set_string(3, 0, "d", bold);
        buf.set_string(4, 0, "e", Style::default());
        let mut bytes = Vec::new();
        write_changes(&mut bytes, Buffer::empty(area).diff(&buf).into_iter());
        assert_eq!(
            String::from_utf8(bytes).unwrap(),
            "\u{1b}[1;1H\u{1b}[1;36ma\u{1b}[33mb\u{1b}[48;5;17mc\u{1b}[39;49md\u{1b}[0me"
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

        /// Whatever the cells and their styles, a terminal fed the changes from one frame to
        /// another shows the second.
        #[test]
        fn a_terminal_fed_the_changes_shows_any_frame(
            frames in proptest::collection::vec(
                proptest::collection::vec(
                    (
                        0u16..8,
                        proptest::collection::vec((0usize..6, 0usize..5, 0usize..4, 0usize..5), 0..6),
                    ),
                    3,
                ),
                1..6,
            ),
        ) {
            let area = Rect::new(0, 0, 8, 3);
            let texts = ["a", "é", "中", "xy", " ", "—"];
            let colors = [Color::Reset, Color::Cyan, Color::Indexed(200), Color::Rgb(1, 2, 3), Color::LightRed];
            let modifiers = [Modifier::empty(), Modifier::BOLD, Modifier::ITALIC | Modifier::REVERSED, Modifier::UNDERLINED];
            let nz = |n: u16| std::num::NonZeroU16::new(n).unwrap();
            let mut vt = vt100::Parser::new(nz(3), nz(8), 0);
            let mut last = Buffer::empty(area);
            for frame in frames {
                // Rows of runs written left to right, as the renderer writes them.
                let mut buf = Buffer::empty(area);
                for (y, (mut x, runs)) in (0u16..).zip(frame) {
                    for (t, c, m, b) in runs {
                        let style = Style::default()
                            .fg(colors[c])
                            .bg(colors[b])
                            .add_modifier(modifiers[m]);
                        let room = usize::from(8 - x.min(8));
                        (x, _) = buf.set_stringn(x, y, texts[t], room, style);
                    }
                }
                // ratatui's diff, and as the painter does, the cell a replaced wide character
                // covered.
                let mut at: Vec<(u16, u16)> = last.diff(&buf).iter().map(|&(x, y, _)| (x, y)).collect();
                for (i, (before, now)) in last.content.iter().zip(&buf.content).enumerate() {
                    let (x, y) = buf.pos_of(i);
                    if before.symbol().width() == 2
                        && now.symbol().width() == 1 && before != now && x + 1 < 8 && !at.contains(&(x + 1, y)) {
                        at.push((x + 1, y));
                    }
                }
                at.sort_by_key(|&(x, y)| (y, x));
                let mut bytes = Vec::new();
                write_changes(&mut bytes, at.iter().map(|&(x, y)| (x, y, &buf[(x, y)])));
                vt.process(&bytes);
                check_screen(vt.screen(), &buf)?;
                last = buf;
            }
        }
    }

    fn vt_color(c: Color) -> vt100::Color {
        match c {
            Color::Reset => vt100::Color::Default,
            Color::Yellow => vt100::Color::Idx(3),
            Color::Cyan => vt100::Color::Idx(6),
            Color::LightRed => vt100::Color::Idx(9),
            Color::Indexed(i) => vt100::Color::Idx(i),
            Color::Rgb(r, g, b) => vt100::Color::Rgb(r, g, b),
            c => panic!("unexpected colour {c:?}"),
        }
    }

    /// Checks every cell of `screen` (symbol, bold, italic, underline, reverse, colours)
    /// against `buf`.
    fn check_screen(
        screen: &vt100::Screen,
        buf: &Buffer,
    ) -> Result<(), proptest::test_runner::TestCaseError> {
        for y in 0..buf.area.height {
            for x in 0..buf.area.width {
                let ours = &buf[(x, y)];
                let theirs = screen.cell(y, x).unwrap();
                if theirs.is_wide_continuation() {
                    continue;
                }
                let shown = if theirs.has_contents() {
                    theirs.contents()
                } else {
                    " "
                };
                proptest::prop_assert_eq!(shown, ours.symbol(), "symbol at {},{}", x, y);
                proptest::prop_assert_eq!(theirs.bold(), ours.modifier.contains(Modifier::BOLD));
                proptest::prop_assert_eq!(
                    theirs.italic(),
                    ours.modifier.contains(Modifier::ITALIC)
                );
                proptest::prop_assert_eq!(
                    theirs.underline(),
                    ours.modifier.contains(Modifier::UNDERLINED)
                );
                proptest::prop_assert_eq!(
                    theirs.inverse(),
                    ours.modifier.contains(Modifier::REVERSED)
                );
                proptest::prop_assert_eq!(theirs.fgcolor(), vt_color(ours.fg), "fg at {},{}", x, y);
                proptest::prop_assert_eq!(theirs.bgcolor(), vt_color(ours.bg), "bg at {},{}", x, y);
            }
        }
        Ok(())
    }

    #[test]
    fn a_move_forward_on_the_same_row_is_relative_and_to_another_row_absolute() {
        let area = Rect::new(0, 0, 10, 2);
        let mut buf = Buffer::empty(area);
        buf.set_string(0, 0, "ab", Style::default());
        buf.set_string(3, 0, "cd", Style::default());
        buf.set_string(7, 1, "e", Style::default());
        let mut bytes = Vec::new();
        write_changes(&mut bytes, Buffer::empty(area).diff(&buf).into_iter());
        assert_eq!(
            String::from_utf8(bytes).unwrap(),
            "\u{1b}[1;1Hab\u{1b}[1Ccd\u{1b}[2;8He"
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
