//! briefing: a terminal reader for press releases and briefings.
//!
//! Data flows one way: file -> [`model`] -> [`app::State`] -> frame ([`ui`]). Only
//! [`files`], `term`, [`serve`] and the binary do I/O.

pub mod app;
pub mod files;
pub mod labels;
pub mod link;
pub mod model;
pub mod serve;
pub mod term;
pub mod text;
pub mod ui;
