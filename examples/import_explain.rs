//! Prints what the importer read in a release, fact by fact: `cargo run --example
//! import_explain -- RELEASE`. For working on the rules; the format is not stable.

fn main() {
    for path in std::env::args().skip(1) {
        match std::fs::read_to_string(&path) {
            Ok(text) => println!("== {path}\n{}", briefing::import::explain(&text, None)),
            Err(e) => eprintln!("{path}: {e}"),
        }
    }
}
