//! `CreateInstance`, the main operation of `r-kvstore` (Redis), goes on the wire as its spec
//! says: signed (RPC v1, checked by an independent verifier), with the spec's Action and Version
//! and every required parameter; and a request breaking one of the spec's rules never leaves the
//! client.

use acs_product_check::{
    block_on, verify_rpc_v1, CaptureServer, OperationSpec, ACCESS_KEY_ID, ACCESS_KEY_SECRET,
};
use r_kvstore::{CreateInstance, Credentials, Rule};

fn spec() -> OperationSpec {
    OperationSpec::load(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../specs/r-kvstore-2015-01-01/CreateInstance.json"
    ))
    .expect("the spec loads")
}

fn client(endpoint: String) -> r_kvstore::Client {
    r_kvstore::client()
        .endpoint(endpoint)
        .credentials(Credentials::new(ACCESS_KEY_ID, ACCESS_KEY_SECRET))
        .build()
        .expect("the client builds")
}

fn instance(port: &str) -> CreateInstance {
    CreateInstance::builder()
        .region_id("cn-hangzhou")
        .instance_class("redis.master.small.default")
        .instance_type("Redis")
        .charge_type("PostPaid")
        .port(port)
        .build()
}

#[test]
fn create_instance_is_signed_and_carries_what_the_spec_requires() {
    let spec = spec();
    // Optional parameters with rules, set to values the spec allows.
    assert!(spec.one_of_strings("InstanceType").contains(&"Redis"));
    assert!(spec.one_of_strings("ChargeType").contains(&"PostPaid"));
    let request = instance("6379");
    request
        .validate()
        .expect("a request within the rules validates");

    let server = CaptureServer::start(
        r#"{"RequestId":"BA2F4A1D-3F8B-4B4B-9B1C-36C2A1B2C3D4","InstanceId":"r-bp1zxszhcgatnx****","InstanceName":"redis-cache","ConnectionDomain":"r-bp1zxszhcgatnx****.redis.rds.aliyuncs.com","Port":6379,"Capacity":1024,"Bandwidth":10,"Connections":10000,"ChargeType":"PostPaid","NetworkType":"VPC","NodeType":"MASTER_SLAVE","InstanceStatus":"Creating"}"#,
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
            ("InstanceClass", "redis.master.small.default"),
            ("InstanceType", "Redis"),
            ("ChargeType", "PostPaid"),
            ("Port", "6379"),
        ],
    )
    .expect("the request is what the spec asks for");

    assert_eq!(output.instance_id.as_deref(), Some("r-bp1zxszhcgatnx****"));
    assert_eq!(output.capacity, Some(1024));
}

#[test]
fn a_port_that_is_not_digits_is_refused_before_sending() {
    let spec = spec();
    let pattern = spec.pattern("Port");
    // Within the spec's length rule on Port, so only the pattern is broken.
    let port = "63a9";
    let (min, max) = {
        let rule = spec.rule("Port", "length");
        (rule["min"].as_u64(), rule["max"].as_u64())
    };
    let length = port.len() as u64;
    assert!(min.is_none_or(|min| length >= min) && max.is_none_or(|max| length <= max));
    let request = instance(port);

    let errors = request.validate().expect_err("the rule is broken");
    let [violation] = errors.violations() else {
        panic!("exactly one violation expected: {errors}");
    };
    assert_eq!(violation.parameter, "Port");
    assert!(
        matches!(&violation.rule, Rule::Pattern(published) if *published == pattern),
        "the spec's pattern: {violation}"
    );
    assert_eq!(violation.value.as_deref(), Some(port));

    let server = CaptureServer::start("{}").expect("the capture server starts");
    let refused = block_on(client(server.url()).send(&request)).expect_err("not sent");
    assert_eq!(refused.validation_errors(), Some(&errors));
    server
        .assert_no_connection()
        .expect("nothing reached the server");
}
