//! A new version of the briefing, from the file changed on disk: shown in place of the old,
//! keeping the reader's place (the same pane and item, the same slide or the nearest one) and
//! the search. No I/O here.

use std::sync::Arc;

use crate::app::content::Content;
use crate::app::present::Deck;
use crate::app::state::State;
use crate::model::Briefing;

/// The reader's own reload: its content built anew, one revision on.
pub(super) fn reload(state: &mut State, briefing: Arc<Briefing>) {
    let content = Arc::new(Content::new(briefing, state.content.lang));
    let revision = state.revision.wrapping_add(1);
    take_content(state, content, revision);
    state.file_error = None;
    state.note = Some(state.lang().labels().daily.reloaded.to_string());
}

/// Shows `content` (revision `revision` of the briefing) in place of what `state` shows,
/// keeping its place: what a follower does when the presenter's file was reloaded, with the
/// content the server built once for everyone.
pub fn take_content(state: &mut State, content: Arc<Content>, revision: u32) {
    state.content = content;
    state.revision = revision;
    super::search::rematch(state);
    // Laid out again by normalize, at the slide of the same section and anchor, or the
    // nearest one.
    state.present.deck = Arc::new(Deck::default());
    super::normalize(state);
}
