//! The one keymap table: it maps keys to actions, and it also produces the help overlay, the
//! status line hints and the README's key list (a test fails when the README drifts).

use std::collections::HashMap;
use std::sync::{Arc, LazyLock};

use crate::app::action::Action;
use crate::app::key::{Key, parse_keys};
use crate::app::state::{Mode, Pane};
use crate::model::Lang;

mod patch;
pub use patch::{KeyPatch, Unbound, action_name, actions_in};

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Ctx {
    /// Everywhere, even while typing a query.
    Always,
    /// Reading the panes, zoomed or not.
    Panes,
    /// Typing a search query.
    Search,
    /// The help overlay.
    Help,
    /// The list of links.
    Links,
    /// Presenting slides.
    Present,
    /// The list of slides.
    Overview,
    /// The presenter view (`present --notes`).
    PresenterView,
    /// A library's list of briefings (`briefing DIR`).
    Library,
    /// A library's matches, grouped by briefing.
    Matches,
    /// Typing a library's filter line.
    LibraryFilter,
    /// A library's facet panel.
    Facets,
}

impl Ctx {
    /// Section titles in the help overlay and the README.
    pub fn title(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Ctx::Always, Lang::En) => "Everywhere",
            (Ctx::Always, Lang::Fr) => "Partout",
            (Ctx::Panes, Lang::En) => "Reading",
            (Ctx::Panes, Lang::Fr) => "Lecture",
            (Ctx::Search, Lang::En) => "Search",
            (Ctx::Search, Lang::Fr) => "Recherche",
            (Ctx::Help, Lang::En) => "Help",
            (Ctx::Help, Lang::Fr) => "Aide",
            (Ctx::Links, Lang::En) => "Links",
            (Ctx::Links, Lang::Fr) => "Liens",
            (Ctx::Present, Lang::En) => "Presentation",
            (Ctx::Present, Lang::Fr) => "Présentation",
            (Ctx::Overview, Lang::En) => "Overview of the slides",
            (Ctx::Overview, Lang::Fr) => "Sommaire des diapositives",
            (Ctx::PresenterView, Lang::En) => "Presenter view",
            (Ctx::PresenterView, Lang::Fr) => "Vue du présentateur",
            (Ctx::Library, Lang::En) => "Library (briefing DIR)",
            (Ctx::Library, Lang::Fr) => "Bibliothèque (briefing DOSSIER)",
            (Ctx::Matches, Lang::En) => "Library: matches",
            (Ctx::Matches, Lang::Fr) => "Bibliothèque : résultats",
            (Ctx::LibraryFilter, Lang::En) => "Library: filter line",
            (Ctx::LibraryFilter, Lang::Fr) => "Bibliothèque : filtre",
            (Ctx::Facets, Lang::En) => "Library: facets",
            (Ctx::Facets, Lang::Fr) => "Bibliothèque : facettes",
        }
    }

    /// The contexts a mode listens to, most specific first.
    fn of(mode: Mode) -> &'static [Ctx] {
        match mode {
            Mode::Reading | Mode::Zoom => &[Ctx::Panes, Ctx::Always],
            Mode::Search(_) => &[Ctx::Search, Ctx::Always],
            Mode::Help(_) => &[Ctx::Help, Ctx::Always],
            Mode::Links(_) => &[Ctx::Links, Ctx::Always],
            Mode::Present => &[Ctx::Present, Ctx::Always],
            Mode::Overview => &[Ctx::Overview, Ctx::Always],
            Mode::PresenterView => &[Ctx::PresenterView, Ctx::Always],
            Mode::Quit => &[],
        }
    }
}

/// One row of the table: in `ctx`, any of `keys` does `action`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Binding {
    /// Where it applies.
    pub ctx: Ctx,
    /// Keys in our notation.
    pub keys: &'static [&'static str],
    /// What they do; `None` for a row that only documents (typing a query).
    pub action: Option<Action>,
    /// Short description in English.
    pub en: &'static str,
    /// Short description in French.
    pub fr: &'static str,
}

impl Binding {
    /// The description in `lang`.
    pub fn desc(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Fr => self.fr,
        }
    }
}

const fn bind(
    ctx: Ctx,
    keys: &'static [&'static str],
    action: Action,
    en: &'static str,
    fr: &'static str,
) -> Binding {
    Binding {
        ctx,
        keys,
        action: Some(action),
        en,
        fr,
    }
}

use Action as A;
use Ctx::{
    Always, Facets, Help, Library, LibraryFilter, Links, Matches, Overview, Panes, Present,
    PresenterView, Search,
};

/// Every key binding of the reader.
#[rustfmt::skip]
pub static TABLE: &[Binding] = &[
    bind(Panes, &["<Tab>", "l", "<Right>"], A::NextPane, "next pane", "panneau suivant"),
    bind(Panes, &["<S-Tab>", "h", "<Left>"], A::PrevPane, "previous pane", "panneau précédent"),
    bind(Panes, &["1"], A::FocusPane(Pane::Summary), "summary", "résumé"),
    bind(Panes, &["2"], A::FocusPane(Pane::Quotes), "quotes", "citations"),
    bind(Panes, &["3"], A::FocusPane(Pane::Areas), "cooperation areas", "domaines de coopération"),
    bind(Panes, &["4"], A::FocusPane(Pane::Threats), "threats", "menaces"),
    bind(Panes, &["j", "<Down>"], A::ScrollDown, "scroll down", "descendre"),
    bind(Panes, &["k", "<Up>"], A::ScrollUp, "scroll up", "monter"),
    bind(Panes, &["<PageDown>", "<Space>", "<C-f>"], A::PageDown, "page down", "page suivante"),
    bind(Panes, &["<PageUp>", "b", "<C-b>"], A::PageUp, "page up", "page précédente"),
    bind(Panes, &["<C-d>"], A::HalfPageDown, "half a page down", "demi-page suivante"),
    bind(Panes, &["<C-u>"], A::HalfPageUp, "half a page up", "demi-page précédente"),
    bind(Panes, &["g", "<Home>"], A::Top, "top", "début"),
    bind(Panes, &["G", "<End>"], A::Bottom, "bottom", "fin"),
    bind(Panes, &["]", "}"], A::NextItem, "next item", "élément suivant"),
    bind(Panes, &["[", "{"], A::PrevItem, "previous item", "élément précédent"),
    bind(Panes, &["<Enter>"], A::ToggleZoom, "zoom the pane, or unzoom", "agrandir le panneau, ou revenir"),
    bind(Panes, &["<Esc>"], A::Back, "unzoom, clear the search", "revenir, effacer la recherche"),
    bind(Panes, &["/"], A::StartSearch, "search", "chercher"),
    bind(Panes, &["n"], A::NextMatch, "next match", "résultat suivant"),
    bind(Panes, &["N"], A::PrevMatch, "previous match", "résultat précédent"),
    bind(Panes, &["p"], A::EnterPresentation, "present from the pane in focus", "présenter depuis ce panneau"),
    bind(Panes, &["f"], A::ToggleFollow, "follow the presenter, or browse (SSH)", "suivre le présentateur, ou naviguer (SSH)"),
    bind(Panes, &["o"], A::ToggleLinks, "links: open or copy one", "liens : en ouvrir ou copier un"),
    bind(Panes, &["y"], A::CopyItem, "copy the item in focus", "copier l'élément courant"),
    bind(Panes, &["e"], A::Edit, "edit the file ($VISUAL, $EDITOR)", "modifier le fichier ($VISUAL, $EDITOR)"),
    bind(Panes, &["m"], A::ToggleMouse, "mouse to the terminal (select text), or back", "souris au terminal (sélectionner), ou retour"),
    bind(Panes, &["?"], A::ToggleHelp, "help", "aide"),
    bind(Panes, &["q"], A::Quit, "quit", "quitter"),
    Binding {
        ctx: Search,
        keys: &["…"],
        action: None,
        en: "type the query; matches show in every pane",
        fr: "taper la recherche ; les résultats s'affichent partout",
    },
    bind(Search, &["<Enter>"], A::SearchSubmit, "keep the query", "garder la recherche"),
    bind(Search, &["<Esc>"], A::SearchCancel, "cancel", "annuler"),
    bind(Search, &["<BS>"], A::SearchBackspace, "delete a character", "effacer un caractère"),
    bind(Search, &["<Up>"], A::HistoryPrev, "previous query in the history", "recherche précédente de l'historique"),
    bind(Search, &["<Down>"], A::HistoryNext, "next query in the history", "recherche suivante de l'historique"),
    bind(Search, &["<C-r>"], A::ToggleRegex, "regular expression, or plain text", "expression régulière, ou texte simple"),
    bind(Present, &["<Right>", "<Space>", "<PageDown>", "l", "j"], A::NextSlide, "next slide", "diapositive suivante"),
    bind(Present, &["<Left>", "<PageUp>", "h", "k"], A::PrevSlide, "previous slide", "diapositive précédente"),
    bind(Present, &["g", "<Home>"], A::FirstSlide, "first slide", "première diapositive"),
    bind(Present, &["G", "<End>"], A::LastSlide, "last slide", "dernière diapositive"),
    Binding {
        ctx: Present,
        keys: &["0…9"],
        action: None,
        en: "type a slide number, then Enter",
        fr: "taper un numéro de diapositive, puis Entrée",
    },
    bind(Present, &["<Enter>"], A::GoToNumber, "go to the typed slide (else the next)", "aller à la diapositive tapée (sinon la suivante)"),
    bind(Present, &["o"], A::ToggleOverview, "overview of the slides", "sommaire des diapositives"),
    bind(Present, &["t"], A::ToggleTimer, "start or pause the timer", "démarrer ou suspendre le chrono"),
    bind(Present, &["b"], A::ToggleBlank, "blank the screen, or show it again", "écran noir, ou le retour"),
    bind(Present, &["p", "<Esc>"], A::LeavePresentation, "back to the reader", "retour à la lecture"),
    bind(Present, &["n"], A::ToggleNotes, "presenter notes, or the slides again (presenter over SSH)", "notes du présentateur, ou les diapositives (présentateur par SSH)"),
    bind(Present, &["f"], A::ToggleFollow, "follow the presenter, or browse (SSH)", "suivre le présentateur, ou naviguer (SSH)"),
    bind(Present, &["?"], A::ToggleHelp, "help", "aide"),
    bind(Present, &["y"], A::CopyItem, "copy the item on the slide", "copier l'élément de la diapositive"),
    bind(Present, &["m"], A::ToggleMouse, "mouse to the terminal (select text), or back", "souris au terminal (sélectionner), ou retour"),
    bind(Present, &["q"], A::Quit, "quit", "quitter"),
    bind(Overview, &["j", "<Down>"], A::ScrollDown, "next line", "ligne suivante"),
    bind(Overview, &["k", "<Up>"], A::ScrollUp, "previous line", "ligne précédente"),
    bind(Overview, &["g", "<Home>"], A::Top, "first", "première"),
    bind(Overview, &["G", "<End>"], A::Bottom, "last", "dernière"),
    bind(Overview, &["<Enter>"], A::PickSlide, "go to that slide", "aller à cette diapositive"),
    bind(Overview, &["o", "<Esc>"], A::ToggleOverview, "close the overview", "fermer le sommaire"),
    bind(Overview, &["?"], A::ToggleHelp, "help", "aide"),
    bind(Overview, &["q"], A::Quit, "quit", "quitter"),
    bind(Links, &["j", "<Down>"], A::ScrollDown, "next link", "lien suivant"),
    bind(Links, &["k", "<Up>"], A::ScrollUp, "previous link", "lien précédent"),
    bind(Links, &["g", "<Home>"], A::Top, "first link", "premier lien"),
    bind(Links, &["G", "<End>"], A::Bottom, "last link", "dernier lien"),
    bind(Links, &["<Enter>"], A::OpenLink, "open the link (on this machine)", "ouvrir le lien (sur cette machine)"),
    bind(Links, &["y"], A::CopyItem, "copy its address", "copier son adresse"),
    bind(Links, &["o", "<Esc>"], A::ToggleLinks, "close the links", "fermer les liens"),
    bind(Links, &["?"], A::ToggleHelp, "help", "aide"),
    bind(Links, &["q"], A::Quit, "quit", "quitter"),
    bind(PresenterView, &["j", "<Down>"], A::ScrollDown, "scroll the notes down", "descendre dans les notes"),
    bind(PresenterView, &["k", "<Up>"], A::ScrollUp, "scroll the notes up", "monter dans les notes"),
    bind(PresenterView, &["<PageDown>", "<Space>"], A::PageDown, "notes: page down", "notes : page suivante"),
    bind(PresenterView, &["<PageUp>", "b"], A::PageUp, "notes: page up", "notes : page précédente"),
    bind(PresenterView, &["g", "<Home>"], A::Top, "top of the notes", "début des notes"),
    bind(PresenterView, &["G", "<End>"], A::Bottom, "end of the notes", "fin des notes"),
    bind(PresenterView, &["q"], A::Quit, "quit", "quitter"),
    bind(Library, &["j", "<Down>"], A::ScrollDown, "next briefing", "dossier suivant"),
    bind(Library, &["k", "<Up>"], A::ScrollUp, "previous briefing", "dossier précédent"),
    bind(Library, &["<PageDown>", "<Space>", "<C-f>"], A::PageDown, "page down", "page suivante"),
    bind(Library, &["<PageUp>", "b", "<C-b>"], A::PageUp, "page up", "page précédente"),
    bind(Library, &["g", "<Home>"], A::Top, "first", "premier"),
    bind(Library, &["G", "<End>"], A::Bottom, "last", "dernier"),
    bind(Library, &["<Enter>"], A::OpenSelected, "read it (Esc or q comes back here)", "le lire (Échap ou q revient ici)"),
    bind(Library, &["/"], A::StartSearch, "filter, search: words by: cat: lang: from: to:", "filtrer, chercher : mots by: cat: lang: from: to:"),
    bind(Library, &["<Esc>"], A::Back, "clear the filter", "effacer le filtre"),
    bind(Library, &["<Tab>"], A::ToggleMatches, "the matching items, grouped by briefing", "les éléments trouvés, par dossier"),
    bind(Library, &["s"], A::NextSort, "sort by date, title, publisher or file", "trier par date, titre, éditeur ou fichier"),
    bind(Library, &["f"], A::ToggleFacets, "facets: categories, parties, people", "facettes : catégories, parties, personnes"),
    bind(Library, &["?"], A::ToggleHelp, "help", "aide"),
    bind(Library, &["q"], A::Quit, "quit", "quitter"),
    bind(Matches, &["<Enter>"], A::OpenSelected, "read the briefing at that item", "lire le dossier à cet élément"),
    bind(Matches, &["<Tab>", "<Esc>"], A::ToggleMatches, "back to the list", "retour à la liste"),
    Binding {
        ctx: LibraryFilter,
        keys: &["…"],
        action: None,
        en: "type: the list and the matches follow each key",
        fr: "taper : la liste et les résultats suivent chaque touche",
    },
    bind(LibraryFilter, &["<Enter>"], A::SearchSubmit, "keep the filter", "garder le filtre"),
    bind(LibraryFilter, &["<Tab>"], A::ToggleMatches, "keep it and show the matching items", "le garder et montrer les éléments trouvés"),
    bind(LibraryFilter, &["<Esc>"], A::SearchCancel, "cancel", "annuler"),
    bind(LibraryFilter, &["<BS>"], A::SearchBackspace, "delete a character", "effacer un caractère"),
    bind(Facets, &["j", "<Down>"], A::ScrollDown, "next", "suivante"),
    bind(Facets, &["k", "<Up>"], A::ScrollUp, "previous", "précédente"),
    bind(Facets, &["g", "<Home>"], A::Top, "first", "première"),
    bind(Facets, &["G", "<End>"], A::Bottom, "last", "dernière"),
    bind(Facets, &["<Enter>"], A::OpenSelected, "filter by it", "filtrer par elle"),
    bind(Facets, &["f", "<Esc>"], A::ToggleFacets, "close the facets", "fermer les facettes"),
    bind(Facets, &["q"], A::Quit, "quit", "quitter"),
    bind(Help, &["j", "<Down>"], A::ScrollDown, "scroll down", "descendre"),
    bind(Help, &["k", "<Up>"], A::ScrollUp, "scroll up", "monter"),
    bind(Help, &["<PageDown>", "<Space>"], A::PageDown, "page down", "page suivante"),
    bind(Help, &["<PageUp>", "b"], A::PageUp, "page up", "page précédente"),
    bind(Help, &["g", "<Home>"], A::Top, "top", "début"),
    bind(Help, &["G", "<End>"], A::Bottom, "bottom", "fin"),
    bind(Help, &["<Esc>", "?", "<Enter>"], A::ToggleHelp, "close the help", "fermer l'aide"),
    bind(Help, &["q"], A::Quit, "quit", "quitter"),
    bind(Always, &["<C-c>"], A::Quit, "quit", "quitter"),
    bind(Always, &["<C-z>"], A::Suspend, "suspend (fg to come back)", "suspendre (fg pour revenir)"),
    bind(Always, &["<C-l>"], A::Redraw, "redraw the screen", "redessiner l'écran"),
];

/// A keymap: the built-in [`TABLE`], patched by the user's configuration ([`Keymap::patched`]).
/// It resolves keys, and gives the help overlay and the status line hints their keys, so what
/// the user bound is what help shows. Shared by the states of one reader (`Arc`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    rows: Vec<Row>,
    /// Every (context, key, action), parsed once.
    parsed: Vec<(Ctx, Key, Action)>,
    /// The action of each (context, key), the first of `parsed` that binds it: a key is
    /// resolved on every press, with the table far from the processor's caches, and one
    /// look-up touches less of it than a walk through every binding.
    index: HashMap<(Ctx, Key), Action, foldhash::fast::FixedState>,
}

/// One row of a [`Keymap`]: a row of [`TABLE`] with its keys, as built in or as the user set
/// them (none when the user left the action unbound).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Where it applies.
    pub ctx: Ctx,
    /// Keys in our notation.
    pub keys: Vec<String>,
    /// What they do; `None` for a row that only documents.
    pub action: Option<Action>,
    /// The built-in row it comes from, for its descriptions.
    pub binding: &'static Binding,
}

/// The built-in keymap, built once.
static BUILTIN: LazyLock<Arc<Keymap>> = LazyLock::new(|| {
    let rows = TABLE
        .iter()
        .map(|b| Row {
            ctx: b.ctx,
            keys: b.keys.iter().map(|k| (*k).to_string()).collect(),
            action: b.action,
            binding: b,
        })
        .collect();
    Arc::new(Keymap::from_rows(rows))
});

impl Keymap {
    /// The built-in keymap: [`TABLE`] as it is.
    pub fn builtin() -> Arc<Keymap> {
        Arc::clone(&BUILTIN)
    }

    fn from_rows(rows: Vec<Row>) -> Keymap {
        let parsed = rows
            .iter()
            .filter_map(|r| r.action.map(|a| (r, a)))
            .flat_map(|(r, a)| {
                r.keys
                    .iter()
                    .flat_map(|k| {
                        // The table's notation is checked by every_key_in_the_table_parses, the
                        // user's by the configuration's reader.
                        let keys = parse_keys(k);
                        debug_assert!(keys.is_ok(), "bad key notation in the keymap: {k}");
                        keys.unwrap_or_default()
                    })
                    .map(move |key| (r.ctx, key, a))
            })
            .collect::<Vec<_>>();
        let mut index = HashMap::default();
        for &(ctx, key, action) in &parsed {
            index.entry((ctx, key)).or_insert(action);
        }
        Keymap {
            rows,
            parsed,
            index,
        }
    }

    /// The rows, in the table's order.
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// The keys a pressed `key` stands for. Esc typed quickly before another key (or sent with
    /// it in one write over a slow link) reaches us as that key with Alt held; an unbound
    /// Alt-held character is taken as the Esc and then the character.
    pub fn keys_of(&self, key: Key) -> impl Iterator<Item = Key> + use<> {
        let keys = match key {
            Key::Alt(c) if !self.parsed.iter().any(|(_, k, _)| *k == key) => {
                [Some(Key::Esc), Some(Key::Char(c))]
            }
            other => [Some(other), None],
        };
        keys.into_iter().flatten()
    }

    /// The action `key` means in the first of `ctxs` that binds it, if any. Pure.
    pub fn resolve_in(&self, ctxs: &[Ctx], key: Key) -> Option<Action> {
        ctxs.iter()
            .find_map(|ctx| self.index.get(&(*ctx, key)).copied())
    }

    /// The action `key` means in `mode`, if any. Pure.
    pub fn resolve(&self, mode: Mode, key: Key) -> Option<Action> {
        if let Some(action) = self.resolve_in(Ctx::of(mode), key) {
            return Some(action);
        }
        match (mode, key) {
            (Mode::Search(_), Key::Char(c)) => Some(Action::SearchInput(c)),
            (Mode::Present, Key::Char(c)) => c
                .to_digit(10)
                .and_then(|d| u8::try_from(d).ok())
                .map(Action::SlideDigit),
            _ => None,
        }
    }

    /// The help overlay's lines: each row's keys (an unbound action shows [`UNBOUND`]) and
    /// description.
    pub fn help_lines(&self, lang: Lang) -> Vec<HelpLine> {
        self.help_lines_for(&ORDER, lang)
    }

    /// A library's help lines: its own contexts, help and the keys that work everywhere.
    pub fn library_help_lines(&self, lang: Lang) -> Vec<HelpLine> {
        self.help_lines_for(&LIBRARY_ORDER, lang)
    }

    fn help_lines_for(&self, order: &[Ctx], lang: Lang) -> Vec<HelpLine> {
        let mut out = Vec::new();
        for &ctx in order {
            out.push(HelpLine::Section(ctx.title(lang)));
            for r in self.rows.iter().filter(|r| r.ctx == ctx) {
                let keys = if r.keys.is_empty() {
                    UNBOUND.to_string()
                } else {
                    r.keys.join(" ")
                };
                out.push(HelpLine::Keys(keys, r.binding.desc(lang)));
            }
        }
        out
    }

    /// The first key bound to `action` in `ctx`, for hints ("? help").
    pub fn key_for(&self, ctx: Ctx, action: Action) -> Option<&str> {
        self.row(ctx, action)
            .and_then(|r| r.keys.first())
            .map(String::as_str)
    }

    /// The row of `action` in `ctx`.
    pub fn row(&self, ctx: Ctx, action: Action) -> Option<&Row> {
        self.rows
            .iter()
            .find(|r| r.ctx == ctx && r.action == Some(action))
    }
}

/// What help shows in place of the keys of an action left without any.
pub const UNBOUND: &str = "—";

/// The action `key` means in `mode` with the built-in keymap.
pub fn resolve(mode: Mode, key: Key) -> Option<Action> {
    BUILTIN.resolve(mode, key)
}

/// One line of the help overlay: a section title, or keys and what they do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    /// A context's title.
    Section(&'static str),
    /// Keys, joined, and the description.
    Keys(String, &'static str),
}

/// The contexts in the order help and the README list them.
const ORDER: [Ctx; 12] = [
    Ctx::Panes,
    Ctx::Search,
    Ctx::Links,
    Ctx::Present,
    Ctx::Overview,
    Ctx::PresenterView,
    Ctx::Library,
    Ctx::Matches,
    Ctx::LibraryFilter,
    Ctx::Facets,
    Ctx::Help,
    Ctx::Always,
];

/// The contexts a library's help lists.
const LIBRARY_ORDER: [Ctx; 6] = [
    Ctx::Library,
    Ctx::Matches,
    Ctx::LibraryFilter,
    Ctx::Facets,
    Ctx::Help,
    Ctx::Always,
];

/// The help overlay's lines with the built-in keys. As many as with any user's keys, and with
/// the same descriptions, so the overlay's size can be worked out from these.
pub fn help_lines(lang: Lang) -> Vec<HelpLine> {
    BUILTIN.help_lines(lang)
}

/// The help line where `ctx`'s section starts, so help opens on what applies.
pub fn help_start(ctx: Ctx, lang: Lang) -> usize {
    let title = ctx.title(lang);
    let start = help_lines(lang)
        .iter()
        .position(|l| *l == HelpLine::Section(title));
    // Every context has its section (help_lists_every_binding).
    debug_assert!(start.is_some(), "no help section for {ctx:?}");
    start.unwrap_or(0)
}

/// The README's key list, in Markdown, generated from the table.
pub fn markdown() -> String {
    let mut out = String::new();
    for ctx in ORDER {
        out.push_str(&format!(
            "\n**{}**\n\n| keys | action |\n|---|---|\n",
            ctx.title(Lang::En)
        ));
        for b in TABLE.iter().filter(|b| b.ctx == ctx) {
            let keys: Vec<String> = b.keys.iter().map(|k| format!("`{k}`")).collect();
            out.push_str(&format!("| {} | {} |\n", keys.join(" "), b.en));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::state::Base;

    #[test]
    fn every_key_in_the_table_parses() {
        for b in TABLE.iter().filter(|b| b.action.is_some()) {
            for k in b.keys {
                let keys = parse_keys(k).unwrap();
                assert_eq!(keys.len(), 1, "{k} should be one key");
            }
        }
    }

    #[test]
    fn no_key_means_two_things_in_one_context() {
        let mut seen = std::collections::HashSet::new();
        for (ctx, key, _) in &Keymap::builtin().parsed {
            assert!(seen.insert((*ctx, *key)), "{key} bound twice in {ctx:?}");
        }
    }

    #[test]
    fn resolve_reads_the_table_and_types_in_search() {
        assert_eq!(
            resolve(Mode::Reading, Key::Char('j')),
            Some(Action::ScrollDown)
        );
        assert_eq!(resolve(Mode::Zoom, Key::Tab), Some(Action::NextPane));
        assert_eq!(
            resolve(Mode::Search(Base::Reading), Key::Char('q')),
            Some(Action::SearchInput('q'))
        );
        assert_eq!(
            resolve(Mode::Search(Base::Zoom), Key::Ctrl('c')),
            Some(Action::Quit)
        );
        assert_eq!(
            resolve(Mode::Help(Base::Reading), Key::Char('?')),
            Some(Action::ToggleHelp)
        );
        assert_eq!(resolve(Mode::Reading, Key::Char('x')), None);
        let keymap = Keymap::builtin();
        assert_eq!(
            keymap.keys_of(Key::Alt('q')).collect::<Vec<_>>(),
            [Key::Esc, Key::Char('q')]
        );
        assert_eq!(
            keymap.keys_of(Key::Char('q')).collect::<Vec<_>>(),
            [Key::Char('q')]
        );
        assert_eq!(resolve(Mode::Quit, Key::Char('q')), None);
    }

    #[test]
    fn help_lists_every_binding() {
        let lines = help_lines(Lang::Fr);
        let keys = lines
            .iter()
            .filter(|l| matches!(l, HelpLine::Keys(..)))
            .count();
        assert_eq!(keys, TABLE.len());
        assert!(lines.contains(&HelpLine::Keys("/".into(), "chercher")));
    }
}
