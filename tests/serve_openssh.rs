//! `briefing serve` with the real OpenSSH client: `ssh` runs under a pty (portable-pty) and its
//! screen is read back with vt100. Skipped, with a note, where `ssh` is not installed.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::support::serve as support;

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use briefing::app::Size;
use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use russh::keys::ssh_key::LineEnding;
use support::{DEADLINE, Room, screen_lines, test_limits};

fn have_ssh() -> bool {
    let found = Command::new("ssh")
        .arg("-V")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok();
    if !found {
        eprintln!("note: OpenSSH's ssh is not on PATH; skipping the OpenSSH tests");
    }
    found
}

/// The client key and known_hosts for `room`, in its temporary directory.
fn client_files(room: &Room) -> (PathBuf, PathBuf) {
    let key = room.dir.path().join("id_ed25519");
    if !key.exists() {
        room.key.write_openssh_file(&key, LineEnding::LF).unwrap();
    }
    let known = room.dir.path().join("known_hosts");
    let line = format!(
        "[127.0.0.1]:{} {}\n",
        room.port(),
        room.host_key.public_key().to_openssh().unwrap()
    );
    std::fs::write(&known, line).unwrap();
    (key, known)
}

fn ssh_args(port: u16, key: &Path, known: &Path) -> Vec<String> {
    [
        "-p",
        &port.to_string(),
        "-i",
        &key.display().to_string(),
        "-F",
        "/dev/null",
        "-o",
        "BatchMode=yes",
        "-o",
        "IdentitiesOnly=yes",
        "-o",
        "StrictHostKeyChecking=yes",
        "-o",
        &format!("UserKnownHostsFile={}", known.display()),
        "-o",
        "LogLevel=ERROR",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

/// `ssh` under a pty, with its screen.
struct Pty {
    child: Box<dyn portable_pty::Child + Send + Sync>,
    master: Box<dyn portable_pty::MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    output: mpsc::Receiver<Vec<u8>>,
    parser: vt100::Parser,
}

impl Pty {
    fn spawn(args: &[String], size: Size) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: size.height,
                cols: size.width,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new("ssh");
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let (tx, output) = mpsc::channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Pty {
            child,
            master: pair.master,
            writer,
            output,
            parser: support::new_parser(size),
        }
    }

    fn wait_until(&mut self, what: &str, done: impl Fn(&vt100::Screen) -> bool) {
        let end = Instant::now() + DEADLINE;
        while !done(self.parser.screen()) {
            let left = end.saturating_duration_since(Instant::now());
            match self.output.recv_timeout(left) {
                Ok(bytes) => self.parser.process(&bytes),
                Err(_) => break,
            }
        }
        assert!(
            done(self.parser.screen()),
            "waited {DEADLINE:?} for {what}; the screen shows:\n{}",
            screen_lines(self.parser.screen()).join("\n")
        );
    }

    fn wait_screen(&mut self, what: &str, lines: &[String]) {
        let want = lines.to_vec();
        self.wait_until(what, move |s| screen_lines(s) == want);
    }

    fn type_keys(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
    }

    fn resize(&mut self, size: Size) {
        self.master
            .resize(PtySize {
                rows: size.height,
                cols: size.width,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        support::set_size(&mut self.parser, size);
    }

    /// Waits for ssh to exit, reading its output meanwhile; its exit code.
    fn wait_exit(&mut self) -> u32 {
        let end = Instant::now() + DEADLINE;
        loop {
            while let Ok(bytes) = self.output.try_recv() {
                self.parser.process(&bytes);
            }
            if let Some(status) = self.child.try_wait().unwrap() {
                while let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(200)) {
                    self.parser.process(&bytes);
                }
                return status.exit_code();
            }
            assert!(Instant::now() < end, "ssh did not exit");
            let _ = self
                .output
                .recv_timeout(Duration::from_millis(20))
                .map(|b| self.parser.process(&b));
        }
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

/// Runs `ssh` without a pty; its exit code and standard error.
fn run_ssh(args: &[String]) -> (i32, String) {
    let mut child = Command::new("ssh")
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let end = Instant::now() + DEADLINE;
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let mut err = String::new();
            child
                .stderr
                .take()
                .unwrap()
                .read_to_string(&mut err)
                .unwrap();
            return (status.code().unwrap_or(-1), err);
        }
        if Instant::now() > end {
            let _ = child.kill();
            panic!("ssh {args:?} did not finish");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn openssh_attendee_follows_browses_resizes_and_quits() {
    if !have_ssh() {
        return;
    }
    let mut room = Room::with_keys(test_limits()).await;
    let (key, known) = client_files(&room);
    let mut args = ssh_args(room.port(), &key, &known);
    args.extend(["-tt".to_string(), "attendee@127.0.0.1".to_string()]);
    let size = Size::new(90, 26);
    let mut ssh = tokio::task::block_in_place(|| Pty::spawn(&args, size));
    tokio::task::block_in_place(|| {
        ssh.wait_screen("the presenter's view", &room.following_screen(size));
        assert!(ssh.parser.screen().alternate_screen());
        room.advance();
        room.press("<Enter>");
        ssh.wait_screen(
            "the presenter's next pane, zoomed",
            &room.following_screen(size),
        );
        ssh.type_keys(b"f");
        ssh.type_keys(b"\x1b");
        ssh.wait_screen(
            "browsing, unzoomed",
            &room.attendee_screen(size, "f<Esc>", false),
        );
        ssh.type_keys(b"3jj");
        ssh.wait_screen(
            "the attendee's own pane",
            &room.attendee_screen(size, "f<Esc>3jj", false),
        );
        ssh.type_keys(b"f");
        ssh.wait_screen("following again", &room.following_screen(size));
        let small = Size::new(60, 18);
        ssh.resize(small);
        ssh.wait_screen("the view at 60x18", &room.following_screen(small));
        ssh.type_keys(b"q");
        assert_eq!(ssh.wait_exit(), 0);
        assert!(
            !ssh.parser.screen().alternate_screen(),
            "the terminal is given back"
        );
    });
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn openssh_exec_sftp_forwarding_and_wrong_keys_are_refused() {
    if !have_ssh() {
        return;
    }
    let room = Room::with_keys(test_limits()).await;
    let (key, known) = client_files(&room);
    let base = ssh_args(room.port(), &key, &known);
    let with = |extra: &[&str]| {
        let mut a = base.clone();
        a.extend(extra.iter().map(|s| s.to_string()));
        a
    };
    tokio::task::block_in_place(|| {
        let (code, err) = run_ssh(&with(&["attendee@127.0.0.1", "id"]));
        assert_eq!(code, 255, "{err}");
        assert!(err.contains("exec request failed"), "{err}");

        let (code, err) = run_ssh(&with(&["-s", "attendee@127.0.0.1", "sftp"]));
        assert_eq!(code, 255, "{err}");
        assert!(err.contains("subsystem request failed"), "{err}");

        let target = format!("127.0.0.1:{}", room.port());
        let (code, err) = run_ssh(&with(&["-W", &target, "attendee@127.0.0.1"]));
        assert_eq!(code, 255, "{err}");
        assert!(err.contains("stdio forwarding failed"), "{err}");

        let (code, err) = run_ssh(&with(&[
            "-N",
            "-o",
            "ExitOnForwardFailure=yes",
            "-R",
            "0:127.0.0.1:9",
            "attendee@127.0.0.1",
        ]));
        assert_eq!(code, 255, "{err}");
        assert!(err.contains("remote port forwarding failed"), "{err}");

        let stranger = room.dir.path().join("stranger");
        support::random_key()
            .write_openssh_file(&stranger, LineEnding::LF)
            .unwrap();
        let (code, err) = run_ssh(
            &ssh_args(room.port(), &stranger, &known)
                .into_iter()
                .chain(["attendee@127.0.0.1".to_string()])
                .collect::<Vec<_>>(),
        );
        assert_eq!(code, 255, "{err}");
        assert!(err.contains("Permission denied (publickey)"), "{err}");
    });
}

#[test]
fn openssh_binary_serves_headless_and_prints_the_fingerprint() {
    if !have_ssh() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let host_key = dir.path().join("keys").join("host");
    let client = support::random_key();
    let client_key = dir.path().join("id_ed25519");
    client
        .write_openssh_file(&client_key, LineEnding::LF)
        .unwrap();
    let authorized = dir.path().join("authorized_keys");
    std::fs::write(&authorized, client.public_key().to_openssh().unwrap()).unwrap();
    let mut server = Command::new(env!("CARGO_BIN_EXE_briefing"))
        .env("XDG_CONFIG_HOME", "/nonexistent/briefing-tests")
        .env_remove("BRIEFING_CONFIG")
        .args([
            "serve",
            "--lang",
            "fr",
            "--headless",
            "--listen",
            "127.0.0.1:0",
        ])
        .arg("--host-key")
        .arg(&host_key)
        .arg("--authorized-keys")
        .arg(&authorized)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    struct Kill(std::process::Child);
    impl Drop for Kill {
        fn drop(&mut self) {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
    let mut stdin = server.stdin.take().unwrap();
    let mut stdout = BufReader::new(server.stdout.take().unwrap());
    let _server = Kill(server);
    let mut addr = None;
    let mut fingerprint = None;
    let mut line = String::new();
    while (addr.is_none() || fingerprint.is_none()) && stdout.read_line(&mut line).unwrap() > 0 {
        if let Some(a) = line.trim().strip_prefix("briefing: serving on ") {
            addr = Some(a.parse::<std::net::SocketAddr>().unwrap());
        }
        if let Some(f) = line.trim().strip_prefix("host key fingerprint: ") {
            fingerprint = Some(f.to_string());
        }
        line.clear();
    }
    let addr = addr.expect("the address is printed");
    let key = russh::keys::PrivateKey::read_openssh_file(&host_key).unwrap();
    assert_eq!(
        fingerprint.unwrap(),
        briefing::serve::hostkey::fingerprint(&key)
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&host_key).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    let known = dir.path().join("known_hosts");
    std::fs::write(
        &known,
        format!(
            "[127.0.0.1]:{} {}\n",
            addr.port(),
            key.public_key().to_openssh().unwrap()
        ),
    )
    .unwrap();
    let mut args = ssh_args(addr.port(), &client_key, &known);
    args.extend(["-tt".to_string(), "attendee@127.0.0.1".to_string()]);
    let size = Size::new(80, 24);
    let mut ssh = Pty::spawn(&args, size);
    // The presenter's keys come in on standard input; the room helper computes the screen.
    let mut expected = support::template();
    expected.session = briefing::app::Session::Attendee { following: true };
    let screen_after = |keys: &str| {
        let mut s = expected.clone();
        briefing::app::update(&mut s, briefing::app::Action::Resize(size));
        let mut presenter = support::template();
        for k in briefing::app::parse_keys(keys).unwrap() {
            briefing::app::press(&mut presenter, k);
        }
        briefing::app::update(
            &mut s,
            briefing::app::Action::FollowTo(presenter.position()),
        );
        support::render_lines(&s, size)
    };
    ssh.wait_screen("the first pane", &screen_after(""));
    writeln!(stdin, "<Tab> <Tab>").unwrap();
    stdin.flush().unwrap();
    ssh.wait_screen("the third pane", &screen_after("<Tab><Tab>"));
    expected.session = briefing::app::Session::Attendee { following: true };
    ssh.type_keys(b"q");
    assert_eq!(ssh.wait_exit(), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn openssh_passcode_third_prompt_still_lets_in() {
    if !have_ssh() {
        return;
    }
    let room = Room::with_access(
        briefing::serve::Access::Passcode("tulip-42".into()),
        test_limits(),
    )
    .await;
    let (key, known) = client_files(&room);
    // ssh keeps the first value of an option: BatchMode=yes would forbid prompts.
    let mut args: Vec<String> = ssh_args(room.port(), &key, &known)
        .into_iter()
        .map(|a| {
            if a == "BatchMode=yes" {
                "BatchMode=no".into()
            } else {
                a
            }
        })
        .collect();
    args.extend(["-o", "PubkeyAuthentication=no", "-tt", "attendee@127.0.0.1"].map(String::from));
    let size = Size::new(80, 24);
    let mut ssh = tokio::task::block_in_place(|| Pty::spawn(&args, size));
    tokio::task::block_in_place(|| {
        // What a person sees: OpenSSH asks three times, and each of the three is checked.
        for (n, code) in ["tulip-1", "tulip-2"].iter().enumerate() {
            ssh.wait_until("a password prompt", |s| {
                s.contents().matches("password:").count() == n + 1
            });
            ssh.type_keys(format!("{code}\r").as_bytes());
            ssh.wait_until("the refusal", |s| {
                s.contents().matches("Permission denied").count() == n + 1
            });
        }
        ssh.wait_until("the third prompt", |s| {
            s.contents().matches("password:").count() == 3
        });
        ssh.type_keys(b"tulip-42\r");
        ssh.wait_screen("the presenter's view", &room.following_screen(size));
        ssh.type_keys(b"q");
        assert_eq!(ssh.wait_exit(), 0);
    });
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn openssh_shows_why_the_room_is_full() {
    if !have_ssh() {
        return;
    }
    let limits = briefing::serve::Limits {
        max_sessions: 1,
        ..test_limits()
    };
    let room = Room::with_keys(limits).await;
    let (_inside, ok) = support::connect(room.port(), support::Login::Key(&room.key)).await;
    assert!(ok);
    let (key, known) = client_files(&room);
    // ssh's default log level, as a person has it.
    let args: Vec<String> = ssh_args(room.port(), &key, &known)
        .into_iter()
        .map(|a| {
            if a == "LogLevel=ERROR" {
                "LogLevel=INFO".into()
            } else {
                a
            }
        })
        .chain(["attendee@127.0.0.1".to_string()])
        .collect();
    let (code, err) = tokio::task::block_in_place(|| run_ssh(&args));
    assert_eq!(code, 255, "{err}");
    assert!(
        err.contains("briefing: the room is full; try again later"),
        "{err}"
    );
    assert!(!err.contains("Connection reset"), "{err}");
}

#[test]
fn openssh_presenter_leads_a_headless_server_without_a_terminal() {
    if !have_ssh() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let host_key = dir.path().join("keys").join("host");
    let lead = support::random_key();
    let lead_key = dir.path().join("id_lead");
    lead.write_openssh_file(&lead_key, LineEnding::LF).unwrap();
    let presenter_keys = dir.path().join("presenter_keys");
    std::fs::write(&presenter_keys, lead.public_key().to_openssh().unwrap()).unwrap();
    // No standard input at all: the presenter is the one over SSH.
    let mut server = Command::new(env!("CARGO_BIN_EXE_briefing"))
        .env("XDG_CONFIG_HOME", "/nonexistent/briefing-tests")
        .env_remove("BRIEFING_CONFIG")
        .args(["serve", "--lang", "fr", "--headless", "--open"])
        .args(["--listen", "127.0.0.1:0"])
        .arg("--host-key")
        .arg(&host_key)
        .arg("--presenter-keys")
        .arg(&presenter_keys)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    struct Kill(std::process::Child);
    impl Drop for Kill {
        fn drop(&mut self) {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
    let mut stdout = BufReader::new(server.stdout.take().unwrap());
    let _server = Kill(server);
    let (mut addr, mut told) = (None, false);
    let mut line = String::new();
    while (addr.is_none() || !told) && stdout.read_line(&mut line).unwrap() > 0 {
        if let Some(a) = line.trim().strip_prefix("briefing: serving on ") {
            addr = Some(a.parse::<std::net::SocketAddr>().unwrap());
        }
        told |= line.contains("leads with: ssh -p") && line.contains("presenter@127.0.0.1");
        line.clear();
    }
    let port = addr.expect("the address is printed").port();
    let key = russh::keys::PrivateKey::read_openssh_file(&host_key).unwrap();
    let known = dir.path().join("known_hosts");
    let host_line = format!(
        "[127.0.0.1]:{port} {}\n",
        key.public_key().to_openssh().unwrap()
    );
    std::fs::write(&known, host_line).unwrap();
    let with = |key: &Path, user: &str| {
        let mut a = ssh_args(port, key, &known);
        a.extend(["-tt".to_string(), format!("{user}@127.0.0.1")]);
        a
    };
    let size = support::PRESENTER;
    let small = Size::new(80, 24);
    let mut attendee = Pty::spawn(&with(&lead_key, "attendee"), small);
    let mut presenter = Pty::spawn(&with(&lead_key, "presenter"), size);
    // What each should see, computed from the same keys on the same briefing.
    let mut local = support::template();
    local.session = briefing::app::Session::Presenter { watchers: 1 };
    let follow = |presenter: &briefing::app::State| {
        let mut s = support::template();
        s.session = briefing::app::Session::Attendee { following: true };
        briefing::app::update(&mut s, briefing::app::Action::Resize(small));
        briefing::app::update(
            &mut s,
            briefing::app::Action::FollowTo(presenter.position()),
        );
        support::render_lines(&s, small)
    };
    attendee.wait_screen("the first pane", &follow(&local));
    presenter.wait_screen(
        "the presenter's screen",
        &support::render_lines(&local, size),
    );
    presenter.type_keys(b"pll");
    for k in briefing::app::parse_keys("pll").unwrap() {
        briefing::app::press(&mut local, k);
    }
    attendee.wait_screen("the presenter's slide", &follow(&local));
    presenter.type_keys(b"n");
    presenter.wait_until("the notes", |s| s.contents().contains("Cinq citations"));
    presenter.type_keys(b"q");
    assert_eq!(presenter.wait_exit(), 0);
    assert!(!presenter.parser.screen().alternate_screen());
    attendee.type_keys(b"q");
    assert_eq!(attendee.wait_exit(), 0);
}
