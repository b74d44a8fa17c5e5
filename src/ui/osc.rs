//! The operating system commands the reader writes besides cells: OSC 8 hyperlinks and OSC 52
//! clipboard copies. What goes inside comes from the briefing, which is untrusted, so nothing
//! that could end the sequence early gets in: an address keeps only printable ASCII, and
//! copied text is base64 (after its control characters but newline and tab are dropped).
//! Pure: the edges write the bytes.

use base64::Engine as _;

/// The most bytes of text one copy takes: terminals refuse (or choke on) much longer
/// sequences.
pub const MAX_COPY: usize = 64 * 1024;

/// Appends the start of a hyperlink to `url` (printable ASCII only is kept).
pub fn open_hyperlink(out: &mut Vec<u8>, url: &str) {
    out.extend_from_slice(b"\x1b]8;;");
    out.extend(url.bytes().filter(u8::is_ascii_graphic));
    out.extend_from_slice(b"\x1b\\");
}

/// Appends the end of the current hyperlink.
pub fn close_hyperlink(out: &mut Vec<u8>) {
    out.extend_from_slice(b"\x1b]8;;\x1b\\");
}

/// The sequence that puts `text` on the clipboard (OSC 52, "c" selection), or `None` when it
/// is longer than [`MAX_COPY`]. Control characters other than newline and tab are dropped.
pub fn clipboard(text: &str) -> Option<Vec<u8>> {
    let clean: String = text
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .collect();
    if clean.len() > MAX_COPY {
        return None;
    }
    let mut out = b"\x1b]52;c;".to_vec();
    out.extend_from_slice(
        base64::engine::general_purpose::STANDARD
            .encode(clean.as_bytes())
            .as_bytes(),
    );
    out.push(0x07);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The number of ESC and BEL bytes: a sequence that cannot be ended early has its own
    /// only.
    fn controls(bytes: &[u8]) -> (usize, usize) {
        (
            bytes.iter().filter(|b| **b == 0x1b).count(),
            bytes.iter().filter(|b| **b == 0x07).count(),
        )
    }

    #[test]
    fn a_copy_is_base64_of_the_text_without_its_controls() {
        let evil = "« quote »\u{1b}]52;c;ZXZpbA==\u{7}\u{9b}31m\u{1b}\\\nline two\tend";
        let seq = clipboard(evil).unwrap();
        assert_eq!(controls(&seq), (1, 1));
        assert!(seq.starts_with(b"\x1b]52;c;") && seq.ends_with(b"\x07"));
        let body = &seq[7..seq.len() - 1];
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(body)
            .unwrap();
        assert_eq!(
            String::from_utf8(decoded).unwrap(),
            "« quote »]52;c;ZXZpbA==31m\\\nline two\tend"
        );
        assert_eq!(clipboard(&"a".repeat(MAX_COPY + 1)), None);
    }

    #[test]
    fn a_hyperlink_keeps_only_printable_ascii() {
        let mut out = Vec::new();
        open_hyperlink(&mut out, "https://x.org/\u{1b}\\\u{7}\u{9c}a b");
        close_hyperlink(&mut out);
        assert_eq!(controls(&out), (4, 0));
        assert_eq!(out, b"\x1b]8;;https://x.org/\\ab\x1b\\\x1b]8;;\x1b\\");
    }
}
