//! The graphic's life in a host page: host listeners that call back into
//! the handle from inside our events, and nothing of ours left behind after
//! `destroy()` or wasm-bindgen's `free()` (here: dropping the handle); refits
//! that leave the texts as they are.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use ankang_graphic::web::{mount, Graphic};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

mod common;
use common::*;
use web_sys::{HtmlCanvasElement, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn still() -> JsValue {
    let obj = js_sys::Object::new();
    js_sys::Reflect::set(&obj, &"animate".into(), &false.into()).unwrap();
    obj.into()
}

fn map_canvas(el: &HtmlElement) -> HtmlElement {
    el.query_selector(".ak-map-wrap canvas").unwrap().expect("the map canvas").dyn_into().unwrap()
}

/// Counts listeners added and removed on the page, and errors raised.
fn install_counters() {
    let setup = js_sys::Function::new_no_args(
        "if (window.__akCount) return;
         window.__akCount = { listeners: 0, errors: 0 };
         const add = EventTarget.prototype.addEventListener, remove = EventTarget.prototype.removeEventListener;
         EventTarget.prototype.addEventListener = function (t, f, o) { window.__akCount.listeners++; return add.call(this, t, f, o); };
         EventTarget.prototype.removeEventListener = function (t, f, o) { window.__akCount.listeners--; return remove.call(this, t, f, o); };
         window.addEventListener('error', () => { window.__akCount.errors++; });
         const error = console.error;
         console.error = function (...a) { window.__akCount.errors++; return error.apply(console, a); };",
    );
    setup.call0(&JsValue::NULL).unwrap();
}

fn count(what: &str) -> f64 {
    let counts = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__akCount".into()).unwrap();
    js_sys::Reflect::get(&counts, &what.into()).unwrap().as_f64().unwrap()
}

#[wasm_bindgen_test]
async fn a_host_listener_may_call_the_handle_inside_our_change_event() {
    install_counters();
    let errors = count("errors");
    let el = container(900);
    let graphic = Rc::new(mount(&el, still()).unwrap());
    let seen: Rc<RefCell<Vec<(String, JsValue)>>> = Rc::default();
    let listener = {
        let (graphic, seen) = (graphic.clone(), seen.clone());
        Closure::<dyn FnMut(web_sys::CustomEvent)>::new(move |e: web_sys::CustomEvent| {
            let detail = e.detail();
            let kind = js_sys::Reflect::get(&detail, &"kind".into()).unwrap().as_string().unwrap();
            let value = js_sys::Reflect::get(&detail, &"value".into()).unwrap();
            seen.borrow_mut().push((kind.clone(), value));
            // The host answers the reader's choice with its own, from inside our event.
            if kind == "select" && seen.borrow().len() == 1 {
                assert!(graphic.select("610927"));
                assert!(graphic.set_lang("en"));
            }
        })
    };
    el.add_event_listener_with_callback("ankang-graphic:change", listener.as_ref().unchecked_ref()).unwrap();
    // The reader picks the first place from the keyboard.
    let canvas = map_canvas(&el);
    key(&canvas, "ArrowRight");
    key(&canvas, "Enter");
    sleep(50).await;
    {
        let seen = seen.borrow();
        assert_eq!(seen.len(), 1, "the host's calls emit no events, so nothing loops: {:?}", *seen);
        assert_eq!(seen[0].0, "select");
        assert!(seen[0].1.as_string().is_some(), "the reader's place id");
    }
    assert_eq!(graphic.selected().as_deref(), Some("610927"), "the host's call wins");
    assert_eq!(el.get_attribute("lang").as_deref(), Some("en"));
    assert!(el.text_content().unwrap().contains("Zhenping"), "the card shows the host's choice, in English");
    // Escape still clears, and that is the reader's change again.
    key(&canvas, "Escape");
    assert_eq!(graphic.selected(), None);
    let seen = seen.borrow();
    assert_eq!(seen.len(), 2);
    assert_eq!((seen[1].0.as_str(), seen[1].1.is_null()), ("select", true));
    assert_eq!(count("errors"), errors, "no error raised");
    el.remove_event_listener_with_callback("ankang-graphic:change", listener.as_ref().unchecked_ref()).unwrap();
    el.remove();
}

#[wasm_bindgen_test]
async fn every_reader_change_reaches_the_host_as_one_event() {
    let el = container(700);
    let graphic = mount(&el, still()).unwrap();
    let kinds: Rc<RefCell<Vec<String>>> = Rc::default();
    let listener = {
        let kinds = kinds.clone();
        Closure::<dyn FnMut(web_sys::CustomEvent)>::new(move |e: web_sys::CustomEvent| {
            let kind = js_sys::Reflect::get(&e.detail(), &"kind".into()).unwrap().as_string().unwrap();
            kinds.borrow_mut().push(kind);
        })
    };
    // Bubbles: a listener on the page sees it.
    document().add_event_listener_with_callback("ankang-graphic:change", listener.as_ref().unchecked_ref()).unwrap();
    let click = |selector: &str| {
        let b: HtmlElement = el.query_selector(selector).unwrap().unwrap().dyn_into().unwrap();
        b.click();
    };
    click("[data-action=lang]");
    click("[data-metric=new_unions]");
    click("[data-action=motion]");
    // The host's own calls emit nothing.
    graphic.set_metric("overview");
    graphic.set_lang("zh");
    assert_eq!(*kinds.borrow(), ["lang", "metric", "motion"]);
    document().remove_event_listener_with_callback("ankang-graphic:change", listener.as_ref().unchecked_ref()).unwrap();
    graphic.destroy();
    el.remove();
}

/// Clicks, keys and pointer moves on every canvas, and a resize.
async fn poke(el: &HtmlElement) {
    for canvas in canvases(el) {
        let init = web_sys::MouseEventInit::new();
        init.set_bubbles(true);
        init.set_client_x(40);
        init.set_client_y(40);
        for name in ["pointermove", "click", "pointerleave"] {
            let e = web_sys::MouseEvent::new_with_mouse_event_init_dict(name, &init).unwrap();
            canvas.dispatch_event(&e).unwrap();
        }
        for name in ["ArrowRight", "Enter", "Escape"] {
            key(canvas.unchecked_ref(), name);
        }
    }
    el.style().set_property("width", "333px").unwrap();
    sleep(100).await;
}

#[wasm_bindgen_test]
async fn after_destroy_or_free_nothing_of_ours_is_left() {
    install_counters();
    let baseline = count("listeners");
    let errors = count("errors");
    for how in ["destroy", "free"] {
        let el = container(800);
        let graphic: Graphic = mount(&el, JsValue::UNDEFINED).unwrap();
        sleep(50).await;
        assert!(count("listeners") > baseline + 10.0, "mounted: our listeners are counted");
        if how == "destroy" {
            graphic.destroy();
        } else {
            // What wasm-bindgen's free() does: drop the Rust value.
            drop(graphic);
        }
        assert_eq!(count("listeners"), baseline, "after {how}: every listener removed");
        poke(&el).await;
        assert_eq!(count("errors"), errors, "after {how}: events on the old container raise nothing");
        el.remove();
    }
}

/// destroy() gives the canvases' pixels back at once (Safari caps a page's
/// canvas memory), even where the host still holds the elements.
#[wasm_bindgen_test]
async fn destroy_releases_every_canvas_backing_store() {
    let el = container(800);
    let graphic: Graphic = mount(&el, JsValue::UNDEFINED).unwrap();
    sleep(50).await;
    let all = canvases(&el);
    assert!(all.len() >= 8, "the charts' and the map's canvases: {}", all.len());
    assert!(all.iter().all(|c| c.width() > 0 && c.height() > 0), "mounted: every canvas has pixels");
    graphic.destroy();
    for c in &all {
        assert_eq!((c.width(), c.height()), (0, 0), "after destroy: no pixels kept");
    }
    el.remove();
}

#[wasm_bindgen_test]
async fn a_hundred_mounts_and_destroys_leave_the_listener_count_where_it_was() {
    install_counters();
    let baseline = count("listeners");
    let el = container(600);
    for _ in 0..100 {
        let graphic = mount(&el, still()).unwrap();
        graphic.destroy();
    }
    sleep(50).await;
    assert_eq!(count("listeners"), baseline);
    assert!(el.child_element_count() == 0 && !el.has_attribute("data-ankang-mounted"));
    el.remove();
}

/// A refit at the same language sets no text again: a text node replaced by
/// the same words is shaped again at the next layout (at mount, on the first
/// frame's path). The headings and the map's card keep their nodes.
#[wasm_bindgen_test]
async fn a_refit_replaces_no_text() {
    let el = container(500);
    let _graphic = mount(&el, still()).unwrap();
    let heading = el.query_selector(".ak-section .ak-h").unwrap().unwrap().first_child().expect("a heading text");
    let hint = el.query_selector(".ak-card .ak-hint").unwrap().expect("the card's hint");
    let canvas: HtmlCanvasElement = el.query_selector(".ak-section canvas").unwrap().unwrap().dyn_into().unwrap();
    let before = canvas.width();
    el.style().set_property("width", "420px").unwrap();
    for _ in 0..150 {
        if canvas.width() != before {
            break;
        }
        sleep(20).await;
    }
    assert_ne!(canvas.width(), before, "the chart refits to 420 px");
    let heading_now = el.query_selector(".ak-section .ak-h").unwrap().unwrap().first_child().unwrap();
    assert!(heading_now.is_same_node(Some(&heading)), "the heading's text was set again");
    let hint_now = el.query_selector(".ak-card .ak-hint").unwrap().unwrap();
    assert!(hint_now.is_same_node(Some(&hint)), "the card was rebuilt");
    el.remove();
}
