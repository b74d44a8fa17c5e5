//! The user's bindings over the built-in table (gitui's patch approach): a configuration names
//! only what it changes; the key it gives an action is taken from any other action of the same
//! context, and an action left without a key is reported. The names a configuration uses for
//! contexts and actions are here too. Pure: the configuration's file is read elsewhere.

use crate::app::action::Action;
use crate::app::key::Key;
use crate::app::keymap::{Ctx, Keymap, ORDER, Row, TABLE};

impl Ctx {
    /// The name of the context in a configuration: `[keys.reading]`.
    pub fn name(self) -> &'static str {
        match self {
            Ctx::Always => "everywhere",
            Ctx::Panes => "reading",
            Ctx::Search => "search",
            Ctx::Help => "help",
            Ctx::Present => "present",
            Ctx::Overview => "overview",
            Ctx::PresenterView => "presenter_view",
            Ctx::Links => "links",
            Ctx::Library => "library",
            Ctx::Matches => "library_matches",
            Ctx::LibraryFilter => "library_filter",
            Ctx::Facets => "library_facets",
        }
    }

    /// Every context a configuration may rebind, in the order help lists them: the reader's
    /// and the library's.
    pub const ALL: [Ctx; 12] = ORDER;

    /// The context a configuration names `name`.
    pub fn from_name(name: &str) -> Option<Ctx> {
        Ctx::ALL.into_iter().find(|c| c.name() == name)
    }
}

/// The name of an action in a configuration: the variant in snake_case (`next_pane`,
/// `focus_pane_quotes`), so every action the table binds has one without a list to keep.
pub fn action_name(action: Action) -> String {
    let debug = format!("{action:?}");
    let mut out = String::with_capacity(debug.len() + 4);
    for c in debug.chars() {
        match c {
            'A'..='Z' => {
                if !out.is_empty() && !out.ends_with('_') {
                    out.push('_');
                }
                out.push(c.to_ascii_lowercase());
            }
            '(' | ' ' | '{' | ':' | ',' => {
                if !out.ends_with('_') {
                    out.push('_');
                }
            }
            ')' | '}' => {}
            c => out.push(c),
        }
    }
    out.trim_end_matches('_').to_string()
}

/// The actions a configuration may bind in `ctx`, with their names: the table's rows there.
pub fn actions_in(ctx: Ctx) -> Vec<(String, Action)> {
    TABLE
        .iter()
        .filter(|b| b.ctx == ctx)
        .filter_map(|b| b.action)
        .map(|a| (action_name(a), a))
        .collect()
}

/// A user's change to one row: in `ctx`, `action` gets exactly `keys` (none: unbound).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyPatch {
    /// The context.
    pub ctx: Ctx,
    /// The action, one the table binds in `ctx`.
    pub action: Action,
    /// Its keys from now on.
    pub keys: Vec<Key>,
}

/// An action a patch left without any key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unbound {
    /// The context.
    pub ctx: Ctx,
    /// The action.
    pub action: Action,
    /// Its keys the user gave to other actions, and to which; empty when the user unbound it.
    pub taken: Vec<(Key, Action)>,
}

impl Keymap {
    /// This keymap with `patches` applied: each patched action gets its keys, and loses them
    /// from the other actions of its context. Returns the actions left without a key.
    /// Patches for an action the table does not bind in their context are ignored (the
    /// configuration's reader refuses them first).
    pub fn patched(&self, patches: &[KeyPatch]) -> (Keymap, Vec<Unbound>) {
        let mut rows: Vec<Row> = self.rows.clone();
        for p in patches {
            if let Some(row) = rows
                .iter_mut()
                .find(|r| r.ctx == p.ctx && r.action == Some(p.action))
            {
                row.keys = p.keys.iter().map(ToString::to_string).collect();
            }
        }
        let is_patched = |r: &Row| {
            patches
                .iter()
                .any(|p| p.ctx == r.ctx && r.action == Some(p.action))
        };
        let mut unbound = Vec::new();
        for row in rows.iter_mut() {
            let Some(action) = row.action else {
                continue;
            };
            if is_patched(row) {
                if row.keys.is_empty() {
                    unbound.push(Unbound {
                        ctx: row.ctx,
                        action,
                        taken: Vec::new(),
                    });
                }
                continue;
            }
            let mut taken = Vec::new();
            row.keys.retain(|k| {
                let Some(key) = single_key(k) else {
                    return true;
                };
                match patches
                    .iter()
                    .find(|p| p.ctx == row.ctx && p.keys.contains(&key))
                {
                    Some(p) => {
                        taken.push((key, p.action));
                        false
                    }
                    None => true,
                }
            });
            if row.keys.is_empty() && !taken.is_empty() {
                unbound.push(Unbound {
                    ctx: row.ctx,
                    action,
                    taken,
                });
            }
        }
        (Keymap::from_rows(rows), unbound)
    }
}

fn single_key(notation: &str) -> Option<Key> {
    match crate::app::key::parse_keys(notation).ok()?.as_slice() {
        [key] => Some(*key),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::state::{Mode, Pane};
    use crate::model::Lang;

    #[test]
    fn action_names_are_snake_case_and_unique_per_context() {
        assert_eq!(action_name(Action::NextPane), "next_pane");
        assert_eq!(action_name(Action::ToggleHelp), "toggle_help");
        assert_eq!(
            action_name(Action::FocusPane(Pane::Quotes)),
            "focus_pane_quotes"
        );
        for ctx in Ctx::ALL {
            let names = actions_in(ctx);
            let mut seen = std::collections::HashSet::new();
            for (name, _) in &names {
                assert!(
                    name.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
                    "{name}"
                );
                assert!(seen.insert(name.clone()), "{name} twice in {ctx:?}");
            }
        }
    }

    #[test]
    fn context_names_round_trip() {
        for ctx in Ctx::ALL {
            assert_eq!(Ctx::from_name(ctx.name()), Some(ctx));
        }
        assert_eq!(Ctx::from_name("Reading"), None);
    }

    #[test]
    fn a_patch_rebinds_and_takes_the_key_from_another_action() {
        let (map, unbound) = Keymap::builtin().patched(&[KeyPatch {
            ctx: Ctx::Panes,
            action: Action::Quit,
            keys: vec![Key::Char('x'), Key::Char('j')],
        }]);
        assert_eq!(
            map.resolve(Mode::Reading, Key::Char('x')),
            Some(Action::Quit)
        );
        assert_eq!(
            map.resolve(Mode::Reading, Key::Char('j')),
            Some(Action::Quit)
        );
        // q is no longer quit; <Down> still scrolls; other contexts keep their keys.
        assert_eq!(map.resolve(Mode::Reading, Key::Char('q')), None);
        assert_eq!(
            map.resolve(Mode::Reading, Key::Down),
            Some(Action::ScrollDown)
        );
        assert_eq!(
            map.resolve(Mode::Present, Key::Char('q')),
            Some(Action::Quit)
        );
        assert_eq!(
            map.resolve(Mode::Present, Key::Char('j')),
            Some(Action::NextSlide)
        );
        assert!(unbound.is_empty(), "{unbound:?}");
        assert_eq!(map.key_for(Ctx::Panes, Action::Quit), Some("x"));
        let help = map.help_lines(Lang::En);
        assert!(help.contains(&crate::app::keymap::HelpLine::Keys("x j".into(), "quit")));
        assert!(help.contains(&crate::app::keymap::HelpLine::Keys(
            "<Down>".into(),
            "scroll down"
        )));
    }

    #[test]
    fn an_action_left_without_keys_is_reported() {
        let (map, unbound) = Keymap::builtin().patched(&[
            KeyPatch {
                ctx: Ctx::Panes,
                action: Action::NextMatch,
                keys: vec![Key::Char('/')],
            },
            KeyPatch {
                ctx: Ctx::Panes,
                action: Action::ToggleZoom,
                keys: vec![],
            },
        ]);
        assert_eq!(
            unbound,
            [
                Unbound {
                    ctx: Ctx::Panes,
                    action: Action::ToggleZoom,
                    taken: vec![],
                },
                Unbound {
                    ctx: Ctx::Panes,
                    action: Action::StartSearch,
                    taken: vec![(Key::Char('/'), Action::NextMatch)],
                },
            ]
        );
        assert_eq!(map.resolve(Mode::Reading, Key::Enter), None);
        let help = map.help_lines(Lang::En);
        assert!(help.contains(&crate::app::keymap::HelpLine::Keys(
            crate::app::keymap::UNBOUND.into(),
            "search"
        )));
    }

    #[test]
    fn no_patch_is_the_builtin_keymap() {
        let builtin = Keymap::builtin();
        let (map, unbound) = builtin.patched(&[]);
        assert_eq!(&map, builtin.as_ref());
        assert!(unbound.is_empty());
    }
}
