//! Presentation mode: every slide of the bundled briefing as a reviewed snapshot, pagination
//! of long sections at small sizes, the key transitions, and the timer on an injected clock.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use briefing::app::present::Section;
use briefing::app::{Action, Mode, Pane, PaneView, Session, Size, State, parse_keys, update};
use briefing::model::Lang;
use briefing::model::{self, Area, Briefing};
use briefing::ui::{Theme, export, render};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use rstest::rstest;

fn state(b: Briefing, w: u16, h: u16) -> State {
    State::new(b, Lang::Fr, Size::new(w, h))
}

fn press(s: &mut State, keys: &str) {
    for key in parse_keys(keys).unwrap() {
        briefing::app::press(s, key);
    }
}

fn frame(s: &State) -> String {
    let mut buf = Buffer::empty(Rect::new(0, 0, s.size.width, s.size.height));
    render(s, &Theme::default(), &mut buf);
    export::to_text(&buf)
}

fn presenting(w: u16, h: u16) -> State {
    let mut s = state(model::bundled().unwrap(), w, h);
    press(&mut s, "p");
    s
}

fn every_slide(w: u16, h: u16) {
    let mut s = presenting(w, h);
    let count = s.present.deck.len();
    for i in 0..count {
        assert_eq!(s.present.index, i);
        assert_snapshot!(format!("slide_{:02}_{w}x{h}", i + 1), frame(&s));
        press(&mut s, "l");
    }
    assert_eq!(s.present.index, count - 1, "l stops at the last slide");
}

#[test]
fn every_slide_at_80x24() {
    every_slide(80, 24);
}

#[test]
fn every_slide_at_160x45() {
    every_slide(160, 45);
}

#[test]
fn overview_and_help_over_slides() {
    let mut s = presenting(80, 24);
    press(&mut s, "llo");
    assert_snapshot!("overview_80x24", frame(&s));
    press(&mut s, "<Esc>?");
    assert_eq!(s.mode, Mode::Help(briefing::app::Base::Present));
    assert!(frame(&s).contains("Présentation"));
}

#[test]
fn slides_are_in_order_and_labelled_in_french() {
    let s = presenting(160, 45);
    let titles: Vec<&str> = s
        .present
        .deck
        .slides
        .iter()
        .map(|x| x.title.as_str())
        .collect();
    assert_eq!(
        &titles[1..],
        [
            "Résumé",
            "Citation 1/5",
            "Citation 2/5",
            "Citation 3/5",
            "Citation 4/5",
            "Citation 5/5",
            "Domaines de coopération",
            "Menaces",
            "Plus d'informations"
        ]
    );
}

fn long_briefing(n: usize) -> Briefing {
    let mut b = model::bundled().unwrap();
    b.cooperation_areas = (1..=n)
        .map(|i| Area {
            label: format!("Domaine numéro {i} de la coopération renforcée"),
            detail: None,
            category: None,
        })
        .collect();
    b
}

#[test]
fn a_long_section_continues_on_pages_marked_continued() {
    let b = long_briefing(40);
    let mut s = state(b, 40, 12);
    press(&mut s, "3p");
    let first = s.present.index;
    assert_eq!(s.present.slide().unwrap().section, Section::Areas);
    let pages = s.present.slide().unwrap().pages;
    assert!(pages > 5, "40 areas at 40×12 need many pages, got {pages}");
    let mut seen = String::new();
    for page in 0..pages {
        let text = frame(&s);
        if page == 0 {
            assert!(!text.contains("(suite)"), "{text}");
        } else {
            assert!(text.contains("(suite)"), "page {page}:\n{text}");
        }
        seen.push_str(&text);
        press(&mut s, "l");
    }
    assert_eq!(s.present.index, first + pages);
    for i in 1..=40 {
        assert!(
            seen.contains(&format!("Domaine numéro {i} ")),
            "area {i} was cut off"
        );
    }
}

#[test]
fn pages_reflow_on_resize_and_keep_the_place() {
    let b = long_briefing(40);
    let mut s = state(b, 40, 12);
    press(&mut s, "3plll");
    let anchor = s.present.anchor;
    update(&mut s, Action::Resize(Size::new(160, 45)));
    let slide = s.present.slide().unwrap();
    assert_eq!(slide.section, Section::Areas);
    assert!(
        slide.anchor <= anchor,
        "the page shown holds what was shown"
    );
    update(&mut s, Action::Resize(Size::new(40, 12)));
    assert_eq!(s.present.slide().unwrap().section, Section::Areas);
    s.check_invariants().unwrap();
}

#[rstest]
#[case("p", Section::Title)]
#[case("1jjjjjjjjjp", Section::Summary)]
#[case("1Gp", Section::Links)]
#[case("2p", Section::Quote(0))]
#[case("2]]]p", Section::Quote(3))]
#[case("3p", Section::Areas)]
#[case("4p", Section::Threats)]
fn p_starts_at_the_section_in_focus(#[case] keys: &str, #[case] section: Section) {
    let mut s = state(model::bundled().unwrap(), 100, 30);
    press(&mut s, keys);
    assert_eq!(s.mode, Mode::Present);
    assert_eq!(s.present.slide().unwrap().section, section, "keys {keys:?}");
}

#[rstest]
#[case("l", 1)]
#[case("<Right><Space><PageDown>j", 4)]
#[case("llh", 1)]
#[case("lll<Left><PageUp>k", 0)]
#[case("G", 9)]
#[case("Gg", 0)]
#[case("<End><Home>", 0)]
#[case("7<Enter>", 6)]
#[case("12<Enter>", 9)]
#[case("0<Enter>", 0)]
#[case("<Enter>", 1)]
#[case("3<Esc>l", 1)]
#[case("ojjj<Enter>", 3)]
#[case("Gokk<Enter>", 7)]
#[case("ojj<Esc>", 0)]
fn present_keys_move_between_slides(#[case] keys: &str, #[case] index: usize) {
    let mut s = presenting(160, 45);
    press(&mut s, keys);
    assert_eq!(s.present.index, index, "keys {keys:?}");
    assert_eq!(s.mode, Mode::Present);
}

#[test]
fn blank_hides_everything_and_the_next_key_only_brings_it_back() {
    let mut s = presenting(80, 24);
    press(&mut s, "lb");
    assert!(frame(&s).trim().is_empty());
    press(&mut s, "l");
    assert_eq!((s.present.blank, s.present.index), (false, 1));
    press(&mut s, "l");
    assert_eq!(s.present.index, 2);
}

#[test]
fn esc_returns_to_the_reader_where_it_was() {
    let mut s = state(model::bundled().unwrap(), 80, 24);
    press(&mut s, "2jjj");
    let before = (s.focus, s.views);
    press(&mut s, "p<Esc>");
    assert_eq!(
        (s.mode, s.focus, s.views),
        (Mode::Reading, before.0, before.1)
    );
    press(&mut s, "pp");
    assert_eq!(
        (s.mode, s.focus, s.views),
        (Mode::Reading, before.0, before.1)
    );
}

#[test]
fn leaving_after_moving_shows_the_slide_in_the_reader() {
    let mut s = state(model::bundled().unwrap(), 80, 24);
    press(&mut s, "2p]");
    press(&mut s, "lll<Esc>");
    assert_eq!(s.mode, Mode::Reading);
    assert_eq!(s.focus, Pane::Quotes);
    // The fourth quote is in view (the pane cannot scroll it to the very top: it is near the end).
    assert!(frame(&s).contains("Cet accord va aider"), "{}", frame(&s));
    assert_ne!(s.view(Pane::Quotes), PaneView::default());
    press(&mut s, "3<Enter>p<Esc>");
    assert_eq!(s.mode, Mode::Zoom, "back to zoom when entered from zoom");
}

#[test]
fn timer_counts_on_the_injected_clock() {
    let mut s = presenting(80, 24);
    update(&mut s, Action::Tick(10_000));
    assert!(!frame(&s).contains("00:00"), "no timer before it starts");
    press(&mut s, "t");
    update(&mut s, Action::Tick(75_000));
    assert!(frame(&s).contains("01:05"), "{}", frame(&s));
    press(&mut s, "t");
    update(&mut s, Action::Tick(300_000));
    let paused = frame(&s);
    assert!(paused.contains("01:05 ‖"), "{paused}");
    press(&mut s, "t");
    update(&mut s, Action::Tick(301_000));
    assert!(frame(&s).contains("01:06"));
}

#[test]
fn an_attendee_follows_slides_at_its_own_size() {
    let mut presenter = presenting(160, 45);
    let mut attendee = state(model::bundled().unwrap(), 40, 12);
    attendee.session = Session::Attendee { following: true };
    press(&mut presenter, "llll");
    update(&mut attendee, Action::FollowTo(presenter.position()));
    assert_eq!(attendee.mode, Mode::Present);
    assert_eq!(
        attendee.present.slide().unwrap().section,
        presenter.present.slide().unwrap().section
    );
    assert_eq!(attendee.present.deck.size, Size::new(40, 12));
    press(&mut presenter, "b");
    update(&mut attendee, Action::FollowTo(presenter.position()));
    assert!(attendee.present.blank);
    press(&mut attendee, "l");
    assert_eq!(attendee.session, Session::Attendee { following: false });
}

#[test]
fn the_presenter_view_numbers_slides_like_the_presenter() {
    let mut presenter = presenting(100, 30);
    press(&mut presenter, "lll");
    let mut notes = state(model::bundled().unwrap(), 80, 20);
    update(&mut notes, Action::OpenPresenterView);
    update(&mut notes, Action::FollowTo(presenter.position()));
    assert_eq!(notes.present.deck.len(), presenter.present.deck.len());
    assert_eq!(notes.present.index, presenter.present.index);
    assert_snapshot!("notes_80x20", frame(&notes));
    press(&mut notes, "jjl");
    assert_eq!(
        notes.mode,
        Mode::PresenterView,
        "keys do not leave the presenter view"
    );
    press(&mut notes, "q");
    assert_eq!(notes.mode, Mode::Quit);
}

#[test]
fn presenter_view_waits_for_a_presentation() {
    let mut notes = state(model::bundled().unwrap(), 80, 20);
    update(&mut notes, Action::OpenPresenterView);
    assert!(frame(&notes).contains("En attente d'une présentation"));
}

#[test]
fn slides_stay_inside_tiny_and_huge_screens() {
    for (w, h) in [(20, 6), (21, 7), (25, 8), (300, 100)] {
        let mut s = presenting(w, h);
        for _ in 0..s.present.deck.len() {
            let _ = frame(&s);
            s.check_invariants().unwrap();
            press(&mut s, "l");
        }
    }
}

/// The bundled briefing with a 200-sentence note on the title slide, where `p` starts.
fn with_long_notes() -> Briefing {
    let mut b = model::bundled().unwrap();
    let sentences: Vec<String> = (1..=200)
        .map(|i| format!("Phrase {i} des notes."))
        .collect();
    b.notes.title = Some(sentences.join(" "));
    b
}

#[test]
fn long_notes_scroll_and_say_there_is_more() {
    let presenter = presenting(100, 30);
    let mut notes = state(with_long_notes(), 60, 15);
    update(&mut notes, Action::OpenPresenterView);
    update(&mut notes, Action::FollowTo(presenter.position()));
    // The notes box starts on the fifth row; the rows above name the slides.
    let notes_rows = |f: &str| f.lines().skip(4).collect::<Vec<_>>().join("\n");
    let top = frame(&notes);
    assert!(top.contains("Phrase 1 des"), "{top}");
    let boxed = notes_rows(&top);
    assert!(
        boxed.contains('…') && boxed.contains('↓'),
        "more below is shown:\n{top}"
    );
    assert!(!top.contains("Phrase 200"));
    press(&mut notes, "j");
    assert_eq!(notes.present.notes_scroll, 1);
    press(&mut notes, "<PageDown>");
    let rows = usize::from(briefing::app::notes::notes_text_area(&notes).height);
    assert_eq!(notes.present.notes_scroll, rows);
    let middle = frame(&notes);
    assert!(middle.contains('↑') && middle.contains('↓'), "{middle}");
    press(&mut notes, "G");
    let end = frame(&notes);
    assert!(end.contains("Phrase 200 des notes."), "{end}");
    assert!(
        !notes_rows(&end).contains('↓') && !notes_rows(&end).contains('…'),
        "{end}"
    );
    press(&mut notes, "jjj<PageDown>");
    assert_eq!(
        notes.present.notes_scroll,
        briefing::app::notes::max_notes_scroll(&notes)
    );
    notes.check_invariants().unwrap();
    press(&mut notes, "<PageUp>k");
    assert!(notes.present.notes_scroll < briefing::app::notes::max_notes_scroll(&notes));
    press(&mut notes, "g");
    assert_eq!(notes.present.notes_scroll, 0);
    assert_eq!(frame(&notes), top);
    // Following the presenter to another section starts its notes from the top.
    press(&mut notes, "G");
    let mut presenter = presenter;
    press(&mut presenter, "G");
    update(&mut notes, Action::FollowTo(presenter.position()));
    assert_eq!(notes.present.notes_scroll, 0);
    assert_eq!(notes.mode, Mode::PresenterView);
}

#[test]
fn the_presenter_view_says_which_file_to_pass_for_another_briefing() {
    let mut notes = state(model::bundled().unwrap(), 80, 20);
    update(&mut notes, Action::OpenPresenterView);
    briefing::app::notify(
        &mut notes,
        briefing::app::Notice::OtherPresentation {
            file: Some("/home/ana/briefings/réunion 2.toml".into()),
        },
    );
    let text = frame(&notes);
    assert!(
        text.contains("La présentation en cours montre un autre briefing."),
        "{text}"
    );
    assert!(text.contains("Pour la suivre, lancez :"), "{text}");
    assert!(
        text.contains("briefing present --notes '/home/ana/briefings/réunion 2.toml'"),
        "{text}"
    );
    briefing::app::notify(
        &mut notes,
        briefing::app::Notice::OtherPresentation { file: None },
    );
    let text = frame(&notes);
    assert!(
        text.lines()
            .any(|l| l.trim_end() == " briefing present --notes"),
        "{text}"
    );
    // Once it follows a presentation of its own briefing, the hint is gone.
    let presenter = presenting(80, 20);
    update(&mut notes, Action::FollowTo(presenter.position()));
    assert!(!frame(&notes).contains("--notes"));
}
