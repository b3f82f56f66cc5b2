//! Pure layout maths: scales and text. No DOM, no drawing.

pub mod scale;
pub mod text;
