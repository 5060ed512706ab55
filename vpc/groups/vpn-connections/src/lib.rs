//! Operations of group `VpnConnections` of the `vpc` crate, generated at compile time from its
//! specs by `acs-codegen import --facade vpc`. Depend on `vpc` (feature `vpn-connections`).
#![allow(deprecated)]

#[cfg(feature = "CreateVpnConnection")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CreateVpnConnection.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateVpnPbrRouteEntry")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CreateVpnPbrRouteEntry.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateVpnRouteEntry")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CreateVpnRouteEntry.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteVpnConnection")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DeleteVpnConnection.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteVpnPbrRouteEntry")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DeleteVpnPbrRouteEntry.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteVpnRouteEntry")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DeleteVpnRouteEntry.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeVpnConnection")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeVpnConnection.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeVpnConnectionLogs")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeVpnConnectionLogs.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeVpnConnections")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeVpnConnections.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeVpnPbrRouteEntries")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeVpnPbrRouteEntries.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeVpnRouteEntries")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeVpnRouteEntries.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DiagnoseVpnConnections")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DiagnoseVpnConnections.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DownloadVpnConnectionConfig")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DownloadVpnConnectionConfig.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyTunnelAttribute")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ModifyTunnelAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyVpnConnectionAttribute")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ModifyVpnConnectionAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyVpnPbrRouteEntryAttribute")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ModifyVpnPbrRouteEntryAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyVpnPbrRouteEntryPriority")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ModifyVpnPbrRouteEntryPriority.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyVpnPbrRouteEntryWeight")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ModifyVpnPbrRouteEntryWeight.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyVpnRouteEntryWeight")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ModifyVpnRouteEntryWeight.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "PublishVpnRouteEntry")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/PublishVpnRouteEntry.json",
    runtime = ::acs_runtime
);
