//! The speech and attribution family: who says a quote, read from the sentence around it, in
//! the PARC style of quote attribution: a cue (a speech verb, "selon", "according to", a colon),
//! a source next to it, and the content (the quote, one token of the sentence's frame).
//!
//! The rules cover the cue after the quote ("“…,” said Maria Lind", "« … », a-t-elle
//! déclaré", "« … », soulignent les deux ministres") and before it ("Maria Lind, Director of
//! X, said: “…”", "Selon M. Fedotov, « … »", "X noted that the partnership “…”"), and a
//! sentence that ends with a colon and leaves the quote to the next paragraph ("Le chef du
//! bureau, Paul Ferrand, a quant à lui indiqué :"). Who the source is (a name, a role, a
//! pronoun) is read by the people family. No I/O here.

use crate::import::lexicon::Class;
use crate::import::pattern::Pat::{self, *};
use crate::import::pattern::{Match, Rule, Slot, first_rule, inverted_gender, rule};
use crate::import::token::{Kind, Sent};

/// Words between a source and its verb, or after the verb: "a quant à lui", "has also".
static FILLERS: Pat = Rep(&Is(Class::VerbFiller), 0, 5);

/// The circumstances of a quote: "lors de ses remarques liminaires", "in a statement".
static CONTEXT: Pat = Seq(&[
    Is(Class::ContextCue),
    Rep(&Alt(&[Word, P('\''), P('-')]), 0, 12),
]);

/// The source of a quote.
static SOURCE: Pat = Save(Slot::Source, &Mention);

/// A speech verb, with its fillers.
static VERB: Pat = Seq(&[
    Ref(&FILLERS),
    Save(Slot::Cue, &Is(Class::SpeechVerb)),
    Ref(&FILLERS),
]);

/// What may follow the source after the quote: its organisation ("said Chief Inspector
/// Rachel Moore of the British Transport Police"), the circumstances.
static CLAUSE_END: Pat = Seq(&[
    Opt(&Seq(&[
        Is(Class::RolePreposition),
        Opt(&Is(Class::Determiner)),
        Ref(&crate::import::rules::people::ORG),
    ])),
    Opt(&Seq(&[Opt(&P(',')), Save(Slot::Context, &CONTEXT)])),
]);

/// What stands between a source and its verb: ", who led the operation,", ", in charge of
/// customs,", a member's group and country "(S&D, DE)".
static APPOSITION: Pat = Opt(&Alt(&[
    Seq(&[P(','), Rep(&Alt(&[PlainWord, AnyOf("'()")]), 1, 16)]),
    Seq(&[P('('), Rep(&Alt(&[PlainWord, AnyOf(",&/")]), 1, 6), P(')')]),
]));

/// "“…,” said Maria Lind" / "« … », a noté M. Fedotov lors de ses remarques liminaires".
static QUOTE_VERB_SOURCE: Pat = Seq(&[
    Save(Slot::Quote, &Quote),
    Opt(&AnyOf(",—–-")),
    Ref(&VERB),
    Ref(&SOURCE),
    Ref(&CLAUSE_END),
]);

/// "« … », a-t-elle déclaré" / "« … », poursuit-il".
static QUOTE_INVERTED: Pat = Seq(&[
    Save(Slot::Quote, &Quote),
    Opt(&AnyOf(",—–-")),
    Save(Slot::Source, &Inverted),
    Opt(&Save(Slot::Cue, &Is(Class::SpeechVerb))),
    Ref(&CLAUSE_END),
]);

/// "“…,” Lind said" / "“…,” she added" / "“…,” the minister, Jane Doe, said" / "“…,”
/// Deputy Chief Jane Doe, who leads the unit, said".
static QUOTE_SOURCE_VERB: Pat = Seq(&[
    Save(Slot::Quote, &Quote),
    Opt(&AnyOf(",—–-")),
    Ref(&SOURCE),
    Ref(&APPOSITION),
    Opt(&P(',')),
    Ref(&VERB),
    Ref(&CLAUSE_END),
]);

/// "« … », selon l'ONUDC" / "“…”, according to the ministry".
static QUOTE_ACCORDING: Pat = Seq(&[
    Save(Slot::Quote, &Quote),
    Opt(&AnyOf(",—–-")),
    Save(Slot::Cue, &Is(Class::AccordingTo)),
    Ref(&SOURCE),
]);

/// The circumstances before a source: "Lors de son propre discours, ".
static LEADING_CONTEXT: Pat = Opt(&Seq(&[Save(Slot::Context, &CONTEXT), P(',')]));

/// "Maria Lind, Director of X, said: “…”" / "Juergen Stock a dit « … »" / "Europol said in a
/// statement: “…”".
static SOURCE_VERB_QUOTE: Pat = Seq(&[
    Ref(&LEADING_CONTEXT),
    Ref(&SOURCE),
    Ref(&APPOSITION),
    Opt(&P(',')),
    Ref(&VERB),
    Opt(&Save(Slot::Context, &CONTEXT)),
    Alt(&[
        // "a souligné la dimension industrielle de la fraude : « … »": what the source
        // speaks of, up to a colon.
        Seq(&[Rep(&Alt(&[Lower, P('\''), P('-')]), 1, 10), P(':')]),
        Seq(&[Opt(&Is(Class::Complementizer)), Opt(&AnyOf(":,—–"))]),
    ]),
    Save(Slot::Quote, &Quote),
]);

/// "Andrew Coster, commissioner of New Zealand Police: “…”".
static SOURCE_COLON_QUOTE: Pat = Seq(&[Ref(&SOURCE), P(':'), Save(Slot::Quote, &Quote)]);

/// "Selon M. Fedotov, « … »".
static ACCORDING_QUOTE: Pat = Seq(&[
    Save(Slot::Cue, &Is(Class::AccordingTo)),
    Ref(&SOURCE),
    Opt(&P(',')),
    Save(Slot::Quote, &Quote),
]);

/// "According to Mr. Urquiza, losses to investment fraud “now exceed…”": the source's words
/// run into the quote.
static ACCORDING_THEN_QUOTE: Pat = Seq(&[
    Save(Slot::Cue, &Is(Class::AccordingTo)),
    Ref(&SOURCE),
    Ref(&APPOSITION),
    P(','),
    Rep(&Alt(&[PlainWord, AnyOf(",':-")]), 1, 20),
    Save(Slot::Quote, &Quote),
]);

/// "Europol's director noted that the partnership “brings together…”": reported words that
/// run into the quote (no other person named before it).
static SOURCE_VERB_THAT_QUOTE: Pat = Seq(&[
    Ref(&SOURCE),
    Ref(&APPOSITION),
    Opt(&P(',')),
    Ref(&VERB),
    // "noted that the partnership “…”", "emphasized the Convention represents “…”".
    Opt(&Is(Class::Complementizer)),
    Rep(&Alt(&[PlainWord, P(','), P('\''), P('-')]), 0, 16),
    Save(Slot::Quote, &Quote),
]);

/// "Le chef du bureau, Paul Ferrand, a quant à lui indiqué :" with the quote in the next
/// paragraph.
static SOURCE_VERB_COLON: Pat = Seq(&[
    Ref(&LEADING_CONTEXT),
    Ref(&SOURCE),
    Ref(&APPOSITION),
    Opt(&P(',')),
    Ref(&VERB),
    Opt(&Save(Slot::Context, &CONTEXT)),
    P(':'),
    End,
]);

/// "Attribute to Detective Inspector Tom Wakefield, National Organised Crime Group:" with the
/// quote in the next paragraph.
static ACCORDING_COLON: Pat = Seq(&[
    Save(Slot::Cue, &Is(Class::AccordingTo)),
    Ref(&SOURCE),
    Ref(&APPOSITION),
    P(':'),
    End,
]);

/// "Cam Moore, Manager Investigations, says the case shows…": reported speech, whose source
/// the quote opening the next paragraph keeps.
static SOURCE_VERB_REPORTED: Pat = Seq(&[
    Ref(&LEADING_CONTEXT),
    Save(Slot::Source, &StrongMention),
    Ref(&APPOSITION),
    Opt(&P(',')),
    Ref(&VERB),
    Alt(&[
        Is(Class::Complementizer),
        Is(Class::Determiner),
        Is(Class::PronounM),
        Is(Class::PronounF),
        Is(Class::PronounPlural),
        Is(Class::OrgName),
        Acronym,
    ]),
]);

/// "– Caroline Xavier, Chief, Communications Security Establishment", a line after a quote
/// (the dash may have been read as a list marker).
static DASH_SOURCE: Pat = Seq(&[
    Opt(&AnyOf("–—-")),
    Save(Slot::Source, &StrongMention),
    Opt(&Seq(&[
        P(','),
        // Titles and organisations, never a clause ("…, Ana Ferreira, a rappelé que …").
        Rep(
            &Alt(&[Unless(Class::SpeechVerb, &Word), AnyOf("'’()-–&.,")]),
            1,
            32,
        ),
    ])),
    Opt(&P('.')),
    End,
]);

/// "« … » Dominique Voglimacci, magistrat de liaison pour l'Afrique de l'Ouest.": a quote and
/// its source, named with a role and nothing after, with no verb.
static QUOTE_SIGNED: Pat = Seq(&[
    Save(Slot::Quote, &Quote),
    Opt(&AnyOf(",—–-")),
    Save(Slot::Source, &StrongMention),
    Opt(&P('.')),
    End,
]);

/// How an attribution finds its quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum How {
    /// The quote is in the same sentence.
    Here,
    /// The quote opens the next paragraph (a colon ends this one).
    Colon,
    /// Reported speech: a quote opening the next paragraph continues it.
    Reported,
    /// A line after the quote names its source.
    Dash,
}

/// The attribution rules, in the order they are tried at each token.
pub(crate) static RULES: &[Rule] = &[
    rule!(quote_verb_source, QUOTE_VERB_SOURCE),
    rule!(quote_inverted, QUOTE_INVERTED),
    rule!(quote_according, QUOTE_ACCORDING),
    rule!(quote_source_verb, QUOTE_SOURCE_VERB),
    rule!(according_quote, ACCORDING_QUOTE),
    rule!(source_verb_quote, SOURCE_VERB_QUOTE),
    rule!(source_colon_quote, SOURCE_COLON_QUOTE),
    rule!(source_verb_that_quote, SOURCE_VERB_THAT_QUOTE),
    rule!(according_then_quote, ACCORDING_THEN_QUOTE),
    rule!(source_verb_colon, SOURCE_VERB_COLON),
    rule!(according_colon, ACCORDING_COLON),
    rule!(quote_signed, QUOTE_SIGNED),
];

/// The rules for sentences without a quote: reported speech and a source after a dash.
pub(crate) static QUOTELESS_RULES: &[Rule] = &[
    rule!(source_verb_colon, SOURCE_VERB_COLON),
    rule!(according_colon, ACCORDING_COLON),
    rule!(dash_source, DASH_SOURCE),
    rule!(source_verb_reported, SOURCE_VERB_REPORTED),
];

/// How the attribution a rule reads finds its quote.
fn how(rule: &Rule, quote: bool) -> How {
    if quote {
        How::Here
    } else if std::ptr::eq(rule.pat, &DASH_SOURCE) {
        How::Dash
    } else if std::ptr::eq(rule.pat, &SOURCE_VERB_REPORTED) {
        How::Reported
    } else {
        How::Colon
    }
}

/// An attribution found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Attribution {
    /// The quote it attributes; none for a colon that leaves it to the next paragraph.
    pub quote: Option<usize>,
    /// The source's tokens.
    pub source: (usize, usize),
    /// The circumstances' tokens.
    pub context: Option<(usize, usize)>,
    /// The rule that read it.
    pub rule: &'static str,
    /// How it finds its quote.
    pub how: How,
}

/// The farthest a source starts before its cue, in tokens.
const MAX_SOURCE_TOKENS: usize = 40;

/// The longest line that may only name a quote's source, in tokens.
const MAX_NAME_LINE_TOKENS: usize = 48;

/// The number of the quote at token `i` of a frame.
pub(crate) fn quote_at(sent: &Sent<'_>, i: usize) -> Option<usize> {
    match sent.tok(i)?.kind {
        Kind::Quote(n) => Some(n),
        _ => None,
    }
}

fn attribution(sent: &Sent<'_>, rule: &'static Rule, m: &Match) -> Option<Attribution> {
    let quote = match m.caps.get(Slot::Quote) {
        Some((at, _)) => Some(quote_at(sent, at)?),
        None => None,
    };
    Some(Attribution {
        quote,
        source: m.caps.get(Slot::Source)?,
        context: m.caps.get(Slot::Context),
        rule: rule.name,
        how: how(rule, quote.is_some()),
    })
}

/// Every attribution in a sentence of a frame (a sentence whose quotes are single tokens).
pub(crate) fn attributions(sent: &Sent<'_>) -> Vec<Attribution> {
    let has_quote = sent.toks.iter().any(|t| matches!(t.kind, Kind::Quote(_)));
    let rules = if has_quote { RULES } else { QUOTELESS_RULES };
    // A line that only names someone may name a quote's source ("– Caroline Xavier, Chief").
    let speaks = sent
        .toks
        .iter()
        .any(|t| t.is(Class::SpeechVerb) || t.is(Class::AccordingTo))
        || sent.len() <= MAX_NAME_LINE_TOKENS;
    if !has_quote && !speaks {
        return Vec::new();
    }
    // A source stands at most this many tokens before its cue: anchors farther from any cue
    // need no trying (the rules' sources are long alternations).
    let cues: Vec<usize> = (0..sent.len())
        .filter(|&i| {
            sent.tok(i).is_some_and(|t| {
                t.may_start(Class::SpeechVerb.bit() | Class::AccordingTo.bit())
                    || matches!(t.kind, Kind::Quote(_) | Kind::Punct(':'))
                    || inverted_gender(sent, i).is_some()
            })
        })
        .collect();
    let near_cue = |at: usize| {
        at == 0 || {
            let next = cues.partition_point(|&c| c < at);
            cues.get(next).is_some_and(|&c| c - at <= MAX_SOURCE_TOKENS)
        }
    };
    let mut out = Vec::new();
    let mut at = 0;
    while at < sent.len() {
        if near_cue(at)
            && let Some((rule, m)) = first_rule(rules, sent, at)
            && m.end > at
        {
            out.extend(attribution(sent, rule, &m));
            at = m.end;
            continue;
        }
        at += 1;
    }
    out
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
    use rstest::rstest;

    /// Tokenizes `text` with "Q" standing for a quote token, and reads its attributions as
    /// (source text, rule).
    fn read(text: &str, lang: Lang) -> Vec<(Option<usize>, String, Option<String>)> {
        let v = vocab(lang);
        let mut buf = TokenBuf::default();
        tokenize(text, &mut buf);
        buf.annotate(v);
        let mut n = 0;
        for tok in &mut buf.toks {
            if &text[tok.start..tok.end] == "Q" {
                tok.kind = Kind::Quote(n);
                n += 1;
            }
        }
        let plain = buf.sent(text, 0..buf.len(), v);
        let spans =
            crate::import::rules::people::spans_of(&crate::import::rules::people::mentions(&plain));
        let sent = plain.with_spans(&spans);
        attributions(&sent)
            .into_iter()
            .map(|a| {
                (
                    a.quote,
                    sent.slice(a.source.0, a.source.1).unwrap().to_string(),
                    a.context
                        .and_then(|(x, y)| sent.slice(x, y))
                        .map(str::to_string),
                )
            })
            .collect()
    }

    #[rstest]
    #[case::fr_inverted_name(
        "Q, a noté M. Fedotov lors de ses remarques liminaires.",
        Lang::Fr,
        Some(0),
        "M. Fedotov",
        Some("lors de ses remarques liminaires")
    )]
    #[case::fr_pronoun("Q, a-t-elle déclaré.", Lang::Fr, Some(0), "a-t-elle", None)]
    #[case::fr_role(
        "Q, a conclu le directeur d'INTERPOL.",
        Lang::Fr,
        Some(0),
        "le directeur d'INTERPOL",
        None
    )]
    #[case::fr_selon("Q, selon l'ONUDC.", Lang::Fr, Some(0), "l'ONUDC", None)]
    #[case::fr_signed(
        "Q Dominique Voglimacci, magistrat de liaison pour l'Afrique de l'Ouest.",
        Lang::Fr,
        Some(0),
        "Dominique Voglimacci, magistrat de liaison pour l'Afrique de l'Ouest",
        None
    )]
    #[case::en_signed(
        "Q — Jane Doe, Director of the Unit.",
        Lang::En,
        Some(0),
        "Jane Doe, Director of the Unit",
        None
    )]
    #[case::fr_joint(
        "Q, soulignent les deux ministres.",
        Lang::Fr,
        Some(0),
        "les deux ministres",
        None
    )]
    #[case::fr_before(
        "Lors de son propre discours, le Secrétaire général d'INTERPOL Juergen Stock a dit Q",
        Lang::Fr,
        Some(0),
        "le Secrétaire général d'INTERPOL Juergen Stock",
        Some("Lors de son propre discours")
    )]
    #[case::fr_selon_before("Selon M. Fedotov, Q", Lang::Fr, Some(0), "M. Fedotov", None)]
    #[case::fr_colon(
        "Le chef du bureau national, Paul Ferrand, a quant à lui indiqué :",
        Lang::Fr,
        None,
        "Le chef du bureau national, Paul Ferrand",
        None
    )]
    #[case::en_said_name("Q, said Maria Lind.", Lang::En, Some(0), "Maria Lind", None)]
    #[case::en_said_minister(
        "Q, said Minister Karlsson.",
        Lang::En,
        Some(0),
        "Minister Karlsson",
        None
    )]
    #[case::en_she_added("Q, she added.", Lang::En, Some(0), "she", None)]
    #[case::en_name_said("Q Lind said.", Lang::En, Some(0), "Lind", None)]
    #[case::en_name_who_said(
        "Q Deputy Bureau Chief Maria Lind, who leads the unit, said.",
        Lang::En,
        Some(0),
        "Deputy Bureau Chief Maria Lind",
        None
    )]
    #[case::en_colon_quote(
        "Maria Lind, Director of the National Cyber Unit, said: Q",
        Lang::En,
        Some(0),
        "Maria Lind, Director of the National Cyber Unit",
        None
    )]
    #[case::en_group_between_source_and_verb(
        "Rapporteur Ismail ERTUG (S&D, DE) said: Q",
        Lang::En,
        Some(0),
        "Rapporteur Ismail ERTUG",
        None
    )]
    #[case::en_group_after_name_before_role(
        "Younous OMARJEE (the Left, FR) co-rapporteur for the RESTORE regulation stated: Q",
        Lang::En,
        Some(0),
        "Younous OMARJEE (the Left, FR) co-rapporteur for the RESTORE regulation",
        None
    )]
    #[case::en_statement(
        "Europol said in a statement: Q",
        Lang::En,
        Some(0),
        "Europol",
        Some("in a statement")
    )]
    #[case::en_reported(
        "Europol Executive Director Catherine De Bolle noted that the partnership Q",
        Lang::En,
        Some(0),
        "Europol Executive Director Catherine De Bolle",
        None
    )]
    #[case::en_according(
        "Q, according to the ministry.",
        Lang::En,
        Some(0),
        "the ministry",
        None
    )]
    #[case::en_attribute_to_colon(
        "Attribute to Detective Inspector Tom Wakefield, National Organised Crime Group:",
        Lang::En,
        None,
        "Detective Inspector Tom Wakefield",
        None
    )]
    #[case::en_role_qualifier_colon(
        "James Babbage, Director General (Threats) at the NCA, said: Q",
        Lang::En,
        Some(0),
        "James Babbage, Director General (Threats) at the NCA",
        None
    )]
    #[case::en_according_then_quote(
        "According to Mr. Urquiza, losses to investment fraud Q.",
        Lang::En,
        Some(0),
        "Mr. Urquiza",
        None
    )]
    #[case::en_lowercase_particle("Q, dos Santos added.", Lang::En, Some(0), "dos Santos", None)]
    #[case::fr_selon_apposition_then_quote(
        "Selon l'adjudant-chef Mathieu Garnier, enquêteur au département des investigations du C3N, les développeurs Q.",
        Lang::Fr,
        Some(0),
        "l'adjudant-chef Mathieu Garnier, enquêteur au département des investigations du C3N",
        None
    )]
    #[case::fr_pour_role_colon(
        "Pour la commissaire, ces dossiers doivent être menés jusqu'au bout, y compris sur le plan financier : Q",
        Lang::Fr,
        Some(0),
        "la commissaire",
        None
    )]
    #[case::fr_verb_object_colon(
        "La commissaire divisionnaire Nathalie Rivière, cheffe de l'OFAC, a souligné la dimension industrielle de la fraude : Q",
        Lang::Fr,
        Some(0),
        "La commissaire divisionnaire Nathalie Rivière, cheffe de l'OFAC",
        None
    )]
    #[case::fr_long_apposition_colon(
        "Leila Benali, cheffe de la section de la recherche et de l'analyse des tendances de l'ONUDC, qui a coordonné l'étude, résume ainsi ses conclusions : Q",
        Lang::Fr,
        Some(0),
        "Leila Benali, cheffe de la section de la recherche et de l'analyse des tendances de l'ONUDC",
        None
    )]
    #[case::fr_vice_procureure(
        "La vice-procureure Claire Vautrin, cheffe de la section de lutte contre la cybercriminalité, a salué Q.",
        Lang::Fr,
        Some(0),
        "La vice-procureure Claire Vautrin",
        None
    )]
    #[case::fr_surintendante(
        "Q, a déclaré la surintendante Marie-Josée Tremblay, officière responsable du CNCEE.",
        Lang::Fr,
        Some(0),
        "la surintendante Marie-Josée Tremblay, officière responsable du CNCEE",
        None
    )]
    #[case::en_org_anaphor(
        "Q, the organization warned.",
        Lang::En,
        Some(0),
        "the organization",
        None
    )]
    #[case::fr_org_anaphor("Q, a indiqué l'agence.", Lang::Fr, Some(0), "l'agence", None)]
    #[case::en_post_nominal_colon(
        "Quotes attributable to AUSTRAC CEO Nicole Rose PSM:",
        Lang::En,
        None,
        "AUSTRAC CEO Nicole Rose PSM",
        None
    )]
    #[case::en_role_comma_name_colon(
        "Quote attributable to the Head of the Fiji Financial Intelligence Unit, Caroline Pickering:",
        Lang::En,
        None,
        "the Head of the Fiji Financial Intelligence Unit, Caroline Pickering",
        None
    )]
    #[case::fr_statement_of_org(
        "Q, conclut le communiqué de la DGSN.",
        Lang::Fr,
        Some(0),
        "le communiqué de la DGSN",
        None
    )]
    #[case::fr_counted_joint(
        "Réunis à l'issue de la cérémonie, les trois chefs d'autorité ont déclaré dans une déclaration commune : Q",
        Lang::Fr,
        Some(0),
        "les trois chefs d'autorité",
        Some("dans une déclaration commune")
    )]
    fn attributions_are_read(
        #[case] text: &str,
        #[case] lang: Lang,
        #[case] quote: Option<usize>,
        #[case] source: &str,
        #[case] context: Option<&str>,
    ) {
        let got = read(text, lang);
        assert_eq!(
            got.first(),
            Some(&(quote, source.to_string(), context.map(str::to_string))),
            "{got:?}"
        );
    }

    #[rstest]
    #[case::plain("The weather was fine.", Lang::En)]
    #[case::title("The report Q was published.", Lang::En)]
    #[case::name_then_clause("Q Jane Doe then left the room.", Lang::En)]
    fn no_attribution_without_a_cue(#[case] text: &str, #[case] lang: Lang) {
        assert_eq!(read(text, lang), []);
    }
}
