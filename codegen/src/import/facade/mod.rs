//! The facade crate's generated parts: every file of it but `Cargo.toml`'s head, `facade.json`,
//! an optional curated overview, examples, tests and benches.
//!
//! A facade crate (e.g. `ecs/`) holds a `facade.json` that says where its specs are and which
//! operations its small default feature enables:
//!
//! ```json
//! { "specs": "../specs/ecs-2014-05-26",
//!   "runtime": "crate::__private::runtime",
//!   "overview": "OVERVIEW.md",
//!   "defaultFeature": { "name": "default-operations", "operations": ["RunInstances"] } }
//! ```
//!
//! One layout for every product: one crate per operation group under `groups/<feature>/`
//! (`crates.rs`), and a facade crate whose root, `src/lib.rs`, is written here too (`exports.rs`):
//! the same exports for every product, a named, feature-gated re-export of every operation
//! (`src/operations.rs`) and crate docs listing every operation by group (`src/features.md` and
//! the root's docs). The block of `Cargo.toml` between `# BEGIN generated features` and
//! `# END generated features` holds the group crates and the features (one per group, `full`,
//! `server`, the default feature). An operation without a group goes to the group `Other`
//! (feature `other`) and is reported.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;

mod client;
mod crates;
mod endpoints;
mod exports;
mod scaffold;

pub use client::CLIENT_FILE;
pub use endpoints::{check_host, render as render_endpoints, ENDPOINTS_FILE};
pub use exports::{crate_path, operation_items, service_error_name};
pub use scaffold::{scaffold, Scaffold};

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
    /// A curated Markdown file (relative to the crate directory) that opens the crate docs in
    /// place of the generated introduction: prose and examples, never code.
    pub overview: Option<String>,
}

pub const CONFIG_FILE: &str = "facade.json";
pub const OPERATIONS_FILE: &str = "src/operations.rs";
pub const LIB_FILE: &str = "src/lib.rs";
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
                "$comment" | "specs" | "runtime" | "defaultFeature" | "layout" | "overview"
            ) {
                return Err(SpecError::new(
                    file,
                    format!("/{key}"),
                    "unknown key (expected specs, runtime, defaultFeature, layout, overview)",
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
        // One layout for every product: a group crate per operation group. The key stays
        // accepted with that one value so older `facade.json` files keep reading.
        match map.get("layout") {
            None => {}
            Some(v) if v.as_str() == Some("crates") => {}
            Some(_) => {
                return Err(SpecError::new(
                    file,
                    "/layout",
                    "expected \"crates\" (the only layout; operations live in group crates)",
                ))
            }
        }
        let overview = match map.get("overview") {
            None => None,
            Some(_) => Some(string("overview")?),
        };
        Ok(Self {
            specs: string("specs")?,
            runtime: string("runtime")?,
            default_feature,
            overview,
        })
    }
}

/// `acs_macros::generate!(spec = "PATH", runtime = ::acs_runtime[, shapes = SHAPES]);` as rustfmt
/// writes it, so that `cargo fmt` leaves generated files as the import wrote them: on one line
/// when its arguments fit rustfmt's call width (60) and the line 100 columns, else one argument
/// per line (the spec path on a line of its own past 100 columns).
pub(super) fn generate_call(path: &str, shapes: Option<&str>, product: Option<&str>) -> String {
    let mut args = vec![
        format!("spec = \"{path}\""),
        "runtime = ::acs_runtime".to_owned(),
    ];
    if let Some(shapes) = shapes {
        args.push(format!("shapes = {shapes}"));
    }
    if let Some(product) = product {
        args.push(format!("product = {product}"));
    }
    let joined = args.join(", ");
    let line = format!("acs_macros::generate!({joined});\n");
    if joined.chars().count() <= 60 && line.chars().count() <= 101 {
        return line;
    }
    let mut out = String::from("acs_macros::generate!(\n");
    for (i, arg) in args.iter().enumerate() {
        let sep = if i + 1 < args.len() { "," } else { "" };
        let line = format!("    {arg}{sep}");
        if i == 0 && line.chars().count() > 100 {
            out.push_str(&format!("    spec =\n        \"{path}\"{sep}\n"));
        } else {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out.push_str(");\n");
    out
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
    /// `src/lib.rs`: the crate root, the same exports for every product.
    pub lib_rs: String,
    /// `src/operations.rs`: the named, feature-gated re-export of every operation.
    pub operations_rs: String,
    /// `src/features.md`: the feature table the crate root's docs include.
    pub features_md: String,
    pub cargo_toml: String,
    /// Further files, relative to the facade crate (the group crates).
    pub extra: Vec<(String, String)>,
    pub reports: Vec<Report>,
}

pub const FEATURES_FILE: &str = "src/features.md";

/// What a facade is of: its crate (directory) name, and the product and API version its specs
/// describe (for the generated docs).
pub struct Product<'a> {
    pub crate_name: &'a str,
    pub product: &'a str,
    pub version: &'a str,
    /// The facade crate's own version (its group crates share it), for their docs.rs address;
    /// `None` when it cannot be read (docs then link to `latest`).
    pub crate_version: Option<String>,
}

/// The version of the crate in `crate_dir` whose manifest is `cargo_toml`: its own `version`, or
/// the workspace's (`version.workspace = true`, from the nearest `[workspace.package]` above).
pub fn crate_version(crate_dir: &Path, cargo_toml: &str) -> Option<String> {
    fn version_in(text: &str, table: &str) -> Option<String> {
        let body = &text[text.find(table)? + table.len()..];
        let body = body.split("\n[").next().unwrap_or_default();
        body.lines().find_map(|l| {
            let v = l
                .trim()
                .strip_prefix("version")?
                .trim_start()
                .strip_prefix('=')?;
            Some(v.trim().strip_prefix('"')?.strip_suffix('"')?.to_owned())
        })
    }
    if let Some(v) = version_in(cargo_toml, "[package]") {
        return Some(v);
    }
    let dir = std::fs::canonicalize(crate_dir).ok()?;
    dir.ancestors().skip(1).find_map(|d| {
        let text = std::fs::read_to_string(d.join("Cargo.toml")).ok()?;
        version_in(&text, "[workspace.package]")
    })
}

/// Renders the facade's generated parts from `specs` (one operation each, `_service.json`
/// excluded), their texts by file name (copied into the group crates) and the crate's current
/// `Cargo.toml`.
pub fn render(
    config: &FacadeConfig,
    specs: &[&ServiceSpec],
    spec_texts: &BTreeMap<String, String>,
    cargo_toml: &str,
    cargo_toml_name: &str,
    product: &Product<'_>,
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
    let marker = client::marker_definition(product.crate_name, product.product, product.version);
    let (block_body, mut extra) = crates::render(
        config,
        &by_group,
        product.crate_name,
        product.crate_version.as_deref(),
        spec_texts,
        has_shapes,
        &marker,
    );
    extra.push((
        CLIENT_FILE.to_owned(),
        client::render(config, &by_group, specs, product.crate_name),
    ));
    let exports = exports::render(config, &by_group, product, has_shapes)?;
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
    Ok(FacadeFiles {
        lib_rs: exports.lib_rs,
        operations_rs: exports.operations_rs,
        features_md: exports.features_md,
        cargo_toml: toml,
        extra,
        reports,
    })
}
