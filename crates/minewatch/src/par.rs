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
    if threads <= 1 || items.len() <= 1 {
        for it in items {
            sink(f(it))?;
        }
        return Ok(());
    }
    let phase = Ordered::new(items, threads, Vec::new(), sink);
    std::thread::scope(|s| {
        for _ in 1..threads {
            s.spawn(|| phase.work(&f));
        }
        phase.work(&f);
    });
    phase.result()
}

/// The most items [`listed_parallel`] does while they are still being listed (their
/// results are held until their turn comes: memory stays bounded).
const EARLY_MAX: usize = 512;

/// [`ordered_parallel`] over the items `list` makes, the other workers starting on
/// them while they are still being listed. `list` runs on the calling thread and
/// hands over each item as it finds it (a folder's files as its listing comes,
/// before they are put in order); the other threads apply `f` to those (up to
/// [`EARLY_MAX`] of them), and their results are kept. When `list` returns the items
/// in their final order, every thread runs through them as `ordered_parallel` does,
/// an item done early taking its kept result instead of `f` again (an item listed
/// twice takes it once). A folder of five thousand files takes milliseconds to list:
/// a core would otherwise wait through them.
pub fn listed_parallel<T, R>(
    threads: usize,
    list: impl FnOnce(&mut dyn FnMut(&T)) -> Vec<T>,
    f: impl Fn(&T) -> R + Sync,
    mut sink: impl FnMut(R) -> anyhow::Result<()> + Send,
) -> anyhow::Result<()>
where
    T: Sync + Send + Clone + Eq + std::hash::Hash,
    R: Send,
{
    use std::sync::{Condvar, Mutex, OnceLock};
    if threads <= 1 {
        for it in &list(&mut |_| {}) {
            sink(f(it))?;
        }
        return Ok(());
    }
    /// The early work, under one lock: the items found and not yet taken, the results
    /// of those done, how many are being done, and where the run stands.
    struct Early<T, R> {
        queue: std::collections::VecDeque<T>,
        done: Vec<(T, R)>,
        taken: usize,
        busy: usize,
        /// Workers waiting for an item (woken only then: a wake-up is a system call).
        idle: usize,
        /// The listing is over (no more early work is taken).
        listed: bool,
        /// The ordered run may start (its state is set, or the listing failed).
        go: bool,
    }
    let early = Mutex::new(Early {
        queue: std::collections::VecDeque::new(),
        done: Vec::new(),
        taken: 0,
        busy: 0,
        idle: 0,
        listed: false,
        go: false,
    });
    let wake = Condvar::new();
    let lock = || early.lock().unwrap_or_else(|p| p.into_inner());
    // Set by the calling thread once the items are in order.
    let items: OnceLock<Vec<T>> = OnceLock::new();
    let phase: OnceLock<Ordered<'_, T, R, _>> = OnceLock::new();
    // Whatever happens on the calling thread (a panic in `list` included), the other
    // workers are let go: none waits for an ordered run that never comes.
    struct Release<'a, T, R>(&'a Mutex<Early<T, R>>, &'a Condvar);
    impl<T, R> Drop for Release<'_, T, R> {
        fn drop(&mut self) {
            let mut e = self.0.lock().unwrap_or_else(|p| p.into_inner());
            e.listed = true;
            e.go = true;
            self.1.notify_all();
        }
    }
    // An early item's worker, if `f` panics, counts it as no longer being done (the
    // calling thread waits for none; the item is done again in order). The calling
    // thread waits for the items being done only once the listing is over: only then
    // is it woken.
    struct Busy<'a, T, R>(&'a Mutex<Early<T, R>>, &'a Condvar);
    impl<T, R> Drop for Busy<'_, T, R> {
        fn drop(&mut self) {
            let mut e = self.0.lock().unwrap_or_else(|p| p.into_inner());
            e.busy -= 1;
            if e.listed {
                self.1.notify_all();
            }
        }
    }
    let worker = || {
        // Early: the items found so far, as they come.
        loop {
            let mut e = lock();
            while e.queue.is_empty() && !e.listed {
                e.idle += 1;
                e = wake.wait(e).unwrap_or_else(|p| p.into_inner());
                e.idle -= 1;
            }
            if e.listed || e.taken >= EARLY_MAX {
                break;
            }
            let Some(it) = e.queue.pop_front() else {
                break;
            };
            e.taken += 1;
            e.busy += 1;
            drop(e);
            let guard = Busy(&early, &wake);
            let r = f(&it);
            lock().done.push((it, r));
            drop(guard);
        }
        // Then in order, with the calling thread.
        let mut e = lock();
        while !e.go {
            e = wake.wait(e).unwrap_or_else(|p| p.into_inner());
        }
        drop(e);
        if let Some(phase) = phase.get() {
            phase.work(&f);
        }
    };
    std::thread::scope(|s| {
        for _ in 1..threads {
            s.spawn(worker);
        }
        let release = Release(&early, &wake);
        let listed = list(&mut |it: &T| {
            let mut e = lock();
            if e.taken + e.queue.len() < EARLY_MAX {
                e.queue.push_back(it.clone());
                if e.idle > 0 {
                    wake.notify_one();
                }
            }
        });
        // No more early work; the items being done are waited for.
        let done = {
            let mut e = lock();
            e.listed = true;
            wake.notify_all();
            while e.busy > 0 {
                e = wake.wait(e).unwrap_or_else(|p| p.into_inner());
            }
            std::mem::take(&mut e.done)
        };
        let items = items.get_or_init(|| listed);
        // Each result kept goes to the first place its item stands.
        let mut by_item: std::collections::HashMap<T, R> = done.into_iter().collect();
        let mut kept: Vec<(usize, Mutex<Option<R>>)> = Vec::with_capacity(by_item.len());
        if !by_item.is_empty() {
            for (i, it) in items.iter().enumerate() {
                if let Some(r) = by_item.remove(it) {
                    kept.push((i, Mutex::new(Some(r))));
                    if by_item.is_empty() {
                        break;
                    }
                }
            }
        }
        let _ = phase.set(Ordered::new(items, threads, kept, sink));
        drop(release);
        if let Some(phase) = phase.get() {
            phase.work(&f);
        }
    });
    match phase.into_inner() {
        Some(phase) => phase.result(),
        None => Ok(()),
    }
}

/// What is fed to `sink`, under one lock: the chunks done out of order, the one
/// wanted next, the sink, and its first error.
struct Emit<R, S> {
    pending: std::collections::BTreeMap<usize, Vec<R>>,
    want: usize,
    sink: S,
    result: anyhow::Result<()>,
}

/// An ordered run over `items` (see [`ordered_parallel`]): every thread calls
/// [`Ordered::work`].
struct Ordered<'a, T, R, S> {
    items: &'a [T],
    /// Items per hand-out: small enough to keep every thread busy to the end.
    step: usize,
    window: usize,
    next: std::sync::atomic::AtomicUsize,
    emitted: std::sync::atomic::AtomicUsize,
    stop: std::sync::atomic::AtomicBool,
    emit: std::sync::Mutex<Emit<R, S>>,
    /// Results made before the run (by item index, in order), each taken once.
    kept: Vec<(usize, std::sync::Mutex<Option<R>>)>,
}

impl<'a, T: Sync, R: Send, S: FnMut(R) -> anyhow::Result<()> + Send> Ordered<'a, T, R, S> {
    fn new(
        items: &'a [T],
        threads: usize,
        kept: Vec<(usize, std::sync::Mutex<Option<R>>)>,
        sink: S,
    ) -> Self {
        let step = (items.len() / (threads * 16)).clamp(1, 8);
        Ordered {
            items,
            step,
            window: threads * 32 / step + 2,
            next: Default::default(),
            emitted: Default::default(),
            stop: Default::default(),
            emit: std::sync::Mutex::new(Emit {
                pending: std::collections::BTreeMap::new(),
                want: 0,
                sink,
                result: Ok(()),
            }),
            kept,
        }
    }

    /// The result for item `i`: kept from before the run, or made now.
    fn result_of(&self, i: usize, f: &impl Fn(&T) -> R) -> R {
        if let Ok(k) = self.kept.binary_search_by_key(&i, |(j, _)| *j) {
            let kept = self.kept[k]
                .1
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .take();
            if let Some(r) = kept {
                return r;
            }
        }
        f(&self.items[i])
    }

    fn work(&self, f: &impl Fn(&T) -> R) {
        use std::sync::atomic::Ordering;
        let chunks = self.items.len().div_ceil(self.step);
        loop {
            let i = self.next.fetch_add(1, Ordering::Relaxed);
            if i >= chunks || self.stop.load(Ordering::Relaxed) {
                break;
            }
            while i > self.emitted.load(Ordering::Acquire) + self.window
                && !self.stop.load(Ordering::Relaxed)
            {
                std::thread::sleep(std::time::Duration::from_micros(200));
            }
            let range = i * self.step..((i + 1) * self.step).min(self.items.len());
            // (No kept result in most chunks: one look at the list for the chunk.)
            let k = self.kept.partition_point(|(j, _)| *j < range.start);
            let any_kept = self.kept.get(k).is_some_and(|(j, _)| *j < range.end);
            let results: Vec<R> = if any_kept {
                range.map(|j| self.result_of(j, f)).collect()
            } else {
                self.items[range].iter().map(f).collect()
            };
            // A panic in another worker's sink call leaves the lock poisoned; the scope
            // re-raises that panic, so the state is taken as it is.
            let mut e = self.emit.lock().unwrap_or_else(|p| p.into_inner());
            e.pending.insert(i, results);
            loop {
                let want = e.want;
                let Some(rs) = e.pending.remove(&want) else {
                    break;
                };
                e.want += 1;
                self.emitted.store(e.want, Ordering::Release);
                for r in rs {
                    if e.result.is_ok() {
                        let Emit { sink, result, .. } = &mut *e;
                        *result = sink(r);
                        if result.is_err() {
                            self.stop.store(true, Ordering::Relaxed);
                        }
                    }
                }
            }
        }
    }

    fn result(self) -> anyhow::Result<()> {
        self.emit
            .into_inner()
            .unwrap_or_else(|p| p.into_inner())
            .result
    }
}

/// Every input the PATH arguments name ([`crate::input::expand`]) through `f` on every
/// core, the results handed to `sink` in input order. Where a folder is named, the
/// work starts while it is listed ([`listed_parallel`]); files named one by one have
/// no listing to overlap ([`ordered_parallel`]).
pub fn over_inputs<R: Send>(
    paths: &[std::path::PathBuf],
    f: impl Fn(&Result<std::path::PathBuf, String>) -> R + Sync,
    sink: impl FnMut(R) -> anyhow::Result<()> + Send,
) -> anyhow::Result<()> {
    if paths.iter().any(|p| p.is_dir()) {
        listed_parallel(
            threads(),
            |found| crate::input::expand_found(paths, found),
            f,
            sink,
        )
    } else {
        ordered_parallel(&crate::input::expand(paths), threads(), f, sink)
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

    use super::listed_parallel;
    use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};

    /// `listed_parallel` over 0..n, the items found in a scrambled order (as a folder's
    /// listing shows them), `pause` after each, and listed in order: the results, and how
    /// many times `f` ran on each item and during the listing.
    fn listed(n: usize, threads: usize, pause: u64) -> (Vec<usize>, Vec<usize>, usize) {
        let calls: Vec<AtomicUsize> = (0..n).map(|_| AtomicUsize::new(0)).collect();
        let listing = std::sync::atomic::AtomicBool::new(true);
        let early = AtomicUsize::new(0);
        let mut got = Vec::new();
        listed_parallel(
            threads,
            |found| {
                for k in 0..n {
                    found(&((k * 7919) % n.max(1)));
                    std::thread::sleep(std::time::Duration::from_micros(pause));
                }
                listing.store(false, SeqCst);
                (0..n).collect()
            },
            |&i| {
                calls[i].fetch_add(1, SeqCst);
                if listing.load(SeqCst) {
                    early.fetch_add(1, SeqCst);
                }
                if i % 5 == 0 {
                    std::thread::sleep(std::time::Duration::from_micros(30));
                }
                i * 3
            },
            |r| {
                got.push(r);
                Ok(())
            },
        )
        .unwrap();
        (
            got,
            calls.iter().map(|c| c.load(SeqCst)).collect(),
            early.into_inner(),
        )
    }

    #[test]
    fn listed_items_are_done_once_each_in_order_some_while_still_listed() {
        for n in [0usize, 1, 2, 9, 100, 1000] {
            for threads in [1, 2, 3] {
                let (got, calls, _) = listed(n, threads, 0);
                assert_eq!(
                    got,
                    (0..n).map(|i| i * 3).collect::<Vec<_>>(),
                    "n={n} threads={threads}"
                );
                assert!(
                    calls.iter().all(|&c| c == 1),
                    "n={n} threads={threads}: {calls:?}"
                );
            }
        }
        // A slow listing: the other worker starts on what it has found.
        let (got, calls, early) = listed(40, 2, 2000);
        assert_eq!(got.len(), 40);
        assert!(calls.iter().all(|&c| c == 1));
        assert!(early > 0, "nothing was done while listing");
        // Never more than EARLY_MAX ahead of the listing.
        let (_, calls, early) = listed(super::EARLY_MAX * 3, 2, 20);
        assert!(calls.iter().all(|&c| c == 1));
        assert!(early <= super::EARLY_MAX, "{early} done while listing");
    }

    #[test]
    fn an_item_listed_twice_gets_a_result_each_time() {
        let mut got = Vec::new();
        listed_parallel(
            2,
            |found| {
                found(&5);
                found(&5);
                std::thread::sleep(std::time::Duration::from_millis(20));
                vec![5, 1, 5]
            },
            |&i| i + 100,
            |r| {
                got.push(r);
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(got, vec![105, 101, 105]);
    }

    #[test]
    fn a_panic_while_listing_or_on_an_early_item_ends_the_run() {
        // In the listing: the workers waiting for the ordered run are let go.
        let r = std::panic::catch_unwind(|| {
            listed_parallel(
                2,
                |found| {
                    found(&1);
                    panic!("listing failed")
                },
                |&i: &usize| i,
                |_| Ok(()),
            )
        });
        assert!(r.is_err());
        // On an item done early: the listing does not wait for it forever.
        let r = std::panic::catch_unwind(|| {
            listed_parallel(
                2,
                |found| {
                    found(&7);
                    std::thread::sleep(std::time::Duration::from_millis(20));
                    vec![7]
                },
                |&i: &usize| {
                    assert!(i != 7, "seven");
                    i
                },
                |_| Ok(()),
            )
        });
        assert!(r.is_err());
    }

    #[test]
    fn a_failing_sink_stops_a_listed_run() {
        let mut taken = 0;
        let r = listed_parallel(
            2,
            |found| {
                (0..1000).for_each(|i| found(&i));
                (0..1000).collect()
            },
            |&i: &usize| i,
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
