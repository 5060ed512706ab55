//! ROA operations generated from the fixture specs, sent over real HTTP to a one-request server
//! on 127.0.0.1. The server side checks the V3 signature with the independent verifier of
//! `acs-product-check`, and each test asserts the exact method, path, query and body bytes, and
//! what the output reads from the answer.

use acs_product_check::{block_on, verify_v3, Answer, CaptureServer, CapturedRequest};
use acs_runtime::{Client, Credentials, Error, Operation, RetryConfig, Style};

use acs_roa_tests::{cs, fc};

const ID: &str = acs_product_check::ACCESS_KEY_ID;
const SECRET: &str = acs_product_check::ACCESS_KEY_SECRET;

fn client(url: &str) -> Client {
    Client::builder()
        .endpoint(url)
        .credentials(Credentials::new(ID, SECRET))
        .retry(RetryConfig::disabled())
        .build()
        .expect("a client for the local server")
}

fn answer(status: u16, headers: &[(&str, &str)], body: &[u8]) -> Answer {
    Answer {
        status,
        headers: headers
            .iter()
            .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
            .collect(),
        body: body.to_vec(),
    }
}

/// Sends `op` to a server answering `answer`; returns the output and the request as received,
/// after checking its signature and that method and action are the spec's.
fn exchange<O: Operation>(
    op: &O,
    answer: Answer,
    operation_headers: &[&str],
) -> (Result<O::Output, Error<O::Error>>, CapturedRequest) {
    let server = CaptureServer::start_answer(answer).expect("the local server starts");
    let output = block_on(client(&server.url()).send(op));
    let request = server.request().expect("the request arrived");
    verify_v3(&request, ID, SECRET, operation_headers).expect("the V3 signature verifies");
    let Style::Roa { method, .. } = O::STYLE else {
        panic!("{} is not a ROA operation", O::ACTION)
    };
    assert_eq!(request.method, method.as_str());
    assert_eq!(request.header("x-acs-action"), Some(O::ACTION));
    assert_eq!(request.header("x-acs-version"), Some(O::VERSION));
    (output, request)
}

#[test]
fn get_with_a_path_parameter_reads_json_and_a_response_header() {
    let op = cs::DescribeClusterDetail::builder()
        .cluster_id("c-1 a/b")
        .build();
    let body = br#"{"cluster_id":"c-1","name":"prod","state":"running","size":"3","deletion_protection":true,"tags":[{"key":"env","value":"prod"}]}"#;
    let (output, request) = exchange(
        &op,
        answer(
            200,
            &[
                ("content-type", "application/json"),
                ("x-acs-request-id", "R-1"),
            ],
            body,
        ),
        &[],
    );
    // The path parameter is percent-encoded into its segment, `/` included.
    assert_eq!(request.target, "/clusters/c-1%20a%2Fb");
    assert!(request.body.is_empty());
    assert_eq!(request.header("content-type"), None);
    let output = output.expect("a success");
    assert_eq!(output.cluster_id.as_deref(), Some("c-1"));
    assert_eq!(
        output.state,
        Some(cs::describe_cluster_detail::State::Running)
    );
    // A number sent as a string is read leniently.
    assert_eq!(output.size, Some(3));
    assert_eq!(output.deletion_protection, Some(true));
    assert_eq!(output.tags.len(), 1);
    assert_eq!(output.tags[0].key.as_deref(), Some("env"));
    assert_eq!(output.x_acs_request_id.as_deref(), Some("R-1"));
}

#[test]
fn delete_sends_a_json_style_query_array() {
    let op = cs::DeleteCluster::builder()
        .cluster_id("c-1")
        .retain_all_resources(false)
        .retain_resources(["lb-1", "disk 2"])
        .build();
    let (output, request) = exchange(
        &op,
        Answer::json(r#"{"cluster_id":"c-1","request_id":"R-2","task_id":"T-1"}"#),
        &[],
    );
    assert_eq!(
        request.target,
        "/clusters/c-1?retain_all_resources=false&retain_resources=%5B%22lb-1%22%2C%22disk%202%22%5D"
    );
    assert!(request.body.is_empty());
    let output = output.expect("a success");
    assert_eq!(output.task_id.as_deref(), Some("T-1"));
    assert_eq!(output.request_id.as_deref(), Some("R-2"));
}

#[test]
fn put_sends_a_json_body() {
    use cs::modify_cluster::{Body, BodyMaintenanceWindow};
    let body = Body {
        cluster_name: Some("prod".into()),
        deletion_protection: Some(true),
        maintenance_window: Some(BodyMaintenanceWindow {
            enable: Some(true),
            duration: Some("3h".into()),
            weekly_period: None,
        }),
        access_control_list: Some(vec!["10.0.0.0/8".into()]),
    };
    let op = cs::ModifyCluster::builder()
        .cluster_id("c-1")
        .body(body)
        .build();
    let (output, request) = exchange(
        &op,
        Answer::json(r#"{"cluster_id":"c-1","request_id":"R-3","task_id":"T-2"}"#),
        &[],
    );
    assert_eq!(request.target, "/api/v2/clusters/c-1");
    assert_eq!(
        request.header("content-type"),
        Some("application/json; charset=utf-8")
    );
    assert_eq!(
        String::from_utf8(request.body).unwrap(),
        r#"{"cluster_name":"prod","deletion_protection":true,"maintenance_window":{"enable":true,"duration":"3h"},"access_control_list":["10.0.0.0/8"]}"#
    );
    assert_eq!(output.expect("a success").task_id.as_deref(), Some("T-2"));
}

#[test]
fn a_body_that_breaks_its_rules_is_refused_before_sending() {
    let op = cs::ModifyCluster::builder()
        .cluster_id("c-1")
        .body(cs::modify_cluster::Body {
            cluster_name: Some(String::new()),
            ..Default::default()
        })
        .build();
    let server = CaptureServer::start("{}").expect("the local server starts");
    let error = block_on(client(&server.url()).send(&op)).expect_err("refused");
    let Error::InvalidRequest(violations) = error else {
        panic!("expected InvalidRequest, got {error:?}")
    };
    assert_eq!(violations.violations()[0].parameter, "body.cluster_name");
    server.assert_no_connection().expect("nothing was sent");
}

#[test]
fn an_array_response_becomes_items() {
    let op = cs::DescribeClusterLogs::builder().cluster_id("c-1").build();
    let (output, request) = exchange(
        &op,
        Answer::json(
            r#"[{"ID":1,"cluster_id":"c-1","cluster_log":"start","log_level":"info","created":"2024-06-24T00:00:00Z"},{"ID":"2","cluster_log":"done"}]"#,
        ),
        &[],
    );
    assert_eq!(request.target, "/clusters/c-1/logs");
    let output = output.expect("a success");
    assert_eq!(output.items.len(), 2);
    assert_eq!(output.items[0].id, Some(1));
    assert_eq!(output.items[0].log_level.as_deref(), Some("info"));
    assert_eq!(output.items[1].id, Some(2));
    assert_eq!(output.items[1].cluster_log.as_deref(), Some("done"));
}

#[test]
fn a_text_response_becomes_body() {
    let op = cs::DescribeClusterAttachScripts::builder()
        .cluster_id("c-1")
        .body(cs::describe_cluster_attach_scripts::Body {
            arch: Some("amd64".into()),
            keep_instance_name: Some(true),
            ..Default::default()
        })
        .build();
    let script = "curl -s http://127.0.0.1/attach.sh | bash -s -- --token \"t\"\n";
    let (output, request) = exchange(
        &op,
        answer(200, &[("content-type", "text/plain")], script.as_bytes()),
        &[],
    );
    assert_eq!(request.target, "/clusters/c-1/attachscript");
    assert_eq!(
        request.body,
        br#"{"arch":"amd64","keep_instance_name":true}"#
    );
    assert_eq!(output.expect("a success").body.as_deref(), Some(script));
}

#[test]
fn a_headers_only_response() {
    let op = fc::DeleteFunction::builder().function_name("fn-1").build();
    let (output, request) = exchange(&op, answer(204, &[("x-fc-request-id", "R-4")], b""), &[]);
    assert_eq!(request.target, "/2023-03-30/functions/fn-1");
    assert!(request.body.is_empty());
    assert_eq!(
        output.expect("a success").x_fc_request_id.as_deref(),
        Some("R-4")
    );
}

#[test]
fn a_streamed_binary_invoke_sends_and_receives_bytes_with_fc_headers() {
    use futures_util::TryStreamExt as _;
    // Every byte value, in chunks, so that nothing text-shaped survives by luck.
    let payload: Vec<u8> = (0..=255u8).cycle().take(3 * 1000 + 7).collect();
    let chunks: Vec<bytes::Bytes> = payload
        .chunks(1000)
        .map(bytes::Bytes::copy_from_slice)
        .collect();
    let stream = acs_runtime::StreamBody::new(
        Some(payload.len() as u64),
        acs_runtime::sign::v3::hashed_payload(&payload),
        move || {
            let chunks = chunks.clone();
            Box::pin(futures_util::stream::iter(chunks.into_iter().map(Ok)))
        },
    );
    let op = fc::InvokeFunction::builder()
        .function_name("my fn")
        .qualifier("LATEST")
        .body(stream)
        .x_fc_invocation_type(fc::invoke_function::XFcInvocationType::Sync)
        .x_fc_log_type("Tail")
        .build();
    let reply: Vec<u8> = (0..=255u8).rev().cycle().take(70_000).collect();
    let (output, request) = exchange(
        &op,
        answer(
            200,
            &[
                ("content-type", "application/octet-stream"),
                ("x-fc-request-id", "R-5"),
                ("x-fc-log-result", "U1RBUlQ="),
                ("x-fc-instance-count", "2"),
            ],
            &reply,
        ),
        &["x-fc-invocation-type", "x-fc-log-type"],
    );
    assert_eq!(
        request.target,
        "/2023-03-30/functions/my%20fn/invocations?qualifier=LATEST"
    );
    assert_eq!(
        request.header("content-type"),
        Some("application/octet-stream")
    );
    assert_eq!(request.header("x-fc-invocation-type"), Some("Sync"));
    assert_eq!(request.header("x-fc-log-type"), Some("Tail"));
    assert_eq!(request.body, payload);
    let output = output.expect("a success");
    assert_eq!(output.x_fc_request_id.as_deref(), Some("R-5"));
    assert_eq!(output.x_fc_log_result.as_deref(), Some("U1RBUlQ="));
    assert_eq!(output.x_fc_instance_count, Some(2));
    assert_eq!(output.body.bytes().as_ref(), reply.as_slice());
    let chunks: Vec<bytes::Bytes> =
        block_on(output.body.into_stream().try_collect()).expect("the chunks");
    assert_eq!(
        chunks.len(),
        reply
            .len()
            .div_ceil(acs_runtime::roa::ResponseStream::CHUNK)
    );
    assert_eq!(chunks.concat(), reply);
}

#[test]
fn an_in_memory_binary_body_is_sent_as_is() {
    let op = fc::InvokeFunction::builder()
        .function_name("f")
        .body(&b"\x00\xffhello"[..])
        .build();
    let (output, request) = exchange(
        &op,
        answer(200, &[("content-type", "application/octet-stream")], b""),
        &[],
    );
    assert_eq!(request.target, "/2023-03-30/functions/f/invocations");
    assert_eq!(request.body, b"\x00\xffhello");
    let output = output.expect("a success");
    assert!(output.body.is_empty());
    assert_eq!(output.x_fc_request_id, None);
}

#[test]
fn hyphenated_query_names_keep_their_wire_names() {
    let op = fc::ListFunctions::builder()
        .limit(10)
        .max_keys(5)
        .prefix("a b")
        .build();
    let (output, request) = exchange(
        &op,
        Answer::json(r#"{"functions":[{"functionName":"f","memorySize":"128"}],"nextToken":"n"}"#),
        &[],
    );
    assert_eq!(
        request.target,
        "/2023-03-30/functions?limit=10&max-keys=5&prefix=a%20b"
    );
    let output = output.expect("a success");
    assert_eq!(output.functions[0].memory_size, Some(128));
    assert_eq!(output.next_token.as_deref(), Some("n"));
}

/// The mock reads ROA requests back through `FromWire::read_parts`: path parameters by the
/// template, headers, and the JSON or binary body, so typed rules match on them.
#[test]
fn mock_rules_match_roa_requests_by_path_headers_and_body() {
    use acs_runtime::{mock, mock_client};
    let modify = mock!(cs::ModifyCluster)
        .match_requests(|r| {
            r.cluster_id == "c 1"
                && r.body.as_ref().and_then(|b| b.deletion_protection) == Some(true)
        })
        .then_http(|| acs_runtime::HttpResponse::json(200, br#"{"task_id":"T-9"}"#.to_vec()));
    let invoke = mock!(fc::InvokeFunction)
        .match_requests(|r| {
            r.function_name == "f"
                && r.x_fc_log_type == Some(fc::invoke_function::XFcLogType::Tail)
                && r.body.as_ref().and_then(|b| b.as_bytes()) == Some(&b"\x01\x02"[..])
        })
        .then_http(|| acs_runtime::HttpResponse::json(200, b"\x03".to_vec()));
    let (client, mock) = mock_client!([modify, invoke]);
    let modify_op = cs::ModifyCluster::builder()
        .cluster_id("c 1")
        .body(cs::modify_cluster::Body {
            deletion_protection: Some(true),
            ..Default::default()
        })
        .build();
    let output = block_on(client.send(&modify_op)).expect("the rule matched");
    assert_eq!(output.task_id.as_deref(), Some("T-9"));
    let invoke_op = fc::InvokeFunction::builder()
        .function_name("f")
        .x_fc_log_type("Tail")
        .body(&b"\x01\x02"[..])
        .build();
    let output = block_on(client.send(&invoke_op)).expect("the rule matched");
    assert_eq!(output.body.bytes().as_ref(), b"\x03");
    assert_eq!(mock.requests_for::<cs::ModifyCluster>(), vec![modify_op]);
    assert_eq!(mock.requests_for::<fc::InvokeFunction>(), vec![invoke_op]);
}

/// `then_output` answers each ROA body kind as the service would (`Operation::write_output`):
/// the generated `read_output` reads back exactly the output the rule was given.
#[test]
fn mock_outputs_round_trip_through_every_body_kind() {
    use acs_runtime::{mock, mock_client};
    // Outputs are `non_exhaustive`: built from their defaults.
    let mut logs = cs::DescribeClusterLogsResponse::default();
    logs.items = vec![cs::describe_cluster_logs::Item {
        id: Some(7),
        cluster_log: Some("up".into()),
        ..Default::default()
    }];
    let mut script = cs::DescribeClusterAttachScriptsResponse::default();
    script.body = Some("echo attach\n".into());
    let mut deleted = fc::DeleteFunctionResponse::default();
    deleted.x_fc_request_id = Some("R-7".into());
    let mut invoked = fc::InvokeFunctionResponse::default();
    invoked.body = acs_runtime::roa::ResponseStream::from(b"\x00\x01\xfe".to_vec());
    invoked.x_fc_instance_count = Some(3);
    invoked.x_fc_request_id = Some("R-8".into());
    let (client, _mock) = {
        let (logs, script, deleted, invoked) = (
            logs.clone(),
            script.clone(),
            deleted.clone(),
            invoked.clone(),
        );
        mock_client!([
            mock!(cs::DescribeClusterLogs).then_output(move || logs.clone()),
            mock!(cs::DescribeClusterAttachScripts).then_output(move || script.clone()),
            mock!(fc::DeleteFunction).then_output(move || deleted.clone()),
            mock!(fc::InvokeFunction).then_output(move || invoked.clone()),
        ])
    };
    let got = block_on(client.send(&cs::DescribeClusterLogs::builder().cluster_id("c").build()));
    assert_eq!(got.expect("logs"), logs);
    let got = block_on(
        client.send(
            &cs::DescribeClusterAttachScripts::builder()
                .cluster_id("c")
                .build(),
        ),
    );
    assert_eq!(got.expect("script"), script);
    let got = block_on(client.send(&fc::DeleteFunction::builder().function_name("f").build()));
    assert_eq!(got.expect("deleted"), deleted);
    let got = block_on(client.send(&fc::InvokeFunction::builder().function_name("f").build()));
    assert_eq!(got.expect("invoked"), invoked);
}
