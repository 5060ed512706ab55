acs_macros::generate!("../bad-specs/malformed_json.json");

fn main() {}
