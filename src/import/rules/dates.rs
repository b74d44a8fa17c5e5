//! The dates family: a date written out ("23 mai 2016", "February 14, 2024", "8-9 JUNE 2023",
//! "le 1er mars 2024"), in figures ("03/02/2021"), or as a timestamp ("2021-02-03 09:12:44",
//! also glued to a word: "Newsroom2021-02-03"). A range gives its first day.
//!
//! Patterns capture the day, month and year tokens; [`date_of`] checks them (a day token may
//! be "8-9", "1er" or "14th") and makes the date. No I/O here.

use crate::import::lexicon::Class;
use crate::import::pattern::Pat::{self, *};
use crate::import::pattern::{Match, Rule, Slot, rule, scan};
use crate::import::token::Sent;
use crate::model::Date;

static WEEKDAY: Pat = Opt(&Seq(&[Is(Class::Weekday), Opt(&P(','))]));
/// A second day after the first: "8-9", "8 to 9", "du 8 au 9".
static SECOND_DAY: Pat = Opt(&Seq(&[Is(Class::RangeWord), Word]));

/// The date rules, most specific first.
pub(crate) static RULES: &[Rule] = &[
    rule!(
        day_month_year,
        Seq(&[
            Ref(&WEEKDAY),
            Opt(&Is(Class::DateArticle)),
            Save(Slot::Day, &Word),
            Ref(&SECOND_DAY),
            Save(Slot::Month, &Is(Class::Month)),
            Opt(&P('.')),
            Opt(&P(',')),
            Save(Slot::Year, &Number),
        ])
    ),
    rule!(
        month_day_year,
        Seq(&[
            Ref(&WEEKDAY),
            Save(Slot::Month, &Is(Class::Month)),
            Opt(&P('.')),
            Save(Slot::Day, &Word),
            Ref(&SECOND_DAY),
            Opt(&P(',')),
            Save(Slot::Year, &Number),
        ])
    ),
    rule!(
        figures,
        Seq(&[
            Save(Slot::Day, &Number),
            AnyOf("/."),
            Save(Slot::Month, &Number),
            AnyOf("/."),
            Save(Slot::Year, &Number),
        ])
    ),
    rule!(timestamp, Save(Slot::Year, &WithDigit)),
];

/// The number a day token starts with: "8" of "8-9", "1" of "1er" or "1st".
fn day_number(word: &str, sent: &Sent<'_>) -> Option<i8> {
    let digits: &str = word.split(['-', '–']).next().filter(|d| !d.is_empty())?;
    let end = digits.bytes().take_while(u8::is_ascii_digit).count();
    let (number, suffix) = digits.split_at_checked(end)?;
    let ordinal = suffix.is_empty()
        || sent
            .vocab
            .ordinal_suffixes
            .iter()
            .any(|s| s.eq_ignore_ascii_case(suffix));
    if !ordinal || number.len() > 2 {
        return None;
    }
    number.parse().ok()
}

/// An ISO date `YYYY-MM-DD` anywhere in `word` ("2021-02-03", "Newsroom2021-02-03T09:12").
fn iso_in(word: &str) -> Option<Date> {
    let bytes = word.as_bytes();
    (0..bytes.len().saturating_sub(9)).find_map(|at| {
        let window = bytes.get(at..at + 10)?;
        let shape = window.iter().enumerate().all(|(k, b)| match k {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        });
        let before_ok = at == 0 || !bytes.get(at - 1).is_some_and(u8::is_ascii_digit);
        let after_ok = !bytes.get(at + 10).is_some_and(u8::is_ascii_digit);
        if !(shape && before_ok && after_ok) {
            return None;
        }
        Date::parse_iso(word.get(at..at + 10)?)
    })
}

/// The date a match of [`RULES`] names, when its parts make one.
pub(crate) fn date_of(sent: &Sent<'_>, m: &Match) -> Option<Date> {
    let text = |slot: Slot| {
        let (a, b) = m.caps.get(slot)?;
        sent.slice(a, b)
    };
    let lower = |slot: Slot| sent.lower(m.caps.get(slot)?.0);
    let year_word = text(Slot::Year)?;
    let Some(day_word) = text(Slot::Day) else {
        return iso_in(year_word);
    };
    let year: i16 = year_word
        .parse()
        .ok()
        .filter(|y| (1900..=2200).contains(y))?;
    let day = day_number(day_word, sent)?;
    let month = match lower(Slot::Month).and_then(|w| sent.vocab.month(w.trim_end_matches('.'))) {
        Some(month) => month,
        None => {
            // Figures: the day first, as most of the world writes them, unless it cannot be
            // ("02/14/2024").
            let second: i8 = text(Slot::Month)?.parse().ok()?;
            let (day, month) = if second > 12 {
                (second, day)
            } else {
                (day, second)
            };
            return Date::new(year, month, day);
        }
    };
    Date::new(year, month, day)
}

/// Every date of the sentence, with the tokens it covers.
/// False when `text` can hold no date: every date has its year in ASCII figures (each rule
/// saves a year of digits, and [`date_of`] reads it as a number), so a text without a figure
/// is not tokenized to be told so.
pub(crate) fn may_hold_date(text: &str) -> bool {
    text.bytes().any(|byte| byte.is_ascii_digit())
}

pub(crate) fn dates_in(sent: &Sent<'_>) -> Vec<(Date, Match)> {
    scan(RULES, sent)
        .into_iter()
        .filter_map(|(_, m)| date_of(sent, &m).map(|d| (d, m)))
        .collect()
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

    fn first_date(text: &str, lang: Lang) -> Option<String> {
        let v = vocab(lang);
        let mut buf = TokenBuf::default();
        tokenize(text, &mut buf);
        buf.annotate(v);
        let sent = buf.sent(text, 0..buf.len(), v);
        dates_in(&sent).first().map(|(d, _)| d.to_string())
    }

    #[rstest]
    #[case::seed("23 mai 2016 - Lors d'un événement", Lang::Fr, "2016-05-23")]
    #[case::fr_article("Paris, le 12 mars 2024", Lang::Fr, "2024-03-12")]
    #[case::fr_first("Lyon, le 1er avril 2023", Lang::Fr, "2023-04-01")]
    #[case::range_caps("VIENNA, 8-9 JUNE 2023 –", Lang::En, "2023-06-08")]
    #[case::range_words("du 8 au 9 juin 2023", Lang::Fr, "2023-06-08")]
    #[case::us("WASHINGTON, February 14, 2024 —", Lang::En, "2024-02-14")]
    #[case::abbreviated("Published on 03 Feb 2021", Lang::En, "2021-02-03")]
    #[case::weekday("Tuesday, 5 March 2024", Lang::En, "2024-03-05")]
    #[case::iso("2021-02-03 09:12:44", Lang::En, "2021-02-03")]
    #[case::glued("Newsroom2021-02-03 09:12:44", Lang::En, "2021-02-03")]
    #[case::figures_fr("le 03/02/2021", Lang::Fr, "2021-02-03")]
    #[case::figures_en("on 03/02/2021", Lang::En, "2021-02-03")]
    #[case::figures_us("on 02/14/2021", Lang::En, "2021-02-14")]
    #[case::ordinal_en("March 1st, 2024", Lang::En, "2024-03-01")]
    fn dates_are_read(#[case] text: &str, #[case] lang: Lang, #[case] want: &str) {
        assert_eq!(first_date(text, lang).as_deref(), Some(want));
        assert!(may_hold_date(text), "{text}");
    }

    /// What lets the outline skip lines without figures: none of them holds a date.
    #[rstest]
    #[case::words_fr("le premier mars deux mille vingt-quatre", Lang::Fr)]
    #[case::words_en("Tuesday, March the first, twenty twenty-four", Lang::En)]
    #[case::month_year_words("mai MMXXIV", Lang::Fr)]
    fn texts_without_figures_hold_no_date(#[case] text: &str, #[case] lang: Lang) {
        assert!(!may_hold_date(text));
        assert_eq!(first_date(text, lang), None);
    }

    #[rstest]
    #[case::no_year("le 12 mars", Lang::Fr)]
    #[case::bad_day("31 février 2024", Lang::Fr)]
    #[case::number("Around 2024 people", Lang::En)]
    #[case::phone("01 49 27 38 22", Lang::Fr)]
    fn non_dates_are_not_read(#[case] text: &str, #[case] lang: Lang) {
        assert_eq!(first_date(text, lang), None);
    }
}
