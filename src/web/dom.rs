//! Small helpers over web-sys, so the graphic code reads as what it does.

use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, HtmlCanvasElement, HtmlElement, Window};

pub fn window() -> Option<Window> {
    web_sys::window()
}

pub fn document() -> Option<Document> {
    window()?.document()
}

pub fn create<T: JsCast>(tag: &str) -> Result<T, JsValue> {
    let document = document().ok_or("no document")?;
    document.create_element(tag)?.dyn_into::<T>().map_err(|_| JsValue::from_str("unexpected element type"))
}

pub fn set_style(element: &HtmlElement, declarations: &[(&str, &str)]) {
    let style = element.style();
    for (name, value) in declarations {
        let _ = style.set_property(name, value);
    }
}

/// Sets an element's text only when it differs: a text node replaced by the
/// same words is shaped again at the next layout, and at mount that layout
/// is on the first frame's path.
pub fn set_text(element: &HtmlElement, text: &str) {
    if element.text_content().as_deref() != Some(text) {
        element.set_text_content(Some(text));
    }
}

/// Gives back every canvas's pixels under `root` now, not when the collector
/// next runs: Safari caps a page's total canvas memory (iOS: "Total canvas
/// memory use exceeds the maximum limit"), and a host that mounts and
/// destroys graphics would hold each removed canvas's backing store until then.
pub fn release_canvases(root: &Element) {
    let Ok(canvases) = root.query_selector_all("canvas") else { return };
    for i in 0..canvases.length() {
        if let Some(canvas) = canvases.item(i).and_then(|n| n.dyn_into::<HtmlCanvasElement>().ok()) {
            canvas.set_width(0);
            canvas.set_height(0);
        }
    }
}

pub fn media_matches(query: &str) -> bool {
    window().and_then(|w| w.match_media(query).ok().flatten()).is_some_and(|m| m.matches())
}

pub fn now_ms() -> f64 {
    window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// A string property of a JS options object, if present.
pub fn option_string(options: &JsValue, key: &str) -> Option<String> {
    if !options.is_object() {
        return None;
    }
    js_sys::Reflect::get(options, &JsValue::from_str(key)).ok()?.as_string()
}

pub fn option_value(options: &JsValue, key: &str) -> Option<JsValue> {
    if !options.is_object() {
        return None;
    }
    let value = js_sys::Reflect::get(options, &JsValue::from_str(key)).ok()?;
    (!value.is_undefined() && !value.is_null()).then_some(value)
}

/// Removes every child of `element`.
pub fn clear(element: &Element) {
    while let Some(child) = element.first_child() {
        let _ = element.remove_child(&child);
    }
}

/// Places a floating box `size` (w, h) next to the point `at`, both in the
/// frame's CSS px: right of and below the point, flipped above it when it
/// would leave the frame's bottom, and kept `margin` inside the frame.
pub fn place_beside(at: (f64, f64), size: (f64, f64), frame: (f64, f64), margin: f64) -> (f64, f64) {
    let x = (at.0 + 12.0).min(frame.0 - size.0 - margin).max(margin);
    let below = at.1 + 16.0;
    let y = if below + size.1 <= frame.1 { below } else { (at.1 - size.1 - 12.0).max(margin) };
    (x, y)
}

/// Moves an absolutely positioned element to (x, y) CSS px.
pub fn move_to(element: &HtmlElement, (x, y): (f64, f64)) {
    set_style(element, &[("left", &crate::format::css_px(x)), ("top", &crate::format::css_px(y))]);
}
