//! A library's screen: the header, the list of briefings (or the matches grouped by
//! briefing), the filter line, and over them the facet panel or the help. Pure: it reads a
//! [`Library`] and draws; the reader's own screens are drawn by [`super::render`].

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Span;
use ratatui::widgets::{Block, BorderType, Clear, Widget};

use crate::app::keymap::{Ctx, HelpLine};
use crate::app::library::entry::{ItemRef, highlights};
use crate::app::library::labels::labels;
use crate::app::library::{Entry, FacetKind, Library, Overlay, View};
use crate::app::text::{truncate, width};
use crate::ui::Theme;

/// The smallest screen the library draws; below it, one line says so.
const MIN_WIDTH: u16 = 20;
const MIN_HEIGHT: u16 = 4;

/// Draws `lib` into `buf` (from its origin, at the buffer's size).
pub fn render_library(lib: &Library, theme: &Theme, buf: &mut Buffer) {
    let area = buf.area;
    if area.width == 0 || area.height == 0 {
        return;
    }
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let msg = match lib.lang {
            crate::model::Lang::En => "terminal too small",
            crate::model::Lang::Fr => "terminal trop petit",
        };
        buf.set_stringn(
            area.x,
            area.y,
            msg,
            usize::from(area.width),
            Style::default(),
        );
        return;
    }
    let mut lib = std::borrow::Cow::Borrowed(lib);
    if lib.size.width != area.width || lib.size.height != area.height {
        let l = lib.to_mut();
        crate::app::library::update(
            l,
            crate::app::Action::Resize(crate::app::Size::new(area.width, area.height)),
        );
    }
    let lib = &*lib;
    let w = area.width;
    render_header(lib, theme, Rect::new(area.x, area.y, w, 1), buf);
    let body = Rect::new(area.x, area.y + 1, w, area.height - 2);
    match lib.view {
        View::List => render_list(lib, theme, body, buf),
        View::Matches => render_matches(lib, theme, body, buf),
    }
    render_status(lib, theme, Rect::new(area.x, area.bottom() - 1, w, 1), buf);
    match lib.overlay {
        Overlay::Facets => render_facets(lib, theme, facet_rect(area), buf),
        Overlay::Help => render_help(lib, theme, help_rect(area), buf),
        Overlay::None | Overlay::Filter => {}
    }
}

fn facet_rect(area: Rect) -> Rect {
    let w = (area.width / 2).clamp(MIN_WIDTH.min(area.width), 48);
    Rect::new(area.right() - w, area.y + 1, w, area.height - 2)
}

fn help_rect(area: Rect) -> Rect {
    let w = area.width.saturating_sub(4).min(90);
    let h = area.height.saturating_sub(2);
    Rect::new(area.x + (area.width - w) / 2, area.y + 1, w, h)
}

fn render_header(lib: &Library, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let l = labels(lib.lang);
    let total = lib.entries.len() - lib.failed();
    let mut text = format!("{}{}{} · ", l.library, lib.lang.colon(), lib.root);
    // One briefing (and in French none) is singular.
    let noun = if total == 1 || (total == 0 && lib.lang == crate::model::Lang::Fr) {
        l.briefing
    } else {
        l.briefings
    };
    if lib.filter.is_empty() {
        text.push_str(&format!("{total} {noun}"));
    } else {
        let kept = lib
            .shown
            .iter()
            .filter(|&&i| lib.entries.get(i).is_some_and(|e| e.loaded.is_ok()))
            .count();
        text.push_str(&format!("{kept}/{total} {noun}"));
    }
    if lib.failed() > 0 {
        text.push_str(&format!(" · {} {}", lib.failed(), l.failing));
    }
    match lib.loading {
        Some(0) => text.push_str(&format!(" · {}", l.walking)),
        Some(n) => text.push_str(&format!(" · {n} {}", l.to_read)),
        None => {}
    }
    if lib.view == View::Matches || !lib.filter.text.is_empty() {
        let n = lib.hits.iter().filter(|h| h.item.is_some()).count();
        let plus = if lib.hits_capped { "+" } else { "" };
        text.push_str(&format!(" · {n}{plus} {}", l.matches));
    }
    text.push_str(&format!(" · {} {}", l.sorted_by, lib.sort.name(lib.lang)));
    buf.set_stringn(
        area.x,
        area.y,
        truncate(&text, usize::from(area.width)),
        usize::from(area.width),
        theme.title(),
    );
}

/// Column widths of the list: date, title, publisher, language, quotes, threats (0: not
/// shown at this width).
fn columns(width: u16) -> [usize; 6] {
    let w = usize::from(width);
    let (publisher, lang, counts) = if w >= 100 {
        ((w / 5).min(28), 4, 7)
    } else if w >= 80 {
        ((w / 5).min(28), 4, 3)
    } else if w >= 50 {
        ((w / 5).min(16), 0, 3)
    } else {
        (0, 0, 0)
    };
    let used = 10
        + 1
        + [publisher, lang, counts, counts]
            .iter()
            .map(|c| if *c > 0 { c + 1 } else { 0 })
            .sum::<usize>();
    [10, w.saturating_sub(used), publisher, lang, counts, counts]
}

fn render_list(lib: &Library, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let l = labels(lib.lang);
    let cols = columns(area.width);
    // A title wider than its column is cut to its first letter ("q" for the quotes).
    let mut titles = l.columns.map(String::from);
    for (t, w) in titles.iter_mut().zip(cols) {
        if width(t) > w {
            *t = t.chars().take(1).collect();
        }
    }
    put_row(
        buf,
        area.x,
        area.y,
        &cols,
        &titles,
        theme.meta().add_modifier(Modifier::BOLD),
    );
    let rows = usize::from(area.height.saturating_sub(1));
    if lib.shown.is_empty() {
        // While the folder is read, the header says so: the list is not empty yet.
        let said = match lib.loading {
            Some(0) => l.walking,
            Some(_) => "",
            None => l.empty,
        };
        buf.set_stringn(
            area.x + 1,
            area.y + 1,
            said,
            usize::from(area.width - 1),
            theme.meta(),
        );
        return;
    }
    for (row, (n, &i)) in lib
        .shown
        .iter()
        .enumerate()
        .skip(lib.list.top)
        .take(rows)
        .enumerate()
    {
        let y = area.y + 1 + crate::ui::cells(row);
        let Some(entry) = lib.entries.get(i) else {
            continue;
        };
        let selected = n == lib.list.selected;
        let style = if selected {
            Style::default().add_modifier(Modifier::REVERSED)
        } else {
            Style::default()
        };
        match &entry.loaded {
            Ok(s) => {
                let cells = [
                    // An undated release leaves its date column blank.
                    s.date().map(|d| d.to_string()).unwrap_or_default(),
                    s.title().to_string(),
                    s.publisher.clone(),
                    s.lang().to_string(),
                    // Not structured yet: counts pending, never shown as none.
                    count(s, s.quotes),
                    count(s, s.threats),
                ];
                put_row(buf, area.x, y, &cols, &cells, style);
            }
            Err(why) => {
                let text = format!("{:<10} {}", "!", one_line(why, &entry.path));
                let w = usize::from(area.width);
                let padded = format!("{:<w$}", truncate(&text, w));
                buf.set_stringn(area.x, y, padded, w, theme.problem().patch(style));
            }
        }
    }
}

/// A count of a summary's, or `…` while it is pending.
fn count(s: &crate::app::library::Summary, n: usize) -> String {
    if s.pending {
        "…".to_string()
    } else {
        n.to_string()
    }
}

/// The message of a file that does not load, naming the file once.
fn one_line(why: &str, path: &str) -> String {
    // An empty message has no lines: the path is said alone.
    let first = why.lines().next().unwrap_or("");
    if first.contains(path) {
        first.to_string()
    } else {
        format!("{path}: {first}")
    }
}

/// Puts `cells` in their columns on row `y`, numbers right-aligned, the row padded to the
/// full width so a selection shows as a bar.
fn put_row(buf: &mut Buffer, x: u16, y: u16, cols: &[usize; 6], cells: &[String; 6], style: Style) {
    let mut line = String::new();
    for (i, (w, text)) in cols.iter().zip(cells).enumerate() {
        if *w == 0 {
            continue;
        }
        if !line.is_empty() {
            line.push(' ');
        }
        let t = truncate(text, *w);
        let pad = w.saturating_sub(width(&t));
        if i >= 4 {
            line.push_str(&" ".repeat(pad));
            line.push_str(&t);
        } else {
            line.push_str(&t);
            line.push_str(&" ".repeat(pad));
        }
    }
    let total: usize = cols
        .iter()
        .filter(|w| **w > 0)
        .map(|w| w + 1)
        .sum::<usize>();
    buf.set_stringn(x, y, &line, total.saturating_sub(1), style);
}

fn item_kind(lib: &Library, item: ItemRef) -> &'static str {
    let k = labels(lib.lang).items;
    match item {
        ItemRef::Title => k[0],
        ItemRef::Paragraph(_) => k[1],
        ItemRef::Quote(_) => k[2],
        ItemRef::Area(_) => k[3],
        ItemRef::Threat(_) => k[4],
    }
}

fn render_matches(lib: &Library, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let w = usize::from(area.width);
    let query = lib.filter.text.as_str();
    let rows = usize::from(area.height);
    for (row, (n, hit)) in lib
        .hits
        .iter()
        .enumerate()
        .skip(lib.matches.top)
        .take(rows)
        .enumerate()
    {
        let y = area.y + crate::ui::cells(row);
        let selected = n == lib.matches.selected;
        let sel = |s: Style| {
            if selected {
                s.add_modifier(Modifier::REVERSED)
            } else {
                s
            }
        };
        let Some(s) = lib.entries.get(hit.entry).and_then(Entry::summary) else {
            continue;
        };
        match hit.item {
            None => {
                // An undated release leaves its date column blank.
                let date = s.date().map(|d| d.to_string()).unwrap_or_default();
                let text = format!("{date:<10} {}", s.title());
                let t = truncate(&text, w);
                let padded = format!("{t:<w$}");
                buf.set_stringn(area.x, y, padded, w, sel(theme.title()));
            }
            Some(item) => {
                let lead = format!("  {:<9} ", item_kind(lib, item));
                let text = s.item_text(item).replace('\n', " ");
                let room = w.saturating_sub(width(&lead));
                let shown = excerpt(&text, query, room);
                let base = sel(Style::default());
                let padded = format!("{lead}{shown:<room$}");
                buf.set_stringn(area.x, y, &padded, w, base);
                let lead_w = crate::ui::cells(width(&lead));
                for r in highlights(&shown, query) {
                    let before = width(found_part(&shown, ..r.start));
                    let len = width(found_part(&shown, r));
                    let x = area.x + lead_w + crate::ui::cells(before);
                    let hl = Rect::new(x, y, crate::ui::cells(len), 1).intersection(area);
                    buf.set_style(hl, sel(theme.found()));
                }
            }
        }
    }
}

/// The part `range` of `text`, where the range comes from a match found in that same text (so it
/// lies on its character boundaries).
fn found_part(text: &str, range: impl std::slice::SliceIndex<str, Output = str>) -> &str {
    let part = text.get(range);
    debug_assert!(part.is_some(), "a match off its text {text:?}");
    part.unwrap_or_default()
}

/// The part of `text` around the first match of `query` that fits `room` columns.
fn excerpt(text: &str, query: &str, room: usize) -> String {
    let first = highlights(text, query).first().map_or(0, |r| r.start);
    // Start a little before the match, at a word, when the match would not fit otherwise.
    let prefix_w = width(found_part(text, ..first));
    let start = if prefix_w + width(query) + 8 > room {
        let mut s = first.saturating_sub(room / 3);
        while s > 0 && !text.is_char_boundary(s) {
            s -= 1;
        }
        text.get(s..)
            .and_then(|t| t.find(' '))
            .map_or(s, |sp| (s + sp + 1).min(first))
    } else {
        0
    };
    let tail = text.get(start..).unwrap_or(text);
    let lead = if start > 0 { "…" } else { "" };
    truncate(&format!("{lead}{tail}"), room)
}

fn render_status(lib: &Library, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let l = labels(lib.lang);
    let w = usize::from(area.width);
    let (text, style) = if let Some(note) = &lib.note {
        (note.clone(), theme.status())
    } else if lib.overlay == Overlay::Filter || !lib.line.is_empty() {
        let cursor = if lib.overlay == Overlay::Filter {
            "▏"
        } else {
            ""
        };
        let mut t = format!("{}{}{cursor}", l.filter, lib.line);
        if !lib.filter.invalid.is_empty() {
            t.push_str(&format!(
                "  ({}: {})",
                l.not_understood,
                lib.filter.invalid.join(" ")
            ));
        }
        (t, theme.status())
    } else {
        let hint = match lib
            .keymap
            .key_for(Ctx::Library, crate::app::Action::StartSearch)
        {
            Some(key) => format!("{key} {}", l.filter_hint),
            None => l.filter_hint.to_string(),
        };
        (hint, theme.meta())
    };
    let t = truncate(&text, w);
    buf.set_stringn(area.x, area.y, format!("{t:<w$}"), w, style);
}

fn render_facets(lib: &Library, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let l = labels(lib.lang);
    Clear.render(area, buf);
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border(true))
        .title(Span::styled(
            format!(" {} ", l.facets),
            theme.pane_title(true),
        ));
    let inner = block.inner(area);
    block.render(area, buf);
    let w = usize::from(inner.width);
    for (row, (n, f)) in lib
        .facets
        .iter()
        .enumerate()
        .skip(lib.facet.top)
        .take(usize::from(inner.height))
        .enumerate()
    {
        let kind = match f.kind {
            FacetKind::Category => l.kinds[0],
            FacetKind::Party => l.kinds[1],
            FacetKind::Person => l.kinds[2],
        };
        let count = f.count.to_string();
        let room = w.saturating_sub(width(&count) + 11);
        let name = truncate(&f.name, room);
        let text = format!("{kind:<9} {name:<room$} {count}");
        let style = if n == lib.facet.selected {
            Style::default().add_modifier(Modifier::REVERSED)
        } else {
            Style::default()
        };
        buf.set_stringn(inner.x, inner.y + crate::ui::cells(row), text, w, style);
    }
}

fn render_help(lib: &Library, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let words = lib.lang.labels();
    Clear.render(area, buf);
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(theme.border(true))
        .title(Span::styled(
            format!(" {} ", words.help_title),
            theme.pane_title(true),
        ));
    let inner = block.inner(area);
    block.render(area, buf);
    let w = usize::from(inner.width);
    let keys_w = (w / 3).min(24);
    for (row, line) in lib
        .keymap
        .library_help_lines(lib.lang)
        .iter()
        .skip(lib.help_scroll)
        .take(usize::from(inner.height))
        .enumerate()
    {
        let y = inner.y + crate::ui::cells(row);
        match line {
            HelpLine::Section(title) => {
                buf.set_stringn(inner.x, y, title, w, theme.help_section());
            }
            HelpLine::Keys(keys, desc) => {
                let k = truncate(keys, keys_w);
                buf.set_stringn(inner.x + 1, y, &k, keys_w, theme.help_keys());
                let x = inner.x + 2 + crate::ui::cells(keys_w);
                let room = w.saturating_sub(keys_w + 2);
                buf.set_stringn(x, y, truncate(desc, room), room, Style::default());
            }
        }
    }
}

/// A library's frame after `keys` (in the keymap's notation), as `briefing snapshot DIR`
/// prints it; Enter opens the reader, whose frame is drawn until Esc or q comes back.
pub fn snapshot_library(
    lib: crate::app::library::Library,
    keys: &str,
    theme: &Theme,
) -> Result<Buffer, crate::app::KeyParseError> {
    let keys = crate::app::parse_keys(keys)?;
    let size = lib.size;
    let mut browse = crate::app::library::Browse::new(lib);
    for key in keys {
        browse.press(key);
    }
    let mut buffer = Buffer::empty(Rect::new(0, 0, size.width, size.height));
    match &browse.reader {
        Some((state, _)) => super::render(state, theme, &mut buffer),
        None => render_library(&browse.lib, theme, &mut buffer),
    }
    Ok(buffer)
}
