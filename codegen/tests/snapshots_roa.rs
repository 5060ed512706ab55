//! Generated code of ROA operations, pretty-printed and reviewed (the fixtures the local ROA
//! end-to-end tests in `tests/roa` send):
//!
//! - `cs.json` (Container Service shaped): GET with a path parameter and a response header,
//!   DELETE with a JSON-style query array, PUT with a JSON object body, a JSON array response,
//!   a text response.
//! - `fc.json` (Function Compute shaped): a streamed binary invoke with `x-fc-*` request and
//!   response headers, a headers-only response, hyphenated query names (`max-keys` → `max_keys`).

use std::path::Path;

fn expand(file: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/roa/specs")
        .join(file);
    let spec = acs_codegen::load_spec(&path, file).unwrap_or_else(|e| panic!("{file}: {e:?}"));
    acs_codegen::pretty(acs_codegen::generate(
        &spec,
        &acs_codegen::Options::default(),
    ))
    .unwrap()
}

#[test]
fn container_service_shaped_operations() {
    insta::assert_snapshot!(expand("cs.json"));
}

#[test]
fn function_compute_shaped_operations() {
    insta::assert_snapshot!(expand("fc.json"));
}
