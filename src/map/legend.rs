//! The map's furniture: the legend (each view's name, unit and counting
//! rule, the colour ramp with a tick per reporting county), the key to the
//! markers, the caveat and the boundary credit. The same in every frame.

use super::colour::{self, ColourScale};
use super::layout::{not_reported, MapLayout, HATCH_GAP, MARKER_R};
use super::metric;
use super::render::marker_shapes;
use crate::data::{Lang, Metric};
use crate::format;
use crate::layout::polygon::hatch;
use crate::layout::text;
use crate::scene::{Align, Font, Shape};
use crate::text::{fill, text, Text};
use crate::theme::{Ink, INKS};

fn text_shape(x: f64, y: f64, text: String, font: Font, color: Ink) -> Shape<Ink> {
    Shape::Text { x, y, text, size: font.size, bold: font.bold, color, align: Align::Left }
}

impl MapLayout {
    /// The legend, the key to the markers, a caveat and the boundary credit.
    /// Returns the y where they end.
    pub(super) fn build_furniture(
        &mut self,
        colours: &ColourScale,
        figures: &[Option<&crate::data::Figure>],
        data: &crate::data::Dataset,
        (pad, inner): (f64, f64),
        lang: Lang,
    ) -> f64 {
        let small = if self.width >= 480.0 { 13.0 } else { 12.0 };
        let p = INKS;
        let text_colour = p.text;
        let muted = p.muted;
        let mut shapes = Vec::new();
        let mut y = self.map.y + self.map.h + 14.0;

        let title = match (self.metric, lang) {
            (Metric::Overview, _) => metric::name(data, self.metric, lang).to_owned(),
            _ => fill(Text::DarkerMeansMore, lang, &[metric::name(data, self.metric, lang)]),
        };
        for line in text::wrap_balanced(&title, small, true, inner) {
            shapes.push(text_shape(pad, y, line, Font::bold(small), text_colour));
            y += text::line_height(small);
        }
        for line in text::wrap_balanced(metric::counting(data, self.metric, lang), small, false, inner) {
            shapes.push(text_shape(pad, y, line, Font::regular(small), muted));
            y += text::line_height(small);
        }
        y += 4.0;
        if self.metric != Metric::Overview {
            y = self.build_ramp(colours, figures, (pad, inner, y), (small, lang), &mut shapes);
        }
        self.build_key(shapes, data, (pad, inner, y), small, lang)
    }

    /// The colour ramp with a tick per reporting county, its end values and the
    /// not-reported swatch. Returns the y below them.
    fn build_ramp(
        &self,
        colours: &ColourScale,
        figures: &[Option<&crate::data::Figure>],
        (pad, inner, y): (f64, f64, f64),
        (small, lang): (f64, Lang),
        shapes: &mut Vec<Shape<Ink>>,
    ) -> f64 {
        let p = INKS;
        let (text_colour, muted) = (p.text, p.muted);
        let bar_w = inner.min(260.0);
        let steps = 48;
        for i in 0..steps {
            let t0 = f64::from(i) / f64::from(steps);
            let x = pad + t0 * bar_w;
            shapes.push(Shape::Rect {
                x,
                y,
                w: bar_w / f64::from(steps) + 0.5,
                h: 10.0,
                fill: Ink::Rgb(colour::ramp(t0)),
            });
        }
        // A tick for each county that reports: where its value sits on the ramp.
        for f in figures.iter().flatten() {
            let x = pad + colours.position(f.value) * bar_w;
            shapes.push(Shape::Rect { x: (x - 0.75).max(pad), y: y - 4.0, w: 1.5, h: 14.0, fill: text_colour });
        }
        let ends_y = y + 14.0;
        shapes.push(text_shape(pad, ends_y, "0".to_owned(), Font::regular(small), muted));
        if let Some(top) = figures.iter().flatten().max_by(|a, b| a.value.total_cmp(&b.value)) {
            let label = format::figure(top, lang);
            shapes.push(Shape::Text {
                x: pad + bar_w,
                y: ends_y,
                text: label,
                size: small,
                bold: false,
                color: muted,
                align: Align::Right,
            });
        }
        // The not-reported swatch: beside the ramp when it fits, else below it.
        let swatch_text = not_reported(lang);
        let swatch_w = 22.0 + 6.0 + text::width(swatch_text, small, false);
        let (sx, sy) = if pad + bar_w + 20.0 + swatch_w <= pad + inner {
            (pad + bar_w + 20.0, y - 1.0)
        } else {
            (pad, ends_y + text::line_height(small) + 6.0)
        };
        let swatch = vec![(sx, sy), (sx + 22.0, sy), (sx + 22.0, sy + 12.0), (sx, sy + 12.0)];
        shapes.push(Shape::Polygon { points: swatch.clone(), fill: p.not_reported });
        for (a, b) in hatch(std::slice::from_ref(&swatch), HATCH_GAP) {
            shapes.push(Shape::Path { points: vec![a, b], stroke: p.hatch, width: 1.0, closed: false });
        }
        shapes.push(Shape::Path { points: swatch, stroke: muted, width: 1.0, closed: true });
        shapes.push(text_shape(sx + 28.0, sy - 1.0, swatch_text.to_owned(), Font::regular(small), text_colour));
        (ends_y + text::line_height(small)).max(sy + 14.0) + 8.0
    }

    /// The caveat, the key to the markers and the boundary credit.
    fn build_key(
        &mut self,
        mut shapes: Vec<Shape<Ink>>,
        data: &crate::data::Dataset,
        (pad, inner, mut y): (f64, f64, f64),
        small: f64,
        lang: Lang,
    ) -> f64 {
        let p = INKS;
        let (text_colour, muted) = (p.text, p.muted);
        // Values only: the overview shows none, so it needs no caveat about them.
        if self.metric != Metric::Overview {
            let caveat = text(Text::Caveat, lang);
            for line in text::wrap_balanced(caveat, small, false, inner) {
                shapes.push(text_shape(pad, y, line, Font::regular(small), muted));
                y += text::line_height(small);
            }
        }
        y += 6.0;
        for m in &self.markers {
            let cy = y + small * 0.6;
            shapes.extend(marker_shapes(m.shape, pad + MARKER_R + 1.0, cy, &p));
            let mut key = data.marker_name(&m.place_id, lang, false).to_owned();
            // In the overview the key says what each zone did, whether or not
            // its label found room on a narrow map.
            if let Some(sig) = &m.signature {
                key = format!("{key}{}{sig}", text(Text::Sep, lang));
            }
            let lines = text::wrap_balanced(&key, small, false, inner - 2.0 * MARKER_R - 8.0);
            for line in lines {
                shapes.push(text_shape(pad + 2.0 * MARKER_R + 8.0, y, line, Font::regular(small), text_colour));
                y += small * 1.5;
            }
        }
        y += 4.0;
        let credit = text(Text::BoundaryCredit, lang);
        let credit_size = 11.0;
        for line in text::wrap_balanced(credit, credit_size, false, inner) {
            shapes.push(text_shape(pad, y, line, Font::regular(credit_size), muted));
            y += text::line_height(credit_size);
        }
        self.furniture = shapes;
        y
    }
}
