//! An attendee's (or a presenter's) keys applied to their own state, within limits: a flood of
//! keys or an endless query costs the server no more than a typist would. Pure.

use tokio::sync::watch;

use crate::app::{Action, Effect, Key, Mode, Position, Session as Viewer, State, update};

/// The most keys acted on from one packet; the rest of a flood is dropped.
const MAX_KEYS_PER_PACKET: usize = 256;
/// The longest search query an attendee may type.
pub(crate) const MAX_QUERY_CHARS: usize = 200;

/// What a presenter sees with the notes on: the presenter view (current and next slide, the
/// section's notes, the timer) of where they are.
pub(crate) fn presenter_view(template: &State, state: &State) -> State {
    let mut view = template.clone();
    // The presenter's version of the briefing, reloaded or not.
    view.content = std::sync::Arc::clone(&state.content);
    view.revision = state.revision;
    update(&mut view, Action::Resize(state.size));
    update(&mut view, Action::OpenPresenterView);
    update(&mut view, Action::Tick(state.now_ms));
    update(&mut view, Action::FollowTo(state.position()));
    view
}

pub(crate) fn is_following(state: &State) -> bool {
    state.session == (Viewer::Attendee { following: true })
}

/// Applies an attendee's (or a presenter's) keys to their own state. Returns `None` when nothing
/// changed, `Some(Effect::Quit)` when they quit, `Some(Effect::ToggleNotes)` when the notes view
/// is to be switched. What `y` copied last is put in `copied`, for the client's own clipboard;
/// opening a link or the editor is never done for a session (the update already refuses it to
/// an attendee, and a presenter over SSH has no opener on this machine either).
pub(crate) fn apply_keys(
    state: &mut State,
    keys: &[Key],
    position: &watch::Receiver<Position>,
    copied: &mut Option<String>,
) -> Option<Effect> {
    let mut acted = false;
    let mut toggles_notes = false;
    let keymap = std::sync::Arc::clone(&state.keymap);
    for key in keys
        .iter()
        .take(MAX_KEYS_PER_PACKET)
        .flat_map(|k| keymap.keys_of(*k))
    {
        let Some(action) = keymap.resolve(state.mode, key) else {
            continue;
        };
        if let (Action::SearchInput(_), Mode::Search(_)) = (action, state.mode)
            && state.search.query.chars().count() >= MAX_QUERY_CHARS
        {
            continue;
        }
        let was_following = is_following(state);
        acted = true;
        match update(state, action) {
            Effect::Quit => return Some(Effect::Quit),
            Effect::ToggleNotes => toggles_notes = !toggles_notes,
            Effect::Copy => *copied = crate::app::copy::copied(state).map(|c| c.text),
            // A session has no process of its own to stop, and every frame it gets is whole
            // from its last one: suspending and redrawing are the local terminal's. The
            // server's machine is not the client's: nothing is opened or edited here, and the
            // mouse is the client terminal's (never captured).
            Effect::Suspend
            | Effect::Redraw
            | Effect::None
            | Effect::OpenLink(_)
            | Effect::Edit
            | Effect::Mouse(_) => {}
        }
        if !was_following && is_following(state) {
            // Back to following: jump to where the presenter is now.
            update(state, Action::FollowTo(*position.borrow()));
        }
    }
    acted.then_some(if toggles_notes {
        Effect::ToggleNotes
    } else {
        Effect::None
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Size;
    use crate::app::{Pane, parse_keys};
    use crate::model::Lang;

    fn attendee() -> State {
        let mut s = State::new(
            crate::model::bundled().unwrap(),
            Lang::Fr,
            Size::new(80, 24),
        );
        s.session = Viewer::Attendee { following: true };
        s
    }

    #[test]
    fn apply_keys_f_after_browsing_jumps_to_the_presenter() {
        let mut presenter = attendee();
        presenter.session = Viewer::Presenter { watchers: 1 };
        update(&mut presenter, Action::FocusPane(Pane::Threats));
        let (_tx, rx) = watch::channel(presenter.position());
        let mut s = attendee();
        apply_keys(&mut s, &parse_keys("2").unwrap(), &rx, &mut None);
        assert_eq!(
            (s.focus, s.session),
            (Pane::Quotes, Viewer::Attendee { following: false })
        );
        apply_keys(&mut s, &parse_keys("f").unwrap(), &rx, &mut None);
        assert_eq!(
            (s.focus, s.session),
            (Pane::Threats, Viewer::Attendee { following: true })
        );
    }

    #[test]
    fn apply_keys_caps_the_search_query() {
        let (_tx, rx) = watch::channel(attendee().position());
        let mut s = attendee();
        let keys: Vec<Key> = std::iter::once(Key::Char('/'))
            .chain(std::iter::repeat_n(Key::Char('a'), 250))
            .collect();
        apply_keys(&mut s, &keys, &rx, &mut None);
        assert_eq!(s.search.query.chars().count(), MAX_QUERY_CHARS);
    }

    #[test]
    fn apply_keys_quit_says_quit_and_unknown_keys_change_nothing() {
        let (_tx, rx) = watch::channel(attendee().position());
        let mut s = attendee();
        assert_eq!(apply_keys(&mut s, &[Key::F(9)], &rx, &mut None), None);
        assert_eq!(
            apply_keys(&mut s, &[Key::Ctrl('c')], &rx, &mut None),
            Some(Effect::Quit)
        );
    }
}
