//! swas-local's request path without the network: query and form decoding, authentication
//! (v1 and V3; half the inputs are signed correctly so that fuzzing gets past the signature),
//! then the generated `from_wire` + `validate()` of every operation the server answers. No
//! input may panic.
//!
//! Input: one flag byte, then the query string, a newline, and the body (or, with flag 4, the
//! `Authorization` header value, a newline, and the body).
#![no_main]

use std::collections::HashMap;

use acs_runtime::sign::v1;
use acs_runtime::Params;
use libfuzzer_sys::fuzz_target;
use swas_local::auth::{authenticate, now_unix, NonceCache, SignedParts};

fn check<T>(
    from_wire: fn(&Params) -> Result<T, acs_runtime::ValidationErrors>,
    validate: fn(&T) -> Result<(), acs_runtime::ValidationErrors>,
    params: &Params,
) {
    if let Ok(request) = from_wire(params) {
        let _ = validate(&request);
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let (first, body) = match rest.iter().position(|b| *b == b'\n') {
        Some(i) => (&rest[..i], &rest[i + 1..]),
        None => (rest, &rest[rest.len()..]),
    };
    let Ok(first) = std::str::from_utf8(first) else {
        return;
    };
    let (query, authorization) = if flags & 4 != 0 {
        ("", Some(first))
    } else {
        (first, None)
    };
    let content_type = (flags & 1 != 0).then_some("application/x-www-form-urlencoded");
    let Ok((query_pairs, mut params)) = swas_local::server::read_params(query, content_type, body)
    else {
        return;
    };
    if flags & 2 != 0 {
        // Sign with v1 so that authentication passes and the operation is read.
        let timestamp = acs_runtime::sign::format_timestamp(std::time::SystemTime::now());
        for (name, value) in [
            ("AccessKeyId", "testid"),
            ("SignatureMethod", "HMAC-SHA1"),
            ("SignatureVersion", "1.0"),
            ("SignatureNonce", "fuzz"),
            ("Timestamp", timestamp.as_str()),
        ] {
            if params.get(name).is_none() {
                params.push(name, value);
            }
        }
        let signature = v1::signature("POST", params.iter(), "testsecret");
        params.push("Signature", signature);
    }
    let mut headers = vec![("host".to_owned(), "127.0.0.1".to_owned())];
    if let Some(authorization) = authorization {
        headers.push(("authorization".to_owned(), authorization.to_owned()));
        headers.push((
            "x-acs-date".to_owned(),
            acs_runtime::sign::format_timestamp(std::time::SystemTime::now()),
        ));
        headers.push(("x-acs-signature-nonce".to_owned(), "fuzz".to_owned()));
        headers.push(("x-acs-action".to_owned(), "ListInstances".to_owned()));
        headers.push(("x-acs-version".to_owned(), "2020-06-01".to_owned()));
    }
    let keys: HashMap<String, String> = [("testid".to_owned(), "testsecret".to_owned())].into();
    let nonces = NonceCache::new(4, now_unix() - 1);
    let parts = SignedParts {
        method: "POST",
        path: "/",
        query: &query_pairs,
        params: &params,
        headers: &headers,
        body,
    };
    let _ = authenticate(&parts, &keys, &nonces, swas_local::ops::is_known_action);

    check(
        swas::CreateInstances::from_wire,
        swas::CreateInstances::validate,
        &params,
    );
    if let Ok(request) = swas::CreateInstances::from_wire(&params) {
        assert_eq!(swas_local::ops::fingerprint(&request).len(), 64);
    }
    check(
        swas::ListInstances::from_wire,
        swas::ListInstances::validate,
        &params,
    );
    check(
        swas::ListPlans::from_wire,
        swas::ListPlans::validate,
        &params,
    );
    check(
        swas::ListImages::from_wire,
        swas::ListImages::validate,
        &params,
    );
    check(
        swas::ListRegions::from_wire,
        swas::ListRegions::validate,
        &params,
    );
    check(
        swas::TagResources::from_wire,
        swas::TagResources::validate,
        &params,
    );
    check(
        swas::CreateFirewallRules::from_wire,
        swas::CreateFirewallRules::validate,
        &params,
    );
    check(
        swas::ModifyFirewallTemplate::from_wire,
        swas::ModifyFirewallTemplate::validate,
        &params,
    );
});
