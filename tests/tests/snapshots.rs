//! Snapshots of the generated code: any change to the output is a reviewable diff.

use std::path::Path;

fn expand(path: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let spec = acs_codegen::load_spec(&root.join(path), path)
        .unwrap_or_else(|errors| panic!("{path}: {errors:?}"));
    acs_codegen::pretty(acs_codegen::generate(&spec, &Default::default())).unwrap()
}

#[test]
fn create_instances() {
    insta::assert_snapshot!(expand("../specs/curated/CreateInstances.json"));
}

#[test]
fn every_constraint_kind() {
    insta::assert_snapshot!(expand("specs/constraints.json"));
}

#[test]
fn arrays_objects_and_wire_styles() {
    insta::assert_snapshot!(expand("specs/shapes.json"));
}

#[test]
fn nested_enum_deprecated_and_pattern() {
    insta::assert_snapshot!(expand("specs/features.json"));
}

#[test]
fn shared_shapes_module_and_an_operation_importing_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let load = |path: &str| {
        acs_codegen::load_spec(&root.join(path), path)
            .unwrap_or_else(|errors| panic!("{path}: {errors:?}"))
    };
    let shapes = load("specs/shared/_shapes.json");
    let operations = load("specs/shared/operations.json");
    let options = acs_codegen::Options {
        shapes: Some(syn::parse_quote!(crate::product::shapes)),
        operations: Some(vec!["ListDisks".to_owned()]),
        ..Default::default()
    };
    let mut tokens = acs_codegen::generate(&shapes, &Default::default());
    tokens.extend(acs_codegen::generate(&operations, &options));
    insta::assert_snapshot!(acs_codegen::pretty(tokens).unwrap());
}
