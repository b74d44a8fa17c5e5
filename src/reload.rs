//! The open file, as [`Hooks`] for the terminal loop: it is watched ([`crate::watch`]) and
//! loaded again when it changes, so the reader, and through it a presentation, its presenter
//! view and every SSH attendee, show the new version; a version that does not load leaves the
//! last good one on screen with the problem in the status line. `e` opens it in the user's
//! editor ([`crate::editor`]) at the item in focus; a release opened directly is offered to be
//! written out as a structured briefing next to it first, never over an existing file.

use std::hash::{Hash, Hasher};
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};

use crate::app::content::Origin;
use crate::app::hooks::Wake;
use crate::app::{Hooks, Notice, State};
use crate::files::{self, Overwrite};
use crate::import;
use crate::model::{Briefing, Format, Seg, line_of, parse_briefing};
use crate::watch::Watch;

/// The file the reader shows, watched and editable.
pub struct FileHooks {
    /// The file; `None` for the bundled briefing and standard input.
    path: Option<PathBuf>,
    watch: Option<Watch>,
    /// The watch being set up on a thread of its own: registering it waits on the watcher's
    /// thread, and the first frame need not wait for that.
    starting: Option<mpsc::Receiver<anyhow::Result<Watch>>>,
    /// Set by the watch when it reports changes, so the loop's turns after other wake-ups
    /// (every key) do not ask it.
    changed: Arc<AtomicBool>,
    wake: Option<Wake>,
    /// A hash of the text last read, so a save that changes nothing reloads nothing.
    last: Option<u64>,
    /// What to tell the reader on its next turn.
    pending: Vec<Notice>,
}

impl FileHooks {
    /// Hooks for `path` (`None` or `-`: nothing to watch or edit). `text` is what was loaded
    /// at start, so an unchanged file is not loaded again.
    pub fn new(path: Option<&str>, text: Option<&str>) -> FileHooks {
        FileHooks {
            path: path.filter(|p| *p != "-").map(PathBuf::from),
            watch: None,
            starting: None,
            changed: Arc::new(AtomicBool::new(false)),
            wake: None,
            last: text.map(hash),
            pending: Vec::new(),
        }
    }

    fn start_watching(&mut self) -> Option<Notice> {
        self.watch = None;
        self.starting = None;
        let (path, wake) = (self.path.as_ref()?, self.wake.clone()?);
        match Watch::new(path, self.on_change(wake)) {
            Ok(w) => {
                self.watch = Some(w);
                None
            }
            Err(e) => Some(Notice::Said(format!("{e:#}"))),
        }
    }

    /// What the watch calls on a change: marks that it reported one, and wakes the loop.
    fn on_change(&self, wake: Wake) -> impl Fn() + Send + 'static {
        let changed = Arc::clone(&self.changed);
        move || {
            changed.store(true, Ordering::Release);
            wake();
        }
    }

    /// Starts watching on a thread of its own, which wakes the loop once the watch is set up;
    /// [`FileHooks::take_started`] takes it from there. Where no thread can be started, starts
    /// here.
    fn start_watching_aside(&mut self) {
        self.watch = None;
        self.starting = None;
        let (Some(path), Some(wake)) = (self.path.clone(), self.wake.clone()) else {
            return;
        };
        let (tx, rx) = mpsc::channel();
        let on_change = self.on_change(Arc::clone(&wake));
        let spawned = std::thread::Builder::new()
            .name("watch-start".into())
            .spawn(move || {
                let _ = tx.send(Watch::new(&path, on_change));
                wake();
            });
        match spawned {
            Ok(_) => self.starting = Some(rx),
            Err(_) => {
                let said = self.start_watching();
                self.pending.extend(said);
            }
        }
    }

    /// The watch set up aside, once it is: a change made before it watched is looked for
    /// once (the file is read again, and loaded only if it changed since it was first read).
    fn take_started(&mut self) -> Option<Notice> {
        let started = self.starting.as_ref()?.try_recv();
        match started {
            Err(mpsc::TryRecvError::Empty) => None,
            Err(mpsc::TryRecvError::Disconnected) => {
                self.starting = None;
                None
            }
            Ok(Err(e)) => {
                self.starting = None;
                Some(Notice::Said(format!("{e:#}")))
            }
            Ok(Ok(w)) => {
                self.starting = None;
                self.watch = Some(w);
                // Without a first text (a page or a PDF) there is nothing to compare with.
                self.last.is_some().then(|| self.reload()).flatten()
            }
        }
    }

    /// Reads the file again; a notice when it changed (loaded, or why not).
    pub fn reload(&mut self) -> Option<Notice> {
        let path = self.path.as_ref()?.display().to_string();
        // A saved page or a PDF is read as bytes and structured again.
        if let Some(source @ (import::Source::Html | import::Source::Pdf)) =
            import::Source::of_path(&path)
        {
            let bytes = match files::read_bytes(&path) {
                Ok(b) => b,
                Err(e) => return Some(Notice::ReloadFailed(first_line(&e.to_string()))),
            };
            let h = hash(&bytes);
            if self.last == Some(h) {
                return None;
            }
            self.last = Some(h);
            return Some(match import::import_bytes(&bytes, source, &path, None) {
                Ok(i) => Notice::Reloaded(Arc::new(i.briefing)),
                Err(e) => Notice::ReloadFailed(first_line(&e.to_string())),
            });
        }
        let text = match files::read_text(&path) {
            Ok(t) => t,
            // Between an editor's delete and its write: the next change brings it back.
            Err(e) => return Some(Notice::ReloadFailed(first_line(&e.to_string()))),
        };
        let h = hash(&text);
        if self.last == Some(h) {
            return None;
        }
        self.last = Some(h);
        Some(match load_text(&text, &path) {
            Ok(b) => Notice::Reloaded(Arc::new(b)),
            Err(why) => Notice::ReloadFailed(why),
        })
    }
}

impl Hooks for FileHooks {
    fn set_wake(&mut self, wake: Wake) {
        self.wake = Some(wake);
        // A file that cannot be watched is still shown; the reader says so once.
        self.start_watching_aside();
    }

    fn poll_every(&self) -> Option<std::time::Duration> {
        None
    }

    fn pending_notices(&mut self) -> Vec<Notice> {
        let mut notices = std::mem::take(&mut self.pending);
        notices.extend(self.take_started());
        if self.changed.swap(false, Ordering::Acquire)
            && self.watch.as_ref().is_some_and(|w| !w.take().is_empty())
        {
            notices.extend(self.reload());
        }
        notices
    }

    fn edit(&mut self, state: &State) -> Option<Vec<Notice>> {
        let path = self.path.clone()?;
        let mut notices = Vec::new();
        let shown = path.display().to_string();
        if import::is_release_path(&shown) {
            match ask_about_release(&path) {
                ReleaseChoice::Release => {}
                ReleaseChoice::Briefing(to) => {
                    self.path = Some(to);
                    self.last = None;
                    notices.extend(self.start_watching());
                }
                ReleaseChoice::Cancel => return Some(notices),
                ReleaseChoice::Failed(why) => {
                    notices.push(Notice::Said(why));
                    return Some(notices);
                }
            }
        }
        let path = self.path.clone()?.display().to_string();
        // Unreadable now: the editor still opens the file, at no particular line.
        let text = files::read_text(&path).unwrap_or_default();
        let line = crate::app::copy::focused_origin(state)
            .and_then(|origin| line_for(&text, &path, &state.content.briefing, origin));
        if let Err(why) = crate::editor::run(&crate::editor::editor_command(), &path, line) {
            notices.push(Notice::Said(why));
        }
        notices.extend(self.reload());
        Some(notices)
    }
}

/// Loads a briefing or a release (by its name) from its text: the version to show, or the
/// first line of why not.
pub fn load_text(text: &str, path: &str) -> Result<Briefing, String> {
    if import::is_release_path(path) {
        import::import_release(text, path, None)
            .map(|i| i.briefing)
            .map_err(|e| first_line(&e.to_string()))
    } else {
        parse_briefing(text, path, Format::from_name(path)).map_err(|e| first_line(&e.to_string()))
    }
}

fn first_line(message: &str) -> String {
    message.lines().next().unwrap_or_default().to_string()
}

fn hash(data: &(impl Hash + ?Sized)) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    data.hash(&mut h);
    h.finish()
}

/// Where the item `origin` starts in the file: its value in a briefing, its words in a
/// release.
fn line_for(text: &str, path: &str, b: &Briefing, origin: Origin) -> Option<usize> {
    if import::is_release_path(path) {
        let words = match origin {
            Origin::Quote(i) => b.quotes.get(i).map(|q| q.text.as_str()),
            Origin::Paragraph(i) => b.summary.get(i).map(String::as_str),
            Origin::Area(i) => b.cooperation_areas.get(i).map(|a| a.label.as_str()),
            Origin::Threat(i) => b.threats.get(i).map(|t| t.label.as_str()),
            Origin::Caption => b.caption.as_deref(),
            Origin::Facts | Origin::Links => None,
        }?;
        return line_of_words(text, words);
    }
    let at: Vec<Seg<'_>> = match origin {
        Origin::Caption => vec![Seg::Key("caption")],
        Origin::Facts => vec![Seg::Key("date")],
        Origin::Paragraph(i) => vec![Seg::Key("summary"), Seg::Index(i)],
        Origin::Links => vec![Seg::Key("links")],
        Origin::Quote(i) => vec![Seg::Key("quotes"), Seg::Index(i)],
        Origin::Area(i) => vec![Seg::Key("cooperation_areas"), Seg::Index(i)],
        Origin::Threat(i) => vec![Seg::Key("threats"), Seg::Index(i)],
    };
    line_of(text, Format::from_name(path), &at)
}

/// The line where the first words of `words` appear in `text`, if they do.
fn line_of_words(text: &str, words: &str) -> Option<usize> {
    let first: Vec<&str> = words.split_whitespace().take(6).collect();
    for n in [first.len(), 3, 1] {
        let probe = first.get(..n.min(first.len()))?.join(" ");
        if probe.is_empty() {
            return None;
        }
        if let Some(at) = text.find(&probe) {
            return Some(text.get(..at)?.matches('\n').count() + 1);
        }
    }
    None
}

/// What to edit for a release: the release, a briefing written next to it, or nothing.
enum ReleaseChoice {
    Release,
    Briefing(PathBuf),
    Cancel,
    Failed(String),
}

/// Asks on the terminal (given back to the shell meanwhile) what to edit for a release.
fn ask_about_release(release: &Path) -> ReleaseChoice {
    let target = release.with_extension("toml");
    let exists = target.exists();
    let Ok(mut tty) = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/tty")
    else {
        return ReleaseChoice::Release;
    };
    let name = release.display();
    let other = target.display();
    let b_line = if exists {
        format!("  b  edit {other}, which exists already (it is not written over)")
    } else {
        format!("  b  write the structured briefing to {other} and edit that")
    };
    let _ = write!(
        tty,
        "\n{name} is a press release, structured on the fly.\n  \
         r  edit the release itself (it is structured again when saved)\n{b_line}\n  \
         anything else: back to the reader\n? "
    );
    let _ = tty.flush();
    let mut answer = String::new();
    if std::io::BufReader::new(&tty)
        .read_line(&mut answer)
        .is_err()
    {
        return ReleaseChoice::Cancel;
    }
    match answer.trim() {
        "r" | "R" => ReleaseChoice::Release,
        "b" | "B" if exists => ReleaseChoice::Briefing(target),
        "b" | "B" => match write_briefing(release, &target) {
            Ok(()) => ReleaseChoice::Briefing(target),
            Err(why) => ReleaseChoice::Failed(why),
        },
        _ => ReleaseChoice::Cancel,
    }
}

/// Structures `release` and writes the briefing to `target`, never over an existing file.
fn write_briefing(release: &Path, target: &Path) -> Result<(), String> {
    let path = release.display().to_string();
    let text = files::read_text(&path).map_err(|e| first_line(&e.to_string()))?;
    let imported =
        import::import_release(&text, &path, None).map_err(|e| first_line(&e.to_string()))?;
    let toml = import::render(&imported, &path, Format::Toml).map_err(|e| e.to_string())?;
    files::write_new(target, &toml, Overwrite::Refuse).map_err(|e| first_line(&format!("{e:#}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_release_line_is_where_its_words_are() {
        let text = "Title\n\nSome lead.\n\n« Cet accord  renforce notre action », a dit X.\n";
        assert_eq!(
            line_of_words(text, "Cet accord renforce notre action"),
            Some(5)
        );
        assert_eq!(line_of_words(text, "Some lead. More words here"), Some(3));
        assert_eq!(line_of_words(text, "Absent words"), None);
    }

    #[test]
    fn a_saved_page_is_structured_again_when_it_changes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("release.html");
        let page = |title: &str| {
            format!(
                "<html lang=\"en\"><head><title>{title}</title></head><body><article><h1>{title}</h1>\
                 <p>The agencies agreed today to step up the exchange of information against \
                 drug trafficking and money laundering across the region, the ministry said.</p>\
                 </article></body></html>"
            )
        };
        std::fs::write(&path, page("Agencies agree to share information")).unwrap();
        let name = path.display().to_string();
        let mut hooks = FileHooks::new(Some(&name), None);
        assert!(
            matches!(hooks.reload(), Some(Notice::Reloaded(_))),
            "first look"
        );
        assert_eq!(hooks.reload(), None, "nothing changed");
        std::fs::write(&path, page("Agencies sign the agreement")).unwrap();
        match hooks.reload() {
            Some(Notice::Reloaded(b)) => assert_eq!(b.title, "Agencies sign the agreement"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_reload_reports_a_change_once_and_a_broken_file_by_its_first_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.toml");
        std::fs::write(&path, crate::model::BUNDLED_TOML).unwrap();
        let name = path.display().to_string();
        let mut hooks = FileHooks::new(Some(&name), Some(crate::model::BUNDLED_TOML));
        assert_eq!(hooks.reload(), None, "nothing changed");
        let edited = crate::model::BUNDLED_TOML.replacen("title = \"", "title = \"NEW ", 1);
        std::fs::write(&path, &edited).unwrap();
        match hooks.reload() {
            Some(Notice::Reloaded(b)) => assert!(b.title.starts_with("NEW "), "{}", b.title),
            other => panic!("{other:?}"),
        }
        assert_eq!(hooks.reload(), None, "once");
        std::fs::write(&path, "title = \"unclosed\n").unwrap();
        match hooks.reload() {
            Some(Notice::ReloadFailed(why)) => {
                assert!(why.starts_with(&format!("{name}:1:")), "{why}");
                assert!(!why.contains('\n'));
            }
            other => panic!("{other:?}"),
        }
        // Fixed back to the last good text: loaded again, the problem gone.
        std::fs::write(&path, &edited).unwrap();
        assert!(matches!(hooks.reload(), Some(Notice::Reloaded(_))));
    }
}
