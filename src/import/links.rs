//! The further-reading section ("Plus d'informations", "For more information") as links: each
//! line or item is a link, with its address when the line has one (a Markdown link, an
//! `https://` address, `www.`, or an e-mail address). No I/O here.

use super::blocks::Doc;
use super::lexicon::{LineClass, Vocab, common};
use super::words::collapse_ws;
use crate::model::Link;

/// A block longer than this ends the section: it is prose again.
pub(crate) const MAX_LINK_CHARS: usize = 300;
/// A line with more words than this around its address is a sentence, not a link's title.
const MAX_TITLE_WORDS: usize = 24;
/// At most this many links are kept.
pub(crate) const MAX_LINKS: usize = 100;

/// True when block `i` is short enough to be part of a link section.
pub(crate) fn is_link_block(doc: &Doc, i: usize) -> bool {
    doc.block_text(i)
        .is_some_and(|text| text.chars().nth(MAX_LINK_CHARS).is_none())
}

/// True when block `i` holds a link of the page's or the Markdown's own markup ("[Ransomware
/// playbook](https://…)": two words, and still a link).
pub(crate) fn has_marked_link(doc: &Doc, i: usize) -> bool {
    doc.links.iter().any(|link| link.block == i)
}

/// True when `word` is a web or mail address a briefing may hold.
pub(crate) fn is_web_address(word: &str) -> bool {
    web_url(word).is_some()
}

/// The words of `text` without the brackets and punctuation around an address in a line
/// ("(www.who.int).", "<https://…>,").
fn address_words(text: &str) -> impl Iterator<Item = &str> {
    text.split_whitespace().map(|w| {
        w.trim_matches(['(', ')', '<', '>', ',', ';', '[', ']'])
            .trim_end_matches('.')
    })
}

/// True when a word of `text` is a web or mail address ("Pour en savoir plus : www.who.int/fr").
pub(crate) fn has_web_address(text: &str) -> bool {
    address_words(text).any(is_web_address)
}

/// The links of block `i`, one per line; a line that is only a heading of the section ("Plus
/// d'informations" above its links) is none.
pub(crate) fn links_of(doc: &Doc, i: usize, vocab: &Vocab, out: &mut Vec<Link>) {
    if out.len() >= MAX_LINKS {
        return;
    }
    let marked: Vec<_> = doc.links.iter().filter(|l| l.block == i).collect();
    if !marked.is_empty() {
        for link in marked {
            let title = doc.text.get(link.title.clone()).map(collapse_ws);
            push(out, title, web_url(&link.url));
        }
        return;
    }
    let Some(text) = doc.block_text(i) else {
        return;
    };
    for line in text.lines() {
        let line = collapse_ws(line);
        if line.is_empty() || vocab.line_phrase(&line, LineClass::MoreInfo) == Some("") {
            continue;
        }
        let found = address_words(&line).find_map(|w| web_url(w).map(|url| (w.to_string(), url)));
        match found {
            Some((word, url)) => {
                let title = collapse_ws(line.replace(&word, "").trim_matches(|c: char| {
                    c.is_whitespace()
                        || matches!(c, ':' | '-' | '–' | '—' | '|' | '(' | ')' | '<' | '>' | ',')
                }));
                // "Pour en savoir plus : www.who.int/fr": the heading is no title.
                let heading_only = vocab.line_phrase(&title, LineClass::MoreInfo) == Some("");
                // An address in a sentence ("… in Geneva. For more information, visit
                // www.x.org.") or after a heading's words ("For more information, visit") is
                // named by itself.
                let prose = title.contains(". ")
                    || title.split_whitespace().nth(MAX_TITLE_WORDS).is_some()
                    || vocab
                        .line_phrase(&title, LineClass::MoreInfo)
                        .is_some_and(|rest| !rest.chars().any(char::is_uppercase));
                let title = if title.is_empty() || heading_only || prose {
                    word
                } else {
                    title
                };
                push(out, Some(title), Some(url));
            }
            None => {
                // "For more information: Europol's report" keeps the title after the heading.
                let rest = vocab
                    .line_phrase(&line, LineClass::MoreInfo)
                    .map(str::to_string);
                push(out, Some(rest.unwrap_or(line)), None);
            }
        }
    }
}

fn push(out: &mut Vec<Link>, title: Option<String>, url: Option<String>) {
    if let Some(title) = title
        && out.len() < MAX_LINKS
        && !title.trim().is_empty()
    {
        out.push(Link { title, url });
    }
}

/// True when a link's title is a telephone number ("Tel: +31 70 412 5508"): a contact.
fn is_phone(link: &Link) -> bool {
    let digits = link.title.chars().filter(char::is_ascii_digit).count();
    let letters = link.title.chars().filter(|c| c.is_alphabetic()).count();
    link.url.is_none() && digits >= MIN_PHONE_DIGITS && letters <= MAX_PHONE_LETTERS
}

/// The fewest digits of a telephone number.
const MIN_PHONE_DIGITS: usize = 7;
/// The most letters around a telephone number ("Tel:", "Fax").
const MAX_PHONE_LETTERS: usize = 5;

/// Drops the contact blocks a further-reading section holds: a telephone number, the name
/// without an address above it ("WCO Communications Service") and the e-mail addresses
/// after it. A contact is no further reading.
pub(crate) fn drop_contacts(links: &mut Vec<Link>) {
    let mut drop = vec![false; links.len()];
    for (i, link) in links.iter().enumerate() {
        if !is_phone(link) {
            continue;
        }
        if let Some(flag) = drop.get_mut(i) {
            *flag = true;
        }
        if let Some(before) = i.checked_sub(1)
            && links.get(before).is_some_and(|l| l.url.is_none())
            && let Some(flag) = drop.get_mut(before)
        {
            *flag = true;
        }
        let mails = links
            .iter()
            .skip(i + 1)
            .take_while(|l| {
                l.url
                    .as_deref()
                    .is_some_and(|u| u.starts_with(common().mail_scheme.as_str()))
            })
            .count();
        for flag in drop.iter_mut().skip(i + 1).take(mails) {
            *flag = true;
        }
    }
    let mut k = 0;
    links.retain(|_| {
        k += 1;
        !drop.get(k - 1).copied().unwrap_or(false)
    });
}

/// An address the model accepts (http, https, mailto), from a word of the text.
pub(crate) fn web_url(word: &str) -> Option<String> {
    let table = common();
    let lower = word.to_ascii_lowercase();
    let url = if table
        .url_schemes
        .iter()
        .any(|s| lower.starts_with(s.as_str()))
    {
        word.to_string()
    } else if table
        .web_prefixes
        .iter()
        .any(|p| lower.starts_with(p.as_str()) && word.len() > p.len())
    {
        format!("{}{word}", table.default_scheme)
    } else if let Some((user, host)) = word.split_once('@') {
        let ok = !user.is_empty()
            && host.contains('.')
            && !host.starts_with('.')
            && !host.ends_with('.')
            && word
                .chars()
                .all(|c| c.is_alphanumeric() || "._%+-@".contains(c));
        if !ok {
            return None;
        }
        format!("{}{word}", table.mail_scheme)
    } else {
        return None;
    };
    let rest = url
        .split_once(':')
        .map(|(_, rest)| rest.trim_start_matches('/'))?;
    (!rest.is_empty() && !url.chars().any(|c| c.is_whitespace() || c.is_control())).then_some(url)
}

#[cfg(test)]
#[allow(
    clippy::indexing_slicing,
    reason = "a test fails loudly on a wrong length"
)]
mod tests {
    use super::*;
    use crate::import::blocks::parse_blocks;
    use crate::import::lexicon::vocab;
    use crate::model::Lang;
    use rstest::rstest;

    #[test]
    fn contact_blocks_are_no_links() {
        let link = |title: &str, url: Option<&str>| Link {
            title: title.to_string(),
            url: url.map(str::to_string),
        };
        let mut links = vec![
            link("Operation report", Some("https://example.org/report")),
            link("WCO Communications Service", None),
            link("+32 (0)2 209 9436", None),
            link(
                "communication@wcoomd.org",
                Some("mailto:communication@wcoomd.org"),
            ),
            link("Press contact", Some("mailto:press@unodc.org")),
        ];
        drop_contacts(&mut links);
        let titles: Vec<&str> = links.iter().map(|l| l.title.as_str()).collect();
        assert_eq!(titles, ["Operation report"]);
        // Without a telephone, an e-mail address is a link.
        let mut mail = vec![link("Press office", Some("mailto:press@unodc.org"))];
        drop_contacts(&mut mail);
        assert_eq!(mail.len(), 1);
    }

    #[rstest]
    #[case("https://www.unodc.org/x", Some("https://www.unodc.org/x"))]
    #[case("www.interpol.int", Some("https://www.interpol.int"))]
    #[case("press@unodc.org", Some("mailto:press@unodc.org"))]
    #[case("javascript:alert(1)", None)]
    #[case("https://", None)]
    #[case("a@b", None)]
    fn web_urls_are_recognised(#[case] word: &str, #[case] want: Option<&str>) {
        assert_eq!(web_url(word).as_deref(), want);
    }

    fn got(links: &[Link]) -> Vec<(&str, Option<&str>)> {
        links
            .iter()
            .map(|l| (l.title.as_str(), l.url.as_deref()))
            .collect()
    }

    #[test]
    fn a_heading_line_above_links_is_no_link() {
        let doc = parse_blocks("Plus d'informations\nRapport complet : https://x.org/r\n");
        let mut links = Vec::new();
        links_of(&doc, 0, vocab(Lang::Fr), &mut links);
        assert_eq!(got(&links), [("Rapport complet", Some("https://x.org/r"))]);
    }

    #[test]
    fn lines_with_and_without_urls_become_links() {
        let doc = parse_blocks(
            "Programme: https://x.org/p\nDiscours du directeur\n\n- [Report](https://x.org/r)\n",
        );
        let mut links = Vec::new();
        links_of(&doc, 0, vocab(Lang::En), &mut links);
        links_of(&doc, 1, vocab(Lang::En), &mut links);
        assert_eq!(
            got(&links),
            [
                ("Programme", Some("https://x.org/p")),
                ("Discours du directeur", None),
                ("Report", Some("https://x.org/r")),
            ]
        );
    }
}
