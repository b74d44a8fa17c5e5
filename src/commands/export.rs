//! `briefing export`: a handout of the briefing (see [`briefing::handout`]).

use std::path::Path;
use std::process::ExitCode;

use briefing::files::{self, Overwrite};
use briefing::handout::{Handout, HandoutFormat};
use briefing::model::Lang;

use super::{EXIT_BAD_INPUT, emit, is_same_file, load_or_report};
use crate::cli::{ExportArgs, FromArg, LangArg};

/// `briefing export`: a handout of the briefing, to standard output, or written to OUT as
/// `import -o` writes (a temporary file and a rename; an existing file only with `--force`;
/// never over the briefing itself). Its words are in the briefing's language (`--lang`
/// overrides; the configuration's language is the reader's, not the handout's).
pub(crate) fn export(args: &ExportArgs, lang: Option<LangArg>, from: Option<FromArg>) -> ExitCode {
    let format = match (args.format, &args.output) {
        (Some(f), _) => f.into(),
        (None, Some(out)) => match HandoutFormat::from_name(out) {
            Some(f) => f,
            None => {
                eprintln!(
                    "{out}: error: expected --format md, html or txt, found an output name \
                     without one of those extensions"
                );
                return ExitCode::from(EXIT_BAD_INPUT);
            }
        },
        (None, None) => {
            eprintln!("briefing: error: expected --format md, html or txt, found none");
            return ExitCode::from(EXIT_BAD_INPUT);
        }
    };
    if let (Some(out), Some(file)) = (&args.output, &args.file)
        && is_same_file(file, out)
    {
        eprintln!(
            "{out}: error: expected an output file other than the briefing\n  = help: pass \
             another -o"
        );
        return ExitCode::from(EXIT_BAD_INPUT);
    }
    let b = match load_or_report(args.file.as_deref(), from) {
        Ok(b) => b,
        Err(code) => return code,
    };
    let lang = match lang {
        Some(l) => l.into(),
        None => Lang::for_interface(b.lang.as_deref()),
    };
    let handout = Handout::new(&b, lang, args.notes).write(format);
    match &args.output {
        None => emit(&handout),
        Some(out) => {
            let overwrite = if args.force {
                Overwrite::Replace
            } else {
                Overwrite::Refuse
            };
            match files::write_new(Path::new(out), &handout, overwrite) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("{e:#}");
                    ExitCode::FAILURE
                }
            }
        }
    }
}
