//! One mounted graphic: its data, view, DOM, canvases and animation loop.
//! Rust owns all of this state; the page only holds the `Graphic` handle.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use wasm_bindgen::prelude::*;
use web_sys::{
    Element, Event, EventTarget, HtmlElement, IntersectionObserver, IntersectionObserverEntry, KeyboardEvent,
    MediaQueryList, MouseEvent, ResizeObserver,
};

use super::chart_panel::ChartPanel;
use super::dom;
use super::map_panel::MapPanel;
use super::tooltip::Tip;
use crate::charts::{hotspot_at, ChartKind};
use crate::data::{self, DataError, Dataset, Lang};
use crate::map::metric;
use crate::theme::Theme;
use crate::view::View;

type Listener = Closure<dyn FnMut(Event)>;
type EntriesCallback = Closure<dyn FnMut(js_sys::Array)>;

/// The header's texts and switches.
struct Header {
    kicker: HtmlElement,
    title: HtmlElement,
    standfirst: HtmlElement,
    lang_button: HtmlElement,
    motion_button: HtmlElement,
    png_button: HtmlElement,
    csv_button: HtmlElement,
    source: HtmlElement,
    credits: HtmlElement,
}

struct State {
    data: Dataset,
    view: View,
    root: HtmlElement,
    header: Header,
    charts: Vec<ChartPanel>,
    map: Option<MapPanel>,
    tip: Tip,
    /// The data table, rebuilt when the language changes.
    table: HtmlElement,
    /// This graphic reads and writes the page's URL hash.
    deeplink: bool,
    /// The theme was forced by the host; otherwise it follows the reader's system.
    theme_forced: bool,
    /// Set while a frame is requested: the loop runs only while something moves.
    frame_pending: bool,
    frames_drawn: u32,
    /// When the tab was hidden, to pause entries for as long.
    hidden_at: Option<f64>,
    /// Entries may start once the visibility observer first reports.
    awaiting_observer: bool,
    tick: Option<Closure<dyn FnMut(f64)>>,
    observers: Vec<(JsValue, EntriesCallback)>,
    listeners: Vec<(EventTarget, &'static str, Listener)>,
    /// DPR media queries being watched (kept alive; one per DPR seen).
    dpr_watches: Vec<(f64, MediaQueryList, Listener)>,
}

/// A graphic mounted in the page.
#[wasm_bindgen]
pub struct Graphic {
    state: Rc<RefCell<State>>,
}

/// Where the data comes from: options.data, a `data-source` JSON script, or the module.
fn load_data(root: &Element, options: &JsValue) -> Result<Dataset, DataError> {
    if let Some(value) = dom::option_value(options, "data") {
        return data::from_js(value);
    }
    if let Some(selector) = root.get_attribute("data-source") {
        let text = dom::document()
            .and_then(|d| d.query_selector(&selector).ok().flatten())
            .and_then(|script| script.text_content())
            .ok_or_else(|| {
                let detail = format!("no element matches \"{selector}\"");
                DataError::new(data::ErrorKind::Syntax, None, "data-source", detail)
            })?;
        return data::from_json_str(&text);
    }
    data::embedded()
}

fn show_error(root: &Element, error: &DataError) {
    dom::clear(root);
    if let Ok(p) = dom::create::<HtmlElement>("p") {
        p.set_class_name("ak-error");
        let _ = p.set_attribute("role", "alert");
        p.set_text_content(Some(&format!("图表数据有误，无法显示。The graphic's data is invalid: {error}")));
        dom::set_style(
            &p,
            &[
                ("margin", "0"),
                ("padding", "16px"),
                ("border", "2px solid #b02a1e"),
                ("color", "#1a1a1a"),
                ("background", "#fff"),
                ("font", "15px/1.5 system-ui, sans-serif"),
            ],
        );
        let _ = root.append_child(&p);
    }
}

fn el(tag: &str, class: &str) -> Result<HtmlElement, JsValue> {
    let e: HtmlElement = dom::create(tag)?;
    if !class.is_empty() {
        e.set_class_name(class);
    }
    Ok(e)
}

fn build_header(root: &HtmlElement) -> Result<Header, JsValue> {
    let header = el("header", "ak-header")?;
    let kicker = el("p", "ak-kicker")?;
    let title = el("h2", "ak-title")?;
    let standfirst = el("p", "ak-standfirst")?;
    let toolbar = el("div", "ak-toolbar")?;
    let lang_button = el("button", "ak-switch")?;
    let _ = lang_button.set_attribute("type", "button");
    let _ = lang_button.set_attribute("data-action", "lang");
    let motion_button = el("button", "ak-switch")?;
    let _ = motion_button.set_attribute("type", "button");
    let _ = motion_button.set_attribute("data-action", "motion");
    let png_button = el("button", "ak-switch")?;
    let _ = png_button.set_attribute("type", "button");
    let _ = png_button.set_attribute("data-action", "png");
    let csv_button = el("button", "ak-switch")?;
    let _ = csv_button.set_attribute("type", "button");
    let _ = csv_button.set_attribute("data-action", "csv");
    for b in [&lang_button, &motion_button, &png_button, &csv_button] {
        toolbar.append_child(b)?;
    }
    for child in [&kicker, &title, &standfirst, &toolbar] {
        header.append_child(child)?;
    }
    root.append_child(&header)?;
    let source = el("p", "ak-source-line")?;
    let credits = el("p", "ak-credits")?;
    Ok(Header { kicker, title, standfirst, lang_button, motion_button, png_button, csv_button, source, credits })
}

impl Graphic {
    pub fn mount(element: &Element, options: &JsValue) -> Result<Graphic, JsValue> {
        let root: HtmlElement =
            element.clone().dyn_into().map_err(|_| JsValue::from_str("mount: not an HTML element"))?;
        let _ = root.set_attribute("data-ankang-mounted", "");
        let data = match load_data(element, options) {
            Ok(data) => data,
            Err(error) => {
                show_error(element, &error);
                return Err(JsValue::from_str(&error.to_string()));
            }
        };
        let lang = dom::option_string(options, "lang")
            .or_else(|| root.get_attribute("data-lang"))
            .and_then(|code| Lang::parse(&code))
            .unwrap_or_default();
        let animate_off = dom::option_value(options, "animate").is_some_and(|v| v.as_bool() == Some(false))
            || root.get_attribute("data-animate").as_deref() == Some("off");
        let forced_theme = dom::option_string(options, "theme")
            .or_else(|| root.get_attribute("data-theme"))
            .and_then(|t| Theme::parse(&t));
        let theme = forced_theme.unwrap_or_else(system_theme);
        let view = View {
            width: 0.0,
            dpr: 1.0,
            lang,
            reduced_motion: animate_off || dom::media_matches("(prefers-reduced-motion: reduce)"),
            theme,
        };

        dom::clear(element);
        root.class_list().add_1("ak-graphic")?;
        let header = build_header(&root)?;
        let grid = el("div", "ak-grid")?;
        root.append_child(&grid)?;
        let mut charts = Vec::new();
        for kind in ChartKind::ALL {
            let panel = ChartPanel::new(kind, &view)?;
            grid.append_child(&panel.section)?;
            charts.push(panel);
        }
        let map = MapPanel::new(&data, &view)?;
        if let Some(map) = &map {
            root.append_child(&map.section)?;
        }
        // The table's ~500 cells are built when the page is idle, off the first frame's path.
        let table = super::extras::table_placeholder(lang)?;
        root.append_child(&table)?;
        let footer = el("footer", "ak-footer")?;
        footer.append_child(&header.source)?;
        footer.append_child(&header.credits)?;
        root.append_child(&footer)?;
        let deeplink = dom::option_value(options, "deeplink").is_some_and(|v| v.as_bool() == Some(true))
            || root.has_attribute("data-deeplink");
        let tip = Tip::new()?;
        root.append_child(&tip.element)?;
        // For print, CSS swaps the canvases for the static SVG drawn into this.
        let print = el("div", "ak-print")?;
        let _ = print.set_attribute("aria-hidden", "true");
        root.append_child(&print)?;

        let state = Rc::new(RefCell::new(State {
            data,
            view,
            root,
            header,
            charts,
            map,
            tip,
            table,
            deeplink,
            theme_forced: forced_theme.is_some(),
            frame_pending: false,
            frames_drawn: 0,
            hidden_at: None,
            awaiting_observer: false,
            tick: None,
            observers: Vec::new(),
            listeners: Vec::new(),
            dpr_watches: Vec::new(),
        }));
        let started = {
            let mut s = state.borrow_mut();
            if s.deeplink {
                s.apply_hash(false);
            }
            s.apply_texts();
            s.fit();
            s.draw_all(dom::now_ms());
            if s.view.reduced_motion {
                // Everything was drawn, final.
                mark_once("ankang:first-frame");
            }
            let started = s.start_in_view(dom::now_ms());
            // Until the visibility observer reports, entries may be about to start.
            s.awaiting_observer = !s.view.reduced_motion;
            s.mark_settled(!s.awaiting_observer);
            started
        };
        install_tick(&state);
        if started {
            request_frame(&state);
        }
        install_resize(&state);
        install_visibility_observer(&state);
        install_map_observer(&state);
        install_page_listeners(&state);
        install_events(&state);
        watch_dpr(&state);
        schedule_table(&state);
        if state.borrow().deeplink {
            if let Some(window) = dom::window() {
                listen(&state, &window, "hashchange", on_hash_change);
            }
            state.borrow_mut().apply_hash(true);
        }
        Ok(Graphic { state })
    }

    /// Keeps the graphic alive for the rest of the page's life.
    pub fn leak(self) {
        std::mem::forget(self);
    }
}

fn system_theme() -> Theme {
    if dom::media_matches("(prefers-color-scheme: dark)") {
        Theme::Dark
    } else {
        Theme::Light
    }
}

#[wasm_bindgen]
impl Graphic {
    /// Switches the language of every text and redraws.
    #[wasm_bindgen(js_name = setLang)]
    pub fn set_lang(&self, code: &str) -> bool {
        let Some(lang) = Lang::parse(code) else { return false };
        self.state.borrow_mut().set_lang(lang);
        true
    }

    /// Forces the light or dark theme ("light" / "dark"); "" follows the system again.
    #[wasm_bindgen(js_name = setTheme)]
    pub fn set_theme(&self, code: &str) -> bool {
        let mut s = self.state.borrow_mut();
        let theme = match Theme::parse(code) {
            Some(theme) => {
                s.theme_forced = true;
                theme
            }
            None if code.is_empty() => {
                s.theme_forced = false;
                system_theme()
            }
            None => return false,
        };
        s.set_theme(theme);
        true
    }

    /// Turns animation on or off; off draws every final state at once.
    #[wasm_bindgen(js_name = setAnimation)]
    pub fn set_animation(&self, on: bool) {
        self.state.borrow_mut().set_animation(on);
    }

    /// Colours the map by the metric with this id ("new_unions", …).
    #[wasm_bindgen(js_name = setMetric)]
    pub fn set_metric(&self, id: &str) -> bool {
        let changed = self.state.borrow_mut().set_metric(id);
        if changed {
            after_change(&self.state);
        }
        changed
    }

    /// Selects a place by id ("610924", "hengkou", "city"), or closes the card with "".
    pub fn select(&self, id: &str) -> bool {
        let mut s = self.state.borrow_mut();
        let Some(map) = s.map.as_ref() else { return false };
        let id = (!id.is_empty()).then(|| id.to_owned());
        if id.as_ref().is_some_and(|id| !map.layout.tour.contains(id)) {
            return false;
        }
        s.select(id);
        true
    }

    /// The selected place's id, if any.
    pub fn selected(&self) -> Option<String> {
        self.state.borrow().map.as_ref().and_then(|m| m.selected.clone())
    }

    /// The id of the metric the map shows.
    pub fn metric(&self) -> Option<String> {
        self.state.borrow().map.as_ref().map(|m| metric::id(m.metric).to_owned())
    }

    /// The theme in use: "light" or "dark".
    pub fn theme(&self) -> String {
        self.state.borrow().view.theme.code().to_owned()
    }

    /// Redraws every canvas now: for hosts whose fonts arrived late, and for
    /// benchmarks of a full redraw.
    pub fn redraw(&self) {
        self.state.borrow_mut().draw_all(dom::now_ms());
    }

    /// The place under a point given in client (viewport) coordinates, as
    /// the pointer handlers find it; for hosts and benchmarks.
    #[wasm_bindgen(js_name = placeAt)]
    pub fn place_at(&self, client_x: f64, client_y: f64) -> Option<String> {
        self.state.borrow().map.as_ref().and_then(|m| m.place_at(client_x, client_y))
    }

    /// True while nothing animates or is about to: no frame pending, and
    /// the charts in view have started (and finished) their entries.
    pub fn settled(&self) -> bool {
        let s = self.state.borrow();
        !s.frame_pending && !s.awaiting_observer
    }

    /// How many frames have been drawn (for tests and benchmarks).
    #[wasm_bindgen(js_name = framesDrawn)]
    pub fn frames_drawn(&self) -> u32 {
        self.state.borrow().frames_drawn
    }

    /// Stops observing and listening, and removes the graphic from the page.
    pub fn destroy(self) {
        let mut state = self.state.borrow_mut();
        for (observer, _) in state.observers.drain(..) {
            if let Some(o) = observer.dyn_ref::<ResizeObserver>() {
                o.disconnect();
            } else if let Some(o) = observer.dyn_ref::<IntersectionObserver>() {
                o.disconnect();
            }
        }
        for (target, name, listener) in state.listeners.drain(..) {
            let _ = target.remove_event_listener_with_callback(name, listener.as_ref().unchecked_ref());
        }
        for (_, query, listener) in state.dpr_watches.drain(..) {
            let _ = query.remove_event_listener_with_callback("change", listener.as_ref().unchecked_ref());
        }
        state.tick = None;
        state.frame_pending = false;
        state.awaiting_observer = false;
        dom::clear(&state.root);
        let _ = state.root.remove_attribute("data-ankang-mounted");
    }
}

impl State {
    /// Every text the DOM holds outside the canvases, in the current language.
    fn apply_texts(&self) {
        let (lang, h, meta) = (self.view.lang, &self.header, &self.data.meta);
        let _ = self.root.set_attribute("lang", if lang == Lang::Zh { "zh-CN" } else { "en" });
        let _ = self.root.set_attribute("data-theme", self.view.theme.code());
        let kicker = match lang {
            Lang::Zh => format!("数据图解 · 据{}报道", date_zh(&meta.date)),
            Lang::En => format!("Graphic · from the article of {}", meta.date),
        };
        h.kicker.set_text_content(Some(&kicker));
        h.title.set_text_content(Some(meta.title.get(lang)));
        h.standfirst.set_text_content(Some(meta.standfirst.get(lang)));
        h.source.set_text_content(Some(meta.source.get(lang)));
        h.credits.set_text_content(Some(meta.credits.get(lang)));
        let (lang_text, lang_label) = match lang {
            Lang::Zh => ("English", "Switch to English"),
            Lang::En => ("中文", "切换到中文"),
        };
        h.lang_button.set_text_content(Some(lang_text));
        let _ = h.lang_button.set_attribute("aria-label", lang_label);
        let _ = h.lang_button.set_attribute("lang", if lang == Lang::Zh { "en" } else { "zh-CN" });
        let on = !self.view.reduced_motion;
        let motion = match (lang, on) {
            (Lang::Zh, true) => "动画：开",
            (Lang::Zh, false) => "动画：关",
            (Lang::En, true) => "Animation: on",
            (Lang::En, false) => "Animation: off",
        };
        h.motion_button.set_text_content(Some(motion));
        let _ = h.motion_button.set_attribute("aria-pressed", if on { "true" } else { "false" });
        h.png_button.set_text_content(Some(match lang {
            Lang::Zh => "下载图片",
            Lang::En => "Download PNG",
        }));
        h.csv_button.set_text_content(Some(match lang {
            Lang::Zh => "下载数据（CSV）",
            Lang::En => "Get the data (CSV)",
        }));
    }

    /// Applies the URL hash: language and theme at once; with `full`, also
    /// the map's metric and selection (which need the map laid out).
    fn apply_hash(&mut self, full: bool) {
        let Some(hash) = dom::window().and_then(|w| w.location().hash().ok()) else { return };
        let places = self.map.as_ref().map(|m| m.layout.tour.clone()).unwrap_or_default();
        let (link, warnings) = crate::deeplink::parse(&hash, &places);
        if !full {
            if let Some(lang) = link.lang {
                self.view.lang = lang;
            }
            if let Some(theme) = link.theme {
                self.view.theme = theme;
                self.theme_forced = true;
            }
            return;
        }
        for w in &warnings {
            web_sys::console::warn_1(&JsValue::from_str(&format!("ankang-graphic: {w}")));
        }
        let mut refit = false;
        if link.lang.is_some_and(|l| l != self.view.lang) || link.theme.is_some_and(|t| t != self.view.theme) {
            self.view.lang = link.lang.unwrap_or(self.view.lang);
            if let Some(theme) = link.theme {
                self.view.theme = theme;
                self.theme_forced = true;
            }
            self.apply_texts();
            self.rebuild_table();
            refit = true;
        }
        let State { data, view, map, .. } = self;
        if let Some(map) = map.as_mut() {
            if let Some(m) = link.metric {
                let was = view.reduced_motion;
                view.reduced_motion = true;
                map.set_metric(data, view, m);
                view.reduced_motion = was;
            }
            if link.place.is_some() && link.place != map.selected {
                map.select(data, link.place.clone());
            }
        }
        if refit {
            self.fit();
        }
        self.draw_all(dom::now_ms());
    }

    /// Writes the view into the URL hash, replacing the history entry so
    /// that changes do not flood the back button.
    fn write_hash(&self) {
        if !self.deeplink {
            return;
        }
        let link = crate::deeplink::DeepLink {
            place: self.map.as_ref().and_then(|m| m.selected.clone()),
            metric: self.map.as_ref().map(|m| m.metric),
            lang: Some(self.view.lang),
            theme: self.theme_forced.then_some(self.view.theme),
        };
        let Some(window) = dom::window() else { return };
        let hash = crate::deeplink::format(&link);
        if window.location().hash().ok().as_deref() == Some(hash.as_str()) {
            return;
        }
        if let Ok(history) = window.history() {
            let url = if hash.is_empty() { window.location().pathname().unwrap_or_default() } else { hash };
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
        }
    }

    fn rebuild_table(&mut self) {
        if let Ok(table) = super::extras::data_table(&self.data, self.view.lang) {
            let _ = self.root.replace_child(&table, &self.table);
            self.table = table;
        }
    }

    /// The exported long image: the whole graphic as one phone-width column
    /// (title to credits, and the page's address), in the reader's language
    /// and theme, with the map's metric and selection.
    fn export_scenes(&self) -> Vec<crate::scene::Scene> {
        let url = dom::window().and_then(|w| {
            let l = w.location();
            let hash = if self.deeplink { l.hash().ok()? } else { String::new() };
            Some(format!("{}{}{hash}", l.origin().ok()?, l.pathname().ok()?))
        });
        let sheet = crate::fallback::Sheet {
            width: crate::fallback::LONG_WIDTH,
            lang: self.view.lang,
            theme: self.view.theme,
            metric: self.map.as_ref().map(|m| m.metric),
            selected: self.map.as_ref().and_then(|m| m.selected.as_deref()),
            url: url.as_deref(),
        };
        crate::fallback::scenes(&self.data, &sheet)
    }

    /// Lays every chart out for its slot's width and the DPR.
    fn fit(&mut self) {
        self.view.width = self.root.get_bounding_client_rect().width().floor();
        self.view.dpr = dom::window().map_or(1.0, |w| w.device_pixel_ratio());
        // All reads first, then all writes: one layout pass, not one per canvas.
        let widths: Vec<f64> = self.charts.iter().map(ChartPanel::slot_width).collect();
        let map_width = self.map.as_ref().map(MapPanel::body_width);
        for (panel, width) in self.charts.iter_mut().zip(widths) {
            panel.fit(&self.data, &self.view, width);
        }
        if let (Some(map), Some(width)) = (&mut self.map, map_width) {
            map.fit_to(&self.data, &self.view, width);
        }
    }

    fn draw_all(&mut self, now: f64) {
        for panel in &mut self.charts {
            panel.draw(now);
        }
        if let Some(map) = &mut self.map {
            map.draw(Some(now));
        }
        self.frames_drawn += 1;
    }

    /// Starts, and draws at t = 0, the entries of the charts already in view
    /// at mount (the visibility observer's 20 % rule), so the first chart is
    /// drawn in the mount call itself, not after the observer's first report
    /// and the frame after it (~50 ms later on a cold page). Returns whether
    /// any started; the observer starts the rest as they scroll in.
    fn start_in_view(&mut self, now: f64) -> bool {
        let hidden = dom::document().is_some_and(|d| d.hidden());
        let Some(viewport) = dom::window().and_then(|w| w.inner_height().ok()).and_then(|h| h.as_f64()) else {
            return false;
        };
        if self.view.reduced_motion || hidden {
            return false;
        }
        let mut started = false;
        for panel in &mut self.charts {
            let r = panel.slot.get_bounding_client_rect();
            let seen = (r.bottom().min(viewport) - r.top().max(0.0)).max(0.0);
            if r.height() > 0.0 && seen >= 0.2 * r.height() && panel.start() {
                panel.draw(now);
                started = true;
            }
        }
        if started {
            self.frames_drawn += 1;
            mark_once("ankang:first-frame");
        }
        started
    }

    fn animating(&self) -> bool {
        self.charts.iter().any(ChartPanel::animating) || self.map.as_ref().is_some_and(MapPanel::animating)
    }

    /// `data-ankang-state` tells the host page (and its tests) whether a
    /// frame is pending ("animating") or the graphic is idle ("settled").
    fn mark_settled(&self, settled: bool) {
        let _ = self.root.set_attribute("data-ankang-state", if settled { "settled" } else { "animating" });
        if settled && !self.awaiting_observer {
            mark_once("ankang:settled");
        }
    }

    fn set_lang(&mut self, lang: Lang) {
        self.view.lang = lang;
        self.tip.hide();
        self.apply_texts();
        self.rebuild_table();
        self.fit();
        self.draw_all(dom::now_ms());
        self.write_hash();
    }

    fn set_theme(&mut self, theme: Theme) {
        self.view.theme = theme;
        self.apply_texts();
        self.fit();
        self.draw_all(dom::now_ms());
        self.write_hash();
    }

    fn set_animation(&mut self, on: bool) {
        self.view.reduced_motion = !on;
        if !on {
            for panel in &mut self.charts {
                panel.finish();
            }
            if let Some(map) = &mut self.map {
                map.finish();
            }
            self.draw_all(dom::now_ms());
        }
        self.apply_texts();
    }

    fn set_metric(&mut self, id: &str) -> bool {
        let State { data, view, map, .. } = self;
        let changed = match (map.as_mut(), metric::parse(id)) {
            (Some(map), Some(m)) => map.set_metric(data, view, m),
            _ => false,
        };
        if changed {
            self.write_hash();
        }
        changed
    }

    fn select(&mut self, id: Option<String>) {
        let State { data, map, .. } = self;
        if let Some(map) = map.as_mut() {
            map.select(data, id);
            map.draw(None);
        }
        self.write_hash();
    }
}

/// A performance mark for benchmarks, once per page: "ankang:first-frame"
/// when the charts in view are first drawn (the first entry frame, or the
/// final frame when motion is off), "ankang:settled" when entries first finish.
fn mark_once(name: &str) {
    let Some(performance) = dom::window().and_then(|w| w.performance()) else { return };
    if performance.get_entries_by_name(name).length() == 0 {
        let _ = performance.mark(name);
    }
}

/// "2025-04-28" → "2025年4月28日".
fn date_zh(iso: &str) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    match parts.as_slice() {
        [y, m, d] => format!("{y}年{}月{}日", m.trim_start_matches('0'), d.trim_start_matches('0')),
        _ => iso.to_owned(),
    }
}

fn request_frame(state: &Rc<RefCell<State>>) {
    let mut s = state.borrow_mut();
    if s.frame_pending {
        return;
    }
    let (Some(window), Some(tick)) = (dom::window(), s.tick.as_ref()) else { return };
    if window.request_animation_frame(tick.as_ref().unchecked_ref()).is_ok() {
        s.frame_pending = true;
        s.mark_settled(false);
    }
}

/// The animation loop: one rAF callback per graphic, requested only while
/// an entry or a tween is running, so an idle graphic costs no frames.
fn install_tick(state: &Rc<RefCell<State>>) {
    let weak = Rc::downgrade(state);
    let tick = Closure::<dyn FnMut(f64)>::new(move |now: f64| {
        let Some(state) = weak.upgrade() else { return };
        let more = {
            let mut s = state.borrow_mut();
            if !s.frame_pending {
                return;
            }
            s.frame_pending = false;
            if s.hidden_at.is_some() {
                // Paused while the tab is hidden; `on_visibility` restarts the loop.
                return;
            }
            for panel in s.charts.iter_mut().filter(|p| p.animating()) {
                panel.draw(now);
                // The first frame with the charts in view drawn.
                mark_once("ankang:first-frame");
            }
            if let Some(map) = s.map.as_mut().filter(|m| m.animating()) {
                map.draw(Some(now));
            }
            s.frames_drawn += 1;
            s.animating()
        };
        if more {
            request_frame(&state);
        } else {
            state.borrow().mark_settled(true);
        }
    });
    state.borrow_mut().tick = Some(tick);
}

/// Starts frames after a change that may animate, or marks the graphic settled.
fn after_change(state: &Rc<RefCell<State>>) {
    let animating = {
        let mut s = state.borrow_mut();
        if let Some(map) = s.map.as_mut() {
            map.draw(None);
        }
        s.animating()
    };
    if animating {
        request_frame(state);
    } else if !state.borrow().frame_pending {
        state.borrow().mark_settled(true);
    }
}

/// Re-fits when the graphic's width changes. The work runs in the next
/// animation frame, not in the observer's callback: re-fitting changes the
/// graphic's height, and a size change inside the callback makes the browser
/// fire "ResizeObserver loop completed with undelivered notifications" as an
/// error event on window, which hosts' error trackers record.
fn install_resize(state: &Rc<RefCell<State>>) {
    let weak = Rc::downgrade(state);
    let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries: js_sys::Array| {
        let weak = weak.clone();
        let refit = Closure::once_into_js(move || {
            let Some(state) = weak.upgrade() else { return };
            let mut s = state.borrow_mut();
            let width = s.root.get_bounding_client_rect().width().floor();
            let dpr = dom::window().map_or(1.0, |w| w.device_pixel_ratio());
            if width != s.view.width || dpr != s.view.dpr {
                s.tip.hide();
                s.fit();
                s.draw_all(dom::now_ms());
            }
        });
        if let Some(window) = dom::window() {
            let _ = window.request_animation_frame(refit.unchecked_ref());
        }
    });
    let Ok(observer) = ResizeObserver::new(on_resize.as_ref().unchecked_ref()) else { return };
    let root = state.borrow().root.clone();
    observer.observe(&root);
    state.borrow_mut().observers.push((observer.into(), on_resize));
}

/// Builds the data table when the browser is idle (within a second).
fn schedule_table(state: &Rc<RefCell<State>>) {
    let weak = Rc::downgrade(state);
    let build = Closure::once_into_js(move || {
        if let Some(state) = weak.upgrade() {
            state.borrow_mut().rebuild_table();
        }
    });
    let Some(window) = dom::window() else { return };
    let options = web_sys::IdleRequestOptions::new();
    options.set_timeout(1000);
    if window.request_idle_callback_with_options(build.unchecked_ref(), &options).is_err() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(build.unchecked_ref(), 100);
    }
}

/// The map is drawn when it comes within 300 px of the viewport.
fn install_map_observer(state: &Rc<RefCell<State>>) {
    let Some(section) = state.borrow().map.as_ref().filter(|m| !m.seen).map(|m| m.section.clone()) else { return };
    let weak = Rc::downgrade(state);
    let on_near = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let Some(state) = weak.upgrade() else { return };
        let near =
            entries.iter().filter_map(|e| e.dyn_into::<IntersectionObserverEntry>().ok()).any(|e| e.is_intersecting());
        let mut s = state.borrow_mut();
        if let Some(map) = s.map.as_mut().filter(|m| near && !m.seen) {
            map.seen = true;
            map.draw(None);
        }
    });
    let init = web_sys::IntersectionObserverInit::new();
    init.set_root_margin("300px 0px");
    let Ok(observer) = IntersectionObserver::new_with_options(on_near.as_ref().unchecked_ref(), &init) else {
        if let Some(map) = state.borrow_mut().map.as_mut() {
            map.seen = true;
            map.draw(None);
        }
        return;
    };
    observer.observe(&section);
    state.borrow_mut().observers.push((observer.into(), on_near));
}

/// Entry animations start when a chart scrolls into view.
fn install_visibility_observer(state: &Rc<RefCell<State>>) {
    if state.borrow().view.reduced_motion {
        return;
    }
    let weak = Rc::downgrade(state);
    let on_seen = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let Some(state) = weak.upgrade() else { return };
        let started = {
            let mut s = state.borrow_mut();
            s.awaiting_observer = false;
            let mut started = false;
            for entry in entries.iter() {
                let Ok(entry) = entry.dyn_into::<IntersectionObserverEntry>() else { continue };
                if !entry.is_intersecting() {
                    continue;
                }
                let target = entry.target();
                for panel in s.charts.iter_mut().filter(|p| AsRef::<Element>::as_ref(&p.slot) == &target) {
                    started |= panel.start();
                }
            }
            started
        };
        if started {
            request_frame(&state);
        } else if !state.borrow().frame_pending {
            state.borrow().mark_settled(true);
        }
    });
    let init = web_sys::IntersectionObserverInit::new();
    init.set_threshold(&JsValue::from_f64(0.2));
    let Ok(observer) = IntersectionObserver::new_with_options(on_seen.as_ref().unchecked_ref(), &init) else {
        // No IntersectionObserver: start everything now.
        let mut s = state.borrow_mut();
        s.awaiting_observer = false;
        for panel in &mut s.charts {
            panel.start();
        }
        drop(s);
        request_frame(state);
        return;
    };
    for panel in &state.borrow().charts {
        observer.observe(&panel.slot);
    }
    state.borrow_mut().observers.push((observer.into(), on_seen));
}

fn listen(
    state: &Rc<RefCell<State>>,
    target: &EventTarget,
    name: &'static str,
    handler: fn(&Rc<RefCell<State>>, &Event),
) {
    let weak: Weak<RefCell<State>> = Rc::downgrade(state);
    let listener = Closure::<dyn FnMut(Event)>::new(move |event: Event| {
        if let Some(state) = weak.upgrade() {
            handler(&state, &event);
        }
    });
    if target.add_event_listener_with_callback(name, listener.as_ref().unchecked_ref()).is_ok() {
        state.borrow_mut().listeners.push((target.clone(), name, listener));
    }
}

/// Tab visibility (pause entries while hidden) and the reader's colour scheme.
fn install_page_listeners(state: &Rc<RefCell<State>>) {
    if let Some(document) = dom::document() {
        listen(state, &document, "visibilitychange", on_visibility);
    }
    if let Some(query) = dom::window().and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten()) {
        listen(state, &query, "change", on_color_scheme);
    }
    // Browser zoom changes the DPR and fires `resize`; moving to another
    // screen changes it silently, which `watch_dpr`'s media query catches.
    if let Some(window) = dom::window() {
        listen(state, &window, "resize", on_window_resize);
    }
}

/// Re-fits everything when the DPR differs from the one laid out for.
fn on_window_resize(state: &Rc<RefCell<State>>, _event: &Event) {
    let dpr = dom::window().map_or(1.0, |w| w.device_pixel_ratio());
    let changed = {
        let mut s = state.borrow_mut();
        let changed = dpr != s.view.dpr;
        if changed {
            s.fit();
            s.draw_all(dom::now_ms());
        }
        changed
    };
    if changed {
        watch_dpr(state);
    }
}

/// Entries and tweens pause while the tab is hidden, and resume where they
/// were: their start times move on by the time spent hidden.
fn on_visibility(state: &Rc<RefCell<State>>, _event: &Event) {
    let hidden = dom::document().is_some_and(|d| d.hidden());
    let resume = {
        let mut s = state.borrow_mut();
        let now = dom::now_ms();
        if hidden {
            s.hidden_at.get_or_insert(now);
            false
        } else if let Some(at) = s.hidden_at.take() {
            let paused = now - at;
            for panel in &mut s.charts {
                panel.delay(paused);
            }
            if let Some(map) = &mut s.map {
                map.delay(paused);
            }
            s.animating()
        } else {
            false
        }
    };
    if resume {
        request_frame(state);
    }
}

fn on_color_scheme(state: &Rc<RefCell<State>>, _event: &Event) {
    let mut s = state.borrow_mut();
    if !s.theme_forced {
        s.set_theme(system_theme());
    }
}

/// Redraws when the DPR changes (browser zoom, moving to another screen):
/// a media query for the current resolution stops matching.
fn watch_dpr(state: &Rc<RefCell<State>>) {
    let Some(window) = dom::window() else { return };
    let dpr = window.device_pixel_ratio();
    if state.borrow().dpr_watches.iter().any(|(d, _, _)| *d == dpr) {
        return;
    }
    let query_text = format!("(resolution: {}dppx)", crate::format::plain_number(dpr));
    let Ok(Some(query)) = window.match_media(&query_text) else { return };
    let weak = Rc::downgrade(state);
    let listener = Closure::<dyn FnMut(Event)>::new(move |_event: Event| {
        let Some(state) = weak.upgrade() else { return };
        {
            let mut s = state.borrow_mut();
            s.fit();
            s.draw_all(dom::now_ms());
        }
        watch_dpr(&state);
    });
    if query.add_event_listener_with_callback("change", listener.as_ref().unchecked_ref()).is_ok() {
        state.borrow_mut().dpr_watches.push((dpr, query, listener));
    }
}

fn install_events(state: &Rc<RefCell<State>>) {
    let (header, charts, map) = {
        let s = state.borrow();
        let charts: Vec<EventTarget> = s.charts.iter().map(|p| p.surface.canvas.clone().into()).collect();
        let map = s
            .map
            .as_ref()
            .map(|m| (m.surface.canvas.clone(), m.switcher.clone(), m.card.clone(), m.bars_surface.canvas.clone()));
        (s.header.lang_button.parent_element(), charts, map)
    };
    if let Some(toolbar) = header {
        listen(state, &toolbar, "click", on_toolbar);
    }
    for canvas in &charts {
        listen(state, canvas, "pointermove", on_chart_pointer);
        listen(state, canvas, "click", on_chart_pointer);
        listen(state, canvas, "pointerleave", on_chart_leave);
        listen(state, canvas, "keydown", on_chart_key);
        listen(state, canvas, "blur", on_chart_blur);
    }
    let Some((canvas, switcher, card, bars)) = map else { return };
    listen(state, &canvas, "pointermove", on_map_pointer_move);
    listen(state, &canvas, "pointerleave", on_map_pointer_leave);
    listen(state, &canvas, "click", on_map_click);
    listen(state, &canvas, "keydown", on_map_key);
    listen(state, &canvas, "blur", on_map_pointer_leave);
    listen(state, &switcher, "click", on_metric_click);
    listen(state, &card, "click", on_card_click);
    listen(state, &card, "keydown", on_map_key);
    listen(state, &bars, "pointermove", on_bars_pointer);
    listen(state, &bars, "click", on_bars_click);
    listen(state, &bars, "pointerleave", on_bars_leave);
}

fn on_toolbar(state: &Rc<RefCell<State>>, event: &Event) {
    let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
    let Some(action) = target.closest("[data-action]").ok().flatten().and_then(|b| b.get_attribute("data-action"))
    else {
        return;
    };
    let mut s = state.borrow_mut();
    match action.as_str() {
        "lang" => {
            let next = if s.view.lang == Lang::Zh { Lang::En } else { Lang::Zh };
            s.set_lang(next);
        }
        "motion" => {
            let on = s.view.reduced_motion;
            s.set_animation(on);
        }
        "png" => {
            let scenes = s.export_scenes();
            let (ground, scale) = (s.view.theme.palette().background, crate::fallback::LONG_SCALE);
            let _ = super::extras::download_png(&scenes, ground, scale);
        }
        "csv" => {
            let _ = super::extras::download_csv(&s.data);
        }
        _ => {}
    }
}

/// Hovering or tapping a number shows the article's sentence behind it.
fn on_chart_pointer(state: &Rc<RefCell<State>>, event: &Event) {
    let Some(e) = event.dyn_ref::<MouseEvent>() else { return };
    let Some(target) = event.target() else { return };
    let s = state.borrow();
    let Some(panel) = s.charts.iter().find(|p| AsRef::<EventTarget>::as_ref(&p.surface.canvas) == &target) else {
        return;
    };
    let Some(chart) = &panel.chart else { return };
    let (x, y) = (f64::from(e.client_x()), f64::from(e.client_y()));
    let (css, _) = panel.surface.locate(x, y);
    match hotspot_at(chart.hotspots(), css) {
        Some(spot) => {
            s.tip.show_figure(&s.data, &spot.figure_id, s.view.lang, &s.root, (x, y));
            let _ = panel.surface.canvas.style().set_property("cursor", "help");
        }
        None => {
            s.tip.hide();
            let _ = panel.surface.canvas.style().set_property("cursor", "default");
        }
    }
}

fn on_chart_leave(state: &Rc<RefCell<State>>, _event: &Event) {
    state.borrow().tip.hide();
}

/// Arrow keys walk a focused chart's numbers in reading order: the tooltip
/// shows each one's sentence and the chart's live region reads it out.
fn on_chart_key(state: &Rc<RefCell<State>>, event: &Event) {
    let Some(e) = event.dyn_ref::<KeyboardEvent>() else { return };
    let step = match e.key().as_str() {
        "ArrowRight" | "ArrowDown" => 1,
        "ArrowLeft" | "ArrowUp" => -1,
        "Escape" => return on_chart_blur(state, event),
        _ => return,
    };
    e.prevent_default();
    let Some(target) = event.target() else { return };
    let mut s = state.borrow_mut();
    let State { charts, tip, data, view, root, .. } = &mut *s;
    let Some(panel) = charts.iter_mut().find(|p| AsRef::<EventTarget>::as_ref(&p.surface.canvas) == &target) else {
        return;
    };
    let Some((id, at)) = panel.step(step) else { return };
    tip.show_figure(data, &id, view.lang, root, at);
    if let Some(f) = data.figure(&id) {
        let sep = if view.lang == Lang::Zh { "：" } else { ": " };
        let source = match view.lang {
            Lang::Zh => format!("原文：{}", f.sentence),
            Lang::En => format!("Article, our translation: {}", f.sentence_en),
        };
        let text = format!("{}{sep}{}. {source}", f.label.get(view.lang), crate::format::figure(f, view.lang));
        panel.live.set_text_content(Some(&text));
    }
}

fn on_chart_blur(state: &Rc<RefCell<State>>, event: &Event) {
    let Some(target) = event.target() else { return };
    let mut s = state.borrow_mut();
    s.tip.hide();
    if let Some(panel) = s.charts.iter_mut().find(|p| AsRef::<EventTarget>::as_ref(&p.surface.canvas) == &target) {
        panel.clear_focus();
    }
}

fn on_map_pointer_move(state: &Rc<RefCell<State>>, event: &Event) {
    let Some(e) = event.dyn_ref::<MouseEvent>() else { return };
    let mut s = state.borrow_mut();
    let State { data, map, .. } = &mut *s;
    let Some(map) = map.as_mut() else { return };
    let (x, y) = (f64::from(e.client_x()), f64::from(e.client_y()));
    let place = map.place_at(x, y);
    let (css, _) = map.surface.locate(x, y);
    match &place {
        Some(id) => map.show_tooltip(data, id, css),
        None => map.hide_tooltip(),
    }
    map.set_hovered(place, false);
}

fn on_map_pointer_leave(state: &Rc<RefCell<State>>, _event: &Event) {
    let mut s = state.borrow_mut();
    let Some(map) = s.map.as_mut() else { return };
    map.hide_tooltip();
    map.set_hovered(None, false);
}

fn on_map_click(state: &Rc<RefCell<State>>, event: &Event) {
    let Some(e) = event.dyn_ref::<MouseEvent>() else { return };
    let mut s = state.borrow_mut();
    let State { data, map, .. } = &mut *s;
    let Some(map) = map.as_mut() else { return };
    let (x, y) = (f64::from(e.client_x()), f64::from(e.client_y()));
    let place = map.place_at(x, y);
    if let Some(id) = &place {
        let (css, _) = map.surface.locate(x, y);
        map.show_tooltip(data, id, css);
    }
    s.select(place);
}

fn on_map_key(state: &Rc<RefCell<State>>, event: &Event) {
    let Some(e) = event.dyn_ref::<KeyboardEvent>() else { return };
    let mut s = state.borrow_mut();
    let State { data, map, .. } = &mut *s;
    let Some(map) = map.as_mut() else { return };
    let on_canvas = event.target().is_some_and(|t| t == *map.surface.canvas.as_ref());
    match e.key().as_str() {
        "ArrowRight" | "ArrowDown" | "ArrowLeft" | "ArrowUp" | "Home" | "End" if on_canvas => {
            let next = match e.key().as_str() {
                "ArrowRight" | "ArrowDown" => map.step(1),
                "ArrowLeft" | "ArrowUp" => map.step(-1),
                "Home" => map.layout.tour.first().cloned(),
                _ => map.layout.tour.last().cloned(),
            };
            if let Some(id) = next {
                let at = map.anchor_of(&id);
                map.show_tooltip(data, &id, at);
                map.hovered = Some(id);
                map.draw(None);
            }
            e.prevent_default();
        }
        "Enter" | " " if on_canvas => {
            e.prevent_default();
            if let Some(id) = map.hovered.clone() {
                s.select(Some(id));
            }
        }
        "Escape" => {
            map.hide_tooltip();
            if map.selected.is_some() {
                let _ = map.surface.canvas.focus();
                s.select(None);
            }
        }
        _ => {}
    }
}

fn on_metric_click(state: &Rc<RefCell<State>>, event: &Event) {
    let Some(button) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
    let Some(id) = button.closest("[data-metric]").ok().flatten().and_then(|b| b.get_attribute("data-metric")) else {
        return;
    };
    let changed = state.borrow_mut().set_metric(&id);
    if changed {
        after_change(state);
    }
}

fn on_card_click(state: &Rc<RefCell<State>>, event: &Event) {
    let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
    if target.closest("[data-action=close]").ok().flatten().is_none() {
        return;
    }
    let mut s = state.borrow_mut();
    if let Some(map) = s.map.as_ref() {
        let _ = map.surface.canvas.focus();
    }
    s.select(None);
}

/// Hovering a county's bar highlights it on the map too; its number shows
/// the article's sentence.
fn on_bars_pointer(state: &Rc<RefCell<State>>, event: &Event) {
    let Some(e) = event.dyn_ref::<MouseEvent>() else { return };
    let mut s = state.borrow_mut();
    let State { data, map, tip, view, root, .. } = &mut *s;
    let Some(map) = map.as_mut() else { return };
    let (x, y) = (f64::from(e.client_x()), f64::from(e.client_y()));
    let (css, _) = map.bars_surface.locate(x, y);
    match hotspot_at(&map.bars.hotspots, css) {
        Some(spot) => tip.show_figure(data, &spot.figure_id, view.lang, root, (x, y)),
        None => tip.hide(),
    }
    let row = map.row_at(x, y);
    map.set_hovered(row, true);
}

fn on_bars_leave(state: &Rc<RefCell<State>>, _event: &Event) {
    let mut s = state.borrow_mut();
    s.tip.hide();
    if let Some(map) = s.map.as_mut() {
        map.set_hovered(None, true);
    }
}

fn on_bars_click(state: &Rc<RefCell<State>>, event: &Event) {
    let Some(e) = event.dyn_ref::<MouseEvent>() else { return };
    let mut s = state.borrow_mut();
    let Some(map) = s.map.as_ref() else { return };
    if let Some(id) = map.row_at(f64::from(e.client_x()), f64::from(e.client_y())) {
        s.select(Some(id));
    }
}

fn on_hash_change(state: &Rc<RefCell<State>>, _event: &Event) {
    state.borrow_mut().apply_hash(true);
    after_change(state);
}
