acs_macros::generate!("../bad-specs/default_outside_value_set.json");

fn main() {}
