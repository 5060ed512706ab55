//! Operations of group `ResourceGroups` of the `vpc` crate, generated at compile time from its
//! specs by `acs-codegen import --facade vpc`. Depend on `vpc` (feature `resource-groups`).
#![allow(deprecated)]

#[cfg(feature = "ChangeResourceGroup")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ChangeResourceGroup.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "MoveResourceGroup")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/MoveResourceGroup.json",
    runtime = ::acs_runtime
);
