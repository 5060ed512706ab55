//! Lenient deserializers for response fields: the vendor sometimes sends numbers as strings
//! (`"TotalCount": "12"`) and booleans as strings; generated response types accept both.

use std::fmt;
use std::marker::PhantomData;
use std::str::FromStr;

use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;

/// Deserializes an optional number that may arrive as a JSON number or as a string.
pub fn lenient_number<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: LenientNumber,
{
    deserializer.deserialize_any(NumberVisitor(PhantomData))
}

/// The number types responses use, converted without loss or refused.
pub trait LenientNumber: Sized + FromStr {
    fn from_i64(v: i64) -> Option<Self>;
    fn from_u64(v: u64) -> Option<Self>;
    fn from_f64(v: f64) -> Option<Self>;
}

macro_rules! lenient_integer {
    ($($ty:ty),*) => {$(
        impl LenientNumber for $ty {
            fn from_i64(v: i64) -> Option<Self> {
                Self::try_from(v).ok()
            }
            fn from_u64(v: u64) -> Option<Self> {
                Self::try_from(v).ok()
            }
            fn from_f64(v: f64) -> Option<Self> {
                // Only whole numbers within range, e.g. `3.0`.
                (v.fract() == 0.0 && v >= Self::MIN as f64 && v <= Self::MAX as f64)
                    .then_some(v as Self)
            }
        }
    )*};
}
lenient_integer!(i32, i64);

impl LenientNumber for f64 {
    fn from_i64(v: i64) -> Option<Self> {
        Some(v as f64)
    }
    fn from_u64(v: u64) -> Option<Self> {
        Some(v as f64)
    }
    fn from_f64(v: f64) -> Option<Self> {
        Some(v)
    }
}

struct NumberVisitor<T>(PhantomData<T>);

impl<'de, T: LenientNumber> Visitor<'de> for NumberVisitor<T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number or a string holding a number")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        T::from_i64(v)
            .map(Some)
            .ok_or_else(|| E::custom(format!("number {v} out of range")))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        T::from_u64(v)
            .map(Some)
            .ok_or_else(|| E::custom(format!("number {v} out of range")))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        T::from_f64(v)
            .map(Some)
            .ok_or_else(|| E::custom(format!("number {v} is not valid here")))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        if v.is_empty() {
            return Ok(None);
        }
        v.trim()
            .parse()
            .map(Some)
            .map_err(|_| E::custom(format!("string {v:?} is not a number")))
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
}

/// Deserializes an optional boolean that may arrive as `true`, `"true"` or `"True"`.
pub fn lenient_bool<'de, D>(deserializer: D) -> Result<Option<bool>, D::Error>
where
    D: Deserializer<'de>,
{
    struct BoolVisitor;
    impl Visitor<'_> for BoolVisitor {
        type Value = Option<bool>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a boolean or a string holding one")
        }
        fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
            Ok(Some(v))
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            match v {
                "" => Ok(None),
                _ if v.eq_ignore_ascii_case("true") => Ok(Some(true)),
                _ if v.eq_ignore_ascii_case("false") => Ok(Some(false)),
                _ => Err(E::custom(format!("string {v:?} is not a boolean"))),
            }
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
    }
    deserializer.deserialize_any(BoolVisitor)
}

/// Deserializes a value whose `null` means "empty" (`"InstanceIds": null` → empty list).
pub fn nullable<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: serde::Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}

pub use serde::de::{IgnoredAny, MapAccess};

/// A response object read key by key: generated response types implement this and get
/// `Deserialize` from [`object`], instead of deriving it (serde's derive emits a field enum, a
/// visitor and a wrapper per lenient field for every struct: most of what a product's generated
/// code costs to compile). Unknown keys are skipped; a key given twice keeps the last value.
pub trait Object: Default {
    /// The type's name, for error messages.
    const NAME: &'static str;

    /// Reads the value of `key` from `map` into `self` (skipping it when the key is unknown).
    fn read_field<'de, A: MapAccess<'de>>(
        &mut self,
        key: &str,
        map: &mut A,
    ) -> Result<(), A::Error>;
}

/// Deserializes an [`Object`] from a map.
pub fn object<'de, D: Deserializer<'de>, T: Object>(deserializer: D) -> Result<T, D::Error> {
    struct ObjectVisitor<T>(PhantomData<T>);

    impl<'de, T: Object> Visitor<'de> for ObjectVisitor<T> {
        type Value = T;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "a {} object", T::NAME)
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
            let mut out = T::default();
            while let Some(key) = map.next_key::<Key<'de>>()? {
                out.read_field(&key.0, &mut map)?;
            }
            Ok(out)
        }
    }

    deserializer.deserialize_map(ObjectVisitor(PhantomData))
}

/// A map key, borrowed from the input when it can be.
struct Key<'de>(std::borrow::Cow<'de, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a field name")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(std::borrow::Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(std::borrow::Cow::Owned(v.to_owned())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Key<'de>, E> {
                Ok(Key(std::borrow::Cow::Owned(v)))
            }
        }
        deserializer.deserialize_str(KeyVisitor)
    }
}

/// An optional number that may arrive as a string ([`lenient_number`] as a type).
pub struct Lenient<T>(pub Option<T>);

impl<'de, T: LenientNumber> Deserialize<'de> for Lenient<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        lenient_number(deserializer).map(Lenient)
    }
}

/// An optional boolean that may arrive as a string ([`lenient_bool`] as a type).
pub struct LenientBool(pub Option<bool>);

impl<'de> Deserialize<'de> for LenientBool {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        lenient_bool(deserializer).map(LenientBool)
    }
}

/// A value whose `null` means its default ([`nullable`] as a type).
pub struct Nullable<T>(pub T);

impl<'de, T: Deserialize<'de> + Default> Deserialize<'de> for Nullable<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        nullable(deserializer).map(Nullable)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Default, PartialEq)]
    struct Disk {
        size: Option<i32>,
        shared: Option<bool>,
        name: Option<String>,
        tags: Vec<String>,
    }

    impl Object for Disk {
        const NAME: &'static str = "Disk";
        fn read_field<'de, A: MapAccess<'de>>(
            &mut self,
            key: &str,
            map: &mut A,
        ) -> Result<(), A::Error> {
            match key {
                "Size" => self.size = map.next_value::<Lenient<i32>>()?.0,
                "Shared" => self.shared = map.next_value::<LenientBool>()?.0,
                "Name" => self.name = map.next_value::<Option<String>>()?,
                "Tags" => self.tags = map.next_value::<Nullable<Vec<String>>>()?.0,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
            Ok(())
        }
    }

    impl<'de> Deserialize<'de> for Disk {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            object(deserializer)
        }
    }

    #[test]
    fn objects_read_leniently_and_skip_unknown_keys() {
        let disk: Disk = serde_json::from_str(
            r#"{"Size":"40","Shared":"True","Name":null,"Tags":null,"Extra":{"a":[1,2]}}"#,
        )
        .unwrap();
        assert_eq!(
            disk,
            Disk {
                size: Some(40),
                shared: Some(true),
                name: None,
                tags: Vec::new(),
            }
        );
        let escaped: Disk = serde_json::from_str(r#"{"N\u0061me":"x","Tags":["a"]}"#).unwrap();
        assert_eq!(escaped.name.as_deref(), Some("x"));
        assert_eq!(escaped.tags, ["a"]);
    }

    #[test]
    fn objects_report_wrong_types() {
        let err = serde_json::from_str::<Disk>(r#"{"Size":"big"}"#).unwrap_err();
        assert_eq!(
            err.to_string(),
            "string \"big\" is not a number at line 1 column 13"
        );
        let err = serde_json::from_str::<Disk>("[1]").unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid type: sequence, expected a Disk object at line 1 column 0"
        );
    }
}
