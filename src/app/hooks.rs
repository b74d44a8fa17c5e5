//! [`Hooks`]: what an edge adds to an event loop, as a trait both sides depend on. The
//! terminal loop calls hooks; the SSH server and the local presentation link implement them;
//! the binary composes the two, so no edge imports another. No I/O here.

use crate::app::action::{Action, Notice};
use crate::app::state::State;

/// What another edge adds to an event loop: `briefing serve` publishes the presenter's
/// position after each change and feeds back the number of attendees; the local presentation
/// link publishes for, or follows from, a presenter view on the same machine.
pub trait Hooks {
    /// Called after each drawn frame, with the state it shows.
    fn after_update(&mut self, _state: &State) {}
    /// Actions from outside the loop's own input, checked on every turn of the loop (at least
    /// every 200 ms, every 50 ms while [`Hooks::wants_fast_poll`]).
    fn pending_actions(&mut self) -> Vec<Action> {
        Vec::new()
    }
    /// Notices from outside, checked with [`Hooks::pending_actions`] and applied after them.
    fn pending_notices(&mut self) -> Vec<Notice> {
        Vec::new()
    }
    /// True when outside actions should be picked up quickly (following a presentation).
    fn wants_fast_poll(&self) -> bool {
        false
    }
}

/// Two hooks, called in order.
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
    fn wants_fast_poll(&self) -> bool {
        self.0.wants_fast_poll() || self.1.wants_fast_poll()
    }
}
