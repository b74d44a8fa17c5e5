//! Text measured and wrapped by display width, French typography kept together, and the
//! case- and accent-insensitive matching used by search. No I/O here.
//!
//! Widths come from unicode-width (CJK and emoji take two columns, combining marks none);
//! line breaks come from textwrap with the Unicode line breaking algorithm, which never breaks
//! at a no-break space, so « text » stays whole once its spaces are no-break ones.

use std::ops::Range;

use textwrap::{Options, WordSeparator, WordSplitter};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The display width of `s` in terminal columns.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Wraps `text` to `width` columns with a hanging indent; words wider than the line are broken.
/// Always returns at least one line.
pub fn wrap(text: &str, width: usize, first_indent: &str, rest_indent: &str) -> Vec<String> {
    let width = width.max(1);
    // An indent as wide as the line would leave no room: drop it rather than loop.
    let (first_indent, rest_indent) =
        if self::width(first_indent).max(self::width(rest_indent)) >= width {
            ("", "")
        } else {
            (first_indent, rest_indent)
        };
    let options = Options::new(width)
        .initial_indent(first_indent)
        .subsequent_indent(rest_indent)
        .word_separator(WordSeparator::UnicodeBreakProperties)
        .word_splitter(WordSplitter::NoHyphenation)
        .break_words(true);
    let lines: Vec<String> = textwrap::wrap(text, options)
        .into_iter()
        .map(|l| l.into_owned())
        .collect();
    if lines.is_empty() {
        vec![String::new()]
    } else {
        lines
    }
}

/// Replaces the plain spaces French typography puts inside « » and before : ; ! ? with
/// no-break spaces, so a line never starts with » or ends with «. Existing no-break and narrow
/// no-break spaces are kept as they are.
pub fn glue_french(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        let prev = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
        let glue = c == ' '
            && (matches!(next, Some('»' | ':' | ';' | '!' | '?' | '%')) || prev == Some('«'));
        out.push(if glue { '\u{a0}' } else { c });
    }
    out
}

/// Cuts `s` to at most `max` columns, ending with `…` when something was cut.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// The base letter of `c`, lowercased: `É` -> `e`, `ç` -> `c`, `ß` -> `ß`.
fn fold(c: char) -> char {
    let mut base = c;
    let mut first = true;
    unicode_normalization::char::decompose_canonical(c, |d| {
        if first {
            base = d;
            first = false;
        }
    });
    base.to_lowercase().next().unwrap_or(base)
}

/// A search query, folded once.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Needle(Vec<char>);

impl Needle {
    /// Folds `query` for matching; an empty or all-space query matches nothing.
    pub fn new(query: &str) -> Needle {
        if query.trim().is_empty() {
            return Needle(Vec::new());
        }
        Needle(query.chars().map(fold).filter(|c| !is_mark(*c)).collect())
    }

    /// True when the needle matches nothing.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Byte ranges of the non-overlapping matches of this needle in `hay`, ignoring case and
    /// accents, in order.
    pub fn find_in(&self, hay: &str) -> Vec<Range<usize>> {
        let mut found = Vec::new();
        self.for_each_in(hay, |r| {
            found.push(r);
            true
        });
        found
    }

    /// Counts matches in `hay`, stopping at `limit`.
    pub fn count_in(&self, hay: &str, limit: usize) -> usize {
        let mut n = 0;
        self.for_each_in(hay, |_| {
            n += 1;
            n < limit
        });
        n
    }

    fn for_each_in(&self, hay: &str, mut on_match: impl FnMut(Range<usize>) -> bool) {
        let Some(&first) = self.0.first() else { return };
        // Folded chars with their byte ranges, combining marks dropped.
        let folded: Vec<(char, usize, usize)> = hay
            .char_indices()
            .filter(|(_, c)| !is_mark(*c))
            .map(|(i, c)| (fold(c), i, i + c.len_utf8()))
            .collect();
        let n = self.0.len();
        let mut i = 0;
        while i + n <= folded.len() {
            if folded[i].0 == first && folded[i..i + n].iter().zip(&self.0).all(|(h, q)| h.0 == *q)
            {
                let end = hay[folded[i + n - 1].2..]
                    .char_indices()
                    .find(|(_, c)| !is_mark(*c))
                    .map_or(hay.len(), |(j, _)| folded[i + n - 1].2 + j);
                if !on_match(folded[i].1..end) {
                    return;
                }
                i += n;
            } else {
                i += 1;
            }
        }
    }
}

fn is_mark(c: char) -> bool {
    // Combining diacritical marks: the common blocks are enough for folding accents.
    matches!(c, '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20ff}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[test]
    fn wrap_never_breaks_before_closing_guillemet() {
        let text = glue_french("« Le besoin de partenariats globaux n'a jamais été plus clair »");
        // From the widest glued word on ("clair »"), no break is forced.
        for width in 12..60 {
            for line in wrap(&text, width, "", "") {
                assert!(
                    !line.trim_start().starts_with('»'),
                    "width {width}: {line:?}"
                );
                assert!(!line.trim_end().ends_with('«'), "width {width}: {line:?}");
            }
        }
    }

    #[test]
    fn wrap_keeps_question_mark_with_its_word() {
        let text = glue_french("Qui a signé l'accord ? Les deux directeurs !");
        for width in 12..40 {
            for line in wrap(&text, width, "", "") {
                let t = line.trim_start();
                assert!(
                    !t.starts_with('?') && !t.starts_with('!'),
                    "width {width}: {line:?}"
                );
            }
        }
    }

    #[test]
    fn glue_keeps_narrow_no_break_spaces() {
        assert_eq!(glue_french("Oui\u{202f}!"), "Oui\u{202f}!");
        assert_eq!(glue_french("« a »"), "«\u{a0}a\u{a0}»");
    }

    #[rstest]
    #[case("中文中文中文", 4, vec!["中文", "中文", "中文"])]
    #[case("e\u{301}te\u{301} e\u{301}te\u{301}", 5, vec!["e\u{301}te\u{301}", "e\u{301}te\u{301}"])]
    #[case("🎉 ok 🎉🎉", 4, vec!["🎉", "ok", "🎉🎉"])]
    fn wrap_measures_true_widths(#[case] text: &str, #[case] w: usize, #[case] want: Vec<&str>) {
        let lines = wrap(text, w, "", "");
        assert_eq!(lines, want);
        assert!(lines.iter().all(|l| width(l) <= w));
    }

    #[test]
    fn wrap_with_indent_wider_than_line_still_ends() {
        assert_eq!(wrap("abc", 2, "    ", "    "), ["ab", "c"]);
        assert_eq!(wrap("", 10, "", ""), [""]);
    }

    #[test]
    fn truncate_adds_ellipsis_by_width() {
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("中文字", 4), "中…");
        assert_eq!(truncate("abc", 3), "abc");
        assert_eq!(truncate("abc", 0), "");
    }

    #[rstest]
    #[case("interpol", "INTERPOL et l'ONUDC, Interpol", vec!["INTERPOL", "Interpol"])]
    #[case("resume", "Résumé, RESUME, resumé", vec!["Résumé", "RESUME", "resumé"])]
    #[case("etude", "e\u{301}tude", vec!["e\u{301}tude"])]
    #[case("aa", "aaaa", vec!["aa", "aa"])]
    #[case(" ", "a b", vec![])]
    fn needle_ignores_case_and_accents(
        #[case] q: &str,
        #[case] hay: &str,
        #[case] want: Vec<&str>,
    ) {
        let got: Vec<&str> = Needle::new(q)
            .find_in(hay)
            .into_iter()
            .map(|r| &hay[r])
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn count_stops_at_limit() {
        assert_eq!(Needle::new("a").count_in("aaaaa", 3), 3);
    }
}
