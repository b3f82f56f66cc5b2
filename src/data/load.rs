//! From JSON text (or an already parsed JSON value, as a host page passes it)
//! to a checked `Dataset`. Items are read one by one so that a shape error
//! still names the item it is in.

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::error::{DataError, ErrorKind};
use super::model::{Dataset, Figure, Meta, Place, Theme};
use super::validate::validate;

/// The article's data, embedded in the module.
pub const EMBEDDED_JSON: &str = include_str!("ankang.json");

/// The embedded data set, checked. It is checked by the test suite too, so in
/// a released build this cannot fail; the `Result` still reaches the reader as
/// a message, never a panic.
pub fn embedded() -> Result<Dataset, DataError> {
    from_json_str(EMBEDDED_JSON)
}

pub fn from_json_str(text: &str) -> Result<Dataset, DataError> {
    let value: Value = serde_json::from_str(text)
        .map_err(|e| DataError::new(ErrorKind::Syntax, None, "(file)", format!("not valid JSON: {e}")))?;
    from_value(value)
}

pub fn from_value(value: Value) -> Result<Dataset, DataError> {
    let Value::Object(mut top) = value else {
        return Err(DataError::new(ErrorKind::Shape, None, "(file)", "expected a JSON object"));
    };
    for key in top.keys() {
        if !["meta", "themes", "places", "figures"].contains(&key.as_str()) {
            // Quoted, so that even an empty key names a field.
            return Err(DataError::new(ErrorKind::Shape, None, format!("{key:?}"), "unknown top-level field"));
        }
    }
    let meta: Meta = item(top.remove("meta"), "meta")?;
    let themes = list::<Theme>(top.remove("themes"), "themes")?;
    let places = list::<Place>(top.remove("places"), "places")?;
    let figures = list::<Figure>(top.remove("figures"), "figures")?;
    let data = Dataset { meta, themes, places, figures };
    validate(&data)?;
    Ok(data)
}

fn item<T: DeserializeOwned>(value: Option<Value>, field: &str) -> Result<T, DataError> {
    let value = value.ok_or_else(|| DataError::new(ErrorKind::Shape, None, field, "missing"))?;
    let id = value.get("id").and_then(Value::as_str).map(str::to_owned);
    serde_json::from_value(value).map_err(|e| DataError::new(ErrorKind::Shape, id.as_deref(), field, e.to_string()))
}

fn list<T: DeserializeOwned>(value: Option<Value>, field: &str) -> Result<Vec<T>, DataError> {
    match value {
        Some(Value::Array(items)) => {
            items.into_iter().enumerate().map(|(i, v)| item(Some(v), &format!("{field}[{i}]"))).collect()
        }
        Some(_) => Err(DataError::new(ErrorKind::Shape, None, field, "expected a list")),
        None => Err(DataError::new(ErrorKind::Shape, None, field, "missing")),
    }
}
