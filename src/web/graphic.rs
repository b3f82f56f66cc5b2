//! One mounted graphic: its data, view, canvas and animation loop. Rust owns
//! all of this state; the page only holds the `Graphic` handle.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use wasm_bindgen::prelude::*;
use web_sys::{Element, Event, EventTarget, HtmlElement, KeyboardEvent, MouseEvent, ResizeObserver};

use super::dom;
use super::headline_panel::HeadlinePanel;
use super::map_panel::MapPanel;
use crate::data::{self, DataError, Dataset, Lang};
use crate::map::metric;
use crate::view::View;

/// Kept alive as long as the observer that calls it.
type ResizeCallback = Closure<dyn FnMut(js_sys::Array)>;
type Listener = Closure<dyn FnMut(Event)>;

struct State {
    data: Dataset,
    view: View,
    root: HtmlElement,
    headline: HeadlinePanel,
    map: Option<MapPanel>,
    /// Set while a frame is requested: the loop runs only while something moves.
    frame_pending: bool,
    frames_drawn: u32,
    tick: Option<Closure<dyn FnMut(f64)>>,
    resize: Option<(ResizeObserver, ResizeCallback)>,
    listeners: Vec<(EventTarget, &'static str, Listener)>,
}

/// A graphic mounted in the page.
#[wasm_bindgen]
pub struct Graphic {
    state: Rc<RefCell<State>>,
}

/// Where the data comes from: options.data, a `data-source` JSON script, or the module.
fn load_data(root: &Element, options: &JsValue) -> Result<Dataset, DataError> {
    if let Some(value) = dom::option_value(options, "data") {
        let json: serde_json::Value = serde_wasm_bindgen::from_value(value).map_err(|e| {
            DataError::new(data::ErrorKind::Shape, None, "(options.data)", format!("not a JSON-like object: {e}"))
        })?;
        return data::from_value(json);
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
        let view = View {
            width: 0.0,
            dpr: 1.0,
            lang,
            reduced_motion: animate_off || dom::media_matches("(prefers-reduced-motion: reduce)"),
        };

        dom::clear(element);
        root.class_list().add_1("ak-graphic")?;
        let headline = HeadlinePanel::new(&data, &view)?;
        root.append_child(&headline.surface.canvas)?;
        let map = MapPanel::new(&data, &view)?;
        if let Some(map) = &map {
            root.append_child(&map.section)?;
        }

        let state = Rc::new(RefCell::new(State {
            data,
            view,
            root,
            headline,
            map,
            frame_pending: false,
            frames_drawn: 0,
            tick: None,
            resize: None,
            listeners: Vec::new(),
        }));
        {
            let mut s = state.borrow_mut();
            s.fit();
            s.draw_all(None);
        }
        install_tick(&state);
        install_resize(&state);
        install_map_events(&state);
        if state.borrow().headline.animating() {
            request_frame(&state);
        } else {
            state.borrow().mark_settled(true);
        }
        Ok(Graphic { state })
    }

    /// Keeps the graphic alive for the rest of the page's life.
    pub fn leak(self) {
        std::mem::forget(self);
    }
}

#[wasm_bindgen]
impl Graphic {
    /// Switches the language and redraws.
    #[wasm_bindgen(js_name = setLang)]
    pub fn set_lang(&self, code: &str) -> bool {
        let Some(lang) = Lang::parse(code) else { return false };
        let mut state = self.state.borrow_mut();
        state.view.lang = lang;
        state.fit();
        state.draw_all(Some(dom::now_ms()));
        true
    }

    /// Colours the map by the metric with this id ("new_unions", …).
    #[wasm_bindgen(js_name = setMetric)]
    pub fn set_metric(&self, id: &str) -> bool {
        let changed = {
            let mut s = self.state.borrow_mut();
            let State { data, view, map, .. } = &mut *s;
            match (map.as_mut(), metric::parse(id)) {
                (Some(map), Some(m)) => map.set_metric(data, view, m),
                _ => false,
            }
        };
        if changed {
            after_map_change(&self.state);
        }
        changed
    }

    /// Selects a place by id ("610924", "hengkou", "city"), or closes the card with "".
    pub fn select(&self, id: &str) -> bool {
        let mut s = self.state.borrow_mut();
        let State { data, map, .. } = &mut *s;
        let Some(map) = map.as_mut() else { return false };
        let id = (!id.is_empty()).then(|| id.to_owned());
        if id.as_ref().is_some_and(|id| !map.layout.tour.contains(id)) {
            return false;
        }
        map.select(data, id);
        map.draw(None);
        true
    }

    /// Redraws every panel now: for hosts whose fonts arrived late, and for
    /// benchmarks of a full redraw.
    pub fn redraw(&self) {
        let mut s = self.state.borrow_mut();
        s.draw_all(Some(dom::now_ms()));
    }

    /// The place under a point given in client (viewport) coordinates, as
    /// the pointer handlers find it; for hosts and benchmarks.
    #[wasm_bindgen(js_name = placeAt)]
    pub fn place_at(&self, client_x: f64, client_y: f64) -> Option<String> {
        self.state.borrow().map.as_ref().and_then(|m| m.place_at(client_x, client_y))
    }

    /// The selected place's id, if any.
    pub fn selected(&self) -> Option<String> {
        self.state.borrow().map.as_ref().and_then(|m| m.selected.clone())
    }

    /// The id of the metric the map shows.
    pub fn metric(&self) -> Option<String> {
        self.state.borrow().map.as_ref().map(|m| metric::id(m.metric).to_owned())
    }

    /// True once every animation has finished (or was skipped).
    pub fn settled(&self) -> bool {
        !self.state.borrow().frame_pending
    }

    /// How many frames have been drawn (for tests and benchmarks).
    #[wasm_bindgen(js_name = framesDrawn)]
    pub fn frames_drawn(&self) -> u32 {
        self.state.borrow().frames_drawn
    }

    /// Stops observing and listening, and removes the graphic from the page.
    pub fn destroy(self) {
        let mut state = self.state.borrow_mut();
        if let Some((observer, _)) = state.resize.take() {
            observer.disconnect();
        }
        for (target, name, listener) in state.listeners.drain(..) {
            let _ = target.remove_event_listener_with_callback(name, listener.as_ref().unchecked_ref());
        }
        state.tick = None;
        state.frame_pending = false;
        dom::clear(&state.root);
        let _ = state.root.remove_attribute("data-ankang-mounted");
    }
}

impl State {
    /// Lays every panel out for the container's width and the DPR.
    fn fit(&mut self) {
        self.view.width = self.root.get_bounding_client_rect().width().floor();
        self.view.dpr = dom::window().map_or(1.0, |w| w.device_pixel_ratio());
        self.headline.fit(&self.data, &self.view);
        if let Some(map) = &mut self.map {
            map.fit(&self.data, &self.view);
        }
    }

    fn draw_all(&mut self, now: Option<f64>) {
        self.headline.draw(now);
        if let Some(map) = &mut self.map {
            map.draw(now);
        }
        self.frames_drawn += 1;
    }

    fn animating(&self) -> bool {
        self.headline.animating() || self.map.as_ref().is_some_and(MapPanel::animating)
    }

    /// `data-ankang-state` tells the host page (and its tests) whether the
    /// graphic is still animating.
    fn mark_settled(&self, settled: bool) {
        let _ = self.root.set_attribute("data-ankang-state", if settled { "settled" } else { "animating" });
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
            if s.headline.animating() {
                s.headline.draw(Some(now));
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

fn install_resize(state: &Rc<RefCell<State>>) {
    let weak = Rc::downgrade(state);
    let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries: js_sys::Array| {
        let Some(state) = weak.upgrade() else { return };
        let mut s = state.borrow_mut();
        let width = s.root.get_bounding_client_rect().width().floor();
        let dpr = dom::window().map_or(1.0, |w| w.device_pixel_ratio());
        if width != s.view.width || dpr != s.view.dpr {
            s.fit();
            s.draw_all(Some(dom::now_ms()));
        }
    });
    let Ok(observer) = ResizeObserver::new(on_resize.as_ref().unchecked_ref()) else { return };
    let root = state.borrow().root.clone();
    observer.observe(&root);
    state.borrow_mut().resize = Some((observer, on_resize));
}

/// Starts the colour tween's frames after a metric change, or marks settled.
fn after_map_change(state: &Rc<RefCell<State>>) {
    let animating = {
        let mut s = state.borrow_mut();
        if let Some(map) = s.map.as_mut() {
            map.draw(None);
        }
        s.animating()
    };
    if animating {
        request_frame(state);
    }
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

fn install_map_events(state: &Rc<RefCell<State>>) {
    let targets = {
        let s = state.borrow();
        let Some(map) = &s.map else { return };
        (map.surface.canvas.clone(), map.switcher.clone(), map.card.clone())
    };
    let (canvas, switcher, card) = targets;
    listen(state, &canvas, "pointermove", on_pointer_move);
    listen(state, &canvas, "pointerleave", on_pointer_leave);
    listen(state, &canvas, "click", on_click);
    listen(state, &canvas, "keydown", on_key);
    listen(state, &canvas, "blur", on_pointer_leave);
    listen(state, &switcher, "click", on_metric_click);
    listen(state, &card, "click", on_card_click);
    listen(state, &card, "keydown", on_key);
}

fn on_pointer_move(state: &Rc<RefCell<State>>, event: &Event) {
    let Some(e) = event.dyn_ref::<MouseEvent>() else { return };
    let mut s = state.borrow_mut();
    let State { data, map, .. } = &mut *s;
    let Some(map) = map.as_mut() else { return };
    let place = map.place_at(f64::from(e.client_x()), f64::from(e.client_y()));
    let (css, _) = map.surface.locate(f64::from(e.client_x()), f64::from(e.client_y()));
    match &place {
        Some(id) => map.show_tooltip(data, id, css),
        None => map.hide_tooltip(),
    }
    if place != map.hovered {
        map.hovered = place;
        let _ = map
            .surface
            .canvas
            .style()
            .set_property("cursor", if map.hovered.is_some() { "pointer" } else { "default" });
        map.draw(None);
    }
}

fn on_pointer_leave(state: &Rc<RefCell<State>>, _event: &Event) {
    let mut s = state.borrow_mut();
    let Some(map) = s.map.as_mut() else { return };
    map.hide_tooltip();
    if map.hovered.take().is_some() {
        map.draw(None);
    }
}

fn on_click(state: &Rc<RefCell<State>>, event: &Event) {
    let Some(e) = event.dyn_ref::<MouseEvent>() else { return };
    let mut s = state.borrow_mut();
    let State { data, map, .. } = &mut *s;
    let Some(map) = map.as_mut() else { return };
    let place = map.place_at(f64::from(e.client_x()), f64::from(e.client_y()));
    if let Some(id) = &place {
        let (css, _) = map.surface.locate(f64::from(e.client_x()), f64::from(e.client_y()));
        map.show_tooltip(data, id, css);
    }
    map.select(data, place);
    map.draw(None);
}

fn on_key(state: &Rc<RefCell<State>>, event: &Event) {
    let Some(e) = event.dyn_ref::<KeyboardEvent>() else { return };
    let mut s = state.borrow_mut();
    let State { data, map, .. } = &mut *s;
    let Some(map) = map.as_mut() else { return };
    let on_canvas = event.target().is_some_and(|t| t == *map.surface.canvas.as_ref());
    match e.key().as_str() {
        "ArrowRight" | "ArrowDown" | "ArrowLeft" | "ArrowUp" if on_canvas => {
            let step = if matches!(e.key().as_str(), "ArrowRight" | "ArrowDown") { 1 } else { -1 };
            if let Some(id) = map.step(step) {
                let at = map.anchor_of(&id);
                map.show_tooltip(data, &id, at);
                map.hovered = Some(id);
                map.draw(None);
            }
            e.prevent_default();
        }
        "Enter" | " " if on_canvas => {
            if let Some(id) = map.hovered.clone() {
                map.select(data, Some(id));
                map.draw(None);
            }
            e.prevent_default();
        }
        "Escape" => {
            if map.selected.is_some() {
                map.select(data, None);
                map.draw(None);
                let _ = map.surface.canvas.focus();
            }
            map.hide_tooltip();
        }
        _ => {}
    }
}

fn on_metric_click(state: &Rc<RefCell<State>>, event: &Event) {
    let Some(button) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
    let Some(id) = button.closest("[data-metric]").ok().flatten().and_then(|b| b.get_attribute("data-metric")) else {
        return;
    };
    let changed = {
        let mut s = state.borrow_mut();
        let State { data, view, map, .. } = &mut *s;
        match (map.as_mut(), metric::parse(&id)) {
            (Some(map), Some(m)) => map.set_metric(data, view, m),
            _ => false,
        }
    };
    if changed {
        after_map_change(state);
    }
}

fn on_card_click(state: &Rc<RefCell<State>>, event: &Event) {
    let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
    if target.closest("[data-action=close]").ok().flatten().is_none() {
        return;
    }
    let mut s = state.borrow_mut();
    let State { data, map, .. } = &mut *s;
    if let Some(map) = map.as_mut() {
        map.select(data, None);
        map.draw(None);
        let _ = map.surface.canvas.focus();
    }
}
