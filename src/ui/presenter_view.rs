//! The presenter's private view: where the presentation is, what comes next, the notes for
//! the current section, and the timer.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Span;
use ratatui::widgets::{Block, BorderType, Widget};

use crate::app::notes::{notes_box, notes_lines, notes_text_area};
use crate::app::present::{LinkStatus, format_elapsed};
use crate::app::state::State;
use crate::app::text::{truncate, wrap};
use crate::ui::{Theme, cells};

fn slide_title(state: &State, index: usize) -> Option<String> {
    let l = state.lang().labels();
    let s = state.present.deck.slides.get(index)?;
    let mut t = format!("{}/{}  {}", index + 1, state.present.deck.len(), s.title);
    if s.page > 0 {
        t.push(' ');
        t.push_str(l.continued);
    }
    Some(t)
}

pub(super) fn render_presenter_view(state: &State, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let present = &state.present;
    let labels = state.lang().labels();
    let text_w = usize::from(area.width.saturating_sub(2));
    if present.link != LinkStatus::Live {
        let text = match (present.link, &present.other_command) {
            (LinkStatus::Other, Some(command)) => {
                format!(
                    "{}.\n{}\n{command}",
                    labels.other_briefing, labels.follow_other
                )
            }
            (LinkStatus::Other, None) => labels.other_briefing.to_string(),
            _ => labels.waiting.to_string(),
        };
        let italic = Style::default().add_modifier(Modifier::ITALIC);
        for (row, line) in (area.y..area.bottom()).zip(&wrap(&text, text_w.max(1), "", "")) {
            buf.set_stringn(area.x + 1, row, line, text_w, italic);
        }
        return;
    }
    let mut row = area.y;
    // Following a live presentation, the deck is laid out and the current slide exists.
    if let Some(now) = slide_title(state, present.index) {
        buf.set_stringn(
            area.x + 1,
            row,
            truncate(&now, text_w),
            text_w,
            theme.pane_title(true),
        );
    }
    render_timer(state, area, buf);
    if present.blank {
        row += 1;
        let dim = Style::default().add_modifier(Modifier::DIM);
        buf.set_stringn(area.x + 1, row, "■ ■ ■", text_w, dim);
    }
    row += 2;
    let next = match slide_title(state, present.index + 1) {
        Some(title) => format!("{} : {title}", labels.next),
        None => format!("{} : {}", labels.next, labels.end),
    };
    if row < area.bottom() {
        let italic = Style::default().add_modifier(Modifier::ITALIC);
        buf.set_stringn(area.x + 1, row, truncate(&next, text_w), text_w, italic);
    }
    if let Some(notes_box) = notes_box(state) {
        render_notes(state, theme, notes_box, buf);
    }
}

/// The timer at the top right, once started; "‖" while paused.
fn render_timer(state: &State, area: Rect, buf: &mut Buffer) {
    let timer = &state.present.timer;
    if !timer.started {
        return;
    }
    let elapsed = format_elapsed(timer.elapsed(state.now_ms));
    let shown = if timer.is_running() {
        elapsed
    } else {
        format!("{elapsed} ‖")
    };
    let shown_w = crate::app::text::width(&shown);
    if shown_w + 2 < usize::from(area.width) {
        let bold = Style::default().add_modifier(Modifier::BOLD);
        let column = area.right() - cells(shown_w + 1);
        buf.set_stringn(column, area.y, &shown, shown_w, bold);
    }
}

/// The notes of the current slide's section in a box, from where they are scrolled to; "…"
/// and arrows on the border say there is more below or above (j/k and the page keys scroll).
fn render_notes(state: &State, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let labels = state.lang().labels();
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border(true))
        .title(Span::styled(
            format!(" {} ", labels.notes),
            theme.pane_title(false),
        ));
    block.render(area, buf);
    let text = notes_text_area(state);
    let lines = notes_lines(state);
    let scroll = state.present.notes_scroll;
    let rows = usize::from(text.height);
    let more_below = scroll + rows < lines.len();
    let text_w = usize::from(text.width);
    for (i, (line, row)) in lines
        .iter()
        .skip(scroll)
        .zip(text.y..text.bottom())
        .enumerate()
    {
        let shown = if more_below && i + 1 == rows {
            truncate(&format!("{line} …"), text_w)
        } else {
            line.clone()
        };
        buf.set_stringn(text.x, row, &shown, text_w, Style::default());
    }
    let edge = area.right().saturating_sub(1);
    if scroll > 0 && text.height > 0 {
        buf.set_stringn(edge, text.y, "↑", 1, theme.border(true));
    }
    if more_below && text.height > 0 {
        buf.set_stringn(edge, text.bottom() - 1, "↓", 1, theme.border(true));
    }
}
