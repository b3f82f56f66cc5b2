//! Inside an iframe, the page tells its parent how tall it is, on load, on
//! resize and whenever its content changes, debounced. Three formats go out,
//! so the common newsroom embed scripts all understand it:
//! - ours: `{ type: "ankang-graphic:height", height, id }` (read by www/embed.js);
//! - Datawrapper's: `{ "datawrapper-height": { <id>: height } }`;
//! - pym.js: `"pym" xPYMx <childId> xPYMx "height" xPYMx <height>`, when the URL has `?childId=`.
//!
//! Like a real `pym.Child`, it also answers the parent's width messages
//! (`pymxPYMx<childId>xPYMxwidthxPYMx<width>`, sent on load and on every
//! resize of the parent) with the height at once, even when unchanged.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;

use super::dom;

/// Wait this long after the last change before posting.
const DEBOUNCE_MS: i32 = 60;

struct Poster {
    timer: Option<i32>,
    last: i32,
    id: String,
    child_id: Option<String>,
}

/// Starts posting heights if this page is framed. Returns whether it did.
pub fn install() -> bool {
    let Some(window) = dom::window() else { return false };
    let Ok(parent) = window.parent() else { return false };
    let Some(parent) = parent else { return false };
    if parent == window {
        return false;
    }
    let query = window.location().search().unwrap_or_default();
    let param = |name: &str| web_sys::UrlSearchParams::new_with_str(&query).ok().and_then(|p| p.get(name));
    let id = param("id").unwrap_or_else(|| "ankang-graphic".to_owned());
    let poster = Rc::new(RefCell::new(Poster { timer: None, last: -1, id, child_id: param("childId") }));

    let send = {
        let poster = poster.clone();
        Closure::<dyn FnMut()>::new(move || {
            let mut p = poster.borrow_mut();
            p.timer = None;
            let Some(document) = dom::document() else { return };
            let Some(root) = document.document_element() else { return };
            let height = root.get_bounding_client_rect().height().ceil() as i32;
            if height == p.last {
                return;
            }
            p.last = height;
            post_height(&p.id, p.child_id.as_deref(), height);
        })
    };
    let schedule = {
        let poster = poster.clone();
        Closure::<dyn FnMut()>::new(move || {
            let Some(window) = dom::window() else { return };
            let mut p = poster.borrow_mut();
            if let Some(timer) = p.timer.take() {
                window.clear_timeout_with_handle(timer);
            }
            p.timer = window
                .set_timeout_with_callback_and_timeout_and_arguments_0(send.as_ref().unchecked_ref(), DEBOUNCE_MS)
                .ok();
        })
    };
    let Ok(observer) = web_sys::ResizeObserver::new(schedule.as_ref().unchecked_ref()) else { return false };
    if let Some(root) = dom::document().and_then(|d| d.document_element()) {
        observer.observe(&root);
    }
    if let Some(body) = dom::document().and_then(|d| d.body()) {
        observer.observe(&body);
    }
    let _ = window.add_event_listener_with_callback("load", schedule.as_ref().unchecked_ref());
    if let Some(child) = poster.borrow().child_id.clone() {
        let poster = poster.clone();
        let prefix = format!("pymxPYMx{child}xPYMxwidthxPYMx");
        // Read through Reflect: web-sys's MessageEvent would be one more binding in the module.
        let on_message = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            let data = js_sys::Reflect::get(&event, &"data".into()).ok().and_then(|d| d.as_string());
            let is_width = data.is_some_and(|text| text.starts_with(&prefix));
            let Some(root) = dom::document().and_then(|d| d.document_element()).filter(|_| is_width) else { return };
            let mut p = poster.borrow_mut();
            p.last = root.get_bounding_client_rect().height().ceil() as i32;
            post_height(&p.id, p.child_id.as_deref(), p.last);
        });
        let _ = window.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
        on_message.forget();
    }
    // The page lives as long as its frame.
    schedule.forget();
    std::mem::forget(observer);
    true
}

fn post_height(id: &str, child_id: Option<&str>, height: i32) {
    let Some(parent) = dom::window().and_then(|w| w.parent().ok().flatten()) else { return };
    let ours = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&ours, &"type".into(), &"ankang-graphic:height".into());
    let _ = js_sys::Reflect::set(&ours, &"height".into(), &height.into());
    let _ = js_sys::Reflect::set(&ours, &"id".into(), &id.into());
    let _ = parent.post_message(&ours, "*");
    let inner = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&inner, &id.into(), &height.into());
    let datawrapper = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&datawrapper, &"datawrapper-height".into(), &inner);
    let _ = parent.post_message(&datawrapper, "*");
    if let Some(child) = child_id {
        let pym = format!("pymxPYMx{child}xPYMxheightxPYMx{height}");
        let _ = parent.post_message(&JsValue::from_str(&pym), "*");
    }
}
