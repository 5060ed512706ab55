//! Operations of group `HpcClusters` of the `ecs` crate, generated at compile time from its
//! specs by `acs-codegen import --facade ecs`. Depend on `ecs` (feature `hpc-clusters`).
#![allow(deprecated)]

#[cfg(feature = "CreateHpcCluster")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/CreateHpcCluster.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteHpcCluster")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DeleteHpcCluster.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeHpcClusters")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeHpcClusters.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyHpcClusterAttribute")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifyHpcClusterAttribute.json",
    runtime = ::acs_runtime
);
