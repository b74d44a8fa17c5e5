//! Prints what the importer read in a release, fact by fact: `cargo run --example
//! import_explain -- RELEASE`. For working on the rules; the format is not stable.

use std::io::Write;

fn main() {
    let mut out = std::io::stdout().lock();
    for path in std::env::args().skip(1) {
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                let explained = briefing::import::explain(&text, None);
                // A reader that stops early (`| head`) ends the listing, quietly.
                if writeln!(out, "== {path}\n{explained}").is_err() {
                    return;
                }
            }
            Err(e) => eprintln!("{path}: {e}"),
        }
    }
}
