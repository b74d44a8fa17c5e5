//! A calendar date written as ISO 8601 `YYYY-MM-DD`, checked by jiff.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer, de};

/// A valid calendar date (`2016-05-23`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(jiff::civil::Date);

impl Date {
    /// Builds a date from its parts; `None` when the day does not exist.
    pub fn new(year: i16, month: i8, day: i8) -> Option<Date> {
        jiff::civil::Date::new(year, month, day).ok().map(Date)
    }

    /// Parses exactly `YYYY-MM-DD`; anything else (other separators, times, two-digit years)
    /// is refused so that a file means one thing.
    pub fn parse_iso(text: &str) -> Option<Date> {
        let b = text.as_bytes();
        let shape_ok = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        if !shape_ok {
            return None;
        }
        let year = text.get(0..4)?.parse().ok()?;
        let month = text.get(5..7)?.parse().ok()?;
        let day = text.get(8..10)?.parse().ok()?;
        Date::new(year, month, day)
    }

    /// The year.
    pub fn year(self) -> i16 {
        self.0.year()
    }

    /// The month, 1 to 12.
    pub fn month(self) -> i8 {
        self.0.month()
    }

    /// The month counted from 0 (January) to 11, to index a table of twelve month names.
    pub fn month_index(self) -> usize {
        // jiff keeps the month in 1..=12; the clamp makes the range a fact of this code too.
        usize::from(self.0.month().unsigned_abs()).clamp(1, 12) - 1
    }

    /// The day of the month.
    pub fn day(self) -> i8 {
        self.0.day()
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}",
            self.year(),
            self.month(),
            self.day()
        )
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// The message for a value that is not a date, shared with the validator's tests. A value
/// shaped like a date whose day or month does not exist says so: its form is right.
pub(crate) fn bad_date_message(found: &str) -> String {
    let quoted = super::diag::quote_value(found);
    match impossible_date(found) {
        Some(why) => format!("expected a date that exists, found '{quoted}': {why}"),
        None => format!("expected a date like '2016-05-23', found '{quoted}'"),
    }
}

/// The months' names in English, for messages and the English interface.
pub(crate) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// For `YYYY-MM-DD` text that is no date, why: "February 2016 has 29 days" or "there is no
/// month 13". `None` for text of another shape, or a real date.
fn impossible_date(text: &str) -> Option<String> {
    let b = text.as_bytes();
    let shaped = b.len() == 10
        && b.get(4) == Some(&b'-')
        && b.get(7) == Some(&b'-')
        && text
            .chars()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shaped || Date::parse_iso(text).is_some() {
        return None;
    }
    let year: i16 = text.get(0..4)?.parse().ok()?;
    let month: i8 = text.get(5..7)?.parse().ok()?;
    let Some(name) = usize::try_from(month)
        .ok()
        .and_then(|m| m.checked_sub(1))
        .and_then(|i| MONTHS.get(i))
    else {
        return Some(format!("there is no month {month}"));
    };
    let days = jiff::civil::Date::new(year, month, 1).ok()?.days_in_month();
    Some(format!("{name} {year} has {days} days"))
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        struct Visitor;
        impl de::Visitor<'_> for Visitor {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date like '2016-05-23'")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Date, E> {
                Date::parse_iso(v).ok_or_else(|| E::custom(bad_date_message(v)))
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case("2016-05-23", Some((2016, 5, 23)))]
    #[case("2016-02-29", Some((2016, 2, 29)))]
    #[case("2015-02-29", None)]
    #[case("2016-13-01", None)]
    #[case("23/05/16", None)]
    #[case("2016-5-23", None)]
    #[case("2016-05-23T10:00:00", None)]
    #[case("", None)]
    #[case("２０１６-05-23", None)]
    fn parse_iso_accepts_only_real_dates(#[case] text: &str, #[case] want: Option<(i16, i8, i8)>) {
        let got = Date::parse_iso(text).map(|d| (d.year(), d.month(), d.day()));
        assert_eq!(got, want);
    }

    #[rstest]
    #[case(
        "2016-02-30",
        "expected a date that exists, found '2016-02-30': February 2016 has 29 days"
    )]
    #[case(
        "2015-02-29",
        "expected a date that exists, found '2015-02-29': February 2015 has 28 days"
    )]
    #[case(
        "2016-04-31",
        "expected a date that exists, found '2016-04-31': April 2016 has 30 days"
    )]
    #[case(
        "2016-13-01",
        "expected a date that exists, found '2016-13-01': there is no month 13"
    )]
    #[case("23/05/16", "expected a date like '2016-05-23', found '23/05/16'")]
    #[case("nope", "expected a date like '2016-05-23', found 'nope'")]
    fn a_date_that_does_not_exist_is_told_apart_from_a_bad_form(
        #[case] text: &str,
        #[case] want: &str,
    ) {
        assert_eq!(bad_date_message(text), want);
    }

    #[test]
    fn date_displays_as_iso() {
        assert_eq!(Date::new(2016, 5, 3).unwrap().to_string(), "2016-05-03");
    }
}
