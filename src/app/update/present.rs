//! The presentation's part of the state machine: entering and leaving, moving between
//! slides, the overview, the timer, blanking, and following a presenter's slide.

use crate::app::action::Action;
use crate::app::notes::{max_notes_scroll, note_for, notes_text_area};
use crate::app::present::{Anchor, Section};
use crate::app::scroll;
use crate::app::state::{Base, Mode, Pane, PaneView, Position, State};

/// Longest slide number one can type.
const MAX_DIGITS: u32 = 6;

/// Starts presenting at the section the reader has in focus.
pub(super) fn enter(state: &mut State) {
    let entry_base = state.mode.base();
    state.mode = Mode::Present;
    state.present.layout(&state.content, state.size);
    let (section, anchor) = section_at_reader(state);
    let index = state.present.deck.find(section, anchor);
    state.present.go(index);
    state.present.entry = Some((state.focus, state.views, state.present.index));
    state.present.number = None;
    state.present.blank = false;
    // Remember whether to come back zoomed.
    state.present.entry_base = entry_base;
}

/// The slide that shows what the reader shows.
fn section_at_reader(state: &State) -> (Section, Anchor) {
    let mut view = state.view(state.focus);
    // At the end of a pane the last item is the one in view, as the status line says.
    let g = crate::app::screen::pane_geometry(state, state.focus);
    view.item = scroll::current_item(&state.content, state.focus, g, view);
    let b = &state.content.briefing;
    let at = |unit| Anchor { unit, line: 0 };
    match state.focus {
        Pane::Summary => {
            let caption = state.content.summary_lead();
            let links_item = caption + b.summary.len();
            if view == PaneView::default() {
                (Section::Title, at(0))
            } else if !b.links.is_empty() && view.item >= links_item {
                (Section::Links, at(0))
            } else {
                (Section::Summary, at(view.item.saturating_sub(caption)))
            }
        }
        Pane::Quotes => (Section::Quote(view.item), at(0)),
        Pane::Areas => (Section::Areas, at(view.item)),
        Pane::Threats => (Section::Threats, at(view.item)),
    }
}

/// Back to the reader: where it was if the slide did not change, else at the slide's place.
pub(super) fn leave(state: &mut State) {
    let base = state.present.entry_base;
    state.mode = if base == Base::Zoom {
        Mode::Zoom
    } else {
        Mode::Reading
    };
    match state.present.entry {
        Some((focus, views, index)) if index == state.present.index => {
            state.focus = focus;
            state.views = views;
        }
        _ => {
            let Some(slide) = state.present.slide() else {
                return;
            };
            let (section, anchor) = (slide.section, slide.anchor);
            let b = &state.content.briefing;
            let caption = state.content.summary_lead();
            let pane = section.pane();
            let item = match section {
                Section::Title => 0,
                Section::Summary => anchor.unit + caption,
                Section::Links => caption + b.summary.len(),
                Section::Quote(i) => i,
                Section::Areas | Section::Threats => anchor.unit,
            };
            state.focus = pane;
            let g = crate::app::screen::pane_geometry(state, pane);
            state.views[pane.index()] =
                scroll::clamp(&state.content, pane, g, PaneView { item, line: 0 });
        }
    }
    state.present.entry = None;
    state.present.number = None;
    state.present.blank = false;
}

fn step(state: &mut State, forward: bool) {
    let p = &mut state.present;
    p.number = None;
    if p.blank {
        // The first key after blanking only brings the screen back.
        p.blank = false;
        return;
    }
    let index = if forward {
        p.index + 1
    } else {
        p.index.saturating_sub(1)
    };
    p.go(index);
}

pub(super) fn update_present(state: &mut State, action: Action) {
    match action {
        Action::NextSlide | Action::Click { .. } => step(state, true),
        Action::PrevSlide => step(state, false),
        Action::Wheel { down, .. } => step(state, down),
        Action::FirstSlide => state.present.go(0),
        Action::LastSlide => state.present.go(usize::MAX),
        Action::SlideDigit(d) => {
            // The first digit starts the number.
            let n = state.present.number.unwrap_or(0);
            if n < 10u32.pow(MAX_DIGITS - 1) {
                state.present.number = Some(n * 10 + u32::from(d));
            }
        }
        Action::GoToNumber => match state.present.number.take() {
            Some(n) => state
                .present
                .go(usize::try_from(n).unwrap_or(usize::MAX).saturating_sub(1)),
            None => step(state, true),
        },
        // Esc (or p) first drops a half-typed number, then un-blanks, then leaves.
        Action::Back | Action::LeavePresentation if state.present.number.is_some() => {
            state.present.number = None;
        }
        Action::Back | Action::LeavePresentation if state.present.blank => {
            state.present.blank = false;
        }
        Action::Back | Action::LeavePresentation => leave(state),
        Action::ToggleOverview => {
            state.present.overview = state.present.index;
            state.mode = Mode::Overview;
        }
        Action::ToggleTimer => state.present.timer.toggle(state.now_ms),
        Action::ToggleBlank => state.present.blank = !state.present.blank,
        Action::ToggleHelp => open_help(state),
        _ => {}
    }
}

fn open_help(state: &mut State) {
    state.help_scroll =
        crate::app::keymap::help_start(crate::app::keymap::Ctx::Present, state.lang());
    state.mode = Mode::Help(Base::Present);
}

pub(super) fn update_overview(state: &mut State, action: Action) {
    let p = &mut state.present;
    let last = p.deck.len().saturating_sub(1);
    match action {
        Action::ScrollDown | Action::Wheel { down: true, .. } => {
            p.overview = (p.overview + 1).min(last)
        }
        Action::ScrollUp | Action::Wheel { down: false, .. } => {
            p.overview = p.overview.saturating_sub(1)
        }
        Action::Top => p.overview = 0,
        Action::Bottom => p.overview = last,
        Action::PickSlide => {
            let pick = p.overview;
            p.go(pick);
            p.blank = false;
            state.mode = Mode::Present;
        }
        Action::ToggleOverview | Action::Back => state.mode = Mode::Present,
        Action::ToggleHelp => open_help(state),
        _ => {}
    }
}

/// Takes the presenter's slide, blanking and timer (rebased on this viewer's clock).
pub(super) fn follow_slide(state: &mut State, position: Position) {
    // Notes of another section start from their top.
    let notes = &state.content.briefing.notes;
    if note_for(notes, state.present.section) != note_for(notes, position.section) {
        state.present.notes_scroll = 0;
    }
    let p = &mut state.present;
    p.section = position.section;
    p.anchor = position.anchor;
    p.blank = position.blank;
    p.number = None;
    p.timer.banked_ms = position.elapsed_ms;
    p.timer.since_ms = position.timer_running.then_some(state.now_ms);
    p.timer.started = position.timer_started;
    if state.mode == Mode::PresenterView {
        p.presenter_size = Some(position.size);
    }
    if position.base == Base::Present || state.mode == Mode::PresenterView {
        let size = state.deck_size();
        let p = &mut state.present;
        p.layout(&state.content, size);
        let index = p.deck.find(position.section, position.anchor);
        p.go(index);
    }
}

/// The presenter view: its notes scroll; everything else follows the presentation.
pub(super) fn update_presenter_view(state: &mut State, action: Action) {
    let rows = usize::from(notes_text_area(state).height).max(1);
    let s = state.present.notes_scroll;
    state.present.notes_scroll = match action {
        Action::ScrollDown => s.saturating_add(1),
        Action::ScrollUp => s.saturating_sub(1),
        // A page keeps one line of the last one in view, to read on from.
        Action::PageDown => s.saturating_add(rows.saturating_sub(1).max(1)),
        Action::PageUp => s.saturating_sub(rows.saturating_sub(1).max(1)),
        Action::Top => 0,
        Action::Bottom => usize::MAX,
        _ => s,
    }
    .min(max_notes_scroll(state));
}
