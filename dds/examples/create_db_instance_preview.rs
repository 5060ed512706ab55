//! A dry run against ApsaraDB for MongoDB (`dds`), no network and no account needed: validates
//! a `CreateDBInstance` order (a MongoDB 7.0 replica set, pay-as-you-go, in a VPC) locally,
//! prints the signed request that would be sent (signature redacted), and shows what validation
//! reports for a broken one.
//!
//!     cargo run -p dds --example create_db_instance_preview

use dds::{CreateDBInstance, Credentials};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = dds::client()
        .region("cn-hangzhou")
        // A placeholder key: the request is only signed and printed, never sent.
        .credentials(Credentials::new("preview-access-key-id", "preview-secret"))
        .build()?;

    let order = CreateDBInstance::builder()
        .region_id("cn-hangzhou")
        .engine_version("7.0")
        .db_instance_class("mdb.shard.2x.xlarge.d")
        .db_instance_storage(20)
        .db_instance_description("orders-mongo")
        .charge_type("PostPaid")
        .network_type("VPC")
        .vpc_id("vpc-bp175iuvg8nxqraf2ab3c")
        .v_switch_id("vsw-bp1gzt31twhlo0sa5de6f")
        .zone_id("cn-hangzhou-h")
        .storage_engine("WiredTiger")
        .replication_factor("3")
        .build();
    order.validate()?;
    let prepared = client.prepare(&order)?;
    println!("CreateDBInstance, as it would be sent:\n{prepared:#?}\n");

    // Local validation lists every broken rule at once, with the server's own codes.
    let broken = CreateDBInstance::builder()
        .region_id("cn-hangzhou")
        .engine_version("2.6")
        .db_instance_class("dds.mongo.standard")
        .db_instance_storage(20)
        .charge_type("Monthly")
        .storage_engine("RocksDB")
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
