//! Pure layout maths: scales and text. No DOM, no drawing.

pub mod labels;
pub mod polygon;
pub mod scale;
pub mod text;
