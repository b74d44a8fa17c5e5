//! The status line (mode, focused pane and position, search, key hints) and the tab bar.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::app::action::Action;
use crate::app::keymap::Ctx;
use crate::app::screen::{pane_geometry, tab_labels};
use crate::app::scroll;
use crate::app::state::{MAX_MATCHES, Mode, Pane, Session, State};
use crate::app::text::{truncate, width};
use crate::ui::{Theme, cells};

/// The hints shown on the right of the status line, per context.
fn hints(ctx: Ctx) -> &'static [Action] {
    match ctx {
        Ctx::Panes => &[Action::ToggleHelp, Action::StartSearch, Action::Quit],
        Ctx::Search => &[Action::SearchSubmit, Action::SearchCancel],
        Ctx::Help => &[Action::ToggleHelp, Action::Quit],
        Ctx::Links => &[Action::OpenLink, Action::CopyItem, Action::ToggleLinks],
        Ctx::Present
        | Ctx::Overview
        | Ctx::PresenterView
        | Ctx::Always
        | Ctx::Library
        | Ctx::Matches
        | Ctx::LibraryFilter
        | Ctx::Facets => &[],
    }
}

fn hint_text(state: &State) -> String {
    let ctx = match state.mode {
        Mode::Search(_) => Ctx::Search,
        Mode::Help(_) => Ctx::Help,
        Mode::Links(_) => Ctx::Links,
        _ => Ctx::Panes,
    };
    let lang = state.lang();
    hints(ctx)
        .iter()
        .filter_map(|a| {
            let row = state.keymap.row(ctx, *a)?;
            let key = row.keys.first()?;
            let desc = row.binding.desc(lang);
            Some(format!(
                "{} {desc}",
                key.trim_start_matches('<').trim_end_matches('>')
            ))
        })
        .collect::<Vec<_>>()
        .join("  ")
}

/// What the status line says, before it is fitted to a width: drawing it is all that is left.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct StatusLine {
    /// The mode, or the search being typed.
    badge: String,
    /// The pane and position, the session, the search and the note.
    left: String,
    /// A problem to show in its own style, instead of the hints.
    problem: Option<String>,
    /// The key hints of the mode.
    hints: String,
}

pub(super) fn render_status(state: &State, theme: &Theme, area: Rect, buf: &mut Buffer) {
    draw_status(&status_line(state), theme, area, buf);
}

/// What the status line of `state` says.
pub(super) fn status_line(state: &State) -> StatusLine {
    let l = state.lang().labels();
    let mode = match state.mode {
        Mode::Reading => l.mode_reading,
        Mode::Zoom => l.mode_zoom,
        Mode::Search(_) => l.mode_search,
        Mode::Help(_) => l.mode_help,
        Mode::Links(_) => l.links,
        Mode::Present => l.mode_present,
        Mode::Overview => l.overview,
        Mode::PresenterView => l.notes,
        Mode::Quit => "",
    };
    let pane = state.focus;
    let len = state.content.len(pane);
    let mut left = String::new();
    let mut badge = format!(" {mode} ");
    if let Mode::Search(_) = state.mode {
        badge = format!(" /{}▏", state.search.query);
    }
    if !matches!(state.mode, Mode::Search(_)) {
        let item = scroll::current_item(
            &state.content,
            pane,
            pane_geometry(state, pane),
            state.view(pane),
        );
        left.push_str(&format!(
            " {} {}/{len}",
            l.panes[pane.index()],
            if len == 0 { 0 } else { item + 1 }
        ));
    }
    match state.session {
        Session::Local => {}
        Session::Presenter { watchers } => left.push_str(&format!("  ● {}", l.watchers(watchers))),
        Session::Attendee { following: true } | Session::PresenterView => {
            left.push_str(&format!("  ● {}", l.following))
        }
        Session::Attendee { following: false } => left.push_str(&format!("  ○ {}", l.browsing)),
    }
    if !state.search.query.is_empty() {
        let n = state.search.matches.len();
        let count = if n >= MAX_MATCHES {
            format!("{n}+")
        } else {
            n.to_string()
        };
        let info = match (n, state.search.current) {
            (0, _) => l.no_match.to_string(),
            (_, Some(c)) => format!("{}/{count} {}", c + 1, l.matches),
            (_, None) => format!("{count} {}", l.matches),
        };
        if matches!(state.mode, Mode::Search(_)) {
            left.push_str(&format!("  {info}"));
        } else {
            left.push_str(&format!("  /{}  {info}", state.search.query));
        }
    }
    if let Mode::Search(_) = state.mode
        && state.search.regex
    {
        left.push_str(&format!("  [{}]", l.daily.regex));
        if let Some(why) = &state.search.invalid {
            left.push_str(&format!(" {why}"));
        }
    }
    if let Some(note) = &state.note {
        left.push_str(&format!("  {note}"));
    }
    // The problem goes last, in its own style, and the hints give it their room.
    let problem = state
        .file_error
        .as_ref()
        .map(|why| format!("  ⚠ {}{}{why}", l.daily.not_reloaded, state.lang().colon()));
    let hints = if problem.is_some() {
        String::new()
    } else {
        hint_text(state)
    };
    StatusLine {
        badge,
        left,
        problem,
        hints,
    }
}

/// Draws `line` over `area`, fitted to its width.
pub(super) fn draw_status(line: &StatusLine, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if area.height == 0 {
        return;
    }
    buf.set_style(area, theme.status());
    let total = usize::from(area.width);
    let badge = truncate(&line.badge, total);
    let x = area.x;
    buf.set_stringn(
        x,
        area.y,
        &badge,
        total,
        theme.status().patch(theme.badge()),
    );
    let used = width(&badge);
    let rest = total.saturating_sub(used);
    let left = truncate(&line.left, rest);
    let bx = x.saturating_add(cells(used));
    buf.set_stringn(bx, area.y, &left, rest, theme.status());
    if let Some(problem) = &line.problem {
        let px = bx.saturating_add(cells(width(&left)));
        let room = rest.saturating_sub(width(&left));
        buf.set_stringn(
            px,
            area.y,
            truncate(problem, room),
            room,
            theme.status().patch(theme.problem()),
        );
        return;
    }
    let room = rest.saturating_sub(width(&left) + 2);
    // All hints when they fit, else the first (help) alone, else none.
    let all = &line.hints;
    let first = all
        .split_once("  ")
        .map_or(all.as_str(), |(first, _)| first);
    let hints = if width(all) < room {
        all.as_str()
    } else {
        first
    };
    if width(hints) < room {
        let hx = area.right().saturating_sub(cells(width(hints) + 1));
        buf.set_stringn(hx, area.y, hints, room, theme.status());
    }
}

pub(super) fn render_tabs(state: &State, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let labels = tab_labels(state, area.width);
    let mut x = area.x;
    for (pane, label) in Pane::ALL.iter().zip(labels.iter()) {
        if x >= area.right() {
            break;
        }
        let room = usize::from(area.right() - x);
        let (end, _) = buf.set_stringn(x, area.y, label, room, theme.tab(*pane == state.focus));
        x = end;
        if x < area.right() && *pane != Pane::Threats {
            buf.set_stringn(x, area.y, "│", 1, Style::default());
            x += 1;
        }
    }
}
