//! A canvas whose backing store is CSS size × devicePixelRatio, painted
//! from scenes in device pixels (plotters' canvas backend ignores DPR, plotters#164).

use wasm_bindgen::prelude::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use super::dom;
use crate::scene::{self, Scene};

pub struct Surface {
    pub canvas: HtmlCanvasElement,
    pub dpr: f64,
}

impl Surface {
    pub fn new() -> Result<Surface, JsValue> {
        let canvas: HtmlCanvasElement = dom::create("canvas")?;
        dom::set_style(&canvas, &[("display", "block")]);
        Ok(Surface { canvas, dpr: 1.0 })
    }

    /// Sets the CSS size and the backing store (CSS × DPR).
    pub fn resize(&mut self, css_w: f64, css_h: f64, dpr: f64) {
        self.dpr = dpr;
        let (w, h) = ((css_w * dpr).round() as u32, (css_h * dpr).round() as u32);
        if self.canvas.width() != w {
            self.canvas.set_width(w);
        }
        if self.canvas.height() != h {
            self.canvas.set_height(h);
        }
        dom::set_style(
            &self.canvas,
            &[("width", &crate::format::css_px(css_w)), ("height", &crate::format::css_px(css_h))],
        );
    }

    pub fn paint(&self, scene: &Scene) {
        if let Some(mut backend) = super::canvas::Canvas2d::new(&self.canvas) {
            if let Err(e) = scene::paint(&mut backend, scene, self.dpr) {
                web_sys::console::warn_1(&JsValue::from_str(&format!("ankang: draw failed: {e}")));
            }
        }
    }

    pub fn context(&self) -> Option<CanvasRenderingContext2d> {
        self.canvas.get_context("2d").ok().flatten()?.dyn_into().ok()
    }

    /// A pointer's client position → (CSS px, device px) within the canvas,
    /// measured against the canvas's current box so it stays right after
    /// resizes, zoom and DPR changes.
    pub fn locate(&self, client_x: f64, client_y: f64) -> ((f64, f64), (f64, f64)) {
        let rect = self.canvas.get_bounding_client_rect();
        let (cx, cy) = (client_x - rect.left(), client_y - rect.top());
        let sx = if rect.width() > 0.0 { f64::from(self.canvas.width()) / rect.width() } else { self.dpr };
        let sy = if rect.height() > 0.0 { f64::from(self.canvas.height()) / rect.height() } else { self.dpr };
        ((cx, cy), (cx * sx, cy * sy))
    }
}
