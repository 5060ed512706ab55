//! Operations of group `Deprecated` of the `ecs` crate, generated at compile time from its
//! specs by `acs-codegen import --facade ecs`. Depend on `ecs` (feature `deprecated`).
#![allow(deprecated)]

#[cfg(feature = "ActivateRouterInterface")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ActivateRouterInterface.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "AddBandwidthPackageIps")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/AddBandwidthPackageIps.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "AllocateEipAddress")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/AllocateEipAddress.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "AssociateEipAddress")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/AssociateEipAddress.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "AssociateHaVip")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/AssociateHaVip.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CancelPhysicalConnection")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/CancelPhysicalConnection.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ConnectRouterInterface")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ConnectRouterInterface.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateForwardEntry")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/CreateForwardEntry.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateHaVip")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/CreateHaVip.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateNatGateway")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/CreateNatGateway.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreatePhysicalConnection")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/CreatePhysicalConnection.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateRouteEntry")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/CreateRouteEntry.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateRouterInterface")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/CreateRouterInterface.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateVSwitch")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/CreateVSwitch.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateVirtualBorderRouter")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/CreateVirtualBorderRouter.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateVpc")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/CreateVpc.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeactivateRouterInterface")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DeactivateRouterInterface.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteBandwidthPackage")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DeleteBandwidthPackage.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteForwardEntry")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DeleteForwardEntry.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteHaVip")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DeleteHaVip.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteNatGateway")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DeleteNatGateway.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteNetworkInterfacePermission")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DeleteNetworkInterfacePermission.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeletePhysicalConnection")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DeletePhysicalConnection.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteRouteEntry")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DeleteRouteEntry.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteRouterInterface")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DeleteRouterInterface.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteVSwitch")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DeleteVSwitch.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteVirtualBorderRouter")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DeleteVirtualBorderRouter.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteVpc")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DeleteVpc.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeAccessPoints")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeAccessPoints.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeBandwidthPackages")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeBandwidthPackages.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeClusters")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeClusters.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeEipAddresses")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeEipAddresses.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeEipMonitorData")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeEipMonitorData.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeForwardTableEntries")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeForwardTableEntries.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeHaVips")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeHaVips.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeLimitation")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeLimitation.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeNatGateways")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeNatGateways.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeNewProjectEipMonitorData")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeNewProjectEipMonitorData.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribePhysicalConnections")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribePhysicalConnections.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeRouteTables")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeRouteTables.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeRouterInterfaces")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeRouterInterfaces.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeUserBusinessBehavior")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeUserBusinessBehavior.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeVRouters")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeVRouters.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeVSwitches")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeVSwitches.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeVirtualBorderRouters")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeVirtualBorderRouters.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeVirtualBorderRoutersForPhysicalConnection")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeVirtualBorderRoutersForPhysicalConnection.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeVpcs")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeVpcs.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "EnablePhysicalConnection")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/EnablePhysicalConnection.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ExportSnapshot")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ExportSnapshot.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyBandwidthPackageSpec")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifyBandwidthPackageSpec.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyEipAddressAttribute")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifyEipAddressAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyForwardEntry")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifyForwardEntry.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyHaVipAttribute")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifyHaVipAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyPhysicalConnectionAttribute")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifyPhysicalConnectionAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyRouterInterfaceAttribute")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifyRouterInterfaceAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyRouterInterfaceSpec")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifyRouterInterfaceSpec.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyUserBusinessBehavior")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifyUserBusinessBehavior.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyVRouterAttribute")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifyVRouterAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyVSwitchAttribute")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifyVSwitchAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyVirtualBorderRouterAttribute")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifyVirtualBorderRouterAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyVpcAttribute")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifyVpcAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "RecoverVirtualBorderRouter")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/RecoverVirtualBorderRouter.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ReleaseEipAddress")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ReleaseEipAddress.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ReleasePublicIpAddress")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ReleasePublicIpAddress.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "RemoveBandwidthPackageIps")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/RemoveBandwidthPackageIps.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "TerminatePhysicalConnection")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/TerminatePhysicalConnection.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "TerminateVirtualBorderRouter")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/TerminateVirtualBorderRouter.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "UnassociateEipAddress")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/UnassociateEipAddress.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "UnassociateHaVip")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/UnassociateHaVip.json",
    runtime = ::acs_runtime
);
