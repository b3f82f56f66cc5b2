//! One file per chart. A chart is laid out once per width, language and
//! theme (a pure function of the data), then builds a `Scene` for any moment
//! of its entry animation. Numbers on screen are `Hotspot`s, so the page can
//! show the article's sentence behind each.

pub mod axis;
pub mod bar;
pub mod contests;
pub mod counters;
pub mod headline;
pub mod outputs;
pub mod pyramid;
pub mod tea;
pub mod waffle;

use crate::data::{Dataset, Lang};
use crate::layout::Rect;
use crate::scene::Scene;
use crate::theme::Ink;

/// What a chart is laid out for.
#[derive(Clone, Copy, Debug)]
pub struct Ctx<'a> {
    pub data: &'a Dataset,
    pub lang: Lang,
    /// Width of the chart's frame, CSS px.
    pub width: f64,
}

impl<'a> Ctx<'a> {
    /// The context for a chart `width` px wide in `view`.
    pub fn new(data: &'a Dataset, view: &crate::view::View, width: f64) -> Self {
        let width = crate::view::usable_width(width);
        Ctx { data, lang: view.lang, width }
    }

    /// Body text size: phones keep 13 px, wide frames get a little more.
    pub fn body_size(&self) -> f64 {
        if self.width >= 560.0 {
            15.0
        } else if self.width >= 400.0 {
            14.0
        } else {
            13.0
        }
    }

    /// Side padding of the frame.
    pub fn pad(&self) -> f64 {
        (self.width * 0.04).clamp(10.0, 20.0)
    }
}

/// A line of text placed on the frame; `y` is its top.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub x: f64,
    pub y: f64,
    pub text: String,
    pub size: f64,
    pub bold: bool,
}

/// Wraps `text` into balanced lines at (`x`, `*y`), moving `*y` down.
pub fn wrap_into(out: &mut Vec<Line>, x: f64, y: &mut f64, text: &str, size: f64, bold: bool, max: f64) {
    for line in crate::layout::text::wrap_balanced(text, size, bold, max) {
        out.push(Line { x, y: *y, text: line, size, bold });
        *y += crate::layout::text::line_height(size);
    }
}

/// Draws placed lines in one colour.
pub fn draw_lines<C: Copy>(scene: &mut Scene<C>, lines: &[Line], color: C) {
    for l in lines {
        let font = crate::scene::Font { size: l.size, bold: l.bold };
        scene.text(l.x, l.y, l.text.clone(), font, color, crate::scene::Align::Left);
    }
}

/// A number drawn on screen and the figure it shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Hotspot {
    pub rect: Rect,
    pub figure_id: String,
}

pub trait Chart {
    /// Frame width and height, CSS px.
    fn size(&self) -> (f64, f64);
    /// How long the entry animation lasts, ms.
    fn entry_ms(&self) -> f64;
    /// The frame `elapsed_ms` after entry began; at or past `entry_ms()` it
    /// is the settled frame.
    fn frame(&self, elapsed_ms: f64) -> Scene<Ink>;
    /// Where the numbers are, for provenance tooltips.
    fn hotspots(&self) -> &[Hotspot];
    /// The chart as one sentence, for screen readers.
    fn describe(&self) -> String;
}

/// The first hotspot containing `p` (CSS px).
pub fn hotspot_at(hotspots: &[Hotspot], p: (f64, f64)) -> Option<&Hotspot> {
    hotspots.iter().find(|h| h.rect.holds(p, 0.0))
}

/// The keyboard tour through a chart's numbers: hotspots in reading order
/// (rows top to bottom, left to right within a row), one index per figure.
pub fn reading_order(hotspots: &[Hotspot]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..hotspots.len()).collect();
    // Hotspots whose tops are within half a line of each other share a row.
    let row = |h: &Hotspot| (h.rect.y / 12.0).round();
    crate::layout::sort_by(&mut order, |&a, &b| {
        let (ha, hb) = (&hotspots[a], &hotspots[b]);
        row(ha).total_cmp(&row(hb)).then(ha.rect.x.total_cmp(&hb.rect.x))
    });
    order.dedup_by(|a, b| hotspots[*a].figure_id == hotspots[*b].figure_id);
    order
}

/// The next stop of the tour from `at` (a position in `reading_order`),
/// `step` = ±1, wrapping; from nowhere, the first (or the last going back).
pub fn tour_step(len: usize, at: Option<usize>, step: i32) -> Option<usize> {
    if len == 0 {
        return None;
    }
    Some(match at {
        None if step >= 0 => 0,
        None => len - 1,
        Some(i) => (i as i64 + i64::from(step)).rem_euclid(len as i64) as usize,
    })
}

/// Every chart of the page, in reading order (the map is separate).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartKind {
    Headline,
    Waffle,
    Pyramid,
    Outputs,
    Contests,
    Tea,
}

impl ChartKind {
    pub const ALL: [ChartKind; 6] = [
        ChartKind::Headline,
        ChartKind::Waffle,
        ChartKind::Pyramid,
        ChartKind::Outputs,
        ChartKind::Contests,
        ChartKind::Tea,
    ];

    /// The chart's id in the page (`data-chart="headline"`): its name in
    /// lower case, written out so no Debug or Unicode case tables ship.
    pub fn id(self) -> &'static str {
        match self {
            ChartKind::Headline => "headline",
            ChartKind::Waffle => "waffle",
            ChartKind::Pyramid => "pyramid",
            ChartKind::Outputs => "outputs",
            ChartKind::Contests => "contests",
            ChartKind::Tea => "tea",
        }
    }

    /// The section head the page shows above the chart.
    pub fn heading(self, lang: Lang) -> &'static str {
        use crate::text::{text, Text};
        text(
            match self {
                ChartKind::Headline => Text::HeadingHeadline,
                ChartKind::Waffle => Text::HeadingWaffle,
                ChartKind::Pyramid => Text::HeadingPyramid,
                ChartKind::Outputs => Text::HeadingOutputs,
                ChartKind::Contests => Text::HeadingContests,
                ChartKind::Tea => Text::HeadingTea,
            },
            lang,
        )
    }

    /// Lays the chart out, or None when the data lacks its figures (a host's
    /// own data set may hold only some of them).
    pub fn build(self, ctx: &Ctx) -> Option<Box<dyn Chart>> {
        match self {
            ChartKind::Headline => {
                let chart = headline::HeadlineLayout::new(ctx);
                (!chart.counters.is_empty() || !chart.bars.is_empty()).then(|| Box::new(chart) as Box<dyn Chart>)
            }
            ChartKind::Waffle => {
                let chart = waffle::WaffleLayout::new(ctx);
                (!chart.squares.is_empty()).then(|| Box::new(chart) as Box<dyn Chart>)
            }
            ChartKind::Pyramid => {
                let chart = pyramid::PyramidLayout::new(ctx);
                (!chart.tiers.is_empty()).then(|| Box::new(chart) as Box<dyn Chart>)
            }
            ChartKind::Outputs => {
                let chart = outputs::OutputsLayout::new(ctx);
                (!chart.panels.is_empty()).then(|| Box::new(chart) as Box<dyn Chart>)
            }
            ChartKind::Contests => {
                let chart = contests::ContestsLayout::new(ctx);
                (!chart.counters.is_empty()).then(|| Box::new(chart) as Box<dyn Chart>)
            }
            ChartKind::Tea => {
                let chart = tea::TeaLayout::new(ctx);
                (!chart.counters.is_empty() || !chart.bars.is_empty()).then(|| Box::new(chart) as Box<dyn Chart>)
            }
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::ChartKind;

    /// The English descriptions lower-case titles and labels with
    /// `to_ascii_lowercase` (Unicode's case tables cost the module ~8 KB):
    /// the same text as long as no English text has a non-ASCII capital.
    #[test]
    fn english_texts_lower_case_as_ascii() {
        let data = crate::data::embedded().unwrap();
        let texts =
            data.figures.iter().map(|f| f.label.en.as_str()).chain(data.themes.iter().map(|t| t.name.en.as_str()));
        for text in texts {
            assert_eq!(text.to_lowercase(), text.to_ascii_lowercase(), "{text}");
        }
        for kind in ChartKind::ALL {
            assert_eq!(kind.id(), format!("{kind:?}").to_lowercase());
        }
    }
}
