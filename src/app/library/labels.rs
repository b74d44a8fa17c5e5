//! The library's words, in English and French. No I/O here.

use crate::model::Lang;

/// What the library says, in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LibraryLabels {
    /// Before the folder's name in the header.
    pub library: &'static str,
    /// "briefings" after a count.
    pub briefings: &'static str,
    /// "briefing" after a count of one (or none, in French).
    pub briefing: &'static str,
    /// "do not load" after a count of files.
    pub failing: &'static str,
    /// Before the sort key in the header.
    pub sorted_by: &'static str,
    /// Column titles: date, title, publisher, language, quotes, threats.
    pub columns: [&'static str; 6],
    /// The filter line's prompt.
    pub filter: &'static str,
    /// What the filter line says before anything is typed, after the key that starts it.
    pub filter_hint: &'static str,
    /// "matches" after a count.
    pub matches: &'static str,
    /// Said by Tab when the search finds nothing, before the key that starts the filter.
    pub no_matches: &'static str,
    /// Said by Enter on a file that does not load.
    pub does_not_load: &'static str,
    /// Said by Enter on a release not structured yet.
    pub not_read_yet: &'static str,
    /// The facet panel's title.
    pub facets: &'static str,
    /// Shown in an empty list.
    pub empty: &'static str,
    /// Said of terms of the filter line that cannot be read.
    pub not_understood: &'static str,
    /// The facet kinds' names: category, party, person.
    pub kinds: [&'static str; 3],
    /// The matches view's names of items: title, paragraph, quote, area, threat.
    pub items: [&'static str; 5],
    /// In the header while the folder is walked.
    pub walking: &'static str,
    /// In the header after the count of files still to read.
    pub to_read: &'static str,
}

const EN: LibraryLabels = LibraryLabels {
    library: "Library",
    briefings: "briefings",
    briefing: "briefing",
    failing: "do not load",
    sorted_by: "sorted by",
    columns: ["date", "title", "publisher", "lang", "quotes", "threats"],
    filter: "filter: ",
    filter_hint: "filter: words by:NAME cat:CATEGORY lang:en from:2024 to:2024-06",
    matches: "matches",
    no_matches: "no matches to show: type words in the filter line",
    does_not_load: "this file does not load: its problem is on its line",
    not_read_yet: "this release is still being read: try again in a moment",
    facets: "Facets",
    empty: "no briefings here",
    not_understood: "not understood",
    kinds: ["category", "party", "person"],
    items: ["title", "summary", "quote", "area", "threat"],
    walking: "reading the folder…",
    to_read: "still to read",
};

const FR: LibraryLabels = LibraryLabels {
    library: "Bibliothèque",
    briefings: "dossiers",
    briefing: "dossier",
    failing: "illisibles",
    sorted_by: "tri par",
    columns: ["date", "titre", "éditeur", "lang", "citations", "menaces"],
    filter: "filtre : ",
    filter_hint: "filtrer : mots by:NOM cat:CATÉGORIE lang:fr from:2024 to:2024-06",
    matches: "résultats",
    no_matches: "aucun résultat à montrer : tapez des mots dans le filtre",
    does_not_load: "ce fichier ne se charge pas : le problème est sur sa ligne",
    not_read_yet: "ce communiqué est en cours de lecture : réessayez dans un instant",
    facets: "Facettes",
    empty: "aucun dossier ici",
    not_understood: "incompris",
    kinds: ["catégorie", "partie", "personne"],
    items: ["titre", "résumé", "citation", "domaine", "menace"],
    walking: "lecture du dossier…",
    to_read: "encore à lire",
};

/// The library's words in `lang`.
pub fn labels(lang: Lang) -> &'static LibraryLabels {
    match lang {
        Lang::En => &EN,
        Lang::Fr => &FR,
    }
}
