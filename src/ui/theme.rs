//! Styles, decided once at the edge (the configuration's theme, and NO_COLOR over it) and
//! passed to the renderer.
//!
//! The built-in themes use only the 16 ANSI colours, so they look right without true colour
//! (a user's colours may be true colour); without colour (`mono`, NO_COLOR), emphasis falls
//! back on bold, italic, underline and reverse video, so nothing depends on colour alone.

use ratatui::style::{Color, Modifier, Style};

use crate::app::content::Role;

/// The colour of each role the interface gives one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    /// Pane borders out of focus.
    pub borders: Color,
    /// The focused pane's border and title, the selected tab, the mode badge, keys in help.
    pub focus: Color,
    /// The briefing's title.
    pub titles: Color,
    /// Section headings in panes and slides, section titles in help.
    pub headings: Color,
    /// Quoted words.
    pub quotes: Color,
    /// Who speaks.
    pub speakers: Color,
    /// Date and event in the header.
    pub details: Color,
    /// Links.
    pub links: Color,
    /// Emerging threats.
    pub emerging: Color,
    /// The background of search matches.
    pub search: Color,
    /// The background of the match jumped to.
    pub search_current: Color,
    /// The status line's background (`default`: the terminal's colours, reversed).
    pub status: Color,
}

impl Palette {
    /// For dark backgrounds (the default).
    pub const DARK: Palette = Palette {
        borders: Color::Gray,
        focus: Color::Cyan,
        titles: Color::White,
        headings: Color::Magenta,
        quotes: Color::White,
        speakers: Color::Cyan,
        details: Color::Cyan,
        links: Color::Blue,
        emerging: Color::Yellow,
        search: Color::Yellow,
        search_current: Color::LightRed,
        status: Color::Reset,
    };

    /// For light backgrounds: no white or yellow text.
    pub const LIGHT: Palette = Palette {
        borders: Color::DarkGray,
        focus: Color::Blue,
        titles: Color::Black,
        headings: Color::Magenta,
        quotes: Color::Reset,
        speakers: Color::Blue,
        details: Color::Blue,
        links: Color::Blue,
        emerging: Color::Red,
        search: Color::Yellow,
        search_current: Color::LightRed,
        status: Color::Reset,
    };

    /// The roles, by their names in a configuration, with their colours.
    pub fn roles(&self) -> [(&'static str, Color); 12] {
        [
            ("borders", self.borders),
            ("focus", self.focus),
            ("titles", self.titles),
            ("headings", self.headings),
            ("quotes", self.quotes),
            ("speakers", self.speakers),
            ("details", self.details),
            ("links", self.links),
            ("emerging", self.emerging),
            ("search", self.search),
            ("search_current", self.search_current),
            ("status", self.status),
        ]
    }

    /// The colour of the role named `name`, to set it; `None` for no such role.
    pub fn role_mut(&mut self, name: &str) -> Option<&mut Color> {
        Some(match name {
            "borders" => &mut self.borders,
            "focus" => &mut self.focus,
            "titles" => &mut self.titles,
            "headings" => &mut self.headings,
            "quotes" => &mut self.quotes,
            "speakers" => &mut self.speakers,
            "details" => &mut self.details,
            "links" => &mut self.links,
            "emerging" => &mut self.emerging,
            "search" => &mut self.search,
            "search_current" => &mut self.search_current,
            "status" => &mut self.status,
            _ => return None,
        })
    }
}

/// The renderer's styles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// The colours; `None` for modifiers only (`mono`, NO_COLOR).
    pub palette: Option<Palette>,
}

impl Default for Theme {
    fn default() -> Theme {
        Theme {
            palette: Some(Palette::DARK),
        }
    }
}

impl Theme {
    /// The default colour theme, or the plain one when `no_color` (the `NO_COLOR` convention:
    /// set and not empty).
    pub fn new(no_color: bool) -> Theme {
        if no_color {
            Theme::MONO
        } else {
            Theme::default()
        }
    }

    /// No colours: bold, italic, underline and reverse video only.
    pub const MONO: Theme = Theme { palette: None };

    /// The theme the `NO_COLOR` value asks for.
    pub fn from_no_color(value: Option<&std::ffi::OsStr>) -> Theme {
        Theme::new(value.is_some_and(|v| !v.is_empty()))
    }

    /// This theme, or [`Theme::MONO`] when the `NO_COLOR` value is set and not empty: NO_COLOR
    /// wins over any theme.
    pub fn unless_no_color(self, value: Option<&std::ffi::OsStr>) -> Theme {
        if value.is_some_and(|v| !v.is_empty()) {
            Theme::MONO
        } else {
            self
        }
    }

    /// True when the theme has colours.
    pub fn has_color(&self) -> bool {
        self.palette.is_some()
    }

    /// `style` in the colour `pick` chooses from the palette; unchanged without colours or
    /// for the terminal's default colour.
    fn fg(&self, style: Style, pick: fn(&Palette) -> Color) -> Style {
        match self.palette.as_ref().map(pick) {
            Some(Color::Reset) | None => style,
            Some(color) => style.fg(color),
        }
    }

    /// The style of a piece of pane text.
    pub fn role(&self, role: Role) -> Style {
        let s = Style::default();
        match role {
            Role::Plain | Role::Detail => s,
            Role::Caption | Role::Context => s.add_modifier(Modifier::ITALIC),
            Role::Quote => self.fg(s, |p| p.quotes),
            Role::Speaker => self.fg(s.add_modifier(Modifier::BOLD), |p| p.speakers),
            Role::Label => s.add_modifier(Modifier::BOLD),
            Role::Emerging => self.fg(s.add_modifier(Modifier::BOLD), |p| p.emerging),
            Role::Heading => self.fg(s.add_modifier(Modifier::BOLD | Modifier::UNDERLINED), |p| {
                p.headings
            }),
            Role::Link => self.fg(s.add_modifier(Modifier::UNDERLINED), |p| p.links),
        }
    }

    /// A pane border: the focused one also gets thick lines (see the renderer).
    pub fn border(&self, focused: bool) -> Style {
        if focused {
            self.fg(Style::default().add_modifier(Modifier::BOLD), |p| p.focus)
        } else {
            self.fg(Style::default(), |p| p.borders)
        }
    }

    /// A pane title.
    pub fn pane_title(&self, focused: bool) -> Style {
        if focused {
            self.fg(
                Style::default().add_modifier(Modifier::BOLD | Modifier::REVERSED),
                |p| p.focus,
            )
        } else {
            Style::default().add_modifier(Modifier::BOLD)
        }
    }

    /// The briefing's title in the header.
    pub fn title(&self) -> Style {
        self.fg(Style::default().add_modifier(Modifier::BOLD), |p| p.titles)
    }

    /// Date and event in the header.
    pub fn meta(&self) -> Style {
        self.fg(Style::default(), |p| p.details)
    }

    /// Parties in the header.
    pub fn parties(&self) -> Style {
        Style::default().add_modifier(Modifier::ITALIC)
    }

    /// A search match.
    pub fn found(&self) -> Style {
        if let Some(p) = &self.palette {
            Style::default().fg(Color::Black).bg(p.search)
        } else {
            Style::default().add_modifier(Modifier::REVERSED)
        }
    }

    /// The match jumped to.
    pub fn found_current(&self) -> Style {
        if let Some(p) = &self.palette {
            Style::default()
                .fg(Color::Black)
                .bg(p.search_current)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::default()
                .add_modifier(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED)
        }
    }

    /// The status line.
    pub fn status(&self) -> Style {
        // Reversed, a colour of the text becomes the line's background.
        self.fg(Style::default().add_modifier(Modifier::REVERSED), |p| {
            p.status
        })
    }

    /// A problem in the status line (the file does not load any more).
    pub fn problem(&self) -> Style {
        self.fg(Style::default().add_modifier(Modifier::BOLD), |p| {
            p.emerging
        })
    }

    /// The mode badge in the status line.
    pub fn badge(&self) -> Style {
        self.fg(Style::default().add_modifier(Modifier::BOLD), |p| p.focus)
    }

    /// A selected tab.
    pub fn tab(&self, selected: bool) -> Style {
        if selected {
            self.fg(
                Style::default().add_modifier(Modifier::BOLD | Modifier::REVERSED),
                |p| p.focus,
            )
        } else {
            Style::default()
        }
    }

    /// Section titles in the help overlay.
    pub fn help_section(&self) -> Style {
        self.fg(
            Style::default().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            |p| p.headings,
        )
    }

    /// Keys in the help overlay.
    pub fn help_keys(&self) -> Style {
        self.fg(Style::default().add_modifier(Modifier::BOLD), |p| p.focus)
    }
}
