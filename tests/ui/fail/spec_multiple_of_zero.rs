acs_macros::generate!("../bad-specs/multiple_of_zero.json");

fn main() {}
