//! The configuration at the edge: which file, reading it, `briefing config`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use briefing::config::Config;
use briefing::files;

use super::{EXIT_BAD_INPUT, emit};

/// The configuration file in use: the one `--config` or `BRIEFING_CONFIG` names, else
/// briefing/config.toml in the user's configuration directory when it exists.
fn config_path(flag: Option<&Path>) -> Option<PathBuf> {
    flag.map(Path::to_path_buf).or_else(default_config_path)
}

fn default_config_path() -> Option<PathBuf> {
    let path = dirs::config_dir()?.join("briefing").join("config.toml");
    std::fs::symlink_metadata(&path).is_ok().then_some(path)
}

/// The configuration, or the defaults without a file. A file with an error is refused with its
/// problems and the exit code for bad input: the program does not start on half a
/// configuration. Its warnings (actions left without a key) are printed and it goes on.
pub(crate) fn load_config(flag: Option<&Path>) -> Result<Config, ExitCode> {
    let Some(path) = config_path(flag) else {
        return Ok(Config::default());
    };
    match files::load_config(&path) {
        Ok(checked) => {
            for w in &checked.warnings {
                eprintln!("{w}\n");
            }
            Ok(checked.config)
        }
        Err(e) => {
            eprintln!(
                "{e}\n\nbriefing: the configuration has errors; fix them, or pass --config with \
                 another file"
            );
            Err(ExitCode::from(EXIT_BAD_INPUT))
        }
    }
}

/// `briefing config`: checks the configuration in use (or prints the default one).
pub(crate) fn config(flag: Option<&Path>, default: bool) -> ExitCode {
    if default {
        return emit(&briefing::config::default_file());
    }
    let Some(path) = config_path(flag) else {
        let place = dirs::config_dir().map_or_else(
            || "the configuration directory".to_string(),
            |d| d.join("briefing").join("config.toml").display().to_string(),
        );
        return emit(&format!(
            "no configuration file ({place}): the defaults apply; `briefing config --default` \
             prints them\n"
        ));
    };
    match files::load_config(&path) {
        Ok(checked) => {
            for w in &checked.warnings {
                eprintln!("{w}\n");
            }
            emit(&format!("{}: ok\n", path.display()))
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(EXIT_BAD_INPUT)
        }
    }
}
