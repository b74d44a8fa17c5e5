//! Quotes and their speakers: each quote the scan finds is filtered (scare quotes, titles,
//! marks alone) and attributed from the clause after or before it; a pronoun goes back to the
//! last person named in the paragraph, a quote without a clause to the quote before it in the
//! same paragraph. No I/O here.

use super::layout::Layout;
use super::people::{self, People, Speaker};
use super::sent::Sent;
use super::{lexicon, quotes, text};

/// A quote read from the body, before names are written out.
pub(super) struct Found {
    /// The words.
    pub text: String,
    /// Who said them, when known.
    pub speaker: Option<Speaker>,
    /// When or where.
    pub context: Option<String>,
}

pub(super) fn read_quotes(
    layout: &Layout,
    people: &mut People,
    warnings: &mut quotes::Warnings,
    vocab: &lexicon::Vocab,
) -> Vec<Found> {
    let (body, paras) = (&layout.body, &layout.paras);
    let raw = quotes::scan(body, paras, warnings);
    let mut out: Vec<Found> = Vec::new();
    let mut last: Option<Speaker> = None;
    // The last accepted quote: its closing position, paragraph and speaker.
    let mut prev: Option<(usize, usize, Option<Speaker>)> = None;
    let (mut toks, mut lower) = (Vec::new(), String::new());
    for q in &raw {
        let text = quotes::quote_text(body, paras, q);
        // Only small counts matter below.
        let words = text
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .take(9)
            .count();
        if words <= 2 {
            continue;
        }
        let same_para = prev.filter(|(_, p, _)| *p == q.paras.0);
        let before = quotes::before_window(body, paras, q, same_para.map(|(c, _, _)| c));
        if quotes::after_title_cue(before, &text, vocab) {
            continue;
        }
        let clause = quotes::clause_after(quotes::after_window(body, paras, q), vocab)
            .or_else(|| quotes::clause_before(before, vocab));
        // "« n'ont ni frontière ni limite » et que l'État devait « frapper au portefeuille »":
        // a quote in the same sentence as the quote before it goes on with its words.
        let continues = same_para.is_some_and(|(c, _, s)| {
            s.is_some() && c + before.len() == q.open && !before.contains(['.', '!', '?', ':'])
        });
        if clause.is_none() && !continues {
            let caps = text
                .split_whitespace()
                .filter(|w| w.chars().count() > 3)
                .map(|w| w.starts_with(char::is_uppercase))
                .fold((0, 0), |(c, n), up| (c + usize::from(up), n + 1));
            let titled = words <= 8 && caps.1 > 0 && caps.0 * 10 >= caps.1 * 6;
            let sentence_like = text.contains(['.', '!', '?', ',']);
            let ends = text.ends_with(['.', '!', '?', '…']);
            if titled && !sentence_like || words <= 5 && !ends {
                continue;
            }
        }
        let inherited = same_para.and_then(|(_, _, s)| s);
        let speaker = match &clause {
            Some(c) => {
                let subject = c.toks.get(c.subject.clone()).unwrap_or(&[]);
                let sent = Sent {
                    src: &c.window,
                    toks: subject,
                    lower: &c.lower,
                    vocab,
                };
                let named = subject.iter().any(|t| {
                    (t.cap || t.upper)
                        && !vocab.token_is(
                            t,
                            &c.lower,
                            &[lexicon::Kind::Pronoun, lexicon::Kind::Determiner],
                        )
                }) || (0..subject.len()).any(|i| {
                    vocab
                        .match_at(subject, &c.lower, i, lexicon::Kind::Role)
                        .is_some()
                });
                // "he", "she" and "the organisation" are the last person or organisation
                // named before the quote in its paragraph; a pronoun falls back on the last
                // speaker.
                let mut mention = |from: usize, to: usize| {
                    let from = text::ceil_boundary(body, from.max(to.saturating_sub(400)));
                    let recent = body.get(from..to.max(from)).unwrap_or("");
                    vocab.tokenize(recent, &mut toks, &mut lower);
                    people.last_mention(Sent {
                        src: recent,
                        toks: &toks,
                        lower: &lower,
                        vocab,
                    })
                };
                let mut found = people::Recent::default();
                if !named {
                    let para_start = paras.get(q.paras.0).map_or(0, |p| p.start);
                    found = mention(para_start, q.open);
                    // "Speaking to journalists, Ms. Nhantumbo recalled the attack." then
                    // "“...,” she said.": a paragraph without quotes before this one names
                    // who goes on speaking.
                    let quiet_before =
                        q.paras.0 > 0 && prev.is_none_or(|(_, p, _)| p + 1 < q.paras.0);
                    if found.person.is_none()
                        && quiet_before
                        && let Some(r) = paras.get(q.paras.0 - 1)
                    {
                        found.person = mention(r.start, r.end).person;
                    }
                }
                let mention = found;
                // A pronoun goes back to the quote before it in the paragraph, even one
                // whose speaker is unknown, before the last speaker.
                let previous = match same_para {
                    Some((_, _, speaker)) => speaker,
                    None => last,
                };
                let recent = people::Recent {
                    person: mention.person.or(previous),
                    org: mention.org,
                };
                match people.resolve(sent, recent) {
                    Some(s) => Some(s),
                    // "avant d'ajouter :", "adding:": the speaker of the sentence goes on.
                    None if !named => inherited,
                    None => None,
                }
            }
            None => inherited,
        };
        if let Some(s) = speaker {
            people.list(s);
            last = Some(s);
        }
        prev = Some((q.close_end, q.paras.1, speaker));
        out.push(Found {
            text,
            speaker,
            context: clause.and_then(|c| c.context),
        });
    }
    out
}
