//! Our own key type and its one notation: `j`, `?`, `<Down>`, `<C-d>`, `<S-Tab>`, `<PageUp>`.
//!
//! Both edges (the local terminal and SSH sessions) convert their input into [`Key`]; the
//! keymap, the help overlay, the README and the tests all write keys in this notation.

use std::fmt;

/// A key press, independent of any terminal library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    /// A printable character (`<Space>` is `Char(' ')`).
    Char(char),
    /// A character with Control held: `<C-c>`.
    Ctrl(char),
    /// A character with Alt held: `<A-x>`.
    Alt(char),
    /// Enter or Return.
    Enter,
    /// Escape.
    Esc,
    /// Tab.
    Tab,
    /// Shift-Tab.
    BackTab,
    /// Backspace.
    Backspace,
    /// Delete.
    Delete,
    /// Arrow up.
    Up,
    /// Arrow down.
    Down,
    /// Arrow left.
    Left,
    /// Arrow right.
    Right,
    /// Page up.
    PageUp,
    /// Page down.
    PageDown,
    /// Home.
    Home,
    /// End.
    End,
    /// A function key, `<F1>` to `<F12>`.
    F(u8),
}

/// Named keys and their notation, in one table for parsing and printing.
const NAMES: &[(&str, Key)] = &[
    ("Enter", Key::Enter),
    ("CR", Key::Enter),
    ("Esc", Key::Esc),
    ("Tab", Key::Tab),
    ("S-Tab", Key::BackTab),
    ("BS", Key::Backspace),
    ("Backspace", Key::Backspace),
    ("Del", Key::Delete),
    ("Up", Key::Up),
    ("Down", Key::Down),
    ("Left", Key::Left),
    ("Right", Key::Right),
    ("PageUp", Key::PageUp),
    ("PageDown", Key::PageDown),
    ("Home", Key::Home),
    ("End", Key::End),
    ("Space", Key::Char(' ')),
    ("lt", Key::Char('<')),
];

/// A mistake in a key sequence written in our notation.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyParseError {
    /// `<` without its closing `>`.
    #[error("expected '>' to close '<{0}', found the end of the keys")]
    Unclosed(String),
    /// A name between `<` and `>` that is not a key.
    #[error("expected a key name such as <Tab>, <C-d> or <PageDown>, found '<{0}>'")]
    Unknown(String),
}

impl Key {
    /// Parses one key name written between `<` and `>` (without them).
    fn parse_named(name: &str) -> Option<Key> {
        if let Some((_, key)) = NAMES.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)) {
            return Some(*key);
        }
        let mut chars = name.chars();
        let (first, second, rest) = (chars.next(), chars.next(), chars.as_str());
        match (first, second) {
            (Some('C' | 'c'), Some('-')) => single(rest).map(|c| Key::Ctrl(c.to_ascii_lowercase())),
            (Some('A' | 'a' | 'M' | 'm'), Some('-')) => single(rest).map(Key::Alt),
            (Some('F' | 'f'), Some(_)) => {
                let n: u8 = name.get(1..)?.parse().ok()?;
                (1..=12).contains(&n).then_some(Key::F(n))
            }
            _ => None,
        }
    }
}

fn single(s: &str) -> Option<char> {
    let mut chars = s.chars();
    let c = chars.next()?;
    chars.next().is_none().then_some(c)
}

/// Parses a key sequence such as `"jj<Tab>?"` or `"<Tab> j j / INTERPOL <Enter>"`. Whitespace
/// separates keys and is otherwise ignored; write a space as `<Space>` and `<` as `<lt>`.
pub fn parse_keys(text: &str) -> Result<Vec<Key>, KeyParseError> {
    let mut keys = Vec::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        rest = &rest[c.len_utf8()..];
        match c {
            c if c.is_whitespace() => {}
            // A '<' before a space or at the end is the key itself.
            '<' if rest.is_empty() || rest.starts_with(char::is_whitespace) => {
                keys.push(Key::Char('<'));
            }
            '<' => {
                let Some(end) = rest.find('>') else {
                    return Err(KeyParseError::Unclosed(rest.chars().take(12).collect()));
                };
                // `<>` alone, or `<` followed by space, is not a name: read '<' literally.
                let name = &rest[..end];
                if name.is_empty() || name.contains(char::is_whitespace) {
                    keys.push(Key::Char('<'));
                    continue;
                }
                keys.push(
                    Key::parse_named(name)
                        .ok_or_else(|| KeyParseError::Unknown(name.to_string()))?,
                );
                rest = &rest[end + 1..];
            }
            c => keys.push(Key::Char(c)),
        }
    }
    Ok(keys)
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Key::Char(' ') => f.write_str("<Space>"),
            Key::Char('<') => f.write_str("<lt>"),
            Key::Char(c) => write!(f, "{c}"),
            Key::Ctrl(c) => write!(f, "<C-{c}>"),
            Key::Alt(c) => write!(f, "<A-{c}>"),
            Key::F(n) => write!(f, "<F{n}>"),
            Key::Backspace => f.write_str("<BS>"),
            named => {
                let name = NAMES
                    .iter()
                    .find(|(_, k)| k == named)
                    .map_or("?", |(n, _)| n);
                write!(f, "<{name}>")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case("j", vec![Key::Char('j')])]
    #[case("jj<Tab>?", vec![Key::Char('j'), Key::Char('j'), Key::Tab, Key::Char('?')])]
    #[case("<C-c>", vec![Key::Ctrl('c')])]
    #[case("<C-D>", vec![Key::Ctrl('d')])]
    #[case("<S-Tab>", vec![Key::BackTab])]
    #[case("<PageDown><pageup>", vec![Key::PageDown, Key::PageUp])]
    #[case("<Space><lt>", vec![Key::Char(' '), Key::Char('<')])]
    #[case("<Tab> j / IN <Enter>", vec![Key::Tab, Key::Char('j'), Key::Char('/'), Key::Char('I'), Key::Char('N'), Key::Enter])]
    #[case("<F5>", vec![Key::F(5)])]
    #[case("a < b", vec![Key::Char('a'), Key::Char('<'), Key::Char('b')])]
    #[case("é中", vec![Key::Char('é'), Key::Char('中')])]
    fn parse_keys_reads_notation(#[case] text: &str, #[case] want: Vec<Key>) {
        assert_eq!(parse_keys(text), Ok(want));
    }

    #[rstest]
    #[case("<Tab", KeyParseError::Unclosed("Tab".into()))]
    #[case("<Nope>", KeyParseError::Unknown("Nope".into()))]
    #[case("<F13>", KeyParseError::Unknown("F13".into()))]
    fn parse_keys_rejects_bad_names(#[case] text: &str, #[case] want: KeyParseError) {
        assert_eq!(parse_keys(text), Err(want));
    }

    #[test]
    fn display_round_trips_through_parse() {
        let keys = [
            Key::Char('q'),
            Key::Char(' '),
            Key::Char('<'),
            Key::Ctrl('c'),
            Key::Alt('x'),
            Key::Enter,
            Key::Esc,
            Key::Tab,
            Key::BackTab,
            Key::Backspace,
            Key::Delete,
            Key::Up,
            Key::Down,
            Key::Left,
            Key::Right,
            Key::PageUp,
            Key::PageDown,
            Key::Home,
            Key::End,
            Key::F(12),
        ];
        let text: String = keys.iter().map(ToString::to_string).collect();
        assert_eq!(parse_keys(&text).unwrap(), keys);
    }
}
