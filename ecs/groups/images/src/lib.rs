//! Operations of group `Images` of the `ecs` crate, generated at compile time from its
//! specs by `acs-codegen import --facade ecs`. Depend on `ecs` (feature `images`).
#![allow(deprecated)]

#[cfg(feature = "CancelCopyImage")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/CancelCopyImage.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CopyImage")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/CopyImage.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateImage")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/CreateImage.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteImage")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DeleteImage.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeImageFromFamily")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeImageFromFamily.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeImageSharePermission")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeImageSharePermission.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeImageSupportInstanceTypes")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeImageSupportInstanceTypes.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeImages")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeImages.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ExportImage")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ExportImage.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ImportImage")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ImportImage.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyImageAttribute")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifyImageAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyImageShareGroupPermission")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifyImageShareGroupPermission.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyImageSharePermission")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifyImageSharePermission.json",
    runtime = ::acs_runtime
);
