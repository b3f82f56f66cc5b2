//! The plain string enums (`"person_time"`) decoded by one shared visitor
//! instead of one derived visitor each: the derive's match over the names
//! was repeated per enum (Unit's alone 1.7 KB of the module). The same input
//! is accepted as with the derive (`"name"`, or `{"name": null}` where the
//! deserializer takes that form for a unit variant) and the derive's
//! messages are kept: "unknown variant `furlong`, expected one of `person`,
//! …" and "invalid type: …, expected enum Unit". Not the derive's variant
//! index (`visit_u64`) or byte names: neither serde-wasm-bindgen nor
//! serde_json's `Value` passes a variant that way.

use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, EnumAccess, Error, VariantAccess, Visitor};

/// The index in `names` of the variant read by `d`.
pub(super) fn decode<'de, D: Deserializer<'de>>(
    d: D,
    name: &'static str,
    names: &'static [&'static str],
) -> Result<usize, D::Error> {
    d.deserialize_enum(name, names, Enum { name, names })
}

pub(super) struct Enum {
    pub(super) name: &'static str,
    pub(super) names: &'static [&'static str],
}

impl<'de> Visitor<'de> for Enum {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("enum ")?;
        f.write_str(self.name)
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<usize, A::Error> {
        let (index, variant) = data.variant_seed(Variant(self.names))?;
        variant.unit_variant()?;
        Ok(index)
    }
}

/// The variant's name, as its index in the list.
struct Variant(&'static [&'static str]);

impl<'de> DeserializeSeed<'de> for Variant {
    type Value = usize;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<usize, D::Error> {
        d.deserialize_identifier(self)
    }
}

impl<'de> Visitor<'de> for Variant {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("variant identifier")
    }

    fn visit_str<E: Error>(self, v: &str) -> Result<usize, E> {
        self.0.iter().position(|n| *n == v).ok_or_else(|| E::unknown_variant(v, self.0))
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use serde::de::DeserializeOwned;
    use serde_json::{json, Value};

    use super::*;
    use crate::data::model::{Metric, PlaceKind, Qualifier, Unit};
    use serde::Serialize;

    /// Each list of names is the serde name of the variant at its index (the
    /// derived `Serialize` writes them), both ways.
    fn names_agree<T: Copy + PartialEq + std::fmt::Debug + Serialize + DeserializeOwned>(all: &[T], names: &[&str]) {
        assert_eq!(all.len(), names.len());
        for (v, name) in all.iter().zip(names) {
            assert_eq!(serde_json::to_value(v).unwrap(), json!(name));
            assert_eq!(serde_json::from_value::<T>(json!(name)).unwrap(), *v);
            // The externally tagged form of a unit variant, as with the derive.
            assert_eq!(serde_json::from_value::<T>(json!({ *name: null })).unwrap(), *v);
        }
    }

    #[test]
    fn enum_names_are_their_serde_names() {
        names_agree(&PlaceKind::ALL, &PlaceKind::NAMES);
        names_agree(&Qualifier::ALL, &Qualifier::NAMES);
        names_agree(&Unit::ALL, &Unit::NAMES);
        names_agree(&Metric::ALL, &Metric::NAMES);
        for u in Unit::ALL {
            assert_eq!(json!(u.id()), serde_json::to_value(u).unwrap());
        }
        for q in Qualifier::ALL {
            assert_eq!(json!(q.id()), serde_json::to_value(q).unwrap());
        }
    }

    #[test]
    fn enum_errors_read_as_the_derives_did() {
        let err = |v: Value| serde_json::from_value::<Unit>(v).unwrap_err().to_string();
        assert_eq!(
            err(json!("furlong")),
            "unknown variant `furlong`, expected one of `person`, `person_time`, `yuan`, `percent`, \
             `organisation`, `session`, `item`, `station`, `mu`, `tree`, `square_metre`, `minute`, \
             `year`, `township`, `trip`, `category`, `trade`, `issue`, `work`"
        );
        // serde_json says what it expects itself; serde-wasm-bindgen asks the
        // visitor, which says what the derive's did.
        assert_eq!(err(json!(1.5)), "invalid type: floating point `1.5`, expected string or map");
        let expected = Enum { name: "Unit", names: &Unit::NAMES };
        assert_eq!((&expected as &dyn serde::de::Expected).to_string(), "enum Unit");
        assert_eq!(
            serde_json::from_value::<Metric>(json!("x")).unwrap_err().to_string(),
            "unknown variant `x`, expected one of `overview`, `new_unions`, `new_members`, \
             `insurance_claims`, `people_honoured`, `service_stations`, `attendances`"
        );
        assert_eq!(serde_json::from_value::<Option<Qualifier>>(json!(null)).unwrap(), None);
        assert_eq!(serde_json::from_value::<Option<Qualifier>>(json!("exact")).unwrap(), Some(Qualifier::Exact));
    }
}
