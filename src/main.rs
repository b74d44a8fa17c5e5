//! The command line: parse arguments, pick a mode, map results to exit codes.

use std::path::Path;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use briefing::files::{self, Overwrite};
use briefing::import::{self, Lang};
use briefing::model::{Format, parse_briefing};

/// A terminal reader for press releases and briefings.
#[derive(Parser, Debug)]
#[command(name = "briefing", version, about)]
struct Cli {
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
}

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
    /// The release's language (fr, en), instead of detecting it.
    #[arg(long, value_parser = parse_lang)]
    lang: Option<Lang>,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum OutFormat {
    Toml,
    Json,
}

fn parse_lang(tag: &str) -> Result<Lang, String> {
    Lang::from_tag(tag).ok_or_else(|| {
        let known: Vec<&str> = Lang::ALL.iter().map(|l| l.tag()).collect();
        format!("expected one of {}, found '{tag}'", known.join(", "))
    })
}

/// Exit code for bad input (a file that does not check).
const EXIT_BAD_INPUT: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check { files }) => check(&files),
        Some(Command::Import(args)) => run_import(&args),
        None => ExitCode::SUCCESS,
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

/// `briefing import`: read, structure, self-check, write. Bad input exits 2, anything else 1.
fn run_import(args: &ImportArgs) -> ExitCode {
    if let Some(out) = &args.output
        && is_same_file(&args.release, out)
    {
        eprintln!(
            "{out}: error: expected an output file other than the release\n  = help: pass another -o"
        );
        return ExitCode::from(EXIT_BAD_INPUT);
    }
    let text = match files::read_text(&args.release) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(EXIT_BAD_INPUT);
        }
    };
    let imported = match import::import_release(&text, &args.release, args.lang) {
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
        (Some(OutFormat::Json), _) => Format::Json,
        (Some(OutFormat::Toml), _) => Format::Toml,
        (None, Some(out)) => Format::from_name(out),
        (None, None) => Format::Toml,
    };
    let rendered = import::render(&imported, &args.release, format).and_then(|s| {
        // What import writes must pass `briefing check`; a failure here is our bug.
        parse_briefing(&s, "imported briefing", format)
            .map(|_| s)
            .map_err(|e| import::ImportError::Serialize(e.to_string()))
    });
    let rendered = match rendered {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: the imported briefing does not check (a bug):\n{e}");
            return ExitCode::FAILURE;
        }
    };
    match &args.output {
        None => {
            print!("{rendered}");
            ExitCode::SUCCESS
        }
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

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}
