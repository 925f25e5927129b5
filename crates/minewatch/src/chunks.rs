//! How `ingest` cuts its work: chunks of profiles, each read and checked by a worker
//! and written in one transaction, alone or with the chunks ready after it (a
//! transaction ends where a chunk ends). Shared by `ingest` and its kill test (which
//! must know where transactions can end).

/// Profiles per chunk (at most: see [`chunked`]).
pub const BATCH: usize = 256;

/// The smallest chunk [`chunked`] makes (but for the last).
pub const MIN_CHUNK: usize = 16;

/// How many workers read and check files (`ingest`, `check`, `extract`): one a core,
/// at most eight.
pub fn workers() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .min(8)
}

/// The paths cut into chunks of `batch`, the last ones smaller (a quarter of what is
/// left per worker, down to [`MIN_CHUNK`]): the workers run out of work at about the
/// same time, and the writer, which writes each chunk after it is made, has a small
/// last one to write when they have.
pub fn chunked<T>(paths: &[T], batch: usize, workers: usize) -> Vec<&[T]> {
    let mut out = Vec::with_capacity(paths.len() / batch.max(1) + 16);
    let mut rest = paths;
    while !rest.is_empty() {
        let n = (rest.len() / (2 * workers.max(1)))
            .clamp(MIN_CHUNK, batch.max(MIN_CHUNK))
            .min(rest.len());
        let (chunk, tail) = rest.split_at(n);
        out.push(chunk);
        rest = tail;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_cover_the_paths_in_order_and_shrink_at_the_end() {
        for (len, workers) in [
            (0, 2),
            (1, 2),
            (15, 2),
            (100, 1),
            (1_100, 2),
            (5_000, 2),
            (5_000, 8),
        ] {
            let paths: Vec<usize> = (0..len).collect();
            let chunks = chunked(&paths, BATCH, workers);
            let flat: Vec<usize> = chunks.iter().flat_map(|c| c.iter().copied()).collect();
            assert_eq!(flat, paths, "every path once, in order");
            let sizes: Vec<usize> = chunks.iter().map(|c| c.len()).collect();
            assert!(sizes.iter().all(|&n| n > 0 && n <= BATCH), "{sizes:?}");
            if let Some((_, init)) = sizes.split_last() {
                assert!(init.iter().all(|&n| n >= MIN_CHUNK), "{sizes:?}");
                assert!(
                    sizes.windows(2).all(|w| w[0] >= w[1]),
                    "never growing: {sizes:?}"
                );
            }
            if len >= 4 * workers * BATCH {
                assert_eq!(sizes[0], BATCH, "whole transactions while much is left");
                assert!(*sizes.last().unwrap() <= MIN_CHUNK, "{sizes:?}");
            }
        }
    }
}
