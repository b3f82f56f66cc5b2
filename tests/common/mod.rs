//! Helpers every browser test file shares (wasm-bindgen-test).
#![allow(dead_code)]

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlCanvasElement, HtmlElement};

pub fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}

/// Every canvas under `el`, in document order.
pub fn canvases(el: &HtmlElement) -> Vec<HtmlCanvasElement> {
    let nodes = el.query_selector_all("canvas").unwrap();
    (0..nodes.length()).map(|i| nodes.item(i).unwrap().dyn_into().unwrap()).collect()
}

/// A fresh container of the given CSS width, appended to the page.
pub fn container(width: u32) -> HtmlElement {
    let div: HtmlElement = document().create_element("div").unwrap().dyn_into().unwrap();
    div.style().set_property("width", &format!("{width}px")).unwrap();
    document().body().unwrap().append_child(&div).unwrap();
    div
}

pub fn options(pairs: &[(&str, JsValue)]) -> JsValue {
    let obj = js_sys::Object::new();
    for (k, v) in pairs {
        js_sys::Reflect::set(&obj, &(*k).into(), v).unwrap();
    }
    obj.into()
}

pub fn key(target: &HtmlElement, name: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(name);
    init.set_bubbles(true);
    let event = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

pub fn set_dpr(dpr: f64) {
    let descriptor = js_sys::Object::new();
    js_sys::Reflect::set(&descriptor, &"value".into(), &dpr.into()).unwrap();
    js_sys::Reflect::set(&descriptor, &"configurable".into(), &true.into()).unwrap();
    js_sys::Object::define_property(&web_sys::window().unwrap(), &"devicePixelRatio".into(), &descriptor);
}

/// Waits for the next animation frame: style, layout and ResizeObserver
/// callbacks run before it.
pub async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window().request_animation_frame(&resolve).unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}

pub fn window() -> web_sys::Window {
    web_sys::window().unwrap()
}
