use std::path::Path;
use std::time::Duration;

use ratatui::style::Color;

use super::*;
use crate::app::keymap::{Ctx, HelpLine};
use crate::app::{Action, Key, Mode};
use crate::ui::theme::Palette;

fn ok(source: &str) -> Checked {
    match parse_config(source, "config.toml") {
        Ok(c) => c,
        Err(e) => panic!("{e}"),
    }
}

fn err(source: &str) -> String {
    parse_config(source, "config.toml").unwrap_err().to_string()
}

#[test]
fn an_empty_file_is_the_defaults() {
    let c = ok("");
    assert_eq!(c.config, Config::default());
    assert!(c.warnings.is_empty());
}

#[test]
fn the_default_file_changes_nothing() {
    let c = ok(&default_file());
    assert_eq!(c.config, Config::default());
    assert!(c.warnings.is_empty());
}

/// Uncommenting the commented settings of `[theme]` and `[keys.*]` changes nothing either:
/// the values the file shows are the real defaults.
#[test]
fn the_default_files_commented_values_are_the_defaults() {
    let mut section = String::new();
    let mut out = String::new();
    for line in default_file().lines() {
        if line.starts_with('[') {
            section = line.to_string();
        }
        let is_setting = line.starts_with("# ")
            && line[2..]
                .split_once(" = ")
                .is_some_and(|(k, _)| k.chars().all(|c| c.is_ascii_lowercase() || c == '_'));
        if is_setting && (section.starts_with("[theme]") || section.starts_with("[keys.")) {
            out.push_str(&line[2..]);
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    assert!(
        out.contains("\nnext_pane = [\"<Tab>\", \"l\", \"<Right>\"]"),
        "{out}"
    );
    assert!(out.contains("\nborders = \"gray\""), "{out}");
    let c = ok(&out);
    assert_eq!(c.config, Config::default());
    assert!(c.warnings.is_empty(), "{:?}", c.warnings);
}

#[test]
fn the_default_file_comments_every_setting() {
    let text = default_file();
    let is_setting = |line: &str| {
        line.trim_start_matches("# ")
            .split_once(" = ")
            .is_some_and(|(k, _)| {
                !k.is_empty() && k.chars().all(|c| c.is_ascii_lowercase() || c == '_')
            })
    };
    let mut previous = "";
    let mut settings = 0;
    for line in text.lines() {
        if is_setting(line) {
            settings += 1;
            // Its comment is on the line (after the value) or on the line above.
            let above = previous.starts_with('#') && !is_setting(previous);
            let after = line.contains("  # ");
            assert!(above || after, "no comment: {line}");
        }
        if !line.contains("  # ") {
            assert!(line.chars().count() <= 100, "too long: {line}");
        }
        // A run of settings under one comment shares it.
        if !is_setting(line) || line.contains("  # ") {
            previous = line;
        }
    }
    assert!(settings > 60, "{settings} settings");
}

#[test]
fn a_rebound_key_resolves_and_shows_in_help() {
    let c = ok("[keys.reading]\nquit = \"x\"\ntoggle_help = [\"<F1>\", \"?\"]\n");
    let keymap = &c.config.keymap;
    assert_eq!(
        keymap.resolve(Mode::Reading, Key::Char('x')),
        Some(Action::Quit)
    );
    assert_eq!(keymap.resolve(Mode::Reading, Key::Char('q')), None);
    assert_eq!(
        keymap.resolve(Mode::Reading, Key::F(1)),
        Some(Action::ToggleHelp)
    );
    assert!(
        keymap
            .help_lines(Lang::En)
            .contains(&HelpLine::Keys("<F1> ?".into(), "help"))
    );
    assert_eq!(keymap.key_for(Ctx::Panes, Action::Quit), Some("x"));
}

#[test]
fn an_action_left_without_a_key_is_a_warning() {
    let src = "[keys.reading]\nnext_match = [\"n\", \"/\"]\n";
    let c = ok(src);
    let warnings: Vec<String> = c.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        [
            "config.toml:2:14: warning: expected a key for 'start_search' in 'keys.reading', \
             found none left\n  |\n2 | next_match = [\"n\", \"/\"]\n  |              \
             ^^^^^^^^^^ '/' now does 'next_match'\n  = help: it can only be used again with a \
             key: add start_search = \"...\" under [keys.reading]"
        ]
    );
}

#[test]
fn typos_get_the_nearest_known_name() {
    let e = err(
        "lnag = \"en\"\n[theme]\nname = \"drak\"\nbordrs = \"cyna\"\n\
                 [keys.readng]\n[keys.reading]\nnxt_pane = \"x\"\n[serve]\nlisen = 1\n",
    );
    for want in [
        "config.toml:1:1: error: expected a known key at the top level, found 'lnag'",
        "= help: did you mean 'lang'?",
        "config.toml:3:8: error: expected 'dark', 'light' or 'mono', found 'drak'",
        "= help: did you mean 'dark'?",
        "config.toml:4:1: error: expected a known key in 'theme', found 'bordrs'",
        "= help: did you mean 'borders'?",
        "config.toml:5:7: error: expected a mode in 'keys', found 'readng'",
        "= help: did you mean 'reading'?",
        "config.toml:7:1: error: expected an action of 'keys.reading', found 'nxt_pane'",
        "= help: did you mean 'next_pane'?",
        "config.toml:9:1: error: expected a known key in 'serve', found 'lisen'",
        "= help: did you mean 'listen'?",
    ] {
        assert!(e.contains(want), "{want}\nnot in\n{e}");
    }
    // A colour of a role that is itself unknown is not read, so not reported.
    assert!(!e.contains("found 'cyna'"), "{e}");
}

#[test]
fn bad_values_are_located_with_a_caret() {
    let e = err("lang = 3\n[theme]\nfocus = \"#12345\"\nlinks = \"cyna\"\n\
                 [keys.present]\nnext_slide = \"jj\"\nquit = \"<Nope>\"\n\
                 [serve]\nmax_sessions = 0\nmax_size = \"5x5\"\nidle_timeout = \"soon\"\n");
    for want in [
        "config.toml:1:8: error: expected 'auto', 'en' or 'fr', found an integer",
        "config.toml:3:9: error: expected a colour like '#1e90ff', found '#12345'\n  |\n3 | \
         focus = \"#12345\"\n  |         ^^^^^^^^ six hexadecimal digits after '#'",
        "config.toml:4:9: error: expected an ANSI colour name or '#rrggbb', found 'cyna'",
        "= help: did you mean 'cyan'?",
        "config.toml:6:14: error: expected one key, found 2 in 'jj'",
        "config.toml:7:8: error: expected a key name such as <Tab>, <C-d> or <PageDown>, found \
         '<Nope>'",
        "config.toml:9:16: error: expected a whole number of at least 1, found 0",
        "config.toml:10:12: error: expected 10 to 1000 on each side, found '5x5'",
        "config.toml:11:16: error: expected a duration like 90s, 30m or 3h, found 'soon'",
    ] {
        assert!(e.contains(want), "{want}\nnot in\n{e}");
    }
}

#[test]
fn one_key_for_two_actions_of_a_mode_is_an_error() {
    let e = err("[keys.reading]\nquit = \"x\"\ntoggle_help = \"x\"\n");
    assert!(
        e.contains(
            "error: expected each key once in 'keys.reading', found 'x' for both 'quit' and \
             'toggle_help'"
        ),
        "{e}"
    );
}

#[test]
fn syntax_errors_are_reported_like_a_briefings() {
    let e = err("[theme\nname = \"dark\"\n");
    assert!(e.starts_with("config.toml:1:7: error: expected"), "{e}");
}

#[test]
fn themes_and_colours_per_role() {
    let c = ok("[theme]\nname = \"light\"\nfocus = \"#ff8800\"\n");
    let palette = c.config.theme.palette.unwrap();
    assert_eq!(palette.focus, Color::Rgb(0xff, 0x88, 0));
    assert_eq!(palette.borders, Palette::LIGHT.borders);
    assert_eq!(ok("[theme]\nname = \"mono\"\n").config.theme, Theme::MONO);
}

#[test]
fn builtin_themes_keep_to_the_16_ansi_colours() {
    for palette in [Palette::DARK, Palette::LIGHT] {
        for (role, color) in palette.roles() {
            assert!(
                !matches!(color, Color::Rgb(..) | Color::Indexed(_)),
                "{role} is {color:?}"
            );
        }
    }
}

#[test]
fn no_color_wins_over_any_theme() {
    let c = ok("[theme]\nname = \"light\"\nfocus = \"#ff8800\"\n");
    let theme = c
        .config
        .theme
        .unless_no_color(Some(std::ffi::OsStr::new("1")));
    assert_eq!(theme, Theme::MONO);
    // An empty NO_COLOR is not set, by the convention.
    let theme = c
        .config
        .theme
        .unless_no_color(Some(std::ffi::OsStr::new("")));
    assert_eq!(theme, c.config.theme);
}

#[test]
fn lang_and_serve_defaults() {
    let c = ok(
        "lang = \"fr\"\n[serve]\nlisten = \"0.0.0.0:2300\"\nauthorized_keys = \
                \"~/.ssh/authorized_keys\"\nmax_sessions = 50\nmax_connect_rate = 0\n\
                max_size = \"120x40\"\nidle_timeout = \"30m\"\n",
    );
    assert_eq!(c.config.lang, Some(Lang::Fr));
    let s = &c.config.serve;
    assert_eq!(s.listen.to_string(), "0.0.0.0:2300");
    assert_eq!(
        s.authorized_keys.as_deref(),
        Some(Path::new("~/.ssh/authorized_keys"))
    );
    assert_eq!((s.max_sessions, s.max_connect_rate), (50, 0));
    assert_eq!(s.max_size, Size::new(120, 40));
    assert_eq!(s.idle_timeout, Duration::from_secs(1800));
    assert_eq!(ok("lang = \"auto\"").config.lang, None);
}

#[test]
fn paths_resolve_from_home_and_the_configs_folder() {
    let dir = Path::new("/etc/briefing");
    let home = Some(Path::new("/home/a"));
    assert_eq!(
        resolve_path(Path::new("~/.ssh/keys"), dir, home),
        Path::new("/home/a/.ssh/keys")
    );
    assert_eq!(
        resolve_path(Path::new("keys"), dir, home),
        Path::new("/etc/briefing/keys")
    );
    assert_eq!(resolve_path(Path::new("/k"), dir, home), Path::new("/k"));
}

#[test]
fn a_character_taken_from_search_queries_is_a_warning() {
    let c = ok(
        "[keys.everywhere]\nredraw = [\"<C-l>\", \"r\"]\n[keys.search]\nsearch_submit = \"<F2>\"\n",
    );
    let warnings: Vec<String> = c.warnings.iter().map(|w| w.headline()).collect();
    assert_eq!(
        warnings,
        [
            "config.toml:2:20: warning: expected a key that is not typed in a search query, found 'r'"
        ]
    );
    assert_eq!(
        c.config
            .keymap
            .resolve(Mode::Search(crate::app::Base::Reading), Key::Char('r')),
        Some(Action::Redraw)
    );
}

#[test]
fn the_library_keys_are_rebound_like_the_readers() {
    let c = ok(
        "[keys.library]\nquit = \"x\"\n[keys.library_filter]\nsearch_cancel = [\"<Esc>\", \"c\"]\n",
    );
    let keymap = &c.config.keymap;
    assert_eq!(
        keymap.resolve_in(&[Ctx::Library], Key::Char('x')),
        Some(Action::Quit)
    );
    assert_eq!(keymap.resolve_in(&[Ctx::Library], Key::Char('q')), None);
    // The reader's quit is its own.
    assert_eq!(
        keymap.resolve(Mode::Reading, Key::Char('q')),
        Some(Action::Quit)
    );
    assert!(
        keymap
            .library_help_lines(Lang::En)
            .contains(&HelpLine::Keys("x".into(), "quit"))
    );
    // A character given to the filter line can no longer be typed there.
    let warnings: Vec<String> = c.warnings.iter().map(|w| w.headline()).collect();
    assert_eq!(
        warnings,
        [
            "config.toml:4:27: warning: expected a key that is not typed in a search query, found 'c'"
        ]
    );
}
