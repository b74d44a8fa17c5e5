//! The SSH server: our own accept loop (limits are checked before any SSH byte is read), one
//! russh session per connection, and the russh [`Handler`] that authenticates, refuses
//! everything but one shell on a pty, and forwards input and resizes to the session task.
//!
//! Callbacks never `.await` on their own session: they reply through the `Session` they are
//! given and hand data to the session task with `try_send` (P6 in the research notes).

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use russh::keys::PublicKey;
use russh::server::{Auth, Handler, Msg, PublicKeyOffer, Session, VerifiedPublicKey};
use russh::{Channel, ChannelId, Disconnect, MethodSet, Pty, SshId};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore, mpsc, watch};

use crate::app::{Position, Session as Viewer, Size, State};
use crate::serve::auth::{self, Access};
use crate::serve::log::{Log, client_bytes, client_text};
use crate::serve::options::{Limits, clamp_size};
use crate::serve::session::{self, Link};
use crate::ui::Theme;

/// Input packets queued for a session task before more are dropped.
const INPUT_QUEUE: usize = 8;
/// The most bytes of one input packet kept: more than any typist sends between two frames,
/// and the rest of a flood would be dropped as keys anyway.
const MAX_INPUT_PACKET: usize = 4096;
/// How long a connection has to end by itself once the presentation ends.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(3);
/// Pause after a failed `accept` (out of file descriptors, ...), so the loop does not spin.
const ACCEPT_BACKOFF: Duration = Duration::from_millis(100);

/// Counters the server keeps; read them with [`ServerHandle::stats`].
#[derive(Debug, Default)]
pub struct Stats {
    /// Connections accepted by the limits.
    pub connections: AtomicU64,
    /// Connections refused by the session or per-address limits.
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
}

/// What every connection shares.
pub(crate) struct Shared {
    pub(crate) access: Access,
    pub(crate) limits: Limits,
    pub(crate) theme: Theme,
    /// The attendees' starting state: the briefing, following.
    pub(crate) template: State,
    pub(crate) position: watch::Receiver<Position>,
    pub(crate) shutdown: watch::Receiver<bool>,
    pub(crate) watchers: watch::Sender<usize>,
    /// Connections alive, authenticated or not.
    live: watch::Sender<usize>,
    pub(crate) stats: Arc<Stats>,
    pub(crate) log: Log,
    per_address: Mutex<HashMap<IpAddr, usize>>,
    next_id: AtomicU64,
}

/// The server's russh configuration: one host key, one authentication method, small windows
/// (input is tiny), keepalives to find dead peers, and a neutral version string.
fn russh_config(
    host_key: russh::keys::PrivateKey,
    access: &Access,
    limits: &Limits,
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
        methods: MethodSet::from(&[access.method()][..]),
        auth_rejection_time: limits.auth_rejection,
        auth_rejection_time_initial: Some(Duration::ZERO),
        keys: vec![host_key],
        window_size: 64 * 1024,
        channel_buffer_size: 16,
        max_auth_attempts: limits.max_auth_attempts,
        inactivity_timeout: Some(limits.idle),
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
    position: watch::Sender<Position>,
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

    /// Publishes the presenter's position to every following attendee. Never blocks: each
    /// session reads only the latest position when it is ready for it.
    pub fn publish(&self, position: Position) {
        self.position.send_if_modified(|p| {
            let changed = *p != position;
            *p = position;
            changed
        });
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
    let russh_config = Arc::new(russh_config(
        config.host_key,
        &config.access,
        &config.limits,
    ));
    let shared = Arc::new(Shared {
        access: config.access,
        limits: config.limits,
        theme: config.theme,
        template: attendee,
        position: position_rx,
        shutdown: shutdown_rx,
        watchers: watchers_tx,
        live: live_tx,
        stats: Arc::clone(&stats),
        log,
        per_address: Mutex::new(HashMap::new()),
        next_id: AtomicU64::new(1),
    });
    shared.log.line(format_args!("listening on {addr}"));
    let accept = tokio::spawn(accept_loop(listener, shared, russh_config));
    Ok(ServerHandle {
        addr,
        position: position_tx,
        watchers: watchers_rx,
        live: live_rx,
        shutdown: shutdown_tx,
        stats,
        accept,
    })
}

async fn accept_loop(
    listener: TcpListener,
    shared: Arc<Shared>,
    config: Arc<russh::server::Config>,
) {
    let sessions = Arc::new(Semaphore::new(shared.limits.max_sessions));
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
        let Ok(permit) = Arc::clone(&sessions).try_acquire_owned() else {
            refuse(&shared, stream, peer, "the room is full");
            continue;
        };
        let Some(slot) = AddressSlot::take(&shared, peer.ip()) else {
            refuse(
                &shared,
                stream,
                peer,
                "too many connections from your address",
            );
            continue;
        };
        shared.stats.connections.fetch_add(1, Ordering::Relaxed);
        tokio::spawn(connection(
            Arc::clone(&shared),
            Arc::clone(&config),
            stream,
            peer,
            permit,
            slot,
        ));
    }
}

/// Turns a connection away before SSH starts, with a line ssh shows (RFC 4253 allows lines
/// before the version string).
fn refuse(shared: &Shared, stream: TcpStream, peer: SocketAddr, why: &str) {
    shared.stats.refused_full.fetch_add(1, Ordering::Relaxed);
    shared.log.line(format_args!("refused {peer}: {why}"));
    let _ = stream.try_write(format!("briefing: {why}\r\n").as_bytes());
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
    let handler = Conn {
        shared: Arc::clone(&shared),
        id,
        peer,
        authed: Arc::clone(&authed),
        viewing: Arc::clone(&viewing),
        user: String::new(),
        channel: None,
        pty: None,
        link: None,
    };
    let grace = shared.limits.auth_grace;
    let deadline = tokio::time::Instant::now() + grace;
    let mut shutdown = shared.shutdown.clone();
    // The version exchange happens inside run_stream: a silent client must not hold a slot.
    let running =
        match tokio::time::timeout(grace, russh::server::run_stream(config, stream, handler)).await
        {
            Ok(Ok(running)) => running,
            Ok(Err(e)) => {
                shared
                    .log
                    .line(format_args!("#{id} {peer} handshake failed: {e}"));
                return;
            }
            Err(_) => {
                shared
                    .log
                    .line(format_args!("#{id} {peer} said nothing within {grace:?}"));
                return;
            }
        };
    let handle = running.handle();
    let mut running = std::pin::pin!(running);
    let shutting_down = tokio::select! {
        _ = &mut running => return,
        _ = tokio::time::sleep_until(deadline) => false,
        _ = shutdown.wait_for(|s| *s) => true,
    };
    if !shutting_down && !authed.load(Ordering::Relaxed) {
        shared.log.line(format_args!(
            "#{id} {peer} not authenticated within {grace:?}"
        ));
        disconnect(&handle, "authentication took too long").await;
    } else if !shutting_down {
        // An authenticated connection that never opens a view (`ssh -N`, refused requests
        // only) does not get to keep its slot: it has another grace period to open one.
        let ended = tokio::select! {
            _ = &mut running => true,
            _ = tokio::time::sleep(grace) => false,
            _ = shutdown.wait_for(|s| *s) => false,
        };
        if !ended && !viewing.load(Ordering::Relaxed) && !*shutdown.borrow() {
            shared.log.line(format_args!("#{id} {peer} opened no view"));
            disconnect(&handle, "briefing serves a terminal view only").await;
        } else if !ended {
            tokio::select! {
                _ = &mut running => {}
                _ = shutdown.wait_for(|s| *s) => {}
            }
        }
    }
    // On shutdown the view says goodbye itself; a connection without one is closed here.
    tokio::select! {
        _ = &mut running => {}
        _ = tokio::time::sleep(SHUTDOWN_GRACE) => disconnect(&handle, "the presentation has ended").await,
    }
    let _ = running.await;
    shared.log.line(format_args!("#{id} {peer} disconnected"));
}

async fn disconnect(handle: &russh::server::Handle, why: &str) {
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

/// The session task's end of a connection: input bytes and the terminal size.
struct LinkTx {
    input: mpsc::Sender<Vec<u8>>,
    size: watch::Sender<Size>,
}

/// One connection's russh handler.
struct Conn {
    shared: Arc<Shared>,
    id: u64,
    peer: SocketAddr,
    authed: Arc<AtomicBool>,
    /// Set once the view runs.
    viewing: Arc<AtomicBool>,
    user: String,
    /// The one session channel this connection may have.
    channel: Option<ChannelId>,
    /// The size and TERM from the pty request.
    pty: Option<(Size, String)>,
    /// Set once the view runs.
    link: Option<LinkTx>,
}

impl Conn {
    fn is_ours(&self, channel: ChannelId) -> bool {
        self.channel == Some(channel)
    }

    fn refused(&self, what: std::fmt::Arguments<'_>) {
        self.shared
            .stats
            .refused_requests
            .fetch_add(1, Ordering::Relaxed);
        self.shared
            .log
            .line(format_args!("#{} refused {what}", self.id));
    }

    fn auth_result(&mut self, user: &str, method: &str, ok: bool) -> Auth {
        self.user = client_text(user);
        if ok {
            self.shared.log.line(format_args!(
                "#{} {} user {} authenticated by {method}",
                self.id, self.peer, self.user
            ));
            Auth::Accept
        } else {
            self.shared
                .stats
                .refused_auth
                .fetch_add(1, Ordering::Relaxed);
            self.shared.log.line(format_args!(
                "#{} {} user {} refused ({method})",
                self.id, self.peer, self.user
            ));
            Auth::Reject {
                proceed_with_methods: None,
                partial_success: false,
            }
        }
    }

    fn key_ok(&self, key: &PublicKey) -> bool {
        match &self.shared.access {
            Access::AuthorizedKeys(path) => auth::is_key_authorized(path, key),
            _ => false,
        }
    }

    /// Starts the view on the pty: the session task owns the terminal from here on.
    fn start_view(&mut self, channel: ChannelId, size: Size, session: &mut Session) {
        self.viewing.store(true, Ordering::Relaxed);
        let (input_tx, input_rx) = mpsc::channel(INPUT_QUEUE);
        let (size_tx, size_rx) = watch::channel(size);
        self.link = Some(LinkTx {
            input: input_tx,
            size: size_tx,
        });
        let link = Link {
            input: input_rx,
            size: size_rx,
        };
        session::spawn(
            Arc::clone(&self.shared),
            session.handle(),
            channel,
            self.id,
            link,
        );
    }
}

impl Handler for Conn {
    type Error = russh::Error;

    async fn auth_none(&mut self, user: &str) -> Result<Auth, Self::Error> {
        let ok = self.shared.access == Access::Open;
        Ok(if ok {
            self.auth_result(user, "none (--open)", true)
        } else {
            // The probe every client makes first: not a failure worth counting.
            Auth::Reject {
                proceed_with_methods: None,
                partial_success: false,
            }
        })
    }

    async fn auth_password(&mut self, user: &str, password: &str) -> Result<Auth, Self::Error> {
        let ok = match &self.shared.access {
            Access::Passcode(code) => auth::passcode_matches(code, password),
            _ => false,
        };
        Ok(self.auth_result(user, "passcode", ok))
    }

    async fn auth_publickey_offered(
        &mut self,
        user: &str,
        offer: PublicKeyOffer<'_>,
    ) -> Result<Auth, Self::Error> {
        // Unknown keys are turned away before the client signs anything.
        if self.key_ok(offer.public_key) {
            Ok(Auth::Accept)
        } else {
            Ok(self.auth_result(user, "public key", false))
        }
    }

    async fn auth_publickey(
        &mut self,
        user: &str,
        key: VerifiedPublicKey<'_>,
    ) -> Result<Auth, Self::Error> {
        let ok = self.key_ok(key.public_key);
        let method = format!(
            "public key {}",
            key.public_key.fingerprint(russh::keys::HashAlg::Sha256)
        );
        Ok(self.auth_result(user, &method, ok))
    }

    async fn auth_succeeded(&mut self, _session: &mut Session) -> Result<(), Self::Error> {
        self.authed.store(true, Ordering::Relaxed);
        Ok(())
    }

    async fn channel_open_session(
        &mut self,
        channel: Channel<Msg>,
        reply: russh::server::ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if self.channel.is_some() {
            self.refused(format_args!("a second session channel"));
            // Dropping the reply refuses the channel.
            return Ok(());
        }
        self.channel = Some(channel.id());
        // The channel's own message queue is not read; dropping it keeps russh from waiting
        // on it (P7). Everything arrives through this handler instead.
        drop(channel);
        // An unbounded send of the reply: it never waits on this session (P6).
        reply.accept().await;
        Ok(())
    }

    async fn pty_request(
        &mut self,
        channel: ChannelId,
        term: &str,
        col_width: u32,
        row_height: u32,
        _pix_width: u32,
        _pix_height: u32,
        _modes: &[(Pty, u32)],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        if !self.is_ours(channel) || self.link.is_some() {
            self.refused(format_args!("a pty request out of turn"));
            session.channel_failure(channel)?;
            return Ok(());
        }
        let size = clamp_size(col_width, row_height, self.shared.limits.max_size);
        self.shared.log.line(format_args!(
            "#{} pty {}x{} (asked {col_width}x{row_height}) TERM={}",
            self.id,
            size.width,
            size.height,
            client_text(term)
        ));
        self.pty = Some((size, client_text(term)));
        session.channel_success(channel)?;
        Ok(())
    }

    async fn shell_request(
        &mut self,
        channel: ChannelId,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        if !self.is_ours(channel) || self.link.is_some() {
            self.refused(format_args!("a shell request out of turn"));
            session.channel_failure(channel)?;
            return Ok(());
        }
        session.channel_success(channel)?;
        match self.pty {
            Some((size, _)) => self.start_view(channel, size, session),
            None => {
                // Say why in words, rather than a bare "shell request failed".
                self.refused(format_args!("a shell without a terminal"));
                let text = "briefing needs a terminal: connect with ssh -t\r\n";
                session.data(channel, text.as_bytes().to_vec())?;
                session.exit_status_request(channel, 1)?;
                session.eof(channel)?;
                session.close(channel)?;
            }
        }
        Ok(())
    }

    async fn exec_request(
        &mut self,
        channel: ChannelId,
        data: &[u8],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refused(format_args!("exec {}", client_bytes(data)));
        session.channel_failure(channel)?;
        Ok(())
    }

    async fn subsystem_request(
        &mut self,
        channel: ChannelId,
        name: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refused(format_args!("subsystem {}", client_text(name)));
        session.channel_failure(channel)?;
        Ok(())
    }

    async fn env_request(
        &mut self,
        channel: ChannelId,
        _name: &str,
        _value: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        session.channel_failure(channel)?;
        Ok(())
    }

    async fn x11_request(
        &mut self,
        channel: ChannelId,
        _single_connection: bool,
        _protocol: &str,
        _cookie: &str,
        _screen: u32,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refused(format_args!("X11 forwarding"));
        session.channel_failure(channel)?;
        Ok(())
    }

    async fn agent_request(
        &mut self,
        _channel: ChannelId,
        _session: &mut Session,
    ) -> Result<bool, Self::Error> {
        self.refused(format_args!("agent forwarding"));
        Ok(false)
    }

    async fn tcpip_forward(
        &mut self,
        address: &str,
        port: &mut u32,
        _session: &mut Session,
    ) -> Result<bool, Self::Error> {
        self.refused(format_args!(
            "remote forwarding of {}:{port}",
            client_text(address)
        ));
        Ok(false)
    }

    async fn streamlocal_forward(
        &mut self,
        path: &str,
        _session: &mut Session,
    ) -> Result<bool, Self::Error> {
        self.refused(format_args!("socket forwarding of {}", client_text(path)));
        Ok(false)
    }

    async fn channel_open_direct_tcpip(
        &mut self,
        _channel: Channel<Msg>,
        host: &str,
        port: u32,
        _originator_address: &str,
        _originator_port: u32,
        _reply: russh::server::ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        // Dropping the reply refuses the channel (administratively prohibited).
        self.refused(format_args!(
            "local forwarding to {}:{port}",
            client_text(host)
        ));
        Ok(())
    }

    async fn window_change_request(
        &mut self,
        channel: ChannelId,
        col_width: u32,
        row_height: u32,
        _pix_width: u32,
        _pix_height: u32,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if !self.is_ours(channel) {
            return Ok(());
        }
        let size = clamp_size(col_width, row_height, self.shared.limits.max_size);
        match &self.link {
            Some(link) => {
                link.size.send_replace(size);
            }
            None => {
                if let Some((s, _)) = &mut self.pty {
                    *s = size;
                }
            }
        }
        Ok(())
    }

    async fn data(
        &mut self,
        channel: ChannelId,
        data: &[u8],
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if let (true, Some(link)) = (self.is_ours(channel), &self.link)
            && link
                .input
                .try_send(data[..data.len().min(MAX_INPUT_PACKET)].to_vec())
                .is_err()
        {
            // A full queue means the client types faster than anyone can: drop, never wait.
            self.shared
                .stats
                .dropped_input
                .fetch_add(1, Ordering::Relaxed);
        }
        Ok(())
    }

    async fn channel_eof(
        &mut self,
        channel: ChannelId,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if self.is_ours(channel) {
            // No more input: the session task sees its queue close and says goodbye.
            self.link = None;
        }
        Ok(())
    }

    async fn channel_close(
        &mut self,
        channel: ChannelId,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if self.is_ours(channel) {
            self.link = None;
        }
        Ok(())
    }
}
