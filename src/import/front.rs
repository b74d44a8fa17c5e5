//! A release's front alone: its headline, date, language and publisher, as the full import
//! gives them, read without the extraction (the blocks and the outline only). A library lists
//! these first and fills in the rest as releases are structured.

use super::{Source, blocks, lexicon, needs_sanitize, outline};
use crate::formats::{html, page, pdf};
use crate::model::sanitize::sanitize;
use crate::model::{Date, Lang};

/// What a release's front says: the fields of its briefing that the outline gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Front {
    /// The headline.
    pub title: String,
    /// The release's date.
    pub date: Option<Date>,
    /// The language.
    pub lang: Lang,
    /// The publisher, when a line or the page names it.
    pub source: Option<String>,
}

/// The front of a release read from a file of any [`Source`]; `None` where the import would
/// fail (no words, no title, an unreadable page) or the bytes are no UTF-8 text.
pub fn front(bytes: &[u8], source: Source) -> Option<Front> {
    let (doc, meta) = match source {
        Source::Text | Source::Markdown => {
            let text = std::str::from_utf8(bytes).ok()?;
            let clean: std::borrow::Cow<'_, str> = if needs_sanitize(text) {
                std::borrow::Cow::Owned(sanitize(text))
            } else {
                std::borrow::Cow::Borrowed(text)
            };
            if !clean.chars().any(char::is_alphanumeric) {
                return None;
            }
            let lang = lexicon::detect(&clean);
            (
                blocks::parse_blocks(&clean),
                (page::PageMeta::default(), lang),
            )
        }
        Source::Html | Source::Pdf => {
            let read = if matches!(source, Source::Html) {
                html::read_page(bytes)
            } else {
                pdf::read_pdf(bytes)
            };
            let (doc, meta) = read.ok()?;
            if !doc.text.chars().any(char::is_alphanumeric) {
                return None;
            }
            let lang = meta.lang.unwrap_or_else(|| lexicon::detect(&doc.text));
            (doc, (meta, lang))
        }
    };
    let (meta, lang) = meta;
    let draft = outline::read(&doc, lexicon::vocab(lang))?;
    let (title, date, source) = draft.front();
    if !title.chars().any(char::is_alphanumeric) {
        return None;
    }
    // As the import's last step: every string through the sanitizer.
    let clean = |s: &str| {
        if needs_sanitize(s) {
            sanitize(s)
        } else {
            s.to_string()
        }
    };
    Some(Front {
        title: clean(title),
        date: date.or(meta.date),
        lang,
        source: source.map(clean).or(meta.source.as_deref().map(clean)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every release of the fixtures (plain, Markdown, saved pages, PDFs): its front agrees
    /// with its full import on the headline, the date, the language and the publisher (when
    /// the front names one: else the full import may name its first party), and a release the
    /// import refuses has no front.
    #[test]
    fn a_front_agrees_with_the_full_import_on_every_fixture() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
        let mut checked = 0;
        for dir in ["import", "real", "pages"] {
            let mut paths: Vec<_> = std::fs::read_dir(format!("{root}/{dir}"))
                .unwrap()
                .flatten()
                .map(|e| e.path())
                .collect();
            paths.sort();
            for path in paths {
                let name = path.display().to_string();
                let Some(source) = Source::of_path(&name) else {
                    continue;
                };
                let bytes = std::fs::read(&path).unwrap();
                let full = crate::import::import_bytes(&bytes, source, &name, None);
                let front = front(&bytes, source);
                let Ok(full) = full else {
                    assert_eq!(front, None, "{name}: a front but no import");
                    continue;
                };
                let b = full.briefing;
                let f = front.unwrap_or_else(|| panic!("{name}: an import but no front"));
                assert_eq!(f.title, b.title, "{name}: title");
                assert_eq!(f.date, b.date, "{name}: date");
                assert_eq!(Some(f.lang.tag()), b.lang.as_deref(), "{name}: language");
                if f.source.is_some() {
                    assert_eq!(f.source, b.source, "{name}: publisher");
                }
                checked += 1;
            }
        }
        assert!(checked > 90, "{checked} releases checked");
    }
}
