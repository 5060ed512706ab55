//! Operations of group `Routers` of the `vpc` crate, generated at compile time from its
//! specs by `acs-codegen import --facade vpc`. Depend on `vpc` (feature `routers`).
#![allow(deprecated)]

#[cfg(feature = "DescribeVRouters")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeVRouters.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyVRouterAttribute")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ModifyVRouterAttribute.json",
    runtime = ::acs_runtime
);
