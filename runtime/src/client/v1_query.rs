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
use crate::sign::{is_unreserved, percent_encode_twice_only, prefix_key, v1};

/// The values of one request's common parameters that change per operation or attempt.
pub(super) struct CommonValues<'a> {
    pub(super) action: &'a str,
    pub(super) version: &'a str,
    pub(super) timestamp: &'a str,
    pub(super) nonce: &'a str,
    /// Whether `action` and `version` are all unreserved characters (known at compile time
    /// from the operation), so that they are written without a scan.
    pub(super) operation_is_unreserved: bool,
}

/// A parameter with the first eight bytes of its name as a number ([`prefix_key`]): unequal
/// keys order names as their bytes do, without a string comparison.
/// The range is where the value lies in the parameters' buffer.
type Keyed<'p> = (u64, &'p Cow<'static, str>, &'p str, &'p Range<usize>);

/// A common parameter's sort key, name, and name followed by `=` as the string to sign holds
/// it (common names need no escaping), all from the one name.
macro_rules! common_name {
    ($name:literal) => {
        (prefix_key($name), $name, concat!($name, "%3D").as_bytes())
    };
}

/// The common parameters in byte order of their names, keys computed at compile time.
const COMMON_NAMES: [(u64, &str, &[u8]); 9] = [
    common_name!("AccessKeyId"),
    common_name!("Action"),
    common_name!("Format"),
    common_name!("SecurityToken"),
    common_name!("SignatureMethod"),
    common_name!("SignatureNonce"),
    common_name!("SignatureVersion"),
    common_name!("Timestamp"),
    common_name!("Version"),
];
const SECURITY_TOKEN: usize = 3;

/// What is known of a common value before it is seen.
#[derive(Clone, Copy)]
enum ValueForm {
    /// Known to be all unreserved (`JSON`, `HMAC-SHA1`, `1.0`; an action, version or AccessKey
    /// ID found so once), so written without a scan.
    Fixed,
    /// Usually `YYYY-MM-DDThh:mm:ssZ`, whose only reserved bytes are the two colons.
    Timestamp,
    Any,
}

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
    let known = |unreserved: bool| match unreserved {
        true => ValueForm::Fixed,
        false => ValueForm::Any,
    };
    let (key_id, operation) = (
        known(credentials.access_key_id_is_unreserved()),
        known(common.operation_is_unreserved),
    );
    let forms = {
        use ValueForm::{Any, Fixed, Timestamp};
        [
            key_id, operation, Fixed, Any, Fixed, Any, Fixed, Timestamp, operation,
        ]
    };
    let mut common_sorted: [Common<'_>; 9] = std::array::from_fn(|i| Common {
        key: COMMON_NAMES[i].0,
        name: COMMON_NAMES[i].1,
        name_eq: COMMON_NAMES[i].2,
        value: values[i],
        form: forms[i],
    });
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

    let common_bytes: usize = common_list
        .iter()
        .map(|c| c.name.len() + c.value.len())
        .sum();
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
        merge(own_sorted, common_list, |entry| {
            if !query.is_empty() {
                to_sign.extend_from_slice(b"%26");
            }
            match entry {
                Merged::Common(common) => {
                    to_sign.extend_from_slice(common.name_eq);
                    match common.form {
                        ValueForm::Fixed => to_sign.extend_from_slice(common.value.as_bytes()),
                        ValueForm::Timestamp => write_timestamp_twice(common.value, to_sign),
                        ValueForm::Any => percent_encode_twice_only(common.value, to_sign),
                    }
                    query.push(common.name, common.value);
                }
                Merged::Operation(&(_, name, value, range)) => {
                    percent_encode_twice_only(name, to_sign);
                    to_sign.extend_from_slice(b"%3D");
                    percent_encode_twice_only(value, to_sign);
                    query.push_copied(name.clone(), range.clone());
                }
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

/// A common parameter of one request.
#[derive(Clone, Copy)]
struct Common<'a> {
    key: u64,
    name: &'static str,
    /// `name` and the encoded `=`, as the string to sign holds them.
    name_eq: &'static [u8],
    value: &'a str,
    form: ValueForm,
}

/// Appends `timestamp` encoded twice. A timestamp of the usual form (fixed length, colons at
/// fixed places, everything else unreserved) is written in five pieces without a scan per byte;
/// any other text is encoded the general way.
#[inline]
fn write_timestamp_twice(timestamp: &str, to_sign: &mut Vec<u8>) {
    match timestamp.as_bytes().first_chunk::<20>() {
        Some(text) if timestamp.len() == 20 && text[13] == b':' && text[16] == b':' => {
            let (date_hour, rest) = text.split_at(13);
            let (minutes, seconds) = (&rest[1..3], &rest[4..]);
            let unreserved = |part: &[u8]| part.iter().fold(true, |all, &b| all & is_unreserved(b));
            if unreserved(date_hour) & unreserved(minutes) & unreserved(seconds) {
                to_sign.extend_from_slice(date_hour);
                to_sign.extend_from_slice(b"%253A");
                to_sign.extend_from_slice(minutes);
                to_sign.extend_from_slice(b"%253A");
                to_sign.extend_from_slice(seconds);
                return;
            }
            percent_encode_twice_only(timestamp, to_sign);
        }
        _ => percent_encode_twice_only(timestamp, to_sign),
    }
}

/// One parameter of the merged, sorted sequence.
enum Merged<'m, 'p> {
    Common(&'m Common<'m>),
    Operation(&'m Keyed<'p>),
}

/// Calls `each` for the sorted `own` and `common` lists in one sorted sequence. Their names
/// never coincide (operation parameters named like common ones were left out).
fn merge<'m, 'p>(
    own: &'m [Keyed<'p>],
    common: &'m [Common<'m>],
    mut each: impl FnMut(Merged<'m, 'p>),
) {
    let (mut o, mut c) = (0, 0);
    loop {
        match (common.get(c), own.get(o)) {
            (Some(next), next_own)
                if next_own.is_none_or(|own| {
                    (next.key, next.name.as_bytes()) < (own.0, own.1.as_bytes())
                }) =>
            {
                each(Merged::Common(next));
                c += 1;
            }
            (_, Some(next)) => {
                each(Merged::Operation(next));
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
        with_timestamp("2026-11-26T04:14:32Z")
    }

    fn with_timestamp(timestamp: &str) -> CommonValues<'_> {
        CommonValues {
            action: "RunThing",
            version: "2020-06-01",
            timestamp,
            nonce: "2a08c092f82b60e0bbb22e89726b8cea",
            operation_is_unreserved: true,
        }
    }

    /// What the one-pass query must equal: every parameter sorted by name then value, signed by
    /// the definition ([`v1::signature`] over the whole list), `Signature` last.
    fn by_definition(own: &Params, credentials: &Credentials) -> Vec<(String, String)> {
        by_definition_at(own, credentials, &common())
    }

    fn by_definition_at(
        own: &Params,
        credentials: &Credentials,
        c: &CommonValues<'_>,
    ) -> Vec<(String, String)> {
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
        built_at(own, credentials, &common())
    }

    fn built_at(
        own: &Params,
        credentials: &Credentials,
        common: &CommonValues<'_>,
    ) -> Vec<(String, String)> {
        let is_common = |n: &str| matches!(n, "Action" | "Timestamp" | "Signature");
        signed_query("POST", own, is_common, common, credentials)
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

    /// Timestamps the five-piece fast path must not take (or must take exactly): other lengths
    /// (a five-digit year), reserved bytes beside the colons, colons elsewhere, the empty text.
    #[test]
    fn timestamps_of_any_form_are_encoded_by_the_definition() {
        let mut own = Params::new();
        own.push("RegionId", "cn-hangzhou");
        let credentials = Credentials::new("testid", "testsecret");
        for timestamp in [
            "2026-11-26T04:14:32Z",
            "+10000-01-01T00:00:00Z",
            "2026-11-26T04:14:3 Z",
            "2026/11/26T04:14:32Z",
            "2026-11-26T04:14:32+",
            "2026-11-26 04:14:32Z",
            "2026-11-26T04-14-32Z",
            "2026-11-26T0:414:32Z",
            "2026-11-26T04:14:中",
            "",
        ] {
            let common = with_timestamp(timestamp);
            assert_eq!(
                built_at(&own, &credentials, &common),
                by_definition_at(&own, &credentials, &common),
                "{timestamp:?}"
            );
        }
    }

    /// An action, version or AccessKey ID that needs escaping is encoded, not copied (the
    /// generated operations' never do, but the runtime does not rely on it).
    #[test]
    fn reserved_characters_in_the_operation_or_key_id_are_encoded() {
        let mut own = Params::new();
        own.push("RegionId", "cn-hangzhou");
        let common = CommonValues {
            action: "Run Thing/x",
            version: "2020:06+01",
            operation_is_unreserved: false,
            ..common()
        };
        for credentials in [
            Credentials::new("test id/+", "testsecret"),
            Credentials::new("testid", "testsecret"),
        ] {
            assert_eq!(
                built_at(&own, &credentials, &common),
                by_definition_at(&own, &credentials, &common)
            );
        }
        assert!(!Credentials::new("test id/+", "s").access_key_id_is_unreserved());
        assert!(Credentials::new("LTAI5t-_.~", "s").access_key_id_is_unreserved());
    }
}
