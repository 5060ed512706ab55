//! `CreateDBCluster`, the main operation of `polardb`, goes on the wire as its spec says: signed
//! (RPC v1, checked by an independent verifier), with the spec's Action and Version and every
//! required parameter; and a request breaking one of the spec's rules never leaves the client.

use acs_product_check::{
    block_on, verify_rpc_v1, CaptureServer, OperationSpec, ACCESS_KEY_ID, ACCESS_KEY_SECRET,
};
use polardb::{CreateDBCluster, Credentials, Rule};

fn spec() -> OperationSpec {
    OperationSpec::load(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../specs/polardb-2017-08-01/CreateDBCluster.json"
    ))
    .expect("the spec loads")
}

fn client(endpoint: String) -> polardb::Client {
    polardb::client()
        .endpoint(endpoint)
        .credentials(Credentials::new(ACCESS_KEY_ID, ACCESS_KEY_SECRET))
        .build()
        .expect("the client builds")
}

fn cluster() -> CreateDBCluster {
    CreateDBCluster::builder()
        .region_id("cn-hangzhou")
        .db_type("MySQL")
        .db_version("8.0")
        .pay_type("Postpaid")
        .db_node_class("polar.mysql.x4.medium")
        .build()
}

#[test]
fn create_db_cluster_is_signed_and_carries_what_the_spec_requires() {
    let spec = spec();
    // An optional parameter with a rule, set to a value the spec allows.
    let hot_standby = spec.one_of_strings("HotStandbyCluster")[0];
    let mut request = cluster();
    request.hot_standby_cluster = Some(hot_standby.into());
    request
        .validate()
        .expect("a request within the rules validates");

    let server = CaptureServer::start(
        r#"{"RequestId":"E56531A4-E552-40BA-9C58-137B80******","DBClusterId":"pc-bp1wn6vu7fvi2****","OrderId":"2035629******","ResourceGroupId":"rg-acfmyiu4ekp****"}"#,
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
            ("DBType", "MySQL"),
            ("DBVersion", "8.0"),
            ("PayType", "Postpaid"),
            ("DBNodeClass", "polar.mysql.x4.medium"),
            ("HotStandbyCluster", hot_standby),
        ],
    )
    .expect("the request is what the spec asks for");

    assert_eq!(
        output.db_cluster_id.as_deref(),
        Some("pc-bp1wn6vu7fvi2****")
    );
}

#[test]
fn a_storage_space_below_the_spec_range_is_refused_before_sending() {
    let spec = spec();
    let (min, max) = spec.range("StorageSpace");
    let below = min.expect("the range has a minimum") - 1;
    let mut request = cluster();
    request.storage_space = Some(below);

    let errors = request.validate().expect_err("the rule is broken");
    let [violation] = errors.violations() else {
        panic!("exactly one violation expected: {errors}");
    };
    assert_eq!(violation.parameter, "StorageSpace");
    assert_eq!(violation.rule, Rule::Range { min, max });
    assert_eq!(violation.value.as_deref(), Some(below.to_string().as_str()));

    let server = CaptureServer::start("{}").expect("the capture server starts");
    let refused = block_on(client(server.url()).send(&request)).expect_err("not sent");
    assert_eq!(refused.validation_errors(), Some(&errors));
    server
        .assert_no_connection()
        .expect("nothing reached the server");
}
