//! `minewatch gen-corpus`: write a deterministic corpus of synthetic profiles.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;

use crate::Global;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// How many profiles (at most 1,000,000: about 3 GB; a slip of the keyboard must not
    /// fill the disk).
    #[arg(long, default_value_t = 5000, value_parser = clap::value_parser!(u64).range(0..=MAX_PROFILES))]
    pub profiles: u64,
    /// The seed: the same seed always gives the same corpus.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// The folder to write to (created if missing).
    #[arg(value_name = "OUT")]
    pub out: PathBuf,
}

/// The most profiles one `gen-corpus` writes.
pub const MAX_PROFILES: u64 = 1_000_000;

/// Write `bytes` to `path` atomically: a temporary file beside it, then a rename.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let tmp = path.with_extension("tmp~");
    let mut f =
        std::fs::File::create(&tmp).with_context(|| format!("{}: cannot create", tmp.display()))?;
    f.write_all(bytes)
        .with_context(|| format!("{}: cannot write", tmp.display()))?;
    f.sync_all().ok();
    std::fs::rename(&tmp, path)
        .with_context(|| format!("{}: cannot rename into place", path.display()))?;
    Ok(())
}

pub fn run(args: Args, _g: &Global) -> anyhow::Result<ExitCode> {
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("{}: cannot create folder", args.out.display()))?;
    let n = usize::try_from(args.profiles).context("--profiles: too many for this machine")?;
    // A corpus written here before: its files that this one does not write again are
    // removed (only those its manifest lists), so the folder holds one corpus, as its
    // new manifest says. Anything else in the folder is left alone.
    let old_manifest = args.out.join("manifest.jsonl");
    let stale: Vec<String> = match std::fs::read_to_string(&old_manifest) {
        Ok(text) => text
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v["file"].as_str().map(String::from))
            // Only a plain file name of the corpus's own shape, never a path.
            .filter(|f| {
                !f.contains(['/', '\\'])
                    && f.len() > 6
                    && f.as_bytes()[..5].iter().all(u8::is_ascii_digit)
                    && f.as_bytes()[5] == b'_'
            })
            .collect(),
        Err(_) => Vec::new(),
    };
    let mut manifest = String::new();
    let mut bytes = 0usize;
    let mut written = std::collections::HashSet::new();
    for p in minewatch_corpus::corpus(args.seed, n) {
        written.insert(p.name.clone());
        write_atomic(&args.out.join(&p.name), p.text.as_bytes())?;
        bytes += p.text.len();
        let injected: Vec<serde_json::Value> = p
            .injected
            .iter()
            .map(|i| serde_json::json!({"code": i.code, "note": i.note, "text": i.text}))
            .collect();
        manifest.push_str(&serde_json::json!({"file": p.name, "shape": format!("{:?}", p.shape).to_lowercase(), "injected": injected}).to_string());
        manifest.push('\n');
    }
    write_atomic(&old_manifest, manifest.as_bytes())?;
    let mut removed = 0usize;
    for f in stale.iter().filter(|f| !written.contains(*f)) {
        match std::fs::remove_file(args.out.join(f)) {
            Ok(()) => removed += 1,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e).with_context(|| format!("{}: cannot remove", f)),
        }
    }
    eprintln!(
        "wrote {} profiles ({:.1} MB) and manifest.jsonl to {}{}",
        args.profiles,
        bytes as f64 / 1e6,
        args.out.display(),
        if removed > 0 {
            format!(" (removed the {removed} profiles of the corpus written there before that this one does not have)")
        } else {
            String::new()
        }
    );
    Ok(ExitCode::SUCCESS)
}
