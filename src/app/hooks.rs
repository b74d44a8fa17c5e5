//! [`Hooks`]: what an edge adds to an event loop, as a trait both sides depend on. The
//! terminal loop calls hooks; the SSH server and the local presentation link implement them;
//! the binary composes the two, so no edge imports another. No I/O here.

use std::sync::Arc;
use std::time::Duration;

use crate::app::action::{Action, Notice};
use crate::app::state::State;

/// Wakes an event loop from another thread, so it picks up [`Hooks::pending_actions`] at
/// once instead of polling for them.
pub type Wake = Arc<dyn Fn() + Send + Sync>;

/// How often the loop checks [`Hooks::pending_actions`] for hooks that cannot wake it.
pub const DEFAULT_POLL: Duration = Duration::from_millis(200);

/// What another edge adds to an event loop: `briefing serve` publishes the presenter's
/// position after each change and feeds back the number of attendees; the local presentation
/// link publishes for, or follows from, a presenter view on the same machine.
pub trait Hooks {
    /// Called after each drawn frame, with the state it shows.
    fn after_update(&mut self, _state: &State) {}
    /// Actions from outside the loop's own input, checked on every turn of the loop: when
    /// woken (see [`Hooks::set_wake`]), after input, and every [`Hooks::poll_every`].
    fn pending_actions(&mut self) -> Vec<Action> {
        Vec::new()
    }
    /// Notices from outside, checked with [`Hooks::pending_actions`] and applied after them.
    fn pending_notices(&mut self) -> Vec<Notice> {
        Vec::new()
    }
    /// Hands the hooks the way to wake the loop, once, before it starts waiting.
    fn set_wake(&mut self, _wake: Wake) {}
    /// How long the loop may wait for input before checking [`Hooks::pending_actions`]
    /// again: `None` for hooks that have none or wake the loop themselves, so an idle reader
    /// never wakes. Hooks that cannot wake it are polled every [`DEFAULT_POLL`].
    fn poll_every(&self) -> Option<Duration> {
        Some(DEFAULT_POLL)
    }
    /// Hands `url` (an address [`crate::app::links::safe_url`] accepts) to the system's
    /// opener. `None` when these hooks open nothing; else what to tell the user, if anything.
    fn open_link(&mut self, _url: &str) -> Option<Option<Notice>> {
        None
    }
    /// Runs the user's editor on the file shown, at the item in focus in `state`, while the
    /// loop has given the terminal back; then says what became of the file (a reload, a
    /// problem). `None` when these hooks have no file to edit.
    fn edit(&mut self, _state: &State) -> Option<Vec<Notice>> {
        None
    }
}

/// Two hooks, called in order.
/// No hooks: a loop with nothing outside it to hear from.
impl Hooks for () {}

impl<A: Hooks, B: Hooks> Hooks for (A, B) {
    fn after_update(&mut self, state: &State) {
        self.0.after_update(state);
        self.1.after_update(state);
    }
    fn pending_actions(&mut self) -> Vec<Action> {
        let mut actions = self.0.pending_actions();
        actions.extend(self.1.pending_actions());
        actions
    }
    fn pending_notices(&mut self) -> Vec<Notice> {
        let mut notices = self.0.pending_notices();
        notices.extend(self.1.pending_notices());
        notices
    }
    fn set_wake(&mut self, wake: Wake) {
        self.0.set_wake(Arc::clone(&wake));
        self.1.set_wake(wake);
    }
    fn poll_every(&self) -> Option<Duration> {
        match (self.0.poll_every(), self.1.poll_every()) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }
    fn open_link(&mut self, url: &str) -> Option<Option<Notice>> {
        match self.0.open_link(url) {
            Some(done) => Some(done),
            None => self.1.open_link(url),
        }
    }
    fn edit(&mut self, state: &State) -> Option<Vec<Notice>> {
        match self.0.edit(state) {
            Some(done) => Some(done),
            None => self.1.edit(state),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Quiet;
    impl Hooks for Quiet {
        fn poll_every(&self) -> Option<Duration> {
            None
        }
    }
    struct Polled;
    impl Hooks for Polled {}

    #[test]
    fn two_hooks_poll_as_often_as_the_one_that_needs_it() {
        assert_eq!((Quiet, Quiet).poll_every(), None);
        assert_eq!((Quiet, Polled).poll_every(), Some(DEFAULT_POLL));
        assert_eq!((Polled, Quiet).poll_every(), Some(DEFAULT_POLL));
    }
}
