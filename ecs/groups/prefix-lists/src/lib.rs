//! Operations of group `PrefixLists` of the `ecs` crate, generated at compile time from its
//! specs by `acs-codegen import --facade ecs`. Depend on `ecs` (feature `prefix-lists`).
#![allow(deprecated)]

#[cfg(feature = "CreatePrefixList")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/CreatePrefixList.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeletePrefixList")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DeletePrefixList.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribePrefixListAssociations")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribePrefixListAssociations.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribePrefixListAttributes")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribePrefixListAttributes.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribePrefixLists")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/DescribePrefixLists.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyPrefixList")]
acs_macros::generate!(
    spec = "../../../specs/ecs-2014-05-26/ModifyPrefixList.json",
    runtime = ::acs_runtime
);
