//! `briefing serve`'s options and the server's configuration, with safe defaults: listen on
//! loopback only, an explicit choice of who may watch, and limits on everything a client can
//! make the server spend. The command line itself belongs to the binary, which fills
//! [`ServeOptions`] and uses [`parse_size`] and [`parse_duration`] to read its values.

use std::net::{Ipv4Addr, SocketAddr, SocketAddrV4};
use std::path::PathBuf;
use std::time::Duration;

use russh::keys::PrivateKey;

use crate::app::Size;
use crate::serve::auth::Access;
use crate::ui::Theme;

/// Where the server listens unless `--listen` says otherwise: this machine only.
pub const DEFAULT_LISTEN: SocketAddr = SocketAddr::V4(SocketAddrV4::new(Ipv4Addr::LOCALHOST, 2222));

/// What `briefing serve` was asked for, before the host key is loaded: the binary fills it
/// from the command line, [`crate::serve::Serving::start`] turns it into a [`Config`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServeOptions {
    /// Address and port to listen on.
    pub listen: SocketAddr,
    /// The host key file; `None` for the default under the user's data directory.
    pub host_key: Option<PathBuf>,
    /// Who may watch.
    pub access: Access,
    /// What one client may make the server spend.
    pub limits: Limits,
    /// A file to append connections and refusals to.
    pub log: Option<PathBuf>,
    /// Public keys allowed to lead over SSH (an authorized_keys file), if any.
    pub presenter_keys: Option<PathBuf>,
}

impl ServeOptions {
    /// The defaults with `access`: loopback only ([`DEFAULT_LISTEN`]), the default host key,
    /// the default [`Limits`], no log.
    pub fn new(access: Access) -> ServeOptions {
        ServeOptions {
            listen: DEFAULT_LISTEN,
            host_key: None,
            access,
            limits: Limits::default(),
            log: None,
            presenter_keys: None,
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

impl Limits {
    /// These limits with `max_sessions` connections at once and `max_per_address` from one
    /// address (as many as `max_sessions` when not given), each at least 1.
    pub fn with_sessions(self, max_sessions: usize, max_per_address: Option<usize>) -> Limits {
        Limits {
            max_sessions: max_sessions.max(1),
            max_per_address: max_per_address.unwrap_or(max_sessions).max(1),
            ..self
        }
    }
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
    /// Public keys allowed to lead over SSH (an authorized_keys file), if any.
    pub presenter_keys: Option<PathBuf>,
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

    #[test]
    fn serve_options_default_to_loopback_and_limits() {
        let o = ServeOptions::new(Access::Open);
        assert_eq!(o.listen.to_string(), "127.0.0.1:2222");
        let l = o.limits;
        assert_eq!((l.max_sessions, l.max_per_address), (200, 200));
        assert_eq!(l.max_size, Size::new(300, 100));
    }

    #[test]
    fn with_sessions_defaults_per_address_to_all_and_keeps_at_least_one() {
        let l = Limits::default().with_sessions(10, None);
        assert_eq!((l.max_sessions, l.max_per_address), (10, 10));
        let l = Limits::default().with_sessions(0, Some(0));
        assert_eq!((l.max_sessions, l.max_per_address), (1, 1));
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
