acs_macros::generate!("../bad-specs/unknown_key.json");

fn main() {}
