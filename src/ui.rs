//! Pure rendering of a [`State`] into a ratatui buffer: header, panes, tab bar, status line,
//! overlays. Render never mutates the state and never does I/O; the same code draws the local
//! terminal, SSH sessions and headless snapshots.

pub mod export;
pub mod grid;
mod header;
mod help;
pub mod hyperlinks;
pub mod library;
mod links;
pub mod osc;
mod overview;
mod painter;
mod pane;
mod presenter_view;
mod put;
mod slide;
mod status;
pub mod theme;

use std::borrow::Cow;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::key::parse_keys;
use crate::app::keymap::Keymap;
use crate::app::screen::{self, MIN_SIZE};
use crate::app::state::{Base, Mode, Size, State};
use crate::app::update::{normalize, press};
use crate::model::Briefing;
use crate::model::Lang;
pub use painter::Painter;
pub use theme::Theme;

/// Draws `state` into `buf`. When the buffer's size differs from the state's, the state is
/// re-laid out for the buffer first, so render never reads outside it.
pub fn render(state: &State, theme: &Theme, buf: &mut Buffer) {
    let area = buf.area;
    let size = Size::new(area.width, area.height);
    let state: Cow<'_, State> = if state.size == size && area.x == 0 && area.y == 0 {
        Cow::Borrowed(state)
    } else {
        let mut s = state.clone();
        s.size = size;
        normalize(&mut s);
        Cow::Owned(s)
    };
    if area.x != 0 || area.y != 0 {
        // Layout works from the origin; a buffer elsewhere is drawn into a copy.
        let mut own = Buffer::empty(Rect::new(0, 0, area.width, area.height));
        draw(&state, theme, &mut own);
        for y in 0..area.height {
            for x in 0..area.width {
                if let (Some(src), Some(dst)) = (
                    own.cell((x, y)).cloned(),
                    buf.cell_mut((area.x + x, area.y + y)),
                ) {
                    *dst = src;
                }
            }
        }
        return;
    }
    draw(&state, theme, buf);
}

fn draw(state: &State, theme: &Theme, buf: &mut Buffer) {
    if screen::is_too_small(state.size) {
        render_too_small(state, buf);
        return;
    }
    let l = screen::regions(state);
    if state.mode.base() == Base::Present {
        let full = Rect::new(0, 0, state.size.width, state.size.height);
        if state.mode == Mode::PresenterView {
            presenter_view::render_presenter_view(state, theme, full, buf);
            return;
        }
        slide::render_slide(state, theme, full, buf);
        if state.mode == Mode::Overview {
            overview::render_overview(state, theme, screen::overlay_rect(state.size), buf);
        }
        if let Some(r) = l.overlay {
            render_overlay(state, theme, r, buf);
        }
        return;
    }
    header::render_header(state, theme, l.header, buf);
    if let Some(tabs) = l.tabs {
        status::render_tabs(state, theme, tabs, buf);
    }
    for pane in crate::app::state::Pane::ALL {
        if let Some(r) = l.panes[pane.index()] {
            pane::render_pane(state, theme, pane, r, buf);
        }
    }
    status::render_status(state, theme, l.status, buf);
    if let Some(r) = l.overlay {
        render_overlay(state, theme, r, buf);
    }
}

fn render_overlay(state: &State, theme: &Theme, area: Rect, buf: &mut Buffer) {
    match state.mode {
        Mode::Links(_) => links::render_links(state, theme, area, buf),
        _ => help::render_help(state, theme, area, buf),
    }
}

/// Says the terminal is too small, as fully as it fits: the message with what is needed and
/// the current size, then shorter forms, down to "too small" (10 columns, one row).
fn render_too_small(state: &State, buf: &mut Buffer) {
    let l = state.lang().labels();
    let Size { width, height } = state.size;
    if width == 0 || height == 0 {
        return;
    }
    let colon = if state.lang() == Lang::Fr {
        "\u{a0}:"
    } else {
        ":"
    };
    let (mw, mh) = (MIN_SIZE.width, MIN_SIZE.height);
    let candidates = [
        format!(
            "{}{colon} {} {mw}×{mh} ({width}×{height})",
            l.too_small, l.need
        ),
        format!("{}{colon} {} {mw}×{mh}", l.too_small, l.need),
        l.too_small.to_string(),
        l.too_small_short.to_string(),
    ];
    let w = usize::from(width);
    let fits = |lines: &Vec<String>| {
        lines.len() <= usize::from(height)
            && lines.iter().all(|line| crate::app::text::width(line) <= w)
    };
    let lines = candidates
        .iter()
        .map(|m| crate::app::text::wrap(m, w, "", ""))
        .find(fits)
        // Narrower than any form: its first letters, as far as they go.
        .unwrap_or_else(|| vec![l.too_small.to_string()]);
    let top = height.saturating_sub(cells(lines.len())) / 2;
    for (y, line) in (top..height).zip(&lines) {
        buf.set_stringn(0, y, line, w, ratatui::style::Style::default());
    }
}

/// A count of columns or rows as a screen coordinate, saturating: a count beyond `u16` is
/// beyond any screen, so the widest coordinate stands for it and drawing there is clipped.
pub(crate) fn cells(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

/// A headless frame: what the reader shows after `keys`, at `size`.
#[derive(Debug, Clone)]
pub struct Snapshot {
    /// The rendered cells.
    pub buffer: Buffer,
    /// The state after the keys.
    pub state: State,
}

impl Snapshot {
    /// The frame as plain text, one line per row, trailing spaces kept.
    pub fn text(&self) -> String {
        export::to_text(&self.buffer)
    }

    /// The frame with its styles as ANSI escape sequences.
    pub fn ansi(&self) -> String {
        export::to_ansi(&self.buffer)
    }
}

/// Runs the reader's state machine on `briefing` with the keys `keys` (in the keymap's
/// notation, such as `"<Tab> j j / INTERPOL <Enter>"`) and renders the final frame in memory.
/// This is what `briefing snapshot` prints; use it to snapshot-test a frame of a briefing.
pub fn snapshot(
    briefing: Briefing,
    lang: Lang,
    size: Size,
    keys: &str,
    theme: &Theme,
) -> Result<Snapshot, crate::app::KeyParseError> {
    snapshot_with(briefing, lang, size, keys, theme, &Keymap::builtin())
}

/// Like [`snapshot`], with the keys of `keymap` (a user's configuration) instead of the
/// built-in ones.
pub fn snapshot_with(
    briefing: Briefing,
    lang: Lang,
    size: Size,
    keys: &str,
    theme: &Theme,
    keymap: &std::sync::Arc<Keymap>,
) -> Result<Snapshot, crate::app::KeyParseError> {
    let keys = parse_keys(keys)?;
    let mut state = State::new(briefing, lang, size);
    state.keymap = std::sync::Arc::clone(keymap);
    for key in keys {
        press(&mut state, key);
    }
    let mut buffer = Buffer::empty(Rect::new(0, 0, size.width, size.height));
    render(&state, theme, &mut buffer);
    Ok(Snapshot { buffer, state })
}
