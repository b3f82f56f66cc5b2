//! Time → progress. A frame is the layout at progress t in [0, 1]; reduced
//! motion simply asks for t = 1.

/// Length of an element's entry tween.
pub const ENTRY_MS: f64 = 700.0;
/// Delay between successive elements' entries.
pub const STAGGER_MS: f64 = 120.0;

/// The one linear interpolation: `a` at t = 0, `b` at t = 1. Colours,
/// bar lengths, positions, counters and tweens all go through it.
pub fn lerp(a: f64, b: f64, t: f64) -> f64 {
    a + (b - a) * t
}

/// Cubic ease-in-out: slow start, slow finish, symmetric.
pub fn ease_in_out_cubic(t: f64) -> f64 {
    let t = t.clamp(0.0, 1.0);
    if t < 0.5 {
        4.0 * t * t * t
    } else {
        1.0 - (-2.0 * t + 2.0).powi(3) / 2.0
    }
}

/// Eased progress of the `index`-th element `elapsed_ms` after entry began.
pub fn staggered(elapsed_ms: f64, index: usize) -> f64 {
    ease_in_out_cubic((elapsed_ms - index as f64 * STAGGER_MS) / ENTRY_MS)
}

/// When the last of `count` staggered elements has finished.
pub fn entry_total_ms(count: usize) -> f64 {
    ENTRY_MS + count.saturating_sub(1) as f64 * STAGGER_MS
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn easing_is_monotone_and_hits_both_ends() {
        assert_eq!(ease_in_out_cubic(0.0), 0.0);
        assert_eq!(ease_in_out_cubic(1.0), 1.0);
        let mut last = 0.0;
        for i in 1..=1000 {
            let v = ease_in_out_cubic(i as f64 / 1000.0);
            assert!(v >= last, "not monotone at {i}");
            last = v;
        }
        assert_eq!(ease_in_out_cubic(-3.0), 0.0);
        assert_eq!(ease_in_out_cubic(7.0), 1.0);
    }

    #[test]
    fn stagger_delays_later_elements_and_all_finish() {
        assert!(staggered(300.0, 0) > staggered(300.0, 2));
        let end = entry_total_ms(6);
        for i in 0..6 {
            assert_eq!(staggered(end, i), 1.0);
        }
        assert!(end <= 1400.0, "entry should take about a second, not {end} ms");
    }
}
