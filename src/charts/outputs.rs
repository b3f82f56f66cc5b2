//! What workers' innovation produced. The five figures span a thousandfold
//! (50,000+ skilled talents, 50+ patents), so they sit in two split panels,
//! each with its own linear scale from zero and its own labelled maximum:
//! tens of thousands, and hundreds and fewer. A note says the scales differ.

use super::axis::Axis;
use super::bar::{min_bar_note, stack_bars, HBar};
use super::{draw_lines, wrap_into, Chart, Ctx, Hotspot, Line};
use crate::anim;
use crate::data::{Figure, Lang};
use crate::layout::scale::nice_ceiling;
use crate::scene::Scene;
use crate::theme::{Ink, INKS};

/// Panel A, "tens of thousands".
pub const PANEL_A: [&str; 2] = ["city.skilled_talents", "city.suggestions"];
/// Panel B, "hundreds and fewer".
pub const PANEL_B: [&str; 3] = ["city.tech_innovations", "city.operating_methods", "city.patents"];

/// From this frame width the two panels stand side by side.
pub const SIDE_BY_SIDE_FROM: f64 = 640.0;
const PANEL_GAP: f64 = 32.0;

fn panel_title(panel: usize, lang: Lang) -> &'static str {
    crate::text::text(
        if panel == 0 { crate::text::Text::PanelTensOfThousands } else { crate::text::Text::PanelHundreds },
        lang,
    )
}

fn scales_note(lang: Lang) -> &'static str {
    crate::text::text(crate::text::Text::ScalesNote, lang)
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
