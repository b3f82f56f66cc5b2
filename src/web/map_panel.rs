//! The county map in the page: metric switcher, canvas, tooltip, story card
//! and a live region. Hit testing uses the browser's own `Path2D` +
//! `isPointInPath` on device-pixel paths, so it is exact at any DPR.

use wasm_bindgen::prelude::*;
use web_sys::{HtmlElement, Path2d};

use super::dom;
use super::surface::Surface;
use crate::anim;
use crate::data::{Dataset, Lang, Metric};
use crate::format;
use crate::map::bars::CountyBars;
use crate::map::layout::{marker_name, Fills};
use crate::map::{metric, Highlight, MapLayout, Transition};
use crate::view::View;

/// Length of the colour tween when the metric changes.
pub const TWEEN_MS: f64 = 500.0;
/// Widest the map itself is drawn; wider frames put the story card beside it.
pub const MAX_MAP_WIDTH: f64 = 560.0;
/// The side column's CSS (www/ankang.css `.ak-map-body`, `.ak-side`).
const SIDE_GAP: f64 = 16.0;
const SIDE_MIN: f64 = 260.0;
const SIDE_MAX: f64 = 640.0;

pub struct MapPanel {
    pub section: HtmlElement,
    pub heading: HtmlElement,
    pub switcher: HtmlElement,
    pub buttons: Vec<(Metric, HtmlElement)>,
    /// Holds the map and the card; its width is what the map may use.
    pub body: HtmlElement,
    pub wrap: HtmlElement,
    pub surface: Surface,
    pub tooltip: HtmlElement,
    /// Beside the map (below it on phones): the county bars, then the card.
    #[allow(dead_code)] // kept for hosts styling; the width is computed
    pub side: HtmlElement,
    pub bars_surface: Surface,
    pub bars: CountyBars,
    pub card: HtmlElement,
    pub live: HtmlElement,
    pub layout: MapLayout,
    pub metrics: Vec<Metric>,
    pub metric: Metric,
    pub hovered: Option<String>,
    pub selected: Option<String>,
    /// Device-pixel paths of the counties, rebuilt with the layout.
    paths: Vec<(String, Path2d)>,
    /// Fills and bars to tween from, and the rAF time the tween started (None before its first frame).
    tween: Option<(Fills, CountyBars, Option<f64>)>,
    lang: Lang,
    /// Drawn only once it nears the viewport (or the reader acts on it).
    pub seen: bool,
}

fn el(tag: &str, class: &str) -> Result<HtmlElement, JsValue> {
    let e: HtmlElement = dom::create(tag)?;
    e.set_class_name(class);
    Ok(e)
}

pub fn headline_text(lang: Lang) -> &'static str {
    crate::map::layout::map_heading(lang)
}

fn hint(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "点击地图上的县区，或用 Tab 键进入地图后按方向键选择、回车打开，查看该县区的全部数字与原文。",
        Lang::En => "Tap a county on the map, or Tab into the map and use the arrow keys and Enter, to see all its figures and the article's words.",
    }
}

impl MapPanel {
    /// Builds the DOM; returns None when the data has no metric two counties share.
    pub fn new(data: &Dataset, view: &View) -> Result<Option<Self>, JsValue> {
        let metrics = metric::available(data);
        let Some(&first) = metrics.first() else { return Ok(None) };
        let lang = view.lang;
        let section = el("section", "ak-map")?;
        let heading = el("h2", "ak-h")?;
        heading.set_id(&format!("ak-map-h-{}", (js_sys::Math::random() * 1e9) as u64));
        let _ = section.set_attribute("aria-labelledby", &heading.id());
        let switcher = el("div", "ak-metrics")?;
        let _ = switcher.set_attribute("role", "radiogroup");
        let mut buttons = Vec::new();
        for m in &metrics {
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
        let layout = MapLayout::new(data, first, 320.0, lang, view.theme.palette());
        let bars = CountyBars::new(data, first, 320.0, lang, view.theme.palette());
        Ok(Some(MapPanel {
            section,
            heading,
            switcher,
            buttons,
            body,
            wrap,
            surface,
            tooltip,
            side,
            bars_surface,
            bars,
            card,
            live,
            layout,
            metrics,
            metric: first,
            hovered: None,
            selected: None,
            paths: Vec::new(),
            tween: None,
            lang,
            seen: view.reduced_motion,
        }))
    }

    /// Lays the map out for the frame's width and language, and refreshes
    /// every text the DOM holds.
    pub fn fit(&mut self, data: &Dataset, view: &View) {
        let available = self.body_width();
        self.fit_to(data, view, available);
    }

    /// The width the map and its side column share.
    pub fn body_width(&self) -> f64 {
        self.body.get_bounding_client_rect().width().floor()
    }

    /// Lays the map out for a body `available` px wide, without reading the
    /// DOM: the side column's width follows from the CSS flex rules.
    pub fn fit_to(&mut self, data: &Dataset, view: &View, available: f64) {
        self.lang = view.lang;
        let lang = view.lang;
        let available = if available >= 1.0 { available } else { view.layout_width() };
        let width = available.min(MAX_MAP_WIDTH);
        self.layout = MapLayout::new(data, self.metric, width, lang, view.theme.palette());
        let dpr = view.layout_dpr();
        self.surface.resize(self.layout.width, self.layout.height, dpr);
        dom::set_style(&self.wrap, &[("width", &crate::format::css_px(self.layout.width))]);
        // .ak-side is `flex: 1 1 260px; max-width: 640px` beside the map, 16 px apart,
        // and wraps below it when less than 260 px is left.
        let beside = available - width - SIDE_GAP;
        let side_width = if beside >= SIDE_MIN { beside } else { available }.min(SIDE_MAX).floor();
        self.bars = CountyBars::new(data, self.metric, side_width, lang, view.theme.palette());
        self.bars_surface.resize(self.bars.width, self.bars.height, dpr);
        let _ = self.bars_surface.canvas.set_attribute("aria-label", &self.bars.describe());
        let _ = self.bars_surface.canvas.set_attribute("lang", lang.code());
        self.paths = self
            .layout
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
        self.heading.set_text_content(Some(headline_text(lang)));
        let _ = self.switcher.set_attribute(
            "aria-label",
            match lang {
                Lang::Zh => "地图显示的数字",
                Lang::En => "Figure shown on the map",
            },
        );
        for (m, b) in &self.buttons {
            b.set_text_content(Some(metric::name(*m, lang)));
            let _ = b.set_attribute("aria-checked", if *m == self.metric { "true" } else { "false" });
        }
        let _ = self.surface.canvas.set_attribute("aria-label", &self.describe(data));
        let _ = self.surface.canvas.set_attribute("lang", lang.code());
        self.render_card(data);
    }

    /// A sentence for screen readers: the metric and each county's value.
    pub fn describe(&self, data: &Dataset) -> String {
        let lang = self.lang;
        let values: Vec<String> = self
            .layout
            .counties
            .iter()
            .map(|c| {
                let v = c.value_text.clone().unwrap_or_else(|| crate::map::layout::not_reported(lang).to_owned());
                match lang {
                    Lang::Zh if self.metric == Metric::Overview => format!("{}：{}", c.name, v),
                    Lang::Zh => format!("{}{}", c.name, v),
                    Lang::En if self.metric == Metric::Overview => format!("{}: {}", c.name, v),
                    Lang::En => format!("{} {}", c.name, v),
                }
            })
            .collect();
        if self.metric == Metric::Overview {
            let zones = self.layout.markers.iter().filter_map(|m| {
                let sig = m.signature.as_ref()?;
                Some(format!(
                    "{}{}{sig}",
                    self.place_name(data, &m.place_id),
                    if lang == Lang::Zh { "：" } else { ": " }
                ))
            });
            let all: Vec<String> = values.into_iter().chain(zones).collect();
            return match lang {
                Lang::Zh => format!("安康市县区地图，各县区一项文中所报的做法：{}。方向键选择，回车查看全部数字。", all.join("；")),
                Lang::En => format!(
                    "Map of Ankang's counties, each with one initiative the article reports: {}. Arrow keys choose a place, Enter shows all its figures.",
                    all.join("; ")
                ),
            };
        }
        match lang {
            Lang::Zh => format!(
                "安康市县区地图，按“{}”着色：{}。方向键选择县区，回车查看详情。",
                metric::name(self.metric, lang),
                values.join("，")
            ),
            Lang::En => format!(
                "Map of Ankang's counties coloured by {}: {}. Arrow keys choose a county, Enter shows its details.",
                metric::name(self.metric, lang).to_ascii_lowercase(),
                values.join(", ")
            ),
        }
    }

    pub fn animating(&self) -> bool {
        self.tween.is_some()
    }

    /// Ends a running colour tween at its target.
    pub fn finish(&mut self) {
        self.tween = None;
    }

    /// Shifts a running tween's start by `ms`: a pause while the tab was hidden.
    pub fn delay(&mut self, ms: f64) {
        if let Some((_, _, Some(start))) = &mut self.tween {
            *start += ms;
        }
    }

    pub fn set_metric(&mut self, data: &Dataset, view: &View, metric: Metric) -> bool {
        self.seen = true;
        if metric == self.metric || !self.metrics.contains(&metric) {
            return false;
        }
        let (from, from_bars) = self.current_state();
        self.metric = metric;
        self.fit(data, view);
        self.tween = (!view.reduced_motion).then_some((from, from_bars, None));
        true
    }

    /// Fills and bars as drawn right now, mid-tween included, so a new
    /// change continues from what the reader sees.
    fn current_state(&self) -> (Fills, CountyBars) {
        let now = self.layout.fills();
        match &self.tween {
            Some((from, from_bars, Some(start))) => {
                let t = anim::ease_in_out_cubic((dom::now_ms() - start) / TWEEN_MS);
                let fills = from
                    .iter()
                    .zip(&now)
                    .map(|(a, b)| (crate::map::colour::mix(a.0, b.0, t), if t < 0.5 { a.1 } else { b.1 }))
                    .collect();
                (fills, self.bars.blend(from_bars, t))
            }
            Some((from, from_bars, None)) => (from.clone(), from_bars.clone()),
            None => (now, self.bars.clone()),
        }
    }

    pub fn draw(&mut self, now: Option<f64>) {
        if !self.seen {
            return;
        }
        let t = match (&mut self.tween, now) {
            (Some((_, _, start)), Some(now)) => {
                let start = *start.get_or_insert(now);
                Some(anim::ease_in_out_cubic((now - start) / TWEEN_MS))
            }
            (Some(_), None) => Some(0.0),
            (None, _) => None,
        };
        if t.is_some_and(|t| t >= 1.0) {
            self.tween = None;
        }
        let (hovered, selected) = (self.hovered.as_deref(), self.selected.as_deref());
        let (transition, bars_from) = match (&self.tween, t) {
            (Some((from, from_bars, _)), Some(t)) => (Some(Transition { from: from.clone(), t }), Some((from_bars, t))),
            _ => (None, None),
        };
        self.surface.paint(&self.layout.frame(Highlight { hovered, selected }, transition.as_ref()));
        self.bars_surface.paint(&self.bars.frame(hovered, selected, bars_from));
    }

    /// Moves the hover highlight, from the pointer over the map (`on_bars`
    /// false) or over the county bars; redraws only when it changes.
    pub fn set_hovered(&mut self, place: Option<String>, on_bars: bool) {
        self.seen = true;
        if place == self.hovered {
            return;
        }
        let canvas = if on_bars { &self.bars_surface.canvas } else { &self.surface.canvas };
        let _ = canvas.style().set_property("cursor", if place.is_some() { "pointer" } else { "default" });
        self.hovered = place;
        self.draw(None);
    }

    /// The county whose bar row is under a client point, if any.
    pub fn row_at(&self, client_x: f64, client_y: f64) -> Option<String> {
        let (css, _) = self.bars_surface.locate(client_x, client_y);
        self.bars.row_at(css).map(str::to_owned)
    }

    /// The place under a pointer at client coordinates: markers by distance,
    /// counties by the browser's own path test in device pixels.
    pub fn place_at(&self, client_x: f64, client_y: f64) -> Option<String> {
        let (css, device) = self.surface.locate(client_x, client_y);
        if let Some(id) = self.layout.hit(css).filter(|id| id.parse::<u32>().is_err()) {
            return Some(id.to_owned());
        }
        let ctx = self.surface.context()?;
        self.paths
            .iter()
            .find(|(_, path)| ctx.is_point_in_path_with_path_2d_and_f64(path, device.0, device.1))
            .map(|(id, _)| id.clone())
    }

    fn place_name(&self, data: &Dataset, id: &str) -> String {
        data.place(id)
            .map_or_else(|| marker_name(id, self.lang, false).to_owned(), |p| p.name.get(self.lang).to_owned())
    }

    /// Tooltip text: the place and its figure for the metric, or why none.
    fn tooltip_text(&self, data: &Dataset, id: &str) -> String {
        let name = self.place_name(data, id);
        match self.layout.county(id) {
            Some(c) => {
                let value =
                    c.value_text.clone().unwrap_or_else(|| crate::map::layout::not_reported(self.lang).to_owned());
                let sep = if self.lang == Lang::Zh { "：" } else { ": " };
                format!("{name} · {}{sep}{value}", metric::name(self.metric, self.lang))
            }
            None => match self.layout.markers.iter().find(|m| m.place_id == id).and_then(|m| m.signature.as_ref()) {
                Some(sig) => format!("{name}{}{sig}", if self.lang == Lang::Zh { "：" } else { ": " }),
                None => name,
            },
        }
    }

    /// Shows the tooltip near (x, y) in CSS px of the canvas, kept inside the frame.
    pub fn show_tooltip(&self, data: &Dataset, id: &str, at: (f64, f64)) {
        self.tooltip.set_text_content(Some(&self.tooltip_text(data, id)));
        self.tooltip.set_hidden(false);
        let (tw, th) = (f64::from(self.tooltip.offset_width()), f64::from(self.tooltip.offset_height()));
        let (w, h) = (self.layout.width, self.layout.height);
        let x = (at.0 + 12.0).min(w - tw - 2.0).max(2.0);
        let y = if at.1 + 16.0 + th <= h { at.1 + 16.0 } else { (at.1 - th - 12.0).max(2.0) };
        dom::set_style(&self.tooltip, &[("left", &crate::format::css_px(x)), ("top", &crate::format::css_px(y))]);
    }

    pub fn hide_tooltip(&self) {
        self.tooltip.set_hidden(true);
    }

    /// A point to show the keyboard cursor's tooltip at.
    pub fn anchor_of(&self, id: &str) -> (f64, f64) {
        if let Some(m) = self.layout.markers.iter().find(|m| m.place_id == id) {
            return (m.x, m.y);
        }
        self.layout
            .labels
            .iter()
            .find(|l| l.key == id)
            .map(|l| (l.rect.x + l.rect.w / 2.0, l.rect.y + l.rect.h))
            .or_else(|| self.layout.probe_point(id, 0.0))
            .unwrap_or((0.0, 0.0))
    }

    pub fn select(&mut self, data: &Dataset, id: Option<String>) {
        self.seen = true;
        self.selected = id;
        self.render_card(data);
        let text = match (&self.selected, self.lang) {
            (Some(id), Lang::Zh) => format!("已选择{}。", self.tooltip_text(data, id)),
            (Some(id), Lang::En) => format!("Selected {}.", self.tooltip_text(data, id)),
            (None, Lang::Zh) => "已关闭详情。".to_owned(),
            (None, Lang::En) => "Details closed.".to_owned(),
        };
        self.live.set_text_content(Some(&text));
    }

    /// The story card: the selected place's summary and every figure, each
    /// with the article's sentence behind a disclosure.
    fn render_card(&self, data: &Dataset) {
        dom::clear(&self.card);
        let lang = self.lang;
        let Some(id) = self.selected.clone() else {
            if let Ok(p) = el("p", "ak-hint") {
                p.set_text_content(Some(hint(lang)));
                let _ = self.card.append_child(&p);
            }
            return;
        };
        let _ = (|| -> Result<(), JsValue> {
            let head = el("div", "ak-card-head")?;
            let title = el("h3", "ak-card-title")?;
            title.set_text_content(Some(&self.place_name(data, &id)));
            let close = el("button", "ak-close")?;
            let _ = close.set_attribute("type", "button");
            let _ = close.set_attribute("data-action", "close");
            close.set_text_content(Some(match lang {
                Lang::Zh => "关闭",
                Lang::En => "Close",
            }));
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
                summary.set_text_content(Some(match lang {
                    Lang::Zh => "原文",
                    Lang::En => "Article text (our translation)",
                }));
                details.append_child(&summary)?;
                if lang == Lang::En {
                    let translation = el("blockquote", "")?;
                    let _ = translation.set_attribute("lang", "en");
                    translation.set_text_content(Some(&f.sentence_en));
                    details.append_child(&translation)?;
                }
                let quote = el("blockquote", "ak-original")?;
                let _ = quote.set_attribute("lang", "zh-CN");
                quote.set_text_content(Some(&if lang == Lang::En {
                    format!("原文：{}", f.sentence)
                } else {
                    f.sentence.clone()
                }));
                details.append_child(&quote)?;
                item.append_child(&details)?;
                list.append_child(&item)?;
            }
            if figures.is_empty() {
                let none = el("p", "ak-hint")?;
                none.set_text_content(Some(match lang {
                    Lang::Zh => "文中这一段没有给出具体数字。",
                    Lang::En => "The article's paragraph gives no figures.",
                }));
                self.card.append_child(&none)?;
            } else {
                self.card.append_child(&list)?;
            }
            Ok(())
        })();
    }

    /// The next place in geographic order (`step` = ±1), from the keyboard cursor.
    pub fn step(&self, step: i32) -> Option<String> {
        let tour = &self.layout.tour;
        if tour.is_empty() {
            return None;
        }
        let current = self.hovered.as_ref().or(self.selected.as_ref()).and_then(|id| tour.iter().position(|t| t == id));
        let next = match current {
            None if step > 0 => 0,
            None => tour.len() - 1,
            Some(i) => (i as i32 + step).rem_euclid(tour.len() as i32) as usize,
        };
        Some(tour[next].clone())
    }
}
