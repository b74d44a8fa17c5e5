//! Styles, decided once at the edge (NO_COLOR or not) and passed to the renderer.
//!
//! Only the 16 ANSI colours are used, so it looks right without true colour; without colour,
//! emphasis falls back on bold, italic, underline and reverse video, so nothing depends on
//! colour alone.

use ratatui::style::{Color, Modifier, Style};

use crate::app::content::Role;

/// The renderer's styles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// False under NO_COLOR: modifiers only.
    pub color: bool,
}

impl Default for Theme {
    fn default() -> Theme {
        Theme { color: true }
    }
}

impl Theme {
    /// The colour theme, or the plain one when `no_color` (the `NO_COLOR` convention: set and
    /// not empty).
    pub fn new(no_color: bool) -> Theme {
        Theme { color: !no_color }
    }

    /// The theme the `NO_COLOR` value asks for.
    pub fn from_no_color(value: Option<&std::ffi::OsStr>) -> Theme {
        Theme::new(value.is_some_and(|v| !v.is_empty()))
    }

    fn fg(&self, style: Style, color: Color) -> Style {
        if self.color { style.fg(color) } else { style }
    }

    /// The style of a piece of pane text.
    pub fn role(&self, role: Role) -> Style {
        let s = Style::default();
        match role {
            Role::Plain | Role::Detail => s,
            Role::Caption | Role::Context => s.add_modifier(Modifier::ITALIC),
            Role::Quote => self.fg(s, Color::White),
            Role::Speaker => self.fg(s.add_modifier(Modifier::BOLD), Color::Cyan),
            Role::Label => s.add_modifier(Modifier::BOLD),
            Role::Emerging => self.fg(s.add_modifier(Modifier::BOLD), Color::Yellow),
            Role::Heading => self.fg(
                s.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
                Color::Magenta,
            ),
            Role::Link => self.fg(s.add_modifier(Modifier::UNDERLINED), Color::Blue),
        }
    }

    /// A pane border: the focused one also gets thick lines (see the renderer).
    pub fn border(&self, focused: bool) -> Style {
        if focused {
            self.fg(Style::default().add_modifier(Modifier::BOLD), Color::Cyan)
        } else {
            self.fg(Style::default(), Color::Gray)
        }
    }

    /// A pane title.
    pub fn pane_title(&self, focused: bool) -> Style {
        if focused {
            self.fg(
                Style::default().add_modifier(Modifier::BOLD | Modifier::REVERSED),
                Color::Cyan,
            )
        } else {
            Style::default().add_modifier(Modifier::BOLD)
        }
    }

    /// The briefing's title in the header.
    pub fn title(&self) -> Style {
        self.fg(Style::default().add_modifier(Modifier::BOLD), Color::White)
    }

    /// Date and event in the header.
    pub fn meta(&self) -> Style {
        self.fg(Style::default(), Color::Cyan)
    }

    /// Parties in the header.
    pub fn parties(&self) -> Style {
        Style::default().add_modifier(Modifier::ITALIC)
    }

    /// A search match.
    pub fn found(&self) -> Style {
        if self.color {
            Style::default().fg(Color::Black).bg(Color::Yellow)
        } else {
            Style::default().add_modifier(Modifier::REVERSED)
        }
    }

    /// The match jumped to.
    pub fn found_current(&self) -> Style {
        if self.color {
            Style::default()
                .fg(Color::Black)
                .bg(Color::LightRed)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::default()
                .add_modifier(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED)
        }
    }

    /// The status line.
    pub fn status(&self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED)
    }

    /// A problem in the status line (the file does not load any more).
    pub fn problem(&self) -> Style {
        self.fg(Style::default().add_modifier(Modifier::BOLD), Color::Red)
    }

    /// The mode badge in the status line.
    pub fn badge(&self) -> Style {
        self.fg(Style::default().add_modifier(Modifier::BOLD), Color::Cyan)
    }

    /// A selected tab.
    pub fn tab(&self, selected: bool) -> Style {
        if selected {
            self.fg(
                Style::default().add_modifier(Modifier::BOLD | Modifier::REVERSED),
                Color::Cyan,
            )
        } else {
            Style::default()
        }
    }

    /// Section titles in the help overlay.
    pub fn help_section(&self) -> Style {
        self.fg(
            Style::default().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            Color::Magenta,
        )
    }

    /// Keys in the help overlay.
    pub fn help_keys(&self) -> Style {
        self.fg(Style::default().add_modifier(Modifier::BOLD), Color::Cyan)
    }
}
