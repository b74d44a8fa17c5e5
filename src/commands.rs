//! The commands behind the command line: load, run the reader, present, serve, snapshot,
//! check, import (export, config, completions and man in files of their own). Part of the
//! binary, not the library: here the edges are composed (the terminal loop with the
//! presentation link or the SSH server's hooks).

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;

use briefing::app::library::Library;
use briefing::app::{Size, State};
use briefing::config::Config;
use briefing::files::{self, Overwrite};
use briefing::import::{self, ImportError, Source};
use briefing::library::{Cache, Folder, FolderHooks};
use briefing::local_follow::{FollowHooks, PublishHooks};
use briefing::model::{self, Briefing, Format, Lang, LoadError, check_briefing, parse_briefing};
use briefing::opener::Opener;
use briefing::reload::FileHooks;
use briefing::serve::Serving;
use briefing::ui::{self, Theme};

use crate::cli::{FromArg, ImportArgs, LangArg, ServeArgs};

mod docs;
mod export;
mod settings;

pub(crate) use docs::{completions, man};
pub(crate) use export::export;
pub(crate) use settings::{config, load_config};

/// Exit code for bad input (a file that does not check, bad keys).
const EXIT_BAD_INPUT: u8 = 2;

/// Why there is no briefing to show: a file that does not load or check, or a release that
/// does not import. Printed as is, where the command reports it.
#[derive(Debug, thiserror::Error)]
enum LoadFailure {
    /// The briefing (or the release's text) could not be read or does not check.
    #[error(transparent)]
    Briefing(#[from] LoadError),
    /// The release could not be structured.
    #[error(transparent)]
    Import(#[from] ImportError),
}

/// What kind of release `path` is: `--from`, else its extension; `None` for a briefing.
fn source_of(path: &str, from: Option<FromArg>) -> Option<Source> {
    match from {
        Some(kind) => kind.source(),
        None => Source::of_path(path),
    }
}

/// Reads a release of any kind and structures it.
fn import_path(
    path: &str,
    source: Source,
    lang: Option<Lang>,
) -> Result<import::Imported, LoadFailure> {
    match source {
        Source::Text | Source::Markdown => {
            let text = files::read_text(path)?;
            Ok(import::import_release(&text, path, lang)?)
        }
        Source::Html | Source::Pdf => {
            let bytes = files::read_bytes(path)?;
            Ok(import::import_bytes(&bytes, source, path, lang)?)
        }
    }
}

/// Loads the briefing to show: the bundled one, a briefing file, a release (`.txt`, `.md`,
/// `.html`, `.pdf`, or what `--from` says) structured on the fly, or either from standard
/// input (`-`, told apart by `--from` or by the text). Also gives the text read, so a reload
/// can tell whether it changed (none for a page or a PDF, which are not watched).
fn load(
    file: Option<&str>,
    from: Option<FromArg>,
) -> Result<(Briefing, Option<String>), LoadFailure> {
    match file {
        None => Ok((model::bundled()?, None)),
        Some("-") if matches!(from, Some(FromArg::Html | FromArg::Pdf)) => {
            let source = from.and_then(FromArg::source).unwrap_or(Source::Html);
            let imported = import_path("-", source, None)?;
            note_warnings(STDIN_NAME, imported.warnings.len());
            Ok((imported.briefing, None))
        }
        Some("-") => {
            let text = files::read_text("-")?;
            let kind = from.unwrap_or_else(|| {
                if text.trim_start().starts_with('{') {
                    FromArg::Json
                } else if files::looks_like_prose(&text) {
                    FromArg::Release
                } else {
                    FromArg::Toml
                }
            });
            let b = match kind {
                FromArg::Toml => parse_briefing(&text, STDIN_NAME, Format::Toml)?,
                FromArg::Json => parse_briefing(&text, STDIN_NAME, Format::Json)?,
                _ => import_release(&text, STDIN_NAME)?,
            };
            Ok((b, None))
        }
        Some(path) if let Some(source) = source_of(path, from) => {
            if matches!(source, Source::Html | Source::Pdf) {
                let imported = import_path(path, source, None)?;
                note_warnings(path, imported.warnings.len());
                return Ok((imported.briefing, None));
            }
            let text = files::read_text(path)?;
            let b = import_release(&text, path)?;
            Ok((b, Some(text)))
        }
        Some(path) => {
            // The text is what a reload compares with.
            let (b, text) = files::load_briefing_and_text(path)?;
            Ok((b, Some(text)))
        }
    }
}

/// How standard input is named in messages.
const STDIN_NAME: &str = "<stdin>";

/// Structures a release, noting on standard error how many warnings it had.
fn import_release(text: &str, path: &str) -> Result<Briefing, LoadFailure> {
    let imported = import::import_release(text, path, None)?;
    note_warnings(path, imported.warnings.len());
    Ok(imported.briefing)
}

/// Notes on standard error how many warnings structuring a release had.
fn note_warnings(path: &str, warnings: usize) {
    if warnings > 0 {
        eprintln!(
            "{path}: note: structured with {}; `briefing import {path}` lists them",
            plural(warnings, "warning")
        );
    }
}

/// The interface language: `--lang`, else the configuration's, else the briefing's own.
fn pick_lang(arg: Option<LangArg>, config: &Config, b: &Briefing) -> Lang {
    match (arg, config.lang) {
        (Some(lang), _) => lang.into(),
        (None, Some(lang)) => lang,
        (None, None) => Lang::for_interface(b.lang.as_deref()),
    }
}

/// The configuration's theme, unless NO_COLOR is set: NO_COLOR wins over any theme.
fn theme(config: &Config) -> Theme {
    config
        .theme
        .unless_no_color(std::env::var_os("NO_COLOR").as_deref())
}

/// Loads the briefing, or prints its problems and gives the exit code for bad input.
fn load_or_report(file: Option<&str>, from: Option<FromArg>) -> Result<Briefing, ExitCode> {
    load_watched(file, from).map(|(b, _)| b)
}

/// [`load_or_report`], with the hooks that watch the file and edit it.
fn load_watched(
    file: Option<&str>,
    from: Option<FromArg>,
) -> Result<(Briefing, FileHooks), ExitCode> {
    match load(file, from) {
        Ok((b, text)) => Ok((b, FileHooks::new(file, text.as_deref()))),
        Err(e) => {
            eprintln!("{e}");
            Err(ExitCode::from(EXIT_BAD_INPUT))
        }
    }
}

/// A reader state with the configuration's keys and language.
fn configured_state(b: Briefing, lang: Option<LangArg>, config: &Config, size: Size) -> State {
    let lang = pick_lang(lang, config, &b);
    let mut state = State::new(b, lang, size);
    state.keymap = std::sync::Arc::clone(&config.keymap);
    state
}

/// A reader state sized to the terminal.
fn terminal_state(b: Briefing, lang: Option<LangArg>, config: &Config) -> anyhow::Result<State> {
    briefing::term::require_terminal()?;
    let (w, h) = crossterm::terminal::size().context("cannot read the terminal size")?;
    Ok(configured_state(b, lang, config, Size::new(w, h)))
}

pub(crate) fn read(
    file: Option<&str>,
    lang: Option<LangArg>,
    from: Option<FromArg>,
    config: &Config,
) -> anyhow::Result<ExitCode> {
    let (b, watched) = match load_watched(file, from) {
        Ok(loaded) => loaded,
        Err(code) => return Ok(code),
    };
    let state = terminal_state(b, lang, config)?;
    // A presentation started from the reader can be followed by `briefing present --notes`.
    let mut hooks = (publish_hooks(file), (watched, Opener::default()));
    let ended = briefing::term::run(state, theme(config), &mut hooks)?;
    Ok(ExitCode::from(ended.exit_status()))
}

/// Publishes presentations of `file` for presenter views, naming it absolutely so that a view
/// started elsewhere can be told what to pass.
fn publish_hooks(file: Option<&str>) -> PublishHooks {
    let absolute = file
        .filter(|f| *f != "-")
        .and_then(|f| std::path::absolute(f).ok())
        .map(|p| p.display().to_string());
    PublishHooks::for_file(absolute)
}

pub(crate) fn present(
    file: Option<&str>,
    lang: Option<LangArg>,
    from: Option<FromArg>,
    notes: bool,
    config: &Config,
) -> anyhow::Result<ExitCode> {
    let (b, watched) = match load_watched(file, from) {
        Ok(loaded) => loaded,
        Err(code) => return Ok(code),
    };
    let title = b.title.clone();
    let mut state = terminal_state(b, lang, config)?;
    let ended = if notes {
        briefing::app::update(&mut state, briefing::app::Action::OpenPresenterView);
        // The presenter view reloads the file itself, as the presentation it follows does.
        let mut hooks = (FollowHooks::new(&title), watched);
        briefing::term::run(state, theme(config), &mut hooks)?
    } else {
        briefing::app::update(&mut state, briefing::app::Action::EnterPresentation);
        let mut hooks = (publish_hooks(file), (watched, Opener::default()));
        briefing::term::run(state, theme(config), &mut hooks)?
    };
    Ok(ExitCode::from(ended.exit_status()))
}

pub(crate) fn serve(
    args: &ServeArgs,
    lang: Option<LangArg>,
    from: Option<FromArg>,
    config: &Config,
) -> anyhow::Result<ExitCode> {
    let (b, watched) = match load_watched(args.file.as_deref(), from) {
        Ok(loaded) => loaded,
        Err(code) => return Ok(code),
    };
    let options = match args.options(&config.serve) {
        Ok(o) => o,
        Err(e) => {
            // A missing or empty choice is bad input, as clap's own usage errors are.
            eprintln!("briefing: error: {e:#}");
            return Ok(ExitCode::from(EXIT_BAD_INPUT));
        }
    };
    // Headless serving has no terminal: lay out for a common size.
    let size = crossterm::terminal::size().unwrap_or((100, 30));
    let state = configured_state(b, lang, config, Size::new(size.0, size.1));
    let theme = theme(config);
    let (serving, presenter) = Serving::start(&options, state, theme)?;
    let result = if args.headless || !std::io::stdout().is_terminal() {
        // The file is watched as for a presenter at a terminal.
        let mut watched = watched;
        serving
            .run_headless(
                presenter,
                std::io::BufReader::new(std::io::stdin()),
                &mut watched,
            )
            .map(|()| briefing::term::Ended::Quit)
    } else {
        // Attendees follow over SSH; a presenter view on this machine follows the same way
        // as for `briefing present`.
        let mut hooks = (
            serving.presenter_hooks(),
            (
                publish_hooks(args.file.as_deref()),
                (watched, Opener::default()),
            ),
        );
        briefing::term::run(presenter, theme, &mut hooks)
    };
    serving.shutdown();
    Ok(ExitCode::from(result?.exit_status()))
}

pub(crate) fn snapshot(
    file: Option<&str>,
    lang: Option<LangArg>,
    from: Option<FromArg>,
    size: Size,
    keys: &str,
    ansi: bool,
    config: &Config,
) -> anyhow::Result<ExitCode> {
    if let Some(dir) = file.filter(|f| Path::new(f).is_dir()) {
        return snapshot_library(dir, lang, size, keys, ansi, config);
    }
    let b = match load_or_report(file, from) {
        Ok(b) => b,
        Err(code) => return Ok(code),
    };
    let lang = pick_lang(lang, config, &b);
    let theme = if ansi { theme(config) } else { Theme::MONO };
    match ui::snapshot_with(b, lang, size, keys, &theme, &config.keymap) {
        Ok(shot) => {
            let mut frame = if ansi { shot.ansi() } else { shot.text() };
            frame.push('\n');
            Ok(emit(&frame))
        }
        Err(e) => {
            eprintln!("--keys: error: {e}");
            Ok(ExitCode::from(EXIT_BAD_INPUT))
        }
    }
}

/// A library's state for `dir`, on the configuration's keys, in the language chosen
/// (`--lang`, else the configuration's) or else of most of its briefings; its entries are
/// `entries` (none yet, for a list filled as the folder is read).
fn library_state(
    dir: &str,
    entries: Vec<briefing::app::library::Entry>,
    lang: Option<LangArg>,
    size: Size,
    config: &Config,
) -> Library {
    let chosen = lang.map(Lang::from).or(config.lang);
    let lang = chosen.unwrap_or_else(|| briefing::app::library::majority_lang(&entries));
    let mut lib = Library::new(dir, entries, lang, size);
    lib.lang_chosen = chosen.is_some();
    lib.follow_lang = chosen.is_none();
    lib.keymap = std::sync::Arc::clone(&config.keymap);
    lib
}

/// `briefing DIR`, `briefing library DIR`: the folder's briefings as one list.
pub(crate) fn library(
    dir: &str,
    lang: Option<LangArg>,
    config: &Config,
) -> anyhow::Result<ExitCode> {
    if !Path::new(dir).is_dir() {
        eprintln!("{dir}: error: expected a folder, found none there");
        return Ok(ExitCode::from(EXIT_BAD_INPUT));
    }
    briefing::term::require_terminal()?;
    let (w, h) = crossterm::terminal::size().context("cannot read the terminal size")?;
    // The list shows at once and fills as the folder is read (from the index, then each
    // release imported), on the library's own thread.
    let mut lib = library_state(dir, Vec::new(), lang, Size::new(w, h), config);
    lib.loading = Some(0);
    let mut hooks = FolderHooks::new(Folder::new(Path::new(dir), Cache::user()));
    let ended = briefing::term::run_library(lib, theme(config), &mut hooks)?;
    Ok(ExitCode::from(ended.exit_status()))
}

fn snapshot_library(
    dir: &str,
    lang: Option<LangArg>,
    size: Size,
    keys: &str,
    ansi: bool,
    config: &Config,
) -> anyhow::Result<ExitCode> {
    let entries = Folder::new(Path::new(dir), Cache::user()).scan();
    let lib = library_state(dir, entries, lang, size, config);
    let theme = if ansi {
        theme(config)
    } else {
        Theme::new(true)
    };
    match ui::library::snapshot_library(lib, keys, &theme) {
        Ok(buffer) => {
            let mut frame = if ansi {
                ui::export::to_ansi(&buffer)
            } else {
                ui::export::to_text(&buffer)
            };
            frame.push('\n');
            Ok(emit(&frame))
        }
        Err(e) => {
            eprintln!("--keys: error: {e}");
            Ok(ExitCode::from(EXIT_BAD_INPUT))
        }
    }
}

pub(crate) fn check(files: &[String]) -> ExitCode {
    let mut bad = 0;
    for path in files {
        match briefing::files::load_briefing(path) {
            Ok(_) => {
                if emit(&format!("{path}: ok\n")) != ExitCode::SUCCESS {
                    return ExitCode::FAILURE;
                }
            }
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

/// `briefing import`: read, structure, self-check, write. Bad input exits 2, anything else 1.
pub(crate) fn import(args: &ImportArgs, lang: Option<LangArg>, from: Option<FromArg>) -> ExitCode {
    let lang = lang.map(Lang::from);
    if let Some(out) = &args.output
        && is_same_file(&args.release, out)
    {
        eprintln!(
            "{out}: error: expected an output file other than the release\n  = help: pass another -o"
        );
        return ExitCode::from(EXIT_BAD_INPUT);
    }
    let source = source_of(&args.release, from).unwrap_or(Source::Text);
    let imported = match import_path(&args.release, source, lang) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(EXIT_BAD_INPUT);
        }
    };
    for w in &imported.warnings {
        eprintln!("{}: warning: {w}", args.release);
    }
    let format = match (args.format, &args.output) {
        (Some(format), _) => format.into(),
        (None, Some(out)) => Format::from_name(out),
        (None, None) => Format::Toml,
    };
    let rendered = match import::render(&imported, &args.release, format) {
        Ok(s) => s,
        Err(e) => return report_bug(&e),
    };
    // The text is all that is left to write: freeing the briefing now keeps the check below
    // from holding two copies of it (issue 10).
    drop(imported);
    // What import writes must pass `briefing check`; a failure here is our bug.
    if let Err(e) = check_briefing(&rendered, "imported briefing", format) {
        return report_bug(&e);
    }
    match &args.output {
        None => emit(&rendered),
        Some(out) => {
            let overwrite = if args.force {
                Overwrite::Replace
            } else {
                Overwrite::Refuse
            };
            match files::write_new(Path::new(out), &rendered, overwrite) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("{e:#}");
                    ExitCode::FAILURE
                }
            }
        }
    }
}

/// Reports an imported briefing that cannot be written out or does not check: our bug.
fn report_bug(e: &dyn std::fmt::Display) -> ExitCode {
    eprintln!("error: the imported briefing does not check (a bug):\n{e}");
    ExitCode::FAILURE
}

/// True when `out` is the release itself (the same path, or the same file by another name).
fn is_same_file(release: &str, out: &str) -> bool {
    if release == "-" {
        return false;
    }
    if release == out {
        return true;
    }
    match (std::fs::canonicalize(release), std::fs::canonicalize(out)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Writes `text` to standard output. A reader that stops reading (`briefing import x | head`)
/// ends the program quietly, as it does `cat`; any other failure is reported.
fn emit(text: &str) -> ExitCode {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("briefing: error: cannot write to standard output: {e}");
            ExitCode::FAILURE
        }
    }
}
