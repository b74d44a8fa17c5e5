//! The command line: parse arguments ([`cli`]), pick a mode, map results to exit codes. The
//! commands themselves are in `commands.rs`.

mod cli;
mod commands;

use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (lang, from) = (cli.lang, cli.from);
    let config_flag = cli.config.as_deref();
    // The commands that show the reader start only on a configuration that checks.
    let config = || commands::load_config(config_flag);
    let result = match cli.command {
        Some(Command::Check { files }) => return commands::check(&files),
        Some(Command::Import(args)) => return commands::import(&args, lang, from),
        Some(Command::Export(args)) => return commands::export(&args, lang, from),
        Some(Command::Config { default }) => return commands::config(config_flag, default),
        Some(Command::Completions { shell }) => return commands::completions(shell),
        Some(Command::Man) => return commands::man(),
        Some(Command::Snapshot {
            file,
            size,
            keys,
            ansi,
        }) => match config() {
            Ok(c) => commands::snapshot(file.as_deref(), lang, from, size, &keys, ansi, &c),
            Err(code) => return code,
        },
        Some(Command::Present { file, notes }) => match config() {
            Ok(c) => commands::present(file.as_deref(), lang, from, notes, &c),
            Err(code) => return code,
        },
        Some(Command::Serve(args)) => match config() {
            Ok(c) => commands::serve(&args, lang, from, &c),
            Err(code) => return code,
        },
        Some(Command::Library { dir }) => match config() {
            Ok(c) => commands::library(&dir, lang, &c),
            Err(code) => return code,
        },
        None => match config() {
            Ok(c) => match cli.file.as_deref() {
                Some(dir) if std::path::Path::new(dir).is_dir() => commands::library(dir, lang, &c),
                file => commands::read(file, lang, from, &c),
            },
            Err(code) => return code,
        },
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("briefing: error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
