//! A library at scale (issue 16): a folder of generated releases (10,000 by default, about
//! 50 MB), listed cold (every release imported, no index: when the list shows, when the first
//! entries come, when all are in, and how much of it is importing) and warm (from the index,
//! as a second start), then a search typed one key at a time across all of them, and memory.
//! Wall and CPU times are both printed: on a shared machine the first depends on the load.
//!
//! Run with `cargo bench --bench library` (`LIBRARY_BENCH_N=2000` for a smaller folder;
//! `LIBRARY_BENCH_DIR=DIR` keeps the folder and its index, and `LIBRARY_BENCH_WARM=1` with it
//! measures a second start alone, in a process of its own, for its peak memory). The
//! releases are the importer's fixtures, each followed by the bodies of others up to about
//! 5 KB and with its own number, so no two are alike (the cache is keyed by content). Figures
//! are printed, not compared: the targets are under 2 s cold, under 200 ms warm, under
//! 50 ms per keystroke, memory under 10× the text's size.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant, SystemTime};

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

/// About the size of a release the bench writes, in bytes.
const RELEASE_BYTES: usize = 5_000;

/// Writes `n` releases into `dir` (in folders of 500), each last changed a day ago (as a
/// folder someone reads from is: a file changed within seconds of a scan is read again at the
/// next, see `briefing::library::SETTLED`); their total size in bytes.
fn generate(dir: &Path, n: usize) -> usize {
    let seeds = seeds();
    let day_ago = SystemTime::now() - Duration::from_secs(86_400);
    let mut total = 0;
    for i in 0..n {
        let seed = &seeds[i % seeds.len()];
        let sub = dir.join(format!("{:03}", i / 500));
        std::fs::create_dir_all(&sub).unwrap();
        // The fixtures are shorter than most releases (3 KB on average): the body of the next
        // ones follows until the release has about 5 KB, as the 10,000 releases in
        // 50 MB do. A note at the end makes each release its own.
        let mut text = seed.trim_end().to_string();
        let mut next = i + 1;
        'fill: while text.len() < RELEASE_BYTES {
            let other = &seeds[next % seeds.len()];
            let body = other.split_once("\n\n").map_or(other.as_str(), |(_, b)| b);
            for paragraph in body.split("\n\n").filter(|p| !p.trim().is_empty()) {
                text.push_str("\n\n");
                text.push_str(paragraph.trim_end());
                if text.len() >= RELEASE_BYTES {
                    break 'fill;
                }
            }
            next += 7;
        }
        text.push_str(&format!(
            "\n\nRelease {i} of the bench, issued on day {}.\n",
            i % 365
        ));
        total += text.len();
        let path = sub.join(format!("release-{i:05}.txt"));
        std::fs::write(&path, text).unwrap();
        let f = std::fs::File::options().write(true).open(&path).unwrap();
        f.set_modified(day_ago).unwrap();
    }
    total
}

/// CPU time of the process so far (user and system, every thread), from /proc.
fn cpu() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // The fields after the command's closing parenthesis; utime and stime are the 12th and
    // 13th of them, in clock ticks (100 a second on Linux).
    let fields: Vec<u64> = stat
        .rsplit_once(')')
        .map(|(_, rest)| rest)
        .unwrap_or("")
        .split_whitespace()
        .map(|f| f.parse().unwrap_or(0))
        .collect();
    let ticks = fields.get(11).unwrap_or(&0) + fields.get(12).unwrap_or(&0);
    Duration::from_millis(ticks * 10)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
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
    // LIBRARY_BENCH_DIR keeps the folder and its index there (made the first time), and
    // LIBRARY_BENCH_WARM=1 then starts warm only: a process of its own, whose peak memory
    // (`/usr/bin/time -v`) is a second start's.
    let tmp = tempfile::tempdir().unwrap();
    let base = std::env::var_os("LIBRARY_BENCH_DIR")
        .map_or_else(|| tmp.path().to_path_buf(), std::path::PathBuf::from);
    let dir = base.join("releases");
    let cache_dir = base.join("cache");
    let bytes = if dir.exists() {
        size_of(&dir)
    } else {
        generate(&dir, n)
    };
    println!("library: {n} releases, {:.1} MB", bytes as f64 / 1e6);
    let rss_before = rss_kb("VmRSS:");
    if std::env::var_os("LIBRARY_BENCH_WARM").is_none() {
        cold(&dir, &cache_dir);
    }
    warm(&dir, &cache_dir, n, bytes, rss_before);
}

/// The bytes of the files under `dir`.
fn size_of(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| {
            let path = e.path();
            if path.is_dir() {
                size_of(&path)
            } else {
                e.metadata().map_or(0, |m| m.len() as usize)
            }
        })
        .sum()
}

/// A first start: no index.
fn cold(dir: &Path, cache_dir: &Path) {
    let workers = std::thread::available_parallelism().map_or(1, usize::from);
    let _ = std::fs::remove_dir_all(cache_dir);

    // Cold: no index. The list shows once the folder is walked (every file still to read),
    // then whole once every release's front is read (its counts pending), the counts come in
    // every REPORT_EVERY as releases are structured, and the index is written last.
    let (cpu0, t) = (cpu(), Instant::now());
    let mut folder = Folder::new(dir, Cache::at(Some(cache_dir.to_path_buf())));
    let survey = folder.survey();
    let walked = t.elapsed();
    let mut first = None;
    folder.load(survey, &AtomicBool::new(false), &mut |u| {
        if first.is_none() && !u.entries.is_empty() {
            first = Some((t.elapsed(), u.entries.len()));
        }
    });
    let loaded = t.elapsed();
    folder.save();
    let cold = t.elapsed();
    let cold_cpu = cpu() - cpu0;
    let stats = folder.stats();
    let failed = folder
        .entries()
        .iter()
        .filter(|e| e.loaded.is_err())
        .count();
    drop(folder);
    let (first_at, first_n) = first.unwrap_or_default();
    println!(
        "list cold ({} imported, {failed} failed, {workers} threads): {:.0} ms in all ({:.0} ms of CPU); \
         folder walked in {:.0} ms, first full list ({first_n} lines, counts pending) at {:.0} ms, all counts at {:.0} ms, index written in {:.0} ms",
        stats.imported,
        ms(cold),
        ms(cold_cpu),
        ms(walked),
        ms(first_at),
        ms(loaded),
        ms(cold - loaded)
    );
    println!(
        "  importing: {:.0} ms summed over the threads, {:.0}% of the {workers} threads' time while loading ({:.0} µs a release)",
        ms(stats.import_time),
        100.0 * stats.import_time.as_secs_f64() / (loaded - walked).as_secs_f64() / workers as f64,
        stats.import_time.as_secs_f64() * 1e6 / stats.imported.max(1) as f64
    );
}

/// A second start, from the index; then a search typed, and memory.
fn warm(dir: &Path, cache_dir: &Path, n: usize, bytes: usize, rss_before: u64) {
    let index_bytes = size_of(cache_dir);
    let (cpu0, t) = (cpu(), Instant::now());
    let mut folder = Folder::new(dir, Cache::at(Some(cache_dir.to_path_buf())));
    let entries = folder.scan();
    let scanned = t.elapsed();
    let mut lib = Library::new("bench", entries, Lang::En, Size::new(120, 40));
    let warm = t.elapsed();
    let warm_cpu = cpu() - cpu0;
    let stats = folder.stats();
    println!(
        "list warm (from the index, {:.1} MB; {} files unread, {} read again, {} imported): {:.0} ms ({:.0} ms of CPU; \
         {:.0} ms reading the index, {:.0} ms walking and the rest, {:.0} ms sorting and counting)",
        index_bytes as f64 / 1e6,
        stats.unread,
        stats.same,
        stats.imported,
        ms(warm),
        ms(warm_cpu),
        ms(stats.index_time),
        ms(scanned - stats.index_time),
        ms(warm - scanned)
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
