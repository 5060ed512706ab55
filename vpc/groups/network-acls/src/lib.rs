//! Operations of group `NetworkAcls` of the `vpc` crate, generated at compile time from its
//! specs by `acs-codegen import --facade vpc`. Depend on `vpc` (feature `network-acls`).
#![allow(deprecated)]

#[cfg(feature = "AssociateNetworkAcl")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/AssociateNetworkAcl.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CopyNetworkAclEntries")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CopyNetworkAclEntries.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateNetworkAcl")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CreateNetworkAcl.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteNetworkAcl")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DeleteNetworkAcl.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeNetworkAclAttributes")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeNetworkAclAttributes.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeNetworkAcls")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeNetworkAcls.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyNetworkAclAttributes")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ModifyNetworkAclAttributes.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "UnassociateNetworkAcl")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/UnassociateNetworkAcl.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "UpdateNetworkAclEntries")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/UpdateNetworkAclEntries.json",
    runtime = ::acs_runtime
);
