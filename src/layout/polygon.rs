//! Planar polygon helpers in screen space: containment, area, and clipping a
//! line against a polygon (for hatching). Rings are open point lists.

pub type Pt = (f64, f64);

/// Even-odd containment over all rings (parts and holes alike).
pub fn contains(rings: &[Vec<Pt>], p: Pt) -> bool {
    let mut inside = false;
    for ring in rings {
        let n = ring.len();
        for i in 0..n {
            let (a, b) = (ring[i], ring[(i + 1) % n]);
            if (a.1 > p.1) != (b.1 > p.1) {
                let x = a.0 + (p.1 - a.1) / (b.1 - a.1) * (b.0 - a.0);
                if p.0 < x {
                    inside = !inside;
                }
            }
        }
    }
    inside
}

/// Signed shoelace area of one ring (positive when counter-clockwise in a
/// y-up frame).
pub fn signed_area(ring: &[Pt]) -> f64 {
    let n = ring.len();
    (0..n).map(|i| ring[i].0 * ring[(i + 1) % n].1 - ring[(i + 1) % n].0 * ring[i].1).sum::<f64>() / 2.0
}

/// Pieces of the 45° hatch lines (x + y = c, spaced `gap` apart measured
/// across the lines) that lie inside the rings, by even-odd crossing.
pub fn hatch(rings: &[Vec<Pt>], gap: f64) -> Vec<(Pt, Pt)> {
    let sums = rings.iter().flatten().map(|p| p.0 + p.1);
    let (lo, hi) = sums.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), u| (lo.min(u), hi.max(u)));
    if !lo.is_finite() || gap <= 0.0 {
        return Vec::new();
    }
    let step = gap * std::f64::consts::SQRT_2;
    let mut out = Vec::new();
    // Lines sit on a fixed grid (multiples of step), so hatching lines up across neighbours.
    let mut c = (lo / step).ceil() * step;
    while c < hi {
        let mut xs: Vec<f64> = Vec::new();
        for ring in rings {
            let n = ring.len();
            for i in 0..n {
                let (a, b) = (ring[i], ring[(i + 1) % n]);
                let (ua, ub) = (a.0 + a.1, b.0 + b.1);
                if (ua < c) != (ub < c) {
                    let s = (c - ua) / (ub - ua);
                    xs.push(a.0 + s * (b.0 - a.0));
                }
            }
        }
        super::sort_by(&mut xs, f64::total_cmp);
        for pair in xs.chunks_exact(2) {
            out.push(((pair[0], c - pair[0]), (pair[1], c - pair[1])));
        }
        c += step;
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn square() -> Vec<Vec<Pt>> {
        vec![vec![(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)]]
    }

    #[test]
    fn containment_and_area() {
        assert!(contains(&square(), (5.0, 5.0)));
        assert!(!contains(&square(), (15.0, 5.0)));
        assert_eq!(signed_area(&square()[0]), 100.0);
        let with_hole = vec![square()[0].clone(), vec![(4.0, 4.0), (6.0, 4.0), (6.0, 6.0), (4.0, 6.0)]];
        assert!(!contains(&with_hole, (5.0, 5.0)));
    }

    #[test]
    fn hatch_segments_stay_inside() {
        let segments = hatch(&square(), 2.0);
        // x + y spans 0..20 and lines are 2·√2 apart along it: 7 lines.
        assert_eq!(segments.len(), 7);
        for (a, b) in segments {
            let mid = ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
            assert!(contains(&square(), mid));
            for p in [a, b] {
                assert!(p.0 >= -1e-9 && p.0 <= 10.0 + 1e-9 && p.1 >= -1e-9 && p.1 <= 10.0 + 1e-9, "{p:?}");
            }
        }
        assert!(hatch(&[], 2.0).is_empty());
    }
}
