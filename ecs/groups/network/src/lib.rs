//! Operations of group `Network` of the `ecs` crate, generated at compile time from its
//! specs by `acs-codegen import --facade ecs`. Depend on `ecs` (feature `network`).
#![allow(deprecated)]

#[cfg(feature = "AllocatePublicIpAddress")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/AllocatePublicIpAddress.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "AttachClassicLinkVpc")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/AttachClassicLinkVpc.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ConvertNatPublicIpToEip")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ConvertNatPublicIpToEip.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeBandwidthLimitation")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeBandwidthLimitation.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeClassicLinkInstances")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeClassicLinkInstances.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DetachClassicLinkVpc")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DetachClassicLinkVpc.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyInstanceNetworkSpec")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifyInstanceNetworkSpec.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyInstanceVpcAttribute")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifyInstanceVpcAttribute.json",
    runtime = ::acs_runtime
);
