//! Strict `application/x-www-form-urlencoded` decoding, for query strings and form bodies.
//!
//! `+` is a space and `%XX` an escaped byte; a `%` not followed by two hex digits, or bytes that
//! are not UTF-8 after decoding, are errors (answered as `InvalidParameter`), never guessed at.
//! Headers are kept only when their values are visible ASCII ([`visible_headers`]).

use std::fmt;

/// `(name, value)` of each header whose value is visible ASCII (names lower-case, as hyper keeps
/// them); other values are left out rather than guessed at.
pub fn visible_headers(headers: &hyper::HeaderMap) -> Vec<(String, String)> {
    headers
        .iter()
        .filter_map(|(name, value)| {
            value
                .to_str()
                .ok()
                .map(|v| (name.as_str().to_owned(), v.to_owned()))
        })
        .collect()
}

/// Why a query string or form body could not be decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeError {
    /// What was being decoded (`query string`, `form body`).
    pub what: &'static str,
    /// What is wrong.
    pub reason: String,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the {} {}", self.what, self.reason)
    }
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Decodes one name or value.
pub fn decode_component(input: &[u8], what: &'static str) -> Result<String, DecodeError> {
    let mut out = Vec::with_capacity(input.len());
    let mut i = 0;
    while i < input.len() {
        match input[i] {
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b'%' => {
                let pair = input
                    .get(i + 1)
                    .copied()
                    .and_then(hex)
                    .zip(input.get(i + 2).copied().and_then(hex));
                match pair {
                    Some((hi, lo)) => {
                        out.push(hi << 4 | lo);
                        i += 3;
                    }
                    None => {
                        let end = (i + 3).min(input.len());
                        return Err(DecodeError {
                            what,
                            reason: format!(
                                "has an invalid percent-escape {:?}: `%` must be followed by two hex digits",
                                String::from_utf8_lossy(&input[i..end])
                            ),
                        });
                    }
                }
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).map_err(|_| DecodeError {
        what,
        reason: "is not UTF-8 once decoded".to_owned(),
    })
}

/// Decodes `a=1&b=2` into pairs, in order. Empty segments are skipped; a segment without `=` is
/// a name with an empty value.
pub fn decode_pairs(
    input: &[u8],
    what: &'static str,
) -> Result<Vec<(String, String)>, DecodeError> {
    let mut pairs = Vec::new();
    for segment in input.split(|b| *b == b'&') {
        if segment.is_empty() {
            continue;
        }
        let (name, value) = match segment.iter().position(|b| *b == b'=') {
            Some(eq) => (&segment[..eq], &segment[eq + 1..]),
            None => (segment, &segment[segment.len()..]),
        };
        let name = decode_component(name, what)?;
        if name.is_empty() {
            return Err(DecodeError {
                what,
                reason: "has a parameter without a name".to_owned(),
            });
        }
        pairs.push((name, decode_component(value, what)?));
    }
    Ok(pairs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_and_rejects() {
        assert_eq!(
            decode_pairs(b"a=1%202&b=x+y&&c&d=%E4%B8%AD", "query string"),
            Ok(vec![
                ("a".into(), "1 2".into()),
                ("b".into(), "x y".into()),
                ("c".into(), String::new()),
                ("d".into(), "中".into()),
            ])
        );
        assert!(decode_pairs(b"a=%zz", "query string").is_err());
        assert!(decode_pairs(b"a=%4", "query string").is_err());
        assert!(decode_pairs(b"a=%ff", "query string").is_err());
        assert!(decode_pairs(b"=1", "query string").is_err());
    }
}
