//! Operations of group `NetworkInterfaces` of the `ecs` crate, generated at compile time from its
//! specs by `acs-codegen import --facade ecs`. Depend on `ecs` (feature `network-interfaces`).
#![allow(deprecated)]

#[cfg(feature = "AssignIpv6Addresses")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/AssignIpv6Addresses.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "AssignPrivateIpAddresses")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/AssignPrivateIpAddresses.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "AttachNetworkInterface")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/AttachNetworkInterface.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateNetworkInterface")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/CreateNetworkInterface.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateNetworkInterfacePermission")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/CreateNetworkInterfacePermission.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteNetworkInterface")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DeleteNetworkInterface.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeNetworkInterfaceAttribute")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeNetworkInterfaceAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeNetworkInterfacePermissions")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeNetworkInterfacePermissions.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeNetworkInterfaces")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeNetworkInterfaces.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DetachNetworkInterface")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DetachNetworkInterface.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyNetworkInterfaceAttribute")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifyNetworkInterfaceAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "UnassignIpv6Addresses")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/UnassignIpv6Addresses.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "UnassignPrivateIpAddresses")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/UnassignPrivateIpAddresses.json",
    runtime = ::acs_runtime
);
