//! The SSH server: our own accept loop (limits are checked before any SSH byte is read), one
//! russh session per connection with its grace periods, the shared state every connection
//! reads, and the [`ServerHandle`] the presenter publishes through. The russh handler of each
//! connection is in `handler`.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long after the view's idle limit the transport gives up on a silent connection.
const IDLE_BACKSTOP: Duration = Duration::from_secs(30);

use russh::{Disconnect, MethodSet, SshId};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore, watch};

use crate::app::{Position, Session as Viewer, State};
use crate::serve::auth::Access;
use crate::serve::frames::Frames;
use crate::serve::handler::Conn;
use crate::serve::log::Log;
use crate::serve::options::Limits;
use crate::serve::rate::ConnectRate;
use crate::serve::refuse::{MAX_TELLING, TELL_TIMEOUT, refuse};

/// How long a connection has to end by itself once the presentation ends.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(3);
/// Pause after a failed `accept` (out of file descriptors, ...), so the loop does not spin.
const ACCEPT_BACKOFF: Duration = Duration::from_millis(100);

/// Counters the server keeps; read them with [`ServerHandle::stats`].
#[derive(Debug, Default)]
pub struct Stats {
    /// Connections accepted by the limits.
    pub connections: AtomicU64,
    /// Connections refused by the session, per-address or connection-rate limits.
    pub refused_full: AtomicU64,
    /// Authentication attempts refused.
    pub refused_auth: AtomicU64,
    /// Requests refused (exec, subsystem, forwarding, a second channel, ...).
    pub refused_requests: AtomicU64,
    /// Frames sent to attendees.
    pub frames: AtomicU64,
    /// Bytes of frames sent to attendees.
    pub bytes: AtomicU64,
    /// Input packets dropped because a session's queue was full.
    pub dropped_input: AtomicU64,
    /// Sessions closed because a frame could not leave in time.
    pub stalled: AtomicU64,
    /// Connection or view tasks that panicked (each is a bug; the others keep being served).
    pub panics: AtomicU64,
}

/// What every connection shares.
pub(crate) struct Shared {
    pub(crate) access: Access,
    pub(crate) limits: Limits,
    /// The attendees' starting state: the briefing, following.
    pub(crate) template: State,
    /// Frames and updates shared by the attendees who follow.
    pub(crate) frames: Frames,
    pub(crate) position: watch::Receiver<Position>,
    /// Where the presenter's position is published, by the local presenter or the one over SSH.
    publisher: watch::Sender<Position>,
    /// The presenter keys file, when a presenter may lead over SSH.
    pub(crate) presenter_keys: Option<std::path::PathBuf>,
    /// The connection whose presenter leads over SSH, if one does; the local presenter's
    /// position is not published meanwhile.
    lead: Mutex<Option<u64>>,
    pub(crate) shutdown: watch::Receiver<bool>,
    pub(crate) watchers: watch::Sender<usize>,
    /// Connections alive, authenticated or not.
    live: watch::Sender<usize>,
    pub(crate) stats: Arc<Stats>,
    pub(crate) log: Log,
    per_address: Mutex<HashMap<IpAddr, usize>>,
    connect_rate: Mutex<ConnectRate>,
    next_id: AtomicU64,
}

impl Shared {
    /// Publishes a presenter's position; true when it changed.
    pub(crate) fn publish(&self, mut position: Position) -> bool {
        // The version of the briefing is the server's, whoever leads: a presenter over SSH
        // who has not seen the local file's reload yet must not take it back.
        position.revision = self.frames.content().1;
        self.publisher.send_if_modified(|p| {
            let changed = *p != position;
            *p = position;
            changed
        })
    }

    /// Makes connection `id`'s presenter the one who leads, unless another presenter over SSH
    /// already does; false then.
    pub(crate) fn take_lead(&self, id: u64) -> bool {
        let Ok(mut lead) = self.lead.lock() else {
            return false;
        };
        match *lead {
            Some(other) if other != id => false,
            _ => {
                *lead = Some(id);
                true
            }
        }
    }

    /// Connection `id`'s presenter stops leading (if it did); the local presenter leads again.
    pub(crate) fn release_lead(&self, id: u64) {
        if let Ok(mut lead) = self.lead.lock()
            && *lead == Some(id)
        {
            *lead = None;
        }
    }

    /// The authentication methods this server offers.
    pub(crate) fn methods(&self) -> MethodSet {
        methods(&self.access, self.presenter_keys.is_some())
    }

    /// True while a presenter over SSH leads.
    fn is_led_remotely(&self) -> bool {
        self.lead.lock().map(|l| l.is_some()).unwrap_or(false)
    }
}

/// The authentication methods offered: the attendees' one, and public keys when presenters
/// may lead (they always sign in with a key, whatever the attendees do).
fn methods(access: &Access, presenters: bool) -> MethodSet {
    if presenters {
        MethodSet::from(&[access.method(), russh::MethodKind::PublicKey][..])
    } else {
        MethodSet::from(&[access.method()][..])
    }
}

/// The server's russh configuration: one host key, one authentication method, small windows
/// (input is tiny), keepalives to find dead peers, and a neutral version string.
fn russh_config(
    host_key: russh::keys::PrivateKey,
    access: &Access,
    limits: &Limits,
    presenters: bool,
) -> russh::server::Config {
    let defaults = russh::Preferred::default();
    let kex: Vec<russh::kex::Name> = defaults
        .kex
        .iter()
        .filter(|k| **k != russh::kex::DH_GEX_SHA256)
        .cloned()
        .collect();
    russh::server::Config {
        server_id: SshId::Standard("SSH-2.0-briefing".into()),
        methods: methods(access, presenters),
        auth_rejection_time: limits.auth_rejection,
        auth_rejection_time_initial: Some(Duration::ZERO),
        keys: vec![host_key],
        window_size: 64 * 1024,
        channel_buffer_size: 16,
        // The handler counts attempts itself (passcodes and signed keys checked); russh also
        // counts the `none` probe every client opens with, hence one more here.
        max_auth_attempts: limits.max_auth_attempts.saturating_add(1),
        // A backstop only: the view's own idle limit comes first and says goodbye politely;
        // the same limit here raced it and cut the connection before the note was sent.
        inactivity_timeout: Some(limits.idle + IDLE_BACKSTOP),
        keepalive_interval: Some(Duration::from_secs(30)),
        keepalive_max: 3,
        nodelay: true,
        preferred: russh::Preferred {
            kex: kex.into(),
            ..defaults
        },
        ..Default::default()
    }
}

/// A running server; dropping it does not stop it, [`shutdown`](ServerHandle::shutdown) does.
pub struct ServerHandle {
    addr: SocketAddr,
    shared: Arc<Shared>,
    watchers: watch::Receiver<usize>,
    live: watch::Receiver<usize>,
    shutdown: watch::Sender<bool>,
    stats: Arc<Stats>,
    accept: tokio::task::JoinHandle<()>,
}

impl ServerHandle {
    /// The address the server listens on (with the real port when port 0 was asked for).
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// Publishes the local presenter's position to every following attendee, unless a
    /// presenter over SSH leads. Never blocks: each session reads only the latest position
    /// when it is ready for it.
    pub fn publish(&self, position: Position) {
        if !self.shared.is_led_remotely() {
            self.shared.publish(position);
        }
    }

    /// The presenter's file was reloaded: attendees show `content` from their next frame on,
    /// each keeping their place. The position published next carries `revision`, which tells
    /// every session to take it.
    pub fn reload(&self, content: Arc<crate::app::content::Content>, revision: u32) {
        self.shared.frames.reload(content, revision);
        // Every session hears of it now, also while a presenter over SSH leads (whose next
        // move could be minutes away): the position stays, its revision is the new one.
        self.shared
            .publisher
            .send_if_modified(|p| std::mem::replace(&mut p.revision, revision) != revision);
    }

    /// True while a presenter over SSH leads (the local presenter's keys are not published).
    pub fn is_led_remotely(&self) -> bool {
        self.shared.is_led_remotely()
    }

    /// How many attendees have a view open now.
    pub fn watchers(&self) -> usize {
        *self.watchers.borrow()
    }

    /// A receiver that wakes when the number of attendees changes.
    pub fn subscribe_watchers(&self) -> watch::Receiver<usize> {
        self.watchers.clone()
    }

    /// The server's counters.
    pub fn stats(&self) -> &Stats {
        &self.stats
    }

    /// The server's counters, to read after [`shutdown`](ServerHandle::shutdown) too.
    pub fn stats_handle(&self) -> Arc<Stats> {
        Arc::clone(&self.stats)
    }

    /// How many connections are open, authenticated or not.
    pub fn connections(&self) -> usize {
        *self.live.borrow()
    }

    /// Stops listening, ends every session (each attendee's terminal is restored) and waits up
    /// to `grace` for the connections to close.
    pub async fn shutdown(self, grace: Duration) {
        self.accept.abort();
        let _ = self.shutdown.send(true);
        let mut live = self.live;
        let _ = tokio::time::timeout(grace, live.wait_for(|n| *n == 0)).await;
    }
}

/// Starts listening on `config.listen` and serving `template` (the presenter's starting
/// state) to attendees. Must run inside a tokio runtime with time and I/O enabled.
pub async fn start(config: crate::serve::Config, template: State) -> anyhow::Result<ServerHandle> {
    use anyhow::Context;
    let listener = TcpListener::bind(config.listen)
        .await
        .with_context(|| format!("cannot listen on {}", config.listen))?;
    let addr = listener
        .local_addr()
        .context("cannot read the listening address")?;
    let log = match &config.log {
        Some(path) => Log::to_file(path)?,
        None => Log::none(),
    };
    let (position_tx, position_rx) = watch::channel(template.position());
    let (shutdown_tx, shutdown_rx) = watch::channel(false);
    let (watchers_tx, watchers_rx) = watch::channel(0usize);
    let (live_tx, live_rx) = watch::channel(0usize);
    let stats = Arc::new(Stats::default());
    let mut attendee = template;
    attendee.session = Viewer::Attendee { following: true };
    // The presenter's configuration is theirs: attendees press the documented keys.
    attendee.keymap = crate::app::keymap::Keymap::builtin();
    let refusal_config = Arc::new(russh::server::Config {
        inactivity_timeout: Some(TELL_TIMEOUT),
        // No method to try: the client stops at the banner instead of asking for a password.
        methods: MethodSet::empty(),
        ..russh_config(
            config.host_key.clone(),
            &config.access,
            &config.limits,
            false,
        )
    });
    let russh_config = Arc::new(russh_config(
        config.host_key,
        &config.access,
        &config.limits,
        config.presenter_keys.is_some(),
    ));
    let shared = Arc::new(Shared {
        access: config.access,
        limits: config.limits,
        frames: Frames::new(attendee.clone(), config.theme),
        template: attendee,
        position: position_rx,
        publisher: position_tx,
        presenter_keys: config.presenter_keys,
        lead: Mutex::new(None),
        shutdown: shutdown_rx,
        watchers: watchers_tx,
        live: live_tx,
        stats: Arc::clone(&stats),
        log,
        per_address: Mutex::new(HashMap::new()),
        connect_rate: Mutex::new(ConnectRate::new(config.limits.connect_rate)),
        next_id: AtomicU64::new(1),
    });
    shared.log.line(format_args!("listening on {addr}"));
    let accept = tokio::spawn(accept_loop(
        listener,
        Arc::clone(&shared),
        Configs {
            serve: russh_config,
            refuse: refusal_config,
        },
    ));
    Ok(ServerHandle {
        addr,
        shared,
        watchers: watchers_rx,
        live: live_rx,
        shutdown: shutdown_tx,
        stats,
        accept,
    })
}

/// The russh configurations of the accept loop: one to serve, one to tell a refused client why.
struct Configs {
    serve: Arc<russh::server::Config>,
    refuse: Arc<russh::server::Config>,
}

async fn accept_loop(listener: TcpListener, shared: Arc<Shared>, configs: Configs) {
    let sessions = Arc::new(Semaphore::new(shared.limits.max_sessions));
    let telling = Arc::new(Semaphore::new(MAX_TELLING));
    let refuse = |stream, peer, why| refuse(&shared, &configs.refuse, &telling, stream, peer, why);
    loop {
        let (stream, peer) = match listener.accept().await {
            Ok(accepted) => accepted,
            Err(e) => {
                // Out of descriptors or a connection reset before accept: keep serving (P13).
                shared.log.line(format_args!("accept failed: {e}"));
                tokio::time::sleep(ACCEPT_BACKOFF).await;
                continue;
            }
        };
        let allowed = shared
            .connect_rate
            .lock()
            .map(|mut rate| rate.allow(peer.ip(), Instant::now()))
            .unwrap_or(true);
        if !allowed {
            refuse(
                stream,
                peer,
                "too many new connections from your address; try again in a minute",
            );
            continue;
        }
        let Ok(permit) = Arc::clone(&sessions).try_acquire_owned() else {
            refuse(stream, peer, "the room is full; try again later");
            continue;
        };
        let Some(slot) = AddressSlot::take(&shared, peer.ip()) else {
            refuse(stream, peer, "too many connections from your address");
            continue;
        };
        shared.stats.connections.fetch_add(1, Ordering::Relaxed);
        let task = tokio::spawn(connection(
            Arc::clone(&shared),
            Arc::clone(&configs.serve),
            stream,
            peer,
            permit,
            slot,
        ));
        let shared = Arc::clone(&shared);
        tokio::spawn(async move {
            if let Err(e) = task.await
                && e.is_panic()
            {
                shared.stats.panics.fetch_add(1, Ordering::Relaxed);
                shared
                    .log
                    .line(format_args!("{peer} connection task panicked"));
            }
        });
    }
}

/// One connection counted against its address; the count drops with it.
struct AddressSlot {
    shared: Arc<Shared>,
    ip: IpAddr,
}

impl AddressSlot {
    fn take(shared: &Arc<Shared>, ip: IpAddr) -> Option<AddressSlot> {
        let mut map = shared.per_address.lock().ok()?;
        let n = map.entry(ip).or_insert(0);
        if *n >= shared.limits.max_per_address {
            return None;
        }
        *n += 1;
        Some(AddressSlot {
            shared: Arc::clone(shared),
            ip,
        })
    }
}

impl Drop for AddressSlot {
    fn drop(&mut self) {
        if let Ok(mut map) = self.shared.per_address.lock()
            && let Some(n) = map.get_mut(&self.ip)
        {
            *n = n.saturating_sub(1);
            if *n == 0 {
                map.remove(&self.ip);
            }
        }
    }
}

async fn connection(
    shared: Arc<Shared>,
    config: Arc<russh::server::Config>,
    stream: TcpStream,
    peer: SocketAddr,
    _permit: OwnedSemaphorePermit,
    _slot: AddressSlot,
) {
    let _live = Live::new(&shared);
    let id = shared.next_id.fetch_add(1, Ordering::Relaxed);
    let authed = Arc::new(AtomicBool::new(false));
    let viewing = Arc::new(AtomicBool::new(false));
    let handler = Conn::new(
        Arc::clone(&shared),
        id,
        peer,
        Arc::clone(&authed),
        Arc::clone(&viewing),
    );
    let grace = shared.limits.auth_grace;
    let deadline = tokio::time::Instant::now() + grace;
    // The version exchange happens inside run_stream: a silent client must not hold a slot.
    let running =
        match tokio::time::timeout(grace, russh::server::run_stream(config, stream, handler)).await
        {
            Ok(Ok(running)) => running,
            Ok(Err(e)) => {
                shared
                    .log
                    .line(format_args!("#{id} {peer} handshake failed: {e}"));
                shared.log.line(format_args!("#{id} {peer} disconnected"));
                return;
            }
            Err(_) => {
                shared
                    .log
                    .line(format_args!("#{id} {peer} said nothing within {grace:?}"));
                shared.log.line(format_args!("#{id} {peer} disconnected"));
                return;
            }
        };
    let handle = running.handle();
    let mut running = std::pin::pin!(running);
    // The session future is polled to completion exactly once: either it ends by itself while
    // the guard waits, or the guard has asked it to end and it gets a last grace period.
    // (Polling it again after it completed panics inside tokio.)
    let ended = tokio::select! {
        ended = &mut running => Some(ended),
        () = guard(&shared, &handle, id, peer, &authed, &viewing, deadline) => {
            tokio::time::timeout(SHUTDOWN_GRACE, &mut running).await.ok()
        }
    };
    match ended {
        // The session task ended without returning: a panic in russh or in our handler.
        Some(Err(russh::Error::Join(_))) => {
            shared.stats.panics.fetch_add(1, Ordering::Relaxed);
            shared.log.line(format_args!(
                "#{id} {peer} disconnected: the session task panicked"
            ));
        }
        Some(Err(e)) => shared
            .log
            .line(format_args!("#{id} {peer} disconnected: {e}")),
        Some(Ok(())) => shared.log.line(format_args!("#{id} {peer} disconnected")),
        None => shared.log.line(format_args!(
            "#{id} {peer} disconnected (did not close within {SHUTDOWN_GRACE:?})"
        )),
    }
}

/// Watches a connection's grace periods and the end of the presentation; returns once it has
/// asked the connection to close (never, for an attendee with a view until shutdown).
async fn guard(
    shared: &Shared,
    handle: &russh::server::Handle,
    id: u64,
    peer: SocketAddr,
    authed: &AtomicBool,
    viewing: &AtomicBool,
    deadline: tokio::time::Instant,
) {
    let grace = shared.limits.auth_grace;
    let mut shutdown = shared.shutdown.clone();
    let shutting_down = tokio::select! {
        () = tokio::time::sleep_until(deadline) => false,
        _ = shutdown.wait_for(|s| *s) => true,
    };
    if !shutting_down && !authed.load(Ordering::Relaxed) {
        shared.log.line(format_args!(
            "#{id} {peer} not authenticated within {grace:?}"
        ));
        disconnect(handle, "authentication took too long").await;
        return;
    }
    if !shutting_down {
        // An authenticated connection that never opens a view (`ssh -N`, refused requests
        // only) does not get to keep its slot: it has another grace period to open one.
        let shutting_down = tokio::select! {
            () = tokio::time::sleep(grace) => false,
            _ = shutdown.wait_for(|s| *s) => true,
        };
        if !shutting_down && !viewing.load(Ordering::Relaxed) {
            shared.log.line(format_args!("#{id} {peer} opened no view"));
            disconnect(handle, "briefing serves a terminal view only").await;
            return;
        }
        let _ = shutdown.wait_for(|s| *s).await;
    }
    // On shutdown the view says goodbye itself; a connection without one is closed here.
    tokio::time::sleep(SHUTDOWN_GRACE).await;
    disconnect(handle, "the presentation has ended").await;
}

pub(crate) async fn disconnect(handle: &russh::server::Handle, why: &str) {
    let _ = handle
        .disconnect(Disconnect::ByApplication, why.into(), String::new())
        .await;
}

/// Counts a connection as live until it is dropped.
struct Live(Arc<Shared>);

impl Live {
    fn new(shared: &Arc<Shared>) -> Live {
        shared.live.send_modify(|n| *n += 1);
        Live(Arc::clone(shared))
    }
}

impl Drop for Live {
    fn drop(&mut self) {
        self.0.live.send_modify(|n| *n = n.saturating_sub(1));
    }
}
