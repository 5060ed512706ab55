//! Operations of group `Ipv4Gateways` of the `vpc` crate, generated at compile time from its
//! specs by `acs-codegen import --facade vpc`. Depend on `vpc` (feature `ipv4-gateways`).
#![allow(deprecated)]

#[cfg(feature = "AssociateRouteTableWithGateway")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/AssociateRouteTableWithGateway.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateIpv4Gateway")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CreateIpv4Gateway.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteIpv4Gateway")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DeleteIpv4Gateway.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DissociateRouteTableFromGateway")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DissociateRouteTableFromGateway.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "EnableVpcIpv4Gateway")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/EnableVpcIpv4Gateway.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "GetIpv4GatewayAttribute")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/GetIpv4GatewayAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ListGatewayRouteTableEntries")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ListGatewayRouteTableEntries.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ListIpv4Gateways")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ListIpv4Gateways.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "UpdateGatewayRouteTableEntryAttribute")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/UpdateGatewayRouteTableEntryAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "UpdateIpv4GatewayAttribute")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/UpdateIpv4GatewayAttribute.json",
    runtime = ::acs_runtime
);
