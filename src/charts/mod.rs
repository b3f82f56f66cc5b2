//! One file per chart. Each chart is a layout (pure function of data and
//! view) that builds a `Scene` for any moment of its animation.

pub mod headline;
