//! Operations of group `VirtualBorderRouters` of the `vpc` crate, generated at compile time from its
//! specs by `acs-codegen import --facade vpc`. Depend on `vpc` (feature `virtual-border-routers`).
#![allow(deprecated)]

#[cfg(feature = "AssociatePhysicalConnectionToVirtualBorderRouter")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/AssociatePhysicalConnectionToVirtualBorderRouter.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateVbrHa")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CreateVbrHa.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateVirtualBorderRouter")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CreateVirtualBorderRouter.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteVbrHa")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DeleteVbrHa.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteVirtualBorderRouter")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DeleteVirtualBorderRouter.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeVbrHa")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeVbrHa.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeVirtualBorderRouters")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeVirtualBorderRouters.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeVirtualBorderRoutersForPhysicalConnection")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeVirtualBorderRoutersForPhysicalConnection.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyVirtualBorderRouterAttribute")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ModifyVirtualBorderRouterAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "RecoverVirtualBorderRouter")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/RecoverVirtualBorderRouter.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "TerminateVirtualBorderRouter")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/TerminateVirtualBorderRouter.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "UnassociatePhysicalConnectionFromVirtualBorderRouter")]
acs_macros::generate!(
    spec =
        "../../../specs/vpc-2016-04-28/UnassociatePhysicalConnectionFromVirtualBorderRouter.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "UpdateVirtualBorderBandwidth")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/UpdateVirtualBorderBandwidth.json",
    runtime = ::acs_runtime
);
