//! From JSON text (or an already parsed document, as a host page passes it)
//! to a checked `Dataset`. Items are read one by one so that a shape error
//! still names the item it is in.
//!
//! One path for every source: the text is parsed into a document (natively
//! by serde_json; in the browser by the browser's own `JSON.parse`, so no
//! JSON parser ships in the module), the document is walked by the same
//! generic code below, each item decoded by serde (serde_json's `Value`
//! deserializer natively, serde-wasm-bindgen in the browser), then the same
//! `validate`.

use serde::de::DeserializeOwned;

use super::error::{DataError, ErrorKind};
use super::model::{Dataset, Figure, Meta, MetricDef, Place, Theme};
use super::validate::validate;

/// The article's data, embedded in the module: `src/data/ankang.json` with
/// the whitespace between tokens removed by build.rs (a test below checks
/// it is the same document).
pub const EMBEDDED_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/ankang.min.json"));

/// The embedded data set, checked. It is checked by the test suite too, so in
/// a released build this cannot fail; the `Result` still reaches the reader as
/// a message, never a panic.
pub fn embedded() -> Result<Dataset, DataError> {
    from_json_str(EMBEDDED_JSON)
}

/// What the loader needs of a parsed JSON document. Implemented by
/// serde_json's `Value` natively and by the browser's parsed `JsValue` in the
/// module; each target has exactly one, so nothing is monomorphised twice.
trait Doc: Sized {
    /// The keys of an object, or `None` when this is not an object.
    fn keys(&self) -> Option<Vec<String>>;
    /// Removes (or reads) the member `key` of an object.
    fn take(&mut self, key: &str) -> Option<Self>;
    /// The items of an array, or `None` when this is not an array.
    fn items(self) -> Option<Vec<Self>>;
    /// The `id` member, when it is a string.
    fn id(&self) -> Option<String>;
    /// The item decoded by serde; the error as text.
    fn decode<T: DeserializeOwned>(&self) -> Result<T, String>;
}

fn syntax_error(detail: &str) -> DataError {
    let mut message = String::from("not valid JSON: ");
    message.push_str(detail);
    DataError::new(ErrorKind::Syntax, None, "(file)", message)
}

fn load<D: Doc>(mut top: D) -> Result<Dataset, DataError> {
    let Some(keys) = top.keys() else {
        return Err(DataError::new(ErrorKind::Shape, None, "(file)", "expected a JSON object"));
    };
    for key in keys {
        if !["meta", "themes", "places", "metrics", "figures"].contains(&key.as_str()) {
            // Quoted, so that even an empty key names a field.
            return Err(DataError::new(ErrorKind::Shape, None, quoted(&key), "unknown top-level field"));
        }
    }
    let meta: Meta = item(top.take("meta"), "meta")?;
    let themes = list::<Theme, D>(top.take("themes"), "themes")?;
    let places = list::<Place, D>(top.take("places"), "places")?;
    let metrics = list::<MetricDef, D>(top.take("metrics"), "metrics")?;
    let figures = list::<Figure, D>(top.take("figures"), "figures")?;
    let data = Dataset { meta, themes, places, metrics, figures };
    validate(&data)?;
    Ok(data)
}

/// `key` in double quotes, quotes and backslashes escaped (what `{:?}` would
/// print for these keys, without core's Debug machinery in the module).
fn quoted(key: &str) -> String {
    let mut out = String::from("\"");
    for c in key.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.extend(c.escape_unicode()),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn item<T: DeserializeOwned, D: Doc>(value: Option<D>, field: &str) -> Result<T, DataError> {
    let value = value.ok_or_else(|| DataError::new(ErrorKind::Shape, None, field, "missing"))?;
    // The id is read only to name an item that failed.
    value.decode().map_err(|e| DataError::new(ErrorKind::Shape, value.id().as_deref(), field, e))
}

/// `field[i]`: the item of a list ("figures[3]"), for the loader and validation.
pub(super) fn indexed(field: &str, i: usize) -> String {
    let mut at = String::from(field);
    at.push('[');
    at.push_str(&i.to_string());
    at.push(']');
    at
}

fn list<T: DeserializeOwned, D: Doc>(value: Option<D>, field: &str) -> Result<Vec<T>, DataError> {
    let Some(value) = value else {
        return Err(DataError::new(ErrorKind::Shape, None, field, "missing"));
    };
    let Some(items) = value.items() else {
        return Err(DataError::new(ErrorKind::Shape, None, field, "expected a list"));
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, v) in items.into_iter().enumerate() {
        out.push(item(Some(v), &indexed(field, i))?);
    }
    Ok(out)
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use serde::de::DeserializeOwned;
    use serde_json::Value;

    use super::{load, syntax_error, Doc};
    use crate::data::{DataError, Dataset};

    impl Doc for Value {
        fn keys(&self) -> Option<Vec<String>> {
            self.as_object().map(|o| o.keys().cloned().collect())
        }
        fn take(&mut self, key: &str) -> Option<Self> {
            self.as_object_mut()?.remove(key)
        }
        fn items(self) -> Option<Vec<Self>> {
            match self {
                Value::Array(items) => Some(items),
                _ => None,
            }
        }
        fn id(&self) -> Option<String> {
            self.get("id").and_then(Value::as_str).map(str::to_owned)
        }
        fn decode<T: DeserializeOwned>(&self) -> Result<T, String> {
            T::deserialize(self).map_err(|e| e.to_string())
        }
    }

    pub fn from_json_str(text: &str) -> Result<Dataset, DataError> {
        let value: Value = serde_json::from_str(text).map_err(|e| syntax_error(&e.to_string()))?;
        load(value)
    }

    /// A document already parsed by serde_json (tests and the fallback).
    pub fn from_value(value: Value) -> Result<Dataset, DataError> {
        load(value)
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub use native::{from_json_str, from_value};

#[cfg(target_arch = "wasm32")]
mod browser {
    use js_sys::{Array, Object, Reflect, JSON};
    use serde::de::DeserializeOwned;
    use wasm_bindgen::{JsCast, JsValue};

    use super::{load, syntax_error, Doc};
    use crate::data::{DataError, Dataset};

    impl Doc for JsValue {
        fn keys(&self) -> Option<Vec<String>> {
            if !self.is_object() || Array::is_array(self) {
                return None;
            }
            let keys = Object::keys(self.unchecked_ref::<Object>());
            Some(keys.iter().filter_map(|k| k.as_string()).collect())
        }
        fn take(&mut self, key: &str) -> Option<Self> {
            Reflect::get(self, &JsValue::from_str(key)).ok().filter(|v| !v.is_undefined())
        }
        fn items(self) -> Option<Vec<Self>> {
            Array::is_array(&self).then(|| self.unchecked_into::<Array>().iter().collect())
        }
        fn id(&self) -> Option<String> {
            if !self.is_object() {
                return None;
            }
            Reflect::get(self, &JsValue::from_str("id")).ok()?.as_string()
        }
        fn decode<T: DeserializeOwned>(&self) -> Result<T, String> {
            // Strict: no key beyond the struct's fields, as natively.
            T::deserialize(super::super::strict::Strict(self.clone())).map_err(|e| message_of(&JsValue::from(e)))
        }
    }

    /// The message of a thrown JS error ("missing field `label`"), without
    /// its "Error: " prefix, so messages read as they do natively.
    fn message_of(error: &JsValue) -> String {
        match error.dyn_ref::<js_sys::Error>() {
            Some(e) => e.message().into(),
            None => error.as_string().unwrap_or_default(),
        }
    }

    /// Parsed by the browser's `JSON.parse`.
    pub fn from_json_str(text: &str) -> Result<Dataset, DataError> {
        let value = JSON::parse(text).map_err(|e| syntax_error(&message_of(&e)))?;
        load(value)
    }

    /// A document the host page passes as a JS value (`mount(el, {data})`),
    /// decoded and checked exactly like the embedded text.
    pub fn from_js(value: JsValue) -> Result<Dataset, DataError> {
        load(value)
    }
}

#[cfg(target_arch = "wasm32")]
pub use browser::{from_js, from_json_str};

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::quoted;

    #[test]
    fn the_embedded_text_is_the_data_file_minified() {
        let file: serde_json::Value = serde_json::from_str(include_str!("ankang.json")).unwrap();
        let embedded: serde_json::Value = serde_json::from_str(super::EMBEDDED_JSON).unwrap();
        assert_eq!(file, embedded);
        assert!(super::EMBEDDED_JSON.len() < include_str!("ankang.json").len());
    }

    #[test]
    fn keys_are_quoted_like_debug() {
        for key in ["", "extra", "a\"b", "back\\slash", "line\nbreak", "tab\t", "\u{1}", "中文"] {
            assert_eq!(quoted(key), format!("{key:?}"));
        }
    }
}
