//! `CreateResourceGroup`, the main operation of `resourcemanager`, goes on the wire as its spec
//! says: signed (RPC v1, checked by an independent verifier), with the spec's Action and Version
//! and every required parameter, and its nested answer decodes.
//!
//! `CreateResourceGroup` states no local rule beyond its required parameters; the refusal test
//! uses `ListResources`, a default operation of the crate whose `PageSize` has a `range` rule.

use acs_product_check::{
    block_on, verify_rpc_v1, CaptureServer, OperationSpec, ACCESS_KEY_ID, ACCESS_KEY_SECRET,
};
use resourcemanager::{CreateResourceGroup, Credentials, ListResources, Rule};

fn spec(operation: &str) -> OperationSpec {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../specs/resourcemanager-2020-03-31"
    );
    OperationSpec::load(format!("{dir}/{operation}.json")).expect("the spec loads")
}

fn client(endpoint: String) -> resourcemanager::Client {
    resourcemanager::client()
        .endpoint(endpoint)
        .credentials(Credentials::new(ACCESS_KEY_ID, ACCESS_KEY_SECRET))
        .build()
        .expect("the client builds")
}

#[test]
fn create_resource_group_is_signed_and_carries_what_the_spec_requires() {
    let spec = spec("CreateResourceGroup");
    let request = CreateResourceGroup::builder()
        .name("payments-prod")
        .display_name("Payments (production)")
        .build();
    request
        .validate()
        .expect("a request within the rules validates");

    let server = CaptureServer::start(
        r#"{"RequestId":"2D69A58F-345C-4FDE-88E4-BF5189484043","ResourceGroup":{"Id":"rg-9gLOoK****","Name":"payments-prod","DisplayName":"Payments (production)","AccountId":"151266687691****","Status":"Creating","CreateDate":"2026-12-03T06:40:00+08:00","RegionStatuses":{"RegionStatus":[{"RegionId":"cn-hangzhou","Status":"Creating"}]}}}"#,
    )
    .expect("the capture server starts");
    let output = block_on(client(server.url()).send(&request)).expect("the call succeeds");
    let received = server.request().expect("one request arrived");

    let params =
        verify_rpc_v1(&received, ACCESS_KEY_ID, ACCESS_KEY_SECRET).expect("the signature verifies");
    spec.check_wire(
        &params,
        &[
            ("Name", "payments-prod"),
            ("DisplayName", "Payments (production)"),
        ],
    )
    .expect("the request is what the spec asks for");

    let group = output.resource_group.expect("ResourceGroup decodes");
    assert_eq!(group.id.as_deref(), Some("rg-9gLOoK****"));
    assert_eq!(group.status.as_deref(), Some("Creating"));
    let regions = group.region_statuses.expect("RegionStatuses decodes");
    assert_eq!(regions.region_status.len(), 1);
    assert_eq!(
        regions.region_status[0].region_id.as_deref(),
        Some("cn-hangzhou")
    );
}

#[test]
fn a_page_size_above_the_spec_range_is_refused_before_sending() {
    let spec = spec("ListResources");
    let (min, max) = spec.range("PageSize");
    let above = max.expect("the range has a maximum") + 1;
    let request = ListResources::builder()
        .page_size(i32::try_from(above).expect("an i32 page size"))
        .build();

    let errors = request.validate().expect_err("the rule is broken");
    let [violation] = errors.violations() else {
        panic!("exactly one violation expected: {errors}");
    };
    assert_eq!(violation.parameter, "PageSize");
    assert_eq!(violation.rule, Rule::Range { min, max });
    assert_eq!(violation.value.as_deref(), Some(above.to_string().as_str()));

    let server = CaptureServer::start("{}").expect("the capture server starts");
    let refused = block_on(client(server.url()).send(&request)).expect_err("not sent");
    assert_eq!(refused.validation_errors(), Some(&errors));
    server
        .assert_no_connection()
        .expect("nothing reached the server");
}
