//! The field's categories of threats and cooperation areas: canonical ids with their names in
//! each language, read from the taxonomy file (`src/model/taxonomy.toml`), which the importer
//! also reads for the phrases that name each category. A threat's or area's `category` is one
//! of these ids; `check` refuses any other. No I/O here: the file is compiled in.

use std::sync::LazyLock;

use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::Lang;

/// The taxonomy file: categories, their names, and (for the importer) the phrases that name
/// them.
pub const TAXONOMY_TOML: &str = include_str!("taxonomy.toml");

/// What a category classifies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CategoryKind {
    /// A crime or danger ([`super::Threat`]).
    Threat,
    /// A form of cooperation ([`super::Area`]).
    Area,
}

/// A category's names, as the file writes them.
#[derive(Debug, Clone, Default, Deserialize)]
struct Names {
    en: String,
    fr: String,
}

/// One canonical category.
#[derive(Debug, Clone, Deserialize)]
pub struct Category {
    /// The canonical id, such as `drug-trafficking`.
    pub id: String,
    /// Threat or area.
    pub kind: CategoryKind,
    name: Names,
}

impl Category {
    /// The category's name in `lang`, such as "Trafic de stupéfiants".
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.name.en,
            Lang::Fr => &self.name.fr,
        }
    }
}

#[derive(Debug, Default, Deserialize)]
struct File {
    #[serde(default)]
    category: Vec<Category>,
}

/// The categories of the taxonomy file as build.rs writes them, in JSON: each one's id, kind
/// and names from [`TAXONOMY_TOML`] (not the importer's phrases), read several times faster.
const CATEGORIES_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/categories.json"));

/// A rule table compiled in as build.rs writes it (JSON). A test reads each one, so a table
/// that does not read is a build mistake: it fails a debug build, and gives the empty table.
pub(crate) fn compiled_table<T: DeserializeOwned + Default>(json: &str) -> T {
    serde_json::from_str(json).unwrap_or_else(|error| {
        debug_assert!(false, "{error}");
        T::default()
    })
}

/// Every category, threats first, in the file's order.
pub fn categories() -> &'static [Category] {
    static ALL: LazyLock<Vec<Category>> =
        LazyLock::new(|| compiled_table::<File>(CATEGORIES_JSON).category);
    &ALL
}

/// The category with this id.
pub fn category(id: &str) -> Option<&'static Category> {
    categories().iter().find(|c| c.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_read_from_json_are_the_toml_files() {
        let whole: File = toml::from_str(TAXONOMY_TOML).unwrap();
        let fields = |c: &Category| {
            (
                c.id.clone(),
                c.kind,
                c.name(Lang::En).to_string(),
                c.name(Lang::Fr).to_string(),
            )
        };
        let from_tables: Vec<_> = categories().iter().map(fields).collect();
        let from_whole: Vec<_> = whole.category.iter().map(fields).collect();
        assert_eq!(from_tables, from_whole);
    }

    #[test]
    fn ids_are_unique_lowercase_and_named_in_both_languages() {
        let all = categories();
        assert!(all.len() >= 60, "{}", all.len());
        let mut ids: Vec<&str> = all.iter().map(|c| c.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), all.len());
        for c in all {
            assert!(
                c.id.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
                "{}",
                c.id
            );
            assert!(
                !c.name(Lang::En).is_empty() && !c.name(Lang::Fr).is_empty(),
                "{}",
                c.id
            );
        }
        assert_eq!(
            category("drug-trafficking").map(|c| c.kind),
            Some(CategoryKind::Threat)
        );
        assert_eq!(
            category("training").map(|c| c.kind),
            Some(CategoryKind::Area)
        );
    }
}
