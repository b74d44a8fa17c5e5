//! One attendee's (or a presenter's) view: a task that owns their [`State`] and the [`Screen`]
//! their client shows, and that sends the bytes of each frame to the client. While the attendee
//! follows with nothing else open, frames come from the shared `Frames`; otherwise the task
//! renders its own. A presenter over SSH publishes every change, as the local presenter does.
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

use bytes::Bytes;
use russh::server::Handle;
use russh::{ChannelId, Disconnect};
use tokio::sync::{mpsc, watch};
use tokio::time::{Instant, sleep, sleep_until, timeout};

use crate::app::input::InputParser;
use crate::app::{Action, Effect, Session as Viewer, Size, State, update};
use crate::serve::keys::{apply_keys, is_following, presenter_view};
use crate::serve::screen::Screen;
use crate::serve::server::Shared;

/// How long a lone Esc (or half a sequence) waits for the rest before it counts as typed.
const ESC_WAIT: Duration = Duration::from_millis(40);
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

/// Who the view is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// Follows the presenter, or browses; changes nobody else's view.
    Attendee,
    /// Leads: their keys move every following attendee, as the local presenter's do.
    Presenter,
}

/// How often a presenter's timer is looked at while it runs.
const TIMER_TICK: Duration = Duration::from_millis(250);

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
    /// A presenter came while another presenter over SSH leads.
    AnotherLeads,
}

/// Starts the view task for one attendee, with a watchdog that disconnects the client if the
/// task dies.
pub(crate) fn spawn(
    shared: Arc<Shared>,
    handle: Handle,
    channel: ChannelId,
    id: u64,
    feed: Feed,
    role: Role,
) {
    let size = *feed.size.borrow();
    let watch_handle = handle.clone();
    let log_shared = Arc::clone(&shared);
    let task = tokio::spawn(run(shared, handle, channel, id, feed, size, role));
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

/// Holds the lead for a presenter over SSH for as long as the view runs.
struct Leading(Arc<Shared>, u64);

impl Drop for Leading {
    fn drop(&mut self) {
        self.0.release_lead(self.1);
    }
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

type Sending = Pin<Box<dyn Future<Output = Result<(), Send>> + std::marker::Send>>;

/// How sending a frame went wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Send {
    /// The session is gone.
    Closed,
    /// The frame did not leave within the stall limit.
    Stalled,
}

fn send_frame(handle: Handle, channel: ChannelId, frame: Bytes, stall: Duration) -> Sending {
    Box::pin(async move {
        match timeout(stall, handle.data(channel, frame)).await {
            Ok(Ok(())) => Ok(()),
            Ok(Err(_)) => Err(Send::Closed),
            Err(_) => Err(Send::Stalled),
        }
    })
}

/// One view's task: the attendee's (or presenter's) state, terminal and connection.
struct Task {
    shared: Arc<Shared>,
    handle: Handle,
    channel: ChannelId,
    state: State,
    screen: Screen,
    /// Following with nothing else open: the state is the one every such attendee has, and
    /// the frame is the shared one (the state is brought up to date on the next key).
    sharing: bool,
    /// The presenter's position last seen.
    followed: crate::app::Position,
    parser: InputParser,
    /// Leading (a presenter over SSH): every change is published.
    leading: Option<Leading>,
    /// The presenter's notes view is shown instead of the slides.
    notes: bool,
    /// The second of the timer last drawn.
    shown_second: Option<u64>,
    /// The session's clock, for the timer.
    clock: Instant,
    dirty: bool,
    idle_at: Instant,
    esc_at: Option<Instant>,
}

impl Task {
    fn now(&self) -> u64 {
        u64::try_from(self.clock.elapsed().as_millis()).unwrap_or(u64::MAX)
    }

    /// Renders and starts sending a frame, if something changed and the last one has left.
    fn render(&mut self, sending: &mut Option<Sending>) -> Result<(), End> {
        if !self.dirty || sending.is_some() {
            return Ok(());
        }
        self.dirty = false;
        let frames = &self.shared.frames;
        let next = if self.sharing {
            frames.following(self.state.size, self.followed)
        } else if self.notes {
            frames.own(&presenter_view(&self.shared.template, &self.state))
        } else {
            frames.own(&self.state)
        };
        if next.size() != self.state.size {
            return Err(End::Gone);
        }
        let frame = self.screen.update(next, frames);
        if !frame.is_empty() {
            self.shared
                .stats
                .bytes
                .fetch_add(frame.len() as u64, Ordering::Relaxed);
            let stall = self.shared.limits.stall;
            *sending = Some(send_frame(self.handle.clone(), self.channel, frame, stall));
        }
        Ok(())
    }

    /// The frame being sent has left, or could not.
    fn sent(&mut self, sent: Result<(), Send>) -> Result<(), End> {
        match sent {
            Ok(()) => {
                self.shared.stats.frames.fetch_add(1, Ordering::Relaxed);
                Ok(())
            }
            Err(Send::Closed) => Err(End::Gone),
            Err(Send::Stalled) => Err(End::Stalled),
        }
    }

    /// Bytes from the client; `flush` when the wait for the rest of a sequence is over.
    fn input(
        &mut self,
        bytes: Option<&[u8]>,
        position: &watch::Receiver<crate::app::Position>,
    ) -> Result<(), End> {
        let keys = match bytes {
            Some(bytes) => {
                self.idle_at = Instant::now() + self.shared.limits.idle;
                let keys = self.parser.feed(bytes);
                self.esc_at = self.parser.has_pending().then(|| Instant::now() + ESC_WAIT);
                keys
            }
            None => {
                self.esc_at = None;
                self.parser.flush()
            }
        };
        if keys.is_empty() {
            return Ok(());
        }
        if self.sharing {
            // The state every following attendee has, as the screen shows it.
            self.state = self.shared.frames.canonical(self.state.size, self.followed);
        }
        let now = self.now();
        update(&mut self.state, Action::Tick(now));
        let mut copied = None;
        let acted = apply_keys(&mut self.state, &keys, position, &mut copied);
        if let Some(seq) = copied.as_deref().and_then(crate::ui::osc::clipboard) {
            // To the client's own clipboard, before the frame that says so.
            self.screen.say(&seq);
        }
        if acted.is_some() && self.leading.is_none() {
            self.sharing = is_following(&self.state)
                && self.state == self.shared.frames.canonical(self.state.size, self.followed);
        }
        match acted {
            Some(Effect::Quit) => return Err(End::Quit),
            Some(Effect::ToggleNotes) => {
                self.notes = !self.notes;
                self.dirty = true;
            }
            Some(
                Effect::None
                | Effect::Suspend
                | Effect::Redraw
                | Effect::Copy
                | Effect::OpenLink(_)
                | Effect::Edit
                | Effect::Mouse(_),
            ) => self.dirty = true,
            None => {}
        }
        if self.leading.is_some() {
            self.shared.publish(self.state.position());
        }
        Ok(())
    }

    /// The presenter's timer runs: redraw and publish when its second changes.
    fn tick(&mut self) {
        let now = self.now();
        update(&mut self.state, Action::Tick(now));
        let second = self.state.present.timer.elapsed(self.state.now_ms) / 1000;
        if self.shown_second != Some(second) {
            self.shown_second = Some(second);
            self.shared.publish(self.state.position());
            self.dirty = true;
        }
    }

    fn resize(&mut self, size: Size) -> Result<(), End> {
        self.screen
            .resize(size, &self.shared.frames)
            .map_err(|_| End::Gone)?;
        update(&mut self.state, Action::Resize(size));
        self.dirty = true;
        Ok(())
    }

    /// The presenter moved: follow, if following.
    fn presenter_moved(&mut self, pos: crate::app::Position) {
        self.followed = pos;
        if pos.revision != self.state.revision {
            // The presenter's file was reloaded: the new version, where this view is.
            let (content, revision) = self.shared.frames.content();
            crate::app::take_content(&mut self.state, content, revision);
            self.dirty = true;
        }
        if self.sharing {
            self.dirty = true;
        } else if is_following(&self.state) {
            update(&mut self.state, Action::FollowTo(pos));
            self.dirty = true;
        }
    }

    fn set_watchers(&mut self, n: usize) {
        update(&mut self.state, Action::SetWatchers(n));
        self.dirty = true;
    }

    fn timer_running(&self) -> bool {
        self.leading.is_some() && self.state.present.timer.is_running()
    }
}

/// The view task.
async fn run(
    shared: Arc<Shared>,
    handle: Handle,
    channel: ChannelId,
    id: u64,
    mut feed: Feed,
    size: Size,
    role: Role,
) {
    let mut position = shared.position.clone();
    let limits = shared.limits;
    let followed = *position.borrow_and_update();
    // A presenter starts where the presentation is and leads from there.
    let mut state = shared.frames.canonical(size, followed);
    let (watching, leading, mut watchers) = match role {
        Role::Attendee => (Some(Watching::new(Arc::clone(&shared))), None, None),
        Role::Presenter => {
            if !shared.take_lead(id) {
                shared
                    .log
                    .line(format_args!("#{id} view ended: {:?}", End::AnotherLeads));
                goodbye(&handle, channel, None, Vec::new(), End::AnotherLeads).await;
                sleep(LINGER.min(limits.auth_grace)).await;
                disconnect(&handle, "another presenter leads").await;
                return;
            }
            shared.log.line(format_args!("#{id} leads"));
            let watchers = shared.watchers.subscribe();
            state.session = Viewer::Presenter {
                watchers: *watchers.borrow(),
            };
            (None, Some(Leading(Arc::clone(&shared), id)), Some(watchers))
        }
    };
    let Ok(screen) = Screen::new(size, &shared.frames) else {
        return;
    };
    let mut task = Task {
        shared: Arc::clone(&shared),
        handle: handle.clone(),
        channel,
        state,
        screen,
        sharing: role == Role::Attendee,
        followed,
        parser: InputParser::new(),
        leading,
        notes: false,
        shown_second: None,
        clock: Instant::now(),
        dirty: true,
        idle_at: Instant::now() + limits.idle,
        esc_at: None,
    };
    let now = task.now();
    update(&mut task.state, Action::Tick(now));
    let mut shutdown = shared.shutdown.clone();
    let mut sending: Option<Sending> = None;
    let end = loop {
        if let Err(end) = task.render(&mut sending) {
            break end;
        }
        // What the waits below need, copied out: the arms change the task.
        let (esc_at, idle_at, timer) = (task.esc_at, task.idle_at, task.timer_running());
        let step = tokio::select! {
            _ = shutdown.wait_for(|s| *s) => Err(End::Shutdown),
            sent = async {
                match sending.as_mut() {
                    Some(f) => f.await,
                    None => std::future::pending().await,
                }
            } => {
                sending = None;
                task.sent(sent)
            }
            packet = feed.input.recv() => match packet {
                Some(bytes) => task.input(Some(&bytes), &position),
                None => Err(End::Gone),
            },
            () = async {
                match esc_at {
                    Some(at) => sleep_until(at).await,
                    None => std::future::pending().await,
                }
            } => task.input(None, &position),
            changed = async {
                match watchers.as_mut() {
                    Some(w) => w.changed().await.map(|()| *w.borrow_and_update()),
                    None => std::future::pending().await,
                }
            } => {
                match changed {
                    Ok(n) => task.set_watchers(n),
                    Err(_) => watchers = None,
                }
                Ok(())
            }
            () = async {
                if timer {
                    sleep(TIMER_TICK).await;
                } else {
                    std::future::pending::<()>().await;
                }
            } => {
                task.tick();
                Ok(())
            }
            changed = feed.size.changed() => match changed {
                Ok(()) => task.resize(*feed.size.borrow_and_update()),
                Err(_) => Err(End::Gone),
            },
            changed = position.changed() => match changed {
                Ok(()) => {
                    task.presenter_moved(*position.borrow_and_update());
                    Ok(())
                }
                Err(_) => Err(End::Shutdown),
            },
            () = sleep_until(idle_at) => Err(End::Idle),
        };
        if let Err(end) = step {
            break end;
        }
    };
    finish(task, sending, watching, end, id).await;
}

/// Logs why the view ended, says goodbye (unless the client stalled), and lets the client go.
async fn finish(
    mut task: Task,
    sending: Option<Sending>,
    watching: Option<Watching>,
    end: End,
    id: u64,
) {
    let shared = Arc::clone(&task.shared);
    if end == End::Stalled {
        shared.stats.stalled.fetch_add(1, Ordering::Relaxed);
    }
    shared.log.line(format_args!("#{id} view ended: {end:?}"));
    let handle = task.handle.clone();
    if end == End::Stalled {
        drop(watching);
        disconnect(&handle, "too slow to keep up").await;
        return;
    }
    let last = task.screen.goodbye();
    goodbye(&handle, task.channel, sending, last, end).await;
    drop((watching, task));
    if end != End::Shutdown {
        // A client that keeps the connection open after its only channel closed is let go
        // (sooner when the grace periods are shorter, as in tests).
        sleep(LINGER.min(shared.limits.auth_grace)).await;
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
    last: Vec<u8>,
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
            End::AnotherLeads => {
                b"briefing: another presenter leads over SSH; only one leads at a time. \
                  Try again when they have left (q).\r\n"
            }
            _ => b"",
        };
        if !note.is_empty() {
            let _ = handle.data(channel, note.to_vec()).await;
        }
        let status = u32::from(end == End::AnotherLeads);
        let _ = handle.exit_status_request(channel, status).await;
        let _ = handle.eof(channel).await;
        let _ = handle.close(channel).await;
    })
    .await;
}
