//! The `swas` facade exposes every imported operation, behind the feature of its group.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// `Instances` → `instances`, `FirewallTemplates` → `firewall-templates`.
fn feature_of(group: &str) -> String {
    let mut out = String::new();
    for (i, c) in group.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push('-');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// Whitespace runs → one space; no space after `(` or before `)`; no trailing comma.
fn squash(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace("( ", "(")
        .replace(" )", ")")
        .replace(",)", ")")
}

const WORKFLOW: [&str; 5] = [
    "ListRegions",
    "ListPlans",
    "ListImages",
    "CreateInstances",
    "ListInstances",
];

#[test]
fn every_imported_operation_has_one_generate_line_behind_its_feature() {
    let dir = root().join("specs/swas-open-2020-06-01");
    // Compared with whitespace collapsed, so that rustfmt's line breaks do not matter.
    let lib = squash(&std::fs::read_to_string(root().join("swas/src/lib.rs")).unwrap());
    let manifest = std::fs::read_to_string(root().join("swas/Cargo.toml")).unwrap();
    let mut groups = BTreeSet::new();
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        if name == "_service" {
            continue;
        }
        let spec = acs_codegen::load_spec(&path, &name).unwrap();
        let group = spec.operations[0].group.clone().unwrap();
        let feature = feature_of(&group);
        let cfg = if WORKFLOW.contains(&name.as_str()) {
            format!("#[cfg(any(feature = \"{feature}\", feature = \"workflow\"))]")
        } else {
            format!("#[cfg(feature = \"{feature}\")]")
        };
        let line = format!(
            "{cfg}\nacs_macros::generate!(spec = \"../specs/swas-open-2020-06-01/{name}.json\", runtime = crate::__private::runtime);"
        );
        let line = squash(&line);
        assert_eq!(
            lib.matches(&line).count(),
            1,
            "swas/src/lib.rs lacks (or repeats):\n{line}"
        );
        groups.insert(feature);
        count += 1;
    }
    assert_eq!(count, 95);
    assert_eq!(
        lib.matches("acs_macros::generate!(").count(),
        96,
        "95 operations + the endpoints table"
    );
    assert!(
        !lib.contains("specs/curated/"),
        "the facade uses the imported CreateInstances"
    );
    for feature in &groups {
        assert!(
            manifest.contains(&format!("\n{feature} = []")),
            "swas/Cargo.toml lacks feature `{feature}`"
        );
    }
    let full: Vec<String> = groups.iter().map(|f| format!("\"{f}\"")).collect();
    assert!(manifest.contains(&format!("full = [{}]", full.join(", "))));
    assert!(manifest.contains("default = [\"workflow\"]"));
}
