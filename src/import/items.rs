//! Cooperation areas and threats: the items of the sentences that say what the parties do
//! together ("combattent ...", "will cooperate on ...") and which dangers they name
//! ("les menaces émergentes, y compris ...", "threats such as ..."), split into short items
//! at commas, semicolons and "and"/"et", and bullet lists introduced by such a sentence.
//! No I/O here.

use super::lexicon::{FastMap, Kind, Vocab};
use super::sent::Sent;
use super::text::{capitalize_first, collapse_ws, cut_chars, name_key};

/// Items longer than this many words are prose, not list items.
pub const MAX_ITEM_WORDS: usize = 14;
/// Labels are cut at this many characters (the full text goes to `detail`).
pub const MAX_LABEL_CHARS: usize = 100;
/// At most this many areas and this many threats are kept.
const MAX_ITEMS: usize = 500;
/// Words between a threat noun and a colon that announces bullets ("menaces nouvelles pour
/// la transparence fiscale :").
const MAX_THREAT_COMPLEMENT: usize = 6;

/// A cooperation area or a threat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// A short label.
    pub label: String,
    /// The release's words, when the label shortened them.
    pub detail: Option<String>,
    /// Called new or emerging (threats only).
    pub emerging: bool,
}

/// Which list a sentence feeds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKind {
    /// Cooperation areas.
    Areas,
    /// Threats, new ones or not.
    Threats {
        /// Called new or emerging.
        emerging: bool,
    },
}

/// The areas and threats found so far, without duplicates.
#[derive(Debug, Default)]
pub struct Items {
    /// Cooperation areas, in order.
    pub areas: Vec<Item>,
    /// Threats, in order.
    pub threats: Vec<Item>,
    seen_areas: FastMap<String, usize>,
    seen_threats: FastMap<String, usize>,
    /// Item texts already read, as written: a repeated item is skipped before any work.
    seen_raw: FastMap<String, ()>,
    key: String,
}

impl Items {
    fn push(&mut self, kind: ListKind, item: Item) {
        let key = name_key(&item.label);
        let (list, seen) = match kind {
            ListKind::Areas => (&mut self.areas, &mut self.seen_areas),
            ListKind::Threats { .. } => (&mut self.threats, &mut self.seen_threats),
        };
        if let Some(&i) = seen.get(&key) {
            if let Some(old) = list.get_mut(i) {
                old.emerging |= item.emerging;
            }
            return;
        }
        if list.len() < MAX_ITEMS {
            seen.insert(key, list.len());
            list.push(item);
        }
    }

    /// Reads the lists of one sentence. When the sentence announces a list and ends with a
    /// colon, returns the kind of the bullet items that follow.
    pub fn scan(&mut self, s: Sent<'_>) -> Option<ListKind> {
        let n = s.toks.len();
        let ends_with_colon = s.toks.last().is_some_and(|t| t.is(s.src, ':'));
        let mut found_threats = false;
        let cues = Kind::mask(&[Kind::ThreatCue, Kind::CooperationCue, Kind::BulletCue]);
        if !s.toks.iter().any(|t| Vocab::may_start(t, cues)) {
            return None;
        }
        let mut i = 0;
        while i < n {
            let Some(m) = s.vocab.match_at(s.toks, s.lower, i, Kind::ThreatCue) else {
                i += 1;
                continue;
            };
            // "s'inquiètent des nouvelles menaces que ...": a cue just before another leaves
            // the list to it.
            if (i + m..(i + m + 3).min(n)).any(|k| {
                s.vocab
                    .match_at(s.toks, s.lower, k, Kind::ThreatCue)
                    .is_some()
            }) {
                i += m;
                continue;
            }
            let is_emerging = |k: usize| {
                s.toks.get(k).is_some_and(|t| t.word)
                    && s.vocab
                        .match_at(s.toks, s.lower, k, Kind::Emerging)
                        .is_some()
            };
            let mut emerging = (i.saturating_sub(3)..i).any(is_emerging);
            let mut j = i + m;
            while let Some(e) = s.vocab.match_at(s.toks, s.lower, j, Kind::Emerging) {
                emerging = true;
                j += e;
            }
            let mut k = j;
            if s.toks.get(k).is_some_and(|t| t.is(s.src, ',')) {
                k += 1;
            }
            let start = if s.toks.get(k).is_some_and(|t| t.is(s.src, ':')) {
                k + 1
            } else if let Some(len) = s.vocab.match_at(s.toks, s.lower, k, Kind::ListIntro) {
                k + len
            } else if ends_with_colon && n - 1 - k <= MAX_THREAT_COMPLEMENT {
                // "menaces nouvelles pour la transparence fiscale :", then bullets.
                return Some(ListKind::Threats { emerging });
            } else {
                i += m;
                continue;
            };
            found_threats = true;
            let kind = ListKind::Threats { emerging };
            if start >= n.saturating_sub(1) && ends_with_colon {
                return Some(kind);
            }
            let end = self.list(s, start, kind);
            i = end.max(i + 1);
        }
        if found_threats {
            return None;
        }
        // "Under the arrangement, the partners commit to:", then bullets.
        if ends_with_colon
            && (n.saturating_sub(5)..n)
                .any(|k| s.vocab.match_at(s.toks, s.lower, k, Kind::BulletCue) == Some(n - 1 - k))
        {
            return Some(ListKind::Areas);
        }
        let cue = (0..n).find_map(|i| {
            s.vocab
                .match_at(s.toks, s.lower, i, Kind::CooperationCue)
                .map(|m| i + m)
        })?;
        if ends_with_colon {
            return Some(ListKind::Areas);
        }
        self.list(s, cue, ListKind::Areas);
        None
    }

    /// Adds one bullet item of a list announced by a sentence.
    pub fn bullet(&mut self, text: &str, kind: ListKind) {
        let text = collapse_ws(text);
        let text = text.trim_end_matches([';', ',', '.', ' ']);
        let text = ["and", "et", "ou", "or"]
            .iter()
            .find_map(|w| text.strip_suffix(w).filter(|t| t.ends_with([' ', ','])))
            .unwrap_or(text)
            .trim_end_matches([',', ' ', ';']);
        if text.is_empty() {
            return;
        }
        // "Cybercrime: joint operations against ..." labels itself.
        let head = [": ", " – ", " — ", " - "]
            .iter()
            .filter_map(|sep| text.split_once(sep))
            .map(|(h, _)| h)
            .min_by_key(|h| h.len())
            .filter(|h| h.split_whitespace().count() <= 8);
        let (label, cut) = match head {
            Some(h) => (h, true),
            None => (text, false),
        };
        let label = strip_lead_words(label);
        let emerging = matches!(kind, ListKind::Threats { emerging: true });
        let long = label.chars().count() > MAX_LABEL_CHARS;
        self.push(
            kind,
            Item {
                label: capitalize_first(&cut_chars(label, MAX_LABEL_CHARS)),
                detail: (cut || long).then(|| text.to_string()),
                emerging,
            },
        );
    }

    /// Splits the list that starts at token `from` into items; returns where it ended.
    fn list(&mut self, s: Sent<'_>, from: usize, kind: ListKind) -> usize {
        let n = s.toks.len();
        let mut end = from;
        let mut depth = 0i32;
        while let Some(t) = s.toks.get(end) {
            match t.punct(s.src) {
                Some('(') => depth += 1,
                Some(')') if depth > 0 => depth -= 1,
                Some(')' | '.' | '!' | '?' | '«' | '»' | '“' | '”' | '"' | '„' | ':') => {
                    break;
                }
                _ => {}
            }
            end += 1;
        }
        // Segments between commas and semicolons, outside parentheses.
        let mut segments: Vec<(usize, usize)> = Vec::new();
        let (mut a, mut depth) = (from, 0i32);
        for k in from..end {
            match s.toks.get(k).and_then(|t| t.punct(s.src)) {
                Some('(') => depth += 1,
                Some(')') => depth -= 1,
                Some(',' | ';') if depth <= 0 => {
                    segments.push((a, k));
                    a = k + 1;
                }
                _ => {}
            }
        }
        segments.push((a, end));
        // The list ends before a segment that starts like a clause ("..., and will develop
        // joint programmes"): the segment before it is the last, and may split at "and".
        let count = segments
            .iter()
            .position(|&(a, b)| {
                let a = skip_connectors(s, a, b);
                a < b
                    && s.toks.get(a).is_some_and(|t| t.word)
                    && s.vocab.is(s.low(a), Kind::ListStopper)
            })
            .unwrap_or(segments.len());
        // "..., de la fraude et de l'exploitation en ligne, menaces nouvelles qui ...": a last
        // segment naming the threats sums the list up, and may call them new.
        let (mut kind, mut count, mut summed) = (kind, count, false);
        if matches!(kind, ListKind::Threats { .. })
            && count >= 2
            && let Some(&(a, b)) = segments.get(count - 1)
        {
            let a = skip_connectors(s, a, b);
            // The cue and its adjectives, then nothing or a relative clause ("menaces
            // nouvelles qui ..."), not a list of its own ("menaces nouvelles comme ...").
            if let Some(m) = s.vocab.match_at(s.toks, s.lower, a, Kind::ThreatCue) {
                let (mut j, mut new) = (a + m, false);
                while let Some(e) = s.vocab.match_at(s.toks, s.lower, j, Kind::Emerging) {
                    (j, new) = (j + e, true);
                }
                if j >= b
                    || s.toks.get(j).is_some_and(|t| t.word)
                        && s.vocab.is(s.low(j), Kind::ListStopper)
                {
                    if new {
                        kind = ListKind::Threats { emerging: true };
                    }
                    count -= 1;
                    summed = true;
                }
            }
        }
        let mut first = true;
        for (idx, &(a, b)) in segments.iter().enumerate() {
            if summed && idx >= count {
                break;
            }
            let a = skip_connectors(s, a, b);
            if a >= b {
                continue;
            }
            if s.toks.get(a).is_some_and(|t| t.word)
                && s.vocab.is(
                    s.toks.get(a).map_or("", |t| t.lower(s.lower)),
                    Kind::ListStopper,
                )
            {
                return end.min(n);
            }
            if s.vocab.match_at(s.toks, s.lower, a, Kind::ListDrop) == Some(b - a) {
                continue;
            }
            let last = idx + 1 == count && count >= 2;
            for (pa, pb) in split_and(s, a, b, last, count == 1) {
                let (mut ia, mut focused) = (pa, false);
                if first && kind == ListKind::Areas {
                    // "des efforts partagés contre les armes à feu": the subject follows.
                    for k in pa..pb {
                        if let Some(m) = s.vocab.match_at(s.toks, s.lower, k, Kind::Focus)
                            && k + m < pb
                        {
                            ia = k + m;
                            focused = true;
                        }
                    }
                }
                first = false;
                self.item(s, (pa, pb), ia, focused, kind);
            }
        }
        end
    }

    fn item(
        &mut self,
        s: Sent<'_>,
        (pa, pb): (usize, usize),
        ia: usize,
        focused: bool,
        kind: ListKind,
    ) {
        let words = (ia..pb)
            .filter(|&k| s.toks.get(k).is_some_and(|t| t.word))
            .count();
        if words == 0 || words > MAX_ITEM_WORDS {
            return;
        }
        let text_of = |a: usize, b: usize| -> String {
            match (s.toks.get(a), b.checked_sub(1).and_then(|k| s.toks.get(k))) {
                (Some(x), Some(y)) if x.start <= y.end => {
                    collapse_ws(s.src.get(x.start..y.end).unwrap_or(""))
                }
                _ => String::new(),
            }
        };
        let raw = match (
            s.toks.get(pa),
            pb.checked_sub(1).and_then(|k| s.toks.get(k)),
        ) {
            (Some(x), Some(y)) if x.start <= y.end => s.src.get(x.start..y.end).unwrap_or(""),
            _ => "",
        };
        let tag = match kind {
            ListKind::Areas => 'a',
            ListKind::Threats { emerging: false } => 't',
            ListKind::Threats { emerging: true } => 'e',
        };
        self.key.clear();
        self.key.push(tag);
        self.key.push(if focused { '1' } else { '0' });
        self.key.push_str(raw);
        if self.seen_raw.contains_key(self.key.as_str()) {
            return;
        }
        if self.seen_raw.len() < 4 * MAX_ITEMS {
            self.seen_raw.insert(self.key.clone(), ());
        }
        let full = text_of(pa, pb);
        let core = text_of(ia, pb);
        let label = strip_lead_words(core.trim_end_matches([',', ';', ' ']));
        if label.is_empty() || !label.chars().any(char::is_alphabetic) {
            return;
        }
        let item_emerging = s.toks.get(ia..pb).is_some_and(|ts| {
            ts.iter()
                .filter(|t| t.word)
                .take(2)
                .any(|t| s.vocab.token_is(t, s.lower, &[Kind::Emerging]))
        });
        let emerging = match kind {
            ListKind::Threats { emerging } => emerging || item_emerging,
            ListKind::Areas => false,
        };
        let long = label.chars().count() > MAX_LABEL_CHARS;
        self.push(
            kind,
            Item {
                label: capitalize_first(&cut_chars(label, MAX_LABEL_CHARS)),
                detail: (focused || long).then_some(full),
                emerging,
            },
        );
    }
}

/// Skips connectors and fillers at the start of a segment ("et", "ainsi que", "also"); a
/// segment of nothing else ("; and" ending a bullet) is skipped whole.
fn skip_connectors(s: Sent<'_>, mut a: usize, b: usize) -> usize {
    while a < b {
        let step = s
            .vocab
            .match_any(s.toks, s.lower, a, &[Kind::ListConnector, Kind::ItemFiller])
            .map(|(_, m)| m);
        match step {
            Some(m) if a + m < b => a += m,
            Some(m) if a + m == b => return b,
            _ => break,
        }
    }
    a
}

/// True when the connector at `k` is inside an expression or a name that it does not split:
/// "search and rescue", "la drogue et le crime", "Justice and Home Affairs", "Bosnia and
/// Herzegovina".
fn is_bound(s: Sent<'_>, k: usize, m: usize) -> bool {
    let fixed = (k.saturating_sub(3)..k).any(|j| {
        s.vocab
            .match_at(s.toks, s.lower, j, Kind::FixedPhrase)
            .is_some_and(|len| j + len > k + m)
    });
    let named = |i: usize| s.tok(i).is_some_and(|t| t.word && t.cap && !t.upper);
    fixed || k > 0 && named(k - 1) && named(k + m)
}

/// Splits a segment at "and"/"et" where it joins two items: before an article ("et le
/// trafic"), or in the last segment of a list ("A, B and C"); never after "entre"/"between",
/// and not where the two halves share a complement ("le développement et la promotion de
/// l'e-learning").
fn split_and(s: Sent<'_>, a: usize, b: usize, last: bool, single: bool) -> Vec<(usize, usize)> {
    let mut parts = Vec::new();
    let mut start = a;
    let mut paired = false;
    let mut k = a;
    while k < b {
        let Some(t) = s.toks.get(k) else { break };
        if t.word && s.vocab.token_is(t, s.lower, &[Kind::PairWord]) {
            paired = true;
        }
        let conn = s.vocab.match_at(s.toks, s.lower, k, Kind::ListConnector);
        let Some(m) = conn.filter(|_| k > start && t.word) else {
            k += 1;
            continue;
        };
        let next = k + m;
        let next_det = s.toks.get(next).is_some_and(|t| t.word)
            && s.vocab
                .match_at(s.toks, s.lower, next, Kind::Determiner)
                .is_some()
            && !s.vocab.is(
                s.toks.get(next).map_or("", |t| t.lower(s.lower)),
                Kind::Partitive,
            );
        let strong = m > 1;
        let left_words = (start..k)
            .filter(|&j| s.toks.get(j).is_some_and(|t| t.word))
            .count();
        let right_has_of = (next..b).any(|j| {
            s.toks
                .get(j)
                .is_some_and(|t| matches!(t.lower(s.lower), "de" | "d'" | "du" | "des" | "of"))
        });
        // "le développement et la promotion de l'e-learning": an article and a noun, then
        // a second noun sharing the first one's complement.
        let left_det = s
            .toks
            .get(start)
            .is_some_and(|t| s.vocab.token_is(t, s.lower, &[Kind::Determiner]));
        let left_noun = s.toks.get(start + 1).map_or("", |t| t.lower(s.lower));
        let action = s
            .vocab
            .lex
            .action_suffixes
            .iter()
            .any(|suf| left_noun.ends_with(suf));
        let shared = left_words == 2 && left_det && next_det && right_has_of && action;
        // A list of one segment, "A and B": two short items, neither with a complement.
        let left_has_of = (start..k).any(|j| {
            s.toks
                .get(j)
                .is_some_and(|t| matches!(t.lower(s.lower), "de" | "d'" | "du" | "des" | "of"))
        });
        let right_words = (next..b)
            .filter(|&j| s.toks.get(j).is_some_and(|t| t.word))
            .count();
        let pair = single && !left_has_of && !right_has_of && left_words <= 4 && right_words <= 4;
        if !paired
            && next < b
            && !is_bound(s, k, m)
            && (strong || (next_det || last || pair) && !shared)
        {
            parts.push((start, k));
            start = next;
            paired = false;
        }
        k = next.max(k + 1);
    }
    parts.push((start, b));
    parts.retain(|(x, y)| x < y);
    parts
}

/// Drops leading articles and fillers: "les armes à feu" -> "armes à feu".
fn strip_lead_words(text: &str) -> &str {
    let mut t = text.trim();
    loop {
        let before = t;
        for det in [
            "de la ",
            "de l'",
            "de l’",
            "le ",
            "la ",
            "les ",
            "l'",
            "l’",
            "un ",
            "une ",
            "des ",
            "du ",
            "the ",
            "a ",
            "an ",
            "our ",
            "their ",
            "its ",
            "notre ",
            "nos ",
            "leur ",
            "leurs ",
            "ses ",
            "son ",
            "sa ",
            "also ",
            "également ",
            "notamment ",
            "de ",
            "d'",
            "d’",
            "of ",
        ] {
            if t.len() > det.len()
                && t.get(..det.len())
                    .is_some_and(|h| h.eq_ignore_ascii_case(det))
            {
                t = t.get(det.len()..).unwrap_or(t).trim_start();
                break;
            }
        }
        if t == before {
            return t;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::Lang;
    use crate::import::text::tokenize;
    use rstest::rstest;

    fn run(text: &str, lang: Lang) -> Items {
        let (mut toks, mut lower) = (Vec::new(), String::new());
        tokenize(text, &mut toks, &mut lower);
        let mut items = Items::default();
        items.scan(Sent {
            src: text,
            toks: &toks,
            lower: &lower,
            vocab: lang.vocab(),
        });
        items
    }

    fn labels(items: &[Item]) -> Vec<&str> {
        items.iter().map(|i| i.label.as_str()).collect()
    }

    #[rstest]
    #[case::fr_combat(
        "L'ONUDC et INTERPOL combattent le trafic d'humains et de migrants, la criminalité liée aux espèces sauvages et le trafic de propriété culturelle.",
        Lang::Fr,
        &["Trafic d'humains et de migrants", "Criminalité liée aux espèces sauvages", "Trafic de propriété culturelle"]
    )]
    #[case::fr_focus_and_drop(
        "Leurs activités incluent également des efforts partagés contre les armes à feu, le soutien à la lutte contre la corruption et le recouvrement des actifs, et le renforcement des capacités, entre autres activités.",
        Lang::Fr,
        &["Armes à feu", "Soutien à la lutte contre la corruption", "Recouvrement des actifs", "Renforcement des capacités"]
    )]
    #[case::fr_shared_complement(
        "Ils vont étendre notre coopération contre le cybercrime, ainsi que le développement et la promotion de l'e-learning.",
        Lang::Fr,
        &["Cybercrime", "Développement et la promotion de l'e-learning"]
    )]
    #[case::en_serial(
        "The two agencies will cooperate on cybercrime, money laundering and illicit financial flows.",
        Lang::En,
        &["Cybercrime", "Money laundering", "Illicit financial flows"]
    )]
    #[case::fr_not_shared(
        "L'accord porte sur la contrebande de cigarettes, la contrefaçon et le blanchiment des profits.",
        Lang::Fr,
        &["Contrebande de cigarettes", "Contrefaçon", "Blanchiment des profits"]
    )]
    #[case::en_pair(
        "They will cooperate on fraud and corruption.",
        Lang::En,
        &["Fraud", "Corruption"]
    )]
    #[case::en_no_split_of(
        "They work together on the trafficking of humans and migrants.",
        Lang::En,
        &["Trafficking of humans and migrants"]
    )]
    #[case::duplicates(
        "They cooperate on fraud, fraud and the fraud.",
        Lang::En,
        &["Fraud"]
    )]
    fn areas_are_split_into_items(#[case] text: &str, #[case] lang: Lang, #[case] want: &[&str]) {
        assert_eq!(labels(&run(text, lang).areas), want);
    }

    #[rstest]
    #[case::fr_emerging(
        "L'accord englobe également les menaces émergentes, y compris les combattants terroristes étrangers, l'extrémisme violent et l'abus d'internet, les engins explosifs improvisés et les liens entre les réseaux criminels et les groupes terroristes.",
        Lang::Fr,
        &["Combattants terroristes étrangers", "Extrémisme violent", "Abus d'internet", "Engins explosifs improvisés", "Liens entre les réseaux criminels et les groupes terroristes"],
        true
    )]
    #[case::fr_posed_by(
        "la lutte contre les menaces posées par la criminalité transnationale organisée et le terrorisme, n'a jamais été plus clair",
        Lang::Fr,
        &["Criminalité transnationale organisée", "Terrorisme"],
        false
    )]
    #[case::en_new(
        "It addresses new threats such as ransomware, deepfakes and drone attacks.",
        Lang::En,
        &["Ransomware", "Deepfakes", "Drone attacks"],
        true
    )]
    #[case::en_of("They discussed the threat of terrorism.", Lang::En, &["Terrorism"], false)]
    #[case::fr_summed_up(
        "Les deux pays s'inquiètent notamment de l'essor des rançongiciels et de la fraude en ligne, menaces nouvelles qui exigent une réponse commune.",
        Lang::Fr,
        &["Essor des rançongiciels", "Fraude en ligne"],
        true
    )]

    fn threats_are_split_and_marked(
        #[case] text: &str,
        #[case] lang: Lang,
        #[case] want: &[&str],
        #[case] emerging: bool,
    ) {
        let items = run(text, lang);
        assert_eq!(labels(&items.threats), want);
        assert!(items.threats.iter().all(|t| t.emerging == emerging));
        assert!(items.areas.is_empty());
    }

    #[test]
    fn colon_announces_bullets() {
        let mut items = Items::default();
        let text = "The partners will cooperate in the following areas:";
        let (mut toks, mut lower) = (Vec::new(), String::new());
        tokenize(text, &mut toks, &mut lower);
        let kind = items.scan(Sent {
            src: text,
            toks: &toks,
            lower: &lower,
            vocab: Lang::En.vocab(),
        });
        assert_eq!(kind, Some(ListKind::Areas));
        items.bullet(
            "Border security: joint patrols and training;",
            ListKind::Areas,
        );
        items.bullet("the exchange of information; and", ListKind::Areas);
        assert_eq!(
            labels(&items.areas),
            ["Border security", "Exchange of information"]
        );
        assert_eq!(
            items.areas[0].detail.as_deref(),
            Some("Border security: joint patrols and training")
        );
    }

    #[test]
    fn plain_sentences_give_nothing() {
        let items = run(
            "The weather in Vienna was fine, and the talks went well.",
            Lang::En,
        );
        assert!(items.areas.is_empty() && items.threats.is_empty());
    }
}
