//! A dry run against Short Message Service (dysmsapi), no network and no account needed:
//! validates a `SendSms` request (a verification-code template) locally, prints the signed
//! request that would be sent (signature redacted), and shows what validation reports for a
//! broken `AddSmsSign` (`SendSms` has no local rule beyond its required parameters).
//!
//!     cargo run -p dysmsapi --example send_sms_preview

use dysmsapi::add_sms_sign::SignFileList;
use dysmsapi::{AddSmsSign, Credentials, SendSms};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = dysmsapi::client()
        .region("cn-hangzhou")
        // A placeholder key: the request is only signed and printed, never sent.
        .credentials(Credentials::new("preview-access-key-id", "preview-secret"))
        .build()?;

    let sms = SendSms::builder()
        .phone_numbers("13900001234")
        .sign_name("阿里云短信测试")
        .template_code("SMS_154950909")
        .template_param(r#"{"code":"1234"}"#)
        .build();
    sms.validate()?;
    let prepared = client.prepare(&sms)?;
    println!("SendSms, as it would be sent:\n{prepared:#?}\n");

    // Local validation lists every broken rule at once, with the server's own codes.
    let broken = AddSmsSign::builder()
        .sign_name("阿里云短信测试")
        .sign_source(1)
        .remark("Verification codes for the shop")
        .sign_file_list((0..12).map(|_| SignFileList {
            file_contents: Some("R0lGODlhAQABAIAAAP///wAAACwAAAAAAQABAAACAkQBADs=".into()),
            file_suffix: Some("gif".into()),
        }))
        .build();
    match broken.validate() {
        Ok(()) => println!("(no rule broken)"),
        Err(errors) => {
            println!("A broken AddSmsSign is refused before anything is sent:");
            for violation in errors.violations() {
                println!("  {violation}");
            }
        }
    }
    Ok(())
}
