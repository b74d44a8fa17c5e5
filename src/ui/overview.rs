//! The overview: every slide's title, the selected one marked, to jump to with Enter.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Span;
use ratatui::widgets::{Block, BorderType, Clear, Widget};

use crate::app::state::State;
use crate::app::text::truncate;
use crate::ui::Theme;

pub(super) fn render_overview(state: &State, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let p = &state.present;
    let l = state.lang().labels();
    Clear.render(area, buf);
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(theme.border(true))
        .title(Span::styled(
            format!(" {} ", l.overview),
            theme.pane_title(true),
        ));
    let inner = block.inner(area);
    block.render(area, buf);
    let rows = usize::from(inner.height);
    if rows == 0 || inner.width < 4 {
        return;
    }
    // Keep the selection in view, a little above the middle.
    let first = p
        .overview
        .saturating_sub(rows / 2)
        .min(p.deck.len().saturating_sub(rows));
    let w = usize::from(inner.width - 2);
    for (y, (i, slide)) in
        (inner.y..inner.bottom()).zip(p.deck.slides.iter().enumerate().skip(first))
    {
        let mut text = format!("{:>3}  {}", i + 1, slide.title);
        if slide.page > 0 {
            text.push(' ');
            text.push_str(l.continued);
        }
        let mut style = Style::default();
        if i == p.index {
            style = style.add_modifier(Modifier::BOLD);
            text.insert(0, '▶');
        } else {
            text.insert(0, ' ');
        }
        if i == p.overview {
            style = style.add_modifier(Modifier::REVERSED);
        }
        buf.set_stringn(inner.x + 1, y, truncate(&text, w), w, style);
    }
}
