//! The fuzz targets' inputs on stable: every seed in `fuzz/seeds/` and every kept crash input in
//! `fuzz/regressions/` goes through the same steps and checks as its fuzz target (swas-local's
//! request path, error bodies, responses), so a fixed crash stays fixed without nightly.

use std::collections::HashMap;
use std::path::PathBuf;

use acs_runtime::error_body::{parse_error_body, ErrorFields};
use acs_runtime::sign::v1;
use acs_runtime::ServiceError as _;
use swas_local::auth::{authenticate, now_unix, NonceCache, SignedParts};

/// Seeds and kept crash inputs of `target`, with their paths.
fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let fuzz = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../fuzz");
    let mut found = Vec::new();
    for dir in ["seeds", "regressions"] {
        let Ok(entries) = std::fs::read_dir(fuzz.join(dir).join(target)) else {
            continue;
        };
        for entry in entries.filter_map(Result::ok) {
            let path = entry.path();
            let data = std::fs::read(&path).expect("readable input");
            found.push((path, data));
        }
    }
    found.sort();
    assert!(
        !found.is_empty(),
        "no inputs for {target} under {}",
        fuzz.display()
    );
    found
}

/// What `fuzz/fuzz_targets/local_request.rs` does (the workflow operations: swas-local's own).
fn local_request(data: &[u8]) {
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
    let now = acs_runtime::sign::format_timestamp(std::time::SystemTime::now());
    let mut headers = vec![("host".to_owned(), "127.0.0.1".to_owned())];
    if let Some(authorization) = authorization {
        for (name, value) in [
            ("authorization", authorization),
            ("x-acs-date", now.as_str()),
            ("x-acs-signature-nonce", "fuzz"),
            ("x-acs-action", "ListInstances"),
            ("x-acs-version", "2020-06-01"),
        ] {
            headers.push((name.to_owned(), value.to_owned()));
        }
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
    if let Ok(request) = swas::CreateInstances::from_wire(&params) {
        let _ = request.validate();
        assert_eq!(swas_local::ops::fingerprint(&request).len(), 64);
    }
    if let Ok(request) = swas::ListInstances::from_wire(&params) {
        let _ = request.validate();
    }
    if let Ok(request) = swas::ListPlans::from_wire(&params) {
        let _ = request.validate();
    }
    if let Ok(request) = swas::ListImages::from_wire(&params) {
        let _ = request.validate();
    }
    if let Ok(request) = swas::ListRegions::from_wire(&params) {
        let _ = request.validate();
    }
}

#[test]
fn local_request_inputs_pass() {
    for (path, data) in inputs("local_request") {
        eprintln!("{}", path.display());
        local_request(&data);
    }
}

#[test]
fn error_body_inputs_pass() {
    for (path, data) in inputs("error_body") {
        let Some((&selector, body)) = data.split_first() else {
            continue;
        };
        let content_type = match selector % 4 {
            0 => None,
            1 => Some("application/json;charset=utf-8"),
            2 => Some("text/xml;charset=utf-8"),
            _ => Some("text/html"),
        };
        let status = 400 + u16::from(selector >> 2);
        let _ = ErrorFields::parse(content_type, body);
        if let Some(meta) = parse_error_body(status, content_type, body) {
            assert!(!meta.code.is_empty(), "{}", path.display());
            assert_eq!(meta.http_status, status);
            let typed = swas::CreateInstancesError::from_meta(meta.clone());
            assert_eq!(typed.meta().code, meta.code);
        }
    }
}

fn round_trip<T: serde::de::DeserializeOwned + serde::Serialize>(body: &[u8]) -> bool {
    match serde_json::from_slice::<T>(body) {
        Ok(value) => {
            let again = serde_json::to_vec(&value).expect("a deserialized response serializes");
            serde_json::from_slice::<T>(&again).expect("a serialized response deserializes");
            true
        }
        Err(_) => false,
    }
}

#[test]
fn response_json_inputs_pass() {
    let mut read = 0;
    for (_, data) in inputs("response_json") {
        let Some((&selector, body)) = data.split_first() else {
            continue;
        };
        read += usize::from(match selector % 8 {
            0 => round_trip::<swas::CreateInstancesResponse>(body),
            1 => round_trip::<swas::list_instances::ListInstancesResponse>(body),
            2 => round_trip::<swas::list_plans::ListPlansResponse>(body),
            3 => round_trip::<swas::list_images::ListImagesResponse>(body),
            4 => round_trip::<swas::list_regions::ListRegionsResponse>(body),
            // The other selectors are operations outside swas-local's `workflow` feature.
            _ => continue,
        });
    }
    // The five workflow seeds are the vendor's own response examples: all of them deserialize.
    assert_eq!(read, 5);
}
