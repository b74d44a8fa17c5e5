//! The reader for daily use, as key sequences and frames: the links list and who may open a
//! link, copying, the mouse, editing, reloading in place, the search history and regular
//! expressions.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::Arc;

use briefing::app::present::Section;
use briefing::app::{
    Action, Base, Effect, Mode, Notice, Pane, Session, Size, State, notify, parse_keys, update,
};
use briefing::model::{self, Briefing, Lang};
use briefing::ui::{Theme, render};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// The bundled briefing with addresses on its links, one of them not to be opened.
fn linked() -> Briefing {
    let mut b = model::bundled().unwrap();
    b.links[0].url = Some("https://www.unodc.org/unodc/en/speeches/2016/ccpcj.html".into());
    b.links[1].url = Some("mailto:press@unodc.org".into());
    b
}

fn reader(b: Briefing, w: u16, h: u16) -> State {
    State::new(b, Lang::Fr, Size::new(w, h))
}

/// Presses `keys`, returning the effects that were not `None`.
fn press(state: &mut State, keys: &str) -> Vec<Effect> {
    parse_keys(keys)
        .unwrap()
        .into_iter()
        .map(|k| briefing::app::press(state, k))
        .filter(|e| *e != Effect::None)
        .collect()
}

fn frame(state: &State) -> String {
    let mut buf = Buffer::empty(Rect::new(0, 0, state.size.width, state.size.height));
    render(state, &Theme::new(true), &mut buf);
    briefing::ui::export::to_text(&buf)
}

#[test]
fn o_lists_the_links_enter_opens_the_selected_one_locally() {
    let mut s = reader(linked(), 100, 30);
    assert!(press(&mut s, "o").is_empty());
    assert_eq!(s.mode, Mode::Links(Base::Reading));
    assert_eq!(press(&mut s, "j<Enter>"), [Effect::OpenLink(1)]);
    assert_eq!(
        s.note.as_deref(),
        Some("ouverture de mailto:press@unodc.org")
    );
    // A link without an address, or of another scheme, is not opened.
    assert!(press(&mut s, "j<Enter>").is_empty());
    assert!(s.note.as_deref().unwrap().starts_with("non ouvert"));
    let mut b = linked();
    b.links[0].url = Some("file:///etc/passwd".into());
    let mut s = reader(b, 100, 30);
    assert!(press(&mut s, "o<Enter>").is_empty());
    press(&mut s, "<Esc>");
    assert_eq!(s.mode, Mode::Reading);
}

#[test]
fn no_ssh_attendee_can_make_the_server_open_a_link_or_an_editor() {
    for following in [true, false] {
        let mut s = reader(linked(), 100, 30);
        s.session = Session::Attendee { following };
        let effects = press(&mut s, "o<Enter>jj<Enter>k<Enter><Esc>e");
        assert!(effects.is_empty(), "{effects:?}");
        // Told to open it themselves, with the address to do it.
        let mut s = reader(linked(), 100, 30);
        s.session = Session::Attendee { following };
        press(&mut s, "o<Enter>");
        assert!(s.note.as_deref().unwrap().contains("https://www.unodc.org"));
    }
}

#[test]
fn y_copies_the_item_in_focus_and_says_what() {
    let mut s = reader(linked(), 100, 30);
    assert_eq!(press(&mut s, "2]]]y"), [Effect::Copy]);
    let note = s.note.clone().unwrap();
    assert!(
        note.starts_with("copié citation\u{a0}: «\u{a0}Cet accord"),
        "{note}"
    );
    let copied = briefing::app::copy::copied(&s).unwrap();
    assert!(copied.text.contains("Juergen Stock"));
    // The next key clears the note.
    press(&mut s, "j");
    assert_eq!(s.note, None);
    // In the links list, the address.
    press(&mut s, "oj");
    assert_eq!(press(&mut s, "y"), [Effect::Copy]);
    assert_eq!(
        briefing::app::copy::copied(&s).unwrap().text,
        "mailto:press@unodc.org"
    );
    // On a slide, its text.
    let mut s = reader(linked(), 100, 30);
    assert_eq!(press(&mut s, "2p y"), [Effect::Copy]);
    assert!(briefing::app::copy::copied(&s).unwrap().text.contains('«'));
}

#[test]
fn m_leaves_the_mouse_to_the_terminal_and_takes_it_back() {
    let mut s = reader(linked(), 100, 30);
    assert_eq!(press(&mut s, "m"), [Effect::Mouse(false)]);
    assert!(!s.mouse);
    assert_eq!(press(&mut s, "m"), [Effect::Mouse(true)]);
    assert_eq!(press(&mut s, "p m"), [Effect::Mouse(false)]);
}

#[test]
fn e_asks_the_edge_to_edit_only_for_the_one_who_opened_the_file() {
    let mut s = reader(linked(), 100, 30);
    assert_eq!(press(&mut s, "2e"), [Effect::Edit]);
    assert_eq!(
        briefing::app::copy::focused_origin(&s),
        Some(briefing::app::content::Origin::Quote(0))
    );
    s.session = Session::Presenter { watchers: 3 };
    assert_eq!(press(&mut s, "e"), [Effect::Edit]);
}

/// The bundled briefing with one more quote up front and a new title.
fn edited() -> Briefing {
    let mut b = linked();
    b.title = format!("Édité : {}", b.title);
    let mut q = b.quotes[0].clone();
    q.text = "Une citation ajoutée.".into();
    b.quotes.insert(0, q);
    b
}

#[test]
fn a_reload_shows_the_new_version_where_the_reader_was() {
    let mut s = reader(linked(), 100, 30);
    press(&mut s, "2]]/INTERPOL<Enter>");
    let (focus, views) = (s.focus, s.views);
    notify(&mut s, Notice::Reloaded(Arc::new(edited())));
    assert_eq!((s.focus, s.views), (focus, views), "the same pane and item");
    assert_eq!(s.revision, 1);
    assert!(frame(&s).contains("Édité"));
    assert!(!s.search.matches.is_empty(), "the search goes on");
    s.check_invariants().unwrap();
    // A version with fewer items: the nearest one.
    let mut fewer = linked();
    fewer.quotes.truncate(1);
    press(&mut s, "2G");
    notify(&mut s, Notice::Reloaded(Arc::new(fewer)));
    s.check_invariants().unwrap();
    assert_eq!(s.view(Pane::Quotes).item, 0);
}

#[test]
fn a_broken_version_keeps_the_last_good_one_and_says_why_until_fixed() {
    let mut s = reader(linked(), 100, 30);
    let before = frame(&s);
    let why = "b.toml:3:9: error: expected a date like '2016-05-23', found '23/05/16'";
    notify(&mut s, Notice::Reloaded(Arc::new(linked())));
    notify(&mut s, Notice::ReloadFailed(why.into()));
    assert_eq!(s.note, None, "no 'reloaded' next to the problem");
    let shown = frame(&s);
    assert!(shown.contains("non rechargé\u{a0}: b.toml:3:9"), "{shown}");
    // Everything but the status line is as it was.
    let body = |f: &str| f.lines().take(29).collect::<Vec<_>>().join("\n");
    assert_eq!(body(&shown), body(&before));
    press(&mut s, "jjj");
    assert!(frame(&s).contains("non rechargé"), "until fixed");
    notify(&mut s, Notice::Reloaded(Arc::new(edited())));
    assert!(!frame(&s).contains("non rechargé"));
}

#[test]
fn a_reload_while_presenting_keeps_the_slide_or_the_nearest() {
    let mut s = reader(linked(), 100, 30);
    press(&mut s, "2p");
    press(&mut s, "l l");
    let section = s.present.section;
    assert_eq!(section, Section::Quote(2));
    notify(&mut s, Notice::Reloaded(Arc::new(edited())));
    assert_eq!(s.present.section, section, "the same slide");
    s.check_invariants().unwrap();
    let mut fewer = linked();
    fewer.quotes.truncate(2);
    notify(&mut s, Notice::Reloaded(Arc::new(fewer)));
    s.check_invariants().unwrap();
    assert_eq!(s.mode, Mode::Present);
    assert!(
        matches!(s.present.section, Section::Quote(_)),
        "{:?}",
        s.present.section
    );
}

#[test]
fn a_follower_takes_the_presenters_reloaded_briefing() {
    let mut presenter = reader(linked(), 100, 30);
    press(&mut presenter, "3p");
    notify(&mut presenter, Notice::Reloaded(Arc::new(edited())));
    let mut attendee = reader(linked(), 80, 24);
    attendee.session = Session::Attendee { following: true };
    let position = presenter.position();
    assert_eq!(position.revision, 1);
    briefing::app::take_content(
        &mut attendee,
        Arc::clone(&presenter.content),
        position.revision,
    );
    update(&mut attendee, Action::FollowTo(position));
    assert_eq!(
        attendee.content.briefing.title,
        presenter.content.briefing.title
    );
    assert_eq!(attendee.present.section, presenter.present.section);
    attendee.check_invariants().unwrap();
}

#[test]
fn up_and_down_in_the_prompt_walk_the_search_history() {
    let mut s = reader(linked(), 100, 30);
    press(&mut s, "/INTERPOL<Enter>/ONUDC<Enter>/INTERPOL<Enter>");
    assert_eq!(s.history, ["ONUDC", "INTERPOL"], "once each, newest last");
    press(&mut s, "/<Up>");
    assert_eq!(s.search.query, "INTERPOL");
    assert!(!s.search.matches.is_empty(), "matched as shown");
    press(&mut s, "<Up><Up>");
    assert_eq!(s.search.query, "ONUDC", "stops at the oldest");
    press(&mut s, "<Down>");
    assert_eq!(s.search.query, "INTERPOL");
    press(&mut s, "<Down>");
    assert_eq!(s.search.query, "", "past the newest, an empty prompt");
    press(&mut s, "<Esc>");
    assert_eq!(s.mode, Mode::Reading);
}

#[test]
fn ctrl_r_searches_with_a_regular_expression_still_ignoring_case_and_accents() {
    let mut s = reader(linked(), 100, 30);
    press(&mut s, "/<C-r>emergent\\w*");
    assert!(s.search.regex);
    let plain = {
        let mut p = reader(linked(), 100, 30);
        press(&mut p, "/émergent");
        p.search.matches.len()
    };
    assert!(plain > 0);
    assert_eq!(s.search.matches.len(), plain);
    press(&mut s, "<Enter>/(");
    assert!(s.search.regex, "kept for the next search");
    assert!(s.search.invalid.is_some());
    assert!(s.search.matches.is_empty());
    assert!(frame(&s).contains("[regex]"));
    press(&mut s, "<C-r>");
    assert_eq!(s.search.invalid, None);
}

#[test]
fn the_links_list_at_three_sizes() {
    for (w, h) in [(80, 24), (120, 40), (40, 12)] {
        let mut s = reader(linked(), w, h);
        press(&mut s, "oj");
        assert_snapshot!(format!("links_{w}x{h}"), frame(&s));
    }
}

#[test]
fn the_status_line_with_a_broken_file_at_80x24() {
    let mut s = reader(linked(), 80, 24);
    notify(
        &mut s,
        Notice::ReloadFailed("b.toml:12:9: error: expected a date like '2016-05-23'".into()),
    );
    assert_snapshot!("reload_failed_80x24", frame(&s));
}
