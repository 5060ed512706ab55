//! Wire form of parameter values, both directions.
//!
//! Writing is what a client does (`write_params`); reading is what a server does with the same
//! generated types (`from_wire`), so both sides share one definition of the rules.
//! Array styles follow the vendor metadata: `repeatList` (`Name.1`, `Name.1.Key`), `json` (one
//! JSON-encoded string) and `simple` (comma-joined).

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::ops::Bound;

use crate::operation::Params;
use crate::validate::{Rule, ValidationErrors, Validator};

/// Error code a server answers for a missing required parameter.
pub const MISSING_PARAMETER: &str = "MissingParameter";
/// Error code a server answers for a value of the wrong type.
pub const INVALID_PARAMETER: &str = "InvalidParameter";

/// A scalar that has one wire rendering.
pub trait WireScalar: Sized {
    /// What the value must look like, for error messages.
    const EXPECTED: &'static str;
    fn to_wire(&self) -> String;
    fn from_wire(raw: &str) -> Option<Self>;
    /// Appends [`to_wire`](Self::to_wire)'s text to `out` (integers without the formatting
    /// machinery: a request's integers are written on every prepare).
    fn write_wire(&self, out: &mut String) {
        out.push_str(&self.to_wire());
    }
}

impl WireScalar for String {
    const EXPECTED: &'static str = "a string";
    fn to_wire(&self) -> String {
        self.clone()
    }
    fn write_wire(&self, out: &mut String) {
        out.push_str(self);
    }
    fn from_wire(raw: &str) -> Option<Self> {
        Some(raw.to_owned())
    }
}

/// An integer's decimal text, without `core::fmt`.
fn write_integer(value: impl itoa::Integer, out: &mut String) {
    out.push_str(itoa::Buffer::new().format(value));
}

/// A number's `Display` text, written in place.
fn write_display(value: impl std::fmt::Display, out: &mut String) {
    use std::fmt::Write as _;
    // Writing into a String cannot fail.
    let _ = write!(out, "{value}");
}

macro_rules! wire_number {
    ($($ty:ty => $expected:literal, $write:ident);*) => {$(
        impl WireScalar for $ty {
            const EXPECTED: &'static str = $expected;
            fn to_wire(&self) -> String {
                self.to_string()
            }
            fn write_wire(&self, out: &mut String) {
                $write(*self, out);
            }
            fn from_wire(raw: &str) -> Option<Self> {
                if is_plain_number(raw) {
                    raw.parse().ok()
                } else {
                    None
                }
            }
        }
    )*};
}

/// `-?DIGITS(.DIGITS)?`: what a client renders. Spaces, a `+` sign, exponents and `inf`/`NaN`
/// (all of which Rust's `parse` accepts) are refused rather than read as something the sender
/// may not have meant.
fn is_plain_number(raw: &str) -> bool {
    let unsigned = raw.strip_prefix('-').unwrap_or(raw);
    let (whole, fraction) = match unsigned.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (unsigned, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    digits(whole) && fraction.is_none_or(digits)
}
wire_number!(
    i32 => "a 32-bit integer", write_integer;
    i64 => "a 64-bit integer", write_integer;
    f64 => "a number", write_display
);

impl WireScalar for bool {
    const EXPECTED: &'static str = "a boolean (true or false)";
    fn to_wire(&self) -> String {
        if *self { "true" } else { "false" }.to_owned()
    }
    fn write_wire(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
    /// Accepts `true`/`false` in any case: Alibaba's Python SDK sends `True`/`False`.
    fn from_wire(raw: &str) -> Option<Self> {
        if raw.eq_ignore_ascii_case("true") {
            Some(true)
        } else if raw.eq_ignore_ascii_case("false") {
            Some(false)
        } else {
            None
        }
    }
}

/// A structured value (an array item or object parameter) written as `Prefix.Field` entries.
pub trait WireObject: Sized + Default {
    fn write_fields(&self, prefix: &str, params: &mut Params);
}

/// A [`WireObject`] read back from its `Prefix.Field` entries: the server side, which generated
/// code implements only with this crate's `server` feature (see `acs_runtime::__server!`).
pub trait FromWireObject: WireObject {
    fn read_fields(reader: &mut Reader<'_>, prefix: &str) -> Self;
}

/// A free-form object (`type: object` without declared properties) as an item of a
/// `repeatList`/`flat` array: `Name.1.key=value`, flattened the way Alibaba's SDKs flatten maps
/// (nested objects and arrays continue the dotted path, arrays from 1; `null` is not sent).
impl WireObject for serde_json::Map<String, serde_json::Value> {
    fn write_fields(&self, prefix: &str, params: &mut Params) {
        for (key, value) in self {
            write_flat(params, format!("{prefix}.{key}"), value);
        }
    }
}

impl FromWireObject for serde_json::Map<String, serde_json::Value> {
    /// Every `Prefix.…` entry, as a string value under the rest of its name (the wire does not
    /// say whether `1` was a number or a string).
    fn read_fields(reader: &mut Reader<'_>, prefix: &str) -> Self {
        let prefix = format!("{prefix}.");
        reader
            .with_prefix(&prefix)
            .map(|(name, value)| {
                let key = name[prefix.len()..].to_owned();
                (key, serde_json::Value::String(value.to_owned()))
            })
            .collect()
    }
}

fn write_flat(params: &mut Params, name: String, value: &serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::Null => {}
        Value::String(s) => params.push(name, s),
        Value::Bool(_) | Value::Number(_) => params.push(name, value.to_string()),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                write_flat(params, format!("{name}.{}", i + 1), item);
            }
        }
        Value::Object(map) => {
            for (key, item) in map {
                write_flat(params, format!("{name}.{key}"), item);
            }
        }
    }
}

/// `Name.1=a&Name.2=b`.
pub fn write_repeat_list<T: WireScalar>(params: &mut Params, name: &str, items: &[T]) {
    for (i, item) in items.iter().enumerate() {
        params.push(format!("{name}.{}", i + 1), item.to_wire());
    }
}

/// `Name.1.Key=a&Name.1.Value=b`.
pub fn write_repeat_list_objects<T: WireObject>(params: &mut Params, name: &str, items: &[T]) {
    for (i, item) in items.iter().enumerate() {
        item.write_fields(&format!("{name}.{}", i + 1), params);
    }
}

/// One JSON-encoded value: `Name=["a","b"]`.
pub fn write_json<T: serde::Serialize + ?Sized>(params: &mut Params, name: &str, value: &T) {
    // Serializing plain generated data (strings, numbers, derived structs) cannot fail.
    let json = serde_json::to_string(value).unwrap_or_default();
    params.push(name.to_owned(), json);
}

/// `Name=a,b`.
pub fn write_simple<T: WireScalar>(params: &mut Params, name: &str, items: &[T]) {
    let joined = items
        .iter()
        .map(WireScalar::to_wire)
        .collect::<Vec<_>>()
        .join(",");
    params.push(name.to_owned(), joined);
}

/// Items a [`Reader`] accepts in one list unless told otherwise: the largest list any shipped spec
/// allows (SWAS documents at most 100 IDs, tags or rules per list).
pub const DEFAULT_MAX_ITEMS: usize = 100;

/// What an index `N` in `Name.N` / `Name.N.Field` must look like.
const INDEX_EXPECTED: &str = "an index N from 1 without leading zeros (Name.N)";

/// Reads typed values out of received wire parameters, collecting every problem.
///
/// The parameters are indexed once by name (first entry wins, as [`Params::get`]), so every
/// read is a lookup, and lists are found by a range over the sorted names: reading a request is
/// `O(n log n)` in its parameter count whatever its shape. Lists longer than the reader's
/// maximum are refused while reading, before any item is parsed.
pub struct Reader<'a> {
    by_name: BTreeMap<&'a str, &'a str>,
    max_items: usize,
    problems: Validator,
}

impl<'a> Reader<'a> {
    pub fn new(params: &'a Params) -> Self {
        Self::with_max_items(params, DEFAULT_MAX_ITEMS)
    }

    /// A reader that refuses lists of more than `max_items` items.
    pub fn with_max_items(params: &'a Params, max_items: usize) -> Self {
        let mut by_name = BTreeMap::new();
        for (name, value) in params.iter() {
            by_name.entry(name).or_insert(value);
        }
        Self {
            by_name,
            max_items,
            problems: Validator::new(),
        }
    }

    fn get(&self, name: &str) -> Option<&'a str> {
        self.by_name.get(name).copied()
    }

    /// Entries whose names start with `prefix`, in name order.
    fn with_prefix<'s>(&'s self, prefix: &'s str) -> impl Iterator<Item = (&'a str, &'a str)> + 's {
        self.by_name
            .range::<str, _>((Bound::Included(prefix), Bound::Unbounded))
            .take_while(move |(name, _)| name.starts_with(prefix))
            .map(|(name, value)| (*name, *value))
    }

    fn too_many(&mut self, name: &str, count: usize) {
        self.problems.push(
            Cow::Owned(name.to_owned()),
            Rule::MaxItems(self.max_items),
            Some(format!("{count} items")),
            INVALID_PARAMETER,
        );
    }

    fn parse<T: WireScalar>(&mut self, name: Cow<'static, str>, raw: &str) -> Option<T> {
        let value = T::from_wire(raw);
        if value.is_none() {
            self.problems.push(
                name,
                Rule::Type {
                    expected: T::EXPECTED,
                },
                Some(raw.to_owned()),
                INVALID_PARAMETER,
            );
        }
        value
    }

    pub fn optional<T: WireScalar>(&mut self, name: &str) -> Option<T> {
        let raw = self.get(name)?;
        self.parse(Cow::Owned(name.to_owned()), raw)
    }

    /// Records a missing required parameter unless it is on the wire (as `Name`, or as
    /// `Name.…` entries for arrays and objects). A present but malformed value is reported by the
    /// read itself, not here.
    pub fn require(&mut self, name: &str) {
        let prefix = format!("{name}.");
        let present = self.get(name).is_some() || self.with_prefix(&prefix).next().is_some();
        if !present {
            self.problems.push(
                Cow::Owned(name.to_owned()),
                Rule::Required,
                None,
                MISSING_PARAMETER,
            );
        }
    }

    /// Indexes `N` of entries named `Name.N` or `Name.N.<field>`, ascending and deduplicated;
    /// `None` (with the problem recorded) when an index is malformed or there are more than the
    /// reader's maximum.
    fn indexes(&mut self, name: &str) -> Option<Vec<usize>> {
        let prefix = format!("{name}.");
        let mut indexes = Vec::new();
        let mut malformed = None;
        for (entry, _) in self.with_prefix(&prefix) {
            let segment = entry[prefix.len()..].split('.').next().unwrap_or("");
            match parse_index(segment) {
                Some(index) => indexes.push(index),
                None => {
                    malformed = Some(entry);
                    break;
                }
            }
        }
        if let Some(entry) = malformed {
            self.problems.push(
                Cow::Owned(entry.to_owned()),
                Rule::Type {
                    expected: INDEX_EXPECTED,
                },
                None,
                INVALID_PARAMETER,
            );
            return None;
        }
        indexes.sort_unstable();
        indexes.dedup();
        if indexes.len() > self.max_items {
            self.too_many(name, indexes.len());
            return None;
        }
        // An index past the most items a list may have cannot number one of its items.
        if let Some(index) = indexes.last().copied().filter(|i| *i > self.max_items) {
            self.problems.push(
                Cow::Owned(name.to_owned()),
                Rule::MaxItems(self.max_items),
                Some(format!("index {index}")),
                INVALID_PARAMETER,
            );
            return None;
        }
        Some(indexes)
    }

    pub fn repeat_list<T: WireScalar>(&mut self, name: &str) -> Option<Vec<T>> {
        let indexes = self.indexes(name)?;
        if indexes.is_empty() {
            return None;
        }
        let mut items = Vec::with_capacity(indexes.len());
        for i in indexes {
            let key = format!("{name}.{i}");
            if let Some(raw) = self.get(&key) {
                if let Some(v) = self.parse(Cow::Owned(key), raw) {
                    items.push(v);
                }
            }
        }
        Some(items)
    }

    pub fn repeat_list_objects<T: FromWireObject>(&mut self, name: &str) -> Option<Vec<T>> {
        let indexes = self.indexes(name)?;
        if indexes.is_empty() {
            return None;
        }
        Some(
            indexes
                .into_iter()
                .map(|i| T::read_fields(self, &format!("{name}.{i}")))
                .collect(),
        )
    }

    pub fn object<T: FromWireObject>(&mut self, name: &str) -> Option<T> {
        let prefix = format!("{name}.");
        self.with_prefix(&prefix).next()?;
        Some(T::read_fields(self, name))
    }

    pub fn json<T: serde::de::DeserializeOwned>(&mut self, name: &str) -> Option<T> {
        let raw = self.get(name)?;
        // Count a JSON array's items without keeping them before building anything from it.
        if raw.trim_start().starts_with('[') {
            if let Ok(items) = serde_json::from_str::<Vec<serde::de::IgnoredAny>>(raw) {
                if items.len() > self.max_items {
                    self.too_many(name, items.len());
                    return None;
                }
            }
        }
        match serde_json::from_str(raw) {
            Ok(v) => Some(v),
            Err(_) => {
                self.problems.push(
                    Cow::Owned(name.to_owned()),
                    Rule::Type {
                        expected: "a JSON-encoded value",
                    },
                    Some(raw.to_owned()),
                    INVALID_PARAMETER,
                );
                None
            }
        }
    }

    pub fn simple<T: WireScalar>(&mut self, name: &str) -> Option<Vec<T>> {
        let raw = self.get(name)?;
        let count = raw.split(',').filter(|p| !p.is_empty()).count();
        if count > self.max_items {
            self.too_many(name, count);
            return None;
        }
        let mut items = Vec::with_capacity(count);
        for part in raw.split(',').filter(|p| !p.is_empty()) {
            if let Some(v) = self.parse(Cow::Owned(name.to_owned()), part) {
                items.push(v);
            }
        }
        Some(items)
    }

    /// `Ok` when every value was present and well-formed; otherwise every problem found.
    pub fn finish(self) -> Result<(), ValidationErrors> {
        self.problems.finish()
    }
}

/// `N` of `Name.N`: decimal digits without a leading zero, from 1.
fn parse_index(segment: &str) -> Option<usize> {
    if segment.is_empty()
        || segment.starts_with('0')
        || !segment.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    segment.parse().ok()
}

/// The enum generated for a spec's `enum` value list: one variant per published value plus
/// `Unknown(String)` for values the spec does not list (the service adds values over time), so
/// a response never fails to parse and a request can still send a new value. `#[non_exhaustive]`,
/// serde as the plain string both ways, `as_str`, `Display`, `FromStr` (infallible),
/// `From<&str>`/`From<String>`, and the wire rendering. `Default` is `Unknown("")`, only so that
/// containers can derive `Default`.
///
/// Generated code invokes it; it is not meant to be called by hand.
#[doc(hidden)]
#[macro_export]
macro_rules! __wire_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $value:literal,)* }) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum $name {
            $($(#[$vmeta])* $variant,)*
            /// A value this client does not know, kept exactly as sent or received.
            Unknown(::std::string::String),
        }

        impl $name {
            /// Every value the spec lists, in its order.
            pub const VALUES: &'static [&'static str] = &[$($value),*];

            /// The value as it goes on the wire.
            #[inline]
            pub fn as_str(&self) -> &str {
                match self {
                    $(Self::$variant => $value,)*
                    Self::Unknown(other) => other,
                }
            }
        }

        impl ::core::default::Default for $name {
            #[inline]
            fn default() -> Self {
                Self::Unknown(::std::string::String::new())
            }
        }

        impl ::core::convert::AsRef<str> for $name {
            #[inline]
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }

        impl ::core::fmt::Display for $name {
            #[inline]
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::core::convert::From<&str> for $name {
            #[inline]
            fn from(value: &str) -> Self {
                match value {
                    $($value => Self::$variant,)*
                    other => Self::Unknown(other.to_owned()),
                }
            }
        }

        impl ::core::convert::From<::std::string::String> for $name {
            #[inline]
            fn from(value: ::std::string::String) -> Self {
                match value.as_str() {
                    $($value => Self::$variant,)*
                    _ => Self::Unknown(value),
                }
            }
        }

        impl ::core::str::FromStr for $name {
            type Err = ::core::convert::Infallible;
            #[inline]
            fn from_str(value: &str) -> ::core::result::Result<Self, Self::Err> {
                Ok(Self::from(value))
            }
        }

        impl $crate::__private::serde::Serialize for $name {
            fn serialize<S: $crate::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> $crate::__private::serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<Self, D::Error> {
                <::std::string::String as $crate::__private::serde::Deserialize>::deserialize(deserializer)
                    .map(Self::from)
            }
        }

        impl $crate::wire::WireScalar for $name {
            const EXPECTED: &'static str = "a string";
            #[inline]
            fn to_wire(&self) -> ::std::string::String {
                self.as_str().to_owned()
            }
            #[inline]
            fn from_wire(raw: &str) -> ::core::option::Option<Self> {
                Some(Self::from(raw))
            }
        }
    };
}

#[cfg(test)]
mod tests {
    crate::__wire_enum! {
        /// Test enum.
        Status {
            Running = "Running",
            Big = "Big data",
        }
    }

    /// What generated code writes (`write_wire`, integers through `itoa`) is the `Display`
    /// text a server reads back, at the ends of each range too.
    #[test]
    fn scalars_write_their_display_text() {
        use super::WireScalar;
        fn written(value: &impl WireScalar) -> String {
            let mut out = String::from(">");
            value.write_wire(&mut out);
            out
        }
        for v in [i32::MIN, -1, 0, 7, i32::MAX] {
            assert_eq!(written(&v), format!(">{v}"));
            assert_eq!(i32::from_wire(&v.to_wire()), Some(v));
        }
        for v in [i64::MIN, -40, 0, 16_380, i64::MAX] {
            assert_eq!(written(&v), format!(">{v}"));
        }
        for v in [-0.5f64, 0.0, 3.25, 1e21] {
            assert_eq!(written(&v), format!(">{v}"));
        }
        assert_eq!(written(&true), ">true");
        assert_eq!(written(&false), ">false");
        assert_eq!(written(&String::from("a b")), ">a b");
    }

    #[test]
    fn an_enum_round_trips_known_and_unknown_values() {
        assert_eq!(Status::from("Running"), Status::Running);
        assert_eq!(Status::from("Big data").as_str(), "Big data");
        assert_eq!(
            "Starting".parse::<Status>(),
            Ok(Status::Unknown("Starting".to_owned()))
        );
        assert_eq!(Status::Unknown("Starting".into()).to_string(), "Starting");
        assert_eq!(
            serde_json::to_string(&[Status::Big, Status::Unknown("x".into())]).unwrap(),
            r#"["Big data","x"]"#
        );
        let back: Vec<Status> = serde_json::from_str(r#"["Running","Stopped"]"#).unwrap();
        assert_eq!(
            back,
            [Status::Running, Status::Unknown("Stopped".to_owned())]
        );
        assert_eq!(Status::VALUES, ["Running", "Big data"]);
        assert_eq!(
            <Status as super::WireScalar>::to_wire(&Status::Big),
            "Big data"
        );
    }

    /// Issue 20: Rust's `parse` read `" 1"`, `"+1"`, `"1e0"` and `"inf"` as numbers; a server
    /// reading them so would act on a value the sender may not have meant.
    #[test]
    fn numbers_are_read_only_in_their_plain_form() {
        use super::WireScalar;
        assert_eq!(i32::from_wire("-12"), Some(-12));
        assert_eq!(i64::from_wire("0"), Some(0));
        assert_eq!(f64::from_wire("2.5"), Some(2.5));
        for lenient in [
            " 1", "1 ", "+1", "1e0", "", "-", "1.", ".5", "inf", "NaN", "0x1",
        ] {
            assert_eq!(i32::from_wire(lenient), None, "{lenient:?}");
            assert_eq!(f64::from_wire(lenient), None, "{lenient:?}");
        }
    }

    #[test]
    fn free_form_items_flatten_as_the_official_sdks_do_and_read_back() {
        use super::{FromWireObject, Reader};
        use crate::operation::Params;
        let item: serde_json::Map<String, serde_json::Value> = serde_json::from_str(
            r##"{"#6#mobile":"1380000****","n":1,"ok":true,"none":null,"tags":["a",{"k":"v"}]}"##,
        )
        .unwrap();
        let mut params = Params::new();
        super::write_repeat_list_objects(&mut params, "Mobiles", std::slice::from_ref(&item));
        let wire: Vec<(&str, &str)> = params.iter().collect();
        assert_eq!(
            wire,
            [
                ("Mobiles.1.#6#mobile", "1380000****"),
                ("Mobiles.1.n", "1"),
                ("Mobiles.1.ok", "true"),
                ("Mobiles.1.tags.1", "a"),
                ("Mobiles.1.tags.2.k", "v"),
            ]
        );
        let mut reader = Reader::new(&params);
        let read = serde_json::Map::read_fields(&mut reader, "Mobiles.1");
        assert_eq!(read.len(), 5);
        assert_eq!(read["#6#mobile"], "1380000****");
        assert_eq!(read["tags.2.k"], "v");
    }
}
