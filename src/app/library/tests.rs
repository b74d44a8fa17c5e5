//! Key-sequence tests of the library on its pure state: keys in the keymap's notation, folded
//! through [`press`], then fields asserted.

use super::*;
use crate::app::parse_keys;
use crate::model::{Area, Briefing, Party, Person, Quote, Speakers, Threat};

fn briefing(title: &str, date: &str, lang: &str, source: &str) -> Briefing {
    Briefing {
        title: title.into(),
        date: crate::model::Date::parse_iso(date),
        lang: Some(lang.into()),
        source: Some(source.into()),
        ..Default::default()
    }
}

/// Three briefings and a file that does not load.
fn entries() -> Vec<Entry> {
    let mut ransom = briefing("Ransomware gang dismantled", "2024-03-01", "en", "Europol");
    ransom.quotes = vec![Quote {
        speaker: Speakers::one("Catherine De Bolle"),
        text: "Ransomware hurts hospitals.".into(),
        context: None,
    }];
    ransom.threats = vec![Threat {
        label: "Ransomware".into(),
        category: Some("cybercrime".into()),
        detail: None,
        emerging: false,
    }];
    ransom.parties = vec![Party {
        name: "Europol".into(),
        full_name: None,
        people: vec![Person {
            name: "Catherine De Bolle".into(),
            role: "Executive Director".into(),
        }],
    }];
    let mut cocaine = briefing("Saisie record de cocaïne", "2023-06-15", "fr", "Douanes");
    cocaine.cooperation_areas = vec![Area {
        label: "Échange d'informations".into(),
        category: Some("information-exchange".into()),
        detail: Some("avec la police espagnole, contre le ransomware aussi".into()),
    }];
    let undated = Briefing {
        title: "Undated note".into(),
        ..Default::default()
    };
    vec![
        Entry::ok("b/cocaine.txt", cocaine),
        Entry::ok("a/ransom.toml", ransom),
        Entry::ok("undated.toml", undated),
        Entry::failed(
            "broken.txt",
            "broken.txt: error: expected a press release, found an empty file",
        ),
    ]
}

fn lib() -> Library {
    Library::new("news", entries(), Lang::En, Size::new(100, 30))
}

fn keys(lib: &mut Library, keys: &str) -> LibEffect {
    let mut last = LibEffect::None;
    for key in parse_keys(keys).unwrap() {
        last = press(lib, key);
        lib.check_invariants().unwrap();
    }
    last
}

fn paths(lib: &Library) -> Vec<&str> {
    lib.shown
        .iter()
        .map(|&i| lib.entries[i].path.as_str())
        .collect()
}

#[test]
fn the_list_is_newest_first_undated_then_failing_last() {
    let l = lib();
    assert_eq!(
        paths(&l),
        [
            "a/ransom.toml",
            "b/cocaine.txt",
            "broken.txt",
            "undated.toml"
        ]
    );
}

#[test]
fn s_sorts_by_title_publisher_path_then_date_keeping_the_selection() {
    let mut l = lib();
    keys(&mut l, "j");
    assert_eq!(l.selected().unwrap().path, "b/cocaine.txt");
    keys(&mut l, "s");
    assert_eq!(l.sort, Sort::Title);
    assert_eq!(
        paths(&l),
        [
            "a/ransom.toml",
            "b/cocaine.txt",
            "undated.toml",
            "broken.txt"
        ]
    );
    assert_eq!(
        l.selected().unwrap().path,
        "b/cocaine.txt",
        "still selected"
    );
    keys(&mut l, "s");
    assert_eq!(l.sort, Sort::Publisher);
    assert_eq!(paths(&l)[..2], ["b/cocaine.txt", "a/ransom.toml"]);
    keys(&mut l, "s s");
    assert_eq!(l.sort, Sort::Date);
}

#[test]
fn enter_opens_the_selected_briefing_and_a_failing_file_says_why_instead() {
    let mut l = lib();
    assert_eq!(
        keys(&mut l, "j <Enter>"),
        LibEffect::Open { entry: 1, at: None }
    );
    assert_eq!(l.entries[1].path, "b/cocaine.txt");
    assert_eq!(keys(&mut l, "j <Enter>"), LibEffect::None);
    assert!(l.note.as_deref().unwrap().contains("does not load"));
    assert_eq!(keys(&mut l, "q"), LibEffect::Quit);
}

#[test]
fn the_filter_line_filters_as_it_is_typed_and_esc_there_cancels() {
    let mut l = lib();
    keys(&mut l, "/ r a n s");
    assert_eq!(l.overlay, Overlay::Filter);
    // The French area's detail mentions ransomware too.
    assert_eq!(paths(&l), ["a/ransom.toml", "b/cocaine.txt"]);
    keys(&mut l, "<Space> l a n g : f r");
    assert_eq!(paths(&l), ["b/cocaine.txt"]);
    keys(&mut l, "<Esc>");
    assert_eq!(l.line, "");
    assert_eq!(paths(&l).len(), 4);
    // Enter keeps it; Esc in the list clears it.
    keys(&mut l, "/ c o c a i n e <Enter>");
    assert_eq!(l.overlay, Overlay::None);
    assert_eq!(paths(&l), ["b/cocaine.txt"]);
    keys(&mut l, "<Esc>");
    assert_eq!(paths(&l).len(), 4);
}

#[test]
fn q_and_letters_are_typed_in_the_filter_line_not_obeyed() {
    let mut l = lib();
    assert_eq!(keys(&mut l, "/ q s f"), LibEffect::None);
    assert_eq!(l.line, "qsf");
    assert_eq!(l.sort, Sort::Date);
    keys(&mut l, "<BS> <BS>");
    assert_eq!(l.line, "q");
}

#[test]
fn tab_shows_the_matches_grouped_by_briefing_and_enter_opens_at_the_item() {
    let mut l = lib();
    keys(&mut l, "/ r a n s o m w a r e <Tab>");
    assert_eq!(l.view, View::Matches);
    assert_eq!(l.overlay, Overlay::None);
    let rows: Vec<(&str, Option<ItemRef>)> = l
        .hits
        .iter()
        .map(|h| (l.entries[h.entry].path.as_str(), h.item))
        .collect();
    assert_eq!(
        rows,
        [
            ("a/ransom.toml", None),
            ("a/ransom.toml", Some(ItemRef::Title)),
            ("a/ransom.toml", Some(ItemRef::Quote(0))),
            ("a/ransom.toml", Some(ItemRef::Threat(0))),
            ("b/cocaine.txt", None),
            ("b/cocaine.txt", Some(ItemRef::Area(0))),
        ]
    );
    assert_eq!(
        keys(&mut l, "j j <Enter>"),
        LibEffect::Open {
            entry: 0,
            at: Some(ItemRef::Quote(0))
        }
    );
    keys(&mut l, "<Esc>");
    assert_eq!(l.view, View::List);
}

#[test]
fn tab_without_a_search_stays_on_the_list_and_says_so() {
    let mut l = lib();
    keys(&mut l, "<Tab>");
    assert_eq!(l.view, View::List);
    assert!(l.note.is_some());
}

#[test]
fn the_facets_count_the_selection_and_enter_filters_by_one() {
    let mut l = lib();
    keys(&mut l, "f");
    assert_eq!(l.overlay, Overlay::Facets);
    let names: Vec<(&str, usize)> = l
        .facets
        .iter()
        .map(|f| (f.name.as_str(), f.count))
        .collect();
    assert_eq!(
        names,
        [
            ("cybercrime", 1),
            ("information-exchange", 1),
            ("Europol", 1),
            ("Catherine De Bolle", 1)
        ]
    );
    keys(&mut l, "G <Enter>");
    assert_eq!(l.line, r#"by:"Catherine De Bolle""#);
    assert_eq!(l.overlay, Overlay::None);
    assert_eq!(paths(&l), ["a/ransom.toml"]);
    // The facets follow the selection.
    keys(&mut l, "f");
    assert_eq!(l.facets.len(), 3);
}

#[test]
fn the_selection_follows_its_file_when_the_folder_changes() {
    let mut l = lib();
    keys(&mut l, "j");
    let mut more = entries();
    more.push(Entry::ok(
        "c/new.toml",
        briefing("Newest", "2025-01-01", "en", "UN"),
    ));
    l.set_entries(more);
    assert_eq!(paths(&l)[0], "c/new.toml");
    assert_eq!(l.selected().unwrap().path, "b/cocaine.txt");
    // Its file gone, the selection stays in range.
    l.set_entries(vec![Entry::ok(
        "x.toml",
        briefing("X", "2020-01-01", "en", "X"),
    )]);
    assert_eq!(l.list.selected, 0);
    l.check_invariants().unwrap();
}

#[test]
fn moving_keeps_the_selection_on_screen() {
    let many: Vec<Entry> = (0..100)
        .map(|i| {
            Entry::ok(
                format!("{i:03}.toml"),
                briefing(&format!("B{i}"), "2020-01-01", "en", "X"),
            )
        })
        .collect();
    let mut l = Library::new("many", many, Lang::En, Size::new(80, 13));
    assert_eq!(l.rows(), 10);
    keys(&mut l, "<PageDown> <PageDown>");
    assert_eq!(l.list.selected, 18);
    assert_eq!(l.list.top, 9);
    keys(&mut l, "G");
    assert_eq!((l.list.selected, l.list.top), (99, 90));
    keys(&mut l, "g");
    assert_eq!((l.list.selected, l.list.top), (0, 0));
}

#[test]
fn esc_or_q_in_the_reader_comes_back_to_the_same_place() {
    let mut b = Browse::new(lib());
    for k in parse_keys("/ r a n s <Tab> j j <Enter>").unwrap() {
        assert!(b.press(k));
    }
    let (state, entry) = b.reader.as_ref().unwrap();
    assert_eq!(*entry, 0);
    assert_eq!(state.focus, Pane::Quotes);
    assert_eq!(state.view(Pane::Quotes).item, 0);
    // The words searched for are the reader's search, highlighted.
    assert_eq!(state.search.query, "rans");
    let current = state
        .search
        .current
        .and_then(|i| state.search.matches.get(i));
    assert_eq!(current.map(|m| m.pane), Some(Pane::Quotes));
    // Esc first closes a zoom, then leaves.
    for k in parse_keys("<Enter>").unwrap() {
        b.press(k);
    }
    assert_eq!(b.reader.as_ref().unwrap().0.mode, crate::app::Mode::Zoom);
    for k in parse_keys("<Esc>").unwrap() {
        b.press(k);
    }
    assert!(b.reader.is_some());
    for k in parse_keys("<Esc>").unwrap() {
        b.press(k);
    }
    assert!(b.reader.is_none());
    assert_eq!(b.lib.view, View::Matches);
    assert_eq!(b.lib.matches.selected, 2);
    // q leaves the reader, and a second q the library.
    for k in parse_keys("<Enter> q").unwrap() {
        assert!(b.press(k));
    }
    assert!(b.reader.is_none());
    assert!(!b.press(Key::Char('q')));
}

#[test]
fn ctrl_c_ends_the_library_also_from_a_reader() {
    let mut b = Browse::new(lib());
    for k in parse_keys("<Enter>").unwrap() {
        assert!(b.press(k));
    }
    assert!(b.reader.is_some());
    assert!(!b.press(Key::Ctrl('c')));
    let mut list = Browse::new(lib());
    assert!(!list.press(Key::Ctrl('c')));
}

#[test]
fn a_filter_with_a_bad_date_names_the_term() {
    let mut l = lib();
    keys(&mut l, "/ f r o m : s o o n");
    assert_eq!(l.filter.invalid, ["from:soon"]);
}

#[test]
fn a_tiny_screen_and_every_key_keep_the_indexes_in_range() {
    let mut l = lib();
    update(&mut l, Action::Resize(Size::new(0, 0)));
    keys(
        &mut l,
        "j j G <PageDown> f j <Enter> / x <Tab> <Esc> ? j j <Esc> s",
    );
    update(&mut l, Action::Resize(Size::new(1, 1)));
    l.check_invariants().unwrap();
}

#[test]
fn the_reader_speaks_the_briefings_language_unless_one_was_chosen() {
    let mut l = lib();
    let french = l
        .entries
        .iter()
        .position(|e| e.path == "b/cocaine.txt")
        .unwrap();
    assert_eq!(reader_for(&l, french, None).unwrap().lang(), Lang::Fr);
    l.lang_chosen = true;
    assert_eq!(reader_for(&l, french, None).unwrap().lang(), Lang::En);
}

/// The library on the built-in keys patched by `patches`.
fn with_keys(patches: &[crate::app::keymap::KeyPatch]) -> Library {
    let mut l = lib();
    l.keymap = Arc::new(Keymap::builtin().patched(patches).0);
    l
}

#[test]
fn the_configurations_keys_drive_the_library_its_help_and_its_readers() {
    use crate::app::keymap::{HelpLine, KeyPatch};
    let mut b = Browse::new(with_keys(&[
        KeyPatch {
            ctx: Ctx::Library,
            action: Action::Quit,
            keys: vec![Key::Char('x')],
        },
        KeyPatch {
            ctx: Ctx::Library,
            action: Action::StartSearch,
            keys: vec![Key::Char('+')],
        },
        KeyPatch {
            ctx: Ctx::Panes,
            action: Action::Back,
            keys: vec![Key::Backspace],
        },
    ]));
    // The help and the hints show the keys given.
    let help = b.lib.keymap.library_help_lines(Lang::En);
    assert!(
        help.contains(&HelpLine::Keys("x".into(), "quit")),
        "{help:?}"
    );
    assert_eq!(
        b.lib.keymap.key_for(Ctx::Library, Action::StartSearch),
        Some("+")
    );
    keys(&mut b.lib, "<Tab>");
    assert_eq!(
        b.lib.note.as_deref(),
        Some("no matches to show: type words in the filter line (+)")
    );
    // q no longer quits, / no longer filters; + does.
    assert!(b.press(Key::Char('q')));
    assert!(b.press(Key::Char('/')));
    assert_eq!(b.lib.overlay, Overlay::None);
    for k in parse_keys("+ r a n s <Enter> <Enter>").unwrap() {
        assert!(b.press(k));
    }
    assert_eq!(b.lib.line, "rans");
    // The reader opened has the same keys: its own key to step back leaves it, Esc does not.
    let (state, _) = b.reader.as_ref().unwrap();
    assert!(Arc::ptr_eq(&state.keymap, &b.lib.keymap));
    assert!(b.press(Key::Esc));
    assert!(b.reader.is_some());
    assert!(b.press(Key::Backspace));
    assert!(b.reader.is_none());
    assert!(!b.press(Key::Char('x')));
}

#[test]
fn a_folder_read_as_the_list_shows_fills_it_and_says_how_much_is_left() {
    let all = entries();
    let mut l = Library::new("news", Vec::new(), Lang::En, Size::new(100, 30));
    l.loading = Some(0);
    l.follow_lang = true;
    // The French briefing first: the interface follows the briefings as they come.
    l.apply(Update {
        entries: vec![all[0].clone()],
        pending: 3,
    });
    assert_eq!(
        (l.loading, l.lang, paths(&l)),
        (Some(3), Lang::Fr, vec!["b/cocaine.txt"])
    );
    // A list not moved stays on its first row as newer briefings come in above.
    l.apply(Update {
        entries: all[..2].to_vec(),
        pending: 2,
    });
    assert_eq!(l.selected().map(|e| e.path.as_str()), Some("a/ransom.toml"));
    keys(&mut l, "G");
    l.apply(Update {
        entries: all,
        pending: 0,
    });
    assert_eq!(l.loading, None);
    assert_eq!(l.lang, Lang::En);
    // The selection stays on its file as the others come in.
    assert_eq!(l.selected().map(|e| e.path.as_str()), Some("b/cocaine.txt"));
}

#[test]
fn a_search_typed_key_by_key_keeps_what_the_whole_line_keeps() {
    // Each key typed narrows the last search when it can (the briefings the last kept, in
    // order); what it keeps is what the same line keeps typed at once, whatever the terms.
    for line in [
        "ransomware",
        "rans lang:fr",
        "lang:en rans",
        "broken",
        "by:europol rans",
        "ab: \"ransom ware\" x",
        "from:2024 ransomware",
    ] {
        let mut typed = lib();
        keys(&mut typed, "/");
        for c in line.chars() {
            let key = if c == ' ' {
                "<Space>".to_string()
            } else {
                c.to_string()
            };
            keys(&mut typed, &key);
            let mut whole = lib();
            whole.line = typed.line.clone();
            whole.refresh(None);
            assert_eq!(
                (paths(&typed), &typed.hits),
                (paths(&whole), &whole.hits),
                "{:?}",
                typed.line
            );
        }
    }
    // The narrowing itself: a longer phrase, the other terms the same.
    let f = |line: &str| Filter::parse(line);
    assert!(f("ransom").narrows(&f("rans")));
    assert!(f("rans lang:fr").narrows(&f("ran lang:fr")));
    assert!(!f("rans lang:fr").narrows(&f("rans lang:f")));
    assert!(
        !f("rans").narrows(&f("")),
        "an empty phrase keeps failed files"
    );
    assert!(!f("ran").narrows(&f("rans")));
}

/// `entry` as its front shows it before the release is structured.
fn front_of(entry: &Entry) -> Entry {
    let s = entry.summary().unwrap();
    Entry {
        path: entry.path.clone(),
        loaded: Ok(Arc::new(Summary::front(
            s.title.clone(),
            s.date,
            s.lang.clone(),
            Some(s.publisher.clone()),
        ))),
    }
}

#[test]
fn a_release_known_by_its_front_is_listed_filtered_once_structured_and_not_opened() {
    let full = entries();
    let mut fronts = full.clone();
    fronts[1] = front_of(&full[1]);
    let mut l = Library::new("news", fronts, Lang::En, Size::new(100, 30));
    // Listed in its place by its date, its counts pending.
    assert_eq!(paths(&l)[0], "a/ransom.toml");
    assert!(l.selected().unwrap().summary().unwrap().pending);
    // Enter says it is still being read.
    assert_eq!(keys(&mut l, "<Enter>"), LibEffect::None);
    assert_eq!(
        l.note.as_deref(),
        Some(labels::labels(Lang::En).not_read_yet)
    );
    // Its parties are not known yet: a filter by them leaves it out for now...
    keys(&mut l, "/by:europol<Enter>");
    assert!(!paths(&l).contains(&"a/ransom.toml"), "{:?}", paths(&l));
    // ...and keeps it once it is structured, the filter as it was.
    l.apply(Update {
        entries: full,
        pending: 0,
    });
    assert_eq!(paths(&l), ["a/ransom.toml"]);
    assert!(matches!(keys(&mut l, "<Enter>"), LibEffect::Open { .. }));
}
