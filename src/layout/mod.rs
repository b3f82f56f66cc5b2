//! Pure layout maths: scales and text. No DOM, no drawing.

pub mod labels;
pub mod polygon;
pub mod scale;
pub mod text;

use std::cmp::Ordering;

/// A stable sort for the few short lists the layouts order (ten counties,
/// a scan line's crossings): insertion sort, the same order as
/// `slice::sort_by`, in a few dozen bytes per use where each `sort_by`
/// brings ~3 KB of merge-sort code into the module.
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && cmp(&v[j], &v[j - 1]) == Ordering::Less {
            v.swap(j, j - 1);
            j -= 1;
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    #[test]
    fn sorts_like_the_standard_stable_sort() {
        let mut seed = 7u64;
        for n in 0..40 {
            let v: Vec<(u64, usize)> = (0..n)
                .map(|i| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    ((seed >> 60) % 5, i)
                })
                .collect();
            let (mut ours, mut std) = (v.clone(), v);
            super::sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            std.sort_by_key(|a| a.0);
            assert_eq!(ours, std, "ties keep their order");
        }
    }
}
