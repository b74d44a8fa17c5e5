//! A library's folder while its list is open: one thread (`library`) that scans the folder,
//! hands the list what it knows as it goes (what the index holds at once, imported releases
//! every [`super::REPORT_EVERY`]), watches every folder walked with one watcher, scans again
//! when they change, and writes the index once things are quiet and when the list closes. The
//! terminal loop only takes what the thread handed over, so it never waits on a file.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::{Folder, is_listed};
use crate::app::Hooks;
use crate::app::hooks::Wake;
use crate::app::library::{Entry, LibraryHooks, Update};
use crate::files;
use crate::import;
use crate::watch::FolderWatch;

/// How long the folder must stay unchanged before the index is written again.
pub const SAVE_AFTER: Duration = Duration::from_secs(1);

/// What the library's thread hears.
enum Msg {
    /// Something changed in a folder watched.
    Changed,
    /// The list is closing.
    Stop,
}

/// A library's hooks for the terminal loop: the folder scanned, watched and scanned again on
/// its own thread, which starts when the loop hands over its waker.
pub struct FolderHooks {
    root: PathBuf,
    /// The folder, until its thread takes it.
    folder: Option<Folder>,
    /// The last update the thread handed over and the loop has not taken yet.
    shared: Arc<Mutex<Option<Update>>>,
    thread: Option<Thread>,
}

struct Thread {
    tx: mpsc::Sender<Msg>,
    stop: Arc<AtomicBool>,
    handle: Option<std::thread::JoinHandle<()>>,
}

impl FolderHooks {
    /// Hooks for `folder`, not scanned yet: the scan starts with [`LibraryHooks::set_wake`].
    pub fn new(folder: Folder) -> FolderHooks {
        FolderHooks {
            root: folder.root().to_path_buf(),
            folder: Some(folder),
            shared: Arc::new(Mutex::new(None)),
            thread: None,
        }
    }
}

impl LibraryHooks for FolderHooks {
    fn set_wake(&mut self, wake: Wake) {
        let Some(folder) = self.folder.take() else {
            return;
        };
        let (tx, rx) = mpsc::channel();
        let stop = Arc::new(AtomicBool::new(false));
        let (to_self, flag, shared) = (tx.clone(), Arc::clone(&stop), Arc::clone(&self.shared));
        let handle = std::thread::Builder::new()
            .name("library".into())
            .spawn(move || run(folder, &rx, to_self, &flag, &shared, &wake))
            .ok();
        self.thread = Some(Thread { tx, stop, handle });
    }

    fn changed(&mut self) -> Option<Update> {
        self.shared.lock().ok()?.take()
    }

    fn reader_hooks(&mut self, entry: &Entry) -> Box<dyn Hooks> {
        let path = self.root.join(&entry.path).display().to_string();
        // A page or a PDF is not watched nor edited from the reader, as when opened directly.
        let is_page = matches!(
            import::Source::of_path(&path),
            Some(import::Source::Html | import::Source::Pdf)
        );
        let watched = (!is_page).then_some(path.as_str());
        let text = watched.and_then(|p| files::read_text(p).ok());
        Box::new((
            crate::reload::FileHooks::new(watched, text.as_deref()),
            crate::opener::Opener::default(),
        ))
    }
}

impl Drop for FolderHooks {
    /// Stops the thread: the files being imported are finished, the others left for the next
    /// start, and the index written with what is known.
    fn drop(&mut self) {
        if let Some(mut t) = self.thread.take() {
            t.stop.store(true, Ordering::Relaxed);
            let _ = t.tx.send(Msg::Stop);
            if let Some(h) = t.handle.take() {
                let _ = h.join();
            }
        }
    }
}

/// The library's thread: scan, hand over, watch; again on each change, until told to stop.
fn run(
    mut folder: Folder,
    rx: &mpsc::Receiver<Msg>,
    to_self: mpsc::Sender<Msg>,
    stop: &AtomicBool,
    shared: &Mutex<Option<Update>>,
    wake: &Wake,
) {
    let publish = |update: Update| {
        if let Ok(mut slot) = shared.lock() {
            *slot = Some(update);
        }
        wake();
    };
    // A folder that cannot be watched still lists; it only does not follow changes.
    let mut watch = FolderWatch::new(move || {
        let _ = to_self.send(Msg::Changed);
    })
    .ok();
    'scans: loop {
        let survey = folder.survey();
        if let Some(w) = &mut watch {
            w.set(&folder.dirs);
        }
        let to_read = survey.len();
        publish(Update {
            entries: folder.entries(),
            pending: to_read,
        });
        folder.load(survey, stop, &mut |u| publish(u));
        if stop.load(Ordering::Relaxed) {
            break;
        }
        if to_read > 0 {
            publish(Update {
                entries: folder.entries(),
                pending: 0,
            });
        }
        // Wait for a change that matters; write the index once nothing changed for a while.
        loop {
            let msg = if folder.is_dirty() {
                rx.recv_timeout(SAVE_AFTER)
            } else {
                rx.recv().map_err(|_| RecvTimeoutError::Disconnected)
            };
            match msg {
                Ok(Msg::Changed) => {
                    let paths = watch.as_ref().map(FolderWatch::take).unwrap_or_default();
                    if paths.iter().any(|p| matters(p)) {
                        continue 'scans;
                    }
                }
                Err(RecvTimeoutError::Timeout) => folder.save(),
                Ok(Msg::Stop) | Err(RecvTimeoutError::Disconnected) => break 'scans,
            }
        }
    }
    folder.save();
}

/// True when a change to `path` may change the list: a file it lists, or a folder (one that
/// is gone is no longer a folder on disk), never a hidden name (an editor's swap file).
fn matters(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    !name.starts_with('.') && (is_listed(name) || !path.is_file())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::Cache;
    use std::sync::mpsc::Receiver;

    /// Hooks on `dir`, started, and a receiver of their wakes.
    fn started(dir: &Path, cache: Option<PathBuf>) -> (FolderHooks, Receiver<()>) {
        let mut hooks = FolderHooks::new(Folder::new(dir, Cache::at(cache)));
        let (tx, rx) = mpsc::channel();
        let tx = Mutex::new(tx);
        hooks.set_wake(Arc::new(move || {
            if let Ok(t) = tx.lock() {
                let _ = t.send(());
            }
        }));
        (hooks, rx)
    }

    /// The next update with nothing pending; the bound only keeps a broken thread from
    /// hanging the tests.
    fn settled(hooks: &mut FolderHooks, rx: &Receiver<()>) -> Vec<Entry> {
        loop {
            rx.recv_timeout(Duration::from_secs(20)).unwrap();
            if let Some(u) = hooks.changed()
                && u.pending == 0
            {
                let mut e = u.entries;
                e.sort_by(|a, b| a.path.cmp(&b.path));
                return e;
            }
        }
    }

    /// Writes `text` to `path` whole, as an editor saving through a rename does, so no scan
    /// reads half of it.
    fn put(path: &Path, text: &str) {
        let tmp = path.with_file_name(".put.tmp");
        std::fs::write(&tmp, text).unwrap();
        std::fs::rename(&tmp, path).unwrap();
    }

    fn paths(entries: &[Entry]) -> Vec<&str> {
        entries.iter().map(|e| e.path.as_str()).collect()
    }

    #[test]
    fn the_list_follows_files_added_changed_and_removed_in_any_folder() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir(d.join("sub")).unwrap();
        std::fs::write(d.join("a.toml"), "title = 'A'\n").unwrap();
        let (mut hooks, rx) = started(d, None);
        assert_eq!(paths(&settled(&mut hooks, &rx)), ["a.toml"]);
        put(&d.join("sub/b.toml"), "title = 'B'\n");
        assert_eq!(paths(&settled(&mut hooks, &rx)), ["a.toml", "sub/b.toml"]);
        put(&d.join("sub/b.toml"), "title = 'B2'\n");
        let e = settled(&mut hooks, &rx);
        assert_eq!(e[1].summary().unwrap().title(), "B2");
        // A folder made while open is watched too.
        std::fs::create_dir(d.join("new")).unwrap();
        let _ = settled(&mut hooks, &rx);
        put(&d.join("new/c.toml"), "title = 'C'\n");
        assert_eq!(
            paths(&settled(&mut hooks, &rx)),
            ["a.toml", "new/c.toml", "sub/b.toml"]
        );
        std::fs::remove_file(d.join("a.toml")).unwrap();
        assert_eq!(
            paths(&settled(&mut hooks, &rx)),
            ["new/c.toml", "sub/b.toml"]
        );
    }

    #[test]
    fn closing_the_list_writes_the_index() {
        let dir = tempfile::tempdir().unwrap();
        let cache = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.toml"), "title = 'A'\n").unwrap();
        let (mut hooks, rx) = started(dir.path(), Some(cache.path().to_path_buf()));
        let _ = settled(&mut hooks, &rx);
        drop(hooks);
        let names: Vec<String> = std::fs::read_dir(cache.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names.len(), 1, "{names:?}");
        assert!(super::super::index::is_index_name(&names[0]), "{names:?}");
    }

    #[test]
    fn hidden_names_and_other_files_do_not_matter() {
        let dir = tempfile::tempdir().unwrap();
        let d = &dir.path().join("lib");
        std::fs::create_dir(d).unwrap();
        std::fs::write(d.join("photo.jpg"), "x").unwrap();
        assert!(!matters(&d.join(".a.toml.swp")));
        assert!(!matters(&d.join("photo.jpg")));
        assert!(matters(&d.join("a.toml")));
        // A folder, or a name no longer there (a folder removed).
        assert!(matters(d));
        assert!(matters(&d.join("gone")));
    }
}
