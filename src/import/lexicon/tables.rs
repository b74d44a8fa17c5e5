//! The hashing and layout of the lexicon's look-up tables, shared by build.rs, which lays the
//! tables out (`vocab-en.rs`, `vocab-fr.rs`), and the importer, which probes them: the two
//! cannot disagree on where a word is.
//!
//! A table is open addressing with linear probing, at most half full: a key's probe starts at
//! the high bits of its product with 2^64 divided by the golden ratio (Fibonacci hashing).
//! build.rs includes this file (`#[path]`), so it uses std only. No I/O here.

/// The most bytes of a word [`short_key`] gives a number for.
pub const SHORT_WORD_BYTES: usize = 8;

/// The number the bytes of a word make, zeros after it, for a word of ASCII characters (none
/// of them a zero byte) of at most [`SHORT_WORD_BYTES`] bytes: no two such words make one
/// number. None for another word. The bytes are read eight at a time.
#[inline]
pub fn short_key(bytes: &[u8]) -> Option<u64> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW: u64 = 0x0101_0101_0101_0101;
    let len = bytes.len();
    if len == 0 || len > SHORT_WORD_BYTES {
        return None;
    }
    let key = padded_le(bytes);
    // The bytes past the word read as ones, so that only a zero byte of the word shows.
    let pad = if len == SHORT_WORD_BYTES {
        0
    } else {
        LOW << (8 * len)
    };
    let probe = key | pad;
    let has_zero = probe.wrapping_sub(LOW) & !probe & HIGH != 0;
    (key & HIGH == 0 && !has_zero).then_some(key)
}

/// The bytes of `bytes` (one to eight) as a little-endian number, zeros after them: read as
/// two overlapping pieces (the bytes both hold are the same), not copied into a padded
/// array (a copy of a length known only at run time is a call to `memcpy`, as costly as
/// the rest of a look-up).
#[inline]
fn padded_le(bytes: &[u8]) -> u64 {
    let len = bytes.len();
    let byte = |i: usize| u64::from(bytes.get(i).copied().unwrap_or(0));
    if len >= 4 {
        let word = |i: usize| {
            bytes
                .get(i..i + 4)
                .and_then(|b| <[u8; 4]>::try_from(b).ok())
                .map_or(0, |b| u64::from(u32::from_le_bytes(b)))
        };
        word(0) | word(len - 4) << (8 * (len - 4))
    } else if len > 0 {
        byte(0) | byte(len / 2) << (8 * (len / 2)) | byte(len - 1) << (8 * (len - 1))
    } else {
        0
    }
}

/// A hash of a word that has no [`short_key`] (longer, or outside ASCII), eight bytes at a
/// time; never zero.
#[inline]
pub fn long_hash(bytes: &[u8]) -> u64 {
    const MUL: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut hash = (bytes.len() as u64).wrapping_mul(MUL);
    let mut chunks = bytes.chunks_exact(8);
    for chunk in chunks.by_ref() {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        hash = (hash ^ u64::from_le_bytes(word))
            .wrapping_mul(MUL)
            .rotate_left(29);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut word = [0u8; 8];
        if let Some(head) = word.get_mut(..rest.len()) {
            head.copy_from_slice(rest);
        }
        hash = (hash ^ u64::from_le_bytes(word))
            .wrapping_mul(MUL)
            .rotate_left(29);
    }
    (hash ^ hash >> 32) | 1
}

/// Past this many phrases of one first word, an index of the taxonomy finds those that may
/// hold at a token by their second word (the next words'), instead of trying them all.
pub const LONG_LIST: usize = 8;

/// The number of places of a table of `entries` keys: at most half are taken.
#[cfg_attr(not(test), allow(dead_code, reason = "build.rs lays tables out"))]
pub fn size_for(entries: usize) -> usize {
    (entries * 2).next_power_of_two().max(16)
}

/// Where the probe of `key` starts in a table of `size` places (a power of two).
#[inline]
pub fn place(key: u64, size: usize) -> usize {
    let shift = 64 - size.trailing_zeros();
    usize::try_from(key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> shift).unwrap_or(0)
}

/// The place after `at` in a table of `size` places.
#[inline]
pub fn next_place(at: usize, size: usize) -> usize {
    (at + 1) & (size - 1)
}

/// Lays out a table of the entries `0..count` by their keys (`key_of`), entries that are the
/// same (`same`) taking one place, the last one given: each place's entry, or none.
#[cfg_attr(not(test), allow(dead_code, reason = "build.rs lays tables out"))]
pub fn lay_out(
    count: usize,
    key_of: impl Fn(usize) -> u64,
    same: impl Fn(usize, usize) -> bool,
) -> Vec<Option<usize>> {
    let size = size_for(count);
    let mut places: Vec<Option<usize>> = vec![None; size];
    for entry in 0..count {
        let mut at = place(key_of(entry), size);
        while let Some(cell) = places.get_mut(at) {
            match cell {
                Some(taken) if !same(*taken, entry) => at = next_place(at, size),
                _ => {
                    *cell = Some(entry);
                    break;
                }
            }
        }
    }
    places
}

#[cfg(test)]
#[allow(
    clippy::indexing_slicing,
    clippy::expect_used,
    reason = "a test fails loudly on a wrong place"
)]
mod tests {
    use super::*;

    /// Every key of a table laid out is found by probing from its place, before any empty
    /// place; a key given twice takes one place, the last one given.
    #[test]
    fn laid_out_keys_are_found_where_their_probe_starts() {
        let keys: Vec<u64> = (0..300u64)
            .map(|k| k * 7919 % 1000 + 1)
            .chain([5, 5])
            .collect();
        let table = lay_out(keys.len(), |k| keys[k], |a, b| keys[a] == keys[b]);
        let size = table.len();
        assert_eq!(size, size_for(keys.len()));
        for (entry, &key) in keys.iter().enumerate() {
            let mut at = place(key, size);
            loop {
                let taken = table[at].expect("the probe reaches the key before an empty place");
                if keys[taken] == key {
                    assert!(taken >= entry || keys[entry..].contains(&key));
                    break;
                }
                at = next_place(at, size);
            }
        }
        assert_eq!(table.iter().flatten().filter(|&&k| keys[k] == 5).count(), 1);
        assert!(table.iter().flatten().any(|&k| k == keys.len() - 1));
    }

    /// The number of a word's bytes is theirs, one by one, zeros after them.
    #[test]
    fn padded_numbers_are_the_bytes_one_by_one() {
        let text = b"abcdefgh\x80\xffxyz";
        for start in 0..text.len() {
            for end in start..=text.len().min(start + 8) {
                let bytes = &text[start..end];
                let mut padded = [0u8; 8];
                padded[..bytes.len()].copy_from_slice(bytes);
                assert_eq!(padded_le(bytes), u64::from_le_bytes(padded), "{bytes:?}");
            }
        }
    }

    #[test]
    fn long_hashes_differ_and_are_never_zero() {
        let words = [
            "coopération",
            "cybercriminalité",
            "a",
            "",
            "abcdefghijklmnop",
            "abcdefghijklmnoq",
        ];
        let hashes: Vec<u64> = words.iter().map(|w| long_hash(w.as_bytes())).collect();
        for (i, h) in hashes.iter().enumerate() {
            assert_ne!(*h, 0);
            assert!(!hashes[..i].contains(h), "{}", words[i]);
        }
    }
}
