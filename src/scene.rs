//! A scene is a chart frame as plain data: rectangles and text in CSS pixels.
//! Charts build scenes (pure, testable) in colour roles (`Scene<Ink>`);
//! `resolve` gives them a theme's palette, and `paint` draws the result on
//! any plotters `DrawingBackend`: the canvas in the browser, SVG natively.

use plotters::prelude::DrawingBackend;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{FontDesc, FontFamily, FontStyle, RGBAColor, ShapeStyle, TextStyle};
use plotters_backend::DrawingErrorKind;

use crate::theme::{Ink, Palette, Rgba, FONT_STACK};

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Align {
    Left,
    Center,
    Right,
}

/// Size in CSS px and weight of a text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Font {
    pub size: f64,
    pub bold: bool,
}

impl Font {
    pub const fn regular(size: f64) -> Self {
        Font { size, bold: false }
    }

    pub const fn bold(size: f64) -> Self {
        Font { size, bold: true }
    }
}

/// A shape in colour `C`: concrete (`Rgba`, ready to paint) or `Ink`.
#[derive(Clone, Debug, PartialEq)]
pub enum Shape<C = Rgba> {
    Rect {
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        fill: C,
    },
    /// A filled polygon (one ring; holes are not needed here).
    Polygon {
        points: Vec<(f64, f64)>,
        fill: C,
    },
    /// An open polyline; `closed` repeats the first point at the end.
    Path {
        points: Vec<(f64, f64)>,
        stroke: C,
        width: f64,
        closed: bool,
    },
    Circle {
        x: f64,
        y: f64,
        r: f64,
        fill: C,
    },
    /// `y` is the top of the text box.
    Text {
        x: f64,
        y: f64,
        text: String,
        size: f64,
        bold: bool,
        color: C,
        align: Align,
    },
}

impl<C> Shape<C> {
    /// The same shape with each colour passed through `f`.
    pub fn map_colour<D>(self, mut f: impl FnMut(C) -> D) -> Shape<D> {
        match self {
            Shape::Rect { x, y, w, h, fill } => Shape::Rect { x, y, w, h, fill: f(fill) },
            Shape::Polygon { points, fill } => Shape::Polygon { points, fill: f(fill) },
            Shape::Path { points, stroke, width, closed } => Shape::Path { points, stroke: f(stroke), width, closed },
            Shape::Circle { x, y, r, fill } => Shape::Circle { x, y, r, fill: f(fill) },
            Shape::Text { x, y, text, size, bold, color, align } => {
                Shape::Text { x, y, text, size, bold, color: f(color), align }
            }
        }
    }
}

/// A frame: concrete colours by default, `Scene<Ink>` as layouts build it.
#[derive(Clone, Debug, PartialEq)]
pub struct Scene<C = Rgba> {
    pub width: f64,
    pub height: f64,
    pub background: C,
    pub shapes: Vec<Shape<C>>,
}

impl Scene<Ink> {
    /// The scene in `palette`'s colours, ready to paint.
    pub fn resolve(self, palette: &Palette) -> Scene {
        Scene {
            width: self.width,
            height: self.height,
            background: palette.resolve(self.background),
            shapes: self.shapes.into_iter().map(|s| s.map_colour(|ink| palette.resolve(ink))).collect(),
        }
    }
}

impl<C> Scene<C> {
    pub fn new(width: f64, height: f64, background: C) -> Self {
        Scene { width, height, background, shapes: Vec::new() }
    }

    pub fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, fill: impl Into<C>) {
        self.shapes.push(Shape::Rect { x, y, w, h, fill: fill.into() });
    }

    pub fn text(&mut self, x: f64, y: f64, text: impl Into<String>, font: Font, color: impl Into<C>, align: Align) {
        let text = text.into();
        let Font { size, bold } = font;
        self.shapes.push(Shape::Text { x, y, text, size, bold, color: color.into(), align });
    }

    pub fn polygon(&mut self, points: Vec<(f64, f64)>, fill: impl Into<C>) {
        self.shapes.push(Shape::Polygon { points, fill: fill.into() });
    }

    pub fn path(&mut self, points: Vec<(f64, f64)>, stroke: impl Into<C>, width: f64, closed: bool) {
        self.shapes.push(Shape::Path { points, stroke: stroke.into(), width, closed });
    }

    pub fn circle(&mut self, x: f64, y: f64, r: f64, fill: impl Into<C>) {
        self.shapes.push(Shape::Circle { x, y, r, fill: fill.into() });
    }

    /// All texts, in drawing order (for tests and accessible summaries).
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.shapes.iter().filter_map(|s| match s {
            Shape::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
    }
}

fn color(c: Rgba) -> RGBAColor {
    RGBAColor(c.0, c.1, c.2, c.3)
}

/// Draws `scene` scaled by `dpr` (device pixels per CSS pixel), filling the
/// backend with the scene's background first. Edges are rounded once, after
/// scaling, so shapes stay crisp at any DPR.
pub fn paint<DB: DrawingBackend>(
    backend: &mut DB,
    scene: &Scene,
    dpr: f64,
) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
    let (w, h) = backend.get_size();
    backend.draw_rect((0, 0), (w as i32, h as i32), &color(scene.background), true)?;
    // The whole backend is the scene's ground already: a second fill of the
    // scene's rectangle would cost the rasteriser a full canvas per frame.
    paint_shapes(backend, scene, dpr, (0.0, 0.0))?;
    backend.present()
}

/// Draws `scene` with its origin at `origin` (CSS px) on a backend that
/// holds several scenes (the PNG export, the SVG fallback); fills only the
/// scene's own rectangle with its background.
pub fn paint_at<DB: DrawingBackend>(
    backend: &mut DB,
    scene: &Scene,
    dpr: f64,
    origin: (f64, f64),
) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
    let (ox, oy) = origin;
    let px = |v: f64| (v * dpr).round() as i32;
    let (x0, y0, x1, y1) = (px(ox), px(oy), px(ox + scene.width), px(oy + scene.height));
    backend.draw_rect((x0, y0), (x1 - 1, y1 - 1), &color(scene.background), true)?;
    paint_shapes(backend, scene, dpr, origin)
}

/// The scene's shapes, without its ground, with its origin at `origin`.
fn paint_shapes<DB: DrawingBackend>(
    backend: &mut DB,
    scene: &Scene,
    dpr: f64,
    origin: (f64, f64),
) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
    let (ox, oy) = origin;
    let px = |v: f64| (v * dpr).round() as i32;
    for shape in &scene.shapes {
        match shape {
            Shape::Rect { x, y, w, h, fill } => {
                let (x0, y0, x1, y1) = (px(ox + *x), px(oy + *y), px(ox + x + w), px(oy + y + h));
                if x1 > x0 && y1 > y0 {
                    // plotters' filled rect includes its bottom-right corner.
                    backend.draw_rect((x0, y0), (x1 - 1, y1 - 1), &color(*fill), true)?;
                }
            }
            Shape::Polygon { points, fill } => {
                let pts: Vec<(i32, i32)> = points.iter().map(|(x, y)| (px(ox + *x), px(oy + *y))).collect();
                backend.fill_polygon(pts, &color(*fill))?;
            }
            Shape::Path { points, stroke, width, closed } => {
                let mut pts: Vec<(i32, i32)> = points.iter().map(|(x, y)| (px(ox + *x), px(oy + *y))).collect();
                if *closed {
                    if let Some(first) = pts.first().copied() {
                        pts.push(first);
                    }
                }
                let style = ShapeStyle {
                    color: color(*stroke),
                    filled: false,
                    stroke_width: (width * dpr).round().max(1.0) as u32,
                };
                backend.draw_path(pts, &style)?;
            }
            Shape::Circle { x, y, r, fill } => {
                let radius = (r * dpr).round().max(1.0) as u32;
                backend.draw_circle((px(ox + *x), px(oy + *y)), radius, &color(*fill), true)?;
            }
            Shape::Text { x, y, text, size, bold, color: c, align } => {
                let weight = if *bold { FontStyle::Bold } else { FontStyle::Normal };
                let h_pos = match align {
                    Align::Left => HPos::Left,
                    Align::Center => HPos::Center,
                    Align::Right => HPos::Right,
                };
                let font = FontDesc::new(FontFamily::Name(FONT_STACK), size * dpr, weight);
                let fill = color(*c);
                let style = TextStyle::from(font).color(&fill).pos(Pos::new(h_pos, VPos::Top));
                backend.draw_text(text, &style, (px(ox + *x), px(oy + *y)))?;
            }
        }
    }
    Ok(())
}
