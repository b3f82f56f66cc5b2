//! The article's figures: model, loading and validation.

mod error;
mod literal;
mod load;
mod model;
mod names;
#[cfg(target_arch = "wasm32")]
mod strict;
mod validate;

pub use error::{DataError, ErrorKind};
pub use literal::{implied_qualifier, stated_value};
#[cfg(target_arch = "wasm32")]
pub use load::from_js;
#[cfg(not(target_arch = "wasm32"))]
pub use load::from_value;
pub use load::{embedded, from_json_str, EMBEDDED_JSON};
pub use model::*;
pub use validate::validate;
