//! `check` errors for the spec constructs that map vendor metadata: `enum`, `pattern`, `in`,
//! `deprecationNote` — each at its JSON Pointer, all at once.

use acs_codegen::{expand_str, Options};
use serde_json::json;

#[test]
fn every_misuse_is_reported_with_its_pointer() {
    let spec = json!({
        "specVersion": 1, "product": "DEMO", "version": "2024-01-01",
        "operations": [{
            "name": "DoThing", "methods": ["POST"],
            "deprecationNote": "gone",
            "parameters": [
                { "name": "Count", "type": "int32", "enum": ["1", "2"] },
                { "name": "Kind", "type": "string", "enum": ["big-box", "BigBox", "Unknown", "-"] },
                { "name": "Code", "type": "string", "constraints": [ { "kind": "pattern", "pattern": "([a-z]" } ] },
                { "name": "Size", "type": "int32", "constraints": [ { "kind": "pattern", "pattern": "\\d+" } ] },
                { "name": "Mode", "type": "string", "default": "x1", "constraints": [ { "kind": "pattern", "pattern": "[a-z]+" } ] },
                { "name": "Box", "type": "object", "style": "flat", "properties": [
                    { "name": "Side", "type": "string", "in": "formData" } ] },
                { "name": "Body", "type": "string", "in": "formData", "deprecationNote": "old" }
            ],
            "response": [ { "name": "Id", "type": "string", "in": "query" } ],
            "errors": []
        }]
    })
    .to_string();
    let errors = expand_str("s.json", &spec, &Options::default()).unwrap_err();
    let found: Vec<String> = errors
        .iter()
        .map(|e| format!("{} {}", e.pointer, e.message))
        .collect();
    let expected = [
        "/operations/0/parameters/0/enum `enum` applies to strings and arrays of strings, but `Count` is int32",
        "/operations/0/parameters/1/enum/1 enum values `big-box` and `BigBox` would both become the variant `BigBox`",
        "/operations/0/parameters/1/enum/2 enum value `Unknown` clashes with the `Unknown` variant kept for values the spec does not list",
        "/operations/0/parameters/1/enum/3 enum value \"-\" cannot become a Rust variant: it needs at least one ASCII letter or digit",
        "/operations/0/parameters/2/constraints/0/pattern `([a-z]` is not a valid regular expression",
        "/operations/0/parameters/3/constraints/0/kind a `pattern` rule applies to string parameters, but `Size` is int32",
        "/operations/0/parameters/4/default default \"x1\" breaks the field's own rule: does not match `[a-z]+`",
        "/operations/0/parameters/6/deprecationNote a deprecation note needs `deprecated: true`",
        "/operations/0/deprecationNote a deprecation note needs `deprecated: true`",
        "/operations/0/parameters/5/properties/0/in `in` applies to top-level request parameters only: a nested property travels with its parameter",
        "/operations/0/response/0/in `in` applies to top-level request parameters only: response fields are not sent",
    ];
    assert_eq!(found.len(), expected.len(), "{found:#?}");
    for (found, expected) in found.iter().zip(expected) {
        assert!(
            found.starts_with(expected),
            "{found}\n  does not start with\n{expected}"
        );
    }
}
