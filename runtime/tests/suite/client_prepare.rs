//! `Client::prepare_at`: signed requests byte for byte (expected URLs and signatures derived
//! independently with Python's urllib/hmac/hashlib), idempotency tokens, validation, build errors.

use crate::common;

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use acs_runtime::client::{BuildError, Client, HttpMethod, SignatureVersion, USER_AGENT};
use acs_runtime::credentials::{Credentials, DefaultChain};
use acs_runtime::endpoint::EndpointError;
use acs_runtime::Error;
use common::CreateThing;

/// 2026-11-26T04:34:32Z.
fn fixed_time() -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(1_795_667_672)
}

const NONCE: &str = "0123456789abcdef0123456789abcdef";
const SWAS: &[(&str, &str)] = &[
    ("cn-hangzhou", "swas.cn-hangzhou.aliyuncs.com"),
    ("cn-beijing", "swas.cn-beijing.aliyuncs.com"),
];

fn client(version: SignatureVersion, method: HttpMethod, credentials: Credentials) -> Client {
    Client::builder()
        .credentials(credentials)
        .endpoint("http://127.0.0.1:8080")
        .signature_version(version)
        .http_method(method)
        .build()
        .expect("client builds")
}

fn headers(prepared: &acs_runtime::PreparedRequest) -> Vec<(&str, &str)> {
    prepared.expose_headers().collect()
}

#[test]
fn v1_post_byte_for_byte() {
    let client = client(
        SignatureVersion::V1,
        HttpMethod::Post,
        Credentials::new("testid", "testsecret"),
    );
    let prepared = client
        .prepare_at(&CreateThing::default(), fixed_time(), NONCE)
        .expect("prepares");
    assert_eq!(prepared.method(), HttpMethod::Post);
    assert_eq!(
        prepared.expose_url(),
        "http://127.0.0.1:8080/?AccessKeyId=testid&Action=CreateInstances&Amount=2\
         &ClientToken=123e4567-e89b-12d3-a456-426655440000&Format=JSON&ImageId=img-1\
         &Name=web%20server%20%2A1%2A%2F%E4%B8%AD%E6%96%87&Period=1&PlanId=swas.s1.c1m1s40b3t05\
         &RegionId=cn-hangzhou&SignatureMethod=HMAC-SHA1&SignatureNonce=0123456789abcdef0123456789abcdef\
         &SignatureVersion=1.0&Timestamp=2026-11-26T04%3A34%3A32Z&Version=2020-06-01\
         &Signature=ttxquhX8WKsdBnved0Wja%2BL%2BgZ8%3D"
    );
    assert_eq!(
        headers(&prepared),
        vec![
            ("host", "127.0.0.1:8080"),
            ("user-agent", USER_AGENT),
            ("accept", "application/json")
        ]
    );
    assert!(prepared.body().is_empty());
    assert_eq!(
        USER_AGENT,
        format!("acs-runtime/{}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn v1_get_with_sts_byte_for_byte() {
    let credentials = Credentials::with_security_token("testid", "testsecret", "sts-token/+=");
    let client = client(SignatureVersion::V1, HttpMethod::Get, credentials);
    let prepared = client
        .prepare_at(&CreateThing::default(), fixed_time(), NONCE)
        .expect("prepares");
    assert_eq!(prepared.method(), HttpMethod::Get);
    assert_eq!(
        prepared.expose_url(),
        "http://127.0.0.1:8080/?AccessKeyId=testid&Action=CreateInstances&Amount=2\
         &ClientToken=123e4567-e89b-12d3-a456-426655440000&Format=JSON&ImageId=img-1\
         &Name=web%20server%20%2A1%2A%2F%E4%B8%AD%E6%96%87&Period=1&PlanId=swas.s1.c1m1s40b3t05\
         &RegionId=cn-hangzhou&SecurityToken=sts-token%2F%2B%3D&SignatureMethod=HMAC-SHA1\
         &SignatureNonce=0123456789abcdef0123456789abcdef&SignatureVersion=1.0\
         &Timestamp=2026-11-26T04%3A34%3A32Z&Version=2020-06-01&Signature=esnBgr4D5bkUaGT8QpEQYtdVNSY%3D"
    );
    // Debug hides the signature and the token.
    let debug = format!("{prepared:?}");
    assert!(!debug.contains("esnBgr4D5bkUaGT8QpEQYtdVNSY"), "{debug}");
    assert!(!debug.contains("sts-token"), "{debug}");
    assert!(
        debug.contains("Signature=<redacted>") && debug.contains("SecurityToken=<redacted>"),
        "{debug}"
    );
}

#[test]
fn v3_post_with_sts_byte_for_byte() {
    let credentials = Credentials::with_security_token("testid", "testsecret", "sts-token/+=");
    let client = client(SignatureVersion::V3, HttpMethod::Post, credentials);
    let prepared = client
        .prepare_at(&CreateThing::default(), fixed_time(), NONCE)
        .expect("prepares");
    assert_eq!(
        prepared.expose_url(),
        "http://127.0.0.1:8080/?Amount=2&ClientToken=123e4567-e89b-12d3-a456-426655440000&ImageId=img-1\
         &Name=web%20server%20%2A1%2A%2F%E4%B8%AD%E6%96%87&Period=1&PlanId=swas.s1.c1m1s40b3t05\
         &RegionId=cn-hangzhou"
    );
    assert_eq!(
        headers(&prepared),
        vec![
            ("host", "127.0.0.1:8080"),
            ("x-acs-action", "CreateInstances"),
            ("x-acs-content-sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("x-acs-date", "2026-11-26T04:34:32Z"),
            ("x-acs-security-token", "sts-token/+="),
            ("x-acs-signature-nonce", NONCE),
            ("x-acs-version", "2020-06-01"),
            (
                "Authorization",
                "ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=host;x-acs-action;x-acs-content-sha256;\
                 x-acs-date;x-acs-security-token;x-acs-signature-nonce;x-acs-version,\
                 Signature=4bbc8e5f717807a29217917ac75838a25e269e4ca00fc9aa1f14ed7670bd2275"
            ),
            ("user-agent", USER_AGENT),
            ("accept", "application/json"),
        ]
    );
    assert!(prepared.body().is_empty());
    let debug = format!("{prepared:?}");
    assert!(
        !debug.contains("4bbc8e5f717807a2") && !debug.contains("sts-token"),
        "{debug}"
    );
}

#[test]
fn v3_get_byte_for_byte() {
    let client = client(
        SignatureVersion::V3,
        HttpMethod::Get,
        Credentials::new("testid", "testsecret"),
    );
    let prepared = client
        .prepare_at(&CreateThing::default(), fixed_time(), NONCE)
        .expect("prepares");
    assert_eq!(prepared.method(), HttpMethod::Get);
    assert_eq!(prepared.header("authorization"), Some("<redacted>"));
    assert_eq!(
        prepared.expose_header("authorization"),
        Some(
            "ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=host;x-acs-action;x-acs-content-sha256;\
             x-acs-date;x-acs-signature-nonce;x-acs-version,\
             Signature=17319a260f5822915333c9b2623c8157400670f6c90a9bedfa362f9c7e76de6e"
        )
    );
    assert_eq!(prepared.header("x-acs-security-token"), None);
}

#[test]
fn empty_client_token_is_filled_once_with_a_uuid() {
    let client = client(
        SignatureVersion::V1,
        HttpMethod::Post,
        Credentials::new("testid", "testsecret"),
    );
    for token in [None, Some(String::new())] {
        let op = CreateThing {
            client_token: token,
            ..CreateThing::default()
        };
        let prepared = client
            .prepare_at(&op, fixed_time(), NONCE)
            .expect("prepares");
        let url = prepared.expose_url();
        let value = url
            .split('&')
            .find_map(|p| p.strip_prefix("ClientToken="))
            .expect("ClientToken present");
        assert_eq!(value.len(), 36, "{value}");
        assert!(uuid_like(value), "{value}");
        assert_eq!(prepared.expose_url().matches("ClientToken=").count(), 1);
    }
}

fn uuid_like(s: &str) -> bool {
    let groups: Vec<&str> = s.split('-').collect();
    groups.iter().map(|g| g.len()).collect::<Vec<_>>() == [8, 4, 4, 4, 12]
        && groups
            .iter()
            .all(|g| g.bytes().all(|b| b.is_ascii_hexdigit()))
        && groups[2].starts_with('4')
}

#[test]
fn validation_runs_unless_disabled() {
    let bad = CreateThing {
        period: 2,
        region_id: String::new(),
        ..CreateThing::default()
    };
    let strict = client(
        SignatureVersion::V1,
        HttpMethod::Post,
        Credentials::new("testid", "testsecret"),
    );
    match strict.prepare_at(&bad, fixed_time(), NONCE) {
        Err(Error::InvalidRequest(errors)) => {
            assert_eq!(
                errors.codes(),
                vec!["MissingRegionId", "InvalidPeriod.ValueNotSupported"]
            );
        }
        other => panic!("expected InvalidRequest, got {other:?}"),
    }
    let lenient = Client::builder()
        .credentials(Credentials::new("testid", "testsecret"))
        .endpoint("http://127.0.0.1:8080")
        .validate_requests(false)
        .build()
        .expect("client builds");
    let prepared = lenient
        .prepare_at(&bad, fixed_time(), NONCE)
        .expect("validation is off");
    assert!(
        prepared.expose_url().contains("&Period=2&"),
        "{}",
        prepared.expose_url()
    );
}

#[test]
fn regional_endpoint_is_https() {
    let client = Client::builder()
        .credentials(Credentials::new("testid", "testsecret"))
        .region("cn-beijing")
        .regional_endpoints(SWAS)
        .app_name("my-app/1.2")
        .build()
        .expect("client builds");
    assert_eq!(
        client.endpoint().to_string(),
        "https://swas.cn-beijing.aliyuncs.com"
    );
    assert_eq!(client.region(), Some("cn-beijing"));
    let prepared = client
        .prepare_at(&CreateThing::default(), fixed_time(), NONCE)
        .expect("prepares");
    assert!(
        prepared
            .expose_url()
            .starts_with("https://swas.cn-beijing.aliyuncs.com/?AccessKeyId=testid&"),
        "{}",
        prepared.expose_url()
    );
    assert_eq!(
        prepared.header("host"),
        Some("swas.cn-beijing.aliyuncs.com")
    );
    assert_eq!(
        prepared.header("user-agent"),
        Some(format!("{USER_AGENT} my-app/1.2").as_str())
    );
}

#[test]
fn explicit_endpoint_wins_over_region() {
    let client = Client::builder()
        .credentials(Credentials::new("testid", "testsecret"))
        .region("mars-1")
        .regional_endpoints(SWAS)
        .endpoint("http://localhost:9000/")
        .build()
        .expect("client builds");
    assert_eq!(client.endpoint().to_string(), "http://localhost:9000");
}

#[test]
fn build_errors_are_specific() {
    let base = || Client::builder().credentials(Credentials::new("testid", "testsecret"));
    let message = |r: Result<Client, BuildError>| r.err().map(|e| e.to_string());
    assert_eq!(
        message(base().build()),
        Some(
            "no endpoint: set a region (with the product's endpoint table) or an explicit endpoint"
                .into()
        )
    );
    assert_eq!(
        message(base().region("mars-1").regional_endpoints(SWAS).build()),
        Some(
            "unknown region \"mars-1\": no endpoint is known for it (known regions: cn-hangzhou, \
             cn-beijing); set an explicit endpoint to use it anyway"
                .into()
        )
    );
    assert!(matches!(
        base().region("cn-hangzhou").build(),
        Err(BuildError::Endpoint(EndpointError::NoRegionTable { region })) if region == "cn-hangzhou"
    ));
    assert!(matches!(
        base().endpoint("127.0.0.1:8080").build(),
        Err(BuildError::Endpoint(EndpointError::MissingScheme { .. }))
    ));
    assert_eq!(
        message(base().endpoint("http://h").app_name("bad\nname").build()),
        Some("invalid client configuration: the app name contains characters not allowed in an HTTP header".into())
    );
}

#[tokio::test]
async fn credentials_from_an_injected_chain() {
    let chain = DefaultChain::with_vars([
        ("ALIBABA_CLOUD_ACCESS_KEY_ID", "env-id"),
        ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "env-secret"),
    ]);
    let client = Client::builder()
        .credentials_chain(chain)
        .endpoint("http://127.0.0.1:8080")
        .build()
        .expect("client builds");
    let credentials = client.resolve_credentials().await.expect("resolves");
    assert_eq!(
        credentials.expect("signed client").access_key_id(),
        "env-id"
    );
    let debug = format!("{client:?}");
    assert!(
        debug.contains("env-id") && !debug.contains("env-secret"),
        "{debug}"
    );
}
