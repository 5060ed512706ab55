//! Operations of group `Regions` of the `vpc` crate, generated at compile time from its
//! specs by `acs-codegen import --facade vpc`. Depend on `vpc` (feature `regions`).
#![allow(deprecated)]

#[cfg(feature = "DescribeRegions")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeRegions.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeZones")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeZones.json",
    runtime = ::acs_runtime
);
