//! Generated code of imported vendor operations, pretty-printed and reviewed.
//!
//! - `ListInstances`: a paginated list (`Paginated` impl), `Tag.N.Key` repeatList objects and
//!   JSON-string arrays.
//! - `TagResources`: repeatList arrays of strings (`ResourceId.N`) and of objects (`Tag.N.Key`).
//! - `StartInstances`: a string parameter that carries a JSON array (`InstanceIds`).
//! - `InvokeCommand`: the object parameter (`Parameters`, a free-form JSON object sent `json`).
//!   The 2024-06-24 metadata has no object parameter with declared properties: objects with
//!   properties appear only as array items (`Tag`, `FirewallRules`).

use std::path::Path;

fn expand(op: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../specs/swas-open-2020-06-01")
        .join(format!("{op}.json"));
    let spec = acs_codegen::load_spec(&path, op).unwrap();
    acs_codegen::pretty(acs_codegen::generate(
        &spec,
        &acs_codegen::Options::default(),
    ))
    .unwrap()
}

#[test]
fn paginated_list_instances() {
    insta::assert_snapshot!("list_instances", expand("ListInstances"));
}

#[test]
fn repeat_list_tag_resources() {
    insta::assert_snapshot!("tag_resources", expand("TagResources"));
}

#[test]
fn json_string_array_start_instances() {
    insta::assert_snapshot!("start_instances", expand("StartInstances"));
}

#[test]
fn object_parameter_invoke_command() {
    insta::assert_snapshot!("invoke_command", expand("InvokeCommand"));
}
