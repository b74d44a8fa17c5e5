//! The briefing's links as the reader offers them: the links list's part of the state
//! machine, and the one rule for which addresses may leave the reader (to the system's opener,
//! in an OSC 8 hyperlink). Content is untrusted: an address is taken only when it is an http,
//! https or mailto URL of printable ASCII, nothing that could end an escape sequence early or
//! be read as an option. No I/O here.

use crate::app::action::{Action, Effect};
use crate::app::state::{Base, Session, State};

/// The longest address handed on; longer ones are not links anyone types.
pub const MAX_URL: usize = 2048;

/// `url` when it may be opened or made a hyperlink: an http, https or mailto URL (any case)
/// of printable ASCII without spaces, at most [`MAX_URL`] bytes; `None` otherwise.
pub fn safe_url(url: &str) -> Option<&str> {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let scheme_ok = ["https://", "http://", "mailto:"]
        .iter()
        .any(|s| lower.starts_with(s));
    let printable = url.bytes().all(|b| b.is_ascii_graphic());
    (scheme_ok && printable && url.len() > "mailto:".len() && url.len() <= MAX_URL).then_some(url)
}

/// The links list's part of the state machine.
pub(crate) fn update_links(state: &mut State, base: Base, action: Action) -> Effect {
    let len = state.content.links().len();
    let last = len.saturating_sub(1);
    match action {
        Action::ScrollDown => state.link = (state.link + 1).min(last),
        Action::ScrollUp => state.link = state.link.saturating_sub(1),
        Action::Top => state.link = 0,
        Action::Bottom => state.link = last,
        Action::Wheel { down, .. } => {
            state.link = if down {
                (state.link + 1).min(last)
            } else {
                state.link.saturating_sub(1)
            };
        }
        Action::ToggleLinks | Action::Back => state.mode = base.into(),
        Action::ToggleHelp => {
            state.help_scroll = 0;
            state.mode = crate::app::state::Mode::Help(base);
        }
        Action::OpenLink => return open(state),
        Action::CopyItem => return crate::app::update::copy(state),
        _ => {}
    }
    Effect::None
}

/// Opening the selected link: only a reader on its own machine hands it to the opener; an
/// attendee is told to open it on their own machine, and a link that is not http, https or
/// mailto is never opened.
fn open(state: &mut State) -> Effect {
    let d = state.lang().labels().daily;
    let Some(link) = state.content.links().get(state.link) else {
        state.note = Some(d.no_links.to_string());
        return Effect::None;
    };
    let Some(url) = link.url.as_deref() else {
        state.note = Some(format!("{}: {}", d.not_opened, link.title));
        return Effect::None;
    };
    let Some(url) = safe_url(url) else {
        state.note = Some(d.not_opened.to_string());
        return Effect::None;
    };
    match state.session {
        Session::Local | Session::Presenter { .. } => {
            state.note = Some(format!("{} {url}", d.opening));
            Effect::OpenLink(state.link)
        }
        Session::Attendee { .. } | Session::PresenterView => {
            state.note = Some(format!("{}: {url}", d.open_yourself));
            Effect::None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_and_mail_addresses_are_safe() {
        for ok in [
            "https://www.unodc.org/",
            "HTTP://example.org/a?b=c;d",
            "mailto:press@interpol.int",
        ] {
            assert_eq!(safe_url(ok), Some(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "file:///etc/passwd",
            "ftp://example.org",
            "-https://x.org",
            "https://x.org/\u{1b}]8;;evil\u{1b}\\",
            "https://x.org/\u{7}",
            "https://x.org/\u{9b}",
            "https://x.org/a b",
            "https://x.org/é",
            "mailto:",
            "",
        ] {
            assert_eq!(safe_url(bad), None, "{bad:?}");
        }
        assert_eq!(
            safe_url(&format!("https://x.org/{}", "a".repeat(MAX_URL))),
            None
        );
    }
}
