//! The local link between a presentation and its presenter view on the same machine: each
//! presentation publishes its [`Position`] on a Unix socket of its own (`present-PID.sock`) in
//! the user's private runtime directory, and `briefing present --notes` follows the most
//! recently started presentation of its briefing, moving to a newer one when it starts and
//! back to an older one still running when the newer ends. No network, no setup: the sockets
//! live in a 0700 directory, so only the same user can connect.
//!
//! This is an edge: it does I/O on sockets and threads, and hands positions to the event loop
//! through a channel. A slow or stuck viewer is dropped, never waited for. It plugs into the
//! terminal loop as [`Hooks`](crate::app::Hooks) ([`PublishHooks`], [`FollowHooks`]) that the
//! binary passes in; it imports no other edge. The presenter view shows the state of this link
//! as [`LinkStatus`](crate::app::present::LinkStatus).

use std::collections::HashMap;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};

use crate::app::hooks::Wake;
use crate::app::{Action, Notice, Position};

/// Longest line a follower accepts; anything longer is not ours.
const MAX_LINE: usize = 64 * 1024;

/// What travels on the socket, one JSON object per line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Message {
    /// The presented briefing's title, so a viewer of another briefing can tell.
    title: String,
    /// The presented file, absolute (`None` for the bundled briefing), so a viewer of another
    /// briefing can say which file to pass to follow it.
    #[serde(default)]
    file: Option<String>,
    /// Where the presentation is.
    position: Position,
}

/// The directory of the presentations' sockets: `$XDG_RUNTIME_DIR/briefing/`, else under the
/// user's cache directory.
pub fn socket_dir() -> Option<PathBuf> {
    let base = dirs::runtime_dir().or_else(dirs::cache_dir)?;
    Some(base.join("briefing"))
}

/// This process's socket in `dir`: one per presentation, so that a presentation ending
/// never takes another's socket with it.
fn own_socket(dir: &std::path::Path) -> PathBuf {
    dir.join(format!("present-{}.sock", std::process::id()))
}

/// True for a file name a presentation's socket has (`present.sock` was the one socket of
/// earlier versions).
fn is_socket_name(name: &str) -> bool {
    name.starts_with("present") && name.ends_with(".sock")
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
    file: Option<String>,
    last: Option<Position>,
    path: PathBuf,
}

impl Publisher {
    /// Listens on this process's socket in [`socket_dir`], beside any other presentation's.
    pub fn bind(title: &str, file: Option<String>) -> io::Result<Publisher> {
        let dir = socket_dir().ok_or_else(|| {
            io::Error::new(io::ErrorKind::NotFound, "no runtime or cache directory")
        })?;
        Publisher::bind_at(own_socket(&dir), title, file)
    }

    /// Listens at `path` (tests use a temporary one), presenting `file` titled `title`.
    pub fn bind_at(path: PathBuf, title: &str, file: Option<String>) -> io::Result<Publisher> {
        private_dir(&path)?;
        if let Some(dir) = path.parent() {
            remove_dead_sockets(dir);
        }
        // Ours from an earlier process of the same id, which is gone.
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
            file,
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
            file: self.file.clone(),
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
        // Viewers hear the end at once, even while this process goes on (a presentation
        // left for the reader).
        if let Ok(mut s) = self.shared.lock() {
            for client in s.clients.drain(..) {
                let _ = client.shutdown(std::net::Shutdown::Both);
            }
        }
    }
}

/// Removes the sockets in `dir` nobody listens on any more (a presentation that was killed).
fn remove_dead_sockets(dir: &std::path::Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let named = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(is_socket_name);
        if named
            && let Err(e) = UnixStream::connect(&path)
            && e.kind() == io::ErrorKind::ConnectionRefused
        {
            let _ = std::fs::remove_file(&path);
        }
    }
}

/// The hook that publishes a presentation started from the local reader: it binds the
/// socket when the first slide shows and sends every change.
#[derive(Default)]
pub struct PublishHooks {
    publisher: Option<Publisher>,
    failed: bool,
    file: Option<String>,
}

impl PublishHooks {
    /// Publishes the presentation of `file` (absolute; `None` for the bundled briefing).
    pub fn for_file(file: Option<String>) -> PublishHooks {
        PublishHooks {
            file,
            ..PublishHooks::default()
        }
    }
}

impl crate::app::Hooks for PublishHooks {
    fn after_update(&mut self, state: &crate::app::State) {
        if self.publisher.is_none()
            && !self.failed
            && state.mode.base() == crate::app::Base::Present
        {
            // Best effort: without a private runtime directory there is no presenter view.
            match Publisher::bind(&state.content.briefing.title, self.file.clone()) {
                Ok(p) => self.publisher = Some(p),
                Err(_) => self.failed = true,
            }
        }
        if let Some(p) = &mut self.publisher {
            p.publish(state.position());
        }
    }
    fn poll_every(&self) -> Option<Duration> {
        // Nothing comes in from the viewers: nothing to poll for.
        None
    }
}

/// The hook that makes a presenter view follow the presentation.
pub struct FollowHooks {
    events: Receiver<FollowEvent>,
    notices: Vec<Notice>,
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
        FollowHooks {
            events: follow(title, notify),
            notices: Vec::new(),
            wake,
        }
    }
}

impl crate::app::Hooks for FollowHooks {
    fn pending_actions(&mut self) -> Vec<Action> {
        let mut actions = Vec::new();
        for event in self.events.try_iter() {
            match event {
                FollowEvent::Position(p) => actions.push(Action::FollowTo(p)),
                FollowEvent::Waiting => actions.push(Action::LinkLost { other: false }),
                FollowEvent::OtherBriefing { file, .. } => {
                    self.notices.push(Notice::OtherPresentation { file });
                }
            }
        }
        actions
    }
    fn pending_notices(&mut self) -> Vec<Notice> {
        std::mem::take(&mut self.notices)
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
    /// The presentation followed moved (or another one of this briefing is followed now).
    Position(Position),
    /// Only presentations of other briefings run; the newest shows this one.
    OtherBriefing {
        /// Its title.
        title: String,
        /// Its file, to pass to `briefing present --notes` (`None`: the bundled briefing).
        file: Option<String>,
    },
    /// No presentation is running (yet, or any more).
    Waiting,
}

/// How often the follower looks for presentations that started.
const SCAN_EVERY: Duration = Duration::from_millis(300);

/// Follows the presentations in [`socket_dir`], as they come and go, calling `notify` after
/// each event it sends.
pub fn follow(title: &str, notify: impl Fn() + Send + 'static) -> Receiver<FollowEvent> {
    let (tx, rx) = mpsc::channel();
    if let Some(dir) = socket_dir() {
        follow_in(dir, title.to_string(), tx, notify);
    }
    rx
}

/// One connection to a presentation, as the follower sees it.
struct Running {
    /// When its socket was made: the newest presentation is followed.
    born: SystemTime,
    /// Its last message.
    last: Option<Message>,
}

/// What the follower told last, so it says each thing once.
#[derive(Debug, Clone, PartialEq)]
enum Told {
    Nothing,
    Waiting,
    Other(Option<String>),
    Following(PathBuf, Position),
}

/// Follows the presentations whose sockets are in `dir`, sending events to `tx` from a
/// background thread: the newest presentation of the briefing titled `title`, else word of
/// the newest other one, else that it waits. Each connection has a reader thread; one thread
/// scans the directory for new sockets and decides. `notify` is called after each event sent
/// (it wakes the terminal loop, which does not poll for them).
pub fn follow_in(
    dir: PathBuf,
    title: String,
    tx: Sender<FollowEvent>,
    notify: impl Fn() + Send + 'static,
) {
    let _ = thread::Builder::new()
        .name("notes-link".into())
        .spawn(move || {
            let (lines_tx, lines) = mpsc::channel::<(PathBuf, Option<Message>)>();
            let mut open: HashMap<PathBuf, Running> = HashMap::new();
            let mut told = Told::Nothing;
            loop {
                connect_new(&dir, &mut open, &lines_tx);
                if let Ok((path, message)) = lines.recv_timeout(SCAN_EVERY) {
                    take_line(&mut open, path, message);
                    while let Ok((path, message)) = lines.try_recv() {
                        take_line(&mut open, path, message);
                    }
                }
                let now = choose(&open, &title);
                if now != told {
                    let event = match &now {
                        Told::Following(_, position) => FollowEvent::Position(*position),
                        Told::Other(file) => FollowEvent::OtherBriefing {
                            title: newest(&open, |m| m.title != title)
                                .map(|m| m.title.clone())
                                // Gone since: a briefing without a title to name.
                                .unwrap_or_default(),
                            file: file.clone(),
                        },
                        Told::Waiting | Told::Nothing => FollowEvent::Waiting,
                    };
                    if tx.send(event).is_err() {
                        return;
                    }
                    notify();
                    told = now;
                }
            }
        });
}

fn take_line(open: &mut HashMap<PathBuf, Running>, path: PathBuf, message: Option<Message>) {
    match message {
        Some(m) => {
            if let Some(p) = open.get_mut(&path) {
                p.last = Some(m);
            }
        }
        None => {
            open.remove(&path);
        }
    }
}

/// The last message of the newest presentation whose message passes `keep`.
fn newest(open: &HashMap<PathBuf, Running>, keep: impl Fn(&Message) -> bool) -> Option<&Message> {
    newest_entry(open, keep).map(|(_, m)| m)
}

fn newest_entry(
    open: &HashMap<PathBuf, Running>,
    keep: impl Fn(&Message) -> bool,
) -> Option<(&PathBuf, &Message)> {
    open.iter()
        .filter_map(|(path, p)| Some((path, p.born, p.last.as_ref().filter(|m| keep(m))?)))
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.cmp(b.0)))
        .map(|(path, _, m)| (path, m))
}

/// What to tell now: the newest presentation of this briefing, else the newest other one.
fn choose(open: &HashMap<PathBuf, Running>, title: &str) -> Told {
    if let Some((path, m)) = newest_entry(open, |m| m.title == title) {
        return Told::Following(path.clone(), m.position);
    }
    match newest(open, |m| m.title != title) {
        Some(m) => Told::Other(m.file.clone()),
        None => Told::Waiting,
    }
}

/// Connects to every presentation socket in `dir` not connected yet, each read by a thread
/// of its own that passes its lines on (and `None` when it ends).
fn connect_new(
    dir: &std::path::Path,
    open: &mut HashMap<PathBuf, Running>,
    lines: &Sender<(PathBuf, Option<Message>)>,
) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let named = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(is_socket_name);
        if !named || open.contains_key(&path) {
            continue;
        }
        let Ok(stream) = UnixStream::connect(&path) else {
            continue;
        };
        let born = entry
            .metadata()
            .and_then(|m| m.modified())
            .unwrap_or(SystemTime::UNIX_EPOCH);
        open.insert(path.clone(), Running { born, last: None });
        let lines = lines.clone();
        let _ = thread::Builder::new()
            .name("notes-link-read".into())
            .spawn(move || read_lines(stream, &path, &lines));
    }
}

fn read_lines(
    stream: UnixStream,
    path: &std::path::Path,
    lines: &Sender<(PathBuf, Option<Message>)>,
) {
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
        if lines.send((path.to_path_buf(), Some(message))).is_err() {
            return;
        }
    }
    let _ = lines.send((path.to_path_buf(), None));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Pane;

    #[test]
    fn a_follower_receives_published_positions_and_the_latest_on_connect() {
        let dir = tempfile::tempdir().unwrap();
        let sockets = dir.path().join("briefing");
        let path = sockets.join("present-1.sock");
        let mut publisher = Publisher::bind_at(path.clone(), "T", None).unwrap();
        let first = Position {
            focus: Pane::Quotes,
            ..Position::default()
        };
        publisher.publish(first);
        let (tx, rx) = mpsc::channel();
        follow_in(sockets, "T".to_string(), tx, || {});
        let got = rx.recv_timeout(Duration::from_secs(10)).unwrap();
        let got = match got {
            FollowEvent::Waiting => rx.recv_timeout(Duration::from_secs(10)).unwrap(),
            other => other,
        };
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
        let sockets = dir.path().join("b");
        let mut publisher = Publisher::bind_at(
            sockets.join("present-1.sock"),
            "Other",
            Some("/srv/other.toml".into()),
        )
        .unwrap();
        publisher.publish(Position::default());
        let (tx, rx) = mpsc::channel();
        follow_in(sockets, "Mine".to_string(), tx, || {});
        let got = next_but_waiting(&rx);
        assert_eq!(
            got,
            FollowEvent::OtherBriefing {
                title: "Other".into(),
                file: Some("/srv/other.toml".into())
            }
        );
    }

    #[test]
    fn a_follower_wakes_its_loop_after_each_event_it_sends() {
        let dir = tempfile::tempdir().unwrap();
        let sockets = dir.path().join("briefing");
        let mut publisher = Publisher::bind_at(sockets.join("present-1.sock"), "T", None).unwrap();
        publisher.publish(at(Pane::Quotes));
        let (tx, rx) = mpsc::channel();
        let (woke_tx, woke) = mpsc::channel();
        let woke_tx = Mutex::new(woke_tx);
        follow_in(sockets, "T".to_string(), tx, move || {
            if let Ok(t) = woke_tx.lock() {
                let _ = t.send(());
            }
        });
        // Every event sent, "waiting" included, comes with a wake-up.
        let mut sent = 0;
        loop {
            let event = rx.recv_timeout(Duration::from_secs(10)).unwrap();
            sent += 1;
            if event == FollowEvent::Position(at(Pane::Quotes)) {
                break;
            }
        }
        for _ in 0..sent {
            woke.recv_timeout(Duration::from_secs(10))
                .expect("an event without a wake-up");
        }
        publisher.publish(at(Pane::Threats));
        hear(&rx, &FollowEvent::Position(at(Pane::Threats)));
        woke.recv_timeout(Duration::from_secs(10))
            .expect("a new position without a wake-up");
    }

    /// The next event that is not "waiting" (the follower may start before it connects).
    fn next_but_waiting(rx: &Receiver<FollowEvent>) -> FollowEvent {
        loop {
            match rx.recv_timeout(Duration::from_secs(10)).unwrap() {
                FollowEvent::Waiting => {}
                other => return other,
            }
        }
    }

    fn at(focus: Pane) -> Position {
        Position {
            focus,
            ..Position::default()
        }
    }

    fn want_focus(e: &FollowEvent) -> String {
        match e {
            FollowEvent::Position(p) => format!("{:?}", p.focus),
            other => format!("{other:?}"),
        }
    }

    /// Waits for the follower to report `want`, skipping what comes before.
    fn hear(rx: &Receiver<FollowEvent>, want: &FollowEvent) {
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        let mut heard = Vec::new();
        while std::time::Instant::now() < deadline {
            if let Ok(event) = rx.recv_timeout(Duration::from_millis(100)) {
                if event == *want {
                    return;
                }
                heard.push(event);
            }
        }
        panic!(
            "never heard {:?}; heard {:?}",
            want_focus(want),
            heard.iter().map(want_focus).collect::<Vec<_>>()
        );
    }

    #[test]
    fn several_presentations_stay_followable_the_newest_first() {
        let dir = tempfile::tempdir().unwrap();
        let sockets = dir.path().join("briefing");
        let mut a = Publisher::bind_at(sockets.join("present-1.sock"), "T", None).unwrap();
        a.publish(at(Pane::Quotes));
        let (tx, rx) = mpsc::channel();
        follow_in(sockets.clone(), "T".to_string(), tx, || {});
        hear(&rx, &FollowEvent::Position(at(Pane::Quotes)));
        // A presentation of another briefing starts, then ends: A is still followed.
        let mut other = Publisher::bind_at(sockets.join("present-2.sock"), "U", None).unwrap();
        other.publish(at(Pane::Areas));
        std::thread::sleep(Duration::from_millis(700));
        drop(other);
        a.publish(at(Pane::Threats));
        hear(&rx, &FollowEvent::Position(at(Pane::Threats)));
        assert!(
            sockets.join("present-1.sock").exists(),
            "B's exit left A's socket"
        );
        // A newer presentation of the same briefing starts: the open view moves to it.
        std::thread::sleep(Duration::from_millis(20));
        let mut b = Publisher::bind_at(sockets.join("present-3.sock"), "T", None).unwrap();
        b.publish(at(Pane::Summary));
        hear(&rx, &FollowEvent::Position(at(Pane::Summary)));
        // It ends: back to A, still running.
        drop(b);
        hear(&rx, &FollowEvent::Position(at(Pane::Threats)));
        drop(a);
        hear(&rx, &FollowEvent::Waiting);
    }
}
