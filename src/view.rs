//! The view: everything besides the data that decides what a frame shows.
//! Clicks, resizes and settings only change this struct.

use crate::data::Lang;
use crate::theme::Theme;

/// A usable layout width: tiny or broken container sizes fall back to the
/// narrowest phone layout rather than producing an empty frame, and huge
/// ones stop at 4096 px. Every layout clamps its width through this.
pub fn usable_width(width: f64) -> f64 {
    if width.is_finite() && width >= 1.0 {
        width.min(4096.0)
    } else {
        320.0
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    /// Width available to the graphic, in CSS pixels.
    pub width: f64,
    /// Device pixels per CSS pixel.
    pub dpr: f64,
    pub lang: Lang,
    /// Draw final states at once (prefers-reduced-motion, or switched off).
    pub reduced_motion: bool,
    pub theme: Theme,
}

impl Default for View {
    fn default() -> Self {
        View { width: 640.0, dpr: 1.0, lang: Lang::Zh, reduced_motion: false, theme: Theme::Light }
    }
}

impl View {
    /// The width to lay the graphic out at (see `usable_width`).
    pub fn layout_width(&self) -> f64 {
        usable_width(self.width)
    }

    pub fn layout_dpr(&self) -> f64 {
        if self.dpr.is_finite() && self.dpr > 0.0 {
            self.dpr.clamp(0.5, 4.0)
        } else {
            1.0
        }
    }
}
