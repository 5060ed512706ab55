//! Operations of group `TransitRouterVpnAttachments` of the `vpc` crate, generated at compile time from its
//! specs by `acs-codegen import --facade vpc`. Depend on `vpc` (feature `transit-router-vpn-attachments`).
#![allow(deprecated)]

#[cfg(feature = "CheckVpnBgpEnabled")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CheckVpnBgpEnabled.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateVcoRouteEntry")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CreateVcoRouteEntry.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateVpnAttachment")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CreateVpnAttachment.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteVcoRouteEntry")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DeleteVcoRouteEntry.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteVpnAttachment")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DeleteVpnAttachment.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeVcoRouteEntries")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeVcoRouteEntries.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeVpnAttachments")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeVpnAttachments.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeVpnCrossAccountAuthorizations")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeVpnCrossAccountAuthorizations.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyVcoRouteEntryWeight")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ModifyVcoRouteEntryWeight.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyVpnAttachmentAttribute")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ModifyVpnAttachmentAttribute.json",
    runtime = ::acs_runtime
);
