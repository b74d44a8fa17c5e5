//! Where a frame shows the briefing's links, as runs of cells with their address, so the edge
//! can write them as OSC 8 hyperlinks: the link lines of the summary pane, and the links list.
//! Only addresses [`safe_url`] accepts become hyperlinks; the text shows the address anyway.
//! Pure: computed from the same layout the renderer draws.

use std::ops::Range;

use crate::app::links::safe_url;
use crate::app::screen::{self, text_area};
use crate::app::state::{Base, Mode, Pane, State};
use crate::app::text::width;
use crate::ui::cells;

/// A run of cells on one row that links to an address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hyperlink {
    /// The row.
    pub y: u16,
    /// The columns.
    pub x: Range<u16>,
    /// The address, safe to put in an escape sequence.
    pub url: String,
}

/// The hyperlinks of the frame that shows `state`, in row order.
pub fn hyperlinks(state: &State) -> Vec<Hyperlink> {
    let links = state.content.links();
    // Most briefings have no address to link to: no layout work for them on each frame.
    if !state.content.has_addresses()
        || screen::is_too_small(state.size)
        || state.mode.base() == Base::Present
    {
        return Vec::new();
    }
    let regions = screen::regions(state);
    let url_of = |i: usize| {
        links
            .get(i)
            .and_then(|l| l.url.as_deref())
            .and_then(safe_url)
            .map(str::to_string)
    };
    let mut out = Vec::new();
    match (state.mode, regions.overlay) {
        (Mode::Links(_), Some(area)) => {
            for row in crate::ui::links::rows(state, area) {
                if let Some(url) = url_of(row.link) {
                    let end = row.x.saturating_add(cells(width(&row.text)));
                    out.push(Hyperlink {
                        y: row.y,
                        x: row.x..end,
                        url,
                    });
                }
            }
        }
        (_, Some(_)) => {}
        (_, None) => {
            if let Some(area) = regions.panes[Pane::Summary.index()] {
                pane_links(state, text_area(area), &url_of, &mut out);
            }
        }
    }
    out
}

/// The link lines the summary pane shows in `text`, walked as the renderer walks them.
fn pane_links(
    state: &State,
    text: ratatui::layout::Rect,
    url_of: &dyn Fn(usize) -> Option<String>,
    out: &mut Vec<Hyperlink>,
) {
    let pane = Pane::Summary;
    let content = &state.content;
    let mut view = state.view(pane);
    let mut row = 0u16;
    while row < text.height && view.item < content.len(pane) {
        let lines = content.lines(pane, view.item, text.width.max(1));
        for line in lines.iter().skip(view.line) {
            if row >= text.height {
                break;
            }
            if let Some(url) = line.link.and_then(url_of) {
                // The indent is not part of the link. What trim_start leaves starts on a
                // character boundary, so the split cannot fail.
                let (indent, _) = line
                    .text
                    .split_at(line.text.len() - line.text.trim_start().len());
                let start = text.x.saturating_add(cells(width(indent)));
                let end = text
                    .x
                    .saturating_add(cells(width(&line.text)))
                    .min(text.right());
                if start < end {
                    out.push(Hyperlink {
                        y: text.y + row,
                        x: start..end,
                        url,
                    });
                }
            }
            row += 1;
        }
        view.item += 1;
        view.line = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::key::parse_keys;
    use crate::app::state::Size;
    use crate::model::Lang;

    fn state(keys: &str) -> State {
        let mut b = crate::model::bundled().unwrap();
        b.links[0].url = Some("https://www.unodc.org/speech".into());
        b.links[2].url = Some("javascript:alert(1)".into());
        let mut s = State::new(b, Lang::Fr, Size::new(80, 24));
        for key in parse_keys(keys).unwrap() {
            crate::app::press(&mut s, key);
        }
        s
    }

    #[test]
    fn the_summary_links_are_hyperlinks_where_they_show() {
        let s = state("");
        assert!(hyperlinks(&s).is_empty(), "the links are below the fold");
        let s = state("1G");
        let links = hyperlinks(&s);
        assert!(!links.is_empty());
        assert!(
            links
                .iter()
                .all(|l| l.url == "https://www.unodc.org/speech")
        );
        // The rows hold the link's text.
        let shot = crate::ui::snapshot(
            s.content.briefing.as_ref().clone(),
            Lang::Fr,
            Size::new(80, 24),
            "1G",
            &crate::ui::Theme::new(true),
        )
        .unwrap();
        let text = shot.text();
        let row: &str = text.lines().nth(usize::from(links[0].y)).unwrap();
        assert!(row.contains("Discours"), "{row}");
    }

    #[test]
    fn the_links_list_links_only_safe_addresses() {
        let s = state("o");
        let links = hyperlinks(&s);
        assert!(!links.is_empty());
        assert!(
            links
                .iter()
                .all(|l| l.url == "https://www.unodc.org/speech")
        );
    }
}
