//! The maintainer workflow reproduces what is checked in: the layered import of every shipped
//! SWAS snapshot, with the overlays, writes exactly the shipped specs and the `swas` facade
//! (operation list and Cargo features). When this fails, the message names the command to run.

use std::path::{Path, PathBuf};

use acs_codegen::import::write::{run, RunOptions};
use acs_codegen::import::Outcome;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The snapshots of a product folder, oldest first (names start with their date), parsed.
fn snapshots(product: &str) -> Vec<(String, serde_json::Value)> {
    let dir = root().join("specs/vendor-metadata").join(product);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|f| {
            let name = f.file_name().unwrap().to_string_lossy().into_owned();
            (
                name,
                serde_json::from_str(&std::fs::read_to_string(&f).unwrap()).unwrap(),
            )
        })
        .collect()
}

/// How many operations a snapshot publishes (what the import must write, one spec each).
fn operation_count(snapshot: &serde_json::Value) -> usize {
    snapshot["apis"].as_object().unwrap().len()
}

const COMMAND: &str = "cargo run -p acs-codegen -- import specs/vendor-metadata/swas-open-2020-06-01 --out specs/swas-open-2020-06-01 --overlay-dir specs/overlays --facade swas";

/// Runs the import dry and asserts it would change nothing: no check error, no file that differs
/// from what it writes, none it does not produce. Failures name `command`, the fix.
fn reproduces(options: &RunOptions, command: &str) -> Outcome {
    let outcome = run(options).unwrap();
    assert!(
        outcome.check_errors.is_empty(),
        "{:#?}",
        outcome.check_errors
    );
    let changed: Vec<String> = outcome
        .changed
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    assert!(
        changed.is_empty(),
        "stale (differs from what the import writes): {changed:#?}\nrun from the repository root: {command}"
    );
    assert!(
        outcome.stale.is_empty(),
        "files no snapshot produces: {:?}\ndelete them, then run {command}",
        outcome.stale
    );
    outcome
}

/// `pub fn`s of the product client that are not operations: `builder`, `runtime_client`,
/// `endpoint`, `region`, `prepare`, `pages`, `items`.
const CLIENT_OWN_FNS: usize = 7;

#[test]
fn shipped_specs_and_facade_are_what_the_layered_import_writes() {
    let outcome = reproduces(
        &RunOptions {
            inputs: vec![root().join("specs/vendor-metadata/swas-open-2020-06-01")],
            out: root().join("specs/swas-open-2020-06-01"),
            overlay_dir: Some(root().join("specs/overlays")),
            facade: Some(root().join("swas")),
            dry_run: true,
            default_operations: Vec::new(),
            docs: Vec::new(),
        },
        COMMAND,
    );
    // Every operation of the newest snapshot + _service.json + _shapes.json (the shared Tag,
    // …); the facade's three files.
    let shipped = snapshots("swas-open-2020-06-01");
    let operations = operation_count(&shipped.last().unwrap().1);
    assert_eq!(
        outcome.imported.files.len(),
        operations + 1,
        "the operations and _service.json"
    );
    // + _shapes.json, the facade's lib.rs, operations.rs, features.md, endpoints.rs,
    // product_client.rs and Cargo.toml, two files (Cargo.toml, src/lib.rs) per group crate and the shapes crate, and
    // the copies of the specs they expand (every operation's and _shapes.json).
    let groups = std::fs::read_dir(root().join("swas/groups"))
        .unwrap()
        .count();
    assert_eq!(
        outcome.files.len(),
        operations + 8 + 2 * groups + operations + 1
    );
    assert_eq!(outcome.snapshots.len(), shipped.len());
    let mut generated = 0;
    for group in std::fs::read_dir(root().join("swas/groups")).unwrap() {
        let lib = std::fs::read_to_string(group.unwrap().path().join("src/lib.rs")).unwrap();
        generated += lib.matches("acs_macros::generate!(").count();
    }
    assert_eq!(generated, operations + 1, "the operations and the shapes");
    // The product's client: a method per operation, behind the features of its re-export.
    let client = std::fs::read_to_string(root().join("swas/src/product_client.rs")).unwrap();
    assert_eq!(
        client.matches("\n    pub fn ").count() - CLIENT_OWN_FNS,
        operations,
        "one method per operation"
    );
    assert!(client.contains(
        "    #[cfg(any(feature = \"regions\", feature = \"workflow\"))]\n    pub fn list_plans(&self) -> crate::ListPlansBuilder<&rt::Client> {"
    ));
    let operations_rs = std::fs::read_to_string(root().join("swas/src/operations.rs")).unwrap();
    // A default operation is there with its group's feature or the default one.
    assert!(operations_rs.contains(
        "#[cfg(any(feature = \"regions\", feature = \"workflow\"))]\n#[cfg_attr(docsrs, doc(cfg(any(feature = \"regions\", feature = \"workflow\"))))]\n#[doc(no_inline)]\npub use swas_regions::{\n    list_plans, ListPlans, ListPlansBuilder, ListPlansResponse, ListPlansError,\n};"
    ));
    let lib = std::fs::read_to_string(root().join("swas/src/lib.rs")).unwrap();
    assert!(lib.contains("include!(\"operations.rs\");"));
}

/// ECS, VPC and STS: specs and facade crates are what the documented commands write.
#[test]
fn shipped_ecs_vpc_and_sts_are_what_the_layered_import_writes() {
    // STS has no facade: the runtime expands it for the credential chain. ECS and VPC have
    // overlays (`specs/overlays/<product>`, as `scripts/regenerate.sh` passes them).
    for (product, krate, overlays) in [
        (
            "ecs-2014-05-26",
            Some("ecs"),
            Some("specs/overlays/ecs-2014-05-26"),
        ),
        (
            "vpc-2016-04-28",
            Some("vpc"),
            Some("specs/overlays/vpc-2016-04-28"),
        ),
        ("sts-2015-04-01", None, None),
    ] {
        let operations = operation_count(&snapshots(product).last().unwrap().1);
        let command = format!(
            "cargo run -p acs-codegen -- import specs/vendor-metadata/{product} --out specs/{product}{}{}",
            krate.map(|k| format!(" --facade {k}")).unwrap_or_default(),
            overlays.map(|o| format!(" --overlay-dir {o}")).unwrap_or_default()
        );
        let outcome = reproduces(
            &RunOptions {
                inputs: vec![root().join("specs/vendor-metadata").join(product)],
                out: root().join("specs").join(product),
                overlay_dir: overlays.map(|o| root().join(o)),
                facade: krate.map(|k| root().join(k)),
                dry_run: true,
                default_operations: Vec::new(),
                docs: Vec::new(),
            },
            &command,
        );
        assert_eq!(outcome.imported.files.len(), operations + 1, "{product}");
    }
}

/// Every snapshot of every product imports alone too, and every operation passes the check.
#[test]
fn every_snapshot_of_every_product_passes_the_check() {
    let mut counts = 0;
    for product in [
        "swas-open-2020-06-01",
        "ecs-2014-05-26",
        "vpc-2016-04-28",
        "sts-2015-04-01",
    ] {
        let dir = root().join("specs/vendor-metadata").join(product);
        for (file, snapshot) in snapshots(product) {
            let outcome = run(&RunOptions {
                inputs: vec![dir.join(&file)],
                out: std::env::temp_dir().join("acs-never-written"),
                overlay_dir: None,
                facade: None,
                dry_run: true,
                default_operations: Vec::new(),
                docs: Vec::new(),
            })
            .unwrap();
            assert!(
                outcome.check_errors.is_empty(),
                "{file}: {:#?}",
                outcome.check_errors
            );
            // One spec per published operation: none lost to a vendor slip.
            assert_eq!(
                outcome.imported.files.len() - 1,
                operation_count(&snapshot),
                "{product} {file}"
            );
            counts += 1;
        }
    }
    assert!(counts >= 4, "at least one snapshot per product");
}

#[test]
fn layered_import_carries_older_sections_and_says_where_from() {
    let outcome = run(&RunOptions {
        inputs: vec![root().join("specs/vendor-metadata/swas-open-2020-06-01")],
        out: root().join("specs/swas-open-2020-06-01"),
        overlay_dir: Some(root().join("specs/overlays")),
        facade: None,
        dry_run: true,
        default_operations: Vec::new(),
        docs: Vec::new(),
    })
    .unwrap();
    let counts = outcome.carried_counts();
    // Responses and error tables come from older snapshots for every operation of the newest
    // that lacks them there and has them in an older one.
    let shipped = snapshots("swas-open-2020-06-01");
    let (newest, older) = shipped.split_last().unwrap();
    let carried = |key: &str| {
        newest.1["apis"]
            .as_object()
            .unwrap()
            .iter()
            .filter(|(name, api)| {
                api.get(key).is_none()
                    && older.iter().any(|(_, o)| {
                        o["apis"]
                            .get(name.as_str())
                            .and_then(|a| a.get(key))
                            .is_some()
                    })
            })
            .count()
    };
    assert!(
        carried("responses") > 0,
        "the newest snapshot is request-side only"
    );
    assert_eq!(counts.get("response"), Some(&carried("responses")));
    assert_eq!(counts.get("errors"), Some(&carried("errorCodes")));
    assert_eq!(counts.get("group"), counts.get("response"));
    assert!(
        !outcome.imported.inferences.is_empty(),
        "JSON-string arrays"
    );
    let spec = |name: &str| {
        let (_, text) = outcome
            .files
            .iter()
            .find(|(p, _)| p.ends_with(format!("{name}.json")))
            .unwrap();
        acs_codegen::parse_spec(name, text).unwrap()
    };
    let list = spec("ListInstances");
    let sources: Vec<(Option<&str>, Vec<&str>)> = list
        .sources
        .iter()
        .map(|s| {
            (
                s.date.as_deref(),
                s.sections.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    // The request side is credited to the oldest snapshot of the newest run that publishes it
    // as it is (what keeps specs unchanged when a snapshot only repeats it); the rest to the full
    // snapshot that has the response.
    let request_date = sources[0].0.unwrap();
    let index = shipped
        .iter()
        .position(|(f, _)| f.starts_with(request_date))
        .unwrap();
    let request = |i: usize| request_side(&shipped[i].1["apis"]["ListInstances"]);
    for i in index..shipped.len() {
        assert_eq!(request(i), request(shipped.len() - 1), "{}", shipped[i].0);
    }
    if index > 0 {
        assert_ne!(
            request(index - 1),
            request(index),
            "the run starts at {request_date}"
        );
    }
    let full = shipped
        .iter()
        .rev()
        .find(|(_, s)| s["apis"]["ListInstances"].get("responses").is_some())
        .unwrap();
    let response_from = list
        .sources
        .iter()
        .find(|s| s.sections.iter().any(|x| x == "response") || s.sections.is_empty())
        .unwrap();
    assert_eq!(response_from.file.as_deref(), Some(full.0.as_str()));
    // The English texts, carried from the specs (imported from the pinned SDK package).
    assert!(
        list.sources.iter().any(
            |s| s.file.as_deref() == Some("@alicloud/swas-open20200601@4.0.0")
                && s.sections.iter().any(|x| x == "docs (en)")
        ),
        "{:?}",
        list.sources
    );
    let op = &list.operations[0];
    assert!(op.parameters.iter().any(|p| p.name == "PlanType"));
    assert!(op.response.iter().any(|f| f.name == "TotalCount"));
    assert_eq!(op.group.as_deref(), Some("Instances"));
    // Request-only operations get a usable response and a report line naming them.
    let share = spec("ListCustomImageShareAccounts");
    assert!(share.operations[0].raw_response);
    assert_eq!(share.operations[0].response[0].name, "RequestId");
    assert_eq!(share.operations[0].group.as_deref(), Some("Images"));
    assert!(outcome
        .imported
        .reports
        .iter()
        .any(|r| r.name == "ListCustomImageShareAccounts"
            && r.message
                .contains("no snapshot publishes this operation's response schema")));
    // Every change the vendor README lists is in the specs.
    let create_image = spec("CreateCustomImage");
    let names: Vec<&str> = create_image.operations[0]
        .parameters
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert!(names.contains(&"ResourceGroupId") && !names.contains(&"ResoureGroupId"));
    for op in [
        "ApplyFirewallTemplate",
        "DeleteFirewallTemplateRules",
        "DeleteFirewallTemplates",
        "DescribeFirewallTemplateApplyResults",
        "ModifyFirewallTemplate",
    ] {
        assert!(
            !spec(op).operations[0]
                .parameters
                .iter()
                .any(|p| p.name == "InstanceId"),
            "{op}"
        );
    }
    let has = |op: &str, p: &str| {
        spec(op).operations[0]
            .parameters
            .iter()
            .any(|x| x.name == p)
    };
    assert!(has("ListCustomImages", "Share") && has("ListCustomImages", "InstanceId"));
    assert!(has("ResetSystem", "LoginCredentials"));
    assert!(has("StartTerminalSession", "CommandLine"));
    let service = spec("_service");
    let regions: Vec<&str> = service
        .endpoints
        .iter()
        .map(|e| e.region_id.as_str())
        .collect();
    assert!(regions.contains(&"me-central-1"));
    assert!(!regions.contains(&"ap-south-1") && !regions.contains(&"ap-southeast-2"));
}

#[test]
fn an_overlay_refining_what_the_base_lacks_is_an_error_and_nothing_is_written() {
    let dir = tempdir();
    let overlays = dir.join("overlays");
    std::fs::create_dir_all(&overlays).unwrap();
    std::fs::write(
        overlays.join("ListCustomImageShareAccounts.json"),
        r#"{"operation": "ListCustomImageShareAccounts",
            "response": [{"name": "Accounts", "description": {"en": "Accounts it is shared with."}}]}"#,
    )
    .unwrap();
    let out = dir.join("out");
    let e = run(&RunOptions {
        inputs: vec![
            root().join("specs/vendor-metadata/swas-open-2020-06-01/2025-05-17.api-docs.json")
        ],
        out: out.clone(),
        overlay_dir: Some(overlays.clone()),
        facade: None,
        dry_run: false,
        default_operations: Vec::new(),
        docs: Vec::new(),
    })
    .unwrap_err();
    assert!(e.file.ends_with("ListCustomImageShareAccounts.json"), "{e}");
    assert_eq!(e.pointer, "/response/0");
    assert!(
        e.message.contains("response field `Accounts`") && e.message.contains("missing: type"),
        "{e}"
    );
    assert!(!out.exists(), "nothing written");

    // Stated fully, the same entry is applied.
    std::fs::write(
        overlays.join("ListCustomImageShareAccounts.json"),
        r#"{"operation": "ListCustomImageShareAccounts",
            "response": [{"name": "TotalCount", "type": "int32"}]}"#,
    )
    .unwrap();
    let outcome = run(&RunOptions {
        inputs: vec![
            root().join("specs/vendor-metadata/swas-open-2020-06-01/2025-05-17.api-docs.json")
        ],
        out: out.clone(),
        overlay_dir: Some(overlays),
        facade: None,
        dry_run: false,
        default_operations: Vec::new(),
        docs: Vec::new(),
    })
    .unwrap();
    assert!(
        outcome.check_errors.is_empty(),
        "{:?}",
        outcome.check_errors
    );
    let text = std::fs::read_to_string(out.join("ListCustomImageShareAccounts.json")).unwrap();
    let spec = acs_codegen::parse_spec("x", &text).unwrap();
    let names: Vec<&str> = spec.operations[0]
        .response
        .iter()
        .map(|f| f.name.as_str())
        .collect();
    assert_eq!(names, ["RequestId", "TotalCount"]);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn one_failing_document_means_none_is_written() {
    let dir = tempdir();
    let overlays = dir.join("overlays");
    std::fs::create_dir_all(&overlays).unwrap();
    // A default outside the parameter's own value set fails the spec check.
    std::fs::write(
        overlays.join("ListInstances.json"),
        r#"{"operation": "ListInstances",
            "parameters": [{"name": "PageSize", "constraints": [{"kind": "oneOf", "values": [7]}], "default": 10}]}"#,
    )
    .unwrap();
    let out = dir.join("out");
    let outcome = run(&RunOptions {
        inputs: vec![root().join("specs/vendor-metadata/swas-open-2020-06-01")],
        out: out.clone(),
        overlay_dir: Some(overlays),
        facade: None,
        dry_run: false,
        default_operations: Vec::new(),
        docs: Vec::new(),
    })
    .unwrap();
    assert!(!outcome.check_errors.is_empty());
    assert!(outcome
        .check_errors
        .iter()
        .all(|e| e.file.ends_with("ListInstances.json")));
    assert!(outcome.changed.is_empty());
    assert!(
        !out.exists(),
        "no file written when one would fail its check"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

fn tempdir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "acs-regenerate-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// An operation's request side without documentation, as the test compares it.
fn request_side(api: &serde_json::Value) -> serde_json::Value {
    fn strip(v: &serde_json::Value) -> serde_json::Value {
        match v {
            serde_json::Value::Object(m) => m
                .iter()
                .filter(|(k, _)| {
                    ![
                        "description",
                        "title",
                        "summary",
                        "example",
                        "docRequired",
                        "enumValueTitles",
                    ]
                    .contains(&k.as_str())
                })
                .map(|(k, v)| (k.clone(), strip(v)))
                .collect(),
            serde_json::Value::Array(a) => a.iter().map(strip).collect(),
            other => other.clone(),
        }
    }
    serde_json::json!([
        strip(&api["methods"]),
        strip(&api["parameters"]),
        strip(&api["deprecated"])
    ])
}
