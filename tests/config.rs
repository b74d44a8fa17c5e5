//! The configuration file as a user meets it: each mistake's exact message, the program
//! refusing to start on a broken file, rebound keys in the reader and its help, NO_COLOR over
//! the theme, and `briefing config`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::process::{Command, Output, Stdio};

use briefing::files::load_config;

/// The binary with no configuration but what the test gives it: the user's own file (in
/// ~/.config) is never read.
fn briefing(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_briefing"));
    cmd.args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .env_remove("BRIEFING_CONFIG")
        .env("XDG_CONFIG_HOME", "/nonexistent/briefing-tests")
        .stdin(Stdio::null());
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn relative(path: &Path) -> String {
    path.strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .unwrap()
        .display()
        .to_string()
}

#[test]
fn bad_configurations_each_get_their_exact_message() {
    insta::glob!("fixtures/config/bad/*", |path| {
        let err = load_config(Path::new(&relative(path))).expect_err("a bad fixture must not load");
        assert_snapshot!(
            "bad_configurations_each_get_their_exact_message",
            err.to_string()
        );
    });
}

#[test]
fn a_broken_configuration_refuses_to_start_with_its_message() {
    let bad = "tests/fixtures/config/bad/typos.toml";
    for args in [
        vec!["--config", bad],
        vec!["--config", bad, "snapshot"],
        vec!["--config", bad, "present"],
        vec!["--config", bad, "serve", "--open", "--headless"],
    ] {
        let out = briefing(&args, &[]);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = text(&out.stderr);
        assert!(
            err.starts_with(
                "tests/fixtures/config/bad/typos.toml:2:1: error: expected a known key at the \
                 top level, found 'lnag'"
            ),
            "{args:?}: {err}"
        );
        assert!(
            err.ends_with("briefing: the configuration has errors; fix them, or pass --config with another file\n"),
            "{err}"
        );
        assert!(out.stdout.is_empty());
    }
    // The environment variable names it as --config does.
    let out = briefing(&["snapshot"], &[("BRIEFING_CONFIG", bad)]);
    assert_eq!(out.status.code(), Some(2));
    // A file named but missing is an error too, not the defaults.
    let out = briefing(
        &["--config", "tests/fixtures/config/missing.toml", "snapshot"],
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).starts_with(
            "tests/fixtures/config/missing.toml: error: cannot open: no such file or directory"
        ),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn a_rebound_key_acts_and_shows_in_help_and_hints() {
    let cfg = "tests/fixtures/config/ok/rebind.toml";
    let out = briefing(
        &[
            "--config", cfg, "snapshot", "--size", "100x70", "--keys", "<F1>",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let frame = text(&out.stdout);
    assert!(frame.contains("<F1> ?"), "{frame}");
    assert!(
        frame
            .lines()
            .any(|l| l.contains(" x ") && l.contains("quitter")),
        "{frame}"
    );
    // The status line's hints name the user's keys.
    let out = briefing(&["--config", cfg, "snapshot", "--size", "100x30"], &[]);
    let frame = text(&out.stdout);
    let status = frame.lines().last().unwrap();
    assert!(status.contains("x quitter"), "{status}");
    assert!(status.contains("F1 aide"), "{status}");
    // Without the configuration, the built-in keys.
    let out = briefing(&["snapshot", "--size", "100x30"], &[]);
    let status = text(&out.stdout).lines().last().unwrap().to_string();
    assert!(status.contains("q quitter"), "{status}");
}

#[test]
fn no_color_wins_over_the_theme() {
    let cfg = "tests/fixtures/config/ok/rebind.toml";
    let args = ["--config", cfg, "snapshot", "--size", "100x30", "--ansi"];
    let coloured = text(&briefing(&args, &[]).stdout);
    // The light theme with an orange focus: the focused border is in true colour.
    assert!(coloured.contains(";38;2;255;136;0m"), "{coloured}");
    assert!(colour_codes(&coloured) > 0);
    let plain = text(&briefing(&args, &[("NO_COLOR", "1")]).stdout);
    assert_eq!(colour_codes(&plain), 0, "{plain}");
    assert!(plain.contains("\u{1b}[0;1"), "modifiers stay: {plain}");
}

/// How many SGR parameters in `ansi` set a colour (foreground or background, any kind).
fn colour_codes(ansi: &str) -> usize {
    ansi.split("\u{1b}[")
        .skip(1)
        .filter_map(|seq| seq.split_once('m').map(|(params, _)| params))
        .flat_map(|params| params.split(';'))
        .filter_map(|p| p.parse::<u32>().ok())
        .filter(|n| matches!(n, 30..=38 | 40..=48 | 90..=97 | 100..=107))
        .count()
}

#[test]
fn config_default_prints_a_file_that_checks() {
    let out = briefing(&["config", "--default"], &[]);
    assert_eq!(out.status.code(), Some(0));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, &out.stdout).unwrap();
    let out = briefing(&["--config", path.to_str().unwrap(), "config"], &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), format!("{}: ok\n", path.display()));
    assert!(out.stderr.is_empty());
}

#[test]
fn config_reports_problems_and_warnings() {
    let out = briefing(
        &[
            "--config",
            "tests/fixtures/config/bad/bad_keys.toml",
            "config",
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("error: expected one key, found 2 in 'qq'"));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, "[keys.reading]\nnext_match = [\"n\", \"/\"]\n").unwrap();
    let out = briefing(&["--config", path.to_str().unwrap(), "config"], &[]);
    assert_eq!(out.status.code(), Some(0));
    let err = text(&out.stderr);
    assert!(
        err.contains(
            "config.toml:2:14: warning: expected a key for 'start_search' in 'keys.reading', \
             found none left"
        ),
        "{err}"
    );
    // No file: the defaults, said so.
    let out = briefing(&["config"], &[]);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).starts_with("no configuration file"));
}

#[test]
fn the_readmes_example_configuration_checks() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let section = readme.split("\n## Configuration\n").nth(1).unwrap();
    let example = section
        .split("```toml\n")
        .nth(1)
        .unwrap()
        .split("```")
        .next()
        .unwrap();
    let checked = briefing::config::parse_config(example, "README.md").unwrap();
    assert!(checked.warnings.is_empty());
    assert_eq!(checked.config.lang, Some(briefing::model::Lang::En));
    let keymap = &checked.config.keymap;
    let quit = Some(briefing::app::Action::Quit);
    let mode = briefing::app::Mode::Reading;
    assert_eq!(keymap.resolve(mode, briefing::app::Key::Char('x')), quit);
    assert_eq!(keymap.resolve(mode, briefing::app::Key::Char('q')), quit);
}

#[test]
fn serve_without_a_choice_of_who_may_watch_is_refused() {
    let out = briefing(&["serve", "--headless"], &[]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "briefing: error: expected one of --authorized-keys FILE, --passcode CODE or --open, \
         found none\n  = help: or name an authorized_keys file under [serve] in the configuration\n"
    );
}

#[test]
fn serve_paths_are_read_from_the_configurations_folder() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(
        &path,
        "[serve]\nauthorized_keys = \"keys\"\nhost_key = \"/abs/host_key\"\n",
    )
    .unwrap();
    let serve = load_config(&path).unwrap().config.serve;
    assert_eq!(serve.authorized_keys, Some(dir.path().join("keys")));
    assert_eq!(
        serve.host_key,
        Some(Path::new("/abs/host_key").to_path_buf())
    );
}
