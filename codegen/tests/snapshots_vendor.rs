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
    // As the `swas` crate expands it: an operation of its product (the fluent builder).
    let options = acs_codegen::Options {
        product: Some(syn::parse_quote!(crate::SwasApi)),
        ..Default::default()
    };
    acs_codegen::pretty(acs_codegen::generate(&spec, &options)).unwrap()
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

/// `ecs-2014-05-26` → `EcsApi`.
fn marker_of(product: &str) -> String {
    let name = product.split('-').next().unwrap_or_default();
    format!("{}{}Api", name[..1].to_ascii_uppercase(), &name[1..])
}

fn expand_product(product: &str, op: &str, shapes: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../specs")
        .join(product)
        .join(format!("{op}.json"));
    let spec = acs_codegen::load_spec(&path, op).unwrap();
    // As the product's group crates expand it: the marker lives beside the shapes.
    let marker = shapes.replace("::shapes", &format!("::{}", marker_of(product)));
    let options = acs_codegen::Options {
        shapes: Some(syn::parse_str(shapes).unwrap()),
        product: Some(syn::parse_str(&marker).unwrap()),
        ..Default::default()
    };
    acs_codegen::pretty(acs_codegen::generate(&spec, &options)).unwrap()
}

/// ECS `RunInstances`: flattened `SystemDisk.*` as one nested parameter, indexed `DataDisk.N.*`
/// folded into the structured list, deprecated parameters, length rules, shared shapes
/// (`DataDisk`, `Arn`, … from `ecs_shapes`), 260 error codes.
#[test]
fn ecs_run_instances() {
    insta::assert_snapshot!(
        "ecs_run_instances",
        expand_product("ecs-2014-05-26", "RunInstances", "::ecs_shapes::shapes")
    );
}

/// ECS `DescribeInstances`: a large paginated response (singular item names, enums).
#[test]
fn ecs_describe_instances() {
    insta::assert_snapshot!(
        "ecs_describe_instances",
        expand_product(
            "ecs-2014-05-26",
            "DescribeInstances",
            "::ecs_shapes::shapes"
        )
    );
}

/// VPC `CreateVpc`: tags (a shared shape), an idempotency token.
#[test]
fn vpc_create_vpc() {
    insta::assert_snapshot!(
        "vpc_create_vpc",
        expand_product("vpc-2016-04-28", "CreateVpc", "::vpc_shapes::shapes")
    );
}

/// VPC `DescribeVpcs`: `PageNumber` paging through the list one object down (`Vpcs.Vpc`), and
/// the `VpcsAvailable` waiter from the overlay.
#[test]
fn vpc_describe_vpcs() {
    insta::assert_snapshot!(
        "vpc_describe_vpcs",
        expand_product("vpc-2016-04-28", "DescribeVpcs", "::vpc_shapes::shapes")
    );
}
