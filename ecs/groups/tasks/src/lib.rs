//! Operations of group `Tasks` of the `ecs` crate, generated at compile time from its
//! specs by `acs-codegen import --facade ecs`. Depend on `ecs` (feature `tasks`).
#![allow(deprecated)]

#[cfg(feature = "CancelTask")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/CancelTask.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeTaskAttribute")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeTaskAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeTasks")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeTasks.json",
    runtime = ::acs_runtime
);
