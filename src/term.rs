//! The local terminal edge: setup and restore, the event loop, crossterm events -> [`Key`] and
//! actions. The terminal is restored on quit, on error, on panic and on SIGTERM, SIGHUP and
//! SIGINT. Nothing here queries the terminal, so start-up never waits on a slow link.

use std::io::{self, IsTerminal, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use anyhow::Context;
use crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyCode, KeyEvent, KeyEventKind,
    KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::app::keymap::resolve;
use crate::app::{Action, Effect, Key, Size, State, update};
use crate::ui::{self, Theme};

/// How often the loop wakes to check for signals when no input comes.
const SIGNAL_POLL: Duration = Duration::from_millis(200);

/// Puts the terminal back as it was: mouse off, main screen, cursor shown, cooked mode.
/// Safe to call more than once.
pub fn restore() {
    let mut out = io::stdout();
    let _ = execute!(out, DisableMouseCapture, LeaveAlternateScreen, cursor::Show);
    let _ = disable_raw_mode();
    let _ = out.flush();
}

/// Restores the terminal when dropped, whatever the return path.
struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

fn setup() -> anyhow::Result<Guard> {
    // The panic hook restores first, so the report lands on a sane screen. Only a panic on
    // this thread ends the reader: `briefing serve` runs other threads that must not touch it.
    let previous = std::panic::take_hook();
    let ui_thread = std::thread::current().id();
    std::panic::set_hook(Box::new(move |info| {
        if std::thread::current().id() == ui_thread {
            restore();
        }
        previous(info);
    }));
    enable_raw_mode().context("cannot switch the terminal to raw mode")?;
    let guard = Guard;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        cursor::Hide
    )
    .context("cannot set up the terminal")?;
    Ok(guard)
}

/// Checks that standard output is a terminal, with a message that says what to do instead.
pub fn require_terminal() -> anyhow::Result<()> {
    if io::stdout().is_terminal() {
        return Ok(());
    }
    anyhow::bail!(
        "standard output is not a terminal\n  = help: to print a frame as text instead, run: \
         briefing snapshot [FILE] --size 100x30"
    )
}

// --- serve hooks (begin) ---------------------------------------------------------------------

/// What another edge can add to the local loop: `briefing serve` publishes the presenter's
/// position after each change and feeds back the number of attendees.
pub trait Hooks {
    /// Called after each drawn frame, with the state it shows.
    fn after_update(&mut self, _state: &State) {}
    /// Actions from outside the terminal, checked on every turn of the loop (at least every
    /// 200 ms).
    fn pending_actions(&mut self) -> Vec<Action> {
        Vec::new()
    }
}

/// No hooks: the plain reader.
pub struct NoHooks;

impl Hooks for NoHooks {}

/// Runs the reader on the local terminal until the user quits or a signal arrives.
pub fn run(state: State, theme: Theme) -> anyhow::Result<()> {
    run_with(state, theme, &mut NoHooks)
}

// --- serve hooks (end) -----------------------------------------------------------------------

/// [`run`] with [`Hooks`] called from the loop.
pub fn run_with(mut state: State, theme: Theme, hooks: &mut dyn Hooks) -> anyhow::Result<()> {
    require_terminal()?;
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register(signal, Arc::clone(&stop))
            .context("cannot watch for signals")?;
    }
    let _guard = setup()?;
    let mut terminal =
        Terminal::new(CrosstermBackend::new(io::stdout())).context("cannot open the terminal")?;
    let mut dirty = true;
    loop {
        if stop.load(Ordering::Relaxed) {
            return Ok(());
        }
        for action in hooks.pending_actions() {
            update(&mut state, action);
            dirty = true;
        }
        if dirty {
            let area = terminal.size().context("cannot read the terminal size")?;
            let size = Size::new(area.width, area.height);
            if size != state.size {
                update(&mut state, Action::Resize(size));
            }
            terminal
                .draw(|frame| ui::render(&state, &theme, frame.buffer_mut()))
                .context("cannot draw")?;
            dirty = false;
            hooks.after_update(&state);
        }
        if !event::poll(SIGNAL_POLL).context("cannot read input")? {
            continue;
        }
        // Take everything already waiting before drawing again (wheel bursts, pastes).
        loop {
            let ev = event::read().context("cannot read input")?;
            if let Some(action) = action_for(&state, ev) {
                dirty = true;
                if update(&mut state, action) == Effect::Quit {
                    return Ok(());
                }
            }
            if !event::poll(Duration::ZERO).context("cannot read input")? {
                break;
            }
        }
    }
}

/// The action a crossterm event means in the current state.
fn action_for(state: &State, ev: Event) -> Option<Action> {
    match ev {
        Event::Key(k) if k.kind != KeyEventKind::Release => resolve(state.mode, key_of(k)?),
        Event::Mouse(MouseEvent {
            kind,
            column: x,
            row: y,
            ..
        }) => match kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { x, y }),
            MouseEventKind::ScrollDown => Some(Action::Wheel { x, y, down: true }),
            MouseEventKind::ScrollUp => Some(Action::Wheel { x, y, down: false }),
            _ => None,
        },
        Event::Resize(w, h) => Some(Action::Resize(Size::new(w, h))),
        _ => None,
    }
}

/// crossterm's key -> ours.
pub fn key_of(k: KeyEvent) -> Option<Key> {
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    let alt = k.modifiers.contains(KeyModifiers::ALT);
    Some(match k.code {
        KeyCode::Char(c) if ctrl => Key::Ctrl(c.to_ascii_lowercase()),
        KeyCode::Char(c) if alt => Key::Alt(c),
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Tab if k.modifiers.contains(KeyModifiers::SHIFT) => Key::BackTab,
        KeyCode::Tab => Key::Tab,
        KeyCode::BackTab => Key::BackTab,
        KeyCode::Backspace => Key::Backspace,
        KeyCode::Delete => Key::Delete,
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        KeyCode::F(n) => Key::F(n),
        _ => return None,
    })
}
