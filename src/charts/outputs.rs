//! What workers' innovation produced. The five figures span a thousandfold
//! (50,000+ skilled talents, 50+ patents), so they sit in two split panels,
//! each with its own linear scale from zero and its own labelled maximum:
//! tens of thousands, and hundreds and fewer. A note says the scales differ.
//!
//! Also home of the horizontal bars (`HBar`) and axis (`Axis`) other charts
//! of this module share.

use super::{draw_lines, wrap_into, Chart, Ctx, Hotspot, Line};
use crate::anim;
use crate::data::{Figure, Lang, Unit};
use crate::format;
use crate::layout::labels::Rect;
use crate::layout::scale::LinearScale;
use crate::layout::text;
use crate::scene::{Align, Font, Scene};
use crate::theme::{Ink, Inks, INKS};

/// Panel A, "tens of thousands".
pub const PANEL_A: [&str; 2] = ["city.skilled_talents", "city.suggestions"];
/// Panel B, "hundreds and fewer".
pub const PANEL_B: [&str; 3] = ["city.tech_innovations", "city.operating_methods", "city.patents"];

/// Narrowest bar drawn for a positive value, px: a thinner one would vanish.
/// A bar widened to it is flagged `clamped`; its value label stays honest.
pub const MIN_BAR: f64 = 2.0;
/// From this frame width the two panels stand side by side.
pub const SIDE_BY_SIDE_FROM: f64 = 640.0;
const BAR_HEIGHT: f64 = 20.0;
/// Between a bar's end and its value.
const VALUE_GAP: f64 = 6.0;
const PANEL_GAP: f64 = 32.0;

fn panel_title(panel: usize, lang: Lang) -> &'static str {
    match (panel, lang) {
        (0, Lang::Zh) => "以万计",
        (0, Lang::En) => "Tens of thousands",
        (_, Lang::Zh) => "以百计",
        (_, Lang::En) => "Hundreds and fewer",
    }
}

fn scales_note(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "注意：两组使用不同的比例尺，条形长度不能跨组比较。",
        Lang::En => "Note: the two panels use different scales; do not compare bar lengths across them.",
    }
}

/// Said under bars when one of them was widened to `MIN_BAR`.
pub fn min_bar_note(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "过短的条形加宽至2像素以便辨认，数值以标注为准。",
        Lang::En => "Bars too short to see are widened to 2 px; the labels give the values.",
    }
}

/// The smallest of 1, 2, 2.5, 5 × 10ⁿ at or above `v`: a round axis maximum.
pub fn nice_ceiling(v: f64) -> f64 {
    if !(v.is_finite() && v > 0.0) {
        return 1.0;
    }
    let mag = 10f64.powf(v.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0].iter().map(|m| m * mag).find(|c| *c >= v * (1.0 - 1e-12)).unwrap_or(10.0 * mag)
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
        self.y + (self.height - self.value_size * 1.2) / 2.0
    }

    /// The settled value text's box.
    pub fn value_box(&self) -> Rect {
        let w = text::width(&self.value_text, self.value_size, true);
        Rect { x: self.x + self.final_width + VALUE_GAP, y: self.value_y(), w, h: self.value_size * 1.2 }
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
        match lang {
            Lang::Zh => format!("{}：{}", label.concat(), self.value_text),
            Lang::En => format!("{}: {}", label.join(" "), self.value_text),
        }
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
        self.y + 7.0 + self.size * 1.35
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

#[derive(Clone, Debug, PartialEq)]
pub struct Panel {
    pub title: Vec<Line>,
    pub bars: Vec<HBar>,
    pub axis: Axis,
}

#[derive(Clone, Debug, PartialEq)]
pub struct OutputsLayout {
    pub width: f64,
    pub height: f64,
    pub lang: Lang,
    pub side_by_side: bool,
    pub panels: Vec<Panel>,
    pub note: Vec<Line>,
    pub hotspots: Vec<Hotspot>,
}

impl OutputsLayout {
    pub fn new(ctx: &Ctx) -> Self {
        let (lang, width) = (ctx.lang, ctx.width);
        let pad = ctx.pad();
        let inner = (width - 2.0 * pad).max(1.0);
        let body = ctx.body_size();
        let side_by_side = width >= SIDE_BY_SIDE_FROM;
        let panel_w = if side_by_side { (inner - PANEL_GAP) / 2.0 } else { inner };

        let groups: Vec<Vec<&Figure>> = [&PANEL_A[..], &PANEL_B[..]]
            .iter()
            .map(|ids| ids.iter().filter_map(|id| ctx.data.figure(id)).collect())
            .collect();
        let mut panels = Vec::new();
        let mut y = pad;
        let mut bottom = pad;
        for (i, figures) in groups.iter().enumerate() {
            if figures.is_empty() {
                continue;
            }
            let x = if side_by_side { pad + panels.len() as f64 * (panel_w + PANEL_GAP) } else { pad };
            let mut py = if side_by_side { pad } else { y };
            let mut title = Vec::new();
            wrap_into(&mut title, x, &mut py, panel_title(i, lang), body + 1.0, true, panel_w);
            py += 6.0;
            let max = figures.iter().map(|f| f.value).fold(0.0, f64::max);
            let domain = nice_ceiling(max);
            let (bars, range) = stack_bars(ctx, figures, x, panel_w, &mut py, domain);
            let unit = figures[0].unit;
            let axis = Axis::new(ctx, x, py - 8.0, range, domain, unit);
            bottom = bottom.max(axis.bottom());
            y = axis.bottom() + 24.0;
            panels.push(Panel { title, bars, axis });
        }
        if side_by_side && panels.len() == 2 {
            // One baseline for both axes.
            let axis_y = panels.iter().map(|p| p.axis.y).fold(0.0, f64::max);
            for p in &mut panels {
                p.axis.y = axis_y;
            }
            bottom = panels[0].axis.bottom();
        }
        let mut note = Vec::new();
        let mut ny = bottom + 14.0;
        if panels.len() == 2 {
            wrap_into(&mut note, pad, &mut ny, scales_note(lang), body - 1.0, false, inner);
        }
        if panels.iter().flat_map(|p| &p.bars).any(|b| b.clamped) {
            wrap_into(&mut note, pad, &mut ny, min_bar_note(lang), body - 1.0, false, inner);
        }
        if !note.is_empty() {
            bottom = ny;
        }
        let hotspots = panels.iter().flat_map(|p| &p.bars).map(HBar::hotspot).collect();
        OutputsLayout { width, height: (bottom + pad).ceil(), lang, side_by_side, panels, note, hotspots }
    }

    fn bars(&self) -> impl Iterator<Item = &HBar> {
        self.panels.iter().flat_map(|p| &p.bars)
    }
}

impl Chart for OutputsLayout {
    fn size(&self) -> (f64, f64) {
        (self.width, self.height)
    }

    fn entry_ms(&self) -> f64 {
        anim::entry_total_ms(self.bars().count())
    }

    fn frame(&self, elapsed_ms: f64) -> Scene<Ink> {
        let p = &INKS;
        let mut scene = Scene::new(self.width, self.height, p.background);
        let mut index = 0;
        for panel in &self.panels {
            draw_lines(&mut scene, &panel.title, p.text);
            panel.axis.draw(&mut scene, p);
            for bar in &panel.bars {
                bar.draw(&mut scene, anim::staggered(elapsed_ms, index), p);
                index += 1;
            }
        }
        draw_lines(&mut scene, &self.note, p.muted);
        scene
    }

    fn hotspots(&self) -> &[Hotspot] {
        &self.hotspots
    }

    fn describe(&self) -> String {
        let zh = self.lang == Lang::Zh;
        let panels: Vec<String> = self
            .panels
            .iter()
            .map(|panel| {
                let title: Vec<&str> = panel.title.iter().map(|l| l.text.as_str()).collect();
                let bars: Vec<String> = panel.bars.iter().map(|b| b.describe(self.lang)).collect();
                if zh {
                    format!("{}（{}）", bars.join("，"), title.concat())
                } else {
                    format!("{} ({})", bars.join(", "), title.join(" ").to_ascii_lowercase())
                }
            })
            .collect();
        if zh {
            format!("职工创新成果：{}；两组比例尺不同。", panels.join("；"))
        } else {
            format!("What workers' innovation produced: {}; the two panels use different scales.", panels.join("; "))
        }
    }
}
