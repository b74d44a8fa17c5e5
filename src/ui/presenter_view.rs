//! The presenter's private view: where the presentation is, what comes next, the notes for
//! the current section, and the timer.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Span;
use ratatui::widgets::{Block, BorderType, Widget};

use crate::app::present::{LinkStatus, Section, format_elapsed};
use crate::app::state::State;
use crate::app::text::{truncate, wrap};
use crate::model::Notes;
use crate::ui::Theme;

fn note_for(notes: &Notes, section: Section) -> Option<&str> {
    match section {
        Section::Title => notes.title.as_deref(),
        Section::Summary => notes.summary.as_deref(),
        Section::Quote(_) => notes.quotes.as_deref(),
        Section::Areas => notes.cooperation_areas.as_deref(),
        Section::Threats => notes.threats.as_deref(),
        Section::Links => notes.links.as_deref(),
    }
}

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
    let p = &state.present;
    let l = state.lang().labels();
    let w = usize::from(area.width.saturating_sub(2));
    let bold = Style::default().add_modifier(Modifier::BOLD);
    let mut y = area.y;
    if p.link != LinkStatus::Live {
        let text = if p.link == LinkStatus::Other {
            l.other_briefing
        } else {
            l.waiting
        };
        for (i, line) in wrap(text, w.max(1), "", "").iter().enumerate() {
            let yy = area.y + u16::try_from(i).unwrap_or(0);
            if yy < area.bottom() {
                buf.set_stringn(
                    area.x + 1,
                    yy,
                    line,
                    w,
                    Style::default().add_modifier(Modifier::ITALIC),
                );
            }
        }
        return;
    }
    let now = slide_title(state, p.index).unwrap_or_default();
    buf.set_stringn(area.x + 1, y, truncate(&now, w), w, theme.pane_title(true));
    if p.timer.started {
        let t = format_elapsed(p.timer.elapsed(state.now_ms));
        let t = if p.timer.is_running() {
            t
        } else {
            format!("{t} ‖")
        };
        let tw = crate::app::text::width(&t);
        if tw + 2 < usize::from(area.width) {
            buf.set_stringn(
                area.right() - u16::try_from(tw + 1).unwrap_or(0),
                y,
                &t,
                tw,
                bold,
            );
        }
    }
    if p.blank {
        y += 1;
        buf.set_stringn(
            area.x + 1,
            y,
            "■ ■ ■",
            w,
            Style::default().add_modifier(Modifier::DIM),
        );
    }
    y += 2;
    let next = match slide_title(state, p.index + 1) {
        Some(t) => format!("{} : {t}", l.next),
        None => format!("{} : {}", l.next, l.end),
    };
    if y < area.bottom() {
        buf.set_stringn(
            area.x + 1,
            y,
            truncate(&next, w),
            w,
            Style::default().add_modifier(Modifier::ITALIC),
        );
    }
    y += 2;
    if y + 2 > area.bottom() {
        return;
    }
    let notes_area = Rect::new(area.x, y, area.width, area.bottom() - y);
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border(true))
        .title(Span::styled(
            format!(" {} ", l.notes),
            theme.pane_title(false),
        ));
    let inner = block.inner(notes_area);
    block.render(notes_area, buf);
    let section = p.slide().map(|s| s.section).unwrap_or_default();
    let text = note_for(&state.content.briefing.notes, section).unwrap_or(l.no_notes);
    let lines = wrap(
        text,
        usize::from(inner.width.saturating_sub(2)).max(1),
        "",
        "",
    );
    let rows = usize::from(inner.height);
    for (i, line) in lines.iter().take(rows).enumerate() {
        let last = i + 1 == rows && lines.len() > rows;
        let shown = if last {
            format!("{line} …")
        } else {
            line.clone()
        };
        let yy = inner.y + u16::try_from(i).unwrap_or(0);
        buf.set_stringn(
            inner.x + 1,
            yy,
            &shown,
            usize::from(inner.width.saturating_sub(2)),
            Style::default(),
        );
    }
}
