//! Imports one release N times (for profiling): `cargo run --release --example import_loop FILE N`.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]
fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().unwrap();
    let n: usize = args.next().map_or(2000, |s| s.parse().unwrap());
    let text = std::fs::read_to_string(&path).unwrap();
    let t = std::time::Instant::now();
    let mut quotes = 0;
    for _ in 0..n {
        let imported = briefing::import::import_release(&text, &path, None).unwrap();
        quotes += imported.briefing.quotes.len();
    }
    let el = t.elapsed();
    println!(
        "{n} imports of {} bytes: {:.1} us each ({quotes} quotes)",
        text.len(),
        el.as_secs_f64() * 1e6 / n as f64
    );
}
