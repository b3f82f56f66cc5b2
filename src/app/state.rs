//! The one state of a graphic: the reader's choices, what the browser
//! reports, the layouts that follow from them, and every animation.

use super::look::MapLook;
use super::timeline::{Entry, Timeline};
use crate::charts::{Chart, ChartKind, Ctx};
use crate::data::{Dataset, Metric};
use crate::map::bars::CountyBars;
use crate::map::{metric, Highlight, MapLayout, Transition};
use crate::scene::Scene;
use crate::view::View;

pub const CHARTS: usize = ChartKind::ALL.len();

/// Widest the map itself is drawn; wider frames put the side column beside it.
pub const MAX_MAP_WIDTH: f64 = 560.0;
/// The side column's CSS (www/ankang.css `.ak-map-body`, `.ak-side`):
/// `flex: 1 1 260px; max-width: 640px`, 16 px from the map, wrapping below
/// it when less than 260 px is left.
const SIDE_GAP: f64 = 16.0;
const SIDE_MIN: f64 = 260.0;
const SIDE_MAX: f64 = 640.0;

/// Where the hover highlight comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hover {
    pub place: String,
    /// From the county bars (their cursor), not the map.
    pub on_bars: bool,
}

/// The widths the browser measured, CSS px.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Widths {
    pub slots: Vec<f64>,
    pub map_body: f64,
}

pub struct State {
    pub data: Dataset,
    /// Width, DPR, language, theme, motion.
    pub view: View,
    /// The host forced the theme; otherwise it follows the system.
    pub theme_forced: bool,
    /// This graphic reads and writes the page's URL hash.
    pub deeplink: bool,
    /// The map's views, overview first; empty when the data has none.
    pub metrics: Vec<Metric>,
    pub metric: Metric,
    pub selected: Option<String>,
    pub hovered: Option<Hover>,
    /// The map is drawn once it nears the viewport (or the reader acts on it).
    pub map_seen: bool,
    /// The map is not laid out yet: that waits until the page is idle after
    /// the first charts are drawn, or until something needs it sooner
    /// (`ensure_map`), so no map work stands before the first frame. Never
    /// with motion off (the map is then drawn with the charts).
    pub map_deferred: bool,
    /// Until the visibility observer first reports, entries may be about to start.
    pub awaiting_observer: bool,
    /// When the tab was hidden (ms), to pause animations for as long.
    pub hidden_at: Option<f64>,
    /// Each chart's keyboard cursor: a position in its reading order.
    pub chart_cursor: Vec<Option<usize>>,
    /// The county bars' keyboard cursor: which of their numbers.
    pub bars_cursor: Option<usize>,
    pub widths: Widths,
    pub charts: Vec<Option<Box<dyn Chart>>>,
    pub map: Option<MapLayout>,
    pub bars: Option<CountyBars>,
    pub timeline: Timeline<MapLook>,
}

impl State {
    pub fn new(data: Dataset, view: View, theme_forced: bool, deeplink: bool) -> State {
        let metrics = metric::available(&data);
        let metric = metrics.first().copied().unwrap_or(Metric::Overview);
        let mut timeline = Timeline::new(CHARTS);
        if view.reduced_motion {
            timeline.finish();
        }
        State {
            data,
            view,
            theme_forced,
            deeplink,
            metric,
            map_seen: view.reduced_motion,
            // With motion off everything is drawn final at once, the map
            // included (it counts as seen): nothing is left for later.
            map_deferred: !metrics.is_empty() && !view.reduced_motion,
            awaiting_observer: !view.reduced_motion,
            metrics,
            selected: None,
            hovered: None,
            hidden_at: None,
            chart_cursor: vec![None; CHARTS],
            bars_cursor: None,
            widths: Widths::default(),
            charts: (0..CHARTS).map(|_| None).collect(),
            map: None,
            bars: None,
            timeline,
        }
    }

    /// Lays every chart and the map out for the measured widths.
    pub fn relayout(&mut self) {
        for (i, kind) in ChartKind::ALL.iter().enumerate() {
            let width = self.widths.slots.get(i).copied().filter(|w| *w >= 1.0).unwrap_or(self.view.layout_width());
            self.charts[i] = kind.build(&Ctx::new(&self.data, &self.view, width));
            self.chart_cursor[i] = None;
        }
        if !self.map_deferred {
            self.relayout_map();
        }
    }

    /// Lays the map out if it was still deferred; whether it did (the map's
    /// canvases then need fitting and painting).
    pub fn ensure_map(&mut self) -> bool {
        if !self.map_deferred {
            return false;
        }
        self.map_deferred = false;
        self.relayout_map();
        true
    }

    /// The data has a map: the metric and the places mean something, laid
    /// out or not.
    pub fn has_map(&self) -> bool {
        !self.metrics.is_empty()
    }

    /// Lays the map and the county bars out for the current metric.
    pub fn relayout_map(&mut self) {
        if self.metrics.is_empty() {
            return;
        }
        let available = if self.widths.map_body >= 1.0 { self.widths.map_body } else { self.view.layout_width() };
        let width = available.min(MAX_MAP_WIDTH);
        let lang = self.view.lang;
        let layout = MapLayout::new(&self.data, self.metric, width, lang);
        let beside = available - layout.width - SIDE_GAP;
        let side = if beside >= SIDE_MIN { beside } else { available }.min(SIDE_MAX).floor();
        let bars = CountyBars::new(&self.data, self.metric, side, lang);
        self.map = Some(layout);
        self.bars = Some(bars);
        // A tween under way keeps going, now towards the new layout.
        self.retarget_tween();
        self.bars_cursor = None;
    }

    /// The map's look as laid out (the end of any tween), in the theme's
    /// colours: tweens move between what is on screen.
    pub fn map_target(&self) -> Option<MapLook> {
        let palette = self.view.theme.palette();
        Some(MapLook { fills: self.map.as_ref()?.fills(palette), bars: self.bars.as_ref()?.resolved(palette) })
    }

    /// Points a tween under way at the current layout and theme.
    pub fn retarget_tween(&mut self) {
        if let (Some(to), Some(tween)) = (self.map_target(), self.timeline.map.as_mut()) {
            tween.to = to;
        }
    }

    /// The keyboard's order of places: counties west to east, then markers.
    pub fn tour(&self) -> &[String] {
        self.map.as_ref().map_or(&[], |m| m.tour.as_slice())
    }

    /// A county or marker of the map, known before the map is laid out.
    pub fn is_place(&self, id: &str) -> bool {
        self.has_map() && crate::map::places::is_place(id)
    }

    /// Chart `i`'s frame at `now`, or None while it waits to be seen (its
    /// canvas stays blank, the page's ground, until its entry starts).
    pub fn chart_scene(&mut self, i: usize, now: f64) -> Option<Scene> {
        let elapsed = self.timeline.entries.get_mut(i)?.elapsed(now)?;
        let palette = self.view.theme.palette();
        self.charts.get(i)?.as_ref().map(|c| c.frame(elapsed).resolve(palette))
    }

    /// The map and the county bars at `now`, mid-tween included; None until
    /// the map has come near the viewport.
    pub fn map_scenes(&mut self, now: f64) -> Option<(Scene, Scene)> {
        if !self.map_seen {
            return None;
        }
        let hovered = self.hovered.as_ref().map(|h| h.place.as_str());
        let selected = self.selected.as_deref();
        let (layout, bars) = (self.map.as_ref()?, self.bars.as_ref()?);
        let highlight = Highlight { hovered, selected };
        // The theme is chosen here, when painting: layouts draw in roles.
        let p = self.view.theme.palette();
        let Some(tween) = self.timeline.map.as_mut() else {
            return Some((layout.frame(highlight, None).resolve(p), bars.frame(hovered, selected, None).resolve(p)));
        };
        let t = tween.eased(now);
        let transition = Transition { from: tween.from.fills.clone(), t };
        let map = layout.frame(highlight, Some(&transition)).resolve(p);
        let scenes = (map, bars.frame(hovered, selected, Some((&tween.from.bars, t))).resolve(p));
        if tween.done(now) {
            self.timeline.map = None;
        }
        Some(scenes)
    }

    /// Whether chart `i` animates (its entry is running).
    pub fn chart_running(&self, i: usize) -> bool {
        matches!(self.timeline.entries.get(i), Some(Entry::Running(_)))
    }

    pub fn settled(&self) -> bool {
        !self.timeline.running() && !self.awaiting_observer && !self.map_deferred
    }
}
