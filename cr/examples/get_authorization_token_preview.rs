//! A dry run against Container Registry (CR), no network and no account needed: validates a
//! `GetAuthorizationToken` request (the temporary `docker login` password of an instance)
//! locally, prints the signed request that would be sent (signature redacted), and shows what
//! validation reports for a broken one.
//!
//!     cargo run -p cr --example get_authorization_token_preview

use cr::{Credentials, GetAuthorizationToken};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = cr::client()
        .region("cn-hangzhou")
        // A placeholder key: the request is only signed and printed, never sent.
        .credentials(Credentials::new("preview-access-key-id", "preview-secret"))
        .build()?;

    let request = GetAuthorizationToken::builder()
        .instance_id("cri-kmsiwlxxdcvaduwb")
        .build();
    request.validate()?;
    let prepared = client.prepare(&request)?;
    println!("GetAuthorizationToken, as it would be sent:\n{prepared:#?}\n");

    // Local validation reports the broken rule with the server's own code.
    let mut broken = request.clone();
    broken.instance_id = String::new();
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
