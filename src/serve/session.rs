//! One attendee's view: a task that owns the attendee's [`State`] and a ratatui `Terminal` whose
//! backend writes into memory, and that sends the bytes of each frame to the client.
//!
//! The task waits on input, resizes, the presenter's position and shutdown at once. It renders
//! only when the previous frame has left: while a slow client drains, changes pile up in the
//! state, not in a queue, and the next frame shows the latest of them. A frame that cannot
//! leave within the stall limit ends the session. Nothing the attendee does reaches anyone
//! else: their keys only drive their own state.

use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use crossterm::cursor::{Hide, Show};
use crossterm::queue;
use crossterm::style::ResetColor;
use crossterm::terminal::{Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen};
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use russh::server::Handle;
use russh::{ChannelId, Disconnect};
use tokio::sync::{mpsc, watch};
use tokio::time::{Instant, sleep, sleep_until, timeout};

use crate::app::keymap::{keys_of, resolve};
use crate::app::{Action, Effect, Key, Mode, Session as Viewer, Size, State, update};
use crate::serve::input::InputParser;
use crate::serve::server::Shared;
use crate::ui;

/// How long a lone Esc (or half a sequence) waits for the rest before it counts as typed.
const ESC_WAIT: Duration = Duration::from_millis(40);
/// The most keys acted on from one packet; the rest of a flood is dropped.
const MAX_KEYS_PER_PACKET: usize = 256;
/// The longest search query an attendee may type.
const MAX_QUERY_CHARS: usize = 200;
/// How long the goodbye (restore the screen, exit status, close) may take.
const GOODBYE: Duration = Duration::from_secs(2);
/// How long a client may keep the connection after its session ended.
const LINGER: Duration = Duration::from_secs(5);

/// The session task's feed from its connection: input bytes and the terminal size.
pub(crate) struct Feed {
    /// Input packets from the client; closed when the client sends EOF or goes.
    pub(crate) input: mpsc::Receiver<Vec<u8>>,
    /// The client's terminal size, already clamped.
    pub(crate) size: watch::Receiver<Size>,
}

/// Why a session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum End {
    /// The attendee quit (q, Ctrl-C).
    Quit,
    /// The client closed its input or went away.
    Gone,
    /// The presenter ended the presentation.
    Shutdown,
    /// No key for too long.
    Idle,
    /// A frame could not leave in time.
    Stalled,
}

/// Starts the view task for one attendee, with a watchdog that disconnects the client if the
/// task dies.
pub(crate) fn spawn(shared: Arc<Shared>, handle: Handle, channel: ChannelId, id: u64, feed: Feed) {
    let size = *feed.size.borrow();
    let watch_handle = handle.clone();
    let log_shared = Arc::clone(&shared);
    let task = tokio::spawn(run(shared, handle, channel, id, feed, size));
    tokio::spawn(async move {
        if let Err(e) = task.await {
            if e.is_panic() {
                log_shared.stats.panics.fetch_add(1, Ordering::Relaxed);
            }
            log_shared.log.line(format_args!("#{id} view crashed"));
            let _ = watch_handle
                .disconnect(
                    Disconnect::ByApplication,
                    "internal error".into(),
                    String::new(),
                )
                .await;
        }
    });
}

/// Counts the attendee in for as long as the view runs.
struct Watching(Arc<Shared>);

impl Watching {
    fn new(shared: Arc<Shared>) -> Watching {
        shared.watchers.send_modify(|n| *n += 1);
        Watching(shared)
    }
}

impl Drop for Watching {
    fn drop(&mut self) {
        self.0.watchers.send_modify(|n| *n = n.saturating_sub(1));
    }
}

type Frame = Vec<u8>;
type Sending = Pin<Box<dyn Future<Output = Result<(), Send>> + std::marker::Send>>;

/// How sending a frame went wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Send {
    /// The session is gone.
    Closed,
    /// The frame did not leave within the stall limit.
    Stalled,
}

fn send_frame(handle: Handle, channel: ChannelId, frame: Frame, stall: Duration) -> Sending {
    Box::pin(async move {
        match timeout(stall, handle.data(channel, frame)).await {
            Ok(Ok(())) => Ok(()),
            Ok(Err(_)) => Err(Send::Closed),
            Err(_) => Err(Send::Stalled),
        }
    })
}

/// Where the backend writes: bytes kept until the frame is taken. Every byte for a session goes
/// through its one terminal, so ratatui's idea of the screen stays true (P9).
#[derive(Debug, Clone, Default)]
struct Sink(Arc<std::sync::Mutex<Vec<u8>>>);

impl Sink {
    fn take(&self) -> Frame {
        // A panic while writing cannot leave a byte buffer inconsistent: take it anyway.
        let mut bytes = self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        std::mem::take(&mut *bytes)
    }
}

impl std::io::Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut b = self
            .0
            .lock()
            .map_err(|_| std::io::Error::other("frame buffer poisoned"))?;
        b.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The attendee's terminal: ratatui drawing into a byte buffer at the client's size.
///
/// Only `draw` is used on the ratatui terminal: `clear` and `resize` ask the backend for the
/// cursor position and the size, which `CrosstermBackend` would read from the *server's* tty
/// (P1 in the notes). A resize builds a new terminal after a clear-screen instead, so the next
/// draw is a full one over a blank screen.
struct View {
    terminal: Terminal<CrosstermBackend<Sink>>,
    sink: Sink,
}

impl View {
    fn new(size: Size) -> std::io::Result<View> {
        let mut sink = Sink::default();
        // Alternate screen and no cursor for the whole session.
        queue!(sink, EnterAlternateScreen, Hide)?;
        let terminal = View::blank_terminal(&mut sink, size)?;
        Ok(View { terminal, sink })
    }

    fn blank_terminal(
        sink: &mut Sink,
        size: Size,
    ) -> std::io::Result<Terminal<CrosstermBackend<Sink>>> {
        queue!(sink, ResetColor, Clear(ClearType::All))?;
        Terminal::with_options(
            CrosstermBackend::new(sink.clone()),
            TerminalOptions {
                viewport: Viewport::Fixed(rect(size)),
            },
        )
    }

    fn resize(&mut self, size: Size) -> std::io::Result<()> {
        self.terminal = View::blank_terminal(&mut self.sink, size)?;
        Ok(())
    }

    /// Draws `state` and returns the bytes that bring the client's screen up to date.
    fn frame(&mut self, state: &State, theme: &ui::Theme) -> std::io::Result<Frame> {
        self.terminal
            .draw(|f| ui::render(state, theme, f.buffer_mut()))?;
        Ok(self.sink.take())
    }

    /// The bytes that give the client its screen back.
    fn goodbye(&mut self) -> Frame {
        let mut out = self.sink.take();
        let _ = queue!(out, LeaveAlternateScreen, Show);
        out
    }
}

fn rect(size: Size) -> Rect {
    Rect::new(0, 0, size.width, size.height)
}

/// The view task.
async fn run(
    shared: Arc<Shared>,
    handle: Handle,
    channel: ChannelId,
    id: u64,
    mut feed: Feed,
    size: Size,
) {
    let watching = Watching::new(Arc::clone(&shared));
    let mut position = shared.position.clone();
    let mut shutdown = shared.shutdown.clone();
    let limits = shared.limits;
    let mut state = shared.template.clone();
    update(&mut state, Action::Resize(size));
    update(&mut state, Action::FollowTo(*position.borrow_and_update()));
    let Ok(mut view) = View::new(size) else {
        return;
    };
    let mut parser = InputParser::new();
    let mut dirty = true;
    let mut sending: Option<Sending> = None;
    let mut idle_at = Instant::now() + limits.idle;
    let mut esc_at: Option<Instant> = None;
    let end = loop {
        if dirty && sending.is_none() {
            match view.frame(&state, &shared.theme) {
                Ok(frame) if frame.is_empty() => {}
                Ok(frame) => {
                    shared
                        .stats
                        .bytes
                        .fetch_add(frame.len() as u64, Ordering::Relaxed);
                    sending = Some(send_frame(handle.clone(), channel, frame, limits.stall));
                }
                Err(_) => break End::Gone,
            }
            dirty = false;
        }
        tokio::select! {
            _ = shutdown.wait_for(|s| *s) => break End::Shutdown,
            sent = async {
                match sending.as_mut() {
                    Some(f) => f.await,
                    None => std::future::pending().await,
                }
            } => {
                sending = None;
                match sent {
                    Ok(()) => {
                        shared.stats.frames.fetch_add(1, Ordering::Relaxed);
                    }
                    Err(Send::Closed) => break End::Gone,
                    Err(Send::Stalled) => break End::Stalled,
                }
            }
            packet = feed.input.recv() => {
                let Some(bytes) = packet else { break End::Gone };
                idle_at = Instant::now() + limits.idle;
                let keys = parser.feed(&bytes);
                esc_at = parser.has_pending().then(|| Instant::now() + ESC_WAIT);
                match apply_keys(&mut state, &keys, &position) {
                    Some(Effect::Quit) => break End::Quit,
                    Some(_) => dirty = true,
                    None => {}
                }
            }
            _ = async {
                match esc_at {
                    Some(at) => sleep_until(at).await,
                    None => std::future::pending().await,
                }
            } => {
                esc_at = None;
                let keys = parser.flush();
                match apply_keys(&mut state, &keys, &position) {
                    Some(Effect::Quit) => break End::Quit,
                    Some(_) => dirty = true,
                    None => {}
                }
            }
            changed = feed.size.changed() => {
                if changed.is_err() {
                    break End::Gone;
                }
                let size = *feed.size.borrow_and_update();
                if view.resize(size).is_err() {
                    break End::Gone;
                }
                update(&mut state, Action::Resize(size));
                dirty = true;
            }
            changed = position.changed() => {
                if changed.is_err() {
                    break End::Shutdown;
                }
                let pos = *position.borrow_and_update();
                if is_following(&state) {
                    update(&mut state, Action::FollowTo(pos));
                    dirty = true;
                }
            }
            _ = sleep_until(idle_at) => break End::Idle,
        }
    };
    match end {
        End::Stalled => shared.stats.stalled.fetch_add(1, Ordering::Relaxed),
        _ => 0,
    };
    shared.log.line(format_args!("#{id} view ended: {end:?}"));
    if end == End::Stalled {
        drop(watching);
        disconnect(&handle, "too slow to keep up").await;
        return;
    }
    goodbye(&handle, channel, sending, view.goodbye(), end).await;
    drop((watching, view, state, parser));
    if end != End::Shutdown {
        // A client that keeps the connection open after its only channel closed is let go
        // (sooner when the grace periods are shorter, as in tests).
        sleep(LINGER.min(limits.auth_grace)).await;
    }
    disconnect(&handle, "goodbye").await;
}

async fn disconnect(handle: &Handle, why: &str) {
    let _ = handle
        .disconnect(Disconnect::ByApplication, why.into(), String::new())
        .await;
}

/// Leaves the client's terminal as it found it, then ends the channel the way a shell does.
async fn goodbye(
    handle: &Handle,
    channel: ChannelId,
    sending: Option<Sending>,
    last: Frame,
    end: End,
) {
    let _ = timeout(GOODBYE, async {
        if let Some(frame) = sending {
            let _ = frame.await;
        }
        if end == End::Gone {
            return;
        }
        let _ = handle.data(channel, last).await;
        let note: &[u8] = match end {
            End::Shutdown => b"briefing: the presentation has ended\r\n",
            End::Idle => b"briefing: closed after a long time without a key\r\n",
            _ => b"",
        };
        if !note.is_empty() {
            let _ = handle.data(channel, note.to_vec()).await;
        }
        let _ = handle.exit_status_request(channel, 0).await;
        let _ = handle.eof(channel).await;
        let _ = handle.close(channel).await;
    })
    .await;
}

fn is_following(state: &State) -> bool {
    state.session == (Viewer::Attendee { following: true })
}

/// Applies an attendee's keys to their own state. Returns `None` when nothing changed,
/// `Some(Effect::Quit)` when they quit.
fn apply_keys(
    state: &mut State,
    keys: &[Key],
    position: &watch::Receiver<crate::app::Position>,
) -> Option<Effect> {
    let mut acted = false;
    for key in keys
        .iter()
        .take(MAX_KEYS_PER_PACKET)
        .flat_map(|k| keys_of(*k))
    {
        let Some(action) = resolve(state.mode, key) else {
            continue;
        };
        if let (Action::SearchInput(_), Mode::Search(_)) = (action, state.mode)
            && state.search.query.chars().count() >= MAX_QUERY_CHARS
        {
            continue;
        }
        let was_following = is_following(state);
        acted = true;
        if update(state, action) == Effect::Quit {
            return Some(Effect::Quit);
        }
        if !was_following && is_following(state) {
            // Back to following: jump to where the presenter is now.
            update(state, Action::FollowTo(*position.borrow()));
        }
    }
    acted.then_some(Effect::None)
}

#[cfg(test)]
mod tests {
    use super::*;
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
        apply_keys(&mut s, &parse_keys("2").unwrap(), &rx);
        assert_eq!(
            (s.focus, s.session),
            (Pane::Quotes, Viewer::Attendee { following: false })
        );
        apply_keys(&mut s, &parse_keys("f").unwrap(), &rx);
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
        apply_keys(&mut s, &keys, &rx);
        assert_eq!(s.search.query.chars().count(), MAX_QUERY_CHARS);
    }

    #[test]
    fn apply_keys_quit_says_quit_and_unknown_keys_change_nothing() {
        let (_tx, rx) = watch::channel(attendee().position());
        let mut s = attendee();
        assert_eq!(apply_keys(&mut s, &[Key::F(9)], &rx), None);
        assert_eq!(
            apply_keys(&mut s, &[Key::Ctrl('c')], &rx),
            Some(Effect::Quit)
        );
    }

    #[test]
    fn view_frames_enter_the_alternate_screen_and_goodbye_leaves_it() {
        let mut view = View::new(Size::new(40, 12)).unwrap();
        let first = view.frame(&attendee(), &ui::Theme::new(true)).unwrap();
        let text = String::from_utf8_lossy(&first);
        assert!(text.starts_with("\x1b[?1049h\x1b[?25l"), "{text:?}");
        let bye = String::from_utf8_lossy(&view.goodbye()).to_string();
        assert_eq!(bye, "\x1b[?1049l\x1b[?25h");
    }
}
