//! The briefing model: types, the file format (TOML and JSON, one schema), validation, the
//! sanitizer, the bundled reference briefing, and the one [`Lang`] enum the interface and the
//! importer share.
//!
//! Functions here take text plus an origin and return values; reading files is the edge's
//! job ([`crate::files`]). No I/O here.

mod briefing;
mod category;
mod date;
pub mod diag;
mod lang;
mod parse;
pub mod sanitize;
mod validate;

pub use briefing::{Area, Briefing, Link, Notes, Party, Person, Quote, Speakers, Threat};
pub(crate) use category::compiled_table;
pub use category::{Category, CategoryKind, TAXONOMY_TOML, categories, category};
pub use date::Date;
pub(crate) use date::MONTHS as ENGLISH_MONTHS;
pub use diag::{Diagnostic, SourcePos};
pub use lang::Lang;
pub use parse::{Format, Seg, check_briefing, line_of, parse_briefing};
pub(crate) use parse::{nearest, parse_toml};

use std::fmt;

/// The bundled briefing's file name, as shown in messages and the header.
pub const BUNDLED_NAME: &str = "unodc-interpol-2016.toml";

/// The curated UNODC–INTERPOL briefing of 23 May 2016, embedded in the binary.
pub const BUNDLED_TOML: &str = include_str!("../assets/briefings/unodc-interpol-2016.toml");

/// The release it was curated from, as published.
pub const BUNDLED_RELEASE: &str = include_str!("../assets/releases/unodc-interpol-2016.txt");

/// Loads the bundled briefing. It is checked by the test suite, so an error here means a
/// broken build; callers still get it as a value, never a panic.
pub fn bundled() -> Result<Briefing, LoadError> {
    parse_briefing(BUNDLED_TOML, BUNDLED_NAME, Format::Toml)
}

/// Every problem found in one input.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct LoadError {
    /// The problems, in source order where they have a place.
    pub problems: Vec<Diagnostic>,
}

impl LoadError {
    /// Wraps several problems, sorted by position.
    pub fn new(mut problems: Vec<Diagnostic>) -> LoadError {
        problems.sort_by_key(|d| d.pos.map(|p| (p.line, p.col)));
        LoadError { problems }
    }

    /// Wraps one problem.
    pub fn one(problem: Diagnostic) -> LoadError {
        LoadError {
            problems: vec![problem],
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.problems.iter().enumerate() {
            if i > 0 {
                f.write_str("\n\n")?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}
