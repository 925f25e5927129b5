//! Running per-file work on every core while keeping output in input order.

/// How many worker threads to use: the machine's cores, at most 8.
pub fn threads() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .min(8)
}

/// Apply `f` to every item on up to `threads` threads and hand the results to `sink`
/// in input order. Workers take the next item as they finish one (no idle batches)
/// and run at most a window ahead of what `sink` has taken, so memory stays bounded.
pub fn ordered_parallel<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    f: impl Fn(&T) -> R + Sync,
    mut sink: impl FnMut(R) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    if threads <= 1 || items.len() <= 1 {
        for it in items {
            sink(f(it))?;
        }
        return Ok(());
    }
    let window = threads * 32;
    let next = AtomicUsize::new(0);
    let emitted = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    std::thread::scope(|s| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<(usize, R)>(window);
        for _ in 0..threads {
            let tx = tx.clone();
            let (next, emitted, stop, f) = (&next, &emitted, &stop, &f);
            s.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= items.len() || stop.load(Ordering::Relaxed) {
                    break;
                }
                while i > emitted.load(Ordering::Acquire) + window && !stop.load(Ordering::Relaxed)
                {
                    std::thread::sleep(std::time::Duration::from_micros(200));
                }
                if tx.send((i, f(&items[i]))).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        let mut pending = std::collections::BTreeMap::new();
        let mut want = 0;
        let mut result = Ok(());
        for (i, r) in rx {
            pending.insert(i, r);
            while let Some(r) = pending.remove(&want) {
                want += 1;
                emitted.store(want, Ordering::Release);
                if result.is_ok() {
                    result = sink(r);
                    if result.is_err() {
                        stop.store(true, Ordering::Relaxed);
                    }
                }
            }
        }
        result
    })
}
