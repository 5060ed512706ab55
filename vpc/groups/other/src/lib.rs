//! Operations of group `Other` of the `vpc` crate, generated at compile time from its
//! specs by `acs-codegen import --facade vpc`. Depend on `vpc` (feature `other`).
#![allow(deprecated)]

#[cfg(feature = "DeleteExpressConnect")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DeleteExpressConnect.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeGrantRulesToEcr")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeGrantRulesToEcr.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeNatGatewayAssociateNetworkInterfaces")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeNatGatewayAssociateNetworkInterfaces.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeVpcGrantRulesToEcr")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeVpcGrantRulesToEcr.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "GetPublicIpAddressPoolServiceStatus")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/GetPublicIpAddressPoolServiceStatus.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ListBusinessRegions")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ListBusinessRegions.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ListPhysicalConnectionFeatures")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ListPhysicalConnectionFeatures.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ListVpcPublishedRouteEntries")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ListVpcPublishedRouteEntries.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyEipForwardMode")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ModifyEipForwardMode.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "OpenPublicIpAddressPoolService")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/OpenPublicIpAddressPoolService.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "PublishVpcRouteEntries")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/PublishVpcRouteEntries.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "TransformEipSegmentToPublicIpAddressPool")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/TransformEipSegmentToPublicIpAddressPool.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "WithdrawVpcPublishedRouteEntries")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/WithdrawVpcPublishedRouteEntries.json",
    runtime = ::acs_runtime
);
