//! The local terminal edge: setup and restore, the event loop, the terminal's input -> [`Key`]s
//! and actions (read as bytes and parsed by [`InputParser`], as the SSH server reads its
//! attendees'). The terminal is restored on quit, on error, on panic and on SIGTERM, SIGHUP,
//! SIGINT and SIGQUIT, after which the process exits 128 + the signal's number, as shells
//! expect. Ctrl-Z suspends (terminal restored, redrawn whole on `fg`), Ctrl-L redraws the whole
//! screen. Nothing here queries the terminal, so start-up never waits on a slow link. What
//! else runs with the loop (publishing a presentation, leading SSH attendees) comes in as
//! [`Hooks`] from the binary: this module imports no other edge.

use std::io::{self, IsTerminal, Write};
use std::os::fd::{AsFd, AsRawFd};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::time::{Duration, Instant};

use anyhow::Context;
use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::terminal::{
    self, Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode,
    enable_raw_mode,
};
use crossterm::{cursor, execute, queue};
use mio::unix::SourceFd;
use mio::{Events, Interest, Poll, Token, Waker};

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::input::{self, InputParser, Mouse, MouseKind};
use crate::app::library::{self, LibEffect, Library, LibraryHooks};
use crate::app::{Action, Effect, Hooks, Notice, Size, State, notify, paste, press, update};
use crate::ui::hyperlinks::{Hyperlink, hyperlinks};
use crate::ui::{Painter, Theme, export};

/// The terminal's input, in the loop's poll.
const INPUT: Token = Token(0);
/// A wake-up from a signal or a hook.
const WAKE: Token = Token(1);
/// Room for a large frame's escape sequences.
const OUT_BUFFER: usize = 1 << 16;
/// Room for one read of the terminal's input: more than a terminal's line buffer holds (4 KB
/// on Linux), so one read takes all that is waiting.
const IN_BUFFER: usize = 1 << 13;

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
    // Made first, so a setup that fails half-way is undone too.
    let guard = Guard;
    enter(true)?;
    Ok(guard)
}

/// Raw mode, the alternate screen, mouse (unless left to the terminal) and bracketed paste
/// on, cursor hidden: at start and again when resumed after a suspend or an editor.
fn enter(mouse: bool) -> anyhow::Result<()> {
    enable_raw_mode().context("cannot switch the terminal to raw mode")?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableBracketedPaste,
        cursor::Hide
    )
    .context("cannot set up the terminal")?;
    set_mouse(mouse)
}

/// Takes the mouse (clicks and the wheel come to the reader) or leaves it to the terminal
/// (which then selects text).
fn set_mouse(on: bool) -> anyhow::Result<()> {
    let mut out = io::stdout();
    if on {
        execute!(out, EnableMouseCapture)
    } else {
        execute!(out, DisableMouseCapture)
    }
    .context("cannot set up the terminal")
}

/// Gives the terminal back and stops the process, as Ctrl-Z does in a cooked terminal; when
/// the shell resumes it (`fg`), takes the terminal again. The caller redraws everything.
fn suspend(mouse: bool) -> anyhow::Result<()> {
    restore();
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)
        .context("cannot suspend the process")?;
    // Here once resumed.
    enter(mouse)
}

/// How long the loop has to notice a signal and leave by itself before the watchdog ends the
/// process.
const SIGNAL_GRACE: Duration = Duration::from_millis(600);

/// What the signal thread tells the loop.
#[derive(Default)]
struct Flags {
    /// The number of the SIGTERM, SIGHUP, SIGINT or SIGQUIT that arrived (0: none yet):
    /// restore the terminal and return.
    stop: AtomicI32,
    /// SIGWINCH arrived: read the terminal's size again.
    resized: AtomicBool,
}

/// Sets the flags on SIGTERM, SIGHUP, SIGINT, SIGQUIT and SIGWINCH and wakes the loop; it
/// blocks in the meantime, so it costs nothing while idle. If the loop does not leave within
/// [`SIGNAL_GRACE`] of a stop (blocked writing to a stuck terminal), it restores and exits
/// from here with 128 + the signal's number.
fn watch_signals(flags: Arc<Flags>, waker: Arc<Waker>) -> anyhow::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGWINCH};
    let mut signals =
        signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGWINCH])
            .context("cannot watch for signals")?;
    std::thread::Builder::new()
        .name("term-signals".into())
        .spawn(move || {
            for signal in signals.forever() {
                if signal == SIGWINCH {
                    flags.resized.store(true, Ordering::Relaxed);
                    let _ = waker.wake();
                    continue;
                }
                flags.stop.store(signal, Ordering::Relaxed);
                let _ = waker.wake();
                std::thread::sleep(SIGNAL_GRACE);
                restore();
                std::process::exit(128 + signal);
            }
        })
        .context("cannot watch for signals")?;
    Ok(())
}

/// The terminal's input: standard input when it is a terminal, else `/dev/tty`, through a
/// descriptor of its own (no buffer of the standard library's in between, so what the loop's
/// wait says is waiting is what a read gets), parsed into keys, mouse reports and pastes.
struct Input {
    file: std::fs::File,
    parser: InputParser,
    bytes: Vec<u8>,
    /// What the last reads brought, not handled yet: a reader opened from the library and
    /// quit leaves the rest of its read to the library.
    events: std::collections::VecDeque<input::Input>,
    /// Room to parse a read into.
    parsed: Vec<input::Input>,
}

impl Input {
    fn open() -> anyhow::Result<Input> {
        let file = if io::stdin().is_terminal() {
            let fd = io::stdin().as_fd().try_clone_to_owned();
            std::fs::File::from(fd.context("cannot read the terminal")?)
        } else {
            std::fs::File::open("/dev/tty").context("cannot open /dev/tty")?
        };
        Ok(Input {
            file,
            parser: InputParser::local(),
            bytes: vec![0; IN_BUFFER],
            events: std::collections::VecDeque::new(),
            parsed: Vec::new(),
        })
    }

    /// Reads what the terminal sent (the loop's wait said something is waiting) and parses
    /// it into `events`. The loop's wait is told only of input that comes after a read: one
    /// read takes all that waits (see [`IN_BUFFER`]).
    fn read(&mut self) -> io::Result<()> {
        let n = match io::Read::read(&mut self.file, &mut self.bytes) {
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => return Ok(()),
            Err(e) => return Err(e),
        };
        if n == 0 {
            // A hung-up terminal is no terminal any more: nothing to restore, nobody to show
            // anything to.
            std::process::exit(129);
        }
        let read = self.bytes.get(..n).unwrap_or_default();
        self.parser.feed_into(read, &mut self.parsed);
        self.parser.end_of_read(&mut self.parsed);
        self.events.extend(self.parsed.drain(..));
        Ok(())
    }
}

/// How long the loop may sleep: until the timer's next second while it shows, the hooks'
/// polling interval if they need one, else for ever (`None`).
fn wait_for(state: &State, hooks: &dyn Hooks) -> Option<Duration> {
    let timer = &state.present.timer;
    let tick = timer.is_running().then(|| {
        let into_second = timer.elapsed(state.now_ms) % 1000;
        // A millisecond past the second, so the clock has turned when the loop wakes.
        Duration::from_millis(1001 - into_second)
    });
    match (tick, hooks.poll_every()) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
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

/// The local screen: a painter that knows what the terminal shows, and the bytes of one frame,
/// written in one go.
struct Screen {
    painter: Painter,
    bytes: Vec<u8>,
    /// The terminal's cells cannot be trusted (a redraw was asked for, or the terminal was
    /// given back for a while): the next frame clears the screen and paints every cell.
    stale: bool,
    /// The hyperlinks the terminal shows.
    links: Vec<Hyperlink>,
}

impl Screen {
    /// Writes the cells that changed since the last frame, if any, with one write.
    fn draw(&mut self, state: &State) -> io::Result<()> {
        self.encode(state)?;
        if self.bytes.is_empty() {
            return Ok(());
        }
        let mut out = io::stdout().lock();
        out.write_all(&self.bytes)?;
        out.flush()
    }

    /// Puts in `bytes` what the terminal must be sent to show `state`.
    fn encode(&mut self, state: &State) -> io::Result<()> {
        self.bytes.clear();
        let area = self.painter.area();
        if self.stale || (area.width, area.height) != (state.size.width, state.size.height) {
            // A resized or redrawn terminal's cells cannot be trusted: start from a blank
            // screen.
            queue!(self.bytes, Clear(ClearType::All))?;
            self.painter.reset(state.size);
            self.stale = false;
            self.links.clear();
        }
        let links = hyperlinks(state);
        self.painter.update(state);
        self.painter.write(&mut self.bytes, &links);
        if links != self.links {
            // Cells that were a link and are not (or the other way round) may be unchanged
            // and so not written above: write them again, inside or outside their link.
            let painter = &self.painter;
            let stale = self.links.iter().chain(&links).flat_map(|l| {
                l.x.clone()
                    .filter_map(move |x| painter.cell(x, l.y).map(|c| (x, l.y, c)))
            });
            export::write_linked_changes(&mut self.bytes, stale, &links);
            self.links = links;
        }
        Ok(())
    }

    /// Makes the next frame clear the screen and paint every cell, not only those the painter
    /// thinks changed (Ctrl-L, a resume after Ctrl-Z). Not ratatui's `clear`, which asks the
    /// terminal for the cursor position and so waits on it.
    fn invalidate(&mut self) {
        self.stale = true;
    }
}

/// What the loop waits on and reads: the terminal's input, and a waker for signals and hooks.
struct Waits {
    poll: Poll,
    events: Events,
    flags: Arc<Flags>,
    input: Input,
}

/// Runs the reader on the local terminal until the user quits or a signal arrives, calling
/// `hooks` from the loop (the binary passes the presentation link, or the SSH server's). Says
/// how it ended; the terminal is restored by then.
///
/// The loop sleeps in one blocking wait on the terminal's input and a waker that signals and
/// hooks use, so an idle reader takes no CPU at all; it wakes on its own only while the
/// presentation timer shows (once per second) or for hooks that must be polled. A burst of
/// input (a held key, the wheel, a paste) is read whole before one frame is drawn.
pub fn run(state: State, theme: Theme, hooks: &mut dyn Hooks) -> anyhow::Result<Ended> {
    let (session, wake) = open_session()?;
    let guard = setup()?;
    let screen = reader_screen(theme, &state);
    let Session { mut waits } = session;
    let ended = run_loop(state, screen, &mut waits, hooks, false, Some(wake));
    drop(guard);
    drop(waits);
    ended
}

/// The terminal's input and what the loop waits on, before the terminal is set up.
struct Session {
    waits: Waits,
}

/// Opens the input, the poll, the waker and the signal watcher; gives the way to wake the
/// loop, for hooks.
fn open_session() -> anyhow::Result<(Session, crate::app::hooks::Wake)> {
    require_terminal()?;
    let input = Input::open()?;
    let poll = Poll::new().context("cannot wait for input")?;
    poll.registry()
        .register(
            &mut SourceFd(&input.file.as_raw_fd()),
            INPUT,
            Interest::READABLE,
        )
        .context("cannot wait for input")?;
    let waker = Arc::new(Waker::new(poll.registry(), WAKE).context("cannot wait for input")?);
    let flags = Arc::new(Flags::default());
    watch_signals(Arc::clone(&flags), Arc::clone(&waker))?;
    let wake: crate::app::hooks::Wake = Arc::new(move || {
        let _ = waker.wake();
    });
    let waits = Waits {
        poll,
        events: Events::with_capacity(4),
        flags,
        input,
    };
    Ok((Session { waits }, wake))
}

fn reader_screen(theme: Theme, state: &State) -> Screen {
    Screen {
        painter: Painter::new(theme, state.size),
        bytes: Vec::with_capacity(OUT_BUFFER),
        stale: false,
        links: Vec::new(),
    }
}

/// Runs a library (`briefing DIR`) on the local terminal: the list, and the reader on what
/// Enter opens, until the user quits the list or a signal arrives. The folder's changes come
/// from `hooks` (which wake the loop), so an idle library takes no CPU either.
pub fn run_library(
    lib: Library,
    theme: Theme,
    hooks: &mut dyn LibraryHooks,
) -> anyhow::Result<Ended> {
    let (session, wake) = open_session()?;
    hooks.set_wake(Arc::clone(&wake));
    let guard = setup()?;
    let Session { mut waits } = session;
    let ended = library_loop(lib, &theme, &mut waits, hooks, &wake);
    drop(guard);
    drop(waits);
    ended
}

fn library_loop(
    mut lib: Library,
    theme: &Theme,
    waits: &mut Waits,
    hooks: &mut dyn LibraryHooks,
    wake: &crate::app::hooks::Wake,
) -> anyhow::Result<Ended> {
    // What the terminal shows; `None` when it cannot be trusted (start, back from the reader).
    let mut shown: Option<Buffer> = None;
    let mut dirty = true;
    loop {
        let signal = waits.flags.stop.load(Ordering::Relaxed);
        if signal != 0 {
            return Ok(Ended::Signal(signal));
        }
        if let Some(update) = hooks.changed() {
            lib.apply(update);
            dirty = true;
        }
        let resized = waits.flags.resized.swap(false, Ordering::Relaxed);
        if resized {
            let (width, height) = terminal::size().context("cannot read the terminal size")?;
            library::update(&mut lib, Action::Resize(Size::new(width, height)));
            dirty = true;
        }
        if dirty {
            draw_library(&lib, theme, &mut shown).context("cannot draw")?;
            dirty = false;
        }
        if waits.input.events.is_empty() {
            if !wait_for_input(waits, None)? {
                continue;
            }
            waits.input.read().context("cannot read input")?;
        }
        while let Some(event) = waits.input.events.pop_front() {
            let effect = match event {
                input::Input::Key(key) => {
                    dirty = true;
                    library::press(&mut lib, key)
                }
                // The wheel moves the selection, as j and k do.
                input::Input::Mouse(Mouse {
                    kind: kind @ (MouseKind::WheelDown | MouseKind::WheelUp),
                    ..
                }) => {
                    dirty = true;
                    let action = if kind == MouseKind::WheelDown {
                        Action::ScrollDown
                    } else {
                        Action::ScrollUp
                    };
                    library::update(&mut lib, action)
                }
                input::Input::Mouse(_) | input::Input::Paste(_) => LibEffect::None,
            };
            match effect {
                LibEffect::None => {}
                LibEffect::Quit => return Ok(Ended::Quit),
                LibEffect::Suspend => {
                    suspend(true)?;
                    shown = None;
                    waits.flags.resized.store(true, Ordering::Relaxed);
                }
                LibEffect::Redraw => shown = None,
                LibEffect::Open { entry, at } => {
                    let Some(state) = library::reader_for(&lib, entry, at) else {
                        continue;
                    };
                    let Some(e) = lib.entries.get(entry) else {
                        continue;
                    };
                    let mut reader_hooks = hooks.reader_hooks(e);
                    reader_hooks.set_wake(Arc::clone(wake));
                    let mut screen = reader_screen(*theme, &state);
                    screen.invalidate();
                    if let Ended::Signal(n) =
                        run_loop(state, screen, waits, reader_hooks.as_mut(), true, None)?
                    {
                        return Ok(Ended::Signal(n));
                    }
                    // The reader may have left the mouse to the terminal.
                    set_mouse(true)?;
                    shown = None;
                    dirty = true;
                    waits.flags.resized.store(true, Ordering::Relaxed);
                }
            }
        }
    }
}

/// Draws the library, writing only the cells that changed since `shown` (everything, after
/// a clear, when `shown` is `None`).
fn draw_library(lib: &Library, theme: &Theme, shown: &mut Option<Buffer>) -> io::Result<()> {
    let area = Rect::new(0, 0, lib.size.width, lib.size.height);
    let mut next = Buffer::empty(area);
    crate::ui::library::render_library(lib, theme, &mut next);
    let mut bytes = Vec::with_capacity(OUT_BUFFER);
    let prev = match shown.take().filter(|b| b.area == area) {
        Some(prev) => prev,
        None => {
            queue!(bytes, Clear(ClearType::All))?;
            Buffer::empty(area)
        }
    };
    export::write_linked_changes(&mut bytes, prev.diff(&next).into_iter(), &[]);
    *shown = Some(next);
    if bytes.is_empty() {
        return Ok(());
    }
    let mut out = io::stdout().lock();
    out.write_all(&bytes)?;
    out.flush()
}

/// The reader's loop. `nested` for a reader opened from a library: Esc with nothing to step
/// back from ends it, as `q` does, and the library comes back. `wake`, when given, is handed
/// to the hooks once the first frame shows: what they start then (the file's watcher and its
/// threads) does not hold the first frame back.
fn run_loop(
    mut state: State,
    mut screen: Screen,
    waits: &mut Waits,
    hooks: &mut dyn Hooks,
    nested: bool,
    mut wake: Option<crate::app::hooks::Wake>,
) -> anyhow::Result<Ended> {
    // The clock the timer runs on, handed to the state machine as ticks.
    let clock = Instant::now();
    let now = || u64::try_from(clock.elapsed().as_millis()).unwrap_or(u64::MAX);
    let mut shown_second = None;
    let mut dirty = true;
    // The clock was read just before the input: no need to read it again at the top.
    let mut ticked = false;
    // The layout whose panes' lines were all counted (see `scroll::count_lines`).
    let mut counted = None;
    loop {
        let signal = waits.flags.stop.load(Ordering::Relaxed);
        if signal != 0 {
            return Ok(Ended::Signal(signal));
        }
        if !std::mem::take(&mut ticked) {
            update(&mut state, Action::Tick(now()));
        }
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
        if waits.flags.resized.swap(false, Ordering::Relaxed) {
            let (width, height) = terminal::size().context("cannot read the terminal size")?;
            update(&mut state, Action::Resize(Size::new(width, height)));
            dirty = true;
        }
        if dirty {
            screen.draw(&state).context("cannot draw")?;
            dirty = false;
            hooks.after_update(&state);
            // With the frame on screen, the panes' lines are counted for their scrollbars
            // while the reader reads, rather than a few more on each key (a frame counts only
            // as far as it needs).
            let layout = (state.size, state.revision, state.mode.base());
            if counted != Some(layout) {
                crate::app::scroll::count_lines(&state);
                counted = Some(layout);
            }
        }
        if let Some(wake) = wake.take() {
            hooks.set_wake(wake);
            // Once more round: what the hooks got before they could wake the loop.
            continue;
        }
        if waits.input.events.is_empty() {
            if !wait_for_input(waits, wait_for(&state, hooks))? {
                continue;
            }
            waits.input.read().context("cannot read input")?;
        }
        update(&mut state, Action::Tick(now()));
        ticked = true;
        match read_input(&mut state, &mut screen, waits, hooks, nested)? {
            Read::Nothing => {}
            Read::Changed => dirty = true,
            Read::Quit => return Ok(Ended::Quit),
        }
    }
}

/// Waits for the terminal's input, a signal or a hook, at most `timeout`; true when the
/// terminal has input to read.
fn wait_for_input(waits: &mut Waits, timeout: Option<Duration>) -> anyhow::Result<bool> {
    match waits.poll.poll(&mut waits.events, timeout) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::Interrupted => return Ok(false),
        Err(e) => return Err(e).context("cannot wait for input"),
    }
    let mut has_input = false;
    for event in &waits.events {
        if event.token() == INPUT {
            if event.is_read_closed() || event.is_error() {
                // A hung-up terminal is no terminal any more: nothing to restore, nobody to
                // show anything to.
                std::process::exit(129);
            }
            has_input = true;
        }
    }
    Ok(has_input)
}

/// What reading the waiting input came to.
enum Read {
    /// Nothing that changes the screen.
    Nothing,
    /// The state changed, or the screen must be redrawn.
    Changed,
    /// The user quit.
    Quit,
}

/// Takes every event already read (a burst of the wheel, a held key, a paste come in one
/// read) and runs their effects, so the loop draws one frame for all of them.
fn read_input(
    state: &mut State,
    screen: &mut Screen,
    waits: &mut Waits,
    hooks: &mut dyn Hooks,
    nested: bool,
) -> anyhow::Result<Read> {
    let mut read = Read::Nothing;
    let flags = &waits.flags;
    while let Some(event) = waits.input.events.pop_front() {
        let effect = match event {
            input::Input::Key(key) => {
                read = Read::Changed;
                if nested && crate::app::library::leaves_reader(state, key) {
                    Effect::Quit
                } else {
                    press(state, key)
                }
            }
            input::Input::Paste(text) => {
                read = Read::Changed;
                paste(state, &text)
            }
            input::Input::Mouse(mouse) => {
                read = Read::Changed;
                update(state, mouse_action(mouse))
            }
        };
        match effect {
            Effect::Quit => return Ok(Read::Quit),
            Effect::Suspend => {
                suspend(state.mouse)?;
                screen.invalidate();
                // The terminal may have been resized while it was given back.
                flags.resized.store(true, Ordering::Relaxed);
                read = Read::Changed;
            }
            Effect::Redraw => {
                screen.invalidate();
                read = Read::Changed;
            }
            Effect::Copy => copy(state)?,
            Effect::Mouse(on) => set_mouse(on)?,
            Effect::OpenLink(i) => open_link(state, i, hooks),
            Effect::Edit => {
                edit(state, hooks)?;
                screen.invalidate();
                flags.resized.store(true, Ordering::Relaxed);
                read = Read::Changed;
            }
            // The local presenter's notes are `present --notes` in another terminal.
            Effect::ToggleNotes | Effect::None => {}
        }
    }
    Ok(read)
}

/// Puts what `y` copies on the clipboard with OSC 52: the terminal (or tmux with
/// `set-clipboard on`, or the SSH client's terminal) does the rest.
fn copy(state: &mut State) -> anyhow::Result<()> {
    let Some(copied) = crate::app::copy::copied(state) else {
        return Ok(());
    };
    let Some(seq) = crate::ui::osc::clipboard(&copied.text) else {
        let said = Notice::Said(state.lang().labels().daily.too_long.to_string());
        notify(state, said);
        return Ok(());
    };
    let mut out = io::stdout().lock();
    out.write_all(&seq)
        .and_then(|()| out.flush())
        .context("cannot write to the terminal")
}

/// Hands link `i` to the hooks' opener, if its address is safe and some hook opens links.
fn open_link(state: &mut State, i: usize, hooks: &mut dyn Hooks) {
    let url = state
        .content
        .links()
        .get(i)
        .and_then(|l| l.url.as_deref())
        .and_then(crate::app::links::safe_url)
        .map(str::to_string);
    let said = match url {
        Some(url) => hooks.open_link(&url).flatten(),
        None => None,
    };
    if let Some(notice) = said {
        notify(state, notice);
    }
}

/// Gives the terminal to the hooks' editor and takes it back, then applies what they say
/// became of the file.
fn edit(state: &mut State, hooks: &mut dyn Hooks) -> anyhow::Result<()> {
    restore();
    let done = hooks.edit(state);
    enter(state.mouse)?;
    match done {
        Some(notices) => {
            for notice in notices {
                notify(state, notice);
            }
        }
        None => {
            let said = Notice::Said(state.lang().labels().daily.no_file.to_string());
            notify(state, said);
        }
    }
    Ok(())
}

/// What a mouse report does: a click, or the wheel over a place.
fn mouse_action(m: Mouse) -> Action {
    let (x, y) = (m.x, m.y);
    match m.kind {
        MouseKind::LeftDown => Action::Click { x, y },
        MouseKind::WheelDown => Action::Wheel { x, y, down: true },
        MouseKind::WheelUp => Action::Wheel { x, y, down: false },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;

    struct Quiet;
    impl Hooks for Quiet {
        fn poll_every(&self) -> Option<Duration> {
            None
        }
    }
    struct Polled;
    impl Hooks for Polled {}

    fn reader() -> State {
        State::new(
            crate::model::bundled().unwrap(),
            Lang::Fr,
            Size::new(80, 24),
        )
    }

    fn screen_for(state: &State) -> Screen {
        Screen {
            painter: Painter::new(Theme::default(), state.size),
            bytes: Vec::new(),
            stale: false,
            links: Vec::new(),
        }
    }

    #[test]
    fn a_redraw_clears_the_screen_and_paints_every_cell_again() {
        let state = reader();
        let mut screen = screen_for(&state);
        screen.encode(&state).unwrap();
        let first = screen.bytes.clone();
        assert!(!first.is_empty());
        // The painter keeps the last frame: the same state again costs nothing...
        screen.encode(&state).unwrap();
        assert!(screen.bytes.is_empty());
        // ...until the terminal's cells cannot be trusted (Ctrl-L, a resume after Ctrl-Z).
        screen.invalidate();
        screen.encode(&state).unwrap();
        let mut clear = Vec::new();
        queue!(clear, Clear(ClearType::All)).unwrap();
        assert_eq!(screen.bytes, [clear, first].concat());
        // Once only.
        screen.encode(&state).unwrap();
        assert!(screen.bytes.is_empty());
    }

    #[test]
    fn an_idle_reader_waits_for_ever() {
        assert_eq!(wait_for(&reader(), &Quiet), None);
    }

    #[test]
    fn hooks_that_cannot_wake_the_loop_are_polled() {
        assert_eq!(
            wait_for(&reader(), &Polled),
            Some(crate::app::hooks::DEFAULT_POLL)
        );
    }

    #[test]
    fn a_running_timer_wakes_the_loop_just_after_its_next_second() {
        let mut state = reader();
        state.present.timer.toggle(1_000);
        state.now_ms = 3_250;
        assert_eq!(wait_for(&state, &Quiet), Some(Duration::from_millis(751)));
        state.present.timer.toggle(3_250);
        assert_eq!(wait_for(&state, &Quiet), None);
    }
}
