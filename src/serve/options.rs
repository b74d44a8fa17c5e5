//! `briefing serve`'s command line and the server's configuration, with safe defaults: listen
//! on loopback only, an explicit choice of who may watch, and limits on everything a client can
//! make the server spend.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use clap::{ArgGroup, Args};
use russh::keys::PrivateKey;

use crate::app::Size;
use crate::serve::auth::Access;
use crate::ui::Theme;

/// Where the server listens unless `--listen` says otherwise: this machine only.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:2222";

/// `briefing serve [FILE] ...`: present a briefing to attendees who connect with `ssh`.
#[derive(Args, Debug, Clone)]
#[command(group(
    ArgGroup::new("access").required(true).args(["authorized_keys", "passcode", "open"])
))]
pub struct ServeArgs {
    /// The briefing; the bundled one by default.
    pub file: Option<String>,
    /// Address and port to listen on; use 0.0.0.0:2222 to accept other machines.
    #[arg(long, default_value = DEFAULT_LISTEN, value_name = "ADDR")]
    pub listen: SocketAddr,
    /// The host key file (ed25519, mode 0600); generated there if missing.
    /// [default: ssh_host_ed25519_key under the user's data directory, in briefing/]
    #[arg(long, value_name = "PATH")]
    pub host_key: Option<PathBuf>,
    /// Let in the public keys listed in this file (re-read on every attempt).
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
    /// Most attendees at once (each connection counts, authenticated or not).
    #[arg(long, default_value_t = Limits::default().max_sessions, value_name = "N")]
    pub max_sessions: usize,
    /// Most connections from one address at once [default: --max-sessions].
    #[arg(long, value_name = "N")]
    pub max_per_address: Option<usize>,
    /// Most new connections from one address per minute (0: no limit); a room behind one
    /// address may join all at once.
    #[arg(long, default_value_t = Limits::default().connect_rate, value_name = "N")]
    pub max_connect_rate: u32,
    /// The largest terminal an attendee may claim; larger ones are drawn at this size.
    #[arg(long, default_value = "300x100", value_parser = parse_size, value_name = "COLSxROWS")]
    pub max_size: Size,
    /// Close a session after this long without a key from the attendee (s, m or h).
    #[arg(long, default_value = "3h", value_parser = parse_duration, value_name = "TIME")]
    pub idle_timeout: Duration,
    /// Append connections and refusals to this file [default: none].
    #[arg(long, value_name = "FILE")]
    pub log: Option<PathBuf>,
    /// Run without the local reader: the presenter's keys are read from standard input, one
    /// line of keys in the keymap's notation at a time (used by scripts and benchmarks).
    #[arg(long)]
    pub headless: bool,
}

impl ServeArgs {
    /// Who may watch, as the flags say (clap makes sure exactly one is given).
    pub fn access(&self) -> anyhow::Result<Access> {
        match (&self.authorized_keys, &self.passcode, self.open) {
            (Some(path), None, false) => Ok(Access::AuthorizedKeys(path.clone())),
            (None, Some(code), false) if !code.is_empty() => Ok(Access::Passcode(code.clone())),
            (None, Some(_), false) => anyhow::bail!("expected a passcode, found ''"),
            (None, None, true) => Ok(Access::Open),
            _ => anyhow::bail!(
                "expected one of --authorized-keys FILE, --passcode CODE or --open, found several"
            ),
        }
    }

    /// The limits the flags ask for.
    pub fn limits(&self) -> Limits {
        Limits {
            max_sessions: self.max_sessions.max(1),
            max_per_address: self.max_per_address.unwrap_or(self.max_sessions).max(1),
            connect_rate: self.max_connect_rate,
            max_size: self.max_size,
            idle: self.idle_timeout,
            ..Limits::default()
        }
    }
}

/// What one client may make the server spend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Most connections at once.
    pub max_sessions: usize,
    /// Most connections from one IP address at once.
    pub max_per_address: usize,
    /// Most new connections from one IP address per minute, all of them at once if need be;
    /// 0 for no limit.
    pub connect_rate: u32,
    /// Authentication attempts per connection.
    pub max_auth_attempts: usize,
    /// Time to authenticate after connecting, and then again to open a view.
    pub auth_grace: Duration,
    /// Time a session may go without input from its attendee.
    pub idle: Duration,
    /// Time one frame may take to leave before the attendee is disconnected.
    pub stall: Duration,
    /// Delay before each refused authentication.
    pub auth_rejection: Duration,
    /// The largest terminal drawn; bigger claims are clamped to it.
    pub max_size: Size,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_sessions: 200,
            max_per_address: 200,
            connect_rate: 120,
            max_auth_attempts: 4,
            auth_grace: Duration::from_secs(20),
            idle: Duration::from_secs(3 * 3600),
            stall: Duration::from_secs(30),
            auth_rejection: Duration::from_secs(1),
            max_size: Size::new(300, 100),
        }
    }
}

/// Everything the server needs.
#[derive(Debug)]
pub struct Config {
    /// Where to listen; port 0 picks a free one (see [`ServerHandle::local_addr`]).
    ///
    /// [`ServerHandle::local_addr`]: crate::serve::ServerHandle::local_addr
    pub listen: SocketAddr,
    /// The host key.
    pub host_key: PrivateKey,
    /// Who may watch.
    pub access: Access,
    /// The limits.
    pub limits: Limits,
    /// The attendees' theme.
    pub theme: Theme,
    /// A file to append connections and refusals to.
    pub log: Option<PathBuf>,
}

/// Parses `COLSxROWS` with each side at least 10 and at most 1000.
pub fn parse_size(text: &str) -> Result<Size, String> {
    let bad = || format!("expected a size like 300x100, found '{text}'");
    let (w, h) = text.split_once(['x', 'X']).ok_or_else(bad)?;
    let w: u16 = w.trim().parse().map_err(|_| bad())?;
    let h: u16 = h.trim().parse().map_err(|_| bad())?;
    if !(10..=1000).contains(&w) || !(10..=1000).contains(&h) {
        return Err(format!("expected 10 to 1000 on each side, found '{text}'"));
    }
    Ok(Size::new(w, h))
}

/// Parses a duration such as `90s`, `30m` or `3h` (a bare number is seconds).
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let bad = || format!("expected a duration like 90s, 30m or 3h, found '{text}'");
    let t = text.trim();
    let (digits, unit) = t.split_at(t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len()));
    let n: u64 = digits.parse().map_err(|_| bad())?;
    let secs = match unit {
        "" | "s" => n,
        "m" => n.saturating_mul(60),
        "h" => n.saturating_mul(3600),
        _ => return Err(bad()),
    };
    if secs == 0 {
        return Err(format!("expected a duration above zero, found '{text}'"));
    }
    Ok(Duration::from_secs(secs))
}

/// The terminal size to draw for a client's claim: zero means unknown (80x24), and anything
/// beyond `max` is clamped to it, so a huge claim never allocates a huge buffer.
pub fn clamp_size(cols: u32, rows: u32, max: Size) -> Size {
    let side = |v: u32, unknown: u16, max: u16| {
        if v == 0 {
            unknown.min(max)
        } else {
            u16::try_from(v).unwrap_or(u16::MAX).min(max)
        }
    };
    Size::new(side(cols, 80, max.width), side(rows, 24, max.height))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser, Debug)]
    struct Cli {
        #[command(flatten)]
        serve: ServeArgs,
    }

    fn parse(args: &[&str]) -> Result<ServeArgs, clap::Error> {
        let mut all = vec!["serve"];
        all.extend(args);
        Cli::try_parse_from(all).map(|c| c.serve)
    }

    #[test]
    fn serve_args_default_to_loopback_and_limits() {
        let a = parse(&["--open"]).unwrap();
        assert_eq!(a.listen, DEFAULT_LISTEN.parse().unwrap());
        assert_eq!(a.access().unwrap(), Access::Open);
        let l = a.limits();
        assert_eq!((l.max_sessions, l.max_per_address), (200, 200));
        assert_eq!(l.max_size, Size::new(300, 100));
    }

    #[test]
    fn serve_args_without_an_access_choice_are_refused() {
        let err = parse(&[]).unwrap_err().to_string();
        assert!(err.contains("--authorized-keys"), "{err}");
    }

    #[test]
    fn serve_args_with_two_access_choices_are_refused() {
        assert!(parse(&["--open", "--passcode", "x"]).is_err());
    }

    #[test]
    fn serve_args_empty_passcode_is_refused() {
        assert!(parse(&["--passcode", ""]).unwrap().access().is_err());
    }

    #[test]
    fn clamp_size_caps_huge_claims_and_fills_unknown_ones() {
        let max = Size::new(300, 100);
        assert_eq!(clamp_size(65535, 65535, max), max);
        assert_eq!(clamp_size(u32::MAX, 5, max), Size::new(300, 5));
        assert_eq!(clamp_size(0, 0, max), Size::new(80, 24));
        assert_eq!(clamp_size(1, 1, max), Size::new(1, 1));
    }

    #[test]
    fn parse_duration_reads_units() {
        assert_eq!(parse_duration("90"), Ok(Duration::from_secs(90)));
        assert_eq!(parse_duration("30m"), Ok(Duration::from_secs(1800)));
        assert_eq!(parse_duration("3h"), Ok(Duration::from_secs(10800)));
        assert!(parse_duration("0s").is_err());
        assert!(parse_duration("1d").is_err());
        assert!(parse_duration("").is_err());
    }
}
