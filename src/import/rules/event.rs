//! The occasion family: the event a release's lead names ("en marge de la 25ème session de la
//! Commission pour la prévention du crime", "on the sidelines of the Global Cyber Summit"),
//! and the place a lead names after a cue ("held in Vienna"). No I/O here.

use crate::import::lexicon::Class;
use crate::import::pattern::Pat::{self, *};
use crate::import::pattern::{Rule, Slot, rule, scan};
use crate::import::token::Sent;
use crate::import::words::{capitalize_first, collapse_ws};

/// The most tokens of an event's name.
const MAX_EVENT_TOKENS: u8 = 30;

/// A word of an event's name: anything but a clause's end or a new clause.
static EVENT_WORD: Pat = Alt(&[
    Seq(&[P('('), Rep(&Alt(&[Word, AnyOf("'-")]), 1, 8), P(')')]),
    Is(Class::Determiner),
    Is(Class::Stop),
    Word,
    AnyOf("'-"),
]);

/// "en marge de la 25ème session de la Commission…".
static EVENT: Pat = Seq(&[
    Is(Class::EventCue),
    Save(Slot::Context, &Rep(&EVENT_WORD, 1, MAX_EVENT_TOKENS)),
]);

/// "held in Vienna, Austria".
static PLACE: Pat = Seq(&[
    Is(Class::PlaceCue),
    Save(
        Slot::Place,
        &Seq(&[
            Capital,
            Rep(&Alt(&[Capital, Seq(&[P(','), Capital])]), 0, 4),
        ]),
    ),
]);

/// The occasion rules.
pub(crate) static RULES: &[Rule] = &[rule!(event, EVENT)];

/// The place rules.
pub(crate) static PLACE_RULES: &[Rule] = &[rule!(place, PLACE)];

/// The most specific event the sentence names: the one whose name holds an event noun and the
/// most capitalised words.
pub(crate) fn event_in(sent: &Sent<'_>) -> Option<String> {
    event_span(sent).map(|(_, text)| text)
}

/// The tokens and the name of the most specific event the sentence names.
pub(crate) fn event_span(sent: &Sent<'_>) -> Option<((usize, usize), String)> {
    let mut best: Option<(usize, (usize, usize), String)> = None;
    for (_, m) in scan(RULES, sent) {
        let Some((a, b)) = m.caps.get(Slot::Context) else {
            continue;
        };
        // The name ends before a verb of the clause: a time word, a list stopper, a comma
        // outside parentheses.
        let mut end = a;
        let mut depth = 0i32;
        while end < b {
            let Some(tok) = sent.tok(end) else { break };
            match tok.punct() {
                Some('(') => depth += 1,
                Some(')') => depth -= 1,
                Some(_) if depth <= 0 => break,
                _ => {}
            }
            if depth <= 0 && end > a + 1 && (tok.is(Class::ListStopper) || tok.is(Class::TimeWord))
            {
                break;
            }
            end += 1;
        }
        let names_event = (a..end.min(a + 6)).any(|i| sent.is(i, Class::EventNoun));
        if !names_event {
            continue;
        }
        let score = (a + 1..end)
            .filter(|&i| {
                sent.tok(i)
                    .is_some_and(|t| t.has(crate::import::token::shape::CAP))
            })
            .count();
        let Some(text) = sent.slice(a, end) else {
            continue;
        };
        if best.as_ref().is_none_or(|(s, _, _)| score > *s) {
            best = Some((score, (a, end), capitalize_first(&collapse_ws(text))));
        }
    }
    best.map(|(_, span, text)| (span, text))
}

/// The place the sentence names after a cue.
pub(crate) fn place_in(sent: &Sent<'_>) -> Option<String> {
    scan(PLACE_RULES, sent).into_iter().find_map(|(_, m)| {
        let (a, b) = m.caps.get(Slot::Place)?;
        sent.slice(a, b).map(str::to_string)
    })
}

#[cfg(test)]
#[allow(
    clippy::indexing_slicing,
    reason = "a test fails loudly on a wrong length"
)]
mod tests {
    use super::*;
    use crate::import::lexicon::vocab;
    use crate::import::token::{TokenBuf, tokenize};
    use crate::model::Lang;

    fn read(text: &str, lang: Lang) -> (Option<String>, Option<String>) {
        let v = vocab(lang);
        let mut buf = TokenBuf::default();
        tokenize(text, &mut buf);
        buf.annotate(v);
        let sent = buf.sent(text, 0..buf.len(), v);
        (event_in(&sent), place_in(&sent))
    }

    #[test]
    fn event_prefers_the_named_occasion() {
        let lead = "Lors d'un événement parallèle aujourd'hui, qui s'est tenu en marge de la 25ème session de la Commission pour la prévention du crime et la justice pénale (la Commission du Crime), le directeur a signé.";
        assert_eq!(
            read(lead, Lang::Fr).0.as_deref(),
            Some(
                "La 25ème session de la Commission pour la prévention du crime et la justice pénale (la Commission du Crime)"
            )
        );
    }

    #[test]
    fn event_and_place_in_english() {
        let lead = "On the sidelines of the Global Cyber Summit, held in Tallinn, the agencies signed a pact.";
        assert_eq!(
            read(lead, Lang::En),
            (
                Some("The Global Cyber Summit".to_string()),
                Some("Tallinn".to_string())
            )
        );
    }
}
