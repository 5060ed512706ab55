//! `CreateDBInstance`, the main operation of `dds` (ApsaraDB for MongoDB), goes on the wire as
//! its spec says: signed (RPC v1, checked by an independent verifier), with the spec's Action and
//! Version and every required parameter; and a request breaking one of the spec's rules (on a
//! required parameter) never leaves the client.

use acs_product_check::{
    block_on, outside_of, verify_rpc_v1, CaptureServer, OperationSpec, ACCESS_KEY_ID,
    ACCESS_KEY_SECRET,
};
use dds::{CreateDBInstance, Credentials, Rule};

fn spec() -> OperationSpec {
    OperationSpec::load(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../specs/dds-2015-12-01/CreateDBInstance.json"
    ))
    .expect("the spec loads")
}

fn client(endpoint: String) -> dds::Client {
    dds::client()
        .endpoint(endpoint)
        .credentials(Credentials::new(ACCESS_KEY_ID, ACCESS_KEY_SECRET))
        .build()
        .expect("the client builds")
}

fn instance(engine_version: &str) -> CreateDBInstance {
    CreateDBInstance::builder()
        .region_id("cn-hangzhou")
        .engine_version(engine_version)
        .db_instance_class("dds.mongo.standard")
        .db_instance_storage(20)
        .charge_type("PostPaid")
        .build()
}

#[test]
fn create_db_instance_is_signed_and_carries_what_the_spec_requires() {
    let spec = spec();
    // Required and optional parameters with rules, set to values the spec allows.
    let engine_version = spec.one_of_strings("EngineVersion")[0];
    assert!(spec.one_of_strings("ChargeType").contains(&"PostPaid"));
    let request = instance(engine_version);
    request
        .validate()
        .expect("a request within the rules validates");

    let server = CaptureServer::start(
        r#"{"RequestId":"D8F1D721-6439-4257-A89C-F1E8E9C9****","DBInstanceId":"dds-bp144a7f2db8****","OrderId":"2190393****"}"#,
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
            ("EngineVersion", engine_version),
            ("DBInstanceClass", "dds.mongo.standard"),
            ("DBInstanceStorage", "20"),
            ("ChargeType", "PostPaid"),
        ],
    )
    .expect("the request is what the spec asks for");

    assert_eq!(
        output.db_instance_id.as_deref(),
        Some("dds-bp144a7f2db8****")
    );
}

#[test]
fn an_engine_version_outside_the_spec_values_is_refused_before_sending() {
    let spec = spec();
    let allowed = spec.one_of_strings("EngineVersion");
    let outside = outside_of(&allowed);
    let request = instance(&outside);

    let errors = request.validate().expect_err("the rule is broken");
    let [violation] = errors.violations() else {
        panic!("exactly one violation expected: {errors}");
    };
    assert_eq!(violation.parameter, "EngineVersion");
    assert!(
        matches!(&violation.rule, Rule::OneOfStr(values) if *values == allowed.as_slice()),
        "the spec's values: {violation}"
    );
    assert_eq!(violation.value.as_deref(), Some(outside.as_str()));

    let server = CaptureServer::start("{}").expect("the capture server starts");
    let refused = block_on(client(server.url()).send(&request)).expect_err("not sent");
    assert_eq!(refused.validation_errors(), Some(&errors));
    server
        .assert_no_connection()
        .expect("nothing reached the server");
}
