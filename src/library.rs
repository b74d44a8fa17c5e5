//! A library's folder, on disk: finding every briefing and release under it, loading them
//! (releases structured by the importer) on every core, keeping what they gave in the
//! library's index so that the next start reads one file, and watching the folders so the
//! list follows what changes. The edge of [`crate::app::library`]: the list itself is pure
//! state.
//!
//! A file is read again only when its size or modification time changed since the index was
//! written, or when that time was too close to the reading to tell a later change in the same
//! tick ([`SETTLED`], as git's "racily clean" entries); a file read again whose bytes hash as
//! before is not imported again, nor is a file moved or copied within the library. The index
//! is keyed by the importer's identity (the program's version, its rule data and the
//! executable itself), so a rebuilt importer never reads an older one's output.

mod hooks;
mod index;

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, Hasher};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use crate::app::library::entry::BriefingCell;
use crate::app::library::{Entry, Summary, Update};
use crate::files;
use crate::import;
use crate::model::{Format, parse_briefing};
pub use hooks::FolderHooks;
pub use index::{MAX_BYTES, MAX_INDEXES};

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
        // The kind of each entry comes with the listing; only a symlink costs a look at what
        // it points to.
        let mut names: Vec<(PathBuf, bool)> = listing
            .flatten()
            .map(|e| {
                let path = e.path();
                let is_dir = match e.file_type() {
                    Ok(t) if t.is_symlink() => path.is_dir(),
                    Ok(t) => t.is_dir(),
                    Err(_) => path.is_dir(),
                };
                (path, is_dir)
            })
            .collect();
        names.sort();
        for (path, is_dir) in names {
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            if name.starts_with('.') {
                continue;
            }
            if is_dir {
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

/// Where libraries' indexes are kept, and the importer's identity they are keyed by.
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

    /// A cache in `dir` (`None`: no cache, every file read and imported each time).
    pub fn at(dir: Option<PathBuf>) -> Cache {
        Cache {
            dir,
            importer: importer_identity(),
        }
    }

    /// The index of the library at `root`: one per folder, by its real path.
    pub fn index_for(&self, root: &Path) -> Option<PathBuf> {
        let dir = self.dir.as_ref()?;
        let real = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
        let key = hash_with(0x696e_6465_7821, real.as_os_str().as_encoded_bytes());
        Some(dir.join(format!("index-{key:016x}.bin")))
    }
}

fn hash_with(seed: u64, bytes: &[u8]) -> u64 {
    let mut h = foldhash::quality::FixedState::with_seed(seed).build_hasher();
    h.write(bytes);
    h.write_usize(bytes.len());
    h.finish()
}

/// A file's bytes, hashed twice over: whether a file read again changed.
fn content_hash(bytes: &[u8]) -> u128 {
    let a = hash_with(0x6272_6965_6669_6e67, bytes);
    let b = hash_with(0x6c69_6272_6172_7921, bytes);
    (u128::from(a) << 64) | u128::from(b)
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

/// A file's size and modification time, to tell whether it changed since it was read.
type Stamp = (u64, Option<SystemTime>);

fn stamp(path: &Path) -> Option<Stamp> {
    std::fs::metadata(path)
        .ok()
        .map(|m| (m.len(), m.modified().ok()))
}

/// How long after a file's last change its stamp tells it apart from a later change: a file
/// changed within this of being read may change again within the same tick of its clock
/// (whole seconds on some file systems, two on FAT), so it is read again next time.
pub const SETTLED: Duration = Duration::from_secs(2);

fn is_settled(stamp: Option<Stamp>, now: SystemTime) -> bool {
    stamp
        .and_then(|(_, t)| t)
        .and_then(|t| now.duration_since(t).ok())
        .is_some_and(|age| age > SETTLED)
}

/// What the folder knows of one file.
#[derive(Debug, Clone)]
pub(crate) struct Known {
    /// The file's stamp when it was read (taken before reading).
    stamp: Option<Stamp>,
    /// True when the stamp alone tells whether the file changed since ([`SETTLED`]).
    settled: bool,
    /// The hash of the bytes read; `None` when they could not be (never kept in the index).
    hash: Option<u128>,
    /// What the file gave.
    entry: Entry,
}

/// How a file is read: a briefing parsed, or a release imported.
#[derive(Debug, Clone, Copy)]
enum Kind {
    Briefing(Format),
    Release(import::Source),
}

impl Kind {
    fn of(path: &str) -> Kind {
        match import::Source::of_path(path) {
            Some(source) => Kind::Release(source),
            None => Kind::Briefing(Format::from_name(path)),
        }
    }
}

/// Loads one file as a library entry, not cached: a briefing parsed, a release imported.
/// Never fails: a problem becomes the entry's error, its first line.
pub fn load(path: &Path, rel: &str) -> Entry {
    let shown = path.display().to_string();
    match files::read_bytes(&shown) {
        Ok(bytes) => structure(&shown, rel, bytes),
        Err(e) => Entry::failed(rel, said_of(&e, &shown, rel)),
    }
}

/// The entry for `bytes`, read from `shown` (a path, for messages), listed as `rel`.
fn structure(shown: &str, rel: &str, bytes: Vec<u8>) -> Entry {
    let kind = Kind::of(shown);
    // Text is read as text (its encoding problems said as such), pages and PDFs as bytes.
    let text = |bytes: Vec<u8>| files::utf8(rel, bytes).map_err(|e| first_line(&e.to_string()));
    let loaded = match kind {
        Kind::Briefing(format) => text(bytes)
            .and_then(|t| parse_briefing(&t, rel, format).map_err(|e| first_line(&e.to_string()))),
        Kind::Release(import::Source::Text | import::Source::Markdown) => {
            text(bytes).and_then(|t| {
                import::import_release(&t, rel, None)
                    .map(|i| i.briefing)
                    .map_err(|e| first_line(&e.to_string()))
            })
        }
        Kind::Release(source) => import::import_bytes(&bytes, source, rel, None)
            .map(|i| i.briefing)
            .map_err(|e| first_line(&e.to_string())),
    };
    match loaded {
        Ok(b) => Entry::ok(rel, b),
        Err(why) => Entry::failed(rel, why),
    }
}

/// The first line of a problem reading `shown`, said of `rel` as the list names the file.
fn said_of(e: &dyn std::fmt::Display, shown: &str, rel: &str) -> String {
    let line = first_line(&e.to_string());
    match line.strip_prefix(shown) {
        Some(rest) => format!("{rel}{rest}"),
        None => line,
    }
}

fn first_line(text: &str) -> String {
    text.lines().next().unwrap_or("").to_string()
}

/// What the scans of a folder did so far: how many files were taken as they were, read again,
/// imported (or parsed), and the time spent importing, summed over the threads.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ScanStats {
    /// Files found by the last walk.
    pub files: usize,
    /// Files taken from the index or from memory without reading them.
    pub unread: usize,
    /// Files read again and found as they were (by their hash), or moved.
    pub same: usize,
    /// Files imported or parsed.
    pub imported: usize,
    /// Time spent importing and parsing, summed over the threads.
    pub import_time: Duration,
    /// Time spent reading the index, when it was read.
    pub index_time: Duration,
}

#[derive(Default)]
struct Counters {
    same: AtomicUsize,
    imported: AtomicUsize,
    import_nanos: AtomicU64,
}

/// How often a scan that reads many files hands over what it has so far, at least (more
/// seldom as the entries grow).
pub const REPORT_EVERY: Duration = Duration::from_millis(150);

/// A library's folder: its files loaded, read again when they change, its index kept.
pub struct Folder {
    root: PathBuf,
    cache: Cache,
    index: Option<PathBuf>,
    /// True once the index was read (on the first survey).
    index_read: bool,
    /// True when what is known differs from the index on disk.
    dirty: bool,
    known: HashMap<PathBuf, Known>,
    problems: Vec<Entry>,
    stats: ScanStats,
    /// The folders walked by the last scan.
    pub dirs: Vec<PathBuf>,
}

/// What a survey found to read: files new, changed, or not known to be as they were; and the
/// entries of the files known and gone, by hash, for files moved or copied within the library.
#[derive(Debug, Default)]
pub struct Survey {
    todo: Vec<Todo>,
    gone: HashMap<u128, Entry>,
}

impl Survey {
    /// How many files are to be read.
    pub fn len(&self) -> usize {
        self.todo.len()
    }

    /// True when no file is to be read.
    pub fn is_empty(&self) -> bool {
        self.todo.is_empty()
    }
}

#[derive(Debug)]
struct Todo {
    path: PathBuf,
    rel: String,
    stamp: Option<Stamp>,
    old: Option<Known>,
}

impl Folder {
    /// The folder `root`, not scanned yet, its index in `cache`.
    pub fn new(root: &Path, cache: Cache) -> Folder {
        Folder {
            root: root.to_path_buf(),
            index: cache.index_for(root),
            cache,
            index_read: false,
            dirty: false,
            known: HashMap::new(),
            problems: Vec::new(),
            stats: ScanStats::default(),
            dirs: Vec::new(),
        }
    }

    /// The folder, as given.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Walks the folder, loads what is new or changed (on every core), keeps what did not
    /// change, writes the index if anything did; gives every entry.
    pub fn scan(&mut self) -> Vec<Entry> {
        let survey = self.survey();
        self.load(survey, &AtomicBool::new(false), &mut |_| {});
        self.save();
        self.entries()
    }

    /// True when what is known differs from the index on disk ([`Folder::save`] writes it).
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// What the scans did so far.
    pub fn stats(&self) -> ScanStats {
        self.stats
    }

    /// Every entry known: files loaded (a changed file keeps its last entry until it is read
    /// again), and the problems of the last walk.
    pub fn entries(&self) -> Vec<Entry> {
        self.known
            .values()
            .map(|k| k.entry.clone())
            .chain(self.problems.iter().cloned())
            .collect()
    }

    /// Walks the folder (reading the index first, the first time) and tells the files known
    /// as they were from the ones to read.
    pub fn survey(&mut self) -> Survey {
        let walk = |root: &Path| {
            let found = find(root);
            let stamps: Vec<Option<Stamp>> = found.files.iter().map(|(p, _)| stamp(p)).collect();
            (found, stamps)
        };
        let (found, stamps) = if self.index_read {
            walk(&self.root)
        } else {
            // The first time, the folder is walked and its files' stamps taken while the index
            // is read: the one mostly waits on the file system, the other decodes.
            self.index_read = true;
            let root = self.root.clone();
            let walked = std::thread::scope(|s| {
                let walking = s.spawn(|| walk(&root));
                self.read_index();
                walking.join().ok()
            });
            walked.unwrap_or_else(|| walk(&self.root))
        };
        self.dirs = found.dirs;
        self.problems = found.problems;
        self.stats.files = found.files.len();
        let mut old = std::mem::take(&mut self.known);
        let mut todo = Vec::new();
        for ((path, rel), st) in found.files.into_iter().zip(stamps) {
            match old.remove(&path) {
                Some(k) if k.settled && st.is_some() && k.stamp == st => {
                    self.stats.unread += 1;
                    self.known.insert(path, k);
                }
                Some(k) => {
                    self.known.insert(path.clone(), k.clone());
                    todo.push(Todo {
                        path,
                        rel,
                        stamp: st,
                        old: Some(k),
                    });
                }
                None => todo.push(Todo {
                    path,
                    rel,
                    stamp: st,
                    old: None,
                }),
            }
        }
        if !old.is_empty() {
            self.dirty = true;
        }
        // What every file known gave, by the hash of its bytes: a file moved (gone from its
        // place) or copied within the library is not imported again. Files that failed are
        // not taken: their problem names their path.
        let mut gone: HashMap<u128, Entry> = HashMap::new();
        if !todo.is_empty() {
            let known = self.known.values().filter_map(|k| Some((k.hash?, k)));
            let went = old.values().filter_map(|k| Some((k.hash?, k)));
            for (hash, k) in known.chain(went) {
                if k.entry.loaded.is_ok() {
                    gone.entry(hash).or_insert_with(|| k.entry.clone());
                }
            }
        }
        Survey { todo, gone }
    }

    fn read_index(&mut self) {
        let Some(path) = &self.index else { return };
        let t = Instant::now();
        let Some(opened) = index::open(path, self.cache.importer) else {
            self.dirty = true;
            return;
        };
        let Some(records) = opened.records() else {
            self.dirty = true;
            return;
        };
        index::touch(path);
        let decoded = par_map(&records, |r| opened.decode(r));
        if decoded.len() != records.len() {
            self.dirty = true;
            return;
        }
        self.known.reserve(records.len());
        for known in decoded {
            match known {
                Some(k) => {
                    self.known.insert(self.root.join(&k.entry.path), k);
                }
                None => self.dirty = true,
            }
        }
        self.stats.index_time = t.elapsed();
    }

    /// Reads the files of `survey` on every core, in two passes: first every file is read,
    /// the ones that did not change taken as they were, briefings parsed and releases' fronts
    /// read (headline, date, language, publisher: [`import::front`]), and `report` handed the
    /// whole list at once, the releases' counts pending; then the releases are structured,
    /// each replacing its front, `report` handed what is known every [`REPORT_EVERY`] while
    /// it lasts. Stops early when `stop` is set.
    pub fn load(&mut self, survey: Survey, stop: &AtomicBool, report: &mut dyn FnMut(Update)) {
        let total = survey.todo.len();
        if total == 0 {
            return;
        }
        self.dirty = true;
        let counters = Counters::default();
        let gone = &survey.gone;
        let encode = self.index.is_some();
        let firsts = par_map(&survey.todo, |todo| {
            (!stop.load(Ordering::Relaxed)).then(|| first_pass(todo, gone, encode, &counters))
        });
        let mut later = Vec::new();
        for (todo, first) in survey.todo.into_iter().zip(firsts) {
            match first {
                Some(First::Done(k)) => {
                    self.known.insert(todo.path, k);
                }
                Some(First::Import(read, front)) => {
                    if let Some(k) = front {
                        self.known.insert(todo.path.clone(), k);
                    }
                    later.push((todo, read));
                }
                // Stopped: the file is left for the next survey.
                None => {}
            }
        }
        // With nothing left to structure, the caller hands over the list as it is.
        if !stop.load(Ordering::Relaxed) && !later.is_empty() {
            report(Update {
                entries: self.entries(),
                pending: later.len(),
            });
            self.import_all(later, stop, &counters, report);
        }
        self.stats.same += counters.same.load(Ordering::Relaxed);
        self.stats.imported += counters.imported.load(Ordering::Relaxed);
        self.stats.import_time +=
            Duration::from_nanos(counters.import_nanos.load(Ordering::Relaxed));
    }

    /// The second pass of [`Folder::load`]: the releases read structured on every core, each
    /// replacing what the first pass knew of it.
    fn import_all(
        &mut self,
        later: Vec<(Todo, Read)>,
        stop: &AtomicBool,
        counters: &Counters,
        report: &mut dyn FnMut(Update),
    ) {
        let total = later.len();
        if total == 0 {
            return;
        }
        let workers = std::thread::available_parallelism()
            .map_or(1, usize::from)
            .min(total);
        let queue = Mutex::new(later.into_iter());
        let (tx, rx) = mpsc::channel();
        let known = &mut self.known;
        let problems = &self.problems;
        let encode = self.index.is_some();
        std::thread::scope(|s| {
            for _ in 0..workers {
                let tx = tx.clone();
                let queue = &queue;
                s.spawn(move || {
                    while !stop.load(Ordering::Relaxed) {
                        let next = queue.lock().ok().and_then(|mut q| q.next());
                        let Some((todo, read)) = next else { break };
                        let path = todo.path.clone();
                        let k = second_pass(todo, read, encode, counters);
                        // One message a file, which wakes the list's thread each time: with
                        // results taken in batches instead, workers that never slept were left
                        // to share one core of a loaded machine (1,000 releases loaded in
                        // 0.91-1.15 s against 0.48-1.02 s, ten runs each).
                        if tx.send((path, k)).is_err() {
                            break;
                        }
                    }
                });
            }
            drop(tx);
            let mut done = 0;
            let mut last = Instant::now();
            let mut every = REPORT_EVERY;
            loop {
                match rx.recv_timeout(every) {
                    Ok((path, k)) => {
                        known.insert(path, k);
                        done += 1;
                    }
                    Err(RecvTimeoutError::Timeout) => {}
                    Err(RecvTimeoutError::Disconnected) => break,
                }
                if last.elapsed() >= every {
                    last = Instant::now();
                    // The list sorts every entry it is handed: handed ever more, it is handed
                    // them less often (10 µs an entry: a second at 100,000), so sorting never
                    // takes a core from importing.
                    let per_entry = Duration::from_micros(10)
                        .saturating_mul(u32::try_from(known.len()).unwrap_or(u32::MAX));
                    every = REPORT_EVERY.max(per_entry);
                    let entries = known
                        .values()
                        .map(|k| k.entry.clone())
                        .chain(problems.iter().cloned())
                        .collect();
                    report(Update {
                        entries,
                        pending: total - done,
                    });
                }
            }
        });
    }

    /// Writes the index if what is known changed since it was read or written, then bounds
    /// the folder of indexes. A cache that cannot be written costs only time: the files are
    /// read again next time.
    pub fn save(&mut self) {
        if !self.dirty {
            return;
        }
        self.dirty = false;
        let Some(path) = &self.index else { return };
        if index::write(path, self.cache.importer, self.known.values()).is_ok()
            && let Some(dir) = path.parent()
        {
            index::prune(dir, path);
        }
    }
}

/// A release read by the first pass of [`Folder::load`], to structure in the second.
#[derive(Debug)]
struct Read {
    bytes: Vec<u8>,
    hash: u128,
    settled: bool,
}

/// What the first pass made of one file: known for good, or a release to structure (and what
/// its front tells meanwhile, when it had no entry to keep until then).
enum First {
    Done(Known),
    Import(Read, Option<Known>),
}

/// The first pass over one file of a survey: taken as it was when its bytes hash as before
/// (or as a file gone from the library did: moved), a briefing parsed, a release's front read.
fn first_pass(
    todo: &Todo,
    gone: &HashMap<u128, Entry>,
    encode: bool,
    counters: &Counters,
) -> First {
    let shown = todo.path.display().to_string();
    let settled = is_settled(todo.stamp, SystemTime::now());
    let bytes = match files::read_bytes(&shown) {
        Ok(b) => b,
        Err(e) => {
            return First::Done(Known {
                stamp: todo.stamp,
                settled: false,
                hash: None,
                entry: Entry::failed(&todo.rel, said_of(&e, &shown, &todo.rel)),
            });
        }
    };
    let hash = content_hash(&bytes);
    let before = todo
        .old
        .as_ref()
        .filter(|k| k.hash == Some(hash))
        .map(|k| k.entry.clone())
        .or_else(|| {
            gone.get(&hash).map(|e| Entry {
                path: todo.rel.clone(),
                loaded: e.loaded.clone(),
            })
        });
    let done = |entry| {
        First::Done(Known {
            stamp: todo.stamp,
            settled,
            hash: Some(hash),
            entry,
        })
    };
    if let Some(entry) = before {
        counters.same.fetch_add(1, Ordering::Relaxed);
        return done(entry);
    }
    let read = Read {
        bytes,
        hash,
        settled,
    };
    let Kind::Release(source) = Kind::of(&shown) else {
        // A briefing is parsed at once: it costs no more than a front.
        return done(structured(&shown, &todo.rel, read.bytes, encode, counters));
    };
    // A file that showed an entry keeps it until structured again (its counts do not blink
    // to pending); one new to the list shows its front meanwhile.
    let had_entry = todo
        .old
        .as_ref()
        .is_some_and(|k| k.entry.summary().is_some_and(|s| !s.pending));
    let front = (!had_entry)
        .then(|| import::front(&read.bytes, source))
        .flatten()
        .map(|f| Known {
            // Never settled nor hashed, never in the index: read again if left so.
            stamp: todo.stamp,
            settled: false,
            hash: None,
            entry: Entry {
                path: todo.rel.clone(),
                loaded: Ok(Arc::new(Summary::front(
                    f.title,
                    f.date,
                    f.lang.tag().to_string(),
                    f.source,
                ))),
            },
        });
    First::Import(read, front)
}

/// The second pass over one release: structured, its briefing kept as the index's JSON when
/// there is an index to write.
fn second_pass(todo: Todo, read: Read, encode: bool, counters: &Counters) -> Known {
    let shown = todo.path.display().to_string();
    Known {
        stamp: todo.stamp,
        settled: read.settled,
        hash: Some(read.hash),
        entry: structured(&shown, &todo.rel, read.bytes, encode, counters),
    }
}

/// `bytes` structured ([`structure`]), timed and counted, kept as JSON when `encode`.
fn structured(shown: &str, rel: &str, bytes: Vec<u8>, encode: bool, counters: &Counters) -> Entry {
    let t = Instant::now();
    let entry = structure(shown, rel, bytes);
    let nanos = u64::try_from(t.elapsed().as_nanos()).unwrap_or(u64::MAX);
    counters.import_nanos.fetch_add(nanos, Ordering::Relaxed);
    counters.imported.fetch_add(1, Ordering::Relaxed);
    if encode { encoded(entry) } else { entry }
}

/// `entry` with its briefing, just structured, kept as the JSON the index will hold.
fn encoded(entry: Entry) -> Entry {
    let Entry { path, loaded } = entry;
    let loaded = loaded.map(|summary| match Arc::try_unwrap(summary) {
        Ok(mut s) => {
            if let BriefingCell::Parsed(b) = &s.cell
                && let Some(json) = index::Encoded::of(b)
            {
                s.cell = BriefingCell::Stored(Arc::new(json));
            }
            Arc::new(s)
        }
        Err(shared) => shared,
    });
    Entry { path, loaded }
}

/// `f` over `items` on every core, in order.
fn par_map<T: Sync, U: Send>(items: &[T], f: impl Fn(&T) -> U + Sync) -> Vec<U> {
    let workers = std::thread::available_parallelism().map_or(1, usize::from);
    let chunk = items.len().div_ceil(workers).max(1);
    if items.len() <= chunk {
        return items.iter().map(f).collect();
    }
    std::thread::scope(|s| {
        let f = &f;
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| s.spawn(move || part.iter().map(f).collect::<Vec<U>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| {
                let part = h.join();
                // Only a bug panics a worker; its files would silently be missing.
                debug_assert!(part.is_ok(), "a worker panicked");
                part.unwrap_or_default()
            })
            .collect()
    })
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

    /// Writes `text` to `path` as a file last changed an hour ago: settled, its stamp enough.
    fn put_old(path: &Path, text: &str) {
        std::fs::write(path, text).unwrap();
        let f = std::fs::File::options().write(true).open(path).unwrap();
        f.set_modified(SystemTime::now() - Duration::from_secs(3600))
            .unwrap();
    }

    fn sorted(mut entries: Vec<Entry>) -> Vec<Entry> {
        entries.sort_by(|a, b| a.path.cmp(&b.path));
        entries
    }

    fn cache_files(dir: &Path) -> Vec<PathBuf> {
        std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .collect()
    }

    fn title(entries: &[Entry], path: &str) -> String {
        entries
            .iter()
            .find(|e| e.path == path)
            .and_then(Entry::summary)
            .map(|s| s.title().to_string())
            .unwrap_or_default()
    }

    #[test]
    fn a_release_is_imported_once_then_read_from_the_index() {
        let dir = tempfile::tempdir().unwrap();
        let cache_dir = dir.path().join("cache");
        let lib = dir.path().join("lib");
        std::fs::create_dir(&lib).unwrap();
        put_old(&lib.join("r.txt"), RELEASE);
        let cache = Cache::at(Some(cache_dir.clone()));
        let mut first = Folder::new(&lib, cache.clone());
        let entries = first.scan();
        assert_eq!((first.stats().imported, first.stats().unread), (1, 0));
        let index = cache_files(&cache_dir);
        assert_eq!(index.len(), 1, "one index, no temporary left: {index:?}");
        // A second start reads the index only: nothing imported, the release not even read.
        let mut second = Folder::new(&lib, cache.clone());
        assert_eq!(sorted(second.scan()), sorted(entries.clone()));
        assert_eq!(second.stats().imported + second.stats().same, 0);
        assert_eq!(second.stats().unread, 1);
        // An index damaged on disk is not shown: its records are imported again, whether
        // their lengths still add up or not.
        let t = title(&entries, "r.txt");
        let bytes = std::fs::read(&index[0]).unwrap();
        let zs = "Z".repeat(t.len());
        let changed = index::tests::replace_bytes(&bytes, t.as_bytes(), zs.as_bytes());
        for damaged in [&changed[..], &bytes[..bytes.len() / 2]] {
            std::fs::write(&index[0], damaged).unwrap();
            let mut again = Folder::new(&lib, cache.clone());
            assert_eq!(title(&again.scan(), "r.txt"), t);
            assert_eq!(again.stats().imported, 1);
        }
        // A release touched but not changed is read again, not imported.
        put_old(&lib.join("r.txt"), RELEASE);
        let mut touched = Folder::new(&lib, cache);
        assert_eq!(title(&touched.scan(), "r.txt"), t);
        assert_eq!((touched.stats().same, touched.stats().imported), (1, 0));
    }

    /// With an index to write, a release's briefing is kept as the JSON the index holds, and
    /// reads back as the importer made it; without one, it is kept parsed.
    #[test]
    fn a_briefing_is_kept_as_the_index_json_when_there_is_an_index() {
        let dir = tempfile::tempdir().unwrap();
        let lib = dir.path().join("lib");
        std::fs::create_dir(&lib).unwrap();
        put_old(&lib.join("r.txt"), RELEASE);
        let want = import::import_release(RELEASE, "r.txt", None)
            .unwrap()
            .briefing;
        for (cache, stored) in [(Some(dir.path().join("cache")), true), (None, false)] {
            let entries = Folder::new(&lib, Cache::at(cache)).scan();
            let s = entries[0].summary().unwrap();
            assert_eq!(matches!(s.cell, BriefingCell::Stored(_)), stored);
            assert_eq!(*s.briefing().unwrap(), want);
        }
    }

    #[test]
    fn a_file_changed_within_its_clock_tick_is_read_again_next_time() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::at(Some(dir.path().join("cache")));
        let lib = dir.path().join("lib");
        std::fs::create_dir(&lib).unwrap();
        // Just written: its stamp cannot tell a change in the same tick.
        std::fs::write(lib.join("a.toml"), "title = 'A'\n").unwrap();
        Folder::new(&lib, cache.clone()).scan();
        let mut next = Folder::new(&lib, cache);
        next.scan();
        assert_eq!((next.stats().unread, next.stats().same), (0, 1));
    }

    #[test]
    fn a_file_that_changes_while_read_is_read_again_and_not_imported_twice() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        put_old(&d.join("r.txt"), RELEASE);
        let mut folder = Folder::new(d, Cache::at(None));
        let survey = folder.survey();
        // Changed after its stamp was taken, before its bytes are read.
        let second = RELEASE.replacen("INTERPOL", "Interpol", 1);
        put_old(&d.join("r.txt"), &second);
        std::fs::File::options()
            .write(true)
            .open(d.join("r.txt"))
            .unwrap()
            .set_modified(SystemTime::now() - Duration::from_secs(60))
            .unwrap();
        folder.load(survey, &AtomicBool::new(false), &mut |_| {});
        let shown = folder.entries();
        assert_eq!(folder.stats().imported, 1);
        // What was read is what is shown; the stamp it was read under is not the file's: it is
        // read again, found the same, and not imported again.
        let again = folder.scan();
        assert_eq!(sorted(again), sorted(shown));
        assert_eq!((folder.stats().same, folder.stats().imported), (1, 1));
    }

    #[test]
    fn a_moved_or_copied_release_is_not_imported_again_and_the_index_drops_files_gone() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::at(Some(dir.path().join("cache")));
        let lib = dir.path().join("lib");
        std::fs::create_dir_all(lib.join("sub")).unwrap();
        put_old(&lib.join("a.txt"), RELEASE);
        put_old(&lib.join("b.toml"), "title = 'B'\n");
        let mut folder = Folder::new(&lib, cache.clone());
        folder.scan();
        assert_eq!(folder.stats().imported, 2);
        std::fs::rename(lib.join("a.txt"), lib.join("sub/moved.txt")).unwrap();
        std::fs::remove_file(lib.join("b.toml")).unwrap();
        let entries = sorted(folder.scan());
        assert_eq!(folder.stats().imported, 2, "the move imported nothing");
        let paths: Vec<&str> = entries.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(paths, ["sub/moved.txt"]);
        // The index holds the files there are, no more.
        let records = index::tests::read_all(&cache.index_for(&lib).unwrap(), cache.importer);
        let held: Vec<String> = records
            .unwrap()
            .into_iter()
            .map(|r| r.unwrap().entry.path)
            .collect();
        assert_eq!(held, ["sub/moved.txt"]);
        // A copy is not imported either.
        std::fs::copy(lib.join("sub/moved.txt"), lib.join("copy.txt")).unwrap();
        let entries = sorted(folder.scan());
        assert_eq!(folder.stats().imported, 2, "the copy imported nothing");
        assert_eq!(
            title(&entries, "copy.txt"),
            title(&entries, "sub/moved.txt")
        );
    }

    #[test]
    fn a_library_reads_its_own_index_only() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::at(Some(dir.path().join("cache")));
        for name in ["one", "two"] {
            let lib = dir.path().join(name);
            std::fs::create_dir(&lib).unwrap();
            put_old(&lib.join("a.toml"), &format!("title = '{name}'\n"));
            Folder::new(&lib, cache.clone()).scan();
        }
        assert_eq!(cache_files(&dir.path().join("cache")).len(), 2);
        let one = Folder::new(&dir.path().join("one"), cache).scan();
        assert_eq!(title(&one, "a.toml"), "one");
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
        // Each named as the list names it, relative to the folder.
        assert!(
            errors[2]
                .1
                .starts_with("latin1.txt:1:4: error: expected UTF-8 text"),
            "{errors:?}"
        );
        assert!(
            entries
                .iter()
                .any(|e| e.path == "ok.txt" && e.loaded.is_ok())
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_file_that_cannot_be_read_says_so_by_its_path_in_the_library() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir(d.join("sub")).unwrap();
        // A socket is no regular file; a symlink to nothing cannot be opened.
        let _socket = std::os::unix::net::UnixListener::bind(d.join("sub/socket.txt")).unwrap();
        std::os::unix::fs::symlink(d.join("nowhere"), d.join("sub/gone.md")).unwrap();
        let mut entries = Folder::new(d, Cache::at(None)).scan();
        entries.sort_by(|a, b| a.path.cmp(&b.path));
        let errors: Vec<&str> = entries
            .iter()
            .filter_map(|e| e.loaded.as_ref().err().map(String::as_str))
            .collect();
        assert_eq!(
            errors,
            [
                "sub/gone.md: error: cannot open: no such file or directory",
                "sub/socket.txt: error: expected a regular file, found a special file",
            ]
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
        // The page is in the index like a release, and its error too (both read from their
        // bytes): a second start imports neither.
        assert_eq!(std::fs::read_dir(cache.path()).unwrap().count(), 1);
        let mut again = Folder::new(d, Cache::at(Some(cache.path().to_path_buf())));
        again.scan();
        assert_eq!(again.stats().imported, 0);
    }

    /// A cold load hands the whole list at once, each release by its front (counts pending,
    /// never in the index), then the releases structured; what the front showed agrees with
    /// what replaces it.
    #[test]
    fn a_cold_load_lists_every_front_first_then_the_full_entries() {
        let dir = tempfile::tempdir().unwrap();
        let lib = dir.path().join("lib");
        std::fs::create_dir(&lib).unwrap();
        put_old(&lib.join("a.txt"), RELEASE);
        put_old(
            &lib.join("b.md"),
            &RELEASE.replacen("INTERPOL", "Interpol", 1),
        );
        put_old(&lib.join("c.toml"), "title = 'C'\n");
        let cache = Cache::at(Some(dir.path().join("cache")));
        let mut folder = Folder::new(&lib, cache.clone());
        let survey = folder.survey();
        let mut updates = Vec::new();
        folder.load(survey, &AtomicBool::new(false), &mut |u| updates.push(u));
        let first = sorted(updates[0].entries.clone());
        assert_eq!(updates[0].pending, 2);
        let paths: Vec<&str> = first.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(paths, ["a.txt", "b.md", "c.toml"]);
        let full = sorted(folder.entries());
        for (f, e) in first.iter().zip(&full) {
            let (f, e) = (f.summary().unwrap(), e.summary().unwrap());
            assert!(!e.pending);
            if f.pending {
                assert_eq!(
                    (f.title(), f.date(), f.lang()),
                    (e.title(), e.date(), e.lang())
                );
                assert!(f.publisher.is_empty() || f.publisher == e.publisher);
            } else {
                assert_eq!(f, e, "a briefing is parsed in the first pass");
            }
        }
        assert!(first[0].summary().unwrap().pending);
        folder.save();
        let mut again = Folder::new(&lib, cache);
        assert_eq!(sorted(again.scan()), full);
        assert_eq!(again.stats().imported, 0);
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
