//! Build script: the version `briefing --version` prints, with the commit it was built from
//! when built from a git checkout of this repository ("0.1.0 (1d6b71a2c3f4 2026-12-03)"). From a
//! tarball, or without git, the version alone; nothing fails.
//!
//! It also writes the importer's rule tables (the taxonomy and the lexicons, written in TOML) as
//! JSON into `OUT_DIR`: the program reads the same data several times faster from JSON, and
//! reading them was most of the first frame of a release.

use std::path::Path;
use std::process::Command;

fn main() {
    tables_as_json();
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
const TABLES: [(&str, &str); 5] = [
    ("src/model/taxonomy.toml", "taxonomy.json"),
    ("src/import/lexicon/fr.toml", "lexicon-fr.json"),
    ("src/import/lexicon/en.toml", "lexicon-en.json"),
    ("src/import/lexicon/names.toml", "lexicon-names.json"),
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
