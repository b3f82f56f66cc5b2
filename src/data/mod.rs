//! The article's figures: model, loading and validation.

mod error;
mod literal;
mod load;
mod model;
mod validate;

pub use error::{DataError, ErrorKind};
pub use literal::{implied_qualifier, stated_value};
pub use load::{embedded, from_json_str, from_value, EMBEDDED_JSON};
pub use model::*;
pub use validate::validate;
