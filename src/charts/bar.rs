//! The horizontal bar every bar chart draws: growing from the left on
//! entry, its label above it and its value riding on its end; and a stack of
//! them on one linear scale from zero.

use super::{draw_lines, wrap_into, Ctx, Hotspot, Line};
use crate::data::{Figure, Lang};
use crate::format;
use crate::layout::scale::LinearScale;
use crate::layout::text;
use crate::layout::Rect;
use crate::scene::{Align, Font, Scene};
use crate::theme::{Ink, Inks};

/// Narrowest bar drawn for a positive value, px: a thinner one would vanish.
/// A bar widened to it is flagged `clamped`; its value label stays honest.
pub const MIN_BAR: f64 = 2.0;
const BAR_HEIGHT: f64 = 20.0;
/// Between a bar's end and its value.
const VALUE_GAP: f64 = 6.0;
/// Said under bars when one of them was widened to `MIN_BAR`.
pub fn min_bar_note(lang: Lang) -> &'static str {
    crate::text::text(crate::text::Text::MinBarNote, lang)
}

/// A horizontal bar growing from the left, its label above it and its value
/// at its end.
#[derive(Clone, Debug, PartialEq)]
pub struct HBar {
    pub figure_id: String,
    pub value: f64,
    /// The settled bar, CSS px.
    pub x: f64,
    pub y: f64,
    pub final_width: f64,
    pub height: f64,
    /// Widened to `MIN_BAR` to stay visible (then not to scale).
    pub clamped: bool,
    pub value_text: String,
    pub value_size: f64,
    pub label: Vec<Line>,
}

impl HBar {
    fn value_y(&self) -> f64 {
        self.y + (self.height - text::box_height(self.value_size)) / 2.0
    }

    /// The settled value text's box.
    pub fn value_box(&self) -> Rect {
        let w = text::width(&self.value_text, self.value_size, true);
        Rect { x: self.x + self.final_width + VALUE_GAP, y: self.value_y(), w, h: text::box_height(self.value_size) }
    }

    pub fn hotspot(&self) -> Hotspot {
        Hotspot { rect: self.value_box(), figure_id: self.figure_id.clone() }
    }

    /// The bar at eased progress `t`; its value rides on its end.
    pub fn draw(&self, scene: &mut Scene<Ink>, t: f64, p: &Inks) {
        draw_lines(scene, &self.label, p.text);
        let w = self.final_width * t;
        scene.rect(self.x, self.y, w, self.height, p.bar);
        if t > 0.0 {
            let font = Font::bold(self.value_size);
            scene.text(self.x + w + VALUE_GAP, self.value_y(), self.value_text.clone(), font, p.text, Align::Left);
        }
    }

    /// "培养技能人才：5万+" / "skilled workers trained: 50,000+".
    pub fn describe(&self, lang: Lang) -> String {
        let label: Vec<&str> = self.label.iter().map(|l| l.text.as_str()).collect();
        let label = if lang == Lang::Zh { label.concat() } else { label.join(" ") };
        format!("{label}{}{}", crate::text::text(crate::text::Text::Sep, lang), self.value_text)
    }
}

/// Bars for `figures`, one under another from `*y` in the column (`x`,
/// `w`), on one linear scale from zero to `domain_max` (at least the largest
/// value). Returns the bars and the scale's length in px; `*y` ends below them.
pub fn stack_bars(ctx: &Ctx, figures: &[&Figure], x: f64, w: f64, y: &mut f64, domain_max: f64) -> (Vec<HBar>, f64) {
    let body = ctx.body_size();
    let value_size = body + 1.0;
    let values: Vec<String> = figures.iter().map(|f| format::figure(f, ctx.lang)).collect();
    let reserve = values.iter().map(|v| text::width(v, value_size, true)).fold(0.0, f64::max) + VALUE_GAP + 2.0;
    let range = (w - reserve).max(MIN_BAR);
    let max = figures.iter().map(|f| f.value).fold(domain_max, f64::max);
    let scale = LinearScale::new(max, range);
    let mut bars = Vec::new();
    for (figure, value_text) in figures.iter().zip(values) {
        let mut label = Vec::new();
        wrap_into(&mut label, x, y, figure.label.get(ctx.lang), body, false, w);
        *y += 2.0;
        let scaled = scale.apply(figure.value);
        let clamped = figure.value > 0.0 && scaled < MIN_BAR;
        bars.push(HBar {
            figure_id: figure.id.clone(),
            value: figure.value,
            x,
            y: *y,
            final_width: if clamped { MIN_BAR } else { scaled },
            height: BAR_HEIGHT,
            clamped,
            value_text,
            value_size,
            label,
        });
        *y += BAR_HEIGHT + 12.0;
    }
    (bars, range)
}
