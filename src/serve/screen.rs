//! What an attendee's terminal shows, and the bytes that bring it up to date: the only way
//! bytes of a frame reach a client, so the frame kept here is what the client's screen shows.

use bytes::Bytes;
use crossterm::cursor::{Hide, Show};
use crossterm::queue;
use crossterm::style::ResetColor;
use crossterm::terminal::{Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen};

use crate::app::Size;
use crate::serve::frames::{Frame, Frames};

/// What the client's terminal shows, and the bytes that bring it up to date. Every byte for a
/// session goes through here, so the frame it keeps is what the client's screen shows (P9).
/// Frames come from the shared [`Frames`] when the attendee follows with nothing else open.
pub(crate) struct Screen {
    shown: Frame,
    /// Bytes to send before the next update: entering the alternate screen, a clear.
    prefix: Vec<u8>,
}

impl Screen {
    pub(crate) fn new(size: Size, frames: &Frames) -> std::io::Result<Screen> {
        let mut prefix = Vec::new();
        // Alternate screen and no cursor for the whole session.
        queue!(
            prefix,
            EnterAlternateScreen,
            Hide,
            ResetColor,
            Clear(ClearType::All)
        )?;
        Ok(Screen {
            shown: frames.blank(size),
            prefix,
        })
    }

    /// The client's terminal has a new size: it is cleared, and the next frame drawn whole.
    pub(crate) fn resize(&mut self, size: Size, frames: &Frames) -> std::io::Result<()> {
        queue!(self.prefix, ResetColor, Clear(ClearType::All))?;
        self.shown = frames.blank(size);
        Ok(())
    }

    /// Sends `bytes` (an OSC 52 copy) before the next frame's.
    pub(crate) fn say(&mut self, bytes: &[u8]) {
        self.prefix.extend_from_slice(bytes);
    }

    /// The bytes that bring the client's screen from what it shows to `next`.
    pub(crate) fn update(&mut self, next: Frame, frames: &Frames) -> Bytes {
        let bytes = frames.update(&self.shown, &next);
        self.shown = next;
        if self.prefix.is_empty() {
            bytes
        } else {
            let mut out = std::mem::take(&mut self.prefix);
            out.extend_from_slice(&bytes);
            Bytes::from(out)
        }
    }

    /// The bytes that give the client its screen back.
    pub(crate) fn goodbye(&mut self) -> Vec<u8> {
        let mut out = std::mem::take(&mut self.prefix);
        let _ = queue!(out, LeaveAlternateScreen, Show);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{Action, Pane, Session, State, update};
    use crate::model::Lang;

    fn attendee() -> State {
        let mut s = State::new(
            crate::model::bundled().unwrap(),
            Lang::Fr,
            Size::new(80, 24),
        );
        s.session = Session::Attendee { following: true };
        s
    }

    #[test]
    fn screen_enters_the_alternate_screen_and_goodbye_leaves_it() {
        let frames = Frames::new(attendee(), crate::ui::Theme::new(true));
        let size = Size::new(40, 12);
        let mut screen = Screen::new(size, &frames).unwrap();
        let first = screen.update(frames.own(&attendee_at(size)), &frames);
        let text = String::from_utf8_lossy(&first);
        assert!(text.starts_with("\x1b[?1049h\x1b[?25l"), "{text:?}");
        let bye = String::from_utf8_lossy(&screen.goodbye()).to_string();
        assert_eq!(bye, "\x1b[?1049l\x1b[?25h");
    }

    #[test]
    fn screen_of_followers_at_one_size_shares_the_update_bytes() {
        let frames = Frames::new(attendee(), crate::ui::Theme::new(true));
        let size = Size::new(80, 24);
        let position = attendee().position();
        let (mut a, mut b) = (
            Screen::new(size, &frames).unwrap(),
            Screen::new(size, &frames).unwrap(),
        );
        let _ = (
            a.update(frames.following(size, position), &frames),
            b.update(frames.following(size, position), &frames),
        );
        let mut presenter = attendee();
        presenter.session = Session::Presenter { watchers: 2 };
        update(&mut presenter, Action::FocusPane(Pane::Threats));
        let next = presenter.position();
        let (to_a, to_b) = (
            a.update(frames.following(size, next), &frames),
            b.update(frames.following(size, next), &frames),
        );
        assert!(!to_a.is_empty());
        assert_eq!(to_a.as_ptr(), to_b.as_ptr(), "encoded once, sent to both");
    }

    fn attendee_at(size: Size) -> State {
        let mut s = attendee();
        update(&mut s, Action::Resize(size));
        s
    }
}
