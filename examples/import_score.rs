//! Scores the importer on fixture releases: for each folder given (by default
//! `tests/fixtures/import`), imports every release that has an `.expected.toml` beside it and
//! prints per-field precision, recall and F1 against what a reader wrote.
//!
//! `cargo run --release --example import_score [-- [--notes] [DIR...]]`; `--notes` lists what was
//! missed or added, fixture by fixture.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../tests/support/score.rs"]
mod score;

use std::path::PathBuf;

fn main() {
    let mut notes = false;
    let mut dirs: Vec<PathBuf> = Vec::new();
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--notes" => notes = true,
            dir => dirs.push(PathBuf::from(dir)),
        }
    }
    if dirs.is_empty() {
        dirs.push(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import"));
    }
    for dir in dirs {
        let fixtures = score::fixtures(&dir);
        let (total, each) = score::score_dir(&dir);
        println!("{} ({} releases)", dir.display(), fixtures.len());
        if notes {
            for (_, s) in &each {
                for note in &s.notes {
                    println!("  {note}");
                }
            }
        }
        println!("{}", total.table());
    }
}
