//! Interface words per language: pane names, mode names, status and help texts.
//!
//! Labels follow the briefing's `lang` (French for `fr`, `fr-CA`...; English otherwise) and
//! `--lang` overrides. Adding a language means adding one [`Labels`] table. No I/O here. It
//! sits in `app` because the pane content and keymap use it as well as the renderer.

pub use crate::model::Lang;

/// The interface's side of [`Lang`]: typography and words.
impl Lang {
    /// The interface language for a briefing's `lang` tag: French for `fr` and its regional
    /// forms, English for any other language or none (the interface has no other words).
    pub fn for_interface(tag: Option<&str>) -> Lang {
        tag.and_then(Lang::from_tag).unwrap_or(Lang::En)
    }

    /// `text` set in this language's typography: French keeps « », : ; ! ? with their words.
    pub fn typeset(self, text: &str) -> String {
        match self {
            Lang::Fr => crate::app::text::glue_french(text),
            Lang::En => text.to_string(),
        }
    }

    /// What stands between a name and what is said of it: ": ", " : " in French.
    pub fn colon(self) -> &'static str {
        match self {
            Lang::Fr => "\u{a0}: ",
            Lang::En => ": ",
        }
    }

    /// What separates the items of a list that contain commas: "; ", " ; " in French.
    pub fn semicolon(self) -> &'static str {
        match self {
            Lang::Fr => "\u{a0}; ",
            Lang::En => "; ",
        }
    }

    /// The words of this language.
    pub fn labels(self) -> &'static Labels {
        match self {
            Lang::En => &EN,
            Lang::Fr => &FR,
        }
    }
}

/// Every word the interface shows, for one language.
#[derive(Debug, PartialEq, Eq)]
pub struct Labels {
    /// Pane names, in pane order: summary, quotes, cooperation areas, threats.
    pub panes: [&'static str; 4],
    /// Short pane names for a narrow tab bar.
    pub tabs: [&'static str; 4],
    /// Heading of the emerging threats.
    pub emerging: &'static str,
    /// Badge after an emerging threat.
    pub emerging_badge: &'static str,
    /// Heading of the links.
    pub more_info: &'static str,
    /// Shown for a quote without a speaker.
    pub unknown_speaker: &'static str,
    /// Between the speakers of a joint statement.
    pub speakers_separator: &'static str,
    /// Opening and closing quotation marks, with their spacing.
    pub quote_marks: (&'static str, &'static str),
    /// Mode names in the status line.
    pub mode_reading: &'static str,
    /// Zoom mode.
    pub mode_zoom: &'static str,
    /// Search mode.
    pub mode_search: &'static str,
    /// Help overlay.
    pub mode_help: &'static str,
    /// Presentation mode.
    pub mode_present: &'static str,
    /// "3 matches"
    pub matches: &'static str,
    /// "no match"
    pub no_match: &'static str,
    /// Title of the help overlay.
    pub help_title: &'static str,
    /// Footer of the help overlay.
    pub help_footer: &'static str,
    /// "Terminal too small"
    pub too_small: &'static str,
    /// "need"
    pub need: &'static str,
    /// "Too small" at its shortest, for a terminal that fits nothing longer (10 columns).
    pub too_small_short: &'static str,
    /// An empty pane.
    pub empty: &'static str,
    /// Months, for dates in the header.
    pub months: [&'static str; 12],
    /// "(continued)" on a slide that continues a section.
    pub continued: &'static str,
    /// Title slide and overview words.
    pub overview: &'static str,
    /// "Links" slide title.
    pub links: &'static str,
    /// "Quote" slide title.
    pub quote: &'static str,
    /// Presenter view: "Next"
    pub next: &'static str,
    /// Presenter view: "Notes"
    pub notes: &'static str,
    /// Presenter view: no notes for this slide.
    pub no_notes: &'static str,
    /// The end of the presentation.
    pub end: &'static str,
    /// Following the presenter (SSH).
    pub following: &'static str,
    /// Browsing on one's own (SSH).
    pub browsing: &'static str,
    /// How many are watching (SSH): one, several.
    pub watching: (&'static str, &'static str),
    /// Presenter view: no presentation to follow yet.
    pub waiting: &'static str,
    /// Presenter view: the presentation shows another briefing.
    pub other_briefing: &'static str,
    /// Before the command that follows the presentation of another briefing.
    pub follow_other: &'static str,
    /// Fact labels at the top of the summary: date, event, place, source.
    pub facts: [&'static str; 4],
    /// Heading of the parties and their people (handouts).
    pub parties: &'static str,
    /// Whether 0 takes the singular ("0 spectateur").
    pub zero_is_singular: bool,
    /// The words of the reader's daily tools: copy, links, mouse, edit, reload.
    pub daily: &'static Daily,
}

/// The status line's words for copying, links, the mouse, editing and reloading.
#[derive(Debug, PartialEq, Eq)]
pub struct Daily {
    /// "copied" before what was copied.
    pub copied: &'static str,
    /// What was copied, by [`crate::app::content::Origin`] order: caption, facts, paragraph,
    /// links, quote, area, threat; then a link's address and a slide.
    pub kinds: [&'static str; 9],
    /// Nothing to copy here.
    pub nothing_to_copy: &'static str,
    /// The briefing has no links.
    pub no_links: &'static str,
    /// A link that is not http, https or mailto is not opened.
    pub not_opened: &'static str,
    /// A link without an address.
    pub no_address: &'static str,
    /// An attendee over SSH opens links on their own machine.
    pub open_yourself: &'static str,
    /// The link was handed to the system's opener.
    pub opening: &'static str,
    /// The mouse is left to the terminal.
    pub mouse_off: &'static str,
    /// The mouse is the reader's again.
    pub mouse_on: &'static str,
    /// Editing is for the one who opened the file.
    pub no_edit: &'static str,
    /// There is no file to edit (the bundled briefing, standard input).
    pub no_file: &'static str,
    /// Too much to copy at once.
    pub too_long: &'static str,
    /// Before the reload error.
    pub not_reloaded: &'static str,
    /// The file was reloaded.
    pub reloaded: &'static str,
    /// The regular expression's marker in the search prompt.
    pub regex: &'static str,
}

static DAILY_EN: Daily = Daily {
    copied: "copied",
    kinds: [
        "caption",
        "facts",
        "paragraph",
        "links",
        "quote",
        "cooperation area",
        "threat",
        "link address",
        "slide",
    ],
    nothing_to_copy: "nothing to copy here",
    no_links: "this briefing has no links",
    not_opened: "not opened: only http, https and mailto links open",
    no_address: "no address",
    open_yourself: "open it on your own machine",
    opening: "opening",
    mouse_off: "mouse left to the terminal: select text; m takes it back",
    mouse_on: "mouse back to the reader",
    no_edit: "only the one who opened the file can edit it",
    no_file: "no file to edit: the bundled briefing or standard input",
    too_long: "too long to copy",
    not_reloaded: "not reloaded",
    reloaded: "reloaded",
    regex: "regex",
};

static DAILY_FR: Daily = Daily {
    copied: "copié",
    kinds: [
        "légende",
        "faits",
        "paragraphe",
        "liens",
        "citation",
        "domaine de coopération",
        "menace",
        "adresse du lien",
        "diapositive",
    ],
    nothing_to_copy: "rien à copier ici",
    no_links: "ce briefing n'a pas de liens",
    not_opened: "non ouvert : seuls les liens http, https et mailto s'ouvrent",
    no_address: "pas d'adresse",
    open_yourself: "ouvrez-le sur votre machine",
    opening: "ouverture de",
    mouse_off: "souris laissée au terminal : sélectionnez ; m pour la reprendre",
    mouse_on: "souris rendue au lecteur",
    no_edit: "seul qui a ouvert le fichier peut le modifier",
    no_file: "aucun fichier à modifier : briefing intégré ou entrée standard",
    too_long: "trop long pour être copié",
    not_reloaded: "non rechargé",
    reloaded: "rechargé",
    regex: "regex",
};

static EN: Labels = Labels {
    panes: ["Summary", "Quotes", "Cooperation areas", "Threats"],
    tabs: ["Summary", "Quotes", "Cooperation", "Threats"],
    emerging: "Emerging threats",
    emerging_badge: "emerging",
    more_info: "For more information",
    unknown_speaker: "speaker not stated",
    speakers_separator: " and ",
    quote_marks: ("\u{201c}", "\u{201d}"),
    mode_reading: "READING",
    mode_zoom: "ZOOM",
    mode_search: "SEARCH",
    mode_help: "HELP",
    mode_present: "PRESENTING",
    matches: "matches",
    no_match: "no match",
    help_title: "Keys",
    help_footer: "Esc or ? closes this help",
    too_small: "Terminal too small",
    need: "need",
    too_small_short: "too small",
    empty: "(nothing here)",
    months: crate::model::ENGLISH_MONTHS,
    continued: "(continued)",
    overview: "Overview",
    links: "Links",
    quote: "Quote",
    next: "Next",
    notes: "Notes",
    no_notes: "(no notes for this slide)",
    end: "End of the briefing",
    following: "following the presenter",
    browsing: "browsing on your own, f to follow",
    watching: ("watching", "watching"),
    waiting: "Waiting for a presentation: run `briefing present` in another terminal",
    other_briefing: "The presentation running shows another briefing",
    follow_other: "To follow it, run:",
    facts: ["Date", "Event", "Place", "Source"],
    parties: "Parties",
    zero_is_singular: false,
    daily: &DAILY_EN,
};

static FR: Labels = Labels {
    panes: ["Résumé", "Citations", "Domaines de coopération", "Menaces"],
    tabs: ["Résumé", "Citations", "Coopération", "Menaces"],
    emerging: "Menaces émergentes",
    emerging_badge: "émergente",
    more_info: "Plus d'informations",
    unknown_speaker: "orateur non précisé",
    speakers_separator: " et ",
    quote_marks: ("«\u{a0}", "\u{a0}»"),
    mode_reading: "LECTURE",
    mode_zoom: "ZOOM",
    mode_search: "RECHERCHE",
    mode_help: "AIDE",
    mode_present: "PRÉSENTATION",
    matches: "résultats",
    no_match: "aucun résultat",
    help_title: "Touches",
    help_footer: "Échap ou ? ferme cette aide",
    too_small: "Terminal trop petit",
    need: "il faut",
    too_small_short: "trop petit",
    empty: "(rien ici)",
    months: [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    continued: "(suite)",
    overview: "Sommaire",
    links: "Liens",
    quote: "Citation",
    next: "Suivante",
    notes: "Notes",
    no_notes: "(pas de notes pour cette diapositive)",
    end: "Fin du briefing",
    following: "vous suivez le présentateur",
    browsing: "navigation libre, f pour suivre",
    watching: ("spectateur", "spectateurs"),
    waiting: "En attente d'une présentation : lancez `briefing present` dans un autre terminal",
    other_briefing: "La présentation en cours montre un autre briefing",
    follow_other: "Pour la suivre, lancez :",
    facts: ["Date", "Événement", "Lieu", "Source"],
    parties: "Parties",
    zero_is_singular: true,
    daily: &DAILY_FR,
};

impl Labels {
    /// "1 spectateur", "3 spectateurs".
    pub fn watchers(&self, n: usize) -> String {
        // French counts 0 and 1 in the singular; English only 1.
        let singular = if self.zero_is_singular {
            n <= 1
        } else {
            n == 1
        };
        let word = if singular {
            self.watching.0
        } else {
            self.watching.1
        };
        format!("{n} {word}")
    }
}

/// A date as people write it: "23 mai 2016", "23 May 2016".
pub fn format_date(date: crate::model::Date, lang: Lang) -> String {
    let months = &lang.labels().months;
    let name = months[date.month_index()];
    format!("{} {name} {}", date.day(), date.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interface_lang_is_french_for_french_tags_only() {
        assert_eq!(Lang::for_interface(Some("fr")), Lang::Fr);
        assert_eq!(Lang::for_interface(Some("fr-CA")), Lang::Fr);
        assert_eq!(Lang::for_interface(Some("FR")), Lang::Fr);
        assert_eq!(Lang::for_interface(Some("fra")), Lang::En);
        assert_eq!(Lang::for_interface(Some("de")), Lang::En);
        assert_eq!(Lang::for_interface(Some("en")), Lang::En);
        assert_eq!(Lang::for_interface(None), Lang::En);
    }

    #[test]
    fn watcher_counts_agree_in_number() {
        let fr = Lang::Fr.labels();
        assert_eq!(
            [fr.watchers(0), fr.watchers(1), fr.watchers(2)],
            ["0 spectateur", "1 spectateur", "2 spectateurs"]
        );
        assert_eq!(Lang::En.labels().watchers(3), "3 watching");
    }

    #[test]
    fn dates_read_naturally() {
        let d = crate::model::Date::new(2016, 5, 23).unwrap();
        assert_eq!(format_date(d, Lang::Fr), "23 mai 2016");
        assert_eq!(format_date(d, Lang::En), "23 May 2016");
    }
}
