//! Operations of group `NatGateways` of the `vpc` crate, generated at compile time from its
//! specs by `acs-codegen import --facade vpc`. Depend on `vpc` (feature `nat-gateways`).
#![allow(deprecated)]

#[cfg(feature = "ConvertBandwidthPackage")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ConvertBandwidthPackage.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateForwardEntry")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CreateForwardEntry.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateFullNatEntry")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CreateFullNatEntry.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateNatGateway")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CreateNatGateway.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateNatIp")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CreateNatIp.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateNatIpCidr")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CreateNatIpCidr.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateSnatEntry")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CreateSnatEntry.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteForwardEntry")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DeleteForwardEntry.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteFullNatEntry")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DeleteFullNatEntry.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteNatGateway")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DeleteNatGateway.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteNatIp")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DeleteNatIp.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteNatIpCidr")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DeleteNatIpCidr.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteSnatEntry")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DeleteSnatEntry.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeForwardTableEntries")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeForwardTableEntries.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeNatGateways")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeNatGateways.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeSnatTableEntries")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeSnatTableEntries.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DisableNatGatewayEcsMetric")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DisableNatGatewayEcsMetric.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "EnableNatGatewayEcsMetric")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/EnableNatGatewayEcsMetric.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "GetNatGatewayAttribute")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/GetNatGatewayAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ListEnhanhcedNatGatewayAvailableZones")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ListEnhanhcedNatGatewayAvailableZones.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ListFullNatEntries")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ListFullNatEntries.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ListNatIpCidrs")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ListNatIpCidrs.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ListNatIps")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ListNatIps.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyForwardEntry")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ModifyForwardEntry.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyFullNatEntryAttribute")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ModifyFullNatEntryAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyNatGatewayAttribute")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ModifyNatGatewayAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyNatGatewaySpec")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ModifyNatGatewaySpec.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyNatIpAttribute")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ModifyNatIpAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyNatIpCidrAttribute")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ModifyNatIpCidrAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifySnatEntry")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ModifySnatEntry.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "UpdateNatGatewayNatType")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/UpdateNatGatewayNatType.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "VpcDescribeVpcNatGatewayNetworkInterfaceQuota")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/VpcDescribeVpcNatGatewayNetworkInterfaceQuota.json",
    runtime = ::acs_runtime
);
