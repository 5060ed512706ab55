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
//!
//! Bounds: a nonce longer than [`MAX_NONCE_LEN`] is `InvalidParameter` (checked in step 2); at
//! most [`MAX_NONCES`] nonces are remembered per AccessKey ID (when full, `Throttling.User` with a
//! retry-after: the time until the earliest of them expires); and
//! with a state file, timestamps from before the server started are `InvalidTimeStamp.Expired`
//! (see [`NonceCache::new`]), so a request captured before a restart cannot be replayed after it.

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

/// Longest `SignatureNonce` / `x-acs-signature-nonce` accepted (SDKs send 32 hex characters or a
/// 36-character UUID).
pub const MAX_NONCE_LEN: usize = 64;
/// Most nonces remembered at once per AccessKey ID (about 100 bytes each). Each ID has its own
/// bound, so that one key's flood never throttles another; the IDs are the configured ones (a
/// nonce is recorded only after its signature verified), so the whole cache is bounded too.
pub const MAX_NONCES: usize = 100_000;

/// What recording a nonce found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NonceCheck {
    /// Not seen in the window: recorded.
    Fresh,
    /// Already used in the window.
    Used,
    /// This AccessKey ID holds its bound of unexpired nonces: nothing recorded; room is made
    /// when the earliest of them expires ([`NonceCache::retry_after_secs`]).
    Full,
}

/// Nonces seen per AccessKey ID, each with the unix time after which it may be forgotten;
/// bounded in count per ID, and with a replay barrier: timestamps before it are refused, so that
/// requests signed before a restart (whose nonces this cache never saw) cannot be replayed.
#[derive(Debug)]
pub struct NonceCache {
    seen: Mutex<HashMap<String, KeyNonces>>,
    capacity: usize,
    not_before: i64,
}

/// The nonces of one AccessKey ID.
#[derive(Debug, Default)]
struct KeyNonces {
    until: HashMap<String, i64>,
    /// When this ID was last found full (a full purge runs at most once a second per ID)…
    last_full_purge: i64,
    /// …and the earliest expiry found then (what a throttled caller is told to wait for).
    earliest_expiry: i64,
}

impl KeyNonces {
    fn purge(&mut self, now: i64) {
        self.until.retain(|_, until| *until >= now);
    }
}

impl Default for NonceCache {
    fn default() -> Self {
        Self::new(MAX_NONCES, i64::MIN)
    }
}

impl NonceCache {
    /// At most `capacity` nonces per AccessKey ID; timestamps before `not_before` (unix seconds)
    /// are refused.
    pub fn new(capacity: usize, not_before: i64) -> Self {
        Self {
            seen: Mutex::new(HashMap::new()),
            capacity,
            not_before,
        }
    }

    /// The replay barrier: the earliest timestamp accepted (unix seconds).
    pub fn not_before(&self) -> i64 {
        self.not_before
    }

    /// Nonces remembered now, all AccessKey IDs together.
    pub fn len(&self) -> usize {
        self.lock().values().map(|k| k.until.len()).sum()
    }

    /// Whether no nonce is remembered.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, KeyNonces>> {
        match self.seen.lock() {
            Ok(seen) => seen,
            Err(poisoned) => poisoned.into_inner(),
        }
    }

    /// Seconds until `key`'s earliest nonce expires, as found when its nonces were last found
    /// full (at least 1): what a caller throttled by [`NonceCheck::Full`] should wait.
    pub fn retry_after_secs(&self, key: &str, now: i64) -> u64 {
        let earliest = self
            .lock()
            .get(key)
            .map_or(now, |nonces| nonces.earliest_expiry);
        u64::try_from(earliest.saturating_sub(now).saturating_add(1))
            .unwrap_or(1)
            .max(1)
    }

    /// Records `nonce` for `key` until `expires`.
    pub fn insert(&self, key: &str, nonce: &str, expires: i64, now: i64) -> NonceCheck {
        let mut seen = self.lock();
        let nonces = seen.entry(key.to_owned()).or_default();
        if let Some(until) = nonces.until.get(nonce) {
            if *until >= now {
                return NonceCheck::Used;
            }
        }
        // Forget expired nonces now and then (amortized: when the count doubles), and when full.
        let count = nonces.until.len();
        if count >= 1024 && count.is_power_of_two() {
            nonces.purge(now);
        }
        if nonces.until.len() >= self.capacity {
            if nonces.last_full_purge != now {
                nonces.last_full_purge = now;
                nonces.purge(now);
                nonces.earliest_expiry = nonces.until.values().copied().min().unwrap_or(now);
            }
            if nonces.until.len() >= self.capacity {
                return NonceCheck::Full;
            }
        }
        nonces.until.insert(nonce.to_owned(), expires);
        NonceCheck::Fresh
    }
}

/// Records `key`'s `nonce` (expiring a window after its timestamp `at`, or after now if later);
/// a used one is `SignatureNonceUsed`, and one that finds the key's nonces full is
/// `Throttling.User` with a retry-after until the earliest expires.
fn record_nonce(
    nonces: &NonceCache,
    key: &str,
    nonce: &str,
    at: i64,
    now: i64,
) -> Result<(), ApiError> {
    match nonces.insert(key, nonce, at.max(now) + WINDOW_SECS, now) {
        NonceCheck::Fresh => Ok(()),
        NonceCheck::Used => Err(ApiError::nonce_used()),
        NonceCheck::Full => Err(ApiError::throttled(Some(std::time::Duration::from_secs(
            nonces.retry_after_secs(key, now),
        )))),
    }
}

/// The nonce's length is bounded before anything is done with it.
fn check_nonce_length(name: &str, nonce: &str) -> Result<(), ApiError> {
    if nonce.len() > MAX_NONCE_LEN {
        return Err(ApiError::invalid_parameter(
            name,
            &format!(
                "must be at most {MAX_NONCE_LEN} characters long (got {})",
                nonce.len()
            ),
        ));
    }
    Ok(())
}

/// Parses an ISO 8601 UTC timestamp (`2016-02-23T12:46:24Z`, fractions and offsets allowed) into
/// unix seconds. Date and time are separated by `T`, as Alibaba documents (RFC 3339 would also
/// allow a space or `t`).
pub fn parse_timestamp(value: &str) -> Option<i64> {
    if value.as_bytes().get(10) != Some(&b'T') {
        return None;
    }
    time::OffsetDateTime::parse(value, &time::format_description::well_known::Rfc3339)
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

/// Timestamp format, window and replay barrier.
fn check_timestamp(value: &str, now: i64, not_before: i64) -> Result<i64, ApiError> {
    let at = parse_timestamp(value).ok_or_else(ApiError::timestamp_format)?;
    if now.saturating_sub(at).saturating_abs() > WINDOW_SECS || at < not_before {
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
    check_nonce_length("SignatureNonce", nonce)?;
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
    let at = check_timestamp(timestamp, now, nonces.not_before())?;
    if !v1::verify(parts.method, params.iter(), secret, signature) {
        return Err(ApiError::signature_mismatch());
    }
    record_nonce(nonces, key_id, nonce, at, now)?;
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
    check_nonce_length("x-acs-signature-nonce", nonce)?;
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
    let at = check_timestamp(date, now, nonces.not_before())?;
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
    record_nonce(nonces, auth.access_key_id, nonce, at, now)?;
    Ok(Caller {
        access_key_id: auth.access_key_id.to_owned(),
        action,
    })
}
