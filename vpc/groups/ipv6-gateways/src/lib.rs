//! Operations of group `Ipv6Gateways` of the `vpc` crate, generated at compile time from its
//! specs by `acs-codegen import --facade vpc`. Depend on `vpc` (feature `ipv6-gateways`).
#![allow(deprecated)]

#[cfg(feature = "AllocateIpv6Address")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/AllocateIpv6Address.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "AllocateIpv6InternetBandwidth")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/AllocateIpv6InternetBandwidth.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateIpv6EgressOnlyRule")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CreateIpv6EgressOnlyRule.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateIpv6Gateway")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CreateIpv6Gateway.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteIpv6EgressOnlyRule")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DeleteIpv6EgressOnlyRule.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteIpv6Gateway")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DeleteIpv6Gateway.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteIpv6InternetBandwidth")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DeleteIpv6InternetBandwidth.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeIpv6Addresses")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeIpv6Addresses.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeIpv6EgressOnlyRules")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeIpv6EgressOnlyRules.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeIpv6GatewayAttribute")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeIpv6GatewayAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeIpv6Gateways")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeIpv6Gateways.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyIpv6AddressAttribute")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ModifyIpv6AddressAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyIpv6GatewayAttribute")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ModifyIpv6GatewayAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyIpv6InternetBandwidth")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ModifyIpv6InternetBandwidth.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ReleaseIpv6Address")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ReleaseIpv6Address.json",
    runtime = ::acs_runtime
);
