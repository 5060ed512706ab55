//! Operations of group `IpsecServers` of the `vpc` crate, generated at compile time from its
//! specs by `acs-codegen import --facade vpc`. Depend on `vpc` (feature `ipsec-servers`).
#![allow(deprecated)]

#[cfg(feature = "CreateIpsecServer")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CreateIpsecServer.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteIpsecServer")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DeleteIpsecServer.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ListIpsecServerLogs")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ListIpsecServerLogs.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ListIpsecServers")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ListIpsecServers.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "UpdateIpsecServer")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/UpdateIpsecServer.json",
    runtime = ::acs_runtime
);
