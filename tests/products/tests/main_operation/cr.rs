//! `GetAuthorizationToken`, the main operation of `cr` (Container Registry), goes on the wire
//! as its spec says: signed (RPC v1, checked by an independent verifier), with the spec's Action
//! and Version and every required parameter, and its answer decodes; a request breaking the
//! spec's one rule for it (the required `InstanceId`, left empty) never leaves the client. The
//! crate's default operations state no range, list or pattern rule.

use acs_product_check::{
    block_on, verify_rpc_v1, CaptureServer, OperationSpec, ACCESS_KEY_ID, ACCESS_KEY_SECRET,
};
use cr::{Credentials, GetAuthorizationToken, Rule};

fn spec() -> OperationSpec {
    OperationSpec::load(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../specs/cr-2018-12-01/GetAuthorizationToken.json"
    ))
    .expect("the spec loads")
}

fn client(endpoint: String) -> cr::Client {
    cr::client()
        .endpoint(endpoint)
        .credentials(Credentials::new(ACCESS_KEY_ID, ACCESS_KEY_SECRET))
        .build()
        .expect("the client builds")
}

const INSTANCE: &str = "cri-kmsiwlxxdcvaduwb";

#[test]
fn get_authorization_token_is_signed_and_carries_what_the_spec_requires() {
    let spec = spec();
    let request = GetAuthorizationToken::builder()
        .instance_id(INSTANCE)
        .build();
    request
        .validate()
        .expect("a request within the rules validates");

    let server = CaptureServer::start(
        r#"{"RequestId":"6C2A1B2C-3D4E-4F50-8A61-7B8C9D0E1F23","Code":"success","IsSuccess":true,"TempUsername":"cr_temp_user","AuthorizationToken":"eyJpbnN0YW5jZUlkIjoiY3JpLWttc2l3bHh4ZGN2YWR1d2IifQ","ExpireTime":1764763200000}"#,
    )
    .expect("the capture server starts");
    let output = block_on(client(server.url()).send(&request)).expect("the call succeeds");
    let received = server.request().expect("one request arrived");

    let params =
        verify_rpc_v1(&received, ACCESS_KEY_ID, ACCESS_KEY_SECRET).expect("the signature verifies");
    spec.check_wire(&params, &[("InstanceId", INSTANCE)])
        .expect("the request is what the spec asks for");

    assert_eq!(output.is_success, Some(true));
    assert_eq!(output.temp_username.as_deref(), Some("cr_temp_user"));
    assert_eq!(output.expire_time, Some(1764763200000));
}

#[test]
fn an_empty_instance_id_is_refused_before_sending() {
    let spec = spec();
    assert!(spec.required_parameters().contains(&"InstanceId"));
    let mut request = GetAuthorizationToken::builder()
        .instance_id(INSTANCE)
        .build();
    request.instance_id = String::new();

    let errors = request.validate().expect_err("the rule is broken");
    let [violation] = errors.violations() else {
        panic!("exactly one violation expected: {errors}");
    };
    assert_eq!(violation.parameter, "InstanceId");
    assert_eq!(violation.rule, Rule::Required);

    let server = CaptureServer::start("{}").expect("the capture server starts");
    let refused = block_on(client(server.url()).send(&request)).expect_err("not sent");
    assert_eq!(refused.validation_errors(), Some(&errors));
    server
        .assert_no_connection()
        .expect("nothing reached the server");
}
