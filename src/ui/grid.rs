//! What the terminal shows, one small value per cell: the [`Painter`](super::Painter) compares
//! the frames it draws against it and writes the escape sequences from it. A ratatui [`Cell`]
//! holds its symbol as a string and its style as four fields, and reading either is a call into
//! ratatui; here a cell is a [`Glyph`], two numbers (a character, or a cluster of several kept
//! once in a table; and a style kept once in a table), so comparing two cells is comparing two
//! integers. Pure.

use std::collections::HashMap;

use ratatui::buffer::Cell;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthStr;

use crate::ui::export::Encoder;
use crate::ui::put::is_one_column_char;

/// The style of a cell, as ratatui's [`Cell`] has it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Pen {
    /// Foreground colour.
    pub fg: Color,
    /// Background colour.
    pub bg: Color,
    /// Underline colour.
    pub underline: Color,
    /// Bold, italic, reversed and the others.
    pub modifier: Modifier,
}

impl Pen {
    /// A blank cell's: the terminal's default colours, no modifier.
    pub const PLAIN: Pen = Pen {
        fg: Color::Reset,
        bg: Color::Reset,
        underline: Color::Reset,
        modifier: Modifier::empty(),
    };

    /// The style of `cell`.
    pub fn of(cell: &Cell) -> Pen {
        Pen {
            fg: cell.fg,
            bg: cell.bg,
            underline: cell.underline_color,
            modifier: cell.modifier,
        }
    }
}

/// One cell of a [`Grid`], in four bytes: its symbol (a character, or a cluster's number in
/// the grid's table), a bit set when the symbol is not one column wide, and its style (a
/// number in the grid's table). A key touches a screen's worth of these: the smaller they
/// are, the fewer cache lines and pages it costs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Glyph(u32);

/// The bits of a glyph that hold its symbol: every character fits.
const SYMBOL: u32 = (1 << 21) - 1;
/// Symbols from here on are clusters of the table, by number: no character is this large.
const CLUSTER: u32 = 0x11_0000;
/// Set on a symbol that is not one column wide (wide, or of no width).
const NOT_ONE: u32 = 1 << 21;
/// Where a glyph's pen number starts.
const PEN_SHIFT: u32 = 22;
/// How many pens a grid numbers: a glyph keeps its pen's number in its ten highest bits.
/// A theme draws in a few dozen styles; see [`Grid::renumber_pens`].
pub const MAX_PENS: usize = 1 << (32 - PEN_SHIFT);
/// The most clusters a grid's table numbers.
const MAX_CLUSTER_IDS: usize = (SYMBOL + 1 - CLUSTER) as usize;

/// What a glyph's symbol is.
enum Sym {
    Char(char),
    Cluster(usize),
}

impl Glyph {
    /// A blank cell: a space in the default style (pen 0 of every grid).
    pub const BLANK: Glyph = Glyph(' ' as u32);

    /// The number of its style in its grid's table.
    pub fn pen(self) -> u32 {
        self.0 >> PEN_SHIFT
    }

    /// The character `c`, one column wide and a cluster of its own ([`is_plain`]), with the
    /// grid's pen number `pen`.
    ///
    /// [`is_plain`]: crate::app::text::is_plain
    pub fn plain(c: char, pen: u32) -> Glyph {
        debug_assert!(
            usize::try_from(pen).is_ok_and(|p| p < MAX_PENS),
            "pen {pen}"
        );
        Glyph(u32::from(c) | pen << PEN_SHIFT)
    }

    /// True when the symbol takes one column.
    pub fn is_one_column(self) -> bool {
        self.0 & NOT_ONE == 0
    }

    /// True when the symbol is one character, not a cluster of the grid's table.
    pub fn is_char(self) -> bool {
        self.0 & SYMBOL < CLUSTER
    }

    /// The symbol with its width bit: a character one column wide is its code.
    fn code(self) -> u32 {
        self.0 & (SYMBOL | NOT_ONE)
    }

    /// The same symbol in pen `pen`.
    fn with_pen(self, pen: u32) -> Glyph {
        Glyph(self.code() | pen << PEN_SHIFT)
    }

    fn sym(self) -> Sym {
        let s = self.0 & SYMBOL;
        match s.checked_sub(CLUSTER) {
            Some(i) => Sym::Cluster(usize::try_from(i).unwrap_or(usize::MAX)),
            None => Sym::Char(char::from_u32(s).unwrap_or(' ')),
        }
    }
}

/// Past this many clusters, the table is rebuilt from the glyphs on screen.
const MAX_CLUSTERS: usize = 4096;

/// Past this many pens, the pens the screen shows are numbered again between frames (see
/// [`Grid::renumber_pens`]); the room left is for the new styles of one frame.
const RENUMBER_PENS: usize = MAX_PENS * 3 / 4;

/// Up to this many pens, a pen is found by comparing it with each.
const FEW_PENS: usize = 32;

/// A screen of glyphs with the tables their numbers point into.
#[derive(Debug, Clone)]
pub struct Grid {
    /// The screen.
    pub area: Rect,
    glyphs: Vec<Glyph>,
    pens: Vec<Pen>,
    pen_ids: HashMap<Pen, u32, foldhash::fast::FixedState>,
    /// Clusters of more than one character, with their width.
    clusters: Vec<(String, u16)>,
    cluster_ids: HashMap<String, u32, foldhash::fast::FixedState>,
    /// How many clusters before the table is rebuilt from the screen.
    cluster_limit: usize,
    /// The pen looked up last, and its number (pens are never renumbered).
    last_pen: Option<(Pen, u32)>,
    /// Per pair of pens (from, to), both numbered under [`SGR_PENS`], where the bytes that
    /// change the terminal's style from one to the other are in `sgr_bytes`, once written.
    sgr: Vec<Option<(usize, usize)>>,
    sgr_bytes: Vec<u8>,
}

/// A run of blank cells at least this long that ends what [`Grid::write_run`] writes is erased
/// with one sequence (`ESC [ n X`, five or six bytes) instead of written.
const MIN_ERASE: usize = 6;

/// Style changes between pens numbered under this are kept (see [`Grid::restyle`]).
const SGR_PENS: usize = 32;

impl Grid {
    /// A blank screen over `area`.
    pub fn new(area: Rect) -> Grid {
        Grid {
            area,
            glyphs: vec![Glyph::BLANK; usize::from(area.width) * usize::from(area.height)],
            pens: vec![Pen::PLAIN],
            pen_ids: HashMap::default(),
            clusters: Vec::new(),
            cluster_ids: HashMap::default(),
            cluster_limit: MAX_CLUSTERS,
            last_pen: None,
            sgr: Vec::new(),
            sgr_bytes: Vec::new(),
        }
    }

    /// The number of `pen` in this grid's table, added if new.
    pub fn pen(&mut self, pen: Pen) -> u32 {
        // Runs of cells share a pen: the last one found answers most lookups.
        if let Some((last, id)) = self.last_pen
            && last == pen
        {
            return id;
        }
        let id = self.find_or_add_pen(pen);
        self.last_pen = Some((pen, id));
        id
    }

    fn find_or_add_pen(&mut self, pen: Pen) -> u32 {
        if self.pens.len() <= FEW_PENS {
            if let Some((_, i)) = self.pens.iter().zip(0u32..).find(|(p, _)| **p == pen) {
                return i;
            }
        } else if let Some(&id) = self.pen_ids.get(&pen) {
            return id;
        }
        if self.pens.len() >= MAX_PENS {
            // More styles in one frame than a glyph numbers: the app draws in a few dozen,
            // and the room is made between frames (`Grid::renumber_pens`).
            debug_assert!(self.pens.len() < MAX_PENS, "more than {MAX_PENS} pens");
            return 0;
        }
        let id = u32::try_from(self.pens.len()).unwrap_or(0);
        self.pens.push(pen);
        if self.pens.len() > FEW_PENS {
            if self.pen_ids.is_empty() {
                self.pen_ids = (0u32..)
                    .zip(self.pens.iter().copied())
                    .map(|(i, p)| (p, i))
                    .collect();
            }
            self.pen_ids.insert(pen, id);
        }
        id
    }

    /// The glyph that shows `cell`.
    pub fn glyph_of(&mut self, cell: &Cell) -> Glyph {
        let pen = self.pen(Pen::of(cell));
        let s = cell.symbol();
        let mut chars = s.chars();
        let (symbol, width) = match (chars.next(), chars.next()) {
            (Some(c), None) => (u32::from(c), char_width(c)),
            (None, _) => (u32::from(' '), 1),
            _ => self.cluster(s),
        };
        let flag = if width == 1 { 0 } else { NOT_ONE };
        Glyph(symbol | flag | pen << PEN_SHIFT)
    }

    /// When most pen numbers are taken, numbers again the pens the screen shows, the blank's
    /// first, and forgets the others; true when it did, and then any pen number kept outside
    /// the grid is stale. Called between frames, when no glyph is on its way to the screen.
    pub fn renumber_pens(&mut self) -> bool {
        if self.pens.len() < RENUMBER_PENS {
            return false;
        }
        let mut number = vec![u32::MAX; self.pens.len()];
        let mut pens = vec![Pen::PLAIN];
        if let Some(first) = number.first_mut() {
            *first = 0;
        }
        for g in &mut self.glyphs {
            let old = usize::try_from(g.pen()).unwrap_or(usize::MAX);
            let Some(n) = number.get_mut(old) else {
                continue;
            };
            if *n == u32::MAX {
                *n = u32::try_from(pens.len()).unwrap_or(0);
                pens.push(self.pens.get(old).copied().unwrap_or(Pen::PLAIN));
            }
            *g = g.with_pen(*n);
        }
        self.pens = pens;
        self.pen_ids = if self.pens.len() > FEW_PENS {
            (0u32..)
                .zip(self.pens.iter().copied())
                .map(|(i, p)| (p, i))
                .collect()
        } else {
            HashMap::default()
        };
        self.last_pen = None;
        self.sgr.clear();
        self.sgr_bytes.clear();
        true
    }

    /// The number of the cluster `s` and its width, added to the table if new.
    fn cluster(&mut self, s: &str) -> (u32, u16) {
        if let Some(&id) = self.cluster_ids.get(s) {
            let width = self.cluster_width(id);
            return (id, width);
        }
        if self.clusters.len() >= self.cluster_limit {
            self.compact_clusters();
            // A screen of more distinct clusters than the limit keeps them all.
            self.cluster_limit = MAX_CLUSTERS.max(2 * self.clusters.len());
        }
        // At most a screen's worth of clusters plus the limit: far fewer than a glyph numbers.
        debug_assert!(
            self.clusters.len() < MAX_CLUSTER_IDS,
            "{} clusters",
            self.clusters.len()
        );
        let n = u32::try_from(self.clusters.len().min(MAX_CLUSTER_IDS - 1)).unwrap_or(0);
        let id = CLUSTER + n;
        let width = u16::try_from(s.width()).unwrap_or(u16::MAX);
        self.clusters.push((s.to_string(), width));
        self.cluster_ids.insert(s.to_string(), id);
        (id, width)
    }

    fn cluster_width(&self, id: u32) -> u16 {
        usize::try_from(id - CLUSTER)
            .ok()
            .and_then(|i| self.clusters.get(i))
            .map_or(1, |(_, w)| *w)
    }

    fn cluster_str(&self, i: usize) -> &str {
        self.clusters.get(i).map_or(" ", |(s, _)| s.as_str())
    }

    /// Keeps only the clusters the screen shows, renumbered.
    fn compact_clusters(&mut self) {
        let old = std::mem::take(&mut self.clusters);
        self.cluster_ids.clear();
        let mut glyphs = std::mem::take(&mut self.glyphs);
        // No rebuilding while rebuilding: the screen holds fewer clusters than it has cells.
        self.cluster_limit = usize::MAX;
        for g in &mut glyphs {
            if let Sym::Cluster(i) = g.sym()
                && let Some((s, _)) = old.get(i)
            {
                let keep = g.0 & !SYMBOL;
                *g = Glyph(self.cluster(s).0 | keep);
            }
        }
        self.glyphs = glyphs;
    }

    /// The glyph at (`x`, `y`), if inside.
    pub fn get(&self, x: u16, y: u16) -> Option<Glyph> {
        self.index(x, y).and_then(|i| self.glyphs.get(i).copied())
    }

    fn index(&self, x: u16, y: u16) -> Option<usize> {
        let a = self.area;
        (x >= a.left() && x < a.right() && y >= a.top() && y < a.bottom())
            .then(|| usize::from(y - a.y) * usize::from(a.width) + usize::from(x - a.x))
    }

    /// The glyphs of row `y` from column `left` (inclusive) to `right` (exclusive), clipped to
    /// the screen.
    pub fn row_mut(&mut self, y: u16, left: u16, right: u16) -> &mut [Glyph] {
        let a = self.area;
        if y < a.top() || y >= a.bottom() {
            return &mut [];
        }
        let (left, right) = (left.max(a.left()), right.min(a.right()));
        if left >= right {
            return &mut [];
        }
        let start = usize::from(y - a.y) * usize::from(a.width) + usize::from(left - a.x);
        let end = start + usize::from(right - left);
        // The glyphs cover the area whole, and the row and columns were clipped to it.
        debug_assert!(end <= self.glyphs.len(), "glyphs short of the area {a:?}");
        self.glyphs.get_mut(start..end).unwrap_or_default()
    }

    /// Columns `left..right` of rows `to` and `from` (two different rows), clipped to the
    /// screen: the first to write, the second to read.
    pub fn row_pair_mut(
        &mut self,
        to: u16,
        from: u16,
        left: u16,
        right: u16,
    ) -> Option<(&mut [Glyph], &[Glyph])> {
        let a = self.area;
        let rows = a.top()..a.bottom();
        let (left, right) = (left.max(a.left()), right.min(a.right()));
        if to == from || !rows.contains(&to) || !rows.contains(&from) || left >= right {
            return None;
        }
        let width = usize::from(a.width);
        let start = |y: u16| usize::from(y - a.y) * width + usize::from(left - a.x);
        let n = usize::from(right - left);
        let (to_start, from_start) = (start(to), start(from));
        if to_start < from_start {
            let (head, tail) = self.glyphs.split_at_mut(from_start);
            Some((head.get_mut(to_start..to_start + n)?, tail.get(..n)?))
        } else {
            let (head, tail) = self.glyphs.split_at_mut(to_start);
            Some((tail.get_mut(..n)?, head.get(from_start..from_start + n)?))
        }
    }

    /// The glyphs of row `y`, whole.
    pub fn row(&self, y: u16) -> &[Glyph] {
        let a = self.area;
        if y < a.top() || y >= a.bottom() {
            return &[];
        }
        let start = usize::from(y - a.y) * usize::from(a.width);
        let end = start + usize::from(a.width);
        // The glyphs cover the area whole, and the row is in it.
        debug_assert!(end <= self.glyphs.len(), "glyphs short of the area {a:?}");
        self.glyphs.get(start..end).unwrap_or_default()
    }

    /// How many columns `glyph` takes, as ratatui counts them.
    pub fn width(&self, glyph: Glyph) -> u16 {
        if glyph.is_one_column() {
            return 1;
        }
        match glyph.sym() {
            Sym::Char(c) => char_width(c),
            Sym::Cluster(i) => self.clusters.get(i).map_or(1, |(_, w)| *w),
        }
    }

    /// How many bytes the symbol of `glyph` takes in UTF-8.
    pub fn symbol_len(&self, glyph: Glyph) -> usize {
        match glyph.sym() {
            Sym::Char(c) => c.len_utf8(),
            Sym::Cluster(i) => self.cluster_str(i).len(),
        }
    }

    /// The colours and modifiers of pen number `pen`, as the encoder writes them.
    fn colors(&self, pen: u32) -> (Color, Color, Modifier) {
        let p = self
            .pens
            .get(usize::try_from(pen).unwrap_or(usize::MAX))
            .copied()
            .unwrap_or(Pen::PLAIN);
        (p.fg, p.bg, p.modifier)
    }

    /// Writes with `enc` the glyphs of row `y` from column `x` on, `n` of them, the first
    /// style change included; `pen` is the pen the terminal writes in, updated. A run of
    /// one-column glyphs goes out as its bytes after one move, with a style change where the
    /// pen changes; after a glyph of another width the cursor moves again.
    pub(crate) fn write_run(
        &mut self,
        enc: &mut Encoder<'_>,
        out: &mut Vec<u8>,
        (x, y): (u16, u16),
        n: usize,
        pen: &mut u32,
    ) {
        let area = self.area;
        let from = usize::from(x.saturating_sub(area.x));
        let start = usize::from(y.saturating_sub(area.y)) * usize::from(area.width) + from;
        if y < area.top() || y >= area.bottom() || from + n > usize::from(area.width) {
            return;
        }
        if n == 1 {
            // One cell (a frame's side, most often): no run to look for.
            let Some(&glyph) = self.glyphs.get(start) else {
                return;
            };
            enc.go(out, x, y);
            if glyph.pen() != *pen {
                self.restyle(enc, out, *pen, glyph.pen());
                *pen = glyph.pen();
            }
            match glyph.sym() {
                Sym::Char(ch) => {
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                }
                Sym::Cluster(k) => out.extend_from_slice(self.cluster_str(k).as_bytes()),
            }
            enc.wrote(x, y, glyph.is_one_column());
            return;
        }
        let mut moved = false;
        let mut cx = x;
        let mut at = start;
        // Blank cells that end the run are erased (ECH) rather than written as spaces: a line
        // scrolled in is most often shorter than the one it replaces.
        let blanks = trailing_blanks(self.glyphs.get(start..start + n).unwrap_or_default());
        let blanks = if blanks >= MIN_ERASE { blanks } else { 0 };
        let end = start + n - blanks;
        while let Some(&g) = self.glyphs.get(at..end).and_then(<[Glyph]>::first) {
            if !moved {
                enc.go(out, cx, y);
                moved = true;
            }
            if g.pen() != *pen {
                self.restyle(enc, out, *pen, g.pen());
                *pen = g.pen();
            }
            // The characters of one column in this pen from here on go out as their bytes.
            let chars = push_chars(out, self.glyphs.get(at..end).unwrap_or_default(), g.pen());
            if chars > 0 {
                cx = cx.saturating_add(u16::try_from(chars).unwrap_or(u16::MAX));
                at += chars;
                continue;
            }
            match g.sym() {
                Sym::Char(c) => {
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
                Sym::Cluster(i) => out.extend_from_slice(self.cluster_str(i).as_bytes()),
            }
            if !g.is_one_column() {
                enc.wrote(cx, y, false);
                moved = false;
            }
            cx = cx.saturating_add(1);
            at += 1;
        }
        if blanks > 0 {
            if !moved {
                enc.go(out, cx, y);
            }
            if *pen != Glyph::BLANK.pen() {
                self.restyle(enc, out, *pen, Glyph::BLANK.pen());
                *pen = Glyph::BLANK.pen();
            }
            enc.erase(out, cx, y, u16::try_from(blanks).unwrap_or(u16::MAX));
            return;
        }
        if moved {
            let last = x
                .saturating_add(u16::try_from(n).unwrap_or(u16::MAX))
                .saturating_sub(1);
            enc.wrote(last, y, true);
        }
    }

    /// Has `enc` write in the colours of pen `to` from those of pen `from` (what it writes in
    /// now). The sequence for a pair of pens is worked out once and kept: a pane switch goes
    /// back and forth between the same few pens a hundred times a frame.
    fn restyle(&mut self, enc: &mut Encoder<'_>, out: &mut Vec<u8>, from: u32, to: u32) {
        let colors = self.colors(to);
        let (Ok(f), Ok(t)) = (usize::try_from(from), usize::try_from(to)) else {
            enc.style(out, colors);
            return;
        };
        if f >= SGR_PENS || t >= SGR_PENS {
            enc.style(out, colors);
            return;
        }
        if self.sgr.is_empty() {
            self.sgr = vec![None; SGR_PENS * SGR_PENS];
        }
        let i = f * SGR_PENS + t;
        let known = self.sgr.get(i).copied().flatten();
        let range = match known {
            Some(range) => range,
            None => {
                let start = self.sgr_bytes.len();
                let mut probe = Encoder::new(&[]);
                probe.style(&mut Vec::new(), self.colors(from));
                probe.style(&mut self.sgr_bytes, colors);
                let range = (start, self.sgr_bytes.len());
                if let Some(slot) = self.sgr.get_mut(i) {
                    *slot = Some(range);
                }
                range
            }
        };
        enc.restyle(
            out,
            self.colors(from),
            colors,
            self.sgr_bytes.get(range.0..range.1),
        );
    }

    /// `glyph` as the encoder and the tests read it.
    pub fn shown(&self, glyph: Glyph) -> Shown<'_> {
        let (fg, bg, modifier) = self.colors(glyph.pen());
        let underline = self
            .pens
            .get(usize::try_from(glyph.pen()).unwrap_or(usize::MAX))
            .map_or(Color::Reset, |p| p.underline);
        let symbol = match glyph.sym() {
            Sym::Char(c) => {
                let mut buf = [0u8; 4];
                let len = c.encode_utf8(&mut buf).len();
                Symbol::Char(buf, len)
            }
            Sym::Cluster(i) => Symbol::Cluster(self.cluster_str(i)),
        };
        Shown {
            symbol,
            pen: Pen {
                fg,
                bg,
                underline,
                modifier,
            },
        }
    }
}

/// How many blank glyphs end `glyphs`.
fn trailing_blanks(glyphs: &[Glyph]) -> usize {
    let mut n = 0;
    for chunk in glyphs.rchunks_exact(16) {
        if !chunk.iter().fold(true, |all, &g| all & (g == Glyph::BLANK)) {
            break;
        }
        n += 16;
    }
    let rest = glyphs.get(..glyphs.len() - n).unwrap_or_default();
    n + rest
        .iter()
        .rev()
        .take_while(|&&g| g == Glyph::BLANK)
        .count()
}

/// How many glyphs at the start of `glyphs` pass `test`: sixteen at a time while they all do
/// (a comparison the processor makes for several glyphs at once), then one by one.
fn count_while(glyphs: &[Glyph], test: impl Fn(Glyph) -> bool) -> usize {
    let mut n = 0;
    for chunk in glyphs.chunks_exact(16) {
        if !chunk.iter().fold(true, |all, &g| all & test(g)) {
            break;
        }
        n += 16;
    }
    n + glyphs
        .get(n..)
        .unwrap_or_default()
        .iter()
        .take_while(|&&g| test(g))
        .count()
}

/// Appends the bytes of the glyphs at the start of `glyphs` that are characters of one column
/// in pen `pen` (ASCII as it is, the others encoded); returns how many.
fn push_chars(out: &mut Vec<u8>, glyphs: &[Glyph], pen: u32) -> usize {
    // A glyph in `pen` is an ASCII character when what is left of it once the pen's bits
    // are taken away is under 0x80: one comparison for both.
    let in_pen = pen << PEN_SHIFT;
    let mut done = 0;
    loop {
        let rest = glyphs.get(done..).unwrap_or_default();
        let n = count_while(rest, |g| (g.0 ^ in_pen) < 0x80);
        if let Some(run) = rest.get(..n) {
            out.extend(run.iter().map(|g| g.0.to_le_bytes()[0]));
        }
        done += n;
        // A run of one character not ASCII (a border's line): its bytes, repeated.
        let Some(&first) = glyphs.get(done) else {
            return done;
        };
        let c = match char::from_u32(first.0 ^ in_pen) {
            // Another pen, a symbol not one column wide (its bit makes it no character), or a
            // cluster: another run.
            Some(c) if !c.is_ascii() => c,
            _ => return done,
        };
        let same = count_while(glyphs.get(done..).unwrap_or_default(), |g| g == first);
        let mut buf = [0u8; 4];
        let len = c.encode_utf8(&mut buf).len();
        out.reserve(same * len);
        // Lengths known to the compiler: a few moves rather than a call to copy.
        match (len, buf) {
            (2, [a, b, ..]) => (0..same).for_each(|_| out.extend_from_slice(&[a, b])),
            (3, [a, b, c, _]) => (0..same).for_each(|_| out.extend_from_slice(&[a, b, c])),
            _ => (0..same).for_each(|_| out.extend_from_slice(buf.get(..len).unwrap_or_default())),
        }
        done += same;
    }
}

/// A character's width as ratatui's [`CellWidth`](ratatui::buffer::CellWidth) counts a
/// one-character symbol.
fn char_width(c: char) -> u16 {
    // Borders and ASCII are known without encoding the character to look it up.
    if is_one_column_char(c) {
        return 1;
    }
    let mut buf = [0u8; 4];
    let s: &str = c.encode_utf8(&mut buf);
    ratatui::buffer::CellWidth::cell_width(s)
}

/// A glyph's symbol, readable as a string.
#[derive(Debug, Clone, Copy)]
enum Symbol<'a> {
    Char([u8; 4], usize),
    Cluster(&'a str),
}

/// A glyph with its symbol and style looked up: what the encoder writes.
#[derive(Debug, Clone, Copy)]
pub struct Shown<'a> {
    symbol: Symbol<'a>,
    /// Its style.
    pub pen: Pen,
}

impl Shown<'_> {
    /// The symbol.
    pub fn symbol(&self) -> &str {
        match &self.symbol {
            Symbol::Char(buf, len) => buf
                .get(..*len)
                .and_then(|b| std::str::from_utf8(b).ok())
                .unwrap_or(" "),
            Symbol::Cluster(s) => s,
        }
    }

    /// The same cell as ratatui has it.
    pub fn to_cell(&self) -> Cell {
        let mut cell = Cell::EMPTY;
        cell.set_symbol(self.symbol());
        cell.fg = self.pen.fg;
        cell.bg = self.pen.bg;
        cell.underline_color = self.pen.underline;
        cell.modifier = self.pen.modifier;
        cell
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::buffer::Buffer;
    use ratatui::style::Style;

    #[test]
    fn every_cell_comes_back_as_it_went_in() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 12, 2));
        buf.set_string(0, 0, "a中e\u{301}🇫🇷 x", Style::default().fg(Color::Red));
        buf.set_string(
            0,
            1,
            "« été »",
            Style::default()
                .bg(Color::Rgb(1, 2, 3))
                .add_modifier(Modifier::BOLD)
                .underline_color(Color::Blue),
        );
        let mut grid = Grid::new(buf.area);
        for (i, cell) in buf.content.iter().enumerate() {
            let g = grid.glyph_of(cell);
            assert_eq!(grid.shown(g).to_cell(), *cell, "cell {i}");
            assert_eq!(
                grid.width(g),
                ratatui::buffer::CellWidth::cell_width(cell.symbol()),
                "{:?}",
                cell.symbol()
            );
        }
        assert_eq!(grid.glyph_of(&Cell::EMPTY), Glyph::BLANK);
    }

    #[test]
    fn a_plain_character_is_the_glyph_of_its_cell() {
        let mut grid = Grid::new(Rect::new(0, 0, 1, 1));
        let pen = grid.pen(Pen::PLAIN);
        for c in (0u32..0x3000)
            .filter_map(char::from_u32)
            .filter(|&c| crate::app::text::is_plain(c))
        {
            let mut cell = Cell::EMPTY;
            cell.set_char(c);
            assert_eq!(grid.glyph_of(&cell), Glyph::plain(c, pen), "{c:?}");
        }
    }

    #[test]
    fn equal_cells_are_equal_glyphs_and_tables_hold_each_once() {
        let mut grid = Grid::new(Rect::new(0, 0, 4, 1));
        let mut cyan = Cell::new("e\u{301}");
        cyan.fg = Color::Cyan;
        let same = cyan.clone();
        assert_eq!(grid.glyph_of(&cyan), grid.glyph_of(&same));
        let mut yellow = cyan.clone();
        yellow.fg = Color::Yellow;
        assert_ne!(grid.glyph_of(&cyan), grid.glyph_of(&yellow));
        assert_eq!(grid.pens.len(), 3);
        for i in 0..100u8 {
            let mut indexed = cyan.clone();
            indexed.fg = Color::Indexed(i);
            let glyph = grid.glyph_of(&indexed);
            assert_eq!(grid.shown(glyph).pen.fg, Color::Indexed(i));
            assert_eq!(
                grid.glyph_of(&indexed),
                glyph,
                "found again past the few pens"
            );
        }
        assert_eq!(grid.clusters.len(), 1);
    }

    #[test]
    fn pens_looked_up_in_turn_keep_their_numbers() {
        let mut grid = Grid::new(Rect::new(0, 0, 1, 1));
        let red = Pen {
            fg: Color::Red,
            ..Pen::PLAIN
        };
        let (plain, r) = (grid.pen(Pen::PLAIN), grid.pen(red));
        assert_ne!(plain, r);
        for _ in 0..3 {
            assert_eq!(grid.pen(red), r);
            assert_eq!(grid.pen(Pen::PLAIN), plain);
        }
        assert_eq!(grid.pens.len(), 2);
    }

    #[test]
    fn pens_numbered_again_keep_what_the_screen_shows() {
        let mut grid = Grid::new(Rect::new(0, 0, 3, 1));
        let pen_of = |i: usize| Pen {
            fg: Color::Indexed(u8::try_from(i % 256).unwrap()),
            bg: Color::Indexed(u8::try_from(i / 256).unwrap()),
            ..Pen::PLAIN
        };
        let shown: Vec<Glyph> = [(5, 'a'), (700, 'b'), (5, 'c')]
            .into_iter()
            .map(|(i, c)| {
                let mut cell = Cell::EMPTY;
                cell.set_char(c);
                cell.fg = pen_of(i).fg;
                cell.bg = pen_of(i).bg;
                cell
            })
            .map(|cell| {
                (0..=700).for_each(|i| {
                    grid.pen(pen_of(i));
                });
                grid.glyph_of(&cell)
            })
            .collect();
        grid.row_mut(0, 0, 3).copy_from_slice(&shown);
        let before: Vec<Cell> = shown.iter().map(|&g| grid.shown(g).to_cell()).collect();
        assert!(!grid.renumber_pens(), "room left");
        (701..RENUMBER_PENS + 10).for_each(|i| {
            grid.pen(pen_of(i));
        });
        assert!(grid.renumber_pens());
        assert_eq!(grid.pens.len(), 3, "the blank's and the two shown");
        let after: Vec<Cell> = grid
            .row(0)
            .iter()
            .map(|&g| grid.shown(g).to_cell())
            .collect();
        assert_eq!(before, after);
        // New pens come after them, and are found again.
        let red = Pen {
            fg: Color::Red,
            ..Pen::PLAIN
        };
        let r = grid.pen(red);
        assert_eq!(r, 3);
        assert_eq!(grid.pen(pen_of(700)), grid.row(0)[1].pen());
    }

    #[test]
    fn the_cluster_table_keeps_what_the_screen_shows_when_full() {
        let mut grid = Grid::new(Rect::new(0, 0, 2, 1));
        let kept = grid.glyph_of(&Cell::new("a\u{301}"));
        grid.row_mut(0, 0, 1)[0] = kept;
        for i in 0..MAX_CLUSTERS + 10 {
            let c = char::from_u32(0x4e00 + u32::try_from(i).unwrap()).unwrap();
            let mut cell = Cell::EMPTY;
            cell.set_symbol(&format!("{c}\u{301}"));
            grid.glyph_of(&cell);
        }
        assert!(grid.clusters.len() <= MAX_CLUSTERS);
        let now = grid.get(0, 0).unwrap();
        assert_eq!(grid.shown(now).symbol(), "a\u{301}");
    }
}
