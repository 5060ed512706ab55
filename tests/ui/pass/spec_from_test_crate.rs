// A spec expanded in a crate that depends on the runtime directly (default `::acs_runtime`).
#![deny(warnings)]

acs_macros::generate!("../bad-specs/valid_base.json");

fn main() {
    let request = DoThing::builder().region_id("cn-hangzhou").size(3).build();
    assert!(request.validate().is_ok());
    let bad = DoThing::builder().region_id("").size(11).mode("Medium").step(7).build();
    let errors = bad.validate().unwrap_err();
    assert_eq!(
        errors.codes(),
        ["MissingParameter", "InvalidSize", "InvalidMode", "InvalidParameter"]
    );
}
