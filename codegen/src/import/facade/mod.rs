//! The facade crate's generated parts: its operation list and its Cargo features.
//!
//! A facade crate (e.g. `swas/`) holds a `facade.json` that says where its specs are and which
//! operations its small default feature enables:
//!
//! ```json
//! { "specs": "../specs/swas-open-2020-06-01",
//!   "runtime": "crate::__private::runtime",
//!   "defaultFeature": { "name": "workflow", "operations": ["ListRegions", "CreateInstances"] } }
//! ```
//!
//! From it and the imported specs the import writes `src/operations.rs` (one `generate!` per
//! operation behind the feature of its group; the crate root `include!`s it) and the block of
//! `Cargo.toml` between `# BEGIN generated features` and `# END generated features` (one feature
//! per group, `full`, the default feature). An operation without a group goes to the group
//! `Other` (feature `other`) and is reported.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;

mod client;
mod crates;
mod endpoints;
mod scaffold;

pub use client::CLIENT_FILE;
pub use endpoints::{check_host, render as render_endpoints, ENDPOINTS_FILE};
pub use scaffold::{scaffold, Scaffold};

use super::shapes::SHAPES_FILE;
use super::Report;
use crate::spec::ServiceSpec;
use crate::SpecError;

/// The facade's own settings (`facade.json`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacadeConfig {
    /// The spec folder, relative to the crate directory, as `generate!` paths name it.
    pub specs: String,
    /// The runtime path handed to `generate!`.
    pub runtime: String,
    /// The default feature's name and operations.
    pub default_feature: Option<(String, Vec<String>)>,
    /// Where the operations are generated (`"layout"`: `"modules"`, the default, or `"crates"`).
    pub layout: Layout,
}

/// Where a facade's operations are generated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// In the facade crate itself (`src/operations.rs`), behind a feature per group.
    Modules,
    /// One crate per group under `groups/<feature>/` (a feature per operation inside), which the
    /// facade depends on optionally and re-exports. Editing one spec then rebuilds one group's
    /// crate, not every operation of the product.
    Crates,
}

pub const CONFIG_FILE: &str = "facade.json";
pub const OPERATIONS_FILE: &str = "src/operations.rs";
const BEGIN: &str = "# BEGIN generated features";
const END: &str = "# END generated features";
/// The group of operations no snapshot puts in a directory.
pub const FALLBACK_GROUP: &str = "Other";
/// The `server` feature line of every facade crate: the server side of each operation
/// (`from_wire`, `FromWire`; see `acs_runtime::__server!`), for servers and typed mock matching.
pub(super) const SERVER_FEATURE: &str = "server = [\"acs-runtime/server\"]\n";

impl FacadeConfig {
    pub fn load(crate_dir: &Path) -> Result<Self, SpecError> {
        let path = crate_dir.join(CONFIG_FILE);
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(&path)
            .map_err(|e| SpecError::new(&shown, "", format!("cannot read: {e}")))?;
        Self::parse(&shown, &text)
    }

    pub fn parse(file: &str, text: &str) -> Result<Self, SpecError> {
        let v: Value = serde_json::from_str(text)
            .map_err(|e| SpecError::new(file, "", format!("invalid JSON: {e}")))?;
        let Some(map) = v.as_object() else {
            return Err(SpecError::new(file, "", "expected an object"));
        };
        for key in map.keys() {
            if !matches!(
                key.as_str(),
                "$comment" | "specs" | "runtime" | "defaultFeature" | "layout"
            ) {
                return Err(SpecError::new(
                    file,
                    format!("/{key}"),
                    "unknown key (expected specs, runtime, defaultFeature, layout)",
                ));
            }
        }
        let string = |key: &str| {
            map.get(key)
                .and_then(Value::as_str)
                .map(str::to_owned)
                .ok_or_else(|| SpecError::new(file, format!("/{key}"), "missing or not a string"))
        };
        let default_feature = match map.get("defaultFeature") {
            None => None,
            Some(d) => {
                let name = d.get("name").and_then(Value::as_str).ok_or_else(|| {
                    SpecError::new(file, "/defaultFeature/name", "missing or not a string")
                })?;
                let ops = d
                    .get("operations")
                    .and_then(Value::as_array)
                    .and_then(|a| {
                        a.iter()
                            .map(|x| x.as_str().map(str::to_owned))
                            .collect::<Option<Vec<_>>>()
                    })
                    .ok_or_else(|| {
                        SpecError::new(
                            file,
                            "/defaultFeature/operations",
                            "missing or not an array of operation names",
                        )
                    })?;
                Some((name.to_owned(), ops))
            }
        };
        let layout = match map.get("layout").and_then(Value::as_str) {
            None | Some("modules") => Layout::Modules,
            Some("crates") => Layout::Crates,
            Some(_) => {
                return Err(SpecError::new(
                    file,
                    "/layout",
                    "expected \"modules\" or \"crates\"",
                ))
            }
        };
        Ok(Self {
            specs: string("specs")?,
            runtime: string("runtime")?,
            default_feature,
            layout,
        })
    }
}

/// `    spec = "PATH",` as rustfmt writes it (wrapped past 100 columns), so that `cargo fmt`
/// leaves generated files as the import wrote them.
pub(super) fn spec_arg(path: &str) -> String {
    let line = format!("    spec = \"{path}\",");
    if line.chars().count() > 100 {
        format!("    spec =\n        \"{path}\",")
    } else {
        line
    }
}

/// `FirewallTemplates` → `firewall-templates`.
pub fn feature_name(group: &str) -> String {
    let mut out = String::new();
    for (i, c) in group.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push('-');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// The generated files of a facade.
pub struct FacadeFiles {
    /// `src/operations.rs`: one `generate!` per operation.
    pub operations_rs: String,
    /// `src/features.md`: the feature table the crate root's docs include.
    pub features_md: String,
    pub cargo_toml: String,
    /// Further files, relative to the facade crate (the group crates of [`Layout::Crates`]).
    pub extra: Vec<(String, String)>,
    pub reports: Vec<Report>,
}

pub const FEATURES_FILE: &str = "src/features.md";

/// Renders the facade's generated parts from `specs` (one operation each, `_service.json`
/// excluded) and the crate's current `Cargo.toml`.
pub fn render(
    config: &FacadeConfig,
    specs: &[&ServiceSpec],
    cargo_toml: &str,
    cargo_toml_name: &str,
    crate_name: &str,
    has_shapes: bool,
) -> Result<FacadeFiles, SpecError> {
    let mut by_group: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    let mut reports = Vec::new();
    for spec in specs {
        for op in &spec.operations {
            let group = match &op.group {
                Some(g) => g.clone(),
                None => {
                    reports.push(Report {
                        pointer: op.pointer.clone(),
                        name: op.name.clone(),
                        message: format!("no group in any snapshot or overlay; the facade puts it in `{FALLBACK_GROUP}` (feature `{}`)", feature_name(FALLBACK_GROUP)),
                    });
                    FALLBACK_GROUP.to_owned()
                }
            };
            by_group.entry(group).or_default().push(&op.name);
        }
    }
    let defaults: &[String] = config
        .default_feature
        .as_ref()
        .map_or(&[], |(_, ops)| ops.as_slice());
    for name in defaults {
        if !by_group.values().flatten().any(|op| op == name) {
            return Err(SpecError::new(
                CONFIG_FILE,
                "/defaultFeature/operations",
                format!("`{name}` is not an imported operation"),
            ));
        }
    }

    for ops in by_group.values_mut() {
        ops.sort_unstable();
    }
    let (rs, block_body, mut extra) = match config.layout {
        Layout::Modules => {
            let (rs, body) = modules_layout(config, &by_group, has_shapes, crate_name);
            (rs, body, Vec::new())
        }
        Layout::Crates => crates::render(config, &by_group, crate_name, has_shapes, specs),
    };
    extra.push((
        CLIENT_FILE.to_owned(),
        client::render(config, &by_group, specs, crate_name),
    ));
    let mut block = format!("{BEGIN} (by `acs-codegen import --facade`; do not edit)\n");
    block.push_str(&block_body);
    block.push_str(END);
    let toml = match (cargo_toml.find(BEGIN), cargo_toml.find(END)) {
        (Some(a), Some(b)) if a < b => format!(
            "{}{block}{}",
            &cargo_toml[..a],
            &cargo_toml[b + END.len()..]
        ),
        _ => {
            return Err(SpecError::new(
                cargo_toml_name,
                "",
                format!("no `{BEGIN}` … `{END}` block to write the features into; add one where `[features]` belongs"),
            ))
        }
    };
    let mut md = String::from(
        "\n# Cargo features\n\nOne feature per operation group (written by `acs-codegen import --facade`):\n\n| feature | operations |\n|---|---|\n",
    );
    if let Some((name, list)) = &config.default_feature {
        md.push_str(&format!(
            "| `{name}` (default) | {} |\n",
            list.iter()
                .map(|o| format!("`{o}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    md.push_str(&format!(
        "| `full` | all {} |\n",
        by_group.values().map(Vec::len).sum::<usize>()
    ));
    for (group, ops) in &by_group {
        md.push_str(&format!(
            "| `{}` | {} |\n",
            feature_name(group),
            ops.iter()
                .map(|o| format!("`{o}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    Ok(FacadeFiles {
        operations_rs: rs,
        features_md: md,
        cargo_toml: toml,
        extra,
        reports,
    })
}

/// [`Layout::Modules`]: `src/operations.rs` and the `[features]` table.
fn modules_layout(
    config: &FacadeConfig,
    by_group: &BTreeMap<String, Vec<&str>>,
    has_shapes: bool,
    crate_name: &str,
) -> (String, String) {
    let mut rs = String::from(
        "// @generated by `acs-codegen import --facade`: one `generate!` per imported operation, behind\n// the Cargo feature of its group. Do not edit; re-run the import (see the README).\n",
    );
    let shapes_arg = if has_shapes {
        // Nested types several operations share, generated once (`pub mod shapes`).
        rs.push_str(&format!(
            "\n// Nested types several operations share.\nacs_macros::generate!(\n{}\n    runtime = {}\n);\n",
            spec_arg(&format!("{}/{}", config.specs, SHAPES_FILE)),
            config.runtime
        ));
        ",\n    shapes = crate::shapes"
    } else {
        ""
    };
    for (group, ops) in by_group {
        let feature = feature_name(group);
        rs.push_str(&format!("\n// Group `{group}` (feature `{feature}`).\n"));
        for op in ops {
            match &config.default_feature {
                Some((default, list)) if list.iter().any(|x| x == op) => rs.push_str(&format!(
                    "#[cfg(any(feature = \"{feature}\", feature = \"{default}\"))]\n"
                )),
                _ => rs.push_str(&format!("#[cfg(feature = \"{feature}\")]\n")),
            }
            rs.push_str(&format!(
                "acs_macros::generate!(\n{}\n    runtime = {}{shapes_arg}{}\n);\n",
                spec_arg(&format!("{}/{op}.json", config.specs)),
                config.runtime,
                client::product_arg(Layout::Modules, crate_name),
            ));
        }
    }
    let features: Vec<String> = by_group.keys().map(|g| feature_name(g)).collect();
    let mut block = String::from("[features]\n");
    match &config.default_feature {
        Some((name, _)) => block.push_str(&format!("default = [\"{name}\"]\n{name} = []\n")),
        None => block.push_str("default = []\n"),
    }
    let quoted: Vec<String> = features.iter().map(|f| format!("\"{f}\"")).collect();
    block.push_str(&format!("full = [{}]\n", quoted.join(", ")));
    block.push_str(SERVER_FEATURE);
    for f in &features {
        block.push_str(&format!("{f} = []\n"));
    }
    (rs, block)
}
