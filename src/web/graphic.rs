//! One mounted graphic: its data, view, canvas and animation loop. Rust owns
//! all of this state; the page only holds the `Graphic` handle.

use std::cell::RefCell;
use std::rc::Rc;

use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlCanvasElement, HtmlElement, ResizeObserver};

use super::dom;
use crate::charts::headline::HeadlineLayout;
use crate::data::{self, DataError, Dataset, Lang};
use crate::scene;
use crate::view::View;

/// Kept alive as long as the observer that calls it.
type ResizeCallback = Closure<dyn FnMut(js_sys::Array)>;

struct State {
    data: Dataset,
    view: View,
    layout: HeadlineLayout,
    root: HtmlElement,
    canvas: HtmlCanvasElement,
    /// rAF time of the first entry frame; None before it.
    started_at: Option<f64>,
    /// Set while a frame is requested: the loop runs only while something moves.
    frame_pending: bool,
    frames_drawn: u32,
    tick: Option<Closure<dyn FnMut(f64)>>,
    resize: Option<(ResizeObserver, ResizeCallback)>,
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
        let canvas: HtmlCanvasElement = dom::create("canvas")?;
        let _ = canvas.set_attribute("role", "img");
        dom::set_style(&canvas, &[("display", "block"), ("max-width", "100%")]);
        root.append_child(&canvas)?;

        let layout = HeadlineLayout::new(&data, &view);
        let state = Rc::new(RefCell::new(State {
            data,
            view,
            layout,
            root,
            canvas,
            started_at: None,
            frame_pending: false,
            frames_drawn: 0,
            tick: None,
            resize: None,
        }));
        state.borrow_mut().fit();
        install_tick(&state);
        install_resize(&state);
        let reduced = state.borrow().view.reduced_motion;
        if reduced {
            state.borrow_mut().draw(f64::INFINITY);
            state.borrow().mark_settled(true);
        } else {
            state.borrow_mut().draw(0.0);
            request_frame(&state);
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
        let Some(lang) = Lang::parse(code) else {
            return false;
        };
        let mut state = self.state.borrow_mut();
        state.view.lang = lang;
        state.fit();
        state.redraw();
        true
    }

    /// True once the entry animation has finished (or was skipped).
    pub fn settled(&self) -> bool {
        let state = self.state.borrow();
        !state.frame_pending
    }

    /// How many frames have been drawn (for tests and benchmarks).
    #[wasm_bindgen(js_name = framesDrawn)]
    pub fn frames_drawn(&self) -> u32 {
        self.state.borrow().frames_drawn
    }

    /// Stops observing and removes the graphic from the page.
    pub fn destroy(self) {
        let mut state = self.state.borrow_mut();
        if let Some((observer, _)) = state.resize.take() {
            observer.disconnect();
        }
        state.tick = None;
        state.frame_pending = false;
        dom::clear(&state.root);
        let _ = state.root.remove_attribute("data-ankang-mounted");
    }
}

impl State {
    /// Matches the canvas to the container: CSS size for layout, CSS × DPR
    /// for the backing store (plotters-canvas ignores DPR itself, plotters#164).
    fn fit(&mut self) {
        let css_width = self.root.get_bounding_client_rect().width().floor();
        let dpr = dom::window().map_or(1.0, |w| w.device_pixel_ratio());
        self.view.width = css_width;
        self.view.dpr = dpr;
        self.layout = HeadlineLayout::new(&self.data, &self.view);
        let dpr = self.view.layout_dpr();
        let (w, h) = (self.layout.width, self.layout.height);
        self.canvas.set_width((w * dpr).round() as u32);
        self.canvas.set_height((h * dpr).round() as u32);
        dom::set_style(&self.canvas, &[("width", &format!("{w}px")), ("height", &format!("{h}px"))]);
        let _ = self.canvas.set_attribute("aria-label", &self.layout.describe(self.view.lang));
        let _ = self.canvas.set_attribute("lang", self.view.lang.code());
    }

    fn draw(&mut self, elapsed_ms: f64) {
        let scene = self.layout.frame(elapsed_ms);
        if let Some(mut backend) = CanvasBackend::with_canvas_object(self.canvas.clone()) {
            if let Err(e) = scene::paint(&mut backend, &scene, self.view.layout_dpr()) {
                web_sys::console::warn_1(&JsValue::from_str(&format!("ankang: draw failed: {e:?}")));
            }
        }
        self.frames_drawn += 1;
    }

    /// `data-ankang-state` tells the host page (and its tests) whether the
    /// graphic is still animating.
    fn mark_settled(&self, settled: bool) {
        let _ = self.root.set_attribute("data-ankang-state", if settled { "settled" } else { "animating" });
    }

    /// Draws the current moment: mid-entry if the loop runs, else settled.
    fn redraw(&mut self) {
        let elapsed = match (self.frame_pending, self.started_at) {
            (true, Some(start)) => dom::now_ms() - start,
            (true, None) => 0.0,
            (false, _) => f64::INFINITY,
        };
        self.draw(elapsed);
    }
}

fn request_frame(state: &Rc<RefCell<State>>) {
    let mut s = state.borrow_mut();
    let (Some(window), Some(tick)) = (dom::window(), s.tick.as_ref()) else {
        return;
    };
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
            let start = *s.started_at.get_or_insert(now);
            let elapsed = now - start;
            s.draw(elapsed);
            elapsed < s.layout.entry_ms()
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
            s.redraw();
        }
    });
    let Ok(observer) = ResizeObserver::new(on_resize.as_ref().unchecked_ref()) else {
        return;
    };
    let root = state.borrow().root.clone();
    observer.observe(&root);
    state.borrow_mut().resize = Some((observer, on_resize));
}
