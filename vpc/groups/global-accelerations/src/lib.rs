//! Operations of group `GlobalAccelerations` of the `vpc` crate, generated at compile time from its
//! specs by `acs-codegen import --facade vpc`. Depend on `vpc` (feature `global-accelerations`).
#![allow(deprecated)]

#[cfg(feature = "AddGlobalAccelerationInstanceIp")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/AddGlobalAccelerationInstanceIp.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateGlobalAccelerationInstance")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CreateGlobalAccelerationInstance.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteGlobalAccelerationInstance")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DeleteGlobalAccelerationInstance.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeGlobalAccelerationInstances")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeGlobalAccelerationInstances.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeServerRelatedGlobalAccelerationInstances")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeServerRelatedGlobalAccelerationInstances.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyGlobalAccelerationInstanceAttributes")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ModifyGlobalAccelerationInstanceAttributes.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyGlobalAccelerationInstanceSpec")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ModifyGlobalAccelerationInstanceSpec.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "RemoveGlobalAccelerationInstanceIp")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/RemoveGlobalAccelerationInstanceIp.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "UnassociateGlobalAccelerationInstance")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/UnassociateGlobalAccelerationInstance.json",
    runtime = ::acs_runtime
);
