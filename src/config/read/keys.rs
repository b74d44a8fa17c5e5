//! `[keys.MODE]`: the user's bindings, read into patches of the built-in keymap. A key given
//! twice in a mode is an error; an action left without a key, and a character taken from
//! search queries, are warnings.

use std::ops::Range;
use std::sync::Arc;

use toml::de::{DeTable, DeValue};

use super::{Reader, Value};
use crate::app::Key;
use crate::app::keymap::{Ctx, KeyPatch, Keymap, action_name, actions_in};
use crate::model::Diagnostic;
use crate::model::diag::quote_value;

impl Reader<'_> {
    /// `[keys.CONTEXT]` tables: each action named gets the keys given.
    pub(super) fn keys(&mut self, table: &DeTable<'_>) -> Arc<Keymap> {
        let contexts: Vec<&str> = Ctx::ALL.iter().map(|c| c.name()).collect();
        let mut patches: Vec<(KeyPatch, Range<usize>)> = Vec::new();
        for (key, value) in table.iter() {
            let name = key.get_ref().as_ref();
            let Some(ctx) = Ctx::from_name(name) else {
                self.unknown(key.span(), "a mode in 'keys'", name, &contexts);
                continue;
            };
            let Some(bindings) = self.table(value, &format!("keys.{name}")) else {
                continue;
            };
            self.context(ctx, bindings, &mut patches);
        }
        let list: Vec<KeyPatch> = patches.iter().map(|(p, _)| p.clone()).collect();
        let (keymap, unbound) = Keymap::builtin().patched(&list);
        for u in unbound {
            let name = action_name(u.action);
            let place = format!("keys.{}", u.ctx.name());
            // Where the user took its last key, or unbound it.
            let (span, label) = match u.taken.first() {
                Some((key, by)) => (
                    patches
                        .iter()
                        .find(|(p, _)| p.ctx == u.ctx && p.action == *by)
                        .map(|(_, s)| s.clone()),
                    format!("'{key}' now does '{}'", action_name(*by)),
                ),
                None => (
                    patches
                        .iter()
                        .find(|(p, _)| p.ctx == u.ctx && p.action == u.action)
                        .map(|(_, s)| s.clone()),
                    "no key given".to_string(),
                ),
            };
            let message = format!("expected a key for '{name}' in '{place}', found none left");
            let d = match span {
                Some(span) => self.at(span, message).with_label(label),
                None => Diagnostic::whole(self.origin, message),
            };
            self.warnings.push(
                d.with_help(format!(
                    "it can only be used again with a key: add {name} = \"...\" under [{place}]"
                ))
                .as_warning(),
            );
        }
        Arc::new(keymap)
    }

    /// One `[keys.CONTEXT]` table.
    fn context(
        &mut self,
        ctx: Ctx,
        table: &DeTable<'_>,
        patches: &mut Vec<(KeyPatch, Range<usize>)>,
    ) {
        let actions = actions_in(ctx);
        let names: Vec<&str> = actions.iter().map(|(n, _)| n.as_str()).collect();
        // The keys given so far in this context, with the action and where.
        let mut given: Vec<(Key, String)> = Vec::new();
        for (key, value) in table.iter() {
            let name = key.get_ref().as_ref();
            let Some((_, action)) = actions.iter().find(|(n, _)| n == name) else {
                self.unknown(
                    key.span(),
                    &format!("an action of 'keys.{}'", ctx.name()),
                    name,
                    &names,
                );
                continue;
            };
            let Some(keys) = self.key_list(value) else {
                continue;
            };
            let mut ok = Vec::new();
            for (k, span) in keys {
                if let Some((_, other)) = given.iter().find(|(g, _)| *g == k) {
                    let d = self
                        .at(
                            span,
                            format!(
                                "expected each key once in 'keys.{}', found '{k}' for both \
                                 '{other}' and '{name}'",
                                ctx.name()
                            ),
                        )
                        .with_label("given twice");
                    self.report(d);
                    continue;
                }
                if let (Ctx::Search | Ctx::LibraryFilter | Ctx::Always, Key::Char(c)) = (ctx, k) {
                    // A query's keys and everywhere's are read before typing: the character is
                    // taken.
                    let d = self
                        .at(
                            span.clone(),
                            format!(
                                "expected a key that is not typed in a search query, found '{c}'"
                            ),
                        )
                        .with_label(format!("'{c}' can no longer be typed in a search"))
                        .with_help("bind a key with Ctrl or a named key such as <F2>")
                        .as_warning();
                    self.warnings.push(d);
                }
                given.push((k, name.to_string()));
                ok.push(k);
            }
            patches.push((
                KeyPatch {
                    ctx,
                    action: *action,
                    keys: ok,
                },
                value.span(),
            ));
        }
    }

    /// A key (`"x"`) or a list of keys (`["x", "<C-x>"]`; `[]` for none), with their spans.
    fn key_list(&mut self, value: &Value<'_>) -> Option<Vec<(Key, Range<usize>)>> {
        let items: Vec<&Value<'_>> = match value.get_ref() {
            DeValue::String(_) => vec![value],
            DeValue::Array(items) => items.iter().collect(),
            _ => {
                self.wrong_type(value, "a key like \"j\" or \"<C-d>\", or a list of keys");
                return None;
            }
        };
        let mut out = Vec::new();
        for item in items {
            let Some(text) = self.string_for(item, "a key like \"j\" or \"<C-d>\"") else {
                continue;
            };
            if let Some(key) = self.one_key(text, item.span()) {
                out.push((key, item.span()));
            }
        }
        Some(out)
    }

    fn one_key(&mut self, text: &str, span: Range<usize>) -> Option<Key> {
        match crate::app::parse_keys(text) {
            Ok(keys) if keys.len() == 1 => keys.first().copied(),
            Ok(keys) => {
                let d = self
                    .at(
                        span,
                        format!(
                            "expected one key, found {} in '{}'",
                            if keys.is_empty() {
                                "none".to_string()
                            } else {
                                format!("{}", keys.len())
                            },
                            quote_value(text)
                        ),
                    )
                    .with_help(
                        "give several keys as a list: [\"j\", \"<Down>\"]; a space is \"<Space>\"",
                    );
                self.report(d);
                None
            }
            Err(e) => {
                let d = self.at(span, e.to_string()).with_help(
                    "keys are written j, ?, <Down>, <C-d>, <S-Tab>, <PageUp>, <F5>, <Space>, <lt>",
                );
                self.report(d);
                None
            }
        }
    }
}
