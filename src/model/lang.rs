//! The languages briefing knows: the language of a release or briefing, and of the interface.
//! No I/O here.

/// A language with an importer lexicon and interface labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English, the default.
    #[default]
    En,
    /// French.
    Fr,
}

impl Lang {
    /// Every language, in the order language detection breaks ties.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Fr];

    /// The BCP 47 primary tag.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    /// Parses a tag such as `fr`, `en` or `en-GB` (the region is ignored); `None` for
    /// a language briefing does not know.
    pub fn parse_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?;
        Lang::ALL
            .into_iter()
            .find(|lang| lang.tag().eq_ignore_ascii_case(primary))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip_and_regions_are_ignored() {
        for lang in Lang::ALL {
            assert_eq!(Lang::parse_tag(lang.tag()), Some(lang));
        }
        assert_eq!(Lang::parse_tag("en-GB"), Some(Lang::En));
        assert_eq!(Lang::parse_tag("FR_ca"), Some(Lang::Fr));
        assert_eq!(Lang::parse_tag("de"), None);
    }
}
