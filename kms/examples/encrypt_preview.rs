//! A dry run against Key Management Service (KMS), no network and no account needed: validates
//! an `Encrypt` request locally, prints the signed request that would be sent (signature
//! redacted), and shows what validation reports for a broken one.
//!
//!     cargo run -p kms --example encrypt_preview

use kms::{Credentials, Encrypt};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = kms::client()
        .region("cn-hangzhou")
        // A placeholder key: the request is only signed and printed, never sent.
        .credentials(Credentials::new("preview-access-key-id", "preview-secret"))
        .build()?;

    let request = Encrypt::builder()
        .key_id("alias/app-data")
        // "Hello world", base64-encoded as the API expects.
        .plaintext("SGVsbG8gd29ybGQ=")
        .build();
    request.validate()?;
    let prepared = client.prepare(&request)?;
    println!("Encrypt, as it would be sent:\n{prepared:#?}\n");

    // Local validation lists every broken rule at once, with the server's own codes.
    let mut broken = request.clone();
    broken.key_id = String::new();
    broken.plaintext = String::new();
    match broken.validate() {
        Ok(()) => println!("(no rule broken)"),
        Err(errors) => {
            println!("A broken request is refused before anything is sent:");
            for violation in errors.violations() {
                println!("  {violation}");
            }
        }
    }
    Ok(())
}
