//! Operations of group `Bgp` of the `vpc` crate, generated at compile time from its
//! specs by `acs-codegen import --facade vpc`. Depend on `vpc` (feature `bgp`).
#![allow(deprecated)]

#[cfg(feature = "AddBgpNetwork")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/AddBgpNetwork.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateBgpGroup")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CreateBgpGroup.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "CreateBgpPeer")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CreateBgpPeer.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteBgpGroup")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DeleteBgpGroup.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteBgpNetwork")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DeleteBgpNetwork.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteBgpPeer")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DeleteBgpPeer.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeBgpGroups")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeBgpGroups.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeBgpNetworks")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeBgpNetworks.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeBgpPeers")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeBgpPeers.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyBgpGroupAttribute")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ModifyBgpGroupAttribute.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifyBgpPeerAttribute")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ModifyBgpPeerAttribute.json",
    runtime = ::acs_runtime
);
