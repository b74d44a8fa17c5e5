//! The command line: parse arguments, pick a mode, map results to exit codes.

use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};

use briefing::app::{Size, State};
use briefing::labels::Lang;
use briefing::model::{self, Briefing, LoadError};
use briefing::ui::{self, Theme};

/// A terminal reader for press releases and briefings.
#[derive(Parser, Debug)]
#[command(
    name = "briefing",
    version,
    about,
    subcommand_precedence_over_arg = true
)]
struct Cli {
    /// The briefing to open (TOML or JSON); the bundled UNODC–INTERPOL briefing by default.
    file: Option<String>,
    /// Interface language; by default the briefing's own.
    #[arg(long, value_enum, global = true)]
    lang: Option<LangArg>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check briefing files and report every problem found.
    Check {
        /// Briefing files (TOML, or JSON by the .json extension); '-' reads standard input.
        #[arg(required = true)]
        files: Vec<String>,
    },
    /// Present the briefing slide by slide (Esc or p goes to the reader).
    Present {
        /// The briefing; the bundled one by default.
        file: Option<String>,
        /// Open the presenter view instead: current slide, next one, notes and timer,
        /// following the presentation running in another terminal of this machine.
        #[arg(long)]
        notes: bool,
    },
    /// Print one frame of the reader as text, without a terminal.
    Snapshot {
        /// The briefing; the bundled one by default.
        file: Option<String>,
        /// Columns x rows.
        #[arg(long, default_value = "100x30", value_parser = parse_size)]
        size: Size,
        /// Keys to press first, in the keymap's notation: "<Tab> j j / INTERPOL <Enter>".
        #[arg(long, default_value = "")]
        keys: String,
        /// Keep colours and styles as ANSI escape sequences.
        #[arg(long)]
        ansi: bool,
    },
    /// Present over SSH: attendees run `ssh -p 2222 HOST` and follow your view live.
    Serve(briefing::serve::ServeArgs),
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum LangArg {
    En,
    Fr,
}

/// Exit code for bad input (a file that does not check, bad keys).
const EXIT_BAD_INPUT: u8 = 2;
/// The largest snapshot, in cells per side.
const MAX_SNAPSHOT_SIDE: u16 = 1000;

fn parse_size(text: &str) -> Result<Size, String> {
    let bad = || format!("expected a size like 100x30, found '{text}'");
    let (w, h) = text.split_once(['x', 'X', '×']).ok_or_else(bad)?;
    let w: u16 = w.trim().parse().map_err(|_| bad())?;
    let h: u16 = h.trim().parse().map_err(|_| bad())?;
    if w > MAX_SNAPSHOT_SIDE || h > MAX_SNAPSHOT_SIDE {
        return Err(format!(
            "expected at most {MAX_SNAPSHOT_SIDE} on each side, found {w}x{h}"
        ));
    }
    Ok(Size::new(w, h))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = cli.lang;
    let result = match cli.command {
        Some(Command::Check { files }) => return check(&files),
        Some(Command::Snapshot {
            file,
            size,
            keys,
            ansi,
        }) => snapshot(file.as_deref(), lang, size, &keys, ansi),
        Some(Command::Present { file, notes }) => present(file.as_deref(), lang, notes),
        Some(Command::Serve(args)) => serve(&args, lang),
        None => read(cli.file.as_deref(), lang),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("briefing: error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// Loads the briefing to show, printing its problems when it does not check.
fn load(file: Option<&str>) -> Result<Briefing, LoadError> {
    match file {
        None => model::bundled(),
        Some(path) => briefing::files::load_briefing(path),
    }
}

fn pick_lang(arg: Option<LangArg>, b: &Briefing) -> Lang {
    match arg {
        Some(LangArg::En) => Lang::En,
        Some(LangArg::Fr) => Lang::Fr,
        None => Lang::from_tag(b.lang.as_deref()),
    }
}

fn theme() -> Theme {
    Theme::from_no_color(std::env::var_os("NO_COLOR").as_deref())
}

/// Loads the briefing, or prints its problems and gives the exit code for bad input.
fn load_or_report(file: Option<&str>) -> Result<Briefing, ExitCode> {
    load(file).map_err(|e| {
        eprintln!("{e}");
        ExitCode::from(EXIT_BAD_INPUT)
    })
}

/// A reader state sized to the terminal.
fn terminal_state(b: Briefing, lang: Option<LangArg>) -> anyhow::Result<State> {
    briefing::term::require_terminal()?;
    let (w, h) = crossterm::terminal::size().context("cannot read the terminal size")?;
    let lang = pick_lang(lang, &b);
    Ok(State::new(b, lang, Size::new(w, h)))
}

fn read(file: Option<&str>, lang: Option<LangArg>) -> anyhow::Result<ExitCode> {
    let b = match load_or_report(file) {
        Ok(b) => b,
        Err(code) => return Ok(code),
    };
    briefing::term::run(terminal_state(b, lang)?, theme())?;
    Ok(ExitCode::SUCCESS)
}

fn present(file: Option<&str>, lang: Option<LangArg>, notes: bool) -> anyhow::Result<ExitCode> {
    let b = match load_or_report(file) {
        Ok(b) => b,
        Err(code) => return Ok(code),
    };
    let title = b.title.clone();
    let mut state = terminal_state(b, lang)?;
    if notes {
        state.session = briefing::app::Session::Attendee { following: true };
        state.mode = briefing::app::Mode::Notes;
        let size = state.size;
        briefing::app::update(&mut state, briefing::app::Action::Resize(size));
        let mut follow = briefing::link::FollowLink::new(&title);
        briefing::term::run_with(state, theme(), &mut follow)?;
    } else {
        briefing::app::update(&mut state, briefing::app::Action::EnterPresentation);
        briefing::term::run(state, theme())?;
    }
    Ok(ExitCode::SUCCESS)
}

fn serve(args: &briefing::serve::ServeArgs, lang: Option<LangArg>) -> anyhow::Result<ExitCode> {
    let b = match load_or_report(args.file.as_deref()) {
        Ok(b) => b,
        Err(code) => return Ok(code),
    };
    // Headless serving has no terminal: lay out for a common size.
    let size = crossterm::terminal::size().unwrap_or((100, 30));
    let lang = pick_lang(lang, &b);
    let state = State::new(b, lang, Size::new(size.0, size.1));
    briefing::serve::run_serve(args, state, theme())?;
    Ok(ExitCode::SUCCESS)
}

fn snapshot(
    file: Option<&str>,
    lang: Option<LangArg>,
    size: Size,
    keys: &str,
    ansi: bool,
) -> anyhow::Result<ExitCode> {
    let b = match load_or_report(file) {
        Ok(b) => b,
        Err(code) => return Ok(code),
    };
    let lang = pick_lang(lang, &b);
    let theme = if ansi { theme() } else { Theme::new(true) };
    match ui::snapshot(b, lang, size, keys, &theme) {
        Ok(shot) => {
            println!("{}", if ansi { shot.ansi() } else { shot.text() });
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            eprintln!("--keys: error: {e}");
            Ok(ExitCode::from(EXIT_BAD_INPUT))
        }
    }
}

fn check(files: &[String]) -> ExitCode {
    let mut bad = 0;
    for path in files {
        match briefing::files::load_briefing(path) {
            Ok(_) => println!("{path}: ok"),
            Err(e) => {
                bad += 1;
                eprintln!("{e}\n");
            }
        }
    }
    if bad == 0 {
        ExitCode::SUCCESS
    } else {
        eprintln!("{} of {} did not check", plural(bad, "file"), files.len());
        ExitCode::from(EXIT_BAD_INPUT)
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}
