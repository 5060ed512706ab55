//! Typed, validated, signed client for Alibaba Cloud `Alidns` (API version `2015-01-09`),
//! generated at compile time from the specs in `../specs/alidns-2015-01-09` (imported from Alibaba's metadata by
//! `acs-codegen import`).
//!
//! ```no_run
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let client = alidns::client().region("cn-hangzhou").build()?;
//! # let _ = client;
//! # Ok(()) }
//! ```
#![doc = include_str!("features.md")]
#![warn(missing_docs)]
// Deprecated operations and parameters are generated with `#[deprecated]` for their users; the
// crate itself must still compile them.
#![allow(deprecated)]

pub use acs_runtime::client::{
    BuildError, ClientBuilder, HttpMethod, PreparedRequest, SignatureVersion,
};
pub use acs_runtime::{
    Credentials, CredentialsError, Endpoint, EndpointError, Error, ErrorMeta, RetryConfig, Rule,
    ServiceError, UnexpectedResponse, ValidationErrors, Violation,
};

pub use acs_runtime::Network;

/// Region id → endpoint host, and how other regions resolve: written by
/// `acs-codegen import --facade alidns` from the vendor metadata and the official SDK's facts.
pub use endpoints::{ENDPOINTS, ENDPOINT_RULES};

mod endpoints;

// The product's client (`Client`, `client()`), one method per operation: written by
// `acs-codegen import --facade alidns`.
mod product_client;
pub use product_client::*;

// One `generate!` per imported operation, behind the feature of its group: written by
// `acs-codegen import --facade alidns`.
include!("operations.rs");

/// What generated code and the macro need, under a path pinned to this crate's version of the
/// runtime.
#[doc(hidden)]
pub mod __private {
    pub use acs_runtime as runtime;
}
