//! A dry run against Function Compute 3.0, no network and no account needed: builds an
//! `InvokeFunction` call with a byte payload (`POST /2023-03-30/functions/{functionName}/invocations`,
//! the body sent as `application/octet-stream`, `x-fc-*` headers signed with it) and prints the
//! signed request as it would be sent (signature redacted).
//!
//!     cargo run -p fc --example fc_preview

use fc::{Credentials, InvokeFunction};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = fc::client()
        .region("cn-hangzhou")
        // A placeholder key: the request is only signed and printed, never sent.
        .credentials(Credentials::new("preview-access-key-id", "preview-secret"))
        .build()?;

    // The event is opaque bytes to the service: any payload the function reads.
    let event: Vec<u8> = br#"{"image":"cat.png","sizes":[64,128]}"#.to_vec();
    let invoke = InvokeFunction::builder()
        .function_name("thumbnailer")
        .qualifier("LATEST")
        .x_fc_invocation_type("Sync")
        .x_fc_log_type("Tail")
        .body(event)
        .build();
    let prepared = client.prepare(&invoke)?;
    println!("InvokeFunction, as it would be sent:\n{prepared:#?}");
    println!("content-type: {:?}", prepared.header("content-type"));
    Ok(())
}
