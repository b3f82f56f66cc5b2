//! The city's workers' skills contests: counters for 9 categories, 15
//! trades, 358 employers and 100,000 entries (person-times), a note on what
//! person-times means, and a line for the model-worker and craftsmen
//! academy's ≥600 trainees a year (city-level skills data of the same
//! paragraph).
//!
//! Also home of `counter_rows`, counters in balanced rows with one number
//! size, which the tea chart shares.

use super::counters::{self, CountUp, Counter};
use super::{draw_lines, wrap_into, Chart, Ctx, Hotspot, Line};
use crate::anim;
use crate::data::{Figure, Lang};
use crate::format;
use crate::layout::text;
use crate::layout::Rect;
use crate::scene::{Align, Font, Scene};
use crate::theme::{Ink, Inks, INKS};

pub const CONTEST_IDS: [&str; 4] =
    ["city.contest_categories", "city.contest_trades", "city.contest_employers", "city.contest_participants"];
pub const ACADEMY_ID: &str = "city.academy_trainees";

/// The gap `counters::lay_out` leaves between tiles side by side.
const TILE_GAP: f64 = 12.0;
/// Narrowest tile for counters laid out in rows here.
const MIN_TILE: f64 = 120.0;
const ROW_GAP: f64 = 18.0;

/// Counters for `figures` in the column (`x`, `w`) from `top`, in as few
/// balanced rows as keep each tile `MIN_TILE` px wide, all with the number
/// size of the tightest tile. Returns the counters and the y below them.
pub fn counter_rows(ctx: &Ctx, figures: &[&Figure], x: f64, w: f64, top: f64) -> (Vec<Counter>, f64) {
    let n = figures.len();
    if n == 0 {
        return (Vec::new(), top);
    }
    let fits = |k: usize| (w - (k as f64 - 1.0) * TILE_GAP) / k as f64 >= MIN_TILE;
    let most = (1..=n).rev().find(|&k| fits(k)).unwrap_or(1);
    let rows = n.div_ceil(most);
    let per_row = n.div_ceil(rows);
    let tile = (w - (per_row as f64 - 1.0) * TILE_GAP) / per_row as f64;
    let col = |k: usize| k as f64 * tile + (k as f64 - 1.0) * TILE_GAP;
    // With a single tile per row, `lay_out` still stacks nothing: one figure.
    let lay = |chunk: &[&Figure], y: f64| counters::lay_out(ctx, chunk, x, col(chunk.len()), y, false);
    let number_size =
        figures.chunks(per_row).flat_map(|c| lay(c, 0.0).0).map(|c| c.number_size).fold(f64::INFINITY, f64::min);
    let mut out = Vec::new();
    let mut y = top;
    for chunk in figures.chunks(per_row) {
        let (mut row, _) = lay(chunk, y);
        let mut bottom = y;
        for c in &mut row {
            let shift = (c.number_size - number_size) * 1.25;
            c.number_size = number_size;
            for line in &mut c.label {
                line.y -= shift;
            }
            let below = c.label.last().map_or(c.y + 11.0 + number_size * 1.25, |l| l.y + text::line_height(l.size));
            bottom = bottom.max(below);
        }
        out.extend(row);
        y = bottom + ROW_GAP;
    }
    (out, y - ROW_GAP)
}

fn subtitle(lang: Lang) -> &'static str {
    crate::text::text(crate::text::Text::ContestsSubtitle, lang)
}

fn person_times_note(lang: Lang) -> &'static str {
    crate::text::text(crate::text::Text::ContestsPersonTimes, lang)
}

/// A figure told in one line: its number, bold, then what it counts.
#[derive(Clone, Debug, PartialEq)]
pub struct InlineFigure {
    pub figure_id: String,
    pub x: f64,
    pub y: f64,
    pub number_size: f64,
    pub number: CountUp,
    pub label: Vec<Line>,
}

impl InlineFigure {
    /// `figure` at (`x`, `y`) in a column `w` wide; returns it and the y below.
    pub fn new(ctx: &Ctx, figure: &Figure, x: f64, y: f64, w: f64) -> (Self, f64) {
        let body = ctx.body_size();
        let number_size = (body * 1.6).round();
        let final_text = format::figure(figure, ctx.lang);
        let nw = text::width(&final_text, number_size, true);
        let mut label = Vec::new();
        // Beside the number when a few characters fit there, else under it.
        let (lx, mut ly, lw) = if w - nw - 10.0 >= body * 6.0 {
            (x + nw + 10.0, y + (number_size - body) * 0.6, w - nw - 10.0)
        } else {
            (x, y + number_size * 1.3, w)
        };
        wrap_into(&mut label, lx, &mut ly, figure.label.get(ctx.lang), body, false, lw);
        let bottom = ly.max(y + number_size * 1.3);
        let inline = InlineFigure {
            figure_id: figure.id.clone(),
            x,
            y,
            number_size,
            number: CountUp::new(figure, ctx.lang),
            label,
        };
        (inline, bottom)
    }

    pub fn final_text(&self) -> String {
        self.number.final_text()
    }

    pub fn hotspot(&self) -> Hotspot {
        let w = text::width(&self.final_text(), self.number_size, true);
        let rect = Rect { x: self.x, y: self.y, w, h: text::box_height(self.number_size) };
        Hotspot { rect, figure_id: self.figure_id.clone() }
    }

    /// Counts up with eased progress `t`; the qualifier comes with the final value.
    pub fn draw(&self, scene: &mut Scene<Ink>, t: f64, p: &Inks) {
        let number = self.number.at(t);
        scene.text(self.x, self.y, number, Font::bold(self.number_size), p.accent, Align::Left);
        draw_lines(scene, &self.label, p.text);
    }

    pub fn describe(&self, lang: Lang) -> String {
        let label: Vec<&str> = self.label.iter().map(|l| l.text.as_str()).collect();
        let label = if lang == Lang::Zh { label.concat() } else { label.join(" ") };
        format!("{label}{}{}", crate::text::text(crate::text::Text::Sep, lang), self.final_text())
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct ContestsLayout {
    pub width: f64,
    pub height: f64,
    pub lang: Lang,
    pub lines: Vec<Line>,
    pub counters: Vec<Counter>,
    /// Under the counters, muted.
    pub notes: Vec<Line>,
    /// A rule above the academy line, (x, y, w).
    pub rule: Option<(f64, f64, f64)>,
    pub academy: Option<InlineFigure>,
    pub hotspots: Vec<Hotspot>,
}

impl ContestsLayout {
    pub fn new(ctx: &Ctx) -> Self {
        let (lang, width) = (ctx.lang, ctx.width);
        let pad = ctx.pad();
        let inner = (width - 2.0 * pad).max(1.0);
        let body = ctx.body_size();
        let figures: Vec<&Figure> = CONTEST_IDS.iter().filter_map(|id| ctx.data.figure(id)).collect();
        let mut lines = Vec::new();
        let mut notes = Vec::new();
        let mut y = pad;
        let mut counters = Vec::new();
        if !figures.is_empty() {
            wrap_into(&mut lines, pad, &mut y, subtitle(lang), body, false, inner);
            y += 10.0;
            let (c, bottom) = counter_rows(ctx, &figures, pad, inner, y);
            counters = c;
            y = bottom + 10.0;
            if figures.iter().any(|f| f.id == "city.contest_participants") {
                wrap_into(&mut notes, pad, &mut y, person_times_note(lang), body - 1.0, false, inner);
            }
        }
        let mut rule = None;
        let mut academy = None;
        if let Some(figure) = ctx.data.figure(ACADEMY_ID) {
            if !counters.is_empty() {
                y += 12.0;
                rule = Some((pad, y, inner));
                y += 14.0;
            }
            let (a, bottom) = InlineFigure::new(ctx, figure, pad, y, inner);
            academy = Some(a);
            y = bottom;
        }
        let mut hotspots: Vec<Hotspot> = counters.iter().map(Counter::hotspot).collect();
        hotspots.extend(academy.iter().map(InlineFigure::hotspot));
        ContestsLayout { width, height: (y + pad).ceil(), lang, lines, counters, notes, rule, academy, hotspots }
    }
}

impl Chart for ContestsLayout {
    fn size(&self) -> (f64, f64) {
        (self.width, self.height)
    }

    fn entry_ms(&self) -> f64 {
        anim::entry_total_ms(self.counters.len() + usize::from(self.academy.is_some()))
    }

    fn frame(&self, elapsed_ms: f64) -> Scene<Ink> {
        let p = &INKS;
        let mut scene = Scene::new(self.width, self.height, p.background);
        draw_lines(&mut scene, &self.lines, p.muted);
        for (i, c) in self.counters.iter().enumerate() {
            c.draw(&mut scene, anim::staggered(elapsed_ms, i), p);
        }
        draw_lines(&mut scene, &self.notes, p.muted);
        if let Some((x, y, w)) = self.rule {
            scene.rect(x, y, w, 1.0, p.rule);
        }
        if let Some(a) = &self.academy {
            a.draw(&mut scene, anim::staggered(elapsed_ms, self.counters.len()), p);
        }
        scene
    }

    fn hotspots(&self) -> &[Hotspot] {
        &self.hotspots
    }

    fn describe(&self) -> String {
        let zh = self.lang == Lang::Zh;
        let mut parts: Vec<String> = self
            .counters
            .iter()
            .map(|c| match (c.figure_id.as_str(), zh) {
                ("city.contest_participants", true) => format!("{}人次", c.describe(zh)),
                ("city.contest_participants", false) => format!("{} (person-times)", c.describe(zh)),
                _ => c.describe(zh),
            })
            .collect();
        parts.extend(self.academy.iter().map(|a| a.describe(self.lang)));
        if zh {
            format!("技能竞赛：{}。", parts.join("；"))
        } else {
            format!("Skills contests: {}.", parts.join("; "))
        }
    }
}
