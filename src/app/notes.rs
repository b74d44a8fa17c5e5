//! The notes box of the presenter view: where it sits, the section's notes wrapped to it, and
//! how far they scroll. The renderer and `update` both read these, so paging and drawing
//! agree. No I/O here.

use ratatui::layout::Rect;

use crate::app::present::Section;
use crate::app::state::State;
use crate::app::text::wrap;
use crate::model::Notes;

/// The notes the briefing has for `section`.
pub fn note_for(notes: &Notes, section: Section) -> Option<&str> {
    match section {
        Section::Title => notes.title.as_deref(),
        Section::Summary => notes.summary.as_deref(),
        Section::Quote(_) => notes.quotes.as_deref(),
        Section::Areas => notes.cooperation_areas.as_deref(),
        Section::Threats => notes.threats.as_deref(),
        Section::Links => notes.links.as_deref(),
    }
}

/// The notes box (border included): under the current slide's line, the blank mark and the
/// next slide's line; `None` when fewer than three rows are left for it.
pub fn notes_box(state: &State) -> Option<Rect> {
    let (width, height) = (state.size.width, state.size.height);
    let top: u16 = if state.present.blank { 5 } else { 4 };
    if top + 2 > height {
        return None;
    }
    Some(Rect::new(0, top, width, height - top))
}

/// The text rectangle inside the notes box: inside the border, one column of margin each side.
pub fn notes_text_area(state: &State) -> Rect {
    let Some(outer) = notes_box(state) else {
        return Rect::default();
    };
    Rect::new(
        outer.x.saturating_add(2),
        outer.y.saturating_add(1),
        outer.width.saturating_sub(4),
        outer.height.saturating_sub(2),
    )
}

/// The current section's notes, wrapped to the notes box; the "no notes" line when there are
/// none.
pub fn notes_lines(state: &State) -> Vec<String> {
    let labels = state.lang().labels();
    let text = state
        .present
        .slide()
        .and_then(|slide| note_for(&state.content.briefing.notes, slide.section))
        .unwrap_or(labels.no_notes);
    let area = notes_text_area(state);
    wrap(text, usize::from(area.width).max(1), "", "")
}

/// The furthest the notes scroll: their last line at the bottom of the box.
pub fn max_notes_scroll(state: &State) -> usize {
    if state.present.slide().is_none() {
        return 0;
    }
    let rows = usize::from(notes_text_area(state).height);
    notes_lines(state).len().saturating_sub(rows)
}
