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
use crate::app::present::{Align, Section, format_elapsed, slide_text_geometry};
use crate::app::state::{Session, State};
use crate::app::text::{truncate, width};
use crate::ui::Theme;

/// Cells of the progress bar.
const BAR: usize = 10;

pub(super) fn render_slide(state: &State, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let p = &state.present;
    if p.blank {
        return;
    }
    let Some(slide) = p.slide() else { return };
    let l = state.lang().labels();
    let size = crate::app::state::Size::new(area.width, area.height);
    let (text_w, text_h) = slide_text_geometry(size);
    let margin = (usize::from(area.width).saturating_sub(text_w)) / 2;
    let x0 = area.x + u16::try_from(margin).unwrap_or(0);

    // The section title; the title slide shows the briefing's title in its body instead.
    let is_title = slide.section == Section::Title;
    if !is_title || slide.page > 0 {
        let mut title = slide.title.clone();
        if slide.page > 0 {
            title.push(' ');
            title.push_str(l.continued);
        }
        let title_style = theme.role(Role::Heading).add_modifier(Modifier::BOLD);
        buf.set_stringn(x0, area.y, truncate(&title, text_w), text_w, title_style);
    }

    let top = area.y + 2;
    let rows = text_h;
    // The banner on the title slide, only where it leaves room for every line.
    let banner = if is_title && slide.page == 0 {
        banner_for(state, text_w, rows, slide.lines.len())
    } else {
        None
    };
    let banner_rows = banner.as_ref().map_or(0, |(_, _, h)| h + 1);
    let body = banner_rows + slide.lines.len();
    let offset = if slide.centered {
        rows.saturating_sub(body) / 2
    } else {
        0
    };
    if let Some((text, pixel, h)) = banner {
        let big = BigText::builder()
            .pixel_size(pixel)
            .style(
                theme
                    .role(Role::Heading)
                    .remove_modifier(Modifier::UNDERLINED),
            )
            .lines(vec![Line::from(text)])
            .centered()
            .build();
        big.render(
            Rect::new(x0, top + to_u16(offset), to_u16(text_w), to_u16(h)),
            buf,
        );
    }
    for (i, line) in slide
        .lines
        .iter()
        .take(rows.saturating_sub(banner_rows))
        .enumerate()
    {
        let y = top + to_u16(offset + banner_rows + i);
        let w = width(&line.text);
        let x = match line.align {
            Align::Left => x0,
            Align::Center => x0 + to_u16(text_w.saturating_sub(w) / 2),
        };
        let mut style = theme.role(line.role);
        if line.role == Role::Quote {
            style = style.add_modifier(Modifier::BOLD);
        }
        buf.set_stringn(x, y, &line.text, text_w, style);
    }
    render_corner(state, theme, area, buf);
}

fn to_u16(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
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
    let p = &state.present;
    let l = state.lang().labels();
    let y = area.bottom().saturating_sub(1);
    let n = p.deck.len().max(1);
    let done = (p.index + 1) * BAR / n;
    let mut corner = format!(
        "{}{} {}/{}",
        "━".repeat(done),
        "─".repeat(BAR - done),
        p.index + 1,
        n
    );
    if p.timer.started {
        let mark = if p.timer.is_running() { "" } else { " ‖" };
        corner.push_str(&format!(
            " · {}{mark}",
            format_elapsed(p.timer.elapsed(state.now_ms))
        ));
    }
    let dim = Style::default().add_modifier(Modifier::DIM);
    let w = width(&corner);
    if w < usize::from(area.width) {
        let x = area.right() - to_u16(w + 1);
        buf.set_stringn(x, y, &corner, w, theme.border(false).patch(dim));
    }
    let mut left = String::new();
    if let Some(number) = p.number {
        left = format!("→ {number}▏");
    } else {
        match state.session {
            Session::Presenter { watchers } => left = format!("● {}", l.watchers(watchers)),
            Session::Attendee { following: true } | Session::PresenterView => {
                left = format!("● {}", l.following)
            }
            Session::Attendee { following: false } => left = format!("○ {}", l.browsing),
            Session::Local => {}
        }
    }
    let room = usize::from(area.width).saturating_sub(w + 3);
    if !left.is_empty() && room > 2 {
        buf.set_stringn(area.x + 1, y, truncate(&left, room), room, dim);
    }
}
