//! Operations of group `AutoProvisioningGroups` of the `ecs` crate, generated at compile time from its
//! specs by `acs-codegen import --facade ecs`. Depend on `ecs` (feature `auto-provisioning-groups`).
#![allow(deprecated)]

#[cfg(feature = "CreateAutoProvisioningGroup")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/CreateAutoProvisioningGroup.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteAutoProvisioningGroup")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DeleteAutoProvisioningGroup.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeAutoProvisioningGroupHistory")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeAutoProvisioningGroupHistory.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeAutoProvisioningGroupInstances")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeAutoProvisioningGroupInstances.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeAutoProvisioningGroups")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeAutoProvisioningGroups.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyAutoProvisioningGroup")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifyAutoProvisioningGroup.json",
    runtime = ::acs_runtime
);
