// Using what the spec deprecates warns, with the spec's reason; here the warnings are errors.
#![deny(deprecated)]

acs_macros::generate!("../../specs/features.json");

fn main() {
    let _ = OldThing::builder().build();
    let _ = RunThings::builder()
        .region_id("cn-hangzhou")
        .charge_type("PrePaid")
        .old_flag(true)
        .build();
    let _ = run_things::SystemDisk {
        auto_snapshot_policy_id: Some("sp-1".into()),
        ..Default::default()
    };
}
