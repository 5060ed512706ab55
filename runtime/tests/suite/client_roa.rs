//! ROA operations over real HTTP on 127.0.0.1: method, path, query, headers and body arrive as
//! the operation wrote them, the V3 signature verifies over what the server received, a binary
//! body streams whole, error bodies map onto the typed error, and requests that cannot be sent
//! are refused before anything is sent.

use crate::common;

use acs_runtime::credentials::Credentials;
use acs_runtime::sign::v3;
use acs_runtime::{Body, Client, Error, Params, RequestParts, StreamBody};
use common::roa::{DeleteCluster, DescribeClusters, InvokeFunctionBytes, ModifyCluster};
use common::{CreateError, Recorded, Reply, TestServer};

fn client(server: &TestServer) -> Client {
    Client::builder()
        .endpoint(server.url())
        .credentials(Credentials::new("testid", "testsecret"))
        .build()
        .expect("client builds")
}

fn params(pairs: &[(&'static str, &str)]) -> Params {
    pairs.iter().map(|(k, v)| (*k, *v)).collect()
}

/// What a server does: verify the V3 signature over the request as received, the body hashed
/// from the bytes received.
fn assert_signed(recorded: &Recorded) {
    let authorization = recorded
        .header("authorization")
        .expect("Authorization sent");
    let auth = v3::parse_authorization(authorization).expect("parses");
    assert_eq!(auth.access_key_id, "testid");
    for required in ["host", "x-acs-action", "x-acs-content-sha256", "x-acs-date"] {
        assert!(auth.signed_headers.contains(&required), "{required} signed");
    }
    let hash = v3::hashed_payload(&recorded.body);
    assert_eq!(recorded.header("x-acs-content-sha256"), Some(hash.as_str()));
    let verified = v3::verify(
        "testsecret",
        &recorded.method,
        &recorded.path,
        recorded.query_pairs(),
        recorded.header_pairs(),
        &auth,
        &hash,
    );
    assert_eq!(verified, Ok(true), "{recorded:?}");
}

#[tokio::test]
async fn delete_put_and_get_travel_as_the_spec_says() {
    let server = TestServer::start(vec![
        Reply::json(
            202,
            r#"{"cluster_id":"c-1","request_id":"R1","task_id":"T1"}"#,
        ),
        Reply::json(200, r#"{"cluster_id":"c x/1","request_id":"R2"}"#),
        Reply::json(200, r#"[{"cluster_id":"c-1"},{"cluster_id":"c-2"}]"#),
    ])
    .await;
    let client = client(&server);

    let deleted = client
        .send(&DeleteCluster(RequestParts {
            path: params(&[("ClusterId", "c-1")]),
            query: params(&[
                ("retain_resources", r#"["sg-1","lb-2"]"#),
                ("keep_slb", "false"),
            ]),
            ..RequestParts::default()
        }))
        .await
        .expect("deleted");
    assert_eq!(deleted["task_id"], "T1");

    let body =
        Body::json(&serde_json::json!({"cluster_name": "新名字", "deletion_protection": true}))
            .expect("serializes");
    let modified = client
        .send(&ModifyCluster(RequestParts {
            path: params(&[("ClusterId", "c x/1")]),
            body,
            ..RequestParts::default()
        }))
        .await
        .expect("modified");
    assert_eq!(modified["request_id"], "R2");

    // An array response.
    let listed = client
        .send(&DescribeClusters(RequestParts {
            query: params(&[("clusterType", "ManagedKubernetes")]),
            ..RequestParts::default()
        }))
        .await
        .expect("listed");
    assert_eq!(listed.as_array().map(Vec::len), Some(2));

    let requests = server.requests();
    assert_eq!(requests.len(), 3);
    let (delete, put, get) = (&requests[0], &requests[1], &requests[2]);
    assert_eq!(
        (delete.method.as_str(), delete.path.as_str()),
        ("DELETE", "/clusters/c-1")
    );
    assert_eq!(
        delete.query,
        [
            ("keep_slb".to_owned(), "false".to_owned()),
            (
                "retain_resources".to_owned(),
                r#"["sg-1","lb-2"]"#.to_owned()
            ),
        ]
    );
    assert!(delete.body.is_empty());
    assert_eq!(delete.header("content-type"), None);
    assert_eq!(delete.header("x-acs-action"), Some("DeleteCluster"));

    assert_eq!(
        (put.method.as_str(), put.path.as_str()),
        ("PUT", "/api/v2/clusters/c%20x%2F1")
    );
    assert!(put.query.is_empty());
    assert_eq!(
        put.header("content-type"),
        Some("application/json; charset=utf-8")
    );
    assert_eq!(
        String::from_utf8(put.body.clone()).expect("utf-8"),
        r#"{"cluster_name":"新名字","deletion_protection":true}"#
    );

    assert_eq!(
        (get.method.as_str(), get.path.as_str()),
        ("GET", "/clusters")
    );
    assert_eq!(get.param("clusterType"), Some("ManagedKubernetes"));
    for request in &requests {
        assert_signed(request);
    }
}

#[tokio::test]
async fn a_binary_body_streams_whole_and_the_binary_response_is_read_as_bytes() {
    // 300 KiB in 64 KiB chunks: more than one read on both sides.
    let payload: Vec<u8> = (0..300 * 1024).map(|i| (i % 251) as u8).collect();
    let shared = bytes::Bytes::from(payload.clone());
    let opened = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counter = std::sync::Arc::clone(&opened);
    let stream = StreamBody::new(
        Some(payload.len() as u64),
        v3::hashed_payload(&payload),
        move || {
            counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            let chunks: Vec<Result<bytes::Bytes, std::io::Error>> = (0..shared.len())
                .step_by(64 * 1024)
                .map(|start| Ok(shared.slice(start..(start + 64 * 1024).min(shared.len()))))
                .collect();
            Box::pin(futures_util::stream::iter(chunks))
        },
    );
    let server = TestServer::start(vec![Reply::Respond {
        status: 200,
        content_type: "application/octet-stream",
        headers: vec![("x-fc-request-id", "R-FC".to_owned())],
        body: "function output".to_owned(),
    }])
    .await;
    let output = client(&server)
        .send(&InvokeFunctionBytes(RequestParts {
            path: params(&[("functionName", "my-func")]),
            query: params(&[("qualifier", "LATEST")]),
            headers: params(&[("x-fc-invocation-type", "Sync")]),
            body: Body::Stream(stream),
        }))
        .await
        .expect("invoked");
    assert_eq!(output, b"function output");
    assert_eq!(opened.load(std::sync::atomic::Ordering::SeqCst), 1);
    let requests = server.requests();
    let invoke = &requests[0];
    assert_eq!(invoke.method, "POST");
    assert_eq!(invoke.path, "/2023-03-30/functions/my-func/invocations");
    assert_eq!(invoke.header("content-length"), Some("307200"));
    assert_eq!(
        invoke.header("content-type"),
        Some("application/octet-stream")
    );
    assert_eq!(invoke.header("x-fc-invocation-type"), Some("Sync"));
    assert!(
        invoke.body == payload,
        "the body arrived whole and in order"
    );
    assert_signed(invoke);
}

#[tokio::test]
async fn roa_error_bodies_map_onto_the_typed_error() {
    let server = TestServer::start(vec![
        Reply::json(
            404,
            r#"{"code":"InvalidPlanId.NotFound","message":"cluster c-9 not found","requestId":"R-CS"}"#,
        ),
        Reply::json(404, r#"{"Code":"FunctionNotFound","Message":"function 'f' does not exist"}"#)
            .with_header("x-fc-request-id", "R-FC"),
        Reply::Respond {
            status: 403,
            content_type: "application/xml",
            headers: Vec::new(),
            body: "<Error><Code>Forbidden.RAM</Code><Message>denied</Message><RequestId>R-X</RequestId></Error>".to_owned(),
        },
    ])
    .await;
    let client = client(&server);
    let op = || DescribeClusters(RequestParts::default());

    match client.send(&op()).await {
        Err(Error::Service {
            error: CreateError::InvalidPlanIdNotFound(meta),
            attempts: 1,
            ..
        }) => {
            assert_eq!(meta.message, "cluster c-9 not found");
            assert_eq!(meta.request_id.as_deref(), Some("R-CS"));
            assert_eq!(meta.http_status, 404);
        }
        other => panic!("expected the typed error, got {other:?}"),
    }
    match client.send(&op()).await {
        Err(Error::Service {
            error: CreateError::Unknown(meta),
            ..
        }) => {
            assert_eq!(meta.code, "FunctionNotFound");
            assert_eq!(meta.request_id.as_deref(), Some("R-FC"));
        }
        other => panic!("expected an unknown service error, got {other:?}"),
    }
    match client.send(&op()).await {
        Err(Error::Service {
            error: CreateError::Unknown(meta),
            ..
        }) => {
            assert_eq!(meta.code, "Forbidden.RAM");
            assert_eq!(meta.request_id.as_deref(), Some("R-X"));
        }
        other => panic!("expected an unknown service error, got {other:?}"),
    }
}

#[tokio::test]
async fn a_2xx_body_with_a_code_is_output_for_roa_operations() {
    // A function may well answer `{"Code":…,"Message":…}`: for ROA that is its output.
    let body = r#"{"Code":"NotAnError","Message":"the function's own JSON"}"#;
    let server = TestServer::start(vec![Reply::json(200, body)]).await;
    let output = client(&server)
        .send(&InvokeFunctionBytes(RequestParts {
            path: params(&[("functionName", "f")]),
            ..RequestParts::default()
        }))
        .await
        .expect("output, not an error");
    assert_eq!(output, body.as_bytes());
}

#[tokio::test]
async fn roa_requests_that_cannot_be_sent_are_refused_before_sending() {
    let server = TestServer::start(Vec::new()).await;
    let client = client(&server);
    let cases: Vec<(DescribeClusters, &str)> = vec![(
        DescribeClusters(RequestParts {
            body: Body::binary(&b"x"[..]),
            ..RequestParts::default()
        }),
        "body must be no body on a GET or HEAD request (got \"GET\") [InvalidParameter]",
    ), (
        DescribeClusters(RequestParts {
            path: params(&[("ClusterId", "c-1")]),
            ..RequestParts::default()
        }),
        "ClusterId must be a path parameter (got \"the path template has no {ClusterId}\") [InvalidParameter]",
    ), (
        DescribeClusters(RequestParts {
            headers: params(&[("x-acs-date", "2020-01-01T00:00:00Z")]),
            ..RequestParts::default()
        }),
        "x-acs-date must be a header name the operation may set (got \"x-acs-date\") [InvalidParameter]",
    ), (
        DescribeClusters(RequestParts {
            headers: params(&[("x-fc-log-type", "Tail\r\nInjected: yes")]),
            ..RequestParts::default()
        }),
        "x-fc-log-type must be a header value of visible ASCII characters (got \"Tail\\r\\nInjected: yes\") [InvalidParameter]",
    )];
    for (op, expected) in cases {
        match client.send(&op).await {
            Err(Error::InvalidRequest(errors)) => {
                assert_eq!(errors.to_string(), format!("1 rule(s) broken: {expected}"));
            }
            other => panic!("expected InvalidRequest, got {other:?}"),
        }
    }
    match client.send(&DeleteCluster(RequestParts::default())).await {
        Err(Error::InvalidRequest(errors)) => assert_eq!(
            errors.to_string(),
            "1 rule(s) broken: ClusterId must be a path parameter (got \"path parameter ClusterId has no value\") [InvalidParameter]"
        ),
        other => panic!("expected InvalidRequest, got {other:?}"),
    }
    assert!(server.requests().is_empty(), "nothing was sent");
}

#[tokio::test]
async fn throttled_roa_calls_honour_x_acs_retry_after() {
    let server = TestServer::start(vec![
        Reply::json(
            429,
            r#"{"code":"Throttling.User","message":"slow down","requestId":"R1"}"#,
        )
        .with_header("x-acs-retry-after", "50"),
        Reply::json(200, "[]"),
    ])
    .await;
    let listed = client(&server)
        .send(&DescribeClusters(RequestParts::default()))
        .await
        .expect("the retry succeeds");
    assert_eq!(listed, serde_json::json!([]));
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    assert_ne!(
        requests[0].header("x-acs-signature-nonce"),
        requests[1].header("x-acs-signature-nonce"),
        "each attempt is signed afresh"
    );
}

#[tokio::test]
async fn the_mock_records_a_roa_request_whole_stream_included() {
    use acs_runtime::{mock, mock_client};
    let rule = mock!(InvokeFunctionBytes)
        // Path parameter, header and body as the operation wrote them.
        .match_requests(|op| {
            op.0.path.get("functionName") == Some("fn/1")
                && op.0.headers.get("x-fc-log-type") == Some("Tail")
                && op.0.body.as_bytes() == Some(b"\x00binary\xff")
        })
        .then_http(|| acs_runtime::HttpResponse {
            status: 200,
            headers: Default::default(),
            body: b"out".to_vec(),
        });
    let (client, mock) = mock_client!([rule]);
    let payload = b"\x00binary\xff";
    let stream = StreamBody::new(
        Some(payload.len() as u64),
        v3::hashed_payload(payload),
        || {
            Box::pin(futures_util::stream::iter([Ok(bytes::Bytes::from_static(
                b"\x00binary\xff",
            ))]))
        },
    );
    let invoke = |function: &str| {
        InvokeFunctionBytes(RequestParts {
            path: params(&[("functionName", function)]),
            query: params(&[("qualifier", "LATEST")]),
            headers: params(&[("x-fc-log-type", "Tail")]),
            body: Body::Stream(stream.clone()),
        })
    };
    let output = client
        .send(&invoke("fn/1"))
        .await
        .expect("the rule answers");
    assert_eq!(output, b"out");
    // Another path parameter: the rule does not match.
    let refused = client.send(&invoke("fn/2")).await;
    assert!(
        refused
            .as_ref()
            .is_err_and(|e| e.to_string().contains("Mock.NoMatchingRule")),
        "{refused:?}"
    );
    assert_eq!(mock.requests_for::<InvokeFunctionBytes>().len(), 2);
    let recorded = &mock.requests()[0];
    assert_eq!(recorded.action, "InvokeFunction");
    assert_eq!(recorded.method, acs_runtime::HttpMethod::Post);
    assert_eq!(recorded.path, "/2023-03-30/functions/fn%2F1/invocations");
    assert_eq!(recorded.query.get("qualifier"), Some("LATEST"));
    assert_eq!(recorded.params.get("qualifier"), Some("LATEST"));
    let header = |name: &str| {
        recorded
            .headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    };
    assert_eq!(header("x-fc-log-type"), Some("Tail"));
    assert_eq!(header("authorization"), Some("<redacted>"));
    assert_eq!(
        recorded.body,
        Body::Bytes {
            content_type: "application/octet-stream".into(),
            bytes: bytes::Bytes::from_static(payload),
        }
    );
}
