//! A dry run against Tair / Redis OSS-compatible (`r-kvstore`), no network and no account
//! needed: validates a `CreateInstance` order (Redis 7.0, 1 GB, master-replica, in a VPC)
//! locally, prints the signed request that would be sent (signature redacted), and shows what
//! validation reports for a broken one.
//!
//!     cargo run -p r-kvstore --example create_instance_preview

use r_kvstore::{CreateInstance, Credentials};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = r_kvstore::client()
        .region("cn-hangzhou")
        // A placeholder key: the request is only signed and printed, never sent.
        .credentials(Credentials::new("preview-access-key-id", "preview-secret"))
        .build()?;

    let order = CreateInstance::builder()
        .region_id("cn-hangzhou")
        .instance_name("redis-cache")
        .instance_type("Redis")
        .engine_version("7.0")
        .instance_class("redis.master.small.default")
        .charge_type("PostPaid")
        .network_type("VPC")
        .vpc_id("vpc-bp1nme44gek34slfc1ab2")
        .v_switch_id("vsw-bp1e7clcw529l773d3cd4")
        .zone_id("cn-hangzhou-h")
        .port("6379")
        .build();
    order.validate()?;
    let prepared = client.prepare(&order)?;
    println!("CreateInstance, as it would be sent:\n{prepared:#?}\n");

    // Local validation lists every broken rule at once, with the server's own codes.
    let broken = CreateInstance::builder()
        .region_id("cn-hangzhou")
        .instance_type("Valkey")
        .engine_version("3.2")
        .shard_count(256)
        .port("63790a")
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
