//! `minewatch ingest PATH...`: store profiles as new versions in the knowledge base.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use minewatch_model::Severity;
use minewatch_store::{IngestOutcome, ProfileInput, ProfileNote, Store};

use crate::db_open::{self, Format};
use crate::{input, Global};

/// Profiles written per transaction.
const BATCH: usize = 256;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Files or folders (read recursively: *.txt, *.md, *.markdown).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
}

/// Read, check and convert one profile.
pub fn to_input(name: &str, bytes: &[u8], opts: &minewatch_check::Options) -> ProfileInput {
    let doc = minewatch_profile::read(bytes);
    let diags = minewatch_check::check(&doc, opts);
    let mut model = serde_json::to_value(&doc).unwrap_or(serde_json::Value::Null);
    if let Some(o) = model.as_object_mut() {
        o.remove("text"); // kept once, in the text column
    }
    ProfileInput {
        source_path: Some(name.to_string()),
        content_hash: ProfileInput::hash_bytes(bytes),
        byte_len: bytes.len() as u64,
        country: doc.header.country.as_ref().map(|c| c.value.clone()),
        iso3: doc.header.country_iso3.clone(),
        profile_type: doc.header.profile_type.as_ref().map(|c| c.value.clone()),
        last_updated: doc.header.last_updated.as_ref().map(|c| c.value),
        model_json: model.to_string(),
        diagnostics_json: serde_json::to_string(&diags).unwrap_or_else(|_| "[]".into()),
        error_count: diags
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count() as u32,
        warning_count: diags
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count() as u32,
        notes: doc
            .notes
            .iter()
            .map(|n| ProfileNote {
                number: n.number,
                span_start: n.span.start as u64,
                span_end: n.span.end as u64,
                text: n.text.clone(),
                author: n.citation.author.clone(),
                title: n.citation.title.clone(),
                place: n.citation.place.clone(),
                dates: n.citation.dates.clone(),
                url: n.citation.url.clone(),
                undated: n.citation.undated,
            })
            .collect(),
        text: doc.text,
    }
}

pub fn run(args: Args, g: &Global) -> anyhow::Result<ExitCode> {
    let paths = input::expand(&args.paths);
    let mut store = db_open::open(g)?;
    let opts = minewatch_check::Options::default();
    let bar = if std::io::stderr().is_terminal() && paths.len() > 20 {
        let b = indicatif::ProgressBar::new(paths.len() as u64);
        b.set_style(
            indicatif::ProgressStyle::with_template(
                "{bar:40} {pos}/{len} profiles {binary_bytes_per_sec} eta {eta}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        b
    } else {
        indicatif::ProgressBar::hidden()
    };
    let start = Instant::now();
    let (mut stored, mut unchanged, mut bytes_total) = (0usize, 0usize, 0u64);
    let mut unreadable: Vec<String> = Vec::new();
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    for chunk in paths.chunks(BATCH) {
        let mut read: Vec<(String, Vec<u8>)> = Vec::with_capacity(chunk.len());
        for p in chunk {
            match p {
                Err(e) => unreadable.push(e.clone()),
                Ok(p) => {
                    let inp = input::read(p);
                    match inp.bytes {
                        Ok(b) => read.push((inp.name, b)),
                        Err(e) => unreadable.push(e),
                    }
                }
            }
        }
        let per = read.len().div_ceil(threads).max(1);
        let inputs: Vec<ProfileInput> = std::thread::scope(|s| {
            let handles: Vec<_> = read
                .chunks(per)
                .map(|part| {
                    let opts = &opts;
                    s.spawn(move || {
                        part.iter()
                            .map(|(n, b)| to_input(n, b, opts))
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_default())
                .collect()
        });
        let n_bytes: u64 = inputs.iter().map(|i| i.byte_len).sum();
        for o in store.ingest_profiles(&inputs)? {
            match o {
                IngestOutcome::Stored { .. } => stored += 1,
                IngestOutcome::Unchanged { .. } => unchanged += 1,
            }
        }
        bytes_total += n_bytes;
        bar.inc(chunk.len() as u64);
    }
    bar.finish_and_clear();
    let secs = start.elapsed().as_secs_f64();
    for e in &unreadable {
        eprintln!("error: {e}");
    }
    match args.format {
        Format::Json => println!(
            "{}",
            serde_json::json!({
                "stored": stored, "unchanged": unchanged, "unreadable": unreadable.len(),
                "bytes": bytes_total, "seconds": secs, "database": store.location(),
            })
        ),
        Format::Human => println!(
            "{} profiles: {stored} stored as new versions, {unchanged} unchanged, {} unreadable ({:.1} MB in {:.2} s, {:.1} MB/s) into {}",
            stored + unchanged + unreadable.len(),
            unreadable.len(),
            bytes_total as f64 / 1e6,
            secs,
            bytes_total as f64 / 1e6 / secs.max(1e-9),
            store.location()
        ),
    }
    Ok(if unreadable.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    })
}
