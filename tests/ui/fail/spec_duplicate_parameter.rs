acs_macros::generate!("../bad-specs/duplicate_parameter.json");

fn main() {}
