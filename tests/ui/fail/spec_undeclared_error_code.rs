acs_macros::generate!("../bad-specs/undeclared_error_code.json");

fn main() {}
