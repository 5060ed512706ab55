//! The change report: the two shipped vendor snapshots, and one synthetic case per rule.

use std::path::{Path, PathBuf};
use std::process::Command;

use acs_codegen::diff::{self, Change, Report, Section, Severity};
use serde_json::{json, Value};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn vendor(date: &str) -> PathBuf {
    let dir = std::env::var_os("ACS_VENDOR_METADATA_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("specs/vendor-metadata/swas-open-2020-06-01"));
    dir.join(format!("{date}.api-docs.json"))
}

fn snapshots() -> Report {
    let old = diff::load(&vendor("2024-06-24")).unwrap();
    let new = diff::load(&vendor("2024-08-14")).unwrap();
    diff::diff(&old, &new)
}

/// `(kind, severity, path, message)` of one operation's changes.
fn changes(report: &Report, op: &str) -> Vec<(&'static str, Severity, String)> {
    report
        .operation(op)
        .map(|o| {
            o.changes
                .iter()
                .map(|c| (c.kind, c.severity, c.path.clone()))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn snapshots_three_operations_added() {
    let report = snapshots();
    let added: Vec<&str> = report
        .operations
        .iter()
        .filter(|o| o.status == "added")
        .map(|o| o.operation.as_str())
        .collect();
    assert_eq!(
        added,
        vec![
            "AddCustomImageShareAccount",
            "ListCustomImageShareAccounts",
            "RemoveCustomImageShareAccount"
        ]
    );
    for op in added {
        assert_eq!(
            changes(&report, op),
            vec![("operationAdded", Severity::Compatible, String::new())]
        );
    }
    assert!(report.operations.iter().all(|o| o.status != "removed"));
}

#[test]
fn snapshots_create_custom_image_rename_is_one_breaking_change() {
    let report = snapshots();
    assert_eq!(
        changes(&report, "CreateCustomImage"),
        vec![(
            "parameterRenamed",
            Severity::Breaking,
            "ResoureGroupId".to_owned()
        )]
    );
    let c: &Change = &report.operation("CreateCustomImage").unwrap().changes[0];
    assert_eq!(c.old, Some(json!("ResoureGroupId")));
    assert_eq!(c.new, Some(json!("ResourceGroupId")));
}

#[test]
fn snapshots_firewall_template_instance_ids_removed() {
    let report = snapshots();
    for op in [
        "ApplyFirewallTemplate",
        "DeleteFirewallTemplateRules",
        "DeleteFirewallTemplates",
        "DescribeFirewallTemplateApplyResults",
        "ModifyFirewallTemplate",
    ] {
        assert_eq!(
            changes(&report, op),
            vec![(
                "parameterRemoved",
                Severity::Breaking,
                "InstanceId".to_owned()
            )],
            "{op}"
        );
    }
}

#[test]
fn snapshots_whole_report_and_absent_sections() {
    let report = snapshots();
    assert_eq!(
        changes(&report, "ListCustomImages"),
        vec![
            ("parameterAdded", Severity::Compatible, "Share".to_owned()),
            (
                "parameterAdded",
                Severity::Compatible,
                "InstanceId".to_owned()
            ),
        ]
    );
    // Nothing else: no flood of removed responses, errors, docs or retyped JSON-string arrays.
    let changed: Vec<&str> = report
        .operations
        .iter()
        .map(|o| o.operation.as_str())
        .collect();
    assert_eq!(changed.len(), 10);
    assert_eq!(report.count(Severity::Breaking), 6);
    assert_eq!(report.count(Severity::Compatible), 5);
    assert!(report.is_breaking());
    for s in [
        Section::Descriptions,
        Section::Errors,
        Section::Examples,
        Section::Groups,
        Section::Responses,
    ] {
        assert!(report.old.sections.contains(&s));
        assert!(!report.new.sections.contains(&s), "{s:?}");
        assert!(
            report
                .notes
                .iter()
                .any(|n| n.contains(&format!("has no {}", s_what(s)))),
            "{s:?}"
        );
    }
    let note = report
        .notes
        .iter()
        .find(|n| n.starts_with("17 parameter(s) are JSON-string arrays"))
        .unwrap();
    assert!(note.contains("StartInstances.InstanceIds"));
    assert_eq!(
        report.summary_line(),
        "summary: 3 operation(s) added, 0 removed, 7 changed; 6 breaking, 5 compatible change(s) — BREAKING"
    );
}

fn s_what(s: Section) -> &'static str {
    match s {
        Section::Descriptions => "descriptions",
        Section::Errors => "error codes",
        Section::Examples => "examples",
        Section::Groups => "operation groups",
        Section::Responses => "response schemas",
        Section::Endpoints => "an endpoints table",
    }
}

#[test]
fn json_shape_is_stable() {
    let report = snapshots();
    let v = report.to_json();
    assert_eq!(
        v["summary"],
        json!({ "breaking": 6, "compatible": 5, "operationsAdded": 3, "operationsRemoved": 0, "operationsChanged": 7 })
    );
    assert_eq!(v["old"]["kind"], "vendorMetadata");
    assert_eq!(v["old"]["operations"], 95);
    assert_eq!(v["new"]["operations"], 98);
    assert_eq!(v["new"]["sections"], json!(["endpoints"]));
    let op = v["operations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["operation"] == "CreateCustomImage")
        .unwrap();
    assert_eq!(
        op,
        &json!({
            "operation": "CreateCustomImage",
            "status": "changed",
            "breaking": true,
            "changes": [{
                "kind": "parameterRenamed",
                "severity": "breaking",
                "path": "ResoureGroupId",
                "old": "ResoureGroupId",
                "new": "ResourceGroupId",
                "message": "parameter `ResoureGroupId` renamed to `ResourceGroupId` (the Rust field and builder method change name)",
            }],
        })
    );
}

#[test]
fn cli_exit_status_and_formats() {
    let bin = env!("CARGO_BIN_EXE_acs-codegen");
    let run = |args: &[&str]| Command::new(bin).args(args).output().unwrap();
    let (old, new) = (vendor("2024-06-24"), vendor("2024-08-14"));
    let (old, new) = (old.to_str().unwrap(), new.to_str().unwrap());
    let out = run(&["diff", old, new]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("\nCreateCustomImage (changed, breaking)\n  breaking    parameter `ResoureGroupId` renamed to `ResourceGroupId`"));
    let out = run(&["diff", old, new, "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["summary"]["breaking"], 6);
    // The same file against itself: nothing, exit 0.
    let out = run(&["diff", old, old]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .contains("0 breaking, 0 compatible"));
    // The imported spec directory against the metadata it came from: the overlays' curated
    // facts (CreateInstances) and English summaries show as differences, nothing else.
    let dir = root().join("specs/swas-open-2020-06-01");
    let out = run(&["diff", old, dir.to_str().unwrap(), "--format", "json"]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let ops: Vec<&str> = v["operations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["operation"].as_str().unwrap())
        .collect();
    assert_eq!(
        ops,
        vec![
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
    for o in v["operations"].as_array().unwrap().iter().skip(1) {
        assert_eq!(o["breaking"], false, "{o}");
        assert_eq!(o["changes"][0]["kind"], "docsChanged", "{o}");
    }
    // Invalid input: exit 2.
    assert_eq!(run(&["diff", old]).status.code(), Some(2));
    assert_eq!(
        run(&["diff", old, "/nonexistent.json"]).status.code(),
        Some(2)
    );
    let bad = std::env::temp_dir().join("acs-diff-bad.json");
    std::fs::write(&bad, "{\"specVersion\": 1, \"product\": 3}").unwrap();
    let out = run(&["diff", old, bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr).unwrap().contains("/product"));
}

// ---- synthetic cases, one per rule ----

fn spec(params: Value) -> String {
    json!({
        "specVersion": 1,
        "product": "TEST",
        "version": "2020-01-01",
        "operations": [ { "name": "Op", "methods": ["POST"], "parameters": params } ],
    })
    .to_string()
}

fn one(old: Value, new: Value) -> Vec<(&'static str, Severity, String)> {
    let a = diff::load_text("old.json", &spec(old)).unwrap();
    let b = diff::load_text("new.json", &spec(new)).unwrap();
    let report = diff::diff(&a, &b);
    changes(&report, "Op")
}

fn int(name: &str, extra: Value) -> Value {
    let mut v = json!({ "name": name, "type": "int32" });
    for (k, x) in extra.as_object().unwrap() {
        v[k] = x.clone();
    }
    v
}

#[test]
fn range_narrowed_widened_added_removed() {
    let r = |min: i64, max: i64| json!({ "constraints": [{ "kind": "range", "min": min, "max": max }] });
    let b = |k: &'static str, s| vec![(k, s, "Amount".to_owned())];
    assert_eq!(
        one(
            json!([int("Amount", r(1, 200))]),
            json!([int("Amount", r(1, 20))])
        ),
        b("rangeNarrowed", Severity::Breaking)
    );
    assert_eq!(
        one(
            json!([int("Amount", r(1, 20))]),
            json!([int("Amount", r(1, 200))])
        ),
        b("rangeWidened", Severity::Compatible)
    );
    assert_eq!(
        one(
            json!([int("Amount", r(1, 20))]),
            json!([int("Amount", r(0, 20))])
        ),
        b("rangeWidened", Severity::Compatible)
    );
    assert_eq!(
        one(
            json!([int("Amount", json!({}))]),
            json!([int("Amount", r(1, 20))])
        ),
        b("rangeNarrowed", Severity::Breaking)
    );
    assert_eq!(
        one(
            json!([int("Amount", r(1, 20))]),
            json!([int("Amount", json!({}))])
        ),
        b("rangeWidened", Severity::Compatible)
    );
    // Shifted: narrower on one end, wider on the other: breaking.
    assert_eq!(
        one(
            json!([int("Amount", r(1, 20))]),
            json!([int("Amount", r(2, 30))])
        ),
        b("rangeNarrowed", Severity::Breaking)
    );
    assert_eq!(
        one(
            json!([int("Amount", r(1, 20))]),
            json!([int("Amount", r(1, 20))])
        ),
        vec![]
    );
}

#[test]
fn became_required_or_optional() {
    let b = |k: &'static str, s| vec![(k, s, "Name".to_owned())];
    let p = |required: bool| json!([{ "name": "Name", "type": "string", "required": required }]);
    assert_eq!(
        one(p(false), p(true)),
        b("becameRequired", Severity::Breaking)
    );
    assert_eq!(
        one(p(true), p(false)),
        b("becameOptional", Severity::Compatible)
    );
}

#[test]
fn type_and_style_changes() {
    assert_eq!(
        one(
            json!([{ "name": "Size", "type": "int32" }]),
            json!([{ "name": "Size", "type": "int64" }])
        ),
        vec![("typeChanged", Severity::Breaking, "Size".to_owned())]
    );
    let arr = |style: &str| json!([{ "name": "Ids", "type": "array", "style": style, "items": { "type": "string" } }]);
    assert_eq!(
        one(arr("repeatList"), arr("json")),
        vec![("styleChanged", Severity::Breaking, "Ids".to_owned())]
    );
    // With examples on both sides, a JSON-string array that became a string is a type change.
    assert_eq!(
        one(
            json!([{ "name": "Ids", "type": "array", "style": "json", "items": { "type": "string" }, "example": "[\"a\"]" }]),
            json!([{ "name": "Ids", "type": "string", "example": "a" }])
        ),
        vec![("typeChanged", Severity::Breaking, "Ids".to_owned())]
    );
}

#[test]
fn value_sets_narrowed_and_widened() {
    let set = |v: Value| json!([{ "name": "Mode", "type": "string", "constraints": [{ "kind": "oneOf", "values": v }] }]);
    assert_eq!(
        one(set(json!(["A", "B"])), set(json!(["A"]))),
        vec![("valuesNarrowed", Severity::Breaking, "Mode".to_owned())]
    );
    assert_eq!(
        one(set(json!(["A"])), set(json!(["A", "B"]))),
        vec![("valuesWidened", Severity::Compatible, "Mode".to_owned())]
    );
    assert_eq!(
        one(
            json!([{ "name": "Mode", "type": "string" }]),
            set(json!(["A"]))
        ),
        vec![("valuesNarrowed", Severity::Breaking, "Mode".to_owned())]
    );
}

#[test]
fn item_limits_and_nested_properties() {
    let tag = |max: u64, key_required: bool| {
        json!([{ "name": "Tag", "type": "array", "style": "repeatList",
                 "constraints": [{ "kind": "maxItems", "value": max }],
                 "items": { "type": "object", "properties": [
                     { "name": "Key", "type": "string", "required": key_required } ] } }])
    };
    assert_eq!(
        one(tag(20, false), tag(10, false)),
        vec![("maxItemsNarrowed", Severity::Breaking, "Tag".to_owned())]
    );
    assert_eq!(
        one(tag(20, false), tag(50, false)),
        vec![("maxItemsWidened", Severity::Compatible, "Tag".to_owned())]
    );
    assert_eq!(
        one(tag(20, false), tag(20, true)),
        vec![("becameRequired", Severity::Breaking, "Tag.N.Key".to_owned())]
    );
}

#[test]
fn parameters_added_removed_renamed() {
    let s = |name: &str| json!({ "name": name, "type": "string" });
    assert_eq!(
        one(json!([s("RegionId")]), json!([s("RegionId"), s("Extra")])),
        vec![("parameterAdded", Severity::Compatible, "Extra".to_owned())]
    );
    assert_eq!(
        one(
            json!([s("RegionId")]),
            json!([s("RegionId"), { "name": "Must", "type": "string", "required": true }])
        ),
        vec![("parameterAdded", Severity::Breaking, "Must".to_owned())]
    );
    assert_eq!(
        one(json!([s("RegionId"), s("Gone")]), json!([s("RegionId")])),
        vec![("parameterRemoved", Severity::Breaking, "Gone".to_owned())]
    );
    assert_eq!(
        one(json!([s("ResoureGroupId")]), json!([s("ResourceGroupId")])),
        vec![(
            "parameterRenamed",
            Severity::Breaking,
            "ResoureGroupId".to_owned()
        )]
    );
    // Different types or distant names are a removal plus an addition, not a rename.
    assert_eq!(
        one(json!([s("Name")]), json!([int("Nane", json!({}))])),
        vec![
            ("parameterRemoved", Severity::Breaking, "Name".to_owned()),
            ("parameterAdded", Severity::Compatible, "Nane".to_owned()),
        ]
    );
    assert_eq!(
        one(json!([s("InstanceId")]), json!([s("ImageName")])),
        vec![
            (
                "parameterRemoved",
                Severity::Breaking,
                "InstanceId".to_owned()
            ),
            (
                "parameterAdded",
                Severity::Compatible,
                "ImageName".to_owned()
            ),
        ]
    );
}

#[test]
fn responses_errors_and_docs() {
    let doc = |response: Value, errors: Value, zh: &str| {
        json!({
            "specVersion": 1, "product": "TEST", "version": "2020-01-01",
            "operations": [{ "name": "Op", "methods": ["POST"], "description": { "zh": zh },
                             "response": response, "errors": errors }],
        })
        .to_string()
    };
    let e = |code: &str| json!({ "httpStatus": 400, "code": code, "message": "m" });
    let a = diff::load_text(
        "a",
        &doc(
            json!([{ "name": "Id", "type": "string" }, { "name": "Count", "type": "int32" }]),
            json!([e("A"), e("B")]),
            "旧",
        ),
    )
    .unwrap();
    let b = diff::load_text(
        "b",
        &doc(
            json!([{ "name": "Id", "type": "int64" }, { "name": "New", "type": "string" }]),
            json!([e("A"), e("C")]),
            "新",
        ),
    )
    .unwrap();
    let report = diff::diff(&a, &b);
    assert_eq!(
        changes(&report, "Op"),
        vec![
            (
                "responseFieldRemoved",
                Severity::Breaking,
                "response.Count".to_owned()
            ),
            (
                "responseFieldAdded",
                Severity::Compatible,
                "response.New".to_owned()
            ),
            (
                "responseFieldRetyped",
                Severity::Breaking,
                "response.Id".to_owned()
            ),
            ("errorRemoved", Severity::Breaking, "errors.B".to_owned()),
            ("errorAdded", Severity::Compatible, "errors.C".to_owned()),
            ("docsChanged", Severity::Compatible, String::new()),
        ]
    );
}

#[test]
fn operations_removed_and_endpoints() {
    let doc = |ops: Value, endpoints: Value| {
        json!({ "specVersion": 1, "product": "TEST", "version": "2020-01-01", "endpoints": endpoints, "operations": ops }).to_string()
    };
    let op = |name: &str| json!({ "name": name, "methods": ["POST"] });
    let ep = |r: &str| json!({ "regionId": r, "host": format!("x.{r}.example") });
    let a = diff::load_text(
        "a",
        &doc(json!([op("Keep"), op("Gone")]), json!([ep("r1"), ep("r2")])),
    )
    .unwrap();
    let b = diff::load_text("b", &doc(json!([op("Keep")]), json!([ep("r1"), ep("r3")]))).unwrap();
    let report = diff::diff(&a, &b);
    assert_eq!(
        changes(&report, "Gone"),
        vec![("operationRemoved", Severity::Breaking, String::new())]
    );
    assert_eq!(
        changes(&report, "(endpoints)"),
        vec![
            ("endpointRemoved", Severity::Breaking, "r2".to_owned()),
            ("endpointAdded", Severity::Compatible, "r3".to_owned()),
        ]
    );
    assert!(diff::load_text("x", "[1]").is_err());
    assert!(diff::load_text("x", "not json")
        .unwrap_err()
        .contains("line 1"));
}
