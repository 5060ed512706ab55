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

// BEGIN generated operation list (one `generate!` per imported operation; keep in sync with the specs)
// Group `Commands` (feature `commands`).
#[cfg(feature = "commands")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/CreateCommand.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "commands")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/DeleteCommand.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "commands")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/DescribeCloudAssistantAttributes.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "commands")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/DescribeCloudAssistantStatus.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "commands")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/DescribeCommandInvocations.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "commands")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/DescribeCommands.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "commands")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/DescribeInvocationResult.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "commands")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/DescribeInvocations.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "commands")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/InstallCloudAssistant.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "commands")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/InvokeCommand.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "commands")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/RunCommand.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "commands")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/StartTerminalSession.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "commands")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/UpdateCommandAttribute.json",
    runtime = crate::__private::runtime
);

// Group `Databases` (feature `databases`).
#[cfg(feature = "databases")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/AllocatePublicConnection.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "databases")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/DescribeDatabaseErrorLogs.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "databases")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/DescribeDatabaseInstanceMetricData.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "databases")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/DescribeDatabaseInstanceParameters.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "databases")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/DescribeDatabaseInstances.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "databases")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/DescribeDatabaseSlowLogRecords.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "databases")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/ModifyDatabaseInstanceDescription.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "databases")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/ModifyDatabaseInstanceParameter.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "databases")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/ReleasePublicConnection.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "databases")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/ResetDatabaseAccountPassword.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "databases")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/RestartDatabaseInstance.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "databases")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/StartDatabaseInstance.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "databases")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/StopDatabaseInstance.json",
    runtime = crate::__private::runtime
);

// Group `Disks` (feature `disks`).
#[cfg(feature = "disks")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/ListDisks.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "disks")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/ResetDisk.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "disks")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/UpdateDiskAttribute.json",
    runtime = crate::__private::runtime
);

// Group `Firewall` (feature `firewall`).
#[cfg(feature = "firewall")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/CreateFirewallRule.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "firewall")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/CreateFirewallRules.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "firewall")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/DeleteFirewallRule.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "firewall")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/DeleteFirewallRules.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "firewall")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/DisableFirewallRule.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "firewall")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/EnableFirewallRule.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "firewall")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/ListFirewallRules.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "firewall")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/ModifyFirewallRule.json",
    runtime = crate::__private::runtime
);

// Group `FirewallTemplates` (feature `firewall-templates`).
#[cfg(feature = "firewall-templates")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/ApplyFirewallTemplate.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "firewall-templates")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/CreateFirewallTemplate.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "firewall-templates")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/CreateFirewallTemplateRules.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "firewall-templates")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/DeleteFirewallTemplateRules.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "firewall-templates")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/DeleteFirewallTemplates.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "firewall-templates")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/DescribeFirewallTemplateApplyResults.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "firewall-templates")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/DescribeFirewallTemplateRulesApplyResult.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "firewall-templates")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/DescribeFirewallTemplates.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "firewall-templates")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/ModifyFirewallTemplate.json",
    runtime = crate::__private::runtime
);

// Group `Images` (feature `images`).
#[cfg(feature = "images")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/CreateCustomImage.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "images")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/DeleteCustomImage.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "images")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/DeleteCustomImages.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "images")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/ListCustomImages.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "images")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/ModifyImageShareStatus.json",
    runtime = crate::__private::runtime
);

// Group `Instances` (feature `instances`).
#[cfg(any(feature = "instances", feature = "workflow"))]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/CreateInstances.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "instances")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/DescribeCloudMonitorAgentStatuses.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "instances")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/DescribeInstancePasswordsSetting.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "instances")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/DescribeInstanceVncUrl.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "instances")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/DescribeMonitorData.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "instances")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/DescribeSecurityAgentStatus.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "instances")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/InstallCloudMonitorAgent.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "instances")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/ListInstancePlansModification.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "instances")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/ListInstanceStatus.json",
    runtime = crate::__private::runtime
);
#[cfg(any(feature = "instances", feature = "workflow"))]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/ListInstances.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "instances")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/ListInstancesTrafficPackages.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "instances")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/LoginInstance.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "instances")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/ModifyInstanceVncPassword.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "instances")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/RebootInstance.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "instances")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/RebootInstances.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "instances")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/RenewInstance.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "instances")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/ResetSystem.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "instances")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/StartInstance.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "instances")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/StartInstances.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "instances")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/StopInstance.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "instances")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/StopInstances.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "instances")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/UpdateInstanceAttribute.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "instances")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/UpgradeInstance.json",
    runtime = crate::__private::runtime
);

// Group `KeyPairs` (feature `key-pairs`).
#[cfg(feature = "key-pairs")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/AttachKeyPair.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "key-pairs")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/CreateInstanceKeyPair.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "key-pairs")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/CreateKeyPair.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "key-pairs")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/DeleteInstanceKeyPair.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "key-pairs")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/DeleteKeyPairs.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "key-pairs")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/DescribeInstanceKeyPair.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "key-pairs")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/DetachKeyPair.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "key-pairs")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/ImportKeyPair.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "key-pairs")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/ListKeyPairs.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "key-pairs")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/UploadInstanceKeyPair.json",
    runtime = crate::__private::runtime
);

// Group `Regions` (feature `regions`).
#[cfg(any(feature = "regions", feature = "workflow"))]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/ListImages.json",
    runtime = crate::__private::runtime
);
#[cfg(any(feature = "regions", feature = "workflow"))]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/ListPlans.json",
    runtime = crate::__private::runtime
);
#[cfg(any(feature = "regions", feature = "workflow"))]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/ListRegions.json",
    runtime = crate::__private::runtime
);

// Group `Snapshots` (feature `snapshots`).
#[cfg(feature = "snapshots")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/CreateSnapshot.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "snapshots")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/DeleteSnapshot.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "snapshots")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/DeleteSnapshots.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "snapshots")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/ListSnapshots.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "snapshots")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/UpdateSnapshotAttribute.json",
    runtime = crate::__private::runtime
);

// Group `Tags` (feature `tags`).
#[cfg(feature = "tags")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/ListTagResources.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "tags")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/TagResources.json",
    runtime = crate::__private::runtime
);
#[cfg(feature = "tags")]
acs_macros::generate!(
    spec = "../specs/swas-open-2020-06-01/UntagResources.json",
    runtime = crate::__private::runtime
);
// END generated operation list

/// What generated code and the macro need, under a path pinned to this crate's version of the
/// runtime, so users never add the runtime or serde to their own `Cargo.toml`.
#[doc(hidden)]
pub mod __private {
    pub use acs_runtime as runtime;
}
