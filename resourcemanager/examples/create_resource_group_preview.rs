//! A dry run against Resource Management, no network and no account needed: validates a
//! `CreateResourceGroup` request locally, prints the signed request that would be sent
//! (signature redacted), and shows what validation reports for a broken `ListResources`
//! (`CreateResourceGroup` has no local rule beyond its required parameters).
//!
//!     cargo run -p resourcemanager --example create_resource_group_preview

use resourcemanager::{CreateResourceGroup, Credentials, ListResources};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = resourcemanager::client()
        .region("cn-hangzhou")
        // A placeholder key: the request is only signed and printed, never sent.
        .credentials(Credentials::new("preview-access-key-id", "preview-secret"))
        .build()?;

    let group = CreateResourceGroup::builder()
        .name("payments-prod")
        .display_name("Payments (production)")
        .build();
    group.validate()?;
    let prepared = client.prepare(&group)?;
    println!("CreateResourceGroup, as it would be sent:\n{prepared:#?}\n");

    // Local validation lists every broken rule at once, with the server's own codes.
    let broken = ListResources::builder()
        .resource_group_id("rg-9gLOoK0000")
        .page_size(500)
        .build();
    match broken.validate() {
        Ok(()) => println!("(no rule broken)"),
        Err(errors) => {
            println!("A broken ListResources is refused before anything is sent:");
            for violation in errors.violations() {
                println!("  {violation}");
            }
        }
    }
    Ok(())
}
