//! The user's editor (`$VISUAL`, else `$EDITOR`, else `vi`) on a file, at a line when the
//! editor takes one. The command is run as git runs it, through `sh -c` so that a value such
//! as `code -w` works, with the file and line as positional arguments: the shell never reads
//! them as code. The caller gives the terminal back first and takes it again after.

use std::path::Path;
use std::process::Command;

/// The editor command the environment asks for.
pub fn editor_command() -> String {
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(std::env::var_os)
        .map(|v| v.to_string_lossy().trim().to_string())
        .find(|v| !v.is_empty())
        .unwrap_or_else(|| "vi".to_string())
}

/// The arguments that open `file` at `line` in `editor`: `+LINE FILE` for the editors that
/// take it (vi and its kin, nano, emacs, micro, kakoune...), `FILE:LINE` for helix, `-g
/// FILE:LINE` for VS Code, the file alone for any other.
pub fn line_args(editor: &str, file: &str, line: Option<usize>) -> Vec<String> {
    // A blank or unnamed program is no editor we know: the file alone.
    let program = editor.split_whitespace().next().unwrap_or_default();
    let name = Path::new(program)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let Some(line) = line else {
        return vec![file.to_string()];
    };
    match name {
        "vi" | "vim" | "nvim" | "gvim" | "view" | "nano" | "pico" | "emacs" | "emacsclient"
        | "micro" | "kak" | "joe" | "jed" | "ne" | "mg" | "ed" | "ex" | "gedit" | "kate" => {
            vec![format!("+{line}"), file.to_string()]
        }
        "hx" | "helix" => vec![format!("{file}:{line}")],
        "code" | "codium" | "code-insiders" => vec!["-g".to_string(), format!("{file}:{line}")],
        _ => vec![file.to_string()],
    }
}

/// Runs `editor` on `file` at `line` and waits for it; says why when it could not run or
/// failed.
pub fn run(editor: &str, file: &str, line: Option<usize>) -> Result<(), String> {
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$@\""))
        .arg(editor)
        .args(line_args(editor, file, line))
        .status()
        .map_err(|e| format!("cannot run the editor '{editor}': {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("the editor '{editor}' ended with {status}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editors_that_take_a_line_get_it_their_way() {
        assert_eq!(line_args("vim", "b.toml", Some(12)), ["+12", "b.toml"]);
        assert_eq!(
            line_args("/usr/bin/nvim -p", "b.toml", Some(3)),
            ["+3", "b.toml"]
        );
        assert_eq!(line_args("hx", "b.toml", Some(3)), ["b.toml:3"]);
        assert_eq!(line_args("code -w", "b.toml", Some(3)), ["-g", "b.toml:3"]);
        assert_eq!(line_args("notepad++", "b.toml", Some(3)), ["b.toml"]);
        assert_eq!(line_args("vim", "b.toml", None), ["b.toml"]);
    }

    #[cfg(unix)]
    #[test]
    fn the_file_name_is_an_argument_never_shell_code() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("$(touch pwned); `id`.toml");
        std::fs::write(&file, "x").unwrap();
        let out = dir.path().join("args");
        // An "editor" that writes its arguments down.
        let editor = format!("printf '%s\\n' > '{}'", out.display());
        run(&editor, &file.display().to_string(), Some(7)).unwrap();
        assert_eq!(
            std::fs::read_to_string(&out).unwrap(),
            format!("{}\n", file.display())
        );
        assert!(!dir.path().join("pwned").exists());
        assert!(run("false", "x", None).unwrap_err().contains("ended with"));
    }
}
