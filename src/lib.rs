//! briefing: a terminal reader for press releases and briefings.
//!
//! Data flows one way: file -> [`model`] -> [`app::State`] -> frame ([`ui`]). Only
//! [`files`], [`term`], [`local_follow`], [`serve`] and the binary do I/O; [`import`] turns a
//! plain release into a briefing, and [`formats`] reads saved web pages and PDFs into its
//! blocks. The edges do not import each other: the terminal loop takes
//! [`app::Hooks`], which the presentation link and the SSH server implement, and the binary
//! composes them.

pub mod app;
pub mod config;
pub mod editor;
pub mod files;
pub(crate) mod formats;
pub mod handout;
pub mod import;
pub mod library;
pub mod local_follow;
pub mod model;
pub mod opener;
pub mod reload;
pub mod serve;
pub mod term;
pub mod ui;
pub mod watch;
