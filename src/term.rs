//! The local terminal edge: setup and restore, the event loop, crossterm events -> [`Key`] and
//! actions. The terminal is restored on quit, on error, on panic and on SIGTERM, SIGHUP,
//! SIGINT and SIGQUIT, after which the process exits 128 + the signal's number, as shells
//! expect. Ctrl-Z suspends (terminal restored, redrawn on `fg`), Ctrl-L redraws. Nothing here queries the terminal, so start-up never waits on a slow link. What
//! else runs with the loop (publishing a presentation, leading SSH attendees) comes in as
//! [`Hooks`] from the binary: this module imports no other edge.

use std::io::{self, IsTerminal, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicI32, Ordering};
use std::time::{Duration, Instant};

use anyhow::Context;
use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::app::{Action, Effect, Hooks, Key, Size, State, notify, paste, press, update};
use crate::ui::{self, Theme};

/// How often the loop wakes to check for signals when no input comes.
const SIGNAL_POLL: Duration = Duration::from_millis(200);
/// How often it wakes while a hook asks for it (following a presentation) or a timer shows.
const FAST_POLL: Duration = Duration::from_millis(50);

/// How the reader ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// The user quit.
    Quit,
    /// A signal (its number) ended it, after the terminal was restored.
    Signal(i32),
}

impl Ended {
    /// The process's exit status: 0 on quit, 128 + the signal's number after a signal.
    pub fn exit_status(self) -> u8 {
        match self {
            Ended::Quit => 0,
            Ended::Signal(n) => u8::try_from(128 + n).unwrap_or(1),
        }
    }
}

/// Puts the terminal back as it was: mouse and bracketed paste off, main screen, cursor shown,
/// cooked mode. Safe to call more than once.
pub fn restore() {
    let mut out = io::stdout();
    let _ = execute!(
        out,
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        cursor::Show
    );
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
    enter()?;
    Ok(Guard)
}

/// Raw mode, the alternate screen, mouse and bracketed paste on, cursor hidden: at start and
/// again when resumed after a suspend.
fn enter() -> anyhow::Result<()> {
    enable_raw_mode().context("cannot switch the terminal to raw mode")?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste,
        cursor::Hide
    )
    .context("cannot set up the terminal")
}

/// Gives the terminal back and stops the process, as Ctrl-Z does in a cooked terminal; when
/// the shell resumes it (`fg`), takes the terminal again. The caller redraws everything.
fn suspend() -> anyhow::Result<()> {
    restore();
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)
        .context("cannot suspend the process")?;
    // Here once resumed.
    enter()
}

/// How long the loop has to notice a signal and leave by itself before the watchdog ends the
/// process.
const SIGNAL_GRACE: Duration = Duration::from_millis(600);
/// How often the watchdog checks that the terminal is still there.
const HANGUP_CHECK: Duration = Duration::from_secs(1);

/// Sets `stop` to the signal's number on SIGTERM, SIGHUP, SIGINT or SIGQUIT so the loop
/// restores the terminal and returns; if
/// the loop does not leave within [`SIGNAL_GRACE`] (crossterm spins inside its read on a
/// hung-up terminal, never returning to check), restores and exits from here. It also ends a
/// process whose terminal went away without a signal.
fn watch_signals_and_hangup(stop: Arc<AtomicI32>) -> anyhow::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])
        .context("cannot watch for signals")?;
    std::thread::Builder::new()
        .name("term-signals".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                stop.store(signal, Ordering::Relaxed);
                std::thread::sleep(SIGNAL_GRACE);
                restore();
                std::process::exit(128 + signal);
            }
        })
        .context("cannot watch for signals")?;
    std::thread::Builder::new()
        .name("term-hangup".into())
        .spawn(|| {
            loop {
                std::thread::sleep(HANGUP_CHECK);
                // A hung-up terminal is no terminal any more: nothing to restore, nobody to
                // show anything to.
                if !io::stdout().is_terminal() {
                    std::process::exit(129);
                }
            }
        })
        .context("cannot watch the terminal")?;
    Ok(())
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

/// Runs the reader on the local terminal until the user quits or a signal arrives, calling
/// `hooks` from the loop (the binary passes the presentation link, or the SSH server's). Says
/// how it ended; the terminal is restored by then.
pub fn run(state: State, theme: Theme, hooks: &mut dyn Hooks) -> anyhow::Result<Ended> {
    require_terminal()?;
    let stop = Arc::new(AtomicI32::new(0));
    watch_signals_and_hangup(Arc::clone(&stop))?;
    let guard = setup()?;
    let ended = run_loop(state, &theme, hooks, &stop);
    drop(guard);
    ended
}

fn run_loop(
    mut state: State,
    theme: &Theme,
    hooks: &mut dyn Hooks,
    stop: &AtomicI32,
) -> anyhow::Result<Ended> {
    let mut terminal =
        Terminal::new(CrosstermBackend::new(io::stdout())).context("cannot open the terminal")?;
    // The clock the timer runs on, handed to the state machine as ticks.
    let clock = Instant::now();
    let now = || u64::try_from(clock.elapsed().as_millis()).unwrap_or(u64::MAX);
    let mut shown_second = None;
    let mut dirty = true;
    loop {
        let signal = stop.load(Ordering::Relaxed);
        if signal != 0 {
            return Ok(Ended::Signal(signal));
        }
        update(&mut state, Action::Tick(now()));
        // The timer shows seconds: redraw when the second changes.
        if state.present.timer.is_running() {
            let second = state.present.timer.elapsed(state.now_ms) / 1000;
            dirty |= shown_second != Some(second);
            shown_second = Some(second);
        }
        for action in hooks.pending_actions() {
            update(&mut state, action);
            dirty = true;
        }
        for notice in hooks.pending_notices() {
            notify(&mut state, notice);
            dirty = true;
        }
        if dirty {
            let area = terminal.size().context("cannot read the terminal size")?;
            let size = Size::new(area.width, area.height);
            if size != state.size {
                update(&mut state, Action::Resize(size));
            }
            terminal
                .draw(|frame| ui::render(&state, theme, frame.buffer_mut()))
                .context("cannot draw")?;
            dirty = false;
            hooks.after_update(&state);
        }
        let wait = if hooks.wants_fast_poll() || state.present.timer.is_running() {
            FAST_POLL
        } else {
            SIGNAL_POLL
        };
        if !event::poll(wait).context("cannot read input")? {
            continue;
        }
        update(&mut state, Action::Tick(now()));
        // Take everything already waiting before drawing again (wheel bursts, pastes).
        loop {
            let effect = match event::read().context("cannot read input")? {
                Event::Key(k) if k.kind != KeyEventKind::Release => {
                    dirty = true;
                    key_of(k).map_or(Effect::None, |key| press(&mut state, key))
                }
                Event::Paste(text) => {
                    dirty = true;
                    paste(&mut state, &text)
                }
                ev => match action_for(ev) {
                    Some(action) => {
                        dirty = true;
                        update(&mut state, action)
                    }
                    None => Effect::None,
                },
            };
            match effect {
                Effect::Quit => return Ok(Ended::Quit),
                Effect::Suspend => {
                    suspend()?;
                    redraw_all(&mut terminal)?;
                }
                Effect::Redraw => redraw_all(&mut terminal)?,
                // The local presenter's notes are `present --notes` in another terminal.
                Effect::ToggleNotes | Effect::None => {}
            }
            if !event::poll(Duration::ZERO).context("cannot read input")? {
                break;
            }
        }
    }
}

/// Clears the screen and makes the next frame draw every cell. Not ratatui's `clear`, which
/// asks the terminal for the cursor position and so waits on it: a blank frame first brings
/// ratatui's idea of the screen in line with the cleared one.
fn redraw_all(terminal: &mut Terminal<CrosstermBackend<io::Stdout>>) -> anyhow::Result<()> {
    execute!(
        io::stdout(),
        crossterm::terminal::Clear(crossterm::terminal::ClearType::All)
    )
    .context("cannot redraw")?;
    terminal.draw(|_| {}).context("cannot redraw")?;
    Ok(())
}

/// The action a crossterm event other than a key means.
fn action_for(ev: Event) -> Option<Action> {
    match ev {
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
