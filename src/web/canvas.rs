//! The scenes' painter on a 2D canvas: plotters' `DrawingBackend`, making
//! the same canvas calls with the same strings as plotters-canvas 0.3.1
//! (MIT), whose place it takes, so every pixel is the same. What differs:
//! a colour, line width, font, alignment or baseline is set only when it
//! changes. plotters-canvas formats and sets "rgba(…)" (and the font) for
//! every shape; a frame of one chart has ~100 shapes in a handful of
//! colours, so most of those strings, their formatting and the canvas's
//! parsing of them were per-frame work for nothing.
//!
//! One `Canvas2d` lives for one paint: what it remembers is what it set
//! itself, and nothing else draws on the context in between.

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontTransform,
};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// A canvas call that threw (the context is lost, say).
#[derive(Debug)]
pub struct CanvasError(String);

impl std::fmt::Display for CanvasError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("canvas error: ")?;
        f.write_str(&self.0)
    }
}

impl std::error::Error for CanvasError {}

fn error(e: JsValue) -> DrawingErrorKind<CanvasError> {
    DrawingErrorKind::DrawingError(CanvasError(e.as_string().unwrap_or_else(|| String::from("(not a string)"))))
}

type Colour = ((u8, u8, u8), u64);

pub struct Canvas2d {
    size: (u32, u32),
    context: CanvasRenderingContext2d,
    fill: Option<Colour>,
    stroke: Option<Colour>,
    line_width: Option<u32>,
    /// The font last set: weight, size's bits, family.
    font: Option<(String, u64, String)>,
    /// textAlign and textBaseline as last set (HPos and VPos have no `==`).
    align: Option<&'static str>,
    baseline: Option<&'static str>,
}

impl Canvas2d {
    pub fn new(canvas: &HtmlCanvasElement) -> Option<Self> {
        let context: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
        Some(Canvas2d {
            size: (canvas.width(), canvas.height()),
            context,
            fill: None,
            stroke: None,
            line_width: None,
            font: None,
            align: None,
            baseline: None,
        })
    }

    /// A new path through `points` (closed when `close`), ready to stroke or fill.
    fn trace<I: IntoIterator<Item = BackendCoord>>(&self, points: I, close: bool) {
        let mut points = points.into_iter();
        self.context.begin_path();
        if let Some(start) = points.next() {
            self.context.move_to(f64::from(start.0), f64::from(start.1));
            for next in points {
                self.context.line_to(f64::from(next.0), f64::from(next.1));
            }
            if close {
                self.context.close_path();
            }
        }
    }

    fn set_fill(&mut self, color: BackendColor) {
        let key = (color.rgb, color.alpha.to_bits());
        if self.fill != Some(key) {
            self.fill = Some(key);
            self.context.set_fill_style_str(&css_colour(color));
        }
    }

    fn set_line_style(&mut self, style: &impl BackendStyle) {
        let color = style.color();
        let key = (color.rgb, color.alpha.to_bits());
        if self.stroke != Some(key) {
            self.stroke = Some(key);
            self.context.set_stroke_style_str(&css_colour(color));
        }
        let width = style.stroke_width();
        if self.line_width != Some(width) {
            self.line_width = Some(width);
            self.context.set_line_width(f64::from(width));
        }
    }
}

/// plotters-canvas's colour string, to the byte.
fn css_colour(color: BackendColor) -> String {
    let (r, g, b) = color.rgb;
    format!("rgba({},{},{},{})", r, g, b, color.alpha)
}

impl DrawingBackend for Canvas2d {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<(), DrawingErrorKind<CanvasError>> {
        if color.alpha == 0.0 {
            return Ok(());
        }
        self.set_fill(color);
        self.context.fill_rect(f64::from(point.0), f64::from(point.1), 1.0, 1.0);
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let (x, y) = (f64::from(upper_left.0), f64::from(upper_left.1));
        let (w, h) = (f64::from(bottom_right.0 - upper_left.0), f64::from(bottom_right.1 - upper_left.1));
        if fill {
            self.set_fill(style.color());
            self.context.fill_rect(x, y, w, h);
        } else {
            self.set_line_style(style);
            self.context.stroke_rect(x, y, w, h);
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.set_line_style(style);
        self.trace(path, false);
        self.context.stroke();
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.set_fill(style.color());
        self.trace(path, true);
        self.context.fill();
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        if fill {
            self.set_fill(style.color());
        } else {
            self.set_line_style(style);
        }
        self.context.begin_path();
        self.context
            .arc(f64::from(center.0), f64::from(center.1), f64::from(radius), 0.0, std::f64::consts::PI * 2.0)
            .map_err(error)?;
        if fill {
            self.context.fill();
        } else {
            self.context.stroke();
        }
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let (mut x, mut y) = (pos.0, pos.1);
        let degree = match style.transform() {
            FontTransform::None => 0.0,
            FontTransform::Rotate90 => 90.0,
            FontTransform::Rotate180 => 180.0,
            FontTransform::Rotate270 => 270.0,
        } / 180.0
            * std::f64::consts::PI;
        if degree != 0.0 {
            self.context.save();
            self.context.translate(f64::from(x), f64::from(y)).map_err(error)?;
            self.context.rotate(degree).map_err(error)?;
            // save/restore resets what was set inside; forget it.
            (x, y) = (0, 0);
        }
        let anchor = style.anchor();
        let baseline = match anchor.v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        };
        if self.baseline != Some(baseline) {
            self.baseline = Some(baseline);
            self.context.set_text_baseline(baseline);
        }
        let align = match anchor.h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "center",
        };
        if self.align != Some(align) {
            self.align = Some(align);
            self.context.set_text_align(align);
        }
        self.set_fill(color);
        let (weight, size, family) = (style.style(), style.size(), style.family());
        let (weight, family) = (weight.as_str(), family.as_str());
        if self.font.as_ref().is_none_or(|(w, s, f)| w != weight || *s != size.to_bits() || f != family) {
            self.context.set_font(&format!("{weight} {size}px {family}"));
            self.font = Some((weight.to_owned(), size.to_bits(), family.to_owned()));
        }
        self.context.fill_text(text, f64::from(x), f64::from(y)).map_err(error)?;
        if degree != 0.0 {
            self.context.restore();
            (self.fill, self.stroke, self.line_width, self.align, self.baseline) = (None, None, None, None, None);
            self.font = None;
        }
        Ok(())
    }
}
