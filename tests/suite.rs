//! Every integration test in one binary. Each `tests/NAME.rs` is a module of this crate, so the
//! library and its dependencies are linked, and their generic code instantiated, once rather
//! than once per file (CI time, issue 17). `Cargo.toml` says `autotests = false`: a new test file
//! joins with one `mod NAME;` line below, and `every_test_file_is_in_the_suite` fails until it
//! does. One file's tests: `cargo test --test suite NAME::`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

/// `insta::assert_snapshot!` under the name each snapshot had when its file was its own test
/// binary: insta prefixes a snapshot with the module path, which is `render` in the crate
/// `tests/render.rs` and `suite::render` here, so this drops the crate's name and prefixes the
/// rest (`render__menu_80x24.snap`). The name is required; the value and optional description
/// are insta's.
macro_rules! assert_snapshot {
    ($name:expr, $($value:tt)+) => {
        insta::with_settings!({ prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!($crate::snapshot_name(module_path!(), &$name), $($value)+)
        })
    };
}

/// The snapshot name insta gave `name` in module `module` of a test crate of its own:
/// `suite::render` and `menu_80x24` give `render__menu_80x24`.
fn snapshot_name(module: &str, name: &str) -> String {
    let file = module.split_once("::").map_or(module, |(_, file)| file);
    format!("{}__{name}", file.replace("::", "__"))
}

/// Helpers shared by several test files (and `examples/import_score.rs`).
mod support {
    pub mod score;
    pub mod serve;
}

mod cli;
mod config;
mod daily;
mod export;
mod import;
mod keys;
mod library;
mod model;
mod pages;
mod present;
mod props;
mod readme;
mod render;
mod serve;
mod serve_openssh;
mod terminal;

#[test]
fn snapshot_names_are_those_of_one_binary_per_file() {
    assert_eq!(
        snapshot_name("suite::render", "menu_80x24"),
        "render__menu_80x24"
    );
    assert_eq!(
        snapshot_name("suite::import::fixtures", "a"),
        "import__fixtures__a"
    );
}

/// With `autotests = false`, cargo builds only this file: a test file left out of the list
/// above would never run.
#[test]
fn every_test_file_is_in_the_suite() {
    let suite = include_str!("suite.rs");
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests");
    let mut missing = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let Some(name) = path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        let is_rust = path.extension().is_some_and(|e| e == "rs");
        if is_rust && name != "suite" && !suite.contains(&format!("\nmod {name};\n")) {
            missing.push(name.to_string());
        }
    }
    assert!(
        missing.is_empty(),
        "tests/{missing:?}.rs are not in the suite: add `mod NAME;` to tests/suite.rs"
    );
}
