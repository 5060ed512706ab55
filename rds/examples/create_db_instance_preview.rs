//! A dry run against RDS, no network and no account needed: validates a `CreateDBInstance`
//! order (MySQL 8.0, pay-as-you-go, storage autoscaling) locally, prints the signed request that
//! would be sent (signature redacted), and shows what validation reports for a broken one.
//!
//!     cargo run -p rds --example create_db_instance_preview

use rds::{CreateDBInstance, Credentials};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = rds::client()
        .region("cn-hangzhou")
        // A placeholder key: the request is only signed and printed, never sent.
        .credentials(Credentials::new("preview-access-key-id", "preview-secret"))
        .build()?;

    let order = CreateDBInstance::builder()
        .region_id("cn-hangzhou")
        .engine("MySQL")
        .engine_version("8.0")
        .db_instance_class("mysql.n2.medium.2c")
        .db_instance_storage(100)
        .db_instance_net_type("Intranet")
        .security_ip_list("10.0.0.0/8")
        .pay_type("Postpaid")
        .zone_id("cn-hangzhou-i")
        .vpc_id("vpc-bp1opxu1zkhn00gzv7ab1")
        .v_switch_id("vsw-bp1oxflciovg9l7163lr7")
        .db_instance_storage_type("cloud_essd")
        .storage_auto_scale("Enable")
        .storage_threshold(30)
        .storage_upper_bound(500)
        .build();
    order.validate()?;
    let prepared = client.prepare(&order)?;
    println!("CreateDBInstance, as it would be sent:\n{prepared:#?}\n");

    // Local validation lists every broken rule at once, with the server's own codes.
    let broken = CreateDBInstance::builder()
        .region_id("cn-hangzhou")
        .engine("MySQL")
        .engine_version("8.0")
        .db_instance_class("mysql.n2.medium.2c")
        .db_instance_storage(100)
        .db_instance_net_type("Intranet")
        .security_ip_list("10.0.0.0/8")
        .pay_type("Prepaid")
        .period("Week")
        .used_time("two")
        .storage_threshold(35)
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
