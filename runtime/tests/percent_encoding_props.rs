//! Property tests for the RFC 3986 encoder.

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
