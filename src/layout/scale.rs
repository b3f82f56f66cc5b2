//! Linear scales from data values to lengths on screen, and round axis maxima.

/// Maps [0, domain_max] onto [0, range] linearly. Bars start at zero: a
/// truncated axis would exaggerate differences.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LinearScale {
    domain_max: f64,
    range: f64,
}

impl LinearScale {
    pub fn new(domain_max: f64, range: f64) -> Self {
        LinearScale { domain_max, range: range.max(0.0) }
    }

    pub fn apply(&self, value: f64) -> f64 {
        if self.domain_max <= 0.0 || !value.is_finite() {
            return 0.0;
        }
        (value / self.domain_max).clamp(0.0, 1.0) * self.range
    }
}

/// The smallest of 1, 2, 2.5, 5 × 10ⁿ at or above `v`: a round axis maximum.
pub fn nice_ceiling(v: f64) -> f64 {
    if !(v.is_finite() && v > 0.0) {
        return 1.0;
    }
    let mag = 10f64.powf(v.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0].iter().map(|m| m * mag).find(|c| *c >= v * (1.0 - 1e-12)).unwrap_or(10.0 * mag)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn proportional_from_zero() {
        let s = LinearScale::new(80.0, 200.0);
        assert_eq!(s.apply(80.0), 200.0);
        assert_eq!(s.apply(20.0), 50.0);
        assert_eq!(s.apply(0.0), 0.0);
    }

    #[test]
    fn nice_ceilings_are_round_and_never_below_the_value() {
        for (v, nice) in [(0.7, 1.0), (1.0, 1.0), (1.5, 2.0), (2.2, 2.5), (3.0, 5.0), (7.0, 10.0), (5200.0, 10000.0)] {
            assert_eq!(nice_ceiling(v), nice, "{v}");
        }
        assert_eq!(nice_ceiling(0.0), 1.0);
        assert_eq!(nice_ceiling(f64::NAN), 1.0);
    }

    #[test]
    fn degenerate_inputs_give_zero_not_nan() {
        assert_eq!(LinearScale::new(0.0, 100.0).apply(5.0), 0.0);
        assert_eq!(LinearScale::new(10.0, -5.0).apply(5.0), 0.0);
        assert_eq!(LinearScale::new(10.0, 100.0).apply(f64::NAN), 0.0);
    }
}
