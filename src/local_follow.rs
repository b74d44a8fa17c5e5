//! The local link between a presentation and its presenter view on the same machine: the
//! presentation publishes its [`Position`] on a Unix socket in the user's private runtime
//! directory, and `briefing present --notes` follows it. No network, no setup: the socket
//! lives in a 0700 directory, so only the same user can connect.
//!
//! This is an edge: it does I/O on sockets and threads, and hands positions to the event loop
//! through a channel. A slow or stuck viewer is dropped, never waited for. It plugs into the
//! terminal loop as [`Hooks`](crate::app::Hooks) ([`PublishHooks`], [`FollowHooks`]) that the
//! binary passes in; it imports no other edge. The presenter view shows the state of this link
//! as [`LinkStatus`](crate::app::present::LinkStatus).

use std::io::{self, BufRead, BufReader, Read, Write};
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::app::hooks::Wake;
use crate::app::{Action, Position};

/// Longest line a follower accepts; anything longer is not ours.
const MAX_LINE: usize = 64 * 1024;

/// What travels on the socket, one JSON object per line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Message {
    /// The presented briefing's title, so a viewer of another briefing can tell.
    title: String,
    /// Where the presentation is.
    position: Position,
}

/// The socket's path: `$XDG_RUNTIME_DIR/briefing/present.sock`, else under the user's cache
/// directory.
pub fn socket_path() -> Option<PathBuf> {
    let base = dirs::runtime_dir().or_else(dirs::cache_dir)?;
    Some(base.join("briefing").join("present.sock"))
}

fn private_dir(path: &std::path::Path) -> io::Result<()> {
    let Some(dir) = path.parent() else {
        return Ok(());
    };
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)?;
    let mode = std::fs::metadata(dir)?.permissions().mode();
    if mode & 0o077 != 0 {
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            format!(
                "{} is readable by others (mode {:o})",
                dir.display(),
                mode & 0o777
            ),
        ));
    }
    Ok(())
}

struct Shared {
    clients: Vec<UnixStream>,
    latest: Option<String>,
}

/// The presentation's side: accepts viewers and sends them each new position.
pub struct Publisher {
    shared: Arc<Mutex<Shared>>,
    title: String,
    last: Option<Position>,
    path: PathBuf,
}

impl Publisher {
    /// Listens at [`socket_path`], taking the place of any earlier presentation.
    pub fn bind(title: &str) -> io::Result<Publisher> {
        let path = socket_path().ok_or_else(|| {
            io::Error::new(io::ErrorKind::NotFound, "no runtime or cache directory")
        })?;
        Publisher::bind_at(path, title)
    }

    /// Listens at `path` (tests use a temporary one).
    pub fn bind_at(path: PathBuf, title: &str) -> io::Result<Publisher> {
        private_dir(&path)?;
        // A socket left by an earlier run, live or not: the newest presentation wins.
        let _ = std::fs::remove_file(&path);
        let listener = UnixListener::bind(&path)?;
        let shared = Arc::new(Mutex::new(Shared {
            clients: Vec::new(),
            latest: None,
        }));
        let accept_shared = Arc::clone(&shared);
        thread::Builder::new()
            .name("present-link".into())
            .spawn(move || {
                for stream in listener.incoming() {
                    let Ok(mut stream) = stream else { continue };
                    let _ = stream.set_write_timeout(Some(Duration::from_millis(50)));
                    let Ok(mut s) = accept_shared.lock() else {
                        return;
                    };
                    if let Some(line) = &s.latest
                        && stream.write_all(line.as_bytes()).is_err()
                    {
                        continue;
                    }
                    s.clients.push(stream);
                }
            })?;
        Ok(Publisher {
            shared,
            title: title.to_string(),
            last: None,
            path,
        })
    }

    /// Sends `position` to every viewer if it changed; drops viewers that fail.
    pub fn publish(&mut self, position: Position) {
        if self.last == Some(position) {
            return;
        }
        self.last = Some(position);
        let message = Message {
            title: self.title.clone(),
            position,
        };
        let Ok(mut line) = serde_json::to_string(&message) else {
            return;
        };
        line.push('\n');
        let Ok(mut s) = self.shared.lock() else {
            return;
        };
        s.clients
            .retain_mut(|c| c.write_all(line.as_bytes()).is_ok());
        s.latest = Some(line);
    }
}

impl Drop for Publisher {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// The hook that publishes a presentation started from the local reader: it binds the
/// socket when the first slide shows and sends every change.
#[derive(Default)]
pub struct PublishHooks {
    publisher: Option<Publisher>,
    failed: bool,
}

impl crate::app::Hooks for PublishHooks {
    fn after_update(&mut self, state: &crate::app::State) {
        if self.publisher.is_none()
            && !self.failed
            && state.mode.base() == crate::app::Base::Present
        {
            // Best effort: without a private runtime directory there is no presenter view.
            match Publisher::bind(&state.content.briefing.title) {
                Ok(p) => self.publisher = Some(p),
                Err(_) => self.failed = true,
            }
        }
        if let Some(p) = &mut self.publisher {
            p.publish(state.position());
        }
    }
    fn poll_every(&self) -> Option<std::time::Duration> {
        // Nothing comes in from the viewers: nothing to poll for.
        None
    }
}

/// The hook that makes a presenter view follow the presentation.
pub struct FollowHooks {
    events: Receiver<FollowEvent>,
    /// How the follower thread wakes the loop, once the loop has said.
    wake: Arc<Mutex<Option<Wake>>>,
}

impl FollowHooks {
    /// Follows the presentation of the briefing titled `title`.
    pub fn new(title: &str) -> FollowHooks {
        let wake: Arc<Mutex<Option<Wake>>> = Arc::new(Mutex::new(None));
        let slot = Arc::clone(&wake);
        let notify = move || {
            if let Ok(w) = slot.lock()
                && let Some(w) = w.as_ref()
            {
                w();
            }
        };
        let (tx, rx) = mpsc::channel();
        if let Some(path) = socket_path() {
            follow_at(path, title.to_string(), tx, notify);
        }
        FollowHooks { events: rx, wake }
    }
}

impl crate::app::Hooks for FollowHooks {
    fn pending_actions(&mut self) -> Vec<Action> {
        self.events
            .try_iter()
            .map(|event| match event {
                FollowEvent::Position(p) => Action::FollowTo(p),
                FollowEvent::Waiting => Action::LinkLost { other: false },
                FollowEvent::OtherBriefing(_) => Action::LinkLost { other: true },
            })
            .collect()
    }
    fn set_wake(&mut self, wake: Wake) {
        if let Ok(mut slot) = self.wake.lock() {
            *slot = Some(wake);
        }
    }
    fn poll_every(&self) -> Option<Duration> {
        // The follower thread wakes the loop after each event.
        None
    }
}

/// What a follower hears.
#[derive(Debug, Clone, PartialEq)]
pub enum FollowEvent {
    /// The presentation moved.
    Position(Position),
    /// Connected to a presentation of another briefing; its positions are ignored.
    OtherBriefing(String),
    /// No presentation is running (yet, or any more).
    Waiting,
}

/// Follows the presentation at `path`, sending events to `tx` from a background thread and
/// calling `notify` after each, reconnecting as presentations come and go.
pub fn follow_at(
    path: PathBuf,
    title: String,
    tx: Sender<FollowEvent>,
    notify: impl Fn() + Send + 'static,
) {
    let _ = thread::Builder::new()
        .name("notes-link".into())
        .spawn(move || {
            loop {
                if let Ok(stream) = UnixStream::connect(&path) {
                    let mut reader = BufReader::new(stream);
                    let mut line = String::new();
                    loop {
                        line.clear();
                        match reader.by_ref().take(MAX_LINE as u64).read_line(&mut line) {
                            Ok(0) | Err(_) => break,
                            Ok(_) => {}
                        }
                        let Ok(message) = serde_json::from_str::<Message>(&line) else {
                            continue;
                        };
                        let event = if message.title == title {
                            FollowEvent::Position(message.position)
                        } else {
                            FollowEvent::OtherBriefing(message.title)
                        };
                        if tx.send(event).is_err() {
                            return;
                        }
                        notify();
                    }
                }
                if tx.send(FollowEvent::Waiting).is_err() {
                    return;
                }
                notify();
                thread::sleep(Duration::from_millis(500));
            }
        });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Pane;

    #[test]
    fn a_follower_receives_published_positions_and_the_latest_on_connect() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("briefing").join("present.sock");
        let mut publisher = Publisher::bind_at(path.clone(), "T").unwrap();
        let first = Position {
            focus: Pane::Quotes,
            ..Position::default()
        };
        publisher.publish(first);
        let (tx, rx) = mpsc::channel();
        follow_at(path, "T".to_string(), tx, || {});
        let got = rx.recv_timeout(Duration::from_secs(10)).unwrap();
        assert_eq!(got, FollowEvent::Position(first));
        let second = Position {
            focus: Pane::Threats,
            ..Position::default()
        };
        // The follower may connect a moment after: publish until it hears.
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        let mut heard = None;
        while heard.is_none() && std::time::Instant::now() < deadline {
            publisher.last = None;
            publisher.publish(second);
            heard = rx
                .recv_timeout(Duration::from_millis(100))
                .ok()
                .filter(|e| *e == FollowEvent::Position(second));
        }
        assert_eq!(heard, Some(FollowEvent::Position(second)));
        let mode = std::fs::metadata(dir.path().join("briefing"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o700);
    }

    #[test]
    fn a_follower_of_another_briefing_is_told_so() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b").join("present.sock");
        let mut publisher = Publisher::bind_at(path.clone(), "Other").unwrap();
        publisher.publish(Position::default());
        let (tx, rx) = mpsc::channel();
        follow_at(path, "Mine".to_string(), tx, || {});
        let got = rx.recv_timeout(Duration::from_secs(10)).unwrap();
        assert_eq!(got, FollowEvent::OtherBriefing("Other".into()));
    }
}
