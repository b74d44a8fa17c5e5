//! Handouts (`briefing export`): the whole briefing as a document to hand out, in Markdown,
//! one self-contained HTML file, or plain text, with the interface's words in the briefing's
//! language.
//!
//! [`Handout::new`] lays the briefing out once (title, facts, parties and people, summary,
//! quotes with their speakers, areas, threats with the emerging ones apart, links; the
//! presenter notes only when asked), and each writer only says how to write those pieces in
//! its format, escaping every text that comes from the briefing. Text in, text out: no I/O
//! here (the binary writes the file, through [`crate::files::write_new`]).

mod html;
mod markdown;
mod text;

use crate::app::labels::format_date;
use crate::model::{Briefing, Lang, Notes};

/// The formats a handout is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HandoutFormat {
    /// Markdown (CommonMark), escaped so that it renders as written.
    Markdown,
    /// One HTML file: inline CSS, no scripts, no external resources.
    Html,
    /// Plain text, wrapped at 78 columns.
    Text,
}

impl HandoutFormat {
    /// The format a file name implies by its extension, if any.
    pub fn from_name(name: &str) -> Option<HandoutFormat> {
        let lower = name.to_ascii_lowercase();
        let ext = lower.rsplit_once('.')?.1;
        match ext {
            "md" | "markdown" => Some(HandoutFormat::Markdown),
            "html" | "htm" => Some(HandoutFormat::Html),
            "txt" | "text" => Some(HandoutFormat::Text),
            _ => None,
        }
    }
}

/// The briefing laid out as a handout, format aside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Handout {
    /// The language of its words.
    pub lang: Lang,
    /// The briefing's title.
    pub title: String,
    /// The caption or standfirst.
    pub caption: Option<String>,
    /// Date, event, place, source, each with its label.
    pub facts: Vec<(&'static str, String)>,
    /// The presenter's notes on the briefing as a whole, with `--notes`.
    pub notes: Option<String>,
    /// The sections, in order.
    pub sections: Vec<Section>,
}

/// One section: a heading and its pieces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// Its title.
    pub heading: String,
    /// What it holds.
    pub blocks: Vec<Block>,
    /// The presenter's notes on it, with `--notes`.
    pub notes: Option<String>,
}

/// A piece of a section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A paragraph of prose.
    Paragraph(String),
    /// A party and the people who speak for it (each "name, role").
    Party {
        /// Its short name, and its full name when it has one.
        name: String,
        /// The people.
        people: Vec<String>,
    },
    /// A quote, who said it, and when or where.
    Quote {
        /// The words, without marks.
        text: String,
        /// The speakers, described ("Yury Fedotov, directeur exécutif de l'ONUDC").
        speaker: String,
        /// The circumstances.
        context: Option<String>,
    },
    /// An area or a threat: its label, its category's name when the label does not say it,
    /// and its detail.
    Item {
        /// The label.
        label: String,
        /// The category's name.
        category: Option<String>,
        /// The detail.
        detail: Option<String>,
    },
    /// A heading inside a section (the emerging threats).
    Subheading(String),
    /// A link.
    Link {
        /// What it is.
        title: String,
        /// Where it points, when known.
        url: Option<String>,
    },
}

impl Handout {
    /// Lays out `briefing` with the words of `lang`; the presenter notes only when `notes`.
    pub fn new(briefing: &Briefing, lang: Lang, notes: bool) -> Handout {
        let l = lang.labels();
        let fix = |s: &str| lang.typeset(s);
        let b = briefing;
        let values = [
            b.date.map(|d| format_date(d, lang)),
            b.event.clone(),
            b.place.clone(),
            b.source.clone(),
        ];
        let facts = l
            .facts
            .iter()
            .zip(values)
            .filter_map(|(label, v)| v.map(|v| (*label, fix(&v))))
            .collect();
        let n = |pick: fn(&Notes) -> &Option<String>| {
            if notes {
                pick(&b.notes).as_deref().map(fix)
            } else {
                None
            }
        };
        let mut sections = Vec::new();
        let mut push = |heading: &str, blocks: Vec<Block>, notes: Option<String>| {
            if !blocks.is_empty() || notes.is_some() {
                sections.push(Section {
                    heading: heading.to_string(),
                    blocks,
                    notes,
                });
            }
        };
        push(l.parties, parties(b, &fix), None);
        push(
            l.panes[0],
            b.summary.iter().map(|p| Block::Paragraph(fix(p))).collect(),
            n(|n| &n.summary),
        );
        push(l.panes[1], quotes(b, lang, &fix), n(|n| &n.quotes));
        let areas = b
            .cooperation_areas
            .iter()
            .map(|a| item(&a.label, a.category.as_deref(), a.detail.as_deref(), lang))
            .collect();
        push(l.panes[2], areas, n(|n| &n.cooperation_areas));
        push(l.panes[3], threats(b, lang), n(|n| &n.threats));
        let links = b
            .links
            .iter()
            .map(|k| Block::Link {
                title: fix(&k.title),
                url: k.url.clone(),
            })
            .collect();
        push(l.more_info, links, n(|n| &n.links));
        Handout {
            lang,
            title: fix(&b.title),
            caption: b.caption.as_deref().map(fix),
            facts,
            notes: n(|n| &n.title),
            sections,
        }
    }

    /// The handout written in `format`.
    pub fn write(&self, format: HandoutFormat) -> String {
        match format {
            HandoutFormat::Markdown => markdown::write(self),
            HandoutFormat::Html => html::write(self),
            HandoutFormat::Text => text::write(self),
        }
    }
}

fn parties(b: &Briefing, fix: &dyn Fn(&str) -> String) -> Vec<Block> {
    b.parties
        .iter()
        .map(|p| Block::Party {
            name: fix(&match &p.full_name {
                Some(full) => format!("{} ({full})", p.name),
                None => p.name.clone(),
            }),
            people: p.members().map(|m| fix(&m.described())).collect(),
        })
        .collect()
}

fn quotes(b: &Briefing, lang: Lang, fix: &dyn Fn(&str) -> String) -> Vec<Block> {
    let l = lang.labels();
    b.quotes
        .iter()
        .map(|q| {
            let described: Vec<String> = q
                .speaker
                .names()
                .map(|name| match b.person(name) {
                    Some((_, person)) => person.described(),
                    None => name.to_string(),
                })
                .collect();
            let speaker = if described.is_empty() {
                format!("({})", l.unknown_speaker)
            } else {
                described.join(l.speakers_separator)
            };
            Block::Quote {
                text: fix(&q.text),
                speaker: fix(&speaker),
                context: q.context.as_deref().map(fix),
            }
        })
        .collect()
}

/// Standing threats first, then the emerging ones under their heading.
fn threats(b: &Briefing, lang: Lang) -> Vec<Block> {
    let (emerging, standing): (Vec<_>, Vec<_>) = b.threats.iter().partition(|t| t.emerging);
    let mut out: Vec<Block> = standing
        .iter()
        .map(|t| item(&t.label, t.category.as_deref(), t.detail.as_deref(), lang))
        .collect();
    if !emerging.is_empty() {
        out.push(Block::Subheading(lang.labels().emerging.to_string()));
        out.extend(
            emerging
                .iter()
                .map(|t| item(&t.label, t.category.as_deref(), t.detail.as_deref(), lang)),
        );
    }
    out
}

/// An area or threat, with its category's name when the label does not already say it (as
/// the reader shows it).
fn item(label: &str, category: Option<&str>, detail: Option<&str>, lang: Lang) -> Block {
    let same = |a: &str, b: &str| a.to_lowercase().trim() == b.to_lowercase().trim();
    let category = category
        .and_then(crate::model::category)
        .map(|c| c.name(lang))
        .filter(|name| !same(name, label))
        .map(str::to_string);
    Block::Item {
        label: lang.typeset(label),
        category,
        detail: detail.map(|d| lang.typeset(d)),
    }
}

/// A URL a handout may link to: web and mail addresses only, so a `javascript:` or `data:`
/// URL in a briefing is shown as text and never becomes a link.
pub(crate) fn is_safe_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    ["https://", "http://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme))
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

#[cfg(test)]
mod tests;
