//! Operations of group `Eips` of the `vpc` crate, generated at compile time from its
//! specs by `acs-codegen import --facade vpc`. Depend on `vpc` (feature `eips`).
#![allow(deprecated)]

#[cfg(feature = "AddPublicIpAddressPoolCidrBlock")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/AddPublicIpAddressPoolCidrBlock.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "AllocateEipAddress")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/AllocateEipAddress.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "AllocateEipAddressPro")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/AllocateEipAddressPro.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "AllocateEipSegmentAddress")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/AllocateEipSegmentAddress.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "AssociateEipAddress")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/AssociateEipAddress.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "AssociateEipAddressBatch")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/AssociateEipAddressBatch.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreatePublicIpAddressPool")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CreatePublicIpAddressPool.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeletePublicIpAddressPool")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DeletePublicIpAddressPool.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeletePublicIpAddressPoolCidrBlock")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DeletePublicIpAddressPoolCidrBlock.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeEipAddresses")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeEipAddresses.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeEipGatewayInfo")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeEipGatewayInfo.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeEipMonitorData")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeEipMonitorData.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeEipSegment")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeEipSegment.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeHighDefinitionMonitorLogAttribute")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeHighDefinitionMonitorLogAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribePublicIpAddress")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribePublicIpAddress.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ListPublicIpAddressPoolCidrBlocks")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ListPublicIpAddressPoolCidrBlocks.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ListPublicIpAddressPools")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ListPublicIpAddressPools.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyEipAddressAttribute")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ModifyEipAddressAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ReleaseEipAddress")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ReleaseEipAddress.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ReleaseEipSegmentAddress")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ReleaseEipSegmentAddress.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "SetHighDefinitionMonitorLogStatus")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/SetHighDefinitionMonitorLogStatus.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "UnassociateEipAddress")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/UnassociateEipAddress.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "UpdatePublicIpAddressPoolAttribute")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/UpdatePublicIpAddressPoolAttribute.json",
    runtime = ::acs_runtime
);
