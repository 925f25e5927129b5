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
    // The entry's type comes with the listing (no stat per file on most file systems).
    let mut items: Vec<(PathBuf, Option<std::fs::FileType>)> = entries
        .filter_map(|e| e.ok().map(|e| (e.path(), e.file_type().ok())))
        .collect();
    // Siblings: ordering by file name is ordering by path, without splitting components.
    items.sort_by(|a, b| a.0.file_name().cmp(&b.0.file_name()));
    for (p, file_type) in items {
        let hidden = p
            .file_name()
            .and_then(|n| n.to_str())
            .map(|n| n.starts_with('.'))
            .unwrap_or(false);
        if hidden {
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

/// Read one expanded path.
pub fn read(p: &Path) -> Input {
    if p.as_os_str() == "-" {
        let mut buf = Vec::new();
        let bytes = std::io::stdin()
            .lock()
            .read_to_end(&mut buf)
            .map(|_| buf)
            .map_err(|e| format!("<stdin>: {}", describe(&e)));
        return Input {
            name: "<stdin>".into(),
            bytes,
        };
    }
    let name = p.display().to_string();
    let bytes = std::fs::read(p).map_err(|e| format!("{name}: {}", describe(&e)));
    Input { name, bytes }
}

/// Parse a YYYY-MM-DD argument with a clear error.
pub fn parse_date(flag: &str, s: &str) -> anyhow::Result<minewatch_model::Date> {
    s.parse().map_err(|e| anyhow::anyhow!("{flag}: {e}"))
}
