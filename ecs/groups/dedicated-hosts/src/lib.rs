//! Operations of group `DedicatedHosts` of the `ecs` crate, generated at compile time from its
//! specs by `acs-codegen import --facade ecs`. Depend on `ecs` (feature `dedicated-hosts`).
#![allow(deprecated)]

#[cfg(feature = "AllocateDedicatedHosts")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/AllocateDedicatedHosts.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateDedicatedHostCluster")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/CreateDedicatedHostCluster.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteDedicatedHostCluster")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DeleteDedicatedHostCluster.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeDedicatedHostAutoRenew")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeDedicatedHostAutoRenew.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeDedicatedHostClusters")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeDedicatedHostClusters.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeDedicatedHostTypes")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeDedicatedHostTypes.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeDedicatedHosts")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeDedicatedHosts.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyDedicatedHostAttribute")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifyDedicatedHostAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyDedicatedHostAutoReleaseTime")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifyDedicatedHostAutoReleaseTime.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyDedicatedHostAutoRenewAttribute")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifyDedicatedHostAutoRenewAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyDedicatedHostClusterAttribute")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifyDedicatedHostClusterAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyDedicatedHostsChargeType")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifyDedicatedHostsChargeType.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyInstanceDeployment")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifyInstanceDeployment.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "RedeployDedicatedHost")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/RedeployDedicatedHost.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ReleaseDedicatedHost")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ReleaseDedicatedHost.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "RenewDedicatedHosts")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/RenewDedicatedHosts.json",
    runtime = ::acs_runtime
);
