//! `AddDomainRecord`, the main operation of `alidns`, goes on the wire as its spec says: signed
//! (RPC v1, checked by an independent verifier), with the spec's Action and Version and every
//! required parameter; and a request breaking one of the spec's rules never leaves the client.

use acs_product_check::{
    block_on, verify_rpc_v1, CaptureServer, OperationSpec, ACCESS_KEY_ID, ACCESS_KEY_SECRET,
};
use alidns::{AddDomainRecord, Credentials, Rule};

fn spec() -> OperationSpec {
    OperationSpec::load(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../specs/alidns-2015-01-09/AddDomainRecord.json"
    ))
    .expect("the spec loads")
}

fn client(endpoint: String) -> alidns::Client {
    alidns::client()
        .endpoint(endpoint)
        .credentials(Credentials::new(ACCESS_KEY_ID, ACCESS_KEY_SECRET))
        .build()
        .expect("the client builds")
}

fn record(ttl: i64) -> AddDomainRecord {
    AddDomainRecord::builder()
        .domain_name("example.com")
        .rr("www")
        .r#type("A")
        .value("192.0.2.254")
        .ttl(ttl)
        .build()
}

#[test]
fn add_domain_record_is_signed_and_carries_what_the_spec_requires() {
    let spec = spec();
    // An optional parameter with a rule, set within its range.
    let (min, max) = spec.range("TTL");
    let ttl = 600.clamp(min.unwrap_or(1), max.unwrap_or(600));
    let request = record(ttl);
    request
        .validate()
        .expect("a request within the rules validates");

    let server = CaptureServer::start(
        r#"{"RequestId":"536E9CAD-DB30-4647-AC87-AA5CC38C5382","RecordId":"9999985"}"#,
    )
    .expect("the capture server starts");
    let output = block_on(client(server.url()).send(&request)).expect("the call succeeds");
    let received = server.request().expect("one request arrived");

    let params =
        verify_rpc_v1(&received, ACCESS_KEY_ID, ACCESS_KEY_SECRET).expect("the signature verifies");
    let ttl = ttl.to_string();
    spec.check_wire(
        &params,
        &[
            ("DomainName", "example.com"),
            ("RR", "www"),
            ("Type", "A"),
            ("Value", "192.0.2.254"),
            ("TTL", &ttl),
        ],
    )
    .expect("the request is what the spec asks for");

    assert_eq!(output.record_id.as_deref(), Some("9999985"));
}

#[test]
fn a_ttl_above_the_spec_range_is_refused_before_sending() {
    let spec = spec();
    let (min, max) = spec.range("TTL");
    let above = max.expect("the range has a maximum") + 1;
    let request = record(above);

    let errors = request.validate().expect_err("the rule is broken");
    let [violation] = errors.violations() else {
        panic!("exactly one violation expected: {errors}");
    };
    assert_eq!(violation.parameter, "TTL");
    assert_eq!(violation.rule, Rule::Range { min, max });
    assert_eq!(violation.value.as_deref(), Some(above.to_string().as_str()));

    let server = CaptureServer::start("{}").expect("the capture server starts");
    let refused = block_on(client(server.url()).send(&request)).expect_err("not sent");
    assert_eq!(refused.validation_errors(), Some(&errors));
    server
        .assert_no_connection()
        .expect("nothing reached the server");
}
