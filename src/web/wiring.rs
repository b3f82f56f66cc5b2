//! Turns the browser's events into messages: pointer, keys and clicks on the
//! graphic, the page's visibility, colour scheme, size, DPR and hash, and
//! the observers that say when charts and the map come into view. Every
//! listener and observer is a guard owned by the shell.

use std::rc::{Rc, Weak};

use wasm_bindgen::prelude::*;
use web_sys::{
    Element, Event, EventTarget, IntersectionObserver, IntersectionObserverEntry, KeyboardEvent, MouseEvent,
};

use super::dom;
use super::guard::{Listener, Observer, Watching};
use super::shell::{dispatch, Shell};
use crate::app::{Key, Msg};
use crate::map::metric;
use crate::theme::Theme;

pub fn system_theme() -> Theme {
    if dom::media_matches("(prefers-color-scheme: dark)") {
        Theme::Dark
    } else {
        Theme::Light
    }
}

/// Adds a listener whose handler gets the shell (while it lives) and the event.
fn listen(shell: &Rc<Shell>, target: &EventTarget, name: &'static str, handler: impl Fn(&Rc<Shell>, &Event) + 'static) {
    let weak: Weak<Shell> = Rc::downgrade(shell);
    let listener = Listener::new(target, name, move |event: Event| {
        if let Some(shell) = weak.upgrade() {
            handler(&shell, &event);
        }
    });
    if let Some(listener) = listener {
        shell.listeners.borrow_mut().push(listener);
    }
}

fn client(event: &Event) -> Option<(f64, f64)> {
    let e = event.dyn_ref::<MouseEvent>()?;
    Some((f64::from(e.client_x()), f64::from(e.client_y())))
}

fn key(event: &Event) -> Option<Key> {
    Key::parse(&event.dyn_ref::<KeyboardEvent>()?.key())
}

/// The keys a focused canvas answers to, as messages. Arrows, Home and End
/// would scroll the page, so their default is prevented; `passes` keeps its.
fn listen_keys(shell: &Rc<Shell>, target: &EventTarget, passes: Key, to_msg: impl Fn(Key) -> Msg + 'static) {
    listen(shell, target, "keydown", move |shell, event| {
        let Some(key) = key(event) else { return };
        if key != passes {
            event.prevent_default();
        }
        dispatch(shell, to_msg(key));
    });
}

/// The graphic's own elements: toolbar, charts, map, switcher, bars, card.
pub fn install_events(shell: &Rc<Shell>) {
    let (toolbar, charts, map) = {
        let page = shell.page.borrow();
        let charts: Vec<EventTarget> = page.charts.iter().map(|c| c.surface.canvas.clone().into()).collect();
        let map = page
            .map
            .as_ref()
            .map(|m| (m.surface.canvas.clone(), m.switcher.clone(), m.card.clone(), m.bars_surface.canvas.clone()));
        (page.toolbar().clone(), charts, map)
    };
    listen(shell, &toolbar, "click", on_toolbar);
    for (i, canvas) in charts.iter().enumerate() {
        let on_pointer = move |shell: &Rc<Shell>, event: &Event| {
            let Some(client) = client(event) else { return };
            let Ok(page) = shell.page.try_borrow() else { return };
            let (at, _) = page.charts[i].surface.locate(client.0, client.1);
            drop(page);
            dispatch(shell, Msg::ChartPointer { chart: i, at, client });
        };
        listen(shell, canvas, "pointermove", on_pointer);
        listen(shell, canvas, "click", on_pointer);
        listen(shell, canvas, "pointerleave", move |shell, _| dispatch(shell, Msg::ChartLeave(i)));
        listen(shell, canvas, "blur", move |shell, _| dispatch(shell, Msg::ChartLeave(i)));
        listen_keys(shell, canvas, Key::Enter, move |key| Msg::ChartKey { chart: i, key });
    }
    let Some((canvas, switcher, card, bars)) = map else { return };
    listen(shell, &canvas, "pointermove", |shell, event| {
        if let Some((place, at)) = map_point(shell, event) {
            dispatch(shell, Msg::MapPointer { place, at });
        }
    });
    listen(shell, &canvas, "click", |shell, event| {
        if let Some((place, at)) = map_point(shell, event) {
            dispatch(shell, Msg::MapClick { place, at });
        }
    });
    listen(shell, &canvas, "pointerleave", |shell, _| dispatch(shell, Msg::MapLeave));
    listen(shell, &canvas, "blur", |shell, _| dispatch(shell, Msg::MapLeave));
    listen_keys(shell, &canvas, Key::Escape, |key| Msg::MapKey { key, on_canvas: true });
    listen(shell, &card, "keydown", |shell, event| {
        if let Some(key) = key(event) {
            dispatch(shell, Msg::MapKey { key, on_canvas: false });
        }
    });
    listen(shell, &card, "click", |shell, event| {
        let target = event.target().and_then(|t| t.dyn_into::<Element>().ok());
        if target.and_then(|t| t.closest("[data-action=close]").ok().flatten()).is_some() {
            dispatch(shell, Msg::CloseCard);
        }
    });
    listen(shell, &switcher, "click", |shell, event| {
        let button = event.target().and_then(|t| t.dyn_into::<Element>().ok());
        let id =
            button.and_then(|b| b.closest("[data-metric]").ok().flatten()).and_then(|b| b.get_attribute("data-metric"));
        if let Some(m) = id.as_deref().and_then(metric::parse) {
            dispatch(shell, Msg::MetricButton(m));
        }
    });
    listen(shell, &bars, "pointermove", |shell, event| {
        if let Some((at, client)) = bars_point(shell, event) {
            dispatch(shell, Msg::BarsPointer { at, client });
        }
    });
    listen(shell, &bars, "click", |shell, event| {
        if let Some((at, _)) = bars_point(shell, event) {
            dispatch(shell, Msg::BarsClick { at });
        }
    });
    listen(shell, &bars, "pointerleave", |shell, _| dispatch(shell, Msg::BarsLeave));
    listen(shell, &bars, "blur", |shell, _| dispatch(shell, Msg::BarsLeave));
    listen_keys(shell, &bars, Key::Enter, Msg::BarsKey);
}

/// The place under the pointer on the map, and the pointer in CSS px.
fn map_point(shell: &Rc<Shell>, event: &Event) -> Option<(Option<String>, (f64, f64))> {
    let (x, y) = client(event)?;
    let page = shell.page.try_borrow().ok()?;
    let app = shell.app.try_borrow().ok()?;
    let map = page.map.as_ref()?;
    let place = map.place_at(&app, x, y);
    Some((place, map.surface.locate(x, y).0))
}

fn bars_point(shell: &Rc<Shell>, event: &Event) -> Option<((f64, f64), (f64, f64))> {
    let (x, y) = client(event)?;
    let page = shell.page.try_borrow().ok()?;
    Some((page.map.as_ref()?.bars_surface.locate(x, y).0, (x, y)))
}

fn on_toolbar(shell: &Rc<Shell>, event: &Event) {
    let target = event.target().and_then(|t| t.dyn_into::<Element>().ok());
    let Some(action) =
        target.and_then(|t| t.closest("[data-action]").ok().flatten()).and_then(|b| b.get_attribute("data-action"))
    else {
        return;
    };
    match action.as_str() {
        "lang" => dispatch(shell, Msg::ToggleLang),
        "motion" => dispatch(shell, Msg::ToggleMotion),
        // Downloads change nothing in the state: done here, from it.
        "png" => {
            if let Ok(app) = shell.app.try_borrow() {
                super::export::png(&app);
            }
        }
        "csv" => {
            if let Ok(app) = shell.app.try_borrow() {
                let _ = super::extras::download_csv(&app.data);
            }
        }
        _ => {}
    }
}

/// Tab visibility, the reader's colour scheme, window resizes (zoom changes
/// the DPR), the URL hash, and a DPR watch.
pub fn install_page_listeners(shell: &Rc<Shell>) {
    if let Some(document) = dom::document() {
        listen(shell, &document, "visibilitychange", |shell, _| {
            let hidden = dom::document().is_some_and(|d| d.hidden());
            dispatch(shell, if hidden { Msg::Hidden } else { Msg::Shown });
        });
    }
    if let Some(query) = dom::window().and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten()) {
        listen(shell, &query, "change", |shell, _| dispatch(shell, Msg::SystemTheme(system_theme())));
    }
    if let Some(window) = dom::window() {
        listen(shell, &window, "resize", |shell, _| remeasure(shell));
        if shell.app.borrow().deeplink {
            listen(shell, &window, "hashchange", |shell, _| {
                let hash = dom::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
                dispatch(shell, Msg::Hash { hash, full: true });
            });
        }
    }
    watch_dpr(shell);
}

/// Measures the page and lays out again if anything changed.
pub fn remeasure(shell: &Rc<Shell>) {
    let Ok(page) = shell.page.try_borrow() else { return };
    let msg = page.measure();
    drop(page);
    dispatch(shell, msg);
}

/// Redraws when the DPR changes (browser zoom, moving to another screen):
/// a media query for the current resolution stops matching.
fn watch_dpr(shell: &Rc<Shell>) {
    let Some(window) = dom::window() else { return };
    let query_text = format!("(resolution: {}dppx)", crate::format::plain_number(window.device_pixel_ratio()));
    let Ok(Some(query)) = window.match_media(&query_text) else { return };
    let weak = Rc::downgrade(shell);
    let listener = Listener::new(&query, "change", move |_| {
        let Some(shell) = weak.upgrade() else { return };
        remeasure(&shell);
        watch_dpr(&shell);
    });
    *shell.dpr_watch.borrow_mut() = listener;
}

/// Re-fits when the graphic's width changes. The work runs in the next
/// animation frame, not in the observer's callback: re-fitting changes the
/// graphic's height, and a size change inside the callback makes the browser
/// fire "ResizeObserver loop completed with undelivered notifications" as an
/// error event on window, which hosts' error trackers record. The callback
/// only reads, and asks for a frame only when the width really changed.
pub fn install_resize(shell: &Rc<Shell>) {
    let weak = Rc::downgrade(shell);
    let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries: js_sys::Array| {
        let Some(shell) = weak.upgrade() else { return };
        let changed = match (shell.page.try_borrow(), shell.app.try_borrow()) {
            (Ok(page), Ok(app)) => page.root.get_bounding_client_rect().width().floor() != app.view.width,
            _ => true,
        };
        if !changed {
            return;
        }
        let weak = Rc::downgrade(&shell);
        let refit = Closure::once_into_js(move || {
            if let Some(shell) = weak.upgrade() {
                remeasure(&shell);
            }
        });
        if let Some(window) = dom::window() {
            let _ = window.request_animation_frame(refit.unchecked_ref());
        }
    });
    let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) else { return };
    observer.observe(&shell.page.borrow().root);
    shell.observers.borrow_mut().push(Observer { watching: Watching::Resize(observer), _callback: on_resize });
}

/// Entry animations start when a chart scrolls into view; the map is drawn
/// when it comes within 300 px of the viewport.
pub fn install_observers(shell: &Rc<Shell>) {
    let (slots, section, motion, map_seen) = {
        let page = shell.page.borrow();
        let app = shell.app.borrow();
        let slots: Vec<Element> = page.charts.iter().map(|c| c.slot.clone().into()).collect();
        (slots, page.map.as_ref().map(|m| m.section.clone()), !app.view.reduced_motion, app.map_seen)
    };
    if motion {
        let targets = slots.clone();
        let weak = Rc::downgrade(shell);
        let on_seen = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let Some(shell) = weak.upgrade() else { return };
            let seen: Vec<usize> = entries
                .iter()
                .filter_map(|e| e.dyn_into::<IntersectionObserverEntry>().ok())
                .filter(|e| e.is_intersecting())
                .filter_map(|e| targets.iter().position(|t| *t == e.target()))
                .collect();
            dispatch(&shell, Msg::ChartsSeen(seen));
        });
        let init = web_sys::IntersectionObserverInit::new();
        init.set_threshold(&JsValue::from_f64(0.2));
        match IntersectionObserver::new_with_options(on_seen.as_ref().unchecked_ref(), &init) {
            Ok(observer) => {
                for slot in &slots {
                    observer.observe(slot);
                }
                shell
                    .observers
                    .borrow_mut()
                    .push(Observer { watching: Watching::Intersection(observer), _callback: on_seen });
            }
            // No IntersectionObserver: start everything now.
            Err(_) => dispatch(shell, Msg::ChartsSeen((0..slots.len()).collect())),
        }
    }
    let Some(section) = section.filter(|_| !map_seen) else { return };
    let weak = Rc::downgrade(shell);
    let on_near = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let Some(shell) = weak.upgrade() else { return };
        if entries.iter().filter_map(|e| e.dyn_into::<IntersectionObserverEntry>().ok()).any(|e| e.is_intersecting()) {
            dispatch(&shell, Msg::MapNear);
        }
    });
    let init = web_sys::IntersectionObserverInit::new();
    init.set_root_margin("300px 0px");
    match IntersectionObserver::new_with_options(on_near.as_ref().unchecked_ref(), &init) {
        Ok(observer) => {
            observer.observe(&section);
            shell
                .observers
                .borrow_mut()
                .push(Observer { watching: Watching::Intersection(observer), _callback: on_near });
        }
        Err(_) => dispatch(shell, Msg::MapNear),
    }
}

fn rebuild_table(shell: &Shell) {
    let Ok(mut page) = shell.page.try_borrow_mut() else { return };
    let Ok(app) = shell.app.try_borrow() else { return };
    page.rebuild_table(&app);
}

/// The work no first frame waits for, each part when the browser is idle
/// (within a second): the map's layout (`Msg::Idle`; sooner if the map nears
/// the viewport or something asks for it), then the data table.
pub fn schedule_idle_work(shell: &Rc<Shell>) {
    when_idle(shell, |shell| dispatch(shell, Msg::Idle));
    when_idle(shell, |shell| rebuild_table(shell));
}

/// Runs `work` in an idle callback, or after 100 ms where there is none (WebKit).
fn when_idle(shell: &Rc<Shell>, work: impl FnOnce(&Rc<Shell>) + 'static) {
    let weak = Rc::downgrade(shell);
    let run = Closure::once_into_js(move || {
        let Some(shell) = weak.upgrade() else { return };
        work(&shell);
    });
    let Some(window) = dom::window() else { return };
    let options = web_sys::IdleRequestOptions::new();
    options.set_timeout(1000);
    if window.request_idle_callback_with_options(run.unchecked_ref(), &options).is_err() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(run.unchecked_ref(), 100);
    }
}
