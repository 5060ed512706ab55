//! Both signature schemes, both methods, query and form parameters, and every authentication
//! failure with its exact status and body.

use crate::common;

use std::time::{Duration, SystemTime};

use acs_runtime::client::{Client, HttpMethod, SignatureVersion};
use acs_runtime::error::Error;
use acs_runtime::sign::{self, v1, v3};
use acs_runtime::{Credentials, RetryConfig};
use common::*;
use swas::CreateInstancesError;
use swas_local::Config;

fn client_method(url: &str, version: SignatureVersion, method: HttpMethod) -> Client {
    Client::builder()
        .endpoint(url)
        .credentials(Credentials::new("testid", "testsecret"))
        .signature_version(version)
        .http_method(method)
        .retry(RetryConfig::disabled())
        .build()
        .expect("client")
}

/// The typed common error (signature, access key, …) of a failed call.
fn common_error(
    result: Result<swas::CreateInstancesResponse, Error<CreateInstancesError>>,
) -> (acs_runtime::CommonError, acs_runtime::ErrorMeta) {
    match result {
        Err(Error::Service {
            error: CreateInstancesError::Common(common, meta),
            ..
        }) => (common, *meta),
        other => panic!("expected a common service error, got {other:?}"),
    }
}

#[tokio::test]
async fn v1_and_v3_with_get_and_post_are_accepted() {
    let server = start(Config::default()).await;
    for version in [SignatureVersion::V1, SignatureVersion::V3] {
        for method in [HttpMethod::Post, HttpMethod::Get] {
            let client = client_method(&server.url(), version, method);
            let output = client
                .send(&page_example())
                .await
                .unwrap_or_else(|e| panic!("{version:?} {method:?}: {e}"));
            assert_eq!(output.instance_ids.len(), 1);
            let regions = client
                .send(&swas::ListRegions::builder().build())
                .await
                .unwrap_or_else(|e| panic!("{version:?} {method:?}: {e}"));
            assert_eq!(regions.regions.len(), 3);
        }
    }
    assert_eq!(server.instance_count().await, 4);
    server.shutdown().await;
}

fn common_params<'a>(nonce: &'a str, timestamp: &'a str) -> v1::CommonParams<'a> {
    v1::CommonParams {
        action: "CreateInstances",
        version: "2020-06-01",
        format: "JSON",
        access_key_id: "testid",
        security_token: None,
        signature_nonce: nonce,
        timestamp,
    }
}

const OP_PARAMS: [(&str, &str); 5] = [
    ("RegionId", "cn-hangzhou"),
    ("ImageId", IMAGE),
    ("PlanId", PLAN),
    ("Period", "1"),
    ("Amount", "1"),
];

#[tokio::test]
async fn v1_form_body_and_split_query_and_body() {
    let server = start(Config::default()).await;
    let http = reqwest::Client::new();
    let url = format!("{}/", server.url());

    // Everything in an application/x-www-form-urlencoded body.
    let nonce = sign::new_nonce();
    let timestamp = sign::format_timestamp(SystemTime::now());
    let form = v1::sign_request(
        "POST",
        &common_params(&nonce, &timestamp),
        OP_PARAMS,
        "testsecret",
    );
    let response = http
        .post(&url)
        .header(
            "content-type",
            "application/x-www-form-urlencoded; charset=utf-8",
        )
        .body(form)
        .send()
        .await
        .expect("answer");
    let (status, _, body) = read(response).await;
    assert_eq!(status, 200, "{body}");
    let output: swas::CreateInstancesResponse = serde_json::from_str(&body).expect("json");
    assert_eq!(output.instance_ids.len(), 1);

    // Common parameters in the query, operation parameters in the body: one signature over both,
    // with the method actually used.
    let nonce = sign::new_nonce();
    let timestamp = sign::format_timestamp(SystemTime::now());
    let common = [
        ("Action", "CreateInstances"),
        ("Version", "2020-06-01"),
        ("Format", "JSON"),
        ("AccessKeyId", "testid"),
        ("SignatureMethod", "HMAC-SHA1"),
        ("SignatureVersion", "1.0"),
        ("SignatureNonce", nonce.as_str()),
        ("Timestamp", timestamp.as_str()),
    ];
    let all: Vec<(&str, &str)> = common.iter().chain(OP_PARAMS.iter()).copied().collect();
    let signature = v1::signature("POST", all.iter().copied(), "testsecret");
    let query = format!(
        "{}&Signature={}",
        v1::canonical_query(common.iter().copied()),
        sign::percent_encoded(&signature)
    );
    let body = v1::canonical_query(OP_PARAMS.iter().copied());
    let response = http
        .post(format!("{url}?{query}"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body.clone())
        .send()
        .await
        .expect("answer");
    let (status, _, text) = read(response).await;
    assert_eq!(status, 200, "{text}");

    // The same split request signed as GET but sent as POST does not verify.
    let nonce = sign::new_nonce();
    let mut common_get = common;
    common_get[6] = ("SignatureNonce", nonce.as_str());
    let all: Vec<(&str, &str)> = common_get.iter().chain(OP_PARAMS.iter()).copied().collect();
    let signature = v1::signature("GET", all.iter().copied(), "testsecret");
    let query = format!(
        "{}&Signature={}",
        v1::canonical_query(common_get.iter().copied()),
        sign::percent_encoded(&signature)
    );
    let response = http
        .post(format!("{url}?{query}"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .expect("answer");
    let (status, id, text) = read(response).await;
    assert_eq!(status, 400);
    assert_eq!(
        text,
        error_body(
            &id,
            &server.addr().to_string(),
            "SignatureDoesNotMatch",
            "Specified signature is not matched with our calculation."
        )
    );
    assert_eq!(server.instance_count().await, 2);
    server.shutdown().await;
}

#[tokio::test]
async fn v3_uses_exactly_the_signed_headers() {
    // Like the Python SDK: user-agent, accept and a custom header signed too.
    let server = start(Config::default()).await;
    let http = reqwest::Client::new();
    let host = server.addr().to_string();
    let nonce = sign::new_nonce();
    let date = sign::format_timestamp(SystemTime::now());
    let headers = [
        ("host", host.as_str()),
        ("accept", "application/json"),
        (
            "user-agent",
            "AlibabaCloud (Linux; x86_64) Python/3.11.7 Core/0.4.3 TeaDSL/2",
        ),
        ("x-acs-action", "CreateInstances"),
        ("x-acs-content-sha256", v3::EMPTY_PAYLOAD_SHA256),
        ("x-acs-credentials-provider", "static_ak"),
        ("x-acs-date", date.as_str()),
        ("x-acs-signature-nonce", nonce.as_str()),
        ("x-acs-version", "2020-06-01"),
    ];
    let names: Vec<&str> = headers.iter().map(|(n, _)| *n).collect();
    let signature = v3::signature(
        "testsecret",
        "POST",
        "/",
        OP_PARAMS,
        headers,
        &names,
        v3::EMPTY_PAYLOAD_SHA256,
    )
    .expect("signs");
    let authorization = v3::authorization_header("testid", &names, &signature);
    let send = |extra: Option<(&'static str, &'static str)>| {
        let mut request = http
            .post(format!(
                "{}/?{}",
                server.url(),
                v3::canonical_query(OP_PARAMS)
            ))
            .header("authorization", &authorization)
            .header("content-length", "0");
        for (name, value) in headers.iter().filter(|(n, _)| *n != "host") {
            request = request.header(*name, *value);
        }
        if let Some((name, value)) = extra {
            request = request.header(name, value);
        }
        request.send()
    };
    let (status, _, body) = read(
        send(Some(("x-unsigned", "anything")))
            .await
            .expect("answer"),
    )
    .await;
    assert_eq!(status, 200, "an unsigned extra header is ignored: {body}");

    // Replaying it: the nonce is spent.
    let (status, id, body) = read(send(None).await.expect("answer")).await;
    assert_eq!(status, 400);
    assert_eq!(
        body,
        error_body(
            &id,
            &host,
            "SignatureNonceUsed",
            "Specified signature nonce was used already."
        )
    );
    server.shutdown().await;
}

#[tokio::test]
async fn wrong_secret_and_unknown_key() {
    let server = start(Config::default()).await;
    for version in [SignatureVersion::V1, SignatureVersion::V3] {
        let wrong = client_with(&server.url(), "testid", "not-the-secret", version);
        let (common, meta) = common_error(wrong.send(&page_example()).await);
        assert_eq!(common, acs_runtime::CommonError::SignatureDoesNotMatch);
        assert_eq!(meta.code, "SignatureDoesNotMatch", "{version:?}");
        assert_eq!(meta.http_status, 400);
        assert_eq!(
            meta.message,
            "Specified signature is not matched with our calculation."
        );
        assert!(meta.request_id.is_some());

        let unknown = client_with(&server.url(), "nobody", "testsecret", version);
        let (common, meta) = common_error(unknown.send(&page_example()).await);
        assert_eq!(common, acs_runtime::CommonError::InvalidAccessKeyIdNotFound);
        assert_eq!(meta.code, "InvalidAccessKeyId.NotFound", "{version:?}");
        assert_eq!(meta.http_status, 404);
        assert_eq!(meta.message, "Specified access key is not found.");
    }
    assert_eq!(server.instance_count().await, 0);
    server.shutdown().await;
}

#[tokio::test]
async fn replayed_nonce_and_expired_timestamp_exact_bodies() {
    let server = start(Config::default()).await;
    let host = server.addr().to_string();
    let http = reqwest::Client::new();
    for version in [SignatureVersion::V1, SignatureVersion::V3] {
        let client = client_with(&server.url(), "testid", "testsecret", version);
        let prepared = client.prepare(&page_example()).expect("prepares");

        let (status, _, body) = read(send_raw(&http, &prepared).await).await;
        assert_eq!(status, 200, "{version:?}: {body}");
        let (status, id, body) = read(send_raw(&http, &prepared).await).await;
        assert_eq!(status, 400, "{version:?}");
        assert_eq!(
            body,
            error_body(
                &id,
                &host,
                "SignatureNonceUsed",
                "Specified signature nonce was used already."
            )
        );

        let old = SystemTime::now() - Duration::from_secs(20 * 60);
        let prepared = client
            .prepare_at(&page_example(), old, &sign::new_nonce())
            .expect("prepares");
        let (status, id, body) = read(send_raw(&http, &prepared).await).await;
        assert_eq!(status, 400, "{version:?}");
        assert_eq!(
            body,
            error_body(
                &id,
                &host,
                "InvalidTimeStamp.Expired",
                "Specified time stamp or date value is expired."
            )
        );
        // 14 minutes in the future is still inside the window.
        let soon = SystemTime::now() + Duration::from_secs(14 * 60);
        let prepared = client
            .prepare_at(&page_example(), soon, &sign::new_nonce())
            .expect("prepares");
        let (status, _, body) = read(send_raw(&http, &prepared).await).await;
        assert_eq!(status, 200, "{version:?}: {body}");
    }
    // The nonce of another key is its own.
    assert_eq!(server.instance_count().await, 4);
    server.shutdown().await;
}

#[tokio::test]
async fn tampering_is_detected() {
    let server = start(Config::default()).await;
    let host = server.addr().to_string();
    let http = reqwest::Client::new();

    // v1: a parameter changed after signing.
    let client = client(&server.url());
    let mut prepared = Raw::from(&client.prepare(&page_example()).expect("prepares"));
    prepared.url = prepared.url.replace("Amount=1", "Amount=2");
    let (status, id, body) = read(send_raw(&http, &mut prepared).await).await;
    assert_eq!(status, 400);
    assert_eq!(
        body,
        error_body(
            &id,
            &host,
            "SignatureDoesNotMatch",
            "Specified signature is not matched with our calculation."
        )
    );

    // V3: a body whose hash is not the one signed.
    let v3_client = client_with(&server.url(), "testid", "testsecret", SignatureVersion::V3);
    let mut prepared = Raw::from(&v3_client.prepare(&page_example()).expect("prepares"));
    prepared.body = b"Amount=20".to_vec();
    let (status, _, body) = read(send_raw(&http, &mut prepared).await).await;
    assert_eq!(status, 400);
    assert!(
        body.contains("\"Code\":\"SignatureDoesNotMatch\""),
        "{body}"
    );
    assert!(body.contains("x-acs-content-sha256"), "{body}");

    // V3: a required header left out of SignedHeaders.
    let mut prepared = Raw::from(&v3_client.prepare(&page_example()).expect("prepares"));
    for (name, value) in &mut prepared.headers {
        if *name == "Authorization" {
            *value = value.replace("x-acs-date;", "");
        }
    }
    let (status, id, body) = read(send_raw(&http, &mut prepared).await).await;
    assert_eq!(status, 400);
    assert_eq!(
        body,
        error_body(
            &id,
            &host,
            "IncompleteSignature",
            "The request signature does not conform to Aliyun standards: the header `x-acs-date` must be among SignedHeaders."
        )
    );

    // V3: a malformed Authorization header.
    let mut prepared = Raw::from(&v3_client.prepare(&page_example()).expect("prepares"));
    for (name, value) in &mut prepared.headers {
        if *name == "Authorization" {
            *value = "ACS3-HMAC-SHA256 Credential=testid".to_owned();
        }
    }
    let (status, _, body) = read(send_raw(&http, &mut prepared).await).await;
    assert_eq!(status, 400);
    assert!(body.contains("\"Code\":\"IncompleteSignature\""), "{body}");

    // Wrong version and missing signature parameters.
    let (status, id, body) = read(
        http.get(format!(
            "{}/?Action=CreateInstances&Version=2014-05-26",
            server.url()
        ))
        .send()
        .await
        .expect("answer"),
    )
    .await;
    assert_eq!(status, 400);
    assert_eq!(
        body,
        error_body(
            &id,
            &host,
            "InvalidVersion",
            "Specified parameter Version is not valid."
        )
    );
    let (status, id, body) = read(
        http.get(format!(
            "{}/?Action=CreateInstances&Version=2020-06-01&AccessKeyId=testid",
            server.url()
        ))
        .send()
        .await
        .expect("answer"),
    )
    .await;
    assert_eq!(status, 400);
    assert_eq!(
        body,
        error_body(
            &id,
            &host,
            "MissingParameter",
            "The input parameter \"Signature\" that is mandatory for processing this request is not supplied."
        )
    );
    assert_eq!(server.instance_count().await, 0);
    server.shutdown().await;
}
