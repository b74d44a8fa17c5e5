//! A rule's pattern compiled for matching: the same tree, each part with what its first token
//! can be and whether it can match nothing ([`starts_of`]), worked out once.
//!
//! The matcher walks it exactly as [`super::walk`] walks the pattern, alternatives in order
//! and repetitions as long as possible, with two shortcuts that change no match:
//!
//! - a part that takes a token is skipped when the token where it would start cannot start
//!   it: it could only fail, and a part that fails leaves the captures as they were and calls
//!   nothing. Most parts of most rules are tried at tokens that cannot start them.
//! - what follows a part is not tried twice from the same token: whether the rest of a
//!   pattern matches from a token depends on that token only, never on what was captured
//!   (no part reads the captures), so once it failed from there it fails again. Without this,
//!   a repetition of alternatives that all match a word ("POLICE" is an organisation noun, a
//!   capitalised word and an acronym) tries every way of reading every word: a text in
//!   capitals took time exponential in the repetitions.
//! - a named part that rules share (the target of a [`Pat::Ref`] or of a [`Pat::Save`]: a
//!   role, an organisation, a name) is not walked again from a token where it matched
//!   nothing: whether a part matches from a token depends on the sentence and the token only,
//!   so once it reached no end from there, it reaches none for the next rule either. The
//!   rules of a family try the same roles and organisations at each capital; what one found
//!   missing is known to the others ([`Dead`], kept per sentence view).

use std::cell::RefCell;
use std::sync::{LazyLock, Mutex};

use super::{
    Captures, FirstSet, Match, Needs, Pat, Slot, admit, atom, first_of, needs, nullable, phrases,
};
use crate::import::lexicon::Class;
use crate::import::lexicon::FastMap;
use crate::import::token::Sent;

/// A continuation, called with where a part ended and the captures so far; true when the
/// whole pattern matched.
type Next<'n> = dyn FnMut(usize, &mut Captures) -> bool + 'n;

/// Calls a continuation at most once per end: the ends where it failed, as bits from the
/// token where the part started (ends farther than 63 tokens are called again).
struct Once<'n, 'm> {
    from: usize,
    failed: u64,
    next: &'m mut Next<'n>,
}

impl<'n, 'm> Once<'n, 'm> {
    fn new(from: usize, next: &'m mut Next<'n>) -> Self {
        Once {
            from,
            failed: 0,
            next,
        }
    }

    #[inline]
    fn call(&mut self, end: usize, caps: &mut Captures) -> bool {
        let bit = end
            .checked_sub(self.from)
            .filter(|offset| *offset < 64)
            .map_or(0, |offset| 1u64 << offset);
        if self.failed & bit != 0 {
            return false;
        }
        let found = (self.next)(end, caps);
        if !found {
            self.failed |= bit;
        }
        found
    }
}
/// The most steps of a repetition whose tries are remembered (the last row is what follows
/// it); past them, tries are repeated.
const MEMO_DEPTH: usize = 34;

/// A sequence's or a repetition's walk from token `start`: the sentence and what follows.
struct Walk<'s, 'n, 'm> {
    sent: &'s Sent<'s>,
    start: usize,
    next: &'m mut Next<'n>,
}

/// The tries of a sequence's parts or a repetition's counts that failed: for each, the tokens
/// from `start` as bits (tokens farther than 63 are tried again). Set up on the first
/// failure to remember: most walks fail on their first part, which is tried once anyway.
struct Memo<'f, 'w, 'n, const ROWS: usize>(&'f mut Option<[u64; ROWS]>, Walk<'w, 'n, 'f>);

/// The rows a sequence's memo keeps, one per part after the first and one for what follows:
/// the sequences of the rules have fewer parts, and a memo set up at each failure is cleared
/// whole, so it is kept short (parts past it are tried again).
const SEQ_MEMO_ROWS: usize = 12;

impl<const ROWS: usize> Memo<'_, '_, '_, ROWS> {
    /// The bit of token `at`.
    #[inline]
    fn bit(&self, at: usize) -> u64 {
        at.checked_sub(self.1.start)
            .filter(|offset| *offset < 64)
            .map_or(0, |offset| 1 << offset)
    }

    #[inline]
    fn failed(&self, row: usize, bit: u64) -> bool {
        self.0
            .as_ref()
            .and_then(|rows| rows.get(row))
            .is_some_and(|done| done & bit != 0)
    }

    #[inline]
    fn fail(&mut self, row: usize, bit: u64) {
        if let Some(done) = self.0.get_or_insert([0; ROWS]).get_mut(row) {
            *done |= bit;
        }
    }
}

/// The number of each shared part (see [`Program::shared`]), by the address of its pattern:
/// the same number in every program that holds it.
static SHARED_IDS: LazyLock<Mutex<FastMap<usize, u32>>> = LazyLock::new(Mutex::default);

/// The number of the shared part `pat`, the same in every program.
fn shared_id(pat: &'static Pat) -> u32 {
    let key = std::ptr::from_ref(pat) as usize;
    let mut ids = SHARED_IDS
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let next = u32::try_from(ids.len()).unwrap_or(u32::MAX);
    *ids.entry(key).or_insert(next)
}

/// The shared parts known to match nothing from a token, in one sentence view: for each part,
/// the tokens as bits.
#[derive(Default)]
struct Dead {
    /// The view ([`Sent::id`]) the bits are of.
    sent: Option<u64>,
    /// Words of bits per part.
    width: usize,
    bits: Vec<u64>,
}

thread_local! {
    // Made at compile time: each use skips the check that it was made.
    static DEAD: RefCell<Dead> = const {
        RefCell::new(Dead {
            sent: None,
            width: 0,
            bits: Vec::new(),
        })
    };
}

impl Dead {
    /// Where the bit of part `part` at token `at` is: its word and its mask.
    fn place(&self, part: u32, at: usize) -> (usize, u64) {
        (part as usize * self.width + at / 64, 1 << (at % 64))
    }

    /// True when part `part` matched nothing from token `at` of `sent`.
    fn is_dead(part: u32, sent: &Sent<'_>, at: usize) -> bool {
        DEAD.with_borrow(|dead| {
            if dead.sent != Some(sent.id) {
                return false;
            }
            let (word, mask) = dead.place(part, at);
            dead.bits.get(word).is_some_and(|bits| bits & mask != 0)
        })
    }

    /// Remembers that part `part` matches nothing from token `at` of `sent`.
    fn set_dead(part: u32, sent: &Sent<'_>, at: usize) {
        DEAD.with_borrow_mut(|dead| {
            if dead.sent != Some(sent.id) {
                dead.sent = Some(sent.id);
                dead.width = sent.len() / 64 + 1;
                dead.bits.clear();
            }
            if at > sent.len() {
                return;
            }
            let (word, mask) = dead.place(part, at);
            if word >= dead.bits.len() {
                dead.bits.resize(word + 1, 0);
            }
            if let Some(bits) = dead.bits.get_mut(word) {
                *bits |= mask;
            }
        });
    }
}

/// A pattern compiled for matching: its parts, and apart from them (the matcher tests them
/// far more often than it walks a part) where each may start.
#[derive(Debug)]
pub(crate) struct Program {
    ops: Vec<Op>,
    /// What the first token of each part can be, admitting any when the part can match no
    /// token at all.
    starts: Vec<FirstSet>,
    /// For each part shared between rules, its number (see [`shared_id`]).
    shared: Vec<Option<u32>>,
    /// For each part, true when it takes exactly one token where it matches, in one way (see
    /// [`Program::one_at`]).
    one: Vec<bool>,
    root: usize,
}

/// What a part does; parts are indexes of [`Program::nodes`].
#[derive(Debug)]
enum Op {
    /// A pattern of one step, matched by [`atom`].
    Atom(&'static Pat),
    /// A phrase of the class.
    Is(Class),
    Seq(Box<[usize]>),
    Alt(Box<[usize]>),
    Opt(usize),
    Rep(usize, u8, u8),
    Save(Slot, usize),
    Unless(Class, usize),
    Peek(usize),
}

/// True when a pattern of one step (matched by [`atom`]) takes exactly one token where it
/// matches (not an initial and its period, the end, a mention).
const fn takes_one_token(pat: &Pat) -> bool {
    matches!(
        pat,
        Pat::Word
            | Pat::Capital
            | Pat::CapIs(_)
            | Pat::UpperIs(_)
            | Pat::OrgCapital
            | Pat::OrgTitle
            | Pat::Acronym
            | Pat::Lower
            | Pat::Number
            | Pat::WithDigit
            | Pat::P(_)
            | Pat::AnyOf(_)
            | Pat::Quote
            | Pat::NameWord
            | Pat::GivenNameWord
            | Pat::Inverted
            | Pat::PlainWord
    )
}

/// The nodes compiled so far, and the node of each pattern already compiled (by address: a
/// pattern shared by several parts is one node).
#[derive(Default)]
struct Compiler {
    ops: Vec<Op>,
    starts: Vec<FirstSet>,
    shared: Vec<Option<u32>>,
    one: Vec<bool>,
    /// What each node's pattern starts with, needs and whether it can match nothing: a
    /// node's are made of its parts', each worked out once (see [`Parts`]).
    parts: Vec<Parts>,
    seen: FastMap<usize, usize>,
    /// The pattern of each node, for the tests.
    #[cfg(test)]
    pats: Vec<&'static Pat>,
}

/// What [`first_of`], [`needs`] and [`nullable`] say of a compiled node's pattern, kept so
/// that a pattern of parts is worked out from its parts' instead of walking them again (every
/// part of a rule was walked once per pattern above it: most of compiling the rules, before
/// the first frame of an imported release).
#[derive(Debug, Clone, Copy)]
struct Parts {
    first: FirstSet,
    needs: Needs,
    nullable: bool,
}

impl Parts {
    /// A pattern of one step's.
    const fn of_atom(pat: &Pat) -> Parts {
        Parts {
            first: first_of(pat),
            needs: needs(pat),
            nullable: nullable(pat),
        }
    }

    /// Where a part may start, as [`super::starts_of`] says of its pattern.
    fn starts(self) -> FirstSet {
        let mut set = self.first;
        set.needs = self.needs.classes;
        if self.nullable {
            set.flags |= admit::ANYWHERE;
        }
        set
    }
}

impl Compiler {
    fn node(&mut self, pat: &'static Pat) -> usize {
        let key = std::ptr::from_ref(pat) as usize;
        if let Some(&id) = self.seen.get(&key) {
            return id;
        }
        let (op, parts) = match pat {
            Pat::Ref(part) => {
                let id = self.shared_node(part);
                self.seen.insert(key, id);
                return id;
            }
            Pat::Seq(list) => {
                let ids: Box<[usize]> = list.iter().map(|p| self.node(p)).collect();
                let mut parts = Parts {
                    first: FirstSet::EMPTY,
                    needs: Needs::NOTHING,
                    nullable: true,
                };
                for &id in &ids {
                    let part = self.parts_of(id);
                    if parts.nullable {
                        parts.first = parts.first.union(part.first);
                        parts.nullable = part.nullable;
                    }
                    parts.needs.classes |= part.needs.classes;
                    parts.needs.puncts |= part.needs.puncts;
                }
                (Op::Seq(ids), parts)
            }
            Pat::Alt(list) => {
                let ids: Box<[usize]> = list.iter().map(|p| self.node(p)).collect();
                let mut parts = Parts {
                    first: FirstSet::EMPTY,
                    needs: Needs::EVERYTHING,
                    nullable: false,
                };
                for &id in &ids {
                    let part = self.parts_of(id);
                    parts.first = parts.first.union(part.first);
                    parts.needs.classes &= part.needs.classes;
                    parts.needs.puncts &= part.needs.puncts;
                    parts.nullable |= part.nullable;
                }
                (Op::Alt(ids), parts)
            }
            Pat::Opt(part) => {
                let id = self.node(part);
                let parts = Parts {
                    needs: Needs::NOTHING,
                    nullable: true,
                    ..self.parts_of(id)
                };
                (Op::Opt(id), parts)
            }
            Pat::Rep(part, min, max) => {
                let id = self.node(part);
                let inner = self.parts_of(id);
                let parts = Parts {
                    first: inner.first,
                    needs: if *min > 0 {
                        inner.needs
                    } else {
                        Needs::NOTHING
                    },
                    nullable: *min == 0 || inner.nullable,
                };
                (Op::Rep(id, *min, *max), parts)
            }
            Pat::Save(slot, part) => {
                let id = self.shared_node(part);
                (Op::Save(*slot, id), self.parts_of(id))
            }
            Pat::Unless(class, part) => {
                let id = self.node(part);
                (Op::Unless(*class, id), self.parts_of(id))
            }
            Pat::Peek(part) => {
                let id = self.node(part);
                // A lookahead takes no token: what follows it takes the first.
                let parts = Parts {
                    first: FirstSet::EMPTY,
                    needs: self.parts_of(id).needs,
                    nullable: true,
                };
                (Op::Peek(id), parts)
            }
            Pat::Is(class) => (Op::Is(*class), Parts::of_atom(pat)),
            _ => (Op::Atom(pat), Parts::of_atom(pat)),
        };
        let id = self.ops.len();
        let one = match &op {
            Op::Atom(pat) => takes_one_token(pat),
            Op::Alt(ids) => ids.iter().all(|&id| self.one.get(id) == Some(&true)),
            Op::Unless(_, id) => self.one.get(*id) == Some(&true),
            _ => false,
        };
        self.one.push(one);
        self.ops.push(op);
        self.starts.push(parts.starts());
        self.parts.push(parts);
        #[cfg(test)]
        self.pats.push(pat);
        self.shared.push(None);
        self.seen.insert(key, id);
        id
    }

    /// What node `id`'s pattern starts with, needs and can match (see [`Parts`]).
    fn parts_of(&self, id: usize) -> Parts {
        self.parts.get(id).copied().unwrap_or(Parts {
            first: FirstSet::EMPTY,
            needs: Needs::NOTHING,
            nullable: false,
        })
    }

    /// The node of a part that rules share: one that takes parts of its own is remembered
    /// where it matched nothing (an atom is quicker tried again).
    fn shared_node(&mut self, pat: &'static Pat) -> usize {
        let id = self.node(pat);
        let composite = matches!(
            self.ops.get(id),
            Some(Op::Seq(_) | Op::Alt(_) | Op::Rep(..) | Op::Opt(_) | Op::Save(..))
        );
        if composite && let Some(cell @ None) = self.shared.get_mut(id) {
            *cell = Some(shared_id(pat));
        }
        id
    }
}

impl Program {
    /// Compiles a pattern.
    pub(crate) fn compile(pat: &'static Pat) -> Program {
        // Room for the parts of most rules at once: growing the tables as they fill was a
        // quarter of compiling.
        const NODES: usize = 64;
        let mut compiler = Compiler {
            ops: Vec::with_capacity(NODES),
            starts: Vec::with_capacity(NODES),
            shared: Vec::with_capacity(NODES),
            one: Vec::with_capacity(NODES),
            parts: Vec::with_capacity(NODES),
            seen: FastMap::with_capacity_and_hasher(NODES, Default::default()),
            #[cfg(test)]
            pats: Vec::new(),
        };
        let root = compiler.node(pat);
        Program {
            ops: compiler.ops,
            starts: compiler.starts,
            shared: compiler.shared,
            one: compiler.one,
            root,
        }
    }

    /// The first way the pattern matches starting at token `at`, as [`super::match_at`].
    pub(crate) fn match_at(&self, sent: &Sent<'_>, at: usize) -> Option<Match> {
        if sent.len() >= super::MAX_MATCH_TOKENS {
            return None;
        }
        if self.may(self.root, sent, at) {
            self.match_started(sent, at)
        } else {
            None
        }
    }

    /// [`Self::match_at`] where the caller already knows the pattern may start at token `at`
    /// (a rule's first set admits it): the test is not made twice.
    pub(crate) fn match_started(&self, sent: &Sent<'_>, at: usize) -> Option<Match> {
        if sent.len() >= super::MAX_MATCH_TOKENS {
            return None;
        }
        let mut found = None;
        let mut caps = Captures::default();
        self.walk(self.root, sent, at, &mut caps, &mut |end, caps| {
            found = Some(Match {
                start: at,
                end,
                caps: *caps,
            });
            true
        });
        found
    }

    /// False when node `id` cannot match at token `at`: it takes a token, and this one
    /// cannot start it, or the sentence holds none of a class it needs from there on.
    #[inline(always)]
    fn may(&self, id: usize, sent: &Sent<'_>, at: usize) -> bool {
        self.starts
            .get(id)
            .is_some_and(|first| first.admits_at(sent, at))
    }

    /// [`super::walk`] over node `id`, with the shortcuts of the module.
    fn walk(
        &self,
        id: usize,
        sent: &Sent<'_>,
        at: usize,
        caps: &mut Captures,
        next: &mut Next<'_>,
    ) -> bool {
        let Some(&Some(shared)) = self.shared.get(id) else {
            return self.walk_op(id, sent, at, caps, next);
        };
        if Dead::is_dead(shared, sent, at) {
            return false;
        }
        let mut ended = false;
        let found = self.walk_op(id, sent, at, caps, &mut |end, caps| {
            ended = true;
            next(end, caps)
        });
        if !found && !ended {
            Dead::set_dead(shared, sent, at);
        }
        found
    }

    /// [`Self::walk`] over node `id`'s own operation.
    fn walk_op(
        &self,
        id: usize,
        sent: &Sent<'_>,
        at: usize,
        caps: &mut Captures,
        next: &mut Next<'_>,
    ) -> bool {
        let Some(op) = self.ops.get(id) else {
            return false;
        };
        match op {
            Op::Atom(pat) => atom(pat, sent, at).is_some_and(|end| next(end, caps)),
            Op::Is(class) => phrases(*class, sent, at, caps, next),
            Op::Unless(class, part) => {
                !sent.is(at, *class) && self.walk(*part, sent, at, caps, next)
            }
            Op::Seq(parts) => {
                let mut failed = None;
                let walk = Walk {
                    sent,
                    start: at,
                    next,
                };
                self.seq(parts, 0, at, caps, &mut Memo(&mut failed, walk))
            }
            Op::Alt(parts) => {
                let mut once = Once::new(at, next);
                parts.iter().any(|&part| {
                    self.may(part, sent, at)
                        && if self.is_one(part) {
                            self.one_at(part, sent, at) && once.call(at + 1, caps)
                        } else {
                            self.walk(part, sent, at, caps, &mut |end, caps| once.call(end, caps))
                        }
                })
            }
            Op::Opt(part) => {
                let mut once = Once::new(at, next);
                self.may(*part, sent, at)
                    && self.walk(*part, sent, at, caps, &mut |end, caps| once.call(end, caps))
                    || once.call(at, caps)
            }
            Op::Peek(part) => {
                let mut scratch = *caps;
                self.may(*part, sent, at)
                    && self.walk(*part, sent, at, &mut scratch, &mut |_, _| true)
                    && next(at, caps)
            }
            Op::Rep(part, min, max) => {
                if self.is_one(*part) {
                    return self.rep_one(*part, *min, *max, sent, at, caps, next);
                }
                let mut failed = None;
                let walk = Walk {
                    sent,
                    start: at,
                    next,
                };
                self.rep(*part, *min, *max, 0, at, caps, &mut Memo(&mut failed, walk))
            }
            Op::Save(slot, part) => {
                let before = caps.get(*slot);
                let found = self.walk(*part, sent, at, caps, &mut |end, caps| {
                    caps.set(*slot, Some((at, end)));
                    next(end, caps)
                });
                if !found {
                    caps.set(*slot, before);
                }
                found
            }
        }
    }

    /// True when node `id` takes exactly one token where it matches, in one way: a pattern of
    /// one step that takes a token, or alternatives of such, unless a class.
    #[inline]
    fn is_one(&self, id: usize) -> bool {
        self.one.get(id).copied().unwrap_or(false)
    }

    /// True when node `id`, which takes one token (see [`Self::is_one`]), matches at token
    /// `at`: its one way to match, without a continuation.
    fn one_at(&self, id: usize, sent: &Sent<'_>, at: usize) -> bool {
        match self.ops.get(id) {
            Some(Op::Atom(pat)) => atom(pat, sent, at).is_some(),
            Some(Op::Alt(parts)) => parts
                .iter()
                .any(|&part| self.may(part, sent, at) && self.one_at(part, sent, at)),
            Some(Op::Unless(class, part)) => !sent.is(at, *class) && self.one_at(*part, sent, at),
            _ => false,
        }
    }

    /// A repetition of a part that takes one token (see [`Self::is_one`]) from token `at`:
    /// the tokens it takes are a run from `at`, and what follows is tried after the longest
    /// run allowed, then after each shorter one down to `min`, as the walk of [`Self::rep`]
    /// tries them (it would try no end twice: its memo changes nothing here).
    #[allow(
        clippy::too_many_arguments,
        reason = "the walk's own arguments and the repetition's counts"
    )]
    fn rep_one(
        &self,
        part: usize,
        min: u8,
        max: u8,
        sent: &Sent<'_>,
        at: usize,
        caps: &mut Captures,
        next: &mut Next<'_>,
    ) -> bool {
        let mut end = at;
        while end - at < usize::from(max)
            && self.may(part, sent, end)
            && self.one_at(part, sent, end)
        {
            end += 1;
        }
        let shortest = at + usize::from(min);
        while end >= shortest {
            if next(end, caps) {
                return true;
            }
            if end == at {
                break;
            }
            end -= 1;
        }
        false
    }

    /// Parts `k..` of a sequence from token `at`, then what follows the sequence; each
    /// (part, token) tried once.
    fn seq(
        &self,
        parts: &[usize],
        k: usize,
        at: usize,
        caps: &mut Captures,
        memo: &mut Memo<'_, '_, '_, SEQ_MEMO_ROWS>,
    ) -> bool {
        let bit = memo.bit(at);
        if memo.failed(k, bit) {
            return false;
        }
        let found = match parts.get(k) {
            None => (memo.1.next)(at, caps),
            Some(&part) => {
                let sent = memo.1.sent;
                if !self.may(part, sent, at) {
                    false
                } else if self.is_one(part) {
                    // A part of one token has one end at most: the rest follows it directly,
                    // with no continuation made for it.
                    self.one_at(part, sent, at) && self.seq(parts, k + 1, at + 1, caps, memo)
                } else {
                    self.walk(part, sent, at, caps, &mut |end, caps| {
                        self.seq(parts, k + 1, end, caps, memo)
                    })
                }
            }
        };
        // The first part is tried once, from the start.
        if !found && k > 0 {
            memo.fail(k, bit);
        }
        found
    }

    /// A repetition from token `at`, `done` times already; each (count, token) tried
    /// once, and what follows once per token.
    #[allow(
        clippy::too_many_arguments,
        reason = "the walk's own arguments and the repetition's counts"
    )]
    fn rep(
        &self,
        part: usize,
        min: u8,
        max: u8,
        done: usize,
        at: usize,
        caps: &mut Captures,
        memo: &mut Memo<'_, '_, '_, MEMO_DEPTH>,
    ) -> bool {
        let bit = memo.bit(at);
        // The last row is what follows.
        let row = if done < MEMO_DEPTH - 1 {
            done
        } else {
            MEMO_DEPTH
        };
        if memo.failed(row, bit) {
            return false;
        }
        let sent = memo.1.sent;
        // A part that matched nothing would repeat forever.
        let mut found = max > 0
            && self.may(part, sent, at)
            && self.walk(part, sent, at, caps, &mut |end, caps| {
                end > at
                    && self.rep(
                        part,
                        min.saturating_sub(1),
                        max - 1,
                        done + 1,
                        end,
                        caps,
                        memo,
                    )
            });
        if !found && min == 0 && !memo.failed(MEMO_DEPTH - 1, bit) {
            found = (memo.1.next)(at, caps);
            // From the start, what follows is tried once (each count starts farther on).
            if !found && done > 0 {
                memo.fail(MEMO_DEPTH - 1, bit);
            }
        }
        // The repetition is tried once from its start.
        if !found && done > 0 {
            memo.fail(row, bit);
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::super::Pat::*;
    use super::*;
    use crate::import::lexicon::vocab;
    use crate::import::token::{TokenBuf, tokenize};
    use crate::model::Lang;

    /// How many times the pattern reaches its end, in any way, over "A B C … L" when what
    /// follows always fails.
    fn ends_tried(pat: &'static Pat) -> usize {
        let text = "A B C D E F G H I J K L";
        let v = vocab(Lang::En);
        let mut buf = TokenBuf::default();
        tokenize(text, &mut buf);
        buf.annotate(v);
        let sent = buf.sent(text, 0..buf.len(), v);
        let program = Program::compile(pat);
        let mut tried = 0;
        let mut caps = Captures::default();
        program.walk(program.root, &sent, 0, &mut caps, &mut |_, _| {
            tried += 1;
            false
        });
        tried
    }

    /// Each node's first set, worked out from its parts', is what [`super::super::starts_of`]
    /// says of its pattern, for every part of every rule.
    #[test]
    fn first_sets_built_from_the_parts_are_those_of_the_patterns() {
        use crate::import::rules::{dates, event, items, people, speech};
        let tables: [&[super::super::Rule]; 7] = [
            people::RULES,
            speech::RULES,
            speech::QUOTELESS_RULES,
            items::RULES,
            dates::RULES,
            event::RULES,
            event::PLACE_RULES,
        ];
        let mut nodes = 0;
        for rule in tables.iter().flat_map(|t| t.iter()) {
            let mut compiler = Compiler::default();
            let root = compiler.node(rule.pat);
            assert_eq!(
                compiler.starts.get(root),
                Some(&rule.first),
                "{}",
                rule.name
            );
            for (pat, starts) in compiler.pats.iter().zip(&compiler.starts) {
                assert_eq!(
                    *starts,
                    super::super::starts_of(pat),
                    "{}: {pat:?}",
                    rule.name
                );
                nodes += 1;
            }
        }
        assert!(nodes > 1000, "{nodes}");
    }

    /// Parts that take one token in one way are told apart from those that may take more or
    /// none, and a repetition of one backs off from its longest run as the walk does.
    #[test]
    fn repetitions_of_one_token_back_off_from_the_longest_run() {
        static RUN: Pat = Rep(&Alt(&[Capital, Acronym]), 0, 3);
        static INITIALS: Pat = Rep(&Initial, 0, 3);
        static PHRASES: Pat = Rep(&Alt(&[Capital, Is(Class::Role)]), 0, 3);
        for (pat, one) in [(&RUN, true), (&INITIALS, false), (&PHRASES, false)] {
            let program = Program::compile(pat);
            let Some(Op::Rep(part, ..)) = program.ops.get(program.root) else {
                panic!("{pat:?} compiles to a repetition");
            };
            assert_eq!(program.is_one(*part), one, "{pat:?}");
        }
        static THEN_CAPITAL: Pat = Seq(&[Rep(&Capital, 1, 3), Capital]);
        let v = vocab(Lang::En);
        for (text, end) in [("A B C D e", Some(4)), ("A B C d", Some(3)), ("A b", None)] {
            let mut buf = TokenBuf::default();
            tokenize(text, &mut buf);
            buf.annotate(v);
            let sent = buf.sent(text, 0..buf.len(), v);
            let found = Program::compile(&THEN_CAPITAL).match_at(&sent, 0);
            assert_eq!(found.map(|m| m.end), end, "{text}");
            assert_eq!(
                found,
                super::super::match_at(&THEN_CAPITAL, &sent, 0),
                "{text}"
            );
        }
    }

    #[test]
    fn the_rest_is_tried_once_per_end_however_many_ways_lead_there() {
        // Every word is a capital, an acronym and a word: 3^12 ways to read twelve words.
        static WORDS: Pat = Rep(&Alt(&[Capital, Acronym, Word]), 0, 12);
        assert_eq!(ends_tried(&WORDS), 13);
        // Two repetitions that both take capitals: many ways to split the same words.
        static SPLIT: Pat = Seq(&[
            Rep(&Capital, 0, 6),
            Opt(&Acronym),
            Rep(&Seq(&[Opt(&Word), Capital]), 0, 6),
        ]);
        assert_eq!(ends_tried(&SPLIT), 13);
    }
}
