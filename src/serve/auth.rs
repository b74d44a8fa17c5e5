//! Who may watch: public keys from an authorized_keys file (re-read on every attempt, so edits
//! apply without a restart), a passcode shared in the room, or anyone (`--open`).
//!
//! Keyboard-interactive and host-based authentication are never offered. An authorized_keys
//! entry with options this server cannot enforce (`from=`, `command=`, ...) is skipped rather
//! than trusted more widely than its author meant.

use std::path::{Path, PathBuf};

use russh::MethodKind;
use russh::keys::PublicKey;
use russh::keys::ssh_key::authorized_keys::ConfigOpts;

/// The largest authorized_keys file read, in bytes.
const MAX_AUTHORIZED_KEYS_BYTES: u64 = 1 << 20;

/// Options that only restrict what a key may do; this server allows none of those things
/// anyway, so an entry carrying only these is safe to honour.
const HARMLESS_OPTIONS: &[&str] = &[
    "restrict",
    "no-agent-forwarding",
    "no-port-forwarding",
    "no-X11-forwarding",
    "no-user-rc",
];

/// How attendees authenticate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Access {
    /// Public keys listed in this authorized_keys file.
    AuthorizedKeys(PathBuf),
    /// A passcode shared in the room, typed as the SSH password.
    Passcode(String),
    /// Anyone who can reach the port may watch.
    Open,
}

impl Access {
    /// The one method this access offers.
    pub fn method(&self) -> MethodKind {
        match self {
            Access::AuthorizedKeys(_) => MethodKind::PublicKey,
            Access::Passcode(_) => MethodKind::Password,
            Access::Open => MethodKind::None,
        }
    }

    /// The access the three exclusive choices of the command line ask for: an authorized_keys
    /// file, a passcode (not empty) or open. Exactly one must be given.
    pub fn choose(
        authorized_keys: Option<PathBuf>,
        passcode: Option<String>,
        open: bool,
    ) -> anyhow::Result<Access> {
        match (authorized_keys, passcode, open) {
            (Some(path), None, false) => Ok(Access::AuthorizedKeys(path)),
            (None, Some(code), false) if !code.is_empty() => Ok(Access::Passcode(code)),
            (None, Some(_), false) => anyhow::bail!("expected a passcode, found ''"),
            (None, None, true) => Ok(Access::Open),
            _ => anyhow::bail!(
                "expected one of --authorized-keys FILE, --passcode CODE or --open, found several"
            ),
        }
    }

    /// A short description for the start-up message.
    pub fn describe(&self) -> String {
        match self {
            Access::AuthorizedKeys(path) => {
                format!("public keys listed in '{}'", path.display())
            }
            Access::Passcode(_) => "the passcode, typed as the SSH password".to_string(),
            Access::Open => "anyone who can reach the port (--open)".to_string(),
        }
    }
}

/// True when `key` is listed in the authorized_keys file at `path`. The file is read now, so
/// edits apply to the next attempt; a missing or unreadable file authorizes no one.
pub fn is_key_authorized(path: &Path, key: &PublicKey) -> bool {
    let Ok(text) = read_limited(path) else {
        return false;
    };
    authorized_keys(&text)
        .iter()
        .any(|k| k.key_data() == key.key_data())
}

fn read_limited(path: &Path) -> std::io::Result<String> {
    use std::io::Read;
    let mut text = String::new();
    std::fs::File::open(path)?
        .take(MAX_AUTHORIZED_KEYS_BYTES)
        .read_to_string(&mut text)?;
    Ok(text)
}

/// The keys of an authorized_keys text that this server can honour: one per valid line whose
/// options only restrict. Bad lines are skipped, not fatal.
pub fn authorized_keys(text: &str) -> Vec<PublicKey> {
    text.lines().filter_map(parse_line).collect()
}

/// One authorized_keys line: `[options] type base64 [comment]`. (ssh-key's own parser takes
/// `options type base64` without a comment for a key with a comment, and fails.)
fn parse_line(line: &str) -> Option<PublicKey> {
    let line = line.trim();
    if line.is_empty() || line.starts_with('#') {
        return None;
    }
    if let Ok(key) = PublicKey::from_openssh(line) {
        return Some(key);
    }
    // Options end at the first space outside double quotes (`from="a, b"`).
    let mut quoted = false;
    let end = line.char_indices().find_map(|(i, c)| match c {
        '"' => {
            quoted = !quoted;
            None
        }
        ' ' | '\t' if !quoted => Some(i),
        _ => None,
    })?;
    let (options, key) = line.split_at(end);
    let options = ConfigOpts::new(options).ok()?;
    if !options.iter().all(|opt| HARMLESS_OPTIONS.contains(&opt)) {
        return None;
    }
    PublicKey::from_openssh(key.trim()).ok()
}

/// Compares a typed passcode with the expected one in time that does not depend on where they
/// differ.
pub fn passcode_matches(expected: &str, given: &str) -> bool {
    let (a, b) = (expected.as_bytes(), given.as_bytes());
    let mut diff = u8::from(a.len() != b.len());
    for i in 0..a.len().max(b.len()) {
        // Past the end of the shorter one, bytes that never match: the loop always runs over
        // the longer length, and a length mismatch is already a difference.
        diff |= a.get(i).copied().unwrap_or(0) ^ b.get(i).copied().unwrap_or(0xff);
    }
    diff == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use russh::keys::{Algorithm, PrivateKey};

    fn key() -> PrivateKey {
        PrivateKey::random(&mut rand::rng(), Algorithm::Ed25519).unwrap()
    }

    #[test]
    fn access_needs_exactly_one_choice_and_a_passcode_that_is_not_empty() {
        assert_eq!(Access::choose(None, None, true).unwrap(), Access::Open);
        let code = Access::choose(None, Some("x".into()), false).unwrap();
        assert_eq!(code, Access::Passcode("x".into()));
        let empty = Access::choose(None, Some(String::new()), false).unwrap_err();
        assert_eq!(empty.to_string(), "expected a passcode, found ''");
        assert!(Access::choose(None, None, false).is_err());
        assert!(Access::choose(None, Some("x".into()), true).is_err());
    }

    #[test]
    fn authorized_keys_skips_bad_lines_and_unenforceable_options() {
        let (a, b, c) = (key(), key(), key());
        let line = |k: &PrivateKey| k.public_key().to_openssh().unwrap();
        let text = format!(
            "# comment\n\ngarbage here\n{}\nfrom=\"10.0.0.0/8\" {}\nrestrict,no-pty {}\n",
            line(&a),
            line(&b),
            line(&c)
        );
        let keys = authorized_keys(&text);
        assert_eq!(keys.len(), 1);
        assert_eq!(keys[0].key_data(), a.public_key().key_data());
        let restricted = format!("restrict,no-port-forwarding {}\n", line(&b));
        assert_eq!(authorized_keys(&restricted).len(), 1);
        let commented = format!("restrict {} bob@laptop\n{} ann\n", line(&b), line(&c));
        assert_eq!(authorized_keys(&commented).len(), 2);
        let quoted = format!("from=\"a b\" {}\n", line(&b));
        assert_eq!(authorized_keys(&quoted).len(), 0);
    }

    #[test]
    fn is_key_authorized_rereads_the_file_each_time() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("authorized_keys");
        let k = key();
        assert!(!is_key_authorized(&path, k.public_key()), "missing file");
        std::fs::write(&path, k.public_key().to_openssh().unwrap()).unwrap();
        assert!(is_key_authorized(&path, k.public_key()));
        std::fs::write(&path, "").unwrap();
        assert!(!is_key_authorized(&path, k.public_key()));
    }

    #[test]
    fn passcode_matches_only_the_same_text() {
        assert!(passcode_matches("tulip-42", "tulip-42"));
        assert!(!passcode_matches("tulip-42", "tulip-43"));
        assert!(!passcode_matches("tulip-42", "tulip-4"));
        assert!(!passcode_matches("tulip-42", "tulip-420"));
        assert!(!passcode_matches("", "x"));
        assert!(!passcode_matches("x", ""));
    }
}
