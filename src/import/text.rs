//! Text primitives shared by the importer: the tokenizer, the sentence splitter and small
//! string helpers. Everything here is linear in its input and never slices a `&str` off a
//! character boundary. No I/O here.

use std::ops::Range;

use super::lexicon::{Kind, Vocab};

/// One word or punctuation character of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the tokenized text.
    pub start: usize,
    /// End of the byte range.
    pub end: usize,
    lo: usize,
    hi: usize,
    /// A word (letters and digits, with inner hyphens and apostrophes), not punctuation.
    pub word: bool,
    /// Starts with an uppercase letter.
    pub cap: bool,
    /// Has at least two letters and no lowercase letter ("ONUDC", "G20").
    pub upper: bool,
    /// Set by [`Vocab::tokenize`](super::lexicon::Vocab::tokenize): the masks below are
    /// filled in.
    pub annotated: bool,
    /// Lexicon kinds for which this word alone is a phrase (one bit per kind).
    pub single: u64,
    /// Lexicon kinds with a longer phrase starting with this word.
    pub multi: u64,
    /// The punctuation character, for a non-word token: kept so that reading it needs no
    /// decoding of the text.
    ch: char,
}

impl Token {
    /// The token in lowercase (apostrophes as `'`), from the buffer filled by [`tokenize`].
    pub fn lower<'a>(&self, lower: &'a str) -> &'a str {
        lower.get(self.lo..self.hi).unwrap_or("")
    }

    /// The token as written.
    pub fn text<'a>(&self, src: &'a str) -> &'a str {
        src.get(self.start..self.end).unwrap_or("")
    }

    /// The punctuation character, for a non-word token of `_src` (the text it was cut
    /// from; the character is kept in the token).
    #[inline]
    pub fn punct(&self, _src: &str) -> Option<char> {
        if self.word { None } else { Some(self.ch) }
    }

    /// True for the punctuation character `c`.
    #[inline]
    pub fn is(&self, src: &str, c: char) -> bool {
        self.punct(src) == Some(c)
    }
}

/// The char at byte `i`, fast for ASCII.
#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 => Some(char::from(b)),
        Some(_) => text.get(i..).and_then(|s| s.chars().next()),
        None => None,
    }
}

/// A letter or digit; quick for ASCII and Latin letters, which is most of a release.
#[inline]
fn is_word_char(c: char) -> bool {
    match u32::from(c) {
        0..=0x7f => c.is_ascii_alphanumeric(),
        // Latin-1 punctuation and symbols: «», NBSP, ©, °...
        0x80..=0xbf => false,
        0xc0..=0x24f => c != '×' && c != '÷',
        // General punctuation (quotes, dashes, spaces), currency, arrows, maths, boxes.
        0x2000..=0x206f | 0x20a0..=0x20cf | 0x2190..=0x23ff | 0x2500..=0x27bf => false,
        _ => c.is_alphanumeric(),
    }
}

/// True when `text` has a letter or a digit: `text.chars().any(char::is_alphanumeric)`,
/// without the Unicode table lookups for ASCII, Latin-1 and the punctuation blocks
/// (quotation marks, dashes, spaces) that fill a release with no words.
pub fn has_alphanumeric(text: &str) -> bool {
    text.chars().any(is_alphanumeric)
}

/// `c.is_alphanumeric()`, quick for ASCII, Latin-1 and general punctuation.
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    match u32::from(c) {
        0..=0x7f => c.is_ascii_alphanumeric(),
        // Latin-1: ª ² ³ µ ¹ º ¼ ½ ¾ and the letters but × and ÷.
        0x80..=0xbf => matches!(
            u32::from(c),
            0xaa | 0xb2 | 0xb3 | 0xb5 | 0xb9 | 0xba | 0xbc..=0xbe
        ),
        0xc0..=0xff => c != '×' && c != '÷',
        // General punctuation: spaces, dashes, quotation marks.
        0x2000..=0x206f => false,
        _ => c.is_alphanumeric(),
    }
}

/// `c.is_uppercase()`, quick for ASCII and Latin-1.
#[inline]
fn is_uppercase(c: char) -> bool {
    match u32::from(c) {
        0..=0x7f => c.is_ascii_uppercase(),
        0x80..=0xbf | 0xdf..=0xff => false,
        0xc0..=0xde => c != '×',
        _ => c.is_uppercase(),
    }
}

/// `c.is_lowercase()`, quick for ASCII and Latin-1.
#[inline]
fn is_lowercase(c: char) -> bool {
    match u32::from(c) {
        0..=0x7f => c.is_ascii_lowercase(),
        0x80..=0xbf => matches!(u32::from(c), 0xaa | 0xb5 | 0xba),
        0xc0..=0xde => false,
        0xdf..=0xff => c != '÷',
        _ => c.is_lowercase(),
    }
}

/// `c.is_alphabetic()`, quick for ASCII and Latin-1.
#[inline]
fn is_alphabetic(c: char) -> bool {
    match u32::from(c) {
        0..=0x7f => c.is_ascii_alphabetic(),
        0x80..=0xbf => matches!(u32::from(c), 0xaa | 0xb5 | 0xba),
        0xc0..=0xff => c != '×' && c != '÷',
        _ => c.is_alphabetic(),
    }
}

/// Appends `c` in lowercase, the apostrophe ’ as ', like `to_lowercase` but quick for
/// ASCII and Latin-1.
#[inline]
fn push_lowercase(c: char, out: &mut String) {
    match u32::from(c) {
        0..=0x7f => out.push(c.to_ascii_lowercase()),
        // À..Þ but ×: their lowercase is 0x20 further.
        n @ 0xc0..=0xde if c != '×' => out.push(char::from_u32(n + 0x20).unwrap_or(c)),
        0x80..=0xff => out.push(c),
        0x2019 => out.push('\''),
        _ => out.extend(c.to_lowercase()),
    }
}

/// French elisions: "d'INTERPOL" is two words, "d'" and "INTERPOL".
const ELISIONS: &[&str] = &[
    "l", "d", "qu", "n", "s", "j", "c", "m", "t", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu",
];

fn is_elision(word: &str) -> bool {
    match word.len() {
        1 => matches!(
            word.as_bytes().first().map(u8::to_ascii_lowercase),
            Some(b'l' | b'd' | b'n' | b's' | b'j' | b'c' | b'm' | b't')
        ),
        2..=7 => ELISIONS.iter().any(|e| e.eq_ignore_ascii_case(word)),
        _ => false,
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

fn is_joiner(c: char) -> bool {
    is_apostrophe(c) || c == '-' || c == '\u{2011}'
}

/// Cuts `text` into tokens, replacing the contents of `toks` and `lower`.
pub fn tokenize(text: &str, toks: &mut Vec<Token>, lower: &mut String) {
    toks.clear();
    lower.clear();
    toks.reserve(text.len() / 5);
    lower.reserve(text.len());
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // ASCII first: most of any release.
        let c = if b < 0x80 {
            if b.is_ascii_whitespace() {
                i += 1;
                continue;
            }
            char::from(b)
        } else {
            let Some(c) = char_at(text, i) else {
                break;
            };
            if c.is_whitespace() {
                i += c.len_utf8();
                continue;
            }
            c
        };
        if !is_word_char(c) {
            let lo = lower.len();
            lower.push(c);
            toks.push(Token {
                start: i,
                end: i + c.len_utf8(),
                lo,
                hi: lower.len(),
                word: false,
                cap: false,
                upper: false,
                annotated: false,
                single: 0,
                multi: 0,
                ch: c,
            });
            i += c.len_utf8();
            continue;
        }
        let (start, end, ascii) = word_end(text, i);
        let word = text.get(start..end).unwrap_or("");
        let lo = lower.len();
        let (mut letters, mut lowers) = (0usize, 0usize);
        if ascii {
            // Only a capitalised word can be an acronym; count its letters then.
            if b.is_ascii_uppercase() {
                for b in word.bytes() {
                    letters += usize::from(b.is_ascii_alphabetic());
                    lowers += usize::from(b.is_ascii_lowercase());
                }
            }
            lower.push_str(word);
            if let Some(tail) = lower.get_mut(lo..) {
                tail.make_ascii_lowercase();
            }
        } else {
            let cap = is_uppercase(c);
            for ch in word.chars() {
                if cap && is_alphabetic(ch) {
                    letters += 1;
                    if is_lowercase(ch) {
                        lowers += 1;
                    }
                }
                push_lowercase(ch, lower);
            }
        }
        toks.push(Token {
            start,
            end,
            lo,
            hi: lower.len(),
            word: true,
            cap: is_uppercase(c),
            upper: letters >= 2 && lowers == 0,
            annotated: false,
            single: 0,
            multi: 0,
            ch: c,
        });
        i = end;
    }
}

/// The end of the word starting at byte `start`, and whether it is all ASCII. Inner
/// hyphens and apostrophes join ("e-learning", "aujourd'hui"), except after an elision
/// ("d'INTERPOL") and before a possessive "'s".
fn word_end(text: &str, start: usize) -> (usize, usize, bool) {
    let bytes = text.as_bytes();
    let mut end = start;
    let mut ascii = true;
    while let Some(&b) = bytes.get(end) {
        if b.is_ascii_alphanumeric() {
            end += 1;
            continue;
        }
        if b < 0x80 && b != b'\'' && b != b'-' {
            break;
        }
        let Some(d) = char_at(text, end) else {
            break;
        };
        if is_word_char(d) {
            ascii = false;
            end += d.len_utf8();
            continue;
        }
        if !is_joiner(d) {
            break;
        }
        if is_apostrophe(d) {
            let so_far = text.get(start..end).unwrap_or("");
            if so_far.len() <= 7 && is_elision(so_far) {
                return (start, end + d.len_utf8(), ascii && d.is_ascii());
            }
        }
        let after = char_at(text, end + d.len_utf8());
        if !after.is_some_and(is_word_char) {
            break;
        }
        if is_apostrophe(d) {
            // A possessive "'s" is not part of the name: "UNODC's".
            let rest = bytes.get(end + d.len_utf8()..).unwrap_or(&[]);
            let possessive = matches!(rest.first(), Some(b's' | b'S'))
                && !rest
                    .get(1)
                    .is_some_and(|b| b.is_ascii_alphanumeric() || *b >= 0x80);
            if possessive {
                break;
            }
        }
        ascii &= d.is_ascii();
        end += d.len_utf8();
    }
    (start, end, ascii)
}

/// The largest char boundary of `s` not after `i`.
pub fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary of `s` not before `i`.
pub fn ceil_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Sentences longer than this are cut at a space: past it, the text is not prose.
pub const MAX_SENTENCE_BYTES: usize = 16 * 1024;

fn is_closing(c: char) -> bool {
    matches!(
        c,
        '»' | '”' | '"' | '\'' | '’' | ')' | ']' | '›' | '\u{a0}' | '\u{202f}'
    )
}

fn starts_sentence(c: char) -> bool {
    is_uppercase(c)
        || c.is_ascii_digit()
        || matches!(
            c,
            '«' | '“' | '"' | '„' | '‘' | '\'' | '(' | '[' | '-' | '–' | '—' | '•'
        )
}

/// Splits `text` into sentences (byte ranges, trimmed). A period after a one-letter word
/// or a known abbreviation ("M.", "Mr.", "etc.") does not end a sentence.
pub fn sentences(text: &str, vocab: &Vocab) -> Vec<Range<usize>> {
    first_sentences(text, vocab, usize::MAX)
}

/// The first `limit` sentences of `text`, without reading further.
pub fn first_sentences(text: &str, vocab: &Vocab, limit: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    // The next '.', '!' or '?' and the next 0xE2 byte (which starts '…'), found by memchr
    // and kept until passed, so each byte is searched once.
    let (mut next_stop, mut next_e2) = (0usize, 0usize);
    let bytes = text.as_bytes();
    while i < text.len() && out.len() < limit {
        let b = text.as_bytes().get(i).copied().unwrap_or(0);
        // Only '.', '!', '?', '…' (0xE2...) and, past the length cap, spaces matter.
        let long = i - start >= MAX_SENTENCE_BYTES;
        if long && (b == b' ' || i - start >= 2 * MAX_SENTENCE_BYTES && text.is_char_boundary(i)) {
            // Past the cap: cut at a space, or anywhere when there is none.
            push_trimmed(text, start..i, &mut out);
            start = i;
            continue;
        }
        if !matches!(b, b'.' | b'!' | b'?' | 0xE2) {
            // Jump to the next candidate, but not past the length cap.
            if next_stop < i {
                next_stop = memchr::memchr3(b'.', b'!', b'?', bytes.get(i..).unwrap_or(&[]))
                    .map_or(usize::MAX, |k| i + k);
            }
            if next_e2 < i {
                next_e2 = memchr::memchr(0xE2, bytes.get(i..).unwrap_or(&[]))
                    .map_or(usize::MAX, |k| i + k);
            }
            let cap = (start + MAX_SENTENCE_BYTES).max(i + 1);
            i = next_stop.min(next_e2).min(cap).min(text.len()).max(i + 1);
            continue;
        }
        let Some(c) = char_at(text, i) else {
            i += 1;
            continue;
        };
        let mut next = i + c.len_utf8();
        let mut cut = None;
        if matches!(c, '.' | '!' | '?' | '…') {
            // Closing marks stay with the sentence they close, spaces before them too
            // ("Oui. »").
            let mut end = next;
            loop {
                let rest = text.get(end..).unwrap_or("");
                let trimmed = rest.trim_start();
                match trimmed.chars().next() {
                    Some(d) if is_closing(d) || matches!(d, '.' | '!' | '?') => {
                        end += rest.len() - trimmed.len() + d.len_utf8();
                    }
                    _ => break,
                }
            }
            let rest = text.get(end..).unwrap_or("");
            let after = rest.trim_start().chars().next();
            let spaced = rest.starts_with(char::is_whitespace) || rest.is_empty();
            if spaced
                && after.is_none_or(starts_sentence)
                && !(c == '.' && is_abbreviation(text, i, vocab))
            {
                cut = Some(end);
            }
            next = end;
        }
        if let Some(end) = cut {
            push_trimmed(text, start..end, &mut out);
            start = end;
        }
        i = next;
    }
    if out.len() < limit {
        push_trimmed(text, start..text.len(), &mut out);
    }
    out
}

fn push_trimmed(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = text.get(r.clone()).unwrap_or("");
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(r.start + lead..r.end - trail);
    }
}

/// True when the period at byte `dot` ends an abbreviation or an initial.
fn is_abbreviation(text: &str, dot: usize, vocab: &Vocab) -> bool {
    let before = text.get(..dot).unwrap_or("");
    let word_start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .take(16)
        .last()
        .map_or(dot, |(i, _)| i);
    let word = before.get(word_start..).unwrap_or("");
    let mut letters = word.chars();
    if letters.next().is_some() && letters.next().is_none() {
        return true;
    }
    if word.is_ascii() {
        vocab.is(&word.to_ascii_lowercase(), Kind::Abbreviation)
    } else {
        vocab.is(&word.to_lowercase(), Kind::Abbreviation)
    }
}

/// Collapses runs of whitespace (newlines included) into one space and trims the ends.
pub fn collapse_ws(s: &str) -> String {
    let b = s.as_bytes();
    let clean = !b.first().is_some_and(u8::is_ascii_whitespace)
        && !b.last().is_some_and(u8::is_ascii_whitespace)
        && memchr::memchr2(b'\n', b'\t', b).is_none()
        && memchr::memmem::find(b, b"  ").is_none();
    if clean && !s.starts_with(char::is_whitespace) && !s.ends_with(char::is_whitespace) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for word in s.split([' ', '\n', '\t']).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.trim_matches(|c: char| c.is_whitespace()).to_string()
}

/// `s` with its first letter in uppercase.
pub fn capitalize_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => {
            let mut out = String::with_capacity(s.len() + 2);
            out.extend(c.to_uppercase());
            out.push_str(chars.as_str());
            out
        }
        None => String::new(),
    }
}

/// `s` with its first letter in lowercase, unless the word is an acronym ("INTERPOL").
pub fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    let (Some(first), second) = (chars.next(), chars.clone().next()) else {
        return s.to_string();
    };
    if second.is_some_and(char::is_uppercase) {
        return s.to_string();
    }
    first.to_lowercase().chain(chars).collect()
}

/// `s` cut to at most `max` characters, at a space when there is one, with an ellipsis.
pub fn cut_chars(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        None => s.to_string(),
        Some((at, _)) => {
            let head = s.get(..at).unwrap_or("");
            let head = match head.rfind(' ') {
                Some(sp) if sp > at / 2 => head.get(..sp).unwrap_or(head),
                _ => head,
            };
            format!("{}…", head.trim_end_matches([',', ';', ':', ' ']))
        }
    }
}

/// A key for comparing names: lowercase, German umlauts spelled out, other accents dropped,
/// so that "Jürgen" finds "Juergen".
pub fn name_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii_whitespace() {
            out.push(' ');
            continue;
        }
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        for c in c.to_lowercase() {
            fold_into(c, &mut out);
        }
    }
    out
}

fn fold_into(c: char, out: &mut String) {
    {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            'à' | 'á' | 'â' | 'ã' | 'å' => out.push('a'),
            'ç' => out.push('c'),
            'è' | 'é' | 'ê' | 'ë' => out.push('e'),
            'ì' | 'í' | 'î' | 'ï' => out.push('i'),
            'ñ' => out.push('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ø' => out.push('o'),
            'ù' | 'ú' | 'û' => out.push('u'),
            'ý' | 'ÿ' => out.push('y'),
            '’' => out.push('\''),
            c if c.is_whitespace() => out.push(' '),
            c => out.push(c),
        }
    }
}

/// Title-cases a word written in capitals ("VIENNA" -> "Vienna"); other words are kept.
pub fn soften_caps(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            if letters >= 2 && !w.chars().any(char::is_lowercase) {
                let mut out = String::new();
                let mut at_start = true;
                for c in w.chars() {
                    if at_start {
                        out.push(c);
                    } else {
                        out.extend(c.to_lowercase());
                    }
                    at_start = !c.is_alphabetic();
                }
                out
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::Lang;
    use rstest::rstest;

    fn words(text: &str) -> Vec<String> {
        let (mut toks, mut lower) = (Vec::new(), String::new());
        tokenize(text, &mut toks, &mut lower);
        toks.iter().map(|t| t.lower(&lower).to_string()).collect()
    }

    #[rstest]
    #[case::elision("d'INTERPOL", &["d'", "interpol"])]
    #[case::curly_elision("l’ONUDC", &["l'", "onudc"])]
    #[case::inverted("a-t-il affirmé", &["a-t-il", "affirmé"])]
    #[case::possessive("UNODC's head", &["unodc", "'", "s", "head"])]
    #[case::contraction("don't", &["don't"])]
    #[case::today("aujourd'hui", &["aujourd'hui"])]
    #[case::iso("2016-05-23", &["2016-05-23"])]
    #[case::punct("« Oui », a-t-elle dit.", &["«", "oui", "»", ",", "a-t-elle", "dit", "."])]
    #[case::dash("2016 - Lors", &["2016", "-", "lors"])]
    fn tokenize_cuts_words_like_a_reader(#[case] text: &str, #[case] want: &[&str]) {
        assert_eq!(words(text), want);
    }

    #[rstest]
    #[case::honorific("a noté M. Fedotov. Puis il part.", 2)]
    #[case::mister("Mr. Smith said so. He left!", 2)]
    #[case::initial("J. Smith spoke. Then left.", 2)]
    #[case::quote_close("« Oui. » Il part.", 2)]
    #[case::lowercase_after("Il a 3.5 millions. ok", 1)]
    #[case::etc("Armes, drogues, etc. Et plus.", 1)]
    fn sentences_end_where_a_reader_would_stop(#[case] text: &str, #[case] n: usize) {
        let vocab = Lang::Fr.vocab();
        assert_eq!(sentences(text, vocab).len(), n, "{text}");
    }

    #[test]
    fn quick_alphanumeric_is_the_unicode_one() {
        for c in (0..=0x10ffff_u32).filter_map(char::from_u32) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn quick_letter_tests_are_the_unicode_ones() {
        for c in (0..=0x10ffff_u32).filter_map(char::from_u32) {
            assert_eq!(is_uppercase(c), c.is_uppercase(), "{c:?}");
            assert_eq!(is_lowercase(c), c.is_lowercase(), "{c:?}");
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            let mut quick = String::new();
            push_lowercase(c, &mut quick);
            let want: String = if c == '\u{2019}' {
                "'".to_string()
            } else {
                c.to_lowercase().collect()
            };
            assert_eq!(quick, want, "{c:?}");
        }
    }

    #[test]
    fn sentences_cut_text_without_spaces() {
        let text = "«".repeat(100_000);
        let got = sentences(&text, Lang::En.vocab());
        assert!(got.len() >= 3);
        assert!(got.iter().all(|r| r.len() <= 2 * MAX_SENTENCE_BYTES + 8));
    }

    #[test]
    fn sentences_cut_text_without_periods() {
        let text = "word ".repeat(10_000);
        let got = sentences(&text, Lang::En.vocab());
        assert!(got.len() >= 3);
        assert!(got.iter().all(|r| r.len() <= MAX_SENTENCE_BYTES + 8));
    }

    #[rstest]
    #[case("Jürgen Stock", "juergen stock")]
    #[case("Élodie", "elodie")]
    fn name_key_folds_accents(#[case] name: &str, #[case] key: &str) {
        assert_eq!(name_key(name), key);
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
}
