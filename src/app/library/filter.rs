//! The library's filter line: what is typed (`ransomware by:europol cat:cybercrime lang:en
//! from:2024 to:2024-06`), parsed into a [`Filter`], and which briefings it keeps. Terms of one
//! kind must all hold; plain words are searched as one phrase across every briefing's text.
//! Also the facets: the categories, parties and people of the briefings kept, with counts.
//! No I/O here.

use std::collections::HashMap;

use crate::app::library::entry::{Entry, Summary};
use crate::app::text::fold_text;
use crate::model::Date;

/// A parsed filter line. Names and text are folded (case and accents ignored).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filter {
    /// The plain words, as one phrase.
    pub text: String,
    /// `by:` terms: each must be in a party's or a person's name.
    pub by: Vec<String>,
    /// `cat:` terms: each must be in one of the categories' ids.
    pub category: Vec<String>,
    /// `lang:`: the language tag must start with it.
    pub lang: Option<String>,
    /// `from:`: on or after this day.
    pub from: Option<Date>,
    /// `to:`: on or before this day.
    pub to: Option<Date>,
    /// Terms that could not be read (a bad date), to say so in the filter line.
    pub invalid: Vec<String>,
}

/// Keywords of the filter line, for the help text and completion.
pub const KEYWORDS: [&str; 5] = ["by:", "cat:", "lang:", "from:", "to:"];

impl Filter {
    /// Parses a filter line. A value with spaces is written in double quotes
    /// (`by:"Ghada Waly"`); `_` also stands for a space.
    pub fn parse(line: &str) -> Filter {
        let mut f = Filter::default();
        let mut words = Vec::new();
        for term in split_terms(line) {
            let (key, value) = match term.split_once(':') {
                Some((k, v)) if KEYWORDS.contains(&format!("{k}:").as_str()) => (k, v),
                _ => {
                    words.push(term);
                    continue;
                }
            };
            let value = value.trim_matches('"').replace('_', " ");
            if value.is_empty() {
                continue;
            }
            match key {
                "by" => f.by.push(fold_text(&value)),
                "cat" => f.category.push(fold_text(&value)),
                "lang" => f.lang = Some(fold_text(&value)),
                "from" => match parse_day(&value, false) {
                    Some(d) => f.from = Some(d),
                    None => f.invalid.push(term.clone()),
                },
                _ => match parse_day(&value, true) {
                    Some(d) => f.to = Some(d),
                    None => f.invalid.push(term.clone()),
                },
            }
        }
        f.text = fold_text(&words.join(" "));
        f
    }

    /// True when everything this filter keeps, `wider` keeps too, as far as its text can
    /// tell: the same terms, and a phrase that holds `wider`'s (not empty: an empty phrase
    /// keeps the files that do not load only with no other term).
    pub fn narrows(&self, wider: &Filter) -> bool {
        !wider.text.is_empty()
            && self.text.contains(wider.text.as_str())
            && self.by == wider.by
            && self.category == wider.category
            && self.lang == wider.lang
            && self.from == wider.from
            && self.to == wider.to
    }

    /// True when the filter keeps everything.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
            && self.by.is_empty()
            && self.category.is_empty()
            && self.lang.is_none()
            && self.from.is_none()
            && self.to.is_none()
    }

    /// True when the filter keeps `entry`. A file that does not load is kept only by an
    /// empty filter or by text found in its path, so that its problem is never hidden for
    /// long but does not crowd a search.
    pub fn keeps(&self, entry: &Entry) -> bool {
        match &entry.loaded {
            Ok(s) => self.keeps_summary(s),
            Err(_) => {
                self.is_empty()
                    || (!self.text.is_empty()
                        && self.by.is_empty()
                        && self.category.is_empty()
                        && fold_text(&entry.path).contains(&self.text))
            }
        }
    }

    fn keeps_summary(&self, s: &Summary) -> bool {
        let names_have = |term: &String| {
            s.parties
                .iter()
                .chain(&s.people)
                .any(|n| fold_text(n).contains(term.as_str()))
        };
        let date_ok = match (s.date(), self.from, self.to) {
            (None, None, None) => true,
            (None, _, _) => false,
            (Some(d), from, to) => from.is_none_or(|f| d >= f) && to.is_none_or(|t| d <= t),
        };
        date_ok
            && self
                .lang
                .as_ref()
                .is_none_or(|l| fold_text(s.lang()).starts_with(l.as_str()))
            && self.by.iter().all(names_have)
            && self.category.iter().all(|c| {
                s.categories
                    .iter()
                    .any(|x| fold_text(x).contains(c.as_str()))
            })
            && s.contains(&self.text)
    }
}

/// The terms of a filter line: words separated by spaces, a double-quoted part kept whole.
fn split_terms(line: &str) -> Vec<String> {
    let mut terms = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                cur.push(c);
            }
            c if c.is_whitespace() && !quoted => {
                if !cur.is_empty() {
                    terms.push(std::mem::take(&mut cur));
                }
            }
            c => cur.push(c),
        }
    }
    if !cur.is_empty() {
        terms.push(cur);
    }
    terms
}

/// `2024`, `2024-06` or `2024-06-30`: the first day of that span, or with `end` its last.
fn parse_day(text: &str, end: bool) -> Option<Date> {
    let parts: Vec<&str> = text.split('-').collect();
    let num = |i: usize| parts.get(i).and_then(|p| p.parse::<i16>().ok());
    let year = num(0).filter(|_| parts.first().is_some_and(|p| p.len() == 4))?;
    match parts.len() {
        1 => Date::new(year, if end { 12 } else { 1 }, if end { 31 } else { 1 }),
        2 => {
            let month = i8::try_from(num(1)?).ok()?;
            if end {
                (28..=31).rev().find_map(|d| Date::new(year, month, d))
            } else {
                Date::new(year, month, 1)
            }
        }
        3 => Date::parse_iso(text),
        _ => None,
    }
}

/// Which list a facet comes from, and the filter keyword that selects it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FacetKind {
    /// A threat's or area's category.
    Category,
    /// A party.
    Party,
    /// A person.
    Person,
}

impl FacetKind {
    /// The filter keyword that selects a facet of this kind.
    pub fn keyword(self) -> &'static str {
        match self {
            FacetKind::Category => "cat:",
            FacetKind::Party | FacetKind::Person => "by:",
        }
    }
}

/// One line of the facet panel: a category, party or person and how many of the kept
/// briefings name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facet {
    /// Its list.
    pub kind: FacetKind,
    /// Its name (a category's id).
    pub name: String,
    /// Briefings kept that name it.
    pub count: usize,
}

/// The most facets of each kind the panel lists.
pub const MAX_FACETS: usize = 200;

/// The facets of the kept entries: by kind, then most frequent first, then by name.
pub fn facets<'a>(kept: impl Iterator<Item = &'a Entry>) -> Vec<Facet> {
    let mut counts: HashMap<(FacetKind, &str), usize> = HashMap::new();
    for s in kept.filter_map(Entry::summary) {
        let mut seen = std::collections::HashSet::new();
        let named = s
            .categories
            .iter()
            .map(|c| (FacetKind::Category, c.as_str()))
            .chain(s.parties.iter().map(|p| (FacetKind::Party, p.as_str())))
            .chain(s.people.iter().map(|p| (FacetKind::Person, p.as_str())));
        for key in named {
            if seen.insert(key) {
                *counts.entry(key).or_default() += 1;
            }
        }
    }
    let mut all: Vec<Facet> = counts
        .into_iter()
        .map(|((kind, name), count)| Facet {
            kind,
            name: name.to_string(),
            count,
        })
        .collect();
    all.sort_by(|a, b| {
        (a.kind, std::cmp::Reverse(a.count), &a.name).cmp(&(
            b.kind,
            std::cmp::Reverse(b.count),
            &b.name,
        ))
    });
    let mut per_kind: HashMap<FacetKind, usize> = HashMap::new();
    all.retain(|f| {
        let n = per_kind.entry(f.kind).or_default();
        *n += 1;
        *n <= MAX_FACETS
    });
    all
}

/// The filter line with the facet added as a term (quoted when its name has spaces).
pub fn with_facet(line: &str, facet: &Facet) -> String {
    let value = if facet.name.contains(char::is_whitespace) {
        format!("\"{}\"", facet.name)
    } else {
        facet.name.clone()
    };
    let term = format!("{}{value}", facet.kind.keyword());
    if split_terms(line).contains(&term) {
        return line.to_string();
    }
    let line = line.trim_end();
    if line.is_empty() {
        term
    } else {
        format!("{line} {term}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[test]
    fn filter_line_reads_keywords_quotes_and_words() {
        let f = Filter::parse(
            r#"Ransomware  by:"Ghada Waly" cat:cyber lang:FR from:2016 to:2016-02 attacks"#,
        );
        assert_eq!(f.text, "ransomware attacks");
        assert_eq!(f.by, ["ghada waly"]);
        assert_eq!(f.category, ["cyber"]);
        assert_eq!(f.lang.as_deref(), Some("fr"));
        assert_eq!(f.from, Date::new(2016, 1, 1));
        assert_eq!(f.to, Date::new(2016, 2, 29));
        assert!(f.invalid.is_empty());
        assert!(Filter::parse("  ").is_empty());
    }

    #[rstest]
    #[case("2016", false, Date::new(2016, 1, 1))]
    #[case("2016", true, Date::new(2016, 12, 31))]
    #[case("2015-02", true, Date::new(2015, 2, 28))]
    #[case("2016-05-23", false, Date::new(2016, 5, 23))]
    #[case("16", false, None)]
    #[case("2016-13", false, None)]
    #[case("soon", true, None)]
    fn dates_in_the_filter_are_spans(
        #[case] text: &str,
        #[case] end: bool,
        #[case] want: Option<Date>,
    ) {
        assert_eq!(parse_day(text, end), want);
    }

    #[test]
    fn a_bad_date_is_named_not_ignored() {
        let f = Filter::parse("from:yesterday");
        assert_eq!(f.invalid, ["from:yesterday"]);
        assert_eq!(f.from, None);
    }

    fn entry(title: &str, date: Option<Date>, lang: &str, source: &str) -> Entry {
        let b = crate::model::Briefing {
            title: title.into(),
            date,
            lang: Some(lang.into()),
            source: Some(source.into()),
            ..Default::default()
        };
        Entry::ok(format!("{title}.toml"), b)
    }

    #[test]
    fn filters_combine_and_a_file_that_fails_shows_until_a_filter_is_typed() {
        let a = entry("Ransomware seized", Date::new(2024, 3, 1), "en", "Europol");
        let b = entry("Saisie de cocaïne", Date::new(2023, 3, 1), "fr", "Police");
        let bad = Entry::failed("broken.txt", "broken.txt: error: empty");
        let keep = |line: &str| {
            let f = Filter::parse(line);
            [&a, &b, &bad]
                .iter()
                .filter(|e| f.keeps(e))
                .map(|e| e.path.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            keep(""),
            [
                "Ransomware seized.toml",
                "Saisie de cocaïne.toml",
                "broken.txt"
            ]
        );
        assert_eq!(keep("COCAINE"), ["Saisie de cocaïne.toml"]);
        assert_eq!(keep("lang:en"), ["Ransomware seized.toml"]);
        assert_eq!(keep("from:2024"), ["Ransomware seized.toml"]);
        assert_eq!(keep("to:2023-12 saisie"), ["Saisie de cocaïne.toml"]);
        assert_eq!(keep("broken"), ["broken.txt"]);
        assert!(keep("lang:en to:2023").is_empty());
    }

    #[test]
    fn a_facet_becomes_a_term_once() {
        let f = Facet {
            kind: FacetKind::Person,
            name: "Ghada Waly".into(),
            count: 1,
        };
        assert_eq!(with_facet("", &f), r#"by:"Ghada Waly""#);
        assert_eq!(with_facet("drugs ", &f), r#"drugs by:"Ghada Waly""#);
        let twice = with_facet(&with_facet("", &f), &f);
        assert_eq!(twice, r#"by:"Ghada Waly""#);
        let parsed = Filter::parse(&twice);
        assert_eq!(parsed.by, ["ghada waly"]);
    }
}
