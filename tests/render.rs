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
        assert_snapshot!(format!("{name}_{w}x{h}"), text, &format!("keys: {keys:?}"));
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
    assert_snapshot!("too_small_12x4", shot((12, 4), "").text());
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

fn lines(text: &str) -> Vec<&str> {
    text.lines().collect()
}

#[test]
fn header_keeps_the_date_line_when_the_title_fits_on_one_line() {
    // At 143 columns the bundled title fits on one line; at 142 it takes two.
    for (w, title_rows) in [(143, 1), (142, 2), (200, 1)] {
        let text = shot((w, 40), "").text();
        let rows = lines(&text);
        assert!(
            rows[title_rows].starts_with(" 23 mai 2016 · Événement parallèle"),
            "at {w} columns, row {title_rows} is {:?}",
            rows[title_rows]
        );
        assert!(rows[title_rows + 1].starts_with(" ONUDC"));
        assert!(rows[title_rows + 1].contains("Yury Fedotov"));
    }
    let short = parse_briefing(
        "title = \"Court\"\ndate = 2016-05-23\nsummary = [\"S\"]\n[[parties]]\nname = \"P\"\n",
        "short.toml",
        Format::Toml,
    )
    .unwrap();
    let s = snapshot(short, Lang::En, Size::new(100, 30), "", &Theme::default()).unwrap();
    let text = s.text();
    assert_eq!(
        lines(&text)[..3]
            .iter()
            .map(|l| l.trim_end())
            .collect::<Vec<_>>(),
        [" Court", " 23 May 2016", " P"]
    );
}

#[test]
fn help_shows_every_description_in_full_at_100_columns() {
    let text = shot((100, 40), "?").text();
    for desc in [
        "suivre le présentateur, ou naviguer (SSH)",
        "revenir, effacer la recherche",
        "agrandir le panneau, ou revenir",
    ] {
        assert!(text.contains(desc), "{desc:?} is cut:\n{text}");
    }
}

#[test]
fn too_small_fits_what_it_can_down_to_10x1() {
    assert_eq!(shot((10, 1), "").text(), "trop petit");
    let en = snapshot(
        model::bundled().unwrap(),
        Lang::En,
        Size::new(10, 1),
        "",
        &Theme::default(),
    )
    .unwrap();
    assert_eq!(en.text(), "too small ");
    assert_eq!(
        shot((10, 3), "").text(),
        "Terminal  \ntrop petit\n          "
    );
    assert_snapshot!("too_small_19x5", shot((19, 5), "").text());
}

#[test]
fn the_tab_bar_keeps_every_tab_at_20_columns() {
    for keys in ["", "2", "3", "4"] {
        let text = shot((20, 6), keys).text();
        let bar = lines(&text)[0];
        for n in ["1", "2", "3", "4"] {
            assert!(
                bar.contains(n),
                "tab {n} missing from {bar:?} after {keys:?}"
            );
        }
    }
}

#[test]
fn a_low_wide_terminal_shows_one_pane_under_tabs_with_its_text() {
    let text = shot((100, 6), "").text();
    assert!(lines(&text)[0].contains("2 Citations"), "{text}");
    assert!(text.contains("Les directeurs de l'ONUDC"), "{text}");
    // Tall enough, the grid is back.
    let text = shot((100, 14), "").text();
    assert!(text.contains("┌ 2 Citations"), "{text}");
}

#[test]
fn scroll_arrows_are_the_same_in_the_grid_and_zoomed() {
    for keys in ["2", "2<Enter>"] {
        let text = shot((100, 30), keys).text();
        assert!(text.contains('↑') && text.contains('↓'), "{keys:?}");
        assert!(!text.contains('▲') && !text.contains('▼'), "{keys:?}");
    }
}

/// The rows of the scrollbar's thumb in column `x`.
fn thumb_rows(text: &str, x: usize) -> Vec<usize> {
    lines(text)
        .iter()
        .enumerate()
        .filter(|(_, l)| l.chars().nth(x) == Some('█'))
        .map(|(y, _)| y)
        .collect()
}

#[test]
fn the_scrollbar_moves_by_line_within_a_long_item() {
    let long = "mot ".repeat(600);
    let rest: Vec<String> = (1..=10).map(|i| format!("\"paragraphe {i}\"")).collect();
    let b = parse_briefing(
        &format!(
            "title = \"T\"\nsummary = [\"{long}\", {}]\n",
            rest.join(", ")
        ),
        "long.toml",
        Format::Toml,
    )
    .unwrap();
    let mut tops = Vec::new();
    for n in [0, 10, 20, 30] {
        let keys = format!("<Enter>{}", "j".repeat(n));
        let s = snapshot(
            b.clone(),
            Lang::Fr,
            Size::new(60, 20),
            &keys,
            &Theme::default(),
        )
        .unwrap();
        assert_eq!(s.state.views[0].item, 0, "still in the long paragraph");
        let rows = thumb_rows(&s.text(), 59);
        assert!(!rows.is_empty(), "{}", s.text());
        tops.push(rows[0]);
    }
    assert!(
        tops.windows(2).all(|w| w[0] < w[1]),
        "the thumb moves down with every 10 lines: {tops:?}"
    );
}
