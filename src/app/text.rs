//! Text measured and wrapped by display width, French typography kept together, and the
//! case- and accent-insensitive matching used by search. No I/O here. It sits in `app` because
//! the state machine (pane content, slides, search) and the renderer both use it, and `ui`
//! depends on `app`, never the reverse.
//!
//! Widths come from unicode-width on whole strings, as ratatui draws them (CJK and emoji take
//! two columns, combining marks none, an emoji ZWJ sequence two); break opportunities come
//! from textwrap's Unicode line breaking algorithm, which never breaks at a no-break space, so
//! « text » stays whole once its spaces are no-break ones. textwrap's own wrap would measure
//! char by char, so it is fed fragments measured here, and words wider than a line are cut
//! between grapheme clusters, never inside one.

use std::ops::Range;

use textwrap::WordSeparator;
use textwrap::core::Fragment;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::model::sanitize::char_columns;

/// True for a character that is one column wide and a grapheme cluster on its own whatever
/// character of this kind comes next: printable ASCII, the Latin blocks, general punctuation,
/// arrows, box drawing and shapes, when one column wide. Combining marks, joiners, selectors,
/// controls, Hangul jamo, regional indicators and wide characters are not. A string of these
/// takes one cell per character, so the renderer puts it without grapheme segmentation.
pub fn is_plain(c: char) -> bool {
    use unicode_width::UnicodeWidthChar;
    match u32::from(c) {
        0x20..=0x7e => true,
        0xad => false,
        0xa0..=0x2ff | 0x2010..=0x2027 | 0x2030..=0x205e | 0x2190..=0x2bff => c.width() == Some(1),
        _ => false,
    }
}

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
    let rest_width = width - self::width(rest_indent);
    let mut lines: Vec<String> = Vec::new();
    for line in text.split('\n') {
        let first = if lines.is_empty() {
            first_indent
        } else {
            rest_indent
        };
        let first_width = width - self::width(first);
        // No character is wider than its bytes: a line no longer than the room fits. A
        // longer one of prose is cut into its pieces, which measure it (one column a
        // character), instead of measuring it first and cutting it after.
        let fits_by_bytes = line.len() <= first_width;
        let prose = if fits_by_bytes {
            None
        } else {
            prose_pieces(line, rest_width)
        };
        let fits = fits_by_bytes
            || match &prose {
                Some(words) => {
                    words.iter().map(|p| p.width + p.space_width).sum::<usize>() <= first_width
                }
                None => self::width(line) <= first_width,
            };
        if fits || line.trim_end_matches(' ').is_empty() {
            lines.push(format!("{first}{}", line.trim_end_matches(' ')));
            continue;
        }
        let mut pieces = prose.unwrap_or_else(|| segmented_pieces(line, rest_width));
        if !first.is_empty() {
            // Lets the first word go to the second line when the indent leaves it no room.
            pieces.insert(0, Piece::EMPTY);
        }
        let line_widths = [first_width as f64, rest_width as f64];
        for (n, run) in textwrap::wrap_algorithms::wrap_first_fit(&pieces, &line_widths)
            .into_iter()
            .enumerate()
        {
            let mut out = if n == 0 { first } else { rest_indent }.to_string();
            if let Some((last, rest)) = run.split_last() {
                for p in rest {
                    out.push_str(p.word);
                    out.push_str(p.space);
                }
                out.push_str(last.word);
            }
            lines.push(out);
        }
    }
    if lines.is_empty() {
        vec![String::new()]
    } else {
        lines
    }
}

/// A word and the space after it, measured as the terminal draws them.
#[derive(Debug)]
struct Piece<'a> {
    word: &'a str,
    space: &'a str,
    width: usize,
    space_width: usize,
}

impl Piece<'_> {
    const EMPTY: Piece<'static> = Piece {
        word: "",
        space: "",
        width: 0,
        space_width: 0,
    };
}

impl Fragment for Piece<'_> {
    fn width(&self) -> f64 {
        self.width as f64
    }
    fn whitespace_width(&self) -> f64 {
        self.space_width as f64
    }
    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// The words of `line` at its Unicode break opportunities; a word wider than `max` columns is
/// cut into runs of whole grapheme clusters of at most `max` columns (a single cluster wider
/// than that stands alone). [`prose_pieces`] finds the same, quicker, for a line of prose.
fn segmented_pieces(line: &str, max: usize) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    for w in WordSeparator::UnicodeBreakProperties.find_words(line) {
        let space_width = width(w.whitespace);
        let word_width = width(w.word);
        if word_width <= max {
            out.push(Piece {
                word: w.word,
                space: w.whitespace,
                width: word_width,
                space_width,
            });
            continue;
        }
        let (mut start, mut run) = (0, 0);
        for (at, g) in w.word.grapheme_indices(true) {
            let gw = width(g);
            if run > 0 && run + gw > max {
                out.push(Piece {
                    word: &w.word[start..at],
                    space: "",
                    width: run,
                    space_width: 0,
                });
                (start, run) = (at, 0);
            }
            run += gw;
        }
        out.push(Piece {
            word: &w.word[start..],
            space: w.whitespace,
            width: run,
            space_width,
        });
    }
    out
}

/// [`pieces`] of a line of prose, found without segmenting it (the segmenter was most of a
/// first frame's wrapping): when every run of characters between its spaces is one the
/// Unicode line breaking algorithm cannot break ([`is_whole`]), the break opportunities are
/// the ends of the runs of spaces, as textwrap cuts them (leading spaces a word of their own),
/// and every character is one column wide. None for any other line, or when a word is wider
/// than `max` (it must be cut between grapheme clusters).
fn prose_pieces(line: &str, max: usize) -> Option<Vec<Piece<'_>>> {
    let mut out = Vec::new();
    let mut rest = line;
    let lead = rest.len() - rest.trim_start_matches(' ').len();
    if lead > 0 && lead < rest.len() {
        let (space, tail) = rest.split_at(lead);
        out.push(Piece {
            word: "",
            space,
            width: 0,
            space_width: lead,
        });
        rest = tail;
    }
    while !rest.is_empty() {
        let (word, after) = rest.split_at(rest.find(' ').unwrap_or(rest.len()));
        let width = is_whole(word)?;
        if width > max {
            return None;
        }
        let spaces = after.len() - after.trim_start_matches(' ').len();
        let (space, tail) = after.split_at(spaces);
        out.push(Piece {
            word,
            space,
            width,
            space_width: spaces,
        });
        rest = tail;
    }
    Some(out)
}

/// A letter or digit of prose: ASCII, or a Latin letter of the Latin-1 Supplement and
/// Latin Extended-A and B blocks (one column each, alphabetic for line breaking).
fn is_prose_letter(c: char) -> bool {
    c.is_ascii_alphanumeric() || (('\u{c0}'..='\u{24f}').contains(&c) && !matches!(c, '×' | '÷'))
}

/// The width of `word` (no space in it) when the Unicode line breaking algorithm, as textwrap
/// applies it (no break after a hyphen), finds no break opportunity inside it: an opening
/// mark (`(`, a quotation mark, `«` or `“` with a no-break space), runs of letters and digits
/// joined by one hyphen, apostrophe, no-break space, or full stop or comma before a letter,
/// then closing marks and punctuation (`%` after a digit or a no-break space). Every such
/// character is one column wide. None for any other word.
fn is_whole(word: &str) -> Option<usize> {
    let mut chars = word.chars().peekable();
    if let Some(&open) = chars.peek()
        && matches!(open, '(' | '"' | '\'' | '«' | '“' | '‘')
    {
        chars.next();
        if matches!(open, '«' | '“') {
            chars.next_if_eq(&'\u{a0}');
        }
    }
    let mut last: Option<char> = None;
    let mut letters = 0;
    while let Some(&c) = chars.peek() {
        let after_letter = last.is_some_and(is_prose_letter);
        if is_prose_letter(c) {
            letters += usize::from(!after_letter);
        } else {
            // A full stop or comma before a digit is left to the segmenter: "a.5" may break
            // where "1.5" does not.
            let joins = matches!(c, '-' | '\'' | '’' | '.' | ',' | '\u{a0}')
                && after_letter
                && chars.clone().nth(1).is_some_and(|n| {
                    is_prose_letter(n) && !(matches!(c, '.' | ',') && n.is_ascii_digit())
                });
            if !joins {
                break;
            }
        }
        last = Some(c);
        chars.next();
    }
    if letters == 0 {
        return None;
    }
    for c in chars {
        let closes = match c {
            '.' | ',' | ';' | ':' | '!' | '?' | ')' | '"' | '\'' | '’' | '”' | '»' | '\u{a0}' => {
                true
            }
            '%' => last.is_some_and(|l| l.is_ascii_digit() || l == '\u{a0}'),
            _ => false,
        };
        if !closes {
            return None;
        }
        last = Some(c);
    }
    Some(word.chars().count())
}

/// Replaces the plain spaces French typography puts inside « » and before : ; ! ? with
/// no-break spaces, so a line never starts with » or ends with «. Existing no-break and narrow
/// no-break spaces are kept as they are.
pub fn glue_french(text: &str) -> String {
    // Read as bytes: a space is one, « and » two (C2 AB, C2 BB), and a space is glued after
    // a « or before the marks. Decoding every character into a list first was most of
    // typesetting a French briefing's panes, before the first frame.
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len() + 16);
    let mut from = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b != b' ' {
            continue;
        }
        let before = bytes.get(..i).unwrap_or_default();
        let after = bytes.get(i + 1..).unwrap_or_default();
        let glue = before.ends_with("«".as_bytes())
            || after.starts_with("»".as_bytes())
            || matches!(after.first(), Some(b':' | b';' | b'!' | b'?' | b'%'));
        if glue {
            out.push_str(text.get(from..i).unwrap_or_default());
            out.push('\u{a0}');
            from = i + 1;
        }
    }
    out.push_str(text.get(from..).unwrap_or_default());
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
        let w = char_columns(c);
        if used + w > max - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// `text` folded as queries match it: each letter's base, lowercased, combining marks dropped
/// (`Émigré` -> `emigre`). The library folds every briefing once, so a search is a byte search.
pub fn fold_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(&mut out, text);
    out
}

/// [`fold_text`] of `text`, appended to `out`.
pub fn fold_into(out: &mut String, text: &str) {
    let mut rest = text;
    while !rest.is_empty() {
        // A run of ASCII, most of any text, folds to its lowercase in one pass, byte by byte
        // (the library folds every briefing it lists: this is most of a warm start's work).
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let (run, tail) = rest.split_at(ascii);
        let start = out.len();
        out.push_str(run);
        if let Some(r) = out.get_mut(start..) {
            r.make_ascii_lowercase();
        }
        let mut chars = tail.chars();
        if let Some(c) = chars.next() {
            let base = fold(c);
            if !is_mark(base) {
                out.push(base);
            }
        }
        rest = chars.as_str();
    }
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

/// The matches of `re` in `hay` folded as queries are (case and accents aside), as byte
/// ranges of `hay`; empty matches are no matches.
fn regex_each_in(re: &regex::Regex, hay: &str, mut on_match: impl FnMut(Range<usize>) -> bool) {
    // The folded text, and for each of its chars: where it starts in it, and the bytes of
    // `hay` it stands for (with the combining marks after it).
    let mut folded = String::with_capacity(hay.len());
    let mut chars: Vec<(usize, usize, usize)> = Vec::new();
    for (i, c) in hay.char_indices() {
        if is_mark(c) {
            if let Some(last) = chars.last_mut() {
                last.2 = i + c.len_utf8();
            }
            continue;
        }
        chars.push((folded.len(), i, i + c.len_utf8()));
        folded.push(fold(c));
    }
    for m in re.find_iter(&folded) {
        if m.is_empty() {
            continue;
        }
        let first = chars.partition_point(|c| c.0 < m.start());
        let last = chars.partition_point(|c| c.0 < m.end()).saturating_sub(1);
        let (Some(a), Some(b)) = (chars.get(first), chars.get(last)) else {
            continue;
        };
        if !on_match(a.1..b.2) {
            return;
        }
    }
}

/// A search query, folded once: plain text, or a regular expression.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Needle(Vec<char>, Option<Pattern>);

/// A regular expression, compiled once; equal when written alike.
#[derive(Debug, Clone)]
pub struct Pattern(std::sync::Arc<regex::Regex>);

impl PartialEq for Pattern {
    fn eq(&self, other: &Pattern) -> bool {
        self.0.as_str() == other.0.as_str()
    }
}

impl Eq for Pattern {}

/// The largest compiled regular expression a query may make (an attendee types queries too).
const MAX_REGEX_BYTES: usize = 1 << 20;

impl Needle {
    /// Folds `query` for matching; an empty or all-space query matches nothing.
    pub fn new(query: &str) -> Needle {
        if query.trim().is_empty() {
            return Needle(Vec::new(), None);
        }
        Needle(
            query.chars().map(fold).filter(|c| !is_mark(*c)).collect(),
            None,
        )
    }

    /// `query` as a regular expression (the `regex` crate's syntax), matched like plain
    /// queries regardless of case and accents: its letters are folded as the text is, and it
    /// is compiled case-insensitive. An empty query matches nothing; an invalid one says why
    /// in one line.
    pub fn regex(query: &str) -> Result<Needle, String> {
        if query.trim().is_empty() {
            return Ok(Needle(Vec::new(), None));
        }
        // Folding leaves ASCII (all of the syntax) alone but for case, which the flag covers.
        let folded: String = query
            .chars()
            .filter(|c| !is_mark(*c))
            .map(|c| if c.is_ascii() { c } else { fold(c) })
            .collect();
        let re = regex::RegexBuilder::new(&folded)
            .case_insensitive(true)
            .size_limit(MAX_REGEX_BYTES)
            .build()
            .map_err(|e| {
                e.to_string()
                    .lines()
                    .rev()
                    .find(|l| !l.trim().is_empty())
                    .unwrap_or("invalid")
                    .trim()
                    .trim_start_matches("error: ")
                    .to_string()
            })?;
        Ok(Needle(
            query.chars().collect(),
            Some(Pattern(std::sync::Arc::new(re))),
        ))
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

    fn for_each_in(&self, hay: &str, on_match: impl FnMut(Range<usize>) -> bool) {
        match &self.1 {
            Some(pattern) => regex_each_in(&pattern.0, hay, on_match),
            None => self.text_each_in(hay, on_match),
        }
    }

    fn text_each_in(&self, hay: &str, mut on_match: impl FnMut(Range<usize>) -> bool) {
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

    #[test]
    fn fold_text_folds_as_queries_do() {
        assert_eq!(fold_text("Émigré CAFÉ Straße ǅ"), "emigre cafe straße ǆ");
        let text = "Ünïcode ÀND ascii";
        assert_eq!(
            fold_text(text),
            Needle::new(text).0.iter().collect::<String>()
        );
    }
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
    #[case::zwj_family("👨‍👩‍👧 ab 👨‍👩‍👧", 5, vec!["👨‍👩‍👧 ab", "👨‍👩‍👧"])]
    #[case::zwj_cut_between_clusters("👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧", 4, vec!["👨‍👩‍👧👨‍👩‍👧", "👨‍👩‍👧"])]
    #[case::combining_cut_between_clusters("e\u{301}e\u{301}e\u{301}", 2, vec!["e\u{301}e\u{301}", "e\u{301}"])]
    fn wrap_measures_true_widths(#[case] text: &str, #[case] w: usize, #[case] want: Vec<&str>) {
        let lines = wrap(text, w, "", "");
        assert_eq!(lines, want);
        assert!(lines.iter().all(|l| width(l) <= w));
    }

    proptest::proptest! {
        /// No text is lost or reordered, and every line fits unless it is one grapheme
        /// cluster wider than the whole line.
        #[test]
        fn wrap_keeps_every_cluster_and_fits(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "a", "word", "longerword", " ", " ", "\u{a0}", "中文", "🎉", "👨‍👩‍👧",
                    "e\u{301}", "«\u{a0}", "\u{a0}»", "-", "—", ",", "\n",
                ]),
                0..40,
            ),
            cols in 1usize..30,
            indents in proptest::sample::select(vec![("", ""), ("• ", "  "), ("", "    ")]),
        ) {
            let text: String = parts.concat();
            let lines = wrap(&text, cols, indents.0, indents.1);
            proptest::prop_assert!(!lines.is_empty());
            for l in &lines {
                let clusters = l.trim_start().graphemes(true).count();
                proptest::prop_assert!(width(l) <= cols || clusters <= 1, "{l:?} at {cols}");
            }
            let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
            let without_bullet = |l: &String| l.strip_prefix(indents.0).unwrap_or(l).to_string();
            let joined: String = lines
                .iter()
                .enumerate()
                .map(|(i, l)| if i == 0 { without_bullet(l) } else { l.clone() })
                .collect();
            proptest::prop_assert_eq!(squeeze(&joined), squeeze(&text));
        }
    }

    /// The words textwrap's line breaking cuts `line` into, with their widths.
    fn segmented(line: &str) -> Vec<(&str, &str, usize)> {
        WordSeparator::UnicodeBreakProperties
            .find_words(line)
            .map(|w| (w.word, w.whitespace, width(w.word)))
            .collect()
    }

    fn prose(line: &str) -> Option<Vec<(&str, &str, usize)>> {
        let pieces = prose_pieces(line, usize::MAX)?;
        Some(pieces.iter().map(|p| (p.word, p.space, p.width)).collect())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4096))]

        /// Prose found without the segmenter is cut where the segmenter cuts it, whatever
        /// its letters, digits, marks and spaces.
        #[test]
        fn prose_is_cut_as_the_segmenter_cuts_it(
            line in "[aZé19 .,;:'\"\u{a0}’!?()%«»“”‘\\-]{0,24}",
        ) {
            if let Some(words) = prose(&line) {
                // Its pieces measure the line as a whole (wrap reads its width from them).
                let measured: usize = words.iter().map(|w| w.2 + width(w.1)).sum();
                proptest::prop_assert_eq!(measured, width(&line), "{:?}", line);
                proptest::prop_assert_eq!(words, segmented(&line), "{:?}", line);
            }
        }
    }

    /// wrap takes a line no longer in bytes than the room to fit it.
    #[test]
    fn no_character_is_wider_than_its_bytes() {
        let mut buf = [0; 4];
        for c in (0..=0x10_ffff).filter_map(char::from_u32) {
            let s: &str = c.encode_utf8(&mut buf);
            assert!(width(s) <= s.len(), "{c:?}");
            // A variation selector widens the character before it by one column.
            let mut two = String::from(c);
            two.push('\u{fe0f}');
            assert!(width(&two) <= two.len(), "{c:?}");
        }
    }

    /// [`glue_french`] as it was written first, char by char.
    fn glue_french_by_chars(text: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        let mut out = String::new();
        for (i, &c) in chars.iter().enumerate() {
            let next = chars.get(i + 1).copied();
            let prev = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
            let glue = c == ' '
                && (matches!(next, Some('»' | ':' | ';' | '!' | '?' | '%')) || prev == Some('«'));
            out.push(if glue { '\u{a0}' } else { c });
        }
        out
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4096))]

        /// Read as bytes, French typography glues the spaces it glued read as characters.
        #[test]
        fn glue_french_by_bytes_is_glue_french_by_chars(
            text in "[a é«»:;!?%\u{a0}\u{ab}\u{bb}\u{2ab}\u{cab}\u{c2}\u{16bb}\u{202f}]{0,16}",
        ) {
            proptest::prop_assert_eq!(glue_french(&text), glue_french_by_chars(&text));
        }
    }

    #[test]
    fn prose_of_a_release_is_cut_without_the_segmenter() {
        let line = "« Cet accord, signé à Vienne le 23\u{a0}mai, renforce l’action de \
                    l'ONUDC et d'INTERPOL (2016-2020)\u{a0}: 25\u{a0}% des pays\u{a0}! »";
        let line = glue_french(line);
        assert_eq!(prose(&line), Some(segmented(&line)));
        assert_eq!(prose("  two  spaces "), Some(segmented("  two  spaces ")));
        // Left to the segmenter: a dash, a slash, a number after a letter and a stop.
        for other in ["a — b", "and/or", "a.5", "中文"] {
            assert_eq!(prose(other), None, "{other}");
        }
    }

    #[test]
    fn wrap_moves_a_word_the_first_indent_leaves_no_room_for() {
        assert_eq!(wrap("abcd ef", 6, "   ", "  "), ["   ", "  abcd", "  ef"]);
        assert_eq!(wrap("ab cd ef", 6, "   ", "  "), ["   ab", "  cd", "  ef"]);
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

    #[test]
    fn a_regex_matches_regardless_of_case_and_accents() {
        let hay = "Crimes ÉMERGENTS et cybercriminalité, côte à côte";
        let found = |q: &str| -> Vec<&str> {
            Needle::regex(q)
                .unwrap()
                .find_in(hay)
                .into_iter()
                .map(|r| &hay[r])
                .collect()
        };
        assert_eq!(found(r"emergent\w*"), ["ÉMERGENTS"]);
        assert_eq!(found(r"cyber\w+ite"), ["cybercriminalité"]);
        assert_eq!(found("c[oô]te"), ["côte", "côte"]);
        assert_eq!(found(r"\bcôte\b"), ["côte", "côte"]);
        assert!(found("x*").is_empty(), "empty matches are none");
        let hay2 = "cafe\u{301} noir";
        let r = Needle::regex("café").unwrap().find_in(hay2);
        assert_eq!(
            r.iter().map(|r| &hay2[r.clone()]).collect::<Vec<_>>(),
            ["cafe\u{301}"]
        );
        let err = Needle::regex("(unclosed").unwrap_err();
        assert!(!err.contains('\n') && err.contains("unclosed"), "{err}");
        assert!(Needle::regex("").unwrap().is_empty());
    }

    proptest::proptest! {
        /// Folding by runs of ASCII is folding each character on its own.
        #[test]
        fn fold_text_is_each_character_folded(text in "(\\PC|[ÉéÀàçÇœŒßǅ\u{301}\u{327}])*") {
            let each: String = text
                .chars()
                .map(|c| if c.is_ascii() { c.to_ascii_lowercase() } else { fold(c) })
                .filter(|c| !is_mark(*c))
                .collect();
            proptest::prop_assert_eq!(fold_text(&text), each);
        }
    }
}
