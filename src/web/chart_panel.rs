//! One chart of the page in its own section and canvas. Its entry animation
//! waits until the chart scrolls into view, and pauses while the tab is hidden.

use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

use super::dom;
use super::surface::Surface;
use crate::charts::{Chart, ChartKind, Ctx};
use crate::data::Dataset;
use crate::view::View;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Entry {
    /// Not yet seen: drawn at its first frame.
    Waiting,
    /// Animating; the rAF time it started (None until its first frame).
    Running(Option<f64>),
    Done,
}

pub struct ChartPanel {
    pub kind: ChartKind,
    pub section: HtmlElement,
    heading: HtmlElement,
    /// The element whose width the chart takes.
    pub slot: HtmlElement,
    pub surface: Surface,
    pub chart: Option<Box<dyn Chart>>,
    pub entry: Entry,
    /// The keyboard tour's position in the chart's reading order.
    cursor: Option<usize>,
    /// A ring drawn over the number the keyboard is on.
    focus_ring: HtmlElement,
    /// Announces the number and its sentence as the keyboard reaches it.
    pub live: HtmlElement,
}

impl ChartPanel {
    pub fn new(kind: ChartKind, view: &View) -> Result<Self, JsValue> {
        let section: HtmlElement = dom::create("section")?;
        section.set_class_name("ak-section");
        let _ = section.set_attribute("data-chart", kind.id());
        let heading: HtmlElement = dom::create("h3")?;
        heading.set_class_name("ak-h");
        let slot: HtmlElement = dom::create("div")?;
        slot.set_class_name("ak-slot");
        let surface = Surface::new()?;
        let _ = surface.canvas.set_attribute("role", "img");
        // Focusable, so every number's provenance is reachable without a mouse.
        let _ = surface.canvas.set_attribute("tabindex", "0");
        let focus_ring: HtmlElement = dom::create("div")?;
        focus_ring.set_class_name("ak-focus-ring");
        focus_ring.set_hidden(true);
        let live: HtmlElement = dom::create("p")?;
        live.set_class_name("ak-live");
        let _ = live.set_attribute("aria-live", "polite");
        slot.append_child(&surface.canvas)?;
        slot.append_child(&focus_ring)?;
        section.append_child(&heading)?;
        section.append_child(&slot)?;
        section.append_child(&live)?;
        let entry = if view.reduced_motion { Entry::Done } else { Entry::Waiting };
        Ok(ChartPanel { kind, section, heading, slot, surface, chart: None, entry, cursor: None, focus_ring, live })
    }

    /// The width the chart may take. Read every panel's width before laying
    /// any out: a read after a canvas resize would force a layout each time.
    pub fn slot_width(&self) -> f64 {
        self.slot.get_bounding_client_rect().width().floor()
    }

    /// Lays the chart out `width` px wide (from `slot_width`); hides the
    /// section when the data lacks the chart's figures.
    pub fn fit(&mut self, data: &Dataset, view: &View, width: f64) {
        let width = if width >= 1.0 { width } else { view.layout_width() };
        self.heading.set_text_content(Some(self.kind.heading(view.lang)));
        self.chart = self.kind.build(&Ctx::new(data, view, width));
        self.section.set_hidden(self.chart.is_none());
        if let Some(chart) = &self.chart {
            let (w, h) = chart.size();
            self.surface.resize(w, h, view.layout_dpr());
            let hint = match view.lang {
                crate::data::Lang::Zh => "方向键逐个查看数字及其原文。",
                crate::data::Lang::En => "Arrow keys step through its numbers and their sources.",
            };
            let _ = self.surface.canvas.set_attribute("aria-label", &format!("{} {hint}", chart.describe()));
            self.clear_focus();
            let _ = self.surface.canvas.set_attribute("lang", view.lang.code());
        }
    }

    /// Moves the keyboard tour `step` (±1; 0 stays) and returns the figure
    /// it lands on with its hotspot in client px, for the tooltip.
    pub fn step(&mut self, step: i32) -> Option<(String, (f64, f64))> {
        let chart = self.chart.as_ref()?;
        let spots = chart.hotspots();
        let order = crate::charts::reading_order(spots);
        let at = crate::charts::tour_step(order.len(), self.cursor, step)?;
        self.cursor = Some(at);
        let spot = &spots[order[at]];
        let r = spot.rect;
        dom::set_style(
            &self.focus_ring,
            &[
                ("left", &crate::format::css_px(r.x - 3.0)),
                ("top", &crate::format::css_px(r.y - 3.0)),
                ("width", &crate::format::css_px(r.w + 6.0)),
                ("height", &crate::format::css_px(r.h + 6.0)),
            ],
        );
        self.focus_ring.set_hidden(false);
        let canvas = self.surface.canvas.get_bounding_client_rect();
        Some((spot.figure_id.clone(), (canvas.left() + r.x + r.w / 2.0, canvas.top() + r.y + r.h)))
    }

    /// Leaves the keyboard tour (blur, Escape, relayout).
    pub fn clear_focus(&mut self) {
        self.cursor = None;
        self.focus_ring.set_hidden(true);
    }

    pub fn animating(&self) -> bool {
        matches!(self.entry, Entry::Running(_))
    }

    /// Starts the entry (when the chart comes into view).
    pub fn start(&mut self) -> bool {
        if self.entry == Entry::Waiting && self.chart.is_some() {
            self.entry = Entry::Running(None);
            true
        } else {
            false
        }
    }

    /// Shifts a running entry's start by `ms`: a pause while the tab was hidden.
    pub fn delay(&mut self, ms: f64) {
        if let Entry::Running(Some(start)) = &mut self.entry {
            *start += ms;
        }
    }

    /// Skips straight to the settled frame (animation switched off).
    pub fn finish(&mut self) {
        self.entry = Entry::Done;
    }

    /// Draws the frame for rAF time `now`. A chart not yet seen is not drawn
    /// at all: its canvas stays blank (the page's ground) until its entry
    /// starts, which keeps the first frame to what the reader can see.
    pub fn draw(&mut self, now: f64) {
        let Some(chart) = &self.chart else { return };
        if self.entry == Entry::Waiting {
            return;
        }
        let elapsed = match &mut self.entry {
            Entry::Waiting => 0.0,
            Entry::Running(start) => now - *start.get_or_insert(now),
            Entry::Done => f64::INFINITY,
        };
        if elapsed >= chart.entry_ms() {
            self.entry = Entry::Done;
        }
        self.surface.paint(&chart.frame(elapsed));
    }
}
