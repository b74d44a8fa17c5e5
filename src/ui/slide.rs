//! One slide, full screen: the section title (with "(continued)" on later pages), the lines,
//! the big-text banner on the title slide when there is room, and in a corner the progress
//! and the timer.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::Widget;
use tui_big_text::{BigText, PixelSize};

use crate::app::content::Role;
use crate::app::present::{Align, Section, Slide, format_elapsed, slide_text_geometry};
use crate::app::state::{Session, State};
use crate::app::text::{truncate, width};
use crate::ui::{Theme, cells};

/// Cells of the progress bar.
const BAR: usize = 10;

pub(super) fn render_slide(state: &State, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let present = &state.present;
    if present.blank {
        return;
    }
    let Some(slide) = present.slide() else { return };
    let size = crate::app::state::Size::new(area.width, area.height);
    let (text_w, rows) = slide_text_geometry(size);
    let margin = (usize::from(area.width).saturating_sub(text_w)) / 2;
    let text = Rect::new(
        area.x.saturating_add(cells(margin)),
        area.y.saturating_add(2),
        cells(text_w),
        cells(rows),
    );
    render_slide_title(state, theme, slide, Rect { y: area.y, ..text }, buf);
    // The banner on the title slide, only where it leaves room for every line.
    let banner = if slide.section == Section::Title && slide.page == 0 {
        banner_for(state, text_w, rows, slide.lines.len())
    } else {
        None
    };
    let banner_rows = banner.as_ref().map_or(0, |(_, _, height)| height + 1);
    let body = banner_rows + slide.lines.len();
    let offset = if slide.centered {
        rows.saturating_sub(body) / 2
    } else {
        0
    };
    if let Some((words, pixel, height)) = banner {
        let big = BigText::builder()
            .pixel_size(pixel)
            .style(
                theme
                    .role(Role::Heading)
                    .remove_modifier(Modifier::UNDERLINED),
            )
            .lines(vec![Line::from(words)])
            .centered()
            .build();
        big.render(
            Rect::new(text.x, text.y + cells(offset), text.width, cells(height)),
            buf,
        );
    }
    let first_row = text.y + cells(offset + banner_rows);
    render_slide_lines(
        theme,
        slide,
        text,
        first_row,
        rows - banner_rows.min(rows),
        buf,
    );
    render_corner(state, theme, area, buf);
}

/// The section title at the top of `area`, "(continued)" after the first page; the title slide
/// shows the briefing's title in its body instead.
fn render_slide_title(state: &State, theme: &Theme, slide: &Slide, area: Rect, buf: &mut Buffer) {
    if slide.section == Section::Title && slide.page == 0 {
        return;
    }
    let mut title = slide.title.clone();
    if slide.page > 0 {
        title.push(' ');
        title.push_str(state.lang().labels().continued);
    }
    let title_style = theme.role(Role::Heading).add_modifier(Modifier::BOLD);
    let text_w = usize::from(area.width);
    buf.set_stringn(
        area.x,
        area.y,
        truncate(&title, text_w),
        text_w,
        title_style,
    );
}

/// The slide's lines from row `first_row`, at most `rows` of them, each placed in `text`'s
/// columns as its alignment says.
fn render_slide_lines(
    theme: &Theme,
    slide: &Slide,
    text: Rect,
    first_row: u16,
    rows: usize,
    buf: &mut Buffer,
) {
    let text_w = usize::from(text.width);
    for (i, line) in slide.lines.iter().take(rows).enumerate() {
        let row = first_row.saturating_add(cells(i));
        let line_w = width(&line.text);
        let column = match line.align {
            Align::Left => text.x,
            Align::Center => text.x + cells(text_w.saturating_sub(line_w) / 2),
        };
        let mut style = theme.role(line.role);
        if line.role == Role::Quote {
            style = style.add_modifier(Modifier::BOLD);
        }
        buf.set_stringn(column, row, &line.text, text_w, style);
    }
}

/// The banner of the title slide: the parties ("ONUDC × INTERPOL"), else the date, in the
/// largest big-text size that fits `width` and leaves room for `lines` lines; with its height.
fn banner_for(
    state: &State,
    width: usize,
    rows: usize,
    lines: usize,
) -> Option<(String, PixelSize, usize)> {
    let b = &state.content.briefing;
    let text = if b.parties.is_empty() {
        crate::app::labels::format_date(b.date?, state.lang())
    } else {
        b.parties
            .iter()
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>()
            .join(" × ")
    };
    let chars = text.chars().count();
    [
        (PixelSize::Full, 8, 8),
        (PixelSize::HalfHeight, 8, 4),
        (PixelSize::Quadrant, 4, 4),
    ]
    .into_iter()
    .find(|(_, w, h)| chars * w <= width && h + 1 + lines <= rows)
    .map(|(size, _, h)| (text, size, h))
}

/// Bottom right: "━━━━────── 3/12 · 01:23"; bottom left: who follows whom, and a typed slide
/// number.
fn render_corner(state: &State, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let present = &state.present;
    let labels = state.lang().labels();
    let row = area.bottom().saturating_sub(1);
    let slides = present.deck.len().max(1);
    let done = (present.index + 1) * BAR / slides;
    let mut corner = format!(
        "{}{} {}/{}",
        "━".repeat(done),
        "─".repeat(BAR - done),
        present.index + 1,
        slides
    );
    if present.timer.started {
        let mark = if present.timer.is_running() {
            ""
        } else {
            " ‖"
        };
        corner.push_str(&format!(
            " · {}{mark}",
            format_elapsed(present.timer.elapsed(state.now_ms))
        ));
    }
    let dim = Style::default().add_modifier(Modifier::DIM);
    let corner_w = width(&corner);
    if corner_w < usize::from(area.width) {
        let column = area.right() - cells(corner_w + 1);
        buf.set_stringn(
            column,
            row,
            &corner,
            corner_w,
            theme.border(false).patch(dim),
        );
    }
    let mut left = String::new();
    if let Some(number) = present.number {
        left = format!("→ {number}▏");
    } else {
        match state.session {
            Session::Presenter { watchers } => left = format!("● {}", labels.watchers(watchers)),
            Session::Attendee { following: true } | Session::PresenterView => {
                left = format!("● {}", labels.following)
            }
            Session::Attendee { following: false } => left = format!("○ {}", labels.browsing),
            Session::Local => {}
        }
    }
    let room = usize::from(area.width).saturating_sub(corner_w + 3);
    if !left.is_empty() && room > 2 {
        buf.set_stringn(area.x + 1, row, truncate(&left, room), room, dim);
    }
}
