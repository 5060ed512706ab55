//! `CreateLoadBalancer`, the main operation of `slb`, goes on the wire as its spec says: signed
//! (RPC v1, checked by an independent verifier), with the spec's Action and Version and every
//! required parameter; and a request breaking one of the spec's rules never leaves the client.

use acs_product_check::{
    block_on, verify_rpc_v1, CaptureServer, OperationSpec, ACCESS_KEY_ID, ACCESS_KEY_SECRET,
};
use slb::{CreateLoadBalancer, Credentials, Rule};

fn spec() -> OperationSpec {
    OperationSpec::load(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../specs/slb-2014-05-15/CreateLoadBalancer.json"
    ))
    .expect("the spec loads")
}

fn client(endpoint: String) -> slb::Client {
    slb::client()
        .endpoint(endpoint)
        .credentials(Credentials::new(ACCESS_KEY_ID, ACCESS_KEY_SECRET))
        .build()
        .expect("the client builds")
}

fn bandwidth(value: i64) -> i32 {
    i32::try_from(value).expect("an i32 bandwidth")
}

#[test]
fn create_load_balancer_is_signed_and_carries_what_the_spec_requires() {
    let spec = spec();
    // An optional parameter with a rule, set to a value within its range.
    let (min, max) = spec.range("Bandwidth");
    let within = 10.clamp(min.unwrap_or(1), max.unwrap_or(10));
    let request = CreateLoadBalancer::builder()
        .region_id("cn-hangzhou")
        .address_type("internet")
        .internet_charge_type("paybybandwidth")
        .bandwidth(bandwidth(within))
        .load_balancer_name("web-frontend")
        .load_balancer_spec("slb.s1.small")
        .build();
    request
        .validate()
        .expect("a request within the rules validates");

    let server = CaptureServer::start(
        r#"{"RequestId":"365F4154-92F6-4AE4-92F8-7FF34B540710","LoadBalancerId":"lb-bp1o94dp5i6earr9g6d1l","Address":"192.0.2.10","NetworkType":"classic","AddressIPVersion":"ipv4","LoadBalancerName":"web-frontend","OrderId":1234567890}"#,
    )
    .expect("the capture server starts");
    let output = block_on(client(server.url()).send(&request)).expect("the call succeeds");
    let received = server.request().expect("one request arrived");

    let params =
        verify_rpc_v1(&received, ACCESS_KEY_ID, ACCESS_KEY_SECRET).expect("the signature verifies");
    let within = within.to_string();
    spec.check_wire(
        &params,
        &[
            ("RegionId", "cn-hangzhou"),
            ("AddressType", "internet"),
            ("InternetChargeType", "paybybandwidth"),
            ("Bandwidth", &within),
            ("LoadBalancerName", "web-frontend"),
            ("LoadBalancerSpec", "slb.s1.small"),
        ],
    )
    .expect("the request is what the spec asks for");

    assert_eq!(
        output.load_balancer_id.as_deref(),
        Some("lb-bp1o94dp5i6earr9g6d1l")
    );
    assert_eq!(output.address.as_deref(), Some("192.0.2.10"));
    assert_eq!(output.order_id, Some(1234567890));
}

#[test]
fn a_bandwidth_above_the_spec_range_is_refused_before_sending() {
    let spec = spec();
    let (min, max) = spec.range("Bandwidth");
    let above = max.expect("the range has a maximum") + 1;
    let request = CreateLoadBalancer::builder()
        .region_id("cn-hangzhou")
        .bandwidth(bandwidth(above))
        .build();

    let errors = request.validate().expect_err("the rule is broken");
    let [violation] = errors.violations() else {
        panic!("exactly one violation expected: {errors}");
    };
    assert_eq!(violation.parameter, "Bandwidth");
    assert_eq!(violation.rule, Rule::Range { min, max });
    assert_eq!(violation.value.as_deref(), Some(above.to_string().as_str()));

    let server = CaptureServer::start("{}").expect("the capture server starts");
    let refused = block_on(client(server.url()).send(&request)).expect_err("not sent");
    assert_eq!(refused.validation_errors(), Some(&errors));
    server
        .assert_no_connection()
        .expect("nothing reached the server");
}
