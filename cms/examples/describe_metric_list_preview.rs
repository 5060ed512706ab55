//! A dry run against CloudMonitor (CMS), no network and no account needed: validates a
//! `DescribeMetricList` query (one ECS instance's CPU, one hour at 60 s) locally, prints the
//! signed request that would be sent (signature redacted), and shows what validation reports for
//! a broken `PutResourceMetricRule` (`DescribeMetricList` has no local rule beyond its required
//! parameters).
//!
//!     cargo run -p cms --example describe_metric_list_preview

use cms::put_resource_metric_rule::Labels;
use cms::{Credentials, DescribeMetricList, PutResourceMetricRule};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = cms::client()
        .region("cn-hangzhou")
        // A placeholder key: the request is only signed and printed, never sent.
        .credentials(Credentials::new("preview-access-key-id", "preview-secret"))
        .build()?;

    let query = DescribeMetricList::builder()
        .namespace("acs_ecs_dashboard")
        .metric_name("CPUUtilization")
        .period("60")
        .dimensions(r#"[{"instanceId":"i-bp1506krc4fyqcrb0gkd"}]"#)
        .start_time("2026-12-01 00:00:00")
        .end_time("2026-12-01 01:00:00")
        .build();
    query.validate()?;
    let prepared = client.prepare(&query)?;
    println!("DescribeMetricList, as it would be sent:\n{prepared:#?}\n");

    // Local validation lists every broken rule at once, with the server's own codes.
    let broken = PutResourceMetricRule::builder()
        .rule_id("cpu-high-web")
        .rule_name("CPU high on web servers")
        .namespace("acs_ecs_dashboard")
        .metric_name("CPUUtilization")
        .contact_groups("ops")
        .labels((0..25).map(|i| Labels {
            key: Some(format!("label{i}")),
            value: Some("on".into()),
        }))
        .build();
    match broken.validate() {
        Ok(()) => println!("(no rule broken)"),
        Err(errors) => {
            println!("A broken PutResourceMetricRule is refused before anything is sent:");
            for violation in errors.violations() {
                println!("  {violation}");
            }
        }
    }
    Ok(())
}
