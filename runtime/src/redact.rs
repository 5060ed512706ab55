//! The one redaction step every text from a server or from configuration passes through before
//! it can reach `Display`, `Debug`, a log line, a tracing event or an error.
//!
//! Why it is needed: Alibaba Cloud echoes the string it signed in `SignatureDoesNotMatch` /
//! `IncompleteSignature` messages (`Specified signature is not matched with our calculation.
//! server string to sign is:POST&%2F&AccessKeyId%3D…%26SecurityToken%3DCAIS…%26…`), and
//! configuration holds URLs such as `http://user:password@host/credentials`.
//!
//! [`redact`] removes:
//! * the value of every secret parameter — `SecurityToken`, `Signature`, `AccessKeySecret`,
//!   `OIDCToken`, `x-acs-security-token`, `X-aliyun-ecs-metadata-token`, `password` (any case,
//!   `_`/`-` spellings) — written as `key=value`, percent-encoded once or twice
//!   (`key%3Dvalue%26`, `key%253Dvalue%2526`, as inside an echoed string to sign), as a header
//!   (`key: value`), as JSON (`"key":"value"`, also inside an escaped JSON string) or as XML
//!   (`<key>value</key>`);
//! * the user-info part (`user:password@`) of every URL in the text.
//!
//! Each value becomes [`REDACTED`]; the key stays, so a message still says what was there.

use std::borrow::Cow;

/// What a removed value is replaced with.
pub const REDACTED: &str = "<redacted>";

/// Secret parameter names, lower case. Matched case-insensitively at a word boundary.
const SECRET_KEYS: &[&str] = &[
    "securitytoken",
    "security_token",
    "security-token",
    "signature",
    "accesskeysecret",
    "access_key_secret",
    "oidctoken",
    "oidc_token",
    "metadata-token",
    "password",
];

/// `key=value` separators at each percent-encoding level, each with the separator that ends
/// the value at the same level. Longest first, so that `%253D` is not read as `%25` + `3D`.
const ENCODED_SEPARATORS: &[(&str, &str)] = &[
    ("%25253d", "%252526"),
    ("%253d", "%2526"),
    ("%3d", "%26"),
    ("=", "&"),
];

/// `text` with secret values and URL passwords replaced by [`REDACTED`]; borrowed when there
/// was nothing to remove.
pub fn redact(text: &str) -> Cow<'_, str> {
    let lower = text.to_ascii_lowercase();
    let mut ranges = secret_value_ranges(text, &lower);
    ranges.extend(userinfo_ranges(text));
    if ranges.is_empty() {
        return Cow::Borrowed(text);
    }
    ranges.sort_unstable();
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (start, end) in ranges {
        if end <= at {
            continue;
        }
        let start = start.max(at);
        out.push_str(&text[at..start]);
        out.push_str(REDACTED);
        at = end;
    }
    out.push_str(&text[at..]);
    Cow::Owned(out)
}

/// [`redact`], owned.
pub fn redacted(text: &str) -> String {
    redact(text).into_owned()
}

/// A URL as it may be shown: without user info, query and fragment (a credentials URI may carry
/// a token in any of them).
pub fn display_url(url: &str) -> String {
    let without_query = url.split(['?', '#']).next().unwrap_or(url);
    redact_userinfo(without_query)
}

/// `input` with the user-info part of a URL (`user:password@`) replaced by `<redacted>@`.
pub fn redact_userinfo(input: &str) -> String {
    let Some((scheme, rest)) = input.split_once("://") else {
        return input.to_owned();
    };
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    match rest[..authority_end].rfind('@') {
        Some(at) => format!("{scheme}://{REDACTED}@{}", &rest[at + 1..]),
        None => input.to_owned(),
    }
}

/// Byte ranges of the values of secret keys. `lower` is `text` in ASCII lower case (same
/// byte offsets).
fn secret_value_ranges(text: &str, lower: &str) -> Vec<(usize, usize)> {
    let bytes = lower.as_bytes();
    let mut ranges = Vec::new();
    for key in SECRET_KEYS {
        for (at, _) in lower.match_indices(key) {
            if !starts_word(bytes, at) {
                continue;
            }
            let after = at + key.len();
            let preceded_by_lt = at > 0 && bytes[at - 1] == b'<';
            if let Some(range) = value_after(text, lower, after, preceded_by_lt) {
                ranges.push(range);
            }
        }
    }
    ranges
}

/// Whether a key starting at `at` starts a word: at the start, after a character that cannot
/// be part of a name, or right after a percent-encoded byte (`%26SecurityToken`).
fn starts_word(bytes: &[u8], at: usize) -> bool {
    if at == 0 {
        return true;
    }
    let previous = bytes[at - 1];
    if !(previous.is_ascii_alphanumeric() || previous == b'_') {
        return true;
    }
    ends_with_encoded_byte(&bytes[..at])
}

/// Whether `before` ends with a percent-encoded byte: `%26`, or `%2526` (encoded again), …
fn ends_with_encoded_byte(before: &[u8]) -> bool {
    let n = before.len();
    if n < 3 || !before[n - 1].is_ascii_hexdigit() || !before[n - 2].is_ascii_hexdigit() {
        return false;
    }
    let rest = &before[..n - 2];
    rest.ends_with(b"%") || rest.ends_with(b"%25")
}

/// The range of the value following a key that ends at `after`, if a separator follows.
fn value_after(text: &str, lower: &str, after: usize, xml: bool) -> Option<(usize, usize)> {
    let rest = &lower[after..];
    if xml {
        // `<SecurityToken>value</SecurityToken>`
        let start = after + rest.strip_prefix('>').map(|_| 1)?;
        let len = lower[start..].find('<').unwrap_or(lower.len() - start);
        return non_empty(start, start + len);
    }
    for (separator, terminator) in ENCODED_SEPARATORS {
        if let Some(value) = rest.strip_prefix(separator) {
            let start = after + separator.len();
            let end = value_end(value, Some(terminator), false);
            return non_empty(start, start + end);
        }
    }
    // `key = value`, as configuration writes it.
    let spaced = rest.trim_start_matches([' ', '\t']);
    if spaced.len() < rest.len() {
        if let Some(value) = spaced.strip_prefix('=') {
            let value = value.trim_start_matches([' ', '\t']);
            let start = text.len() - value.len();
            return non_empty(start, start + value_end(value, Some("&"), false));
        }
    }
    // JSON: `"key":"value"`, or `\"key\":\"value\"` inside an escaped JSON string.
    let json = rest.strip_prefix("\\\"").or_else(|| rest.strip_prefix('"'));
    if let Some(json) = json {
        let colon = json.trim_start().strip_prefix(':')?.trim_start();
        let value = colon
            .strip_prefix("\\\"")
            .or_else(|| colon.strip_prefix('"'))?;
        let start = text.len() - value.len();
        let end = value.find(['"', '\\']).unwrap_or(value.len());
        return non_empty(start, start + end);
    }
    // A header: `x-acs-security-token: value` up to the end of the line.
    let header = rest.strip_prefix(':')?;
    let value = header.trim_start_matches([' ', '\t']);
    let start = text.len() - value.len();
    let end = value_end(value, None, true);
    non_empty(start, start + end)
}

/// Where a value ends: at `terminator` (the `&` of its encoding level), at a character that
/// cannot be part of a token, or (`header`) at the end of the line.
fn value_end(value: &str, terminator: Option<&str>, header: bool) -> usize {
    let mut end = value.len();
    if let Some(terminator) = terminator {
        if let Some(i) = value.find(terminator) {
            end = i;
        }
    }
    let stop = |c: char| {
        if header {
            matches!(c, '\r' | '\n' | '"' | '<' | ',')
        } else {
            c.is_whitespace()
                || matches!(
                    c,
                    '"' | '\'' | '<' | '>' | ',' | ';' | '&' | ')' | ']' | '}' | '\\'
                )
        }
    };
    value[..end].find(stop).unwrap_or(end)
}

fn non_empty(start: usize, end: usize) -> Option<(usize, usize)> {
    (end > start).then_some((start, end))
}

/// Byte ranges of the user info (`user:password`) of every `scheme://user:password@host` in
/// `text`.
fn userinfo_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    for (at, _) in text.match_indices("://") {
        let start = at + 3;
        let authority_len = text[start..]
            .find(|c: char| {
                c.is_whitespace() || matches!(c, '/' | '?' | '#' | '"' | '\'' | '<' | '>')
            })
            .unwrap_or(text.len() - start);
        if let Some(user_end) = text[start..start + authority_len].rfind('@') {
            if user_end > 0 {
                ranges.push((start, start + user_end));
            }
        }
    }
    ranges
}

/// What generated types show in `Debug` for a secret field (a password, an access key secret,
/// a security token, a private key): [`REDACTED`], whatever the value.
pub struct Redacted(());

impl Redacted {
    /// Stands in for `_value` in `Debug` output.
    pub fn of<T: ?Sized>(_value: &T) -> Self {
        Redacted(())
    }
}

impl std::fmt::Debug for Redacted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(REDACTED)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn echoed_v1_string_to_sign_loses_token_and_keeps_the_rest() {
        // The token `CAIS+ab/c=` is percent-encoded in the canonical query and again in the
        // string to sign.
        let message = "Specified signature is not matched with our calculation. server string \
                       to sign is:POST&%2F&AccessKeyId%3DSTS.abc%26Action%3DCreateInstances\
                       %26SecurityToken%3DCAIS%252Bab%252Fc%253D%26SignatureMethod%3DHMAC-SHA1";
        let out = redact(message);
        assert_eq!(
            out,
            "Specified signature is not matched with our calculation. server string to sign \
             is:POST&%2F&AccessKeyId%3DSTS.abc%26Action%3DCreateInstances\
             %26SecurityToken%3D<redacted>%26SignatureMethod%3DHMAC-SHA1"
        );
    }

    #[test]
    fn every_spelling_of_a_secret() {
        let cases = [
            (
                "a=1&SecurityToken=tok&b=2",
                "a=1&SecurityToken=<redacted>&b=2",
            ),
            ("Signature=abc%3D&x=1", "Signature=<redacted>&x=1"),
            (
                "x%2526securitytoken%253Dtok%2526y",
                "x%2526securitytoken%253D<redacted>%2526y",
            ),
            (
                "{\"AccessKeySecret\": \"s3\", \"Id\":1}",
                "{\"AccessKeySecret\": \"<redacted>\", \"Id\":1}",
            ),
            (
                "{\\\"SecurityToken\\\":\\\"tok\\\"}",
                "{\\\"SecurityToken\\\":\\\"<redacted>\\\"}",
            ),
            (
                "<SecurityToken>tok</SecurityToken>",
                "<SecurityToken><redacted></SecurityToken>",
            ),
            (
                "x-acs-security-token: tok\nhost: h",
                "x-acs-security-token: <redacted>\nhost: h",
            ),
            (
                "ACS3-HMAC-SHA256 Credential=id,SignedHeaders=host,Signature=ab12",
                "ACS3-HMAC-SHA256 Credential=id,SignedHeaders=host,Signature=<redacted>",
            ),
            ("access_key_secret = s3 ", "access_key_secret = <redacted> "),
        ];
        for (input, expected) in cases {
            assert_eq!(redact(input), expected, "{input}");
        }
    }

    #[test]
    fn names_that_only_contain_a_key_are_left_alone() {
        for text in [
            "SignatureMethod=HMAC-SHA1&SignatureNonce=abc&SignatureVersion=1.0",
            "MySignature=abc",
            "the signature is wrong",
            "InvalidSecurityToken.Expired",
            "x-aliyun-ecs-metadata-token-ttl-seconds: 21600",
        ] {
            assert!(matches!(redact(text), Cow::Borrowed(_)), "{text}");
        }
    }

    #[test]
    fn url_passwords() {
        assert_eq!(
            redact("cannot reach http://user:pw@host:8080/creds?x=1 now"),
            "cannot reach http://<redacted>@host:8080/creds?x=1 now"
        );
        assert_eq!(
            display_url("https://u:p@h/c?token=t#f"),
            "https://<redacted>@h/c"
        );
        assert_eq!(display_url("http://h/c"), "http://h/c");
        assert_eq!(
            redact_userinfo("http://a@b@h/x@y"),
            "http://<redacted>@h/x@y"
        );
    }

    #[test]
    fn non_ascii_text_keeps_its_boundaries() {
        assert_eq!(
            redact("签名 Signature=ab 中"),
            "签名 Signature=<redacted> 中"
        );
    }
}
