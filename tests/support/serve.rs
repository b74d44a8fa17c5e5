//! Test harness for `briefing serve`: a room (the server on 127.0.0.1 with an ephemeral port and
//! a presenter state driven by keys) and attendees connected with the russh client, whose
//! screens are read back with vt100. Everything waits on a deadline, never a fixed sleep.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::Arc;
use std::time::Duration;

use briefing::app::{Action, Session, Size, State, parse_keys, update};
use briefing::model::Lang;
use briefing::serve::{Access, Config, Limits, ServerHandle};
use briefing::ui::{self, Theme};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use russh::client;
use russh::keys::{Algorithm, PrivateKey, PrivateKeyWithHashAlg, PublicKeyOrCertificate};
use russh::{ChannelMsg, Pty};
use tokio::time::{Instant, timeout};

/// How long any wait may take before a test fails: generous for a loaded 2-core machine.
pub const DEADLINE: Duration = Duration::from_secs(10);

/// The presenter's terminal size in tests.
pub const PRESENTER: Size = Size::new(100, 30);

pub fn template() -> State {
    State::new(briefing::model::bundled().unwrap(), Lang::Fr, PRESENTER)
}

pub fn random_key() -> PrivateKey {
    PrivateKey::random(&mut rand::rng(), Algorithm::Ed25519).unwrap()
}

/// Limits for tests: small enough to exercise, with quick auth rejections.
pub fn test_limits() -> Limits {
    Limits {
        auth_rejection: Duration::from_millis(50),
        ..Limits::default()
    }
}

/// The server and the presenter's state.
pub struct Room {
    pub server: ServerHandle,
    pub presenter: State,
    pub dir: tempfile::TempDir,
    /// A key listed in the room's authorized_keys (used with [`Access::AuthorizedKeys`]).
    pub key: PrivateKey,
    pub host_key: PrivateKey,
}

impl Room {
    /// A room that lets in `key` by its authorized_keys file.
    pub async fn with_keys(limits: Limits) -> Room {
        let dir = tempfile::tempdir().unwrap();
        let key = random_key();
        let path = dir.path().join("authorized_keys");
        std::fs::write(&path, key.public_key().to_openssh().unwrap() + "\n").unwrap();
        Room::start(dir, key, Access::AuthorizedKeys(path), limits).await
    }

    /// A room with any access.
    pub async fn with_access(access: Access, limits: Limits) -> Room {
        Room::start(tempfile::tempdir().unwrap(), random_key(), access, limits).await
    }

    async fn start(
        dir: tempfile::TempDir,
        key: PrivateKey,
        access: Access,
        limits: Limits,
    ) -> Room {
        let host_key = random_key();
        let config = Config {
            listen: "127.0.0.1:0".parse().unwrap(),
            host_key: host_key.clone(),
            access,
            limits,
            theme: Theme::new(true),
            log: Some(dir.path().join("serve.log")),
            presenter_keys: Some(dir.path().join("presenter_keys")),
        };
        let mut presenter = template();
        presenter.session = Session::Presenter { watchers: 0 };
        let server = briefing::serve::start(config, presenter.clone())
            .await
            .unwrap();
        Room {
            server,
            presenter,
            dir,
            key,
            host_key,
        }
    }

    pub fn port(&self) -> u16 {
        self.server.local_addr().port()
    }

    /// Presses keys (keymap notation) on the presenter and publishes the new position, as the
    /// presenter's terminal loop does.
    pub fn press(&mut self, keys: &str) {
        for key in parse_keys(keys).unwrap() {
            briefing::app::press(&mut self.presenter, key);
        }
        self.server.publish(self.presenter.position());
    }

    /// The presenter moves on: today the next pane; with presentation mode, the next slide.
    pub fn advance(&mut self) {
        self.press("<Tab>");
    }

    /// Waits until `n` attendees have a view open.
    pub async fn wait_watchers(&self, n: usize) {
        let mut rx = self.server.subscribe_watchers();
        let r = timeout(DEADLINE, rx.wait_for(|w| *w == n)).await;
        assert!(
            r.is_ok(),
            "expected {n} watchers, have {}",
            self.server.watchers()
        );
    }

    /// Waits until a presenter over SSH leads.
    pub async fn wait_until_led_remotely(&self) {
        let start = std::time::Instant::now();
        while !self.server.is_led_remotely() {
            assert!(
                start.elapsed() < DEADLINE,
                "no presenter over SSH took the lead"
            );
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
    }

    /// What a following attendee at `size` should see now.
    pub fn following_screen(&self, size: Size) -> Vec<String> {
        self.attendee_screen(size, "", true)
    }

    /// What an attendee at `size` sees after pressing `keys` (from following the presenter).
    pub fn attendee_screen(&self, size: Size, keys: &str, following: bool) -> Vec<String> {
        let mut s = template();
        s.session = Session::Attendee { following: true };
        update(&mut s, Action::Resize(size));
        update(&mut s, Action::FollowTo(self.presenter.position()));
        for key in parse_keys(keys).unwrap() {
            briefing::app::press(&mut s, key);
        }
        assert_eq!(s.session, Session::Attendee { following });
        render_lines(&s, size)
    }
}

pub fn render_lines(state: &State, size: Size) -> Vec<String> {
    let mut buf = Buffer::empty(Rect::new(0, 0, size.width, size.height));
    ui::render(state, &Theme::new(true), &mut buf);
    ui::export::to_text(&buf)
        .lines()
        .map(|l| l.trim_end().to_string())
        .collect()
}

/// A vt100 screen of `size`.
pub fn new_parser(size: Size) -> vt100::Parser {
    vt100::Parser::new(nz(size.height), nz(size.width), 0)
}

/// Gives `parser` a new size, as a terminal does when its window changes.
pub fn set_size(parser: &mut vt100::Parser, size: Size) {
    parser
        .screen_mut()
        .set_size(nz(size.height), nz(size.width));
}

fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).unwrap()
}

pub fn screen_lines(screen: &vt100::Screen) -> Vec<String> {
    let (_, cols) = screen.size();
    screen
        .rows(0, cols.get())
        .map(|l| l.trim_end().to_string())
        .collect()
}

/// A russh client handler that trusts the host key it is given.
pub struct Client {
    pub host_key: Option<russh::keys::PublicKey>,
}

impl client::Handler for Client {
    type Error = russh::Error;

    async fn check_server_key(
        &mut self,
        key: &PublicKeyOrCertificate,
    ) -> Result<bool, Self::Error> {
        Ok(match (&self.host_key, key) {
            (None, _) => true,
            (Some(want), PublicKeyOrCertificate::PublicKey { key, .. }) => {
                want.key_data() == key.key_data()
            }
            _ => false,
        })
    }
}

/// How an attendee authenticates.
pub enum Login<'a> {
    Key(&'a PrivateKey),
    Password(&'a str),
    None,
}

/// Connects and authenticates; the result says whether authentication succeeded.
pub async fn connect(port: u16, login: Login<'_>) -> (client::Handle<Client>, bool) {
    let config = Arc::new(client::Config::default());
    let mut handle = client::connect(config, ("127.0.0.1", port), Client { host_key: None })
        .await
        .unwrap();
    let ok = match login {
        Login::Key(key) => handle
            .authenticate_publickey(
                "attendee",
                PrivateKeyWithHashAlg::new(Arc::new(key.clone()), None),
            )
            .await
            .unwrap()
            .success(),
        Login::Password(p) => handle
            .authenticate_password("attendee", p)
            .await
            .unwrap()
            .success(),
        Login::None => handle
            .authenticate_none("attendee")
            .await
            .unwrap()
            .success(),
    };
    (handle, ok)
}

/// An attendee with a pty and a screen.
pub struct Attendee {
    pub handle: client::Handle<Client>,
    pub channel: russh::Channel<client::Msg>,
    pub parser: vt100::Parser,
    pub size: Size,
    pub closed: bool,
    pub exit_status: Option<u32>,
    /// Every byte received, for what a screen does not keep (an OSC 52 copy).
    pub raw: Vec<u8>,
}

impl Attendee {
    /// Connects with `login`, asks for a pty of `size` and a shell.
    pub async fn join(port: u16, login: Login<'_>, size: Size) -> Attendee {
        Attendee::join_claiming(port, login, size, size).await
    }

    /// Like [`join`](Attendee::join), but the pty request claims `claim` while the screen
    /// emulated here is `size`.
    pub async fn join_claiming(port: u16, login: Login<'_>, claim: Size, size: Size) -> Attendee {
        let (handle, ok) = connect(port, login).await;
        assert!(ok, "authentication failed");
        Attendee::open(handle, claim.width.into(), claim.height.into(), size).await
    }

    pub async fn open(
        handle: client::Handle<Client>,
        cols: u32,
        rows: u32,
        size: Size,
    ) -> Attendee {
        let channel = handle.channel_open_session().await.unwrap();
        channel
            .request_pty(true, "xterm-256color", cols, rows, 0, 0, &[(Pty::ECHO, 0)])
            .await
            .unwrap();
        channel.request_shell(true).await.unwrap();
        Attendee {
            handle,
            channel,
            parser: new_parser(size),
            size,
            closed: false,
            exit_status: None,
            raw: Vec::new(),
        }
    }

    /// Reads what arrives until `done` holds for the screen, or the deadline passes.
    pub async fn wait_until(&mut self, what: &str, done: impl Fn(&vt100::Screen) -> bool) {
        let end = Instant::now() + DEADLINE;
        while !done(self.parser.screen()) {
            let left = end.saturating_duration_since(Instant::now());
            match timeout(left, self.channel.wait()).await {
                Ok(Some(msg)) => self.take(msg),
                Ok(None) => {
                    self.closed = true;
                    break;
                }
                Err(_) => break,
            }
        }
        assert!(
            done(self.parser.screen()),
            "waited {DEADLINE:?} for {what}; the screen shows:\n{}",
            screen_lines(self.parser.screen()).join("\n")
        );
    }

    fn take(&mut self, msg: ChannelMsg) {
        match msg {
            ChannelMsg::Data { data } => {
                self.raw.extend_from_slice(&data);
                self.parser.process(&data);
            }
            ChannelMsg::ExitStatus { exit_status } => self.exit_status = Some(exit_status),
            ChannelMsg::Close => self.closed = true,
            _ => {}
        }
    }

    /// Waits until the screen is exactly `lines`.
    pub async fn wait_screen(&mut self, what: &str, lines: &[String]) {
        let want = lines.to_vec();
        self.wait_until(what, move |s| screen_lines(s) == want)
            .await;
    }

    /// Reads until the channel closes.
    pub async fn wait_closed(&mut self) {
        let end = Instant::now() + DEADLINE;
        while !self.closed {
            let left = end.saturating_duration_since(Instant::now());
            match timeout(left, self.channel.wait()).await {
                Ok(Some(msg)) => self.take(msg),
                Ok(None) => self.closed = true,
                Err(_) => panic!("the channel did not close within {DEADLINE:?}"),
            }
        }
    }

    pub async fn send(&self, bytes: &[u8]) {
        self.channel.data_bytes(bytes.to_vec()).await.unwrap();
    }

    pub async fn resize(&mut self, size: Size) {
        self.channel
            .window_change(size.width.into(), size.height.into(), 0, 0)
            .await
            .unwrap();
        set_size(&mut self.parser, size);
        self.size = size;
    }
}

/// A client that records what the server says when it turns it away: the banner and the
/// disconnect message.
pub struct Listener {
    pub said: Arc<std::sync::Mutex<Vec<String>>>,
}

impl client::Handler for Listener {
    type Error = russh::Error;

    async fn check_server_key(
        &mut self,
        _key: &PublicKeyOrCertificate,
    ) -> Result<bool, Self::Error> {
        Ok(true)
    }

    async fn auth_banner(
        &mut self,
        banner: &str,
        _session: &mut client::Session,
    ) -> Result<(), Self::Error> {
        self.said.lock().unwrap().push(banner.to_string());
        Ok(())
    }

    async fn disconnected(
        &mut self,
        reason: client::DisconnectReason<Self::Error>,
    ) -> Result<(), Self::Error> {
        if let client::DisconnectReason::ReceivedDisconnect(info) = reason {
            self.said.lock().unwrap().push(info.message);
        }
        Ok(())
    }
}

/// Connects and tries to authenticate as a person would; what the server said while turning
/// the connection away (empty when it let it in or said nothing).
pub async fn refusal(port: u16, key: &PrivateKey) -> Vec<String> {
    let said = Arc::new(std::sync::Mutex::new(Vec::new()));
    let listener = Listener {
        said: Arc::clone(&said),
    };
    let config = Arc::new(client::Config::default());
    if let Ok(mut handle) = client::connect(config, ("127.0.0.1", port), listener).await {
        let auth = handle
            .authenticate_publickey(
                "attendee",
                PrivateKeyWithHashAlg::new(Arc::new(key.clone()), None),
            )
            .await;
        assert!(
            !auth.is_ok_and(|a| a.success()),
            "a refused connection authenticated"
        );
        let end = Instant::now() + DEADLINE;
        while !handle.is_closed() && Instant::now() < end {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        assert!(handle.is_closed(), "a refused connection stayed open");
    }
    said.lock().unwrap().clone()
}
