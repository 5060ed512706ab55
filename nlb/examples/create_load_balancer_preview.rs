//! A dry run against Network Load Balancer (NLB), no network and no account needed: validates
//! a `CreateLoadBalancer` order (two zones, internet-facing) locally, prints the signed request
//! that would be sent (its parameters travel form-encoded in the body; signature redacted), and
//! shows what validation reports for a broken one.
//!
//!     cargo run -p nlb --example create_load_balancer_preview

use nlb::create_load_balancer::ZoneMappings;
use nlb::{CreateLoadBalancer, Credentials};

fn zone(zone_id: &str, v_switch_id: &str) -> ZoneMappings {
    ZoneMappings {
        zone_id: Some(zone_id.into()),
        v_switch_id: Some(v_switch_id.into()),
        ..Default::default()
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = nlb::client()
        .region("cn-hangzhou")
        // A placeholder key: the request is only signed and printed, never sent.
        .credentials(Credentials::new("preview-access-key-id", "preview-secret"))
        .build()?;

    let order = CreateLoadBalancer::builder()
        .address_type("Internet")
        .vpc_id("vpc-bp1b49rqrybk45nio3xyz")
        .zone_mappings([
            zone("cn-hangzhou-h", "vsw-bp1rmcrwg3erh1fh8h1ab"),
            zone("cn-hangzhou-i", "vsw-bp1rmcrwg3erh1fh8i2cd"),
        ])
        .load_balancer_name("tcp-frontend")
        .address_ip_version("ipv4")
        .region_id("cn-hangzhou")
        .build();
    order.validate()?;
    let prepared = client.prepare(&order)?;
    println!("CreateLoadBalancer, as it would be sent:\n{prepared:#?}");
    println!(
        "form body: {}\n",
        String::from_utf8_lossy(prepared.body().as_bytes().unwrap_or_default())
    );

    // Local validation lists every broken rule at once, with the server's own codes.
    let crowded = ZoneMappings {
        ipv4_local_addresses: Some((1..=9).map(|i| format!("192.168.0.{i}")).collect()),
        ..zone("cn-hangzhou-h", "vsw-bp1rmcrwg3erh1fh8h1ab")
    };
    let broken = CreateLoadBalancer::builder()
        .address_type("Internet")
        .vpc_id("vpc-bp1b49rqrybk45nio3xyz")
        .zone_mappings([crowded, ZoneMappings::default()])
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
