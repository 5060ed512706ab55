//! A dry run against Alibaba Cloud CDN, no network and no account needed: validates a
//! `RefreshObjectCaches` request (two URLs, one per line) locally, prints the signed request
//! that would be sent (the paths travel form-encoded in the body; signature redacted), and shows
//! what validation reports for a broken `PushObjectCache` (`RefreshObjectCaches` has no local
//! rule beyond its required path).
//!
//!     cargo run -p cdn --example refresh_object_caches_preview

use cdn::{Credentials, PushObjectCache, RefreshObjectCaches};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = cdn::client()
        .region("cn-hangzhou")
        // A placeholder key: the request is only signed and printed, never sent.
        .credentials(Credentials::new("preview-access-key-id", "preview-secret"))
        .build()?;

    let refresh = RefreshObjectCaches::builder()
        .object_path("https://example.com/image/1.png\nhttps://example.com/image/2.png")
        .object_type("File")
        .build();
    refresh.validate()?;
    let prepared = client.prepare(&refresh)?;
    println!("RefreshObjectCaches, as it would be sent:\n{prepared:#?}");
    println!(
        "form body: {}\n",
        String::from_utf8_lossy(prepared.body().as_bytes().unwrap_or_default())
    );

    // Local validation lists every broken rule at once, with the server's own codes.
    let broken = PushObjectCache::builder()
        .object_path("example.com/image/1.png")
        .area("mainland")
        .build();
    match broken.validate() {
        Ok(()) => println!("(no rule broken)"),
        Err(errors) => {
            println!("A broken PushObjectCache is refused before anything is sent:");
            for violation in errors.violations() {
                println!("  {violation}");
            }
        }
    }
    Ok(())
}
