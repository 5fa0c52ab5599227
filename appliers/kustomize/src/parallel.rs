//! Work spread over the cores: the items of a slice mapped by a few scoped
//! threads that each take the next item as they finish one, because the
//! items of a build differ in size by orders of magnitude (a 1 MB CRD next
//! to a 1 KB Service), so fixed chunks leave cores idle.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The number of threads worth using: the cores (at most 8) when there
/// are at least `min_items` items. The cores are asked once per process
/// (the answer reads cgroup files) and only when needed.
pub(crate) fn workers_for(items: usize, min_items: usize) -> usize {
    static CORES: OnceLock<usize> = OnceLock::new();
    if items < min_items {
        return 1;
    }
    let cores = *CORES.get_or_init(|| {
        std::thread::available_parallelism()
            .map_or(1, usize::from)
            .min(8)
    });
    cores.min(items)
}

/// `f` over `items` on `workers` threads (this one included), in order.
/// An item is `None` only if the thread that took it panicked.
pub(crate) fn map<T, R, F>(items: &[T], workers: usize, f: F) -> Vec<Option<R>>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(i) else {
                return done;
            };
            done.push((i, f(item)));
        }
    };
    let mut out: Vec<Option<R>> = Vec::new();
    out.resize_with(items.len(), || None);
    std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..workers.max(1)).map(|_| scope.spawn(work)).collect();
        let mine = work();
        let theirs = helpers.into_iter().filter_map(|h| h.join().ok());
        for (i, r) in std::iter::once(mine).chain(theirs).flatten() {
            out[i] = Some(r);
        }
    });
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn keeps_the_order_whatever_thread_did_the_work() {
        let items: Vec<u64> = (0..1000).collect();
        let out = super::map(&items, 4, |&n| {
            // Uneven work, as in a build.
            (0..(n % 7) * 1000).fold(n, |a, b| a.wrapping_add(b)) - (0..(n % 7) * 1000).sum::<u64>()
        });
        assert_eq!(out.into_iter().flatten().collect::<Vec<_>>(), items);
    }
}
