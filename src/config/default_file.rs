//! The default configuration file (`briefing config --default`): every setting with its
//! default and a comment, generated from the same tables the reader checks against, so it
//! cannot drift. Settings whose default is "nothing" (a theme's colours, key bindings, serve's
//! optional files) are commented out: the file as printed changes nothing, and uncommenting a
//! line and editing it is how one changes a setting.

use std::fmt::Write;

use crate::app::keymap::{Ctx, TABLE, action_name};
use crate::config::ServeDefaults;
use crate::config::read::{COLORS, color_name};
use crate::ui::theme::Palette;

/// What each colour role paints.
const ROLE_NOTES: &[(&str, &str)] = &[
    ("borders", "pane borders out of focus"),
    ("focus", "the focused pane, the selected tab, keys in help"),
    ("titles", "the briefing's title"),
    ("headings", "section headings, section titles in help"),
    ("quotes", "quoted words"),
    ("speakers", "who speaks"),
    ("details", "date and event in the header"),
    ("links", "links"),
    ("emerging", "emerging threats"),
    ("search", "the background of search matches"),
    ("search_current", "the background of the match jumped to"),
    (
        "status",
        "the status line's background (default: reversed colours)",
    ),
];

/// Where comments after settings line up, unless a setting is longer.
const NOTE_COLUMN: usize = 44;

/// The whole default file.
pub fn default_file() -> String {
    let mut out = String::new();
    header(&mut out);
    theme(&mut out);
    keys(&mut out);
    serve(&mut out);
    out
}

fn header(out: &mut String) {
    out.push_str(
        "\
# briefing's configuration: ~/.config/briefing/config.toml on Linux (the platform's
# configuration directory), or the file --config FILE or BRIEFING_CONFIG names.
#
# Every setting is optional, and this file, as `briefing config --default` prints it, changes
# nothing: the active lines are the defaults, and the commented ones are left to you.
# Uncomment and edit what you want to change; `briefing config` checks the file.

# The interface language: \"en\", \"fr\", or \"auto\" for the briefing's own (--lang overrides).
lang = \"auto\"
",
    );
}

fn theme(out: &mut String) {
    let colours: Vec<&str> = COLORS.iter().map(|(n, _)| *n).skip(1).collect();
    out.push_str(
        "
[theme]
# \"dark\" (for dark backgrounds), \"light\" (for light ones) or \"mono\" (no colour: bold,
# italic, underline and reverse video only). NO_COLOR in the environment means mono.
name = \"dark\"
# Colours per role, over the theme's: an ANSI colour name, \"default\" (the terminal's own) or
# \"#rrggbb\" (true colour, where the terminal has it). The names:
",
    );
    wrap_list(out, &colours, "#   ");
    out.push_str("# The dark theme's colours:\n");
    let lines: Vec<(String, &str)> = Palette::DARK
        .roles()
        .iter()
        .map(|(role, color)| {
            let note = ROLE_NOTES
                .iter()
                .find(|(r, _)| r == role)
                .map_or("", |(_, n)| *n);
            (format!("# {role} = \"{}\"", color_name(*color)), note)
        })
        .collect();
    aligned(out, &lines);
}

fn keys(out: &mut String) {
    out.push_str(
        "
# Keys per mode, in the keymap's notation: j, ?, <Down>, <C-d>, <S-Tab>, <PageUp>, <F5>,
# <Space>, <lt> (for <). A key, or a list of keys; [] leaves the action without a key. Only
# the actions named change; a key given to one is taken from the others of its mode, and an
# action left without a key is reported. The help (?) and the status line show your keys.
",
    );
    for ctx in Ctx::ALL {
        let _ = writeln!(
            out,
            "\n[keys.{}]  # {}",
            ctx.name(),
            ctx.title(crate::model::Lang::En)
        );
        let lines: Vec<(String, &str)> = TABLE
            .iter()
            .filter(|b| b.ctx == ctx)
            .filter_map(|b| b.action.map(|a| (b, a)))
            .map(|(b, a)| {
                let keys: Vec<String> = b.keys.iter().map(|k| toml_string(k)).collect();
                let value = match keys.as_slice() {
                    [one] => one.clone(),
                    many => format!("[{}]", many.join(", ")),
                };
                (format!("# {} = {value}", action_name(a)), b.en)
            })
            .collect();
        aligned(out, &lines);
    }
}

fn serve(out: &mut String) {
    let d = ServeDefaults::default();
    let secs = d.idle_timeout.as_secs();
    let idle = if secs % 3600 == 0 {
        format!("{}h", secs / 3600)
    } else if secs % 60 == 0 {
        format!("{}m", secs / 60)
    } else {
        format!("{secs}s")
    };
    let _ = write!(
        out,
        "
[serve]
# Defaults for `briefing serve`; its flags override them.
# Address and port to listen on; \"0.0.0.0:2222\" lets other machines in (--listen).
listen = \"{listen}\"
# Who may watch when none of --authorized-keys, --passcode or --open is given: the public keys
# listed in this file. \"~/\" is your home; a relative path is relative to this file's folder.
# authorized_keys = \"~/.ssh/authorized_keys\"
# The host key (--host-key); by default briefing/ssh_host_ed25519_key in your data folder.
# host_key = \"~/.local/share/briefing/ssh_host_ed25519_key\"
# Most attendees at once (--max-sessions).
max_sessions = {sessions}
# Most connections from one address at once (--max-per-address); as many as max_sessions
# unless set.
# max_per_address = {sessions}
# Most new connections from one address per minute; 0 for no limit (--max-connect-rate).
max_connect_rate = {rate}
# The largest terminal drawn, COLSxROWS (--max-size).
max_size = \"{w}x{h}\"
# A session without a key for this long is closed: s, m or h (--idle-timeout).
idle_timeout = \"{idle}\"
",
        listen = d.listen,
        sessions = d.max_sessions,
        rate = d.max_connect_rate,
        w = d.max_size.width,
        h = d.max_size.height,
    );
}

/// Lines with their comments aligned in one column, as far as [`NOTE_COLUMN`].
fn aligned(out: &mut String, lines: &[(String, &str)]) {
    let width = lines
        .iter()
        .map(|(l, _)| l.chars().count())
        .max()
        .unwrap_or(0)
        .min(NOTE_COLUMN);
    for (line, note) in lines {
        let pad = width.saturating_sub(line.chars().count());
        let _ = writeln!(out, "{line}{}  # {note}", " ".repeat(pad));
    }
}

/// Words after `prefix`, comma-separated, wrapped at 96 columns.
fn wrap_list(out: &mut String, words: &[&str], prefix: &str) {
    let mut line = prefix.to_string();
    for (i, w) in words.iter().enumerate() {
        let item = if i + 1 < words.len() {
            format!("{w}, ")
        } else {
            (*w).to_string()
        };
        if line.len() + item.trim_end().len() > 96 {
            out.push_str(line.trim_end());
            out.push('\n');
            line = prefix.to_string();
        }
        line.push_str(&item);
    }
    out.push_str(line.trim_end());
    out.push('\n');
}

/// A TOML basic string.
fn toml_string(text: &str) -> String {
    let mut s = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => s.push_str("\\\""),
            '\\' => s.push_str("\\\\"),
            c => s.push(c),
        }
    }
    s.push('"');
    s
}
