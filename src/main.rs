//! The command line: parse arguments, pick a mode, map results to exit codes. The commands
//! themselves are in `commands.rs`.

mod commands;

use std::process::ExitCode;

use briefing::app::Size;
use clap::{Parser, Subcommand, ValueEnum};

/// A terminal reader for press releases and briefings.
#[derive(Parser, Debug)]
#[command(
    name = "briefing",
    version,
    about,
    subcommand_precedence_over_arg = true
)]
struct Cli {
    /// The briefing to open (TOML or JSON), or a release to structure on the fly (.txt, .md);
    /// the bundled UNODC–INTERPOL briefing by default.
    file: Option<String>,
    /// Interface language (by default the briefing's own); for `import`, the release's.
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
    /// Structure a raw press release (plain text or Markdown, French or English) into a
    /// briefing.
    Import(ImportArgs),
    /// Present the briefing slide by slide (Esc or p goes to the reader).
    Present {
        /// The briefing or release; the bundled briefing by default.
        file: Option<String>,
        /// Open the presenter view instead: current slide, next one, notes and timer,
        /// following the presentation running in another terminal of this machine.
        #[arg(long)]
        notes: bool,
    },
    /// Present over SSH: attendees run `ssh -p 2222 HOST` and follow your view live.
    Serve(briefing::serve::ServeArgs),
    /// Print one frame of the reader as text, without a terminal.
    Snapshot {
        /// The briefing or release; the bundled briefing by default.
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
}

/// `briefing import`'s arguments.
#[derive(clap::Args, Debug)]
struct ImportArgs {
    /// The release; '-' reads standard input.
    release: String,
    /// Write the briefing here instead of standard output.
    #[arg(short, long, value_name = "OUT")]
    output: Option<String>,
    /// The output format; by default JSON for an OUT ending in .json, else TOML.
    #[arg(long, value_enum)]
    format: Option<OutFormat>,
    /// Replace OUT if it exists.
    #[arg(long)]
    force: bool,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum OutFormat {
    Toml,
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum LangArg {
    En,
    Fr,
}

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
        Some(Command::Check { files }) => return commands::check(&files),
        Some(Command::Import(args)) => return commands::import(&args, lang),
        Some(Command::Snapshot {
            file,
            size,
            keys,
            ansi,
        }) => commands::snapshot(file.as_deref(), lang, size, &keys, ansi),
        Some(Command::Present { file, notes }) => commands::present(file.as_deref(), lang, notes),
        Some(Command::Serve(args)) => commands::serve(&args, lang),
        None => commands::read(cli.file.as_deref(), lang),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("briefing: error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
