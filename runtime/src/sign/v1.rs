//! RPC signature version 1.0: `HMAC-SHA1` over the sorted, percent-encoded parameters.
//!
//! The string to sign is `METHOD&%2F&` followed by the percent-encoding of the canonical query:
//! all parameters except `Signature`, sorted by name in byte order, each name and value
//! percent-encoded ([`super::percent_encode`]) and joined as `k=v` with `&`. The signature is
//! `Base64(HMAC-SHA1(AccessKeySecret + "&", string_to_sign))`, sent as the `Signature` parameter.
//!
//! A server verifies a request by passing every parameter it received — query and
//! `application/x-www-form-urlencoded` body together, already percent-decoded — with the method
//! it was received with to [`verify`].

use base64::Engine as _;
use hmac::{Hmac, Mac};
use sha1::Sha1;

use super::encode::percent_encode_twice;
use super::{keyed_sorted, percent_encode, prefix_key, sorted_params, write_encoded_pairs, Keyed};

type HmacSha1 = Hmac<Sha1>;

/// HMAC accepts keys of any length, so `new_from_slice` cannot fail; the fallback (the all-zero
/// block key) only keeps this free of panics.
fn new_hmac(key: &[u8]) -> HmacSha1 {
    <HmacSha1 as Mac>::new_from_slice(key).unwrap_or_else(|_| HmacSha1::new(&Default::default()))
}

/// The `SignatureMethod` value of this scheme.
pub const SIGNATURE_METHOD: &str = "HMAC-SHA1";
/// The `SignatureVersion` value of this scheme.
pub const SIGNATURE_VERSION: &str = "1.0";
/// The parameter that carries the signature; it is never part of what is signed.
pub const SIGNATURE_PARAM: &str = "Signature";

/// The canonical query: parameters other than `Signature`, sorted by name (then value) in byte
/// order, percent-encoded, joined as `k=v` with `&`.
///
/// The result is also a valid wire query string.
pub fn canonical_query<'a>(params: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let sorted = sorted_params(params, |name| name == SIGNATURE_PARAM);
    let mut out = String::with_capacity(sorted.len() * 24);
    write_encoded_pairs(&sorted, &mut out);
    out
}

/// The string to sign: `METHOD&%2F&` + percentEncode(canonical query).
///
/// `method` is the HTTP method actually used (`GET`, `POST`), in upper case as sent.
/// A `Signature` entry among `params` is ignored.
pub fn string_to_sign<'a>(
    method: &str,
    params: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> String {
    let sorted = sorted_params(params, |name| name == SIGNATURE_PARAM);
    let payload: usize = sorted.iter().map(|(n, v)| n.len() + v.len() + 2).sum();
    let mut query = String::with_capacity(payload * 3 / 2);
    let mut out = Vec::with_capacity(method.len() + 5 + payload * 2);
    write_query_and_string_to_sign(method, &sorted, &mut query, &mut out);
    // Only ASCII was written (the method aside, which is copied as given).
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Appends the string to sign for an already-built canonical query to `out`.
pub fn write_string_to_sign(method: &str, canonical_query: &str, out: &mut String) {
    out.push_str(method);
    out.push_str("&%2F&");
    percent_encode(canonical_query, out);
}

/// The v1 signature of a request: `Base64(HMAC-SHA1(access_key_secret + "&", string_to_sign))`.
///
/// ```
/// use acs_runtime::sign::v1;
/// let params = [
///     ("Action", "DescribeRegions"), ("Version", "2014-05-26"), ("Format", "XML"),
///     ("AccessKeyId", "testid"), ("SignatureMethod", "HMAC-SHA1"), ("SignatureVersion", "1.0"),
///     ("SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"),
///     ("Timestamp", "2016-02-23T12:46:24Z"),
/// ];
/// assert_eq!(v1::signature("GET", params, "testsecret"), "OLeaidS1JvxuMvnyHOwuJ+uX5qY=");
/// ```
pub fn signature<'a>(
    method: &str,
    params: impl IntoIterator<Item = (&'a str, &'a str)>,
    access_key_secret: &str,
) -> String {
    SigningKey::new(access_key_secret).sign(&string_to_sign(method, params))
}

/// Checks a received v1 signature in constant time.
///
/// `params` are all received parameters (query and form body), percent-decoded; a `Signature`
/// entry among them is ignored. `signature` is the received `Signature` value, decoded.
pub fn verify<'a>(
    method: &str,
    params: impl IntoIterator<Item = (&'a str, &'a str)>,
    access_key_secret: &str,
    signature: &str,
) -> bool {
    let expected = self::signature(method, params, access_key_secret);
    super::constant_time_eq(expected.as_bytes(), signature.as_bytes())
}

/// An HMAC-SHA1 key (`secret + "&"`) with its inner and outer pads already absorbed, so signing
/// many requests with one secret skips two compression rounds each.
///
/// `Debug` does not show the key.
#[derive(Clone)]
pub struct SigningKey {
    mac: HmacSha1,
}

impl SigningKey {
    /// Prepares the key `access_key_secret + "&"`.
    pub fn new(access_key_secret: &str) -> Self {
        let mut key = Vec::with_capacity(access_key_secret.len() + 1);
        key.extend_from_slice(access_key_secret.as_bytes());
        key.push(b'&');
        Self {
            mac: new_hmac(&key),
        }
    }

    /// `Base64(HMAC-SHA1(key, string_to_sign))`.
    pub fn sign(&self, string_to_sign: &str) -> String {
        let mut out = String::with_capacity(28);
        self.sign_into(string_to_sign, &mut out);
        out
    }

    /// Appends `Base64(HMAC-SHA1(key, string_to_sign))` to `out`.
    pub fn sign_into(&self, string_to_sign: &str, out: &mut String) {
        self.sign_bytes_into(string_to_sign.as_bytes(), out);
    }

    fn sign_bytes_into(&self, string_to_sign: &[u8], out: &mut String) {
        base64::engine::general_purpose::STANDARD.encode_string(self.digest(string_to_sign), out);
    }

    /// Appends the percent-encoded Base64 signature (the `Signature` query value) to `out`.
    fn sign_bytes_encoded_into(&self, string_to_sign: &[u8], out: &mut String) {
        let mut base64 = [0u8; 28];
        match base64::engine::general_purpose::STANDARD
            .encode_slice(self.digest(string_to_sign), &mut base64)
        {
            Ok(len) => {
                for &byte in &base64[..len] {
                    match byte {
                        b'+' => out.push_str("%2B"),
                        b'/' => out.push_str("%2F"),
                        b'=' => out.push_str("%3D"),
                        _ => out.push(char::from(byte)),
                    }
                }
            }
            // 20 bytes always encode to 28; kept panic-free all the same.
            Err(_) => self.sign_bytes_into_encoded_slow(string_to_sign, out),
        }
    }

    fn sign_bytes_into_encoded_slow(&self, string_to_sign: &[u8], out: &mut String) {
        let mut signature = String::with_capacity(28);
        self.sign_bytes_into(string_to_sign, &mut signature);
        percent_encode(&signature, out);
    }

    /// The signature of the string to sign that `write` appends to an empty buffer: a reused
    /// per-thread buffer, so no string to sign is allocated per request.
    pub(crate) fn sign_written(&self, write: impl FnOnce(&mut Vec<u8>)) -> Base64Signature {
        with_string_to_sign_buffer(|to_sign| {
            write(to_sign);
            Base64Signature::of(self.digest(to_sign))
        })
    }

    fn digest(&self, string_to_sign: &[u8]) -> [u8; 20] {
        let mut mac = self.mac.clone();
        mac.update(string_to_sign);
        mac.finalize().into_bytes().into()
    }
}

/// A v1 signature in Base64, on the stack: HMAC-SHA1's 20 bytes are always 28 characters.
#[derive(Default)]
pub(crate) struct Base64Signature {
    text: [u8; 28],
}

impl Base64Signature {
    /// Standard Base64 of the 20 bytes, by hand: six 3-byte groups, then two bytes and `=`
    /// (the general engine costs several times as much for this one fixed size).
    fn of(digest: [u8; 20]) -> Self {
        const ALPHABET: &[u8; 64] =
            b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let sextet = |bits: u32| ALPHABET[(bits & 0x3f) as usize];
        let mut text = [b'='; 28];
        for (group, out) in digest.chunks(3).zip(text.chunks_exact_mut(4)) {
            let b = |i: usize| u32::from(group.get(i).copied().unwrap_or(0));
            let bits = (b(0) << 16) | (b(1) << 8) | b(2);
            out[0] = sextet(bits >> 18);
            out[1] = sextet(bits >> 12);
            out[2] = sextet(bits >> 6);
            if group.len() == 3 {
                out[3] = sextet(bits);
            }
        }
        Self { text }
    }

    pub(crate) fn as_str(&self) -> &str {
        // Base64 is ASCII, so the check cannot fail.
        std::str::from_utf8(&self.text).unwrap_or_default()
    }
}

impl std::fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SigningKey(<redacted>)")
    }
}

/// The common parameters of a v1 request (everything but the operation's own parameters and the
/// signature).
#[derive(Clone, Copy, Debug)]
pub struct CommonParams<'a> {
    /// `Action`, e.g. `CreateInstances`.
    pub action: &'a str,
    /// `Version`, e.g. `2020-06-01`.
    pub version: &'a str,
    /// `Format`: `JSON` (or `XML`).
    pub format: &'a str,
    /// `AccessKeyId`.
    pub access_key_id: &'a str,
    /// `SecurityToken`, only with STS credentials.
    pub security_token: Option<&'a str>,
    /// `SignatureNonce`: unique per request (32 hex characters from [`super::new_nonce`]).
    pub signature_nonce: &'a str,
    /// `Timestamp`: UTC `YYYY-MM-DDThh:mm:ssZ` ([`super::format_timestamp`]).
    pub timestamp: &'a str,
}

/// Appends the canonical query of the sorted `pairs` to `query` and the string to sign to
/// `to_sign`, in one pass over the parameters.
fn write_query_and_string_to_sign(
    method: &str,
    pairs: &[(&str, &str)],
    query: &mut String,
    to_sign: &mut Vec<u8>,
) {
    to_sign.extend_from_slice(method.as_bytes());
    to_sign.extend_from_slice(b"&%2F&");
    for (i, (name, value)) in pairs.iter().enumerate() {
        write_pair(i == 0, name, value, query, to_sign);
    }
}

/// Appends `[&]name=value` to the query and its encoding to the string to sign.
#[inline]
fn write_pair(first: bool, name: &str, value: &str, query: &mut String, to_sign: &mut Vec<u8>) {
    if !first {
        query.push('&');
        to_sign.extend_from_slice(b"%26");
    }
    percent_encode_twice(name, query, to_sign);
    query.push('=');
    to_sign.extend_from_slice(b"%3D");
    percent_encode_twice(value, query, to_sign);
}

/// [`write_pair`] for a name known to need no escaping (one of the common parameters).
#[inline]
fn write_plain_name_pair(
    first: bool,
    name: &str,
    value: &str,
    query: &mut String,
    to_sign: &mut Vec<u8>,
) {
    debug_assert!(name.bytes().all(super::is_unreserved));
    if !first {
        query.push('&');
        to_sign.extend_from_slice(b"%26");
    }
    query.push_str(name);
    query.push('=');
    to_sign.extend_from_slice(name.as_bytes());
    to_sign.extend_from_slice(b"%3D");
    percent_encode_twice(value, query, to_sign);
}

/// Names the client sets itself; operation parameters with these names are dropped.
fn is_common(name: &str) -> bool {
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

/// Signs a request and returns its complete wire query (no leading `?`): the common parameters
/// `Action, Version, Format, AccessKeyId, SignatureMethod=HMAC-SHA1, SignatureVersion=1.0,
/// SignatureNonce, Timestamp, SecurityToken` (STS only) and the operation's `params`, sorted and
/// percent-encoded, followed by `&Signature=…`.
///
/// Operation parameters named like a common parameter are dropped: the common value wins.
pub fn sign_request<'a>(
    method: &str,
    common: &CommonParams<'_>,
    params: impl IntoIterator<Item = (&'a str, &'a str)>,
    access_key_secret: &str,
) -> String {
    let mut out = String::new();
    sign_request_into(
        method,
        common,
        params,
        &SigningKey::new(access_key_secret),
        &mut out,
    );
    out
}

/// [`sign_request`] with a prepared [`SigningKey`], appending the query to `out` (one pass over
/// the parameters; `out` can be a reused buffer).
pub fn sign_request_into<'a>(
    method: &str,
    common: &CommonParams<'_>,
    params: impl IntoIterator<Item = (&'a str, &'a str)>,
    key: &SigningKey,
    out: &mut String,
) {
    // The common parameters in byte order of their names, keys computed at compile time.
    const KEYS: [u64; 9] = [
        prefix_key("AccessKeyId"),
        prefix_key("Action"),
        prefix_key("Format"),
        prefix_key("SecurityToken"),
        prefix_key("SignatureMethod"),
        prefix_key("SignatureNonce"),
        prefix_key("SignatureVersion"),
        prefix_key("Timestamp"),
        prefix_key("Version"),
    ];
    let mut common_sorted: [Keyed<'_>; 9] = [
        (KEYS[0], "AccessKeyId", common.access_key_id),
        (KEYS[1], "Action", common.action),
        (KEYS[2], "Format", common.format),
        (KEYS[3], "SecurityToken", ""),
        (KEYS[4], "SignatureMethod", SIGNATURE_METHOD),
        (KEYS[5], "SignatureNonce", common.signature_nonce),
        (KEYS[6], "SignatureVersion", SIGNATURE_VERSION),
        (KEYS[7], "Timestamp", common.timestamp),
        (KEYS[8], "Version", common.version),
    ];
    let common_list: &[Keyed<'_>] = match common.security_token {
        Some(token) => {
            common_sorted[3].2 = token;
            &common_sorted
        }
        None => {
            common_sorted.copy_within(4.., 3);
            &common_sorted[..8]
        }
    };
    // Only the operation's own parameters need sorting; the two sorted lists are merged.
    let own = keyed_sorted(params, is_common);

    let payload: usize = common_list
        .iter()
        .chain(&own)
        .map(|(_, n, v)| n.len() + v.len() + 2)
        .sum();
    out.reserve(payload + payload / 2 + 40);
    let sign = |to_sign: &mut Vec<u8>, out: &mut String| {
        to_sign.reserve(method.len() + 5 + payload * 2);
        to_sign.extend_from_slice(method.as_bytes());
        to_sign.extend_from_slice(b"&%2F&");
        let mut common_iter = common_list.iter().peekable();
        let mut own_iter = own.iter().peekable();
        let mut first = true;
        loop {
            // The common names are unreserved: they are written without a scan.
            let (next, plain_name) = match (common_iter.peek(), own_iter.peek()) {
                (Some(a), Some(b)) if a <= b => (common_iter.next(), true),
                (_, Some(_)) => (own_iter.next(), false),
                (Some(_), None) => (common_iter.next(), true),
                (None, None) => break,
            };
            if let Some(&(_, name, value)) = next {
                if plain_name {
                    write_plain_name_pair(first, name, value, out, to_sign);
                } else {
                    write_pair(first, name, value, out, to_sign);
                }
                first = false;
            }
        }
        out.push_str("&Signature=");
        key.sign_bytes_encoded_into(to_sign, out);
    };
    with_string_to_sign_buffer(|to_sign| sign(to_sign, out));
}

/// Runs `write` with an empty per-thread buffer for a string to sign, reused: no allocation per
/// request once it has grown. Only the signers borrow it and nothing they run calls back out, so
/// the borrow cannot fail; if it did, a fresh buffer does.
fn with_string_to_sign_buffer<T: Default>(write: impl FnOnce(&mut Vec<u8>) -> T) -> T {
    let mut write = Some(write);
    let mut result = None;
    let _ = STRING_TO_SIGN.try_with(|buffer| {
        // `write` is taken only once the buffer is there, so it runs exactly once.
        let Ok(mut to_sign) = buffer.try_borrow_mut() else {
            return;
        };
        if let Some(write) = write.take() {
            to_sign.clear();
            result = Some(write(&mut to_sign));
            if to_sign.capacity() > KEPT_BUFFER_BYTES {
                *to_sign = Vec::new();
            }
        }
    });
    match (result, write) {
        (Some(result), _) => result,
        (None, Some(write)) => write(&mut Vec::new()),
        // `write` was taken only to run; it cannot have run without a result.
        (None, None) => T::default(),
    }
}

/// The largest string-to-sign buffer a thread keeps for the next request.
const KEPT_BUFFER_BYTES: usize = 16 * 1024;

thread_local! {
    static STRING_TO_SIGN: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hand-written encoding agrees with the general engine on every kind of byte.
    #[test]
    fn base64_signature_matches_the_engine() {
        for seed in [0u8, 1, 0x3f, 0x80, 0xfe, 0xff, 0x5a] {
            let digest: [u8; 20] =
                std::array::from_fn(|i| seed.wrapping_mul(i as u8 + 7) ^ (i as u8 * 13));
            let expected = base64::engine::general_purpose::STANDARD.encode(digest);
            assert_eq!(Base64Signature::of(digest).as_str(), expected);
        }
    }

    const PUBLISHED: [(&str, &str); 8] = [
        ("Action", "DescribeRegions"),
        ("Version", "2014-05-26"),
        ("Format", "XML"),
        ("AccessKeyId", "testid"),
        ("SignatureMethod", "HMAC-SHA1"),
        ("SignatureVersion", "1.0"),
        ("SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"),
        ("Timestamp", "2016-02-23T12:46:24Z"),
    ];

    #[test]
    fn published_vector() {
        assert_eq!(
            signature("GET", PUBLISHED, "testsecret"),
            "OLeaidS1JvxuMvnyHOwuJ+uX5qY="
        );
    }

    #[test]
    fn signature_param_is_ignored_and_verify_works() {
        let mut with_sig = PUBLISHED.to_vec();
        with_sig.push(("Signature", "OLeaidS1JvxuMvnyHOwuJ+uX5qY="));
        assert!(verify(
            "GET",
            with_sig.iter().copied(),
            "testsecret",
            "OLeaidS1JvxuMvnyHOwuJ+uX5qY="
        ));
        assert!(!verify(
            "POST",
            with_sig.iter().copied(),
            "testsecret",
            "OLeaidS1JvxuMvnyHOwuJ+uX5qY="
        ));
    }

    #[test]
    fn sign_request_matches_published_vector() {
        let common = CommonParams {
            action: "DescribeRegions",
            version: "2014-05-26",
            format: "XML",
            access_key_id: "testid",
            security_token: None,
            signature_nonce: "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
            timestamp: "2016-02-23T12:46:24Z",
        };
        let query = sign_request("GET", &common, [("Action", "Ignored")], "testsecret");
        assert_eq!(
            query,
            "AccessKeyId=testid&Action=DescribeRegions&Format=XML&SignatureMethod=HMAC-SHA1\
             &SignatureNonce=3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf&SignatureVersion=1.0\
             &Timestamp=2016-02-23T12%3A46%3A24Z&Version=2014-05-26\
             &Signature=OLeaidS1JvxuMvnyHOwuJ%2BuX5qY%3D"
        );
    }

    /// The one-pass path (own parameters sorted, merged with the common ones, encoded once and
    /// twice in one go) signs exactly like the plain definition ([`canonical_query`] and
    /// [`signature`] over every parameter), with a security token and up to 40 parameters.
    #[test]
    fn fast_path_matches_the_definition_with_many_parameters_and_a_token() {
        for count in [0, 1, 17, 40] {
            let names: Vec<String> = (0..count).map(|i| format!("Param{i:02}.Key")).collect();
            // Reverse order, so that sorting is needed; values that need escaping.
            let own: Vec<(&str, &str)> = names
                .iter()
                .rev()
                .map(|n| (n.as_str(), "v a:l/中"))
                .collect();
            let common = CommonParams {
                action: "RunInstances",
                version: "2014-05-26",
                format: "JSON",
                access_key_id: "LTAI5tExampleAccessKeyId",
                security_token: Some("tok/en+=="),
                signature_nonce: "0123456789abcdef0123456789abcdef",
                timestamp: "2026-11-26T04:34:32Z",
            };
            let query = sign_request("POST", &common, own.iter().copied(), "secret");
            let mut all = own.clone();
            all.extend([
                ("Action", "RunInstances"),
                ("Version", "2014-05-26"),
                ("Format", "JSON"),
                ("AccessKeyId", "LTAI5tExampleAccessKeyId"),
                ("SecurityToken", "tok/en+=="),
                ("SignatureMethod", "HMAC-SHA1"),
                ("SignatureVersion", "1.0"),
                ("SignatureNonce", "0123456789abcdef0123456789abcdef"),
                ("Timestamp", "2026-11-26T04:34:32Z"),
            ]);
            let expected = format!(
                "{}&Signature={}",
                canonical_query(all.iter().copied()),
                super::super::percent_encoded(&signature("POST", all.iter().copied(), "secret"))
            );
            assert_eq!(query, expected, "{count} operation parameters");
        }
    }

    #[test]
    fn long_secret_is_supported() {
        // Keys longer than the SHA-1 block are hashed first; expected value from Python's
        // `hmac.new(b"s" * 100 + b"&", b"x", hashlib.sha1)`.
        let secret = "s".repeat(100);
        assert_eq!(
            SigningKey::new(&secret).sign("x"),
            "Mi7uHWaiEOyNfMH+aI13RP0ZInE="
        );
        assert_eq!(
            format!("{:?}", SigningKey::new("topsecret")),
            "SigningKey(<redacted>)"
        );
    }
}
