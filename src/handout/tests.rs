use super::*;
use crate::model::{Format, parse_briefing};

/// A briefing whose every text tries to be markup: tags, scripts, quotes, ampersands,
/// Markdown emphasis, links and headings (and, set in code, a `javascript:` URL).
const HOSTILE: &str = r##"
title = "<script>alert('title')</script> & \"Co\""
lang = "en"
event = "<img src=x onerror=alert(1)> **bold** _it_"
caption = "# not a heading & <b>not bold</b>"
summary = ["1. not a list [x](http://evil) ![i](http://evil/i.png) `code` <!-- c --> &amp; ~~s~~ | a | b |"]

[[parties]]
name = "A&B <Org>"
[[parties.people]]
name = "O'Brien \"Bob\""
role = "<em>chief</em>"

[[quotes]]
speaker = "O'Brien \"Bob\""
text = "We said \"<script>document.cookie</script>\" & 'more'"
context = "> at the <i>summit</i>"

[[cooperation_areas]]
label = "- dash * star"
detail = "+ plus = equals"

[[threats]]
label = "<style>body{display:none}</style>"
emerging = true

[[links]]
title = "click [me]"
url = "https://replaced.example/"

[[links]]
title = "a \"safe\" one"
url = "https://example.org/?a=1&b=<2>"
"##;

fn hostile() -> Handout {
    let mut b = parse_briefing(HOSTILE, "hostile.toml", Format::Toml).unwrap();
    // Briefing files refuse such a URL; one built in code is not checked, so the handout
    // checks again.
    b.links[0].url = Some("javascript:alert(1)".into());
    Handout::new(&b, Lang::En, true)
}

#[test]
fn html_escapes_every_text_and_links_only_web_urls() {
    let html = hostile().write(HandoutFormat::Html);
    // Our own tags only: the briefing's never open.
    for bad in [
        "<script",
        "<img",
        "<em>",
        "<i>",
        "<b>",
        "<style>body",
        "<!-- c",
        "javascript:alert(1)\"",
    ] {
        assert!(!html.contains(bad), "{bad} in\n{html}");
    }
    assert!(
        html.contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; &amp; &quot;Co&quot;")
    );
    assert!(html.contains("O&#39;Brien &quot;Bob&quot;"));
    assert!(
        html.contains("&amp;amp;"),
        "an entity in the text stays text"
    );
    // The javascript: URL is shown, not linked; the web one is linked, escaped.
    assert!(!html.contains("href=\"javascript"));
    assert!(html.contains("<span class=\"url\">javascript:alert(1)</span>"));
    assert!(html.contains("href=\"https://example.org/?a=1&amp;b=&lt;2&gt;\""));
    assert_eq!(html.matches("<style>").count(), 1, "only our style sheet");
}

#[test]
fn html_is_self_contained() {
    let b = crate::model::bundled().unwrap();
    let html = Handout::new(&b, Lang::Fr, true).write(HandoutFormat::Html);
    for external in [
        "<script", "<link", "src=", "@import", "url(", "<iframe", "<object",
    ] {
        assert!(!html.contains(external), "{external}");
    }
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"));
    assert!(html.contains("name=\"viewport\""));
    assert!(html.contains("@page { size: A4;"));
    assert!(html.contains("break-before: page"));
    assert!(html.contains("default-src 'none'"));
    // Every href is a web or mail address.
    for part in html.split("href=\"").skip(1) {
        assert!(
            part.starts_with("http") || part.starts_with("mailto:"),
            "{part}"
        );
    }
}

#[test]
fn markdown_escapes_what_would_be_markup() {
    let md = hostile().write(HandoutFormat::Markdown);
    for want in [
        "# \\<script\\>alert('title')\\</script\\> \\& \"Co\"\n",
        "*\\# not a heading \\& \\<b\\>not bold\\</b\\>*",
        "1\\. not a list \\[x\\](http://evil) \\!\\[i\\](http://evil/i.png) \\`code\\` \\<\\!-- c --\\> \\&amp; \\~\\~s\\~\\~ \\| a \\| b \\|",
        "- **\\- dash \\* star**\\\n  \\+ plus = equals",
        "> “We said \"\\<script\\>document.cookie\\</script\\>\" \\& 'more'”",
        ", *\\> at the \\<i\\>summit\\</i\\>*",
        "- click \\[me\\]: javascript:alert(1)",
        "- [a \"safe\" one](<https://example.org/?a=1&b=%3C2%3E>)",
    ] {
        assert!(md.contains(want), "{want}\nnot in\n{md}");
    }
    // Every '<' is escaped, or opens one of our link destinations: no tag of the briefing's
    // survives; and no '[' of the briefing's opens a link.
    for (i, _) in md.match_indices('<') {
        assert!(
            md[..i].ends_with('\\') || md[..i].ends_with("]("),
            "{}",
            &md[i..]
        );
    }
    for (i, _) in md.match_indices('[') {
        assert!(
            md[..i].ends_with('\\') || md[..i].ends_with("- "),
            "{}",
            &md[i..]
        );
    }
}

#[test]
fn markdown_escape_handles_block_starts() {
    assert_eq!(markdown::escape("# x"), "\\# x");
    assert_eq!(markdown::escape("- x"), "\\- x");
    assert_eq!(markdown::escape("12) x"), "12\\) x");
    assert_eq!(markdown::escape("    code\nnext"), "code next");
    assert_eq!(markdown::escape("a_b*c"), "a\\_b\\*c");
}

#[test]
fn notes_only_when_asked() {
    let b = crate::model::bundled().unwrap();
    assert!(!b.notes.is_empty());
    let without = Handout::new(&b, Lang::Fr, false);
    assert!(without.notes.is_none() && without.sections.iter().all(|s| s.notes.is_none()));
    let with = Handout::new(&b, Lang::Fr, true);
    assert!(with.sections.iter().any(|s| s.notes.is_some()));
    for format in [
        HandoutFormat::Markdown,
        HandoutFormat::Html,
        HandoutFormat::Text,
    ] {
        let (a, b) = (without.write(format), with.write(format));
        assert!(!a.contains("Notes"), "{format:?}");
        assert!(b.contains("Notes"), "{format:?}");
    }
}

#[test]
fn emerging_threats_come_apart_under_their_heading() {
    let b = crate::model::bundled().unwrap();
    let h = Handout::new(&b, Lang::Fr, false);
    let threats = h.sections.iter().find(|s| s.heading == "Menaces").unwrap();
    let at = threats
        .blocks
        .iter()
        .position(|b| *b == Block::Subheading("Menaces émergentes".into()))
        .unwrap();
    assert!(at > 0 && at + 1 < threats.blocks.len());
}

#[test]
fn text_lines_fit_78_columns_but_urls() {
    let b = crate::model::bundled().unwrap();
    let text = Handout::new(&b, Lang::Fr, true).write(HandoutFormat::Text);
    for line in text.lines().filter(|l| !l.trim_start().starts_with('<')) {
        assert!(crate::app::text::width(line) <= 78, "{line}");
    }
}

#[test]
fn formats_follow_the_extension() {
    assert_eq!(
        HandoutFormat::from_name("a.MD"),
        Some(HandoutFormat::Markdown)
    );
    assert_eq!(
        HandoutFormat::from_name("x/a.htm"),
        Some(HandoutFormat::Html)
    );
    assert_eq!(HandoutFormat::from_name("a.txt"), Some(HandoutFormat::Text));
    assert_eq!(HandoutFormat::from_name("a.pdf"), None);
    assert_eq!(HandoutFormat::from_name("README"), None);
}

#[test]
fn only_web_and_mail_urls_are_links() {
    assert!(is_safe_url("https://www.unodc.org/"));
    assert!(is_safe_url("HTTP://x"));
    assert!(is_safe_url("mailto:a@b"));
    assert!(!is_safe_url("javascript:alert(1)"));
    assert!(!is_safe_url("data:text/html,x"));
    assert!(!is_safe_url("https://a b"));
}
