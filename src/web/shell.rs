//! The thin shell between the DOM and `app`: messages are queued and run one
//! at a time, so a message raised while an update is applied (a host page's
//! listener calling the handle, a synchronous focus or blur) waits its turn
//! instead of borrowing the state twice. Effects are applied here.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use wasm_bindgen::prelude::*;

use super::dom;
use super::guard::{Listener, Observer};
use super::page::Page;
use crate::app::{update, Effects, HostEvent, MapTip, Msg, Paint, State, Tip, CHARTS};

/// The animation loop's callback.
type Tick = Closure<dyn FnMut(f64)>;

pub struct Shell {
    pub app: RefCell<State>,
    pub page: RefCell<Page>,
    queue: RefCell<VecDeque<(Msg, Option<f64>)>>,
    busy: Cell<bool>,
    /// Every listener and observer of this graphic; dropping them removes them.
    pub listeners: RefCell<Vec<Listener>>,
    pub observers: RefCell<Vec<Observer>>,
    /// The media query for the current DPR: re-armed when it changes.
    pub dpr_watch: RefCell<Option<Listener>>,
    pub tick: RefCell<Option<Tick>>,
    /// The pending animation frame's id.
    frame: Cell<Option<i32>>,
    pub frames_drawn: Cell<u32>,
}

impl Shell {
    pub fn new(app: State, page: Page) -> Rc<Shell> {
        Rc::new(Shell {
            app: RefCell::new(app),
            page: RefCell::new(page),
            queue: RefCell::new(VecDeque::new()),
            busy: Cell::new(false),
            listeners: RefCell::new(Vec::new()),
            observers: RefCell::new(Vec::new()),
            dpr_watch: RefCell::new(None),
            tick: RefCell::new(None),
            frame: Cell::new(None),
            frames_drawn: Cell::new(0),
        })
    }

    pub fn frame_pending(&self) -> bool {
        self.frame.get().is_some()
    }

    /// Removes every listener and observer and cancels the pending frame.
    pub fn disconnect(&self) {
        self.listeners.borrow_mut().clear();
        self.observers.borrow_mut().clear();
        self.dpr_watch.borrow_mut().take();
        if let (Some(id), Some(window)) = (self.frame.take(), dom::window()) {
            let _ = window.cancel_animation_frame(id);
        }
    }
}

impl Drop for Shell {
    fn drop(&mut self) {
        self.disconnect();
    }
}

pub fn dispatch(shell: &Rc<Shell>, msg: Msg) {
    dispatch_at(shell, msg, None);
}

/// Queues `msg` (at time `now`, or when it runs) and, unless an update is
/// already being applied further up the stack, runs the queue dry.
pub fn dispatch_at(shell: &Rc<Shell>, msg: Msg, now: Option<f64>) {
    shell.queue.borrow_mut().push_back((msg, now));
    if shell.busy.replace(true) {
        return;
    }
    loop {
        let next = shell.queue.borrow_mut().pop_front();
        let Some((msg, now)) = next else { break };
        let now = now.unwrap_or_else(dom::now_ms);
        let effects = match shell.app.try_borrow_mut() {
            Ok(mut app) => update(&mut app, msg, now),
            Err(_) => continue,
        };
        apply(shell, effects, now);
    }
    shell.busy.set(false);
}

fn apply(shell: &Rc<Shell>, fx: Effects, now: f64) {
    {
        let app = shell.app.borrow();
        let mut page = shell.page.borrow_mut();
        if fx.relaid {
            page.fit(&app);
        }
        if fx.texts {
            page.apply_texts(&app);
        }
        if fx.table {
            page.rebuild_table(&app);
        }
        if let (true, false, Some(map)) = (fx.card, fx.relaid, page.map.as_ref()) {
            map.refresh(&app);
        }
    }
    // The next frame is asked for before this one paints, as zrender does:
    // asked for after the canvases' draw calls, Chromium spends milliseconds
    // inside requestAnimationFrame (measured: 4-6 ms in most entry frames).
    if fx.frame {
        request_frame(shell);
    }
    paint(shell, fx.paint, now);
    {
        let app = shell.app.borrow();
        let page = shell.page.borrow();
        apply_pointers(&app, &page, &fx);
        if let (Some(text), Some(map)) = (&fx.announce, &page.map) {
            map.announce(text);
        }
        if let Some((i, text)) = &fx.chart_announce {
            page.charts[*i].announce(text);
        }
        if let Some(hash) = &fx.hash {
            write_hash(hash);
        }
        for w in &fx.warnings {
            web_sys::console::warn_1(&JsValue::from_str(&format!("ankang-graphic: {w}")));
        }
    }
    let settled = fx.settled && !shell.frame_pending();
    let root = shell.page.borrow().root.clone();
    let _ = root.set_attribute("data-ankang-state", if settled { "settled" } else { "animating" });
    if settled {
        mark_once("ankang:settled");
    }
    // Last, with nothing borrowed: these can run other code synchronously.
    if fx.focus_map {
        let canvas = shell.page.borrow().map.as_ref().map(|m| m.surface.canvas.clone());
        if let Some(canvas) = canvas {
            let _ = canvas.focus();
        }
    }
    for event in &fx.host_events {
        emit(&root, event);
    }
}

/// Tooltips, the keyboard ring and the pointer cursor.
fn apply_pointers(app: &State, page: &Page, fx: &Effects) {
    let lang = app.view.lang;
    match &fx.tip {
        Some(Tip::Hide) => page.tip.hide(),
        Some(Tip::Figure { id, at }) => page.tip.show_figure(&app.data, id, lang, &page.root, *at),
        Some(Tip::ChartFigure { chart, id, rect }) => {
            let at = page.charts[*chart].below(*rect);
            page.tip.show_figure(&app.data, id, lang, &page.root, at);
        }
        Some(Tip::BarsFigure { id, rect }) => {
            if let Some(map) = &page.map {
                page.tip.show_figure(&app.data, id, lang, &page.root, map.below_bar(*rect));
            }
        }
        None => {}
    }
    if let Some(map) = &page.map {
        match &fx.map_tip {
            Some(MapTip::Show { text, at }) => map.show_tooltip(text, *at),
            Some(MapTip::Hide) => map.hide_tooltip(),
            None => {}
        }
        if fx.paint.map {
            map.set_cursor(app);
        }
    }
    if let Some((i, ring)) = fx.focus_ring {
        match ring {
            Some(rect) => page.charts[i].show_ring(rect),
            None => page.charts[i].hide_ring(),
        }
    }
}

/// Paints the canvases the effects name, from the state's scenes at `now`.
fn paint(shell: &Rc<Shell>, what: Paint, now: f64) {
    if what == Paint::default() {
        return;
    }
    let page = shell.page.borrow();
    let mut entered = false;
    for (i, view) in page.charts.iter().enumerate().take(CHARTS) {
        if !what.has_chart(i) {
            continue;
        }
        let (scene, running) = {
            let mut app = shell.app.borrow_mut();
            let running = app.chart_running(i);
            (app.chart_scene(i, now), running)
        };
        if let Some(scene) = scene {
            view.surface.paint(&scene);
            entered |= running;
        }
    }
    if what.map {
        let scenes = shell.app.borrow_mut().map_scenes(now);
        if let (Some((map, bars)), Some(view)) = (scenes, &page.map) {
            view.paint(&map, &bars);
        }
    }
    if entered || shell.app.borrow().view.reduced_motion {
        // The first frame with the charts in view drawn.
        mark_once("ankang:first-frame");
    }
    shell.frames_drawn.set(shell.frames_drawn.get() + 1);
}

pub fn request_frame(shell: &Rc<Shell>) {
    if shell.frame_pending() {
        return;
    }
    let (Some(window), Some(tick)) = (dom::window(), shell.tick.borrow().as_ref().map(|t| t.as_ref().clone())) else {
        return;
    };
    if let Ok(id) = window.request_animation_frame(tick.unchecked_ref()) {
        shell.frame.set(Some(id));
    }
}

/// The animation loop: one rAF callback per graphic, requested only while
/// something moves, so an idle graphic costs no frames.
pub fn install_tick(shell: &Rc<Shell>) {
    let weak = Rc::downgrade(shell);
    let tick = Closure::<dyn FnMut(f64)>::new(move |now: f64| {
        let Some(shell) = weak.upgrade() else { return };
        shell.frame.set(None);
        dispatch_at(&shell, Msg::Frame, Some(now));
    });
    *shell.tick.borrow_mut() = Some(tick);
}

/// Writes the view into the URL hash, replacing the history entry so that
/// changes do not flood the back button.
fn write_hash(hash: &str) {
    let Some(window) = dom::window() else { return };
    if window.location().hash().ok().as_deref().unwrap_or("") == hash {
        return;
    }
    if let Ok(history) = window.history() {
        let url = if hash.is_empty() { window.location().pathname().unwrap_or_default() } else { hash.to_owned() };
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// `CustomEvent('ankang-graphic:change', { bubbles: true, detail: { kind, value } })`
/// on the graphic's container, for the host's analytics.
fn emit(root: &web_sys::HtmlElement, event: &HostEvent) {
    let value = match event {
        HostEvent::Select(id) => id.as_deref().map_or(JsValue::NULL, JsValue::from_str),
        HostEvent::Metric(v) | HostEvent::Lang(v) | HostEvent::Theme(v) => JsValue::from_str(v),
        HostEvent::Motion(on) => JsValue::from_bool(*on),
    };
    let detail = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&detail, &"kind".into(), &JsValue::from_str(event.kind()));
    let _ = js_sys::Reflect::set(&detail, &"value".into(), &value);
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_detail(&detail);
    if let Ok(e) = web_sys::CustomEvent::new_with_event_init_dict("ankang-graphic:change", &init) {
        let _ = root.dispatch_event(&e);
    }
}

/// A performance mark for benchmarks, once per page: "ankang:first-frame"
/// when the charts in view are first drawn (the first entry frame, or the
/// final frame when motion is off), "ankang:settled" when entries first finish.
pub fn mark_once(name: &str) {
    let Some(performance) = dom::window().and_then(|w| w.performance()) else { return };
    if performance.get_entries_by_name(name).length() == 0 {
        let _ = performance.mark(name);
    }
}
