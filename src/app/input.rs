//! Raw terminal input bytes -> keys, mouse reports and pastes: a small table-driven parser,
//! pure and incremental. Both edges read through it: the SSH server ([`InputParser::new`], what
//! an attendee types) and the local terminal ([`InputParser::local`]).
//!
//! Input comes cut anywhere: several keys in one read or packet, an escape sequence split
//! across two, a paste of megabytes, or garbage. The parser keeps at most [`MAX_PENDING`] bytes
//! of an unfinished sequence, so memory stays bounded whatever arrives, and every byte is
//! consumed in one pass, so nothing can stall it. A lone Esc is ambiguous (the start of a
//! sequence or the key itself): the SSH session calls [`InputParser::flush`] when no byte
//! followed it for a short while, as terminals do; the local terminal calls
//! [`InputParser::end_of_read`] after each read, as an Esc key comes alone in its read.
//!
//! For SSH, mouse, focus and other reports are dropped (the server never enables them, and
//! never queries the terminal, so none should arrive), and bracketed pastes are typed as
//! characters up to [`MAX_PASTE_KEYS`], then dropped. For the local terminal, a left click and
//! the wheel come as [`Mouse`] reports and a bracketed paste as its text, and control keys
//! read as crossterm, which read them before, named them (Ctrl-H, Ctrl-J, Ctrl-Space). No
//! I/O here.

use crate::app::Key;

/// The most bytes kept between packets: a CSI sequence longer than this is garbage.
pub const MAX_PENDING: usize = 32;

/// The most keys one bracketed paste may type over SSH; the rest of the paste is dropped.
pub const MAX_PASTE_KEYS: usize = 256;

/// The most bytes of one bracketed paste kept for the local terminal; the rest is dropped.
pub const MAX_PASTE_BYTES: usize = 1 << 16;

/// What ends a bracketed paste.
const PASTE_END: &[u8] = b"\x1b[201~";

/// What the local terminal sent, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A key.
    Key(Key),
    /// A mouse report the reader acts on.
    Mouse(Mouse),
    /// The text of a bracketed paste (control characters and all, as pasted).
    Paste(String),
}

/// A mouse report: what happened, at a column and row from 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mouse {
    /// What happened.
    pub kind: MouseKind,
    /// The column, from 0.
    pub x: u16,
    /// The row, from 0.
    pub y: u16,
}

/// The mouse reports the reader acts on (others are dropped: moves, drags, releases, the
/// other buttons).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MouseKind {
    /// The left button pressed.
    LeftDown,
    /// The wheel turned up.
    WheelUp,
    /// The wheel turned down.
    WheelDown,
}

/// An incremental parser of terminal input bytes into keys (and, for the local terminal,
/// mouse reports and pastes).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InputParser {
    /// Bytes of an unfinished sequence or character (never more than [`MAX_PENDING`]).
    pending: Vec<u8>,
    /// Bytes still to skip, e.g. the three bytes after an X10 mouse report `ESC [ M`.
    skip: usize,
    /// The last byte was CR, so an LF right after it is the same Enter.
    after_cr: bool,
    /// Inside a bracketed paste over SSH: how many keys it has typed so far.
    paste: Option<usize>,
    /// Reading the local terminal: mouse reports and pastes come as such.
    local: bool,
    /// Inside a bracketed paste from the local terminal: its bytes so far.
    pasted: Option<Vec<u8>>,
}

/// What one complete sequence means.
enum Parsed {
    /// A key.
    Key(Key),
    /// A mouse report (local terminal).
    Mouse(Mouse),
    /// Nothing (a dropped report, an unknown sequence).
    Nothing,
    /// Nothing, and then skip this many raw bytes.
    Skip(usize),
    /// A bracketed paste starts.
    PasteStart,
    /// A bracketed paste ends.
    PasteEnd,
}

/// How far a byte string is from being one complete unit.
enum Step {
    /// A complete unit of this many bytes.
    Done(usize, Parsed),
    /// More bytes are needed.
    More,
}

impl InputParser {
    /// A parser of what an SSH attendee types: keys only.
    pub fn new() -> InputParser {
        InputParser::default()
    }

    /// A parser of the local terminal's input: keys, mouse reports and pastes.
    pub fn local() -> InputParser {
        InputParser {
            local: true,
            ..InputParser::default()
        }
    }

    /// True in the middle of something: an unfinished sequence or character, bytes to skip,
    /// or a paste. The session calls [`flush`](InputParser::flush) when a pause follows.
    pub fn has_pending(&self) -> bool {
        !self.pending.is_empty() || self.skip > 0 || self.paste.is_some() || self.pasted.is_some()
    }

    /// Bytes kept between packets, for tests and assertions: never above [`MAX_PENDING`].
    pub fn pending_len(&self) -> usize {
        self.pending.len()
    }

    /// Parses one packet and returns the keys it completes, in order.
    pub fn feed(&mut self, bytes: &[u8]) -> Vec<Key> {
        let mut inputs = Vec::new();
        self.feed_into(bytes, &mut inputs);
        keys_of(inputs)
    }

    /// Parses `bytes` and appends what they complete to `out`, in order.
    pub fn feed_into(&mut self, bytes: &[u8], out: &mut Vec<Input>) {
        for &b in bytes {
            self.push(b, out);
        }
    }

    /// Gives up waiting after a pause: a lone Esc is the Esc key, an unfinished sequence or
    /// character is dropped, and a paste whose end never came is over.
    pub fn flush(&mut self) -> Vec<Key> {
        let mut inputs = Vec::new();
        self.skip = 0;
        self.paste = None;
        self.pasted = None;
        let pending = std::mem::take(&mut self.pending);
        match pending.as_slice() {
            [0x1b] => self.emit(Parsed::Key(Key::Esc), &mut inputs),
            // Alt-[ and Alt-O look like the start of a sequence until the pause.
            [0x1b, b @ (b'[' | b'O')] => {
                self.emit(Parsed::Key(Key::Alt(char::from(*b))), &mut inputs);
            }
            // Nothing pending, or an unfinished sequence or character: dropped.
            _ => {}
        }
        keys_of(inputs)
    }

    /// After a read of the local terminal: an Esc that ended it is the Esc key (a terminal
    /// writes a sequence whole, and a key pressed after Esc comes in a read of its own).
    /// Anything else unfinished waits for the next read.
    pub fn end_of_read(&mut self, out: &mut Vec<Input>) {
        if self.pending == [0x1b] && self.pasted.is_none() {
            self.pending.clear();
            self.emit(Parsed::Key(Key::Esc), out);
        }
    }

    fn push(&mut self, b: u8, out: &mut Vec<Input>) {
        if let Some(pasted) = &mut self.pasted {
            pasted.push(b);
            if pasted.ends_with(PASTE_END) {
                pasted.truncate(pasted.len() - PASTE_END.len());
                pasted.truncate(MAX_PASTE_BYTES);
                let text = String::from_utf8_lossy(pasted).into_owned();
                self.pasted = None;
                out.push(Input::Paste(text));
            } else if pasted.len() > MAX_PASTE_BYTES + PASTE_END.len() {
                // Past the most kept: only enough to see the end come.
                let end = pasted.len() - PASTE_END.len();
                pasted.drain(MAX_PASTE_BYTES..end);
            }
            return;
        }
        if self.skip > 0 {
            self.skip -= 1;
            return;
        }
        let after_cr = std::mem::replace(&mut self.after_cr, false);
        if self.pending.is_empty() && b == b'\n' && after_cr && !self.local {
            return;
        }
        self.pending.push(b);
        loop {
            match step(&self.pending, self.local) {
                Step::More if self.pending.len() < MAX_PENDING => return,
                Step::More => {
                    // Too long to be anything we know: drop it whole.
                    self.pending.clear();
                    return;
                }
                Step::Done(n, parsed) => {
                    let n = n.min(self.pending.len());
                    self.after_cr = self.pending.get(..n) == Some(b"\r".as_slice());
                    self.pending.drain(..n);
                    self.apply(parsed, out);
                    if self.pending.is_empty() {
                        return;
                    }
                    if self.pasted.is_some() {
                        // What came after the paste's start is the paste's.
                        let rest = std::mem::take(&mut self.pending);
                        for b in rest {
                            self.push(b, out);
                        }
                        return;
                    }
                    // `ESC ESC`: the first was a lone Esc; go on with what is left.
                }
            }
        }
    }

    fn apply(&mut self, parsed: Parsed, out: &mut Vec<Input>) {
        match parsed {
            Parsed::Skip(n) => self.skip = n,
            Parsed::PasteStart if self.local => self.pasted = Some(Vec::new()),
            Parsed::PasteStart => self.paste = Some(0),
            Parsed::PasteEnd => self.paste = None,
            parsed => self.emit(parsed, out),
        }
    }

    fn emit(&mut self, parsed: Parsed, out: &mut Vec<Input>) {
        let input = match parsed {
            Parsed::Key(key) => Input::Key(key),
            Parsed::Mouse(mouse) if self.local => Input::Mouse(mouse),
            _ => return,
        };
        match (&mut self.paste, &input) {
            (None, _) => out.push(input),
            (Some(typed), Input::Key(key)) => {
                // A paste types text; control keys inside it would act, so they are dropped.
                let text = matches!(key, Key::Char(_) | Key::Enter | Key::Tab);
                if text && *typed < MAX_PASTE_KEYS {
                    *typed += 1;
                    out.push(input);
                }
            }
            (Some(_), _) => {}
        }
    }
}

/// The keys among `inputs`.
fn keys_of(inputs: Vec<Input>) -> Vec<Key> {
    inputs
        .into_iter()
        .filter_map(|i| match i {
            Input::Key(key) => Some(key),
            Input::Mouse(_) | Input::Paste(_) => None,
        })
        .collect()
}

/// Looks at the start of `buf` (never empty) and says whether it holds one complete unit.
fn step(buf: &[u8], local: bool) -> Step {
    let Some(&first) = buf.first() else {
        return Step::More;
    };
    match first {
        0x1b => escape(buf, local),
        0x00..=0x7f => Step::Done(1, control_or_char(first, local)),
        _ => utf8(buf, 0),
    }
}

/// A single byte that is not ESC.
fn control_or_char(b: u8, local: bool) -> Parsed {
    Parsed::Key(match b {
        // The local terminal's control keys, as crossterm named them: Ctrl-H and Ctrl-J are
        // not Backspace and Enter there, and a few more are Ctrl with a key.
        0x08 | b'\n' if local => Key::Ctrl(char::from(b'a' + b - 1)),
        0x00 if local => Key::Ctrl(' '),
        0x1c..=0x1f if local => Key::Ctrl(char::from(b'4' + b - 0x1c)),
        b'\r' | b'\n' => Key::Enter,
        b'\t' => Key::Tab,
        0x7f | 0x08 => Key::Backspace,
        // Ctrl-A .. Ctrl-Z, but not the ones above (H, I, J, M).
        0x01..=0x1a => Key::Ctrl(char::from(b'a' + b - 1)),
        0x20..=0x7e => Key::Char(char::from(b)),
        // NUL, Ctrl-\ Ctrl-] Ctrl-^ Ctrl-_: nothing in the keymap.
        _ => return Parsed::Nothing,
    })
}
/// A UTF-8 character starting at `buf[at]`, as a key (Alt-held when `at` is 1).
fn utf8(buf: &[u8], at: usize) -> Step {
    let Some(&lead) = buf.get(at) else {
        return Step::More;
    };
    let len = match lead {
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        // A stray continuation byte or an impossible lead: drop it.
        _ => return Step::Done(at + 1, Parsed::Nothing),
    };
    let Some(bytes) = buf.get(at..at + len) else {
        // Every byte so far must be a continuation, or the character is broken.
        if buf.iter().skip(at + 1).all(|b| (0x80..0xc0).contains(b)) {
            return Step::More;
        }
        return Step::Done(at + 1, Parsed::Nothing);
    };
    match std::str::from_utf8(bytes)
        .ok()
        .and_then(|s| s.chars().next())
    {
        Some(c) if at == 0 => Step::Done(len, Parsed::Key(Key::Char(c))),
        Some(c) => Step::Done(at + len, Parsed::Key(Key::Alt(c))),
        None => Step::Done(at + 1, Parsed::Nothing),
    }
}

/// Something starting with ESC.
fn escape(buf: &[u8], local: bool) -> Step {
    match buf.get(1) {
        None => Step::More,
        // ESC ESC: the first one is the key; the second starts again.
        Some(0x1b) => Step::Done(1, Parsed::Key(Key::Esc)),
        Some(b'[') => csi(buf, local),
        Some(b'O') => ss3(buf),
        Some(&b) if (0x20..0x7f).contains(&b) => {
            Step::Done(2, Parsed::Key(Key::Alt(char::from(b))))
        }
        // Alt with a control key (Alt-Enter, Alt-Backspace): the key alone.
        Some(&b) if b < 0x20 || b == 0x7f => Step::Done(2, control_or_char(b, local)),
        Some(_) => utf8(buf, 1),
    }
}

/// `ESC O x`: arrows, Home/End, F1-F4 and keypad Enter in application mode.
fn ss3(buf: &[u8]) -> Step {
    let Some(&b) = buf.get(2) else {
        return Step::More;
    };
    let key = match b {
        b'A' => Key::Up,
        b'B' => Key::Down,
        b'C' => Key::Right,
        b'D' => Key::Left,
        b'H' => Key::Home,
        b'F' => Key::End,
        b'M' => Key::Enter,
        b'P'..=b'S' => Key::F(b - b'P' + 1),
        _ => return Step::Done(3, Parsed::Nothing),
    };
    Step::Done(3, Parsed::Key(key))
}

/// `ESC [ params intermediates final`, ended by a byte in 0x40..=0x7E (ECMA-48), whatever the
/// parameters: an unknown sequence is dropped whole instead of wedging the parser.
fn csi(buf: &[u8], local: bool) -> Step {
    // Called on `ESC [`; without a body yet, the rest has not come.
    let [_, _, body @ ..] = buf else {
        return Step::More;
    };
    let Some(end) = body.iter().position(|b| (0x40..=0x7e).contains(b)) else {
        // Anything but parameter and intermediate bytes breaks the sequence off: drop
        // what came so far and let that byte start again.
        return match body.iter().position(|b| !(0x20..0x40).contains(b)) {
            Some(bad) => Step::Done(2 + bad, Parsed::Nothing),
            None => Step::More,
        };
    };
    // `end` is a position in `body`: the final byte starts the second half.
    let (params, rest) = body.split_at(end);
    let [final_byte, ..] = *rest else {
        return Step::More;
    };
    let len = 2 + end + 1;
    if let Some(bad) = params.iter().position(|b| !(0x20..0x40).contains(b)) {
        return Step::Done(2 + bad, Parsed::Nothing);
    }
    if local {
        // X10 mouse: `ESC [ M` then three raw bytes, the button's and the place's, each
        // plus 32.
        if final_byte == b'M' && params.is_empty() {
            return match buf.get(len..len + 3) {
                Some(&[cb, cx, cy]) => {
                    let at = |c: u8| u16::from(c.saturating_sub(33));
                    let mouse = mouse(u16::from(cb.saturating_sub(32)), at(cx), at(cy), true);
                    Step::Done(len + 3, mouse)
                }
                _ => Step::More,
            };
        }
        if let Some(parsed) = mouse_report(params, final_byte) {
            return Step::Done(len, parsed);
        }
    }
    Step::Done(len, csi_meaning(params, final_byte))
}

/// An SGR mouse report (`ESC [ < b ; x ; y M`, `m` on release) or an urxvt one
/// (`ESC [ b ; x ; y M`, the button plus 32), places from 1; `None` when the sequence is
/// neither.
fn mouse_report(params: &[u8], final_byte: u8) -> Option<Parsed> {
    let (sgr, numbers) = match params.split_first() {
        Some((b'<', rest)) if matches!(final_byte, b'M' | b'm') => (true, rest),
        _ if final_byte == b'M' => (false, params),
        _ => return None,
    };
    let mut n = numbers.split(|b| *b == b';').map(|p| {
        std::str::from_utf8(p)
            .ok()
            .and_then(|p| p.parse::<u16>().ok())
    });
    let (Some(Some(cb)), Some(Some(x)), Some(Some(y)), None) =
        (n.next(), n.next(), n.next(), n.next())
    else {
        return sgr.then_some(Parsed::Nothing);
    };
    let cb = if sgr { cb } else { cb.saturating_sub(32) };
    Some(mouse(
        cb,
        x.saturating_sub(1),
        y.saturating_sub(1),
        !sgr || final_byte == b'M',
    ))
}

/// What a mouse report with button byte `cb` at (`x`, `y`) means; `pressed` is false for an
/// SGR release.
fn mouse(cb: u16, x: u16, y: u16, pressed: bool) -> Parsed {
    // The low bits and 64 name the button or the wheel; 32 is a move; 4, 8 and 16 are
    // modifiers (ignored).
    let kind = match (cb & 0b1100_0011, cb & 32 != 0) {
        (0, false) if pressed => MouseKind::LeftDown,
        (64, _) => MouseKind::WheelUp,
        (65, _) => MouseKind::WheelDown,
        _ => return Parsed::Nothing,
    };
    Parsed::Mouse(Mouse { kind, x, y })
}

fn csi_meaning(params: &[u8], final_byte: u8) -> Parsed {
    // Private or intermediate-marked sequences (`<` mouse, `?` reports, `$`...) carry no key.
    let plain = params.iter().all(|b| b.is_ascii_digit() || *b == b';');
    let first: Option<u16> = params
        .split(|b| *b == b';')
        .next()
        .and_then(|p| std::str::from_utf8(p).ok())
        .and_then(|p| p.parse().ok());
    let key = match (final_byte, plain) {
        // X10 mouse: `ESC [ M` then three raw bytes.
        (b'M', _) if params.is_empty() => return Parsed::Skip(3),
        // Linux console F1-F5: `ESC [ [ A`..`E`.
        (b'[', _) if params.is_empty() => return Parsed::Skip(1),
        (_, false) => return Parsed::Nothing,
        (b'A', _) => Key::Up,
        (b'B', _) => Key::Down,
        (b'C', _) => Key::Right,
        (b'D', _) => Key::Left,
        (b'H', _) => Key::Home,
        (b'F', _) => Key::End,
        (b'Z', _) => Key::BackTab,
        (b'P'..=b'S', _) => Key::F(final_byte - b'P' + 1),
        (b'~', _) => match first {
            Some(1 | 7) => Key::Home,
            Some(4 | 8) => Key::End,
            Some(3) => Key::Delete,
            Some(5) => Key::PageUp,
            Some(6) => Key::PageDown,
            Some(n @ 11..=15) => Key::F(u8::try_from(n - 10).unwrap_or(1)),
            Some(n @ 17..=21) => Key::F(u8::try_from(n - 11).unwrap_or(6)),
            Some(n @ 23..=24) => Key::F(u8::try_from(n - 12).unwrap_or(11)),
            Some(200) => return Parsed::PasteStart,
            Some(201) => return Parsed::PasteEnd,
            _ => return Parsed::Nothing,
        },
        // Focus in/out, SGR mouse and everything else.
        _ => return Parsed::Nothing,
    };
    Parsed::Key(key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rstest::rstest;

    fn parse_all(bytes: &[u8]) -> Vec<Key> {
        let mut p = InputParser::new();
        let mut keys = p.feed(bytes);
        keys.extend(p.flush());
        keys
    }

    #[rstest]
    #[case(b"\x1b[A", Key::Up)]
    #[case(b"\x1b[B", Key::Down)]
    #[case(b"\x1b[C", Key::Right)]
    #[case(b"\x1b[D", Key::Left)]
    #[case(b"\x1bOA", Key::Up)]
    #[case(b"\x1bOB", Key::Down)]
    #[case(b"\x1bOC", Key::Right)]
    #[case(b"\x1bOD", Key::Left)]
    #[case(b"\x1b[1;5A", Key::Up)]
    #[case(b"\x1b[5~", Key::PageUp)]
    #[case(b"\x1b[6~", Key::PageDown)]
    #[case(b"\x1b[H", Key::Home)]
    #[case(b"\x1b[F", Key::End)]
    #[case(b"\x1bOH", Key::Home)]
    #[case(b"\x1bOF", Key::End)]
    #[case(b"\x1b[1~", Key::Home)]
    #[case(b"\x1b[4~", Key::End)]
    #[case(b"\x1b[7~", Key::Home)]
    #[case(b"\x1b[8~", Key::End)]
    #[case(b"\x1b[3~", Key::Delete)]
    #[case(b"\t", Key::Tab)]
    #[case(b"\x1b[Z", Key::BackTab)]
    #[case(b"\r", Key::Enter)]
    #[case(b"\n", Key::Enter)]
    #[case(b"\r\n", Key::Enter)]
    #[case(b"\x1bOM", Key::Enter)]
    #[case(b"\x7f", Key::Backspace)]
    #[case(b"\x08", Key::Backspace)]
    #[case(b"\x03", Key::Ctrl('c'))]
    #[case(b"\x04", Key::Ctrl('d'))]
    #[case(b"\x15", Key::Ctrl('u'))]
    #[case(b"\x1b", Key::Esc)]
    #[case(b"\x1bx", Key::Alt('x'))]
    #[case(b"\x1b\xc3\xa9", Key::Alt('é'))]
    #[case(b"\x1bOP", Key::F(1))]
    #[case(b"\x1b[15~", Key::F(5))]
    #[case(b"\x1b[24~", Key::F(12))]
    #[case("é".as_bytes(), Key::Char('é'))]
    #[case("中".as_bytes(), Key::Char('中'))]
    #[case("🦀".as_bytes(), Key::Char('🦀'))]
    fn parser_known_sequence_gives_its_key(#[case] bytes: &[u8], #[case] key: Key) {
        assert_eq!(parse_all(bytes), vec![key]);
    }

    #[test]
    fn parser_several_keys_in_one_packet_gives_them_all_in_order() {
        let mut p = InputParser::new();
        assert_eq!(
            p.feed(b"j\x1b[B\x1b[6~x\x1bOA\r"),
            vec![
                Key::Char('j'),
                Key::Down,
                Key::PageDown,
                Key::Char('x'),
                Key::Up,
                Key::Enter
            ]
        );
        assert!(!p.has_pending());
    }

    #[test]
    fn parser_lone_esc_waits_for_flush_then_is_esc() {
        let mut p = InputParser::new();
        assert_eq!(p.feed(b"\x1b"), vec![]);
        assert!(p.has_pending());
        assert_eq!(p.flush(), vec![Key::Esc]);
        assert!(!p.has_pending());
    }

    #[test]
    fn parser_alt_bracket_waits_for_flush() {
        let mut p = InputParser::new();
        assert_eq!(p.feed(b"\x1b["), vec![]);
        assert_eq!(p.flush(), vec![Key::Alt('[')]);
    }

    #[test]
    fn parser_esc_esc_gives_esc_then_waits() {
        let mut p = InputParser::new();
        assert_eq!(p.feed(b"\x1b\x1b"), vec![Key::Esc]);
        assert_eq!(p.feed(b"[A"), vec![Key::Up]);
    }

    #[test]
    fn parser_sequence_split_across_packets_joins() {
        let mut p = InputParser::new();
        assert_eq!(p.feed(b"\x1b"), vec![]);
        assert_eq!(p.feed(b"["), vec![]);
        assert_eq!(p.feed(b"6"), vec![]);
        assert_eq!(p.feed(b"~k"), vec![Key::PageDown, Key::Char('k')]);
    }

    #[test]
    fn parser_utf8_split_across_packets_joins() {
        let bytes = "中".as_bytes();
        let mut p = InputParser::new();
        assert_eq!(p.feed(&bytes[..1]), vec![]);
        assert_eq!(p.feed(&bytes[1..2]), vec![]);
        assert_eq!(p.feed(&bytes[2..]), vec![Key::Char('中')]);
    }

    #[test]
    fn parser_broken_utf8_is_dropped_and_the_rest_parses() {
        assert_eq!(
            parse_all(b"\xe4\xb8j\xffk\x80"),
            vec![Key::Char('j'), Key::Char('k')]
        );
    }

    #[rstest]
    #[case(b"\x1b[<0;10;20M")]
    #[case(b"\x1b[<64;1;1m")]
    #[case(b"\x1b[M !!")]
    #[case(b"\x1b[I")]
    #[case(b"\x1b[O")]
    #[case(b"\x1b[?2026;2$y")]
    #[case(b"\x1b[?1;2c")]
    #[case(b"\x1b[2~")]
    #[case(b"\x1b[99~")]
    #[case(b"\x1bOz")]
    #[case(b"\x1b[[A")]
    fn parser_reports_and_unknown_sequences_are_dropped(#[case] bytes: &[u8]) {
        let mut with_after = bytes.to_vec();
        with_after.push(b'j');
        assert_eq!(parse_all(&with_after), vec![Key::Char('j')]);
    }

    #[test]
    fn parser_bracketed_paste_types_text_up_to_the_cap() {
        let mut bytes = b"\x1b[200~ab\x1b[A".to_vec();
        bytes.extend(std::iter::repeat_n(b'x', 10_000));
        bytes.extend(b"\x1b[201~q");
        let keys = parse_all(&bytes);
        assert_eq!(keys.len(), MAX_PASTE_KEYS + 1);
        assert_eq!(
            &keys[..3],
            &[Key::Char('a'), Key::Char('b'), Key::Char('x')]
        );
        assert_eq!(
            keys.last(),
            Some(&Key::Char('q')),
            "keys after the paste act again"
        );
    }

    #[test]
    fn parser_overlong_sequence_is_dropped_and_bounded() {
        let mut p = InputParser::new();
        let mut bytes = b"\x1b[".to_vec();
        bytes.extend(std::iter::repeat_n(b'1', 10_000));
        p.feed(&bytes);
        assert!(p.pending_len() <= MAX_PENDING);
        assert_eq!(p.feed(b"j"), vec![Key::Char('j')]);
    }

    fn local_all(bytes: &[u8]) -> Vec<Input> {
        let mut p = InputParser::local();
        let mut out = Vec::new();
        p.feed_into(bytes, &mut out);
        p.end_of_read(&mut out);
        out
    }

    fn keys(keys: &[Key]) -> Vec<Input> {
        keys.iter().copied().map(Input::Key).collect()
    }

    #[rstest]
    #[case(b"\x08", Key::Ctrl('h'))]
    #[case(b"\n", Key::Ctrl('j'))]
    #[case(b"\x00", Key::Ctrl(' '))]
    #[case(b"\x1c", Key::Ctrl('4'))]
    #[case(b"\x1f", Key::Ctrl('7'))]
    #[case(b"\r", Key::Enter)]
    #[case(b"\x7f", Key::Backspace)]
    #[case(b"\x04", Key::Ctrl('d'))]
    #[case(b"\x1b\x08", Key::Ctrl('h'))]
    #[case(b"\x1b", Key::Esc)]
    #[case(b"\x1b[6~", Key::PageDown)]
    fn local_keys_read_as_crossterm_named_them(#[case] bytes: &[u8], #[case] key: Key) {
        assert_eq!(local_all(bytes), keys(&[key]));
    }

    #[test]
    fn local_esc_ending_a_read_is_the_key_and_a_sequence_waits_for_the_next() {
        let mut p = InputParser::local();
        let mut out = Vec::new();
        p.feed_into(b"j\x1b[", &mut out);
        p.end_of_read(&mut out);
        assert_eq!(out, keys(&[Key::Char('j')]));
        p.feed_into(b"B", &mut out);
        p.end_of_read(&mut out);
        assert_eq!(out, keys(&[Key::Char('j'), Key::Down]));
        assert!(!p.has_pending());
    }

    #[rstest]
    #[case(b"\x1b[<0;10;20M", Some((MouseKind::LeftDown, 9, 19)))]
    #[case(b"\x1b[<16;10;20M", Some((MouseKind::LeftDown, 9, 19)))]
    #[case(b"\x1b[<0;10;20m", None)]
    #[case(b"\x1b[<2;10;20M", None)]
    #[case(b"\x1b[<32;10;20M", None)]
    #[case(b"\x1b[<35;10;20M", None)]
    #[case(b"\x1b[<64;1;1M", Some((MouseKind::WheelUp, 0, 0)))]
    #[case(b"\x1b[<65;200;60M", Some((MouseKind::WheelDown, 199, 59)))]
    #[case(b"\x1b[M *+", Some((MouseKind::LeftDown, 9, 10)))]
    #[case(b"\x1b[M#*+", None)]
    #[case(b"\x1b[Ma*+", Some((MouseKind::WheelDown, 9, 10)))]
    #[case(b"\x1b[32;10;20M", Some((MouseKind::LeftDown, 9, 19)))]
    #[case(b"\x1b[96;10;20M", Some((MouseKind::WheelUp, 9, 19)))]
    fn local_mouse_reports_give_clicks_and_the_wheel(
        #[case] bytes: &[u8],
        #[case] mouse: Option<(MouseKind, u16, u16)>,
    ) {
        let mut with_after = bytes.to_vec();
        with_after.push(b'j');
        let mut expected: Vec<Input> = mouse
            .map(|(kind, x, y)| Input::Mouse(Mouse { kind, x, y }))
            .into_iter()
            .collect();
        expected.push(Input::Key(Key::Char('j')));
        assert_eq!(local_all(&with_after), expected);
        // Over SSH, none of it: only the key after.
        assert_eq!(parse_all(&with_after), vec![Key::Char('j')]);
    }

    #[test]
    fn local_paste_comes_as_its_text_across_reads() {
        let mut p = InputParser::local();
        let mut out = Vec::new();
        p.feed_into(b"\x1b[200~ab\x1b[A\r", &mut out);
        p.end_of_read(&mut out);
        assert!(out.is_empty() && p.has_pending());
        p.feed_into(b"\ncd\x1b", &mut out);
        p.end_of_read(&mut out);
        assert!(out.is_empty(), "an Esc inside a paste is the paste's");
        p.feed_into(b"[201~q", &mut out);
        assert_eq!(
            out,
            [
                Input::Paste("ab\x1b[A\r\ncd".to_string()),
                Input::Key(Key::Char('q'))
            ]
        );
        assert!(!p.has_pending());
    }

    #[test]
    fn local_paste_keeps_its_first_bytes_up_to_the_cap() {
        let mut bytes = b"\x1b[200~".to_vec();
        bytes.extend(std::iter::repeat_n(b'x', MAX_PASTE_BYTES + 5_000));
        bytes.extend(b"\x1b[201~j");
        let out = local_all(&bytes);
        assert_eq!(out.len(), 2);
        assert!(matches!(&out[0], Input::Paste(t) if t.len() == MAX_PASTE_BYTES));
        assert_eq!(out[1], Input::Key(Key::Char('j')));
    }

    /// Sequences with a known meaning, for the split property.
    const KNOWN: &[&[u8]] = &[
        b"j",
        b"q",
        b"\t",
        b"\r",
        b"\x7f",
        b"\x03",
        b"\x1b[A",
        b"\x1bOB",
        b"\x1b[5~",
        b"\x1b[6~",
        b"\x1b[H",
        b"\x1bOF",
        b"\x1b[Z",
        b"\x1bx",
        b"\xc3\xa9",
        b"\xe4\xb8\xad",
        b"\x1b[<0;1;1M",
        b"\x1b[I",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn parser_arbitrary_packets_never_panic_and_stay_bounded(
            packets in proptest::collection::vec(proptest::collection::vec(any::<u8>(), 0..64), 0..32)
        ) {
            let mut p = InputParser::new();
            let mut n = 0;
            for packet in &packets {
                n += p.feed(packet).len();
                prop_assert!(p.pending_len() <= MAX_PENDING);
                n += p.flush().len();
                prop_assert!(!p.has_pending());
            }
            let total: usize = packets.iter().map(Vec::len).sum();
            prop_assert!(n <= total, "{n} keys from {total} bytes");
        }

        #[test]
        fn parser_known_sequences_parse_the_same_however_split(
            picks in proptest::collection::vec(0..KNOWN.len(), 1..24),
            cuts in proptest::collection::vec(any::<prop::sample::Index>(), 0..8),
        ) {
            let bytes: Vec<u8> = picks.iter().flat_map(|i| KNOWN[*i].iter().copied()).collect();
            let whole = parse_all(&bytes);
            let mut at: Vec<usize> = cuts.iter().map(|c| c.index(bytes.len() + 1)).collect();
            at.sort_unstable();
            let mut p = InputParser::new();
            let mut split = Vec::new();
            let mut from = 0;
            for cut in at.into_iter().chain([bytes.len()]) {
                split.extend(p.feed(&bytes[from..cut]));
                from = cut;
            }
            split.extend(p.flush());
            prop_assert_eq!(&split, &whole);
            let expected: Vec<Key> = picks.iter().flat_map(|i| parse_all(KNOWN[*i])).collect();
            prop_assert_eq!(whole, expected);
        }

        #[test]
        fn local_known_sequences_parse_the_same_however_split(
            picks in proptest::collection::vec(0..KNOWN.len(), 1..24),
            cuts in proptest::collection::vec(any::<prop::sample::Index>(), 0..8),
        ) {
            // A lone Esc is not among them: split after one, a read would end with it.
            let bytes: Vec<u8> = picks.iter().flat_map(|i| KNOWN[*i].iter().copied()).collect();
            let whole = local_all(&bytes);
            let mut at: Vec<usize> = cuts.iter().map(|c| c.index(bytes.len() + 1)).collect();
            at.sort_unstable();
            let mut p = InputParser::local();
            let mut split = Vec::new();
            let mut from = 0;
            for cut in at.into_iter().chain([bytes.len()]) {
                p.feed_into(&bytes[from..cut], &mut split);
                if bytes.get(cut.wrapping_sub(1)) != Some(&0x1b) {
                    p.end_of_read(&mut split);
                }
                from = cut;
            }
            prop_assert_eq!(split, whole);
        }

        #[test]
        fn parser_garbage_then_a_key_recovers_after_flush(
            garbage in proptest::collection::vec(any::<u8>(), 0..200)
        ) {
            let mut p = InputParser::new();
            p.feed(&garbage);
            p.flush();
            prop_assert_eq!(p.feed(b"\x1b[Bj"), vec![Key::Down, Key::Char('j')]);
        }
    }
}
