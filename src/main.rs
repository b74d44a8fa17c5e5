//! The command line: parse arguments ([`cli`]), pick a mode, map results to exit codes. The
//! commands themselves are in `commands.rs`.

mod cli;
mod commands;

use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = cli.lang;
    commands::set_from(cli.from.map(Into::into));
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
