//! The HTTP request as data: method, path, query, headers and body.
//!
//! An operation fills [`RequestParts`] (path parameters, query, headers, body); the client turns
//! them into an [`HttpRequest`], the signers read it, the [`Transport`](crate::transport::Transport)
//! renders it once and the [`mock`](mod@crate::mock) records it whole. Nothing is rendered to a
//! URL string and split again.

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

use futures_util::stream::BoxStream;

use crate::operation::Params;
use crate::sign;

/// An HTTP method.
///
/// RPC operations are sent with `POST` (the default) or `GET`, as the client is configured; ROA
/// operations with the method their spec names.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum HttpMethod {
    /// `POST`. The default for RPC calls, like the official SDK.
    #[default]
    Post,
    /// `GET`.
    Get,
    /// `PUT`.
    Put,
    /// `DELETE`.
    Delete,
    /// `PATCH`.
    Patch,
    /// `HEAD`.
    Head,
}

impl HttpMethod {
    /// The method as sent: `POST`, `GET`, `PUT`, `DELETE`, `PATCH` or `HEAD`.
    pub fn as_str(self) -> &'static str {
        match self {
            HttpMethod::Post => "POST",
            HttpMethod::Get => "GET",
            HttpMethod::Put => "PUT",
            HttpMethod::Delete => "DELETE",
            HttpMethod::Patch => "PATCH",
            HttpMethod::Head => "HEAD",
        }
    }

    /// Whether a request with this method may carry a body (`POST`, `PUT`, `PATCH`).
    pub fn allows_body(self) -> bool {
        matches!(self, HttpMethod::Post | HttpMethod::Put | HttpMethod::Patch)
    }
}

impl fmt::Display for HttpMethod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `content-type` of a JSON body, as the official SDKs send it.
pub const JSON_CONTENT_TYPE: &str = "application/json; charset=utf-8";
/// `content-type` of a form body.
pub const FORM_CONTENT_TYPE: &str = "application/x-www-form-urlencoded";
/// `content-type` of a binary body.
pub const BINARY_CONTENT_TYPE: &str = "application/octet-stream";

/// A request body.
#[derive(Clone, Default, PartialEq, Eq)]
pub enum Body {
    /// No body.
    #[default]
    Empty,
    /// `application/x-www-form-urlencoded` parameters (RPC `in: formData`, ROA form bodies).
    Form(FormBody),
    /// Bytes with their content type: JSON, text, or a binary payload held in memory.
    Bytes {
        /// The `content-type` header sent with them.
        content_type: Cow<'static, str>,
        /// The bytes as sent.
        bytes: bytes::Bytes,
    },
    /// A binary payload read from a source as it is sent (Function Compute `InvokeFunction`).
    Stream(StreamBody),
}

impl Body {
    /// A JSON body (`content-type: application/json; charset=utf-8`) from any serializable value.
    pub fn json(value: &impl serde::Serialize) -> Result<Self, serde_json::Error> {
        Ok(Body::Bytes {
            content_type: Cow::Borrowed(JSON_CONTENT_TYPE),
            bytes: serde_json::to_vec(value)?.into(),
        })
    }

    /// A binary body (`content-type: application/octet-stream`).
    pub fn binary(bytes: impl Into<bytes::Bytes>) -> Self {
        Body::Bytes {
            content_type: Cow::Borrowed(BINARY_CONTENT_TYPE),
            bytes: bytes.into(),
        }
    }

    /// A form body from name/value pairs.
    pub fn form(params: Params) -> Self {
        Body::Form(FormBody::new(params))
    }

    /// The `content-type` this body is sent with (`None` for no body).
    pub fn content_type(&self) -> Option<&str> {
        match self {
            Body::Empty => None,
            Body::Form(_) => Some(FORM_CONTENT_TYPE),
            Body::Bytes { content_type, .. } => Some(content_type),
            Body::Stream(stream) => Some(&stream.content_type),
        }
    }

    /// The bytes as sent, when they are in memory (`None` for a stream).
    pub fn as_bytes(&self) -> Option<&[u8]> {
        match self {
            Body::Empty => Some(&[]),
            Body::Form(form) => Some(form.encoded()),
            Body::Bytes { bytes, .. } => Some(bytes),
            Body::Stream(_) => None,
        }
    }

    /// The length in bytes, when known.
    pub fn len(&self) -> Option<u64> {
        match self {
            Body::Stream(stream) => stream.length,
            other => other.as_bytes().map(|b| b.len() as u64),
        }
    }

    /// Whether there is no body (or an empty one).
    pub fn is_empty(&self) -> bool {
        self.len() == Some(0)
    }

    /// Hex SHA-256 of the body: what V3 signs and sends as `x-acs-content-sha256`.
    pub fn sha256_hex(&self) -> Cow<'_, str> {
        match self {
            Body::Stream(stream) => Cow::Borrowed(&stream.sha256),
            other => match other.as_bytes() {
                Some([]) | None => Cow::Borrowed(sign::v3::EMPTY_PAYLOAD_SHA256),
                Some(bytes) => Cow::Owned(sign::v3::hashed_payload(bytes)),
            },
        }
    }
}

/// Shows the kind and length, never the bytes (a body may carry secrets).
impl fmt::Debug for Body {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Body::Empty => f.write_str("Empty"),
            Body::Form(form) => write!(f, "Form({} parameters)", form.params.len()),
            Body::Bytes {
                content_type,
                bytes,
            } => write!(f, "Bytes({content_type}, {} bytes)", bytes.len()),
            Body::Stream(stream) => stream.fmt(f),
        }
    }
}

/// Form parameters and their encoding, made once: signers read the pairs (v1) or the bytes
/// (V3's hash), the transport sends the bytes, the mock reads the pairs.
#[derive(Clone, PartialEq, Eq)]
pub struct FormBody {
    params: Params,
    encoded: bytes::Bytes,
}

impl FormBody {
    /// The pairs, encoded `k=v&…` in byte order of their names (then values), percent-encoded
    /// as the signatures encode them.
    pub fn new(params: Params) -> Self {
        let encoded = sign::v1::canonical_query(params.iter()).into_bytes().into();
        Self { params, encoded }
    }

    /// The decoded pairs, in the order given.
    pub fn params(&self) -> &Params {
        &self.params
    }

    /// The body as sent.
    pub fn encoded(&self) -> &[u8] {
        &self.encoded
    }

    /// The body as sent, shared.
    pub fn encoded_bytes(&self) -> bytes::Bytes {
        self.encoded.clone()
    }
}

/// A stream of body chunks.
pub type ByteStream = BoxStream<'static, Result<bytes::Bytes, std::io::Error>>;

type OpenStream = Arc<dyn Fn() -> ByteStream + Send + Sync>;

/// A body read from its source while it is sent. It can be opened again for each attempt, and
/// it carries its SHA-256 up front because a V3 signature covers the body's hash.
#[derive(Clone)]
pub struct StreamBody {
    content_type: Cow<'static, str>,
    length: Option<u64>,
    sha256: String,
    open: OpenStream,
}

impl StreamBody {
    /// A binary (`application/octet-stream`) stream: `open` yields the same bytes every time it
    /// is called (once per attempt), `sha256_hex` is their hex SHA-256 and `length`, when known,
    /// their count (sent as `content-length`).
    pub fn new(
        length: Option<u64>,
        sha256_hex: impl Into<String>,
        open: impl Fn() -> ByteStream + Send + Sync + 'static,
    ) -> Self {
        Self {
            content_type: Cow::Borrowed(BINARY_CONTENT_TYPE),
            length,
            sha256: sha256_hex.into(),
            open: Arc::new(open),
        }
    }

    /// The same stream with another `content-type`.
    pub fn with_content_type(mut self, content_type: impl Into<Cow<'static, str>>) -> Self {
        self.content_type = content_type.into();
        self
    }

    /// Opens the source for one attempt.
    pub fn open(&self) -> ByteStream {
        (self.open)()
    }

    /// The length, when known.
    pub fn length(&self) -> Option<u64> {
        self.length
    }
}

/// Equal when they read from the same source with the same type, length and hash.
impl PartialEq for StreamBody {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.open, &other.open)
            && self.content_type == other.content_type
            && self.length == other.length
            && self.sha256 == other.sha256
    }
}

impl Eq for StreamBody {}

impl fmt::Debug for StreamBody {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StreamBody")
            .field("content_type", &self.content_type)
            .field("length", &self.length)
            .finish_non_exhaustive()
    }
}

/// What an operation writes: its parameters by where they travel. RPC operations fill only
/// [`query`](Self::query) (through `Operation::write_params`); ROA operations fill all four.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RequestParts {
    /// Values for the `{Name}` placeholders of the operation's path template, decoded; the client
    /// percent-encodes each into its segment (`/` included).
    pub path: Params,
    /// Query parameters, decoded, in the order written.
    pub query: Params,
    /// The operation's own headers (`x-fc-invocation-type`), wire names as the API spells them.
    pub headers: Params,
    /// The body.
    pub body: Body,
}

impl RequestParts {
    /// Sets a JSON body; a value that does not serialize (a map with non-string keys, a failing
    /// `Serialize`) is a violation of parameter `body`.
    pub fn set_json_body(
        &mut self,
        value: &impl serde::Serialize,
    ) -> Result<(), crate::ValidationErrors> {
        self.body = Body::json(value).map_err(|e| {
            crate::ValidationErrors::new(vec![crate::Violation {
                parameter: Cow::Borrowed("body"),
                rule: crate::Rule::Type {
                    expected: "a body that serializes to JSON",
                },
                value: Some(e.to_string()),
                code: crate::wire::INVALID_PARAMETER,
            }])
        })?;
        Ok(())
    }
}

/// A request as data. Signers read it and add their headers (and for v1 their query
/// parameters); the transport renders it once.
///
/// `Debug` shows `<redacted>` for the values of `Signature`, `SecurityToken`, `OIDCToken`,
/// `Authorization` and `x-acs-security-token`; the fields themselves hold the exact values.
#[derive(Clone, PartialEq, Eq)]
pub struct HttpRequest {
    /// The method.
    pub method: HttpMethod,
    /// The path, percent-encoded, starting with `/` (`/` for RPC calls).
    pub path: Cow<'static, str>,
    /// Query parameters, decoded, in sending order.
    pub query: Params,
    /// Headers in sending order, names in lower case except `Authorization`.
    pub headers: Vec<(Cow<'static, str>, String)>,
    /// The body.
    pub body: Body,
}

/// Query parameters whose values are secrets.
pub(crate) fn is_secret_param(name: &str) -> bool {
    matches!(name, "Signature" | "SecurityToken" | "OIDCToken")
}

/// Headers whose values are secrets.
pub(crate) fn is_secret_header(name: &str) -> bool {
    name.eq_ignore_ascii_case("authorization") || name.eq_ignore_ascii_case("x-acs-security-token")
}

impl fmt::Debug for HttpRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fn redact(secret: bool, value: &str) -> &str {
            if secret {
                crate::client::prepared::REDACTED
            } else {
                value
            }
        }
        let query: Vec<(&str, &str)> = self
            .query
            .iter()
            .map(|(n, v)| (n, redact(is_secret_param(n), v)))
            .collect();
        let headers: Vec<(&str, &str)> = self
            .headers
            .iter()
            .map(|(n, v)| (n.as_ref(), redact(is_secret_header(n), v.as_str())))
            .collect();
        f.debug_struct("HttpRequest")
            .field("method", &self.method)
            .field("path", &self.path)
            .field("query", &query)
            .field("headers", &headers)
            .field("body", &self.body)
            .finish()
    }
}

impl HttpRequest {
    /// `path?query`, the query percent-encoded in order (no `?` when there is no query).
    pub fn path_and_query(&self) -> String {
        let mut out = Vec::with_capacity(self.path_and_query_len_hint());
        self.write_path_and_query(&mut out);
        // Only ASCII was written, the path aside, which is copied from a `str`.
        String::from_utf8(out)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    }

    /// About the length of [`path_and_query`](Self::path_and_query): names and values are
    /// mostly unreserved, and a few escapes fit in the slack.
    pub(crate) fn path_and_query_len_hint(&self) -> usize {
        let names: usize = self.query.iter().map(|(name, _)| name.len()).sum();
        self.path.len() + 1 + names + self.query.value_bytes() * 5 / 4 + 2 * self.query.len()
    }

    /// Appends [`path_and_query`](Self::path_and_query) to `out`.
    pub(crate) fn write_path_and_query(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(self.path.as_bytes());
        for (i, (name, value)) in self.query.iter().enumerate() {
            out.push(if i == 0 { b'?' } else { b'&' });
            sign::percent_encode_bytes(name, out);
            out.push(b'=');
            sign::percent_encode_bytes(value, out);
        }
    }
}

/// Why a path template and its parameters do not make a path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum PathError {
    /// A `{Name}` placeholder without a value.
    Missing(String),
    /// A value for a name the template lacks.
    Unused(String),
    /// A placeholder's value is empty: the path would lose a segment.
    Empty(String),
    /// An unbalanced `{` or `}`.
    Malformed,
}

impl fmt::Display for PathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PathError::Missing(name) => write!(f, "path parameter {name} has no value"),
            PathError::Unused(name) => write!(f, "the path template has no {{{name}}}"),
            PathError::Empty(name) => write!(f, "path parameter {name} is empty"),
            PathError::Malformed => f.write_str("the path template has an unbalanced brace"),
        }
    }
}

impl PathError {
    /// The parameter at fault (the template itself for a malformed one).
    pub(crate) fn parameter(&self) -> &str {
        match self {
            PathError::Missing(name) | PathError::Unused(name) | PathError::Empty(name) => name,
            PathError::Malformed => "path",
        }
    }
}

/// `/clusters/{ClusterId}` with `ClusterId = "c x/1"` → `/clusters/c%20x%2F1`: each value
/// percent-encoded as the official SDKs do, `/` included. Every placeholder needs a non-empty
/// value and every value a placeholder.
pub(crate) fn render_path(template: &str, values: &Params) -> Result<String, PathError> {
    let mut out = String::with_capacity(template.len() + values.len() * 24);
    let mut used = vec![false; values.len()];
    let mut rest = template;
    while let Some(open) = rest.find(['{', '}']) {
        if rest.as_bytes()[open] == b'}' {
            return Err(PathError::Malformed);
        }
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('}').ok_or(PathError::Malformed)?;
        let name = &after[..close];
        if name.is_empty() || name.contains('{') {
            return Err(PathError::Malformed);
        }
        let index = values
            .iter()
            .position(|(n, _)| n == name)
            .ok_or_else(|| PathError::Missing(name.to_owned()))?;
        let (_, value) = values.iter().nth(index).unwrap_or_default();
        if value.is_empty() {
            return Err(PathError::Empty(name.to_owned()));
        }
        used[index] = true;
        sign::percent_encode(value, &mut out);
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    if let Some((name, _)) = values
        .iter()
        .zip(&used)
        .find(|(_, used)| !**used)
        .map(|(p, _)| p)
    {
        return Err(PathError::Unused(name.to_owned()));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(pairs: &[(&'static str, &str)]) -> Params {
        pairs.iter().map(|(k, v)| (*k, *v)).collect()
    }

    #[test]
    fn path_values_are_percent_encoded_slash_included() {
        assert_eq!(
            render_path(
                "/api/v2/clusters/{ClusterId}",
                &values(&[("ClusterId", "c-x y/z")])
            ),
            Ok("/api/v2/clusters/c-x%20y%2Fz".to_owned())
        );
        assert_eq!(
            render_path(
                "/2023-03-30/functions/{functionName}/invocations",
                &values(&[("functionName", "我的*fn")])
            ),
            Ok("/2023-03-30/functions/%E6%88%91%E7%9A%84%2Afn/invocations".to_owned())
        );
        assert_eq!(
            render_path("/clusters", &Params::new()),
            Ok("/clusters".to_owned())
        );
        assert_eq!(
            render_path("/a/{A}/b/{B}", &values(&[("B", "2"), ("A", "1")])),
            Ok("/a/1/b/2".to_owned())
        );
    }

    #[test]
    fn path_templates_and_values_must_agree() {
        assert_eq!(
            render_path("/clusters/{ClusterId}", &Params::new()),
            Err(PathError::Missing("ClusterId".into()))
        );
        assert_eq!(
            render_path("/clusters", &values(&[("ClusterId", "c")])),
            Err(PathError::Unused("ClusterId".into()))
        );
        assert_eq!(
            render_path("/clusters/{ClusterId}", &values(&[("ClusterId", "")])),
            Err(PathError::Empty("ClusterId".into()))
        );
        for bad in ["/a/{A", "/a/A}", "/a/{}", "/a/{{A}}"] {
            assert_eq!(
                render_path(bad, &values(&[("A", "1")])),
                Err(PathError::Malformed),
                "{bad}"
            );
        }
    }

    #[test]
    fn a_body_that_does_not_serialize_is_a_violation() {
        let mut parts = RequestParts::default();
        let map: std::collections::BTreeMap<(u8, u8), u8> = [((1, 2), 3)].into_iter().collect();
        let errors = parts.set_json_body(&map).expect_err("non-string keys");
        assert_eq!(
            errors.to_string(),
            "1 rule(s) broken: body must be a body that serializes to JSON (got \"key must be a string\") [InvalidParameter]"
        );
        assert_eq!(parts.body, Body::Empty);
        parts.set_json_body(&[1, 2]).expect("serializes");
        assert_eq!(parts.body.as_bytes(), Some(&b"[1,2]"[..]));
    }

    #[test]
    fn bodies_know_their_type_length_and_hash() {
        let json = Body::json(&serde_json::json!({"a": 1})).unwrap();
        assert_eq!(json.content_type(), Some(JSON_CONTENT_TYPE));
        assert_eq!(json.as_bytes(), Some(&b"{\"a\":1}"[..]));
        assert_eq!(Body::Empty.sha256_hex(), sign::v3::EMPTY_PAYLOAD_SHA256);
        assert!(Body::Empty.is_empty());
        let form = Body::form([("b", "2 3"), ("a", "1")].into_iter().collect());
        assert_eq!(form.as_bytes(), Some(&b"a=1&b=2%203"[..]));
        assert_eq!(form.content_type(), Some(FORM_CONTENT_TYPE));
        let binary = Body::binary(&b"\x00\xff"[..]);
        assert_eq!(binary.len(), Some(2));
        assert_eq!(
            format!("{binary:?}"),
            "Bytes(application/octet-stream, 2 bytes)"
        );
    }
}
