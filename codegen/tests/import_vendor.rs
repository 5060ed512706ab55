//! The vendor-metadata import: mapping rules, reports, overlays, and the checked-in specs.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use acs_codegen::import::{self, overlay, repair, ImportOptions};
use acs_codegen::spec::*;
use serde_json::{json, Value};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The shipped vendor snapshots, copied into `specs/vendor-metadata/` (`ACS_VENDOR_METADATA_DIR` overrides).
fn vendor(date: &str) -> PathBuf {
    let dir = std::env::var_os("ACS_VENDOR_METADATA_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("specs/vendor-metadata/swas-open-2020-06-01"));
    dir.join(format!("{date}.api-docs.json"))
}

fn import_full() -> import::Imported {
    let text = std::fs::read_to_string(vendor("2024-06-24")).unwrap();
    let options = ImportOptions {
        source_file: "2024-06-24.api-docs.json".into(),
        date: Some("2024-06-24".into()),
        overlays: overlay::load_dir(&root().join("specs/overlays")).unwrap(),
        ..Default::default()
    };
    import::import(&text, &options).unwrap()
}

fn op_of(doc: &Value) -> OperationSpec {
    let spec = acs_codegen::parse_spec("test", &doc.to_string()).unwrap();
    assert_eq!(spec.operations.len(), 1);
    spec.operations.into_iter().next().unwrap()
}

fn find<'a>(imported: &'a import::Imported, name: &str) -> &'a Value {
    &imported
        .files
        .iter()
        .find(|(n, _)| n == &format!("{name}.json"))
        .unwrap()
        .1
}

/// A tiny vendor document with one operation.
fn mini(api: Value) -> String {
    json!({
        "version": "1.0",
        "info": { "style": "RPC", "product": "TEST", "version": "2020-01-01" },
        "directories": [ { "id": 1, "title": "实例", "type": "directory", "children": ["Op"] } ],
        "apis": { "Op": api },
    })
    .to_string()
}

fn import_mini(api: Value) -> import::Imported {
    let options = ImportOptions {
        source_file: "2020-01-01.api-docs.json".into(),
        date: Some("2020-01-01".into()),
        overlays: BTreeMap::new(),
        ..Default::default()
    };
    import::import(&mini(api), &options).unwrap()
}

/// Reports other than the one every response-less test operation gets.
fn without_raw_response(imported: &import::Imported) -> Vec<&import::Report> {
    imported
        .reports
        .iter()
        .filter(|r| {
            !r.message
                .contains("no snapshot publishes this operation's response schema")
        })
        .collect()
}

fn param(name: &str, schema: Value) -> Value {
    json!({ "name": name, "in": "query", "schema": schema })
}

#[test]
fn every_operation_is_imported_and_passes_the_checks() {
    let imported = import_full();
    assert_eq!(imported.files.len(), 96);
    assert_eq!(imported.files[0].0, "_service.json");
    // CreateInstances' curated facts; English summaries of the workflow, lifecycle and waiter
    // operations; the waiters of DescribeInvocationResult, ListInstances and ListSnapshots.
    assert_eq!(
        imported.overlaid,
        [
            "CreateInstances",
            "DescribeInvocationResult",
            "InvokeCommand",
            "ListImages",
            "ListInstanceStatus",
            "ListInstances",
            "ListPlans",
            "ListRegions",
            "ListSnapshots",
            "RebootInstance",
            "RebootInstances",
            "StartInstance",
            "StartInstances",
            "StopInstance",
            "StopInstances",
        ]
    );
    for (name, doc) in &imported.files {
        let spec = acs_codegen::parse_spec(name, &doc.to_string()).unwrap_or_else(|e| {
            panic!(
                "{name}: {}",
                e.iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        });
        assert_eq!(spec.product, "SWAS-OPEN");
        assert_eq!(spec.version, "2020-06-01");
        assert_eq!(spec.sources[0].kind, "vendorMetadata");
        assert_eq!(
            spec.sources[0].file.as_deref(),
            Some("2024-06-24.api-docs.json")
        );
        assert_eq!(spec.sources[0].date.as_deref(), Some("2024-06-24"));
        if name != "_service.json" {
            assert_eq!(spec.operations.len(), 1, "{name}");
            assert_eq!(format!("{}.json", spec.operations[0].name), *name);
            assert!(spec.operations[0].group.is_some(), "{name} has no group");
        }
    }
    // Seventeen string parameters carry JSON arrays (by their examples).
    assert_eq!(imported.inferences.len(), 17);
}

#[test]
fn the_service_file_holds_the_endpoints_and_no_operations() {
    let imported = import_full();
    let spec = acs_codegen::parse_spec("_service.json", &imported.files[0].1.to_string()).unwrap();
    assert!(spec.operations.is_empty());
    assert_eq!(spec.endpoints.len(), 28);
    let hangzhou = spec
        .endpoints
        .iter()
        .find(|e| e.region_id == "cn-hangzhou")
        .unwrap();
    assert_eq!(hangzhou.host, "swas.cn-hangzhou.aliyuncs.com");
    assert_eq!(
        spec.endpoints[0],
        RegionEndpoint {
            region_id: "ap-south-1".into(),
            host: "swas.ap-south-1.aliyuncs.com".into()
        }
    );
}

#[test]
fn groups_come_from_the_top_level_directories() {
    let imported = import_full();
    let mut groups: BTreeMap<String, usize> = BTreeMap::new();
    for (_, doc) in imported.operations() {
        *groups.entry(op_of(doc).group.unwrap()).or_default() += 1;
    }
    let expected: BTreeMap<String, usize> = [
        ("Commands", 13),
        ("Databases", 13),
        ("Disks", 3),
        ("Firewall", 8),
        ("FirewallTemplates", 9),
        ("Images", 5),
        ("Instances", 23),
        ("KeyPairs", 10),
        ("Regions", 3),
        ("Snapshots", 5),
        ("Tags", 3),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect();
    assert_eq!(groups, expected);
    // The Chinese directory title and the operation title are kept in the vendor source.
    let spec = acs_codegen::parse_spec("t", &find(&imported, "ListPlans").to_string()).unwrap();
    assert_eq!(
        spec.sources[0].title.as_deref(),
        Some("Alibaba Cloud API metadata (api-docs.json) for SWAS-OPEN 2020-06-01 — 其他资源 / 获取套餐信息")
    );
}

#[test]
fn nested_directories_belong_to_their_top_level_group() {
    let text = json!({
        "info": { "product": "TEST", "version": "2020-01-01" },
        "directories": [ { "title": "防火墙", "children": [ { "title": "子目录", "children": ["Op"] } ] } ],
        "apis": { "Op": { "methods": ["get"], "parameters": [] } },
    })
    .to_string();
    let imported = import::import(&text, &ImportOptions::default()).unwrap();
    assert_eq!(
        op_of(&imported.files[1].1).group.as_deref(),
        Some("Firewall")
    );
}

#[test]
fn json_string_arrays_follow_the_example_rule() {
    let imported = import_full();
    let start = op_of(find(&imported, "StartInstances"));
    let ids = start
        .parameters
        .iter()
        .find(|p| p.name == "InstanceIds")
        .unwrap();
    assert_eq!(
        ids.ty,
        TypeSpec::Array {
            items: Box::new(TypeSpec::Scalar(Scalar::String)),
            style: Some(WireStyle::Json),
            item_description: Text::default(),
        }
    );
    assert!(ids.required);
    // A JSON object in a string stays a string.
    let modify = op_of(find(&imported, "ModifyDatabaseInstanceParameter"));
    let p = modify
        .parameters
        .iter()
        .find(|p| p.name == "Parameters")
        .unwrap();
    assert_eq!(p.ty, TypeSpec::Scalar(Scalar::String));

    // Synthetic: a description that says "JSON array" beside an example of one item, and an
    // example typeset for people, are repairs; a description with no item example, or an
    // array of anything but strings, stays a string and is reported.
    let imported = import_mini(json!({
        "methods": ["post"],
        "parameters": [
            param("Ids", json!({ "type": "string", "description": "取值可以由多个ID组成一个JSON数组", "example": "id1" })),
            param("Nums", json!({ "type": "string", "example": "[1, 2]" })),
            param("Names", json!({ "type": "string", "example": "[\"a\", \"b\"]" })),
            param("Typeset", json!({ "type": "string", "example": "[“i-1”, “i-2 x”, … “i.9”,....]" })),
            param("Vague", json!({ "type": "string", "description": "一个JSON数组" })),
        ],
    }));
    let op = op_of(&imported.files[1].1);
    let json_list = |ty: &TypeSpec| {
        matches!(ty, TypeSpec::Array { items, style: Some(WireStyle::Json), .. }
            if **items == TypeSpec::Scalar(Scalar::String))
    };
    assert!(json_list(&op.parameters[0].ty), "{:?}", op.parameters[0].ty);
    assert_eq!(
        op.parameters[1].ty,
        TypeSpec::Scalar(Scalar::String),
        "only arrays of strings"
    );
    assert!(json_list(&op.parameters[2].ty));
    assert!(json_list(&op.parameters[3].ty));
    assert_eq!(op.parameters[4].ty, TypeSpec::Scalar(Scalar::String));
    assert_eq!(
        imported.repairs.get(repair::JSON_ARRAY_IN_STRING),
        Some(&2),
        "Ids and Typeset are repairs; Names is the plain rule"
    );
    let repaired: Vec<(&str, &str)> = op
        .discrepancies
        .iter()
        .filter(|d| d.repair.as_deref() == Some(repair::JSON_ARRAY_IN_STRING))
        .map(|d| {
            (
                d.pointer.as_str(),
                d.vendor_metadata["example"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        repaired,
        [
            ("/operations/0/parameters/0/type", "id1"),
            (
                "/operations/0/parameters/3/type",
                "[“i-1”, “i-2 x”, … “i.9”,....]"
            ),
        ]
    );
    let reports: Vec<(String, String)> = without_raw_response(&imported)
        .into_iter()
        .filter(|r| !r.message.starts_with("repair "))
        .map(|r| (r.pointer.clone(), r.name.clone()))
        .collect();
    assert_eq!(
        reports,
        [
            ("/apis/Op/parameters/1/schema".to_owned(), "Nums".to_owned()),
            (
                "/apis/Op/parameters/4/schema".to_owned(),
                "Vague".to_owned()
            ),
        ]
    );
}

#[test]
fn types_bounds_limits_values_and_defaults() {
    let imported = import_mini(json!({
        "methods": ["post", "get"],
        "parameters": [
            param("Size", json!({ "type": "integer", "format": "int32", "minimum": "1", "maximum": "100", "default": "30" })),
            param("Big", json!({ "type": "integer", "format": "int64", "maximum": "16380" })),
            param("Ratio", json!({ "type": "number", "format": "double", "minimum": "0.5" })),
            param("Mode", json!({ "type": "string", "enum": ["A", "B", "A"] })),
            param("On", json!({ "type": "boolean", "default": "true" })),
            { "name": "Tag", "in": "query", "style": "repeatList", "schema": {
                "type": "array", "maxItems": 20,
                "items": { "type": "object", "properties": {
                    "Key": { "type": "string", "required": true },
                    "Value": { "type": "string" } } } } },
            { "name": "Ids", "in": "query", "style": "simple", "schema": { "type": "array", "items": { "type": "string" } } },
            { "name": "Map", "in": "query", "style": "json", "schema": { "type": "object" } },
            param("ClientToken", json!({ "type": "string" })),
        ],
    }));
    let op = op_of(&imported.files[1].1);
    assert_eq!(op.methods, vec![HttpMethod::Post, HttpMethod::Get]);
    assert_eq!(op.group.as_deref(), Some("Instances"));
    let p = |n: &str| op.parameters.iter().find(|p| p.name == n).unwrap().clone();
    let kinds = |n: &str| {
        p(n).constraints
            .into_iter()
            .map(|c| c.kind)
            .collect::<Vec<_>>()
    };
    assert_eq!(p("Size").ty, TypeSpec::Scalar(Scalar::Int32));
    assert_eq!(
        kinds("Size"),
        vec![ConstraintKind::Range {
            min: Some(1),
            max: Some(100)
        }]
    );
    assert_eq!(p("Size").default, Some(json!(30)));
    assert_eq!(p("Big").ty, TypeSpec::Scalar(Scalar::Int64));
    assert_eq!(
        kinds("Big"),
        vec![ConstraintKind::Range {
            min: None,
            max: Some(16380)
        }]
    );
    assert_eq!(p("Ratio").ty, TypeSpec::Scalar(Scalar::Double));
    assert!(kinds("Ratio").is_empty());
    assert_eq!(
        kinds("Mode"),
        vec![ConstraintKind::OneOf(vec![json!("A"), json!("B")])]
    );
    assert_eq!(p("On").default, Some(json!(true)));
    assert_eq!(kinds("Tag"), vec![ConstraintKind::MaxItems(20)]);
    match p("Tag").ty {
        TypeSpec::Array { items, style, .. } => {
            assert_eq!(style, Some(WireStyle::RepeatList));
            let TypeSpec::Object { properties, .. } = *items else {
                panic!("object items")
            };
            assert_eq!(
                properties
                    .iter()
                    .map(|f| (f.name.as_str(), f.required))
                    .collect::<Vec<_>>(),
                vec![("Key", true), ("Value", false)]
            );
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        p("Ids").ty,
        TypeSpec::Array {
            style: Some(WireStyle::Simple),
            ..
        }
    ));
    assert_eq!(
        p("Map").ty,
        TypeSpec::Object {
            properties: vec![],
            style: Some(WireStyle::Json)
        }
    );
    assert!(p("ClientToken").idempotency_token);
    // The non-integer bound is reported, by name and pointer.
    let ratio: Vec<_> = imported
        .reports
        .iter()
        .filter(|r| r.name == "minimum")
        .collect();
    assert_eq!(ratio.len(), 1);
    assert_eq!(ratio[0].pointer, "/apis/Op/parameters/2/schema/minimum");
}

#[test]
fn errors_keep_their_status_and_get_the_retry_rule() {
    let imported = import_mini(json!({
        "methods": ["post"],
        "errorCodes": {
            "400": [ { "errorCode": "Throttling.User", "errorMessage": "Request was denied due to user flow control." },
                     { "errorCode": "InvalidParam", "errorMessage": "bad" } ],
            "500": [ { "errorCode": "InternalError", "errorMessage": "oops" } ],
            "oops": [ { "errorCode": "X", "errorMessage": "x" } ],
        },
    }));
    let op = op_of(&imported.files[1].1);
    let rows: Vec<(u16, &str, &str, bool)> = op
        .errors
        .iter()
        .map(|e| {
            (
                e.http_status,
                e.code.as_str(),
                e.message.as_str(),
                e.retryable,
            )
        })
        .collect();
    assert_eq!(
        rows,
        vec![
            (
                400,
                "Throttling.User",
                "Request was denied due to user flow control.",
                true
            ),
            (400, "InvalidParam", "bad", false),
            (500, "InternalError", "oops", true),
        ]
    );
    let reports = without_raw_response(&imported);
    assert_eq!(reports.len(), 1);
    assert_eq!(reports[0].pointer, "/apis/Op/errorCodes/oops");
}

#[test]
fn responses_are_imported_recursively() {
    let imported = import_full();
    let list = op_of(find(&imported, "ListInstances"));
    let instances = list
        .response
        .iter()
        .find(|f| f.name == "Instances")
        .unwrap();
    let TypeSpec::Array { items, .. } = &instances.ty else {
        panic!()
    };
    let TypeSpec::Object { properties, .. } = items.as_ref() else {
        panic!()
    };
    let spec = properties
        .iter()
        .find(|f| f.name == "ResourceSpec")
        .unwrap();
    let TypeSpec::Object {
        properties: inner, ..
    } = &spec.ty
    else {
        panic!()
    };
    let memory = inner.iter().find(|f| f.name == "Memory").unwrap();
    assert_eq!(memory.ty, TypeSpec::Scalar(Scalar::Double));
    assert_eq!(
        list.response
            .iter()
            .map(|f| f.name.as_str())
            .collect::<Vec<_>>(),
        // Object properties come in key order (the JSON reader does not keep the file's order).
        vec![
            "Instances",
            "PageNumber",
            "PageSize",
            "RequestId",
            "TotalCount"
        ]
    );
    // The free-form object of a response.
    let invocations = op_of(find(&imported, "DescribeInvocations"));
    let TypeSpec::Array { items, .. } = &invocations
        .response
        .iter()
        .find(|f| f.name == "Invocations")
        .unwrap()
        .ty
    else {
        panic!()
    };
    let TypeSpec::Object { properties, .. } = items.as_ref() else {
        panic!()
    };
    let parameters = properties.iter().find(|f| f.name == "Parameters").unwrap();
    assert_eq!(
        parameters.ty,
        TypeSpec::Object {
            properties: vec![],
            style: None
        }
    );
}

#[test]
fn unmapped_keys_are_reported_by_name_and_pointer() {
    let imported = import_full();
    let count = |name: &str| imported.reports.iter().filter(|r| r.name == name).count();
    for key in [
        "schemes",
        "security",
        "responseDemo",
        "operationType",
        "systemTags",
    ] {
        assert_eq!(count(key), 95, "{key}");
    }
    assert_eq!(count("staticInfo"), 7);
    assert_eq!(count("docRequired"), 5);
    assert!(imported
        .reports
        .iter()
        .any(|r| r.pointer == "/apis/CreateInstances/schemes"));
    assert!(imported
        .reports
        .iter()
        .any(|r| r.pointer == "/apis/ApplyFirewallTemplate/parameters/0/schema/docRequired"));
}

#[test]
fn invalid_input_is_an_error_with_a_pointer_and_never_a_panic() {
    let options = ImportOptions::default();
    let e = import::import("{", &options).unwrap_err();
    assert!(
        e.message.starts_with("invalid JSON at line 1"),
        "{}",
        e.message
    );
    let e = import::import(
        r#"{"info": {"product": "P", "version": "V"}, "apis": []}"#,
        &options,
    )
    .unwrap_err();
    assert_eq!(e.pointer, "/apis");
    let e = import::import(r#"{"info": {"product": 1}, "apis": {}}"#, &options).unwrap_err();
    assert_eq!(e.pointer, "/info/product");
    // Garbage inside operations becomes reports, not failures.
    let imported = import::import(
        r#"{"info": {"product": "P", "version": "2020-01-01"}, "apis": {"Op": {"methods": ["put"], "parameters": [1, {"name": "A", "in": "query", "schema": {"type": "file"}}, {"name": "B", "in": "query", "schema": {"type": "array", "items": {"type": "array", "items": {"type": "string"}}}}], "responses": 3, "errorCodes": []}, "bad name": {}}}"#,
        &options,
    )
    .unwrap();
    let pointers: Vec<&str> = without_raw_response(&imported)
        .iter()
        .map(|r| r.pointer.as_str())
        .collect();
    assert_eq!(
        pointers,
        vec![
            "/apis/Op/methods/0",
            "/apis/Op",
            "/apis/Op/parameters/0",
            "/apis/Op/parameters/1/schema/type",
            "/apis/Op/parameters/2/schema/items",
            "/apis/Op/responses",
            "/apis/Op/errorCodes",
            "/apis/bad name",
        ]
    );
    for (name, doc) in &imported.files {
        acs_codegen::parse_spec(name, &doc.to_string()).unwrap();
    }
}

#[test]
fn the_overlay_makes_create_instances_carry_every_curated_fact() {
    let imported = import_full();
    let merged = op_of(find(&imported, "CreateInstances"));
    let curated_text =
        std::fs::read_to_string(root().join("specs/curated/CreateInstances.json")).unwrap();
    let curated = acs_codegen::parse_spec("curated", &curated_text)
        .unwrap()
        .operations
        .remove(0);
    // Parameters (types, required, defaults, examples, units, token, descriptions) and every
    // constraint, errors (status, message, description, retryable), in the same order.
    assert_eq!(merged.parameters, curated.parameters);
    assert_eq!(merged.errors, curated.errors);
    assert_eq!(merged.methods, curated.methods);
    assert_eq!(merged.group, curated.group);
    assert_eq!(merged.summary, curated.summary);
    assert_eq!(merged.description, curated.description);
    assert_eq!(merged.notes, curated.notes);
    assert_eq!(merged.ram, curated.ram);
    assert_eq!(merged.changes, curated.changes);
    // The response: same fields; object keys come in alphabetical order from the import.
    let mut response = merged.response.clone();
    response.sort_by(|a, b| a.name.cmp(&b.name));
    let mut expected = curated.response.clone();
    expected.sort_by(|a, b| a.name.cmp(&b.name));
    for (a, b) in response.iter_mut().zip(expected.iter_mut()) {
        a.pointer.clear();
        b.pointer.clear();
    }
    assert_eq!(response, expected);
    // The curated discrepancies, then what the overlay overrode that the metadata said.
    assert_eq!(merged.discrepancies[..5], curated.discrepancies[..]);
    let recorded: Vec<(&str, &str)> = merged.discrepancies[5..]
        .iter()
        .map(|d| (d.pointer.as_str(), d.subject.as_str()))
        .collect();
    assert_eq!(
        recorded,
        vec![
            // Facts the metadata does not state at all are recorded as `absent`, so that the
            // change report labels them curated rather than as API changes.
            ("/operations/0/parameters/4/default", "AutoRenew default"),
            (
                "/operations/0/parameters/5/constraints",
                "AutoRenewPeriod constraints"
            ),
            ("/operations/0/parameters/6/default", "DataDiskSize default"),
            ("/operations/0/parameters/7/default", "Amount default"),
            (
                "/operations/0/parameters/8/constraints",
                "ChargeType constraints"
            ),
            ("/operations/0/parameters/8/default", "ChargeType default"),
            (
                "/operations/0/parameters/9/constraints",
                "ClientToken constraints"
            ),
            (
                "/operations/0/errors/16/retryable",
                "NotEnoughUpgradeStock retryable"
            ),
        ]
    );
    assert_eq!(merged.discrepancies[5].vendor_metadata, json!("absent"));
    assert_eq!(merged.discrepancies[12].vendor_metadata, json!(true));
    assert_eq!(merged.discrepancies[12].reference_page, Some(json!(false)));
    // Both sources are recorded.
    let spec =
        acs_codegen::parse_spec("t", &find(&imported, "CreateInstances").to_string()).unwrap();
    let kinds: Vec<&str> = spec.sources.iter().map(|s| s.kind.as_str()).collect();
    assert_eq!(kinds, vec!["vendorMetadata", "referencePage"]);
}

#[test]
fn overlays_win_per_fact_and_record_what_they_override() {
    let overlay = overlay::parse(
        "o.json",
        r#"{"operation": "Op",
            "parameters": [{"name": "Size", "constraints": [{"kind": "range", "min": 1, "max": 20}]},
                           {"name": "Extra", "type": "string"}],
            "errors": [{"code": "InternalError", "retryable": false}, {"code": "New", "httpStatus": 400, "message": "n"}]}"#,
    )
    .unwrap();
    let options = ImportOptions {
        source_file: "x.json".into(),
        date: None,
        overlays: [("Op".to_owned(), overlay)].into_iter().collect(),
        ..Default::default()
    };
    let text = mini(json!({
        "methods": ["post"],
        "parameters": [param("Size", json!({ "type": "integer", "format": "int32", "minimum": "1", "maximum": "200", "example": "3" }))],
        "errorCodes": { "500": [ { "errorCode": "InternalError", "errorMessage": "oops" } ] },
    }));
    let imported = import::import(&text, &options).unwrap();
    let op = op_of(&imported.files[1].1);
    assert_eq!(
        op.parameters[0].constraints[0].kind,
        ConstraintKind::Range {
            min: Some(1),
            max: Some(20)
        }
    );
    assert_eq!(
        op.parameters[0].example.as_deref(),
        Some("3"),
        "facts the overlay does not give stay"
    );
    assert_eq!(op.parameters[1].name, "Extra");
    assert!(!op.errors[0].retryable);
    assert_eq!(op.errors[1].code, "New");
    let subjects: Vec<&str> = op
        .discrepancies
        .iter()
        .map(|d| d.subject.as_str())
        .collect();
    assert_eq!(
        subjects,
        vec![
            "Size constraints",
            "parameter `Extra`",
            "InternalError retryable",
            "error code `New`"
        ]
    );
    assert_eq!(op.discrepancies[0].followed, "curated overlay");

    // Bad overlays are errors naming the file and pointer.
    let e = overlay::parse("bad.json", r#"{"operation": "Op", "paramters": []}"#).unwrap_err();
    assert_eq!(
        (e.file.as_str(), e.pointer.as_str()),
        ("bad.json", "/paramters")
    );
    let e = overlay::parse(
        "bad.json",
        r#"{"operation": "Op", "errors": [{"name": "x"}]}"#,
    )
    .unwrap_err();
    assert_eq!(e.pointer, "/errors/0");
}

#[test]
fn source_dates_come_from_file_names() {
    assert_eq!(
        import::source_date("2024-06-24.api-docs.json").as_deref(),
        Some("2024-06-24")
    );
    assert_eq!(import::source_date("api-docs.json"), None);
    assert_eq!(import::source_date("2024-0x-24.json"), None);
}

/// The pre-pass over vendor parameters: a parameter defined twice, once required and once not,
/// is merged as optional (so `ClientToken` stays the idempotency token, as in ECS
/// CreatePhysicalConnection); dotted names become one flat object and one list of objects whose
/// item limit is the largest listed index; the wire names stay the vendor's.
#[test]
fn duplicates_merge_and_dotted_names_group() {
    let imported = import_mini(json!({
        "methods": ["post"],
        "parameters": [
            param("ClientToken", json!({ "type": "string", "required": true })),
            param("SystemDisk.Size", json!({ "type": "integer", "format": "int32" })),
            param("SystemDisk.Category", json!({ "type": "string" })),
            param("Filter.1.Key", json!({ "type": "string" })),
            param("Filter.2.Key", json!({ "type": "string" })),
            param("Filter.1.Value", json!({ "type": "string" })),
            param("ClientToken", json!({ "type": "string", "required": false })),
        ],
    }));
    let op = op_of(&imported.files[1].1);
    let names: Vec<&str> = op.parameters.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["ClientToken", "SystemDisk", "Filter"]);
    let token = &op.parameters[0];
    assert!(!token.required && token.idempotency_token);
    match &op.parameters[1].ty {
        TypeSpec::Object {
            properties,
            style: Some(WireStyle::Flat),
        } => {
            let props: Vec<(&str, String)> = properties
                .iter()
                .map(|p| (p.name.as_str(), p.ty.describe()))
                .collect();
            // Properties come in name order, as for any vendor object.
            assert_eq!(
                props,
                [("Category", "string".into()), ("Size", "int32".into())]
            );
        }
        other => panic!("SystemDisk: {other:?}"),
    }
    let filter = &op.parameters[2];
    assert!(matches!(
        &filter.ty,
        TypeSpec::Array { style: Some(WireStyle::RepeatList), items, .. }
            if matches!(items.as_ref(), TypeSpec::Object { properties, .. } if properties.len() == 2)
    ));
    assert_eq!(filter.constraints[0].kind, ConstraintKind::MaxItems(2));
    assert!(imported
        .reports
        .iter()
        .any(|r| r.name == "ClientToken" && r.message.contains("merged as optional")));
}
