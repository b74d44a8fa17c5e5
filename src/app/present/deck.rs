//! Laying the slides out for one screen size: what each section shows, and pagination that
//! keeps items whole and never cuts anything off. No I/O here.

use crate::app::content::{Content, Role};
use crate::app::labels::format_date;
use crate::app::state::{Pane, Size};
use crate::app::text::wrap;
use crate::model::Quote;

use super::{Align, Anchor, Deck, Section, Slide, SlideLine};

/// The slide area inside a screen: margins around, the bottom row for progress and timer.
pub fn slide_text_geometry(size: Size) -> (usize, usize) {
    let margin = usize::from(size.width / 10).clamp(1, 8);
    let width = usize::from(size.width).saturating_sub(2 * margin).max(1);
    // Title row, a blank row, then text; the last row holds the progress.
    let height = usize::from(size.height).saturating_sub(4).max(1);
    (width, height)
}

/// A unit of a section: lines that belong together and are kept on one page when they fit.
struct Unit {
    lines: Vec<SlideLine>,
}

fn left(role: Role, text: &str, width: usize, first: &str, rest: &str) -> Vec<SlideLine> {
    wrap(text, width, first, rest)
        .into_iter()
        .map(|t| SlideLine {
            role,
            text: t,
            align: Align::Left,
        })
        .collect()
}

fn center(role: Role, text: &str, width: usize) -> Vec<SlideLine> {
    wrap(text, width, "", "")
        .into_iter()
        .map(|t| SlideLine {
            role,
            text: t,
            align: Align::Center,
        })
        .collect()
}

fn blank() -> SlideLine {
    SlideLine {
        role: Role::Plain,
        text: String::new(),
        align: Align::Left,
    }
}

/// The title slide: the title, date and place, event, then each party and its heads.
fn title_units(content: &Content, width: usize) -> Vec<Unit> {
    let b = &content.briefing;
    let lang = content.lang;
    let mut units = vec![Unit {
        lines: center(Role::Label, &lang.typeset(&b.title), width),
    }];
    let mut meta = Vec::new();
    if let Some(d) = b.date {
        meta.push(format_date(d, lang));
    }
    meta.extend(b.place.iter().cloned());
    if !meta.is_empty() {
        units.push(Unit {
            lines: center(Role::Speaker, &meta.join(" · "), width),
        });
    }
    if let Some(event) = &b.event {
        units.push(Unit {
            lines: center(Role::Context, &lang.typeset(event), width),
        });
    }
    for p in &b.parties {
        let mut lines = center(Role::Heading, &p.name, width);
        for person in p.members() {
            lines.extend(center(
                Role::Plain,
                &lang.typeset(&person.described()),
                width,
            ));
        }
        units.push(Unit { lines });
    }
    units
}

/// One unit per summary paragraph.
fn summary_units(content: &Content, width: usize) -> Vec<Unit> {
    content
        .briefing
        .summary
        .iter()
        .map(|p| Unit {
            lines: left(Role::Plain, &content.lang.typeset(p), width, "", ""),
        })
        .collect()
}

/// A quote, large and centred, with its speaker and role (or the party) and its context.
fn quote_unit(content: &Content, quote: &Quote, width: usize) -> Unit {
    let b = &content.briefing;
    let lang = content.lang;
    let l = lang.labels();
    let fix = |s: &str| lang.typeset(s);
    let quote_width = width.min(72);
    let (open, close) = l.quote_marks;
    let mut lines = center(
        Role::Quote,
        &fix(&format!("{open}{}{close}", quote.text)),
        quote_width,
    );
    lines.push(blank());
    let joint: Vec<&str> = quote.speaker.names().collect();
    match (
        joint.len() > 1,
        quote.speaker.first().map(|s| (s, b.person(s))),
    ) {
        (true, _) => lines.extend(center(
            Role::Speaker,
            &format!("— {}", joint.join(l.speakers_separator)),
            quote_width,
        )),
        (false, Some((_, Some((party, person))))) => {
            lines.extend(center(
                Role::Speaker,
                &format!("— {}", person.name),
                quote_width,
            ));
            let role = if person.role.is_empty() {
                party.name.clone()
            } else {
                person.role.clone()
            };
            lines.extend(center(Role::Context, &fix(&role), quote_width));
        }
        (false, Some((name, None))) => {
            lines.extend(center(Role::Speaker, &format!("— {name}"), quote_width))
        }
        (false, None) => lines.extend(center(
            Role::Context,
            &format!("— ({})", l.unknown_speaker),
            quote_width,
        )),
    }
    if let Some(c) = &quote.context {
        lines.extend(center(Role::Context, &fix(c), quote_width));
    }
    Unit { lines }
}

/// One bullet per cooperation area.
fn area_units(content: &Content, width: usize) -> Vec<Unit> {
    content
        .briefing
        .cooperation_areas
        .iter()
        .map(|a| Unit {
            lines: left(
                Role::Label,
                &content.lang.typeset(&a.label),
                width,
                "• ",
                "  ",
            ),
        })
        .collect()
}

/// The standing threats, then the emerging ones under their heading.
fn threat_units(content: &Content, width: usize) -> Vec<Unit> {
    let lang = content.lang;
    let (emerging, standing): (Vec<_>, Vec<_>) =
        content.briefing.threats.iter().partition(|t| t.emerging);
    let mut units: Vec<Unit> = standing
        .iter()
        .map(|t| Unit {
            lines: left(Role::Label, &lang.typeset(&t.label), width, "• ", "  "),
        })
        .collect();
    for (i, t) in emerging.iter().enumerate() {
        let mut lines = Vec::new();
        if i == 0 {
            lines.extend(left(Role::Heading, lang.labels().emerging, width, "", ""));
        }
        lines.extend(left(
            Role::Emerging,
            &lang.typeset(&t.label),
            width,
            "◆ ",
            "  ",
        ));
        units.push(Unit { lines });
    }
    units
}

/// One bullet per link, its address after its title.
fn link_units(content: &Content, width: usize) -> Vec<Unit> {
    content
        .briefing
        .links
        .iter()
        .map(|k| {
            let text = match &k.url {
                Some(url) => format!("{} <{url}>", k.title),
                None => k.title.clone(),
            };
            Unit {
                lines: left(Role::Link, &content.lang.typeset(&text), width, "• ", "  "),
            }
        })
        .collect()
}

impl Deck {
    /// Lays out the slides of `content` for a screen of `size`: the title slide, the summary,
    /// one slide per quote, the cooperation areas, the threats and the links, each section
    /// paginated; a section with nothing to show has no slide.
    pub fn build(content: &Content, size: Size) -> Deck {
        let (width, height) = slide_text_geometry(size);
        let b = &content.briefing;
        let l = content.lang.labels();
        let mut slides = Vec::new();
        let mut add = |section, title: &str, units: Vec<Unit>, centered| {
            if !units.is_empty() {
                paginate(&mut slides, section, title, units, height, centered);
            }
        };
        add(Section::Title, &b.title, title_units(content, width), true);
        add(
            Section::Summary,
            l.panes[0],
            summary_units(content, width),
            false,
        );
        for (i, quote) in b.quotes.iter().enumerate() {
            let title = format!("{} {}/{}", l.quote, i + 1, b.quotes.len());
            add(
                Section::Quote(i),
                &title,
                vec![quote_unit(content, quote, width)],
                true,
            );
        }
        add(
            Section::Areas,
            l.panes[2],
            area_units(content, width),
            false,
        );
        add(
            Section::Threats,
            l.panes[3],
            threat_units(content, width),
            false,
        );
        add(
            Section::Links,
            l.more_info,
            link_units(content, width),
            false,
        );
        Deck { size, slides }
    }

    /// The slide showing `section` at `anchor` (the page holding it), or the nearest one.
    pub fn find(&self, section: Section, anchor: Anchor) -> usize {
        let mut best = None;
        for (i, s) in self.slides.iter().enumerate() {
            if s.section == section {
                if s.anchor <= anchor || best.is_none() {
                    best = Some(i);
                }
                if s.anchor > anchor {
                    break;
                }
            }
        }
        best.unwrap_or_else(|| self.first_of(section.pane()))
    }

    /// The first slide of the section shown by `pane` (title for the summary pane's caption).
    pub fn first_of(&self, pane: Pane) -> usize {
        self.slides
            .iter()
            .position(|s| s.section != Section::Title && s.section.pane() == pane)
            // A pane with nothing to present starts at the title slide.
            .unwrap_or(0)
    }

    /// How many slides there are.
    pub fn len(&self) -> usize {
        self.slides.len()
    }

    /// True before the deck is built.
    pub fn is_empty(&self) -> bool {
        self.slides.is_empty()
    }
}

/// Splits a section into pages of at most `height` lines, keeping units whole when they fit;
/// a unit taller than a page continues on the next one. Units are spaced by a blank line,
/// unless dropping the spacing saves a page.
fn paginate(
    slides: &mut Vec<Slide>,
    section: Section,
    title: &str,
    units: Vec<Unit>,
    height: usize,
    centered: bool,
) {
    let spaced = pages_of(&units, height, true);
    let pages = if spaced.len() > 1 {
        let tight = pages_of(&units, height, false);
        if tight.len() < spaced.len() {
            tight
        } else {
            spaced
        }
    } else {
        spaced
    };
    let count = pages.len();
    for (page, (anchor, lines)) in pages.into_iter().enumerate() {
        slides.push(Slide {
            section,
            title: title.to_string(),
            page,
            pages: count,
            anchor,
            lines,
            centered,
        });
    }
}

fn pages_of(units: &[Unit], height: usize, spaced: bool) -> Vec<(Anchor, Vec<SlideLine>)> {
    let height = height.max(1);
    let mut pages: Vec<(Anchor, Vec<SlideLine>)> = Vec::new();
    let mut current: Vec<SlideLine> = Vec::new();
    let mut anchor = Anchor::default();
    for (u, unit) in units.iter().enumerate() {
        let gap = usize::from(spaced && !current.is_empty());
        let need = unit.lines.len() + gap;
        if !current.is_empty() && current.len() + need > height {
            pages.push((anchor, std::mem::take(&mut current)));
            anchor = Anchor { unit: u, line: 0 };
        } else if current.is_empty() {
            anchor = Anchor { unit: u, line: 0 };
        } else if gap == 1 {
            current.push(blank());
        }
        for (line_no, line) in unit.lines.iter().enumerate() {
            if current.len() >= height {
                pages.push((anchor, std::mem::take(&mut current)));
                anchor = Anchor {
                    unit: u,
                    line: line_no,
                };
            }
            current.push(line.clone());
        }
    }
    if !current.is_empty() || pages.is_empty() {
        pages.push((anchor, current));
    }
    pages
}
