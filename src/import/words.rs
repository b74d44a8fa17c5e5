//! Small string helpers of the importer: slicing at known boundaries, collapsing whitespace,
//! cutting to a length, comparing names. Linear, never slicing off a character boundary.
//! No I/O here.

use std::ops::Range;

/// `text[range]` for a range the caller found by walking `text` (so on character
/// boundaries). A range that is not is a bug: it fails the tests, and gives nothing in a
/// release build.
pub(crate) fn slice(text: &str, range: Range<usize>) -> &str {
    let part = text.get(range);
    debug_assert!(part.is_some());
    part.unwrap_or_default()
}

/// The largest character boundary of `text` not after `at`.
pub(crate) fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The smallest character boundary of `text` not before `at`.
pub(crate) fn ceil_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// At most the first `max` bytes of `text`, cut at a character boundary.
pub(crate) fn head(text: &str, max: usize) -> &str {
    slice(text, 0..floor_boundary(text, max))
}

/// True when `text` has at least `n` words (counted only that far: a block may be a whole
/// page).
pub(crate) fn has_words(text: &str, n: usize) -> bool {
    n == 0 || text.split_whitespace().nth(n - 1).is_some()
}

/// Collapses runs of whitespace (newlines included) into one space and trims the ends.
pub(crate) fn collapse_ws(text: &str) -> String {
    if is_collapsed(text) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for word in text.split(char::is_whitespace).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// True when [`collapse_ws`] would return `text` as it is: no whitespace but single ASCII
/// spaces between words. A byte scan; whitespace outside ASCII (U+0085, U+00A0, U+1680,
/// U+2000..U+200A, U+2028, U+2029, U+202F, U+205F, U+3000) is told from its bytes.
fn is_collapsed(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    // Most texts have no control character, no lead byte of a space outside ASCII (nor of
    // «, ’ and the like), and then only two spaces in a row could be collapsed: told by a fold
    // without early exit, which vectorizes, and a substring search.
    let maybe_wide = bytes.iter().fold(false, |seen, &byte| {
        seen | (byte < 0x20) | (byte == 0xc2) | (0xe1..=0xe3).contains(&byte)
    });
    if !maybe_wide {
        return memchr::memmem::find(bytes, b"  ").is_none();
    }
    let at = |i: usize| bytes.get(i).copied().unwrap_or(0);
    let mut space = false;
    for (i, &byte) in bytes.iter().enumerate() {
        let wide_space = match byte {
            b'\t' | b'\n' | 0x0b | 0x0c | b'\r' => true,
            0xc2 => matches!(at(i + 1), 0x85 | 0xa0),
            0xe1 => at(i + 1) == 0x9a && at(i + 2) == 0x80,
            0xe2 => match at(i + 1) {
                0x80 => matches!(at(i + 2), 0x80..=0x8a | 0xa8 | 0xa9 | 0xaf),
                0x81 => at(i + 2) == 0x9f,
                _ => false,
            },
            0xe3 => at(i + 1) == 0x80 && at(i + 2) == 0x80,
            _ => false,
        };
        if wide_space || byte == b' ' && space {
            return false;
        }
        space = byte == b' ';
    }
    true
}

/// `text` with its first letter in uppercase.
pub(crate) fn capitalize_first(text: &str) -> String {
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    // The rest copied whole, not collected character by character.
    let mut out = String::with_capacity(text.len() + 4);
    out.extend(first.to_uppercase());
    out.push_str(chars.as_str());
    out
}

/// `text` with its first letter in lowercase, unless its first word is an acronym.
pub(crate) fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    let (Some(first), second) = (chars.next(), chars.clone().next()) else {
        return text.to_string();
    };
    if second.is_some_and(char::is_uppercase) {
        return text.to_string();
    }
    first.to_lowercase().chain(chars).collect()
}

/// `text` cut to at most `max` characters, at a space when there is one, with an ellipsis.
pub(crate) fn cut_chars(text: &str, max: usize) -> String {
    let Some((at, _)) = text.char_indices().nth(max) else {
        return text.to_string();
    };
    let cut = slice(text, 0..at);
    let cut = match cut.rfind(' ') {
        Some(space) if space > at / 2 => slice(cut, 0..space),
        _ => cut,
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

/// A key for comparing names and labels: lowercase, accents dropped (German umlauts spelled
/// out), apostrophes straight, anything but letters and digits a single space.
pub(crate) fn fold_key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_pieces(text, |piece| {
        out.push_str(piece);
        true
    });
    out
}

/// True when `fold_key(text)` is `key`, found without building the key: the comparison stops
/// at the first piece that differs (most texts differ from their first letter).
pub(crate) fn fold_eq(text: &str, key: &str) -> bool {
    let mut rest = key;
    fold_pieces(text, |piece| match rest.strip_prefix(piece) {
        Some(after) => {
            rest = after;
            true
        }
        None => false,
    }) && rest.is_empty()
}

/// The pieces of [`fold_key`]`(text)`, in order, each given to `take` until it says to stop
/// (false, then returned). A run of separators is one space, written only before a letter or
/// a digit: none at either end.
fn fold_pieces(text: &str, mut take: impl FnMut(&str) -> bool) -> bool {
    let mut state = Folding {
        space: true,
        pending: false,
    };
    let mut buf = [0u8; 4];
    let mut rest = text;
    while !rest.is_empty() {
        // A run of lowercase ASCII letters and digits (most of a label) folds to itself: it
        // is given whole, not a character at a time.
        let run = rest
            .bytes()
            .take_while(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            .count();
        if let Some((same, after)) = rest.split_at_checked(run)
            && !same.is_empty()
        {
            if !state.take_word(same, &mut take) {
                return false;
            }
            rest = after;
            continue;
        }
        let mut chars = rest.chars();
        let Some(original) = chars.next() else {
            break;
        };
        rest = chars.as_str();
        // ASCII lowercases to one character of its own.
        if original.is_ascii() {
            if !state.step(original.to_ascii_lowercase(), &mut buf, &mut take) {
                return false;
            }
            continue;
        }
        for c in original.to_lowercase() {
            if !state.step(c, &mut buf, &mut take) {
                return false;
            }
        }
    }
    true
}

/// Where [`fold_pieces`] is: after a separator (or at the start), and with a space to write
/// before the next letter.
struct Folding {
    space: bool,
    pending: bool,
}

impl Folding {
    /// Folds one lowercase character, giving its pieces to `take`; false when it said to stop.
    #[inline]
    fn step(&mut self, c: char, buf: &mut [u8; 4], take: &mut impl FnMut(&str) -> bool) -> bool {
        let folded = match c {
            c if c.is_ascii_alphanumeric() => c.encode_utf8(buf),
            c if c.is_ascii() => {
                self.separator();
                return true;
            }
            'ä' | 'æ' => "ae",
            'ö' | 'œ' => "oe",
            'ü' => "ue",
            'ß' => "ss",
            'à' | 'á' | 'â' | 'ã' | 'å' | 'ā' => "a",
            'ç' | 'č' | 'ć' => "c",
            'è' | 'é' | 'ê' | 'ë' | 'ě' => "e",
            'ì' | 'í' | 'î' | 'ï' => "i",
            'ñ' | 'ń' => "n",
            'ò' | 'ó' | 'ô' | 'õ' | 'ø' | 'ő' => "o",
            'ù' | 'ú' | 'û' | 'ű' => "u",
            'ý' | 'ÿ' => "y",
            'š' | 'ś' => "s",
            'ž' | 'ź' | 'ż' => "z",
            'ł' => "l",
            c if c.is_alphanumeric() => c.encode_utf8(buf),
            _ => {
                self.separator();
                return true;
            }
        };
        self.take_word(folded, take)
    }

    /// Gives `folded`, letters or digits folded, to `take`, after the space a separator
    /// before it left pending; false when it said to stop.
    #[inline]
    fn take_word(&mut self, folded: &str, take: &mut impl FnMut(&str) -> bool) -> bool {
        if self.pending && !take(" ") {
            return false;
        }
        self.pending = false;
        self.space = false;
        take(folded)
    }

    /// A character that is no letter or digit: a space before the next letter, if any.
    #[inline]
    fn separator(&mut self) {
        if !self.space {
            self.pending = true;
            self.space = true;
        }
    }
}

/// Title-cases words written in capitals ("VIENNA" -> "Vienna"); other words are kept.
pub(crate) fn soften_caps(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (n, word) in text.split(' ').enumerate() {
        if n > 0 {
            out.push(' ');
        }
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        if letters >= 2 && !word.chars().any(char::is_lowercase) {
            let mut at_start = true;
            for c in word.chars() {
                if at_start {
                    out.push(c);
                } else {
                    out.extend(c.to_lowercase());
                }
                at_start = !c.is_alphabetic();
            }
        } else {
            out.push_str(word);
        }
    }
    out
}

#[cfg(test)]
#[allow(
    clippy::indexing_slicing,
    reason = "a test fails loudly on a wrong length"
)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[test]
    fn has_words_counts_as_far_as_asked() {
        assert!(has_words("one two\nthree", 3));
        assert!(!has_words("one two\nthree", 4));
        assert!(has_words("", 0));
        assert!(!has_words("  ", 1));
    }

    /// The first letter in uppercase (one or more characters) and the rest as written.
    #[rstest]
    #[case("")]
    #[case("drug trafficking")]
    #[case("éco-criminalité")]
    #[case("ßtraße")]
    #[case("ﬁsheries crime")]
    #[case("ǆ")]
    fn capitalize_first_uppercases_the_first_letter_only(#[case] text: &str) {
        let mut chars = text.chars();
        let want: String = match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => String::new(),
        };
        assert_eq!(capitalize_first(text), want);
    }

    #[rstest]
    #[case("Jürgen Stock", "juergen stock")]
    #[case("Élodie", "elodie")]
    #[case("  l’ONUDC, (UNODC)  ", "l onudc unodc")]
    #[case("K-9 Unit!", "k 9 unit")]
    #[case("\u{212a}ELVIN İZMIR", "kelvin i zmir")]
    #[case("drug trafficking 2016, éco-crime", "drug trafficking 2016 eco crime")]
    #[case("traite des êtres humains", "traite des etres humains")]
    #[case("cyber9crime--Web3  x", "cyber9crime web3 x")]
    fn fold_key_folds_case_accents_and_punctuation(#[case] text: &str, #[case] key: &str) {
        assert_eq!(fold_key(text), key);
        assert!(fold_eq(text, key));
        assert!(!fold_eq(text, &format!("{key}x")));
        assert!(!fold_eq(&format!("{text}x"), key));
    }

    #[rstest]
    #[case("one two", "one two")]
    #[case(" one  two\n", "one two")]
    #[case("one\u{a0}two", "one two")]
    #[case("one\u{2003}two\u{3000}", "one two")]
    #[case("«\u{202f}oui\u{202f}»", "« oui »")]
    #[case("l\u{2019}été", "l\u{2019}été")]
    #[case("a\u{1f}b", "a\u{1f}b")]
    #[case("", "")]
    #[case("« oui » – l\u{2019}été “ok”", "« oui » – l\u{2019}été “ok”")]
    #[case("a\u{2028}b\u{205f}c\u{1680}d\u{85}e", "a b c d e")]
    #[case("plain words, été and more", "plain words, été and more")]
    #[case("plain  words", "plain words")]
    #[case("été  ici", "été ici")]
    #[case("tab\there", "tab here")]
    fn collapse_ws_keeps_single_spaces_only(#[case] text: &str, #[case] want: &str) {
        assert_eq!(collapse_ws(text), want);
        let slow: Vec<&str> = text
            .split(char::is_whitespace)
            .filter(|w| !w.is_empty())
            .collect();
        assert_eq!(collapse_ws(text), slow.join(" "));
    }

    #[test]
    fn cut_chars_stops_at_a_space() {
        assert_eq!(cut_chars("one two three", 9), "one two…");
        assert_eq!(cut_chars("short", 9), "short");
    }

    #[test]
    fn soften_caps_title_cases_capitals() {
        assert_eq!(soften_caps("NEW YORK"), "New York");
        assert_eq!(soften_caps("Vienne"), "Vienne");
    }

    #[test]
    fn boundaries_fall_on_characters() {
        let text = "«é»";
        assert_eq!(floor_boundary(text, 1), 0);
        assert_eq!(ceil_boundary(text, 1), 2);
        assert_eq!(head(text, 3), "«");
    }
}
