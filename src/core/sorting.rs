//! The app's one sort. Every `slice::sort_by` call site with its own closure (and every record
//! type behind a generic one) compiles its own copy of the standard library's sort into the wasm:
//! quicksort, merges and small-sort networks, ~5 KB each. The release build's first module held
//! 209 sort functions, 124 KB of its 1.57 MB of code. Here the standard sort is compiled once, on
//! positions compared through `dyn`, and each call site adds only its keys and a short
//! permutation. Every sort here is stable, like the standard library's `sort_by`.
//!
//! Comparing through `dyn` costs an indirect call per comparison; the largest sort is the
//! 10,000 reflections of the benchmark's plan when it opens, which the benchmark's "Open" row
//! covers.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping equal items in their order.
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let order = sorted_positions(items.len(), &mut |a, b| compare(&items[a], &items[b]));
    permute(items, order);
}

/// Sorts `items` by the key each one gives, keeping equal items in their order. The key is taken
/// once per item, so an expensive key (a lowercased name) costs no more than a cheap one.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl FnMut(&T) -> K) {
    if items.len() < 2 {
        return;
    }
    let keys: Vec<K> = items.iter().map(key).collect();
    let order = sorted_positions(items.len(), &mut |a, b| keys[a].cmp(&keys[b]));
    permute(items, order);
}

/// Sorts `items` in their own order (`Ord`), keeping equal items in their order.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// The positions `0..len` in the order `compare` gives them: the one place the standard sort is
/// instantiated.
#[inline(never)]
#[allow(clippy::disallowed_methods)] // the one place
fn sorted_positions(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// Moves each item to its place: afterwards `items[i]` is the item that was at `order[i]`.
/// Follows each cycle of the permutation with swaps, marking a place done by pointing it at itself.
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..items.len() {
        let mut place = start;
        while order[place] != start {
            let from = order[place];
            items.swap(place, from);
            order[place] = place;
            place = from;
        }
        order[place] = place;
    }
}

// proptest is a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::disallowed_methods)] // the standard sorts are the reference here
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        // Same result as the standard library's stable sort, ties included: the items carry
        // their first position, and only the key is compared.
        #[test]
        fn sorts_like_the_standard_stable_sort(keys in proptest::collection::vec(0u8..8, 0..200)) {
            let items: Vec<(u8, usize)> = keys.iter().copied().zip(0..).collect();
            let mut expected = items.clone();
            expected.sort_by_key(|&(k, _)| k);

            let mut by = items.clone();
            sort_by(&mut by, |a, b| a.0.cmp(&b.0));
            prop_assert_eq!(&by, &expected);

            let mut by_key = items.clone();
            sort_by_key(&mut by_key, |&(k, _)| k);
            prop_assert_eq!(&by_key, &expected);

            let mut plain = items;
            sort(&mut plain);
            let mut sorted = expected;
            sorted.sort();
            prop_assert_eq!(plain, sorted);
        }
    }

    #[test]
    fn names_sort_by_their_lowercased_key() {
        let mut names = vec!["Ruth".to_string(), "ada".into(), "Lin".into()];
        sort_by_key(&mut names, |n| n.to_lowercase());
        assert_eq!(names, ["ada", "Lin", "Ruth"]);
    }
}
