//! Operations of group `Pricing` of the `ecs` crate, generated at compile time from its
//! specs by `acs-codegen import --facade ecs`. Depend on `ecs` (feature `pricing`).
#![allow(deprecated)]

#[cfg(feature = "DescribeInstanceModificationPrice")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeInstanceModificationPrice.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribePrice")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribePrice.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeRenewalPrice")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeRenewalPrice.json",
    runtime = ::acs_runtime
);
