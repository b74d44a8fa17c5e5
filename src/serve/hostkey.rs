//! The server's host key: generated once (ed25519), kept in a file only its owner can read, and
//! refused when others can read it, as sshd does.
//!
//! The file is created with `create_new` and mode 0600 in one step, so there is no moment when
//! another user could open it, and an existing file is never overwritten.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use russh::keys::ssh_key::LineEnding;
use russh::keys::{Algorithm, HashAlg, PrivateKey};

/// The file name of the key under the data directory.
const FILE_NAME: &str = "ssh_host_ed25519_key";

/// Where the host key lives when `--host-key` does not say: `briefing/ssh_host_ed25519_key`
/// under the user's data directory (`$XDG_DATA_HOME`, `~/.local/share`).
pub fn default_path() -> Option<PathBuf> {
    dirs::data_dir().map(|d| d.join("briefing").join(FILE_NAME))
}

/// A loaded host key and whether it was just generated.
#[derive(Debug)]
pub struct HostKey {
    /// The private key.
    pub key: PrivateKey,
    /// True when this run generated it.
    pub created: bool,
}

impl HostKey {
    /// The SHA256 fingerprint attendees can compare with what their `ssh` shows.
    pub fn fingerprint(&self) -> String {
        fingerprint(&self.key)
    }
}

/// The SHA256 fingerprint of `key`, as OpenSSH prints it (`SHA256:...`).
pub fn fingerprint(key: &PrivateKey) -> String {
    key.public_key().fingerprint(HashAlg::Sha256).to_string()
}

/// Loads the key at `path`, or generates an ed25519 key there if there is no file yet. The
/// directory is created with mode 0700 when missing; a key file that its group or others can
/// read, or that is encrypted, is refused.
pub fn load_or_create(path: &Path) -> anyhow::Result<HostKey> {
    if let Ok(meta) = fs::symlink_metadata(path) {
        if meta.is_dir() {
            bail!(
                "expected a host key file, found the directory '{}'\n  = help: name a file in \
                 it, such as '{}'",
                path.display(),
                path.join(FILE_NAME).display()
            );
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            check_dir_private(dir)?;
        }
        check_private(path)?;
        // ssh-key's error already says what its cause says: chained, the cause would be
        // printed three times over.
        let key = PrivateKey::read_openssh_file(path).map_err(|e| {
            anyhow::anyhow!(
                "cannot read the host key '{}': {e}\n  = help: expected an OpenSSH private \
                 key; move the file away to have a new one generated",
                path.display()
            )
        })?;
        if key.is_encrypted() {
            bail!(
                "the host key '{}' is protected by a passphrase\n  = help: use a key without \
                 one, or remove the file to have a new one generated",
                path.display()
            );
        }
        return Ok(HostKey {
            key,
            created: false,
        });
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        create_private_dir(dir)?;
    }
    let key = PrivateKey::random(&mut rand::rng(), Algorithm::Ed25519)
        .context("cannot generate a host key")?;
    let pem = key
        .to_openssh(LineEnding::LF)
        .context("cannot encode the host key")?;
    let mut file = create_new_private(path)
        .with_context(|| format!("cannot create the host key '{}'", path.display()))?;
    file.write_all(pem.as_bytes())
        .and_then(|()| file.sync_all())
        .with_context(|| format!("cannot write the host key '{}'", path.display()))?;
    Ok(HostKey { key, created: true })
}

#[cfg(unix)]
fn create_new_private(path: &Path) -> std::io::Result<fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
}

#[cfg(not(unix))]
fn create_new_private(path: &Path) -> std::io::Result<fs::File> {
    fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
}

#[cfg(unix)]
fn create_private_dir(dir: &Path) -> anyhow::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    if !dir.exists() {
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .with_context(|| format!("cannot create the directory '{}'", dir.display()))?;
    }
    check_dir_private(dir)
}

/// Refuses a key directory others can write to: they could replace the key, new or not.
#[cfg(unix)]
fn check_dir_private(dir: &Path) -> anyhow::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let mode = fs::metadata(dir)
        .with_context(|| format!("cannot read the directory '{}'", dir.display()))?
        .permissions()
        .mode();
    if mode & 0o022 != 0 {
        bail!(
            "others can write to '{}' (mode {:o}), so they could replace the host key\n  = \
             help: chmod 700 '{}'",
            dir.display(),
            mode & 0o777,
            dir.display()
        );
    }
    Ok(())
}

#[cfg(not(unix))]
fn check_dir_private(_dir: &Path) -> anyhow::Result<()> {
    Ok(())
}

#[cfg(not(unix))]
fn create_private_dir(dir: &Path) -> anyhow::Result<()> {
    fs::create_dir_all(dir).with_context(|| format!("cannot create '{}'", dir.display()))
}

#[cfg(unix)]
fn check_private(path: &Path) -> anyhow::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let meta = fs::metadata(path)
        .with_context(|| format!("cannot read the host key '{}'", path.display()))?;
    let mode = meta.permissions().mode();
    if mode & 0o077 != 0 {
        bail!(
            "the host key '{}' can be read by others (mode {:o}), refusing to use it\n  = help: \
             chmod 600 '{}'",
            path.display(),
            mode & 0o777,
            path.display()
        );
    }
    Ok(())
}

#[cfg(not(unix))]
fn check_private(_path: &Path) -> anyhow::Result<()> {
    Ok(())
}

#[cfg(test)]
#[cfg(unix)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn mode(path: &Path) -> u32 {
        fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn host_key_missing_is_generated_private_then_kept() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("briefing").join(FILE_NAME);
        let first = load_or_create(&path).unwrap();
        assert!(first.created);
        assert_eq!(first.key.algorithm(), Algorithm::Ed25519);
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(path.parent().unwrap()), 0o700);
        let second = load_or_create(&path).unwrap();
        assert!(!second.created);
        assert_eq!(second.fingerprint(), first.fingerprint());
        assert!(first.fingerprint().starts_with("SHA256:"));
    }

    #[test]
    fn host_key_readable_by_others_is_refused() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join(FILE_NAME);
        load_or_create(&path).unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
        let err = load_or_create(&path).unwrap_err().to_string();
        assert!(err.contains("can be read by others"), "{err}");
    }

    #[test]
    fn host_key_in_a_world_writable_dir_is_refused() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("open");
        fs::create_dir(&dir).unwrap();
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o777)).unwrap();
        let err = load_or_create(&dir.join(FILE_NAME))
            .unwrap_err()
            .to_string();
        assert!(err.contains("others can write"), "{err}");
    }

    #[test]
    fn host_key_garbage_file_is_an_error_not_replaced() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join(FILE_NAME);
        fs::write(&path, "not\0a key").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
        let err = format!("{:#}", load_or_create(&path).unwrap_err());
        assert_eq!(
            err.matches("NUL byte").count(),
            1,
            "the cause once, not once per link of the chain: {err}"
        );
        assert!(err.contains("expected an OpenSSH private key"), "{err}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "not\0a key");
    }

    #[test]
    fn host_key_path_of_a_directory_says_so() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("keys");
        fs::create_dir(&dir).unwrap();
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).unwrap();
        let err = load_or_create(&dir).unwrap_err().to_string();
        assert!(
            err.starts_with("expected a host key file, found the directory"),
            "{err}"
        );
        assert!(err.contains(FILE_NAME), "{err}");
    }

    #[test]
    fn host_key_existing_in_a_world_writable_dir_is_refused() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("open");
        let path = dir.join(FILE_NAME);
        load_or_create(&path).unwrap();
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o777)).unwrap();
        let err = load_or_create(&path).unwrap_err().to_string();
        assert!(err.contains("others can write"), "{err}");
    }
}
