//! Typed, validated, signed client for Alibaba Cloud Simple Application Server
//! (`SWAS-OPEN`, API version `2020-06-01`), generated at compile time from `specs/`.

acs_macros::generate!("../specs/curated/CreateInstances.json");

/// What generated code and the macro need, under a path pinned to this crate's version of the
/// runtime, so users never add the runtime or serde to their own `Cargo.toml`.
#[doc(hidden)]
pub mod __private {
    pub use acs_runtime as runtime;
}
