//! `minewatch ingest PATH...`: store profiles as new versions in the knowledge base.

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::Arc;
use std::time::Instant;

use minewatch_store::profile_json::ProfileParts;
use minewatch_store::{IngestOutcome, ProfileInput, Store};

use crate::chunks;
use crate::db_open::{self, Format};
use crate::{input, Global};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Files or folders (read recursively: *.txt, *.md, *.markdown).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
}

/// Read, check and convert one profile; an input that is not a profile (binary or
/// empty) is refused with the reader's reason, and nothing of it is stored.
pub fn to_input(
    name: &str,
    bytes: Vec<u8>,
    content_hash: String,
    opts: &minewatch_check::Options,
) -> Result<ProfileInput, String> {
    let byte_len = bytes.len() as u64;
    let mut doc = minewatch_profile::read_owned(bytes);
    if let Some(d) = doc
        .diagnostics
        .iter()
        .find(|d| d.code == "binary-input" || d.code == "empty-input")
    {
        return Err(format!("{name}: {}; not stored", d.message));
    }
    // Counted whole, kept up to the cap, as `check` lists them.
    let mut listed = minewatch_check::Listed::new(minewatch_check::DEFAULT_MAX_PER_CODE);
    minewatch_check::check_into(&doc, opts, &mut listed);
    let minewatch_check::Tally {
        diagnostics: diags,
        errors,
        warnings,
    } = listed.finish();
    // The model without the text (kept once, in the text column) and without the
    // notes' text and citations (kept once, with the notes).
    let model = doc.stored().to_compact_json();
    // Each fact as the extractor writes it; the store reads its fields from that.
    let facts = minewatch_extract::extract(&doc);
    // A page under a site's menu, its header lost: the state its own title names.
    let titled = if doc.header.country.is_none() {
        minewatch_extract::page_state(&doc)
    } else {
        None
    };
    // Last: the notes move out of the document.
    let notes = crate::stored_notes::stored_notes(&mut doc);
    let parts = ProfileParts::from_facts(
        &notes,
        &facts,
        |f| (&f.subject, f.recipient.as_deref()),
        |f, o| f.write_json(o),
    )
    .map_err(|e| format!("{name}: {e}; not stored"))?;
    Ok(ProfileInput {
        source_path: Some(name.to_string()),
        content_hash,
        byte_len,
        country: doc
            .header
            .country
            .as_ref()
            .map(|c| c.value.clone())
            .or_else(|| titled.map(|st| st.name.clone())),
        iso3: doc
            .header
            .country_iso3
            .clone()
            .or_else(|| titled.map(|st| st.iso3.clone())),
        profile_type: doc.header.profile_type.as_ref().map(|c| c.value.clone()),
        last_updated: doc.header.last_updated.as_ref().map(|c| c.value),
        model_json: model,
        diagnostics_json: {
            let mut o = Vec::with_capacity(diags.len() * 256 + 2);
            minewatch_model::json::array(&mut o, &diags, |o, d| d.write_json(o));
            minewatch_model::json::into_string(o)
        },
        error_count: errors as u32,
        warning_count: warnings as u32,
        parts,
        text: doc.text,
    })
}

/// What a worker made of one chunk of paths.
struct Chunk {
    index: usize,
    inputs: Vec<ProfileInput>,
    /// Files whose content is stored already (not parsed again).
    known: usize,
    bytes: u64,
    unreadable: Vec<String>,
    /// Stored, with a word of warning (no state recognised).
    warnings: Vec<String>,
    paths: usize,
}

fn prepare(
    index: usize,
    paths: &[Result<PathBuf, String>],
    known: &HashSet<String>,
    opts: &minewatch_check::Options,
) -> Chunk {
    let mut c = Chunk {
        index,
        inputs: Vec::new(),
        known: 0,
        bytes: 0,
        unreadable: Vec::new(),
        warnings: Vec::new(),
        paths: paths.len(),
    };
    for p in paths {
        let p = match p {
            Ok(p) => p,
            Err(e) => {
                c.unreadable.push(e.clone());
                continue;
            }
        };
        let inp = input::read(p);
        match inp.bytes {
            Ok(b) => {
                c.bytes += b.len() as u64;
                let hash = ProfileInput::hash_bytes(&b);
                if known.contains(&hash) {
                    c.known += 1;
                } else {
                    // A bug that panics on one profile is that profile's error; the
                    // others are stored.
                    match crate::par::isolated(&inp.name, "reading", || {
                        to_input(&inp.name, b, hash, opts)
                    })
                    .and_then(|r| r)
                    {
                        Ok(i) => {
                            if i.iso3.is_none() {
                                c.warnings.push(format!(
                                    "{}: no state recognised in its header or title; stored as a profile of an unknown state",
                                    inp.name
                                ));
                            }
                            c.inputs.push(i)
                        }
                        Err(e) => c.unreadable.push(e),
                    }
                }
            }
            Err(e) => c.unreadable.push(e),
        }
    }
    c
}

/// The most profiles one transaction takes when ready chunks are written together.
const GROUP_MAX: usize = 4 * chunks::BATCH;

/// The most input bytes of prepared chunks waiting for the writer before the workers
/// wait too (a chunk is always let through to an empty queue).
const QUEUED_MAX: u64 = 8 << 20;

/// Sets its flag when dropped.
struct SetOnDrop<'a>(&'a AtomicBool);

impl Drop for SetOnDrop<'_> {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Release);
    }
}

/// The chunks ready in order from `*want` on (moved out of `pending`, `*want` moved past
/// them), as long as the profiles taken stay under `max`: none if the next one is not
/// ready, always a whole chunk, never a gap.
fn take_run<T>(
    pending: &mut BTreeMap<usize, T>,
    want: &mut usize,
    max: usize,
    size: impl Fn(&T) -> usize,
) -> Vec<T> {
    let mut run = Vec::new();
    let mut taken = 0;
    while taken < max {
        let Some(c) = pending.remove(want) else {
            break;
        };
        *want += 1;
        taken += size(&c);
        run.push(c);
    }
    run
}

pub fn run(args: Args, g: &Global) -> anyhow::Result<ExitCode> {
    let mut out = String::new();
    let paths = input::expand(&args.paths);
    let mut store = db_open::open_unprepared(g)?;
    // A database this command creates holds no profile yet: the workers start at once,
    // and this thread creates its schema and loads the reference data while they read
    // the first files (on the first use, about a tenth of the run). Any other is made
    // ready first, and its stored hashes let unchanged files go unread.
    let fresh = store.schema_version()? == 0;
    let known = if fresh {
        HashSet::new()
    } else {
        db_open::prepare(&mut store)?;
        store.profile_hashes()?
    };
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
    let mut write_secs = 0f64;
    let mut unreadable: Vec<String> = Vec::new();
    let mut warnings: Vec<String> = Vec::new();
    let workers = chunks::workers();
    let chunks = chunks::chunked(&paths, chunks::BATCH, workers);
    let next = AtomicUsize::new(0);
    let mut bulk = false;
    // Input bytes of the chunks made and not yet taken by the writer.
    let queued = AtomicU64::new(0);
    let writer_gone = AtomicBool::new(false);
    // Ctrl-C (or SIGTERM): the first stops the run once the transaction under way is
    // committed, and the summary says what was stored; a second ends the process at
    // once (SQLite's journal undoes the transaction under way at the next opening).
    let interrupted = Arc::new(AtomicBool::new(false));
    for sig in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        // (Without a handler, a signal ends the run as it always did: still safe.)
        let _ = signal_hook::flag::register_conditional_shutdown(sig, 130, interrupted.clone());
        let _ = signal_hook::flag::register(sig, interrupted.clone());
    }
    let interrupted = &*interrupted;
    // Workers read, hash, parse and check chunks; this thread writes them, in order,
    // while the workers go on.
    let written = std::thread::scope(|s| -> anyhow::Result<()> {
        // However this thread leaves (an error included), no worker waits for it.
        let _gone = SetOnDrop(&writer_gone);
        // The workers never wait for a writer that is waiting for the disk (a commit
        // is a few fsyncs): what they make queues up, and the writer commits what has
        // queued together. Only a backlog of more than QUEUED_MAX bytes of input (about
        // six times as much in memory) holds them back.
        let (tx, rx) = mpsc::channel::<Chunk>();
        for _ in 0..workers {
            let tx = tx.clone();
            let (chunks, next, known, opts) = (&chunks, &next, &known, &opts);
            let (queued, writer_gone) = (&queued, &writer_gone);
            s.spawn(move || loop {
                if interrupted.load(Ordering::Acquire) {
                    break;
                }
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some(paths) = chunks.get(i) else { break };
                let chunk = prepare(i, paths, known, opts);
                loop {
                    let q = queued.load(Ordering::Acquire);
                    if q == 0
                        || q + chunk.bytes <= QUEUED_MAX
                        || writer_gone.load(Ordering::Acquire)
                    {
                        break;
                    }
                    std::thread::sleep(std::time::Duration::from_micros(200));
                }
                queued.fetch_add(chunk.bytes, Ordering::AcqRel);
                if tx.send(chunk).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        // On an error here the receiver goes, and with it every worker (its next send
        // fails); nothing was written.
        if fresh {
            db_open::prepare(&mut store)?;
        }
        // More than one transaction's worth: let the store write in bulk (SQLite:
        // through a rollback journal, each page once, while nothing else has the
        // database open).
        bulk = chunks.len() > 1 && store.begin_bulk()?;
        let mut pending: BTreeMap<usize, Chunk> = BTreeMap::new();
        let mut want = 0;
        let mut failure: Option<anyhow::Error> = None;
        loop {
            if interrupted.load(Ordering::Acquire) {
                // What is committed stays; nothing more is written.
                next.store(usize::MAX / 2, Ordering::SeqCst);
                break;
            }
            // Wait for the next chunk in order (the others wait in `pending`)...
            if !pending.contains_key(&want) {
                match rx.recv() {
                    Ok(c) => {
                        queued.fetch_sub(c.bytes, Ordering::AcqRel);
                        pending.insert(c.index, c);
                    }
                    Err(_) => break,
                }
            }
            // ...and whatever else is ready joins it: the chunks made while the last
            // transaction was being written go into the next one together (group
            // commit). A commit waits for the disk (a few fsyncs), so the many small
            // chunks at the end of a run, made faster than they could be committed one
            // by one, cost a few commits, not one each. Transactions still end where
            // chunks end.
            while let Ok(c) = rx.try_recv() {
                queued.fetch_sub(c.bytes, Ordering::AcqRel);
                pending.insert(c.index, c);
            }
            let mut group = take_run(&mut pending, &mut want, GROUP_MAX, |c| c.inputs.len());
            if group.is_empty() || failure.is_some() {
                continue;
            }
            let inputs: Vec<ProfileInput> = group
                .iter_mut()
                .flat_map(|c| std::mem::take(&mut c.inputs))
                .collect();
            let t = Instant::now();
            let result = store.ingest_profiles(&inputs);
            write_secs += t.elapsed().as_secs_f64();
            match result {
                Ok(outcomes) => {
                    for o in outcomes {
                        match o {
                            IngestOutcome::Stored { .. } => stored += 1,
                            IngestOutcome::Unchanged { .. } => unchanged += 1,
                        }
                    }
                }
                Err(e) => {
                    // Stop taking work; earlier chunks stay committed.
                    next.store(usize::MAX / 2, Ordering::SeqCst);
                    failure = Some(e.into());
                    continue;
                }
            }
            for c in group {
                unchanged += c.known;
                bytes_total += c.bytes;
                unreadable.extend(c.unreadable);
                warnings.extend(c.warnings);
                bar.inc(c.paths as u64);
            }
        }
        if failure.is_none()
            && !interrupted.load(Ordering::Acquire)
            && (want < chunks.len() || !pending.is_empty())
        {
            failure = Some(anyhow::anyhow!(
                "a worker stopped before reading every file"
            ));
        }
        match failure {
            Some(e) => Err(e),
            None => Ok(()),
        }
    });
    if bulk {
        // Back to the usual mode, also after a failure (whatever was committed stays).
        // What was written is committed either way: a database left in bulk mode is
        // switched back by its next opening, so that is a warning, not a failure.
        if let Err(e) = store.end_bulk() {
            eprintln!(
                "warning: {e} (the next command to open the database will switch it back to WAL)"
            );
        }
    }
    written?;
    bar.finish_and_clear();
    let stopped = interrupted.load(Ordering::Acquire);
    let secs = start.elapsed().as_secs_f64();
    for e in &unreadable {
        eprintln!("error: {e}");
    }
    // (Many files of no state: the first few named, then a count.)
    const NAMED: usize = 10;
    for w in warnings.iter().take(NAMED) {
        eprintln!("warning: {w}");
    }
    if warnings.len() > NAMED {
        eprintln!(
            "warning: {} more files with no state recognised (--format json lists them all)",
            warnings.len() - NAMED
        );
    }
    match args.format {
        Format::Json => {
            let mut summary = serde_json::json!({
                "stored": stored, "unchanged": unchanged, "unreadable": unreadable.len(),
                "bytes": bytes_total, "seconds": secs, "write_seconds": write_secs,
                "database": store.location(),
                "errors": unreadable, "warnings": warnings,
            });
            if stopped {
                summary["interrupted"] = true.into();
            }
            writeln!(out, "{summary}")?
        }
        Format::Human => writeln!(out,
            "{} profile{}: {stored} stored as new version{}, {unchanged} unchanged, {} unreadable{} ({:.1} MB in {:.2} s, {:.1} MB/s; {:.2} s writing) into {}",
            stored + unchanged + unreadable.len(),
            if stored + unchanged + unreadable.len() == 1 { "" } else { "s" },
            if stored == 1 { "" } else { "s" },
            unreadable.len(),
            if warnings.is_empty() {
                String::new()
            } else {
                format!(", {} of no recognised state", warnings.len())
            },
            bytes_total as f64 / 1e6,
            secs,
            bytes_total as f64 / 1e6 / secs.max(1e-9),
            write_secs,
            store.location()
        )?,
    }
    db_open::emit(&out)?;
    if stopped {
        eprintln!(
            "interrupted: the profiles counted above are stored, whole; the others were not stored. Run the same command again to store them."
        );
        return Ok(ExitCode::from(130));
    }
    Ok(if unreadable.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    })
}

#[cfg(test)]
mod tests {
    use super::take_run;
    use std::collections::BTreeMap;

    #[test]
    fn a_group_is_the_run_of_ready_chunks_in_order_up_to_the_limit() {
        // Chunks by index, each its size; 3 is not ready yet.
        let mut pending: BTreeMap<usize, usize> =
            [(0, 256), (1, 256), (2, 100), (4, 16), (5, 16)].into();
        let mut want = 0;
        assert_eq!(
            take_run(&mut pending, &mut want, 1024, |&n| n),
            [256, 256, 100]
        );
        assert_eq!(want, 3);
        assert!(
            take_run(&mut pending, &mut want, 1024, |&n| n).is_empty(),
            "3 not ready"
        );
        pending.insert(3, 300);
        // The limit stops the run after the chunk that reaches it, never inside one.
        assert_eq!(take_run(&mut pending, &mut want, 310, |&n| n), [300, 16]);
        assert_eq!(take_run(&mut pending, &mut want, 1, |&n| n), [16]);
        assert_eq!(want, 6);
        assert!(pending.is_empty());
        // A chunk larger than the limit still goes whole.
        pending.insert(6, 5000);
        assert_eq!(take_run(&mut pending, &mut want, 1024, |&n| n), [5000]);
    }
}
