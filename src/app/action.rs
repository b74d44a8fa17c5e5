//! What the user means ([`Action`]) and what the edge must do about it ([`Effect`]).

use crate::app::state::{Pane, Position, Size};

/// Something the user asks for; variants say what is meant, never which key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// End the program.
    Quit,
    /// Focus the next pane.
    NextPane,
    /// Focus the previous pane.
    PrevPane,
    /// Focus this pane.
    FocusPane(Pane),
    /// Scroll down one line (the help overlay when it is open).
    ScrollDown,
    /// Scroll up one line.
    ScrollUp,
    /// Scroll down a page.
    PageDown,
    /// Scroll up a page.
    PageUp,
    /// Scroll down half a page.
    HalfPageDown,
    /// Scroll up half a page.
    HalfPageUp,
    /// Go to the top.
    Top,
    /// Go to the bottom.
    Bottom,
    /// Put the next item at the top.
    NextItem,
    /// Put the previous item (or the start of this one) at the top.
    PrevItem,
    /// Show the focused pane full screen, or go back to all panes.
    ToggleZoom,
    /// Step back: leave zoom, or clear the search.
    Back,
    /// Start typing a search query.
    StartSearch,
    /// Add a character to the query.
    SearchInput(char),
    /// Remove the last character of the query.
    SearchBackspace,
    /// Keep the query and go back to reading.
    SearchSubmit,
    /// Drop the query and go back to where the search started.
    SearchCancel,
    /// Jump to the next match, across panes.
    NextMatch,
    /// Jump to the previous match.
    PrevMatch,
    /// Open or close the help overlay.
    ToggleHelp,
    /// The terminal has a new size.
    Resize(Size),
    /// Start presenting at the section in focus.
    EnterPresentation,
    /// Go back to the reader.
    LeavePresentation,
    /// The next slide.
    NextSlide,
    /// The previous slide.
    PrevSlide,
    /// The first slide.
    FirstSlide,
    /// The last slide.
    LastSlide,
    /// A digit of a slide number to jump to.
    SlideDigit(u8),
    /// Jump to the typed slide number (the next slide when none was typed).
    GoToNumber,
    /// Open or close the list of slides.
    ToggleOverview,
    /// Go to the slide selected in the overview.
    PickSlide,
    /// Start or pause the elapsed-time counter.
    ToggleTimer,
    /// Blank the screen, or show it again.
    ToggleBlank,
    /// The clock, in milliseconds, from the edge; drives the timer.
    Tick(u64),
    /// Become the presenter view: the current slide, the next one, the notes and the timer of
    /// a presentation followed through [`Action::FollowTo`].
    OpenPresenterView,
    /// The presenter view lost its presentation, or found one of another briefing.
    LinkLost {
        /// True when a presentation runs but shows another briefing.
        other: bool,
    },
    /// Go where the presenter is (applied only while following).
    FollowTo(Position),
    /// Switch between following the presenter and browsing on one's own (attendees).
    ToggleFollow,
    /// Show the presenter notes view instead of the slides, or the slides again (a presenter
    /// over SSH; the local presenter has `present --notes` in a second terminal).
    ToggleNotes,
    /// The number of connected attendees changed (presenter).
    SetWatchers(usize),
    /// Stop the program for now, giving the terminal back until the shell resumes it (`fg`).
    Suspend,
    /// Draw the whole screen again, as it should be.
    Redraw,
    /// A mouse click at a cell.
    Click {
        /// Column.
        x: u16,
        /// Row.
        y: u16,
    },
    /// Copy the item in focus (a quote with its speaker, an area, a threat; in the links
    /// list, the selected link's URL) to the clipboard.
    CopyItem,
    /// Open the list of the briefing's links, or close it.
    ToggleLinks,
    /// Open the link selected in the links list with the system's opener (locally only).
    OpenLink,
    /// Open the briefing's file in the user's editor, at the item in focus.
    Edit,
    /// Leave the mouse to the terminal (to select text), or take it back.
    ToggleMouse,
    /// Put the query searched before the one shown in the search prompt.
    HistoryPrev,
    /// Put the query searched after the one shown in the search prompt (or an empty one).
    HistoryNext,
    /// Search with a regular expression, or plain text again.
    ToggleRegex,
    /// In a library: open the briefing or the match selected, or filter by the facet
    /// selected.
    OpenSelected,
    /// In a library: sort the list by the next key (date, title, publisher, path).
    NextSort,
    /// In a library: show the facet panel (categories, parties, people), or hide it.
    ToggleFacets,
    /// In a library: show the matches of the search grouped by briefing, or the list again.
    ToggleMatches,
    /// The mouse wheel turned over a cell.
    Wheel {
        /// Column.
        x: u16,
        /// Row.
        y: u16,
        /// True for down (towards the end).
        down: bool,
    },
}

/// Word from an edge that carries more than an [`Action`] (which is `Copy`) can; applied by
/// [`crate::app::update::notify`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// Presentations run on this machine, but only of other briefings; the newest presents
    /// `file` (absolute; `None` for the bundled briefing).
    OtherPresentation {
        /// The file to pass to `briefing present --notes` to follow it.
        file: Option<String>,
    },
    /// The file changed on disk and loaded: show this version, keeping the place.
    Reloaded(std::sync::Arc<crate::model::Briefing>),
    /// The file changed on disk but does not load: keep the last good version on screen and
    /// say why (the first line of the message) until it loads again.
    ReloadFailed(String),
    /// What the edge did about an [`Effect`], for the status line ("cannot run xdg-open").
    Said(String),
}

/// What the edge must do after an update.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Effect {
    /// Nothing beyond drawing the new state.
    #[default]
    None,
    /// Restore the terminal and exit.
    Quit,
    /// Restore the terminal, stop until resumed, then set it up and draw everything again.
    Suspend,
    /// Clear the screen and draw everything again.
    Redraw,
    /// Show the presenter notes view instead of the slides, or the slides again.
    ToggleNotes,
    /// Put what [`crate::app::copy::copied`] says on the clipboard (OSC 52).
    Copy,
    /// Open this link of the briefing (an http, https or mailto URL) with the system's
    /// opener; only a local reader does.
    OpenLink(usize),
    /// Give the terminal to the user's editor on the briefing's file, at
    /// [`crate::app::copy::focused_origin`], then reload.
    Edit,
    /// Take the mouse (true) or leave it to the terminal (false).
    Mouse(bool),
}
