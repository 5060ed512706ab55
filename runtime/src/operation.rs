//! The contract between generated code and the runtime.
//!
//! A generated request type implements [`Operation`]; everything after that — signing, sending,
//! retrying, mapping error bodies — is done by the runtime against this trait alone.

use std::borrow::Cow;
use std::fmt;

use crate::error::ServiceError;
use crate::validate::ValidationErrors;

/// One RPC-style API operation: a validated request that knows its wire parameters.
pub trait Operation {
    /// Product code, e.g. `SWAS-OPEN`.
    const PRODUCT: &'static str;
    /// API version, e.g. `2020-06-01`.
    const VERSION: &'static str;
    /// The `Action` parameter, e.g. `CreateInstances`.
    const ACTION: &'static str;
    /// Wire name of the idempotency-token parameter (`ClientToken`), when the operation has one.
    /// The runtime fills an empty token with a fresh UUID once per call and keeps it on retries.
    const IDEMPOTENCY_TOKEN: Option<&'static str> = None;

    /// The deserialized body of a successful (2xx) response.
    type Output: serde::de::DeserializeOwned;
    /// The operation's typed service error.
    type Error: ServiceError;

    /// Checks every rule that can be checked locally and returns all violations at once.
    fn validate(&self) -> Result<(), ValidationErrors>;

    /// Appends the operation's own parameters (no common parameters) in wire form.
    fn write_params(&self, params: &mut Params);
}

/// Wire parameters of a request: names and values exactly as they go on the wire, before
/// percent-encoding. Order is insertion order; signing sorts a copy.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Params {
    entries: Vec<(Cow<'static, str>, String)>,
}

impl Params {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with_capacity(capacity: usize) -> Self {
        Self {
            entries: Vec::with_capacity(capacity),
        }
    }

    /// Appends `name=value`.
    pub fn push(&mut self, name: impl Into<Cow<'static, str>>, value: impl Into<String>) {
        self.entries.push((name.into(), value.into()));
    }

    /// Appends a value rendered with `Display` (integers in decimal, booleans as `true`/`false`).
    pub fn push_display(&mut self, name: impl Into<Cow<'static, str>>, value: impl fmt::Display) {
        self.entries.push((name.into(), value.to_string()));
    }

    /// Sets `name` to `value`, replacing an existing entry of that name.
    pub fn set(&mut self, name: impl Into<Cow<'static, str>>, value: impl Into<String>) {
        let name = name.into();
        let value = value.into();
        match self.entries.iter_mut().find(|(n, _)| *n == name) {
            Some(entry) => entry.1 = value,
            None => self.entries.push((name, value)),
        }
    }

    /// The value of the first entry named `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.entries
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn remove(&mut self, name: &str) -> Option<String> {
        let index = self.entries.iter().position(|(n, _)| n == name)?;
        Some(self.entries.remove(index).1)
    }

    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&str, &str)> {
        self.entries.iter().map(|(n, v)| (n.as_ref(), v.as_str()))
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Names that start with `prefix` (used to find `Name.N` / `Name.N.Key` entries).
    pub fn names_with_prefix<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.entries
            .iter()
            .map(|(n, _)| n.as_ref())
            .filter(move |n| n.starts_with(prefix))
    }
}

impl fmt::Debug for Params {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl<K: Into<Cow<'static, str>>, V: Into<String>> FromIterator<(K, V)> for Params {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        Self {
            entries: iter
                .into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
        }
    }
}
