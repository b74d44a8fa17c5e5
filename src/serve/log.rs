//! The server's log: one line per connection event, appended to a file when one is given, never
//! printed (the presenter's terminal is busy drawing the reader). Client-controlled text (user
//! names, TERM, client versions) is sanitized before it is written.

use std::fs::File;
use std::io::Write;
use std::path::Path;
use std::sync::Mutex;

use anyhow::Context;

/// The most characters of a client-controlled string kept in the log.
const MAX_CLIENT_TEXT: usize = 64;

/// Where log lines go: a file, or nowhere.
#[derive(Debug, Default)]
pub struct Log {
    file: Option<Mutex<File>>,
}

impl Log {
    /// A log that drops everything.
    pub fn none() -> Log {
        Log::default()
    }

    /// A log appended to `path` (created with mode 0600 if missing).
    pub fn to_file(path: &Path) -> anyhow::Result<Log> {
        let mut options = std::fs::OpenOptions::new();
        options.create(true).append(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let file = options
            .open(path)
            .with_context(|| format!("cannot open the log '{}'", path.display()))?;
        Ok(Log {
            file: Some(Mutex::new(file)),
        })
    }

    /// Appends one line, stamped with the time. Errors are ignored: losing a log line must
    /// never stop a presentation.
    pub fn line(&self, text: std::fmt::Arguments<'_>) {
        let Some(file) = &self.file else {
            return;
        };
        let now = jiff::Timestamp::now();
        if let Ok(mut f) = file.lock() {
            let _ = writeln!(f, "{now} {text}");
        }
    }
}

/// `text` made safe to log: control characters and bidi overrides escaped, cut at
/// [`MAX_CLIENT_TEXT`] characters, and quoted.
pub fn client_text(text: &str) -> String {
    let mut out = String::from("'");
    for (i, c) in text.chars().enumerate() {
        if i == MAX_CLIENT_TEXT {
            out.push('…');
            break;
        }
        let bidi = matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
        if c.is_control() || bidi || c == '\'' || c == '\\' {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out.push('\'');
    out
}

/// [`client_text`] for bytes that may not be UTF-8.
pub fn client_bytes(bytes: &[u8]) -> String {
    client_text(&String::from_utf8_lossy(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn client_text_escapes_controls_and_cuts_long_text() {
        assert_eq!(client_text("ann"), "'ann'");
        assert_eq!(client_text("a\x1b[2Jb\n"), "'a\\u{1b}[2Jb\\n'");
        assert_eq!(client_text("x\u{202e}y"), "'x\\u{202e}y'");
        let long = client_text(&"z".repeat(1000));
        assert_eq!(long.chars().count(), MAX_CLIENT_TEXT + 3);
    }

    #[test]
    fn log_to_file_appends_stamped_lines() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("serve.log");
        let log = Log::to_file(&path).unwrap();
        log.line(format_args!("connect {}", client_text("bob")));
        log.line(format_args!("second"));
        let text = std::fs::read_to_string(&path).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2);
        assert!(lines[0].ends_with(" connect 'bob'"), "{text}");
    }
}
