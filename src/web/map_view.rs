//! The county map's DOM: view switcher, canvas, tooltip, county bars, story
//! card and live region. Hit testing uses the browser's own `Path2D` +
//! `isPointInPath` on device-pixel paths, so it is exact at any DPR. What
//! the map shows comes from `app`; this holds and fills the elements.

use std::cell::RefCell;

use crate::text::{fill, text, Text};
use wasm_bindgen::prelude::*;
use web_sys::{HtmlElement, Path2d};

use super::dom;
use super::surface::Surface;
use crate::app::{speech, State};
use crate::data::{Lang, Metric};
use crate::format;
use crate::map::metric;
use crate::scene::Scene;

pub struct MapView {
    pub section: HtmlElement,
    heading: HtmlElement,
    pub switcher: HtmlElement,
    buttons: Vec<(Metric, HtmlElement)>,
    /// Holds the map and the side column; its width is what they share.
    body: HtmlElement,
    wrap: HtmlElement,
    pub surface: Surface,
    tooltip: HtmlElement,
    pub bars_surface: Surface,
    pub card: HtmlElement,
    live: HtmlElement,
    /// Device-pixel paths of the counties, rebuilt with the layout.
    paths: Vec<(String, Path2d)>,
    /// What the card was last built for (place, language): it is rebuilt
    /// only when that changes, not on every refresh.
    card_for: RefCell<Option<(Option<String>, Lang)>>,
}

fn el(tag: &str, class: &str) -> Result<HtmlElement, JsValue> {
    let e: HtmlElement = dom::create(tag)?;
    e.set_class_name(class);
    Ok(e)
}

impl MapView {
    pub fn new(metrics: &[Metric]) -> Result<Self, JsValue> {
        let section = el("section", "ak-map")?;
        let heading = el("h2", "ak-h")?;
        heading.set_id(&format!("ak-map-h-{}", (js_sys::Math::random() * 1e9) as u64));
        let _ = section.set_attribute("aria-labelledby", &heading.id());
        let switcher = el("div", "ak-metrics")?;
        let _ = switcher.set_attribute("role", "radiogroup");
        let mut buttons = Vec::new();
        for m in metrics {
            let b = el("button", "ak-metric")?;
            let _ = b.set_attribute("type", "button");
            let _ = b.set_attribute("role", "radio");
            let _ = b.set_attribute("data-metric", metric::id(*m));
            switcher.append_child(&b)?;
            buttons.push((*m, b));
        }
        let body = el("div", "ak-map-body")?;
        let wrap = el("div", "ak-map-wrap")?;
        let surface = Surface::new()?;
        let canvas = &surface.canvas;
        let _ = canvas.set_attribute("tabindex", "0");
        let _ = canvas.set_attribute("role", "application");
        let tooltip = el("div", "ak-tooltip")?;
        tooltip.set_hidden(true);
        let _ = tooltip.set_attribute("aria-hidden", "true");
        wrap.append_child(canvas)?;
        wrap.append_child(&tooltip)?;
        let side = el("div", "ak-side")?;
        let bars_surface = Surface::new()?;
        let _ = bars_surface.canvas.set_attribute("role", "img");
        // Focusable: arrow keys walk its numbers and their sources.
        let _ = bars_surface.canvas.set_attribute("tabindex", "0");
        let card = el("div", "ak-card")?;
        side.append_child(&bars_surface.canvas)?;
        side.append_child(&card)?;
        let live = el("p", "ak-live")?;
        let _ = live.set_attribute("aria-live", "polite");
        body.append_child(&wrap)?;
        body.append_child(&side)?;
        for child in [&heading, &switcher, &body, &live] {
            section.append_child(child)?;
        }
        Ok(MapView {
            section,
            heading,
            switcher,
            buttons,
            body,
            wrap,
            surface,
            tooltip,
            bars_surface,
            card,
            live,
            paths: Vec::new(),
            card_for: RefCell::new(None),
        })
    }

    /// The width the map and its side column share.
    pub fn body_width(&self) -> f64 {
        self.body.get_bounding_client_rect().width().floor()
    }

    /// Sizes both canvases for the layouts in `app`, rebuilds the hit paths
    /// and refreshes every text.
    pub fn fit(&mut self, app: &State) {
        let (Some(layout), Some(bars)) = (app.map.as_ref(), app.bars.as_ref()) else {
            // Not laid out yet (idle time will): the heading and switcher
            // still read right meanwhile.
            self.refresh(app);
            return;
        };
        let (lang, dpr) = (app.view.lang, app.view.layout_dpr());
        self.surface.resize(layout.width, layout.height, dpr);
        dom::set_style(&self.wrap, &[("width", &format::css_px(layout.width))]);
        self.bars_surface.resize(bars.width, bars.height, dpr);
        let label = format!("{} {}", bars.describe(), text(Text::ArrowHint, lang));
        let _ = self.bars_surface.canvas.set_attribute("aria-label", &label);
        let _ = self.bars_surface.canvas.set_attribute("lang", lang.code());
        self.paths = layout
            .counties
            .iter()
            .filter_map(|c| {
                let path = Path2d::new().ok()?;
                for ring in &c.rings {
                    for (i, p) in ring.iter().enumerate() {
                        if i == 0 {
                            path.move_to(p.0 * dpr, p.1 * dpr);
                        } else {
                            path.line_to(p.0 * dpr, p.1 * dpr);
                        }
                    }
                    path.close_path();
                }
                Some((c.place_id.clone(), path))
            })
            .collect();
        self.refresh(app);
    }

    /// Texts, the switcher's state and the card: after any change of view.
    pub fn refresh(&self, app: &State) {
        let lang = app.view.lang;
        dom::set_text(&self.heading, text(Text::MapHeading, lang));
        let _ = self.switcher.set_attribute("aria-label", text(Text::MapSwitcherLabel, lang));
        for (m, b) in &self.buttons {
            dom::set_text(b, metric::name(&app.data, *m, lang));
            let _ = b.set_attribute("aria-checked", if *m == app.metric { "true" } else { "false" });
        }
        let _ = self.surface.canvas.set_attribute("aria-label", &speech::describe_map(app));
        let _ = self.surface.canvas.set_attribute("lang", lang.code());
        self.render_card(app);
    }

    pub fn paint(&self, map: &Scene, bars: &Scene) {
        self.surface.paint(map);
        self.bars_surface.paint(bars);
    }

    /// A bar's hotspot (CSS px of the bars canvas) as the client point below
    /// its middle, for the tooltip.
    pub fn below_bar(&self, r: crate::app::effects::Area) -> (f64, f64) {
        let canvas = self.bars_surface.canvas.get_bounding_client_rect();
        (canvas.left() + r.0 + r.2 / 2.0, canvas.top() + r.1 + r.3)
    }

    pub fn announce(&self, text: &str) {
        self.live.set_text_content(Some(text));
    }

    /// The place under a pointer at client coordinates: markers by distance,
    /// counties by the browser's own path test in device pixels.
    pub fn place_at(&self, app: &State, client_x: f64, client_y: f64) -> Option<String> {
        let (css, device) = self.surface.locate(client_x, client_y);
        if let Some(id) = app.map.as_ref()?.hit(css).filter(|id| id.parse::<u32>().is_err()) {
            return Some(id.to_owned());
        }
        let ctx = self.surface.context()?;
        self.paths
            .iter()
            .find(|(_, path)| ctx.is_point_in_path_with_path_2d_and_f64(path, device.0, device.1))
            .map(|(id, _)| id.clone())
    }

    /// Shows the tooltip near (x, y) in CSS px of the canvas, kept inside the map.
    pub fn show_tooltip(&self, text: &str, at: (f64, f64)) {
        self.tooltip.set_text_content(Some(text));
        self.tooltip.set_hidden(false);
        let size = (f64::from(self.tooltip.offset_width()), f64::from(self.tooltip.offset_height()));
        let rect = self.surface.canvas.get_bounding_client_rect();
        dom::move_to(&self.tooltip, dom::place_beside(at, size, (rect.width(), rect.height()), 2.0));
    }

    pub fn hide_tooltip(&self) {
        self.tooltip.set_hidden(true);
    }

    /// The pointer cursor over whichever canvas the hover came from.
    pub fn set_cursor(&self, app: &State) {
        let (map, bars) = match &app.hovered {
            Some(h) if h.on_bars => ("default", "pointer"),
            Some(_) => ("pointer", "default"),
            None => ("default", "default"),
        };
        let _ = self.surface.canvas.style().set_property("cursor", map);
        let _ = self.bars_surface.canvas.style().set_property("cursor", bars);
    }

    /// The story card: the selected place's summary and every figure, each
    /// with the article's sentence behind a disclosure.
    fn render_card(&self, app: &State) {
        let lang = app.view.lang;
        let shows = Some((app.selected.clone(), lang));
        if *self.card_for.borrow() == shows {
            return;
        }
        *self.card_for.borrow_mut() = shows;
        dom::clear(&self.card);
        let Some(id) = app.selected.clone() else {
            if let Ok(p) = el("p", "ak-hint") {
                p.set_text_content(Some(text(Text::MapHint, lang)));
                let _ = self.card.append_child(&p);
            }
            return;
        };
        let data = &app.data;
        let _ = (|| -> Result<(), JsValue> {
            let head = el("div", "ak-card-head")?;
            let title = el("h3", "ak-card-title")?;
            title.set_text_content(Some(&speech::place_name(app, &id)));
            let close = el("button", "ak-close")?;
            let _ = close.set_attribute("type", "button");
            let _ = close.set_attribute("data-action", "close");
            close.set_text_content(Some(text(Text::Close, lang)));
            head.append_child(&title)?;
            head.append_child(&close)?;
            self.card.append_child(&head)?;
            if let Some(place) = data.place(&id) {
                let summary = el("p", "ak-summary")?;
                summary.set_text_content(Some(place.summary.get(lang)));
                self.card.append_child(&summary)?;
            }
            let list = el("ul", "ak-figures")?;
            let figures: Vec<_> = data.figures_of(&id).collect();
            for f in &figures {
                let item = el("li", "ak-figure")?;
                let value = el("strong", "ak-value")?;
                value.set_text_content(Some(&format::figure(f, lang)));
                let label = el("span", "ak-label")?;
                label.set_text_content(Some(f.label.get(lang)));
                item.append_child(&value)?;
                item.append_child(&label)?;
                if let Some(note) = crate::table::derived_note(data, f, lang) {
                    let derived = el("span", "ak-derived")?;
                    derived.set_text_content(Some(&note));
                    item.append_child(&derived)?;
                }
                let details: HtmlElement = el("details", "ak-source")?;
                let summary = el("summary", "")?;
                summary.set_text_content(Some(text(Text::ArticleText, lang)));
                details.append_child(&summary)?;
                if lang == Lang::En {
                    let translation = el("blockquote", "")?;
                    let _ = translation.set_attribute("lang", "en");
                    translation.set_text_content(Some(&f.sentence_en));
                    details.append_child(&translation)?;
                }
                let quote = el("blockquote", "ak-original")?;
                let _ = quote.set_attribute("lang", "zh-CN");
                let original = if lang == Lang::En {
                    fill(Text::OriginalPrefix, lang, &[&f.sentence])
                } else {
                    f.sentence.clone()
                };
                quote.set_text_content(Some(&original));
                details.append_child(&quote)?;
                item.append_child(&details)?;
                list.append_child(&item)?;
            }
            if figures.is_empty() {
                let none = el("p", "ak-hint")?;
                none.set_text_content(Some(text(Text::NoFigures, lang)));
                self.card.append_child(&none)?;
            } else {
                self.card.append_child(&list)?;
            }
            Ok(())
        })();
    }
}
