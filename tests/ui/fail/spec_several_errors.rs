acs_macros::generate!("../bad-specs/several_errors.json");

fn main() {}
