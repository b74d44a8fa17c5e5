//! The pure state machine: `update(&mut State, Action) -> Effect`. Every action is handled in
//! every mode, every index is clamped, nothing panics and nothing does I/O.

use crate::app::action::{Action, Effect, Notice};
use crate::app::key::Key;
use crate::app::keymap::help_lines;
use crate::app::links;
use crate::app::present::LinkStatus;
use crate::app::screen::{self, Geometry, Hit, pane_geometry};
use crate::app::scroll;
use crate::app::state::{Base, Mode, Pane, PaneView, Position, Session, State};

mod present;
mod reload;
mod search;

pub use reload::take_content;

/// Lines the mouse wheel scrolls per notch.
const WHEEL_LINES: usize = 3;

/// Presses `key` as the state's keymap says: each key it stands for (see
/// [`Keymap::keys_of`](crate::app::keymap::Keymap::keys_of)) acts on the
/// state the one before left. What the terminal, the SSH presenter and headless frames do
/// with a key.
pub fn press(state: &mut State, key: Key) -> Effect {
    // A note says what the last key did; the next key clears it.
    state.note = None;
    let mut effect = Effect::None;
    let keymap = std::sync::Arc::clone(&state.keymap);
    for key in keymap.keys_of(key) {
        if let Some(action) = keymap.resolve(state.mode, key) {
            match update(state, action) {
                Effect::Quit => return Effect::Quit,
                Effect::None => {}
                other => effect = other,
            }
        }
    }
    effect
}

/// Applies word from an edge: a presenter view learns that only another briefing is being
/// presented, and which file to pass to follow it.
pub fn notify(state: &mut State, notice: Notice) -> Effect {
    match notice {
        Notice::OtherPresentation { file } => {
            state.present.link = LinkStatus::Other;
            state.present.other_command = Some(notes_command(file.as_deref()));
        }
        Notice::Reloaded(briefing) => reload::reload(state, briefing),
        Notice::ReloadFailed(why) => {
            // An earlier "reloaded" would contradict it.
            state.note = None;
            state.file_error = Some(why);
        }
        Notice::Said(what) => state.note = Some(what),
    }
    Effect::None
}

/// `y`: says what was copied (or that nothing can be) and asks the edge to copy it.
pub(crate) fn copy(state: &mut State) -> Effect {
    match crate::app::copy::copied(state) {
        Some(c) => {
            state.note = Some(crate::app::copy::note(state, &c));
            Effect::Copy
        }
        None => {
            state.note = Some(state.lang().labels().daily.nothing_to_copy.to_string());
            Effect::None
        }
    }
}

/// `briefing present --notes FILE`, FILE quoted for a POSIX shell when it needs it.
fn notes_command(file: Option<&str>) -> String {
    let Some(file) = file else {
        return "briefing present --notes".to_string();
    };
    let plain = !file.is_empty()
        && file
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '/' | '.' | '_' | '-' | '+' | ':' | ','));
    if plain {
        format!("briefing present --notes {file}")
    } else {
        format!("briefing present --notes '{}'", file.replace('\'', "'\\''"))
    }
}

/// Most characters a paste adds to the search query: more is not a query, and each match
/// refresh costs a pass over the briefing.
const MAX_PASTE: usize = 1_000;

/// A bracketed paste of `text`: while typing a search query it is added to the query, newlines
/// and other control characters dropped; anywhere else it is ignored, so pasted text never
/// acts as keys.
pub fn paste(state: &mut State, text: &str) -> Effect {
    if let Mode::Search(_) = state.mode {
        let clean: String = text
            .chars()
            .filter(|c| !c.is_control())
            .take(MAX_PASTE)
            .collect();
        search::add_to_query(state, &clean);
        normalize(state);
    }
    Effect::None
}

/// Applies `action` to `state` and says what the edge must do.
pub fn update(state: &mut State, action: Action) -> Effect {
    if state.mode == Mode::Quit {
        return Effect::Quit;
    }
    let effect = match action {
        Action::Quit => {
            state.mode = Mode::Quit;
            Effect::Quit
        }
        Action::Resize(size) => {
            state.size = size;
            Effect::None
        }
        Action::Suspend => Effect::Suspend,
        Action::Redraw => Effect::Redraw,
        Action::CopyItem => copy(state),
        Action::ToggleMouse => {
            state.mouse = !state.mouse;
            let d = state.lang().labels().daily;
            state.note = Some(if state.mouse { d.mouse_on } else { d.mouse_off }.to_string());
            Effect::Mouse(state.mouse)
        }
        Action::Edit => match state.session {
            Session::Local | Session::Presenter { .. } => Effect::Edit,
            Session::Attendee { .. } | Session::PresenterView => {
                state.note = Some(state.lang().labels().daily.no_edit.to_string());
                Effect::None
            }
        },
        Action::OpenPresenterView => {
            state.session = Session::PresenterView;
            state.mode = Mode::PresenterView;
            Effect::None
        }
        Action::FollowTo(position) => {
            if state.session.is_following() {
                follow(state, position);
                state.present.link = LinkStatus::Live;
            }
            Effect::None
        }
        Action::ToggleFollow => {
            if let Session::Attendee { following } = state.session {
                state.session = Session::Attendee {
                    following: !following,
                };
            }
            Effect::None
        }
        Action::ToggleNotes => match state.session {
            Session::Presenter { .. } if state.mode == Mode::Present => Effect::ToggleNotes,
            _ => Effect::None,
        },
        Action::Tick(now) => {
            // The clock alone moves nothing on screen: no need to bring views back in bounds.
            state.now_ms = now;
            return Effect::None;
        }
        Action::LinkLost { other } => {
            state.present.other_command = None;
            state.present.link = if other {
                LinkStatus::Other
            } else {
                LinkStatus::Waiting
            };
            Effect::None
        }
        Action::SetWatchers(n) => {
            if let Session::Presenter { .. } = state.session {
                state.session = Session::Presenter { watchers: n };
            }
            Effect::None
        }
        other => {
            // An attendee who navigates stops following; `f` brings them back.
            if state.session == (Session::Attendee { following: true }) && moves_view(other) {
                state.session = Session::Attendee { following: false };
            }
            match state.mode {
                Mode::Help(base) => update_help(state, base, other),
                Mode::Search(base) => search::update_search(state, base, other),
                Mode::Links(base) => {
                    let effect = links::update_links(state, base, other);
                    return finish(state, effect);
                }
                Mode::Reading | Mode::Zoom => {
                    update_panes(state, other);
                    if is_line_scroll(other) {
                        // The scroll stopped at the pane's ends (scroll::forward and backward
                        // keep it in bounds) and moved nothing else, so every index is as
                        // the last action left it, in bounds: nothing to bring back. Most
                        // keys are these, and bounds ask every pane's layout again.
                        return Effect::None;
                    }
                }
                Mode::Present => present::update_present(state, other),
                Mode::Overview => present::update_overview(state, other),
                Mode::PresenterView => present::update_presenter_view(state, other),
                Mode::Quit => {}
            }
            Effect::None
        }
    };
    finish(state, effect)
}

fn finish(state: &mut State, effect: Effect) -> Effect {
    normalize(state);
    effect
}

/// True for the actions that scroll the focused pane by lines, and do nothing else.
fn is_line_scroll(action: Action) -> bool {
    matches!(
        action,
        Action::ScrollDown
            | Action::ScrollUp
            | Action::PageDown
            | Action::PageUp
            | Action::HalfPageDown
            | Action::HalfPageUp
    )
}

/// True for actions that change what part of the briefing is shown.
fn moves_view(action: Action) -> bool {
    !matches!(
        action,
        Action::ToggleHelp
            | Action::StartSearch
            | Action::SearchInput(_)
            | Action::SearchBackspace
            | Action::SearchCancel
            | Action::Quit
            | Action::Resize(_)
            | Action::SetWatchers(_)
            | Action::FollowTo(_)
            | Action::ToggleFollow
            | Action::ToggleNotes
            | Action::Tick(_)
            | Action::ToggleOverview
            | Action::ToggleTimer
            | Action::SlideDigit(_)
            | Action::LinkLost { .. }
            | Action::Suspend
            | Action::Redraw
            | Action::CopyItem
            | Action::ToggleLinks
            | Action::OpenLink
            | Action::Edit
            | Action::ToggleMouse
            | Action::HistoryPrev
            | Action::HistoryNext
            | Action::ToggleRegex
    )
}

/// Takes the presenter's position; overlays this viewer has open stay open.
fn follow(state: &mut State, position: Position) {
    state.focus = position.focus;
    state.views = position.views;
    let base_mode: Mode = position.base.into();
    state.mode = match state.mode {
        Mode::Help(_) => Mode::Help(position.base),
        // A search or the links list cannot go on over slides.
        Mode::Search(_) | Mode::Links(_) if position.base == Base::Present => Mode::Present,
        Mode::Links(_) => Mode::Links(position.base),
        Mode::Search(_) => Mode::Search(position.base),
        Mode::Overview if position.base == Base::Present => Mode::Overview,
        Mode::PresenterView => Mode::PresenterView,
        Mode::Quit => Mode::Quit,
        _ => base_mode,
    };
    present::follow_slide(state, position);
}

fn geo(state: &State, pane: Pane) -> Geometry {
    pane_geometry(state, pane)
}

fn scroll_pane(state: &mut State, pane: Pane, down: bool, lines: usize) {
    let g = geo(state, pane);
    let v = state.view(pane);
    state.views[pane.index()] = if down {
        scroll::forward(&state.content, pane, g, v, lines)
    } else {
        scroll::backward(&state.content, pane, g, v, lines)
    };
}

fn page(state: &State, pane: Pane) -> usize {
    usize::from(geo(state, pane).height.saturating_sub(1)).max(1)
}

fn update_panes(state: &mut State, action: Action) {
    let focus = state.focus;
    match action {
        Action::NextPane => state.focus = focus.next(),
        Action::PrevPane => state.focus = focus.prev(),
        Action::FocusPane(p) => state.focus = p,
        Action::ScrollDown => scroll_pane(state, focus, true, 1),
        Action::ScrollUp => scroll_pane(state, focus, false, 1),
        Action::PageDown => scroll_pane(state, focus, true, page(state, focus)),
        Action::PageUp => scroll_pane(state, focus, false, page(state, focus)),
        Action::HalfPageDown => scroll_pane(state, focus, true, page(state, focus).div_ceil(2)),
        Action::HalfPageUp => scroll_pane(state, focus, false, page(state, focus).div_ceil(2)),
        Action::Top => state.views[focus.index()] = PaneView::default(),
        Action::Bottom => {
            state.views[focus.index()] = scroll::max_top(&state.content, focus, geo(state, focus));
        }
        Action::NextItem => {
            let v = state.view(focus);
            state.views[focus.index()] = PaneView {
                item: v.item + 1,
                line: 0,
            };
        }
        Action::PrevItem => {
            let v = state.view(focus);
            let item = if v.line > 0 {
                v.item
            } else {
                v.item.saturating_sub(1)
            };
            state.views[focus.index()] = PaneView { item, line: 0 };
        }
        Action::ToggleZoom => {
            state.mode = if state.mode == Mode::Zoom {
                Mode::Reading
            } else {
                Mode::Zoom
            };
        }
        Action::Back => {
            if state.mode == Mode::Zoom {
                state.mode = Mode::Reading;
            } else {
                state.search = state.search.cleared();
            }
        }
        Action::StartSearch => {
            state.search = state.search.cleared();
            state.search_origin = Some((state.focus, state.views));
            state.mode = Mode::Search(state.mode.base());
        }
        Action::NextMatch => search::step_match(state, true),
        Action::PrevMatch => search::step_match(state, false),
        Action::ToggleHelp => {
            state.help_scroll = 0;
            state.mode = Mode::Help(state.mode.base());
        }
        Action::EnterPresentation => present::enter(state),
        Action::ToggleLinks => {
            if state.content.links().is_empty() {
                state.note = Some(state.lang().labels().daily.no_links.to_string());
            } else {
                state.mode = Mode::Links(state.mode.base());
            }
        }
        Action::Click { x, y } => match screen::hit(state, x, y) {
            Hit::Pane(p) | Hit::Tab(p) => state.focus = p,
            Hit::Nothing => {}
        },
        Action::Wheel { x, y, down } => {
            if let Hit::Pane(p) = screen::hit(state, x, y) {
                scroll_pane(state, p, down, WHEEL_LINES);
            }
        }
        Action::SearchInput(_)
        | Action::SearchBackspace
        | Action::SearchSubmit
        | Action::SearchCancel
        | Action::Quit
        | Action::Resize(_)
        | Action::FollowTo(_)
        | Action::ToggleFollow
        | Action::ToggleNotes
        | Action::SetWatchers(_)
        | Action::Tick(_)
        | Action::LeavePresentation
        | Action::NextSlide
        | Action::PrevSlide
        | Action::FirstSlide
        | Action::LastSlide
        | Action::SlideDigit(_)
        | Action::GoToNumber
        | Action::ToggleOverview
        | Action::PickSlide
        | Action::ToggleTimer
        | Action::ToggleBlank
        | Action::Suspend
        | Action::Redraw
        | Action::OpenPresenterView
        | Action::LinkLost { .. }
        | Action::CopyItem
        | Action::OpenLink
        | Action::Edit
        | Action::ToggleMouse
        | Action::HistoryPrev
        | Action::HistoryNext
        | Action::ToggleRegex
        // A library's own; the reader has none of them.
        | Action::OpenSelected
        | Action::NextSort
        | Action::ToggleFacets
        | Action::ToggleMatches => {}
    }
}

fn update_help(state: &mut State, base: Base, action: Action) {
    let rows = help_rows_visible(state);
    let max = help_lines(state.lang()).len().saturating_sub(rows);
    let s = state.help_scroll;
    state.help_scroll = match action {
        Action::ScrollDown => s + 1,
        Action::ScrollUp => s.saturating_sub(1),
        Action::PageDown | Action::HalfPageDown => s + rows.max(2) - 1,
        Action::PageUp | Action::HalfPageUp => s.saturating_sub(rows.max(2) - 1),
        Action::Top => 0,
        Action::Bottom => max,
        Action::Wheel { down, .. } => {
            if down {
                s + WHEEL_LINES
            } else {
                s.saturating_sub(WHEEL_LINES)
            }
        }
        _ => s,
    }
    .min(max);
    match action {
        Action::ToggleHelp | Action::Back => state.mode = base.into(),
        Action::Click { x, y } => {
            let r = screen::help_rect(state.size, state.lang());
            if x < r.x || x >= r.right() || y < r.y || y >= r.bottom() {
                state.mode = base.into();
            }
        }
        _ => {}
    }
}

/// Rows of help text the overlay shows at once (inside its border).
pub fn help_rows_visible(state: &State) -> usize {
    usize::from(
        screen::help_rect(state.size, state.lang())
            .height
            .saturating_sub(3),
    )
}

/// Brings every index back within bounds for the current size and mode.
pub fn normalize(state: &mut State) {
    let geometries = crate::app::screen::pane_geometries(state);
    for (pane, g) in Pane::ALL.into_iter().zip(geometries) {
        let v = state.view(pane);
        // The top of a pane is in bounds whatever its size: nothing to wrap for it.
        if v != PaneView::default() {
            state.views[pane.index()] = scroll::clamp(&state.content, pane, g, v);
        }
    }
    if let Some(c) = state.search.current
        && c >= state.search.matches.len()
    {
        state.search.current = None;
    }
    state.link = state
        .link
        .min(state.content.links().len().saturating_sub(1));
    if matches!(state.mode, Mode::Help(_)) {
        let max = help_lines(state.lang())
            .len()
            .saturating_sub(help_rows_visible(state));
        state.help_scroll = state.help_scroll.min(max);
    }
    if state.mode.base() == Base::Present {
        let content = std::sync::Arc::clone(&state.content);
        let size = state.deck_size();
        state.present.layout(&content, size);
    }
    if state.mode == Mode::PresenterView {
        let max = crate::app::notes::max_notes_scroll(state);
        state.present.notes_scroll = state.present.notes_scroll.min(max);
    }
}

#[cfg(test)]
mod tests {
    use super::search::{is_visible, line_of_match};
    use super::*;
    use crate::app::key::parse_keys;
    use crate::app::keymap::resolve;
    use crate::app::state::Size;
    use crate::model::Lang;

    fn state(w: u16, h: u16) -> State {
        State::new(crate::model::bundled().unwrap(), Lang::Fr, Size::new(w, h))
    }

    fn press(state: &mut State, keys: &str) {
        for key in parse_keys(keys).unwrap() {
            super::press(state, key);
        }
    }

    #[test]
    fn a_line_scroll_leaves_nothing_for_normalize_to_bring_back() {
        let scrolls = [
            Action::ScrollDown,
            Action::ScrollUp,
            Action::PageDown,
            Action::PageUp,
            Action::HalfPageDown,
            Action::HalfPageUp,
        ];
        let mut checked = 0;
        for (w, h) in [(200, 60), (80, 24), (40, 12), (30, 8)] {
            for setup in ["", "1", "2", "3", "4", "z", "2z", "3<End>", "4G"] {
                let mut s = state(w, h);
                press(&mut s, setup);
                for i in 0..90usize {
                    let action = scrolls[(i * 7 + i / 5) % scrolls.len()];
                    update(&mut s, action);
                    let mut normalized = s.clone();
                    normalize(&mut normalized);
                    assert_eq!(s, normalized, "{action:?} after {setup:?} at {w}x{h}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 3000, "{checked}");
    }

    #[test]
    fn tab_cycles_panes_and_wraps() {
        let mut s = state(100, 30);
        press(&mut s, "<Tab><Tab><Tab>");
        assert_eq!(s.focus, Pane::Threats);
        press(&mut s, "<Tab>");
        assert_eq!(s.focus, Pane::Summary);
        press(&mut s, "<S-Tab>");
        assert_eq!(s.focus, Pane::Threats);
    }

    #[test]
    fn enter_zooms_and_esc_unzooms() {
        let mut s = state(80, 24);
        press(&mut s, "2<Enter>");
        assert_eq!((s.mode, s.focus), (Mode::Zoom, Pane::Quotes));
        press(&mut s, "<Esc>");
        assert_eq!(s.mode, Mode::Reading);
    }

    #[test]
    fn search_finds_interpol_in_several_panes_and_n_moves_across() {
        let mut s = state(100, 30);
        press(&mut s, "/INTERPOL<Enter>");
        assert_eq!(s.mode, Mode::Reading);
        let panes: std::collections::HashSet<Pane> =
            s.search.matches.iter().map(|m| m.pane).collect();
        assert!(panes.len() >= 3, "{panes:?}");
        let first = s.search.current.unwrap();
        press(&mut s, "n");
        assert_eq!(s.search.current, Some(first + 1));
        press(&mut s, "N");
        assert_eq!(s.search.current, Some(first));
    }

    #[test]
    fn search_cancel_restores_position() {
        let mut s = state(80, 24);
        press(&mut s, "2jj");
        let before = (s.focus, s.views);
        press(&mut s, "/terroristes");
        assert!(!s.search.matches.is_empty());
        press(&mut s, "<Esc>");
        assert_eq!((s.focus, s.views), before);
        assert!(s.search.matches.is_empty());
    }

    #[test]
    fn next_match_scrolls_a_hidden_match_into_view() {
        let mut s = state(40, 12);
        press(&mut s, "/INTERPOL<Enter>nn");
        let m = s.search.matches[s.search.current.unwrap()];
        let g = geo(&s, m.pane);
        let line = line_of_match(&s, m, g.width);
        assert!(is_visible(
            &s,
            m.pane,
            g,
            s.view(m.pane),
            PaneView { item: m.item, line }
        ));
        assert_ne!(
            s.view(m.pane),
            PaneView::default(),
            "the third match is below the first screen"
        );
    }

    #[test]
    fn n_toggles_the_notes_only_for_a_presenter_presenting() {
        let mut s = state(100, 30);
        s.session = Session::Presenter { watchers: 0 };
        let n = || crate::app::parse_keys("n").unwrap()[0];
        press(&mut s, "p");
        assert_eq!(super::press(&mut s, n()), Effect::ToggleNotes);
        assert_eq!(s.mode, Mode::Present, "the slides go on under the notes");
        let mut attendee = state(100, 30);
        attendee.session = Session::Attendee { following: true };
        press(&mut attendee, "p");
        assert_eq!(super::press(&mut attendee, n()), Effect::None);
    }

    #[test]
    fn attendee_follows_until_they_navigate_then_f_brings_them_back() {
        let mut presenter = state(100, 30);
        let mut attendee = state(60, 20);
        attendee.session = Session::Attendee { following: true };
        press(&mut presenter, "2<Enter>jj");
        update(&mut attendee, Action::FollowTo(presenter.position()));
        assert_eq!((attendee.mode, attendee.focus), (Mode::Zoom, Pane::Quotes));
        press(&mut attendee, "<Tab>");
        assert_eq!(attendee.session, Session::Attendee { following: false });
        press(&mut presenter, "4");
        update(&mut attendee, Action::FollowTo(presenter.position()));
        assert_eq!(
            attendee.focus,
            Pane::Areas,
            "browsing ignores the presenter"
        );
        press(&mut attendee, "f");
        assert_eq!(attendee.session, Session::Attendee { following: true });
    }

    #[test]
    fn open_presenter_view_follows_the_presenter_and_keys_do_not_stop_it() {
        let mut presenter = state(100, 30);
        press(&mut presenter, "3p");
        let mut view = state(80, 20);
        update(&mut view, Action::OpenPresenterView);
        assert_eq!(
            (view.mode, view.session),
            (Mode::PresenterView, Session::PresenterView)
        );
        assert!(
            !view.present.deck.is_empty(),
            "the deck is laid out at once"
        );
        update(&mut view, Action::FollowTo(presenter.position()));
        assert_eq!(view.present.link, LinkStatus::Live);
        assert_eq!(view.present.index, presenter.present.index);
        for action in [Action::NextSlide, Action::ToggleFollow, Action::ScrollDown] {
            update(&mut view, action);
        }
        press(&mut presenter, "l");
        update(&mut view, Action::FollowTo(presenter.position()));
        assert_eq!(
            (view.mode, view.session, view.present.index),
            (
                Mode::PresenterView,
                Session::PresenterView,
                presenter.present.index
            )
        );
        view.check_invariants().unwrap();
    }

    #[test]
    fn local_reader_ignores_follow_actions() {
        let mut s = state(80, 24);
        let mut other = s.position();
        other.focus = Pane::Threats;
        update(&mut s, Action::FollowTo(other));
        update(&mut s, Action::ToggleFollow);
        assert_eq!((s.focus, s.session), (Pane::Summary, Session::Local));
    }

    #[test]
    fn help_opens_scrolls_and_closes() {
        let mut s = state(40, 12);
        press(&mut s, "?jjj");
        assert_eq!(s.mode, Mode::Help(Base::Reading));
        assert_eq!(s.help_scroll, 3);
        press(&mut s, "G");
        let max = s.help_scroll;
        press(&mut s, "j");
        assert_eq!(s.help_scroll, max);
        press(&mut s, "<Esc>");
        assert_eq!(s.mode, Mode::Reading);
    }

    #[test]
    fn ctrl_c_quits_while_typing_a_query() {
        let mut s = state(80, 24);
        press(&mut s, "/abc");
        let action = resolve(s.mode, crate::app::key::Key::Ctrl('c')).unwrap();
        let effect = update(&mut s, action);
        assert_eq!((effect, s.mode), (Effect::Quit, Mode::Quit));
    }

    #[test]
    fn bottom_then_top_in_quotes() {
        let mut s = state(80, 24);
        press(&mut s, "2G");
        assert_ne!(s.view(Pane::Quotes), PaneView::default());
        press(&mut s, "g");
        assert_eq!(s.view(Pane::Quotes), PaneView::default());
    }

    #[test]
    fn resize_to_tiny_and_back_keeps_invariants() {
        let mut s = state(120, 40);
        press(&mut s, "2GG");
        for (w, h) in [(1, 1), (0, 0), (20, 6), (300, 100), (80, 24)] {
            update(&mut s, Action::Resize(Size::new(w, h)));
            s.check_invariants().unwrap();
        }
    }
}
