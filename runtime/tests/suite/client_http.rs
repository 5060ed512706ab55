//! `Client::send` against a scripted HTTP server on 127.0.0.1: retries, idempotency tokens,
//! nonces, error bodies, timeouts, and server-side signature verification.

use crate::common;

use std::collections::HashSet;
use std::time::{Duration, Instant};

use acs_runtime::client::{Client, SignatureVersion};
use acs_runtime::credentials::Credentials;
use acs_runtime::sign::{v1, v3};
use acs_runtime::{Error, ErrorMeta, RetryConfig, UnexpectedResponse};
use common::{success_output, CreateError, CreateThing, Reply, TestServer, SUCCESS_BODY};

const INTERNAL_ERROR: &str = r#"{"RequestId":"REQ-500","HostId":"swas.aliyuncs.com","Code":"InternalError","Message":"An error occurred while processing your request.","Recommend":"https://api.aliyun.com/troubleshoot?q=InternalError"}"#;
const UNAVAILABLE: &str = r#"{"RequestId":"REQ-503","Code":"ServiceUnavailable","Message":"The request has failed due to a temporary failure of the server."}"#;

fn fast_retries(attempts: u32) -> RetryConfig {
    RetryConfig::new()
        .with_max_attempts(attempts)
        .with_initial_backoff(Duration::from_millis(1))
        .with_max_backoff(Duration::from_millis(4))
        .with_jitter(0.0)
}

fn client_for(server: &TestServer, version: SignatureVersion, retry: RetryConfig) -> Client {
    Client::builder()
        .credentials(Credentials::new("testid", "testsecret"))
        .endpoint(server.url())
        .signature_version(version)
        .retry(retry)
        .build()
        .expect("client builds")
}

fn no_token() -> CreateThing {
    CreateThing {
        client_token: None,
        ..CreateThing::default()
    }
}

#[tokio::test]
async fn retries_500_503_and_a_dropped_connection_then_succeeds() {
    let server = TestServer::start(vec![
        Reply::json(500, INTERNAL_ERROR),
        Reply::json(503, UNAVAILABLE),
        Reply::Drop,
        Reply::json(200, SUCCESS_BODY),
    ])
    .await;
    let client = client_for(&server, SignatureVersion::V1, fast_retries(4));
    let output = client.send(&no_token()).await;
    assert_eq!(output.ok(), Some(success_output()));

    let requests = server.requests();
    assert_eq!(requests.len(), 4);
    let tokens: HashSet<&str> = requests
        .iter()
        .filter_map(|r| r.param("ClientToken"))
        .collect();
    assert_eq!(
        tokens.len(),
        1,
        "one ClientToken across attempts: {tokens:?}"
    );
    let token = tokens.iter().next().copied().unwrap_or_default();
    assert_eq!(token.len(), 36);
    let nonces: HashSet<&str> = requests
        .iter()
        .filter_map(|r| r.param("SignatureNonce"))
        .collect();
    assert_eq!(nonces.len(), 4, "a fresh nonce per attempt: {nonces:?}");
    assert!(nonces
        .iter()
        .all(|n| n.len() == 32 && n.bytes().all(|b| b.is_ascii_hexdigit())));
    for request in &requests {
        // What a server does: verify the v1 signature over everything it received.
        assert_eq!(request.method, "POST");
        assert_eq!(request.path, "/");
        assert!(request.body.is_empty());
        assert_eq!(request.header("content-length"), Some("0"));
        assert_eq!(
            request
                .headers
                .iter()
                .filter(|(k, _)| k == "content-length")
                .count(),
            1
        );
        assert_eq!(request.param("Format"), Some("JSON"));
        let signature = request.param("Signature").expect("signed");
        assert!(v1::verify(
            "POST",
            request.query_pairs(),
            "testsecret",
            signature
        ));
        assert_eq!(
            request.header("host"),
            Some(server.addr.to_string().as_str())
        );
        assert_eq!(
            request.header("user-agent"),
            Some(acs_runtime::client::USER_AGENT)
        );
        assert_eq!(
            request
                .headers
                .iter()
                .filter(|(k, _)| k == "user-agent")
                .count(),
            1
        );
        // The client's fixed headers (sent already parsed) in the order `expose_headers` gives.
        let fixed: Vec<&str> = request
            .headers
            .iter()
            .map(|(k, _)| k.as_str())
            .filter(|k| ["user-agent", "accept"].contains(k))
            .collect();
        assert_eq!(fixed, ["user-agent", "accept"]);
        assert_eq!(request.header("accept"), Some("application/json"));
    }
}

#[tokio::test]
async fn v3_requests_verify_on_the_server_and_retry_keeps_the_token() {
    let server = TestServer::start(vec![
        Reply::json(500, INTERNAL_ERROR),
        Reply::json(200, SUCCESS_BODY),
    ])
    .await;
    let client = Client::builder()
        .credentials(Credentials::with_security_token(
            "testid",
            "testsecret",
            "tok",
        ))
        .endpoint(server.url())
        .signature_version(SignatureVersion::V3)
        .retry(fast_retries(2))
        .build()
        .expect("client builds");
    assert_eq!(client.send(&no_token()).await.ok(), Some(success_output()));
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    for request in &requests {
        assert_eq!(request.param("Action"), None);
        assert_eq!(request.param("Format"), None);
        assert_eq!(request.header("x-acs-action"), Some("CreateInstances"));
        assert_eq!(request.header("x-acs-security-token"), Some("tok"));
        let header = request.header("authorization").expect("Authorization");
        let auth = v3::parse_authorization(header).expect("parses");
        assert_eq!(auth.access_key_id, "testid");
        let verified = v3::verify(
            "testsecret",
            &request.method,
            &request.path,
            request.query_pairs(),
            request.header_pairs(),
            &auth,
            &v3::hashed_payload(&request.body),
        );
        assert_eq!(verified, Ok(true));
    }
    assert_eq!(
        requests[0].param("ClientToken"),
        requests[1].param("ClientToken")
    );
    assert_ne!(
        requests[0].header("x-acs-signature-nonce"),
        requests[1].header("x-acs-signature-nonce")
    );
}

#[tokio::test]
async fn a_400_is_not_retried() {
    let body =
        r#"{"RequestId":"REQ-400","Code":"NotEnoughStock","Message":"The stock is insufficient."}"#;
    let server =
        TestServer::start(vec![Reply::json(400, body), Reply::json(200, SUCCESS_BODY)]).await;
    let client = client_for(&server, SignatureVersion::V1, fast_retries(3));
    let err = client.send(&CreateThing::default()).await.err();
    let expected = CreateError::NotEnoughStock(ErrorMeta {
        code: "NotEnoughStock".into(),
        message: "The stock is insufficient.".into(),
        http_status: 400,
        request_id: Some("REQ-400".into()),
        host_id: None,
        recommend: None,
    });
    match err {
        Some(Error::Service {
            error,
            attempts,
            client_token,
        }) => {
            assert_eq!(error, expected);
            assert_eq!(attempts, 1);
            assert_eq!(
                client_token,
                Some("123e4567-e89b-12d3-a456-426655440000".into())
            );
        }
        other => panic!("expected a service error, got {other:?}"),
    }
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn retries_stop_at_max_attempts() {
    let server = TestServer::start(vec![Reply::json(500, INTERNAL_ERROR); 3]).await;
    let client = client_for(&server, SignatureVersion::V1, fast_retries(2));
    match client.send(&CreateThing::default()).await {
        Err(Error::Service {
            error: CreateError::InternalError(meta),
            attempts,
            client_token,
        }) => {
            assert_eq!(attempts, 2);
            assert_eq!(
                client_token,
                Some("123e4567-e89b-12d3-a456-426655440000".into())
            );
            assert_eq!(meta.request_id.as_deref(), Some("REQ-500"));
            assert_eq!(meta.host_id.as_deref(), Some("swas.aliyuncs.com"));
            assert_eq!(
                meta.recommend.as_deref(),
                Some("https://api.aliyun.com/troubleshoot?q=InternalError")
            );
            assert_eq!(meta.http_status, 500);
        }
        other => panic!("expected InternalError after 2 attempts, got {other:?}"),
    }
    assert_eq!(server.requests().len(), 2);
}

#[tokio::test]
async fn disabled_retries_send_once() {
    let server = TestServer::start(vec![
        Reply::json(503, UNAVAILABLE),
        Reply::json(200, SUCCESS_BODY),
    ])
    .await;
    let client = client_for(&server, SignatureVersion::V1, RetryConfig::disabled());
    assert!(matches!(
        client.send(&CreateThing::default()).await,
        Err(Error::Service { error: CreateError::Unknown(ref m), attempts: 1, .. }) if m.code == "ServiceUnavailable"
    ));
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn throttling_honours_retry_after() {
    let throttled = r#"{"RequestId":"REQ-T","Code":"Throttling.User","Message":"Request was denied due to user flow control."}"#;
    let server = TestServer::start(vec![
        Reply::json(400, throttled).with_header("x-acs-retry-after", "60"),
        Reply::json(200, SUCCESS_BODY),
    ])
    .await;
    let client = client_for(&server, SignatureVersion::V1, fast_retries(2));
    let started = Instant::now();
    assert_eq!(
        client.send(&CreateThing::default()).await.ok(),
        Some(success_output())
    );
    assert!(
        started.elapsed() >= Duration::from_millis(60),
        "waited {:?}",
        started.elapsed()
    );
    assert_eq!(server.requests().len(), 2);
}

#[tokio::test]
async fn retry_after_beyond_the_limit_ends_the_call() {
    let throttled = r#"{"Code":"Throttling","Message":"slow down"}"#;
    let server = TestServer::start(vec![
        Reply::json(400, throttled).with_header("x-acs-retry-after", "5000"),
        Reply::json(200, SUCCESS_BODY),
    ])
    .await;
    let client = client_for(
        &server,
        SignatureVersion::V1,
        fast_retries(3).with_max_retry_after(Duration::from_millis(100)),
    );
    assert!(matches!(
        client.send(&CreateThing::default()).await,
        Err(Error::Service { error: CreateError::Unknown(ref m), attempts: 1, .. }) if m.code == "Throttling"
    ));
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn garbage_200_is_an_unexpected_response_with_excerpt() {
    let server = TestServer::start(vec![
        Reply::json(200, "<html>not json</html>").with_header("x-acs-request-id", "REQ-G")
    ])
    .await;
    let client = client_for(&server, SignatureVersion::V1, fast_retries(3));
    match client.send(&CreateThing::default()).await {
        Err(Error::UnexpectedResponse(response)) => assert_eq!(
            response,
            UnexpectedResponse {
                http_status: 200,
                reason: "the body is not a valid CreateInstances response: expected value at line 1 column 1".into(),
                body_excerpt: "<html>not json</html>".into(),
                request_id: Some("REQ-G".into()),
                client_token: Some("123e4567-e89b-12d3-a456-426655440000".into()),
            }
        ),
        other => panic!("expected UnexpectedResponse, got {other:?}"),
    }
    assert_eq!(server.requests().len(), 1, "a 2xx is never retried");
}

#[tokio::test]
async fn long_garbage_body_is_cut_to_the_excerpt_limit() {
    let body = format!(
        "{{\"RequestId\":\"REQ-L\",\"InstanceIds\":{}",
        "x".repeat(2000)
    );
    let server = TestServer::start(vec![Reply::json(200, &body)]).await;
    let client = client_for(&server, SignatureVersion::V1, RetryConfig::disabled());
    match client.send(&CreateThing::default()).await {
        Err(Error::UnexpectedResponse(response)) => {
            assert_eq!(
                response.body_excerpt,
                format!("{}…", &body[..UnexpectedResponse::EXCERPT_LIMIT])
            );
            assert_eq!(response.request_id.as_deref(), None);
            assert_eq!(response.http_status, 200);
        }
        other => panic!("expected UnexpectedResponse, got {other:?}"),
    }
}

#[tokio::test]
async fn xml_error_body_is_parsed() {
    let body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><RequestId>REQ-X</RequestId><HostId>swas.cn-hangzhou.aliyuncs.com</HostId><Code>InvalidPlanId.NotFound</Code><Message>The specified PlanId does not exist.</Message><Recommend>https://r.example/x</Recommend></Error>";
    let server = TestServer::start(vec![Reply::Respond {
        status: 404,
        content_type: "text/xml;charset=UTF-8",
        headers: Vec::new(),
        body: body.into(),
    }])
    .await;
    let client = client_for(&server, SignatureVersion::V1, fast_retries(3));
    let err = client.send(&CreateThing::default()).await.err();
    assert_eq!(
        err.and_then(Error::into_service_error),
        Some(CreateError::InvalidPlanIdNotFound(ErrorMeta {
            code: "InvalidPlanId.NotFound".into(),
            message: "The specified PlanId does not exist.".into(),
            http_status: 404,
            request_id: Some("REQ-X".into()),
            host_id: Some("swas.cn-hangzhou.aliyuncs.com".into()),
            recommend: Some("https://r.example/x".into()),
        }))
    );
}

#[tokio::test]
async fn lowercase_keys_and_unknown_codes_map_to_the_unknown_variant() {
    let body = r#"{"requestId":"req-lc","hostId":"h","code":"Forbidden.RAM","message":"not allowed","recommend":"https://r"}"#;
    let server = TestServer::start(vec![Reply::json(403, body)]).await;
    let client = client_for(&server, SignatureVersion::V1, fast_retries(3));
    let err = client.send(&CreateThing::default()).await.err();
    assert_eq!(err.as_ref().and_then(Error::request_id), Some("req-lc"));
    assert_eq!(
        err.and_then(Error::into_service_error),
        Some(CreateError::Unknown(ErrorMeta {
            code: "Forbidden.RAM".into(),
            message: "not allowed".into(),
            http_status: 403,
            request_id: Some("req-lc".into()),
            host_id: Some("h".into()),
            recommend: Some("https://r".into()),
        }))
    );
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn error_without_code_is_unexpected_and_request_id_comes_from_the_header() {
    let server = TestServer::start(vec![Reply::Respond {
        status: 404,
        content_type: "text/plain",
        headers: vec![("x-acs-request-id", "REQ-H".into())],
        body: "Not Found".into(),
    }])
    .await;
    let client = client_for(&server, SignatureVersion::V1, fast_retries(3));
    match client.send(&CreateThing::default()).await {
        Err(Error::UnexpectedResponse(response)) => assert_eq!(
            response,
            UnexpectedResponse {
                http_status: 404,
                reason: "error response without an error code".into(),
                body_excerpt: "Not Found".into(),
                request_id: Some("REQ-H".into()),
                client_token: Some("123e4567-e89b-12d3-a456-426655440000".into()),
            }
        ),
        other => panic!("expected UnexpectedResponse, got {other:?}"),
    }
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn a_502_without_code_is_retried() {
    let server = TestServer::start(vec![
        Reply::Respond {
            status: 502,
            content_type: "text/html",
            headers: Vec::new(),
            body: "<html>Bad Gateway</html>".into(),
        },
        Reply::json(200, SUCCESS_BODY),
    ])
    .await;
    let client = client_for(&server, SignatureVersion::V1, fast_retries(2));
    assert_eq!(
        client.send(&CreateThing::default()).await.ok(),
        Some(success_output())
    );
    assert_eq!(server.requests().len(), 2);
}

/// A server that never answers, and one whose body stops coming after the headers and its
/// first bytes: either is a read timeout, retried, then reported with the request's token,
/// each attempt bounded by the read timeout alone (the overall deadline is far).
#[tokio::test]
async fn read_timeout_is_retried_then_reported() {
    for stall in [Reply::Hang, Reply::HangInBody] {
        let name = format!("{stall:?}");
        let server = TestServer::start(vec![stall.clone(), stall]).await;
        let client = Client::builder()
            .credentials(Credentials::new("testid", "testsecret"))
            .endpoint(server.url())
            .read_timeout(Duration::from_millis(50))
            .retry(fast_retries(2))
            .build()
            .expect("client builds");
        let started = Instant::now();
        match client.send(&CreateThing::default()).await {
            Err(Error::Timeout {
                attempts,
                elapsed,
                client_token,
            }) => {
                assert_eq!(attempts, 2, "{name}");
                assert_eq!(
                    client_token,
                    Some("123e4567-e89b-12d3-a456-426655440000".into())
                );
                assert!(elapsed >= Duration::from_millis(100), "{name}: {elapsed:?}");
            }
            other => panic!("{name}: expected Timeout, got {other:?}"),
        }
        assert!(started.elapsed() < Duration::from_secs(5), "{name}");
        assert_eq!(server.requests().len(), 2, "{name}");
    }
}

#[tokio::test]
async fn the_operation_deadline_bounds_everything() {
    let server = TestServer::start(vec![Reply::Hang]).await;
    let client = Client::builder()
        .credentials(Credentials::new("testid", "testsecret"))
        .endpoint(server.url())
        .operation_deadline(Duration::from_millis(80))
        .retry(fast_retries(5))
        .build()
        .expect("client builds");
    let started = Instant::now();
    match client.send(&CreateThing::default()).await {
        Err(Error::Timeout {
            attempts, elapsed, ..
        }) => {
            assert_eq!(attempts, 1);
            assert!(elapsed >= Duration::from_millis(80), "{elapsed:?}");
        }
        other => panic!("expected Timeout, got {other:?}"),
    }
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[tokio::test]
async fn connection_refused_is_a_transport_error_without_the_url() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = listener.local_addr().expect("addr");
    drop(listener);
    let client = Client::builder()
        .credentials(Credentials::with_security_token(
            "testid",
            "testsecret",
            "sts-secret-token",
        ))
        .endpoint(format!("http://{addr}"))
        .retry(fast_retries(2))
        .build()
        .expect("client builds");
    let result = client.send(&CreateThing::default()).await;
    match &result {
        Err(
            error @ Error::Transport {
                message,
                attempts,
                client_token,
                ..
            },
        ) => {
            // The cause chain survives: Error → TransportError → the network stack's links
            // (reqwest, hyper, the refused connect), each redacted; a bounded walk.
            let mut chain = Vec::new();
            let mut link = std::error::Error::source(error);
            while let Some(cause) = link.take() {
                assert!(chain.len() < 32, "a cause chain that does not end");
                chain.push(cause.to_string());
                link = cause.source();
            }
            assert!(chain.len() >= 3, "{chain:?}");
            let transport = std::error::Error::source(error)
                .and_then(|e| e.downcast_ref::<acs_runtime::TransportError>())
                .expect("the source is the TransportError");
            let cause = std::error::Error::source(transport)
                .and_then(|e| e.downcast_ref::<acs_runtime::TransportCause>())
                .expect("whose source is its cause chain");
            assert_eq!(
                cause.find_io_error_kind(),
                Some(std::io::ErrorKind::ConnectionRefused)
            );
            assert!(cause
                .downcast_ref::<reqwest::Error>()
                .is_some_and(|e| e.is_connect()));
            for text in &chain {
                for leak in ["Signature=", "sts-secret-token", "testsecret", "127.0.0.1"] {
                    assert!(!text.contains(leak), "{leak} in {text}");
                }
            }
            assert_eq!(
                client_token.as_deref(),
                Some("123e4567-e89b-12d3-a456-426655440000")
            );
            assert_eq!(*attempts, 2);
            assert!(!message.is_empty());
            for leak in [
                "Signature",
                "SecurityToken",
                "sts-secret-token",
                "testsecret",
                "127.0.0.1",
            ] {
                assert!(!message.contains(leak), "{leak} in {message}");
            }
        }
        other => panic!("expected Transport, got {other:?}"),
    }
}

#[test]
fn client_and_send_future_are_send() {
    fn assert_send<T: Send>(_: &T) {}
    fn assert_send_sync<T: Send + Sync + Clone>() {}
    assert_send_sync::<Client>();
    let client = Client::builder()
        .credentials(Credentials::new("testid", "testsecret"))
        .endpoint("http://127.0.0.1:9")
        .build()
        .expect("client builds");
    let op = CreateThing::default();
    let future = client.send(&op);
    assert_send(&future);
}
