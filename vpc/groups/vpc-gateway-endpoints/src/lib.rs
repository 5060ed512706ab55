//! Operations of group `VpcGatewayEndpoints` of the `vpc` crate, generated at compile time from its
//! specs by `acs-codegen import --facade vpc`. Depend on `vpc` (feature `vpc-gateway-endpoints`).
#![allow(deprecated)]

#[cfg(feature = "AssociateRouteTablesWithVpcGatewayEndpoint")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/AssociateRouteTablesWithVpcGatewayEndpoint.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateVpcGatewayEndpoint")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CreateVpcGatewayEndpoint.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteVpcGatewayEndpoint")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DeleteVpcGatewayEndpoint.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DissociateRouteTablesFromVpcGatewayEndpoint")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DissociateRouteTablesFromVpcGatewayEndpoint.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "GetVpcGatewayEndpointAttribute")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/GetVpcGatewayEndpointAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ListVpcEndpointServicesByEndUser")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ListVpcEndpointServicesByEndUser.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ListVpcGatewayEndpoints")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ListVpcGatewayEndpoints.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "UpdateVpcGatewayEndpointAttribute")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/UpdateVpcGatewayEndpointAttribute.json",
    runtime = ::acs_runtime
);
