//! RFC 3986 percent-encoding as Alibaba Cloud's signatures require it.
//!
//! Unreserved characters (`A-Z a-z 0-9 - _ . ~`) are kept; every other byte of the UTF-8 form is
//! written as `%XX` with upper-case hex digits. So a space becomes `%20` (never `+`), `*` becomes
//! `%2A`, and `~` stays `~` — exactly what the official SDKs produce after their
//! `URLEncoder` fix-ups.

/// Whether RFC 3986 calls `c` unreserved: the one definition the table and the compile-time
/// check are built from.
const fn unreserved(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'-' || c == b'_' || c == b'.' || c == b'~'
}

/// `true` for the bytes RFC 3986 calls unreserved.
const fn unreserved_table() -> [bool; 256] {
    let mut table = [false; 256];
    let mut b = 0usize;
    while b < 256 {
        table[b] = unreserved(b as u8);
        b += 1;
    }
    table
}

static UNRESERVED: [bool; 256] = unreserved_table();
const HEX_DIGITS: &[u8; 16] = b"0123456789ABCDEF";

/// Appends `%XX` for `byte` (fixed-size pushes, which inline).
#[inline]
fn push_escaped(byte: u8, out: &mut String) {
    out.push('%');
    out.push(char::from(HEX_DIGITS[usize::from(byte >> 4)]));
    out.push(char::from(HEX_DIGITS[usize::from(byte & 0x0f)]));
}

/// Whether `byte` is left as-is by [`percent_encode`].
#[inline]
pub fn is_unreserved(byte: u8) -> bool {
    UNRESERVED[byte as usize]
}

/// Whether every byte of `text` is unreserved, so that percent-encoding leaves it as it is;
/// usable in constants (an operation's action and version are checked at compile time).
pub(crate) const fn all_unreserved(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !unreserved(bytes[i]) {
            return false;
        }
        i += 1;
    }
    true
}

/// Appends the RFC 3986 percent-encoding of `input` to `out`.
///
/// Runs of unreserved characters are copied in one go, so encoding into a reused buffer costs one
/// pass and no allocation once the buffer has grown.
///
/// ```
/// let mut out = String::new();
/// acs_runtime::sign::percent_encode("a b*c~中", &mut out);
/// assert_eq!(out, "a%20b%2Ac~%E4%B8%AD");
/// ```
pub fn percent_encode(input: &str, out: &mut String) {
    let bytes = input.as_bytes();
    let mut run_start = 0;
    for (i, &byte) in bytes.iter().enumerate() {
        if UNRESERVED[byte as usize] {
            continue;
        }
        if run_start < i {
            // The run is non-empty and all ASCII, so both ends are char boundaries.
            out.push_str(&input[run_start..i]);
        }
        push_escaped(byte, out);
        run_start = i + 1;
    }
    if run_start < bytes.len() {
        out.push_str(&input[run_start..]);
    }
}

/// The RFC 3986 percent-encoding of `input` as a new string (see [`percent_encode`]).
pub fn percent_encoded(input: &str) -> String {
    let mut out = String::with_capacity(input.len() + input.len() / 2);
    percent_encode(input, &mut out);
    out
}

/// One pass, two outputs: appends `percent_encode(input)` to `once` and
/// `percent_encode(percent_encode(input))` to `twice` (the v1 string to sign encodes the
/// canonical query a second time).
pub(crate) fn percent_encode_twice(input: &str, once: &mut String, twice: &mut Vec<u8>) {
    let bytes = input.as_bytes();
    let mut run_start = 0;
    for (i, &byte) in bytes.iter().enumerate() {
        if UNRESERVED[byte as usize] {
            continue;
        }
        if run_start < i {
            // The run is non-empty and all ASCII, so both ends are char boundaries.
            once.push_str(&input[run_start..i]);
            twice.extend_from_slice(&bytes[run_start..i]);
        }
        let hi = HEX_DIGITS[usize::from(byte >> 4)];
        let lo = HEX_DIGITS[usize::from(byte & 0x0f)];
        push_escaped(byte, once);
        twice.extend_from_slice(&[b'%', b'2', b'5', hi, lo]);
        run_start = i + 1;
    }
    if run_start < bytes.len() {
        once.push_str(&input[run_start..]);
        twice.extend_from_slice(&bytes[run_start..]);
    }
}

/// Appends `percent_encode(percent_encode(input))` to `twice` in one pass: what the v1 string to
/// sign holds for a name or value whose single encoding is not needed.
#[inline]
pub(crate) fn percent_encode_twice_only(input: &str, twice: &mut Vec<u8>) {
    encode_by_words::<true>(input, twice);
}

/// [`percent_encode`] into bytes, by words: how a request's query is rendered into its URL.
#[inline]
pub(crate) fn percent_encode_bytes(input: &str, out: &mut Vec<u8>) {
    encode_by_words::<false>(input, out);
}

/// Appends the percent-encoding of `input` to `out`, encoded a second time when `TWICE` (each
/// escape `%XX` then reads `%25XX`).
///
/// Eight bytes at a time: names and values are mostly unreserved, and a word of them is tested
/// without branches per byte and copied as one fixed-size store (no `memcpy` call per run).
/// The last 1–7 bytes are gathered into one word while tested, then stored whole and the
/// padding cut off again (cheaper than a store and a length update per byte).
#[inline]
fn encode_by_words<const TWICE: bool>(input: &str, out: &mut Vec<u8>) {
    let push_byte = |byte: u8, out: &mut Vec<u8>| {
        if UNRESERVED[usize::from(byte)] {
            out.push(byte);
        } else {
            let hi = HEX_DIGITS[usize::from(byte >> 4)];
            let lo = HEX_DIGITS[usize::from(byte & 0x0f)];
            match TWICE {
                true => out.extend_from_slice(&[b'%', b'2', b'5', hi, lo]),
                false => out.extend_from_slice(&[b'%', hi, lo]),
            }
        }
    };
    let mut words = input.as_bytes().chunks_exact(8);
    for word in words.by_ref() {
        match word.first_chunk::<8>() {
            Some(word)
                if word
                    .iter()
                    .fold(true, |all, &b| all & UNRESERVED[usize::from(b)]) =>
            {
                out.extend_from_slice(word);
            }
            _ => word.iter().for_each(|&byte| push_byte(byte, out)),
        }
    }
    let tail = words.remainder();
    if tail.is_empty() {
        return;
    }
    let (word, all_unreserved) = tail.iter().rev().fold((0u64, true), |(word, all), &b| {
        ((word << 8) | u64::from(b), all & UNRESERVED[usize::from(b)])
    });
    if all_unreserved {
        let len = out.len() + tail.len();
        out.extend_from_slice(&word.to_le_bytes());
        out.truncate(len);
    } else {
        tail.iter().for_each(|&byte| push_byte(byte, out));
    }
}

/// Appends the lower-case hex form of `bytes` to `out`.
pub(crate) fn push_hex_lower(bytes: &[u8], out: &mut String) {
    const HEX_LOWER: &[u8; 16] = b"0123456789abcdef";
    out.reserve(bytes.len() * 2);
    for &byte in bytes {
        out.push(char::from(HEX_LOWER[usize::from(byte >> 4)]));
        out.push(char::from(HEX_LOWER[usize::from(byte & 0x0f)]));
    }
}

/// Lower-case hex of `bytes`.
pub(crate) fn hex_lower(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    push_hex_lower(bytes, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The compile-time check agrees with the table on every byte, alone and inside text.
    #[test]
    fn all_unreserved_agrees_with_the_table() {
        for byte in 0..=127u8 {
            let text = format!("Ab{}9", char::from(byte));
            assert_eq!(all_unreserved(&text), is_unreserved(byte), "{byte:#x}");
        }
        assert!(all_unreserved(""));
        assert!(!all_unreserved("caf\u{e9}"));
        const { assert!(all_unreserved("CreateInstances")) };
    }

    #[test]
    fn keeps_unreserved_and_escapes_the_rest() {
        assert_eq!(percent_encoded(""), "");
        assert_eq!(percent_encoded("AZaz09-_.~"), "AZaz09-_.~");
        assert_eq!(percent_encoded(" *+/=&%"), "%20%2A%2B%2F%3D%26%25");
        assert_eq!(percent_encoded("é"), "%C3%A9");
        assert_eq!(percent_encoded("a😀b"), "a%F0%9F%98%80b");
    }

    #[test]
    fn appends_to_existing_content() {
        let mut out = String::from("x=");
        percent_encode("1 2", &mut out);
        assert_eq!(out, "x=1%202");
    }

    #[test]
    fn double_encoding_matches_two_passes() {
        for input in [
            "",
            "abc",
            "a b",
            "中文=&%",
            "x~y*z",
            "T12:46:24Z",
            "2026-11-26T04:14:32Z",
            "exactly8",
            "sixteen bytes!!!",
            "Tag.1.Key=v&x",
        ] {
            let mut once = String::from(">");
            let mut twice = b"<".to_vec();
            percent_encode_twice(input, &mut once, &mut twice);
            assert_eq!(once, format!(">{}", percent_encoded(input)));
            let expected = format!("<{}", percent_encoded(&percent_encoded(input)));
            assert_eq!(twice, expected.as_bytes());
            let mut only = b"<".to_vec();
            percent_encode_twice_only(input, &mut only);
            assert_eq!(only, expected.as_bytes());
        }
    }

    /// Every length up to 20 (two words and a tail), without a reserved byte and with one at
    /// each position: the word-at-a-time paths and the tails agree with the definition.
    #[test]
    fn word_paths_match_the_definition() {
        fn by_definition(input: &str) -> String {
            input
                .bytes()
                .map(|b| match is_unreserved(b) {
                    true => char::from(b).to_string(),
                    false => format!("%{b:02X}"),
                })
                .collect()
        }
        for len in 0..=20usize {
            for at in 0..=len {
                let mut input: String = (0..len)
                    .map(|i| char::from(b'a' + (i % 26) as u8))
                    .collect();
                if at < len {
                    input.replace_range(at..=at, "/");
                }
                let once = by_definition(&input);
                assert_eq!(percent_encoded(&input), once, "{input:?}");
                let mut bytes = b">".to_vec();
                percent_encode_bytes(&input, &mut bytes);
                assert_eq!(bytes, format!(">{once}").as_bytes());
                let mut only = b"<".to_vec();
                percent_encode_twice_only(&input, &mut only);
                assert_eq!(only, format!("<{}", by_definition(&once)).as_bytes());
            }
        }
    }

    #[test]
    fn hex_is_lower_case() {
        assert_eq!(hex_lower(&[0x00, 0xab, 0xff]), "00abff");
    }
}
