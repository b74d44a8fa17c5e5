//! Release files that are not plain text: saved web pages ([`html`]) and PDFs ([`pdf`]) read
//! into the importer's blocks, with what a page says about itself ([`page`]). Format readers,
//! not rules: the words the importer knows stay in its lexicons. No I/O here.

pub(crate) mod html;
pub(crate) mod page;
pub(crate) mod pdf;
