//! A dry run against Application Load Balancer (ALB), no network and no account needed:
//! validates a `CreateLoadBalancer` order (two zones, pay-as-you-go) locally, prints the signed
//! request that would be sent (signature redacted), and shows what validation reports for a
//! broken one.
//!
//!     cargo run -p alb --example create_load_balancer_preview

use alb::create_load_balancer::{LoadBalancerBillingConfig, ZoneMappings};
use alb::{CreateLoadBalancer, Credentials};

fn zone(zone_id: &str, v_switch_id: &str) -> ZoneMappings {
    ZoneMappings {
        zone_id: Some(zone_id.into()),
        v_switch_id: Some(v_switch_id.into()),
        ..Default::default()
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = alb::client()
        .region("cn-hangzhou")
        // A placeholder key: the request is only signed and printed, never sent.
        .credentials(Credentials::new("preview-access-key-id", "preview-secret"))
        .build()?;

    let billing = LoadBalancerBillingConfig {
        pay_type: Some("PostPay".into()),
        ..Default::default()
    };
    let order = CreateLoadBalancer::builder()
        .vpc_id("vpc-bp1b49rqrybk45nio3xyz")
        .address_type("Internet")
        .zone_mappings([
            zone("cn-hangzhou-h", "vsw-bp1rmcrwg3erh1fh8h1ab"),
            zone("cn-hangzhou-i", "vsw-bp1rmcrwg3erh1fh8i2cd"),
        ])
        .load_balancer_edition("Standard")
        .load_balancer_billing_config(billing.clone())
        .load_balancer_name("web-alb")
        .deletion_protection_enabled(true)
        .build();
    order.validate()?;
    let prepared = client.prepare(&order)?;
    println!("CreateLoadBalancer, as it would be sent:\n{prepared:#?}\n");

    // Local validation lists every broken rule at once, with the server's own codes.
    let broken = CreateLoadBalancer::builder()
        .vpc_id("vpc-bp1b49rqrybk45nio3xyz")
        .address_type("Internet")
        .zone_mappings((0..11).map(|i| zone(&format!("zone-{i}"), &format!("vsw-{i}"))))
        .load_balancer_edition("Standard")
        .load_balancer_billing_config(billing)
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
