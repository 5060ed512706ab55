//! `check` errors for the HTTP bindings of ROA operations (specs/README.md, "HTTP bindings"):
//! each rule once, at its JSON Pointer, all reported together.

use acs_codegen::{expand_str, Options};
use serde_json::{json, Value};

fn errors_of(operations: Value) -> Vec<String> {
    let spec = json!({
        "specVersion": 1, "product": "DEMO", "version": "2024-01-01",
        "operations": operations
    })
    .to_string();
    match expand_str("s.json", &spec, &Options::default()) {
        Ok(_) => Vec::new(),
        Err(errors) => errors
            .iter()
            .map(|e| format!("{} {}", e.pointer, e.message))
            .collect(),
    }
}

fn assert_errors(operations: Value, expected: &[&str]) {
    let found = errors_of(operations);
    assert_eq!(found.len(), expected.len(), "{found:#?}");
    for (found, expected) in found.iter().zip(expected) {
        assert!(
            found.starts_with(expected),
            "{found}\n  does not start with\n{expected}"
        );
    }
}

#[test]
fn a_well_formed_roa_operation_passes() {
    let found = errors_of(json!([{
        "name": "DeleteCluster", "style": "ROA", "methods": ["DELETE"],
        "path": "/clusters/{ClusterId}",
        "parameters": [
            { "name": "ClusterId", "in": "path", "type": "string", "required": true },
            { "name": "retain_resources", "type": "array", "style": "json", "items": { "type": "string" } },
            { "name": "max-keys", "type": "int32" },
            { "name": "x-fc-log-type", "in": "header", "type": "string" }
        ],
        "response": [ { "name": "task_id", "type": "string" } ],
        "responseHeaders": [ { "name": "x-fc-request-id", "type": "string" } ]
    }]));
    assert_eq!(found, Vec::<String>::new());
}

#[test]
fn path_template_and_path_parameters_must_agree() {
    assert_errors(
        json!([
            { "name": "A", "style": "ROA", "methods": ["GET"], "path": "/clusters/{ClusterId}/nodes/{NodeId}",
              "parameters": [
                { "name": "ClusterId", "in": "path", "type": "string", "required": true },
                { "name": "PoolId", "in": "path", "type": "string", "required": true } ] },
            { "name": "B", "style": "ROA", "methods": ["GET"], "path": "/a/{X" },
            { "name": "C", "style": "ROA", "methods": ["GET"] },
            { "name": "D", "methods": ["POST"], "path": "/d" },
            { "name": "E", "style": "ROA", "methods": ["GET"], "path": "/e/{Id}",
              "parameters": [ { "name": "Id", "in": "path", "type": "array", "items": { "type": "string" } } ] }
        ]),
        &[
            "/operations/0/path path template `/clusters/{ClusterId}/nodes/{NodeId}` names `{NodeId}`, but no parameter `NodeId` has `in: path`",
            "/operations/0/parameters/1/in path parameter `PoolId` does not appear in the path template",
            "/operations/1/path path template `/a/{X`: a `{` is never closed",
            "/operations/2 a ROA operation needs its `path` template",
            "/operations/3/path `path` applies to ROA operations only",
            "/operations/4/parameters/0/type a path parameter is a scalar, but `Id` is array of string",
            "/operations/4/parameters/0/required path parameter `Id` must be required",
        ],
    );
}

#[test]
fn one_method_one_body_and_no_body_on_get() {
    assert_errors(
        json!([
            { "name": "A", "style": "ROA", "methods": ["PUT", "POST"], "path": "/a",
              "parameters": [
                { "name": "body", "in": "body", "type": "object" },
                { "name": "other", "in": "body", "type": "object" } ] },
            { "name": "B", "style": "ROA", "methods": ["POST"], "path": "/b",
              "parameters": [
                { "name": "body", "in": "body", "type": "object" },
                { "name": "Form", "in": "formData", "type": "string" } ] },
            { "name": "C", "style": "ROA", "methods": ["GET"], "path": "/c",
              "parameters": [ { "name": "body", "in": "body", "type": "object" } ] },
            { "name": "D", "style": "ROA", "methods": ["HEAD"], "path": "/d",
              "parameters": [ { "name": "Form", "in": "formData", "type": "string" } ] },
            { "name": "E", "methods": ["DELETE"],
              "parameters": [ { "name": "Id", "in": "header", "type": "string" } ] },
            { "name": "F", "style": "ROA", "methods": ["GET"], "path": "/f",
              "parameters": [
                { "name": "x-acs-date", "in": "header", "type": "string" },
                { "name": "Content-Type", "in": "header", "type": "string" } ] }
        ]),
        &[
            "/operations/0/methods a ROA operation has exactly one method, not 2",
            "/operations/0/parameters/1/in an operation has one body, and `body` already is it",
            "/operations/1/parameters/0/in body parameter `body` cannot be sent beside form parameter `Form`",
            "/operations/2/parameters/0/in a GET request has no body, but `body` is `in: body`",
            "/operations/3/parameters/0/in a HEAD request has no body, but `Form` is `in: formData`",
            "/operations/4/methods/0 an RPC operation is sent with GET or POST, not DELETE",
            "/operations/4/parameters/0/in `in: header` applies to ROA operations only",
            "/operations/5/parameters/0/name header `x-acs-date` is set and signed by the runtime itself",
            "/operations/5/parameters/1/name header `Content-Type` is set and signed by the runtime itself",
        ],
    );
}

#[test]
fn binary_only_on_a_body_string_and_response_kinds_fit_their_fields() {
    assert_errors(
        json!([
            { "name": "A", "style": "ROA", "methods": ["POST"], "path": "/a",
              "parameters": [
                { "name": "q", "type": "string", "format": "binary" },
                { "name": "body", "in": "body", "type": "object", "properties": [
                    { "name": "data", "type": "string", "format": "binary" } ] } ],
              "response": [ { "name": "blob", "type": "string", "format": "binary" } ] },
            { "name": "B", "style": "ROA", "methods": ["GET"], "path": "/b", "responseBody": "jsonArray",
              "response": [ { "name": "items", "type": "string" } ] },
            { "name": "C", "style": "ROA", "methods": ["GET"], "path": "/c", "responseBody": "text",
              "response": [ { "name": "x", "type": "string" } ] },
            { "name": "D", "style": "ROA", "methods": ["GET"], "path": "/d", "responseBody": "none",
              "responseHeaders": [
                { "name": "x-a", "type": "object" },
                { "name": "x a", "type": "string" },
                { "name": "x_a", "type": "string" } ] },
            { "name": "E", "methods": ["GET"], "responseBody": "text" },
            { "name": "F", "style": "ROA", "methods": ["GET"], "path": "/f", "responseBody": "binary",
              "responseHeaders": [ { "name": "Body", "type": "string" } ] },
            { "name": "G", "style": "ROA", "methods": ["POST"], "path": "/g",
              "parameters": [ { "name": "body", "in": "body", "type": "string", "format": "binary",
                                "constraints": [ { "kind": "length", "max": 3 } ] } ] }
        ]),
        &[
            "/operations/0/parameters/0/format `format: binary` applies to a string parameter with `in: body` only (`q` is not one",
            "/operations/0/parameters/1/properties/0/format `format: binary` applies to a string parameter with `in: body` only (`data`",
            "/operations/0/response/0/format `format: binary` applies",
            "/operations/1/responseBody a `jsonArray` response holds exactly one response field, `items`, of type array",
            "/operations/2/responseBody a `text` response has no body fields, but `response` lists 1",
            "/operations/3/responseHeaders/0/type a response header is a scalar, but `x-a` is object",
            "/operations/3/responseHeaders/1/name `x a` is not an HTTP header name",
            "/operations/3/responseHeaders/2/name response header `x_a` and x-a would both become the output field `x_a`",
            "/operations/4/responseBody `responseBody` applies to ROA operations only",
            "/operations/5/responseHeaders/0/name response header `Body` and the response body would both become the output field `body`",
            "/operations/6/parameters/0/format binary body `body` carries no constraints, enum or default",
        ],
    );
}

#[test]
fn unknown_styles_locations_and_formats_are_parse_errors() {
    assert_errors(
        json!([
            { "name": "A", "style": "OSS", "methods": ["TRACE"], "responseBody": "xml",
              "parameters": [
                { "name": "h", "in": "host", "type": "string" },
                { "name": "f", "type": "string", "format": "byte" } ] }
        ]),
        &[
            "/operations/0/style unsupported operation style `OSS` (expected RPC or ROA)",
            "/operations/0/methods/0 unsupported HTTP method `TRACE` (expected GET, POST, PUT, DELETE, PATCH or HEAD)",
            "/operations/0/parameters/0/in unsupported parameter location `host`: `host` parameters are not supported by this generator",
            "/operations/0/parameters/1/format unsupported format `byte` (expected binary)",
            "/operations/0/responseBody unknown response body `xml`",
            "/operations/0/methods an operation needs at least one HTTP method",
        ],
    );
}

/// A waiter whose path does not resolve is a `check` error; generation from an unchecked model
/// makes it a compile error naming it, never a silently missing method.
#[test]
fn a_waiter_that_does_not_resolve_is_never_dropped() {
    let spec = json!({
        "specVersion": 1, "product": "DEMO", "version": "2024-01-01",
        "operations": [{
            "name": "GetThing", "style": "ROA", "methods": ["GET"], "path": "/things",
            "response": [ { "name": "status", "type": "string" } ],
            "waiters": [ { "name": "Ready", "path": "state", "success": ["ok"] } ]
        }]
    })
    .to_string();
    let errors = expand_str("s.json", &spec, &Options::default()).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0]
            .message
            .contains("`state` is not a response field here"),
        "{}",
        errors[0]
    );
    let mut diags = acs_codegen::diagnostics::Diagnostics::new("s.json");
    let model = acs_codegen::spec::parse::parse_spec(&spec, &mut diags).expect("parses");
    let code = acs_codegen::generate(&model, &Options::default()).to_string();
    assert!(
        code.contains(
            "compile_error ! (\"waiter `Ready` of `GetThing`: path `state` does not resolve: `state` is not a response field here (fields: status)\")"
        ),
        "{code}"
    );
}
