//! The command line's types (clap): the subcommands and their arguments, and the parsers of
//! their values. Only the binary knows clap; the library gets plain values
//! ([`ServeOptions`], [`Size`], [`briefing::model::Lang`]).

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use briefing::app::Size;
use briefing::config::ServeDefaults;
use briefing::import::Source;
use briefing::model::{Format, Lang};
use briefing::serve::options;
use briefing::serve::{Access, Limits, ServeOptions};
use clap::{ArgGroup, Args, Parser, Subcommand, ValueEnum};

/// A terminal reader for press releases and briefings.
#[derive(Parser, Debug)]
#[command(
    name = "briefing",
    version = env!("BRIEFING_VERSION"),
    about,
    subcommand_precedence_over_arg = true
)]
pub(crate) struct Cli {
    /// The briefing to open (TOML or JSON), a release to structure on the fly (.txt, .md,
    /// .html, .htm, .pdf), or a folder of them to browse as a library; the bundled
    /// UNODC–INTERPOL briefing by default.
    pub file: Option<String>,
    /// Interface language (by default the configuration's, else the briefing's own); for
    /// `import`, the release's; for `export`, the handout's.
    #[arg(long, value_enum, global = true)]
    pub lang: Option<LangArg>,
    /// What the file holds, whatever its extension; for '-' (standard input), by default it is
    /// told from the text.
    #[arg(long, value_enum, global = true, value_name = "KIND")]
    pub from: Option<FromArg>,
    /// The configuration file [default: briefing/config.toml in the user's configuration
    /// directory, ~/.config on Linux].
    #[arg(long, global = true, value_name = "FILE", env = briefing::config::ENV_VAR)]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub(crate) enum Command {
    /// Check briefing files and report every problem found.
    Check {
        /// Briefing files (TOML, or JSON by the .json extension); '-' reads standard input.
        #[arg(required = true)]
        files: Vec<String>,
    },
    /// Structure a raw press release (plain text, Markdown, a saved web page or a PDF; French
    /// or English) into a briefing.
    Import(ImportArgs),
    /// Present the briefing slide by slide (Esc or p goes to the reader).
    Present {
        /// The briefing or release; the bundled briefing by default.
        file: Option<String>,
        /// Open the presenter view instead: current slide, next one, notes and timer,
        /// following the presentation running in another terminal of this machine.
        #[arg(long)]
        notes: bool,
    },
    /// Browse a folder of briefings and releases (and its subfolders) as one library: list,
    /// sort, filter, search, read. `briefing DIR` does the same.
    Library {
        /// The folder.
        dir: String,
    },
    /// Present over SSH: attendees run `ssh -p 2222 HOST` and follow your view live.
    Serve(ServeArgs),
    /// Write a handout of the briefing: Markdown, self-contained HTML or plain text.
    Export(ExportArgs),
    /// Check the configuration file in use, or print the default one.
    Config {
        /// Print the default configuration, every setting with a comment.
        #[arg(long)]
        default: bool,
    },
    /// Print a shell completion script (for example: briefing completions bash >
    /// ~/.local/share/bash-completion/completions/briefing).
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff) to standard output (for example: briefing man | man -l -).
    Man,
    /// Print one frame of the reader (or of a folder's library) as text, without a terminal.
    Snapshot {
        /// The briefing, release or folder; the bundled briefing by default.
        file: Option<String>,
        /// Columns x rows.
        #[arg(long, default_value = "100x30", value_parser = parse_snapshot_size)]
        size: Size,
        /// Keys to press first, in the keymap's notation: "<Tab> j j / INTERPOL <Enter>".
        #[arg(long, default_value = "")]
        keys: String,
        /// Keep colours and styles as ANSI escape sequences.
        #[arg(long)]
        ansi: bool,
    },
}

/// `--from`: what a file (or standard input) holds, whatever its name says.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FromArg {
    /// A briefing in TOML.
    Toml,
    /// A briefing in JSON.
    Json,
    /// A press release in plain text or Markdown, structured on the fly.
    Release,
    /// A release in plain text.
    Text,
    /// A release in Markdown.
    Markdown,
    /// A saved web page.
    Html,
    /// A PDF with a text layer.
    Pdf,
}

impl FromArg {
    /// The kind of release it names; none for a briefing.
    pub(crate) fn source(self) -> Option<Source> {
        match self {
            FromArg::Toml | FromArg::Json => None,
            FromArg::Release | FromArg::Text => Some(Source::Text),
            FromArg::Markdown => Some(Source::Markdown),
            FromArg::Html => Some(Source::Html),
            FromArg::Pdf => Some(Source::Pdf),
        }
    }
}

/// `briefing import`'s arguments.
#[derive(clap::Args, Debug)]
pub(crate) struct ImportArgs {
    /// The release; '-' reads standard input.
    pub release: String,
    /// Write the briefing here instead of standard output.
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<String>,
    /// The output format; by default JSON for an OUT ending in .json, else TOML.
    #[arg(long, value_enum)]
    pub format: Option<OutFormat>,
    /// Replace OUT if it exists.
    #[arg(long)]
    pub force: bool,
}

/// `briefing export`'s arguments.
#[derive(clap::Args, Debug)]
pub(crate) struct ExportArgs {
    /// The briefing or release; the bundled briefing by default.
    pub file: Option<String>,
    /// The handout's format; by default, OUT's extension (.md, .html, .txt) says.
    #[arg(long, value_enum)]
    pub format: Option<HandoutFormat>,
    /// Write the handout here instead of standard output.
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<String>,
    /// Replace OUT if it exists.
    #[arg(long)]
    pub force: bool,
    /// Include the presenter notes.
    #[arg(long)]
    pub notes: bool,
}

/// `export --format`.
#[derive(ValueEnum, Clone, Copy, Debug)]
pub(crate) enum HandoutFormat {
    /// Markdown.
    Md,
    /// One self-contained HTML file.
    Html,
    /// Plain text.
    Txt,
}

impl From<HandoutFormat> for briefing::handout::HandoutFormat {
    fn from(format: HandoutFormat) -> briefing::handout::HandoutFormat {
        match format {
            HandoutFormat::Md => briefing::handout::HandoutFormat::Markdown,
            HandoutFormat::Html => briefing::handout::HandoutFormat::Html,
            HandoutFormat::Txt => briefing::handout::HandoutFormat::Text,
        }
    }
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub(crate) enum OutFormat {
    Toml,
    Json,
}

/// `--lang`: the languages briefing has words and tables for.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum LangArg {
    En,
    Fr,
}

impl From<OutFormat> for Format {
    fn from(format: OutFormat) -> Format {
        match format {
            OutFormat::Toml => Format::Toml,
            OutFormat::Json => Format::Json,
        }
    }
}

impl From<LangArg> for Lang {
    fn from(arg: LangArg) -> Lang {
        match arg {
            LangArg::En => Lang::En,
            LangArg::Fr => Lang::Fr,
        }
    }
}

/// `briefing serve [FILE] ...`: present a briefing to attendees who connect with `ssh`.
#[derive(Args, Debug, Clone)]
#[command(group(ArgGroup::new("access").args(["authorized_keys", "passcode", "open"])))]
pub(crate) struct ServeArgs {
    /// The briefing; the bundled one by default.
    pub file: Option<String>,
    /// Address and port to listen on; use 0.0.0.0:2222 to accept other machines.
    /// [default: 127.0.0.1:2222, or the configuration's]
    #[arg(long, value_name = "ADDR")]
    pub listen: Option<SocketAddr>,
    /// The host key file (ed25519, mode 0600); generated there if missing.
    /// [default: ssh_host_ed25519_key under the user's data directory, in briefing/]
    #[arg(long, value_name = "PATH")]
    pub host_key: Option<PathBuf>,
    /// Let in the public keys listed in this file (re-read on every attempt). One of this,
    /// --passcode and --open is needed, unless the configuration names an authorized_keys file.
    #[arg(long, value_name = "FILE")]
    pub authorized_keys: Option<PathBuf>,
    /// Let in whoever types this passcode as the SSH password. Prefer the environment
    /// variable on a shared machine: other users can read a process's arguments.
    #[arg(
        long,
        value_name = "CODE",
        env = "BRIEFING_PASSCODE",
        hide_env_values = true
    )]
    pub passcode: Option<String>,
    /// Let in anyone who can reach the port, without authentication.
    #[arg(long)]
    pub open: bool,
    /// Let the public keys listed in this file lead over SSH (`ssh presenter@HOST`), as the
    /// local presenter does; with --headless no local terminal is needed at all.
    #[arg(long, value_name = "FILE")]
    pub presenter_keys: Option<PathBuf>,
    /// Most attendees at once (each connection counts, authenticated or not).
    /// [default: 200, or the configuration's]
    #[arg(long, value_name = "N")]
    pub max_sessions: Option<usize>,
    /// Most connections from one address at once [default: the configuration's, else
    /// --max-sessions].
    #[arg(long, value_name = "N")]
    pub max_per_address: Option<usize>,
    /// Most new connections from one address per minute (0: no limit); a room behind one
    /// address may join all at once. [default: 120, or the configuration's]
    #[arg(long, value_name = "N")]
    pub max_connect_rate: Option<u32>,
    /// The largest terminal an attendee may claim; larger ones are drawn at this size.
    /// [default: 300x100, or the configuration's]
    #[arg(long, value_parser = options::parse_size, value_name = "COLSxROWS")]
    pub max_size: Option<Size>,
    /// Close a session after this long without a key from the attendee (s, m or h).
    /// [default: 3h, or the configuration's]
    #[arg(long, value_parser = options::parse_duration, value_name = "TIME")]
    pub idle_timeout: Option<Duration>,
    /// Append connections and refusals to this file [default: none].
    #[arg(long, value_name = "FILE")]
    pub log: Option<PathBuf>,
    /// Run without the local reader: the presenter's keys are read from standard input, one
    /// line of keys in the keymap's notation at a time (used by scripts and benchmarks).
    #[arg(long)]
    pub headless: bool,
}

impl ServeArgs {
    /// The server's options: as the flags say, else as the configuration's `[serve]` says.
    /// Fails on an empty passcode, and when neither names who may watch (clap makes sure the
    /// flags give at most one access choice).
    pub fn options(&self, defaults: &ServeDefaults) -> anyhow::Result<ServeOptions> {
        let flags_choose = self.authorized_keys.is_some() || self.passcode.is_some() || self.open;
        let access = match (&defaults.authorized_keys, flags_choose) {
            (Some(keys), false) => Access::AuthorizedKeys(keys.clone()),
            (None, false) => anyhow::bail!(
                "expected one of --authorized-keys FILE, --passcode CODE or --open, found none\n  \
                 = help: or name an authorized_keys file under [serve] in the configuration"
            ),
            (_, true) => Access::choose(
                self.authorized_keys.clone(),
                self.passcode.clone(),
                self.open,
            )?,
        };
        let max_sessions = self.max_sessions.unwrap_or(defaults.max_sessions);
        // A --max-sessions flag alone sets both, as it always did.
        let max_per_address = self.max_per_address.or(if self.max_sessions.is_some() {
            None
        } else {
            defaults.max_per_address
        });
        let limits = Limits {
            connect_rate: self.max_connect_rate.unwrap_or(defaults.max_connect_rate),
            max_size: self.max_size.unwrap_or(defaults.max_size),
            idle: self.idle_timeout.unwrap_or(defaults.idle_timeout),
            ..Limits::default()
        }
        .with_sessions(max_sessions, max_per_address);
        Ok(ServeOptions {
            listen: self.listen.unwrap_or(defaults.listen),
            host_key: self.host_key.clone().or_else(|| defaults.host_key.clone()),
            limits,
            log: self.log.clone(),
            presenter_keys: self.presenter_keys.clone(),
            ..ServeOptions::new(access)
        })
    }
}

/// The largest snapshot, in cells per side.
const MAX_SNAPSHOT_SIDE: u16 = 1000;

fn parse_snapshot_size(text: &str) -> Result<Size, String> {
    let bad = || format!("expected a size like 100x30, found '{text}'");
    let (w, h) = text.split_once(['x', 'X', '×']).ok_or_else(bad)?;
    // Any count of digits parses, so a huge size is told the maximum, not the form.
    let side = |s: &str| -> Result<u64, String> {
        let s = s.trim();
        if s.is_empty() || !s.chars().all(|c| c.is_ascii_digit()) {
            return Err(bad());
        }
        Ok(s.parse::<u64>().unwrap_or(u64::MAX))
    };
    let (w, h) = (side(w)?, side(h)?);
    let max = u64::from(MAX_SNAPSHOT_SIDE);
    if w > max || h > max {
        return Err(format!(
            "expected at most {MAX_SNAPSHOT_SIDE}x{MAX_SNAPSHOT_SIDE}, found {w}x{h}"
        ));
    }
    if w == 0 || h == 0 {
        return Err(format!(
            "expected at least 1 column and 1 row, found {w}x{h}"
        ));
    }
    Ok(Size::new(
        u16::try_from(w).unwrap_or(MAX_SNAPSHOT_SIDE),
        u16::try_from(h).unwrap_or(MAX_SNAPSHOT_SIDE),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<ServeArgs, clap::Error> {
        let mut all = vec!["briefing", "serve"];
        all.extend(args);
        match Cli::try_parse_from(all)?.command {
            Some(Command::Serve(args)) => Ok(args),
            other => panic!("not serve: {other:?}"),
        }
    }

    #[test]
    fn snapshot_sizes_name_the_limits() {
        assert_eq!(parse_snapshot_size("80x24"), Ok(Size::new(80, 24)));
        assert_eq!(parse_snapshot_size("1000×1000"), Ok(Size::new(1000, 1000)));
        assert_eq!(
            parse_snapshot_size("100000x100000"),
            Err("expected at most 1000x1000, found 100000x100000".to_string())
        );
        assert_eq!(
            parse_snapshot_size("0x0"),
            Err("expected at least 1 column and 1 row, found 0x0".to_string())
        );
        assert_eq!(
            parse_snapshot_size("80x0"),
            Err("expected at least 1 column and 1 row, found 80x0".to_string())
        );
        assert_eq!(
            parse_snapshot_size("big"),
            Err("expected a size like 100x30, found 'big'".to_string())
        );
    }

    #[test]
    fn serve_args_default_to_loopback_and_limits() {
        let o = parse(&["--open"]).unwrap().options(&none()).unwrap();
        assert_eq!(o, ServeOptions::new(Access::Open));
        assert_eq!(o.listen.to_string(), "127.0.0.1:2222");
    }

    #[test]
    fn serve_args_set_every_limit() {
        let args = parse(&[
            "--passcode",
            "x",
            "--max-sessions",
            "5",
            "--max-connect-rate",
            "0",
            "--max-size",
            "100x40",
            "--idle-timeout",
            "30m",
        ]);
        let l = args.unwrap().options(&none()).unwrap().limits;
        assert_eq!(
            (l.max_sessions, l.max_per_address, l.connect_rate),
            (5, 5, 0)
        );
        assert_eq!(
            (l.max_size, l.idle),
            (Size::new(100, 40), Duration::from_secs(1800))
        );
    }

    fn none() -> ServeDefaults {
        ServeDefaults::default()
    }

    #[test]
    fn serve_args_without_an_access_choice_are_refused() {
        let err = parse(&[])
            .unwrap()
            .options(&none())
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with(
                "expected one of --authorized-keys FILE, --passcode CODE or --open, found none"
            ),
            "{err}"
        );
    }

    #[test]
    fn serve_args_fall_back_on_the_configuration() {
        let defaults = ServeDefaults {
            authorized_keys: Some("/k".into()),
            listen: "0.0.0.0:2300".parse().unwrap(),
            max_sessions: 50,
            max_per_address: Some(5),
            idle_timeout: Duration::from_secs(60),
            ..ServeDefaults::default()
        };
        let o = parse(&[]).unwrap().options(&defaults).unwrap();
        assert_eq!(o.access, Access::AuthorizedKeys("/k".into()));
        assert_eq!(o.listen.to_string(), "0.0.0.0:2300");
        assert_eq!((o.limits.max_sessions, o.limits.max_per_address), (50, 5));
        assert_eq!(o.limits.idle, Duration::from_secs(60));
        // Flags win: another access choice, another size of room.
        let o = parse(&["--open", "--max-sessions", "9", "--listen", "127.0.0.1:1"])
            .unwrap()
            .options(&defaults)
            .unwrap();
        assert_eq!(o.access, Access::Open);
        assert_eq!((o.limits.max_sessions, o.limits.max_per_address), (9, 9));
        assert_eq!(o.listen.to_string(), "127.0.0.1:1");
    }

    #[test]
    fn serve_args_with_two_access_choices_are_refused() {
        assert!(parse(&["--open", "--passcode", "x"]).is_err());
    }

    #[test]
    fn serve_args_empty_passcode_is_refused() {
        assert!(
            parse(&["--passcode", ""])
                .unwrap()
                .options(&none())
                .is_err()
        );
    }
}
