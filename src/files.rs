//! The filesystem edge: reading briefings and releases with limits, writing outputs safely.
//!
//! Everything that touches files lives here (and in `main`), so the model and the importer
//! stay pure. Reads refuse directories, special files and anything over [`MAX_INPUT_BYTES`];
//! writes go to a temporary file in the target directory and are renamed into place.

use std::fs;
use std::io::{self, Read, Write};
use std::path::Path;

use crate::model::{Briefing, Diagnostic, Format, LoadError, parse_briefing};

/// The largest input read, briefing or release.
pub const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// Reads `path` (or standard input for `-`) as UTF-8 text, within the size limit.
pub fn read_text(path: &str) -> Result<String, LoadError> {
    let bytes = read_bytes(path)?;
    utf8(path, bytes)
}

/// Reads `path` (or standard input for `-`) as bytes, within the size limit: a saved page or
/// a PDF, which say themselves how their text is encoded.
pub fn read_bytes(path: &str) -> Result<Vec<u8>, LoadError> {
    let whole = |msg: String| LoadError::one(Diagnostic::whole(path, msg));
    let bytes = if path == "-" {
        let mut buf = Vec::new();
        io::stdin()
            .take(MAX_INPUT_BYTES + 1)
            .read_to_end(&mut buf)
            .map_err(|e| whole(format!("cannot read standard input: {}", io_reason(&e))))?;
        buf
    } else {
        let meta = fs::metadata(path).map_err(|e| whole(open_message(&e)))?;
        if meta.is_dir() {
            return Err(whole("expected a file, found a directory".to_string()));
        }
        if !meta.is_file() {
            return Err(whole(
                "expected a regular file, found a special file".to_string(),
            ));
        }
        if meta.len() > MAX_INPUT_BYTES {
            return Err(whole(too_large(Some(meta.len()))));
        }
        let file = fs::File::open(path).map_err(|e| whole(open_message(&e)))?;
        // Only a capacity hint: a length that does not fit in memory starts empty and fails
        // while reading.
        let mut buf = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
        file.take(MAX_INPUT_BYTES + 1)
            .read_to_end(&mut buf)
            .map_err(|e| whole(format!("cannot read: {}", io_reason(&e))))?;
        buf
    };
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        // Reading stops one byte past the limit: how much more there was is not known.
        return Err(whole(too_large(None)));
    }
    Ok(bytes)
}

/// `bytes` read from `path` as UTF-8 text, or where they are not.
pub fn utf8(path: &str, bytes: Vec<u8>) -> Result<String, LoadError> {
    String::from_utf8(bytes).map_err(|e| {
        // The first chunk is the valid text up to the first bad byte; an error means there is
        // one, so the defaults below are never used.
        let (valid, invalid) = e
            .as_bytes()
            .utf8_chunks()
            .next()
            .map_or(("", &[][..]), |c| (c.valid(), c.invalid()));
        debug_assert!(!invalid.is_empty(), "a UTF-8 error without a bad byte");
        let bad = invalid.first().copied().unwrap_or(0);
        let at = valid.len();
        LoadError::one(
            Diagnostic::at(
                path,
                valid,
                at..at,
                format!("expected UTF-8 text, found byte 0x{bad:02X} at byte offset {at}"),
            )
            .with_label("invalid UTF-8 starts here")
            .with_help("save the file as UTF-8"),
        )
    })
}

/// Reads and parses a briefing file, TOML or JSON by its extension. A file that is not a
/// briefing but reads like prose (a release without `.txt` or `.md`) is told so.
pub fn load_briefing(path: &str) -> Result<Briefing, LoadError> {
    load_briefing_and_text(path).map(|(b, _)| b)
}

/// [`load_briefing`], with the text it was read from (what a reload compares with), the file
/// read once.
pub fn load_briefing_and_text(path: &str) -> Result<(Briefing, String), LoadError> {
    let text = read_text(path)?;
    let format = Format::from_name(path);
    let b = parse_briefing(&text, path, format).map_err(|e| {
        if format == Format::Toml && looks_like_prose(&text) {
            LoadError::one(
                Diagnostic::whole(
                    path,
                    "expected a briefing (TOML), found text that reads like a press release",
                )
                .with_help(format!(
                    "structure it first: briefing import {path} -o briefing.toml \
                     (or name it .txt or .md to open it as a release)"
                )),
            )
        } else {
            e
        }
    })?;
    Ok((b, text))
}

/// True for text with sentences and none of TOML's lines (`key = value`, `[table]`): a
/// release, not a briefing.
pub fn looks_like_prose(text: &str) -> bool {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let tomlish = lines.iter().any(|l| {
        l.starts_with('[')
            || l.starts_with('#')
            || l.split_once('=').is_some_and(|(key, _)| {
                let key = key.trim();
                !key.is_empty()
                    && key
                        .chars()
                        .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '"'))
            })
    });
    let words = text.split_whitespace().count();
    !tomlish && words >= 8
}

fn too_large(len: Option<u64>) -> String {
    let max = MAX_INPUT_BYTES / (1024 * 1024);
    match len {
        Some(len) => format!(
            "expected a file of at most {max} MiB, found {:.1} MiB",
            len as f64 / (1024.0 * 1024.0)
        ),
        None => format!("expected at most {max} MiB, found more than {max} MiB"),
    }
}

fn open_message(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "cannot open: no such file or directory".to_string(),
        io::ErrorKind::PermissionDenied => "cannot open: permission denied".to_string(),
        _ => format!("cannot open: {}", io_reason(e)),
    }
}

/// The OS reason without Rust's "(os error N)" suffix, lowercase.
fn io_reason(e: &io::Error) -> String {
    let text = e.to_string();
    let text = text.split(" (os error").next().unwrap_or(&text);
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => text.to_string(),
    }
}

/// Reads and checks the configuration file at `path`; its paths are resolved from the home
/// directory (`~/`) and from the file's folder (see [`crate::config::resolve_path`]).
pub fn load_config(path: &Path) -> Result<crate::config::Checked, LoadError> {
    let origin = path.display().to_string();
    let text = read_text(&origin)?;
    let mut checked = crate::config::parse_config(&text, &origin)?;
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => Path::new(".").to_path_buf(),
    };
    let home = dirs::home_dir();
    let serve = &mut checked.config.serve;
    for p in [&mut serve.authorized_keys, &mut serve.host_key]
        .into_iter()
        .flatten()
    {
        *p = crate::config::resolve_path(p, &dir, home.as_deref());
    }
    Ok(checked)
}

/// How [`write_new`] treats an existing file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overwrite {
    /// Refuse to replace it.
    Refuse,
    /// Replace it (the user said `--force`).
    Replace,
}

/// Writes `contents` to `path` through a temporary file in the same directory and a rename,
/// so a reader never sees half a file and a failure leaves any old file intact. A new file
/// gets the permissions any write would give it (0666 less the umask, not the temporary
/// file's 0600); a replaced file keeps its own.
pub fn write_new(path: &Path, contents: &str, overwrite: Overwrite) -> anyhow::Result<()> {
    if overwrite == Overwrite::Refuse && fs::symlink_metadata(path).is_ok() {
        anyhow::bail!(
            "{}: error: refusing to replace an existing file\n  = help: pass --force to replace it",
            path.display()
        );
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".briefing-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Created with 0666, the umask applies as it does to any new file.
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let existing = fs::metadata(path).ok().filter(fs::Metadata::is_file);
    let mut tmp = builder.tempfile_in(dir).map_err(|e| {
        let why = match e.kind() {
            io::ErrorKind::NotFound => {
                format!("the directory {} does not exist", dir.display())
            }
            _ => format!("{} in {}", io_reason(&e), dir.display()),
        };
        anyhow::anyhow!("{}: error: cannot write: {why}", path.display())
    })?;
    tmp.write_all(contents.as_bytes())
        .and_then(|()| match &existing {
            // The file it replaces keeps its mode.
            Some(meta) => tmp.as_file().set_permissions(meta.permissions()),
            None => Ok(()),
        })
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| {
            anyhow::anyhow!("{}: error: cannot write: {}", path.display(), io_reason(&e))
        })?;
    if overwrite == Overwrite::Refuse {
        // No-clobber even if the file appeared since the check above.
        tmp.persist_noclobber(path).map_err(|e| {
            anyhow::anyhow!(
                "{}: error: cannot create the file: {}",
                path.display(),
                e.error
            )
        })?;
    } else {
        tmp.persist(path).map_err(|e| {
            anyhow::anyhow!("{}: error: cannot replace: {}", path.display(), e.error)
        })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_new_creates_refuses_and_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.toml");
        write_new(&path, "one", Overwrite::Refuse).unwrap();
        let err = write_new(&path, "two", Overwrite::Refuse)
            .unwrap_err()
            .to_string();
        assert!(err.contains("refusing to replace"), "{err}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "one");
        write_new(&path, "three", Overwrite::Replace).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "three");
        let left: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "no temporary file is left behind");
    }

    #[cfg(unix)]
    #[test]
    fn write_new_gives_a_new_file_the_usual_mode_and_keeps_a_replaced_files() {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        let dir = tempfile::tempdir().unwrap();
        // What any program's new file gets here: 0666 less the umask.
        let reference = dir.path().join("reference");
        fs::write(&reference, "x").unwrap();
        let path = dir.path().join("b.toml");
        write_new(&path, "one", Overwrite::Refuse).unwrap();
        assert_eq!(mode(&path), mode(&reference));
        for kept in [0o644, 0o640, 0o600] {
            fs::set_permissions(&path, fs::Permissions::from_mode(kept)).unwrap();
            write_new(&path, "two", Overwrite::Replace).unwrap();
            assert_eq!(mode(&path), kept, "replacing a {kept:o} file");
        }
    }

    #[test]
    fn write_new_into_a_missing_directory_says_which() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing").join("b.toml");
        let err = write_new(&path, "x", Overwrite::Refuse)
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            format!(
                "{}: error: cannot write: the directory {} does not exist",
                path.display(),
                dir.path().join("missing").display()
            )
        );
    }
}
