//! The field's categories of threats and cooperation areas: canonical ids with their names in
//! each language, read from the taxonomy file (`src/model/taxonomy.toml`), which the importer
//! also reads for the phrases that name each category. A threat's or area's `category` is one
//! of these ids; `check` refuses any other. No I/O here: the file is compiled in.

use std::sync::LazyLock;

use serde::Deserialize;

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

/// Every category, threats first, in the file's order.
pub fn categories() -> &'static [Category] {
    static ALL: LazyLock<Vec<Category>> =
        LazyLock::new(
            || match toml::from_str::<File>(&category_tables(TAXONOMY_TOML)) {
                Ok(file) => file.category,
                Err(error) => {
                    // Compiled in, and a test loads it: a build mistake.
                    debug_assert!(false, "{error}");
                    Vec::new()
                }
            },
        );
    &ALL
}

/// The taxonomy file's category tables with only the keys a [`Category`] reads (`id`, `kind`,
/// `name`), without the phrases that name each category: a tenth of the file, and parsing all of
/// it was an eighth of the first frame of a release (the importer reads the phrases once more).
/// Keys are read where the file writes them, one per line at the line's start (a test holds the
/// result to the whole file's).
fn category_tables(file: &str) -> String {
    let mut out = String::with_capacity(file.len() / 8);
    let mut in_category = false;
    for line in file.lines() {
        if line.starts_with('[') {
            in_category = line.trim_end() == "[[category]]";
            if in_category {
                out.push_str("[[category]]\n");
            }
            continue;
        }
        let is_read = ["id", "kind", "name"].into_iter().any(|key| {
            line.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        });
        if in_category && is_read {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// The category with this id.
pub fn category(id: &str) -> Option<&'static Category> {
    categories().iter().find(|c| c.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn category_tables_give_the_categories_the_whole_file_gives() {
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
