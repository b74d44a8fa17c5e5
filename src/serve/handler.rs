//! One connection's russh [`Handler`]: authenticates as the [`Access`] says, refuses
//! everything but one shell on a pty with an explicit failure, and forwards the attendee's
//! input and window size to the session task.
//!
//! Callbacks never `.await` on their own session: they reply through the `Session` they are
//! given and hand data to the session task with `try_send` (P6 in the research notes).

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use russh::keys::PublicKey;
use russh::server::{Auth, Handler, Msg, PublicKeyOffer, Session, VerifiedPublicKey};
use russh::{Channel, ChannelId, Pty};
use tokio::sync::{mpsc, watch};

use crate::app::Size;
use crate::serve::auth::{self, Access};
use crate::serve::log::{client_bytes, client_text};
use crate::serve::options::clamp_size;
use crate::serve::server::Shared;
use crate::serve::session::{self, Feed};

/// The user name a presenter connects with (`ssh presenter@HOST`). It matters only with
/// `--open`, where everyone else gets in without a key: this name is asked for its key instead.
pub(crate) const PRESENTER_USER: &str = "presenter";

/// Input packets queued for a session task before more are dropped.
const INPUT_QUEUE: usize = 8;
/// The most bytes of one input packet kept: more than any typist sends between two frames,
/// and the rest of a flood would be dropped as keys anyway.
const MAX_INPUT_PACKET: usize = 4096;

/// The connection's end of a session's [`Feed`]: where input bytes and sizes are sent.
struct FeedTx {
    input: mpsc::Sender<Vec<u8>>,
    size: watch::Sender<Size>,
}

/// One connection's russh handler.
pub(crate) struct Conn {
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
    feed: Option<FeedTx>,
    /// Passcodes and signed keys refused so far (the probes clients make first do not count).
    failed_attempts: usize,
    /// Signed in with a presenter key: this connection's view leads.
    presenter: bool,
}

impl Conn {
    /// A handler for connection `id` from `peer`; `authed` and `viewing` tell the connection
    /// task how far the client got.
    pub(crate) fn new(
        shared: Arc<Shared>,
        id: u64,
        peer: SocketAddr,
        authed: Arc<AtomicBool>,
        viewing: Arc<AtomicBool>,
    ) -> Conn {
        Conn {
            shared,
            id,
            peer,
            authed,
            viewing,
            user: String::new(),
            channel: None,
            pty: None,
            feed: None,
            failed_attempts: 0,
            presenter: false,
        }
    }

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

    /// Refused, keeping `method` on offer: russh takes a method off the list when a
    /// rejection names none, and OpenSSH then stops asking for the passcode it still counts.
    fn reject(&self) -> Auth {
        Auth::Reject {
            proceed_with_methods: Some(self.shared.methods()),
            partial_success: false,
        }
    }

    /// True when this connection has used up its attempts.
    fn out_of_attempts(&self) -> bool {
        self.failed_attempts >= self.shared.limits.max_auth_attempts
    }

    /// Logs and counts the outcome of an attempt; a refused passcode or signed key uses up one
    /// of the connection's attempts.
    fn auth_result(&mut self, user: &str, method: &str, ok: bool) -> Auth {
        if !ok {
            self.failed_attempts += 1;
        }
        self.auth_outcome(user, method, ok)
    }

    /// Logs and counts the outcome of an authentication request.
    fn auth_outcome(&mut self, user: &str, method: &str, ok: bool) -> Auth {
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
            self.reject()
        }
    }

    /// Whether `key` may sign in, and as whom: `Some(true)` for a presenter key, `Some(false)`
    /// for an attendee's key.
    fn key_role(&self, key: &PublicKey) -> Option<bool> {
        if let Some(path) = &self.shared.presenter_keys
            && auth::is_key_authorized(path, key)
        {
            return Some(true);
        }
        match &self.shared.access {
            Access::AuthorizedKeys(path) if auth::is_key_authorized(path, key) => Some(false),
            _ => None,
        }
    }

    /// Starts the view on the pty: the session task owns the terminal from here on.
    fn start_view(&mut self, channel: ChannelId, size: Size, session: &mut Session) {
        self.viewing.store(true, Ordering::Relaxed);
        let (input_tx, input_rx) = mpsc::channel(INPUT_QUEUE);
        let (size_tx, size_rx) = watch::channel(size);
        self.feed = Some(FeedTx {
            input: input_tx,
            size: size_tx,
        });
        let feed = Feed {
            input: input_rx,
            size: size_rx,
        };
        let role = if self.presenter {
            session::Role::Presenter
        } else {
            session::Role::Attendee
        };
        session::spawn(
            Arc::clone(&self.shared),
            session.handle(),
            channel,
            self.id,
            feed,
            role,
        );
    }
}

impl Handler for Conn {
    type Error = russh::Error;

    async fn auth_none(&mut self, user: &str) -> Result<Auth, Self::Error> {
        // With --open, the presenter's name goes on to sign with its key.
        let presenter = user == PRESENTER_USER && self.shared.presenter_keys.is_some();
        let ok = self.shared.access == Access::Open && !presenter;
        Ok(if ok {
            self.auth_result(user, "none (--open)", true)
        } else {
            // The probe every client makes first: not a failure worth counting.
            self.reject()
        })
    }

    async fn auth_password(&mut self, user: &str, password: &str) -> Result<Auth, Self::Error> {
        if self.out_of_attempts() {
            return Ok(self.reject());
        }
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
        // Unknown keys are turned away before the client signs anything; offering keys is
        // not an attempt (a client with several keys offers each in turn).
        if self.out_of_attempts() {
            return Ok(self.reject());
        }
        if self.key_role(offer.public_key).is_some() {
            Ok(Auth::Accept)
        } else {
            Ok(self.auth_outcome(user, "public key offered", false))
        }
    }

    async fn auth_publickey(
        &mut self,
        user: &str,
        key: VerifiedPublicKey<'_>,
    ) -> Result<Auth, Self::Error> {
        if self.out_of_attempts() {
            return Ok(self.reject());
        }
        let role = self.key_role(key.public_key);
        self.presenter = role == Some(true);
        let method = format!(
            "{} {}",
            if self.presenter {
                "presenter key"
            } else {
                "public key"
            },
            key.public_key.fingerprint(russh::keys::HashAlg::Sha256)
        );
        Ok(self.auth_result(user, &method, role.is_some()))
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
        if !self.is_ours(channel) || self.feed.is_some() {
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
        if !self.is_ours(channel) || self.feed.is_some() {
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
        name: &str,
        _value: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refused(format_args!("environment variable {}", client_text(name)));
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
        match &self.feed {
            Some(feed) => {
                feed.size.send_replace(size);
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
        if let (true, Some(feed)) = (self.is_ours(channel), &self.feed)
            && feed
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
            self.feed = None;
        }
        Ok(())
    }

    async fn channel_close(
        &mut self,
        channel: ChannelId,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if self.is_ours(channel) {
            self.feed = None;
        }
        Ok(())
    }
}
