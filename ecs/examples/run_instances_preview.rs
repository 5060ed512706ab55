//! A dry run against ECS, no network and no account needed: validates a `RunInstances` order
//! with nested parameters (system disk, data disks, tags) locally, shows what validation reports
//! for a broken one, and prints the signed request that would be sent (signature redacted).
//!
//!     cargo run -p ecs --example run_instances_preview

use ecs::run_instances::{DataDisk, SystemDisk, Tag};
use ecs::{Credentials, RunInstances};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = ecs::client()
        .region("cn-hangzhou")
        // A placeholder key: the request is only signed and printed, never sent.
        .credentials(Credentials::new("preview-access-key-id", "preview-secret"))
        .build()?;

    let order = RunInstances::builder()
        .region_id("cn-hangzhou")
        .image_id("aliyun_3_x64_20G_alibase_20240528.vhd")
        .instance_type("ecs.g7.large")
        .security_group_id("sg-bp15ed6xe1yxeycg****")
        .v_switch_id("vsw-bp1s5fnvk4gn2tws0****")
        .system_disk(
            SystemDisk::builder()
                .category("cloud_essd")
                .size(40)
                .build(),
        )
        .data_disk(vec![DataDisk {
            category: Some("cloud_essd".into()),
            size: Some(100),
            delete_with_instance: Some(true),
            ..Default::default()
        }])
        .tag(vec![Tag {
            key: Some("team".into()),
            value: Some("platform".into()),
        }])
        .amount(2)
        .build();
    order.validate()?;
    let prepared = client.prepare(&order)?;
    println!("RunInstances, as it would be sent:\n{prepared:#?}\n");

    // Local validation lists every broken rule at once, with the server's own codes.
    let broken = RunInstances::builder()
        .region_id("cn-hangzhou")
        .amount(1001)
        .min_amount(0)
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
