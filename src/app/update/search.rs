//! Search's part of the state machine: typing the query, matching it in every pane, moving
//! from match to match and scrolling each into view. No I/O here.

use crate::app::action::Action;
use crate::app::screen::Geometry;
use crate::app::scroll;
use crate::app::state::{Base, MAX_HISTORY, MAX_MATCHES, Match, Pane, PaneView, State};
use crate::app::text::Needle;

pub(super) fn update_search(state: &mut State, base: Base, action: Action) {
    match action {
        Action::SearchInput(c) if !c.is_control() => {
            state.search.query.push(c);
            state.history_at = None;
            refresh_matches(state);
        }
        Action::HistoryPrev => {
            let at = match state.history_at {
                Some(i) => i.saturating_sub(1),
                None => match state.history.len().checked_sub(1) {
                    Some(last) => last,
                    None => return,
                },
            };
            show_history(state, Some(at));
        }
        Action::HistoryNext => match state.history_at {
            Some(i) if i + 1 < state.history.len() => show_history(state, Some(i + 1)),
            // Past the newest: an empty prompt, as shells do.
            Some(_) => show_history(state, None),
            None => {}
        },
        Action::ToggleRegex => {
            state.search.regex = !state.search.regex;
            refresh_matches(state);
        }
        Action::SearchBackspace => {
            if state.search.query.pop().is_none() {
                cancel_search(state, base);
                return;
            }
            refresh_matches(state);
        }
        Action::SearchSubmit => {
            state.mode = base.into();
            state.search_origin = None;
            state.history_at = None;
            remember(state);
            if state.search.query.is_empty() {
                state.search = state.search.cleared();
            }
        }
        Action::SearchCancel | Action::Back => cancel_search(state, base),
        Action::Wheel { .. } | Action::Click { .. } => super::update_panes(state, action),
        _ => {}
    }
}

/// Puts history entry `at` (or an empty query) in the prompt and matches it.
fn show_history(state: &mut State, at: Option<usize>) {
    state.history_at = at;
    state.search.query = at
        .and_then(|i| state.history.get(i).cloned())
        .unwrap_or_default();
    refresh_matches(state);
}

/// Keeps the submitted query at the end of the history, once, the oldest dropped past
/// [`MAX_HISTORY`].
fn remember(state: &mut State) {
    let query = state.search.query.clone();
    if query.trim().is_empty() {
        return;
    }
    state.history.retain(|q| *q != query);
    state.history.push(query);
    if state.history.len() > MAX_HISTORY {
        let extra = state.history.len() - MAX_HISTORY;
        state.history.drain(..extra);
    }
}

/// Adds `text` to the query at once (a paste), matching once.
pub(super) fn add_to_query(state: &mut State, text: &str) {
    if text.is_empty() {
        return;
    }
    state.search.query.push_str(text);
    refresh_matches(state);
}

fn cancel_search(state: &mut State, base: Base) {
    if let Some((focus, views)) = state.search_origin.take() {
        state.focus = focus;
        state.views = views;
    }
    state.search = state.search.cleared();
    state.mode = base.into();
}

/// The matches of `needle` in every pane, in pane and item order, at most [`MAX_MATCHES`].
fn find_matches(state: &State, needle: &Needle) -> Vec<Match> {
    let mut matches = Vec::new();
    if !needle.is_empty() {
        'panes: for pane in Pane::ALL {
            for item in 0..state.content.len(pane) {
                let left = MAX_MATCHES - matches.len();
                let n = state.content.count_matches(pane, item, needle, left);
                matches.extend((0..n).map(|nth| Match { pane, item, nth }));
                if matches.len() >= MAX_MATCHES {
                    break 'panes;
                }
            }
        }
    }
    matches
}

/// Finds the query's matches again in new content, without moving: the match jumped to stays
/// the current one while it still exists.
pub(super) fn rematch(state: &mut State) {
    let current = state
        .search
        .current
        .and_then(|c| state.search.matches.get(c).copied());
    state.search.matches = find_matches(state, &state.search.needle);
    state.search.current = current.and_then(|m| state.search.matches.iter().position(|n| *n == m));
}

/// Recomputes the matches of the query in every pane, then jumps to the first match at or
/// after where the search started, as incremental search does.
fn refresh_matches(state: &mut State) {
    let needle = if state.search.regex {
        match Needle::regex(&state.search.query) {
            Ok(needle) => {
                state.search.invalid = None;
                needle
            }
            Err(why) => {
                state.search.invalid = Some(why);
                Needle::default()
            }
        }
    } else {
        state.search.invalid = None;
        Needle::new(&state.search.query)
    };
    state.search.matches = find_matches(state, &needle);
    state.search.needle = needle;
    state.search.current = None;
    let (focus, views) = state.search_origin.unwrap_or((state.focus, state.views));
    state.focus = focus;
    state.views = views;
    let origin = (focus.index(), views[focus.index()].item);
    let first = state
        .search
        .matches
        .iter()
        .position(|m| (m.pane.index(), m.item) >= origin)
        .or(if state.search.matches.is_empty() {
            None
        } else {
            Some(0)
        });
    if let Some(i) = first {
        jump_to(state, i);
    }
}

pub(super) fn step_match(state: &mut State, forward: bool) {
    let len = state.search.matches.len();
    if len == 0 {
        return;
    }
    let next = match state.search.current {
        Some(c) if forward => (c + 1) % len,
        Some(c) => (c + len - 1) % len,
        None => {
            let here = (state.focus.index(), state.view(state.focus).item);
            let after = state
                .search
                .matches
                .iter()
                .position(|m| (m.pane.index(), m.item) >= here);
            match (after, forward) {
                (Some(i), true) => i,
                (Some(i), false) => (i + len - 1) % len,
                (None, true) => 0,
                (None, false) => len - 1,
            }
        }
    };
    jump_to(state, next);
}

/// Focuses the match's pane and scrolls so the line holding it shows, unless it already does.
fn jump_to(state: &mut State, index: usize) {
    let Some(m) = state.search.matches.get(index).copied() else {
        return;
    };
    state.search.current = Some(index);
    state.focus = m.pane;
    let g = super::geo(state, m.pane);
    let line = line_of_match(state, m, g.width);
    let target = PaneView { item: m.item, line };
    let top = state.view(m.pane);
    if !is_visible(state, m.pane, g, top, target) {
        state.views[m.pane.index()] = scroll::clamp(&state.content, m.pane, g, target);
    }
}

/// The line of its item where a match starts (the item's first line when the match straddles
/// a line break).
pub(super) fn line_of_match(state: &State, m: Match, width: u16) -> usize {
    let lines = state.content.lines(m.pane, m.item, width);
    let mut seen = 0;
    for (i, line) in lines.iter().enumerate() {
        seen += state.search.needle.find_in(&line.text).len();
        if seen > m.nth {
            return i;
        }
    }
    0
}

pub(super) fn is_visible(
    state: &State,
    pane: Pane,
    g: Geometry,
    top: PaneView,
    target: PaneView,
) -> bool {
    if target < top {
        return false;
    }
    // Walk down the pane's rows from the top; the target shows if a row reaches it.
    let mut v = top;
    let mut rows = usize::from(g.height);
    while rows > 0 && v.item < state.content.len(pane) {
        let h = state.content.height(pane, v.item, g.width);
        let here = h.saturating_sub(v.line);
        if target.item == v.item && target.line < v.line + rows.min(here) {
            return true;
        }
        rows = rows.saturating_sub(here);
        v = PaneView {
            item: v.item + 1,
            line: 0,
        };
    }
    false
}
