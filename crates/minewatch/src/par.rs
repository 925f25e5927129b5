//! Running per-file work on every core while keeping output in input order.

/// How many worker threads to use: the machine's cores, at most 8 (one definition
/// with `ingest`'s, which its kill test shares).
pub use crate::chunks::workers as threads;

/// Apply `f` to every item on up to `threads` threads (the calling thread one of them)
/// and hand the results to `sink` in input order. Workers take the next few items as
/// they finish (no idle batches; a few at a time so that a thousand small files are
/// not a thousand hand-overs) and run at most a window ahead of what `sink` has taken,
/// so memory stays bounded. The worker that finishes the chunk next in order feeds it
/// to `sink` itself, with any later ones already done: no thread waits for results to
/// arrive, so there is no wake-up per chunk.
pub fn ordered_parallel<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    f: impl Fn(&T) -> R + Sync,
    mut sink: impl FnMut(R) -> anyhow::Result<()> + Send,
) -> anyhow::Result<()> {
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    if threads <= 1 || items.len() <= 1 {
        for it in items {
            sink(f(it))?;
        }
        return Ok(());
    }
    // Items per hand-out: small enough to keep every thread busy to the end.
    let step = (items.len() / (threads * 16)).clamp(1, 8);
    let chunks: Vec<&[T]> = items.chunks(step).collect();
    let window = threads * 32 / step + 2;
    let next = AtomicUsize::new(0);
    let emitted = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    /// What is fed to `sink`, under one lock: the chunks done out of order, the one
    /// wanted next, the sink, and its first error.
    struct Emit<R, S> {
        pending: std::collections::BTreeMap<usize, Vec<R>>,
        want: usize,
        sink: S,
        result: anyhow::Result<()>,
    }
    let emit = std::sync::Mutex::new(Emit {
        pending: std::collections::BTreeMap::new(),
        want: 0,
        sink,
        result: Ok(()),
    });
    let work = || loop {
        let i = next.fetch_add(1, Ordering::Relaxed);
        if i >= chunks.len() || stop.load(Ordering::Relaxed) {
            break;
        }
        while i > emitted.load(Ordering::Acquire) + window && !stop.load(Ordering::Relaxed) {
            std::thread::sleep(std::time::Duration::from_micros(200));
        }
        let results: Vec<R> = chunks[i].iter().map(&f).collect();
        // A panic in another worker's sink call leaves the lock poisoned; the scope
        // re-raises that panic, so the state is taken as it is.
        let mut e = emit.lock().unwrap_or_else(|p| p.into_inner());
        e.pending.insert(i, results);
        loop {
            let want = e.want;
            let Some(rs) = e.pending.remove(&want) else {
                break;
            };
            e.want += 1;
            emitted.store(e.want, Ordering::Release);
            for r in rs {
                if e.result.is_ok() {
                    let Emit { sink, result, .. } = &mut *e;
                    *result = sink(r);
                    if result.is_err() {
                        stop.store(true, Ordering::Relaxed);
                    }
                }
            }
        }
    };
    std::thread::scope(|s| {
        for _ in 1..threads {
            s.spawn(work);
        }
        work();
    });
    emit.into_inner().unwrap_or_else(|p| p.into_inner()).result
}

/// Build the tables every document needs (`warm`) on a thread of its own while this
/// thread lists the input folders, if `paths` names a folder: the first documents
/// then wait for no table, or for less of one. The thread is not waited for: a run
/// whose folders hold no profile ends without it (building tables nobody reads);
/// one whose documents need a table waits for it where they use it, as for any
/// table another thread is building. Files named one by one have no listing to
/// overlap, and build what they use as they use it.
pub fn warm_while_listing(paths: &[std::path::PathBuf], warm: fn()) {
    if paths.iter().any(|p| p.is_dir()) {
        // (Detached: its handle is dropped.)
        let _ = std::thread::Builder::new()
            .name("tables".into())
            .spawn(warm);
    }
}

/// `f`'s result, or, where it panics (a bug in minewatch, not bad input: reading never
/// fails), an error that names the input and says so; the panic's own message has gone
/// to standard error already. Used per file, so one file's bug loses no other file.
pub fn isolated<R>(name: &str, doing: &str, f: impl FnOnce() -> R) -> Result<R, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(|p| {
        let what = p
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| p.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "no message".into());
        format!(
            "{name}: internal error while {doing} this file ({what}): a bug in minewatch, \
             please report it with the file; the other inputs were processed"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::ordered_parallel;

    static WARMED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

    fn warm_and_count() {
        // The tables every document needs, built off the calling thread.
        minewatch_check::warm_up();
        minewatch_extract::warm_up();
        WARMED.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    }

    #[test]
    fn tables_are_built_in_the_background_only_for_folders() {
        use std::sync::atomic::Ordering::SeqCst;
        let dir = std::env::temp_dir();
        let file = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml");
        // A file named alone: nothing started.
        super::warm_while_listing(std::slice::from_ref(&file), warm_and_count);
        std::thread::sleep(std::time::Duration::from_millis(50));
        assert_eq!(WARMED.load(SeqCst), 0);
        // A folder among the paths: the tables are built, without waiting for them.
        super::warm_while_listing(&[file, dir], warm_and_count);
        let t0 = std::time::Instant::now();
        while WARMED.load(SeqCst) == 0 {
            assert!(
                t0.elapsed() < std::time::Duration::from_secs(20),
                "never built"
            );
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        // And a document read after them is read as any other.
        let doc = minewatch_profile::read(b"Finland\n\nLast updated: 01 June 2025\n\nText.[1]\n");
        assert_eq!(doc.header.country_iso3.as_deref(), Some("FIN"));
    }

    #[test]
    fn results_come_in_input_order_for_any_size_and_thread_count() {
        for n in [0usize, 1, 2, 7, 33, 500, 2000] {
            for threads in [1, 2, 3, 8] {
                let items: Vec<usize> = (0..n).collect();
                let mut got = Vec::new();
                ordered_parallel(
                    &items,
                    threads,
                    |&i| {
                        // Uneven work, so workers finish out of order.
                        if i % 7 == 0 {
                            std::thread::sleep(std::time::Duration::from_micros(50));
                        }
                        i * 2
                    },
                    |r| {
                        got.push(r);
                        Ok(())
                    },
                )
                .unwrap();
                assert_eq!(
                    got,
                    (0..n).map(|i| i * 2).collect::<Vec<_>>(),
                    "n={n} threads={threads}"
                );
            }
        }
    }

    #[test]
    fn a_panic_on_one_item_is_that_item_s_error() {
        let items: Vec<usize> = (0..50).collect();
        let mut got = Vec::new();
        ordered_parallel(
            &items,
            2,
            |&i| {
                super::isolated(&format!("f{i}"), "checking", || {
                    assert!(i != 7, "seven");
                    i
                })
            },
            |r| {
                got.push(r);
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(got.len(), 50);
        assert_eq!(got[8], Ok(8));
        let e = got[7].clone().unwrap_err();
        assert!(
            e.starts_with("f7: internal error while checking this file (seven)"),
            "{e}"
        );
    }

    #[test]
    fn a_failing_sink_stops_the_run_and_reports_its_error() {
        let items: Vec<usize> = (0..1000).collect();
        let mut taken = 0;
        let r = ordered_parallel(
            &items,
            2,
            |&i| i,
            |i| {
                taken += 1;
                if i == 10 {
                    anyhow::bail!("disk full")
                }
                Ok(())
            },
        );
        assert_eq!(r.unwrap_err().to_string(), "disk full");
        assert_eq!(taken, 11);
    }
}
