//! A new facade crate: the files it starts from.

use serde_json::{json, Value};

use super::{BEGIN, CONFIG_FILE, END};

/// What a new facade crate starts from (`--facade DIR` where `DIR/Cargo.toml` does not exist).
pub struct Scaffold<'a> {
    /// The crate's name (its directory's name).
    pub name: &'a str,
    pub product: &'a str,
    pub version: &'a str,
    /// The spec folder relative to the crate directory.
    pub specs: &'a str,
    /// Operations of the small default feature `default-operations`.
    pub default_operations: &'a [String],
}

/// The files of a new facade crate: `Cargo.toml` (its features block is filled by
/// [`render`](super::render)) and `facade.json`. Written once; the maintainer owns them
/// afterwards (`src/lib.rs` and the group crates are written by every import).
pub fn scaffold(s: &Scaffold<'_>) -> Vec<(&'static str, String)> {
    let Scaffold {
        name,
        product,
        version,
        specs,
        default_operations,
    } = s;
    let cargo = format!(
        r#"[package]
name = "{name}"
description = "Typed, validated, signed client for Alibaba Cloud {product} (API version {version}), generated at compile time"
version.workspace = true
edition.workspace = true
license.workspace = true
repository.workspace = true
rust-version.workspace = true

# The crate root is generated and has no unit tests: no test harness to build and link (its
# doctests still run).
[lib]
test = false

[dependencies]
acs-runtime.workspace = true

# Operation selection: one feature per operation group, `full` for all of them, and a small
# default (`facade.json`). The block below (group crates, features, docs.rs settings), `src/` and
# `groups/` are written by `acs-codegen import --facade {name}` from the imported specs.
{BEGIN}
{END}
"#
    );
    let mut config = serde_json::Map::new();
    config.insert(
        "$comment".into(),
        json!(format!(
            "Settings of this facade for `acs-codegen import --facade {name}`."
        )),
    );
    config.insert("specs".into(), json!(specs));
    config.insert("runtime".into(), json!("crate::__private::runtime"));
    if !default_operations.is_empty() {
        config.insert(
            "defaultFeature".into(),
            json!({ "name": "default-operations", "operations": default_operations }),
        );
    }
    let mut facade_json = serde_json::to_string_pretty(&Value::Object(config)).unwrap_or_default();
    facade_json.push('\n');
    vec![("Cargo.toml", cargo), (CONFIG_FILE, facade_json)]
}
