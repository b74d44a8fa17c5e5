//! The links list: every link of the briefing, its title and, under it, its address in plain
//! text (terminals without OSC 8 hyperlinks still show where it goes), the selected one in
//! reverse video and kept in view. Where each row goes is computed once, by [`rows`], for the
//! renderer and for the hyperlinks the edge writes over them.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::Span;
use ratatui::widgets::{Block, BorderType, Clear, Widget};

use crate::app::state::State;
use crate::app::text::wrap;
use crate::ui::{Theme, cells};

/// One row of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Row {
    /// Where it goes.
    pub y: u16,
    /// Its first column.
    pub x: u16,
    /// Its text, as wide as the list at most.
    pub text: String,
    /// The link it belongs to.
    pub link: usize,
    /// True for a row of the address, false for one of the title.
    pub address: bool,
}

fn frame() -> Block<'static> {
    Block::bordered().border_type(BorderType::Double)
}

/// The rows the list shows in `area`, scrolled so the selected link is in view.
pub(crate) fn rows(state: &State, area: Rect) -> Vec<Row> {
    let inner = frame().inner(area);
    if inner.width < 4 || inner.height == 0 {
        return Vec::new();
    }
    let w = usize::from(inner.width - 2);
    let no_address = state.lang().labels().daily.no_address;
    // Every row from the top of the list, then the window that shows the selection.
    let mut all: Vec<(usize, bool, String)> = Vec::new();
    let mut selected = 0..0;
    for (i, link) in state.content.links().iter().enumerate() {
        let start = all.len();
        let title = format!("{}. {}", i + 1, link.title);
        for line in wrap(&title, w, "", "   ") {
            all.push((i, false, line));
        }
        match &link.url {
            Some(url) => {
                for line in wrap(url, w, "   ", "   ") {
                    all.push((i, true, line));
                }
            }
            None => all.push((i, false, format!("   ({no_address})"))),
        }
        if i == state.link {
            selected = start..all.len();
        }
    }
    let height = usize::from(inner.height);
    let first = selected.end.saturating_sub(height).min(selected.start);
    all.into_iter()
        .skip(first)
        .take(height)
        .enumerate()
        .map(|(n, (link, address, text))| Row {
            y: inner.y + cells(n),
            x: inner.x + 1,
            text,
            link,
            address,
        })
        .collect()
}

pub(super) fn render_links(state: &State, theme: &Theme, area: Rect, buf: &mut Buffer) {
    Clear.render(area, buf);
    let title = format!(" {} ", state.lang().labels().links);
    let block = frame()
        .border_style(theme.border(true))
        .title(Span::styled(title, theme.pane_title(true)));
    let inner = block.inner(area);
    block.render(area, buf);
    let w = usize::from(inner.width.saturating_sub(2));
    for row in rows(state, area) {
        let mut style = if row.address {
            theme.role(crate::app::content::Role::Link)
        } else {
            theme.role(crate::app::content::Role::Plain)
        };
        if row.link == state.link {
            style = style.add_modifier(Modifier::REVERSED);
        }
        buf.set_stringn(row.x, row.y, &row.text, w, style);
    }
}
