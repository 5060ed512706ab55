//! `CreateDBInstance`, the main operation of `rds`, goes on the wire as its spec says: signed
//! (RPC v1, checked by an independent verifier), with the spec's Action and Version and every
//! required parameter; and a request breaking one of the spec's rules never leaves the client.

use acs_product_check::{
    block_on, verify_rpc_v1, CaptureServer, OperationSpec, ACCESS_KEY_ID, ACCESS_KEY_SECRET,
};
use rds::{CreateDBInstance, Credentials, Rule};

fn spec() -> OperationSpec {
    OperationSpec::load(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../specs/rds-2014-08-15/CreateDBInstance.json"
    ))
    .expect("the spec loads")
}

fn client(endpoint: String) -> rds::Client {
    rds::client()
        .endpoint(endpoint)
        .credentials(Credentials::new(ACCESS_KEY_ID, ACCESS_KEY_SECRET))
        .build()
        .expect("the client builds")
}

#[test]
fn create_db_instance_is_signed_and_carries_what_the_spec_requires() {
    let spec = spec();
    // An optional parameter with a rule, set to a value its rule allows.
    let threshold = spec.one_of_integers("StorageThreshold")[0];
    let request = CreateDBInstance::builder()
        .region_id("cn-hangzhou")
        .engine("MySQL")
        .engine_version("8.0")
        .db_instance_class("mysql.n2.medium.2c")
        .db_instance_storage(100)
        .db_instance_net_type("Intranet")
        .security_ip_list("10.0.0.0/8")
        .pay_type("Postpaid")
        .storage_auto_scale("Enable")
        .storage_threshold(i32::try_from(threshold).expect("an i32 threshold"))
        .build();
    request
        .validate()
        .expect("a request within the rules validates");

    let server = CaptureServer::start(
        r#"{"RequestId":"5A6B7C8D-0000-4000-8000-000000000001","DBInstanceId":"rm-uf6wjk5xxxxxxxxxx","OrderId":"1007xxxxxxxx","ConnectionString":"rm-uf6wjk5xxxxxxxxxx.mysql.rds.aliyuncs.com","Port":"3306"}"#,
    )
    .expect("the capture server starts");
    let output = block_on(client(server.url()).send(&request)).expect("the call succeeds");
    let received = server.request().expect("one request arrived");

    let params =
        verify_rpc_v1(&received, ACCESS_KEY_ID, ACCESS_KEY_SECRET).expect("the signature verifies");
    let threshold = threshold.to_string();
    spec.check_wire(
        &params,
        &[
            ("RegionId", "cn-hangzhou"),
            ("Engine", "MySQL"),
            ("EngineVersion", "8.0"),
            ("DBInstanceClass", "mysql.n2.medium.2c"),
            ("DBInstanceStorage", "100"),
            ("DBInstanceNetType", "Intranet"),
            ("SecurityIPList", "10.0.0.0/8"),
            ("PayType", "Postpaid"),
            ("StorageAutoScale", "Enable"),
            ("StorageThreshold", &threshold),
        ],
    )
    .expect("the request is what the spec asks for");

    assert_eq!(
        output.db_instance_id.as_deref(),
        Some("rm-uf6wjk5xxxxxxxxxx")
    );
    assert_eq!(output.port.as_deref(), Some("3306"));
}

#[test]
fn a_storage_threshold_outside_the_spec_values_is_refused_before_sending() {
    let spec = spec();
    let allowed = spec.one_of_integers("StorageThreshold");
    let outside = allowed.iter().max().expect("the rule lists values") + 1;
    let request = CreateDBInstance::builder()
        .region_id("cn-hangzhou")
        .engine("MySQL")
        .engine_version("8.0")
        .db_instance_class("mysql.n2.medium.2c")
        .db_instance_storage(100)
        .db_instance_net_type("Intranet")
        .security_ip_list("10.0.0.0/8")
        .pay_type("Postpaid")
        .storage_threshold(i32::try_from(outside).expect("an i32 threshold"))
        .build();

    let errors = request.validate().expect_err("the rule is broken");
    let [violation] = errors.violations() else {
        panic!("exactly one violation expected: {errors}");
    };
    assert_eq!(violation.parameter, "StorageThreshold");
    assert!(
        matches!(&violation.rule, Rule::OneOfInt(values) if *values == allowed.as_slice()),
        "the spec's values: {violation}"
    );
    assert_eq!(
        violation.value.as_deref(),
        Some(outside.to_string().as_str())
    );

    let server = CaptureServer::start("{}").expect("the capture server starts");
    let sent = block_on(client(server.url()).send(&request));
    let refused = sent.expect_err("an invalid request is not sent");
    assert_eq!(refused.validation_errors(), Some(&errors));
    server
        .assert_no_connection()
        .expect("nothing reached the server");
}
