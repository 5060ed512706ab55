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

/// The files of a new facade crate: `Cargo.toml` (its features block is filled by [`render`](super::render)),
/// `facade.json`, `src/lib.rs`. Written once; the maintainer owns them afterwards.
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
rust-version.workspace = true
publish = false

[dependencies]
acs-macros.workspace = true
acs-runtime.workspace = true

# Operation selection: one feature per operation group, `full` for all of them, and a small
# default (`facade.json`). The block below, `src/operations.rs` and `src/features.md` are written
# by `acs-codegen import --facade {name}` from the imported specs.
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
    // New products get one crate per group: editing one spec rebuilds one group.
    config.insert("layout".into(), json!("crates"));
    if !default_operations.is_empty() {
        config.insert(
            "defaultFeature".into(),
            json!({ "name": "default-operations", "operations": default_operations }),
        );
    }
    // The crate as a Rust path: `r-kvstore` is `r_kvstore` in code.
    let crate_path = name.replace('-', "_");
    let mut facade_json = serde_json::to_string_pretty(&Value::Object(config)).unwrap_or_default();
    facade_json.push('\n');
    let lib = format!(
        r#"//! Typed, validated, signed client for Alibaba Cloud `{product}` (API version `{version}`),
//! generated at compile time from the specs in `{specs}` (imported from Alibaba's metadata by
//! `acs-codegen import`).
//!
//! ```no_run
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {{
//! let client = {crate_path}::client().region("cn-hangzhou").build()?;
//! # let _ = client;
//! # Ok(()) }}
//! ```
#![doc = include_str!("features.md")]
#![warn(missing_docs)]
// Deprecated operations and parameters are generated with `#[deprecated]` for their users; the
// crate itself must still compile them.
#![allow(deprecated)]

pub use acs_runtime::client::{{
    BuildError, ClientBuilder, HttpMethod, PreparedRequest, SignatureVersion,
}};
pub use acs_runtime::{{
    Credentials, CredentialsError, Endpoint, EndpointError, Error, ErrorMeta, RetryConfig, Rule,
    ServiceError, UnexpectedResponse, ValidationErrors, Violation,
}};

pub use acs_runtime::Network;

/// Region id → endpoint host, and how other regions resolve: written by
/// `acs-codegen import --facade {name}` from the vendor metadata and the official SDK's facts.
pub use endpoints::{{ENDPOINTS, ENDPOINT_RULES}};

mod endpoints;

// The product's client (`Client`, `client()`), one method per operation: written by
// `acs-codegen import --facade {name}`.
mod product_client;
pub use product_client::*;

// One `generate!` per imported operation, behind the feature of its group: written by
// `acs-codegen import --facade {name}`.
include!("operations.rs");

/// What generated code and the macro need, under a path pinned to this crate's version of the
/// runtime.
#[doc(hidden)]
pub mod __private {{
    pub use acs_runtime as runtime;
}}
"#
    );
    vec![
        ("Cargo.toml", cargo),
        (CONFIG_FILE, facade_json),
        ("src/lib.rs", lib),
    ]
}
