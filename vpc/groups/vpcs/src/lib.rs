//! Operations of group `Vpcs` of the `vpc` crate, generated at compile time from its
//! specs by `acs-codegen import --facade vpc`. Depend on `vpc` (feature `vpcs`).
#![allow(deprecated)]

#[cfg(feature = "AllocateVpcIpv6Cidr")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/AllocateVpcIpv6Cidr.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "AssociateVpcCidrBlock")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/AssociateVpcCidrBlock.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateDefaultVpc")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CreateDefaultVpc.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateVpc")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CreateVpc.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteVpc")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DeleteVpc.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeletionProtection")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DeletionProtection.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeGrantRulesToCen")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeGrantRulesToCen.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeVpcAttribute")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeVpcAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeVpcs")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeVpcs.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DisableVpcClassicLink")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DisableVpcClassicLink.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "EnableVpcClassicLink")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/EnableVpcClassicLink.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "GrantInstanceToCen")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/GrantInstanceToCen.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyVpcAttribute")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ModifyVpcAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "RevokeInstanceFromCen")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/RevokeInstanceFromCen.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "UnassociateVpcCidrBlock")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/UnassociateVpcCidrBlock.json",
    runtime = ::acs_runtime
);
