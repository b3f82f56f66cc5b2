//! serde-wasm-bindgen reads the fields a struct declares and never looks at
//! the others, so a misspelt key in a host's data ("vaule") would pass
//! unnoticed in the browser, while natively serde_json and the model's
//! `deny_unknown_fields` reject it. `Strict` wraps its deserializer: each
//! object must have no keys beyond its struct's fields, at every depth; the
//! leaves (strings, numbers, enums) are serde-wasm-bindgen's own.
//!
//! The check costs one `Object.keys(…).length` per object: the fields found
//! are counted as they are read, and only an object with more keys than that
//! has its keys read to name the stranger (or to find none: declared keys
//! set to `undefined`).

use std::cell::RefCell;

use js_sys::{Array, Object};
use serde::de::{self, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use serde_wasm_bindgen::{Deserializer as Leaf, Error};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

#[wasm_bindgen]
extern "C" {
    /// `Reflect.get` called directly. js_sys's binding wraps each call in a
    /// try/catch for a getter that throws, which a parsed JSON object has
    /// not; ~1,500 calls at mount. A host's object whose getter throws
    /// still fails the mount, with the getter's own exception.
    #[wasm_bindgen(js_namespace = Reflect, js_name = get)]
    fn property(target: &JsValue, key: &JsValue) -> JsValue;
}

pub struct Strict(pub JsValue);

/// Each field name as a JS string, made once: the same ~40 names are looked
/// up in every item.
fn js_key(field: &'static str) -> JsValue {
    thread_local!(static KEYS: RefCell<Vec<(&'static str, JsValue)>> = const { RefCell::new(Vec::new()) });
    KEYS.with_borrow_mut(|keys| {
        if let Some((_, key)) = keys.iter().find(|(name, _)| std::ptr::eq(*name, field)) {
            return key.clone();
        }
        let key = JsValue::from_str(field);
        keys.push((field, key.clone()));
        key
    })
}

/// A struct's fields, read in declaration order from a JS object.
struct Fields {
    object: JsValue,
    fields: &'static [&'static str],
    next: usize,
    found: u32,
    value: Option<JsValue>,
}

impl Fields {
    /// The next field the object has, or an error naming a key it should not
    /// have. Not generic, and kept out of line: every struct's visitor calls it.
    #[inline(never)]
    fn next_field(&mut self) -> Result<Option<&'static str>, Error> {
        while let Some(&field) = self.fields.get(self.next) {
            self.next += 1;
            // A key set to `undefined` reads as missing, as JSON has no
            // `undefined`: the same for an optional field, and "missing
            // field" for a required one.
            let value = property(&self.object, &js_key(field));
            if !value.is_undefined() {
                self.found += 1;
                self.value = Some(value);
                return Ok(Some(field));
            }
        }
        let keys = Object::keys(self.object.unchecked_ref::<Object>());
        // More keys than fields found: a stranger, or declared keys set to undefined.
        if keys.length() > self.found {
            let stranger = keys.iter().filter_map(|k| k.as_string()).find(|k| !self.fields.contains(&k.as_str()));
            if let Some(stranger) = stranger {
                return Err(de::Error::unknown_field(&stranger, self.fields));
            }
        }
        Ok(None)
    }
}

impl<'de> MapAccess<'de> for Fields {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Error> {
        match self.next_field()? {
            Some(field) => seed.deserialize(field.into_deserializer()).map(Some),
            None => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        seed.deserialize(Strict(self.value.take().unwrap_or(JsValue::UNDEFINED)))
    }
}

/// A JS array's items, each still checked.
struct Items {
    array: Array,
    next: u32,
}

impl<'de> SeqAccess<'de> for Items {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Error> {
        if self.next >= self.array.length() {
            return Ok(None);
        }
        self.next += 1;
        seed.deserialize(Strict(self.array.get(self.next - 1))).map(Some)
    }
}

/// "invalid type: string \"x\", expected struct Figure", worded as
/// serde-wasm-bindgen words it. Written here rather than reached through its
/// deserializer, which would build a second copy of every struct's decoder.
#[inline(never)]
fn invalid_type(value: &JsValue, expected: &dyn de::Expected) -> Error {
    let text;
    let unexpected = if value.is_null() || value.is_undefined() {
        de::Unexpected::Unit
    } else if let Some(b) = value.as_bool() {
        de::Unexpected::Bool(b)
    } else if let Some(n) = value.as_f64() {
        de::Unexpected::Float(n)
    } else if let Some(s) = value.as_string() {
        text = s;
        de::Unexpected::Str(&text)
    } else if Array::is_array(value) {
        de::Unexpected::Seq
    } else {
        de::Unexpected::Map
    };
    de::Error::invalid_type(unexpected, expected)
}

/// Hands a leaf to serde-wasm-bindgen, unchanged.
macro_rules! leaves {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            de::Deserializer::$method(Leaf::from(self.0), visitor)
        }
    )*};
}

impl<'de> de::Deserializer<'de> for Strict {
    type Error = Error;

    leaves! {
        deserialize_any deserialize_bool deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_f32 deserialize_f64
        deserialize_char deserialize_str deserialize_string deserialize_bytes deserialize_byte_buf
        deserialize_unit deserialize_map deserialize_identifier deserialize_ignored_any
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        if self.0.is_null() || self.0.is_undefined() {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0.dyn_into::<Array>() {
            Ok(array) => visitor.visit_seq(Items { array, next: 0 }),
            Err(other) => Err(invalid_type(&other, &visitor)),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        if !self.0.is_object() || Array::is_array(&self.0) {
            return Err(invalid_type(&self.0, &visitor));
        }
        visitor.visit_map(Fields { object: self.0, fields, next: 0, found: 0, value: None })
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(self, name: &'static str, visitor: V) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_unit_struct(Leaf::from(self.0), name, visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_tuple(Leaf::from(self.0), len, visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_tuple_struct(Leaf::from(self.0), name, len, visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_enum(Leaf::from(self.0), name, variants, visitor)
    }
}
