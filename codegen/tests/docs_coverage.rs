//! English coverage of every shipped product's specs (issue 18): per product, the share of
//! operations, request parameters (nested ones included) and response fields that carry English
//! text. Each must be at least 95 %, or what lacks English must be exactly the list recorded in
//! `specs/docs-en-gaps.json` (what the pinned SDK packages do not document). The figures are
//! printed (`cargo test -p acs-codegen --test docs_coverage -- --nocapture`).
//!
//! `DOCS_GAPS_UPDATE=1` rewrites the gaps file from the specs (then review its diff).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use acs_codegen::spec::{Field, OperationSpec, TypeSpec};
use serde_json::{json, Value};

const THRESHOLD: f64 = 95.0;
const GAPS_FILE: &str = "specs/docs-en-gaps.json";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// What lacks English in one product, per kind.
#[derive(Default)]
struct Coverage {
    totals: BTreeMap<&'static str, usize>,
    missing: BTreeMap<&'static str, Vec<String>>,
}

impl Coverage {
    fn count(&mut self, kind: &'static str, has_english: bool, what: impl FnOnce() -> String) {
        *self.totals.entry(kind).or_default() += 1;
        let missing = self.missing.entry(kind).or_default();
        if !has_english {
            missing.push(what());
        }
    }

    fn percent(&self, kind: &str) -> f64 {
        let total = self.totals.get(kind).copied().unwrap_or(0);
        if total == 0 {
            return 100.0;
        }
        let missing = self.missing.get(kind).map_or(0, Vec::len);
        100.0 * (total - missing) as f64 / total as f64
    }
}

const KINDS: [&str; 3] = ["operations", "parameters", "responseFields"];

fn fields(c: &mut Coverage, kind: &'static str, op: &str, path: &str, list: &[Field]) {
    for f in list {
        let at = if path.is_empty() {
            f.name.clone()
        } else {
            format!("{path}.{}", f.name)
        };
        c.count(kind, f.description.en.is_some(), || format!("{op} {at}"));
        match &f.ty {
            TypeSpec::Object { properties, .. } => fields(c, kind, op, &at, properties),
            TypeSpec::Array { items, .. } => {
                if let TypeSpec::Object { properties, .. } = items.as_ref() {
                    fields(c, kind, op, &format!("{at}[]"), properties);
                }
            }
            TypeSpec::Scalar(_) => {}
        }
    }
}

fn operation(c: &mut Coverage, op: &OperationSpec) {
    let has = op.summary.en.is_some() || op.description.en.is_some();
    c.count("operations", has, || op.name.clone());
    fields(c, "parameters", &op.name, "", &op.parameters);
    // `RequestId` stand-ins of raw responses are the import's, not the vendor's.
    if !op.raw_response {
        fields(c, "responseFields", &op.name, "", &op.response);
    }
}

/// Every spec folder of a shipped product (`specs/<product>-<version>/` with `_service.json`).
fn products() -> Vec<(String, PathBuf)> {
    let mut out: Vec<(String, PathBuf)> = std::fs::read_dir(root().join("specs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("_service.json").is_file())
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), p))
        .collect();
    out.sort();
    out
}

fn coverage_of(dir: &Path) -> Coverage {
    let mut c = Coverage::default();
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.extension().is_some_and(|x| x == "json")
                && !p.file_name().unwrap().to_string_lossy().starts_with('_')
        })
        .collect();
    files.sort();
    for file in files {
        let shown = file.display().to_string();
        let spec = acs_codegen::load_spec(&file, &shown).unwrap_or_else(|e| panic!("{e:?}"));
        for op in &spec.operations {
            operation(&mut c, op);
        }
    }
    c
}

#[test]
fn every_shipped_product_has_english_for_95_percent_or_a_recorded_gap() {
    let products = products();
    assert!(
        products.len() >= 4,
        "SWAS, ECS, VPC and STS at least: {products:?}"
    );
    let gaps_path = root().join(GAPS_FILE);
    let recorded: Value = std::fs::read_to_string(&gaps_path)
        .map(|t| serde_json::from_str(&t).unwrap())
        .unwrap_or_else(|_| json!({}));
    let mut table = vec![format!(
        "{:<28} {:>18} {:>18} {:>18}",
        "product", "operations", "parameters", "response fields"
    )];
    let mut new_gaps = serde_json::Map::new();
    let mut failures = Vec::new();
    for (product, dir) in &products {
        let c = coverage_of(dir);
        let cell = |kind: &str| {
            let total = c.totals.get(kind).copied().unwrap_or(0);
            let with = total - c.missing.get(kind).map_or(0, Vec::len);
            format!("{with}/{total} {:5.1} %", c.percent(kind))
        };
        table.push(format!(
            "{:<28} {:>18} {:>18} {:>18}",
            product,
            cell("operations"),
            cell("parameters"),
            cell("responseFields")
        ));
        let mut gaps = serde_json::Map::new();
        for kind in KINDS {
            let missing = c.missing.get(kind).cloned().unwrap_or_default();
            let below = c.percent(kind) < THRESHOLD;
            let listed = recorded.pointer(&format!("/{product}/{kind}"));
            if below || listed.is_some() {
                gaps.insert(kind.to_owned(), json!(missing));
            }
            match listed {
                Some(list) if *list != json!(missing) => failures.push(format!(
                    "{product} {kind}: what lacks English ({} item(s)) differs from {GAPS_FILE} ({} item(s))",
                    missing.len(),
                    list.as_array().map_or(0, Vec::len)
                )),
                None if below => failures.push(format!(
                    "{product} {kind}: {:.1} % English, below {THRESHOLD} %, and the {} item(s) lacking it are not recorded in {GAPS_FILE}",
                    c.percent(kind),
                    missing.len()
                )),
                _ => {}
            }
        }
        if !gaps.is_empty() {
            new_gaps.insert(product.clone(), Value::Object(gaps));
        }
    }
    println!(
        "English coverage (items with English / all):\n{}",
        table.join("\n")
    );
    if std::env::var_os("DOCS_GAPS_UPDATE").is_some() {
        let mut text = serde_json::to_string_pretty(&Value::Object(new_gaps)).unwrap();
        text.push('\n');
        std::fs::write(&gaps_path, text).unwrap();
        return;
    }
    assert!(
        failures.is_empty(),
        "{}\nre-import with the pinned packages (scripts/import-docs.sh), or record what the packages lack: DOCS_GAPS_UPDATE=1 cargo test -p acs-codegen --test docs_coverage",
        failures.join("\n")
    );
}
