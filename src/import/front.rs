//! The front of a release: title, caption or standfirst, dateline (date and place), the lead
//! paragraph, and the event and place it names. No I/O here.

use super::blocks::{BlockKind, Doc};
use super::lexicon::{Kind, Vocab};
use super::text::{
    Token, capitalize_first, collapse_ws, cut_chars, first_sentences, floor_boundary, soften_caps,
};
use crate::model::Date;

/// Titles longer than this are cut.
pub const MAX_TITLE_CHARS: usize = 300;
/// The summary is the lead's first sentences, up to this many.
pub const SUMMARY_SENTENCES: usize = 3;
/// ... and at most this many characters.
pub const MAX_SUMMARY_CHARS: usize = 1500;
/// A dateline is looked for in this many bytes at the start of a block.
const DATELINE_BYTES: usize = 240;
/// Blocks after the title searched for a dateline.
const DATELINE_BLOCKS: usize = 6;

/// A date at the start of a block, with the place before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    /// The date.
    pub date: Date,
    /// The place written before (or right after) the date, if any.
    pub place: Option<String>,
    /// Where the text after the dateline starts, in bytes from the start of the block.
    pub rest: usize,
}

/// What the front of the release gave.
#[derive(Debug, Default)]
pub struct Front {
    /// The headline.
    pub title: String,
    /// The caption or standfirst.
    pub caption: Option<String>,
    /// The dateline's date and place.
    pub dateline: Option<Dateline>,
    /// The lead paragraph: block index and byte offset where its text starts.
    pub lead: Option<(usize, usize)>,
    /// The part of the title block after the title, when the title was cut from it.
    pub title_rest: Option<(usize, usize)>,
    /// The place of a dateline without a date ("GENEVA (Reuters) -").
    pub place: Option<String>,
}

fn normalized(s: &str) -> String {
    collapse_ws(&s.to_lowercase())
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '*' | '#' | '-' | '–'))
        .to_string()
}

/// True when `line` (a short heading) starts with one of `phrases`: "For more
/// information", "For more information, please contact:".
pub fn line_matches(line: &str, phrases: &[&str]) -> bool {
    if line.chars().count() > 60 || line.trim_end().ends_with('.') {
        return false;
    }
    let norm = normalized(line);
    phrases.iter().any(|p| {
        norm.strip_prefix(p).is_some_and(|rest| {
            rest.is_empty() || !rest.starts_with(char::is_alphanumeric) || p.ends_with('\'')
        })
    })
}

/// True when the first line of a block of several lines is a heading of `phrases` and the
/// lines after it hold addresses ("For more information\nEuropol: https://...").
pub fn first_line_matches(doc: &Doc, block: usize, phrases: &[&str]) -> bool {
    let text = doc.block_text(block);
    let Some((first, rest)) = text.split_once('\n') else {
        return false;
    };
    (rest.contains("://") || rest.contains("www.") || rest.contains('@'))
        && line_matches(first, phrases)
}

/// True when `block` is a heading-like line that starts with one of `phrases`.
pub fn heading_matches(doc: &Doc, block: usize, phrases: &[&str]) -> bool {
    let text = doc.block_text(block);
    // More than 100 characters: the 101st exists (no need to count a whole paragraph).
    if text.chars().nth(100).is_some() || text.contains('\n') && text.len() > 100 {
        return false;
    }
    let is_heading = doc
        .blocks
        .get(block)
        .is_some_and(|b| b.kind == BlockKind::Heading)
        || text.trim_end().ends_with(':')
        || !text.trim_end().ends_with('.');
    if !is_heading {
        return false;
    }
    let norm = normalized(text);
    phrases.iter().any(|p| {
        norm.strip_prefix(p).is_some_and(|rest| {
            rest.is_empty() || !rest.starts_with(char::is_alphanumeric) || p.ends_with('\'')
        })
    })
}

fn is_boilerplate(doc: &Doc, block: usize, vocab: &Vocab) -> bool {
    let text = doc.block_text(block);
    text.len() <= 80 && {
        let norm = normalized(text);
        vocab.lex.boilerplate.iter().any(|p| {
            norm == *p
                || norm
                    .strip_prefix(p)
                    .is_some_and(|r| r.starts_with([' ', ':', '-', '–', '—', '|']))
        })
    }
}

/// Finds the title, caption, dateline and lead.
pub fn parse_front(doc: &Doc, vocab: &Vocab) -> Option<Front> {
    let mut front = Front::default();
    let mut i = 0;
    // Boilerplate and a date alone may stand above the title.
    while i < doc.blocks.len() {
        if is_boilerplate(doc, i, vocab) {
            i += 1;
        } else if let Some(d) = date_only(doc.block_text(i), vocab) {
            front.dateline.get_or_insert(d);
            i += 1;
        } else {
            break;
        }
    }
    let t = i;
    let title_block = doc.block_text(t);
    if title_block.trim().is_empty() {
        return None;
    }
    let first_line = title_block.lines().next().unwrap_or("");
    if title_block.chars().count() <= MAX_TITLE_CHARS {
        front.title = collapse_ws(title_block);
    } else if first_line.len() < title_block.len() && first_line.chars().count() <= MAX_TITLE_CHARS
    {
        front.title = collapse_ws(first_line);
        front.title_rest = Some((t, first_line.len()));
    } else {
        let first = first_sentences(title_block, vocab, 1).into_iter().next();
        match first {
            Some(r)
                if title_block
                    .get(r.clone())
                    .is_some_and(|s| s.chars().count() <= MAX_TITLE_CHARS) =>
            {
                front.title = collapse_ws(title_block.get(r.clone()).unwrap_or(""));
                front.title_rest = Some((t, r.end));
            }
            _ => {
                front.title = cut_chars(&collapse_ws(first_line), MAX_TITLE_CHARS);
                front.title_rest = Some((t, 0));
            }
        }
    }

    // The dateline opens the body; what stands between it and the title is the caption.
    let mut found = None;
    let mut seen = 0;
    let mut j = t + 1;
    while j < doc.blocks.len() && seen < DATELINE_BLOCKS && front.title_rest.is_none() {
        if !is_boilerplate(doc, j, vocab) {
            seen += 1;
            let text = doc.block_text(j);
            if let Some(d) = parse_dateline(text, vocab).or_else(|| labelled_date(text, vocab)) {
                found = Some((j, d));
                break;
            }
        }
        j += 1;
    }
    match found {
        Some((d, dateline)) => {
            front.caption = (t + 1..d)
                .find(|&k| !is_boilerplate(doc, k, vocab))
                .map(|k| doc.block_text(k))
                .filter(|s| s.chars().count() <= 600)
                .map(collapse_ws);
            let rest = doc.block_text(d).get(dateline.rest..).unwrap_or("");
            front.lead = if is_lead_text(rest) {
                Some((d, dateline.rest))
            } else {
                next_paragraph(doc, d + 1).map(|k| (k, 0))
            };
            if front.dateline.is_none() {
                front.dateline = Some(dateline);
            }
        }
        None if front.title_rest.is_some() => front.lead = front.title_rest,
        None => {
            let next = t + 1;
            let is_caption = doc.blocks.get(next).is_some_and(|b| {
                let text = doc.block_text(next);
                let n = text.chars().count();
                (b.kind == BlockKind::Heading || b.emphasis) && n <= 600
                    || n <= 400 && has_photo_cue(text, vocab)
            }) && next_paragraph(doc, next + 1).is_some();
            if is_caption {
                front.caption = Some(collapse_ws(doc.block_text(next)));
                front.lead = next_paragraph(doc, next + 1).map(|k| (k, 0));
            } else {
                front.lead = next_paragraph(doc, next).map(|k| (k, 0));
            }
            if let Some((k, _)) = front.lead
                && let Some((place, rest)) = parse_wire_place(doc.block_text(k), vocab)
            {
                front.place = Some(place);
                front.lead = Some((k, rest));
            }
        }
    }
    Some(front)
}

fn next_paragraph(doc: &Doc, from: usize) -> Option<usize> {
    (from..doc.blocks.len()).find(|&k| {
        doc.blocks
            .get(k)
            .is_some_and(|b| b.kind == BlockKind::Paragraph)
    })
}

fn has_photo_cue(text: &str, vocab: &Vocab) -> bool {
    let lower = text.to_lowercase();
    vocab.lex.photo_cues.iter().any(|cue| {
        lower.match_indices(cue).any(|(at, _)| {
            let before = lower.get(..at).and_then(|s| s.chars().next_back());
            let after = lower.get(at + cue.len()..).and_then(|s| s.chars().next());
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    })
}

/// The words after a dateline begin the lead, unless they are a few words with no
/// sentence end: a section tag ("12 March 2024 — Peace and Security").
fn is_lead_text(rest: &str) -> bool {
    let rest = rest.trim();
    let n = rest.chars().count();
    n > 3 && (n > 60 || rest.ends_with(['.', '!', '?', '…', ':', ',', ';']))
}

/// A date line in a block of metadata: a label, then only a date ("From: Home
/// Office\nPublished 14 February 2024", "Publié le 3 mai 2024"). The whole block is used.
fn labelled_date(text: &str, vocab: &Vocab) -> Option<Dateline> {
    if text.len() > 400 {
        return None;
    }
    text.lines().find_map(|line| {
        let line = line.trim();
        let lower = line.to_lowercase();
        let label = vocab
            .lex
            .date_labels
            .iter()
            .filter(|l| {
                lower
                    .strip_prefix(**l)
                    .is_some_and(|r| r.starts_with([' ', ':']))
            })
            .map(|l| l.len())
            .max()?;
        // Lowercasing may change lengths; only labels of the same length in both are cut.
        let rest = line.get(label..).filter(|_| lower.len() == line.len())?;
        let rest = rest.trim_start_matches([' ', ':']);
        let d = date_only(rest, vocab)?;
        Some(Dateline {
            date: d.date,
            place: None,
            rest: text.len(),
        })
    })
}

/// A block that is only a date (and maybe a place): "23 May 2016", "Vienne, le 23 mai 2016".
fn date_only(text: &str, vocab: &Vocab) -> Option<Dateline> {
    if text.chars().count() > 80 {
        return None;
    }
    let d = parse_dateline(text, vocab)?;
    text.get(d.rest..)
        .is_some_and(|r| r.trim().is_empty())
        .then_some(d)
}

/// The summary: the lead's first sentences.
pub fn summary(lead: &str, vocab: &Vocab) -> Option<String> {
    let ranges = first_sentences(lead, vocab, SUMMARY_SENTENCES);
    let first = ranges.first()?;
    let last = ranges.get(SUMMARY_SENTENCES.min(ranges.len()) - 1)?;
    let text = collapse_ws(lead.get(first.start..last.end)?);
    (!text.is_empty()).then(|| cut_chars(&text, MAX_SUMMARY_CHARS))
}

fn day_number(word: &str) -> Option<i8> {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let suffix = word.get(digits..)?;
    if !["", "er", "re", "e", "ème", "eme", "st", "nd", "rd", "th"].contains(&suffix) {
        return None;
    }
    let n: i8 = word.get(..digits)?.parse().ok()?;
    (1..=31).contains(&n).then_some(n)
}

fn year_number(word: &str) -> Option<i16> {
    if word.len() != 4 || !word.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i16 = word.parse().ok()?;
    (1900..=2100).contains(&y).then_some(y)
}

/// A date starting at token `s`: the date and the index of the token after it.
fn date_at(
    toks: &[Token],
    src: &str,
    lower: &str,
    s: usize,
    vocab: &Vocab,
) -> Option<(Date, usize)> {
    let word = |i: usize| toks.get(i).filter(|t| t.word).map(|t| t.lower(lower));
    let skip = |i: usize, c: char| {
        if toks.get(i).is_some_and(|t| t.is(src, c)) {
            i + 1
        } else {
            i
        }
    };
    let first = word(s)?;
    if first.len() == 10
        && let Some(d) = Date::parse_iso(first)
    {
        return Some((d, s + 1));
    }
    if let Some(day) = day_number(first) {
        let m = skip(s + 1, '.');
        let month = vocab.month(word(m)?)?;
        let y = skip(skip(m + 1, '.'), ',');
        let year = year_number(word(y)?)?;
        return Some((Date::new(year, month, day)?, y + 1));
    }
    let month = vocab.month(first)?;
    let d = skip(s + 1, '.');
    let day = day_number(word(d)?)?;
    let y = skip(d + 1, ',');
    let year = year_number(word(y)?)?;
    Some((Date::new(year, month, day)?, y + 1))
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '−' | ':' | '|')
}

/// A dateline at the start of `text`: "23 mai 2016 -", "VIENNA, 23 May 2016 –",
/// "New York, May 23, 2016 /Wire/ --", "2016-05-23:". Dates later in the text are not
/// datelines.
pub fn parse_dateline(text: &str, vocab: &Vocab) -> Option<Dateline> {
    let head = text
        .get(..floor_boundary(text, DATELINE_BYTES))
        .unwrap_or("");
    let (mut toks, mut lower) = (Vec::new(), String::new());
    vocab.tokenize(head, &mut toks, &mut lower);
    let limit = toks.len().min(14);
    for s in 0..limit {
        let prefix_ok = toks.get(..s).unwrap_or(&[]).iter().all(|t| {
            if t.word {
                let l = t.lower(&lower);
                t.cap || vocab.is_any(l, &[Kind::Weekday, Kind::Determiner, Kind::NameParticle])
            } else {
                matches!(
                    t.punct(head),
                    Some(',' | '(' | ')' | '/' | '-' | '–' | '—' | '.')
                )
            }
        });
        if !prefix_ok {
            return None;
        }
        let Some((date, after)) = date_at(&toks, head, &lower, s, vocab) else {
            continue;
        };
        let mut rest_tok = after;
        let mut place_after = None;
        match toks.get(after) {
            None => {
                return Some(Dateline {
                    date,
                    place: place_before(&toks, head, &lower, s, vocab),
                    rest: text.len(),
                });
            }
            Some(t) if t.punct(head).is_some_and(is_dash) => {
                rest_tok = after + 1;
            }
            Some(t) if t.is(head, '/') || t.is(head, ',') || t.is(head, '(') => {
                // A wire tag or a place after the date, then a dash, within a few tokens.
                let dash = (after + 1..toks.len().min(after + 8)).find(|&k| {
                    toks.get(k)
                        .is_some_and(|t| t.punct(head).is_some_and(is_dash))
                });
                let k = dash?;
                if t.is(head, ',') {
                    let words = toks.get(after + 1..k).unwrap_or(&[]);
                    if words.iter().all(|w| w.cap || !w.word) && !words.is_empty() {
                        let (a, b) = (words.first()?.start, words.last()?.end);
                        place_after = Some(soften_caps(head.get(a..b)?));
                    } else {
                        return None;
                    }
                }
                rest_tok = k + 1;
            }
            Some(t) if s == 0 && t.word && t.cap => {}
            _ => return None,
        }
        // Dashes may repeat ("--").
        while toks
            .get(rest_tok)
            .is_some_and(|t| t.punct(head).is_some_and(is_dash))
        {
            rest_tok += 1;
        }
        let rest = toks.get(rest_tok).map_or(text.len(), |t| t.start);
        let place = place_after.or_else(|| place_before(&toks, head, &lower, s, vocab));
        return Some(Dateline { date, place, rest });
    }
    None
}

/// A dateline without a date at the start of `text`: a place in capitals before a dash
/// ("WASHINGTON — "), or a place and a news agency in parentheses ("GENEVA (Reuters) -",
/// "Geneva (Business Wire) --"). The place, and where the text after it starts.
pub fn parse_wire_place(text: &str, vocab: &Vocab) -> Option<(String, usize)> {
    let head = text.get(..floor_boundary(text, 120)).unwrap_or("");
    let (mut toks, mut lower) = (Vec::new(), String::new());
    vocab.tokenize(head, &mut toks, &mut lower);
    let place_end = toks
        .iter()
        .take(4)
        .position(|t| !(t.word && t.cap))
        .unwrap_or(toks.len().min(4));
    if place_end == 0 {
        return None;
    }
    let places = toks.get(..place_end)?;
    let capitals = places.iter().all(|t| t.upper);
    let mut k = place_end;
    let mut agency = false;
    if toks.get(k).is_some_and(|t| t.is(head, '(')) {
        let close =
            (k + 1..toks.len().min(k + 6)).find(|&j| toks.get(j).is_some_and(|t| !t.word))?;
        let inside = toks.get(k + 1..close)?;
        if !toks.get(close).is_some_and(|t| t.is(head, ')'))
            || inside.is_empty()
            || !inside.iter().all(|t| t.cap)
        {
            return None;
        }
        agency = true;
        k = close + 1;
    }
    let dashes = toks
        .get(k..)?
        .iter()
        .take_while(|t| t.punct(head).is_some_and(|c| matches!(c, '-' | '–' | '—')))
        .count();
    let next = toks.get(k + dashes)?;
    if dashes == 0 || !(capitals || agency) || !next.word || !next.cap {
        return None;
    }
    // A weekday or a month is the start of a date, not a place.
    if places
        .iter()
        .any(|t| vocab.token_is(t, &lower, &[Kind::Weekday, Kind::Month]))
    {
        return None;
    }
    let place = head.get(places.first()?.start..places.last()?.end)?;
    Some((soften_caps(place), next.start))
}

fn place_before(toks: &[Token], src: &str, lower: &str, s: usize, vocab: &Vocab) -> Option<String> {
    let prefix = toks.get(..s)?;
    let last = prefix.iter().rposition(|t| {
        (t.word && t.cap && !vocab.token_is(t, lower, &[Kind::Weekday])) || t.is(src, ')')
    })?;
    // "le 23 mai" drops its article; "The Hague" and "Le Havre" keep theirs.
    let first = prefix.iter().position(|t| {
        t.word
            && !vocab.token_is(t, lower, &[Kind::Weekday])
            && (t.cap || !vocab.token_is(t, lower, &[Kind::Determiner]))
    })?;
    if first > last {
        return None;
    }
    let text = src.get(prefix.get(first)?.start..prefix.get(last)?.end)?;
    let text = text.trim_matches(|c: char| c == ',' || c.is_whitespace());
    (!text.is_empty()).then(|| soften_caps(text))
}

/// The occasion named in the lead: the most specific phrase after an event cue ("en marge
/// de la 25ème session de la Commission...") that names an event noun.
pub fn parse_event(lead: &str, vocab: &Vocab) -> Option<String> {
    let (mut toks, mut lower) = (Vec::new(), String::new());
    let mut best: Option<(usize, String)> = None;
    for r in first_sentences(lead, vocab, 2) {
        let sentence = lead.get(r)?;
        vocab.tokenize(sentence, &mut toks, &mut lower);
        let mut i = 0;
        while i < toks.len() {
            let Some(n) = vocab.match_at(&toks, &lower, i, Kind::EventCue) else {
                i += 1;
                continue;
            };
            let start = i + n;
            let (mut end, mut depth) = (start, 0i32);
            while let Some(t) = toks.get(end) {
                match t.punct(sentence) {
                    Some('(') => depth += 1,
                    Some(')') => depth -= 1,
                    Some(',' | '.' | ';' | ':' | '«' | '“' | '"') if depth <= 0 => break,
                    _ => {}
                }
                if t.word
                    && vocab.token_is(t, &lower, &[Kind::ListStopper])
                    && depth <= 0
                    && end > start + 1
                {
                    break;
                }
                end += 1;
                if end - start > 30 {
                    break;
                }
            }
            while end > start
                && toks.get(end - 1).is_some_and(|t| {
                    vocab.token_is(t, &lower, &[Kind::TimeWord]) || !t.word && !t.is(sentence, ')')
                })
            {
                end -= 1;
            }
            let phrase = toks.get(start..end).unwrap_or(&[]);
            let names_event = phrase
                .iter()
                .take(6)
                .any(|t| vocab.token_is(t, &lower, &[Kind::EventNoun]));
            if names_event && end - start <= 30 {
                let score = phrase
                    .iter()
                    .skip(1)
                    .filter(|t| t.cap || t.text(sentence).starts_with(|c: char| c.is_ascii_digit()))
                    .count();
                let text = sentence.get(phrase.first()?.start..phrase.last()?.end)?;
                if best.as_ref().is_none_or(|(s, _)| score > *s) {
                    best = Some((score, capitalize_first(&collapse_ws(text))));
                }
            }
            i = start.max(i + 1);
        }
    }
    best.map(|(_, text)| text)
}

/// A place named after a place cue in the lead ("held in Vienna", "s'est tenue à Lyon").
pub fn parse_place(lead: &str, vocab: &Vocab) -> Option<String> {
    let (mut toks, mut lower) = (Vec::new(), String::new());
    let head = lead.get(..floor_boundary(lead, 2000))?;
    vocab.tokenize(head, &mut toks, &mut lower);
    for i in 0..toks.len() {
        let Some(n) = vocab.match_at(&toks, &lower, i, Kind::PlaceCue) else {
            continue;
        };
        let start = i + n;
        let mut end = start;
        while toks.get(end).is_some_and(|t| t.word && t.cap) {
            end += 1;
            // "Vienna, Austria"
            if toks.get(end).is_some_and(|t| t.is(head, ','))
                && toks.get(end + 1).is_some_and(|t| t.word && t.cap)
                && toks.get(end + 2).is_none_or(|t| !t.word)
            {
                end += 1;
            }
        }
        if end > start {
            let text = head.get(toks.get(start)?.start..toks.get(end - 1)?.end)?;
            return Some(text.to_string());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::Lang;
    use rstest::rstest;

    #[rstest]
    #[case::french(
        "23 mai 2016 - Lors d'un événement",
        Lang::Fr,
        "2016-05-23",
        None,
        "Lors"
    )]
    #[case::premier("1er juin 2020 – Texte", Lang::Fr, "2020-06-01", None, "Texte")]
    #[case::city_fr(
        "Vienne (Autriche), le 23 mai 2016 – Texte",
        Lang::Fr,
        "2016-05-23",
        Some("Vienne (Autriche)"),
        "Texte"
    )]
    #[case::us("May 23, 2016 - Text", Lang::En, "2016-05-23", None, "Text")]
    #[case::british(
        "VIENNA, 23 May 2016 – Text",
        Lang::En,
        "2016-05-23",
        Some("Vienna"),
        "Text"
    )]
    #[case::weekday("Monday, 23 May 2016: Text", Lang::En, "2016-05-23", None, "Text")]
    #[case::wire(
        "NEW YORK, May 23, 2016 /PRNewswire/ -- Text",
        Lang::En,
        "2016-05-23",
        Some("New York"),
        "Text"
    )]
    #[case::iso("2016-05-23 - Text", Lang::En, "2016-05-23", None, "Text")]
    #[case::abbrev(
        "Lyon, 3 janv. 2021 - Texte",
        Lang::Fr,
        "2021-01-03",
        Some("Lyon"),
        "Texte"
    )]
    #[case::ordinal(
        "London, 2nd March 2019 — Text",
        Lang::En,
        "2019-03-02",
        Some("London"),
        "Text"
    )]
    #[case::article_city(
        "The Hague, 14 September 2021 – Text",
        Lang::En,
        "2021-09-14",
        Some("The Hague"),
        "Text"
    )]
    #[case::weekday_fr(
        "Le Havre, le lundi 3 juin 2024 - Texte",
        Lang::Fr,
        "2024-06-03",
        Some("Le Havre"),
        "Texte"
    )]
    fn dateline_forms_are_read(
        #[case] text: &str,
        #[case] lang: Lang,
        #[case] date: &str,
        #[case] place: Option<&str>,
        #[case] rest: &str,
    ) {
        let d = parse_dateline(text, lang.vocab()).expect("a dateline");
        assert_eq!(d.date.to_string(), date);
        assert_eq!(d.place.as_deref(), place);
        assert!(text[d.rest..].starts_with(rest), "{}", &text[d.rest..]);
    }

    #[rstest]
    #[case::agency("GENEVA (Reuters) - The agency", Some(("Geneva", "The agency")))]
    #[case::two_words(
        "NEW YORK (Business Wire) -- Contoso",
        Some(("New York", "Contoso"))
    )]
    #[case::title_case_agency("Geneva (AFP) – Le", Some(("Geneva", "Le")))]
    #[case::capitals_dash("WASHINGTON — The Justice", Some(("Washington", "The Justice")))]
    #[case::title_case_dash("Geneva – The agency", None)]
    #[case::sentence("The agency (UNODC) - said", None)]
    #[case::no_dash("GENEVA (Reuters) The agency", None)]
    fn wire_datelines_give_a_place(#[case] text: &str, #[case] want: Option<(&str, &str)>) {
        let got = parse_wire_place(text, Lang::En.vocab());
        let got = got.as_ref().map(|(p, rest)| (p.as_str(), &text[*rest..]));
        assert_eq!(
            got.map(|(p, rest)| (p, rest.get(..want.map_or(0, |w| w.1.len())).unwrap_or(""))),
            want
        );
    }

    #[rstest]
    #[case::govuk(
        "From: Home Office\nPublished 14 February 2024",
        Lang::En,
        Some("2024-02-14")
    )]
    #[case::colon("Date: March 12th, 2024", Lang::En, Some("2024-03-12"))]
    #[case::fr("Publié le 1er avril 2024", Lang::Fr, Some("2024-04-01"))]
    #[case::sentence("Published 14 February 2024 by the Home Office", Lang::En, None)]
    #[case::no_label("From: Home Office", Lang::En, None)]
    fn labelled_dates_are_read(#[case] text: &str, #[case] lang: Lang, #[case] want: Option<&str>) {
        let got = labelled_date(text, lang.vocab()).map(|d| d.date.to_string());
        assert_eq!(got.as_deref(), want);
    }

    #[rstest]
    #[case::tag("Peace and Security", false)]
    #[case::empty(" ", false)]
    #[case::sentence("The agency said so.", true)]
    #[case::long(
        "The United Nations Office on Drugs and Crime and the Government of Mozambique today",
        true
    )]
    fn lead_text_after_a_dateline(#[case] rest: &str, #[case] want: bool) {
        assert_eq!(is_lead_text(rest), want);
    }

    #[rstest]
    #[case::body_date("Lors de la réunion du 23 mai 2016, les ministres", Lang::Fr)]
    #[case::sentence("The meeting on May 23, 2016 was long.", Lang::En)]
    #[case::impossible("31 February 2016 - Text", Lang::En)]
    #[case::no_year("23 May - Text", Lang::En)]
    fn dates_that_are_not_datelines_are_ignored(#[case] text: &str, #[case] lang: Lang) {
        assert_eq!(parse_dateline(text, lang.vocab()), None);
    }

    #[test]
    fn event_prefers_the_named_occasion() {
        let lead = "Lors d'un événement parallèle aujourd'hui, qui s'est tenu en marge de la 25ème session de la Commission pour la prévention du crime et la justice pénale (la Commission du Crime), le directeur a signé.";
        assert_eq!(
            parse_event(lead, Lang::Fr.vocab()).as_deref(),
            Some(
                "La 25ème session de la Commission pour la prévention du crime et la justice pénale (la Commission du Crime)"
            )
        );
    }

    #[test]
    fn event_in_english_after_sidelines() {
        let lead =
            "On the sidelines of the Global Cyber Summit in Tallinn, the agencies signed a pact.";
        assert_eq!(
            parse_event(lead, Lang::En.vocab()).as_deref(),
            Some("The Global Cyber Summit in Tallinn")
        );
    }

    #[test]
    fn place_after_a_cue() {
        assert_eq!(
            parse_place(
                "The conference, held in Vienna, Austria, ended.",
                Lang::En.vocab()
            )
            .as_deref(),
            Some("Vienna, Austria")
        );
    }

    #[test]
    fn summary_keeps_three_sentences() {
        let lead = "One. Two. Three. Four.";
        assert_eq!(
            summary(lead, Lang::En.vocab()).as_deref(),
            Some("One. Two. Three.")
        );
    }
}
