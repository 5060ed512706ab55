//! `CreateScalingGroup`, the main operation of `ess`, goes on the wire as its spec says: signed
//! (RPC v1, checked by an independent verifier), with the spec's Action and Version and every
//! required parameter (lists flattened to `Name.N`); and a request breaking one of the spec's
//! rules never leaves the client.

use acs_product_check::{
    block_on, verify_rpc_v1, CaptureServer, OperationSpec, ACCESS_KEY_ID, ACCESS_KEY_SECRET,
};
use ess::{CreateScalingGroup, Credentials, Rule};

fn spec() -> OperationSpec {
    OperationSpec::load(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../specs/ess-2014-08-28/CreateScalingGroup.json"
    ))
    .expect("the spec loads")
}

fn client(endpoint: String) -> ess::Client {
    ess::client()
        .endpoint(endpoint)
        .credentials(Credentials::new(ACCESS_KEY_ID, ACCESS_KEY_SECRET))
        .build()
        .expect("the client builds")
}

fn group(v_switches: usize) -> CreateScalingGroup {
    CreateScalingGroup::builder()
        .region_id("cn-hangzhou")
        .min_size(2)
        .max_size(20)
        .scaling_group_name("web-tier")
        .v_switch_ids((1..=v_switches).map(|i| format!("vsw-bp14zolna43z266bq{i:04}")))
        .build()
}

#[test]
fn create_scaling_group_is_signed_and_carries_what_the_spec_requires() {
    let spec = spec();
    // Two vSwitches: within the spec's maxItems rule on VSwitchIds.
    assert!(spec.max_items("VSwitchIds") >= 2);
    let request = group(2);
    request
        .validate()
        .expect("a request within the rules validates");

    let server = CaptureServer::start(
        r#"{"RequestId":"473469C7-AA6F-4DC5-B3DB-A3DC0DE3C83E","ScalingGroupId":"asg-bp14wlu85wrpchm0****"}"#,
    )
    .expect("the capture server starts");
    let output = block_on(client(server.url()).send(&request)).expect("the call succeeds");
    let received = server.request().expect("one request arrived");

    let params =
        verify_rpc_v1(&received, ACCESS_KEY_ID, ACCESS_KEY_SECRET).expect("the signature verifies");
    spec.check_wire(
        &params,
        &[
            ("RegionId", "cn-hangzhou"),
            ("MinSize", "2"),
            ("MaxSize", "20"),
            ("ScalingGroupName", "web-tier"),
            ("VSwitchIds.1", "vsw-bp14zolna43z266bq0001"),
            ("VSwitchIds.2", "vsw-bp14zolna43z266bq0002"),
        ],
    )
    .expect("the request is what the spec asks for");

    assert_eq!(
        output.scaling_group_id.as_deref(),
        Some("asg-bp14wlu85wrpchm0****")
    );
}

#[test]
fn more_v_switches_than_the_spec_allows_are_refused_before_sending() {
    let spec = spec();
    let limit = spec.max_items("VSwitchIds");
    let request = group(limit + 1);

    let errors = request.validate().expect_err("the rule is broken");
    let [violation] = errors.violations() else {
        panic!("exactly one violation expected: {errors}");
    };
    assert_eq!(violation.parameter, "VSwitchIds");
    assert_eq!(violation.rule, Rule::MaxItems(limit));

    let server = CaptureServer::start("{}").expect("the capture server starts");
    let refused = block_on(client(server.url()).send(&request)).expect_err("not sent");
    assert_eq!(refused.validation_errors(), Some(&errors));
    server
        .assert_no_connection()
        .expect("nothing reached the server");
}
