//! Listeners and observers that remove themselves when dropped (gloo-events'
//! way, in a few lines): a graphic's guards go with it, on `destroy()` or
//! wasm-bindgen's `free()` alike, so no callback of ours outlives it.

use wasm_bindgen::prelude::*;
use web_sys::{Event, EventTarget, IntersectionObserver, ResizeObserver};

/// An event listener, removed on drop.
pub struct Listener {
    target: EventTarget,
    name: &'static str,
    closure: Closure<dyn FnMut(Event)>,
}

impl Listener {
    pub fn new(target: &EventTarget, name: &'static str, handler: impl FnMut(Event) + 'static) -> Option<Listener> {
        let closure = Closure::<dyn FnMut(Event)>::new(handler);
        target.add_event_listener_with_callback(name, closure.as_ref().unchecked_ref()).ok()?;
        Some(Listener { target: target.clone(), name, closure })
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self.target.remove_event_listener_with_callback(self.name, self.closure.as_ref().unchecked_ref());
    }
}

pub enum Watching {
    Resize(ResizeObserver),
    Intersection(IntersectionObserver),
}

/// A resize or intersection observer with its callback, disconnected on drop.
pub struct Observer {
    pub watching: Watching,
    /// Kept alive for as long as the observer may call it.
    pub _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl Drop for Observer {
    fn drop(&mut self) {
        match &self.watching {
            Watching::Resize(o) => o.disconnect(),
            Watching::Intersection(o) => o.disconnect(),
        }
    }
}
