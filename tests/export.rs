//! `briefing export`: a snapshot of each format for the bundled briefing (read before being
//! accepted), a briefing full of markup that must come out as text in every format (the
//! Markdown checked with a CommonMark renderer), and the safe writes `import -o` has.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::{Command, Output, Stdio};

use briefing::handout::{Handout, HandoutFormat};
use briefing::model::{Lang, bundled};

fn briefing(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_briefing"))
        .env("XDG_CONFIG_HOME", "/nonexistent/briefing-tests")
        .env_remove("BRIEFING_CONFIG")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn bundled_handout(format: HandoutFormat) -> String {
    Handout::new(&bundled().unwrap(), Lang::Fr, true).write(format)
}

#[test]
fn handout_md_bundled() {
    assert_snapshot!(
        "handout_md_bundled",
        bundled_handout(HandoutFormat::Markdown)
    );
}

#[test]
fn handout_html_bundled() {
    assert_snapshot!("handout_html_bundled", bundled_handout(HandoutFormat::Html));
}

#[test]
fn handout_txt_bundled() {
    assert_snapshot!("handout_txt_bundled", bundled_handout(HandoutFormat::Text));
}

const HOSTILE: &str = "tests/fixtures/export/hostile.toml";

fn hostile(format: &str) -> String {
    let out = briefing(&["export", HOSTILE, "--format", format]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    text(&out.stdout)
}

/// What a CommonMark renderer makes of the hostile briefing's handout: every text as text.
#[test]
fn markdown_of_markup_renders_as_text() {
    let md = hostile("md");
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(&md));
    for bad in [
        "<script",
        "<img",
        "<em>chief",
        "<i>",
        "<b>",
        "<style>",
        "<!--",
        "<ol",
        "<code",
        "<del",
        "href=\"http://evil",
        "<table",
        "<pre",
    ] {
        assert!(!html.contains(bad), "{bad} in\n{html}\nfrom\n{md}");
    }
    // One heading of each level we write, one list per list section, our emphasis only.
    assert_eq!(html.matches("<h1>").count(), 1, "{html}");
    for want in [
        "<h1>&lt;script&gt;alert('title')&lt;/script&gt; &amp; \"Co\"</h1>",
        "<em># not a heading &amp; &lt;b&gt;not bold&lt;/b&gt;</em>",
        "<p>1. not a list [x](http://evil.example) ![i](http://evil.example/i.png) `code` \
         &lt;!-- c --&gt; &amp;amp; ~~s~~ | a | b |</p>",
        "<p>- not an item # not a heading either not code</p>",
        "<p>“We said \"&lt;script&gt;document.cookie&lt;/script&gt;\" &amp; 'more'”</p>",
        "<strong>- dash * star</strong><br />\n+ plus = equals</li>",
        "<a href=\"https://example.org/?a=1&amp;b=%3C2%3E\">a \"safe\" one &amp; [more]</a>",
    ] {
        assert!(html.contains(want), "{want}\nnot in\n{html}");
    }
    assert_eq!(html.matches("<a ").count(), 1, "one link: {html}");
}

#[test]
fn html_of_markup_shows_it_as_text() {
    let html = hostile("html");
    for bad in [
        "<script",
        "<img",
        "<em>",
        "<i>",
        "<b>",
        "<!--",
        "<style>body",
    ] {
        assert!(!html.contains(bad), "{bad} in\n{html}");
    }
    assert!(html.contains(
        "<h1>&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; &amp; &quot;Co&quot;</h1>"
    ));
    assert!(html.contains("&lt;style&gt;body{display:none}&lt;/style&gt;"));
    assert!(html.contains("href=\"https://example.org/?a=1&amp;b=&lt;2&gt;\""));
}

#[test]
fn text_of_markup_keeps_it_as_written() {
    let txt = hostile("txt");
    assert!(
        txt.starts_with("<script>alert('title')</script> & \"Co\"\n"),
        "{txt}"
    );
    assert!(
        txt.contains("“We said \"<script>document.cookie</script>\" & 'more'”"),
        "{txt}"
    );
}

#[test]
fn export_writes_safely_and_follows_the_extension() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("handout.html");
    let out_s = out.to_str().unwrap();
    let o = briefing(&["export", "-o", out_s]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let written = std::fs::read_to_string(&out).unwrap();
    assert_eq!(written, bundled_handout_without_notes(HandoutFormat::Html));
    // An existing file is kept unless --force.
    let o = briefing(&["export", "--format", "txt", "-o", out_s]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).contains("refusing to replace an existing file"));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), written);
    let o = briefing(&["export", "--format", "txt", "-o", out_s, "--force"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        bundled_handout_without_notes(HandoutFormat::Text)
    );
    // Nothing left behind but the handout.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    // No format and no telling extension: said so.
    let o = briefing(&["export", "-o", dir.path().join("x.pdf").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("expected --format md, html or txt"));
    // Never over the briefing itself.
    let copy = dir.path().join("b.toml");
    std::fs::copy("assets/briefings/unodc-interpol-2016.toml", &copy).unwrap();
    let c = copy.to_str().unwrap();
    let o = briefing(&["export", c, "--format", "md", "-o", c, "--force"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("expected an output file other than the briefing"));
}

fn bundled_handout_without_notes(format: HandoutFormat) -> String {
    Handout::new(&bundled().unwrap(), Lang::Fr, false).write(format)
}

#[test]
fn export_labels_follow_the_briefing_or_lang() {
    let fr = text(&briefing(&["export", "--format", "md"]).stdout);
    assert!(fr.contains("## Citations\n") && fr.contains("### Menaces émergentes\n"));
    let en = text(&briefing(&["export", "--format", "md", "--lang", "en"]).stdout);
    assert!(en.contains("## Quotes\n") && en.contains("### Emerging threats\n"));
    assert!(!fr.contains("Notes") && !en.contains("Notes"));
    let notes = text(&briefing(&["export", "--format", "md", "--notes"]).stdout);
    assert!(notes.contains("> **Notes**"), "{notes}");
}
