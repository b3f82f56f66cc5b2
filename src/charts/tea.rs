//! Ziyang's tea training. Figures of different units are counters: the
//! tea-work contest held 12 years running, the 10 years of tea-skills
//! training and its 400+ classes. The five counts of people share one
//! linear scale from zero, as bars: 80,000+ tea technicians trained, 1,500+
//! junior/intermediate technicians, 1,290 tea-industry workers (from the
//! contests), 800+ county tea-skill stars and 120 tea managers.

use super::axis::Axis;
use super::bar::{min_bar_note, stack_bars, HBar};
use super::contests::counter_rows;
use super::counters::Counter;
use super::{draw_lines, wrap_into, Chart, Ctx, Hotspot, Line};
use crate::anim;
use crate::data::{Figure, Lang};
use crate::layout::scale::nice_ceiling;
use crate::scene::Scene;
use crate::theme::{Ink, INKS};

/// Counters (mixed units), in reading order.
pub const COUNTER_IDS: [&str; 3] = ["ziyang.tea_contest_years", "ziyang.training_years", "ziyang.training_classes"];
/// People, on one scale, largest first.
pub const PEOPLE_IDS: [&str; 5] = [
    "ziyang.tea_technicians",
    "ziyang.junior_technicians",
    "ziyang.tea_workers",
    "ziyang.tea_skill_stars",
    "ziyang.tea_managers",
];

/// The counters show the figure's chart label (it says what the number
/// counts where the label alone does not, e.g. "（年）").
fn with_chart_label(figure: &Figure) -> Figure {
    let mut f = figure.clone();
    if let Some(short) = &figure.short_label {
        f.label = short.clone();
    }
    f
}

fn people_heading(lang: Lang) -> &'static str {
    crate::text::text(crate::text::Text::TeaPeople, lang)
}

#[derive(Clone, Debug, PartialEq)]
pub struct TeaLayout {
    pub width: f64,
    pub height: f64,
    pub lang: Lang,
    pub counters: Vec<Counter>,
    pub lines: Vec<Line>,
    pub bars: Vec<HBar>,
    pub axis: Option<Axis>,
    /// Under the axis, muted.
    pub notes: Vec<Line>,
    pub hotspots: Vec<Hotspot>,
}

impl TeaLayout {
    pub fn new(ctx: &Ctx) -> Self {
        let (lang, width) = (ctx.lang, ctx.width);
        let pad = ctx.pad();
        let inner = (width - 2.0 * pad).max(1.0);
        let body = ctx.body_size();
        let labelled: Vec<Figure> =
            COUNTER_IDS.iter().filter_map(|id| ctx.data.figure(id)).map(with_chart_label).collect();
        let counter_figures: Vec<&Figure> = labelled.iter().collect();
        let (counters, mut y) = counter_rows(ctx, &counter_figures, pad, inner, pad);

        let people: Vec<&Figure> = PEOPLE_IDS.iter().filter_map(|id| ctx.data.figure(id)).collect();
        let mut lines = Vec::new();
        let mut notes = Vec::new();
        let mut bars = Vec::new();
        let mut axis = None;
        if !people.is_empty() {
            if !counters.is_empty() {
                y += 28.0;
            }
            wrap_into(&mut lines, pad, &mut y, people_heading(lang), body + 1.0, true, inner);
            y += 6.0;
            let max = people.iter().map(|f| f.value).fold(0.0, f64::max);
            let domain = nice_ceiling(max);
            let (b, range) = stack_bars(ctx, &people, pad, inner, &mut y, domain);
            bars = b;
            let a = Axis::new(ctx, pad, y - 8.0, range, domain, people[0].unit);
            y = a.bottom();
            axis = Some(a);
            if bars.iter().any(|b| b.clamped) {
                y += 8.0;
                wrap_into(&mut notes, pad, &mut y, min_bar_note(lang), body - 1.0, false, inner);
            }
        }
        let mut hotspots: Vec<Hotspot> = counters.iter().map(Counter::hotspot).collect();
        hotspots.extend(bars.iter().map(HBar::hotspot));
        TeaLayout { width, height: (y + pad).ceil(), lang, counters, lines, bars, axis, notes, hotspots }
    }
}

impl Chart for TeaLayout {
    fn size(&self) -> (f64, f64) {
        (self.width, self.height)
    }

    fn entry_ms(&self) -> f64 {
        anim::entry_total_ms(self.counters.len() + self.bars.len())
    }

    fn frame(&self, elapsed_ms: f64) -> Scene<Ink> {
        let p = &INKS;
        let mut scene = Scene::new(self.width, self.height, p.background);
        for (i, c) in self.counters.iter().enumerate() {
            c.draw(&mut scene, anim::staggered(elapsed_ms, i), p);
        }
        draw_lines(&mut scene, &self.lines, p.text);
        if let Some(axis) = &self.axis {
            axis.draw(&mut scene, p);
        }
        draw_lines(&mut scene, &self.notes, p.muted);
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
        if zh {
            format!("紫阳茶产业培训：{}。", parts.join("；"))
        } else {
            format!("Ziyang's tea training: {}.", parts.join("; "))
        }
    }
}
