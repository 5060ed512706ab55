//! Typed, validated, signed client for Alibaba Cloud Simple Application Server
//! (`SWAS-OPEN`, API version `2020-06-01`), generated at compile time from `specs/`.
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
