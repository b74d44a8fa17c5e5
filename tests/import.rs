//! The importer end to end: the seed release, fixture releases with their expected
//! briefings, bad input, arbitrary input, and the `briefing import` command.
//!
//! To regenerate the expected briefings after a deliberate change, run
//! `BRIEFING_BLESS=1 cargo test --test import`, then read every changed file before
//! committing it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::Command;

use briefing::files;
use briefing::import::{ImportError, Imported, Lang, import_release, render};
use briefing::model::{self, Briefing, Format, parse_briefing};

fn seed() -> Imported {
    import_release(model::BUNDLED_RELEASE, "seed.txt", None).unwrap()
}

/// Serializes to TOML and JSON and parses back: what import writes passes `check`.
fn round_trips(imported: &Imported) -> Briefing {
    let toml_text = render(imported, "r.txt", Format::Toml).unwrap();
    let from_toml = parse_briefing(&toml_text, "out.toml", Format::Toml)
        .unwrap_or_else(|e| panic!("{e}\n---\n{toml_text}"));
    let json_text = render(imported, "r.txt", Format::Json).unwrap();
    let from_json = parse_briefing(&json_text, "out.json", Format::Json).unwrap();
    assert_eq!(from_toml, from_json);
    assert_eq!(from_toml, imported.briefing);
    from_toml
}

mod seed {
    use super::*;

    #[test]
    fn seed_file_in_shared_is_the_bundled_release() {
        // The issue names ../shared/seeds/000_9afdffdf36575cd6.txt; the same text is bundled.
        let shared =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds/000_9afdffdf36575cd6.txt");
        if let Ok(text) = std::fs::read_to_string(shared) {
            assert_eq!(text, model::BUNDLED_RELEASE);
            let from_shared = import_release(&text, "000_9afdffdf36575cd6.txt", None).unwrap();
            assert_eq!(from_shared.briefing, seed().briefing);
        }
    }

    #[test]
    fn seed_quotes_have_their_speakers() {
        let b = seed().briefing;
        let speakers: Vec<Option<&str>> = b.quotes.iter().map(|q| q.speaker.as_deref()).collect();
        assert_eq!(
            speakers,
            [
                Some("Yury Fedotov"),
                Some("Juergen Stock"),
                Some("Yury Fedotov"),
                Some("Juergen Stock"),
                Some("Yury Fedotov"),
            ]
        );
        let curated = model::bundled().unwrap();
        let texts: Vec<&str> = b.quotes.iter().map(|q| q.text.as_str()).collect();
        let want: Vec<&str> = curated.quotes.iter().map(|q| q.text.as_str()).collect();
        assert_eq!(texts, want);
        assert_eq!(
            b.quotes[0].context.as_deref(),
            Some("lors de ses remarques liminaires")
        );
        assert_eq!(
            b.quotes[1].context.as_deref(),
            Some("lors de son propre discours")
        );
    }

    #[test]
    fn seed_front_has_date_event_title_caption_and_summary() {
        let b = seed().briefing;
        assert_eq!(b.date.map(|d| d.to_string()).as_deref(), Some("2016-05-23"));
        assert_eq!(b.lang.as_deref(), Some("fr"));
        let event = b.event.as_deref().unwrap();
        assert!(
            event.contains("25ème session de la Commission pour la prévention du crime"),
            "{event}"
        );
        assert!(
            b.title
                .starts_with("Un accord entre l'ONUDC et INTERPOL crée un partenariat")
        );
        assert!(b.caption.as_deref().unwrap().ends_with("Photo : ONUDC"));
        assert_eq!(b.summary.len(), 1);
        assert!(b.summary[0].starts_with("Lors d'un événement parallèle aujourd'hui"));
        assert_eq!(b.place, None);
    }

    #[test]
    fn seed_people_have_their_roles_and_parties() {
        let b = seed().briefing;
        let heads: Vec<(&str, &str, &str)> = b
            .people()
            .map(|(p, x)| (p.name.as_str(), x.name.as_str(), x.role.as_str()))
            .collect();
        assert_eq!(
            heads,
            [
                ("ONUDC", "Yury Fedotov", "directeur exécutif de l'ONUDC"),
                ("INTERPOL", "Juergen Stock", "Secrétaire général d'INTERPOL"),
            ]
        );
    }

    #[test]
    fn seed_has_at_least_ten_cooperation_areas() {
        let b = seed().briefing;
        let labels: Vec<&str> = b
            .cooperation_areas
            .iter()
            .map(|a| a.label.as_str())
            .collect();
        assert!(labels.len() >= 10, "{labels:?}");
        for want in [
            "Trafic d'humains et de migrants",
            "Criminalité liée aux espèces sauvages",
            "Trafic de propriété culturelle",
            "Armes à feu",
            "Recouvrement des actifs",
            "Cybercrime",
            "Blanchiment d'argent",
            "Flux financiers illicites",
        ] {
            assert!(labels.contains(&want), "missing {want}: {labels:?}");
        }
    }

    #[test]
    fn seed_has_the_six_emerging_threats() {
        let b = seed().briefing;
        let emerging: Vec<&str> = b
            .threats
            .iter()
            .filter(|t| t.emerging)
            .map(|t| t.label.as_str())
            .collect();
        assert_eq!(
            emerging,
            [
                "Vente de propriété culturelle trafiquée pour financer le terrorisme",
                "Combattants terroristes étrangers",
                "Extrémisme violent",
                "Abus d'internet à des fins terroristes",
                "Engins explosifs improvisés",
                "Liens entre les réseaux de criminalité organisée et les groupes terroristes",
            ]
        );
    }

    #[test]
    fn seed_links_are_the_three_more_information_items() {
        let titles: Vec<String> = seed().briefing.links.into_iter().map(|l| l.title).collect();
        assert_eq!(
            titles,
            [
                "Discours du directeur général de l'ONUDC lors de l'événement",
                "25ème session de la Commission pour la prévention du crime et la justice pénale",
                "Programme des événements lors de la 25ème Commission sur le crime",
            ]
        );
    }

    #[test]
    fn seed_imports_without_warnings_and_round_trips() {
        let imported = seed();
        assert_eq!(imported.warnings, Vec::<String>::new());
        round_trips(&imported);
    }

    #[test]
    fn lang_flag_overrides_detection() {
        let b = import_release(model::BUNDLED_RELEASE, "seed.txt", Some(Lang::En))
            .unwrap()
            .briefing;
        assert_eq!(b.lang.as_deref(), Some("en"));
    }
}

mod fixtures {
    use super::*;

    fn fixture_dir() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import")
    }

    fn releases() -> Vec<PathBuf> {
        let mut out: Vec<PathBuf> = std::fs::read_dir(fixture_dir())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| briefing::import::is_release_path(&p.to_string_lossy()))
            .collect();
        out.sort();
        out
    }

    fn expected_path(release: &Path) -> PathBuf {
        let stem = release.file_stem().unwrap().to_string_lossy().to_string();
        release.with_file_name(format!("{stem}.expected.toml"))
    }

    /// The probes the importer does not get right yet (see pending/README.md) still give
    /// briefings that check, without a panic.
    #[test]
    fn pending_releases_import_to_valid_briefings() {
        let dir = fixture_dir().join("pending");
        let mut seen = 0;
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if !briefing::import::is_release_path(&path.to_string_lossy()) {
                continue;
            }
            seen += 1;
            let text = std::fs::read_to_string(&path).unwrap();
            let imported = import_release(&text, &path.to_string_lossy(), None)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let toml_text = render(&imported, "pending.txt", Format::Toml).unwrap();
            if let Err(e) = parse_briefing(&toml_text, "pending.toml", Format::Toml) {
                panic!(
                    "{}: the imported briefing does not check: {e}",
                    path.display()
                );
            }
        }
        assert!(seen >= 5, "expected the five pending probes, found {seen}");
    }

    #[test]
    fn there_are_at_least_eight_fixtures_half_french_half_english() {
        let names: Vec<String> = releases()
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().to_string())
            .collect();
        let fr = names.iter().filter(|n| n.starts_with("fr_")).count();
        let en = names.iter().filter(|n| n.starts_with("en_")).count();
        assert!(fr >= 4 && en >= 4, "{names:?}");
    }

    #[test]
    fn fixtures_import_to_their_expected_briefings() {
        let bless = std::env::var_os("BRIEFING_BLESS").is_some();
        let mut failures = Vec::new();
        for release in releases() {
            let name = format!(
                "tests/fixtures/import/{}",
                release.file_name().unwrap().to_string_lossy()
            );
            let text = std::fs::read_to_string(&release).unwrap();
            let imported = import_release(&text, &name, None).unwrap();
            let lang = release.file_name().unwrap().to_string_lossy()[..2].to_string();
            assert_eq!(
                imported.briefing.lang.as_deref(),
                Some(lang.as_str()),
                "{name}"
            );
            round_trips(&imported);
            let got = render(&imported, &name, Format::Toml).unwrap();
            let path = expected_path(&release);
            if bless {
                std::fs::write(&path, &got).unwrap();
                continue;
            }
            let want = std::fs::read_to_string(&path).unwrap_or_else(|_| {
                panic!("{} is missing; run with BRIEFING_BLESS=1", path.display())
            });
            if got != want {
                let diff = similar::TextDiff::from_lines(&want, &got)
                    .unified_diff()
                    .header("expected", "imported")
                    .to_string();
                failures.push(format!("{name}:\n{diff}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn expected_briefings_pass_check() {
        for release in releases() {
            let path = expected_path(&release);
            files::load_briefing(&path.to_string_lossy()).unwrap();
        }
    }
}

mod bad_input {
    use super::*;

    #[test]
    fn empty_release_is_a_clear_error() {
        for text in ["", "   \n\n\t  \n"] {
            let err = import_release(text, "empty.txt", None).unwrap_err();
            assert!(matches!(err, ImportError::Empty(_)));
            assert_eq!(
                err.to_string(),
                "empty.txt: error: expected a press release, found an empty file\n  = help: a release needs at least a title line"
            );
        }
    }

    #[test]
    fn release_without_words_is_a_clear_error() {
        let err = import_release("***\n---\n\u{1b}[2J\n", "marks.md", None).unwrap_err();
        assert_eq!(
            err.to_string(),
            "marks.md: error: expected a press release, found no words"
        );
    }

    #[test]
    fn invalid_utf8_is_refused_with_its_byte_offset() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("latin1.txt");
        std::fs::write(&path, b"Titre\n\nLe caf\xe9 est bon.\n").unwrap();
        let shown = path.display().to_string();
        let err = files::read_text(&shown).unwrap_err().to_string();
        assert!(
            err.starts_with(&format!(
                "{shown}:3:7: error: expected UTF-8 text, found byte 0xE9 at byte offset 13"
            )),
            "{err}"
        );
    }

    #[test]
    fn unbalanced_quote_marks_warn_and_do_not_swallow_the_text() {
        let text = "Titre\n\n« Une citation jamais fermée, a dit M. Dupont.\n\nUn autre paragraphe.\n\n« Une vraie citation ici », a déclaré le ministre, Jean Dupont.\n";
        let imported = import_release(text, "u.txt", None).unwrap();
        let quotes: Vec<&str> = imported
            .briefing
            .quotes
            .iter()
            .map(|q| q.text.as_str())
            .collect();
        assert_eq!(quotes, ["Une vraie citation ici"]);
        assert_eq!(
            imported.briefing.quotes[0].speaker.as_deref(),
            Some("Jean Dupont")
        );
        assert!(
            imported
                .warnings
                .iter()
                .any(|w| w.starts_with("line 3: '«' opens a quote that is never closed")),
            "{:?}",
            imported.warnings
        );
        round_trips(&imported);
    }

    #[test]
    fn ten_megabyte_line_without_newline_imports() {
        let mut text = String::with_capacity(10 * 1024 * 1024 + 64);
        let chunk = "The agencies cooperate on fraud, and « a quote that goes on ";
        while text.len() < 10 * 1024 * 1024 {
            text.push_str(chunk);
        }
        let imported = import_release(&text, "line.txt", None).unwrap();
        let b = round_trips(&imported);
        assert!(b.title.chars().count() <= 301, "{}", b.title.len());
        assert!(b.quotes.is_empty());
        assert!(b.summary[0].chars().count() <= 1501);
        assert!(b.cooperation_areas.len() <= 500);
    }

    #[test]
    fn large_release_imports_every_quote() {
        // About 5 MB: the seed's body repeated, then its links.
        let seed = model::BUNDLED_RELEASE;
        let body_start = seed[..seed.find("Le besoin").unwrap()].rfind('«').unwrap();
        let links_start = seed.find("Plus d'informations").unwrap();
        let body = &seed[body_start..links_start];
        let mut text = seed[..body_start].to_string();
        let copies = 5 * 1024 * 1024 / body.len();
        for _ in 0..copies {
            text.push_str(body);
        }
        text.push_str(&seed[links_start..]);
        let imported = import_release(&text, "big.txt", None).unwrap();
        let b = &imported.briefing;
        assert_eq!(b.quotes.len(), 5 * copies);
        assert!(b.quotes.iter().all(|q| q.speaker.is_some()));
        assert_eq!(b.threats.iter().filter(|t| t.emerging).count(), 6);
        assert_eq!(b.links.len(), 3);
        assert_eq!(b.parties.len(), 2);
    }

    #[test]
    fn many_opening_marks_stay_linear_and_give_no_quote() {
        let text = format!("Title\n\n{}", "« “ „ ‹ \" ".repeat(200_000));
        let imported = import_release(&text, "marks.txt", None).unwrap();
        assert!(imported.briefing.quotes.is_empty());
        assert!(imported.warnings.len() <= 21);
    }

    #[test]
    fn escape_sequences_never_reach_the_briefing() {
        let text =
            "Ti\u{1b}]0;owned\u{7}tle\n\n« Un texte \u{1b}[2Jpropre et sûr », a dit M. Dupont.";
        let b = round_trips(&import_release(text, "esc.txt", None).unwrap());
        assert_eq!(b.title, "Title");
        assert_eq!(b.quotes[0].text, "Un texte propre et sûr");
    }
}

mod props {
    use super::*;
    use proptest::prelude::*;

    fn check(text: &str) -> Result<(), TestCaseError> {
        match import_release(text, "p.txt", None) {
            Ok(imported) => {
                let toml_text = render(&imported, "p.txt", Format::Toml).unwrap();
                let back = parse_briefing(&toml_text, "p.toml", Format::Toml);
                prop_assert_eq!(back.as_ref(), Ok(&imported.briefing), "{}", toml_text);
                let json_text = render(&imported, "p.txt", Format::Json).unwrap();
                prop_assert_eq!(
                    parse_briefing(&json_text, "p.json", Format::Json),
                    Ok(imported.briefing)
                );
            }
            Err(ImportError::Empty(_) | ImportError::NoText(_)) => {}
            Err(e) => prop_assert!(false, "{e}"),
        }
        Ok(())
    }

    fn release_like() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("«".to_string()),
            Just("»".to_string()),
            Just("“".to_string()),
            Just("”".to_string()),
            Just("„".to_string()),
            Just("‘".to_string()),
            Just("’".to_string()),
            Just("\"".to_string()),
            Just("\n".to_string()),
            Just("\n\n".to_string()),
            Just(", a dit M. Dupont. ".to_string()),
            Just(" said Ms. Smith, Minister of the Interior. ".to_string()),
            Just("le directeur exécutif de l'ONUDC, Yury Fedotov, ".to_string()),
            Just("23 mai 2016 - ".to_string()),
            Just("# ".to_string()),
            Just("- ".to_string()),
            Just("[x](https://e.org) ".to_string()),
            Just("les menaces émergentes, y compris ".to_string()),
            Just("will cooperate on ".to_string()),
            Just("Plus d'informations :\n".to_string()),
            "[a-zA-Zéà ,.;:!?()'-]{0,12}",
        ];
        proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
    }

    /// 128 cases by default, sized for 2-core CI; `PROPTEST_CASES=5000` for a longer hunt.
    fn config() -> ProptestConfig {
        let cases = std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(128);
        ProptestConfig::with_cases(cases)
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn arbitrary_text_imports_to_a_valid_briefing(text in any::<String>()) {
            check(&text)?;
        }

        #[test]
        fn release_like_text_imports_to_a_valid_briefing(text in release_like()) {
            check(&text)?;
        }
    }
}

mod cli {
    use super::*;

    fn briefing(args: &[&str], stdin: Option<&str>) -> (i32, String, String) {
        use std::io::Write;
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_briefing"));
        cmd.args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        let mut child = cmd.spawn().unwrap();
        let mut input = child.stdin.take().unwrap();
        input.write_all(stdin.unwrap_or("").as_bytes()).unwrap();
        drop(input);
        let out = child.wait_with_output().unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).to_string(),
            String::from_utf8_lossy(&out.stderr).to_string(),
        )
    }

    const SEED: &str = "assets/releases/unodc-interpol-2016.txt";

    #[test]
    fn import_to_stdout_writes_toml_that_checks() {
        let (code, out, _) = briefing(&["import", SEED], None);
        assert_eq!(code, 0);
        assert!(out.starts_with("# Imported by `briefing import` from assets/releases/unodc-interpol-2016.txt (lang fr)."));
        parse_briefing(&out, "stdout.toml", Format::Toml).unwrap();
    }

    #[test]
    fn import_reads_standard_input() {
        let (code, out, _) = briefing(
            &["import", "-", "--format", "json"],
            Some(model::BUNDLED_RELEASE),
        );
        assert_eq!(code, 0);
        let b = parse_briefing(&out, "stdout.json", Format::Json).unwrap();
        assert_eq!(b.quotes.len(), 5);
    }

    #[test]
    fn import_refuses_to_replace_a_file_without_force() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("b.json");
        std::fs::write(&out, "keep me").unwrap();
        let shown = out.display().to_string();
        let (code, _, err) = briefing(&["import", SEED, "-o", &shown], None);
        assert_eq!(code, 1);
        assert!(
            err.contains("refusing to replace an existing file"),
            "{err}"
        );
        assert!(err.contains("--force"), "{err}");
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep me");
        let (code, _, _) = briefing(&["import", SEED, "-o", &shown, "--force"], None);
        assert_eq!(code, 0);
        // The extension chose JSON.
        let written = files::load_briefing(&shown).unwrap();
        assert_eq!(written.quotes.len(), 5);
    }

    #[test]
    fn import_refuses_to_write_over_its_input() {
        let dir = tempfile::tempdir().unwrap();
        let release = dir.path().join("r.txt");
        std::fs::write(&release, model::BUNDLED_RELEASE).unwrap();
        let shown = release.display().to_string();
        let (code, _, err) = briefing(&["import", &shown, "-o", &shown, "--force"], None);
        assert_eq!(code, 2);
        assert!(
            err.contains("expected an output file other than the release"),
            "{err}"
        );
        assert_eq!(
            std::fs::read_to_string(&release).unwrap(),
            model::BUNDLED_RELEASE
        );
    }

    #[test]
    fn import_of_bad_input_exits_2() {
        let dir = tempfile::tempdir().unwrap();
        let empty = dir.path().join("empty.txt");
        std::fs::write(&empty, "").unwrap();
        let (code, _, err) = briefing(&["import", &empty.display().to_string()], None);
        assert_eq!(code, 2);
        assert!(
            err.contains("expected a press release, found an empty file"),
            "{err}"
        );
        let (code, _, _) = briefing(&["import", "no/such/file.txt"], None);
        assert_eq!(code, 2);
    }
}
