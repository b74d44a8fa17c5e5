//! Saved web pages and PDFs end to end: the fixtures of `tests/fixtures/pages` scored against
//! their expected briefings (same scorer and floors rule as the text fixtures), what a page
//! must never let through, bad input, arbitrary bytes, and the command line.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::Command;

use briefing::import::{ImportError, Source, import_bytes};
use briefing::model::Briefing;

use crate::support::score;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages")
}

fn page(html: &str) -> Result<briefing::import::Imported, ImportError> {
    import_bytes(html.as_bytes(), Source::Html, "page.html", None)
}

fn all_text(b: &Briefing) -> String {
    let mut b = b.clone();
    let mut out = String::new();
    b.map_text(|s| {
        out.push_str(s);
        out.push('\n');
        s.to_string()
    });
    out
}

mod fixtures {
    use super::*;

    /// What the issue asks for, as far as real files could be found (see NOTES.md there): 5
    /// real saved pages and 3 PDFs scored (the issue asks 8 and 4: the gap is in NOTES.md).
    #[test]
    fn the_page_fixtures_are_real_pages_and_pdfs() {
        let all = score::fixtures(&dir());
        let ext = |f: &score::Fixture| f.release.extension().unwrap().to_string_lossy().to_string();
        let html = all.iter().filter(|f| ext(f) == "html").count();
        let pdf = all.iter().filter(|f| ext(f) == "pdf").count();
        assert!(html >= 5, "{html} pages");
        assert!(pdf >= 3, "{pdf} PDFs");
        for f in &all {
            assert!(
                ["real", "generated"].contains(&f.kind.as_str()),
                "{}",
                f.name()
            );
        }
    }

    /// The score over every page and PDF stays at or above its floor in `floors.toml`, and
    /// floors only rise (a score more than 0.02 above its floor must be raised to).
    #[test]
    fn page_score_holds_its_floors() {
        if let Some(problems) = score::floor_problems(&dir()) {
            panic!("{problems}");
        }
    }

    /// Real news pages kept from Mozilla's Readability test set (not scored: no expected
    /// briefing yet): the article's title is found, and no menu text is the summary.
    #[test]
    fn readability_test_pages_give_their_headline() {
        for (file, title) in [
            (
                "fr_lemonde_renseignement.html",
                "Le projet de loi sur le renseignement massivement approuvé à l'Assemblée",
            ),
            (
                "fr_liberation_nepal.html",
                "Un troisième Français mort dans le séisme au Népal",
            ),
            (
                "en_aclu_facebook_tracking.html",
                "Facebook Is Tracking Me Even Though I’m Not on Facebook",
            ),
        ] {
            let bytes = std::fs::read(dir().join(file)).unwrap();
            let b = import_bytes(&bytes, Source::Html, file, None)
                .unwrap()
                .briefing;
            assert_eq!(b.title, title, "{file}");
            let summary = b.summary.join(" ");
            assert!(summary.split_whitespace().count() > 10, "{file}: {summary}");
        }
    }
}

mod html {
    use super::*;

    #[test]
    fn metadata_fills_what_the_text_does_not() {
        let html = r#"<!doctype html><html lang="fr-FR"><head>
            <meta property="og:title" content="Opération conjointe contre le trafic de migrants">
            <meta property="og:site_name" content="Ministère de l'Intérieur">
            <meta property="article:published_time" content="2024-03-12T09:00:00+01:00">
            </head><body><nav><a href="/">Accueil</a> <a href="/presse">Presse</a></nav>
            <article><h1>Opération conjointe contre le trafic de migrants</h1>
            <p>Les polices française et belge ont démantelé un réseau de passeurs qui organisait des traversées de la Manche, a annoncé le ministère mardi.</p>
            <p>Le réseau faisait passer des migrants depuis plusieurs mois. Les enquêteurs ont saisi des bateaux et des moteurs, et six personnes ont été interpellées.</p>
            <ul><li>Trafic de migrants</li><li>Blanchiment d'argent</li></ul>
            </article><footer>Mentions légales · Cookies</footer></body></html>"#;
        let b = page(html).unwrap().briefing;
        assert_eq!(b.title, "Opération conjointe contre le trafic de migrants");
        assert_eq!(b.date.map(|d| d.to_string()).as_deref(), Some("2024-03-12"));
        assert_eq!(b.lang.as_deref(), Some("fr"));
        assert_eq!(b.source.as_deref(), Some("Ministère de l'Intérieur"));
        assert!(
            b.summary[0].starts_with("Les polices française et belge"),
            "{:?}",
            b.summary
        );
        let text = all_text(&b);
        assert!(
            !text.contains("Mentions légales") && !text.contains("Accueil"),
            "{text}"
        );
    }

    #[test]
    fn a_time_element_dates_a_page_without_meta() {
        let html = "<html lang=en><body><article><h1>Ministers agree on a joint plan</h1>\
            <p><time datetime=\"2023-06-08\">8 June</time></p>\
            <p>The ministers agreed today on a joint action plan against firearms trafficking and organised crime in the region, the council said.</p>\
            <p>The plan covers training, information exchange and joint operations over the next three years, and will be reviewed each year.</p></article></body></html>";
        let b = page(html).unwrap().briefing;
        assert_eq!(b.date.map(|d| d.to_string()).as_deref(), Some("2023-06-08"));
    }

    #[test]
    fn links_keep_their_urls() {
        let html = "<html lang=en><head><link rel=canonical href=\"https://example.org/news/2024/a\"></head><body><article>\
            <h1>Agencies sign a cooperation agreement</h1>\
            <p>The two agencies signed an agreement today to step up their cooperation against cybercrime and money laundering, their directors said in Lyon.</p>\
            <p>Under the agreement they will exchange information and train officers together, starting next year with a first joint course.</p>\
            <h2>For more information</h2><ul><li><a href=\"/docs/agreement.pdf\">The agreement in full</a></li>\
            <li><a href=\"https://example.org/speech\">The director's speech</a></li></ul></article></body></html>";
        let b = page(html).unwrap().briefing;
        let links: Vec<(&str, Option<&str>)> = b
            .links
            .iter()
            .map(|l| (l.title.as_str(), l.url.as_deref()))
            .collect();
        assert_eq!(
            links,
            [
                (
                    "The agreement in full",
                    Some("https://example.org/docs/agreement.pdf")
                ),
                ("The director's speech", Some("https://example.org/speech")),
            ]
        );
    }

    /// A page whose article Readability finds, with a box of further reading beside it, a
    /// footer of links, and the description given.
    fn page_with_aside(description: &str, aside_heading: &str, aside_links: usize) -> String {
        let aside_items: String = (0..aside_links)
            .map(|n| format!("<li><a href=\"/doc/{n}\">Procedure file {n}</a></li>"))
            .collect();
        format!(
            "<html lang=en><head><link rel=canonical href=\"https://example.org/news/a\">\
            <meta property=\"og:title\" content=\"Ministers agree on a joint plan | News | Example Council\">\
            <meta name=\"description\" content=\"{description}\"></head><body>\
            <header><h2>For more information</h2><ul><li><a href=\"/menu\">Menu</a></li></ul></header>\
            <main><article><p>The ministers agreed today on a joint action plan against firearms trafficking and organised crime in the region, the council said in a statement after the meeting in Brussels.</p>\
            <p>The plan covers training, information exchange and joint operations over the next three years, and will be reviewed each year by the ministers and the agencies concerned.</p>\
            <p>The agencies will report to the council twice a year on the progress made, starting in the autumn, and the first joint operations are planned for the spring.</p></article>\
            <div class=\"box\"><h2>{aside_heading}</h2><ul>{aside_items}</ul></div></main>\
            <footer><h2>Useful links</h2><ul><li><a href=\"/privacy\">Privacy</a></li></ul></footer></body></html>"
        )
    }

    #[test]
    fn a_box_of_further_reading_beside_the_article_gives_the_links() {
        let html = page_with_aside("", "Further information", 2);
        let b = page(&html).unwrap().briefing;
        let links: Vec<(&str, Option<&str>)> = b
            .links
            .iter()
            .map(|l| (l.title.as_str(), l.url.as_deref()))
            .collect();
        assert_eq!(
            links,
            [
                ("Procedure file 0", Some("https://example.org/doc/0")),
                ("Procedure file 1", Some("https://example.org/doc/1")),
            ]
        );
        // The headline, without the section and the site the title adds.
        assert_eq!(b.title, "Ministers agree on a joint plan");
        // Not a box under another heading, nor one of more links than a box holds (a menu).
        let other = page(&page_with_aside("", "Most read", 2)).unwrap().briefing;
        assert!(other.links.is_empty(), "{:?}", other.links);
        let menu = page(&page_with_aside("", "Further information", 40))
            .unwrap()
            .briefing;
        assert!(menu.links.is_empty(), "{:?}", menu.links);
    }

    #[test]
    fn a_description_the_article_leaves_out_is_its_standfirst() {
        let standfirst = "Ministers agree on a joint action plan against firearms trafficking, with training and joint operations.";
        let b = page(&page_with_aside(standfirst, "Related", 0))
            .unwrap()
            .briefing;
        assert_eq!(b.summary.first().map(String::as_str), Some(standfirst));
        // A description cut from the article's first lines is not read twice.
        let cut = "The ministers agreed today on a joint action plan against firearms trafficking and organised…";
        let b = page(&page_with_aside(cut, "Related", 0)).unwrap().briefing;
        assert!(
            b.summary[0].starts_with("The ministers agreed today"),
            "{:?}",
            b.summary
        );
        assert!(!all_text(&b).contains("organised…"));
        // Nor is a site's own description, which shares few words with the article.
        let site =
            "Example Council is the official website of the council of the sixteen member cities.";
        let b = page(&page_with_aside(site, "Related", 0)).unwrap().briefing;
        assert!(
            !all_text(&b).contains("official website"),
            "{:?}",
            b.summary
        );
    }

    #[test]
    fn scripts_hidden_text_and_escapes_never_reach_the_briefing() {
        let html = "<html lang=en><head><title>Police dismantle a smuggling ring</title>\
            <script>document.write('INJECTED')</script><style>p{color:red}</style></head><body><article>\
            <h1>Police dismantle a smuggling ring</h1>\
            <p>Police dismantled a smuggling ring \u{1b}]52;c;ZXZpbA==\u{7}today &#27;[2J after a year of work with partners in three countries, the police said.</p>\
            <p hidden>HIDDEN-ATTR secret words for search engines only, never shown to a reader of the page.</p>\
            <p style=\"display: none\">HIDDEN-STYLE more words meant for crawlers and never shown on screen.</p>\
            <p aria-hidden=\"true\">HIDDEN-ARIA words that a screen reader and a person never see.</p>\
            <p>The investigation was coordinated by the agency, which exchanged information with all partners.</p>\
            <noscript>NOSCRIPT</noscript></article></body></html>";
        let imported = page(html).unwrap();
        let text = all_text(&imported.briefing);
        for bad in [
            "INJECTED",
            "HIDDEN",
            "NOSCRIPT",
            "color:red",
            "\u{1b}",
            "\u{7}",
            "ZXZpbA",
        ] {
            assert!(!text.contains(bad), "{bad:?} in {text}");
        }
        assert!(
            text.contains("Police dismantled a smuggling ring"),
            "{text}"
        );
        for w in &imported.warnings {
            assert!(!w.contains('\u{1b}'), "{w}");
        }
    }

    #[test]
    fn a_page_without_an_article_is_read_whole_or_refused_clearly() {
        let html = "<html><body><nav><ul><li><a href=/a>News</a></li><li><a href=/b>Contact us</a></li></ul></nav></body></html>";
        match page(html) {
            Ok(imported) => assert!(!imported.warnings.is_empty()),
            Err(e) => assert!(
                e.to_string().starts_with("page.html: error: expected"),
                "{e}"
            ),
        }
    }

    #[test]
    fn a_page_without_words_is_a_clear_error() {
        let e = page("<html><body><script>x()</script><img src=a.png></body></html>").unwrap_err();
        assert_eq!(
            e.to_string(),
            "page.html: error: expected a press release, found no words"
        );
    }

    #[test]
    fn broken_html_is_read_as_browsers_do() {
        let html = "<html lang=en><body><article><h1>Joint operation <b>against <i>fraud</b></i>\
            <p>Police in five countries arrested twelve suspects of investment fraud this week, the agency <a href='x'>said\
            <p>The suspects ran call centres that targeted victims across Europe, and laundered the proceeds</div></table>";
        let b = page(html).unwrap().briefing;
        assert!(
            b.title.starts_with("Joint operation against fraud"),
            "{}",
            b.title
        );
    }

    #[test]
    fn a_sixty_megabyte_page_is_refused_at_once() {
        let big = "<p>wordy</p>".repeat(5 * 1024 * 1024);
        let e = page(&big).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("page.html: error: expected a page of at most 32 MiB, found 60.0 MiB"),
            "{e}"
        );
    }

    #[test]
    fn a_hundred_thousand_nested_tags_are_refused_quickly() {
        let deep = "<div>".repeat(100_000) + "text";
        let e = page(&deep).unwrap_err();
        assert_eq!(
            e.to_string(),
            "page.html: error: expected elements nested at most 1000 levels deep, found deeper"
        );
        // Unclosed paragraphs close themselves: no depth, no refusal (half as many again as
        // the deepest nesting read; more only makes the debug build's import slower).
        let flat = format!(
            "<h1>Title of the page</h1>{}",
            "<p>Some words here. ".repeat(1_500)
        );
        page(&flat).unwrap();
    }

    #[test]
    fn a_page_in_windows_1252_is_decoded() {
        let mut bytes = b"<html lang=fr><head><meta charset=\"windows-1252\"></head><body><article><h1>Coop\xe9ration polici\xe8re renforc\xe9e</h1>".to_vec();
        bytes.extend_from_slice(b"<p>Les deux minist\xe8res ont sign\xe9 aujourd'hui un accord de coop\xe9ration contre la criminalit\xe9 organis\xe9e et le trafic de stup\xe9fiants.</p>");
        bytes.extend_from_slice(b"<p>L'accord pr\xe9voit des \xe9changes d'informations et des formations communes pour les enqu\xeateurs des deux pays.</p></article></body></html>");
        let b = import_bytes(&bytes, Source::Html, "p.html", None)
            .unwrap()
            .briefing;
        assert_eq!(b.title, "Coopération policière renforcée");
    }
}

mod pdfs {
    use super::*;

    fn pdf(name: &str) -> Result<briefing::import::Imported, ImportError> {
        let bytes = std::fs::read(dir().join(name)).unwrap();
        import_bytes(&bytes, Source::Pdf, name, None)
    }

    #[test]
    fn headers_page_numbers_and_hyphens_are_gone() {
        let b = pdf("fr_onudc_interpol_2016_generated.pdf")
            .unwrap()
            .briefing;
        let text = all_text(&b);
        assert!(!text.contains("Page 1 of"), "{text}");
        assert!(!text.contains("ONUDC - Communiqué de presse"), "{text}");
        assert!(!text.contains('\u{ad}'), "{text}");
        // Words the generator hyphenated at line ends are whole again.
        assert!(text.contains("transnationale"), "{text}");
        assert_eq!(b.quotes.len(), 5, "{:?}", b.quotes);
    }

    #[test]
    fn a_scanned_pdf_says_it_needs_ocr() {
        let e = pdf("bad/scanned.pdf").unwrap_err();
        assert!(matches!(e, ImportError::Unreadable(_)));
        assert_eq!(
            e.to_string().lines().next(),
            Some("bad/scanned.pdf: error: no text layer: this PDF is an image; run OCR first")
        );
    }

    #[test]
    fn an_encrypted_pdf_asks_for_the_password_to_go() {
        let e = pdf("bad/encrypted.pdf").unwrap_err();
        assert_eq!(
            e.to_string().lines().next(),
            Some(
                "bad/encrypted.pdf: error: expected a PDF without a password, found an encrypted one"
            )
        );
    }

    #[test]
    fn a_file_that_is_no_pdf_says_what_it_is() {
        let e = pdf("bad/not_a_pdf.pdf").unwrap_err();
        assert_eq!(
            e.to_string(),
            "bad/not_a_pdf.pdf: error: expected a PDF (starting with '%PDF-'), found text"
        );
    }

    #[test]
    fn a_truncated_pdf_is_an_error_not_a_panic() {
        let bytes = std::fs::read(dir().join("fr_drupalfr_drupalcamp_communique.pdf")).unwrap();
        for cut in [10, 1000, bytes.len() / 2] {
            let _ = import_bytes(&bytes[..cut], Source::Pdf, "cut.pdf", None);
        }
    }
}

mod props {
    use super::*;
    use proptest::prelude::*;

    fn config() -> ProptestConfig {
        ProptestConfig {
            cases: 64,
            failure_persistence: None,
            ..ProptestConfig::default()
        }
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn arbitrary_bytes_as_a_page_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
            let _ = import_bytes(&bytes, Source::Html, "p.html", None);
        }

        #[test]
        fn arbitrary_markup_never_panics(parts in proptest::collection::vec(
            prop_oneof![
                Just("<div>".to_string()), Just("</div>".to_string()), Just("<p>".to_string()),
                Just("<li>".to_string()), Just("<blockquote>".to_string()), Just("<h2>".to_string()),
                Just("<a href='/x'>".to_string()), Just("</a>".to_string()), Just("<br>".to_string()),
                Just("<script>".to_string()), Just("<table><tr><td>".to_string()),
                "[a-zA-Zéà «»“”.,:!? ]{0,40}",
            ], 0..80)) {
            let _ = page(&parts.concat());
        }

        #[test]
        fn arbitrary_bytes_as_a_pdf_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
            let mut pdf = b"%PDF-1.4\n".to_vec();
            pdf.extend_from_slice(&bytes);
            let _ = import_bytes(&pdf, Source::Pdf, "p.pdf", None);
        }

        #[test]
        fn a_damaged_real_pdf_never_panics(at in 0usize..70_000, byte in any::<u8>(), len in 1usize..64) {
            let mut bytes = std::fs::read(dir().join("fr_drupalfr_drupalcamp_communique.pdf")).unwrap();
            let end = (at + len).min(bytes.len());
            for b in bytes.iter_mut().take(end).skip(at.min(end)) {
                *b = byte;
            }
            let _ = import_bytes(&bytes, Source::Pdf, "p.pdf", None);
        }
    }
}

mod cli {
    use super::*;

    fn briefing(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
        use std::io::Write;
        let mut child = Command::new(env!("CARGO_BIN_EXE_briefing"))
            .args(args)
            .current_dir(dir())
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut input = child.stdin.take().unwrap();
        input.write_all(stdin).unwrap();
        drop(input);
        let out = child.wait_with_output().unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).to_string(),
            String::from_utf8_lossy(&out.stderr).to_string(),
        )
    }

    #[test]
    fn import_reads_a_saved_page_and_a_pdf() {
        let (code, out, _) = briefing(&["import", "en_europarl_20221014IPR43206.html"], b"");
        assert_eq!(code, 0);
        assert!(
            out.contains(
                "title = \"Car-recharging stations should be available every 60 km, say MEPs\""
            ),
            "{out}"
        );
        let (code, out, _) = briefing(&["import", "fr_drupalfr_drupalcamp_communique.pdf"], b"");
        assert_eq!(code, 0);
        assert!(out.contains("lang = \"fr\""), "{out}");
    }

    #[test]
    fn from_overrides_the_extension_for_standard_input() {
        let page = std::fs::read(dir().join("en_europarl_20250204IPR26689.html")).unwrap();
        let (code, out, err) = briefing(&["import", "-", "--from", "html"], &page);
        assert_eq!(code, 0, "{err}");
        assert!(out.contains("Georgia"), "{out}");
    }

    #[test]
    fn a_scanned_pdf_exits_2_with_the_ocr_message() {
        let (code, out, err) = briefing(&["import", "bad/scanned.pdf"], b"");
        assert_eq!(code, 2);
        assert!(out.is_empty());
        assert!(
            err.starts_with(
                "bad/scanned.pdf: error: no text layer: this PDF is an image; run OCR first"
            ),
            "{err}"
        );
        // The reader refuses it the same way, before any terminal is touched.
        let (code, _, err) = briefing(&["bad/scanned.pdf"], b"");
        assert_eq!(code, 2);
        assert!(err.contains("no text layer"), "{err}");
    }
}
