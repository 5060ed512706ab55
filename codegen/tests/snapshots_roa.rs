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

/// The model keeps every ROA binding: a fixture serialized back from the model is the fixture
/// (style, methods, path, `in`, `format`, `responseBody`, `responseHeaders`, in spec key order).
#[test]
fn roa_specs_serialize_back_unchanged() {
    for file in ["cs.json", "fc.json"] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../tests/roa/specs")
            .join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        let spec = acs_codegen::load_spec(&path, file).unwrap();
        let original: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(serde_json::to_value(&spec).unwrap(), original, "{file}");
        // Key order too: the first operation's keys as written.
        let written = serde_json::to_string(&spec.operations[0]).unwrap();
        assert!(
            written.starts_with(r#"{"name":"#) && written.contains(r#","style":"ROA","methods":["#),
            "{written}"
        );
    }
}
