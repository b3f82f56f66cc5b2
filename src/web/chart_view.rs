//! One chart's DOM: its section, heading, canvas, keyboard ring and live
//! region. What it shows and when comes from `app`; this only holds the
//! elements and sizes them.

use crate::text::{text, Text};
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

use super::dom;
use super::surface::Surface;
use crate::app::effects::Area;
use crate::charts::{Chart, ChartKind};
use crate::data::Lang;
use crate::format::css_px;

pub struct ChartView {
    pub kind: ChartKind,
    pub section: HtmlElement,
    heading: HtmlElement,
    /// The element whose width the chart takes.
    pub slot: HtmlElement,
    pub surface: Surface,
    /// A ring over the number the keyboard is on.
    ring: HtmlElement,
    /// Reads the number and its sentence out as the keyboard reaches it.
    live: HtmlElement,
}

impl ChartView {
    pub fn new(kind: ChartKind) -> Result<Self, JsValue> {
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
        let ring: HtmlElement = dom::create("div")?;
        ring.set_class_name("ak-focus-ring");
        ring.set_hidden(true);
        let live: HtmlElement = dom::create("p")?;
        live.set_class_name("ak-live");
        let _ = live.set_attribute("aria-live", "polite");
        slot.append_child(&surface.canvas)?;
        slot.append_child(&ring)?;
        section.append_child(&heading)?;
        section.append_child(&slot)?;
        section.append_child(&live)?;
        Ok(ChartView { kind, section, heading, slot, surface, ring, live })
    }

    /// The width the chart may take. Read every view's width before sizing
    /// any: a read after a canvas resize would force a layout each time.
    pub fn slot_width(&self) -> f64 {
        self.slot.get_bounding_client_rect().width().floor()
    }

    /// Sizes the canvas for the chart as laid out (or hides the section when
    /// the data lacks the chart's figures) and labels it for screen readers.
    pub fn fit(&mut self, chart: Option<&dyn Chart>, lang: Lang, dpr: f64) {
        self.apply_texts(lang);
        self.section.set_hidden(chart.is_none());
        self.hide_ring();
        let Some(chart) = chart else { return };
        let (w, h) = chart.size();
        self.surface.resize(w, h, dpr);
        let label = format!("{} {}", chart.describe(), text(Text::ArrowHint, lang));
        let _ = self.surface.canvas.set_attribute("aria-label", &label);
        let _ = self.surface.canvas.set_attribute("lang", lang.code());
    }

    /// The heading, in place before the first layout so that laying out the
    /// sized canvases shapes no new text.
    pub fn apply_texts(&self, lang: Lang) {
        dom::set_text(&self.heading, self.kind.heading(lang));
    }

    pub fn show_ring(&self, r: Area) {
        let (x, y, w, h) = r;
        let style = [
            ("left", css_px(x - 3.0)),
            ("top", css_px(y - 3.0)),
            ("width", css_px(w + 6.0)),
            ("height", css_px(h + 6.0)),
        ];
        let pairs: Vec<(&str, &str)> = style.iter().map(|(k, v)| (*k, v.as_str())).collect();
        dom::set_style(&self.ring, &pairs);
        self.ring.set_hidden(false);
    }

    pub fn hide_ring(&self) {
        self.ring.set_hidden(true);
    }

    pub fn announce(&self, text: &str) {
        self.live.set_text_content(Some(text));
    }

    /// A hotspot's rect (CSS px of this canvas) as the client point below
    /// its middle, for the tooltip.
    pub fn below(&self, r: Area) -> (f64, f64) {
        let canvas = self.surface.canvas.get_bounding_client_rect();
        (canvas.left() + r.0 + r.2 / 2.0, canvas.top() + r.1 + r.3)
    }
}
