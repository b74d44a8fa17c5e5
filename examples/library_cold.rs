//! A library's cold start alone, for profiling (`perf record`, `perf stat`): the folder DIR
//! walked, every file imported and the index written to a fresh cache, then wall and CPU time
//! of each step: when the whole list shows (every release's front read, counts pending) and
//! when every count is known. Make a folder with `LIBRARY_BENCH_DIR=DIR cargo bench --bench library` (its
//! releases are in DIR/releases), then
//! `cargo run --release --example library_cold -- DIR/releases`.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::sync::atomic::AtomicBool;
use std::time::Instant;

use briefing::library::{Cache, Folder};

fn main() {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).expect("a folder"));
    let cache = tempfile::tempdir().unwrap();
    let t = Instant::now();
    let mut folder = Folder::new(&dir, Cache::at(Some(cache.path().to_path_buf())));
    let survey = folder.survey();
    let walked = t.elapsed();
    // The first update is the whole list, the releases' fronts read and their counts pending
    // (the first pass); the load ends when every count is known.
    let mut listed = None;
    folder.load(survey, &AtomicBool::new(false), &mut |u| {
        if listed.is_none() {
            listed = Some((t.elapsed(), u.entries.len(), u.pending));
        }
    });
    let loaded = t.elapsed();
    // Nothing to structure: the list is whole when the load ends.
    let (listed_at, listed_n, pending) = listed.unwrap_or((loaded, folder.entries().len(), 0));
    println!(
        "first full list: {listed_n} lines at {:.0} ms ({pending} with counts pending); \
         all counts at {:.0} ms",
        listed_at.as_secs_f64() * 1e3,
        loaded.as_secs_f64() * 1e3
    );
    folder.save();
    let saved = t.elapsed();
    let stats = folder.stats();
    println!(
        "{} imported: walked {:.0} ms, loaded {:.0} ms, index written {:.0} ms, {:.0} ms in all \
         ({:.0} µs a release importing, summed over the threads)",
        stats.imported,
        walked.as_secs_f64() * 1e3,
        (loaded - walked).as_secs_f64() * 1e3,
        (saved - loaded).as_secs_f64() * 1e3,
        saved.as_secs_f64() * 1e3,
        stats.import_time.as_secs_f64() * 1e6 / stats.imported.max(1) as f64,
    );
    // The folder's memory is given back by the process's end, not measured here.
    std::mem::forget(folder);
}
