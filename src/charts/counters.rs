//! Big-number counters: a row of tiles (or a stack, when narrow) that count
//! up on entry. Shared by every chart that leads with a few numbers.

use super::{Ctx, Hotspot, Line};
use crate::anim::lerp;
use crate::data::{Figure, Lang, Qualifier};
use crate::format::{self, NumberStyle};
use crate::layout::text;
use crate::layout::Rect;
use crate::scene::{Align, Font, Scene};
use crate::theme::{Ink, Inks};

const GAP: f64 = 12.0;
/// Narrowest tile that still sits beside others.
const MIN_TILE: f64 = 84.0;

/// A figure's number as it counts up on entry: the value `t` of the way
/// from zero, and once settled the stated figure with its qualifier, which
/// belongs to the figure and so appears with it. Every number that counts
/// up (counters, inline figures, the waffle's key) is one of these.
#[derive(Clone, Debug, PartialEq)]
pub struct CountUp {
    pub value: f64,
    pub style: NumberStyle,
    pub qualifier: Qualifier,
}

impl CountUp {
    pub fn new(figure: &Figure, lang: Lang) -> Self {
        CountUp {
            value: figure.value,
            style: NumberStyle::for_value(figure.value, figure.unit, lang),
            qualifier: figure.qualifier,
        }
    }

    /// The number as shown once settled: with its qualifier.
    pub fn final_text(&self) -> String {
        format::qualify(&self.style.write(self.value), self.qualifier)
    }

    /// The number at eased progress `t`.
    pub fn at(&self, t: f64) -> String {
        if t >= 1.0 {
            self.final_text()
        } else {
            self.style.write(lerp(0.0, self.value, t))
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Counter {
    pub figure_id: String,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub number_size: f64,
    pub number: CountUp,
    pub label: Vec<Line>,
}

impl Counter {
    /// The number as shown once settled: with its qualifier.
    pub fn final_text(&self) -> String {
        self.number.final_text()
    }

    /// Draws the tile at eased progress `t`: the count rises with `t`, and
    /// the qualifier, which belongs to the stated figure, appears with it.
    pub fn draw(&self, scene: &mut Scene<Ink>, t: f64, p: &Inks) {
        scene.rect(self.x, self.y, self.width, 3.0, p.accent);
        let number = self.number.at(t);
        scene.text(self.x, self.y + 11.0, number, Font::bold(self.number_size), p.accent, Align::Left);
        for line in &self.label {
            scene.text(line.x, line.y, line.text.clone(), Font::regular(line.size), p.text, Align::Left);
        }
    }

    pub fn hotspot(&self) -> Hotspot {
        let w = text::width(&self.final_text(), self.number_size, true);
        Hotspot {
            rect: Rect { x: self.x, y: self.y + 11.0, w, h: text::box_height(self.number_size) },
            figure_id: self.figure_id.clone(),
        }
    }

    /// "产业工人：18万" / "industrial workers: 180,000".
    pub fn describe(&self, zh: bool) -> String {
        let label: Vec<&str> = self.label.iter().map(|l| l.text.as_str()).collect();
        if zh {
            format!("{}：{}", label.concat(), self.final_text())
        } else {
            format!("{}: {}", label.join(" "), self.final_text())
        }
    }
}

/// Lays out counters for `figures` in a column of width `col` from (`x0`,
/// `top`): side by side when each tile gets `MIN_TILE` px and `stack` is
/// false, else one under another. Returns the tiles and the y below them.
pub fn lay_out(ctx: &Ctx, figures: &[&Figure], x0: f64, col: f64, top: f64, stack: bool) -> (Vec<Counter>, f64) {
    if figures.is_empty() {
        return (Vec::new(), top);
    }
    let body = ctx.body_size();
    let n = figures.len() as f64;
    let side_by_side = !stack && (col - (n - 1.0) * GAP) / n >= MIN_TILE;
    let tile = if side_by_side { (col - (n - 1.0) * GAP) / n } else { col };
    // One number size for all tiles: the largest at which every number fits.
    let finals: Vec<String> = figures.iter().map(|f| format::figure(f, ctx.lang)).collect();
    let widest_em = finals.iter().map(|s| text::width(s, 1.0, true)).fold(0.0, f64::max);
    let number_size = (tile / 4.0).clamp(20.0, 44.0).min(tile / widest_em.max(0.1));
    let mut out = Vec::new();
    let mut bottom = top;
    for (i, figure) in figures.iter().enumerate() {
        let (x, y) = if side_by_side {
            (x0 + i as f64 * (tile + GAP), top)
        } else {
            (x0, bottom + if i > 0 { 14.0 } else { 0.0 })
        };
        let mut ly = y + 11.0 + number_size * 1.25;
        let mut label = Vec::new();
        for text_line in text::wrap_balanced(figure.label.get(ctx.lang), body, false, tile) {
            label.push(Line { x, y: ly, text: text_line, size: body, bold: false });
            ly += text::line_height(body);
        }
        bottom = bottom.max(ly);
        out.push(Counter {
            figure_id: figure.id.clone(),
            x,
            y,
            width: tile,
            number_size,
            number: CountUp::new(figure, ctx.lang),
            label,
        });
    }
    (out, bottom)
}
