//! Operations of group `Snapshots` of the `ecs` crate, generated at compile time from its
//! specs by `acs-codegen import --facade ecs`. Depend on `ecs` (feature `snapshots`).
#![allow(deprecated)]

#[cfg(feature = "ApplyAutoSnapshotPolicy")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ApplyAutoSnapshotPolicy.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CancelAutoSnapshotPolicy")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/CancelAutoSnapshotPolicy.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CopySnapshot")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/CopySnapshot.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateAutoSnapshotPolicy")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/CreateAutoSnapshotPolicy.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateSnapshot")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/CreateSnapshot.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateSnapshotGroup")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/CreateSnapshotGroup.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteAutoSnapshotPolicy")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DeleteAutoSnapshotPolicy.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteSnapshot")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DeleteSnapshot.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteSnapshotGroup")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DeleteSnapshotGroup.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeAutoSnapshotPolicyEx")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeAutoSnapshotPolicyEx.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeSnapshotGroups")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeSnapshotGroups.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeSnapshotLinks")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeSnapshotLinks.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeSnapshotPackage")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeSnapshotPackage.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeSnapshots")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeSnapshots.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeSnapshotsUsage")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeSnapshotsUsage.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyAutoSnapshotPolicyEx")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifyAutoSnapshotPolicyEx.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifySnapshotAttribute")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifySnapshotAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifySnapshotGroup")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifySnapshotGroup.json",
    runtime = ::acs_runtime
);
