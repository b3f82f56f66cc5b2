//! Innovation studios by tier: one national model studio, three provincial,
//! twenty municipal. Centred bars stacked from the national tier down, all
//! on one linear scale from zero, so the single national studio is a sliver
//! (never thinner than `MIN_BAR`, and its value label says 1 regardless).

use super::{draw_lines, wrap_into, Chart, Ctx, Hotspot, Line};
use crate::anim;
use crate::data::{Figure, Lang};
use crate::format;
use crate::layout::scale::LinearScale;
use crate::layout::text;
use crate::layout::Rect;
use crate::scene::{Align, Font, Scene};
use crate::theme::{Ink, INKS};

/// Top (national) to bottom (municipal).
pub const STUDIO_IDS: [&str; 3] = ["city.national_studios", "city.provincial_studios", "city.municipal_studios"];
/// Narrowest bar drawn for a positive count (the same as every bar chart's).
/// A bar widened to it is flagged `clamped`: its length is then not to
/// scale, its label still is.
pub use super::bar::MIN_BAR;
const BAR_HEIGHT: f64 = 26.0;
const ROW_GAP: f64 = 10.0;
/// Between a bar's end and its label or value.
const GAP: f64 = 8.0;

fn scale_note(lang: Lang, clamped: bool) -> String {
    let mut note = crate::text::text(crate::text::Text::PyramidScale, lang).to_owned();
    if clamped {
        note.push_str(crate::text::text(crate::text::Text::PyramidWidened, lang));
    }
    note
}

/// One tier: a bar centred on `cx`, its name beside it on the left (or
/// centred above it on narrow frames), its count at its right end.
#[derive(Clone, Debug, PartialEq)]
pub struct Tier {
    pub figure_id: String,
    pub value: f64,
    pub cx: f64,
    pub y: f64,
    pub final_width: f64,
    pub height: f64,
    /// Widened to `MIN_BAR` to stay visible (then not to scale).
    pub clamped: bool,
    /// The tier's name: one line right-aligned at the bar's left end
    /// (`names_beside`), or lines centred on `cx` above the bar.
    pub name: Vec<Line>,
    pub name_align: Align,
    pub value_text: String,
    pub value_size: f64,
    /// The figure's label, for `describe`.
    pub label: String,
}

impl Tier {
    fn value_y(&self) -> f64 {
        self.y + (self.height - text::box_height(self.value_size)) / 2.0
    }

    pub fn value_box(&self) -> Rect {
        let w = text::width(&self.value_text, self.value_size, true);
        Rect { x: self.cx + self.final_width / 2.0 + GAP, y: self.value_y(), w, h: text::box_height(self.value_size) }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct PyramidLayout {
    pub width: f64,
    pub height: f64,
    pub lang: Lang,
    /// Names beside the bars (wide enough) or above them.
    pub names_beside: bool,
    pub tiers: Vec<Tier>,
    pub note: Vec<Line>,
    pub hotspots: Vec<Hotspot>,
}

impl PyramidLayout {
    pub fn new(ctx: &Ctx) -> Self {
        let (lang, width) = (ctx.lang, ctx.width);
        let pad = ctx.pad();
        let inner = (width - 2.0 * pad).max(1.0);
        let body = ctx.body_size();
        let value_size = body + 1.0;
        let cx = pad + inner / 2.0;

        let figures: Vec<&Figure> = STUDIO_IDS.iter().filter_map(|id| ctx.data.figure(id)).collect();
        let names: Vec<&str> = figures.iter().map(|f| f.chart_label(lang)).collect();
        let values: Vec<String> = figures.iter().map(|f| format::figure(f, lang)).collect();
        let name_w = names.iter().map(|n| text::width(n, body, false)).fold(0.0, f64::max);
        let value_w = values.iter().map(|v| text::width(v, value_size, true)).fold(0.0, f64::max);

        // Each side keeps room for the widest name or value, so the bars
        // stay centred; when that leaves the bars too little, names go above.
        let beside_range = inner - 2.0 * (name_w.max(value_w) + GAP);
        let names_beside = beside_range >= (0.45 * inner).max(140.0);
        // Very long bars are hard to compare: at most 640 px.
        let range = if names_beside { beside_range } else { inner - 2.0 * (value_w + GAP) }.min(640.0);
        let max = figures.iter().map(|f| f.value).fold(0.0, f64::max);
        let scale = LinearScale::new(max, range.max(MIN_BAR));

        let mut y = pad;
        let mut tiers = Vec::new();
        for ((figure, name), value_text) in figures.iter().zip(names).zip(values) {
            let scaled = scale.apply(figure.value);
            let clamped = figure.value > 0.0 && scaled < MIN_BAR;
            let final_width = if clamped { MIN_BAR } else { scaled };
            let mut name_lines = Vec::new();
            let bar_y = if names_beside {
                let name_y = y + (BAR_HEIGHT - text::box_height(body)) / 2.0;
                let x = cx - final_width / 2.0 - GAP;
                name_lines.push(Line { x, y: name_y, text: name.to_owned(), size: body, bold: false });
                y
            } else {
                let mut ny = y;
                wrap_into(&mut name_lines, pad, &mut ny, name, body, false, inner);
                for line in &mut name_lines {
                    line.x = cx;
                }
                ny + 2.0
            };
            tiers.push(Tier {
                figure_id: figure.id.clone(),
                value: figure.value,
                cx,
                y: bar_y,
                final_width,
                height: BAR_HEIGHT,
                clamped,
                name: name_lines,
                name_align: if names_beside { Align::Right } else { Align::Center },
                value_text,
                value_size,
                label: figure.label.get(lang).to_owned(),
            });
            y = bar_y + BAR_HEIGHT + ROW_GAP;
        }
        let mut note = Vec::new();
        if !tiers.is_empty() {
            y += 4.0;
            let clamped = tiers.iter().any(|t| t.clamped);
            wrap_into(&mut note, pad, &mut y, &scale_note(lang, clamped), body - 1.0, false, inner);
        }
        let hotspots = tiers.iter().map(|t| Hotspot { rect: t.value_box(), figure_id: t.figure_id.clone() }).collect();
        PyramidLayout { width, height: (y + pad).ceil(), lang, names_beside, tiers, note, hotspots }
    }
}

impl Chart for PyramidLayout {
    fn size(&self) -> (f64, f64) {
        (self.width, self.height)
    }

    fn entry_ms(&self) -> f64 {
        anim::entry_total_ms(self.tiers.len())
    }

    /// Bars grow outwards from the centre line, the top tier first; each
    /// count rides on its bar's right end.
    fn frame(&self, elapsed_ms: f64) -> Scene<Ink> {
        let p = &INKS;
        let mut scene = Scene::new(self.width, self.height, p.background);
        for (i, tier) in self.tiers.iter().enumerate() {
            let t = anim::staggered(elapsed_ms, i);
            for l in &tier.name {
                scene.text(l.x, l.y, l.text.clone(), Font::regular(l.size), p.text, tier.name_align);
            }
            let w = tier.final_width * t;
            scene.rect(tier.cx - w / 2.0, tier.y, w, tier.height, p.bar);
            if t > 0.0 {
                let x = tier.cx + w / 2.0 + GAP;
                let font = Font::bold(tier.value_size);
                scene.text(x, tier.value_y(), tier.value_text.clone(), font, p.text, Align::Left);
            }
        }
        draw_lines(&mut scene, &self.note, p.muted);
        scene
    }

    fn hotspots(&self) -> &[Hotspot] {
        &self.hotspots
    }

    fn describe(&self) -> String {
        let parts: Vec<String> = self
            .tiers
            .iter()
            .map(|t| format!("{}{}{}", t.label, crate::text::text(crate::text::Text::Sep, self.lang), t.value_text))
            .collect();
        let joined = parts.join(if self.lang == Lang::Zh { "；" } else { "; " });
        crate::text::fill(crate::text::Text::PyramidDescribe, self.lang, &[&joined])
    }
}
