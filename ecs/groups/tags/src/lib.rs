//! Operations of group `Tags` of the `ecs` crate, generated at compile time from its
//! specs by `acs-codegen import --facade ecs`. Depend on `ecs` (feature `tags`).
#![allow(deprecated)]

#[cfg(feature = "AddTags")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/AddTags.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeResourceByTags")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeResourceByTags.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeTags")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribeTags.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "JoinResourceGroup")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/JoinResourceGroup.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ListTagResources")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ListTagResources.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "RemoveTags")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/RemoveTags.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "TagResources")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/TagResources.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "UntagResources")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/UntagResources.json",
    runtime = ::acs_runtime
);
