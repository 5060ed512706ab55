//! Vendor metadata that contradicts itself is repaired, reported and recorded, never a lost
//! product; what no repair can make true still stops the import (exit 1, nothing written); other
//! API styles are refused in one sentence; `check` takes folders.

use std::path::{Path, PathBuf};
use std::process::Command;

use acs_codegen::import::repair;
use acs_codegen::import::write::{run, RunOptions};
use acs_codegen::import::Outcome;
use serde_json::{json, Value};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn tempdir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "acs-repairs-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A vendor document of style `style` with one operation `Op`.
fn document(style: &str, api: Value) -> Value {
    json!({
        "version": "1.0",
        "info": { "style": style, "product": "TEST", "version": "2020-01-01" },
        "apis": { "Op": api },
    })
}

fn param(name: &str, schema: Value) -> Value {
    json!({ "name": name, "in": "query", "schema": schema })
}

/// Imports `doc` into a fresh folder (written unless a check fails).
fn import(doc: &Value) -> (PathBuf, Outcome) {
    let dir = tempdir();
    let input = dir.join("2020-01-01.api-docs.json");
    std::fs::write(&input, doc.to_string()).unwrap();
    let outcome = run(&RunOptions {
        inputs: vec![input],
        out: dir.join("specs"),
        ..RunOptions::default()
    })
    .unwrap();
    (dir, outcome)
}

/// The written spec of `Op` as JSON, and its model (read back through the check).
fn written(dir: &Path) -> (Value, acs_codegen::ServiceSpec) {
    let path = dir.join("specs/Op.json");
    let text = std::fs::read_to_string(&path).unwrap();
    let spec = acs_codegen::parse_spec("Op.json", &text).unwrap();
    (serde_json::from_str(&text).unwrap(), spec)
}

fn repairs(spec: &acs_codegen::ServiceSpec) -> Vec<(String, String)> {
    spec.operations[0]
        .discrepancies
        .iter()
        .filter_map(|d| Some((d.repair.clone()?, d.pointer.clone())))
        .collect()
}

#[test]
fn defaults_outside_their_own_rule_are_dropped_and_recorded() {
    let (dir, outcome) = import(&document(
        "RPC",
        json!({ "methods": ["post"], "parameters": [
            param("RestoreType", json!({ "type": "string", "enum": ["BackupSetID", "RestoreTime"], "default": "" })),
            param("PageSize", json!({ "type": "integer", "format": "int32", "maximum": "50", "default": "100" })),
            param("Name", json!({ "type": "string", "minLength": 2, "default": "" })),
            param("Count", json!({ "type": "integer", "format": "int32", "default": "" })),
            param("Mode", json!({ "type": "string", "required": true, "default": "fast" })),
            param("Zone", json!({ "type": "string", "enum": ["a", "b"], "default": "a" })),
        ]}),
    ));
    assert!(
        outcome.check_errors.is_empty(),
        "{:?}",
        outcome.check_errors
    );
    let (value, spec) = written(&dir);
    let p = &spec.operations[0].parameters;
    assert_eq!(
        p.iter().map(|f| f.default.clone()).collect::<Vec<_>>(),
        [None, None, None, None, None, Some(json!("a"))],
        "only the valid default is kept"
    );
    assert_eq!(
        repairs(&spec),
        [
            (
                repair::DEFAULT_OUTSIDE_RULE,
                "/operations/0/parameters/0/default"
            ),
            (
                repair::DEFAULT_OUTSIDE_RULE,
                "/operations/0/parameters/1/default"
            ),
            (
                repair::DEFAULT_OUTSIDE_RULE,
                "/operations/0/parameters/2/default"
            ),
            (
                repair::DEFAULT_NOT_TYPED,
                "/operations/0/parameters/3/default"
            ),
            (
                repair::DEFAULT_ON_REQUIRED,
                "/operations/0/parameters/4/default"
            ),
        ]
        .map(|(k, p)| (k.to_owned(), p.to_owned()))
    );
    let first = &value["operations"][0]["discrepancies"][0];
    assert_eq!(
        first,
        &json!({
            "pointer": "/operations/0/parameters/0/default",
            "subject": "default of `RestoreType`: not one of {\"BackupSetID\", \"RestoreTime\"}",
            "vendorMetadata": "",
            "followed": "import repair: default dropped, rule kept",
            "repair": "defaultOutsideRule",
        })
    );
    assert_eq!(
        outcome.imported.repairs.values().sum::<usize>(),
        5,
        "{:?}",
        outcome.imported.repairs
    );
    assert!(outcome
        .summary()
        .contains("repairs: defaultNotTyped ×1, defaultOnRequired ×1, defaultOutsideRule ×3;"));
    assert!(outcome
        .imported
        .reports
        .iter()
        .any(|r| r.name == "RestoreType"
            && r.message
                .starts_with("repair `defaultOutsideRule`: default \"\" breaks")));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_default_one_letter_from_a_value_is_a_typo_both_spellings_are_accepted() {
    let (dir, outcome) = import(&document(
        "RPC",
        json!({ "methods": ["post"], "parameters": [
            param("Allowed", json!({ "type": "string", "enum": ["ALL_ALLOWD", "FAILURE_ALLOWED", "ALL_DENIED"], "default": "ALL_ALLOWED" })),
        ]}),
    ));
    assert!(
        outcome.check_errors.is_empty(),
        "{:?}",
        outcome.check_errors
    );
    let (_, spec) = written(&dir);
    let f = &spec.operations[0].parameters[0];
    assert_eq!(f.default, Some(json!("ALL_ALLOWED")));
    assert_eq!(
        f.enum_values,
        ["ALL_ALLOWD", "FAILURE_ALLOWED", "ALL_DENIED", "ALL_ALLOWED"]
    );
    assert_eq!(
        repairs(&spec),
        [(
            repair::ENUM_VALUE_TYPO.to_owned(),
            "/operations/0/parameters/0/constraints".to_owned()
        )]
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn header_parameters_optional_left_out_required_stop_the_import() {
    let header = |required: bool| {
        json!({ "name": "Content-Type", "in": "header",
                "schema": { "type": "string", "required": required, "default": "application/json" } })
    };
    let api = |required: bool| {
        json!({ "methods": ["post"], "parameters": [
            header(required),
            param("OrderCode", json!({ "type": "string", "required": true })),
        ]})
    };
    let (dir, outcome) = import(&document("RPC", api(false)));
    assert!(
        outcome.check_errors.is_empty(),
        "{:?}",
        outcome.check_errors
    );
    let (_, spec) = written(&dir);
    let names: Vec<&str> = spec.operations[0]
        .parameters
        .iter()
        .map(|f| f.name.as_str())
        .collect();
    assert_eq!(names, ["OrderCode"]);
    assert_eq!(
        repairs(&spec),
        [(
            repair::HEADER_PARAMETER_DROPPED.to_owned(),
            "/operations/0/parameters".to_owned()
        )]
    );
    std::fs::remove_dir_all(dir).unwrap();

    let (dir, outcome) = import(&document("RPC", api(true)));
    assert_eq!(outcome.check_errors.len(), 1);
    let e = &outcome.check_errors[0];
    assert_eq!(e.pointer, "/apis/Op/parameters/0/in");
    assert!(e.message.contains("required `in: header` parameter"), "{e}");
    assert!(!dir.join("specs").exists(), "nothing written");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn error_codes_listed_twice_or_clashing_keep_the_first_and_say_so() {
    let (dir, outcome) = import(&document(
        "RPC",
        json!({ "methods": ["post"], "errorCodes": {
            "400": [
                { "errorCode": "Invalid.Tenant", "errorMessage": "not in tenant" },
                { "errorCode": "Invalid.Tenant", "errorMessage": "not in tenant" },
                { "errorCode": "Biz.NotFound", "errorMessage": "a" },
            ],
            "403": [
                { "errorCode": "Invalid.Tenant", "errorMessage": "forbidden" },
                { "errorCode": "BizNotFound", "errorMessage": "b" },
            ],
        }}),
    ));
    assert!(
        outcome.check_errors.is_empty(),
        "{:?}",
        outcome.check_errors
    );
    let (_, spec) = written(&dir);
    let codes: Vec<(u16, &str)> = spec.operations[0]
        .errors
        .iter()
        .map(|e| (e.http_status, e.code.as_str()))
        .collect();
    assert_eq!(codes, [(400, "Invalid.Tenant"), (400, "Biz.NotFound")]);
    // The identical repeat is merged silently (a report, no repair); the others are repairs.
    assert_eq!(
        repairs(&spec),
        [repair::DUPLICATE_ERROR_CODE, repair::ERROR_VARIANT_CLASH]
            .map(|k| (k.to_owned(), "/operations/0/errors".to_owned()))
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn every_repair_kind_is_documented_in_the_specs_readme() {
    let readme = std::fs::read_to_string(root().join("specs/README.md")).unwrap();
    for (kind, _) in repair::KINDS {
        assert!(readme.contains(&format!("`{kind}`")), "{kind}");
    }
}

fn cli(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_acs-codegen"))
        .args(args)
        .current_dir(root())
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn other_api_styles_are_refused_in_one_sentence_and_nothing_is_written() {
    let own_rules =
        "(its own host, path and signing rules) is not supported, so nothing is imported";
    for (style, ending) in [
        ("OSS", format!("the import writes RPC-, ROA- and FC-style APIs only, and OSS {own_rules}")),
        ("SLS", format!("the import writes RPC-, ROA- and FC-style APIs only, and SLS {own_rules}")),
        ("AliGenie", format!("the import writes RPC-, ROA- and FC-style APIs only, and AliGenie {own_rules}")),
        ("PDS", format!("the import writes RPC-, ROA- and FC-style APIs only, and PDS {own_rules}")),
        // V3 without a path: the action goes in a header, parameters in the query and body.
        ("V3", "1 of its operations have no `path` (the action travels in the `x-acs-action` header, parameters in the query string and the body); the spec format has no such style, so nothing is imported rather than sending the parameters somewhere else than the API defines".to_owned()),
    ] {
        let dir = tempdir();
        let input = dir.join("2020-01-01.api-docs.json");
        std::fs::write(
            &input,
            document(style, json!({ "methods": ["get"] })).to_string(),
        )
        .unwrap();
        let out = dir.join("specs");
        let (code, _, stderr) = cli(&[
            "import",
            input.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ]);
        assert_eq!(code, 1, "{stderr}");
        let errors: Vec<&str> = stderr.lines().filter(|l| l.starts_with("error:")).collect();
        let and = if style == "V3" { " and " } else { "; " };
        assert_eq!(
            errors,
            [format!(
                "error: 2020-01-01.api-docs.json: at /info/style: this API is {style}-style (`info.style`){and}{ending}"
            )],
            "{stderr}"
        );
        assert!(!stderr.contains("report:"), "no mapping reports: {stderr}");
        assert!(!out.exists());
        std::fs::remove_dir_all(dir).unwrap();
    }
}

/// An ROA construct the spec format cannot carry is an error at its JSON Pointer; nothing is written.
#[test]
fn an_roa_construct_that_cannot_be_mapped_is_an_error_naming_its_pointer() {
    for (api, pointer, message) in [
        (
            json!({ "methods": ["get"] }),
            "/apis/Op",
            "an ROA operation needs its `path`; none is published",
        ),
        (
            json!({ "methods": ["get"], "path": "/x", "parameters": [
                { "name": "h", "in": "host", "schema": { "type": "string" } } ] }),
            "/apis/Op/parameters/0/in",
            "a parameter `in: host` cannot be sent (supported: path, query, header, body, formData)",
        ),
        (
            json!({ "methods": ["post"], "path": "/x/{id}", "parameters": [
                { "name": "id", "in": "path", "schema": { "type": "array", "items": { "type": "string" }, "required": true } } ] }),
            "/apis/Op/parameters/0",
            "a path parameter must be a scalar, this one is array",
        ),
        (
            json!({ "methods": ["post"], "path": "/x", "consumes": ["multipart/form-data"] }),
            "/apis/Op/consumes/0",
            "media type `multipart/form-data` cannot be sent or read (supported: application/json, application/x-www-form-urlencoded, application/octet-stream)",
        ),
        (
            json!({ "methods": ["get"], "path": "/x", "responses": { "200": { "schema": { "type": "integer" } } } }),
            "/apis/Op/responses/200/schema",
            "a 2xx body of type integer (format (none)) cannot be represented (expected an object, an array, a string or bytes)",
        ),
    ] {
        let (dir, outcome) = import(&document("ROA", api));
        let errors: Vec<(String, String)> = outcome
            .check_errors
            .iter()
            .map(|e| (e.pointer.clone(), e.message.clone()))
            .collect();
        assert_eq!(errors, [(pointer.to_owned(), message.to_owned())]);
        assert!(!dir.join("specs").exists());
        std::fs::remove_dir_all(dir).unwrap();
    }
}

#[test]
fn check_takes_a_folder_and_reports_every_error_of_every_spec() {
    let (code, stdout, stderr) = cli(&["check", "specs/swas-open-2020-06-01"]);
    assert_eq!(code, 0, "{stderr}");
    let files = std::fs::read_dir(root().join("specs/swas-open-2020-06-01"))
        .unwrap()
        .count();
    assert!(
        stdout.starts_with(&format!(
            "specs/swas-open-2020-06-01: {files} spec(s), {files} ok, 0 with errors ("
        )),
        "{stdout}"
    );

    let dir = tempdir();
    std::fs::copy(
        root().join("specs/curated/CreateInstances.json"),
        dir.join("CreateInstances.json"),
    )
    .unwrap();
    std::fs::copy(
        root().join("tests/ui/bad-specs/several_errors.json"),
        dir.join("several_errors.json"),
    )
    .unwrap();
    std::fs::write(dir.join("broken.json"), "{").unwrap();
    std::fs::write(dir.join("notes.txt"), "not a spec").unwrap();
    let shown = dir.display().to_string();
    let (code, stdout, stderr) = cli(&["check", &shown]);
    assert_eq!(code, 1);
    assert_eq!(
        stdout,
        format!("{shown}: 3 spec(s), 1 ok, 2 with errors (1 operation(s) in the good ones)\n")
    );
    assert_eq!(
        stderr.matches("several_errors.json: 4 error(s)").count(),
        1,
        "{stderr}"
    );
    assert_eq!(
        stderr.matches("broken.json: 1 error(s)").count(),
        1,
        "{stderr}"
    );
    std::fs::remove_dir_all(&dir).unwrap();

    let empty = tempdir();
    let (code, _, stderr) = cli(&["check", empty.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(stderr.contains("no *.json spec in this folder"), "{stderr}");
    std::fs::remove_dir_all(&empty).unwrap();
}

#[test]
fn dotted_request_properties_nest_and_dotted_response_keys_stay_json_keys() {
    let (dir, outcome) = import(&document(
        "RPC",
        json!({ "methods": ["post"], "parameters": [
            { "name": "Rules", "in": "query", "style": "repeatList", "schema": {
                "type": "array", "items": { "type": "object", "properties": {
                    "RuleName": { "type": "string" },
                    "Escalations.Critical.Threshold": { "type": "string" },
                    "Escalations.Critical.Times": { "type": "integer", "format": "int32" },
                    "Escalations.Info.Threshold": { "type": "string" },
                }}}},
        ],
        "responses": { "200": { "schema": { "type": "object", "properties": {
            "RequestId": { "type": "string" },
            "City": { "type": "object", "properties": {
                "Area.en": { "type": "string" },
                "Area.zh_CN": { "type": "string" },
            }},
        }}}}}),
    ));
    assert!(
        outcome.check_errors.is_empty(),
        "{:?}",
        outcome.check_errors
    );
    let (_, spec) = written(&dir);
    let op = &spec.operations[0];
    let acs_codegen::spec::TypeSpec::Array { items, .. } = &op.parameters[0].ty else {
        panic!("an array")
    };
    let acs_codegen::spec::TypeSpec::Object { properties, .. } = items.as_ref() else {
        panic!("of objects")
    };
    let names: Vec<&str> = properties.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["Escalations", "RuleName"]);
    let acs_codegen::spec::TypeSpec::Object {
        properties: levels, ..
    } = &properties[0].ty
    else {
        panic!("nested object")
    };
    let levels: Vec<(&str, usize)> = levels
        .iter()
        .map(|f| match &f.ty {
            acs_codegen::spec::TypeSpec::Object { properties, .. } => {
                (f.name.as_str(), properties.len())
            }
            _ => (f.name.as_str(), 0),
        })
        .collect();
    assert_eq!(levels, [("Critical", 2), ("Info", 1)]);
    // The response keys stay as published; the Rust fields come from their words.
    let city = op.response.iter().find(|f| f.name == "City").unwrap();
    let acs_codegen::spec::TypeSpec::Object {
        properties: city, ..
    } = &city.ty
    else {
        panic!("an object")
    };
    let keys: Vec<&str> = city.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(keys, ["Area.en", "Area.zh_CN"]);
    let code = acs_codegen::pretty(acs_codegen::generate(&spec, &Default::default())).unwrap();
    assert!(code.contains("pub area_en: Option<String>"), "{code}");
    assert!(code.contains("\"Area.en\" =>"), "{code}");
    let mut kinds: Vec<String> = repairs(&spec).into_iter().map(|(k, _)| k).collect();
    kinds.dedup();
    assert_eq!(
        kinds,
        [repair::DOTTED_PROPERTY_GROUPED, repair::NAME_NOT_IDENTIFIER]
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn only_response_fields_may_have_json_keys_that_are_not_identifiers() {
    let spec = |side: &str| {
        json!({ "specVersion": 1, "product": "T", "version": "2020-01-01", "operations": [{
            "name": "Op", "methods": ["POST"],
            side: [{ "name": "Area.en", "type": "string" }, { "name": "x-acs-id", "type": "string" }],
        }]})
        .to_string()
    };
    acs_codegen::parse_spec("response.json", &spec("response")).unwrap();
    let errors = acs_codegen::parse_spec("request.json", &spec("parameters")).unwrap_err();
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(
        errors[0].message.contains("flattened wire name"),
        "{}",
        errors[0]
    );
    assert!(
        errors[1]
            .message
            .contains("must contain only ASCII letters"),
        "{}",
        errors[1]
    );
}

#[test]
fn diff_labels_a_repaired_fact_curated_not_an_api_change() {
    let dir = tempdir();
    let api = |default: &str, max: &str| {
        json!({ "methods": ["post"], "parameters": [
            param("Zone", json!({ "type": "string", "enum": ["east", "west"], "default": default })),
            param("Size", json!({ "type": "integer", "format": "int32", "maximum": max })),
        ]})
    };
    let old = dir.join("2020-01-01.api-docs.json");
    let new = dir.join("2020-02-01.api-docs.json");
    std::fs::write(&old, document("RPC", api("east", "100")).to_string()).unwrap();
    // The newer snapshot's default contradicts its own values; its limit really narrows.
    std::fs::write(&new, document("RPC", api("", "50")).to_string()).unwrap();
    let report = acs_codegen::diff::diff(
        &acs_codegen::diff::load(&old).unwrap(),
        &acs_codegen::diff::load(&new).unwrap(),
    );
    let changes: Vec<(String, bool)> = report.operations[0]
        .changes
        .iter()
        .map(|c| (c.kind.to_owned(), c.curated))
        .collect();
    assert_eq!(
        changes,
        [
            ("defaultRemoved".to_owned(), true),
            ("rangeNarrowed".to_owned(), false)
        ],
        "{}",
        report.to_text()
    );
    std::fs::remove_dir_all(dir).unwrap();
}

/// A shared schema that contains itself cannot be spelled as a spec type: an error at the `$ref`
/// that closes the cycle, nothing written.
#[test]
fn a_recursive_shared_schema_is_an_error_at_its_ref() {
    let mut doc = document(
        "FC",
        json!({ "methods": ["get"], "path": "/nodes", "responses": { "200": { "schema": {
            "$ref": "#/components/schemas/Node" } } } }),
    );
    doc["components"] = json!({ "schemas": { "Node": { "type": "object", "properties": {
        "name": { "type": "string" },
        "child": { "$ref": "#/components/schemas/Node" } } } } });
    let (dir, outcome) = import(&doc);
    let errors: Vec<(String, String)> = outcome
        .check_errors
        .iter()
        .map(|e| (e.pointer.clone(), e.message.clone()))
        .collect();
    assert_eq!(
        errors,
        [(
            "/apis/Op/responses/200/schema/properties/child/$ref".to_owned(),
            "a recursive type (`Node` → `Node`) cannot be written as a spec type".to_owned()
        )]
    );
    assert!(!dir.join("specs").exists());
    std::fs::remove_dir_all(dir).unwrap();
}
