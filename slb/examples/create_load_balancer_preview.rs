//! A dry run against Classic Load Balancer (SLB), no network and no account needed: validates
//! a `CreateLoadBalancer` order (internet-facing, pay by bandwidth) locally, prints the signed
//! request that would be sent (signature redacted), and shows what validation reports for a
//! broken one.
//!
//!     cargo run -p slb --example create_load_balancer_preview

use slb::{CreateLoadBalancer, Credentials};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = slb::client()
        .region("cn-hangzhou")
        // A placeholder key: the request is only signed and printed, never sent.
        .credentials(Credentials::new("preview-access-key-id", "preview-secret"))
        .build()?;

    let order = CreateLoadBalancer::builder()
        .region_id("cn-hangzhou")
        .load_balancer_name("web-frontend")
        .address_type("internet")
        .internet_charge_type("paybybandwidth")
        .bandwidth(10)
        .load_balancer_spec("slb.s1.small")
        .master_zone_id("cn-hangzhou-b")
        .slave_zone_id("cn-hangzhou-d")
        .build();
    order.validate()?;
    let prepared = client.prepare(&order)?;
    println!("CreateLoadBalancer, as it would be sent:\n{prepared:#?}\n");

    // Local validation lists every broken rule at once, with the server's own codes.
    let broken = CreateLoadBalancer::builder()
        .region_id("cn-hangzhou")
        .bandwidth(10_000)
        .build();
    match broken.validate() {
        Ok(()) => println!("(no rule broken)"),
        Err(errors) => {
            println!("A broken order is refused before anything is sent:");
            for violation in errors.violations() {
                println!("  {violation}");
            }
        }
    }
    Ok(())
}
