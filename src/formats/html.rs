//! A saved web page -> the importer's blocks and the page's metadata.
//!
//! The bytes are decoded as the page declares (a byte-order mark, `<meta charset>`, else UTF-8,
//! else windows-1252, as browsers do), parsed by html5ever (through dom_query), cleared of what
//! a reader never sees (scripts, styles, hidden elements), and handed to dom_smoothie, a port of
//! Mozilla's Readability, which finds the article as Firefox's reader view does. Only the
//! article is walked into blocks: headings, paragraphs, list items, quote blocks and links with
//! their URLs. Every text goes through the sanitizer. No I/O here.
//!
//! Limits, so that any input ends in bounded time and memory: at most [`MAX_PAGE_BYTES`] of
//! HTML, [`MAX_DEPTH`] levels of nested elements (counted on html5ever's tokens before the tree
//! is built: deeper trees make the tree builder quadratic) and [`MAX_ELEMENTS`] elements.

use dom_query::{Document, NodeRef};
use dom_smoothie::{Config, Readability};

use super::page::words::fold_key;
use super::page::{DocBuilder, PageMeta, clean_line, date_of_timestamp};
use crate::import::blocks::{BlockKind, Doc};
use crate::import::lexicon::{self, LineClass};
use crate::model::Lang;

/// The largest page read, in bytes of HTML.
pub const MAX_PAGE_BYTES: usize = 32 * 1024 * 1024;
/// The deepest nesting of elements read.
pub const MAX_DEPTH: usize = 1000;
/// The most elements read.
pub const MAX_ELEMENTS: usize = 500_000;
/// Titles and publishers are cut to this many characters.
const MAX_META_CHARS: usize = 300;
/// How far into the page a `<meta charset>` is looked for, as the HTML standard's prescan does.
const PRESCAN_BYTES: usize = 1024;
/// A box of further reading beside the article holds at most this many links (more is a menu).
const MAX_FURTHER_LINKS: usize = 30;
/// A page's description is its standfirst when it has at least this many words.
const STANDFIRST_MIN_WORDS: usize = 8;

/// Why a page could not be read: a message in the `expected ..., found ...` form, and a help.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PageError {
    /// What was expected and found.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
}

impl PageError {
    fn new(message: impl Into<String>, help: Option<&str>) -> PageError {
        PageError {
            message: message.into(),
            help: help.map(str::to_string),
        }
    }
}

/// Reads a saved page into blocks and metadata.
pub(crate) fn read_page(bytes: &[u8]) -> Result<(Doc, PageMeta), PageError> {
    if bytes.len() > MAX_PAGE_BYTES {
        return Err(PageError::new(
            format!(
                "expected a page of at most {} MiB, found {:.1} MiB",
                MAX_PAGE_BYTES / (1024 * 1024),
                bytes.len() as f64 / (1024.0 * 1024.0)
            ),
            Some("save the page as 'Web page, HTML only', without its images"),
        ));
    }
    let mut meta = PageMeta::default();
    let html = decode(bytes, &mut meta.warnings);
    let depth = nesting_depth(&html, MAX_DEPTH + 1);
    if depth > MAX_DEPTH {
        return Err(PageError::new(
            format!("expected elements nested at most {MAX_DEPTH} levels deep, found deeper"),
            None,
        ));
    }
    let page = Document::from(html.as_str());
    let elements = page.select("*").length();
    if elements > MAX_ELEMENTS {
        return Err(PageError::new(
            format!("expected a page of at most {MAX_ELEMENTS} elements, found {elements}"),
            None,
        ));
    }
    remove_unseen(&page);
    let h1 = page
        .select("h1")
        .first()
        .nodes()
        .first()
        .and_then(|n| clean_line(&n.text(), MAX_META_CHARS));
    let time = page
        .select("time[datetime]")
        .nodes()
        .iter()
        .find_map(|n| n.attr("datetime").and_then(|d| date_of_timestamp(&d)));
    let base = base_url(&page);
    let further = further_reading(&page);
    let body_fallback = page.select("body").html().to_string();
    let config = Config {
        max_elements_to_parse: MAX_ELEMENTS,
        ..Config::default()
    };
    let mut readability = Readability::with_document(page, None, Some(config))
        .map_err(|e| PageError::new(format!("expected a readable page, found {e}"), None))?;
    let (content, article_meta) = match readability.parse() {
        Ok(article) => {
            let meta = (
                Some(article.title.clone()),
                article.published_time.clone(),
                article.lang.clone(),
                article.site_name.clone(),
                article.excerpt.clone(),
            );
            (article.content.to_string(), meta)
        }
        Err(_) => {
            meta.warnings.push(
                "no article found in the page: all of its text was read, check the briefing"
                    .to_string(),
            );
            let m = readability.get_article_metadata(readability.parse_json_ld());
            (
                body_fallback,
                (
                    Some(m.title),
                    m.published_time,
                    m.lang,
                    m.site_name,
                    m.excerpt,
                ),
            )
        }
    };
    let (title, published, lang, site, excerpt) = article_meta;
    let title = title.and_then(|t| clean_line(&t, MAX_META_CHARS));
    // A site that names itself only in its titles: "Headline | News | European Parliament".
    let site = site.or_else(|| title.as_deref().and_then(site_of_title).map(str::to_string));
    // The page's own headline, when the title is it with the site's name around it.
    meta.title = match (title, h1) {
        (Some(t), Some(h)) if t.contains(&h) => Some(h),
        (Some(t), _) => Some(headline_of(&t).to_string()),
        (None, h) => h,
    };
    meta.date = published.as_deref().and_then(date_of_timestamp).or(time);
    meta.lang = lang.as_deref().and_then(Lang::from_tag);
    meta.source = site.and_then(|s| clean_line(&s, MAX_META_CHARS));
    let article = Document::from(content.as_str());
    let article_key = fold_key(&article.root().text());
    let standfirst = excerpt
        .and_then(|e| clean_line(&e, usize::MAX))
        .filter(|e| is_standfirst(e, &article_key));
    // The boxes of further reading the article left out, after it.
    let mut extra = String::new();
    for (heading, html) in &further {
        if !article_key.contains(&fold_key(heading)) {
            extra.push_str(html);
        }
    }
    let article = if extra.is_empty() {
        article
    } else {
        Document::from(format!("{content}{extra}").as_str())
    };
    let doc = walk(
        &article,
        base.as_deref(),
        meta.title.as_deref(),
        standfirst.as_deref(),
    );
    Ok((doc, meta))
}

/// The headline of a page's title: what comes before the first " | " ("Headline | News |
/// Site"), when that is more than two words.
fn headline_of(title: &str) -> &str {
    match title.split_once(" | ") {
        Some((head, _)) if head.split_whitespace().count() > 2 => head,
        _ => title,
    }
}

/// The most words of a site's name at the end of a page's title.
const MAX_SITE_WORDS: usize = 6;

/// The site's name at the end of a page's title, after the last " | " ("Headline | News |
/// European Parliament"): a few words, the first capitalised, no figure.
fn site_of_title(title: &str) -> Option<&str> {
    let (head, site) = title.rsplit_once(" | ")?;
    let site = site.trim();
    let words = site.split_whitespace().count();
    let named = site.chars().next().is_some_and(char::is_uppercase)
        && !site.chars().any(|c| c.is_ascii_digit());
    (!head.trim().is_empty() && (1..=MAX_SITE_WORDS).contains(&words) && named).then_some(site)
}

/// True when a page's description is a standfirst the article left out: a sentence of some
/// length, not already at the article's start, whose words the article mostly uses (a site's
/// own description shares few).
fn is_standfirst(description: &str, article_key: &str) -> bool {
    let words: Vec<String> = description
        .split_whitespace()
        .map(fold_key)
        .filter(|w| w.chars().count() > 3)
        .collect();
    if description.split_whitespace().count() < STANDFIRST_MIN_WORDS || words.is_empty() {
        return false;
    }
    // A description cut from the article's first lines ("…" at its end) is already there.
    let start: String = fold_key(description.trim_end_matches(['…', '.']))
        .chars()
        .take(60)
        .collect();
    if article_key.contains(&start) {
        return false;
    }
    let shared = words
        .iter()
        .filter(|w| article_key.contains(w.as_str()))
        .count();
    2 * shared >= words.len()
}

/// The boxes of further reading and of contacts beside the article ("Further information",
/// "Pour en savoir plus" and their links, "Contacts" and their cards): each heading's text and the HTML of the element that holds it and
/// its links. Not the page's header, navigation or footer, nor a box of more links than
/// [`MAX_FURTHER_LINKS`] (a menu).
fn further_reading(page: &Document) -> Vec<(String, String)> {
    let vocabs = [lexicon::vocab(Lang::En), lexicon::vocab(Lang::Fr)];
    let mut out = Vec::new();
    for heading in page.select("h2, h3, h4, h5, h6").nodes() {
        let Some(text) = clean_line(&heading.text(), MAX_META_CHARS) else {
            continue;
        };
        if !vocabs
            .iter()
            .any(|v| v.line_is(&text, LineClass::MoreInfo) || v.line_is(&text, LineClass::Contact))
            || heading
                .ancestors_it(None)
                .any(|a| a.is("footer, nav, header, [role=navigation], [role=contentinfo]"))
        {
            continue;
        }
        let Some(holder) = heading.parent() else {
            continue;
        };
        let links = dom_query::Selection::from(holder)
            .select("a[href]")
            .length();
        if (1..=MAX_FURTHER_LINKS).contains(&links)
            && let Some(html) = holder.try_html()
        {
            out.push((text, html.to_string()));
        }
    }
    out
}

/// The page's text: as its byte-order mark or `<meta charset>` says, else UTF-8 when it is,
/// else windows-1252 (what browsers assume), with a warning when bytes had to be replaced.
fn decode(bytes: &[u8], warnings: &mut Vec<String>) -> String {
    let (encoding, declared) = match encoding_rs::Encoding::for_bom(bytes) {
        Some((enc, _)) => (enc, true),
        None => match prescan_charset(bytes) {
            Some(enc) => (enc, true),
            None if std::str::from_utf8(bytes).is_ok() => (encoding_rs::UTF_8, true),
            None => (encoding_rs::WINDOWS_1252, false),
        },
    };
    if !declared {
        warnings.push(
            "the page declares no character set and is not UTF-8: read as windows-1252".to_string(),
        );
    }
    let (text, had_errors) = encoding.decode_with_bom_removal(bytes);
    if had_errors {
        warnings.push(format!(
            "the page has bytes that are not {}: they were replaced",
            encoding.name()
        ));
    }
    text.into_owned()
}

/// The encoding a `<meta charset="...">` or `<meta http-equiv="Content-Type" content="...;
/// charset=...">` in the first [`PRESCAN_BYTES`] declares. A declared UTF-16 means UTF-8 (the
/// bytes were read as ASCII to find it).
fn prescan_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = bytes.get(..bytes.len().min(PRESCAN_BYTES))?;
    let lower: Vec<u8> = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = find(&lower, b"<meta", from) {
        let end = find(&lower, b">", at).unwrap_or(lower.len());
        let tag = lower.get(at..end)?;
        if let Some(c) = find(tag, b"charset", 0) {
            let rest = tag.get(c + 7..)?;
            let rest = rest
                .trim_ascii_start()
                .strip_prefix(b"=")?
                .trim_ascii_start();
            let rest = rest
                .strip_prefix(b"\"")
                .or(rest.strip_prefix(b"'"))
                .unwrap_or(rest);
            let label_end = rest
                .iter()
                .position(|b| matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'>'))
                .unwrap_or(rest.len());
            let label = rest.get(..label_end)?;
            if let Some(enc) = encoding_rs::Encoding::for_label(label) {
                return Some(
                    if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
                        encoding_rs::UTF_8
                    } else {
                        enc
                    },
                );
            }
        }
        from = end;
    }
    None
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    let rest = hay.get(from..)?;
    memchr::memmem::find(rest, needle).map(|p| p + from)
}

/// How deep the page's elements nest, as its start and end tags say (html5ever's tokenizer,
/// before any tree is built), counting up to `stop`. Elements whose end tag may be left out
/// (`p`, `li`, `td`...) and void elements do not count: the tree builder closes them.
fn nesting_depth(html: &str, stop: usize) -> usize {
    use html5ever::tokenizer::{
        BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
    };
    use std::cell::{Cell, RefCell};

    struct Depth {
        open: RefCell<Vec<html5ever::LocalName>>,
        max: Cell<usize>,
        stop: usize,
    }
    impl TokenSink for Depth {
        type Handle = ();
        fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
            let Token::TagToken(tag) = token else {
                return TokenSinkResult::Continue;
            };
            let name: &str = &tag.name;
            if is_void_or_optional(name) {
                return match (tag.kind, raw_text_kind(name)) {
                    (TagKind::StartTag, Some(kind)) if !tag.self_closing => {
                        TokenSinkResult::RawData(kind)
                    }
                    _ => TokenSinkResult::Continue,
                };
            }
            let mut open = self.open.borrow_mut();
            match tag.kind {
                TagKind::StartTag if !tag.self_closing => {
                    if let Some(kind) = raw_text_kind(name) {
                        // The text of a script or a style is no markup (and holds no element).
                        return TokenSinkResult::RawData(kind);
                    }
                    if open.len() < self.stop {
                        open.push(tag.name.clone());
                    }
                    self.max.set(self.max.get().max(open.len()));
                }
                TagKind::StartTag => {}
                TagKind::EndTag => {
                    if let Some(at) = open.iter().rposition(|n| *n == tag.name) {
                        open.truncate(at);
                    }
                }
            }
            TokenSinkResult::Continue
        }
    }

    let sink = Depth {
        open: RefCell::new(Vec::new()),
        max: Cell::new(0),
        stop,
    };
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(html.into());
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.max.get()
}

/// The tokenizer state the text of `name` is read in: raw text, not markup.
fn raw_text_kind(name: &str) -> Option<html5ever::tokenizer::states::RawKind> {
    use html5ever::tokenizer::states::RawKind;
    match name {
        "script" => Some(RawKind::ScriptData),
        "style" | "xmp" | "iframe" | "noembed" | "noframes" => Some(RawKind::Rawtext),
        "textarea" | "title" => Some(RawKind::Rcdata),
        _ => None,
    }
}

/// Elements that never nest: void elements, and those whose end tag the parser implies.
fn is_void_or_optional(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "source"
            | "track"
            | "wbr"
            | "p"
            | "li"
            | "dt"
            | "dd"
            | "tr"
            | "td"
            | "th"
            | "option"
            | "optgroup"
            | "rb"
            | "rt"
            | "rp"
            | "thead"
            | "tbody"
            | "tfoot"
            | "colgroup"
            | "html"
            | "head"
            | "body"
    )
}

/// Removes what a reader of the page never sees: scripts, styles, templates, forms, and
/// elements hidden by `hidden`, `aria-hidden` or an inline `display: none`.
fn remove_unseen(page: &Document) {
    page.select(
        "script, style, noscript, template, iframe, object, embed, svg, canvas, form, \
         button, select, textarea, input, dialog, [hidden], [aria-hidden=true]",
    )
    .remove();
    for node in page.select("[style]").nodes() {
        let style: String = node
            .attr("style")
            // Selected by [style], so present; an absent one would be an empty style.
            .unwrap_or_default()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        if style.contains("display:none") || style.contains("visibility:hidden") {
            node.remove_from_parent();
        }
    }
}

/// The page's address, to make relative links absolute: `<base href>`, the canonical link,
/// or `og:url`, when absolute.
fn base_url(page: &Document) -> Option<String> {
    let attr = |sel: &str, name: &str| {
        page.select(sel)
            .nodes()
            .first()
            .and_then(|n| n.attr(name))
            .map(|v| v.trim().to_string())
    };
    [
        attr("base[href]", "href"),
        attr("link[rel=canonical]", "href"),
        attr("meta[property='og:url']", "content"),
    ]
    .into_iter()
    .flatten()
    .find(|u| u.starts_with("https://") || u.starts_with("http://"))
}

/// `href` made absolute against `base`; `None` for links that lead nowhere a reader can go
/// (scripts, anchors in the page).
fn resolve(href: &str, base: Option<&str>) -> Option<String> {
    let href = href.trim();
    let lower = href.to_ascii_lowercase();
    if href.is_empty() || href.starts_with('#') || lower.starts_with("javascript:") {
        return None;
    }
    if lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("mailto:")
    {
        return Some(href.to_string());
    }
    if lower.contains(':') && !lower.contains('/') {
        // Another scheme (tel:, data:...).
        return None;
    }
    let Some(base) = base else {
        return Some(href.to_string());
    };
    let scheme_end = base.find("://").map_or(0, |p| p + 3);
    let host_end = base
        .get(scheme_end..)
        .and_then(|r| r.find('/'))
        .map_or(base.len(), |p| p + scheme_end);
    // The host ends at a '/' found in `base`, or at its end: a boundary, so the split holds.
    let (origin, path) = base.split_at(host_end);
    if let Some(rest) = href.strip_prefix("//") {
        let scheme = base.get(..scheme_end).unwrap_or("https://");
        return Some(format!("{scheme}{rest}"));
    }
    if href.starts_with('/') {
        return Some(format!("{origin}{href}"));
    }
    let path = path.split_once(['?', '#']).map_or(path, |(path, _)| path);
    let dir = path
        .rfind('/')
        .map_or("/", |p| path.get(..=p).unwrap_or("/"));
    Some(format!("{origin}{dir}{href}"))
}

/// What an element does to the blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// A heading: its text is a heading block.
    Heading,
    /// A list item.
    Item,
    /// A quotation: the blocks in it are quote blocks.
    Quote,
    /// Any other block-level element: it ends the text before it and starts a new block.
    Block,
    /// A line break.
    Break,
    /// Inline: its text joins the open block.
    Inline,
    /// Never read (images, media).
    Skip,
}

fn role(name: &str) -> Role {
    match name {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Role::Heading,
        "li" => Role::Item,
        "blockquote" => Role::Quote,
        "br" => Role::Break,
        "img" | "picture" | "video" | "audio" | "source" | "track" | "map" | "area" | "head"
        | "title" | "meta" | "link" => Role::Skip,
        "address" | "article" | "aside" | "dd" | "details" | "div" | "dl" | "dt" | "fieldset"
        | "figcaption" | "figure" | "footer" | "header" | "hgroup" | "hr" | "main" | "nav"
        | "ol" | "p" | "pre" | "section" | "table" | "tr" | "td" | "th" | "caption" | "tbody"
        | "thead" | "tfoot" | "ul" | "summary" | "center" | "body" | "html" => Role::Block,
        _ => Role::Inline,
    }
}

/// The kind of a block opened inside `stack` (the roles of the open elements, outermost
/// first): the innermost heading, item or quotation decides.
fn kind_in(stack: &[Role]) -> BlockKind {
    stack
        .iter()
        .rev()
        .find_map(|r| match r {
            Role::Heading => Some(BlockKind::Heading),
            Role::Item => Some(BlockKind::Item),
            Role::Quote => Some(BlockKind::Quote),
            _ => None,
        })
        .unwrap_or(BlockKind::Paragraph)
}

/// Walks the article into blocks, without recursion (the depth was bounded, but a walk
/// needs no stack of its own). The title comes first, as a heading, unless the article
/// opens with it.
fn walk(
    article: &Document,
    base: Option<&str>,
    title: Option<&str>,
    standfirst: Option<&str>,
) -> Doc {
    let mut b = DocBuilder::default();
    if let Some(title) = title {
        b.text(title, BlockKind::Heading);
        b.close();
    }
    if let Some(standfirst) = standfirst {
        b.text(standfirst, BlockKind::Paragraph);
        b.close();
    }
    let title_key = title.map(fold_key);
    let mut roles: Vec<Role> = Vec::new();
    // Open links: where their text starts and where they lead.
    let mut links: Vec<Option<(usize, String)>> = Vec::new();
    let mut next: Option<(NodeRef<'_>, bool)> = Some((article.root(), true));
    while let Some((node, entering)) = next.take() {
        if entering {
            if node.is_text() {
                b.text(&node.text(), kind_in(&roles));
            } else if node.is_element() {
                // An element has a name; a nameless one would take the role of an unknown tag.
                let name = node.node_name().map(|n| n.to_string()).unwrap_or_default();
                let r = role(&name);
                match r {
                    Role::Skip => {
                        next = after(node, &mut roles, &mut links, &mut b, false);
                        continue;
                    }
                    Role::Break => b.line_break(),
                    Role::Heading | Role::Item | Role::Quote | Role::Block => b.close(),
                    Role::Inline => {}
                }
                roles.push(r);
                links.push(
                    (name == "a")
                        .then(|| node.attr("href").and_then(|h| resolve(&h, base)))
                        .flatten()
                        .map(|url| (b.at(), url)),
                );
                if let Some(child) = node.first_child() {
                    next = Some((child, true));
                    continue;
                }
                next = Some((node, false));
                continue;
            } else if let Some(child) = node.first_child() {
                // The document or a fragment.
                next = Some((child, true));
                continue;
            }
            next = after(node, &mut roles, &mut links, &mut b, false);
        } else {
            // Leaving an element whose children were walked.
            next = after(node, &mut roles, &mut links, &mut b, true);
        }
    }
    let mut doc = b.finish();
    drop_repeated_title(
        &mut doc,
        title_key.as_deref(),
        1 + usize::from(standfirst.is_some()),
    );
    doc
}

/// Leaves `node` (popping its role when it was entered) and says where the walk goes next.
fn after<'a>(
    node: NodeRef<'a>,
    roles: &mut Vec<Role>,
    links: &mut Vec<Option<(usize, String)>>,
    b: &mut DocBuilder,
    entered: bool,
) -> Option<(NodeRef<'a>, bool)> {
    if entered {
        if let Some(role) = roles.pop()
            && role != Role::Inline
            && role != Role::Break
        {
            b.close();
        }
        if let Some(Some((start, url))) = links.pop() {
            b.link(start, &url);
        }
    }
    if let Some(sibling) = node.next_sibling() {
        return Some((sibling, true));
    }
    let parent = node.parent()?;
    // The root's parent is never entered: the walk ends there.
    if parent.is_element() {
        Some((parent, false))
    } else {
        None
    }
}

/// Drops a heading at `at`, where the article starts after the title (and the standfirst),
/// that says the same as the title (the article's own `<h1>`).
fn drop_repeated_title(doc: &mut Doc, title_key: Option<&str>, at: usize) {
    let Some(key) = title_key else {
        return;
    };
    let repeated = doc
        .blocks
        .get(at)
        .is_some_and(|b| b.kind == BlockKind::Heading)
        && doc.block_text(at).is_some_and(|t| fold_key(t) == key);
    if repeated {
        doc.blocks.remove(at);
        doc.links.retain(|l| l.block != at);
        for link in &mut doc.links {
            if link.block > at {
                link.block = link.block.saturating_sub(1);
            }
        }
    }
}

#[cfg(test)]
#[allow(
    clippy::indexing_slicing,
    reason = "a test fails loudly on a wrong length"
)]
mod tests {
    use super::*;

    fn blocks(doc: &Doc) -> Vec<(BlockKind, &str)> {
        (0..doc.blocks.len())
            .map(|i| (doc.blocks[i].kind, doc.block_text(i).unwrap()))
            .collect()
    }

    #[test]
    fn relative_links_are_made_absolute() {
        let base = Some("https://www.example.org/news/2024/item?x=1");
        assert_eq!(
            resolve("/en/a", base).as_deref(),
            Some("https://www.example.org/en/a")
        );
        assert_eq!(
            resolve("b.pdf", base).as_deref(),
            Some("https://www.example.org/news/2024/b.pdf")
        );
        assert_eq!(
            resolve("//cdn.example.org/c", base).as_deref(),
            Some("https://cdn.example.org/c")
        );
        assert_eq!(resolve("#top", base), None);
        assert_eq!(resolve("javascript:void(0)", base), None);
        assert_eq!(
            resolve("mailto:press@example.org", base).as_deref(),
            Some("mailto:press@example.org")
        );
    }

    #[test]
    fn charsets_are_found_in_meta_tags() {
        let enc = |s: &[u8]| prescan_charset(s).map(|e| e.name());
        assert_eq!(enc(b"<meta charset=\"ISO-8859-1\">"), Some("windows-1252"));
        assert_eq!(
            enc(b"<META http-equiv='Content-Type' content='text/html; charset=windows-1251'>"),
            Some("windows-1251")
        );
        assert_eq!(enc(b"<meta charset=utf-16>"), Some("UTF-8"));
        assert_eq!(enc(b"<meta name=x content=y>"), None);
    }

    #[test]
    fn latin1_page_is_decoded_not_refused() {
        let mut warnings = Vec::new();
        let page = b"<meta charset=\"iso-8859-1\"><p>Coop\xe9ration polici\xe8re</p>";
        assert!(decode(page, &mut warnings).contains("Coopération policière"));
        assert!(warnings.is_empty(), "{warnings:?}");
        let undeclared = b"<p>Coop\xe9ration</p>";
        assert!(decode(undeclared, &mut warnings).contains("Coopération"));
        assert_eq!(warnings.len(), 1);
    }

    #[test]
    fn nesting_is_counted_on_tokens() {
        assert_eq!(nesting_depth("<div><div><b>x</b></div></div>", 100), 3);
        // Paragraphs and items close themselves.
        assert_eq!(nesting_depth(&"<p>x".repeat(5000), 100), 0);
        assert_eq!(nesting_depth(&"<div>".repeat(5000), 100), 100);
        // A script's text is not markup.
        assert_eq!(nesting_depth("<script>'<div><div>'</script>", 100), 0);
    }

    #[test]
    fn the_walk_keeps_structure_links_and_quotes() {
        let doc = Document::from(
            "<div><h2>Areas</h2><ul><li>Training</li><li><p>Joint <a href='/ops'>operations</a></p></li></ul>\
             <blockquote><p>We act together.</p></blockquote><p>Line one<br>line two</p></div>",
        );
        let doc = walk(&doc, Some("https://x.org/news/a"), Some("Title"), None);
        assert_eq!(
            blocks(&doc),
            [
                (BlockKind::Heading, "Title"),
                (BlockKind::Heading, "Areas"),
                (BlockKind::Item, "Training"),
                (BlockKind::Item, "Joint operations"),
                (BlockKind::Quote, "We act together."),
                (BlockKind::Paragraph, "Line one\nline two"),
            ]
        );
        assert_eq!(doc.links.len(), 1);
        assert_eq!(doc.links[0].url, "https://x.org/ops");
        assert_eq!(&doc.text[doc.links[0].title.clone()], "operations");
        assert_eq!(doc.links[0].block, 3);
    }

    #[test]
    fn a_title_names_its_site_after_its_last_bar() {
        assert_eq!(
            site_of_title("EP paves way | News | European Parliament"),
            Some("European Parliament")
        );
        assert_eq!(site_of_title("Budget 2024 | 12 June 2024"), None);
        assert_eq!(site_of_title("A headline without a site"), None);
        assert_eq!(site_of_title(" | European Parliament"), None);
    }

    #[test]
    fn boxes_of_contacts_and_further_reading_beside_the_article_are_kept() {
        let page = Document::from(
            "<body><nav><h2>Links</h2><ul><li><a href='/a'>Home</a></li></ul></nav>\
             <main><article><p>Body.</p></article>\
             <aside><div><h2>Contacts:</h2><ul><li><h3>Janne OJAMO</h3><div>Press Officer</div>\
             <a href='mailto:j@ep.eu'>E-mail</a></li></ul></div>\
             <div><h2>Further information</h2><a href='/file'>Procedure file</a></div></aside>\
             </main></body>",
        );
        let boxes = further_reading(&page);
        let headings: Vec<&str> = boxes.iter().map(|(h, _)| h.as_str()).collect();
        assert_eq!(headings, ["Contacts:", "Further information"]);
        assert!(boxes[0].1.contains("Janne OJAMO"));
    }

    #[test]
    fn a_heading_repeating_the_title_is_dropped() {
        let doc = walk(
            &Document::from("<h1>The Title</h1><p>Body text here.</p>"),
            None,
            Some("The title"),
            None,
        );
        assert_eq!(
            blocks(&doc),
            [
                (BlockKind::Heading, "The title"),
                (BlockKind::Paragraph, "Body text here.")
            ]
        );
    }
}
