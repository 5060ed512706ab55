acs_macros::generate!("../bad-specs/min_greater_than_max.json");

fn main() {}
