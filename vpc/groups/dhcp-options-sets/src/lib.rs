//! Operations of group `DhcpOptionsSets` of the `vpc` crate, generated at compile time from its
//! specs by `acs-codegen import --facade vpc`. Depend on `vpc` (feature `dhcp-options-sets`).
#![allow(deprecated)]

#[cfg(feature = "AttachDhcpOptionsSetToVpc")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/AttachDhcpOptionsSetToVpc.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateDhcpOptionsSet")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CreateDhcpOptionsSet.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteDhcpOptionsSet")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DeleteDhcpOptionsSet.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DetachDhcpOptionsSetFromVpc")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DetachDhcpOptionsSetFromVpc.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "GetDhcpOptionsSet")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/GetDhcpOptionsSet.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ListDhcpOptionsSets")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ListDhcpOptionsSets.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ReplaceVpcDhcpOptionsSet")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ReplaceVpcDhcpOptionsSet.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "UpdateDhcpOptionsSetAttribute")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/UpdateDhcpOptionsSetAttribute.json",
    runtime = ::acs_runtime
);
