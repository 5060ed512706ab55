acs_macros::generate!("../bad-specs/unsupported_type.json");

fn main() {}
