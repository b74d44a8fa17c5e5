//! briefing: a terminal reader for press releases and briefings.
//!
//! Data flows one way: file -> [`model`] -> [`app::State`] -> frame ([`ui`]). Only
//! [`files`], [`term`], [`serve`] and the binary do I/O.

pub mod files;
pub mod import;
pub mod model;
