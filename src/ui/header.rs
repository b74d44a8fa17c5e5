//! The header: the title, the date and event, the parties and their heads.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::app::labels::format_date;
use crate::app::screen::header_lines;
use crate::app::state::State;
use crate::app::text::truncate;
use crate::model::Lang;
use crate::ui::Theme;

pub(super) fn render_header(state: &State, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    let b = &state.content.briefing;
    let lang = state.lang();
    let width = usize::from(area.width.saturating_sub(2));
    let mut rows: Vec<(String, Style)> = Vec::new();

    let shape = header_lines(state);
    let title_rows = usize::from(shape.title);
    let title = state.content.title_lines(area.width.saturating_sub(2));
    for (i, line) in title.iter().take(title_rows).enumerate() {
        let last = i + 1 == title_rows && title.len() > title_rows;
        let text = if last {
            truncate(&format!("{line} …"), width)
        } else {
            line.clone()
        };
        rows.push((text, theme.title()));
    }
    if shape.meta {
        let mut meta: Vec<String> = Vec::new();
        if let Some(d) = b.date {
            meta.push(format_date(d, lang));
        }
        meta.extend(b.place.iter().cloned());
        meta.extend(b.event.iter().cloned());
        rows.push((truncate(&meta.join(" · "), width), theme.meta()));
    }
    if shape.parties {
        rows.push((truncate(&parties_line(state, lang), width), theme.parties()));
    }
    for (y, (text, style)) in (area.y..area.bottom()).zip(&rows) {
        buf.set_stringn(area.x + 1, y, text, width, *style);
    }
}

/// "ONUDC : Yury Fedotov, directeur exécutif de l'ONUDC · INTERPOL : Juergen Stock, ..."
fn parties_line(state: &State, lang: Lang) -> String {
    let parties = &state.content.briefing.parties;
    parties
        .iter()
        .map(|p| p.with_people(&p.name, lang.colon(), lang.semicolon()))
        .collect::<Vec<_>>()
        .join(" · ")
}
