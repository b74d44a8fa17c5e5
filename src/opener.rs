//! The system's opener (`xdg-open`, `open` on macOS) for the links of a local reader, as
//! [`Hooks`] the binary plugs into the terminal loop; the SSH server never gets them, so no
//! attendee can make this machine open anything. The address is checked again here
//! ([`safe_url`]: http, https or mailto, printable ASCII) and goes to the opener as its one
//! argument, never through a shell.

use std::process::{Command, Stdio};

use crate::app::links::safe_url;
use crate::app::{Hooks, Notice};

/// Opens links with the system's opener.
#[derive(Debug, Clone)]
pub struct Opener {
    program: String,
}

impl Default for Opener {
    fn default() -> Opener {
        let program = if cfg!(target_os = "macos") {
            "open"
        } else {
            "xdg-open"
        };
        Opener::with_program(program)
    }
}

impl Opener {
    /// An opener that runs `program URL` (tests pass a script of their own).
    pub fn with_program(program: impl Into<String>) -> Opener {
        Opener {
            program: program.into(),
        }
    }

    /// Starts the opener on `url` without waiting for it (a browser may take its time), its
    /// output kept off the reader's screen. Refuses an address [`safe_url`] does not accept.
    pub fn open(&self, url: &str) -> Result<(), String> {
        let url =
            safe_url(url).ok_or_else(|| "not an http, https or mailto address".to_string())?;
        let mut child = Command::new(&self.program)
            .arg(url)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot run {}: {e}", self.program))?;
        // Reaped when it ends, so no zombie is left behind.
        std::thread::spawn(move || child.wait());
        Ok(())
    }
}

impl Hooks for Opener {
    fn poll_every(&self) -> Option<std::time::Duration> {
        None
    }

    fn open_link(&mut self, url: &str) -> Option<Option<Notice>> {
        Some(self.open(url).err().map(Notice::Said))
    }
}

#[cfg(test)]
#[cfg(unix)]
mod tests {
    use super::*;

    /// A fake opener that writes its arguments, one per line, to a file.
    fn fake(dir: &std::path::Path) -> (Opener, std::path::PathBuf) {
        use std::os::unix::fs::PermissionsExt;
        let out = dir.join("args");
        let script = dir.join("opener");
        std::fs::write(
            &script,
            format!(
                "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > '{}'\n",
                out.display()
            ),
        )
        .unwrap();
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
        (Opener::with_program(script.display().to_string()), out)
    }

    fn wait_for(path: &std::path::Path) -> String {
        for _ in 0..200 {
            if let Ok(s) = std::fs::read_to_string(path)
                && s.ends_with('\n')
            {
                return s;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        panic!("the opener did not run");
    }

    #[test]
    fn the_url_goes_to_the_opener_as_one_argument() {
        let dir = tempfile::tempdir().unwrap();
        let (opener, out) = fake(dir.path());
        let url = "https://example.org/a?b=$(touch${IFS}pwned)&c=`id`;d|e";
        opener.open(url).unwrap();
        assert_eq!(wait_for(&out), format!("{url}\n"));
        assert!(!dir.path().join("pwned").exists());
    }

    #[test]
    fn other_schemes_never_reach_the_opener() {
        let dir = tempfile::tempdir().unwrap();
        let (opener, out) = fake(dir.path());
        for url in [
            "file:///etc/passwd",
            "javascript:x",
            "--help",
            "https://a b",
        ] {
            assert!(opener.open(url).is_err(), "{url}");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
        assert!(!out.exists());
    }
}
