//! The query of a v1-signed RPC request, built in one pass.
//!
//! The operation's parameters (usually written by generated code already in wire-name order, so
//! nothing is sorted) are merged with the common parameters, whose names sort the same way on
//! every request, straight into the wire parameters; the string to sign is then written from
//! those into a reused per-thread buffer. No intermediate copy of the parameters, no sort of
//! the whole list, no string to sign allocated per request.

use std::borrow::Cow;
use std::ops::Range;

use crate::credentials::Credentials;
use crate::operation::Params;
use crate::sign::{percent_encode_twice_only, prefix_key, v1};

/// The values of one request's common parameters that change per operation or attempt.
pub(super) struct CommonValues<'a> {
    pub(super) action: &'a str,
    pub(super) version: &'a str,
    pub(super) timestamp: &'a str,
    pub(super) nonce: &'a str,
}

/// A parameter with the first eight bytes of its name as a number ([`prefix_key`]): unequal
/// keys order names as their bytes do, without a string comparison.
/// The range is where the value lies in the parameters' buffer.
type Keyed<'p> = (u64, &'p Cow<'static, str>, &'p str, &'p Range<usize>);

/// The common parameters in byte order of their names, keys computed at compile time.
const COMMON_NAMES: [(u64, &str); 9] = [
    (prefix_key("AccessKeyId"), "AccessKeyId"),
    (prefix_key("Action"), "Action"),
    (prefix_key("Format"), "Format"),
    (prefix_key("SecurityToken"), "SecurityToken"),
    (prefix_key("SignatureMethod"), "SignatureMethod"),
    (prefix_key("SignatureNonce"), "SignatureNonce"),
    (prefix_key("SignatureVersion"), "SignatureVersion"),
    (prefix_key("Timestamp"), "Timestamp"),
    (prefix_key("Version"), "Version"),
];
const SECURITY_TOKEN: usize = 3;

/// Operation parameters sorted on the stack; a request with more sorts them in a `Vec`.
const STACK_PARAMS: usize = 32;

/// The signed wire query: `own`'s parameters but those `is_common` names, the common
/// parameters, sorted by name then value in byte order, and `Signature` last — the same
/// parameters in the same order as sorting the whole list and signing it.
pub(super) fn signed_query(
    method: &str,
    own: &Params,
    is_common: impl Fn(&str) -> bool,
    common: &CommonValues<'_>,
    credentials: &Credentials,
) -> Params {
    let values = [
        credentials.access_key_id(),
        common.action,
        "JSON",
        credentials.security_token().unwrap_or_default(),
        v1::SIGNATURE_METHOD,
        common.nonce,
        v1::SIGNATURE_VERSION,
        common.timestamp,
        common.version,
    ];
    let mut common_sorted: [(u64, &'static str, &str); 9] =
        std::array::from_fn(|i| (COMMON_NAMES[i].0, COMMON_NAMES[i].1, values[i]));
    let common_list: &[_] = if credentials.security_token().is_some() {
        &common_sorted
    } else {
        common_sorted.copy_within(SECURITY_TOKEN + 1.., SECURITY_TOKEN);
        &common_sorted[..common_sorted.len() - 1]
    };

    static NO_NAME: Cow<'static, str> = Cow::Borrowed("");
    static NO_RANGE: Range<usize> = 0..0;
    let mut on_stack: [Keyed<'_>; STACK_PARAMS] = [(0, &NO_NAME, "", &NO_RANGE); STACK_PARAMS];
    let mut on_heap = Vec::new();
    let mut count = 0;
    for (name, range, value) in own.entries() {
        if is_common(name) {
            continue;
        }
        let entry = (prefix_key(name), name, value, range);
        match on_stack.get_mut(count) {
            Some(slot) => *slot = entry,
            None => {
                if on_heap.is_empty() {
                    on_heap.extend_from_slice(&on_stack);
                }
                on_heap.push(entry);
            }
        }
        count += 1;
    }
    let own_sorted: &mut [Keyed<'_>] = if on_heap.is_empty() {
        &mut on_stack[..count]
    } else {
        &mut on_heap
    };
    // Generated code writes parameters in the spec's order, which is seldom the byte order.
    if !own_sorted.is_sorted_by(|a, b| compare(a, b).is_le()) {
        own_sorted.sort_unstable_by(compare);
    }

    let common_bytes: usize = common_list.iter().map(|(_, n, v)| n.len() + v.len()).sum();
    let own_bytes = own.value_bytes() + own_sorted.iter().map(|e| e.1.len()).sum::<usize>();
    // The operation's values are copied in one go; the signature's 28 characters come last.
    let mut query = Params::with_values_of(
        own,
        own_sorted.len() + common_list.len() + 1,
        common_bytes + 28,
    );
    let signature = credentials.v1_signing_key().sign_written(|to_sign| {
        // Each byte is at most 5 once encoded twice; names and values are mostly unreserved.
        to_sign
            .reserve(method.len() + 5 + (own_bytes + common_bytes) * 2 + 6 * own_sorted.len() + 54);
        to_sign.extend_from_slice(method.as_bytes());
        to_sign.extend_from_slice(b"&%2F&");
        merge(own_sorted, common_list, |name, value, from| {
            if !query.is_empty() {
                to_sign.extend_from_slice(b"%26");
            }
            match from {
                // Common names need no percent-encoding.
                From::Common => to_sign.extend_from_slice(name.as_bytes()),
                From::Operation(_) => percent_encode_twice_only(name, to_sign),
            }
            to_sign.extend_from_slice(b"%3D");
            percent_encode_twice_only(value, to_sign);
            match from {
                From::Common => query.push(name.clone(), value),
                From::Operation(range) => query.push_copied(name.clone(), range.clone()),
            }
        });
    });
    query.push(v1::SIGNATURE_PARAM, signature.as_str());
    query
}

/// Name, then value, in byte order; the prefix keys decide most comparisons alone.
#[inline]
fn compare(a: &Keyed<'_>, b: &Keyed<'_>) -> std::cmp::Ordering {
    a.0.cmp(&b.0)
        .then_with(|| a.1.as_bytes().cmp(b.1.as_bytes()))
        .then_with(|| a.2.as_bytes().cmp(b.2.as_bytes()))
}

/// Where a merged parameter comes from.
#[derive(Clone, Copy)]
enum From<'p> {
    Common,
    /// The operation's, its value at this range of its buffer.
    Operation(&'p Range<usize>),
}

/// Calls `each(name, value, from)` for the sorted `own` and `common` lists in one sorted
/// sequence. Their names never coincide (operation parameters named like common ones were left
/// out).
fn merge<'p>(
    own: &[Keyed<'p>],
    common: &[(u64, &'static str, &str)],
    mut each: impl FnMut(&Cow<'static, str>, &str, From<'p>),
) {
    let (mut o, mut c) = (0, 0);
    loop {
        match (common.get(c), own.get(o)) {
            (Some(&(key, name, value)), next_own)
                if next_own
                    .is_none_or(|own| (key, name.as_bytes()) < (own.0, own.1.as_bytes())) =>
            {
                each(&Cow::Borrowed(name), value, From::Common);
                c += 1;
            }
            (_, Some(&(_, name, value, range))) => {
                each(name, value, From::Operation(range));
                o += 1;
            }
            // The guard holds when only common parameters are left.
            (Some(_), None) | (None, None) => break,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sign::v1;

    fn common() -> CommonValues<'static> {
        CommonValues {
            action: "RunThing",
            version: "2020-06-01",
            timestamp: "2026-11-26T04:14:32Z",
            nonce: "2a08c092f82b60e0bbb22e89726b8cea",
        }
    }

    /// What the one-pass query must equal: every parameter sorted by name then value, signed by
    /// the definition ([`v1::signature`] over the whole list), `Signature` last.
    fn by_definition(own: &Params, credentials: &Credentials) -> Vec<(String, String)> {
        let c = common();
        let mut all: Vec<(String, String)> = own
            .iter()
            .filter(|(n, _)| !matches!(*n, "Action" | "Timestamp" | "Signature"))
            .map(|(n, v)| (n.to_owned(), v.to_owned()))
            .collect();
        for (n, v) in [
            ("AccessKeyId", credentials.access_key_id()),
            ("Action", c.action),
            ("Format", "JSON"),
            ("SignatureMethod", "HMAC-SHA1"),
            ("SignatureNonce", c.nonce),
            ("SignatureVersion", "1.0"),
            ("Timestamp", c.timestamp),
            ("Version", c.version),
        ]
        .into_iter()
        .chain(credentials.security_token().map(|t| ("SecurityToken", t)))
        {
            all.push((n.to_owned(), v.to_owned()));
        }
        all.sort();
        let signature = v1::signature(
            "POST",
            all.iter().map(|(n, v)| (n.as_str(), v.as_str())),
            credentials.access_key_secret(),
        );
        all.push(("Signature".to_owned(), signature));
        all
    }

    fn built(own: &Params, credentials: &Credentials) -> Vec<(String, String)> {
        let is_common = |n: &str| matches!(n, "Action" | "Timestamp" | "Signature");
        signed_query("POST", own, is_common, &common(), credentials)
            .iter()
            .map(|(n, v)| (n.to_owned(), v.to_owned()))
            .collect()
    }

    /// Unsorted names, a repeated name with values out of order, names sharing their first eight
    /// bytes, names sorting before, between and after the common ones, common names the
    /// operation also wrote (dropped), reserved and non-ASCII characters.
    #[test]
    fn equals_sorting_everything_and_signing_it() {
        let mut own = Params::new();
        for (n, v) in [
            ("ZoneId", "cn-hangzhou-i"),
            ("Tag.1.Value", "b c"),
            ("Tag.1.Key", "a*b"),
            ("Action", "Overridden"),
            ("Amount", "2"),
            ("SignatureNoncePlus", "x"),
            ("Amount", "1"),
            ("Description", "中文 ~/+="),
            ("Signature", "forged"),
            ("Timestamp", "1999-01-01T00:00:00Z"),
            ("Verbose", "true"),
            ("AccessKeyIdHint", "h"),
        ] {
            own.push(n, v);
        }
        for credentials in [
            Credentials::new("testid", "testsecret"),
            Credentials::with_security_token("STS.id", "stssecret", "token/+=x"),
        ] {
            assert_eq!(built(&own, &credentials), by_definition(&own, &credentials));
        }
    }

    /// More parameters than are sorted on the stack, in reverse order.
    #[test]
    fn long_lists_are_sorted_too() {
        let mut own = Params::new();
        for i in (1..=STACK_PARAMS + 8).rev() {
            own.push(format!("InstanceId.{i}"), format!("i-{i}"));
        }
        let credentials = Credentials::new("testid", "testsecret");
        assert_eq!(built(&own, &credentials), by_definition(&own, &credentials));
    }

    /// Parameters already in order (what generated code writes) and no parameters at all.
    #[test]
    fn sorted_and_empty_lists() {
        let mut own = Params::new();
        for (n, v) in [
            ("Amount", "1"),
            ("ImageId", "img"),
            ("RegionId", "cn-hangzhou"),
        ] {
            own.push(n, v);
        }
        let credentials = Credentials::new("testid", "testsecret");
        assert_eq!(built(&own, &credentials), by_definition(&own, &credentials));
        let none = Params::new();
        assert_eq!(
            built(&none, &credentials),
            by_definition(&none, &credentials)
        );
    }
}
