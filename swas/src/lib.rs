//! Typed, validated, signed client for Alibaba Cloud Simple Application Server
//! (`SWAS-OPEN`, API version `2020-06-01`), generated at compile time from `specs/`.
//!
//! Operations are imported from the vendor metadata into `specs/swas-open-2020-06-01/` (one spec
//! per operation; curated refinements in `specs/overlays/`) and selected with Cargo features, one
//! per operation group: `instances`, `key-pairs`, `firewall-templates`, `firewall`, `snapshots`,
//! `disks`, `images`, `commands`, `databases`, `tags`, `regions`; `full` enables all of them. The
//! default feature `workflow` enables only ListRegions, ListPlans, ListImages, CreateInstances and
//! ListInstances.

#![doc = include_str!("features.md")]
#![warn(missing_docs)]

mod client;
pub use client::*;

/// Region id → endpoint host, as published in the vendor metadata.
pub use endpoints::ENDPOINTS;

mod endpoints {
    acs_macros::generate!(
        spec = "../specs/swas-open-2020-06-01/_service.json",
        runtime = crate::__private::runtime
    );
}

// One `generate!` per imported operation, behind the feature of its group: written by
// `acs-codegen import --facade swas` (see the README's maintainer workflow).
include!("operations.rs");

/// What generated code and the macro need, under a path pinned to this crate's version of the
/// runtime, so users never add the runtime or serde to their own `Cargo.toml`.
#[doc(hidden)]
pub mod __private {
    pub use acs_runtime as runtime;
}
