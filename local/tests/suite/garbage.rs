//! Garbage in: clear Alibaba-shaped errors, no panic, and the server keeps serving.

use crate::common;

use std::time::{Duration, SystemTime};

use acs_runtime::sign::{self, v1};
use common::*;
use swas_local::Config;
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};

async fn get(http: &reqwest::Client, url: String) -> (u16, String, String) {
    read(http.get(url).send().await.expect("answer")).await
}

/// Writes raw bytes on a fresh connection and returns what comes back before the server closes
/// it (or 5 s pass).
async fn raw_exchange(addr: std::net::SocketAddr, bytes: &[u8]) -> String {
    let mut stream = tokio::net::TcpStream::connect(addr)
        .await
        .expect("connects");
    stream.write_all(bytes).await.expect("writes");
    let mut out = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(5), stream.read_to_end(&mut out)).await;
    String::from_utf8_lossy(&out).into_owned()
}

#[tokio::test]
async fn malformed_requests_get_clear_errors() {
    let server = start(Config {
        max_body_bytes: 4096,
        ..Config::default()
    })
    .await;
    let host = server.addr().to_string();
    let url = server.url();
    let http = reqwest::Client::new();

    let (status, id, body) =
        get(&http, format!("{url}/?Action=CreateInstances&RegionId=%zz")).await;
    assert_eq!(status, 400);
    assert_eq!(
        body,
        error_body(
            &id,
            &host,
            "InvalidParameter",
            "The request is not valid: the query string has an invalid percent-escape \"%zz\": `%` must be followed by two hex digits."
        )
    );
    let (status, id, body) = get(&http, format!("{url}/?Action=%ff%fe")).await;
    assert_eq!(status, 400);
    assert_eq!(
        body,
        error_body(
            &id,
            &host,
            "InvalidParameter",
            "The request is not valid: the query string is not UTF-8 once decoded."
        )
    );

    // Oversized body, announced by Content-Length.
    let response = http
        .post(format!("{url}/"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(vec![b'a'; 10_000])
        .send()
        .await
        .expect("answer");
    let (status, id, body) = read(response).await;
    assert_eq!(status, 413);
    assert_eq!(
        body,
        error_body(
            &id,
            &host,
            "RequestEntityTooLarge",
            "The request body is larger than the maximum of 4096 bytes."
        )
    );
    // Oversized chunked body (no Content-Length).
    let chunk = "a".repeat(3000);
    let request = format!(
        "POST / HTTP/1.1\r\nhost: {host}\r\ntransfer-encoding: chunked\r\nconnection: close\r\n\r\nbb8\r\n{chunk}\r\nbb8\r\n{chunk}\r\n0\r\n\r\n"
    );
    let answer = raw_exchange(server.addr(), request.as_bytes()).await;
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    assert!(
        answer.contains("\"Code\":\"RequestEntityTooLarge\""),
        "{answer}"
    );
    // Malformed form body.
    let response = http
        .post(format!("{url}/"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("Action=CreateInstances&PlanId=%g1")
        .send()
        .await
        .expect("answer");
    let (status, _, body) = read(response).await;
    assert_eq!(status, 400);
    assert!(
        body.contains("the form body has an invalid percent-escape"),
        "{body}"
    );

    // A correctly signed call of an action this service does not have.
    let nonce = sign::new_nonce();
    let timestamp = sign::format_timestamp(SystemTime::now());
    let common = v1::CommonParams {
        action: "DescribeInstances",
        version: "2020-06-01",
        format: "JSON",
        access_key_id: "testid",
        security_token: None,
        signature_nonce: &nonce,
        timestamp: &timestamp,
    };
    let query = v1::sign_request("GET", &common, [("RegionId", "cn-hangzhou")], "testsecret");
    let (status, id, body) = get(&http, format!("{url}/?{query}")).await;
    assert_eq!(status, 404);
    assert_eq!(
        body,
        error_body(
            &id,
            &host,
            "InvalidAction.NotFound",
            "Specified api is not found, please check your url and method."
        )
    );
    let (status, _, body) = get(&http, format!("{url}/some/path?Action=CreateInstances")).await;
    assert_eq!(status, 404);
    assert!(
        body.contains("\"Code\":\"InvalidAction.NotFound\""),
        "{body}"
    );
    let (status, id, body) = get(&http, format!("{url}/?Version=2020-06-01")).await;
    assert_eq!(status, 400);
    assert_eq!(
        body,
        error_body(
            &id,
            &host,
            "MissingParameter",
            "The input parameter \"Action\" that is mandatory for processing this request is not supplied."
        )
    );
    let response = http
        .delete(format!("{url}/?Action=CreateInstances"))
        .send()
        .await
        .expect("answer");
    let (status, _, body) = read(response).await;
    assert_eq!(status, 405);
    assert!(
        body.contains("\"Code\":\"UnsupportedHTTPMethod\""),
        "{body}"
    );
    let response = http
        .post(format!("{url}/?Action=CreateInstances&Version=2020-06-01"))
        .header("authorization", "Bearer abc")
        .send()
        .await
        .expect("answer");
    let (status, _, body) = read(response).await;
    assert_eq!(status, 400);
    assert!(body.contains("\"Code\":\"IncompleteSignature\""), "{body}");
    // Garbage timestamps and a bad signature method.
    let response = http
        .get(format!(
            "{url}/?Action=ListRegions&Version=2020-06-01&AccessKeyId=testid&Signature=x&SignatureMethod=HMAC-SHA1&SignatureVersion=1.0&SignatureNonce=n&Timestamp=yesterday"
        ))
        .send()
        .await
        .expect("answer");
    let (status, id, body) = read(response).await;
    assert_eq!(status, 400);
    assert_eq!(
        body,
        error_body(
            &id,
            &host,
            "InvalidTimeStamp.Format",
            "Specified time stamp or date value is not well formatted."
        )
    );
    let response = http
        .get(format!(
            "{url}/?Action=ListRegions&Version=2020-06-01&AccessKeyId=testid&Signature=x&SignatureMethod=MD5&SignatureVersion=1.0&SignatureNonce=n&Timestamp=yesterday"
        ))
        .send()
        .await
        .expect("answer");
    let (status, _, body) = read(response).await;
    assert_eq!(status, 400);
    assert!(
        body.contains("\"SignatureMethod\\\" is not valid"),
        "{body}"
    );

    // Not HTTP at all: hyper answers 400 or closes; either way the server lives on.
    let answer = raw_exchange(
        server.addr(),
        b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03garbage\r\n\r\n",
    )
    .await;
    assert!(
        answer.is_empty() || answer.starts_with("HTTP/1.1 400"),
        "{answer}"
    );
    let answer = raw_exchange(
        server.addr(),
        b"GET /?Action=%%% HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n",
    )
    .await;
    assert!(answer.starts_with("HTTP/1.1 400"), "{answer}");

    // Still serving.
    let client = client(&url);
    let output = client.send(&page_example()).await.expect("still serving");
    assert_eq!(output.instance_ids.len(), 1);
    server.shutdown().await;
}
