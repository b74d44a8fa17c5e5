//! Sentences -> facts: runs each rule family over the body, paragraph by paragraph, and keeps
//! what they read as plain [`Facts`]. Pure and linear: each paragraph is tokenized once; its
//! frame (quotes as single tokens) feeds the people and speech rules, its raw tokens (quotes
//! included) the items rules. No I/O here.

use std::ops::Range;

use super::facts::{
    ColonFact, Facts, ItemFact, MentionFact, OrgFact, PersonFact, PersonRef, Pos, QuoteFact, Source,
};
use super::lexicon::{Class, Gender, LineClass, Vocab};
use super::outline::{Outline, Section};
use super::pattern::inverted_gender;
use super::quotes::{self, Warnings};
use super::rules::event;
use super::rules::items::{headline_event, items_in};
use super::rules::people::{Mention, mentions, spans_of};
use super::rules::speech::{How, attributions, quote_at};
use super::taxonomy::Taxonomy;
use super::token::{Sent, TokenBuf, sentences, shape, tokenize};
use super::words::{capitalize_first, collapse_ws, cut_chars, head};

/// An item's detail (its sentence) is cut to this many characters.
pub(crate) const MAX_DETAIL_CHARS: usize = 400;

/// The body as one text, paragraphs separated by blank lines, and each paragraph's range:
/// a view of the outline's text (held once).
pub(crate) struct Body<'a> {
    /// The text.
    pub text: &'a str,
    /// Each paragraph's range in it.
    pub paras: Vec<Range<usize>>,
}

impl Body<'_> {
    /// The body of an outline.
    pub fn of(outline: &Outline) -> Body<'_> {
        Body {
            text: &outline.text,
            paras: outline.paras.iter().map(|p| p.range.clone()).collect(),
        }
    }
}

/// The text of tokens `range` of a sentence, on one line.
fn text_of(sent: &Sent<'_>, (a, b): (usize, usize)) -> Option<String> {
    let text = collapse_ws(sent.slice(a, b)?);
    let trimmed = text.trim_matches([',', ' ', ';']);
    if trimmed.is_empty() {
        return None;
    }
    // Most texts have nothing to trim: the collapsed copy is the text, not copied again.
    if trimmed.len() == text.len() {
        return Some(text);
    }
    Some(trimmed.to_string())
}

/// An item's label: its words, without the small words a list left at its ends ("pour",
/// "and the").
fn label_of(sent: &Sent<'_>, (a, mut b): (usize, usize)) -> Option<String> {
    // A closing bracket whose opening one is in the label stays ("Platform (EMPACT)").
    let closes = |b: usize| sent.is_punct(b - 1, ')') && (a..b - 1).any(|i| sent.is_punct(i, '('));
    while b > a + 1
        && !closes(b)
        && sent.tok(b - 1).is_some_and(|t| {
            !t.is_word()
                || t.is(Class::Stop) && !t.is(Class::ItemAdjective)
                || t.is(Class::Determiner)
                || t.is(Class::ItemPreposition)
        })
    {
        b -= 1;
    }
    text_of(sent, (a, b))
}

/// The letters of Roman numerals in names ("Henry VIII").
const ROMAN_DIGITS: [char; 5] = ['I', 'V', 'X', 'L', 'C'];

/// A name with the words written in capitals ("Andrzej BUŁA") in the case of the other
/// words ("Andrzej Buła"); Roman numerals stay ("Henry VIII").
pub(crate) fn name_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for (n, word) in name.split(' ').enumerate() {
        if n > 0 {
            out.push(' ');
        }
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        let shouting = letters >= 2
            && !word.chars().any(char::is_lowercase)
            && !word.chars().all(|c| ROMAN_DIGITS.contains(&c));
        if !shouting {
            out.push_str(word);
            continue;
        }
        // Each word part starts with a capital: "JEAN-PIERRE" -> "Jean-Pierre", "O'NEILL" ->
        // "O'Neill".
        let mut start = true;
        for c in word.chars() {
            if start {
                out.push(c);
            } else {
                out.extend(c.to_lowercase());
            }
            start = !c.is_alphabetic();
        }
    }
    out
}

/// A person reference from a mention's token ranges.
fn person_ref(
    sent: &Sent<'_>,
    name: (usize, usize),
    role: Option<(usize, usize)>,
    org: Option<(usize, usize)>,
    gender: Option<Gender>,
) -> Option<PersonRef> {
    Some(PersonRef {
        name: name_case(&text_of(sent, name)?),
        role: role.and_then(|r| text_of(sent, r)),
        org: org.and_then(|o| text_of(sent, o)),
        gender,
    })
}

/// What a mention says of a source.
fn source_of(sent: &Sent<'_>, mention: &Mention) -> Option<Source> {
    Some(match mention {
        Mention::Person {
            name,
            role,
            org,
            gender,
        } => Source::Person(person_ref(sent, *name, *role, *org, *gender)?),
        Mention::Role { role, org, gender } => Source::Role {
            role: text_of(sent, *role)?,
            org: org.and_then(|o| text_of(sent, o)),
            gender: *gender,
        },
        Mention::Pronoun(gender) => Source::Pronoun(*gender),
        Mention::Joint(range) => Source::Joint(text_of(sent, *range)?),
        Mention::OrgRef(range) => Source::OrgRef(text_of(sent, *range)?),
        // One capitalised word speaks only as a known organisation or an acronym ("Europol
        // said", "the OSCE said"), never as a place or a common word ("Paris", "Justice").
        Mention::Org(range) => {
            let (a, b) = *range;
            let known = b > a + 1
                || sent.is(a, Class::OrgName)
                || sent
                    .tok(a)
                    .is_some_and(|t| t.has(shape::UPPER | shape::LETTER));
            if !known {
                return None;
            }
            Source::Org(text_of(sent, *range)?)
        }
        Mention::Name(name) => Source::Person(person_ref(sent, *name, None, None, None)?),
    })
}

/// The state of extraction over one release.
struct Extractor<'a> {
    vocab: &'a Vocab,
    taxonomy: &'static Taxonomy,
    facts: Facts,
    raw: TokenBuf,
    /// The frame of `raw` (quotes as single tokens), its room reused from paragraph to
    /// paragraph.
    frame: TokenBuf,
    /// The lead paragraph.
    lead: Option<usize>,
}

/// Reads every paragraph of the body into facts; quotes that do not close become warnings.
pub(crate) fn extract(
    outline: &Outline,
    body: &Body<'_>,
    vocab: &Vocab,
    taxonomy: &'static Taxonomy,
    warnings: &mut Warnings,
) -> Facts {
    let found = quotes::scan(body.text, &body.paras, warnings);
    let mut ex = Extractor {
        vocab,
        taxonomy,
        facts: Facts::default(),
        raw: TokenBuf::spare(),
        frame: TokenBuf::spare(),
        lead: outline.lead,
    };
    // One fact per quote found, numbered as found.
    ex.facts.quotes.reserve_exact(found.len());
    let lead = outline
        .lead
        .and_then(|at| body.paras.get(at))
        .and_then(|r| body.text.get(r.clone()));
    ex.front(
        &outline.title,
        outline.caption.as_deref(),
        lead,
        &outline.masthead,
    );
    // Quotes are in order and end in order: a cursor over them finds each paragraph's.
    let mut first_open = 0;
    for (p, (range, para)) in body.paras.iter().zip(&outline.paras).enumerate() {
        let text = body.text.get(range.clone()).unwrap_or_default();
        while found.get(first_open).is_some_and(|q| q.paras.1 < p) {
            first_open += 1;
        }
        // The quotes in this paragraph, as byte ranges of it, with their numbers.
        let mut in_para = Vec::new();
        for (n, q) in found
            .iter()
            .enumerate()
            .skip(first_open)
            .take_while(|(_, q)| q.paras.0 <= p)
        {
            if p <= q.paras.1 {
                let start = q.open.max(range.start) - range.start;
                let end = q.close_end.min(range.end).max(range.start) - range.start;
                in_para.push((start, end, n));
                if q.paras.0 == p {
                    ex.facts.quotes.push(QuoteFact {
                        text: quotes::quote_text(body.text, &body.paras, q),
                        paras: q.paras,
                        pos: Pos { para: p, tok: 0 },
                        opens_para: body
                            .text
                            .get(range.start..q.open)
                            .is_some_and(|s| s.trim().is_empty()),
                        source: None,
                        source_pos: Pos::default(),
                        context: None,
                        after_title_cue: false,
                    });
                }
            }
        }
        ex.paragraph(p, text, &in_para, para.section);
    }
    ex.title_items(&outline.title, body.paras.len());
    ex.contacts(&outline.contacts);
    ex.facts
}

/// The fewest words of a headline whose capitals tell nothing.
const MIN_CASED_WORDS: usize = 3;
/// The most characters of a small word title case leaves in lowercase ("of", "to", "for");
/// a longer one is small when the lexicon says it is a connector ("with", "pour").
const MAX_SMALL_WORD: usize = 3;

/// True when every word of the sentence but its small ones (articles, prepositions,
/// connectors) starts with a capital, and there are enough of them: a headline in title case
/// or in capitals, where a run of capitals is no sign of a name.
pub(crate) fn capitals_say_nothing(sent: &Sent<'_>) -> bool {
    let mut words = 0;
    for at in 0..sent.len() {
        let Some(tok) = sent.tok(at).filter(|t| t.has(shape::LETTER)) else {
            continue;
        };
        let small = sent
            .lower(at)
            .is_some_and(|w| w.chars().count() <= MAX_SMALL_WORD)
            || [
                Class::OrgConnector,
                Class::Determiner,
                Class::ListConnector,
                Class::ItemPreposition,
                Class::RolePreposition,
                Class::ItemTail,
            ]
            .into_iter()
            .any(|class| tok.is(class));
        if tok.has(shape::CAP) {
            words += 1;
        } else if !small {
            return false;
        }
    }
    words >= MIN_CASED_WORDS
}

/// Where the masthead's lines start among the texts of the front (after the title, the
/// caption and the lead).
const MASTHEAD_TEXT: usize = 3;

/// True when a name is a given name the lexicon knows and at least a surname ("Michael
/// Keenan"), not a role's words in capitals ("Assisting", "Du Rhône").
fn has_given_name(name: &str) -> bool {
    name.split_once(' ').is_some_and(|(given, _)| {
        crate::import::lexicon::given_name_gender(&super::words::fold_key(given)).is_some()
    })
}

/// The fewest and the most words of a name before a telephone number.
const MIN_CONTACT_NAME_WORDS: usize = 2;
const MAX_CONTACT_NAME_WORDS: usize = 3;

/// The contacts sections name at most this many people.
const MAX_CONTACTS: usize = 8;

/// True when a line of contacts is data, no name or role: a telephone number, an address
/// for mail or the web, a label ("Contact data:").
fn is_contact_data(line: &str) -> bool {
    line.chars().any(|c| c.is_ascii_digit())
        || line.contains('@')
        || line.ends_with(':')
        || super::links::has_web_address(line)
}

impl Extractor<'_> {
    /// The people of the contacts sections: a line that is a name, the next its role and,
    /// when the people rules read it as the role's organisation, the one after. The lines
    /// are read as one sentence ("Alain Fontaine, Press officer, Council of the EU"), so a
    /// name and a role are what they are in prose.
    fn contacts(&mut self, lines: &[String]) {
        let mut at = 0;
        // The label of a line of contacts ("Media contacts: Jane Roe 0400 000 000"), the role
        // of the people named on it and on the lines after it.
        let mut label: Option<&str> = None;
        while let Some(name) = lines.get(at) {
            at += 1;
            if self.facts.contacts.len() >= MAX_CONTACTS {
                return;
            }
            if let Some((label, written)) = super::outline::byline(name, self.vocab) {
                self.facts.contacts.push(PersonRef {
                    name: name_case(written),
                    role: Some(label.to_string()),
                    org: None,
                    gender: None,
                });
                continue;
            }
            if is_contact_data(name) {
                if let Some((written, _)) = name.split_once(':')
                    && self.vocab.line_phrase(written, LineClass::Contact) == Some("")
                {
                    label = Some(written.trim());
                }
                if let Some(role) = label {
                    self.phone_names(name, role);
                }
                continue;
            }
            let Some(role) = lines.get(at).filter(|l| !is_contact_data(l)) else {
                continue;
            };
            let org = lines.get(at + 1).filter(|l| !is_contact_data(l));
            if let Some(person) = org.and_then(|org| self.contact_card(name, &[role, org])) {
                at += 2;
                self.facts.contacts.push(person);
            } else if let Some(person) = self.contact_card(name, &[role]) {
                at += 1;
                self.facts.contacts.push(person);
            }
        }
    }

    /// The people a line of contacts names before their telephone numbers: "Jane Roe 0400
    /// 000 000 or John Doe (02) 6277 7260": two or three capitalised words, no role's or
    /// honorific's, then a number. `role` is the line's label.
    fn phone_names(&mut self, line: &str, role: &str) {
        tokenize(line, &mut self.raw);
        self.raw.annotate(self.vocab);
        let sent = self.raw.sent(line, 0..self.raw.len(), self.vocab);
        let is_name_word = |i: usize| {
            sent.tok(i).is_some_and(|t| {
                t.is_word()
                    && t.has(shape::CAP)
                    && !t.has(shape::UPPER)
                    && !t.has(shape::HAS_DIGIT)
                    && !t.is(Class::Role)
                    && !t.is(Class::RoleWord)
                    && !t.is(Class::Honorific)
                    && !t.is(Class::HonorificM)
                    && !t.is(Class::HonorificF)
            })
        };
        let is_number = |i: usize| sent.tok(i).is_some_and(|t| t.has(shape::DIGIT));
        let mut at = 0;
        while at < sent.len() {
            let words = (at..sent.len()).take_while(|&i| is_name_word(i)).count();
            let end = at + words;
            let numbered = is_number(end) || sent.is_punct(end, '(') && is_number(end + 1);
            let starts_run = at == 0 || !is_name_word(at - 1);
            if starts_run
                && (MIN_CONTACT_NAME_WORDS..=MAX_CONTACT_NAME_WORDS).contains(&words)
                && numbered
                && self.facts.contacts.len() < MAX_CONTACTS
                && let Some(written) = sent.slice(at, end)
            {
                self.facts.contacts.push(PersonRef {
                    name: name_case(written),
                    role: Some(role.to_string()),
                    org: None,
                    gender: None,
                });
            }
            at = end.max(at + 1);
        }
    }

    /// The person of a contact card: `name` when the people rules read it, followed by
    /// `lines` after commas, as a name with its role; with more than one line, only when
    /// they read all of them (the last as the role's organisation). The role is the lines
    /// as written.
    fn contact_card(&mut self, name: &str, lines: &[&String]) -> Option<PersonRef> {
        let mut text = name.to_string();
        for line in lines {
            text.push_str(", ");
            text.push_str(line);
        }
        tokenize(&text, &mut self.raw);
        self.raw.annotate(self.vocab);
        let sent = self.raw.sent(&text, 0..self.raw.len(), self.vocab);
        let (mention, (_, end)) = mentions(&sent).into_iter().next()?;
        let Mention::Person {
            name: named,
            role: Some(_),
            gender,
            ..
        } = mention
        else {
            return None;
        };
        let whole = lines.len() < 2 || end == sent.len();
        let written = text_of(&sent, named)?;
        if named.0 != 0 || !whole || written != name.trim() {
            return None;
        }
        let role = lines
            .iter()
            .map(|l| l.trim())
            .collect::<Vec<_>>()
            .join(", ");
        Some(PersonRef {
            name: name_case(&written),
            role: Some(role),
            org: None,
            gender,
        })
    }

    /// The title and the lead name the release's parties; the title and the caption name
    /// people the body may call by surname only ("Mr. Guterres").
    /// The masthead above the title names the people the release is from ("The Hon Jane
    /// Roe MP", "SENATOR THE HON. JOHN DOE"), by name only.
    fn front(
        &mut self,
        title: &str,
        caption: Option<&str>,
        lead: Option<&str>,
        masthead: &[String],
    ) {
        let texts = [
            (Some(title), true, true),
            (caption, false, true),
            (lead, true, false),
        ]
        .into_iter()
        .chain(
            masthead
                .iter()
                .map(|line| (Some(line.as_str()), false, true)),
        );
        for (n, (text, orgs, people)) in texts.enumerate() {
            let Some(text) = text else { continue };
            tokenize(text, &mut self.raw);
            self.raw.annotate(self.vocab);
            let buf = std::mem::take(&mut self.raw);
            for range in sentences(&buf.toks).into_iter().take(2) {
                let sent = buf.sent(text, range, self.vocab);
                // The organisation that hosts the occasion is no party: "en marge de la
                // session de la Commission pour la prévention du crime".
                let occasion = event::event_span(&sent).map(|(span, _)| span);
                // In a headline whose every word has a capital ("Eight Defendants Indicted
                // For Trafficking Weapons", "CONDAMNE DANS LES TERMES…"), capitals tell no
                // name: its organisations take part as the body's do, named again there.
                let in_front = n != 0 || !capitals_say_nothing(&sent);
                for (mention, (a, _)) in mentions(&sent) {
                    if people
                        && let Mention::Person {
                            name,
                            role,
                            org,
                            gender,
                        } = mention
                        && let Some(person) = person_ref(&sent, name, role, org, gender)
                        // A masthead's words are capitalised whatever they are: its person
                        // has a given name the lexicon knows and a surname.
                        && (n < MASTHEAD_TEXT || has_given_name(&person.name))
                    {
                        self.facts.people.push(PersonFact {
                            person,
                            pos: Pos { para: 0, tok: 0 },
                        });
                    }
                    if orgs
                        && let Mention::Org(org) = mention
                        && occasion.is_none_or(|(s, e)| org.0 < s || org.0 >= e)
                        && let Some(name) = text_of(&sent, org)
                    {
                        // A run of capitals with no organisation's word, known name or acronym
                        // ("Formula One", "Super Bowl") takes part as the body's do.
                        let named = (org.0..org.1).any(|i| {
                            sent.is(i, Class::OrgWord)
                                || sent.is(i, Class::OrgName)
                                || sent.tok(i).is_some_and(|t| t.has(shape::UPPER))
                        });
                        self.facts.orgs.push(OrgFact {
                            name,
                            in_front: in_front && named,
                            named_again_only: !in_front,
                            pos: Pos { para: 0, tok: a },
                        });
                    }
                }
            }
            self.raw = buf;
        }
    }

    /// The threats and areas the title names ("agree on joint action against migrant
    /// smuggling"), after the body's: the body's words name them better, and an item the title
    /// alone names comes last. `para` is a number no paragraph of the body has.
    fn title_items(&mut self, title: &str, para: usize) {
        tokenize(title, &mut self.raw);
        self.raw.annotate(self.vocab);
        let raw = std::mem::take(&mut self.raw);
        for (s, range) in sentences(&raw.toks).into_iter().enumerate() {
            let sent = raw.sent(title, range.clone(), self.vocab);
            self.items(para, s, range.start, &sent, Section::Title);
        }
        self.raw = raw;
    }

    fn paragraph(
        &mut self,
        p: usize,
        text: &str,
        in_para: &[(usize, usize, usize)],
        section: Section,
    ) {
        tokenize(text, &mut self.raw);
        self.raw.annotate(self.vocab);
        // A paragraph without quotes is its own frame: its tokens are not copied (a long
        // paragraph's were most of the importer's memory).
        let (frame, copied) = if in_para.is_empty() {
            (std::mem::take(&mut self.raw), false)
        } else {
            let mut frame = std::mem::take(&mut self.frame);
            self.raw.frame_into(in_para, &mut frame);
            (frame, true)
        };
        let mut offset = 0;
        for range in sentences(&frame.toks) {
            let sent = frame.sent(text, range.clone(), self.vocab);
            self.people_and_speech(p, offset, &sent);
            offset += range.len();
        }
        if copied {
            self.frame = frame;
        } else {
            self.raw = frame;
        }
        if section == Section::About {
            return;
        }
        let raw = std::mem::take(&mut self.raw);
        for (s, range) in sentences(&raw.toks).into_iter().enumerate() {
            let sent = raw.sent(text, range.clone(), self.vocab);
            self.items(p, s, range.start, &sent, section);
        }
        self.raw = raw;
    }

    /// People, organisations and attributions of one sentence of a frame; `offset` is the
    /// sentence's first token in the paragraph's frame.
    fn people_and_speech(&mut self, p: usize, offset: usize, sent: &Sent<'_>) {
        let found = mentions(sent);
        // The occasion the sentence names, worked out at its first organisation.
        let mut occasion: Option<Option<(usize, usize)>> = None;
        for (mention, (a, _)) in &found {
            let pos = Pos {
                para: p,
                tok: offset + a,
            };
            match mention {
                Mention::Person {
                    name,
                    role,
                    org,
                    gender,
                } => {
                    if let Some(person) = person_ref(sent, *name, *role, *org, *gender) {
                        if let Some(org) = &person.org {
                            self.facts.orgs.push(OrgFact {
                                name: org.clone(),
                                in_front: false,
                                named_again_only: false,
                                pos,
                            });
                        }
                        self.facts.people.push(PersonFact { person, pos });
                    }
                }
                Mention::Org(range) => {
                    if let Some(name) = text_of(sent, *range) {
                        let occasion = *occasion
                            .get_or_insert_with(|| event::event_span(sent).map(|(span, _)| span));
                        self.facts.orgs.push(OrgFact {
                            name,
                            in_front: false,
                            named_again_only: occasion
                                .is_some_and(|(s, e)| range.0 >= s && range.0 < e),
                            pos,
                        });
                    }
                }
                // A bare name is someone only as a quote's source.
                Mention::Name(_) => {}
                _ => {
                    if let Some(source) = source_of(sent, mention) {
                        self.facts.mentions.push(MentionFact { source, pos });
                    }
                }
            }
        }
        self.quote_places(p, offset, sent);
        let spans = spans_of(&found);
        let framed = sent.with_spans(&spans);
        for found in attributions(&framed).into_iter().map(|a| {
            (
                a.clone(),
                found
                    .iter()
                    .find(|(_, r)| r.0 == a.source.0)
                    .map(|(m, _)| m.clone()),
            )
        }) {
            let (found, mention) = found;
            let source = match (mention, inverted_gender(sent, found.source.0)) {
                (_, Some(gender)) => Some(Source::Pronoun(gender)),
                (Some(mention), None) => source_of(sent, &mention),
                (None, None) => None,
            };
            let Some(source) = source else { continue };
            let pos = Pos {
                para: p,
                tok: offset + found.source.0,
            };
            let context = found
                .context
                .and_then(|c| text_of(sent, c))
                .map(|c| super::words::lowercase_first(&c));
            match found.quote {
                Some(n) => {
                    if let Some(quote) = self.facts.quotes.get_mut(n)
                        && quote.source.is_none()
                    {
                        quote.source = Some(Box::new((source, found.rule)));
                        quote.source_pos = pos;
                        quote.context = context;
                    }
                }
                // A line after a quote names its source only when the line starts with it.
                None if found.how == How::Dash && offset + found.source.0 > 1 => {}
                None => self.facts.colons.push(ColonFact {
                    para: p,
                    source,
                    pos,
                    how: found.how,
                }),
            }
        }
    }

    /// Places each quote of the sentence, and marks those that follow a word naming a title
    /// ("the report “World Drug Report”").
    fn quote_places(&mut self, p: usize, offset: usize, sent: &Sent<'_>) {
        for i in 0..sent.len() {
            let Some(n) = quote_at(sent, i) else { continue };
            if let Some(quote) = self.facts.quotes.get_mut(n)
                && quote.paras.0 == p
            {
                quote.pos = Pos {
                    para: p,
                    tok: offset + i,
                };
            }
            // "part of the “Fit for 55 in 2030 package”": a quote right after an article is
            // a name, as after a title cue.
            let cue = (i.saturating_sub(3)..i)
                .rev()
                .take_while(|&k| sent.tok(k).is_some_and(|t| t.is_word()))
                .any(|k| sent.is(k, Class::TitleCue))
                || i > 0 && sent.is(i - 1, Class::Determiner);
            if cue && let Some(quote) = self.facts.quotes.get_mut(n) {
                quote.after_title_cue = true;
            }
        }
    }

    /// Threats and areas of one sentence of raw tokens; `first` is its first token.
    fn items(&mut self, p: usize, s: usize, first: usize, sent: &Sent<'_>, section: Section) {
        let mut found = items_in(sent, self.taxonomy);
        if section == Section::Title {
            found.extend(headline_event(sent, self.taxonomy));
        }
        if found.is_empty() {
            return;
        }
        // The sentence, once for all its items and only when one is kept (most mentions of a
        // long release name an item kept before); past a few hundred characters it is cut.
        let mut detail: Option<std::rc::Rc<str>> = None;
        let detail_of = || -> std::rc::Rc<str> {
            sent.slice(0, sent.len())
                .map(|s| {
                    cut_chars(
                        &collapse_ws(head(s, 4 * MAX_DETAIL_CHARS)),
                        MAX_DETAIL_CHARS,
                    )
                })
                .unwrap_or_default()
                .into()
        };
        // What an item holds until it is kept.
        let no_detail: std::rc::Rc<str> = std::rc::Rc::from("");
        for item in found {
            // An event is an area of the release about it, which names it in its title or
            // lead ("at the 43rd ASEANAPOL Conference"), not of one that names it in passing
            // ("will be presented at the Conference of the Parties").
            if item.event && section != Section::Title && self.lead != Some(p) {
                continue;
            }
            let Some(label) = label_of(sent, item.label) else {
                continue;
            };
            let label = match item.shared_head.and_then(|h| text_of(sent, h)) {
                Some(head) => format!("{head} {label}"),
                None => label,
            };
            let label = match item.shared_tail.and_then(|t| text_of(sent, t)) {
                Some(tail) => format!("{label} {tail}"),
                None => label,
            };
            let category = item
                .category
                .and_then(|c| self.taxonomy.category(c))
                .map(|(id, _)| id);
            let item = ItemFact {
                kind: item.kind,
                category,
                label: capitalize_first(&label),
                detail: std::rc::Rc::clone(&no_detail),
                emerging: item.emerging,
                list: item.list.map(|l| (p, s, l)),
                chain: item.chain.map(|l| (p, s, l)),
                proper: item.proper,
                partnered: item.partnered,
                section,
                pos: Pos {
                    para: p,
                    tok: first + item.label.0,
                },
            };
            if let Some(kept) = self.facts.items.add(item, self.taxonomy, self.vocab) {
                kept.detail = std::rc::Rc::clone(detail.get_or_insert_with(detail_of));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{capitals_say_nothing, name_case};
    use crate::import::lexicon::vocab;
    use crate::model::Lang;

    #[rstest::rstest]
    #[case::title_case(
        "Eight Defendants Indicted For Trafficking Weapons Across State Lines",
        Lang::En,
        true
    )]
    #[case::title_case_small_words(
        "Suspect Extradited from El Salvador to Face Charges",
        Lang::En,
        true
    )]
    #[case::capitals(
        "CONDAMNE DANS LES TERMES LES PLUS VIFS LE DOUBLE ATTENTAT",
        Lang::Fr,
        true
    )]
    #[case::sentence_case(
        "UNODC and INTERPOL sign an agreement on maritime crime",
        Lang::En,
        false
    )]
    #[case::sentence_case_fr("L'ONUDC et INTERPOL signent un accord", Lang::Fr, false)]
    #[case::too_short("Europol Statement", Lang::En, false)]
    #[case::short_verb("INTERPOL and AUSTRAC open the Octopus Conference", Lang::En, false)]
    fn a_headline_in_title_case_tells_no_names(
        #[case] text: &str,
        #[case] lang: Lang,
        #[case] cased: bool,
    ) {
        let v = vocab(lang);
        let buf = crate::import::outline::tokens_of(text, v);
        let sent = buf.sent(text, 0..buf.len(), v);
        assert_eq!(capitals_say_nothing(&sent), cased, "{text}");
    }

    #[test]
    fn surnames_in_capitals_take_the_case_of_the_name() {
        assert_eq!(name_case("Andrzej BUŁA"), "Andrzej Buła");
        assert_eq!(
            name_case("Snježana KOBEŠĆAK SMODIŠ"),
            "Snježana Kobešćak Smodiš"
        );
        assert_eq!(name_case("JEAN-PIERRE O'NEILL"), "Jean-Pierre O'Neill");
        // Names already in mixed case, and Roman numerals, stay as written.
        assert_eq!(name_case("Nicoletta della Valle"), "Nicoletta della Valle");
        assert_eq!(name_case("Henry VIII"), "Henry VIII");
    }
}
