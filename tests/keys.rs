//! Key-sequence tests of the state machine, written in the keymap's notation, and the two
//! ways to read the whole bundled briefing: keyboard alone, mouse alone.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use briefing::app::screen::{self, tab_spans};
use briefing::app::scroll;
use briefing::app::{Action, Base, Mode, Pane, PaneView, Size, State, parse_keys, update};
use briefing::model;
use briefing::model::Lang;
use rstest::rstest;

fn reader(w: u16, h: u16) -> State {
    State::new(model::bundled().unwrap(), Lang::Fr, Size::new(w, h))
}

fn press(state: &mut State, keys: &str) {
    for key in parse_keys(keys).unwrap() {
        briefing::app::press(state, key);
    }
}

fn after(keys: &str) -> State {
    let mut s = reader(100, 30);
    press(&mut s, keys);
    s
}

#[rstest]
#[case("", Mode::Reading, Pane::Summary)]
#[case("<Tab>", Mode::Reading, Pane::Quotes)]
#[case("l l", Mode::Reading, Pane::Areas)]
#[case("<Right><Right><Right><Right>", Mode::Reading, Pane::Summary)]
#[case("h", Mode::Reading, Pane::Threats)]
#[case("<S-Tab><Left>", Mode::Reading, Pane::Areas)]
#[case("3", Mode::Reading, Pane::Areas)]
#[case("4<Enter>", Mode::Zoom, Pane::Threats)]
#[case("4<Enter><Tab>", Mode::Zoom, Pane::Summary)]
#[case("4<Enter><Enter>", Mode::Reading, Pane::Threats)]
#[case("2<Enter><Esc>", Mode::Reading, Pane::Quotes)]
#[case("?", Mode::Help(Base::Reading), Pane::Summary)]
#[case("2<Enter>?", Mode::Help(Base::Zoom), Pane::Quotes)]
#[case("2<Enter>?<Esc>", Mode::Zoom, Pane::Quotes)]
#[case("?<Tab>", Mode::Help(Base::Reading), Pane::Summary)]
#[case("/liminaires", Mode::Search(Base::Reading), Pane::Quotes)]
#[case("/liminaires<Enter>", Mode::Reading, Pane::Quotes)]
#[case("/liminaires<Esc>", Mode::Reading, Pane::Summary)]
#[case("/x<BS><BS>", Mode::Reading, Pane::Summary)]
#[case("q", Mode::Quit, Pane::Summary)]
#[case("?q", Mode::Quit, Pane::Summary)]
#[case("/q<C-c>", Mode::Quit, Pane::Summary)]
#[case("2<Enter><C-c>", Mode::Quit, Pane::Quotes)]
// Esc and the next key sent in one write arrive as an Alt-held key: both act, in order.
#[case("2<Enter><A-q>", Mode::Quit, Pane::Quotes)]
#[case("/x<A-l>", Mode::Reading, Pane::Quotes)]
#[case("2p<A-q>", Mode::Quit, Pane::Quotes)]
fn keys_lead_to_mode_and_focus(#[case] keys: &str, #[case] mode: Mode, #[case] focus: Pane) {
    let s = after(keys);
    assert_eq!((s.mode, s.focus), (mode, focus), "keys {keys:?}");
}

#[rstest]
#[case("2j", PaneView { item: 0, line: 1 })]
#[case("2jjk", PaneView { item: 0, line: 1 })]
#[case("2]", PaneView { item: 1, line: 0 })]
#[case("2]][", PaneView { item: 1, line: 0 })]
#[case("2j[", PaneView { item: 0, line: 0 })]
#[case("2<Down><Down><Up><Up><Up>", PaneView { item: 0, line: 0 })]
#[case("2Gg", PaneView { item: 0, line: 0 })]
fn keys_scroll_the_focused_pane(#[case] keys: &str, #[case] view: PaneView) {
    assert_eq!(after(keys).view(Pane::Quotes), view, "keys {keys:?}");
}

#[test]
fn page_down_moves_a_page_less_one_line() {
    let mut s = reader(80, 24);
    press(&mut s, "<PageDown>");
    let g = screen::pane_geometry(&s, Pane::Summary);
    let expected = scroll::forward(
        &s.content,
        Pane::Summary,
        g,
        PaneView::default(),
        usize::from(g.height) - 1,
    );
    assert_eq!(s.view(Pane::Summary), expected);
    press(&mut s, "<PageUp>");
    assert_eq!(s.view(Pane::Summary), PaneView::default());
}

#[test]
fn space_and_ctrl_f_page_like_page_down() {
    let a = after("<PageDown>").view(Pane::Summary);
    assert_eq!(after("<Space>").view(Pane::Summary), a);
    assert_eq!(after("<C-f>").view(Pane::Summary), a);
    assert_ne!(after("<C-d>").view(Pane::Summary), PaneView::default());
}

#[test]
fn other_panes_keep_their_place_when_focus_moves() {
    let s = after("2jjj<Tab>3jj1");
    assert_eq!(s.view(Pane::Quotes), PaneView { item: 0, line: 3 });
    assert_eq!(s.view(Pane::Areas), PaneView { item: 0, line: 2 });
    assert_eq!(s.focus, Pane::Summary);
}

#[test]
fn escape_after_search_clears_the_highlight() {
    let mut s = after("/INTERPOL<Enter>");
    assert!(!s.search.matches.is_empty());
    press(&mut s, "<Esc>");
    assert!(s.search.matches.is_empty() && s.search.query.is_empty());
}

#[test]
fn search_is_case_and_accent_insensitive() {
    assert_eq!(
        after("/EMERGENTE<Enter>").search.matches.len(),
        after("/émergente<Enter>").search.matches.len()
    );
    assert!(after("/emergente<Enter>").search.matches.len() >= 6);
}

/// Reads every line of every pane by pressing only keys; returns the panes' end views.
fn read_all_with_keys(w: u16, h: u16) -> Vec<PaneView> {
    let mut s = reader(w, h);
    let mut ends = Vec::new();
    for pane in Pane::ALL {
        press(&mut s, &(pane.index() + 1).to_string());
        let g = screen::pane_geometry(&s, pane);
        let end = scroll::max_top(&s.content, pane, g);
        let mut guard = 0;
        while s.view(pane) != end {
            press(&mut s, "j");
            guard += 1;
            assert!(guard < 10_000, "j never reaches the end of {pane:?}");
        }
        ends.push(s.view(pane));
    }
    ends
}

#[rstest]
#[case(100, 30)]
#[case(80, 24)]
fn whole_briefing_reads_with_the_keyboard_alone(#[case] w: u16, #[case] h: u16) {
    let ends = read_all_with_keys(w, h);
    assert_eq!(ends.len(), 4);
}

/// A click at the centre of `pane` (grid) or on its tab (narrow layout).
fn click_pane(s: &mut State, pane: Pane) {
    let l = screen::regions(s);
    let action = if let Some(tabs) = l.tabs {
        let span = tab_spans(s, tabs.width)[pane.index()].clone();
        Action::Click {
            x: span.start,
            y: tabs.y,
        }
    } else {
        let r = l.panes[pane.index()].unwrap();
        Action::Click {
            x: r.x + r.width / 2,
            y: r.y + r.height / 2,
        }
    };
    update(s, action);
}

#[rstest]
#[case(100, 30)]
#[case(80, 24)]
fn whole_briefing_reads_with_the_mouse_alone(#[case] w: u16, #[case] h: u16) {
    let mut s = reader(w, h);
    for pane in Pane::ALL {
        click_pane(&mut s, pane);
        assert_eq!(s.focus, pane);
        let r = screen::regions(&s).panes[pane.index()].unwrap();
        let (x, y) = (r.x + 2, r.y + 2);
        let g = screen::pane_geometry(&s, pane);
        let end = scroll::max_top(&s.content, pane, g);
        let mut guard = 0;
        while s.view(pane) != end {
            update(&mut s, Action::Wheel { x, y, down: true });
            guard += 1;
            assert!(guard < 10_000);
        }
        // And back up to the start with the wheel.
        while s.view(pane) != PaneView::default() {
            update(&mut s, Action::Wheel { x, y, down: false });
        }
    }
}

#[test]
fn wheel_scrolls_the_pane_under_it_not_the_focused_one() {
    let mut s = reader(100, 30);
    let quotes = screen::regions(&s).panes[Pane::Quotes.index()].unwrap();
    update(
        &mut s,
        Action::Wheel {
            x: quotes.x + 3,
            y: quotes.y + 3,
            down: true,
        },
    );
    assert_eq!(s.focus, Pane::Summary);
    assert_ne!(s.view(Pane::Quotes), PaneView::default());
    assert_eq!(s.view(Pane::Summary), PaneView::default());
}

#[test]
fn click_outside_the_help_closes_it() {
    let mut s = after("?");
    update(&mut s, Action::Click { x: 0, y: 29 });
    assert_eq!(s.mode, Mode::Reading);
}

#[test]
fn keys_on_a_briefing_without_content_do_nothing_wrong() {
    let b = model::parse_briefing("title = 'Vide'", "empty.toml", model::Format::Toml).unwrap();
    let mut s = State::new(b, Lang::En, Size::new(80, 24));
    press(&mut s, "jjGg]]2jk<PageDown>3G4<Enter>/x<Enter>nN?jG<Esc>");
    s.check_invariants().unwrap();
    assert_eq!(s.views, [PaneView::default(); 4]);
}

#[test]
fn the_counter_names_the_first_item_in_view_after_paging() {
    let mut s = reader(100, 30);
    press(&mut s, "2<PageDown>");
    let geo = screen::pane_geometry(&s, Pane::Quotes);
    let view = s.view(Pane::Quotes);
    // Quote 1 has at most its trailing blank line above the pane's top row left in view.
    let first_height = s.content.height(Pane::Quotes, 0, geo.width);
    assert!(view.item > 0 || view.line + 1 >= first_height, "{view:?}");
    assert_eq!(scroll::current_item(&s.content, Pane::Quotes, geo, view), 1);
    let frame = briefing::ui::snapshot(
        model::bundled().unwrap(),
        Lang::Fr,
        Size::new(100, 30),
        "2<PageDown>",
        &briefing::ui::Theme::default(),
    )
    .unwrap()
    .text();
    assert!(frame.contains("Citations 2/5"), "{frame}");
    assert!(!frame.contains("Citations 1/5"), "{frame}");
}

#[test]
fn a_paste_goes_into_the_query_and_is_ignored_elsewhere() {
    let mut s = reader(100, 30);
    briefing::app::paste(&mut s, "abc\nq");
    assert_eq!(s.mode, Mode::Reading, "pasted text is not keys");
    assert_eq!(s.search.query, "");
    press(&mut s, "/");
    briefing::app::paste(&mut s, "INTER\nPOL\r\n");
    assert_eq!(s.mode, Mode::Search(Base::Reading));
    assert_eq!(s.search.query, "INTERPOL");
    assert!(!s.search.matches.is_empty());
    press(&mut s, "<Enter>");
    briefing::app::paste(&mut s, "q");
    assert_eq!(s.mode, Mode::Reading);
}

#[test]
fn ctrl_z_suspends_and_ctrl_l_redraws_in_every_mode() {
    use briefing::app::Effect;
    for keys in ["", "/x", "?", "p", "2<Enter>"] {
        let mut s = after(keys);
        let mode = s.mode;
        let z = briefing::app::press(&mut s, parse_keys("<C-z>").unwrap()[0]);
        assert_eq!(z, Effect::Suspend, "{keys:?}");
        let l = briefing::app::press(&mut s, parse_keys("<C-l>").unwrap()[0]);
        assert_eq!(l, Effect::Redraw, "{keys:?}");
        assert_eq!(s.mode, mode, "{keys:?}");
    }
}
