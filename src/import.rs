//! Import: a raw press release (French or English, plain text or Markdown) -> a [`Briefing`].
//!
//! [`import_release`] is a pure function of the text: no I/O here, no clock, no environment.
//! The pipeline, each step linear in the input:
//!
//! 1. the text is sanitized once ([`crate::model::sanitize::sanitize`]) and cut into blocks
//!    (`blocks`), Markdown markup removed;
//! 2. the front (`front`): title, caption or standfirst, dateline (date and place), lead
//!    paragraph, event;
//! 3. the body is read sentence by sentence for people and organisations (`people`) and for
//!    cooperation areas and threats (`items`); "Plus d'informations" / "For more information"
//!    sections give the links (`links`); "À propos" / "About" sections end the body;
//! 4. quotes are scanned in one pass (`quotes`) and each is attributed from the clause after
//!    or before it.
//!
//! What a language contributes is data, in [`lexicon`]: one table per language.
//!
//! A speaker is always a person of `parties`. When an organisation speaks for itself
//! ("INTERPOL said"), it is listed as a person of its own party, named like the party, with
//! the role [`Lexicon::organisation_role`]. People whose role names no organisation go to a
//! party named [`Lexicon::other_speakers`]. A quote the importer cannot attribute has no
//! speaker rather than a guess.

mod blocks;
mod front;
mod items;
pub mod lexicon;
mod links;
mod people;
mod quotes;
mod sent;
mod text;

use std::collections::HashSet;
use std::ops::Range;

pub use lexicon::{Lang, Lexicon};

use crate::model::sanitize::sanitize;
use crate::model::{Area, Briefing, Diagnostic, Format, Party, Person, Quote, Threat};
use blocks::{BlockKind, Doc};
use items::{Items, ListKind};
use people::{People, Speaker};
use sent::Sent;
use text::{collapse_ws, cut_chars, sentences};

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
    let clean = if needs_sanitize(text) {
        sanitize(text)
    } else {
        text.to_string()
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
    let vocab = lang.vocab();
    let doc = blocks::parse_blocks(&clean);
    let front = front::parse_front(&doc, vocab).ok_or_else(no_text)?;
    if !front.title.chars().any(char::is_alphanumeric) {
        return Err(no_text());
    }

    let layout = layout(&doc, &front, vocab);
    let mut warnings = quotes::Warnings::default();
    let mut people = People::default();
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
    for s in std::iter::once(front.title.as_str()).chain(lead_head) {
        vocab.tokenize(s, &mut toks, &mut lower);
        people.note_parties(Sent {
            src: s,
            toks: &toks,
            lower: &lower,
            vocab,
        });
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

    let quotes = read_quotes(&layout, &mut people, &mut warnings, vocab);

    let mut briefing = Briefing {
        title: front.title.clone(),
        date: front.dateline.as_ref().map(|d| d.date),
        lang: Some(lang.tag().to_string()),
        event: front::parse_event(lead_text, vocab),
        place: front
            .dateline
            .as_ref()
            .and_then(|d| d.place.clone())
            .or_else(|| front::parse_place(lead_text, vocab)),
        caption: front.caption.clone(),
        summary: front::summary(lead_text, vocab).into_iter().collect(),
        ..Briefing::default()
    };
    let mut links = Vec::new();
    for &b in &layout.link_blocks {
        links::links_of(&doc, b, &mut links);
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
    assemble_parties(&mut briefing, &people, &quotes, vocab);
    briefing.quotes = quotes
        .into_iter()
        .map(|q| Quote {
            speaker: q.speaker.map(|s| speaker_name(&people, s)),
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
    tidy(&mut briefing);

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

/// The body of the release, gathered from its blocks.
struct Layout {
    /// The body paragraphs, separated by blank lines.
    body: String,
    /// Each paragraph's range in `body`.
    paras: Vec<Range<usize>>,
    /// Each paragraph's kind.
    kinds: Vec<BlockKind>,
    /// Each paragraph's first line in the release.
    lines: Vec<usize>,
    /// Blocks of the further-reading sections.
    link_blocks: Vec<usize>,
}

impl Layout {
    /// The release line of a byte offset of the body.
    fn line_of(&self, at: usize) -> usize {
        let p = self
            .paras
            .partition_point(|r| r.end < at)
            .min(self.paras.len().saturating_sub(1));
        let start = self.paras.get(p).map_or(0, |r| r.start);
        let within = self
            .body
            .get(start..at.max(start))
            .map_or(0, |s| s.matches('\n').count());
        self.lines.get(p).copied().unwrap_or(1) + within
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Section {
    Body,
    Links,
    End,
}

fn is_end_marker(text: &str) -> bool {
    if text.len() > 16 {
        return false;
    }
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let lower = t.to_lowercase();
    (!t.is_empty() && t.chars().all(|c| c == '#'))
        || [
            "-30-",
            "30",
            "-ends-",
            "ends",
            "-fin-",
            "–fin–",
            "fin",
            "end",
            "-end-",
        ]
        .contains(&lower.as_str())
}

fn layout(doc: &Doc, front: &front::Front, vocab: &lexicon::Vocab) -> Layout {
    let mut l = Layout {
        body: String::new(),
        paras: Vec::new(),
        kinds: Vec::new(),
        lines: Vec::new(),
        link_blocks: Vec::new(),
    };
    let Some((lead, offset)) = front.lead else {
        return l;
    };
    let mut section = Section::Body;
    for b in lead..doc.blocks.len() {
        let Some(block) = doc.blocks.get(b) else {
            break;
        };
        let mut text = doc.block_text(b);
        if b == lead {
            text = text.get(offset..).unwrap_or("");
        } else if front::heading_matches(doc, b, vocab.lex.more_info_headings) {
            section = Section::Links;
            // "For more information, see https://...": the heading line may hold a link.
            if text.contains("://") || text.contains("www.") || text.contains('@') {
                l.link_blocks.push(b);
            }
            continue;
        } else if is_end_marker(text) || front::heading_matches(doc, b, vocab.lex.end_headings) {
            section = Section::End;
            continue;
        } else if block.kind == BlockKind::Heading {
            section = Section::Body;
            continue;
        }
        match section {
            Section::Links if links::is_link_block(doc, b) => {
                l.link_blocks.push(b);
                continue;
            }
            Section::Links => section = Section::Body,
            Section::End => continue,
            Section::Body => {}
        }
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        if !l.body.is_empty() {
            l.body.push_str("\n\n");
        }
        let start = l.body.len();
        l.body.push_str(text);
        l.paras.push(start..l.body.len());
        l.kinds.push(block.kind);
        l.lines.push(block.line);
    }
    l
}

/// A quote read from the body, before names are written out.
struct Found {
    text: String,
    speaker: Option<Speaker>,
    context: Option<String>,
}

fn read_quotes(
    layout: &Layout,
    people: &mut People,
    warnings: &mut quotes::Warnings,
    vocab: &lexicon::Vocab,
) -> Vec<Found> {
    let (body, paras) = (&layout.body, &layout.paras);
    let raw = quotes::scan(body, paras, warnings);
    let mut out: Vec<Found> = Vec::new();
    let mut last: Option<Speaker> = None;
    // The last accepted quote: its closing position, paragraph and speaker.
    let mut prev: Option<(usize, usize, Option<Speaker>)> = None;
    let (mut toks, mut lower) = (Vec::new(), String::new());
    for q in &raw {
        let text = quotes::quote_text(body, paras, q);
        // Only small counts matter below.
        let words = text
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .take(9)
            .count();
        if words <= 2 {
            continue;
        }
        let same_para = prev.filter(|(_, p, _)| *p == q.paras.0);
        let before = quotes::before_window(body, paras, q, same_para.map(|(c, _, _)| c));
        if quotes::after_title_cue(before, vocab) {
            continue;
        }
        let clause = quotes::clause_after(quotes::after_window(body, paras, q), vocab)
            .or_else(|| quotes::clause_before(before, vocab));
        if clause.is_none() {
            let caps = text
                .split_whitespace()
                .filter(|w| w.chars().count() > 3)
                .map(|w| w.starts_with(char::is_uppercase))
                .fold((0, 0), |(c, n), up| (c + usize::from(up), n + 1));
            let titled = words <= 8 && caps.1 > 0 && caps.0 * 10 >= caps.1 * 6;
            let sentence_like = text.contains(['.', '!', '?', ',']);
            let ends = text.ends_with(['.', '!', '?', '…']);
            if titled && !sentence_like || words <= 5 && !ends {
                continue;
            }
        }
        let inherited = same_para.and_then(|(_, _, s)| s);
        let speaker = match &clause {
            Some(c) => {
                let subject = c.toks.get(c.subject.clone()).unwrap_or(&[]);
                let sent = Sent {
                    src: &c.window,
                    toks: subject,
                    lower: &c.lower,
                    vocab,
                };
                let named = subject.iter().any(|t| {
                    (t.cap || t.upper)
                        && !vocab.token_is(
                            t,
                            &c.lower,
                            &[lexicon::Kind::Pronoun, lexicon::Kind::Determiner],
                        )
                }) || (0..subject.len()).any(|i| {
                    vocab
                        .match_at(subject, &c.lower, i, lexicon::Kind::Role)
                        .is_some()
                });
                // "he", "she" and "the organisation" are the last person or organisation
                // named before the quote in its paragraph; a pronoun falls back on the last
                // speaker.
                let mention = if named {
                    people::Recent::default()
                } else {
                    let para_start = paras.get(q.paras.0).map_or(0, |p| p.start);
                    let from =
                        text::ceil_boundary(body, para_start.max(q.open.saturating_sub(400)));
                    let recent = body.get(from..q.open.max(from)).unwrap_or("");
                    vocab.tokenize(recent, &mut toks, &mut lower);
                    people.last_mention(Sent {
                        src: recent,
                        toks: &toks,
                        lower: &lower,
                        vocab,
                    })
                };
                // A pronoun goes back to the quote before it in the paragraph, even one
                // whose speaker is unknown, before the last speaker.
                let previous = match same_para {
                    Some((_, _, speaker)) => speaker,
                    None => last,
                };
                let recent = people::Recent {
                    person: mention.person.or(previous),
                    org: mention.org,
                };
                match people.resolve(sent, recent) {
                    Some(s) => Some(s),
                    // "avant d'ajouter :", "adding:": the speaker of the sentence goes on.
                    None if !named => inherited,
                    None => None,
                }
            }
            None => inherited,
        };
        if let Some(s) = speaker {
            people.list(s);
            last = Some(s);
        }
        prev = Some((q.close_end, q.paras.1, speaker));
        out.push(Found {
            text,
            speaker,
            context: clause.and_then(|c| c.context),
        });
    }
    out
}

fn speaker_name(people: &People, s: Speaker) -> String {
    match s {
        Speaker::Person(i) => people
            .persons
            .get(i)
            .map_or_else(String::new, |p| p.name.clone()),
        Speaker::Org(i) => people
            .orgs
            .get(i)
            .map_or_else(String::new, |o| o.name.clone()),
    }
}

fn assemble_parties(
    briefing: &mut Briefing,
    people: &People,
    quotes: &[Found],
    vocab: &lexicon::Vocab,
) {
    let speaking_orgs: HashSet<usize> = quotes
        .iter()
        .filter_map(|q| match q.speaker {
            Some(Speaker::Org(i)) => Some(i),
            _ => None,
        })
        .collect();
    for (i, org) in people.orgs.iter().enumerate() {
        if !org.party {
            continue;
        }
        let mut members: Vec<Person> = people
            .people_of(Some(i))
            .map(|p| Person {
                name: p.name.clone(),
                role: p.role.clone(),
            })
            .collect();
        if speaking_orgs.contains(&i) {
            members.push(Person {
                name: org.name.clone(),
                role: vocab.lex.organisation_role.to_string(),
            });
        }
        briefing.parties.push(Party {
            name: org.name.clone(),
            full_name: org.full_name.clone(),
            people: members,
        });
    }
    let others: Vec<Person> = people
        .people_of(None)
        .map(|p| Person {
            name: p.name.clone(),
            role: p.role.clone(),
        })
        .collect();
    if !others.is_empty() {
        briefing.parties.push(Party {
            name: vocab.lex.other_speakers.to_string(),
            full_name: None,
            people: others,
        });
    }
}

/// Makes the briefing valid whatever the input: no empty labels or names, each person once,
/// every speaker a listed person, no newline in one-line fields.
fn tidy(b: &mut Briefing) {
    let line = |s: &mut String| *s = collapse_ws(s);
    line(&mut b.title);
    b.title = cut_chars(&b.title, front::MAX_TITLE_CHARS);
    for s in [&mut b.event, &mut b.place, &mut b.caption]
        .into_iter()
        .flatten()
    {
        line(s);
    }
    for field in [&mut b.event, &mut b.place, &mut b.caption] {
        if field.as_deref().is_some_and(|s| s.trim().is_empty()) {
            *field = None;
        }
    }
    b.summary.retain(|s| !s.trim().is_empty());
    let mut names = HashSet::new();
    for party in &mut b.parties {
        line(&mut party.name);
        party.people.retain_mut(|p| {
            p.name = collapse_ws(&p.name);
            p.role = collapse_ws(&p.role);
            !p.name.is_empty() && names.insert(p.name.clone())
        });
    }
    b.parties.retain(|p| !p.name.trim().is_empty());
    for q in &mut b.quotes {
        if q.speaker.as_ref().is_some_and(|s| !names.contains(s)) {
            q.speaker = None;
        }
    }
    b.quotes.retain(|q| !q.text.trim().is_empty());
    b.cooperation_areas.retain(|a| !a.label.trim().is_empty());
    b.threats.retain(|t| !t.label.trim().is_empty());
    b.links.retain(|l| !l.title.trim().is_empty());
    for l in &mut b.links {
        line(&mut l.title);
    }
}

/// Writes an imported briefing as TOML (with a header comment naming the release) or JSON.
pub fn render(imported: &Imported, origin: &str, format: Format) -> Result<String, ImportError> {
    let b = &imported.briefing;
    match format {
        Format::Json => serde_json::to_string_pretty(b)
            .map(|s| s + "\n")
            .map_err(|e| ImportError::Serialize(e.to_string())),
        Format::Toml => {
            let body =
                toml::to_string_pretty(b).map_err(|e| ImportError::Serialize(e.to_string()))?;
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
        assert_eq!(is_end_marker(text), want);
    }
}
