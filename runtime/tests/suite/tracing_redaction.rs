//! Spans and events carry action, host, attempts, status, request id, latency and outcome, and
//! never a secret, a security token or a signature.

use crate::common;

use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use acs_runtime::client::{Client, SignatureVersion};
use acs_runtime::credentials::Credentials;
use acs_runtime::RetryConfig;
use common::{success_output, CreateThing, Reply, TestServer, SUCCESS_BODY};
use tracing_subscriber::fmt::format::FmtSpan;

#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<u8>>>);

impl Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if let Ok(mut out) = self.0.lock() {
            out.extend_from_slice(buf);
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

const SECRET: &str = "tracing-secret-value";
const TOKEN: &str = "tracing-sts-token-value";

async fn run(version: SignatureVersion) -> (String, Vec<String>) {
    let capture = Capture::default();
    let writer = capture.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_env_filter("acs_runtime=trace")
        .with_span_events(FmtSpan::CLOSE)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let error = r#"{"RequestId":"REQ-TR","Code":"InternalError","Message":"boom"}"#;
    let server = TestServer::start(vec![
        Reply::json(500, error),
        Reply::json(200, SUCCESS_BODY),
    ])
    .await;
    let client = Client::builder()
        .credentials(Credentials::with_security_token("trace-id", SECRET, TOKEN))
        .endpoint(server.url())
        .signature_version(version)
        .retry(
            RetryConfig::new()
                .with_max_attempts(2)
                .with_initial_backoff(Duration::from_millis(1)),
        )
        .build()
        .expect("client builds");
    assert_eq!(
        client.send(&CreateThing::default()).await.ok(),
        Some(success_output())
    );
    let signatures: Vec<String> = server
        .requests()
        .iter()
        .filter_map(|r| {
            r.param("Signature").map(str::to_owned).or_else(|| {
                r.header("authorization")
                    .and_then(|a| a.rsplit('=').next())
                    .map(str::to_owned)
            })
        })
        .collect();
    assert_eq!(signatures.len(), 2);
    let text = capture
        .0
        .lock()
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .unwrap_or_default();
    (text, signatures)
}

fn check(text: &str, signatures: &[String]) {
    for needle in [
        "acs_call",
        "action=\"CreateInstances\"",
        "host=\"127.0.0.1\"",
        "code=\"InternalError\"",
        "request_id=\"REQ-TR\"",
        "retrying",
        "attempts=2",
        "outcome=\"ok\"",
        "latency_ms=",
    ] {
        assert!(text.contains(needle), "{needle} missing from:\n{text}");
    }
    for leak in [SECRET, TOKEN, "Signature=", "SecurityToken"] {
        assert!(!text.contains(leak), "{leak} leaked into:\n{text}");
    }
    for signature in signatures {
        assert!(
            !text.contains(signature.as_str()),
            "signature leaked into:\n{text}"
        );
    }
}

#[tokio::test]
async fn v1_calls_trace_without_secrets() {
    let (text, signatures) = run(SignatureVersion::V1).await;
    check(&text, &signatures);
}

#[tokio::test]
async fn v3_calls_trace_without_secrets() {
    let (text, signatures) = run(SignatureVersion::V3).await;
    check(&text, &signatures);
}

/// A security token with the characters percent-encoding changes.
const STS_TOKEN: &str = "CAIS+sts/token=value";

/// `text` percent-encoded as Alibaba Cloud's v1 canonical form encodes (unreserved kept).
fn encode(text: &str) -> String {
    const SET: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'_')
        .remove(b'.')
        .remove(b'~');
    percent_encoding::utf8_percent_encode(text, SET).to_string()
}

/// The body Alibaba Cloud answers to a v1 request whose signature it cannot match: the message
/// echoes the string it signed, `POST&%2F&` + the encoded canonical query, whose
/// `SecurityToken` parameter is the caller's token, percent-encoded twice.
fn signature_mismatch_body() -> String {
    let params = [
        ("AccessKeyId", "trace-id"),
        ("Action", "CreateInstances"),
        ("Format", "JSON"),
        ("RegionId", "cn-hangzhou"),
        ("SecurityToken", STS_TOKEN),
        ("SignatureMethod", "HMAC-SHA1"),
        ("SignatureNonce", "2a08c092f82b60e0bbb22e89726b8cea"),
        ("SignatureVersion", "1.0"),
        ("Timestamp", "2026-11-26T04:34:32Z"),
        ("Version", "2020-06-01"),
    ];
    let canonical: Vec<String> = params
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect();
    let string_to_sign = format!("POST&{}&{}", encode("/"), encode(&canonical.join("&")));
    assert!(string_to_sign.contains("SecurityToken%3DCAIS%252Bsts%252Ftoken%253Dvalue%26"));
    serde_json::json!({
        "RequestId": "REQ-SIG",
        "HostId": "swas.cn-hangzhou.aliyuncs.com",
        "Code": "SignatureDoesNotMatch",
        "Message": format!(
            "Specified signature is not matched with our calculation. server string to sign is:{string_to_sign}"
        ),
        "Recommend": "https://api.aliyun.com/troubleshoot?q=SignatureDoesNotMatch",
    })
    .to_string()
}

/// Issue 20 (4): the echoed string to sign carried the security token into the error's
/// `Display` and `Debug`. Now neither the token nor either of its encodings is in the error,
/// its message, or the trace of the call; the rest of the echo stays for troubleshooting.
#[tokio::test]
async fn signature_mismatch_echo_loses_the_security_token_everywhere() {
    let capture = Capture::default();
    let writer = capture.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_env_filter("trace")
        .with_span_events(FmtSpan::FULL)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let server = TestServer::start(vec![Reply::json(400, &signature_mismatch_body())]).await;
    let client = Client::builder()
        .credentials(Credentials::with_security_token(
            "trace-id", SECRET, STS_TOKEN,
        ))
        .endpoint(server.url())
        .signature_version(SignatureVersion::V1)
        .retry(RetryConfig::disabled())
        .build()
        .expect("client builds");
    let error = client
        .send(&CreateThing::default())
        .await
        .expect_err("SignatureDoesNotMatch");
    let service = error.service_error().expect("a service error");
    let message = acs_runtime::ServiceError::meta(service).message.clone();
    assert!(
        message.contains(
            "server string to sign is:POST&%2F&AccessKeyId%3Dtrace-id%26Action%3DCreateInstances"
        ),
        "{message}"
    );
    assert!(
        message.contains("%26SecurityToken%3D<redacted>%26SignatureMethod%3DHMAC-SHA1"),
        "{message}"
    );
    let trace = String::from_utf8_lossy(&capture.0.lock().expect("lock")).into_owned();
    let encoded_once = encode(STS_TOKEN);
    let encoded_twice = encode(&encoded_once);
    for (what, text) in [
        ("Display", error.to_string()),
        ("Debug", format!("{error:?}")),
        ("alternate Debug", format!("{error:#?}")),
        ("trace", trace),
    ] {
        for leak in [
            STS_TOKEN,
            encoded_once.as_str(),
            encoded_twice.as_str(),
            SECRET,
            "CAIS",
        ] {
            assert!(!text.contains(leak), "{what} shows {leak}:\n{text}");
        }
    }
}
