//! Pure layout maths: scales and text. No DOM, no drawing.

pub mod labels;
pub mod polygon;
pub mod scale;
pub mod text;

use std::cmp::Ordering;

/// An axis-aligned box in CSS px: label boxes, hotspots, the map's frame.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn overlaps(&self, o: &Rect) -> bool {
        self.x < o.x + o.w && o.x < self.x + self.w && self.y < o.y + o.h && o.y < self.y + self.h
    }

    pub fn inflate(&self, m: f64) -> Rect {
        Rect { x: self.x - m, y: self.y - m, w: self.w + 2.0 * m, h: self.h + 2.0 * m }
    }

    pub fn within(&self, o: &Rect) -> bool {
        self.x >= o.x && self.y >= o.y && self.x + self.w <= o.x + o.w && self.y + self.h <= o.y + o.h
    }

    /// Whether `p` lies in the box grown by `margin`, edges included.
    pub fn holds(&self, p: (f64, f64), margin: f64) -> bool {
        p.0 >= self.x - margin
            && p.0 <= self.x + self.w + margin
            && p.1 >= self.y - margin
            && p.1 <= self.y + self.h + margin
    }
}

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
