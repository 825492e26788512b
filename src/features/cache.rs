//! Feature vectors of columns seen before, keyed by a hash of everything extraction reads.
//!
//! Apps re-classify the same data often (a page re-run with other options, a Worker receiving the
//! same export again, a column shared by several tables); feature extraction is most of the cost,
//! so an unchanged column costs one hash instead. The key is SHA-256: a column crafted to collide
//! with another must not be able to borrow that column's features (a silent wrong label).
//! The cache holds derived numbers and header tokens only, never sampled values.

use super::ColumnFeatures;
use crate::ingest::ColumnProfile;
use sha2::{Digest, Sha256};
use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};

/// Columns remembered per classifier: ~2 KB each, so about 2 MB at most.
pub const DEFAULT_ENTRIES: usize = 1024;

type Key = [u8; 32];

/// A bounded first-in-first-out cache (old entries leave first; no clock is read).
pub struct FeatureCache {
    inner: Mutex<Inner>,
    capacity: usize,
}

#[derive(Default)]
struct Inner {
    map: HashMap<Key, Arc<ColumnFeatures>>,
    order: VecDeque<Key>,
    hits: u64,
    misses: u64,
}

impl FeatureCache {
    /// A cache of at most `capacity` columns; 0 turns it off.
    pub fn new(capacity: usize) -> FeatureCache {
        FeatureCache {
            inner: Mutex::new(Inner::default()),
            capacity,
        }
    }

    /// The column's features: remembered ones when this exact column was seen, else `extract`'s.
    pub fn get_or_extract(&self, col: &ColumnProfile) -> Arc<ColumnFeatures> {
        if self.capacity == 0 {
            return Arc::new(super::extract(col));
        }
        let key = key_of(col);
        if let Some(hit) = self.with(|c| {
            let hit = c.map.get(&key).cloned();
            match hit {
                Some(_) => c.hits += 1,
                None => c.misses += 1,
            }
            hit
        }) {
            return hit;
        }
        // Extracted outside the lock so columns are worked on in parallel (threads feature).
        let feats = Arc::new(super::extract(col));
        self.with(|c| {
            if c.map.insert(key, feats.clone()).is_none() {
                c.order.push_back(key);
            }
            while c.order.len() > self.capacity {
                if let Some(old) = c.order.pop_front() {
                    c.map.remove(&old);
                }
            }
        });
        feats
    }

    /// (hits, misses) so far, for tests and benchmarks.
    pub fn stats(&self) -> (u64, u64) {
        self.with(|c| (c.hits, c.misses))
    }

    /// Forgets every column (e.g. when a caller wants nothing derived from its data kept).
    pub fn clear(&self) {
        self.with(|c| {
            c.map.clear();
            c.order.clear();
        });
    }

    fn with<T>(&self, f: impl FnOnce(&mut Inner) -> T) -> T {
        // A panic while holding the lock cannot leave the map inconsistent in a way that matters
        // (entries are whole `Arc`s), so a poisoned lock is used as it is.
        let mut guard = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        f(&mut guard)
    }
}

/// Hash of every field of the profile that feature extraction reads (lengths are prefixed, so
/// `["ab","c"]` and `["a","bc"]` differ).
fn key_of(col: &ColumnProfile) -> Key {
    let mut h = Sha256::new();
    let mut put = |bytes: &[u8]| {
        h.update((bytes.len() as u64).to_le_bytes());
        h.update(bytes);
    };
    put(col.name.as_bytes());
    for n in [
        col.rows,
        col.nulls,
        col.non_utf8,
        col.len_sum,
        col.len_min,
        col.len_max,
        col.distinct_estimate(),
        col.sample.len() as u64,
    ] {
        put(&n.to_le_bytes());
    }
    for (s, l) in col.sample.iter().zip(&col.sample_lens) {
        put(s.as_bytes());
        put(&l.to_le_bytes());
    }
    h.finalize().into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column(name: &str, values: &[&str]) -> ColumnProfile {
        let mut c = ColumnProfile::new(name.into(), 0, 100, 7, 256);
        for v in values {
            c.add(v.as_bytes());
        }
        c
    }

    #[test]
    fn same_column_hits_and_gives_the_same_features() {
        let cache = FeatureCache::new(8);
        let a = column("email", &["ann@example.org", "bo@example.com"]);
        let first = cache.get_or_extract(&a);
        let again = cache.get_or_extract(&a.clone());
        assert_eq!(cache.stats(), (1, 1));
        assert!(Arc::ptr_eq(&first, &again));
        assert_eq!(first.values, super::super::extract(&a).values);
    }

    #[test]
    fn any_difference_misses() {
        let cache = FeatureCache::new(8);
        cache.get_or_extract(&column("x", &["ab", "c"]));
        cache.get_or_extract(&column("x", &["a", "bc"]));
        cache.get_or_extract(&column("y", &["ab", "c"]));
        let mut more_rows = column("x", &["ab", "c"]);
        more_rows.add_missing();
        cache.get_or_extract(&more_rows);
        assert_eq!(cache.stats(), (0, 4));
    }

    #[test]
    fn stays_bounded_and_can_be_turned_off_or_cleared() {
        let cache = FeatureCache::new(2);
        for v in ["1", "2", "3"] {
            cache.get_or_extract(&column("n", &[v]));
        }
        // "1" was the oldest and left; "3" is still there.
        cache.get_or_extract(&column("n", &["3"]));
        cache.get_or_extract(&column("n", &["1"]));
        assert_eq!(cache.stats(), (1, 4));
        cache.clear();
        cache.get_or_extract(&column("n", &["3"]));
        assert_eq!(cache.stats(), (1, 5));
        let off = FeatureCache::new(0);
        off.get_or_extract(&column("n", &["3"]));
        off.get_or_extract(&column("n", &["3"]));
        assert_eq!(off.stats(), (0, 0));
    }
}
