//! `briefing completions` and `briefing man`: generated from the clap definition, so they
//! name every command and option there is.

use std::process::ExitCode;

use clap::CommandFactory;

use super::emit;

/// `briefing completions SHELL`: the completion script, from the clap definition.
pub(crate) fn completions(shell: clap_complete::Shell) -> ExitCode {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut crate::cli::Cli::command(), "briefing", &mut out);
    emit(&String::from_utf8_lossy(&out))
}

/// `briefing man`: the manual page, in roff, from the clap definition: one page, with a
/// section per command (its synopsis and options) rather than pages of their own.
pub(crate) fn man() -> ExitCode {
    match man_page() {
        Ok(page) => emit(&page),
        Err(e) => {
            eprintln!("briefing: error: cannot write the manual page: {e}");
            ExitCode::FAILURE
        }
    }
}

fn man_page() -> std::io::Result<String> {
    let mut cmd = crate::cli::Cli::command();
    cmd.build();
    let mut out = Vec::new();
    let man = clap_mangen::Man::new(cmd.clone());
    man.render_title(&mut out)?;
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    man.render_options_section(&mut out)?;
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        let name = format!("briefing {}", sub.get_name());
        // The global options are the page's own, listed once above.
        let sub = sub
            .clone()
            .bin_name(&name)
            .display_name(&name)
            .mut_args(|a| {
                let global = a.is_global_set() || a.get_id() == "help";
                a.hide(global)
            });
        let man = clap_mangen::Man::new(sub);
        let mut part = Vec::new();
        man.render_synopsis_section(&mut part)?;
        man.render_description_section(&mut part)?;
        man.render_options_section(&mut part)?;
        // Each command's sections become subsections of one section named after it.
        let part = String::from_utf8_lossy(&part)
            .replacen(
                ".SH SYNOPSIS",
                &format!(".SH \"{}\"", name.to_uppercase()),
                1,
            )
            .replace(".SH DESCRIPTION", ".SS Description")
            .replace(".SH OPTIONS", ".SS Options");
        out.extend_from_slice(part.as_bytes());
    }
    man.render_version_section(&mut out)?;
    Ok(String::from_utf8_lossy(&out).into_owned())
}
