//! Request signing, sans-IO.
//!
//! Everything here is a pure function of method, parameters, headers, secret, time and nonce, so
//! it can be tested byte for byte against published known answers, and a *server* can call the
//! same functions to verify what a client sent:
//!
//! * [`v1`] — RPC signature version 1.0 (`HMAC-SHA1`, `Signature` query parameter).
//! * [`v3`] — `ACS3-HMAC-SHA256` (`Authorization` header), for RPC and ROA requests alike
//!   ([`v3::sign_headers`] signs every header a request carries, as the official SDKs do).
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

pub(crate) use encode::{
    all_unreserved, hex_lower, percent_encode_bytes, percent_encode_twice_only, push_hex_lower,
};
pub use encode::{is_unreserved, percent_encode, percent_encoded};

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
    timestamp_text(time).as_str().to_owned()
}

/// A short ASCII text kept on the stack: what the client signs with per attempt, without an
/// allocation.
#[derive(Clone, Copy)]
pub(crate) struct StackText<const N: usize> {
    bytes: [u8; N],
    len: u8,
}

impl<const N: usize> StackText<N> {
    const EMPTY: Self = Self {
        bytes: [0; N],
        len: 0,
    };

    /// `text`, or its first `N` bytes (nothing this holds is longer).
    fn new(text: &str) -> Self {
        let mut out = Self::EMPTY;
        let len = text.len().min(N).min(usize::from(u8::MAX));
        out.bytes[..len].copy_from_slice(&text.as_bytes()[..len]);
        out.len = len as u8;
        out
    }

    pub(crate) fn as_str(&self) -> &str {
        // Only ASCII is stored, so the check cannot fail.
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or_default()
    }
}

/// [`format_timestamp`] on the stack. The longest form, a negative five-digit year, has 21
/// characters.
pub(crate) fn timestamp_text(time: SystemTime) -> StackText<24> {
    // The text changes once a second and every attempt formats the current time, so each thread
    // keeps the last second it formatted (the calendar arithmetic is most of the cost).
    thread_local! {
        static LAST: std::cell::Cell<(u64, StackText<24>)> =
            const { std::cell::Cell::new((u64::MAX, StackText::EMPTY)) };
    }
    let Ok(since_epoch) = time.duration_since(std::time::UNIX_EPOCH) else {
        return StackText::new(&format_timestamp_uncached(time));
    };
    let second = since_epoch.as_secs();
    if let Ok((cached_second, text)) = LAST.try_with(std::cell::Cell::get) {
        if cached_second == second {
            return text;
        }
    }
    let text = StackText::new(&format_timestamp_uncached(time));
    let _ = LAST.try_with(|last| last.set((second, text)));
    text
}

fn format_timestamp_uncached(time: SystemTime) -> String {
    // `OffsetDateTime::from(SystemTime)` panics past the year 9999; such times are clamped to
    // the range the calendar covers (no real request or credential gets near it).
    let epoch = time::OffsetDateTime::UNIX_EPOCH;
    let t = match time.duration_since(std::time::UNIX_EPOCH) {
        Ok(after) => time::Duration::try_from(after)
            .ok()
            .and_then(|d| epoch.checked_add(d))
            .unwrap_or(time::PrimitiveDateTime::MAX.assume_utc()),
        Err(before) => time::Duration::try_from(before.duration())
            .ok()
            .and_then(|d| epoch.checked_sub(d))
            .unwrap_or(time::PrimitiveDateTime::MIN.assume_utc()),
    };
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

/// Appends `value` in decimal, zero-padded to `width` digits (wider values are written in full).
fn push_padded(out: &mut String, value: i64, width: usize) {
    if value < 0 {
        out.push('-');
    }
    let mut digits = [b'0'; 20];
    let mut n = value.unsigned_abs();
    let mut len = 0;
    while n > 0 || len < width {
        digits[len] = b'0' + (n % 10) as u8;
        n /= 10;
        len += 1;
        if len == digits.len() {
            break;
        }
    }
    for &d in digits[..len].iter().rev() {
        out.push(char::from(d));
    }
}

/// A fresh signature nonce: 32 lower-case hex characters (128 random bits), the form the official
/// SDKs send.
pub fn new_nonce() -> String {
    nonce_text().as_str().to_owned()
}

/// [`new_nonce`] on the stack.
pub(crate) fn nonce_text() -> StackText<32> {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let value: u128 = rand::random();
    let mut hex = StackText::<32> {
        bytes: [0; 32],
        len: 32,
    };
    for (pair, byte) in hex.bytes.chunks_exact_mut(2).zip(value.to_be_bytes()) {
        pair[0] = HEX[usize::from(byte >> 4)];
        pair[1] = HEX[usize::from(byte & 0x0f)];
    }
    hex
}

/// Compares two byte strings in time that depends only on their lengths.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// A parameter with the first eight bytes of its name as a big-endian number: comparing keys
/// first orders names in byte order without a string comparison in most cases.
type Keyed<'a> = (u64, &'a str, &'a str);

/// The first eight bytes of `name`, zero-padded, as a big-endian number. For two names, unequal
/// keys order them as their bytes do; equal keys need a full comparison.
pub(crate) const fn prefix_key(name: &str) -> u64 {
    let bytes = name.as_bytes();
    // Most names have eight bytes or more: one load.
    if let Some(first) = bytes.first_chunk::<8>() {
        return u64::from_be_bytes(*first);
    }
    // Shorter ones are put together from at most three loads, without a loop or a store per
    // byte (a byte-wise copy into a buffer read back as one word stalls the load).
    let len = bytes.len();
    match (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) {
        // 4–7 bytes: the first four and the last four, overlapping where len < 8.
        (Some(head), Some(tail)) => {
            ((u32::from_be_bytes(*head) as u64) << 32)
                | ((u32::from_be_bytes(*tail) as u64) << (8 * (8 - len)))
        }
        // 1–3 bytes: the first, the middle and the last one (some of them the same).
        _ if len > 0 => {
            const fn at(bytes: &[u8], i: usize) -> u64 {
                (bytes[i] as u64) << (56 - 8 * i)
            }
            at(bytes, 0) | at(bytes, len / 2) | at(bytes, len - 1)
        }
        _ => 0,
    }
}

/// Keyed parameters sorted by name, then value, in byte order, without those `skip` rejects.
fn keyed_sorted<'a>(
    params: impl IntoIterator<Item = (&'a str, &'a str)>,
    skip: impl Fn(&str) -> bool,
) -> Vec<Keyed<'a>> {
    let params = params.into_iter();
    let mut keyed: Vec<Keyed<'a>> = Vec::with_capacity(params.size_hint().0);
    for (name, value) in params {
        if !skip(name) {
            keyed.push((prefix_key(name), name, value));
        }
    }
    // Generated code may already write parameters in wire-name order.
    if !keyed.is_sorted() {
        keyed.sort_unstable();
    }
    keyed
}

/// Sorts parameters by name, then value, in byte order, and drops those `skip` rejects.
fn sorted_params<'a>(
    params: impl IntoIterator<Item = (&'a str, &'a str)>,
    skip: impl Fn(&str) -> bool,
) -> Vec<(&'a str, &'a str)> {
    keyed_sorted(params, skip)
        .into_iter()
        .map(|(_, name, value)| (name, value))
        .collect()
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

    /// The key is the first eight bytes, zero-padded, for every length.
    #[test]
    fn prefix_key_is_the_zero_padded_first_eight_bytes() {
        let text = "ABCDEFGHIJ\u{e9}";
        for len in 0..=text.len() {
            let bytes = &text.as_bytes()[..len];
            let mut padded = [0u8; 8];
            for (slot, byte) in padded.iter_mut().zip(bytes) {
                *slot = *byte;
            }
            let name = String::from_utf8_lossy(bytes);
            if name.as_bytes() == bytes {
                assert_eq!(prefix_key(&name), u64::from_be_bytes(padded), "{len} bytes");
            }
        }
    }

    #[test]
    fn timestamp_is_utc_seconds() {
        assert_eq!(format_timestamp(UNIX_EPOCH), "1970-01-01T00:00:00Z");
        let t = UNIX_EPOCH + Duration::from_millis(1_795_666_472_999);
        assert_eq!(format_timestamp(t), "2026-11-26T04:14:32Z");
    }

    /// The per-thread cache answers only for the same second, also going back in time.
    #[test]
    fn cached_timestamps_follow_the_second() {
        let t = UNIX_EPOCH + Duration::from_secs(1_795_666_472);
        assert_eq!(format_timestamp(t), "2026-11-26T04:14:32Z");
        assert_eq!(
            format_timestamp(t + Duration::from_millis(999)),
            "2026-11-26T04:14:32Z"
        );
        assert_eq!(
            format_timestamp(t + Duration::from_secs(1)),
            "2026-11-26T04:14:33Z"
        );
        assert_eq!(format_timestamp(t), "2026-11-26T04:14:32Z");
        assert_eq!(
            format_timestamp(UNIX_EPOCH - Duration::from_secs(1)),
            "1969-12-31T23:59:59Z"
        );
    }

    /// Past the calendar's range (the year 9999) the time is clamped instead of panicking.
    #[test]
    fn far_times_are_clamped_not_a_panic() {
        let far = UNIX_EPOCH + Duration::from_secs(253_402_300_800);
        assert_eq!(format_timestamp(far), "9999-12-31T23:59:59Z");
        assert_eq!(format_timestamp(far), "9999-12-31T23:59:59Z");
        let long_before = UNIX_EPOCH - Duration::from_secs(400_000_000_000);
        assert_eq!(format_timestamp(long_before), "-9999-01-01T00:00:00Z");
    }

    #[test]
    fn padding() {
        let mut s = String::new();
        push_padded(&mut s, 7, 4);
        s.push(' ');
        push_padded(&mut s, 12345, 4);
        s.push(' ');
        push_padded(&mut s, 0, 2);
        s.push(' ');
        push_padded(&mut s, -5, 2);
        assert_eq!(s, "0007 12345 00 -05");
    }

    #[test]
    fn nonce_is_32_hex() {
        let a = new_nonce();
        let b = new_nonce();
        assert_eq!(a.len(), 32);
        assert!(a
            .bytes()
            .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
        assert_ne!(a, b);
    }

    #[test]
    fn constant_time_eq_compares() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"ab"));
    }
}
