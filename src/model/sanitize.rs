//! The one sanitizer every string from a file passes through before it can reach a screen.
//!
//! A briefing is untrusted: it must not move the cursor, set the window title, write the
//! clipboard (OSC 52), hide text with bidi overrides, or ring the bell. We drop whole escape
//! sequences (CSI, OSC, DCS, APC, PM, SOS, and two-byte ESC sequences, in both their 7-bit and
//! C1 forms), every remaining C0 and C1 control character, DEL, and the bidi embedding,
//! override and isolate controls. Newlines stay; `\r\n` and lone `\r` become `\n`; tabs are
//! expanded to the next multiple of four columns. No I/O here.

use unicode_width::UnicodeWidthChar;

/// Columns a character takes on a terminal. Control characters, which have no width and draw
/// nothing (sanitized text has none but newline), take none.
pub fn char_columns(c: char) -> usize {
    c.width().unwrap_or(0)
}
/// Tab stops every this many columns.
pub const TAB_WIDTH: usize = 4;

/// True for a character that must never reach the terminal as is.
pub fn is_unsafe(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

/// What the scanner is inside of.
#[derive(Clone, Copy, PartialEq)]
enum In {
    Text,
    /// After ESC: the next char decides.
    Escape,
    /// A control sequence: parameters until a final byte 0x40..=0x7E.
    Csi,
    /// A string (OSC, DCS, APC, PM, SOS) until BEL or ST.
    Str,
    /// ESC inside a string: `\` ends it (ST), anything else too.
    StrEscape,
}

/// Returns `s` with escape sequences, control characters and bidi controls removed, line ends
/// normalised and tabs expanded.
pub fn sanitize(s: &str) -> String {
    if !s
        .chars()
        .any(|c| is_unsafe(c) || c == '\t' || c == '\r' || c == '\u{2028}')
    {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut state = In::Text;
    let mut col = 0usize;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        state = match state {
            In::Text => match c {
                '\u{1b}' => In::Escape,
                '\u{9b}' => In::Csi,
                '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => In::Str,
                '\r' => {
                    if chars.peek() != Some(&'\n') {
                        out.push('\n');
                        col = 0;
                    }
                    In::Text
                }
                '\n' | '\u{2028}' | '\u{2029}' => {
                    out.push('\n');
                    col = 0;
                    In::Text
                }
                '\t' => {
                    let n = TAB_WIDTH - col % TAB_WIDTH;
                    out.extend(std::iter::repeat_n(' ', n));
                    col += n;
                    In::Text
                }
                c if is_unsafe(c) => In::Text,
                c => {
                    out.push(c);
                    col += char_columns(c);
                    In::Text
                }
            },
            In::Escape => match c {
                '[' => In::Csi,
                ']' | 'P' | 'X' | '^' | '_' => In::Str,
                // Intermediate bytes (ESC ( B and friends) take one more char.
                '\u{20}'..='\u{2f}' => {
                    chars.next();
                    In::Text
                }
                _ => In::Text,
            },
            In::Csi => match c {
                '\u{20}'..='\u{3f}' => In::Csi,
                // A final byte (0x40 to 0x7e) ends the sequence; anything else breaks it and
                // is dropped too.
                _ => In::Text,
            },
            In::Str => match c {
                '\u{7}' | '\u{9c}' => In::Text,
                '\u{1b}' => In::StrEscape,
                _ => In::Str,
            },
            In::StrEscape => In::Text,
        };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case::csi_colour("a\u{1b}[31mred\u{1b}[0m", "ared")]
    #[case::cursor_move("x\u{1b}[2J\u{1b}[H", "x")]
    #[case::title_bel("\u{1b}]0;owned\u{7}ok", "ok")]
    #[case::title_st("\u{1b}]2;owned\u{1b}\\ok", "ok")]
    #[case::clipboard("\u{1b}]52;c;aGVsbG8=\u{7}ok", "ok")]
    #[case::dcs("\u{1b}Pq#0;2;0;0;0\u{1b}\\ok", "ok")]
    #[case::c1_csi("a\u{9b}1;2Hb", "ab")]
    #[case::charset("\u{1b}(Bok", "ok")]
    #[case::bell("ding\u{7}", "ding")]
    #[case::backspace("ab\u{8}c", "abc")]
    #[case::bidi("safe\u{202e}txt.exe\u{2066}", "safetxt.exe")]
    #[case::crlf("a\r\nb\rc", "a\nb\nc")]
    #[case::tab("a\tb\t\tc", "a   b       c")]
    #[case::keeps_french("«\u{a0}Bonjour\u{202f}!\u{a0}»", "«\u{a0}Bonjour\u{202f}!\u{a0}»")]
    #[case::keeps_emoji("👩\u{200d}🔬 e\u{301}", "👩\u{200d}🔬 e\u{301}")]
    #[case::unterminated_osc("x\u{1b}]0;never ends", "x")]
    fn sanitize_neutralizes(#[case] input: &str, #[case] want: &str) {
        assert_eq!(sanitize(input), want);
    }

    #[test]
    fn sanitized_text_has_no_unsafe_char() {
        let all: String = (0u32..0x3000).filter_map(char::from_u32).collect();
        assert!(
            !sanitize(&all)
                .chars()
                .any(|c| is_unsafe(c) || c == '\t' || c == '\r')
        );
    }
}
