//! Import: a raw press release (French or English, plain text or Markdown) -> a [`Briefing`].
//!
//! [`import_release`] is a pure function of the text: no I/O here, no clock, no environment.
//! The pipeline, one job per stage, each linear in the input:
//!
//! 1. source -> blocks (`blocks`): the text sanitized once and cut into headings, paragraphs,
//!    list items and quote blocks, Markdown markup removed, links kept;
//! 2. blocks -> outline (`outline`): title, caption, date, place, lead, and the body's
//!    sections, page furniture dropped;
//! 3. sentences -> facts (`extract`): each paragraph tokenized once (`token`), the rule families
//!    of `rules` (dates, people, speech, items) run over its sentences; the taxonomy of the
//!    field (`taxonomy`) names threats and areas anywhere;
//! 4. facts -> resolution (`resolve`): people merged, speakers resolved across sentences;
//! 5. resolution -> briefing (`assemble`), valid whatever the input.
//!
//! Every word the rules know is data: the lexicons (`lexicon/*.toml`) and the taxonomy
//! (`src/model/taxonomy.toml`). A quote the importer cannot attribute has no speaker rather
//! than a guess.

// Out-of-range positions are bugs the types should rule out: no indexing that can panic.
#![warn(clippy::indexing_slicing)]

mod assemble;
pub(crate) mod blocks;
mod extract;
mod facts;
mod front;
pub(crate) mod lexicon;
mod links;
mod merge;
mod outline;
mod pattern;
mod quotes;
mod resolve;
mod rules;
mod split;
mod taxonomy;
mod token;
pub(crate) mod words;

pub use crate::formats::html::{MAX_DEPTH, MAX_ELEMENTS, MAX_PAGE_BYTES};
pub use crate::formats::page::Source;
pub use crate::formats::pdf::{MAX_FORM_DEPTH, MAX_GLYPHS, MAX_PAGES, MAX_STREAM_BYTES};
use crate::formats::{html, page, pdf};
pub use crate::model::Lang;
pub use front::{Front, front};
pub use lexicon::detect;

use crate::model::sanitize::sanitize;
use crate::model::{Briefing, Diagnostic, Format};
use words::collapse_ws;

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
    /// A saved page or a PDF could not be read (not a PDF, encrypted, only images, too large,
    /// nested too deep).
    #[error("{0}")]
    Unreadable(Box<Diagnostic>),
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
    if !clean.chars().any(char::is_alphanumeric) {
        return Err(no_text());
    }
    let lang = lang.unwrap_or_else(|| lexicon::detect(&clean));
    let doc = blocks::parse_blocks(&clean);
    // The blocks hold their own text: the sanitized copy, when there is one, goes.
    drop(clean);
    import_doc(doc, origin, lang, page::PageMeta::default())
}

/// Structures a release read from a file of any [`Source`]: a saved page or a PDF is read
/// into blocks by its front-end, text and Markdown as by [`import_release`] (as UTF-8).
pub fn import_bytes(
    bytes: &[u8],
    source: Source,
    origin: &str,
    lang: Option<Lang>,
) -> Result<Imported, ImportError> {
    let read = match source {
        Source::Text | Source::Markdown => {
            let text = String::from_utf8_lossy(bytes);
            return import_release(&text, origin, lang);
        }
        Source::Html => html::read_page(bytes),
        Source::Pdf => pdf::read_pdf(bytes),
    };
    let (doc, meta) = read.map_err(|e| {
        let d = Diagnostic::whole(origin, e.message);
        ImportError::Unreadable(Box::new(match e.help {
            Some(help) => d.with_help(help),
            None => d,
        }))
    })?;
    if !doc.text.chars().any(char::is_alphanumeric) {
        return Err(ImportError::NoText(Box::new(Diagnostic::whole(
            origin,
            "expected a press release, found no words",
        ))));
    }
    let lang = lang
        .or(meta.lang)
        .unwrap_or_else(|| lexicon::detect(&doc.text));
    import_doc(doc, origin, lang, meta)
}

/// The blocks a saved page or a PDF is read into, one per line as `kind: text`, then the
/// metadata and warnings, for debugging the front-ends. Not a stable format.
#[doc(hidden)]
pub fn explain_blocks(bytes: &[u8], source: Source) -> String {
    use std::fmt::Write;
    let read = match source {
        Source::Html => html::read_page(bytes),
        Source::Pdf => pdf::read_pdf(bytes),
        Source::Text | Source::Markdown => Ok((
            blocks::parse_blocks(&String::from_utf8_lossy(bytes)),
            page::PageMeta::default(),
        )),
    };
    let mut out = String::new();
    match read {
        Err(e) => {
            let _ = writeln!(out, "error: {}", e.message);
        }
        Ok((doc, meta)) => {
            for (i, block) in doc.blocks.iter().enumerate() {
                let text = doc.block_text(i).unwrap_or_default().replace('\n', " / ");
                let _ = writeln!(out, "{:?}: {text}", block.kind);
            }
            for link in &doc.links {
                let title = doc.text.get(link.title.clone()).unwrap_or_default();
                let _ = writeln!(out, "link in block {}: {title} -> {}", link.block, link.url);
            }
            let _ = writeln!(out, "{meta:?}");
        }
    }
    out
}

/// The pipeline from blocks on; what the page's metadata says fills what the text does not.
/// The blocks are dropped once the outline and the links are read from them; the outline
/// takes their text over.
fn import_doc(
    mut doc: blocks::Doc,
    origin: &str,
    lang: Lang,
    mut meta: page::PageMeta,
) -> Result<Imported, ImportError> {
    let no_text = || {
        ImportError::NoText(Box::new(Diagnostic::whole(
            origin,
            "expected a press release, found no words",
        )))
    };
    let vocab = lexicon::vocab(lang);
    let draft = outline::read(&doc, vocab).ok_or_else(no_text)?;
    let mut links = Vec::new();
    for &block in draft.link_blocks() {
        links::links_of(&doc, block, vocab, &mut links);
    }
    links::drop_contacts(&mut links);
    // The outline's body takes the blocks' text over; the blocks go.
    let text = std::mem::take(&mut doc.text);
    drop(doc);
    let outline = draft.into_outline(text);
    if !outline.title.chars().any(char::is_alphanumeric) {
        return Err(no_text());
    }
    let body = extract::Body::of(&outline);
    let mut warnings = quotes::Warnings::default();
    let facts = extract::extract(
        &outline,
        &body,
        vocab,
        taxonomy::taxonomy(lang),
        &mut warnings,
    );
    let open_marks = open_mark_warnings(&outline, &body, warnings.list);
    drop(body);
    // Past the facts, only the lead is read from the body: the rest of its text goes.
    let mut outline = outline;
    outline.keep_only_lead();
    // The page's publisher, where the text does not name one, is the release's.
    outline.source = outline.source.take().or(meta.source.take());
    let resolution = resolve::resolve(&facts);
    let mut briefing = assemble::briefing(&outline, facts, &resolution, vocab);
    briefing.date = briefing.date.or(meta.date);
    briefing.links = links;
    // Every string goes through the sanitizer; the byte check skips the strings it would
    // return unchanged.
    briefing.map_text(|s| {
        if needs_sanitize(s) {
            sanitize(s)
        } else {
            s.to_string()
        }
    });
    let mut warnings = warnings_of(&briefing, open_marks, warnings.more);
    warnings.splice(0..0, meta.warnings);
    Ok(Imported { briefing, warnings })
}

/// What the importer read in a release, fact by fact, for debugging rules: each quote with
/// its source and the rule that read it, each person, each item. Not a stable format.
#[doc(hidden)]
pub fn explain(text: &str, lang: Option<Lang>) -> String {
    use std::fmt::Write;
    let clean = sanitize(text);
    let lang = lang.unwrap_or_else(|| lexicon::detect(&clean));
    let vocab = lexicon::vocab(lang);
    let doc = blocks::parse_blocks(&clean);
    let Some(draft) = outline::read(&doc, vocab) else {
        return String::new();
    };
    let outline = draft.into_outline(doc.text);
    let body = extract::Body::of(&outline);
    let mut warnings = quotes::Warnings::default();
    let facts = extract::extract(
        &outline,
        &body,
        vocab,
        taxonomy::taxonomy(lang),
        &mut warnings,
    );
    let resolution = resolve::resolve(&facts);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "title: {}\ndate: {:?}\nlead: {}",
        outline.title,
        outline.date.map(|d| d.to_string()),
        outline
            .lead
            .map_or("none".to_string(), |at| format!("para {at}"))
    );
    for (i, para) in outline.paras.iter().enumerate() {
        let _ = writeln!(
            out,
            "para {i} {:?}: {}",
            para.section,
            words::cut_chars(outline.para_text(i).unwrap_or_default(), 80)
        );
    }
    for p in &facts.people {
        let _ = writeln!(out, "person {:?} at {:?}", p.person, p.pos);
    }
    for m in &facts.mentions {
        let _ = writeln!(out, "mention {:?} at {:?}", m.source, m.pos);
    }
    for c in &facts.colons {
        let _ = writeln!(out, "colon {:?} in para {}", c.source, c.para);
    }
    for (n, q) in facts.quotes.iter().enumerate() {
        let _ = writeln!(
            out,
            "quote {n} para {:?} opens {} kept {:?} source {:?} -> {:?}: {}",
            q.paras,
            q.opens_para,
            resolution.kept.get(n),
            q.source,
            resolution.speakers.get(n),
            words::cut_chars(&q.text, 60)
        );
    }
    for (i, p) in resolution.people.iter().enumerate() {
        let _ = writeln!(out, "resolved person {i}: {p:?}");
    }
    // The items as merged while read: a mention of an item already kept is no line of its own.
    for item in facts.items.kept() {
        let _ = writeln!(
            out,
            "item {:?} {:?} {:?} emerging {} list {:?}{}: {}",
            item.kind,
            item.section,
            item.category,
            item.emerging,
            item.list,
            if item.proper { " name" } else { "" },
            item.label
        );
    }
    out
}

/// The warnings for quote marks left open (`found`, byte offsets in the body), with their
/// line, in the order of the body.
fn open_mark_warnings(
    outline: &outline::Outline,
    body: &extract::Body<'_>,
    mut found: Vec<(usize, char)>,
) -> Vec<String> {
    let line_of = |at: usize| {
        let p = body.paras.partition_point(|r| r.end < at);
        let start = body.paras.get(p).map_or(0, |r| r.start);
        let within = body
            .text
            .get(start..at.max(start))
            .map_or(0, |s| s.matches('\n').count());
        outline.paras.get(p).map_or(1, |para| para.line) + within
    };
    found.sort_by_key(|(at, _)| *at);
    found
        .into_iter()
        .map(|(at, mark)| {
            format!(
                "line {}: '{mark}' opens a quote that is never closed; left as text",
                line_of(at)
            )
        })
        .collect()
}

/// The warnings to show: quote marks left open (`open_marks`, and `more` not listed), quotes
/// without a speaker, no date; at most [`MAX_WARNINGS`], the rest counted.
fn warnings_of(briefing: &Briefing, open_marks: Vec<String>, mut more: usize) -> Vec<String> {
    let mut out = open_marks;
    if briefing.date.is_none() {
        out.push("no dateline found: 'date' is left out".to_string());
    }
    for (i, q) in briefing.quotes.iter().enumerate() {
        if q.speaker.is_empty() {
            out.push(format!(
                "quote {} ('{}') has no speaker: no attribution found",
                i + 1,
                crate::model::diag::quote_value(&q.text)
            ));
        }
    }
    if out.len() > MAX_WARNINGS {
        more += out.len() - MAX_WARNINGS;
        out.truncate(MAX_WARNINGS);
    }
    match more {
        0 => {}
        1 => out.push("and 1 more warning".to_string()),
        _ => out.push(format!("and {more} more warnings")),
    }
    out
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
    lexicon::common()
        .release_extensions
        .iter()
        .any(|ext| lower.ends_with(&format!(".{ext}")))
}

#[cfg(test)]
#[allow(
    clippy::indexing_slicing,
    reason = "a test fails loudly on a wrong length"
)]
mod tests {
    use super::*;
    use rstest::rstest;

    /// Each person of the briefing with their role, party by party.
    fn people_in(b: &crate::model::Briefing) -> Vec<(&str, &str)> {
        b.parties
            .iter()
            .flat_map(|p| &p.people)
            .map(|p| (p.name.as_str(), p.role.as_str()))
            .collect()
    }

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
            .map(|q| (q.text, q.speaker.first().map(str::to_string)))
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
    #[case::short_sentence("“We are all ready,” he said.", "We are all ready")]
    #[case::four_words_attributed(
        "« Nous sommes tous prêts », a dit Jean Dupont.",
        "Nous sommes tous prêts"
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
        let vocab = lexicon::vocab(Lang::En);
        assert_eq!(vocab.line_is(text, lexicon::LineClass::EndMark), want);
    }

    fn people_of(text: &str) -> Vec<(String, String)> {
        let b = import_release(text, "c.txt", None).unwrap().briefing;
        people_in(&b)
            .into_iter()
            .map(|(name, role)| (name.to_string(), role.to_string()))
            .collect()
    }

    const STORY_EN: &str = "Council agrees on new rules\n\nBrussels, 4 May 2024\n\n\
        The Council today adopted new rules on the exchange of information between police \
        forces of the member states.\n\n";
    const STORY_FR: &str = "Le Conseil adopte de nouvelles règles\n\nParis, le 4 mai 2024\n\n\
        Le Conseil a adopté aujourd'hui de nouvelles règles sur l'échange d'informations \
        entre les polices des États membres.\n\n";

    #[rstest]
    #[case::card_en(
        STORY_EN,
        "Press contacts\nAlain Fontaine\nPress officer\n+32 2 281 00 00\npress@consilium.europa.eu",
        &[("Alain Fontaine", "Press officer")]
    )]
    #[case::surname_in_capitals(
        STORY_EN,
        "Contacts:\n\nJanne OJAMO\n\nPress Officer\n\nPhone number: (+32) 2 284 12 50\n\n\
         Lieven COSIJN\n\nPress officer\n\nE-mail: lieven.cosijn@europarl.europa.eu",
        &[("Janne Ojamo", "Press Officer"), ("Lieven Cosijn", "Press officer")]
    )]
    #[case::card_fr(
        STORY_FR,
        "Contact presse\nMarie Dupont\nPorte-parole\n01 23 45 67 89",
        &[("Marie Dupont", "Porte-parole")]
    )]
    #[case::office_no_person(
        STORY_EN,
        "Media contact\nEuropol Press Office\nThe Hague, the Netherlands",
        &[]
    )]
    #[case::name_without_role(STORY_EN, "Contact\nAlain Fontaine\n+32 2 281 00 00", &[])]
    #[case::on_one_line(
        STORY_EN,
        "Media contacts: Jane Roe 0400 111 222 or John Doe 0411 333 444",
        &[("Jane Roe", "Media contacts"), ("John Doe", "Media contacts")]
    )]
    #[case::on_lines_after_the_label(
        STORY_EN,
        "Contacts: Jane Roe  0400111222 (Minister Smith)    John Doe 0411 333 444 (Senator Roe)\n\n\
         Mary Jones (02) 6277 7260 or 0429 300 335 (Senator Roe)",
        &[("Jane Roe", "Contacts"), ("John Doe", "Contacts"), ("Mary Jones", "Contacts")]
    )]
    #[case::whose_contact(
        STORY_EN,
        "Media contacts: Minister Smith - Jane Roe 0400 111 222",
        &[("Jane Roe", "Media contacts")]
    )]
    #[case::numbers_without_label(STORY_EN, "Call Jane Roe 0400 111 222 today", &[])]
    #[case::signature(
        STORY_EN,
        "Thank you.\n\nGreta Roe\n\nChief, Northwind Security Establishment",
        &[("Greta Roe", "Chief, Northwind Security Establishment")]
    )]
    #[case::signed_by_an_office(
        STORY_EN,
        "Thank you.\n\nPress Office\n\nNorthwind Security Establishment",
        &[]
    )]
    // A name and a role are a card under a contacts heading, or signing at the end.
    #[case::not_under_contacts(
        STORY_EN,
        "Alain Fontaine\nPress officer\n\nThe Council will meet again in June to review the rules.",
        &[]
    )]
    fn contacts_name_the_publishers_people(
        #[case] story: &str,
        #[case] contacts: &str,
        #[case] want: &[(&str, &str)],
    ) {
        let got = people_of(&format!("{story}{contacts}\n"));
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(n, r)| (n.to_string(), r.to_string()))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn a_threat_a_list_names_and_a_sentence_names_again_is_one() {
        let text = "Ministers agree to act on smuggling\n\nCanberra, 4 May 2024 - The ministers agreed to \
            cooperate against people smuggling, cocaine trafficking and money laundering.\n\n\
            A people smuggler was extradited last week. Drug trafficking funds the networks.\n";
        let b = import_release(text, "t.txt", None).unwrap().briefing;
        let labels: Vec<&str> = b.threats.iter().map(|t| t.label.as_str()).collect();
        assert!(labels.contains(&"People smuggling"), "{labels:?}");
        assert!(!labels.contains(&"People smuggler"), "{labels:?}");
        // Of one category, but named apart: a kind of drug and drugs in general.
        assert!(labels.contains(&"Cocaine trafficking"), "{labels:?}");
        assert!(labels.contains(&"Drug trafficking"), "{labels:?}");
    }

    #[test]
    fn a_threat_a_list_names_and_a_sentence_names_again_in_other_words_of_its_stem_is_one() {
        let text = "Combating terrorism\n\nToday marks a visit to discuss continued cooperation to \
            combat global terrorism.\n\nRecent world terror attacks have reinforced the importance of \
            working closely with our partners.\n";
        let b = import_release(text, "t.txt", None).unwrap().briefing;
        let labels: Vec<&str> = b.threats.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, ["Global terrorism"]);
    }

    #[test]
    fn threats_an_event_s_name_is_about_are_threats_and_a_body_s_are_not() {
        let text = "Ministers meet in Bali\n\nThey will co-host a Regional Ministerial Conference on \
            People Smuggling, Trafficking in Persons and Related Transnational Crime in Bali.\n\n\
            The Commission on Narcotic Drugs and the Office on Drugs and Crime will attend.\n";
        let b = import_release(text, "t.txt", None).unwrap().briefing;
        let labels: Vec<&str> = b.threats.iter().map(|t| t.label.as_str()).collect();
        // The first, right after the event's noun and its preposition, is read as a body's
        // name would be ("Office on Drugs and Crime"): a reader would name it, the rules do not.
        assert_eq!(labels, ["Trafficking in Persons", "Transnational Crime"]);
    }

    #[test]
    fn an_event_s_quoted_title_is_no_quote_nor_when_said_again() {
        let text = "Un atelier pour les magistrats\n\nAtelier \"Vers une répression concertée du trafic \
            de stupéfiants\"\n\nLe ministère organise cette semaine à Dakar un atelier de formation \
            à destination des professionnels : « Vers une répression concertée du trafic de \
            stupéfiants ».\n\n« Les enquêtes doivent se développer », a déclaré Jean Dupont, magistrat.\n";
        let b = import_release(text, "t.txt", None).unwrap().briefing;
        let quotes: Vec<&str> = b.quotes.iter().map(|q| q.text.as_str()).collect();
        assert_eq!(quotes, ["Les enquêtes doivent se développer"]);
    }

    #[test]
    fn a_byline_names_a_person_and_no_link() {
        let text = "Two fugitives returned\n\nRIVERSIDE, Calif. (Feb. 16, 2023) - Two fugitives were \
            returned to Riverside County on Tuesday after their arrest in Mexico.\n\n# # #\n\n\
            Documents to download\n\nNEWS RELEASE -- Two fugitives returned\n\nAuthor: Amy McKenzie\n\n\
            By 2030: More Cooperation\n";
        let b = import_release(text, "b.txt", None).unwrap().briefing;
        let people = people_in(&b);
        assert_eq!(people, [("Amy McKenzie", "Author")]);
        assert!(
            b.links.iter().all(|l| !l.title.contains("McKenzie")),
            "{:?}",
            b.links
        );
    }

    #[test]
    fn a_masthead_names_who_the_release_is_from() {
        let text = "The Hon Jane Roe MP  Minister for Justice\n\nMinister Assisting the Prime Minister\n\n\
            MEDIA RELEASE\n\n26 April 2017\n\nCombating crime with our neighbours\n\n\
            Today I met the ministers of our neighbours to discuss how we fight organised crime together.\n";
        let b = import_release(text, "m.txt", None).unwrap().briefing;
        assert_eq!(b.title, "Combating crime with our neighbours");
        let people = people_in(&b);
        // Not "Assisting": a role's words are no name.
        assert_eq!(people, [("Jane Roe", "Minister for Justice")]);

        let text = "JOINT MEDIA RELEASE  THE MINISTER FOR JUSTICE, JOHN DOE   THE MINISTER FOR HOME AFFAIRS, SEN. JANE ROE\n\n\
            28 April 2003\n\nRegional Conference on People Smuggling\n\n\
            Australia and Indonesia will host a conference on people smuggling. Mr Doe will attend with Senator Roe.\n";
        let b = import_release(text, "m.txt", None).unwrap().briefing;
        assert_eq!(b.title, "Regional Conference on People Smuggling");
        let mut names: Vec<_> = b
            .parties
            .iter()
            .flat_map(|p| &p.people)
            .map(|p| p.name.as_str())
            .collect();
        names.sort_unstable();
        assert_eq!(names, ["Jane Roe", "John Doe"]);
    }

    #[test]
    fn a_contact_the_release_names_is_listed_once() {
        let text = format!(
            "{STORY_EN}“We act,” said Alain Fontaine, spokesperson of the Council.\n\n\
             Press contacts\nAlain Fontaine\nPress officer\n+32 2 281 00 00\n"
        );
        let got = people_of(&text);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "Alain Fontaine");
    }

    /// The parties' names with their people, in order.
    fn parties_of(text: &str) -> Vec<(String, Vec<String>)> {
        import_release(text, "c.txt", None)
            .unwrap()
            .briefing
            .parties
            .into_iter()
            .map(|p| {
                (
                    p.name,
                    p.people.into_iter().map(|person| person.name).collect(),
                )
            })
            .collect()
    }

    /// A list of the site's news beside the release: its dates are the release's only when
    /// its entry is the release itself, and its teasers are no paragraph of the story.
    #[test]
    fn a_list_of_news_beside_the_release_does_not_date_it() {
        let body = "Police and customs officers from 12 countries seized weapons and drugs in a joint operation against organised crime, the office said today in a statement to the press.\n\n";
        let list = "More News\n\nMar 26, 2026\n\nCourt backlog eliminated\n\nAug 15, 2025\n\nMan charged with murder extradited from El Salvador\n\n";
        let text = format!("{list}Man charged with murder extradited from El Salvador\n\n{body}");
        let b = import_release(&text, "n.txt", None).unwrap().briefing;
        assert_eq!(b.date.map(|d| d.to_string()).as_deref(), Some("2025-08-15"));
        let after = "Recent News\n\nEscondido man charged with murder after a victim dies from a severe beating in a street fight\n\nJune 3, 2026\n\nThe district attorney announced today that a man has been charged with murder following the death of a man who was …\n\nMay 28, 2026\n\n";
        let text =
            format!("Man charged with murder extradited from El Salvador\n\n{body}{body}{after}");
        let b = import_release(&text, "n.txt", None).unwrap().briefing;
        assert_eq!(b.date, None);
    }

    /// A line that introduces the statement under it is no lead, but its people are read.
    #[test]
    fn a_line_introducing_the_text_is_read_but_is_no_lead() {
        let text = "Le Secrétaire général condamne l'attentat\n\n\
            La déclaration suivante a été communiquée aujourd'hui par le Porte-parole de M. Ban Ki-moon, Secrétaire général de l'ONU :\n\n\
            Le Secrétaire général condamne dans les termes les plus vifs l'attentat commis aujourd'hui.\n";
        let b = import_release(text, "n.txt", None).unwrap().briefing;
        assert_eq!(
            b.summary,
            [
                "Le Secrétaire général condamne dans les termes les plus vifs l'attentat commis aujourd'hui."
            ]
        );
        let people = people_in(&b);
        assert_eq!(people, [("Ban Ki-moon", "Secrétaire général de l'ONU")]);
    }

    #[test]
    fn a_contact_of_an_unknown_publisher_joins_no_party() {
        let text = "Ministers agree on border cooperation\n\nSkopje, 4 May 2024\n\n\
            Panče Toškovski, Minister of Internal Affairs of North Macedonia, and Krenar Lloga, \
            Minister of Justice of North Macedonia, signed the agreement.\n\n\
            Press contacts\nAlain Fontaine\nPress officer\n+32 2 281 00 00\n";
        let got = parties_of(text);
        let with_contact: Vec<&String> = got
            .iter()
            .filter(|(_, people)| people.iter().any(|n| n == "Alain Fontaine"))
            .map(|(name, _)| name)
            .collect();
        assert_eq!(with_contact.len(), 1, "{got:?}");
        assert!(
            !with_contact.iter().any(|name| name.contains("Macedonia")),
            "{got:?}"
        );
    }

    const BODY_EN: &str = "OTTAWA, 14 November 2024 – Ministers met today in Ottawa to discuss \
        cross-border crime, drug trafficking and the smuggling of firearms between the two \
        countries.\n";
    const BODY_FR: &str = "OTTAWA, le 14 nov. 2024 – Les ministres se sont réunis aujourd'hui à \
        Ottawa pour discuter de la criminalité transfrontalière, du trafic de drogue et du trafic \
        d'armes à feu entre les deux pays.\n";

    #[rstest]
    #[case::newswire_fr(
        "Déclaration conjointe à l'issue du Forum\n\nNOUVELLES FOURNIES PAR\n\nSécurité publique Canada\n\n14 nov. 2024, 16 h 30 HNE\n\n",
        BODY_FR,
        "Déclaration conjointe à l'issue du Forum",
        Some("Sécurité publique Canada")
    )]
    #[case::newswire_en_one_block(
        "Joint statement after the Forum\n\nNEWS PROVIDED BY\nPublic Safety Canada\n\nNov 14, 2024, 16:30 ET\n\n",
        BODY_EN,
        "Joint statement after the Forum",
        Some("Public Safety Canada")
    )]
    #[case::section_after_the_date(
        "ONU Info\n\nSahel : sur les routes du désert, les trafics se diversifient, alerte l'ONUDC\n\n15 juillet 2024\n\nPaix et sécurité\n\n",
        BODY_FR,
        "Sahel : sur les routes du désert, les trafics se diversifient, alerte l'ONUDC",
        None
    )]
    #[case::office_after_the_date(
        "U.S. Department of Justice\n\nPRESS RELEASE\n\n297 Arrested in Coordinated International Operation Targeting Fraud Schemes\n\nWednesday, February 14, 2024\n\nFor Immediate Release\n\nOffice of Public Affairs\n\n",
        BODY_EN,
        "297 Arrested in Coordinated International Operation Targeting Fraud Schemes",
        None
    )]
    #[case::standfirst_under_the_date(
        "Home > News & Events > News\n\nCross-border crime: ministers agree on a joint plan\n\n14 November 2024\n\nThe plan covers drug trafficking, firearms and the smuggling of migrants\n\n",
        BODY_EN,
        "Cross-border crime: ministers agree on a joint plan",
        None
    )]
    #[case::publisher_above_the_date(
        "Canada Border Services Agency and Partners\n\n14 November 2024\n\nMinisters agree on a joint plan against cross-border crime\n\n",
        "OTTAWA, 14 November 2024 – The Canada Border Services Agency and Partners met today in Ottawa to discuss cross-border crime, drug trafficking and the smuggling of firearms.\n",
        "Ministers agree on a joint plan against cross-border crime",
        None
    )]
    #[case::section_tag_above(
        "Communiqué\n\nGlobal\n\nMinisters agree on a joint plan against cross-border crime\n\n",
        BODY_EN,
        "Ministers agree on a joint plan against cross-border crime",
        None
    )]
    #[case::document_number_above(
        "SC/12446\n\nMinisters agree on a joint plan against cross-border crime\n\n",
        BODY_EN,
        "Ministers agree on a joint plan against cross-border crime",
        None
    )]
    #[case::cookie_notice(
        "This site uses cookies. Visit our cookies policy page to change your preferences.\n\nMinisters agree to deepen cooperation against organised crime\n\n",
        BODY_EN,
        "Ministers agree to deepen cooperation against organised crime",
        None
    )]
    fn a_page_s_labels_and_notices_are_no_title(
        #[case] head: &str,
        #[case] body: &str,
        #[case] title: &str,
        #[case] source: Option<&str>,
    ) {
        let b = import_release(&format!("{head}{body}"), "n.txt", None)
            .unwrap()
            .briefing;
        assert_eq!(b.title, title);
        assert_eq!(b.source.as_deref(), source);
    }

    fn links_of(text: &str) -> Vec<(String, Option<String>)> {
        import_release(text, "l.md", None)
            .unwrap()
            .briefing
            .links
            .into_iter()
            .map(|l| (l.title, l.url))
            .collect()
    }

    #[rstest]
    #[case::address_after_heading(
        STORY_FR,
        "Pour en savoir plus : www.who.int/fr",
        &[("www.who.int/fr", Some("https://www.who.int/fr"))]
    )]
    #[case::download(
        STORY_EN,
        "Download the report\n\nWildlife trafficking in Southern Africa (PDF, 3.2 MB)",
        &[("Wildlife trafficking in Southern Africa (PDF, 3.2 MB)", None)]
    )]
    #[case::marked_link_named_as_a_heading(
        STORY_FR,
        "**Contact presse :** [presse@ecpat.fr](mailto:presse@ecpat.fr)\n\n\
         [En savoir plus sur la plateforme](https://www.ecpat.fr/signalement)",
        &[("En savoir plus sur la plateforme", Some("https://www.ecpat.fr/signalement"))]
    )]
    #[case::address_in_a_closing_sentence(
        STORY_EN,
        "About Northwind\n\nNorthwind is a bank in Geneva. For more information, visit www.northwind.example.com.",
        &[("www.northwind.example.com", Some("https://www.northwind.example.com"))]
    )]
    #[case::address_in_prose_alone(
        STORY_EN,
        "The full report is published at www.unodc.org today.",
        &[]
    )]
    #[case::contact_data_is_no_link(
        STORY_EN,
        "Contacts:\n\nJanne OJAMO\n\nPress Officer\n\n[E-mail: j.ojamo@ep.eu](mailto:j.ojamo@ep.eu)\n\n\
         [Twitter account: @EP_Regional](https://twitter.com/EP_Regional)",
        &[]
    )]
    fn further_reading_is_found_where_releases_put_it(
        #[case] story: &str,
        #[case] end: &str,
        #[case] want: &[(&str, Option<&str>)],
    ) {
        let got = links_of(&format!("{story}{end}\n"));
        let want: Vec<(String, Option<String>)> = want
            .iter()
            .map(|(t, u)| (t.to_string(), u.map(str::to_string)))
            .collect();
        assert_eq!(got, want);
    }

    fn threats_of(body: &str) -> Vec<String> {
        let text = format!("Title\n\n{body}");
        import_release(&text, "t.txt", None)
            .unwrap()
            .briefing
            .threats
            .into_iter()
            .map(|t| t.label)
            .collect()
    }

    #[rstest]
    #[case::en(
        "The police fight drug trafficking across the region. Trafficking keeps growing.",
        &["Drug trafficking"]
    )]
    #[case::fr(
        "Les deux pays luttent contre le trafic de stupéfiants. Ces trafics prospèrent.",
        &["Trafic de stupéfiants"]
    )]
    #[case::alone_stays("Trafficking keeps growing in the region, the police said.", &["Trafficking"])]
    fn a_bare_head_said_again_is_no_second_threat(#[case] body: &str, #[case] want: &[&str]) {
        assert_eq!(threats_of(body), want);
    }

    #[rstest]
    #[case::chain(
        "The cases comprised mainly investment scams, job scams, e-commerce scams and internet love scams.",
        &["Investment scams", "Job scams", "E-commerce scams", "Internet love scams"]
    )]
    #[case::chain_then_prose(
        "Many are involved in drug trafficking, firearms supply and money laundering. Money laundering grows.",
        &["Drug trafficking", "Firearms supply", "Money laundering"]
    )]
    #[case::bare_head_alone_in_chain(
        "Online fraud and scams keep growing in the region.",
        &["Online fraud"]
    )]
    #[case::bare_head_first(
        "The anti-scam centre opened. It handles investment scams.",
        &["Investment scams"]
    )]
    fn threats_named_one_after_the_other_are_distinct(#[case] body: &str, #[case] want: &[&str]) {
        assert_eq!(threats_of(body), want);
    }

    #[test]
    fn a_long_standfirst_heading_is_read_as_prose() {
        let text = "# Ministers agree on a new plan\n\n## The ministers of the region agreed today in Vienna to fight cybercrime and money laundering together, with joint training for their investigators\n\nThe meeting was held in Vienna on 3 May 2024.\n";
        let b = import_release(text, "s.md", None).unwrap().briefing;
        let threats: Vec<&str> = b.threats.iter().map(|t| t.label.as_str()).collect();
        assert!(threats.contains(&"Cybercrime"), "{threats:?}");
        assert!(threats.contains(&"Money laundering"), "{threats:?}");
    }

    #[test]
    fn a_person_named_only_in_the_title_is_a_person() {
        let text = "Minister of Justice Anna Karlsson signs a cooperation agreement with INTERPOL\n\nThe agreement covers the exchange of information on fugitives and joint training.\n";
        let b = import_release(text, "t.txt", None).unwrap().briefing;
        let people: Vec<&str> = b
            .parties
            .iter()
            .flat_map(|p| p.people.iter().map(|x| x.name.as_str()))
            .collect();
        assert!(people.contains(&"Anna Karlsson"), "{b:?}");
    }

    #[test]
    fn an_organisation_of_one_word_speaks_for_itself() {
        let got = quotes_of(
            "Europol coordinated the action. “No country can face this alone,” Europol said.",
        );
        assert_eq!(
            got,
            [(
                "No country can face this alone".to_string(),
                Some("Europol".to_string())
            )]
        );
    }

    #[rstest]
    #[case::en(
        "Ministry and Europol agree on joint action against migrant smuggling\n\nThe arrangement covers the following areas:\n\n* migrant smuggling networks;\n* the exchange of information.\n",
        &["Exchange of information", "Joint action"],
        &["Migrant smuggling networks"]
    )]
    #[case::fr(
        "La douane et la police signent une convention contre le trafic de drogues\n\nLa convention prévoit l'échange de données sur le trafic de cocaïne.\n",
        &["Échange de données"],
        &["Trafic de cocaïne"]
    )]
    fn the_title_names_items_the_body_words_them_better(
        #[case] text: &str,
        #[case] areas: &[&str],
        #[case] threats: &[&str],
    ) {
        let b = import_release(text, "t.txt", None).unwrap().briefing;
        let got: Vec<&str> = b
            .cooperation_areas
            .iter()
            .map(|a| a.label.as_str())
            .collect();
        assert_eq!(got, areas);
        let got: Vec<&str> = b.threats.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(got, threats);
    }

    #[test]
    fn areas_of_one_category_in_two_lists_are_one_area() {
        let text = "Title\n\nThe partners agreed on information exchange, joint training and extradition. They will also step up the exchange of information and asset recovery.\n";
        let b = import_release(text, "a.txt", None).unwrap().briefing;
        let exchange = b
            .cooperation_areas
            .iter()
            .filter(|a| a.category.as_deref() == Some("information-exchange"))
            .count();
        assert_eq!(exchange, 1, "{:?}", b.cooperation_areas);
    }

    #[rstest::rstest]
    #[case::in_the_lead(
        "Police chiefs adopt a communiqué\n\nThe police chiefs concluded the 43rd ASEANAPOL Conference in Bangkok.\n\nThey agreed to exchange information.\n",
        true
    )]
    #[case::in_passing(
        "A report on scam centres\n\nA new report finds that scam centres hold thousands of victims.\n\nThe report will be presented at the Conference of the Parties to the UN Convention next week.\n",
        false
    )]
    #[case::a_headline_s_event_and_its_topic(
        "Ouverture de l'atelier régional sur la coopération en matière de trafic illicite de stupéfiants (1er octobre 2019)\n\nL'ambassadeur a ouvert la réunion le 1er octobre.\n",
        true
    )]
    #[case::a_headline_s_event_with_a_place_only(
        "Countries agree to step up cooperation at UNODC meeting in Vienna\n\nCountries agreed today to share intelligence.\n",
        false
    )]
    fn an_event_is_an_area_of_the_release_about_it(#[case] text: &str, #[case] area: bool) {
        let b = import_release(text, "a.txt", None).unwrap().briefing;
        let found = b.cooperation_areas.iter().any(|a| {
            a.label.contains("Conference")
                || a.label.starts_with("Atelier régional sur la coopération")
                || a.label.contains("meeting")
        });
        assert_eq!(found, area, "{:?}", b.cooperation_areas);
    }

    #[rstest::rstest]
    #[case::other_partners(
        "Title\n\nThe arrest follows close cooperation between Australia and Indonesia. It shows the broader cooperation of the Bali Process.\n",
        2
    )]
    #[case::one_partner_again(
        "Titre\n\nL'accord renforce la coopération entre la Suisse et Europol. Il complète la coopération multilatérale avec Europol.\n",
        1
    )]
    fn cooperation_with_other_partners_is_another_area(#[case] text: &str, #[case] count: usize) {
        let b = import_release(text, "a.txt", None).unwrap().briefing;
        let coordination = b
            .cooperation_areas
            .iter()
            .filter(|a| a.category.as_deref() == Some("coordination"))
            .count();
        assert_eq!(coordination, count, "{:?}", b.cooperation_areas);
    }

    #[rstest::rstest]
    #[case::alone_fr(
        "Titre\n\nFace au terrorisme, il n'y a pas de frontière. La coopération internationale est plus que jamais essentielle.\n",
        &["Coopération internationale"]
    )]
    #[case::with_a_form_fr(
        "Titre\n\nLa coopération internationale est essentielle. Les deux pays échangeront des informations.\n",
        &["Échangeront des informations"]
    )]
    #[case::in_a_list_en(
        "Title\n\nIt is through strong cooperation in the areas of anti-money laundering, joint training and international crime cooperation that we tackle this challenge.\n",
        &["Joint training", "International crime cooperation"]
    )]
    fn cooperation_in_general_is_an_area_only_of_a_release_that_names_no_form(
        #[case] text: &str,
        #[case] want: &[&str],
    ) {
        let b = import_release(text, "a.txt", None).unwrap().briefing;
        let got: Vec<&str> = b
            .cooperation_areas
            .iter()
            .map(|a| a.label.as_str())
            .collect();
        assert_eq!(got, want);
    }

    #[rstest::rstest]
    #[case::fr(
        "Titre\n\nLes ministres ont renforcé la coopération policière et judiciaire.\n",
        &["Coopération policière", "Coopération judiciaire"]
    )]
    #[case::fr_three(
        "Titre\n\nLes ministres ont renforcé la coopération policière, douanière et judiciaire.\n",
        // Police and customs cooperation are one category, so one area.
        &["Coopération policière", "Coopération judiciaire"]
    )]
    #[case::fr_no_form(
        "Titre\n\nLes ministres ont renforcé la coopération policière et politique.\n",
        &["Coopération policière"]
    )]
    #[case::en(
        "Title\n\nThe ministers stepped up police and judicial cooperation.\n",
        &["Police cooperation", "Judicial cooperation"]
    )]
    fn forms_that_share_their_head_across_and_are_two_areas(
        #[case] text: &str,
        #[case] want: &[&str],
    ) {
        let b = import_release(text, "a.txt", None).unwrap().briefing;
        let labels: Vec<&str> = b
            .cooperation_areas
            .iter()
            .map(|a| a.label.as_str())
            .collect();
        assert_eq!(labels, want);
    }

    #[rstest::rstest]
    #[case::en(
        "Title\n\nThe two agencies signed a memorandum of understanding and a working arrangement on information exchange.\n"
    )]
    #[case::fr(
        "Titre\n\nLes deux services ont signé un accord de coopération et une déclaration d'intention sur l'échange d'informations.\n"
    )]
    fn the_instrument_signed_is_no_area_what_it_covers_is(#[case] text: &str) {
        let b = import_release(text, "a.txt", None).unwrap().briefing;
        let ids: Vec<&str> = b
            .cooperation_areas
            .iter()
            .filter_map(|a| a.category.as_deref())
            .collect();
        assert_eq!(ids, ["information-exchange"], "{:?}", b.cooperation_areas);
    }

    #[test]
    fn actors_named_in_two_lists_are_one_threat_and_crimes_stay_apart() {
        let text = "Title\n\nThe ministers discussed threats such as criminal networks, cocaine trafficking and fraud. They warned of organised crime groups, heroin trafficking and extortion. Emerging threats include links between organised crime and terrorist groups.\n";
        let b = import_release(text, "a.txt", None).unwrap().briefing;
        let count = |id: &str| {
            b.threats
                .iter()
                .filter(|t| t.category.as_deref() == Some(id))
                .count()
        };
        // An actor in a longer phrase names a phenomenon of its own.
        assert_eq!(count("organised-crime"), 2, "{:?}", b.threats);
        assert!(
            b.threats
                .iter()
                .any(|t| t.label == "Links between organised crime and terrorist groups"),
            "{:?}",
            b.threats
        );
        // Drug trafficking in two lists: cocaine and heroin may be distinct crimes.
        assert_eq!(count("drug-trafficking"), 2, "{:?}", b.threats);
    }

    #[test]
    fn capitals_of_the_lead_with_no_organisation_word_name_no_party() {
        let text = "Police charge 15 in trafficking operation\n\nMIAMI, May 1, 2026 - The Miami Police Department charged 15 people, with increased emphasis during major events like Formula One and the Super Bowl.\n";
        let b = import_release(text, "m.txt", None).unwrap().briefing;
        let parties: Vec<&str> = b.parties.iter().map(|p| p.name.as_str()).collect();
        assert!(parties.contains(&"Miami Police Department"), "{parties:?}");
        assert!(!parties.contains(&"Formula One"), "{parties:?}");
        assert!(!parties.contains(&"Super Bowl"), "{parties:?}");
    }

    #[test]
    fn read_more_under_other_posts_opens_no_links() {
        let story = "Police charge 15 in trafficking operation\n\nMIAMI, May 1, 2026 - Police officers charged 15 people after a two-day operation against human trafficking in the city.\n\n";
        let teasers = "Related Posts\n\nMEDIA ADVISORY: Press Conference on a Theft Case\n\nRead More\n\nMay 13, 2026\n\nFOR IMMEDIATE RELEASE: Man Charged with Fraud\n\nRead More\n\nApril 30, 2026\n";
        let b = import_release(&format!("{story}{teasers}"), "m.txt", None)
            .unwrap()
            .briefing;
        assert_eq!(b.links, [], "{:?}", b.links);
        // After the story, "Read more" is a heading of links.
        let links = "Read more\n\nAgreement between Sweden and Colombia on extradition (pdf)\n";
        let b = import_release(&format!("{story}{links}"), "s.txt", None)
            .unwrap()
            .briefing;
        assert_eq!(b.links.len(), 1, "{:?}", b.links);
    }

    #[test]
    fn parties_are_organisations_not_places_events_or_common_words() {
        let text = "INTERPOL and AUSTRAC open the Octopus Conference\n\nLYON, France – INTERPOL, the financial intelligence agency AUSTRAC and the police opened the Octopus Conference today. Security was discussed. The parties invited Salome Zourabichvili to represent the country at the meetings of the European Council.\n";
        let b = import_release(text, "p.txt", None).unwrap().briefing;
        let parties: Vec<&str> = b.parties.iter().map(|p| p.name.as_str()).collect();
        assert!(parties.contains(&"INTERPOL"), "{parties:?}");
        assert!(parties.contains(&"AUSTRAC"), "{parties:?}");
        for junk in [
            "LYON",
            "Lyon",
            "Octopus Conference",
            "police",
            "Security",
            "Salome Zourabichvili",
        ] {
            assert!(!parties.contains(&junk), "{junk} in {parties:?}");
        }
        assert_eq!(b.place.as_deref(), Some("Lyon, France"));
    }

    #[test]
    fn list_members_do_not_start_with_their_preposition() {
        let text = "Titre du communiqué\n\nLes trois autorités se sont engagées à :\n\n- une coopération renforcée en matière de dépistage, de saisie et de confiscation des avoirs, ainsi que de restitution aux États ;\n";
        let b = import_release(text, "m.txt", None).unwrap().briefing;
        let labels: Vec<&str> = b
            .cooperation_areas
            .iter()
            .map(|a| a.label.as_str())
            .collect();
        assert!(!labels.is_empty());
        assert!(
            labels
                .iter()
                .all(|l| !l.starts_with("De ") && !l.starts_with("de ")),
            "{labels:?}"
        );
    }
}
