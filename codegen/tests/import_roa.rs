//! ROA/FC/V3 import: every published path, method and parameter location is in what the import
//! writes (counted here independently of the import, from the vendor file and the written JSON),
//! or the import writes nothing and names what it cannot map.
//!
//! The shipped CS and FC metadata is walked by a normal test; Alibaba's whole 2024-06-24
//! catalogue (not in the repository) by an ignored one:
//! `ACS_CATALOGUE=/path/to/catalogue-2024-06-24/data cargo test -p acs-codegen --test import_roa -- --ignored --nocapture`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use acs_codegen::import::write::{run, RunOptions};
use acs_codegen::import::Outcome;
use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn read_json(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Imports `inputs` without writing (`out` only names the files).
fn import_dry(inputs: Vec<PathBuf>, out: &Path) -> Outcome {
    run(&RunOptions {
        inputs,
        out: out.to_path_buf(),
        overlay_dir: None,
        facade: None,
        dry_run: true,
        default_operations: Vec::new(),
        docs: Vec::new(),
    })
    .unwrap()
}

/// What one published operation says about where its request goes.
#[derive(Debug)]
struct Published {
    path: Option<String>,
    methods: Vec<String>,
    /// `(wire name, in)`.
    parameters: Vec<(String, String)>,
}

fn published(api: &Value) -> Published {
    Published {
        path: api["path"].as_str().map(str::to_owned),
        methods: api["methods"]
            .as_array()
            .map(|m| {
                m.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_ascii_uppercase)
                    .collect()
            })
            .unwrap_or_default(),
        parameters: api["parameters"]
            .as_array()
            .map(|ps| {
                ps.iter()
                    .map(|p| {
                        (
                            p["name"].as_str().unwrap_or_default().to_owned(),
                            p["in"].as_str().unwrap_or("query").to_owned(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default(),
    }
}

/// What is missing from the written operation: the path, the method, each parameter at its
/// location (a dotted vendor name `X.N.Y` travels inside the written parameter `X`).
fn lost(p: &Published, op: &Value) -> Vec<String> {
    let mut out = Vec::new();
    if op["path"].as_str() != p.path.as_deref() {
        out.push(format!("path {:?} written as {}", p.path, op["path"]));
    }
    let written: Vec<&str> = op["methods"]
        .as_array()
        .map(|m| m.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    // One method is written; the first published is what Alibaba's SDKs send.
    if written.len() != 1 || p.methods.first().map(String::as_str) != Some(written[0]) {
        out.push(format!("methods {:?} written as {written:?}", p.methods));
    }
    let params = op["parameters"].as_array().cloned().unwrap_or_default();
    for (name, location) in &p.parameters {
        let root = name.split('.').next().unwrap_or(name);
        let kept = params.iter().any(|w| {
            let wire = w["name"].as_str();
            (wire == Some(name) || wire == Some(root))
                && w["in"].as_str().unwrap_or("query") == location
        });
        if !kept {
            out.push(format!("parameter `{name}` (in: {location})"));
        }
    }
    out
}

/// Counts for one product version.
#[derive(Debug, Default)]
struct Row {
    published: usize,
    written: usize,
    lost: Vec<String>,
    /// The import's errors, by message shape (pointer left out), with counts.
    errors: BTreeMap<String, usize>,
    /// Operations named by an error.
    unmapped_operations: usize,
}

/// Checks the outcome of importing `newest` (the newest snapshot) and counts.
fn row(newest: &Value, outcome: &Outcome) -> Row {
    let apis = newest["apis"].as_object().unwrap();
    let mut row = Row {
        published: apis.len(),
        ..Row::default()
    };
    let mut unmapped = std::collections::BTreeSet::new();
    for e in &outcome.check_errors {
        let op = Path::new(&e.file)
            .file_stem()
            .filter(|s| e.file.ends_with(".json") && apis.contains_key(&*s.to_string_lossy()))
            .map(|s| s.to_string_lossy().into_owned())
            .or_else(|| {
                e.pointer
                    .strip_prefix("/apis/")
                    .and_then(|r| r.split('/').next())
                    .map(str::to_owned)
            });
        if let Some(op) = op {
            unmapped.insert(op);
        }
        // The message without its subject's name: `a path parameter must be a scalar …`.
        let shape: String = e.message.chars().take(90).collect();
        *row.errors.entry(shape).or_default() += 1;
    }
    row.unmapped_operations = unmapped.len();
    if !outcome.check_errors.is_empty() {
        return row;
    }
    for (path, text) in &outcome.files {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let Some(api) = apis.get(&name) else { continue };
        let doc: Value = serde_json::from_str(text).unwrap();
        let op = &doc["operations"][0];
        row.written += 1;
        assert_eq!(op["style"], "ROA", "{name}");
        for what in lost(&published(api), op) {
            row.lost.push(format!("{name}: {what}"));
        }
        // The format's own rules hold for what is written.
        assert_eq!(
            acs_codegen::import::roa_rules::check_document(&doc),
            Vec::<(String, String)>::new(),
            "{name}"
        );
    }
    row
}

#[test]
fn cs_and_fc_keep_every_path_method_and_parameter_location() {
    for product in ["cs-2015-12-15", "fc-2023-03-30"] {
        let dir = root().join("specs/vendor-metadata").join(product);
        let newest = read_json(&dir.join("2025-12-03.api-docs.json"));
        let outcome = import_dry(vec![dir.clone()], &root().join("specs").join(product));
        assert_eq!(outcome.check_errors, Vec::new(), "{product}");
        let r = row(&newest, &outcome);
        assert_eq!(r.written, r.published, "{product}: one spec per operation");
        assert_eq!(r.lost, Vec::<String>::new(), "{product}: 0 lost");
        // Bodies, and bytes bodies, counted in the vendor file and in what is written.
        let vendor_params: Vec<&Value> = newest["apis"]
            .as_object()
            .unwrap()
            .values()
            .flat_map(|a| a["parameters"].as_array().into_iter().flatten())
            .collect();
        let written: Vec<Value> = outcome
            .files
            .iter()
            .filter(|(p, _)| !p.file_name().unwrap().to_string_lossy().starts_with('_'))
            .filter_map(|(_, t)| {
                let doc: Value = serde_json::from_str(t).ok()?;
                doc["operations"][0]["parameters"].as_array().cloned()
            })
            .flatten()
            .collect();
        let bodies = |binary: bool| {
            let vendor = vendor_params
                .iter()
                .filter(|p| p["in"] == "body" && (!binary || p["schema"]["format"] == "binary"))
                .count();
            let out = written
                .iter()
                .filter(|p| p["in"] == "body" && (!binary || p["format"] == "binary"))
                .count();
            (vendor, out)
        };
        let (vendor, out) = bodies(false);
        assert!(vendor > 0, "{product} publishes request bodies");
        assert_eq!(out, vendor, "{product}: body parameters");
        let (vendor, out) = bodies(true);
        assert_eq!(out, vendor, "{product}: bytes bodies");
    }
}

fn written_op(outcome: &Outcome, name: &str) -> Value {
    let (_, text) = outcome
        .files
        .iter()
        .find(|(p, _)| p.file_name().unwrap() == format!("{name}.json").as_str())
        .unwrap();
    let doc: Value = serde_json::from_str(text).unwrap();
    doc["operations"][0].clone()
}

#[test]
fn cs_and_fc_known_operations_come_out_as_the_api_defines_them() {
    let cs = root().join("specs/vendor-metadata/cs-2015-12-15");
    let outcome = import_dry(vec![cs], &root().join("specs/cs-2015-12-15"));
    let delete = written_op(&outcome, "DeleteCluster");
    assert_eq!(delete["methods"], serde_json::json!(["DELETE"]));
    assert_eq!(delete["path"], "/clusters/{ClusterId}");
    let params = delete["parameters"].as_array().unwrap();
    assert_eq!(params[0]["name"], "ClusterId");
    assert_eq!(params[0]["in"], "path");
    assert_eq!(params[0]["required"], true);
    let retain = params
        .iter()
        .find(|p| p["name"] == "retain_resources")
        .unwrap();
    assert_eq!(retain["style"], "json");
    assert!(retain.get("in").is_none(), "query is the default");
    // A plain string body (the node attach script), a JSON array body, and a body parameter.
    let scripts = written_op(&outcome, "DescribeClusterAttachScripts");
    assert_eq!(scripts["responseBody"], "text");
    assert!(scripts.get("response").is_none());
    let body = scripts["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["in"] == "body")
        .unwrap();
    assert_eq!(body["type"], "object");
    let clusters = written_op(&outcome, "DescribeClusters");
    assert_eq!(clusters["responseBody"], "jsonArray");
    assert_eq!(clusters["response"][0]["name"], "items");
    assert_eq!(clusters["response"][0]["type"], "array");
    // Two published methods: the first, as the official SDK sends it.
    assert_eq!(
        written_op(&outcome, "CreateTemplate")["methods"],
        serde_json::json!(["POST"])
    );

    let fc = root().join("specs/vendor-metadata/fc-2023-03-30");
    let outcome = import_dry(vec![fc], &root().join("specs/fc-2023-03-30"));
    let invoke = written_op(&outcome, "InvokeFunction");
    assert_eq!(
        invoke["path"],
        "/2023-03-30/functions/{functionName}/invocations"
    );
    assert_eq!(invoke["responseBody"], "binary");
    let params = invoke["parameters"].as_array().unwrap();
    let by_name = |n: &str| params.iter().find(|p| p["name"] == n).unwrap().clone();
    assert_eq!(by_name("body")["in"], "body");
    assert_eq!(by_name("body")["format"], "binary");
    assert_eq!(by_name("x-fc-invocation-type")["in"], "header");
    assert!(by_name("qualifier").get("in").is_none());
    // Shared schemas (`$ref`) are written out where used: GetFunction's response has fields.
    let get = written_op(&outcome, "GetFunction");
    assert!(
        get["response"].as_array().is_some_and(|r| r.len() > 10),
        "{get}"
    );
}

/// Alibaba's catalogue: `<product>/<version>/api-docs.json`.
fn catalogue() -> Option<PathBuf> {
    std::env::var_os("ACS_CATALOGUE").map(PathBuf::from)
}

#[test]
#[ignore = "needs Alibaba's 2024-06-24 catalogue on disk: set ACS_CATALOGUE"]
fn every_roa_fc_v3_product_of_the_catalogue_is_kept_whole_or_refused() {
    let dir = catalogue().expect("set ACS_CATALOGUE to the catalogue's data folder");
    let mut docs: Vec<PathBuf> = Vec::new();
    for product in std::fs::read_dir(&dir).unwrap() {
        let product = product.unwrap().path();
        for version in std::fs::read_dir(&product).into_iter().flatten() {
            let file = version.unwrap().path().join("api-docs.json");
            if file.is_file() {
                docs.push(file);
            }
        }
    }
    docs.sort();
    assert!(!docs.is_empty(), "no api-docs.json under {}", dir.display());
    let scratch = std::env::temp_dir().join(format!("acs-roa-walk-{}", std::process::id()));
    let (mut imported, mut refused, mut total_lost, mut ops) = (0, 0, 0, 0);
    println!("| product version | style | operations | imported | unmapped operations | reasons |");
    println!("|---|---|---|---|---|---|");
    for doc in &docs {
        let version = doc.parent().unwrap();
        let id = format!(
            "{}-{}",
            version
                .parent()
                .unwrap()
                .file_name()
                .unwrap()
                .to_string_lossy(),
            version.file_name().unwrap().to_string_lossy()
        );
        let value = read_json(doc);
        let style = value["info"]["style"].as_str().unwrap_or("RPC").to_owned();
        if style == "RPC" {
            continue;
        }
        // The file name carries the snapshot date, as the import expects.
        let input = scratch.join(&id).join("2024-06-24.api-docs.json");
        std::fs::create_dir_all(input.parent().unwrap()).unwrap();
        std::fs::copy(doc, &input).unwrap();
        let outcome = import_dry(vec![input], &scratch.join(&id).join("specs"));
        let r = row(&value, &outcome);
        let reasons: Vec<String> = r.errors.iter().map(|(m, n)| format!("{n}× {m}")).collect();
        if outcome.check_errors.is_empty() {
            imported += 1;
            ops += r.written;
            assert_eq!(r.written, r.published, "{id}");
        } else {
            refused += 1;
            if matches!(style.as_str(), "OSS" | "SLS" | "AliGenie") {
                assert_eq!(outcome.check_errors.len(), 1, "{id}: one sentence");
                assert!(
                    outcome.check_errors[0]
                        .message
                        .starts_with(&format!("this API is {style}-style")),
                    "{id}: {}",
                    outcome.check_errors[0].message
                );
            }
            assert!(
                outcome.changed.iter().all(|p| !p.exists()),
                "{id}: nothing written"
            );
        }
        total_lost += r.lost.len();
        assert_eq!(
            r.lost,
            Vec::<String>::new(),
            "{id}: written specs lost these"
        );
        println!(
            "| {id} | {style} | {} | {} | {} | {} |",
            r.published,
            r.written,
            r.unmapped_operations,
            reasons.join("; ").replace('|', "\\|")
        );
    }
    let _ = std::fs::remove_dir_all(&scratch);
    println!(
        "\n{imported} product versions imported whole ({ops} operations, {total_lost} lost); {refused} refused, naming what they cannot map"
    );
    assert_eq!(total_lost, 0);
}
