//! Operations of group `PrefixLists` of the `vpc` crate, generated at compile time from its
//! specs by `acs-codegen import --facade vpc`. Depend on `vpc` (feature `prefix-lists`).
#![allow(deprecated)]

#[cfg(feature = "CreateVpcPrefixList")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CreateVpcPrefixList.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteVpcPrefixList")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DeleteVpcPrefixList.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "GetVpcPrefixListAssociations")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/GetVpcPrefixListAssociations.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "GetVpcPrefixListEntries")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/GetVpcPrefixListEntries.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ListPrefixLists")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ListPrefixLists.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyVpcPrefixList")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ModifyVpcPrefixList.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "RetryVpcPrefixListAssociation")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/RetryVpcPrefixListAssociation.json",
    runtime = ::acs_runtime
);
