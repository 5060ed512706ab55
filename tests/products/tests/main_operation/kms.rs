//! `Encrypt`, the main operation of `kms`, goes on the wire as its spec says: signed (RPC v1,
//! checked by an independent verifier), with the spec's Action and Version and every required
//! parameter; and a request breaking the spec's one rule for it (a required parameter, left
//! empty) never leaves the client. The crate's default operations state no range, list or
//! pattern rule, so the required rule is the one tested.

use acs_product_check::{
    block_on, verify_rpc_v1, CaptureServer, OperationSpec, ACCESS_KEY_ID, ACCESS_KEY_SECRET,
};
use kms::{Credentials, Encrypt, Rule};

fn spec() -> OperationSpec {
    OperationSpec::load(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../specs/kms-2016-01-20/Encrypt.json"
    ))
    .expect("the spec loads")
}

fn client(endpoint: String) -> kms::Client {
    kms::client()
        .endpoint(endpoint)
        .credentials(Credentials::new(ACCESS_KEY_ID, ACCESS_KEY_SECRET))
        .build()
        .expect("the client builds")
}

const KEY_ID: &str = "key-hzz630494463ejqjx7f2a";
/// "Hello world", base64: what `Plaintext` carries.
const PLAINTEXT: &str = "SGVsbG8gd29ybGQ=";

#[test]
fn encrypt_is_signed_and_carries_what_the_spec_requires() {
    let spec = spec();
    let request = Encrypt::builder()
        .key_id(KEY_ID)
        .plaintext(PLAINTEXT)
        .build();
    request
        .validate()
        .expect("a request within the rules validates");

    let server = CaptureServer::start(
        r#"{"RequestId":"475f1620-b9d3-4d35-b5c6-3fbdd941423d","KeyId":"key-hzz630494463ejqjx7f2a","KeyVersionId":"2ab1a983-7072-4bbc-a582-584b5bd8****","CiphertextBlob":"ODZhOWVmZDktM2QxNi00ODk0LWJkNGYtMWZjNDNmM2YyYWJmS7FmDBBQ0BkKsQrtRnidtPwirmDcS0ZuJCU41xxAAWk4Z8qsADfbV0b+i6kQmlvj79dJdGOvtX69Uycs901q********"}"#,
    )
    .expect("the capture server starts");
    let output = block_on(client(server.url()).send(&request)).expect("the call succeeds");
    let received = server.request().expect("one request arrived");

    let params =
        verify_rpc_v1(&received, ACCESS_KEY_ID, ACCESS_KEY_SECRET).expect("the signature verifies");
    spec.check_wire(&params, &[("KeyId", KEY_ID), ("Plaintext", PLAINTEXT)])
        .expect("the request is what the spec asks for");

    assert_eq!(output.key_id.as_deref(), Some(KEY_ID));
    assert!(output
        .ciphertext_blob
        .as_deref()
        .is_some_and(|blob| blob.starts_with("ODZhOWVmZDkt")));
}

#[test]
fn an_empty_plaintext_is_refused_before_sending() {
    let spec = spec();
    assert!(spec.required_parameters().contains(&"Plaintext"));
    let mut request = Encrypt::builder()
        .key_id(KEY_ID)
        .plaintext(PLAINTEXT)
        .build();
    request.plaintext = String::new();

    let errors = request.validate().expect_err("the rule is broken");
    let [violation] = errors.violations() else {
        panic!("exactly one violation expected: {errors}");
    };
    assert_eq!(violation.parameter, "Plaintext");
    assert_eq!(violation.rule, Rule::Required);

    let server = CaptureServer::start("{}").expect("the capture server starts");
    let refused = block_on(client(server.url()).send(&request)).expect_err("not sent");
    assert_eq!(refused.validation_errors(), Some(&errors));
    server
        .assert_no_connection()
        .expect("nothing reached the server");
}
