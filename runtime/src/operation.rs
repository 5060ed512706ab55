//! The contract between generated code and the runtime.
//!
//! A generated request type implements [`Operation`]; everything after that — signing, sending,
//! retrying, mapping error bodies — is done by the runtime against this trait alone.
//!
//! # The HTTP seam
//!
//! An operation says how it travels with [`Operation::STYLE`] and writes its parameters by
//! location:
//!
//! * **RPC** ([`Style::Rpc`], the default): `Action`/`Version` travel as common parameters (v1) or
//!   `x-acs-*` headers (V3); [`write_params`](Operation::write_params) writes every parameter,
//!   those named in [`FORM_PARAMETERS`](Operation::FORM_PARAMETERS) go into a form body, the rest
//!   into the query. The method is the client's (`POST` or `GET`).
//! * **ROA** ([`Style::Roa`]): the spec's method and path template (`DELETE
//!   /clusters/{ClusterId}`); [`write_request`](Operation::write_request) fills
//!   [`RequestParts`]: path parameters (percent-encoded into the template by the runtime), query,
//!   the operation's own headers, and one body (JSON, form, bytes or a stream). Always signed
//!   with `ACS3-HMAC-SHA256`, every header the runtime sets (`host`, `x-acs-*`, `content-type`)
//!   and every operation header signed.
//!
//! The success body becomes [`Output`](Operation::Output) through
//! [`read_output`](Operation::read_output): JSON by default; an operation whose response is an
//! array, text, bytes or headers only overrides it.
//!
//! A ROA operation as generated code writes one (Container Service `ModifyCluster`,
//! `PUT /api/v2/clusters/{ClusterId}` with a JSON body):
//!
//! ```
//! use acs_runtime::{
//!     AnyServiceError, HttpMethod, Operation, Params, RequestParts, Style,
//!     ValidationErrors, Validator,
//! };
//!
//! #[derive(serde::Serialize)]
//! struct ModifyClusterBody { cluster_name: Option<String>, deletion_protection: Option<bool> }
//!
//! struct ModifyCluster { cluster_id: String, body: ModifyClusterBody }
//!
//! impl Operation for ModifyCluster {
//!     const PRODUCT: &'static str = "CS";
//!     const VERSION: &'static str = "2015-12-15";
//!     const ACTION: &'static str = "ModifyCluster";
//!     const STYLE: Style = Style::Roa {
//!         method: HttpMethod::Put,
//!         path: "/api/v2/clusters/{ClusterId}",
//!     };
//!     type Output = serde_json::Value;
//!     type Error = AnyServiceError;
//!
//!     fn validate(&self) -> Result<(), ValidationErrors> {
//!         let mut v = Validator::new();
//!         v.required_str("ClusterId", &self.cluster_id, "MissingClusterId");
//!         v.finish()
//!     }
//!
//!     fn write_params(&self, _query: &mut Params) {} // no query parameters
//!
//!     fn write_request(&self, parts: &mut RequestParts) -> Result<(), ValidationErrors> {
//!         parts.path.push("ClusterId", &self.cluster_id);
//!         parts.set_json_body(&self.body)
//!     }
//! }
//!
//! let client = acs_runtime::Client::builder()
//!     .endpoint("https://cs.cn-hangzhou.aliyuncs.com")
//!     .credentials(acs_runtime::Credentials::new("id", "secret"))
//!     .build()?;
//! let op = ModifyCluster {
//!     cluster_id: "c-1 a".into(),
//!     body: ModifyClusterBody { cluster_name: Some("prod".into()), deletion_protection: None },
//! };
//! let prepared = client.prepare(&op)?;
//! assert_eq!(prepared.to_string(), "PUT https://cs.cn-hangzhou.aliyuncs.com/api/v2/clusters/c-1%20a");
//! assert_eq!(prepared.header("content-type"), Some("application/json; charset=utf-8"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::borrow::Cow;
use std::fmt::{self, Write as _};
use std::ops::Range;

pub use crate::client::request::{Body, HttpMethod, RequestParts, StreamBody};
use crate::error::ServiceError;
use crate::transport::HttpResponse;
use crate::validate::ValidationErrors;

/// How an operation maps onto HTTP (see the [module documentation](self)).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// `Action`-style: parameters in the query (or a form body), path `/`.
    Rpc,
    /// Resource-style: the spec's method and path template.
    Roa {
        /// The method the spec names.
        method: HttpMethod,
        /// The path template, `{Name}` for each path parameter (`/clusters/{ClusterId}`).
        path: &'static str,
    },
}

/// One API operation: a validated request that knows its wire parameters and how they travel.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a request the client can send",
    label = "expected a built request",
    note = "a builder becomes a request with `.build()`: `client.send(&Action::builder()/* setters */.build())`"
)]
pub trait Operation {
    /// Product code, e.g. `SWAS-OPEN`.
    const PRODUCT: &'static str;
    /// API version, e.g. `2020-06-01`.
    const VERSION: &'static str;
    /// The `Action` parameter, e.g. `CreateInstances`.
    const ACTION: &'static str;
    /// Wire name of the idempotency-token parameter (`ClientToken`), when the operation has one
    /// and it travels in the query. Generated builders fill it in `build()` (see
    /// [`idempotency`](crate::idempotency)); the runtime fills a token that is still empty once
    /// per call and keeps it on retries. (A ROA token in a JSON body is the builder's alone.)
    const IDEMPOTENCY_TOKEN: Option<&'static str> = None;
    /// Wire names of the parameters the spec marks `in: formData`: they (and their `Name.…`
    /// entries) travel form-encoded in the request body rather than in the query string.
    const FORM_PARAMETERS: &'static [&'static str] = &[];
    /// RPC (the default) or ROA with its method and path template.
    const STYLE: Style = Style::Rpc;
    /// The top-level region parameter (`RegionId`) the client's region fills when the request
    /// leaves it empty, and checks against the region its endpoint was resolved for.
    const REGION_PARAMETER: Option<RegionParameter> = None;

    /// The deserialized body of a successful (2xx) response.
    type Output: serde::de::DeserializeOwned;
    /// The operation's typed service error.
    type Error: ServiceError;

    /// Checks every rule that can be checked locally and returns all violations at once.
    fn validate(&self) -> Result<(), ValidationErrors>;

    /// Appends the operation's own parameters (no common parameters) in wire form. For RPC
    /// operations these are all of them; ROA operations write the query here and override
    /// [`write_request`](Self::write_request) for the rest.
    fn write_params(&self, params: &mut Params);

    /// Fills the request's path parameters, query, headers and body. The default (RPC) writes
    /// [`write_params`](Self::write_params) into the query; the client then moves the
    /// [`FORM_PARAMETERS`](Self::FORM_PARAMETERS) into a form body. An error (a body that does
    /// not serialize) fails the call with [`Error::InvalidRequest`](crate::Error::InvalidRequest)
    /// before anything is sent.
    fn write_request(&self, parts: &mut RequestParts) -> Result<(), ValidationErrors> {
        self.write_params(&mut parts.query);
        Ok(())
    }

    /// Reads a successful (2xx) response into the output: JSON by default. The error says what
    /// did not fit (it ends up in [`UnexpectedResponse`](crate::UnexpectedResponse)).
    fn read_output(response: &HttpResponse) -> Result<Self::Output, String> {
        serde_json::from_slice(&response.body).map_err(|e| e.to_string())
    }

    /// The 2xx answer that [`read_output`](Self::read_output) reads back as `output`: what
    /// [`mock`](mod@crate::mock) rules and local services send. JSON by default; a ROA operation
    /// whose response is an array, text, bytes or headers overrides it.
    fn write_output(output: &Self::Output) -> Result<HttpResponse, String>
    where
        Self::Output: serde::Serialize,
    {
        serde_json::to_vec(output)
            .map(|body| HttpResponse::json(200, body))
            .map_err(|e| e.to_string())
    }
}

/// An operation's top-level region parameter (see [`Operation::REGION_PARAMETER`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RegionParameter {
    /// Wire name, `RegionId`.
    pub name: &'static str,
    /// Whether the spec requires it: missing on the request and on the client, it is a
    /// violation naming both ways to set it.
    pub required: bool,
}

/// An operation of product `P`: generated for every operation of a product crate, with `P` the
/// product's marker type, so that a product's client accepts its own operations only.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an operation of this client's product",
    label = "not a built request of this product",
    note = "each product crate's `Client` sends that product's own requests (`{P}`): send another product's request with that product's client",
    note = "a builder becomes a request with `.build()`: `client.send(&Action::builder()/* setters */.build())`, or use the client's method: `client.action()/* setters */.send()`"
)]
pub trait OperationOf<P>: Operation {}

/// A request that can be read back from its wire parameters: generated for every operation
/// (the inherent `from_wire`), used by servers and by [`mock`](mod@crate::mock) rules that match
/// typed requests.
pub trait FromWire: Operation + Sized {
    /// Reads the request from wire parameters, reporting every missing or malformed one.
    fn read_wire(params: &Params) -> Result<Self, ValidationErrors>;

    /// Reads the request from everything it was sent with: path parameters, query, the
    /// operation's own headers and body (what a ROA operation reads). The default reads the
    /// query alone with [`read_wire`](Self::read_wire) (for RPC: query and form parameters).
    fn read_parts(parts: &RequestParts) -> Result<Self, ValidationErrors> {
        Self::read_wire(&parts.query)
    }
}

/// Wire parameters of a request: names and values exactly as they go on the wire, before
/// percent-encoding. Order is insertion order; signing sorts a view of it.
///
/// Values live in one shared buffer, so serializing a request costs a couple of allocations
/// rather than one per parameter (this is on every call's hot path).
#[derive(Clone, Default)]
pub struct Params {
    entries: Vec<(Cow<'static, str>, Range<usize>)>,
    values: String,
}

impl Params {
    pub fn new() -> Self {
        Self::default()
    }

    /// Room for `capacity` parameters of typical length.
    pub fn with_capacity(capacity: usize) -> Self {
        Self {
            entries: Vec::with_capacity(capacity),
            values: String::with_capacity(capacity * 24),
        }
    }

    fn append(&mut self, name: Cow<'static, str>, write: impl FnOnce(&mut String)) {
        let start = self.values.len();
        write(&mut self.values);
        self.entries.push((name, start..self.values.len()));
    }

    /// Appends `name=value`.
    pub fn push(&mut self, name: impl Into<Cow<'static, str>>, value: impl AsRef<str>) {
        self.append(name.into(), |buf| buf.push_str(value.as_ref()));
    }

    /// Appends a value rendered with `Display` (integers in decimal, booleans as `true`/`false`).
    pub fn push_display(&mut self, name: impl Into<Cow<'static, str>>, value: impl fmt::Display) {
        self.append(name.into(), |buf| {
            // Writing into a String cannot fail.
            let _ = write!(buf, "{value}");
        });
    }

    /// Appends a scalar in its wire form ([`WireScalar::write_wire`](crate::wire::WireScalar)):
    /// what generated code writes for integers, booleans and doubles.
    pub fn push_scalar(
        &mut self,
        name: impl Into<Cow<'static, str>>,
        value: &impl crate::wire::WireScalar,
    ) {
        self.append(name.into(), |buf| value.write_wire(buf));
    }

    /// Sets `name` to `value`, replacing an existing entry of that name.
    pub fn set(&mut self, name: impl Into<Cow<'static, str>>, value: impl AsRef<str>) {
        let name = name.into();
        let start = self.values.len();
        self.values.push_str(value.as_ref());
        let range = start..self.values.len();
        match self.entries.iter_mut().find(|(n, _)| *n == name) {
            // The old bytes stay in the buffer unused; `set` is rare (idempotency tokens).
            Some(entry) => entry.1 = range,
            None => self.entries.push((name, range)),
        }
    }

    /// The value of the first entry named `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.entries
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, range)| &self.values[range.clone()])
    }

    pub fn remove(&mut self, name: &str) -> Option<String> {
        let index = self.entries.iter().position(|(n, _)| n == name)?;
        let (_, range) = self.entries.remove(index);
        Some(self.values[range].to_owned())
    }

    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&str, &str)> + Clone {
        self.entries
            .iter()
            .map(|(n, range)| (n.as_ref(), &self.values[range.clone()]))
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Names that start with `prefix` (used to find `Name.N` / `Name.N.Key` entries).
    /// Room for `entries` more parameters holding `bytes` more bytes of values.
    pub fn reserve(&mut self, entries: usize, bytes: usize) {
        self.entries.reserve(entries);
        self.values.reserve(bytes);
    }

    /// Bytes of all values together (what a copy of these parameters needs).
    pub(crate) fn value_bytes(&self) -> usize {
        self.values.len()
    }

    /// Entries with their names as stored (a copy of a static name stays a borrow) and where
    /// their values lie in the buffer.
    pub(crate) fn entries(
        &self,
    ) -> impl Iterator<Item = (&Cow<'static, str>, &Range<usize>, &str)> {
        self.entries
            .iter()
            .map(|(n, range)| (n, range, &self.values[range.clone()]))
    }

    /// No entries yet, but a copy of `other`'s value buffer, with room for `entries` parameters
    /// and `bytes` more bytes: [`push_copied`](Self::push_copied) then adds `other`'s entries
    /// in any order without copying their values one by one.
    pub(crate) fn with_values_of(other: &Params, entries: usize, bytes: usize) -> Self {
        let mut values = String::with_capacity(other.values.len() + bytes);
        values.push_str(&other.values);
        Self {
            entries: Vec::with_capacity(entries),
            values,
        }
    }

    /// Adds an entry of the `Params` this was made from by [`with_values_of`](Self::with_values_of),
    /// `range` as that one's [`entries`](Self::entries) gave it.
    pub(crate) fn push_copied(&mut self, name: Cow<'static, str>, range: Range<usize>) {
        debug_assert!(self.values.get(range.clone()).is_some());
        self.entries.push((name, range));
    }

    /// Sorts the entries by name, then value, in byte order (the order signatures use).
    pub fn sort(&mut self) {
        let values = &self.values;
        // Entries equal in name and value are interchangeable: no need for a stable sort.
        self.entries.sort_unstable_by(|(a, ra), (b, rb)| {
            a.as_bytes().cmp(b.as_bytes()).then_with(|| {
                values[ra.clone()]
                    .as_bytes()
                    .cmp(values[rb.clone()].as_bytes())
            })
        });
    }

    /// Keeps only the entries for which `keep(name, value)` holds.
    pub fn retain(&mut self, mut keep: impl FnMut(&str, &str) -> bool) {
        let values = &self.values;
        self.entries
            .retain(|(name, range)| keep(name, &values[range.clone()]));
    }

    pub fn names_with_prefix<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.entries
            .iter()
            .map(|(n, _)| n.as_ref())
            .filter(move |n| n.starts_with(prefix))
    }
}

/// Equal when the same names have the same values in the same order.
impl PartialEq for Params {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl Eq for Params {}

impl fmt::Debug for Params {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl<K: Into<Cow<'static, str>>, V: AsRef<str>> FromIterator<(K, V)> for Params {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut params = Params::new();
        for (k, v) in iter {
            params.push(k, v);
        }
        params
    }
}
