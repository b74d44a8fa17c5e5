//! Checks serde cannot make: empty labels, language tags, link schemes, and quotes whose
//! speaker names nobody in `parties`. Each problem is located in the source. No I/O here.

use std::ops::Range;

use toml::Spanned;
use toml::de::DeTable;

use super::briefing::Briefing;
use super::category::CategoryKind;
use super::diag::{Diagnostic, quote_value};
use super::parse::{Seg, path_string, span_at};

struct Ctx<'a, 't> {
    /// Where problems are located; without it they are only counted (see [`is_valid`]).
    tree: Option<&'a Spanned<DeTable<'t>>>,
    source: &'a str,
    origin: &'a str,
    problems: Vec<Diagnostic>,
}

impl Ctx<'_, '_> {
    fn span(&self, path: &[Seg<'_>]) -> Range<usize> {
        self.tree
            .and_then(|tree| span_at(tree, path, false))
            .unwrap_or(0..0)
    }

    fn report(&mut self, path: &[Seg<'_>], message: String) -> &mut Diagnostic {
        let d = Diagnostic::at(self.origin, self.source, self.span(path), message);
        self.problems.push(d);
        let last = self.problems.len() - 1;
        &mut self.problems[last]
    }

    /// Reports a category that is not an id of the taxonomy, or one of the other kind.
    fn category(&mut self, path: &[Seg<'_>], id: &str, kind: CategoryKind) {
        let what = match kind {
            CategoryKind::Threat => "a threat category",
            CategoryKind::Area => "a cooperation area category",
        };
        let known: Vec<&str> = super::categories()
            .iter()
            .filter(|c| c.kind == kind)
            .map(|c| c.id.as_str())
            .collect();
        if known.contains(&id) {
            return;
        }
        let example = known.first().copied().unwrap_or("none");
        let msg = format!(
            "expected {what} such as '{example}', found '{}'",
            quote_value(id)
        );
        let nearest = known
            .iter()
            .map(|k| (strsim::levenshtein(k, id), *k))
            .min()
            .filter(|(distance, _)| *distance <= 3);
        let help = match (nearest, super::category(id)) {
            (Some((_, k)), _) => format!("did you mean '{k}'?"),
            (None, Some(other)) if other.kind != kind => {
                format!("'{id}' is a category of the other list")
            }
            _ => "the categories are listed in src/model/taxonomy.toml".to_string(),
        };
        self.report(path, msg).help = Some(help);
    }

    fn non_empty(&mut self, path: &[Seg<'_>], value: &str, what: &str) {
        if value.trim().is_empty() {
            let msg = format!(
                "expected {what}, found an empty string in '{}'",
                path_string(path)
            );
            self.report(path, msg);
        }
    }
}

/// Returns every problem found in `briefing`, located through `tree` (the spanned form of
/// the same source).
pub fn validate(
    briefing: &Briefing,
    tree: &Spanned<DeTable<'_>>,
    source: &str,
    origin: &str,
) -> Vec<Diagnostic> {
    let mut cx = Ctx {
        tree: Some(tree),
        source,
        origin,
        problems: Vec::new(),
    };
    check_all(briefing, &mut cx);
    cx.problems
}

/// True when [`validate`] finds no problem in `briefing`; needs no spanned tree.
pub fn is_valid(briefing: &Briefing) -> bool {
    let mut cx = Ctx {
        tree: None,
        source: "",
        origin: "",
        problems: Vec::new(),
    };
    check_all(briefing, &mut cx);
    cx.problems.is_empty()
}

fn check_all(briefing: &Briefing, cx: &mut Ctx<'_, '_>) {
    check_title_and_lang(briefing, cx);
    check_people_and_quotes(briefing, cx);
    check_labels_and_links(briefing, cx);
}

fn check_title_and_lang(briefing: &Briefing, cx: &mut Ctx<'_, '_>) {
    use Seg::Key;

    cx.non_empty(&[Key("title")], &briefing.title, "a title");
    if let Some(lang) = &briefing.lang
        && oxilangtag::LanguageTag::parse(lang.as_str()).is_err()
    {
        let msg = format!(
            "expected a BCP 47 language tag such as 'fr' or 'en-GB', found '{}'",
            quote_value(lang)
        );
        cx.report(&[Key("lang")], msg);
    }
}

fn check_people_and_quotes(briefing: &Briefing, cx: &mut Ctx<'_, '_>) {
    use Seg::{Index, Key};
    let mut seen_people: Vec<&str> = Vec::new();
    for (i, party) in briefing.parties.iter().enumerate() {
        cx.non_empty(
            &[Key("parties"), Index(i), Key("name")],
            &party.name,
            "a party name",
        );
        for (j, person) in party.people.iter().enumerate() {
            let path = [
                Key("parties"),
                Index(i),
                Key("people"),
                Index(j),
                Key("name"),
            ];
            cx.non_empty(&path, &person.name, "a person's name");
            if seen_people.contains(&person.name.as_str()) && !person.name.trim().is_empty() {
                let msg = format!(
                    "expected each person once in 'parties', found '{}' again",
                    quote_value(&person.name)
                );
                cx.report(&path, msg).help =
                    Some("a quote's speaker must name exactly one person".to_string());
            }
            seen_people.push(&person.name);
        }
    }

    for (i, quote) in briefing.quotes.iter().enumerate() {
        cx.non_empty(
            &[Key("quotes"), Index(i), Key("text")],
            &quote.text,
            "the words quoted",
        );
        let many = quote.speaker.names().count() > 1;
        for (j, speaker) in quote.speaker.names().enumerate() {
            // A person, or an organisation speaking for itself ("Europol said").
            if briefing.person(speaker).is_some()
                || briefing.parties.iter().any(|p| p.name == speaker)
            {
                continue;
            }
            let msg = format!(
                "quote {} ('{}'): expected the name of a person or party in 'parties', found '{}'",
                i + 1,
                quote_value(&quote.text),
                quote_value(speaker)
            );
            let help = match closest_person(briefing, speaker) {
                Some(name) => format!("did you mean '{name}'?"),
                None if seen_people.is_empty() => {
                    "add the speaker to a party's 'people', or remove 'speaker'".to_string()
                }
                None => format!("people in 'parties': {}", seen_people.join(", ")),
            };
            let path = [Key("quotes"), Index(i), Key("speaker"), Index(j)];
            let path = if many { &path[..] } else { &path[..3] };
            cx.report(path, msg).help = Some(help);
        }
    }
}

fn check_labels_and_links(briefing: &Briefing, cx: &mut Ctx<'_, '_>) {
    use Seg::{Index, Key};
    for (i, area) in briefing.cooperation_areas.iter().enumerate() {
        let path = [Key("cooperation_areas"), Index(i), Key("label")];
        cx.non_empty(&path, &area.label, "a label");
        if let Some(id) = &area.category {
            let path = [Key("cooperation_areas"), Index(i), Key("category")];
            cx.category(&path, id, CategoryKind::Area);
        }
    }
    for (i, threat) in briefing.threats.iter().enumerate() {
        cx.non_empty(
            &[Key("threats"), Index(i), Key("label")],
            &threat.label,
            "a label",
        );
        if let Some(id) = &threat.category {
            let path = [Key("threats"), Index(i), Key("category")];
            cx.category(&path, id, CategoryKind::Threat);
        }
    }
    for (i, link) in briefing.links.iter().enumerate() {
        cx.non_empty(
            &[Key("links"), Index(i), Key("title")],
            &link.title,
            "a link title",
        );
        if let Some(url) = &link.url
            && !is_web_url(url)
        {
            let msg = format!(
                "expected a URL starting with https://, http:// or mailto:, found '{}'",
                quote_value(url)
            );
            cx.report(&[Key("links"), Index(i), Key("url")], msg);
        }
    }
}

fn is_web_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let rest = ["https://", "http://", "mailto:"]
        .iter()
        .find_map(|scheme| lower.strip_prefix(scheme));
    rest.is_some_and(|r| !r.is_empty() && !r.chars().any(char::is_whitespace))
}

fn closest_person<'b>(briefing: &'b Briefing, speaker: &str) -> Option<&'b str> {
    let speaker = speaker.to_lowercase();
    briefing
        .people()
        .map(|(_, p)| {
            let name = p.name.to_lowercase();
            // A surname alone ("Stock") is a likely slip, as is a typo.
            let surname_match = name.split_whitespace().any(|part| part == speaker);
            let d = if surname_match {
                0
            } else {
                strsim::levenshtein(&speaker, &name)
            };
            (d, p.name.as_str())
        })
        .filter(|(d, name)| *d <= (name.chars().count() / 3).max(2))
        .min_by_key(|(d, _)| *d)
        .map(|(_, n)| n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_urls_need_a_scheme_and_no_spaces() {
        assert!(is_web_url("https://www.unodc.org/"));
        assert!(is_web_url("mailto:press@unodc.org"));
        assert!(!is_web_url("javascript:alert(1)"));
        assert!(!is_web_url("www.unodc.org"));
        assert!(!is_web_url("https://"));
        assert!(!is_web_url("https://a b"));
    }
}
