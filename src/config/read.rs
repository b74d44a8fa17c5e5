//! Reads the configuration's spanned TOML tree into a [`Config`], collecting every problem with
//! its span: unknown names with the nearest known one, values of the wrong type or form, a key
//! given to two actions. One pass over the tree, by hand rather than serde, so that one file
//! gets every problem at once and each in our words.

use std::borrow::Cow;
use std::ops::Range;
use std::path::PathBuf;

use ratatui::style::Color;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::config::{Config, ServeDefaults};
use crate::model::diag::quote_value;
use crate::model::{Diagnostic, Lang, nearest};
use crate::serve::options::{parse_duration, parse_size};
use crate::ui::Theme;
use crate::ui::theme::Palette;

/// The top level's keys.
pub(super) const TOP: &[&str] = &["lang", "theme", "keys", "serve"];
/// `[theme]`'s keys besides the roles.
const THEME_NAME: &str = "name";
/// The built-in themes.
pub(super) const THEMES: &[&str] = &["dark", "light", "mono"];
/// `[serve]`'s keys.
pub(super) const SERVE: &[&str] = &[
    "listen",
    "authorized_keys",
    "host_key",
    "max_sessions",
    "max_per_address",
    "max_connect_rate",
    "max_size",
    "idle_timeout",
];

/// The 16 ANSI colours and the terminal's default, by their names in a configuration.
pub(super) const COLORS: &[(&str, Color)] = &[
    ("default", Color::Reset),
    ("black", Color::Black),
    ("red", Color::Red),
    ("green", Color::Green),
    ("yellow", Color::Yellow),
    ("blue", Color::Blue),
    ("magenta", Color::Magenta),
    ("cyan", Color::Cyan),
    ("gray", Color::Gray),
    ("dark_gray", Color::DarkGray),
    ("light_red", Color::LightRed),
    ("light_green", Color::LightGreen),
    ("light_yellow", Color::LightYellow),
    ("light_blue", Color::LightBlue),
    ("light_magenta", Color::LightMagenta),
    ("light_cyan", Color::LightCyan),
    ("white", Color::White),
];

/// A colour as a configuration writes it: its name, or `#rrggbb`.
pub(super) fn color_name(color: Color) -> String {
    match color {
        Color::Rgb(r, g, b) => format!("#{r:02x}{g:02x}{b:02x}"),
        other => COLORS
            .iter()
            .find(|(_, c)| *c == other)
            .map_or_else(|| format!("{other}"), |(n, _)| (*n).to_string()),
    }
}

mod keys;

/// Walks the tree, keeping the problems it finds.
pub(super) struct Reader<'a> {
    source: &'a str,
    origin: &'a str,
    problems: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
}

pub(super) type Value<'s> = Spanned<DeValue<'s>>;

impl<'a> Reader<'a> {
    pub(super) fn new(source: &'a str, origin: &'a str) -> Reader<'a> {
        Reader {
            source,
            origin,
            problems: Vec::new(),
            warnings: Vec::new(),
        }
    }

    pub(super) fn finish(self) -> (Vec<Diagnostic>, Vec<Diagnostic>) {
        (self.problems, self.warnings)
    }

    fn at(&self, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        Diagnostic::at(self.origin, self.source, span, message)
    }

    fn report(&mut self, d: Diagnostic) {
        self.problems.push(d);
    }

    /// Reports a name that is not one of `known`, with the nearest one.
    fn unknown(&mut self, span: Range<usize>, what: &str, name: &str, known: &[&str]) {
        let d = self
            .at(
                span,
                format!("expected {what}, found '{}'", quote_value(name)),
            )
            .with_label("unknown name");
        let d = match nearest(name, known) {
            Some(best) => d.with_help(format!("did you mean '{best}'?")),
            None => d.with_help(format!("known here: {}", known.join(", "))),
        };
        self.report(d);
    }

    /// Reports a value of the wrong type.
    fn wrong_type(&mut self, value: &Value<'_>, expected: &str) {
        let found = value.get_ref().type_str();
        let article = if found.starts_with(['a', 'e', 'i', 'o', 'u']) {
            "an"
        } else {
            "a"
        };
        let d = self.at(
            value.span(),
            format!("expected {expected}, found {article} {found}"),
        );
        self.report(d);
    }

    fn table<'t, 's>(&mut self, value: &'t Value<'s>, name: &str) -> Option<&'t DeTable<'s>> {
        match value.get_ref() {
            DeValue::Table(t) => Some(t),
            _ => {
                self.wrong_type(value, &format!("a table [{name}]"));
                None
            }
        }
    }

    fn string<'t>(&mut self, value: &'t Value<'_>) -> Option<&'t str> {
        self.string_for(value, "a string")
    }

    /// A string, where `expected` says what it should say.
    fn string_for<'t>(&mut self, value: &'t Value<'_>, expected: &str) -> Option<&'t str> {
        match value.get_ref() {
            DeValue::String(s) => Some(s),
            _ => {
                self.wrong_type(value, expected);
                None
            }
        }
    }

    /// A whole number from `min`.
    fn count(&mut self, value: &Value<'_>, min: u64) -> Option<u64> {
        let DeValue::Integer(n) = value.get_ref() else {
            self.wrong_type(value, "a whole number");
            return None;
        };
        let expected = match u64::from_str_radix(&n.as_str().replace('_', ""), n.radix()) {
            Ok(n) if n >= min && u32::try_from(n).is_ok() => return Some(n),
            Ok(n) if n >= min => format!("at most {}", u32::MAX),
            _ => format!("a whole number of at least {min}"),
        };
        let d = self.at(
            value.span(),
            format!("expected {expected}, found {}", n.as_str()),
        );
        self.report(d);
        None
    }

    /// The top level.
    pub(super) fn config(&mut self, top: &DeTable<'_>) -> Config {
        let mut config = Config::default();
        for (key, value) in top.iter() {
            match key.get_ref().as_ref() {
                "lang" => config.lang = self.lang(value).unwrap_or(config.lang),
                "theme" => {
                    if let Some(t) = self.table(value, "theme") {
                        config.theme = self.theme(t);
                    }
                }
                "keys" => {
                    if let Some(t) = self.table(value, "keys") {
                        config.keymap = self.keys(t);
                    }
                }
                "serve" => {
                    if let Some(t) = self.table(value, "serve") {
                        config.serve = self.serve(t);
                    }
                }
                other => self.unknown(key.span(), "a known key at the top level", other, TOP),
            }
        }
        config
    }

    fn lang(&mut self, value: &Value<'_>) -> Option<Option<Lang>> {
        let expected = "'auto', 'en' or 'fr'";
        let text = self.string_for(value, expected)?;
        if text == "auto" {
            return Some(None);
        }
        if let Some(lang) = Lang::ALL.into_iter().find(|l| l.tag() == text) {
            return Some(Some(lang));
        }
        // Two letters from another language are not a typo of ours: say what there is.
        let d = self
            .at(
                value.span(),
                format!("expected {expected}, found '{}'", quote_value(text)),
            )
            .with_label("not a language of the interface")
            .with_help(
                "the interface speaks English (en) and French (fr); 'auto' follows the briefing",
            );
        self.report(d);
        None
    }

    /// `[theme]`: a built-in theme, then colours per role over it.
    fn theme(&mut self, table: &DeTable<'_>) -> Theme {
        let mut theme = Theme::default();
        if let Some(value) = table.get(THEME_NAME) {
            match self.string_for(value, "'dark', 'light' or 'mono'") {
                Some("dark") => theme = Theme::default(),
                Some("light") => {
                    theme = Theme {
                        palette: Some(Palette::LIGHT),
                    }
                }
                Some("mono") => theme = Theme::MONO,
                Some(other) => {
                    self.unknown(value.span(), "'dark', 'light' or 'mono'", other, THEMES);
                }
                None => {}
            }
        }
        let roles: Vec<&str> = Palette::DARK.roles().iter().map(|(n, _)| *n).collect();
        let mut known = vec![THEME_NAME];
        known.extend(&roles);
        // Colours given to `mono` are checked all the same, and show no colour.
        let mut palette = theme.palette.unwrap_or(Palette::DARK);
        for (key, value) in table.iter() {
            let name = key.get_ref().as_ref();
            if name == THEME_NAME {
                continue;
            }
            let Some(slot) = palette.role_mut(name) else {
                self.unknown(key.span(), "a known key in 'theme'", name, &known);
                continue;
            };
            if let Some(color) = self.color(value) {
                *slot = color;
            }
        }
        if theme.palette.is_some() {
            theme.palette = Some(palette);
        }
        theme
    }

    fn color(&mut self, value: &Value<'_>) -> Option<Color> {
        let text = self.string_for(value, "an ANSI colour name or '#rrggbb'")?;
        if let Some(hex) = text.strip_prefix('#') {
            let channel = |i: usize| {
                hex.get(i..i + 2)
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
            };
            if hex.len() == 6
                && let (Some(r), Some(g), Some(b)) = (channel(0), channel(2), channel(4))
            {
                return Some(Color::Rgb(r, g, b));
            }
            let d = self
                .at(
                    value.span(),
                    format!(
                        "expected a colour like '#1e90ff', found '{}'",
                        quote_value(text)
                    ),
                )
                .with_label("six hexadecimal digits after '#'");
            self.report(d);
            return None;
        }
        if let Some((_, color)) = COLORS.iter().find(|(n, _)| *n == text) {
            return Some(*color);
        }
        let names: Vec<&str> = COLORS.iter().map(|(n, _)| *n).collect();
        self.unknown(
            value.span(),
            "an ANSI colour name or '#rrggbb'",
            text,
            &names,
        );
        None
    }

    /// `[serve]`.
    fn serve(&mut self, table: &DeTable<'_>) -> ServeDefaults {
        let mut s = ServeDefaults::default();
        for (key, value) in table.iter() {
            let name = key.get_ref().as_ref();
            match name {
                "listen" => {
                    if let Some(text) = self.string_for(value, "an address and port") {
                        match text.parse() {
                            Ok(addr) => s.listen = addr,
                            Err(_) => {
                                let d = self.at(
                                    value.span(),
                                    format!(
                                        "expected an address and port like '127.0.0.1:2222', \
                                         found '{}'",
                                        quote_value(text)
                                    ),
                                );
                                self.report(d);
                            }
                        }
                    }
                }
                "authorized_keys" => s.authorized_keys = self.path(value).or(s.authorized_keys),
                "host_key" => s.host_key = self.path(value).or(s.host_key),
                "max_sessions" => {
                    if let Some(n) = self.count(value, 1) {
                        s.max_sessions = usize::try_from(n).unwrap_or(usize::MAX);
                    }
                }
                "max_per_address" => {
                    if let Some(n) = self.count(value, 1) {
                        s.max_per_address = Some(usize::try_from(n).unwrap_or(usize::MAX));
                    }
                }
                "max_connect_rate" => {
                    if let Some(n) = self.count(value, 0) {
                        s.max_connect_rate = u32::try_from(n).unwrap_or(u32::MAX);
                    }
                }
                "max_size" => {
                    if let Some(size) = self.parsed(value, parse_size) {
                        s.max_size = size;
                    }
                }
                "idle_timeout" => {
                    if let Some(t) = self.parsed(value, parse_duration) {
                        s.idle_timeout = t;
                    }
                }
                other => self.unknown(key.span(), "a known key in 'serve'", other, SERVE),
            }
        }
        s
    }

    /// A string read by one of `serve`'s value parsers, whose message is already ours.
    fn parsed<T>(&mut self, value: &Value<'_>, parse: fn(&str) -> Result<T, String>) -> Option<T> {
        let text = self.string(value)?;
        match parse(text) {
            Ok(v) => Some(v),
            Err(message) => {
                let d = self.at(value.span(), message);
                self.report(d);
                None
            }
        }
    }

    fn path(&mut self, value: &Value<'_>) -> Option<PathBuf> {
        let text = self.string_for(value, "a file path")?;
        if text.is_empty() {
            let d = self.at(value.span(), "expected a file path, found an empty string");
            self.report(d);
            return None;
        }
        Some(PathBuf::from(Cow::Borrowed(text).as_ref()))
    }
}
