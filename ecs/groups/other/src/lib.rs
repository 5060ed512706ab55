//! Operations of group `Other` of the `ecs` crate, generated at compile time from its
//! specs by `acs-codegen import --facade ecs`. Depend on `ecs` (feature `other`).
#![allow(deprecated)]

#[cfg(feature = "CreatePortRangeList")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/CreatePortRangeList.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeletePortRangeList")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DeletePortRangeList.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeAutoSnapshotPolicyAssociations")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeAutoSnapshotPolicyAssociations.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeDiskDefaultKMSKeyId")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeDiskDefaultKMSKeyId.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeDiskEncryptionByDefaultStatus")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeDiskEncryptionByDefaultStatus.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeElasticityAssuranceAutoRenewAttribute")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeElasticityAssuranceAutoRenewAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribePortRangeListAssociations")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribePortRangeListAssociations.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribePortRangeListEntries")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribePortRangeListEntries.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribePortRangeLists")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribePortRangeLists.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DisableDiskEncryptionByDefault")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DisableDiskEncryptionByDefault.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "EnableDiskEncryptionByDefault")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/EnableDiskEncryptionByDefault.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "EndTerminalSession")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/EndTerminalSession.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyDiskDefaultKMSKeyId")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifyDiskDefaultKMSKeyId.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyDiskDeployment")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifyDiskDeployment.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyElasticityAssuranceAutoRenewAttribute")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifyElasticityAssuranceAutoRenewAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyInstanceClockOptions")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifyInstanceClockOptions.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyInstanceNetworkOptions")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifyInstanceNetworkOptions.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyPortRangeList")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifyPortRangeList.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifySnapshotCategory")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifySnapshotCategory.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "OpenSnapshotService")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/OpenSnapshotService.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "PurchaseElasticityAssurance")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/PurchaseElasticityAssurance.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "RenewElasticityAssurances")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/RenewElasticityAssurances.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ResetDiskDefaultKMSKeyId")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ResetDiskDefaultKMSKeyId.json",
    runtime = ::acs_runtime
);
