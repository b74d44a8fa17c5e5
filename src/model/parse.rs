//! Text -> [`Briefing`]: TOML or JSON, with every problem located in the source.
//!
//! Both formats are first read into toml's spanned tree ([`DeTable`]); JSON is converted with
//! spans that point into the JSON text. One pass over that tree reports every unknown key
//! (with the nearest known one), serde then builds the model from the same tree (its errors
//! carry spans), and [`super::validate`] checks what serde cannot. So both formats give the
//! same messages at the right line and column. No I/O here.

use std::borrow::Cow;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeArray, DeTable, DeValue};

use super::briefing::{Briefing, keys};
use super::diag::{Diagnostic, humanize_serde_message, quote_value};
use super::{LoadError, sanitize, validate};

/// The two file formats, with one schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// TOML, for people.
    Toml,
    /// JSON, for programs.
    Json,
}

impl Format {
    /// The format a file name implies: `.json` is JSON, anything else TOML.
    pub fn from_name(name: &str) -> Format {
        if name.to_ascii_lowercase().ends_with(".json") {
            Format::Json
        } else {
            Format::Toml
        }
    }
}

/// A step of a path into the tree: a key or an array index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seg<'a> {
    /// A table key.
    Key(&'a str),
    /// An array index.
    Index(usize),
}

/// Parses and validates a briefing; `origin` names the source in messages. On success every
/// string has passed through [`sanitize::sanitize`].
pub fn parse_briefing(source: &str, origin: &str, format: Format) -> Result<Briefing, LoadError> {
    if source.trim().is_empty() {
        return Err(LoadError::one(
            Diagnostic::whole(origin, "expected a briefing, found an empty file")
                .with_help("a briefing needs at least a line like: title = \"...\""),
        ));
    }
    let mut tree = match format {
        Format::Toml => parse_toml(source, origin)?,
        Format::Json => parse_json(source, origin)?,
    };
    normalise_dates(tree.get_mut());
    let mut problems = Vec::new();
    remove_unknown_keys(
        tree.get_mut(),
        keys::BRIEFING,
        &[],
        source,
        origin,
        &mut problems,
    );

    match read_every_problem(tree, source, origin, format, &mut problems) {
        Some(mut briefing) if problems.is_empty() => {
            briefing.map_text(sanitize::sanitize);
            Ok(briefing)
        }
        _ => Err(LoadError::new(problems)),
    }
}

/// Checks `source` as [`parse_briefing`] does, with the same result and messages, in less
/// memory when the text is good: serde reads the briefing in one pass (JSON straight from the
/// text; TOML from a tree it consumes, where `parse_briefing` keeps the tree and a copy for
/// serde's retries) and [`validate::is_valid`] checks it without locating anything. Only a
/// text that fails is parsed again by `parse_briefing`, for its messages. What this reading
/// accepts, `parse_briefing` accepts too: every struct of the schema denies unknown keys, and
/// what it refuses that `parse_briefing` might take (a JSON `null`) goes to `parse_briefing`.
/// serde_json would read a top-level JSON array as the fields in order, so JSON must open
/// with an object.
pub fn check_briefing(source: &str, origin: &str, format: Format) -> Result<(), LoadError> {
    match read_plain(source, format) {
        Some(briefing) if !source.trim().is_empty() && validate::is_valid(&briefing) => Ok(()),
        _ => parse_briefing(source, origin, format).map(drop),
    }
}

/// The briefing serde reads from `source` in one pass, without spans kept or retries; `None`
/// for any problem, which [`parse_briefing`] then describes.
fn read_plain(source: &str, format: Format) -> Option<Briefing> {
    match format {
        Format::Toml => {
            let mut tree = DeTable::parse(source).ok()?;
            normalise_dates(tree.get_mut());
            Briefing::deserialize(toml::de::Deserializer::from(tree)).ok()
        }
        Format::Json if source.trim_start().starts_with('{') => serde_json::from_str(source).ok(),
        Format::Json => None,
    }
}

/// The line (from 1) where the value at `path` starts in `source` (`quotes`, then index 2: the
/// third quote), for an editor to open there; `None` when the text does not parse or has no
/// such value. Only the syntax is read, so a file with other problems still has its lines.
pub fn line_of(source: &str, format: Format, path: &[Seg<'_>]) -> Option<usize> {
    let tree = match format {
        Format::Toml => parse_toml(source, "").ok()?,
        Format::Json => parse_json(source, "").ok()?,
    };
    let (first, rest) = path.split_first()?;
    let Seg::Key(key) = first else { return None };
    let mut value = tree.get_ref().get(*key)?;
    for seg in rest {
        value = match (seg, value.get_ref()) {
            (Seg::Key(k), DeValue::Table(t)) => t.get(*k)?,
            (Seg::Index(i), DeValue::Array(items)) => items.get(*i)?,
            _ => return None,
        };
    }
    // An array of tables' element starts at its header in TOML, which its span leaves out.
    let start = value.span().start;
    let line = source.get(..start)?.matches('\n').count() + 1;
    Some(line)
}

/// Most serde errors reported for one file; past it the rest are likely one mistake's echoes.
const MAX_TYPE_ERRORS: usize = 100;

/// Builds the briefing with serde, reporting every type and value error, not only the first:
/// after each error the value serde refused is taken out of the tree (a required string gets a
/// stand-in) and serde reads again. When serde succeeds, [`validate`] checks the rest. Returns
/// the briefing serde built, if any; `problems` says whether it is valid.
fn read_every_problem(
    mut tree: Spanned<DeTable<'_>>,
    source: &str,
    origin: &str,
    format: Format,
    problems: &mut Vec<Diagnostic>,
) -> Option<Briefing> {
    let root_span = tree.span();
    // Keys whose value was taken out: when serde then misses one, it was reported already.
    let mut taken: Vec<String> = Vec::new();
    let mut last: Option<(Option<Range<usize>>, String)> = None;
    for _ in 0..MAX_TYPE_ERRORS {
        let e = match Briefing::deserialize(toml::de::Deserializer::from(tree.clone())) {
            Ok(briefing) => {
                problems.extend(validate::validate(&briefing, &tree, source, origin));
                return Some(briefing);
            }
            Err(e) => e,
        };
        let here = (e.span(), e.message().to_string());
        if last.as_ref() == Some(&here) {
            // Taking the value out did not help serde on: stop rather than loop.
            return None;
        }
        last = Some(here);
        let missing = e
            .message()
            .strip_prefix("missing field ")
            .map(|name| name.trim_matches('`').to_string());
        if let Some(name) = &missing {
            let span = e.span().unwrap_or_else(|| root_span.clone());
            if !taken.contains(name) {
                problems.push(missing_field(
                    name,
                    span.clone(),
                    &root_span,
                    source,
                    origin,
                    format,
                ));
            }
            if !put_stand_in(&mut tree, &span, name) {
                return None;
            }
            continue;
        }
        let Some(span) = e.span().filter(|span| *span != root_span) else {
            problems.push(Diagnostic::whole(
                origin,
                humanize_serde_message(e.message()),
            ));
            return None;
        };
        problems.push(value_problem(e.message(), span.clone(), source, origin));
        match take_value_at(tree.get_mut(), &span) {
            Some(Some(key)) => taken.push(key),
            Some(None) => {}
            None => return None,
        }
    }
    None
}

/// The message for a value serde refused at `span`.
fn value_problem(message: &str, span: Range<usize>, source: &str, origin: &str) -> Diagnostic {
    // A date of the right form that does not exist: why goes under the caret.
    if message.starts_with("expected a date that exists")
        && let Some((message, why)) = message.split_once("': ")
    {
        return Diagnostic::at(origin, source, span, format!("{message}'")).with_label(why);
    }
    let d = Diagnostic::at(origin, source, span, humanize_serde_message(message));
    if message.starts_with("expected a date like") {
        d.with_label("not an ISO 8601 date")
            .with_help("write the date as YYYY-MM-DD")
    } else {
        d
    }
}

/// The message for a required key that is absent, with the line to add in the file's format.
fn missing_field(
    name: &str,
    span: Range<usize>,
    root_span: &Range<usize>,
    source: &str,
    origin: &str,
    format: Format,
) -> Diagnostic {
    let message = format!("expected a value for '{name}', found none");
    // At the top level there is no line to point at: the key is simply absent.
    let d = if span == *root_span {
        Diagnostic::whole(origin, message)
    } else {
        Diagnostic::at(origin, source, span, message)
    };
    match format {
        Format::Toml => d.with_help(format!("add a line like: {name} = \"...\"")),
        Format::Json => d.with_help(format!("add a member like: \"{name}\": \"...\"")),
    }
}

/// Takes the value at `span` out of the tree: its key from a table (`Some(Some(key))`) or
/// its element from a list (`Some(None)`); `None` when no value has that span.
fn take_value_at(table: &mut DeTable<'_>, span: &Range<usize>) -> Option<Option<String>> {
    let names: Vec<String> = table.iter().map(|(k, _)| k.get_ref().to_string()).collect();
    for name in names {
        let Some(value) = table.get_mut(name.as_str()) else {
            continue;
        };
        if value.span() == *span {
            table.remove(name.as_str());
            return Some(Some(name));
        }
        if let Some(taken) = take_in_value(value.get_mut(), span) {
            return Some(taken);
        }
    }
    None
}

fn take_in_value(value: &mut DeValue<'_>, span: &Range<usize>) -> Option<Option<String>> {
    match value {
        DeValue::Table(t) => take_value_at(t, span),
        DeValue::Array(items) => {
            if items.iter().any(|item| item.span() == *span) {
                let old = std::mem::replace(items, DeArray::new());
                *items = old
                    .into_iter()
                    .filter(|item| item.span() != *span)
                    .collect();
                return Some(None);
            }
            items
                .iter_mut()
                .find_map(|item| take_in_value(item.get_mut(), span))
        }
        _ => None,
    }
}

/// Puts a stand-in string for the required key `name` into the table at `span`, so serde can
/// read on; every required key of the schema is a string. False when there is no such table.
fn put_stand_in(tree: &mut Spanned<DeTable<'_>>, span: &Range<usize>, name: &str) -> bool {
    fn insert(table: &mut DeTable<'_>, span: &Range<usize>, name: &str) {
        table.insert(
            Spanned::new(span.clone(), Cow::Owned(name.to_string())),
            Spanned::new(span.clone(), DeValue::String(Cow::Borrowed("?"))),
        );
    }
    fn find(value: &mut Spanned<DeValue<'_>>, span: &Range<usize>, name: &str) -> bool {
        let here = value.span() == *span;
        match value.get_mut() {
            DeValue::Table(t) if here => {
                insert(t, span, name);
                true
            }
            DeValue::Table(t) => {
                let names: Vec<String> = t.iter().map(|(k, _)| k.get_ref().to_string()).collect();
                names
                    .iter()
                    .any(|n| t.get_mut(n.as_str()).is_some_and(|v| find(v, span, name)))
            }
            DeValue::Array(items) => items.iter_mut().any(|item| find(item, span, name)),
            _ => false,
        }
    }
    if tree.span() == *span {
        insert(tree.get_mut(), span, name);
        return true;
    }
    let names: Vec<String> = tree
        .get_ref()
        .iter()
        .map(|(k, _)| k.get_ref().to_string())
        .collect();
    names.iter().any(|n| {
        tree.get_mut()
            .get_mut(n.as_str())
            .is_some_and(|v| find(v, span, name))
    })
}

/// The spanned tree of a TOML text, or every syntax error in it.
pub(crate) fn parse_toml<'s>(
    source: &'s str,
    origin: &str,
) -> Result<Spanned<DeTable<'s>>, LoadError> {
    let (tree, errors) = DeTable::parse_recoverable(source);
    if errors.is_empty() {
        return Ok(tree);
    }
    Err(LoadError::new(
        errors
            .iter()
            .map(|e| {
                let span = e.span().unwrap_or(0..0);
                let (message, label) = toml_syntax_message(e.message(), source, span.clone());
                Diagnostic::at(origin, source, span, message).with_label(label)
            })
            .collect(),
    ))
}

/// toml writes "invalid X\nexpected Y" or "X, expected Y"; ours is "expected Y, found Z" with
/// X under the caret.
fn toml_syntax_message(message: &str, source: &str, span: Range<usize>) -> (String, String) {
    let flat: Vec<&str> = message
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let flat = flat.join(", ");
    let found = match source.get(span.clone()) {
        Some(text) if !text.is_empty() => format!("'{}'", quote_value(text)),
        _ => match source
            .get(span.start..)
            .and_then(|rest| rest.chars().next())
        {
            None => "the end of the file".to_string(),
            Some('\n' | '\r') => "the end of the line".to_string(),
            Some(c) => format!("'{}'", quote_value(&c.to_string())),
        },
    };
    match flat.split_once(", expected ") {
        Some((what, expected)) => {
            let expected = expected.replace('`', "'");
            (
                format!("expected {expected}, found {found}"),
                what.replace('`', "'"),
            )
        }
        None => (
            humanize_serde_message(&flat),
            "invalid TOML here".to_string(),
        ),
    }
}

fn parse_json<'s>(source: &'s str, origin: &str) -> Result<Spanned<DeTable<'s>>, LoadError> {
    use jsonc_parser::{CollectOptions, ParseOptions, parse_to_ast};
    let strict = ParseOptions {
        allow_comments: false,
        allow_loose_object_property_names: false,
        allow_trailing_commas: false,
        allow_missing_commas: false,
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        allow_bare_decimal_point_numbers: false,
        allow_non_finite_numbers: false,
        allow_extended_string_escapes: false,
    };
    let parsed = parse_to_ast(source, &CollectOptions::default(), &strict).map_err(|e| {
        let r = e.range();
        let kind = e.kind().to_string();
        LoadError::one(
            Diagnostic::at(
                origin,
                source,
                r.start..r.end,
                humanize_serde_message(&kind),
            )
            .with_label("invalid JSON here"),
        )
    })?;
    let mut problems = Vec::new();
    let root = parsed.value.and_then(|v| match v {
        jsonc_parser::ast::Value::Object(obj) => {
            Some(json_object(obj, source, origin, &mut problems))
        }
        other => {
            let r = range_of(&other);
            problems.push(Diagnostic::at(
                origin,
                source,
                r.clone(),
                format!(
                    "expected a JSON object at the top level, found {}",
                    json_kind(&other)
                ),
            ));
            None
        }
    });
    match root {
        Some(tree) if problems.is_empty() => Ok(tree),
        _ => Err(LoadError::new(problems)),
    }
}

fn range_of(v: &jsonc_parser::ast::Value<'_>) -> Range<usize> {
    use jsonc_parser::ast::Value;
    let r = match v {
        Value::StringLit(x) => x.range,
        Value::NumberLit(x) => x.range,
        Value::BooleanLit(x) => x.range,
        Value::Object(x) => x.range,
        Value::Array(x) => x.range,
        Value::NullKeyword(x) => x.range,
    };
    r.start..r.end
}

fn json_kind(v: &jsonc_parser::ast::Value<'_>) -> &'static str {
    use jsonc_parser::ast::Value;
    match v {
        Value::StringLit(_) => "a string",
        Value::NumberLit(_) => "a number",
        Value::BooleanLit(_) => "a boolean",
        Value::Object(_) => "an object",
        Value::Array(_) => "an array",
        Value::NullKeyword(_) => "null",
    }
}

fn json_object<'s>(
    obj: jsonc_parser::ast::Object<'s>,
    source: &'s str,
    origin: &str,
    problems: &mut Vec<Diagnostic>,
) -> Spanned<DeTable<'s>> {
    use jsonc_parser::ast::ObjectPropName;
    let mut table = DeTable::new();
    for prop in obj.properties {
        let (name, r) = match prop.name {
            ObjectPropName::String(s) => (s.value, s.range),
            ObjectPropName::Word(w) => (Cow::Borrowed(w.value), w.range),
        };
        let key_span = r.start..r.end;
        if table.iter().any(|(k, _)| k.get_ref() == &name) {
            problems.push(Diagnostic::at(
                origin,
                source,
                key_span,
                format!(
                    "expected each key once, found '{}' again",
                    quote_value(&name)
                ),
            ));
            continue;
        }
        // `null` means absent, as an omitted key would.
        if let Some(value) = json_value(prop.value, source, origin, problems) {
            table.insert(Spanned::new(key_span, name), value);
        }
    }
    Spanned::new(obj.range.start..obj.range.end, table)
}

fn json_value<'s>(
    v: jsonc_parser::ast::Value<'s>,
    source: &'s str,
    origin: &str,
    problems: &mut Vec<Diagnostic>,
) -> Option<Spanned<DeValue<'s>>> {
    use jsonc_parser::ast::Value;
    let span = range_of(&v);
    let value = match v {
        Value::StringLit(s) => DeValue::String(s.value),
        Value::BooleanLit(b) => DeValue::Boolean(b.value),
        // The schema has no numbers, but keep the value so serde reports the type mismatch
        // where it happens; a JSON number is also a TOML number literal.
        Value::NumberLit(n) => match DeValue::parse(n.value) {
            Ok(parsed) => parsed.into_inner(),
            Err(_) => DeValue::Float(Default::default()),
        },
        Value::NullKeyword(_) => return None,
        Value::Array(a) => {
            let mut array = DeArray::new();
            for element in a.elements {
                let r = range_of(&element);
                match json_value(element, source, origin, problems) {
                    Some(value) => array.push(value),
                    None => problems.push(Diagnostic::at(
                        origin,
                        source,
                        r,
                        "expected a value in this list, found null",
                    )),
                }
            }
            DeValue::Array(array)
        }
        Value::Object(o) => DeValue::Table(json_object(o, source, origin, problems).into_inner()),
    };
    Some(Spanned::new(span, value))
}

/// TOML has a native date type (`date = 2016-05-23`); the model reads dates as strings, so
/// turn the native form into its text and let the date check judge it.
fn normalise_dates(table: &mut DeTable<'_>) {
    if let Some(v) = table.get_mut("date")
        && let DeValue::Datetime(dt) = v.get_ref()
    {
        let text = dt.to_string();
        *v.get_mut() = DeValue::String(Cow::Owned(text));
    }
}

/// The keys a table at `path` accepts, or `None` for a table that is not in the schema (serde
/// reports the type error there).
fn schema_at(path: &[Seg<'_>]) -> Option<&'static [&'static str]> {
    use Seg::{Index, Key};
    Some(match path {
        [] => keys::BRIEFING,
        [Key("parties"), Index(_)] => keys::PARTY,
        [Key("parties"), Index(_), Key("people"), Index(_)] => keys::PERSON,
        [Key("quotes"), Index(_)] => keys::QUOTE,
        [Key("cooperation_areas"), Index(_)] => keys::AREA,
        [Key("threats"), Index(_)] => keys::THREAT,
        [Key("links"), Index(_)] => keys::LINK,
        [Key("notes")] => keys::NOTES,
        _ => return None,
    })
}

/// Reports every key the schema does not know, removes it so serde can go on, and descends.
fn remove_unknown_keys(
    table: &mut DeTable<'_>,
    known: &[&str],
    path: &[Seg<'_>],
    source: &str,
    origin: &str,
    problems: &mut Vec<Diagnostic>,
) {
    let mut unknown: Vec<(String, Range<usize>)> = Vec::new();
    for (key, _) in table.iter() {
        if !known.contains(&key.get_ref().as_ref()) {
            unknown.push((key.get_ref().to_string(), key.span()));
        }
    }
    for (name, span) in &unknown {
        let place = describe_path(path);
        let mut d = Diagnostic::at(
            origin,
            source,
            span.clone(),
            format!(
                "expected a known key {place}, found '{}'",
                quote_value(name)
            ),
        )
        .with_label("unknown key");
        d = match nearest(name, known) {
            Some(best) => d.with_help(format!("did you mean '{best}'?")),
            None => d.with_help(format!("known keys here: {}", known.join(", "))),
        };
        problems.push(d);
        table.remove(name.as_str());
    }
    let names: Vec<String> = table.iter().map(|(k, _)| k.get_ref().to_string()).collect();
    for name in names {
        let Some(value) = table.get_mut(name.as_str()) else {
            continue;
        };
        let mut child_path = path.to_vec();
        child_path.push(Seg::Key(&name));
        descend(value.get_mut(), &child_path, source, origin, problems);
    }
}

fn descend(
    value: &mut DeValue<'_>,
    path: &[Seg<'_>],
    source: &str,
    origin: &str,
    problems: &mut Vec<Diagnostic>,
) {
    match value {
        DeValue::Table(t) => {
            if let Some(known) = schema_at(path) {
                remove_unknown_keys(t, known, path, source, origin, problems);
            }
        }
        DeValue::Array(items) => {
            for (i, item) in items.iter_mut().enumerate() {
                let mut child = path.to_vec();
                child.push(Seg::Index(i));
                descend(item.get_mut(), &child, source, origin, problems);
            }
        }
        _ => {}
    }
}

/// "at the top level", "in parties[0].people[1]"...
pub(crate) fn describe_path(path: &[Seg<'_>]) -> String {
    if path.is_empty() {
        return "at the top level".to_string();
    }
    format!("in '{}'", path_string(path))
}

/// `parties[0].people[1]`
pub(crate) fn path_string(path: &[Seg<'_>]) -> String {
    let mut s = String::new();
    for seg in path {
        match seg {
            Seg::Key(k) => {
                if !s.is_empty() {
                    s.push('.');
                }
                s.push_str(k);
            }
            Seg::Index(i) => s.push_str(&format!("[{i}]")),
        }
    }
    s
}

/// The known key closest to `name`, when it is close enough to be a likely typo.
pub(crate) fn nearest<'k>(name: &str, known: &[&'k str]) -> Option<&'k str> {
    let lower = name.to_lowercase();
    known
        .iter()
        .map(|k| (strsim::damerau_levenshtein(&lower, k), *k))
        .filter(|(d, k)| *d <= (k.chars().count() / 3).max(2) || k.starts_with(&lower))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// The span of the value (or with `key_span`, of the key) at `path`, if present.
pub(crate) fn span_at(
    tree: &Spanned<DeTable<'_>>,
    path: &[Seg<'_>],
    key_span: bool,
) -> Option<Range<usize>> {
    let mut current_table = tree.get_ref();
    let mut current: Option<&Spanned<DeValue<'_>>> = None;
    let mut last_key_span = None;
    for seg in path {
        match seg {
            Seg::Key(k) => {
                if let Some(v) = current {
                    match v.get_ref() {
                        DeValue::Table(t) => current_table = t,
                        _ => return None,
                    }
                }
                let (key, value) = current_table.iter().find(|(key, _)| key.get_ref() == k)?;
                last_key_span = Some(key.span());
                current = Some(value);
            }
            Seg::Index(i) => match current?.get_ref() {
                DeValue::Array(a) => {
                    current = Some(a.get(*i)?);
                    last_key_span = None;
                }
                _ => return None,
            },
        }
    }
    if key_span && let Some(span) = last_key_span {
        return Some(span);
    }
    current.map(Spanned::span).or(Some(tree.span()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_of_finds_the_third_quote_and_a_summary_paragraph() {
        let toml = crate::model::BUNDLED_TOML;
        let line = line_of(toml, Format::Toml, &[Seg::Key("quotes"), Seg::Index(2)]).unwrap();
        let at: Vec<&str> = toml.lines().collect();
        let header = toml
            .lines()
            .enumerate()
            .filter(|(_, l)| l.trim() == "[[quotes]]")
            .nth(2)
            .unwrap()
            .0
            + 1;
        assert!(
            (header..header + 3).contains(&line),
            "line {line}: {:?}, header at {header}",
            at[line - 1]
        );
        let json = "{\n  \"title\": \"t\",\n  \"summary\": [\n    \"a\",\n    \"b\"\n  ]\n}";
        assert_eq!(
            line_of(json, Format::Json, &[Seg::Key("summary"), Seg::Index(1)]),
            Some(5)
        );
        assert_eq!(line_of(toml, Format::Toml, &[Seg::Key("nothing")]), None);
        assert_eq!(
            line_of("not [ toml", Format::Toml, &[Seg::Key("title")]),
            None
        );
    }

    #[test]
    fn nearest_suggests_typos_only() {
        let k = keys::BRIEFING;
        assert_eq!(nearest("titel", k), Some("title"));
        assert_eq!(nearest("cooperation_area", k), Some("cooperation_areas"));
        assert_eq!(nearest("Threats", k), Some("threats"));
        assert_eq!(nearest("zzzzzz", k), None);
    }

    #[test]
    fn format_follows_extension() {
        assert_eq!(Format::from_name("a/b.JSON"), Format::Json);
        assert_eq!(Format::from_name("a/b.toml"), Format::Toml);
        assert_eq!(Format::from_name("-"), Format::Toml);
    }

    #[test]
    fn check_briefing_gives_the_verdict_and_messages_of_parse_briefing() {
        let cases = [
            ("title = 't'\ndate = 2016-05-23\n", Format::Toml),
            ("title = 't'\ndate = 2016-02-30\n", Format::Toml),
            ("title = 't'\nlang = 'not a tag!'\n", Format::Toml),
            ("title = 't'\nnope = 'x'\n", Format::Toml),
            (
                "title = 't'\n[[quotes]]\ntext = 'a'\nspeaker = 'Nobody'\n",
                Format::Toml,
            ),
            ("title = 't\n", Format::Toml),
            (" \n", Format::Toml),
            ("{\"title\": \"t\", \"lang\": null}", Format::Json),
            ("{\"title\": \"t\", \"summary\": null}", Format::Json),
            ("{\"title\": \"t\", \"summary\": [null]}", Format::Json),
            ("[\"t\"]", Format::Json),
            ("{\"title\": \"\"}", Format::Json),
        ];
        for (text, format) in cases {
            assert_eq!(
                check_briefing(text, "x", format),
                parse_briefing(text, "x", format).map(drop),
                "{text}"
            );
        }
    }

    #[test]
    fn read_plain_reads_what_import_writes_without_the_spanned_tree() {
        let toml_text = "title = 't'\ndate = 2016-05-23\n\n[[quotes]]\ntext = 'a'\n";
        let b = read_plain(toml_text, Format::Toml).unwrap();
        assert_eq!(b.date.map(|d| d.to_string()).as_deref(), Some("2016-05-23"));
        assert_eq!(b.quotes.len(), 1);
        let json_text = "{\"title\": \"t\", \"date\": \"2016-05-23\"}";
        assert_eq!(
            read_plain(json_text, Format::Json).map(|b| b.title),
            Some("t".into())
        );
        assert_eq!(read_plain("[\"t\"]", Format::Json), None);
    }

    #[test]
    fn span_at_finds_nested_values_and_keys() {
        let src =
            "title = \"t\"\n[[quotes]]\ntext = \"a\"\n[[quotes]]\ntext = \"b\"\nspeaker = \"X\"\n";
        let tree = DeTable::parse(src).unwrap();
        let path = [Seg::Key("quotes"), Seg::Index(1), Seg::Key("speaker")];
        let v = span_at(&tree, &path, false).unwrap();
        assert_eq!(&src[v], "\"X\"");
        let k = span_at(&tree, &path, true).unwrap();
        assert_eq!(&src[k], "speaker");
        assert!(span_at(&tree, &[Seg::Key("nope")], false).is_none());
    }
}
