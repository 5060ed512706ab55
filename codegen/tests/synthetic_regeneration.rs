//! Regeneration from a newer snapshot, in a temporary copy of the SWAS specs and facade: a
//! synthetic snapshot dated after the shipped ones adds an operation and a parameter, removes an
//! operation and narrows a limit. The import must rewrite exactly the specs those changes touch
//! (an operation the new snapshot only repeats keeps its file byte for byte, date lines included),
//! the facade must list the new operation, and `diff` of the spec folders must report exactly the
//! four changes. Fast: SWAS only, no cargo build.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use acs_codegen::import::write::{run, RunOptions};
use serde_json::{json, Value};

const PRODUCT: &str = "swas-open-2020-06-01";
const ADDED: &str = "DescribeSyntheticQuota";
const ADDED_PARAMETER: &str = "SyntheticFilter";
const NARROWED: (&str, &str) = ("ListInstances", "PageSize");

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

fn tempdir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "acs-synthetic-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn a_newer_snapshot_rewrites_only_what_changed_and_diff_reports_each_change() {
    let dir = tempdir();
    let (vendor, specs, facade) = (dir.join("vendor"), dir.join("specs"), dir.join("swas"));
    copy_dir(&root().join("specs/vendor-metadata").join(PRODUCT), &vendor);
    copy_dir(&root().join("specs").join(PRODUCT), &specs);
    for file in ["Cargo.toml", "facade.json"] {
        std::fs::create_dir_all(&facade).unwrap();
        std::fs::copy(root().join("swas").join(file), facade.join(file)).unwrap();
    }
    copy_dir(&root().join("swas/src"), &facade.join("src"));
    copy_dir(&root().join("swas/groups"), &facade.join("groups"));
    let mut names: Vec<String> = std::fs::read_dir(&vendor)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let newest = names.last().unwrap().clone();
    let mut snapshot: Value =
        serde_json::from_str(&std::fs::read_to_string(vendor.join(&newest)).unwrap()).unwrap();

    // The synthetic changes.
    let overlays: BTreeSet<String> = std::fs::read_dir(root().join("specs/overlays"))
        .unwrap()
        .map(|e| {
            e.unwrap()
                .path()
                .file_stem()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    let apis = snapshot["apis"].as_object_mut().unwrap();
    let removed = apis
        .keys()
        .rev()
        .find(|n| !overlays.contains(*n) && n.as_str() != NARROWED.0)
        .unwrap()
        .clone();
    apis.remove(&removed);
    let mut added = apis["ListRegions"].clone();
    added["summary"] = json!("synthetic operation");
    apis.insert(ADDED.to_owned(), added);
    let list = apis[NARROWED.0]["parameters"].as_array_mut().unwrap();
    list.push(json!({ "name": ADDED_PARAMETER, "in": "query", "schema": { "type": "string", "required": false } }));
    let page_size = list.iter_mut().find(|p| p["name"] == NARROWED.1).unwrap();
    let old_max: i64 = page_size["schema"]["maximum"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    page_size["schema"]["maximum"] = json!((old_max / 2).to_string());
    // A name dated after every shipped snapshot.
    std::fs::write(
        vendor.join("2999-01-01.api-docs.json"),
        serde_json::to_string_pretty(&snapshot).unwrap(),
    )
    .unwrap();

    let outcome = run(&RunOptions {
        inputs: vec![vendor.clone()],
        out: specs.clone(),
        overlay_dir: Some(root().join("specs/overlays")),
        facade: Some(facade.clone()),
        dry_run: false,
        default_operations: Vec::new(),
        docs: Vec::new(),
    })
    .unwrap();
    assert!(
        outcome.check_errors.is_empty(),
        "{:#?}",
        outcome.check_errors
    );

    // Only the touched specs are rewritten; the removed operation's file is left, named stale.
    let changed: BTreeSet<String> = outcome
        .changed
        .iter()
        .filter(|p| p.starts_with(&specs))
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    let expected: BTreeSet<String> = [format!("{ADDED}.json"), format!("{}.json", NARROWED.0)]
        .into_iter()
        .collect();
    assert_eq!(changed, expected);
    let stale = specs.join(format!("{removed}.json"));
    // Its copy in the group crate that expanded it is named too.
    let copies: Vec<PathBuf> = std::fs::read_dir(facade.join("groups"))
        .unwrap()
        .map(|g| {
            g.unwrap()
                .path()
                .join("specs")
                .join(format!("{removed}.json"))
        })
        .filter(|p| p.exists())
        .collect();
    assert_eq!(copies.len(), 1, "one group crate held {removed}");
    let mut want_stale = vec![stale.display().to_string(), copies[0].display().to_string()];
    want_stale.sort();
    assert_eq!(outcome.stale, want_stale);
    // The new operation is expanded by its group crate and re-exported by name by the facade.
    let expanded = std::fs::read_dir(facade.join("groups"))
        .unwrap()
        .filter_map(|g| std::fs::read_to_string(g.unwrap().path().join("src/lib.rs")).ok())
        .filter(|lib| lib.contains(&format!("/{ADDED}.json\"")))
        .count();
    assert_eq!(expanded, 1, "one group crate expands the new operation");
    let operations_rs = std::fs::read_to_string(facade.join("src/operations.rs")).unwrap();
    assert!(operations_rs.contains(&format!(" {ADDED}, {ADDED}Builder,")));
    // The maintainer deletes the stale file, as the import says.
    std::fs::remove_file(&stale).unwrap();
    std::fs::remove_file(&copies[0]).unwrap();
    for path in &outcome.changed {
        if path.starts_with(&specs) {
            let text = std::fs::read_to_string(path).unwrap();
            acs_codegen::parse_spec(&path.display().to_string(), &text).unwrap();
        }
    }

    // The change report of the shipped specs against the regenerated ones.
    let old = acs_codegen::diff::load(&root().join("specs").join(PRODUCT)).unwrap();
    let new = acs_codegen::diff::load(&specs).unwrap();
    let report = acs_codegen::diff::diff(&old, &new);
    assert!(report.is_breaking(), "a removal and a narrowed limit break");
    let v = report.to_json();
    let mut found: Vec<(String, String, String)> = Vec::new();
    for op in v["operations"].as_array().unwrap() {
        let name = op["operation"].as_str().unwrap().to_owned();
        for c in op["changes"].as_array().unwrap() {
            let path = match c["kind"].as_str().unwrap() {
                "operationAdded" | "operationRemoved" => String::new(),
                _ => c["path"].as_str().unwrap().to_owned(),
            };
            found.push((name.clone(), c["kind"].as_str().unwrap().to_owned(), path));
        }
    }
    found.sort();
    let mut want = vec![
        (ADDED.to_owned(), "operationAdded".to_owned(), String::new()),
        (
            NARROWED.0.to_owned(),
            "parameterAdded".to_owned(),
            ADDED_PARAMETER.to_owned(),
        ),
        (
            NARROWED.0.to_owned(),
            "rangeNarrowed".to_owned(),
            NARROWED.1.to_owned(),
        ),
        (
            removed.clone(),
            "operationRemoved".to_owned(),
            String::new(),
        ),
    ];
    want.sort();
    assert_eq!(found, want, "{}", report.to_text());
    std::fs::remove_dir_all(&dir).unwrap();
}
