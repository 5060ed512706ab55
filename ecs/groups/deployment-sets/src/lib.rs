//! Operations of group `DeploymentSets` of the `ecs` crate, generated at compile time from its
//! specs by `acs-codegen import --facade ecs`. Depend on `ecs` (feature `deployment-sets`).
#![allow(deprecated)]

#[cfg(feature = "CreateDeploymentSet")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/CreateDeploymentSet.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteDeploymentSet")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DeleteDeploymentSet.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeDeploymentSetSupportedInstanceTypeFamily")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeDeploymentSetSupportedInstanceTypeFamily.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeDeploymentSets")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeDeploymentSets.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyDeploymentSetAttribute")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifyDeploymentSetAttribute.json",
    runtime = ::acs_runtime
);
