//! The reader on a real terminal (a pseudo-terminal): what signals, Ctrl-Z, Ctrl-L and pastes
//! do, and that the terminal always comes back (main screen, cursor shown, mouse and bracketed
//! paste off). These run the binary; they wait on output, never on a clock, up to a deadline.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::{Read, Write};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Where no configuration is: the tests never read the user's own.
const NO_CONFIG: &str = "/nonexistent/briefing-tests";

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const DEADLINE: Duration = Duration::from_secs(20);

/// What a restored terminal has been sent last: mouse tracking off, bracketed paste off, main
/// screen, cursor shown.
const RESTORE: [&str; 4] = [
    "\u{1b}[?1000l",
    "\u{1b}[?2004l",
    "\u{1b}[?1049l",
    "\u{1b}[?25h",
];

struct Pty {
    child: Box<dyn portable_pty::Child + Send + Sync>,
    master: Box<dyn portable_pty::MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    output: mpsc::Receiver<Vec<u8>>,
    /// Everything received, raw.
    raw: Vec<u8>,
    parser: vt100::Parser,
}

impl Pty {
    fn spawn(cmd: CommandBuilder) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 30,
                cols: 100,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
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
            raw: Vec::new(),
            parser: vt100::Parser::new(
                std::num::NonZero::new(30).unwrap(),
                std::num::NonZero::new(100).unwrap(),
                0,
            ),
        }
    }

    /// The reader on the bundled briefing.
    fn reader() -> Pty {
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_briefing"));
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        cmd.env("XDG_CONFIG_HOME", NO_CONFIG);
        cmd.env_remove("BRIEFING_CONFIG");
        cmd.env_remove("NO_COLOR");
        let mut pty = Pty::spawn(cmd);
        pty.wait_for("the first frame", |s| s.contains("LECTURE"));
        pty
    }

    fn take(&mut self, bytes: &[u8]) {
        self.raw.extend_from_slice(bytes);
        self.parser.process(bytes);
    }

    fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Reads output until `done` holds for the screen's text.
    fn wait_for(&mut self, what: &str, done: impl Fn(&str) -> bool) {
        self.wait_raw(what, |pty| done(&pty.screen()));
    }

    /// Reads output until `done` holds for the whole pty.
    fn wait_raw(&mut self, what: &str, done: impl Fn(&Pty) -> bool) {
        let end = Instant::now() + DEADLINE;
        while !done(self) {
            let left = end.saturating_duration_since(Instant::now());
            match self.output.recv_timeout(left) {
                Ok(bytes) => self.take(&bytes),
                Err(_) => break,
            }
        }
        assert!(
            done(self),
            "waited for {what}; the screen shows:\n{}",
            self.screen()
        );
    }

    fn type_bytes(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
    }

    fn pid(&self) -> u32 {
        self.child.process_id().unwrap()
    }

    /// Waits for the process to exit, reading its output meanwhile; its exit code.
    fn wait_exit(&mut self) -> u32 {
        let end = Instant::now() + DEADLINE;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                while let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(200)) {
                    self.take(&bytes);
                }
                return status.exit_code();
            }
            assert!(Instant::now() < end, "the reader did not exit");
            if let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(20)) {
                self.take(&bytes);
            }
        }
    }

    /// The output received after byte `from`, as text.
    fn text_since(&self, from: usize) -> String {
        String::from_utf8_lossy(&self.raw[from.min(self.raw.len())..]).into_owned()
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

fn kill(signal: &str, pid: u32) {
    let status = std::process::Command::new("kill")
        .args([format!("-{signal}"), pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

fn assert_restored(text: &str, what: &str) {
    for seq in RESTORE {
        assert!(text.contains(seq), "{what}: {seq:?} was not sent");
    }
}

#[test]
fn a_signal_restores_the_terminal_and_exits_128_plus_its_number() {
    for (signal, code) in [("TERM", 143), ("HUP", 129), ("INT", 130), ("QUIT", 131)] {
        let mut pty = Pty::reader();
        let from = pty.raw.len();
        kill(signal, pty.pid());
        assert_eq!(pty.wait_exit(), code, "SIG{signal}");
        assert_restored(&pty.text_since(from), &format!("SIG{signal}"));
    }
}

#[test]
fn q_exits_0_with_the_terminal_restored() {
    let mut pty = Pty::reader();
    let from = pty.raw.len();
    pty.type_bytes(b"q");
    assert_eq!(pty.wait_exit(), 0);
    assert_restored(&pty.text_since(from), "q");
}

#[test]
fn a_key_after_a_resize_is_read_at_once() {
    // crossterm's own wait returns on the resize signal and forgets that the terminal had a
    // key in the same wait: the key stayed unread until the next one.
    for round in 0..3 {
        let mut pty = Pty::reader();
        pty.type_bytes(b"G");
        std::thread::sleep(Duration::from_millis(200));
        pty.master
            .resize(PtySize {
                rows: 15,
                cols: 60,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        std::thread::sleep(Duration::from_millis(300));
        let from = pty.raw.len();
        pty.type_bytes(b"q");
        assert_eq!(pty.wait_exit(), 0, "round {round}");
        assert_restored(&pty.text_since(from), "q after a resize");
    }
}

#[test]
fn a_bracketed_paste_is_never_keys_and_goes_into_a_query() {
    let mut pty = Pty::reader();
    assert!(
        String::from_utf8_lossy(&pty.raw).contains("\u{1b}[?2004h"),
        "bracketed paste is enabled"
    );
    // Pasted while reading: ignored (it used to quit on the 'q').
    pty.type_bytes(b"\x1b[200~abc\nq\x1b[201~");
    pty.type_bytes(b"/");
    pty.wait_for("search mode", |s| s.contains("/▏"));
    pty.type_bytes(b"\x1b[200~INTER\nPOL\x1b[201~");
    pty.wait_for("the pasted query", |s| s.contains("/INTERPOL▏"));
    pty.type_bytes(b"\r");
    pty.wait_for("the query kept", |s| s.contains("LECTURE"));
    pty.type_bytes(b"q");
    assert_eq!(pty.wait_exit(), 0);
}

#[test]
fn ctrl_z_suspends_with_the_terminal_restored_and_fg_redraws() {
    // An interactive shell, so that the reader is a job it can stop and bring back.
    let mut cmd = CommandBuilder::new("bash");
    cmd.args(["--norc", "--noprofile", "-i"]);
    cmd.cwd(env!("CARGO_MANIFEST_DIR"));
    cmd.env("TERM", "xterm-256color");
    cmd.env("XDG_CONFIG_HOME", NO_CONFIG);
    cmd.env_remove("BRIEFING_CONFIG");
    cmd.env("PS1", "$ ");
    let mut pty = Pty::spawn(cmd);
    pty.wait_for("the prompt", |s| s.contains('$'));
    pty.type_bytes(format!("{} \r", env!("CARGO_BIN_EXE_briefing")).as_bytes());
    pty.wait_for("the first frame", |s| s.contains("LECTURE"));
    let from = pty.raw.len();
    pty.type_bytes(b"\x1a");
    pty.wait_raw("the shell's report of the stop", |p| {
        p.text_since(from).contains("Stopped")
    });
    assert_restored(&pty.text_since(from), "Ctrl-Z");
    let from = pty.raw.len();
    pty.type_bytes(b"fg\r");
    pty.wait_for("the reader again", |s| s.contains("LECTURE"));
    let back = pty.text_since(from);
    assert!(back.contains("\u{1b}[?1049h"), "the alternate screen again");
    assert!(back.contains("\u{1b}[?2004h"), "bracketed paste again");
    // Ctrl-L draws everything again: the screen is cleared first.
    let from = pty.raw.len();
    pty.type_bytes(b"\x0c");
    pty.wait_raw("a redraw", |p| p.text_since(from).contains("\u{1b}[2J"));
    pty.wait_for("the reader after the redraw", |s| s.contains("LECTURE"));
    pty.type_bytes(b"q");
    pty.wait_for("the prompt after quitting", |s| {
        s.lines().any(|l| l.trim_end() == "$")
    });
    pty.type_bytes(b"exit\r");
    assert_eq!(pty.wait_exit(), 0);
}

/// `briefing ARGS` in a pty, with its runtime directory (where presentations meet their
/// presenter views) in `runtime`.
fn briefing_in(runtime: &std::path::Path, args: &[&str]) -> Pty {
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_briefing"));
    cmd.args(args);
    cmd.cwd(env!("CARGO_MANIFEST_DIR"));
    cmd.env("TERM", "xterm-256color");
    cmd.env("XDG_CONFIG_HOME", NO_CONFIG);
    cmd.env_remove("BRIEFING_CONFIG");
    cmd.env("XDG_RUNTIME_DIR", runtime);
    Pty::spawn(cmd)
}

const OTHER: &str = "tests/fixtures/import/en_company_wire_dateline.txt";

#[test]
fn presenter_views_follow_the_right_presentation_as_they_come_and_go() {
    let runtime = tempfile::tempdir().unwrap();
    let rt = runtime.path();
    let mut a = briefing_in(rt, &["present"]);
    a.wait_for("A's first slide", |s| s.contains("1/10"));
    // B presents another briefing, then quits: A stays followable.
    let mut b = briefing_in(rt, &["present", OTHER]);
    b.wait_for("B's first slide", |s| s.contains("1/"));
    b.type_bytes(b"q");
    assert_eq!(b.wait_exit(), 0);
    let mut notes = briefing_in(rt, &["present", "--notes"]);
    notes.wait_for("the view following A", |s| {
        s.contains("1/10") && s.contains("Notes")
    });
    // C, a newer presentation of the same briefing: the open view moves to it.
    let mut c = briefing_in(rt, &["present"]);
    c.wait_for("C's first slide", |s| s.contains("1/10"));
    c.type_bytes(b"ll");
    c.wait_for("C on slide 3", |s| s.contains("3/10"));
    notes.wait_for("the view following C", |s| s.contains("3/10"));
    // C ends: back to A, still on its first slide.
    c.type_bytes(b"q");
    assert_eq!(c.wait_exit(), 0);
    notes.wait_for("the view back on A", |s| {
        s.contains("1/10") && !s.contains("3/10")
    });
    // A view of another briefing says what to run to follow A.
    let mut other = briefing_in(rt, &["present", "--notes", OTHER]);
    other.wait_for("the other view's hint", |s| {
        s.contains("To follow it, run:") && s.contains("briefing present --notes")
    });
    a.type_bytes(b"q");
    assert_eq!(a.wait_exit(), 0);
    notes.wait_for("the view waiting", |s| s.contains("En attente"));
    for mut view in [notes, other] {
        view.type_bytes(b"q");
        assert_eq!(view.wait_exit(), 0);
    }
}

/// The reader on `file`, with `env` set, in `dir`.
fn reader_on(dir: &std::path::Path, file: &str, env: &[(&str, &str)]) -> Pty {
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_briefing"));
    cmd.arg(file);
    cmd.cwd(dir);
    cmd.env("TERM", "xterm-256color");
    cmd.env_remove("NO_COLOR");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut pty = Pty::spawn(cmd);
    pty.wait_for("the first frame", |s| s.contains("LECTURE"));
    pty
}

#[test]
fn an_edited_file_shows_at_once_where_the_reader_was_and_a_broken_one_keeps_the_last() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("b.toml");
    let original = briefing::model::BUNDLED_TOML;
    std::fs::write(&path, original).unwrap();
    let mut pty = reader_on(dir.path(), "b.toml", &[]);
    pty.type_bytes(b"2]]");
    pty.wait_for("the third quote", |s| s.contains("Citations 3/5"));
    // Written in place.
    let first = original.replacen("title = \"", "title = \"PREMIER ", 1);
    std::fs::write(&path, &first).unwrap();
    pty.wait_for("the new title", |s| s.contains("PREMIER"));
    assert!(pty.screen().contains("Citations 3/5"), "{}", pty.screen());
    // Saved as vim and sed -i do: a new file renamed over the old one.
    let second = original.replacen("title = \"", "title = \"SECOND ", 1);
    let tmp = dir.path().join(".b.toml.swp");
    std::fs::write(&tmp, &second).unwrap();
    std::fs::rename(&tmp, &path).unwrap();
    pty.wait_for("the renamed version", |s| {
        s.contains("SECOND") && !s.contains("PREMIER")
    });
    assert!(pty.screen().contains("Citations 3/5"));
    // Broken: the last good version stays, the problem shows until it is fixed.
    std::fs::write(
        &path,
        second.replacen("date = 2016-05-23", "date = 23/05/16", 1),
    )
    .unwrap();
    pty.wait_for("the problem", |s| s.contains("non rechargé"));
    assert!(pty.screen().contains("SECOND"));
    std::fs::write(&path, &first).unwrap();
    pty.wait_for("the fix", |s| {
        s.contains("PREMIER") && !s.contains("non rechargé")
    });
    pty.type_bytes(b"q");
    assert_eq!(pty.wait_exit(), 0);
}

#[cfg(unix)]
#[test]
fn e_runs_the_editor_at_the_item_on_a_restored_terminal_and_shows_the_result() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("b.toml");
    std::fs::write(&path, briefing::model::BUNDLED_TOML).unwrap();
    // A fake editor: writes down its arguments and whether it got a terminal in cooked
    // mode, then edits the title as a user would.
    let script = dir.path().join("fake-vi");
    let args = dir.path().join("args");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$@\" > '{args}'\nstty -a | grep -q ' icanon' && echo cooked >> '{args}'\n\
             file=\"$2\"\nsed 's/^title = \"/title = \"EDITED /' \"$file\" > \"$file.new\" && mv \"$file.new\" \"$file\"\n",
            args = args.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    // Named vi, so it is given the line as +LINE.
    let vi = dir.path().join("vi");
    std::os::unix::fs::symlink(&script, &vi).unwrap();
    let editor = vi.display().to_string();
    let mut pty = reader_on(dir.path(), "b.toml", &[("VISUAL", &editor)]);
    pty.type_bytes(b"2]]");
    pty.wait_for("the third quote", |s| s.contains("Citations 3/5"));
    let from = pty.raw.len();
    pty.type_bytes(b"e");
    pty.wait_for("the edited title", |s| s.contains("EDITED"));
    assert!(pty.screen().contains("Citations 3/5"), "{}", pty.screen());
    assert_restored(&pty.text_since(from), "while the editor ran");
    let got = std::fs::read_to_string(&args).unwrap();
    let header = briefing::model::BUNDLED_TOML
        .lines()
        .enumerate()
        .filter(|(_, l)| l.trim() == "[[quotes]]")
        .nth(2)
        .unwrap()
        .0
        + 1;
    let lines: Vec<&str> = got.lines().collect();
    assert_eq!(lines.get(1).copied(), Some("b.toml"), "{got}");
    let line: usize = lines[0].trim_start_matches('+').parse().unwrap();
    assert!((header..header + 3).contains(&line), "{got}");
    assert_eq!(lines.get(2).copied(), Some("cooked"), "{got}");
    pty.type_bytes(b"q");
    assert_eq!(pty.wait_exit(), 0);
}

#[test]
fn y_copies_with_osc_52_and_m_gives_the_mouse_back() {
    let mut pty = Pty::reader();
    let from = pty.raw.len();
    pty.type_bytes(b"2y");
    pty.wait_for("the note", |s| s.contains("copié citation"));
    assert!(pty.text_since(from).contains("\u{1b}]52;c;"));
    let from = pty.raw.len();
    pty.type_bytes(b"m");
    pty.wait_for("the note", |s| s.contains("souris laissée"));
    assert!(pty.text_since(from).contains("\u{1b}[?1000l"));
    pty.type_bytes(b"q");
    assert_eq!(pty.wait_exit(), 0);
}

#[test]
fn dash_reads_standard_input_and_keys_come_from_the_terminal() {
    let release = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/releases/unodc-interpol-2016.txt"
    );
    let mut cmd = CommandBuilder::new("sh");
    cmd.args([
        "-c",
        &format!("exec {} - < '{release}'", env!("CARGO_BIN_EXE_briefing")),
    ]);
    cmd.env("TERM", "xterm-256color");
    let mut pty = Pty::spawn(cmd);
    pty.wait_for("the release, structured", |s| s.contains("LECTURE"));
    pty.type_bytes(b"2");
    pty.wait_for("a key from the terminal", |s| s.contains("Citations 1/"));
    pty.type_bytes(b"q");
    assert_eq!(pty.wait_exit(), 0);
}

/// `briefing DIR` on a folder with one briefing, with its cache in `cache`.
fn library_on(dir: &std::path::Path, cache: &std::path::Path) -> Pty {
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_briefing"));
    cmd.arg(dir);
    cmd.arg("--lang");
    cmd.arg("en");
    cmd.env("TERM", "xterm-256color");
    cmd.env("XDG_CACHE_HOME", cache);
    cmd.env_remove("NO_COLOR");
    let mut pty = Pty::spawn(cmd);
    pty.wait_for("the library", |s| s.contains("Library:"));
    pty
}

#[test]
fn a_library_opens_a_briefing_comes_back_follows_the_folder_and_restores_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    let bundled = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/briefings/unodc-interpol-2016.toml"
    );
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::fs::copy(bundled, dir.path().join("sub/unodc.toml")).unwrap();
    let mut pty = library_on(dir.path(), cache.path());
    pty.wait_for("the briefing listed", |s| {
        s.contains("ONUDC") && s.contains("1 briefing ")
    });
    pty.type_bytes(b"\r");
    pty.wait_for("the reader", |s| s.contains("READING"));
    pty.type_bytes(b"\x1b");
    pty.wait_for("the list again", |s| {
        s.contains("Library:") && !s.contains("READING")
    });
    // A file added to a subfolder shows while the list is open, a broken one with its error.
    std::fs::write(
        dir.path().join("sub/new.toml"),
        "title = 'Added while open'\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("broken.toml"), "title = \n").unwrap();
    pty.wait_for("the new files", |s| {
        s.contains("Added while open") && s.contains("broken.toml:1:")
    });
    std::fs::remove_file(dir.path().join("sub/new.toml")).unwrap();
    pty.wait_for("the file gone", |s| !s.contains("Added while open"));
    let from = pty.raw.len();
    pty.type_bytes(b"q");
    assert_eq!(pty.wait_exit(), 0);
    assert_restored(&pty.text_since(from), "q in the library");
}
