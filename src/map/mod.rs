//! The county map: which metric colours it, the colour scale, and the
//! layout that places shapes, labels, markers and legend.

pub mod bars;
pub mod colour;
pub mod layout;
mod legend;
pub mod metric;
pub mod places;
mod render;

pub use layout::{Highlight, MapLayout, Transition};
