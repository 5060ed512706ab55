//! Operations of group `Monitoring` of the `ecs` crate, generated at compile time from its
//! specs by `acs-codegen import --facade ecs`. Depend on `ecs` (feature `monitoring`).
#![allow(deprecated)]

#[cfg(feature = "DescribeDiskMonitorData")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeDiskMonitorData.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeEniMonitorData")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeEniMonitorData.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeInstanceMaintenanceAttributes")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeInstanceMaintenanceAttributes.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeInstanceMonitorData")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeInstanceMonitorData.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeSnapshotMonitorData")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeSnapshotMonitorData.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "GetInstanceConsoleOutput")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/GetInstanceConsoleOutput.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "GetInstanceScreenshot")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/GetInstanceScreenshot.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyInstanceMaintenanceAttributes")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifyInstanceMaintenanceAttributes.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "RedeployInstance")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/RedeployInstance.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ReportInstancesStatus")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ReportInstancesStatus.json",
    runtime = ::acs_runtime
);
