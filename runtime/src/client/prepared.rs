//! A signed request ready to send, and how it prints: never with its signature, `Authorization`
//! or security token unless asked explicitly.

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

use crate::operation::Params;

/// Which signature to put on requests.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SignatureVersion {
    /// RPC signature 1.0 (`HMAC-SHA1`, `Signature` query parameter). The default.
    #[default]
    V1,
    /// `ACS3-HMAC-SHA256` (`Authorization` header; no common parameters in the query).
    V3,
}

/// The HTTP method of RPC calls. Parameters always travel in the query; the body is empty.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum HttpMethod {
    /// `POST` with an empty body, like the official SDK. The default.
    #[default]
    Post,
    /// `GET`.
    Get,
}

impl HttpMethod {
    /// `POST` or `GET`.
    pub fn as_str(self) -> &'static str {
        match self {
            HttpMethod::Post => "POST",
            HttpMethod::Get => "GET",
        }
    }
}

/// Headers every request of a client carries, shared rather than copied per request.
pub(crate) type FixedHeaders = Arc<[(&'static str, String)]>;

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
    pub(crate) method: HttpMethod,
    pub(crate) url: String,
    /// The client's fixed headers (host, user agent, accept), shared by every request.
    pub(crate) fixed: FixedHeaders,
    /// Whether the fixed headers come before `headers` (V1) or after them (V3).
    pub(crate) fixed_first: bool,
    /// Per-request headers: V3's signed ones, and what interceptors add.
    pub(crate) headers: Vec<(Cow<'static, str>, String)>,
    pub(crate) body: Vec<u8>,
    pub(crate) action: &'static str,
    /// Wire name of the idempotency token, when the operation has one.
    pub(crate) token_param: Option<&'static str>,
    /// The operation's parameters, kept by `prepare` so that retries of `send_prepared` can be
    /// signed afresh; `None` for the per-attempt copies the send loop makes.
    pub(crate) params: Option<Params>,
}

impl PreparedRequest {
    /// The HTTP method.
    pub fn method(&self) -> HttpMethod {
        self.method
    }

    /// The `Action` this request calls.
    pub fn action(&self) -> &'static str {
        self.action
    }

    /// The URL with the values of `Signature`, `SecurityToken` and `OIDCToken` replaced by `<redacted>`.
    pub fn url(&self) -> String {
        redact_url(&self.url)
    }

    /// The exact URL, signature and security token included. Do not log it.
    pub fn expose_url(&self) -> &str {
        &self.url
    }

    /// Headers in sending order, names in lower case except `Authorization`, with the values of
    /// `Authorization` and `x-acs-security-token` replaced by `<redacted>`. `host` is listed
    /// because it is signed (V3); the HTTP stack sends the same value from the URL.
    pub fn headers(&self) -> impl Iterator<Item = (&str, &str)> + '_ {
        self.expose_headers().map(|(name, value)| {
            let value = if is_sensitive_header(name) {
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
            (&self.fixed, &[])
        } else {
            (&[], &self.fixed)
        };
        fn fixed<'h>(header: &'h (&'static str, String)) -> (&'h str, &'h str) {
            (header.0, header.1.as_str())
        }
        before
            .iter()
            .map(fixed)
            .chain(
                self.headers
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
        self.headers.push((name.into(), value.into()));
    }

    /// The body (empty for RPC calls).
    pub fn body(&self) -> &[u8] {
        &self.body
    }

    /// The idempotency token (`ClientToken`) this request carries, when it was prepared with
    /// [`Client::prepare`](super::Client::prepare) for an operation that has one.
    pub fn client_token(&self) -> Option<&str> {
        self.params.as_ref()?.get(self.token_param?)
    }

    /// A query parameter's decoded value, e.g. `Action` or `Amount` (`Signature` and
    /// `SecurityToken` are never returned).
    pub fn query_param(&self, name: &str) -> Option<String> {
        if matches!(name, "Signature" | "SecurityToken" | "OIDCToken") {
            return None;
        }
        let (_, query) = self.url.split_once('?')?;
        query.split('&').find_map(|pair| {
            let (n, v) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(n) == name).then(|| percent_decode(v))
        })
    }
}

fn is_sensitive_header(name: &str) -> bool {
    name.eq_ignore_ascii_case("authorization") || name.eq_ignore_ascii_case("x-acs-security-token")
}

impl fmt::Debug for PreparedRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let headers: Vec<(&str, &str)> = self.headers().collect();
        f.debug_struct("PreparedRequest")
            .field("method", &self.method)
            .field("url", &self.url())
            .field("headers", &headers)
            .field("body_len", &self.body.len())
            .finish()
    }
}

/// `POST <url>`, redacted.
impl fmt::Display for PreparedRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.method.as_str(), self.url())
    }
}

/// The URL with the values of `Signature`, `SecurityToken` and `OIDCToken` replaced.
pub(crate) fn redact_url(url: &str) -> String {
    let Some((base, query)) = url.split_once('?') else {
        return url.to_owned();
    };
    let pairs: Vec<String> = query
        .split('&')
        .map(|pair| match pair.split_once('=') {
            Some((name, _)) if matches!(name, "Signature" | "SecurityToken" | "OIDCToken") => {
                format!("{name}={REDACTED}")
            }
            _ => pair.to_owned(),
        })
        .collect();
    format!("{base}?{}", pairs.join("&"))
}

/// Decodes `%XX` escapes (and `+` as a space); invalid escapes stay as they are.
pub(crate) fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(b) => {
                        out.push(b);
                        i += 3;
                    }
                    None => {
                        out.push(b'%');
                        i += 1;
                    }
                }
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redacts_url_secrets() {
        assert_eq!(
            redact_url("http://h/?A=1&Signature=abc%3D&SecurityToken=t&B=2"),
            "http://h/?A=1&Signature=<redacted>&SecurityToken=<redacted>&B=2"
        );
        assert_eq!(redact_url("http://h/"), "http://h/");
    }

    #[test]
    fn decodes_percent_escapes() {
        assert_eq!(percent_decode("a%20b%2Fc+d"), "a b/c d");
        assert_eq!(percent_decode("%E4%B8%AD"), "中");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz"), "%zz");
    }
}
