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
