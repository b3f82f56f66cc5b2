//! The view: everything besides the data that decides what a frame shows.
//! Clicks, resizes and settings only change this struct.

use crate::data::Lang;
use crate::theme::Theme;

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
    /// A usable width: tiny or broken container sizes fall back to the
    /// narrowest phone layout rather than producing an empty frame.
    pub fn layout_width(&self) -> f64 {
        if self.width.is_finite() && self.width >= 1.0 {
            self.width.min(4096.0)
        } else {
            320.0
        }
    }

    pub fn layout_dpr(&self) -> f64 {
        if self.dpr.is_finite() && self.dpr > 0.0 {
            self.dpr.clamp(0.5, 4.0)
        } else {
            1.0
        }
    }
}
