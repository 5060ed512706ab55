acs_macros::generate!("../bad-specs/duplicate_error_code.json");

fn main() {}
