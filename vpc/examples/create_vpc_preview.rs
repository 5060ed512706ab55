//! A dry run against VPC, no network and no account needed: builds a `CreateVpc` request with
//! tags, prints the signed request that would be sent (signature redacted), shows the
//! idempotency token the client fills in, and what validation reports for too many tags.
//!
//!     cargo run -p vpc --example create_vpc_preview

use vpc::create_vpc::Tag;
use vpc::{CreateVpc, Credentials};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = vpc::client()
        .region("cn-hangzhou")
        // A placeholder key: the request is only signed and printed, never sent.
        .credentials(Credentials::new("preview-access-key-id", "preview-secret"))
        .build()?;

    let tags = |n: usize| -> Vec<Tag> {
        (1..=n)
            .map(|i| Tag {
                key: Some(format!("key-{i}")),
                value: Some(format!("value-{i}")),
            })
            .collect()
    };
    let request = CreateVpc::builder()
        .region_id("cn-hangzhou")
        .cidr_block("192.168.0.0/16")
        .vpc_name("preview")
        .tag(tags(2))
        .build();
    request.validate()?;
    let prepared = client.prepare(&request)?;
    println!("CreateVpc, as it would be sent:\n{prepared:#?}\n");

    let too_many = CreateVpc::builder()
        .region_id("cn-hangzhou")
        .tag(tags(25))
        .build();
    if let Err(errors) = too_many.validate() {
        println!("Refused before anything is sent:");
        for violation in errors.violations() {
            println!("  {violation}");
        }
    }
    Ok(())
}
