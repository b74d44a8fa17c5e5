//! The importer end to end: the seed release, fixture releases with their expected
//! briefings, bad input, arbitrary input, and the `briefing import` command.
//!
//! To regenerate the expected briefings after a deliberate change, run
//! `BRIEFING_BLESS=1 cargo test --test suite import::`, then read every changed file before
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
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/import/fr_onudc_interpol_2016_seed.txt");
        assert_eq!(
            std::fs::read_to_string(fixture).unwrap(),
            model::BUNDLED_RELEASE
        );
    }

    #[test]
    fn seed_quotes_have_their_speakers() {
        let b = seed().briefing;
        let speakers: Vec<Option<&str>> = b.quotes.iter().map(|q| q.speaker.first()).collect();
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

    fn categories(items: impl Iterator<Item = Option<String>>) -> Vec<String> {
        let mut out: Vec<String> = items.flatten().collect();
        out.sort();
        out.dedup();
        out
    }

    /// The seed's threats are the crimes the parties fight, named in prose and in lists;
    /// its areas are the forms of their cooperation.
    #[test]
    fn seed_threats_and_areas_come_from_the_taxonomy() {
        let b = seed().briefing;
        let threats = categories(b.threats.iter().map(|t| t.category.clone()));
        for want in [
            "corruption",
            "cultural-property-trafficking",
            "cybercrime",
            "firearms-trafficking",
            "migrant-smuggling",
            "money-laundering",
            "organised-crime",
            "terrorism",
            "trafficking-in-human-beings",
            "violent-extremism",
            "wildlife-crime",
        ] {
            assert!(threats.iter().any(|t| t == want), "{want}: {threats:?}");
        }
        let areas = categories(b.cooperation_areas.iter().map(|a| a.category.clone()));
        for want in [
            "asset-recovery",
            "capacity-building",
            "coordination",
            "training",
        ] {
            assert!(areas.iter().any(|a| a == want), "{want}: {areas:?}");
        }
        // Crimes are never areas.
        for area in &b.cooperation_areas {
            let id = area.category.as_deref().unwrap_or_default();
            assert_ne!(
                model::category(id).map(|c| c.kind),
                Some(model::CategoryKind::Threat),
                "{area:?}"
            );
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

/// The patterns the import issue names, each in a release of its own.
mod patterns {
    use super::*;

    fn import(text: &str) -> Briefing {
        round_trips(&import_release(text, "p.txt", None).unwrap())
    }

    fn speakers(b: &Briefing) -> Vec<Vec<&str>> {
        b.quotes
            .iter()
            .map(|q| q.speaker.names().collect())
            .collect()
    }

    #[test]
    fn a_surname_with_a_particle_is_its_person() {
        let b = import(
            "Agencies take down a botnet\n\nTHE HAGUE, 3 May 2024 – Europol Executive Director Catherine De Bolle said the operation was the largest of its kind against botnets.\n\n\"This is not the end of the story for these criminal networks,\" De Bolle added.\n",
        );
        assert_eq!(speakers(&b), [vec!["Catherine De Bolle"]]);
    }

    #[test]
    fn an_about_heading_with_a_figure_is_story() {
        let b = import(
            "Ransomware servers shut down\n\nTHE HAGUE, 26 January 2023 – Police in 13 countries shut down the servers of a ransomware group.\n\n## About EUR 120 million saved thanks to mitigation efforts\n\nEuropol facilitated the information exchange between the countries involved in the case.\n",
        );
        let areas: Vec<Option<&str>> = b
            .cooperation_areas
            .iter()
            .map(|a| a.category.as_deref())
            .collect();
        assert!(areas.contains(&Some("information-exchange")), "{areas:?}");
    }

    #[test]
    fn a_role_written_the_same_way_tells_two_holders_apart() {
        let b = import(
            "Countries sign the convention\n\nHanoi, 26 October 2025 – Secretary-General António Guterres and General Secretary of Viet Nam Tô Lâm opened the signing ceremony.\n\nThe Secretary-General emphasized the Convention represents “a victory for every victim of online abuse”.\n",
        );
        assert_eq!(speakers(&b), [vec!["António Guterres"]]);
    }

    #[test]
    fn a_name_line_signs_the_quote_before_and_the_one_after() {
        let b = import(
            "Suspect arrested in Lagos\n\nLYON, France – A suspected leader of a fraud network was arrested in Lagos after a joint investigation.\n\n“The arrest shows the perseverance of our coalition of police and private partners.”\n\nGarba Baba Umar, Assistant Inspector General of the Nigeria Police Force.\n\n“I hope this arrest will stand as a reminder to fraudsters across the world.”\n",
        );
        assert_eq!(
            speakers(&b),
            [vec!["Garba Baba Umar"], vec!["Garba Baba Umar"]]
        );
    }

    #[test]
    fn a_colon_introduces_a_quote_in_the_same_sentence() {
        let b = import(
            "Cyber unit joins the alliance\n\nStockholm, 3 May 2024 – The National Cyber Unit joined the European alliance against ransomware today.\n\nMaria Lind, Director of the National Cyber Unit, said: \"We will share every lead with our partners across the region.\"\n",
        );
        assert_eq!(speakers(&b), [vec!["Maria Lind"]]);
    }

    #[test]
    fn a_colon_introduces_a_quote_in_the_next_paragraph() {
        let b = import(
            "Le bureau national rejoint l'alliance\n\nParis, le 3 mai 2024 – Le bureau national a rejoint l'alliance européenne contre les rançongiciels.\n\nLe chef du bureau national, Paul Ferrand, a quant à lui indiqué :\n\n« Nos partenaires auront le même accès à nos analyses que nos propres équipes. »\n",
        );
        assert_eq!(speakers(&b), [vec!["Paul Ferrand"]]);
    }

    #[test]
    fn a_quote_attributable_to_role_comma_name_is_theirs() {
        let b = import(
            "Analysts meet in Canberra\n\nCanberra, 14 November 2022 – Analysts from eleven financial intelligence units met in Canberra for a course on tracing funds.\n\nQuote attributable to the Head of the Fiji Financial Intelligence Unit, Caroline Pickering:\n\n\"Training together builds the trust we need to pick up the phone to each other.\"\n",
        );
        assert_eq!(speakers(&b), [vec!["Caroline Pickering"]]);
    }

    #[test]
    fn a_rank_after_a_post_leaves_the_post_as_the_role() {
        let b = import(
            "Bilan de la plateforme\n\nAbidjan, le 10 février 2022 – La plateforme a reçu plus de plaintes en 2021.\n\nPour le directeur de l'Informatique et des Traces Technologiques (DITT), le colonel Moussa Ouattara, ces chiffres traduisent une meilleure confiance du public.\n\n« La cybercriminalité ne connaît pas de frontières », a insisté le directeur.\n",
        );
        assert_eq!(speakers(&b), [vec!["Moussa Ouattara"]]);
    }

    #[test]
    fn council_names_are_no_quotes() {
        let b = import(
            "Démantèlement d'un réseau de faux conseillers bancaires\n\nParis, le 5 mars 2024 – Les ministres réunis au sein du Conseil « Justice et affaires intérieures » ont salué l'opération. Un faux conseiller convainquait ensuite les victimes de valider des virements « pour sécuriser leur compte ».\n\n« Ne communiquez jamais vos codes par téléphone », a rappelé la commissaire Claire Dubois.\n",
        );
        let quotes: Vec<&str> = b.quotes.iter().map(|q| q.text.as_str()).collect();
        // A few words in running prose attributed to nobody are still a quote (the European
        // Parliament's "support 'for legitimate interim president Juan Guaidó'").
        assert_eq!(
            quotes,
            [
                "pour sécuriser leur compte",
                "Ne communiquez jamais vos codes par téléphone"
            ]
        );
    }

    #[test]
    fn a_quote_right_after_an_article_is_a_name() {
        let b = import(
            "Ministers agree on new rules for ports\n\nBrussels, 19 October 2022 – The new rules are part of the \u{201c}Fit for 55 in 2030 package\u{201d}, the EU's plan to reduce emissions. They also cover \u{201c}the prevention of attacks on the institutions of the Republic\u{201d}.\n\n\u{201c}This is by far the most ambitious pathway we have ever agreed,\u{201d} said rapporteur Jane Miller.\n",
        );
        let quotes: Vec<&str> = b.quotes.iter().map(|q| q.text.as_str()).collect();
        // The quote after "cover" is a term all the same (no speaker, more than six words, not
        // in title case): only the article tells names apart.
        assert_eq!(
            quotes,
            [
                "the prevention of attacks on the institutions of the Republic",
                "This is by far the most ambitious pathway we have ever agreed"
            ]
        );
    }

    #[test]
    fn markdown_links_of_two_words_are_links() {
        let b = import(
            "# Cyber Centre issues an advisory\n\nOTTAWA, 12 March 2024 – The Cyber Centre and its partners issued a joint advisory on a ransomware group that targets hospitals and energy companies.\n\nOrganizations affected by ransomware are encouraged to report the incident to the Cyber Centre and to their local police.\n\n## Associated links\n\n- [Joint advisory on ransomware](https://www.cyber.gc.ca/en/advisory)\n- [Ransomware playbook](https://www.cyber.gc.ca/en/playbook)\n\n## Contacts\n\nMedia Relations\n",
        );
        let titles: Vec<&str> = b.links.iter().map(|l| l.title.as_str()).collect();
        assert_eq!(
            titles,
            ["Joint advisory on ransomware", "Ransomware playbook"]
        );
    }

    #[test]
    fn said_minister_surname_is_the_minister_of_the_lead() {
        let b = import(
            "Sweden and Colombia sign agreements\n\nStockholm, 12 March 2024 – Minister of Justice Anna Karlsson signed two agreements with Colombia on mutual legal assistance and extradition.\n\n\"These agreements close the gaps criminals use to escape justice,\" said Minister Karlsson.\n\n\"Cooperation against terrorism and organised crime needs rules both sides trust,\" she said.\n",
        );
        assert_eq!(speakers(&b), [vec!["Anna Karlsson"], vec!["Anna Karlsson"]]);
        let threats: Vec<&str> = b.threats.iter().map(|t| t.label.as_str()).collect();
        assert!(
            threats.contains(&"Terrorism") && threats.contains(&"Organised crime"),
            "{threats:?}"
        );
    }

    #[test]
    fn a_quote_paragraph_continues_the_previous_speaker() {
        let b = import(
            "Police dismantle network\n\nLondon, 5 June 2024 – Police arrested twelve people.\n\n\"This network exploited children,\" said Detective Superintendent Jamie Daniels.\n\n\"We will find everyone who profited from it.\"\n",
        );
        assert_eq!(speakers(&b), [vec!["Jamie Daniels"], vec!["Jamie Daniels"]]);
    }

    #[test]
    fn a_joint_statement_has_both_ministers() {
        let b = import(
            "Accord contre la cybercriminalité\n\nParis, le 12 mars 2024 – Le ministre de l'Intérieur, Gérald Darmanin, et le ministre de l'Intérieur tunisien, Khaled Nouri, ont signé un accord.\n\n« Nous partagerons nos renseignements sans délai », soulignent les deux ministres.\n",
        );
        assert_eq!(speakers(&b), [vec!["Gérald Darmanin", "Khaled Nouri"]]);
    }

    #[test]
    fn a_pronoun_never_goes_to_a_person_of_the_other_gender() {
        let b = import(
            "Accord douanes-police\n\nParis, le 3 février 2021 – La directrice générale des douanes, Florence Martin, et le directeur général de la police nationale, Paul Durand, ont signé un accord. « Nous partagerons nos données », a-t-elle déclaré.\n",
        );
        assert_eq!(speakers(&b), [vec!["Florence Martin"]]);
    }

    #[rstest::rstest]
    #[case::acronym_role(
        "Joint statement on ransomware\n\nOttawa, 14 February 2024 – Sami Khoury, Head of the Canadian Centre for Cyber Security (CCCS), said the advisory was urgent for every hospital in the country.\n",
        "Sami Khoury"
    )]
    #[case::dutch_particles(
        "Botnet taken down\n\nThe Hague, 30 May 2024 – Europol spokesperson Jan Op Gen Oorth said the operation was the largest of its kind against botnets.\n",
        "Jan Op Gen Oorth"
    )]
    #[case::lowercase_particle(
        "Rapport annuel de fedpol\n\nBerne, le 24 mai 2023 – La directrice de l'Office fédéral de la police (fedpol), Nicoletta della Valle, a présenté le rapport annuel sur la criminalité organisée.\n",
        "Nicoletta della Valle"
    )]
    fn names_with_particles_and_roles_with_acronyms_stay_whole(
        #[case] text: &str,
        #[case] name: &str,
    ) {
        let b = import(text);
        let people: Vec<&str> = b.people().map(|(_, p)| p.name.as_str()).collect();
        assert_eq!(people, [name]);
    }

    #[rstest::rstest]
    #[case::published(
        "Agencies act\n\nPublished on 03 Feb 2021\n\nThe agencies acted together against fraud today in five countries.\n",
        "2021-02-03"
    )]
    #[case::glued(
        "Agencies act\n\nNewsroom2021-02-03 09:12:44\n\nThe agencies acted together against fraud today in five countries.\n",
        "2021-02-03"
    )]
    #[case::range(
        "Agencies meet\n\nVIENNA, 8-9 JUNE 2023 – The agencies met to discuss migrant smuggling and its routes.\n",
        "2023-06-08"
    )]
    fn dates_are_found_in_metadata_timestamps_and_ranges(#[case] text: &str, #[case] date: &str) {
        assert_eq!(
            import(text).date.map(|d| d.to_string()).as_deref(),
            Some(date)
        );
    }

    #[test]
    fn the_summary_is_the_lead_not_page_clutter() {
        let b = import(
            "Europol dismantles a botnet\n\nContent type: Press release\n\nShare\n\nFor more information\n\nThe Hague, 30 May 2024 – Europol and Eurojust supported an operation that took down a botnet used for phishing and ransomware.\n\nThe network was used for phishing campaigns and to recruit money mules.\n",
        );
        assert!(
            b.summary[0].starts_with("Europol and Eurojust supported"),
            "{:?}",
            b.summary
        );
        let threats: Vec<Option<&str>> = b.threats.iter().map(|t| t.category.as_deref()).collect();
        for want in ["phishing", "ransomware", "money-mules"] {
            assert!(threats.contains(&Some(want)), "{want}: {threats:?}");
        }
    }

    #[test]
    fn fragments_of_agency_pages_are_no_items() {
        let b = import(
            "Operation results\n\nThe Hague, 30 May 2024 – Police in 20 countries took part.\n\nBlocked: 1,200 websites.\n\nOn a daily basis, analysts reviewed the reports.\n\nWith over 500 000 accounts frozen, the operation ended.\n",
        );
        let labels: Vec<&str> = b
            .cooperation_areas
            .iter()
            .map(|a| a.label.as_str())
            .chain(b.threats.iter().map(|t| t.label.as_str()))
            .collect();
        for junk in [
            "Blocked",
            "On a daily basis",
            "With over 500 000 accounts frozen",
        ] {
            assert!(
                !labels.iter().any(|l| l.contains(junk)),
                "{junk}: {labels:?}"
            );
        }
    }
}

mod fixtures {
    use super::*;

    use crate::support::score;

    fn fixture_dir() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import")
    }

    /// The test set the issue asks for: at least 60 releases from at least 15 publishers, at
    /// least 40% French.
    #[test]
    fn the_fixtures_are_many_varied_and_bilingual() {
        let all = score::fixtures(&fixture_dir());
        assert!(all.len() >= 60, "{} fixtures", all.len());
        let mut publishers: Vec<&str> = all.iter().map(|f| f.publisher.as_str()).collect();
        publishers.sort_unstable();
        publishers.dedup();
        assert!(publishers.len() >= 15, "{publishers:?}");
        let french = all.iter().filter(|f| f.lang == Lang::Fr).count();
        assert!(french * 10 >= all.len() * 4, "{french} of {}", all.len());
        for f in &all {
            assert!(
                !f.publisher.is_empty() && !f.kind.is_empty(),
                "{}: header",
                f.name()
            );
        }
    }

    #[test]
    fn expected_briefings_pass_check_and_releases_import_in_their_language() {
        for f in score::fixtures(&fixture_dir()) {
            files::load_briefing(&f.expected.to_string_lossy()).unwrap();
            let text = std::fs::read_to_string(&f.release).unwrap();
            let imported = import_release(&text, &f.name(), None).unwrap();
            assert_eq!(
                imported.briefing.lang.as_deref(),
                Some(f.lang.tag()),
                "{}",
                f.name()
            );
            round_trips(&imported);
        }
    }

    /// The score over every fixture stays at or above its floor in `floors.toml`; a score well
    /// above its floor asks for the floor to be raised, so floors only rise.
    #[test]
    fn import_score_holds_its_floors() {
        if let Some(problems) = score::floor_problems(&fixture_dir()) {
            panic!("{problems}");
        }
    }
}

/// Real public releases, verbatim (`tests/fixtures/real/SOURCES.md`), scored like the fixtures:
/// the measure of how the importer does on text written by others.
mod real {
    use std::path::{Path, PathBuf};

    use briefing::model::Lang;

    use crate::support::score;

    fn dir() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real")
    }

    /// Every release of the set is real, from many publishers, in both languages, and
    /// `SOURCES.md` says where each one comes from.
    #[test]
    fn the_real_releases_are_real_and_varied() {
        let all = score::fixtures(&dir());
        assert!(all.len() >= 25, "{} releases", all.len());
        let publishers: std::collections::BTreeSet<_> =
            all.iter().map(|f| f.publisher.as_str()).collect();
        assert!(publishers.len() >= 20, "{publishers:?}");
        let french = all.iter().filter(|f| f.lang == Lang::Fr).count();
        assert!(french * 100 >= all.len() * 40, "{french} of {}", all.len());
        let sources = std::fs::read_to_string(dir().join("SOURCES.md")).unwrap();
        for f in &all {
            assert_eq!(f.kind, "real", "{}", f.name());
            assert!(!f.publisher.is_empty(), "{}", f.name());
            let row = format!("| `{}.txt` |", f.name());
            assert!(sources.contains(&row), "{}: no row in SOURCES.md", f.name());
        }
    }

    /// The score over the real releases stays at or above its floor, and floors only rise.
    #[test]
    fn real_release_score_holds_its_floors() {
        if let Some(problems) = score::floor_problems(&dir()) {
            panic!("{problems}");
        }
    }
}

/// Every word the importer knows is data: its code names lexicon classes, never words.
mod no_words_in_code {
    use std::path::Path;

    /// String literals of `source` outside its `#[cfg(test)]` module, with their line.
    fn literals(source: &str) -> Vec<(usize, String)> {
        let code = source.split("#[cfg(test)]").next().unwrap_or(source);
        let mut out = Vec::new();
        for (n, line) in code.lines().enumerate() {
            let trimmed = line.trim_start();
            // Comments, attributes (a lint's reason) and assertions speak to programmers.
            if trimmed.starts_with("//")
                || trimmed.starts_with("#[")
                || trimmed.starts_with("reason =")
                || trimmed.contains("assert")
            {
                continue;
            }
            let mut rest = line;
            while let Some(start) = rest.find('"') {
                let after = &rest[start + 1..];
                let Some(end) = after.find('"') else { break };
                out.push((n + 1, after[..end].to_string()));
                rest = &after[end + 1..];
            }
        }
        out
    }

    /// True for a literal holding a word: three letters in a row, outside the `{…}` of a
    /// format string.
    fn has_word(literal: &str) -> bool {
        let mut run = 0;
        let mut depth = 0;
        for c in literal.chars() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                _ => {}
            }
            if depth == 0 && c.is_alphabetic() {
                run += 1;
                if run >= 3 {
                    return true;
                }
            } else {
                run = 0;
            }
        }
        false
    }

    #[test]
    fn import_code_quotes_no_word() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/import");
        let mut found = Vec::new();
        let mut stack = vec![root];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                if path.extension().is_none_or(|e| e != "rs") {
                    continue;
                }
                let source = std::fs::read_to_string(&path).unwrap();
                for (line, literal) in literals(&source) {
                    // Paths of the data files themselves are no words of a rule, nor are
                    // those of the JSON and Rust copies build.rs writes of them into `OUT_DIR`.
                    let is_data_path = literal.ends_with(".toml")
                        || literal.ends_with(".json")
                        || (literal.starts_with('/') && literal.ends_with(".rs"))
                        || literal == "OUT_DIR";
                    if has_word(&literal) && !is_data_path {
                        found.push(format!("{}:{line}: \"{literal}\"", path.display()));
                    }
                }
            }
        }
        assert!(
            found.is_empty(),
            "words in import code (move them to a lexicon):\n{}",
            found.join("\n")
        );
    }

    #[test]
    fn the_check_sees_a_word() {
        assert!(has_word("said"));
        assert!(!has_word("- "));
        assert_eq!(
            literals("let a = \"said\";\n#[cfg(test)]\nlet b = \"x\";"),
            [(1, "said".to_string())]
        );
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
            imported.briefing.quotes[0].speaker.first(),
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
    fn one_megabyte_line_without_newline_imports() {
        // Linear time is measured in `benches/import.rs`; here, bounded output.
        let mut text = String::with_capacity(1024 * 1024 + 64);
        let chunk = "The agencies cooperate on fraud, and « a quote that goes on ";
        while text.len() < 1024 * 1024 {
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
        // About 1 MB: the seed's body repeated, then its links.
        let seed = model::BUNDLED_RELEASE;
        let body_start = seed[..seed.find("Le besoin").unwrap()].rfind('«').unwrap();
        let links_start = seed.find("Plus d'informations").unwrap();
        let body = &seed[body_start..links_start];
        let mut text = seed[..body_start].to_string();
        let copies = 1024 * 1024 / body.len();
        for _ in 0..copies {
            text.push_str(body);
        }
        text.push_str(&seed[links_start..]);
        let imported = import_release(&text, "big.txt", None).unwrap();
        let b = &imported.briefing;
        assert_eq!(b.quotes.len(), 5 * copies);
        assert!(b.quotes.iter().all(|q| !q.speaker.is_empty()));
        assert_eq!(b.threats.iter().filter(|t| t.emerging).count(), 6);
        assert_eq!(b.links.len(), 3);
        assert_eq!(b.parties.len(), 2);
    }

    #[test]
    fn many_opening_marks_stay_linear_and_give_no_quote() {
        let text = format!("Title\n\n{}", "« “ „ ‹ \" ".repeat(50_000));
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
