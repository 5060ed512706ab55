//! `SendSms`, the main operation of `dysmsapi`, goes on the wire as its spec says: signed (RPC
//! v1, checked by an independent verifier; non-ASCII values included), with the spec's Action
//! and Version and every required parameter.
//!
//! `SendSms` states no local rule beyond its required parameters; the refusal test uses
//! `AddSmsSign`, a default operation of the crate whose `SignFileList` has a `maxItems` rule.

use acs_product_check::{
    block_on, verify_rpc_v1, CaptureServer, OperationSpec, ACCESS_KEY_ID, ACCESS_KEY_SECRET,
};
use dysmsapi::add_sms_sign::SignFileList;
use dysmsapi::{AddSmsSign, Credentials, Rule, SendSms};

fn spec(operation: &str) -> OperationSpec {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../specs/dysmsapi-2017-05-25"
    );
    OperationSpec::load(format!("{dir}/{operation}.json")).expect("the spec loads")
}

fn client(endpoint: String) -> dysmsapi::Client {
    dysmsapi::client()
        .endpoint(endpoint)
        .credentials(Credentials::new(ACCESS_KEY_ID, ACCESS_KEY_SECRET))
        .build()
        .expect("the client builds")
}

const SIGN_NAME: &str = "阿里云短信测试";
const TEMPLATE_PARAM: &str = r#"{"code":"1234"}"#;

#[test]
fn send_sms_is_signed_and_carries_what_the_spec_requires() {
    let spec = spec("SendSms");
    let request = SendSms::builder()
        .phone_numbers("13900001234")
        .sign_name(SIGN_NAME)
        .template_code("SMS_154950909")
        .template_param(TEMPLATE_PARAM)
        .build();
    request
        .validate()
        .expect("a request within the rules validates");

    let server = CaptureServer::start(
        r#"{"RequestId":"F655A8D5-B967-440B-8683-DAD6FF8DE990","Code":"OK","Message":"OK","BizId":"900619746936498440^0"}"#,
    )
    .expect("the capture server starts");
    let output = block_on(client(server.url()).send(&request)).expect("the call succeeds");
    let received = server.request().expect("one request arrived");

    let params =
        verify_rpc_v1(&received, ACCESS_KEY_ID, ACCESS_KEY_SECRET).expect("the signature verifies");
    spec.check_wire(
        &params,
        &[
            ("PhoneNumbers", "13900001234"),
            ("SignName", SIGN_NAME),
            ("TemplateCode", "SMS_154950909"),
            ("TemplateParam", TEMPLATE_PARAM),
        ],
    )
    .expect("the request is what the spec asks for");

    assert_eq!(output.code.as_deref(), Some("OK"));
    assert_eq!(output.biz_id.as_deref(), Some("900619746936498440^0"));
}

#[test]
fn more_sign_files_than_the_spec_allows_are_refused_before_sending() {
    let spec = spec("AddSmsSign");
    let limit = spec.max_items("SignFileList");
    let request = AddSmsSign::builder()
        .sign_name(SIGN_NAME)
        .sign_source(1)
        .remark("Verification codes for the shop")
        .sign_file_list((0..=limit).map(|_| SignFileList {
            file_contents: Some("R0lGODlhAQABAIAAAP///wAAACwAAAAAAQABAAACAkQBADs=".into()),
            file_suffix: Some("gif".into()),
        }))
        .build();

    let errors = request.validate().expect_err("the rule is broken");
    let [violation] = errors.violations() else {
        panic!("exactly one violation expected: {errors}");
    };
    assert_eq!(violation.parameter, "SignFileList");
    assert_eq!(violation.rule, Rule::MaxItems(limit));

    let server = CaptureServer::start("{}").expect("the capture server starts");
    let refused = block_on(client(server.url()).send(&request)).expect_err("not sent");
    assert_eq!(refused.validation_errors(), Some(&errors));
    server
        .assert_no_connection()
        .expect("nothing reached the server");
}
