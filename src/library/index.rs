//! A library's index: one file per library, under the user's cache directory, that holds what
//! every file of the folder gave when it was last read (its briefing, or why it does not load),
//! with the file's size, modification time and a hash of its bytes. A second start reads this
//! one file instead of every release and every cached briefing.
//!
//! The format is ours and compact: a header (a magic line, the format's version, the
//! importer's identity, where the records are), the briefings, then one record per file, each
//! field a fixed-size integer or a string after its length. Briefings are kept as the JSON the
//! model's serde types write (they read it back in microseconds; the binary formats of serde
//! cannot read the model's untagged fields), apart from the records: a start reads the records
//! only, and a briefing is read from the index (still open, whatever was written since) when
//! the reader or the matches ask for it. Every read is checked against the buffer's end and by
//! a hash: a damaged index is no index, a damaged record is dropped, and a briefing that does
//! not read back does not load and is dropped when the index is written again (its file is
//! read again).
//!
//! It is written whole, through a temporary file in the same folder and a rename, so a reader
//! never sees half of one; it holds the files of the last scan only (the others are dropped
//! when it is written again). The folder of indexes is bounded too: [`prune`] keeps the most
//! recently opened [`MAX_INDEXES`], within [`MAX_BYTES`] in all.

use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use super::Known;
use crate::app::library::Entry;
use crate::app::library::entry::{BriefingCell, Folded, ItemRef, StoredBriefing, Summary};
use crate::model::{Briefing, Date};

/// The first bytes of an index, with the format's version.
const MAGIC: &[u8; 16] = b"briefing-index\n\x03";

/// The header: the magic line, the importer, how many records, where they start and how many
/// bytes they take (they end the file).
const HEADER: u64 = 16 + 4 * 8;

/// The most library indexes kept; past it, the least recently opened go.
pub const MAX_INDEXES: usize = 16;

/// The most bytes all indexes may take; past it, the least recently opened go (the one just
/// written stays, however large).
pub const MAX_BYTES: u64 = 1 << 30;

/// A record's flags.
const HAS_TIME: u8 = 1;
const SETTLED: u8 = 2;
const LOADED: u8 = 4;
const DATED: u8 = 8;

/// An index opened: its records read (decoded by [`Index::decode`], on every core), the file
/// kept open for the briefings.
pub(super) struct Index {
    file: Arc<Blobs>,
    /// The records, shared by the summaries' folded texts.
    records: Arc<Vec<u8>>,
    count: usize,
    /// Where the records start: the briefings are before.
    records_at: u64,
}

/// The index's file, open, for the briefings it keeps: a briefing asked for after the index
/// was written again is read from the file as it was opened.
#[derive(Debug)]
pub(super) struct Blobs(Mutex<std::fs::File>);

/// A briefing kept in an index: where, how long, and the hash of its JSON.
#[derive(Debug)]
struct Stored {
    file: Arc<Blobs>,
    at: u64,
    len: usize,
    sum: u64,
}

impl Stored {
    /// Its JSON, if it reads back as written.
    fn json(&self) -> Option<Vec<u8>> {
        let mut out = vec![0; self.len];
        let mut file = self.file.0.lock().ok()?;
        file.seek(SeekFrom::Start(self.at)).ok()?;
        file.read_exact(&mut out).ok()?;
        (checksum(&out) == self.sum).then_some(out)
    }
}

impl StoredBriefing for Stored {
    fn load(&self) -> Option<Arc<Briefing>> {
        // serde only: the model's checks passed when it was written.
        serde_json::from_slice::<Briefing>(&self.json()?)
            .ok()
            .map(Arc::new)
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// A briefing kept as the JSON an index holds, in memory until the index is written: a file
/// structured on a worker is encoded there, on every core, instead of all of them on one
/// after the last import (half a second for 10,000 releases), and takes less memory so.
#[derive(Debug)]
pub(super) struct Encoded(Vec<u8>);

impl Encoded {
    /// `briefing`'s JSON; `None` if it does not serialize (a bug: our types always do).
    pub(super) fn of(briefing: &Briefing) -> Option<Encoded> {
        serde_json::to_vec(briefing).ok().map(Encoded)
    }
}

impl StoredBriefing for Encoded {
    fn load(&self) -> Option<Arc<Briefing>> {
        // serde only: the model's checks passed on the briefing encoded.
        serde_json::from_slice::<Briefing>(&self.0)
            .ok()
            .map(Arc::new)
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// The index at `path`, if it is one written for `importer` and whole: its header and
/// records read, its briefings left on disk.
pub(super) fn open(path: &Path, importer: u64) -> Option<Index> {
    let mut file = std::fs::File::open(path).ok()?;
    let len = file.metadata().ok()?.len();
    let mut head = [0u8; HEADER as usize];
    file.read_exact(&mut head).ok()?;
    let mut r = Reader {
        bytes: &head,
        at: 0,
    };
    if r.take(MAGIC.len())? != MAGIC || r.u64()? != importer {
        return None;
    }
    let count = usize::try_from(r.u64()?).ok()?;
    let (records_at, records_len) = (r.u64()?, r.u64()?);
    if records_at < HEADER || records_at.checked_add(records_len)? != len {
        return None;
    }
    file.seek(SeekFrom::Start(records_at)).ok()?;
    let len = usize::try_from(records_len).ok()?;
    let mut records = Vec::with_capacity(len);
    (&mut file)
        .take(records_len)
        .read_to_end(&mut records)
        .ok()?;
    if records.len() != len {
        return None;
    }
    Some(Index {
        file: Arc::new(Blobs(Mutex::new(file))),
        records: Arc::new(records),
        count,
        records_at,
    })
}

impl Index {
    /// Where each record is; `None` when they do not add up.
    pub(super) fn records(&self) -> Option<Vec<Range<usize>>> {
        let mut r = Reader {
            bytes: &self.records,
            at: 0,
        };
        // Each record takes at least 8 bytes: a count past that is a damaged index.
        let mut out = Vec::with_capacity(self.count.min(self.records.len() / 8));
        for _ in 0..self.count {
            out.push(r.span()?);
        }
        (r.at == self.records.len()).then_some(out)
    }

    /// One record as the folder knows a file: its summary, its briefing left in the index
    /// until asked for, or why it did not load. `None` for a damaged record.
    pub(super) fn decode(&self, at: &Range<usize>) -> Option<Known> {
        let record = self.records.get(at.clone())?;
        let (record, sum) = record.split_at_checked(record.len().checked_sub(8)?)?;
        if u64::from_le_bytes(sum.try_into().ok()?) != checksum(record) {
            return None;
        }
        decode(record, at.start, self)
    }
}

/// The record `record` (its hash checked), found at `start` in `index`'s records.
fn decode(record: &[u8], start: usize, index: &Index) -> Option<Known> {
    let mut r = Reader {
        bytes: record,
        at: 0,
    };
    let path = r.str()?;
    let size = r.u64()?;
    let flags = r.u8()?;
    let (secs, nanos) = (r.u64()?, r.u32()?);
    let hash = u128::from(r.u64()?) | (u128::from(r.u64()?) << 64);
    let entry = if flags & LOADED != 0 {
        let title = r.string()?;
        let date = if flags & DATED != 0 {
            let year = i16::from_le_bytes(r.take(2)?.try_into().ok()?);
            let month = i8::from_le_bytes([r.u8()?]);
            let day = i8::from_le_bytes([r.u8()?]);
            Some(Date::new(year, month, day)?)
        } else {
            None
        };
        let (lang, quotes, threats) = (r.string()?, r.u32()?, r.u32()?);
        let (publisher, parties, people, categories) =
            (r.string()?, r.strings()?, r.strings()?, r.strings()?);
        let folded = r.span()?;
        let folded = Folded::part(&index.records, start + folded.start..start + folded.end)?;
        let items = r.items()?;
        let (at, len, sum) = (r.u64()?, r.u64()?, r.u64()?);
        // The briefing lies between the header and the records.
        if at < HEADER || at.checked_add(len)? > index.records_at {
            return None;
        }
        let stored = Stored {
            file: Arc::clone(&index.file),
            at,
            len: usize::try_from(len).ok()?,
            sum,
        };
        let summary = Summary {
            title,
            date,
            lang,
            quotes: usize::try_from(quotes).ok()?,
            threats: usize::try_from(threats).ok()?,
            publisher,
            parties,
            people,
            categories,
            folded,
            items,
            cell: BriefingCell::Stored(Arc::new(stored)),
            pending: false,
        };
        Entry {
            path: path.to_string(),
            loaded: Ok(Arc::new(summary)),
        }
    } else {
        Entry::failed(path, r.str()?)
    };
    if r.at != record.len() {
        return None;
    }
    let mtime = (flags & HAS_TIME != 0).then(|| Duration::new(secs, nanos.min(999_999_999)));
    Some(Known {
        stamp: Some((size, mtime.map(|d| SystemTime::UNIX_EPOCH + d))),
        settled: flags & SETTLED != 0,
        hash: Some(hash),
        entry,
    })
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.at.checked_add(n)?;
        let out = self.bytes.get(self.at..end)?;
        self.at = end;
        Some(out)
    }

    fn u8(&mut self) -> Option<u8> {
        self.take(1)?.first().copied()
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }

    /// Where the next bytes after their length are.
    fn span(&mut self) -> Option<Range<usize>> {
        let n = usize::try_from(self.u64()?).ok()?;
        let start = self.at;
        self.take(n)?;
        Some(start..self.at)
    }

    fn bytes(&mut self) -> Option<&'a [u8]> {
        let n = usize::try_from(self.u64()?).ok()?;
        self.take(n)
    }

    fn str(&mut self) -> Option<&'a str> {
        std::str::from_utf8(self.bytes()?).ok()
    }

    fn string(&mut self) -> Option<String> {
        self.str().map(str::to_string)
    }

    fn strings(&mut self) -> Option<Vec<String>> {
        let n = usize::try_from(self.u32()?).ok()?;
        let mut out = Vec::with_capacity(n.min(self.bytes.len()));
        for _ in 0..n {
            out.push(self.string()?);
        }
        Some(out)
    }

    fn items(&mut self) -> Option<Vec<(usize, ItemRef)>> {
        let n = usize::try_from(self.u32()?).ok()?;
        let mut out = Vec::with_capacity(n.min(self.bytes.len()));
        for _ in 0..n {
            let start = usize::try_from(self.u64()?).ok()?;
            let kind = self.u8()?;
            let i = usize::try_from(self.u32()?).ok()?;
            let item = match kind {
                0 => ItemRef::Title,
                1 => ItemRef::Paragraph(i),
                2 => ItemRef::Quote(i),
                3 => ItemRef::Area(i),
                4 => ItemRef::Threat(i),
                _ => return None,
            };
            out.push((start, item));
        }
        Some(out)
    }
}

/// Writes the index of `known` (the files whose bytes were read; a file that could not be is
/// read again next time) to `path` for `importer`, through a temporary file and a rename.
pub(super) fn write<'a>(
    path: &Path,
    importer: u64,
    known: impl Iterator<Item = &'a Known>,
) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let tmp = tempfile::Builder::new()
        .prefix(".briefing-index-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    let mut out = BufWriter::with_capacity(1 << 16, tmp);
    // The header, known at the end, is written over this; the briefings follow it as they
    // come, the records (kept meanwhile) after them.
    out.write_all(&[0; HEADER as usize])?;
    let mut at = HEADER;
    let mut count = 0u64;
    let mut records = Vec::with_capacity(1 << 16);
    let mut record = Vec::with_capacity(1 << 14);
    let mut json = Vec::with_capacity(1 << 14);
    for k in known {
        record.clear();
        json.clear();
        let Some(loaded) = encode(k, &mut record, &mut json) else {
            continue;
        };
        if loaded {
            out.write_all(&json)?;
            let len = json.len() as u64;
            for n in [at, len, checksum(&json)] {
                record.extend_from_slice(&n.to_le_bytes());
            }
            at += len;
        }
        let sum = checksum(&record);
        record.extend_from_slice(&sum.to_le_bytes());
        records.extend_from_slice(&(record.len() as u64).to_le_bytes());
        records.extend_from_slice(&record);
        count += 1;
    }
    out.write_all(&records)?;
    let mut tmp = out.into_inner().map_err(io::IntoInnerError::into_error)?;
    tmp.seek(SeekFrom::Start(0))?;
    let mut head = Vec::with_capacity(HEADER as usize);
    head.extend_from_slice(MAGIC);
    for n in [importer, count, at, records.len() as u64] {
        head.extend_from_slice(&n.to_le_bytes());
    }
    tmp.write_all(&head)?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// `k` as a record, into `out`, and its briefing as JSON into `json`; true when it loaded
/// (where its briefing is goes at the end of the record). `None` for a file whose bytes were
/// not read, or whose briefing does not read back (both read again next time).
fn encode(k: &Known, out: &mut Vec<u8>, json: &mut Vec<u8>) -> Option<bool> {
    let hash = k.hash?;
    let (size, mtime) = k.stamp.unwrap_or((0, None));
    let since = mtime.and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok());
    let summary = k.entry.loaded.as_deref().ok();
    let date = summary.and_then(|s| s.date);
    let flags = if since.is_some() { HAS_TIME } else { 0 }
        | if k.settled && k.stamp.is_some() {
            SETTLED
        } else {
            0
        }
        | if summary.is_some() { LOADED } else { 0 }
        | if date.is_some() { DATED } else { 0 };
    put_str(out, &k.entry.path);
    out.extend_from_slice(&size.to_le_bytes());
    out.push(flags);
    // No time (HAS_TIME clear): zeros, which the reader skips.
    let since = since.unwrap_or_default();
    out.extend_from_slice(&since.as_secs().to_le_bytes());
    out.extend_from_slice(&since.subsec_nanos().to_le_bytes());
    // Truncations on purpose: the hash's low then high half.
    out.extend_from_slice(&(hash as u64).to_le_bytes());
    out.extend_from_slice(&((hash >> 64) as u64).to_le_bytes());
    match (&k.entry.loaded, summary) {
        (_, Some(s)) => {
            put_str(out, &s.title);
            if let Some(d) = date {
                out.extend_from_slice(&d.year().to_le_bytes());
                out.extend_from_slice(&d.month().to_le_bytes());
                out.extend_from_slice(&d.day().to_le_bytes());
            }
            put_str(out, &s.lang);
            out.extend_from_slice(&u32::try_from(s.quotes).ok()?.to_le_bytes());
            out.extend_from_slice(&u32::try_from(s.threats).ok()?.to_le_bytes());
            put_str(out, &s.publisher);
            for list in [&s.parties, &s.people, &s.categories] {
                out.extend_from_slice(&u32::try_from(list.len()).ok()?.to_le_bytes());
                for item in list {
                    put_str(out, item);
                }
            }
            put_bytes(out, s.folded.as_bytes());
            out.extend_from_slice(&u32::try_from(s.items.len()).ok()?.to_le_bytes());
            for (start, item) in &s.items {
                let (kind, i) = match *item {
                    ItemRef::Title => (0u8, 0),
                    ItemRef::Paragraph(i) => (1, i),
                    ItemRef::Quote(i) => (2, i),
                    ItemRef::Area(i) => (3, i),
                    ItemRef::Threat(i) => (4, i),
                };
                out.extend_from_slice(&(*start as u64).to_le_bytes());
                out.push(kind);
                out.extend_from_slice(&u32::try_from(i).ok()?.to_le_bytes());
            }
            // A briefing kept in an index is copied as it was written, once its hash says so;
            // one encoded already, as it was encoded.
            let kept = match &s.cell {
                BriefingCell::Stored(st) => Some(st.as_any()),
                BriefingCell::Parsed(_) | BriefingCell::Pending => None,
            };
            if let Some(st) = kept.and_then(|k| k.downcast_ref::<Stored>()) {
                json.extend_from_slice(&st.json()?);
            } else if let Some(Encoded(bytes)) = kept.and_then(|k| k.downcast_ref::<Encoded>()) {
                json.extend_from_slice(bytes);
            } else {
                serde_json::to_writer(&mut *json, &*s.briefing()?).ok()?;
            }
            Some(true)
        }
        (Err(why), None) => {
            put_str(out, why);
            Some(false)
        }
        (Ok(_), None) => None,
    }
}

fn checksum(record: &[u8]) -> u64 {
    super::hash_with(0x7265_636f_7264, record)
}

fn put_bytes(out: &mut Vec<u8>, b: &[u8]) {
    out.extend_from_slice(&(b.len() as u64).to_le_bytes());
    out.extend_from_slice(b);
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_bytes(out, s.as_bytes());
}

/// Marks the index at `path` as just opened, for [`prune`]'s order.
pub(super) fn touch(path: &Path) {
    if let Ok(f) = std::fs::File::options().write(true).open(path) {
        let _ = f.set_modified(SystemTime::now());
    }
}

/// Bounds the folder of indexes `dir`: the most recently opened [`MAX_INDEXES`] within
/// [`MAX_BYTES`] stay (`keep`, just written, always does); older ones go, and so do temporary
/// files left by a write that did not finish and the per-release files of earlier versions.
pub(super) fn prune(dir: &Path, keep: &Path) {
    let Ok(listing) = std::fs::read_dir(dir) else {
        return;
    };
    let hour_ago = SystemTime::now()
        .checked_sub(Duration::from_secs(3600))
        .unwrap_or(SystemTime::UNIX_EPOCH);
    let mut indexes: Vec<(SystemTime, u64, PathBuf)> = Vec::new();
    for e in listing.flatten() {
        let path = e.path();
        let name = e.file_name().to_string_lossy().into_owned();
        let Ok(meta) = e.metadata() else { continue };
        let modified = meta.modified().unwrap_or(SystemTime::UNIX_EPOCH);
        if is_index_name(&name) {
            if path != keep {
                indexes.push((modified, meta.len(), path));
            }
        } else if is_old_entry_name(&name)
            || (name.starts_with(".briefing-") && name.ends_with(".tmp") && modified < hour_ago)
        {
            let _ = std::fs::remove_file(&path);
        }
    }
    indexes.sort_by_key(|i| std::cmp::Reverse(i.0));
    let mut bytes = std::fs::metadata(keep).map_or(0, |m| m.len());
    for (n, (_, len, path)) in indexes.into_iter().enumerate() {
        bytes = bytes.saturating_add(len);
        if n + 1 >= MAX_INDEXES || bytes > MAX_BYTES {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// `index-` and 16 hexadecimal digits, `.bin`: a library's index.
pub(super) fn is_index_name(name: &str) -> bool {
    name.strip_prefix("index-")
        .and_then(|r| r.strip_suffix(".bin"))
        .is_some_and(|h| h.len() == 16 && h.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// A release's cached briefing as earlier versions kept them, one file each: 32 hexadecimal
/// digits, `-`, 16 more, `.json`.
fn is_old_entry_name(name: &str) -> bool {
    name.strip_suffix(".json")
        .and_then(|r| r.split_once('-'))
        .is_some_and(|(a, b)| {
            a.len() == 32
                && b.len() == 16
                && a.bytes().chain(b.bytes()).all(|c| c.is_ascii_hexdigit())
        })
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    fn known(path: &str, ok: bool, hash: u128) -> Known {
        let entry = if ok {
            let mut b = crate::model::bundled().unwrap();
            b.title = format!("Title of {path}");
            Entry::ok(path, b)
        } else {
            Entry::failed(path, format!("{path}: error: no"))
        };
        Known {
            stamp: Some((
                42,
                Some(SystemTime::UNIX_EPOCH + Duration::new(1_700_000_000, 5)),
            )),
            settled: true,
            hash: Some(hash),
            entry,
        }
    }

    /// Every record of the index at `path`, decoded (`None` for one damaged); `None` when it
    /// is no index for `importer`.
    pub(crate) fn read_all(path: &Path, importer: u64) -> Option<Vec<Option<Known>>> {
        let index = open(path, importer)?;
        let records = index.records()?;
        Some(records.iter().map(|r| index.decode(r)).collect())
    }

    #[test]
    fn an_index_reads_back_what_was_written_and_skips_unread_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("index-0000000000000001.bin");
        let mut unread = known("c.txt", true, 3);
        unread.hash = None;
        let all = [
            known("a.txt", true, u128::MAX - 1),
            known("b/é.md", false, 2),
            unread,
        ];
        write(&path, 7, all.iter()).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        let back: Vec<Known> = read_all(&path, 7)
            .unwrap()
            .into_iter()
            .map(Option::unwrap)
            .collect();
        assert_eq!(back.len(), 2, "the file never read is not kept");
        for (b, a) in back.iter().zip(&all) {
            assert_eq!(b.entry, a.entry);
            assert_eq!((b.stamp, b.settled, b.hash), (a.stamp, a.settled, a.hash));
        }
        // The briefing is left in the index until it is asked for, and is the one written.
        let s = back[0].entry.summary().unwrap();
        assert!(matches!(s.cell, BriefingCell::Stored(_)));
        assert_eq!(s.briefing().unwrap().title, "Title of a.txt");
        // Written again from what it read, it is the same file; what was read before still
        // reads from the index as it was opened.
        write(&path, 7, back.iter()).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), bytes);
        write(&path, 7, all[1..2].iter()).unwrap();
        assert_eq!(s.briefing().unwrap().title, "Title of a.txt");
        // Another importer's index is no index.
        std::fs::write(&path, &bytes).unwrap();
        assert!(read_all(&path, 8).is_none());
        // Nothing but the index is left in the folder.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_damaged_index_is_no_index_and_a_damaged_record_or_briefing_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("index-0000000000000001.bin");
        write(&path, 7, [known("a.txt", true, 1)].iter()).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        for cut in [0, 10, HEADER as usize, bytes.len() / 2, bytes.len() - 1] {
            std::fs::write(&path, &bytes[..cut]).unwrap();
            assert!(read_all(&path, 7).is_none(), "cut at {cut}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        std::fs::write(&path, &longer).unwrap();
        assert!(read_all(&path, 7).is_none());
        // A record whose bytes changed, its lengths intact: dropped, not shown.
        let damaged = replace_bytes(&bytes, b"Title of", b"Titre de");
        assert_ne!(damaged, bytes);
        std::fs::write(&path, &damaged).unwrap();
        assert!(read_all(&path, 7).unwrap()[0].is_none());
        // A briefing whose bytes changed: its summary lists, the briefing does not load, and
        // the index written again drops it (its file is read again).
        let damaged = replace_bytes(&bytes, b"\"title\"", b"\"titel\"");
        assert_ne!(damaged, bytes);
        std::fs::write(&path, &damaged).unwrap();
        let back = read_all(&path, 7).unwrap().remove(0).unwrap();
        let s = back.entry.summary().unwrap();
        assert_eq!(s.title(), "Title of a.txt");
        assert!(s.briefing().is_none());
        let again = dir.path().join("index-0000000000000002.bin");
        write(&again, 7, [back].iter()).unwrap();
        assert_eq!(read_all(&again, 7).unwrap().len(), 0);
    }

    /// `hay` with each `from` replaced by `to`, as long.
    pub(crate) fn replace_bytes(hay: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
        assert_eq!(from.len(), to.len());
        let mut out = hay.to_vec();
        let mut at = 0;
        while let Some(i) = out
            .get(at..)
            .and_then(|h| h.windows(from.len()).position(|w| w == from))
        {
            out[at + i..at + i + to.len()].copy_from_slice(to);
            at += i + to.len();
        }
        out
    }

    #[test]
    fn prune_keeps_the_most_recent_indexes_and_drops_old_leftovers() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let now = SystemTime::now();
        let mut names = Vec::new();
        for n in 0..MAX_INDEXES + 3 {
            let name = format!("index-{n:016x}.bin");
            let f = std::fs::File::create(d.join(&name)).unwrap();
            f.set_modified(now - Duration::from_secs(60 * n as u64))
                .unwrap();
            names.push(name);
        }
        let old = format!("{}-{}.json", "a".repeat(32), "b".repeat(16));
        std::fs::write(d.join(&old), "{}").unwrap();
        let stale = std::fs::File::create(d.join(".briefing-index-x.tmp")).unwrap();
        stale.set_modified(now - Duration::from_secs(7200)).unwrap();
        std::fs::write(d.join(".briefing-index-y.tmp"), "being written").unwrap();
        std::fs::write(d.join("notes.txt"), "not ours").unwrap();
        // The oldest is the one just written: it stays.
        let keep = d.join(names.last().unwrap());
        prune(d, &keep);
        let mut left: Vec<String> = std::fs::read_dir(d)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        let mut want: Vec<String> = names[..MAX_INDEXES - 1].to_vec();
        want.push(names.last().unwrap().clone());
        want.extend([".briefing-index-y.tmp".into(), "notes.txt".into()]);
        want.sort();
        assert_eq!(left, want);
    }
}
