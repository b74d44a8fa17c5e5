//! The rule families, each a table of named patterns over tokens with test cases beside it:
//! dates, people and roles, speech and attribution, threats and areas. Rules name lexicon
//! classes, never words. No I/O here.

pub(crate) mod dates;
pub(crate) mod event;
pub(crate) mod items;
pub(crate) mod people;
pub(crate) mod speech;
