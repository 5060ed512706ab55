//! `RefreshObjectCaches`, the main operation of `cdn`, goes on the wire as its spec says: signed
//! (RPC v1 over query and form body together, checked by an independent verifier), with the
//! spec's Action and Version and every required parameter.
//!
//! `RefreshObjectCaches` states no local rule beyond its required `ObjectPath`; the refusal test
//! uses `PushObjectCache`, the crate's other default cache operation, whose `Area` has a
//! `oneOf` rule.

use acs_product_check::{
    block_on, outside_of, verify_rpc_v1, CaptureServer, OperationSpec, ACCESS_KEY_ID,
    ACCESS_KEY_SECRET,
};
use cdn::{Credentials, PushObjectCache, RefreshObjectCaches, Rule};

fn spec(operation: &str) -> OperationSpec {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../specs/cdn-2018-05-10");
    OperationSpec::load(format!("{dir}/{operation}.json")).expect("the spec loads")
}

fn client(endpoint: String) -> cdn::Client {
    cdn::client()
        .endpoint(endpoint)
        .credentials(Credentials::new(ACCESS_KEY_ID, ACCESS_KEY_SECRET))
        .build()
        .expect("the client builds")
}

/// Several URLs, one per line, as the API takes them.
const PATHS: &str = "https://example.com/image/1.png\nhttps://example.com/image/2 final.png";

#[test]
fn refresh_object_caches_is_signed_and_carries_what_the_spec_requires() {
    let spec = spec("RefreshObjectCaches");
    let request = RefreshObjectCaches::builder()
        .object_path(PATHS)
        .object_type("File")
        .build();
    request
        .validate()
        .expect("a request within the rules validates");

    let server = CaptureServer::start(
        r#"{"RequestId":"D61E4801-EAFF-4A63-AAE1-FBF6CE1CFD1C","RefreshTaskId":"704222904"}"#,
    )
    .expect("the capture server starts");
    let output = block_on(client(server.url()).send(&request)).expect("the call succeeds");
    let received = server.request().expect("one request arrived");

    // The spec puts ObjectPath in the form body.
    assert!(
        !received.body.is_empty(),
        "form parameters travel in the body"
    );
    let params =
        verify_rpc_v1(&received, ACCESS_KEY_ID, ACCESS_KEY_SECRET).expect("the signature verifies");
    spec.check_wire(&params, &[("ObjectPath", PATHS), ("ObjectType", "File")])
        .expect("the request is what the spec asks for");

    assert_eq!(output.refresh_task_id.as_deref(), Some("704222904"));
}

#[test]
fn a_push_area_outside_the_spec_values_is_refused_before_sending() {
    let spec = spec("PushObjectCache");
    let allowed = spec.one_of_strings("Area");
    let outside = outside_of(&allowed);
    let request = PushObjectCache::builder()
        .object_path("example.com/image/1.png")
        .area(outside.as_str())
        .build();

    let errors = request.validate().expect_err("the rule is broken");
    let [violation] = errors.violations() else {
        panic!("exactly one violation expected: {errors}");
    };
    assert_eq!(violation.parameter, "Area");
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
