//! Operations of group `VpnGateways` of the `vpc` crate, generated at compile time from its
//! specs by `acs-codegen import --facade vpc`. Depend on `vpc` (feature `vpn-gateways`).
#![allow(deprecated)]

#[cfg(feature = "AssociateVpnGatewayWithCertificate")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/AssociateVpnGatewayWithCertificate.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateVpnGateway")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CreateVpnGateway.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteVpnGateway")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DeleteVpnGateway.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeVpnGateway")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeVpnGateway.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeVpnGatewayAvailableZones")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeVpnGatewayAvailableZones.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeVpnGateways")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeVpnGateways.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DiagnoseVpnGateway")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DiagnoseVpnGateway.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DissociateVpnGatewayWithCertificate")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DissociateVpnGatewayWithCertificate.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "GetVpnGatewayDiagnoseResult")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/GetVpnGatewayDiagnoseResult.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ListVpnCertificateAssociations")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ListVpnCertificateAssociations.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyVpnGatewayAttribute")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ModifyVpnGatewayAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "MoveVpnResourceGroup")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/MoveVpnResourceGroup.json",
    runtime = ::acs_runtime
);
