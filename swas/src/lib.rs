//! Typed, validated, signed client for Alibaba Cloud Simple Application Server
//! (`SWAS-OPEN`, API version `2020-06-01`), generated at compile time from `specs/`.
//!
//! # Create, wait, list
//!
//! ```no_run
//! use std::time::Duration;
//! use swas::stream::TryStreamExt as _;
//! use swas::{CreateInstances, CreateInstancesError, Error, ListInstances, SwasError};
//!
//! async fn provision(client: &swas::Client) -> Result<(), SwasError> {
//!     // The ClientToken is fixed here, in the request value: re-sending `order` after any
//!     // failure can never buy a second server.
//!     let order = CreateInstances::builder()
//!         .region_id("cn-hangzhou")
//!         .image_id("e2c9c365024a44369c9b955a998a****")
//!         .plan_id("swas.s1.c1m1s40b3t05")
//!         .period(1)
//!         .amount(2)
//!         .build();
//!     let created = match client.send(&order).await {
//!         Ok(created) => created,
//!         Err(Error::Service { error: CreateInstancesError::NotEnoughStock(_), .. }) => {
//!             return Ok(()); // sold out: nothing was bought
//!         }
//!         Err(other) => return Err(other.into()), // `?` works too: every error converts
//!     };
//!
//!     // Wait until both run (Pending → Starting → Running), reporting progress.
//!     let mine = ListInstances::builder()
//!         .region_id("cn-hangzhou")
//!         .instance_ids(created.instance_ids.clone())
//!         .build();
//!     let waited = mine
//!         .wait_until_instances_running(client)
//!         .max_time(Duration::from_secs(300))
//!         .on_progress(|p| eprintln!("poll {}: {:?}", p.attempt, p.states))
//!         .wait()
//!         .await;
//!     if let Err(e) = waited {
//!         eprintln!("not running yet: {e}"); // Failed / TimedOut carry the last answer
//!     }
//!
//!     // Every instance of the region, 50 per page, as a stream.
//!     let all = ListInstances::builder().region_id("cn-hangzhou").page_size(50).build();
//!     let mut instances = client.items(&all);
//!     while let Some(instance) = instances.try_next().await? {
//!         println!("{:?} {:?}", instance.instance_id, instance.status);
//!     }
//!     Ok(())
//! }
//! ```
//!
//! # Features of the client
//!
//! | what | how |
//! |---|---|
//! | required parameters | enforced by the builder's type: a missing one is a compile error naming its setter |
//! | local validation | every published rule checked before signing, all violations at once ([`ValidationErrors`]) |
//! | idempotency | `build()` fixes `ClientToken`; retries and re-sends reuse it; every error carries it ([`Error::client_token`]) |
//! | retries | connection errors, timeouts, 5xx, throttling (`x-acs-retry-after` honoured up to 20 s), never other 4xx ([`RetryConfig`]) |
//! | time bound | 60 s per call by default, body reading included ([`ClientBuilder::operation_deadline`]; `None` turns it off) |
//! | errors | per-operation enums with a variant per published code, [`CommonError`] for signature/access key/throttling/RAM/…, [`SwasError`] for `?` across operations; a 2xx body carrying `Code` and `Message` is an error |
//! | paging | [`Client::pages`], [`Client::items`] (streams, `PageNumber` and `NextToken` operations), [`Client::send_all_items`] |
//! | waiters | `wait_until_instances_running`, `wait_until_instances_stopped` (ListInstances), `wait_until_invocation_finished` (DescribeInvocationResult), `wait_until_snapshots_ready` (ListSnapshots) — see [`waiter`] |
//! | dry runs | [`Client::prepare`] signs without sending; [`Client::send_prepared`] sends that exact request; printing it never shows the signature, `Authorization` or security token |
//! | testing | [`mock::MockTransport`] with `mock!` / `mock_client!` rules scripting typed outputs and errors, recorded requests; [`ClientBuilder::transport`], [`ClientBuilder::on_request`] |
//!
//! # Operations and features
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

// The product's client, one method per operation: written by `acs-codegen import --facade swas`.
mod product_client;
pub use product_client::*;

/// Region id → endpoint host, and how other regions resolve: written by
/// `acs-codegen import --facade swas` from the vendor metadata and the official SDK's facts.
pub use endpoints::{ENDPOINTS, ENDPOINT_RULES};

mod endpoints;

// One `generate!` per imported operation, behind the feature of its group: written by
// `acs-codegen import --facade swas` (see the README's maintainer workflow).
include!("operations.rs");

/// What generated code and the macro need, under a path pinned to this crate's version of the
/// runtime, so users never add the runtime or serde to their own `Cargo.toml`.
#[doc(hidden)]
pub mod __private {
    pub use acs_runtime as runtime;
}
