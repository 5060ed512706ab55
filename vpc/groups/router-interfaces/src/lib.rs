//! Operations of group `RouterInterfaces` of the `vpc` crate, generated at compile time from its
//! specs by `acs-codegen import --facade vpc`. Depend on `vpc` (feature `router-interfaces`).
#![allow(deprecated)]

#[cfg(feature = "ActivateRouterInterface")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ActivateRouterInterface.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ConnectRouterInterface")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ConnectRouterInterface.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateRouterInterface")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CreateRouterInterface.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeactivateRouterInterface")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DeactivateRouterInterface.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteRouterInterface")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DeleteRouterInterface.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeEcGrantRelation")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeEcGrantRelation.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeRouterInterfaceAttribute")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeRouterInterfaceAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeRouterInterfaces")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeRouterInterfaces.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "GrantInstanceToVbr")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/GrantInstanceToVbr.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyRouterInterfaceAttribute")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ModifyRouterInterfaceAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyRouterInterfaceSpec")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ModifyRouterInterfaceSpec.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "RevokeInstanceFromVbr")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/RevokeInstanceFromVbr.json",
    runtime = ::acs_runtime
);
