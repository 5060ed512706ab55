//! A dry run against Alibaba Cloud DNS, no network and no account needed: validates an
//! `AddDomainRecord` request (an A record, 10-minute TTL) locally, prints the signed request
//! that would be sent (signature redacted), and shows what validation reports for a broken one.
//!
//!     cargo run -p alidns --example add_domain_record_preview

use alidns::{AddDomainRecord, Credentials};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = alidns::client()
        // Alibaba's current metadata publishes one central endpoint for Alidns (region id
        // `public`), not per-region hosts: name it rather than a region.
        .endpoint("https://alidns.aliyuncs.com")
        // A placeholder key: the request is only signed and printed, never sent.
        .credentials(Credentials::new("preview-access-key-id", "preview-secret"))
        .build()?;

    let record = AddDomainRecord::builder()
        .domain_name("example.com")
        .rr("www")
        .r#type("A")
        .value("192.0.2.254")
        .ttl(600)
        .line("default")
        .build();
    record.validate()?;
    let prepared = client.prepare(&record)?;
    println!("AddDomainRecord, as it would be sent:\n{prepared:#?}\n");

    // Local validation lists every broken rule at once, with the server's own codes.
    let broken = AddDomainRecord::builder()
        .domain_name("example.com")
        .rr("@")
        .r#type("MX")
        .value("mail.example.com")
        .ttl(0)
        .priority(70_000)
        .build();
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
