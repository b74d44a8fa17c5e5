//! Rendered frames of the bundled briefing: insta snapshots of every mode and pane at 80×24,
//! 120×40 and 40×12, plus checks on styles that text snapshots cannot see.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use briefing::app::Size;
use briefing::model::Lang;
use briefing::model::{self, Briefing, Format, parse_briefing};
use briefing::ui::{Snapshot, Theme, snapshot};
use ratatui::style::Color;

fn shot(size: (u16, u16), keys: &str) -> Snapshot {
    snapshot(
        model::bundled().unwrap(),
        Lang::Fr,
        Size::new(size.0, size.1),
        keys,
        &Theme::default(),
    )
    .unwrap()
}

/// Every screen worth a snapshot: (name, keys).
const SCREENS: &[(&str, &str)] = &[
    ("reading", ""),
    ("reading_quotes", "2"),
    ("reading_areas", "3"),
    ("reading_threats", "4"),
    ("scrolled_quotes", "2jjjjj"),
    ("end_of_threats", "4G"),
    ("zoom_quotes", "2<Enter>"),
    ("zoom_threats", "4<Enter>G"),
    ("search_typing", "/INTERPOL"),
    ("search_next", "/INTERPOL<Enter>nn"),
    ("search_no_match", "/zzz<Enter>"),
    ("help", "?"),
];

fn snapshot_all(w: u16, h: u16) {
    for (name, keys) in SCREENS {
        let text = shot((w, h), keys).text();
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), text, &format!("keys: {keys:?}"));
    }
}

#[test]
fn screens_at_80x24() {
    snapshot_all(80, 24);
}

#[test]
fn screens_at_120x40() {
    snapshot_all(120, 40);
}

#[test]
fn screens_at_40x12() {
    snapshot_all(40, 12);
}

#[test]
fn too_small_says_what_it_needs() {
    insta::assert_snapshot!("too_small_12x4", shot((12, 4), "").text());
    assert_eq!(shot((1, 1), "").text(), "T");
    assert_eq!(shot((0, 0), "").text(), "");
}

#[test]
fn english_labels_when_asked() {
    let s = snapshot(
        model::bundled().unwrap(),
        Lang::En,
        Size::new(100, 30),
        "",
        &Theme::default(),
    )
    .unwrap();
    let text = s.text();
    for word in [
        "Summary",
        "Quotes",
        "Cooperation areas",
        "Threats",
        "READING",
        "23 May 2016",
    ] {
        assert!(text.contains(word), "missing {word}");
    }
    assert!(!text.contains("Résumé"));
}

#[test]
fn focused_pane_is_marked_without_colour() {
    let text = shot((100, 30), "2").text();
    assert!(text.contains("┏▶ 2 Citations"), "{text}");
    assert!(text.contains("┌ 1 Résumé"));
}

#[test]
fn search_marks_every_pane_and_the_current_match() {
    let s = shot((120, 40), "/INTERPOL<Enter>");
    let buf = &s.buffer;
    let found = Theme::default().found();
    let current = Theme::default().found_current();
    let mut marked = 0;
    let mut current_cells = 0;
    for cell in buf.content() {
        if cell.bg == found.bg.unwrap() {
            marked += 1;
        }
        if cell.bg == current.bg.unwrap() {
            current_cells += 1;
        }
    }
    assert_eq!(current_cells, "INTERPOL".len());
    assert!(marked >= 2 * "INTERPOL".len(), "only {marked} marked cells");
}

#[test]
fn no_color_theme_paints_no_cell() {
    for keys in ["", "/INTERPOL<Enter>", "?", "4<Enter>G"] {
        let s = snapshot(
            model::bundled().unwrap(),
            Lang::Fr,
            Size::new(120, 40),
            keys,
            &Theme::new(true),
        )
        .unwrap();
        for cell in s.buffer.content() {
            assert_eq!(
                (cell.fg, cell.bg),
                (Color::Reset, Color::Reset),
                "keys {keys:?}"
            );
        }
        // The ANSI export carries modifiers only: SGR codes below 10.
        for seq in s.ansi().split('\u{1b}').skip(1) {
            let codes = &seq[1..seq.find('m').unwrap()];
            assert!(
                codes.split(';').all(|c| c.parse::<u32>().unwrap() < 10),
                "{codes}"
            );
        }
    }
}

#[test]
fn colour_theme_uses_only_the_16_ansi_colours() {
    let s = shot((120, 40), "/INTERPOL<Enter>");
    for cell in s.buffer.content() {
        for c in [cell.fg, cell.bg] {
            assert!(!matches!(c, Color::Rgb(..) | Color::Indexed(_)), "{c:?}");
        }
    }
}

/// A briefing whose every string tries to take over the terminal.
fn hostile() -> Briefing {
    let evil = r#"\u001b]0;pwned\u0007\u001b[2J\u001b[H\u001b]52;c;aGVsbG8=\u0007\u009b31m\u202eevil\u001bP+q\u001b\\"#;
    let text = format!(
        r#"title = "T{evil}"
date = 2016-05-23
lang = "fr"
event = "E{evil}"
summary = ["S{evil}"]
[[parties]]
name = "P{evil}"
[[parties.people]]
name = "N"
role = "R{evil}"
[[quotes]]
speaker = "N"
text = "Q{evil}"
context = "C{evil}"
[[cooperation_areas]]
label = "A{evil}"
[[threats]]
label = "M{evil}"
emerging = true
[[links]]
title = "L{evil}"
url = "https://example.org/{evil}"
"#
    );
    parse_briefing(&text, "hostile.toml", Format::Toml).unwrap()
}

#[test]
fn escape_sequences_in_a_briefing_render_inert() {
    for keys in ["", "2", "3", "4<Enter>", "?", "/evil"] {
        let s = snapshot(
            hostile(),
            Lang::Fr,
            Size::new(120, 40),
            keys,
            &Theme::default(),
        )
        .unwrap();
        for cell in s.buffer.content() {
            assert!(
                !cell
                    .symbol()
                    .chars()
                    .any(|c| c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c)),
                "control character in a cell: {:?}",
                cell.symbol()
            );
        }
        let text = s.text();
        assert!(text.contains("evil"), "the visible text stays");
        assert!(!text.contains("pwned"), "OSC payloads are dropped");
        // The ANSI export only carries our own SGR sequences.
        let ansi = s.ansi();
        for seq in ansi.split('\u{1b}').skip(1) {
            let end = seq.find('m').expect("every sequence is SGR");
            assert!(
                seq.starts_with('[') && seq[1..end].chars().all(|c| c.is_ascii_digit() || c == ';'),
                "{seq:?}"
            );
        }
    }
}
