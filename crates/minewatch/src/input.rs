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
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Ok(p.clone()));
            continue;
        }
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => walk(p, &mut out),
            Ok(_) => out.push(Ok(p.clone())),
            Err(e) => out.push(Err(format!("{}: {}", p.display(), describe(&e)))),
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<Result<PathBuf, String>>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            out.push(Err(format!("{}: {}", dir.display(), describe(&e))));
            return;
        }
    };
    // The entry's type comes with the listing (no stat per file on most file systems),
    // and its name too: siblings sort by name, which is sorting by path.
    let mut items: Vec<(std::ffi::OsString, PathBuf, Option<std::fs::FileType>)> = entries
        .filter_map(|e| {
            e.ok()
                .map(|e| (e.file_name(), e.path(), e.file_type().ok()))
        })
        .collect();
    items.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    for (name, p, file_type) in items {
        if name.as_encoded_bytes().starts_with(b".") {
            continue;
        }
        let meta = match file_type {
            Some(t) => t,
            None => match std::fs::symlink_metadata(&p) {
                Ok(m) => m.file_type(),
                Err(_) => continue,
            },
        };
        if meta.is_dir() {
            walk(&p, out);
        } else if meta.is_file() || meta.is_symlink() && p.is_file() {
            let ext = p
                .extension()
                .and_then(|e| e.to_str())
                .map(|e| e.to_ascii_lowercase());
            let readme = p
                .file_stem()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.eq_ignore_ascii_case("readme"));
            if !readme
                && ext
                    .as_deref()
                    .is_some_and(|e| PROFILE_EXTENSIONS.contains(&e))
            {
                out.push(Ok(p));
            }
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
        let bytes = read_capped(std::io::stdin().lock(), FIRST_CHUNK)
            .map_err(|e| format!("{name}: {}", describe(&e)))
            .and_then(|b| b.ok_or_else(|| too_large(name)));
        return Input {
            name: name.into(),
            bytes,
        };
    }
    let name = p.display().to_string();
    let bytes = std::fs::File::open(p)
        .and_then(|f| {
            // A regular file says its size: refuse a huge one before reading it, read
            // the others into a buffer of that size (it may still grow meanwhile).
            match f.metadata() {
                Ok(m) if m.is_file() && m.len() > MAX_INPUT_BYTES => Ok(None),
                // One chunk of the file's size (one more byte tells it did not grow).
                Ok(m) if m.is_file() => read_capped(f, m.len() as usize + 1),
                _ => read_capped(f, FIRST_CHUNK),
            }
        })
        .map_err(|e| format!("{name}: {}", describe(&e)))
        .and_then(|b| b.ok_or_else(|| too_large(&name)));
    Input { name, bytes }
}

/// The first chunk read from an input of unknown size.
const FIRST_CHUNK: usize = 64 << 10;

/// All of `r`, or `None` once it passes [`MAX_INPUT_BYTES`]. Read in chunks (`first`
/// bytes, then doubling up to 8 MiB) joined at the end, so refusing an endless input
/// holds no more than the limit, rather than the twice as much a doubling buffer
/// reaches; an input that fits the first chunk is returned as it is.
fn read_capped(r: impl Read, first: usize) -> std::io::Result<Option<Vec<u8>>> {
    let mut r = r.take(MAX_INPUT_BYTES + 1);
    let mut chunks: Vec<Vec<u8>> = Vec::new();
    let mut total = 0u64;
    let mut size = first;
    loop {
        let mut chunk = Vec::with_capacity(size);
        let n = (&mut r).take(size as u64).read_to_end(&mut chunk)?;
        total += n as u64;
        if total > MAX_INPUT_BYTES {
            return Ok(None);
        }
        let full = n == size;
        if n > 0 {
            chunks.push(chunk);
        }
        if !full {
            break;
        }
        size = (size * 2).clamp(FIRST_CHUNK, 8 << 20);
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
