//! The files the command line writes: never half-written, never through a planted link, never
//! lost (docs/cli.md §"Files").
//!
//! - Outputs (`--out`, tables, reports, schemas, samples) go to a temporary file in the target's
//!   directory, renamed over the target once complete: a failed or interrupted run leaves the
//!   previous file as it was and no truncated one.
//! - The journal is opened and locked (exclusively) before it is read, for the whole run, so that
//!   two `--record` runs at once do not both record the same actions: the second waits, then reads
//!   what the first recorded. Appends start on a fresh line even when the file's last line lacks
//!   its newline.
//! - Letters get names that cannot collide or leave their directory (every part sanitised, plus a
//!   short hash of the raw customer and step ids), are created without following links and without
//!   overwriting, and a run's letters are all written or none.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use arrears::dunning::journal::{self, JournalEntry};
use arrears::{Code, Error};

/// The largest input read by default: 4 GiB (a CSV ledger of 1M invoices is about 93 MB).
pub const MAX_INPUT_BYTES: u64 = 4 << 30;

/// The largest input read: `ARREARS_MAX_INPUT_BYTES` when set to a number, else
/// [`MAX_INPUT_BYTES`].
pub fn max_input_bytes() -> u64 {
    std::env::var("ARREARS_MAX_INPUT_BYTES")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(MAX_INPUT_BYTES)
}

fn too_large(what: impl std::fmt::Display, limit: u64) -> Error {
    Error::new(
        Code::InputTooLarge,
        format!(
            "{what} is larger than {limit} bytes, the most the command line reads (ARREARS_MAX_INPUT_BYTES)"
        ),
    )
}

/// Opens an input file after checking that it is a regular file (not a directory, a device or a
/// pipe) no larger than [`max_input_bytes`].
///
/// # Errors
/// `import.unreadable`, `io.not_a_file`, `io.input_too_large`.
pub fn open_input(path: &Path) -> Result<File, Error> {
    let f = File::open(path).map_err(|e| unreadable(path, e))?;
    let meta = f.metadata().map_err(|e| unreadable(path, e))?;
    if !meta.is_file() {
        return Err(Error::new(
            Code::NotAFile,
            format!("{} is not a regular file", path.display()),
        ));
    }
    let limit = max_input_bytes();
    if meta.len() > limit {
        return Err(too_large(path.display(), limit));
    }
    Ok(f)
}

/// Reads a whole input file (see [`open_input`]); reading stops one byte past the limit, so a file
/// that grows while it is read is refused too.
///
/// # Errors
/// As [`open_input`].
pub fn read_input(path: &Path) -> Result<Vec<u8>, Error> {
    let f = open_input(path)?;
    read_limited(f, &path.display().to_string())
}

/// Reads a whole input file as UTF-8 text.
///
/// # Errors
/// As [`open_input`]; `import.encoding` when it is not UTF-8.
pub fn read_input_text(path: &Path) -> Result<String, Error> {
    let bytes = read_input(path)?;
    String::from_utf8(bytes).map_err(|e| {
        Error::new(
            Code::InvalidEncoding,
            format!("{} is not UTF-8 text: {e}", path.display()),
        )
    })
}

/// Reads standard input whole, up to the limit.
///
/// # Errors
/// `import.unreadable`, `io.input_too_large`, `import.encoding`.
pub fn read_stdin_text() -> Result<String, Error> {
    let bytes = read_limited(std::io::stdin().lock(), "standard input")?;
    String::from_utf8(bytes).map_err(|e| {
        Error::new(
            Code::InvalidEncoding,
            format!("standard input is not UTF-8 text: {e}"),
        )
    })
}

fn read_limited(r: impl Read, what: &str) -> Result<Vec<u8>, Error> {
    let limit = max_input_bytes();
    let mut bytes = Vec::new();
    r.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| Error::new(Code::Unreadable, format!("cannot read {what}: {e}")))?;
    if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > limit {
        return Err(too_large(what, limit));
    }
    Ok(bytes)
}

/// A write error, with its own code.
pub fn write_failed(what: impl std::fmt::Display, e: std::io::Error) -> Error {
    Error::new(Code::WriteFailed, format!("cannot write {what}: {e}"))
}

/// Writes a large output as it is produced: to a file through a temporary file in the same
/// directory renamed at the end (a failed run leaves no half-written file and the previous one
/// intact), else to standard output.
///
/// # Errors
/// `io.write_failed`.
pub fn write_with(
    path: Option<&Path>,
    produce: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), Error> {
    match path {
        Some(p) => {
            let dir = match p.parent() {
                Some(d) if !d.as_os_str().is_empty() => d,
                _ => Path::new("."),
            };
            let partial = tempfile::Builder::new()
                .prefix(&format!(
                    ".{}.",
                    p.file_name().unwrap_or_default().to_string_lossy()
                ))
                .suffix(".partial")
                .tempfile_in(dir)
                .map_err(|e| write_failed(p.display(), e))?;
            let mut w = std::io::BufWriter::with_capacity(1 << 20, partial);
            produce(&mut w).map_err(|e| write_failed(p.display(), e))?;
            let partial = w
                .into_inner()
                .map_err(|e| write_failed(p.display(), e.into_error()))?;
            // Flushed, not synced: the rename guards against a half-written file (an error, a full
            // disk, an interrupted run), as `cp` and the dataframe writers do; only a power cut in
            // the next seconds could lose it, and the run can be repeated. A temporary file that
            // is not persisted is removed when dropped.
            partial
                .persist(p)
                .map(|_| ())
                .map_err(|e| write_failed(p.display(), e.error))
        }
        None => {
            let mut out = std::io::BufWriter::with_capacity(1 << 20, std::io::stdout().lock());
            match produce(&mut out).and_then(|()| out.flush()) {
                // A reader that stopped early (`| head`) is not an error of ours.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                r => r.map_err(|e| write_failed("to stdout", e)),
            }
        }
    }
}

/// Writes a whole output at once: to `path` atomically (see [`write_with`]), else to stdout.
///
/// # Errors
/// `io.write_failed`.
pub fn write_out(path: Option<&Path>, text: &str) -> Result<(), Error> {
    write_with(path, |w| w.write_all(text.as_bytes()))
}

/// The journal of a run: read under a lock held until the run ends.
/// An error about journal entries, located in the journal's file: the core names an entry by its
/// index among the entries (`journal[3].amount`), the user reads lines (`journal.jsonl:5.amount`,
/// 1-based, blank lines counted as the parser skips them).
pub fn locate_journal_entries(e: Error, path: &Path) -> Error {
    let names_entries = e
        .problems()
        .iter()
        .any(|p| p.path.as_deref().is_some_and(|p| p.starts_with("journal[")));
    if !names_entries {
        return e;
    }
    // Only on an error: the file is read again for its line numbers.
    let Ok(text) = read_input_text(path) else {
        return e;
    };
    let lines: Vec<usize> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, _)| i.saturating_add(1))
        .collect();
    let file = path.display().to_string();
    e.map_paths(|path| {
        let path = path?;
        let located = path.strip_prefix("journal[").and_then(|rest| {
            let (index, tail) = rest.split_once(']')?;
            let line = lines.get(index.parse::<usize>().ok()?)?;
            Some(format!("{file}:{line}{tail}"))
        });
        Some(located.unwrap_or_else(|| path.to_string()))
    })
}

pub struct Journal {
    path: PathBuf,
    /// Open for appending (a `--record` run), locked exclusively; `None` for a run that only
    /// reads (a shared lock is taken and released while reading).
    file: Option<File>,
    /// The entries read.
    pub entries: Vec<JournalEntry>,
}

impl Journal {
    /// Opens the journal at `path`. With `record`, the file is created if missing, opened for
    /// appending and locked exclusively before it is read, so that an unwritable journal fails
    /// the run before anything is printed or written, and a concurrent `--record` run waits.
    /// Without, a missing file is an empty journal.
    ///
    /// # Errors
    /// `import.unreadable`, `io.write_failed` (cannot open for appending), `io.journal_locked`,
    /// `dunning.invalid_journal` (located `FILE:LINE`).
    pub fn open(path: &Path, record: bool) -> Result<Journal, Error> {
        let (file, text) = if record {
            let mut f = OpenOptions::new()
                .read(true)
                .append(true)
                .create(true)
                .open(path)
                .map_err(|e| write_failed(format!("{} (the journal)", path.display()), e))?;
            if !f.metadata().map_err(|e| unreadable(path, e))?.is_file() {
                return Err(Error::new(
                    Code::NotAFile,
                    format!("{} (the journal) is not a regular file", path.display()),
                ));
            }
            f.lock().map_err(|e| {
                Error::new(
                    Code::JournalLocked,
                    format!("cannot lock {}: {e}", path.display()),
                )
            })?;
            let text = journal_text(&mut f, path)?;
            (Some(f), text)
        } else if path.exists() {
            let mut f = open_input(path)?;
            // A shared lock while reading: not in the middle of another run's append.
            f.lock_shared().map_err(|e| {
                Error::new(
                    Code::JournalLocked,
                    format!("cannot lock {}: {e}", path.display()),
                )
            })?;
            let text = journal_text(&mut f, path)?;
            (None, text)
        } else {
            (None, String::new())
        };
        let entries = journal::parse(&text).map_err(|e| locate(path, e))?;
        Ok(Journal {
            path: path.to_path_buf(),
            file,
            entries,
        })
    }

    /// Appends entries, one line each, starting on a fresh line; never rewrites. The data is
    /// synced to disk before this returns: the journal is what keeps the next run from sending
    /// the same letters again.
    ///
    /// # Errors
    /// `io.write_failed`; `dunning.invalid_journal` for a journal opened without `record`.
    pub fn append(&mut self, entries: &[JournalEntry]) -> Result<(), Error> {
        let path = self.path.display().to_string();
        let Some(f) = self.file.as_mut() else {
            return Err(Error::new(
                Code::InvalidJournal,
                format!("{path} was opened to read, not to record"),
            ));
        };
        let mut text = journal::to_lines(entries)?;
        let len = f
            .seek(SeekFrom::End(0))
            .map_err(|e| write_failed(&path, e))?;
        if len > 0 {
            let mut last = [0u8; 1];
            f.seek(SeekFrom::Start(len.saturating_sub(1)))
                .and_then(|_| f.read_exact(&mut last))
                .map_err(|e| write_failed(&path, e))?;
            if last[0] != b'\n' {
                // The last line was written by hand or cut short: end it, do not glue onto it.
                text.insert(0, '\n');
            }
        }
        f.write_all(text.as_bytes())
            .and_then(|()| f.sync_data())
            .map_err(|e| write_failed(&path, e))
    }

    /// The journal's path.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

fn journal_text(f: &mut File, path: &Path) -> Result<String, Error> {
    let bytes = read_limited(f, &path.display().to_string())?;
    String::from_utf8(bytes).map_err(|e| {
        Error::new(
            Code::InvalidEncoding,
            format!("{} is not UTF-8 text: {e}", path.display()),
        )
    })
}

fn unreadable(path: &Path, e: std::io::Error) -> Error {
    Error::new(
        Code::Unreadable,
        format!("cannot read {}: {e}", path.display()),
    )
}

/// Points a journal error at the file: "journal:3" becomes "journal.jsonl:3".
fn locate(path: &Path, e: Error) -> Error {
    let located = e.problems().iter().map(|p| {
        let place = p
            .path
            .as_deref()
            .and_then(|s| s.strip_prefix("journal:"))
            .map(|line| format!("{}:{line}", path.display()))
            .unwrap_or_else(|| path.display().to_string());
        Error::new(p.code, p.message.clone()).at(place)
    });
    Error::from_many(located.collect::<Vec<_>>()).unwrap_or(e)
}

/// The file name of a letter: `DATE-CUSTOMER-STEP-HASH.EXT`, where CUSTOMER and STEP keep only
/// ASCII letters, digits, `-` and `_` (others become `_`, at most 40 characters each) and HASH is
/// 8 hex digits of a hash of the raw customer and step ids, so that `C<1` and `C>1` (both `C_1`)
/// get two files and no id can climb out of the directory (`../x` is `___x`).
pub fn letter_file_name(date: chrono::NaiveDate, customer: &str, step: &str, ext: &str) -> String {
    fn safe(s: &str) -> String {
        s.chars()
            .take(40)
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '_'
                }
            })
            .collect()
    }
    // FNV-1a (64 bits) of "customer NUL step": stable across releases and platforms, unlike
    // std's hasher; 32 of its bits name the file.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in customer.bytes().chain([0u8]).chain(step.bytes()) {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!(
        "{date}-{}-{}-{:08x}.{ext}",
        safe(customer),
        safe(step),
        hash >> 32
    )
}

/// Writes a run's letters into `dir`, all or none: each file is created new (an existing file
/// or a link in its place is `io.output_exists`, never overwritten nor followed); on any failure
/// the files this run created are removed.
///
/// # Errors
/// `io.write_failed`, `io.output_exists`.
pub fn write_letters(dir: &Path, files: &[(String, String)]) -> Result<(), Error> {
    std::fs::create_dir_all(dir).map_err(|e| write_failed(dir.display(), e))?;
    let mut created: Vec<PathBuf> = Vec::new();
    let result = files.iter().try_for_each(|(name, body)| {
        let path = dir.join(name);
        // O_CREAT|O_EXCL: fails on an existing file, and on a link (even one pointing nowhere)
        // without following it.
        let mut f = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .map_err(|e| {
                if e.kind() == std::io::ErrorKind::AlreadyExists {
                    Error::new(
                        Code::OutputExists,
                        format!(
                            "{} already exists: letters are never overwritten (move the earlier ones away)",
                            path.display()
                        ),
                    )
                } else {
                    write_failed(path.display(), e)
                }
            })?;
        created.push(path.clone());
        f.write_all(body.as_bytes())
            .and_then(|()| f.sync_data())
            .map_err(|e| write_failed(path.display(), e))
    });
    if result.is_err() {
        for p in &created {
            let _ = std::fs::remove_file(p);
        }
    }
    result
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn day() -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(2026, 6, 15).unwrap()
    }

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("arrears-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn letter_names_do_not_collide_or_escape() {
        let names: Vec<String> = ["C<1", "C>1", "C/1", "C\\1", "C_1"]
            .iter()
            .map(|c| letter_file_name(day(), c, "d1_email", "txt"))
            .collect();
        let mut unique = names.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), names.len(), "{names:?}");
        let climbing = letter_file_name(day(), "C1", "../../etc/passwd", "txt");
        assert!(
            !climbing.contains('/') && !climbing.contains(".."),
            "{climbing}"
        );
        assert!(climbing.starts_with("2026-06-15-C1-______etc_passwd-"));
    }

    #[test]
    fn appends_start_on_a_fresh_line_and_letters_are_all_or_nothing() {
        let dir = scratch("files-journal");
        let path = dir.join("journal.jsonl");
        // A journal whose last line lacks its newline (edited by hand).
        let line =
            r#"{"at":"t","date":"2026-06-01","type":"note","customer":"C1","text":"called"}"#;
        std::fs::write(&path, line).unwrap();
        let mut j = Journal::open(&path, true).unwrap();
        assert_eq!(j.entries.len(), 1);
        let again = j.entries.clone();
        j.append(&again).unwrap();
        drop(j);
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text.lines().count(), 2, "{text}");
        assert_eq!(Journal::open(&path, false).unwrap().entries.len(), 2);

        // A link planted where a letter goes: nothing written through it, nothing left behind.
        let letters = dir.join("letters");
        std::fs::create_dir_all(&letters).unwrap();
        let target = dir.join("victim.txt");
        std::os::unix::fs::symlink(&target, letters.join("b.txt")).unwrap();
        let files = vec![
            ("a.txt".to_string(), "A".to_string()),
            ("b.txt".to_string(), "B".to_string()),
        ];
        let e = write_letters(&letters, &files).unwrap_err();
        assert_eq!(e.code(), Code::OutputExists);
        assert!(!target.exists());
        assert!(!letters.join("a.txt").exists(), "a.txt left behind");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_failed_output_keeps_the_previous_file() {
        let dir = scratch("files-atomic");
        let path = dir.join("out.csv");
        std::fs::write(&path, "old\n").unwrap();
        let e = write_with(Some(&path), |w| {
            w.write_all(b"half")?;
            Err(std::io::Error::other("disk full"))
        })
        .unwrap_err();
        assert_eq!(e.code(), Code::WriteFailed);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old\n");
        let left: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
        assert_eq!(left.len(), 1, "a temporary file was left behind");
        write_out(Some(&path), "new\n").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new\n");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
