//! One pane: a bordered box, its title with the position, the visible lines with search
//! matches marked, and a scrollbar when the content overflows.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, BorderType, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget,
};

use crate::app::screen::{Geometry, text_area};
use crate::app::scroll;
use crate::app::state::{Pane, State};
use crate::ui::Theme;

pub(super) fn render_pane(state: &State, theme: &Theme, pane: Pane, area: Rect, buf: &mut Buffer) {
    let labels = state.lang().labels();
    let focused = pane == state.focus;
    let content = &state.content;
    let text = text_area(area);
    let geo = Geometry {
        width: text.width.max(1),
        height: text.height,
    };
    let view = state.view(pane);
    let len = content.len(pane);
    let current = scroll::current_item(content, pane, geo, view);

    let mut title = format!(" {} {} ", pane.index() + 1, labels.panes[pane.index()]);
    if len > 0 {
        title.push_str(&format!("{}/{len} ", current + 1));
    }
    if focused {
        title.insert(0, '▶');
    }
    let block = Block::bordered()
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(theme.border(focused))
        .title(Span::styled(title, theme.pane_title(focused)));
    block.render(area, buf);

    if len == 0 {
        buf.set_stringn(
            text.x,
            text.y,
            labels.empty,
            usize::from(text.width),
            Style::default(),
        );
        return;
    }
    render_lines(state, theme, pane, text, buf);

    if !scroll::fits(content, pane, geo) && area.height > 2 {
        // By line, not by item: a long item moves the thumb as it scrolls, and the thumb's
        // length is the share of the lines in view (see scroll::bar for long panes).
        let b = scroll::bar(content, pane, geo, view);
        let mut sb = ScrollbarState::new(b.content)
            .position(b.position)
            .viewport_content_length(b.viewport);
        let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .style(theme.border(focused))
            .begin_symbol(Some("↑"))
            .end_symbol(Some("↓"));
        bar.render(
            area.inner(Margin {
                vertical: 1,
                horizontal: 0,
            }),
            buf,
            &mut sb,
        );
    }
}

/// Draws the lines from the pane's scroll position down, marking search matches; the match
/// jumped to gets its own style.
fn render_lines(state: &State, theme: &Theme, pane: Pane, text: Rect, buf: &mut Buffer) {
    let content = &state.content;
    let needle = &state.search.needle;
    let current = state
        .search
        .current
        .and_then(|i| state.search.matches.get(i))
        .filter(|m| m.pane == pane);
    let mut view = state.view(pane);
    let mut row = 0u16;
    while row < text.height && view.item < content.len(pane) {
        let lines = content.lines(pane, view.item, text.width.max(1));
        // Occurrences above the first shown line, so the current match is counted right.
        let mut nth = if needle.is_empty() || current.is_none_or(|m| m.item != view.item) {
            0
        } else {
            lines
                .iter()
                .take(view.line)
                .map(|l| needle.find_in(&l.text).len())
                .sum()
        };
        for line in lines.iter().skip(view.line) {
            if row >= text.height {
                break;
            }
            let base = theme.role(line.role);
            let mut spans = Vec::new();
            let mut at = 0;
            if !needle.is_empty() {
                for r in needle.find_in(&line.text) {
                    spans.push(Span::styled(&line.text[at..r.start], base));
                    let is_current = current.is_some_and(|m| m.item == view.item && m.nth == nth);
                    let style = if is_current {
                        theme.found_current()
                    } else {
                        theme.found()
                    };
                    spans.push(Span::styled(&line.text[r.start..r.end], base.patch(style)));
                    at = r.end;
                    nth += 1;
                }
            }
            spans.push(Span::styled(&line.text[at..], base));
            buf.set_line(text.x, text.y + row, &Line::from(spans), text.width);
            row += 1;
        }
        view.item += 1;
        view.line = 0;
    }
}
