//! The binary as a user runs it: exit codes, messages, and snapshot output.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::{Command, Output, Stdio};

use briefing::app::Size;
use briefing::model::Lang;
use briefing::ui::{Theme, snapshot};

fn briefing(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_briefing"))
        .env("XDG_CONFIG_HOME", "/nonexistent/briefing-tests")
        .env_remove("BRIEFING_CONFIG")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn check_accepts_the_bundled_briefing() {
    let out = briefing(&["check", "assets/briefings/unodc-interpol-2016.toml"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "assets/briefings/unodc-interpol-2016.toml: ok\n"
    );
}

#[test]
fn check_reports_every_bad_file_and_exits_2() {
    let out = briefing(&[
        "check",
        "tests/fixtures/model/bad/bad_date.toml",
        "assets/briefings/unodc-interpol-2016.toml",
        "tests/fixtures/model/bad/unknown_key.toml",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains(
            "bad_date.toml:2:8: error: expected a date like '2016-05-23', found '23/05/16'"
        )
    );
    assert!(err.contains(
        "unknown_key.toml:5:1: error: expected a known key in 'threats[0]', found 'emergent'"
    ));
    assert!(err.ends_with("2 files of 3 did not check\n"), "{err}");
}

#[test]
fn snapshot_prints_the_same_frame_as_the_library() {
    let out = briefing(&[
        "snapshot",
        "--size",
        "80x24",
        "--keys",
        "<Tab> j j / INTERPOL <Enter>",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let lib = snapshot(
        briefing::model::bundled().unwrap(),
        Lang::Fr,
        Size::new(80, 24),
        "<Tab> j j / INTERPOL <Enter>",
        &Theme::default(),
    )
    .unwrap();
    assert_eq!(text(&out.stdout), format!("{}\n", lib.text()));
}

#[test]
fn snapshot_ansi_keeps_styles_and_no_color_drops_colours() {
    let out = briefing(&["snapshot", "--size", "60x20", "--ansi"]);
    let ansi = text(&out.stdout);
    assert!(
        ansi.contains("\u{1b}[0;1;36m") || ansi.contains(";36"),
        "cyan somewhere"
    );
    let plain = Command::new(env!("CARGO_BIN_EXE_briefing"))
        .env("XDG_CONFIG_HOME", "/nonexistent/briefing-tests")
        .env_remove("BRIEFING_CONFIG")
        .args(["snapshot", "--size", "60x20", "--ansi"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let plain = text(&plain.stdout);
    for seq in plain.split('\u{1b}').skip(1) {
        let codes = &seq[1..seq.find('m').unwrap()];
        for code in codes.split(';') {
            let n: u32 = code.parse().unwrap();
            assert!(n < 10, "colour code {n} under NO_COLOR");
        }
    }
}

#[test]
fn snapshot_with_bad_keys_says_which() {
    let out = briefing(&["snapshot", "--keys", "<Nope>"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "--keys: error: expected a key name such as <Tab>, <C-d> or <PageDown>, found '<Nope>'\n"
    );
}

#[test]
fn snapshot_refuses_a_huge_size_and_names_the_maximum() {
    for (size, found) in [("100000x5", "100000x5"), ("100000x100000", "100000x100000")] {
        let out = briefing(&["snapshot", "--size", size]);
        assert_eq!(out.status.code(), Some(2));
        let err = text(&out.stderr);
        assert!(
            err.contains(&format!("expected at most 1000x1000, found {found}")),
            "{err}"
        );
    }
}

#[test]
fn snapshot_refuses_an_empty_size() {
    for size in ["0x0", "80x0", "0x24"] {
        let out = briefing(&["snapshot", "--size", size]);
        assert_eq!(out.status.code(), Some(2), "{size}");
        assert!(out.stdout.is_empty(), "no frame for {size}");
        let err = text(&out.stderr);
        assert!(
            err.contains(&format!(
                "expected at least 1 column and 1 row, found {size}"
            )),
            "{err}"
        );
    }
}

/// The bundled briefing with `edits` (from, to) applied, written to a temporary file.
fn edited_bundle(edits: &[(&str, &str)]) -> tempfile::TempPath {
    let mut toml = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/briefings/unodc-interpol-2016.toml"
    ))
    .unwrap();
    for (from, to) in edits {
        assert!(toml.contains(from), "{from}");
        toml = toml.replacen(from, to, 1);
    }
    let mut file = tempfile::Builder::new().suffix(".toml").tempfile().unwrap();
    std::io::Write::write_all(&mut file, toml.as_bytes()).unwrap();
    file.into_temp_path()
}

/// The `path:line:col: error: ...` lines of a check's output.
fn error_lines(err: &str) -> Vec<String> {
    err.lines()
        .filter(|l| l.contains(": error: "))
        .map(|l| {
            l.split_once(".toml:")
                .map_or(l, |(_, rest)| rest)
                .to_string()
        })
        .collect()
}

#[test]
fn check_reports_every_type_and_value_error_with_its_line() {
    let path = edited_bundle(&[
        ("title = \"", "title = 42 # \""),
        ("emerging = true", "emerging = \"yes\""),
    ]);
    let out = briefing(&["check", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    let lines = error_lines(&err);
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("6:9: error: expected a string, found integer '42'")),
        "{err}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("119:12: error: expected a boolean, found string 'yes'")),
        "{err}"
    );
    assert_eq!(lines.len(), 2, "{err}");
    let carets = err.lines().filter(|l| l.contains('^')).count();
    assert_eq!(carets, 2, "each with a caret:\n{err}");

    let path = edited_bundle(&[
        ("title = \"", "title = 42 # \""),
        ("date = 2016-05-23", "date = \"nope\""),
    ]);
    let err = text(&briefing(&["check", path.to_str().unwrap()]).stderr);
    let lines = error_lines(&err);
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("6:9: error: expected a string, found integer '42'")),
        "{err}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("7:8: error: expected a date like '2016-05-23', found 'nope'")),
        "{err}"
    );
    assert_eq!(lines.len(), 2, "{err}");
}

#[test]
fn a_release_without_an_extension_is_told_apart_from_a_bad_briefing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("communique");
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/assets/releases/unodc-interpol-2016.txt"
        ),
        &path,
    )
    .unwrap();
    let path = path.to_str().unwrap();
    for args in [vec!["check", path], vec!["snapshot", path]] {
        let out = briefing(&args);
        assert_eq!(out.status.code(), Some(2));
        let err = text(&out.stderr);
        assert!(
            err.starts_with(&format!(
                "{path}: error: expected a briefing (TOML), found text that reads like a press release\n"
            )),
            "{err}"
        );
        assert!(
            err.contains(&format!(
                "help: structure it first: briefing import {path} -o briefing.toml"
            )),
            "{err}"
        );
    }
}

#[test]
fn one_warning_is_one_warning() {
    let out = briefing(&[
        "snapshot",
        "tests/fixtures/cli/one_warning.txt",
        "--size",
        "40x10",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let err = text(&out.stderr);
    assert!(err.contains("structured with 1 warning;"), "{err}");
}

#[test]
fn standard_input_over_the_limit_says_more_than_64_mib() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_briefing"))
        .env("XDG_CONFIG_HOME", "/nonexistent/briefing-tests")
        .env_remove("BRIEFING_CONFIG")
        .args(["check", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let chunk = vec![b'a'; 1 << 20];
        for _ in 0..65 {
            if stdin.write_all(&chunk).is_err() {
                break;
            }
        }
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr).lines().next().unwrap(),
        "-: error: expected at most 64 MiB, found more than 64 MiB"
    );
}

#[test]
fn reader_without_a_terminal_points_at_snapshot() {
    let out = briefing(&[]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("standard output is not a terminal"), "{err}");
    assert!(err.contains("briefing snapshot"), "{err}");
}

#[test]
fn reader_on_a_missing_file_exits_2_before_touching_the_terminal() {
    let out = briefing(&["nowhere.toml"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "nowhere.toml: error: cannot open: no such file or directory\n"
    );
    assert!(out.stdout.is_empty(), "no escape sequences were written");
}

#[test]
fn present_without_a_terminal_says_so() {
    for args in [&["present"][..], &["present", "--notes"][..]] {
        let out = briefing(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(text(&out.stderr).contains("standard output is not a terminal"));
    }
}

#[test]
fn a_release_opens_structured_on_the_fly() {
    let out = briefing(&[
        "snapshot",
        "assets/releases/unodc-interpol-2016.txt",
        "--size",
        "100x30",
        "--keys",
        "2",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let frame = text(&out.stdout);
    assert!(frame.contains("2 Citations 1/5"), "{frame}");
    assert!(
        frame.contains("— Yury Fedotov, directeur exécutif"),
        "{frame}"
    );
}

#[test]
fn an_empty_release_is_refused_with_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("vide.txt");
    std::fs::write(&path, "\n\n").unwrap();
    let shown = path.display().to_string();
    let out = briefing(&["snapshot", &shown]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).starts_with(&format!(
        "{shown}: error: expected a press release, found an empty file"
    )));
}

/// The passcode may come from the environment, where other users cannot read it in `ps`.
#[test]
fn serve_takes_the_passcode_from_the_environment() {
    use std::io::{BufRead, BufReader};
    let dir = tempfile::tempdir().unwrap();
    let mut server = Command::new(env!("CARGO_BIN_EXE_briefing"))
        .env("XDG_CONFIG_HOME", "/nonexistent/briefing-tests")
        .env_remove("BRIEFING_CONFIG")
        .args([
            "serve",
            "--headless",
            "--listen",
            "127.0.0.1:0",
            "--host-key",
        ])
        .arg(dir.path().join("host"))
        .env("BRIEFING_PASSCODE", "tulip-42")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut said = String::new();
    let mut lines = BufReader::new(server.stdout.take().unwrap()).lines();
    for line in lines.by_ref().take(8) {
        let line = line.unwrap();
        said.push_str(&line);
        said.push('\n');
        if line.contains("who may watch") {
            break;
        }
    }
    let _ = server.kill();
    let _ = server.wait();
    assert!(
        said.contains("who may watch: the passcode, typed as the SSH password"),
        "{said}"
    );
    assert!(
        !said.contains("tulip-42"),
        "the passcode is never printed: {said}"
    );
}

/// `briefing import big.txt | head` ends quietly when `head` stops reading: no panic.
#[test]
fn a_reader_that_stops_reading_ends_import_quietly() {
    use std::io::Read;
    let dir = tempfile::tempdir().unwrap();
    let release = dir.path().join("long.txt");
    let seed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/releases/unodc-interpol-2016.txt"
    ))
    .unwrap();
    std::fs::write(&release, seed.repeat(100)).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_briefing"))
        .env("XDG_CONFIG_HOME", "/nonexistent/briefing-tests")
        .env_remove("BRIEFING_CONFIG")
        .arg("import")
        .arg(&release)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 64];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // The pipe is closed here, long before the ~180 KB briefing is written.
    let out = child.wait_with_output().unwrap();
    let err = text(&out.stderr);
    assert!(text(&first).starts_with("# Imported by `briefing import`"));
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(out.status.code(), Some(0), "{err}");
}

#[cfg(unix)]
#[test]
fn import_o_writes_with_the_usual_mode_and_force_keeps_the_old_one() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let dir = tempfile::tempdir().unwrap();
    let reference = dir.path().join("reference");
    std::fs::write(&reference, "x").unwrap();
    let out_path = dir.path().join("out.toml");
    let out = out_path.to_str().unwrap();
    let release = "assets/releases/unodc-interpol-2016.txt";
    let run = briefing(&["import", release, "-o", out]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    assert_eq!(
        mode(&out_path),
        mode(&reference),
        "a new file: 0666 less the umask"
    );
    std::fs::set_permissions(&out_path, std::fs::Permissions::from_mode(0o644)).unwrap();
    let run = briefing(&["import", release, "-o", out, "--force"]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    assert_eq!(mode(&out_path), 0o644, "a replaced file keeps its mode");
}

#[test]
fn snapshot_of_a_folder_prints_its_library_with_the_cache_where_told() {
    let cache = tempfile::tempdir().unwrap();
    let lib = tempfile::tempdir().unwrap();
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/assets/releases/unodc-interpol-2016.txt"
        ),
        lib.path().join("release.txt"),
    )
    .unwrap();
    std::fs::write(lib.path().join("broken.toml"), "title = \n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_briefing"))
        .args(["snapshot", "--lang", "en", "--size", "100x6"])
        .arg(lib.path())
        .env("XDG_CACHE_HOME", cache.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let frame = text(&out.stdout);
    assert!(frame.starts_with("Library: "), "{frame}");
    assert!(frame.contains("1 briefing · 1 do not load"), "{frame}");
    assert!(frame.contains("broken.toml:1:"), "{frame}");
    // The release was structured once and kept in the cache.
    let kept = std::fs::read_dir(cache.path().join("briefing/library"))
        .unwrap()
        .count();
    assert_eq!(kept, 1);
}

#[test]
fn library_of_a_missing_folder_exits_2() {
    let out = briefing(&["library", "no/such/folder"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "no/such/folder: error: expected a folder, found none there\n"
    );
}

/// Every subcommand of the clap definition, by name.
fn subcommands() -> Vec<String> {
    let out = briefing(&["--help"]);
    let help = text(&out.stdout);
    let commands = help
        .split("Commands:\n")
        .nth(1)
        .unwrap()
        .split("\n\n")
        .next()
        .unwrap();
    commands
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .map(str::to_string)
        .collect()
}

#[test]
fn completions_name_every_subcommand_in_every_shell() {
    let commands = subcommands();
    for c in [
        "check",
        "import",
        "export",
        "config",
        "completions",
        "man",
        "serve",
    ] {
        assert!(commands.iter().any(|x| x == c), "{c} not in {commands:?}");
    }
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = briefing(&["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}: {}", text(&out.stderr));
        let script = text(&out.stdout);
        for c in &commands {
            assert!(script.contains(c.as_str()), "{shell}: no '{c}'");
        }
        // Options of subcommands and values of enums complete too.
        assert!(script.contains("authorized-keys"), "{shell}");
    }
    let out = briefing(&["completions", "tcsh"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn man_page_is_roff_and_names_every_subcommand() {
    let out = briefing(&["man"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let page = text(&out.stdout);
    assert!(page.contains(".TH briefing 1"), "{page}");
    assert!(page.contains(".SH NAME"));
    for c in subcommands() {
        // A section per command, with its synopsis.
        let title = format!(".SH \"BRIEFING {}\"", c.to_uppercase());
        let section = page.split(&title).nth(1);
        assert!(section.is_some(), "no section for '{c}'");
        assert!(
            section.unwrap().contains(&format!("briefing {c}")),
            "no synopsis for '{c}'"
        );
    }
    assert!(
        page.contains("\\-\\-authorized\\-keys"),
        "serve's options are listed"
    );
}

#[test]
fn version_names_the_commit_of_a_git_checkout() {
    let out = briefing(&["--version"]);
    assert_eq!(out.status.code(), Some(0));
    let version = text(&out.stdout);
    assert!(
        version.starts_with(&format!("briefing {}", env!("CARGO_PKG_VERSION"))),
        "{version}"
    );
    // Built from this checkout: the commit checked out when it was built (the build script
    // runs again when HEAD moves).
    let head = Command::new("git")
        .args(["rev-parse", "--short=12", "HEAD"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output();
    if let Ok(head) = head
        && head.status.success()
    {
        let head = text(&head.stdout);
        assert!(version.contains(&format!("({} ", head.trim())), "{version}");
    }
}
