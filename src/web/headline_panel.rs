//! The headline chart in its canvas, with its entry animation.

use wasm_bindgen::prelude::*;

use super::surface::Surface;
use crate::charts::headline::HeadlineLayout;
use crate::charts::{Chart, Ctx};
use crate::data::Dataset;
use crate::view::View;

pub struct HeadlinePanel {
    pub surface: Surface,
    pub layout: HeadlineLayout,
    /// rAF time of the first entry frame; None before it.
    started_at: Option<f64>,
    done: bool,
}

impl HeadlinePanel {
    pub fn new(data: &Dataset, view: &View) -> Result<Self, JsValue> {
        let surface = Surface::new()?;
        let _ = surface.canvas.set_attribute("role", "img");
        let layout = HeadlineLayout::new(&Ctx::new(data, view, view.layout_width()));
        Ok(HeadlinePanel { surface, layout, started_at: None, done: view.reduced_motion })
    }

    pub fn fit(&mut self, data: &Dataset, view: &View) {
        self.layout = HeadlineLayout::new(&Ctx::new(data, view, view.layout_width()));
        self.surface.resize(self.layout.width, self.layout.height, view.layout_dpr());
        let canvas = &self.surface.canvas;
        let _ = canvas.set_attribute("aria-label", &self.layout.describe());
        let _ = canvas.set_attribute("lang", view.lang.code());
    }

    pub fn animating(&self) -> bool {
        !self.done
    }

    /// Draws the frame for rAF time `now` (or the settled frame once done).
    pub fn draw(&mut self, now: Option<f64>) {
        let elapsed = match (self.done, now) {
            (false, Some(now)) => now - *self.started_at.get_or_insert(now),
            (false, None) => 0.0,
            (true, _) => f64::INFINITY,
        };
        if elapsed >= self.layout.entry_ms() {
            self.done = true;
        }
        self.surface.paint(&self.layout.frame(elapsed));
    }
}
