//! A signed request ready to send, and how it prints: never with its signature, `Authorization`
//! or security token unless asked explicitly.

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

pub use super::request::HttpMethod;
use super::request::{is_secret_header, is_secret_param, Body, HttpRequest, RequestParts};

/// Which signature to put on requests.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SignatureVersion {
    /// RPC signature 1.0 (`HMAC-SHA1`, `Signature` query parameter). The default.
    #[default]
    V1,
    /// `ACS3-HMAC-SHA256` (`Authorization` header; no common parameters in the query).
    V3,
}

/// Headers every request of a client carries, shared rather than copied per request.
pub(crate) type FixedHeaders = Arc<FixedHeaderList>;

/// A client's fixed headers, as text and as the HTTP stack's names and values: parsed once per
/// client, so the transport neither parses nor copies them per request.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct FixedHeaderList {
    pub(crate) text: Vec<(&'static str, String)>,
    pub(crate) parsed: Vec<(reqwest::header::HeaderName, reqwest::header::HeaderValue)>,
}

impl FixedHeaderList {
    /// The list, or the name of the first header the HTTP stack does not take.
    pub(crate) fn new(text: Vec<(&'static str, String)>) -> Result<Arc<Self>, String> {
        let parsed = text
            .iter()
            .map(|(name, value)| {
                match (
                    reqwest::header::HeaderName::from_bytes(name.as_bytes()),
                    reqwest::header::HeaderValue::from_str(value),
                ) {
                    (Ok(name), Ok(value)) => Ok((name, value)),
                    _ => Err(format!("the {name} header is not a valid HTTP header")),
                }
            })
            .collect::<Result<_, _>>()?;
        Ok(Arc::new(Self { text, parsed }))
    }
}

/// What printing shows instead of a secret.
pub const REDACTED: &str = "<redacted>";

/// A signed request, ready to send: what [`Client::prepare`](super::Client::prepare) returns,
/// and what [`Client::send_prepared`](super::Client::send_prepared) sends as is.
///
/// `Debug`, `Display`, [`url`](Self::url) and [`headers`](Self::headers) hide the signature, the
/// `Authorization` header and the security token; [`expose_url`](Self::expose_url) and
/// [`expose_headers`](Self::expose_headers) are the explicit ways to the exact bytes (a custom
/// [`Transport`](crate::transport::Transport) needs them).
#[derive(Clone, PartialEq, Eq)]
pub struct PreparedRequest {
    /// `scheme://host[:port]`.
    pub(crate) origin: Arc<str>,
    /// Method, path, query, the signed (and interceptors') headers, body.
    pub(crate) request: HttpRequest,
    /// The client's fixed headers (host, user agent, accept), shared by every request.
    pub(crate) fixed: FixedHeaders,
    /// Whether the fixed headers come before the request's headers (V1) or after them (V3).
    pub(crate) fixed_first: bool,
    pub(crate) action: &'static str,
    /// Wire name of the idempotency token, when the operation has one.
    pub(crate) token_param: Option<&'static str>,
    /// The operation's parameters, kept by `prepare` so that retries of `send_prepared` can be
    /// signed afresh; `None` for the per-attempt copies the send loop makes.
    pub(crate) parts: Option<RequestParts>,
}

impl PreparedRequest {
    /// The HTTP method.
    pub fn method(&self) -> HttpMethod {
        self.request.method
    }

    /// The `Action` this request calls.
    pub fn action(&self) -> &'static str {
        self.action
    }

    /// The path, percent-encoded (`/` for RPC calls).
    pub fn path(&self) -> &str {
        &self.request.path
    }

    /// The URL with the values of `Signature`, `SecurityToken` and `OIDCToken` replaced by `<redacted>`.
    pub fn url(&self) -> String {
        let mut url = String::with_capacity(self.origin.len() + self.request.path.len() + 256);
        url.push_str(&self.origin);
        url.push_str(&self.request.path);
        for (i, (name, value)) in self.request.query.iter().enumerate() {
            url.push(if i == 0 { '?' } else { '&' });
            crate::sign::percent_encode(name, &mut url);
            url.push('=');
            // Shown as is, not encoded: `Signature=<redacted>` reads as what it is.
            if is_secret_param(name) {
                url.push_str(REDACTED);
            } else {
                crate::sign::percent_encode(value, &mut url);
            }
        }
        url
    }

    /// The exact URL, signature and security token included, rendered from the request's parts.
    /// Do not log it.
    pub fn expose_url(&self) -> String {
        let mut url =
            Vec::with_capacity(self.origin.len() + self.request.path_and_query_len_hint());
        url.extend_from_slice(self.origin.as_bytes());
        self.request.write_path_and_query(&mut url);
        // Only ASCII was written after the origin, which is copied from a `str`.
        String::from_utf8(url)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    }

    /// Query parameters, decoded, in sending order; `<redacted>` for `Signature`,
    /// `SecurityToken` and `OIDCToken`.
    pub fn query(&self) -> impl Iterator<Item = (&str, &str)> + '_ {
        self.request.query.iter().map(|(name, value)| {
            (
                name,
                if is_secret_param(name) {
                    REDACTED
                } else {
                    value
                },
            )
        })
    }

    /// Headers in sending order, names in lower case except `Authorization`, with the values of
    /// `Authorization` and `x-acs-security-token` replaced by `<redacted>`. `host` is listed
    /// because it is signed (V3); the HTTP stack sends the same value from the URL.
    pub fn headers(&self) -> impl Iterator<Item = (&str, &str)> + '_ {
        self.expose_headers().map(|(name, value)| {
            let value = if is_secret_header(name) {
                REDACTED
            } else {
                value
            };
            (name, value)
        })
    }

    /// The exact headers, `Authorization` and security token included. Do not log them.
    pub fn expose_headers(&self) -> impl Iterator<Item = (&str, &str)> + '_ {
        let (before, after): (&[_], &[_]) = if self.fixed_first {
            (&self.fixed.text, &[])
        } else {
            (&[], &self.fixed.text)
        };
        fn fixed<'h>(header: &'h (&'static str, String)) -> (&'h str, &'h str) {
            (header.0, header.1.as_str())
        }
        before
            .iter()
            .map(fixed)
            .chain(
                self.request
                    .headers
                    .iter()
                    .map(|(name, value)| (name.as_ref(), value.as_str())),
            )
            .chain(after.iter().map(fixed))
    }

    /// The value of the first header named `name` (case-insensitive); `<redacted>` for
    /// `Authorization` and `x-acs-security-token`.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v)
    }

    /// The exact value of the first header named `name` (case-insensitive), secrets included.
    pub fn expose_header(&self, name: &str) -> Option<&str> {
        self.expose_headers()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v)
    }

    /// Adds a header (after signing: it is not covered by a V3 signature). For
    /// [`Interceptor`](crate::transport::Interceptor)s that tag requests.
    pub fn insert_header(&mut self, name: impl Into<Cow<'static, str>>, value: impl Into<String>) {
        self.request.headers.push((name.into(), value.into()));
    }

    /// The body: empty for most RPC calls, a form for `in: formData` parameters, JSON, bytes or
    /// a stream for ROA operations.
    pub fn body(&self) -> &Body {
        &self.request.body
    }

    /// The request as data: method, path, query, the request's own headers (without the
    /// client's fixed ones, see [`expose_headers`](Self::expose_headers)) and body, secrets
    /// included. Do not log it.
    pub fn expose_request(&self) -> &HttpRequest {
        &self.request
    }

    /// The idempotency token (`ClientToken`) this request carries, when it was prepared with
    /// [`Client::prepare`](super::Client::prepare) for an operation that has one.
    pub fn client_token(&self) -> Option<&str> {
        self.parts.as_ref()?.query.get(self.token_param?)
    }

    /// A query parameter's decoded value, e.g. `Action` or `Amount` (`Signature`,
    /// `SecurityToken` and `OIDCToken` are never returned).
    pub fn query_param(&self, name: &str) -> Option<String> {
        if is_secret_param(name) {
            return None;
        }
        self.request.query.get(name).map(str::to_owned)
    }
}

impl fmt::Debug for PreparedRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let headers: Vec<(&str, &str)> = self.headers().collect();
        f.debug_struct("PreparedRequest")
            .field("method", &self.request.method)
            .field("url", &self.url())
            .field("headers", &headers)
            .field("body", &self.request.body)
            .finish()
    }
}

/// `POST <url>`, redacted.
impl fmt::Display for PreparedRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.request.method, self.url())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::operation::Params;

    fn prepared(query: Params) -> PreparedRequest {
        PreparedRequest {
            origin: Arc::from("http://h"),
            request: HttpRequest {
                method: HttpMethod::Get,
                path: Cow::Borrowed("/"),
                query,
                headers: Vec::new(),
                body: Body::Empty,
            },
            fixed: FixedHeaderList::new(Vec::new()).expect("no headers to parse"),
            fixed_first: true,
            action: "A",
            token_param: None,
            parts: None,
        }
    }

    #[test]
    fn redacts_url_secrets() {
        let query: Params = [
            ("A", "1"),
            ("Signature", "abc="),
            ("SecurityToken", "t"),
            ("B", "2"),
        ]
        .into_iter()
        .collect();
        let request = prepared(query);
        assert_eq!(
            request.url(),
            "http://h/?A=1&Signature=<redacted>&SecurityToken=<redacted>&B=2"
        );
        assert_eq!(
            request.expose_url(),
            "http://h/?A=1&Signature=abc%3D&SecurityToken=t&B=2"
        );
        assert_eq!(request.query_param("Signature"), None);
        assert_eq!(request.query_param("B").as_deref(), Some("2"));
        assert_eq!(prepared(Params::new()).url(), "http://h/");
        let mut signed = prepared(Params::new());
        signed.insert_header(
            "Authorization",
            "ACS3-HMAC-SHA256 Credential=a,Signature=s3cr3t",
        );
        signed.insert_header("x-acs-security-token", "t0k3n");
        for shown in [
            format!("{:?}", request.expose_request()),
            format!("{:?}", signed.expose_request()),
            format!("{signed:?}"),
        ] {
            assert!(
                !shown.contains("abc=") && !shown.contains("s3cr3t") && !shown.contains("t0k3n"),
                "{shown}"
            );
        }
    }

    /// Fixed headers parse once; one that cannot is an error naming it.
    #[test]
    fn fixed_headers_are_parsed_once_or_refused() {
        let list = FixedHeaderList::new(vec![
            ("user-agent", "acs-rust/1".to_owned()),
            ("accept", "application/json".to_owned()),
        ])
        .expect("valid headers");
        let parsed: Vec<(&str, &[u8])> = list
            .parsed
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_bytes()))
            .collect();
        assert_eq!(
            parsed,
            [
                ("user-agent", &b"acs-rust/1"[..]),
                ("accept", &b"application/json"[..])
            ]
        );
        assert_eq!(
            list.text,
            [
                ("user-agent", "acs-rust/1".to_owned()),
                ("accept", "application/json".to_owned())
            ]
        );
        let bad = FixedHeaderList::new(vec![("user-agent", "a\nb".to_owned())]);
        assert_eq!(
            bad.err().as_deref(),
            Some("the user-agent header is not a valid HTTP header")
        );
    }
}
