//! Operations of group `Regions` of the `ecs` crate, generated at compile time from its
//! specs by `acs-codegen import --facade ecs`. Depend on `ecs` (feature `regions`).
#![allow(deprecated)]

#[cfg(feature = "DescribeAccountAttributes")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeAccountAttributes.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeAvailableResource")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeAvailableResource.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeRecommendInstanceType")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeRecommendInstanceType.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeRegions")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeRegions.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeResourcesModification")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeResourcesModification.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeZones")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeZones.json",
    runtime = ::acs_runtime
);
