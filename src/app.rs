//! The reader's state machine: [`State`], [`Action`], the pure [`update()`], the keymap table,
//! the screen regions both `update` and the renderer read, and the [`Hooks`] edges plug into an event
//! loop. No I/O here.

pub mod action;
pub mod content;
pub mod copy;
pub mod hooks;
pub mod input;
pub mod key;
pub mod keymap;
pub mod labels;
pub mod library;
pub mod links;
pub mod notes;
pub mod present;
pub mod screen;
pub mod scroll;
pub mod state;
pub mod text;
pub mod update;

pub use action::{Action, Effect, Notice};
pub use hooks::Hooks;
pub use key::{Key, KeyParseError, parse_keys};
pub use state::{Base, Mode, Pane, PaneView, Position, Session, Size, State};
pub use update::{notify, paste, press, take_content, update};
