//! A library's folder, on disk: finding every briefing and release under it, loading them
//! (releases structured by the importer, with the result cached), and watching the folders
//! so the list follows what changes. The edge of [`crate::app::library`]: the list itself is
//! pure state.
//!
//! The cache lives under the user's cache directory (`briefing/library/`), one JSON briefing
//! per release, named by a hash of the release's bytes and of the importer's identity (the
//! program's version, its rule data, and the executable itself, so a rebuilt importer never
//! reads an older one's output). It is written through a temporary file and a rename, so no
//! reader sees half of one; an entry that does not read back is imported again, never shown.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, Hasher};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use crate::app::Hooks;
use crate::app::hooks::Wake;
use crate::app::library::{Entry, LibraryHooks};
use crate::files::{self, Overwrite};
use crate::import;
use crate::model::{Format, parse_briefing};
use crate::watch::Watch;

/// The file names a library lists: briefings and releases.
fn is_listed(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    !name.starts_with('.')
        && (lower.ends_with(".toml")
            || lower.ends_with(".json")
            || import::Source::of_path(name).is_some())
}

/// The most files a library lists; past it the scan says so instead of going on.
pub const MAX_FILES: usize = 200_000;

/// What a scan found: the files to list and the folders walked (to watch), and problems with
/// folders (unreadable, a symlink loop), each once.
#[derive(Debug, Default)]
pub struct Found {
    /// Listed files, with their paths relative to the root.
    pub files: Vec<(PathBuf, String)>,
    /// Every folder walked, the root first.
    pub dirs: Vec<PathBuf>,
    /// Folders that could not be walked, as entries that say why.
    pub problems: Vec<Entry>,
}

/// Walks `root` and its subfolders (following symlinks, each real folder once, so a loop
/// ends), skipping hidden names.
pub fn find(root: &Path) -> Found {
    let mut found = Found::default();
    let mut seen = HashSet::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let rel = relative(root, &dir);
        match std::fs::canonicalize(&dir) {
            Ok(real) if !seen.insert(real.clone()) => {
                found.problems.push(Entry::failed(
                    rel.clone(),
                    format!("{rel}: error: a folder seen already (a symlink loop), skipped"),
                ));
                continue;
            }
            Ok(_) => {}
            Err(e) => {
                found.problems.push(Entry::failed(
                    rel.clone(),
                    format!("{rel}: error: cannot read: {e}"),
                ));
                continue;
            }
        }
        let listing = match std::fs::read_dir(&dir) {
            Ok(l) => l,
            Err(e) => {
                found.problems.push(Entry::failed(
                    rel.clone(),
                    format!("{rel}: error: cannot read: {e}"),
                ));
                continue;
            }
        };
        found.dirs.push(dir.clone());
        let mut names: Vec<PathBuf> = listing.flatten().map(|e| e.path()).collect();
        names.sort();
        for path in names {
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            if name.starts_with('.') {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
            } else if is_listed(name) {
                if found.files.len() >= MAX_FILES {
                    found.problems.push(Entry::failed(
                        rel.clone(),
                        format!("{rel}: error: more than {MAX_FILES} files, the rest not listed"),
                    ));
                    return found;
                }
                let r = relative(root, &path);
                found.files.push((path, r));
            }
        }
    }
    found
}

/// `path` relative to `root`, `/` between names; `.` for the root itself.
fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.is_empty() {
        ".".to_string()
    } else {
        parts.join("/")
    }
}

/// Where imported releases are kept, and the importer's identity they are keyed by.
#[derive(Debug, Clone)]
pub struct Cache {
    dir: Option<PathBuf>,
    importer: u64,
}

impl Cache {
    /// The user's cache (`briefing/library` under the cache directory), if there is one.
    pub fn user() -> Cache {
        Cache::at(dirs::cache_dir().map(|d| d.join("briefing").join("library")))
    }

    /// A cache in `dir` (`None`: no cache, every release imported each time).
    pub fn at(dir: Option<PathBuf>) -> Cache {
        Cache {
            dir,
            importer: importer_identity(),
        }
    }

    fn path_for(&self, bytes: &[u8]) -> Option<PathBuf> {
        let dir = self.dir.as_ref()?;
        let a = hash_with(0x6272_6965_6669_6e67, bytes);
        let b = hash_with(0x6c69_6272_6172_7921, bytes);
        Some(dir.join(format!("{a:016x}{b:016x}-{:016x}.json", self.importer)))
    }
}

fn hash_with(seed: u64, bytes: &[u8]) -> u64 {
    let mut h = foldhash::quality::FixedState::with_seed(seed).build_hasher();
    h.write(bytes);
    h.write_usize(bytes.len());
    h.finish()
}

/// The importer's identity: the program's version, the rule data compiled in, and the
/// executable's size and time (a rebuilt importer may read releases differently).
fn importer_identity() -> u64 {
    let mut key = format!(
        "{}\n{}",
        env!("CARGO_PKG_VERSION"),
        crate::model::TAXONOMY_TOML
    );
    if let Some(meta) = std::env::current_exe()
        .ok()
        .and_then(|p| std::fs::metadata(p).ok())
    {
        let time = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos());
        key.push_str(&format!("\n{} {time}", meta.len()));
    }
    hash_with(1, key.as_bytes())
}

/// Loads one file as a library entry: a briefing parsed, a release imported (or read from
/// the cache). Never fails: a problem becomes the entry's error, its first line.
pub fn load(path: &Path, rel: &str, cache: &Cache) -> Entry {
    let shown = path.display().to_string();
    let Some(source) = import::Source::of_path(&shown) else {
        let text = match files::read_text(&shown) {
            Ok(t) => t,
            Err(e) => return Entry::failed(rel, first_line(&e.to_string())),
        };
        return match parse_briefing(&text, rel, Format::from_name(&shown)) {
            Ok(b) => Entry::ok(rel, b),
            Err(e) => Entry::failed(rel, first_line(&e.to_string())),
        };
    };
    // Text is read as text (its encoding problems said as such), pages and PDFs as bytes.
    let bytes = match source {
        import::Source::Text | import::Source::Markdown => {
            files::read_text(&shown).map(String::into_bytes)
        }
        import::Source::Html | import::Source::Pdf => files::read_bytes(&shown),
    };
    let bytes = match bytes {
        Ok(b) => b,
        Err(e) => return Entry::failed(rel, first_line(&e.to_string())),
    };
    let cached = cache.path_for(&bytes);
    // Read back with serde alone: the model's checks cost eighteen times as much (see the
    // library bench) and were passed when the importer wrote it; anything serde refuses (a
    // damaged or truncated entry) is imported again.
    if let Some(c) = &cached
        && let Ok(json) = std::fs::read_to_string(c)
        && let Ok(b) = serde_json::from_str::<crate::model::Briefing>(&json)
    {
        return Entry::ok(rel, b);
    }
    let imported = match source {
        import::Source::Text | import::Source::Markdown => {
            let text = String::from_utf8_lossy(&bytes);
            import::import_release(&text, rel, None)
        }
        import::Source::Html | import::Source::Pdf => {
            import::import_bytes(&bytes, source, rel, None)
        }
    };
    let imported = match imported {
        Ok(i) => i,
        Err(e) => return Entry::failed(rel, first_line(&e.to_string())),
    };
    if let Some(c) = cached
        && let Ok(json) = serde_json::to_string(&imported.briefing)
    {
        // A cache that cannot be written costs only time: the release is imported next time.
        if let Some(dir) = c.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let _ = files::write_new(&c, &json, Overwrite::Replace);
    }
    Entry::ok(rel, imported.briefing)
}

fn first_line(text: &str) -> String {
    text.lines().next().unwrap_or("").to_string()
}

/// A file's size and modification time, to tell whether it changed since it was loaded.
type Stamp = (u64, Option<SystemTime>);

fn stamp(path: &Path) -> Option<Stamp> {
    std::fs::metadata(path)
        .ok()
        .map(|m| (m.len(), m.modified().ok()))
}

/// A library's folder: its files loaded, reloaded when they change.
pub struct Folder {
    root: PathBuf,
    cache: Cache,
    known: HashMap<PathBuf, (Option<Stamp>, Entry)>,
    /// The folders walked by the last scan.
    pub dirs: Vec<PathBuf>,
}

impl Folder {
    /// The folder `root`, not scanned yet.
    pub fn new(root: &Path, cache: Cache) -> Folder {
        Folder {
            root: root.to_path_buf(),
            cache,
            known: HashMap::new(),
            dirs: Vec::new(),
        }
    }

    /// Walks the folder again and loads what is new or changed (on every core), keeping
    /// what did not change; gives every entry.
    pub fn scan(&mut self) -> Vec<Entry> {
        let found = find(&self.root);
        self.dirs = found.dirs;
        let mut todo = Vec::new();
        let mut known = HashMap::with_capacity(found.files.len());
        for (path, rel) in found.files {
            let st = stamp(&path);
            match self.known.remove(&path) {
                Some((old, entry)) if old == st && st.is_some() => {
                    known.insert(path, (st, entry));
                }
                _ => todo.push((path, rel, st)),
            }
        }
        for (path, st, entry) in load_all(todo, &self.cache) {
            known.insert(path, (st, entry));
        }
        self.known = known;
        let mut entries: Vec<Entry> = self.known.values().map(|(_, e)| e.clone()).collect();
        entries.extend(found.problems);
        entries
    }
}

/// Loads files on every core.
fn load_all(
    todo: Vec<(PathBuf, String, Option<Stamp>)>,
    cache: &Cache,
) -> Vec<(PathBuf, Option<Stamp>, Entry)> {
    let workers = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(todo.len().max(1));
    let queue = Mutex::new(todo.into_iter());
    let done = Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| {
                loop {
                    let next = queue.lock().ok().and_then(|mut q| q.next());
                    let Some((path, rel, st)) = next else { break };
                    let entry = load(&path, &rel, cache);
                    if let Ok(mut d) = done.lock() {
                        d.push((path, st, entry));
                    }
                }
            });
        }
    });
    done.into_inner().unwrap_or_default()
}

/// A library's hooks for the terminal loop: the folders watched ([`crate::watch`]), the
/// folder scanned again when they change, and each reader's file watched and editable.
pub struct FolderHooks {
    folder: Folder,
    watches: Vec<Watch>,
    wake: Option<Wake>,
    /// Set by the watchers' callbacks.
    changed: Arc<std::sync::atomic::AtomicBool>,
}

impl FolderHooks {
    /// Hooks for `folder`, scanned already.
    pub fn new(folder: Folder) -> FolderHooks {
        FolderHooks {
            folder,
            watches: Vec::new(),
            wake: None,
            changed: Arc::new(std::sync::atomic::AtomicBool::new(false)),
        }
    }

    /// Watches every folder of the last scan (again, when the set changed).
    fn watch_all(&mut self) {
        let Some(wake) = self.wake.clone() else {
            return;
        };
        self.watches.clear();
        for dir in &self.folder.dirs {
            let (wake, changed) = (Arc::clone(&wake), Arc::clone(&self.changed));
            // A folder that cannot be watched still lists; it only does not follow changes.
            if let Ok(w) = Watch::new(dir, move || {
                changed.store(true, std::sync::atomic::Ordering::Relaxed);
                wake();
            }) {
                self.watches.push(w);
            }
        }
    }
}

impl LibraryHooks for FolderHooks {
    fn set_wake(&mut self, wake: Wake) {
        self.wake = Some(wake);
        self.watch_all();
    }

    fn changed(&mut self) -> Option<Vec<Entry>> {
        if !self
            .changed
            .swap(false, std::sync::atomic::Ordering::Relaxed)
        {
            return None;
        }
        for w in &self.watches {
            let _ = w.take();
        }
        let dirs = self.folder.dirs.clone();
        let entries = self.folder.scan();
        if self.folder.dirs != dirs {
            self.watch_all();
        }
        Some(entries)
    }

    fn reader_hooks(&mut self, entry: &Entry) -> Box<dyn Hooks> {
        let path = self.folder.root.join(&entry.path).display().to_string();
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

#[cfg(test)]
mod tests {
    use super::*;

    const RELEASE: &str = crate::model::BUNDLED_RELEASE;

    #[test]
    fn find_lists_briefings_and_releases_below_skipping_hidden_and_other_files() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir_all(d.join("sub/deeper")).unwrap();
        std::fs::create_dir_all(d.join(".hidden")).unwrap();
        for f in [
            "a.toml",
            "sub/b.txt",
            "sub/deeper/c.md",
            ".hidden/x.txt",
            "photo.jpg",
            ".tmp.txt",
        ] {
            std::fs::write(d.join(f), "x").unwrap();
        }
        let found = find(d);
        let rels: Vec<&str> = found.files.iter().map(|(_, r)| r.as_str()).collect();
        assert_eq!(rels, ["a.toml", "sub/b.txt", "sub/deeper/c.md"]);
        assert_eq!(found.dirs.len(), 3);
        assert!(found.problems.is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_loop_is_walked_once_and_said_once() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir(d.join("sub")).unwrap();
        std::os::unix::fs::symlink(d, d.join("sub/loop")).unwrap();
        std::fs::write(d.join("sub/a.toml"), "x").unwrap();
        let found = find(d);
        assert_eq!(found.files.len(), 1);
        assert_eq!(found.problems.len(), 1);
        let why = found.problems[0].loaded.as_ref().unwrap_err();
        assert!(
            why.starts_with("sub/loop: error: a folder seen already"),
            "{why}"
        );
    }

    #[test]
    fn a_release_is_imported_once_then_read_from_the_cache() {
        let dir = tempfile::tempdir().unwrap();
        let cache_dir = dir.path().join("cache");
        let lib = dir.path().join("lib");
        std::fs::create_dir(&lib).unwrap();
        std::fs::write(lib.join("r.txt"), RELEASE).unwrap();
        let cache = Cache::at(Some(cache_dir.clone()));
        let first = load(&lib.join("r.txt"), "r.txt", &cache);
        let cached: Vec<_> = std::fs::read_dir(&cache_dir).unwrap().flatten().collect();
        assert_eq!(cached.len(), 1, "one cache file, no temporary left");
        // The cache is what is read next time: a changed cache file shows.
        let path = cached[0].path();
        let json = std::fs::read_to_string(&path).unwrap();
        let title = &first.summary().unwrap().briefing.title;
        std::fs::write(&path, json.replace(title.as_str(), "From the cache")).unwrap();
        let second = load(&lib.join("r.txt"), "r.txt", &cache);
        assert_eq!(second.summary().unwrap().title(), "From the cache");
        // A damaged cache file is imported again, not shown.
        std::fs::write(&path, "{ not json").unwrap();
        let third = load(&lib.join("r.txt"), "r.txt", &cache);
        assert_eq!(third.summary().unwrap().title(), title);
    }

    #[test]
    fn files_that_fail_are_entries_with_their_error() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(d.join("empty.txt"), "").unwrap();
        std::fs::write(d.join("bad.toml"), "title = ").unwrap();
        std::fs::write(d.join("latin1.txt"), b"caf\xe9").unwrap();
        std::fs::write(d.join("ok.txt"), RELEASE).unwrap();
        let mut folder = Folder::new(d, Cache::at(None));
        let mut entries = folder.scan();
        entries.sort_by(|a, b| a.path.cmp(&b.path));
        let errors: Vec<(&str, &str)> = entries
            .iter()
            .filter_map(|e| {
                e.loaded
                    .as_ref()
                    .err()
                    .map(|w| (e.path.as_str(), w.as_str()))
            })
            .collect();
        assert_eq!(errors.len(), 3, "{errors:?}");
        assert!(errors[0].1.starts_with("bad.toml:1:"), "{errors:?}");
        assert!(errors[1].1.contains("empty"), "{errors:?}");
        assert!(errors[2].1.contains("expected UTF-8 text"), "{errors:?}");
        assert!(
            entries
                .iter()
                .any(|e| e.path == "ok.txt" && e.loaded.is_ok())
        );
    }

    #[test]
    fn saved_pages_and_pdfs_are_listed_and_imported_or_say_why_not() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let pages = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/pages");
        std::fs::copy(
            format!("{pages}/en_europarl_20241212IPR25960.html"),
            d.join("page.html"),
        )
        .unwrap();
        std::fs::copy(format!("{pages}/bad/not_a_pdf.pdf"), d.join("bad.pdf")).unwrap();
        let cache = tempfile::tempdir().unwrap();
        let mut folder = Folder::new(d, Cache::at(Some(cache.path().to_path_buf())));
        let mut entries = folder.scan();
        entries.sort_by(|a, b| a.path.cmp(&b.path));
        assert_eq!(entries.len(), 2);
        assert!(
            entries[0]
                .loaded
                .as_ref()
                .unwrap_err()
                .starts_with("bad.pdf"),
            "{entries:?}"
        );
        let page = entries[1].summary().unwrap();
        assert!(!page.title().is_empty());
        // The page was cached like a release.
        assert_eq!(std::fs::read_dir(cache.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_rescan_loads_only_what_changed_and_drops_what_went() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(d.join("a.txt"), RELEASE).unwrap();
        std::fs::write(d.join("b.txt"), RELEASE).unwrap();
        let mut folder = Folder::new(d, Cache::at(None));
        assert_eq!(folder.scan().len(), 2);
        std::fs::remove_file(d.join("b.txt")).unwrap();
        std::fs::write(d.join("c.toml"), "title = 'New'\n").unwrap();
        let mut entries = folder.scan();
        entries.sort_by(|a, b| a.path.cmp(&b.path));
        let paths: Vec<&str> = entries.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(paths, ["a.txt", "c.toml"]);
        assert_eq!(entries[1].summary().unwrap().title(), "New");
    }
}
