//! The import scorer: imports each fixture release, compares the briefing with the expected one
//! written by reading the release, and counts, per field, what was found (true positives),
//! what was wrongly added (false positives) and what was missed (false negatives). Shared by
//! the `import_score` test (which holds the floors) and `examples/import_score.rs` (which prints
//! the table). The matching rules are those of `tests/fixtures/import/GUIDE.md`.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use briefing::model::{Briefing, Format, Lang, parse_briefing};
use unicode_normalization::UnicodeNormalization;

/// The scored fields, in the order of the table.
pub const FIELDS: [&str; 10] = [
    "quotes", "speakers", "people", "parties", "areas", "threats", "dates", "links", "summary",
    "title",
];

/// Counts for one field.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Found.
    pub tp: usize,
    /// Added wrongly.
    pub fp: usize,
    /// Missed.
    pub miss: usize,
}

impl Tally {
    /// Found / found or added; 1 when nothing was given.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    /// Found / found or missed; 1 when nothing was expected.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.miss)
    }

    /// The harmonic mean of both.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    fn add(&mut self, other: Tally) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.miss += other.miss;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// Counts per field, and the misses worth showing.
#[derive(Debug, Clone, Default)]
pub struct Score {
    /// Counts by field name.
    pub fields: BTreeMap<&'static str, Tally>,
    /// Quotes whose expected speaker was given right, and all those with an expected speaker
    /// that were found.
    pub speaker_right: usize,
    /// See `speaker_right`.
    pub speaker_total: usize,
    /// What went wrong, one line each.
    pub notes: Vec<String>,
}

impl Score {
    fn tally(&mut self, field: &'static str) -> &mut Tally {
        self.fields.entry(field).or_default()
    }

    /// Adds another fixture's counts.
    pub fn add(&mut self, other: &Score) {
        for (field, tally) in &other.fields {
            self.tally(field).add(*tally);
        }
        self.speaker_right += other.speaker_right;
        self.speaker_total += other.speaker_total;
    }

    /// Speaker accuracy: right speakers among found quotes that have one.
    pub fn speaker_accuracy(&self) -> f64 {
        ratio(self.speaker_right, self.speaker_total)
    }

    /// The table: field, precision, recall, F1 and counts.
    pub fn table(&self) -> String {
        let mut out = format!(
            "{:<10} {:>9} {:>7} {:>6} {:>6} {:>6} {:>6}\n",
            "field", "precision", "recall", "F1", "found", "added", "missed"
        );
        for field in FIELDS {
            let t = self.fields.get(field).copied().unwrap_or_default();
            out.push_str(&format!(
                "{field:<10} {:>9.3} {:>7.3} {:>6.3} {:>6} {:>6} {:>6}\n",
                t.precision(),
                t.recall(),
                t.f1(),
                t.tp,
                t.fp,
                t.miss
            ));
        }
        out.push_str(&format!(
            "speaker accuracy {:.3} ({} of {} found quotes with a speaker)\n",
            self.speaker_accuracy(),
            self.speaker_right,
            self.speaker_total
        ));
        out
    }
}

/// Lowercase words, accents and punctuation dropped.
pub fn words(text: &str) -> Vec<String> {
    let folded: String = text
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    folded.split_whitespace().map(str::to_string).collect()
}

fn key(text: &str) -> String {
    words(text).join(" ")
}

/// Shared words over the larger of the two word sets.
fn overlap(a: &str, b: &str) -> f64 {
    let (wa, wb) = (words(a), words(b));
    let (sa, sb): (std::collections::BTreeSet<_>, std::collections::BTreeSet<_>) =
        (wa.iter().collect(), wb.iter().collect());
    let shared = sa.intersection(&sb).count();
    ratio(shared, sa.len().max(sb.len()))
}

/// One text contains the other, word for word.
fn contains(a: &str, b: &str) -> bool {
    let (ka, kb) = (format!(" {} ", key(a)), format!(" {} ", key(b)));
    !ka.trim().is_empty() && !kb.trim().is_empty() && (ka.contains(&kb) || kb.contains(&ka))
}

/// Pairs expected items with found ones, one to one, best scores first; `pair` scores a pair
/// (none: no match).
fn pairs<E, G>(
    expected: &[E],
    got: &[G],
    pair: impl Fn(&E, &G) -> Option<f64>,
) -> Vec<(usize, usize)> {
    let mut all = Vec::new();
    for (i, e) in expected.iter().enumerate() {
        for (j, g) in got.iter().enumerate() {
            if let Some(s) = pair(e, g) {
                all.push((s, i, j));
            }
        }
    }
    all.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let (mut used_e, mut used_g) = (vec![false; expected.len()], vec![false; got.len()]);
    let mut out = Vec::new();
    for (_, i, j) in all {
        if !used_e[i] && !used_g[j] {
            used_e[i] = true;
            used_g[j] = true;
            out.push((i, j));
        }
    }
    out
}

fn count(expected: usize, got: usize, matched: usize) -> Tally {
    Tally {
        tp: matched,
        fp: got - matched,
        miss: expected - matched,
    }
}

fn quote_pair(e: &str, g: &str) -> Option<f64> {
    if contains(e, g) {
        Some(1.0 + overlap(e, g))
    } else {
        let o = overlap(e, g);
        (o >= 0.7).then_some(o)
    }
}

fn speaker_set(names: &briefing::model::Speakers) -> Vec<String> {
    let mut out: Vec<String> = names.names().map(key).collect();
    out.sort();
    out
}

/// A label pair's score: the same words, one inside the other, the same category, or most
/// words shared.
fn item_pair(e: (&str, Option<&str>), g: (&str, Option<&str>)) -> Option<f64> {
    if key(e.0) == key(g.0) {
        return Some(4.0);
    }
    if contains(e.0, g.0) {
        return Some(3.0);
    }
    if e.1.is_some() && e.1 == g.1 {
        return Some(2.0 + overlap(e.0, g.0));
    }
    let o = overlap(e.0, g.0);
    (o >= 0.5).then_some(1.0 + o)
}

/// The parties, less the one that gathers people of no party ("Other speakers").
fn parties(b: &Briefing) -> Vec<&briefing::model::Party> {
    const NO_PARTY: [&str; 2] = ["Other speakers", "Autres intervenants"];
    b.parties
        .iter()
        .filter(|p| !NO_PARTY.contains(&p.name.as_str()))
        .collect()
}

/// A party pair's score: by its short or full name, the same words, one inside the other, or
/// most words shared.
fn party_pair(e: &briefing::model::Party, g: &briefing::model::Party) -> Option<f64> {
    let names = |p: &briefing::model::Party| {
        std::iter::once(p.name.clone())
            .chain(p.full_name.clone())
            .collect::<Vec<_>>()
    };
    let mut best: Option<f64> = None;
    for a in names(e) {
        for b in names(g) {
            let score = if key(&a) == key(&b) {
                Some(3.0)
            } else if contains(&a, &b) {
                Some(2.0)
            } else {
                let o = overlap(&a, &b);
                (o >= 0.5).then_some(1.0 + o)
            };
            best = match (best, score) {
                (Some(b), Some(s)) => Some(b.max(s)),
                (b, s) => b.or(s),
            };
        }
    }
    best
}

/// People who are parties speaking for themselves are not counted as people.
fn people(b: &Briefing) -> Vec<String> {
    b.people()
        .filter(|(party, person)| person.name != party.name)
        .map(|(_, person)| person.name.clone())
        .collect()
}

/// Quotes, and speakers on the quotes found.
fn score_quotes(s: &mut Score, expected: &Briefing, got: &Briefing, name: &str) {
    let qp = pairs(&expected.quotes, &got.quotes, |e, g| {
        quote_pair(&e.text, &g.text)
    });
    *s.tally("quotes") = count(expected.quotes.len(), got.quotes.len(), qp.len());
    let mut speakers = Tally::default();
    let matched_e: Vec<usize> = qp.iter().map(|(i, _)| *i).collect();
    let matched_g: Vec<usize> = qp.iter().map(|(_, j)| *j).collect();
    for (i, j) in &qp {
        let (e, g) = (&expected.quotes[*i], &got.quotes[*j]);
        let (se, sg) = (speaker_set(&e.speaker), speaker_set(&g.speaker));
        match (se.is_empty(), sg.is_empty()) {
            (false, false) if se == sg => speakers.tp += 1,
            (false, false) => {
                speakers.fp += 1;
                speakers.miss += 1;
                s.notes.push(format!(
                    "{name}: speaker of '{}': expected {se:?}, got {sg:?}",
                    short(&e.text)
                ));
            }
            (false, true) => {
                speakers.miss += 1;
                s.notes.push(format!(
                    "{name}: no speaker for '{}' (expected {se:?})",
                    short(&e.text)
                ));
            }
            (true, false) => {
                speakers.fp += 1;
                s.notes.push(format!(
                    "{name}: speaker {sg:?} for '{}', expected none",
                    short(&e.text)
                ));
            }
            (true, true) => {}
        }
        if !se.is_empty() {
            s.speaker_total += 1;
            s.speaker_right += usize::from(se == sg);
        }
    }
    for (i, e) in expected.quotes.iter().enumerate() {
        if !matched_e.contains(&i) {
            speakers.miss += usize::from(!e.speaker.is_empty());
            s.notes
                .push(format!("{name}: missed quote '{}'", short(&e.text)));
        }
    }
    for (j, g) in got.quotes.iter().enumerate() {
        if !matched_g.contains(&j) {
            speakers.fp += usize::from(!g.speaker.is_empty());
            s.notes
                .push(format!("{name}: extra quote '{}'", short(&g.text)));
        }
    }
    *s.tally("speakers") = speakers;
}

/// Scores one imported briefing against its expected one.
pub fn score(expected: &Briefing, got: &Briefing, name: &str) -> Score {
    let mut s = Score::default();
    score_quotes(&mut s, expected, got, name);
    // People by name.
    let (pe, pg) = (people(expected), people(got));
    let pp = pairs(&pe, &pg, |e, g| (key(e) == key(g)).then_some(1.0));
    *s.tally("people") = count(pe.len(), pg.len(), pp.len());
    note_unmatched(&mut s, name, "person", &pe, &pg, &pp, |x| x.clone());
    // Parties by either of their names.
    let (fe, fg) = (parties(expected), parties(got));
    let fp = pairs(&fe, &fg, |e, g| party_pair(e, g));
    *s.tally("parties") = count(fe.len(), fg.len(), fp.len());
    note_unmatched(&mut s, name, "party", &fe, &fg, &fp, |p| p.name.clone());
    // Threats and areas.
    let ap = pairs(
        &expected.cooperation_areas,
        &got.cooperation_areas,
        |e, g| {
            item_pair(
                (&e.label, e.category.as_deref()),
                (&g.label, g.category.as_deref()),
            )
        },
    );
    *s.tally("areas") = count(
        expected.cooperation_areas.len(),
        got.cooperation_areas.len(),
        ap.len(),
    );
    note_unmatched(
        &mut s,
        name,
        "area",
        &expected.cooperation_areas,
        &got.cooperation_areas,
        &ap,
        |a| a.label.clone(),
    );
    let tp = pairs(&expected.threats, &got.threats, |e, g| {
        item_pair(
            (&e.label, e.category.as_deref()),
            (&g.label, g.category.as_deref()),
        )
    });
    *s.tally("threats") = count(expected.threats.len(), got.threats.len(), tp.len());
    note_unmatched(
        &mut s,
        name,
        "threat",
        &expected.threats,
        &got.threats,
        &tp,
        |t| t.label.clone(),
    );
    // The date.
    let dates = s.tally("dates");
    match (expected.date, got.date) {
        (Some(e), Some(g)) if e == g => dates.tp += 1,
        (Some(_), Some(_)) => {
            dates.fp += 1;
            dates.miss += 1;
        }
        (Some(_), None) => dates.miss += 1,
        (None, Some(_)) => dates.fp += 1,
        (None, None) => {}
    }
    if expected.date != got.date {
        s.notes.push(format!(
            "{name}: date expected {:?}, got {:?}",
            expected.date.map(|d| d.to_string()),
            got.date.map(|d| d.to_string())
        ));
    }
    // Links by title, and address when the expected link has one.
    let lp = pairs(&expected.links, &got.links, |e, g| {
        let title = key(&e.title) == key(&g.title) || contains(&e.title, &g.title);
        let url = e.url.is_none() || e.url == g.url;
        (title && url).then_some(1.0)
    });
    *s.tally("links") = count(expected.links.len(), got.links.len(), lp.len());
    note_unmatched(
        &mut s,
        name,
        "link",
        &expected.links,
        &got.links,
        &lp,
        |l| l.title.clone(),
    );
    // The summary's first paragraph.
    let summary = s.tally("summary");
    match (expected.summary.first(), got.summary.first()) {
        (Some(e), Some(g)) if overlap(e, g) >= 0.6 => summary.tp += 1,
        (Some(_), Some(g)) => {
            summary.fp += 1;
            summary.miss += 1;
            let g = short(g);
            s.notes.push(format!("{name}: summary is '{g}'"));
        }
        (Some(_), None) => summary.miss += 1,
        (None, Some(_)) => summary.fp += 1,
        (None, None) => {}
    }
    // The title: the same words, or nearly (a title cut to its first line).
    let title = s.tally("title");
    let (e, g) = (expected.title.as_str(), got.title.as_str());
    match (e.trim().is_empty(), g.trim().is_empty()) {
        (false, false) if key(e) == key(g) || overlap(e, g) >= 0.8 => title.tp += 1,
        (false, false) => {
            title.fp += 1;
            title.miss += 1;
            let g = short(g);
            s.notes.push(format!("{name}: title is '{g}'"));
        }
        (false, true) => title.miss += 1,
        (true, false) => title.fp += 1,
        (true, true) => {}
    }
    s
}

fn note_unmatched<E, G>(
    s: &mut Score,
    name: &str,
    what: &str,
    expected: &[E],
    got: &[G],
    matched: &[(usize, usize)],
    label: impl Fn(&E) -> String + Copy,
) where
    G: Labelled,
{
    for (i, e) in expected.iter().enumerate() {
        if !matched.iter().any(|(a, _)| *a == i) {
            s.notes
                .push(format!("{name}: missed {what} '{}'", label(e)));
        }
    }
    for (j, g) in got.iter().enumerate() {
        if !matched.iter().any(|(_, b)| *b == j) {
            s.notes
                .push(format!("{name}: extra {what} '{}'", g.label()));
        }
    }
}

/// Something with a label to show in notes.
pub trait Labelled {
    /// The label.
    fn label(&self) -> String;
}

impl Labelled for String {
    fn label(&self) -> String {
        self.clone()
    }
}
impl Labelled for &briefing::model::Party {
    fn label(&self) -> String {
        self.name.clone()
    }
}

impl Labelled for briefing::model::Area {
    fn label(&self) -> String {
        format!(
            "{} [{}]",
            self.label,
            self.category.as_deref().unwrap_or("-")
        )
    }
}
impl Labelled for briefing::model::Threat {
    fn label(&self) -> String {
        format!(
            "{} [{}]",
            self.label,
            self.category.as_deref().unwrap_or("-")
        )
    }
}
impl Labelled for briefing::model::Link {
    fn label(&self) -> String {
        self.title.clone()
    }
}

fn short(text: &str) -> String {
    let cut: String = text.chars().take(60).collect();
    if cut.len() < text.len() {
        format!("{cut}…")
    } else {
        cut
    }
}

/// A release with its expected briefing.
#[derive(Debug, Clone)]
pub struct Fixture {
    /// The release file.
    pub release: PathBuf,
    /// Its expected briefing.
    pub expected: PathBuf,
    /// Who published it (the header's `publisher`).
    pub publisher: String,
    /// `real` or `probe`.
    pub kind: String,
    /// The language, from the file name.
    pub lang: Lang,
}

impl Fixture {
    /// The file name without its extension.
    pub fn name(&self) -> String {
        self.release
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .to_string()
    }
}

fn header(text: &str, field: &str) -> String {
    text.lines()
        .take_while(|l| l.starts_with('#') || l.trim().is_empty())
        .find_map(|l| l.strip_prefix(&format!("# {field}:")))
        .map(|v| v.trim().to_string())
        .unwrap_or_default()
}

/// Every release of `dir` (`.txt`, `.md`, `.html`, `.htm`, `.pdf`) with an `.expected.toml` beside it, sorted.
pub fn fixtures(dir: &Path) -> Vec<Fixture> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for entry in entries {
        let path = entry.unwrap().path();
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_string())
            .unwrap_or_default();
        if !["txt", "md", "html", "htm", "pdf"].contains(&ext.as_str()) {
            continue;
        }
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        let expected = path.with_file_name(format!("{stem}.expected.toml"));
        let Ok(text) = std::fs::read_to_string(&expected) else {
            continue;
        };
        let lang = if stem.starts_with("fr_") {
            Lang::Fr
        } else {
            Lang::En
        };
        out.push(Fixture {
            release: path,
            expected,
            publisher: header(&text, "publisher"),
            kind: header(&text, "kind"),
            lang,
        });
    }
    out.sort_by(|a, b| a.release.cmp(&b.release));
    out
}

/// Imports a fixture and scores it; the expected file must be a valid briefing.
pub fn score_fixture(fixture: &Fixture) -> Score {
    let name = fixture.name();
    let release = std::fs::read(&fixture.release).unwrap();
    let expected_text = std::fs::read_to_string(&fixture.expected).unwrap();
    let expected = parse_briefing(
        &expected_text,
        &fixture.expected.to_string_lossy(),
        Format::Toml,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let source = briefing::import::Source::of_path(&fixture.release.to_string_lossy())
        .unwrap_or(briefing::import::Source::Text);
    let got = briefing::import::import_bytes(&release, source, &name, None)
        .unwrap_or_else(|e| panic!("{e}"))
        .briefing;
    score(&expected, &got, &name)
}

/// Scores every fixture of `dir`: the total, and each fixture's score.
pub fn score_dir(dir: &Path) -> (Score, Vec<(String, Score)>) {
    let mut total = Score::default();
    let mut each = Vec::new();
    for fixture in fixtures(dir) {
        let s = score_fixture(&fixture);
        total.add(&s);
        each.push((fixture.name(), s));
    }
    (total, each)
}

/// How far a score may rise above its floor before the floor must follow (floors only rise).
pub const RATCHET: f64 = 0.02;

/// Scores every fixture of `dir` against the floors in its `floors.toml`: each figure below
/// its floor, or more than [`RATCHET`] above it (the floor must rise), is a problem. None: all
/// hold. The total's table comes with the problems.
pub fn floor_problems(dir: &Path) -> Option<String> {
    let (total, _) = score_dir(dir);
    let text = std::fs::read_to_string(dir.join("floors.toml")).unwrap();
    let floors: toml::Table = toml::from_str(&text).unwrap();
    let mut problems = Vec::new();
    for field in FIELDS {
        let tally = total.fields.get(field).copied().unwrap_or_default();
        let got = [
            ("precision", tally.precision()),
            ("recall", tally.recall()),
            ("f1", tally.f1()),
        ];
        let floor = floors.get(field).and_then(|v| v.as_table());
        for (measure, value) in got {
            let Some(min) = floor
                .and_then(|f| f.get(measure))
                .and_then(toml::Value::as_float)
            else {
                problems.push(format!("{field}.{measure}: no floor (score {value:.3})"));
                continue;
            };
            if value + 1e-9 < min {
                problems.push(format!(
                    "{field}.{measure}: {value:.3} is below its floor {min:.3}"
                ));
            } else if value > min + RATCHET {
                problems.push(format!(
                    "{field}.{measure}: {value:.3} is well above its floor {min:.3}: raise the floor"
                ));
            }
        }
    }
    (!problems.is_empty()).then(|| format!("{}\n\n{}", problems.join("\n"), total.table()))
}
