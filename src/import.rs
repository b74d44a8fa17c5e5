//! Import: a raw press release (French or English, plain text or Markdown) -> a [`Briefing`].
//!
//! [`import_release`] is a pure function of the text: no I/O here, no clock, no environment.
//! The pipeline, each step linear in the input:
//!
//! 1. the text is sanitized once ([`crate::model::sanitize::sanitize`]) and cut into blocks
//!    (`blocks`), Markdown markup removed;
//! 2. the front (`front`): title, caption or standfirst, dateline (date and place), lead
//!    paragraph, event;
//! 3. the body (`layout`) is read sentence by sentence (`sent`, `text`) for people and
//!    organisations (`people`) and for cooperation areas and threats (`items`); "Plus
//!    d'informations" / "For more information" sections give the links (`links`); "À propos" /
//!    "About" sections and end marks end the body;
//! 4. quotes are scanned in one pass (`quotes`) and each is attributed from the clause after
//!    or before it (`attribute`);
//! 5. parties are assembled and the briefing made valid whatever the input (`assemble`).
//!
//! What a language contributes is data, in [`lexicon`]: one table per language.
//!
//! A speaker is always a person of `parties`. When an organisation speaks for itself
//! ("INTERPOL said"), it is listed as a person of its own party, named like the party, with
//! the role [`Lexicon::organisation_role`]. People whose role names no organisation go to a
//! party named [`Lexicon::other_speakers`]. A quote the importer cannot attribute has no
//! speaker rather than a guess.

// TODO(#10): the declarative importer removes this; until then the rules tables it replaces
// keep their long functions, short names and repeated arms.
#![allow(
    clippy::too_many_lines,
    clippy::many_single_char_names,
    clippy::match_same_arms,
    clippy::zero_sized_map_values
)]

mod assemble;
mod attribute;
mod blocks;
mod front;
mod items;
mod layout;
pub mod lexicon;
mod links;
mod people;
mod quotes;
mod sent;
mod text;

pub use lexicon::{Lang, Lexicon};

use crate::model::sanitize::sanitize;
use crate::model::{Area, Briefing, Diagnostic, Format, Quote, Threat};
use blocks::BlockKind;
use items::{Items, ListKind};
use people::People;
use sent::Sent;
use text::{collapse_ws, sentences};

/// A briefing made from a release, with what the importer wants the user to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    /// The briefing; it passes [`crate::model::parse_briefing`] once serialized.
    pub briefing: Briefing,
    /// Problems worth a look, as `line N: message` (unbalanced quote marks, quotes without a
    /// speaker, no date).
    pub warnings: Vec<String>,
}

/// Why a release could not be imported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// The release is empty or only whitespace.
    #[error("{0}")]
    Empty(Box<Diagnostic>),
    /// The release has characters but no words (only markup or control characters).
    #[error("{0}")]
    NoText(Box<Diagnostic>),
    /// The briefing could not be written out (a bug: our types always serialize).
    #[error("{0}")]
    Serialize(String),
}

/// At most this many warnings are listed; the rest are counted.
const MAX_WARNINGS: usize = 20;

/// Structures a press release into a briefing. `origin` names the release in messages;
/// `lang` overrides language detection.
pub fn import_release(
    text: &str,
    origin: &str,
    lang: Option<Lang>,
) -> Result<Imported, ImportError> {
    if text.trim().is_empty() {
        return Err(ImportError::Empty(Box::new(
            Diagnostic::whole(origin, "expected a press release, found an empty file")
                .with_help("a release needs at least a title line"),
        )));
    }
    // The text is copied only when the sanitizer changes it.
    let clean: std::borrow::Cow<'_, str> = if needs_sanitize(text) {
        std::borrow::Cow::Owned(sanitize(text))
    } else {
        std::borrow::Cow::Borrowed(text)
    };
    let no_text = || {
        ImportError::NoText(Box::new(Diagnostic::whole(
            origin,
            "expected a press release, found no words",
        )))
    };
    if !text::has_alphanumeric(&clean) {
        return Err(no_text());
    }
    let lang = lang.unwrap_or_else(|| lexicon::detect(&clean));
    let vocab = lang.vocab();
    let doc = blocks::parse_blocks(&clean);
    let front = front::parse_front(&doc, vocab).ok_or_else(no_text)?;
    if !text::has_alphanumeric(&front.title) {
        return Err(no_text());
    }

    let layout = layout::layout(&doc, &front, vocab);
    let mut warnings = quotes::Warnings::default();
    let mut people = People::default();
    for name in &layout.about {
        people.learn(name);
    }
    let mut items = Items::default();
    let (mut toks, mut lower) = (Vec::new(), String::new());

    // The title and the lead name the parties.
    let lead_text = layout
        .paras
        .first()
        .and_then(|r| layout.body.get(r.clone()))
        .filter(|_| front.lead.is_some())
        .unwrap_or("");
    let lead_head: Vec<&str> = text::first_sentences(lead_text, vocab, 2)
        .into_iter()
        .take(2)
        .filter_map(|r| lead_text.get(r))
        .collect();
    for (n, s) in std::iter::once(front.title.as_str())
        .chain(lead_head)
        .enumerate()
    {
        vocab.tokenize(s, &mut toks, &mut lower);
        let sent = Sent {
            src: s,
            toks: &toks,
            lower: &lower,
            vocab,
        };
        people.note_parties(sent, n == 0);
    }
    if let Some(caption) = &front.caption {
        for r in sentences(caption, vocab) {
            let s = caption.get(r).unwrap_or("");
            vocab.tokenize(s, &mut toks, &mut lower);
            people.scan(Sent {
                src: s,
                toks: &toks,
                lower: &lower,
                vocab,
            });
        }
    }

    // The body, sentence by sentence: people, areas, threats.
    let mut bullets: Option<ListKind> = None;
    for (p, range) in layout.paras.iter().enumerate() {
        let para = layout.body.get(range.clone()).unwrap_or("");
        let is_item = layout.kinds.get(p) == Some(&BlockKind::Item);
        match (is_item, bullets) {
            (true, Some(kind)) => items.bullet(para, kind),
            (false, _) => bullets = None,
            _ => {}
        }
        for r in sentences(para, vocab) {
            let s = para.get(r).unwrap_or("");
            vocab.tokenize(s, &mut toks, &mut lower);
            let sent = Sent {
                src: s,
                toks: &toks,
                lower: &lower,
                vocab,
            };
            people.scan(sent);
            if !is_item || bullets.is_none() {
                bullets = items.scan(sent).or(if is_item { None } else { bullets });
            }
        }
    }

    let quotes = attribute::read_quotes(&layout, &mut people, &mut warnings, vocab);

    let mut briefing = Briefing {
        title: front.title.clone(),
        date: front.dateline.as_ref().map(|d| d.date),
        lang: Some(lang.tag().to_string()),
        event: front::parse_event(lead_text, vocab),
        place: front
            .dateline
            .as_ref()
            .and_then(|d| d.place.clone())
            .or_else(|| front.place.clone())
            .or_else(|| front::parse_place(lead_text, vocab)),
        caption: front.caption.clone(),
        summary: front::summary(lead_text, vocab).into_iter().collect(),
        ..Briefing::default()
    };
    let mut links = Vec::new();
    for &b in &layout.link_blocks {
        links::links_of(&doc, b, vocab.lex.more_info_headings, &mut links);
    }
    briefing.links = links;
    briefing.cooperation_areas = items
        .areas
        .into_iter()
        .map(|i| Area {
            label: i.label,
            detail: i.detail,
        })
        .collect();
    briefing.threats = items
        .threats
        .into_iter()
        .map(|i| Threat {
            label: i.label,
            detail: i.detail,
            emerging: i.emerging,
        })
        .collect();
    assemble::assemble_parties(&mut briefing, &people, &quotes, vocab);
    briefing.quotes = quotes
        .into_iter()
        .map(|q| Quote {
            speaker: q.speaker.map(|s| assemble::speaker_name(&people, s)),
            text: q.text,
            context: q.context,
        })
        .collect();
    // Every string goes through the sanitizer; the byte check skips the strings it would
    // return unchanged.
    briefing.map_text(|s| {
        if needs_sanitize(s) {
            sanitize(s)
        } else {
            s.to_string()
        }
    });
    assemble::tidy(&mut briefing);

    let mut messages = Vec::new();
    if briefing.date.is_none() {
        messages.push("no dateline found: 'date' is left out".to_string());
    }
    for (i, q) in briefing.quotes.iter().enumerate() {
        if q.speaker.is_none() {
            messages.push(format!(
                "quote {} ('{}') has no speaker: no attribution found",
                i + 1,
                crate::model::diag::quote_value(&q.text)
            ));
        }
    }
    let mut located = warnings.list;
    located.sort_by_key(|(at, _)| *at);
    let mut more = warnings.more;
    if located.len() > MAX_WARNINGS {
        more += located.len() - MAX_WARNINGS;
        located.truncate(MAX_WARNINGS);
    }
    let mut out: Vec<String> = located
        .into_iter()
        .map(|(at, msg)| format!("line {}: {msg}", layout.line_of(at)))
        .collect();
    let room = MAX_WARNINGS.saturating_sub(out.len());
    more += messages.len().saturating_sub(room);
    out.extend(messages.into_iter().take(room));
    if more > 0 {
        out.push(format!("and {more} more warnings"));
    }
    Ok(Imported {
        briefing,
        warnings: out,
    })
}

/// False when [`sanitize`] would return `text` unchanged: no control character but `\n`, no
/// C1 control, no bidi control, no line or paragraph separator, no byte-order mark. A byte
/// scan, much faster than decoding every character.
fn needs_sanitize(text: &str) -> bool {
    let b = text.as_bytes();
    // C0 controls but '\n', and DEL: a fold without early exit, which vectorizes.
    let controls = b.iter().fold(false, |seen, &x| {
        seen | ((x < 0x20 && x != b'\n') | (x == 0x7f))
    });
    if controls {
        return true;
    }
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    memchr::memchr3_iter(0xc2, 0xe2, 0xef, b).any(|i| match at(i) {
        // U+0080..U+009F
        0xc2 => (0x80..=0x9f).contains(&at(i + 1)),
        // U+2028, U+2029, U+202A..U+202E, U+2066..U+2069
        0xe2 => match at(i + 1) {
            0x80 => (0xa8..=0xae).contains(&at(i + 2)),
            0x81 => (0xa6..=0xa9).contains(&at(i + 2)),
            _ => false,
        },
        // U+FEFF
        _ => at(i + 1) == 0xbb && at(i + 2) == 0xbf,
    })
}

/// Writes an imported briefing as TOML (with a header comment naming the release) or JSON.
pub fn render(imported: &Imported, origin: &str, format: Format) -> Result<String, ImportError> {
    let b = &imported.briefing;
    match format {
        Format::Json => serde_json::to_string_pretty(b)
            .map(|s| s + "\n")
            .map_err(|e| ImportError::Serialize(e.to_string())),
        Format::Toml => {
            let mut body =
                toml::to_string_pretty(b).map_err(|e| ImportError::Serialize(e.to_string()))?;
            // A native TOML date reads better than a string; the model accepts both.
            if let Some(date) = b.date {
                let quoted = format!("\ndate = \"{date}\"\n");
                let native = format!("\ndate = {date}\n");
                body = format!("\n{body}").replacen(&quoted, &native, 1);
                body.remove(0);
            }
            let shown = if origin == "-" {
                "standard input"
            } else {
                origin
            };
            let shown = collapse_ws(&sanitize(shown));
            let lang = b.lang.as_deref().unwrap_or("?");
            Ok(format!(
                "# Imported by `briefing import` from {shown} (lang {lang}).\n\
                 # Labels, speakers and lists were found automatically: check them before presenting.\n\n\
                 {body}"
            ))
        }
    }
}

/// True when `path` names a raw release (`.txt`, `.md`, `.markdown`, `.text`) rather than a
/// briefing (`.toml`, `.json`, or anything else). `-` is a briefing, as for `check`.
pub fn is_release_path(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    [".txt", ".md", ".markdown", ".text"]
        .iter()
        .any(|ext| lower.ends_with(ext))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case("release.txt", true)]
    #[case("notes/RELEASE.MD", true)]
    #[case("a.markdown", true)]
    #[case("briefing.toml", false)]
    #[case("briefing.json", false)]
    #[case("-", false)]
    #[case("txt", false)]
    fn release_paths_are_told_from_briefings(#[case] path: &str, #[case] want: bool) {
        assert_eq!(is_release_path(path), want);
    }

    fn quotes_of(body: &str) -> Vec<(String, Option<String>)> {
        let text = format!("Title\n\n{body}");
        import_release(&text, "q.txt", None)
            .unwrap()
            .briefing
            .quotes
            .into_iter()
            .map(|q| (q.text, q.speaker))
            .collect()
    }

    #[rstest]
    #[case::scare_one("The report warns of \"narco-states\" in the region.")]
    #[case::scare_two("Ils parlent de « tolérance zéro » depuis des années.")]
    #[case::title_after_cue("The report, titled \"World Drug Report 2023\", was published.")]
    #[case::title_fr("Le rapport intitulé « Les routes de la drogue en Afrique » est paru.")]
    #[case::title_case("They launched “Operation Blue Harbour Shield” last week.")]
    #[case::marks_only("Il a dit « - » puis « ... » sans plus.")]
    fn scare_quotes_and_titles_are_not_speech(#[case] body: &str) {
        assert_eq!(quotes_of(body), Vec::new());
    }

    #[rstest]
    #[case::short_sentence("“We are ready,” he said.", "We are ready")]
    #[case::three_words_attributed(
        "« Nous sommes prêts », a dit Jean Dupont.",
        "Nous sommes prêts"
    )]
    #[case::long_unattributed(
        "The statement read: “The border will stay open to all trade.”",
        "The border will stay open to all trade."
    )]
    fn speech_is_kept(#[case] body: &str, #[case] text: &str) {
        let got = quotes_of(body);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, text);
    }

    #[rstest]
    #[case::plain("Le café « ouvert » – 23 mai", false)]
    #[case::escape("a\u{1b}[2J", true)]
    #[case::tab("a\tb", true)]
    #[case::cr("a\r\nb", true)]
    #[case::c1("a\u{9b}b", true)]
    #[case::bidi("a\u{202e}b", true)]
    #[case::isolate("a\u{2067}b", true)]
    #[case::separator("a\u{2028}b", true)]
    #[case::bom("\u{feff}a", true)]
    fn needs_sanitize_agrees_with_sanitize(#[case] text: &str, #[case] want: bool) {
        assert_eq!(needs_sanitize(text), want);
        if !want {
            assert_eq!(sanitize(text), text);
        }
    }

    #[rstest]
    #[case("###", true)]
    #[case("-30-", true)]
    #[case("- ENDS -", true)]
    #[case("End of the year", false)]
    fn end_markers(#[case] text: &str, #[case] want: bool) {
        assert_eq!(layout::is_end_marker(text), want);
    }
}
