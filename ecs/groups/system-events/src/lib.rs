//! Operations of group `SystemEvents` of the `ecs` crate, generated at compile time from its
//! specs by `acs-codegen import --facade ecs`. Depend on `ecs` (feature `system-events`).
#![allow(deprecated)]

#[cfg(feature = "AcceptInquiredSystemEvent")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/AcceptInquiredSystemEvent.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CancelSimulatedSystemEvents")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/CancelSimulatedSystemEvents.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateSimulatedSystemEvents")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/CreateSimulatedSystemEvents.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeDisksFullStatus")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeDisksFullStatus.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeInstanceHistoryEvents")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeInstanceHistoryEvents.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeInstancesFullStatus")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeInstancesFullStatus.json",
    runtime = ::acs_runtime
);
