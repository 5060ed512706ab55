//! From an operation's parts to a signed [`HttpRequest`]: RPC with v1 or V3, ROA with V3.

use std::borrow::Cow;
use std::sync::Arc;

use super::prepared::PreparedRequest;
use super::request::{render_path, Body, HttpMethod, HttpRequest, RequestParts};
use super::v1_query::{signed_query, CommonValues};
use super::{Client, SignatureVersion};
use crate::credentials::Credentials;
use crate::error::Error;
use crate::operation::{Operation, Params, Style};
use crate::sign::{v1, v3};
use crate::validate::{Rule, ValidationErrors, Violation};

/// Whether wire parameter `name` is (part of) one of the `in: formData` parameters.
fn is_form(name: &str, form: &[&str]) -> bool {
    form.iter()
        .any(|f| name == *f || (name.starts_with(f) && name.as_bytes().get(f.len()) == Some(&b'.')))
}

/// Names the client sets itself on an RPC v1 request; operation parameters with these names
/// are dropped (the common value wins).
fn is_rpc_common(name: &str) -> bool {
    matches!(
        name,
        "Action"
            | "Version"
            | "Format"
            | "AccessKeyId"
            | "SecurityToken"
            | "SignatureMethod"
            | "SignatureVersion"
            | "SignatureNonce"
            | "Timestamp"
            | "Signature"
    )
}

/// Headers the runtime sets and signs itself; an operation may not write them.
fn is_reserved_header(name: &str) -> bool {
    name.eq_ignore_ascii_case("host")
        || name.eq_ignore_ascii_case("authorization")
        || name.eq_ignore_ascii_case("content-type")
        || name.eq_ignore_ascii_case("content-length")
        || name
            .get(..6)
            .is_some_and(|prefix| prefix.eq_ignore_ascii_case("x-acs-"))
}

/// An HTTP header name: RFC 9110 token characters.
fn is_header_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

/// A header value the HTTP stack sends as is: visible ASCII, spaces and tabs.
fn is_header_value(value: &str) -> bool {
    value
        .bytes()
        .all(|b| b == b' ' || b == b'\t' || (0x21..0x7f).contains(&b))
}

fn violation(parameter: &str, expected: &'static str, value: &str) -> Violation {
    Violation {
        parameter: Cow::Owned(parameter.to_owned()),
        rule: Rule::Type { expected },
        value: Some(value.to_owned()),
        code: crate::wire::INVALID_PARAMETER,
    }
}

/// What makes a ROA request unsendable, checked before anything is signed: the path, the
/// operation's headers, a body on `GET`/`HEAD`.
fn check_roa(
    method: HttpMethod,
    template: &str,
    parts: &RequestParts,
) -> Result<String, ValidationErrors> {
    let mut violations = Vec::new();
    let path = render_path(template, &parts.path)
        .map_err(|e| violations.push(violation(e.parameter(), "a path parameter", &e.to_string())))
        .ok();
    for (name, value) in parts.headers.iter() {
        if !is_header_name(name) || is_reserved_header(name) {
            violations.push(violation(name, "a header name the operation may set", name));
        } else if !is_header_value(value) {
            violations.push(violation(
                name,
                "a header value of visible ASCII characters",
                value,
            ));
        } else if parts
            .headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .count()
            > 1
        {
            violations.push(violation(name, "a header set once", value));
        }
    }
    if !method.allows_body() && method != HttpMethod::Delete && !parts.body.is_empty() {
        violations.push(violation(
            "body",
            "no body on a GET or HEAD request",
            method.as_str(),
        ));
    }
    match path {
        Some(path) if violations.is_empty() => Ok(path),
        _ => {
            violations.dedup();
            Err(ValidationErrors::new(violations))
        }
    }
}

impl Client {
    /// Validates `op` (unless turned off) and writes its parts. An empty idempotency token (a
    /// request whose token was cleared after `build()`) is filled with a fresh UUID here, for
    /// this call only. A ROA request that cannot be sent (path, headers, body) is refused here.
    pub(super) fn parts_for<O: Operation>(&self, op: &O) -> Result<RequestParts, Error<O::Error>> {
        let mut violations = match self.inner.validate {
            true => op.validate().err().map(ValidationErrors::into_violations),
            false => None,
        };
        let mut parts = RequestParts {
            query: Params::with_capacity(16),
            ..RequestParts::default()
        };
        let written = op.write_request(&mut parts);
        if O::REGION_PARAMETER.is_some() {
            // The client's region settles an empty region parameter: the request's own
            // "is required" gives way to the client's fill, or to the client's violation.
            let region = self.settle_region::<O>(&mut parts.query);
            if let (Some(list), Some(p)) = (&mut violations, O::REGION_PARAMETER) {
                list.retain(|v| !(v.parameter == p.name && v.rule == Rule::Required));
            }
            if let Some(region) = region {
                violations.get_or_insert_with(Vec::new).insert(0, region);
            }
        }
        if let Some(list) = violations.filter(|l| !l.is_empty()) {
            return Err(Error::InvalidRequest(ValidationErrors::new(list)));
        }
        written.map_err(Error::InvalidRequest)?;
        if let Some(name) = O::IDEMPOTENCY_TOKEN {
            if parts.query.get(name).is_none_or(str::is_empty) {
                parts.query.set(name, crate::idempotency::new_token());
            }
        }
        if let Style::Roa { method, path } = O::STYLE {
            check_roa(method, path, &parts).map_err(Error::InvalidRequest)?;
        }
        Ok(parts)
    }

    /// Signs `parts` for `O` with the given credentials, timestamp and nonce (unsigned without
    /// credentials).
    pub(super) fn sign_parts<O: Operation>(
        &self,
        parts: &RequestParts,
        credentials: Option<&Credentials>,
        timestamp: &str,
        nonce: &str,
    ) -> Result<PreparedRequest, Error<O::Error>> {
        let inner = &*self.inner;
        let (request, v1_style) = match O::STYLE {
            Style::Rpc => self.rpc_request::<O>(parts, credentials, timestamp, nonce),
            Style::Roa { method, path } => {
                let path = check_roa(method, path, parts).map_err(Error::InvalidRequest)?;
                let request =
                    self.roa_request::<O>(method, path, parts, credentials, timestamp, nonce);
                (request, false)
            }
        };
        Ok(PreparedRequest {
            origin: Arc::clone(&inner.origin),
            request,
            fixed: Arc::clone(if v1_style {
                &inner.v1_headers
            } else {
                &inner.v3_headers
            }),
            fixed_first: v1_style,
            action: O::ACTION,
            token_param: O::IDEMPOTENCY_TOKEN,
            parts: None,
        })
    }

    /// An RPC request; `true` when it carries its common parameters in the query (v1, and
    /// unsigned requests) rather than in `x-acs-*` headers.
    fn rpc_request<O: Operation>(
        &self,
        parts: &RequestParts,
        credentials: Option<&Credentials>,
        timestamp: &str,
        nonce: &str,
    ) -> (HttpRequest, bool) {
        let inner = &*self.inner;
        let method = inner.method;
        let form = O::FORM_PARAMETERS;
        // `in: formData` parameters travel in a form body; an operation that wrote its own body
        // keeps it.
        let split_form = !form.is_empty() && matches!(parts.body, Body::Empty);
        let body = if split_form {
            let form_params: Params = parts
                .query
                .iter()
                .filter(|(n, _)| is_form(n, form))
                .map(|(n, v)| (n.to_owned(), v))
                .collect();
            if form_params.is_empty() {
                Body::Empty
            } else {
                Body::form(form_params)
            }
        } else {
            parts.body.clone()
        };
        // The operation's own query parameters, copied only where a path needs a copy.
        let own = || {
            let mut own = parts.query.clone();
            if split_form {
                own.retain(|n, _| !is_form(n, form));
            }
            own
        };
        let v1_query = |mut query: Params, signed: Option<&Credentials>| {
            query.retain(|n, _| !is_rpc_common(n));
            // The common parameters: 9 entries, about 160 bytes with an STS-less key.
            query.reserve(10, 160);
            query.push("Action", O::ACTION);
            query.push("Version", O::VERSION);
            query.push("Format", "JSON");
            query.push("Timestamp", timestamp);
            query.push("SignatureNonce", nonce);
            if let Some(credentials) = signed {
                query.push("AccessKeyId", credentials.access_key_id());
                query.push("SignatureMethod", v1::SIGNATURE_METHOD);
                query.push("SignatureVersion", v1::SIGNATURE_VERSION);
                if let Some(token) = credentials.security_token() {
                    query.push("SecurityToken", token);
                }
            }
            query.sort();
            query
        };
        let content_type = body
            .content_type()
            .map(|ct| (Cow::Borrowed("content-type"), ct.to_owned()));
        match (credentials, inner.signature_version) {
            (None, _) => {
                let query = v1_query(own(), None);
                let request = HttpRequest {
                    method,
                    path: Cow::Borrowed("/"),
                    query,
                    headers: content_type.into_iter().collect(),
                    body,
                };
                (request, true)
            }
            // Without a form body only the query is signed: built and signed in one pass. (No
            // form parameter is left in `parts.query` then: they would have made a form body.)
            (Some(credentials), SignatureVersion::V1) if !matches!(body, Body::Form(_)) => {
                let common = CommonValues {
                    action: O::ACTION,
                    version: O::VERSION,
                    timestamp,
                    nonce,
                    operation_is_unreserved: const {
                        crate::sign::all_unreserved(O::ACTION)
                            && crate::sign::all_unreserved(O::VERSION)
                    },
                };
                let query = signed_query(
                    method.as_str(),
                    &parts.query,
                    is_rpc_common,
                    &common,
                    credentials,
                );
                let request = HttpRequest {
                    method,
                    path: Cow::Borrowed("/"),
                    query,
                    headers: content_type.into_iter().collect(),
                    body,
                };
                (request, true)
            }
            (Some(credentials), SignatureVersion::V1) => {
                let mut query = v1_query(own(), Some(credentials));
                // v1 signs the query and form parameters together.
                let form_pairs = match &body {
                    Body::Form(form) => Some(form.params()),
                    _ => None,
                };
                let to_sign = v1::string_to_sign(
                    method.as_str(),
                    query
                        .iter()
                        .chain(form_pairs.into_iter().flat_map(Params::iter)),
                );
                let signature = credentials.v1_signing_key().sign(&to_sign);
                query.push(v1::SIGNATURE_PARAM, signature);
                let request = HttpRequest {
                    method,
                    path: Cow::Borrowed("/"),
                    query,
                    headers: content_type.into_iter().collect(),
                    body,
                };
                (request, true)
            }
            (Some(credentials), SignatureVersion::V3) => {
                let mut query = own();
                query.sort();
                let mut headers = self.v3_headers::<O>(credentials, timestamp, nonce, &body);
                headers.extend(content_type);
                v3::sign_headers(
                    method.as_str(),
                    "/",
                    query.iter(),
                    &mut headers,
                    &body.sha256_hex(),
                    credentials.access_key_id(),
                    credentials.access_key_secret(),
                );
                let request = HttpRequest {
                    method,
                    path: Cow::Borrowed("/"),
                    query,
                    headers,
                    body,
                };
                (request, false)
            }
        }
    }

    /// `host`, `x-acs-action`, `x-acs-content-sha256`, `x-acs-date`, `x-acs-security-token`
    /// (STS only), `x-acs-signature-nonce`, `x-acs-version`: what every V3 request signs.
    fn v3_headers<O: Operation>(
        &self,
        credentials: &Credentials,
        timestamp: &str,
        nonce: &str,
        body: &Body,
    ) -> Vec<(Cow<'static, str>, String)> {
        let mut headers: Vec<(Cow<'static, str>, String)> = Vec::with_capacity(10);
        headers.push((Cow::Borrowed("host"), self.inner.host_header.clone()));
        headers.push((Cow::Borrowed("x-acs-action"), O::ACTION.to_owned()));
        headers.push((
            Cow::Borrowed("x-acs-content-sha256"),
            body.sha256_hex().into_owned(),
        ));
        headers.push((Cow::Borrowed("x-acs-date"), timestamp.to_owned()));
        if let Some(token) = credentials.security_token() {
            headers.push((Cow::Borrowed("x-acs-security-token"), token.to_owned()));
        }
        headers.push((Cow::Borrowed("x-acs-signature-nonce"), nonce.to_owned()));
        headers.push((Cow::Borrowed("x-acs-version"), O::VERSION.to_owned()));
        headers
    }

    /// A ROA request: the spec's method and path, the query sorted, the operation's headers and
    /// body; signed with V3 (every header covered) when there are credentials.
    fn roa_request<O: Operation>(
        &self,
        method: HttpMethod,
        path: String,
        parts: &RequestParts,
        credentials: Option<&Credentials>,
        timestamp: &str,
        nonce: &str,
    ) -> HttpRequest {
        let mut query = parts.query.clone();
        query.sort();
        let body = parts.body.clone();
        let mut headers: Vec<(Cow<'static, str>, String)> = match credentials {
            Some(credentials) => self.v3_headers::<O>(credentials, timestamp, nonce, &body),
            None => vec![
                (Cow::Borrowed("host"), self.inner.host_header.clone()),
                (Cow::Borrowed("x-acs-action"), O::ACTION.to_owned()),
                (Cow::Borrowed("x-acs-date"), timestamp.to_owned()),
                (Cow::Borrowed("x-acs-signature-nonce"), nonce.to_owned()),
                (Cow::Borrowed("x-acs-version"), O::VERSION.to_owned()),
            ],
        };
        if let Some(content_type) = body.content_type() {
            headers.push((Cow::Borrowed("content-type"), content_type.to_owned()));
        }
        headers.extend(
            parts
                .headers
                .iter()
                .map(|(name, value)| (Cow::Owned(name.to_ascii_lowercase()), value.to_owned())),
        );
        match credentials {
            Some(credentials) => v3::sign_headers(
                method.as_str(),
                &path,
                query.iter(),
                &mut headers,
                &body.sha256_hex(),
                credentials.access_key_id(),
                credentials.access_key_secret(),
            ),
            None => headers.sort_by(|(a, _), (b, _)| a.cmp(b)),
        }
        HttpRequest {
            method,
            path: Cow::Owned(path),
            query,
            headers,
            body,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_names_match_whole_names_and_their_items() {
        let form = ["Config"];
        assert!(is_form("Config", &form));
        assert!(is_form("Config.1.Key", &form));
        assert!(!is_form("ConfigName", &form));
        assert!(!is_form("Other", &form));
    }

    #[test]
    fn reserved_and_malformed_header_names() {
        for name in [
            "host",
            "Authorization",
            "x-acs-date",
            "X-ACS-Action",
            "content-type",
        ] {
            assert!(is_reserved_header(name), "{name}");
        }
        assert!(!is_reserved_header("x-fc-invocation-type"));
        assert!(is_header_name("x-fc-log-type"));
        assert!(!is_header_name("bad name"));
        assert!(!is_header_name(""));
        assert!(is_header_value("Async"));
        assert!(!is_header_value("línea"));
        assert!(!is_header_value("a\r\nb"));
    }
}
