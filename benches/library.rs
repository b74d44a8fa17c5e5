//! A library at scale (issue 16): a folder of generated releases (10,000 by default, about
//! 50 MB), listed cold (every release imported, the cache empty) and warm (from the cache, as
//! a second start), then a search typed one key at a time across all of them, and memory.
//!
//! Run with `cargo bench --bench library` (`LIBRARY_BENCH_N=2000` for a smaller folder). The
//! releases are the importer's fixtures, each copied with its own number and date, so no two
//! are alike (the cache is keyed by content). Figures are printed, not compared: the issue's
//! targets are under 2 s cold, under 200 ms warm, under 50 ms per keystroke, memory under 10×
//! the text's size.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::time::Instant;

use briefing::app::library::{Library, press};
use briefing::app::{Key, Size};
use briefing::library::{Cache, Folder};
use briefing::model::Lang;

fn seeds() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import");
    let mut out: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    out.sort();
    out
}

/// Writes `n` releases into `dir` (in folders of 500); their total size in bytes.
fn generate(dir: &Path, n: usize) -> usize {
    let seeds = seeds();
    let mut total = 0;
    for i in 0..n {
        let seed = &seeds[i % seeds.len()];
        let sub = dir.join(format!("{:03}", i / 500));
        std::fs::create_dir_all(&sub).unwrap();
        // A number in the title and a note at the end make each release its own.
        let text = format!(
            "{seed}\n\nRelease {i} of the bench, issued on day {}.\n",
            i % 365
        );
        total += text.len();
        std::fs::write(sub.join(format!("release-{i:05}.txt")), text).unwrap();
    }
    total
}

fn rss_kb(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with(field))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

/// The cost of each step of loading one release, on one thread: what the warm start spends.
fn per_release_steps() {
    let seed = &seeds()[0];
    let per = |name: &str, runs: u32, mut f: Box<dyn FnMut()>| {
        let t = Instant::now();
        for _ in 0..runs {
            f();
        }
        let us = t.elapsed().as_secs_f64() * 1e6 / f64::from(runs);
        println!("  {name}: {us:.0} µs");
    };
    let imported = briefing::import::import_release(seed, "seed.txt", None)
        .unwrap()
        .briefing;
    let json = serde_json::to_string(&imported).unwrap();
    println!(
        "one release ({} bytes, {} bytes cached), per step:",
        seed.len(),
        json.len()
    );
    let s = seed.clone();
    per(
        "import",
        50,
        Box::new(move || {
            std::hint::black_box(briefing::import::import_release(&s, "seed.txt", None).unwrap());
        }),
    );
    let j = json.clone();
    per(
        "read back with the model's checks",
        500,
        Box::new(move || {
            std::hint::black_box(
                briefing::model::parse_briefing(&j, "c.json", briefing::model::Format::Json)
                    .unwrap(),
            );
        }),
    );
    let j = json.clone();
    per(
        "read back with serde only",
        500,
        Box::new(move || {
            std::hint::black_box(serde_json::from_str::<briefing::model::Briefing>(&j).unwrap());
        }),
    );
    let b = std::sync::Arc::new(imported);
    per(
        "summarize (fold the text)",
        500,
        Box::new(move || {
            std::hint::black_box(briefing::app::library::Summary::of(std::sync::Arc::clone(
                &b,
            )));
        }),
    );
}

fn main() {
    per_release_steps();
    let n: usize = std::env::var("LIBRARY_BENCH_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("releases");
    let cache_dir = tmp.path().join("cache");
    let bytes = generate(&dir, n);
    println!("library: {n} releases, {:.1} MB", bytes as f64 / 1e6);
    let rss_before = rss_kb("VmRSS:");

    let t = Instant::now();
    let entries = Folder::new(&dir, Cache::at(Some(cache_dir.clone()))).scan();
    let cold = t.elapsed();
    let failed = entries.iter().filter(|e| e.loaded.is_err()).count();
    drop(entries);

    let t = Instant::now();
    let entries = Folder::new(&dir, Cache::at(Some(cache_dir))).scan();
    let scanned = t.elapsed();
    let mut lib = Library::new("bench", entries, Lang::En, Size::new(120, 40));
    let warm = t.elapsed();
    println!(
        "list cold (import all, {failed} failed): {:.0} ms",
        cold.as_secs_f64() * 1e3
    );
    println!(
        "list warm (from the cache): {:.0} ms ({:.0} ms reading, the rest sorting and counting)",
        warm.as_secs_f64() * 1e3,
        scanned.as_secs_f64() * 1e3
    );

    press(&mut lib, Key::Char('/'));
    let mut worst = 0f64;
    let mut sum = 0f64;
    let query = "ransomware";
    for c in query.chars() {
        let t = Instant::now();
        press(&mut lib, Key::Char(c));
        let ms = t.elapsed().as_secs_f64() * 1e3;
        worst = worst.max(ms);
        sum += ms;
    }
    println!(
        "search '{query}' typed: {:.1} ms per key on average, {worst:.1} ms at worst; {} of {n} kept, {} rows of matches",
        sum / query.len() as f64,
        lib.shown.len(),
        lib.hits.len()
    );
    let rss = rss_kb("VmRSS:");
    println!(
        "memory: {:.0} MB resident with the library open ({:.0} MB before it; peak {:.0} MB), {:.1}× the text",
        rss as f64 / 1024.0,
        rss_before as f64 / 1024.0,
        rss_kb("VmHWM:") as f64 / 1024.0,
        (rss.saturating_sub(rss_before) * 1024) as f64 / bytes as f64
    );
}
