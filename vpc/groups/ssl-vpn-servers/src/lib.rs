//! Operations of group `SslVpnServers` of the `vpc` crate, generated at compile time from its
//! specs by `acs-codegen import --facade vpc`. Depend on `vpc` (feature `ssl-vpn-servers`).
#![allow(deprecated)]

#[cfg(feature = "CreateSslVpnServer")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/CreateSslVpnServer.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DeleteSslVpnServer")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DeleteSslVpnServer.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeSslVpnServers")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeSslVpnServers.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "DescribeVpnSslServerLogs")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/DescribeVpnSslServerLogs.json",
    runtime = ::acs_runtime
);

#[cfg(feature = "ModifySslVpnServer")]
acs_macros::generate!(
    spec = "../../../specs/vpc-2016-04-28/ModifySslVpnServer.json",
    runtime = ::acs_runtime
);
