//! V3 (`ACS3-HMAC-SHA256`) signatures, checked the way a server does it, from the wire protocol
//! document (`shared/api-docs/wire-protocol.md`) rather than from the runtime's signer:
//!
//! - canonical request = method, path as received, the query sorted by name (then value) with
//!   names and values percent-encoded (RFC 3986), one `name:value` line per signed header
//!   (lowercase names, trimmed values, sorted), the signed header names joined with `;`, and the
//!   hex SHA-256 of the body, joined with newlines;
//! - string to sign = `ACS3-HMAC-SHA256` newline hex SHA-256 of the canonical request;
//! - signature = hex HMAC-SHA256 of it under the secret.
//!
//! A verifier uses exactly the headers `SignedHeaders` names, with the values received; it also
//! insists that `host`, every `x-acs-*` header, `content-type` and the operation headers the
//! caller names are among them, and that `x-acs-content-sha256` is the body's hash.

use hmac::{Hmac, Mac};
use percent_encoding::{percent_decode_str, utf8_percent_encode};
use sha2::{Digest, Sha256};

use crate::signature::RFC3986;
use crate::CapturedRequest;

/// Checks the request's V3 signature for this key pair. `operation_headers` are headers the
/// operation sent (`x-fc-invocation-type`) that must be signed too. Errors say what is wrong.
pub fn verify_v3(
    request: &CapturedRequest,
    access_key_id: &str,
    access_key_secret: &str,
    operation_headers: &[&str],
) -> Result<(), String> {
    let authorization = request
        .header("authorization")
        .ok_or("no Authorization header")?;
    let fields = authorization
        .strip_prefix("ACS3-HMAC-SHA256 ")
        .ok_or_else(|| format!("not an ACS3-HMAC-SHA256 Authorization: {authorization:?}"))?;
    let mut credential = None;
    let mut signed_headers = None;
    let mut signature = None;
    for field in fields.split(',') {
        match field.trim().split_once('=') {
            Some(("Credential", v)) => credential = Some(v),
            Some(("SignedHeaders", v)) => signed_headers = Some(v),
            Some(("Signature", v)) => signature = Some(v),
            _ => return Err(format!("unexpected Authorization field {field:?}")),
        }
    }
    let credential = credential.ok_or("no Credential")?;
    if credential != access_key_id {
        return Err(format!(
            "Credential is {credential:?}, expected {access_key_id:?}"
        ));
    }
    let signed_headers = signed_headers.ok_or("no SignedHeaders")?;
    let signature = signature.ok_or("no Signature")?;
    let names: Vec<&str> = signed_headers.split(';').collect();
    let mut sorted = names.clone();
    sorted.sort_unstable();
    sorted.dedup();
    if sorted != names {
        return Err(format!(
            "SignedHeaders {signed_headers:?} are not sorted and unique"
        ));
    }
    // What must be signed: every header the runtime and the operation set.
    for (name, _) in &request.headers {
        let must = name == "host"
            || name == "content-type"
            || name.starts_with("x-acs-")
            || operation_headers.contains(&name.as_str());
        if must && !names.contains(&name.as_str()) {
            return Err(format!("header {name} is sent but not signed"));
        }
    }
    for name in operation_headers {
        if request.header(name).is_none() {
            return Err(format!("operation header {name} was not sent"));
        }
    }
    let body_hash = hex(&Sha256::digest(&request.body));
    let declared = request
        .header("x-acs-content-sha256")
        .ok_or("no x-acs-content-sha256 header")?;
    if declared != body_hash {
        return Err(format!(
            "x-acs-content-sha256 is {declared}, the body's SHA-256 is {body_hash}"
        ));
    }
    let canonical = canonical_request(request, &names, &body_hash)?;
    let expected = sign(&canonical, access_key_secret);
    if signature != expected {
        return Err(format!(
            "the signature does not verify for {} {}; canonical request:\n{canonical}",
            request.method, request.target
        ));
    }
    Ok(())
}

/// The canonical request for the headers `signed` (lowercase, sorted).
pub fn canonical_request(
    request: &CapturedRequest,
    signed: &[&str],
    body_hash: &str,
) -> Result<String, String> {
    let (path, query) = request
        .target
        .split_once('?')
        .unwrap_or((&request.target, ""));
    let mut pairs = Vec::new();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        pairs.push((decode(name)?, decode(value)?));
    }
    pairs.sort();
    let query = pairs
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&");
    let mut headers = String::new();
    for name in signed {
        let value = request
            .header(name)
            .ok_or_else(|| format!("signed header {name} was not sent"))?;
        headers.push_str(&format!("{name}:{}\n", value.trim()));
    }
    Ok(format!(
        "{}\n{path}\n{query}\n{headers}\n{}\n{body_hash}",
        request.method,
        signed.join(";")
    ))
}

/// Hex HMAC-SHA256 of the string to sign for `canonical`.
pub fn sign(canonical: &str, secret: &str) -> String {
    let string_to_sign = format!(
        "ACS3-HMAC-SHA256\n{}",
        hex(&Sha256::digest(canonical.as_bytes()))
    );
    let mut mac =
        Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes any key length");
    mac.update(string_to_sign.as_bytes());
    hex(&mac.finalize().into_bytes())
}

fn decode(s: &str) -> Result<String, String> {
    percent_decode_str(s)
        .decode_utf8()
        .map(|c| c.into_owned())
        .map_err(|_| format!("{s:?} is not UTF-8 once decoded"))
}

fn encode(s: &str) -> String {
    utf8_percent_encode(s, RFC3986).to_string()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The published V3 example (wire-protocol.md, "Published known answers").
    #[test]
    fn the_published_example_signs_to_the_published_signature() {
        let request = CapturedRequest {
            method: "POST".to_owned(),
            target:
                "/?ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai"
                    .to_owned(),
            headers: [
                ("host", "ecs.cn-shanghai.aliyuncs.com"),
                ("x-acs-action", "RunInstances"),
                ("x-acs-version", "2014-05-26"),
                ("x-acs-date", "2023-10-26T09:01:01Z"),
                ("x-acs-signature-nonce", "d410180a5abf7fe235dd9b74aca91fc0"),
                (
                    "x-acs-content-sha256",
                    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                ),
            ]
            .iter()
            .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
            .collect(),
            body: Vec::new(),
        };
        let mut signed: Vec<&str> = request.headers.iter().map(|(n, _)| n.as_str()).collect();
        signed.sort_unstable();
        let body_hash = hex(&Sha256::digest(b""));
        let canonical = canonical_request(&request, &signed, &body_hash).unwrap();
        assert_eq!(
            sign(&canonical, "YourAccessKeySecret"),
            "e521358f7776c97df52e6b2891a8bc73026794a071b50c3323388c4e0df64804"
        );
        let mut signed_request = request.clone();
        signed_request.headers.push((
            "authorization".to_owned(),
            format!(
                "ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders={},Signature=e521358f7776c97df52e6b2891a8bc73026794a071b50c3323388c4e0df64804",
                signed.join(";")
            ),
        ));
        assert_eq!(
            verify_v3(
                &signed_request,
                "YourAccessKeyId",
                "YourAccessKeySecret",
                &[]
            ),
            Ok(())
        );
        // One changed byte of the query, or an unsigned x-acs header, fails.
        let mut tampered = signed_request.clone();
        tampered.target = tampered.target.replace("shanghai", "hangzhou");
        assert!(verify_v3(&tampered, "YourAccessKeyId", "YourAccessKeySecret", &[]).is_err());
        let mut unsigned = signed_request;
        unsigned
            .headers
            .push(("x-acs-extra".to_owned(), "1".to_owned()));
        assert_eq!(
            verify_v3(&unsigned, "YourAccessKeyId", "YourAccessKeySecret", &[]),
            Err("header x-acs-extra is sent but not signed".to_owned())
        );
    }
}
