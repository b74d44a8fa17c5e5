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
        assert_snapshot!(format!("{name}_{w}x{h}"), text);
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
    assert_snapshot!("library_fr_matches_100x30", text);
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

mod props {
    use super::*;
    use briefing::app::Key;
    use briefing::app::key::parse_keys;
    use briefing::app::keymap::TABLE;
    use briefing::app::library::{Browse, update};
    use briefing::ui::library::render_library;
    use proptest::prelude::*;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;

    #[derive(Debug, Clone)]
    enum Step {
        Key(Key),
        Resize(u16, u16),
    }

    fn step() -> impl Strategy<Value = Step> {
        let keys: Vec<Key> = TABLE
            .iter()
            .flat_map(|b| b.keys.iter())
            .flat_map(|k| parse_keys(k).unwrap_or_default())
            .collect();
        let side = |max: u16| prop_oneof![3 => 0u16..=2, 2 => 3u16..=30, 1 => 0..=max];
        prop_oneof![
            8 => proptest::sample::select(keys).prop_map(Step::Key),
            2 => any::<char>().prop_map(|c| Step::Key(Key::Char(c))),
            2 => (side(250), side(80)).prop_map(|(w, h)| Step::Resize(w, h)),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Any keys and sizes: no panic, indexes in range, every frame drawn.
        #[test]
        fn any_keys_and_sizes_keep_the_library_whole(steps in proptest::collection::vec(step(), 1..40)) {
            let mut b = Browse::new(library(Lang::En, (80, 24)));
            for s in steps {
                match s {
                    Step::Key(k) => {
                        if !b.press(k) {
                            break;
                        }
                    }
                    Step::Resize(w, h) => {
                        update(&mut b.lib, briefing::app::Action::Resize(Size::new(w, h)));
                        if let Some((state, _)) = &mut b.reader {
                            briefing::app::update(state, briefing::app::Action::Resize(Size::new(w, h)));
                        }
                    }
                }
                b.lib.check_invariants().map_err(TestCaseError::fail)?;
                let size = b.lib.size;
                let mut buf = Buffer::empty(Rect::new(0, 0, size.width, size.height));
                match &b.reader {
                    Some((state, _)) => {
                        state.check_invariants().map_err(TestCaseError::fail)?;
                        briefing::ui::render(state, &Theme::default(), &mut buf);
                    }
                    None => render_library(&b.lib, &Theme::default(), &mut buf),
                }
            }
        }
    }
}

/// A release known by its front shows its counts as pending, never as none.
#[test]
fn pending_counts_show_as_an_ellipsis_not_zero() {
    use briefing::app::library::{Entry, Summary};
    use std::sync::Arc;
    let front = Summary::front(
        "Ransomware gang dismantled".into(),
        briefing::model::Date::parse_iso("2024-03-01"),
        "en".into(),
        Some("Europol".into()),
    );
    let entries = vec![Entry {
        path: "r.txt".into(),
        loaded: Ok(Arc::new(front)),
    }];
    let lib = Library::new("library", entries, Lang::En, Size::new(100, 6));
    let text = to_text(&snapshot_library(lib, "", &Theme::default()).unwrap());
    let row = text
        .lines()
        .find(|l| l.contains("Ransomware gang"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(row.contains("Europol") && row.contains('…'), "{row}");
    assert!(!row.trim_end().ends_with('0'), "{row}");
}
