//! The value axis under bars: a rule from zero to the scale's maximum.

use super::Ctx;
use crate::data::Unit;
use crate::format;
use crate::layout::text;
use crate::scene::{Align, Font, Scene};
use crate::theme::{Ink, Inks};

/// A value axis under bars: a rule from zero to the scale's maximum, both
/// ends ticked and labelled.
#[derive(Clone, Debug, PartialEq)]
pub struct Axis {
    pub x: f64,
    pub y: f64,
    pub length: f64,
    pub max: f64,
    pub zero_text: String,
    pub max_text: String,
    pub size: f64,
}

impl Axis {
    /// An axis at `y` for a scale of `length` px from 0 to `max` (in `unit`).
    pub fn new(ctx: &Ctx, x: f64, y: f64, length: f64, max: f64, unit: Unit) -> Self {
        let lang = ctx.lang;
        let zero_text = format::value(0.0, unit, crate::data::Qualifier::Exact, lang);
        let max_text = format::value(max, unit, crate::data::Qualifier::Exact, lang);
        Axis { x, y, length, max, zero_text, max_text, size: ctx.body_size() - 2.0 }
    }

    /// Below the axis' labels.
    pub fn bottom(&self) -> f64 {
        self.y + 7.0 + text::line_height(self.size)
    }

    pub fn draw(&self, scene: &mut Scene<Ink>, p: &Inks) {
        scene.rect(self.x, self.y, self.length, 1.0, p.rule);
        scene.rect(self.x, self.y, 1.0, 5.0, p.muted);
        scene.rect(self.x + self.length - 1.0, self.y, 1.0, 5.0, p.muted);
        let font = Font::regular(self.size);
        let ty = self.y + 7.0;
        scene.text(self.x, ty, self.zero_text.clone(), font, p.muted, Align::Left);
        scene.text(self.x + self.length, ty, self.max_text.clone(), font, p.muted, Align::Right);
    }
}
