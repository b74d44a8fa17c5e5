//! The further-reading section ("Plus d'informations", "For more information") as links:
//! each line or item is a link, with its URL when the line has one (a Markdown link, a bare
//! `https://` address, `www.`, or an e-mail address). No I/O here.

use super::blocks::Doc;
use super::text::collapse_ws;
use crate::model::Link;

/// A block longer than this ends the section: it is prose again.
pub const MAX_LINK_CHARS: usize = 300;
/// At most this many links are kept.
const MAX_LINKS: usize = 100;

/// True when block `i` can be part of a link section.
pub fn is_link_block(doc: &Doc, i: usize) -> bool {
    // At most MAX_LINK_CHARS characters: counting stops past them.
    doc.block_text(i).chars().nth(MAX_LINK_CHARS).is_none()
}

/// The links of block `i`, one per line; a line that is only a heading of `headings`
/// ("Plus d'informations" above its links) is none.
pub fn links_of(doc: &Doc, i: usize, headings: &[&str], out: &mut Vec<Link>) {
    // Once the list is full, nothing more is pushed: no need to read the block.
    if out.len() >= MAX_LINKS {
        return;
    }
    let Some(block) = doc.blocks.get(i) else {
        return;
    };
    let md: Vec<_> = doc.links.iter().filter(|l| l.block == i).collect();
    if !md.is_empty() {
        for l in md {
            let title = collapse_ws(doc.text.get(l.title.clone()).unwrap_or(""));
            let url = web_url(&l.url);
            push(out, title, url);
        }
        return;
    }
    let text = doc.text.get(block.range.clone()).unwrap_or("");
    for line in text.lines() {
        let line = collapse_ws(line);
        if line.is_empty() {
            continue;
        }
        let found = line
            .split_whitespace()
            .map(|w| {
                w.trim_matches(['(', ')', '<', '>', ',', ';', '[', ']'])
                    .trim_end_matches('.')
            })
            .find_map(|w| web_url(w).map(|u| (w.to_string(), u)));
        match found {
            Some((word, url)) => {
                let title = line
                    .replace(&word, "")
                    .trim_matches(|c: char| {
                        c.is_whitespace()
                            || matches!(
                                c,
                                ':' | '-' | '–' | '—' | '|' | '(' | ')' | '<' | '>' | ','
                            )
                    })
                    .to_string();
                let title = if title.is_empty() {
                    word
                } else {
                    collapse_ws(&title)
                };
                push(out, title, Some(url));
            }
            None if super::front::line_matches(&line, headings) => {}
            None => push(out, line, None),
        }
    }
}

fn push(out: &mut Vec<Link>, title: String, url: Option<String>) {
    if out.len() < MAX_LINKS && !title.trim().is_empty() {
        out.push(Link { title, url });
    }
}

/// A URL the model accepts (http, https, mailto), from a word of the text.
pub fn web_url(word: &str) -> Option<String> {
    let lower = word.to_ascii_lowercase();
    let url = if ["https://", "http://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme))
    {
        word.to_string()
    } else if lower.starts_with("www.") && word.len() > 4 {
        format!("https://{word}")
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
        format!("mailto:{word}")
    } else {
        return None;
    };
    let rest = url
        .split_once(':')
        .map_or("", |(_, r)| r.trim_start_matches('/'));
    (!rest.is_empty() && !url.chars().any(|c| c.is_whitespace() || c.is_control())).then_some(url)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::blocks::parse_blocks;
    use rstest::rstest;

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

    #[test]
    fn a_heading_line_above_links_is_no_link() {
        let doc = parse_blocks("Plus d'informations\nRapport complet : https://x.org/r\n");
        let mut links = Vec::new();
        links_of(
            &doc,
            0,
            crate::import::Lang::Fr.vocab().lex.more_info_headings,
            &mut links,
        );
        let got: Vec<(&str, Option<&str>)> = links
            .iter()
            .map(|l| (l.title.as_str(), l.url.as_deref()))
            .collect();
        assert_eq!(got, [("Rapport complet", Some("https://x.org/r"))]);
    }

    #[test]
    fn lines_with_and_without_urls_become_links() {
        let doc = parse_blocks(
            "Programme: https://x.org/p\nDiscours du directeur\n\n- [Report](https://x.org/r)\n",
        );
        let mut links = Vec::new();
        links_of(&doc, 0, &[], &mut links);
        links_of(&doc, 1, &[], &mut links);
        let got: Vec<(&str, Option<&str>)> = links
            .iter()
            .map(|l| (l.title.as_str(), l.url.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("Programme", Some("https://x.org/p")),
                ("Discours du directeur", None),
                ("Report", Some("https://x.org/r")),
            ]
        );
    }
}
