//! The city's headline figures: three counters (workers, high-skill talents,
//! wage growth) and a bar chart of the people honoured since the reform.

use super::bar::HBar;
use super::counters::{self, Counter};
use super::{draw_lines, wrap_into, Chart, Ctx, Hotspot, Line};
use crate::anim;
use crate::data::{Figure, Lang};
use crate::format;
use crate::layout::scale::LinearScale;
use crate::layout::text;
use crate::scene::Scene;
use crate::theme::{Ink, INKS};

/// Counters, in reading order.
pub const COUNTER_IDS: [&str; 3] = ["city.workers", "city.high_skill_talents", "city.wage_growth"];
/// Bars: people honoured since the reform began.
pub const HONOUR_IDS: [&str; 3] = ["city.national_model_workers", "city.sanqin_craftsmen", "city.jinzhou_craftsmen"];

const BAR_HEIGHT: f64 = 22.0;
const COLUMN_GAP: f64 = 40.0;

fn honours_heading(lang: Lang) -> &'static str {
    crate::text::text(crate::text::Text::HonoursTitle, lang)
}

#[derive(Clone, Debug, PartialEq)]
pub struct HeadlineLayout {
    pub width: f64,
    pub height: f64,
    pub lang: Lang,
    pub lines: Vec<Line>,
    pub counters: Vec<Counter>,
    pub bars: Vec<HBar>,
    pub hotspots: Vec<Hotspot>,
}

impl HeadlineLayout {
    pub fn new(ctx: &Ctx) -> Self {
        let (lang, width, data) = (ctx.lang, ctx.width, ctx.data);
        let pad = ctx.pad();
        let inner = (width - 2.0 * pad).max(1.0);
        let body = ctx.body_size();
        let mut lines = Vec::new();
        let top = pad;

        // From 720 px the counters stand in a left column beside the bars.
        let two_columns = width >= 720.0;
        let (left_w, right_x, right_w) = if two_columns {
            let left = ((inner - COLUMN_GAP) * 0.4).floor();
            (left, pad + left + COLUMN_GAP, inner - left - COLUMN_GAP)
        } else {
            (inner, pad, inner)
        };
        let figures: Vec<&Figure> = COUNTER_IDS.iter().filter_map(|id| data.figure(id)).collect();
        let (counters, left_y) = counters::lay_out(ctx, &figures, pad, left_w, top, two_columns);
        let mut y = if two_columns { top } else { left_y + 22.0 };

        let honours: Vec<&Figure> = HONOUR_IDS.iter().filter_map(|id| data.figure(id)).collect();
        let mut bars = Vec::new();
        if !honours.is_empty() {
            wrap_into(&mut lines, right_x, &mut y, honours_heading(lang), body + 1.0, true, right_w);
            y += 6.0;
            let value_size = body + 1.0;
            let values: Vec<String> = honours.iter().map(|f| format::figure(f, lang)).collect();
            let reserve = values.iter().map(|v| text::width(v, value_size, true)).fold(0.0, f64::max) + 8.0;
            let max = honours.iter().map(|f| f.value).fold(0.0, f64::max);
            let scale = LinearScale::new(max, right_w - reserve);
            for (figure, value_text) in honours.iter().zip(values) {
                let label_text = figure.label.get(lang).to_owned();
                let label = vec![Line { x: right_x, y, text: label_text, size: body, bold: false }];
                y += text::line_height(body) + 3.0;
                bars.push(HBar {
                    figure_id: figure.id.clone(),
                    value: figure.value,
                    x: right_x,
                    y,
                    final_width: scale.apply(figure.value),
                    height: BAR_HEIGHT,
                    clamped: false,
                    value_text,
                    value_size,
                    label,
                });
                y += BAR_HEIGHT + 12.0;
            }
        }
        let bottom = left_y.max(y);
        let mut hotspots: Vec<Hotspot> = counters.iter().map(Counter::hotspot).collect();
        hotspots.extend(bars.iter().map(HBar::hotspot));
        HeadlineLayout { width, height: (bottom + pad).ceil(), lang, lines, counters, bars, hotspots }
    }
}

impl Chart for HeadlineLayout {
    fn size(&self) -> (f64, f64) {
        (self.width, self.height)
    }

    /// Counters then bars, staggered.
    fn entry_ms(&self) -> f64 {
        anim::entry_total_ms(self.counters.len() + self.bars.len())
    }

    fn frame(&self, elapsed_ms: f64) -> Scene<Ink> {
        let p = &INKS;
        let mut scene = Scene::new(self.width, self.height, p.background);
        draw_lines(&mut scene, &self.lines, p.text);
        for (i, c) in self.counters.iter().enumerate() {
            c.draw(&mut scene, anim::staggered(elapsed_ms, i), p);
        }
        for (i, bar) in self.bars.iter().enumerate() {
            bar.draw(&mut scene, anim::staggered(elapsed_ms, self.counters.len() + i), p);
        }
        scene
    }

    fn hotspots(&self) -> &[Hotspot] {
        &self.hotspots
    }

    fn describe(&self) -> String {
        let zh = self.lang == Lang::Zh;
        let mut parts: Vec<String> = self.counters.iter().map(|c| c.describe(zh)).collect();
        parts.extend(self.bars.iter().map(|b| b.describe(self.lang)));
        parts.join(if zh { "；" } else { "; " })
    }
}
