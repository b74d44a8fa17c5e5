//! A library: every briefing and release of a folder, listed, sorted, filtered and searched as
//! one. [`Library`] is plain data and [`update`] is pure, as for the reader; the edge
//! (`crate::library`) scans the folder, loads and caches the files, watches them, and opens
//! the reader on the briefing [`LibEffect::Open`] names. No I/O here.

pub mod entry;
pub mod filter;
pub mod labels;

use std::cmp::Reverse;
use std::sync::Arc;

use crate::app::action::Action;
use crate::app::key::Key;
use crate::app::keymap::{Ctx, Keymap};
use crate::app::state::{Pane, PaneView, Size, State};
use crate::model::Lang;
pub use entry::{Entry, Folded, ItemRef, Summary};
pub use filter::{Facet, FacetKind, Filter};

/// The orders the list can be sorted in; `s` goes to the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Sort {
    /// Newest first; undated last.
    #[default]
    Date,
    /// By headline.
    Title,
    /// By publisher (or first party).
    Publisher,
    /// By path in the folder.
    Path,
}

impl Sort {
    /// The next order, wrapping around.
    pub fn next(self) -> Sort {
        match self {
            Sort::Date => Sort::Title,
            Sort::Title => Sort::Publisher,
            Sort::Publisher => Sort::Path,
            Sort::Path => Sort::Date,
        }
    }

    /// Its name in the header.
    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Sort::Date, _) => "date",
            (Sort::Title, Lang::En) => "title",
            (Sort::Title, Lang::Fr) => "titre",
            (Sort::Publisher, Lang::En) => "publisher",
            (Sort::Publisher, Lang::Fr) => "éditeur",
            (Sort::Path, Lang::En) => "file",
            (Sort::Path, Lang::Fr) => "fichier",
        }
    }
}

/// What fills the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum View {
    /// One line per briefing.
    #[default]
    List,
    /// The items that match the search, grouped by briefing.
    Matches,
}

/// What is open over the view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Overlay {
    /// Nothing.
    #[default]
    None,
    /// Typing in the filter line.
    Filter,
    /// The facet panel has the keys.
    Facets,
    /// The help.
    Help,
}

/// One row of the matches view: a briefing's heading (`item: None`) or one of its items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Hit {
    /// The entry, by index in [`Library::entries`].
    pub entry: usize,
    /// The item, or `None` for the briefing's heading row.
    pub item: Option<ItemRef>,
}

/// The most rows the matches view keeps; the header says when there were more.
pub const MAX_HITS: usize = 20_000;

/// A scrolled list's selection and the row at its top.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Cursor {
    /// The selected row.
    pub selected: usize,
    /// The row at the top of the screen.
    pub top: usize,
}

impl Cursor {
    /// Moves by `delta` rows within `len`, keeping the selection in a window of `rows`.
    fn step(&mut self, delta: isize, len: usize, rows: usize) {
        let last = len.saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
        self.clamp(len, rows);
    }

    /// Keeps both within `len` and the selection on screen.
    fn clamp(&mut self, len: usize, rows: usize) {
        let rows = rows.max(1);
        self.selected = self.selected.min(len.saturating_sub(1));
        if self.selected < self.top {
            self.top = self.selected;
        }
        if self.selected >= self.top + rows {
            self.top = self.selected + 1 - rows;
        }
        self.top = self.top.min(len.saturating_sub(rows));
    }
}

/// Everything the library shows, as plain data.
#[derive(Debug, Clone, PartialEq)]
pub struct Library {
    /// The folder, as the user named it.
    pub root: String,
    /// Every file found, by path (shared, replaced whole when the folder changes).
    pub entries: Arc<Vec<Entry>>,
    /// The interface language.
    pub lang: Lang,
    /// True when the user chose the language (`--lang`); else the reader speaks each
    /// briefing's own.
    pub lang_chosen: bool,
    /// The viewport.
    pub size: Size,
    /// The list's order.
    pub sort: Sort,
    /// List or matches.
    pub view: View,
    /// What is open over it.
    pub overlay: Overlay,
    /// The filter line as typed.
    pub line: String,
    /// The line before typing started, put back if the typing is cancelled.
    pub line_before: String,
    /// The filter line, parsed.
    pub filter: Filter,
    /// The entries the filter keeps, in the list's order.
    pub shown: Vec<usize>,
    /// The list's selection.
    pub list: Cursor,
    /// The matches view's rows.
    pub hits: Vec<Hit>,
    /// True when there were more matches than [`MAX_HITS`].
    pub hits_capped: bool,
    /// The matches view's selection.
    pub matches: Cursor,
    /// The facets of the entries shown, while the facet panel is open.
    pub facets: Vec<Facet>,
    /// The facet panel's selection.
    pub facet: Cursor,
    /// How far the help is scrolled.
    pub help_scroll: usize,
    /// What the last change was, for the status line, until the next key.
    pub note: Option<String>,
    /// The keys: the built-in table patched by the user's configuration, shared with the
    /// readers it opens.
    pub keymap: Arc<Keymap>,
    /// While the folder is being read: how many files are still to read (none yet known
    /// while it is walked). `None` once every file is listed.
    pub loading: Option<usize>,
    /// True when the interface speaks the language of most of the briefings, again as they
    /// come (nobody chose one).
    pub follow_lang: bool,
}

/// A folder's entries as its edge knows them: every file's so far, and how many files are
/// still being read.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Update {
    /// Every entry known, in any order.
    pub entries: Vec<Entry>,
    /// Files found and not read yet.
    pub pending: usize,
}

/// What the edge must do after an update.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum LibEffect {
    /// Nothing beyond drawing.
    #[default]
    None,
    /// End the program.
    Quit,
    /// Stop until resumed.
    Suspend,
    /// Draw everything again.
    Redraw,
    /// Open the reader on this entry, at this item if any, with this search.
    Open {
        /// The entry, by index in [`Library::entries`].
        entry: usize,
        /// Where to open it.
        at: Option<ItemRef>,
    },
}

impl Library {
    /// A library of `entries` (any order) found under `root`.
    pub fn new(root: impl Into<String>, entries: Vec<Entry>, lang: Lang, size: Size) -> Library {
        let mut lib = Library {
            root: root.into(),
            entries: Arc::new(Vec::new()),
            lang,
            lang_chosen: false,
            size,
            sort: Sort::Date,
            view: View::List,
            overlay: Overlay::None,
            line: String::new(),
            line_before: String::new(),
            filter: Filter::default(),
            shown: Vec::new(),
            list: Cursor::default(),
            hits: Vec::new(),
            hits_capped: false,
            matches: Cursor::default(),
            facets: Vec::new(),
            facet: Cursor::default(),
            help_scroll: 0,
            note: None,
            keymap: Keymap::builtin(),
            loading: None,
            follow_lang: false,
        };
        lib.set_entries(entries);
        lib
    }

    /// Replaces the entries (the folder changed), keeping the selected file selected when it
    /// is still shown.
    pub fn set_entries(&mut self, entries: Vec<Entry>) {
        let selected = self.selected_path();
        self.replace_entries(entries, selected.as_deref());
    }

    fn replace_entries(&mut self, mut entries: Vec<Entry>, keep: Option<&str>) {
        entries.sort_by(|a, b| a.path.cmp(&b.path));
        self.entries = Arc::new(entries);
        self.refresh(keep);
    }

    /// Takes what the folder's edge knows now: the entries so far, and how many files are
    /// still to read. While the folder is read, a list not moved from its first row stays
    /// there (the newest come in above what was first); once moved, the selection follows
    /// its file.
    pub fn apply(&mut self, update: Update) {
        let at_top = self.loading.is_some() && self.list.selected == 0;
        self.loading = (update.pending > 0).then_some(update.pending);
        if at_top {
            self.replace_entries(update.entries, None);
        } else {
            self.set_entries(update.entries);
        }
        if self.follow_lang {
            self.lang = majority_lang(&self.entries);
        }
    }

    /// The entry selected in the list.
    pub fn selected(&self) -> Option<&Entry> {
        self.shown
            .get(self.list.selected)
            .and_then(|&i| self.entries.get(i))
    }

    fn selected_path(&self) -> Option<String> {
        self.selected().map(|e| e.path.clone())
    }

    /// The plain words of the filter line, as typed (not folded).
    pub fn line_words(&self) -> String {
        self.line
            .split_whitespace()
            .filter(|w| !filter::KEYWORDS.iter().any(|k| w.starts_with(k)) && !w.contains(':'))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// How many entries failed to load.
    pub fn failed(&self) -> usize {
        self.entries.iter().filter(|e| e.loaded.is_err()).count()
    }

    /// Filters, sorts, finds the matches and counts the facets again, keeping `keep`
    /// selected if it is still shown.
    fn refresh(&mut self, keep: Option<&str>) {
        self.refresh_with(keep, false);
    }

    /// [`Library::refresh`] after a key typed in the filter line, the entries unchanged: a
    /// search that narrows the last one (its phrase longer, the rest the same) looks only
    /// through the briefings the last one kept, already in order.
    fn refresh_typed(&mut self) {
        self.refresh_with(None, true);
    }

    fn refresh_with(&mut self, keep: Option<&str>, typed: bool) {
        let filter = Filter::parse(&self.line);
        let entries = Arc::clone(&self.entries);
        let shown: Vec<usize> = if typed && filter.narrows(&self.filter) {
            self.shown
                .iter()
                .copied()
                .filter(|&i| entries.get(i).is_some_and(|e| filter.keeps(e)))
                .collect()
        } else {
            let mut shown: Vec<usize> = (0..entries.len())
                .filter(|&i| entries.get(i).is_some_and(|e| filter.keeps(e)))
                .collect();
            sort(&mut shown, &entries, self.sort);
            shown
        };
        self.filter = filter;
        self.shown = shown;
        if let Some(path) = keep
            && let Some(i) = self
                .shown
                .iter()
                .position(|&i| entries.get(i).is_some_and(|e| e.path == path))
        {
            self.list.selected = i;
        }
        self.hits.clear();
        self.hits_capped = false;
        let needle = &self.filter.text;
        if !needle.is_empty() {
            'all: for &i in &self.shown {
                let Some(s) = entries.get(i).and_then(Entry::summary) else {
                    continue;
                };
                let items = s.items_matching(needle);
                if items.is_empty() {
                    continue;
                }
                for item in std::iter::once(None).chain(items.into_iter().map(Some)) {
                    if self.hits.len() >= MAX_HITS {
                        self.hits_capped = true;
                        break 'all;
                    }
                    self.hits.push(Hit { entry: i, item });
                }
            }
        }
        self.count_facets();
        self.clamp();
    }

    /// Counts the facets of the entries shown, while the panel is open (counting them on
    /// every key of a search across thousands of briefings would be wasted).
    fn count_facets(&mut self) {
        if self.overlay == Overlay::Facets {
            let entries = Arc::clone(&self.entries);
            self.facets = filter::facets(self.shown.iter().filter_map(|&i| entries.get(i)));
        } else {
            self.facets.clear();
        }
    }

    /// Rows of the list or the matches on screen: all but the header, the column titles
    /// and the status line.
    pub fn rows(&self) -> usize {
        usize::from(self.size.height.saturating_sub(3))
    }

    /// Rows of the facet panel (inside its border).
    pub fn facet_rows(&self) -> usize {
        usize::from(self.size.height.saturating_sub(5))
    }

    fn clamp(&mut self) {
        let rows = self.rows();
        self.list.clamp(self.shown.len(), rows);
        self.matches.clamp(self.hits.len(), rows);
        self.facet.clamp(self.facets.len(), self.facet_rows());
        if self.view == View::Matches && self.hits.is_empty() && self.overlay != Overlay::Filter {
            self.view = View::List;
        }
    }

    /// The contexts of the keymap that apply now, most specific first.
    pub fn contexts(&self) -> &'static [Ctx] {
        match (self.overlay, self.view) {
            (Overlay::Filter, _) => &[Ctx::LibraryFilter, Ctx::Always],
            (Overlay::Facets, _) => &[Ctx::Facets, Ctx::Always],
            (Overlay::Help, _) => &[Ctx::Help, Ctx::Always],
            (Overlay::None, View::List) => &[Ctx::Library, Ctx::Always],
            (Overlay::None, View::Matches) => &[Ctx::Matches, Ctx::Library, Ctx::Always],
        }
    }

    /// Checks every index against its bounds; used by property tests after every step.
    pub fn check_invariants(&self) -> Result<(), String> {
        let check = |name: &str, c: Cursor, len: usize| {
            if len > 0 && c.selected >= len {
                return Err(format!("{name}: row {} of {len}", c.selected));
            }
            if c.top > c.selected {
                return Err(format!("{name}: top {} below {}", c.top, c.selected));
            }
            Ok(())
        };
        check("list", self.list, self.shown.len())?;
        check("matches", self.matches, self.hits.len())?;
        check("facets", self.facet, self.facets.len())?;
        if self.shown.iter().any(|&i| i >= self.entries.len()) {
            return Err("a shown entry out of range".into());
        }
        Ok(())
    }
}

/// The interface's language for `entries`: French when most of the briefings that load are,
/// else English.
pub fn majority_lang(entries: &[Entry]) -> Lang {
    let fr = entries
        .iter()
        .filter_map(Entry::summary)
        .filter(|s| s.lang().starts_with("fr"))
        .count();
    let loaded = entries.iter().filter(|e| e.loaded.is_ok()).count();
    if fr * 2 > loaded { Lang::Fr } else { Lang::En }
}

/// Sorts entry indexes by `key`; ties (and files that failed) go by path.
fn sort(shown: &mut [usize], entries: &[Entry], key: Sort) {
    let path = |i: &usize| entries.get(*i).map_or("", |e| e.path.as_str());
    let summary = |i: &usize| entries.get(*i).and_then(Entry::summary);
    match key {
        Sort::Date => shown.sort_by(|a, b| {
            let da = summary(a).and_then(Summary::date);
            let db = summary(b).and_then(Summary::date);
            // Newest first, undated last, then by path.
            (da.is_none(), Reverse(da), path(a)).cmp(&(db.is_none(), Reverse(db), path(b)))
        }),
        Sort::Title => shown.sort_by_cached_key(|i| {
            let t = summary(i).map(|s| crate::app::text::fold_text(s.title()));
            (t.is_none(), t, path(i).to_string())
        }),
        Sort::Publisher => shown.sort_by_cached_key(|i| {
            let p = summary(i).map(|s| crate::app::text::fold_text(&s.publisher));
            (
                p.as_deref().is_none_or(str::is_empty),
                p,
                path(i).to_string(),
            )
        }),
        Sort::Path => shown.sort_by(|a, b| path(a).cmp(path(b))),
    }
}

/// Applies a pressed key: the keymap's action for the library's contexts, or a character
/// typed into the filter line.
pub fn press(lib: &mut Library, key: Key) -> LibEffect {
    lib.note = None;
    let mut effect = LibEffect::None;
    let keymap = Arc::clone(&lib.keymap);
    for key in keymap.keys_of(key) {
        let action = keymap
            .resolve_in(lib.contexts(), key)
            .or(match (lib.overlay, key) {
                (Overlay::Filter, Key::Char(c)) => Some(Action::SearchInput(c)),
                _ => None,
            });
        if let Some(action) = action {
            match update(lib, action) {
                LibEffect::None => {}
                LibEffect::Quit => return LibEffect::Quit,
                other => effect = other,
            }
        }
    }
    effect
}

/// Applies `action` to the library. Total and pure: every action in every state.
pub fn update(lib: &mut Library, action: Action) -> LibEffect {
    let rows = lib.rows();
    let page = isize::try_from(rows.saturating_sub(1).max(1)).unwrap_or(1);
    match action {
        Action::Quit => return LibEffect::Quit,
        Action::Suspend => return LibEffect::Suspend,
        Action::Redraw => return LibEffect::Redraw,
        Action::Resize(size) => lib.size = size,
        Action::ToggleHelp => {
            lib.help_scroll = 0;
            lib.overlay = if lib.overlay == Overlay::Help {
                Overlay::None
            } else {
                Overlay::Help
            };
        }
        Action::StartSearch => {
            lib.line_before = lib.line.clone();
            lib.overlay = Overlay::Filter;
        }
        Action::SearchInput(c) if lib.overlay == Overlay::Filter => {
            lib.line.push(c);
            lib.refresh_typed();
            lib.list = Cursor::default();
            lib.matches = Cursor::default();
        }
        Action::SearchBackspace if lib.overlay == Overlay::Filter => {
            lib.line.pop();
            lib.refresh(None);
        }
        Action::SearchSubmit => lib.overlay = Overlay::None,
        Action::SearchCancel => {
            lib.line = std::mem::take(&mut lib.line_before);
            lib.overlay = Overlay::None;
            lib.refresh(None);
        }
        Action::Back => {
            let keep = lib.selected_path();
            lib.line.clear();
            lib.view = View::List;
            lib.refresh(keep.as_deref());
        }
        Action::NextSort => {
            let keep = lib.selected_path();
            lib.sort = lib.sort.next();
            lib.refresh(keep.as_deref());
        }
        Action::ToggleMatches => {
            if lib.overlay == Overlay::Filter {
                lib.overlay = Overlay::None;
                lib.view = View::List;
            }
            lib.view = match lib.view {
                View::List if !lib.hits.is_empty() => View::Matches,
                View::List => {
                    let said = labels::labels(lib.lang).no_matches;
                    lib.note = Some(
                        match lib.keymap.key_for(Ctx::Library, Action::StartSearch) {
                            Some(key) => format!("{said} ({key})"),
                            None => said.to_string(),
                        },
                    );
                    View::List
                }
                View::Matches => View::List,
            };
        }
        Action::ToggleFacets => {
            lib.overlay = if lib.overlay == Overlay::Facets {
                Overlay::None
            } else {
                Overlay::Facets
            };
            lib.facet = Cursor::default();
            lib.count_facets();
        }
        Action::OpenSelected => return open_selected(lib),
        Action::ScrollDown => step(lib, 1),
        Action::ScrollUp => step(lib, -1),
        Action::PageDown => step(lib, page),
        Action::PageUp => step(lib, -page),
        Action::Top => step(lib, isize::MIN / 2),
        Action::Bottom => step(lib, isize::MAX / 2),
        _ => {}
    }
    lib.clamp();
    LibEffect::None
}

/// Moves the selection of whatever has the keys.
fn step(lib: &mut Library, delta: isize) {
    let rows = lib.rows();
    match (lib.overlay, lib.view) {
        (Overlay::Help, _) => {
            let last = lib.keymap.library_help_lines(lib.lang).len();
            lib.help_scroll = lib.help_scroll.saturating_add_signed(delta).min(last);
        }
        (Overlay::Facets, _) => lib.facet.step(delta, lib.facets.len(), lib.facet_rows()),
        (_, View::List) => lib.list.step(delta, lib.shown.len(), rows),
        (_, View::Matches) => lib.matches.step(delta, lib.hits.len(), rows),
    }
}

fn open_selected(lib: &mut Library) -> LibEffect {
    match (lib.overlay, lib.view) {
        (Overlay::Facets, _) => {
            if let Some(f) = lib.facets.get(lib.facet.selected).cloned() {
                lib.line = filter::with_facet(&lib.line, &f);
                lib.overlay = Overlay::None;
                lib.refresh(None);
                lib.list = Cursor::default();
            }
            LibEffect::None
        }
        (_, view) => {
            let (entry, at) = match view {
                View::Matches => match lib.hits.get(lib.matches.selected) {
                    Some(hit) => (hit.entry, hit.item),
                    None => return LibEffect::None,
                },
                View::List => match lib.shown.get(lib.list.selected) {
                    Some(&entry) => (entry, None),
                    None => return LibEffect::None,
                },
            };
            // A briefing kept as JSON by the index is read now (it was checked when written).
            let reads = lib
                .entries
                .get(entry)
                .and_then(Entry::summary)
                .is_some_and(|s| s.briefing().is_some());
            let pending = lib
                .entries
                .get(entry)
                .and_then(Entry::summary)
                .is_some_and(|s| s.pending);
            if reads {
                LibEffect::Open { entry, at }
            } else if pending {
                lib.note = Some(labels::labels(lib.lang).not_read_yet.to_string());
                LibEffect::None
            } else {
                lib.note = Some(labels::labels(lib.lang).does_not_load.to_string());
                LibEffect::None
            }
        }
    }
}

/// The reader on `entry`'s briefing, at `at` if given, for a reader opened from the library.
pub fn reader_for(lib: &Library, entry: usize, at: Option<ItemRef>) -> Option<State> {
    let briefing = lib.entries.get(entry)?.summary()?.briefing()?;
    let lang = if lib.lang_chosen {
        lib.lang
    } else {
        Lang::for_interface(briefing.lang.as_deref())
    };
    let mut state = State::new((*briefing).clone(), lang, lib.size);
    state.keymap = Arc::clone(&lib.keymap);
    if let Some(at) = at {
        // The words searched for stay highlighted in the reader, and `n` goes on from there.
        let words = lib.line_words();
        if !words.is_empty() {
            crate::app::update(&mut state, Action::StartSearch);
            for c in words.chars() {
                crate::app::update(&mut state, Action::SearchInput(c));
            }
            crate::app::update(&mut state, Action::SearchSubmit);
        }
        open_at(&mut state, at);
        // The current match is the first in the item opened at, so `n` goes on from it.
        let (pane, item) = (state.focus, state.view(state.focus).item);
        if let Some(i) = state
            .search
            .matches
            .iter()
            .position(|m| m.pane == pane && m.item >= item)
        {
            state.search.current = Some(i);
        }
    }
    Some(state)
}

/// Focuses the pane of `item` with it at the top.
pub fn open_at(state: &mut State, item: ItemRef) {
    use crate::app::content::Origin;
    let (pane, origin) = match item {
        ItemRef::Title => (Pane::Summary, None),
        ItemRef::Paragraph(i) => (Pane::Summary, Some(Origin::Paragraph(i))),
        ItemRef::Quote(i) => (Pane::Quotes, Some(Origin::Quote(i))),
        ItemRef::Area(i) => (Pane::Areas, Some(Origin::Area(i))),
        ItemRef::Threat(i) => (Pane::Threats, Some(Origin::Threat(i))),
    };
    state.focus = pane;
    let at = origin
        .and_then(|o| {
            state
                .content
                .items(pane)
                .iter()
                .position(|it| it.origin == o)
        })
        // The title, or an item the pane does not show: its first item.
        .unwrap_or(0);
    state.views[pane.index()] = PaneView { item: at, line: 0 };
    crate::app::update::normalize(state);
}

/// True when `key` in the reader opened from a library goes back to the list, as `q` does:
/// the reader's key to step back (Esc, unless the configuration moved it) while reading the
/// panes (a zoom, a prompt or an overlay is closed first). The search the library carried
/// over goes with it.
pub fn leaves_reader(state: &State, key: Key) -> bool {
    state.mode == crate::app::Mode::Reading
        && state.keymap.resolve(state.mode, key) == Some(Action::Back)
}

/// A library with the reader it has open, if any: `briefing DIR` as one pure state machine,
/// for snapshots and key-sequence tests. (The terminal runs the reader in its own loop, with
/// [`leaves_reader`] to come back.)
#[derive(Debug, Clone)]
pub struct Browse {
    /// The list.
    pub lib: Library,
    /// The reader open on an entry (by index), if any.
    pub reader: Option<(State, usize)>,
}

impl Browse {
    /// The list, no reader open.
    pub fn new(lib: Library) -> Browse {
        Browse { lib, reader: None }
    }

    /// Applies a key to the reader if one is open, else to the list; false once the user
    /// quit the library.
    pub fn press(&mut self, key: Key) -> bool {
        // Ctrl-C ends the program from anywhere, as in the reader opened alone.
        if key == Key::Ctrl('c') {
            return false;
        }
        if let Some((state, _)) = &mut self.reader {
            if leaves_reader(state, key)
                || crate::app::press(state, key) == crate::app::Effect::Quit
            {
                self.reader = None;
            }
            return true;
        }
        match press(&mut self.lib, key) {
            LibEffect::Open { entry, at } => {
                self.reader = reader_for(&self.lib, entry, at).map(|s| (s, entry));
                true
            }
            LibEffect::Quit => false,
            LibEffect::None | LibEffect::Suspend | LibEffect::Redraw => true,
        }
    }
}

/// What a library's terminal loop needs from its edge: the folder's changes, and hooks for
/// the reader it opens (the file watched and editable).
pub trait LibraryHooks {
    /// Hands the hooks the way to wake the loop, once, before it starts waiting.
    fn set_wake(&mut self, wake: crate::app::hooks::Wake);
    /// The folder's entries, when they changed since the last call.
    fn changed(&mut self) -> Option<Update>;
    /// Hooks for the reader opened on `entry`.
    fn reader_hooks(&mut self, entry: &Entry) -> Box<dyn crate::app::Hooks>;
}

#[cfg(test)]
mod tests;
