//! A library's frames (`briefing DIR`): insta snapshots of the list, the matches, the facets,
//! the help and the reader opened from it, on the folder `tests/fixtures/library` (hand-made
//! briefings, so the importer's progress does not move them), plus styles text cannot show.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use briefing::app::Size;
use briefing::app::library::Library;
use briefing::library::{Cache, Folder};
use briefing::model::Lang;
use briefing::ui::Theme;
use briefing::ui::export::to_text;
use briefing::ui::library::snapshot_library;
use ratatui::style::Modifier;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/library");

fn library(lang: Lang, size: (u16, u16)) -> Library {
    let mut folder = Folder::new(Path::new(DIR), Cache::at(None));
    let entries = folder.scan();
    Library::new("library", entries, lang, Size::new(size.0, size.1))
}

fn frame(lang: Lang, size: (u16, u16), keys: &str) -> ratatui::buffer::Buffer {
    snapshot_library(library(lang, size), keys, &Theme::default()).unwrap()
}

const SCREENS: &[(&str, &str)] = &[
    ("library", ""),
    ("library_filtering", "/ransomware"),
    ("library_matches", "/ransomware<Tab>"),
    ("library_facets", "f"),
    ("library_by_person", "fG<Enter>"),
    ("library_sorted_by_title", "s"),
    ("library_help", "?"),
    ("library_opened_at_a_quote", "/ransomware<Tab>jjj<Enter>"),
    (
        "library_back_from_the_reader",
        "/ransomware<Tab>jjj<Enter><Esc>",
    ),
];

fn snapshot_all(w: u16, h: u16) {
    for (name, keys) in SCREENS {
        let text = to_text(&frame(Lang::En, (w, h), keys));
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), text);
    }
}

#[test]
fn library_screens_at_80x24() {
    snapshot_all(80, 24);
}

#[test]
fn library_screens_at_120x40() {
    snapshot_all(120, 40);
}

#[test]
fn library_screens_at_40x12() {
    snapshot_all(40, 12);
}

#[test]
fn library_in_french_at_100x30() {
    let text = to_text(&frame(Lang::Fr, (100, 30), "/cocaïne<Tab>"));
    insta::assert_snapshot!("library_fr_matches_100x30", text);
}

#[test]
fn a_file_that_fails_shows_its_error_on_its_line() {
    let text = to_text(&frame(Lang::En, (100, 10), ""));
    let line = text.lines().find(|l| l.contains("broken.toml")).unwrap();
    assert!(line.contains("broken.toml:1:"), "{line}");
}

#[test]
fn the_selected_row_is_reversed_and_matches_are_highlighted() {
    let buf = frame(Lang::En, (100, 20), "j");
    let row_of = |needle: &str| {
        let text = to_text(&buf);
        u16::try_from(text.lines().position(|l| l.contains(needle)).unwrap()).unwrap()
    };
    let selected = row_of("INTERPOL warns");
    assert!(buf[(0, selected)].modifier.contains(Modifier::REVERSED));
    assert!(
        !buf[(0, row_of("Saisie"))]
            .modifier
            .contains(Modifier::REVERSED)
    );
    let buf = frame(Lang::En, (100, 20), "/hospital<Tab>");
    let text = to_text(&buf);
    let (y, line) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.trim_start().starts_with("quote"))
        .unwrap();
    let x = line.to_lowercase().find("hospital").unwrap();
    let y = u16::try_from(y).unwrap();
    let x = u16::try_from(x).unwrap();
    assert_ne!(buf[(x, y)].style(), buf[(x - 2, y)].style(), "{line}");
}

#[test]
fn no_color_leaves_every_cell_without_colour() {
    let buf = snapshot_library(
        library(Lang::En, (100, 20)),
        "/hospital<Tab>",
        &Theme::new(true),
    )
    .unwrap();
    for cell in buf.content() {
        assert_eq!(cell.fg, ratatui::style::Color::Reset);
        assert_eq!(cell.bg, ratatui::style::Color::Reset);
    }
}
