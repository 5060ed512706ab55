//! Operations of group `LaunchTemplates` of the `ecs` crate, generated at compile time from its
//! specs by `acs-codegen import --facade ecs`. Depend on `ecs` (feature `launch-templates`).
#![allow(deprecated)]

#[cfg(feature = "CreateLaunchTemplate")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/CreateLaunchTemplate.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateLaunchTemplateVersion")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/CreateLaunchTemplateVersion.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteLaunchTemplate")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DeleteLaunchTemplate.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteLaunchTemplateVersion")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DeleteLaunchTemplateVersion.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeLaunchTemplateVersions")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeLaunchTemplateVersions.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeLaunchTemplates")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeLaunchTemplates.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyLaunchTemplateDefaultVersion")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifyLaunchTemplateDefaultVersion.json",
    runtime = ::acs_runtime
);
