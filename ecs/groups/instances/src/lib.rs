//! Operations of group `Instances` of the `ecs` crate, generated at compile time from its
//! specs by `acs-codegen import --facade ecs`. Depend on `ecs` (feature `instances`).
#![allow(deprecated)]

#[cfg(feature = "AttachInstanceRamRole")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/AttachInstanceRamRole.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateInstance")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/CreateInstance.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteInstance")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DeleteInstance.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteInstances")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DeleteInstances.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeInstanceAttribute")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeInstanceAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeInstanceAutoRenewAttribute")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeInstanceAutoRenewAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeInstanceRamRole")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeInstanceRamRole.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeInstanceStatus")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeInstanceStatus.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeInstanceTypeFamilies")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeInstanceTypeFamilies.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeInstanceTypes")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeInstanceTypes.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeInstanceVncUrl")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeInstanceVncUrl.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeInstances")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeInstances.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeSpotAdvice")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeSpotAdvice.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeSpotPriceHistory")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeSpotPriceHistory.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeUserData")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeUserData.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DetachInstanceRamRole")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DetachInstanceRamRole.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyInstanceAttribute")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifyInstanceAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyInstanceAutoReleaseTime")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifyInstanceAutoReleaseTime.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyInstanceAutoRenewAttribute")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifyInstanceAutoRenewAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyInstanceChargeType")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifyInstanceChargeType.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyInstanceMetadataOptions")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifyInstanceMetadataOptions.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyInstanceSpec")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifyInstanceSpec.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyInstanceVncPasswd")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifyInstanceVncPasswd.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyPrepayInstanceSpec")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifyPrepayInstanceSpec.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ReActivateInstances")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ReActivateInstances.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "RebootInstance")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/RebootInstance.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "RebootInstances")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/RebootInstances.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "RenewInstance")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/RenewInstance.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "RunInstances")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/RunInstances.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "StartInstance")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/StartInstance.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "StartInstances")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/StartInstances.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "StopInstance")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/StopInstance.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "StopInstances")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/StopInstances.json",
    runtime = ::acs_runtime
);
