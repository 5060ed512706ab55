//! `ACS3-HMAC-SHA256`: the V3 signature, carried in the `Authorization` header.
//!
//! ```text
//! canonical request = METHOD \n canonical URI \n canonical query \n
//!                     canonical headers \n signed headers \n hashed payload
//! string to sign    = "ACS3-HMAC-SHA256\n" + hex(SHA-256(canonical request))
//! signature         = hex(HMAC-SHA256(AccessKeySecret, string to sign))
//! Authorization     = ACS3-HMAC-SHA256 Credential=<AK>,SignedHeaders=<a;b;…>,Signature=<hex>
//! ```
//!
//! The canonical query is the sorted, percent-encoded `k=v` list joined with `&`; the canonical
//! headers are `name:value\n` for every signed header, names lower-cased and sorted, values
//! trimmed. A server verifies with [`parse_authorization`] and [`verify`], passing exactly the
//! headers it received (the `host` value as received).

use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

use super::{hex_lower, push_hex_lower, sorted_params, write_encoded_pairs, SignError};

type HmacSha256 = Hmac<Sha256>;

/// The algorithm name that starts the string to sign and the `Authorization` header.
pub const ALGORITHM: &str = "ACS3-HMAC-SHA256";
/// Hex SHA-256 of the empty body.
pub const EMPTY_PAYLOAD_SHA256: &str =
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/// Hex SHA-256 of a request body: the hashed payload, also sent as `x-acs-content-sha256`.
pub fn hashed_payload(body: &[u8]) -> String {
    hex_lower(&Sha256::digest(body))
}

/// The canonical query: parameters sorted by name (then value) in byte order, percent-encoded,
/// joined as `k=v` with `&`. Also usable as the wire query.
pub fn canonical_query<'a>(params: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let sorted = sorted_params(params, |_| false);
    let mut out = String::with_capacity(sorted.len() * 24);
    write_encoded_pairs(&sorted, &mut out);
    out
}

/// The signed-header names lower-cased and sorted, with empty and duplicate names rejected.
fn normalized_signed_headers(signed_headers: &[&str]) -> Result<Vec<String>, SignError> {
    let mut names: Vec<String> = signed_headers
        .iter()
        .map(|name| name.trim().to_ascii_lowercase())
        .collect();
    if names.is_empty() || names.iter().any(String::is_empty) {
        return Err(SignError::EmptySignedHeader);
    }
    names.sort_unstable();
    if let Some(pair) = names.windows(2).find(|pair| pair[0] == pair[1]) {
        return Err(SignError::DuplicateSignedHeader(pair[0].clone()));
    }
    Ok(names)
}

/// The canonical request.
///
/// * `method` — the HTTP method as sent (`POST`).
/// * `path` — the canonical URI, already percent-encoded (`/` for RPC-style APIs).
/// * `query` — the query parameters, decoded.
/// * `headers` — the request's headers, any case; only those named in `signed_headers` are used.
/// * `signed_headers` — the header names the signature covers (any case, any order).
/// * `payload_hash` — hex SHA-256 of the body ([`hashed_payload`]).
///
/// Fails when a signed header is absent from `headers`, occurs twice (in `headers` or in
/// `signed_headers`), or the list is empty.
pub fn canonical_request<'q, 'h>(
    method: &str,
    path: &str,
    query: impl IntoIterator<Item = (&'q str, &'q str)>,
    headers: impl IntoIterator<Item = (&'h str, &'h str)>,
    signed_headers: &[&str],
    payload_hash: &str,
) -> Result<String, SignError> {
    let names = normalized_signed_headers(signed_headers)?;
    let headers: Vec<(&str, &str)> = headers.into_iter().collect();

    let mut out = String::with_capacity(512);
    out.push_str(method);
    out.push('\n');
    out.push_str(path);
    out.push('\n');
    let sorted = sorted_params(query, |_| false);
    write_encoded_pairs(&sorted, &mut out);
    out.push('\n');
    for name in &names {
        let mut matching = headers
            .iter()
            .filter(|(candidate, _)| candidate.trim().eq_ignore_ascii_case(name));
        let value = match (matching.next(), matching.next()) {
            (Some((_, value)), None) => value.trim(),
            (None, _) => return Err(SignError::MissingSignedHeader(name.clone())),
            (Some(_), Some(_)) => return Err(SignError::DuplicateSignedHeader(name.clone())),
        };
        out.push_str(name);
        out.push(':');
        out.push_str(value);
        out.push('\n');
    }
    out.push('\n');
    push_joined(&names, &mut out);
    out.push('\n');
    out.push_str(payload_hash);
    Ok(out)
}

fn push_joined(names: &[String], out: &mut String) {
    for (i, name) in names.iter().enumerate() {
        if i > 0 {
            out.push(';');
        }
        out.push_str(name);
    }
}

/// `ACS3-HMAC-SHA256\n` + hex(SHA-256(canonical request)).
pub fn string_to_sign(canonical_request: &str) -> String {
    let mut out = String::with_capacity(ALGORITHM.len() + 1 + 64);
    out.push_str(ALGORITHM);
    out.push('\n');
    push_hex_lower(&Sha256::digest(canonical_request.as_bytes()), &mut out);
    out
}

/// hex(HMAC-SHA256(access_key_secret, string_to_sign)).
pub fn sign_string(access_key_secret: &str, string_to_sign: &str) -> String {
    let mut mac = <HmacSha256 as Mac>::new_from_slice(access_key_secret.as_bytes())
        .unwrap_or_else(|_| HmacSha256::new(&Default::default()));
    mac.update(string_to_sign.as_bytes());
    hex_lower(&mac.finalize().into_bytes())
}

/// The V3 signature of a request; arguments as for [`canonical_request`].
///
/// ```
/// use acs_runtime::sign::v3;
/// let headers = [
///     ("host", "ecs.cn-shanghai.aliyuncs.com"),
///     ("x-acs-action", "RunInstances"),
///     ("x-acs-version", "2014-05-26"),
///     ("x-acs-date", "2023-10-26T09:01:01Z"),
///     ("x-acs-signature-nonce", "d410180a5abf7fe235dd9b74aca91fc0"),
///     ("x-acs-content-sha256", v3::EMPTY_PAYLOAD_SHA256),
/// ];
/// let signed: Vec<&str> = headers.iter().map(|(name, _)| *name).collect();
/// let signature = v3::signature(
///     "YourAccessKeySecret", "POST", "/",
///     [("ImageId", "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd"),
///      ("RegionId", "cn-shanghai")],
///     headers, &signed, v3::EMPTY_PAYLOAD_SHA256,
/// ).unwrap();
/// assert_eq!(signature, "e521358f7776c97df52e6b2891a8bc73026794a071b50c3323388c4e0df64804");
/// ```
pub fn signature<'q, 'h>(
    access_key_secret: &str,
    method: &str,
    path: &str,
    query: impl IntoIterator<Item = (&'q str, &'q str)>,
    headers: impl IntoIterator<Item = (&'h str, &'h str)>,
    signed_headers: &[&str],
    payload_hash: &str,
) -> Result<String, SignError> {
    let canonical = canonical_request(method, path, query, headers, signed_headers, payload_hash)?;
    Ok(sign_string(access_key_secret, &string_to_sign(&canonical)))
}

/// `ACS3-HMAC-SHA256 Credential=<access_key_id>,SignedHeaders=<sorted lower-case names ;-joined>,Signature=<signature>`.
pub fn authorization_header(
    access_key_id: &str,
    signed_headers: &[&str],
    signature: &str,
) -> String {
    let mut names: Vec<String> = signed_headers
        .iter()
        .map(|name| name.trim().to_ascii_lowercase())
        .collect();
    names.sort_unstable();
    let mut out = String::with_capacity(128 + access_key_id.len() + signature.len());
    out.push_str(ALGORITHM);
    out.push_str(" Credential=");
    out.push_str(access_key_id);
    out.push_str(",SignedHeaders=");
    push_joined(&names, &mut out);
    out.push_str(",Signature=");
    out.push_str(signature);
    out
}

/// The parts of a V3 `Authorization` header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Authorization<'a> {
    /// `Credential`: the AccessKey ID.
    pub access_key_id: &'a str,
    /// `SignedHeaders`, split on `;`, as sent.
    pub signed_headers: Vec<&'a str>,
    /// `Signature`: lower-case hex.
    pub signature: &'a str,
}

/// Parses `ACS3-HMAC-SHA256 Credential=…,SignedHeaders=…,Signature=…` (for servers).
///
/// The three fields may come in any order, each exactly once, separated by commas (spaces
/// around them are ignored). Errors say which part is wrong, never echoing the signature.
pub fn parse_authorization(value: &str) -> Result<Authorization<'_>, SignError> {
    let rest = value
        .trim()
        .strip_prefix(ALGORITHM)
        .ok_or(SignError::MalformedAuthorization(
            "does not start with ACS3-HMAC-SHA256",
        ))?;
    if !rest.starts_with([' ', '\t']) {
        return Err(SignError::MalformedAuthorization(
            "expected a space after the algorithm",
        ));
    }
    let mut credential = None;
    let mut signed = None;
    let mut signature = None;
    for part in rest.split(',') {
        let (key, field_value) = part
            .trim()
            .split_once('=')
            .ok_or(SignError::MalformedAuthorization("a field has no `=`"))?;
        let slot = match key {
            "Credential" => &mut credential,
            "SignedHeaders" => &mut signed,
            "Signature" => &mut signature,
            _ => return Err(SignError::MalformedAuthorization("unknown field")),
        };
        if slot.replace(field_value).is_some() {
            return Err(SignError::MalformedAuthorization("a field occurs twice"));
        }
    }
    let access_key_id = credential
        .filter(|v| !v.is_empty())
        .ok_or(SignError::MalformedAuthorization("missing Credential"))?;
    let signed = signed
        .filter(|v| !v.is_empty())
        .ok_or(SignError::MalformedAuthorization("missing SignedHeaders"))?;
    let signature = signature
        .filter(|v| !v.is_empty())
        .ok_or(SignError::MalformedAuthorization("missing Signature"))?;
    Ok(Authorization {
        access_key_id,
        signed_headers: signed.split(';').collect(),
        signature,
    })
}

/// Checks a received V3 signature in constant time (for servers).
///
/// `authorization` comes from [`parse_authorization`]; the caller looks up the secret for its
/// `access_key_id`. `payload_hash` should be computed from the body received
/// ([`hashed_payload`]), not taken from the `x-acs-content-sha256` header.
pub fn verify<'q, 'h>(
    access_key_secret: &str,
    method: &str,
    path: &str,
    query: impl IntoIterator<Item = (&'q str, &'q str)>,
    headers: impl IntoIterator<Item = (&'h str, &'h str)>,
    authorization: &Authorization<'_>,
    payload_hash: &str,
) -> Result<bool, SignError> {
    let expected = signature(
        access_key_secret,
        method,
        path,
        query,
        headers,
        &authorization.signed_headers,
        payload_hash,
    )?;
    Ok(super::constant_time_eq(
        expected.as_bytes(),
        authorization.signature.as_bytes(),
    ))
}

/// What a V3 client request carries besides its operation parameters.
#[derive(Clone, Copy, Debug)]
pub struct CommonHeaders<'a> {
    /// The `host` header exactly as it will be sent (`host` or `host:port`).
    pub host: &'a str,
    /// `x-acs-action`.
    pub action: &'a str,
    /// `x-acs-version`.
    pub version: &'a str,
    /// The AccessKey ID for `Credential=`.
    pub access_key_id: &'a str,
    /// `x-acs-security-token`, only with STS credentials.
    pub security_token: Option<&'a str>,
    /// `x-acs-signature-nonce`.
    pub signature_nonce: &'a str,
    /// `x-acs-date`: UTC `YYYY-MM-DDThh:mm:ssZ`.
    pub date: &'a str,
}

/// A signed V3 request: the wire query and the headers to send.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignedRequest {
    /// The operation parameters, sorted and percent-encoded (no leading `?`).
    pub query: String,
    /// `host`, `x-acs-action`, `x-acs-content-sha256`, `x-acs-date`, `x-acs-security-token`
    /// (STS only), `x-acs-signature-nonce`, `x-acs-version` — all signed — then `Authorization`.
    pub headers: Vec<(&'static str, String)>,
}

/// Signs a client request: query = the operation's `params` only; every header listed in
/// [`SignedRequest::headers`] except `Authorization` is signed.
pub fn sign_request<'a>(
    method: &str,
    path: &str,
    common: &CommonHeaders<'_>,
    params: impl IntoIterator<Item = (&'a str, &'a str)>,
    body: &[u8],
    access_key_secret: &str,
) -> SignedRequest {
    let sorted = sorted_params(params, |_| false);
    let mut query = String::with_capacity(sorted.len() * 24);
    write_encoded_pairs(&sorted, &mut query);

    let payload_hash = if body.is_empty() {
        EMPTY_PAYLOAD_SHA256.to_owned()
    } else {
        hashed_payload(body)
    };
    // Sorted by name: the canonical-header order.
    let mut headers: Vec<(&'static str, String)> = Vec::with_capacity(8);
    headers.push(("host", common.host.to_owned()));
    headers.push(("x-acs-action", common.action.to_owned()));
    headers.push(("x-acs-content-sha256", payload_hash.clone()));
    headers.push(("x-acs-date", common.date.to_owned()));
    if let Some(token) = common.security_token {
        headers.push(("x-acs-security-token", token.to_owned()));
    }
    headers.push(("x-acs-signature-nonce", common.signature_nonce.to_owned()));
    headers.push(("x-acs-version", common.version.to_owned()));

    let mut canonical = String::with_capacity(query.len() + 512);
    canonical.push_str(method);
    canonical.push('\n');
    canonical.push_str(path);
    canonical.push('\n');
    canonical.push_str(&query);
    canonical.push('\n');
    for (name, value) in &headers {
        canonical.push_str(name);
        canonical.push(':');
        canonical.push_str(value.trim());
        canonical.push('\n');
    }
    canonical.push('\n');
    let mut signed_list = String::with_capacity(128);
    for (i, (name, _)) in headers.iter().enumerate() {
        if i > 0 {
            signed_list.push(';');
        }
        signed_list.push_str(name);
    }
    canonical.push_str(&signed_list);
    canonical.push('\n');
    canonical.push_str(&payload_hash);

    let signature = sign_string(access_key_secret, &string_to_sign(&canonical));
    let mut authorization = String::with_capacity(160 + common.access_key_id.len());
    authorization.push_str(ALGORITHM);
    authorization.push_str(" Credential=");
    authorization.push_str(common.access_key_id);
    authorization.push_str(",SignedHeaders=");
    authorization.push_str(&signed_list);
    authorization.push_str(",Signature=");
    authorization.push_str(&signature);
    headers.push(("Authorization", authorization));
    SignedRequest { query, headers }
}

/// Signs a request whose every header is covered, the way the official SDKs sign: `headers`
/// (names in lower case, each once, `x-acs-content-sha256` among them) are sorted by name in
/// place and `Authorization` is appended. `query` is the decoded query in any order; `path` the
/// canonical URI, already percent-encoded.
///
/// Used for RPC V3 calls and ROA calls alike; the recorded official-SDK requests in
/// `tests/vectors/v3-roa.json` are reproduced byte for byte by it.
pub fn sign_headers<'q, N: AsRef<str> + From<&'static str>>(
    method: &str,
    path: &str,
    query: impl IntoIterator<Item = (&'q str, &'q str)>,
    headers: &mut Vec<(N, String)>,
    payload_hash: &str,
    access_key_id: &str,
    access_key_secret: &str,
) {
    headers.sort_by(|(a, _), (b, _)| a.as_ref().cmp(b.as_ref()));
    let sorted = sorted_params(query, |_| false);
    let mut canonical = String::with_capacity(sorted.len() * 32 + headers.len() * 48 + 128);
    canonical.push_str(method);
    canonical.push('\n');
    canonical.push_str(path);
    canonical.push('\n');
    write_encoded_pairs(&sorted, &mut canonical);
    canonical.push('\n');
    let mut signed_list = String::with_capacity(headers.len() * 20);
    for (i, (name, value)) in headers.iter().enumerate() {
        canonical.push_str(name.as_ref());
        canonical.push(':');
        canonical.push_str(value.trim());
        canonical.push('\n');
        if i > 0 {
            signed_list.push(';');
        }
        signed_list.push_str(name.as_ref());
    }
    canonical.push('\n');
    canonical.push_str(&signed_list);
    canonical.push('\n');
    canonical.push_str(payload_hash);

    let signature = sign_string(access_key_secret, &string_to_sign(&canonical));
    let mut authorization =
        String::with_capacity(ALGORITHM.len() + 40 + access_key_id.len() + signed_list.len() + 64);
    authorization.push_str(ALGORITHM);
    authorization.push_str(" Credential=");
    authorization.push_str(access_key_id);
    authorization.push_str(",SignedHeaders=");
    authorization.push_str(&signed_list);
    authorization.push_str(",Signature=");
    authorization.push_str(&signature);
    headers.push((N::from("Authorization"), authorization));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_authorization_round_trips() {
        let header = authorization_header("AK", &["X-Acs-Date", "host"], "abc");
        assert_eq!(
            header,
            "ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=host;x-acs-date,Signature=abc"
        );
        let parsed = parse_authorization(&header);
        assert_eq!(
            parsed,
            Ok(Authorization {
                access_key_id: "AK",
                signed_headers: vec!["host", "x-acs-date"],
                signature: "abc",
            })
        );
    }

    #[test]
    fn parse_authorization_rejects_malformed() {
        let cases = [
            (
                "HMAC-SHA1 Credential=a,SignedHeaders=h,Signature=s",
                "does not start with ACS3-HMAC-SHA256",
            ),
            (
                "ACS3-HMAC-SHA256Credential=a,SignedHeaders=h,Signature=s",
                "expected a space after the algorithm",
            ),
            (
                "ACS3-HMAC-SHA256 Credential=a,SignedHeaders=h",
                "missing Signature",
            ),
            (
                "ACS3-HMAC-SHA256 Credential=,SignedHeaders=h,Signature=s",
                "missing Credential",
            ),
            (
                "ACS3-HMAC-SHA256 Credential=a,Credential=b,SignedHeaders=h,Signature=s",
                "a field occurs twice",
            ),
            (
                "ACS3-HMAC-SHA256 Credential=a,Foo=b,SignedHeaders=h,Signature=s",
                "unknown field",
            ),
            (
                "ACS3-HMAC-SHA256 Credential=a,SignedHeaders,Signature=s",
                "a field has no `=`",
            ),
        ];
        for (input, reason) in cases {
            assert_eq!(
                parse_authorization(input),
                Err(SignError::MalformedAuthorization(reason)),
                "{input}"
            );
        }
    }

    #[test]
    fn canonical_request_reports_header_problems() {
        let headers = [("Host", "h"), ("x-a", "1"), ("X-A", "2")];
        assert_eq!(
            canonical_request("POST", "/", [], headers, &["host", "x-b"], "p"),
            Err(SignError::MissingSignedHeader("x-b".into()))
        );
        assert_eq!(
            canonical_request("POST", "/", [], headers, &["x-a"], "p"),
            Err(SignError::DuplicateSignedHeader("x-a".into()))
        );
        assert_eq!(
            canonical_request("POST", "/", [], headers, &["host", "HOST"], "p"),
            Err(SignError::DuplicateSignedHeader("host".into()))
        );
        assert_eq!(
            canonical_request("POST", "/", [], headers, &[], "p"),
            Err(SignError::EmptySignedHeader)
        );
        assert_eq!(
            canonical_request(
                "GET",
                "/",
                [("b", "2 3"), ("a", "1")],
                headers,
                &["Host"],
                "p"
            ),
            Ok("GET\n/\na=1&b=2%203\nhost:h\n\nhost\np".to_owned())
        );
    }
}
