//! Build script: the version `briefing --version` prints, with the commit it was built from
//! when built from a git checkout of this repository ("0.1.0 (1d6b71a2c3f4 2026-12-03)"). From a
//! tarball, or without git, the version alone; nothing fails.
//!
//! It also writes the importer's rule tables (the taxonomy and the lexicons, written in TOML) as
//! JSON into `OUT_DIR`: the program reads the same data several times faster from JSON, and
//! reading them was most of the first frame of a release.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

use toml::{Table, Value};

#[allow(dead_code, reason = "the importer's tests use the rest")]
#[path = "src/import/split.rs"]
mod split;

#[path = "src/import/lexicon/tables.rs"]
mod tables;

fn main() {
    tables_as_json();
    tables_as_rust();
    hot_text();
    let version = std::env::var("CARGO_PKG_VERSION").unwrap_or_default();
    println!("cargo:rerun-if-changed=build.rs");
    let Some(commit) = commit() else {
        println!("cargo:rustc-env=BRIEFING_VERSION={version}");
        return;
    };
    let text = match git(&["log", "-1", "--format=%cs"]) {
        Some(date) => format!("{version} ({commit} {date})"),
        None => format!("{version} ({commit})"),
    };
    println!("cargo:rustc-env=BRIEFING_VERSION={text}");
    // Run again when HEAD moves: a commit, a checkout (only files that exist, or cargo would
    // run this on every build).
    let mut watched = vec![git(&["rev-parse", "--git-path", "HEAD"])];
    if let Some(branch) = git(&["symbolic-ref", "-q", "HEAD"]) {
        watched.push(git(&["rev-parse", "--git-path", &branch]));
    }
    watched.push(git(&["rev-parse", "--git-path", "packed-refs"]));
    for path in watched.into_iter().flatten() {
        if Path::new(&path).exists() {
            println!("cargo:rerun-if-changed={path}");
        }
    }
}

/// Links the program with `tools/hot-text.ld` on Linux: the functions a keypress runs, then
/// those of the first frame, come first in its code. Spread over the program's 8 MB of code, a
/// key's instructions touched about a hundred pages of it, each a miss of the processor's
/// address cache when keys come 50 ms apart; together, about forty-five. The script names
/// the code's own section and adds the rest after (`INSERT`): GNU ld and lld read it alike,
/// and debuggers and profilers see one code section as before.
fn hot_text() {
    let script = "tools/hot-text.ld";
    println!("cargo:rerun-if-changed={script}");
    let linux = std::env::var("CARGO_CFG_TARGET_OS").is_ok_and(|os| os == "linux");
    let Ok(dir) = std::env::var("CARGO_MANIFEST_DIR") else {
        return;
    };
    let path = Path::new(&dir).join(script);
    // `-Wl,` cuts its argument at commas: a checkout whose path has one links as before.
    let path = path.to_str().filter(|p| !p.contains(','));
    if let Some(path) = path.filter(|p| linux && Path::new(p).exists()) {
        println!("cargo:rustc-link-arg-bins=-Wl,-T,{path}");
    }
}

/// The commit checked out, when this package is the top of a git working tree (a tarball
/// unpacked inside another repository is not).
fn commit() -> Option<String> {
    let top = git(&["rev-parse", "--show-toplevel"])?;
    let here = std::env::var("CARGO_MANIFEST_DIR").ok()?;
    let same = std::fs::canonicalize(&top).ok()? == std::fs::canonicalize(&here).ok()?;
    if !same {
        return None;
    }
    git(&["rev-parse", "--short=12", "HEAD"])
}

fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8(out.stdout).ok()?.trim().to_string();
    (!text.is_empty()).then_some(text)
}

/// The rule tables the importer reads at run time, as `(source, name in OUT_DIR)`.
const TABLES: [(&str, &str); 4] = [
    ("src/model/taxonomy.toml", "categories.json"),
    ("src/import/lexicon/fr.toml", "lexicon-fr.json"),
    ("src/import/lexicon/en.toml", "lexicon-en.json"),
    ("src/import/lexicon/common.toml", "lexicon-common.json"),
];

/// Writes each of [`TABLES`] as JSON. A file that cannot be read or does not parse fails
/// the build with the parser's message (file, line and column; `cargo::error`): a program
/// with empty tables would import nothing, silently.
fn tables_as_json() {
    let Ok(out_dir) = std::env::var("OUT_DIR") else {
        return;
    };
    for (source, name) in TABLES {
        println!("cargo:rerun-if-changed={source}");
        let json = std::fs::read_to_string(source)
            .map_err(|error| format!("cannot read the rule table: {error}"))
            .and_then(|text| {
                toml::from_str::<toml::Table>(&text)
                    .map_err(|error| format!("expected a valid TOML rule table: {error}"))
            })
            .map(|table| match name {
                "categories.json" => categories_only(table),
                "lexicon-fr.json" | "lexicon-en.json" => without_words(table),
                _ => table,
            })
            .and_then(|table| {
                serde_json::to_string(&table)
                    .map_err(|error| format!("cannot write it as JSON: {error}"))
            });
        let written = json.and_then(|json| {
            std::fs::write(Path::new(&out_dir).join(name), json)
                .map_err(|error| format!("cannot write {name}: {error}"))
        });
        if let Err(message) = written {
            // One line per message line: cargo shows each as part of the error.
            for line in message.lines() {
                println!("cargo::error={source}: {line}");
            }
        }
    }
}

/// The taxonomy file with only what the model reads of it: each category's id, kind and
/// names (the importer's phrases are written as Rust, see [`tables_as_rust`]).
fn categories_only(mut taxonomy: Table) -> Table {
    let mut categories = taxonomy
        .remove("category")
        .unwrap_or(Value::Array(Vec::new()));
    for category in categories.as_array_mut().into_iter().flatten() {
        if let Some(fields) = category.as_table_mut() {
            fields.retain(|key, _| ["id", "kind", "name"].contains(&key));
        }
    }
    Table::from_iter([("category".to_string(), categories)])
}

/// A lexicon file without its phrases and months, which are written as Rust, already cut
/// into words (see [`lexicon_rust`]).
fn without_words(mut lexicon: Table) -> Table {
    lexicon.remove("phrases");
    lexicon.remove("months");
    lexicon
}

/// The languages of the lexicons, in the order of `Lang::ALL` (bit `k` of a stop word).
const LANGS: [&str; 2] = ["en", "fr"];

/// Writes, as Rust expressions for `include!`, what the importer would otherwise compute from
/// the tables at start: the words of every taxonomy phrase, indexed by first word and longest
/// first (`taxonomy-en.rs`, `taxonomy-fr.rs`), and the tokenizer's elisions, possessive endings
/// and the stop words language detection counts (`lexicon-words.rs`). The TOML files stay the
/// source; words are cut by `src/import/split.rs`, which a test holds equal to the tokenizer.
fn tables_as_rust() {
    let Ok(out_dir) = std::env::var("OUT_DIR") else {
        return;
    };
    println!("cargo:rerun-if-changed=src/import/split.rs");
    // A file that does not read fails the build, as in `tables_as_json`.
    let read = |source: &str| -> Table {
        println!("cargo:rerun-if-changed={source}");
        let text = std::fs::read_to_string(source).map_err(|error| error.to_string());
        match text.and_then(|text| toml::from_str(&text).map_err(|error| error.to_string())) {
            Ok(table) => table,
            Err(message) => {
                for line in message.lines() {
                    println!("cargo::error={source}: {line}");
                }
                Table::new()
            }
        }
    };
    let lexicons: Vec<Table> = LANGS
        .iter()
        .map(|lang| read(&format!("src/import/lexicon/{lang}.toml")))
        .collect();
    let mut elisions: Vec<String> = lexicons
        .iter()
        .flat_map(|l| strings(l.get("elisions")))
        .collect();
    elisions.sort();
    elisions.dedup();
    let possessives: Vec<String> = lexicons
        .iter()
        .flat_map(|l| strings(l.get("possessives")))
        .collect();
    let cut = Cutter {
        elisions: elisions.iter().map(String::as_str).collect(),
        possessives: possessives.iter().map(String::as_str).collect(),
    };
    let mut stop: BTreeMap<String, u8> = BTreeMap::new();
    for (k, lexicon) in lexicons.iter().enumerate() {
        let phrases = lexicon.get("phrases").and_then(Value::as_table);
        for phrase in strings(phrases.and_then(|p| p.get("stop"))) {
            if let [word] = cut.words(&phrase).as_slice() {
                *stop.entry(word.clone()).or_default() |= 1 << k;
            }
        }
    }
    let mut words = String::new();
    let _ = writeln!(
        words,
        "LexiconWords {{ elisions: &{elisions:?}, possessives: &{possessives:?},"
    );
    let _ = writeln!(
        words,
        "stop: &{:?} }}",
        stop.into_iter().collect::<Vec<_>>()
    );
    let mut files = vec![("lexicon-words.rs".to_string(), words)];
    for (lang, lexicon) in LANGS.iter().zip(&lexicons) {
        files.push((format!("lexicon-{lang}.rs"), lexicon_rust(lexicon, &cut)));
    }
    let names = read("src/import/lexicon/names.toml");
    files.push((
        "names.rs".to_string(),
        format!(
            "GivenNames {{ feminine: &{:?}, masculine: &{:?} }}",
            strings(names.get("feminine")),
            strings(names.get("masculine"))
        ),
    ));
    let taxonomy = read("src/model/taxonomy.toml");
    println!("cargo:rerun-if-changed=src/import/lexicon/tables.rs");
    for (lang, lexicon) in LANGS.iter().zip(&lexicons) {
        let taxonomy = taxonomy_rust(&taxonomy, lang, &cut);
        let (vocab, ids) = vocab_rust(lexicon, &names, &taxonomy.words(), &cut);
        files.push((format!("vocab-{lang}.rs"), vocab));
        files.push((
            format!("taxonomy-{lang}.rs"),
            taxonomy.rust(&ids, ids.len()),
        ));
        files.push((format!("taxonomy-words-{lang}.rs"), taxonomy.words_rust()));
    }
    for (name, text) in files {
        if let Err(error) = std::fs::write(Path::new(&out_dir).join(&name), text) {
            println!("cargo::error=cannot write {name}: {error}");
        }
    }
}

/// A `[phrases]` field's class: `date_label` is `Class::DateLabel` (a field with no class fails
/// the build).
fn class_name(field: &str) -> String {
    field
        .split('_')
        .map(|part| {
            let mut chars = part.chars();
            chars
                .next()
                .map(|c| c.to_ascii_uppercase())
                .into_iter()
                .chain(chars)
                .collect::<String>()
        })
        .collect()
}

/// What a lexicon says of one word as its vocabulary is built: the classes it is alone, those
/// it starts a longer phrase of, and those phrases (class, the words after the first).
#[derive(Default)]
struct WordEntry {
    single: BTreeSet<String>,
    starts: BTreeSet<String>,
    multi: Vec<(String, Vec<String>)>,
}

/// The words of a vocabulary as they are numbered (the first is 1), each with its entry.
#[derive(Default)]
struct Words {
    ids: HashMap<String, usize>,
    list: Vec<(String, WordEntry)>,
}

impl Words {
    /// The number of `word`, the next one when it has none yet.
    fn intern(&mut self, word: &str) -> usize {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        self.list.push((word.to_string(), WordEntry::default()));
        self.ids.insert(word.to_string(), self.list.len());
        self.list.len()
    }

    fn entry(&mut self, word: &str) -> &mut WordEntry {
        let id = self.intern(word);
        &mut self.list[id - 1].1
    }

    /// Adds a phrase of `class`, cut into words.
    fn add(&mut self, class: &str, words: &[String]) {
        let Some((first, rest)) = words.split_first() else {
            return;
        };
        let entry = self.entry(first);
        if rest.is_empty() {
            entry.single.insert(class.to_string());
        } else {
            entry.starts.insert(class.to_string());
            entry.multi.push((class.to_string(), rest.to_vec()));
        }
    }
}

/// The Rust expression of a language's vocabulary tables (see `import::lexicon::VocabTables`):
/// every word of the lexicon's phrases, months and given names, and of the taxonomy
/// (`taxonomy_words`), numbered, with what the lexicon says of each and the tables that find
/// a word's number, all as numbers and one string: the program builds nothing at start, and
/// the loader relocates no pointer per word. With the number of each word.
fn vocab_rust(
    lexicon: &Table,
    names: &Table,
    taxonomy_words: &[String],
    cut: &Cutter<'_>,
) -> (String, HashMap<String, usize>) {
    let (words, months) = vocab_words(lexicon, names, taxonomy_words, cut);
    let phrases = Phrases::of(&words);
    let list = |items: &mut dyn Iterator<Item = String>| items.collect::<Vec<_>>().join(",");
    let slots = |table: &[Option<usize>], of: &dyn Fn(usize) -> String, empty: &str| {
        list(&mut table.iter().map(|slot| slot.map_or(empty.to_string(), of)))
    };
    let numbers = |v: &[usize]| list(&mut v.iter().map(usize::to_string));
    // The words, one after the other.
    let mut text = String::new();
    let mut ends = Vec::with_capacity(words.list.len());
    for (word, _) in &words.list {
        text.push_str(word);
        ends.push(text.len());
    }
    let short: Vec<(u64, usize)> = (words.list.iter().enumerate())
        .filter_map(|(i, (word, _))| Some((tables::short_key(word.as_bytes())?, i + 1)))
        .collect();
    let short_table = tables::lay_out(short.len(), |k| short[k].0, |a, b| short[a].0 == short[b].0);
    let long: Vec<(u64, usize)> = (words.list.iter().enumerate())
        .filter(|(_, (word, _))| tables::short_key(word.as_bytes()).is_none())
        .map(|(i, (word, _))| (tables::long_hash(word.as_bytes()), i + 1))
        .collect();
    let long_table = tables::lay_out(long.len(), |k| long[k].0, |a, b| long[a].1 == long[b].1);
    let mut puncts: Vec<(char, usize)> = (words.list.iter().enumerate())
        .filter_map(|(i, (word, _))| {
            let mut chars = word.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) if !split::is_word_char(c) => Some((c, i + 1)),
                _ => None,
            }
        })
        .collect();
    puncts.sort_unstable();
    let longest = words.list.iter().map(|(w, _)| w.len()).max().unwrap_or(0);
    let classes = list(
        &mut (phrases.single.iter().zip(&phrases.starts))
            .map(|(single, starts)| format!("(SETS[{single}], SETS[{starts}])")),
    );
    let class_sets = list(&mut phrases.sets.iter().map(|set| {
        if set.is_empty() {
            "0".to_string()
        } else {
            set.iter()
                .map(|class| format!("Class::{class}.bit()"))
                .collect::<Vec<_>>()
                .join("|")
        }
    }));
    let pair_table = tables::lay_out(
        phrases.pair_keys.len(),
        |k| phrases.pair_keys[k],
        |a, b| a == b,
    );
    // A block: the sets of classes are a constant the words' entries take theirs from.
    let rust = format!(
        "{{ const SETS: [Classes; {}] = [{class_sets}];\n\
         VocabTables {{ text: {text:?}, ends: &[{}],\n\
         short: &[{}],\nlong: &[{}],\nclasses: &[{classes}],\nmulti_ends: &[{}],\n\
         phrase_classes: &[{}],\nphrase_ends: &[{}],\nphrase_words: &[{}],\n\
         pair_keys: &[{}],\npair_ranges: &[{}],\npair_places: &[{}],\n\
         puncts: &{puncts:?},\nmonths: &[{months}],\nlongest: {longest} }} }}\n",
        phrases.sets.len(),
        numbers(&ends),
        slots(
            &short_table,
            &|k| format!("({}, {})", short[k].0, short[k].1),
            "(0, 0)"
        ),
        slots(
            &long_table,
            &|k| format!("({}, {})", long[k].0, long[k].1),
            "(0, 0)"
        ),
        numbers(&phrases.multi_ends),
        phrases.classes.join(","),
        numbers(&phrases.ends),
        numbers(&phrases.words),
        slots(&pair_table, &|k| phrases.pair_keys[k].to_string(), "0"),
        slots(
            &pair_table,
            &|k| format!(
                "({}, {})",
                phrases.pair_ranges[k].0, phrases.pair_ranges[k].1
            ),
            "(0, 0)"
        ),
        numbers(&phrases.pair_places),
    );
    (rust, words.ids)
}

/// The words of a language's vocabulary, numbered, with what the lexicon says of each (its
/// phrases' words, its months', its given names', then the taxonomy's), and the months as
/// Rust (name and number, in key order).
fn vocab_words(
    lexicon: &Table,
    names: &Table,
    taxonomy_words: &[String],
    cut: &Cutter<'_>,
) -> (Words, String) {
    let mut words = Words::default();
    let phrases = lexicon.get("phrases").and_then(Value::as_table);
    let lists: Vec<(String, Vec<Vec<String>>)> = phrases
        .into_iter()
        .flatten()
        .map(|(field, list)| {
            let phrases = strings(Some(list)).iter().map(|p| cut.words(p)).collect();
            (class_name(field), phrases)
        })
        .collect();
    // Phrases of one class in the order the file lists them (the order among a first word's
    // phrases of one class, as long, is the order they are tried in).
    for (class, phrases) in &lists {
        for phrase in phrases {
            words.add(class, phrase);
        }
    }
    for (class, phrases) in &lists {
        if class == "Role" {
            for word in phrases.iter().flatten() {
                words.entry(word).single.insert("RoleWord".to_string());
            }
        }
    }
    for name in strings(names.get("feminine"))
        .into_iter()
        .chain(strings(names.get("masculine")))
    {
        words.entry(&name).single.insert("GivenName".to_string());
    }
    let months = lexicon.get("months").and_then(Value::as_table);
    let months: BTreeMap<&String, &Value> = months.into_iter().flatten().collect();
    let mut month_list = String::new();
    for (name, month) in &months {
        words.add("Month", &cut.words(name));
        let month = month.as_integer().unwrap_or_default();
        let _ = write!(month_list, "({name:?}, {month}),");
    }
    // The other words of the phrases, then the taxonomy's.
    let rests: Vec<String> = words
        .list
        .iter()
        .flat_map(|(_, entry)| entry.multi.iter().flat_map(|(_, rest)| rest.clone()))
        .collect();
    for word in rests.iter().chain(taxonomy_words) {
        words.intern(word);
    }
    for (_, entry) in &mut words.list {
        entry
            .multi
            .sort_by_key(|(_, rest)| std::cmp::Reverse(rest.len()));
    }
    (words, month_list)
}

/// What the lexicon says of each word, as the vocabulary's tables hold it: the sets of classes
/// (each once) and each word's, its longer phrases one after the other, and the phrases by the
/// pair of their first two words.
struct Phrases {
    sets: Vec<BTreeSet<String>>,
    single: Vec<usize>,
    starts: Vec<usize>,
    multi_ends: Vec<usize>,
    classes: Vec<String>,
    ends: Vec<usize>,
    words: Vec<usize>,
    pair_keys: Vec<u64>,
    pair_ranges: Vec<(usize, usize)>,
    pair_places: Vec<usize>,
}

impl Phrases {
    fn of(words: &Words) -> Phrases {
        let id_of = |word: &str| words.ids.get(word).copied().unwrap_or(0);
        let mut out = Phrases {
            sets: vec![BTreeSet::new()],
            single: Vec::new(),
            starts: Vec::new(),
            multi_ends: Vec::new(),
            classes: Vec::new(),
            ends: Vec::new(),
            words: Vec::new(),
            pair_keys: Vec::new(),
            pair_ranges: Vec::new(),
            pair_places: Vec::new(),
        };
        let mut pairs: Vec<(u64, usize)> = Vec::new();
        for (first, (_, entry)) in words.list.iter().enumerate() {
            let single = out.set_of(&entry.single);
            let starts = out.set_of(&entry.starts);
            out.single.push(single);
            out.starts.push(starts);
            for (place, (class, rest)) in entry.multi.iter().enumerate() {
                out.classes.push(format!("Class::{class}"));
                let ids: Vec<usize> = rest.iter().map(|w| id_of(w)).collect();
                if let Some(&second) = ids.first() {
                    pairs.push(((first as u64 + 1) << 32 | second as u64, place));
                }
                out.words.extend(ids);
                out.ends.push(out.words.len());
            }
            out.multi_ends.push(out.classes.len());
        }
        pairs.sort_unstable();
        for (at, (key, place)) in pairs.iter().enumerate() {
            match out.pair_keys.last() {
                Some(last) if last == key => {
                    if let Some(range) = out.pair_ranges.last_mut() {
                        range.1 += 1;
                    }
                }
                _ => {
                    out.pair_keys.push(*key);
                    out.pair_ranges.push((at, 1));
                }
            }
            out.pair_places.push(*place);
        }
        out
    }

    /// The place of a set of classes among the sets, added when new.
    fn set_of(&mut self, set: &BTreeSet<String>) -> usize {
        match self.sets.iter().position(|s| s == set) {
            Some(at) => at,
            None => {
                self.sets.push(set.clone());
                self.sets.len() - 1
            }
        }
    }
}

/// The Rust expression of the phrases and months of a lexicon file, cut into words (see
/// `import::lexicon::LexiconPhrases`): each `[phrases]` list with its class (the field
/// `date_label` is `Class::DateLabel`, so a field with no class fails the build), and each
/// month in key order.
fn lexicon_rust(lexicon: &Table, cut: &Cutter<'_>) -> String {
    let mut out = String::from("LexiconPhrases { phrases: &[");
    let phrases = lexicon.get("phrases").and_then(Value::as_table);
    for (field, list) in phrases.into_iter().flatten() {
        let class: String = field
            .split('_')
            .map(|part| {
                let mut chars = part.chars();
                chars
                    .next()
                    .map(|c| c.to_ascii_uppercase())
                    .into_iter()
                    .chain(chars)
                    .collect::<String>()
            })
            .collect();
        let _ = write!(out, "\n(Class::{class}, &[");
        for phrase in strings(Some(list)) {
            let _ = write!(out, "&{:?},", cut.words(&phrase));
        }
        out.push_str("]),");
    }
    out.push_str("],\nmonths: &[");
    let months = lexicon.get("months").and_then(Value::as_table);
    let months: BTreeMap<&String, &Value> = months.into_iter().flatten().collect();
    for (name, month) in months {
        let month = month.as_integer().unwrap_or_default();
        let _ = write!(out, "({name:?}, &{:?}, {month}),", cut.words(name));
    }
    out.push_str("] }\n");
    out
}

/// The strings of an array value (none for another value).
fn strings(value: Option<&Value>) -> Vec<String> {
    let array = value
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default();
    array
        .iter()
        .filter_map(Value::as_str)
        .map(str::to_string)
        .collect()
}

/// Cuts phrases into words as the tokenizer does.
struct Cutter<'t> {
    elisions: Vec<&'t str>,
    possessives: Vec<&'t str>,
}

impl Cutter<'_> {
    fn words(&self, phrase: &str) -> Vec<String> {
        split::words(phrase, &self.elisions, &self.possessives)
    }
}

/// Phrases by first word, in the order first words come: the other words and the category.
#[derive(Default)]
struct Index {
    places: HashMap<String, usize>,
    firsts: Vec<(String, Vec<PhraseRest>)>,
}

/// The words of a phrase after its first, and the number of its category.
type PhraseRest = (Vec<String>, usize);

impl Index {
    fn add(&mut self, cut: &Cutter<'_>, phrase: &str, category: usize) {
        let mut words = cut.words(phrase).into_iter();
        let Some(first) = words.next() else {
            return;
        };
        let place = *self
            .places
            .entry(first.clone())
            .or_insert(self.firsts.len());
        if place == self.firsts.len() {
            self.firsts.push((first, Vec::new()));
        }
        if let Some((_, list)) = self.firsts.get_mut(place) {
            list.push((words.collect(), category));
        }
    }

    /// Each list longest first (a stable sort: of phrases as long, the one written first comes
    /// first).
    fn sort(&mut self) {
        for (_, list) in &mut self.firsts {
            list.sort_by_key(|(rest, _)| std::cmp::Reverse(rest.len()));
        }
    }

    /// The index as a Rust expression of words (the tests' reference).
    fn rust(&self) -> String {
        let mut out = String::from("&[");
        for (first, list) in &self.firsts {
            let _ = write!(out, "({first:?}, &[");
            for (rest, category) in list {
                let _ = write!(out, "(&{rest:?}, {category}),");
            }
            out.push_str("]),\n");
        }
        out.push(']');
        out
    }

    /// The index as a Rust expression of word numbers (see `import::taxonomy::PhraseTable`):
    /// each word's phrases in order, and for a word of more than `tables::LONG_LIST` phrases,
    /// the places of its phrases by their second word (0: of one word).
    fn table_rust(&self, ids: &HashMap<String, usize>, count: usize) -> String {
        let id_of = |word: &String| ids.get(word).copied().unwrap_or(0);
        let by_first: HashMap<usize, &Vec<PhraseRest>> = self
            .firsts
            .iter()
            .map(|(first, list)| (id_of(first), list))
            .collect();
        let (mut ends, mut rest_ends, mut rests, mut categories) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let mut pairs: Vec<(u64, Vec<usize>)> = Vec::new();
        for word in 1..=count {
            if let Some(list) = by_first.get(&word) {
                let mut seconds: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
                for (place, (rest, category)) in list.iter().enumerate() {
                    rests.extend(rest.iter().map(id_of));
                    rest_ends.push(rests.len());
                    categories.push(*category);
                    let second = rest.first().map_or(0, id_of);
                    seconds.entry(second).or_default().push(place);
                }
                if list.len() > tables::LONG_LIST {
                    for (second, places) in seconds {
                        pairs.push(((word as u64) << 32 | second as u64, places));
                    }
                }
            }
            ends.push(categories.len());
        }
        let table = tables::lay_out(pairs.len(), |k| pairs[k].0, |a, b| pairs[a].0 == pairs[b].0);
        let mut places = Vec::new();
        let slots: Vec<String> = table
            .iter()
            .map(|slot| match slot {
                Some(k) => {
                    let start = places.len();
                    places.extend(&pairs[*k].1);
                    format!("({}, {start}, {})", pairs[*k].0, pairs[*k].1.len())
                }
                None => "(0, 0, 0)".to_string(),
            })
            .collect();
        let join = |v: &[usize]| v.iter().map(usize::to_string).collect::<Vec<_>>().join(",");
        format!(
            "PhraseTable {{ ends: &[{}],\nrest_ends: &[{}],\nrests: &[{}],\ncategories: &[{}],\n\
             pairs: &[{}],\nplaces: &[{}] }}",
            join(&ends),
            join(&rest_ends),
            join(&rests),
            join(&categories),
            slots.join(","),
            join(&places),
        )
    }
}

/// What build.rs reads of the taxonomy of one language: the Rust expressions of its
/// categories, and its phrases, heads and words of cooperation, to be written by word once the
/// vocabulary has numbered them.
struct TaxonomyOut {
    ids: String,
    actors: String,
    generals: String,
    forms: Index,
    modifiers: Index,
    instruments: Index,
    /// Each head word and what it is (its kind, its category alone, whether a verb), as Rust.
    heads: Vec<(String, String)>,
    /// Each word of cooperation, its category, and the `PartnersBy` variant of the words
    /// that bring its partners.
    partnered: Vec<(String, usize, &'static str)>,
}

impl TaxonomyOut {
    /// Every word the taxonomy matches, for the vocabulary to number.
    fn words(&self) -> Vec<String> {
        let mut words: Vec<String> = self.heads.iter().map(|(w, _)| w.clone()).collect();
        words.extend(self.partnered.iter().map(|(w, _, _)| w.clone()));
        for index in [&self.forms, &self.modifiers, &self.instruments] {
            for (first, list) in &index.firsts {
                words.push(first.clone());
                words.extend(list.iter().flat_map(|(rest, _)| rest.iter().cloned()));
            }
        }
        words
    }

    /// The Rust expression of the taxonomy by words, as the tests read it (see
    /// `import::taxonomy::CompiledWords`).
    fn words_rust(&self) -> String {
        let heads: Vec<String> = (self.heads.iter())
            .map(|(word, head)| format!("({word:?}, {head})"))
            .collect();
        let partnered: Vec<String> = (self.partnered.iter())
            .map(|(word, n, by)| format!("({word:?}, {n}, PartnersBy::{by})"))
            .collect();
        format!(
            "CompiledWords {{ ids: {}, actors: {}, generals: {},\nforms: {},\nmodifiers: {},\ninstruments: {},\nheads: &[{}],\npartnered: &[{}] }}\n",
            self.ids,
            self.actors,
            self.generals,
            self.forms.rust(),
            self.modifiers.rust(),
            self.instruments.rust(),
            heads.join(",\n"),
            partnered.join(", "),
        )
    }

    /// The Rust expression of the taxonomy by word numbers (see `import::taxonomy::Compiled`).
    fn rust(&self, ids: &HashMap<String, usize>, count: usize) -> String {
        let id_of = |word: &String| ids.get(word).copied().unwrap_or(0);
        let mut heads = vec![0; count];
        let mut head_list = Vec::new();
        for (word, head) in &self.heads {
            if let Some(cell) = id_of(word).checked_sub(1).and_then(|at| heads.get_mut(at)) {
                head_list.push(format!("({head})"));
                *cell = head_list.len();
            }
        }
        let partnered: Vec<String> = (self.partnered.iter())
            .map(|(word, n, by)| format!("({}, {n}, PartnersBy::{by})", id_of(word)))
            .collect();
        format!(
            "Compiled {{ ids: {}, actors: {}, generals: {},\nforms: {},\nmodifiers: {},\ninstruments: {},\n\
             heads: &[{}],\nhead_list: &[{}],\npartnered: &[{}] }}\n",
            self.ids,
            self.actors,
            self.generals,
            self.forms.table_rust(ids, count),
            self.modifiers.table_rust(ids, count),
            self.instruments.table_rust(ids, count),
            heads
                .iter()
                .map(usize::to_string)
                .collect::<Vec<_>>()
                .join(","),
            head_list.join(","),
            partnered.join(","),
        )
    }
}

/// The Rust expression of the taxonomy of `lang` (see `import::taxonomy::Compiled`).
fn taxonomy_rust(file: &Table, lang: &str, cut: &Cutter<'_>) -> TaxonomyOut {
    let empty = Vec::new();
    let categories = file
        .get("category")
        .and_then(Value::as_array)
        .unwrap_or(&empty);
    let field = |category: &Value, key: &str| {
        category
            .get(key)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    let kind_of = |kind: &str| {
        if kind == "area" {
            "CategoryKind::Area"
        } else {
            "CategoryKind::Threat"
        }
    };
    let written: HashSet<String> = categories
        .iter()
        .flat_map(|c| strings(c.get("en")).into_iter().chain(strings(c.get("fr"))))
        .collect();
    let number = file.get("number");
    let vowels = number
        .and_then(|n| n.get("vowels"))
        .and_then(Value::as_str)
        .unwrap_or_default();
    let endings: Vec<(String, String)> = number
        .and_then(|n| n.get("endings"))
        .and_then(Value::as_array)
        .unwrap_or(&empty)
        .iter()
        .filter_map(|pair| {
            Some((
                pair.get(0)?.as_str()?.to_string(),
                pair.get(1)?.as_str()?.to_string(),
            ))
        })
        .collect();
    let mut ids = String::from("&[");
    let (actors, generals) = (
        flagged_ids(categories, "actor"),
        flagged_ids(categories, "general"),
    );
    let mut by_id: HashMap<String, (usize, String)> = HashMap::new();
    let (mut forms, mut modifiers, mut instruments) =
        (Index::default(), Index::default(), Index::default());
    for (n, category) in categories.iter().enumerate() {
        let (id, kind) = (field(category, "id"), field(category, "kind"));
        let _ = write!(ids, "({id:?}, {}),", kind_of(&kind));
        by_id.insert(id, (n, kind));
        let lang_forms = strings(category.get(lang));
        for form in &lang_forms {
            forms.add(cut, form, n);
        }
        for form in &lang_forms {
            if let Some(other) = split::other_number(form, vowels, &endings)
                && !written.contains(&other)
            {
                forms.add(cut, &other, n);
            }
        }
        for modifier in strings(category.get("modifiers").and_then(|m| m.get(lang))) {
            modifiers.add(cut, &modifier, n);
        }
    }
    ids.push(']');
    // Heads then verbs, each table in key order; a later word replaces an earlier one.
    let mut heads: BTreeMap<String, String> = BTreeMap::new();
    for (table, verb) in [("heads", false), ("verbs", true)] {
        for (head, value) in sorted_table(file, table, lang) {
            let value = value.as_str().unwrap_or_default();
            let (kind, default) = match value {
                "threat" | "area" => (value.to_string(), None),
                id => match by_id.get(id) {
                    Some((n, kind)) => (kind.clone(), Some(*n).filter(|_| !verb)),
                    None => continue,
                },
            };
            for word in cut.words(head) {
                heads.insert(word, format!("{}, {default:?}, {verb}", kind_of(&kind)));
            }
        }
    }
    let heads: Vec<(String, String)> = heads.into_iter().collect();
    let mut partnered: Vec<(String, usize, &'static str)> = Vec::new();
    for (table, by) in [
        ("partnered", "Partners"),
        ("supported", "Beneficiaries"),
        ("studied", "Studied"),
    ] {
        for (word, id) in sorted_table(file, table, lang) {
            if let Some((n, _)) = id.as_str().and_then(|id| by_id.get(id)) {
                for cut_word in cut.words(word) {
                    partnered.push((cut_word, *n, by));
                }
            }
        }
    }
    for (word, id) in sorted_table(file, "instruments", lang) {
        if let Some((n, _)) = id.as_str().and_then(|id| by_id.get(id)) {
            instruments.add(cut, word, *n);
        }
    }
    for index in [&mut forms, &mut modifiers, &mut instruments] {
        index.sort();
    }
    TaxonomyOut {
        ids,
        actors,
        generals,
        forms,
        modifiers,
        instruments,
        heads,
        partnered,
    }
}

/// The Rust slice of the ids of the categories whose `flag` is true ("actor", "general").
fn flagged_ids(categories: &[Value], flag: &str) -> String {
    let mut out = String::from("&[");
    for category in categories {
        if category.get(flag).and_then(Value::as_bool).unwrap_or(false)
            && let Some(id) = category.get("id").and_then(Value::as_str)
        {
            let _ = write!(out, "{id:?},");
        }
    }
    out.push(']');
    out
}

/// The entries of the table `file[name][lang]`, in key order (as the importer reads it into a
/// `BTreeMap`).
fn sorted_table<'f>(file: &'f Table, name: &str, lang: &str) -> BTreeMap<&'f String, &'f Value> {
    let table = file
        .get(name)
        .and_then(|t| t.get(lang))
        .and_then(Value::as_table);
    table.into_iter().flatten().collect()
}
