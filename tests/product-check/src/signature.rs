//! RPC signature v1 (HMAC-SHA1), checked the way a server does it, from the wire protocol
//! document (`shared/api-docs/wire-protocol.md`) rather than from the runtime's signer:
//! every query and form-body parameter except `Signature`, sorted by name, each name and value
//! percent-encoded (RFC 3986, unreserved characters kept), joined with `&`; the string to sign is
//! `METHOD&%2F&` + the percent-encoded canonical query; the key is `secret&`.

use std::collections::BTreeMap;

use base64::Engine as _;
use hmac::{Hmac, Mac};
use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use sha1::Sha1;

use crate::CapturedRequest;

/// Every character but the RFC 3986 unreserved ones is encoded.
pub(crate) const RFC3986: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// Decoded request parameters (query and form body together), by name.
pub type WireParams = BTreeMap<String, String>;

/// Checks the request's v1 signature for this key pair and returns its decoded parameters
/// (query and form body; `Signature` left out). Errors say what is wrong.
pub fn verify_rpc_v1(
    request: &CapturedRequest,
    access_key_id: &str,
    access_key_secret: &str,
) -> Result<WireParams, String> {
    let (path, query) = request
        .target
        .split_once('?')
        .unwrap_or((&request.target, ""));
    if path != "/" {
        return Err(format!("RPC requests go to `/`, not {path:?}"));
    }
    let mut params = WireParams::new();
    decode_into(query, &mut params)?;
    if !request.body.is_empty() {
        let content_type = request.header("content-type").unwrap_or_default();
        if !content_type.starts_with("application/x-www-form-urlencoded") {
            return Err(format!(
                "a body of {} bytes with content type {content_type:?}, not a form",
                request.body.len()
            ));
        }
        let body = std::str::from_utf8(&request.body).map_err(|_| "form body is not UTF-8")?;
        decode_into(body, &mut params)?;
    }
    let signature = params.remove("Signature").ok_or("no Signature parameter")?;
    for (name, expected) in [
        ("SignatureMethod", "HMAC-SHA1"),
        ("SignatureVersion", "1.0"),
        ("AccessKeyId", access_key_id),
    ] {
        let got = params.get(name).map(String::as_str);
        if got != Some(expected) {
            return Err(format!("{name} is {got:?}, expected {expected:?}"));
        }
    }
    let expected = sign(&request.method, &params, access_key_secret);
    if signature != expected {
        return Err(format!(
            "the signature does not verify for {} {}",
            request.method, request.target
        ));
    }
    Ok(params)
}

/// The v1 signature of these parameters, base64.
fn sign(method: &str, params: &WireParams, secret: &str) -> String {
    // BTreeMap iterates in byte order of the names: the sort the protocol asks for.
    let canonical = params
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&");
    let string_to_sign = format!("{method}&{}&{}", encode("/"), encode(&canonical));
    let mut mac = Hmac::<Sha1>::new_from_slice(format!("{secret}&").as_bytes())
        .expect("HMAC accepts keys of any length");
    mac.update(string_to_sign.as_bytes());
    base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
}

fn encode(text: &str) -> String {
    utf8_percent_encode(text, RFC3986).to_string()
}

/// `a=1&b=2` (percent-encoded; `+` is a space, as in forms) into `params`; a repeated name is
/// an error, since the signature could not say which value counts.
fn decode_into(encoded: &str, params: &mut WireParams) -> Result<(), String> {
    for pair in encoded.split('&').filter(|p| !p.is_empty()) {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        let decode = |s: &str| {
            percent_decode_str(&s.replace('+', " "))
                .decode_utf8()
                .map(|c| c.into_owned())
                .map_err(|_| format!("{s:?} is not UTF-8 once decoded"))
        };
        let name = decode(name)?;
        if params.insert(name.clone(), decode(value)?).is_some() {
            return Err(format!("parameter {name} sent twice"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The known answer published in Alibaba's signature documentation (wire-protocol.md).
    fn published_request(signature: &str) -> CapturedRequest {
        CapturedRequest {
            method: "GET".into(),
            target: format!(
                "/?Timestamp=2016-02-23T12%3A46%3A24Z&Format=XML&AccessKeyId=testid&Action=DescribeRegions\
                 &SignatureMethod=HMAC-SHA1&SignatureNonce=3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf\
                 &Version=2014-05-26&SignatureVersion=1.0&Signature={}",
                encode(signature)
            ),
            headers: Vec::new(),
            body: Vec::new(),
        }
    }

    #[test]
    fn the_published_known_answer_verifies() {
        let params = verify_rpc_v1(
            &published_request("OLeaidS1JvxuMvnyHOwuJ+uX5qY="),
            "testid",
            "testsecret",
        )
        .expect("the published signature verifies");
        assert_eq!(params["Action"], "DescribeRegions");
        assert!(!params.contains_key("Signature"));
    }

    #[test]
    fn a_wrong_secret_or_signature_is_refused() {
        let good = published_request("OLeaidS1JvxuMvnyHOwuJ+uX5qY=");
        assert!(verify_rpc_v1(&good, "testid", "othersecret").is_err());
        assert!(verify_rpc_v1(&good, "otherid", "testsecret").is_err());
        let bad = published_request("OLeaidS1JvxuMvnyHOwuJ+uX5qZ=");
        assert!(verify_rpc_v1(&bad, "testid", "testsecret").is_err());
    }

    #[test]
    fn form_body_parameters_are_signed_with_the_query() {
        let mut params = WireParams::new();
        for (k, v) in [
            ("AccessKeyId", "id"),
            ("Action", "Refresh"),
            ("SignatureMethod", "HMAC-SHA1"),
            ("SignatureVersion", "1.0"),
            ("ObjectPath", "http://example.com/a b\nc"),
        ] {
            params.insert(k.into(), v.into());
        }
        let signature = sign("POST", &params, "secret");
        let request = CapturedRequest {
            method: "POST".into(),
            target: format!(
                "/?AccessKeyId=id&Action=Refresh&SignatureMethod=HMAC-SHA1&SignatureVersion=1.0&Signature={}",
                encode(&signature)
            ),
            headers: vec![(
                "content-type".into(),
                "application/x-www-form-urlencoded".into(),
            )],
            body: b"ObjectPath=http%3A%2F%2Fexample.com%2Fa+b%0Ac".to_vec(),
        };
        let decoded = verify_rpc_v1(&request, "id", "secret").expect("verifies");
        assert_eq!(decoded["ObjectPath"], "http://example.com/a b\nc");
        let mut unsigned_body = request.clone();
        unsigned_body.body = b"ObjectPath=other".to_vec();
        assert!(verify_rpc_v1(&unsigned_body, "id", "secret").is_err());
    }
}
