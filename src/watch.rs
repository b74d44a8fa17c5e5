//! Watching files and folders for changes, for a reader that shows the new version of what it
//! has open: an edge of its own, used by the terminal loop's hooks and open to other views (a
//! folder of briefings that changes while open).
//!
//! [`Watch::new`] takes a path and a callback; the callback runs (on the watcher's thread)
//! once a burst of changes has settled for [`SETTLE`], and [`Watch::take`] then says which
//! paths changed. A file is watched through its folder, so an editor that saves by writing a
//! new file and renaming it over the old one (vim, `sed -i`) is seen like one that writes in
//! place, and so is a file deleted and written again. Reads (our own included) are not changes.
//!
//! notify does the watching: inotify on Linux, FSEvents or kqueue elsewhere, each a thread that
//! blocks until something happens, so an idle reader still takes no CPU. Where none of them
//! works (no inotify, or its limits reached) it falls back to polling every [`POLL_EVERY`], on
//! notify's own thread; [`Watch::is_polling`] says so.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::Context;
use notify::{EventKind, RecursiveMode, Watcher};

/// How long changes must stop before they are reported: an editor's save (write a temporary
/// file, rename it, set its mode) comes as one change, and still well within half a second.
pub const SETTLE: Duration = Duration::from_millis(80);

/// How often the fallback looks at the files when the system cannot tell.
pub const POLL_EVERY: Duration = Duration::from_millis(250);

/// A watched file or folder; dropping it stops the watching.
pub struct Watch {
    _watcher: Box<dyn Watcher + Send>,
    changed: Arc<Mutex<BTreeSet<PathBuf>>>,
    polling: bool,
}

impl std::fmt::Debug for Watch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Watch")
            .field("polling", &self.polling)
            .finish_non_exhaustive()
    }
}

/// Which paths an event is about, given what is watched.
#[derive(Debug, Clone)]
enum Target {
    /// One file, by its name in its folder.
    File(std::ffi::OsString),
    /// Every entry of a folder.
    Folder,
}

impl Target {
    fn wants(&self, path: &Path) -> bool {
        match self {
            Target::File(name) => path.file_name() == Some(name.as_os_str()),
            Target::Folder => true,
        }
    }
}

impl Watch {
    /// Watches `path`, a file or a folder (its entries, not below), and calls `on_change` when
    /// changes to it have settled.
    pub fn new(path: &Path, on_change: impl Fn() + Send + 'static) -> anyhow::Result<Watch> {
        Watch::start(path, on_change, false)
    }

    /// [`Watch::new`], polling whatever the system offers: the fallback, on purpose.
    pub fn polled(path: &Path, on_change: impl Fn() + Send + 'static) -> anyhow::Result<Watch> {
        Watch::start(path, on_change, true)
    }

    fn start(
        path: &Path,
        on_change: impl Fn() + Send + 'static,
        poll: bool,
    ) -> anyhow::Result<Watch> {
        let (folder, target) = if path.is_dir() {
            (path.to_path_buf(), Target::Folder)
        } else {
            let name = path
                .file_name()
                .with_context(|| format!("{}: cannot watch: not a file", path.display()))?;
            let folder = match path.parent() {
                Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
                _ => PathBuf::from("."),
            };
            (folder, Target::File(name.to_os_string()))
        };
        let (tx, rx) = mpsc::channel::<PathBuf>();
        let handler = move |event: notify::Result<notify::Event>| {
            let Ok(event) = event else { return };
            if matches!(event.kind, EventKind::Access(_)) {
                return;
            }
            for p in event.paths {
                if target.wants(&p) {
                    let _ = tx.send(p);
                }
            }
        };
        let changed = Arc::new(Mutex::new(BTreeSet::new()));
        let (watcher, polling) = start(&folder, handler, poll)?;
        settle(rx, Arc::clone(&changed), on_change)?;
        Ok(Watch {
            _watcher: watcher,
            changed,
            polling,
        })
    }

    /// The paths that changed since the last call, each once.
    pub fn take(&self) -> Vec<PathBuf> {
        let mut changed = self
            .changed
            .lock()
            // A thread that panicked holding the lock left a set of paths still worth taking.
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        std::mem::take(&mut *changed).into_iter().collect()
    }

    /// True when the system could not tell about changes and the folder is polled instead.
    pub fn is_polling(&self) -> bool {
        self.polling
    }
}

/// The system's watcher on `folder`, or the polling one where it does not work.
fn start<H>(
    folder: &Path,
    handler: H,
    poll: bool,
) -> anyhow::Result<(Box<dyn Watcher + Send>, bool)>
where
    H: notify::EventHandler + Clone,
{
    if !poll {
        let native = notify::recommended_watcher(handler.clone()).and_then(|mut w| {
            w.watch(folder, RecursiveMode::NonRecursive)?;
            Ok(w)
        });
        if let Ok(w) = native {
            return Ok((Box::new(w), false));
        }
    }
    let config = notify::Config::default().with_poll_interval(POLL_EVERY);
    let mut w = notify::PollWatcher::new(handler, config)
        .with_context(|| format!("{}: cannot watch", folder.display()))?;
    w.watch(folder, RecursiveMode::NonRecursive)
        .with_context(|| format!("{}: cannot watch", folder.display()))?;
    Ok((Box::new(w), true))
}

/// Several folders watched by one watcher (their entries, not below): a library's folder and
/// its subfolders, as many as it has, cost the system's watcher and one thread that lets
/// bursts settle, instead of those two per folder. Folders come and go with
/// [`FolderWatch::set`]; one that the system cannot watch (its limit reached) is polled, by a
/// second watcher started only then.
pub struct FolderWatch {
    native: Option<Box<dyn Watcher + Send>>,
    polled: Option<Box<dyn Watcher + Send>>,
    handler: Handler,
    changed: Arc<Mutex<BTreeSet<PathBuf>>>,
    /// Each folder watched, and whether by polling.
    watched: std::collections::BTreeMap<PathBuf, bool>,
}

impl std::fmt::Debug for FolderWatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FolderWatch")
            .field("watched", &self.watched)
            .finish_non_exhaustive()
    }
}

/// What a watcher calls with each event: entries of the folders watched that changed go to
/// the settling thread.
#[derive(Clone)]
struct Handler(mpsc::Sender<PathBuf>);

impl notify::EventHandler for Handler {
    fn handle_event(&mut self, event: notify::Result<notify::Event>) {
        let Ok(event) = event else { return };
        if matches!(event.kind, EventKind::Access(_)) {
            return;
        }
        for p in event.paths {
            let _ = self.0.send(p);
        }
    }
}

impl FolderWatch {
    /// A watcher of no folder yet, that calls `on_change` when changes to the folders it is
    /// given have settled.
    pub fn new(on_change: impl Fn() + Send + 'static) -> anyhow::Result<FolderWatch> {
        let (tx, rx) = mpsc::channel::<PathBuf>();
        let handler = Handler(tx);
        let changed = Arc::new(Mutex::new(BTreeSet::new()));
        settle(rx, Arc::clone(&changed), on_change)?;
        Ok(FolderWatch {
            native: notify::recommended_watcher(handler.clone())
                .ok()
                .map(|w| Box::new(w) as Box<dyn Watcher + Send>),
            polled: None,
            handler,
            changed,
            watched: std::collections::BTreeMap::new(),
        })
    }

    /// Watches exactly `dirs` from now on: the new ones added, the ones gone dropped.
    pub fn set(&mut self, dirs: &[PathBuf]) {
        let wanted: BTreeSet<&PathBuf> = dirs.iter().collect();
        let gone: Vec<(PathBuf, bool)> = self
            .watched
            .iter()
            .filter(|(d, _)| !wanted.contains(d))
            .map(|(d, p)| (d.clone(), *p))
            .collect();
        for (dir, polled) in gone {
            let watcher = if polled {
                self.polled.as_mut()
            } else {
                self.native.as_mut()
            };
            // A folder deleted is no longer watched already.
            if let Some(w) = watcher {
                let _ = w.unwatch(&dir);
            }
            self.watched.remove(&dir);
        }
        for dir in wanted {
            if self.watched.contains_key(dir) {
                continue;
            }
            let native = self
                .native
                .as_mut()
                .is_some_and(|w| w.watch(dir, RecursiveMode::NonRecursive).is_ok());
            if native {
                self.watched.insert(dir.clone(), false);
                continue;
            }
            if self.polled.is_none() {
                let config = notify::Config::default().with_poll_interval(POLL_EVERY);
                self.polled = notify::PollWatcher::new(self.handler.clone(), config)
                    .ok()
                    .map(|w| Box::new(w) as Box<dyn Watcher + Send>);
            }
            // A folder that cannot be watched at all still lists; it only does not follow
            // changes.
            if let Some(w) = self.polled.as_mut()
                && w.watch(dir, RecursiveMode::NonRecursive).is_ok()
            {
                self.watched.insert(dir.clone(), true);
            }
        }
    }

    /// The paths that changed in the folders watched since the last call, each once.
    pub fn take(&self) -> Vec<PathBuf> {
        let mut changed = self
            .changed
            .lock()
            // A thread that panicked holding the lock left a set of paths still worth taking.
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        std::mem::take(&mut *changed).into_iter().collect()
    }

    /// How many folders are watched, and how many of them by polling.
    pub fn counts(&self) -> (usize, usize) {
        let polled = self.watched.values().filter(|p| **p).count();
        (self.watched.len(), polled)
    }
}

/// The thread that gathers changes until they settle, then reports them. It blocks while
/// nothing happens and ends with the watcher (its sender dropped).
fn settle(
    rx: mpsc::Receiver<PathBuf>,
    changed: Arc<Mutex<BTreeSet<PathBuf>>>,
    on_change: impl Fn() + Send + 'static,
) -> anyhow::Result<()> {
    std::thread::Builder::new()
        .name("watch".into())
        .spawn(move || {
            while let Ok(first) = rx.recv() {
                let mut batch = BTreeSet::from([first]);
                loop {
                    match rx.recv_timeout(SETTLE) {
                        Ok(p) => {
                            batch.insert(p);
                        }
                        Err(RecvTimeoutError::Timeout) => break,
                        Err(RecvTimeoutError::Disconnected) => return,
                    }
                }
                if let Ok(mut c) = changed.lock() {
                    c.extend(batch);
                }
                on_change();
            }
        })
        .context("cannot start watching")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc::Receiver;

    fn watch(path: &Path) -> (Watch, Receiver<()>) {
        let (tx, rx) = mpsc::channel();
        let w = Watch::new(path, move || {
            let _ = tx.send(());
        })
        .unwrap();
        (w, rx)
    }

    /// Waits for the callback; the bound only keeps a broken watcher from hanging the tests.
    fn called(rx: &Receiver<()>) -> bool {
        rx.recv_timeout(Duration::from_secs(10)).is_ok()
    }

    #[test]
    fn a_file_written_in_place_or_replaced_by_a_rename_is_a_change() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("b.toml");
        std::fs::write(&file, "one").unwrap();
        let (w, rx) = watch(&file);
        std::fs::write(&file, "two").unwrap();
        assert!(called(&rx));
        assert_eq!(w.take(), std::slice::from_ref(&file));
        assert!(w.take().is_empty(), "taken once");
        // As vim and sed -i save: a new file renamed over the old one.
        let tmp = dir.path().join(".b.toml.swp");
        std::fs::write(&tmp, "three").unwrap();
        std::fs::rename(&tmp, &file).unwrap();
        assert!(called(&rx));
        assert_eq!(w.take(), std::slice::from_ref(&file));
    }

    #[test]
    fn the_polling_fallback_sees_a_rename_too() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("b.toml");
        std::fs::write(&file, "one").unwrap();
        let (tx, rx) = mpsc::channel();
        let w = Watch::polled(&file, move || {
            let _ = tx.send(());
        })
        .unwrap();
        assert!(w.is_polling());
        // The poller takes its first look on its own thread: a change made before it is its
        // starting point, so versions keep coming until one is seen.
        let tmp = dir.path().join("b.toml.new");
        let seen = (0..40).any(|n| {
            std::fs::write(&tmp, "v".repeat(n + 2)).unwrap();
            std::fs::rename(&tmp, &file).unwrap();
            rx.recv_timeout(POLL_EVERY * 2).is_ok()
        });
        assert!(seen);
        assert!(w.take().contains(&file));
    }

    #[test]
    fn other_files_and_reads_are_not_changes() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("b.toml");
        std::fs::write(&file, "one").unwrap();
        let (w, rx) = watch(&file);
        std::fs::write(dir.path().join("other.toml"), "x").unwrap();
        let _ = std::fs::read_to_string(&file).unwrap();
        // Then a change of the file itself, so the test knows the events above went by.
        std::fs::write(&file, "two").unwrap();
        assert!(called(&rx));
        assert_eq!(w.take(), [file]);
    }

    #[test]
    fn a_folder_reports_each_entry_that_changed() {
        let dir = tempfile::tempdir().unwrap();
        let (w, rx) = watch(dir.path());
        std::fs::write(dir.path().join("a.toml"), "a").unwrap();
        std::fs::write(dir.path().join("b.toml"), "b").unwrap();
        assert!(called(&rx));
        // Both settle together, or the second comes in a batch of its own.
        let mut seen = w.take();
        if seen.len() < 2 && called(&rx) {
            seen.extend(w.take());
        }
        assert_eq!(seen, [dir.path().join("a.toml"), dir.path().join("b.toml")]);
    }
}
