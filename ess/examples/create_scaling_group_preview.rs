//! A dry run against Auto Scaling (ESS), no network and no account needed: validates a
//! `CreateScalingGroup` request (2–20 instances over two vSwitches) locally, prints the signed
//! request that would be sent (signature redacted), and shows what validation reports for a
//! broken one.
//!
//!     cargo run -p ess --example create_scaling_group_preview

use ess::{CreateScalingGroup, Credentials};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = ess::client()
        .region("cn-hangzhou")
        // A placeholder key: the request is only signed and printed, never sent.
        .credentials(Credentials::new("preview-access-key-id", "preview-secret"))
        .build()?;

    let group = CreateScalingGroup::builder()
        .region_id("cn-hangzhou")
        .min_size(2)
        .max_size(20)
        .scaling_group_name("web-tier")
        .default_cooldown(300)
        .v_switch_ids(["vsw-bp14zolna43z266bq0001", "vsw-bp14zolna43z266bq0002"])
        .removal_policy(["OldestScalingConfiguration", "OldestInstance"])
        .multi_az_policy("BALANCE")
        .build();
    group.validate()?;
    let prepared = client.prepare(&group)?;
    println!("CreateScalingGroup, as it would be sent:\n{prepared:#?}\n");

    // Local validation lists every broken rule at once, with the server's own codes.
    let broken = CreateScalingGroup::builder()
        .region_id("cn-hangzhou")
        .min_size(2)
        .max_size(20)
        .v_switch_ids((1..=9).map(|i| format!("vsw-bp14zolna43z266bq{i:04}")))
        .removal_policy([
            "OldestScalingConfiguration",
            "OldestInstance",
            "NewestInstance",
            "CustomPolicy",
        ])
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
