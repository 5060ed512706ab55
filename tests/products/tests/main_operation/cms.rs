//! `DescribeMetricList`, the main operation of `cms`, goes on the wire as its spec says: signed
//! (RPC v1, checked by an independent verifier), with the spec's Action and Version and every
//! required parameter, and its answer decodes.
//!
//! `DescribeMetricList` states no local rule beyond its required parameters; the refusal test
//! uses `PutResourceMetricRule`, a default operation of the crate whose `Labels` has a
//! `maxItems` rule.

use acs_product_check::{
    block_on, verify_rpc_v1, CaptureServer, OperationSpec, ACCESS_KEY_ID, ACCESS_KEY_SECRET,
};
use cms::put_resource_metric_rule::Labels;
use cms::{Credentials, DescribeMetricList, PutResourceMetricRule, Rule};

fn spec(operation: &str) -> OperationSpec {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../specs/cms-2019-01-01");
    OperationSpec::load(format!("{dir}/{operation}.json")).expect("the spec loads")
}

fn client(endpoint: String) -> cms::Client {
    cms::client()
        .endpoint(endpoint)
        .credentials(Credentials::new(ACCESS_KEY_ID, ACCESS_KEY_SECRET))
        .build()
        .expect("the client builds")
}

const DIMENSIONS: &str = r#"[{"instanceId":"i-bp1506krc4fyqcrb0gkd"}]"#;

#[test]
fn describe_metric_list_is_signed_and_carries_what_the_spec_requires() {
    let spec = spec("DescribeMetricList");
    let request = DescribeMetricList::builder()
        .namespace("acs_ecs_dashboard")
        .metric_name("CPUUtilization")
        .period("60")
        .dimensions(DIMENSIONS)
        .start_time("2026-12-01 00:00:00")
        .end_time("2026-12-01 01:00:00")
        .build();
    request
        .validate()
        .expect("a request within the rules validates");

    let server = CaptureServer::start(
        r#"{"RequestId":"6A5F022D-AC7C-460E-94AE-B9E75083D027","Code":"200","Success":true,"Period":"60","Datapoints":"[{\"timestamp\":1764547200000,\"instanceId\":\"i-bp1506krc4fyqcrb0gkd\",\"Average\":12.5}]"}"#,
    )
    .expect("the capture server starts");
    let output = block_on(client(server.url()).send(&request)).expect("the call succeeds");
    let received = server.request().expect("one request arrived");

    let params =
        verify_rpc_v1(&received, ACCESS_KEY_ID, ACCESS_KEY_SECRET).expect("the signature verifies");
    spec.check_wire(
        &params,
        &[
            ("Namespace", "acs_ecs_dashboard"),
            ("MetricName", "CPUUtilization"),
            ("Period", "60"),
            ("Dimensions", DIMENSIONS),
            ("StartTime", "2026-12-01 00:00:00"),
            ("EndTime", "2026-12-01 01:00:00"),
        ],
    )
    .expect("the request is what the spec asks for");

    assert_eq!(output.success, Some(true));
    assert!(output
        .datapoints
        .as_deref()
        .is_some_and(|points| points.contains("\"Average\":12.5")));
}

#[test]
fn more_rule_labels_than_the_spec_allows_are_refused_before_sending() {
    let spec = spec("PutResourceMetricRule");
    let limit = spec.max_items("Labels");
    let request = PutResourceMetricRule::builder()
        .rule_id("cpu-high-web")
        .rule_name("CPU high on web servers")
        .namespace("acs_ecs_dashboard")
        .metric_name("CPUUtilization")
        .contact_groups("ops")
        .labels((0..=limit).map(|i| Labels {
            key: Some(format!("label{i}")),
            value: Some("on".into()),
        }))
        .build();

    let errors = request.validate().expect_err("the rule is broken");
    let [violation] = errors.violations() else {
        panic!("exactly one violation expected: {errors}");
    };
    assert_eq!(violation.parameter, "Labels");
    assert_eq!(violation.rule, Rule::MaxItems(limit));

    let server = CaptureServer::start("{}").expect("the capture server starts");
    let refused = block_on(client(server.url()).send(&request)).expect_err("not sent");
    assert_eq!(refused.validation_errors(), Some(&errors));
    server
        .assert_no_connection()
        .expect("nothing reached the server");
}
