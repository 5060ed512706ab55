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
    assert_eq!(changed.len(), 12);
    assert_eq!(report.count(Severity::Breaking), 6);
    // 3 operations, 2 parameters and 4 dropped defaults (PageNumber/PageSize of two operations).
    assert_eq!(report.count(Severity::Compatible), 9);
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
        "summary: 3 operation(s) added, 0 removed, 9 changed; 6 breaking, 9 compatible change(s) — BREAKING"
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
        json!({ "breaking": 6, "compatible": 9, "operationsAdded": 3, "operationsRemoved": 0, "operationsChanged": 9 })
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
    // The shipped spec directory against the newest metadata it was imported from: only the
    // overlays' curated facts differ, labelled as such and not counted as API changes (exit 0).
    let dir = root().join("specs/swas-open-2020-06-01");
    let newest = vendor("2025-05-17");
    let out = run(&[
        "diff",
        newest.to_str().unwrap(),
        dir.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let ops: Vec<&str> = v["operations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["operation"].as_str().unwrap())
        .collect();
    assert_eq!(ops, vec!["CreateInstances"]);
    let changes = v["operations"][0]["changes"].as_array().unwrap();
    assert!(!changes.is_empty());
    assert!(
        changes.iter().all(|c| c["curated"] == json!(true)),
        "{changes:#?}"
    );
    assert_eq!(v["summary"]["breaking"], 0);
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
    let e = diff::load_text("x", "not json").unwrap_err();
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].line_column, Some((1, 2)));
    assert!(
        e[0].to_string().starts_with("x:1:2: invalid JSON"),
        "{}",
        e[0]
    );
}

// ---- the HTTP binding (ROA) ----

fn one_op(old: Value, new: Value) -> Vec<(&'static str, Severity, String)> {
    // A second operation with a response on both sides: the documents have response schemas
    // (what a product folder has), so response changes are compared.
    let other = json!({ "name": "Other", "methods": ["POST"], "parameters": [],
                        "response": [ { "name": "Id", "type": "string" } ] });
    let doc = |op: Value| {
        json!({ "specVersion": 1, "product": "TEST", "version": "2020-01-01",
                "operations": [op, other] })
        .to_string()
    };
    let a = diff::load_text("old.json", &doc(old)).unwrap();
    let b = diff::load_text("new.json", &doc(new)).unwrap();
    changes(&diff::diff(&a, &b), "Op")
}

/// A ROA operation: `GET /clusters/{ClusterId}` with a path parameter, a query parameter and a
/// response header; `edit` changes one thing.
fn roa(edit: impl FnOnce(&mut Value)) -> Value {
    let mut op = json!({
        "name": "Op",
        "style": "ROA",
        "methods": ["GET"],
        "path": "/clusters/{ClusterId}",
        "parameters": [
            { "name": "ClusterId", "type": "string", "in": "path", "required": true },
            { "name": "Detail", "type": "boolean", "in": "query" }
        ],
        "response": [ { "name": "Name", "type": "string" } ],
        "responseHeaders": [ { "name": "x-acs-request-id", "type": "string" } ]
    });
    edit(&mut op);
    op
}

#[test]
fn roa_path_style_and_body_changes_are_breaking() {
    assert_eq!(one_op(roa(|_| {}), roa(|_| {})), vec![]);
    assert_eq!(
        one_op(
            roa(|_| {}),
            roa(|op| op["path"] = json!("/api/v2/clusters/{ClusterId}"))
        ),
        vec![("pathChanged", Severity::Breaking, String::new())]
    );
    let rpc = json!({ "name": "Op", "methods": ["GET"], "parameters": [
        { "name": "ClusterId", "type": "string", "required": true },
        { "name": "Detail", "type": "boolean" }
    ], "response": [ { "name": "Name", "type": "string" } ] });
    let changes = one_op(rpc, roa(|op| op["responseHeaders"] = json!([])));
    assert_eq!(
        changes,
        vec![
            ("operationStyleChanged", Severity::Breaking, String::new()),
            ("pathChanged", Severity::Breaking, String::new()),
            (
                "locationChanged",
                Severity::Breaking,
                "ClusterId".to_owned()
            ),
        ]
    );
    assert_eq!(
        one_op(
            roa(|_| {}),
            roa(|op| {
                op["responseBody"] = json!("text");
                op["response"] = json!([]);
            })
        ),
        // The JSON body's field goes with it.
        vec![
            (
                "responseBodyChanged",
                Severity::Breaking,
                "response".to_owned()
            ),
            (
                "responseFieldRemoved",
                Severity::Breaking,
                "response.Name".to_owned()
            ),
        ]
    );
}

#[test]
fn roa_parameter_location_format_and_headers() {
    assert_eq!(
        one_op(
            roa(|_| {}),
            roa(|op| op["parameters"][1]["in"] = json!("header"))
        ),
        vec![("locationChanged", Severity::Breaking, "Detail".to_owned())]
    );
    let body = |binary: bool| {
        roa(move |op| {
            op["methods"] = json!(["POST"]);
            let mut payload = json!({ "name": "Payload", "type": "string", "in": "body" });
            if binary {
                payload["format"] = json!("binary");
            }
            op["parameters"][1] = payload;
        })
    };
    assert_eq!(
        one_op(body(false), body(true)),
        vec![("formatChanged", Severity::Breaking, "Payload".to_owned())]
    );
    assert_eq!(
        one_op(
            roa(|_| {}),
            roa(|op| op["responseHeaders"] =
                json!([{ "name": "x-fc-code-checksum", "type": "string" }]))
        ),
        vec![
            (
                "responseHeaderRemoved",
                Severity::Breaking,
                "responseHeaders.x-acs-request-id".to_owned()
            ),
            (
                "responseHeaderAdded",
                Severity::Compatible,
                "responseHeaders.x-fc-code-checksum".to_owned()
            ),
        ]
    );
}
