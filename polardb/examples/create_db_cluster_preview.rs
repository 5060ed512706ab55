//! A dry run against PolarDB, no network and no account needed: validates a `CreateDBCluster`
//! order (PolarDB for MySQL 8.0, pay-as-you-go, in a VPC) locally, prints the signed request
//! that would be sent (signature redacted), and shows what validation reports for a broken one.
//!
//!     cargo run -p polardb --example create_db_cluster_preview

use polardb::{CreateDBCluster, Credentials};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = polardb::client()
        .region("cn-hangzhou")
        // A placeholder key: the request is only signed and printed, never sent.
        .credentials(Credentials::new("preview-access-key-id", "preview-secret"))
        .build()?;

    let order = CreateDBCluster::builder()
        .region_id("cn-hangzhou")
        .db_type("MySQL")
        .db_version("8.0")
        .pay_type("Postpaid")
        .db_node_class("polar.mysql.x4.medium")
        .zone_id("cn-hangzhou-i")
        .cluster_network_type("VPC")
        .vpc_id("vpc-bp1qpo0kug3a20qqe1ab2")
        .v_switch_id("vsw-bp1s5fnvk4gn2tws0cd34")
        .db_cluster_description("orders-db")
        .hot_standby_cluster("ON")
        .storage_space(50)
        .build();
    order.validate()?;
    let prepared = client.prepare(&order)?;
    println!("CreateDBCluster, as it would be sent:\n{prepared:#?}\n");

    // Local validation lists every broken rule at once, with the server's own codes.
    let broken = CreateDBCluster::builder()
        .region_id("cn-hangzhou")
        .db_type("MySQL")
        .db_version("8.0")
        .pay_type("Postpaid")
        .architecture("RISC-V")
        .storage_space(5)
        .storage_upper_bound(100_000)
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
