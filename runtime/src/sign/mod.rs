//! Request signing, sans-IO.
//!
//! Everything here is a pure function of method, parameters, headers, secret, time and nonce, so
//! it can be tested byte for byte against published known answers, and a *server* can call the
//! same functions to verify what a client sent:
//!
//! * [`v1`] — RPC signature version 1.0 (`HMAC-SHA1`, `Signature` query parameter).
//! * [`v3`] — `ACS3-HMAC-SHA256` (`Authorization` header).
//! * [`percent_encode`] — the RFC 3986 encoding both use.
//!
//! Verifying on a server:
//!
//! ```
//! use acs_runtime::sign::v1;
//! // Every received query and form parameter, `Signature` included (it is skipped when signing).
//! let received = [("Action", "DescribeRegions"), ("Signature", "bogus")];
//! let ok = v1::verify("GET", received.iter().copied(), "secret", "bogus");
//! assert!(!ok);
//! ```

mod encode;
pub mod v1;
pub mod v3;

use std::time::SystemTime;

pub use encode::{is_unreserved, percent_encode, percent_encoded};
pub(crate) use encode::{hex_lower, push_hex_lower};

/// A request that cannot be signed or a signature header that cannot be read.
///
/// Messages name the header or field at fault; they never contain a secret or a signature.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SignError {
    /// A header named in the signed-header list is not among the request's headers.
    #[error("signed header `{0}` is missing from the request")]
    MissingSignedHeader(String),
    /// A header named in the signed-header list occurs more than once.
    #[error("signed header `{0}` occurs more than once")]
    DuplicateSignedHeader(String),
    /// The signed-header list is empty or has an empty name.
    #[error("the signed-header list is empty or contains an empty name")]
    EmptySignedHeader,
    /// An `Authorization` header that is not `ACS3-HMAC-SHA256 Credential=…,SignedHeaders=…,Signature=…`.
    #[error("malformed Authorization header: {0}")]
    MalformedAuthorization(&'static str),
}

/// Formats `time` as the UTC timestamp both signature versions use: `YYYY-MM-DDThh:mm:ssZ`.
///
/// ```
/// use std::time::{Duration, UNIX_EPOCH};
/// let t = UNIX_EPOCH + Duration::from_secs(1_456_231_584);
/// assert_eq!(acs_runtime::sign::format_timestamp(t), "2016-02-23T12:46:24Z");
/// ```
pub fn format_timestamp(time: SystemTime) -> String {
    let t = time::OffsetDateTime::from(time);
    let mut out = String::with_capacity(20);
    push_padded(&mut out, i64::from(t.year()), 4);
    out.push('-');
    push_padded(&mut out, i64::from(u8::from(t.month())), 2);
    out.push('-');
    push_padded(&mut out, i64::from(t.day()), 2);
    out.push('T');
    push_padded(&mut out, i64::from(t.hour()), 2);
    out.push(':');
    push_padded(&mut out, i64::from(t.minute()), 2);
    out.push(':');
    push_padded(&mut out, i64::from(t.second()), 2);
    out.push('Z');
    out
}

fn push_padded(out: &mut String, value: i64, width: usize) {
    use std::fmt::Write;
    // Writing to a String cannot fail.
    let _ = write!(out, "{value:0width$}");
}

/// A fresh signature nonce: 32 lower-case hex characters (128 random bits), the form the official
/// SDKs send.
pub fn new_nonce() -> String {
    let value: u128 = rand::random();
    format!("{value:032x}")
}

/// Compares two byte strings in time that depends only on their lengths.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Sorts parameters by name, then value, in byte order, and drops those `skip` rejects.
fn sorted_params<'a>(
    params: impl IntoIterator<Item = (&'a str, &'a str)>,
    skip: impl Fn(&str) -> bool,
) -> Vec<(&'a str, &'a str)> {
    let mut sorted: Vec<(&'a str, &'a str)> =
        params.into_iter().filter(|(name, _)| !skip(name)).collect();
    sorted.sort_unstable();
    sorted
}

/// Appends `k=v&k=v…` with both sides percent-encoded, in the given order.
fn write_encoded_pairs(pairs: &[(&str, &str)], out: &mut String) {
    for (i, (name, value)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        percent_encode(name, out);
        out.push('=');
        percent_encode(value, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, UNIX_EPOCH};

    #[test]
    fn timestamp_is_utc_seconds() {
        assert_eq!(format_timestamp(UNIX_EPOCH), "1970-01-01T00:00:00Z");
        let t = UNIX_EPOCH + Duration::from_millis(1_795_666_472_999);
        assert_eq!(format_timestamp(t), "2026-11-26T04:14:32Z");
    }

    #[test]
    fn nonce_is_32_hex() {
        let a = new_nonce();
        let b = new_nonce();
        assert_eq!(a.len(), 32);
        assert!(a.bytes().all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
        assert_ne!(a, b);
    }

    #[test]
    fn constant_time_eq_compares() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"ab"));
    }
}
