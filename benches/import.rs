//! Import throughput on large synthetic releases, in MB/s.
//!
//! Run with `cargo bench --bench import`. The inputs:
//! - `seed`: the bundled UNODC–INTERPOL release as is (4 KB), for the cost of one release;
//! - `release_5kb`: a fixture release followed by the bodies of others up to about 5 KB, as
//!   the library bench writes its 10,000 (its fixed cost per release: issue 16's cold start);
//! - `seed_body_x40`, `seed_body_x400`, `seed_body_x4000`: the seed's body repeated to about
//!   170 KB, 1.7 MB and 17 MB, with its title and links: in linear time, the same MB/s;
//! - `seed_concat_20mb`: the whole seed repeated to about 20 MB;
//! - `line_10mb_unbalanced`: a 10 MB line without a newline, full of unclosed quote marks;
//! - `marks_4mb`: nothing but quotation marks of every kind.

use std::hint::black_box;

use briefing::import::import_release;
use briefing::model::BUNDLED_RELEASE;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn seed_body_repeated(copies: usize) -> String {
    let seed = BUNDLED_RELEASE;
    let body_start = seed
        .find("Le besoin")
        .and_then(|i| seed.get(..i))
        .and_then(|s| s.rfind('«'))
        .unwrap_or(0);
    let links_start = seed.find("Plus d'informations").unwrap_or(seed.len());
    let body = seed.get(body_start..links_start).unwrap_or(seed);
    let mut text = seed.get(..body_start).unwrap_or("").to_string();
    for _ in 0..copies {
        text.push_str(body);
    }
    text.push_str(seed.get(links_start..).unwrap_or(""));
    text
}

/// The first fixture release, followed by the bodies of the next ones (paragraph by
/// paragraph) until it has about 5 KB: one of the library bench's releases.
fn release_5kb() -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import");
    let mut seeds: Vec<String> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    seeds.sort();
    let mut text = seeds.first().map_or("", |s| s.trim_end()).to_string();
    for other in seeds.iter().skip(1) {
        let body = other.split_once("\n\n").map_or(other.as_str(), |(_, b)| b);
        for paragraph in body.split("\n\n").filter(|p| !p.trim().is_empty()) {
            if text.len() >= 5_000 {
                return text + "\n";
            }
            text.push_str("\n\n");
            text.push_str(paragraph.trim_end());
        }
    }
    text + "\n"
}

fn repeat_to(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes / unit.len() + 1)
}

fn bench(c: &mut Criterion) {
    let inputs: Vec<(&str, String)> = vec![
        ("seed", BUNDLED_RELEASE.to_string()),
        ("release_5kb", release_5kb()),
        ("seed_body_x40", seed_body_repeated(40)),
        ("seed_body_x400", seed_body_repeated(400)),
        ("seed_body_x4000", seed_body_repeated(4000)),
        (
            "seed_concat_20mb",
            repeat_to(BUNDLED_RELEASE, 20 * 1024 * 1024),
        ),
        (
            "line_10mb_unbalanced",
            repeat_to(
                "The agencies cooperate on fraud, and « a quote that goes on “ and on ",
                10 * 1024 * 1024,
            ),
        ),
        (
            "marks_4mb",
            repeat_to("« “ „ ‹ \" ‘ » ” ’ ", 4 * 1024 * 1024),
        ),
    ];
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    for (name, text) in &inputs {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(*name, |b| {
            b.iter(|| import_release(black_box(text), "bench.txt", None))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
