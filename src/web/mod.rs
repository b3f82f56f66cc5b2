//! The browser layer, thin by design: it builds the DOM, turns events into
//! `app::Msg`, and applies the `app::Effects` (canvases sized CSS px × DPR
//! and painted from the state's scenes, tooltips, live regions, the hash,
//! host events). Everything it draws and decides comes from `app`.

mod canvas;
mod chart_view;
mod dom;
mod embed;
mod export;
mod extras;
mod graphic;
mod guard;
mod map_view;
mod page;
mod shell;
mod surface;
mod tooltip;
mod wiring;

pub use graphic::Graphic;

use wasm_bindgen::prelude::*;
use web_sys::Element;

/// talc instead of std's dlmalloc: single-threaded module, memory grown on
/// demand and freed blocks reused (the soak test checks memory stays flat).
#[cfg(not(target_feature = "atomics"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Panic messages in the console only in builds made to diagnose one
/// (`--features panic-hook`): in the served module a panic is a bug the
/// tests exist to catch, and the hook costs ~0.9 KB gzipped (wasm + glue).
/// wasm-bindgen-test installs its own hook, so the browser tests keep
/// their messages.
#[cfg(feature = "panic-hook")]
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// Mounts a graphic into `element`.
///
/// `options` (optional object): `data` — a data set with the same schema as
/// the embedded one, used instead of it; `lang` — "zh" or "en"; `animate` —
/// false draws the final frame at once. The element's `data-lang`,
/// `data-animate="off"` and `data-source="#json-script-id"` attributes do the
/// same for editors who cannot write script.
///
/// On bad data the element shows a readable message, and the returned
/// promise-less call throws that message.
#[wasm_bindgen]
pub fn mount(element: &Element, options: JsValue) -> Result<Graphic, JsValue> {
    Graphic::mount(element, &options)
}

/// Mounts a graphic into every element carrying `data-ankang-graphic` that
/// has none yet. Returns how many were mounted; failures show in place.
#[wasm_bindgen(js_name = mountAll)]
pub fn mount_all() -> u32 {
    // Framed pages tell their parent how tall they are (once per page).
    thread_local!(static EMBED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) });
    if !EMBED.with(|e| e.replace(true)) {
        embed::install();
    }
    let Some(document) = dom::document() else {
        return 0;
    };
    let Ok(nodes) = document.query_selector_all("[data-ankang-graphic]:not([data-ankang-mounted])") else {
        return 0;
    };
    let mut mounted = 0;
    for i in 0..nodes.length() {
        let Some(element) = nodes.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        if let Ok(graphic) = Graphic::mount(&element, &JsValue::UNDEFINED) {
            // The page owns these graphics for its lifetime.
            graphic.leak();
            mounted += 1;
        }
    }
    mounted
}
