//! `CreateUser`, the main operation of `ram`, goes on the wire as its spec says: signed (RPC
//! v1, checked by an independent verifier), with the spec's Action and Version and what was set.
//!
//! The spec states no local rule for `CreateUser` (no required parameter, no range, list or
//! pattern), nor for the crate's other default operations; so the second test pins that down:
//! a request with nothing set validates and is sent, and the server alone decides. Should a
//! regenerated spec add a rule, that test fails and asks for a refusal test in its place.

use acs_product_check::{
    block_on, verify_rpc_v1, CaptureServer, OperationSpec, ACCESS_KEY_ID, ACCESS_KEY_SECRET,
};
use ram::{CreateUser, Credentials};

fn spec() -> OperationSpec {
    OperationSpec::load(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../specs/ram-2015-05-01/CreateUser.json"
    ))
    .expect("the spec loads")
}

fn client(endpoint: String) -> ram::Client {
    ram::client()
        .endpoint(endpoint)
        .credentials(Credentials::new(ACCESS_KEY_ID, ACCESS_KEY_SECRET))
        .build()
        .expect("the client builds")
}

const ANSWER: &str = r#"{"RequestId":"04F0F334-1335-436C-A1D7-6C044FE73368","User":{"UserId":"122748924538****","UserName":"alice","DisplayName":"Alice","MobilePhone":"86-1868888****","Email":"alice@example.com","Comments":"Platform engineer","CreateDate":"2015-01-23T12:33:18Z"}}"#;

#[test]
fn create_user_is_signed_and_carries_what_was_set() {
    let spec = spec();
    let request = CreateUser::builder()
        .user_name("alice")
        .display_name("Alice")
        .email("alice@example.com")
        .comments("Platform engineer")
        .build();
    request
        .validate()
        .expect("the spec states no rule to break");

    let server = CaptureServer::start(ANSWER).expect("the capture server starts");
    let output = block_on(client(server.url()).send(&request)).expect("the call succeeds");
    let received = server.request().expect("one request arrived");

    let params =
        verify_rpc_v1(&received, ACCESS_KEY_ID, ACCESS_KEY_SECRET).expect("the signature verifies");
    spec.check_wire(
        &params,
        &[
            ("UserName", "alice"),
            ("DisplayName", "Alice"),
            ("Email", "alice@example.com"),
            ("Comments", "Platform engineer"),
        ],
    )
    .expect("the request is what the spec asks for");
    assert!(
        !params.contains_key("MobilePhone"),
        "unset stays off the wire"
    );

    let user = output.user.expect("the answer's User decodes");
    assert_eq!(user.user_id.as_deref(), Some("122748924538****"));
    assert_eq!(user.user_name.as_deref(), Some("alice"));
}

#[test]
fn the_spec_states_no_rule_so_an_empty_create_user_is_sent() {
    let spec = spec();
    assert_eq!(spec.required_parameters(), Vec::<&str>::new());
    assert!(
        spec.rules().is_empty(),
        "rules now in the spec: {:?}",
        spec.rules()
    );

    let request = CreateUser::builder().build();
    request.validate().expect("nothing to break");
    let server = CaptureServer::start(ANSWER).expect("the capture server starts");
    block_on(client(server.url()).send(&request)).expect("the call succeeds");
    let received = server.request().expect("the request was sent");
    let params =
        verify_rpc_v1(&received, ACCESS_KEY_ID, ACCESS_KEY_SECRET).expect("the signature verifies");
    spec.check_wire(&params, &[]).expect("Action and Version");
}
