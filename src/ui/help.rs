//! The help overlay, generated from the keymap table.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Block, BorderType, Clear, Widget};

use crate::app::action::Action;
use crate::app::keymap::{Ctx, HelpLine, Keymap};
use crate::app::screen::HELP_KEYS_COLUMN;
use crate::app::state::State;
use crate::app::text::{truncate, width};
use crate::ui::Theme;

pub(super) fn render_help(state: &State, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let l = state.lang().labels();
    Clear.render(area, buf);
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(theme.border(true))
        .title(Span::styled(
            format!(" {} ", l.help_title),
            theme.pane_title(true),
        ))
        .title_bottom(Span::raw(footer(state)));
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.width < 2 || inner.height == 0 {
        return;
    }
    let keys_cols = HELP_KEYS_COLUMN.min((inner.width - 1) / 2);
    let w = usize::from(inner.width - 1);
    let keys_w = usize::from(keys_cols);
    let rows = usize::from(inner.height.saturating_sub(1));
    let lines = state.keymap.help_lines(state.lang());
    // Arrows on the right border say there is more above or below.
    let edge = area.right().saturating_sub(1);
    if state.help_scroll > 0 {
        buf.set_stringn(edge, inner.y, "↑", 1, theme.border(true));
    }
    if state.help_scroll + rows < lines.len() {
        buf.set_stringn(
            edge,
            inner.bottom().saturating_sub(1),
            "↓",
            1,
            theme.border(true),
        );
    }
    // Text takes every row but the last; each row comes from the range, never out of it.
    let text_rows = inner.y..inner.bottom().saturating_sub(1);
    for (y, line) in text_rows.zip(lines.iter().skip(state.help_scroll)) {
        let x = inner.x + 1;
        match line {
            HelpLine::Section(title) => {
                buf.set_stringn(x, y, truncate(title, w), w, theme.help_section());
            }
            HelpLine::Keys(keys, desc) => {
                let keys = truncate(keys, keys_w);
                buf.set_stringn(x + 1, y, &keys, keys_w, theme.help_keys());
                let dx = keys_cols + 2;
                let room = w.saturating_sub(keys_w + 2);
                if room > 0 && width(&keys) <= keys_w {
                    buf.set_stringn(
                        x + dx,
                        y,
                        truncate(desc, room),
                        room,
                        ratatui::style::Style::default(),
                    );
                }
            }
        }
    }
}

/// The footer: how to close the help. Its words name the built-in keys; keys the user bound
/// instead are shown with what they do, and none when the user left closing unbound.
fn footer(state: &State) -> String {
    let l = state.lang().labels();
    let builtin = Keymap::builtin();
    let ours = state.keymap.row(Ctx::Help, Action::ToggleHelp);
    match ours {
        Some(row) if Some(row) != builtin.row(Ctx::Help, Action::ToggleHelp) => {
            if row.keys.is_empty() {
                return String::new();
            }
            let keys: Vec<&str> = row.keys.iter().take(2).map(String::as_str).collect();
            let lang = state.lang();
            format!(
                " {}{}{} ",
                keys.join(" "),
                lang.colon(),
                row.binding.desc(lang)
            )
        }
        _ => format!(" {} ", l.help_footer),
    }
}
