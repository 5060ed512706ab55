//! `CreateLoadBalancer`, the main operation of `alb`, goes on the wire as its spec says: signed
//! (RPC v1, checked by an independent verifier), with the spec's Action and Version and every
//! required parameter (zone mappings and billing flattened); and a request breaking one of the
//! spec's rules never leaves the client.

use acs_product_check::{
    block_on, verify_rpc_v1, CaptureServer, OperationSpec, ACCESS_KEY_ID, ACCESS_KEY_SECRET,
};
use alb::create_load_balancer::{LoadBalancerBillingConfig, ZoneMappings};
use alb::{CreateLoadBalancer, Credentials, Rule};

fn spec() -> OperationSpec {
    OperationSpec::load(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../specs/alb-2020-06-16/CreateLoadBalancer.json"
    ))
    .expect("the spec loads")
}

fn client(endpoint: String) -> alb::Client {
    alb::client()
        .endpoint(endpoint)
        .credentials(Credentials::new(ACCESS_KEY_ID, ACCESS_KEY_SECRET))
        .build()
        .expect("the client builds")
}

fn zone(index: usize) -> ZoneMappings {
    ZoneMappings {
        zone_id: Some(format!("cn-hangzhou-zone{index}")),
        v_switch_id: Some(format!("vsw-bp1zone{index}")),
        ..Default::default()
    }
}

fn order(zones: usize) -> CreateLoadBalancer {
    CreateLoadBalancer::builder()
        .vpc_id("vpc-bp1b49rqrybk45nio3xyz")
        .address_type("Internet")
        .zone_mappings((1..=zones).map(zone))
        .load_balancer_edition("Standard")
        .load_balancer_billing_config(LoadBalancerBillingConfig {
            pay_type: Some("PostPay".into()),
            ..Default::default()
        })
        .load_balancer_name("web-alb")
        .build()
}

#[test]
fn create_load_balancer_is_signed_and_carries_what_the_spec_requires() {
    let spec = spec();
    // Two zones: within the spec's maxItems rule on ZoneMappings.
    assert!(spec.max_items("ZoneMappings") >= 2);
    let request = order(2);
    request
        .validate()
        .expect("a request within the rules validates");

    let server = CaptureServer::start(
        r#"{"RequestId":"CEF72CEB-54B6-4AE8-B225-F876FF7BA984","LoadBalancerId":"alb-o9ulmq5hgn68jk****"}"#,
    )
    .expect("the capture server starts");
    let output = block_on(client(server.url()).send(&request)).expect("the call succeeds");
    let received = server.request().expect("one request arrived");

    let params =
        verify_rpc_v1(&received, ACCESS_KEY_ID, ACCESS_KEY_SECRET).expect("the signature verifies");
    spec.check_wire(
        &params,
        &[
            ("VpcId", "vpc-bp1b49rqrybk45nio3xyz"),
            ("AddressType", "Internet"),
            ("ZoneMappings.1.ZoneId", "cn-hangzhou-zone1"),
            ("ZoneMappings.1.VSwitchId", "vsw-bp1zone1"),
            ("ZoneMappings.2.ZoneId", "cn-hangzhou-zone2"),
            ("ZoneMappings.2.VSwitchId", "vsw-bp1zone2"),
            ("LoadBalancerEdition", "Standard"),
            ("LoadBalancerBillingConfig.PayType", "PostPay"),
            ("LoadBalancerName", "web-alb"),
        ],
    )
    .expect("the request is what the spec asks for");

    assert_eq!(
        output.load_balancer_id.as_deref(),
        Some("alb-o9ulmq5hgn68jk****")
    );
}

#[test]
fn more_zone_mappings_than_the_spec_allows_are_refused_before_sending() {
    let spec = spec();
    let limit = spec.max_items("ZoneMappings");
    let request = order(limit + 1);

    let errors = request.validate().expect_err("the rule is broken");
    let [violation] = errors.violations() else {
        panic!("exactly one violation expected: {errors}");
    };
    assert_eq!(violation.parameter, "ZoneMappings");
    assert_eq!(violation.rule, Rule::MaxItems(limit));

    let server = CaptureServer::start("{}").expect("the capture server starts");
    let refused = block_on(client(server.url()).send(&request)).expect_err("not sent");
    assert_eq!(refused.validation_errors(), Some(&errors));
    server
        .assert_no_connection()
        .expect("nothing reached the server");
}
