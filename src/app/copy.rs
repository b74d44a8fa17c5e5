//! What `y` copies and what `e` opens the editor at: the item in focus (a quote with its
//! speaker, an area, a threat, a paragraph), the selected link's address in the links list, or
//! the slide's text while presenting. Pure: the edge puts the text on the clipboard. No I/O
//! here.

use crate::app::content::Origin;
use crate::app::screen::pane_geometry;
use crate::app::scroll;
use crate::app::state::{Base, Mode, State};
use crate::app::text::truncate;

/// What the clipboard gets, and how the status line names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Copied {
    /// What it is ("quote", "link address").
    pub what: &'static str,
    /// The text itself.
    pub text: String,
}

/// The item in focus: the current item of the focused pane (as the status line counts it).
pub fn focused_origin(state: &State) -> Option<Origin> {
    let pane = state.focus;
    let item = scroll::current_item(
        &state.content,
        pane,
        pane_geometry(state, pane),
        state.view(pane),
    );
    state.content.items(pane).get(item).map(|i| i.origin)
}

/// What `y` copies in this state, if anything.
pub fn copied(state: &State) -> Option<Copied> {
    let kinds = &state.lang().labels().daily.kinds;
    if let Mode::Links(_) = state.mode {
        let link = state.content.links().get(state.link)?;
        let text = link.url.clone().unwrap_or_else(|| link.title.clone());
        return Some(Copied {
            what: kinds[7],
            text,
        });
    }
    if state.mode.base() == Base::Present {
        let slide = state.present.slide()?;
        let lines: Vec<&str> = slide.lines.iter().map(|l| l.text.trim()).collect();
        let text = lines.join("\n").trim().to_string();
        return (!text.is_empty()).then_some(Copied {
            what: kinds[8],
            text,
        });
    }
    let pane = state.focus;
    let index = scroll::current_item(
        &state.content,
        pane,
        pane_geometry(state, pane),
        state.view(pane),
    );
    let item = state.content.items(pane).get(index)?;
    let text: Vec<&str> = item.blocks.iter().map(|b| b.text.as_str()).collect();
    let what = match item.origin {
        Origin::Caption => kinds[0],
        Origin::Facts => kinds[1],
        Origin::Paragraph(_) => kinds[2],
        Origin::Links => kinds[3],
        Origin::Quote(_) => kinds[4],
        Origin::Area(_) => kinds[5],
        Origin::Threat(_) => kinds[6],
    };
    Some(Copied {
        what,
        text: text.join("\n"),
    })
}

/// The status line's word for a copy: "copied quote: « Cet accord… (212)", the number of
/// characters copied last.
pub fn note(state: &State, copied: &Copied) -> String {
    let d = state.lang().labels().daily;
    let first = copied.text.lines().next().unwrap_or_default();
    let chars = copied.text.chars().count();
    format!(
        "{} {}{}{} ({chars})",
        d.copied,
        copied.what,
        state.lang().colon(),
        truncate(first, 40)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::key::parse_keys;
    use crate::app::state::Size;
    use crate::model::Lang;

    fn state(keys: &str) -> State {
        let mut b = crate::model::bundled().unwrap();
        b.links[1].url = Some("https://www.unodc.org/ccpcj".into());
        let mut s = State::new(b, Lang::Fr, Size::new(100, 30));
        for key in parse_keys(keys).unwrap() {
            crate::app::press(&mut s, key);
        }
        s
    }

    #[test]
    fn a_quote_is_copied_with_its_speaker() {
        let s = state("2]]]");
        let c = copied(&s).unwrap();
        assert_eq!(c.what, "citation");
        assert!(c.text.starts_with("«\u{a0}Cet accord"), "{}", c.text);
        assert!(
            c.text
                .ends_with("— Juergen Stock, Secrétaire général d'INTERPOL"),
            "{}",
            c.text
        );
        assert_eq!(focused_origin(&s), Some(Origin::Quote(3)));
    }

    #[test]
    fn in_the_links_list_the_selected_address_is_copied() {
        let s = state("oj");
        let c = copied(&s).unwrap();
        assert_eq!(c.what, "adresse du lien");
        assert_eq!(c.text, "https://www.unodc.org/ccpcj");
    }

    #[test]
    fn a_threat_is_copied_by_its_origin_even_when_emerging_ones_come_last() {
        let s = state("4G");
        assert!(matches!(focused_origin(&s), Some(Origin::Threat(_))));
        let c = copied(&s).unwrap();
        assert_eq!(c.what, "menace");
        assert!(c.text.contains("[émergente]"), "{}", c.text);
    }
}
