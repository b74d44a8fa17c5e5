//! `briefing serve`: present a briefing over SSH. The presenter's own terminal runs the reader
//! and leads; every attendee connects with a plain `ssh -p 2222 HOST` and sees the briefing at
//! their own terminal size, following the presenter's view live until they press a key to
//! browse on their own (`f` follows again).
//!
//! This is an edge: it owns a tokio runtime, the network, the host key file and the log. It
//! imports no other edge: the binary runs the presenter's terminal loop with
//! [`Serving::presenter_hooks`].
//! - [`options`]: [`ServeOptions`], [`Limits`] and the server [`Config`].
//! - [`hostkey`]: generate once, keep private, refuse when others can read it.
//! - [`auth`]: authorized keys, passcode, or open.
//! - `rate`: new connections per address over time (token buckets, pure).
//! - `refuse`: a connection turned away by a limit reads why in ssh's output.
//! - `server`: the accept loop, the connection limits and grace periods, [`ServerHandle`].
//! - `handler`: the russh handler: authenticates, refuses all but a shell on a pty.
//! - `keys`: an attendee's or presenter's keys on their own state, within limits (pure).
//! - `screen`: what a client's terminal shows, and the bytes that bring it up to date.
//! - `session`: one task per attendee that owns their state and screen and sends frames.
//! - `frames`: frames rendered once per (size, position) and updates encoded once per pair,
//!   shared by the attendees who follow.
//!
//! The presenter publishes its [`Position`](crate::app::Position) through a `watch` channel: latest wins, so
//! publishing never waits on anyone and no queue grows; each session sends a new frame only when
//! the previous one has left, taking it from the shared frames while it follows.

pub mod auth;
mod frames;
mod handler;
pub mod hostkey;
mod keys;
mod log;
pub mod options;
mod rate;
mod refuse;
mod screen;
mod server;
mod session;

use std::io::BufRead;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use anyhow::Context;

use crate::app::{Action, Effect, Hooks, Session, State, parse_keys, press};
use crate::ui::Theme;
pub use auth::Access;
pub use options::{Config, Limits, ServeOptions};
pub use server::{ServerHandle, Stats, start};

/// A line for the presenter on standard output; nothing is lost if nobody reads it any more
/// (`println!` would panic on a closed pipe).
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

/// How long attendees have to say goodbye when the presenter quits.
const SHUTDOWN_WAIT: Duration = Duration::from_secs(3);

/// A running `briefing serve`: the server and the runtime it runs on, from
/// [`Serving::start`] to [`Serving::shutdown`]. The presenter is driven by the binary, either
/// through the terminal loop with [`Serving::presenter_hooks`] or by [`Serving::run_headless`].
pub struct Serving {
    runtime: tokio::runtime::Runtime,
    server: ServerHandle,
    log: Option<PathBuf>,
}

impl Serving {
    /// Loads or creates the host key, starts the server on `state` and prints how to connect.
    /// Returns the server and the presenter's state to drive it with.
    pub fn start(
        options: &ServeOptions,
        state: State,
        theme: Theme,
    ) -> anyhow::Result<(Serving, State)> {
        let key_path = match &options.host_key {
            Some(path) => path.clone(),
            None => hostkey::default_path().context(
                "cannot find the user's data directory for the host key\n  = help: pass --host-key PATH",
            )?,
        };
        let host_key = hostkey::load_or_create(&key_path)?;
        let fingerprint = host_key.fingerprint();
        let access = options.access.clone();
        let config = Config {
            listen: options.listen,
            host_key: host_key.key,
            access: access.clone(),
            limits: options.limits,
            theme,
            log: options.log.clone(),
            presenter_keys: options.presenter_keys.clone(),
        };
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .thread_name("briefing-serve")
            .enable_all()
            .build()
            .context("cannot start the server's runtime")?;
        let mut presenter = state;
        presenter.session = Session::Presenter { watchers: 0 };
        let server = runtime.block_on(start(config, presenter.clone()))?;
        let addr = server.local_addr();
        say!("briefing: serving on {addr}");
        if host_key.created {
            say!("  new host key: {}", key_path.display());
        }
        say!("  host key fingerprint: {fingerprint}");
        say!("  who may watch: {}", access.describe());
        if access == Access::Open {
            say!("  warning: --open lets in anyone who can reach {addr}, without a password");
        }
        if addr.ip().is_loopback() {
            say!(
                "  only this machine can connect; use --listen 0.0.0.0:{} for the room",
                addr.port()
            );
        }
        say!(
            "  attendees type: ssh -p {} {}",
            addr.port(),
            host_for(addr)
        );
        say!("  they press f to follow you or browse on their own, q to leave");
        if let Some(keys) = &options.presenter_keys {
            say!(
                "  a presenter with a key listed in '{}' leads with: ssh -p {} {}@{}",
                keys.display(),
                addr.port(),
                handler::PRESENTER_USER,
                host_for(addr)
            );
        }
        let serving = Serving {
            runtime,
            server,
            log: options.log.clone(),
        };
        Ok((serving, presenter))
    }

    /// The server, to publish to and to read its counters.
    pub fn server(&self) -> &ServerHandle {
        &self.server
    }

    /// The hooks that lead the attendees from the presenter's terminal loop. From now on a
    /// panic on a server thread goes to the log (if any) instead of the presenter's screen.
    pub fn presenter_hooks(&self) -> PresenterHooks<'_> {
        install_panic_hook(self.log.clone());
        PresenterHooks::new(&self.server)
    }

    /// Drives the presenter from lines of keys on `input` (see [`run_headless`]).
    pub fn run_headless(
        &self,
        presenter: State,
        input: impl BufRead + Send + 'static,
        file: &mut dyn Hooks,
    ) -> anyhow::Result<()> {
        say!("  presenter keys: one line at a time on standard input (Ctrl-C ends)");
        run_headless(&self.server, presenter, input, file)
    }

    /// Says goodbye to the attendees (waiting a few seconds at most) and stops the runtime.
    pub fn shutdown(self) {
        self.runtime.block_on(self.server.shutdown(SHUTDOWN_WAIT));
        self.runtime.shutdown_timeout(Duration::from_secs(1));
    }
}

/// What attendees should type after `ssh -p PORT`.
fn host_for(addr: std::net::SocketAddr) -> String {
    if addr.ip().is_unspecified() {
        "THIS-HOST".to_string()
    } else if addr.is_ipv6() {
        format!("{}", addr.ip())
    } else {
        addr.ip().to_string()
    }
}

/// The presenter's side of the local reader: publish the position after each change, show the
/// number of attendees when it changes.
pub struct PresenterHooks<'a> {
    server: &'a ServerHandle,
    watchers: tokio::sync::watch::Receiver<usize>,
    /// The version of the briefing attendees were last given.
    revision: u32,
}

impl<'a> PresenterHooks<'a> {
    /// Hooks that lead the attendees of `server`.
    pub fn new(server: &'a ServerHandle) -> PresenterHooks<'a> {
        PresenterHooks {
            server,
            watchers: server.subscribe_watchers(),
            revision: 0,
        }
    }
}

impl Hooks for PresenterHooks<'_> {
    fn after_update(&mut self, state: &State) {
        if state.revision != self.revision {
            self.revision = state.revision;
            self.server
                .reload(Arc::clone(&state.content), state.revision);
        }
        self.server.publish(state.position());
    }

    fn pending_actions(&mut self) -> Vec<Action> {
        match self.watchers.has_changed() {
            Ok(true) => vec![Action::SetWatchers(*self.watchers.borrow_and_update())],
            _ => Vec::new(),
        }
    }
}

/// A panic on a server thread must not restore (or scribble on) the presenter's terminal
/// (P15): it goes to the log, if there is one, and the attendee's session ends.
fn install_panic_hook(log: Option<PathBuf>) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let on_server = std::thread::current()
            .name()
            .is_some_and(|n| n.starts_with("briefing-serve"));
        if !on_server {
            previous(info);
        } else if let Some(path) = &log
            && let Ok(log) = log::Log::to_file(path)
        {
            log.line(format_args!("panic on a server thread: {info}"));
        }
    }));
}

/// The longest a headless server waits before it looks at its input and its file again.
const HEADLESS_TURN: Duration = Duration::from_millis(100);

/// Serves with the presenter driven by lines of keys (`"<Tab> j j"`) from `input` instead of a
/// terminal, until SIGINT or SIGTERM. End of input keeps serving.
///
/// `file` gives the briefing's new versions when its file changes (checked on each turn of
/// the loop, at most [`HEADLESS_TURN`] apart): attendees get them as they would from a
/// presenter's terminal.
pub fn run_headless(
    server: &ServerHandle,
    mut presenter: State,
    input: impl BufRead + Send + 'static,
    file: &mut dyn Hooks,
) -> anyhow::Result<()> {
    // The loop turns often enough on its own: a change needs no wake-up.
    file.set_wake(Arc::new(|| {}));
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGINT] {
        signal_hook::flag::register(signal, Arc::clone(&stop))
            .context("cannot watch for signals")?;
    }
    let (tx, rx) = std::sync::mpsc::channel::<String>();
    // Not joined: it may block on input that never ends, and dies with the process.
    std::thread::spawn(move || {
        for line in input.lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    server.publish(presenter.position());
    let mut open = true;
    let mut revision = presenter.revision;
    while !stop.load(Ordering::Relaxed) {
        for notice in file.pending_notices() {
            crate::app::notify(&mut presenter, notice);
        }
        if presenter.revision != revision {
            revision = presenter.revision;
            server.reload(Arc::clone(&presenter.content), revision);
            server.publish(presenter.position());
        }
        if !open {
            std::thread::sleep(HEADLESS_TURN);
            continue;
        }
        match rx.recv_timeout(HEADLESS_TURN) {
            Ok(line) => {
                if press_line(&mut presenter, &line) {
                    break;
                }
                server.publish(presenter.position());
            }
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => open = false,
        }
    }
    Ok(())
}

/// Presses `keys` (keymap notation) on the presenter's state; true when they quit. Bad
/// notation is reported on standard error and ignored.
fn press_line(state: &mut State, keys: &str) -> bool {
    let keys = match parse_keys(keys) {
        Ok(keys) => keys,
        Err(e) => {
            eprintln!("briefing: keys: {e}");
            return false;
        }
    };
    for key in keys {
        if press(state, key) == Effect::Quit {
            return true;
        }
    }
    false
}
