//! The words of a rule table's phrase, cut as the tokenizer ([`super::token::tokenize`]) cuts
//! them, and a form's other number: what build.rs needs to write the taxonomy already split and
//! indexed, so that the program does not tokenize thousands of phrases at start.
//!
//! build.rs includes this file (`#[path]`), so it uses std only. The importer's tests check
//! that [`words`] gives what the tokenizer gives for every phrase of every table: the two cannot
//! drift apart. No I/O here.

/// The lowercase words of `phrase` (words, and punctuation characters one by one), as the
/// tokenizer cuts it with these elisions ("d" of "d'interpol") and possessive endings ("s").
// Outside tests, only build.rs cuts phrases.
#[cfg_attr(not(test), allow(dead_code))]
pub fn words(phrase: &str, elisions: &[&str], possessives: &[&str]) -> Vec<String> {
    let mut words = Vec::new();
    let mut at = 0;
    while let Some(c) = phrase.get(at..).and_then(|rest| rest.chars().next()) {
        if c.is_whitespace() {
            at += c.len_utf8();
        } else if !is_word_char(c) {
            words.push(String::from(if is_apostrophe(c) { '\'' } else { c }));
            at += c.len_utf8();
        } else {
            let end = word_end(phrase, at, elisions, possessives);
            let word = phrase.get(at..end).unwrap_or_default();
            words.push(word.chars().map(lowercase).collect());
            at = end.max(at + c.len_utf8());
        }
    }
    words
}

/// `form` with its last word in the other number, when it has two words or more and its last
/// word takes a plain "s" in both languages' regular plural, or, after a consonant (a letter
/// not in `vowels`), another of `endings` (singular, plural).
// Outside tests, only build.rs finds other numbers.
#[cfg_attr(not(test), allow(dead_code))]
pub fn other_number(form: &str, vowels: &str, endings: &[(String, String)]) -> Option<String> {
    let (head, last) = form.rsplit_once(' ')?;
    let letters = last.chars().count();
    if letters < 4 || !last.chars().all(char::is_alphabetic) || last.ends_with("ss") {
        return None;
    }
    let after_consonant = |stem: &str| {
        stem.chars()
            .next_back()
            .is_some_and(|c| !vowels.contains(c))
    };
    for (singular, plural) in endings {
        for (from, to) in [(plural, singular), (singular, plural)] {
            if let Some(stem) = last.strip_suffix(from.as_str())
                && after_consonant(stem)
            {
                return Some(format!("{head} {stem}{to}"));
            }
        }
    }
    Some(match last.strip_suffix('s') {
        Some(singular) => format!("{head} {singular}"),
        None if last.ends_with(['x', 'z']) => return None,
        None => format!("{head} {last}s"),
    })
}

/// A character lowercased as the tokenizer lowercases a word's (the apostrophe ’ as ').
fn lowercase(c: char) -> String {
    if c == '\u{2019}' {
        return String::from('\'');
    }
    c.to_lowercase().collect()
}

/// A letter or digit; quick for ASCII and Latin letters, which is most of a release. The
/// tokenizer's, and build.rs's through this file.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    match u32::from(c) {
        0..=0x7f => c.is_ascii_alphanumeric(),
        0xc0..=0x24f => c != '×' && c != '÷',
        // The replacement character stands for a letter a wrong decoding lost: "J\u{fffd}rgen
        // Storbeck" is one name.
        0xfffd => true,
        // Latin-1 punctuation and symbols («», NBSP, ©, °...), general punctuation (quotes,
        // dashes, spaces), currency, arrows, maths, boxes.
        0x80..=0xbf | 0x2000..=0x206f | 0x20a0..=0x20cf | 0x2190..=0x23ff | 0x2500..=0x27bf => {
            false
        }
        _ => c.is_alphanumeric(),
    }
}

/// The straight apostrophe or the typographic one.
pub(crate) fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// A character that joins the parts of one word: an apostrophe or a hyphen.
pub(crate) fn is_joiner(c: char) -> bool {
    is_apostrophe(c) || c == '-' || c == '\u{2011}'
}

/// The end of the word starting at byte `start` (the tokenizer's `word_end`): inner hyphens
/// and apostrophes join, except after an elision and before a possessive.
fn word_end(text: &str, start: usize, elisions: &[&str], possessives: &[&str]) -> usize {
    let char_at = |at: usize| text.get(at..).and_then(|rest| rest.chars().next());
    let mut end = start;
    while let Some(c) = char_at(end) {
        if is_word_char(c) {
            end += c.len_utf8();
            continue;
        }
        if !is_joiner(c) {
            break;
        }
        let so_far = text.get(start..end).unwrap_or_default();
        let elision = so_far.len() <= 7 && elisions.iter().any(|e| e.eq_ignore_ascii_case(so_far));
        if is_apostrophe(c) && elision {
            return end + c.len_utf8();
        }
        let after = end + c.len_utf8();
        if !char_at(after).is_some_and(is_word_char) {
            break;
        }
        let rest = text.get(after..).unwrap_or_default();
        let possessive = possessives.iter().any(|ending| {
            rest.get(..ending.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(ending))
                && !rest
                    .get(ending.len()..)
                    .and_then(|tail| tail.chars().next())
                    .is_some_and(is_word_char)
        });
        if is_apostrophe(c) && possessive {
            break;
        }
        end = after;
    }
    end
}
