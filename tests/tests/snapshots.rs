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
