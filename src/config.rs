//! The user's configuration (`~/.config/briefing/config.toml`): key bindings that patch the
//! built-in keymap, a theme, the default interface language and defaults for `serve`.
//!
//! The file is checked as a briefing is: every problem is a [`Diagnostic`] at its line and
//! column, an unknown name gets the nearest known one, and a file with any error is refused as
//! a whole (the program does not start on it) rather than half applied. An action the user's
//! keys leave without a key is a warning. The defaults are in code; a file names only what it
//! changes ([`default_file`] prints them all, commented). Text in, values out: no I/O here (the
//! binary finds and reads the file).

mod default_file;
mod read;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use crate::app::Size;
use crate::app::keymap::Keymap;
use crate::model::{Diagnostic, Lang, LoadError};
use crate::serve::Limits;
use crate::serve::options::DEFAULT_LISTEN;
use crate::ui::Theme;

pub use default_file::default_file;

/// The environment variable that names the configuration file (as `--config` does).
pub const ENV_VAR: &str = "BRIEFING_CONFIG";

/// The configuration, as the file asks over the defaults.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// The interface language; `None` for the briefing's own.
    pub lang: Option<Lang>,
    /// The theme (NO_COLOR is applied at the edge, over it).
    pub theme: Theme,
    /// The keys: the built-in table with the user's bindings.
    pub keymap: Arc<Keymap>,
    /// Defaults for `briefing serve` that its flags override.
    pub serve: ServeDefaults,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            lang: None,
            theme: Theme::default(),
            keymap: Keymap::builtin(),
            serve: ServeDefaults::default(),
        }
    }
}

/// `[serve]`: what `briefing serve` does without the flags.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServeDefaults {
    /// `--listen`.
    pub listen: SocketAddr,
    /// `--authorized-keys`: who may watch when no other choice is given.
    pub authorized_keys: Option<PathBuf>,
    /// `--host-key`.
    pub host_key: Option<PathBuf>,
    /// `--max-sessions`.
    pub max_sessions: usize,
    /// `--max-per-address`; `None` for as many as `max_sessions`.
    pub max_per_address: Option<usize>,
    /// `--max-connect-rate`.
    pub max_connect_rate: u32,
    /// `--max-size`.
    pub max_size: Size,
    /// `--idle-timeout`.
    pub idle_timeout: Duration,
}

impl Default for ServeDefaults {
    fn default() -> ServeDefaults {
        let limits = Limits::default();
        ServeDefaults {
            listen: DEFAULT_LISTEN,
            authorized_keys: None,
            host_key: None,
            max_sessions: limits.max_sessions,
            max_per_address: None,
            max_connect_rate: limits.connect_rate,
            max_size: limits.max_size,
            idle_timeout: limits.idle,
        }
    }
}

/// A configuration that checked, with the warnings to show (actions left without a key).
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    /// The configuration.
    pub config: Config,
    /// Problems it goes on with.
    pub warnings: Vec<Diagnostic>,
}

/// Parses and checks a configuration; `origin` names it in messages. Paths in it are kept as
/// written (see [`resolve_path`]).
pub fn parse_config(source: &str, origin: &str) -> Result<Checked, LoadError> {
    let tree = crate::model::parse_toml(source, origin)?;
    let mut reader = read::Reader::new(source, origin);
    let config = reader.config(tree.get_ref());
    let (problems, warnings) = reader.finish();
    if problems.is_empty() {
        Ok(Checked { config, warnings })
    } else {
        Err(LoadError::new(problems))
    }
}

/// A path from the configuration as the program uses it: `~/` is the home directory, and a
/// relative path is relative to the configuration file's directory (not to wherever the
/// program is started).
pub fn resolve_path(path: &Path, config_dir: &Path, home: Option<&Path>) -> PathBuf {
    if let (Ok(rest), Some(home)) = (path.strip_prefix("~"), home) {
        return home.join(rest);
    }
    if path.is_relative() {
        config_dir.join(path)
    } else {
        path.to_path_buf()
    }
}

#[cfg(test)]
mod tests;
