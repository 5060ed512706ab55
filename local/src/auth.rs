//! Authentication of RPC calls: signature v1 (`HMAC-SHA1`, `Signature` parameter) and V3
//! (`ACS3-HMAC-SHA256`, `Authorization` header), with the gateway's checks around them.
//!
//! Order of checks (the first failure is answered):
//!
//! 1. `Version` / `x-acs-version` present (`MissingParameter`) and `2020-06-01` (`InvalidVersion`);
//!    `Action` / `x-acs-action` present and known (`InvalidAction.NotFound`, 404).
//! 2. v1: `AccessKeyId`, `Signature`, `SignatureMethod` (`HMAC-SHA1`), `SignatureVersion` (`1.0`),
//!    `SignatureNonce`, `Timestamp` present. V3: a well-formed `Authorization`, `x-acs-date` and
//!    `x-acs-signature-nonce` present, and `host`, `x-acs-action`, `x-acs-version`, `x-acs-date`,
//!    `x-acs-signature-nonce` (and `x-acs-content-sha256` when sent) among the signed headers
//!    (`IncompleteSignature` otherwise).
//! 3. The AccessKey ID is known (`InvalidAccessKeyId.NotFound`, 404).
//! 4. The timestamp parses (`InvalidTimeStamp.Format`) and lies within 15 minutes of the server's
//!    clock (`InvalidTimeStamp.Expired`).
//! 5. V3: `x-acs-content-sha256`, when sent, is the SHA-256 of the body received.
//! 6. The signature matches (`SignatureDoesNotMatch`). v1 signs the method actually used and all
//!    query and form parameters together; V3 uses exactly the headers `SignedHeaders` lists, with
//!    `host` as received.
//! 7. The nonce was not used by this AccessKey ID in the last 15 minutes (`SignatureNonceUsed`).
//!    Only requests with a valid signature record their nonce.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::SystemTime;

use acs_runtime::sign::{v1, v3};
use acs_runtime::Params;

use crate::error::ApiError;

/// The API version this service implements.
pub const VERSION: &str = "2020-06-01";
/// How far a timestamp may be from the server's clock, and how long nonces are remembered.
pub const WINDOW_SECS: i64 = 15 * 60;

/// The request as far as authentication needs it.
pub struct SignedParts<'a> {
    /// `GET` or `POST`.
    pub method: &'a str,
    /// The path as received (still percent-encoded).
    pub path: &'a str,
    /// Query parameters, decoded.
    pub query: &'a [(String, String)],
    /// Query and form parameters together, decoded.
    pub params: &'a Params,
    /// Received headers (names lower-case); values that are not visible ASCII are left out.
    pub headers: &'a [(String, String)],
    /// The body as received.
    pub body: &'a [u8],
}

impl SignedParts<'_> {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Who called what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Caller {
    /// The AccessKey ID (one account per key).
    pub access_key_id: String,
    /// The action.
    pub action: String,
}

/// Nonces seen per AccessKey ID, each with the unix time after which it may be forgotten.
#[derive(Debug, Default)]
pub struct NonceCache {
    seen: Mutex<HashMap<String, HashMap<String, i64>>>,
}

impl NonceCache {
    /// Records `nonce` for `key` until `expires`; `false` when it is already recorded.
    pub fn insert(&self, key: &str, nonce: &str, expires: i64, now: i64) -> bool {
        let mut seen = match self.seen.lock() {
            Ok(seen) => seen,
            Err(poisoned) => poisoned.into_inner(),
        };
        let nonces = seen.entry(key.to_owned()).or_default();
        if let Some(until) = nonces.get(nonce) {
            if *until >= now {
                return false;
            }
        }
        // Forget expired nonces now and then (amortized: when the map doubles).
        if nonces.len() >= 1024 && nonces.len().is_power_of_two() {
            nonces.retain(|_, until| *until >= now);
        }
        nonces.insert(nonce.to_owned(), expires);
        true
    }
}

/// Parses an ISO 8601 UTC timestamp (`2016-02-23T12:46:24Z`, fractions and offsets allowed) into
/// unix seconds.
pub fn parse_timestamp(value: &str) -> Option<i64> {
    time::OffsetDateTime::parse(value.trim(), &time::format_description::well_known::Rfc3339)
        .ok()
        .map(time::OffsetDateTime::unix_timestamp)
}

/// The server's clock in unix seconds.
pub fn now_unix() -> i64 {
    match SystemTime::now().duration_since(SystemTime::UNIX_EPOCH) {
        Ok(d) => i64::try_from(d.as_secs()).unwrap_or(i64::MAX),
        Err(_) => 0,
    }
}

/// Checks a request and says who called which action.
pub fn authenticate(
    parts: &SignedParts<'_>,
    keys: &HashMap<String, String>,
    nonces: &NonceCache,
    known_action: impl Fn(&str) -> bool,
) -> Result<Caller, ApiError> {
    match parts.header("authorization") {
        Some(authorization) => authenticate_v3(parts, authorization, keys, nonces, known_action),
        None => authenticate_v1(parts, keys, nonces, known_action),
    }
}

fn non_empty(value: Option<&str>) -> Option<&str> {
    value.filter(|v| !v.is_empty())
}

fn check_action_version(
    action: Option<&str>,
    version: Option<&str>,
    known_action: impl Fn(&str) -> bool,
) -> Result<String, ApiError> {
    let version = non_empty(version).ok_or_else(|| ApiError::missing_parameter("Version"))?;
    let action = non_empty(action).ok_or_else(|| ApiError::missing_parameter("Action"))?;
    if version != VERSION {
        return Err(ApiError::invalid_version());
    }
    if !known_action(action) {
        return Err(ApiError::action_not_found());
    }
    Ok(action.to_owned())
}

/// Timestamp format and window.
fn check_timestamp(value: &str, now: i64) -> Result<i64, ApiError> {
    let at = parse_timestamp(value).ok_or_else(ApiError::timestamp_format)?;
    if (now - at).abs() > WINDOW_SECS {
        return Err(ApiError::timestamp_expired());
    }
    Ok(at)
}

fn authenticate_v1(
    parts: &SignedParts<'_>,
    keys: &HashMap<String, String>,
    nonces: &NonceCache,
    known_action: impl Fn(&str) -> bool,
) -> Result<Caller, ApiError> {
    let params = parts.params;
    let action = check_action_version(params.get("Action"), params.get("Version"), known_action)?;
    let require =
        |name: &str| non_empty(params.get(name)).ok_or_else(|| ApiError::missing_parameter(name));
    let key_id = require("AccessKeyId")?;
    let signature = require("Signature")?;
    let method = require("SignatureMethod")?;
    let sig_version = require("SignatureVersion")?;
    let nonce = require("SignatureNonce")?;
    let timestamp = require("Timestamp")?;
    if method != v1::SIGNATURE_METHOD {
        return Err(ApiError::invalid_parameter(
            "SignatureMethod",
            "only HMAC-SHA1 is supported",
        ));
    }
    if sig_version != v1::SIGNATURE_VERSION {
        return Err(ApiError::invalid_parameter(
            "SignatureVersion",
            "only 1.0 is supported",
        ));
    }
    let secret = keys
        .get(key_id)
        .ok_or_else(ApiError::access_key_not_found)?;
    let now = now_unix();
    let at = check_timestamp(timestamp, now)?;
    if !v1::verify(parts.method, params.iter(), secret, signature) {
        return Err(ApiError::signature_mismatch());
    }
    if !nonces.insert(key_id, nonce, at.max(now) + WINDOW_SECS, now) {
        return Err(ApiError::nonce_used());
    }
    Ok(Caller {
        access_key_id: key_id.to_owned(),
        action,
    })
}

/// Headers every V3 request must sign.
const MUST_SIGN: [&str; 5] = [
    "host",
    "x-acs-action",
    "x-acs-version",
    "x-acs-date",
    "x-acs-signature-nonce",
];

fn authenticate_v3(
    parts: &SignedParts<'_>,
    authorization: &str,
    keys: &HashMap<String, String>,
    nonces: &NonceCache,
    known_action: impl Fn(&str) -> bool,
) -> Result<Caller, ApiError> {
    let action = check_action_version(
        parts
            .header("x-acs-action")
            .or_else(|| parts.params.get("Action")),
        parts
            .header("x-acs-version")
            .or_else(|| parts.params.get("Version")),
        known_action,
    )?;
    let auth = v3::parse_authorization(authorization)
        .map_err(|e| ApiError::incomplete_signature(&e.to_string()))?;
    let date = non_empty(parts.header("x-acs-date"))
        .ok_or_else(|| ApiError::missing_parameter("x-acs-date"))?;
    let nonce = non_empty(parts.header("x-acs-signature-nonce"))
        .ok_or_else(|| ApiError::missing_parameter("x-acs-signature-nonce"))?;
    let content_sha = parts.header("x-acs-content-sha256");
    let signed: Vec<String> = auth
        .signed_headers
        .iter()
        .map(|h| h.trim().to_ascii_lowercase())
        .collect();
    let must = MUST_SIGN
        .iter()
        .copied()
        .chain(content_sha.map(|_| "x-acs-content-sha256"));
    for name in must {
        if !signed.iter().any(|s| s == name) {
            return Err(ApiError::incomplete_signature(&format!(
                "the header `{name}` must be among SignedHeaders"
            )));
        }
    }
    let secret = keys
        .get(auth.access_key_id)
        .ok_or_else(ApiError::access_key_not_found)?;
    let now = now_unix();
    let at = check_timestamp(date, now)?;
    let payload_hash = v3::hashed_payload(parts.body);
    if let Some(sent) = content_sha {
        if !sent.trim().eq_ignore_ascii_case(&payload_hash) {
            return Err(ApiError::new(
                400,
                "SignatureDoesNotMatch",
                "Specified signature is not matched with our calculation: x-acs-content-sha256 is not the SHA-256 of the body.",
            ));
        }
    }
    let ok = v3::verify(
        secret,
        parts.method,
        parts.path,
        parts.query.iter().map(|(n, v)| (n.as_str(), v.as_str())),
        parts.headers.iter().map(|(n, v)| (n.as_str(), v.as_str())),
        &auth,
        &payload_hash,
    )
    .map_err(|e| ApiError::incomplete_signature(&e.to_string()))?;
    if !ok {
        return Err(ApiError::signature_mismatch());
    }
    if !nonces.insert(auth.access_key_id, nonce, at.max(now) + WINDOW_SECS, now) {
        return Err(ApiError::nonce_used());
    }
    Ok(Caller {
        access_key_id: auth.access_key_id.to_owned(),
        action,
    })
}
