//! Sorting with one copy of the standard library's sort in a binary.
//!
//! `slice::sort_by` is generic over both the item and the comparison, so every
//! call site compiles a copy of the standard library's driftsort: about 5 kB of
//! wasm each, and the page's 17 copies were 62 kB of its code. These functions
//! sort the items' positions instead, always with the same comparison type (a
//! `dyn FnMut` over positions), so that sort is compiled once; then they put
//! the items in that order. Each call site keeps only a small adapter. All of
//! them are stable: items that compare equal keep their order.
//!
//! `collect` into a `BTreeMap` or `BTreeSet` sorts too (a copy per key and
//! value type), so maps and sets are built with [`map`] and [`set`], which
//! insert one by one.
//!
//! The core and the app sort through here; `clippy.toml` forbids the slice
//! methods so that a new call site cannot bring a copy back unnoticed (a
//! `collect` into a map it cannot see: the bundle-size budget does).

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

/// Sorts `items` by `compare`, stably.
pub fn sort_by<T>(items: &mut Vec<T>, mut compare: impl FnMut(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let order = {
        let all = &*items;
        positions_in_order(all.len(), &mut |a, b| compare(&all[a], &all[b]))
    };
    rearrange(items, &order);
}

/// Sorts `items` by the key `key` gives each, stably.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their natural order, stably.
pub fn sort<T: Ord>(items: &mut Vec<T>) {
    sort_by(items, T::cmp);
}

/// Sorts `items` and removes repeats.
pub fn sort_dedup<T: Ord>(items: &mut Vec<T>) {
    sort(items);
    items.dedup();
}

/// A map of `pairs`, as `collect` makes it (of two equal keys, the later
/// value stays), without `collect`'s sort.
pub fn map<K: Ord, V>(pairs: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut out = BTreeMap::new();
    for (key, value) in pairs {
        out.insert(key, value);
    }
    out
}

/// A set of `items`, as `collect` makes it, without `collect`'s sort.
pub fn set<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut out = BTreeSet::new();
    for item in items {
        out.insert(item);
    }
    out
}

/// The positions `0..n` in the order `compare` puts the items there in. Not
/// generic: the one place the standard library's sort is instantiated.
#[inline(never)]
fn positions_in_order(n: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    #[allow(clippy::disallowed_methods)]
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// Puts `items` in `order` (a permutation of their positions).
fn rearrange<T>(items: &mut Vec<T>, order: &[usize]) {
    let mut slots: Vec<Option<T>> = std::mem::take(items).into_iter().map(Some).collect();
    items.extend(order.iter().filter_map(|&i| slots.get_mut(i).and_then(Option::take)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_library_and_keeps_ties_in_order() {
        // Pseudo-random pairs: the key repeats, so stability shows in the second field.
        let mut x: u32 = 12345;
        let mut items: Vec<(u32, usize)> = (0..2000)
            .map(|i| {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                ((x >> 16) % 50, i)
            })
            .collect();
        let mut expected = items.clone();
        #[allow(clippy::disallowed_methods)]
        expected.sort_by_key(|p| p.0);
        sort_by_key(&mut items, |p| p.0);
        assert_eq!(items, expected);
    }

    #[test]
    fn sort_by_reverses_and_handles_short_lists() {
        let mut v = vec![3.5, -1.0, 2.25, 10.0];
        sort_by(&mut v, |a: &f64, b| b.total_cmp(a));
        assert_eq!(v, vec![10.0, 3.5, 2.25, -1.0]);
        let mut one = vec!["only"];
        sort(&mut one);
        assert_eq!(one, vec!["only"]);
        let mut none: Vec<u8> = Vec::new();
        sort(&mut none);
        assert!(none.is_empty());
    }

    #[test]
    fn sort_dedup_leaves_each_value_once() {
        let mut v = vec!["b", "a", "c", "a", "b"];
        sort_dedup(&mut v);
        assert_eq!(v, vec!["a", "b", "c"]);
    }

    #[test]
    fn maps_and_sets_match_collect() {
        let pairs = [("b", 1), ("a", 2), ("b", 3), ("c", 4)];
        assert_eq!(map(pairs), pairs.into_iter().collect::<BTreeMap<_, _>>());
        let items = [5, 1, 5, 3];
        assert_eq!(set(items), items.into_iter().collect::<BTreeSet<_>>());
    }

    #[test]
    fn strings_sort_and_nothing_is_lost() {
        let mut v: Vec<String> = ["c12", "c2", "c1", "g3", "c2"].iter().map(|s| (*s).to_owned()).collect();
        sort(&mut v);
        assert_eq!(v, vec!["c1", "c12", "c2", "c2", "g3"]);
    }
}
