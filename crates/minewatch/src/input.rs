//! Reading outside input: files, folders (recursively) and standard input.

use std::io::Read;
use std::path::{Path, PathBuf};

/// Extensions read when walking a folder (a file named explicitly is read whatever its name).
pub const PROFILE_EXTENSIONS: &[&str] = &["txt", "md", "markdown"];

/// One input: its display name and its bytes, or why it could not be read.
pub struct Input {
    pub name: String,
    pub bytes: Result<Vec<u8>, String>,
}

/// Expand PATH arguments: `-` is standard input, a folder is walked recursively
/// (sorted; hidden entries and README files skipped; symlinked folders not followed),
/// a file is itself.
pub fn expand(paths: &[PathBuf]) -> Vec<Result<PathBuf, String>> {
    expand_found(paths, &mut |_| {})
}

/// [`expand`], handing each profile found in a folder to `found` as soon as the
/// folder's listing shows it (in the order of the listing, before the folder's
/// entries are sorted; work on it can start while the rest is listed).
pub fn expand_found(
    paths: &[PathBuf],
    found: &mut dyn FnMut(&Result<PathBuf, String>),
) -> Vec<Result<PathBuf, String>> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Ok(p.clone()));
            continue;
        }
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => walk(p, &mut out, found),
            Ok(_) => out.push(Ok(p.clone())),
            Err(e) => out.push(Err(format!("{}: {}", p.display(), describe(&e)))),
        }
    }
    out
}

/// Whether a file in a folder is read as a profile, by its name: its extension is one
/// of [`PROFILE_EXTENSIONS`] (in any case) and it is no README (as [`Path::extension`]
/// and [`Path::file_stem`] cut the name, from its bytes: no path parsed, no string
/// made, for each of thousands of files).
fn is_profile_name(name: &[u8]) -> bool {
    let Some(dot) = name.iter().rposition(|&c| c == b'.') else {
        return false;
    };
    // (".md" is a hidden file's name, with no extension.)
    let (stem, ext) = (&name[..dot], &name[dot + 1..]);
    !stem.is_empty()
        && PROFILE_EXTENSIONS
            .iter()
            .any(|e| ext.eq_ignore_ascii_case(e.as_bytes()))
        && !stem.eq_ignore_ascii_case(b"readme")
}

fn walk(
    dir: &Path,
    out: &mut Vec<Result<PathBuf, String>>,
    found: &mut dyn FnMut(&Result<PathBuf, String>),
) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            out.push(Err(format!("{}: {}", dir.display(), describe(&e))));
            return;
        }
    };
    // The entry's type comes with the listing (no stat per file on most file systems).
    // Each profile is handed on as it is seen; the folders and profiles are kept, to
    // be sorted by path (siblings share the folder's path: by name), so listed.
    let mut items: Vec<(Result<PathBuf, String>, bool)> = Vec::new();
    for e in entries.flatten() {
        let name = e.file_name();
        let name = name.as_encoded_bytes();
        if name.starts_with(b".") {
            continue;
        }
        let p = e.path();
        let file_type = match e.file_type() {
            Ok(t) => t,
            Err(_) => match std::fs::symlink_metadata(&p) {
                Ok(m) => m.file_type(),
                Err(_) => continue,
            },
        };
        if file_type.is_dir() {
            items.push((Ok(p), true));
        } else if is_profile_name(name)
            && (file_type.is_file() || file_type.is_symlink() && p.is_file())
        {
            let it = Ok(p);
            found(&it);
            items.push((it, false));
        }
    }
    fn key(x: &(Result<PathBuf, String>, bool)) -> &[u8] {
        match &x.0 {
            Ok(p) => p.as_os_str().as_encoded_bytes(),
            Err(_) => &[],
        }
    }
    items.sort_unstable_by(|a, b| key(a).cmp(key(b)));
    for (it, is_dir) in items {
        match it {
            Ok(p) if is_dir => walk(&p, out, found),
            it => out.push(it),
        }
    }
}

pub fn describe(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// The largest input read (a profile is tens of kilobytes; the checks hold about seven
/// times the input in memory, so 512 MiB needs some 3.5 GB). Anything larger, and
/// endless input such as `/dev/zero` or a pipe that never ends, is refused with the
/// reason instead of filling memory.
pub const MAX_INPUT_BYTES: u64 = 512 << 20;

/// Read one expanded path.
pub fn read(p: &Path) -> Input {
    let too_large = |name: &str| {
        format!(
            "{name}: larger than {} MiB, the largest input minewatch reads; not read",
            MAX_INPUT_BYTES >> 20
        )
    };
    if p.as_os_str() == "-" {
        let name = "<stdin>";
        let bytes = read_capped(std::io::stdin().lock(), FIRST_CHUNK, Vec::new())
            .map_err(|e| format!("{name}: {}", describe(&e)))
            .and_then(|b| b.ok_or_else(|| too_large(name)));
        return Input {
            name: name.into(),
            bytes,
        };
    }
    let name = p.display().to_string();
    let bytes = std::fs::File::open(p)
        .and_then(|mut f| {
            // Most profiles are a few kilobytes: read whole into this thread's buffer
            // and copied out at their size, without asking the file system the size.
            let (head, whole) = SCRATCH.with(|s| -> std::io::Result<(Vec<u8>, bool)> {
                let mut buf = s.take();
                buf.clear();
                buf.reserve(SMALL_FILE);
                let n = (&mut f).take(SMALL_FILE as u64).read_to_end(&mut buf)?;
                if n < SMALL_FILE {
                    let out = buf.clone();
                    s.set(buf);
                    return Ok((out, true));
                }
                Ok((buf, false))
            })?;
            if whole {
                return Ok(Some(head));
            }
            // A larger file, the rest after the head. A regular file says its size:
            // refuse a huge one before reading more, read the others into a buffer of
            // that size (it may still grow meanwhile).
            match f.metadata() {
                Ok(m) if m.is_file() && m.len() > MAX_INPUT_BYTES => Ok(None),
                // One chunk of the rest's size (one more byte tells it did not grow),
                // after the head in the same buffer.
                Ok(m) if m.is_file() => {
                    read_capped(f, (m.len() as usize).saturating_sub(head.len()) + 1, head)
                }
                _ => read_capped(f, FIRST_CHUNK, head),
            }
        })
        .map_err(|e| format!("{name}: {}", describe(&e)))
        .and_then(|b| b.ok_or_else(|| too_large(&name)));
    Input { name, bytes }
}

/// A file shorter than this is read whole into a buffer kept per thread
/// ([`SCRATCH`]) and copied out at its size.
const SMALL_FILE: usize = 64 << 10;

thread_local! {
    static SCRATCH: std::cell::Cell<Vec<u8>> = const { std::cell::Cell::new(Vec::new()) };
}

/// The first chunk read from an input of unknown size.
const FIRST_CHUNK: usize = 64 << 10;

/// All of `r`, or `None` once it passes [`MAX_INPUT_BYTES`]. Read in chunks (`first`
/// bytes, then doubling up to 8 MiB) joined at the end, so refusing an endless input
/// holds no more than the limit, rather than the twice as much a doubling buffer
/// reaches; an input that fits the first chunk is returned as it is.
fn read_capped(r: impl Read, first: usize, head: Vec<u8>) -> std::io::Result<Option<Vec<u8>>> {
    let mut total = head.len() as u64;
    let mut r = r.take((MAX_INPUT_BYTES + 1).saturating_sub(total));
    let mut chunks: Vec<Vec<u8>> = Vec::new();
    let mut size = first;
    // The first chunk goes on after the bytes already read.
    let mut chunk = head;
    chunk.reserve_exact(size);
    loop {
        let n = (&mut r).take(size as u64).read_to_end(&mut chunk)?;
        total += n as u64;
        if total > MAX_INPUT_BYTES {
            return Ok(None);
        }
        let full = n == size;
        if !chunk.is_empty() {
            chunks.push(chunk);
        }
        if !full {
            break;
        }
        size = (size * 2).clamp(FIRST_CHUNK, 8 << 20);
        chunk = Vec::with_capacity(size);
    }
    Ok(Some(if chunks.len() == 1 {
        chunks.pop().unwrap_or_default()
    } else {
        chunks.concat()
    }))
}

/// Parse a YYYY-MM-DD argument with a clear error.
pub fn parse_date(flag: &str, s: &str) -> anyhow::Result<minewatch_model::Date> {
    s.parse().map_err(|e| anyhow::anyhow!("{flag}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::{read, SMALL_FILE};

    /// The names a folder's walk reads, by their bytes, as `Path`'s extension and stem
    /// say (the rule as it was written first).
    #[test]
    fn profile_names_are_told_as_the_path_functions_tell_them() {
        use std::path::Path;
        let reference = |name: &str| {
            let p = Path::new(name);
            let ext = p
                .extension()
                .and_then(|e| e.to_str())
                .map(|e| e.to_ascii_lowercase());
            let readme = p
                .file_stem()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.eq_ignore_ascii_case("readme"));
            !readme && ext.is_some_and(|e| super::PROFILE_EXTENSIONS.contains(&e.as_str()))
        };
        let names = [
            "a.txt",
            "a.TXT",
            "a.Md",
            "b.markdown",
            "README.md",
            "readme.txt",
            "ReadMe.MD",
            "README.old.md",
            "readme",
            "txt",
            "a.",
            "a..txt",
            ".txt",
            "..md",
            "a.txt.bak",
            "notes.text",
            "x.mdx",
            "a b.md",
            "é.txt",
            "a.tx",
            "a.txt ",
            "readme..md",
        ];
        for name in names {
            assert_eq!(
                super::is_profile_name(name.as_bytes()),
                reference(name),
                "{name:?}"
            );
        }
    }

    /// Every size around the per-thread buffer's reads back byte for byte, from a file
    /// and from a named pipe (which says no size and cannot seek).
    #[test]
    fn files_of_every_size_around_the_small_buffer_read_whole() {
        let dir = tempfile::tempdir().unwrap();
        let sizes = [
            0,
            1,
            SMALL_FILE - 1,
            SMALL_FILE,
            SMALL_FILE + 1,
            3 * SMALL_FILE + 7,
        ];
        for (i, &n) in sizes.iter().enumerate() {
            let bytes: Vec<u8> = (0..n).map(|k| (k * 31 + i) as u8).collect();
            let p = dir.path().join(format!("f{i}.txt"));
            std::fs::write(&p, &bytes).unwrap();
            assert_eq!(read(&p).bytes.unwrap(), bytes, "file of {n} bytes");
            // A small file read after a large one on the same thread: the buffer's
            // earlier contents are not part of it.
            let small = dir.path().join("small.txt");
            std::fs::write(&small, b"abc").unwrap();
            assert_eq!(read(&small).bytes.unwrap(), b"abc");
        }
        #[cfg(unix)]
        for n in [SMALL_FILE - 1, SMALL_FILE + 1, 2 * SMALL_FILE] {
            let fifo = dir.path().join(format!("pipe{n}"));
            let made = std::process::Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .is_ok_and(|s| s.success());
            if !made {
                continue;
            }
            let bytes: Vec<u8> = (0..n).map(|k| (k * 7) as u8).collect();
            let (f, b) = (fifo.clone(), bytes.clone());
            let writer = std::thread::spawn(move || std::fs::write(f, b).unwrap());
            assert_eq!(read(&fifo).bytes.unwrap(), bytes, "pipe of {n} bytes");
            writer.join().unwrap();
        }
    }
}
