//! The command line: parse arguments, pick a mode, map results to exit codes.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

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
}

/// Exit code for bad input (a file that does not check).
const EXIT_BAD_INPUT: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check { files }) => check(&files),
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

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}
