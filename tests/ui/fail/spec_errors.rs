// Every kind of bad spec is a compile error naming the file and the JSON Pointer: one case per
// spec, in one file (one trybuild compile instead of ten).

mod default_outside_value_set {
    acs_macros::generate!("../bad-specs/default_outside_value_set.json");
}

mod duplicate_error_code {
    acs_macros::generate!("../bad-specs/duplicate_error_code.json");
}

mod duplicate_parameter {
    acs_macros::generate!("../bad-specs/duplicate_parameter.json");
}

mod malformed_json {
    acs_macros::generate!("../bad-specs/malformed_json.json");
}

mod min_greater_than_max {
    acs_macros::generate!("../bad-specs/min_greater_than_max.json");
}

mod multiple_of_zero {
    acs_macros::generate!("../bad-specs/multiple_of_zero.json");
}

mod several_errors {
    acs_macros::generate!("../bad-specs/several_errors.json");
}

mod undeclared_error_code {
    acs_macros::generate!("../bad-specs/undeclared_error_code.json");
}

mod unknown_key {
    acs_macros::generate!("../bad-specs/unknown_key.json");
}

mod unsupported_type {
    acs_macros::generate!("../bad-specs/unsupported_type.json");
}


fn main() {}
