//! Property tests: the RFC 3986 encoder, and the v1 client signer against its definition.

use acs_runtime::sign::{is_unreserved, percent_encoded};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Decoding with the `percent-encoding` crate gives back the input.
    #[test]
    fn round_trips(input in any::<String>()) {
        let encoded = percent_encoded(&input);
        let decoded = percent_encoding::percent_decode_str(&encoded).decode_utf8();
        prop_assert_eq!(decoded.as_deref().ok(), Some(input.as_str()));
    }

    /// Only unreserved bytes stay literal; everything else is `%XX` with upper-case hex.
    #[test]
    fn only_unreserved_bytes_are_left(input in any::<String>()) {
        let encoded = percent_encoded(&input);
        let bytes = encoded.as_bytes();
        let mut i = 0;
        let mut source = input.bytes();
        while i < bytes.len() {
            let original = source.next();
            if bytes[i] == b'%' {
                prop_assert!(i + 3 <= bytes.len(), "truncated escape");
                let hex = &encoded[i + 1..i + 3];
                prop_assert!(hex.bytes().all(|c| c.is_ascii_digit() || (b'A'..=b'F').contains(&c)), "{}", hex);
                let value = u8::from_str_radix(hex, 16).ok();
                prop_assert_eq!(value, original);
                prop_assert!(!original.map(is_unreserved).unwrap_or(true));
                i += 3;
            } else {
                prop_assert!(is_unreserved(bytes[i]), "literal byte {:#x}", bytes[i]);
                prop_assert_eq!(Some(bytes[i]), original);
                i += 1;
            }
        }
        prop_assert_eq!(source.next(), None);
    }

    /// Strings of unreserved characters only are unchanged.
    #[test]
    fn unreserved_strings_are_unchanged(input in "[A-Za-z0-9_.~-]*") {
        prop_assert_eq!(percent_encoded(&input), input);
    }
}

mod signing {
    use acs_runtime::sign::v1;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

        /// The client's merged one-pass signer agrees with the plain definition
        /// (`v1::canonical_query` + `v1::signature` over all parameters).
        #[test]
        fn sign_request_agrees_with_the_definition(
            own in proptest::collection::vec(("[A-Za-z][A-Za-z0-9.]{0,12}|\\PC{0,6}", "\\PC{0,10}"), 0..12),
            token in proptest::option::of("[A-Za-z0-9+/=]{1,20}"),
            get in any::<bool>(),
        ) {
            let method = if get { "GET" } else { "POST" };
            let common = v1::CommonParams {
                action: "CreateInstances",
                version: "2020-06-01",
                format: "JSON",
                access_key_id: "id",
                security_token: token.as_deref(),
                signature_nonce: "0123456789abcdef0123456789abcdef",
                timestamp: "2026-11-26T04:34:32Z",
            };
            let own_pairs: Vec<(&str, &str)> = own.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            let query = v1::sign_request(method, &common, own_pairs.iter().copied(), "secret");

            let reserved = ["Action", "Version", "Format", "AccessKeyId", "SecurityToken", "SignatureMethod",
                "SignatureVersion", "SignatureNonce", "Timestamp", "Signature"];
            let mut all: Vec<(&str, &str)> = vec![
                ("Action", "CreateInstances"), ("Version", "2020-06-01"), ("Format", "JSON"),
                ("AccessKeyId", "id"), ("SignatureMethod", "HMAC-SHA1"), ("SignatureVersion", "1.0"),
                ("SignatureNonce", "0123456789abcdef0123456789abcdef"), ("Timestamp", "2026-11-26T04:34:32Z"),
            ];
            if let Some(token) = token.as_deref() {
                all.push(("SecurityToken", token));
            }
            all.extend(own_pairs.iter().copied().filter(|(k, _)| !reserved.contains(k)));
            let expected_signature = v1::signature(method, all.iter().copied(), "secret");
            let expected = format!(
                "{}&Signature={}",
                v1::canonical_query(all.iter().copied()),
                acs_runtime::sign::percent_encoded(&expected_signature)
            );
            prop_assert_eq!(query, expected);
        }
    }
}
