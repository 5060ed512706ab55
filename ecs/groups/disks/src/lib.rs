//! Operations of group `Disks` of the `ecs` crate, generated at compile time from its
//! specs by `acs-codegen import --facade ecs`. Depend on `ecs` (feature `disks`).
#![allow(deprecated)]

#[cfg(feature = "AttachDisk")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/AttachDisk.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateDisk")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/CreateDisk.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteDisk")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DeleteDisk.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeDisks")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeDisks.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DetachDisk")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DetachDisk.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyDiskAttribute")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifyDiskAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyDiskChargeType")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifyDiskChargeType.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyDiskSpec")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifyDiskSpec.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ReInitDisk")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ReInitDisk.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ReplaceSystemDisk")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ReplaceSystemDisk.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ResetDisk")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ResetDisk.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ResetDisks")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ResetDisks.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ResizeDisk")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ResizeDisk.json",
    runtime = ::acs_runtime
);
