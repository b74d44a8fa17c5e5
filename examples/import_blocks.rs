//! Prints the blocks a saved page or a PDF is read into, for debugging the front-ends:
//! `cargo run --example import_blocks -- FILE...`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use briefing::import::{Source, explain_blocks};
use std::io::Write;

fn main() {
    let mut out = std::io::stdout().lock();
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).unwrap();
        let source = Source::of_path(&path).unwrap_or(Source::Text);
        // A reader that stops early (`| head`) ends the listing, quietly.
        if writeln!(out, "== {path}\n{}", explain_blocks(&bytes, source)).is_err() {
            return;
        }
    }
}
