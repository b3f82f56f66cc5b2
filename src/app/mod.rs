//! The graphic's interactive core, in plain Rust: one `State`, one `Msg`,
//! one `update(state, msg, now) -> Effects`. The browser layer (`web`) only
//! turns DOM events into messages and applies the effects; everything a
//! reader can change, and everything the browser reports, lives here and is
//! tested without a browser (tests/app.rs).

pub mod effects;
mod keys;
mod look;
mod msg;
pub mod speech;
mod state;
pub mod timeline;
mod update;

pub use effects::{Effects, HostEvent, MapTip, Paint, Tip};
pub use look::MapLook;
pub use msg::{HostCall, Key, Msg};
pub use state::{Hover, State, Widths, CHARTS};
pub use update::update;

/// Length of the map's tween when its view changes.
pub const MAP_TWEEN_MS: f64 = 500.0;
