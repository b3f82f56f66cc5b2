//! The map drawn for one moment: county fills mid-tween (hatching fading
//! in and out), borders, the hover and selection outlines, labels on their
//! plates, markers and the furniture.

use super::layout::{Highlight, MapLayout, MarkerShape, Transition, HATCH_GAP, MARKER_R};
use crate::layout::polygon::{hatch, Pt};
use crate::scene::{Align, Font, Scene, Shape};
use crate::theme::{Ink, Inks, Role, INKS};

impl MapLayout {
    /// Draws the map for a highlight and, mid-tween, a colour transition.
    pub fn frame(&self, highlight: Highlight<'_>, transition: Option<&Transition>) -> Scene<Ink> {
        let p = &INKS;
        let mut scene = Scene::new(self.width, self.height, p.background);
        for (i, county) in self.counties.iter().enumerate() {
            let hatched_now = !county.hatch.is_empty();
            let (fill, hatch_alpha) = match transition.and_then(|t| t.from.get(i).map(|f| (f, t.t))) {
                Some((&(from_fill, hatched_before), t)) => {
                    let alpha = match (hatched_before, hatched_now) {
                        (true, true) => 1.0,
                        (false, true) => t,
                        (true, false) => 1.0 - t,
                        (false, false) => 0.0,
                    };
                    (Ink::mix(Ink::Rgb(from_fill), county.fill, t), alpha)
                }
                None => (county.fill, if hatched_now { 1.0 } else { 0.0 }),
            };
            for ring in &county.rings {
                scene.polygon(ring.clone(), fill);
            }
            if hatch_alpha > 0.0 {
                let lines = if hatched_now { county.hatch.clone() } else { hatch(&county.rings, HATCH_GAP) };
                let stroke = Ink::Alpha(Role::Hatch, hatch_alpha);
                for (a, b) in lines {
                    scene.path(vec![a, b], stroke, 1.0, false);
                }
            }
        }
        for (points, outer) in &self.arcs {
            let (stroke, width) = if *outer { (p.outline, 2.0) } else { (p.border, 1.0) };
            scene.path(points.clone(), stroke, width, false);
        }
        for (place, width, stroke) in [(highlight.hovered, 2.0, p.outline), (highlight.selected, 3.0, p.selected)] {
            if let Some(county) = place.and_then(|id| self.county(id)) {
                for ring in &county.rings {
                    scene.path(ring.clone(), stroke, width, true);
                }
            }
        }
        for label in &self.labels {
            let ink = p.label_ink;
            let r = label.rect;
            scene.rect(r.x - 2.0, r.y - 1.0, r.w + 4.0, r.h + 2.0, p.label_plate);
            let mut y = label.rect.y;
            let cx = label.rect.x + label.rect.w / 2.0;
            for line in &label.lines {
                let font = Font { size: line.size, bold: line.bold };
                scene.shapes.push(Shape::Text {
                    x: cx,
                    y,
                    text: line.text.clone(),
                    size: font.size,
                    bold: font.bold,
                    color: ink,
                    align: Align::Center,
                });
                y += crate::layout::text::box_height(line.size);
            }
        }
        for m in &self.markers {
            scene.shapes.extend(marker_shapes(m.shape, m.x, m.y, p));
            if highlight.selected == Some(m.place_id.as_str()) || highlight.hovered == Some(m.place_id.as_str()) {
                scene.path(circle_points(m.x, m.y, MARKER_R + 3.0), p.selected, 2.0, true);
            }
        }
        scene.shapes.extend(self.furniture.iter().cloned());
        scene
    }
}

pub(super) fn marker_shapes(shape: MarkerShape, x: f64, y: f64, p: &Inks) -> Vec<Shape<Ink>> {
    let r = MARKER_R;
    let (ink, halo) = (p.marker, p.background);
    let outline = |pts: Vec<Pt>, grow: f64| -> Vec<Pt> {
        pts.iter().map(|p| (x + (p.0 - x) * grow, y + (p.1 - y) * grow)).collect()
    };
    let pts = match shape {
        MarkerShape::Circle => {
            return vec![Shape::Circle { x, y, r: r + 1.5, fill: halo }, Shape::Circle { x, y, r, fill: ink }]
        }
        MarkerShape::Diamond => vec![(x, y - r - 1.0), (x + r + 1.0, y), (x, y + r + 1.0), (x - r - 1.0, y)],
        MarkerShape::Triangle => vec![(x, y - r - 1.0), (x + r + 1.0, y + r), (x - r - 1.0, y + r)],
    };
    vec![Shape::Polygon { points: outline(pts.clone(), 1.35), fill: halo }, Shape::Polygon { points: pts, fill: ink }]
}

fn circle_points(x: f64, y: f64, r: f64) -> Vec<Pt> {
    (0..24)
        .map(|k| {
            let a = f64::from(k) * std::f64::consts::PI / 12.0;
            (x + r * a.cos(), y + r * a.sin())
        })
        .collect()
}
