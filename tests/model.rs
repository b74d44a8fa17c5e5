//! The model and its file format: the bundled briefing, round trips, and every kind of bad
//! file with its exact message.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use briefing::files::{MAX_INPUT_BYTES, load_briefing};
use briefing::model::{self, Briefing, Format, parse_briefing};

fn bundled() -> Briefing {
    model::bundled().expect("the bundled briefing checks")
}

fn relative(path: &Path) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    path.strip_prefix(root)
        .unwrap_or(path)
        .display()
        .to_string()
}

#[test]
fn bundled_briefing_has_title_date_lang_and_event() {
    let b = bundled();
    assert!(
        b.title
            .starts_with("Un accord entre l'ONUDC et INTERPOL crée un partenariat")
    );
    assert_eq!(b.date.map(|d| d.to_string()).as_deref(), Some("2016-05-23"));
    assert_eq!(b.lang.as_deref(), Some("fr"));
    let event = b.event.as_deref().unwrap();
    assert!(event.contains("25ème session de la Commission pour la prévention du crime"));
    assert!(b.caption.as_deref().unwrap().ends_with("Photo : ONUDC"));
    assert!((2..=4).contains(&b.summary.len()));
}

#[test]
fn bundled_briefing_has_both_parties_with_heads() {
    let b = bundled();
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
fn bundled_quotes_are_verbatim_with_their_speakers() {
    let b = bundled();
    let speakers: Vec<&str> = b
        .quotes
        .iter()
        .map(|q| q.speaker.first().unwrap())
        .collect();
    assert_eq!(
        speakers,
        [
            "Yury Fedotov",
            "Juergen Stock",
            "Yury Fedotov",
            "Juergen Stock",
            "Yury Fedotov"
        ]
    );
    for q in &b.quotes {
        let wrapped = format!("«\u{a0}{}\u{a0}»", q.text);
        assert!(
            model::BUNDLED_RELEASE.contains(&wrapped),
            "not verbatim: {}",
            q.text
        );
    }
    let contexts: Vec<Option<&str>> = b.quotes.iter().map(|q| q.context.as_deref()).collect();
    assert_eq!(
        contexts,
        [
            Some("lors de ses remarques liminaires"),
            Some("lors de son propre discours"),
            None,
            None,
            None
        ]
    );
}

#[test]
fn bundled_areas_cover_every_area_of_the_release() {
    let b = bundled();
    let labels: Vec<&str> = b
        .cooperation_areas
        .iter()
        .map(|a| a.label.as_str())
        .collect();
    assert_eq!(
        labels,
        [
            "Trafic d'humains et de migrants",
            "Criminalité liée aux espèces sauvages",
            "Trafic de propriété culturelle",
            "Armes à feu",
            "Lutte contre la corruption",
            "Recouvrement des actifs",
            "Renforcement des capacités",
            "Cybercrime",
            "Blanchiment d'argent",
            "Flux financiers illicites",
            "E-learning",
            "Lutte contre le terrorisme : des rôles complémentaires",
        ]
    );
    for a in &b.cooperation_areas {
        let detail = a.detail.as_deref().unwrap();
        assert!(
            model::BUNDLED_RELEASE.contains(detail),
            "not in the release: {detail}"
        );
    }
}

#[test]
fn bundled_threats_mark_the_six_emerging_ones() {
    let b = bundled();
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
            "Liens entre criminalité organisée et groupes terroristes",
        ]
    );
    let standing: Vec<&str> = b
        .threats
        .iter()
        .filter(|t| !t.emerging)
        .map(|t| t.label.as_str())
        .collect();
    assert_eq!(
        standing,
        [
            "Criminalité transnationale organisée",
            "Terrorisme",
            "Crime organisé"
        ]
    );
    for t in &b.threats {
        let detail = t.detail.as_deref().unwrap();
        assert!(
            model::BUNDLED_RELEASE.contains(detail),
            "not in the release: {detail}"
        );
    }
}

#[test]
fn bundled_links_are_the_three_more_information_items() {
    let titles: Vec<String> = bundled().links.into_iter().map(|l| l.title).collect();
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
fn bundled_file_on_disk_is_the_embedded_one() {
    let on_disk = load_briefing("assets/briefings/unodc-interpol-2016.toml").unwrap();
    assert_eq!(on_disk, bundled());
}

#[test]
fn toml_and_json_round_trip_to_the_same_model() {
    let b = bundled();
    let toml_text = toml::to_string_pretty(&b).unwrap();
    let from_toml = parse_briefing(&toml_text, "out.toml", Format::Toml).unwrap();
    assert_eq!(from_toml, b);
    let json_text = serde_json::to_string_pretty(&b).unwrap();
    let from_json = parse_briefing(&json_text, "out.json", Format::Json).unwrap();
    assert_eq!(from_json, b);
}

#[test]
fn json_null_reads_as_absent() {
    let text = r#"{ "title": "T", "date": null, "quotes": [ { "text": "q", "speaker": null } ] }"#;
    let b = parse_briefing(text, "n.json", Format::Json).unwrap();
    assert_eq!((b.date, b.quotes[0].speaker.first()), (None, None));
}

#[test]
fn toml_accepts_a_date_as_string_or_native_date() {
    let native = parse_briefing("title = 't'\ndate = 2016-05-23", "a.toml", Format::Toml).unwrap();
    let text = parse_briefing("title = 't'\ndate = '2016-05-23'", "b.toml", Format::Toml).unwrap();
    assert_eq!(native.date, text.date);
    assert_eq!(native.date.unwrap().to_string(), "2016-05-23");
}

#[test]
fn loading_sanitizes_escape_sequences() {
    let text = "title = \"A\\u001b]0;owned\\u0007B\\u001b[2J\"\nsummary = [\"x\\u202ey\"]";
    let b = parse_briefing(text, "e.toml", Format::Toml).unwrap();
    assert_eq!(b.title, "AB");
    assert_eq!(b.summary, ["xy"]);
}

#[test]
fn bad_fixtures_each_get_their_exact_message() {
    insta::glob!("fixtures/model/bad/*", |path| {
        let err = load_briefing(&relative(path)).expect_err("a bad fixture must not load");
        assert_snapshot!("bad_fixtures_each_get_their_exact_message", err.to_string());
    });
}

#[test]
fn directory_is_refused() {
    let err = load_briefing("tests").unwrap_err();
    assert_eq!(
        err.to_string(),
        "tests: error: expected a file, found a directory"
    );
}

#[test]
fn missing_file_is_reported() {
    let err = load_briefing("tests/no-such-briefing.toml").unwrap_err();
    assert_eq!(
        err.to_string(),
        "tests/no-such-briefing.toml: error: cannot open: no such file or directory"
    );
}

#[test]
fn file_of_100_mb_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.toml");
    // A sparse file: 100 MB long, nothing written, so the test stays fast.
    std::fs::File::create(&path)
        .unwrap()
        .set_len(100 * 1024 * 1024)
        .unwrap();
    let shown = path.display().to_string();
    let err = load_briefing(&shown).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "{shown}: error: expected a file of at most {} MiB, found 100.0 MiB",
            MAX_INPUT_BYTES / (1024 * 1024)
        )
    );
}

mod props {
    use super::*;
    use briefing::model::{Area, Date, Link, Notes, Party, Person, Quote, Speakers, Threat};
    use proptest::prelude::*;

    fn text() -> impl Strategy<Value = String> {
        "[a-zA-Z0-9éàç«»’'\" ,.:;!?\\\\\n\u{a0}-]{1,24}"
    }

    fn opt_text() -> impl Strategy<Value = Option<String>> {
        proptest::option::of(text())
    }

    prop_compose! {
        fn arb_briefing()(
            title in text(),
            day in proptest::option::of((1900i16..2100, 1i8..=12, 1i8..=28)),
            event in opt_text(),
            summary in proptest::collection::vec(text(), 0..3),
            people in proptest::collection::vec((text(), text()), 0..3),
            quotes in proptest::collection::vec((text(), any::<prop::sample::Index>(), opt_text(), any::<bool>()), 0..4),
            areas in proptest::collection::vec((text(), opt_text()), 0..3),
            threats in proptest::collection::vec((text(), opt_text(), any::<bool>()), 0..3),
            links in proptest::collection::vec(text(), 0..2),
            note in opt_text(),
        ) -> Briefing {
            let mut names: Vec<String> = Vec::new();
            let people: Vec<Person> = people
                .into_iter()
                .enumerate()
                .map(|(i, (name, role))| {
                    let name = format!("{name}{i}");
                    names.push(name.clone());
                    Person { name, role }
                })
                .collect();
            Briefing {
                title,
                date: day.and_then(|(y, m, d)| Date::new(y, m, d)),
                lang: Some("fr".into()),
                event,
                summary,
                parties: vec![Party { name: "P".into(), full_name: None, people }],
                quotes: quotes
                    .into_iter()
                    .map(|(text, who, context, has)| Quote {
                        speaker: if has && !names.is_empty() { Speakers::one(who.get(&names).clone()) } else { Speakers::none() },
                        text,
                        context,
                    })
                    .collect(),
                cooperation_areas: areas.into_iter().map(|(label, detail)| Area { label, detail, category: None }).collect(),
                threats: threats
                    .into_iter()
                    .map(|(label, detail, emerging)| Threat { label, detail, emerging, category: None })
                    .collect(),
                links: links.into_iter().map(|title| Link { title, url: None }).collect(),
                notes: Notes { quotes: note, ..Notes::default() },
                ..Briefing::default()
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        #[test]
        fn parse_serialize_parse_round_trips(b in arb_briefing()) {
            prop_assume!(!b.title.trim().is_empty());
            prop_assume!(b.quotes.iter().all(|q| !q.text.trim().is_empty()));
            prop_assume!(b.cooperation_areas.iter().all(|a| !a.label.trim().is_empty()));
            prop_assume!(b.threats.iter().all(|a| !a.label.trim().is_empty()));
            prop_assume!(b.links.iter().all(|a| !a.title.trim().is_empty()));
            prop_assume!(b.parties[0].people.iter().all(|p| !p.name.trim().is_empty()));
            let toml_text = toml::to_string_pretty(&b).unwrap();
            let back = parse_briefing(&toml_text, "p.toml", Format::Toml);
            prop_assert_eq!(back.as_ref(), Ok(&b), "{}", toml_text);
            let json_text = serde_json::to_string(&b).unwrap();
            prop_assert_eq!(parse_briefing(&json_text, "p.json", Format::Json), Ok(b));
        }

        #[test]
        fn arbitrary_text_never_panics(text in any::<String>(), json in any::<bool>()) {
            let format = if json { Format::Json } else { Format::Toml };
            let _ = parse_briefing(&text, "any", format);
        }

        #[test]
        fn near_valid_toml_never_panics(prefix in "[a-z_\\[\\]=\" \n{},.0-9-]{0,40}") {
            let text = format!("{prefix}\ntitle = \"x\"\n[[quotes]]\ntext = \"y\"\n");
            let _ = parse_briefing(&text, "any.toml", Format::Toml);
        }
    }
}
