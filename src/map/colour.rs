//! The choropleth's colour scale: ColorBrewer's sequential Blues (via
//! colorous, from d3-scale-chromatic), readable with the common forms of
//! colour blindness because it varies in lightness, not hue.

use crate::theme::Rgba;

/// The lightest and darkest ends used: the very light end of Blues would be
/// hard to tell from the page, and from the not-reported grey.
const T_MIN: f64 = 0.22;
const T_MAX: f64 = 0.95;

/// Linear from zero: a county with twice the figure is twice as far along
/// the ramp. Zero itself would get the lightest blue, never the hatch.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ColourScale {
    pub max: f64,
}

impl ColourScale {
    pub fn new(max: f64) -> Self {
        ColourScale { max }
    }

    /// Position on the ramp, in [0, 1].
    pub fn position(&self, value: f64) -> f64 {
        if self.max > 0.0 && value.is_finite() {
            (value / self.max).clamp(0.0, 1.0)
        } else {
            0.0
        }
    }

    pub fn colour(&self, value: f64) -> Rgba {
        ramp(self.position(value))
    }
}

/// The colour at position `t` in [0, 1] of the ramp.
pub fn ramp(t: f64) -> Rgba {
    let c = colorous::BLUES.eval_continuous(crate::anim::lerp(T_MIN, T_MAX, t.clamp(0.0, 1.0)));
    Rgba::rgb(c.r, c.g, c.b)
}

/// Mixes two colours; `t` = 0 gives `a`, 1 gives `b` (for tweens).
pub fn mix(a: Rgba, b: Rgba, t: f64) -> Rgba {
    a.mix(b, t)
}

// Map labels sit on a translucent plate (`Palette::label_plate`): no single
// text colour reaches 4.5:1 on every blue of the ramp, but ink on the plate does.

/// What `top` (with alpha) looks like over the opaque `bottom`.
pub fn over(top: Rgba, bottom: Rgba) -> Rgba {
    mix(Rgba(bottom.0, bottom.1, bottom.2, 1.0), Rgba(top.0, top.1, top.2, 1.0), top.3)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::theme::{contrast, DARK, LIGHT};

    fn lightness(c: Rgba) -> f64 {
        0.2126 * f64::from(c.0) + 0.7152 * f64::from(c.1) + 0.0722 * f64::from(c.2)
    }

    #[test]
    fn darker_means_more() {
        let scale = ColourScale::new(4380.0);
        let mut last = f64::INFINITY;
        for v in [0.0, 165.0, 1075.0, 2000.0, 4380.0] {
            let l = lightness(scale.colour(v));
            assert!(l < last, "not darker at {v}");
            last = l;
        }
        assert_eq!(scale.position(1075.0), 1075.0 / 4380.0);
    }

    #[test]
    fn zero_is_a_colour_distinct_from_not_reported() {
        let zero = ColourScale::new(10.0).colour(0.0);
        for p in [&LIGHT, &DARK] {
            assert_ne!(zero, p.not_reported);
            assert!(contrast(zero, p.not_reported) > 1.1);
        }
    }

    #[test]
    fn labels_stay_readable_on_every_fill_in_both_themes() {
        for p in [&LIGHT, &DARK] {
            for i in 0..=20 {
                let fill = ramp(f64::from(i) / 20.0);
                let plate = over(p.label_plate, fill);
                assert!(contrast(p.label_ink, plate) >= 4.5, "label contrast on {fill:?}");
            }
            for ground in [p.hatch, p.not_reported] {
                assert!(contrast(p.label_ink, over(p.label_plate, ground)) >= 4.5);
            }
        }
    }

    #[test]
    fn degenerate_scales_do_not_panic() {
        assert_eq!(ColourScale::new(0.0).position(5.0), 0.0);
        assert_eq!(ColourScale::new(10.0).position(f64::NAN), 0.0);
        assert_eq!(mix(ramp(0.0), ramp(1.0), 1.0), ramp(1.0));
    }
}
