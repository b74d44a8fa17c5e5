//! Frames shared between attendees. Attendees who follow the presenter at the same size see the
//! same frame: it is rendered once per (size, position), and the bytes that turn one frame into
//! the next are encoded once per (previous frame, new frame) pair and sent to every attendee
//! who showed the first (`Bytes` clones share one allocation). A slide change then costs a
//! render per size in use plus one write per attendee, not a render and a diff each.
//!
//! Whoever needs a frame first renders it, under the cache's lock; the others wait for it
//! rather than render it again. The cache keeps what the current position needs: older frames
//! and updates are dropped once it grows, and a session keeps the frame it shows alive itself.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use bytes::Bytes;
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::content::Content;
use crate::app::{Action, Position, Size, State, update};
use crate::ui::{self, Theme};

/// Past this many rendered frames, only those at the newest position are kept.
const MAX_FRAMES: usize = 32;
/// Past this many encoded updates, they are all dropped (the next ones are encoded again).
const MAX_UPDATES: usize = 256;
/// Past this many sizes, the per-size states and blank frames are dropped.
const MAX_SIZES: usize = 64;

/// A screenful as a client's terminal shows it; `id` 0 for a frame nobody else shares.
#[derive(Debug, Clone)]
pub(crate) struct Frame {
    id: u64,
    buffer: Arc<Buffer>,
}

impl Frame {
    /// A frame of this session's own (browsing, an overlay, the presenter): never shared.
    pub(crate) fn own(buffer: Buffer) -> Frame {
        Frame {
            id: 0,
            buffer: Arc::new(buffer),
        }
    }

    /// The frame's size.
    pub(crate) fn size(&self) -> Size {
        Size::new(self.buffer.area.width, self.buffer.area.height)
    }
}

/// The frames and updates shared by every session of a server.
pub(crate) struct Frames {
    theme: Theme,
    inner: Mutex<Inner>,
}

struct Inner {
    /// An attendee's starting state: the briefing (its latest version), following.
    template: State,
    next_id: u64,
    /// The template at each size (its slides laid out once per size).
    bases: HashMap<Size, State>,
    blanks: HashMap<Size, Frame>,
    rendered: HashMap<(Size, Position), Frame>,
    updates: HashMap<(u64, u64), Bytes>,
}

impl Inner {
    fn new_id(&mut self) -> u64 {
        self.next_id += 1;
        self.next_id
    }

    fn base(&mut self, size: Size) -> &State {
        if self.bases.len() >= MAX_SIZES && !self.bases.contains_key(&size) {
            self.bases.clear();
        }
        let template = &self.template;
        self.bases.entry(size).or_insert_with(|| {
            let mut s = template.clone();
            update(&mut s, Action::Resize(size));
            s
        })
    }
}

impl Frames {
    /// Frames of `template` (an attendee's starting state) drawn with `theme`.
    pub(crate) fn new(template: State, theme: Theme) -> Frames {
        Frames {
            theme,
            inner: Mutex::new(Inner {
                template,
                next_id: 0,
                bases: HashMap::new(),
                blanks: HashMap::new(),
                rendered: HashMap::new(),
                updates: HashMap::new(),
            }),
        }
    }

    /// The presenter's file was reloaded: frames from now on show `content`, its `revision`.
    pub(crate) fn reload(&self, content: Arc<Content>, revision: u32) {
        let mut inner = self.lock();
        crate::app::take_content(&mut inner.template, content, revision);
        inner.bases.clear();
        inner.rendered.clear();
    }

    /// The briefing frames show now, and its revision.
    pub(crate) fn content(&self) -> (Arc<Content>, u32) {
        let inner = self.lock();
        (Arc::clone(&inner.template.content), inner.template.revision)
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        // Nothing in the cache is left half-changed by a panic: use it anyway.
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The state of an attendee who follows the presenter at `size` and has pressed nothing:
    /// what [`Frames::following`] draws.
    pub(crate) fn canonical(&self, size: Size, position: Position) -> State {
        let mut state = self.lock().base(size).clone();
        update(&mut state, Action::FollowTo(position));
        state
    }

    /// An empty screen of `size`, as a terminal shows after a clear.
    pub(crate) fn blank(&self, size: Size) -> Frame {
        let mut inner = self.lock();
        if let Some(frame) = inner.blanks.get(&size) {
            return frame.clone();
        }
        if inner.blanks.len() >= MAX_SIZES {
            inner.blanks.clear();
        }
        let frame = Frame {
            id: inner.new_id(),
            buffer: Arc::new(Buffer::empty(rect(size))),
        };
        inner.blanks.insert(size, frame.clone());
        frame
    }

    /// The frame of an attendee following the presenter at `position`, at `size`; rendered by
    /// the first who asks.
    pub(crate) fn following(&self, size: Size, position: Position) -> Frame {
        let mut inner = self.lock();
        if let Some(frame) = inner.rendered.get(&(size, position)) {
            return frame.clone();
        }
        if inner.rendered.len() >= MAX_FRAMES {
            inner.rendered.retain(|(_, p), _| *p == position);
            if inner.rendered.len() >= MAX_FRAMES {
                inner.rendered.clear();
            }
        }
        let mut state = inner.base(size).clone();
        update(&mut state, Action::FollowTo(position));
        let frame = Frame {
            id: inner.new_id(),
            buffer: Arc::new(render(&state, &self.theme)),
        };
        inner.rendered.insert((size, position), frame.clone());
        frame
    }

    /// A frame of this session's own for `state`.
    pub(crate) fn own(&self, state: &State) -> Frame {
        Frame::own(render(state, &self.theme))
    }

    /// The bytes that turn a screen showing `from` into `to` (same size); encoded once per
    /// pair of shared frames.
    pub(crate) fn update(&self, from: &Frame, to: &Frame) -> Bytes {
        if from.id == 0 || to.id == 0 {
            return encode(&from.buffer, &to.buffer);
        }
        let key = (from.id, to.id);
        if let Some(bytes) = self.lock().updates.get(&key) {
            return bytes.clone();
        }
        // Encoded outside the lock: two sessions may both encode the same pair the first
        // time, which costs less than making every other session wait.
        let bytes = encode(&from.buffer, &to.buffer);
        let mut inner = self.lock();
        if inner.updates.len() >= MAX_UPDATES {
            inner.updates.clear();
        }
        inner.updates.insert(key, bytes.clone());
        bytes
    }
}

fn rect(size: Size) -> Rect {
    Rect::new(0, 0, size.width, size.height)
}

/// `state` drawn on a buffer of its size.
fn render(state: &State, theme: &Theme) -> Buffer {
    let mut buffer = Buffer::empty(rect(state.size));
    ui::render(state, theme, &mut buffer);
    buffer
}

/// The terminal output that turns `from` into `to`: the changed cells only, each run of them
/// after one cursor move, styles reset at the end; empty when nothing changed. A frame of
/// another size is drawn whole over `from` (the caller has cleared the screen).
pub(crate) fn encode(from: &Buffer, to: &Buffer) -> Bytes {
    let blank;
    let from = if from.area == to.area {
        from
    } else {
        blank = Buffer::empty(to.area);
        &blank
    };
    let cells = from.diff(to);
    if cells.is_empty() {
        return Bytes::new();
    }
    let mut out = Vec::with_capacity(cells.len() * 4);
    // Writing to a Vec cannot fail.
    let _ = CrosstermBackend::new(&mut out).draw(cells.into_iter());
    Bytes::from(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{Pane, Session};
    use crate::model::Lang;

    fn frames() -> Frames {
        let mut s = State::new(
            crate::model::bundled().unwrap(),
            Lang::Fr,
            Size::new(80, 24),
        );
        s.session = Session::Attendee { following: true };
        Frames::new(s, Theme::new(false))
    }

    fn presenter_at(pane: Pane) -> Position {
        let mut s = State::new(
            crate::model::bundled().unwrap(),
            Lang::Fr,
            Size::new(100, 30),
        );
        update(&mut s, Action::FocusPane(pane));
        s.position()
    }

    #[test]
    fn following_renders_once_per_size_and_position() {
        let f = frames();
        let (a, b) = (presenter_at(Pane::Quotes), presenter_at(Pane::Threats));
        let small = Size::new(80, 24);
        let one = f.following(small, a);
        let again = f.following(small, a);
        assert!(Arc::ptr_eq(&one.buffer, &again.buffer), "rendered once");
        let other = f.following(small, b);
        assert_ne!(one.id, other.id);
        let wide = f.following(Size::new(120, 40), a);
        assert_eq!(wide.size(), Size::new(120, 40));
        // What it draws is what an attendee's own state draws.
        let own = f.own(&f.canonical(small, b));
        assert_eq!(*own.buffer, *other.buffer);
    }

    #[test]
    fn update_is_encoded_once_per_pair_and_replays_to_the_same_screen() {
        let f = frames();
        let small = Size::new(80, 24);
        let blank = f.blank(small);
        let (a, b) = (
            f.following(small, presenter_at(Pane::Quotes)),
            f.following(small, presenter_at(Pane::Threats)),
        );
        let first = f.update(&blank, &a);
        let shared = f.update(&blank, &a);
        assert_eq!(
            first.as_ptr(),
            shared.as_ptr(),
            "one allocation for everyone"
        );
        let next = f.update(&a, &b);
        assert!(next.len() < first.len(), "only the changed cells");
        assert!(f.update(&b, &b).is_empty(), "nothing changed, nothing sent");
        let mut screen = vt100::Parser::new(
            std::num::NonZeroU16::new(24).unwrap(),
            std::num::NonZeroU16::new(80).unwrap(),
            0,
        );
        screen.process(&first);
        screen.process(&next);
        let want = ui::export::to_text(&b.buffer);
        let got: Vec<String> = screen
            .screen()
            .rows(0, 80)
            .map(|l| l.trim_end().to_string())
            .collect();
        let want: Vec<String> = want.lines().map(|l| l.trim_end().to_string()).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn caches_stay_bounded() {
        let f = frames();
        let pos = presenter_at(Pane::Quotes);
        for w in 20..(20 + 2 * MAX_FRAMES as u16) {
            let frame = f.following(Size::new(w, 10), pos);
            let blank = f.blank(Size::new(w, 10));
            f.update(&blank, &frame);
        }
        let inner = f.lock();
        assert!(inner.rendered.len() <= MAX_FRAMES);
        assert!(inner.bases.len() <= MAX_SIZES);
        assert!(inner.updates.len() <= MAX_UPDATES);
    }
}
