//! Spans and events carry action, host, attempts, status, request id, latency and outcome, and
//! never a secret, a security token or a signature.

mod common;

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
